package pingone_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestFlowPoliciesFollowTheBillOfMaterials: only an environment with
// PING_ONE_DAVINCI has the default DaVinci application's flow policy.
func TestFlowPoliciesFollowTheBillOfMaterials(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok := f.c, f.token
	for _, tc := range []struct {
		name     string
		products string
		want     int
	}{
		{"base only", `[{"type":"PING_ONE_BASE"}]`, 0},
		{"base and MFA", `[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_MFA"}]`, 0},
		{"with DaVinci", `[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_DAVINCI"}]`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.api("POST", "/environments", tok, jsonCT, `{"name":"DV `+tc.name+`","type":"SANDBOX","region":"NA","billOfMaterials":{"products":`+tc.products+`}}`)
			require.Equal(t, 201, r.code, r.raw)
			env := "/environments/" + r.body["id"].(string)
			list := embedded(t, c.api("GET", env+"/flowPolicies", tok, "", ""), "flowPolicies")
			require.Len(t, list, tc.want)
			// Listing twice does not seed twice.
			assert.Len(t, embedded(t, c.api("GET", env+"/flowPolicies", tok, "", ""), "flowPolicies"), tc.want)
			if tc.want == 0 {
				return
			}
			p := list[0].(map[string]any)
			assert.Equal(t, true, p["enabled"])
			assert.Equal(t, "AUTHENTICATION", p["trigger"].(map[string]any)["type"])
			app := p["application"].(map[string]any)
			assert.NotEmpty(t, app["id"])
			assert.NotEmpty(t, app["name"])
			assert.NotEmpty(t, p["name"])
			assert.Equal(t, r.body["id"], p["environment"].(map[string]any)["id"])
			for k := range p {
				assert.False(t, strings.HasPrefix(k, "_") && k != "_links", "internal field %s leaked", k)
			}
			one := c.api("GET", env+"/flowPolicies/"+p["id"].(string), tok, "", "")
			require.Equal(t, 200, one.code, one.raw)
			assert.Equal(t, p["id"], one.body["id"])
			assertPlatformError(t, c.api("GET", env+"/flowPolicies/"+strings.Repeat("0", 32), tok, "", ""), 404, "NOT_FOUND", "")
			assert.Equal(t, 405, c.api("POST", env+"/flowPolicies", tok, jsonCT, `{"name":"x"}`).code)
		})
	}
}

// TestPutBillOfMaterials adds DaVinci to an environment created without
// it; kept products keep their ids.
func TestPutBillOfMaterials(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	before := c.api("GET", env+"/billOfMaterials", tok, "", "")
	require.Equal(t, 200, before.code, before.raw)
	baseID := before.body["products"].([]any)[0].(map[string]any)["id"]
	for _, tc := range []struct {
		name, body string
		code       int
		detail     string
	}{
		{"unknown product", `{"products":[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_TELEPATHY"}]}`, 400, "INVALID_VALUE"},
		{"duplicate product", `{"products":[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_BASE"}]}`, 400, "INVALID_VALUE"},
		{"no products", `{}`, 400, "REQUIRED_VALUE"},
		{"adds DaVinci", `{"products":[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_DAVINCI"}]}`, 200, ""},
	} {
		r := c.api("PUT", env+"/billOfMaterials", tok, jsonCT, tc.body)
		if tc.code != 200 {
			assertPlatformError(t, r, tc.code, "INVALID_DATA", tc.detail)
			assert.Empty(t, embedded(t, c.api("GET", env+"/flowPolicies", tok, "", ""), "flowPolicies"), tc.name)
			continue
		}
		require.Equal(t, 200, r.code, r.raw)
		var types []string
		for _, p := range r.body["products"].([]any) {
			pm := p.(map[string]any)
			types = append(types, pm["type"].(string))
			if pm["type"] == "PING_ONE_BASE" {
				assert.Equal(t, baseID, pm["id"], "kept product keeps its id")
			}
		}
		assert.Equal(t, []string{"PING_ONE_BASE", "PING_ONE_DAVINCI"}, types)
		assert.Len(t, embedded(t, c.api("GET", env+"/flowPolicies", tok, "", ""), "flowPolicies"), 1)
	}
}

