package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// execGolden holds a collection whose items make extra round trips
// (pm.sendRequest in pre-request and test scripts, nested, refused, before
// a skipRequest; a digest challenge) and Newman 6.2.2's report of it.
var execGolden = goldenDir("newman-executions", "127.0.0.1:28480")

// runExecProbe runs the probe collection against the echo server on
// 127.0.0.1 and returns the JSON report written with o.
func runExecProbe(t *testing.T, o JSONOptions) []byte {
	t.Helper()
	_, out := execGolden.run(t, o)
	return out
}

// execReport is the part of a JSON report the execution tests read.
type execReport struct {
	Run struct {
		Stats      map[string]jsonStat
		Executions []json.RawMessage
	}
}

// execView is what an execution says, without what differs from run to
// run (ids, times, the digest's client nonce, Postman-Token) or between
// echo servers (response headers and bodies).
func execView(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var e struct {
		ID      string
		Item    struct{ ID, Name string }
		Request struct {
			Method string
			URL    struct {
				Path  []string
				Query []struct{ Key, Value string }
			}
			Header []struct {
				Key    string
				System bool
			}
			Body json.RawMessage
			Auth map[string]json.RawMessage
		}
		Response *struct {
			Code   int
			Status string
		}
		Assertions []struct {
			Assertion string
			Skipped   bool
			Error     *struct{ Name, Message string }
		}
		RequestError *struct{ Code string }
	}
	if err := json.Unmarshal(raw, &e); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s own-id=%v %s /%s", e.Item.Name, e.ID == e.Item.ID, e.Request.Method, strings.Join(e.Request.URL.Path, "/"))
	for _, q := range e.Request.URL.Query {
		fmt.Fprintf(&b, " ?%s=%s", q.Key, q.Value)
	}
	b.WriteString(" headers:")
	for _, h := range e.Request.Header {
		fmt.Fprintf(&b, " %s", h.Key)
		if h.System {
			b.WriteString("(system)")
		}
	}
	if a := e.Request.Auth; a != nil {
		// The parameters' order and which the runtime set; not their
		// values (a digest's client nonce is random).
		var typ string
		if err := json.Unmarshal(a["type"], &typ); err != nil {
			t.Fatal(err)
		}
		var params []struct {
			Key    string
			System bool
		}
		if err := json.Unmarshal(a[typ], &params); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, " auth=%s:", typ)
		for _, p := range params {
			fmt.Fprintf(&b, " %s", p.Key)
			if p.System {
				b.WriteString("(system)")
			}
		}
	}
	var body bytes.Buffer
	if len(e.Request.Body) > 0 {
		if err := json.Compact(&body, e.Request.Body); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Fprintf(&b, " body=%s", body.String())
	if e.Response != nil {
		fmt.Fprintf(&b, " response=%d %s", e.Response.Code, e.Response.Status)
	}
	if e.RequestError != nil {
		fmt.Fprintf(&b, " requestError=%s", e.RequestError.Code)
	}
	for _, a := range e.Assertions {
		fmt.Fprintf(&b, "\n  %q skipped=%v", a.Assertion, a.Skipped)
		if a.Error != nil {
			fmt.Fprintf(&b, " %s: %s", a.Error.Name, a.Error.Message)
		}
	}
	return b.String()
}

// TestJSONExecutionsPerRoundTripAsNewman runs the probe collection with
// PerRoundTrip and compares every execution with Newman 6.2.2's report of
// the same collection: one per round trip, in Newman's order, each copy
// the item's last round trip with all its assertions.
func TestJSONExecutionsPerRoundTripAsNewman(t *testing.T) {
	t.Parallel()
	var want, got execReport
	execGolden.decode(t, "newman-6.2.2.json", &want)
	if err := json.Unmarshal(runExecProbe(t, JSONOptions{PerRoundTrip: true}), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Run.Executions) != len(want.Run.Executions) {
		t.Errorf("%d executions, Newman wrote %d", len(got.Run.Executions), len(want.Run.Executions))
	}
	for i := range min(len(got.Run.Executions), len(want.Run.Executions)) {
		if g, w := execView(t, got.Run.Executions[i]), execView(t, want.Run.Executions[i]); g != w {
			t.Errorf("execution %d:\n got: %s\nwant: %s", i, g, w)
		}
	}
	// Newman pushes one object again: its copies are the same, byte for
	// byte; so are courier's.
	ex := got.Run.Executions
	for i := 1; i < len(ex); i++ {
		if execView(t, ex[i]) == execView(t, ex[i-1]) && !bytes.Equal(ex[i], ex[i-1]) {
			t.Errorf("execution %d is a copy of %d but not the same bytes", i, i-1)
		}
	}
	for _, k := range []string{"requests", "assertions", "items", "tests", "prerequests"} {
		if got.Run.Stats[k] != want.Run.Stats[k] {
			t.Errorf("stats.%s = %+v, Newman %+v", k, got.Run.Stats[k], want.Run.Stats[k])
		}
	}
}

