package runner

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/scripting"
)

// Listen names.
const (
	listenPre  = "prerequest"
	listenTest = "test"
)

// script is one script in the chain collection -> folders -> item.
type script struct {
	name   string
	source string
	// event is pm.info.eventName when it is not the listen name: a v12
	// collection's hook as its file names it.
	event string
}

// v3Hooks are the hook names of a v12 collection's scripts, as Postman
// CLI's newer sandbox gives them to pm.info.eventName: in a request file,
// then in a collection or folder definition.
var v3Hooks = map[string][2]string{
	"prerequest": {"beforeRequest", "http:beforeRequest"},
	"test":       {"afterResponse", "http:afterResponse"},
}

// chain returns the scripts for listen, outermost first.
func (r *Runner) chain(st *step, listen string) []script {
	var out []script
	add := func(name string, evs []collections.Event, definition bool) {
		for _, ev := range evs {
			// An empty script still counts as run, as Newman counts it.
			if ev.Listen == listen && !ev.Disabled {
				sc := script{name: name, source: ev.Script.Exec}
				if hooks, ok := v3Hooks[listen]; ok && r.rules.hookEventNames {
					sc.event = hooks[0]
					if definition {
						sc.event = hooks[1]
					}
				}
				out = append(out, sc)
			}
		}
	}
	add(r.Collection.Info.Name, r.Collection.Events, true)
	for _, f := range st.folders {
		add(f.Name, f.Events, true)
	}
	add(st.item.Name, st.item.Events, false)
	return out
}

// runStep runs one item: prerequest scripts, the request, test scripts. It
// returns the setNextRequest target (nil: go on in order; "" : stop the
// iteration).
func (r *Runner) runStep(ctx context.Context, st *step, it, total int) (*string, error) {
	r.failed = false
	r.summary.Items.Total++
	r.Sink.Handle(ItemStartEvent{Item: st.ref, Iteration: it, Position: st.index})
	s := &stepRun{r: r, ctx: ctx, st: st, it: it, req: cloneRequest(st.item.Request), info: r.scriptInfo(st.item, it, total)}
	if r.rules.scriptsSeeFileURL && slices.ContainsFunc(s.req.URL.Query, func(q collections.QueryParam) bool { return q.FromV3 }) {
		// Scripts see queryParams rows merged by key; the file's rows go
		// on the wire (withFileQueryParams).
		s.req.URL.Query = mergedQueryRows(s.req.URL.Query)
	}
	r.current, r.currentIter = st.ref, it

	s.runScripts(listenPre, nil)
	if err := ctx.Err(); err != nil {
		// Stopped inside this item (Ctrl-C, --timeout): it stays open, as
		// when the stop comes during its request, so the run's end reports
		// it as interrupted rather than as an item that completed.
		return s.next, err
	}
	if s.skip || s.preFailed && r.rules.endItemOnError {
		r.Sink.Handle(ItemDoneEvent{Item: st.ref, Iteration: it, Skipped: true, PreScriptsLeft: s.preLeft})
		return s.next, nil
	}
	if r.bailing() {
		// Not sent: Newman's report has no execution for it, as for a
		// skipped request.
		r.Sink.Handle(ItemDoneEvent{Item: st.ref, Iteration: it, Skipped: true, PreScriptsLeft: s.preLeft})
		return s.next, nil
	}
	resp, err := s.send()
	if err != nil {
		r.open.request = true // stopped with the request in flight (send)
		return s.next, err
	}
	// Under --bail failure a failed request ends the item before its
	// test scripts, as the runtime's stopOnFailure does.
	if !(resp.Failed && r.rules.endItemOnError) && !r.bailing() {
		s.runScripts(listenTest, resp)
	}
	r.Sink.Handle(ItemDoneEvent{Item: st.ref, Iteration: it})
	return s.next, nil
}

// stepRun is one item's run in one iteration: what its prerequest
// scripts, its request and its test scripts share.
type stepRun struct {
	r   *Runner
	ctx context.Context
	st  *step
	it  int
	// info is pm.info, less the running script's event and name.
	info scripting.Info
	// req is the request as scripts see it: the item's own until it is
	// sent, then as it went out.
	req *collections.Request
	// next is the last setNextRequest target any script set (nil: none).
	next *string
	// skip is set by a prerequest script's pm.execution.skipRequest().
	skip bool
	// preFailed is set when a prerequest script threw.
	preFailed bool
	// preLeft counts the pre-request scripts a skip or a bail left unrun.
	preLeft int
	// preRan is set once a pre-request script that is not empty ran, at
	// any level.
	preRan bool
}

