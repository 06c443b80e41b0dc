//go:build unix

package environments

import (
	"errors"
	"fmt"
	"syscall"
	"time"
)

// LockFile takes an exclusive flock(2) on path, waiting up to timeout. The
// lock dies with the process, so a killed run never leaves the store locked.
// A symbolic link in place of the lock file is refused, never followed.
func LockFile(path string, timeout time.Duration) (func(), error) {
	f, err := openLock(path)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	wait := time.Millisecond
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, err
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("another courier process has held %s for %s", path, timeout)
		}
		time.Sleep(wait)
		wait = min(wait*2, 50*time.Millisecond)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
