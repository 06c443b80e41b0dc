package cmdutil

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/vault"
)

// TestVaultIndexLock checks that the keyring's index lock is a file lock in
// the state directory: a second holder (as another process would be) waits
// until the first lets go.
func TestVaultIndexLock(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	getenv := func(k string) string {
		if k == "COURIER_STATE_DIR" {
			return dir + "/state"
		}
		return ""
	}
	var k *vault.Keyring
	for _, st := range Vault(getenv) {
		if kr, ok := st.(*vault.Keyring); ok {
			k = kr
		}
	}
	require.NotNil(t, k, "the chain has a keyring")
	require.NotNil(t, k.IndexLock)

	unlock, err := k.IndexLock()
	require.NoError(t, err)
	got := make(chan struct{})
	go func() {
		u, err := k.IndexLock()
		assert.NoError(t, err)
		close(got)
		if u != nil {
			u()
		}
	}()
	select {
	case <-got:
		t.Fatal("a second holder got the vault index lock while the first held it")
	case <-time.After(100 * time.Millisecond):
	}
	unlock()
	select {
	case <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("the second holder never got the lock after it was released")
	}
	assert.FileExists(t, dir+"/state/vault-index.lock")
}
