package runner_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/determinism"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// recorder keeps every event for assertions.
type recorder struct{ events []runner.Event }

func (r *recorder) Handle(e runner.Event) { r.events = append(r.events, e) }

func (r *recorder) requests() []runner.RequestEvent {
	var out []runner.RequestEvent
	for _, e := range r.events {
		if re, ok := e.(runner.RequestEvent); ok {
			out = append(out, re)
		}
	}
	return out
}

func (r *recorder) assertions() map[string]bool {
	out := map[string]bool{}
	for _, e := range r.events {
		if ae, ok := e.(runner.AssertionEvent); ok {
			out[ae.Result.Name] = ae.Result.Passed
		}
	}
	return out
}

func (r *recorder) sentNames() []string {
	var out []string
	for _, re := range r.requests() {
		out = append(out, re.Item.Name)
	}
	return out
}

func run(t *testing.T, collJSON string, opts runner.Options, env ...environments.Variable) (*runner.Summary, *recorder, *runner.Runner) {
	t.Helper()
	return runCtx(context.Background(), t, collJSON, opts, env...)
}

// runCtx is run with the run's context given (test-only settings ride in it).
func runCtx(ctx context.Context, t *testing.T, collJSON string, opts runner.Options, env ...environments.Variable) (*runner.Summary, *recorder, *runner.Runner) {
	t.Helper()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(collJSON), "test.json")
	require.NoError(t, err)
	rec := &recorder{}
	vars := append([]environments.Variable{{Key: "baseUrl", Value: base}}, env...)
	r := &runner.Runner{
		Collection:  coll,
		Environment: environments.NewScope("env", vars),
		Options:     opts,
		Sink:        rec,
	}
	sum, err := r.Run(ctx)
	require.NoError(t, err)
	return sum, rec, r
}

func item(name, method, url, test string) string {
	ev := ""
	if test != "" {
		ev = `,"event":[{"listen":"test","script":{"exec":` + quote(test) + `}}]`
	}
	return `{"name":` + quote(name) + `,"request":{"method":"` + method + `","url":` + quote(url) + `}` + ev + `}`
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func coll(items ...string) string {
	return `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + strings.Join(items, ",") + `]}`
}

func TestExampleCollectionIsGreen(t *testing.T) {
	t.Parallel()
	data, err := readFile("../testdata/examples/echo.postman_collection.json")
	require.NoError(t, err)
	sum, rec, _ := run(t, string(data), runner.Options{Iterations: 2})
	assert.Empty(t, sum.Failures)
	assert.Equal(t, 10, sum.Requests.Total)
	assert.Equal(t, 12, sum.Assertions.Total)
	for name, ok := range rec.assertions() {
		assert.True(t, ok, name)
	}
}

func TestScriptOrderCollectionFolderRequest(t *testing.T) {
	t.Parallel()
	script := func(tag string) string {
		return `[{"listen":"prerequest","script":{"exec":"pm.environment.set('order', (pm.environment.get('order')||'') + '` + tag + `-pre,')"}},` +
			`{"listen":"test","script":{"exec":"pm.environment.set('order', pm.environment.get('order') + '` + tag + `-test,')"}}]`
	}
	c := `{"info":{"name":"t"},"event":` + script("coll") + `,"item":[{"name":"F","event":` + script("folder") +
		`,"item":[{"name":"R","event":` + script("req") + `,"request":{"method":"GET","url":"{{baseUrl}}/get"}}]}]}`
	_, _, r := run(t, c, runner.Options{})
	got, _ := r.Scopes().Environment.Get("order")
	assert.Equal(t, "coll-pre,folder-pre,req-pre,coll-test,folder-test,req-test,", got)
}

func TestSetNextRequest(t *testing.T) {
	t.Parallel()
	c := coll(
		item("A", "GET", "{{baseUrl}}/get?a", `postman.setNextRequest("C")`),
		item("B", "GET", "{{baseUrl}}/get?b", ""),
		item("C", "GET", "{{baseUrl}}/get?c", `if (pm.info.iteration === 0) { pm.execution.setNextRequest(null) }`),
		item("D", "GET", "{{baseUrl}}/get?d", `pm.execution.setNextRequest("no such request")`),
		item("E", "GET", "{{baseUrl}}/get?e", ""),
	)
	_, rec, _ := run(t, c, runner.Options{Iterations: 2})
	// Iteration 0: A jumps to C, C stops the iteration. Iteration 1: A, C, D,
	// and D's unknown target ends that iteration.
	assert.Equal(t, []string{"A", "C", "A", "C", "D"}, rec.sentNames())
}

// TestVirtualTimeFromContext: determinism.Settings.VirtualTime in the run's
// context puts the scripts' timers on a clock of their own, for the run's
// items and for a request they run with pm.execution.runRequest alike:
// each script waits an hour and goes on at once. Without it the run would
// sit until the fail-safe deadline and fail.
func TestVirtualTimeFromContext(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	const hour = "var t0 = Date.now(); await new Promise(function (r) { setTimeout(r, 3600e3); });\n"
	test := func(src string) []any {
		return []any{map[string]any{"listen": "test", "script": map[string]any{"exec": hour + src}}}
	}
	raw, err := json.Marshal(map[string]any{
		"info": map[string]any{"name": "clock"},
		"item": []any{
			map[string]any{"name": "Nested", "id": "nested", "request": map[string]any{"method": "GET", "url": base + "/get?n"},
				"event": test("pm.variables.set('nestedWaited', Date.now() - t0 >= 3600e3);")},
			map[string]any{"name": "Main", "request": map[string]any{"method": "GET", "url": base + "/get?m"},
				"event": test(`await pm.execution.runRequest('nested');
