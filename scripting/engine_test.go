package scripting

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/scripting/jslib"
)

func TestEngineSemantics(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		scripts []string // run in order in one Engine; the last one is checked
		listen  string
		want    []TestResult
		wantErr string
	}{
		{name: "top-level return", listen: "test",
			scripts: []string{`pm.test("before", () => {}); if (pm.response.code === 200) { return; } pm.test("after", () => {});`},
			want:    []TestResult{{Name: "before", Passed: true}}},
		{name: "top-level await", listen: "test",
			scripts: []string{`const v = await new Promise(r => setTimeout(() => r(7), 5)); pm.test("awaited " + v, () => pm.expect(v).to.equal(7));`},
			want:    []TestResult{{Name: "awaited 7", Passed: true}}},
		{name: "implicit globals persist, var does not", listen: "test",
			scripts: []string{`utils = { twice: x => x * 2 }; var hidden = 1;`,
				`pm.test("utils", () => pm.expect(utils.twice(2)).to.equal(4)); pm.test("var is local", () => pm.expect(typeof hidden).to.equal("undefined"));`},
			want: []TestResult{{Name: "utils", Passed: true}, {Name: "var is local", Passed: true}}},
		{name: "Object.prototype additions persist", listen: "test",
			scripts: []string{`Object.prototype.jwt_decode_payload = function (jwt) { return JSON.parse(atob(jwt.split('.')[1])); };`,
				`pm.test("proto", () => pm.expect({}.jwt_decode_payload("x." + btoa('{"sub":"me"}') + ".y").sub).to.equal("me"));`},
			want: []TestResult{{Name: "proto", Passed: true}}},
		{name: "ReferenceError inside pm.test is a failed test", listen: "test",
			scripts: []string{`response = pm.response.json(); pm.test("ref", () => { jwt_payload = JSON.parse(jwt_payload); }); pm.test("later", () => {});`},
			want:    []TestResult{{Name: "ref", ErrorName: "ReferenceError", Error: "jwt_payload is not defined"}, {Name: "later", Passed: true}}},
		{name: "throw in prerequest keeps earlier tests", listen: "prerequest",
			scripts: []string{`pm.test("first", () => {});
const flowHref = pm.collectionVariables.get('flow_href');
if (!flowHref) { throw new Error('flow_href is empty — run request 1 first'); }`},
			want:    []TestResult{{Name: "first", Passed: true}},
			wantErr: `prerequest script "req" at 3:24: Error: flow_href is empty — run request 1 first`},
		{name: "syntax error position", listen: "test",
			scripts: []string{"var a = 1;\nvar b = ;"},
			wantErr: `test script "req" at 2:9: SyntaxError: Unexpected token ';'`},
		{name: "runtime error position on line 1", listen: "test",
			scripts: []string{"var a = 1; nosuch();"},
			wantErr: `test script "req" at 1:18: ReferenceError: nosuch is not defined`},
		{name: "async pm.test failing after await", listen: "test",
			scripts: []string{`pm.test("async fails", async () => { await new Promise(r => setTimeout(r, 5)); pm.expect(1).to.equal(2); });
pm.test("sync ok", () => {});`},
			// Reported as they settle, as Newman orders results.
			want: []TestResult{{Name: "sync ok", Passed: true}, {Name: "async fails", ErrorName: "AssertionError", Error: "expected 1 to equal 2"}}},
		{name: "done callback test", listen: "test",
			scripts: []string{`pm.test("done err", (done) => setTimeout(() => done(new Error("late")), 1)); pm.test("done ok", (done) => setTimeout(done, 1));`},
			want:    []TestResult{{Name: "done err", ErrorName: "Error", Error: "late"}, {Name: "done ok", Passed: true}}},
		{name: "done never called", listen: "test",
			scripts: []string{`pm.test("hangs", (done) => {});`},
			want:    []TestResult{{Name: "hangs", ErrorName: "Error", Error: "test did not complete: its callback or promise never settled"}}},
		{name: "skip and index", listen: "test",
			scripts: []string{`pm.test("a", () => {}); pm.test.skip("b", () => {}); pm.test("idx " + pm.test.index(), () => {});`},
			want:    []TestResult{{Name: "a", Passed: true}, {Name: "b", Skipped: true}, {Name: "idx 2", Passed: true}}},
		// Newman 6.2.2's report names what was thrown without a name
		// AssertionError; a name of its own stays.
		{name: "thrown values without a name", listen: "test",
			scripts: []string{`pm.test("str", () => { throw "s"; }); pm.test("obj", () => { throw {message: "m"}; }); pm.test("named", () => { throw {message: "m", name: "Custom"}; }); pm.test("num", () => { throw 7; });`},
			want: []TestResult{{Name: "str", ErrorName: "AssertionError", Error: "str"}, {Name: "obj", ErrorName: "AssertionError", Error: "m"},
				{Name: "named", ErrorName: "Custom", Error: "m"}, {Name: "num", ErrorName: "AssertionError", Error: "num"}}},
		{name: "pm.expect.fail", listen: "test",
			scripts: []string{`pm.test("f", () => pm.expect.fail("boom"));`},
			want:    []TestResult{{Name: "f", ErrorName: "AssertionError", Error: "boom"}}},
		{name: "legacy tests falsy message", listen: "test",
			scripts: []string{`tests["zero"] = 0; tests["ok"] = responseCode.code === 200;`},
			want:    []TestResult{{Name: "zero", ErrorName: "AssertionError", Error: "expected 0 to be truthy"}, {Name: "ok", Passed: true}}},
		{name: "chai-postman failure messages", listen: "test",
			scripts: []string{`pm.test("s", () => pm.response.to.have.status(201));
pm.test("h", () => pm.response.to.have.header("X-Nope"));
pm.test("hv", () => pm.response.to.have.header("Content-Type", "text/plain"));
pm.test("nok", () => pm.response.to.not.be.ok);
pm.test("nf", () => pm.response.to.be.notFound);
pm.test("ce", () => pm.response.to.be.clientError);
pm.test("jb", () => pm.response.to.have.jsonBody("id", "y"));
pm.test("eql", () => pm.expect({a: 1}).to.eql({a: 2}));
pm.test("schema", () => pm.response.to.have.jsonSchema({type: "object", required: ["zz"]}));`},
			want: []TestResult{
				{Name: "s", ErrorName: "AssertionError", Error: "expected response to have status code 201 but got 200"},
				{Name: "h", ErrorName: "AssertionError", Error: "expected response to have header with key 'X-Nope'"},
				{Name: "hv", ErrorName: "AssertionError", Error: "expected 'Content-Type' response header to be 'text/plain' but got 'application/json; charset=utf-8'"},
				{Name: "nok", ErrorName: "AssertionError", Error: "expected response to not have status reason 'OK'"},
				{Name: "nf", ErrorName: "AssertionError", Error: "expected response to have status reason 'NOT FOUND' but got 'OK'"},
				{Name: "ce", ErrorName: "AssertionError", Error: "expected response code to be 4XX but found 200"},
				{Name: "jb", ErrorName: "AssertionError", Error: `expected response body json at "id" to contain 'y' but got 'u-1'`},
				{Name: "eql", ErrorName: "AssertionError", Error: "expected { a: 1 } to deeply equal { a: 2 }"},
				{Name: "schema", ErrorName: "AssertionError", Error: "expected data to satisfy schema but found following errors: \ndata should have required property 'zz'"},
			}},
		{name: "unhandled rejection", listen: "test",
			scripts: []string{`pm.test("x", () => {}); Promise.reject(new Error("nobody caught me"));`},
			want:    []TestResult{{Name: "x", Passed: true}},
			wantErr: "Uncaught (in promise) nobody caught me"},
		{name: "runaway recursion", listen: "test",
			scripts: []string{`function f() { return f() + 1; } f();`},
			wantErr: "RangeError: Maximum call stack size exceeded"},
		{name: "huge fill is refused", listen: "test",
			scripts: []string{`new Array(1e9).fill(0);`},
			wantErr: "RangeError: Array is too large"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// Timers run on the virtual clock, where the script's own work
			// takes no time (TestVirtualClockIgnoresScriptWork); their
			// delays are far apart from when that clock still followed
			// the wall clock while a script worked.
			e, _ := newTestEngine(t, Options{VirtualTime: true})
			var r *Result
			for _, src := range tc.scripts {
				r = e.Run(context.Background(), testExec(tc.listen, src))
			}
			if tc.wantErr == "" && r.Err != nil {
				t.Fatalf("unexpected error: %v", r.Err)
			}
			if tc.wantErr != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), tc.wantErr)) {
				t.Fatalf("error = %v, want it to contain %q", r.Err, tc.wantErr)
			}
			if len(r.Tests) != len(tc.want) {
				t.Fatalf("tests = %+v, want %+v", r.Tests, tc.want)
			}
			for i := range tc.want {
				got := r.Tests[i]
				got.Index = 0 // numbering: TestTestIndexesAsSandbox
				if got != tc.want[i] {
					t.Errorf("test %d = %+v, want %+v", i, r.Tests[i], tc.want[i])
				}
			}
		})
	}
}

