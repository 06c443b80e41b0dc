package report

import (
	"bytes"
	"cmp"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/httpreasons"
	"github.com/courier-run/courier/internal/lazyre"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// JSONOptions configure the json reporter.
type JSONOptions struct {
	// MaxBody leaves response bodies larger than MaxBody bytes out of
	// response.stream.data (the size stays in responseSize); 0 keeps all.
	MaxBody int
	// SpoolDir is where failures wait, beyond 1 MiB, until the end of the
	// run; "" means the system temp directory.
	SpoolDir string
	// Redact, when set, masks secrets in response bodies before they are
	// written as a byte array, a form no stream redactor can recognise.
	Redact func(string) string
	// Shard, when set, records which slice of a sharded run this report
	// holds (run.shard, a courier extension), for courier report merge.
	Shard *jsonreport.Shard
	// PerRoundTrip writes executions as Newman 6.2.2 does, for tools that
	// count them: an item's execution once per round trip (each
	// pm.sendRequest, the 401 of a digest challenge), every copy the same
	// as Newman's are one object pushed again: the last round trip's
	// request, response and id, the last failed one's requestError, and
	// all the item's assertions. Off, an item run is one execution with
	// its own request, as Postman CLI writes it.
	PerRoundTrip bool
}

// JSON writes Newman's JSON report (collection, environment, globals,
// run{stats, timings, executions, transfers, failures, error}), its keys in
// Newman's order. Each execution is encoded when its item is done and
// spooled (in memory up to 1 MiB, then to a temporary file) until the end,
// where the blocks that come before it in Newman's order are known; nothing
// grows with the run in memory, so 200k iterations stay flat.
type JSON struct {
	out     *errWriter
	o       JSONOptions
	started time.Time
	coll    *collections.Collection
	cycles  int
	length  int

	iteration, position int
	cur                 *jsonExecution
	curItem             runner.ItemRef // the item cur runs
	// resolved is the failed request's references (SentRequest.Resolved)
	// while its failure is written.
	resolved map[string]string
	trips    int // cur's round trips, with PerRoundTrip
	written  int

	executions spool // the executions written so far, waiting for the end
	// encBuf and enc encode each execution, reused from one to the next.
	encBuf    bytes.Buffer
	enc       *json.Encoder
	failures  spool
	nfailures int
	parentAt  []parentPlace // where failures' parents go, in spool order
	// parents caches each group's JSON, written into failures[].parent
	// as Newman does: by folder key, 0 for the collection.
	parents map[int]jsonreport.Parent
	nodes   map[int]*collections.Item
	items   map[int]pmItem // itemJSON's renderings, by key
	ran     ranScripts     // the scripts that ran so far
	nran    int            // script runs counted, for their ids
	// tested are the test scripts the current item marked and the ids
	// they had before (absent: none): a request skipped with
	// pm.execution.skipRequest() runs none of them, so they keep those.
	tested map[*collections.Event]*string
	// pre are the pre-request scripts the current item marked, in the
	// order they run, with the ids they had before (nil: none), for a
	// skip that left the last of them unrun.
	pre     []scriptMark
	lateIDs int // request ids given to failed pre-request pm.sendRequests
	nerrors int // errors decorated, for their ids
	// at is the time of the event being handled: an error's timestamp
	// (zero when the event has none: the run's start stands in).
	at time.Time
	// sumBuf is checksumOf's scratch space.
	sumBuf []byte
	// startedItems counts the items started, newIteration says an
	// iteration began since the last: they give the cursor its shape.
	startedItems int
	newIteration bool
	executionIDs int // script executions named in cursors
	prerequests  int
	tests        int
	done         bool
}

var _ Reporter = (*JSON)(nil)

// NewJSON returns a json reporter writing to w.
func NewJSON(w io.Writer, o JSONOptions) *JSON {
	return &JSON{out: &errWriter{w: w}, o: o, position: -1,
		executions: spool{dir: o.SpoolDir, limit: spoolLimit}, failures: spool{dir: o.SpoolDir, limit: spoolLimit}}
}

// Handle records one event.
func (j *JSON) Handle(ev runner.Event) {
	switch e := ev.(type) {
	case runner.StartEvent:
		j.started, j.coll, j.cycles, j.length = e.Started, e.Collection, e.Iterations, e.Total
	case runner.IterationEvent:
		j.iteration, j.position = e.Iteration, -1
		j.newIteration = true
	case runner.ItemStartEvent:
		j.itemStart(e)
	case runner.RequestEvent:
		j.at = e.Time
		j.request(e)
	case runner.AssertionEvent:
		j.at = e.Time
		j.assertion(e)
	case runner.ScriptRequestEvent:
		j.at = e.Time
		j.scriptRequest(e)
	case runner.ScriptEvent:
		j.at = e.Time
		j.scriptError(e)
	case runner.ConsoleEvent:
		j.console(e)
	case runner.ItemDoneEvent:
		if e.Skipped {
			j.unmarkSkipped(e.PreScriptsLeft)
		}
		if e.Skipped && !(j.o.PerRoundTrip && j.trips > 0) {
			// Newman writes no execution for a request skipped with
			// pm.execution.skipRequest(); its failures stay in run.failures.
			// Its pm.sendRequest round trips still push one each.
			j.cur = nil
		}
		j.flush()
	case runner.InterruptedEvent:
		j.interrupted(e.Err)
	case runner.DoneEvent:
		j.finish(e)
	}
}

// itemStart writes out the previous execution and opens the item's.
func (j *JSON) itemStart(e runner.ItemStartEvent) {
	j.flush()
	j.position = e.Position
	j.prerequests++
	j.cur = &jsonExecution{Cursor: j.cursor(e.Iteration), ID: e.Item.ID, Order: make([]string, 0, 8)}
	j.cur.Set("cursor", "item")
	j.trips = 0
	j.markRan(e)
	if !e.Item.IsZero() {
		j.cur.Item = j.itemJSON(e.Item)
		if e.Item.Name == "" {
			j.cur.Item.Name = e.Item.ID // Newman names a nameless item by its id
		}
	}
	j.curItem = e.Item
}

// markRan records the scripts the item runs (the collection's, its
// folders', its own; disabled ones run not), each with an id for its run,
// before the item is rendered: Newman's report shows the last run's id on
// every script that ran.
func (j *JSON) markRan(e runner.ItemStartEvent) {
	it := j.node(e.Item.Key)
	if it == nil || it.ID != e.Item.ID || j.coll == nil {
		return
	}
	if j.ran == nil {
		j.ran = ranScripts{}
	}
	clear(j.tested)
	j.pre = j.pre[:0]
	mark := func(evs []collections.Event) {
		for i := range evs {
			if !evs[i].Disabled {
				ev := &evs[i]
				if ev.Listen == "prerequest" {
					prev, had := j.ran[ev]
					j.pre = append(j.pre, scriptMark{ev, map[bool]*string{true: &prev}[had]})
				}
				if ev.Listen == "test" {
					if j.tested == nil {
						j.tested = map[*collections.Event]*string{}
					}
					if _, seen := j.tested[ev]; !seen {
						prev, had := j.ran[ev]
						j.tested[ev] = map[bool]*string{true: &prev}[had]
					}
				}
				j.nran++
				j.ran[ev] = uid(j.started, "script-run/"+strconv.Itoa(j.nran), e.Iteration, e.Position)
			}
		}
	}
	mark(j.coll.Events)
	var chain []*collections.Item
	for p := it.Parent; p != nil; p = p.Parent {
		chain = append(chain, p)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		mark(chain[i].Events)
	}
	mark(it.Events)
}

// scriptMark is a script marked as run and the id it had before.
type scriptMark struct {
	ev   *collections.Event
	prev *string
}

// unmarkSkipped gives the scripts a request skipped with
// pm.execution.skipRequest() did not run back the ids they had: its test
// scripts and the last left pre-request scripts (after the one that
// skipped), so Newman's report shows no _lastExecutionId on them (or an
// earlier run's).
func (j *JSON) unmarkSkipped(left int) {
	unmark := func(ev *collections.Event, prev *string) {
		if prev == nil {
			delete(j.ran, ev)
		} else {
			j.ran[ev] = *prev
		}
	}
	for ev, prev := range j.tested {
		unmark(ev, prev)
	}
	clear(j.tested)
	for i := len(j.pre) - 1; i >= 0 && i >= len(j.pre)-left; i-- {
		unmark(j.pre[i].ev, j.pre[i].prev)
	}
	j.pre = j.pre[:0]
}

// request records the item's request as sent and its response or error.
func (j *JSON) request(e runner.RequestEvent) {
	if j.cur == nil {
		return
	}
	j.tests++
	j.trips++
	if e.Request.Challenged {
		j.trips++ // the 401, a request event of its own in Newman
	}
	j.cur.ID = e.Item.ID
	// The item's request event carries the item's cursor, in place of
	// a pm.sendRequest's before it.
	j.cur.Cursor.HTTPRequestID = uid(j.started, "request", j.iteration, j.position)
	j.cur.Cursor.ScriptID, j.cur.Cursor.Execution = "", ""
	j.cur.Set("request", "response", "id")
	j.cur.Request = sentRequestJSON(e.Request, j.o.Redact)
	if b := j.cur.Request.Body; b != nil && b.Mode == collections.BodyRaw && b.Options == nil {
		b.Options = j.rawBodyOptions(e.Item)
	}
	if e.Err != nil {
		unsentLength(j.cur.Request)
		if it := j.node(e.Item.Key); it != nil && it.ID == e.Item.ID && it.Request != nil && it.Request.Auth == nil {
			// Newman's failed request shows no auth it inherited.
			j.cur.Request.Auth = nil
		}
		j.cur.RequestError = requestErrorJSON(e.Err, e.Request.URL)
		j.cur.Set("requestError")
		j.resolved = e.Request.Resolved
		j.failure(jsonFailure{Error: *j.cur.RequestError, At: "request"}, "", false)
		j.resolved = nil
		if j.o.PerRoundTrip {
			j.cur.Response = nil
		}
	} else if e.Response != nil {
		j.cur.Response = j.responseJSON(e.Response)
	}
}

// unsentLength drops the Content-Length and Cookie headers the runtime
// would have added from a request that failed: Newman records them only
// from what went out.
func unsentLength(r *jsonRequest) {
	if r == nil {
		return
	}
	r.Header = slices.DeleteFunc(r.Header, func(h jsonKV) bool {
		return h.System && (strings.EqualFold(h.Key, "Content-Length") || strings.EqualFold(h.Key, "Cookie"))
	})
}

// rawBodyOptions returns the raw body's language from the collection, as
// Newman keeps the body's options, or nil when the item's body names none.
func (j *JSON) rawBodyOptions(ref runner.ItemRef) *jsonreport.BodyOptions {
	it := j.node(ref.Key)
	if it == nil || it.ID != ref.ID || it.Request == nil || it.Request.Body == nil {
		return nil
	}
	if body := it.Request.Body; body.Mode == collections.BodyRaw && body.Language != "" {
		return &jsonreport.BodyOptions{Raw: &jsonreport.RawOptions{Language: body.Language}}
	}
	return nil
}

// assertion records one pm.test result and, when it failed, the run's
// failure.
func (j *JSON) assertion(e runner.AssertionEvent) {
	if j.cur == nil {
		return
	}
	a := jsonAssertion{Assertion: e.Result.Name, Skipped: e.Result.Skipped}
	if !e.Result.Passed && !e.Result.Skipped {
		name := e.Result.ErrorName
		if name == "" {
			name = "AssertionError"
		}
		idx := e.Index
		// Newman makes up the stack from the assertion's index and the
		// item's place (newman/lib/run), the same on every run.
		stack := name + ": " + e.Result.Error + "\n   at Object.eval sandbox-script.js:" + strconv.Itoa(idx+1) + ":" + strconv.Itoa(j.position+1) + ")"
		a.Error = &jsonError{Name: name, Index: &idx, Test: e.Result.Name, Message: e.Result.Error, Stack: stack}
		// Newman says "test-script" for every assertion, those of a
		// pre-request script too.
		j.failure(jsonFailure{Error: *a.Error, At: fmt.Sprintf("assertion:%d in test-script", e.Index)}, "test", true)
	}
	j.cur.Assertions = append(j.cur.Assertions, a)
	j.cur.Set("assertions")
}

// scriptRequest records a pm.sendRequest round trip: its failure, and with
// PerRoundTrip an execution of its own.
func (j *JSON) scriptRequest(e runner.ScriptRequestEvent) {
	if j.cur == nil {
		return
	}
	var reqErr *jsonError
	if e.Err != nil {
		reqErr = requestErrorJSON(e.Err, e.Request.URL)
		j.failure(jsonFailure{Error: *reqErr, At: "request", Source: j.scriptSource(e)}, "script", true)
	}
	if j.o.PerRoundTrip {
		j.scriptTrip(e, reqErr)
	}
}

// scriptError records a script that threw; scripts that ran through leave
// no trace in the execution.
func (j *JSON) scriptError(e runner.ScriptEvent) {
	if j.cur == nil || e.Err == nil {
		return
	}
	name := errorName(e.Err)
	msg := errorMessage(name, e.Err)
	// Newman's serialised script error is of type "Error" whatever its
	// name (TypeError, ReferenceError...).
	// postman-runtime decorates it as serialised-error does and drops
	// its stack.
	r := jsonScriptResult{Error: &jsonError{Type: "Error", Name: name, Message: msg}}
	if name == "" {
		// A thrown value that is not an Error: Newman writes no type
		// for it.
		r.Error.Type = ""
	}
	if e.At != "" {
		// --bail's AssertionFailure is postman-runtime's own Error, not one
		// the sandbox serialised: no type, and a stack whose frames name
		// the directory Newman was installed in, so its first line only
		// (as the request errors postman-request raises).
		r.Error.Type, r.Error.Stack = "", name+": "+msg
	}
	if ei := runner.ErrorInfoOf(e.Err); len(ei.Fields) > 0 {
		// A chai AssertionError crosses Newman's sandbox by its own
		// toJSON: its fields and its stack, no type.
		r.Error.Type, r.Error.Fields, r.Error.Stack = "", ei.Fields, chaiStack(msg, ei.Line, ei.Column)
	}
	j.decorate(r.Error)
	if e.Listen == "prerequest" {
		j.cur.PrerequestScript = append(j.cur.PrerequestScript, r)
		j.cur.Set("prerequestScript")
	} else {
		j.cur.TestScript = append(j.cur.TestScript, r)
		j.cur.Set("testScript")
	}
	j.failure(jsonFailure{Error: *r.Error, At: scriptEventAt(e)}, e.Listen, false)
}

// console records one console line of the execution.
func (j *JSON) console(e runner.ConsoleEvent) {
	if j.cur == nil {
		return
	}
	msg := e.Line.Message
	if msg == "" {
		msg = e.Line.Text
	}
	j.cur.Console = append(j.cur.Console, jsonConsole{Level: e.Line.Level, Message: msg})
}

// Close finishes the document if the run ended without a DoneEvent, and
// reports the first write error.
func (j *JSON) Close() error {
	if !j.done {
		j.finish(runner.DoneEvent{})
	}
	return j.out.err
}

// cursor is the item's cursor in postman-runtime's shape: the whole state
// for the run's first item and for a setNextRequest jump back to the
// first, the next step's otherwise (cr when it opens an iteration). The
// request adds httpRequestId.
func (j *JSON) cursor(iteration int) jsonCursor {
	c := jsonCursor{
		Position: j.position, Iteration: iteration, Length: j.length, Cycles: j.cycles,
		// postman-runtime's Cursor#current(): bof at the run's very first
		// place, eof only past the end (position >= length), which no item
		// is at: a jump back to the first item in a later iteration is not
		// bof, a one-item collection's item not eof.
		BOF: j.position == 0 && iteration == 0, EOF: j.length == 0,
		Ref: uid(j.started, "cursor", iteration, j.position),
	}
	first := j.startedItems == 0 || (j.position == 0 && !j.newIteration)
	c.Step, c.CR = !first, !first && j.newIteration
	j.startedItems++
	j.newIteration = false
	return c
}

// scriptCursor is the id of the script a cursor is in (listen names it)
// and, with execution, the id of its execution.
func (j *JSON) scriptCursor(listen string, execution bool) (scriptID, exec string) {
	// The script's id stays from run to run, as a collection's does.
	scriptID = uid(time.Time{}, "script-cursor/"+listen+"/"+j.curItem.ID+"/"+j.curItem.Name, j.curItem.Key, 0)
	if execution {
		j.executionIDs++
		exec = uid(j.started, "execution/"+strconv.Itoa(j.executionIDs), j.iteration, j.position)
	}
	return scriptID, exec
}

// decorate adds what Newman's serialised-error adds to an error: its
// checksum, an id, a timestamp and the stack's frames.
func (j *JSON) decorate(e *jsonError) {
	if e.Checksum != "" {
		return
	}
	if e.Checksum, j.sumBuf = checksumOf(e, j.sumBuf); e.Checksum == "" {
		sum := md5.Sum([]byte(e.Name + "\n" + e.Message))
		e.Checksum = hex.EncodeToString(sum[:])
	}
	j.nerrors++
	e.ID = uid(j.started, "error/"+strconv.Itoa(j.nerrors), j.iteration, j.position)
	// The moment of the error, as serialised-error stamps it when
	// Newman's summary receives the event.
	at := j.at
	if at.IsZero() {
		at = j.started
	}
	e.Timestamp = epochMS(at)
	e.Stacktrace = stacktraceOf(e.Stack)
}

// failure spools one of run.failures. A script's failure (script names
// its listen) has the script's cursor, as postman-runtime gives it:
// with the script's id and, for an assertion or a pm.sendRequest
// (execution), the execution's id.
func (j *JSON) failure(f jsonFailure, script string, execution bool) {
	j.decorate(&f.Error)
	parent := -1 // the folder key of the group to write as its parent
	if j.cur != nil {
		f.Cursor = j.cur.Cursor
		if script != "" {
			f.Cursor.ScriptID, f.Cursor.Execution = j.scriptCursor(script, execution)
		}
		if it := j.curItem; !it.IsZero() && f.Source == nil {
			src := j.itemJSON(it)
			if f.At != "request" {
				// Newman names no parent for a request's own failure.
				parent = it.FolderKey
			} else {
				// and its source is the item as the request took it:
				// its request as the runtime built it (the execution's,
				// headers and resolved URL), its scripts with no run's id.
				src.Event = slices.Clone(src.Event)
				for i := range src.Event {
					src.Event[i].Script.LastExecutionID = ""
				}
				src.Response = withoutPrivate(src.Response)
				if len(j.resolved) > 0 {
					src = resolvedSource(src, j.resolved)
				}
				if j.cur.Request != nil {
					r := pmRequest(*j.cur.Request)
					src.Request = &r
				}
			}
			f.Source = &src
		}
	}
	if f.At == "request" && script != "" && f.Cursor.HTTPRequestID == "" {
		// A pm.sendRequest that failed in a pre-request script: Newman's
		// report shows a request id of its own (not the item's) added to
		// its cursor afterwards, last.
		j.lateIDs++
		f.Cursor.LateRequestID = true
		f.Cursor.HTTPRequestID = uid(j.started, "script-request/"+strconv.Itoa(j.lateIDs), j.iteration, j.position)
	}
	j.writeFailure(f, parent)
}

// parentSlot marks where a failure's parent goes in its JSON until the run
// ends; the cursor after it holds no text of the collection's, so the last
// match is the slot.
var parentSlot = []byte(`,"parent":0,"cursor":`)

// parentZero fills the slot while the failure is encoded.
var parentZero = jsonreport.Parent("0")

// writeFailure spools f. A failure with a parent (parent >= 0, a folder
// key) leaves the parent out and notes where it goes: Newman's failures
// hold the group itself, which it writes at the run's end, so the parent
// is rendered then (finishFailures), with the scripts that ran by then.
func (j *JSON) writeFailure(f jsonFailure, parent int) {
	if parent >= 0 {
		f.Parent = parentZero
	}
	b, err := json.Marshal(f)
	if err != nil {
		return
	}
	if j.nfailures > 0 {
		j.failures.Write([]byte{','})
	}
	if at := bytes.LastIndex(b, parentSlot); parent >= 0 && at >= 0 {
		cut := at + len(`,"parent":`)
		j.failures.Write(b[:cut])
		j.parentAt = append(j.parentAt, parentPlace{offset: j.failures.n, key: parent})
		b = b[cut+1:]
	}
	j.failures.Write(b)
	j.nfailures++
}

// parentPlace is where a failure's parent goes in the failures spool.
type parentPlace struct {
	offset int64
	key    int
}

// copyFailures writes the spooled failures with their parents in place.
func (j *JSON) copyFailures() error {
	if len(j.parentAt) == 0 {
		return j.failures.copyTo(j.out)
	}
	put := func(p parentPlace) {
		parent := j.parent(p.key)
		if len(parent) == 0 {
			parent = jsonreport.Parent("null")
		}
		j.out.Write(parent)
	}
	if b, ok := j.failures.inMemory(); ok {
		var at int64
		for _, p := range j.parentAt {
			j.out.Write(b[at:p.offset])
			put(p)
			at = p.offset
		}
		_, err := j.out.Write(b[at:])
		return err
	}
	r, err := j.failures.reader()
	if err != nil {
		return err
	}
	// One buffer and one limited reader for every piece between parents.
	buf, lr, at := make([]byte, 32<<10), &io.LimitedReader{R: r}, int64(0)
	for _, p := range j.parentAt {
		lr.N = p.offset - at
		if _, err := io.CopyBuffer(j.out, lr, buf); err != nil {
			return fmt.Errorf("reading report spool: %w", err)
		}
		put(p)
		at = p.offset
	}
	_, err = io.CopyBuffer(j.out, r, buf)
	return err
}

// parent is the JSON of the group holding an item, as Newman writes it in
// failures[].parent: the folder with its whole subtree, or the collection
// for a top-level item, as the run left it (the scripts that ran have
// their last run's id, one that never ran none: Newman's parent is the
// collection's own group, the same as in the report's collection). Each
// group is rendered once, at the run's end.
func (j *JSON) parent(folderKey int) jsonreport.Parent {
	if p, ok := j.parents[folderKey]; ok {
		return p
	}
	if j.parents == nil {
		j.parents = map[int]jsonreport.Parent{}
	}
	ran := j.ran
	var v any
	if folderKey == 0 {
		if c := collectionJSON(j.coll, nil, j.o.Redact, ran); c != nil {
			j.collectionID(c)
			v = c
		}
	} else if f := j.node(folderKey); f != nil && f.IsFolder() {
		v = itemsJSON([]*collections.Item{f}, j.o.Redact, ran)[0]
	}
	var p jsonreport.Parent
	if v != nil {
		if b, err := json.Marshal(v); err == nil {
			p = b
		}
	}
	j.parents[folderKey] = p
	return p
}

// node finds an item or folder by its key, the position runner.ItemRefs
// gives it in a depth-first walk of the collection.
func (j *JSON) node(key int) *collections.Item {
	if j.nodes == nil && j.coll != nil {
		j.nodes = map[int]*collections.Item{}
		n := 0
		var walk func([]*collections.Item)
		walk = func(items []*collections.Item) {
			for _, it := range items {
				n++
				j.nodes[n] = it
				if it.IsFolder() {
					walk(it.Items)
				}
			}
		}
		walk(j.coll.Items)
	}
	return j.nodes[key]
}

// itemJSON is the whole item an execution or failure belongs to, as
// Newman writes it (id, name, request, response, event), rendered once per
// item; an item missing from the collection keeps its id and name.
func (j *JSON) itemJSON(ref runner.ItemRef) pmItem {
	if p, ok := j.items[ref.Key]; ok && ref.Key != 0 {
		return p
	}
	p := pmItem{ID: ref.ID, Name: ref.Name}
	if it := j.node(ref.Key); it != nil && it.ID == ref.ID && it.Name == ref.Name {
		p = itemsJSON([]*collections.Item{it}, j.o.Redact, j.ran)[0]
	}
	if ref.Key != 0 {
		if j.items == nil {
			j.items = map[int]pmItem{}
		}
		j.items[ref.Key] = p
	}
	return p
}

// scriptTrip takes a pm.sendRequest round trip into the execution as
// Newman's reporter does with every request event of the item: the trip's
// request, response and id replace the item's (a sendRequest has an item
// of its own, with a new id), a failure's error stays once set.
func (j *JSON) scriptTrip(e runner.ScriptRequestEvent, reqErr *jsonError) {
	j.trips++
	if e.Request.Challenged {
		j.trips++
	}
	j.cur.ID = uid(j.started, fmt.Sprintf("sendRequest/%d", j.trips), e.Iteration, j.position)
	// Its request event carries the script's cursor, which the one
	// execution object Newman pushes again keeps.
	j.cur.Cursor.ScriptID, j.cur.Cursor.Execution = j.scriptCursor("script", true)
	j.cur.Set("request", "response", "id")
	if e.Request.Method != "" || e.Request.URL != "" {
		j.cur.Request = sentRequestJSON(e.Request, j.o.Redact)
		if reqErr != nil {
			unsentLength(j.cur.Request)
		}
	}
	j.cur.Response = nil
	if reqErr != nil {
		j.cur.RequestError = reqErr
		j.cur.Set("requestError")
	} else if e.Response != nil {
		j.cur.Response = j.responseJSON(e.Response)
	}
}

// scriptSource is a failed pm.sendRequest's source as Newman writes it: the
// script's request as an item of its own (an id of its own, no name), not
// the item whose script sent it.
func (j *JSON) scriptSource(e runner.ScriptRequestEvent) *pmItem {
	it := &pmItem{ID: uid(j.started, fmt.Sprintf("sendRequest-source/%d", j.nfailures), e.Iteration, j.position),
		Response: json.RawMessage("[]"), Event: []pmEvent{}, ProtocolProfileBehavior: json.RawMessage(`{"disableBodyPruning":true}`)}
	if e.Request.Method != "" || e.Request.URL != "" {
		sent := sentRequestJSON(e.Request, j.o.Redact)
		unsentLength(sent)
		r := pmRequest(*sent)
		it.Request = &r
	}
	return it
}

// flush writes the execution in progress: once, or with PerRoundTrip once
// per round trip as Newman repeats it (at least once, so an item that
// never sent, stopped by the run's end, keeps its record).
func (j *JSON) flush() {
	if j.cur == nil {
		return
	}
	if j.enc == nil {
		j.enc = json.NewEncoder(&j.encBuf)
	}
	j.encBuf.Reset()
	err := j.cur.Encode(&j.encBuf, j.enc)
	j.cur = nil
	if err != nil {
		j.out.err = fmt.Errorf("encoding execution: %w", err)
		return
	}
	b := j.encBuf.Bytes()
	n := 1
	if j.o.PerRoundTrip {
		n = max(j.trips, 1)
	}
	for range n {
		if j.written > 0 {
			j.executions.Write([]byte{','})
		}
		j.executions.Write(b)
		j.written++
	}
}

// interrupted marks the execution in progress as one the run stopped in:
// not completed, with the stop's reason as its request error when the
// request never got an answer.
func (j *JSON) interrupted(err error) {
	if j.cur == nil || err == nil {
		return
	}
	j.cur.Interrupted = true
	if j.cur.Response == nil && j.cur.RequestError == nil {
		j.cur.RequestError = requestErrorJSON(err, "")
	}
}

func (j *JSON) finish(e runner.DoneEvent) {
	if e.Err != nil {
		// The run stopped inside this execution.
		j.interrupted(e.Err)
	}
	j.flush()
	j.done = true
	defer j.executions.release()
	defer j.failures.release()
	s := e.Summary
	if s == nil {
		s = &runner.Summary{}
	}
	st := func(x runner.Stat) jsonStat { return jsonStat{Total: x.Total, Pending: x.Pending, Failed: x.Failed} }
	stats := jsonreport.Stats{
		Iterations:        st(s.Iterations),
		Items:             st(s.Items),
		Scripts:           jsonStat{Total: s.TestScripts.Total + s.PrerequestScripts.Total, Failed: s.TestScripts.Failed + s.PrerequestScripts.Failed},
		Prerequests:       jsonStat{Total: max(j.prerequests, s.Items.Total)},
		Requests:          st(s.Requests),
		Tests:             jsonStat{Total: j.tests},
		Assertions:        st(s.Assertions),
		TestScripts:       st(s.TestScripts),
		PrerequestScripts: st(s.PrerequestScripts),
	}
	timings := jsonTimings{
		ResponseAverage: ms(s.ResponseAvg), ResponseMin: ms(s.ResponseMin), ResponseMax: ms(s.ResponseMax), ResponseSd: ms(s.ResponseSD),
		DNSAverage: ms(s.DNS.Avg), DNSMin: ms(s.DNS.Min), DNSMax: ms(s.DNS.Max), DNSSd: ms(s.DNS.SD),
		FirstByteAverage: ms(s.FirstByte.Avg), FirstByteMin: ms(s.FirstByte.Min), FirstByteMax: ms(s.FirstByte.Max), FirstByteSd: ms(s.FirstByte.SD),
		Started: epochMS(s.Started), Completed: epochMS(s.Completed),
	}
	var runErr *jsonError
	if e.Err != nil {
		runErr = &jsonError{Name: errorName(e.Err), Message: e.Err.Error(), Stack: errorName(e.Err) + ": " + e.Err.Error()}
	}
	// Newman's order: collection, environment, globals, then run {stats,
	// timings, executions, transfers, failures, error}.
	sep := "{"
	tail := func(key string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			j.out.err = fmt.Errorf("encoding %s: %w", key, err)
			return
		}
		j.out.print(sep + `"` + key + `":`)
		j.out.Write(b)
		sep = ","
	}
	v := e.Variables
	coll := collectionJSON(j.coll, v.Collection, j.o.Redact, j.ran)
	j.collectionID(coll)
	tail("collection", coll)
	tail("environment", scopeJSON(v.EnvironmentName, v.EnvironmentID, v.EnvironmentFile, v.Environment, "environment"))
	tail("globals", scopeJSON(v.GlobalsName, v.GlobalsID, v.GlobalsFile, v.Globals, "globals"))
	j.out.print(`,"run":`)
	sep = "{"
	tail("stats", stats)
	tail("timings", timings)
	j.out.print(`,"executions":[`)
	if err := j.executions.copyTo(j.out); err != nil && j.out.err == nil {
		j.out.err = err
	}
	j.out.print(`]`)
	tail("transfers", map[string]int64{"responseTotal": s.ResponseBytes})
	j.out.print(`,"failures":[`)
	if err := j.copyFailures(); err != nil && j.out.err == nil {
		j.out.err = err
	}
	j.out.print(`]`)
	tail("error", runErr)
	if j.o.Shard != nil {
		tail("shard", j.o.Shard)
	}
	if s.Workers > 1 {
		tail("parallel", jsonreport.Parallel{Workers: s.Workers})
	}
	j.out.print("}}\n")
}

