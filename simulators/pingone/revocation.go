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
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(ct), "application/x-www-form-urlencoded") {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: Content-Type must be application/x-www-form-urlencoded")
		return
	}
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Request denied: the request body could not be parsed")
		return
	}
	app, ok := s.authenticateClient(w, r, env)
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

// idpSignoff answers /{envID}/as/idpSignoff: the sign-off an external
// identity provider starts (front-channel). It ends the user's PingOne
// session and, when the provider names one registered for it, returns to
// post_logout_redirect_uri; otherwise to the hosted signed-out page.
func (s *Server) idpSignoff(w http.ResponseWriter, r *http.Request, env *environment) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		writeMethodNotAllowed(w)
		return
	}
	_ = r.ParseForm()
	if sess := s.sessionFrom(r, env); sess != nil {
		s.endSession(sess.id)
	}
	gone := s.cookie(r, env, "ST", "", 0)
	gone.MaxAge = -1
	http.SetCookie(w, gone)
	if redirect := r.Form.Get("post_logout_redirect_uri"); redirect != "" {
		for _, app := range s.apps {
			if app.envID == env.id && app.has("postLogoutRedirectUris", redirect) {
				w.Header().Set("Location", redirect)
				w.WriteHeader(http.StatusFound)
				return
			}
		}
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "post_logout_redirect_uri", Message: "The post_logout_redirect_uri is not registered for an application"}})
		return
	}
	w.Header().Set("Location", baseURL(r)+"/"+env.id+"/signon/?environmentId="+env.id+"&signedOut=true")
	w.WriteHeader(http.StatusFound)
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