func TestTimeoutInterruptsAndEngineContinues(t *testing.T) {
	t.Parallel()
	// Compile chai ahead so the library's first compile does not count
	// against the short script timeout on a loaded machine.
	for _, m := range []string{"chai", "lodash"} {
		if _, err := jslib.Program(m); err != nil {
			t.Fatal(err)
		}
	}
	e, _ := newTestEngine(t, Options{})
	r, timeout := runPastFirstStatement(t, e, `pm.test("before", () => {}); while (true) {}`)
	if !errors.Is(r.Err, ErrScriptTimeout) {
		t.Fatalf("err = %v, want ErrScriptTimeout", r.Err)
	}
	if len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("tests before the loop were lost: %+v", r.Tests)
	}
	e.opts.Timeout = timeout
	// A pending timer must not outlive the timeout either.
	r = e.Run(context.Background(), testExec("test", `setTimeout(() => {}, 60000);`))
	if !errors.Is(r.Err, ErrScriptTimeout) {
		t.Fatalf("pending timer: err = %v, want ErrScriptTimeout", r.Err)
	}
	liftTimeout(e)
	r = e.Run(context.Background(), testExec("test", `pm.test("next", () => pm.response.to.have.status(200));`))
	if r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("next script after timeout: %+v", r)
	}
}

