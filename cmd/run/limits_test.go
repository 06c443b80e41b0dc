package run

import (
	"context"
	"strings"
	"testing"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestLimitFlags: without the flags the runner's defaults apply (30 s per
// script, 256 MB bodies); an explicit 0 lifts the limit, as it does in
// Newman for --timeout-script.
func TestLimitFlags(t *testing.T) {
	t.Parallel()
	parse := func(line string) *Options {
		ios, _, _, _ := cmdutil.Test()
		var got *Options
		cmd := NewCmdRun(ios, func(_ context.Context, o *Options) error { got = o; return nil })
		cmd.SetArgs(strings.Fields(line))
		cmd.SetOut(&strings.Builder{})
		cmd.SetErr(&strings.Builder{})
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		return got
	}
	tests := []struct {
		line             string
		script, response int
		insecure         bool
	}{
		{"c.json", 0, 0, false},
		{"c.json --timeout-script 0 --max-response-size 0", -1, -1, false},
		{"c.json --timeout-script 500 --max-response-size 16 --insecure-file-read", 500, 16, true},
	}
	for _, tc := range tests {
		o := parse(tc.line)
		if o.TimeoutScript != tc.script || o.MaxResponseSize != tc.response || o.InsecureFileRead != tc.insecure {
			t.Errorf("%q: timeout-script %d, max-response-size %d, insecure-file-read %v", tc.line, o.TimeoutScript, o.MaxResponseSize, o.InsecureFileRead)
		}
	}
}
