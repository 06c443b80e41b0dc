package report

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// JUnitOptions configure the junit reporter.
type JUnitOptions struct {
	// SuitePerExecution writes one <testsuite> per request execution, as
	// soon as it is done, instead of Newman's one suite per request
	// aggregated over iterations. Memory then stays flat however many
	// requests run; Newman's layout holds one entry per request and test
	// name.
	SuitePerExecution bool
	// SpoolDir is where finished suites wait (beyond 1 MiB) for the run's
	// totals, which go first; "" means the system temp directory.
	SpoolDir string
}

// maxSystemErr caps the error log kept per suite in aggregated mode.
const maxSystemErr = 64 << 10

// JUnit writes a Newman-compatible JUnit XML report. Unlike Newman it
// emits skipped tests as <skipped/> (newman#3191).
type JUnit struct {
	out     *errWriter
	o       JUnitOptions
	coll    *collections.Collection
	started time.Time

	suites  []*junitSuite       // aggregated mode, in first-run order
	byItem  map[int]*junitSuite // by ItemRef.Key: items without ids are common
	cur     *junitExec
	spool   spool // per-execution mode
	tests   int   // items whose request was made: the root's tests, as Newman's stats.tests
	seconds float64
	done    bool
}

type junitCase struct {
	name    string
	errored bool // an <error>: the run stopped here
	fails   int
	message string
	stack   string
	skipped bool
}

type junitSuite struct {
	item           runner.ItemRef
	tests          int
	failures       int
	errors         int
	timeSum        float64
	runs           int
	systemErr      strings.Builder
	cases          []*junitCase
	byName         map[string]*junitCase
	iterationLabel int // per-execution mode: the iteration it ran in
}

// junitExec collects one request execution.
type junitExec struct {
	item       runner.ItemRef
	iteration  int
	position   int // the item's place in the run (cursor.position)
	seconds    float64
	assertions []junitCase
	errors     int
	reqErr     string
	// scriptErrs are the test script's errors, then the pre-request
	// script's (the order of Newman's system-err).
	scriptErrs, preErrs []string
}

// failed reports whether the execution recorded an error or a failed
// assertion.
func (x *junitExec) failed() bool {
	if x.errors > 0 {
		return true
	}
	for _, a := range x.assertions {
		if a.fails > 0 {
			return true
		}
	}
	return false
}

var _ Reporter = (*JUnit)(nil)

// NewJUnit returns a junit reporter writing to w.
func NewJUnit(w io.Writer, o JUnitOptions) *JUnit {
	return &JUnit{out: &errWriter{w: w}, o: o, byItem: map[int]*junitSuite{}, spool: spool{dir: o.SpoolDir, limit: spoolLimit}}
}

// Handle records one event.
func (j *JUnit) Handle(ev runner.Event) {
	switch e := ev.(type) {
	case runner.StartEvent:
		j.coll, j.started = e.Collection, e.Started
	case runner.ItemStartEvent:
		j.finishExec()
		j.cur = &junitExec{item: e.Item, iteration: e.Iteration, position: e.Position}
	case runner.RequestEvent:
		j.request(e)
	case runner.ScriptRequestEvent:
		if j.cur != nil && e.Err != nil {
			// A failed pm.sendRequest leaves its error on the item's
			// execution, as in Newman's report (and so its JUnit report).
			j.requestError(e.Err, e.Request.URL)
		}
	case runner.AssertionEvent:
		j.assertion(e)
	case runner.ScriptEvent:
		j.scriptError(e)
	case runner.ItemDoneEvent:
		if e.Skipped && j.cur != nil && !j.cur.failed() {
			// Newman's JUnit report is built from the run's executions, and
			// a request skipped with pm.execution.skipRequest() has none.
			// One whose scripts failed stays, so CI sees the failure (a
			// replayed report has it from run.failures).
			j.cur = nil
		}
		j.finishExec()
	case runner.InterruptedEvent:
		if j.cur != nil && e.Err != nil {
			j.interrupted(e.Err)
		}
	case runner.DoneEvent:
		if e.Err != nil {
			j.interrupted(e.Err)
		}
		j.finish()
	}
}

// request counts the item's request, its time or the error it met.
func (j *JUnit) request(e runner.RequestEvent) {
	if j.cur == nil {
		return
	}
	// The root's tests count is Newman's stats.tests: the items whose
	// request was made (or failed), as the JSON report's.
	j.tests++
	if e.Err != nil {
		j.requestError(e.Err, e.Request.URL)
	} else if e.Response != nil {
		j.cur.seconds = e.Response.ResponseTime.Seconds()
	}
}

