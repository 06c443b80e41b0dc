package pingone

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"hash"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

const (
	clientAssertionJWT = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
	grantDeviceCode    = "urn:ietf:params:oauth:grant-type:device_code"
	grantTokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange"
	tokenTypeAccess    = "urn:ietf:params:oauth:token-type:access_token"

	deviceCodeTTL  = 10 * time.Minute
	devicePollSecs = 5
)

// Device authorization grant flow actions and statuses.
const (
	mtDAGUserCode = "application/vnd.pingidentity.deviceAuthGrant.userCode.verify+json"
	mtDAGConsent  = "application/vnd.pingidentity.deviceAuthGrant.consent+json"

	statusDAGUserCode = "DAG_USER_CODE_REQUIRED"
	statusDAGConsent  = "DAG_CONSENT_REQUIRED"
)

// deviceAuth is one pending device authorization (RFC 8628).
type deviceAuth struct {
	deviceCode, userCode, envID, appID, scope string
	userID, sessionID                         string
	approved, denied                          bool
	expiresAt                                 time.Time
}

// clientAssertionAlgs are the JWS algorithms of CLIENT_SECRET_JWT client
// assertions, as PingOne's "Token endpoint authentication methods" lists
// them (HS256, HS384, HS512).
var (
	clientAssertionAlgs = []string{"HS256", "HS384", "HS512"}
	assertionHash       = map[string]func() hash.Hash{"HS256": sha256.New, "HS384": sha512.New384, "HS512": sha512.New}
)

// verifyClientAssertion authenticates a CLIENT_SECRET_JWT client: an HMAC
// JWT signed with the application's secret, whose iss and sub are the
// client id, whose aud names this token endpoint (or the issuer), that has
// not expired and whose jti is not replayed. A non-empty description says
// why it failed (see clientFor). The caller holds s.mu.
func (s *Server) verifyClientAssertion(r *http.Request, env *environment) (*application, string) {
	header, claims, input, sig, err := parseJWT(r.PostForm.Get("client_assertion"))
	alg, _ := header["alg"].(string)
	hash := assertionHash[alg]
	if err != nil || hash == nil {
		return nil, descUnsupportedAuth
	}
	iss, _ := claims["iss"].(string)
	app := s.apps[iss]
	if app == nil || app.envID != env.id || !app.enabled() {
		return nil, descBadClientCredentials
	}
	if app.str("tokenEndpointAuthMethod") != "CLIENT_SECRET_JWT" {
		return nil, descUnsupportedAuth
	}
	m := hmac.New(hash, []byte(app.secret))
	m.Write([]byte(input))
	if subtle.ConstantTimeCompare(m.Sum(nil), sig) != 1 {
		return nil, descUnsupportedAuth
	}
	if sub, _ := claims["sub"].(string); sub != iss {
		return nil, descUnsupportedAuth
	}
	if id := r.PostForm.Get("client_id"); id != "" && id != iss {
		return nil, descUnsupportedAuth
	}
	iss2 := issuer(baseURL(r), env)
	audOK := false
	for _, a := range audiences(claims["aud"]) {
		if a == iss2+"/token" || a == iss2 {
			audOK = true
		}
	}
	now := s.now().Unix()
	exp := numClaim(claims, "exp")
	if !audOK || exp <= now || exp > now+int64(24*time.Hour/time.Second) {
		return nil, descUnsupportedAuth
	}
	jti, _ := claims["jti"].(string)
	if jti != "" {
		if s.usedJTI[jti] {
			return nil, descUnsupportedAuth
		}
		s.usedJTI[jti] = true
	}
	return app, ""
}

