package pingone

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Flow action media types (Content-Type of POST /{envID}/flows/{flowID}).
const (
	mtUsernamePassword = "application/vnd.pingidentity.usernamePassword.check+json"
	mtUserLookup       = "application/vnd.pingidentity.user.lookup+json"
	mtDeviceSelect     = "application/vnd.pingidentity.device.select+json"
	mtOTPCheck         = "application/vnd.pingidentity.otp.check+json"
)

// Flow statuses (PingOne's flow status values).
const (
	statusUsernamePassword = "USERNAME_PASSWORD_REQUIRED"
	statusSignOn           = "SIGN_ON_REQUIRED"
	statusDeviceSelection  = "DEVICE_SELECTION_REQUIRED"
	statusOTP              = "OTP_REQUIRED"
	statusCompleted        = "COMPLETED"
	statusFailed           = "FAILED"
)

const (
	maxPasswordFailures = 5
	maxOTPFailures      = 3
	otpTTL              = 5 * time.Minute
)

// oidcScopes are the scopes of PingOne's "openid" resource, which every
// OIDC application may request.
var oidcScopes = map[string]bool{"openid": true, "profile": true, "email": true, "address": true, "phone": true, "offline_access": true}

// authorize starts a sign-on flow: 302 to the sign-on page with the flowId
// (or the flow JSON with response_mode=pi.flow), setting the interaction
// cookies the flow API requires.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	if err := r.ParseForm(); err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, nil)
		return
	}
	q := r.Form
	app := s.apps[q.Get("client_id")]
	if app == nil || app.envID != env.id || !app.enabled() {
		writeError(w, http.StatusBadRequest, "INVALID_DATA", msgInvalidData, []detail{{Code: "INVALID_VALUE", Target: "client_id", Message: "Application not found or not enabled"}})
		return
	}
	hint, template, ok := s.requestObjects(w, r, env, app, q)
	if !ok {
		return
	}
	redirect := q.Get("redirect_uri")
	uris := app.list("redirectUris")
	if redirect == "" && len(uris) == 1 {
		redirect = uris[0]
	}
	if !app.has("redirectUris", redirect) {
		// Never redirect to an unregistered URI. PingOne's body, as recorded
		// in curtismu7/oauthPlayground's notes (docs/root-notes/REDIRECT_URI_*):
		// INVALID_DATA with an INVALID_VALUE detail on redirect_uri, "Redirect
		// URI mismatch".
		writeError(w, http.StatusBadRequest, "INVALID_DATA", msgInvalidData, []detail{{Code: "INVALID_VALUE", Target: "redirect_uri", Message: "Redirect URI mismatch"}})
		return
	}
	f := &flow{id: newID(), envID: env.id, appID: app.id, interactionToken: newSecret(), redirectURI: redirect,
		responseType: q.Get("response_type"), responseMode: q.Get("response_mode"), scope: q.Get("scope"),
		state: q.Get("state"), nonce: q.Get("nonce"), challenge: q.Get("code_challenge"), method: q.Get("code_challenge_method")}
	if f.responseMode == "" {
		f.responseMode = "query"
		if f.responseType != "code" {
			f.responseMode = "fragment" // the implicit grant's default
		}
	}
	if bad := s.checkAuthorizeParams(app, f); bad != "" {
		code, desc, _ := strings.Cut(bad, ":")
		s.redirectError(w, r, f, code, desc)
		return
	}
	if s.davinciAuthorize(w, r, env, base, app, f) { // davinci.go: a flow policy assignment wins
		return
	}
	now := s.now()
	f.createdAt, f.expiresAt = now, now.Add(s.opts.FlowTTL)
	f.actions = s.policyFor(env, app)
	if sess := s.sessionFrom(r, env); sess != nil && !containsField(q.Get("prompt"), "login") {
		// An existing session (ST cookie) already satisfied the login step;
		// prompt=login asks for a new sign-on instead.
		f.userID, f.sessionID = sess.userID, sess.id
	}
	s.applyLoginHint(f, hint, template)
	s.flows[f.id] = f
	s.advance(f)
	cookie := func(name, value string) {
		http.SetCookie(w, s.cookie(r, env, name, value, 0))
	}
	cookie("interactionId", f.id)
	cookie("interactionToken", f.interactionToken)
	if f.status == statusCompleted && f.responseMode != "pi.flow" {
		s.finish(w, r, env, base, f)
		return
	}
	if f.responseMode == "pi.flow" {
		if f.status == statusCompleted {
			s.issueFlowCode(f)
		}
		writeHAL(w, http.StatusOK, s.flowJSON(f, base))
		return
	}
	w.Header().Set("Location", s.signOnURL(base, env.id, app, f.id)) // revocation.go
	w.WriteHeader(http.StatusFound)
}

