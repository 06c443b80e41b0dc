package pingone

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
)

// More workflow-library use cases: the PROGRESSIVE_PROFILING sign-on action
// (user.update in the flow), resource attribute mappings (custom claims in
// access tokens), login_hint_token and request JWTs at /as/authorize
// (MFA-only and transaction-approval flows), and the text the local inbox
// shows for a passcode.

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

// --- user attributes --------------------------------------------------------

// profileAttributes are the user schema attributes a progressive-profiling
// action may ask for (PingOne's standard user schema).
var profileAttributes = map[string]bool{
	"email": true, "mobilePhone": true, "primaryPhone": true, "nickname": true, "title": true, "preferredLanguage": true,
	"locale": true, "timezone": true, "photo.href": true, "externalId": true, "type": true,
	"name.given": true, "name.family": true, "name.middle": true, "name.formatted": true, "name.honorificPrefix": true, "name.honorificSuffix": true,
	"address.streetAddress": true, "address.locality": true, "address.region": true, "address.postalCode": true, "address.countryCode": true,
}

// userAttr reads a (dotted) user attribute; "" when unset.
func (s *Server) userAttr(u *user, name string) string {
	switch name {
	case "id":
		return u.id
	case "username":
		return u.username
	case "email":
		return u.email
	case "name.given":
		return u.given
	case "name.family":
		return u.family
	case "population.id":
		return u.populationID
	case "environment.id":
		return u.envID
	}
	var cur any = s.uc2().userAttrs[u.id]
	for _, part := range strings.Split(name, ".") {
		m, _ := cur.(map[string]any)
		if m == nil {
			return ""
		}
		cur = m[part]
	}
	v, _ := cur.(string)
	return v
}

// userAttrValues validates a partial update in the shape of PATCH
// /users/{id} (nested objects for name and address) and returns its values
// by dotted name; only schema attributes are accepted.
func userAttrValues(body map[string]any) (map[string]string, []detail) {
	vals := map[string]string{}
	var bad []detail
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := prefix + k
			switch v := m[k].(type) {
			case map[string]any:
				walk(name+".", v)
			case string:
				switch {
				case !profileAttributes[name]:
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "is not an attribute of the user schema that can be updated here"})
				case name == "email" && !strings.Contains(v, "@"):
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "must be a well-formed email address"})
				case (name == "mobilePhone" || name == "primaryPhone") && !phonePattern.MatchString(v):
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "must be a valid phone number"})
				default:
					vals[name] = v
				}
			default:
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "must be a string"})
			}
		}
	}
	walk("", body)
	return vals, bad
}

// setUserAttrs stores validated attribute values on the user.
func (s *Server) setUserAttrs(u *user, vals map[string]string) {
	for name, value := range vals {
		switch name {
		case "email":
			u.email = value
		case "name.given":
			u.given = value
		case "name.family":
			u.family = value
		default:
			attrs := s.uc2().userAttrs[u.id]
			if attrs == nil {
				attrs = map[string]any{}
				s.uc2().userAttrs[u.id] = attrs
			}
			parts := strings.Split(name, ".")
			for _, p := range parts[:len(parts)-1] {
				next, _ := attrs[p].(map[string]any)
				if next == nil {
					next = map[string]any{}
					attrs[p] = next
				}
				attrs = next
			}
			attrs[parts[len(parts)-1]] = value
		}
	}
}

var phonePattern = regexp.MustCompile(`^\+?[0-9][0-9 .()-]{5,}$`)

// userExtraJSON adds the extra attributes to a user's JSON.
func (s *Server) userExtraJSON(u *user, out map[string]any) {
	for k, v := range s.uc2().userAttrs[u.id] {
		if m, ok := v.(map[string]any); ok {
			cp := map[string]any{}
			for kk, vv := range m {
				cp[kk] = vv
			}
			if existing, ok := out[k].(map[string]any); ok {
				for kk, vv := range existing {
					cp[kk] = vv
				}
			}
			out[k] = cp
			continue
		}
		out[k] = v
	}
}

// --- PROGRESSIVE_PROFILING ----------------------------------------------------

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

