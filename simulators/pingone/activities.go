package pingone

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

type activity struct {
	id, envID, correlationID string
	recordedAt               time.Time
	actionType, description  string
	resType, resID, resName  string
	clientID, clientName     string
	clientEnv                string
	status                   string
	extra                    []activityRes // consent_activities.go: further resources (a consent's agreement)
}

// resourceTypes maps a management path segment to its audit resource type.
var resourceTypes = map[string]string{
	"populations": "POPULATION", "users": "USER", "applications": "APPLICATION", "signOnPolicies": "SIGN_ON_POLICY",
	"resources": "RESOURCE", "groups": "GROUP", "agreements": "AGREEMENT", "deviceAuthenticationPolicies": "DEVICE_AUTHENTICATION_POLICY",
	"passwordPolicies": "PASSWORD_POLICY", "identityProviders": "IDENTITY_PROVIDER", "gateways": "GATEWAY",
	"riskPolicySets": "RISK_POLICY_SET", "riskEvaluations": "RISK_EVALUATION", "keys": "KEY_PAIR", "certificates": "CERTIFICATE",
	"images": "IMAGE", "propagationplans": "PROPAGATION_PLAN", "propagationstores": "PROPAGATION_STORE",
	"propagationrules": "PROPAGATION_RULE", "propagationmappings": "PROPAGATION_MAPPING",
}

// auditWriter records an activity for each successful management write
// (create, update, delete) it carries the response of.
type auditWriter struct {
	http.ResponseWriter
	s        *Server
	r        *http.Request
	c        *caller
	env      *environment
	rest     []string
	status   int
	recorded bool
}

// audit wraps w so the management request in env is recorded as an
// activity when it succeeds. GET requests are not recorded. The caller
// holds s.mu, which the writer relies on when it records.
func (s *Server) audit(w http.ResponseWriter, r *http.Request, c *caller, env *environment, rest []string) http.ResponseWriter {
	if r.Method == http.MethodGet || r.Method == http.MethodHead || len(rest) == 0 {
		return w
	}
	return &auditWriter{ResponseWriter: w, s: s, r: r, c: c, env: env, rest: rest}
}

func (a *auditWriter) WriteHeader(code int) {
	a.status = code
	a.ResponseWriter.WriteHeader(code)
	if code == http.StatusNoContent {
		a.record(nil)
	}
}

func (a *auditWriter) Write(b []byte) (int, error) {
	if a.status == 0 {
		a.status = http.StatusOK
	}
	a.record(b)
	return a.ResponseWriter.Write(b)
}

func (a *auditWriter) record(body []byte) {
	if a.recorded || a.status < 200 || a.status > 299 {
		return
	}
	a.recorded = true
	rest := a.rest
	if rest[0] == "propagation" && len(rest) >= 2 {
		// propagation/{plans,stores,rules,mappings} → PROPAGATION_PLAN...
		rest = append([]string{"propagation" + rest[1]}, rest[2:]...)
	}
	seg, id := rest[0], ""
	if len(rest) >= 2 {
		id = rest[1]
	}
	typ := resourceTypes[seg]
	if typ == "" {
		return
	}
	verb := map[string]string{http.MethodPost: "CREATED", http.MethodPut: "UPDATED", http.MethodPatch: "UPDATED", http.MethodDelete: "DELETED"}[a.r.Method]
	if len(rest) > 2 {
		verb = "UPDATED" // a sub-resource changed: recorded on its owner
	}
	if verb == "" {
		return
	}
	var m map[string]any
	_ = json.Unmarshal(body, &m)
	name := str(m, "name")
	if name == "" {
		name = str(m, "username")
	}
	if id == "" || (verb == "CREATED" && len(rest) == 1) {
		id = str(m, "id")
	}
	if id == "" {
		return
	}
	words := strings.ToLower(strings.ReplaceAll(typ, "_", " "))
	a.s.more().activities = append(a.s.more().activities, &activity{
		id: newID(), envID: a.env.id, correlationID: newID(), recordedAt: a.s.now(),
		actionType: typ + "." + verb, description: titleCase(words + " " + strings.ToLower(verb)),
		resType: typ, resID: id, resName: name,
		clientID: a.c.app.id, clientName: a.c.app.str("name"), clientEnv: a.c.app.envID, status: "SUCCESS",
	})
}

