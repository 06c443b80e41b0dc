package pingone

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// discovery is the OpenID Provider metadata. Every member names only what
// this server serves (TestDiscoveryTellsTheTruth drives each one); members
// whose absence would claim a default it does not meet are written out
// (request_uri_parameter_supported defaults to true in OpenID Connect
// Discovery 1.0).
func (s *Server) discovery(env *environment, base string) map[string]any {
	iss := issuer(base, env)
	authMethods := []string{"client_secret_basic", "client_secret_post", "client_secret_jwt", "none"}
	return map[string]any{
		"issuer":                                           iss,
		"authorization_endpoint":                           iss + "/authorize",
		"token_endpoint":                                   iss + "/token",
		"userinfo_endpoint":                                iss + "/userinfo",
		"device_authorization_endpoint":                    iss + "/device_authorization",
		"end_session_endpoint":                             iss + "/signoff",
		"introspection_endpoint":                           iss + "/introspect",
		"revocation_endpoint":                              iss + "/revoke",
		"jwks_uri":                                         iss + "/jwks",
		"response_types_supported":                         []string{"code", "token", "id_token", "token id_token"},
		"response_modes_supported":                         []string{"query", "fragment", "form_post", "pi.flow"},
		"grant_types_supported":                            []string{"authorization_code", "implicit", "client_credentials", "refresh_token", grantDeviceCode, grantTokenExchange},
		"subject_types_supported":                          []string{"public"},
		"id_token_signing_alg_values_supported":            []string{s.opts.Signing},
		"scopes_supported":                                 []string{"openid", "profile", "email", "address", "phone", "offline_access"},
		"token_endpoint_auth_methods_supported":            authMethods,
		"token_endpoint_auth_signing_alg_values_supported": clientAssertionAlgs,
		"introspection_endpoint_auth_methods_supported":    authMethods,
		"revocation_endpoint_auth_methods_supported":       authMethods,
		"code_challenge_methods_supported":                 []string{"plain", "S256"},
		"request_parameter_supported":                      true,
		"request_object_signing_alg_values_supported":      []string{"HS256"},
		"request_uri_parameter_supported":                  false,
		"claims_parameter_supported":                       false,
		"claims_supported": []string{"sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "amr", "nonce", "sid", "env", "org",
			"preferred_username", "given_name", "family_name", "updated_at", "email", "email_verified"},
	}
}

func issuer(base string, env *environment) string { return base + "/" + env.id + "/as" }

// --- client authentication ------------------------------------------------

// PingOne's invalid_client descriptions. Recorded from the live service:
//   - "Request denied: Invalid client credentials" for a client id no
//     application has (pingidentity/pingctl,
//     internal/commands/platform/export_internal_test.go,
//     Test_initApiClient_invalidClientIdConfig) and for a wrong secret sent
//     the way the application authenticates (curtismu7's PingOne Privilege
//     notes: a rotated secret failed every sign-in with it, while the Basic
//     attempts to that client_secret_post app logged "Unsupported
//     authentication method");
//   - "Request denied: Unsupported authentication method" for credentials
//     sent another way than the application's tokenEndpointAuthMethod
//     (pingidentity/pingcli, cmd/platform/export_test.go,
//     TestPlatformExportCmd_PingOneClientCredentialFlagsInvalid: Go's
//     oauth2 client falls back to client_secret_post against a Basic
//     worker), including any client_secret, even an empty one, sent to a
//     NONE application (curtismu7's banking demo, "verified against the
//     live token endpoint").
//
// PingOne appends " (Correlation ID: <uuid>)" (writeOAuthError). No
// recording was found for a request with no client id at all, a form
// client_id that contradicts the Basic one, or a client assertion that
// fails its checks (signature, audience, expiry, replay): those keep the
// "Unsupported authentication method" text this server always used.
const (
	descBadClientCredentials = "Request denied: Invalid client credentials"
	descUnsupportedAuth      = "Request denied: Unsupported authentication method"
)

// authenticateClient applies the application's tokenEndpointAuthMethod
// and answers 401 invalid_client with PingOne's description when the
// client fails it.
func (s *Server) authenticateClient(w http.ResponseWriter, r *http.Request, env *environment) (*application, bool) {
	app, desc := s.clientFor(r, env)
	if desc != "" {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", desc)
		return nil, false
	}
	return app, true
}

