// Package atomicfile writes a file whole or not at all: the bytes go to a
// temporary file in the target's directory, which is renamed over the
// target only once it is complete, so a reader (or the next run) sees the
// old file or the new one, never half of one, and a failed write leaves
// the old file as it was.
//
// Missing directories are created, as Newman does for its exports: 0755,
// or 0700 for a file only its owner may read, so a private file's new
// directory is private too.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile writes data to path with permissions perm, and syncs the file
// and its directory entry to disk before returning: for what a user keeps
// (current values, saved collections, a local tenant's state), which a
// crash of the machine right after must not lose or truncate.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.commit(true)
}

// File is a file being written in place of Path; Commit puts it there.
type File struct {
	Path string
	perm os.FileMode
	tmp  *os.File
	bw   *bufio.Writer
	// inPlace says tmp is Path itself, not a file to rename (see Create).
	inPlace bool
}

// Create starts writing path (permissions perm once committed). Writes are
// buffered; nothing is at path until Commit.
//
// A path that is a device, a named pipe or a socket (/dev/null,
// /dev/stdout, a pipe a CI step reads) is written in place: renaming a file
// over it would replace the device itself (as root, /dev/null became a
// plain file for every program on the machine).
func Create(path string, perm os.FileMode) (*File, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		out, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", path, err)
		}
		return &File{Path: path, perm: perm, tmp: out, bw: bufio.NewWriterSize(out, 64<<10), inPlace: true}, nil
	}
	dir := filepath.Dir(path)
	dirPerm := os.FileMode(0o755)
	if perm&0o077 == 0 {
		dirPerm = 0o700
	}
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return nil, fmt.Errorf("writing %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", path, err)
	}
	return &File{Path: path, perm: perm, tmp: tmp, bw: bufio.NewWriterSize(tmp, 64<<10)}, nil
}

func (f *File) Write(p []byte) (int, error) { return f.bw.Write(p) }

// Commit puts the file in place. It does not wait for the disk: reports
// and pages are written on every run, and a flush each would cost every
// run for a file the next run writes again.
func (f *File) Commit() error { return f.commit(false) }

func (f *File) commit(durable bool) error {
	if f.inPlace {
		if err := errors.Join(f.bw.Flush(), f.tmp.Close()); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
		return nil
	}
	err := f.bw.Flush()
	if err == nil {
		err = f.tmp.Chmod(f.perm)
	}
	if err == nil && durable {
		err = f.tmp.Sync()
	}
	err = errors.Join(err, f.tmp.Close())
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.Path)
	}
	if err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("writing %s: %w", f.Path, err)
	}
	if durable {
		// The rename itself survives a crash once the directory is
		// synced. Not every platform can open a directory for syncing;
		// that is not an error.
		if d, err := os.Open(filepath.Dir(f.Path)); err == nil {
			_ = d.Sync()
			d.Close()
		}
	}
	return nil
}

// Abort drops what was written; the file at Path stays as it was (a
// device or pipe written in place gets nothing more).
func (f *File) Abort() {
	f.tmp.Close()
	if !f.inPlace {
		os.Remove(f.tmp.Name())
	}
}