// checkAuthorizeParams validates an authorization request; a non-empty
// result is "error:description" to send back to the redirect URI.
func (s *Server) checkAuthorizeParams(app *application, f *flow) string {
	if bad := responseTypeProblem(app, f); bad != "" {
		return bad
	}
	switch f.responseMode {
	case "query", "fragment", "form_post", "pi.flow":
	default:
		return "invalid_request:unsupported response_mode " + f.responseMode
	}
	if strings.TrimSpace(f.scope) == "" {
		return "invalid_scope:scope is required"
	}
	if _, bad := s.checkScopes(app, f.scope, true); bad != "" {
		return "invalid_scope:" + bad
	}
	return pkceProblem(app, f)
}

// responseTypeProblem checks the response type against the application's
// grant types and, for tokens sent straight back (implicit), the response
// mode, nonce and scope they need.
func responseTypeProblem(app *application, f *flow) string {
	if f.responseType == "code" {
		if !app.has("grantTypes", "AUTHORIZATION_CODE") {
			return "unauthorized_client:the application does not allow the authorization_code grant"
		}
		return ""
	}
	_, idToken, ok := implicitTypes(f.responseType)
	switch {
	case !ok:
		return "unsupported_response_type:response_type must be code, token, id_token or token id_token"
	case !app.has("grantTypes", "IMPLICIT"):
		return "unauthorized_client:the application does not allow the implicit grant"
	case f.responseMode == "query":
		// Tokens never travel in a query string (OAuth 2.0 Multiple
		// Response Types, section 5).
		return "invalid_request:response_mode query is not allowed with response_type " + f.responseType
	case idToken && (f.nonce == "" || !containsField(f.scope, "openid")):
		return "invalid_request:an id_token request needs the openid scope and a nonce"
	}
	return ""
}

// pkceProblem checks the code challenge against the application's PKCE
// enforcement; a challenge without a method is a plain one.
func pkceProblem(app *application, f *flow) string {
	if f.challenge != "" && f.method == "" {
		f.method = "plain"
	}
	if f.method != "" && f.method != "plain" && f.method != "S256" {
		return "invalid_request:code_challenge_method must be plain or S256"
	}
	switch app.str("pkceEnforcement") {
	case "REQUIRED":
		if f.challenge == "" {
			return "invalid_request:code_challenge is required"
		}
	case "S256_REQUIRED":
		if f.challenge == "" || f.method != "S256" {
			return "invalid_request:code_challenge with code_challenge_method S256 is required"
		}
	}
	return ""
}

// redirectError sends an authorization error to the client's redirect URI
// (or as JSON in pi.flow mode).
func (s *Server) redirectError(w http.ResponseWriter, r *http.Request, f *flow, code, desc string) {
	if f.responseMode == "pi.flow" {
		writeOAuthError(w, http.StatusBadRequest, code, desc)
		return
	}
	v := url.Values{"error": {code}, "error_description": {desc}}
	if f.state != "" {
		v.Set("state", f.state)
	}
	deliver(w, f.redirectURI, f.responseMode, v)
}

func appendResponse(redirect, mode string, v url.Values) string {
	if mode == "fragment" {
		return redirect + "#" + v.Encode()
	}
	sep := "?"
	if strings.Contains(redirect, "?") {
		sep = "&"
	}
	return redirect + sep + v.Encode()
}

// policyFor returns the sign-on actions of the application's first
// assigned policy, or of the environment's default policy.
func (s *Server) policyFor(env *environment, app *application) []*policyAction {
	polID := env.defaultPolicy
	if as := s.appAssignments(app.id); len(as) > 0 {
		polID = as[0].policyID
	}
	return s.policyActions(polID)
}

// policyNameFor is the name of the sign-on policy the application's users
// sign on with, which PingOne puts in the ID token's acr.
func (s *Server) policyNameFor(env *environment, app *application) string {
	polID := env.defaultPolicy
	if as := s.appAssignments(app.id); len(as) > 0 {
		polID = as[0].policyID
	}
	if p := s.policies[polID]; p != nil {
		return p.name
	}
	return "Single_Factor"
}

