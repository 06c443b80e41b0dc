package pingone

import (
	"net/http"
	"sort"
	"strings"
)

// signOnPolicyRoutes adds the sign-on policies and their actions.
func (s *Server) signOnPolicyRoutes(add addRoute) {
	add("GET POST", "signOnPolicies", s.policiesCollection)
	add("GET PUT DELETE", "signOnPolicies/{policyID}", s.withPolicy(s.policyItem))
	actions := s.withPolicy(func(w http.ResponseWriter, r *http.Request, env *environment, pol *signOnPolicy, base string) {
		s.policyActionsRoute(w, r, env, pol, base, r.PathValue("actionID"))
	})
	add("GET POST", "signOnPolicies/{policyID}/actions", actions)
	add("GET PUT", "signOnPolicies/{policyID}/actions/{actionID}", actions)
}

// withPolicy resolves {policyID} in the environment.
func (s *Server) withPolicy(h itemHandler[*signOnPolicy]) apiHandler {
	return inEnvironment("policyID", func(id string) *signOnPolicy { return s.policies[id] }, h)
}

func (s *Server) policiesCollection(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	switch r.Method {
	case http.MethodGet:
		var out []any
		for _, p := range sortedBySeq(s.policies, func(p *signOnPolicy) (string, int64) { return p.envID, p.seq }, env.id) {
			out = append(out, s.policyJSON(p, base))
		}
		writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/signOnPolicies", "signOnPolicies", out))
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
}

// policyItem reads, replaces and deletes a sign-on policy (not the
// default one; its assignments and actions go with it).
func (s *Server) policyItem(w http.ResponseWriter, r *http.Request, env *environment, pol *signOnPolicy, base string) {
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
}

// policyActionsRoute serves a policy's actions (id "": list, create) and
// one action (read, replace).
func (s *Server) policyActionsRoute(w http.ResponseWriter, r *http.Request, env *environment, pol *signOnPolicy, base, id string) {
	if id == "" {
		switch r.Method {
		case http.MethodGet:
			var out []any
			for _, a := range s.policyActions(pol.id) {
				out = append(out, s.actionJSON(a, base))
			}
			writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/signOnPolicies/"+pol.id+"/actions", "actions", out))
		case http.MethodPost:
			s.createAction(w, r, env, pol, base)
		default:
			writeMethodNotAllowed(w)
		}
		return
	}
	a := s.actions[id]
	switch {
	case a == nil || a.policyID != pol.id:
		writeNotFound(w)
	case r.Method == http.MethodGet:
		writeHAL(w, http.StatusOK, s.actionJSON(a, base))
	default:
		s.putAction(w, r, env, pol, base, a)
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
	typ := str(body, "type")
	bad := s.checkAction(env, typ, body)
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

// checkAction validates what a sign-on action of type typ holds.
func (s *Server) checkAction(env *environment, typ string, body map[string]any) []detail {
	switch typ {
	case "LOGIN":
		return append(s.checkSocialProviders(env, body), s.checkRegistration(env, body)...) // social.go
	case "AGREEMENT":
		ag := s.agreements[str(obj(body, "agreement"), "id")]
		if ag == nil || ag.envID != env.id {
			return []detail{{Code: "INVALID_VALUE", Target: "agreement.id", Message: "Referenced agreement does not exist"}}
		}
		if !ag.enabled {
			return []detail{{Code: "INVALID_VALUE", Target: "agreement.id", Message: "Referenced agreement is not enabled"}}
		}
	case "MULTI_FACTOR_AUTHENTICATION":
		return s.checkMFAAction(env, body)
	case "PROGRESSIVE_PROFILING":
		return checkProfilingAction(body)
	case "IDENTIFIER_FIRST":
		return s.checkIdentifierFirst(env, body)
	case "":
		return []detail{{Code: "REQUIRED_VALUE", Target: "type", Message: "must not be null"}}
	default:
		return []detail{{Code: "INVALID_VALUE", Target: "type", Message: "sign-on action type " + typ + " is not supported by the local PingOne (LOGIN, IDENTIFIER_FIRST, MULTI_FACTOR_AUTHENTICATION, AGREEMENT, PROGRESSIVE_PROFILING)"}}
	}
	return nil
}

// checkMFAAction validates a MULTI_FACTOR_AUTHENTICATION action: its
// device authentication policy exists, or one method of the older
// per-type switches is on.
func (s *Server) checkMFAAction(env *environment, body map[string]any) []detail {
	var bad []detail
	if pid := str(obj(body, "deviceAuthenticationPolicy"), "id"); pid != "" {
		if p := s.deviceAuthPolicies[pid]; p == nil || p.envID != env.id {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "deviceAuthenticationPolicy.id", Message: "Referenced device authentication policy does not exist"})
		}
	}
	if obj(body, "deviceAuthenticationPolicy") == nil {
		on := false
		for _, k := range []string{"email", "sms", "voice", "mobile", "applications", "securityKey", "authenticator"} {
			if obj(body, k)["enabled"] == true {
				on = true
			}
		}
		if !on {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "At least one MFA method must be enabled"})
		}
	}
	return bad
}

// checkRegistration validates an action's registration: when enabled, its
// population must be the environment's.
func (s *Server) checkRegistration(env *environment, body map[string]any) []detail {
	if reg := obj(body, "registration"); reg["enabled"] == true {
		if p := s.populations[str(obj(reg, "population"), "id")]; p == nil || p.envID != env.id {
			return []detail{{Code: "INVALID_VALUE", Target: "registration.population.id", Message: "Referenced population does not exist"}}
		}
	}
	return nil
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
