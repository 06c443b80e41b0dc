package report

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// CLIOptions configure the cli reporter. Field names follow Newman's
// --reporter-cli-* options.
type CLIOptions struct {
	Silent              bool
	NoSummary           bool
	NoFailures          bool
	NoAssertions        bool
	NoSuccessAssertions bool
	NoConsole           bool
	NoBanner            bool
	ShowTimestamps      bool
	// Color enables ANSI colours. The caller decides it from --color,
	// NO_COLOR and whether the output is a terminal.
	Color bool
	// DisableUnicode prints plain-text symbols (--disable-unicode).
	DisableUnicode bool
	// Verbose adds request/response sizes, header counts and bodies.
	Verbose bool
	// Width is the terminal width; 0 when the output is not a terminal.
	// It sets where console lines wrap and the failure table's columns.
	Width int
	// Deterministic prints every duration as "XXms", for golden tests of
	// real runs.
	Deterministic bool
	// Banner replaces the "courier" banner word.
	Banner string
	// Clock gives the time for ShowTimestamps and the status line; nil
	// means time.Now.
	Clock func() time.Time
	// TTY says the output is a terminal: long runs then get a live status
	// line at the bottom (see status.go). The caller decides it; it is
	// independent of Color, so NO_COLOR keeps the line, uncoloured.
	TTY bool
	// AfterFunc runs f after d on another goroutine and returns a cancel
	// function, for the status line's timer; nil means time.AfterFunc.
	// Tests inject their own with Clock.
	AfterFunc func(d time.Duration, f func()) (stop func())
}

// CLI is Newman's cli reporter: a live log of the run, then a summary table
// and the failure list.
type CLI struct {
	// out is where the log goes: dst itself, or on a terminal the status
	// line's pending buffer, flushed after each event.
	out    *errWriter
	dst    *errWriter
	mu     sync.Mutex // guards everything when st is set (its timer)
	st     *status    // nil unless TTY
	o      CLIOptions
	p      palette
	sym    symbols
	cycles int
	// group is the folder of the last item printed (its key; 0: the
	// collection root), so folder headers print only when the folder
	// changes, as in Newman.
	group    int
	failures []cliFailure
	// boxEnd is the bottom of the open console box, printed before
	// anything else; "" when no box is open.
	boxEnd string
	// snr is the setNextRequest target the item's test scripts set last
	// (Newman prints it once they have all run); "" when none.
	snr string
}

type cliFailure struct {
	name, test, message, at string
	item                    runner.ItemRef
	iteration               int
}

var _ Reporter = (*CLI)(nil)

// NewCLI returns a cli reporter writing to w.
func NewCLI(w io.Writer, o CLIOptions) *CLI {
	c := &CLI{dst: &errWriter{w: w}, o: o, p: newPalette(o.Color), sym: unicodeSymbols}
	c.out = c.dst
	if o.DisableUnicode {
		c.sym = plainSymbols
	}
	if c.o.Banner == "" {
		c.o.Banner = "courier"
	}
	if c.o.Clock == nil {
		c.o.Clock = time.Now
	}
	if c.o.AfterFunc == nil {
		c.o.AfterFunc = defaultAfterFunc
	}
	if o.TTY && !o.Silent {
		c.st = &status{atBOL: true}
		c.out = &errWriter{w: &c.st.pending}
	}
	return c
}

// Close erases the status line and reports the first write error.
func (c *CLI) Close() error {
	if c.st != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.closeBox()
		c.closeStatus()
	} else {
		c.closeBox()
	}
	return c.dst.err
}

// Handle prints one event. On a terminal it also keeps the live status
// line (status.go) below what it prints, under the lock the status line's
// timer shares.
func (c *CLI) Handle(ev runner.Event) {
	if c.o.Silent {
		return
	}
	if c.st != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.st.observe(c, ev)
		defer func() { c.flush(c.o.Clock()) }()
	}
	c.logEvent(ev)
}

