package pingone

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"time"
)

// External authentication with an OPENID_CONNECT identity provider, as in
// PingOne's "Sign-on using an External Identity Provider":
//
//  1. user.lookup of an identifier no user has, matching a discovery rule
//     (or of a user linked to a provider), sets the flow to
//     EXTERNAL_AUTHENTICATION_REQUIRED with an "authenticate" link;
//  2. GET /{envID}/rp/authenticate?providerId=&flowId= redirects to the
//     provider's authorization endpoint (state, nonce, redirect_uri
//     /{envID}/rp/callback/openid_connect);
//  3. the provider (another environment of this server) signs the user on
//     and redirects to the callback with a code;
//  4. GET /{envID}/rp/callback/openid_connect exchanges the code at the
//     provider's token endpoint, verifies the ID token against its JWKS
//     (issuer, audience, nonce, expiry), links or creates the user
//     (identityProvider.id) and redirects to the sign-on page; the flow
//     goes on (COMPLETED, then /as/resume issues the destination's code).
//
// The provider's endpoints are called through this server's own handler,
// never over the network: a provider served elsewhere fails the flow.

const (
	statusExternalAuth = "EXTERNAL_AUTHENTICATION_REQUIRED"
	extAuthTTL         = 15 * time.Minute // PingOne's external authentication timeout
)

// extAuth is one pending external authentication, keyed by its state.
type extAuth struct {
	state, nonce, envID, flowID, idpID string
	expiresAt                          time.Time
}

// routeExternal handles user.lookup in an IDENTIFIER_FIRST action: a user
// linked to a provider, or an unknown identifier matching a discovery
// rule, goes to that provider. It reports whether it routed the flow.
func (s *Server) routeExternal(env *environment, f *flow, u *user, identifier string) bool {
	a := f.currentAction()
	if a == nil || a.typ != "IDENTIFIER_FIRST" {
		return false
	}
	var idp *rec
	switch {
	case u != nil && u.idpID != "":
		idp = s.more().get(u.idpID, kindIdentityProvider.name, env.id)
	case u == nil:
		idp = s.discoverProvider(env, a, identifier)
	}
	if idp == nil {
		return false
	}
	f.extIdP, f.loginHint = idp.id, identifier
	return true
}

// externalFlowJSON adds the provider and the link that starts the
// external authentication to an EXTERNAL_AUTHENTICATION_REQUIRED flow.
func (s *Server) externalFlowJSON(f *flow, base string, links, emb map[string]any) {
	idp := s.more().get(f.extIdP, kindIdentityProvider.name, f.envID)
	if idp == nil {
		return
	}
	q := url.Values{"providerId": {idp.id}, "flowId": {f.id}}
	links["authenticate"] = link(base + "/" + f.envID + "/rp/authenticate?" + q.Encode())
	emb["identityProvider"] = map[string]any{"id": idp.id, "name": str(idp.body, "name"), "type": str(idp.body, "type")}
}

func callbackURL(base, envID string) string {
	return base + "/" + envID + "/rp/callback/openid_connect"
}

// rpAuthenticate serves GET /{envID}/rp/authenticate: 302 to the
// provider's authorization endpoint. The caller holds s.mu.
func (s *Server) rpAuthenticate(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	if r.Method != http.MethodGet {
		writeMethodNotAllowed(w)
		return
	}
	q := r.URL.Query()
	f := s.liveFlow(env, q.Get("flowId"))
	if f == nil {
		writeNotFound(w)
		return
	}
	idp := s.more().get(q.Get("providerId"), kindIdentityProvider.name, env.id)
	if idp == nil || !s.flowOffers(f, idp.id) {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "providerId", Message: "The identity provider is not one the flow's sign-on policy offers"})
		return
	}
	if str(idp.body, "type") == "SAML" && idp.body["enabled"] == true {
		s.samlAuthenticate(w, env, base, f, idp) // saml_sp_flow.go
		return
	}
	if str(idp.body, "type") != "OPENID_CONNECT" || idp.body["enabled"] != true {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "providerId",
			Message: "The identity provider is disabled, or of a type the local PingOne cannot sign on with (only OPENID_CONNECT and SAML)"})
		return
	}
	if s.extAuths == nil {
		s.extAuths = map[string]*extAuth{}
	}
	x := &extAuth{state: newID(), nonce: newID(), envID: env.id, flowID: f.id, idpID: idp.id, expiresAt: s.now().Add(extAuthTTL)}
	s.extAuths[x.state] = x
	var scopes []string
	if arr, ok := idp.body["scopes"].([]any); ok {
		for _, v := range arr {
			if sc, ok := v.(string); ok {
				scopes = append(scopes, sc)
			}
		}
	}
	v := url.Values{"response_type": {"code"}, "client_id": {str(idp.body, "clientId")}, "redirect_uri": {callbackURL(base, env.id)},
		"scope": {strings.Join(scopes, " ")}, "state": {x.state}, "nonce": {x.nonce}}
	if f.loginHint != "" {
		v.Set("login_hint", f.loginHint)
	}
	w.Header().Set("Location", appendResponse(str(idp.body, "authorizationEndpoint"), "query", v))
	w.WriteHeader(http.StatusFound)
}

