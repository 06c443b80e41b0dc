package pingone_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAccountConfirmation: with registration.confirmIdentityProviderAttributes,
// an external identity no user is linked to stops in
// ACCOUNT_CONFIRMATION_REQUIRED showing the provider's attributes;
// user.confirm registers a user with the confirmed values, or, when a
// local user holds the same username or e-mail, moves to
// ACCOUNT_LINKING_REQUIRED for that user to prove the account is theirs.
func TestAccountConfirmation(t *testing.T) {
	t.Parallel()
	// toConfirmation runs the external sign-on through the callback.
	toConfirmation := func(t *testing.T, f *fixture, src string) string {
		t.Helper()
		flowID, srcFlow := toSource(t, f)
		r := f.c.do("POST", f.c.run.URL+"/"+src+"/flows/"+srcFlow, map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"grace","password":"2FederateM0re!"}`)
		require.Equal(t, 200, r.code, r.raw)
		r = f.c.do("GET", f.c.run.URL+"/"+src+"/as/resume?flowId="+srcFlow, nil, "")
		require.Equal(t, 302, r.code, r.raw)
		require.Equal(t, 302, f.c.do("GET", r.header.Get("Location"), nil, "").code)
		r = f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		require.Equal(t, "ACCOUNT_CONFIRMATION_REQUIRED", r.body["status"], r.raw)
		assert.Contains(t, r.body["_links"], "user.confirm")
		emb := r.body["_embedded"].(map[string]any)
		assert.Equal(t, "grace", emb["user"].(map[string]any)["username"], r.raw)
		assert.Equal(t, "grace@source.test", emb["user"].(map[string]any)["email"], r.raw)
		assert.Equal(t, "OPENID_CONNECT", emb["identityProvider"].(map[string]any)["type"], r.raw)
		assert.Equal(t, 400, f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "").code, "not signed on yet")
		return flowID
	}
	const confirm = "user.confirm"
	for _, tc := range []struct {
		name  string
		check func(t *testing.T, f *fixture, src string)
	}{
		{"confirmed attributes make the new user", func(t *testing.T, f *fixture, src string) {
			flowID := toConfirmation(t, f, src)
			snapshotRoundTrips(t, f.c.run.Server) // the pending identity persists
			assertPlatformError(t, f.flowPost(flowID, confirm, `{"username":" ","email":"grace@source.test"}`), 400, "INVALID_DATA", "REQUIRED_VALUE")
			assertPlatformError(t, f.flowPost(flowID, confirm, `{"username":"grace","email":"not-mail"}`), 400, "INVALID_DATA", "INVALID_VALUE")
			assert.Equal(t, "ACCOUNT_CONFIRMATION_REQUIRED", f.c.do("GET", f.auth("/flows/"+flowID), nil, "").body["status"])

			r := f.flowPost(flowID, confirm, `{"username":"grace.h","email":"grace@home.test","name":{"given":"Grace","family":"Hopper"}}`)
			require.Equal(t, 200, r.code, r.raw)
			require.Equal(t, "COMPLETED", r.body["status"], r.raw)
			userID := r.body["_embedded"].(map[string]any)["user"].(map[string]any)["id"].(string)
			u := f.c.api("GET", "/environments/"+f.envID+"/users/"+userID, f.token, "", "")
			require.Equal(t, 200, u.code, u.raw)
			assert.Equal(t, "grace.h", u.body["username"])
			assert.Equal(t, "grace@home.test", u.body["email"])
			assert.Equal(t, "Hopper", u.body["name"].(map[string]any)["family"])
			assert.NotEmpty(t, u.body["identityProvider"].(map[string]any)["id"], u.raw)

			r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
			require.Equal(t, 302, r.code, r.raw)
			loc, _ := url.Parse(r.header.Get("Location"))
			tok := f.exchange(loc.Query().Get("code"))
			require.Equal(t, 200, tok.code, tok.raw)
			assert.Equal(t, userID, decodeClaims(t, tok.body["access_token"].(string))["sub"])
			// The resumed flow is spent.
			assert.Equal(t, 404, f.flowPost(flowID, confirm, `{"username":"grace.h"}`).code)
		}},
		{"a local user with the same username links instead", func(t *testing.T, f *fixture, src string) {
			r := f.c.api("POST", "/environments/"+f.envID+"/users", f.token, "application/json", `{"username":"grace","email":"grace@dest.test"}`)
			require.Equal(t, 201, r.code, r.raw)
			localID := r.body["id"].(string)
			require.Equal(t, 200, f.c.api("PUT", "/environments/"+f.envID+"/users/"+localID+"/password", f.token, "application/vnd.pingidentity.password.set+json", `{"value":"2Destinati0n!","forceChange":false}`).code)
			flowID := toConfirmation(t, f, src)
			r = f.flowPost(flowID, confirm, `{"username":"grace","email":"grace@source.test"}`) // the username matches
			require.Equal(t, 200, r.code, r.raw)
			require.Equal(t, "ACCOUNT_LINKING_REQUIRED", r.body["status"], r.raw)
			assert.Contains(t, r.body["_links"], "usernamePassword.check")
			r = f.flowPost(flowID, "usernamePassword.check", `{"username":"grace","password":"2Destinati0n!"}`)
			require.Equal(t, 200, r.code, r.raw)
			require.Equal(t, "COMPLETED", r.body["status"], r.raw)
			u := f.c.api("GET", "/environments/"+f.envID+"/users/"+localID, f.token, "", "")
			assert.NotEmpty(t, u.body["identityProvider"].(map[string]any)["id"], u.raw)
		}},
		{"user.confirm outside the status", func(t *testing.T, f *fixture, _ string) {
			flowID := flowIDFrom(t, f.authorize())
			assertPlatformError(t, f.flowPost(flowID, confirm, `{"username":"x"}`), 400, "INVALID_REQUEST", "INVALID_VALUE")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, src := externalFixtureReg(t, "", false, `"confirmIdentityProviderAttributes":true,`)
			tc.check(t, f, src)
		})
	}
}
