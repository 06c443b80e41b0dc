package pingone

import (
	"html"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// revoke answers POST /{envID}/as/revoke (RFC 7009): the client
// authenticates as at the token endpoint and names an access or refresh
// token it was issued; the token stops working. An unknown, expired or
// foreign token is not an error (200 either way), so the endpoint tells a
// caller nothing about tokens that are not its own.
func (s *Server) revoke(w http.ResponseWriter, r *http.Request, env *environment) {
	app, ok := s.formClient(w, r, env)
	if !ok {
		return
	}
	tok := r.PostForm.Get("token")
	if tok == "" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: token is required")
		return
	}
	if rt := s.refresh[tok]; rt != nil && rt.envID == env.id && rt.appID == app.id {
		delete(s.refresh, tok)
	} else if claims, ok := s.activeClaims(env, tok); ok && str(claims, "client_id") == app.id {
		if jti := str(claims, "jti"); jti != "" {
			s.revoked[jti] = true
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
}

// idpSignoff answers /{envID}/as/idpSignoff as PingOne's "IdP Signoff"
// documents it: id_token_hint is required and must name an enabled
// application whose idpSignoff is true (and the client_id parameter, when
// given, that same application); the user's PingOne session ends; a
// post_logout_redirect_uri registered for that application (compared
// case-sensitively) is where the browser goes, else, with Accept:
// application/json, 204 and no body, else the signed-off page. The
// sign-off at the external identity provider itself is not modelled.
func (s *Server) idpSignoff(w http.ResponseWriter, r *http.Request, env *environment) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		writeMethodNotAllowed(w)
		return
	}
	_ = r.ParseForm()
	bad := func(target, msg string) {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{Code: "INVALID_VALUE", Target: target, Message: msg}})
	}
	hint := r.Form.Get("id_token_hint")
	if hint == "" {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{Code: "REQUIRED_VALUE", Target: "id_token_hint", Message: "must not be blank"}})
		return
	}
	// An expired hint is fine; a forged one or another environment's is not.
	claims, tokEnv, err := s.verify(hint)
	var app *application
	if err == nil {
		app = s.apps[str(claims, "aud")]
	}
	if err != nil || tokEnv.id != env.id || app == nil || !app.enabled() {
		bad("id_token_hint", "The id_token_hint is invalid")
		return
	}
	if app.body["idpSignoff"] != true {
		bad("id_token_hint", "The application does not allow IdP sign-off (idpSignoff is not true)")
		return
	}
	if cid := r.Form.Get("client_id"); cid != "" && cid != app.id {
		bad("client_id", "The client_id is not the audience of the id_token_hint")
		return
	}
	redirect := r.Form.Get("post_logout_redirect_uri")
	if redirect != "" && !app.has("postLogoutRedirectUris", redirect) {
		bad("post_logout_redirect_uri", "The post_logout_redirect_uri is not registered for the application")
		return
	}
	if sess := s.sessionFrom(r, env); sess != nil && sess.userID == str(claims, "sub") {
		s.endSession(sess.id)
	}
	gone := s.cookie(r, env, "ST", "", 0)
	gone.MaxAge = -1
	http.SetCookie(w, gone)
	switch {
	case redirect != "":
		if st := r.Form.Get("state"); st != "" {
			redirect = appendResponse(redirect, "query", url.Values{"state": {st}})
		}
		w.Header().Set("Location", redirect)
		w.WriteHeader(http.StatusFound)
	case strings.Contains(r.Header.Get("Accept"), "application/json"):
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Location", s.signedOffURL(r, env, app))
		w.WriteHeader(http.StatusFound)
	}
}

// signedOffURL is where a browser goes after a sign-off without a
// post_logout_redirect_uri, as PingOne's sign-off guide says: the custom
// sign-on UI the application configures (loginPageUrl), else PingOne's
// hosted signed-out page, passing the environmentId either way. The hosted
// page's exact address is not documented: it is served here under the
// hosted sign-on page's path with signedOut=true (signOnPage).
func (s *Server) signedOffURL(r *http.Request, env *environment, app *application) string {
	if app != nil && app.str("loginPageUrl") != "" {
		return appendResponse(app.str("loginPageUrl"), "query", url.Values{"environmentId": {env.id}})
	}
	return baseURL(r) + "/" + env.id + "/signon/?environmentId=" + env.id + "&signedOut=true"
}

// signOnURL is the sign-on page an authorization request sends the browser
// to: the application's loginPageUrl (a custom sign-on UI) or PingOne's
// hosted page, with the flowId.
func (s *Server) signOnURL(base, envID string, app *application, flowID string) string {
	if app != nil && app.str("loginPageUrl") != "" {
		return appendResponse(app.str("loginPageUrl"), "query", url.Values{"flowId": {flowID}})
	}
	return base + "/" + envID + "/signon/?flowId=" + flowID
}

// deliver hands an authorization response to the client: a redirect with
// the parameters in the query or fragment, or with response_mode=form_post
// an HTML page whose form posts them to the redirect URI (OAuth 2.0 Form
// Post Response Mode).
func deliver(w http.ResponseWriter, redirect, mode string, v url.Values) {
	if mode != "form_post" {
		w.Header().Set("Location", appendResponse(redirect, mode, v))
		w.WriteHeader(http.StatusFound)
		return
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Submit This Form</title></head><body onload="document.forms[0].submit()"><form method="post" action="`)
	b.WriteString(html.EscapeString(redirect))
	b.WriteString(`">`)
	for _, k := range keys {
		b.WriteString(`<input type="hidden" name="` + html.EscapeString(k) + `" value="` + html.EscapeString(v.Get(k)) + `"/>`)
	}
	b.WriteString(`<noscript><button type="submit">Continue</button></noscript></form></body></html>`)
	w.Header().Set("Content-Type", "text/html;charset=UTF-8")
	w.Header().Set("Cache-Control", "no-cache, no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(b.String()))
}