// flowOffers reports whether the flow may sign on with the provider: the
// one a discovery rule chose, or one of the action's social providers.
func (s *Server) flowOffers(f *flow, idpID string) bool {
	if f.extIdP == idpID {
		return true
	}
	a := f.currentAction()
	if a == nil {
		return false
	}
	providers, _ := a.body["socialProviders"].([]any)
	for _, p := range providers {
		if m, _ := p.(map[string]any); str(m, "id") == idpID {
			return true
		}
	}
	return false
}

// rpCallback serves GET /{envID}/rp/callback/{providerType}. It takes
// s.mu itself and releases it while it calls the provider.
func (s *Server) rpCallback(w http.ResponseWriter, r *http.Request, envID, providerType string) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		writeMethodNotAllowed(w)
		return
	}
	_ = r.ParseForm()
	s.mu.Lock()
	env := s.envs[envID]
	x := s.extAuths[r.Form.Get("state")]
	if env == nil || x == nil || x.envID != envID || !s.now().Before(x.expiresAt) || providerType != "openid_connect" {
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "state", Message: "The external authentication state is unknown, expired or already used"}})
		return
	}
	delete(s.extAuths, x.state) // a state is spent once
	f := s.flows[x.flowID]
	idp := s.more().get(x.idpID, kindIdentityProvider.name, envID)
	if f == nil || idp == nil {
		s.mu.Unlock()
		writeNotFound(w)
		return
	}
	cfg := maps(idp.body)
	base := baseURL(r)
	s.mu.Unlock()

	claims, err := s.exchangeExternal(r, cfg, r.Form, x, base)

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.flows[f.id] != f {
		writeNotFound(w)
		return
	}
	if err == nil {
		err = s.linkExternalUser(env, f, idp, claims)
	}
	s.finishExternal(w, r, env, base, f, err)
}