pm.test('waited ' + (Date.now() - t0 >= 3600e3) + ', nested waited ' + pm.variables.get('nestedWaited'), function () {});`)},
		},
	})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // a fail-safe, not a budget
	defer cancel()
	ctx = determinism.With(ctx, determinism.Settings{VirtualTime: true})
	_, rec, _ := runCtx(ctx, t, string(raw), runner.Options{Folders: []string{"Main"}})
	var names []string
	for _, e := range rec.events {
		if a, ok := e.(runner.AssertionEvent); ok {
			names = append(names, a.Result.Name)
		}
	}
	assert.Equal(t, []string{"waited true, nested waited true"}, names)
}

// TestMaxSteps: with determinism.Settings.MaxSteps in its context, a run
// ends before its item number MaxSteps+1, counted over
// iterations and setNextRequest jumps, and a poll loop on an item is cut
// there every time; the cut is not a bail.
func TestMaxSteps(t *testing.T) {
	t.Parallel()
	loop := coll(
		item("setup", "GET", "{{baseUrl}}/get?s", ""),
		item("poll", "GET", "{{baseUrl}}/get?p", `if (pm.response.code !== 201) { postman.setNextRequest("poll") }`),
		item("after", "GET", "{{baseUrl}}/get?a", ""),
	)
	cases := []struct {
		name  string
		c     string
		opts  runner.Options
		steps int
		want  []string
	}{
		{"a poll loop is cut", loop, runner.Options{}, 4, []string{"setup", "poll", "poll", "poll"}},
		{"across iterations", coll(item("A", "GET", "{{baseUrl}}/get?a", ""), item("B", "GET", "{{baseUrl}}/get?b", "")),
			runner.Options{Iterations: 3}, 3, []string{"A", "B", "A"}},
		{"a budget larger than the run changes nothing", coll(item("A", "GET", "{{baseUrl}}/get?a", ""), item("B", "GET", "{{baseUrl}}/get?b", "")),
			runner.Options{Iterations: 2}, 10, []string{"A", "B", "A", "B"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ctx := determinism.With(context.Background(), determinism.Settings{MaxSteps: c.steps})
			sum, rec, _ := runCtx(ctx, t, c.c, c.opts)
			assert.Equal(t, c.want, rec.sentNames())
			assert.False(t, sum.Bailed, "a step budget is not a bail")
		})
	}
}

// TestDigestChallengeCounts: an answered digest challenge is two round
// trips in the run's requests and one execution whose request is the
// answered one, as Newman 6.2.2 and Postman CLI 1.34 report Newman's own
// test__integration__helper (3 items, 4 requests; the DigestAuth execution
// carries "Authorization: Digest username=...").
func TestDigestChallengeCounts(t *testing.T) {
	t.Parallel()
	digest := `{"name":"digest","request":{"method":"GET","url":"{{baseUrl}}/digest-auth","auth":{"type":"digest","digest":[` +
		`{"key":"username","value":"postman"},{"key":"password","value":"password"}]}}}`
	cases := []struct {
		name         string
		items        []string
		requests     int
		authorizedAt []bool // per reported request: does it carry a Digest Authorization?
	}{
		{"a digest item", []string{digest}, 2, []bool{true}},
		{"beside a plain item", []string{item("plain", "GET", "{{baseUrl}}/get", ""), digest}, 3, []bool{false, true}},
		{"wrong password: one challenge, still 401", []string{strings.Replace(digest, `"value":"password"`, `"value":"nope"`, 1)}, 2, []bool{true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			sum, rec, _ := run(t, coll(c.items...), runner.Options{})
			assert.Equal(t, c.requests, sum.Requests.Total)
			reqs := rec.requests()
			require.Len(t, reqs, len(c.authorizedAt), "one execution per item")
			for i, want := range c.authorizedAt {
				got := false
				for _, h := range reqs[i].Request.Header {
					got = got || (strings.EqualFold(h.Key, "Authorization") && strings.HasPrefix(h.Value, "Digest "))
				}
				assert.Equal(t, want, got, "request %d carries the answered Authorization", i)
			}
		})
	}
}

func TestSkipRequestAndThrowingPrerequest(t *testing.T) {
	t.Parallel()
	c := `{"info":{"name":"t"},"item":[` +
		`{"name":"skipped","event":[{"listen":"prerequest","script":{"exec":"pm.execution.skipRequest()"}},{"listen":"test","script":{"exec":"pm.test('never', ()=>{})"}}],"request":"{{baseUrl}}/get"},` +
		`{"name":"throws","event":[{"listen":"prerequest","script":{"exec":"throw new Error('boom')"}}],"request":"{{baseUrl}}/get"}]}`
	sum, rec, _ := run(t, c, runner.Options{})
	assert.Equal(t, []string{"throws"}, rec.sentNames(), "a throwing prerequest still sends its request")
	assert.NotContains(t, rec.assertions(), "never")
	require.Len(t, sum.Failures, 1)
	assert.Equal(t, "prerequest-script", sum.Failures[0].Source)
	assert.Contains(t, sum.Failures[0].Message, "boom")
}

// TestSkippedSendRequestStaysPending: a pm.sendRequest still in flight when
// its pre-request script skips the request never completes (its callback
// never runs), and Newman 6.2.2 counts a request when it completes: the
// run's requests show it as pending, not among the total (Newman on a
// four-item report probe: stats.requests {total: 7, pending: 1} and the
// CLI's "requests 7"; courier had 8 and 0; fresh-round14s-i.json has what
// scripts see). The server never completes a connection, so the request cannot end
// before the skip, however slow the machine.
func TestSkippedSendRequestStaysPending(t *testing.T) {
	t.Parallel()
	stalled := echotest.StartStalled(t)
	c := `{"info":{"name":"t"},"item":[` +
		`{"name":"skipped","event":[{"listen":"prerequest","script":{"exec":"pm.sendRequest('` + stalled + `/x', function () { pm.environment.set('ran', 1); }); pm.execution.skipRequest();"}}],"request":"{{baseUrl}}/get"},` +
		`{"name":"next","request":"{{baseUrl}}/get"}]}`
	sum, rec, _ := run(t, c, runner.Options{})
	assert.Equal(t, []string{"next"}, rec.sentNames())
	assert.Equal(t, 1, sum.Requests.Total, "the next item's request")
	assert.Equal(t, 1, sum.Requests.Pending, "the skipped script's pm.sendRequest")
}

func TestNetworkErrorIsRecordedAndRunGoesOn(t *testing.T) {
	t.Parallel()
	dead := echotest.RefusedAddr(t)
	c := coll(
		item("refused", "GET", "http://"+dead+"/x", `pm.test('tests still run', ()=>{})`),
		item("after", "GET", "{{baseUrl}}/get", `pm.test('ok', ()=>pm.response.to.have.status(200))`),
	)
	sum, rec, _ := run(t, c, runner.Options{})
	reqs := rec.requests()
	require.Len(t, reqs, 2)
	require.Error(t, reqs[0].Err)
	assert.Equal(t, "connect ECONNREFUSED "+dead, reqs[0].Err.Error(), "Node's wording, as Newman prints it")
	assert.Equal(t, 1, sum.Requests.Failed)
	assert.True(t, rec.assertions()["ok"])
	assert.True(t, rec.assertions()["tests still run"])
}

// TestBadPort: a port Node's socket refuses fails the request before any
// lookup or connection, in Node's words. Newman 6.2.2 on the same URLs:
// "RangeError  Port should be >= 0 and < 65536. Received type string
// ('{{admin}}')." and requestError {"code": "ERR_SOCKET_BAD_PORT"}.
func TestBadPort(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ url, port string }{
		{"http://{{pingfed}}:{{admin}}/x", "{{admin}}"},
		{"http://127.0.0.1:{{admin}}/x", "{{admin}}"},
		{"http://127.0.0.1:99999/x", "99999"},
		{"http://[::1]:70000/x", "70000"},
		{"http://127.0.0.1:8a/x", "8a"},
	} {
		t.Run(c.url, func(t *testing.T) {
			t.Parallel()
			sum, rec, _ := run(t, coll(item("bad", "GET", c.url, ""), item("after", "GET", "{{baseUrl}}/get", "")), runner.Options{})
			reqs := rec.requests()
			require.Len(t, reqs, 2)
			ei := runner.ErrorInfoOf(reqs[0].Err)
			require.NotNil(t, ei)
			assert.Equal(t, "RangeError", ei.Name)
			assert.Equal(t, "ERR_SOCKET_BAD_PORT", ei.Code)
			assert.Equal(t, "Port should be >= 0 and < 65536. Received type string ('"+c.port+"').", ei.Message)
			require.Len(t, sum.Failures, 1)
			assert.Equal(t, "RangeError", sum.Failures[0].Name)
			assert.NoError(t, reqs[1].Err, "the run goes on")
		})
	}
}

// TestRefusedBeforeSending: requests Node or the request library refuse
// before anything is sent fail in their words. Newman 6.2.2 on the same
// items (CLI name and message; the report's requestError has the code):
// TypeError "Header name must be a valid HTTP token [\"x y\"]"
// (ERR_INVALID_HTTP_TOKEN), TypeError "Invalid character in header content
// [\"X-Ctl\"]" (ERR_INVALID_CHAR), Error "Invalid URI \"http:////host/post\""
// for a v1 "//host/post" URL, Error "Invalid URI \"file:///etc/passwd\"",
// RangeError for about:blank (its port "blank").
func TestRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	withHeader := func(k, jsonValue string) string {
		return `{"name":"h","request":{"method":"GET","url":"{{baseUrl}}/get","header":[{"key":` + quote(k) + `,"value":` + jsonValue + `}]}}`
	}
	cases := []struct {
		name, item             string
		errName, code, message string
	}{
		{"a header name with a space", withHeader("x y", `"1"`), "TypeError", "ERR_INVALID_HTTP_TOKEN", `Header name must be a valid HTTP token ["x y"]`},
		{"a control character in a value", withHeader("X-Ctl", `"a\u0001b"`), "TypeError", "ERR_INVALID_CHAR", `Invalid character in header content ["X-Ctl"]`},
		{"a URL without a host", item("h", "POST", "//{{host}}/post?random=yeah", ""), "Error", "", `Invalid URI "http:////HOST/post?random=yeah"`},
		{"a file URL", item("h", "GET", "file:///etc/passwd", ""), "Error", "", `Invalid URI "file:///etc/passwd"`},
		{"about:blank", item("h", "GET", "about:blank", ""), "RangeError", "ERR_SOCKET_BAD_PORT", "Port should be >= 0 and < 65536. Received type string ('blank')."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, rec, _ := run(t, coll(c.item, item("after", "GET", "{{baseUrl}}/get", "")), runner.Options{}, environments.Variable{Key: "host", Value: "127.0.0.1:9"})
			reqs := rec.requests()
			require.Len(t, reqs, 2)
			ei := runner.ErrorInfoOf(reqs[0].Err)
			require.NotNil(t, ei, "the request was sent")
			assert.Equal(t, c.errName, ei.Name)
			assert.Equal(t, c.code, ei.Code)
			assert.Equal(t, strings.ReplaceAll(c.message, "HOST", "127.0.0.1:9"), ei.Message)
			assert.NoError(t, reqs[1].Err, "the run goes on")
		})
	}
}

// TestErroredRequestShownAsWritten: Newman's CLI line of a request that
// failed shows its URL as resolved, not normalised: no http:// added, case
// kept, an unresolved {{baseUrl}} as written (Newman 6.2.2: "GET
// {{baseUrl}}/get [errored]", "GET 127.0.0.1:9/Get [errored]", "GET
// HTTP://LOCALHOST:9/x [errored]", "GET file:///etc/passwd [errored]").
// LoopbackOnly refuses the unresolved host before any DNS lookup.
func TestErroredRequestShownAsWritten(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"{{nothing}}/get", "127.0.0.1:9/Get", "HTTP://127.0.0.1:9/X?q=a b", "file:///etc/passwd"} {
		t.Run(u, func(t *testing.T) {
			t.Parallel()
			_, rec, _ := run(t, coll(item("e", "GET", u, "")), runner.Options{LoopbackOnly: true})
			reqs := rec.requests()
			require.Len(t, reqs, 1)
			require.Error(t, reqs[0].Err)
			assert.Equal(t, u, reqs[0].Request.Shown)
		})
	}
}

func TestRedirects(t *testing.T) {
	t.Parallel()
	noFollow := `{"name":"manual","protocolProfileBehavior":{"followRedirects":false},"request":"{{baseUrl}}/redirect-to?url=/get&status_code=302",` +
		`"event":[{"listen":"test","script":{"exec":"pm.test('302 kept', ()=>{ pm.response.to.have.status(302); pm.expect(pm.response.headers.get('Location')).to.eql('/get') })"}}]}`
	c := coll(
		item("follow", "GET", "{{baseUrl}}/redirect-to?url=/get%3Fx%3D1", `pm.test('followed', ()=>{ pm.response.to.have.status(200); pm.expect(pm.response.json().args.x).to.eql('1') })`),
		noFollow,
	)
	sum, rec, _ := run(t, c, runner.Options{})
	assert.Empty(t, sum.Failures)
	assert.Len(t, rec.assertions(), 2)
}

func TestBailStopsTheRun(t *testing.T) {
	t.Parallel()
	c := coll(
		item("fails", "GET", "{{baseUrl}}/get", `pm.test('bad', ()=>pm.expect(1).to.eql(2))`),
		item("never", "GET", "{{baseUrl}}/get", ""),
	)
	sum, rec, _ := run(t, c, runner.Options{Iterations: 3, Bail: []string{runner.BailFailure}})
	assert.True(t, sum.Bailed)
	assert.Equal(t, []string{"fails"}, rec.sentNames())
}

func TestIterationDataReusesLastRow(t *testing.T) {
	t.Parallel()
	c := coll(item("q", "GET", "{{baseUrl}}/get?v={{v}}", `pm.environment.set('seen', (pm.environment.get('seen')||'') + pm.response.json().args.v + ',')`))
	_, _, r := run(t, c, runner.Options{Iterations: 4, Data: []*environments.Scope{
		environments.NewScope("data", []environments.Variable{{Key: "v", Value: "a"}}),
		environments.NewScope("data", []environments.Variable{{Key: "v", Value: "b"}}),
	}})
	got, _ := r.Scopes().Environment.Get("seen")
	assert.Equal(t, "a,b,b,b,", got)
}

func TestDisabledHeadersAndQueryAreNotSent(t *testing.T) {
	t.Parallel()
	c := `{"info":{"name":"t"},"item":[{"name":"h","request":{"method":"GET",` +
		`"header":[{"key":"X-On","value":"1"},{"key":"X-Off","value":"1","disabled":true}],` +
		`"url":{"raw":"{{baseUrl}}/get?on=1&off=1","host":["{{baseUrl}}"],"path":["get"],"query":[{"key":"on","value":"1"},{"key":"off","value":"1","disabled":true}]}},` +
		`"event":[{"listen":"test","script":{"exec":"const j = pm.response.json(); pm.test('on', ()=>{ pm.expect(j.headers['x-on']).to.eql('1'); pm.expect(j.args.on).to.eql('1') }); pm.test('off', ()=>{ pm.expect(j.headers).to.not.have.property('x-off'); pm.expect(j.args).to.not.have.property('off') })"}}]}]}`
	sum, _, _ := run(t, c, runner.Options{})
	assert.Empty(t, sum.Failures)
}

func TestFolderSelection(t *testing.T) {
	t.Parallel()
	c := `{"info":{"name":"t"},"item":[{"name":"F1","item":[` + item("a", "GET", "{{baseUrl}}/get", "") + `]},{"name":"F2","item":[` +
		item("b", "GET", "{{baseUrl}}/get", "") + `,` + item("c", "GET", "{{baseUrl}}/get", "") + `]}]}`
	_, rec, _ := run(t, c, runner.Options{Folders: []string{"F2"}})
	assert.Equal(t, []string{"b", "c"}, rec.sentNames())

	cl, err := collections.LoadBytes([]byte(c), "t.json")
	require.NoError(t, err)
	_, err = (&runner.Runner{Collection: cl, Options: runner.Options{Folders: []string{"nope"}}}).Run(context.Background())
	require.ErrorIs(t, err, runner.ErrUsage)
}

func TestUnresolvedVariableWarns(t *testing.T) {
	t.Parallel()
	c := coll(item("u", "GET", "{{baseUrl}}/get?x={{missing}}", ""))
	_, rec, _ := run(t, c, runner.Options{})
	var warnings []string
	for _, e := range rec.events {
		if w, ok := e.(runner.WarningEvent); ok {
			warnings = append(warnings, w.Message)
		}
	}
	require.Len(t, warnings, 1)
	assert.Contains(t, warnings[0], "{{missing}}")
	assert.Contains(t, rec.requests()[0].Request.URL, "x={{missing}}", "sent literally, as Postman does")
}

// TestUnresolvedAuthVariablesWarnInOrder: an auth block's unresolved
// variables are warned of in the block's order, on every run (they came
// in Go's map order).
func TestUnresolvedAuthVariablesWarnInOrder(t *testing.T) {
	t.Parallel()
	c := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"a",
		"request":{"url":"{{baseUrl}}/get","auth":{"type":"apikey","apikey":[{"key":"key","value":"{{k1}}"},{"key":"value","value":"{{v2}}"},
		{"key":"in","value":"{{w3}}"},{"key":"extra","value":"{{x4}}"},{"key":"more","value":"{{y5}}"}]}}}]}`
	for range 4 {
		_, rec, _ := run(t, c, runner.Options{LoopbackOnly: true})
		var got []string
		for _, e := range rec.events {
			if w, ok := e.(runner.WarningEvent); ok {
				got = append(got, w.Message[strings.Index(w.Message, "{{"):strings.Index(w.Message, "}}")+2])
			}
		}
		require.Equal(t, []string{"{{k1}}", "{{v2}}", "{{w3}}", "{{x4}}", "{{y5}}"}, got)
	}
}

func TestFileUploadsAndWorkingDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hello.txt"), []byte("hello"), 0o644))
	outside := filepath.Join(t.TempDir(), "secret.txt")
	require.NoError(t, os.WriteFile(outside, []byte("nope"), 0o644))
	// A link inside the working directory to a file outside it.
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "link.txt")))
	upload := func(srcs ...string) string {
		var fields []string
		for i, s := range srcs {
			fields = append(fields, `{"key":"f`+strconv.Itoa(i)+`","type":"file","src":`+quote(s)+`}`)
		}
		return `{"info":{"name":"t"},"item":[{"name":"upload","request":{"method":"POST","url":"{{baseUrl}}/post","body":{"mode":"formdata","formdata":[` +
			strings.Join(fields, ",") + `,{"key":"note","value":"hi","type":"text"}]}},` +
			`"event":[{"listen":"test","script":{"exec":"const j = pm.response.json(); pm.environment.set('files', JSON.stringify(Object.keys(j.files).sort())); pm.environment.set('note', j.form.note)"}}]}]}`
	}
	sent := func(r *runner.Runner) string {
		v, _ := r.Scopes().Environment.Get("files")
		return v
	}
	c := upload("hello.txt", outside, "link.txt", "/proc/self/environ", "/dev/zero")

	// By default: only what lies inside the working directory, links resolved.
	_, rec, r := run(t, c, runner.Options{WorkingDir: dir})
	assert.Equal(t, `["hello.txt"]`, sent(r))
	note, _ := r.Scopes().Environment.Get("note")
	assert.Equal(t, "hi", note)
	w := warnings(rec)
	require.Len(t, w, 4)
	assert.Contains(t, w[0], "outside the working directory")
	assert.Contains(t, w[0], "--insecure-file-read")
	assert.Contains(t, w[1], "outside the working directory", "a link is followed to where it points")
	assert.Contains(t, w[2], "never uploads from /proc")
	assert.Contains(t, w[3], "never uploads from /proc, /sys or /dev")

	// --insecure-file-read: any file, still never /proc or a device.
	_, rec, r = run(t, c, runner.Options{WorkingDir: dir, InsecureFileRead: true})
	assert.Equal(t, `["hello.txt","link.txt","secret.txt"]`, sent(r))
	require.Len(t, warnings(rec), 2)

	// The collection's directory is allowed too (FileRoots), unless
	// --no-insecure-file-read.
	_, _, r = run(t, upload(outside), runner.Options{WorkingDir: dir, FileRoots: []string{filepath.Dir(outside)}})
	assert.Equal(t, `["secret.txt"]`, sent(r))
	_, rec, r = run(t, upload(outside), runner.Options{WorkingDir: dir, FileRoots: []string{filepath.Dir(outside)}, NoInsecureFileRead: true, InsecureFileRead: true})
	assert.Equal(t, "[]", sent(r))
	// That refusal is Newman's own: its console words, as Newman 6.2.2
	// prints them (an absolute --working-dir; /tmp/hrep3/wd, session 19),
	// and no courier warning.
	assert.Empty(t, warnings(rec))
	var console []string
	for _, e := range rec.events {
		if c, ok := e.(runner.ConsoleEvent); ok {
			console = append(console, c.Line.Message)
		}
	}
	assert.Equal(t, []string{"Form param `f0`, file load error: PPERM: insecure file access outside working directory"}, console)
}