// TestJSONExecutionsPerItemByDefault: without PerRoundTrip an item run is
// one execution with its own request, whatever its scripts sent (as
// Postman CLI writes it), and a skipped request has none; the run's
// counts are the same both ways.
func TestJSONExecutionsPerItemByDefault(t *testing.T) {
	t.Parallel()
	var rep, newman execReport
	if err := json.Unmarshal(runExecProbe(t, JSONOptions{}), &rep); err != nil {
		t.Fatal(err)
	}
	execGolden.decode(t, "newman-6.2.2.json", &newman)
	var got []string
	for _, e := range rep.Run.Executions {
		v := execView(t, e)
		got = append(got, v[:strings.Index(v, " body=")])
	}
	want := []string{
		"pre-send own-id=true GET /get ?from=main headers: User-Agent(system) Accept(system) Cache-Control(system) Postman-Token(system) Host(system) Accept-Encoding(system) Connection(system)",
		"test-send-two own-id=true GET /get ?from=main2 headers: User-Agent(system) Accept(system) Cache-Control(system) Postman-Token(system) Host(system) Accept-Encoding(system) Connection(system)",
		"refused own-id=true GET /get ?from=main3 headers: User-Agent(system) Accept(system) Cache-Control(system) Postman-Token(system) Host(system) Accept-Encoding(system) Connection(system)",
		"pre-refused own-id=true POST /post headers: Content-Type User-Agent(system) Accept(system) Cache-Control(system) Postman-Token(system) Host(system) Accept-Encoding(system) Connection(system) Content-Length(system)",
		"digest own-id=true GET /digest-auth headers: User-Agent(system) Accept(system) Cache-Control(system) Postman-Token(system) Host(system) Accept-Encoding(system) Connection(system) Authorization(system)" +
			" auth=digest: username password realm(system) algorithm nonce(system) qop(system) clientNonce(system) nonceCount(system)",
		"plain own-id=true GET /get ?from=plain headers: User-Agent(system) Accept(system) Cache-Control(system) Postman-Token(system) Host(system) Accept-Encoding(system) Connection(system)",
		"obj-send own-id=true GET /get ?from=obj headers: User-Agent(system) Accept(system) Cache-Control(system) Postman-Token(system) Host(system) Accept-Encoding(system) Connection(system)",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("executions:\n%s\nwant:\n%s", g, w)
	}
	for _, k := range []string{"requests", "assertions", "items"} {
		if rep.Run.Stats[k] != newman.Run.Stats[k] {
			t.Errorf("stats.%s = %+v, Newman %+v", k, rep.Run.Stats[k], newman.Run.Stats[k])
		}
	}
}