// maps copies a stored body so it can be read without s.mu.
func maps(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// exchangeExternal turns the provider's answer into verified ID token
// claims. It runs without s.mu.
func (s *Server) exchangeExternal(r *http.Request, idp map[string]any, q url.Values, x *extAuth, base string) (map[string]any, error) {
	if e := q.Get("error"); e != "" {
		return nil, fmt.Errorf("the identity provider answered %s: %s", e, q.Get("error_description"))
	}
	code := q.Get("code")
	if code == "" {
		return nil, fmt.Errorf("the identity provider returned no code")
	}
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {callbackURL(base, x.envID)}}
	id, secret := str(idp, "clientId"), str(idp, "clientSecret")
	basic := str(idp, "tokenEndpointAuthMethod") == "CLIENT_SECRET_BASIC"
	switch str(idp, "tokenEndpointAuthMethod") {
	case "CLIENT_SECRET_POST":
		form.Set("client_id", id)
		form.Set("client_secret", secret)
	case "NONE":
		form.Set("client_id", id)
	}
	code2, body, err := s.callProvider(r, http.MethodPost, str(idp, "tokenEndpoint"), form, func(req *http.Request) {
		if basic {
			req.SetBasicAuth(id, secret)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("calling the token endpoint: %w", err)
	}
	var tok map[string]any
	_ = json.Unmarshal(body, &tok)
	if code2 != http.StatusOK {
		return nil, fmt.Errorf("the token endpoint answered %d %s: %s", code2, str(tok, "error"), str(tok, "error_description"))
	}
	idToken := str(tok, "id_token")
	if idToken == "" {
		return nil, fmt.Errorf("the token endpoint returned no id_token (is openid among the provider's scopes?)")
	}
	claims, err := s.verifyExternalIDToken(r, idp, idToken)
	if err != nil {
		return nil, err
	}
	switch {
	case str(claims, "iss") != str(idp, "issuer"):
		return nil, fmt.Errorf("the ID token's issuer %q is not the provider's issuer %q", str(claims, "iss"), str(idp, "issuer"))
	case !audienceHas(claims["aud"], id):
		return nil, fmt.Errorf("the ID token's audience is not the provider's client id")
	case str(claims, "nonce") != x.nonce:
		return nil, fmt.Errorf("the ID token's nonce does not match the authentication request")
	case numClaim(claims, "exp") <= s.opts.Now().Unix():
		return nil, fmt.Errorf("the ID token has expired")
	case str(claims, "sub") == "":
		return nil, fmt.Errorf("the ID token has no subject")
	}
	return claims, nil
}

func audienceHas(aud any, want string) bool {
	switch a := aud.(type) {
	case string:
		return a == want
	case []any:
		return slices.ContainsFunc(a, func(v any) bool { return v == want })
	}
	return false
}

// verifyExternalIDToken checks the ID token's RS256 signature with the key
// its kid names in the provider's JWKS. HS256 tokens (Options.Signing
// "HS256", whose keys a JWKS cannot publish) are accepted only from an
// environment of this server, checked with that environment's key.
func (s *Server) verifyExternalIDToken(r *http.Request, idp map[string]any, tok string) (map[string]any, error) {
	header, claims, input, sig, err := parseJWT(tok)
	if err != nil {
		return nil, fmt.Errorf("the ID token: %w", err)
	}
	if header["alg"] == "HS256" {
		s.mu.Lock()
		_, env, err := s.verify(tok)
		s.mu.Unlock()
		if err != nil || !strings.HasSuffix(str(idp, "issuer"), "/"+env.id+"/as") {
			return nil, fmt.Errorf("the ID token's HS256 signature does not verify")
		}
		return claims, nil
	}
	if header["alg"] != "RS256" {
		return nil, fmt.Errorf("the ID token's algorithm %v is not supported", header["alg"])
	}
	code, body, err := s.callProvider(r, http.MethodGet, str(idp, "jwksEndpoint"), nil, nil)
	if err != nil || code != http.StatusOK {
		return nil, fmt.Errorf("reading the provider's JWKS (%d): %v", code, err)
	}
	var set struct {
		Keys []map[string]any `json:"keys"`
	}
	if err := json.Unmarshal(body, &set); err != nil {
		return nil, fmt.Errorf("reading the provider's JWKS: %w", err)
	}
	sum := sha256.Sum256([]byte(input))
	for _, k := range set.Keys {
		if str(k, "kid") != str(header, "kid") || str(k, "kty") != "RSA" {
			continue
		}
		n, err1 := b64.DecodeString(str(k, "n"))
		e, err2 := b64.DecodeString(str(k, "e"))
		if err1 != nil || err2 != nil {
			continue
		}
		pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
		if rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig) == nil {
			return claims, nil
		}
	}
	return nil, fmt.Errorf("the ID token's signature does not verify with the provider's JWKS")
}

// callProvider calls one of the provider's endpoints through this
// server's own handler. Only endpoints on the host the client used to
// reach this server are served: anything else would need the network.
func (s *Server) callProvider(r *http.Request, method, endpoint string, form url.Values, prepare func(*http.Request)) (int, []byte, error) {
	u, err := url.Parse(endpoint)
	if err != nil || u.Host != r.Host || (u.Scheme == "https") != (r.TLS != nil) {
		return 0, nil, fmt.Errorf("%s is not served by this local PingOne (it reaches no other server)", endpoint)
	}
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, u.String(), strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, u.String(), nil)
	}
	req.Host = r.Host
	req.RemoteAddr = r.RemoteAddr
	if r.TLS != nil {
		req.TLS = &tls.ConnectionState{}
	}
	if prepare != nil {
		prepare(req)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes(), nil
}

