package scripting

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestV8TypeErrorMessages: the messages Node 20 gives for these scripts
// (node -e), as scripts errors and as failed tests.
func TestV8TypeErrorMessages(t *testing.T) {
	t.Parallel()
	cases := []struct{ src, msg string }{
		{`const o = {}; o.a.b;`, "Cannot read properties of undefined (reading 'b')"},
		{`const o = {}; o.a.f();`, "Cannot read properties of undefined (reading 'f')"},
		{`pm.response.jsn();`, "pm.response.jsn is not a function"},
		{`var o = {a: 1};  o.a ();`, "o.a is not a function"},
		{`function foo(x) { return {}; }
foo(1, [2]).bar();`, "foo(...).bar is not a function"},
		{`const a = [{}]; a[0].go();`, "a[0].go is not a function"},
		{`Object.keys(undefined);`, "Cannot convert undefined or null to object"},
	}
	for _, c := range cases {
		e, _ := newTestEngine(t, Options{})
		r := e.Run(context.Background(), testExec("test", c.src))
		se, ok := r.Err.(*ScriptError)
		if !ok || se.Name != "TypeError" || se.Msg != c.msg {
			t.Errorf("%s: script error %v, want TypeError: %s", c.src, r.Err, c.msg)
		}
		r = e.Run(context.Background(), testExec("test", "pm.test('t', () => {\n"+c.src+"\n});"))
		if r.Err != nil || len(r.Tests) != 1 || r.Tests[0].ErrorName != "TypeError" || r.Tests[0].Error != c.msg {
			t.Errorf("%s in a test: %+v, want TypeError: %s", c.src, r, c.msg)
		}
	}
}

// TestOptionalCallWordsAsPostman: a callee that is not a function is named
// without the ?. of an optional call, a bracketed key after ?. as a dot,
// and a parenthesized optional chain as an intermediate value (courier
// said `o.f?. is not a function`, `o?..f?.`, `(o?.f)`). Postman CLI
// 1.34.0's answers, recorded under unshare -n.
func TestOptionalCallWordsAsPostman(t *testing.T) {
	t.Parallel()
	cases := []struct{ code, want string }{
		{`const o = { f: 5 }; o.f?.();`, "o.f is not a function"},
		{`const o = { f: 5 }; o?.f();`, "o?.f is not a function"},
		{`const o = { g: { f: 5 } }; o.g?.f?.();`, "o.g?.f is not a function"},
		{`const o = { f: 5 }; o['f']?.();`, "o.f is not a function"},
		{`const f = 5; f?.();`, "f is not a function"},
		{`const o = { f: 5 }; o.f?.(1, 2);`, "o.f is not a function"},
		{`const o = { f: 5 }; (o.f)?.();`, "o.f is not a function"},
		{`const o = { f: 5 }; (o?.f)();`, "(intermediate value) is not a function"},
		{`const o = { f: 5 }; ((o.f))?.();`, "o.f is not a function"},
		{`const o = { f: 5 }; o.f ?. ();`, "o.f is not a function"},
		{`const o = { f: 5 }; o?.['f']?.();`, "o?.f is not a function"},
		{`const o = { f: 5 }; o.f?.().x;`, "o.f is not a function"},
		{`const a = [5]; a[0]?.();`, "a[0] is not a function"},
	}
	var src strings.Builder
	src.WriteString("function out(v) { pm.test(String(v), () => {}); }\n")
	var want []string
	for _, c := range cases {
		fmt.Fprintf(&src, "try { %s } catch (e) { out(e.name + ': ' + e.message); }\n", c.code)
		want = append(want, "TypeError: "+c.want)
	}
	checkTestNames(t, src.String(), want)
}

// TestAwaitSyntaxWordsAsPostman: the SyntaxErrors of an await goja cannot
// take read as V8's (courier said "Unexpected token 'await'" for all but
// the last, "Unexpected number" for it). Postman CLI 1.34.0's answers,
// recorded under unshare -n (fresh-round12l-g too); V8's "missing ) after
// argument list" for an async arrow's default value is not matched.
func TestAwaitSyntaxWordsAsPostman(t *testing.T) {
	t.Parallel()
	const params, reserved = "Illegal await-expression in formal parameters of async function", "Unexpected reserved word"
	cases := []struct{ code, want string }{
		{`(async function (a = await 1) {})`, params},
		{`class A { static { await 1; } }`, reserved},
		{`function f() { for await (const x of []) {} }`, reserved},
		{`async function g({ a = await 1 }) {}`, params},
		{`class B { static { for await (const x of []) {} } }`, reserved},
		{`for await (const x of []) {}`, reserved},
		{`function k() { await 1; }`, "await is only valid in async functions and the top level bodies of modules"},
		{`async function m() { function n(a = await 1) {} }`, "Unexpected number"},
		{`({ async m(a = await 1) {} })`, params},
		{`class C { static { const await = 1; } }`, reserved},
	}
	var src strings.Builder
	src.WriteString("function out(v) { pm.test(String(v), () => {}); }\n")
	var want []string
	for _, c := range cases {
		fmt.Fprintf(&src, "try { eval(%q); } catch (e) { out(e.name + ': ' + e.message); }\n", c.code)
		want = append(want, "SyntaxError: "+c.want)
	}
	checkTestNames(t, src.String(), want)
}