// logEvent prints one event into the run's log.
func (c *CLI) logEvent(ev runner.Event) {
	switch e := ev.(type) {
	case runner.StartEvent:
		c.start(e)
	case runner.IterationEvent:
		if e.Total > 1 {
			c.print("\n" + c.p.grayUnderline.Sprintf("Iteration %d/%d", e.Iteration+1, e.Total) + "\n")
		}
	case runner.ItemStartEvent:
		c.itemStart(e)
	case runner.RequestEvent:
		c.request(e)
	case runner.ScriptRequestLineEvent:
		// Newman prints a pm.sendRequest round trip as a request line of
		// its own (a failed one among the failures), where its answer came.
		// With --verbose it keeps to that line: the bodies a script built
		// may carry its secrets in encodings output masking cannot follow.
		c.requestLine(runner.RequestEvent{Item: e.Item, Iteration: e.Iteration, Request: e.Request, Response: e.Response, Err: e.Err}, true)
	case runner.ScriptEvent:
		c.scriptError(e)
		if e.Listen == "test" && e.NextRequest != "" {
			c.snr = e.NextRequest
		}
	case runner.AssertionEvent:
		c.assertion(e)
	case runner.ConsoleEvent, runner.WarningEvent:
		c.consoleOrWarning(e)
	case runner.InterruptedEvent:
		if e.Err != nil {
			c.print("  " + c.p.red.Sprint("[interrupted: "+e.Err.Error()+"]") + "\n")
		}
	case runner.ItemDoneEvent:
		// A request skipped with pm.execution.skipRequest() prints nothing
		// under its name, as in Newman and Postman CLI.
		if c.snr != "" {
			c.print("\n" + c.p.gray.Sprint("Attempting to set next request to "+c.snr) + "\n")
			c.snr = ""
		}
	case runner.DoneEvent:
		c.done(e)
	}
}

// consoleOrWarning prints what a script logged, or a warning of the run,
// unless --reporter-cli-no-console.
func (c *CLI) consoleOrWarning(ev runner.Event) {
	if c.o.NoConsole {
		return
	}
	switch e := ev.(type) {
	case runner.ConsoleEvent:
		c.console(e.Line)
	case runner.WarningEvent:
		c.print(c.p.yellow.Sprint("  warning: "+e.Message) + "\n")
	}
}

// start prints the banner and the collection's name.
func (c *CLI) start(e runner.StartEvent) {
	c.cycles = e.Iterations
	if !c.o.NoBanner {
		c.print(c.o.Banner + "\n\n")
	}
	if e.Collection != nil {
		name := e.Collection.Info.Name
		if name == "" {
			name = e.Collection.Info.ID
		}
		if name != "" {
			c.print(name + "\n")
		}
	}
}

// scriptEventAt is where the failure list places a script's error.
func scriptEventAt(e runner.ScriptEvent) string {
	if e.At != "" {
		return e.At
	}
	return e.Listen + "-script"
}

// scriptError numbers a failed script among the failures and prints its
// live line.
func (c *CLI) scriptError(e runner.ScriptEvent) {
	if e.Err == nil {
		return
	}
	name := errorName(e.Err)
	c.failures = append(c.failures, cliFailure{
		name: name, message: errorMessage(name, e.Err), at: scriptEventAt(e),
		item: e.Item, iteration: e.Iteration,
	})
	shown := name
	if shown == "" {
		shown = "undefined" // Newman prints the missing name as JavaScript does
	}
	c.print(c.p.redBold.Sprintf("%s%s %s in %s-script", padLeft(strconv.Itoa(len(c.failures)), 3), c.sym.scriptErr, shown, e.Listen) + "\n")
}

// done prints the summary, the failures and the run's error.
func (c *CLI) done(e runner.DoneEvent) {
	if !c.o.NoSummary && e.Summary != nil {
		c.print("\n" + c.summary(e.Summary) + "\n")
	}
	if !c.o.NoFailures && len(c.failures) > 0 {
		c.print("\n" + c.failureTable() + "\n")
	}
	// A run that ended with an error (--bail folder, --timeout, an
	// interrupt) says so on stderr ("error: ..."), where Newman says it;
	// its CLI reporter prints nothing more.
}