func titleCase(s string) string {
	parts := strings.Fields(s)
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(parts, " ")
}

// activityTerm is one term of the activities filter PingOne accepts:
// recordedAt/createdAt with gt, ge, lt, le; action.type, resources.id,
// resources.type, actors.client.id, correlationId with eq. Attribute
// names and operators are case-insensitive, as in SCIM (PingOne's own
// examples write "recordedat" and "AND").
var activityTerm = newLazyRegexp(`(?i)^\(?\s*(recordedAt|createdAt|action\.type|resources\.id|resources\.type|actors\.client\.id|correlationId)\s+(eq|gt|ge|lt|le)\s+"([^"]*)"\s*\)?$`)

// activityAttrs maps a filter attribute, lower-cased, to its canonical name.
var activityAttrs = map[string]string{}

func init() {
	for _, a := range []string{"recordedAt", "createdAt", "action.type", "resources.id", "resources.type", "actors.client.id", "correlationId"} {
		activityAttrs[strings.ToLower(a)] = a
	}
}

func invalidFilter(w http.ResponseWriter, msg string) {
	writeError(w, http.StatusBadRequest, "INVALID_FILTER", "The request could not be completed. The filter is invalid.", []detail{{
		Code: "INVALID_FILTER", Target: "filter", Message: msg}})
}

// readActivity answers GET /activities/{id}.
func (s *Server) readActivity(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	for _, a := range s.more().activities {
		if a.id == r.PathValue("activityID") && a.envID == env.id {
			writeHAL(w, http.StatusOK, activityJSON(a, base))
			return
		}
	}
	writeNotFound(w)
}

// activityCond is one condition of an activities filter.
type activityCond struct{ attr, op, val string }

// listActivities serves GET /activities?filter= and the documented
// POST /activities that carries filter, limit and cursor in its body
// (form-encoded or JSON) to keep personal data out of the URL.
func (s *Server) listActivities(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	params := r.URL.Query()
	if r.Method == http.MethodPost {
		var ok bool
		if params, ok = activityQueryBody(w, r); !ok {
			return
		}
	}
	terms, ok := parseActivityFilter(w, params.Get("filter"))
	if !ok {
		return
	}
	limit := 100 // PingOne's default page size
	if l := params.Get("limit"); l != "" {
		if n, err := strconv.Atoi(l); err == nil && n >= 0 {
			limit = n
		}
	}
	var out []any
	// Newest first, as PingOne returns them.
	st := s.more()
	for i := len(st.activities) - 1; i >= 0 && len(out) < limit; i-- {
		if a := st.activities[i]; a.envID == env.id && a.matches(terms) {
			out = append(out, activityJSON(a, base))
		}
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/activities", "activities", out))
}

// parseActivityFilter reads an activities filter: eq terms and a
// recordedAt or createdAt range joined by "and". It answers 400 itself.
func parseActivityFilter(w http.ResponseWriter, filter string) ([]activityCond, bool) {
	f := strings.TrimSpace(filter)
	if f == "" {
		invalidFilter(w, "A filter with a recordedAt or createdAt date range is required")
		return nil, false
	}
	var terms []activityCond
	dated := false
	for _, part := range regexp.MustCompile(`(?i)\s+and\s+`).Split(f, -1) {
		m := activityTerm.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			invalidFilter(w, "Unsupported filter expression")
			return nil, false
		}
		attr, op := activityAttrs[strings.ToLower(m[1])], strings.ToLower(m[2])
		timeAttr := attr == "recordedAt" || attr == "createdAt"
		if (timeAttr && op == "eq") || (!timeAttr && op != "eq") {
			invalidFilter(w, "Unsupported filter expression")
			return nil, false
		}
		if timeAttr {
			if _, err := time.Parse(time.RFC3339, m[3]); err != nil {
				invalidFilter(w, "Invalid date "+m[3])
				return nil, false
			}
			dated = true
		}
		terms = append(terms, activityCond{attr, op, m[3]})
	}
	if !dated {
		// "The minimum filter must include a date range for either the
		// recorded event time or the created event time."
		invalidFilter(w, "The filter must include a recordedAt or createdAt date range")
		return nil, false
	}
	return terms, true
}