func (s *Server) sessionFrom(r *http.Request, env *environment) *session {
	c, err := r.Cookie("ST")
	if err != nil {
		return nil
	}
	sess := s.sessions[c.Value]
	if sess == nil || sess.envID != env.id || !s.now().Before(sess.expiresAt) {
		return nil
	}
	return sess
}

// cookie builds a PingOne cookie scoped to the environment's path. Secure
// and SameSite=None only over HTTPS, so plain-HTTP clients send it back.
func (s *Server) cookie(r *http.Request, env *environment, name, value string, maxAge time.Duration) *http.Cookie {
	c := &http.Cookie{Name: name, Value: value, Path: "/" + env.id, HttpOnly: true}
	if maxAge > 0 {
		c.MaxAge = int(maxAge.Seconds())
		c.Expires = s.now().Add(maxAge)
	}
	if r.TLS != nil {
		c.Secure = true
		c.SameSite = http.SameSiteNoneMode
	}
	return c
}

// liveFlow is the environment's flow id names, nil when there is none or
// it has expired. The caller holds s.mu.
func (s *Server) liveFlow(env *environment, id string) *flow {
	if f := s.flows[id]; f != nil && f.envID == env.id && s.now().Before(f.expiresAt) {
		return f
	}
	return nil
}

// writeFlowNotCompleted answers a resume of a flow still waiting for the
// user.
func writeFlowNotCompleted(w http.ResponseWriter, f *flow) {
	writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
		Code: "INVALID_VALUE", Target: "flowId", Message: "The flow is not completed; its status is " + f.status,
	}})
}

// advance moves the flow to the first sign-on action still to do and sets
// its status. The caller holds s.mu.
func (s *Server) advance(f *flow) {
	loginDone := f.userID != "" && f.sessionID != ""
	mfaDone := false
	if sess := s.sessions[f.sessionID]; sess != nil {
		mfaDone = sess.mfaDone
	}
	for ; f.step < len(f.actions); f.step++ {
		if s.stopsAt(f, f.actions[f.step], loginDone, mfaDone) {
			return
		}
	}
	f.status = doneStatus(f)
}

// stopsAt reports whether sign-on stops at the policy action a, with
// f.status set to what it waits for there; an action already satisfied
// (or not applicable) lets it go on.
func (s *Server) stopsAt(f *flow, a *policyAction, loginDone, mfaDone bool) bool {
	switch a.typ {
	case "LOGIN":
		if loginDone {
			return false
		}
		f.status = statusUsernamePassword
		return true
	case "IDENTIFIER_FIRST":
		return s.identifierFirstStep(f, loginDone)
	case "AGREEMENT":
		if f.userID == "" {
			f.status = statusSignOn
			return true
		}
		if s.agreementStep(f, a) {
			f.status = statusAgreementConsent
			return true
		}
	case "PROGRESSIVE_PROFILING":
		return s.profilingStep(f, a)
	case "MULTI_FACTOR_AUTHENTICATION":
		if f.userID == "" {
			f.status = statusSignOn
			return true
		}
		return !mfaDone && s.mfaStep(f, a, loginDone)
	}
	return false
}

// doneStatus is the status of a flow past its policy's last action: a
// device authorization still waits for its user code, then consent.
func doneStatus(f *flow) string {
	if f.device && f.userID != "" {
		if f.deviceCode == "" {
			return statusDAGUserCode
		}
		if !f.consented {
			return statusDAGConsent
		}
	}
	return statusCompleted
}

// mfaStep runs the flow's MFA action for its signed-on user: it asks for a
// device, a push confirmation or a one-time passcode, or fails the flow
// when there is no factor at all, and reports whether the flow stops here
// (false: MFA is skipped).
func (s *Server) mfaStep(f *flow, a *policyAction, loginDone bool) bool {
	u := s.users[f.userID]
	var devs []*device
	if u != nil && u.mfaEnabled {
		devs = s.usableDevices(u, a)
	}
	if len(devs) == 0 {
		// Skipping MFA is fine after a password; a passwordless flow
		// with no usable device has no factor at all.
		if loginDone && (u == nil || !u.mfaEnabled || str(a.body, "noDeviceMode") == "BYPASS") {
			return false
		}
		f.status, f.errCode, f.errMessage = statusFailed, "NO_USABLE_DEVICES", "The user has no usable MFA device"
		return true
	}
	if f.deviceID == "" {
		if len(devs) > 1 {
			f.status = statusDeviceSelection
			return true
		}
		f.deviceID = devs[0].id
	}
	if d := s.devices[f.deviceID]; d != nil && d.typ == "MOBILE" {
		if f.status != statusPushConfirmation {
			s.sendPush(f, d, a) // flow_push.go
		}
		f.status = statusPushConfirmation
		return true
	}
	if f.status != statusOTP {
		s.sendOTP(f)
	}
	f.status = statusOTP
	return true
}

