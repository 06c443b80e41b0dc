package scripting

import (
	"context"
	"testing"
)

// BenchmarkScriptFragments prices the pieces typical test scripts are made
// of, each a whole test script run (subtract "empty" for the piece's own
// cost). The response body is echo-like, about 600 bytes of JSON.
func BenchmarkScriptFragments(b *testing.B) {
	body := []byte(`{"args":{},"data":{"name":"pop-1","description":"a population for the bench","attributes":{"a":1,"b":[1,2,3]}},` +
		`"files":{},"form":{},"headers":{"host":"127.0.0.1:18080","user-agent":"PostmanRuntime/7.39.1","accept":"*/*",` +
		`"cache-control":"no-cache","postman-token":"0f6a8f0e-5c8a-4b8e-9b7e-2f1f0c7c9a11","accept-encoding":"gzip, deflate, br",` +
		`"connection":"keep-alive","content-type":"application/json","content-length":"96","authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.bench.token"},` +
		`"json":{"name":"pop-1","description":"a population for the bench","attributes":{"a":1,"b":[1,2,3]}},"url":"http://127.0.0.1:18080/post"}`)
	for _, f := range []struct{ name, src string }{
		{"empty", `var a = 1;`},
		{"pm.info.iteration", `var a = pm.info.iteration;`},
		{"pm.response", `var a = pm.response;`},
		{"pm.response.json", `var j = pm.response.json();`},
		{"pm.test", `pm.test("t", function () {});`},
		{"to.have.status", `pm.test("t", function () { pm.response.to.have.status(200); });`},
		{"be.an object", `var j = {json: {}}; pm.test("t", function () { pm.expect(j.json).to.be.an('object'); });`},
		{"eql string", `pm.test("t", function () { pm.expect("pop-1").to.eql("pop-1"); });`},
		{"include string", `pm.test("t", function () { pm.expect("Bearer x").to.include("x"); });`},
		{"variables get/set", `pm.variables.set("runName", "pop-" + 1); var v = pm.variables.get("runName");`},
		{"environment.set", `pm.environment.set("populationID", "x-pop");`},
		{"bench: create population", `pm.variables.set("runName", "pop-1");
pm.test("Status code is 200", function () {
    pm.response.to.have.status(200);
});
var jsonData = pm.response.json();
pm.test("echoes the body", function () {
    pm.expect(jsonData.json).to.be.an('object');
    pm.expect(jsonData.json.name).to.eql(pm.variables.get("runName"));
});
pm.environment.set("populationID", jsonData.json.name + "-pop");`},
	} {
		b.Run(f.name, func(b *testing.B) {
			e, _ := newTestEngine(b, Options{})
			x := testExec("test", f.src)
			x.Response.Body = body
			ctx := context.Background()
			if r := e.Run(ctx, x); r.Err != nil || (len(r.Tests) > 0 && !r.Tests[0].Passed) {
				b.Fatalf("warm-up: %+v", r)
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu := startCPUClock()
			for i := 0; i < b.N; i++ {
				if r := e.Run(ctx, x); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
			cpu.report(b)
		})
	}
}

// BenchmarkScriptAlternating runs an empty pre-request script and an empty
// test script per op, as a request with both does: the sandbox switches its
// globals (the response ones, postman) between the two.
func BenchmarkScriptAlternating(b *testing.B) {
	e, _ := newTestEngine(b, Options{})
	pre, test := testExec("prerequest", `var a = 1;`), testExec("test", `var a = 1;`)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPUClock()
	for i := 0; i < b.N; i++ {
		if r := e.Run(ctx, pre); r.Err != nil {
			b.Fatal(r.Err)
		}
		if r := e.Run(ctx, test); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
	cpu.report(b)
}

// BenchmarkTypicalTestScriptReadingJSON is a typical test script that reads
// the echo's json field (jsonData.json.name, as bench/run.sh's collection
// does), beside the same script reading a field of another name (data):
// json is also Response#json's name, and a script that takes a shape method
// off its object installs the shapes' pass (fnshapes.go), after which every
// method call goes through the pass's wrapper. "after-pass" runs the json
// script in an engine where an earlier script took a method.
func BenchmarkTypicalTestScriptReadingJSON(b *testing.B) {
	body := []byte(`{"args":{},"data":{"name":"pop-1"},"json":{"name":"pop-1"},"url":"http://127.0.0.1:18080/post"}`)
	for _, c := range []struct{ name, field, first string }{
		{"data", "data", ""}, {"json", "json", ""}, {"after-pass", "json", `const f = pm.response.text; pm.test(typeof f, () => {});`},
	} {
		b.Run(c.name, func(b *testing.B) {
			e, _ := newTestEngine(b, Options{})
			ctx := context.Background()
			if c.first != "" {
				if r := e.Run(ctx, testExec("test", c.first)); r.Err != nil || !e.protoShapesInstalled {
					b.Fatalf("first script: %+v", r)
				}
			}
			x := readingJSONScript(c.field, body)
			if r := e.Run(ctx, x); r.Err != nil || len(r.Tests) != 2 || !r.Tests[0].Passed || !r.Tests[1].Passed {
				b.Fatalf("warm-up: %+v", r)
			}
			if e.protoShapesInstalled != (c.first != "") {
				b.Fatalf("shapes' pass installed: %v", e.protoShapesInstalled)
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu := startCPUClock()
			for b.Loop() {
				if r := e.Run(ctx, x); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
			cpu.report(b)
		})
	}
}

func readingJSONScript(field string, body []byte) *Exec {
	x := testExec("test", `pm.test("Status code is 200", function () { pm.response.to.have.status(200); });
var jsonData = pm.response.json();
pm.test("echoes the body", function () {
    pm.expect(jsonData.`+field+`).to.be.an('object');
    pm.expect(jsonData.`+field+`.name).to.eql("pop-1");
});
pm.environment.set("populationID", jsonData.`+field+`.name + "-pop");`)
	x.Response.Body = body
	return x
}

// BenchmarkFirstScriptTakingMethod is a run's start (a new engine and its
// first script) when that script takes a shape method off its object,
// which installs the shapes' pass, beside one that does not.
func BenchmarkFirstScriptTakingMethod(b *testing.B) {
	body := []byte(`{"json":{"name":"pop-1"}}`)
	for _, c := range []struct{ name, src string }{
		{"no", `var j = pm.response.json(); pm.test("t", () => pm.expect(j.json.name).to.eql("pop-1"));`},
		{"yes", `var j = pm.response.json(); pm.test("t", () => pm.expect(j.json.name).to.eql("pop-1")); var f = pm.response.text;`},
	} {
		b.Run(c.name, func(b *testing.B) {
			x := testExec("test", c.src)
			x.Response.Body = body
			b.ReportAllocs()
			cpu := startCPUClock()
			for b.Loop() {
				e, err := NewEngine(Options{})
				if err != nil {
					b.Fatal(err)
				}
				if r := e.Run(context.Background(), x); r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed || e.protoShapesInstalled != (c.name == "yes") {
					b.Fatalf("%+v", r)
				}
				e.Close()
			}
			cpu.report(b)
		})
	}
}
