package pingone_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestPasswordsNotKeptInClear: the tenant is saved to the state
// directory, and a collection may set a user's password from the vault,
// so the snapshot holds no password as sent, only a salted hash; sign-on
// and password changes still check it, and a wrong one still fails.
func TestPasswordsNotKeptInClear(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	const secret = "Vault-Pw-Q7zK9-xx!"
	r := f.c.api("PUT", "/environments/"+f.envID+"/users/"+f.userID+"/password", f.token, "application/vnd.pingidentity.password.set+json",
		`{"value":"`+secret+`","forceChange":false}`)
	require.Equal(t, 200, r.code, r.raw)
	r = f.c.api("POST", "/environments/"+f.envID+"/users", f.token, "application/json",
		`{"username":"bob","email":"bob@example.com","password":{"value":"Created-Pw-5Lq!","forceChange":false}}`)
	require.Equal(t, 201, r.code, r.raw)
	snap, err := f.c.run.Server.Snapshot()
	require.NoError(t, err)
	for _, pw := range []string{secret, "Created-Pw-5Lq!", "2FederateM0re!"} {
		assert.NotContains(t, string(snap), pw)
	}
	assert.Contains(t, string(snap), "sha256:")

	check := map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}
	flowID := flowIDFrom(t, f.authorize())
	r = f.c.do("POST", f.auth("/flows/"+flowID), check, `{"username":"ada","password":"`+strings.ToLower(secret)+`"}`)
	assert.NotEqual(t, 200, r.code, "a wrong password: %s", r.raw)
	r = f.c.do("POST", f.auth("/flows/"+flowID), check, `{"username":"ada","password":"`+secret+`"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])
}