func (j *JSON) responseJSON(r *runner.Response) *jsonResponse {
	body := r.Body
	if j.o.MaxBody > 0 && len(body) > j.o.MaxBody {
		body = nil
	}
	if j.o.Redact != nil && len(body) > 0 {
		if masked := j.o.Redact(string(body)); masked != string(body) {
			body = []byte(masked)
		}
	}
	size := r.Size
	if size == 0 {
		size = len(r.Body)
	}
	return &jsonResponse{
		ID: uid(j.started, "response", j.iteration, j.position), Status: jsonStatus(r), Code: r.Code,
		Header: headersJSON(r.Header), Stream: jsonStream{Type: "Buffer", Data: body},
		Cookie: []struct{}{}, ResponseTime: math.Round(ms(r.ResponseTime)), ResponseSize: size,
	}
}

// uid makes a stable, UUID-shaped id from the run start and a position, so
// reports are reproducible and ids unique within a run. It is built
// without fmt: a report draws several per execution.
func uid(started time.Time, kind string, iteration, position int) string {
	var in [128]byte
	b := strconv.AppendInt(in[:0], started.UnixNano(), 10)
	b = append(append(append(b, '/'), kind...), '/')
	b = strconv.AppendInt(b, int64(iteration), 10)
	b = strconv.AppendInt(append(b, '/'), int64(position), 10)
	h := sha1.Sum(b)
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], h[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], h[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], h[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], h[8:10])
	out[23] = '-'
	hex.Encode(out[24:36], h[10:16])
	return string(out[:])
}