// TestAssertionIndexAsNewman: an assertion's index counts within its
// script (collection, folder and item scripts each from 0), and the
// failure is "in test-script" also for a pre-request test, in the JSON
// report and the CLI's failure table, as Newman 6.2.2 writes them
// (recorded below).
func TestAssertionIndexAsNewman(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	script := func(listen string, src ...string) collections.Event {
		return collections.Event{Listen: listen, Script: collections.Script{Exec: strings.Join(src, "\n")}}
	}
	coll := &collections.Collection{Info: collections.Info{Name: "idx"},
		Events: []collections.Event{
			script("test", "pm.test('coll a', function () {});", "pm.test('coll fail', function () { pm.expect(1).to.eql(3); });"),
			script("prerequest", "pm.test('coll pre fail', function () { pm.expect(1).to.eql(4); });"),
		},
		Items: []*collections.Item{{ID: "one", Name: "one", Request: &collections.Request{Method: "GET", URL: collections.URL{Raw: base + "/get"}},
			Events: []collections.Event{
				script("prerequest", "pm.test('pre a', function () {});", "pm.test('pre fail', function () { pm.expect(1).to.eql(5); });"),
				script("test", "pm.test('t a', function () {});", "pm.test('t b', function () {});", "pm.test('t fail', function () { pm.expect(1).to.eql(2); });"),
			}}}}
	var js, cli bytes.Buffer
	m := NewMulti(NewJSON(&js, JSONOptions{}), NewCLI(&cli, CLIOptions{Deterministic: true}))
	r := &runner.Runner{Collection: coll, Sink: m, Options: runner.Options{LoopbackOnly: true}}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Run struct {
			Executions []struct {
				Assertions []struct {
					Assertion string
					Error     *struct{ Index *int }
				}
			}
			Failures []struct{ At string }
		}
	}
	if err := json.Unmarshal(js.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range rep.Run.Executions[0].Assertions {
		s := a.Assertion
		if a.Error != nil && a.Error.Index != nil {
			s += fmt.Sprintf(" %d", *a.Error.Index)
		}
		got = append(got, s)
	}
	for _, f := range rep.Run.Failures {
		got = append(got, f.At)
	}
	newman := []string{"coll pre fail 0", "pre a", "pre fail 1", "coll a", "coll fail 1", "t a", "t b", "t fail 2",
		"assertion:0 in test-script", "assertion:1 in test-script", "assertion:1 in test-script", "assertion:2 in test-script"}
	if g, w := strings.Join(got, "\n"), strings.Join(newman, "\n"); g != w {
		t.Errorf("JSON report:\n%s\nNewman 6.2.2:\n%s", g, w)
	}
	if n := strings.Count(cli.String(), "at assertion:1 in test-script"); n != 2 || strings.Contains(cli.String(), "in prerequest-script") {
		t.Errorf("the CLI's failures should say where as Newman does (assertion:N in test-script):\n%s", cli.String())
	}
}

// TestURLKeysAsNewman: a URL without a path ("{{baseUrl}}") or an empty
// one is written without the parts it lacks, a request that was never
// built has no header list, and a body given as {} stays {}, as Newman
// 6.2.2 writes them (recorded below).
func TestURLKeysAsNewman(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	get := func(name string, u collections.URL) *collections.Item {
		return &collections.Item{ID: name, Name: name, Request: &collections.Request{Method: "GET", URL: u}}
	}
	coll := &collections.Collection{Info: collections.Info{Name: "urls"}, Items: []*collections.Item{
		get("hostonly", collections.URL{Raw: base}), get("slash", collections.URL{Raw: base + "/"}), get("empty", collections.URL{}),
		get("emptybody", collections.URL{Raw: base + "/get"}),
	}}
	// "body": {} (older Postman exports): kept, as {}.
	coll.Items[3].Request.Body = &collections.Body{}
	js := runJSON(t, coll, runner.Options{})
	var rep struct {
		Run struct {
			Executions []struct {
				Item struct {
					Request struct {
						URL  map[string]json.RawMessage
						Body json.RawMessage
					}
				}
				Request map[string]json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(js, &rep); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]json.RawMessage) string {
		var ks []string
		for _, k := range []string{"protocol", "port", "path", "host", "query", "variable", "header"} {
			if _, ok := m[k]; ok {
				ks = append(ks, k)
			}
		}
		return strings.Join(ks, ",")
	}
	var got []string
	for _, e := range rep.Run.Executions {
		var sentURL map[string]json.RawMessage
		if err := json.Unmarshal(e.Request["url"], &sentURL); err != nil {
			t.Fatal(err)
		}
		line := "item " + keys(e.Item.Request.URL) + " sent " + keys(sentURL) + " request " + keys(e.Request)
		if b := e.Item.Request.Body; b != nil {
			line += " item body " + string(b)
		}
		if b, ok := e.Request["body"]; ok {
			line += " sent body " + string(b)
		}
		got = append(got, line)
	}
	newman := []string{
		"item protocol,port,host,query,variable sent protocol,port,path,host,query,variable request header",
		"item protocol,port,path,host,query,variable sent protocol,port,path,host,query,variable request header",
		"item query,variable sent query,variable request ",
		"item protocol,port,path,host,query,variable sent protocol,port,path,host,query,variable request header item body {} sent body {}",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(newman, "\n"); g != w {
		t.Errorf("keys:\n%s\nNewman 6.2.2:\n%s", g, w)
	}
}
