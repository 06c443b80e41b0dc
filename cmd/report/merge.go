package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	rpt "github.com/courier-run/courier/runner/report"
	"github.com/courier-run/courier/runner/report/htmlreport"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// MergeOptions are the flags of "courier report merge".
type MergeOptions struct {
	IO     *cmdutil.IOStreams
	Inputs []string
	// JSON, JUnit and HTML are the output paths ("" writes none; "-" is
	// standard output, for one of them).
	JSON, JUnit, HTML string
	Title             string
	SuppressExit      bool
}

// NewCmdMerge returns the merge command; runF replaces the action in tests.
func NewCmdMerge(io *cmdutil.IOStreams, runF func(*MergeOptions) error) *cobra.Command {
	o := &MergeOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "merge <report.json|dir>... [-o merged.json] [--junit merged.xml] [--html merged.html]",
		Short: "Combine the JSON reports of a sharded run into one, and render it as JUnit or HTML",
		Long: `Combine the JSON reports of the shards of one run (courier run --shard K/N -r json)
into the report of the whole run: executions and failures in run order, stats
summed, response times recomputed. The merged report renders as JUnit XML and as
the HTML page, the same as a single run's.

A directory stands for the .json reports in it (the volume the shards wrote to).
Reports that say which shard they hold are put in shard order, and a missing or
repeated shard is an error. Merging into the shards' folder can be repeated: the
output file itself and earlier merged reports found among the inputs are
skipped, each with a note, so every merge gives the same report. The merged environment and globals are the last
shard's final values (with keys only earlier shards set).

The command exits 1 when the merged run has failures (as courier run does), so
a CI job merging the shards fails with them; -x exits 0.`,
		Example: `  courier report merge shards/*.json -o run.json --junit run.xml --html run.html`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmdutil.FlagErrorf("expected the JSON reports of the shards")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Inputs = args
			if runF != nil {
				return runF(o)
			}
			return RunMerge(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.JSON, "output", "o", "", "write the merged JSON report to `path` (- for standard output)")
	f.StringVar(&o.JUnit, "junit", "", "write the merged run as JUnit XML to `path`")
	f.StringVar(&o.HTML, "html", "", "write the merged run as an HTML page to `path`")
	f.StringVar(&o.Title, "title", "", "HTML page `title` (default: the collection's name)")
	f.BoolVarP(&o.SuppressExit, "suppress-exit-code", "x", false, "exit 0 even when the merged run has failures")
	return cmd
}

// RunMerge merges the reports and writes the outputs.
func RunMerge(o *MergeOptions) error {
	if o.JSON == "" && o.JUnit == "" && o.HTML == "" {
		return cmdutil.FlagErrorf("name an output: -o merged.json, --junit merged.xml or --html merged.html")
	}
	stdout := 0
	for _, p := range []string{o.JSON, o.JUnit, o.HTML} {
		if p == "-" {
			stdout++
		}
	}
	if stdout > 1 {
		return cmdutil.FlagErrorf("only one output can go to standard output (-)")
	}
	inputs, err := expandInputs(o.Inputs)
	if err != nil {
		return cmdutil.WithExitCode(err, cmdutil.ExitInput)
	}
	inputs, reports, err := o.readInputs(inputs)
	if err != nil {
		return cmdutil.WithExitCode(err, cmdutil.ExitInput)
	}
	merged, err := jsonreport.Merge(reports, inputs)
	if err != nil {
		return cmdutil.WithExitCode(err, cmdutil.ExitInput)
	}
	write := func(path string, render func(io.Writer) error) error {
		if path == "" {
			return nil
		}
		return writeOutput(o.IO, path, render)
	}
	err = errors.Join(
		write(o.JSON, merged.Write),
		write(o.JUnit, func(w io.Writer) error {
			j := rpt.NewJUnit(w, rpt.JUnitOptions{})
			rpt.Replay(merged, j)
			return j.Close()
		}),
		write(o.HTML, func(w io.Writer) error {
			return htmlreport.WriteReport(w, merged, htmlreport.Options{Title: o.Title, Generator: "courier"})
		}),
	)
	if err != nil {
		return err
	}
	st := merged.Run.Stats
	fmt.Fprintf(o.IO.ErrOut, "merged %d reports: %d iterations, %d requests, %d assertions, %d failures\n",
		len(reports), st.Iterations.Total, st.Requests.Total, st.Assertions.Total, len(merged.Run.Failures))
	if (len(merged.Run.Failures) > 0 || merged.Run.Error != nil) && !o.SuppressExit {
		return &cmdutil.ExitError{Code: cmdutil.ExitFailures}
	}
	return nil
}

// readInputs reads the reports to merge. Merging into the shards' own
// folder must give the same result every time, so two kinds of input are
// set aside, each with a note: the file this merge is about to write (an
// earlier run's output), and reports that are themselves merges, when
// there are shard reports to merge. A merged report given alone is merged
// as it is (its JUnit and HTML rendered again).
func (o *MergeOptions) readInputs(paths []string) ([]string, []*jsonreport.Report, error) {
	var names []string
	var reports, merges []*jsonreport.Report
	var mergeNames []string
	for _, path := range paths {
		if out, ok := o.output(path); ok {
			fmt.Fprintf(o.IO.ErrOut, "note: skipping %s: it is this merge's output (%s), written again from the others\n", path, out)
			continue
		}
		r, err := jsonreport.ReadFile(path)
		if err != nil {
			return nil, nil, fmt.Errorf("reading a report: %w", err)
		}
		if r.Run.Merged != nil {
			merges, mergeNames = append(merges, r), append(mergeNames, path)
			continue
		}
		reports, names = append(reports, r), append(names, path)
	}
	if len(reports) == 0 {
		if len(merges) == 0 {
			return nil, nil, errors.New("nothing to merge: the only report given is this merge's own output")
		}
		return mergeNames, merges, nil // Merge says what is wrong with several
	}
	for i, m := range merges {
		fmt.Fprintf(o.IO.ErrOut, "note: skipping %s: it is an earlier merge (of %s), not a shard's report\n", mergeNames[i], m.Run.Merged)
	}
	return names, reports, nil
}

// output names the output flag whose file is path, if any.
func (o *MergeOptions) output(path string) (string, bool) {
	in, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	for _, out := range []struct{ flag, path string }{{"-o", o.JSON}, {"--junit", o.JUnit}, {"--html", o.HTML}} {
		if out.path == "" || out.path == "-" {
			continue
		}
		if fi, err := os.Stat(out.path); err == nil && os.SameFile(in, fi) {
			return out.flag + " " + out.path, true
		}
	}
	return "", false
}

// expandInputs replaces a directory (the shared volume the shards wrote
// to) by the .json files in it, in name order.
func expandInputs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("reading a report: %w", err)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(p, "*.json"))
		if err != nil {
			return nil, err
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s: no .json reports in this directory", p)
		}
		out = append(out, matches...)
	}
	return out, nil
}
