package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/courier-run/courier/collections"
)

// TestJSONCollectionVariablesAsNewman: the report's collection variables
// carry postman-collection's declared type ("any" for none or one it does
// not cast to) and the value as held after the cast (a number as a number,
// NaN as null, null, none for undefined), as Newman 6.2.2 wrote them for
// the same collection (recorded three times, identical).
func TestJSONCollectionVariablesAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-typed-vars", "127.0.0.1:18581")
	var want []any
	g.decode(t, "newman-6.2.2-variables.json", &want)
	_, out := g.run(t, JSONOptions{})
	var rep struct {
		Collection struct{ Variable []any }
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Collection.Variable) != len(want) {
		t.Fatalf("%d variables, Newman wrote %d", len(rep.Collection.Variable), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(rep.Collection.Variable[i], want[i]) {
			t.Errorf("variable %d: courier %v, Newman %v", i, rep.Collection.Variable[i], want[i])
		}
	}
}

// TestJSONHeaderDescriptionsAsNewman: a header description that is null,
// false, a number or {type} alone is written as postman-collection's
// Description shows it ({type} without content, {content: 5, type}), in the
// collection and in the request sent, as Newman 6.2.2 wrote them for the
// same collection (recorded three times, identical).
func TestJSONHeaderDescriptionsAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-header-descriptions", "127.0.0.1:18731")
	var want struct{ Collection, Sent []any }
	g.decode(t, "newman-6.2.2-headers.json", &want)
	_, out := g.run(t, JSONOptions{})
	var rep struct {
		Collection struct {
			Item []struct{ Request struct{ Header []any } }
		}
		Run struct {
			Executions []struct {
				Request struct{ Header []map[string]any }
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if got := rep.Collection.Item[0].Request.Header; !reflect.DeepEqual(got, want.Collection) {
		t.Errorf("collection headers:\n courier %v\n Newman  %v", got, want.Collection)
	}
	var sent []any
	for _, h := range rep.Run.Executions[0].Request.Header {
		if k, _ := h["key"].(string); len(k) > 2 && k[:2] == "X-" {
			sent = append(sent, h)
		}
	}
	if !reflect.DeepEqual(sent, want.Sent) {
		t.Errorf("sent headers:\n courier %v\n Newman  %v", sent, want.Sent)
	}
}

// TestJSONScriptRequestFailureAsNewman: a failed pm.sendRequest's failure
// has the script's request as its source (an item of its own: an id that is
// no item's, no name, the request as sent, no response, no events) and no
// parent, as Newman 6.2.2 wrote it for the same collection (recorded three
// times, identical once its random id and Postman-Token are masked).
func TestJSONScriptRequestFailureAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-sendrequest-failure", "127.0.0.1:18731")
	var want []map[string]any
	g.decode(t, "newman-6.2.2-failures.json", &want)
	_, out := g.run(t, JSONOptions{})
	var rep struct {
		Run struct {
			Failures []struct {
				At     string
				Source map[string]any
				Parent json.RawMessage
				Cursor struct{ Position int }
				Error  struct{ Name, Message, Code string }
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Failures) != len(want) {
		t.Fatalf("%d failures, Newman wrote %d", len(rep.Run.Failures), len(want))
	}
	for i, f := range rep.Run.Failures {
		id, _ := f.Source["id"].(string)
		if id == "" || id == "item-sends" || id == "item-first" {
			t.Errorf("failure %d: source id %q, want one of its own", i, id)
		}
		f.Source["id"] = "<fresh>"
		if req, ok := f.Source["request"].(map[string]any); ok {
			hs, _ := req["header"].([]any)
			for _, h := range hs {
				if h, ok := h.(map[string]any); ok && h["key"] == "Postman-Token" {
					h["value"] = "<token>"
				}
			}
		}
		got := map[string]any{"at": f.At, "source": f.Source, "parent": len(f.Parent) > 0, "position": float64(f.Cursor.Position),
			"error": map[string]any{"name": f.Error.Name, "message": f.Error.Message, "code": f.Error.Code}}
		if !reflect.DeepEqual(got, want[i]) {
			g, _ := json.MarshalIndent(got, "", "  ")
			w, _ := json.MarshalIndent(want[i], "", "  ")
			t.Errorf("failure %d:\ncourier %s\nNewman  %s", i, g, w)
		}
	}
}

// TestJSONQueryDescriptionsAsNewman: query parameter descriptions (text,
// {content, type}, null, {type}, a number, "", on a disabled row) are kept
// in the report's collection and in the exported collection, and the sent
// URL has none, as Newman 6.2.2 wrote them for the same collection
// (recorded three times, identical).
func TestJSONQueryDescriptionsAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-query-descriptions", "127.0.0.1:18731")
	var want struct{ Collection, Sent, Export []any }
	g.decode(t, "newman-6.2.2-query.json", &want)
	coll, out := g.run(t, JSONOptions{})
	type url struct{ Query []any }
	var rep struct {
		Collection struct {
			Item []struct{ Request struct{ URL url } }
		}
		Run struct {
			Executions []struct{ Request struct{ URL url } }
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if got := rep.Collection.Item[0].Request.URL.Query; !reflect.DeepEqual(got, want.Collection) {
		t.Errorf("collection query:\n courier %v\n Newman  %v", got, want.Collection)
	}
	if got := rep.Run.Executions[0].Request.URL.Query; !reflect.DeepEqual(got, want.Sent) {
		t.Errorf("sent query:\n courier %v\n Newman  %v", got, want.Sent)
	}
	var exp bytes.Buffer
	if err := collections.Save(&exp, coll); err != nil {
		t.Fatal(err)
	}
	var saved struct {
		Item []struct{ Request struct{ URL url } }
	}
	if err := json.Unmarshal(exp.Bytes(), &saved); err != nil {
		t.Fatal(err)
	}
	// courier's export writes a text/plain description as its text (as it
	// does a header's); Newman writes {content, type}: both load the same.
	for _, q := range want.Export {
		if d, ok := q.(map[string]any)["description"].(map[string]any); ok && d["type"] == "text/plain" && len(d) == 2 {
			if c, ok := d["content"].(string); ok {
				q.(map[string]any)["description"] = c
			}
		}
	}
	if got := saved.Item[0].Request.URL.Query; !reflect.DeepEqual(got, want.Export) {
		t.Errorf("exported query:\n courier %v\n Newman  %v", got, want.Export)
	}
	// The export loads back with the same descriptions.
	again, err := collections.LoadBytes(exp.Bytes(), "export.json")
	if err != nil {
		t.Fatal(err)
	}
	if got, was := again.Items[0].Request.URL.Query, coll.Items[0].Request.URL.Query; !reflect.DeepEqual(got, was) {
		t.Errorf("export round trip:\n loaded again %+v\n first        %+v", got, was)
	}
}