func epochMS(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// The report's types live in jsonreport, its plain-data home.
type (
	jsonStat         = jsonreport.Stat
	jsonTimings      = jsonreport.Timings
	jsonCursor       = jsonreport.Cursor
	jsonKV           = jsonreport.KV
	jsonURL          = jsonreport.URL
	jsonQuery        = jsonreport.Query
	jsonBody         = jsonreport.Body
	jsonRequest      = jsonreport.Request
	jsonStream       = jsonreport.Stream
	jsonResponse     = jsonreport.Response
	jsonError        = jsonreport.Error
	jsonAssertion    = jsonreport.Assertion
	jsonScriptResult = jsonreport.ScriptResult
	jsonExecution    = jsonreport.Execution
	jsonFailure      = jsonreport.Failure
	pmScript         = jsonreport.Script
	pmEvent          = jsonreport.Event
	pmRequest        = jsonreport.ItemRequest
	pmItem           = jsonreport.Item
	pmVariable       = jsonreport.Variable
	pmCollection     = jsonreport.Collection
	jsonScopeValue   = jsonreport.ScopeValue
	jsonScope        = jsonreport.Scope
	jsonConsole      = jsonreport.Console
)

// headerDescription is a header row's description as postman-collection
// writes it; nil when the row has none.
func headerDescription(h collections.Header) *jsonreport.KVDescription {
	return rowDescription(h.Described, h.DescriptionNone, h.Description, h.DescriptionType, h.DescriptionJSON, nil)
}

// rowDescription is a header's or query parameter's description as
// postman-collection writes it, masked by redact when given; nil when the
// row has none.
func rowDescription(described, none bool, text, typ, content string, redact func(string) string) *jsonreport.KVDescription {
	if !described {
		return nil
	}
	if redact != nil {
		text = redact(text)
		if content != "" {
			content = collections.MaskJSON(content, redact)
		}
	}
	d := &jsonreport.KVDescription{Content: jsonreport.Text(text), Type: cmp.Or(typ, "text/plain"), NoContent: none}
	if content != "" {
		d.ContentJSON = json.RawMessage(content)
	}
	return d
}

func headersJSON(h []collections.Header) []jsonKV {
	out := []jsonKV{}
	for _, x := range h {
		if !x.Disabled {
			out = append(out, jsonKV{Key: x.Key, Value: jsonreport.Text(x.Value), System: x.System, Typed: x.JSON, Description: headerDescription(x), Name: x.Name, DisabledSet: x.DisabledSet, Meta: x.Meta})
		}
	}
	return out
}

// urlJSON splits a URL into postman-collection's Url parts. The query keeps
// its raw (encoded) text and order, as Postman does.
func urlJSON(raw string) jsonURL {
	out := jsonURL{Query: []jsonQuery{}, Variable: []jsonreport.PathVar{}}
	// Postman's own splitting: nothing decoded, a key without "=" kept
	// apart from one with an empty value.
	u := collections.ParseURL(raw)
	out.Protocol, out.Port = u.Protocol, u.Port
	if u.Hash != "" || u.EmptyHash {
		out.Hash = &u.Hash
	}
	if u.UserInfo != nil {
		out.Auth = &jsonreport.URLAuth{User: u.UserInfo.User, Password: u.UserInfo.Password}
	}
	if len(u.Host) > 0 {
		out.Host = u.Host
	}
	if len(u.Path) > 0 {
		out.Path = u.Path
	}
	for _, q := range u.Query {
		out.Query = append(out.Query, jsonQuery{Key: q.Key, Value: q.Value})
	}
	return out
}

// sentRequestJSON is the request as sent, in postman-collection's form as
// Newman writes it: the URL in parts, the request's own headers (disabled
// ones kept, marked) then those the runtime added, the body in its mode
// with its fields, the effective auth and the description. redact, when
// set, masks the URL before it is split into parts.
func sentRequestJSON(sent runner.SentRequest, redact func(string) string) *jsonRequest {
	raw := sent.URL
	if redact != nil {
		raw = redact(raw)
	}
	r := &jsonRequest{URL: urlJSON(raw), Header: sentHeadersJSON(sent.Header, sent.Form), Method: sent.Method}
	if sent.Challenged {
		// The answer to a challenge (digest) is added to the retry last.
		for i, h := range r.Header {
			if h.System && strings.EqualFold(h.Key, "Authorization") {
				r.Header = append(append(r.Header[:i:i], r.Header[i+1:]...), h)
				break
			}
		}
	}
	form := sent.Form
	if form == nil {
		if len(sent.Body) > 0 {
			r.Body = &jsonBody{Mode: "raw", Raw: string(sent.Body)}
		}
		return r
	}
	if b := form.Body; b != nil && b.Mode != "" {
		r.Body = itemBodyJSON(b)
		r.Body.FormData = oneFilePerRow(withUnreadUploads(r.Body.FormData, sent.UnreadUploads))
		if r.Body.File != nil {
			r.Body.File.Given = fileMember(b, true, sent.FileUnread)
		}
		if b.Mode == collections.BodyRaw && len(sent.Body) > 0 {
			// The bytes that went out (a script or the runtime may
			// have set them after the form was read).
			r.Body.Raw = string(sent.Body)
		}
	} else if len(sent.Body) > 0 {
		r.Body = &jsonBody{Mode: "raw", Raw: string(sent.Body)}
	} else if b != nil {
		r.Body = itemBodyJSON(b) // a body without a mode: {}
	}
	r.Auth, r.Description = sentAuthJSON(form.Auth, sent.AuthOwn), descriptionJSON(form.Description, form.DescriptionType)
	// A :path variable left unresolved stays in the path, and in the
	// URL's variable list as postman-collection keeps it.
	for _, seg := range r.URL.Path {
		if k, ok := strings.CutPrefix(seg, ":"); ok && k != "" {
			r.URL.Variable = append(r.URL.Variable, jsonreport.PathVar{Type: "any", Key: k})
		}
	}
	return r
}

// withUnreadUploads marks the form-data fields whose file could not be
// read as postman-runtime leaves them: a field of one file disabled (the
// member last), a field of several without the file (its src list
// shortened). The rows
// are copied first.
func withUnreadUploads(rows []jsonKV, unread []runner.UnreadUpload) []jsonKV {
	if len(unread) == 0 {
		return rows
	}
	rows = slices.Clone(rows)
	for _, u := range unread {
		if u.Row < 0 || u.Row >= len(rows) {
			continue
		}
		kv := &rows[u.Row]
		var many []string
		if src := string(kv.Src); strings.HasPrefix(src, "[") && json.Unmarshal([]byte(src), &many) == nil {
			many = slices.DeleteFunc(many, func(s string) bool { return s == u.Src })
			if b, err := json.Marshal(many); err == nil {
				kv.Src = jsonreport.Paths(b)
			}
			continue
		}
		kv.DisabledLast = true
	}
	return rows
}

// oneFilePerRow splits a file field with several files into one field per
// file, as the runtime sends them and Newman's report shows the sent body.
func oneFilePerRow(rows []jsonKV) []jsonKV {
	var out []jsonKV
	for i, kv := range rows {
		var many []string
		if src := string(kv.Src); !strings.HasPrefix(src, "[") || json.Unmarshal([]byte(src), &many) != nil {
			if out != nil {
				out = append(out, kv)
			}
			continue
		}
		if out == nil {
			out = append([]jsonKV{}, rows[:i]...)
		}
		for _, s := range many {
			one := kv
			one.Src = jsonreport.Paths(s)
			out = append(out, one)
		}
	}
	if out == nil {
		return rows
	}
	return out
}

// digestLearned are the parameters a digest challenge teaches, in the
// order the runtime sets them; it marks them system in the sent auth.
var digestLearned = []string{"nonce", "realm", "opaque", "qop", "algorithm", "clientNonce", "nonceCount"}

// sentAuthJSON is the effective auth as the runtime left it on the sent
// request: each parameter with its declared type ("any" for none), in
// the collection's order with what a digest challenge added after it, and
// the parameters the challenge set (those the collection left empty or
// out: own names the others) marked system.
func sentAuthJSON(a *collections.Auth, own map[string]bool) json.RawMessage {
	if a == nil || a.Type == "" {
		return nil
	}
	type param struct {
		Type   string          `json:"type"`
		Value  json.RawMessage `json:"value"`
		Key    string          `json:"key"`
		System bool            `json:"system,omitempty"`
	}
	learned := map[string]bool{}
	if strings.EqualFold(a.Type, "digest") {
		for _, k := range digestLearned {
			learned[k] = !own[k] && a.Params[k] != ""
		}
	}
	// What the challenge added comes after the collection's own, in the
	// order the runtime sets it.
	order := make([]string, 0, len(a.Params))
	seen := map[string]bool{}
	for _, k := range a.Order {
		if _, ok := a.Params[k]; ok && !seen[k] {
			order, seen[k] = append(order, k), true
		}
	}
	for _, k := range digestLearned {
		if _, ok := a.Params[k]; ok && learned[k] && !seen[k] {
			order, seen[k] = append(order, k), true
		}
	}
	for _, k := range authOrder(a) {
		if !seen[k] {
			order = append(order, k)
		}
	}
	params := []param{}
	for _, k := range order {
		params = append(params, param{Type: a.ParamType(k), Value: authParamValue(a, k), Key: k, System: learned[k]})
	}
	return authBlock(a, params)
}

// sentHeadersJSON lists the headers sent with the request's own disabled
// rows put back in their places among its own ones (the runtime's
// additions, marked system, come after them).
func sentHeadersJSON(sent []collections.Header, form *collections.Request) []jsonKV {
	if form == nil {
		return headersJSON(sent)
	}
	own := form.Header
	out := make([]jsonKV, 0, len(sent)+len(own))
	disabledUpTo := func(i int) int {
		for i < len(own) && own[i].Disabled {
			out = append(out, jsonKV{Key: own[i].Key, Value: jsonreport.Text(own[i].Value), Disabled: true, Typed: own[i].JSON, Description: headerDescription(own[i]), Name: own[i].Name, DisabledSet: own[i].DisabledSet, Meta: own[i].Meta})
			i++
		}
		return i
	}
	i := 0
	for _, h := range sent {
		if h.Disabled {
			continue
		}
		description := headerDescription(h)
		if !h.System {
			i = disabledUpTo(i)
			if i < len(own) && strings.EqualFold(own[i].Key, h.Key) {
				// The form's row has its description resolved, as the
				// runtime resolves the item it sends.
				description = headerDescription(own[i])
				i++
			}
		} else {
			i = disabledUpTo(i)
		}
		out = append(out, jsonKV{Key: h.Key, Value: jsonreport.Text(h.Value), System: h.System, Typed: h.JSON, Description: description, Name: h.Name, DisabledSet: h.DisabledSet, Meta: h.Meta})
	}
	for ; i < len(own); i++ {
		if own[i].Disabled {
			out = append(out, jsonKV{Key: own[i].Key, Value: jsonreport.Text(own[i].Value), Disabled: true, Typed: own[i].JSON, Description: headerDescription(own[i]), Name: own[i].Name, DisabledSet: own[i].DisabledSet, Meta: own[i].Meta})
		}
	}
	return out
}

// eventsJSON renders scripts. A script without an id gets one, as
// postman-collection gives each: Newman's is random, courier's is drawn
// from the owner's id, the event's place and its text, so reports stay
// reproducible.
// A script that ran carries its last execution's id, as postman-runtime
// leaves it on the script (ran).
func eventsJSON(owner string, evs []collections.Event, ran ranScripts) []pmEvent {
	out := []pmEvent{}
	for i := range evs {
		e := &evs[i]
		typ := e.Script.Type
		if typ == "" {
			typ = "text/javascript"
		}
		id := e.Script.ID
		if id == "" {
			id = uid(time.Time{}, "script/"+owner+"/"+e.Listen+"/"+e.Script.Exec, i, 0)
		}
		ev := pmEvent{Listen: e.Listen, Script: pmScript{ID: id, Name: e.Script.Name, Type: typ,
			Exec: jsonreport.Lines(strings.Split(e.Script.Exec, "\n")), LastExecutionID: ran[e]}}
		if e.DisabledSet || e.Disabled {
			ev.Disabled = sharedBool(e.Disabled)
		}
		if e.Script.Packages != "" {
			ev.Script.Packages = json.RawMessage(e.Script.Packages)
		}
		out = append(out, ev)
	}
	return out
}

// sharedBool points at a shared true or false (nothing writes through it),
// so a report's flags cost no allocation.
func sharedBool(b bool) *bool {
	if b {
		return &trueValue
	}
	return &falseValue
}

var trueValue, falseValue = true, false

// itemsJSON renders collection items as postman-collection writes them.
// redact, when set, masks the URL before it is split into parts, where a
// masked value could no longer be recognised.
func itemsJSON(items []*collections.Item, redact func(string) string, ran ranScripts) []pmItem {
	out := []pmItem{}
	for _, it := range items {
		p := pmItem{ID: it.ID, Name: it.Name, Event: eventsJSON(it.ID+"/"+it.Name, it.Events, ran),
			Description: descriptionJSON(it.Description, it.DescriptionType), ProtocolProfileBehavior: collections.ProtocolProfileBehaviorJSON(it.ProtocolProfileBehavior, it.ProtocolProfileBehaviorKeys)}
		if it.IsFolder() {
			p.Item = itemsJSON(it.Items, redact, ran)
			p.Auth = authJSON(it.Auth)
		} else {
			p.Request = requestTemplateJSON(it.Request, redact)
			// Saved examples; Newman's report always has the list.
			p.Response = json.RawMessage("[]")
			if len(it.Responses) > 0 {
				p.Response = examplesJSON(it.Responses, it.ID+"/"+it.Name, redact)
			}
		}
		out = append(out, p)
	}
	return out
}

// requestTemplateJSON is a collection request as postman-collection
// writes it.
func requestTemplateJSON(r *collections.Request, redact func(string) string) *pmRequest {
	p := &pmRequest{Method: r.Method, URL: itemURLJSON(r.URL, redact), Body: itemBodyJSON(r.Body),
		Auth: authJSON(r.Auth), Description: descriptionJSON(r.Description, r.DescriptionType)}
	for _, h := range r.Header {
		// postman-collection keeps a disabled header, marked.
		p.Header = append(p.Header, jsonKV{Key: h.Key, Value: jsonreport.Text(h.Value), Disabled: h.Disabled, Typed: h.JSON, Description: headerDescription(h), Name: h.Name, DisabledSet: h.DisabledSet, Meta: h.Meta})
	}
	return p
}

// examplesJSON is an item's saved examples as postman-collection writes
// them: each in its key order ("_" with the preview language, id, name,
// originalRequest, status, code, header, body, cookie, responseTime), with
// an id (a stable one where the collection gives none), a cookie list, and
// its original request as a request template. Examples of another shape
// are kept as the collection gives them.
func examplesJSON(raw json.RawMessage, owner string, redact func(string) string) json.RawMessage {
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return raw
	}
	out := make([]json.RawMessage, 0, len(list))
	for i, ex := range list {
		b, ok := exampleJSON(ex, owner, i, redact)
		if !ok {
			return raw
		}
		out = append(out, b)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return raw
	}
	return b
}