// scriptInfo is pm.info for the scripts of item in iteration it.
func (r *Runner) scriptInfo(item *collections.Item, it, total int) scripting.Info {
	return scripting.Info{
		Iteration:      it,
		IterationCount: total,
		RequestName:    item.Name,
		RequestID:      item.ID,
		// As in Postman, the path starts with the collection's name.
		Location: append([]string{r.Collection.Info.Name}, item.Path()...),

		EnvironmentName: r.Options.EnvironmentName,
		EnvironmentID:   r.Options.EnvironmentID,
		GlobalsName:     r.Options.GlobalsName,
		GlobalsID:       r.Options.GlobalsID,
	}
}

// runScripts runs the item's scripts for listen, outermost first; test
// scripts get the response (nil for prerequest scripts).
func (s *stepRun) runScripts(listen string, resp *scripting.Response) {
	chain := s.r.chain(s.st, listen)
	for i, sc := range chain {
		s.runScript(listen, sc, resp)
		// The runtime's stopOnFailure and abortOnError end the event's
		// scripts at the first one that failed; a skip ends the request's
		// remaining pre-request scripts (a folder's skip stops the item's
		// own), as in Postman.
		if s.r.bailing() || s.skip {
			if listen == listenPre {
				s.preLeft = len(chain) - i - 1
			}
			return
		}
	}
}

// runScript runs one script of the chain and reports what it did, in the
// order Newman prints it: the script's pm.sendRequest round trips and
// its referenced requests' console lines (the script waited for them),
// its tests, its error, then the script itself.
func (s *stepRun) runScript(listen string, sc script, resp *scripting.Response) {
	r := s.r
	counts := r.summary.scriptsOf(listen)
	counts.Total++
	if listen == listenPre && sc.source != "" {
		s.preRan = true
	}
	if sc.source == "" {
		// An empty script counts as run but needs no engine.
		r.Sink.Handle(ScriptEvent{Item: s.st.ref, Iteration: s.it, Listen: listen, Name: sc.name})
		return
	}
	engine, err := r.scriptEngine()
	if err != nil {
		r.itemFailed(err.Error())
		r.fail(Failure{Item: s.st.ref, Iteration: s.it, Source: listen + "-script", Name: "Error", Message: err.Error()})
		return
	}
	info := s.info
	info.EventName = listen
	if sc.event != "" {
		info.EventName = sc.event
	}
	info.Current = sc.name
	res := engine.Run(s.ctx, &scripting.Exec{
		Listen:   listen,
		Source:   sc.source,
		Name:     sc.name,
		Info:     info,
		Request:  s.req,
		Response: resp,
		Scopes:   r.scopes,
		Data:     scriptData(r.scopes.Data),
		Cookies:  r.Jar,
	})
	end := time.Now()
	s.reportScriptRequests()
	s.reportTests(res.Tests, end)
	ev := ScriptEvent{Item: s.st.ref, Iteration: s.it, Listen: listen, Name: sc.name, Err: plainErr(res.Err), Time: end}
	if res.Err != nil {
		counts.Failed++
		ev.At = s.scriptFailed(listen, res.Err)
		s.preFailed = s.preFailed || listen == listenPre
	} else if failed := failedTests(res.Tests); failed != "" && r.Options.bailOn(BailFailure) {
		counts.Failed++
		ev.Err, ev.At = s.assertionFailure(listen, failed)
	}
	for _, d := range res.Dropped {
		// Postman drops these without a word; a warning keeps a broken
		// callback from going unseen without failing what Postman passes.
		r.Sink.Handle(WarningEvent{Item: s.st.ref, Iteration: s.it,
			Message: d.Error() + " (dropped, as Postman drops what a callback throws or the script throws while callbacks are pending; not counted as a failure)"})
	}
	if res.NextRequestSet {
		ev.NextRequest = res.NextRequest
	}
	r.Sink.Handle(ev)
	if res.NextRequestSet {
		n := res.NextRequest
		s.next = &n
	}
	if res.SkipRequest && listen == listenPre {
		s.skip = true
	}
}

