package pingone_test

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

func s256(v string) string {
	sum := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func TestAuthorizationCodeFlow(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f := newFixture(t, pingone.Options{Now: clk.now, Signing: "HS256"}, "")
	const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

	t.Run("authorize redirects to the sign-on page with cookies", func(t *testing.T) {
		r := f.authorize()
		flowID := flowIDFrom(t, r)
		assert.Contains(t, r.header.Get("Location"), "/"+f.envID+"/signon/?flowId="+flowID)
		var names []string
		for _, c := range r.header.Values("Set-Cookie") {
			names = append(names, c[:len("interaction")])
			assert.Contains(t, c, "Path=/"+f.envID)
		}
		assert.Len(t, names, 2)
		g := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		require.Equal(t, 200, g.code, g.raw)
		assert.Equal(t, "USERNAME_PASSWORD_REQUIRED", g.body["status"])
		assert.Contains(t, g.body["_links"], "usernamePassword.check")
		assert.Equal(t, f.auth("/as/resume?flowId="+flowID), g.body["resumeUrl"])
	})

	t.Run("flow API without the interaction cookies", func(t *testing.T) {
		flowID := flowIDFrom(t, f.authorize())
		bare := &http.Client{}
		resp, err := bare.Get(f.auth("/flows/" + flowID))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, 401, resp.StatusCode)
	})

	t.Run("wrong password", func(t *testing.T) {
		flowID := flowIDFrom(t, f.authorize())
		r := f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"ada","password":"wrong"}`)
		assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
		d := r.body["details"].([]any)[0].(map[string]any)
		assert.Equal(t, "password", d["target"])
		assert.EqualValues(t, 4, d["innerError"].(map[string]any)["failuresRemaining"])
		// Wrong content type for the flow's state.
		r = f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.otp.check+json"}, `{"otp":"123456"}`)
		assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
	})

	t.Run("PKCE S256 and plain", func(t *testing.T) {
		for _, tc := range []struct{ method, challenge string }{{"S256", s256(verifier)}, {"plain", verifier}} {
			code := f.login("code_challenge", tc.challenge, "code_challenge_method", tc.method)
			r := f.exchange(code, "code_verifier", verifier)
			require.Equal(t, 200, r.code, r.raw)
			claims := decodeClaims(t, r.body["access_token"].(string))
			assert.Equal(t, f.userID, claims["sub"])
			assert.Equal(t, "openid profile email", claims["scope"])
			id := decodeClaims(t, r.body["id_token"].(string))
			assert.Equal(t, f.appID, id["aud"])
			assert.Equal(t, "ada", id["preferred_username"])
		}
	})

	t.Run("wrong PKCE verifier", func(t *testing.T) {
		code := f.login("code_challenge", s256(verifier), "code_challenge_method", "S256")
		assertOAuthError(t, f.exchange(code, "code_verifier", verifier+"x"), 400, "invalid_grant")
		// The failed attempt burnt the code.
		assertOAuthError(t, f.exchange(code, "code_verifier", verifier), 400, "invalid_grant")
		code = f.login("code_challenge", s256(verifier), "code_challenge_method", "S256")
		assertOAuthError(t, f.exchange(code), 400, "invalid_request")
	})

	t.Run("replayed code revokes its tokens", func(t *testing.T) {
		code := f.login()
		first := f.exchange(code)
		require.Equal(t, 200, first.code)
		access := first.body["access_token"].(string)
		info := f.c.do("GET", f.auth("/as/userinfo"), map[string]string{"Authorization": "Bearer " + access}, "")
		require.Equal(t, 200, info.code, info.raw)
		assert.Equal(t, f.userID, info.body["sub"])
		assert.Equal(t, "ada@example.com", info.body["email"])
		assertOAuthError(t, f.exchange(code), 400, "invalid_grant")
		intro := f.c.do("POST", f.auth("/as/introspect"), map[string]string{"Content-Type": formCT, "Authorization": basicAuth(f.appID, f.appSecret)}, form("token", access))
		require.Equal(t, 200, intro.code)
		assert.Equal(t, false, intro.body["active"])
		info = f.c.do("GET", f.auth("/as/userinfo"), map[string]string{"Authorization": "Bearer " + access}, "")
		assert.Equal(t, 401, info.code)
		assert.Contains(t, info.header.Get("WWW-Authenticate"), `error="invalid_token"`)
	})

	t.Run("expired code", func(t *testing.T) {
		code := f.login()
		clk.add(61 * time.Second)
		assertOAuthError(t, f.exchange(code), 400, "invalid_grant")
	})

	t.Run("redirect_uri must match", func(t *testing.T) {
		code := f.login()
		r := f.c.do("POST", f.auth("/as/token"), map[string]string{"Content-Type": formCT, "Authorization": basicAuth(f.appID, f.appSecret)},
			form("grant_type", "authorization_code", "code", code, "redirect_uri", "https://evil.example"))
		assertOAuthError(t, r, 400, "invalid_grant")
	})

	t.Run("refresh token rotates; introspection", func(t *testing.T) {
		r := f.exchange(f.login())
		rt := r.body["refresh_token"].(string)
		hdr := map[string]string{"Content-Type": formCT, "Authorization": basicAuth(f.appID, f.appSecret)}
		next := f.c.do("POST", f.auth("/as/token"), hdr, form("grant_type", "refresh_token", "refresh_token", rt))
		require.Equal(t, 200, next.code, next.raw)
		assert.NotEqual(t, rt, next.body["refresh_token"])
		assertOAuthError(t, f.c.do("POST", f.auth("/as/token"), hdr, form("grant_type", "refresh_token", "refresh_token", rt)), 400, "invalid_grant")
		intro := f.c.do("POST", f.auth("/as/introspect"), hdr, form("token", next.body["access_token"].(string)))
		assert.Equal(t, true, intro.body["active"])
		assert.Equal(t, f.appID, intro.body["client_id"])
		clk.add(time.Hour)
		intro = f.c.do("POST", f.auth("/as/introspect"), hdr, form("token", next.body["access_token"].(string)))
		assert.Equal(t, false, intro.body["active"], "expired token")
	})

	t.Run("resume needs the flow's session cookie", func(t *testing.T) {
		f.c.hc.Jar, _ = cookiejar.New(nil)
		flowID := flowIDFrom(t, f.authorize())
		r := f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"ada","password":"2FederateM0re!"}`)
		require.Equal(t, 200, r.code)
		fresh, _ := cookiejar.New(nil)
		other := &client{t: t, run: f.c.run, hc: &http.Client{Jar: fresh, CheckRedirect: f.c.hc.CheckRedirect}}
		res := other.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
		require.Equal(t, 302, res.code)
		loc, _ := url.Parse(res.header.Get("Location"))
		assert.Equal(t, "login_required", loc.Query().Get("error"))
		// With the ST cookie, a second authorize needs no password.
		again := f.authorize()
		require.Equal(t, 302, again.code)
		loc, _ = url.Parse(again.header.Get("Location"))
		assert.NotEmpty(t, loc.Query().Get("code"), "an existing session completes at once")
	})

	t.Run("authorize errors", func(t *testing.T) {
		r := f.authorize("redirect_uri", "https://evil.example")
		assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
		r = f.authorize("scope", "openid p1:read:user")
		require.Equal(t, 302, r.code)
		loc, _ := url.Parse(r.header.Get("Location"))
		assert.Equal(t, "invalid_scope", loc.Query().Get("error"))
		assert.Equal(t, "st8", loc.Query().Get("state"))
	})
}