// matches reports whether a meets every term of a filter.
func (a *activity) matches(terms []activityCond) bool {
	for _, t := range terms {
		if !a.meets(t) {
			return false
		}
	}
	return true
}

func (a *activity) meets(t activityCond) bool {
	switch t.attr {
	case "recordedAt", "createdAt":
		at, _ := time.Parse(time.RFC3339, t.val)
		switch t.op {
		case "gt":
			return a.recordedAt.After(at)
		case "ge":
			return !a.recordedAt.Before(at)
		case "lt":
			return a.recordedAt.Before(at)
		case "le":
			return !a.recordedAt.After(at)
		}
	case "action.type":
		return strings.EqualFold(a.actionType, t.val)
	case "resources.id":
		return strings.EqualFold(a.resID, t.val) || a.hasResource(func(x activityRes) bool { return strings.EqualFold(x.id, t.val) })
	case "resources.type":
		// PingOne's examples filter on "user" for USER resources.
		return strings.EqualFold(a.resType, t.val) || a.hasResource(func(x activityRes) bool { return strings.EqualFold(x.typ, t.val) })
	case "actors.client.id":
		return strings.EqualFold(a.clientID, t.val)
	case "correlationId":
		return strings.EqualFold(a.correlationID, t.val)
	}
	return true
}

func activityJSON(a *activity, base string) map[string]any {
	res := map[string]any{"type": a.resType, "id": a.resID, "environment": ref(a.envID)}
	if a.resName != "" {
		res["name"] = a.resName
	}
	return map[string]any{
		"_links":        map[string]any{"self": link(base + "/environments/" + a.envID + "/activities/" + a.id)},
		"id":            a.id,
		"recordedAt":    ts(a.recordedAt),
		"createdAt":     ts(a.recordedAt),
		"correlationId": a.correlationID,
		"actors": map[string]any{"client": map[string]any{
			"id": a.clientID, "name": a.clientName, "type": "CLIENT", "environment": ref(a.clientEnv),
			"href": base + "/environments/" + a.clientEnv + "/applications/" + a.clientID,
		}},
		"action":    map[string]any{"type": a.actionType, "description": a.description},
		"resources": append([]any{res}, a.extraJSON()...),
		"result":    map[string]any{"status": a.status, "description": a.description + " " + orDefault(a.resName, a.resID)},
	}
}

// activityQueryBody reads POST /activities' filter, limit and cursor from a
// form-encoded or JSON body.
func activityQueryBody(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "body", Message: "The request body could not be read"})
		return nil, false
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/json" {
		// limit as a number or, as in the form, a string.
		var b struct {
			Filter string      `json:"filter"`
			Limit  json.Number `json:"limit"`
			Cursor string      `json:"cursor"`
		}
		if err := json.Unmarshal(raw, &b); err != nil {
			writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "body", Message: "The request body is not valid JSON"})
			return nil, false
		}
		v := url.Values{"filter": {b.Filter}, "cursor": {b.Cursor}}
		if b.Limit != "" {
			v.Set("limit", b.Limit.String())
		}
		return v, true
	}
	v, err := url.ParseQuery(string(raw))
	if err != nil {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "body", Message: "The request body is not form-encoded"})
		return nil, false
	}
	return v, true
}
