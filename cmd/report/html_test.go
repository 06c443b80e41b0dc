package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/cmd/root"
)

// demo is the JSON reporter's golden report (two iterations, failures).
var demo = filepath.Join("..", "..", "testdata", "golden", "report", "report.json")

func courier(t *testing.T, stdin string, args ...string) (cmdutil.ExitCode, string, string) {
	t.Helper()
	ios, in, out, errOut := cmdutil.Test()
	in.WriteString(stdin)
	code := root.Execute(context.Background(), ios, args)
	return code, out.String(), errOut.String()
}

func copyDemo(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReportHTML(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := copyDemo(t, dir, "run.json")

	// Beside the report by default.
	code, _, stderr := courier(t, "", "report", "html", src)
	if code != cmdutil.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "run.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", `"title":"Report Demo"`, "expected response to have status code 201 but got 200"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	if !strings.Contains(stderr, "wrote "+filepath.Join(dir, "run.html")) {
		t.Errorf("stderr = %q", stderr)
	}

	// -o, --title, --max-body.
	out := filepath.Join(dir, "site", "index.html")
	if code, _, stderr := courier(t, "", "report", "html", src, "-o", out, "--title", "Nightly", "--max-body", "50"); code != cmdutil.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, _ = os.ReadFile(out)
	if !bytes.Contains(page, []byte(`"title":"Nightly"`)) || !bytes.Contains(page, []byte(`"maxBody":50`)) {
		t.Error("the flags did not reach the page")
	}

	// Standard input to standard output.
	data, _ := os.ReadFile(src)
	code, stdout, stderr := courier(t, string(data), "report", "html", "-", "-o", "-")
	if code != cmdutil.ExitOK || !strings.HasPrefix(stdout, "<!DOCTYPE html>") || !strings.HasSuffix(stdout, "</html>\n") {
		t.Errorf("stdin to stdout: exit %d, %d bytes, stderr %q", code, len(stdout), stderr)
	}
}

func TestReportHTMLBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"run":{"executions":[{"cursor":`), 0o644); err != nil {
		t.Fatal(err)
	}
	// An existing page survives a failed render whole.
	old := filepath.Join(dir, "bad.html")
	if err := os.WriteFile(old, []byte("old page"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code cmdutil.ExitCode
		want string
	}{
		{"missing file", []string{filepath.Join(dir, "nope.json")}, cmdutil.ExitInput, "reading the report: open " + filepath.Join(dir, "nope.json")},
		{"cut short", []string{bad}, cmdutil.ExitInput, bad + ": the report ends early (in run.executions[0]"},
		{"not a report", []string{filepath.Join("..", "..", "testdata", "examples", "echo.postman_collection.json"), "-o", filepath.Join(dir, "x.html")}, cmdutil.ExitInput, `it has no "run"`},
		{"no report", nil, cmdutil.ExitUsage, "expected one JSON report"},
		{"stdin needs -o", []string{"-"}, cmdutil.ExitUsage, "name the page with -o"},
		{"max-body 0", []string{bad, "--max-body", "0"}, cmdutil.ExitUsage, "--max-body must be positive"},
	}
	for _, tt := range tests {
		code, _, stderr := courier(t, "", append([]string{"report", "html"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.name, code, stderr, tt.code, tt.want)
		}
	}
	if got, _ := os.ReadFile(old); string(got) != "old page" {
		t.Errorf("the old page became %q", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || e.Name() == "x.html" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestRunThenReport: courier run -r htmlextra writes the page that courier
// report html makes from the same run's JSON report.
func TestRunThenReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	live, saved := filepath.Join(dir, "live.html"), filepath.Join(dir, "run.json")
	code, _, stderr := courier(t, "", "run", filepath.Join("..", "..", "testdata", "examples", "echo.postman_collection.json"), "--local-echo", "--no-persist",
		"-r", "htmlextra,json", "--reporter-htmlextra-export", live, "--reporter-json-export", saved, "--reporter-htmlextra-title", "Echo checks")
	if code != cmdutil.ExitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	if code, _, stderr := courier(t, "", "report", "html", saved, "--title", "Echo checks"); code != cmdutil.ExitOK {
		t.Fatalf("report html: exit %d: %s", code, stderr)
	}
	a, err := os.ReadFile(live)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "run.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) || !bytes.Contains(a, []byte(`"title":"Echo checks"`)) {
		t.Error("the live page and the page of the saved report differ")
	}
}

// TestHTMLExtraOptions: a Newman command line with htmlextra's options
// runs; the privacy ones leave data out, cosmetic ones get a note, and the
// ones courier cannot honour stop the run.
func TestHTMLExtraOptions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := filepath.Join(dir, "r.html")
	coll := filepath.Join("..", "..", "testdata", "examples", "echo.postman_collection.json")
	code, _, stderr := courier(t, "", "run", coll, "--local-echo", "--no-persist", "-r", "htmlextra", "--reporter-htmlextra-export", page,
		"--reporter-html-max-body", "100", "--reporter-htmlextra-skipSensitiveData", "--reporter-htmlextra-logs", "--reporter-htmlextra-browserTitle", "Nightly", "--reporter-htmlextra-timezone", "Europe/Paris")
	if code != cmdutil.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{`"h":[`, `"t":"{`, "User-Agent"} {
		if bytes.Contains(data, []byte(gone)) {
			t.Errorf("skipSensitiveData left %q in the page", gone)
		}
	}
	if !bytes.Contains(data, []byte(`"omit":true`)) || !bytes.Contains(data, []byte(`"title":"Nightly"`)) || !bytes.Contains(data, []byte(`"maxBody":100`)) {
		t.Error("the page does not say bodies were left out, or lacks the title")
	}
	for _, want := range []string{"--reporter-htmlextra-logs has no effect", "--reporter-htmlextra-timezone has no effect"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, stderr)
		}
	}
	code, _, stderr = courier(t, "", "run", coll, "--local-echo", "-r", "htmlextra", "--reporter-htmlextra-template", "dash.hbs")
	if code != cmdutil.ExitUsage || !strings.Contains(stderr, "--reporter-htmlextra-template is not supported") {
		t.Errorf("template: exit %d, %s", code, stderr)
	}
	// Both refused options are named, in name order, on every run.
	code, _, stderr = courier(t, "", "run", coll, "--local-echo", "-r", "htmlextra", "--reporter-htmlextra-template", "dash.hbs", "--reporter-htmlextra-skipFolders", "A")
	want := "--reporter-htmlextra-skipFolders is not supported: use --reporter-html-skip-requests with the folder's request names; --reporter-htmlextra-template is not supported"
	if code != cmdutil.ExitUsage || !strings.Contains(stderr, want) {
		t.Errorf("template and skipFolders: exit %d, %s", code, stderr)
	}
	// courier report html has the same options under plain names.
	if code, _, stderr := courier(t, "", "report", "html", demo, "-o", filepath.Join(dir, "d.html"), "--show-only-fails", "--skip-headers", "Content-Type,Date"); code != cmdutil.ExitOK {
		t.Fatalf("report html: exit %d: %s", code, stderr)
	}
	data, _ = os.ReadFile(filepath.Join(dir, "d.html"))
	if bytes.Contains(data, []byte(`"Root Get"`)) || bytes.Contains(data, []byte(`"Date"`)) || !bytes.Contains(data, []byte(`"Create user"`)) {
		t.Error("--show-only-fails or --skip-headers did not apply")
	}
}
