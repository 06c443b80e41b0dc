package scripting

import (
	"context"
	"fmt"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
)

func TestSmoke(t *testing.T) {
	e, err := NewEngine(Options{Console: func(l ConsoleLine) { fmt.Println("CONSOLE", l.Level, l.Text, "|", l.Message) }})
	if err != nil {
		t.Fatal(err)
	}
	sc := &environments.Scopes{Environment: environments.NewScope("env", nil), Local: environments.NewScope("local", nil)}
	x := &Exec{Listen: "test", Name: "smoke", Scopes: sc, Request: &collections.Request{Method: "GET", URL: collections.URL{Raw: "http://x.com/a?b=1"}},
		Response: &Response{Code: 200, Status: "OK", Header: []collections.Header{{Key: "Content-Type", Value: "application/json"}}, Body: []byte(`{"id":"abc"}`), Size: 12},
		Source: `const j = pm.response.json(); pm.test("status", () => pm.response.to.have.status(200)); pm.test("id", () => pm.expect(j.id).to.be.a("string")); pm.environment.set("id", j.id);
pm.test("bad", () => pm.response.to.have.status(201)); console.log({a:1}, "x", [1,2]); tests["t"] = 0; nosuch();`}
	r := e.Run(context.Background(), x)
	fmt.Printf("%+v\n", r)
}
