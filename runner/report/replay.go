package report

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// Replay plays a saved JSON report to sink as the events of a live run, so
// any reporter (JUnit, CLI, a third party's) renders a saved or merged run
// as it would a live one. What the JSON report does not keep (request
// timings phases, console lines of Newman's reports) is absent.
func Replay(rep *jsonreport.Report, sink runner.Sink) {
	coll := replayCollection(rep.Collection)
	refs := replayRefs(rep.Collection)
	ref := func(r jsonreport.Ref) runner.ItemRef {
		if x, ok := refs[r.ID]; ok {
			return x
		}
		x := runner.ItemRef{ID: r.ID, Name: r.Name, Key: len(refs) + 1}
		refs[r.ID] = x
		return x
	}
	run := &rep.Run
	iterations := max(run.Stats.Iterations.Total, 1)
	length := 0
	if len(run.Executions) > 0 {
		length = run.Executions[0].Cursor.Length
	}
	started := fromMS(run.Timings.Started)
	sink.Handle(runner.StartEvent{Collection: coll, Iterations: iterations, Started: started, Total: length})
	iter := -1
	gaps := newSkippedRuns(run, ref, sink)
	for _, e := range run.Executions {
		it := e.Cursor.Iteration
		for iter < it {
			if iter >= 0 {
				gaps.fill(iter, -1)
			}
			iter++
			sink.Handle(runner.IterationEvent{Iteration: iter, Total: iterations})
		}
		gaps.fill(it, e.Cursor.Position)
		replayExecution(sink, &e, ref(e.Item.Ref()))
		gaps.next = e.Cursor.Position + 1
	}
	if iter >= 0 {
		gaps.fill(iter, -1)
	}
	sink.Handle(replayDone(rep, ref))
}

// replayExecution plays one execution, in the order a live run sends its
// events: the item's start, prerequest errors, console lines, the request,
// the assertions, test errors, an interruption, the item's end.
func replayExecution(sink runner.Sink, e *jsonreport.Execution, item runner.ItemRef) {
	it := e.Cursor.Iteration
	sink.Handle(runner.ItemStartEvent{Item: item, Iteration: it, Position: e.Cursor.Position})
	scripts := func(listen string, rs []jsonreport.ScriptResult) {
		for _, r := range rs {
			if r.Error != nil {
				sink.Handle(runner.ScriptEvent{Item: item, Iteration: it, Listen: listen, Err: replayError(r.Error), Time: fromMS(r.Error.Timestamp)})
			}
		}
	}
	scripts("prerequest", e.PrerequestScript)
	for _, c := range e.Console {
		sink.Handle(runner.ConsoleEvent{Item: item, Iteration: it, Line: runner.ConsoleLine{Level: c.Level, Text: c.Message, Message: c.Message}})
	}
	if e.Request != nil {
		ev := runner.RequestEvent{Item: item, Iteration: it, Request: replayRequest(e.Request)}
		switch {
		case e.RequestError != nil:
			ev.Err, ev.Time = replayError(e.RequestError), fromMS(e.RequestError.Timestamp)
		case e.Response != nil:
			ev.Response = replayResponse(e.Response)
		}
		sink.Handle(ev)
	}
	for i, a := range e.Assertions {
		r := runner.TestResult{Name: a.Assertion, Skipped: a.Skipped, Passed: a.Error == nil && !a.Skipped}
		if a.Error != nil {
			r.Error, r.ErrorName = a.Error.Message, a.Error.Name
		}
		sink.Handle(runner.AssertionEvent{Item: item, Iteration: it, Index: i, Result: r})
	}
	scripts("test", e.TestScript)
	if e.Interrupted && e.RequestError != nil {
		sink.Handle(runner.InterruptedEvent{Item: item, Iteration: it, Err: replayError(e.RequestError)})
	}
	sink.Handle(runner.ItemDoneEvent{Item: item, Iteration: it, Skipped: e.Skipped})
}

// replayDone is the run's end: its summary, the variables it ended with,
// its error.
func replayDone(rep *jsonreport.Report, ref func(jsonreport.Ref) runner.ItemRef) runner.DoneEvent {
	done := runner.DoneEvent{Summary: replaySummary(rep, ref), Variables: runner.Variables{
		EnvironmentName: rep.Environment.Name, Environment: replayValues(rep.Environment.Values),
		GlobalsName: rep.Globals.Name, Globals: replayValues(rep.Globals.Values),
		EnvironmentID: rep.Environment.ID, GlobalsID: rep.Globals.ID,
		EnvironmentFile: replayScopeFile(rep.Environment.Private), GlobalsFile: replayScopeFile(rep.Globals.Private),
	}}
	if rep.Collection != nil {
		done.Variables.Collection = []environments.Variable{}
		for _, v := range rep.Collection.Variable {
			done.Variables.Collection = append(done.Variables.Collection, environments.Variable{Key: v.Key, Value: string(v.Value), Type: v.Type, Disabled: v.Disabled})
		}
	}
	if rep.Run.Error != nil {
		done.Err = replayError(rep.Run.Error)
	}
	return done
}

