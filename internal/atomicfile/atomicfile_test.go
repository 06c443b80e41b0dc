package atomicfile

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name      string
		path      string
		perm      os.FileMode
		wantDir   os.FileMode
		firstData string
	}{
		{"shared file, new directory", filepath.Join(dir, "out", "report.json"), 0o644, 0o755, "old"},
		{"private file, new directory", filepath.Join(dir, "state", "jar.json"), 0o600, 0o700, "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if err := WriteFile(tt.path, []byte(tt.firstData), tt.perm); err != nil {
				t.Fatal(err)
			}
			if err := WriteFile(tt.path, []byte("new"), tt.perm); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(tt.path)
			if err != nil || string(got) != "new" {
				t.Fatalf("read %q, %v; want the new content", got, err)
			}
			if runtime.GOOS == "windows" {
				return
			}
			st, _ := os.Stat(tt.path)
			dst, _ := os.Stat(filepath.Dir(tt.path))
			if st.Mode().Perm() != tt.perm || dst.Mode().Perm()&^tt.wantDir != 0 {
				t.Errorf("file %v, directory %v; want %v and at most %v", st.Mode().Perm(), dst.Mode().Perm(), tt.perm, tt.wantDir)
			}
			assertNoTemporaries(t, filepath.Dir(tt.path))
		})
	}
}

// An aborted file, or one whose commit fails, leaves the target as it was
// and no temporary file behind.
func TestAbortAndFailedCommit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "page.html")
	if err := WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Create(target, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	f.Abort()

	// A directory in the way of the rename makes Commit fail.
	blocked := filepath.Join(dir, "blocked")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	g, err := Create(blocked, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	g.Write([]byte("data"))
	if err := g.Commit(); err == nil {
		t.Error("Commit over a non-empty directory succeeded")
	}
	if got, _ := os.ReadFile(target); string(got) != "old" {
		t.Errorf("target holds %q after an abort, want the old content", got)
	}
	assertNoTemporaries(t, dir)
}

func assertNoTemporaries(t *testing.T, dir string) {
	t.Helper()
	tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(tmps) != 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}