// runPastFirstStatement runs src, whose first statement records a test,
// with a 300 ms timeout, and returns its result and the timeout it ran
// with. The timeout must land after that statement, and the engine's own
// set-up before the script counts against it: a machine too loaded to get
// there in time runs the script again with twice the timeout, so load
// makes the test longer, never failed. A script that never stops meets
// the test's deadline (a hang guard).
func runPastFirstStatement(t *testing.T, e *Engine, src string) (*Result, time.Duration) {
	t.Helper()
	for timeout := 300 * time.Millisecond; ; timeout *= 2 {
		e.opts.Timeout = timeout
		r := e.Run(context.Background(), testExec("test", src))
		if len(r.Tests) > 0 || !errors.Is(r.Err, ErrScriptTimeout) || timeout > time.Minute {
			return r, timeout
		}
	}
}

// The watchdog's timer is armed once and left to fire, not re-armed per
// script. Armed by an earlier script, it fires before a later script's
// deadline: it must re-arm for that deadline, neither stopping the script
// early nor letting it run on.
func TestTimeoutCountsFromEachScriptsStart(t *testing.T) {
	t.Parallel()
	const timeout = 400 * time.Millisecond
	e, _ := newTestEngine(t, Options{Timeout: timeout})
	// The earlier script only sets a deadline of its own; on a loaded
	// machine it may outlive it, which changes nothing below.
	if r := e.Run(context.Background(), testExec("test", `pm.test("quick", () => {});`)); r.Err != nil && !errors.Is(r.Err, ErrScriptTimeout) {
		t.Fatal(r.Err)
	}
	time.Sleep(timeout / 2)
	// A run that never stops fails on this context instead of hanging.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	start := time.Now()
	r := e.Run(ctx, testExec("test", `while (true) {}`))
	if !errors.Is(r.Err, ErrScriptTimeout) {
		t.Fatalf("err = %v, want ErrScriptTimeout", r.Err)
	}
	if d := time.Since(start); d < timeout {
		t.Fatalf("stopped after %v, before its own %v (at the earlier script's deadline)", d, timeout)
	}
}