// externalIdentity is what a provider asserted about the user: the
// subject that links accounts (the ID token's sub, the SAML NameID) and
// the profile a user created for it gets. mapped holds the provider's
// attribute mappings (SAML) applied to a linked user as their update mode
// says.
type externalIdentity struct {
	subject                        string
	username, email, given, family string
	mapped                         []mappedAttr
}

// mappedAttr is one evaluated attribute mapping: a PingOne user attribute
// (email, name.given, name.family), its value and whether it is updated
// ALWAYS or only when empty (EMPTY_ONLY).
type mappedAttr struct {
	field, value string
	always       bool
}

// linkExternalUser links or creates the destination user of an OIDC
// provider's ID token claims. The caller holds s.mu.
func (s *Server) linkExternalUser(env *environment, f *flow, idp *rec, claims map[string]any) error {
	sub := str(claims, "sub")
	return s.linkExternal(env, f, idp, &externalIdentity{subject: sub, username: orDefault(str(claims, "preferred_username"), sub),
		email: str(claims, "email"), given: str(claims, "given_name"), family: str(claims, "family_name")})
}

// linkExternal finds the destination user of the external identity
// (linked before, or a local user of the same username, now linked) or
// creates one in the provider's or the action's registration population;
// with neither, the flow waits in ACCOUNT_LINKING_REQUIRED. The caller
// holds s.mu.
func (s *Server) linkExternal(env *environment, f *flow, idp *rec, id *externalIdentity) error {
	for _, u := range s.users {
		if u.envID == env.id && u.idpID == idp.id && u.externalID == id.subject {
			s.applyMapped(u, id)
			return s.signOnLinked(f, u)
		}
	}
	if s.confirmsAttributes(f) { // account_confirmation.go
		f.pendingLink = &pendingLink{idpID: idp.id, externalID: id.subject, identity: id}
		f.status = statusAccountConfirmation
		return errLinkingRequired
	}
	if !s.autoLinks(f, idp) {
		f.pendingLink = &pendingLink{idpID: idp.id, externalID: id.subject, identity: id}
		f.status = statusAccountLinking
		return errLinkingRequired
	}
	username := orDefault(id.username, id.subject)
	if u := s.findUser(env, username); u != nil {
		if u.idpID != "" {
			return fmt.Errorf("account linking failed: user %s is linked to another identity provider", username)
		}
		u.idpID, u.externalID, u.updatedAt = idp.id, id.subject, s.now()
		s.applyMapped(u, id)
		return s.signOnLinked(f, u)
	}
	return s.signOnLinked(f, s.createLinkedUser(env, f, idp, id))
}

// createLinkedUser registers the external identity as a new user of the
// provider's or the action's registration population (else the
// environment's default). The caller holds s.mu.
func (s *Server) createLinkedUser(env *environment, f *flow, idp *rec, id *externalIdentity) *user {
	username := orDefault(id.username, id.subject)
	popID := env.defaultPopulation
	if a := f.currentAction(); a != nil {
		if reg := obj(a.body, "registration"); reg["enabled"] == true && str(obj(reg, "population"), "id") != "" {
			popID = str(obj(reg, "population"), "id")
		}
	}
	if pid := str(obj(obj(idp.body, "registration"), "population"), "id"); pid != "" {
		popID = pid
	}
	now := s.now()
	u := &user{id: newID(), envID: env.id, populationID: popID, username: username, email: id.email,
		given: id.given, family: id.family, enabled: true,
		idpID: idp.id, externalID: id.subject, createdAt: now, updatedAt: now, seq: s.next()}
	s.users[u.id] = u
	return u
}

// applyMapped updates a linked user's attributes from the provider's
// mappings: ALWAYS ones every time, EMPTY_ONLY ones when the user has no
// value. The username is never changed: it identifies the account.
func (s *Server) applyMapped(u *user, id *externalIdentity) {
	if id == nil {
		return
	}
	for _, m := range id.mapped {
		var p *string
		switch m.field {
		case "email":
			p = &u.email
		case "name.given":
			p = &u.given
		case "name.family":
			p = &u.family
		}
		if p != nil && m.value != "" && (m.always || *p == "") && *p != m.value {
			*p, u.updatedAt = m.value, s.now()
		}
	}
}