func audiences(v any) []string {
	switch a := v.(type) {
	case string:
		return []string{a}
	case []any:
		var out []string
		for _, x := range a {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// --- device authorization grant ----------------------------------------------

// deviceAuthorization serves POST /{envID}/as/device_authorization.
func (s *Server) deviceAuthorization(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: the request body could not be parsed")
		return
	}
	app := s.apps[r.PostForm.Get("client_id")]
	if app == nil || app.envID != env.id || !app.enabled() {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", descBadClientCredentials)
		return
	}
	if !app.has("grantTypes", "DEVICE_CODE") {
		writeOAuthError(w, http.StatusBadRequest, "unauthorized_client", "Request denied: the application is not allowed to use grant type device_code")
		return
	}
	scope := r.PostForm.Get("scope")
	if _, bad := s.checkScopes(app, scope, true); bad != "" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_scope", "Request denied: "+bad)
		return
	}
	da := &deviceAuth{deviceCode: newID(), userCode: newUserCode(), envID: env.id, appID: app.id, scope: scope,
		expiresAt: s.now().Add(deviceCodeTTL)}
	s.deviceAuths[da.deviceCode] = da
	verify := base + "/" + env.id + "/device"
	writeJSON(w, http.StatusOK, plainJSON, map[string]any{
		"device_code": da.deviceCode, "user_code": da.userCode,
		"verification_uri": verify, "verification_uri_complete": verify + "?user_code=" + url.QueryEscape(da.userCode),
		"expires_in": int(deviceCodeTTL.Seconds()), "interval": devicePollSecs,
	})
}

// newUserCode is an activation code a person can type: eight letters
// without look-alikes, shown as XXXX-XXXX.
func newUserCode() string {
	const alphabet = "BCDFGHJKLMNPQRSTVWXZ"
	var b [9]byte
	for i := range b {
		if i == 4 {
			b[i] = '-'
			continue
		}
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		b[i] = alphabet[n.Int64()]
	}
	return string(b[:])
}

// startDeviceFlow serves GET /{envID}/device[/{appIdentifier}]: a sign-on
// flow that ends with the user code and consent actions, under the
// application's policy when it is named, the environment's otherwise.
func (s *Server) startDeviceFlow(w http.ResponseWriter, r *http.Request, env *environment, base, appIdentifier string) {
	if r.Method != http.MethodGet {
		writeMethodNotAllowed(w)
		return
	}
	now := s.now()
	f := &flow{id: newID(), envID: env.id, interactionToken: newSecret(), responseMode: "device", device: true,
		prefillUserCode: r.URL.Query().Get("user_code"), createdAt: now, expiresAt: now.Add(s.opts.FlowTTL)}
	f.actions = s.policyActions(env.defaultPolicy)
	if appIdentifier != "" {
		app := s.apps[appIdentifier]
		if app == nil || app.envID != env.id || !app.has("grantTypes", "DEVICE_CODE") {
			writeNotFound(w)
			return
		}
		f.appID = app.id
		f.actions = s.policyFor(env, app)
	}
	if sess := s.sessionFrom(r, env); sess != nil {
		f.userID, f.sessionID = sess.userID, sess.id
	}
	s.flows[f.id] = f
	s.advance(f)
	http.SetCookie(w, s.cookie(r, env, "interactionId", f.id, 0))
	http.SetCookie(w, s.cookie(r, env, "interactionToken", f.interactionToken, 0))
	w.Header().Set("Location", s.signOnURL(base, env.id, s.apps[f.appID], f.id))
	w.WriteHeader(http.StatusFound)
}

// deviceStep runs the userCode.verify and consent actions. It reports
// whether it wrote an error.
func (s *Server) deviceStep(w http.ResponseWriter, f *flow, mt string, body map[string]any) bool {
	switch mt {
	case mtDAGUserCode:
		code := strings.ToUpper(strings.TrimSpace(str(body, "userCode")))
		var found *deviceAuth
		for _, da := range s.deviceAuths {
			if da.envID == f.envID && da.userCode == code && s.now().Before(da.expiresAt) && !da.approved && !da.denied {
				found = da
			}
		}
		if found == nil || (f.appID != "" && found.appID != f.appID) {
			writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "userCode", Message: "The user code is invalid or expired"})
			return true
		}
		f.deviceCode, f.appID, f.scope = found.deviceCode, found.appID, found.scope
	case mtDAGConsent:
		da := s.deviceAuths[f.deviceCode]
		accept, isBool := body["accept"].(bool)
		if !isBool {
			writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "accept", Message: "must not be null"})
			return true
		}
		if da == nil || !s.now().Before(da.expiresAt) {
			f.status, f.errCode, f.errMessage = statusFailed, "EXPIRED", "The device authorization has expired"
			return false
		}
		if !accept {
			da.denied = true
			f.status, f.errCode, f.errMessage = statusFailed, "CONSENT_REJECTED", "The user rejected the consent agreement"
			return false
		}
		da.approved, da.userID, da.sessionID = true, f.userID, f.sessionID
		f.consented = true
	}
	return false
}

