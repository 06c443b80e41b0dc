package scripting

import (
	"context"
	"strings"
	"testing"
)

// using and await using declarations (using.go, js/parts/using.js): order
// of disposal, null values, refused values, SuppressedError chains, for-of
// heads, early exits, await using with sync and async methods; every line
// is Postman CLI 1.34's answer (three runs).
func TestUsingDeclarationsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`const log = [];
const res = (n, fail) => ({ [Symbol.dispose]() { log.push('dispose ' + n); if (fail) throw new Error('fail ' + n); } });
function f1() { using a = res('a'), b = res('b'); using c = res('c'); log.push('body'); return 'ret'; }
T(() => f1() + ' ' + log.splice(0).join(','));
T(() => { { using x = null, y = undefined; log.push('nulls ok'); } return log.splice(0).join(','); });
T(() => { try { using x = 5; } catch (e) { return e.name + ': ' + e.message; } });
T(() => { try { using x = {}; } catch (e) { return e.name + ': ' + e.message; } });
T(() => { try { using x = {[Symbol.dispose]: 5}; } catch (e) { return e.name + ': ' + e.message; } });
T(() => { try { using a = res('a', true), b = res('b', true); throw new Error('body'); } catch (e) { return e.name + ': ' + e.message + ' | ' + (e.error && e.error.message) + ' | ' + (e.suppressed && (e.suppressed.name + ':' + e.suppressed.message + '/' + (e.suppressed.error && e.suppressed.error.message) + '/' + (e.suppressed.suppressed && e.suppressed.suppressed.message))) + ' | ' + Object.prototype.toString.call(e) + ' ' + (e instanceof Error) + ' ' + Object.keys(e).join() + ' ' + log.splice(0).join(','); } });
T(() => { try { using a = res('a', true); } catch (e) { return e.name + ': ' + e.message + ' ' + log.splice(0).join(','); } });
T(() => { for (using r of [res(1), res(2)]) { log.push('iter'); } return log.splice(0).join(','); });
T(() => { for (const i of [1, 2]) { using r = res(i); if (i === 1) continue; log.push('after ' + i); } return log.splice(0).join(','); });
T(() => { outer: for (const i of [1, 2]) { using r = res(i); break outer; } return log.splice(0).join(','); });
T(() => { switch (1) { case 1: { using r = res('sw'); log.push('case'); } } return log.splice(0).join(','); });
T(() => { let using = 3; using += 1; return using; });
T(() => { const o = {using: 1}; return o.using; });
T(() => { const d = res('ret-order'); function g() { using z = d; return log.length; } return g() + ' ' + log.splice(0).join(','); });
T(() => { const x = res('x'); { using y = x; } { using y = x; } return log.splice(0).join(','); });
T(() => { let n = 0; const r = { get [Symbol.dispose]() { n++; return () => log.push('got'); } }; { using a = r; log.push('n=' + n); } return log.splice(0).join(',') + ' ' + n; });
T(() => { const e = new Error('x'); e.suppressed = 1; return typeof SuppressedError; });
const hold = setTimeout(() => {}, 500);
(async () => {
  const ares = (n) => ({ async [Symbol.asyncDispose]() { await null; log.push('adispose ' + n); } });
  { await using a = ares('a'), b = res('sync b'); log.push('abody'); }
  t('await using ' + log.splice(0).join(','));
  { await using n = null; log.push('anull'); }
  t('await null ' + log.splice(0).join(','));
  try { await using q = {}; } catch (e) { t('E ' + e.name + ': ' + e.message); }
  for await (using v of [res('fa')]) { log.push('fa body'); }
  t('for await using ' + log.splice(0).join(','));
  for (await using v of [ares('fo')]) { log.push('fo body'); }
  t('for await-using ' + log.splice(0).join(','));
  clearTimeout(hold);
})();
`, []string{
		"ret body,dispose c,dispose b,dispose a",
		"nulls ok",
		"TypeError: An object is expected with `using` declarations",
		"TypeError: Symbol(Symbol.dispose) is not a function",
		"TypeError: Symbol(Symbol.dispose) is not a function",
		"SuppressedError: An error was suppressed during disposal | fail a | SuppressedError:An error was suppressed during disposal/fail b/body | [object Error] true  dispose b,dispose a",
		"Error: fail a dispose a",
		"iter,dispose 1,iter,dispose 2",
		"dispose 1,after 2,dispose 2",
		"dispose 1",
		"case,dispose sw",
		"4",
		"1",
		"0 dispose ret-order",
		"dispose x,dispose x",
		"n=1,got 1",
		"undefined",
		"await using abody,dispose sync b,adispose a",
		"await null anull",
		"E TypeError: Symbol(Symbol.dispose) is not a function",
		"for await using fa body,dispose fa",
		"for await-using fo body,adispose fo",
	})
}

