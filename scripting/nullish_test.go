package scripting

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// The echo server's answer to a POST of {"user": null, "items": [], "n": 5},
// as the probes below read it (pm.response.json().json).
const nullishBody = `{"json":{"user":null,"items":[],"n":5}}`

// checkNamesWithBody runs src as a test script over a response with body
// and compares the names of its tests, in order, with want.
func checkNamesWithBody(t *testing.T, body, src string, want []string) {
	t.Helper()
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", src)
	x.Response.Body = []byte(body)
	r := e.Run(context.Background(), x)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, tr := range r.Tests {
		got = append(got, tr.Name)
	}
	for i := range max(len(got), len(want)) {
		g, w := "", ""
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("line %d:\n got  %s\n want %s", i+1, g, w)
		}
	}
}

const probeHarness = "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n"

// Reads, writes, calls and in on null and undefined, caught: each want
// line is what Postman CLI 1.34.0 and Newman 6.2.2 (they agree) printed for
// the same line, run against the echo server.
func TestNullReadsAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + "const d = pm.response.json().json;\n" + `
p(() => d.user.name);
p(() => pm.response.json().json.user.name);
p(() => d.missing.name);
p(() => { const u = d.user; return u.name; });
p(() => { const u = d.user; return u['name']; });
p(() => { const u = d.user; const k = 'na' + 'me'; return u[k]; });
p(() => { const u = d.user; return u[0]; });
p(() => { const u = d.user; u.name = 1; });
p(() => { const u = d.user; u['x'] = 1; });
p(() => { d.user.name = 1; });
p(() => { d.user.a.b = 1; });
p(() => { const u = d.user; return u.name(); });
p(() => { const u = d.user; return u.call(); });
p(() => { const f = null; return f.call(null); });
p(() => { const f = null; return f(); });
p(() => { return d.user(); });
p(() => { return d.user.f(); });
p(() => { const {a} = d.user; return a; });
p(() => { const {a} = d.missing; return a; });
p(() => { return 'a' in d.user; });
p(() => { return 'a' in d.missing; });
p(() => { return 'a' in 5; });
p(() => { return d.user?.name; });
p(() => { return d.user?.name.x; });
p(() => { return d?.user.name; });
p(() => { return d.user?.a.b; });
p(() => { return [null].map(x => x.id); });
p(() => { return [1, null].find(x => x === null).id; });
p(() => { return JSON.parse('null').a; });
p(() => { return JSON.parse('{"a":null}').a.b; });
p(() => { return pm.environment.get('nope').length; });
p(() => { pm.environment.set('nul', null); return pm.environment.get('nul').length; });
p(() => { return pm.response.headers.get('X-None').split(','); });
p(() => { return null[0]; });
p(() => { let x; return x.y; });
p(() => { let x = null; x.y.z = 1; });
p(() => { let x = null; x.y++; });
p(() => { let x = null; delete x.y; });
p(() => { let x = null; return x.y` + "`" + `t` + "`" + `; });
p(() => { let x = null; for (const k in x.y) {} });
p(() => { let x = null; return new x.y(); });
p(() => { let x = null; return [...x.y]; });
p(() => { let x = {y: null}; return x.y.z; });
p(() => { const a = [null]; return a[0].id; });
p(() => { const a = [null]; return a[0]['id']; });
p(() => { const a = [undefined]; return a[0].id; });
p(() => { const o = {get g() { return null; }}; return o.g.x; });
p(() => { const o = null; return o.toString(); });
p(() => { const o = undefined; return o.toString(); });
p(() => { return (null).x; });
p(() => [1] in null);
p(() => [] in null);
p(() => (function f() {}) in null);
p(() => null in null);
p(() => undefined in 5);
p(() => 1.5 in 'x');
p(() => new Date(0) in null);
p(() => ({toString() { return 'q'; }}) in null);
p(() => 'a' in Symbol.iterator);
p(() => 'a' in 1.5);
p(() => 'a' in '');
p(() => 'a' in -0);
p(() => 10n in null);
p(() => new (class Foo {})() in null);
p(() => Object.create(null) in null);
p(() => /x/ in null);
p(() => new Map() in null);
p(() => Symbol.iterator in null);`
	want := []string{
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of undefined (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading '0')",
		"E:TypeError: Cannot set properties of null (setting 'name')",
		"E:TypeError: Cannot set properties of null (setting 'x')",
		"E:TypeError: Cannot set properties of null (setting 'name')",
		"E:TypeError: Cannot read properties of null (reading 'a')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'call')",
		"E:TypeError: Cannot read properties of null (reading 'call')",
		"E:TypeError: f is not a function",
		"E:TypeError: d.user is not a function",
		"E:TypeError: Cannot read properties of null (reading 'f')",
		"E:TypeError: Cannot destructure property 'a' of 'd.user' as it is null.",
		"E:TypeError: Cannot destructure property 'a' of 'd.missing' as it is undefined.",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in undefined",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in 5",
		"undefined",
		"undefined",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"undefined",
		"E:TypeError: Cannot read properties of null (reading 'id')",
		"E:TypeError: Cannot read properties of null (reading 'id')",
		"E:TypeError: Cannot read properties of null (reading 'a')",
		"E:TypeError: Cannot read properties of null (reading 'b')",
		"E:TypeError: Cannot read properties of undefined (reading 'length')",
		"E:TypeError: Cannot read properties of null (reading 'length')",
		"E:TypeError: Cannot read properties of undefined (reading 'split')",
		"E:TypeError: Cannot read properties of null (reading '0')",
		"E:TypeError: Cannot read properties of undefined (reading 'y')",
		"E:TypeError: Cannot read properties of null (reading 'y')",
		"E:TypeError: Cannot read properties of null (reading 'y')",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: Cannot read properties of null (reading 'y')",
		"E:TypeError: Cannot read properties of null (reading 'y')",
		"E:TypeError: Cannot read properties of null (reading 'y')",
		"E:TypeError: Cannot read properties of null (reading 'y')",
		"E:TypeError: Cannot read properties of null (reading 'z')",
		"E:TypeError: Cannot read properties of null (reading 'id')",
		"E:TypeError: Cannot read properties of null (reading 'id')",
		"E:TypeError: Cannot read properties of undefined (reading 'id')",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:TypeError: Cannot read properties of null (reading 'toString')",
		"E:TypeError: Cannot read properties of undefined (reading 'toString')",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:TypeError: Cannot use 'in' operator to search for '[object Array]' in null",
		"E:TypeError: Cannot use 'in' operator to search for '[object Array]' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'function f() {}' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'null' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'undefined' in 5",
		"E:TypeError: Cannot use 'in' operator to search for '1.5' in x",
		"E:TypeError: Cannot use 'in' operator to search for '[object Date]' in null",
		"E:TypeError: Cannot use 'in' operator to search for '[object Object]' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in Symbol(Symbol.iterator)",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in 1.5",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in ",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in 0",
		"E:TypeError: Cannot use 'in' operator to search for '10' in null",
		"E:TypeError: Cannot use 'in' operator to search for '#<Foo>' in null",
		"E:TypeError: Cannot use 'in' operator to search for '[object Object]' in null",
		"E:TypeError: Cannot use 'in' operator to search for '[object RegExp]' in null",
		"E:TypeError: Cannot use 'in' operator to search for '#<Map>' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'Symbol(Symbol.iterator)' in null",
	}
	checkNamesWithBody(t, nullishBody, src, want)
}

