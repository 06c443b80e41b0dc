package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// A URL object whose parts disagree with its raw text (another port, path,
// query; hand-edited files) is written by its parts in the JSON report, as
// postman-collection reads an object: the item's request, its saved
// examples' original requests and the request sent. newman-url-parts
// holds Newman 6.2.2's three URLs (recorded three times, the same each
// time); key order included. Until session 22 courier split the raw text
// again for the item and its examples.
func TestJSONURLPartsBesideRawAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-url-parts", "")
	var want struct {
		RequestURL  json.RawMessage   `json:"requestURL"`
		ExampleURLs []json.RawMessage `json:"exampleURLs"`
		SentURL     json.RawMessage   `json:"sentURL"`
	}
	g.decode(t, "newman-6.2.2-urls.json", &want)
	coll, err := collections.LoadBytes(g.read(t, "collection.json"), "collection.json")
	if err != nil {
		t.Fatal(err)
	}
	// The request goes to 127.0.0.1:2, refused at once (nothing listens
	// on a port below 1024 here); its URL is what is compared.
	out := runJSON(t, coll, runner.Options{LoopbackOnly: true})
	var rep struct {
		Collection struct {
			Item []struct {
				Request  struct{ URL json.RawMessage }
				Response []struct {
					OriginalRequest struct{ URL json.RawMessage } `json:"originalRequest"`
				}
			}
		}
		Run struct {
			Executions []struct {
				Request struct{ URL json.RawMessage }
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Collection.Item) != 1 || len(rep.Run.Executions) != 1 || len(rep.Collection.Item[0].Response) != len(want.ExampleURLs) {
		t.Fatalf("report shape: %s", out)
	}
	same := func(name string, got, want json.RawMessage) {
		t.Helper()
		var g, w bytes.Buffer
		if err := json.Compact(&g, got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := json.Compact(&w, want); err != nil {
			t.Fatal(err)
		}
		if g.String() != w.String() {
			t.Errorf("%s:\n%s\nwant Newman's\n%s", name, g.String(), w.String())
		}
	}
	same("item request", rep.Collection.Item[0].Request.URL, want.RequestURL)
	for i, ex := range rep.Collection.Item[0].Response {
		same(fmt.Sprintf("example %d", i), ex.OriginalRequest.URL, want.ExampleURLs[i])
	}
	same("sent request", rep.Run.Executions[0].Request.URL, want.SentURL)
}
