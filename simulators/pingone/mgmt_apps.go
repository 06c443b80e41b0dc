package pingone

import (
	"net/http"
	"sort"
	"strings"
)

var (
	appTypes        = map[string]bool{"WEB_APP": true, "NATIVE_APP": true, "SINGLE_PAGE_APP": true, "WORKER": true, "SERVICE": true, "CUSTOM_APP": true}
	grantTypes      = map[string]bool{"AUTHORIZATION_CODE": true, "IMPLICIT": true, "REFRESH_TOKEN": true, "CLIENT_CREDENTIALS": true, "DEVICE_CODE": true, "TOKEN_EXCHANGE": true}
	authMethods     = map[string]bool{"NONE": true, "CLIENT_SECRET_BASIC": true, "CLIENT_SECRET_POST": true, "CLIENT_SECRET_JWT": true, "PRIVATE_KEY_JWT": true}
	pkceEnforcement = map[string]bool{"OPTIONAL": true, "REQUIRED": true, "S256_REQUIRED": true}
)

func (s *Server) routeApplications(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	list := base + "/environments/" + env.id + "/applications"
	if len(rest) == 0 {
		switch r.Method {
		case http.MethodGet:
			var out []any
			for _, a := range sortedBySeq(s.apps, func(a *application) (string, int64) { return a.envID, a.seq }, env.id) {
				out = append(out, s.applicationJSON(a, base))
			}
			writeHAL(w, http.StatusOK, collection(list, "applications", out))
		case http.MethodPost:
			s.createApplication(w, r, env, base)
		default:
			writeMethodNotAllowed(w)
		}
		return
	}
	app := s.apps[rest[0]]
	if app == nil || app.envID != env.id {
		writeNotFound(w)
		return
	}
	self := list + "/" + app.id
	switch {
	case len(rest) == 1 && r.Method == http.MethodPut:
		s.replaceApplication(w, r, app, base)
	case len(rest) == 1 && r.Method == http.MethodDelete:
		if app.orgAdmin {
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
			return
		}
		delete(s.apps, app.id)
		w.WriteHeader(http.StatusNoContent)
	case len(rest) == 1:
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, s.applicationJSON(app, base))
	case rest[1] == "secret" && len(rest) == 2:
		switch r.Method {
		case http.MethodGet:
		case http.MethodPost: // regenerate
			app.secret = newSecret()
			app.updatedAt = s.now()
		default:
			writeMethodNotAllowed(w)
			return
		}
		if app.str("tokenEndpointAuthMethod") == "NONE" {
			writeNotFound(w) // public clients have no secret
			return
		}
		writeHAL(w, http.StatusOK, map[string]any{
			"_links": map[string]any{"self": link(self + "/secret"), "application": link(self)},
			"secret": app.secret,
		})
	case rest[1] == "signOnPolicyAssignments":
		s.routeAssignments(w, r, env, app, base, rest[2:])
	case rest[1] == "grants":
		s.routeGrants(w, r, env, app, base, rest[2:])
	case rest[1] == "roleAssignments":
		s.routeRoleAssignments(w, r, env, base, "applications", app.id, rest[2:])
	default:
		writeNotFound(w)
	}
}

func (s *Server) createApplication(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	if str(body, "protocol") == "SAML" { // saml.go
		s.createSAMLApplication(w, env, base, body)
		return
	}
	bad := validateOIDCApp(body)
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	now := s.now()
	app := &application{id: newID(), envID: env.id, body: body, createdAt: now, updatedAt: now, seq: s.next()}
	if str(body, "tokenEndpointAuthMethod") != "NONE" {
		app.secret = newSecret()
	}
	s.apps[app.id] = app
	writeHAL(w, http.StatusCreated, s.applicationJSON(app, base))
}

