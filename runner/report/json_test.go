package report

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/jsonreport"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// newmanReport mirrors the parts of Newman's JSON report that consumers
// read, with Newman's field names.
type newmanReport struct {
	Collection struct {
		Info struct {
			PostmanID string `json:"_postman_id"`
			Name      string `json:"name"`
		} `json:"info"`
		Item []struct {
			ID   string            `json:"id"`
			Name string            `json:"name"`
			Item []json.RawMessage `json:"item"`
		} `json:"item"`
		Variable []struct{ Key, Value string } `json:"variable"`
	} `json:"collection"`
	Environment struct {
		Name   string `json:"name"`
		Values []struct {
			Key, Value, Type string
			Enabled          bool
		} `json:"values"`
	} `json:"environment"`
	Globals struct {
		Values []any `json:"values"`
	} `json:"globals"`
	Run struct {
		Stats      map[string]jsonStat `json:"stats"`
		Timings    jsonTimings         `json:"timings"`
		Executions []jsonExecution     `json:"executions"`
		Transfers  struct {
			ResponseTotal int64 `json:"responseTotal"`
		} `json:"transfers"`
		Failures []jsonFailure `json:"failures"`
		Error    *jsonError    `json:"error"`
	} `json:"run"`
}

func TestJSONGoldenAndShape(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	j := NewJSON(&buf, JSONOptions{})
	play(j, newDemo().events())
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(buf.Bytes()) {
		t.Fatalf("report is not valid JSON:\n%s", buf.String())
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, buf.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.json", pretty.Bytes())

	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	var r newmanReport
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Collection.Info.Name != "Report Demo" || len(r.Collection.Item) != 3 || r.Collection.Item[1].Name != "Users" {
		t.Errorf("collection block = %+v", r.Collection)
	}
	if len(r.Environment.Values) != 2 || r.Environment.Values[1].Enabled || r.Environment.Values[0].Type != "any" {
		t.Errorf("environment = %+v", r.Environment)
	}
	want := map[string]jsonStat{
		"iterations": {Total: 2}, "items": {Total: 8}, "requests": {Total: 6, Failed: 2},
		"assertions": {Total: 10, Failed: 2}, "testScripts": {Total: 6, Failed: 2}, "prerequestScripts": {Total: 4, Failed: 1},
		"scripts": {Total: 10, Failed: 3}, "prerequests": {Total: 8}, "tests": {Total: 6},
	}
	for k, v := range want {
		if r.Run.Stats[k] != v {
			t.Errorf("stats.%s = %+v, want %+v", k, r.Run.Stats[k], v)
		}
	}
	ex := r.Run.Executions
	// The skipped request of each iteration has no execution, as in Newman.
	if len(ex) != 6 {
		t.Fatalf("%d executions, want 6", len(ex))
	}
	first := ex[0]
	if first.Cursor.Position != 0 || !first.Cursor.BOF || first.Cursor.Cycles != 2 || first.Cursor.Length != 4 || first.Item.Name != "Root Get" {
		t.Errorf("first cursor/item = %+v %+v", first.Cursor, first.Item)
	}
	if first.Response == nil || first.Response.Code != 200 || len(first.Response.Stream.Data) != 292 || first.Response.Stream.Type != "Buffer" || first.Response.ResponseTime != 65 {
		t.Errorf("first response = %+v", first.Response)
	}
	if !strings.HasPrefix(string(first.Response.Stream.Data), `{"args"`) {
		t.Errorf("stream.data does not hold the body bytes")
	}
	if u := first.Request.URL; u.Protocol != "http" || u.Port != "18080" || strings.Join(u.Host, ".") != "127.0.0.1" || u.Path[0] != "get" || u.Query[0].Key != "x" || u.Query[0].Value == nil || *u.Query[0].Value != "1" {
		t.Errorf("request url = %+v", u)
	}
	if a := first.Assertions; len(a) != 2 || a[0].Error != nil || !a[1].Skipped {
		t.Errorf("first assertions = %+v", a)
	}
	create := ex[1]
	if a := create.Assertions[0]; a.Error == nil || a.Error.Name != "AssertionError" || a.Error.Test != "code is 201" || a.Error.Index == nil || *a.Error.Index != 0 {
		t.Errorf("failed assertion = %+v", a)
	}
	broken := ex[2]
	if broken.RequestError == nil || broken.Response != nil || len(broken.TestScript) != 1 || broken.TestScript[0].Error.Message != "boom in test" {
		t.Errorf("broken execution = %+v", broken)
	}
	for _, e := range ex {
		if e.Item.Name == "Skipped <one>" {
			t.Errorf("skipped request has an execution: %+v", e)
		}
	}
	if ex[3].Cursor.Iteration != 1 || ex[3].Cursor.Position != 0 || ex[3].Cursor.Ref == ex[0].Cursor.Ref {
		t.Errorf("second iteration cursor = %+v", ex[3].Cursor)
	}
	if len(r.Run.Failures) != 7 {
		t.Fatalf("%d failures, want 7", len(r.Run.Failures))
	}
	f := r.Run.Failures[0]
	if f.At != "assertion:0 in test-script" || f.Source.Name != "Create user" || f.Parent.Ref().Name != "Users" || f.Error.Test != "code is 201" {
		t.Errorf("failure[0] = %+v", f)
	}
	// Newman writes the whole parent group: the folder with its items, or
	// the collection for a top-level item; a request's failure has none.
	var folder struct {
		ID, Name string
		Item     []struct{ Name string }
		Event    []any
	}
	if err := json.Unmarshal(f.Parent, &folder); err != nil || folder.Name != "Users" || len(folder.Item) != 2 || folder.Item[1].Name != "Nested" || folder.Event == nil {
		t.Errorf("failure[0].parent = %s", f.Parent)
	}
	for i, f := range r.Run.Failures {
		var coll struct{ Info struct{ Name string } }
		switch {
		case f.At == "request" && f.Parent != nil:
			t.Errorf("failure[%d] at request has a parent: %s", i, f.Parent)
		case f.At == "request":
		case f.Source.Name == "Broken":
			if f.Parent.Ref().Name != "Nested" {
				t.Errorf("failure[%d] parent = %s, want the folder Nested", i, f.Parent)
			}
		case f.Source.Name != "Create user":
			if err := json.Unmarshal(f.Parent, &coll); err != nil || coll.Info.Name != "Report Demo" {
				t.Errorf("failure[%d] (%s, %s) parent = %s, want the collection", i, f.At, f.Source.Name, f.Parent)
			}
		}
	}
	if f := r.Run.Failures[6]; f.At != "prerequest-script" || f.Error.Name != "ReferenceError" || f.Cursor.Iteration != 1 {
		t.Errorf("failure[6] = %+v", f)
	}
	if r.Run.Timings.Started != t0.UnixMilli() || r.Run.Timings.Completed-r.Run.Timings.Started != 369 || r.Run.Timings.ResponseAverage != 23.6 {
		t.Errorf("timings = %+v", r.Run.Timings)
	}
	if r.Run.Transfers.ResponseTotal != 1390 || r.Run.Error != nil {
		t.Errorf("transfers/error = %+v %+v", r.Run.Transfers, r.Run.Error)
	}
}

func TestJSONMaxBodyOmitsLargeBodies(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	j := NewJSON(&buf, JSONOptions{MaxBody: 300})
	play(j, newDemo().events())
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	var r newmanReport
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if n := len(r.Run.Executions[0].Response.Stream.Data); n != 292 {
		t.Errorf("292-byte body kept %d bytes", n)
	}
	if res := r.Run.Executions[1].Response; len(res.Stream.Data) != 0 || res.ResponseSize != 403 {
		t.Errorf("403-byte body: data %d bytes, size %d", len(res.Stream.Data), res.ResponseSize)
	}
}

func TestJSONCloseWithoutDoneIsValid(t *testing.T) {
	t.Parallel()
	evs := newDemo().events()
	var buf bytes.Buffer
	j := NewJSON(&buf, JSONOptions{})
	play(j, evs[:10]) // stops mid-item
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	var r newmanReport
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatalf("truncated run gives invalid JSON: %v\n%s", err, buf.String())
	}
	if len(r.Run.Executions) != 2 {
		t.Errorf("%d executions, want 2", len(r.Run.Executions))
	}
}

