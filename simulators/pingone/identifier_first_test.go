package pingone_test

import (
	"net/http/cookiejar"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// oidcProvider creates an OPENID_CONNECT identity provider in the
// fixture's environment and returns its id.
func (f *fixture) oidcProvider(t *testing.T) string {
	t.Helper()
	as := f.c.run.URL + "/" + f.envID + "/as"
	r := f.c.api("POST", "/environments/"+f.envID+"/identityProviders", f.token, "application/json", `{"name":"Partner","type":"OPENID_CONNECT","enabled":true,
		"clientId":"c","clientSecret":"s","authorizationEndpoint":"`+as+`/authorize","tokenEndpoint":"`+as+`/token","jwksEndpoint":"`+as+`/jwks",
		"issuer":"`+as+`","scopes":["openid"],"tokenEndpointAuthMethod":"CLIENT_SECRET_BASIC"}`)
	require.Equal(t, 201, r.code, r.raw)
	return r.body["id"].(string)
}

// TestIdentifierFirstAction: the action must name existing identity
// providers, and discovery rules must be PingOne's ${identifier} contains
// conditions.
func TestIdentifierFirstAction(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	idp := f.oidcProvider(t)
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/signOnPolicies", f.token, "application/json", `{"name":"IdF"}`)
	require.Equal(t, 201, r.code, r.raw)
	actions := env + "/signOnPolicies/" + r.body["id"].(string) + "/actions"
	for _, tc := range []struct{ name, body string }{
		{"unknown provider", `{"type":"IDENTIFIER_FIRST","priority":1,"socialProviders":[{"id":"` + f.appID + `"}]}`},
		{"discovery rule to an unknown provider", `{"type":"IDENTIFIER_FIRST","priority":1,"discoveryRules":[{"condition":{"contains":"@example.com","value":"${identifier}"},"identityProvider":{"id":"` + f.appID + `"}}]}`},
		{"discovery rule without text", `{"type":"IDENTIFIER_FIRST","priority":1,"discoveryRules":[{"condition":{"contains":"","value":"${identifier}"},"identityProvider":{"id":"` + idp + `"}}]}`},
		{"discovery rule on another attribute", `{"type":"IDENTIFIER_FIRST","priority":1,"discoveryRules":[{"condition":{"contains":"x","value":"${flow.request.http.remoteIp}"},"identityProvider":{"id":"` + idp + `"}}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertPlatformError(t, f.c.api("POST", actions, f.token, "application/json", tc.body), 400, "INVALID_DATA", "INVALID_VALUE")
		})
	}
	r = f.c.api("POST", actions, f.token, "application/json", `{"type":"IDENTIFIER_FIRST","priority":10,"socialProviders":[{"id":"`+idp+`"}]}`)
	require.Equal(t, 201, r.code, r.raw)
	assert.Equal(t, []any{map[string]any{"id": idp}}, r.body["socialProviders"])
}

// TestIdentifierFirstFlow: the username comes first (SIGN_ON_REQUIRED),
// then the password of that user only; a wrong one is refused, the right
// one completes the flow, and the code is the user's.
func TestIdentifierFirstFlow(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	f.policyWith(t, `{"type":"IDENTIFIER_FIRST","priority":1,"socialProviders":[{"id":"`+f.oidcProvider(t)+`"}]}`)
	f.c.hc.Jar, _ = cookiejar.New(nil)
	flowID := flowIDFrom(t, f.authorize())
	r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "SIGN_ON_REQUIRED", r.body["status"])
	assert.Contains(t, r.body["_links"], "user.lookup")

	// The password cannot come before the identifier.
	assertPlatformError(t, f.flowPost(flowID, "password.check", `{"password":"2FederateM0re!"}`), 400, "INVALID_REQUEST", "INVALID_VALUE")
	r = f.flowPost(flowID, "user.lookup", `{"username":"ada"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "PASSWORD_REQUIRED", r.body["status"])
	assert.Contains(t, r.body["_links"], "password.check")
	assert.Contains(t, r.body["_links"], "password.forgot", "PingOne's login action offers the forgotten-password branch here too")
	assert.NotContains(t, r.body["_links"], "usernamePassword.check")

	assertPlatformError(t, f.flowPost(flowID, "password.check", `{"password":"wrong"}`), 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.flowPost(flowID, "password.check", `{"password":"2FederateM0re!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])
	r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
	require.Equal(t, 302, r.code, r.raw)
	loc, err := url.Parse(r.header.Get("Location"))
	require.NoError(t, err)
	code := loc.Query().Get("code")
	require.NotEmpty(t, code, r.header.Get("Location"))
	r = f.exchange(code)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, f.userID, decodeClaims(t, r.body["access_token"].(string))["sub"])
}

// TestUpdateSignOnPolicy: PUT renames a policy and makes it the default,
// taking over from the old default, which then serves no flow.
func TestUpdateSignOnPolicy(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/signOnPolicies", f.token, "application/json", `{"name":"Mine"}`)
	require.Equal(t, 201, r.code, r.raw)
	polID := r.body["id"].(string)
	r = f.c.api("POST", env+"/signOnPolicies/"+polID+"/actions", f.token, "application/json", `{"type":"IDENTIFIER_FIRST","priority":1}`)
	require.Equal(t, 201, r.code, r.raw)

	assertPlatformError(t, f.c.api("PUT", env+"/signOnPolicies/"+polID, f.token, "application/json", `{"default":true}`), 400, "INVALID_DATA", "REQUIRED_VALUE")
	assertPlatformError(t, f.c.api("PUT", env+"/signOnPolicies/"+polID, f.token, "application/json", `{"name":"Single_Factor","default":true}`), 400, "INVALID_DATA", "UNIQUENESS_VIOLATION")
	r = f.c.api("PUT", env+"/signOnPolicies/"+polID, f.token, "application/json", `{"name":"Renamed","default":true}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "Renamed", r.body["name"])
	assert.Equal(t, true, r.body["default"])

	r = f.c.api("GET", env+"/signOnPolicies", f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	var defaults []any
	for _, p := range r.body["_embedded"].(map[string]any)["signOnPolicies"].([]any) {
		if p.(map[string]any)["default"] == true {
			defaults = append(defaults, p.(map[string]any)["id"])
		}
	}
	assert.Equal(t, []any{polID}, defaults)
	// The default policy cannot simply be unset.
	assertPlatformError(t, f.c.api("PUT", env+"/signOnPolicies/"+polID, f.token, "application/json", `{"name":"Renamed","default":false}`), 400, "INVALID_DATA", "INVALID_VALUE")

	// An application without an assignment now signs on through it.
	f.c.hc.Jar, _ = cookiejar.New(nil)
	flowID := flowIDFrom(t, f.authorize())
	r = f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "SIGN_ON_REQUIRED", r.body["status"])
}
