package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// Newman's --verbose shows a request's body as postman-collection's
// RequestBody#toString gives it: an urlencoded body's enabled fields
// escaped only where a query string would break ("&", "#", "=" in a key),
// no text for a form-data or GraphQL body (an empty line in the box), a raw
// body without its blank lines. Newman 6.2.2's lines, recorded three times
// alike under unshare -n against the echo server (a file body is left out:
// whether Newman knows its size, and shows the box at all, varies from run
// to run).
func TestCLIVerboseRequestBodiesAsNewman(t *testing.T) {
	t.Parallel()
	url := echotest.Start(t) + "/post"
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"v","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
{"name":"ue","request":{"method":"POST","url":"`+url+`","body":{"mode":"urlencoded","urlencoded":[{"key":"a b","value":"c d&e=f"},{"key":"x","value":"é+1"},{"key":"off","value":"1","disabled":true}]}}},
{"name":"fd","request":{"method":"POST","url":"`+url+`","body":{"mode":"formdata","formdata":[{"key":"k","value":"v","type":"text"}]}}},
{"name":"gq","request":{"method":"POST","url":"`+url+`","body":{"mode":"graphql","graphql":{"query":"{a}","variables":"{\"x\":1}"}}}},
{"name":"raw","request":{"method":"POST","url":"`+url+`","body":{"mode":"raw","raw":"line1\n\n\nline2"}}}]}`), "v.json")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	c := NewCLI(&out, CLIOptions{Verbose: true})
	r := &runner.Runner{Collection: coll, Sink: c, Options: runner.Options{LoopbackOnly: true}}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	var got []string
	lines := strings.Split(out.String(), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "  ┌ ↑ ") {
			for _, b := range lines[i:] {
				got = append(got, strings.TrimRight(b, " "))
				if strings.HasPrefix(b, "  └") {
					break
				}
			}
		}
	}
	want := []string{
		"  ┌ ↑ urlencoded ★ 32B", "  │ a b=c d%26e=f&x=é+1", "  └",
		"  ┌ ↑ formdata ★ 157B", "  │", "  └",
		"  ┌ ↑ graphql ★ 35B", "  │", "  └",
		"  ┌ ↑ raw ★ 13B", "  │ line1", "  │ line2", "  └",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("request bodies\n%s\nwant Newman's\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