// What the rewrite must not change: this of calls, getters read once,
// update and compound assignments, tagged templates, optional chains and
// their short circuit, private names, super, patterns, generators, await,
// a computed key that runs code. Postman CLI 1.34.0's and Newman 6.2.2's
// answers (equal).
func TestNullishRewriteKeepsMeaningAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + "const d = pm.response.json().json;\n" + `
p(() => { const o = {v: 1, f() { return this.v; }}; return o.f() + (0, o.f)?.call({v: 2}); });
p(() => { const o = {a: {v: 3, f() { return this.v; }}}; return o.a.f() + o['a'].f() + o.a['f'](); });
p(() => { let n = 0; const o = {get a() { n++; return {b: 1}; }}; o.a.b; o.a.b = 2; o.a.b++; o.a.b += 1; return n; });
p(() => { const o = {a: {b: 1}}; const r = [o.a.b++, ++o.a.b, o.a.b += 5, o.a.b -= 1, o.a['b'] *= 2]; return r.join() + '|' + o.a.b; });
p(() => { const o = {a: {b: 1}}; return [delete o.a.b, 'b' in o.a, typeof o.a.b, typeof o.x?.y, void o.a.c].join(); });
p(() => { const o = {t(s, ...v) { return this === o ? s.raw.join('#') + v : 'bad'; }}; const w = {o}; return w.o.t` + "`" + `a${1}b` + "`" + `; });
p(() => [d?.user?.name, d.user?.name.x, d?.items.length, d?.['items']?.[0]?.x, d.user?.['a'].b, d.items?.map(x => x).length].join());
p(() => { const a = null; return [a?.b.c, a?.[0].c, a?.b(), a?.b.c(), (a?.b)?.c].join(); });
p(() => { const f = null; return f?.(1).x; });
p(() => { const o = {a: null}; return o.a?.b.c.d; });
p(() => { const o = {a: {b: null}}; return o.a?.b.c; });
p(() => { const o = {a: {b: null}}; return o?.a.b.c; });
p(() => { const list = [{id: 1}, {id: 2}]; return list.map(x => x.id).filter(i => i > 1).length; });
p(() => { const o = {k: 'v'}; const key = {toString() { o.k = 'w'; return 'k'; }}; return o[key]; });
p(() => { class A { #p = {q: 1}; m() { return this.#p.q + A.s.t; } static s = {t: 2}; } return new A().m(); });
p(() => { class A { m() { return 'a'; } } class B extends A { m() { return super.m() + super['m'](); } } return new B().m(); });
p(() => { const arr = [[1, 2], [3]]; let s = 0; for (const x of arr) s += x.length; for (const i in arr[0]) s += +i; return s; });
p(() => { const o = {a: {b: 1}}; with1: { const {a: {b}} = o; return b + o.a.b; } });
p(() => { const o = {}; try { o.x.y; } catch (e) { try { null.z; } catch (e2) { return e.message + '|' + e2.message; } } });
p(() => { const o = {}; const k = 'in'; return ['a' in {a: 1}, 0 in [5], k in o, Symbol.iterator in []].join(); });
p(() => { const o = {f: {g: null}}; return o.f.g ?? o.f.h ?? 'def'; });
p(() => { async function f(o) { return (await o).x.y; } f(Promise.resolve({x: null})).catch(e => pm.test('async: ' + e.message, () => {})); return 'ok'; });
p(() => { function* g(o) { yield o.a.b; } return [...g({a: {b: 7}})].join(); });
p(() => { const o = {n: 1}; return ` + "`" + `${o.n}${o?.n}` + "`" + `; });
p(() => { const arguments_ = {length: 3}; return (function () { return arguments.length + arguments_.length; })(1, 2); });
p(() => { let o = {a: 1}; const r = (o.a, o).a; return r; });
p(() => { const o = {a: {b: {c: 1}}}; const {a: {b}} = o; [o.a.b.c] = [9]; ({x: o.a.b.c} = {x: o.a.b.c + 1}); return o.a.b.c + b.c; });
p(() => { const o = {a: [1, 2]}; o.a.length = 1; o.a[o.a.length] = 5; return o.a.join(); });
p(() => { const m = new Map([['k', {v: 1}]]); return m.get('k').v + m.get('x')?.v; });
p(() => { const o = {u: null}; let caught; try { o.u.v; } catch (e) { caught = e.message; } const o2 = {}; try { o2.w.v; } catch (e) { caught += '|' + e.message; } return caught; });`
	want := []string{
		"3",
		"9",
		"4",
		"1,3,8,7,14|14",
		"true,false,undefined,undefined,",
		"a#b1",
		",,0,,,0",
		",,,,",
		"undefined",
		"undefined",
		"E:TypeError: Cannot read properties of null (reading 'c')",
		"E:TypeError: Cannot read properties of null (reading 'c')",
		"1",
		"w",
		"3",
		"aa",
		"4",
		"2",
		"Cannot read properties of undefined (reading 'y')|Cannot read properties of null (reading 'z')",
		"true,true,false,true",
		"def",
		"ok",
		"7",
		"11",
		"5",
		"1",
		"20",
		"1,5",
		"null",
		"Cannot read properties of null (reading 'v')|Cannot read properties of undefined (reading 'v')",
		"async: Cannot read properties of null (reading 'y')",
	}
	checkNamesWithBody(t, nullishBody, src, want)
}