// using at a script's top level, in arrows, static blocks, generators,
// labelled and single-statement loops, async generators; `using` as a
// plain name still works. Postman CLI 1.34's answers (three runs).
func TestUsingDeclarationsWhereTheyStandAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`const log = [];
const res = (n) => ({ [Symbol.dispose]() { log.push('dispose ' + n); } });
using top = res('top');
log.push('top body');
var using = 1; using = using + 1; t('identifier ' + using);
function usingFn(x) { return x; } t('call ' + usingFn(3));
T(() => { const o = { using(v) { return v * 2; } }; return o.using(2); });
T(() => { const arrow = () => { using a = res('arrow'); return 'in arrow'; }; return arrow() + ' ' + log.splice(0).join(','); });
T(() => { class K { static { using s = res('static'); log.push('static body'); } } return log.splice(0).join(','); });
T(() => { lbl: for (using r of [res('l1'), res('l2')]) { for (const j of [1]) { continue lbl; } } return log.splice(0).join(','); });
T(() => { for (using r of [res('single')]) log.push('stmt'); return log.splice(0).join(','); });
T(() => { try { (() => { using a = res('line'); throw new Error('inner'); })(); } catch (e) { return e.message + ' ' + log.splice(0).join(','); } });
T(() => { function* g() { using a = res('gen'); yield 1; yield 2; } const it = g(); it.next(); it.return(); return log.splice(0).join(','); });
T(() => { if (true) { using a = res('if'); } return log.splice(0).join(','); });
T(() => { let s = ''; for (const i of [1]) { using a = res('x' + i), b = null; s += typeof b; } return s + ' ' + log.splice(0).join(','); });
const hold = setTimeout(() => {}, 300);
(async () => {
  async function* ag() { await using a = { async [Symbol.asyncDispose]() { log.push('ag dispose'); } }; yield 'v'; }
  for await (const v of ag()) { log.push('got ' + v); }
  t('async gen ' + log.splice(0).join(','));
  clearTimeout(hold);
  setTimeout(() => t('after script ' + log.splice(0).join(',')), 0);
})();
t('end of script ' + log.splice(0).join(','));
`, []string{
		"identifier 2",
		"call 3",
		"4",
		"in arrow top body,dispose arrow",
		"static body,dispose static",
		"dispose l1,dispose l2",
		"stmt,dispose single",
		"inner dispose line",
		"dispose gen",
		"dispose if",
		"object dispose x1",
		"end of script ",
		"async gen dispose top,got v,ag dispose",
		"after script ",
	})
}

// A finally block that throws after its body completed: goja let the
// statement's own catch take the error and ran finally twice
// (finallyfix.go). Postman CLI 1.34's answers (three runs).
func TestThrowInFinallyAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`const log = [];
T(() => { try { try { log.push('body'); } catch (e) { log.push('c'); } finally { log.push('fin'); throw new Error('F'); } } catch (e) { return e.message + ' ' + log.splice(0).join(','); } });
T(() => { try { const s = []; try { log.push('body'); } catch (e) { s.e = e; } finally { log.push('fin'); throw new Error('F'); } } catch (e) { return e.message + ' ' + log.splice(0).join(','); } });
T(() => { try { try { log.push('body'); } finally { log.push('fin'); throw new Error('F'); } } catch (e) { return e.message + ' ' + log.splice(0).join(','); } });
`, []string{
		"F body,fin",
		"F body,fin",
		"F body,fin",
	})
}