// exampleKeys are a saved example's keys in postman-collection's order,
// after "_", id and name.
var exampleKeys = []string{"originalRequest", "status", "code", "header", "body", "cookie", "responseTime"}

// exampleJSON is one saved example as postman-collection writes it; false
// when it is not an object. Keys postman-collection does not know follow
// in sorted order.
func exampleJSON(raw json.RawMessage, owner string, i int, redact func(string) string) (json.RawMessage, bool) {
	var ex map[string]json.RawMessage
	if json.Unmarshal(raw, &ex) != nil || ex == nil {
		return nil, false
	}
	var o orderedObject
	if lang, ok := ex["_postman_previewlanguage"]; ok {
		o.add("_", json.RawMessage(`{"postman_previewlanguage":`+string(lang)+`}`))
		delete(ex, "_postman_previewlanguage")
	}
	id, ok := ex["id"]
	if !ok {
		id, _ = json.Marshal(uid(time.Time{}, "example/"+owner, i, 0))
	}
	o.add("id", id)
	delete(ex, "id")
	if name, ok := ex["name"]; ok {
		o.add("name", name)
		delete(ex, "name")
	}
	exampleDefaults(ex)
	for _, k := range exampleKeys {
		v, ok := ex[k]
		if !ok {
			continue
		}
		delete(ex, k)
		switch k {
		case "originalRequest":
			v = originalRequestJSON(v, redact)
		case "cookie":
			v = cookiesJSON(v)
		case "header":
			v = exampleHeadersJSON(v)
		}
		o.add(k, v)
	}
	rest := make([]string, 0, len(ex))
	for k := range ex {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		o.add(k, ex[k])
	}
	return o.bytes(), true
}

