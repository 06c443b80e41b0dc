package cmdutil

import (
	"os"
	"path/filepath"
	"time"

	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/vault"
)

// indexLockTimeout bounds the wait for another courier process updating
// the vault index (a few keyring calls).
const indexLockTimeout = 10 * time.Second

// KeyringTimeout bounds each call the commands make to the OS keyring
// (vault.DefaultTimeout: a locked keyring waits on a prompt nobody
// answers). Tests that talk to a real Secret Service lift it: on a loaded
// machine it would be a speed bound on the daemon (one stopped 4 s at a
// time failed them).
var KeyringTimeout = vault.DefaultTimeout

// Vault is the vault store the commands use: vault.Default, with the
// keyring's index updates serialized across courier processes by a file
// lock in the state directory (COURIER_STATE_DIR or the per-user default).
func Vault(getenv func(string) string) vault.Chain {
	c := vault.Default(getenv)
	for _, st := range c {
		if k, ok := st.(*vault.Keyring); ok {
			k.Timeout = KeyringTimeout
			k.IndexLock = func() (func(), error) { return lockVaultIndex(getenv) }
		}
	}
	return c
}

func lockVaultIndex(getenv func(string) string) (func(), error) {
	dir, err := environments.StateDir(getenv)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return environments.LockFile(filepath.Join(dir, "vault-index.lock"), indexLockTimeout)
}
