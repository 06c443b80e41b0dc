package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestJSONReportURLAuth: the request URL of an execution keeps the URL's
// credentials as Newman 6.2.2 writes them (recorded below for the same
// URLs against the echo server; HOST and PORT stand for its address). They
// are the collection's own text: a secret variable in them is masked
// before any reporter sees the event (see docs/security.md).
func TestJSONReportURLAuth(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	hostport := strings.TrimPrefix(base, "http://")
	host, port, _ := strings.Cut(hostport, ":")
	cases := []struct{ url, newman string }{
		{"http://us%40r:p%40ssword@HOST:PORT/get", `{"auth":{"user":"us%40r","password":"p%40ssword"},"protocol":"http","port":"PORT","path":["get"],"host":HOSTPARTS,"query":[],"variable":[]}`},
		{"http://user@HOST:PORT/get?x=1", `{"auth":{"user":"user"},"protocol":"http","port":"PORT","path":["get"],"host":HOSTPARTS,"query":[{"key":"x","value":"1"}],"variable":[]}`},
		{"http://user:@HOST:PORT/get", `{"auth":{"user":"user","password":""},"protocol":"http","port":"PORT","path":["get"],"host":HOSTPARTS,"query":[],"variable":[]}`},
		{"http://HOST:PORT/get", `{"protocol":"http","port":"PORT","path":["get"],"host":HOSTPARTS,"query":[],"variable":[]}`},
	}
	parts, _ := json.Marshal(strings.Split(host, "."))
	fill := strings.NewReplacer("HOSTPARTS", string(parts), "HOST", host, "PORT", port)
	var items []*collections.Item
	for i, c := range cases {
		items = append(items, &collections.Item{ID: string(rune('a' + i)), Name: c.url,
			Request: &collections.Request{Method: "GET", URL: collections.ParseURL(fill.Replace(c.url))}})
	}
	out := runJSON(t, &collections.Collection{Info: collections.Info{Name: "auth"}, Items: items}, runner.Options{})
	var rep struct {
		Run struct {
			Executions []struct {
				Request struct{ URL json.RawMessage }
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Executions) != len(cases) {
		t.Fatalf("%d executions for %d requests", len(rep.Run.Executions), len(cases))
	}
	for i, c := range cases {
		var got bytes.Buffer
		if err := json.Compact(&got, rep.Run.Executions[i].Request.URL); err != nil {
			t.Fatal(err)
		}
		if want := fill.Replace(c.newman); got.String() != want {
			t.Errorf("%s:\n got    %s\n newman %s", c.url, got.String(), want)
		}
	}
}
