package pingone_test

import (
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestIntegrationVersionShape pins the integration version fields to
// PingOne's integration version model (PRODUCT_INTEGRATION_KIT variant):
// name, number, releasedOn as yyyy-mm-dd, type and integration.id.
func TestIntegrationVersionShape(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	list := embedded(t, c.api("GET", env+"/integrations?expand=latestVersion&filter="+urlQuery(`name co "PingID"`), tok, "", ""), "integrations")
	require.Len(t, list, 1)
	in := list[0].(map[string]any)
	inID := in["id"].(string)
	versions := embedded(t, c.api("GET", env+"/integrations/"+inID+"/versions", tok, "", ""), "versions")
	require.Len(t, versions, 2)
	first := versions[0].(map[string]any)
	one := c.api("GET", env+"/integrations/"+inID+"/versions/"+first["id"].(string), tok, "", "")
	require.Equal(t, 200, one.code, one.raw)

	day := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, tc := range []struct {
		name string
		v    map[string]any
	}{
		{"latestVersion embedded in the list", in["_embedded"].(map[string]any)["latestVersion"].(map[string]any)},
		{"first of versions", first},
		{"second of versions", versions[1].(map[string]any)},
		{"single version", one.body},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := tc.v
			assert.Equal(t, "PRODUCT_INTEGRATION_KIT", v["type"])
			assert.Equal(t, inID, v["integration"].(map[string]any)["id"])
			assert.Regexp(t, `^\d+\.\d+\.\d+$`, v["number"])
			assert.Equal(t, in["name"].(string)+" "+v["number"].(string), v["name"])
			assert.Regexp(t, day, v["releasedOn"])
			for _, gone := range []string{"version", "releasedAt"} {
				assert.NotContains(t, v, gone, "not a field of PingOne's integration version")
			}
			links := v["_links"].(map[string]any)
			assert.True(t, strings.HasSuffix(links["asset"].(map[string]any)["href"].(string), "/versions/"+v["id"].(string)+"/asset"))
		})
	}
}

// TestInvalidDataErrorShape pins the top-level error PingOne's "Error
// codes" page shows: 400 with id, code INVALID_DATA and its fixed message.
func TestInvalidDataErrorShape(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	for _, tc := range []struct {
		name, path, body string
	}{
		{"population without a name", env + "/populations", `{}`},
		{"group without a name", env + "/groups", `{"description":"x"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := f.c.api("POST", tc.path, f.token, "application/json", tc.body)
			assertPlatformError(t, r, 400, "INVALID_DATA", "")
			assert.Equal(t, "The request could not be completed. One or more validation errors were in the request.", r.body["message"])
			assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, r.body["id"])
			assert.True(t, strings.HasPrefix(r.header.Get("Content-Type"), "application/json"), r.header.Get("Content-Type"))
			details, _ := r.body["details"].([]any)
			require.NotEmpty(t, details, r.raw)
			d := details[0].(map[string]any)
			assert.NotEmpty(t, d["code"])
			assert.Equal(t, "name", d["target"], r.raw)
			assert.NotEmpty(t, d["message"])
		})
	}
}

// TestUsernamePasswordFlowLinks pins the links PingOne's Read Flow lists
// for USERNAME_PASSWORD_REQUIRED: usernamePassword.check and
// password.forgot always, authenticate when the login action offers an
// external provider (its link starts the external authentication).
func TestUsernamePasswordFlowLinks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		social   bool
		wantAuth bool
	}{
		{"login action without providers", false, false},
		{"login action with a social provider", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, pingone.Options{}, "")
			action := `{"type":"LOGIN","priority":1}`
			idp := ""
			if tc.social {
				idp = f.oidcProvider(t)
				action = `{"type":"LOGIN","priority":1,"socialProviders":[{"id":"` + idp + `"}]}`
			}
			f.policyWith(t, action)
			f.c.hc.Jar, _ = cookiejar.New(nil)
			flowID := flowIDFrom(t, f.authorize())
			r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, "USERNAME_PASSWORD_REQUIRED", r.body["status"])
			links := r.body["_links"].(map[string]any)
			assert.Contains(t, links, "usernamePassword.check")
			assert.Contains(t, links, "password.forgot")
			if !tc.wantAuth {
				assert.NotContains(t, links, "authenticate")
				return
			}
			href := links["authenticate"].(map[string]any)["href"].(string)
			u, err := url.Parse(href)
			require.NoError(t, err)
			assert.Equal(t, "/"+f.envID+"/rp/authenticate", u.Path)
			assert.Equal(t, idp, u.Query().Get("providerId"))
			assert.Equal(t, flowID, u.Query().Get("flowId"))
			social := r.body["_embedded"].(map[string]any)["socialProviders"].([]any)
			require.Len(t, social, 1)
			assert.Equal(t, idp, social[0].(map[string]any)["id"])
			// Following the link redirects to the provider's authorization endpoint.
			auth := f.c.do("GET", href, nil, "")
			require.Equal(t, 302, auth.code, auth.raw)
			assert.Contains(t, auth.header.Get("Location"), "/"+f.envID+"/as/authorize?")
		})
	}
}