// exchangeDeviceCode is the device's polling token request.
func (s *Server) exchangeDeviceCode(w http.ResponseWriter, r *http.Request, env *environment, base string, app *application) {
	da := s.deviceAuths[r.PostForm.Get("device_code")]
	switch {
	case da == nil || da.appID != app.id || da.envID != env.id:
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: the device code is invalid")
	case !s.now().Before(da.expiresAt):
		delete(s.deviceAuths, da.deviceCode)
		writeOAuthError(w, http.StatusBadRequest, "expired_token", "Request denied: the device code has expired")
	case da.denied:
		delete(s.deviceAuths, da.deviceCode)
		writeOAuthError(w, http.StatusBadRequest, "access_denied", "Request denied: the user denied the authorization")
	case !da.approved:
		writeOAuthError(w, http.StatusBadRequest, "authorization_pending", "Request denied: the user has not yet completed the authorization")
	default:
		u := s.users[da.userID]
		delete(s.deviceAuths, da.deviceCode)
		if u == nil {
			writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: the device code is invalid")
			return
		}
		s.writeUserTokens(w, env, base, app, u, da.scope, "", da.sessionID, nil)
	}
}

// --- token exchange (RFC 8693) --------------------------------------------------

// exchangeToken issues a token for the subject of a current access token of
// this environment, naming the exchanging client in the act claim. A
// subject token that carries may_act must name this client.
func (s *Server) exchangeToken(w http.ResponseWriter, r *http.Request, env *environment, base string, app *application) {
	if t := r.PostForm.Get("subject_token_type"); t != tokenTypeAccess {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: subject_token_type must be "+tokenTypeAccess)
		return
	}
	subject, ok := s.activeClaims(env, r.PostForm.Get("subject_token"))
	if !ok {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: the subject token is invalid or expired")
		return
	}
	actor := app.id
	if at := r.PostForm.Get("actor_token"); at != "" {
		ac, ok := s.activeClaims(env, at)
		if !ok {
			writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: the actor token is invalid or expired")
			return
		}
		actor, _ = ac["client_id"].(string)
	}
	if may, ok := subject["may_act"].(map[string]any); ok && str(may, "sub") != actor {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: the subject token's may_act does not allow this actor")
		return
	}
	scope := r.PostForm.Get("scope")
	res, bad := s.checkScopes(app, scope, false)
	if bad != "" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_scope", "Request denied: "+bad)
		return
	}
	if want := r.PostForm.Get("audience"); want != "" && (res == nil || res.audience != want) {
		writeOAuthError(w, http.StatusBadRequest, "invalid_target", "Request denied: the audience "+strconvQuote(want)+" does not match the resource of the requested scopes")
		return
	}
	now := s.now()
	claims := s.baseClaims(env, base, app, now)
	claims["sub"] = subject["sub"]
	claims["scope"] = scope
	act := map[string]any{"sub": actor}
	if prior, ok := subject["act"].(map[string]any); ok {
		act["act"] = prior // a delegation chain keeps the earlier actors, innermost last
	}
	claims["act"] = act
	if res != nil {
		claims["aud"] = []string{res.audience}
	}
	writeJSON(w, http.StatusOK, plainJSON, map[string]any{
		"access_token": s.sign(env, claims), "issued_token_type": tokenTypeAccess, "token_type": "Bearer",
		"expires_in": int(s.opts.TokenTTL.Seconds()), "scope": scope,
	})
}

// --- sign-off ---------------------------------------------------------------------