// The rewrite keeps lines: an uncaught error after using declarations is
// reported on its own line, and a form V8 refuses fails to compile.
func TestUsingKeepsPositionsAndRefusesWhatItCannotCover(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", "const r = {[Symbol.dispose]() {}};\n{ using a = r,\n    b = r;\n  undefinedFunction(); }"))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "undefinedFunction is not defined") || !strings.Contains(r.Err.Error(), "at 4:20") {
		t.Errorf("error %v: want a ReferenceError at 4:20, where it is without using", r.Err)
	}
	// Postman CLI 1.34: SyntaxError: Unexpected identifier 'r'.
	r = e.Run(context.Background(), testExec("test", "switch (1) { case 1: using r = null; }"))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "SyntaxError: Unexpected identifier 'r'") {
		t.Errorf("using in a case clause: %v, want V8's SyntaxError", r.Err)
	}
	for src, want := range map[string]string{
		"using x = f();":               "const x = f();",
		"await using x = f();":         "const       x = f();",
		"foo.using x":                  "",
		"using\nx = 1":                 "",
		"const s = 'using x = 1';":     "",
		"for (using of of xs) {}":      "",
		"a; using  y = 1, z = 2":       "a; const  y = 1, z = 2",
		"if (using instanceof Object)": "",
	} {
		got, decls := replaceUsingKeywords(src)
		if want == "" {
			want = src
			if len(decls) != 0 {
				t.Errorf("%q: %d declarations found, want none", src, len(decls))
			}
		}
		if got != want {
			t.Errorf("replaceUsingKeywords(%q) = %q, want %q", src, got, want)
		}
	}
}

// C-style for heads with using declarations: disposed once, when the loop
// is left (its end, break, continue to its label, a throw, a return). Each
// want line is what Postman CLI 1.34.0 printed for the same line.
func TestUsingInForHeadsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
const log = [];
const res = (n) => ({ n, [Symbol.dispose]() { log.push('dispose ' + n); } });
p(() => { for (using r = res('a'), s = res('b'); log.length < 2; ) { log.push('body ' + r.n + s.n); } return log.splice(0).join(','); });
p(() => { let i = 0; for (using r = res('c'); i < 3; i++) { log.push('i' + i); } return log.splice(0).join(','); });
p(() => { try { for (using r = res('d'); ; ) { throw new Error('x'); } } catch (e) { log.push(e.message); } return log.splice(0).join(','); });
p(() => { outer: for (using r = res('e'); ; ) { for (const j of [1, 2]) { if (j === 2) break outer; log.push('j' + j); } } return log.splice(0).join(','); });
p(() => { let k = 0; lbl: for (using r = res('f'); k < 2; k++) { if (k === 0) continue lbl; log.push('k' + k); } return log.splice(0).join(','); });
p(() => { for (using r = null; false; ) {} return 'null ok'; });
p(() => { for (using r = 5; false; ) {} });
p(() => { function f() { for (using r = res('g'); ; ) { return 'ret'; } } return f() + ' ' + log.splice(0).join(','); });
p(() => { if (true) for (using r = res('h'); log.length < 1; ) log.push('single'); return log.splice(0).join(','); });`, []string{
		"body ab,body ab,dispose b,dispose a",
		"i0,i1,i2,dispose c",
		"dispose d,x",
		"j1,dispose e",
		"k1,dispose f",
		"null ok",
		"E:TypeError: An object is expected with `using` declarations",
		"ret dispose g",
		"single,dispose h",
	})
}

// TestUsingInEvalAsPostman: using declarations in code given to eval or
// new Function run as in a script (goja refused them: "Unexpected
// identifier 'x'"), and one at the top level of eval'd code is refused as
// V8 refuses it. Postman CLI 1.34.0's answers, recorded under unshare -n
// (fresh-round12l-b too).
func TestUsingInEvalAsPostman(t *testing.T) {
	t.Parallel()
	src := `function out(v) { pm.test(String(v), () => {}); }
function p(label, f) { let v; try { v = JSON.stringify(f()); } catch (e) { v = 'E:' + (e && e.name) + ': ' + (e && e.message); } out(label + ' ' + v); }
const log = [];
globalThis_res = { [Symbol.dispose]() { log.push('disposed'); } };
p('a', () => eval('{ using x = null; } "ok"'));
p('b', () => eval('using y = null; 1'));
p('c', () => eval('{ using r = globalThis_res; log.push("body"); } log.join()'));
p('d', () => new Function('using z = { [Symbol.dispose]() { log.push("fn"); } }; return log.length')());
p('e', () => eval('{ using q = 5; }'));
p('f', () => (0, eval)('{ using w = null; } "indirect"'));
p('g', () => log);`
	checkTestNames(t, src, []string{`a "ok"`, "b E:SyntaxError: Unexpected identifier 'y'", `c "body,disposed"`,
		"d E:SuppressedError: An error was suppressed during disposal", "e E:TypeError: An object is expected with `using` declarations",
		`f "indirect"`, `g ["body","disposed"]`})
}
