package pingone

import (
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"strings"
)

// implicitTypes parses an implicit response_type ("token", "id_token" or
// both, in any order); ok is false for anything else.
func implicitTypes(rt string) (token, idToken, ok bool) {
	fields := strings.Fields(rt)
	if len(fields) == 0 || len(fields) > 2 {
		return false, false, false
	}
	for _, f := range fields {
		switch f {
		case "token":
			token = true
		case "id_token":
			idToken = true
		default:
			return false, false, false
		}
	}
	return token, idToken, len(fields) == 1 || (token && idToken)
}

// implicitFragment builds the implicit-grant response: the tokens in the
// redirect URI's fragment, as OIDC Core 3.2.2.5 describes.
func (s *Server) implicitFragment(env *environment, base string, f *flow) url.Values {
	token, idToken, _ := implicitTypes(f.responseType)
	app, u := s.apps[f.appID], s.users[f.userID]
	now := s.now()
	v := url.Values{}
	var access string
	if token {
		claims := s.baseClaims(env, base, app, now)
		claims["sub"], claims["scope"], claims["sid"] = u.id, f.scope, f.sessionID
		if res, _ := s.checkScopes(app, f.scope, true); res != nil {
			claims["aud"] = []string{res.audience}
			s.addResourceClaims(claims, res, u)
		}
		access = s.sign(env, claims)
		v.Set("access_token", access)
		v.Set("token_type", "Bearer")
		v.Set("expires_in", itoa(int(s.opts.TokenTTL.Seconds())))
		v.Set("scope", f.scope)
	}
	if idToken {
		id := s.idTokenClaims(env, base, app, u, f.scope, f.nonce, f.sessionID, now)
		if access != "" {
			// at_hash: the left half of the SHA-256 of the access token.
			sum := sha256.Sum256([]byte(access))
			id["at_hash"] = base64.RawURLEncoding.EncodeToString(sum[:len(sum)/2])
		}
		v.Set("id_token", s.sign(env, id))
	}
	if f.state != "" {
		v.Set("state", f.state)
	}
	return v
}
