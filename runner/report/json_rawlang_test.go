package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// TestJSONRawBodyLanguageFromCollection: when the request as sent has a raw
// body whose form names no language (a script replaced the body), the
// report's body options take the language the collection's item gives its
// raw body; an item whose id does not match, or whose body names none,
// gives no options.
func TestJSONRawBodyLanguageFromCollection(t *testing.T) {
	t.Parallel()
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c"},"item":[
		{"name":"a","id":"ida","request":{"method":"POST","url":"http://x/a","body":{"mode":"raw","raw":"{}","options":{"raw":{"language":"json"}}}}},
		{"name":"b","id":"idb","request":{"method":"POST","url":"http://x/b","body":{"mode":"raw","raw":"x"}}}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		ref  runner.ItemRef
		want string // the raw language in the report; "" for no options
	}{
		{"item with a language", runner.ItemRef{ID: "ida", Name: "a", Key: 1}, "json"},
		{"item without one", runner.ItemRef{ID: "idb", Name: "b", Key: 2}, ""},
		{"another item at that place", runner.ItemRef{ID: "other", Name: "a", Key: 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			j := NewJSON(&buf, JSONOptions{SpoolDir: t.TempDir()})
			started := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			form := &collections.Request{Method: "POST", URL: collections.ParseURL("http://127.0.0.1:1/a"),
				Body: &collections.Body{Mode: collections.BodyRaw, Raw: "replaced"}}
			for _, ev := range []runner.Event{
				runner.StartEvent{Collection: coll, Iterations: 1, Started: started, Total: 2},
				runner.ItemStartEvent{Item: tt.ref},
				runner.RequestEvent{Item: tt.ref, Request: runner.SentRequest{Method: "POST", URL: "http://127.0.0.1:1/a", Body: []byte("replaced"), Form: form},
					Response: &runner.Response{Code: 200, Status: "OK"}},
				runner.ItemDoneEvent{Item: tt.ref},
				runner.DoneEvent{Summary: &runner.Summary{Started: started, Completed: started}},
			} {
				j.Handle(ev)
			}
			if err := j.Close(); err != nil {
				t.Fatal(err)
			}
			var r struct {
				Run struct {
					Executions []struct {
						Request struct {
							Body struct {
								Raw     string `json:"raw"`
								Options *struct {
									Raw struct {
										Language string `json:"language"`
									} `json:"raw"`
								} `json:"options"`
							} `json:"body"`
						} `json:"request"`
					} `json:"executions"`
				} `json:"run"`
			}
			if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			if len(r.Run.Executions) != 1 {
				t.Fatalf("%d executions", len(r.Run.Executions))
			}
			body := r.Run.Executions[0].Request.Body
			got := ""
			if body.Options != nil {
				got = body.Options.Raw.Language
			}
			if body.Raw != "replaced" || got != tt.want {
				t.Errorf("body %q, language %q; want %q", body.Raw, got, tt.want)
			}
		})
	}
}
