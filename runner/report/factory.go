package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/courier-run/courier/internal/atomicfile"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// Reporter names accepted by -r.
const (
	NameCLI      = "cli"
	NameProgress = "progress"
	NameJSON     = "json"
	NameJUnit    = "junit"
	NameHTML     = "html"
)

var known = map[string]bool{NameCLI: true, NameProgress: true, NameJSON: true, NameJUnit: true, NameHTML: true}

// aliases are other reporters' names that select a built-in one: Newman's
// most used HTML reporter is the htmlextra add-on.
var aliases = map[string]string{"htmlextra": NameHTML}

// DefaultDir is where reports go without --reporter-<name>-export. It is
// Newman's directory, kept so scripts and CI globs written for Newman find
// courier's reports too.
const DefaultDir = "newman"

// Options configure New.
type Options struct {
	// Stdout is where cli and progress write.
	Stdout io.Writer
	// Wrap, when set, wraps every writer a reporter gets (Stdout, each
	// export file; the html page's data blocks, not its markup), for
	// example to redact secrets; WrapDoc takes its place for JSON and XML.
	// A wrapper with a Flush() error method is flushed at Close.
	Wrap func(io.Writer) io.Writer
	// WrapDoc, when set, wraps the writers a structured document goes
	// through instead of Wrap: the json reporter's file, the report the
	// html reporter renders from, the html page's data blocks (its own
	// markup, style and script are courier's and are written as they
	// are), the junit file. A redactor there can keep each document valid
	// (see Doc).
	WrapDoc DocWrap
	// Exports maps a reporter name to its --reporter-<name>-export path. A
	// missing entry means newman/newman-run-report-<timestamp>.<ext>; an
	// existing directory gets that default file name inside it.
	Exports map[string]string
	// Silent is Newman's --silent: cli and progress print nothing.
	Silent bool
	// Now stamps default file names; nil means time.Now.
	Now func() time.Time

	CLI      CLIOptions
	Progress ProgressOptions
	JSON     JSONOptions
	JUnit    JUnitOptions
	HTML     HTMLOptions
}

// ParseNames splits -r values ("cli,json" or repeated flags) into reporter
// names, dropping duplicates and rejecting unknown ones.
func ParseNames(values []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		for _, n := range strings.Split(v, ",") {
			n = strings.ToLower(strings.TrimSpace(n))
			if a, ok := aliases[n]; ok {
				n = a
			}
			if n == "" || seen[n] {
				continue
			}
			if !known[n] {
				return nil, fmt.Errorf("unknown reporter %q (available: %s)", n, strings.Join(Names(), ", "))
			}
			seen[n] = true
			out = append(out, n)
		}
	}
	return out, nil
}

