package run

import (
	"io"
	"os"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/runner/report"
	"github.com/courier-run/courier/vault"
	"golang.org/x/term"
)

// newReporters builds the -r reporters from the flags.
// Every reporter writes through red, so no secret reaches stdout or a file.
func newReporters(o *Options, red *vault.Redactor) (*report.Multi, error) {
	exports := map[string]string{}
	if o.Reporter.JSONExport != "" {
		exports[report.NameJSON] = o.Reporter.JSONExport
	}
	if o.Reporter.JUnitExport != "" {
		exports[report.NameJUnit] = o.Reporter.JUnitExport
	}
	r := o.Reporter
	m, err := report.New(o.Reporters, report.Options{
		Stdout:  o.IO.Out,
		Exports: exports,
		Wrap:    func(w io.Writer) io.Writer { return red.Writer(w) },
		Silent:  o.Silent,
		CLI: report.CLIOptions{
			Silent:              r.CLISilent,
			NoSummary:           r.CLINoSummary,
			NoFailures:          r.CLINoFailures,
			NoAssertions:        r.CLINoAssertions,
			NoSuccessAssertions: r.CLINoSuccessAssertions,
			NoConsole:           r.CLINoConsole,
			NoBanner:            r.CLINoBanner,
			ShowTimestamps:      r.CLIShowTimestamps,
			Color:               o.IO.ColorEnabled(o.Color),
			DisableUnicode:      o.DisableUnicode,
			Verbose:             o.Verbose,
			TTY:                 o.IO.IsStdoutTTY(),
			Width:               stdoutWidth(o),
		},
		JSON: report.JSONOptions{Redact: red.Redact},
		Progress: report.ProgressOptions{
			Silent: r.ProgressSilent,
			TTY:    o.IO.IsStdoutTTY(),
		},
	})
	if err != nil {
		return nil, cmdutil.FlagErrorf("%v", err)
	}
	return m, nil
}

// stdoutWidth is the terminal's width in columns, or 0 when stdout is not
// a terminal (or does not say), which keeps the cli reporter's off-terminal
// layout.
func stdoutWidth(o *Options) int {
	f, ok := o.IO.Out.(*os.File)
	if !ok || !o.IO.IsStdoutTTY() {
		return 0
	}
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil || w <= 0 {
		return 0
	}
	return w
}
