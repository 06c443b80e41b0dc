// Package htmlreport renders a run's Newman-style JSON report as one
// self-contained HTML page: summary first, failures one click away, every
// request with its headers, bodies, assertions and console output, search
// and filters, light and dark themes, printable.
//
// It reads the JSON report, not live run events, so a saved run (or the
// merge of several shards' reports) renders the same as a live one. The
// page embeds the report's data as JSON and draws rows as they scroll into
// view, so a 10,000-request report stays responsive. Nothing on the page
// loads from the network: its Content-Security-Policy allows no fetches.
//
// Render masks nothing itself: it shows what the JSON report holds, which
// courier writes with secrets already masked, and callers pass the page's
// data blocks through a redacting writer (Options.Data) as a second net.
package htmlreport

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"errors"
	"io"
	"strings"
	"sync"

	"github.com/courier-run/courier/runner/report/jsonreport"
)

// DefaultMaxBody is how much of each body the page keeps by default.
const DefaultMaxBody = 64 << 10

// DefaultBodyBudget is how many bytes of bodies a page keeps by default
// before it keeps only the first 2 KiB of each: beyond some tens of
// megabytes a browser takes seconds to open the page.
const DefaultBodyBudget = 32 << 20

// Options configure Render.
type Options struct {
	// MaxBody is how many bytes of each request and response body the page
	// keeps; longer bodies are cut with a note giving their size. 0 means
	// DefaultMaxBody, a negative value keeps every body whole (and ignores
	// BodyBudget).
	MaxBody int
	// BodyBudget is how many bytes of bodies the page keeps in all; once
	// spent, each further body keeps its first 2 KiB. 0 means
	// DefaultBodyBudget, a negative value sets no budget.
	BodyBudget int
	// Title replaces the collection's name as the page title.
	Title string
	// Generator names the program in the page's footer.
	Generator string
	// Omit leaves data out of the page.
	Omit Omit
	// Data, when set, wraps the writer of each of the page's JSON data
	// blocks (the executions, the rest of the run), for example to redact
	// them; the page's own markup, style and script are written as they
	// are. A wrapper with a Flush() error method is flushed after each
	// block.
	Data func(io.Writer) io.Writer
}

var (
	//go:embed assets/report.css
	css string
	//go:embed assets/report.js
	script string
	//go:embed assets/body.html
	body string
)

// scriptHash is the page script's CSP hash: only that script may run. It
// is worked out when a page is first written, not as every command starts.
var scriptHash = sync.OnceValue(func() string {
	h := sha256.Sum256([]byte(script))
	return "sha256-" + base64.StdEncoding.EncodeToString(h[:])
})

