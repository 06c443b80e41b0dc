package pingone_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"hash"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// hmacJWT signs claims with an HMAC JWS algorithm (HS256, HS384, HS512).
func hmacJWT(t *testing.T, alg, secret string, claims map[string]any) string {
	t.Helper()
	h := map[string]func() hash.Hash{"HS256": sha256.New, "HS384": sha512.New384, "HS512": sha512.New}[alg]
	require.NotNil(t, h, alg)
	enc := base64.RawURLEncoding
	hdr, _ := json.Marshal(map[string]any{"alg": alg, "typ": "JWT"})
	body, err := json.Marshal(claims)
	require.NoError(t, err)
	input := enc.EncodeToString(hdr) + "." + enc.EncodeToString(body)
	m := hmac.New(h, []byte(secret))
	m.Write([]byte(input))
	return input + "." + enc.EncodeToString(m.Sum(nil))
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestDiscoveryTellsTheTruth takes every claim of the discovery document
// at its word and uses it: each endpoint answers (neither 404 nor 405),
// each response type, response mode, PKCE method, scope and request-object
// algorithm starts a flow, each grant type is known to the token endpoint,
// each client authentication method and assertion algorithm authenticates
// at the token, introspection and revocation endpoints, and the claims a
// sign-on yields are exactly claims_supported.
func TestDiscoveryTellsTheTruth(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	d := f.c.do("GET", f.auth("/as/.well-known/openid-configuration"), nil, "")
	require.Equal(t, 200, d.code, d.raw)
	iss := d.body["issuer"].(string)
	require.Equal(t, f.auth("/as"), iss)

	t.Run("endpoints", func(t *testing.T) {
		for key, method := range map[string]string{
			"authorization_endpoint": "GET", "token_endpoint": "POST", "userinfo_endpoint": "GET",
			"device_authorization_endpoint": "POST", "end_session_endpoint": "GET", "introspection_endpoint": "POST",
			"revocation_endpoint": "POST", "jwks_uri": "GET",
		} {
			u, _ := d.body[key].(string)
			require.True(t, strings.HasPrefix(u, iss+"/"), "%s = %q", key, u)
			r := f.c.do(method, u, map[string]string{"Content-Type": formCT}, "")
			assert.NotContains(t, []int{404, 405}, r.code, "%s %s: %s", method, u, r.raw)
		}
		for k := range d.body {
			if strings.HasSuffix(k, "_endpoint") || strings.HasSuffix(k, "_uri") || strings.HasSuffix(k, "_iframe") {
				assert.Contains(t, []string{"authorization_endpoint", "token_endpoint", "userinfo_endpoint", "device_authorization_endpoint",
					"end_session_endpoint", "introspection_endpoint", "revocation_endpoint", "jwks_uri"}, k, "an endpoint this test does not drive")
			}
		}
	})

	// One application allowed everything discovery names, per auth method.
	app := func(method string) (id, secret string) {
		grants := `"AUTHORIZATION_CODE","IMPLICIT","REFRESH_TOKEN","CLIENT_CREDENTIALS","DEVICE_CODE","TOKEN_EXCHANGE"`
		if method == "NONE" {
			grants = `"AUTHORIZATION_CODE","IMPLICIT","DEVICE_CODE"`
		}
		r := f.c.api("POST", "/environments/"+f.envID+"/applications", f.token, "application/json",
			`{"enabled":true,"name":"All `+method+`","type":"WEB_APP","protocol":"OPENID_CONNECT","grantTypes":[`+grants+`],"responseTypes":["CODE","TOKEN","ID_TOKEN"],"redirectUris":["https://example.com/cb"],"tokenEndpointAuthMethod":"`+method+`"}`)
		require.Equal(t, 201, r.code, r.raw)
		id = r.body["id"].(string)
		if s := f.c.api("GET", "/environments/"+f.envID+"/applications/"+id+"/secret", f.token, "", ""); s.code == 200 {
			secret = s.body["secret"].(string)
		}
		return id, secret
	}
	basicID, basicSecret := app("CLIENT_SECRET_BASIC")

	// startsFlow: the authorization request was accepted (a flow began).
	startsFlow := func(t *testing.T, what string, q url.Values) {
		t.Helper()
		f.c.hc.Jar, _ = cookiejar.New(nil)
		r := f.c.do("GET", f.auth("/as/authorize?"+q.Encode()), nil, "")
		if q.Get("response_mode") == "pi.flow" {
			assert.Equal(t, 200, r.code, "%s: %s", what, r.raw)
			assert.NotEmpty(t, r.body["id"], "%s: %s", what, r.raw)
			return
		}
		require.Equal(t, 302, r.code, "%s: %s", what, r.raw)
		loc, err := url.Parse(r.header.Get("Location"))
		require.NoError(t, err)
		assert.NotEmpty(t, loc.Query().Get("flowId"), "%s: redirected to %s", what, loc)
	}
	authz := func(kv ...string) url.Values {
		q := url.Values{"client_id": {basicID}, "redirect_uri": {"https://example.com/cb"}, "scope": {"openid"}, "response_type": {"code"}, "nonce": {"n1"}, "state": {"s"}}
		for i := 0; i+1 < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return q
	}

	t.Run("authorization requests", func(t *testing.T) {
		for _, rt := range strs(d.body["response_types_supported"]) {
			mode := "query"
			if rt != "code" {
				mode = "fragment"
			}
			startsFlow(t, "response_type "+rt, authz("response_type", rt, "response_mode", mode))
		}
		for _, mode := range strs(d.body["response_modes_supported"]) {
			startsFlow(t, "response_mode "+mode, authz("response_mode", mode))
		}
		for _, m := range strs(d.body["code_challenge_methods_supported"]) {
			startsFlow(t, "code_challenge_method "+m, authz("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", m))
		}
		startsFlow(t, "scopes_supported", authz("scope", strings.Join(strs(d.body["scopes_supported"]), " ")))
		require.Equal(t, true, d.body["request_parameter_supported"])
		for _, alg := range strs(d.body["request_object_signing_alg_values_supported"]) {
			req := hmacJWT(t, alg, basicSecret, map[string]any{"iss": basicID, "aud": iss, "exp": time.Now().Add(time.Minute).Unix(), "response_type": "code", "scope": "openid"})
			startsFlow(t, "request object "+alg, authz("request", req))
		}
	})

	t.Run("grant types", func(t *testing.T) {
		for _, g := range strs(d.body["grant_types_supported"]) {
			if g == "implicit" {
				continue // an authorization-endpoint grant: driven above
			}
			r := f.c.do("POST", f.auth("/as/token"), map[string]string{"Content-Type": formCT, "Authorization": basicAuth(basicID, basicSecret)}, form("grant_type", g))
			assert.NotEqual(t, "unsupported_grant_type", r.body["error"], "%s: %s", g, r.raw)
			assert.NotEqual(t, "unauthorized_client", r.body["error"], "%s: %s", g, r.raw)
		}
	})

	t.Run("client authentication", func(t *testing.T) {
		methods := strs(d.body["token_endpoint_auth_methods_supported"])
		assert.Equal(t, methods, strs(d.body["introspection_endpoint_auth_methods_supported"]))
		assert.Equal(t, methods, strs(d.body["revocation_endpoint_auth_methods_supported"]))
		for _, m := range methods {
			id, secret := app(strings.ToUpper(m))
			var variants []struct {
				name string
				hdr  map[string]string
				body func(path string) []string
			}
			add := func(name string, hdr map[string]string, body func(path string) []string) {
				variants = append(variants, struct {
					name string
					hdr  map[string]string
					body func(path string) []string
				}{name, hdr, body})
			}
			switch m {
			case "client_secret_basic":
				add(m, map[string]string{"Authorization": basicAuth(id, secret)}, func(string) []string { return nil })
			case "client_secret_post":
				add(m, nil, func(string) []string { return []string{"client_id", id, "client_secret", secret} })
			case "none":
				add(m, nil, func(string) []string { return []string{"client_id", id} })
			case "client_secret_jwt":
				for _, alg := range strs(d.body["token_endpoint_auth_signing_alg_values_supported"]) {
					alg := alg
					add(m+" "+alg, nil, func(path string) []string {
						a := hmacJWT(t, alg, secret, map[string]any{"iss": id, "sub": id, "aud": iss + "/token",
							"exp": time.Now().Add(time.Minute).Unix(), "jti": newUUID(t)})
						return []string{"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", a}
					})
				}
			default:
				t.Errorf("discovery names %q, which this test cannot drive", m)
			}
			for _, v := range variants {
				hdr := map[string]string{"Content-Type": formCT}
				for k, x := range v.hdr {
					hdr[k] = x
				}
				tok := f.c.do("POST", f.auth("/as/token"), hdr, form(append([]string{"grant_type", "authorization_code", "code", "none"}, v.body("token")...)...))
				assert.Equal(t, "invalid_grant", tok.body["error"], "%s at token: %s", v.name, tok.raw) // authenticated; only the code is wrong
				in := f.c.do("POST", f.auth("/as/introspect"), hdr, form(append([]string{"token", "x"}, v.body("introspect")...)...))
				assert.Equal(t, 200, in.code, "%s at introspect: %s", v.name, in.raw)
				rv := f.c.do("POST", f.auth("/as/revoke"), hdr, form(append([]string{"token", "x"}, v.body("revoke")...)...))
				assert.Equal(t, 200, rv.code, "%s at revoke: %s", v.name, rv.raw)
			}
		}
	})

	t.Run("claims", func(t *testing.T) {
		code := f.login("scope", "openid profile email", "nonce", "n-claims")
		tok := f.exchange(code)
		require.Equal(t, 200, tok.code, tok.raw)
		idTok := tok.body["id_token"].(string)
		var hdr map[string]any
		raw, err := base64.RawURLEncoding.DecodeString(strings.Split(idTok, ".")[0])
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(raw, &hdr))
		assert.Equal(t, strs(d.body["id_token_signing_alg_values_supported"]), []string{hdr["alg"].(string)})
		seen := map[string]bool{}
		for k := range decodeClaims(t, idTok) {
			seen[k] = true
		}
		ui := f.c.do("GET", f.auth("/as/userinfo"), map[string]string{"Authorization": "Bearer " + tok.body["access_token"].(string)}, "")
		require.Equal(t, 200, ui.code, ui.raw)
		for k := range ui.body {
			seen[k] = true
		}
		supported := map[string]bool{}
		for _, c := range strs(d.body["claims_supported"]) {
			supported[c] = true
			assert.True(t, seen[c], "claims_supported names %q, which neither the ID token nor userinfo carries", c)
		}
		for c := range seen {
			assert.True(t, supported[c], "the ID token or userinfo carries %q, which claims_supported leaves out", c)
		}
	})
}