// usableDevices are the user's active devices of the types the MFA action
// enables (all OTP types when it names a device authentication policy).
func (s *Server) usableDevices(u *user, a *policyAction) []*device {
	ref := obj(a.body, "deviceAuthenticationPolicy")
	pol := s.deviceAuthPolicies[str(ref, "id")]
	var out []*device
	for _, d := range s.userDevices(u.id) {
		if d.status != "ACTIVE" {
			continue
		}
		switch {
		case pol != nil:
			if pol.allows(d.typ) {
				out = append(out, d)
			}
		case ref != nil || methodOn(a.body, d.typ):
			out = append(out, d)
		}
	}
	return out
}

// methodOn reports whether an MFA action of the older request shape (no
// device authentication policy) enables a device type: its per-type
// switch, and for MOBILE devices the authenticator application switch or
// the native applications list PingOne pushes through.
func methodOn(body map[string]any, typ string) bool {
	if obj(body, strings.ToLower(typ))["enabled"] == true {
		return true
	}
	if typ != "MOBILE" {
		return false
	}
	if obj(body, "authenticator")["enabled"] == true || obj(body, "applications")["enabled"] == true {
		return true
	}
	apps, _ := body["applications"].([]any)
	return len(apps) > 0
}

// sendOTP "delivers" a six-digit passcode: it is stored for GET
// /__test/otp instead of being mailed.
func (s *Server) sendOTP(f *flow) {
	n, _ := rand.Int(rand.Reader, big.NewInt(1000000))
	otp := fmt.Sprintf("%06d", n.Int64())
	s.otps[f.userID] = &OTPRecord{UserID: f.userID, DeviceID: f.deviceID, FlowID: f.id,
		OTP: otp, Message: s.otpMessage(f, otp), ExpiresAt: s.now().Add(otpTTL)}
}

// flowJSON renders a flow with the HAL links for its next actions.
func (s *Server) flowJSON(f *flow, base string) map[string]any {
	self := base + "/" + f.envID + "/flows/" + f.id
	links := map[string]any{"self": link(self), "signOnPage": link(s.signOnURL(base, f.envID, s.apps[f.appID], f.id))}
	out := map[string]any{
		"id": f.id, "status": f.status, "resumeUrl": base + "/" + f.envID + "/as/resume?flowId=" + f.id,
		"createdAt": ts(f.createdAt), "expiresAt": ts(f.expiresAt), "_links": links,
	}
	if f.saml != nil {
		out["resumeUrl"] = base + "/" + f.envID + "/saml20/resume?flowId=" + f.id
	}
	emb := map[string]any{}
	if app := s.apps[f.appID]; app != nil {
		emb["application"] = map[string]any{"name": app.str("name")}
	}
	if u := s.users[f.userID]; u != nil {
		emb["user"] = map[string]any{"id": u.id, "username": u.username, "name": map[string]any{"given": u.given, "family": u.family}}
	}
	for _, action := range flowActions[f.status] {
		links[action] = link(self)
	}
	s.statusFlowJSON(f, base, self, links, out, emb)
	s.profileFlowJSON(f, self, links, out, emb)
	out["_embedded"] = emb
	return out
}

// flowActions are the actions a flow offers in each status, each a link
// to the flow itself (POSTed with the action's media type). Statuses that
// offer more, or say more, add it in statusFlowJSON.
var flowActions = map[string][]string{
	statusUsernamePassword:   {"usernamePassword.check", "password.forgot"},
	statusPassword:           {"password.check", "password.forgot"},
	statusVerificationCode:   {"user.verify", "user.sendVerificationCode"},
	statusMustChangePassword: {"password.reset"},
	statusPasswordExpired:    {"password.reset"},
	statusRecoveryCode:       {"password.recover", "password.sendRecoveryCode"},
	statusAgreementConsent:   {"user.consent"},
	statusSignOn:             {"user.lookup"},
	statusDeviceSelection:    {"device.select"},
	statusOTP:                {"device.select", "otp.check"},
	statusDAGUserCode:        {"deviceAuthGrant.userCode.verify"},
	statusDAGConsent:         {"deviceAuthGrant.consent"},
}