func TestContextCancelStopsScript(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	r := e.Run(ctx, testExec("test", `for (;;) {}`))
	if r.Err == nil {
		t.Fatal("expected an error from a cancelled run")
	}
}

func TestFlowControlResults(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("prerequest", `pm.execution.setNextRequest("Login"); pm.visualizer.set("<p>{{n}}</p>", {n: 1}); pm.execution.skipRequest(); pm.visualizer.set("<p>not reached</p>");`))
	if r.Err != nil || r.NextRequest != "Login" || !r.NextRequestSet || !r.SkipRequest {
		t.Fatalf("result = %+v", r)
	}
	if r.Visualizer == nil || r.Visualizer.Template != "<p>{{n}}</p>" || r.Visualizer.Data != `{"n":1}` {
		t.Fatalf("visualizer = %+v", r.Visualizer)
	}
	r = e.Run(context.Background(), testExec("test", `postman.setNextRequest(null);`))
	if !r.NextRequestSet || r.NextRequest != "" {
		t.Fatalf("setNextRequest(null) = %+v", r)
	}
	r = e.Run(context.Background(), testExec("test", `pm.test("x", () => {});`))
	if r.NextRequestSet || r.SkipRequest {
		t.Fatalf("flow state leaked into the next script: %+v", r)
	}
}

func TestPrerequestMutatesRequest(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("prerequest", `
pm.request.headers.add({key: "X-Added", value: "1"});
pm.request.headers.upsert({key: "x-trace", value: "t2"});
pm.request.removeHeader("Content-Type");
pm.request.url.addQueryParams("extra=yes");
pm.request.removeQueryParams("flag");
pm.request.method = "PUT";
pm.request.body.raw = JSON.stringify({k: 2});
`)
	r := e.Run(context.Background(), x)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	req := x.Request
	if req.Method != "PUT" {
		t.Errorf("method = %q", req.Method)
	}
	var hs []string
	for _, h := range req.Header {
		hs = append(hs, h.Key+"="+h.Value)
	}
	if got := strings.Join(hs, ","); got != "x-trace=t2,X-Added=1" {
		t.Errorf("headers = %s", got)
	}
	var qs []string
	for _, q := range req.URL.Query {
		v := "<nil>"
		if q.Value != nil {
			v = *q.Value
		}
		qs = append(qs, q.Key+"="+v)
	}
	if got := strings.Join(qs, ","); got != "q=1,extra=yes" {
		t.Errorf("query = %s", got)
	}
	if req.Body.Raw != `{"k":2}` {
		t.Errorf("body = %s", req.Body.Raw)
	}
	if req.URL.Raw != "https://api.example.com/v1/users/42?q=1&extra=yes" && req.URL.Raw != "https://api.example.com/v1/users/:id?q=1&extra=yes" {
		t.Errorf("raw url = %s", req.URL.Raw)
	}

	// Assigning a string URL replaces it.
	x = testExec("prerequest", `pm.request.url = "http://other.test:8080/a/b?z=9";`)
	if r := e.Run(context.Background(), x); r.Err != nil {
		t.Fatal(r.Err)
	}
	if x.Request.URL.Port != "8080" || strings.Join(x.Request.URL.Host, ".") != "other.test" || x.Request.URL.Raw != "http://other.test:8080/a/b?z=9" {
		t.Errorf("url = %+v", x.Request.URL)
	}
	// An untouched request is left exactly as it was.
	x = testExec("prerequest", `pm.request.headers.get("x-trace");`)
	before := x.Request.URL.Raw
	e.Run(context.Background(), x)
	if x.Request.URL.Raw != before {
		t.Errorf("untouched url rewritten: %s", x.Request.URL.Raw)
	}
}

