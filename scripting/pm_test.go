package scripting

import (
	"testing"

	"github.com/courier-run/courier/collections"
)

// Each snippet asserts with pm.test/pm.expect; runJS fails on any failure.
func TestPMAPI(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, listen, src string
	}{
		{"info", "test", `
pm.test("info", () => {
  pm.expect(pm.info.eventName).to.equal("test");
  pm.expect(pm.info.iteration).to.equal(1);
  pm.expect(pm.info.iterationCount).to.equal(3);
  pm.expect(pm.info.requestName).to.equal("Get user");
  pm.expect(pm.info.requestId).to.equal("rid-1");
  pm.expect(JSON.stringify(pm.info)).to.equal("{}");
  pm.expect(Object.keys(pm.info)).to.eql([]);
  pm.expect(Object.getOwnPropertyNames(pm.info)).to.eql(["eventName", "iteration", "iterationCount", "requestName", "requestId"]);
  pm.expect(Object.getOwnPropertyDescriptor(pm.info, "iteration")).to.eql({value: 1, writable: false, enumerable: false, configurable: false});
  pm.info.iteration = 7;
  pm.expect(pm.info.iteration).to.equal(1);
  pm.expect(pm.info).to.equal(pm.info);
});`},
		{"variables precedence and local set", "test", `
pm.test("precedence", () => {
  pm.expect(pm.variables.get("shadow")).to.equal("fromEnv");
  pm.expect(pm.variables.get("g")).to.equal("global");
  pm.expect(pm.variables.get("row")).to.equal("r1");
  pm.variables.set("shadow", "local");
  pm.expect(pm.variables.get("shadow")).to.equal("local");
  pm.expect(pm.environment.get("shadow")).to.equal("fromEnv");
  pm.expect(pm.variables.has("nope")).to.be.false;
  pm.expect(pm.variables.toObject()).to.include({shadow: "local", g: "global", c: "coll", e: "env", row: "r1"});
});`},
		{"typed values round trip", "test", `
pm.test("types", () => {
  pm.environment.set("n", 5); pm.expect(pm.environment.get("n")).to.equal(5);
  pm.environment.set("b", true); pm.expect(pm.environment.get("b")).to.equal(true);
  pm.environment.set("s", "5"); pm.expect(pm.environment.get("s")).to.equal("5");
  pm.environment.set("o", {a: 1, b: [1, 2]}); pm.expect(pm.environment.get("o")).to.eql({a: 1, b: [1, 2]});
  pm.environment.set("arr", [1, "x"]); pm.expect(pm.environment.get("arr")).to.eql([1, "x"]);
  pm.environment.set("nl", null); pm.expect(pm.environment.get("nl")).to.equal(null);
  pm.environment.set("u", undefined); pm.expect(pm.environment.get("u")).to.equal(undefined);
  pm.expect(pm.environment.has("u")).to.be.true;
  pm.expect(pm.environment.get("missing")).to.equal(undefined);
});`},
		{"scope methods", "test", `
pm.test("unset clear toJSON replaceIn name", () => {
  pm.globals.set("gx", "1");
  pm.expect(pm.globals.has("gx")).to.be.true;
  pm.globals.unset("gx");
  pm.expect(pm.globals.has("gx")).to.be.false;
  pm.collectionVariables.set("cv", "v");
  pm.expect(pm.collectionVariables.toJSON().values.map(v => v.key)).to.include("cv");
  pm.collectionVariables.clear();
  pm.expect(pm.collectionVariables.toObject()).to.eql({});
  pm.expect(pm.environment.replaceIn("https://{{host}}/{{missing}}")).to.equal("https://example.com/{{missing}}");
  pm.expect(pm.variables.replaceIn("{{e}}-{{row}}")).to.equal("env-r1");
  pm.expect(pm.environment.name).to.equal("Staging");
  pm.expect(pm.iterationData.get("row")).to.equal("r1");
  pm.expect(pm.iterationData.toObject()).to.eql({row: "r1"});
});`},
		{"request read", "prerequest", `
pm.test("request", () => {
  const r = pm.request;
  pm.expect(r.method).to.equal("POST");
  pm.expect(r.url.toString()).to.equal("https://api.example.com/v1/users/42?q=1&flag");
  pm.expect(r.url.getHost()).to.equal("api.example.com");
  pm.expect(r.url.getPath()).to.equal("/v1/users/42");
  pm.expect(r.url.getPath(true)).to.equal("/v1/users/:id");
  pm.expect(r.url.getQueryString()).to.equal("q=1&flag");
  pm.expect(r.url.query.get("q")).to.equal("1");
  pm.expect(r.url.variables.get("id")).to.equal("42");
  pm.expect(r.headers.get("x-trace")).to.equal("t1");
  pm.expect(r.headers.has("X-TRACE")).to.be.true;
  pm.expect(r.headers.toObject()).to.eql({"x-trace": "t1", "content-type": "application/json"});
  pm.expect(r.getHeaders()).to.eql({"X-Trace": "t1", "Content-Type": "application/json"});
  pm.expect(r.body.mode).to.equal("raw");
  pm.expect(r.body.raw).to.equal('{"k":1}');
  pm.expect(r.toJSON().url.host).to.eql(["api", "example", "com"]);
  pm.request.to.have.header("X-Trace", "t1");
  let n = 0; r.headers.each(h => n++); pm.expect(n).to.equal(2);
});`},
		{"response", "test", `
pm.test("response", () => {
  const r = pm.response;
  pm.expect(r.code).to.equal(200);
  pm.expect(r.status).to.equal("OK");
  pm.expect(r.reason()).to.equal("OK");
  pm.expect(r.responseTime).to.equal(42);
  pm.expect(r.responseSize).to.equal(55);
  pm.expect(r.json().tags).to.eql(["a", "b"]);
  pm.expect(r.text()).to.include('"id":"u-1"');
  pm.expect(r.headers.get("content-type")).to.equal("application/json; charset=utf-8");
  pm.expect(r.headers.get("X-Multi")).to.equal("two");
  pm.expect(r.headers.toObject()["x-multi"]).to.eql(["one", "two"]); /* Newman 6.2.2: repeated headers collect */
  pm.expect(r.url).to.be.undefined;
  pm.expect(r.size().body).to.equal(55);
  pm.expect(r.contentInfo()).to.include({mimeType: "text", mimeFormat: "json", charset: "utf8"});
  pm.expect(r.dataURI()).to.match(/^data:application\/json;base64, eyJ/);
  pm.expect(() => r.mime()).to.throw("discontinued");
  pm.expect(r.details().code).to.equal(200);
});`},
		{"chai-postman passing", "test", `
pm.test("to", () => {
  pm.response.to.have.status(200);
  pm.response.to.have.status("OK");
  pm.response.to.be.ok;
  pm.response.to.be.success;
  pm.response.to.not.be.error;
  pm.response.to.not.be.clientError;
  pm.response.to.be.json;
  pm.response.to.be.withBody;
  pm.response.to.have.header("Content-Type");
  pm.response.to.have.header("content-type", "application/json; charset=utf-8");
  pm.response.to.not.have.header("X-Nope");
  pm.response.to.have.jsonBody("nested.ok", true);
  pm.response.to.have.jsonBody("id");
  pm.response.to.have.body(/u-1/);
  pm.response.to.have.statusCodeClass(2);
  pm.response.to.have.jsonSchema({type: "object", required: ["id"], properties: {id: {type: "string"}}});
  pm.response.to.have.responseTime.below(1000);
  pm.expect(pm.response.json()).to.have.nested.property("nested.ok", true);
  pm.expect(pm.response.json().id).to.be.a("string").and.not.empty;
});`},
		{"cookies", "test", `
pm.test("cookies", () => {
  pm.expect(pm.cookies.get("sid")).to.equal("abc");
  pm.expect(pm.cookies.has("sid")).to.be.true;
  pm.expect(pm.cookies.toObject()).to.eql({sid: "abc"});
  pm.expect(pm.cookies.one("sid").httpOnly).to.be.true;
  pm.expect(pm.cookies.count()).to.equal(1);
  pm.expect(typeof pm.cookies.jar).to.equal("function");
});`},
		{"cookie jar promise and callback", "test", `
const jar = pm.cookies.jar();
await jar.set("https://api.example.com/", "tok", "v1");
const got = await jar.get("https://api.example.com/", "tok");
const all = await jar.getAll("https://api.example.com/");
pm.test("promise get", () => {
  pm.expect(got).to.equal("v1");
  pm.expect(all.map(c => c.name)).to.include("tok");
});
await new Promise(resolve => pm.test("callback unset", (done) => {
  jar.unset("https://api.example.com/", "tok", (err) => {
    if (err) { resolve(); return done(err); }
    jar.get("https://api.example.com/", "tok", (err2, v) => {
      try { pm.expect(v).to.be.null; /* Newman 6.2.2: null for a missing cookie */ done(); } catch (e) { done(e); }
      resolve();
    });
  });
}));`},
		// A plain http.CookieJar store reads a cookie string with the run's
		// jar's Set-Cookie parser (internal/setcookie), not a looser copy.
		{"cookie jar string on a plain jar", "test", `
const jar = pm.cookies.jar();
const c = await jar.set("https://api.example.com/", "s=1; Domain=.API.Example.COM; Expires=Wed, 21-Oct-37 07:28:00 GMT; Path=rel; Max-Age=+5; Priority=High");
const refused = await jar.set("https://api.example.com/", "s=\u0001");
pm.test("string set", () => {
  pm.expect(c.domain).to.equal("api.example.com");
  pm.expect(c.path).to.equal("/");
  pm.expect(c.expires.toISOString()).to.equal("2037-10-21T07:28:00.000Z");
  pm.expect(c.extensions).to.eql(["Priority=High"]);
  pm.expect(refused).to.be.undefined;
});`},
		{"execution and visualizer", "prerequest", `
pm.test("exec", () => {
  pm.expect(Array.from(pm.execution.location)).to.eql(["API", "Users", "Get user"]);
  pm.expect(pm.execution.location.current).to.equal("Get user");
  pm.visualizer.set("<b>{{x}}</b>", {x: 1});
  pm.expect(() => pm.require("npm:jsrsasign@11.1.0")).to.throw(TypeError, "pm.require is not a function");
  pm.expect("require" in pm).to.be.false;
  pm.expect(pm.vault).to.be.undefined;
});`},
		{"legacy API", "test", `
pm.test("legacy", () => {
  pm.expect(JSON.parse(responseBody).id).to.equal("u-1");
  pm.expect(responseCode.code).to.equal(200);
  pm.expect(responseCode.name).to.equal("OK");
  pm.expect(responseHeaders["Content-Type"]).to.equal("application/json; charset=utf-8");
  pm.expect(responseTime).to.equal(42);
  // A CookieList, as the sandbox hands it (no [0], no length).
  pm.expect(responseCookies.one("sid").name).to.equal("sid");
  pm.expect(responseCookies.length).to.be.undefined;
  pm.expect(environment.e).to.equal("env");
  pm.expect(globals.g).to.equal("global");
  pm.expect(data.row).to.equal("r1");
  pm.expect(iteration).to.equal(1);
  pm.expect(request.method).to.equal("POST");
  pm.expect(request.headers["x-trace"]).to.equal("t1");
  pm.expect(request.data).to.equal('{"k":1}');
  pm.expect(postman.getResponseHeader("CONTENT-type")).to.equal("application/json; charset=utf-8");
  pm.expect(postman.getResponseCookie("sid").value).to.equal("abc");
  postman.setEnvironmentVariable("le", "1");
  pm.expect(postman.getEnvironmentVariable("le")).to.equal("1");
  postman.clearEnvironmentVariable("le");
  pm.expect(pm.environment.has("le")).to.be.false;
  postman.setGlobalVariable("lg", "2");
  pm.expect(postman.getGlobalVariable("lg")).to.equal("2");
  postman.clearGlobalVariable("lg");
  pm.expect(pm.globals.has("lg")).to.be.false;
});
tests["legacy truthy"] = true;`},
		{"legacy setters stringify like Postman", "test", `
postman.setEnvironmentVariable("one", 1);
postman.setEnvironmentVariable("zero", 0);
postman.setEnvironmentVariable("f", false);
postman.setEnvironmentVariable("obj", {a: 1});
postman.setGlobalVariable("t", true);
postman.setGlobalVariable("u", undefined);
pm.test("legacy set", () => {
  pm.expect(pm.environment.get("one")).to.equal("1");
  pm.expect(pm.environment.get("zero")).to.equal(0);
  pm.expect(pm.environment.get("f")).to.equal(false); // (false && false.toString) is not a function
  pm.expect(pm.environment.get("obj")).to.equal("[object Object]");
  pm.expect(pm.globals.get("t")).to.equal("true");
  pm.expect(environment.one).to.equal("1");
});`},
		{"legacy request object", "prerequest", `
pm.test("legacy request", () => {
  pm.expect(request.method).to.equal("POST");
  pm.expect(request.name).to.equal("Get user");
  pm.expect(request.id).to.equal("rid-1");
  pm.expect(request.headers).to.eql({"x-trace": "t1", "content-type": "application/json"});
  pm.expect(request.data).to.equal('{"k":1}');
});`},
		{"libraries", "test", `
pm.test("libs", () => {
  pm.expect(CryptoJS.SHA256("abc").toString()).to.equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  pm.expect(CryptoJS.enc.Base64.stringify(CryptoJS.HmacSHA256("m", "k"))).to.be.a("string");
  pm.expect(_.map([1, 2], x => x * 2)).to.eql([2, 4]);
  pm.expect(require("lodash").chunk([1, 2, 3], 2)).to.eql([[1, 2], [3]]);
  pm.expect(require("moment")("2020-01-02", "YYYY-MM-DD").format("DD/MM/YYYY")).to.equal("02/01/2020");
  pm.expect(require("uuid").v4()).to.match(/^[0-9a-f-]{36}$/);
  pm.expect(tv4.validate({a: 1}, {type: "object"})).to.be.true;
  const $ = cheerio.load('<form action="/go"><input name="x"></form>');
  pm.expect($("form").attr("action")).to.equal("/go");
  pm.expect(xml2Json("<a><b>t</b></a>")).to.eql({a: {b: "t"}});
  pm.expect(require("url").parse("http://h.com/p?x=1").pathname).to.equal("/p");
  pm.expect(require("querystring").stringify({a: 1})).to.equal("a=1");
  pm.expect(require("csv-parse/lib/sync")("a,b\n1,2", {columns: true})).to.eql([{a: "1", b: "2"}]);
  pm.expect(require("atob")("aGk=")).to.equal("hi");
  pm.expect(require("buffer").Buffer.from("hi").toString("base64")).to.equal("aGk=");
  pm.expect(() => require("fs")).to.throw(/Cannot find module 'fs': courier's sandbox provides only/);
  pm.expect(() => require("child_process")).to.throw(/Cannot find module/);
});`},
		{"globals", "test", `
pm.test("globals", async () => {
  pm.expect(atob(btoa("hello"))).to.equal("hello");
  pm.expect(btoa(String.fromCharCode(255, 0, 128))).to.equal("/wCA");
  pm.expect(Buffer.from("aGk=", "base64").toString()).to.equal("hi");
  pm.expect(new URL("https://a.com/p?x=1").searchParams.get("x")).to.equal("1");
  pm.expect(new URLSearchParams("a=1&b=2").get("b")).to.equal("2");
  pm.expect(new TextDecoder().decode(new TextEncoder().encode("héllo"))).to.equal("héllo");
  const c = structuredClone({a: [1, {b: 2}], d: new Date(0)});
  pm.expect(c.a[1].b).to.equal(2);
  pm.expect(c.d.getTime()).to.equal(0);
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  pm.expect(bytes.length).to.equal(16);
  pm.expect(crypto.randomUUID()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode("abc"));
  pm.expect(Buffer.from(d).toString("hex")).to.equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("k"), {name: "HMAC", hash: "SHA-256"}, false, ["sign", "verify"]);
  const sig = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode("m"));
  pm.expect(Buffer.from(sig).toString("hex")).to.equal(CryptoJS.HmacSHA256("m", "k").toString());
  pm.expect(await crypto.subtle.verify("HMAC", key, sig, new TextEncoder().encode("m"))).to.be.true;
  let q = []; queueMicrotask(() => q.push(1)); await null; pm.expect(q).to.eql([1]);
});`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{})
			runJS(t, e, testExec(tc.listen, tc.src))
		})
	}
}

// TestLegacyRequestData checks the legacy request.data shapes: repeated
// urlencoded/formdata keys collect their values in an array (Newman's
// multi-value-data collection), disabled params are left out.
func TestLegacyRequestData(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	for _, mode := range []string{collections.BodyURLEncoded, collections.BodyFormData} {
		x := testExec("prerequest", `pm.test("data", () => {
  pm.expect(request.data).to.eql({a: ["1", "2", "3"], b: "x"});
});`)
		params := []collections.FormParam{{Key: "a", Value: "1"}, {Key: "b", Value: "x"}, {Key: "a", Value: "2"}, {Key: "a", Value: "3"}, {Key: "c", Value: "off", Disabled: true}}
		x.Request.Body = &collections.Body{Mode: mode}
		if mode == collections.BodyURLEncoded {
			x.Request.Body.URLEncoded = params
		} else {
			x.Request.Body.FormData = params
		}
		runJS(t, e, x)
	}
	x := testExec("prerequest", `pm.test("empty", () => pm.expect(request.data).to.eql({}));`)
	x.Request.Body = nil
	runJS(t, e, x)
}
