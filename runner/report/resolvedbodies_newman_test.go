package report

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// consoleTee passes events on to the JSON reporter and keeps each item's
// console lines, as Newman's CLI prints them in the item's box.
type consoleTee struct {
	next  runner.Sink
	lines map[string]string
}

func (c *consoleTee) Handle(ev runner.Event) {
	if e, ok := ev.(runner.ConsoleEvent); ok {
		c.lines[e.Item.Name] += e.Line.Text
	}
	c.next.Handle(ev)
}

// Newman 6.2.2's report of file and GraphQL bodies and of a failed
// request's source (newman-resolved-bodies, record.py, three recordings
// alike): a collection item's file member as the collection wrote it ({},
// {"src": null}, {"content": …}) and as the runtime left it once sent (src
// resolved, content gone, "value": null on a file it could not read, with
// its console warning, "invalid or missing file source" for no src); a
// GraphQL member as written (operationName, a variables object, an empty
// variables text; {} for none); and a failed request's source with every
// {{reference}} of the item resolved as the runtime resolved it before
// sending (name, description, scripts, saved examples; a header's and a
// body row's description, also in the execution's request), an unknown
// one and a vault one left as written; a form-data field whose one file
// could not be read disabled, a field of several without that file.
func TestResolvedBodiesAndSourcesAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-resolved-bodies", "127.0.0.1:18931")
	var want []map[string]any
	g.decode(t, "newman-6.2.2-bodies.json", &want)
	host := strings.TrimPrefix(echotest.Start(t), "http://")
	coll, err := collections.LoadBytes(bytes.ReplaceAll(g.read(t, "collection.json"), []byte(g.recordedHost), []byte(host)), "collection.json")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs(g.dir)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	j := NewJSON(&out, JSONOptions{})
	tee := &consoleTee{next: j, lines: map[string]string{}}
	r := &runner.Runner{Collection: coll, Sink: tee, Options: runner.Options{LoopbackOnly: true, WorkingDir: dir}}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Collection struct {
			Item []struct {
				Name    string
				Request struct{ Body any }
			}
		}
		Run struct {
			Executions []struct {
				Item    struct{ Name string }
				Request map[string]any
			}
			Failures []struct {
				At     string
				Source map[string]any
			}
		}
	}
	// A field the runtime disabled has the member last, as Newman's.
	if want := `"src":"missing.txt","disabled":true}`; !bytes.Contains(out.Bytes(), []byte(want)) {
		t.Errorf("no row ending %s in the report", want)
	}
	written := bytes.ReplaceAll(out.Bytes(), []byte(host), []byte(g.recordedHost))
	_, port, _ := strings.Cut(host, ":")
	written = bytes.ReplaceAll(written, []byte(`"port":"`+port+`"`), []byte(`"port":"18931"`))
	if err := json.Unmarshal(written, &rep); err != nil {
		t.Fatal(err)
	}
	sources := map[string]any{}
	for _, f := range rep.Run.Failures {
		if f.At == "request" {
			sources[f.Source["name"].(string)] = withoutIDs(f.Source)
		}
	}
	if len(rep.Collection.Item) != len(want) || len(rep.Run.Executions) != len(want) {
		t.Fatalf("%d items, %d executions; want %d", len(rep.Collection.Item), len(rep.Run.Executions), len(want))
	}
	for i, w := range want {
		it, ex := rep.Collection.Item[i], rep.Run.Executions[i]
		sent := withoutIDs(ex.Request).(map[string]any)
		if b, _ := sent["body"].(map[string]any); b["mode"] == "file" {
			sent["header"] = withoutHeader(sent["header"], "Content-Length")
		}
		var console any
		if l, ok := tee.lines[it.Name]; ok {
			console = l
		}
		src := sources[ex.Item.Name]
		if src == nil {
			src = sources[strings.ReplaceAll(it.Name, "{{foo}}", "FOO")]
		}
		got := map[string]any{"name": it.Name, "body": it.Request.Body, "sent": sent, "source": src, "console": console}
		for _, k := range []string{"body", "sent", "source", "console"} {
			if !reflect.DeepEqual(got[k], w[k]) {
				gj, _ := json.Marshal(got[k])
				wj, _ := json.Marshal(w[k])
				t.Errorf("%s: %s\n%s\nwant Newman's\n%s", w["name"], k, gj, wj)
			}
		}
	}
}

// withoutIDs is v without the ids Newman and courier each draw (id,
// _lastExecutionId, the Postman-Token header's value), as record.py
// leaves them out.
func withoutIDs(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if k == "id" || k == "_lastExecutionId" || (k == "value" && v["key"] == "Postman-Token") {
				continue
			}
			out[k] = withoutIDs(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withoutIDs(x)
		}
		return out
	}
	return v
}

func withoutHeader(hs any, key string) any {
	list, _ := hs.([]any)
	out := []any{}
	for _, h := range list {
		if m, _ := h.(map[string]any); m["key"] != key {
			out = append(out, h)
		}
	}
	return out
}

// A failed request's source resolves {{$random…}} in its scripts as the
// runtime does, from a generator of its own: a seeded run writes the same
// value every time, and the run's own values do not move (the next
// request's {{$randomInt}} is the one a run without the reference sends).
func TestFailedSourceResolvesDynamicValues(t *testing.T) {
	t.Parallel()
	run := func(script string) (line, next string) {
		coll, err := collections.LoadBytes([]byte(`{"info":{"name":"d","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"a","event":[{"listen":"prerequest","script":{"exec":["`+script+`"]}}],"request":{"method":"GET","url":"http://127.0.0.1:1/a"}},
{"name":"b","request":{"method":"GET","url":"http://127.0.0.1:1/{{$randomInt}}"}}]}`), "d.json")
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Run struct {
				Failures []struct {
					Source struct {
						Event []struct{ Script struct{ Exec []string } }
					}
				}
				Executions []struct {
					Request struct{ URL struct{ Path []string } }
				}
			}
		}
		if err := json.Unmarshal(runJSON(t, coll, runner.Options{Seed: 7}), &rep); err != nil {
			t.Fatal(err)
		}
		if len(rep.Run.Failures) != 2 || len(rep.Run.Failures[0].Source.Event) != 1 || len(rep.Run.Executions) != 2 {
			t.Fatalf("report: %+v", rep.Run)
		}
		return rep.Run.Failures[0].Source.Event[0].Script.Exec[0], strings.Join(rep.Run.Executions[1].Request.URL.Path, "/")
	}
	s1, n1 := run("// {{$randomInt}}")
	s2, n2 := run("// {{$randomInt}}")
	if !regexp.MustCompile(`^// \d+$`).MatchString(s1) {
		t.Fatalf("source script line %q, want {{$randomInt}} resolved", s1)
	}
	if s1 != s2 || n1 != n2 {
		t.Errorf("seeded runs differ: %q %q, %q %q", s1, n1, s2, n2)
	}
	if _, want := run("// none"); n1 != want {
		t.Errorf("the next request's {{$randomInt}} is %q, %q in a run whose failed source resolves nothing: the source moved the run's sequence", n1, want)
	}
}