// skippedRuns replays the item runs a report has no execution for: a
// request skipped with pm.execution.skipRequest() has none (as in Newman),
// but it still took its place in the iteration (the cursor positions after
// it count it) and its failures are in run.failures. Each gap in the
// positions becomes a skipped item run carrying the failures recorded at
// it, so reporters fed by the replay count and show what the live run gave
// them. A skipped run without a failure leaves no trace in the report and is
// not replayed; nor is a gap a setNextRequest jump left (positions are the
// items' places in the run's list, as Newman's).
type skippedRuns struct {
	sink     runner.Sink
	ref      func(jsonreport.Ref) runner.ItemRef
	failures map[[2]int][]jsonreport.Failure
	last     map[int]int // per iteration, the last position with a failure
	next     int         // the next position expected in the iteration
}

func newSkippedRuns(run *jsonreport.Run, ref func(jsonreport.Ref) runner.ItemRef, sink runner.Sink) *skippedRuns {
	g := &skippedRuns{sink: sink, ref: ref, failures: map[[2]int][]jsonreport.Failure{}, last: map[int]int{}}
	ran := map[[2]int]bool{}
	for _, e := range run.Executions {
		ran[[2]int{e.Cursor.Iteration, e.Cursor.Position}] = true
	}
	for _, f := range run.Failures {
		k := [2]int{f.Cursor.Iteration, f.Cursor.Position}
		if ran[k] {
			continue
		}
		g.failures[k] = append(g.failures[k], f)
		if p, ok := g.last[k[0]]; !ok || k[1] > p {
			g.last[k[0]] = k[1]
		}
	}
	return g
}

// fill replays the skipped runs of an iteration before position upTo, or,
// with upTo < 0, up to its last failure; the next iteration starts at 0.
func (g *skippedRuns) fill(iteration, upTo int) {
	if upTo < 0 {
		defer func() { g.next = 0 }()
		last, ok := g.last[iteration]
		if !ok {
			return
		}
		upTo = last + 1
	}
	for ; g.next < upTo; g.next++ {
		fs := g.failures[[2]int{iteration, g.next}]
		if len(fs) == 0 {
			// A gap without failures is an item a setNextRequest jump
			// passed over, or a skipped request that left no trace.
			continue
		}
		var item runner.ItemRef
		if len(fs) > 0 && fs[0].Source != nil {
			item = g.ref(fs[0].Source.Ref())
		}
		g.sink.Handle(runner.ItemStartEvent{Item: item, Iteration: iteration, Position: g.next})
		for _, f := range fs {
			err := replayError(&f.Error)
			switch {
			case f.At == "request":
				g.sink.Handle(runner.ScriptRequestEvent{Item: item, Iteration: iteration, Err: err, Time: fromMS(f.Error.Timestamp)})
			case strings.HasPrefix(f.At, "assertion"):
				idx := 0
				if f.Error.Index != nil {
					idx = *f.Error.Index
				}
				g.sink.Handle(runner.AssertionEvent{Item: item, Iteration: iteration, Index: idx,
					Result: runner.TestResult{Name: f.Error.Test, Error: f.Error.Message, ErrorName: f.Error.Name}, Time: fromMS(f.Error.Timestamp)})
			default:
				listen, _, _ := strings.Cut(f.At, "-script")
				g.sink.Handle(runner.ScriptEvent{Item: item, Iteration: iteration, Listen: listen, Err: err, At: scriptAt(f.At),
					Time: fromMS(f.Error.Timestamp)})
			}
		}
		g.sink.Handle(runner.ItemDoneEvent{Item: item, Iteration: iteration, Skipped: true})
	}
}

// replayCollection rebuilds the collection from the report's copy (ids,
// names, requests and scripts), or a named shell when it cannot.
func replayCollection(c *jsonreport.Collection) *collections.Collection {
	if c == nil {
		return &collections.Collection{}
	}
	if b, err := json.Marshal(c); err == nil {
		if coll, err := collections.LoadBytes(b, "report"); err == nil {
			return coll
		}
	}
	return &collections.Collection{Info: collections.Info{ID: c.Info.PostmanID, Name: c.Info.Name}}
}

