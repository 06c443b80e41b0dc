package scripting

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// caught wraps a statement that throws into a probe expression giving the
// caught error as "Name: message".
func caught(stmt string) string {
	return "(() => { try { " + stmt + " } catch (e) { return e.name + ': ' + e.message; } return 'no throw'; })()"
}

// TestCaughtErrorsReadAsV8: errors a script catches carry V8's words, as
// in Newman 6.2.2 and Postman CLI 1.34.0 (both gave every answer below).
func TestCaughtErrorsReadAsV8(t *testing.T) {
	t.Parallel()
	const ref = "Newman 6.2.2 and Postman CLI 1.34.0"
	checkProbes(t, []refCase{
		{"read undefined", caught("var u; u.foo;"), "S:TypeError: Cannot read properties of undefined (reading 'foo')", ref},
		{"read literal null", caught("null.x;"), "S:TypeError: Cannot read properties of null (reading 'x')", ref},
		{"read computed", caught("var u; u['x' + 1];"), "S:TypeError: Cannot read properties of undefined (reading 'x1')", ref},
		{"read index", caught("var u; u[0];"), "S:TypeError: Cannot read properties of undefined (reading '0')", ref},
		{"read chain", caught("var o = {}; o.a.b.c;"), "S:TypeError: Cannot read properties of undefined (reading 'b')", ref},
		{"read before call", caught("var u; u.f();"), "S:TypeError: Cannot read properties of undefined (reading 'f')", ref},
		{"set undefined", caught("var u; u.bar = 1;"), "S:TypeError: Cannot set properties of undefined (setting 'bar')", ref},
		{"set nested", caught("var o = {}; o.a.b = 1;"), "S:TypeError: Cannot set properties of undefined (setting 'b')", ref},
		{"set quoted", caught("var u; u['k'] = 1;"), "S:TypeError: Cannot set properties of undefined (setting 'k')", ref},
		{"keys of null is not a set", caught("Object.keys(null);"), "S:TypeError: Cannot convert undefined or null to object", ref},
		{"method missing", caught("var o = {}; o.f();"), "S:TypeError: o.f is not a function", ref},
		{"nested method missing", caught("var o = {a: {}}; o.a.f(1, 2);"), "S:TypeError: o.a.f is not a function", ref},
		{"quoted method missing", caught("var o = {}; o['f']();"), "S:TypeError: o.f is not a function", ref},
		{"number called", caught("var x = 1; x();"), "S:TypeError: x is not a function", ref},
		{"grouped callee", caught("(void 0)();"), "S:TypeError: (void 0) is not a function", ref},
		{"call result called", caught("function f() { return 1; } f(2)();"), "S:TypeError: f(...) is not a function", ref},
		{"pm member missing", caught("pm.response.jsn();"), "S:TypeError: pm.response.jsn is not a function", ref},
		{"new of undefined", caught("new (void 0)();"), "S:TypeError: (void 0) is not a constructor", ref},
		{"new of number", caught("var x = 1; new x();"), "S:TypeError: x is not a constructor", ref},
		{"untouched message", caught("Object.defineProperty(1, 'a', {});"), "S:TypeError: Object.defineProperty called on non-object", ref},
		{"stack follows", "(() => { try { null.x; } catch (e) { return e.stack.split('\\n')[0]; } })()", "S:Error: Cannot read properties of null (reading 'x')", "Postman CLI 1.34 and Newman 6.2.2: their fixed Error.prepareStackTrace writes Error: for every error (stackwords.go)"},
		{"String(e)", "(() => { try { var u; u.x; } catch (e) { return String(e); } })()", "S:TypeError: Cannot read properties of undefined (reading 'x')", ref},
		{"eval token", caught("eval('var = 1');"), "S:SyntaxError: Unexpected token '='", ref},
		{"eval end", caught("eval('{');"), "S:SyntaxError: Unexpected end of input", ref},
		{"eval identifier", caught("eval('a b');"), "S:SyntaxError: Unexpected identifier 'b'", ref},
		{"eval identifier from a variable", caught("var s = 'x\\n  y z'; eval(s);"), "S:SyntaxError: Unexpected identifier 'z'", ref},
		{"eval keyword", caught("eval('if if');"), "S:SyntaxError: Unexpected token 'if'", ref},
		{"eval number", caught("eval('1 2');"), "S:SyntaxError: Unexpected number", ref},
		{"eval illegal", caught("eval('\"abc');"), "S:SyntaxError: Invalid or unexpected token", ref},
		{"eval arrow", caught("eval('a => => b');"), "S:SyntaxError: Unexpected token '=>'", ref},
		{"eval redeclared", caught("eval('let x; let x;');"), "S:SyntaxError: Identifier 'x' has already been declared", ref},
		{"eval let let", caught("eval('let let = 1');"), "S:SyntaxError: let is disallowed as a lexically bound name", ref},
		{"eval anonymous function", caught("eval('function(){}');"), "S:SyntaxError: Function statements require a function name", ref},
		{"eval await", caught("eval('await x');"), "S:SyntaxError: await is only valid in async functions and the top level bodies of modules", ref},
		{"eval return", caught("eval('return 1');"), "S:SyntaxError: Illegal return statement", ref},
		{"Function body identifier", caught("new Function('a b');"), "S:SyntaxError: Unexpected identifier 'b'", ref},
		{"Function with parameters", caught("Function('x', 'return +');"), "S:SyntaxError: Unexpected token '}'", ref},
		{"Function still works", "new Function('a', 'b', 'return a + b')(1, 2)", "number:3", ref},
		{"direct eval keeps its scope", "(() => { var local = 41; return eval('local + 1'); })()", "number:42", ref},
		{"chai throw compares V8's words", "(() => { pm.expect(() => { var u; u.x; }).to.throw(\"Cannot read properties of undefined (reading 'x')\"); return 'ok'; })()", "S:ok", ref},
		{"chai throw chains to the error", "(() => { return pm.expect(() => { null.q; }).to.throw(TypeError).with.property('message').that.includes('null'); })() && 'ok'", "S:ok", ref},
	})
}

