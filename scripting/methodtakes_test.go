package scripting

import (
	"context"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

// TestTakesMethods: the parsed tree decides whether a script takes a shape
// method off its object (installing the shapes' pass, fnshapes.go) once
// the look at the text could not clear it.
func TestTakesMethods(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src  string
		want bool
	}{
		{`const f = pm.request.headers.one; f('k')`, true},
		{`[1].map(pm.variables.replaceIn)`, true},
		{`pm.request.headers.count.call({members: []})`, true},
		{`var s = pm.response.text.apply(other)`, true},
		{"var g = obj.get\n.bind(obj)", true},
		{`pm.expect(jsonData.count).to.eql(3)`, true}, // jsonData is not known here: a response's own count
		{`const f = collection.variables`, true},
		{`(0, pm.response.json)()`, true},
		{`new pm.response.json()`, true},
		{`pm.test(String(pm.response.json.length), () => {})`, true},
		{`pm.response.json += ''`, true},
		{`pm.test(pm.response.json.name, () => {}); x.json.bind(y); x.one.toString()`, true},
		// Destructured, computed, quoted.
		{`const {json} = pm.response; json()`, true},
		{`const { json: j } = pm.response; j()`, true},
		{`let json; ({json} = pm.response); json()`, true},
		{`[pm.response].map(({json}) => json())`, true},
		{`function f({text}) { return text(); } f(pm.response)`, true},
		{`const {['js' + 'on']: j} = pm.response`, true},
		{`const {response: {json}} = pm`, true},
		{`pm.response['js' + 'on'].call(pm.request)`, true},
		{`const f = pm.response['json']`, true},
		{`_.get(pm, 'response.json')`, true},
		// Parsed JSON's members are data, unless the name is bound again.
		{`var jsonData = pm.response.json(); jsonData = pm.response; var f = jsonData.json;`, true},
		{`var jsonData = pm.response.json(); [pm.response].forEach(function (jsonData) { jsonData.json.call(pm.request); });`, true},
		{`var jsonData = pm.response.json(); var f = pm.response.json;`, true},
		{`var jsonData = pm.response.json(); try {} catch (jsonData) { jsonData.json.call(1) }`, true},
		// Bindings the first walk missed (a for-of/for-in declaration, a
		// rest parameter), and .call/.apply/.bind on what no name reads
		// (c2c1451's text look caught them by the .call( alone).
		{`const d = pm.response.json(); for (const d of [pm.response]) { d.json.call(pm.request) }`, true},
		{`const d = pm.response.json(); for (let d in x) { d.json.call(pm.request) }`, true},
		{`const d = pm.response.json(); function g(...d) { return d[0].json.call(pm.request) }`, true},
		{`const d = pm.response.json(); const g = (...d) => d[0].json.call(pm.request)`, true},
		{`Reflect.get(pm.response, 'json').call(pm.request)`, true},
		{`with (pm.response) { json.call(pm.request) }`, true},
		{`const r = pm.response, m = 'json'; r[m].apply(pm.request)`, true},
		{`const o = pm.response.json(); o[k].call(x); data[0].bind(y); helper.call(this, 1)`, false},

		{`pm.response.to.have.status(200); const j = pm.response.json(); pm.environment.set('a', j.id);`, false},
		{"var jsonData = pm.response.json();\npm.test('echoes the body', function () {\n    pm.expect(jsonData.json).to.be.an('object');\n" +
			"    pm.expect(jsonData.json.name).to.eql(pm.variables.get('runName'));\n});\npm.environment.set('p', jsonData.json.name + '-pop');", false},
		{`const response = JSON.parse(responseBody); if (response.size === 0) {} var n = Number(response.count) - 1;`, false},
		{`const { json, data } = pm.response.json(); const { count } = pm.response.json().data;`, false},
		{`const d = pm.response.json().data; pm.expect(d.get).to.equal(1); const {size} = d;`, false},
		{`pm.response.json?.(); pm.response?.json()`, false},
		{"if (typeof body.urlencoded.toJSON === 'function') {} if (pm.response.json !== undefined) {}", false},
		{`String.fromCharCode.apply(null, [65]); Array.prototype.slice.call(arguments)`, false},
		{`pm.variables.set("a", 1); const v = pm.variables; pm.response.to.be.json;`, false},
		{`x.json = 1; delete x.count; x['text'] = 2;`, false},
		{`tests["Status code is 200"] = responseCode.code === 200; const {a, b} = obj; pm.response['code']`, false},
		{`var pm_ = pm; pm_.variables.set('a', 1); if (jsonData.filter.supported) {} x.count.toFixed(2)`, false},
		{`pm.test('a', function () { var jsonData = pm.response.json(); pm.expect(jsonData.count).to.eql(1); });
pm.test('b', function () { var jsonData = JSON.parse(responseBody); pm.expect(jsonData.size).to.eql(1); });`, false},
		{`pm.expect(pm.request.url.path[1]).to.eql('a'); pm.request.headers[0]`, false},
		{"pm.response.json`x`; pm.sendRequest({url: 'x'}, (e, r) => { pm.expect(r.json().json).to.eql({}); })", false},
	} {
		if got := mayTakeMethodsIn(parsedScript(t, c.src), c.src); got != c.want {
			t.Errorf("mayTakeMethodsIn(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

// parsedScript is src's function as compileNew parses it.
func parsedScript(t *testing.T, src string) *ast.FunctionLiteral {
	t.Helper()
	prg, err := goja.Parse(scriptFile, syncPrefix+src+wrapSuffix)
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	fn := scriptFunction(prg)
	if fn == nil {
		t.Fatalf("%q: no script function", src)
	}
	return fn
}

// TestInOperatorMeetsPrototypes: " in " in a script's text installs the
// shapes' pass only when it is the in operator or a for-in, not when it is
// in a test's name or a comment.
func TestInOperatorMeetsPrototypes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src  string
		want bool
	}{
		{`for (var k in pm.response) { console.log(k); }`, true},
		{`if ('json' in pm.response) {}`, true},
		{"const f = () => `${'a' in pm.request}`;", true},
		{`pm.test("User is logged in ", () => pm.response.to.have.status(200)); // all in one`, false},
		{`/* check in a loop */ for (const k of [1]) { console.log("in " + k); }`, false},
	} {
		if got := mayMeetPrototypesIn(parsedScript(t, c.src), c.src); got != c.want {
			t.Errorf("mayMeetPrototypesIn(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

// TestDestructuredMethodsAsTaken: a method destructured off its object, or
// read by a computed name, is called unbound or on another object as one
// read off by name is, which fresh-round10s-a recorded from Newman 6.2.2.
func TestDestructuredMethodsAsTaken(t *testing.T) {
	t.Parallel()
	run := func(src string) []string {
		e, _ := newTestEngine(t, Options{})
		r := e.Run(context.Background(), testExec("test", `function p(label, f) { let v; try { v = f(); v = typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(label + ' ' + v, () => {}); }
const H = pm.request.headers, S = pm.response, plain = { members: [{ key: 'a', value: '1' }], reference: { a: { key: 'a', value: '1' } } };
`+src))
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		var names []string
		for _, tr := range r.Tests {
			names = append(names, tr.Name)
		}
		return names
	}
	byName := run(`p('one', () => { const f = H.one; return f('k'); });
p('json', () => S.json.call(pm.request));
p('get', () => H.get.call(plain, 'a'));`)
	for _, src := range []string{
		`p('one', () => { const {one} = H; return one('k'); });
p('json', () => { const {json: j} = S; return j.call(pm.request); });
p('get', () => { const {get} = H; return get.call(plain, 'a'); });`,
		`p('one', () => { const k = 'o' + 'ne'; return pm.request.headers[k].call(undefined, 'k'); });
p('json', () => pm.response['js' + 'on'].call(pm.request));
p('get', () => pm.request.headers['g' + 'et'].call(plain, 'a'));`,
	} {
		got := run(src)
		if len(got) != 3 || len(byName) != 3 || got[0] != byName[0] || got[1] != byName[1] || got[2] != byName[2] {
			t.Errorf("%s\ngot  %q\nwant %q (as read off by name)", src, got, byName)
		}
	}
	if byName[1] != "json E:TypeError: this.text is not a function" {
		t.Errorf("read off by name: %q, want Newman's answers (fresh-round10s-a)", byName)
	}
}

// TestShapeWordsOnData: words that install the shapes' passes count only
// where they could reach pm's objects: hasOwnProperty called on parsed JSON
// sees no function's own members, and metadata is no PropertyBase#meta.
func TestShapeWordsOnData(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src                 string
		fnShapes, protoSeen bool
	}{
		{"var r = JSON.parse(responseBody);\ntests['has user'] = r.hasOwnProperty('user');\nvar user = r.user || {};\ntests['email'] = user.hasOwnProperty('email');", false, false},
		{`var r = {}; try { r = pm.response.json(); } catch (e) {} pm.expect(r.hasOwnProperty('a')).to.be.true;`, false, false},
		{`pm.expect(pm.test.hasOwnProperty('arguments')).to.be.true`, true, true},
		{`var r = pm.response.json(); r = pm.request; r.hasOwnProperty('url')`, true, true},
		{`pm.expect(body.error).to.eql('invalid_client_metadata'); // metadata`, false, false},
		{`pm.request.meta()`, false, true},
		{`pm.test('x', () => {}); const m = pm.request.headers.meta;`, false, true},
	} {
		x := compileNew(c.src, "test", nil)
		if x.err != nil {
			t.Fatalf("%q: %v", c.src, x.err)
		}
		if x.fnShapes != c.fnShapes || x.protoShapes != c.protoSeen {
			t.Errorf("%q: fnShapes %v protoShapes %v, want %v %v", c.src, x.fnShapes, x.protoShapes, c.fnShapes, c.protoSeen)
		}
	}
}

// TestTakeLooksAreLinear: the looks at the text scan each byte a bounded
// number of times, whatever the script (go test's timeout is the guard:
// quadratic scans of these 1 MB texts would take minutes).
func TestTakeLooksAreLinear(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		strings.Repeat("pm ", 350_000), strings.Repeat("postman.a ", 100_000), strings.Repeat("function ", 120_000),
		strings.Repeat("}", 1_000_000), strings.Repeat("[ '", 350_000), strings.Repeat("a.json", 170_000),
	} {
		if mayTakeMethodsOtherwise(src) {
			t.Errorf("%q...: a take", src[:20])
		}
		mayTakeMethods(src)
	}
}
