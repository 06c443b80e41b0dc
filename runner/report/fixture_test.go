package report

import (
	"bytes"
	"errors"
	"flag"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden/report")

// golden compares got with testdata/golden/report/<name>, or rewrites it
// under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", "report", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; run go test ./runner/report -update and review the diff\n--- got ---\n%s", name, got)
	}
}

// scriptErr mimics the engine's script errors, which carry a JS error name.
type scriptErr struct{ name, msg string }

func (e scriptErr) Error() string     { return e.name + ": " + e.msg }
func (e scriptErr) ErrorName() string { return e.name }

// demo is the synthetic collection: a root request, a folder with a
// request and a nested folder whose request fails to connect.
type demo struct {
	coll                       *collections.Collection
	users, nested              *collections.Item
	get, create, broken, skips *collections.Item
	refs                       map[*collections.Item]runner.ItemRef
}

// ref names an item of the demo as events do.
func (d *demo) ref(it *collections.Item) runner.ItemRef {
	if d.refs == nil {
		d.refs = runner.ItemRefs(d.coll)
	}
	return d.refs[it]
}

func newDemo() *demo {
	d := &demo{}
	d.get = &collections.Item{ID: "req-root", Name: "Root Get", Request: &collections.Request{Method: "GET", URL: collections.URL{Raw: "http://127.0.0.1:18080/get?x=1"}}}
	d.users = &collections.Item{ID: "fold-users", Name: "Users", Folder: true}
	d.create = &collections.Item{ID: "req-create", Name: "Create user", Parent: d.users, Request: &collections.Request{
		Method: "POST", URL: collections.URL{Raw: "http://127.0.0.1:18080/post"},
		Header: []collections.Header{{Key: "Content-Type", Value: "application/json"}},
		Body:   &collections.Body{Mode: collections.BodyRaw, Raw: `{"name":"bob"}`},
	}}
	d.nested = &collections.Item{ID: "fold-nested", Name: "Nested", Folder: true, Parent: d.users}
	d.broken = &collections.Item{ID: "req-broken", Name: "Broken", Parent: d.nested, Request: &collections.Request{Method: "GET", URL: collections.URL{Raw: "http://127.0.0.1:1/refused"}}}
	d.skips = &collections.Item{ID: "req-skip", Name: "Skipped <one>", Request: &collections.Request{Method: "DELETE", URL: collections.URL{Raw: "http://127.0.0.1:18080/delete"}}}
	d.nested.Items = []*collections.Item{d.broken}
	d.users.Items = []*collections.Item{d.create, d.nested}
	d.coll = &collections.Collection{
		Info:      collections.Info{ID: "c0ffee00-1111-2222-3333-444455556666", Name: "Report Demo", Schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		Items:     []*collections.Item{d.get, d.users, d.skips},
		Variables: []collections.Variable{{Key: "baseUrl", Value: "http://127.0.0.1:18080"}},
	}
	return d
}

var t0 = time.Date(2026, 11, 27, 2, 34, 11, 510_000_000, time.UTC)

func fakeBody(n int) []byte {
	b := []byte(`{"args":{},"pad":"`)
	for len(b) < n-2 {
		b = append(b, 'x')
	}
	return append(b, '"', '}')
}

func response(code int, ms int, body []byte) *runner.Response {
	return &runner.Response{
		Code: code, Status: "OK", Proto: "HTTP/1.1",
		Header: []collections.Header{
			{Key: "Content-Length", Value: strconv.Itoa(len(body))},
			{Key: "Content-Type", Value: "application/json; charset=utf-8"},
			{Key: "Date", Value: "Fri, 27 Nov 2026 02:34:11 GMT"},
		},
		Body: body, Size: len(body), ResponseTime: time.Duration(ms) * time.Millisecond,
	}
}

// demoTimings are the phases of the demo's requests: a new connection
// (DNS, TCP), a new TLS connection to an IP, then both reused.
var demoTimings = [2][2]*runner.Timings{
	{
		{Prepare: 300 * time.Microsecond, Wait: 100 * time.Microsecond, DNS: 1200 * time.Microsecond, TCP: 900 * time.Microsecond,
			FirstByte: 4 * time.Millisecond, Download: 500 * time.Microsecond, Process: 20 * time.Microsecond, Total: 7020 * time.Microsecond},
		{Prepare: 200 * time.Microsecond, Wait: 50 * time.Microsecond, TCP: 700 * time.Microsecond, TLS: 3 * time.Millisecond,
			FirstByte: 2 * time.Millisecond, Download: 100 * time.Microsecond, Process: 10 * time.Microsecond, Total: 6060 * time.Microsecond},
	},
	{
		{Prepare: 250 * time.Microsecond, Wait: 30 * time.Microsecond, FirstByte: 1200 * time.Microsecond, Download: 90 * time.Microsecond, Process: 10 * time.Microsecond, Total: 1580 * time.Microsecond},
		{Prepare: 150 * time.Microsecond, Wait: 20 * time.Microsecond, FirstByte: 800 * time.Microsecond, Download: 80 * time.Microsecond, Process: 10 * time.Microsecond, Total: 1060 * time.Microsecond},
	},
}

// events is a scripted run of the demo collection over two iterations:
// passing, failing and skipped assertions, console lines at several levels,
// a warning, a request error, a test-script error, a prerequest-script
// error and a skipped request.
func (d *demo) events() []runner.Event {
	ev := []runner.Event{runner.StartEvent{Collection: d.coll, Iterations: 2, Started: t0, Total: 4}}
	rt := [][]int{{65, 9}, {3, 4}}
	for it := 0; it < 2; it++ {
		ev = append(ev,
			runner.IterationEvent{Iteration: it, Total: 2},
			runner.ItemStartEvent{Item: d.ref(d.get), Iteration: it, Position: 0},
			runner.RequestEvent{Item: d.ref(d.get), Iteration: it,
				Request:  runner.SentRequest{Method: "GET", URL: "http://127.0.0.1:18080/get?x=1", Header: []collections.Header{{Key: "User-Agent", Value: "courier"}, {Key: "Accept", Value: "*/*"}}},
				Response: response(200, rt[it][0], fakeBody(292)), Timings: demoTimings[it][0]},
			runner.AssertionEvent{Item: d.ref(d.get), Iteration: it, Index: 0, Result: runner.TestResult{Name: "status is 200", Passed: true}},
			runner.ConsoleEvent{Item: d.ref(d.get), Iteration: it, Line: runner.ConsoleLine{Level: "log", Text: "'hello', 42, { a: 1 }"}},
			runner.AssertionEvent{Item: d.ref(d.get), Iteration: it, Index: 1, Result: runner.TestResult{Name: "skipped one", Skipped: true}},
			runner.ScriptEvent{Item: d.ref(d.get), Iteration: it, Listen: "test", Name: "Root Get"},
			runner.ItemDoneEvent{Item: d.ref(d.get), Iteration: it},

			runner.ItemStartEvent{Item: d.ref(d.create), Iteration: it, Position: 1},
			runner.ConsoleEvent{Item: d.ref(d.create), Iteration: it, Line: runner.ConsoleLine{Level: "warn", Text: "'pre warn'"}},
			runner.ScriptEvent{Item: d.ref(d.create), Iteration: it, Listen: "prerequest", Name: "Create user"},
			runner.WarningEvent{Item: d.ref(d.create), Iteration: it, Message: "unresolved variable {{token}}"},
			runner.RequestEvent{Item: d.ref(d.create), Iteration: it,
				Request:  runner.SentRequest{Method: "POST", URL: "http://127.0.0.1:18080/post", Header: []collections.Header{{Key: "Content-Type", Value: "application/json"}, {Key: "Content-Length", Value: "14"}}, Body: []byte(`{"name":"bob"}`)},
				Response: response(200, rt[it][1], fakeBody(403)), Timings: demoTimings[it][1]},
			runner.AssertionEvent{Item: d.ref(d.create), Iteration: it, Index: 0, Result: runner.TestResult{Name: "code is 201", Error: "expected response to have status code 201 but got 200", ErrorName: "AssertionError"}},
			runner.AssertionEvent{Item: d.ref(d.create), Iteration: it, Index: 1, Result: runner.TestResult{Name: "has json", Passed: true}},
			runner.ScriptEvent{Item: d.ref(d.create), Iteration: it, Listen: "test", Name: "Create user"},
			runner.ItemDoneEvent{Item: d.ref(d.create), Iteration: it},

			runner.ItemStartEvent{Item: d.ref(d.broken), Iteration: it, Position: 2},
			runner.RequestEvent{Item: d.ref(d.broken), Iteration: it,
				Request: runner.SentRequest{Method: "GET", URL: "http://127.0.0.1:1/refused"},
				Err:     runner.ErrorInfoOf(refusedErr)},
			runner.AssertionEvent{Item: d.ref(d.broken), Iteration: it, Index: 0, Result: runner.TestResult{Name: "never", Passed: true}},
			runner.ConsoleEvent{Item: d.ref(d.broken), Iteration: it, Line: runner.ConsoleLine{Level: "error", Text: "'a long error line that goes past the fifty-four column wrap width of the box', {\n  code: 500\n}"}},
			runner.ScriptEvent{Item: d.ref(d.broken), Iteration: it, Listen: "test", Name: "Broken", Err: runner.ErrorInfoOf(scriptErr{"Error", "boom in test"})},
			runner.ItemDoneEvent{Item: d.ref(d.broken), Iteration: it},
		)
		if it == 1 {
			ev = append(ev,
				runner.ItemStartEvent{Item: d.ref(d.skips), Iteration: it, Position: 3},
				runner.ScriptEvent{Item: d.ref(d.skips), Iteration: it, Listen: "prerequest", Name: "Skipped <one>", Err: runner.ErrorInfoOf(scriptErr{"ReferenceError", "foo is not defined"})},
				runner.ItemDoneEvent{Item: d.ref(d.skips), Iteration: it, Skipped: true},
			)
		} else {
			ev = append(ev,
				runner.ItemStartEvent{Item: d.ref(d.skips), Iteration: it, Position: 3},
				runner.ScriptEvent{Item: d.ref(d.skips), Iteration: it, Listen: "prerequest", Name: "Skipped <one>"},
				runner.ItemDoneEvent{Item: d.ref(d.skips), Iteration: it, Skipped: true},
			)
		}
	}
	env := environments.NewScope("Demo env", []environments.Variable{{Key: "baseUrl", Value: "http://127.0.0.1:18080", Type: "default"}, {Key: "off", Value: "x", Disabled: true}})
	ev = append(ev, runner.DoneEvent{
		Variables: runner.Variables{EnvironmentName: env.Name, Environment: env.Variables(), Globals: []environments.Variable{}},
		Summary: &runner.Summary{
			Iterations:        runner.Stat{Total: 2},
			Items:             runner.Stat{Total: 8},
			Requests:          runner.Stat{Total: 6, Failed: 2},
			Assertions:        runner.Stat{Total: 10, Failed: 2},
			TestScripts:       runner.Stat{Total: 6, Failed: 2},
			PrerequestScripts: runner.Stat{Total: 4, Failed: 1},
			Started:           t0,
			Completed:         t0.Add(369 * time.Millisecond),
			ResponseMin:       3 * time.Millisecond,
			ResponseMax:       65 * time.Millisecond,
			ResponseAvg:       23600 * time.Microsecond,
			ResponseSD:        27200 * time.Microsecond,
			ResponseBytes:     1390,
			DNS:               runner.Spread{Avg: 1200 * time.Microsecond, Min: 1200 * time.Microsecond, Max: 1200 * time.Microsecond},
			FirstByte:         runner.Spread{Avg: 2 * time.Millisecond, Min: 800 * time.Microsecond, Max: 4 * time.Millisecond, SD: 1300 * time.Microsecond},
		},
	})
	return ev
}

// refusedErr is the runner's error for a refused connection. The cause is
// a plain error, not a syscall.Errno, so golden files hold no
// platform-specific errno.
var refusedErr = &runner.NetError{Code: "ECONNREFUSED", Msg: "connect ECONNREFUSED 127.0.0.1:1", Err: &net.OpError{
	Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}, Err: errors.New("connect: connection refused"),
}}

func play(s runner.Sink, evs []runner.Event) {
	for _, e := range evs {
		s.Handle(e)
	}
}

func statFile(name string) (os.FileInfo, error) { return os.Stat(name) }