func TestPiFlowAndPasswordlessMFA(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	p := c.api("POST", env+"/signOnPolicies", tok, "application/json", `{"name":"Passwordless"}`)
	pid := p.body["id"].(string)
	require.Equal(t, 201, c.api("POST", env+"/signOnPolicies/"+pid+"/actions", tok, "application/json", `{"priority":1,"type":"MULTI_FACTOR_AUTHENTICATION","email":{"enabled":true}}`).code)
	require.Equal(t, 201, c.api("POST", env+"/applications/"+f.appID+"/signOnPolicyAssignments", tok, "application/json", `{"priority":1,"signOnPolicy":{"id":"`+pid+`"}}`).code)

	// MFA is not enabled yet: a passwordless flow has no factor and fails.
	r := f.authorize("response_mode", "pi.flow")
	require.Equal(t, 200, r.code, r.raw)
	require.Equal(t, "SIGN_ON_REQUIRED", r.body["status"])
	flowURL := f.auth("/flows/" + r.body["id"].(string))
	look := c.do("POST", flowURL, map[string]string{"Content-Type": "application/vnd.pingidentity.user.lookup+json"}, `{"username":"ada"}`)
	require.Equal(t, 200, look.code, look.raw)
	assert.Equal(t, "FAILED", look.body["status"])
	assert.Equal(t, "NO_USABLE_DEVICES", look.body["error"].(map[string]any)["code"])

	require.Equal(t, 200, c.api("PUT", env+"/users/"+f.userID+"/mfaEnabled", tok, "application/json", `{"mfaEnabled":true}`).code)
	dev := c.api("POST", env+"/users/"+f.userID+"/devices", tok, "application/json", `{"type":"EMAIL","email":"ada@example.com"}`)
	require.Equal(t, 201, dev.code)

	r = f.authorize("response_mode", "pi.flow")
	require.Equal(t, "SIGN_ON_REQUIRED", r.body["status"])
	assert.Contains(t, r.body["_links"], "user.lookup")
	flowURL = f.auth("/flows/" + r.body["id"].(string))
	look = c.do("POST", flowURL, map[string]string{"Content-Type": "application/vnd.pingidentity.user.lookup+json"}, `{"username":"ada"}`)
	require.Equal(t, "OTP_REQUIRED", look.body["status"], look.raw)
	assert.Equal(t, dev.body["id"], look.body["selectedDevice"].(map[string]any)["id"])

	otp := c.do("GET", c.run.URL+"/__test/otp?userId="+f.userID, nil, "")
	require.Equal(t, 200, otp.code)
	code := otp.body["otp"].(string)
	rec, ok := c.run.Server.OTP(f.userID)
	require.True(t, ok)
	assert.Equal(t, code, rec.OTP)

	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	bad := c.do("POST", flowURL, map[string]string{"Content-Type": "application/vnd.pingidentity.otp.check+json"}, `{"otp":"`+wrong+`"}`)
	assertPlatformError(t, bad, 400, "INVALID_DATA", "INVALID_OTP")
	assert.EqualValues(t, 2, bad.body["details"].([]any)[0].(map[string]any)["innerError"].(map[string]any)["remainingAttempts"])

	done := c.do("POST", flowURL, map[string]string{"Content-Type": "application/vnd.pingidentity.otp.check+json"}, `{"otp":"`+code+`"}`)
	require.Equal(t, 200, done.code, done.raw)
	assert.Equal(t, "COMPLETED", done.body["status"])
	authz := done.body["authorizeResponse"].(map[string]any)
	assert.Equal(t, "st8", authz["state"])
	tokens := f.exchange(authz["code"].(string))
	require.Equal(t, 200, tokens.code, tokens.raw)
	assert.Equal(t, []any{"otp"}, decodeClaims(t, tokens.body["id_token"].(string))["amr"])
	_, still := c.run.Server.OTP(f.userID)
	assert.False(t, still, "a used passcode is gone")
}