func warnings(rec *recorder) []string {
	var out []string
	for _, e := range rec.events {
		if w, ok := e.(runner.WarningEvent); ok {
			out = append(out, w.Message)
		}
	}
	return out
}

func TestResponseCookiesComeFromTheJar(t *testing.T) {
	t.Parallel()
	c := coll(
		item("set", "GET", "{{baseUrl}}/cookies/set?foo=bar", ""),
		// /cookies sets no cookie itself: pm.cookies shows what the jar
		// holds for the URL, as in Postman.
		item("verify", "GET", "{{baseUrl}}/cookies", `pm.test('from the jar', () => { pm.expect(pm.cookies.get('foo')).to.eql('bar'); pm.expect(postman.getResponseCookie('foo').value).to.eql('bar') })`),
	)
	sum, rec, _ := run(t, c, runner.Options{})
	assert.Empty(t, sum.Failures)
	assert.True(t, rec.assertions()["from the jar"])
}

// TestSentCookieBeyondASCIIShowsAsNewman: a Set-Cookie value in UTF-8 is
// read as latin1 (Node's header text), "cafÃ©", and the Cookie header the
// next request sends shows that text in reports, as Newman 6.2.2's report
// does (checked against it); the sent fields are text already, so reading
// them as latin1 once more made "cafÃ\u0083Â©".
func TestSentCookieBeyondASCIIShowsAsNewman(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/set" {
			w.Header().Set("Set-Cookie", "w=café; Path=/") // its UTF-8 bytes
		}
	}))
	t.Cleanup(srv.Close)
	c := coll(item("set", "GET", srv.URL+"/set", ""), item("send", "GET", srv.URL+"/get", ""))
	_, rec, _ := run(t, c, runner.Options{})
	reqs := rec.requests()
	require.Len(t, reqs, 2)
	var cookie string
	for _, h := range reqs[1].Request.Header {
		if h.Key == "Cookie" {
			cookie = h.Value
		}
	}
	assert.Equal(t, "w=caf\u00c3\u00a9", cookie)
}