// scriptsOf returns the script counts for listen.
func (s *Summary) scriptsOf(listen string) *Stat {
	if listen == listenPre {
		return &s.PrerequestScripts
	}
	return &s.TestScripts
}

// reportScriptRequests reports what the script's own requests left behind:
// each pm.sendRequest round trip (a failed one is a failed request), then
// the console lines of the requests it ran by reference.
func (s *stepRun) reportScriptRequests() {
	r := s.r
	for _, t := range r.takeScriptTrips() {
		if t.sent.Challenge != nil {
			// A digest challenge's 401 is a response of its own, before
			// the retry's, as for an item's request (recordRequest).
			r.requestsSeen++
			r.responses.addAt(t.sent.Challenge.ResponseTime.Round(time.Millisecond), r.requestsSeen)
		}
		r.requestsSeen++
		if t.err != nil {
			r.summary.Requests.Failed++
			r.fail(Failure{Item: s.st.ref, Iteration: s.it, Source: "request", Name: "Error", Message: t.err.Error()})
		} else if t.resp != nil {
			// Newman's response figures and data received are over
			// every round trip, a script's too.
			r.responses.addAt(t.resp.ResponseTime.Round(time.Millisecond), r.requestsSeen)
			r.summary.ResponseBytes += int64(t.resp.Size + t.sent.ChallengeSize)
		}
		r.Sink.Handle(ScriptRequestEvent{Item: s.st.ref, Iteration: s.it, Request: t.sent, Response: (*Response)(t.resp), Err: plainErr(t.err), Time: t.at})
	}
	for _, ev := range r.takeRefConsole(s.st.ref, s.it) {
		r.Sink.Handle(ev)
	}
}

// reportTests reports a script's tests as assertions numbered within the
// script by their pm.test calls, as Newman numbers them. Console lines the script logged after some of its tests were held
// back (engineOptions): a line logged once n tests were registered goes
// out after the script's first n assertions, as Newman prints it.
func (s *stepRun) reportTests(tests []scripting.TestResult, at time.Time) {
	r := s.r
	held := r.heldConsole
	r.heldConsole = nil
	for i, t := range tests {
		for len(held) > 0 && held[0].tests <= i {
			r.Sink.Handle(held[0].ev)
			held = held[1:]
		}
		r.summary.Assertions.Total++
		if !t.Passed && !t.Skipped {
			r.summary.Assertions.Failed++
			r.fail(Failure{Item: s.st.ref, Iteration: s.it, Source: "assertion", Name: t.Name, Message: t.Error, Index: t.Index, ErrorType: t.ErrorName})
		}
		r.Sink.Handle(AssertionEvent{Item: s.st.ref, Iteration: s.it, Index: t.Index, Result: TestResult(t), Time: at})
	}
	for _, h := range held {
		r.Sink.Handle(h.ev)
	}
}

// assertionFailureAt is where Newman's failure list places --bail's
// AssertionFailure: the line and column of postman-runtime 7.39.1's own
// code that makes the error (event.command.js:41:17, less the 2 lines
// Newman takes off for a script's wrapper).
const assertionFailureAt = ":39:17"

// failedTests joins the names of the tests that failed, as the runtime
// lists them in --bail's AssertionFailure ("" when none failed).
func failedTests(tests []scripting.TestResult) string {
	var names []string
	for _, t := range tests {
		if !t.Passed && !t.Skipped {
			names = append(names, t.Name)
		}
	}
	return strings.Join(names, ", ")
}

// assertionFailure records the error postman-runtime gives a script whose
// tests failed under --bail failure (stopOnFailure): an AssertionFailure
// naming them, which counts as the script's failure and ends the item and
// the run. It returns the error and place for the script's event.
func (s *stepRun) assertionFailure(listen, names string) (*ErrorInfo, string) {
	at := listen + "-script" + assertionFailureAt
	s.r.itemFailed(names)
	s.r.fail(Failure{Item: s.st.ref, Iteration: s.it, Source: at, Name: "AssertionFailure", Message: names})
	return &ErrorInfo{Name: "AssertionFailure", Text: "AssertionFailure: " + names, Message: names}, at
}

