package report

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestJSONFailuresAsNewman: what the JSON report says of things that fail
// (a refused request, an unsupported protocol, a pre-request script that
// throws, a TypeError after a test, failing assertions of every kind, a
// test failing after a timer, a refused pm.sendRequest, a syntax error, a
// failure inside a folder): run.stats, each failure's at, source, parent,
// cursor position and error fields, and each execution's assertions,
// script errors and whether it has a response, as Newman 6.2.2 wrote them
// for the same collection (recorded three times, identical). Newman's
// random error ids, checksums, timestamps and stack traces, and the keys of
// requestError, are the documented differences and are not compared.
func TestJSONFailuresAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-failures-round7n", "127.0.0.1:45679")
	var want map[string]any
	g.decode(t, "newman-6.2.2-projection.json", &want)
	// Newman's layout, the CLI's default: an execution per round trip.
	_, out := g.run(t, JSONOptions{PerRoundTrip: true})
	var rep struct {
		Run struct {
			Stats    map[string]any
			Failures []struct {
				At     string
				Source struct{ Name *string }
				Parent *struct{ Name *string }
				Cursor struct{ Position float64 }
				Error  map[string]any
			}
			Executions []struct {
				Item       struct{ Name string }
				Assertions []struct {
					Assertion string
					Skipped   bool
					Error     map[string]any
				}
				TestScript       []struct{ Error *struct{ Message string } }
				PrerequestScript []struct{ Error *struct{ Message string } }
				Response         json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	pick := func(m map[string]any, keys ...string) map[string]any {
		o := map[string]any{}
		for _, k := range keys {
			if v, ok := m[k]; ok {
				o[k] = v
			}
		}
		return o
	}
	var failures []any
	for _, f := range rep.Run.Failures {
		var parent any
		if f.Parent != nil && f.Parent.Name != nil {
			parent = *f.Parent.Name
		}
		var source any
		if f.Source.Name != nil {
			source = *f.Source.Name
		}
		failures = append(failures, map[string]any{"at": f.At, "source": source, "parent": parent, "position": f.Cursor.Position,
			"error": pick(f.Error, "name", "message", "test", "index", "type", "code", "errno", "syscall", "address", "port")})
	}
	scriptErrs := func(runs []struct{ Error *struct{ Message string } }) []any {
		out := []any{}
		for _, s := range runs {
			if s.Error != nil {
				out = append(out, s.Error.Message)
			} else {
				out = append(out, nil)
			}
		}
		return out
	}
	var execs []any
	for _, x := range rep.Run.Executions {
		as := []any{}
		for _, a := range x.Assertions {
			var e any
			if a.Error != nil {
				e = pick(a.Error, "name", "message", "index", "test")
			}
			as = append(as, map[string]any{"assertion": a.Assertion, "skipped": a.Skipped, "error": e})
		}
		execs = append(execs, map[string]any{"item": x.Item.Name, "assertions": as, "testScript": scriptErrs(x.TestScript),
			"prerequestScript": scriptErrs(x.PrerequestScript), "response": len(x.Response) > 0})
	}
	// Through JSON, so numbers compare as the golden's do.
	var got map[string]any
	b, _ := json.Marshal(map[string]any{"stats": rep.Run.Stats, "failures": failures, "executions": execs})
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"stats", "failures", "executions"} {
		if !reflect.DeepEqual(got[k], want[k]) {
			gj, _ := json.MarshalIndent(got[k], "", " ")
			wj, _ := json.MarshalIndent(want[k], "", " ")
			t.Errorf("%s:\ncourier %s\nNewman  %s", k, gj, wj)
		}
	}
}