// validateOIDCApp checks an OIDC application's create or replace body and
// fills PingOne's defaults into it.
func validateOIDCApp(body map[string]any) []detail {
	var bad []detail
	if strings.TrimSpace(str(body, "name")) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
	}
	typ := str(body, "type")
	if !appTypes[typ] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "must be one of [WEB_APP, NATIVE_APP, SINGLE_PAGE_APP, WORKER, SERVICE, CUSTOM_APP]"})
	}
	if str(body, "protocol") != "OPENID_CONNECT" {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "protocol", Message: "must be OPENID_CONNECT"})
	}
	if _, ok := body["enabled"]; !ok {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "enabled", Message: "must not be null"})
	}
	grants, _ := body["grantTypes"].([]any)
	if len(grants) == 0 {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "grantTypes", Message: "must not be empty"})
	}
	needsRedirect := false
	for _, g := range grants {
		gs, _ := g.(string)
		if !grantTypes[gs] {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "grantTypes", Message: "unsupported grant type " + gs})
		}
		if gs == "AUTHORIZATION_CODE" || gs == "IMPLICIT" {
			needsRedirect = true
		}
	}
	if uris, _ := body["redirectUris"].([]any); needsRedirect && len(uris) == 0 {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "redirectUris", Message: "must not be empty for the authorization code and implicit grant types"})
	}
	method := str(body, "tokenEndpointAuthMethod")
	if method == "" {
		method = "CLIENT_SECRET_BASIC"
		body["tokenEndpointAuthMethod"] = method
	}
	if !authMethods[method] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "tokenEndpointAuthMethod", Message: "must be one of [NONE, CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, CLIENT_SECRET_JWT, PRIVATE_KEY_JWT]"})
	}
	if typ == "WORKER" && method == "NONE" {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "tokenEndpointAuthMethod", Message: "a WORKER application must authenticate with a client secret"})
	}
	if p := str(body, "pkceEnforcement"); p == "" {
		body["pkceEnforcement"] = "OPTIONAL"
	} else if !pkceEnforcement[p] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "pkceEnforcement", Message: "must be one of [OPTIONAL, REQUIRED, S256_REQUIRED]"})
	}
	if len(bad) == 0 && needsRedirect && body["responseTypes"] == nil {
		body["responseTypes"] = []any{"CODE"}
	}
	return bad
}

// replaceApplication answers PUT: the body replaces the stored one (the
// protocol and type of an application cannot change), the id, secret and
// assignments stay.
func (s *Server) replaceApplication(w http.ResponseWriter, r *http.Request, app *application, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	for _, k := range []string{"id", "environment", "createdAt", "updatedAt", "_links"} {
		delete(body, k)
	}
	var bad []detail
	if str(body, "protocol") != app.str("protocol") {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "protocol", Message: "cannot be changed"})
	}
	if str(body, "type") != app.str("type") {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "cannot be changed"})
	}
	if app.str("protocol") == "OPENID_CONNECT" {
		bad = append(bad, validateOIDCApp(body)...)
	} else if strings.TrimSpace(str(body, "name")) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	app.body, app.updatedAt = body, s.now()
	writeHAL(w, http.StatusOK, s.applicationJSON(app, base))
}

func (s *Server) applicationJSON(a *application, base string) map[string]any {
	self := base + "/environments/" + a.envID + "/applications/" + a.id
	out := map[string]any{}
	for k, v := range a.body {
		out[k] = v
	}
	out["_links"] = map[string]any{
		"self":                    link(self),
		"environment":             link(base + "/environments/" + a.envID),
		"attributes":              link(self + "/attributes"),
		"grants":                  link(self + "/grants"),
		"secret":                  link(self + "/secret"),
		"signOnPolicyAssignments": link(self + "/signOnPolicyAssignments"),
	}
	out["id"] = a.id
	out["environment"] = ref(a.envID)
	out["createdAt"] = ts(a.createdAt)
	out["updatedAt"] = ts(a.updatedAt)
	return out
}