// TestJarSetReadsStringsAsSetCookie: a cookie string given to
// pm.cookies.jar().set is read as the same Set-Cookie header would be
// (tough-cookie's loose mode for both in Newman 6.2.2, checked): a
// two-digit year is a date, a Max-Age that is not a number is ignored
// rather than expiring the cookie, a Path not starting with / is the
// default path. The scripting package's own reader gave a session cookie
// and dropped the second one.
func TestJarSetReadsStringsAsSetCookie(t *testing.T) {
	t.Parallel()
	test := `var jar = pm.cookies.jar(), u = pm.variables.get('baseUrl') + '/get';
jar.set(u, 'two=2; Expires=Wed, 21-Oct-37 07:28:00 GMT', function () {
  jar.set(u, 'bad=3; Max-Age=abc; Path=nope', function () {
    jar.getAll(u, function (e, cs) {
      pm.test('cookies ' + JSON.stringify(cs.map(function (c) { return [c.name, c.expires && new Date(c.expires).toISOString(), c.path]; })), function () {});
    });
  });
});`
	sum, rec, _ := run(t, coll(item("jar", "GET", "{{baseUrl}}/get", test)), runner.Options{})
	assert.Empty(t, sum.Failures)
	assert.True(t, rec.assertions()[`cookies [["two","2037-10-21T07:28:00.000Z","/"],["bad",null,"/"]]`], "%v", rec.assertions())
}