// exampleDefaults fills in what postman-collection's Response gives a saved
// example the file leaves out: an empty header and cookie list (null too),
// and the status http-reasons names for its code (201: "Created").
func exampleDefaults(ex map[string]json.RawMessage) {
	for _, k := range []string{"header", "cookie"} {
		if v, ok := ex[k]; !ok || string(v) == "null" {
			ex[k] = json.RawMessage("[]")
		}
	}
	if v, ok := ex["status"]; ok && string(v) != "null" {
		return
	}
	var code any
	if json.Unmarshal(ex["code"], &code) != nil {
		return
	}
	if name, _, ok := httpreasons.Lookup(fmt.Sprint(code)); ok {
		ex["status"], _ = json.Marshal(name)
	}
}

// exampleHeadersJSON is a saved example's header list as postman-collection
// writes it: each row as a request's header rows are (a description as
// {content, type}, fields it does not keep, such as type, left out); a
// list of another shape is kept as given.
func exampleHeadersJSON(raw json.RawMessage) json.RawMessage {
	var list []json.RawMessage
	var text string
	if json.Unmarshal(raw, &text) == nil {
		// Header lines, as postman-collection's Header.parse reads them.
		raw, _ = json.Marshal(parseHeaderLines(text))
	}
	if json.Unmarshal(raw, &list) != nil {
		return raw
	}
	doc := append(append([]byte(`{"item":[{"name":"example","request":{"method":"GET","url":"x","header":`), raw...), `}}]}`...)
	c, err := collections.LoadBytes(doc, "example")
	if err != nil || len(c.Items) != 1 || c.Items[0].Request == nil || len(c.Items[0].Request.Header) != len(list) {
		return raw
	}
	rows := requestTemplateJSON(c.Items[0].Request, nil).Header
	if rows == nil {
		rows = []jsonKV{}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return raw
	}
	return b
}

