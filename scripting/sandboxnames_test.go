package scripting

import (
	"context"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSandboxScopeClash checks Postman's rule that a top-level let, const
// or class may not redeclare a name of the sandbox's scope: the script is a
// SyntaxError and nothing of it runs. Each row's verdict was read from
// Newman 6.2.2.
func TestSandboxScopeClash(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, listen, src string
		wantErr           string // empty: the script runs
	}{
		{"const data", "test", "const data = pm.response.json();", `test script "req" at 1:7: SyntaxError: Identifier 'data' has already been declared`},
		{"let request on line 2", "prerequest", "var a = 1;\n  let request = 1;", `prerequest script "req" at 2:7: SyntaxError: Identifier 'request' has already been declared`},
		{"class postman", "test", "class postman {}", "Identifier 'postman' has already been declared"},
		{"destructured", "test", "const {data} = {data: 1};", "Identifier 'data' has already been declared"},
		{"renamed in a pattern", "test", "const {a: tests} = {a: 1};", "Identifier 'tests' has already been declared"},
		{"array pattern with default", "test", "const [a, JSON = 1] = [1];", "Identifier 'JSON' has already been declared"},
		{"rest element", "test", "const [...pm] = [1];", "Identifier 'pm' has already been declared"},
		{"a library", "test", "let CryptoJS = 1;", "Identifier 'CryptoJS' has already been declared"},
		{"a response global in a test", "test", "const responseBody = 1;", "Identifier 'responseBody' has already been declared"},
		{"in an async script", "test", "const data = await Promise.resolve(1);", `test script "req" at 1:7: SyntaxError: Identifier 'data' has already been declared`},
		{"a response global before the response", "prerequest", "const responseBody = 1; pm.test('ran', () => {});", ""},
		{"var is allowed", "test", "var request = 1; pm.test('ran', () => {});", ""},
		{"function is allowed", "test", "function data() {} pm.test('ran', () => {});", ""},
		{"nested blocks are their own scope", "test", "{ let data = 1; } if (true) { const tests = 2; } pm.test('ran', () => {});", ""},
		{"inside a function", "test", "(() => { const request = 1; })(); pm.test('ran', () => {});", ""},
		{"require and eval are not parameters", "test", "let require = 1; pm.test('ran', () => {});", ""},
		{"other names", "test", "const response = pm.response.json(); let name = 1; pm.test('ran', () => {});", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{})
			r := e.Run(context.Background(), testExec(tc.listen, tc.src))
			if tc.wantErr == "" {
				require.NoError(t, r.Err)
				require.Len(t, r.Tests, 1, "the script ran")
				return
			}
			require.Error(t, r.Err)
			assert.Contains(t, r.Err.Error(), tc.wantErr)
			assert.Empty(t, r.Tests, "nothing of the script ran")
		})
	}
}

// TestCurrentSandboxAllowsRedeclaration: Postman's current sandbox (Postman
// CLI 1.34, checked with a v2.1 collection against our echo server) runs
// scripts that redeclare a sandbox global at the top level, each seeing its
// own value; Options.CurrentSandbox follows it (v12 collections).
func TestCurrentSandboxAllowsRedeclaration(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		"const responseBody = 'mine'; pm.test('ran', () => pm.expect(responseBody).to.equal('mine'));",
		"const data = 1; pm.test('ran', () => pm.expect(data).to.equal(1));",
		"let request = 2; pm.test('ran', () => pm.expect(request).to.equal(2));",
		"const tests = 3; pm.test('ran', () => pm.expect(tests).to.equal(3));",
		"let CryptoJS = 4; pm.test('ran', () => pm.expect(CryptoJS).to.equal(4));",
		"const responseCode = 5; pm.test('ran', () => pm.expect(responseCode).to.equal(5));",
	} {
		t.Run(src[:strings.Index(src, ";")], func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{CurrentSandbox: true})
			r := e.Run(context.Background(), testExec("test", src))
			require.NoError(t, r.Err)
			require.Len(t, r.Tests, 1)
			assert.True(t, r.Tests[0].Passed, r.Tests[0].Error)
			// The next script still has the sandbox's own.
			r = e.Run(context.Background(), testExec("test", "pm.test('sandbox', () => pm.expect(typeof CryptoJS.MD5).to.equal('function'));"))
			require.NoError(t, r.Err)
			assert.True(t, r.Tests[0].Passed, r.Tests[0].Error)
		})
	}
}