// Names lists the built-in reporters.
func Names() []string {
	out := make([]string, 0, len(known))
	for n := range known {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// New builds the reporters named (see ParseNames) behind one Multi sink.
// File reporters write to a temporary file next to their target, renamed
// into place at Close; Abort removes it instead.
func New(names []string, o Options) (*Multi, error) {
	names, err := ParseNames(names)
	if err != nil {
		return nil, err
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	m := &Multi{}
	for _, n := range names {
		switch n {
		case NameCLI:
			co := o.CLI
			co.Silent = co.Silent || o.Silent
			w := o.wrap(o.Stdout)
			m.add(flushing{NewCLI(w, co), w})
		case NameProgress:
			po := o.Progress
			po.Silent = po.Silent || o.Silent
			w := o.wrap(o.Stdout)
			m.add(flushing{NewProgress(w, po), w})
		case NameJSON, NameJUnit, NameHTML:
			ext := ".json"
			switch n {
			case NameJUnit:
				ext = ".xml"
			case NameHTML:
				ext = ".html"
			}
			path, err := exportPath(o.Exports[n], "newman-run-report", ext, o.Now())
			if err != nil {
				m.Abort()
				return nil, err
			}
			f, err := atomicfile.Create(path, 0o644)
			if err != nil {
				m.Abort()
				return nil, fmt.Errorf("%s reporter: %w", n, err)
			}
			var w io.Writer
			var r Reporter
			switch n {
			case NameJSON:
				w = o.docWrap()(f, jsonReportDoc())
				r = NewJSON(w, o.JSON)
			case NameJUnit:
				w = o.docWrap()(f, Doc{Format: FormatXML, Keep: junitScalarAttrs})
				r = NewJUnit(w, o.JUnit)
			default:
				// The page's data is wrapped block by block; the rest of
				// it is courier's own markup (a masked script would no
				// longer match its Content-Security-Policy hash).
				w = f
				r = NewHTML(w, o.HTML, o.JSON, o.docWrap())
			}
			m.add(&fileReporter{Reporter: r, w: w, f: f})
		}
	}
	return m, nil
}

func (o Options) wrap(w io.Writer) io.Writer {
	if o.Wrap == nil {
		return w
	}
	return o.Wrap(w)
}

// Doc describes a structured document a reporter writes, for WrapDoc.
type Doc struct {
	// Format is FormatJSON or FormatXML.
	Format string
	// Keep names the keys (JSON) or attributes (XML) under which the
	// document holds courier's own numbers and flags (sizes, times, counts,
	// status codes): not values a secret can be in, and readers need them
	// as they are. Data names the JSON keys under which everything is data
	// from the run, whatever its key (see vault.JSONScalars). Bytes names
	// the JSON keys whose arrays are a body's bytes (a Buffer's data).
	Keep, Data, Bytes map[string]bool
}

// Formats of a Doc.
const (
	FormatJSON = "json"
	FormatXML  = "xml"
)

// DocWrap wraps the writer of a structured document (see Options.WrapDoc).
type DocWrap func(w io.Writer, d Doc) io.Writer

// docWrap returns WrapDoc, else Wrap, else no wrapping.
func (o Options) docWrap() DocWrap {
	switch {
	case o.WrapDoc != nil:
		return o.WrapDoc
	case o.Wrap != nil:
		return func(w io.Writer, _ Doc) io.Writer { return o.Wrap(w) }
	}
	return func(w io.Writer, _ Doc) io.Writer { return w }
}

// jsonReportDoc describes the JSON report.
func jsonReportDoc() Doc {
	return Doc{Format: FormatJSON, Keep: jsonreport.ScalarKeys(), Data: jsonreport.DataKeys(), Bytes: jsonreport.BytesKeys()}
}

// junitScalarAttrs are the junit report's attributes that hold courier's
// counts, times and timestamps.
var junitScalarAttrs = map[string]bool{"tests": true, "failures": true, "errors": true, "skipped": true, "time": true, "timestamp": true}

var nonDigits = regexp.MustCompile(`[^\d]+`)

// exportPath resolves an export option the way Newman does: empty means
// newman/<base>-<timestamp>0<ext>, a directory gets that file inside it.
func exportPath(opt, base, ext string, now time.Time) (string, error) {
	// Newman's timestamp: the ISO date with every non-digit run turned into
	// "-", then a "0" suffix.
	name := base + "-" + nonDigits.ReplaceAllString(now.UTC().Format("2006-01-02T15:04:05.000Z"), "-") + "0" + ext
	if opt == "" {
		return filepath.Join(DefaultDir, name), nil
	}
	if strings.HasSuffix(opt, "/") || strings.HasSuffix(opt, string(filepath.Separator)) {
		return filepath.Join(opt, name), nil
	}
	if st, err := os.Stat(opt); err == nil && st.IsDir() {
		return filepath.Join(opt, name), nil
	}
	return opt, nil
}

// flushing closes a reporter, then flushes its (wrapped) writer.
type flushing struct {
	Reporter
	w io.Writer
}

func (f flushing) Close() error {
	return errors.Join(f.Reporter.Close(), flush(f.w))
}

func flush(w io.Writer) error {
	if fl, ok := w.(interface{ Flush() error }); ok {
		return fl.Flush()
	}
	return nil
}

// fileReporter owns a report file: Close finishes the report and puts the
// file in place, Abort throws it away.
type fileReporter struct {
	Reporter
	w      io.Writer
	f      *atomicfile.File
	closed bool
}

func (r *fileReporter) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	if err := errors.Join(r.Reporter.Close(), flush(r.w)); err != nil {
		r.f.Abort()
		return fmt.Errorf("writing report %s: %w", r.f.Path, err)
	}
	return r.f.Commit()
}

func (r *fileReporter) Abort() {
	if !r.closed {
		r.closed = true
		r.f.Abort()
	}
}

// Path is where the report goes once closed.
func (r *fileReporter) Path() string { return r.f.Path }

// Multi fans events out to several reporters, in order.
type Multi struct {
	reporters []Reporter
}

var _ Reporter = (*Multi)(nil)

// NewMulti returns a sink that forwards to every reporter given.
func NewMulti(rs ...Reporter) *Multi {
	return &Multi{reporters: rs}
}

func (m *Multi) add(r Reporter) { m.reporters = append(m.reporters, r) }

// Handle forwards ev to every reporter.
func (m *Multi) Handle(ev runner.Event) {
	for _, r := range m.reporters {
		r.Handle(ev)
	}
}

// Close closes every reporter and joins their errors.
func (m *Multi) Close() error {
	var errs []error
	for _, r := range m.reporters {
		errs = append(errs, r.Close())
	}
	return errors.Join(errs...)
}

// Abort discards the report files not yet in place (for an interrupted
// run) and closes the other reporters.
func (m *Multi) Abort() {
	for _, r := range m.reporters {
		if a, ok := r.(interface{ Abort() }); ok {
			a.Abort()
		} else {
			r.Close()
		}
	}
}

// Paths lists where the file reporters write, in reporter order.
func (m *Multi) Paths() []string {
	var out []string
	for _, r := range m.reporters {
		if p, ok := r.(interface{ Path() string }); ok {
			out = append(out, p.Path())
		}
	}
	return out
}
