package report

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestReportersOnRealRun drives every reporter from the real runner against
// the echo server on 127.0.0.1, with real scripts.
func TestReportersOnRealRun(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	test := func(src string) []collections.Event {
		return []collections.Event{{Listen: "test", Script: collections.Script{Exec: src}}}
	}
	get := &collections.Item{ID: "g", Name: "Get", Request: &collections.Request{Method: "GET", URL: collections.URL{Raw: base + "/get?a=1"}},
		Events: test("pm.test('ok', () => pm.response.to.have.status(200)); console.log('seen', pm.response.code); pm.test('bad', () => pm.expect(1).to.equal(2));")}
	folder := &collections.Item{ID: "f", Name: "F", Folder: true}
	post := &collections.Item{ID: "p", Name: "Post", Parent: folder, Request: &collections.Request{Method: "POST", URL: collections.URL{Raw: base + "/post"},
		Header: []collections.Header{{Key: "Content-Type", Value: "application/json"}},
		Body:   &collections.Body{Mode: collections.BodyRaw, Raw: `{"x":1}`}}, Events: test("pm.test('json', () => pm.expect(pm.response.json().json.x).to.equal(1));")}
	folder.Items = []*collections.Item{post}
	coll := &collections.Collection{Info: collections.Info{ID: "c1", Name: "E2E"}, Items: []*collections.Item{get, folder}}

	var cli, js, xm bytes.Buffer
	m := NewMulti(NewCLI(&cli, CLIOptions{Deterministic: true}), NewJSON(&js, JSONOptions{}), NewJUnit(&xm, JUnitOptions{}))
	r := &runner.Runner{Collection: coll, Options: runner.Options{Iterations: 2}, Sink: m}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	out := strings.ReplaceAll(cli.String(), base, "BASE")
	for _, want := range []string{"E2E\n", "Iteration 2/2", "→ Get\n", "  GET BASE/get?a=1 [200 OK, ", "  ✓  ok\n", "  │ 'seen', 200\n", "  1. bad\n", "❏ F\n↳ Post\n", "  ✓  json\n",
		"│              assertions │", "AssertionError", `inside "Get"`} {
		if !strings.Contains(out, want) {
			t.Errorf("cli output lacks %q:\n%s", want, out)
		}
	}
	var rep newmanReport
	if err := json.Unmarshal(js.Bytes(), &rep); err != nil {
		t.Fatalf("json report: %v", err)
	}
	if len(rep.Run.Executions) != 4 || rep.Run.Stats["assertions"] != (jsonStat{Total: 6, Failed: 2}) || len(rep.Run.Failures) != 2 {
		t.Errorf("json: %d executions, assertions %+v, %d failures", len(rep.Run.Executions), rep.Run.Stats["assertions"], len(rep.Run.Failures))
	}
	if res := rep.Run.Executions[1].Response; res == nil || !strings.Contains(string(res.Stream.Data), `"x":1`) {
		t.Errorf("post response body missing from the report")
	}
	var suites xmlSuites
	if err := xml.Unmarshal(xm.Bytes(), &suites); err != nil {
		t.Fatalf("junit: %v", err)
	}
	if len(suites.Suites) != 2 || suites.Suites[0].Failures != 2 || suites.Suites[1].Name != "F / Post" {
		t.Errorf("junit suites = %+v", suites.Suites)
	}
}