// TestTryBodiesKeepTheirMeaning: try bodies run as arrow functions (so a
// stack overflow in them is catchable) and behave exactly as written. The
// answers are plain JavaScript semantics (Node 20 gives the same).
func TestTryBodiesKeepTheirMeaning(t *testing.T) {
	t.Parallel()
	const ref = "Node 20 (plain JavaScript)"
	checkProbes(t, []refCase{
		{"overflow caught", "(() => { function f() { return f(); } try { f(); } catch (e) { return e.name + ': ' + e.message + ' ' + (e instanceof RangeError); } })()", "S:RangeError: Maximum call stack size exceeded true", "Newman 6.2.2 and Postman CLI 1.34.0"},
		{"overflow caught where the body returns", "(() => { function g(n) { try { return g(n + 1); } catch (e) { return n > 100; } } return g(0); })()", "boolean:true", "Newman 6.2.2"},
		{"return a value", "(() => { try { return 1; } catch (e) {} return 2; })()", "number:1", ref},
		{"return nothing", "(() => { try { return; } catch (e) {} return 2; })()", "undefined:undefined", ref},
		{"fall through", "(() => { try { if (false) return 1; } catch (e) {} return 2; })()", "number:2", ref},
		{"return from a nested function only", "(() => { try { [1].forEach(function () { return 5; }); } catch (e) {} return 3; })()", "number:3", ref},
		{"let stays in the block", "(() => { let x = 1; try { let x = 2; x++; } catch (e) {} return x; })()", "number:1", ref},
		{"outer let is assigned", "(() => { let x = 1; try { x = 2; } catch (e) {} return x; })()", "number:2", ref},
		{"var is hoisted", "(() => { try { var v = 7; } catch (e) {} return v; })()", "number:7", ref},
		{"break inside a loop", "(() => { let n = 0; try { for (;;) { n++; if (n > 2) break; } } catch (e) {} return n; })()", "number:3", ref},
		{"break out of the try", "(() => { let n = 0; for (;;) { try { n++; break; } catch (e) {} } return n; })()", "number:1", ref},
		{"continue out of the try", "(() => { let n = 0; for (let i = 0; i < 3; i++) { try { if (i) continue; n++; } catch (e) {} } return n; })()", "number:1", ref},
		{"labelled break", "(() => { let n = 0; out: for (;;) { try { n++; break out; } catch (e) {} } return n; })()", "number:1", ref},
		{"this", "(function () { try { return this.k; } catch (e) {} }).call({k: 'this'})", "S:this", ref},
		{"thrown value", "(() => { try { throw 'plain'; } catch (e) { return e; } })()", "S:plain", ref},
		{"finally runs", "(() => { let s = ''; try { try { s += 'a'; return s; } catch (e) {} finally { s += 'f'; } } finally { } })() ", "S:a", ref},
		{"nested", "(() => { try { try { null.x; } catch (e) { throw new Error('inner ' + e.name); } } catch (e) { return e.message; } })()", "S:inner TypeError", ref},
		{"await in the body", "typeof (async () => { try { await 1; return 1; } catch (e) {} })().then", "S:function", ref},
		{"generator", "(() => { function* g() { try { yield 1; } catch (e) {} } return [...g()].join(); })()", "S:1", ref},
		{"function declaration in the body", "(() => { try { function q() { return 9; } return q(); } catch (e) {} })()", "number:9", ref},
		{"arguments in the body", "(function () { try { return arguments[1]; } catch (e) {} })(1, 'arg')", "S:arg", ref},
		{"eval in the body", "(function () { var k = 'e'; try { return eval('k'); } catch (e) {} })()", "S:e", ref},
	})
}

