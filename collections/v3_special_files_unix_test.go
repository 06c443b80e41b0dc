//go:build unix

package collections

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestV3SpecialFilesSkipped: a named pipe (or a link to a device) where a
// collection keeps a request or its definition is skipped with a warning.
// Opening a pipe blocks until a writer comes, so reading one would hang
// the run, and /dev/zero would never end.
func TestV3SpecialFilesSkipped(t *testing.T) {
	t.Parallel()
	repo := t.TempDir()
	dir := filepath.Join(repo, "postman", "collections", "Demo")
	if err := os.MkdirAll(filepath.Join(dir, ".resources"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Ok.request.yaml"), []byte(req("http://127.0.0.1/ok", "")), 0o644); err != nil {
		t.Fatal(err)
	}
	pipes := []string{filepath.Join(dir, "Hang.request.yaml"), filepath.Join(dir, ".resources", "definition.yaml")}
	for _, p := range pipes {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "Zero.request.yaml")); err != nil {
		t.Fatal(err)
	}

	type result struct {
		refs   []V3Ref
		c      *Collection
		err    error
		export error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.refs, _ = FindV3Collections(repo)
		r.c, r.err = LoadFile(dir)
		if r.err == nil {
			// --export-collection copies the directory and rewrites the definition.
			r.export = ExportV3Dir(r.c, filepath.Join(t.TempDir(), "out"))
		}
		done <- r
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(time.Minute):
		// A regression blocks in open(2) on a pipe: give each a writer
		// so the goroutine ends, then fail.
		for _, p := range pipes {
			if f, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				f.Close()
			}
		}
		t.Fatal("loading a collection with a named pipe in it did not return")
	}
	if len(r.refs) != 1 || r.refs[0].Name != "Demo" {
		t.Errorf("FindV3Collections = %+v, want Demo named after its directory", r.refs)
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.export != nil {
		t.Errorf("export: %v", r.export)
	}
	if got := names(r.c); len(got) != 1 || got[0] != "Ok" {
		t.Errorf("items = %q, want only Ok", got)
	}
	text := noticeText(r.c)
	for _, want := range []string{
		"Hang.request.yaml: a named pipe, not a regular file",
		"Zero.request.yaml: a device, not a regular file",
		"definition.yaml: a named pipe, not a regular file",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("notices lack %q:\n%s", want, text)
		}
	}
}