func TestConsoleFormatting(t *testing.T) {
	t.Parallel()
	e, rec := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `
console.log("o", typeof 1, {a: 1, b: [1, 2]});
console.warn({a: 1, s: 'x', nested: {d: {e: {f: 1}}}, arr: [1, 2, 3], fn: function foo() {}}, null, undefined, 3);
console.info("fmt %s %d %j", "a", 42, {x: 1});
console.error(new Map([[1, 2]]), new Set(["a"]), [, 1], "it's");`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	got := rec.all()
	want := []ConsoleLine{
		{Level: "log", Text: "'o', 'number', { a: 1, b: [ 1, 2 ] }", Message: "o number { a: 1, b: [ 1, 2 ] }"},
		{Level: "warn", Text: "{\n  a: 1,\n  s: 'x',\n  nested: { d: { e: { f: 1 } } },\n  arr: [ 1, 2, 3 ],\n  fn: '[Function: foo]'\n}, null, undefined, 3",
			Message: "{\n  a: 1,\n  s: 'x',\n  nested: { d: { e: [Object] } },\n  arr: [ 1, 2, 3 ],\n  fn: [Function: foo]\n} null undefined 3"},
		// A format also comes as plain text, for a secret that is one
		// (suite/redact.go): Node's util.format('%s', ...args).
		{Level: "info", Text: "'fmt %s %d %j', 'a', 42, { x: 1 }", Message: `fmt a 42 {"x":1}`, Format: "fmt %s %d %j",
			Unformatted: "fmt %s %d %j a 42 { x: 1 }"},
		// The CLI text is what Newman prints after the sandbox serialized the
		// arguments: a hole is undefined there (Newman 6.2.2).
		{Level: "error", Text: "Map(1) { 1 => 2 }, Set(1) { 'a' }, [ undefined, 1 ], \"it's\"", Message: "Map(1) { 1 => 2 } Set(1) { 'a' } [ <1 empty item>, 1 ] it's"},
	}
	if len(got) != len(want) {
		t.Fatalf("console = %q", consoleTexts(got))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %q / %q\nwant %q / %q", i, got[i].Text, got[i].Message, want[i].Text, want[i].Message)
		}
	}
}

// TestMemoryLimitInterrupts is not parallel: it lowers the process-wide limit.
func TestMemoryLimitInterrupts(t *testing.T) {
	old := memLimit
	memLimit = heapBytes() + 32<<20
	defer func() { memLimit = old }()
	e, _ := newTestEngine(t, Options{Timeout: 20 * time.Second})
	r := e.Run(context.Background(), testExec("test", `const a = []; for (;;) { a.push(new Array(1e5).fill(1)); }`))
	if !errors.Is(r.Err, errMemoryLimit) {
		t.Fatalf("err = %v, want the memory limit", r.Err)
	}
	memLimit = old
	// The engine is usable afterwards.
	r = e.Run(context.Background(), testExec("test", `pm.test("after", () => {});`))
	if r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("after the limit: %+v", r)
	}
}

// TestResponseJSONErrors checks pm.response.json() failures against the
// messages postman-collection 4.4.0 (liquid-json) gives in Newman.
func TestResponseJSONErrors(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	cases := []struct{ body, name, msg string }{
		{"<html>hi</html>", "JSONError", "Unexpected token '<' at 1:1\n<html>hi</html>\n^"},
		{"", "JSONError", "No data, empty input at 1:1\n\n^"},
		{`{"a":1,}`, "JSONError", "Trailing comma in object at 1:8\n{\"a\":1,}\n       ^"},
	}
	for _, c := range cases {
		x := testExec("test", `let err; try { pm.response.json(); } catch (e) { err = e; }
pm.test("err", () => { pm.expect(err.name).to.equal(pm.iterationData.get("name")); pm.expect(err.message).to.equal(pm.iterationData.get("msg")); });`)
		x.Response.Body = []byte(c.body)
		x.Data = environments.NewScope("data", []environments.Variable{{Key: "name", Value: c.name}, {Key: "msg", Value: c.msg}})
		runJS(t, e, x)
	}
	// A BOM is skipped.
	x := testExec("test", `pm.test("bom", () => pm.expect(pm.response.json()).to.eql({a: 1}));`)
	x.Response.Body = []byte("\ufeff{\"a\":1}")
	runJS(t, e, x)
}

// A script stopped inside an assertion's slow path (reached through its
// native form) times out like any other, and the engine goes on.
func TestTimeoutInsideNativeAssertion(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{Timeout: 300 * time.Millisecond})
	r := e.Run(context.Background(), testExec("test",
		`pm.test("spins", () => pm.expect(new Proxy({}, { getPrototypeOf() { while (true) {} } })).to.be.an('object'));`))
	if !errors.Is(r.Err, ErrScriptTimeout) {
		t.Fatalf("err = %v, want ErrScriptTimeout", r.Err)
	}
	liftTimeout(e)
	r = e.Run(context.Background(), testExec("test", `pm.test("next", () => pm.expect('x').to.be.a('string'));`))
	if r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("next script after timeout: %+v", r)
	}
}