func TestRedirectLoopFails(t *testing.T) {
	t.Parallel()
	c := `{"info":{"name":"t"},"item":[{"name":"loop","protocolProfileBehavior":{"maxRedirects":3},"request":"{{baseUrl}}/redirect/5"}]}`
	sum, rec, _ := run(t, c, runner.Options{})
	require.Len(t, rec.requests(), 1)
	require.Error(t, rec.requests()[0].Err)
	assert.Contains(t, rec.requests()[0].Err.Error(), "Exceeded maxRedirects")
	assert.Equal(t, 1, sum.Requests.Failed)
}

func TestRunTimeoutStopsCleanly(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	cl, err := collections.LoadBytes([]byte(coll(item("slow", "GET", base+"/delay/3", `pm.test('never', ()=>{})`))), "t.json")
	require.NoError(t, err)
	sum, err := (&runner.Runner{Collection: cl, Options: runner.Options{Timeout: 300 * time.Millisecond}}).Run(context.Background())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "--timeout")
	assert.Empty(t, sum.Failures, "a run timeout is not a request or script failure")
}

func TestNestedVariableAcrossHostDots(t *testing.T) {
	t.Parallel()
	c := `{"info":{"name":"t"},"item":[{"name":"nested","request":{"method":"GET","url":{"raw":"{{host.{{one}}}}/get","host":["{{host","{{one}}}}"],"path":["get"]}},
	 "event":[{"listen":"prerequest","script":{"exec":"pm.variables.set('one', '1'); pm.variables.set('host.1', pm.environment.get('baseUrl'))"}}]}]}`
	sum, rec, _ := run(t, c, runner.Options{})
	require.Len(t, rec.requests(), 1)
	require.NoError(t, rec.requests()[0].Err)
	assert.Empty(t, sum.Failures)
	assert.Equal(t, 200, rec.requests()[0].Response.Code)
}

