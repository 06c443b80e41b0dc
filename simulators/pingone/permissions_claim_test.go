package pingone_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestPermissionsClaim: a custom resource with
// applicationPermissionsSettings.claimEnabled puts the "resource:action"
// keys the user holds through application roles in the p1.permissions
// claim of the user's access token for it (and in introspection); without
// the setting, or without roles, the claim is absent; permissions on
// another custom resource's application resources stay out.
func TestPermissionsClaim(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name        string
		settings    string // the resource's applicationPermissionsSettings, "" for none
		assignRoles bool
		want        []any // nil: no claim
	}{
		{"claim enabled, two roles sharing a permission", `{"claimEnabled":true}`, true, []any{"invoices:read", "invoices:write"}},
		{"claim disabled", `{"claimEnabled":false}`, true, nil},
		{"no settings", "", true, nil},
		{"claim enabled, no roles", `{"claimEnabled":true}`, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, pingone.Options{}, "")
			env := "/environments/" + f.envID
			post := func(path, body string, status int) map[string]any {
				t.Helper()
				r := f.c.api("POST", env+path, f.token, "application/json", body)
				require.Equal(t, status, r.code, r.raw)
				return r.body
			}
			resBody := `{"name":"Billing","type":"CUSTOM","audience":"https://billing.example.com"`
			if tc.settings != "" {
				resBody += `,"applicationPermissionsSettings":` + tc.settings
			}
			res := post("/resources", resBody+`}`, 201)
			resID := res["id"].(string)
			wantSetting := tc.settings == `{"claimEnabled":true}`
			assert.Equal(t, map[string]any{"claimEnabled": wantSetting}, res["applicationPermissionsSettings"])
			scope := post("/resources/"+resID+"/scopes", `{"name":"bill"}`, 201)
			post("/applications/"+f.appID+"/grants", `{"resource":{"id":"`+resID+`"},"scopes":[{"id":"`+scope["id"].(string)+`"}]}`, 201)

			// invoices:read and invoices:write under Billing; reports:read
			// under another custom resource.
			ar := post("/resources/"+resID+"/applicationResources", `{"name":"invoices"}`, 201)["id"].(string)
			read := post("/applicationResources/"+ar+"/permissions", `{"action":"read"}`, 201)["id"].(string)
			write := post("/applicationResources/"+ar+"/permissions", `{"action":"write"}`, 201)["id"].(string)
			other := post("/resources", `{"name":"Reports","type":"CUSTOM","applicationPermissionsSettings":{"claimEnabled":true}}`, 201)["id"].(string)
			otherAR := post("/resources/"+other+"/applicationResources", `{"name":"reports"}`, 201)["id"].(string)
			reports := post("/applicationResources/"+otherAR+"/permissions", `{"action":"read"}`, 201)["id"].(string)

			clerk := post("/applicationRoles", `{"name":"Clerk"}`, 201)["id"].(string)
			boss := post("/applicationRoles", `{"name":"Boss"}`, 201)["id"].(string)
			post("/applicationRoles/"+clerk+"/permissions", `{"id":"`+write+`"}`, 200)
			post("/applicationRoles/"+boss+"/permissions", `{"id":"`+write+`"}`, 200)
			post("/applicationRoles/"+boss+"/permissions", `{"id":"`+read+`"}`, 200)
			post("/applicationRoles/"+boss+"/permissions", `{"id":"`+reports+`"}`, 200)
			if tc.assignRoles {
				post("/users/"+f.userID+"/applicationRoles", `{"id":"`+clerk+`"}`, 201)
				post("/users/"+f.userID+"/applicationRoles", `{"id":"`+boss+`"}`, 201)
			}

			tok := f.exchange(f.login("scope", "openid bill"))
			require.Equal(t, 200, tok.code, tok.raw)
			access := tok.body["access_token"].(string)
			claims := decodeClaims(t, access)
			assert.Equal(t, []any{"https://billing.example.com"}, claims["aud"])
			intro := f.c.do("POST", f.auth("/as/introspect"), map[string]string{"Content-Type": formCT, "Authorization": basicAuth(f.appID, f.appSecret)}, form("token", access))
			require.Equal(t, 200, intro.code, intro.raw)
			require.Equal(t, true, intro.body["active"])
			if tc.want == nil {
				assert.NotContains(t, claims, "p1.permissions")
				assert.NotContains(t, intro.body, "p1.permissions")
				return
			}
			assert.Equal(t, tc.want, claims["p1.permissions"])
			assert.Equal(t, tc.want, intro.body["p1.permissions"])
		})
	}
}

// TestPermissionsSettingsValidation: applicationPermissionsSettings must
// be an object with a boolean claimEnabled.
func TestPermissionsSettingsValidation(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	for _, body := range []string{
		`{"name":"A","applicationPermissionsSettings":true}`,
		`{"name":"B","applicationPermissionsSettings":{"claimEnabled":"yes"}}`,
	} {
		assertPlatformError(t, f.c.api("POST", "/environments/"+f.envID+"/resources", f.token, "application/json", body), 400, "INVALID_DATA", "INVALID_VALUE")
	}
}
