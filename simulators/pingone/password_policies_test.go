package pingone_test

import (
	"net/http/cookiejar"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// policyPopulation creates a password policy (12 characters or more, four
// classes, no profile data) and a population that uses it; it returns the
// policy and population ids.
func (f *fixture) policyPopulation(t *testing.T) (string, string) {
	t.Helper()
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/passwordPolicies", f.token, "application/json", `{"name":"Long","default":false,"excludesCommonlyUsed":true,
		"excludesProfileData":true,"notSimilarToCurrent":true,"length":{"min":12,"max":255},"maxRepeatedCharacters":2,"minUniqueCharacters":5,
		"minCharacters":{"abcdefghijklmnopqrstuvwxyz":1,"ABCDEFGHIJKLMNOPQRSTUVWXYZ":1,"0123456789":1,"~!@#$%^&*()-_=+[]{}|;:,.<>/?":1}}`)
	require.Equal(t, 201, r.code, r.raw)
	policyID := r.body["id"].(string)
	r = f.c.api("POST", env+"/populations", f.token, "application/json", `{"name":"Policed","passwordPolicy":{"id":"`+policyID+`"}}`)
	require.Equal(t, 201, r.code, r.raw)
	return policyID, r.body["id"].(string)
}

func (f *fixture) userIn(t *testing.T, popID, username string) string {
	t.Helper()
	r := f.c.api("POST", "/environments/"+f.envID+"/users", f.token, "application/json", `{"username":"`+username+`","population":{"id":"`+popID+`"}}`)
	require.Equal(t, 201, r.code, r.raw)
	return r.body["id"].(string)
}

// TestPopulationPasswordPolicy: a population names an existing policy,
// shows it, and its users' passwords are checked against it rather than
// the default policy.
func TestPopulationPasswordPolicy(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/populations", f.token, "application/json", `{"name":"Nowhere","passwordPolicy":{"id":"`+f.envID+`"}}`)
	assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")

	policyID, popID := f.policyPopulation(t)
	r = f.c.api("GET", env+"/populations/"+popID, f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, map[string]any{"id": policyID}, r.body["passwordPolicy"])
	userID := f.userIn(t, popID, "grace")

	set := func(id, pw string) reply {
		return f.c.api("PUT", env+"/users/"+id+"/password", f.token, "application/vnd.pingidentity.password.set+json", `{"value":"`+pw+`","forceChange":true}`)
	}
	for _, tc := range []struct{ name, pw string }{
		{"shorter than 12", "Sh0rt!pass"},
		{"no digit", "NoDigitsHere!!x"},
		{"three repeated", "Paaass-w0rd-xyz"},
		{"contains the username", "Grace-1234-xyZ"},
	} {
		assertPlatformError(t, set(userID, tc.pw), 400, "INVALID_DATA", "INVALID_VALUE")
	}
	r = set(userID, "Long-enough-1X")
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "MUST_CHANGE_PASSWORD", r.body["status"])

	// A user of a population without a policy keeps the default one, which
	// takes the eight-character password the new policy refused.
	assertPlatformError(t, set(userID, "Sh0rt!pa"), 400, "INVALID_DATA", "INVALID_VALUE")
	r = set(f.userID, "Sh0rt!pa")
	require.Equal(t, 200, r.code, r.raw)
}

// TestSelfPasswordChange: the password.reset request needs the current
// password, a different new one, and the population's policy.
func TestSelfPasswordChange(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	_, popID := f.policyPopulation(t)
	userID := f.userIn(t, popID, "grace")
	path := "/environments/" + f.envID + "/users/" + userID + "/password"
	const reset = "application/vnd.pingidentity.password.reset+json"
	require.Equal(t, 200, f.c.api("PUT", path, f.token, "application/vnd.pingidentity.password.set+json", `{"value":"Initial-pw-12X","forceChange":true}`).code)

	for _, tc := range []struct{ name, body, detail string }{
		{"missing fields", `{}`, "REQUIRED_VALUE"},
		{"wrong current", `{"currentPassword":"Wrong-pw-12X","newPassword":"Chosen-pw-34Y"}`, "INVALID_VALUE"},
		{"same as current", `{"currentPassword":"Initial-pw-12X","newPassword":"Initial-pw-12X"}`, "INVALID_VALUE"},
		{"breaks the policy", `{"currentPassword":"Initial-pw-12X","newPassword":"Short-1X"}`, "INVALID_VALUE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertPlatformError(t, f.c.api("PUT", path, f.token, reset, tc.body), 400, "INVALID_DATA", tc.detail)
		})
	}
	r := f.c.api("PUT", path, f.token, reset, `{"currentPassword":"Initial-pw-12X","newPassword":"Chosen-pw-34Y"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "OK", r.body["status"])
	// The old password no longer counts as current.
	r = f.c.api("PUT", path, f.token, reset, `{"currentPassword":"Initial-pw-12X","newPassword":"Another-pw-56Z"}`)
	assertPlatformError(t, r, 400, "INVALID_DATA", "INVALID_VALUE")
}