func (c *CLI) itemStart(e runner.ItemStartEvent) {
	if e.Item.IsZero() {
		return
	}
	if parent := e.Item.FolderKey; parent != c.group {
		if len(e.Item.Folders) > 0 {
			c.print("\n" + c.sym.folder + " " + strings.Join(e.Item.Folders, " / "))
		}
		c.group = parent
	}
	mark := c.sym.root
	if len(e.Item.Folders) > 0 {
		mark = c.sym.sub
	}
	c.print("\n" + mark + " " + e.Item.Name + "\n")
}

// runDuration is the summary's run duration. A run --bail folder or
// --timeout aborted has none in Newman's summary (no end time): its table
// prints pretty-ms of NaN, which is "0ms".
func (c *CLI) runDuration(s *runner.Summary) string {
	if s.Aborted {
		return "0ms"
	}
	return c.dur(s.Completed.Sub(s.Started))
}

func (c *CLI) dur(d time.Duration) string {
	if c.o.Deterministic {
		return "XXms"
	}
	if c.o.DisableUnicode {
		// --disable-unicode promises plain text; Newman still prints "µs".
		return strings.Replace(prettyMS(ms(d)), "µs", "us", 1)
	}
	return prettyMS(ms(d))
}

func (c *CLI) request(e runner.RequestEvent) { c.requestLine(e, false) }

// requestLine prints a request's line (and, with --verbose and not
// compact, its block).
func (c *CLI) requestLine(e runner.RequestEvent, compact bool) {
	if ch := e.Request.Challenge; ch != nil {
		// Newman prints the auth challenge's round trip (the 401) as a
		// request line of its own, before the answered one.
		first := e
		first.Request.Header, first.Request.Challenge = e.Request.ChallengeSent, nil
		first.Response, first.Timings, first.Err = (*runner.Response)(ch), nil, nil
		c.requestLine(first, compact)
	}
	g := c.p.gray
	if c.o.ShowTimestamps {
		ts := "[" + c.o.Clock().Format("1/2/2006, 3:04:05 PM") + "]"
		c.print("  " + g.Sprint(ts) + "  " + g.Sprint(e.Request.Method) + " " + g.Sprint(shownURL(e.Request)) + " ")
	} else {
		c.print("  " + g.Sprint(e.Request.Method) + " " + g.Sprint(shownURL(e.Request)) + " ")
	}
	if e.Err != nil || e.Response == nil {
		msg := "Internal error! Could not read response data."
		if e.Err != nil {
			msg = e.Err.Error()
			// Newman numbers request errors among the failures but shows
			// no number on the live line.
			c.failures = append(c.failures, cliFailure{
				name: errorName(e.Err), message: msg, at: "request", item: e.Item, iteration: e.Iteration,
			})
		}
		c.print(c.p.red.Sprint("[errored]") + "\n")
		c.print(c.p.red.Sprint("     "+msg) + "\n")
		if hint := requestErrorHint(msg); hint != "" {
			c.print(c.p.gray.Sprint("     "+hint) + "\n")
		}
		return
	}
	res := e.Response
	if !c.o.Verbose || compact {
		c.print(g.Sprintf("[%d %s, %s, %s]", res.Code, reason(res), fileSize(responseSize(res)), c.dur(res.ResponseTime)) + "\n")
		return
	}
	c.verbose(e)
}

