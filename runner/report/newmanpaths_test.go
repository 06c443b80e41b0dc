package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// newmanOnlyPaths are the key paths of Newman's report courier leaves
// out on purpose or has not got yet (docs/postman-compatibility.md, "The
// JSON report"): none today; ids, timestamps, checksums and stack frames
// are written as Newman writes them.
var newmanOnlyPaths = []string{}

// courierOnlyPaths are courier's additions (documented there too).
var courierOnlyPaths = []string{
	"environment.name",
	"globals.name",
	"error.stack", // Newman writes a script error's stack only in failures
}

// TestJSONReportKeyPathsAsNewman runs the collection Newman 6.2.2 ran
// for testdata/golden/report/newman-shape/newman-6.2.2.json (recorded with
// its base at 127.0.0.1:18581) and compares every key path of the two
// reports with the type of its value: the whole item in each execution
// and failure, URL objects, auth and description blocks, disabled rows.
// Re-record: run newman with -r json on collection.json against the echo
// server at that address.
func TestJSONReportKeyPathsAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-shape", "127.0.0.1:18581")
	newman := g.read(t, "newman-6.2.2.json")
	_, out := g.run(t, JSONOptions{})
	want, got := keyPaths(t, newman), keyPaths(t, out)
	var missing, extra []string
	for p := range want {
		if !got[p] && !listed(p, newmanOnlyPaths) {
			missing = append(missing, p)
		}
	}
	for p := range got {
		if !want[p] && !listed(p, courierOnlyPaths) {
			extra = append(extra, p)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing)+len(extra) > 0 {
		t.Errorf("JSON report key paths differ from Newman 6.2.2's\nNewman only:\n  %s\ncourier only:\n  %s",
			strings.Join(missing, "\n  "), strings.Join(extra, "\n  "))
	}
	// The allowances above must not hide the parts this test is about.
	for _, p := range []string{
		"run.executions[].item.request.url.host[] string",
		"run.executions[].item.request.auth.apikey[].key string",
		"run.executions[].item.event[].script.exec[] string",
		"run.failures[].source.request.url.path[] string",
		"collection.item[].item[].request.url.variable[].key string",
		"collection.item[].request.header[].disabled boolean",
		"collection.item[].item[].response[].originalRequest.url.host[] string",
		"run.executions[].request.body.options.raw.language string",
		"run.executions[].request.body.urlencoded[].key string",
		"run.executions[].request.body.formdata[].type string",
		"run.executions[].request.body.graphql.query string",
		"run.executions[].request.auth.basic[].value string",
		"run.executions[].request.auth.noauth array",
		"run.executions[].request.description.content string",
		"run.executions[].request.header[].disabled boolean",
	} {
		if !got[p] || !want[p] {
			t.Errorf("%s: in Newman's report %v, in courier's %v", p, want[p], got[p])
		}
	}

	// The new shape reads back: merge, replay and the HTML report read
	// executions through jsonreport.
	rep, err := jsonreport.Read(bytes.NewReader(out), "courier.json")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rep.Run.Executions); n != 5 {
		t.Fatalf("read %d executions, want 5", n)
	}
	e := rep.Run.Executions[1]
	if e.Item.Name != "post" || e.Item.Request == nil || e.Item.Request.URL.String() != "{{base}}/post/:id?z=2" {
		t.Errorf("execution 1's item read as %+v", e.Item)
	}
	if len(rep.Run.Failures) == 0 || rep.Run.Failures[0].Source == nil || rep.Run.Failures[0].Source.Name != "get" {
		t.Errorf("failures[0].source read as %+v", rep.Run.Failures)
	}
}

func listed(path string, allowed []string) bool {
	for _, a := range allowed {
		if strings.Contains(path, a) {
			return true
		}
	}
	return false
}

// keyPaths lists a JSON document's key paths with their value types
// ("run.executions[].item.name string"); array elements share "[]".
func keyPaths(t *testing.T, doc []byte) map[string]bool {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		kind := "null"
		switch x := v.(type) {
		case map[string]any:
			kind = "object"
			for k, c := range x {
				walk(strings.TrimPrefix(path+"."+k, "."), c)
			}
		case []any:
			kind = "array"
			for _, c := range x {
				walk(path+"[]", c)
			}
		case string:
			kind = "string"
		case float64:
			kind = "number"
		case bool:
			kind = "boolean"
		}
		if path != "" {
			out[path+" "+kind] = true
		}
	}
	walk("", v)
	return out
}

// TestJSONReportItemURLMaskedBeforeSplit: a secret written into the
// collection's URL itself is masked in the item's URL object, although
// the object splits the host at dots and the path at slashes (where a
// redactor reading the report's text could no longer see it whole).
func TestJSONReportItemURLMaskedBeforeSplit(t *testing.T) {
	t.Parallel()
	const secret = "s3cr.et/Pa.rt"
	raw := "http://127.0.0.1:1/a/" + secret + "/b?k=" + secret
	coll := &collections.Collection{Info: collections.Info{Name: "mask"}, Items: []*collections.Item{
		{ID: "i1", Name: "leaky", Request: &collections.Request{Method: "GET", URL: collections.ParseURL(raw),
			Header: []collections.Header{{Key: "X-Off", Value: "v", Disabled: true}}}},
	}}
	var out bytes.Buffer
	j := NewJSON(&out, JSONOptions{Redact: func(s string) string { return strings.ReplaceAll(s, secret, "***") }})
	j.Handle(runner.StartEvent{Collection: coll, Total: 1, Iterations: 1, Started: time.Unix(1e9, 0)})
	ref := runner.ItemRef{ID: "i1", Name: "leaky", Key: 1}
	j.Handle(runner.ItemStartEvent{Item: ref})
	j.Handle(runner.ScriptEvent{Item: ref, Listen: "test", Err: errors.New("boom")})
	j.Handle(runner.ItemDoneEvent{Item: ref})
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Run struct {
			Executions []struct{ Item jsonreport.Item }
			Failures   []struct{ Source *jsonreport.Item }
		}
		Collection jsonreport.Collection
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(rep.Run.Executions) != 1 || len(rep.Run.Failures) != 1 || rep.Run.Failures[0].Source == nil {
		t.Fatalf("report: %s", out.String())
	}
	for where, it := range map[string]jsonreport.Item{
		"executions[0].item": rep.Run.Executions[0].Item, "failures[0].source": *rep.Run.Failures[0].Source,
		"collection.item[0]": rep.Collection.Item[0],
	} {
		if it.Request == nil {
			t.Fatalf("%s has no request", where)
		}
		if got, want := it.Request.URL.String(), "http://127.0.0.1:1/a/***/b?k=***"; got != want {
			t.Errorf("%s.request.url = %s, want %s", where, got, want)
		}
	}
	for _, piece := range []string{"s3cr", "Pa.rt", "et/Pa"} {
		if strings.Contains(out.String(), piece) {
			t.Errorf("the report holds %q of the secret", piece)
		}
	}
}
