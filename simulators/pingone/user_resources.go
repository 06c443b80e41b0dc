package pingone

import (
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// The user's own sub-resources PingOne's API models one per property
// (population, enabled, password state, verify status, identity provider,
// linked accounts, agreement consents), and the whole-user replace (PUT).

// putThen is the shape these sub-resources share: a PUT's JSON body is
// decoded and handed to apply, which validates and stores it (a detail it
// returns is answered with 400 INVALID_DATA); a GET goes straight to the
// answer. It reports whether the caller should answer.
func putThen(w http.ResponseWriter, r *http.Request, apply func(body map[string]any) *detail) bool {
	if r.Method != http.MethodPut {
		return true
	}
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return false
	}
	if d := apply(body); d != nil {
		writeInvalidData(w, *d)
		return false
	}
	return true
}

// userLinks are the links of a user's sub-resource name.
func userLinks(base string, u *user, name string) map[string]any {
	self := base + "/environments/" + u.envID + "/users/" + u.id
	return map[string]any{"self": link(self + "/" + name), "user": link(self), "environment": link(base + "/environments/" + u.envID)}
}

func (s *Server) userPopulation(w http.ResponseWriter, r *http.Request, env *environment, u *user, base string) {
	if !putThen(w, r, func(body map[string]any) *detail {
		p := s.populations[str(body, "id")]
		if p == nil || p.envID != env.id {
			return &detail{Code: "INVALID_VALUE", Target: "id", Message: "must reference an existing population"}
		}
		u.populationID, u.updatedAt = p.id, s.now()
		return nil
	}) {
		return
	}
	writeHAL(w, http.StatusOK, map[string]any{"_links": userLinks(base, u, "population"), "id": u.populationID})
}

func (s *Server) userEnabled(w http.ResponseWriter, r *http.Request, _ *environment, u *user, base string) {
	if !putThen(w, r, func(body map[string]any) *detail {
		v, isBool := body["enabled"].(bool)
		if !isBool {
			return &detail{Code: "REQUIRED_VALUE", Target: "enabled", Message: "must not be null"}
		}
		u.enabled, u.updatedAt = v, s.now()
		return nil
	}) {
		return
	}
	writeHAL(w, http.StatusOK, map[string]any{"_links": userLinks(base, u, "enabled"), "enabled": u.enabled})
}

func (s *Server) userVerifyStatusRoute(w http.ResponseWriter, r *http.Request, _ *environment, u *user, base string) {
	if !putThen(w, r, func(body map[string]any) *detail {
		switch v := str(body, "verifyStatus"); v {
		case "ENABLED", "DISABLED", "NOT_INITIATED":
			u.verifyStatus = v
			return nil
		}
		return &detail{Code: "INVALID_VALUE", Target: "verifyStatus", Message: "must be one of [ENABLED, DISABLED, NOT_INITIATED]"}
	}) {
		return
	}
	writeHAL(w, http.StatusOK, map[string]any{"_links": userLinks(base, u, "verifyStatus"), "verifyStatus": s.userVerifyStatus(u)})
}

func (s *Server) userIdentityProvider(w http.ResponseWriter, r *http.Request, env *environment, u *user, base string) {
	if !putThen(w, r, func(body map[string]any) *detail {
		id := str(obj(body, "identityProvider"), "id")
		if id != "" && s.more().get(id, "identityProviders", env.id) == nil {
			return &detail{Code: "INVALID_VALUE", Target: "identityProvider.id", Message: "must reference an existing identity provider"}
		}
		u.idpID, u.updatedAt = id, s.now()
		return nil
	}) {
		return
	}
	writeHAL(w, http.StatusOK, map[string]any{"_links": userLinks(base, u, "identityProvider"), "identityProvider": s.userJSON(u, base)["identityProvider"]})
}

// userLinkedAccounts lists the link an external sign-on made
// (external_auth.go): one per provider, named by the user's id there.
func (s *Server) userLinkedAccounts(w http.ResponseWriter, _ *http.Request, _ *environment, u *user, base string) {
	var out []any
	if u.idpID != "" {
		out = append(out, map[string]any{
			"id": u.idpID + ":" + u.externalID, "environment": ref(u.envID), "user": ref(u.id),
			"identityProvider": ref(u.idpID), "externalId": u.externalID, "createdAt": ts(u.createdAt),
		})
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+u.envID+"/users/"+u.id+"/linkedAccounts", "linkedAccounts", out))
}

func (s *Server) userAgreementConsents(w http.ResponseWriter, _ *http.Request, _ *environment, u *user, base string) {
	var out []any
	for _, c := range s.userConsents(u.id) {
		out = append(out, map[string]any{
			"agreement": ref(c.agreementID), "language": ref(c.languageID), "revision": ref(c.revisionID),
			"consentedAt": ts(c.at), "user": ref(u.id), "environment": ref(u.envID), "status": "ACCEPTED",
		})
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+u.envID+"/users/"+u.id+"/agreementConsents", "agreementConsents", out))
}

func (s *Server) userConsents(userID string) []*consent {
	var out []*consent
	for key, c := range s.consents {
		if strings.HasPrefix(key, userID+"/") {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

func (s *Server) userVerifyStatus(u *user) string {
	return orDefault(u.verifyStatus, "NOT_INITIATED")
}

// takeUsername validates a username sent on update: PingOne lets an
// administrator rename a user (the SDK sends the username on every update),
// keeping it unique in the environment. It removes the key from body.
func (s *Server) takeUsername(env *environment, u *user, body map[string]any) (string, []detail) {
	v, present := body["username"]
	delete(body, "username")
	if !present {
		return u.username, nil
	}
	name, _ := v.(string)
	if strings.TrimSpace(name) == "" {
		return "", []detail{{Code: "INVALID_VALUE", Target: "username", Message: "must not be blank"}}
	}
	for _, o := range s.users {
		if o != u && o.envID == env.id && strings.EqualFold(o.username, name) {
			return "", []detail{{Code: "UNIQUENESS_VIOLATION", Target: "username", Message: "must be unique"}}
		}
	}
	return name, nil
}

// updateUser answers PATCH (the attributes sent change, the rest stay) and
// PUT (the attributes sent replace the profile: the rest are cleared).
func (s *Server) updateUser(w http.ResponseWriter, r *http.Request, env *environment, u *user, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	username, bad := s.takeUsername(env, u, body)
	// Read-only and structural properties the SDK echoes back on update.
	for _, k := range []string{"id", "environment", "createdAt", "updatedAt", "_links", "account", "lifecycle", "identityProvider", "mfaEnabled", "verifyStatus", "population", "enabled"} {
		delete(body, k)
	}
	vals, more := userAttrValues(body)
	bad = append(bad, more...)
	if href, set := vals["photo.href"]; set {
		if p, err := url.Parse(href); err != nil || !p.IsAbs() || p.Host == "" {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "photo.href", Message: "must be an absolute URL"})
		}
	}
	if r.Method == http.MethodPut && vals["email"] == "" && u.email != "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "email", Message: "must not be blank"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	if r.Method == http.MethodPut {
		u.given, u.family = "", ""
		delete(s.uc2().userAttrs, u.id)
	}
	u.username = username
	s.setUserAttrs(u, vals)
	u.updatedAt = s.now()
	writeHAL(w, http.StatusOK, s.userJSON(u, base))
}
