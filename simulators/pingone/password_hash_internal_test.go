package pingone

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPasswordIs: a hashed password matches itself only, two hashes of
// one password differ (salted), and a user without a password matches
// nothing.
func TestPasswordIs(t *testing.T) {
	t.Parallel()
	u := &user{password: hashPassword("Pw-1234!")}
	assert.True(t, u.passwordIs("Pw-1234!"))
	assert.False(t, u.passwordIs("pw-1234!"))
	assert.False(t, u.passwordIs(""))
	assert.NotEqual(t, hashPassword("Pw-1234!"), hashPassword("Pw-1234!"))
	assert.False(t, (&user{password: "Plain-1!"}).passwordIs("Plain-1!"), "a plain password is hashed on restore, never compared")
	assert.False(t, (&user{}).passwordIs(""))
	assert.Empty(t, hashPassword(""))
	assert.False(t, (&user{password: "sha256:zz:00"}).passwordIs("x"), "a damaged hash matches nothing")
}

// TestRestoreHashesPlainPasswords: a tenant file saved before passwords
// were hashed holds them in clear; restoring it hashes them, so the next
// snapshot (OpenState writes one at once) no longer holds them, and the
// users still sign on with them.
func TestRestoreHashesPlainPasswords(t *testing.T) {
	t.Parallel()
	old := New(Options{})
	old.users = map[string]*user{"u1": {id: "u1", password: "Plain-Pw-7Qx!"}, "u2": {id: "u2"}}
	snap, err := old.Snapshot()
	require.NoError(t, err)
	require.Contains(t, string(snap), "Plain-Pw-7Qx!", "the legacy snapshot the test restores")

	s := New(Options{})
	require.NoError(t, s.Restore(snap))
	again, err := s.Snapshot()
	require.NoError(t, err)
	assert.NotContains(t, string(again), "Plain-Pw-7Qx!")
	assert.True(t, strings.HasPrefix(s.users["u1"].password, hashPrefix))
	assert.True(t, s.users["u1"].passwordIs("Plain-Pw-7Qx!"))
	assert.False(t, s.users["u1"].passwordIs("plain-pw-7qx!"))
	assert.Empty(t, s.users["u2"].password, "no password stays none")
}

// TestRestoreHashesPlainSecretFields: a tenant saved before write-only
// values were hashed (write_only.go) has them hashed when it is loaded; a
// value already hashed stays as it is.
func TestRestoreHashesPlainSecretFields(t *testing.T) {
	t.Parallel()
	old := New(Options{})
	st := old.more()
	hashed := hashPassword("Already-Hashed-4Kp")
	st.recs["g1"] = &rec{id: "g1", kind: "gateways", body: map[string]any{"type": "LDAP", "bindPassword": "Plain-Bind-7Qx!"}}
	st.recs["g2"] = &rec{id: "g2", kind: "gateways", body: map[string]any{"type": "LDAP", "bindPassword": hashed}}
	st.recs["s1"] = &rec{id: "s1", kind: "stores", body: map[string]any{"type": "Workday",
		"configuration": map[string]any{"username": "isu", "password": "Plain-Workday-3Lm?"}}}
	snap, err := old.Snapshot()
	require.NoError(t, err)
	require.Contains(t, string(snap), "Plain-Bind-7Qx!", "the legacy snapshot the test restores")

	s := New(Options{})
	require.NoError(t, s.Restore(snap))
	again, err := s.Snapshot()
	require.NoError(t, err)
	for _, plain := range []string{"Plain-Bind-7Qx!", "Plain-Workday-3Lm?"} {
		assert.NotContains(t, string(again), plain)
	}
	recs := s.more().recs
	assert.True(t, strings.HasPrefix(recs["g1"].body["bindPassword"].(string), hashPrefix))
	assert.Equal(t, hashed, recs["g2"].body["bindPassword"])
	conf := recs["s1"].body["configuration"].(map[string]any)
	assert.True(t, strings.HasPrefix(conf["password"].(string), hashPrefix))
	assert.Equal(t, "isu", conf["username"])
}