// finishExternal moves the flow on after the provider's answer was
// verified and linkErr is what linking said, and sends the browser back to
// the sign-on page. The caller holds s.mu.
func (s *Server) finishExternal(w http.ResponseWriter, r *http.Request, env *environment, base string, f *flow, linkErr error) {
	if errors.Is(linkErr, errLinkingRequired) {
		f.extIdP = "" // the flow waits for the destination user's credentials
	} else if linkErr != nil {
		f.status, f.errCode, f.errMessage = statusFailed, "EXTERNAL_AUTHENTICATION_FAILED", linkErr.Error()
	} else {
		f.extIdP = ""
		s.ensureSession(w, r, env, f)
		f.step++
		s.advance(f)
		s.afterStep(f)
	}
	w.Header().Set("Location", s.signOnURL(base, env.id, s.apps[f.appID], f.id))
	w.WriteHeader(http.StatusFound)
}

func (s *Server) signOnLinked(f *flow, u *user) error {
	if !u.enabled {
		return fmt.Errorf("the user linked to the external identity is disabled")
	}
	f.userID = u.id
	return nil
}

// Account linking. PingOne creates or links the destination user by itself
// only when something says where new users go: the provider's
// registration.population (just-in-time provisioning) or the action's
// enabled registration. Otherwise an identity no user is linked to stops
// the flow in ACCOUNT_LINKING_REQUIRED, and the user proves they own a
// destination account by its username and password (usernamePassword.check).

const statusAccountLinking = "ACCOUNT_LINKING_REQUIRED"

// errLinkingRequired tells rpCallback the flow now waits for linking.
var errLinkingRequired = errors.New("account linking required")

type pendingLink struct {
	idpID, externalID string
	identity          *externalIdentity // its mapped attributes update the user it is linked to
}

// autoLinks reports whether the provider or the flow's action provisions
// users, so the callback links or creates the user itself.
func (s *Server) autoLinks(f *flow, idp *rec) bool {
	if str(obj(obj(idp.body, "registration"), "population"), "id") != "" {
		return true
	}
	a := f.currentAction()
	return a != nil && obj(a.body, "registration")["enabled"] == true
}

func (s *Server) linkingFlowJSON(f *flow, self string, links, emb map[string]any) {
	links["usernamePassword.check"] = link(self)
	if f.pendingLink == nil {
		return
	}
	if idp := s.more().get(f.pendingLink.idpID, kindIdentityProvider.name, f.envID); idp != nil {
		emb["identityProvider"] = map[string]any{"id": idp.id, "name": str(idp.body, "name"), "type": str(idp.body, "type")}
	}
}

// linkingFlowAction serves usernamePassword.check in ACCOUNT_LINKING_REQUIRED:
// the right password links the pending identity to that user and signs
// them on. It reports whether it answered. The caller holds s.mu.
func (s *Server) linkingFlowAction(w http.ResponseWriter, r *http.Request, env *environment, base string, f *flow) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if f.status != statusAccountLinking || f.pendingLink == nil || !strings.EqualFold(mt, mtUsernamePassword) {
		return false
	}
	body, ok := readJSONBody(w, r)
	if !ok {
		return true
	}
	u := s.findUser(env, str(body, "username"))
	if u == nil || !u.passwordIs(str(body, "password")) || !u.enabled {
		f.failures++
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "password", Message: "Invalid username or password.",
			InnerError: map[string]any{"failuresRemaining": max(0, maxPasswordFailures-f.failures)}})
		return true
	}
	pl := f.pendingLink
	if u.idpID != "" && (u.idpID != pl.idpID || u.externalID != pl.externalID) {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "username", Message: "The user is already linked to another external identity"})
		return true
	}
	u.idpID, u.externalID, u.updatedAt = pl.idpID, pl.externalID, s.now()
	s.applyMapped(u, pl.identity)
	f.pendingLink, f.failures, f.userID = nil, 0, u.id
	s.ensureSession(w, r, env, f)
	f.step++
	s.advance(f)
	s.afterStep(f)
	writeHAL(w, http.StatusOK, s.flowJSON(f, base))
	return true
}