// TestScriptRoundTripsAreReported: every pm.sendRequest round trip is an
// event with the request as sent and its response (or error), in the
// order they completed, and the run's data received counts every round
// trip's body, a digest challenge's 401 included, as Newman counts it.
func TestScriptRoundTripsAreReported(t *testing.T) {
	t.Parallel()
	pre := `pm.sendRequest(pm.variables.get('baseUrl') + '/get?n=1', () => {});`
	test := `pm.sendRequest({url: pm.variables.get('baseUrl') + '/post', method: 'POST', body: {mode: 'raw', raw: 'abc'}}, () => {` +
		`pm.sendRequest('http://127.0.0.1:1/refused', () => {}); });`
	digest := `{"name":"digest","request":{"method":"GET","url":"{{baseUrl}}/digest-auth","auth":{"type":"digest","digest":[` +
		`{"key":"username","value":"postman"},{"key":"password","value":"password"}]}}}`
	c := `{"name":"sends","event":[{"listen":"prerequest","script":{"exec":` + quote(pre) + `}},{"listen":"test","script":{"exec":` + quote(test) + `}}],` +
		`"request":{"method":"GET","url":"{{baseUrl}}/get?n=main"}}`
	sum, rec, _ := run(t, coll(c, digest), runner.Options{LoopbackOnly: true})

	base := strings.TrimSuffix(rec.requests()[0].Request.URL, "/get?n=main")
	var got []string
	bytes := 0
	for _, e := range rec.events {
		switch e := e.(type) {
		case runner.RequestEvent:
			require.NotNil(t, e.Response, e.Item.Name)
			bytes += e.Response.Size + e.Request.ChallengeSize
			got = append(got, "request "+e.Request.Method+" "+strings.TrimPrefix(e.Request.URL, base))
		case runner.ScriptRequestEvent:
			s := "script " + e.Request.Method + " " + strings.TrimPrefix(e.Request.URL, base)
			require.NotNil(t, e.Request.Form, "the request the script built")
			if e.Err != nil {
				require.Nil(t, e.Response)
				s += " error " + runner.ErrorInfoOf(e.Err).Code
			} else {
				require.NotNil(t, e.Response)
				bytes += e.Response.Size
				s += " " + strconv.Itoa(e.Response.Code)
			}
			got = append(got, s)
		}
	}
	assert.Equal(t, []string{
		"script GET /get?n=1 200",
		"request GET /get?n=main",
		"script POST /post 200",
		"script GET http://127.0.0.1:1/refused error ECONNREFUSED",
		"request GET /digest-auth",
	}, got)
	assert.Equal(t, 6, sum.Requests.Total, "2 items, 3 pm.sendRequest, the digest's 401")
	assert.Equal(t, 1, sum.Requests.Failed)
	assert.Equal(t, len("Unauthorized"), rec.requests()[1].Request.ChallengeSize, "the 401's body")
	assert.Equal(t, int64(bytes), sum.ResponseBytes)
}