// clientFor identifies and authenticates the client of a token,
// introspection or revocation request; a non-empty description says why
// it failed.
func (s *Server) clientFor(r *http.Request, env *environment) (*application, string) {
	if r.PostForm.Get("client_assertion_type") == clientAssertionJWT {
		return s.verifyClientAssertion(r, env)
	}
	var id, secret, used string
	if u, p, ok := r.BasicAuth(); ok {
		id, _ = url.QueryUnescape(u)
		secret, _ = url.QueryUnescape(p)
		used = "CLIENT_SECRET_BASIC"
	} else if r.PostForm.Has("client_secret") {
		id, secret, used = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret"), "CLIENT_SECRET_POST"
	} else {
		id, used = r.PostForm.Get("client_id"), "NONE"
	}
	if id == "" {
		return nil, descUnsupportedAuth
	}
	app := s.apps[id]
	if app == nil || app.envID != env.id || !app.enabled() {
		return nil, descBadClientCredentials
	}
	if app.str("tokenEndpointAuthMethod") != used {
		return nil, descUnsupportedAuth
	}
	if used != "NONE" && subtle.ConstantTimeCompare([]byte(secret), []byte(app.secret)) != 1 {
		return nil, descBadClientCredentials
	}
	if fid := r.PostForm.Get("client_id"); fid != "" && fid != app.id {
		return nil, descUnsupportedAuth
	}
	return app, ""
}

// --- token endpoint -------------------------------------------------------

// formClient reads the urlencoded form a client posts to the token and
// revocation endpoints and authenticates the client; when it returns
// false it has answered with PingOne's OAuth error.
func (s *Server) formClient(w http.ResponseWriter, r *http.Request, env *environment) (*application, bool) {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(ct), "application/x-www-form-urlencoded") {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: Content-Type must be application/x-www-form-urlencoded")
		return nil, false
	}
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: the request body could not be parsed")
		return nil, false
	}
	return s.authenticateClient(w, r, env)
}

func (s *Server) token(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	app, ok := s.formClient(w, r, env)
	if !ok {
		return
	}
	grant := r.PostForm.Get("grant_type")
	need := map[string]string{"client_credentials": "CLIENT_CREDENTIALS", "authorization_code": "AUTHORIZATION_CODE", "refresh_token": "REFRESH_TOKEN",
		grantDeviceCode: "DEVICE_CODE", grantTokenExchange: "TOKEN_EXCHANGE"}[grant]
	if need == "" {
		writeOAuthError(w, http.StatusBadRequest, "unsupported_grant_type", "Request denied: unsupported grant_type "+strconvQuote(grant))
		return
	}
	if !app.has("grantTypes", need) {
		writeOAuthError(w, http.StatusBadRequest, "unauthorized_client", "Request denied: the application is not allowed to use grant type "+grant)
		return
	}
	switch grant {
	case "client_credentials":
		scope := r.PostForm.Get("scope")
		res, bad := s.checkScopes(app, scope, false)
		if bad != "" {
			writeOAuthError(w, http.StatusBadRequest, "invalid_scope", "Request denied: "+bad)
			return
		}
		if aud := r.PostForm.Get("audience"); aud != "" {
			// Without scopes, an audience selects the granted resource and
			// all of its granted scopes.
			if res == nil && scope == "" {
				res, scope = s.grantedResource(app, aud)
			}
			if res == nil || res.audience != aud {
				writeOAuthError(w, http.StatusBadRequest, "invalid_target", "Request denied: the audience "+strconvQuote(aud)+" is not a resource granted to the application")
				return
			}
		}
		now := s.now()
		claims := s.baseClaims(env, base, app, now)
		out := map[string]any{"token_type": "Bearer", "expires_in": int(s.opts.TokenTTL.Seconds())}
		if res != nil {
			claims["aud"] = []string{res.audience}
			claims["scope"] = scope
			out["scope"] = scope
		}
		out["access_token"] = s.sign(env, claims)
		writeJSON(w, http.StatusOK, plainJSON, out)
	case grantDeviceCode:
		s.exchangeDeviceCode(w, r, env, base, app)
	case grantTokenExchange:
		s.exchangeToken(w, r, env, base, app)
	case "authorization_code":
		s.exchangeCode(w, r, env, base, app)
	case "refresh_token":
		s.exchangeRefresh(w, r, env, base, app)
	}
}

func strconvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// baseClaims are the claims of every access token: PingOne's client_id,
// iss, jti, iat, exp, aud (the API host), env and org.
func (s *Server) baseClaims(env *environment, base string, app *application, now time.Time) map[string]any {
	return map[string]any{
		"client_id": app.id,
		"iss":       issuer(base, env),
		"jti":       newID(),
		"iat":       now.Unix(),
		"exp":       now.Add(s.opts.TokenTTL).Unix(),
		"aud":       []string{base},
		"env":       env.id,
		"org":       s.creds.OrgID,
	}
}