func (s *Server) routeAssignments(w http.ResponseWriter, r *http.Request, env *environment, app *application, base string, rest []string) {
	list := base + "/environments/" + env.id + "/applications/" + app.id + "/signOnPolicyAssignments"
	switch {
	case len(rest) == 0 && r.Method == http.MethodGet:
		var out []any
		for _, a := range s.appAssignments(app.id) {
			out = append(out, s.assignmentJSON(a, base))
		}
		writeHAL(w, http.StatusOK, collection(list, "signOnPolicyAssignments", out))
	case len(rest) == 0 && r.Method == http.MethodPost:
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		polID := str(obj(body, "signOnPolicy"), "id")
		pol := s.policies[polID]
		var bad []detail
		if pol == nil || pol.envID != env.id {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "signOnPolicy.id", Message: "Referenced sign-on policy does not exist"})
		}
		prio, isNum := body["priority"].(float64)
		if !isNum || prio < 1 {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "priority", Message: "must be greater than or equal to 1"})
		}
		if len(bad) > 0 {
			writeInvalidData(w, bad...)
			return
		}
		now := s.now()
		a := &policyAssignment{id: newID(), envID: env.id, appID: app.id, policyID: polID, priority: int(prio), createdAt: now, updatedAt: now, seq: s.next()}
		s.assignments[a.id] = a
		writeHAL(w, http.StatusCreated, s.assignmentJSON(a, base))
	case len(rest) == 1 && r.Method == http.MethodGet:
		a := s.assignments[rest[0]]
		if a == nil || a.appID != app.id {
			writeNotFound(w)
			return
		}
		writeHAL(w, http.StatusOK, s.assignmentJSON(a, base))
	case len(rest) <= 1:
		writeMethodNotAllowed(w)
	default:
		writeNotFound(w)
	}
}

func (s *Server) appAssignments(appID string) []*policyAssignment {
	var out []*policyAssignment
	for _, a := range s.assignments {
		if a.appID == appID {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].priority != out[j].priority {
			return out[i].priority < out[j].priority
		}
		return out[i].seq < out[j].seq
	})
	return out
}

func (s *Server) assignmentJSON(a *policyAssignment, base string) map[string]any {
	envURL := base + "/environments/" + a.envID
	return map[string]any{
		"_links": map[string]any{
			"self":         link(envURL + "/applications/" + a.appID + "/signOnPolicyAssignments/" + a.id),
			"environment":  link(envURL),
			"application":  link(envURL + "/applications/" + a.appID),
			"signOnPolicy": link(envURL + "/signOnPolicies/" + a.policyID),
		},
		"id": a.id, "environment": ref(a.envID), "application": ref(a.appID), "signOnPolicy": ref(a.policyID),
		"priority": a.priority, "createdAt": ts(a.createdAt), "updatedAt": ts(a.updatedAt),
	}
}

// --- sign-on policies -----------------------------------------------------

