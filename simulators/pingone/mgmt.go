package pingone

import (
	"net/http"
	"sort"
	"strings"
	"unicode"
)

// Media types of the management actions the tutorials call.
const (
	mtJSON        = "application/json"
	mtPasswordSet = "application/vnd.pingidentity.password.set+json"
	mtUserImport  = "application/vnd.pingidentity.user.import+json"
)

// caller is the authenticated client of a management request.
type caller struct {
	app *application
}

// serveAPI handles {{apiPath}} = B/v1. parts excludes the "v1".
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, parts []string) {
	if len(parts) == 0 || parts[0] != "environments" {
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, ok := s.bearer(w, r); ok {
			if len(parts) > 0 && parts[0] == "roles" {
				s.serveRoles(w, r, baseURL(r)+"/v1", parts[1:])
				return
			}
			writeNotFound(w)
		}
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.bearer(w, r)
	if !ok {
		return
	}
	base := baseURL(r) + "/v1"
	if len(parts) == 1 {
		if !c.app.orgAdmin {
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
			return
		}
		switch r.Method {
		case http.MethodGet:
			s.listEnvironments(w, base)
		case http.MethodPost:
			s.createEnvironment(w, r, base)
		default:
			writeMethodNotAllowed(w)
		}
		return
	}
	env := s.envs[parts[1]]
	if env == nil || !(c.app.orgAdmin || c.app.envID == env.id) {
		// PingOne does not tell a missing environment from a forbidden one.
		writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
		return
	}
	rest := parts[2:]
	if len(rest) == 0 {
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, s.environmentJSON(env, base))
		return
	}
	w = s.audit(w, r, c, env, rest) // mgmt_more_audit.go: activities
	if s.serveMore(w, r, c, env, base, rest) {
		return
	}
	switch rest[0] {
	case "billOfMaterials":
		if len(rest) == 1 && r.Method == http.MethodGet {
			writeHAL(w, http.StatusOK, s.bomJSON(env, base))
			return
		}
		if len(rest) == 1 && r.Method == http.MethodPut {
			s.putBOM(w, r, env, base) // davinci.go
			return
		}
	case "populations":
		s.routePopulations(w, r, env, base, rest[1:])
		return
	case "users":
		s.routeUsers(w, r, env, base, rest[1:])
		return
	case "applications":
		s.routeApplications(w, r, env, base, rest[1:])
		return
	case "signOnPolicies":
		s.routePolicies(w, r, env, base, rest[1:])
		return
	case "resources":
		s.routeResources(w, r, env, base, rest[1:])
		return
	case "groups":
		s.routeGroups(w, r, env, base, rest[1:])
		return
	case "languages":
		s.routeLanguages(w, r, env, base, rest[1:])
		return
	case "agreements":
		s.routeAgreements(w, r, env, base, rest[1:])
		return
	case "deviceAuthenticationPolicies":
		s.routeDeviceAuthPolicies(w, r, env, base, rest[1:])
		return
	}
	writeNotFound(w)
}

