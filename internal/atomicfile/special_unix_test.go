//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSpecialFilesAreWrittenInPlace: a named pipe (as /dev/null, a device)
// is written through, not replaced by a renamed file: as root, a report
// exported to /dev/null turned the device into a plain file for the whole
// machine.
func TestSpecialFilesAreWrittenInPlace(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		r, err := os.Open(path) // blocks until the writer opens it
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		got <- string(b)
	}()
	if err := WriteFile(path, []byte("report"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode()&os.ModeNamedPipe == 0 {
		// The reader never gets a writer then: do not wait for it.
		t.Fatalf("the pipe was replaced: mode %v", st.Mode())
	}
	if s := <-got; s != "report" {
		t.Errorf("the reader got %q", s)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
