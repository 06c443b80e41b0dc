package pingone

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"net/url"
)

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
	if tok := q.Get("login_hint_token"); tok != "" {
		claims, bad := s.verifyAppJWT(r, env, app, tok, "login_hint_token")
		if bad != "" {
			return fail(bad)
		}
		name, _ := claims["sub"].(string)
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
