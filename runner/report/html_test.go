package report

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/runner/report/htmlreport"
)

// TestHTMLMatchesSavedRun: the page a live run writes is the page
// "courier report html" makes from that run's JSON report.
func TestHTMLMatchesSavedRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	spool := t.TempDir()
	m, err := New([]string{"json,htmlextra"}, Options{
		Exports: map[string]string{NameJSON: filepath.Join(dir, "r.json"), NameHTML: filepath.Join(dir, "out", "r.html")},
		JSON:    JSONOptions{SpoolDir: spool},
		HTML:    HTMLOptions{Title: "Demo page"},
	})
	if err != nil {
		t.Fatal(err)
	}
	evs := newDemo().events()
	play(m, evs[:len(evs)/2])
	if _, err := os.Stat(filepath.Join(dir, "out", "r.html")); !os.IsNotExist(err) {
		t.Errorf("the page exists before the run ends (%v)", err)
	}
	play(m, evs[len(evs)/2:])
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	live, err := os.ReadFile(filepath.Join(dir, "out", "r.html"))
	if err != nil {
		t.Fatal(err)
	}
	saved, err := os.Open(filepath.Join(dir, "r.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer saved.Close()
	var fromFile bytes.Buffer
	if err := htmlreport.Render(&fromFile, saved, htmlreport.Options{Title: "Demo page"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(live, fromFile.Bytes()) {
		t.Error("the live page differs from the page rendered from the saved JSON report")
	}
	if !strings.Contains(string(live), `"title":"Demo page"`) || !strings.Contains(string(live), "boom in test") {
		t.Error("the page lacks the run's data")
	}
	if left := listDir(t, spool); len(left) != 0 {
		t.Errorf("spool files left behind: %q", left)
	}
}

func TestHTMLDefaultPathAndAbort(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	m, err := New([]string{"html"}, Options{Exports: map[string]string{NameHTML: dir}, Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Paths(), []string{filepath.Join(dir, "newman-run-report-2026-11-27-02-34-11-510-0.html")}; !reflect.DeepEqual(got, want) {
		t.Errorf("Paths() = %q, want %q", got, want)
	}
	play(m, newDemo().events()[:12])
	m.Abort()
	if files := listDir(t, dir); len(files) != 0 {
		t.Errorf("abort left %q", files)
	}
}