// headerLine is one "Name: value" line of a header block, as
// postman-collection's Header.parse matches it (a name without spaces).
var headerLine = lazyre.New(`(?m)^(\S+):(.*)$`)

// parseHeaderLines reads a header block given as text ("X-A: 1\nX-B: 2")
// into header rows, each value trimmed.
func parseHeaderLines(text string) []headerRow {
	rows := []headerRow{}
	for _, m := range headerLine().FindAllStringSubmatch(text, -1) {
		rows = append(rows, headerRow{Key: m[1], Value: strings.TrimSpace(m[2])})
	}
	return rows
}

// headerRow is a plain header row, key then value.
type headerRow struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// withoutPrivate is a list of saved examples without their "_" block, as
// the runtime's copy of an item (a request failure's source) has them.
func withoutPrivate(raw json.RawMessage) json.RawMessage {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return raw
	}
	out := make([]json.RawMessage, 0, len(list))
	for _, ex := range list {
		ms, ok := objectMembers(string(ex))
		if !ok {
			return raw
		}
		out = append(out, encodeMembers(slices.DeleteFunc(ms, func(m member) bool { return m.Key == "_" })))
	}
	b, err := json.Marshal(out)
	if err != nil {
		return raw
	}
	return b
}

// originalRequestJSON is an example's original request as a request
// template (read as the collection's requests are, so a URL string
// becomes its parts and rows keep postman-collection's order); a request
// that does not read is kept as given.
func originalRequestJSON(raw json.RawMessage, redact func(string) string) json.RawMessage {
	doc := append(append([]byte(`{"item":[{"name":"example","request":`), raw...), `}]}`...)
	c, err := collections.LoadBytes(doc, "example")
	if err != nil || len(c.Items) != 1 || c.Items[0].Request == nil {
		return raw
	}
	b, err := json.Marshal(requestTemplateJSON(c.Items[0].Request, redact))
	if err != nil {
		return raw
	}
	return b
}

