package scripting

import (
	"context"
	"strings"
	"testing"
	"time"
)

// pmSurface lists the documented pm members (PM_API.md §2.1) and legacy
// globals (§2.2) with the listen they need; each must be defined. PM_API.md
// lists pm.response.body too, but Newman 6.2.2's reads undefined (only the
// newer runtime of v12 runs has one: fresh-round9p-a.json).
var pmSurface = []string{
	"pm.info", "pm.info.eventName", "pm.info.iteration", "pm.info.iterationCount", "pm.info.requestName", "pm.info.requestId",
	"pm.test", "pm.test.skip", "pm.test.index", "pm.expect", "pm.expect.fail",
	"pm.sendRequest", "pm.visualizer.set", "pm.visualizer.clear",
	"pm.execution.setNextRequest", "pm.execution.skipRequest", "pm.execution.location", "pm.execution.location.current",
	"pm.cookies", "pm.cookies.jar", "pm.cookies.get", "pm.cookies.has", "pm.cookies.one", "pm.cookies.all", "pm.cookies.each",
	"pm.cookies.filter", "pm.cookies.find", "pm.cookies.count", "pm.cookies.idx", "pm.cookies.indexOf", "pm.cookies.map",
	"pm.cookies.reduce", "pm.cookies.toObject", "pm.cookies.toString",
	"pm.request", "pm.request.url", "pm.request.method", "pm.request.headers", "pm.request.body", "pm.request.to",
	"pm.request.addHeader", "pm.request.removeHeader", "pm.request.upsertHeader", "pm.request.addQueryParams",
	"pm.request.removeQueryParams", "pm.request.getHeaders", "pm.request.clone", "pm.request.size", "pm.request.toJSON",
	"pm.request.forEachHeader", "pm.request.url.toString", "pm.request.url.getHost", "pm.request.url.getPath",
	"pm.request.url.getQueryString", "pm.request.url.query", "pm.request.url.variables",
	"pm.request.headers.add", "pm.request.headers.upsert", "pm.request.headers.remove", "pm.request.headers.get",
	"pm.request.headers.has", "pm.request.headers.each", "pm.request.headers.toObject", "pm.request.headers.all",
	"pm.response", "pm.response.code", "pm.response.status", "pm.response.headers", "pm.response.cookies",
	"pm.response.responseTime", "pm.response.responseSize", "pm.response.json", "pm.response.jsonp", "pm.response.text",
	"pm.response.reason", "pm.response.dataURI", "pm.response.size", "pm.response.contentInfo", "pm.response.mime",
	"pm.response.encoding", "pm.response.to", "pm.response.to.have", "pm.response.to.be",
	"responseBody", "responseCode", "responseCode.code", "responseCode.name", "responseCode.detail", "responseHeaders",
	"responseCookies", "responseTime", "environment", "globals", "data", "iteration", "request", "request.url",
	"request.method", "request.headers", "request.data", "tests",
	"postman.setEnvironmentVariable", "postman.getEnvironmentVariable", "postman.clearEnvironmentVariable",
	"postman.clearEnvironmentVariables", "postman.setGlobalVariable", "postman.getGlobalVariable",
	"postman.clearGlobalVariable", "postman.clearGlobalVariables", "postman.setNextRequest",
	"postman.getResponseHeader", "postman.getResponseCookie",
	"xml2Json", "_", "CryptoJS", "tv4", "cheerio",
	"atob", "btoa", "Buffer", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "setTimeout", "setInterval",
	"setImmediate", "clearTimeout", "clearInterval", "clearImmediate", "structuredClone", "queueMicrotask",
	"crypto.getRandomValues", "crypto.randomUUID", "crypto.subtle.digest", "crypto.subtle.importKey",
	"crypto.subtle.sign", "crypto.subtle.verify", "require", "console.log", "console.info", "console.warn",
	"console.error", "console.debug",
}

var scopeMethods = []string{"has", "get", "set", "unset", "clear", "toObject", "toJSON", "replaceIn"}

