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

// TestPushConfirmation: an MFA step whose device is a MOBILE one waits in
// PUSH_CONFIRMATION_REQUIRED until the phone (here /__test/push) answers;
// approval completes the flow on the next poll, a denial fails it, silence
// past the push timeout gives PUSH_CONFIRMATION_TIMED_OUT, from which
// device.select sends a new push or moves to another device.
func TestPushConfirmation(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f := newFixture(t, pingone.Options{Now: clk.now, Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	f.policyWith(t, `{"priority":1,"type":"LOGIN"}`, `{"priority":2,"type":"MULTI_FACTOR_AUTHENTICATION","authenticator":{"enabled":true},"email":{"enabled":true}}`)
	require.Equal(t, 200, f.c.api("PUT", env+"/users/"+f.userID+"/mfaEnabled", f.token, "application/json", `{"mfaEnabled":true}`).code)
	phone := f.c.api("POST", env+"/users/"+f.userID+"/devices", f.token, "application/json", `{"type":"MOBILE","application":{"id":"`+f.appID+`"}}`)
	require.Equal(t, 201, phone.code, phone.raw)
	phoneID := phone.body["id"].(string)
	assert.Equal(t, "ACTIVE", phone.body["status"])
	assert.Equal(t, f.appID, phone.body["application"].(map[string]any)["id"])

	testPush := f.c.run.URL + "/__test/push?userId=" + f.userID
	// signIn starts a flow in a fresh jar, passes the password and, with
	// two devices, picks the phone.
	signIn := func() string {
		f.c.hc.Jar, _ = cookiejar.New(nil)
		flowID := flowIDFrom(t, f.authorize())
		r := f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
		require.Equal(t, 200, r.code, r.raw)
		if r.body["status"] == "DEVICE_SELECTION_REQUIRED" {
			r = f.flowPost(flowID, "device.select", `{"device":{"id":"`+phoneID+`"}}`)
			require.Equal(t, 200, r.code, r.raw)
		}
		require.Equal(t, "PUSH_CONFIRMATION_REQUIRED", r.body["status"], r.raw)
		assert.Equal(t, phoneID, r.body["selectedDevice"].(map[string]any)["id"])
		assert.Contains(t, r.body["_links"], "device.select")
		assert.NotContains(t, r.body["_links"], "otp.check")
		return flowID
	}

	t.Run("a waiting push survives a save and restore", func(t *testing.T) {
		signIn()
		snapshotRoundTrips(t, f.c.run.Server)
		require.Equal(t, 204, f.c.do("POST", testPush+"&decision=deny", nil, "").code) // leave no push waiting
	})

	t.Run("approved", func(t *testing.T) {
		flowID := signIn()
		// Polling before the phone answers changes nothing.
		r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		require.Equal(t, "PUSH_CONFIRMATION_REQUIRED", r.body["status"], r.raw)
		assert.Equal(t, 400, f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "").code)

		p := f.c.do("GET", testPush, nil, "")
		require.Equal(t, 200, p.code, p.raw)
		assert.Equal(t, flowID, p.body["flowId"])
		assert.Equal(t, phoneID, p.body["deviceId"])
		assert.Contains(t, p.body["message"], "Web")
		assert.Equal(t, 400, f.c.do("POST", testPush+"&decision=maybe", nil, "").code)
		require.Equal(t, 204, f.c.do("POST", testPush+"&decision=approve", nil, "").code)

		r = f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		require.Equal(t, "COMPLETED", r.body["status"], r.raw)
		r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
		require.Equal(t, 302, r.code, r.raw)
		loc, _ := url.Parse(r.header.Get("Location"))
		tok := f.exchange(loc.Query().Get("code"))
		require.Equal(t, 200, tok.code, tok.raw)
		assert.Equal(t, 404, f.c.do("GET", testPush, nil, "").code, "the answered push is gone")
	})

	t.Run("denied", func(t *testing.T) {
		flowID := signIn()
		require.Equal(t, 204, f.c.do("POST", testPush+"&decision=deny", nil, "").code)
		r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		require.Equal(t, "FAILED", r.body["status"], r.raw)
		assert.Equal(t, "PUSH_DENIED", r.body["error"].(map[string]any)["code"])
	})

	t.Run("timed out", func(t *testing.T) {
		flowID := signIn()
		clk.add(39 * time.Second)
		require.Equal(t, "PUSH_CONFIRMATION_REQUIRED", f.c.do("GET", f.auth("/flows/"+flowID), nil, "").body["status"])
		clk.add(2 * time.Second) // past PingOne's 40 s default
		r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		require.Equal(t, "PUSH_CONFIRMATION_TIMED_OUT", r.body["status"], r.raw)
		assert.Contains(t, r.body["_links"], "device.select")
		assert.Equal(t, 404, f.c.do("POST", testPush+"&decision=approve", nil, "").code, "a late answer finds no push")

		// The same phone again: a new push.
		r = f.flowPost(flowID, "device.select", `{"device":{"id":"`+phoneID+`"}}`)
		require.Equal(t, "PUSH_CONFIRMATION_REQUIRED", r.body["status"], r.raw)
		require.Equal(t, 204, f.c.do("POST", testPush+"&decision=approve", nil, "").code)
		r = f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		require.Equal(t, "COMPLETED", r.body["status"], r.raw)
	})

	t.Run("another device", func(t *testing.T) {
		mail := f.c.api("POST", env+"/users/"+f.userID+"/devices", f.token, "application/json", `{"type":"EMAIL","email":"ada@example.com"}`)
		require.Equal(t, 201, mail.code, mail.raw)
		flowID := signIn()
		r := f.flowPost(flowID, "device.select", `{"device":{"id":"`+mail.body["id"].(string)+`"}}`)
		require.Equal(t, "OTP_REQUIRED", r.body["status"], r.raw)
		assert.Equal(t, 404, f.c.do("GET", testPush, nil, "").code, "moving on cancels the push")
	})
}

// TestPushTimeoutFromPolicy: the device authentication policy's
// pushTimeout for the device's application sets how long a push waits.
func TestPushTimeoutFromPolicy(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f := newFixture(t, pingone.Options{Now: clk.now, Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	pol := f.c.api("POST", env+"/deviceAuthenticationPolicies", f.token, "application/json",
		`{"name":"Push","sms":{"enabled":false},"voice":{"enabled":false},"email":{"enabled":false},"totp":{"enabled":false},"mobile":{"enabled":true,"applications":[{"id":"`+f.appID+`","pushTimeout":{"duration":100,"timeUnit":"SECONDS"}}]}}`)
	require.Equal(t, 201, pol.code, pol.raw)
	f.policyWith(t, `{"priority":1,"type":"LOGIN"}`, `{"priority":2,"type":"MULTI_FACTOR_AUTHENTICATION","deviceAuthenticationPolicy":{"id":"`+pol.body["id"].(string)+`"}}`)
	require.Equal(t, 200, f.c.api("PUT", env+"/users/"+f.userID+"/mfaEnabled", f.token, "application/json", `{"mfaEnabled":true}`).code)
	require.Equal(t, 201, f.c.api("POST", env+"/users/"+f.userID+"/devices", f.token, "application/json", `{"type":"MOBILE","application":{"id":"`+f.appID+`"}}`).code)

	flowID := flowIDFrom(t, f.authorize())
	r := f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
	require.Equal(t, "PUSH_CONFIRMATION_REQUIRED", r.body["status"], r.raw)
	clk.add(99 * time.Second)
	assert.Equal(t, "PUSH_CONFIRMATION_REQUIRED", f.c.do("GET", f.auth("/flows/"+flowID), nil, "").body["status"])
	clk.add(2 * time.Second)
	assert.Equal(t, "PUSH_CONFIRMATION_TIMED_OUT", f.c.do("GET", f.auth("/flows/"+flowID), nil, "").body["status"])
}