// verbose prints Newman's --verbose block: a one-line size summary, then the
// request and response bodies in boxes (clipped at 2048 characters).
func (c *CLI) verbose(e runner.RequestEvent) {
	const clip = 2048
	g, s := c.p.gray, c.sym
	res := e.Response
	star := " " + g.Sprint(s.star) + " "
	cookies := 0
	for _, h := range res.Header {
		if strings.EqualFold(h.Key, "Set-Cookie") {
			cookies++
		}
	}
	reqHeaders := 0
	for _, h := range e.Request.Header {
		if !h.Disabled {
			reqHeaders++
		}
	}
	c.print(" \n")
	c.print("  " + strings.Join([]string{
		fmt.Sprintf("%d %s", res.Code, reason(res)),
		c.dur(res.ResponseTime) + " " + g.Sprint("time"),
		fileSize(requestSize(e.Request)) + g.Sprint(s.up) + " " + fileSize(responseSize(res)) + g.Sprint(s.down) + " " + g.Sprint("size"),
		strconv.Itoa(reqHeaders) + g.Sprint(s.up) + " " + strconv.Itoa(len(res.Header)) + g.Sprint(s.down) + " " + g.Sprint("headers"),
		strconv.Itoa(cookies) + " " + g.Sprint("cookies"),
	}, star) + "\n")

	box := func(head, text string, n int) {
		if n > clip {
			r := []rune(text)
			if len(r) > clip {
				text = string(r[:clip])
			}
			text += fmt.Sprintf("\n(showing %s/%s)", fileSize(clip), fileSize(int64(n)))
		}
		c.print("  " + s.top + " " + head + "\n")
		lines := cutLines(text, c.wrapWidth())
		if len(lines) == 0 {
			lines = []string{""} // Newman's box of a body it shows no text for
		}
		for _, l := range lines {
			c.print("  " + s.middle + " " + g.Sprint(l) + "\n")
		}
		c.print("  " + s.bottom)
	}
	if n := len(e.Request.Body); n > 0 {
		mode := "raw"
		if e.Item.BodyMode != "" {
			mode = e.Item.BodyMode
		}
		box(s.up+" "+mode+star+fileSize(int64(n)), verboseRequestText(e.Request, mode), n)
		c.print(" \n")
	}
	mime := contentInfo(res)
	if n := len(res.Body); n > 0 {
		box(s.down+" "+strings.Join(mime, star)+star+fileSize(int64(n)), string(res.Body), n)
		c.print("\n")
	} else {
		c.print("  " + s.down + " " + strings.Join(mime, star) + "\n")
		if e.Timings != nil {
			c.print("\n")
		}
	}
	if e.Timings != nil {
		c.print(c.timingTable(e.Timings) + "\n")
	}
	c.print("\n")
}

// verboseRequestText is the request body as Newman's --verbose shows it:
// postman-collection's RequestBody#toString, which has no text for a
// form-data, file or GraphQL body and writes an urlencoded one's fields
// unencoded but for "&", "#" and a key's "="; a raw body as sent.
func verboseRequestText(sent runner.SentRequest, mode string) string {
	if f := sent.Form; f != nil && f.Body != nil && f.Body.Mode != "" {
		mode = f.Body.Mode
	}
	switch mode {
	case collections.BodyFormData, collections.BodyFile, collections.BodyGraphQL:
		return ""
	case collections.BodyURLEncoded:
		if f := sent.Form; f != nil && f.Body != nil {
			return runner.URLEncodedText(f.Body.URLEncoded)
		}
	}
	return string(sent.Body)
}

// timingTable is Newman's borderless two-row table of request phases; a
// phase that did not happen (a reused connection) reads "(cache)".
func (c *CLI) timingTable(t *runner.Timings) string {
	type col struct {
		head string
		d    time.Duration
	}
	cols := []col{{"prepare", t.Prepare}, {"wait", t.Wait}, {"dns-lookup", t.DNS}, {"tcp-handshake", t.TCP}}
	if t.TLS > 0 {
		cols = append(cols, col{"ssl-handshake", t.TLS})
	}
	cols = append(cols, col{"transfer-start", t.FirstByte}, col{"download", t.Download}, col{"process", t.Process}, col{"total", t.Total})
	var heads, values strings.Builder
	for _, k := range cols {
		v := "(cache)"
		if k.d > 0 {
			v = c.dur(k.d)
		}
		w := max(utf8.RuneCountInString(k.head), utf8.RuneCountInString(v))
		heads.WriteString("  " + c.p.white.Sprint(k.head) + strings.Repeat(" ", w-utf8.RuneCountInString(k.head)+1))
		values.WriteString("  " + c.p.gray.Sprint(v) + strings.Repeat(" ", w-utf8.RuneCountInString(v)+1))
	}
	return heads.String() + "\n" + values.String()
}