// The legacy response globals come and go as scripts alternate between
// pre-request and test: present (configurable, not enumerable accessors)
// in a test script, absent from the global object in a pre-request one.
func TestResponseGlobalsFollowTheListen(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	present := `pm.test("present", () => {
  const d = Object.getOwnPropertyDescriptor(globalThis, "responseBody");
  pm.expect(typeof d.get).to.equal("function");
  pm.expect(d.configurable).to.equal(true);
  pm.expect(d.enumerable).to.equal(false);
  pm.expect(Object.keys(globalThis)).to.not.include("responseCode");
  pm.expect(responseCode.code).to.equal(200);
  pm.expect(responseBody).to.equal(pm.response.text());
});`
	absent := `pm.test("absent", () => {
  pm.expect("responseBody" in globalThis).to.equal(false);
  pm.expect(typeof responseHeaders).to.equal("undefined");
  let threw = false;
  try { responseTime; } catch (err) { threw = err instanceof ReferenceError; }
  pm.expect(threw).to.equal(true);
});`
	for i := 0; i < 3; i++ {
		runJS(t, e, testExec("test", present))
		runJS(t, e, &Exec{Listen: "prerequest", Name: "p", Source: absent})
	}
}

// TestConsoleQuoteAndFormat checks console's string quoting and format
// directives, written to work in one pass over the text, against the
// character-at-a-time versions they replaced (written out below).
func TestConsoleQuoteAndFormat(t *testing.T) {
	t.Parallel()
	e, rec := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `
function oldQuote(s) {
    var q = "'";
    if (s.indexOf("'") >= 0) { q = s.indexOf('"') < 0 ? '"' : (s.indexOf('`+"`"+`') < 0 ? '`+"`"+`' : "'"); }
    var out = '';
    for (var i = 0; i < s.length; i++) {
        var c = s[i], code = s.charCodeAt(i);
        if (c === q || c === '\\') { out += '\\' + c; } else if (c === '\n') { out += '\\n'; } else if (c === '\t') { out += '\\t'; } else if (c === '\r') { out += '\\r'; } else if (c === '\b') { out += '\\b'; } else if (c === '\f') { out += '\\f'; } else if (c === '\v') { out += '\\v'; } else if (code < 0x20 || code === 0x7f) { out += '\\x' + (code < 16 ? '0' : '') + code.toString(16).toUpperCase(); } else { out += c; }
    }
    return q + out + q;
}
function oldFormat(first, args) {
    var out = '', a = 0;
    for (var i = 0; i < first.length; i++) {
        if (first[i] === '%' && i + 1 < first.length) {
            var c = first[i + 1];
            if (c === '%') { out += '%'; i++; continue; }
            if ('sdifjoOc'.indexOf(c) >= 0) {
                if (a >= args.length) { out += '%' + c; i++; continue; }
                var v = args[a++];
                out += c === 'd' ? String(Number(v)) : c === 'i' ? String(parseInt(v, 10)) : c === 'f' ? String(parseFloat(v)) : c === 'c' ? '' : String(v);
                i++; continue;
            }
        }
        out += first[i];
    }
    for (; a < args.length; a++) { out += ' ' + args[a]; }
    return out;
}
var strs = ['', 'a', "it's", 'say "hi"', "it's \"both\"", "it's \"all\" `+"`"+`three`+"`"+`", 'back\\slash', 'tab\there\nnl\r\b\f\v',
    '\u0000\u0001\u001f\u007f\u0080', 'é😀', '%', '%%', '%s', 'a%sb%dc', '100%', '%%s %s', '%x %', 'end%', '%c%s', 'x'.repeat(300) + '%s'];
strs.forEach(function (s) {
    var q = oldQuote(s);
    console.log([s]); console.log(q.length > 72 ? '[\n  ' + q + '\n]' : '[ ' + q + ' ]');
    console.log(s, 'A', 'B'); console.log(oldFormat(s, ['A', 'B']));
});`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	got := rec.all()
	if len(got) != 4*20 {
		t.Fatalf("%d console lines", len(got))
	}
	for i := 0; i < len(got); i += 4 {
		if got[i].Message != got[i+1].Message {
			t.Errorf("quote: got %q, want %q", got[i].Message, got[i+1].Message)
		}
		if got[i+2].Message != got[i+3].Message {
			t.Errorf("format: got %q, want %q", got[i+2].Message, got[i+3].Message)
		}
	}
}

