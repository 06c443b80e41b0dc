package report

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// The whole-state cursor (the run's first item, a setNextRequest jump to
// the first) is postman-runtime's Cursor#current(): bof only at the first
// place of the first iteration, eof never for an item (a one-item
// collection too). Newman 6.2.2's cursors for two runs of two iterations
// are in newman-cursor-state (recorded three times, the same each time;
// ids left out).
func TestJSONCursorStateAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-cursor-state", "")
	var want map[string][]map[string]any
	g.decode(t, "newman-6.2.2-cursors.json", &want)
	for name, wantCursors := range want {
		coll, err := collections.LoadBytes(g.read(t, name+".json"), name+".json")
		if err != nil {
			t.Fatal(err)
		}
		out := runJSON(t, coll, runner.Options{Iterations: 2})
		var rep struct {
			Run struct {
				Executions []struct {
					Item   struct{ Name string }
					Cursor map[string]any
				}
			}
		}
		if err := json.Unmarshal(out, &rep); err != nil {
			t.Fatal(err)
		}
		var got []map[string]any
		for _, e := range rep.Run.Executions {
			for _, k := range []string{"ref", "httpRequestId", "scriptId", "execution"} {
				delete(e.Cursor, k)
			}
			got = append(got, map[string]any{"item": e.Item.Name, "cursor": e.Cursor})
		}
		if !reflect.DeepEqual(got, wantCursors) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(wantCursors)
			t.Errorf("%s: cursors\n%s\nwant Newman's\n%s", name, g, w)
		}
	}
}
