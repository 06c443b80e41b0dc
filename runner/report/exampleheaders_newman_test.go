package report

import (
	"encoding/json"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// A saved example's headers are postman-collection header rows in Newman's
// report (a description as {content, type}, a row's type left out), and a
// request failure's source (the runtime's copy of the item) has its
// examples without the "_" block. newman-example-headers holds Newman
// 6.2.2's examples (recorded three times, the same each time; ids left
// out); key order included.
func TestJSONExampleHeadersAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-example-headers", "")
	var want struct{ Collection, RequestFailureSource json.RawMessage }
	g.decode(t, "newman-6.2.2-examples.json", &want)
	coll, err := collections.LoadBytes(g.read(t, "collection.json"), "collection.json")
	if err != nil {
		t.Fatal(err)
	}
	out := runJSON(t, coll, runner.Options{})
	var rep struct {
		Collection struct {
			Item []struct{ Response []json.RawMessage }
		}
		Run struct {
			Failures []struct {
				Source struct{ Response []json.RawMessage }
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Collection.Item) != 1 || len(rep.Run.Failures) != 1 {
		t.Fatalf("%d items, %d failures; want 1 and 1", len(rep.Collection.Item), len(rep.Run.Failures))
	}
	for name, c := range map[string]struct {
		got  []json.RawMessage
		want json.RawMessage
	}{"collection": {rep.Collection.Item[0].Response, want.Collection}, "request failure's source": {rep.Run.Failures[0].Source.Response, want.RequestFailureSource}} {
		var wantList []json.RawMessage
		if err := json.Unmarshal(c.want, &wantList); err != nil {
			t.Fatal(err)
		}
		if len(c.got) != len(wantList) {
			t.Fatalf("%s: %d examples, want %d", name, len(c.got), len(wantList))
		}
		for i := range c.got {
			if g, w := errorWithout(t, c.got[i]), errorWithout(t, wantList[i]); g != w {
				t.Errorf("%s: example\n%s\nwant Newman's\n%s", name, g, w)
			}
		}
	}
}
