package pingone_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestItemsOfAnotherEnvironment: a user, application, resource, sign-on
// policy or application role asked for under another environment gets the
// very answer an unknown id gets (PingOne's 404 NOT_FOUND), so no
// environment learns another's ids; under its own environment it is found.
func TestItemsOfAnotherEnvironment(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok := f.c, f.token
	own, other := "/environments/"+f.envID, "/environments/"+c.run.Credentials().AdminEnvID
	create := func(path, body string) string {
		t.Helper()
		r := c.api("POST", own+path, tok, "application/json", body)
		require.Equal(t, 201, r.code, r.raw)
		return r.body["id"].(string)
	}
	resourceID := create("/resources", `{"name":"invoices","type":"CUSTOM"}`)
	policyID := create("/signOnPolicies", `{"name":"Elsewhere"}`)
	roleID := create("/applicationRoles", `{"name":"Accountant"}`)
	const unknown = "00000000-0000-4000-8000-000000000000"
	for _, tc := range []struct{ name, path string }{
		{"user", "/users/" + f.userID},
		{"user's sub-resource", "/users/" + f.userID + "/password"},
		{"application", "/applications/" + f.appID},
		{"resource", "/resources/" + resourceID},
		{"resource's scopes", "/resources/" + resourceID + "/scopes"},
		{"sign-on policy", "/signOnPolicies/" + policyID},
		{"sign-on policy's actions", "/signOnPolicies/" + policyID + "/actions"},
		{"application role's permissions", "/applicationRoles/" + roleID + "/permissions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found := c.api("GET", own+tc.path, tok, "", "")
			assert.Equal(t, 200, found.code, found.raw)
			elsewhere := c.api("GET", other+tc.path, tok, "", "")
			assertPlatformError(t, elsewhere, 404, "NOT_FOUND", "")
			missing := c.api("GET", own+replaceID(tc.path, unknown), tok, "", "")
			assertPlatformError(t, missing, 404, "NOT_FOUND", "")
			assert.Equal(t, missing.body["message"], elsewhere.body["message"])
			assert.Nil(t, elsewhere.body["details"], elsewhere.raw)
		})
	}
}

// replaceID swaps the id in /kind/{id}[/rest] for id.
func replaceID(path, id string) string {
	parts := strings.SplitN(path, "/", 4)
	parts[2] = id
	return strings.Join(parts, "/")
}