// TestSandboxGlobalsStayInTheScript: assigning a sandbox global (lodash's
// _, CryptoJS, JSON, tests...) changes it for that script only, as in
// Postman where they are parameters of the script's function; other
// implicit globals still carry over to later scripts.
func TestSandboxGlobalsStayInTheScript(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	first := runJS(t, e, testExec("test", `var before = typeof _.map;
_ = 5; CryptoJS = 1; JSON = 7; tests = 3; data++; helper = "kept";
pm.test("the script sees its own values", () => {
    pm.expect(before).to.equal("function");
    pm.expect(_).to.equal(5);
    pm.expect(CryptoJS).to.equal(1);
});`))
	assert.Len(t, first.Tests, 1)
	runJS(t, e, testExec("test", `pm.test("the next script has the sandbox's", () => {
    pm.expect(typeof _.map).to.equal("function");
    pm.expect(typeof CryptoJS.MD5).to.equal("function");
    pm.expect(typeof JSON.parse).to.equal("function");
    pm.expect(helper).to.equal("kept");
});`))
	// Positions on line 1 still point into the user's script.
	r := e.Run(context.Background(), testExec("test", `_ = 1; nosuch();`))
	require.Error(t, r.Err)
	assert.Contains(t, r.Err.Error(), `at 1:14: ReferenceError: nosuch is not defined`, "the call's column, as V8 gives it")
}

func TestAssignedSandboxNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		listen, src string
		want        []string
	}{
		{"test", `_ = 1; x.data = 2; tests["a"] = true; data += 1; ++iteration; request--`, []string{"_", "data", "iteration", "request"}},
		{"test", `if (responseCode == 200 || JSON === 1) {} const f = data => data; var o = {data: 1};`, nil},
		{"test", "var data = JSON.parse(responseBody); pm.test('x', () => { const tests = 1; let request; });", nil},
		{"test", "[_, x] = [1, 2]; ({cheerio} = {}); ({a: CryptoJS} = {}); for (tv4 in {}) {} for (Backbone of []) {}", []string{"_", "cheerio", "CryptoJS", "tv4", "Backbone"}},
		{"test", "atob\n  = 5; /* c */ btoa /* c */ = 6; function f() { xml2Json = 1; }", []string{"atob", "btoa", "xml2Json"}},
		{"prerequest", `responseBody = "x"; pm = 1`, []string{"pm"}},
		{"test", `responseBody = "x"; console.log(...tests)`, []string{"responseBody"}},
	} {
		prg, err := goja.Parse("t", "(function(){"+tc.src+"\n})")
		require.NoError(t, err, tc.src)
		assert.Equal(t, tc.want, assignedSandboxNames(scriptFunction(prg).Body, tc.listen), tc.src)
	}
}

// TestDeclaredSandboxNames: var (in blocks and for heads too) and top-level
// function declarations of sandbox names are found; let/const/class, nested
// functions' own declarations and names outside the scope are not.
func TestDeclaredSandboxNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		listen, src string
		want        []string
	}{
		{"test", "var CryptoJS = CryptoJS || {}; var x, pm = pm; if (1) { var _ = 1 } for (var tests in {}) {}", []string{"CryptoJS", "pm", "_", "tests"}},
		{"test", "function atob() {} var {data, a: [request]} = {}; var responseBody = 1; var require = 1", []string{"data", "request", "responseBody", "atob"}},
		{"prerequest", "var responseBody = 1; var pm", []string{"pm"}},
		{"test", "{ let pm = 1; const _ = 2; class CryptoJS {} } function f() { var tests = 1; function data() {} } (() => { var atob })()", nil},
	} {
		prg, err := goja.Parse("t", "(function(){"+tc.src+"\n})")
		require.NoError(t, err, tc.src)
		assert.Equal(t, tc.want, declaredSandboxNames(scriptFunction(prg), tc.listen), tc.src)
	}
}

// TestTopLevelVarKeepsSandboxGlobal: a top-level var of a sandbox name
// starts with the global's value, as in Newman 6.2.2 (fresh-round8p-vars).
func TestTopLevelVarKeepsSandboxGlobal(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := runJS(t, e, testExec("test", `var pm = pm; var CryptoJS = CryptoJS || {own: true};
pm.test("kept", function () { pm.expect(typeof CryptoJS.MD5).to.equal("function"); pm.expect(CryptoJS.own).to.equal(undefined); });`))
	require.NoError(t, r.Err)
	require.Len(t, r.Tests, 1)
	assert.True(t, r.Tests[0].Passed, r.Tests[0].Error)
}