// scriptFailed records a script's error as the item's failure. It returns
// the failure's place when it is more than "<listen>-script" ("" else).
func (s *stepRun) scriptFailed(listen string, err error) (at string) {
	src := "test-script"
	if listen == listenPre {
		src = "prerequest-script"
	}
	msg, stack := err.Error(), ""
	var se *scripting.ScriptError
	// A thrown value that is no Error (a string) has an empty message, as
	// Newman reports it; the location-laden text is for logs only.
	if errors.As(err, &se) && (se.Msg != "" || se.Err == nil && se.Name != "") {
		// Newman's failure shows the JavaScript message; where it
		// happened goes to the stack, as in its reports.
		msg, stack = se.Msg, err.Error()
	}
	if se != nil && se.Chai != nil {
		// A chai AssertionError keeps its stack through Newman's sandbox,
		// and Newman places the failure by its first frame: the line in
		// the sandbox's wrapper less 2 (the script's line + 1) and V8's
		// column (runner/report.TestChaiErrorOutsideTestAsNewman).
		src += ":" + strconv.Itoa(se.Line+1) + ":" + strconv.Itoa(se.CallColumn)
		at = src
	}
	s.r.itemFailed(msg)
	s.r.fail(Failure{Item: s.st.ref, Iteration: s.it, Source: src, Name: scriptErrorName(err), Message: msg, Stack: stack})
	return at
}

// send sends the item's request and records how it went. It returns the
// response test scripts see, or the context's error when the run ended
// with the request in flight.
func (s *stepRun) send() (*scripting.Response, error) {
	r := s.r
	var used *usedSecrets
	if !r.Options.VaultScripts && r.Options.Secrets != nil {
		used = &usedSecrets{}
	}
	req := s.req
	if r.rules.scriptsSeeFileURL {
		req = withFileQueryParams(s.st.item.Request, req)
	}
	if r.rules.wholeSegmentPathVars && s.preRan {
		req = withPathVariablesEnabled(req)
	}
	resolved, sent, resp, timings, err := r.send(s.ctx, s.st, req, s.it, used)
	if r.rules.scriptsSeeFileURL {
		resolved = r.withFileURL(s.st.item.Request, resolved)
	}
	// Without --vault-scripts, test scripts see vault values as their
	// references (docs/vault.md); the wire had the values.
	s.req = used.concealer().request(asSent(resolved, sent, r.rules))
	if err != nil && s.ctx.Err() != nil {
		// The run was cancelled or hit --timeout: that ends the run, it
		// is not this request's failure, and the request, never
		// completed, is not counted as sent.
		return nil, s.ctx.Err()
	}
	s.recordRequest(sent, resp, timings, err)
	// Tests run even when the request failed, as in Newman; scripts see an
	// empty response then.
	if resp == nil {
		resp = &scripting.Response{Failed: true}
	}
	return resp, nil
}

// asSent returns the resolved request as test scripts see it once sent.
func asSent(req *collections.Request, sent SentRequest, rules runtimeRules) *collections.Request {
	if sent.URL != "" && req != nil && !rules.urlAsResolved {
		// Test scripts see the URL as it went out, percent-encoded by the
		// runtime (Newman 6.2.2: "q=a b" reads back "q=a%20b").
		req = withWireURL(req, sent.URL)
	}
	if len(sent.Header) > 0 {
		// Test scripts see every header that went out, system and auth
		// headers included, as in Postman.
		req.Header = sent.Header
	}
	return req
}