func (s *Server) routePolicies(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	list := base + "/environments/" + env.id + "/signOnPolicies"
	if len(rest) == 0 {
		switch r.Method {
		case http.MethodGet:
			var out []any
			for _, p := range sortedBySeq(s.policies, func(p *signOnPolicy) (string, int64) { return p.envID, p.seq }, env.id) {
				out = append(out, s.policyJSON(p, base))
			}
			writeHAL(w, http.StatusOK, collection(list, "signOnPolicies", out))
		case http.MethodPost:
			body, ok := readJSONBody(w, r, mtJSON)
			if !ok {
				return
			}
			name := str(body, "name")
			if bad := s.policyNameProblem(env.id, "", name); bad != nil {
				writeInvalidData(w, *bad)
				return
			}
			now := s.now()
			p := &signOnPolicy{id: newID(), envID: env.id, name: name, description: str(body, "description"),
				isDefault: body["default"] == true, createdAt: now, updatedAt: now, seq: s.next()}
			s.policies[p.id] = p
			if p.isDefault {
				for _, o := range s.policies {
					if o.envID == env.id && o.id != p.id {
						o.isDefault = false
					}
				}
				env.defaultPolicy = p.id
			}
			writeHAL(w, http.StatusCreated, s.policyJSON(p, base))
		default:
			writeMethodNotAllowed(w)
		}
		return
	}
	pol := s.policies[rest[0]]
	if pol == nil || pol.envID != env.id {
		writeNotFound(w)
		return
	}
	if len(rest) == 1 {
		switch r.Method {
		case http.MethodGet:
			writeHAL(w, http.StatusOK, s.policyJSON(pol, base))
		case http.MethodPut:
			s.updatePolicy(w, r, env, pol, base)
		case http.MethodDelete:
			if pol.isDefault {
				writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "default", Message: "The default sign-on policy cannot be deleted"})
				return
			}
			delete(s.policies, pol.id)
			for id, a := range s.assignments {
				if a.policyID == pol.id {
					delete(s.assignments, id)
				}
			}
			for id, a := range s.actions {
				if a.policyID == pol.id {
					delete(s.actions, id)
				}
			}
			w.WriteHeader(http.StatusNoContent)
		default:
			writeMethodNotAllowed(w)
		}
		return
	}
	if rest[1] != "actions" || len(rest) > 3 {
		writeNotFound(w)
		return
	}
	switch {
	case len(rest) == 2 && r.Method == http.MethodGet:
		var out []any
		for _, a := range s.policyActions(pol.id) {
			out = append(out, s.actionJSON(a, base))
		}
		writeHAL(w, http.StatusOK, collection(list+"/"+pol.id+"/actions", "actions", out))
	case len(rest) == 2 && r.Method == http.MethodPost:
		s.createAction(w, r, env, pol, base)
	case len(rest) == 3 && r.Method == http.MethodGet:
		a := s.actions[rest[2]]
		if a == nil || a.policyID != pol.id {
			writeNotFound(w)
			return
		}
		writeHAL(w, http.StatusOK, s.actionJSON(a, base))
	case len(rest) == 3 && r.Method == http.MethodPut:
		a := s.actions[rest[2]]
		if a == nil || a.policyID != pol.id {
			writeNotFound(w)
			return
		}
		s.putAction(w, r, env, pol, base, a)
	default:
		writeMethodNotAllowed(w)
	}
}

func (s *Server) createAction(w http.ResponseWriter, r *http.Request, env *environment, pol *signOnPolicy, base string) {
	s.putAction(w, r, env, pol, base, nil)
}

