package pingone

import (
	"net/http"
	"strings"
)

// IDENTIFIER_FIRST sign-on: the flow asks for the username alone
// (SIGN_ON_REQUIRED, user.lookup), then, as no discovery rule routes the
// user to an external identity provider, for the password
// (PASSWORD_REQUIRED, password.check).

const (
	statusPassword  = "PASSWORD_REQUIRED"
	mtPasswordCheck = "application/vnd.pingidentity.password.check+json"
)

// checkIdentifierFirst validates an IDENTIFIER_FIRST action: every listed
// social provider must be an identity provider of the environment.
// Discovery rules are refused: routing a user to an external provider
// (EXTERNAL_AUTHENTICATION_REQUIRED and the callback back into the flow)
// is not modelled, and accepting them would send matching users to the
// password step instead.
func (s *Server) checkIdentifierFirst(env *environment, body map[string]any) []detail {
	var bad []detail
	providers, _ := body["socialProviders"].([]any)
	for _, p := range providers {
		m, _ := p.(map[string]any)
		if s.more().get(str(m, "id"), kindIdentityProvider.name, env.id) == nil {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "socialProviders.id", Message: "Referenced identity provider does not exist"})
		}
	}
	if rules, _ := body["discoveryRules"].([]any); len(rules) > 0 {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "discoveryRules",
			Message: "identity provider discovery rules are not supported by the local PingOne (external authentication is not modelled)"})
	}
	return bad
}

// identifierFirstStep sets the status of an IDENTIFIER_FIRST action not yet
// done; it reports whether the flow waits on it.
func (s *Server) identifierFirstStep(f *flow, loginDone bool) bool {
	switch {
	case loginDone:
		return false
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
	if u == nil || u.password == "" || str(body, "password") != u.password || !u.enabled {
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
	if strings.TrimSpace(name) == "" {
		writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
		return
	}
	for _, p := range s.policies {
		if p.envID == env.id && p.id != pol.id && strings.EqualFold(p.name, name) {
			writeInvalidData(w, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A sign-on policy with the specified name already exists"})
			return
		}
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