// recordRequest counts a request that completed or failed, adds its
// response to the run's figures and reports it.
func (s *stepRun) recordRequest(sent SentRequest, resp *scripting.Response, timings *Timings, err error) {
	r := s.r
	r.summary.Requests.Total++
	if sent.Challenged {
		r.summary.Requests.Total++
		r.requestsSeen++
		if sent.Challenge != nil {
			// The challenge's answer (the 401) is a response of its own:
			// Newman's timings fold its time in before the retry's.
			r.responses.addAt(sent.Challenge.ResponseTime.Round(time.Millisecond), r.requestsSeen)
		}
	}
	r.requestsSeen++
	ev := RequestEvent{Item: s.st.ref, Iteration: s.it, Request: sent, Response: (*Response)(resp), Timings: timings, Err: plainErr(err), Time: time.Now()}
	if err != nil {
		ev.Request.Resolved = r.resolvedReferences(s.st.item)
		r.summary.Requests.Failed++
		r.itemFailed(err.Error())
		r.fail(Failure{Item: s.st.ref, Iteration: s.it, Source: "request", Name: ErrorInfoOf(err).Name, Message: err.Error()})
	} else {
		// Newman's summary is over whole milliseconds, as its response
		// times are (Date.now()); so is courier's.
		r.responses.addAt(resp.ResponseTime.Round(time.Millisecond), r.requestsSeen)
		if timings != nil {
			r.dns.addAt(timings.DNS, r.requestsSeen)
			r.firstByte.addAt(timings.FirstByte, r.requestsSeen)
		}
		r.summary.ResponseBytes += int64(resp.Size + sent.ChallengeSize)
	}
	r.Sink.Handle(ev)
}

func scriptErrorName(err error) string {
	var se *scripting.ScriptError
	if errors.As(err, &se) && se.Name != "" {
		return se.Name
	}
	return "Error"
}

// withWireURL returns req with the path and query of the URL as sent.
func withWireURL(req *collections.Request, wire string) *collections.Request {
	w := collections.ParseURL(wire)
	c := *req
	// A URL that came from one variable ({{url}}) resolves to a single
	// host part holding all of it: read it again in parts first.
	vars := c.URL.Variables
	c.URL = collections.ParseURL(c.URL.String())
	c.URL.Variables = vars
	c.URL.Query = w.Query
	// The host as it went out: lower-cased, an IPv4 shorthand expanded, an
	// IPv6 address as WHATWG writes it (Newman 6.2.2: "LOCALHOST" and
	// "2130706433" read back "localhost" and "127.0.0.1", fresh-round10n-g).
	if len(w.Host) > 0 {
		c.URL.Host = w.Host
	}
	if len(c.URL.Path) == len(w.Path) || (len(c.URL.Path) == 0 && len(w.Path) == 1 && w.Path[0] == "") {
		// A URL without a path went out with "/": the test script reads
		// path [""] and prints "http://host/" (Newman 6.2.2,
		// fresh-round14n-i.json).
		c.URL.Path = w.Path
	}
	// The runtime parses the resolved URL text again: the path variables
	// are in the path, and test scripts see only the ":name" segments left
	// in it, without values (Newman 6.2.2: {type: any, key}).
	c.URL.Variables = collections.ParseURL(c.URL.String()).Variables
	if c.URL.Protocol == "" || strings.EqualFold(c.URL.Protocol, w.Protocol) {
		// The runtime sends a URL without a scheme over http, and the
		// script sees it so (Newman 6.2.2: "host/p" reads "http://host/p");
		// a scheme in capitals reads back in lower case ("HTTP://",
		// fresh-round13c-d.json).
		c.URL.Protocol = w.Protocol
	}
	if w.UserInfo != nil && c.URL.UserInfo != nil {
		c.URL.UserInfo = w.UserInfo
	}
	if c.URL.Hash != "" {
		// The fragment as the runtime encoded it, though never sent
		// (Newman 6.2.2: "#frag ment" reads back "#frag%20ment",
		// fresh-round14c-d.json).
		c.URL.Hash = w.Hash
	}
	return &c
}

// withFileURL gives req the URL and the body file has, resolved
// (runtimeRules.scriptsSeeFileURL): test scripts see them, whatever a
// pre-request script changed (the changed ones were sent; headers show as
// sent). Vault references stay references unless scripts may read them.
func (r *Runner) withFileURL(file, req *collections.Request) *collections.Request {
	if file == nil || req == nil {
		return req
	}
	res := r.resolver()
	if r.Options.VaultScripts && r.Options.Secrets != nil {
		res.Secrets = r.Options.Secrets(context.Background())
	}
	c := *req
	fc := cloneRequest(file)
	c.URL = resolveURL(fc.URL, res.Replace)
	c.URL.Query = withFileQueryRows(file.URL.Query, c.URL.Query, res.Replace)
	resolveBody(fc.Body, res.Replace)
	// The runtime's own change stays: a JSON body's comments go.
	stripBodyComments(fc, false)
	c.Body = fc.Body
	return withPathVariables(file, &c)
}

