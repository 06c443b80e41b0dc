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

// TestWriteOnlySecretsNotKeptInClear: values PingOne takes and never
// returns (an LDAP gateway's bindPassword, a propagation store's
// connection secrets) are kept salted and hashed, like passwords: a
// collection may send them from the vault, and the snapshot is written to
// the state directory. They still never come back, and a PATCH that leaves
// them out keeps the stored hash.
func TestWriteOnlySecretsNotKeptInClear(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	const bind, workday, p1 = "Bind-Pw-from-vault-7Qx!", "Workday-Pw-from-vault-3Lm?", "P1-Client-Secret-from-vault-9Zk"
	gw := c.api("POST", env+"/gateways", tok, jsonCT,
		`{"name":"LDAP Gateway","type":"LDAP","enabled":true,"vendor":"PingDirectory","serversHostAndPort":["host1:389"],"bindDN":"cn=svc","bindPassword":"`+bind+`"}`)
	require.Equal(t, 201, gw.code, gw.raw)
	for _, body := range []string{
		`{"type":"Workday","name":"Workday","configuration":{"username":"isu","password":"` + workday + `","tenantId":"t","host":"example.workday.com"}}`,
		`{"type":"PingOne","name":"PingOne","configuration":{"ENVIRONMENT_ID":"` + f.envID + `","REGION":"North America","CLIENT_SECRET":"` + p1 + `"}}`,
	} {
		r := c.api("POST", env+"/propagation/stores", tok, jsonCT, body)
		require.Equal(t, 201, r.code, r.raw)
	}
	gwID := gw.body["id"].(string)
	r := c.api("PUT", env+"/gateways/"+gwID, tok, jsonCT,
		`{"name":"LDAP Gateway","type":"LDAP","enabled":false,"vendor":"PingDirectory","serversHostAndPort":["host1:389"],"bindDN":"cn=svc","bindPassword":"`+bind+`-2"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.NotContains(t, r.raw, bind)
	snap, err := c.run.Server.Snapshot()
	require.NoError(t, err)
	for _, secret := range []string{bind, workday, p1} {
		assert.False(t, strings.Contains(string(snap), secret), "the snapshot holds %q in clear", secret)
	}
	assert.GreaterOrEqual(t, strings.Count(string(snap), "sha256:"), 3)
	for _, path := range []string{env + "/gateways/" + gwID, env + "/propagation/stores"} {
		got := c.api("GET", path, tok, "", "")
		require.Equal(t, 200, got.code, got.raw)
		for _, leak := range []string{bind, workday, p1, "sha256:", "bindPassword", "CLIENT_SECRET"} {
			assert.NotContains(t, got.raw, leak, path)
		}
	}
}