// statusFlowJSON adds what a flow's status shows beyond its actions:
// providers, devices, the agreement, the answer of a completed flow, the
// error of a failed one.
func (s *Server) statusFlowJSON(f *flow, base, self string, links, out, emb map[string]any) {
	switch f.status {
	case statusUsernamePassword:
		if registrationPopulation(f.currentAction()) != "" {
			links["user.register"] = link(self)
		}
		s.socialProvidersJSON(f, base, links, emb) // social.go
	case statusAgreementConsent:
		if ag := s.agreementEmbedded(f, base); ag != nil {
			emb["agreement"] = ag
		}
	case statusSignOn:
		s.socialProvidersJSON(f, base, links, emb) // IDENTIFIER_FIRST's provider buttons (social.go)
	case statusExternalAuth:
		s.externalFlowJSON(f, base, links, emb)
	case statusAccountLinking:
		s.linkingFlowJSON(f, self, links, emb)
	case statusAccountConfirmation:
		s.confirmationFlowJSON(f, self, links, emb) // account_confirmation.go
	case statusPushConfirmation, statusPushTimedOut:
		s.pushFlowJSON(f, self, links, out, emb) // flow_push.go
	case statusDeviceSelection, statusOTP:
		emb["devices"] = s.activeDevicesJSON(f.userID)
		if f.status == statusOTP {
			out["selectedDevice"] = map[string]any{"id": f.deviceID}
		}
	case statusDAGUserCode:
		if f.prefillUserCode != "" {
			out["userCode"] = f.prefillUserCode
		}
	case statusDAGConsent:
		out["scopes"] = strings.Fields(f.scope)
	case statusCompleted:
		if f.code != "" {
			resp := map[string]any{"code": f.code}
			if f.state != "" {
				resp["state"] = f.state
			}
			out["authorizeResponse"] = resp
		}
	case statusFailed:
		out["error"] = map[string]any{"code": f.errCode, "message": f.errMessage}
	}
}

func maskEmail(e string) string {
	local, domain, ok := strings.Cut(e, "@")
	if !ok || local == "" {
		return e
	}
	return local[:1] + "*****@" + domain
}

// flowAPI serves GET and POST /{envID}/flows/{flowID}. The interaction
// cookies set by /as/authorize authenticate the caller, as in PingOne.
func (s *Server) flowAPI(w http.ResponseWriter, r *http.Request, env *environment, base, flowID string) {
	f := s.liveFlow(env, flowID)
	if f == nil {
		writeNotFound(w)
		return
	}
	if c, err := r.Cookie("interactionToken"); err != nil || c.Value != f.interactionToken {
		writeError(w, http.StatusUnauthorized, "ACCESS_FAILED", msgAccessFailed, []detail{{
			Code: "INVALID_TOKEN", Target: "Authentication Credentials",
			Message: "The authorization token is either missing or invalid, or it has expired.",
		}})
		return
	}
	s.pollPush(w, r, env, f) // flow_push.go: the sign-on page polls a pushed flow
	switch r.Method {
	case http.MethodGet:
		writeHAL(w, http.StatusOK, s.flowJSON(f, base))
	case http.MethodPost:
		s.flowAction(w, r, env, base, f)
	default:
		writeMethodNotAllowed(w)
	}
}

// flowAction runs the action a POST names in its Content-Type: first the
// areas that dispatch their own actions (password, identifier-first,
// linking, confirmation), then the sign-on steps of flowSteps.
func (s *Server) flowAction(w http.ResponseWriter, r *http.Request, env *environment, base string, f *flow) {
	if s.passwordFlowAction(w, r, env, base, f) || s.uc2FlowAction(w, r, env, base, f) || s.linkingFlowAction(w, r, env, base, f) ||
		s.confirmFlowAction(w, r, env, base, f) {
		return
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	step, name := flowStepFor(mt)
	if step == nil {
		writeError(w, http.StatusUnsupportedMediaType, "INVALID_REQUEST", msgMediaType, []detail{{
			Code: "INVALID_VALUE", Target: "Content-Type", Message: "Unsupported flow action " + strconvQuote(mt),
		}})
		return
	}
	if f.status != step.status && !slices.Contains(step.alsoFrom, f.status) {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "status", Message: "The action is not valid in the flow's current status " + f.status,
		}})
		return
	}
	body, ok := readJSONBody(w, r)
	if !ok {
		return
	}
	switch step.run(s, w, r, env, f, name, body) {
	case stepAnswered:
	case stepShow:
		writeHAL(w, http.StatusOK, s.flowJSON(f, base))
	case stepAdvance:
		s.advance(f)
		s.afterStep(f)
		writeHAL(w, http.StatusOK, s.flowJSON(f, base))
	}
}