// --- resource attributes (custom claims) --------------------------------------

type resourceAttr struct {
	id, envID, resourceID, name, value, typ string
	idToken, userInfo                       bool
	createdAt, updatedAt                    time.Time
	seq                                     int64
}

// reservedClaims are the core claims a resource attribute cannot replace.
var reservedClaims = map[string]bool{
	"acr": true, "amr": true, "aud": true, "auth_time": true, "client_id": true, "env": true, "exp": true, "iat": true,
	"iss": true, "jti": true, "nbf": true, "nonce": true, "org": true, "scope": true, "sid": true, "sub": true, "at_hash": true, "c_hash": true,
	"may_act": true, "act": true, "cnf": true,
}

func (s *Server) resourceAttrs(resID string) []*resourceAttr {
	var out []*resourceAttr
	for _, a := range s.uc2().resAttrs {
		if a.resourceID == resID {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

func (s *Server) resourceAttrJSON(a *resourceAttr, base string) map[string]any {
	resURL := base + "/environments/" + a.envID + "/resources/" + a.resourceID
	out := map[string]any{
		"_links": map[string]any{"self": link(resURL + "/attributes/" + a.id), "environment": link(base + "/environments/" + a.envID),
			"resource": link(resURL)},
		"id": a.id, "environment": ref(a.envID), "resource": ref(a.resourceID), "name": a.name, "value": a.value, "type": a.typ,
		"createdAt": ts(a.createdAt), "updatedAt": ts(a.updatedAt),
	}
	if a.typ == "CUSTOM" {
		out["idToken"], out["userInfo"] = a.idToken, a.userInfo
	}
	return out
}

// routeResourceAttributes serves resources/{id}/attributes[/{attrID}]. Every
// custom resource lists its CORE "sub" attribute first, as PingOne does.
func (s *Server) routeResourceAttributes(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string, rest []string) {
	list := base + "/environments/" + env.id + "/resources/" + res.id + "/attributes"
	if res.typ == "CUSTOM" {
		has := false
		for _, a := range s.resourceAttrs(res.id) {
			has = has || a.typ == "CORE"
		}
		if !has {
			now := s.now()
			a := &resourceAttr{id: newID(), envID: env.id, resourceID: res.id, name: "sub", value: "${user.id}", typ: "CORE",
				createdAt: now, updatedAt: now, seq: s.next()}
			s.uc2().resAttrs[a.id] = a
		}
	}
	readBody := func() (string, string, map[string]any, bool) {
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return "", "", nil, false
		}
		name, value := str(body, "name"), str(body, "value")
		var bad []detail
		if strings.TrimSpace(name) == "" {
			bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
		} else if reservedClaims[name] {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "name", Message: "is a reserved name: " + strconvQuote(name)})
		}
		if strings.TrimSpace(value) == "" {
			bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "value", Message: "must not be blank"})
		} else if msg := checkExpression(value); msg != "" {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "value", Message: msg})
		}
		if len(bad) > 0 {
			writeInvalidData(w, bad...)
			return "", "", nil, false
		}
		return name, value, body, true
	}
	switch {
	case len(rest) == 0 && r.Method == http.MethodGet:
		var out []any
		for _, a := range s.resourceAttrs(res.id) {
			out = append(out, s.resourceAttrJSON(a, base))
		}
		writeHAL(w, http.StatusOK, collection(list, "attributes", out))
	case len(rest) == 0 && r.Method == http.MethodPost:
		if res.typ != "CUSTOM" && res.typ != "OPENID_CONNECT" {
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "resource",
				Message: "Attributes can be added only to custom and OpenID Connect resources"}})
			return
		}
		name, value, body, ok := readBody()
		if !ok {
			return
		}
		for _, a := range s.resourceAttrs(res.id) {
			if a.name == name {
				writeInvalidData(w, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "An attribute with the specified name already exists for this resource"})
				return
			}
		}
		now := s.now()
		a := &resourceAttr{id: newID(), envID: env.id, resourceID: res.id, name: name, value: value, typ: "CUSTOM",
			idToken: body["idToken"] == true, userInfo: body["userInfo"] == true, createdAt: now, updatedAt: now, seq: s.next()}
		s.uc2().resAttrs[a.id] = a
		writeHAL(w, http.StatusCreated, s.resourceAttrJSON(a, base))
	case len(rest) == 1:
		a := s.uc2().resAttrs[rest[0]]
		if a == nil || a.resourceID != res.id {
			writeNotFound(w)
			return
		}
		switch r.Method {
		case http.MethodGet:
			writeHAL(w, http.StatusOK, s.resourceAttrJSON(a, base))
		case http.MethodPut:
			if a.typ == "CORE" {
				writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "CORE attributes cannot be changed"}})
				return
			}
			name, value, body, ok := readBody()
			if !ok {
				return
			}
			a.name, a.value, a.idToken, a.userInfo, a.updatedAt = name, value, body["idToken"] == true, body["userInfo"] == true, s.now()
			writeHAL(w, http.StatusOK, s.resourceAttrJSON(a, base))
		case http.MethodDelete:
			if a.typ == "CORE" {
				writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "CORE attributes cannot be deleted"}})
				return
			}
			delete(s.uc2().resAttrs, a.id)
			w.WriteHeader(http.StatusNoContent)
		default:
			writeMethodNotAllowed(w)
		}
	case len(rest) == 0:
		writeMethodNotAllowed(w)
	default:
		writeNotFound(w)
	}
}

