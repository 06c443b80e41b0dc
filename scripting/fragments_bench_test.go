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
