package pingone_test

import (
	"bytes"
	"encoding/json"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
	"github.com/courier-run/courier/simulators/pingone/pingonetest"
)

// TestStatePersists: with a state file, a restarted PingOne is the same
// tenant: its admin credentials, the environments, users and applications
// made before, and the tokens it issued (access and refresh) still work.
// ResetState starts a new tenant.
func TestStatePersists(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "pingone", "state.json")
	opts := pingone.Options{StateFile: file}
	f := newFixture(t, opts, "")
	tok := f.exchange(f.login("scope", "openid offline_access"))
	require.Equal(t, 200, tok.code, tok.raw)
	creds := f.c.run.Credentials()
	require.NoError(t, f.c.run.Close())

	info, err := os.Stat(file)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "the state holds secrets")

	again := pingonetest.StartWith(t, opts)
	assert.Equal(t, creds, again.Credentials())
	c := newClient(t, again)
	r := c.api("GET", "/environments/"+f.envID+"/users/"+f.userID, f.token, "", "")
	require.Equal(t, 200, r.code, "the admin token of the first run works after the restart: %s", r.raw)
	assert.Equal(t, "ada", r.body["username"])
	r = c.api("GET", "/environments/"+f.envID+"/applications/"+f.appID, c.adminToken(), "", "")
	assert.Equal(t, 200, r.code, r.raw)
	// The user's session and tokens survive too.
	f.c = c
	f.c.hc.Jar, _ = cookiejar.New(nil)
	r = f.c.do("GET", f.auth("/as/userinfo"), map[string]string{"Authorization": "Bearer " + tok.body["access_token"].(string)}, "")
	assert.Equal(t, 200, r.code, r.raw)
	hdr := map[string]string{"Content-Type": formCT, "Authorization": basicAuth(f.appID, f.appSecret)}
	r = f.c.do("POST", f.auth("/as/token"), hdr, form("grant_type", "refresh_token", "refresh_token", tok.body["refresh_token"].(string)))
	assert.Equal(t, 200, r.code, r.raw)
	require.NoError(t, again.Close())

	fresh := pingonetest.StartWith(t, pingone.Options{StateFile: file, ResetState: true})
	assert.NotEqual(t, creds, fresh.Credentials())
	c = newClient(t, fresh)
	r = c.api("GET", "/environments/"+f.envID, c.adminToken(), "", "")
	assert.Equal(t, 403, r.code, "a reset tenant has no environment of the old one: %s", r.raw)
}

// TestStateFileDamaged: a state file that is not a snapshot is an error
// that names the file and the way out, not a panic or a silent reset.
func TestStateFileDamaged(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"version":1,"state":{"users":"nope"}}`), 0o600))
	_, err := pingone.Listen("127.0.0.1:0", pingone.Options{StateFile: file})
	require.Error(t, err)
	assert.Contains(t, err.Error(), file)
	assert.Contains(t, err.Error(), "--reset")
}

// snapshotRoundTrips checks that a server's state survives a save and a
// restore unchanged: restoring a snapshot and saving again gives the same
// state, field for field.
func snapshotRoundTrips(t *testing.T, s *pingone.Server) {
	t.Helper()
	start := time.Now()
	first, err := s.Snapshot()
	require.NoError(t, err)
	t.Logf("snapshot: %d bytes in %s", len(first), time.Since(start))
	other := pingone.New(pingone.Options{})
	require.NoError(t, other.Restore(first))
	second, err := other.Snapshot()
	require.NoError(t, err)
	state := func(b []byte) []byte {
		var f struct{ State json.RawMessage }
		require.NoError(t, json.Unmarshal(b, &f))
		return f.State
	}
	if !bytes.Equal(state(first), state(second)) {
		t.Errorf("the state changed through a save and restore (%d bytes, then %d)", len(state(first)), len(state(second)))
	}
}