func (s *Server) exchangeCode(w http.ResponseWriter, r *http.Request, env *environment, base string, app *application) {
	code := s.codes[r.PostForm.Get("code")]
	now := s.now()
	invalid := func() {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: the authorization code is invalid or expired")
	}
	if code == nil || code.appID != app.id || code.envID != env.id {
		invalid()
		return
	}
	if code.used {
		// A replayed code revokes what it issued (RFC 6749 §4.1.2).
		for _, jti := range code.issued {
			s.revoked[jti] = true
		}
		for k, rt := range s.refresh {
			if rt.sessionID == code.sessionID && rt.appID == code.appID {
				delete(s.refresh, k)
			}
		}
		invalid()
		return
	}
	if !now.Before(code.expiresAt) {
		delete(s.codes, code.code)
		invalid()
		return
	}
	if ru := r.PostForm.Get("redirect_uri"); code.redirectURI != "" && ru != code.redirectURI {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: redirect_uri does not match the authorization request")
		return
	}
	if code.challenge != "" {
		v := r.PostForm.Get("code_verifier")
		if v == "" {
			writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: code_verifier is required")
			return
		}
		if !pkceMatches(code.method, code.challenge, v) {
			code.used = true // a failed verification burns the code
			writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: PKCE verification failed")
			return
		}
	}
	code.used = true
	u := s.users[code.userID]
	if u == nil {
		invalid()
		return
	}
	s.writeUserTokens(w, env, base, app, u, code.scope, code.nonce, code.sessionID, &code.issued)
}

// pkceMatches checks RFC 7636 verification for plain and S256.
func pkceMatches(method, challenge, verifier string) bool {
	var got string
	switch method {
	case "S256":
		sum := sha256.Sum256([]byte(verifier))
		got = base64.RawURLEncoding.EncodeToString(sum[:])
	default:
		got = verifier
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(challenge)) == 1
}

func (s *Server) exchangeRefresh(w http.ResponseWriter, r *http.Request, env *environment, base string, app *application) {
	rt := s.refresh[r.PostForm.Get("refresh_token")]
	if rt == nil || rt.appID != app.id || !s.now().Before(rt.expiresAt) {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: the refresh token is invalid or expired")
		return
	}
	scope := rt.scope
	if req := r.PostForm.Get("scope"); req != "" {
		for _, sc := range strings.Fields(req) {
			if !containsField(rt.scope, sc) {
				writeOAuthError(w, http.StatusBadRequest, "invalid_scope", "Request denied: scope "+sc+" was not granted")
				return
			}
		}
		scope = req
	}
	u := s.users[rt.userID]
	if u == nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Request denied: the refresh token is invalid or expired")
		return
	}
	delete(s.refresh, rt.token) // rotation: each refresh token works once
	s.writeUserTokens(w, env, base, app, u, scope, "", rt.sessionID, nil)
}

func containsField(list, want string) bool {
	for _, f := range strings.Fields(list) {
		if f == want {
			return true
		}
	}
	return false
}

// writeUserTokens issues an access token (plus id_token for openid and a
// refresh token when the app has the REFRESH_TOKEN grant) for a user.
func (s *Server) writeUserTokens(w http.ResponseWriter, env *environment, base string, app *application, u *user, scope, nonce, sessionID string, issued *[]string) {
	now := s.now()
	claims := s.baseClaims(env, base, app, now)
	claims["sub"] = u.id
	claims["scope"] = scope
	claims["sid"] = sessionID
	if res, _ := s.checkScopes(app, scope, true); res != nil {
		claims["aud"] = []string{res.audience}
		s.addResourceClaims(claims, res, u)
	}
	access := s.sign(env, claims)
	if issued != nil {
		*issued = append(*issued, claims["jti"].(string))
	}
	out := map[string]any{
		"access_token": access, "token_type": "Bearer",
		"expires_in": int(s.opts.TokenTTL.Seconds()), "scope": scope,
	}
	if containsField(scope, "openid") {
		out["id_token"] = s.sign(env, s.idTokenClaims(env, base, app, u, scope, nonce, sessionID, now))
	}
	if app.has("grantTypes", "REFRESH_TOKEN") {
		rt := &refreshToken{token: newSecret(), envID: env.id, appID: app.id, userID: u.id, scope: scope,
			sessionID: sessionID, expiresAt: now.Add(30 * 24 * time.Hour)}
		s.refresh[rt.token] = rt
		out["refresh_token"] = rt.token
	}
	writeJSON(w, http.StatusOK, plainJSON, out)
}

