//go:build unix

package environments

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// The store holds values that steer requests (hosts, tokens), so it trusts
// only what its user made: a directory or file another account can write
// could plant a value, and a symbolic link could make courier read or
// create a file elsewhere.

// openNoFollow opens path for reading without following a final symbolic
// link, and checks the file belongs to the current user.
func openNoFollow(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, noFollowErr(path, err)
	}
	if err := checkOwned(f, path); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// readTrusted reads a store file; a missing file reads as nil, nil.
func readTrusted(path string) ([]byte, error) {
	f, err := openNoFollow(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// openLock opens (creating) a lock file without following a symbolic link.
func openLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
	if err != nil {
		return nil, noFollowErr(path, err)
	}
	if err := checkOwned(f, path); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func noFollowErr(path string, err error) error {
	if errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.EMLINK) {
		return fmt.Errorf("%s is a symbolic link: courier does not follow links in its state directory (remove it)", path)
	}
	return err
}

// checkOwned refuses anything but a regular file of the current user that
// no one else can write.
func checkOwned(f *os.File, path string) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (remove it)", path)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Geteuid() {
		return fmt.Errorf("%s belongs to another user (uid %d): courier only reads its own state (remove it)", path, st.Uid)
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s can be written by other users (mode %04o): courier does not trust it (chmod 600 it, or remove it)", path, fi.Mode().Perm())
	}
	return nil
}

// ensureTrustedDir creates dir (and missing parents) with mode 0700, or
// checks that an existing dir is the current user's and that no one else
// can write it.
func ensureTrustedDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating the state directory: %w", err)
	}
	return checkTrustedDir(dir)
}

// checkTrustedDir checks an existing directory; a missing one is fine (it
// holds nothing to trust).
func checkTrustedDir(dir string) error {
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		// A link the user made to put state elsewhere is theirs to make;
		// what it points to must pass the same checks.
		if fi, err = os.Stat(dir); err != nil {
			return err
		}
	}
	if !fi.IsDir() {
		return fmt.Errorf("state directory %s is not a directory", dir)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Geteuid() {
		return fmt.Errorf("state directory %s belongs to another user (uid %d): courier keeps current values only in a directory of its own (use --state-dir)", dir, st.Uid)
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("state directory %s can be written by other users (mode %04o): run chmod 700 %s, or use --state-dir", dir, fi.Mode().Perm(), dir)
	}
	return nil
}
