//go:build unix

package environments

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFindInPostmanFolder: -e NAME in a v12 repository finds the file by
// its name or by its name: field, and never opens a named pipe that sits
// among the environments (the open would block; the same check keeps out
// devices such as a link to /dev/zero, which would never end).
func TestFindInPostmanFolder(t *testing.T) {
	t.Parallel()
	pm := t.TempDir()
	dir := filepath.Join(pm, "environments")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("dev.environment.yaml", "name: Development\nvalues: []\n")
	write("b.environment.yaml", "name: Staging\nvalues: []\n")
	write("c.environment.yaml", "name: staging\nvalues: []\n")
	pipe := filepath.Join(dir, "pipe.environment.yaml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	tests := []struct{ name, want, wantErr string }{
		{"dev", "dev.environment.yaml", ""},
		{"Development", "dev.environment.yaml", ""},
		{"development", "dev.environment.yaml", ""},
		{"Staging", "b.environment.yaml", ""},
		{"STAGING", "", "is ambiguous"},
		{"pipe", "", `no environment named "pipe"`},
	}
	type result struct{ got, err string }
	for _, tt := range tests {
		done := make(chan result, 1)
		go func() {
			p, err := FindInPostmanFolder(pm, tt.name, false)
			r := result{got: filepath.Base(p)}
			if err != nil {
				r.err = err.Error()
			}
			done <- r
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(time.Minute):
			// A regression blocks in open(2); the goroutine stays blocked,
			// harmlessly, until the test binary exits.
			t.Fatalf("%s: finding the environment did not return (it opened the named pipe)", tt.name)
		}
		if tt.wantErr != "" {
			if !strings.Contains(r.err, tt.wantErr) {
				t.Errorf("%s: error %q, want one containing %q", tt.name, r.err, tt.wantErr)
			}
			continue
		}
		if r.err != "" || r.got != tt.want {
			t.Errorf("%s: %s, %s; want %s", tt.name, r.got, r.err, tt.want)
		}
	}
}
