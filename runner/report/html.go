package report

import (
	"errors"
	"fmt"
	"io"

	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/htmlreport"
)

// HTMLOptions configure the html reporter.
type HTMLOptions struct {
	// MaxBody is how much of each body the page keeps (see
	// htmlreport.Options.MaxBody).
	MaxBody int
	// Title replaces the collection's name as the page's title.
	Title string
	// Generator names the program in the page's footer.
	Generator string
	// Omit leaves data out of the page.
	Omit htmlreport.Omit
}

// HTML writes the HTML report. It keeps the run's JSON report (spooled to
// a temporary file beyond 1 MiB) and renders the page from it at Close, so
// a live run and "courier report html" on a saved report give the same
// page, and the page shows exactly what the JSON report holds, masked the
// same way.
type HTML struct {
	json  *JSON
	jsonW io.Writer // the JSON reporter's writer, perhaps a redacting wrapper
	sp    *spool
	out   io.Writer
	o     HTMLOptions
	wrap  DocWrap
	done  bool
}

var _ Reporter = (*HTML)(nil)

// NewHTML returns an html reporter writing the page to out. wrap, when not
// nil, wraps the writer the JSON report goes through on its way to the
// page (to redact it as the JSON reporter's output is redacted), and the
// page's data blocks.
func NewHTML(out io.Writer, o HTMLOptions, jo JSONOptions, wrap DocWrap) *HTML {
	h := &HTML{sp: &spool{dir: jo.SpoolDir, limit: spoolLimit}, out: out, o: o, wrap: wrap}
	h.jsonW = h.sp
	if wrap != nil {
		h.jsonW = wrap(h.sp, jsonReportDoc())
	}
	// The page shows each item run once, whatever the JSON report's
	// layout.
	jo.PerRoundTrip = false
	h.json = NewJSON(h.jsonW, jo)
	return h
}

// Handle records one event.
func (h *HTML) Handle(ev runner.Event) { h.json.Handle(ev) }

// Close finishes the JSON report and writes the page.
func (h *HTML) Close() error {
	if h.done {
		return nil
	}
	h.done = true
	defer h.sp.release()
	if err := errors.Join(h.json.Close(), flush(h.jsonW)); err != nil {
		return fmt.Errorf("html reporter: %w", err)
	}
	src, err := h.sp.reader()
	if err != nil {
		return fmt.Errorf("html reporter: %w", err)
	}
	ho := htmlreport.Options{MaxBody: h.o.MaxBody, Title: h.o.Title, Generator: h.o.Generator, Omit: h.o.Omit}
	if h.wrap != nil {
		ho.Data = func(w io.Writer) io.Writer { return h.wrap(w, Doc{Format: FormatJSON, Keep: htmlreport.ScalarKeys()}) }
	}
	err = htmlreport.Render(h.out, src, ho)
	if err != nil {
		return fmt.Errorf("html reporter: %w", err)
	}
	return nil
}