// replayRefs names the report's items as a live run does (runner.ItemRefs).
func replayRefs(c *jsonreport.Collection) map[string]runner.ItemRef {
	refs := map[string]runner.ItemRef{}
	if c == nil {
		return refs
	}
	key := 0
	var walk func(items []jsonreport.Item, parent *runner.ItemRef)
	walk = func(items []jsonreport.Item, parent *runner.ItemRef) {
		for _, it := range items {
			key++
			r := runner.ItemRef{ID: it.ID, Name: it.Name, Key: key}
			if parent != nil {
				r.Folders, r.FolderID, r.FolderKey = parent.Path(), parent.ID, parent.Key
			}
			if it.Request != nil && it.Request.Body != nil {
				r.BodyMode = it.Request.Body.Mode
			}
			if it.ID != "" {
				refs[it.ID] = r
			}
			if len(it.Item) > 0 {
				walk(it.Item, &r)
			}
		}
	}
	walk(c.Item, nil)
	return refs
}

func replayError(e *jsonreport.Error) error {
	text := e.Message
	if e.Stack != "" && e.Name != "" && e.Name != "Error" && e.Code == "" {
		text = e.Name + ": " + e.Message
	}
	name := e.Name
	if name == "" && e.Message != "" {
		// Newman's request errors carry no name (Node's is not
		// enumerable); only a script that threw a nameless value has
		// neither.
		name = "Error"
	}
	return &runner.ErrorInfo{Name: name, Text: text, Message: e.Message,
		Code: e.Code, Errno: e.Errno, Syscall: e.Syscall, Address: e.Address, Port: e.Port, Hostname: e.Hostname, Connect: e.Connect}
}

func replayRequest(r *jsonreport.Request) runner.SentRequest {
	s := runner.SentRequest{Method: r.Method, URL: r.URL.String(), Form: replayForm(r)}
	for _, h := range r.Header {
		if !h.Disabled {
			s.Header = append(s.Header, collections.Header{Key: h.Key, Value: string(h.Value), System: h.System})
		}
	}
	if b := r.Body; b != nil {
		// A body in its collection form (Newman's reports, and
		// courier's since they match them) goes back to the bytes sent.
		switch {
		case b.Mode == collections.BodyURLEncoded:
			var ps []collections.FormParam
			for _, f := range b.URLEncoded {
				ps = append(ps, collections.FormParam{Key: f.Key, Value: string(f.Value), Disabled: f.Disabled})
			}
			s.Body = runner.URLEncodedBody(ps)
		case b.Mode == collections.BodyGraphQL && b.GraphQL != nil:
			s.Body = runner.GraphQLBody(&collections.GraphQL{Query: b.GraphQL.Query, Variables: string(b.GraphQL.Variables), Unset: []string{"operationName"}})
		default:
			s.Body = []byte(b.Raw)
		}
	}
	return s
}

// replayForm reads back the request in its collection form, as the JSON
// report writes it (sentRequestJSON), so a replayed or merged report keeps
// it: the request's own headers (disabled ones too), the body in its mode,
// the auth and the description.
func replayForm(r *jsonreport.Request) *collections.Request {
	f := &collections.Request{Method: r.Method}
	for _, h := range r.Header {
		if !h.System {
			f.Header = append(f.Header, collections.Header{Key: h.Key, Value: string(h.Value), Disabled: h.Disabled})
		}
	}
	if b := r.Body; b != nil {
		cb := &collections.Body{Mode: b.Mode, Raw: b.Raw, Disabled: b.Disabled}
		if b.Options != nil && b.Options.Raw != nil {
			cb.Language = b.Options.Raw.Language
		}
		form := func(kvs []jsonreport.KV) []collections.FormParam {
			var ps []collections.FormParam
			for _, kv := range kvs {
				p := collections.FormParam{Key: kv.Key, Value: string(kv.Value), Type: kv.Type, Disabled: kv.Disabled,
					NoValue: collections.NoValue(kv.NoValue), ContentType: kv.ContentType}
				if src := string(kv.Src); src != "" {
					var many []string
					if json.Unmarshal([]byte(src), &many) == nil && strings.HasPrefix(src, "[") {
						p.Src = many
					} else {
						p.Src = []string{src}
					}
				}
				ps = append(ps, p)
			}
			return ps
		}
		cb.URLEncoded, cb.FormData = form(b.URLEncoded), form(b.FormData)
		if b.File != nil {
			cb.File = string(b.File.Src)
		}
		if b.GraphQL != nil {
			cb.GraphQL = &collections.GraphQL{Query: b.GraphQL.Query, Variables: string(b.GraphQL.Variables), Unset: []string{"operationName"}}
		}
		f.Body = cb
	}
	f.Auth = replayAuth(r.Auth)
	var d struct{ Content string }
	if json.Unmarshal(r.Description, &d) == nil {
		f.Description = d.Content
	} else {
		_ = json.Unmarshal(r.Description, &f.Description)
	}
	return f
}

