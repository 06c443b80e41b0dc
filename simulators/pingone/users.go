package pingone

import (
	"net/http"
	"strings"
	"unicode"
)

// userRoutes adds the users area: the collection, one user and the
// user's sub-resources (user_resources.go, mfa_devices.go, oauth_grants.go,
// groups.go, roles.go; app_roles.go adds the application roles).
func (s *Server) userRoutes(add addRoute) {
	add("GET POST", "users", func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
		s.usersCollection(w, r, env, base)
	})
	u := s.withUser
	add("GET PUT PATCH", "users/{userID}", u(s.userItem))
	add("GET PUT", "users/{userID}/password", u(func(w http.ResponseWriter, r *http.Request, _ *environment, x *user, base string) {
		s.userPassword(w, r, x, base)
	}))
	add("GET PUT", "users/{userID}/mfaEnabled", u(s.userMFAEnabled))
	add("GET PUT", "users/{userID}/population", u(s.userPopulation))
	add("GET PUT", "users/{userID}/enabled", u(s.userEnabled))
	add("GET PUT", "users/{userID}/verifyStatus", u(s.userVerifyStatusRoute))
	add("GET PUT", "users/{userID}/identityProvider", u(s.userIdentityProvider))
	add("GET", "users/{userID}/linkedAccounts", u(s.userLinkedAccounts))
	add("GET", "users/{userID}/agreementConsents", u(s.userAgreementConsents))
	// sub serves a collection below the user and its items, named by the
	// route's wildcard idName.
	sub := func(idName string, h func(http.ResponseWriter, *http.Request, *user, string, string)) apiHandler {
		return u(func(w http.ResponseWriter, r *http.Request, _ *environment, x *user, base string) {
			h(w, r, x, base, r.PathValue(idName))
		})
	}
	devices := sub("deviceID", s.routeDevices) // mfa_devices.go
	add("GET POST", "users/{userID}/devices", devices)
	add("GET", "users/{userID}/devices/{deviceID}", devices)
	sessions := sub("sessionID", s.routeUserSessions) // oauth_grants.go
	add("GET", "users/{userID}/sessions", sessions)
	add("GET DELETE", "users/{userID}/sessions/{sessionID}", sessions)
	groups := sub("groupID", s.routeMemberOf) // groups.go
	add("GET POST", "users/{userID}/memberOfGroups", groups)
	add("GET DELETE", "users/{userID}/memberOfGroups/{groupID}", groups)
	roles := u(func(w http.ResponseWriter, r *http.Request, env *environment, x *user, base string) {
		s.routeRoleAssignments(w, r, env, base, "users", x.id, r.PathValue("roleAssignmentID")) // roles.go
	})
	add("GET POST", "users/{userID}/roleAssignments", roles)
	add("GET DELETE", "users/{userID}/roleAssignments/{roleAssignmentID}", roles)
}

// withUser resolves {userID} in the environment.
func (s *Server) withUser(h itemHandler[*user]) apiHandler {
	return inEnvironment("userID", func(id string) *user { return s.users[id] }, h)
}

// usersCollection lists (with PingOne's SCIM-like filter) and creates users.
func (s *Server) usersCollection(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	switch r.Method {
	case http.MethodGet:
		var out []any
		filter := r.URL.Query().Get("filter")
		for _, u := range sortedBySeq(s.users, func(u *user) (string, int64) { return u.envID, u.seq }, env.id) {
			match, valid := s.userMatches(u, filter)
			if !valid {
				writeError(w, http.StatusBadRequest, "INVALID_FILTER", "The request could not be completed. The filter is invalid.", []detail{{
					Code: "INVALID_FILTER", Target: "filter", Message: "Unsupported filter expression"}})
				return
			}
			if match {
				out = append(out, s.userJSON(u, base))
			}
		}
		writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/users", "users", out))
	case http.MethodPost:
		s.createUser(w, r, env, base)
	default:
		writeMethodNotAllowed(w)
	}
}

// userItem reads (optionally with memberOfGroupNames) and updates a user.
func (s *Server) userItem(w http.ResponseWriter, r *http.Request, env *environment, u *user, base string) {
	if r.Method != http.MethodGet {
		s.updateUser(w, r, env, u, base) // user_resources.go
		return
	}
	out := s.userJSON(u, base)
	if r.URL.Query().Get("include") == "memberOfGroupNames" {
		names := []any{}
		for _, g := range sortedBySeq(s.groups, func(g *group) (string, int64) { return g.envID, g.seq }, env.id) {
			if u.groups[g.id] {
				names = append(names, g.name)
			}
		}
		out["memberOfGroupNames"] = names
	}
	writeHAL(w, http.StatusOK, out)
}

// userPassword reads the password state (GET), sets the password
// (password.set, forceChange kept for the next sign-on) or changes the
// user's own password (password.reset, password_change.go).
func (s *Server) userPassword(w http.ResponseWriter, r *http.Request, u *user, base string) {
	switch {
	case r.Method == http.MethodGet:
		writeHAL(w, http.StatusOK, s.passwordJSON(u, base, u.mustChangePassword))
		return
	case r.Method != http.MethodPut:
		writeMethodNotAllowed(w)
		return
	case isPasswordReset(r):
		s.changeOwnPassword(w, r, u, base) // password_change.go
		return
	}
	body, ok := readJSONBody(w, r, mtPasswordSet)
	if !ok {
		return
	}
	value := str(body, "value")
	if d, bad := s.userPasswordViolation(u, value); bad {
		writeInvalidData(w, d)
		return
	}
	u.password = hashPassword(value)
	u.passwordChanged = s.now()
	u.updatedAt = u.passwordChanged
	u.mustChangePassword = body["forceChange"] == true
	writeHAL(w, http.StatusOK, s.passwordJSON(u, base, u.mustChangePassword))
}