// A script with a direct eval resolves names at run time: its reads are
// still instrumented, outside optional chains.
func TestNullishWithEvalAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `
p(() => { const o = {a: {b: 2}}; return eval('o.a.b') + o.a.b; });
p(() => { const o = {a: {b: 2}}; return eval('o.a?.b.c') === undefined; });
p(() => { const o = {a: null}; return o.a.b; });`
	want := []string{
		"4",
		"true",
		"E:TypeError: Cannot read properties of null (reading 'b')",
	}
	checkNamesWithBody(t, nullishBody, src, want)
}

// Uncaught: a failing pm.test and the script's own error read as in
// Postman CLI 1.34.0 and Newman 6.2.2 (the assertion and failure messages
// of their reports), and the error is placed at the property, as V8 places
// it (Node 20: a call u.name() fails at name).
func TestNullReadsUncaughtAsPostman(t *testing.T) {
	t.Parallel()
	src := `const d = pm.response.json().json;
pm.test('in test', () => { pm.expect(d.user.name).to.eql('x'); });
pm.test('call in test', () => { d.user.trim(); });
pm.test('set in test', () => { d.user.id = 1; });
pm.test('undefined in test', () => { d.nope.id; });
d.user.toString();`
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", src)
	x.Response.Body = []byte(nullishBody)
	r := e.Run(context.Background(), x)
	want := []string{
		"in test: TypeError: Cannot read properties of null (reading 'name')",
		"call in test: TypeError: Cannot read properties of null (reading 'trim')",
		"set in test: TypeError: Cannot set properties of null (setting 'id')",
		"undefined in test: TypeError: Cannot read properties of undefined (reading 'id')",
	}
	if len(r.Tests) != len(want) {
		t.Fatalf("tests: %+v", r.Tests)
	}
	for i, tr := range r.Tests {
		if got := tr.Name + ": " + tr.ErrorName + ": " + tr.Error; got != want[i] {
			t.Errorf("got  %s\nwant %s", got, want[i])
		}
	}
	var se *ScriptError
	if !errors.As(r.Err, &se) {
		t.Fatalf("script error: %v", r.Err)
	}
	if got := fmt.Sprintf("%d:%d %s: %s", se.Line, se.Column, se.Name, se.Msg); got != "6:8 TypeError: Cannot read properties of null (reading 'toString')" {
		t.Errorf("script error: %s", got)
	}
}