// TestUndefinedBecomesNull: a variable set to undefined reads back undefined
// in the same script and null afterwards, and {{name}} sends "null", as
// postman-runtime carries a script's changes back as JSON (checked with
// Newman 6.2.2). Objects and arrays substitute as JavaScript prints them.
func TestUndefinedBecomesNull(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", `pm.environment.set("a", undefined); pm.variables.set("v", undefined); pm.environment.set("o", {x: 1}); pm.environment.set("l", [1, [2, 3]]);
pm.test("same script", () => {
    pm.expect(pm.environment.get("a")).to.equal(undefined);
    pm.expect(pm.environment.has("a")).to.equal(true);
    pm.expect(pm.variables.replaceIn("[{{a}}]")).to.equal("[]");
    pm.expect(pm.variables.replaceIn("{{o}}|{{l}}")).to.equal("[object Object]|1,2,3");
});`)
	runJS(t, e, x)
	next := testExec("test", `pm.test("next script", () => {
    pm.expect(pm.environment.get("a")).to.equal(null);
    pm.expect(pm.variables.replaceIn("{{a}}")).to.equal("null");
    pm.expect(pm.environment.get("o")).to.eql({x: 1});
    pm.expect(pm.variables.get("v"), "a local variable stays undefined").to.equal(undefined);
    pm.expect(pm.variables.replaceIn("[{{v}}]")).to.equal("[]");
});`)
	next.Scopes = x.Scopes
	runJS(t, e, next)
}

// TestLegacyGlobalsAfterFailedRequest: a test script after a request that
// errored sees Postman's legacy globals for "no response" (Newman 6.2.2).
func TestLegacyGlobalsAfterFailedRequest(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", `pm.test("legacy", () => {
    pm.expect(typeof responseBody).to.equal("undefined");
    pm.expect(responseCode).to.eql({});
    pm.expect(typeof responseTime).to.equal("undefined");
    pm.expect(responseHeaders).to.eql({});
    // An empty CookieList (Newman 6.2.2: not an array, prints as []).
    pm.expect(Array.isArray(responseCookies)).to.be.false;
    pm.expect(JSON.stringify(responseCookies)).to.equal("[]");
});`)
	x.Response = &Response{Failed: true}
	runJS(t, e, x)
	// The next script with a response sees it again.
	runJS(t, e, testExec("test", `pm.test("back", () => { pm.expect(responseCode.code).to.equal(200); pm.expect(responseBody).to.be.a("string"); });`))
}

// TestResponseAfterFailedRequest: pm.response after a request error has a
// fresh id but no code, status, time, size or body, and assertions on it fail
// with Postman's messages (Newman 6.2.2; fresh-round13s-c).
func TestResponseAfterFailedRequest(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", `pm.test("shape", () => {
    const r = pm.response;
    pm.expect(r.code).to.equal(undefined);
    pm.expect(r.status).to.equal(undefined);
    pm.expect(r.responseTime).to.equal(undefined);
    pm.expect(r.text()).to.equal(undefined);
    pm.expect(r.headers.count()).to.equal(0);
    pm.expect(r.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    pm.expect(JSON.stringify(r)).to.equal('{"id":"' + r.id + '","header":[],"cookie":[]}');
});
pm.test("json", () => pm.response.json());
pm.test("status", () => pm.response.to.have.status(200));`)
	x.Response = &Response{Failed: true}
	r := e.Run(context.Background(), x)
	require.NoError(t, r.Err)
	require.Len(t, r.Tests, 3)
	assert.True(t, r.Tests[0].Passed, "%s: %s", r.Tests[0].ErrorName, r.Tests[0].Error)
	assert.Equal(t, TestResult{Name: "json", ErrorName: "JSONError", Error: `"undefined" is not valid JSON`, Index: 1}, r.Tests[1])
	assert.Equal(t, TestResult{Name: "status", ErrorName: "AssertionError", Error: "expected PostmanResponse{ …(5) } to have property 'code'", Index: 2}, r.Tests[2])
}

// TestSandboxParamsAreQuiet: making a legacy global a parameter reads it
// without a deprecation warning, and the assignment forms a token scan would
// miss (destructuring, for-in, a newline before =) stay in the script too.
// The next script, which uses the libraries, is told once for each (Newman
// 6.2.2's proxy warns on a member read).
func TestSandboxParamsAreQuiet(t *testing.T) {
	t.Parallel()
	e, con := newTestEngine(t, Options{})
	runJS(t, e, testExec("test", `var data = pm.response.json(); data = 1;
[_, x] = [1, 2]; ({cheerio} = {cheerio: 1}); for (tv4 in {a: 1}) {}
CryptoJS
  = 5;
pm.test("assigned here", () => pm.expect(_).to.equal(1));`))
	for _, l := range con.all() {
		assert.NotContains(t, l.Text, "deprecated", "a parameter is not a use of the legacy global")
	}
	quiet := len(con.all())
	runJS(t, e, testExec("test", `pm.test("untouched next", () => {
    pm.expect(typeof _.map).to.equal("function");
    pm.expect(typeof cheerio.load).to.equal("function");
    pm.expect(typeof tv4.validate).to.equal("function");
    pm.expect(typeof CryptoJS.MD5).to.equal("function");
    _.map([1], String);
});`))
	var told []string
	for _, l := range con.all()[quiet:] {
		told = append(told, l.Text)
	}
	assert.Equal(t, []string{
		"`Using \"_\" is deprecated. Use \"require('lodash')\" instead.`",
		"`Using \"cheerio\" is deprecated. Use \"require('cheerio')\" instead.`",
		"`Using \"tv4\" is deprecated. Use \"require('ajv')\" instead.`",
		"`Using \"CryptoJS\" is deprecated. Use \"require('crypto-js')\" instead.`",
	}, told)
}

