package scripting

import (
	"context"
	"strings"
	"testing"
	"time"
)

// The refusals of iterators that give no object, of set-likes' size and
// keys, and reads through a symbol key held in a variable, as V8 words
// them (goja: "Value is not an object: 7" for both a Symbol.iterator
// method's result and a next result, a size of -Infinity taken as 0, the
// symbol named by its description alone). Each want line is what Postman
// CLI 1.34.0 printed for the same line (recorded three times, the same each
// time); the async lines run one after another so their order is fixed.
func TestIteratorResultWordsAsPostman(t *testing.T) {
	t.Parallel()
	// Without the checks, goja's iterators loop for ever on these
	// (Array.fromAsync, Promise.any): the script's own time limit ends
	// them (a cap, not a timing: the script takes milliseconds).
	src := probeHarness + `
p(() => { for (const x of {[Symbol.iterator]: () => 1}) {} });
p(() => [...{[Symbol.iterator]: () => 1}]);
p(() => { const [a] = {[Symbol.iterator]: () => 1}; });
p(() => Array.from({[Symbol.iterator]: () => 1}));
p(() => new Map({[Symbol.iterator]: () => 1}));
p(() => new Set({[Symbol.iterator]: () => 1}));
p(() => Math.max(...{[Symbol.iterator]: () => 1}));
p(() => new Set([1]).union({size: -Infinity, has() {}, keys() {}}));
p(() => new Set([1]).union({size: Infinity, has() {}, keys() {}}).size);
p(() => new Set([1]).isSubsetOf({size: -Infinity, has() {}, keys() {}}));
p(() => new Set([1]).union({size: -0.5, has() {}, keys() {}}).size);
p(() => { const k = Symbol.iterator; const o = null; return o[k]; });
p(() => { const k = Symbol('foo'); const o = undefined; return o[k]; });
p(() => { const k = Symbol('foo'); const o = {}; o.x[k]; });
p(() => { const k = Symbol('foo'); const o = null; o[k] = 1; });
p(() => { const k = Symbol(); const o = null; return o[k]; });
p(() => new Set([1]).union({size: 1, has() {}, keys() { return 5; }}));
p(() => new Uint8Array({[Symbol.iterator]: () => 1}));
p(() => { function* g() { yield* {[Symbol.iterator]: () => 1}; } [...g()]; });
const bad = {[Symbol.iterator]: () => ({next: () => 5})};
p(() => { for (const x of bad) {} });
p(() => [...bad]);
p(() => Array.from(bad));
p(() => new Map(bad));
p(() => new Set([1]).union({size: 1, has() {}, keys() { return {next: () => 5}; }}));
p(() => new Set([1]).intersection({size: Infinity, has(x) { return true; }, keys() { throw new Error('keys called'); }}).size);
p(() => new Set([1,2]).intersection({size: 1, has(x) { throw new Error('has called'); }, keys() { return [2][Symbol.iterator](); }}).size);
p(() => new Set([1]).union({size: -Infinity, has: 5, keys() {}}));
p(() => new Set([1]).union({size: -1e300, has() {}, keys() {}}));
p(() => new Set([1]).union({size: '-Infinity', has() {}, keys() {}}));
p(() => new Set([1]).union({size: -1.5, has() {}, keys() {}}));
p(() => new Set([1]).union({size: 1, has() {}, keys() { return null; }}));
p(() => new Set([1]).union({size: 1, has() {}, keys() { return 'abc'; }}));
p(() => new Set([1]).isDisjointFrom({size: 0, has() {}, keys() { return 7; }}));
p(() => new Set([1]).isSupersetOf({size: 0, has() {}, keys() { return 7; }}));
const it = r => ({[Symbol.iterator]: () => ({next: () => r})});
p(() => { for (const x of it(null)) {} });
p(() => { for (const x of it(undefined)) {} });
p(() => { for (const x of it('abc')) {} });
p(() => { for (const x of it(Symbol('s'))) {} });
p(() => { for (const x of it(5n)) {} });
p(() => { for (const x of it(true)) {} });
p(() => { for (const x of it(-0)) {} });
p(() => { for (const x of it(1.5e300)) {} });
p(() => { const [a] = it(7); });
p(() => { const [a, ...b] = it(7); });
p(() => Math.max(...it(7)));
p(() => { function* g() { yield* it(7); } [...g()]; });
p(() => Object.fromEntries(it(7)));
p(() => new Uint8Array(it(7)));
p(() => new AggregateError(it(7)));
p(() => new WeakSet(it(7)));
p(() => Object.groupBy(it(7), x => x));
p(() => Map.groupBy(it(7), x => x));
p(() => Object.groupBy({[Symbol.iterator]: () => 1}, x => x));
p(() => Uint8Array.from(it(7)));
p(() => Uint8Array.from({[Symbol.iterator]: () => 1}));
p(() => new AggregateError({[Symbol.iterator]: () => 1}));
p(() => new Set([1]).union({size: -1e21, has() {}, keys() {}}));
p(() => new Set([1]).union({size: -5e-324, has() {}, keys() {}}).size);
p(() => new Set([1]).union({size: Symbol(), has() {}, keys() {}}));
p(() => new Set([1]).union({size: {valueOf() { return -Infinity; }}, has() {}, keys() {}}));
p(() => { const k = Symbol.asyncIterator; const o = null; return o[k]; });
p(() => { const k = Symbol.iterator; let o; return o[k]; });
p(() => { const k = Symbol.iterator; const o = {}; return o.a.b[k]; });
p(() => { const k = Symbol.iterator; const o = null; o[k](); });
p(() => { const k = Symbol('x'); const o = null; o[k](); });
p(() => { const k = Symbol('x'); const o = null; return o[k].y; });
p(() => { const k = Symbol('x'); const o = null; o[k] += 1; });
p(() => { const k = Symbol('x'); const o = null; delete o[k]; });
p(() => Object.groupBy(5, x => x));
p(() => Object.groupBy({}, x => x));
p(() => Map.groupBy(true, x => x));
p(() => Object.groupBy({[Symbol.iterator]: 5}, x => x));
p(() => JSON.stringify(Object.groupBy('abc', x => x)));
p(() => { const o = null; o.x(); });
p(() => { const o = null; o['x'](); });
p(() => { const k = 'x'; const o = null; o[k](); });
p(() => { const k = Symbol('x'); const o = null; o[k](); });
p(() => { const k = 'x'; const o = null; o[k] += 1; });
p(() => { const k = Symbol('x'); const o = null; o[k] += 1; });
p(() => { const k = Symbol('x'); const o = null; o[k]++; });
p(() => { const k = Symbol('x'); const o = null; o[k]` + "`" + `t` + "`" + `; });
(async () => {
  const a = async (name, f) => { try { const v = await f(); pm.test(name + ':' + JSON.stringify(v), () => {}); } catch (e) { pm.test(name + ':' + e.name + ': ' + e.message, () => {}); } };
  await a('fa', () => Array.fromAsync(it(7)));
  await a('fa2', () => Array.fromAsync({[Symbol.iterator]: () => 1}));
  await a('fa3', () => Array.fromAsync({[Symbol.asyncIterator]: () => 1}));
  await a('fa4', () => Array.fromAsync({[Symbol.asyncIterator]: () => ({next: () => 3})}));
  await a('any', () => Promise.any(it(7)));
  await a('any2', () => Promise.any({[Symbol.iterator]: () => 1}));
  await a('any3', () => Promise.any(5));
  await a('any4', () => Promise.any({}));
  await a('all', () => Promise.all(it(7)));
  await a('all2', () => Promise.all({[Symbol.iterator]: () => 1}));
  await a('all3', () => Promise.all(5));
  await a('race', () => Promise.race(bad));
  await a('race2', () => Promise.race({}));
  await a('as', () => Promise.allSettled(null));
  await a('as2', () => Promise.allSettled(5));
  await a('ok', () => Promise.all(new Set([Promise.resolve(1), 2])));
  await a('ok2', () => Promise.race((function* () { yield 4; })()));
  await a('ok3', () => Array.fromAsync(new Set([1, Promise.resolve(2)])));
  await a('ok4', () => Promise.any([Promise.reject(1), 3]));
  pm.test(String(Promise.all) + Promise.all.name + Promise.all.length + String(Promise.race) + Promise.allSettled.length, () => {});
})();`
	want := []string{
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:RangeError: '-Infinity' is an invalid size",
		"E:TypeError: Result of the keys method is not an object",
		"E:RangeError: '-Infinity' is an invalid size",
		"E:TypeError: Result of the keys method is not an object",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot read properties of undefined (reading 'Symbol(foo)')",
		"E:TypeError: Cannot read properties of undefined (reading 'Symbol(foo)')",
		"E:TypeError: Cannot set properties of null (setting 'Symbol(foo)')",
		"E:TypeError: Cannot read properties of null (reading 'Symbol()')",
		"E:TypeError: Result of the keys method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Iterator result 5 is not an object",
		"E:TypeError: Iterator result 5 is not an object",
		"E:TypeError: Iterator result 5 is not an object",
		"E:TypeError: Iterator result 5 is not an object",
		"E:TypeError: Iterator result 5 is not an object",
		"1",
		"1",
		"E:RangeError: '-Infinity' is an invalid size",
		"E:RangeError: '-1e+300' is an invalid size",
		"E:RangeError: '-Infinity' is an invalid size",
		"E:RangeError: '-1' is an invalid size",
		"E:TypeError: Result of the keys method is not an object",
		"E:TypeError: Result of the keys method is not an object",
		"E:TypeError: Result of the keys method is not an object",
		"E:TypeError: Result of the keys method is not an object",
		"E:TypeError: Iterator result null is not an object",
		"E:TypeError: Iterator result undefined is not an object",
		"E:TypeError: Iterator result abc is not an object",
		"E:TypeError: Iterator result Symbol(s) is not an object",
		"E:TypeError: Iterator result 5 is not an object",
		"E:TypeError: Iterator result true is not an object",
		"E:TypeError: Iterator result 0 is not an object",
		"E:TypeError: Iterator result 1.5e+300 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Iterator result 7 is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"E:RangeError: '-1e+21' is an invalid size",
		"E:TypeError: Result of the keys method is not an object",
		"E:TypeError: Cannot convert a Symbol value to a number",
		"E:RangeError: '-Infinity' is an invalid size",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(Symbol.asyncIterator)')",
		"E:TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot read properties of undefined (reading 'b')",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(x)')",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(x)')",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(x)')",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: boolean true is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"{\"a\":[\"a\"],\"b\":[\"b\"],\"c\":[\"c\"]}",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(x)')",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(x)')",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(x)')",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(x)')",
		"fa:TypeError: Iterator result 7 is not an object",
		"fa2:TypeError: Result of the Symbol.iterator method is not an object",
		"fa3:TypeError: Result of the Symbol.iterator method is not an object",
		"fa4:TypeError: Iterator result Array.fromAsync is not an object",
		"any:TypeError: Iterator result 7 is not an object",
		"any2:TypeError: Result of the Symbol.iterator method is not an object",
		"any3:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"any4:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"all:TypeError: Iterator result 7 is not an object",
		"all2:TypeError: Result of the Symbol.iterator method is not an object",
		"all3:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"race:TypeError: Iterator result 5 is not an object",
		"race2:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"as:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"as2:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"ok:[1,2]",
		"ok2:4",
		"ok3:[1,2]",
		"ok4:3",
		"function all() { [native code] }all1function race() { [native code] }1",
	}
	e, _ := newTestEngine(t, Options{Timeout: time.Minute})
	r := e.Run(context.Background(), testExec("test", src))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, tr := range r.Tests {
		got = append(got, tr.Name)
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}
