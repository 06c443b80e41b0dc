package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// errorTimes are the timestamps of a JSON report's failures and of its
// executions' script errors, in order, with the run's start and end.
type errorTimes struct {
	failures, scripts  []int64
	started, completed int64
}

func readErrorTimes(t *testing.T, b []byte) errorTimes {
	t.Helper()
	type stamped struct {
		Error *struct{ Timestamp int64 }
	}
	var rep struct {
		Run struct {
			Timings    struct{ Started, Completed int64 }
			Failures   []stamped
			Executions []struct{ PrerequestScript, TestScript []stamped }
		}
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	out := errorTimes{started: rep.Run.Timings.Started, completed: rep.Run.Timings.Completed}
	for _, f := range rep.Run.Failures {
		out.failures = append(out.failures, f.Error.Timestamp)
	}
	for _, e := range rep.Run.Executions {
		for _, s := range append(e.PrerequestScript, e.TestScript...) {
			if s.Error != nil {
				out.scripts = append(out.scripts, s.Error.Timestamp)
			}
		}
	}
	return out
}

// An error's timestamp is the moment of its event, as serialised-error
// stamps it when Newman's summary receives the event: a request error the
// request's, an assertion or a script error its script's end, a failed
// pm.sendRequest its round trip's end. The events here carry set times.
func TestJSONErrorTimestampIsTheEvents(t *testing.T) {
	t.Parallel()
	start := time.UnixMilli(1_800_000_000_000)
	at := func(ms int64) time.Time { return start.Add(time.Duration(ms) * time.Millisecond) }
	item := runner.ItemRef{ID: "i", Name: "i", Key: 1}
	coll := &collections.Collection{Info: collections.Info{Name: "c"}, Items: []*collections.Item{{ID: "i", Name: "i",
		Request: &collections.Request{Method: "GET", URL: collections.URL{Raw: "http://127.0.0.1:1/"}}}}}
	refused := &runner.ErrorInfo{Name: "Error", Text: "connect ECONNREFUSED 127.0.0.1:1", Code: "ECONNREFUSED"}
	var out bytes.Buffer
	j := NewJSON(&out, JSONOptions{})
	for _, ev := range []runner.Event{
		runner.StartEvent{Collection: coll, Iterations: 1, Started: start, Total: 1},
		runner.IterationEvent{Iteration: 0, Total: 1},
		runner.ItemStartEvent{Item: item},
		runner.ScriptRequestEvent{Item: item, Err: refused, Time: at(5)},
		runner.ScriptEvent{Item: item, Listen: "prerequest", Err: &runner.ErrorInfo{Name: "Error", Text: "boom"}, Time: at(7)},
		runner.RequestEvent{Item: item, Request: runner.SentRequest{Method: "GET", URL: "http://127.0.0.1:1/"}, Err: refused, Time: at(20)},
		runner.AssertionEvent{Item: item, Result: runner.TestResult{Name: "t", Error: "no"}, Time: at(31)},
		runner.ScriptEvent{Item: item, Listen: "test", Err: &runner.ErrorInfo{Name: "TypeError", Text: "TypeError: x"}, Time: at(31)},
		runner.ItemDoneEvent{Item: item},
		runner.DoneEvent{Summary: &runner.Summary{Started: start, Completed: at(40)}},
	} {
		j.Handle(ev)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	got := readErrorTimes(t, out.Bytes())
	ms := start.UnixMilli()
	want := []int64{ms + 5, ms + 7, ms + 20, ms + 31, ms + 31}
	if !equalInts(got.failures, want) {
		t.Errorf("failures' timestamps %v, want %v", got.failures, want)
	}
	if !equalInts(got.scripts, []int64{ms + 7, ms + 31}) {
		t.Errorf("script errors' timestamps %v, want the failures' %v", got.scripts, []int64{ms + 7, ms + 31})
	}
}

func equalInts(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// In a real run the runner stamps the events: every error's timestamp lies
// within the run, in the order the errors came, and a script error's is
// the same in its execution and in run.failures. (Only order is checked,
// never a length of time: the machine's speed does not matter.)
func TestJSONErrorTimestampsFromRealRun(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"times","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"item":[
	 {"name":"send","event":[{"listen":"prerequest","script":{"exec":["pm.sendRequest('http://127.0.0.1:1/x', () => {});"]}}],
	  "request":{"method":"GET","url":"`+base+`/get"}},
	 {"name":"refused","request":{"method":"GET","url":"http://127.0.0.1:1/y"}},
	 {"name":"fails","event":[{"listen":"test","script":{"exec":["pm.test('t', () => pm.expect(1).to.equal(2));","null.x;"]}}],
	  "request":{"method":"GET","url":"`+base+`/get"}}]}`), "times.json")
	if err != nil {
		t.Fatal(err)
	}
	out := runJSON(t, coll, runner.Options{})
	got := readErrorTimes(t, out)
	if len(got.failures) != 4 || len(got.scripts) != 1 {
		t.Fatalf("%d failures and %d script errors, want 4 and 1", len(got.failures), len(got.scripts))
	}
	prev := got.started
	for i, ts := range got.failures {
		if ts < prev || ts > got.completed {
			t.Errorf("failure %d at %d: not within the run (%d..%d) after the one before (%d)", i, ts, got.started, got.completed, prev)
		}
		prev = ts
	}
	if got.scripts[0] != got.failures[3] {
		t.Errorf("script error at %d in its execution, %d in run.failures", got.scripts[0], got.failures[3])
	}
}