// replayAuth reads an auth block as postman-collection writes it:
// {type, <type>: [{key, value, type}]}.
func replayAuth(raw json.RawMessage) *collections.Auth {
	var head struct{ Type string }
	if len(raw) == 0 || json.Unmarshal(raw, &head) != nil || head.Type == "" {
		return nil
	}
	var all map[string]json.RawMessage
	if json.Unmarshal(raw, &all) != nil {
		return nil
	}
	var params []struct {
		Key   string
		Value json.RawMessage
	}
	_ = json.Unmarshal(all[head.Type], &params)
	a := &collections.Auth{Type: head.Type, Params: map[string]string{}}
	for _, p := range params {
		var s string
		if json.Unmarshal(p.Value, &s) == nil {
			a.SetParam(p.Key, s, "", false)
		} else if len(p.Value) > 0 {
			a.SetParam(p.Key, string(p.Value), "", true)
		}
	}
	return a
}

func replayResponse(r *jsonreport.Response) *runner.Response {
	out := &runner.Response{Code: r.Code, Status: r.Status, Body: r.Stream.Data, Size: r.ResponseSize,
		ResponseTime: time.Duration(r.ResponseTime * float64(time.Millisecond))}
	for _, h := range r.Header {
		out.Header = append(out.Header, collections.Header{Key: h.Key, Value: string(h.Value)})
	}
	return out
}

func replayValues(vs []jsonreport.ScopeValue) []environments.Variable {
	out := []environments.Variable{}
	for _, v := range vs {
		typ := v.Type
		if typ == "any" {
			typ = ""
		}
		out = append(out, environments.Variable{Key: v.Key, Value: string(v.Value), Type: typ, Disabled: !v.Enabled})
	}
	return out
}

func replaySummary(rep *jsonreport.Report, ref func(jsonreport.Ref) runner.ItemRef) *runner.Summary {
	st := rep.Run.Stats
	stat := func(s jsonreport.Stat) runner.Stat {
		return runner.Stat{Total: s.Total, Failed: s.Failed, Pending: s.Pending}
	}
	t := rep.Run.Timings
	d := func(x float64) time.Duration { return time.Duration(x * float64(time.Millisecond)) }
	s := &runner.Summary{
		Iterations: stat(st.Iterations), Items: stat(st.Items), Requests: stat(st.Requests), Assertions: stat(st.Assertions),
		TestScripts: stat(st.TestScripts), PrerequestScripts: stat(st.PrerequestScripts),
		Started: fromMS(t.Started), Completed: fromMS(t.Completed),
		ResponseAvg: d(t.ResponseAverage), ResponseMin: d(t.ResponseMin), ResponseMax: d(t.ResponseMax), ResponseSD: d(t.ResponseSd),
		DNS:           runner.Spread{Avg: d(t.DNSAverage), Min: d(t.DNSMin), Max: d(t.DNSMax), SD: d(t.DNSSd)},
		FirstByte:     runner.Spread{Avg: d(t.FirstByteAverage), Min: d(t.FirstByteMin), Max: d(t.FirstByteMax), SD: d(t.FirstByteSd)},
		ResponseBytes: rep.Run.Transfers.ResponseTotal,
	}
	if p := rep.Run.Parallel; p != nil {
		s.Workers = p.Workers
	}
	for _, f := range rep.Run.Failures {
		src := f.At
		switch {
		case strings.HasPrefix(src, "assertion"):
			src = "assertion"
		case strings.Contains(src, "-script"):
		default:
			src = "request"
		}
		rf := runner.Failure{Iteration: f.Cursor.Iteration, Source: src, Name: f.Error.Name, Message: f.Error.Message, ErrorType: f.Error.Name, Stack: f.Error.Stack}
		if src == "assertion" {
			rf.Name = f.Error.Test
			if f.Error.Index != nil {
				rf.Index = *f.Error.Index
			}
		}
		if f.Source != nil {
			rf.Item = ref(f.Source.Ref())
		}
		s.Failures = append(s.Failures, rf)
	}
	return s
}

func fromMS(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

// scriptAt is a script failure's place for ScriptEvent.At: "" when it is
// the plain "<listen>-script", the place as written otherwise (--bail's
// AssertionFailure at "test-script:39:17").
func scriptAt(at string) string {
	if strings.HasSuffix(at, "-script") {
		return ""
	}
	return at
}

// replayScopeFile is what a report's environment or globals "_" block
// kept of the file.
func replayScopeFile(p *jsonreport.Private) runner.ScopeFile {
	if p == nil {
		return runner.ScopeFile{}
	}
	return runner.ScopeFile{VariableScope: p.PostmanVariableScope, ExportedAt: p.PostmanExportedAt, ExportedUsing: p.PostmanExportedUsing}
}