// cookieKeys are a cookie's keys in postman-collection's order ("key"
// reads as its name).
var cookieKeys = []string{"name", "expires", "maxAge", "domain", "path", "secure", "httpOnly", "hostOnly", "session", "value", "extensions"}

// cookiesJSON is an example's cookie list in postman-collection's key
// order; a list of another shape is kept as given.
func cookiesJSON(raw json.RawMessage) json.RawMessage {
	var list []map[string]json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return raw
	}
	out := make([]json.RawMessage, 0, len(list))
	for _, c := range list {
		if c == nil {
			return raw
		}
		if _, ok := c["name"]; !ok && c["key"] != nil {
			c["name"] = c["key"]
		}
		delete(c, "key")
		var o orderedObject
		for _, k := range cookieKeys {
			if v, ok := c[k]; ok {
				o.add(k, v)
			}
		}
		out = append(out, o.bytes())
	}
	b, err := json.Marshal(out)
	if err != nil {
		return raw
	}
	return b
}

// orderedObject builds a JSON object whose keys keep the order they were
// added in.
type orderedObject struct{ b []byte }

func (o *orderedObject) add(key string, v json.RawMessage) {
	if len(o.b) == 0 {
		o.b = append(o.b, '{')
	} else {
		o.b = append(o.b, ',')
	}
	k, _ := json.Marshal(key)
	o.b = append(append(append(o.b, k...), ':'), v...)
}

func (o *orderedObject) bytes() json.RawMessage {
	if len(o.b) == 0 {
		return json.RawMessage("{}")
	}
	return append(o.b, '}')
}

// authJSON is an auth block as postman-collection writes it: its type,
// and its parameters in the collection's order under the type's name.
func authJSON(a *collections.Auth) json.RawMessage {
	if a == nil || a.Type == "" {
		return nil
	}
	return authBlock(a, authParamsJSON(a))
}

// authParam is an auth parameter as postman-collection's Variable writes
// it: type, value, key.
type authParam struct {
	Type  string          `json:"type"`
	Value json.RawMessage `json:"value"`
	Key   string          `json:"key"`
}

// authParamsJSON is a's parameters with their declared types ("any" for
// none), in the collection's order.
func authParamsJSON(a *collections.Auth) []authParam {
	params := []authParam{}
	for _, k := range authOrder(a) {
		params = append(params, authParam{Type: a.ParamType(k), Value: authParamValue(a, k), Key: k})
	}
	return params
}

// authParamValue is parameter k's value: a string, or the JSON the
// collection wrote when it wrote a literal (a number, a boolean, an object).
func authParamValue(a *collections.Auth, k string) json.RawMessage {
	v := a.Params[k]
	if a.Literal[k] && json.Valid([]byte(v)) {
		return json.RawMessage(v)
	}
	val, _ := json.Marshal(v)
	return val
}

// authBlock is {"type": typ, typ: params, other: [...]...},
// postman-collection's auth shape: the selected type's list, then the
// lists the block gives the types it does not select.
func authBlock(a *collections.Auth, params any) json.RawMessage {
	t, _ := json.Marshal(a.Type)
	list, err := json.Marshal(params)
	if err != nil {
		return nil
	}
	var b strings.Builder
	b.WriteString(`{"type":` + string(t) + `,` + string(t) + `:` + string(list))
	for _, o := range a.Others {
		if o.Type == a.Type || o.Type == "type" {
			continue
		}
		name, _ := json.Marshal(o.Type)
		other, err := json.Marshal(authParamsJSON(o))
		if err != nil {
			return nil
		}
		b.WriteString(`,` + string(name) + `:` + string(other))
	}
	b.WriteString(`}`)
	return json.RawMessage(b.String())
}