// wrapWidth is where Newman wraps console and body text: the terminal
// width, or 60 off a terminal, less 6.
func (c *CLI) wrapWidth() int {
	if c.o.Width > 20 {
		return c.o.Width - 6
	}
	return 54
}

func (c *CLI) assertion(e runner.AssertionEvent) {
	r := e.Result
	failed := !r.Passed && !r.Skipped
	if failed {
		name := r.ErrorName
		if name == "" {
			name = "AssertionError"
		}
		c.failures = append(c.failures, cliFailure{
			name: name, test: r.Name, message: r.Error,
			at:   fmt.Sprintf("assertion:%d in test-script", e.Index), // Newman's words, pre-request tests too
			item: e.Item, iteration: e.Iteration,
		})
	}
	if c.o.NoAssertions {
		return
	}
	if r.Skipped {
		if !c.o.NoSuccessAssertions {
			c.print(c.p.cyan.Sprint("  - ") + " " + c.p.cyan.Sprint("[skipped] "+r.Name) + "\n")
		}
		return
	}
	if !failed && c.o.NoSuccessAssertions {
		return
	}
	var mark, text string
	if c.o.ShowTimestamps {
		ts := "  " + c.p.gray.Sprint("["+c.o.Clock().Format("3:04:05 PM")+"]")
		if failed {
			mark = ts + c.p.redBold.Sprint(padLeft(strconv.Itoa(len(c.failures)), 2)+".")
		} else {
			mark = ts + c.p.green.Sprint("  "+c.sym.ok+" ")
		}
	} else if failed {
		mark = c.p.redBold.Sprint(padLeft(strconv.Itoa(len(c.failures)), 3) + ".")
	} else {
		mark = c.p.green.Sprint("  " + c.sym.ok + " ")
	}
	if failed {
		text = c.p.redBold.Sprint(r.Name)
	} else {
		text = c.p.gray.Sprint(r.Name)
	}
	c.print(mark + " " + text + "\n")
}

// console prints one console line in Newman's box. The engine already
// renders the arguments as Newman does (util.inspect, joined with ", ").
// console prints a console line. Consecutive lines share one box, as in
// Newman: the box's bottom is printed before whatever prints next (Newman
// also closes it after half a second of quiet, which a log must not
// depend on).
func (c *CLI) console(l runner.ConsoleLine) {
	col := c.p.console(l.Level)
	if c.o.ShowTimestamps {
		c.print("\n  " + c.p.gray.Sprint("["+c.o.Clock().Format("3:04:05 PM")+"]\n"))
	}
	if c.boxEnd == "" {
		c.out.print(col.Sprint("  "+c.sym.top) + "\n")
	}
	lines := cutLines(l.Text, c.wrapWidth())
	if l.Text == "" {
		lines = []string{""} // console.log() with nothing: Newman's blank line
	}
	for _, line := range lines {
		c.out.print("  " + col.Sprint(c.sym.middle) + " " + c.p.gray.Sprint(line) + "\n")
	}
	// The bottom takes the colour of the box's last line.
	c.boxEnd = col.Sprint("  "+c.sym.bottom) + "\n"
}

// print writes s after closing an open console box.
func (c *CLI) print(s string) {
	c.closeBox()
	c.out.print(s)
}

func (c *CLI) closeBox() {
	if c.boxEnd != "" {
		c.out.print(c.boxEnd)
		c.boxEnd = ""
	}
}