// withFileQueryRows is the query test scripts see in a v12 run: when the
// file gives queryParams rows, every row as the file has it (disabled
// ones and descriptions kept; mergedQueryRows), resolved; the newer
// runtime does not read them back from the URL text. Otherwise parsed,
// the rows read from the text.
func withFileQueryRows(file, parsed []collections.QueryParam, sub func(string) string) []collections.QueryParam {
	if !slices.ContainsFunc(file, func(q collections.QueryParam) bool { return q.FromV3 }) {
		return parsed
	}
	rows := mergedQueryRows(file)
	for i, q := range rows {
		q.Key = sub(q.Key)
		if q.Value != nil {
			v := sub(*q.Value)
			q.Value = &v
		}
		rows[i] = q
	}
	return rows
}

// mergedQueryRows is a copy of query as scripts see it in a v12 run: the
// queryParams rows of one key are one row, where the first of them stands,
// as the last of them gives it (its value, disabled and description: the
// runtime keeps them by key), though all of them are sent
// (fresh-round14v-d.json, fresh-round14v-f.json).
func mergedQueryRows(query []collections.QueryParam) []collections.QueryParam {
	rows := make([]collections.QueryParam, 0, len(query))
	at := map[string]int{}
	for _, q := range query {
		if !q.FromV3 {
			rows = append(rows, q)
			continue
		}
		if i, again := at[q.Key]; again {
			rows[i] = q
			continue
		}
		at[q.Key] = len(rows)
		rows = append(rows, q)
	}
	return rows
}

// withFileQueryParams is the request a v12 run sends when its file gives
// queryParams rows: the newer runtime keeps those rows apart from the URL
// scripts change, and at sending drops every parameter of the URL that
// they name, then adds them all as the file has them (repeated keys and
// all, disabled ones left out). So a parameter a pre-request script adds
// goes before them, and a script's change or removal of one of them does
// not reach the wire (fresh-round14v-f.json): collections.WithQueryRows, the
// rule that merges the url text's query with queryParams when the file loads.
func withFileQueryParams(file, req *collections.Request) *collections.Request {
	if file == nil || req == nil {
		return req
	}
	var rows []collections.QueryParam
	for _, q := range file.URL.Query {
		if q.FromV3 {
			rows = append(rows, q)
		}
	}
	if len(rows) == 0 {
		return req
	}
	c := *req
	c.URL.Query = collections.WithQueryRows(req.URL.Query, rows)
	return &c
}

// withPathVariablesEnabled is req with every path variable enabled: the
// newer runtime leaves a disabled one's segment as written only when no
// pre-request script ran (an empty one does not count), at the request,
// a folder or the collection; after one, the value goes
// (fresh-round14v-j.json, fresh-round14v-k.json).
func withPathVariablesEnabled(req *collections.Request) *collections.Request {
	if !slices.ContainsFunc(req.URL.Variables, func(v collections.Variable) bool { return v.Disabled }) {
		return req
	}
	c := *req
	c.URL.Variables = slices.Clone(req.URL.Variables)
	for i := range c.URL.Variables {
		c.URL.Variables[i].Disabled = false
	}
	return &c
}

// withPathVariables gives req back the ":name" path segments orig has
// (their values stay in the URL's variables), as the newer runtime shows
// test scripts the URL: url.path keeps ":id", url.toString() fills it in.
func withPathVariables(orig, req *collections.Request) *collections.Request {
	op, rp := orig.URL.Path, req.URL.Path
	if len(op) != len(rp) || len(req.URL.Variables) == 0 {
		return req
	}
	var path []string
	for i, seg := range op {
		if strings.HasPrefix(seg, ":") && seg != rp[i] {
			if path == nil {
				path = append([]string(nil), rp...)
			}
			path[i] = seg
		}
	}
	if path == nil {
		return req
	}
	c := *req
	c.URL.Path = path
	return &c
}

// scriptData is the iteration data one script sees: a copy, since
// postman-runtime takes back no change a script makes to pm.iterationData
// (set and unset last until the script ends; the request and the next
// script see the row as the data file gave it, Newman 6.2.2).
func scriptData(d *environments.Scope) *environments.Scope {
	if d == nil {
		return environments.NewScope("data", nil)
	}
	return environments.NewScope(d.Name, d.Variables())
}