// authOrder is the auth's parameter names: the collection's order, then
// any others sorted.
func authOrder(a *collections.Auth) []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range a.Order {
		if _, ok := a.Params[k]; ok && !seen[k] {
			out, seen[k] = append(out, k), true
		}
	}
	var rest []string
	for k := range a.Params {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// descriptionJSON is a description as postman-collection writes it:
// {content, type}, text/plain unless the collection gave another type.
func descriptionJSON(d, typ string) json.RawMessage {
	if d == "" && typ == "" {
		return nil
	}
	b, err := json.Marshal(struct {
		Content string `json:"content"`
		Type    string `json:"type"`
	}{d, cmp.Or(typ, "text/plain")})
	if err != nil {
		return nil
	}
	return b
}

// itemURLJSON is a request template's URL as postman-collection's URL
// object: the raw text split again (so the parts match the text a script
// changed last), with the collection's :path variables. A URL object
// whose parts disagree with its raw is written by its parts, as
// postman-collection reads an object (and as the request was sent).
func itemURLJSON(u collections.URL, redact func(string) string) jsonURL {
	raw := u.Raw
	if raw == "" || partsDisagree(u) {
		raw = u.String()
	}
	if redact != nil {
		raw = redact(raw)
	}
	out := urlJSON(raw)
	// The raw text's parameters are the enabled rows in order (unless a
	// script rewrote the URL): the rows whose keys match get back the
	// descriptions the text cannot carry; disabled rows, not in the text,
	// go back to their places, as postman-collection keeps them.
	split, query, j := out.Query, make([]jsonQuery, 0, len(out.Query)+len(u.Query)), 0
	for _, q := range u.Query {
		k, v, name, meta := q.Key, q.Value, q.Name, q.Meta
		if redact != nil {
			k, name, meta = redact(k), redact(name), redact(meta)
			if v != nil && q.Disabled {
				r := redact(*v)
				v = &r
			}
		}
		d := rowDescription(q.Described, q.DescriptionNone, q.Description, q.DescriptionType, q.DescriptionJSON, redact)
		switch {
		case q.Disabled:
			row := jsonQuery{Key: k, Value: v, Disabled: jsonreport.Flag{On: true}, Description: d}
			row.SetMeta(name, meta)
			query = append(query, row)
		case j < len(split) && split[j].Key == k:
			split[j].Description, split[j].Disabled.Set = d, q.DisabledSet
			split[j].SetMeta(name, meta)
			query = append(query, split[j])
			j++
		}
	}
	out.Query = append(query, split[j:]...)
	seen := map[string]bool{}
	for _, v := range u.Variables {
		typ := v.Type
		if typ == "" {
			typ = "any"
		}
		pv := jsonreport.PathVar{Description: descriptionJSON(v.Description, v.DescriptionType),
			Type: typ, Value: jsonreport.Text(v.Value), Key: v.Key}
		pv.SetMeta(v.ID, v.Disabled, v.Meta)
		out.Variable = append(out.Variable, pv)
		seen[v.Key] = true
	}
	for _, seg := range out.Path {
		if k, ok := strings.CutPrefix(seg, ":"); ok && k != "" && !seen[k] {
			out.Variable = append(out.Variable, jsonreport.PathVar{Type: "any", Key: k})
			seen[k] = true
		}
	}
	return out
}

// itemBodyJSON is a request template's body in its mode, as the collection
// gives it; nil without one.
func itemBodyJSON(b *collections.Body) *jsonBody {
	if b == nil {
		return nil
	}
	if b.Mode == "" {
		// "body": {} as older Postman exports write it, kept as
		// postman-collection keeps it.
		return &jsonBody{Disabled: b.Disabled}
	}
	out := &jsonBody{Mode: b.Mode, Disabled: b.Disabled}
	form := func(ps []collections.FormParam) []jsonKV {
		kvs := []jsonKV{}
		for _, p := range ps {
			// jsonreport.NoValue numbers its kinds as collections.NoValue.
			kv := jsonKV{Name: p.Name, Key: p.Key, Value: jsonreport.Text(p.Value), Type: p.Type, Disabled: p.Disabled, DisabledSet: p.DisabledSet, NoValue: jsonreport.NoValue(p.NoValue), ContentType: p.ContentType, Typed: p.JSON, Meta: p.Meta}
			if b.Mode == "urlencoded" {
				kv.Type = "" // postman-collection's QueryParam has none
			}
			kv.Description = rowDescription(p.Described, p.DescriptionNone, p.Description, p.DescriptionType, p.DescriptionJSON, nil)
			if p.Type == "file" && p.Value == "" {
				kv.NoValue = jsonreport.ValueUnset // a file field has its src only
			}
			switch len(p.Src) {
			case 0:
			case 1:
				kv.Src = jsonreport.Paths(p.Src[0])
			default:
				if src, err := json.Marshal(p.Src); err == nil {
					kv.Src = jsonreport.Paths(src)
				}
			}
			kvs = append(kvs, kv)
		}
		return kvs
	}
	switch b.Mode {
	case collections.BodyRaw:
		out.Raw = b.Raw
		if b.Language != "" {
			out.Options = &jsonreport.BodyOptions{Raw: &jsonreport.RawOptions{Language: b.Language}}
		}
	case "urlencoded":
		out.URLEncoded = form(b.URLEncoded)
	case "formdata":
		out.FormData = form(b.FormData)
	case "file":
		if b.File != "" || b.FileGiven != "" || b.FileContent != "" {
			// (none when the collection gave no file member)
			out.File = &jsonreport.File{Src: jsonreport.Text(b.File), Given: fileMember(b, false, false)}
		}
	case "graphql":
		out.GraphQL = &jsonreport.GraphQL{Given: graphQLMember(b.GraphQL)}
		if g := b.GraphQL; g != nil {
			out.GraphQL.Query, out.GraphQL.Variables = g.Query, jsonreport.Text(g.Variables)
		}
	}
	return out
}

// collectionID gives a v2 collection whose file has no _postman_id one of
// the run's, as postman-collection gives the collection an id of its own
// (Newman's report writes it in info, with no "_" block), the same in the
// collection and in the failures' parents.
func (j *JSON) collectionID(c *pmCollection) {
	if c != nil && c.Info.PostmanID == "" && j.coll.Format != "v3" {
		c.Info.PostmanID = uid(j.started, "collection", 0, 0)
	}
}

// collectionJSON renders the collection; its variables are the run's final
// collection scope when there is one.
func collectionJSON(c *collections.Collection, final []environments.Variable, redact func(string) string, ran ranScripts) *pmCollection {
	if c == nil {
		return nil
	}
	p := &pmCollection{Item: itemsJSON(c.Items, redact, ran), Event: eventsJSON(c.Info.ID+"/"+c.Info.Name, c.Events, ran), Variable: []pmVariable{},
		ProtocolProfileBehavior: collections.ProtocolProfileBehaviorJSON(c.ProtocolProfileBehavior, c.ProtocolProfileBehaviorKeys)}
	if c.Info.ID != "" || c.Info.ExporterID != "" {
		p.Private = &jsonreport.Private{PostmanID: c.Info.ID, ExporterID: c.Info.ExporterID}
	}
	p.Info.PostmanID, p.Info.Name, p.Info.Schema = c.Info.ID, c.Info.Name, c.Info.Schema
	if c.Format != "v3" {
		// postman-collection writes its own schema whatever the file
		// said (a v2.0 or v1 collection reads v2.1 in Newman's report).
		p.Info.Schema = collections.SchemaV21
	}
	p.Info.Version = versionJSON(c.Info.Version)
	p.Auth, p.Info.Description = authJSON(c.Auth), descriptionJSON(c.Info.Description, c.Info.DescriptionType)
	if final == nil {
		final = environments.CollectionVariables(c.Variables)
	}
	desc := map[string]collections.Variable{}
	for _, v := range c.Variables {
		if _, ok := desc[v.Key]; !ok {
			desc[v.Key] = v
		}
	}
	for _, v := range final {
		rv := reportVariable(v)
		// The collection file's id and description, as postman-collection
		// keeps them.
		d := desc[v.Key]
		rv.ID, rv.Name, rv.Description = d.ID, d.Name, descriptionJSON(d.Description, d.DescriptionType)
		if d.System != "" {
			rv.System = json.RawMessage(d.System)
		}
		p.Variable = append(p.Variable, rv)
	}
	return p
}

// reportVariable is a collection variable as postman-collection's toJSON
// writes it: its declared type ("any" for none; courier keeps "secret"),
// its value as held (a number as a number, null, none for undefined). A
// value that does not read as its kind (masked) is written as text.
func reportVariable(v environments.Variable) pmVariable {
	out := pmVariable{Key: v.Key, Value: jsonreport.Text(v.Value), Type: v.ListedType(), Disabled: v.Disabled}
	if v.Type == environments.TypeSecret {
		out.Type = environments.TypeSecret
	}
	switch v.Type {
	case environments.TypeUndefined:
		out.NoValue = true
	case environments.TypeNull:
		out.Typed = json.RawMessage("null")
	case environments.TypeNumber:
		switch f, err := strconv.ParseFloat(v.Value, 64); {
		case v.Value == "NaN" || v.Value == "Infinity" || v.Value == "-Infinity":
			out.Typed = json.RawMessage("null") // as JSON.stringify writes them
		case err == nil && !math.IsInf(f, 0) && !math.IsNaN(f):
			out.Typed = json.RawMessage(environments.FormatNumber(f))
		}
	case environments.TypeBoolean:
		if v.Value == "true" || v.Value == "false" {
			out.Typed = json.RawMessage(v.Value)
		}
	case environments.TypeObject, environments.TypeArray:
		if json.Valid([]byte(v.Value)) {
			out.Typed = json.RawMessage(v.Value)
		}
	}
	return out
}

// scopeJSON renders an environment or globals block. Unlike Newman it
// keeps each variable's type and enabled flag (newman#3067).
func scopeJSON(name, id string, file runner.ScopeFile, vars []environments.Variable, kind string) jsonScope {
	out := jsonScope{Values: []jsonScopeValue{}}
	if file != (runner.ScopeFile{}) {
		out.Private = &jsonreport.Private{PostmanVariableScope: file.VariableScope, PostmanExportedAt: file.ExportedAt, PostmanExportedUsing: file.ExportedUsing}
	}
	if vars == nil {
		out.ID = uid(time.Time{}, kind, 0, 0)
		return out
	}
	out.Name = name
	out.ID = id // the file's own id, as Newman writes it
	if id == "" {
		out.ID = uid(time.Time{}, kind+"/"+name, 0, 0)
	}
	for _, v := range vars {
		// The kind a value is held as (a number, an object, null) is no
		// type a file declared: Newman lists the declared type ("any" for
		// none), and courier keeps a secret one (newman#3067).
		typ := v.ListedType()
		if v.Type == environments.TypeSecret {
			typ = environments.TypeSecret
		}
		// A value held as a number, boolean or object is written so, as
		// postman-collection writes it; an undefined one without a value.
		out.Values = append(out.Values, jsonScopeValue{Key: v.Key, Value: jsonreport.Text(v.Value), Type: typ, Enabled: !v.Disabled, Typed: reportVariable(v).Typed,
			NoValue: v.Type == environments.TypeUndefined})
	}
	return out
}

// ranScripts are the scripts that ran, with the id of their last run
// (postman-runtime's _lastExecutionId, which Newman's report shows).
type ranScripts map[*collections.Event]string

// semverRE is a semantic version as node-semver parses it (a leading v or
// = allowed).
var semverRE = regexp.MustCompile(`^\s*[v=]?\s*(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?\s*$`)

// versionJSON is info.version as postman-collection's Version writes it:
// {raw, major, minor, patch, prerelease, build, string} for a semantic
// version (prerelease and build as their parts joined with commas, [] for
// none), {} for any other text; nil without one.
func versionJSON(v string) json.RawMessage {
	if v == "" {
		return nil
	}
	m := semverRE.FindStringSubmatch(v)
	if m == nil {
		return json.RawMessage("{}")
	}
	list := func(s string) any {
		if s == "" {
			return []string{}
		}
		return strings.ReplaceAll(s, ".", ",")
	}
	num := func(s string) json.RawMessage { return json.RawMessage(s) }
	str := m[1] + "." + m[2] + "." + m[3]
	if m[4] != "" {
		str += "-" + m[4]
	}
	b, err := json.Marshal(struct {
		Raw        string          `json:"raw"`
		Major      json.RawMessage `json:"major"`
		Minor      json.RawMessage `json:"minor"`
		Patch      json.RawMessage `json:"patch"`
		Prerelease any             `json:"prerelease"`
		Build      any             `json:"build"`
		String     string          `json:"string"`
	}{v, num(m[1]), num(m[2]), num(m[3]), list(m[4]), list(m[5]), str})
	if err != nil {
		return nil
	}
	return b
}

// jsonStatus is a response's status in the JSON report: none for a status
// line without a reason phrase whose code http-reasons lacks (Newman's
// response has no status then), otherwise as the CLI prints it.
func jsonStatus(r *runner.Response) string {
	if r.Status == "" {
		return ""
	}
	return reason(r)
}

// partsDisagree says a URL object's parts say otherwise than its raw text
// (another port, path, query...: hand-edited files). A URL without parts
// (a string, or an object with only raw) agrees.
func partsDisagree(u collections.URL) bool {
	if len(u.Host) == 0 && len(u.Path) == 0 && u.Protocol == "" && u.Port == "" {
		return false
	}
	r := collections.ParseURL(u.Raw)
	if r.Protocol != u.Protocol || r.Port != u.Port || r.Hash != u.Hash ||
		!slices.Equal(r.Host, u.Host) || !slices.Equal(r.Path, u.Path) {
		return true
	}
	var enabled []collections.QueryParam
	for _, q := range u.Query {
		if !q.Disabled {
			enabled = append(enabled, q)
		}
	}
	if len(enabled) != len(r.Query) {
		return true
	}
	for i, q := range enabled {
		if q.Key != r.Query[i].Key || (q.Value == nil) != (r.Query[i].Value == nil) || (q.Value != nil && *q.Value != *r.Query[i].Value) {
			return true
		}
	}
	return false
}
