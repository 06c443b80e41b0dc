package pingone_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// appRoleSetup creates a custom resource, an application resource under
// it, a "write" permission and a role; it returns their ids in that order
// (resource, application resource, permission, role).
func (f *fixture) appRoleSetup(t *testing.T) (string, string, string, string) {
	t.Helper()
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/resources", f.token, "application/json", `{"name":"invoices","type":"CUSTOM"}`)
	require.Equal(t, 201, r.code, r.raw)
	resID := r.body["id"].(string)
	r = f.c.api("POST", env+"/resources/"+resID+"/applicationResources", f.token, "application/json", `{"name":"Documents"}`)
	require.Equal(t, 201, r.code, r.raw)
	arID := r.body["id"].(string)
	r = f.c.api("POST", env+"/applicationResources/"+arID+"/permissions", f.token, "application/json", `{"action":"write"}`)
	require.Equal(t, 201, r.code, r.raw)
	assert.Equal(t, "Documents:write", r.body["key"])
	permID := r.body["id"].(string)
	r = f.c.api("POST", env+"/applicationRoles", f.token, "application/json", `{"name":"Accountant"}`)
	require.Equal(t, 201, r.code, r.raw)
	return resID, arID, permID, r.body["id"].(string)
}

// TestAppRolesValidation: each create of the Authorize routes refuses
// what PingOne refuses, with INVALID_DATA and the detail's code, and
// stores nothing.
func TestAppRolesValidation(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	env := "/environments/" + f.envID
	resID, arID, permID, roleID := f.appRoleSetup(t)
	var openidID string
	r := f.c.api("GET", env+"/resources", f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	for _, x := range r.body["_embedded"].(map[string]any)["resources"].([]any) {
		if m := x.(map[string]any); m["type"] == "OPENID_CONNECT" {
			openidID = m["id"].(string)
		}
	}
	require.NotEmpty(t, openidID)

	for _, tc := range []struct {
		name, path, body, detail string
	}{
		{"application resource without a name", "/resources/" + resID + "/applicationResources", `{"description":"x"}`, "REQUIRED_VALUE"},
		{"application resource name taken", "/resources/" + resID + "/applicationResources", `{"name":"documents"}`, "UNIQUENESS_VIOLATION"},
		{"application resource on a built-in resource", "/resources/" + openidID + "/applicationResources", `{"name":"Other"}`, "INVALID_VALUE"},
		{"permission without an action", "/applicationResources/" + arID + "/permissions", `{"description":"x"}`, "REQUIRED_VALUE"},
		{"permission action with a space", "/applicationResources/" + arID + "/permissions", `{"action":"read all"}`, "INVALID_VALUE"},
		{"permission action taken", "/applicationResources/" + arID + "/permissions", `{"action":"write"}`, "UNIQUENESS_VIOLATION"},
		{"role without a name", "/applicationRoles", `{"description":"x"}`, "REQUIRED_VALUE"},
		{"role name over 20 characters", "/applicationRoles", `{"name":"Accountant_ABCDEFGHIJK"}`, "INVALID_VALUE"},
		{"role name with a symbol", "/applicationRoles", `{"name":"Acc$ountant"}`, "INVALID_VALUE"},
		{"role name taken", "/applicationRoles", `{"name":"accountant"}`, "UNIQUENESS_VIOLATION"},
		{"role permission without an id", "/applicationRoles/" + roleID + "/permissions", `{}`, "REQUIRED_VALUE"},
		{"role permission unknown", "/applicationRoles/" + roleID + "/permissions", `{"id":"` + roleID + `"}`, "INVALID_VALUE"},
		{"user role without an id", "/users/" + f.userID + "/applicationRoles", `{}`, "REQUIRED_VALUE"},
		{"user role unknown", "/users/" + f.userID + "/applicationRoles", `{"id":"` + permID + `"}`, "INVALID_VALUE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertPlatformError(t, f.c.api("POST", env+tc.path, f.token, "application/json", tc.body), 400, "INVALID_DATA", tc.detail)
		})
	}
	// Nothing above was stored.
	r = f.c.api("GET", env+"/applicationResources", f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Len(t, r.body["_embedded"].(map[string]any)["applicationResources"], 1)
	r = f.c.api("GET", env+"/applicationRoles/"+roleID+"/permissions", f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Empty(t, r.body["_embedded"].(map[string]any)["permissions"])

	// Unknown parents are 404; application resources are created only
	// under their custom resource.
	assertPlatformError(t, f.c.api("POST", env+"/resources/"+roleID+"/applicationResources", f.token, "application/json", `{"name":"X"}`), 404, "NOT_FOUND", "")
	assertPlatformError(t, f.c.api("GET", env+"/applicationRoles/"+arID, f.token, "", ""), 404, "NOT_FOUND", "")
	assertPlatformError(t, f.c.api("POST", env+"/users/"+roleID+"/applicationRoles", f.token, "application/json", `{"id":"`+roleID+`"}`), 404, "NOT_FOUND", "")
	assertPlatformError(t, f.c.api("POST", env+"/applicationResources", f.token, "application/json", `{"name":"X"}`), 405, "METHOD_NOT_ALLOWED", "")
}

// TestAppRoleAssignments: a role holds a permission once, an assignment
// shows from the user and from the role, and deleting the role drops its
// assignments.
func TestAppRoleAssignments(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	env := "/environments/" + f.envID
	_, _, permID, roleID := f.appRoleSetup(t)
	r := f.c.api("POST", env+"/applicationRoles/"+roleID+"/permissions", f.token, "application/json", `{"id":"`+permID+`"}`)
	require.Equal(t, 200, r.code, r.raw)
	assertPlatformError(t, f.c.api("POST", env+"/applicationRoles/"+roleID+"/permissions", f.token, "application/json", `{"id":"`+permID+`"}`),
		400, "INVALID_DATA", "UNIQUENESS_VIOLATION")

	r = f.c.api("POST", env+"/users/"+f.userID+"/applicationRoles", f.token, "application/json", `{"id":"`+roleID+`"}`)
	require.Equal(t, 201, r.code, r.raw)
	assert.Equal(t, roleID, r.body["role"].(map[string]any)["id"])
	assertPlatformError(t, f.c.api("POST", env+"/users/"+f.userID+"/applicationRoles", f.token, "application/json", `{"id":"`+roleID+`"}`),
		400, "INVALID_DATA", "UNIQUENESS_VIOLATION")

	r = f.c.api("GET", env+"/applicationRoles/"+roleID+"/assignments", f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	got := r.body["_embedded"].(map[string]any)["assignments"].([]any)
	require.Len(t, got, 1)
	assert.Equal(t, f.userID, got[0].(map[string]any)["subject"].(map[string]any)["id"])

	r = f.c.api("DELETE", env+"/applicationRoles/"+roleID, f.token, "", "")
	require.Equal(t, 204, r.code, r.raw)
	r = f.c.api("GET", env+"/users/"+f.userID+"/applicationRoles", f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Empty(t, r.body["_embedded"].(map[string]any)["applicationRoles"])
}
