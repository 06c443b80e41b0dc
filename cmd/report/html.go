package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/internal/atomicfile"
	"github.com/courier-run/courier/runner/report/htmlreport"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// HTMLOptions are the flags of "courier report html".
type HTMLOptions struct {
	IO *cmdutil.IOStreams
	// Input is the JSON report's path; "-" reads standard input.
	Input string
	// Output is the page's path; "-" writes standard output, "" puts it
	// beside the input with the extension .html.
	Output  string
	Title   string
	MaxBody int
	Omit    OmitFlags
}

func newCmdHTML(io *cmdutil.IOStreams, runF func(*HTMLOptions) error) *cobra.Command {
	o := &HTMLOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "html <report.json> [-o <page.html>]",
		Short: "Render a saved JSON run report as one self-contained HTML page",
		Long: `Render the JSON report of a run (courier run -r json, a merged report, or
Newman's own -r json report) as one HTML page that opens offline: the summary
first, failures one click away, every request with its headers, bodies,
tests and console output, search and filters, light and dark themes.

courier run -r html writes the same page at the end of a live run.`,
		Example: `  courier run coll.json -r json --reporter-json-export run.json
  courier report html run.json                   # writes run.html
  courier report html run.json -o public/index.html --title "Nightly API checks"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cmdutil.FlagErrorf("expected one JSON report (a path, or - for standard input)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Input = args[0]
			if runF != nil {
				return runF(o)
			}
			return RunHTML(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Output, "output", "o", "", "write the page to `path` (- for standard output; default: the report's name with .html)")
	f.StringVar(&o.Title, "title", "", "page `title` (default: the collection's name)")
	AddOmitFlags(f, "", &o.Omit, false)
	f.IntVar(&o.MaxBody, "max-body", htmlreport.DefaultMaxBody, "keep at most `bytes` of each body; past 32 MiB of bodies a page keeps 2 KiB of each (-1: keep every body whole)")
	return cmd
}

// RunHTML renders the page.
func RunHTML(o *HTMLOptions) error {
	if o.MaxBody == 0 {
		return cmdutil.FlagErrorf("--max-body must be positive, or -1 to keep whole bodies")
	}
	out := o.Output
	if out == "" {
		if o.Input == "-" {
			return cmdutil.FlagErrorf("name the page with -o when the report comes from standard input")
		}
		out = strings.TrimSuffix(o.Input, filepath.Ext(o.Input)) + ".html"
	}
	var src io.Reader = o.IO.In
	name := "standard input"
	if o.Input != "-" {
		f, err := os.Open(o.Input)
		if err != nil {
			return cmdutil.WithExitCode(fmt.Errorf("reading the report: %w", err), cmdutil.ExitInput)
		}
		defer f.Close()
		src, name = f, o.Input
	}
	ho := htmlreport.Options{Title: o.Title, MaxBody: o.MaxBody, Generator: "courier", Omit: o.Omit.Value()}
	render := func(w io.Writer) error {
		rw := &recordingWriter{w: w}
		if err := htmlreport.Render(rw, src, ho); err != nil {
			if rw.err != nil {
				return fmt.Errorf("writing the page: %w", err)
			}
			if !errors.Is(err, jsonreport.ErrNotAReport) {
				// ErrNotAReport's text already says what is expected.
				err = fmt.Errorf("%w (expected the JSON report of courier run -r json or newman run -r json)", err)
			}
			return cmdutil.WithExitCode(fmt.Errorf("%s: %w", name, err), cmdutil.ExitInput)
		}
		return nil
	}
	return writeOutput(o.IO, out, render)
}

// recordingWriter remembers a write error, to tell a page that could not
// be written from a report that could not be read.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	n, err := r.w.Write(p)
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// writeOutput writes what render writes to path, "-" being standard
// output. A file is put in place only when render succeeds, so a failed
// render leaves no half page behind and an old page stays whole until the
// new one is; standard error says where it went.
func writeOutput(ios *cmdutil.IOStreams, path string, render func(io.Writer) error) error {
	if path == "-" {
		return render(ios.Out)
	}
	f, err := atomicfile.Create(path, 0o644)
	if err != nil {
		return err
	}
	if err := render(f); err != nil {
		f.Abort()
		return err
	}
	if err := f.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "wrote %s\n", path)
	return nil
}
