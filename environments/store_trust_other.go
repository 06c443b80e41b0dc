//go:build !unix

package environments

import (
	"os"
)

// Outside Unix, ownership and permission bits do not map onto ACLs; the
// store relies on the per-user directory's own protection.

func readTrusted(path string) ([]byte, error) { return os.ReadFile(path) }

func openLock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
}

func ensureTrustedDir(dir string) error { return os.MkdirAll(dir, 0o700) }

func checkTrustedDir(dir string) error { return nil }
