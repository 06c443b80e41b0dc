package run

import (
	"os"

	"github.com/courier-run/courier/runner/report"
	"golang.org/x/term"
)

// reportOptions configures the -r reporters from the flags; the suite
// wraps every writer so no secret reaches stdout or a file.
func reportOptions(o *Options) report.Options {
	exports := map[string]string{}
	if o.Reporter.JSONExport != "" {
		exports[report.NameJSON] = o.Reporter.JSONExport
	}
	if o.Reporter.JUnitExport != "" {
		exports[report.NameJUnit] = o.Reporter.JUnitExport
	}
	if o.Reporter.HTMLExport != "" {
		exports[report.NameHTML] = o.Reporter.HTMLExport
	}
	r := o.Reporter
	return report.Options{
		Stdout:  o.IO.Out,
		Exports: exports,
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
		Progress: report.ProgressOptions{
			Silent: r.ProgressSilent,
			TTY:    o.IO.IsStdoutTTY(),
		},
		JSON: report.JSONOptions{PerRoundTrip: r.JSONExecutions != "item"},
		HTML: report.HTMLOptions{Title: r.HTMLTitle, Generator: "courier", Omit: r.HTMLOmit.Value(), MaxBody: r.HTMLMaxBody},
	}
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