// signoff serves /{envID}/as/signoff: it ends the session named by the
// id_token_hint (and clears the ST cookie), then redirects to the
// post_logout_redirect_uri when the application registered it.
func (s *Server) signoff(w http.ResponseWriter, r *http.Request, env *environment) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		writeMethodNotAllowed(w)
		return
	}
	_ = r.ParseForm()
	var app *application
	var hintUser string
	if hint := r.Form.Get("id_token_hint"); hint != "" {
		// An expired hint is fine; a forged one or another environment's is not.
		claims, tokEnv, err := s.verify(hint)
		if err == nil {
			app = s.apps[str(claims, "aud")]
		}
		if err != nil || tokEnv.id != env.id || app == nil || !app.enabled() {
			writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
				Code: "INVALID_VALUE", Target: "id_token_hint", Message: "The id_token_hint is invalid"}})
			return
		}
		hintUser = str(claims, "sub")
	}
	redirect := r.Form.Get("post_logout_redirect_uri")
	if redirect != "" && (app == nil || !app.has("postLogoutRedirectUris", redirect)) {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "post_logout_redirect_uri", Message: "The post_logout_redirect_uri is not registered for the application"}})
		return
	}
	if sess := s.sessionFrom(r, env); sess != nil {
		if hintUser != "" && hintUser != sess.userID {
			writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
				Code: "INVALID_VALUE", Target: "id_token_hint", Message: "The id_token_hint user is not the user of the current session"}})
			return
		}
		s.endSession(sess.id)
	}
	gone := s.cookie(r, env, "ST", "", 0)
	gone.MaxAge = -1
	http.SetCookie(w, gone)
	if redirect != "" {
		if st := r.Form.Get("state"); st != "" {
			redirect = appendResponse(redirect, "query", url.Values{"state": {st}})
		}
		w.Header().Set("Location", redirect)
		w.WriteHeader(http.StatusFound)
		return
	}
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.Header().Set("Location", s.signedOffURL(r, env, app))
	w.WriteHeader(http.StatusFound)
}

// endSession deletes a session and the refresh tokens issued in it.
func (s *Server) endSession(id string) {
	delete(s.sessions, id)
	for k, rt := range s.refresh {
		if rt.sessionID == id {
			delete(s.refresh, k)
		}
	}
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// routeUserSessions serves /users/{id}/sessions[/{sessionID}]: list, read
// and delete (terminate) the user's SSO sessions, newest first.
func (s *Server) routeUserSessions(w http.ResponseWriter, r *http.Request, u *user, base, id string) {
	list := base + "/environments/" + u.envID + "/users/" + u.id + "/sessions"
	render := func(sess *session) map[string]any {
		return map[string]any{
			"_links": map[string]any{
				"self": link(list + "/" + sess.id), "environment": link(base + "/environments/" + u.envID),
				"user": link(base + "/environments/" + u.envID + "/users/" + u.id),
			},
			"id": sess.id, "environment": ref(u.envID), "user": ref(u.id),
			"createdAt": ts(sess.createdAt), "activeAt": ts(sess.activeAt),
			"lastSignOn": map[string]any{"at": ts(sess.activeAt), "remoteIp": sess.remoteIP},
			"locations":  []any{map[string]any{"at": ts(sess.activeAt), "remoteIp": sess.remoteIP}},
		}
	}
	var mine []*session
	for _, sess := range s.sessions {
		if sess.userID == u.id && s.now().Before(sess.expiresAt) {
			mine = append(mine, sess)
		}
	}
	sort.Slice(mine, func(i, j int) bool { return mine[i].createdAt.After(mine[j].createdAt) })
	switch {
	case id == "":
		var out []any
		for _, sess := range mine {
			out = append(out, render(sess))
		}
		writeHAL(w, http.StatusOK, collection(list, "sessions", out))
	default:
		for _, sess := range mine {
			if sess.id != id {
				continue
			}
			if r.Method == http.MethodDelete {
				s.endSession(sess.id)
				w.WriteHeader(http.StatusNoContent)
				return
			}
			writeHAL(w, http.StatusOK, render(sess))
			return
		}
		writeNotFound(w)
	}
}