func (s *Server) userMFAEnabled(w http.ResponseWriter, r *http.Request, _ *environment, u *user, base string) {
	if !putThen(w, r, func(body map[string]any) *detail { // user_resources.go
		v, isBool := body["mfaEnabled"].(bool)
		if !isBool {
			return &detail{Code: "REQUIRED_VALUE", Target: "mfaEnabled", Message: "must not be null"}
		}
		u.mfaEnabled, u.updatedAt = v, s.now()
		return nil
	}) {
		return
	}
	self := base + "/environments/" + u.envID + "/users/" + u.id
	writeHAL(w, http.StatusOK, map[string]any{
		"_links":     map[string]any{"self": link(self + "/mfaEnabled"), "user": link(self)},
		"mfaEnabled": u.mfaEnabled,
	})
}

func (s *Server) createUser(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	body, ok := readJSONBody(w, r, mtJSON, mtUserImport)
	if !ok {
		return
	}
	username := str(body, "username")
	var bad []detail
	if strings.TrimSpace(username) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "username", Message: "must not be blank"})
	}
	email := str(body, "email")
	if email != "" && !strings.Contains(email, "@") {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "email", Message: "must be a well-formed email address"})
	}
	popID := env.defaultPopulation
	if p := obj(body, "population"); p != nil {
		popID = str(p, "id")
		if pop := s.populations[popID]; pop == nil || pop.envID != env.id {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "population.id", Message: "Referenced population does not exist"})
		}
	}
	for _, u := range s.users {
		if u.envID == env.id && strings.EqualFold(u.username, username) {
			bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "username", Message: "is unique and already exists"})
		}
	}
	var password string
	if pw := obj(body, "password"); pw != nil {
		password = str(pw, "value")
		if d, violated := passwordPolicyViolation(password); violated {
			bad = append(bad, d)
		}
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	now := s.now()
	name := obj(body, "name")
	u := &user{id: newID(), envID: env.id, populationID: popID, username: username, email: email,
		given: str(name, "given"), family: str(name, "family"), enabled: body["enabled"] != false,
		password: hashPassword(password), createdAt: now, updatedAt: now, seq: s.next()}
	if pw := obj(body, "password"); pw != nil {
		u.mustChangePassword = pw["forceChange"] == true
	}
	if password != "" {
		u.passwordChanged = now
	}
	s.users[u.id] = u
	writeHAL(w, http.StatusCreated, s.userJSON(u, base))
}

// passwordPolicyViolation applies PingOne's default "Standard" password
// policy: at least 8 characters with an upper-case letter, a lower-case
// letter, a digit and a special character.
func passwordPolicyViolation(pw string) (detail, bool) {
	var upper, lower, digit, special bool
	for _, c := range pw {
		switch {
		case unicode.IsUpper(c):
			upper = true
		case unicode.IsLower(c):
			lower = true
		case unicode.IsDigit(c):
			digit = true
		default:
			special = true
		}
	}
	if len([]rune(pw)) < 8 || !upper || !lower || !digit || !special {
		return detail{Code: "INVALID_VALUE", Target: "password", Message: "User password did not satisfy password policy requirements"}, true
	}
	return detail{}, false
}

func (s *Server) userJSON(u *user, base string) map[string]any {
	self := base + "/environments/" + u.envID + "/users/" + u.id
	out := map[string]any{
		"_links": map[string]any{
			"self":            link(self),
			"environment":     link(base + "/environments/" + u.envID),
			"population":      link(base + "/environments/" + u.envID + "/populations/" + u.populationID),
			"devices":         link(self + "/devices"),
			"password":        link(self + "/password"),
			"password.set":    link(self + "/password"),
			"password.reset":  link(self + "/password"),
			"roleAssignments": link(self + "/roleAssignments"),
			"memberOfGroups":  link(self + "/memberOfGroups"),
		},
		"id":               u.id,
		"environment":      ref(u.envID),
		"account":          map[string]any{"canAuthenticate": true, "status": "OK"},
		"createdAt":        ts(u.createdAt),
		"enabled":          u.enabled,
		"identityProvider": map[string]any{"type": "PING_ONE"},
		"lifecycle":        map[string]any{"status": orDefault(u.lifecycle, "ACCOUNT_OK")},
		"mfaEnabled":       u.mfaEnabled,
		"population":       ref(u.populationID),
		"updatedAt":        ts(u.updatedAt),
		"username":         u.username,
		"verifyStatus":     s.userVerifyStatus(u),
	}
	if u.idpID != "" {
		out["identityProvider"] = map[string]any{"id": u.idpID, "type": "OPENID_CONNECT"}
		out["externalId"] = u.externalID
	}
	if u.email != "" {
		out["email"] = u.email
	}
	if u.given != "" || u.family != "" {
		out["name"] = map[string]any{"given": u.given, "family": u.family}
	}
	s.userExtraJSON(u, out)
	return out
}

func (s *Server) passwordJSON(u *user, base string, forceChange bool) map[string]any {
	self := base + "/environments/" + u.envID + "/users/" + u.id
	status := "OK"
	if forceChange {
		status = "MUST_CHANGE_PASSWORD"
	}
	return map[string]any{
		"_links": map[string]any{
			"self":        link(self + "/password"),
			"environment": link(base + "/environments/" + u.envID),
			"user":        link(self),
		},
		"environment":   ref(u.envID),
		"user":          ref(u.id),
		"status":        status,
		"lastChangedAt": ts(u.passwordChanged),
	}
}
