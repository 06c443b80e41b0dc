package pingone_test

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone/pingonetest"
)

func hs256(t *testing.T, secret string, claims map[string]any) string {
	t.Helper()
	enc := base64.RawURLEncoding
	h, _ := json.Marshal(map[string]any{"alg": "HS256", "typ": "JWT"})
	c, err := json.Marshal(claims)
	require.NoError(t, err)
	input := enc.EncodeToString(h) + "." + enc.EncodeToString(c)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(input))
	return input + "." + enc.EncodeToString(m.Sum(nil))
}

// TestClientSecretJWT checks that the token endpoint verifies the HS256
// client assertion: signature, iss/sub, audience, expiry and jti replay.
func TestClientSecretJWT(t *testing.T) {
	t.Parallel()
	run := pingonetest.Start(t)
	a := newAdmin(t, run)
	appID, secret := a.app(map[string]any{"name": "JWT App", "type": "WORKER", "grantTypes": []any{"CLIENT_CREDENTIALS"},
		"tokenEndpointAuthMethod": "CLIENT_SECRET_JWT"})
	tokenURL := run.URL + "/" + a.envID + "/as/token"
	now := time.Now().Unix()
	good := func() map[string]any {
		return map[string]any{"iss": appID, "sub": appID, "aud": tokenURL, "iat": now, "exp": now + 300, "jti": newUUID(t)}
	}
	c := newClient(t, run)
	send := func(assertion string) reply {
		return c.do("POST", tokenURL, map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
			form("grant_type", "client_credentials", "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
				"client_assertion", assertion))
	}
	replayed := good()
	require.Equal(t, 200, send(hs256(t, secret, replayed)).code, "a valid assertion")
	for _, tc := range []struct {
		name      string
		assertion string
	}{
		{"wrong secret", hs256(t, secret+"x", good())},
		{"wrong audience", hs256(t, secret, func() map[string]any { m := good(); m["aud"] = "https://elsewhere/as/token"; return m }())},
		{"expired", hs256(t, secret, func() map[string]any { m := good(); m["exp"] = now - 1; return m }())},
		{"sub is not the client", hs256(t, secret, func() map[string]any { m := good(); m["sub"] = "someone"; return m }())},
		{"replayed jti", hs256(t, secret, replayed)},
		{"not a JWT", "abc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := send(tc.assertion)
			assert.Equal(t, 401, r.code, r.raw)
			assert.Equal(t, "invalid_client", r.body["error"])
		})
	}
	// Basic authentication is refused for an app configured for JWTs.
	r := c.do("POST", tokenURL, map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
		form("grant_type", "client_credentials", "client_id", appID, "client_secret", secret))
	assert.Equal(t, 401, r.code)
}

func newUUID(t *testing.T) string {
	t.Helper()
	var b [16]byte
	_, err := readRand(b[:])
	require.NoError(t, err)
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// TestDeviceAuthorizationPolling checks the RFC 8628 polling answers: the
// device gets authorization_pending until the user consents, the token
// once, then invalid_grant; a rejected consent is access_denied.
func TestDeviceAuthorizationPolling(t *testing.T) {
	t.Parallel()
	run := pingonetest.Start(t)
	a := newAdmin(t, run)
	appID, _ := a.app(map[string]any{"name": "TV", "type": "CUSTOM_APP", "grantTypes": []any{"DEVICE_CODE"}, "tokenEndpointAuthMethod": "NONE"})
	a.user("viewer", "2FederateM0re!")
	auth := run.URL + "/" + a.envID
	formCT := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}

	for _, accept := range []bool{true, false} {
		device := newClient(t, run)
		da := device.do("POST", auth+"/as/device_authorization", formCT, form("client_id", appID, "scope", "openid"))
		require.Equal(t, 200, da.code, da.raw)
		poll := func() reply {
			return device.do("POST", auth+"/as/token", formCT, form("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
				"device_code", da.body["device_code"].(string), "client_id", appID))
		}
		p := poll()
		assert.Equal(t, 400, p.code)
		assert.Equal(t, "authorization_pending", p.body["error"])

		browser := newClient(t, run)
		start := browser.do("GET", auth+"/device", nil, "")
		require.Equal(t, 302, start.code)
		flow := auth + "/flows/" + start.header.Get("Location")[len(start.header.Get("Location"))-36:]
		step := func(mt, body, want string) {
			r := browser.do("POST", flow, map[string]string{"Content-Type": mt}, body)
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, want, r.body["status"])
		}
		step("application/vnd.pingidentity.usernamePassword.check+json", `{"username":"viewer","password":"2FederateM0re!"}`, "DAG_USER_CODE_REQUIRED")
		bad := browser.do("POST", flow, map[string]string{"Content-Type": "application/vnd.pingidentity.deviceAuthGrant.userCode.verify+json"}, `{"userCode":"XXXX-XXXX"}`)
		assert.Equal(t, 400, bad.code, "a wrong user code")
		step("application/vnd.pingidentity.deviceAuthGrant.userCode.verify+json", `{"userCode":"`+da.body["user_code"].(string)+`"}`, "DAG_CONSENT_REQUIRED")
		if !accept {
			step("application/vnd.pingidentity.deviceAuthGrant.consent+json", `{"accept":false}`, "FAILED")
			p = poll()
			assert.Equal(t, "access_denied", p.body["error"])
			continue
		}
		step("application/vnd.pingidentity.deviceAuthGrant.consent+json", `{"accept":true}`, "COMPLETED")
		p = poll()
		require.Equal(t, 200, p.code, p.raw)
		assert.NotEmpty(t, p.body["access_token"])
		p = poll()
		assert.Equal(t, "invalid_grant", p.body["error"], "a device code is redeemed once")
	}
}

func readRand(b []byte) (int, error) { return rand.Read(b) }
