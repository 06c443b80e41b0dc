package pingone_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestFacebookProvider: a FACEBOOK provider needs appId and appSecret,
// answers both (PingOne's SDK model requires appSecret in answers), and
// comes with PingOne's CORE username mapping.
func TestFacebookProvider(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	for _, tc := range []struct {
		name, body string
		code       int
		detail     string
	}{
		{"no app secret", `{"name":"FB1","type":"FACEBOOK","enabled":true,"appId":"123"}`, 400, "REQUIRED_VALUE"},
		{"no app id", `{"name":"FB2","type":"FACEBOOK","enabled":true,"appSecret":"s"}`, 400, "REQUIRED_VALUE"},
		{"unknown type", `{"name":"FB3","type":"MYSPACE","enabled":true,"appId":"1","appSecret":"s"}`, 400, "INVALID_VALUE"},
		{"complete", `{"name":"FB4","type":"FACEBOOK","enabled":true,"appId":"123","appSecret":"s3cret"}`, 201, ""},
	} {
		r := c.api("POST", env+"/identityProviders", tok, jsonCT, tc.body)
		if tc.code != 201 {
			assertPlatformError(t, r, tc.code, "INVALID_DATA", tc.detail)
			continue
		}
		id := assertResource(t, r, 201, f.envID, "/identityProviders")
		assert.Equal(t, "123", r.body["appId"])
		assert.Equal(t, "s3cret", r.body["appSecret"])
		attrs := embedded(t, c.api("GET", env+"/identityProviders/"+id+"/attributes", tok, "", ""), "attributes")
		require.Len(t, attrs, 1)
		core := attrs[0].(map[string]any)
		assert.Equal(t, "CORE", core["mappingType"])
		assert.Equal(t, "username", core["name"])
		assert.Equal(t, "${providerAttributes.email}", core["value"])
		// Listing again does not seed again.
		assert.Len(t, embedded(t, c.api("GET", env+"/identityProviders/"+id+"/attributes", tok, "", ""), "attributes"), 1)
	}
}

// TestLoginActionOffersSocialProviders: a LOGIN action's socialProviders
// must exist, and the flow lists the enabled ones with their links.
func TestLoginActionOffersSocialProviders(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	fb := c.api("POST", env+"/identityProviders", tok, jsonCT, `{"name":"Facebook","type":"FACEBOOK","enabled":true,"appId":"1","appSecret":"s"}`)
	require.Equal(t, 201, fb.code, fb.raw)
	off := c.api("POST", env+"/identityProviders", tok, jsonCT, `{"name":"Off","type":"FACEBOOK","enabled":false,"appId":"2","appSecret":"s"}`)
	require.Equal(t, 201, off.code, off.raw)
	fbID, offID := fb.body["id"].(string), off.body["id"].(string)
	pol := c.api("POST", env+"/signOnPolicies", tok, jsonCT, `{"name":"Social"}`)
	require.Equal(t, 201, pol.code, pol.raw)
	actions := env + "/signOnPolicies/" + pol.body["id"].(string) + "/actions"
	assertPlatformError(t, c.api("POST", actions, tok, jsonCT, `{"priority":1,"type":"LOGIN","socialProviders":[{"id":"6f1ab6e4-8b1e-4a8b-9b5f-3f0c2d1e0a99"}]}`),
		400, "INVALID_DATA", "INVALID_VALUE")
	a := c.api("POST", actions, tok, jsonCT, `{"priority":1,"type":"LOGIN","socialProviders":[{"id":"`+fbID+`"},{"id":"`+offID+`"}]}`)
	require.Equal(t, 201, a.code, a.raw)
	as := c.api("POST", env+"/applications/"+f.appID+"/signOnPolicyAssignments", tok, jsonCT, `{"priority":1,"signOnPolicy":{"id":"`+pol.body["id"].(string)+`"}}`)
	require.Equal(t, 201, as.code, as.raw)

	r := f.authorize("response_mode", "pi.flow")
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "USERNAME_PASSWORD_REQUIRED", r.body["status"])
	list := r.body["_embedded"].(map[string]any)["socialProviders"].([]any)
	require.Len(t, list, 1, "only the enabled provider is offered")
	p := list[0].(map[string]any)
	assert.Equal(t, fbID, p["id"])
	assert.Equal(t, "FACEBOOK", p["type"])
	assert.Equal(t, "Facebook", p["name"])
	href := p["_links"].(map[string]any)["authenticate"].(map[string]any)["href"].(string)
	assert.Contains(t, href, "/"+f.envID+"/rp/authenticate?")
	assert.Contains(t, href, "providerId="+fbID)
	assert.Contains(t, href, "flowId="+r.body["id"].(string))

	// The default policy offers none.
	plain := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	pr := plain.authorize("response_mode", "pi.flow")
	require.Equal(t, 200, pr.code, pr.raw)
	assert.NotContains(t, pr.body["_embedded"], "socialProviders")
}