// Errors thrown later than the read (an async function, a timer) and
// read back after other instrumented reads ran still name null; a read
// left alone (a static pm path) keeps the source's answer.
func TestNullReadsLaterAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `const d = pm.response.json().json;
async function later() { await null; return d.user.id; }
later().catch(e => pm.test('async: ' + e.message, () => {}));
setTimeout(() => { try { d.user.id; } catch (e) { pm.test('timer: ' + e.message, () => {}); } }, 1);
p(() => { try { d.user.x; } catch (e) {} return pm.response.nope.x; });
p(() => { const u = d.user; const o = {}; u[o.k = 'q']; });
p(() => { const u = d.user; u.name = d.n.toFixed(1); });
p(() => { const u = d.user; u[d.items.length] = [d.n].map(x => x.y); });
p(() => { const u = d.user; u[d.n.toString()][d.items.length].x; });`
	// Postman CLI 1.34.0 and Newman 6.2.2 (equal).
	want := []string{
		"E:TypeError: Cannot read properties of undefined (reading 'x')",
		"E:TypeError: Cannot read properties of null (reading 'q')",
		"E:TypeError: Cannot set properties of null (setting 'name')",
		"E:TypeError: Cannot set properties of null (setting '0')",
		"E:TypeError: Cannot read properties of null (reading '5')",
		"async: Cannot read properties of null (reading 'id')",
		"timer: Cannot read properties of null (reading 'id')",
	}
	checkNamesWithBody(t, nullishBody, src, want)
}

// The reads BenchmarkTypicalTestScript's script stores: only j.id twice
// (pm.response.to.have, pm.test, pm.expect(...).to.be and pm.environment
// are static or chai paths, left alone), so the rewrite costs that script
// two stores per run.
func TestNullishSitesOfATypicalScript(t *testing.T) {
	t.Parallel()
	src := `const j = pm.response.json(); pm.test("status", () => pm.response.to.have.status(200)); pm.test("id", () => pm.expect(j.id).to.be.a("string")); pm.environment.set("id", j.id);`
	c := compileScript(src, "test")
	if c.err != nil {
		t.Fatal(c.err)
	}
	want := nullishSites{{1, 121}: siteRead, {1, 172}: siteRead}
	if !reflect.DeepEqual(c.sites, want) {
		t.Errorf("sites %v, want %v", c.sites, want)
	}
	if c := compileScript(`pm.test("s", () => pm.response.to.have.status(200)); console.log(pm.info.requestName);`, "test"); c.sites != nil {
		t.Errorf("static paths instrumented: %v", c.sites)
	}
}

