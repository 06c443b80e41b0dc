package pingone_test

import (
	"net/http/cookiejar"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestForceChangePassword: a user whose password was set with forceChange
// signs in to MUST_CHANGE_PASSWORD and finishes the flow with
// password.reset; the ID token's acr is the sign-on policy's name.
func TestForceChangePassword(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	r := f.c.api("PUT", "/environments/"+f.envID+"/users/"+f.userID+"/password", f.token, "application/vnd.pingidentity.password.set+json",
		`{"value":"Temp-pw-1234!","forceChange":true}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "MUST_CHANGE_PASSWORD", r.body["status"])
	flowID := flowIDFrom(t, f.authorize("scope", "openid"))
	r = f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"ada","password":"Temp-pw-1234!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "MUST_CHANGE_PASSWORD", r.body["status"])
	assert.Contains(t, r.body["_links"], "password.reset")
	reset := map[string]string{"Content-Type": "application/vnd.pingidentity.password.reset+json"}
	r = f.c.do("POST", f.auth("/flows/"+flowID), reset, `{"currentPassword":"wrong","newPassword":"Chosen-pw-5678!"}`)
	assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.c.do("POST", f.auth("/flows/"+flowID), reset, `{"currentPassword":"Temp-pw-1234!","newPassword":"Chosen-pw-5678!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])
	r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
	require.Equal(t, 302, r.code, r.raw)
	loc, _ := url.Parse(r.header.Get("Location"))
	tok := f.exchange(loc.Query().Get("code"))
	require.Equal(t, 200, tok.code, tok.raw)
	assert.Equal(t, "Single_Factor", decodeClaims(t, tok.body["id_token"].(string))["acr"], "the default policy's name")
}

// TestPasswordRecovery: password.forgot sends a recovery code (readable in
// the test inbox), password.recover sets a new password with it and signs
// the user in; a wrong code is refused.
func TestPasswordRecovery(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	flowID := flowIDFrom(t, f.authorize())
	post := func(mt, body string) reply {
		return f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity." + mt + "+json"}, body)
	}
	r := post("password.forgot", `{"username":"ada"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "RECOVERY_CODE_REQUIRED", r.body["status"])
	assert.Equal(t, 200, post("password.sendRecoveryCode", `{}`).code)
	inbox := f.c.do("GET", f.c.run.URL+"/__test/otp?userId="+f.userID, nil, "")
	require.Equal(t, 200, inbox.code, inbox.raw)
	code, _ := inbox.body["otp"].(string)
	require.NotEmpty(t, code, inbox.raw)
	assertPlatformError(t, post("password.recover", `{"recoveryCode":"00000000x","newPassword":"Recovered-pw-9!"}`), 400, "INVALID_DATA", "INVALID_VALUE")
	r = post("password.recover", `{"recoveryCode":"`+code+`","newPassword":"Recovered-pw-9!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])
	// session.reset starts a flow over: a fresh sign-on, here in a new jar.
	f.c.hc.Jar, _ = cookiejar.New(nil)
	flowID = flowIDFrom(t, f.authorize())
	r = post("session.reset", `{}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "USERNAME_PASSWORD_REQUIRED", r.body["status"])
	r = f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"ada","password":"Recovered-pw-9!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"], "the recovered password signs in")
	// password.forgot does not tell whether the user exists.
	f.c.hc.Jar, _ = cookiejar.New(nil)
	flowID = flowIDFrom(t, f.authorize())
	r = post("password.forgot", `{"username":"nobody-here"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "RECOVERY_CODE_REQUIRED", r.body["status"], "an unknown user")
}

// TestPasswordExpired: once the default policy's maxAgeDays (182) has passed
// since the password was set, sign-on stops at PASSWORD_EXPIRED until
// password.reset sets a new one.
func TestPasswordExpired(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f := newFixture(t, pingone.Options{Now: clk.now, Signing: "HS256"}, "")
	clk.add(183 * 24 * time.Hour)
	f.token = f.c.adminToken()
	flowID := flowIDFrom(t, f.authorize())
	r := f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"ada","password":"2FederateM0re!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "PASSWORD_EXPIRED", r.body["status"])
	assert.Contains(t, r.body["_links"], "password.reset")
	r = f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.password.reset+json"},
		`{"currentPassword":"2FederateM0re!","newPassword":"Fresh-pw-2468!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])
}