// exprPattern matches one ${...} placeholder of a mapping value.
var exprPattern = regexp.MustCompile(`\$\{([^}]*)\}`)

// checkExpression accepts literal text with ${user.*} placeholders, and
// PingOne's #root.context.* expressions.
func checkExpression(v string) string {
	for _, m := range exprPattern.FindAllStringSubmatch(v, -1) {
		e := strings.TrimSpace(m[1])
		if !strings.HasPrefix(e, "user.") && !strings.HasPrefix(e, "#root.") {
			return "unsupported expression " + strconvQuote(m[0]) + " (use ${user.<attribute>})"
		}
	}
	return ""
}

// evalExpression resolves a mapping value for a user; ok is false when a
// placeholder names an attribute the user does not have (PingOne then
// leaves the claim out).
func (s *Server) evalExpression(v string, u *user) (string, bool) {
	ok := true
	out := exprPattern.ReplaceAllStringFunc(v, func(m string) string {
		e := strings.TrimSpace(m[2 : len(m)-1])
		if !strings.HasPrefix(e, "user.") || u == nil {
			ok = false
			return ""
		}
		val := s.userAttr(u, strings.TrimPrefix(e, "user."))
		if val == "" {
			ok = false
		}
		return val
	})
	return out, ok
}

// addResourceClaims puts the custom attributes of the token's resource in
// its claims.
func (s *Server) addResourceClaims(claims map[string]any, res *resource, u *user) {
	if res == nil {
		return
	}
	for _, a := range s.resourceAttrs(res.id) {
		if a.typ != "CUSTOM" {
			continue
		}
		if v, ok := s.evalExpression(a.value, u); ok {
			claims[a.name] = v
		}
	}
	if res.permissionsClaim && u != nil {
		if perms := s.userPermissions(res, u); len(perms) > 0 {
			claims["p1.permissions"] = perms
		}
	}
}

// --- login_hint_token and request JWTs ------------------------------------------

// verifyAppJWT checks an HS256 JWT an application signed with its client
// secret: iss is the client, aud names this issuer, not expired. It
// returns the claims or an error description.
func (s *Server) verifyAppJWT(r *http.Request, env *environment, app *application, tok, what string) (map[string]any, string) {
	header, claims, input, sig, err := parseJWT(tok)
	if err != nil {
		return nil, what + " is not a signed JWT"
	}
	if header["alg"] != "HS256" || header["cty"] != nil || header["enc"] != nil {
		return nil, what + " must be signed with HS256 and must not be nested or encrypted"
	}
	if app.secret == "" {
		return nil, "the application has no client secret to verify " + what
	}
	m := hmac.New(sha256.New, []byte(app.secret))
	m.Write([]byte(input))
	if subtle.ConstantTimeCompare(m.Sum(nil), sig) != 1 {
		return nil, what + " signature is invalid"
	}
	if iss, _ := claims["iss"].(string); iss != app.id {
		return nil, what + " iss must be the client_id"
	}
	want := issuer(baseURL(r), env)
	audOK := false
	for _, a := range audiences(claims["aud"]) {
		audOK = audOK || a == want
	}
	if !audOK {
		return nil, what + " aud must be " + want
	}
	if exp := numClaim(claims, "exp"); exp != 0 && exp <= s.now().Unix() {
		return nil, what + " has expired"
	}
	return claims, ""
}