// putAction creates an action (old == nil) or replaces one (PUT): the
// body is validated alike, and the type of an existing action is fixed.
func (s *Server) putAction(w http.ResponseWriter, r *http.Request, env *environment, pol *signOnPolicy, base string, old *policyAction) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	var bad []detail
	typ := str(body, "type")
	switch typ {
	case "LOGIN":
		bad = append(bad, s.checkSocialProviders(env, body)...) // social.go
		if reg := obj(body, "registration"); reg["enabled"] == true {
			if p := s.populations[str(obj(reg, "population"), "id")]; p == nil || p.envID != env.id {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "registration.population.id", Message: "Referenced population does not exist"})
			}
		}
	case "AGREEMENT":
		ag := s.agreements[str(obj(body, "agreement"), "id")]
		if ag == nil || ag.envID != env.id {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "agreement.id", Message: "Referenced agreement does not exist"})
		} else if !ag.enabled {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "agreement.id", Message: "Referenced agreement is not enabled"})
		}
	case "MULTI_FACTOR_AUTHENTICATION":
		if pid := str(obj(body, "deviceAuthenticationPolicy"), "id"); pid != "" {
			if p := s.deviceAuthPolicies[pid]; p == nil || p.envID != env.id {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "deviceAuthenticationPolicy.id", Message: "Referenced device authentication policy does not exist"})
			}
		}
		// One MFA method must be on, either through a device authentication
		// policy or the per-type switches of the older request shape.
		if obj(body, "deviceAuthenticationPolicy") == nil {
			on := false
			for _, k := range []string{"email", "sms", "voice", "applications", "securityKey", "authenticator"} {
				if obj(body, k)["enabled"] == true {
					on = true
				}
			}
			if !on {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "At least one MFA method must be enabled"})
			}
		}
	case "PROGRESSIVE_PROFILING":
		bad = append(bad, checkProfilingAction(body)...)
	case "IDENTIFIER_FIRST":
		bad = append(bad, s.checkIdentifierFirst(env, body)...)
	case "":
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "type", Message: "must not be null"})
	default:
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "sign-on action type " + typ + " is not supported by the local PingOne (LOGIN, IDENTIFIER_FIRST, MULTI_FACTOR_AUTHENTICATION, AGREEMENT, PROGRESSIVE_PROFILING)"})
	}
	prio, isNum := body["priority"].(float64)
	if !isNum || prio < 1 {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "priority", Message: "must be greater than or equal to 1"})
	}
	if old != nil && typ != old.typ {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "The type of a sign-on action cannot change"})
	}
	for _, a := range s.policyActions(pol.id) {
		if isNum && a.priority == int(prio) && a != old {
			bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "priority", Message: "An action with the specified priority already exists in the sign-on policy"})
		}
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	now := s.now()
	if old != nil {
		old.priority, old.body, old.updatedAt = int(prio), body, now
		writeHAL(w, http.StatusOK, s.actionJSON(old, base))
		return
	}
	a := &policyAction{id: newID(), envID: env.id, policyID: pol.id, typ: typ, priority: int(prio), body: body, createdAt: now, updatedAt: now, seq: s.next()}
	s.actions[a.id] = a
	writeHAL(w, http.StatusCreated, s.actionJSON(a, base))
}

func (s *Server) policyActions(policyID string) []*policyAction {
	var out []*policyAction
	for _, a := range s.actions {
		if a.policyID == policyID {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].priority < out[j].priority })
	return out
}

func (s *Server) policyJSON(p *signOnPolicy, base string) map[string]any {
	self := base + "/environments/" + p.envID + "/signOnPolicies/" + p.id
	return map[string]any{
		"_links": map[string]any{
			"self":        link(self),
			"environment": link(base + "/environments/" + p.envID),
			"actions":     link(self + "/actions"),
		},
		"id": p.id, "environment": ref(p.envID), "name": p.name, "description": p.description,
		"default": p.isDefault, "createdAt": ts(p.createdAt), "updatedAt": ts(p.updatedAt),
	}
}

func (s *Server) actionJSON(a *policyAction, base string) map[string]any {
	polURL := base + "/environments/" + a.envID + "/signOnPolicies/" + a.policyID
	out := map[string]any{}
	for k, v := range a.body {
		out[k] = v
	}
	out["_links"] = map[string]any{
		"self":         link(polURL + "/actions/" + a.id),
		"environment":  link(base + "/environments/" + a.envID),
		"signOnPolicy": link(polURL),
	}
	out["id"] = a.id
	out["environment"] = ref(a.envID)
	out["signOnPolicy"] = ref(a.policyID)
	out["priority"] = a.priority
	out["type"] = a.typ
	out["createdAt"] = ts(a.createdAt)
	out["updatedAt"] = ts(a.updatedAt)
	return out
}

// policyNameProblem checks a sign-on policy name: required, and unique in
// the environment (case-insensitively) among policies other than self.
func (s *Server) policyNameProblem(envID, self, name string) *detail {
	if strings.TrimSpace(name) == "" {
		return &detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}
	}
	for _, p := range s.policies {
		if p.envID == envID && p.id != self && strings.EqualFold(p.name, name) {
			return &detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A sign-on policy with the specified name already exists"}
		}
	}
	return nil
}
