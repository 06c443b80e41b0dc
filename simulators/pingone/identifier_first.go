package pingone

import (
	"net/http"
	"strings"
)

// IDENTIFIER_FIRST sign-on: the flow asks for the username alone
// (SIGN_ON_REQUIRED, user.lookup), then either for the password of the
// user found (PASSWORD_REQUIRED, password.check) or, when no user has that
// identifier and a discovery rule matches it (or the user found is linked
// to an external provider), sends the user to that identity provider
// (EXTERNAL_AUTHENTICATION_REQUIRED; see external_auth.go).

const (
	statusPassword  = "PASSWORD_REQUIRED"
	mtPasswordCheck = "application/vnd.pingidentity.password.check+json"
)

// checkIdentifierFirst validates an IDENTIFIER_FIRST action: every listed
// social provider and every discovery rule's provider must be an identity
// provider of the environment, and a rule's condition is PingOne's
// {"value": "${identifier}", "contains": "<text>"}.
func (s *Server) checkIdentifierFirst(env *environment, body map[string]any) []detail {
	bad := s.checkSocialProviders(env, body) // social.go
	rules, _ := body["discoveryRules"].([]any)
	if len(rules) > 100 {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "discoveryRules", Message: "must have at most 100 rules"})
	}
	for _, x := range rules {
		rule, _ := x.(map[string]any)
		cond := obj(rule, "condition")
		if !identifierVars[str(cond, "value")] || strings.TrimSpace(str(cond, "contains")) == "" {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "discoveryRules.condition",
				Message: "must be {\"value\": \"${identifier}\", \"contains\": \"<text>\"}"})
		}
		if s.more().get(str(obj(rule, "identityProvider"), "id"), kindIdentityProvider.name, env.id) == nil {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "discoveryRules.identityProvider.id", Message: "Referenced identity provider does not exist"})
		}
	}
	return append(bad, s.checkRegistration(env, body)...)
}

// identifierVars are the expressions a discovery rule may test: what the
// user typed.
var identifierVars = map[string]bool{"${identifier}": true, "${user.username}": true, "${user.*}": true}

// discoverProvider returns the identity provider of the first discovery
// rule whose text the identifier contains (case-insensitively), or nil.
func (s *Server) discoverProvider(env *environment, a *policyAction, identifier string) *rec {
	rules, _ := a.body["discoveryRules"].([]any)
	for _, x := range rules {
		rule, _ := x.(map[string]any)
		if strings.Contains(strings.ToLower(identifier), strings.ToLower(str(obj(rule, "condition"), "contains"))) {
			if idp := s.more().get(str(obj(rule, "identityProvider"), "id"), kindIdentityProvider.name, env.id); idp != nil {
				return idp
			}
		}
	}
	return nil
}

// identifierFirstStep sets the status of an IDENTIFIER_FIRST action not yet
// done; it reports whether the flow waits on it.
func (s *Server) identifierFirstStep(f *flow, loginDone bool) bool {
	switch {
	case loginDone:
		return false
	case f.extIdP != "":
		f.status = statusExternalAuth
	case f.userID == "":
		f.status = statusSignOn
	default:
		f.status = statusPassword
	}
	return true
}

// checkIdentifiedPassword answers password.check: the password of the
// user the lookup identified.
func (s *Server) checkIdentifiedPassword(w http.ResponseWriter, r *http.Request, env *environment, f *flow, body map[string]any) {
	u := s.users[f.userID]
	if u == nil || !u.passwordIs(str(body, "password")) || !u.enabled {
		f.failures++
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "password", Message: "Invalid username or password.",
			InnerError: map[string]any{"failuresRemaining": max(0, maxPasswordFailures-f.failures)}})
		return
	}
	f.failures = 0
	s.ensureSession(w, r, env, f)
	f.step++
	s.advance(f)
	s.afterStep(f)
	writeHAL(w, http.StatusOK, s.flowJSON(f, baseURL(r)))
}

// updatePolicy answers PUT /signOnPolicies/{id}: name (required),
// description and default replace the stored values; a new default
// policy takes over from the old one.
func (s *Server) updatePolicy(w http.ResponseWriter, r *http.Request, env *environment, pol *signOnPolicy, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	name := str(body, "name")
	if bad := s.policyNameProblem(env.id, pol.id, name); bad != nil {
		writeInvalidData(w, *bad)
		return
	}
	makeDefault := body["default"] == true
	if pol.isDefault && !makeDefault {
		// An environment always has a default policy: another one must
		// be made the default instead.
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "default", Message: "The default sign-on policy cannot be unset; make another policy the default"})
		return
	}
	pol.name, pol.description, pol.updatedAt = name, str(body, "description"), s.now()
	if makeDefault {
		for _, o := range s.policies {
			if o.envID == env.id {
				o.isDefault = o.id == pol.id
			}
		}
		pol.isDefault = true
		env.defaultPolicy = pol.id
	}
	writeHAL(w, http.StatusOK, s.policyJSON(pol, base))
}