// A script stopped by its timeout inside an object's getter (the scope's
// set reads it) ends: the values it set are not settled again after the
// stop, which ran the looping getter with no watchdog left to interrupt it
// and held the run forever, past SIGTERM. The wait below is a fail-safe
// for that hang, not a budget.
func TestTimeoutInLiveValueGetterEnds(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{Timeout: 300 * time.Millisecond})
	done := make(chan *Result, 1)
	go func() {
		done <- e.Run(context.Background(), testExec("test", `var g = {};
Object.defineProperty(g, 'x', {get: function () { for (;;) {} }, enumerable: true});
pm.globals.set('getter', g);`))
	}()
	select {
	case r := <-done:
		if !errors.Is(r.Err, ErrScriptTimeout) {
			t.Fatalf("err = %v, want ErrScriptTimeout", r.Err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the script never ended: its getter ran again after the timeout")
	}
}

// A getter that loops only when the script's live values are settled at
// its end is stopped by the timeout, and the script fails with it (the
// interrupt was swallowed: the script passed after sitting out its whole
// timeout).
func TestTimeoutWhileSettlingFailsTheScript(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{Timeout: 300 * time.Millisecond})
	r := e.Run(context.Background(), testExec("test", `var n = 0, g = {};
Object.defineProperty(g, 'x', {get: function () { if (++n > 1) { for (;;) {} } return 1; }, enumerable: true});
pm.globals.set('getter', g);
pm.test('set', function () {});`))
	if !errors.Is(r.Err, ErrScriptTimeout) {
		t.Fatalf("err = %v, want ErrScriptTimeout", r.Err)
	}
}

// A getter that throws while console.log serialises its object fails the
// console call with the getter's error, as in Newman 6.2.2 (its sandbox
// reads the getter; recorded by hand under unshare -n: the script fails
// with "boom" and logs nothing); a setter alone is still undefined.
func TestConsoleThrowingGetterFailsTheCall(t *testing.T) {
	t.Parallel()
	e, rec := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `
console.log({set w(x) {}, n: 1});
let caught;
try { console.log({get x() { throw new Error('boom'); }, n: 1}); } catch (err) { caught = err.message; }
console.log('caught ' + caught);`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got, want := consoleTexts(rec.all()), "log: { w: undefined, n: 1 }\nlog: 'caught boom'\n"; got != want {
		t.Errorf("console = %q, want %q", got, want)
	}
}

// TestConsoleLongTypedArray: a typed array past 100 elements ends with
// "... N more items", as Node's util.inspect and Newman 6.2.2 print it
// (it was cut without the line, so a secret's bytes left at the end read
// as the whole array). Message is Node 22's util.format output.
func TestConsoleLongTypedArray(t *testing.T) {
	t.Parallel()
	e, rec := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `console.log(new Uint8Array(103)); console.log(new Int8Array(101).fill(-1));`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	got := rec.all()
	if len(got) != 2 {
		t.Fatalf("console = %q", consoleTexts(got))
	}
	zeros := strings.Repeat("  "+strings.Repeat("0, ", 11)+"0,\n", 8)
	if want := "Uint8Array(103) [\n" + zeros + "  0, 0, 0, 0,\n  ... 3 more items\n]"; got[0].Message != want || got[0].Text != want {
		t.Errorf("got %q / %q\nwant %q", got[0].Text, got[0].Message, want)
	}
	if !strings.HasSuffix(got[1].Message, "\n  -1, -1, -1, -1,\n  ... 1 more item\n]") || !strings.HasSuffix(got[1].Text, "\n  ... 1 more item\n]") {
		t.Errorf("got %q / %q", got[1].Text, got[1].Message)
	}
}
