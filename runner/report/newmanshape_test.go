package report

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestJSONReportShapeAsNewman runs a collection through the real runner
// and compares the shape of the JSON report with what Newman 6.2.2 wrote
// for the same collection (recorded below): a request skipped with
// pm.execution.skipRequest() has no execution, and failures[].parent is
// the whole parent group (the folder, or the collection at the top level),
// absent for a request's own failure.
func TestJSONReportShapeAsNewman(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	script := func(listen, src string) []collections.Event {
		return []collections.Event{{Listen: listen, Script: collections.Script{Exec: src}}}
	}
	req := func(u string) *collections.Request {
		return &collections.Request{Method: "GET", URL: collections.URL{Raw: u}}
	}
	get := req(base + "/get")
	f1 := &collections.Item{ID: "f1", Name: "F1", Folder: true}
	f2 := &collections.Item{ID: "f2", Name: "F2", Folder: true, Parent: f1}
	f2.Items = []*collections.Item{{ID: "i5", Name: "nested-script-error", Parent: f2, Request: get, Events: script("test", "undefinedFn();")}}
	f1.Items = []*collections.Item{
		{ID: "i3", Name: "in-folder-fail", Parent: f1, Request: get, Events: script("test", "pm.test('t2', function () { throw new Error('boom'); });")},
		{ID: "i4", Name: "skipped-in-folder", Parent: f1, Request: get, Events: script("prerequest", "pm.execution.skipRequest();")},
		f2,
	}
	coll := &collections.Collection{Info: collections.Info{ID: "c0ffee00-0000-4000-8000-000000000012", Name: "a12"}, Items: []*collections.Item{
		{ID: "i1", Name: "top-fail", Request: get, Events: script("test", "pm.test('t1', function () { pm.expect(1).to.equal(2); });")},
		{ID: "i2", Name: "skipped", Request: get, Events: script("prerequest", "pm.execution.skipRequest();")},
		f1,
		{ID: "i6", Name: "pre-error", Request: get, Events: script("prerequest", "throw new Error('pre boom');")},
		{ID: "i7", Name: "req-error", Request: req("http://127.0.0.1:1/x")},
	}}
	out := runJSON(t, coll, runner.Options{})
	var rep struct {
		Run struct {
			Stats      map[string]jsonStat
			Executions []struct{ Item struct{ Name string } }
			Failures   []struct {
				At     string
				Source struct{ Name string }
				Parent json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range rep.Run.Executions {
		got = append(got, "execution "+e.Item.Name)
	}
	for _, f := range rep.Run.Failures {
		got = append(got, "failure "+f.At+" "+f.Source.Name+" parent "+parentShape(t, f.Parent))
	}
	for _, k := range []string{"items", "prerequests", "requests"} {
		got = append(got, k+" "+strconv.Itoa(rep.Run.Stats[k].Total))
	}
	newman := []string{
		"execution top-fail",
		"execution in-folder-fail",
		"execution nested-script-error",
		"execution pre-error",
		"execution req-error",
		"failure assertion:0 in test-script top-fail parent collection a12: item,event,variable,info",
		"failure assertion:0 in test-script in-folder-fail parent folder F1: id,name,item,event",
		"failure test-script nested-script-error parent folder F2: id,name,item,event",
		"failure prerequest-script pre-error parent collection a12: item,event,variable,info",
		"failure request req-error parent none",
		"items 7",
		"prerequests 7",
		"requests 5",
	}
	if strings.Join(got, "\n") != strings.Join(newman, "\n") {
		t.Errorf("report shape differs from Newman 6.2.2's\n--- newman ---\n%s\n--- courier ---\n%s", strings.Join(newman, "\n"), strings.Join(got, "\n"))
	}
}

// parentShape names a failure's parent: its kind, name and keys in order
// (Newman's collection parent also has "_", postman-collection's internal
// id holder, which courier does not write).
func parentShape(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	if len(raw) == 0 || string(raw) == "null" {
		return "none"
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var keys []string
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
		if k != "_" {
			keys = append(keys, k.(string))
		}
	}
	var p struct {
		Name string
		Info struct{ Name string }
	}
	_ = json.Unmarshal(raw, &p)
	if p.Name != "" {
		return "folder " + p.Name + ": " + strings.Join(keys, ",")
	}
	return "collection " + p.Info.Name + ": " + strings.Join(keys, ",")
}