// TestScriptRoundTripsInStartOrder: round trips a script makes side by
// side are reported in the order the script started them, whichever
// answered first, so reports built from them are the same on every run.
func TestScriptRoundTripsInStartOrder(t *testing.T) {
	t.Parallel()
	test := `const b = pm.variables.get('baseUrl');` +
		`pm.sendRequest(b + '/delay/0.2', () => {}); pm.sendRequest(b + '/get?fast=1', () => {});`
	_, rec, _ := run(t, coll(item("two at once", "GET", "{{baseUrl}}/get", test)), runner.Options{LoopbackOnly: true})
	var got []string
	for _, e := range rec.events {
		if e, ok := e.(runner.ScriptRequestEvent); ok {
			got = append(got, e.Request.URL[strings.LastIndex(e.Request.URL, "/"):])
		}
	}
	assert.Equal(t, []string{"/0.2", "/get?fast=1"}, got)
}

// TestBailFolderAbortsAtTheFirstError: --bail folder is postman-runtime's
// abortOnError: the first script or request error ends the run with that
// error (Newman prints "error: <message>" and exits 1), before the item's
// remaining scripts; a failed assertion alone does not (Newman 6.2.2,
// recorded under unshare -n: the run aborted at r3's TypeError, r4 never
// ran).
func TestBailFolderAbortsAtTheFirstError(t *testing.T) {
	t.Parallel()
	collTest := func(src string) string {
		return `,"event":[{"listen":"test","script":{"exec":` + quote(src) + `}}]`
	}
	for _, tc := range []struct {
		name, coll string
		bail       []string
		sent       []string
		err        string // the run's error, "" for none
		tests      []string
	}{
		{
			name: "a collection script's error stops before the item's own",
			coll: strings.Replace(coll(item("one", "GET", "{{baseUrl}}/get", `pm.test('own test', ()=>{})`), item("two", "GET", "{{baseUrl}}/get", "")),
				`"item":[`, collTest(`throw new TypeError('boom')`)[1:]+`,"item":[`, 1),
			bail: []string{runner.BailFolder}, sent: []string{"one"}, err: "boom",
		},
		{
			name: "a request error stops before the test script",
			coll: coll(item("refused", "GET", "http://127.0.0.1:1/x", `pm.test('after refused', ()=>{})`), item("two", "GET", "{{baseUrl}}/get", "")),
			bail: []string{runner.BailFolder}, sent: []string{"refused"}, err: "connect ECONNREFUSED 127.0.0.1:1",
		},
		{
			name: "a failed assertion alone goes on",
			coll: coll(item("one", "GET", "{{baseUrl}}/get", `pm.test('bad', ()=>pm.expect(1).to.eql(2))`), item("two", "GET", "{{baseUrl}}/get", `pm.test('two', ()=>{})`)),
			bail: []string{runner.BailFolder}, sent: []string{"one", "two"}, tests: []string{"bad", "two"},
		},
		{
			name: "failure and folder: the AssertionFailure is the run's error",
			coll: coll(item("one", "GET", "{{baseUrl}}/get", `pm.test('bad', ()=>pm.expect(1).to.eql(2)); pm.test('worse', ()=>{ throw new Error('x') })`), item("two", "GET", "{{baseUrl}}/get", "")),
			bail: []string{runner.BailFailure, runner.BailFolder}, sent: []string{"one"}, err: "bad, worse", tests: []string{"bad", "worse"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base := echotest.Start(t)
			c, err := collections.LoadBytes([]byte(tc.coll), "test.json")
			require.NoError(t, err)
			rec := &recorder{}
			r := &runner.Runner{Collection: c, Sink: rec, Options: runner.Options{Bail: tc.bail, LoopbackOnly: true},
				Environment: environments.NewScope("env", []environments.Variable{{Key: "baseUrl", Value: base}})}
			_, err = r.Run(context.Background())
			if tc.err == "" {
				require.NoError(t, err)
			} else {
				require.EqualError(t, err, tc.err)
			}
			assert.Equal(t, tc.sent, rec.sentNames())
			var tests []string
			for _, e := range rec.events {
				if a, ok := e.(runner.AssertionEvent); ok {
					tests = append(tests, a.Result.Name)
				}
			}
			assert.Equal(t, tc.tests, tests)
		})
	}
}

// TestErroredSendRequestShownAsWritten: a pm.sendRequest URL without a
// path has none, as postman-collection parses it, so the CLI line of one
// that failed shows no "/" the script did not write (Newman 6.2.2: "GET
// http://127.0.0.1:1 [errored]", "GET not a url [errored]"); one with a
// path keeps it.
func TestErroredSendRequestShownAsWritten(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"http://127.0.0.1:9", "127.0.0.1:9?q=1", "http://127.0.0.1:9#h", "http://127.0.0.1:9/"} {
		t.Run(u, func(t *testing.T) {
			t.Parallel()
			send := `{"name":"s","request":{"method":"GET","url":"http://127.0.0.1:9/item"},"event":[{"listen":"prerequest","script":{"exec":` +
				quote(`pm.sendRequest(`+quote(u)+`, function () {});`) + `}}]}`
			_, rec, _ := run(t, coll(send), runner.Options{LoopbackOnly: true})
			var lines []runner.ScriptRequestLineEvent
			for _, e := range rec.events {
				if l, ok := e.(runner.ScriptRequestLineEvent); ok {
					lines = append(lines, l)
				}
			}
			require.Len(t, lines, 1)
			require.Error(t, lines[0].Err)
			assert.Equal(t, u, lines[0].Request.Shown)
		})
	}
}
