package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/runner"
)

func TestParseNames(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in      []string
		want    []string
		wantErr string
	}{
		{in: []string{"cli"}, want: []string{"cli"}},
		{in: []string{"cli,json,junit,progress"}, want: []string{"cli", "json", "junit", "progress"}},
		{in: []string{"cli", " JSON ,junit", "cli"}, want: []string{"cli", "json", "junit"}},
		{in: []string{"cli,,json"}, want: []string{"cli", "json"}},
		{in: []string{"cli,emojitrain"}, wantErr: `unknown reporter "emojitrain" (available: cli, html, json, junit, progress)`},
		{in: []string{"htmlextra"}, want: []string{"html"}}, // Newman's HTML add-on selects ours
		{in: []string{"html,HTMLextra,json"}, want: []string{"html", "json"}},
	}
	for _, tc := range cases {
		got, err := ParseNames(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseNames(%q) error = %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseNames(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestExportPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cases := []struct{ opt, want string }{
		{"", filepath.Join("newman", "newman-run-report-2026-11-27-02-34-11-510-0.json")},
		{"out/r.json", "out/r.json"},
		{dir, filepath.Join(dir, "newman-run-report-2026-11-27-02-34-11-510-0.json")},
		{"reports/", filepath.Join("reports", "newman-run-report-2026-11-27-02-34-11-510-0.json")},
	}
	for _, tc := range cases {
		got, err := exportPath(tc.opt, "newman-run-report", ".json", t0)
		if err != nil || got != tc.want {
			t.Errorf("exportPath(%q) = %q, %v; want %q", tc.opt, got, err, tc.want)
		}
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func TestNewWritesReportsAtomically(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var stdout bytes.Buffer
	m, err := New([]string{"cli,json", "junit"}, Options{
		Stdout:  &stdout,
		Exports: map[string]string{"json": filepath.Join(dir, "deep", "er", "run.json"), "junit": dir},
		Now:     func() time.Time { return t0 },
	})
	if err != nil {
		t.Fatal(err)
	}
	evs := newDemo().events()
	play(m, evs[:len(evs)/2])
	// Mid-run only temporary files exist.
	for _, f := range listDir(t, dir) {
		if !strings.HasSuffix(f, ".tmp") {
			t.Errorf("final file %s exists before Close", f)
		}
	}
	play(m, evs[len(evs)/2:])
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	files := listDir(t, dir)
	want := []string{filepath.Join("deep", "er", "run.json"), "newman-run-report-2026-11-27-02-34-11-510-0.xml"}
	if !reflect.DeepEqual(files, want) {
		t.Fatalf("files = %q, want %q", files, want)
	}
	if !reflect.DeepEqual(m.Paths(), []string{filepath.Join(dir, want[0]), filepath.Join(dir, want[1])}) {
		t.Errorf("Paths() = %q", m.Paths())
	}
	js, _ := os.ReadFile(filepath.Join(dir, want[0]))
	if !json.Valid(js) {
		t.Error("json report is not valid JSON")
	}
	x, _ := os.ReadFile(filepath.Join(dir, want[1]))
	if err := xml.Unmarshal(x, new(xmlSuites)); err != nil {
		t.Errorf("junit report: %v", err)
	}
	if !strings.Contains(stdout.String(), "Report Demo") {
		t.Error("cli wrote nothing to Stdout")
	}
}

func TestAbortLeavesNoFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	m, err := New([]string{"json,junit"}, Options{Exports: map[string]string{"json": filepath.Join(dir, "r.json"), "junit": filepath.Join(dir, "r.xml")}})
	if err != nil {
		t.Fatal(err)
	}
	play(m, newDemo().events()[:12])
	m.Abort()
	if files := listDir(t, dir); len(files) != 0 {
		t.Errorf("abort left %q", files)
	}
}

func TestNewUnknownReporter(t *testing.T) {
	t.Parallel()
	if _, err := New([]string{"cli,teamcity"}, Options{}); err == nil || !strings.Contains(err.Error(), `unknown reporter "teamcity"`) {
		t.Errorf("err = %v", err)
	}
}

// redactor masks a word and counts flushes, standing in for the vault's
// writer wrapper.
type redactor struct {
	w       io.Writer
	flushed *int
}

func (r redactor) Write(p []byte) (int, error) {
	_, err := r.w.Write(bytes.ReplaceAll(p, []byte("127.0.0.1"), []byte("*********")))
	return len(p), err
}

func (r redactor) Flush() error { *r.flushed++; return nil }

func TestWrapReachesEveryWriter(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var stdout bytes.Buffer
	flushed := 0
	m, err := New([]string{"cli,progress,json,junit,html"}, Options{
		Stdout:  &stdout,
		Wrap:    func(w io.Writer) io.Writer { return redactor{w, &flushed} },
		Exports: map[string]string{"json": filepath.Join(dir, "r.json"), "junit": filepath.Join(dir, "r.xml"), "html": filepath.Join(dir, "r.html")},
	})
	if err != nil {
		t.Fatal(err)
	}
	play(m, newDemo().events())
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	// html wraps three times: the JSON it renders from, and the page's two
	// data blocks (its markup, style and script are courier's own).
	if flushed != 7 {
		t.Errorf("%d wrapped writers flushed, want 7", flushed)
	}
	outputs := map[string][]byte{"stdout": stdout.Bytes()}
	for _, f := range []string{"r.json", "r.xml", "r.html"} {
		outputs[f], _ = os.ReadFile(filepath.Join(dir, f))
	}
	for name, b := range outputs {
		if len(b) == 0 || bytes.Contains(b, []byte("127.0.0.1")) {
			t.Errorf("%s: unredacted or empty (%d bytes)", name, len(b))
		}
	}
}

type recorder struct{ got []runner.Event }

func (r *recorder) Handle(e runner.Event) { r.got = append(r.got, e) }
func (r *recorder) Close() error          { return nil }

func TestMultiFansOutInOrder(t *testing.T) {
	t.Parallel()
	a, b := &recorder{}, &recorder{}
	m := NewMulti(a, b)
	evs := newDemo().events()
	play(m, evs)
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if len(a.got) != len(evs) || !reflect.DeepEqual(a.got, b.got) {
		t.Errorf("fan-out got %d and %d events, want %d each", len(a.got), len(b.got), len(evs))
	}
}