func (c *CLI) summary(s *runner.Summary) string {
	stat := func(label string, st runner.Stat) []tcell {
		lc := tcell{text: label, paint: c.p.green}
		fc := tcell{text: strconv.Itoa(st.Failed)}
		switch {
		case st.Failed > 0:
			lc.paint, fc.paint = c.p.red, c.p.red
		case st.Pending > 0:
			lc.paint = nil
		}
		return []tcell{lc, {text: strconv.Itoa(st.Total)}, fc}
	}
	rows := [][]tcell{
		{{}, {text: "executed"}, {text: "  failed"}},
		stat("iterations", s.Iterations),
		stat("requests", s.Requests),
		stat("test-scripts", s.TestScripts),
		stat("prerequest-scripts", s.PrerequestScripts),
		stat("assertions", s.Assertions),
		{{text: "total run duration: " + c.runDuration(s), left: true}},
		{{text: "total data received: " + fileSize(s.ResponseBytes) + " (approx)", left: true}},
	}
	if s.Workers > 1 {
		// The numbers are the sum over the workers; say so, and how
		// variables were merged, since that differs from a sequential run.
		rows = append(rows, []tcell{{left: true, text: fmt.Sprintf("parallel: %d workers (current values: last iteration wins)", s.Workers)}})
	}
	for _, r := range []struct {
		label string
		s     runner.Spread
	}{
		{"average response time:", runner.Spread{Avg: s.ResponseAvg, Min: s.ResponseMin, Max: s.ResponseMax, SD: s.ResponseSD}},
		{"average DNS lookup time:", s.DNS},
		{"average first byte time:", s.FirstByte},
	} {
		if r.s.Avg > 0 {
			rows = append(rows, []tcell{{left: true, text: fmt.Sprintf("%s %s [min: %s, max: %s, s.d.: %s]",
				r.label, c.dur(r.s.Avg), c.dur(r.s.Min), c.dur(r.s.Max), c.dur(r.s.SD))}})
		}
	}
	return summaryTable(rows, c.sym.table, c.p.gray)
}

func (c *CLI) failureTable() string {
	g := c.p.gray
	head := [3]tcell{
		{text: "#", paint: c.p.redUnderline},
		{text: "failure", paint: c.p.redUnderline, left: true},
		{text: "detail", paint: c.p.redUnderline, left: true},
	}
	digits := len(strconv.Itoa(len(c.failures)))
	rows := make([][3][]tcell, 0, len(c.failures))
	for i, f := range c.failures {
		// cli-table3 lays a cell's lines out one under another.
		var name, detail []tcell
		for _, l := range strings.Split(f.name, "\n") {
			name = append(name, tcell{text: l})
		}
		if c.cycles > 1 {
			name = append(name, tcell{text: "iteration: " + strconv.Itoa(f.iteration+1), paint: g})
		}
		for _, l := range strings.Split(f.test, "\n") {
			detail = append(detail, tcell{text: l})
		}
		for _, l := range strings.Split(f.message, "\n") {
			detail = append(detail, tcell{text: l, paint: g})
		}
		if hint := requestErrorHint(f.message); hint != "" && f.at == "request" {
			detail = append(detail, tcell{text: hint, paint: g})
		} else if hint := scriptErrorHint(f.message); hint != "" && f.at != "request" {
			detail = append(detail, tcell{text: hint, paint: g})
		}
		detail = append(detail, tcell{text: "at " + f.at, paint: g})
		if !f.item.IsZero() {
			// Newman names no item for a request's own failure (a refused
			// connection reads `inside ""` wherever the item is).
			inside := fullName(f.item)
			if f.at == "request" {
				inside = ""
			}
			detail = append(detail, tcell{text: `inside "` + inside + `"`, paint: g})
		}
		// Newman numbers with leading zeros to the count's width (01. to 12.).
		n := strconv.Itoa(i + 1)
		n = strings.Repeat("0", digits-len(n)) + n
		rows = append(rows, [3][]tcell{{{text: n + "."}}, name, detail})
	}
	return failureTable(head, rows, c.o.Width)
}

