package run

import (
	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner/report"
)

// newReporters builds the -r reporters from the flags.
func newReporters(o *Options, _ *collections.Collection, _ string) (*report.Multi, error) {
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
		},
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