// requestObjects applies the request and login_hint_token parameters of an
// authorization request: the request JWT's claims replace the query's
// parameters (OIDC Core 6.1), and the login hint names the user the flow
// is for. On failure it has written the error.
func (s *Server) requestObjects(w http.ResponseWriter, r *http.Request, env *environment, app *application, q url.Values) (hint *user, template map[string]any, ok bool) {
	fail := func(desc string) (*user, map[string]any, bool) {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: "+desc)
		return nil, nil, false
	}
	if tok := q.Get("request"); tok != "" {
		claims, bad := s.verifyAppJWT(r, env, app, tok, "request")
		if bad != "" {
			return fail(bad)
		}
		if cid, _ := claims["client_id"].(string); cid != "" && cid != app.id {
			return fail("request client_id does not match")
		}
		for _, k := range []string{"response_type", "response_mode", "scope", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method", "login_hint", "acr_values", "prompt"} {
			if v, isStr := claims[k].(string); isStr {
				q.Set(k, v)
			}
		}
		template, _ = claims["pi.template"].(map[string]any)
		if sub, _ := claims["sub"].(string); sub != "" && q.Get("login_hint") == "" {
			q.Set("login_hint", sub)
		}
	}
	name := q.Get("login_hint")
	if tok := q.Get("login_hint_token"); tok != "" {
		claims, bad := s.verifyAppJWT(r, env, app, tok, "login_hint_token")
		if bad != "" {
			return fail(bad)
		}
		name, _ = claims["sub"].(string)
		if name == "" {
			return fail("login_hint_token has no sub")
		}
		hint = s.users[name]
		if hint == nil || hint.envID != env.id {
			hint = s.findUser(env, name)
		}
		if hint == nil || !hint.enabled {
			return fail("login_hint_token sub is not a user of the environment")
		}
	}
	return hint, template, true
}

// --- passcode messages -----------------------------------------------------------

// otpMessage is the text the local inbox shows with a passcode: the flow's
// transaction template (request JWT pi.template) when there is one, else a
// plain passcode message.
func (s *Server) otpMessage(f *flow, otp string) string {
	vars := map[string]string{"otp": otp, "OTP": otp}
	if u := s.users[f.userID]; u != nil {
		vars["user.username"], vars["user.email"] = u.username, u.email
	}
	text := "Your passcode is ${otp}"
	if tmpl := s.uc2().flowTemplates[f.id]; tmpl != nil {
		if v, ok := tmpl["variables"].(map[string]any); ok {
			for k, x := range v {
				if xs, ok := x.(string); ok {
					vars[k] = xs
				}
			}
		}
		method := "SMS"
		if d := s.devices[f.deviceID]; d != nil {
			method = map[string]string{"EMAIL": "Email", "SMS": "SMS", "VOICE": "Voice"}[d.typ]
		}
		if body := s.templateBody(f.envID, str(tmpl, "name"), str(tmpl, "variant"), method); body != "" {
			text = body
		}
	}
	return exprPattern.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := vars[strings.TrimSpace(m[2:len(m)-1])]; ok {
			return v
		}
		return m
	})
}

// applyLoginHint makes the flow the hinted user's (a session of another
// user does not count) and keeps the request JWT's template for the
// passcode message.
func (s *Server) applyLoginHint(f *flow, hint *user, template map[string]any) {
	if hint != nil && f.userID != hint.id {
		f.userID, f.sessionID = hint.id, ""
	}
	if template != nil {
		s.uc2().flowTemplates[f.id] = template
	}
}