// stepResult says what is left to do once a flow step has run.
type stepResult int

const (
	stepAnswered stepResult = iota // the step wrote the answer itself (an error, or its own body)
	stepShow                       // answer the flow as it stands
	stepAdvance                    // move the flow on, then answer it
)

// flowStep is one sign-on action: the status the flow must be in (or one of
// alsoFrom), and what the action does.
type flowStep struct {
	status   string
	alsoFrom []string
	run      func(s *Server, w http.ResponseWriter, r *http.Request, env *environment, f *flow, mediaType string, body map[string]any) stepResult
}

// flowSteps holds the sign-on actions by media type, as PingOne spells them
// (camel case; mime.ParseMediaType lower-cases, so flowStepFor folds case).
var flowSteps = map[string]flowStep{
	mtUsernamePassword: {status: statusUsernamePassword, run: (*Server).stepPassword},
	mtPasswordCheck:    {status: statusPassword, run: (*Server).stepIdentifiedPassword},
	mtUserLookup:       {status: statusSignOn, run: (*Server).stepUserLookup},
	// A user waiting for a passcode or a push may pick another device.
	mtDeviceSelect: {status: statusDeviceSelection, alsoFrom: []string{statusOTP, statusPushConfirmation, statusPushTimedOut}, run: (*Server).stepDeviceSelect},
	mtOTPCheck:     {status: statusOTP, run: (*Server).stepOTPCheck},
	mtUserRegister: {status: statusUsernamePassword, run: (*Server).stepRegister},
	mtUserVerify:   {status: statusVerificationCode, run: (*Server).stepVerify},
	mtUserConsent:  {status: statusAgreementConsent, run: (*Server).stepConsent},
	mtDAGUserCode:  {status: statusDAGUserCode, run: (*Server).stepDeviceGrant},
	mtDAGConsent:   {status: statusDAGConsent, run: (*Server).stepDeviceGrant},
}

// flowStepFor finds mt's step, whatever its letter case, and PingOne's
// spelling of it.
func flowStepFor(mt string) (*flowStep, string) {
	for name, step := range flowSteps {
		if strings.EqualFold(mt, name) {
			return &step, name
		}
	}
	return nil, ""
}

func (s *Server) stepPassword(w http.ResponseWriter, r *http.Request, env *environment, f *flow, _ string, body map[string]any) stepResult {
	s.checkPassword(w, r, env, f, body)
	return stepAnswered
}

func (s *Server) stepIdentifiedPassword(w http.ResponseWriter, r *http.Request, env *environment, f *flow, _ string, body map[string]any) stepResult {
	s.checkIdentifiedPassword(w, r, env, f, body)
	return stepAnswered
}

func (s *Server) stepUserLookup(w http.ResponseWriter, _ *http.Request, env *environment, f *flow, _ string, body map[string]any) stepResult {
	u := s.findUser(env, str(body, "username"))
	if s.routeExternal(env, f, u, str(body, "username")) {
		return stepAdvance
	}
	if u == nil {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "username", Message: "Unable to find a user with the specified username"})
		return stepAnswered
	}
	f.userID = u.id
	return stepAdvance
}

func (s *Server) stepDeviceSelect(w http.ResponseWriter, _ *http.Request, _ *environment, f *flow, _ string, body map[string]any) stepResult {
	id := str(obj(body, "device"), "id")
	d := s.devices[id]
	if d == nil || d.userID != f.userID || d.status != "ACTIVE" {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "device.id", Message: "The selected device is not one of the user's active devices"})
		return stepAnswered
	}
	f.deviceID = id
	f.status, f.push = "", nil // a new device gets a new passcode or push
	return stepAdvance
}