// dvFixture is a fixture whose environment has DaVinci, with the default
// flow policy's id.
func dvFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	r := f.c.api("PUT", env+"/billOfMaterials", f.token, jsonCT, `{"products":[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_DAVINCI"}]}`)
	require.Equal(t, 200, r.code, r.raw)
	list := embedded(t, f.c.api("GET", env+"/flowPolicies", f.token, "", ""), "flowPolicies")
	require.Len(t, list, 1)
	return f, list[0].(map[string]any)["id"].(string)
}

// TestFlowPolicyAssignmentNeedsAFlowPolicy: PingOne refuses an assignment
// of a flow policy the environment does not have.
func TestFlowPolicyAssignmentNeedsAFlowPolicy(t *testing.T) {
	t.Parallel()
	f, policyID := dvFixture(t)
	c, tok := f.c, f.token
	// Two more environments on the same server: one with DaVinci (its own
	// policy), one without (with an application).
	newEnv := func(name, products string) string {
		r := c.api("POST", "/environments", tok, jsonCT, `{"name":"`+name+`","type":"SANDBOX","region":"NA","billOfMaterials":{"products":`+products+`}}`)
		require.Equal(t, 201, r.code, r.raw)
		return r.body["id"].(string)
	}
	otherEnv := newEnv("Other DaVinci", `[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_DAVINCI"}]`)
	otherPolicy := embedded(t, c.api("GET", "/environments/"+otherEnv+"/flowPolicies", tok, "", ""), "flowPolicies")[0].(map[string]any)["id"].(string)
	plainEnv := newEnv("No DaVinci", `[{"type":"PING_ONE_BASE"}]`)
	app := c.api("POST", "/environments/"+plainEnv+"/applications", tok, jsonCT,
		`{"enabled":true,"name":"Web","type":"WEB_APP","protocol":"OPENID_CONNECT","grantTypes":["AUTHORIZATION_CODE"],"redirectUris":["https://example.com/cb"]}`)
	require.Equal(t, 201, app.code, app.raw)
	plain := struct{ envID, appID, token string }{plainEnv, app.body["id"].(string), tok}
	for _, tc := range []struct {
		name, envID, appID, token, body string
		code                            int
		detail                          string
	}{
		{"the environment's policy", f.envID, f.appID, f.token, `{"priority":1,"flowPolicy":{"id":"` + policyID + `"}}`, 201, ""},
		{"same priority again", f.envID, f.appID, f.token, `{"priority":1,"flowPolicy":{"id":"` + policyID + `"}}`, 400, "UNIQUENESS_VIOLATION"},
		{"unknown policy", f.envID, f.appID, f.token, `{"priority":2,"flowPolicy":{"id":"6f1ab6e4-8b1e-4a8b-9b5f-3f0c2d1e0a99"}}`, 400, "INVALID_VALUE"},
		{"another environment's policy", f.envID, f.appID, f.token, `{"priority":2,"flowPolicy":{"id":"` + otherPolicy + `"}}`, 400, "INVALID_VALUE"},
		{"no policy", f.envID, f.appID, f.token, `{"priority":2}`, 400, "REQUIRED_VALUE"},
		{"environment without DaVinci", plain.envID, plain.appID, plain.token, `{"priority":1,"flowPolicy":{"id":"` + policyID + `"}}`, 400, "INVALID_VALUE"},
	} {
		r := c.api("POST", "/environments/"+tc.envID+"/applications/"+tc.appID+"/flowPolicyAssignments", tc.token, jsonCT, tc.body)
		if tc.code == 201 {
			require.Equal(t, 201, r.code, r.raw)
			assert.Equal(t, policyID, r.body["flowPolicy"].(map[string]any)["id"], tc.name)
			assert.EqualValues(t, 1, r.body["priority"], tc.name)
			continue
		}
		require.Equal(t, tc.code, r.code, "%s: %s", tc.name, r.raw)
		assertPlatformError(t, r, tc.code, "INVALID_DATA", tc.detail)
	}
}