func TestPMSurface(t *testing.T) {
	t.Parallel()
	members := append([]string(nil), pmSurface...)
	for _, s := range []string{"variables", "environment", "collectionVariables", "globals", "iterationData"} {
		for _, m := range scopeMethods {
			members = append(members, "pm."+s+"."+m)
		}
	}
	chai := []string{"ok", "error", "json", "withBody", "info", "success", "redirection", "clientError", "serverError",
		"accepted", "withoutContent", "badRequest", "unauthorized", "unauthorised", "forbidden", "notFound",
		"notAcceptable", "rateLimited", "status", "statusCode", "statusCodeClass", "statusReason", "header", "body",
		"jsonBody", "jsonSchema", "responseTime", "responseSize", "postmanRequest", "postmanResponse", "postmanRequestOrResponse"}
	var b strings.Builder
	b.WriteString("const missing = [];\nconst check = (p, f) => { let v; try { v = f(); } catch (e) { missing.push(p + ' threw ' + e); return; } if (v === undefined) missing.push(p); };\n")
	for _, m := range members {
		b.WriteString("check(" + jsString(m) + ", () => " + m + ");\n")
	}
	b.WriteString("const A = Object.getPrototypeOf(pm.expect(1));\n")
	for _, c := range chai {
		b.WriteString("if (!(" + jsString(c) + " in A)) missing.push('chai-postman ' + " + jsString(c) + ");\n")
	}
	b.WriteString("pm.test('surface', () => { if (missing.length) throw new Error('missing: ' + missing.join(', ')); });\n")
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", b.String()))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("%+v", r.Tests)
	}
	// pm.response is absent from pre-request scripts, and pm.vault from Newman-era sandboxes.
	r = e.Run(context.Background(), &Exec{Listen: "prerequest", Name: "p", Source: `pm.test("absent", () => { pm.expect(pm.response).to.be.undefined; pm.expect(typeof responseBody).to.equal("undefined"); pm.expect(pm.vault).to.be.undefined; });`})
	if r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("prerequest absence: %+v", r)
	}
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", "\\'") + "'" }

func BenchmarkTypicalTestScript(b *testing.B) {
	e, _ := newTestEngine(b, Options{})
	src := `const j = pm.response.json(); pm.test("status", () => pm.response.to.have.status(200)); pm.test("id", () => pm.expect(j.id).to.be.a("string")); pm.environment.set("id", j.id);`
	x := testExec("test", src)
	ctx := context.Background()
	if r := e.Run(ctx, x); r.Err != nil || len(r.Tests) != 2 || !r.Tests[0].Passed || !r.Tests[1].Passed {
		b.Fatalf("warm-up: %+v", r)
	}
	b.ResetTimer()
	cpu := startCPUClock()
	for i := 0; i < b.N; i++ {
		r := e.Run(ctx, x)
		if r.Err != nil {
			b.Fatal(r.Err)
		}
	}
	cpu.report(b)
}

// BenchmarkEngineEmptyScript is the per-script overhead floor: pm set up,
// one trivial statement, results collected.
func BenchmarkEngineEmptyScript(b *testing.B) {
	e, _ := newTestEngine(b, Options{})
	x := testExec("test", `var a = 1;`)
	ctx := context.Background()
	b.ResetTimer()
	cpu := startCPUClock()
	for i := 0; i < b.N; i++ {
		if r := e.Run(ctx, x); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
	cpu.report(b)
}

// cpuClock measures the process's CPU time (user+system, all threads, GC
// included) over a benchmark loop: on a shared machine wall time per op
// mostly measures the neighbours.
type cpuClock struct{ start time.Duration }

func startCPUClock() cpuClock { return cpuClock{processCPU()} }

func (c cpuClock) report(b *testing.B) {
	if !haveProcessCPU {
		return
	}
	b.ReportMetric(float64(processCPU()-c.start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkNewEngine is the once-per-run cost of a sandbox context.
func BenchmarkNewEngine(b *testing.B) {
	for i := 0; i < b.N; i++ {
		e, err := NewEngine(Options{})
		if err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
}