func (s *Server) stepOTPCheck(w http.ResponseWriter, r *http.Request, env *environment, f *flow, _ string, body map[string]any) stepResult {
	rec := s.otps[f.userID]
	if rec == nil || rec.FlowID != f.id || !s.now().Before(rec.ExpiresAt) || str(body, "otp") != rec.OTP {
		f.failures++
		if f.failures >= maxOTPFailures {
			delete(s.otps, f.userID)
			f.status, f.errCode, f.errMessage = statusFailed, "TOO_MANY_ATTEMPTS", "Too many failed one-time passcode attempts"
		}
		writeInvalidData(w, detail{Code: "INVALID_OTP", Target: "otp", Message: "Invalid one-time passcode",
			InnerError: map[string]any{"remainingAttempts": max(0, maxOTPFailures-f.failures)}})
		return stepAnswered
	}
	delete(s.otps, f.userID)
	f.failures = 0
	sess := s.ensureSession(w, r, env, f)
	sess.mfaDone = true
	f.step++
	return stepAdvance
}

func (s *Server) stepRegister(w http.ResponseWriter, _ *http.Request, env *environment, f *flow, _ string, body map[string]any) stepResult {
	if !s.registerUser(w, env, f, body) {
		return stepAnswered
	}
	return stepShow
}

func (s *Server) stepVerify(w http.ResponseWriter, r *http.Request, env *environment, f *flow, _ string, body map[string]any) stepResult {
	if !s.verifyUser(w, r, env, f, body) {
		return stepAnswered
	}
	return stepAdvance
}

func (s *Server) stepConsent(w http.ResponseWriter, _ *http.Request, _ *environment, f *flow, _ string, body map[string]any) stepResult {
	if !s.consentAgreement(w, f, body) {
		return stepAnswered
	}
	return finishedUnlessFailed(f)
}

func (s *Server) stepDeviceGrant(w http.ResponseWriter, _ *http.Request, _ *environment, f *flow, mt string, body map[string]any) stepResult {
	if s.deviceStep(w, f, mt, body) {
		return stepAnswered
	}
	return finishedUnlessFailed(f)
}

// finishedUnlessFailed answers a failed flow as it stands; any other moves on.
func finishedUnlessFailed(f *flow) stepResult {
	if f.status == statusFailed {
		return stepShow
	}
	return stepAdvance
}

func (s *Server) checkPassword(w http.ResponseWriter, r *http.Request, env *environment, f *flow, body map[string]any) {
	u := s.findUser(env, str(body, "username"))
	if f.userID != "" && (u == nil || u.id != f.userID) {
		u = nil // the flow's user is fixed once identified
	}
	if u == nil || !u.passwordIs(str(body, "password")) || !u.enabled {
		f.failures++
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "password", Message: "Invalid username or password.",
			InnerError: map[string]any{"failuresRemaining": max(0, maxPasswordFailures-f.failures)}})
		return
	}
	f.failures = 0
	f.userID = u.id
	if u.lifecycle == "VERIFICATION_REQUIRED" {
		// A self-registered user who never verified the account: the
		// password is right, but the account is verified first (user.verify
		// with the code e-mailed at registration, or a new one). Inferred:
		// the reference shows this status after user.register only.
		if u.verificationCode == "" {
			u.verificationCode = newVerificationCode()
		}
		f.status = statusVerificationCode
		writeHAL(w, http.StatusOK, s.flowJSON(f, baseURL(r)))
		return
	}
	if u.mustChangePassword || s.passwordExpired(u) {
		// Signed in, but not done: the user picks a new password first
		// (password.reset), as PingOne does after forceChange or when the
		// policy's maxAgeDays has passed.
		f.status = statusMustChangePassword
		if !u.mustChangePassword {
			f.status = statusPasswordExpired
		}
		writeHAL(w, http.StatusOK, s.flowJSON(f, baseURL(r)))
		return
	}
	s.ensureSession(w, r, env, f)
	f.step++
	s.advance(f)
	s.afterStep(f)
	writeHAL(w, http.StatusOK, s.flowJSON(f, baseURL(r)))
}

// afterStep issues the code as soon as a pi.flow flow completes: the
// client reads it from authorizeResponse without a redirect.
func (s *Server) afterStep(f *flow) {
	if f.status == statusCompleted && f.responseMode == "pi.flow" {
		s.issueFlowCode(f)
	}
}

