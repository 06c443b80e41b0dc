package pingone_test

import (
	"net/http/cookiejar"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// policyWith creates a sign-on policy with the given action bodies and
// assigns it to the fixture's application.
func (f *fixture) policyWith(t *testing.T, actions ...string) {
	t.Helper()
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/signOnPolicies", f.token, "application/json", `{"name":"P-`+t.Name()+`"}`)
	require.Equal(t, 201, r.code, r.raw)
	polID := r.body["id"].(string)
	for _, a := range actions {
		r = f.c.api("POST", env+"/signOnPolicies/"+polID+"/actions", f.token, "application/json", a)
		require.Equal(t, 201, r.code, r.raw)
	}
	r = f.c.api("POST", env+"/applications/"+f.appID+"/signOnPolicyAssignments", f.token, "application/json", `{"priority":1,"signOnPolicy":{"id":"`+polID+`"}}`)
	require.Equal(t, 201, r.code, r.raw)
}

// publishAgreement gives agreement agID an English language with an
// effective revision, enables both, and asks for it after the login in the
// application's sign-on policy.
func (f *fixture) publishAgreement(t *testing.T, agID string) {
	t.Helper()
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/agreements/"+agID+"/languages", f.token, "application/json", `{"locale":"en","displayName":"English","enabled":false}`)
	require.Equal(t, 201, r.code, r.raw)
	langID := r.body["id"].(string)
	r = f.c.api("POST", env+"/agreements/"+agID+"/languages/"+langID+"/revisions", f.token, "application/json",
		`{"effectiveAt":"2000-01-01T00:00:00Z","requireReconsent":true,"contentType":"text/plain","text":"Be nice."}`)
	require.Equal(t, 201, r.code, r.raw)
	require.Equal(t, 200, f.c.api("PUT", env+"/agreements/"+agID+"/languages/"+langID, f.token, "application/json", `{"locale":"en","enabled":true}`).code)
	require.Equal(t, 200, f.c.api("PUT", env+"/agreements/"+agID, f.token, "application/json", `{"name":"ToS","enabled":true}`).code)
	f.policyWith(t, `{"priority":1,"type":"LOGIN"}`, `{"priority":2,"type":"AGREEMENT","agreement":{"id":"`+agID+`"}}`)
}

func (f *fixture) flowPost(flowID, action, body string) reply {
	return f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity." + action + "+json"}, body)
}

// TestRegistrationFlow: user.register creates an unverified user; a wrong
// verification code is refused, the right one completes the flow.
func TestRegistrationFlow(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	r := f.c.api("POST", "/environments/"+f.envID+"/populations", f.token, "application/json", `{"name":"Registered"}`)
	require.Equal(t, 201, r.code, r.raw)
	popID := r.body["id"].(string)
	f.policyWith(t, `{"priority":1,"type":"LOGIN","registration":{"enabled":true,"population":{"id":"`+popID+`"}}}`)

	flowID := flowIDFrom(t, f.authorize())
	r = f.flowPost(flowID, "user.register", `{"username":"new","email":"new@example.com","password":"short"}`)
	assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.flowPost(flowID, "user.register", `{"username":"new","email":"new@example.com","password":"2FederateM0re!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "VERIFICATION_CODE_REQUIRED", r.body["status"])
	userID := r.body["_embedded"].(map[string]any)["user"].(map[string]any)["id"].(string)
	u := f.c.api("GET", "/environments/"+f.envID+"/users/"+userID, f.token, "", "")
	assert.Equal(t, "VERIFICATION_REQUIRED", u.body["lifecycle"].(map[string]any)["status"])
	assert.Equal(t, popID, u.body["population"].(map[string]any)["id"])

	r = f.flowPost(flowID, "user.verify", `{"verificationCode":"WRONG123"}`)
	assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
	inbox := f.c.do("GET", f.c.run.URL+"/__test/verificationCode?userId="+url.QueryEscape(userID), nil, "")
	require.Equal(t, 200, inbox.code, inbox.raw)
	code := inbox.body["verificationCode"].(string)
	assert.Regexp(t, `^[A-Z0-9]{8}$`, code)

	// Resent: a new code replaces the old one, which no longer verifies.
	r = f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
	assert.Contains(t, r.body["_links"], "user.sendVerificationCode", r.raw)
	r = f.flowPost(flowID, "user.sendVerificationCode", `{}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "VERIFICATION_CODE_REQUIRED", r.body["status"])
	inbox = f.c.do("GET", f.c.run.URL+"/__test/verificationCode?userId="+url.QueryEscape(userID), nil, "")
	require.Equal(t, 200, inbox.code, inbox.raw)
	old := code
	code = inbox.body["verificationCode"].(string)
	require.NotEqual(t, old, code)
	assertPlatformError(t, f.flowPost(flowID, "user.verify", `{"verificationCode":"`+old+`"}`), 400, "INVALID_DATA", "INVALID_VALUE")

	r = f.flowPost(flowID, "user.verify", `{"verificationCode":"`+code+`"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])
	u = f.c.api("GET", "/environments/"+f.envID+"/users/"+userID, f.token, "", "")
	assert.Equal(t, "ACCOUNT_OK", u.body["lifecycle"].(map[string]any)["status"])
}

// TestUnverifiedUserVerifiesAtSignOn: a user who registered but never
// verified the account signs on with the right password into
// VERIFICATION_CODE_REQUIRED; the code verifies the account and completes
// the flow, and the next sign-on goes straight through.
func TestUnverifiedUserVerifiesAtSignOn(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	r := f.c.api("POST", "/environments/"+f.envID+"/populations", f.token, "application/json", `{"name":"Registered"}`)
	require.Equal(t, 201, r.code, r.raw)
	f.policyWith(t, `{"priority":1,"type":"LOGIN","registration":{"enabled":true,"population":{"id":"`+r.body["id"].(string)+`"}}}`)
	r = f.flowPost(flowIDFrom(t, f.authorize()), "user.register", `{"username":"later","email":"later@example.com","password":"2FederateM0re!"}`)
	require.Equal(t, "VERIFICATION_CODE_REQUIRED", r.body["status"], r.raw)
	userID := r.body["_embedded"].(map[string]any)["user"].(map[string]any)["id"].(string)

	// The registration flow is abandoned; a later sign-on asks for the code.
	f.c.hc.Jar, _ = cookiejar.New(nil)
	flowID := flowIDFrom(t, f.authorize())
	assertPlatformError(t, f.flowPost(flowID, "usernamePassword.check", `{"username":"later","password":"wrong"}`), 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.flowPost(flowID, "usernamePassword.check", `{"username":"later","password":"2FederateM0re!"}`)
	require.Equal(t, 200, r.code, r.raw)
	require.Equal(t, "VERIFICATION_CODE_REQUIRED", r.body["status"], r.raw)
	assert.Contains(t, r.body["_links"], "user.verify")
	assert.Equal(t, 400, f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "").code, "not signed on before verifying")
	inbox := f.c.do("GET", f.c.run.URL+"/__test/verificationCode?userId="+url.QueryEscape(userID), nil, "")
	require.Equal(t, 200, inbox.code, inbox.raw)
	r = f.flowPost(flowID, "user.verify", `{"verificationCode":"`+inbox.body["verificationCode"].(string)+`"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"], r.raw)
	u := f.c.api("GET", "/environments/"+f.envID+"/users/"+userID, f.token, "", "")
	assert.Equal(t, "ACCOUNT_OK", u.body["lifecycle"].(map[string]any)["status"])

	f.c.hc.Jar, _ = cookiejar.New(nil)
	r = f.flowPost(flowIDFrom(t, f.authorize()), "usernamePassword.check", `{"username":"later","password":"2FederateM0re!"}`)
	assert.Equal(t, "COMPLETED", r.body["status"], r.raw)
}

// TestAgreementConsent: an agreement cannot be enabled before it has an
// effective revision; a declined agreement fails the flow, an accepted one
// completes it and is not asked again.
func TestAgreementConsent(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/agreements", f.token, "application/json", `{"name":"ToS","enabled":false}`)
	require.Equal(t, 201, r.code, r.raw)
	agID := r.body["id"].(string)
	r = f.c.api("PUT", env+"/agreements/"+agID, f.token, "application/json", `{"name":"ToS","enabled":true}`)
	assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
	f.publishAgreement(t, agID)

	// signOn starts in a fresh browser (no session cookie).
	signOn := func() (string, any) {
		f.c.hc.Jar, _ = cookiejar.New(nil)
		flowID := flowIDFrom(t, f.authorize())
		r := f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
		require.Equal(t, 200, r.code, r.raw)
		return flowID, r.body["status"]
	}
	flowID, status := signOn()
	require.Equal(t, "AGREEMENT_CONSENT_REQUIRED", status)
	r = f.flowPost(flowID, "user.consent", `{"accept":false}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "FAILED", r.body["status"])

	flowID, status = signOn()
	require.Equal(t, "AGREEMENT_CONSENT_REQUIRED", status)
	r = f.flowPost(flowID, "user.consent", `{"accept":true}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])

	// The next sign-on reuses the session, and consent is on record.
	r = f.authorize()
	require.Equal(t, 302, r.code, r.raw)
	assert.Contains(t, r.header.Get("Location"), "code=")
}

// TestImplicitGrant: the tokens come back in the fragment; the implicit
// grant must be allowed, needs a nonce for id_token and refuses query mode.
func TestImplicitGrant(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, `{"enabled":true,"name":"SPA","type":"SINGLE_PAGE_APP","protocol":"OPENID_CONNECT","grantTypes":["IMPLICIT"],"responseTypes":["TOKEN","ID_TOKEN"],"redirectUris":["https://example.com/cb"],"tokenEndpointAuthMethod":"NONE"}`)
	for _, tc := range []struct {
		name  string
		extra []string
		err   string
	}{
		{"code is not allowed", []string{"response_type", "code"}, "unauthorized_client"},
		{"id_token needs a nonce", []string{"response_type", "token id_token"}, "invalid_request"},
		{"no tokens in a query", []string{"response_type", "token", "response_mode", "query"}, "invalid_request"},
		{"unknown response type", []string{"response_type", "token code"}, "unsupported_response_type"},
	} {
		r := f.authorize(tc.extra...)
		require.Equal(t, 302, r.code, tc.name)
		assert.Contains(t, r.header.Get("Location"), "error="+tc.err, tc.name)
	}
	flowID := flowIDFrom(t, f.authorize("response_type", "token id_token", "nonce", "n-1"))
	r := f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
	require.Equal(t, "COMPLETED", r.body["status"], r.raw)
	r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
	require.Equal(t, 302, r.code, r.raw)
	loc, err := url.Parse(r.header.Get("Location"))
	require.NoError(t, err)
	assert.Empty(t, loc.RawQuery)
	frag, err := url.ParseQuery(loc.Fragment)
	require.NoError(t, err)
	assert.Equal(t, "Bearer", frag.Get("token_type"))
	assert.Equal(t, "st8", frag.Get("state"))
	assert.Empty(t, frag.Get("code"))
	id := decodeClaims(t, frag.Get("id_token"))
	assert.Equal(t, "n-1", id["nonce"])
	assert.NotEmpty(t, id["at_hash"])
	assert.Equal(t, f.userID, decodeClaims(t, frag.Get("access_token"))["sub"])
}

// TestRolesAndDevicePolicies: built-in roles are listed, a role applies
// only to its scope types, and a device must fit its authentication policy.
func TestRolesAndDevicePolicies(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	r := f.c.api("GET", "/roles", f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	ids := map[string]string{}
	for _, x := range r.body["_embedded"].(map[string]any)["roles"].([]any) {
		m := x.(map[string]any)
		ids[m["name"].(string)] = m["id"].(string)
	}
	require.Contains(t, ids, "Organization Admin")
	users := "/environments/" + f.envID + "/users/" + f.userID + "/roleAssignments"
	r = f.c.api("POST", users, f.token, "application/json", `{"role":{"id":"`+ids["Organization Admin"]+`"},"scope":{"id":"`+f.envID+`","type":"ENVIRONMENT"}}`)
	assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.c.api("POST", users, f.token, "application/json", `{"role":{"id":"`+ids["Environment Admin"]+`"},"scope":{"id":"`+f.envID+`","type":"ENVIRONMENT"}}`)
	require.Equal(t, 201, r.code, r.raw)
	r = f.c.api("GET", users, f.token, "", "")
	assert.EqualValues(t, 1, r.body["count"])
	assert.Equal(t, 401, f.c.api("GET", "/roles", "", "", "").code)

	r = f.c.api("POST", "/environments/"+f.envID+"/deviceAuthenticationPolicies", f.token, "application/json",
		`{"name":"SMS only","sms":{"enabled":true},"voice":{"enabled":false},"email":{"enabled":false},"mobile":{"enabled":false},"totp":{"enabled":false}}`)
	require.Equal(t, 201, r.code, r.raw)
	polID := r.body["id"].(string)
	r = f.c.api("POST", "/environments/"+f.envID+"/users/"+f.userID+"/devices", f.token, "application/json", `{"type":"EMAIL","email":"ada@example.com","policy":{"id":"`+polID+`"}}`)
	assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.c.api("POST", "/environments/"+f.envID+"/users/"+f.userID+"/devices", f.token, "application/json", `{"type":"SMS","phone":"+15125550100","policy":{"id":"`+polID+`"}}`)
	require.Equal(t, 201, r.code, r.raw)
	assert.Equal(t, polID, r.body["policy"].(map[string]any)["id"])
}