// requestError counts the execution's request error once: the first one
// (a pm.sendRequest's before the item's own) stays, as on Newman's
// execution.
func (j *JUnit) requestError(err error, url string) {
	if j.cur.reqErr == "" {
		j.cur.errors++
		// Newman writes the error's stack, Node's frames included.
		j.cur.reqErr = requestErrorStack(err, url)
	}
}

// assertion adds a test case, with its failure when it failed.
func (j *JUnit) assertion(e runner.AssertionEvent) {
	if j.cur == nil {
		return
	}
	r := e.Result
	c := junitCase{name: r.Name, skipped: r.Skipped}
	if !r.Passed && !r.Skipped {
		name := r.ErrorName
		if name == "" {
			name = "AssertionError"
		}
		// The stack Newman makes up from the test's index and the item's
		// place (as the JSON report's).
		c.fails, c.message = 1, r.Error
		c.stack = name + ": " + r.Error + "\n   at Object.eval sandbox-script.js:" + strconv.Itoa(e.Index+1) + ":" + strconv.Itoa(j.cur.position+1) + ")"
	}
	j.cur.assertions = append(j.cur.assertions, c)
}

// scriptError counts a script's error, as Newman words it in the report.
func (j *JUnit) scriptError(e runner.ScriptEvent) {
	if j.cur == nil || e.Err == nil {
		return
	}
	j.cur.errors++
	text := errorMessage(errorName(e.Err), e.Err)
	if ei := runner.ErrorInfoOf(e.Err); len(ei.Fields) > 0 {
		// A chai AssertionError keeps its stack, which Newman writes.
		text = chaiStack(text, ei.Line, ei.Column)
	}
	if e.Listen == "prerequest" {
		j.cur.preErrs = append(j.cur.preErrs, "prerequestScriptError: "+text)
	} else {
		j.cur.scriptErrs = append(j.cur.scriptErrs, "testScriptError: "+text)
	}
}

// interrupted records a run that stopped early (interrupted, --timeout,
// an aborted run) as an error in the execution it stopped in, or in a
// suite of its own, so CI never reads the report as a clean pass.
func (j *JUnit) interrupted(err error) {
	if j.cur == nil {
		j.cur = &junitExec{item: runner.ItemRef{Name: "run", Key: -1}}
	}
	j.cur.errors++
	msg := errorName(err) + ": " + err.Error()
	if j.cur.reqErr == "" {
		j.cur.reqErr = msg
	}
	j.cur.assertions = append(j.cur.assertions, junitCase{name: "run stopped", errored: true, message: err.Error(), stack: msg})
}

// Close writes the report if the run ended without a DoneEvent and reports
// the first write error.
func (j *JUnit) Close() error {
	if !j.done {
		j.finish()
	}
	return j.out.err
}

// errorLog is Newman's system-err text for one execution.
func (x *junitExec) errorLog() string {
	if x.errors == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Iteration: " + strconv.Itoa(x.iteration) + "\n")
	if x.reqErr != "" {
		b.WriteString("RequestError: " + x.reqErr + "\n")
	}
	b.WriteString("\n---\n")
	for _, s := range append(x.scriptErrs, x.preErrs...) {
		b.WriteString(s + "\n---\n")
	}
	return b.String()
}

func (j *JUnit) finishExec() {
	x := j.cur
	if x == nil {
		return
	}
	j.cur = nil
	j.seconds += x.seconds
	s := &junitSuite{item: x.item, byName: map[string]*junitCase{}, iterationLabel: x.iteration}
	if !j.o.SuitePerExecution && !x.item.IsZero() {
		if old, ok := j.byItem[x.item.Key]; ok {
			s = old
		} else {
			j.byItem[x.item.Key] = s
			j.suites = append(j.suites, s)
		}
	}
	s.runs++
	s.timeSum += x.seconds
	s.tests = len(x.assertions)
	s.errors += x.errors
	if l := x.errorLog(); l != "" && s.systemErr.Len() < maxSystemErr {
		s.systemErr.WriteString(l)
	}
	for _, a := range x.assertions {
		c, ok := s.byName[a.name]
		if !ok {
			c = &junitCase{name: a.name, errored: a.errored, message: a.message, stack: a.stack}
			s.byName[a.name] = c
			s.cases = append(s.cases, c)
		}
		s.failures += a.fails
		if a.fails > 0 {
			if c.fails == 0 {
				c.message, c.stack = a.message, a.stack
			}
			c.fails += a.fails
		}
		c.skipped = a.skipped
	}
	if j.o.SuitePerExecution {
		var b bytes.Buffer
		j.writeSuite(&b, s)
		j.spool.Write(b.Bytes())
	}
}