// bearer checks the access token of a management call. The caller holds
// s.mu. A missing, malformed, badly signed, expired or revoked token gets
// PingOne's 401; a token that is not a Worker app's gets 403.
func (s *Server) bearer(w http.ResponseWriter, r *http.Request) (*caller, bool) {
	deny := func() (*caller, bool) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="PingOne"`)
		writeError(w, http.StatusUnauthorized, "ACCESS_FAILED", msgAccessFailed, []detail{{
			Code: "INVALID_TOKEN", Target: "Authentication Credentials",
			Message: "The authorization token is either missing or invalid, or it has expired.",
		}})
		return nil, false
	}
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return deny()
	}
	claims, _, err := s.verify(strings.TrimSpace(tok))
	if err != nil || numClaim(claims, "exp") <= s.now().Unix() {
		return deny()
	}
	if jti, _ := claims["jti"].(string); s.revoked[jti] {
		return deny()
	}
	clientID, _ := claims["client_id"].(string)
	app := s.apps[clientID]
	if app == nil {
		return deny()
	}
	// Only Worker tokens (no user subject) carry admin roles here.
	if sub, _ := claims["sub"].(string); app.str("type") != "WORKER" || (sub != "" && sub != clientID) {
		writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
		return nil, false
	}
	return &caller{app: app}, true
}

// --- environments ---------------------------------------------------------

var productDescriptions = map[string]string{
	"PING_ONE_BASE":         "PingOne Base",
	"PING_ONE_MFA":          "PingOne MFA",
	"PING_ONE_RISK":         "PingOne Protect",
	"PING_ONE_VERIFY":       "PingOne Verify",
	"PING_ONE_DAVINCI":      "PingOne DaVinci",
	"PING_ONE_AUTHORIZE":    "PingOne Authorize",
	"PING_ONE_CREDENTIALS":  "PingOne Credentials",
	"PING_ONE_PROVISIONING": "PingOne Provisioning",
}

var regions = map[string]bool{"NA": true, "EU": true, "CA": true, "AP": true, "AU": true, "SG": true}

func (s *Server) createEnvironment(w http.ResponseWriter, r *http.Request, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	var bad []detail
	name, typ, region := str(body, "name"), str(body, "type"), str(body, "region")
	if strings.TrimSpace(name) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
	}
	if typ != "SANDBOX" && typ != "PRODUCTION" {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "must be one of [SANDBOX, PRODUCTION]"})
	}
	if region == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "region", Message: "must not be null"})
	} else if !regions[region] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "region", Message: "must be one of [NA, EU, CA, AP, AU, SG]"})
	}
	if lic := obj(body, "license"); lic != nil && str(lic, "id") != s.licenseID {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "license.id", Message: "license not found in organization"})
	}
	for _, e := range s.envs {
		if strings.EqualFold(e.name, name) {
			bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "An environment with the specified name already exists"})
		}
	}
	var products []product
	if bom := obj(body, "billOfMaterials"); bom != nil {
		list, _ := bom["products"].([]any)
		for i, p := range list {
			pm, _ := p.(map[string]any)
			t := str(pm, "type")
			desc, known := productDescriptions[t]
			if !known {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "billOfMaterials.products[" + itoa(i) + "].type", Message: "unknown product type"})
				continue
			}
			if d := str(pm, "description"); d != "" {
				desc = d
			}
			products = append(products, product{Type: t, Description: desc})
		}
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	if len(products) == 0 {
		products = []product{{Type: "PING_ONE_BASE", Description: "PingOne Base"}}
	}
	env := s.addEnvironment(newID(), name, str(body, "description"), typ, region, products)
	writeHAL(w, http.StatusCreated, s.environmentJSON(env, base))
}

// addEnvironment creates an environment with what PingOne provisions in a
// new one: a default population and the default "Single_Factor" sign-on
// policy with a LOGIN action. The caller holds s.mu (or is seeding).
func (s *Server) addEnvironment(id, name, description, typ, region string, products []product) *environment {
	now := s.now()
	for i := range products {
		products[i].ID = newID()
	}
	env := &environment{id: id, name: name, description: description, typ: typ, region: region,
		products: products, createdAt: now, updatedAt: now, seq: s.next()}
	s.envs[id] = env
	s.envOrder = append(s.envOrder, id)
	pop := &population{id: newID(), envID: id, name: "Default", description: "Default population",
		isDefault: true, createdAt: now, updatedAt: now, seq: s.next()}
	s.populations[pop.id] = pop
	env.defaultPopulation = pop.id
	pol := &signOnPolicy{id: newID(), envID: id, name: "Single_Factor", description: "A sign-on policy that requires primary username and password",
		isDefault: true, createdAt: now, updatedAt: now, seq: s.next()}
	s.policies[pol.id] = pol
	env.defaultPolicy = pol.id
	act := &policyAction{id: newID(), envID: id, policyID: pol.id, typ: "LOGIN", priority: 1,
		body: map[string]any{"recovery": map[string]any{"enabled": true}}, createdAt: now, updatedAt: now, seq: s.next()}
	s.actions[act.id] = act
	s.builtinResources(id, now)
	return env
}

func (s *Server) listEnvironments(w http.ResponseWriter, base string) {
	var out []any
	for _, id := range s.envOrder {
		out = append(out, s.environmentJSON(s.envs[id], base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments", "environments", out))
}

func (s *Server) environmentJSON(env *environment, base string) map[string]any {
	self := base + "/environments/" + env.id
	return map[string]any{
		"_links": map[string]any{
			"self":            link(self),
			"organization":    link(base + "/organizations/" + s.creds.OrgID),
			"license":         link(base + "/organizations/" + s.creds.OrgID + "/licenses/" + s.licenseID),
			"populations":     link(self + "/populations"),
			"applications":    link(self + "/applications"),
			"users":           link(self + "/users"),
			"signOnPolicies":  link(self + "/signOnPolicies"),
			"billOfMaterials": link(self + "/billOfMaterials"),
		},
		"id":              env.id,
		"name":            env.name,
		"description":     env.description,
		"organization":    ref(s.creds.OrgID),
		"type":            env.typ,
		"region":          env.region,
		"license":         ref(s.licenseID),
		"createdAt":       ts(env.createdAt),
		"updatedAt":       ts(env.updatedAt),
		"billOfMaterials": s.bomBody(env),
	}
}

func (s *Server) bomBody(env *environment) map[string]any {
	var ps []any
	for _, p := range env.products {
		ps = append(ps, map[string]any{"id": p.ID, "type": p.Type, "description": p.Description})
	}
	return map[string]any{"products": ps, "createdAt": ts(env.createdAt), "updatedAt": ts(env.updatedAt)}
}

func (s *Server) bomJSON(env *environment, base string) map[string]any {
	b := s.bomBody(env)
	b["_links"] = map[string]any{"self": link(base + "/environments/" + env.id + "/billOfMaterials")}
	return b
}

// collection is PingOne's list envelope.
func collection(self, name string, items []any) map[string]any {
	if items == nil {
		items = []any{}
	}
	return map[string]any{
		"_links":    map[string]any{"self": link(self)},
		"_embedded": map[string]any{name: items},
		"count":     len(items),
		"size":      len(items),
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

// --- populations ----------------------------------------------------------

func (s *Server) routePopulations(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	table[*population]{
		name: "populations", list: base + "/environments/" + env.id + "/populations", items: s.populations,
		owns: func(p *population) bool { return p.envID == env.id },
		seq:  func(p *population) int64 { return p.seq },
		json: func(p *population) map[string]any { return s.populationJSON(p, base) },
		create: func(body map[string]any) (*population, []detail) {
			name := str(body, "name")
			if strings.TrimSpace(name) == "" {
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			for _, p := range s.populations {
				if p.envID == env.id && strings.EqualFold(p.name, name) {
					return nil, []detail{{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A population with the specified name already exists"}}
				}
			}
			policyID, bad := s.populationPolicy(env, body) // usecases3.go
			if bad != nil {
				return nil, bad
			}
			now := s.now()
			p := &population{id: newID(), envID: env.id, name: name, description: str(body, "description"), createdAt: now, updatedAt: now, seq: s.next()}
			s.populations[p.id] = p
			if policyID != "" {
				s.uc3().popPolicy[p.id] = policyID
			}
			return p, nil
		},
		update: func(p *population, body map[string]any) []detail {
			name := str(body, "name")
			if strings.TrimSpace(name) == "" {
				return []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			for _, o := range s.populations {
				if o != p && o.envID == env.id && strings.EqualFold(o.name, name) {
					return []detail{{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A population with the specified name already exists"}}
				}
			}
			p.name, p.description, p.updatedAt = name, str(body, "description"), s.now()
			return nil
		},
		keep: func(p *population) []detail {
			if p.isDefault {
				return []detail{{Code: "INVALID_VALUE", Target: "default", Message: "The default population cannot be deleted"}}
			}
			for _, u := range s.users {
				if u.populationID == p.id {
					return []detail{{Code: "INVALID_VALUE", Target: "id", Message: "A population that contains users cannot be deleted"}}
				}
			}
			return nil
		},
		remove: func(p *population) { delete(s.populations, p.id) },
	}.serve(w, r, rest)
}

func (s *Server) populationJSON(p *population, base string) map[string]any {
	count := 0
	for _, u := range s.users {
		if u.populationID == p.id {
			count++
		}
	}
	out := map[string]any{
		"_links": map[string]any{
			"self":        link(base + "/environments/" + p.envID + "/populations/" + p.id),
			"environment": link(base + "/environments/" + p.envID),
		},
		"id": p.id, "environment": ref(p.envID), "name": p.name, "description": p.description,
		"userCount": count, "default": p.isDefault, "createdAt": ts(p.createdAt), "updatedAt": ts(p.updatedAt),
	}
	s.populationExtraJSON(p.id, out)
	return out
}

// sortedBySeq lists an environment's resources in creation order.
func sortedBySeq[T any](m map[string]T, key func(T) (string, int64), envID string) []T {
	var out []T
	for _, v := range m {
		if e, _ := key(v); e == envID {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		_, a := key(out[i])
		_, b := key(out[j])
		return a < b
	})
	return out
}

// --- users ----------------------------------------------------------------

func (s *Server) routeUsers(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	list := base + "/environments/" + env.id + "/users"
	if len(rest) == 0 {
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
			writeHAL(w, http.StatusOK, collection(list, "users", out))
		case http.MethodPost:
			s.createUser(w, r, env, base)
		default:
			writeMethodNotAllowed(w)
		}
		return
	}
	u := s.users[rest[0]]
	if u == nil || u.envID != env.id {
		writeNotFound(w)
		return
	}
	if len(rest) == 1 {
		if r.Method == http.MethodPatch || r.Method == http.MethodPut {
			s.updateUser(w, r, env, u, base) // user_resources.go
			return
		}
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
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
		return
	}
	self := list + "/" + u.id
	switch {
	case len(rest) == 2 && s.serveUserResource(w, r, env, u, base, rest[1]): // user_resources.go
	case rest[1] == "password" && len(rest) == 2 && r.Method == http.MethodGet:
		writeHAL(w, http.StatusOK, s.passwordJSON(u, base, u.mustChangePassword))
	case rest[1] == "password" && len(rest) == 2:
		if r.Method != http.MethodPut {
			writeMethodNotAllowed(w)
			return
		}
		if isPasswordReset(r) {
			s.changeOwnPassword(w, r, u, base) // usecases3.go
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
		u.password = value
		u.passwordChanged = s.now()
		u.updatedAt = u.passwordChanged
		u.mustChangePassword = body["forceChange"] == true
		writeHAL(w, http.StatusOK, s.passwordJSON(u, base, u.mustChangePassword))
	case rest[1] == "mfaEnabled" && len(rest) == 2:
		switch r.Method {
		case http.MethodGet:
		case http.MethodPut:
			body, ok := readJSONBody(w, r, mtJSON)
			if !ok {
				return
			}
			v, isBool := body["mfaEnabled"].(bool)
			if !isBool {
				writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "mfaEnabled", Message: "must not be null"})
				return
			}
			u.mfaEnabled = v
			u.updatedAt = s.now()
		default:
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, map[string]any{
			"_links":     map[string]any{"self": link(self + "/mfaEnabled"), "user": link(self)},
			"mfaEnabled": u.mfaEnabled,
		})
	case rest[1] == "devices":
		s.routeDevices(w, r, u, base, rest[2:])
	case rest[1] == "sessions":
		s.routeUserSessions(w, r, u, base, rest[2:])
	case rest[1] == "memberOfGroups":
		s.routeMemberOf(w, r, u, base, rest[2:])
	case rest[1] == "roleAssignments":
		s.routeRoleAssignments(w, r, env, base, "users", u.id, rest[2:])
	default:
		writeNotFound(w)
	}
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
		password: password, createdAt: now, updatedAt: now, seq: s.next()}
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

// --- MFA devices ----------------------------------------------------------

func (s *Server) routeDevices(w http.ResponseWriter, r *http.Request, u *user, base string, rest []string) {
	table[*device]{
		name: "devices", list: base + "/environments/" + u.envID + "/users/" + u.id + "/devices", items: s.devices,
		owns: func(d *device) bool { return d.userID == u.id },
		seq:  func(d *device) int64 { return d.seq },
		json: func(d *device) map[string]any { return s.deviceJSON(d, base) },
		create: func(body map[string]any) (*device, []detail) {
			typ := str(body, "type")
			d := &device{id: newID(), envID: u.envID, userID: u.id, typ: typ, nickname: str(body, "nickname"), status: "ACTIVE"}
			switch typ {
			case "EMAIL":
				d.email = str(body, "email")
				if d.email == "" {
					d.email = u.email
				}
				if !strings.Contains(d.email, "@") {
					return nil, []detail{{Code: "INVALID_VALUE", Target: "email", Message: "must be a well-formed email address"}}
				}
			case "SMS", "VOICE":
				d.phone = str(body, "phone")
				if d.phone == "" {
					return nil, []detail{{Code: "REQUIRED_VALUE", Target: "phone", Message: "must not be blank"}}
				}
			default:
				return nil, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "must be one of [EMAIL, SMS, VOICE]"}}
			}
			if pid := str(obj(body, "policy"), "id"); pid != "" {
				p := s.deviceAuthPolicies[pid]
				if p == nil || p.envID != u.envID {
					return nil, []detail{{Code: "INVALID_VALUE", Target: "policy.id", Message: "Referenced device authentication policy does not exist"}}
				}
				if !p.allows(typ) {
					return nil, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "The device authentication policy does not allow " + typ + " devices"}}
				}
				d.policyID = pid
			}
			if st := str(body, "status"); st == "ACTIVATION_REQUIRED" {
				d.status = st
			}
			now := s.now()
			d.createdAt, d.updatedAt, d.seq = now, now, s.next()
			s.devices[d.id] = d
			return d, nil
		},
	}.serve(w, r, rest)
}

func (s *Server) userDevices(userID string) []*device {
	var out []*device
	for _, d := range s.devices {
		if d.userID == userID {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

func (s *Server) deviceJSON(d *device, base string) map[string]any {
	userURL := base + "/environments/" + d.envID + "/users/" + d.userID
	out := map[string]any{
		"_links": map[string]any{
			"self":        link(userURL + "/devices/" + d.id),
			"environment": link(base + "/environments/" + d.envID),
			"user":        link(userURL),
		},
		"id": d.id, "environment": ref(d.envID), "user": ref(d.userID), "type": d.typ, "status": d.status,
		"createdAt": ts(d.createdAt), "updatedAt": ts(d.updatedAt),
	}
	if d.email != "" {
		out["email"] = d.email
	}
	if d.phone != "" {
		out["phone"] = d.phone
	}
	if d.nickname != "" {
		out["nickname"] = d.nickname
	}
	if d.policyID != "" {
		out["policy"] = ref(d.policyID)
	}
	return out
}
