package pingone

import (
	"mime"
	"net/http"
	"sort"
	"strings"
	"time"
)

// The PROGRESSIVE_PROFILING sign-on action: the flow asks a signed-on user
// for missing profile attributes (user.update) before it completes.

const (
	mtUserUpdate      = "application/vnd.pingidentity.user.update+json"
	statusProfileData = "PROFILE_DATA_REQUIRED"
)

// uc2State holds what these use cases add to the Server, created on first
// use so that server.go only carries one field for it. The caller holds s.mu.
type uc2State struct {
	userAttrs     map[string]map[string]any // extra user attributes (mobilePhone, address...) by user id
	lastPrompt    map[string]time.Time      // last progressive-profiling prompt by user id + action id
	resAttrs      map[string]*resourceAttr
	flowTemplates map[string]map[string]any // pi.template of a request JWT, by flow id
}

func (s *Server) uc2() *uc2State {
	if s.uc2s == nil {
		s.uc2s = &uc2State{
			userAttrs:     map[string]map[string]any{},
			lastPrompt:    map[string]time.Time{},
			resAttrs:      map[string]*resourceAttr{},
			flowTemplates: map[string]map[string]any{},
		}
	}
	return s.uc2s
}

// checkProfilingAction validates a PROGRESSIVE_PROFILING action body (all of
// its properties are required by PingOne).
func checkProfilingAction(body map[string]any) []detail {
	var bad []detail
	attrs, _ := body["attributes"].([]any)
	if len(attrs) == 0 {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "attributes", Message: "must not be empty"})
	}
	for _, a := range attrs {
		m, _ := a.(map[string]any)
		if !profileAttributes[str(m, "name")] {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "attributes.name", Message: "must be an attribute of the user schema: " + strconvQuote(str(m, "name"))})
		}
		if _, ok := m["required"].(bool); !ok {
			bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "attributes.required", Message: "must not be null"})
		}
	}
	if strings.TrimSpace(str(body, "promptText")) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "promptText", Message: "must not be blank"})
	}
	if v, ok := body["promptIntervalSeconds"].(float64); !ok || v < 0 {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "promptIntervalSeconds", Message: "must be a number of seconds"})
	}
	if _, ok := body["preventMultiplePromptsPerFlow"].(bool); !ok {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "preventMultiplePromptsPerFlow", Message: "must not be null"})
	}
	return bad
}

type profilePrompt struct {
	name     string
	required bool
}

func profilePrompts(a *policyAction) []profilePrompt {
	var out []profilePrompt
	attrs, _ := a.body["attributes"].([]any)
	for _, x := range attrs {
		m, _ := x.(map[string]any)
		out = append(out, profilePrompt{name: str(m, "name"), required: m["required"] == true})
	}
	return out
}

// profilingStep decides a PROGRESSIVE_PROFILING action: it prompts (and
// returns true) when the user lacks one of the attributes and was not
// prompted by this action within promptIntervalSeconds. The action never
// authenticates: it needs a user the flow already knows.
func (s *Server) profilingStep(f *flow, a *policyAction) bool {
	u := s.users[f.userID]
	if u == nil {
		f.status = statusSignOn
		return true
	}
	missing := false
	for _, p := range profilePrompts(a) {
		if s.userAttr(u, p.name) == "" {
			missing = true
		}
	}
	if !missing {
		return false
	}
	key := u.id + "/" + a.id
	interval, _ := a.body["promptIntervalSeconds"].(float64)
	if last, ok := s.uc2().lastPrompt[key]; ok && f.status != statusProfileData && s.now().Before(last.Add(time.Duration(interval)*time.Second)) {
		return false
	}
	if f.status != statusProfileData {
		s.uc2().lastPrompt[key] = s.now()
	}
	f.status = statusProfileData
	return true
}

// updateProfile handles user.update: the body is a partial user update; the
// action's required attributes must end up set.
func (s *Server) updateProfile(w http.ResponseWriter, f *flow, body map[string]any) bool {
	u := s.users[f.userID]
	a := f.currentAction()
	if u == nil || a == nil {
		writeNotFound(w)
		return false
	}
	allowed := map[string]bool{}
	for _, p := range profilePrompts(a) {
		allowed[p.name] = true
	}
	var bad []detail
	for _, name := range flatten("", body) {
		if !allowed[name] {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "is not an attribute the progressive profiling action asks for"})
		}
	}
	for _, p := range profilePrompts(a) {
		if p.required && s.userAttr(u, p.name) == "" && !contains(flatten("", body), p.name) {
			bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: p.name, Message: "must not be blank"})
		}
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return false
	}
	vals, bad := userAttrValues(body)
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return false
	}
	s.setUserAttrs(u, vals)
	u.updatedAt = s.now()
	f.step++
	return true
}

// flatten lists the dotted names of a JSON object's leaves.
func flatten(prefix string, m map[string]any) []string {
	var out []string
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			out = append(out, flatten(prefix+k+".", sub)...)
			continue
		}
		out = append(out, prefix+k)
	}
	sort.Strings(out)
	return out
}

func contains(list []string, want string) bool {
	for _, v := range list {
		if v == want {
			return true
		}
	}
	return false
}

// profileFlowJSON adds the PROFILE_DATA_REQUIRED parts of a flow response:
// the user.update link, the prompt and the attributes to collect.
func (s *Server) profileFlowJSON(f *flow, self string, links, out, emb map[string]any) {
	if f.status != statusProfileData {
		return
	}
	links["user.update"] = link(self)
	a := f.currentAction()
	if a == nil {
		return
	}
	out["promptText"] = str(a.body, "promptText")
	var attrs []any
	u := s.users[f.userID]
	for _, p := range profilePrompts(a) {
		m := map[string]any{"name": p.name, "required": p.required}
		if u != nil {
			if v := s.userAttr(u, p.name); v != "" {
				m["value"] = v
			}
		}
		attrs = append(attrs, m)
	}
	emb["attributes"] = attrs
}

// uc2FlowAction handles the flow actions of this file (user.update); false
// when the request is for another action.
func (s *Server) uc2FlowAction(w http.ResponseWriter, r *http.Request, env *environment, base string, f *flow) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if !strings.EqualFold(mt, mtUserUpdate) {
		return false
	}
	if f.status != statusProfileData {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "status", Message: "The action is not valid in the flow's current status " + f.status,
		}})
		return true
	}
	body, ok := readJSONBody(w, r)
	if !ok || !s.updateProfile(w, f, body) {
		return true
	}
	f.status = ""
	s.advance(f)
	s.afterStep(f)
	writeHAL(w, http.StatusOK, s.flowJSON(f, base))
	return true
}