// A rejection nobody handles fails the script (courier's choice: Postman
// CLI 1.34.0 says nothing, Newman 6.2.2's process dies on it, printing
// "Cannot read properties of null (reading 'id')"), in V8's words and
// placed where it was thrown.
func TestUnhandledRejectionWordsAsV8(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", "const d = pm.response.json().json;\nPromise.resolve().then(() => d.user.id);")
	x.Response.Body = []byte(nullishBody)
	r := e.Run(context.Background(), x)
	var se *ScriptError
	if !errors.As(r.Err, &se) {
		t.Fatalf("script error: %v", r.Err)
	}
	if got := fmt.Sprintf("%d:%d %s: %s", se.Line, se.Column, se.Name, se.Msg); got != "2:37 TypeError: Uncaught (in promise) Cannot read properties of null (reading 'id')" {
		t.Errorf("got %s", got)
	}
}

// null from a JSON body through destructuring, iteration, spreads, Object
// statics, defaults and operators. Each want line is Postman CLI 1.34.0's.
// (Left out: const x = null; const [a] = x, which V8 words from the
// constant, "x is not iterable".)
func TestNullThroughPatternsAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + "const d = pm.response.json().json;\n" + `
p(() => { const [first] = d.user; return first; });
p(() => [d.user].map(({name}) => name));
p(() => { for (const x of d.user) {} });
p(() => [...d.user]);
p(() => ({...d.user}));
p(() => Object.keys(d.user));
p(() => Object.entries(d.user));
p(() => Object.assign({}, d.user));
p(() => d.user.length);
p(() => d.items[5].id);
p(() => d.items.find(i => i.id === 1).name);
p(() => d.items.filter(i => i).map(i => i.x)[0].y);
p(() => JSON.parse(pm.response.text()).json.user['name']);
p(() => pm.response.json().json.missing.deep.path);
p(() => { let {user: {name}} = d; return name; });
p(() => { const {user: {name} = {}} = d; return name; });
p(() => { const {user = {}} = d; return user.name; });
p(() => d.user?.name ?? 'none');
p(() => (d.user || {}).name);
p(() => d.user && d.user.name);
p(() => typeof d.user.name);
p(() => delete d.user.name);
p(() => d.user.name += 'x');
p(() => d.user.tags.push(1));
p(() => d.user.toString());
p(() => String(d.user.name));
p(() => ` + "`" + `${d.user.name}` + "`" + `);
p(() => d['user']['name']);
p(() => d.user[0]);
p(() => { const [first] = d.nope; return first; });
p(() => { let a; [a] = d.user; return a; });
p(() => { const [first] = null; return first; });
p(() => { const {user: {name} = d.alt} = d; return name; });
p(() => { const {user: [a] = []} = d; return a; });
p(() => { const f = ({user: {name} = {}}) => name; return f(d); });
p(() => { const [{name} = {}] = [null]; return name; });`
	want := []string{
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot destructure property 'name' of 'object null' as it is null.",
		"E:TypeError: d.user is not iterable",
		"E:TypeError: d.user is not iterable",
		"{}",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: Cannot convert undefined or null to object",
		"{}",
		"E:TypeError: Cannot read properties of null (reading 'length')",
		"E:TypeError: Cannot read properties of undefined (reading 'id')",
		"E:TypeError: Cannot read properties of undefined (reading 'name')",
		"E:TypeError: Cannot read properties of undefined (reading 'y')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of undefined (reading 'deep')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot destructure property 'name' of '{}' as it is null.",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"none",
		"undefined",
		"null",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'tags')",
		"E:TypeError: Cannot read properties of null (reading 'toString')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading '0')",
		"E:TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: null is not iterable",
		"E:TypeError: Cannot destructure property 'name' of 'd.alt' as it is null.",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot destructure property 'name' of '{}' as it is null.",
		"E:TypeError: Cannot destructure property 'name' of '{}' as it is null.",
	}
	checkNamesWithBody(t, nullishBody, src, want)
}

// TestComputedKeyWritesNameTheKey: a write whose key is computed names the
// key in V8's words; the source has no name there, so seenAtRun takes the
// key the slot kept.
func TestComputedKeyWritesNameTheKey(t *testing.T) {
	t.Parallel()
	src := "function out(v) { pm.test(String(v), () => {}); }\n" + `
function p(f) { try { f(); out('no error'); } catch (e) { out(e.name + ': ' + e.message); } }
p(() => { 'use strict'; const s = 'abc', k = 'x'; s[k] = 1; });
p(() => { 'use strict'; const n = 5; n['y' + 1] = 1; });
p(() => { const o = null, k = 'z'; o[k] = 1; });`
	checkTestNames(t, src, []string{
		"TypeError: Cannot create property 'x' on string 'abc'",
		"TypeError: Cannot create property 'y1' on number '5'",
		"TypeError: Cannot set properties of null (setting 'z')",
	})
}