func (j *JUnit) finish() {
	j.finishExec()
	j.done = true
	defer j.spool.release()
	name := ""
	if j.coll != nil {
		name = j.coll.Info.Name
	}
	j.out.print(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	j.out.print(`<testsuites name="` + attr(name) + `" tests="` + strconv.Itoa(j.tests) + `" time="` + secs(j.seconds) + `">` + "\n")
	if j.o.SuitePerExecution {
		if err := j.spool.copyTo(j.out); err != nil && j.out.err == nil {
			j.out.err = err
		}
	} else {
		var b bytes.Buffer
		for _, s := range j.suites {
			b.Reset()
			j.writeSuite(&b, s)
			j.out.Write(b.Bytes())
		}
	}
	j.out.print("</testsuites>\n")
}

func (j *JUnit) writeSuite(b *bytes.Buffer, s *junitSuite) {
	full, id := fullName(s.item), s.item.ID
	class := className(full)
	if class == "" && j.coll != nil {
		class = className(j.coll.Info.Name)
	}
	mean := 0.0
	if s.runs > 0 {
		mean = s.timeSum / float64(s.runs)
	}
	ts := ""
	if !j.started.IsZero() {
		ts = j.started.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	b.WriteString(`  <testsuite name="` + attr(full) + `" id="` + attr(id) + `" timestamp="` + ts +
		`" tests="` + strconv.Itoa(s.tests) + `" failures="` + strconv.Itoa(s.failures) +
		`" errors="` + strconv.Itoa(s.errors) + `" time="` + secs(mean) + `"`)
	if len(s.cases) == 0 && s.systemErr.Len() == 0 && !j.o.SuitePerExecution {
		b.WriteString("/>\n")
		return
	}
	b.WriteString(">\n")
	if j.o.SuitePerExecution {
		b.WriteString(`    <properties>` + "\n")
		b.WriteString(`      <property name="iteration" value="` + strconv.Itoa(s.iterationLabel+1) + `"/>` + "\n")
		b.WriteString(`    </properties>` + "\n")
	}
	if s.systemErr.Len() > 0 {
		b.WriteString("    <system-err>" + cdata(s.systemErr.String()) + "</system-err>\n")
	}
	collID, collName := "", ""
	if j.coll != nil {
		collID, collName = j.coll.Info.ID, j.coll.Info.Name
	}
	for _, c := range s.cases {
		b.WriteString(`    <testcase name="` + attr(c.name) + `" time="` + secs(mean) + `" classname="` + attr(class) + `"`)
		switch {
		case c.errored:
			b.WriteString(">\n")
			b.WriteString(`      <error type="RunInterrupted" message="` + attr(c.message) + `">` + cdata(c.stack) + "</error>\n    </testcase>\n")
		case c.fails > 0:
			b.WriteString(">\n")
			b.WriteString(`      <failure type="AssertionFailure" message="` + attr(c.message) + `">` + "\n")
			for _, line := range []string{
				"Failed " + strconv.Itoa(c.fails) + " times.",
				"Collection JSON ID: " + collID + ".",
				"Collection name: " + collName + ".",
				"Request name: " + full + ".",
				"Test description: " + c.name + ".",
				"Error message: " + c.message + ".",
				"Stacktrace: " + c.stack + ".",
			} {
				b.WriteString("        " + cdata(line) + "\n")
			}
			b.WriteString("      </failure>\n    </testcase>\n")
		case c.skipped:
			b.WriteString(">\n      <skipped/>\n    </testcase>\n")
		default:
			b.WriteString("/>\n")
		}
	}
	b.WriteString("  </testsuite>\n")
}

func secs(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

// attr escapes an attribute value as xmlbuilder (Newman's) does: &, <, "
// and the tab, line feed and carriage return; ' and > stay as they are.
// A character XML cannot hold becomes U+FFFD, as encoding/xml writes it.
func attr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if !xmlChar(r) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// cdata wraps s in CDATA sections, splitting any "]]>" it holds.
func cdata(s string) string {
	return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
}

// className is Newman's getClassName: lodash upperFirst(camelCase(name))
// with non-word characters removed ("Users / Create user" → "UsersCreateUser").
func className(name string) string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = nil
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case len(cur) > 0:
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if (unicode.IsLower(prev) && unicode.IsUpper(r)) ||
				(unicode.IsUpper(prev) && unicode.IsUpper(r) && nextLower) ||
				(unicode.IsDigit(prev) != unicode.IsDigit(r)) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	var b strings.Builder
	for _, w := range words {
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		for _, c := range r {
			if c < 128 {
				b.WriteRune(c)
			}
		}
	}
	return b.String()
}