// TestAggregateErrorMessages: AggregateError and Promise.any's rejection
// carry their messages, as in Postman CLI 1.34.0 (Newman 6.2.2's sandbox
// has no AggregateError). Answers in the order Postman reported them.
func TestAggregateErrorMessages(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `function out(v) { pm.test(JSON.stringify(v), function () {}); }
var ae = new AggregateError([new Error('a'), 'b'], 'all failed'); out([ae.name, ae.message, ae.errors.length, String(ae)]);
out([Promise.any.length, Promise.any.name]);
Promise.any([Promise.reject(new Error('x')), Promise.reject(2)]).catch(function (e) { out(['any', e.name, e.message, e.errors.length, e.errors[1], e instanceof AggregateError]); });
Promise.any([]).catch(function (e) { out(['empty', e.message, e.errors.length]); });
Promise.any([Promise.reject(1), 5]).then(function (v) { out(['ok', v]); });
Promise.any(5).catch(function (e) { out(['not iterable', e.name]); });`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, tr := range r.Tests {
		got = append(got, tr.Name)
	}
	want := []string{
		`["AggregateError","all failed",2,"AggregateError: all failed"]`,
		`[1,"any"]`,
		`["empty","All promises were rejected",0]`,
		`["not iterable","TypeError"]`,
		`["any","AggregateError","All promises were rejected",2,2,true]`,
		`["ok",5]`,
	}
	// Compared as sets: the order in which separate promise chains settle
	// follows goja's job queue, which runs the not-iterable rejection's
	// handler one turn later than V8 does.
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant (Postman CLI 1.34.0)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAwaitGuardPositions: in a try body that awaits, an overflow started
// from each kind of statement the guard walks (awaitGuard.stmt) after the
// first await is the RangeError the try catches, as in V8: a loop's body of
// each kind, an awaited operand assigned or returned, a declaration's
// initializer, an if's test, a switch case, a labelled statement and a
// nested try's blocks.
func TestAwaitGuardPositions(t *testing.T) {
	t.Parallel()
	forms := []struct{ name, stmt string }{
		{"for", `for (let i = 0; i < 1; i++) { await null; deep(0); }`},
		{"for-of", `for (const i of [1]) { await null; deep(0); }`},
		{"for-in", `for (const k in { a: 1 }) { await null; deep(0); }`},
		{"while", `while (true) { await null; deep(0); }`},
		{"do-while", `do { await null; deep(0); } while (false);`},
		{"assigned await", `v = await deep(0);`},
		{"await", `await deep(0);`},
		{"returned await", `return await deep(0);`},
		{"declaration", `const w = deep(0);`},
		{"if test", `if (deep(0)) { await null; }`},
		{"if branch", `if (v === undefined) { await null; deep(0); } else { await null; }`},
		{"switch case", `switch (v) { default: await null; deep(0); }`},
		{"labelled", `l: for (;;) { await null; deep(0); }`},
		{"nested try", `try { await null; deep(0); } finally { v = 1; }`},
		{"nested catch", `try { throw 1; } catch (x) { await null; deep(0); }`},
		{"nested finally", `try { v = 1; } finally { await null; deep(0); }`},
	}
	var src strings.Builder
	src.WriteString("function out(v) { pm.test(String(v), () => {}); }\nfunction deep(n) { return deep(n + 1) + 1; }\n(async () => {\n  let v;\n")
	var want []string
	for _, f := range forms {
		fmt.Fprintf(&src, "  out(await (async () => { try { await null; %s } catch (e) { return %q + ' ' + e.name; } return %q + ' not caught'; })());\n", f.stmt, f.name, f.name)
		want = append(want, f.name+" RangeError")
	}
	src.WriteString("})();")
	checkTestNames(t, src.String(), want)
}

// TestAsyncOverflowRejectsAsPostman: a stack overflow in an async
// function's code after an await rejects the function's promise with V8's
// RangeError (the caller's await or catch takes it and the script goes
// on); courier ended the whole script with it. Postman CLI 1.34.0's
// answers, recorded under unshare -n (fresh-round12l-d has the probe too).
func TestAsyncOverflowRejectsAsPostman(t *testing.T) {
	t.Parallel()
	const rangeErr = "E:RangeError: Maximum call stack size exceeded"
	src := `function out(v) { pm.test(String(v), () => {}); }
async function ap(label, f) { let v; try { v = JSON.stringify(await f()); } catch (e) { v = 'E:' + (e && e.name) + ': ' + (e && e.message); } out(label + ' ' + v); }
function down(n) { return down(n + 1) + 1; }
(async () => {
await ap('a', async () => { await null; return down(0); });
await ap('b', async () => { await null; const x = down(0); return x; });
await ap('c', async function () { await null; if (true) { down(0); } });
await ap('d', async () => { for (const i of [1]) { await null; down(i); } });
await ap('e', async () => { await null; try { down(0); } finally { out('finally ran'); } });
await ap('f', async () => { let n = 0; await null; n++; await null; return [n, (() => { try { down(0); } catch (e) { return e.name; } })()]; });
class K { async m() { await null; return down(0); } }
await ap('g', () => new K().m());
await ap('h', () => ({ async m() { await 1; return down(0); } }).m());
await ap('i', async () => { const r = await Promise.resolve(1); return r + down(0); });
await ap('j', () => (async () => { await null; return down(0); })().catch(e => 'caught ' + e.name));
out('end');
})();`
	checkTestNames(t, src, []string{"a " + rangeErr, "b " + rangeErr, "c " + rangeErr, "d " + rangeErr, "finally ran", "e " + rangeErr,
		`f [1,"RangeError"]`, "g " + rangeErr, "h " + rangeErr, "i " + rangeErr, `j "caught RangeError"`, "end"})
}

// TestPromiseCallbackOverflowRejectsAsPostman: a stack overflow in a then,
// catch or finally handler, a promise executor, an async arrow's
// expression body or an async generator resumed after an await rejects
// the promise with V8's RangeError; courier ended the whole script (and
// with a timer pending, waited for the run's timeout). Postman CLI
// 1.34.0's answers, recorded under unshare -n (fresh-round12l-f).
func TestPromiseCallbackOverflowRejectsAsPostman(t *testing.T) {
	t.Parallel()
	const rangeErr = " E:RangeError: Maximum call stack size exceeded"
	src := `function out(v) { pm.test(String(v), () => {}); }
async function ap(label, f) { let v; try { v = JSON.stringify(await f()); } catch (e) { v = 'E:' + (e && e.name) + ': ' + (e && e.message); } out(label + ' ' + v); }
function down(n) { return down(n + 1) + 1; }
const keep = setInterval(() => {}, 20);
const steps = [
  ['then callback', () => Promise.resolve(1).then(() => down(0))],
  ['then rejection handler', () => Promise.reject(1).then(null, () => down(0))],
  ['catch callback', () => Promise.reject(1).catch(() => down(0))],
  ['finally callback', () => Promise.resolve(1).finally(() => down(0))],
  ['new Promise executor', () => new Promise(() => down(0))],
  ['async arrow expression body', () => (async () => down(0))()],
  ['async function sync part', () => (async function () { return down(0); })()],
  ['async method after await', () => ({ async m() { await 1; return down(0); } }).m()],
  ['chain goes on', () => Promise.resolve(1).then(() => down(0)).catch(e => 'recovered from ' + e.name).then(v => v + '!')],
  ['async generator after await', async () => { async function* g() { await null; yield down(0); } return (await g().next()).value; }],
];
steps.reduce((prev, [label, f]) => prev.then(() => ap(label, f)), Promise.resolve()).then(() => { out('end'); clearInterval(keep); });`
	checkTestNames(t, src, []string{"then callback" + rangeErr, "then rejection handler" + rangeErr, "catch callback" + rangeErr,
		"finally callback" + rangeErr, "new Promise executor" + rangeErr, "async arrow expression body" + rangeErr,
		"async function sync part" + rangeErr, "async method after await" + rangeErr, `chain goes on "recovered from RangeError!"`,
		"async generator after await" + rangeErr, "end"})
}

// TestMayCatchNamesWords: the instrumenting is for scripts that name
// catch, then, eval or Function as words; the same letters inside other
// words ("authentication", "evaluate", "catchy") do not ask for it.
func TestMayCatchNamesWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want bool
	}{
		{`pm.test("authentication works", () => {})`, false},
		{`const evaluated = 1; let catchy, FunctionName;`, false},
		{`p.then(r => r)`, true},
		{`try { f() } catch (e) {}`, true},
		{`p.catch(console.log)`, true},
		{`eval("1")`, true},
		{`new Function("return 1")`, true},
		{`o['then'] = 1`, true},
	}
	for _, tt := range tests {
		if got := mayCatch(tt.src); got != tt.want {
			t.Errorf("mayCatch(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