// TestStatusAssertionsAfterFailedRequest: chai-postman's status checks on
// the response of a failed request fail as in Newman 6.2.2, negated or not.
func TestStatusAssertionsAfterFailedRequest(t *testing.T) {
	t.Parallel()
	const noCode = "expected PostmanResponse{ …(5) } to have property 'code'"
	for _, tc := range []struct{ chain, want string }{
		{"pm.response.to.have.status(200)", noCode},
		{"pm.response.to.not.have.status(200)", noCode},
		{"pm.response.to.have.statusCode(200)", noCode},
		{"pm.response.to.be.success", noCode},
		{"pm.response.to.not.be.success", noCode},
		{"pm.response.to.be.error", noCode},
		{"pm.response.to.not.be.error", noCode},
		{"pm.response.to.be.ok", "expected response to have status reason 'OK' but got 'UNDEFINED'"},
		{"pm.response.to.have.status('OK')", "expected response to have status reason 'OK' but got undefined"},
		{"pm.expect(JSON.stringify(pm.response.size())).to.equal('x')", `expected '{"body":0,"header":32,"total":32}' to equal 'x'`},
	} {
		t.Run(tc.chain, func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{})
			x := testExec("test", `pm.test("t", () => { `+tc.chain+`; });`)
			x.Response = &Response{Failed: true}
			r := e.Run(context.Background(), x)
			require.NoError(t, r.Err)
			require.Len(t, r.Tests, 1)
			assert.Equal(t, tc.want, r.Tests[0].Error)
		})
	}
}

// TestLegacyPrimitivesDoNotWarn: Postman warns when a property of a legacy
// object (responseCode, environment...) is used, not when the global is only
// read, and never about the primitive ones (responseBody, responseTime,
// iteration), as Newman 6.2.2 shows.
func TestLegacyPrimitivesDoNotWarn(t *testing.T) {
	t.Parallel()
	e, con := newTestEngine(t, Options{})
	runJS(t, e, testExec("test", `var n = responseTime + iteration + responseBody.length; var c = responseCode.code;
var h = responseHeaders, g = globals; var x = environment.x;
pm.test("read", () => {});`))
	var warned []string
	for _, l := range con.all() {
		warned = append(warned, l.Text)
	}
	all := strings.Join(warned, "\n")
	assert.Contains(t, all, `Using "responseCode" is deprecated`)
	assert.Contains(t, all, `Using "environment" is deprecated`, "a property of the legacy object was read")
	for _, quiet := range []string{"responseTime", "iteration", "responseBody", "responseHeaders", "globals"} {
		assert.NotContains(t, all, `"`+quiet+`" is deprecated`)
	}
}