// TestPatchUser: PATCH changes only the attributes it names, refuses
// attributes it cannot set, a taken username and a photo that is not a URL, and is audited.
func TestPatchUser(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	path := "/environments/" + f.envID + "/users/" + f.userID
	before := f.c.api("GET", path, f.token, "", "")
	require.Equal(t, 200, before.code, before.raw)

	assertPlatformError(t, f.c.api("PATCH", path, f.token, "application/json", `{"photo":{"href":"not a url"}}`), 400, "INVALID_DATA", "INVALID_VALUE")
	// An administrator may rename a user (PingOne's SDK sends the username on
	// every update), but not to a blank or taken name.
	assertPlatformError(t, f.c.api("PATCH", path, f.token, "application/json", `{"username":" "}`), 400, "INVALID_DATA", "INVALID_VALUE")
	other := f.c.api("POST", "/environments/"+f.envID+"/users", f.token, "application/json", `{"username":"bob","email":"bob@example.com"}`)
	require.Equal(t, 201, other.code, other.raw)
	assertPlatformError(t, f.c.api("PATCH", path, f.token, "application/json", `{"username":"BOB"}`), 400, "INVALID_DATA", "UNIQUENESS_VIOLATION")
	assert.Equal(t, 404, f.c.api("PATCH", "/environments/"+f.envID+"/users/"+f.envID, f.token, "application/json", `{"title":"Dr"}`).code)

	q := url.Values{"filter": {`recordedAt gt "2000-01-01T00:00:00Z" and resources.id eq "` + f.userID + `" and action.type eq "USER.UPDATED"`}}
	updates := func() int {
		r := f.c.api("GET", "/environments/"+f.envID+"/activities?"+q.Encode(), f.token, "", "")
		require.Equal(t, 200, r.code, r.raw)
		list, _ := r.body["_embedded"].(map[string]any)["activities"].([]any)
		return len(list)
	}
	audited := updates() // the refused PATCHes above left none

	r := f.c.api("PATCH", path, f.token, "application/json", `{"photo":{"href":"https://example.com/ada.png"}}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, map[string]any{"href": "https://example.com/ada.png"}, r.body["photo"])
	assert.Equal(t, audited+1, updates())
	r = f.c.api("GET", path, f.token, "", "")
	assert.Equal(t, map[string]any{"href": "https://example.com/ada.png"}, r.body["photo"])
	assert.Equal(t, before.body["username"], r.body["username"])
	assert.Equal(t, before.body["email"], r.body["email"])

	renamed := f.c.api("PATCH", path, f.token, "application/json", `{"username":"ada.l"}`)
	require.Equal(t, 200, renamed.code, renamed.raw)
	assert.Equal(t, "ada.l", renamed.body["username"])
}

// TestAgreementConsentActivity: an accepted agreement leaves one
// AGREEMENT_CONSENT.ACCEPTED activity that names the user and the
// agreement; a declined one leaves none.
func TestAgreementConsentActivity(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/agreements", f.token, "application/json", `{"name":"ToS","enabled":false}`)
	require.Equal(t, 201, r.code, r.raw)
	agID := r.body["id"].(string)
	f.publishAgreement(t, agID)

	consent := func(accept string) {
		f.c.hc.Jar, _ = cookiejar.New(nil)
		flowID := flowIDFrom(t, f.authorize())
		r := f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
		require.Equal(t, "AGREEMENT_CONSENT_REQUIRED", r.body["status"], r.raw)
		require.Equal(t, 200, f.flowPost(flowID, "user.consent", `{"accept":`+accept+`}`).code)
	}
	activities := func(filter string) []any {
		r := f.c.api("GET", env+"/activities?"+url.Values{"filter": {`recordedAt gt "2000-01-01T00:00:00Z" and ` + filter}}.Encode(), f.token, "", "")
		require.Equal(t, 200, r.code, r.raw)
		list, _ := r.body["_embedded"].(map[string]any)["activities"].([]any)
		return list
	}
	const accepted = ` and (action.type eq "AGREEMENT_CONSENT.ACCEPTED")`
	consent("false")
	assert.Empty(t, activities(`resources.id eq "`+agID+`"`+accepted))
	consent("true")

	byAgreement := activities(`resources.id eq "` + agID + `"` + accepted)
	require.Len(t, byAgreement, 1)
	byUser := activities(`resources.id eq "` + f.userID + `"` + accepted)
	require.Len(t, byUser, 1)
	act := byUser[0].(map[string]any)
	assert.Equal(t, byAgreement[0].(map[string]any)["id"], act["id"])
	ids := map[string]any{}
	for _, res := range act["resources"].([]any) {
		m := res.(map[string]any)
		ids[m["type"].(string)] = m["id"]
	}
	assert.Equal(t, map[string]any{"USER": f.userID, "AGREEMENT": agID}, ids)
	assert.Equal(t, f.appID, act["actors"].(map[string]any)["client"].(map[string]any)["id"])
	assert.Len(t, activities(`resources.type eq "AGREEMENT"`+accepted), 1)
}