// Render reads a Newman JSON report from src (courier's, Newman's own, or a
// merge; see jsonreport.Scan) and writes the HTML page to w. It streams:
// executions are converted and written one at a time, so memory does not
// grow with the number of requests (beyond a few bytes each to link
// failures to them).
func Render(w io.Writer, src io.Reader, o Options) error {
	if o.MaxBody == 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.BodyBudget == 0 {
		o.BodyBudget = DefaultBodyBudget
	}
	if o.Generator == "" {
		o.Generator = "courier"
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	r := &renderer{w: bw, o: o, execsByKey: map[execKey][]int{}, lim: limits{max: o.MaxBody, budget: o.BodyBudget}}
	if err := r.render(src); err != nil {
		return err
	}
	return bw.Flush()
}

type execKey struct {
	iteration, position int
	id                  string
}

// execPlace is an execution's iteration and position.
type execPlace struct{ iteration, position int }

type renderer struct {
	w *bufio.Writer
	o Options
	// data is the wrapped writer of the data block being written, if any.
	data io.Writer

	meta       pageMeta
	lim        limits
	nexec      int
	execsByKey map[execKey][]int
	// execsAt lists the executions at each place, for a failure whose
	// source is no item (a pm.sendRequest's request); execNames holds each
	// execution's item name.
	execsAt   map[execPlace][]int
	execNames []string
	// failMsgs holds, per execution that failed, its failure messages, to
	// pick the right one of several executions of an item in an iteration.
	failMsgs map[int][]string
	werr     error
}

func (r *renderer) write(s string) {
	if r.werr == nil {
		if r.data != nil {
			_, r.werr = io.WriteString(r.data, s)
			return
		}
		_, r.werr = r.w.WriteString(s)
	}
}

func (r *renderer) writeBytes(b []byte) {
	if r.werr == nil {
		if r.data != nil {
			_, r.werr = r.data.Write(b)
			return
		}
		_, r.werr = r.w.Write(b)
	}
}

// beginData starts a JSON data block: what is written until endData goes
// through Options.Data.
func (r *renderer) beginData() {
	if r.o.Data != nil {
		r.data = r.o.Data(r.w)
	}
}

func (r *renderer) endData() {
	if r.data == nil {
		return
	}
	if fl, ok := r.data.(interface{ Flush() error }); ok && r.werr == nil {
		r.werr = fl.Flush()
	}
	r.data = nil
}

func (r *renderer) render(src io.Reader) error {
	r.meta = pageMeta{Failures: []pageFailure{}, Paths: map[string]string{}, Folders: []string{},
		MaxBody: r.o.MaxBody, BodyBudget: r.o.BodyBudget, Generator: r.o.Generator, Title: r.o.Title, Omitted: !r.o.Omit.empty()}
	head, tail, ok := strings.Cut(body, "<!--DATA-->")
	if !ok {
		return errors.New("htmlreport: page template lacks its data marker")
	}
	r.write(strings.NewReplacer("{{CSP}}", scriptHash(), "{{CSS}}", css).Replace(head))
	r.write(`<script type="application/json" id="courier-execs">`)
	r.beginData()
	r.write("[")
	rep, err := jsonreport.Scan(src, "", r.execution)
	if err != nil {
		return err
	}
	r.write("]")
	r.endData()
	r.write("</script>\n")
	run := &rep.Run
	r.meta.Stats, r.meta.Transfers = run.Stats, run.Transfers
	t := run.Timings
	r.meta.Timings = pageTimings{ResponseAverage: t.ResponseAverage, ResponseMin: t.ResponseMin, ResponseMax: t.ResponseMax,
		ResponseSd: t.ResponseSd, Started: t.Started, Completed: t.Completed}
	if run.Error != nil {
		e := errorText(run.Error)
		r.meta.RunError = &pageRunError{Name: e.Name, Message: e.Message}
	}
	if c := rep.Collection; c != nil {
		if r.meta.Title == "" {
			r.meta.Title = c.Info.Name
		}
		r.meta.Paths, r.meta.Folders = folderPaths(c.Item)
	}
	r.meta.Environment = rep.Environment.Name
	r.linkFailures(run.Failures)
	b, err := marshal(r.meta)
	if err != nil {
		return err
	}
	r.write("\n" + `<script type="application/json" id="courier-meta">`)
	r.beginData()
	r.writeBytes(b)
	r.endData()
	r.write("</script>\n<script>" + script + "</script>")
	r.write(tail)
	return r.werr
}

// execution converts one execution and writes it to the page.
func (r *renderer) execution(e *jsonreport.Execution) error {
	drop, reqBody, respBody := r.o.Omit.before(e)
	if drop {
		return nil
	}
	p := convert(e, &r.lim)
	if !r.o.Omit.after(&p, reqBody, respBody) {
		return nil
	}
	k := execKey{e.Cursor.Iteration, e.Cursor.Position, e.Item.ID}
	r.execsByKey[k] = append(r.execsByKey[k], r.nexec)
	if r.execsAt == nil {
		r.execsAt = map[execPlace][]int{}
	}
	at := execPlace{e.Cursor.Iteration, e.Cursor.Position}
	r.execsAt[at] = append(r.execsAt[at], r.nexec)
	r.execNames = append(r.execNames, e.Item.Name)
	if p.Failed {
		if r.failMsgs == nil {
			r.failMsgs = map[int][]string{}
		}
		var msgs []string
		for _, x := range p.Errors {
			msgs = append(msgs, x.Message)
		}
		for _, a := range p.Asserts {
			if a.Status == "fail" {
				msgs = append(msgs, a.Error)
			}
		}
		r.failMsgs[r.nexec] = msgs
	}
	b, err := marshal(p)
	if err != nil {
		return err
	}
	if r.nexec > 0 {
		r.write(",\n")
	}
	r.writeBytes(b)
	r.nexec++
	return r.werr
}

// linkFailures ties each failure to the execution it came from: one of
// its iteration, position and item whose failures include its message and
// that no earlier failure claimed (an item can run several times in an
// iteration, through setNextRequest).
func (r *renderer) linkFailures(failures []jsonreport.Failure) {
	type claim struct {
		exec int
		msg  string
	}
	claimed := map[claim]int{}
	for _, f := range failures {
		pf := pageFailure{Exec: -1, Iter: f.Cursor.Iteration, At: f.At, Name: f.Error.Name, Test: f.Error.Test, Message: f.Error.Message}
		if pf.Name == "" {
			pf.Name = f.Error.Type
		}
		id := ""
		if f.Source != nil {
			pf.Source, id = f.Source.Name, f.Source.ID
		}
		pf.Parent = f.Parent.Ref().Name
		cands := r.execsByKey[execKey{f.Cursor.Iteration, f.Cursor.Position, id}]
		if len(cands) == 0 {
			// A pm.sendRequest's failure names the script's request, an
			// item of its own: the executions at its place sent it.
			cands = r.execsAt[execPlace{f.Cursor.Iteration, f.Cursor.Position}]
		}
		for _, x := range cands {
			n := 0
			for _, m := range r.failMsgs[x] {
				if m == f.Error.Message {
					n++
				}
			}
			if c := (claim{x, f.Error.Message}); claimed[c] < n {
				claimed[c]++
				pf.Exec = x
				break
			}
		}
		if pf.Exec < 0 {
			// A failure the executions do not show (another runner's
			// report): the first failed execution of the item, else the
			// first execution.
			for _, x := range cands {
				if len(r.failMsgs[x]) > 0 {
					pf.Exec = x
					break
				}
			}
			if pf.Exec < 0 && len(cands) > 0 {
				pf.Exec = cands[0]
			}
		}
		if pf.Source == "" && pf.Exec >= 0 && pf.Exec < len(r.execNames) {
			pf.Source = r.execNames[pf.Exec]
		}
		r.meta.Failures = append(r.meta.Failures, pf)
	}
}