// ensureSession creates the user's session (the ST cookie) once a factor
// has been verified.
func (s *Server) ensureSession(w http.ResponseWriter, r *http.Request, env *environment, f *flow) *session {
	if sess := s.sessions[f.sessionID]; sess != nil && sess.userID == f.userID {
		return sess
	}
	now := s.now()
	sess := &session{id: newID(), envID: env.id, userID: f.userID, createdAt: now, activeAt: now,
		remoteIP: remoteIP(r), expiresAt: now.Add(sessionTTL)}
	s.sessions[sess.id] = sess
	f.sessionID = sess.id
	http.SetCookie(w, s.cookie(r, env, "ST", sess.id, sessionTTL))
	return sess
}

func (s *Server) findUser(env *environment, name string) *user {
	for _, u := range s.users {
		if u.envID == env.id && (strings.EqualFold(u.username, name) || (u.email != "" && strings.EqualFold(u.email, name))) {
			return u
		}
	}
	return nil
}

func (s *Server) issueFlowCode(f *flow) {
	if f.code != "" {
		return
	}
	c := &authCode{code: newID(), envID: f.envID, appID: f.appID, userID: f.userID, redirectURI: f.redirectURI,
		scope: f.scope, nonce: f.nonce, challenge: f.challenge, method: f.method, sessionID: f.sessionID,
		expiresAt: s.now().Add(s.opts.CodeTTL)}
	s.codes[c.code] = c
	f.code = c.code
}

// resume (GET /{envID}/as/resume?flowId=) returns a completed flow to the
// application: a 302 to the redirect URI with the code, or the flow JSON in
// pi.flow mode. The ST cookie must be the flow's session.
func (s *Server) resume(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		writeMethodNotAllowed(w)
		return
	}
	f := s.liveFlow(env, r.URL.Query().Get("flowId"))
	if f == nil {
		writeNotFound(w)
		return
	}
	if f.status != statusCompleted {
		writeFlowNotCompleted(w, f)
		return
	}
	if sess := s.sessionFrom(r, env); sess == nil || sess.id != f.sessionID {
		s.redirectError(w, r, f, "login_required", "The session cookie (ST) is missing or does not belong to this flow")
		return
	}
	s.finish(w, r, env, base, f)
}

// finish issues the code and hands it to the client; the flow is spent.
func (s *Server) finish(w http.ResponseWriter, r *http.Request, env *environment, base string, f *flow) {
	s.issueFlowCode(f)
	if f.responseMode == "pi.flow" {
		writeHAL(w, http.StatusOK, s.flowJSON(f, base))
		return
	}
	delete(s.flows, f.id)
	if f.responseType != "code" {
		delete(s.codes, f.code) // the implicit grant issues no code
		deliver(w, f.redirectURI, f.responseMode, s.implicitFragment(env, base, f))
		return
	}
	v := url.Values{"code": {f.code}}
	if f.state != "" {
		v.Set("state", f.state)
	}
	deliver(w, f.redirectURI, f.responseMode, v)
}

// --- test-only endpoints --------------------------------------------------

// serveTest serves /__test/otp?userId= (the passcode last "sent" to the
// user). These endpoints are not PingOne's: they stand in for the inbox.
func (s *Server) serveTest(w http.ResponseWriter, r *http.Request, name string) {
	if name == "push" {
		s.serveTestPush(w, r) // flow_push.go
		return
	}
	if r.Method != http.MethodGet {
		writeMethodNotAllowed(w)
		return
	}
	if name == "verificationCode" {
		s.mu.Lock()
		u := s.users[r.URL.Query().Get("userId")]
		code := ""
		if u != nil {
			code = u.verificationCode
		}
		s.mu.Unlock()
		if code == "" {
			writeNotFound(w)
			return
		}
		writeJSON(w, http.StatusOK, plainJSON, map[string]any{"userId": u.id, "verificationCode": code})
		return
	}
	if name != "otp" {
		writeNotFound(w)
		return
	}
	rec, ok := s.OTP(r.URL.Query().Get("userId"))
	if !ok {
		writeNotFound(w)
		return
	}
	b, _ := json.Marshal(rec)
	w.Header().Set("Content-Type", plainJSON)
	_, _ = w.Write(b)
}

// OTP returns the unexpired one-time passcode last sent to the user.
func (s *Server) OTP(userID string) (OTPRecord, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.otps[userID]
	if rec == nil || !s.now().Before(rec.ExpiresAt) {
		return OTPRecord{}, false
	}
	return *rec, true
}