// errorMessage strips the "Name: " prefix a JavaScript error's text carries,
// leaving Newman's error.message.
func errorMessage(name string, err error) string {
	var ei *runner.ErrorInfo
	if errors.As(err, &ei) {
		return ei.Message // may be empty: a script threw a string, as Newman shows it
	}
	var m interface{ ErrorMessage() string }
	if errors.As(err, &m) && m.ErrorMessage() != "" {
		return m.ErrorMessage()
	}
	return strings.TrimPrefix(err.Error(), name+": ")
}

func reason(r *runner.Response) string {
	if r.Status != "" {
		// Some producers keep "200 OK"; Newman shows the reason only.
		if code, rest, ok := strings.Cut(r.Status, " "); ok && code == strconv.Itoa(r.Code) {
			return rest
		}
		return r.Status
	}
	// A status line without a reason phrase, for a code http-reasons
	// lacks: Newman prints response.reason(), undefined (in the size too).
	return "undefined"
}

func headerValue(h []collections.Header, key string) string {
	for _, x := range h {
		if !x.Disabled && strings.EqualFold(x.Key, key) {
			return x.Value
		}
	}
	return ""
}

// headerBytes is postman-collection's HeaderList.contentSize: "Key: Value\r\n"
// per header.
func headerBytes(h []collections.Header) int64 {
	var n int64
	for _, x := range h {
		if !x.Disabled {
			n += int64(len(x.Key) + 2 + len(x.Value) + 2)
		}
	}
	return n
}

// responseSize is postman-collection's Response.size().total: the status
// line, headers and body. A compressed body counts as its Content-Length.
func responseSize(r *runner.Response) int64 {
	body := int64(r.Size)
	if body == 0 {
		body = int64(len(r.Body))
	}
	enc := strings.ToLower(headerValue(r.Header, "Content-Encoding"))
	if strings.Contains(enc, "gzip") || strings.Contains(enc, "deflate") {
		if n, err := strconv.ParseInt(headerValue(r.Header, "Content-Length"), 10, 64); err == nil {
			body = n
		}
	}
	head := int64(len("HTTP/X.X "+strconv.Itoa(r.Code)+" "+reason(r)+"\r\n\r\n")) + headerBytes(r.Header)
	return body + head
}

// shownURL is the request line's URL as Newman's CLI prints it: before
// percent-encoding.
func shownURL(r runner.SentRequest) string {
	if r.Shown != "" {
		return r.Shown
	}
	return r.URL
}

// requestSize is postman-collection's Request.size().total.
func requestSize(r runner.SentRequest) int64 {
	target := r.URL
	if u, err := url.Parse(r.URL); err == nil {
		target = u.RequestURI()
	}
	body := int64(len(r.Body))
	if n, err := strconv.ParseInt(headerValue(r.Header, "Content-Length"), 10, 64); err == nil {
		body = n
	}
	return int64(len(r.Method+" "+target+" HTTP/X.X\r\n\r\n")) + headerBytes(r.Header) + body
}

// contentInfo approximates postman-collection's Response.contentInfo():
// content type, mime type, mime format and charset.
func contentInfo(r *runner.Response) []string {
	ct := headerValue(r.Header, "Content-Type")
	media, params, _ := strings.Cut(ct, ";")
	media = strings.ToLower(strings.TrimSpace(media))
	if media == "" {
		media = "text/plain"
	}
	typ, sub, _ := strings.Cut(media, "/")
	mimeType, format := typ, sub
	switch {
	case strings.Contains(sub, "json"):
		mimeType, format = "text", "json"
	case strings.Contains(sub, "xml"):
		mimeType, format = "text", "xml"
	case strings.Contains(sub, "javascript"):
		mimeType, format = "text", "script"
	case typ == "text" && sub == "html":
		format = "html"
	case typ == "text":
		format = "plain"
	}
	charset := "utf8"
	for _, p := range strings.Split(params, ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(k, "charset") {
			charset = strings.ReplaceAll(strings.ToLower(strings.Trim(v, `"`)), "-", "")
		}
	}
	return []string{media, mimeType, format, charset}
}
