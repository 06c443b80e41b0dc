package report

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// What a collection gives empty comes back as postman-collection writes
// it in Newman 6.2.2's report (newman-empty-parts, recorded three times,
// the same each time): an urlencoded or formdata body without fields has
// an empty list, an empty protocolProfileBehavior stays {}, and the schema
// is postman-collection's own (v2.1) for a v2.0 file, a file body given
// as {} stays {} (and is {"value": null} as sent: the runtime found no
// file to read), a GraphQL body given as {} stays {}.
func TestJSONEmptyPartsAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-empty-parts", "")
	type item struct {
		Name                    string
		Body, Sent              any
		ProtocolProfileBehavior any
	}
	var want struct {
		Schema                  string
		ProtocolProfileBehavior any
		Items                   []item
	}
	g.decode(t, "newman-6.2.2-parts.json", &want)
	coll, err := collections.LoadBytes(g.read(t, "collection.json"), "collection.json")
	if err != nil {
		t.Fatal(err)
	}
	out := runJSON(t, coll, runner.Options{})
	type pmItem struct {
		Name                    string
		Request                 struct{ Body any }
		ProtocolProfileBehavior any
	}
	var rep struct {
		Collection struct {
			Info                    struct{ Schema string }
			ProtocolProfileBehavior any
			Item                    []pmItem
		}
		Run struct {
			Executions []struct{ Request struct{ Body any } }
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Collection.Info.Schema != want.Schema {
		t.Errorf("info.schema %q, want Newman's %q", rep.Collection.Info.Schema, want.Schema)
	}
	if !reflect.DeepEqual(rep.Collection.ProtocolProfileBehavior, want.ProtocolProfileBehavior) {
		t.Errorf("collection's protocolProfileBehavior %v, want Newman's %v", rep.Collection.ProtocolProfileBehavior, want.ProtocolProfileBehavior)
	}
	if len(rep.Collection.Item) != len(want.Items) || len(rep.Run.Executions) != len(want.Items) {
		t.Fatalf("%d items, %d executions; want %d", len(rep.Collection.Item), len(rep.Run.Executions), len(want.Items))
	}
	for i, w := range want.Items {
		got := item{Name: rep.Collection.Item[i].Name, Body: rep.Collection.Item[i].Request.Body,
			Sent: rep.Run.Executions[i].Request.Body, ProtocolProfileBehavior: rep.Collection.Item[i].ProtocolProfileBehavior}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("item %s: %+v\nwant Newman's %+v", w.Name, got, w)
		}
	}
}
