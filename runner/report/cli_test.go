package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/runner"
)

func TestCLIGolden(t *testing.T) {
	t.Parallel()
	clock := func() time.Time { return time.Date(2026, 11, 27, 14, 5, 6, 0, time.UTC) }
	cases := []struct {
		name string
		opts CLIOptions
	}{
		{"cli_unicode.golden", CLIOptions{}},
		{"cli_ascii.golden", CLIOptions{DisableUnicode: true}},
		{"cli_color.golden", CLIOptions{Color: true}},
		{"cli_verbose.golden", CLIOptions{Verbose: true, DisableUnicode: true}},
		{"cli_tty_width.golden", CLIOptions{Width: 80}},
		{"cli_timestamps.golden", CLIOptions{ShowTimestamps: true, Clock: clock}},
		{"cli_quiet.golden", CLIOptions{NoBanner: true, NoConsole: true, NoSuccessAssertions: true, NoFailures: true}},
		{"cli_no_assertions_no_summary.golden", CLIOptions{NoAssertions: true, NoSummary: true}},
		{"cli_deterministic.golden", CLIOptions{Deterministic: true, Banner: "newman"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			c := NewCLI(&buf, tc.opts)
			play(c, newDemo().events())
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, buf.Bytes())
		})
	}
}

func TestCLISilentPrintsNothing(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	c := NewCLI(&buf, CLIOptions{Silent: true, Color: true})
	play(c, newDemo().events())
	if buf.Len() != 0 {
		t.Fatalf("silent cli wrote %q", buf.String())
	}
}

func TestCLIColorOffHasNoEscapes(t *testing.T) {
	t.Parallel()
	for _, color := range []bool{false, true} {
		var buf bytes.Buffer
		play(NewCLI(&buf, CLIOptions{Color: color}), newDemo().events())
		if got := strings.Contains(buf.String(), "\x1b["); got != color {
			t.Errorf("Color=%v: output has escapes = %v", color, got)
		}
	}
}

func TestCLIASCIIOnly(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	play(NewCLI(&buf, CLIOptions{DisableUnicode: true}), newDemo().events())
	for i, r := range buf.String() {
		if r > 127 {
			t.Fatalf("non-ASCII %q at byte %d", r, i)
		}
	}
}

// TestRequestErrorHints: where the cli reporter prints a request error in
// Node's words, on the request's line and among the failures, it adds the
// fix (the JSON report keeps Node's words alone, as Newman writes them:
// TestSecretsInNewerPathsNeverShow in cmd/root checks a real run's).
func TestRequestErrorHints(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		msg, hint string
	}{
		{"Invalid protocol: ftp:", "fix: use an http:// or https:// URL"},
		{`Invalid URI "http:////127.0.0.1/x"`, "fix: write the URL in full: http://host/path"},
		{"Port should be >= 0 and < 65536. Received type string ('99999').", "fix: use a port from 0 to 65535"},
		{"connect ECONNREFUSED 127.0.0.1:1", ""},
	} {
		ev := runner.RequestEvent{Item: runner.ItemRef{ID: "i", Name: "req"},
			Request: runner.SentRequest{Method: "GET", URL: "ftp://127.0.0.1/x"}, Err: errors.New(tt.msg)}
		var cli bytes.Buffer
		play(NewCLI(&cli, CLIOptions{}), []runner.Event{ev, runner.DoneEvent{Summary: &runner.Summary{}}})
		out := cli.String()
		if got := strings.Count(out, "fix: "); tt.hint == "" && got != 0 || tt.hint != "" && (got != 2 || strings.Count(out, tt.hint) != 2) {
			t.Errorf("%s: the cli shows %d fixes, want %q on the line and in the table:\n%s", tt.msg, got, tt.hint, out)
		}
	}
}

// TestScriptErrorHints: a script that calls pm.require fails with Newman's
// TypeError (Postman CLI offline has none either); the cli reporter's
// failure table says why, once, and other script errors get no fix.
func TestScriptErrorHints(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		msg  string
		want int
	}{
		{"pm.require is not a function", 1},
		{"pm.requir is not a function", 0},
	} {
		ev := runner.ScriptEvent{Item: runner.ItemRef{ID: "i", Name: "req"}, Listen: "test",
			Err: &runner.ErrorInfo{Name: "TypeError", Text: "TypeError: " + tt.msg, Message: tt.msg}}
		var cli bytes.Buffer
		play(NewCLI(&cli, CLIOptions{}), []runner.Event{ev, runner.DoneEvent{Summary: &runner.Summary{}}})
		out := cli.String()
		if got := strings.Count(out, "fix: pm.require loads packages"); got != tt.want {
			t.Errorf("%s: the cli shows the fix %d times, want %d:\n%s", tt.msg, got, tt.want, out)
		}
	}
}