// idTokenClaims are the claims of an ID token for the user: the profile
// and email claims follow the granted scopes.
func (s *Server) idTokenClaims(env *environment, base string, app *application, u *user, scope, nonce, sessionID string, now time.Time) map[string]any {
	id := map[string]any{
		"iss": issuer(base, env), "sub": u.id, "aud": app.id, "iat": now.Unix(),
		"exp": now.Add(s.opts.TokenTTL).Unix(), "auth_time": now.Unix(), "sid": sessionID,
		"env": env.id, "org": s.creds.OrgID, "acr": s.policyNameFor(env, app), "amr": []string{"pwd"},
	}
	if sess := s.sessions[sessionID]; sess != nil && sess.mfaDone {
		id["amr"] = []string{"otp"}
	}
	if nonce != "" {
		id["nonce"] = nonce
	}
	if containsField(scope, "profile") {
		id["preferred_username"] = u.username
		id["given_name"] = u.given
		id["family_name"] = u.family
	}
	if containsField(scope, "email") && u.email != "" {
		id["email"] = u.email
	}
	return id
}

// --- userinfo and introspection ------------------------------------------

// activeClaims verifies a token and reports whether it is current.
func (s *Server) activeClaims(env *environment, tok string) (map[string]any, bool) {
	claims, tokEnv, err := s.verify(tok)
	if err != nil || tokEnv.id != env.id || numClaim(claims, "exp") <= s.now().Unix() {
		return nil, false
	}
	if jti, _ := claims["jti"].(string); s.revoked[jti] {
		return nil, false
	}
	return claims, true
}

func (s *Server) userinfo(w http.ResponseWriter, r *http.Request, env *environment) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		writeMethodNotAllowed(w)
		return
	}
	tok := ""
	if scheme, t, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		tok = strings.TrimSpace(t)
	} else if r.Method == http.MethodPost {
		_ = r.ParseForm()
		tok = r.PostForm.Get("access_token")
	}
	claims, ok := s.activeClaims(env, tok)
	var u *user
	if ok {
		sub, _ := claims["sub"].(string)
		u = s.users[sub]
	}
	if ok && str(claims, "sub") == "" {
		// A client-credentials token has no user: PingOne refuses it with its
		// platform error, not an OAuth one.
		writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_TOKEN", Target: "Authorization",
			Message: "The access token was not issued to a user"}})
		return
	}
	if u == nil || !containsField(str(claims, "scope"), "openid") {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="The access token is invalid or expired"`)
		writeOAuthError(w, http.StatusUnauthorized, "invalid_token", "The access token is invalid or expired")
		return
	}
	scope := str(claims, "scope")
	out := map[string]any{"sub": u.id, "env": env.id, "org": s.creds.OrgID}
	if containsField(scope, "profile") {
		out["preferred_username"] = u.username
		out["given_name"] = u.given
		out["family_name"] = u.family
		out["updated_at"] = u.updatedAt.Unix()
	}
	if containsField(scope, "email") && u.email != "" {
		out["email"] = u.email
		out["email_verified"] = false
	}
	writeJSON(w, http.StatusOK, plainJSON, out)
}

func (s *Server) introspect(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: the request body could not be parsed")
		return
	}
	if _, ok := s.authenticateClient(w, r, env); !ok {
		return
	}
	tok := r.PostForm.Get("token")
	if rt := s.refresh[tok]; rt != nil && rt.envID == env.id && s.now().Before(rt.expiresAt) {
		writeJSON(w, http.StatusOK, plainJSON, map[string]any{
			"active": true, "client_id": rt.appID, "sub": rt.userID, "scope": rt.scope,
			"exp": rt.expiresAt.Unix(), "token_type": "refresh_token", "iss": issuer(base, env), "env": env.id, "org": s.creds.OrgID,
		})
		return
	}
	claims, ok := s.activeClaims(env, tok)
	if !ok {
		writeJSON(w, http.StatusOK, plainJSON, map[string]any{"active": false})
		return
	}
	out := map[string]any{"active": true, "token_type": "Bearer"}
	for k, v := range claims {
		out[k] = v
	}
	writeJSON(w, http.StatusOK, plainJSON, out)
}