// TestDaVinciAuthorize: an application with a flow policy assignment
// starts DaVinci's flow; without one, PingOne's sign-on flow.
func TestDaVinciAuthorize(t *testing.T) {
	t.Parallel()
	f, policyID := dvFixture(t)
	plainApp := f.appID
	r := f.c.api("POST", "/environments/"+f.envID+"/applications", f.token, jsonCT,
		`{"enabled":true,"name":"DaVinci Web","type":"WEB_APP","protocol":"OPENID_CONNECT","grantTypes":["AUTHORIZATION_CODE"],"redirectUris":["https://example.com/cb"],"tokenEndpointAuthMethod":"CLIENT_SECRET_BASIC"}`)
	require.Equal(t, 201, r.code, r.raw)
	dvApp := r.body["id"].(string)
	a := f.c.api("POST", "/environments/"+f.envID+"/applications/"+dvApp+"/flowPolicyAssignments", f.token, jsonCT, `{"priority":1,"flowPolicy":{"id":"`+policyID+`"}}`)
	require.Equal(t, 201, a.code, a.raw)

	authorize := func(app, mode string, h map[string]string) reply {
		q := url.Values{"response_type": {"code"}, "client_id": {app}, "redirect_uri": {"https://example.com/cb"}, "scope": {"openid"}}
		if mode != "" {
			q.Set("response_mode", mode)
		}
		return f.c.do("GET", f.auth("/as/authorize?"+q.Encode()), h, "")
	}
	for _, tc := range []struct {
		name  string
		app   string
		mode  string
		sdk   bool
		check func(t *testing.T, r reply)
	}{
		{"redirect mode: DaVinci's widget page", dvApp, "", false, func(t *testing.T, r reply) {
			require.Equal(t, 200, r.code, r.raw)
			assert.Contains(t, r.header.Get("Content-Type"), "text/html")
			assert.Contains(t, r.raw, "DaVinci Authentication Widget")
			assert.Empty(t, r.header.Get("Location"))
		}},
		{"pi.flow with ping-sdk: concise JSON", dvApp, "pi.flow", true, func(t *testing.T, r reply) {
			require.Equal(t, 200, r.code, r.raw)
			assert.Contains(t, r.header.Get("Content-Type"), "application/json")
			for _, k := range []string{"interactionId", "interactionToken", "flowId", "connectionId", "id"} {
				assert.NotEmpty(t, r.body[k], k)
			}
			assert.Equal(t, f.envID, r.body["companyId"])
			assert.Equal(t, "customHTMLTemplate", r.body["capabilityName"])
			assert.Equal(t, "continue", r.body["eventName"])
			next := r.body["_links"].(map[string]any)["next"].(map[string]any)["href"].(string)
			assert.True(t, strings.HasSuffix(next, "/"+f.envID+"/davinci/connections/"+r.body["connectionId"].(string)+"/capabilities/customHTMLTemplate"), next)
			fields := r.body["form"].(map[string]any)["components"].(map[string]any)["fields"].([]any)
			var keys []string
			for _, x := range fields {
				keys = append(keys, x.(map[string]any)["key"].(string))
			}
			assert.Equal(t, []string{"username", "password", "SIGNON"}, keys)
			assert.Contains(t, r.header.Values("Set-Cookie")[0]+r.header.Values("Set-Cookie")[1], "interactionToken=")
		}},
		{"pi.flow without ping-sdk: detailed JSON", dvApp, "pi.flow", false, func(t *testing.T, r reply) {
			require.Equal(t, 200, r.code, r.raw)
			assert.Nil(t, r.body["form"])
			html := r.body["screen"].(map[string]any)["properties"].(map[string]any)["customHTML"].(map[string]any)["value"].(string)
			assert.Contains(t, html, `name="username"`)
			assert.Contains(t, html, `name="password"`)
		}},
		{"no assignment: PingOne's sign-on flow", plainApp, "", false, func(t *testing.T, r reply) {
			require.Equal(t, 302, r.code, r.raw)
			assert.Contains(t, r.header.Get("Location"), "/signon/?flowId=")
		}},
		{"no assignment, pi.flow: PingOne's flow JSON", plainApp, "pi.flow", true, func(t *testing.T, r reply) {
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, "USERNAME_PASSWORD_REQUIRED", r.body["status"])
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h map[string]string
			if tc.sdk {
				h = map[string]string{"X-Requested-With": "ping-sdk"}
			}
			tc.check(t, authorize(tc.app, tc.mode, h))
		})
	}
}