func TestSpoolMovesToDisk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := spool{dir: dir, limit: 10}
	for i := 0; i < 5; i++ {
		s.Write([]byte("0123456789"))
	}
	if s.f == nil {
		t.Fatal("spool stayed in memory past its limit")
	}
	var out bytes.Buffer
	if err := s.copyTo(&out); err != nil {
		t.Fatal(err)
	}
	if out.String() != strings.Repeat("0123456789", 5) {
		t.Errorf("spool gave back %q", out.String())
	}
	name := s.f.Name()
	s.release()
	if _, err := statFile(name); err == nil {
		t.Errorf("spool file %s left behind", name)
	}
}

// The sent request's headers as Newman lists them: the request's own rows
// with the disabled ones in place, then the runtime's; after a digest
// challenge the Authorization the retry carries comes last.
func TestSentRequestHeadersAsNewman(t *testing.T) {
	t.Parallel()
	form := &collections.Request{Header: []collections.Header{
		{Key: "X-Off1", Value: "a", Disabled: true}, {Key: "X-1", Value: "1"}, {Key: "X-Off2", Value: "b", Disabled: true},
		{Key: "X-2", Value: "2"}, {Key: "X-Off3", Value: "c", Disabled: true}}}
	sent := []collections.Header{{Key: "X-1", Value: "1"}, {Key: "X-2", Value: "2"},
		{Key: "Authorization", Value: "Digest x", System: true}, {Key: "User-Agent", Value: "u", System: true}}
	keys := func(challenged bool) string {
		e := runner.RequestEvent{Request: runner.SentRequest{Method: "GET", URL: "http://h/", Header: sent, Form: form, Challenged: challenged}}
		var out []string
		for _, h := range sentRequestJSON(e.Request, nil).Header {
			k := h.Key
			if h.Disabled {
				k += "(off)"
			}
			out = append(out, k)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		challenged bool
		want       string
	}{
		{false, "X-Off1(off) X-1 X-Off2(off) X-2 X-Off3(off) Authorization User-Agent"},
		{true, "X-Off1(off) X-1 X-Off2(off) X-2 X-Off3(off) User-Agent Authorization"},
	} {
		if got := keys(tc.challenged); got != tc.want {
			t.Errorf("challenged %v: headers %s, want %s", tc.challenged, got, tc.want)
		}
	}
}

// TestJSONScopesKeepTheFilesNameAndID: Newman 6.2.2 writes the
// environment's and the globals' own id and name (from their files) in
// its report, and scripts read the same (pm.globals.name, toJSON().id).
func TestJSONScopesKeepTheFilesNameAndID(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"r","request":{"url":"`+base+`/get"},"event":[{"listen":"test","script":{"exec":[
		"pm.test(pm.globals.name + ' ' + pm.globals.toJSON().id + ' ' + pm.environment.name + ' ' + pm.environment.toJSON().id, function () {});"]}}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	j := NewJSON(&out, JSONOptions{})
	r := &runner.Runner{Collection: coll, Sink: j,
		Environment: environments.NewScope("environment", []environments.Variable{{Key: "e", Value: "1"}}),
		Globals:     environments.NewScope("globals", []environments.Variable{{Key: "g", Value: "2"}}),
		Options: runner.Options{LoopbackOnly: true, EnvironmentName: "Staging", EnvironmentID: "env-1",
			GlobalsName: "My Globals", GlobalsID: "glob-1"}}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	rep, err := jsonreport.Read(bytes.NewReader(out.Bytes()), "r.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ what, got, want string }{
		{"environment.id", rep.Environment.ID, "env-1"}, {"environment.name", rep.Environment.Name, "Staging"},
		{"globals.id", rep.Globals.ID, "glob-1"}, {"globals.name", rep.Globals.Name, "My Globals"},
		{"assertion", rep.Run.Executions[0].Assertions[0].Assertion, "My Globals glob-1 Staging env-1"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.what, tc.got, tc.want)
		}
	}
}

// TestFormDataRowsAsNewman: Newman 6.2.2's report writes a form-data row
// with disabled first, a field's own contentType, several files as an
// array in the item and one row per file in the sent request (recorded
// with newman run -r json on the same rows, files under FILES).
func TestFormDataRowsAsNewman(t *testing.T) {
	t.Parallel()
	body := &collections.Body{Mode: "formdata", FormData: []collections.FormParam{
		{Key: "a", Type: "text", Disabled: true},
		{Key: "f", Type: "file", Src: []string{"FILES/blob.bin"}},
		{Key: "g", Type: "file", Src: []string{"FILES/blob.bin", "FILES/hello.txt"}},
		{Key: "t", Value: "v", Type: "text", ContentType: "text/plain"},
	}}
	item, err := json.Marshal(itemBodyJSON(body))
	if err != nil {
		t.Fatal(err)
	}
	const wantItem = `{"mode":"formdata","formdata":[{"disabled":true,"key":"a","value":"","type":"text"},{"key":"f","type":"file","src":"FILES/blob.bin"},` +
		`{"key":"g","type":"file","src":["FILES/blob.bin","FILES/hello.txt"]},{"key":"t","value":"v","type":"text","contentType":"text/plain"}]}`
	if string(item) != wantItem {
		t.Errorf("item body\n got %s\nwant %s", item, wantItem)
	}
	sent, err := json.Marshal(sentRequestJSON(runner.SentRequest{Method: "POST", URL: "http://h/", Form: &collections.Request{Body: body}}, nil).Body)
	if err != nil {
		t.Fatal(err)
	}
	const wantSent = `{"mode":"formdata","formdata":[{"disabled":true,"key":"a","value":"","type":"text"},{"key":"f","type":"file","src":"FILES/blob.bin"},` +
		`{"key":"g","type":"file","src":"FILES/blob.bin"},{"key":"g","type":"file","src":"FILES/hello.txt"},{"key":"t","value":"v","type":"text","contentType":"text/plain"}]}`
	if string(sent) != wantSent {
		t.Errorf("sent body\n got %s\nwant %s", sent, wantSent)
	}
}

// TestTypedHeaderValuesAsNewman: a header value that is not a string (given
// by a pre-request script or the collection file) is written in the report
// as that value, as Newman 6.2.2 writes it (recorded with newman run -r
// json on the same collection; the wire side is in the parity file
// fresh-round5a-a.json).
func TestTypedHeaderValuesAsNewman(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"r","request":{"url":"`+base+`/get?q=1","header":[{"key":"X-S","value":"s"},{"key":"X-F","value":7},{"key":"X-Off","value":true,"disabled":true}]},
		"event":[{"listen":"prerequest","script":{"exec":[
		"pm.request.headers.add({key:'X-N',value:5}); pm.request.headers.add({key:'X-O',value:{a:1}}); pm.request.headers.add({key:'X-A',value:[1,'two']});",
		"pm.request.headers.add({key:'X-E',value:[]}); pm.request.headers.add({key:'X-NU',value:null}); pm.request.headers.add({key:'X-D',value:new Date(0)}); pm.request.url.query.add({key:'a',value:1});"]}}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	out := runJSON(t, coll, runner.Options{})
	var rep struct {
		Collection struct {
			Item []struct {
				Request struct{ Header json.RawMessage }
			}
		}
		Run struct {
			Executions []struct {
				Request struct {
					Header []json.RawMessage
					URL    struct{ Query json.RawMessage }
				}
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	var own []string
	for _, h := range rep.Run.Executions[0].Request.Header {
		if !strings.Contains(string(h), `"system"`) {
			own = append(own, string(h))
		}
	}
	const wantOwn = `{"key":"X-S","value":"s"} {"key":"X-F","value":7} {"disabled":true,"key":"X-Off","value":true} {"key":"X-N","value":5} ` +
		`{"key":"X-O","value":{"a":1}} {"key":"X-A","value":[1,"two"]} {"key":"X-E","value":[]} {"key":"X-NU","value":null} {"key":"X-D","value":"1970-01-01T00:00:00.000Z"}`
	if got := strings.Join(own, " "); got != wantOwn {
		t.Errorf("sent request's own headers\n got %s\nwant %s", got, wantOwn)
	}
	const wantQuery = `[{"key":"q","value":"1"},{"key":"a","value":null}]`
	if got := string(rep.Run.Executions[0].Request.URL.Query); got != wantQuery {
		t.Errorf("sent query %s, want %s", got, wantQuery)
	}
	const wantItem = `[{"key":"X-S","value":"s"},{"key":"X-F","value":7},{"disabled":true,"key":"X-Off","value":true}]`
	if got := string(rep.Collection.Item[0].Request.Header); got != wantItem {
		t.Errorf("collection item headers %s, want %s", got, wantItem)
	}
}

// TestJSONSkippedRequestsTestsDidNotRun: a request skipped with
// pm.execution.skipRequest() runs no test script, so Newman 6.2.2's report
// shows no _lastExecutionId on its own test script (and the folder's keeps
// the id of the run before it); courier marked them as run at the item's
// start.
func TestJSONSkippedRequestsTestsDidNotRun(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"F","event":[{"listen":"test","script":{"exec":["pm.test('folder', function () {});"]}}],"item":[
		{"name":"ran","request":{"url":"`+base+`/get"}},
		{"name":"skipped","request":{"url":"`+base+`/get"},"event":[{"listen":"prerequest","script":{"exec":["pm.execution.skipRequest();"]}},
		{"listen":"test","script":{"exec":["pm.test('never', function () {});"]}}]}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	out := runJSON(t, coll, runner.Options{})
	var rep struct {
		Collection struct {
			Item []struct {
				Event []struct {
					Script struct {
						LastExecutionID *string `json:"_lastExecutionId"`
					}
				}
				Item []struct {
					Name  string
					Event []struct {
						Listen string
						Script struct {
							LastExecutionID *string `json:"_lastExecutionId"`
						}
					}
				}
			}
		}
		Run struct {
			Executions []struct{ Assertions []struct{ Assertion string } }
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	folder := rep.Collection.Item[0]
	if folder.Event[0].Script.LastExecutionID == nil {
		t.Error("the folder's test script ran for the first request: it has a _lastExecutionId")
	}
	for _, ev := range folder.Item[1].Event {
		if got := ev.Script.LastExecutionID != nil; got != (ev.Listen == "prerequest") {
			t.Errorf("skipped request's %s script: _lastExecutionId present %v, want %v", ev.Listen, got, ev.Listen == "prerequest")
		}
	}
	if len(rep.Run.Executions) != 1 {
		t.Errorf("%d executions, want 1 (none for the skipped request)", len(rep.Run.Executions))
	}
}

// TestJSONFailureParentIsTheGroupAtTheEnd: Newman 6.2.2 writes a failure's
// parent as the collection's own group at the run's end, so it is the same
// as that group in the report's collection: a skipped request's test script
// and a script that never ran have no _lastExecutionId there, and a script
// that ran after the failure has its last run's. courier showed every
// script of the group as run, with ids of its own (recorded 3x under
// unshare -n: a folder whose first request fails a test, then a skipped
// request, then one that runs).
func TestJSONFailureParentIsTheGroupAtTheEnd(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"F","item":[
		{"name":"fails","request":{"url":"`+base+`/get"},"event":[{"listen":"test","script":{"exec":["pm.test('no', function () { pm.expect(1).to.equal(2); });"]}}]},
		{"name":"skipped","request":{"url":"`+base+`/get"},"event":[{"listen":"prerequest","script":{"exec":["pm.execution.skipRequest();"]}},
		{"listen":"test","script":{"exec":["pm.test('never', function () {});"]}}]},
		{"name":"later","request":{"url":"`+base+`/get"},"event":[{"listen":"test","script":{"exec":["pm.test('later', function () {});"]}}]}]},
		{"name":"top","request":{"url":"`+base+`/get"},"event":[{"listen":"test","script":{"exec":["pm.test('top', function () { pm.expect(1).to.equal(2); });"]}}]},
		{"name":"after top","request":{"url":"`+base+`/get"},"event":[{"listen":"test","script":{"exec":["var n = 1;"]}}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Collection struct {
			Item []json.RawMessage `json:"item"`
		} `json:"collection"`
		Run struct {
			Failures []struct {
				Parent json.RawMessage `json:"parent"`
			} `json:"failures"`
		} `json:"run"`
	}
	if err := json.Unmarshal(runJSON(t, coll, runner.Options{}), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Failures) != 2 {
		t.Fatalf("%d failures, want 2", len(rep.Run.Failures))
	}
	if got, want := string(rep.Run.Failures[0].Parent), string(rep.Collection.Item[0]); got != want {
		t.Errorf("the folder failure's parent is not the report's folder:\n%s\nwant\n%s", got, want)
	}
	var ids []string
	for _, name := range []string{"skipped", "later"} {
		var folder struct {
			Item []struct {
				Name  string
				Event []struct {
					Listen string
					Script struct {
						LastExecutionID *string `json:"_lastExecutionId"`
					}
				}
			}
		}
		if err := json.Unmarshal(rep.Run.Failures[0].Parent, &folder); err != nil {
			t.Fatal(err)
		}
		for _, it := range folder.Item {
			for _, ev := range it.Event {
				if it.Name == name && ev.Listen == "test" {
					ids = append(ids, map[bool]string{true: "true", false: "false"}[ev.Script.LastExecutionID != nil])
				}
			}
		}
	}
	if got := strings.Join(ids, ","); got != "false,true" {
		t.Errorf("test scripts with a _lastExecutionId in the parent (skipped, later): %s, want false,true", got)
	}
	// A top-level item's parent is the collection: its later item's script
	// ran after the failure and has its id there.
	var top struct {
		Item []json.RawMessage `json:"item"`
	}
	if err := json.Unmarshal(rep.Run.Failures[1].Parent, &top); err != nil {
		t.Fatal(err)
	}
	if len(top.Item) != 3 || string(top.Item[2]) != string(rep.Collection.Item[2]) {
		t.Errorf("the top-level failure's parent does not hold the report's items as the run left them: %s", rep.Run.Failures[1].Parent)
	}
}

// TestJSONBailAssertionFailureAsNewman: under --bail the runtime fails a
// test script whose tests failed with its own AssertionFailure, which
// Newman 6.2.2's report writes with no type (the sandbox's serialised
// errors have "Error") and a stack of postman-runtime's frames, which name
// the directory Newman was installed in: courier writes its first line,
// as for postman-request's own errors (recorded 3x under unshare -n).
// courier wrote type "Error" and no stack.
func TestJSONBailAssertionFailureAsNewman(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"r","request":{"url":"`+base+`/get"},"event":[{"listen":"test","script":{"exec":["pm.test('a', function () { pm.expect(1).to.equal(2); });","pm.test('b', function () { pm.expect(1).to.equal(3); });"]}}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	type jsonErr struct {
		Type  *string `json:"type"`
		Name  string  `json:"name"`
		Stack string  `json:"stack"`
	}
	var rep struct {
		Run struct {
			Executions []struct {
				TestScript []struct{ Error jsonErr } `json:"testScript"`
			} `json:"executions"`
			Failures []struct {
				At    string  `json:"at"`
				Error jsonErr `json:"error"`
			} `json:"failures"`
		} `json:"run"`
	}
	if err := json.Unmarshal(runJSON(t, coll, runner.Options{Bail: []string{runner.BailFailure}}), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Failures) != 3 || len(rep.Run.Executions) != 1 || len(rep.Run.Executions[0].TestScript) != 1 {
		t.Fatalf("failures %+v, executions %+v: want 3 failures (two assertions, the AssertionFailure) and one test script error", rep.Run.Failures, rep.Run.Executions)
	}
	for where, e := range map[string]jsonErr{"failure": rep.Run.Failures[2].Error, "execution": rep.Run.Executions[0].TestScript[0].Error} {
		if e.Name != "AssertionFailure" || e.Type != nil || e.Stack != "AssertionFailure: a, b" {
			t.Errorf("%s: name %q, type %v, stack %q; want AssertionFailure, no type, stack %q", where, e.Name, e.Type, e.Stack, "AssertionFailure: a, b")
		}
	}
	if at := rep.Run.Failures[2].At; at != "test-script:39:17" {
		t.Errorf("at %q, want test-script:39:17", at)
	}
}

// TestJSONFailureParentsFromASpoolOnDisk: failures past the spool's 1 MiB
// wait in a file; their parents go in when the run ends all the same, each
// the report's folder, and the document stays valid JSON.
func TestJSONFailureParentsFromASpoolOnDisk(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"F","item":[{"name":"r","request":{"url":"`+base+`/get"},"event":[{"listen":"test","script":{"exec":["for (var i = 0; i < 3000; i++) { pm.test('t' + i, function () { pm.expect(1).to.equal(2); }); }"]}}]}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var out bytes.Buffer
	j := NewJSON(&out, JSONOptions{SpoolDir: dir})
	r := &runner.Runner{Collection: coll, Sink: j, Options: runner.Options{LoopbackOnly: true}}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Collection struct {
			Item []json.RawMessage `json:"item"`
		} `json:"collection"`
		Run struct {
			Failures []struct {
				Parent json.RawMessage `json:"parent"`
			} `json:"failures"`
		} `json:"run"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("the report is no JSON: %v", err)
	}
	if len(rep.Run.Failures) != 3000 {
		t.Fatalf("%d failures, want 3000", len(rep.Run.Failures))
	}
	for i, f := range rep.Run.Failures {
		if string(f.Parent) != string(rep.Collection.Item[0]) {
			t.Fatalf("failure %d's parent is not the report's folder: %.200s", i, f.Parent)
		}
	}
	if rest := out.Len() - len(rep.Run.Failures)*len(rep.Collection.Item[0]); rest < 2<<20 {
		t.Errorf("the report is %d bytes without the parents: the failures did not pass the spool's 1 MiB", rest)
	}
}

// TestJSONCollectionWithoutIDGetsOne: a collection file with no
// _postman_id has one in Newman 6.2.2's report all the same (postman-
// collection gives the collection an id of its own, a new one each run),
// in info, with no "_" block, and the same in a top-level failure's parent
// (recorded 3x under unshare -n); courier wrote none.
func TestJSONCollectionWithoutIDGetsOne(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"r","request":{"url":"`+base+`/get"},"event":[{"listen":"test","script":{"exec":["pm.test('no', function () { pm.expect(1).to.equal(2); });"]}}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	type info struct {
		PostmanID string `json:"_postman_id"`
	}
	var rep struct {
		Collection struct {
			Info    info            `json:"info"`
			Private json.RawMessage `json:"_"`
		} `json:"collection"`
		Run struct {
			Failures []struct {
				Parent struct {
					Info info `json:"info"`
				} `json:"parent"`
			} `json:"failures"`
		} `json:"run"`
	}
	if err := json.Unmarshal(runJSON(t, coll, runner.Options{}), &rep); err != nil {
		t.Fatal(err)
	}
	id := rep.Collection.Info.PostmanID
	if len(id) != 36 || strings.Count(id, "-") != 4 {
		t.Errorf("info._postman_id %q, want a UUID", id)
	}
	if rep.Collection.Private != nil {
		t.Errorf(`the collection has a "_" block: %s`, rep.Collection.Private)
	}
	if len(rep.Run.Failures) != 1 || rep.Run.Failures[0].Parent.Info.PostmanID != id {
		t.Errorf("the failure's parent (the collection) has another id: %+v, want %s", rep.Run.Failures, id)
	}
}

// TestJSONSkippedByFolderItemScriptsDidNotRun: a folder's pre-request
// script that calls pm.execution.skipRequest() ends the chain there, so the
// item's own pre-request script (and every test script) did not run and has
// no _lastExecutionId in Newman 6.2.2's report, while the collection's and
// the folder's pre-request scripts did (recorded 3x under unshare -n).
func TestJSONSkippedByFolderItemScriptsDidNotRun(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"event":[{"listen":"prerequest","script":{"exec":["var n = 1;"]}}],
		"item":[{"name":"F","event":[{"listen":"prerequest","script":{"exec":["pm.execution.skipRequest();"]}}],"item":[
		{"name":"skipped","request":{"url":"`+base+`/get"},"event":[{"listen":"prerequest","script":{"exec":["var m = 1;"]}},
		{"listen":"test","script":{"exec":["pm.test('never', function () {});"]}}]}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Collection struct {
			Event []struct {
				Script struct {
					LastExecutionID *string `json:"_lastExecutionId"`
				}
			}
			Item []struct {
				Event []struct {
					Script struct {
						LastExecutionID *string `json:"_lastExecutionId"`
					}
				}
				Item []struct {
					Event []struct {
						Listen string
						Script struct {
							LastExecutionID *string `json:"_lastExecutionId"`
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(runJSON(t, coll, runner.Options{}), &rep); err != nil {
		t.Fatal(err)
	}
	folder := rep.Collection.Item[0]
	if rep.Collection.Event[0].Script.LastExecutionID == nil || folder.Event[0].Script.LastExecutionID == nil {
		t.Error("the collection's and the folder's pre-request scripts ran: they have a _lastExecutionId")
	}
	for _, ev := range folder.Item[0].Event {
		if ev.Script.LastExecutionID != nil {
			t.Errorf("the skipped item's own %s script did not run, yet has a _lastExecutionId", ev.Listen)
		}
	}
}

// TestJSONPrerequestSendRequestFailureCursor: a pm.sendRequest that fails
// in a pre-request script has, in Newman 6.2.2's run.failures, a cursor
// with httpRequestId last (after scriptId and execution) and that id is
// not the item's request's; one that fails in a test script has the item's
// request id before its script ids (recorded 3x under unshare -n).
func TestJSONPrerequestSendRequestFailureCursor(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"r","request":{"url":"`+base+`/get"},"event":[
		{"listen":"prerequest","script":{"exec":["pm.sendRequest('http://127.0.0.1:1/pre', function () {});"]}},
		{"listen":"test","script":{"exec":["pm.sendRequest('http://127.0.0.1:1/test', function () {});"]}}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	out := runJSON(t, coll, runner.Options{})
	var rep struct {
		Run struct {
			Executions []struct {
				Cursor struct{ HTTPRequestID string }
			}
			Failures []struct{ Cursor json.RawMessage }
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Failures) != 2 || len(rep.Run.Executions) == 0 {
		t.Fatalf("%d failures, %d executions", len(rep.Run.Failures), len(rep.Run.Executions))
	}
	item := rep.Run.Executions[0].Cursor.HTTPRequestID
	for i, want := range []string{"scriptId,execution,httpRequestId", "httpRequestId,scriptId,execution"} {
		c := rep.Run.Failures[i].Cursor
		var keys []string
		dec := json.NewDecoder(bytes.NewReader(c))
		for tok, err := dec.Token(); err == nil; tok, err = dec.Token() {
			if k, ok := tok.(string); ok && (k == "scriptId" || k == "execution" || k == "httpRequestId") {
				keys = append(keys, k)
				_, _ = dec.Token()
			}
		}
		if got := strings.Join(keys, ","); got != want {
			t.Errorf("failure %d: cursor keys %s, want %s (%s)", i, got, want, c)
		}
		var ids struct{ HTTPRequestID string }
		_ = json.Unmarshal(c, &ids)
		if same := ids.HTTPRequestID == item; same != (i == 1) {
			t.Errorf("failure %d: httpRequestId %q is the item's (%q): %v, want %v", i, ids.HTTPRequestID, item, same, i == 1)
		}
	}
}
