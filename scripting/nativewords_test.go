package scripting

import "testing"

// The built-ins goja words otherwise than V8 where they refuse their
// argument (nativewords.go), and a read of Symbol.iterator on null: each
// want line is what Postman CLI 1.34.0 printed for the same line.
func TestNativeRefusalWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => [1].with(5, 1));
p(() => [1].with(-5, 1));
p(() => [1, 2].with(2, 1));
p(() => [].with(0, 1));
p(() => Array.prototype.with.call({length: 2}, 7, 1));
p(() => [1].with(Infinity, 1));
p(() => [1].with(1.5, 1));
p(() => [1].with(-1.5, 1));
p(() => [1].with(1e21, 1));
p(() => new Set([1]).union([1]));
p(() => new Set([1]).intersection([1]));
p(() => new Set([1]).isSubsetOf({size: 'x', has() {}, keys() {}}));
p(() => new Set([1]).union({size: undefined, has() {}, keys() {}}));
p(() => new Set([1]).union({size: 1, has: 5, keys() {}}));
p(() => new Set([1]).union({size: 1, has() {}, keys: 5}));
p(() => new Set([1]).union({size: -1, has() {}, keys() {}}));
p(() => new Set([1]).union(new Map([[1,2]])).size);
p(() => new AggregateError(5));
p(() => new AggregateError(null));
p(() => new AggregateError(undefined));
p(() => new AggregateError(true));
p(() => new AggregateError('ab').errors.length);
p(() => new AggregateError({}));
p(() => new AggregateError(Symbol('s')));
p(() => new AggregateError(5n));
p(() => AggregateError(5));
p(() => { for (const x of null) {} });
p(() => { for (const x of undefined) {} });
p(() => { const [a] = null; });
p(() => { const o = null; o[Symbol.iterator]; });
p(() => [...null]);
p(() => Array.from(null));
p(() => new Set(null).size);
p(() => { for (const x of 5) {} });
p(() => { for (const x of {}) {} });
p(() => new Map(5));
p(() => Object.fromEntries(null));
p(() => Object.fromEntries(5));
p(() => Array.from({[Symbol.iterator]: null}, x=>x));
p(() => new AggregateError(5, 'm'));
p(() => new AggregateError({[Symbol.iterator]: 5}));
p(() => new Map(Symbol('s')));
p(() => new Map(5n));
p(() => { class A extends AggregateError {} return new A(5); });
p(() => Reflect.construct(AggregateError, [7]));
p(() => { const AE = AggregateError; return new AE(null); });
p(() => new AggregateError([1, 2], 'msg').message + ' ' + new AggregateError([1]).errors);
p(() => { const o = undefined; o[Symbol.iterator]; });
p(() => { const o = null; o[Symbol.asyncIterator]; });
p(() => { const o = null; o[Symbol.toPrimitive]; });
p(() => { let o; return o?.[Symbol.iterator]; });
p(() => { const o = {a: null}; o.a[Symbol.iterator]; });
p(() => null[Symbol.iterator]);
p(() => undefined[Symbol.iterator]);
p(() => Array.from(undefined));
p(() => Array.from(5).length);
p(() => Uint8Array.from(null));
p(() => Array.from({[Symbol.iterator]: 5}));
p(() => [1, 2, 3].with(-4, 0));
p(() => { const a = [1]; return a.with('x', 2); });
p(() => new Set([1]).union({size: NaN, has() {}, keys() {}}));
p(() => new Set([1]).union({size: 1, has() {}, keys() { return {}; }}));
p(() => new Set([1]).union({size: 1, has() {}, keys() { return {next: 5}; }}));
p(() => new Set([1]).isSubsetOf({size: 1, has: null, keys() {}}));
p(() => new Set([1]).isSubsetOf({size: 1, has() {}, keys: undefined}));
p(() => new Set([1]).isSubsetOf({size: 1, has() {}, keys: 'k'}));
p(() => new Set([1]).union({size: 1n, has() {}, keys() {}}));
p(() => new Set([1]).union({size: Symbol(), has() {}, keys() {}}));
p(() => new Set([1]).union({size: {valueOf() { return -2; }}, has() {}, keys() {}}));`, []string{
		"E:RangeError: Invalid index : 5",
		"E:RangeError: Invalid index : -5",
		"E:RangeError: Invalid index : 2",
		"E:RangeError: Invalid index : 0",
		"E:RangeError: Invalid index : 7",
		"E:RangeError: Invalid index : Infinity",
		"E:RangeError: Invalid index : 1.5",
		"[1]",
		"E:RangeError: Invalid index : 1e+21",
		"E:TypeError: The .size property is NaN",
		"E:TypeError: The .size property is NaN",
		"E:TypeError: The .size property is NaN",
		"E:TypeError: The .size property is NaN",
		"E:TypeError: string \"has\" is not a function",
		"E:TypeError: string \"keys\" is not a function",
		"E:RangeError: '-1' is an invalid size",
		"1",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: boolean true is not iterable (cannot read property Symbol(Symbol.iterator))",
		"2",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: symbol is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: bigint is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: null is not iterable",
		"E:TypeError: undefined is not iterable",
		"E:TypeError: null is not iterable",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: null is not iterable",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"0",
		"E:TypeError: 5 is not iterable",
		"E:TypeError: {} is not iterable",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: undefined is not iterable",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"[]",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: symbol is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: bigint is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: number 7 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"msg 1",
		"E:TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(Symbol.asyncIterator)')",
		"E:TypeError: Cannot read properties of null (reading 'Symbol(Symbol.toPrimitive)')",
		"undefined",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
		"0",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: %Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function",
		"E:RangeError: Invalid index : -4",
		"[2]",
		"E:TypeError: The .size property is NaN",
		"E:TypeError: string \"next\" is not a function",
		"E:TypeError: string \"next\" is not a function",
		"E:TypeError: string \"has\" is not a function",
		"E:TypeError: string \"keys\" is not a function",
		"E:TypeError: string \"keys\" is not a function",
		"E:TypeError: Cannot convert a BigInt value to a number",
		"E:TypeError: Cannot convert a Symbol value to a number",
		"E:RangeError: '-2' is an invalid size",
	})
}

// Iterators whose next is not a function, and iterators handed on by
// yield*: goja called such a next through a nil func, a Go runtime error
// that ended the whole script (for-of, destructuring, yield*, the Set
// methods, Object.fromEntries); V8 throws a TypeError a catch takes. Each
// want line is what Postman CLI 1.34.0 printed for the same line.
func TestBrokenIteratorsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
const mk = (n) => ({[Symbol.iterator]() { return {next: n}; }});
p(() => { for (const x of mk(5)) {} });
p(() => { for (const x of mk(null)) {} });
p(() => { for (const x of mk('abc')) {} });
p(() => { for (const x of mk({})) {} });
p(() => { for (const x of mk(undefined)) {} });
p(() => { const [a] = mk(5); });
p(() => { const [] = mk(5); return 'ok'; });
p(() => new Set([1]).union({size: 1, has() {}, keys() { return {next: 'abc'}; }}));
p(() => { let n = 0; const it = {get next() { n++; return () => ({done: true}); }}; for (const x of {[Symbol.iterator]: () => it}) {} return n; });
p(() => { let log = []; const it = {next() { return {done: false, value: 1}; }, get return() { log.push('r'); return () => { log.push('called'); return {}; }; }}; for (const x of {[Symbol.iterator]: () => it}) { break; } return log.join(); });
p(() => { const it = {i: 0, next() { this.i++; return {done: this.i > 2, value: this === it}; }}; const out = []; for (const x of {[Symbol.iterator]: () => it}) out.push(x); return out.join(); });
p(() => { function* g() { yield 1; yield 2; } const out = []; for (const x of g()) out.push(x); return out.join(); });
p(() => { const m = new Map([[1, 2]]); const out = []; for (const [k, v] of m) out.push(k + v); return out.join(); });
p(() => { function* g() { try { yield 1; yield 2; } finally { pm.test('fin', () => {}); } } for (const x of g()) { break; } return 'b'; });
p(() => { const [a, b] = new Set([3, 4]); return a + b; });
p(() => { for (const x of {[Symbol.iterator]() { return 5; }}) {} });
p(() => { const log = []; function* inner() { try { const a = yield 1; log.push('a=' + a); yield 2; } finally { log.push('fin'); } } function* outer() { const r = yield* inner(); log.push('r=' + r); } const g = outer(); g.next(); g.next('x'); const z = g.return(5); return log.join() + ' ' + JSON.stringify(z); });
p(() => { const log = []; function* inner() { try { yield 1; } catch (e) { log.push('caught ' + e); yield 9; } } function* outer() { yield* inner(); } const g = outer(); g.next(); const z = g.throw('boom'); return log.join() + ' ' + JSON.stringify(z); });
p(() => { function* inner() { yield 1; return 'done'; } function* outer() { const r = yield* inner(); yield r; } return [...outer()].join(); });
p(() => { function* g() { yield* [1, 2]; yield* 'ab'; yield* new Map([[3, 4]]); yield* new Set([5]); } return JSON.stringify([...g()]); });
p(() => { function* g() { yield* 5; } return [...g()]; });
p(() => { function* g() { yield* null; } return [...g()]; });
p(() => { const it = { next(v) { return {done: v === 'stop', value: v}; } }; function* g() { return yield* {[Symbol.iterator]: () => it}; } const x = g(); x.next('a'); return JSON.stringify([x.next('b'), x.next('stop')]); });
p(() => { const it = { next() { return {done: false, value: 1}; } }; function* g() { yield* {[Symbol.iterator]: () => it}; } const x = g(); x.next(); return JSON.stringify(x.return(7)); });
p(() => { const it = { next() { return {done: false, value: 1}; } }; function* g() { yield* {[Symbol.iterator]: () => it}; } const x = g(); x.next(); return JSON.stringify(x.throw(7)); });
p(() => { async function* ag() { yield* [1, 2]; } return typeof ag; });
p(() => { let n = 0; const it = {get next() { n++; return () => ({done: true}); }}; function* g() { yield* {[Symbol.iterator]: () => it}; } [...g()]; return n; });
p(() => { const out = []; for (const [k, v] of new Map([['a', 1]]).entries()) out.push(k + v); for (const c of 'hé') out.push(c); for (const x of new Uint8Array([7])) out.push(x); return out.join(); });
p(() => { const it = [1, 2, 3][Symbol.iterator](); for (const x of it) { break; } return [...it].join(); });`, []string{
		"E:TypeError: number 5 is not a function",
		"E:TypeError: object null is not a function",
		"E:TypeError: string \"abc\" is not a function",
		"E:TypeError: object is not a function",
		"E:TypeError: undefined is not a function",
		"E:TypeError: number 5 is not a function",
		"ok",
		"E:TypeError: string \"next\" is not a function",
		"1",
		"r,called",
		"true,true",
		"1,2",
		"3",
		"fin",
		"b",
		"7",
		"E:TypeError: Result of the Symbol.iterator method is not an object",
		"a=x,fin {\"value\":5,\"done\":true}",
		"caught boom {\"value\":9,\"done\":false}",
		"1,done",
		"[1,2,\"a\",\"b\",[3,4],5]",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"[{\"done\":false,\"value\":\"b\"},{\"value\":\"stop\",\"done\":true}]",
		"{\"value\":7,\"done\":true}",
		"E:TypeError: The iterator does not provide a 'throw' method.",
		"function",
		"1",
		"a1,h,é,7",
		"2,3",
	})
}

// The same, where courier's words still differ from V8's (spreads,
// Object.fromEntries, yield* of an iterator without next): the error is a
// TypeError the script catches, and the script goes on. The want lines are
// Postman CLI 1.34.0's error names.
func TestBrokenIteratorsAreCaught(t *testing.T) {
	t.Parallel()
	harness := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name; } pm.test(String(v), () => {}); }\n"
	checkTestNames(t, harness+`
const mk = (n) => ({[Symbol.iterator]() { return {next: n}; }});
const bad = () => ({[Symbol.iterator]() { return {}; }});
p(() => { for (const x of bad()) {} });
p(() => { const [a] = bad(); });
p(() => [...bad()]);
p(() => Array.from(bad()));
p(() => new Set(bad()));
p(() => new Map(bad()));
p(() => Object.fromEntries(bad()));
p(() => new Uint8Array(bad()));
p(() => Math.max(...bad()));
p(() => { function* g() { yield* bad(); } return [...g()]; });
p(() => new Set([1]).union({size: 1, has() {}, keys() { return {}; }}));
p(() => new Set([1]).isSupersetOf({size: 1, has() {}, keys() { return {next: 5}; }}));
p(() => new Set([1]).isDisjointFrom({size: 9, has() { return false; }, keys() { return {}; }}));
p(() => new Set([1,2,3]).intersection({size: 1, has() {}, keys() { return {}; }}));
p(() => new Set([1]).symmetricDifference({size: 1, has() {}, keys() { return {next: null}; }}));
p(() => { const it = bad()[Symbol.iterator](); return Array.from({[Symbol.iterator]: () => it}); });
p(() => Object.fromEntries(mk(5)));
p(() => Object.fromEntries(mk(undefined)));`, []string{
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"true",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
		"E:TypeError",
	})
}

// BigInt refusing a symbol names it, and Error.prototype.toString refuses
// a primitive receiver, in V8's words (Postman CLI 1.34.0's,
// fresh-round10l-b.json "refusal words: BigInt of a symbol…"; Node 20's
// for the neighbours).
func TestBigIntSymbolAndErrorToStringWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => BigInt(Symbol()));
p(() => BigInt(Symbol('d')));
p(() => Error.prototype.toString.call(1));
p(() => Error.prototype.toString.call('abc'));
p(() => Error.prototype.toString.call(undefined));
p(() => Error.prototype.toString.call(null));
p(() => Error.prototype.toString.call({name: 'N', message: 'm'}));
p(() => String(BigInt(5) + BigInt('7')));
`, []string{
		"E:TypeError: Cannot convert Symbol() to a BigInt",
		"E:TypeError: Cannot convert Symbol(d) to a BigInt",
		"E:TypeError: Method Error.prototype.toString called on incompatible receiver 1",
		"E:TypeError: Method Error.prototype.toString called on incompatible receiver abc",
		"E:TypeError: Method Error.prototype.toString called on incompatible receiver undefined",
		"E:TypeError: Method Error.prototype.toString called on incompatible receiver null",
		"N: m",
		"12",
	})
}

// A prototype refused by an object that is not extensible is worded as V8
// words it (goja printed the object through its toString, a Go panic for a
// null-prototype object); a promise resolved with itself, and for await over
// an object whose Symbol.asyncIterator is not a function or gives no
// iterator. Each want line is what Postman CLI 1.34.0 printed for the same
// line.
func TestPrototypeAndAsyncIterWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`p(() => Object.setPrototypeOf(Object.preventExtensions({}), {}));
p(() => Object.setPrototypeOf(Object.preventExtensions([]), {}));
p(() => { const o = Object.preventExtensions({}); o.__proto__ = {}; return 'ok'; });
p(() => { 'use strict'; const o = Object.preventExtensions({}); o.__proto__ = {}; return 'ok'; });
p(() => Reflect.setPrototypeOf(Object.preventExtensions({}), {}));
p(() => { class K {} return Object.setPrototypeOf(Object.freeze(new K()), null); });
p(() => Object.setPrototypeOf(Object.preventExtensions(function f() {}), {}));
p(() => Object.setPrototypeOf(Object.preventExtensions(new Date(0)), {}));
p(() => Object.setPrototypeOf(Object.preventExtensions(Object.create(null)), {}));
p(() => Object.setPrototypeOf(Object.preventExtensions(new Map()), {}));
const iv = setInterval(() => {}, 1000);
(async () => { try {
  const pa = async (f) => { try { return await f(); } catch (e) { return 'E:' + e.name + ': ' + e.message; } };
  pm.test(await pa(async () => { const p = Promise.resolve(); const q = p.then(() => q); return await q; }), () => {});
  pm.test(await pa(async () => { let r; const q = new Promise(res => { r = res; }); r(q); return await q; }), () => {});
  pm.test(await pa(async () => { for await (const x of { [Symbol.asyncIterator]: 5 }) {} }), () => {});
  pm.test(await pa(async () => { for await (const x of { [Symbol.asyncIterator]: 'str' }) {} }), () => {});
  pm.test(await pa(async () => { for await (const x of { [Symbol.asyncIterator]: null, [Symbol.iterator]: 7 }) {} }), () => {});
  pm.test(await pa(async () => { for await (const x of { [Symbol.asyncIterator]() { return 5; } }) {} }), () => {});
  pm.test(await pa(async () => { for await (const x of { [Symbol.asyncIterator]() { return {}; } }) {} }), () => {});
  pm.test(await pa(async () => { const [a] = { [Symbol.iterator]: 5 }; }), () => {});
  pm.test(await pa(async () => new Promise(r => r(1)).then(() => { throw 1; }).catch(e => typeof e)), () => {});
} finally { clearInterval(iv); } })();`, []string{
		"E:TypeError: #<Object> is not extensible",
		"E:TypeError: [object Array] is not extensible",
		"E:TypeError: #<Object> is not extensible",
		"E:TypeError: #<Object> is not extensible",
		"false",
		"E:TypeError: #<K> is not extensible",
		"E:TypeError: function f() {} is not extensible",
		"E:TypeError: [object Date] is not extensible",
		"E:TypeError: [object Object] is not extensible",
		"E:TypeError: #<Map> is not extensible",
		"E:TypeError: Chaining cycle detected for promise #<Promise>",
		"E:TypeError: Chaining cycle detected for promise #<Promise>",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: string \"str\" is not a function",
		"E:TypeError: number 7 is not a function",
		"E:TypeError: Result of the Symbol.asyncIterator method is not an object",
		"E:TypeError: undefined is not a function",
		"E:TypeError: {(intermediate value)} is not iterable",
		"number",
	})
}

// A proxy trap's false answer named with the property, as V8 names it
// (setPrototypeOf's 'undefined' is V8's own). Each want line is what Postman
// CLI 1.34.0 printed for the same line.
func TestProxyFalsishWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { const p = new Proxy({}, { defineProperty() { return false; } }); Object.defineProperty(p, 'x', { value: 1 }); });
p(() => { const p = new Proxy({}, { defineProperty() { return false; } }); Object.defineProperty(p, Symbol('s'), { value: 1 }); });
p(() => { const p = new Proxy({}, { defineProperty() { return false; } }); Object.defineProperties(p, { y: { value: 1 } }); });
p(() => { const p = new Proxy({}, { defineProperty() { return false; } }); return Reflect.defineProperty(p, 'x', { value: 1 }); });
p(() => { const p = new Proxy({}, { defineProperty() { return false; } }); p.z = 1; return 'sloppy ok'; });
p(() => { const p = new Proxy({}, { setPrototypeOf() { return false; } }); Object.setPrototypeOf(p, {}); });
p(() => { const p = new Proxy({}, { preventExtensions() { return false; } }); Object.preventExtensions(p); });`, []string{
		"E:TypeError: 'defineProperty' on proxy: trap returned falsish for property 'x'",
		"E:TypeError: 'defineProperty' on proxy: trap returned falsish for property 'Symbol(s)'",
		"E:TypeError: 'defineProperty' on proxy: trap returned falsish for property 'y'",
		"false",
		"sloppy ok",
		"E:TypeError: 'setPrototypeOf' on proxy: trap returned falsish for property 'undefined'",
		"E:TypeError: 'preventExtensions' on proxy: trap returned falsish",
	})
}

// A proxy's getPrototypeOf trap returning a primitive and a deleteProperty
// trap saying true for a non-configurable property, in V8's words (goja:
// "Value is not an object: 5", "property 'a' is a non-configurable property
// but the trap returned truish"); Postman CLI 1.34.0's answers
// (fresh-round13l-e.json).
func TestProxyTrapWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
const bad = () => new Proxy({}, { getPrototypeOf() { return 5; } });
p(() => Object.getPrototypeOf(bad()));
p(() => Reflect.getPrototypeOf(bad()));
p(() => Object.prototype.isPrototypeOf.call(Object.prototype, bad()));
p(() => Reflect.getPrototypeOf(5));
p(() => { var o = {}; Object.defineProperty(o, 'a', { value: 1 }); return delete new Proxy(o, { deleteProperty() { return true; } }).a; });
p(() => { var o = { a: 1 }; Object.preventExtensions(o); return delete new Proxy(o, { deleteProperty() { return true; } }).a; });
`, []string{
		"E:TypeError: 'getPrototypeOf' on proxy: trap returned neither object nor null",
		"E:TypeError: 'getPrototypeOf' on proxy: trap returned neither object nor null",
		"E:TypeError: 'getPrototypeOf' on proxy: trap returned neither object nor null",
		"E:TypeError: Reflect.getPrototypeOf called on non-object",
		"E:TypeError: 'deleteProperty' on proxy: trap returned truish for property 'a' which is non-configurable in the proxy target",
		"E:TypeError: 'deleteProperty' on proxy: trap returned truish for property 'a' but the proxy target is non-extensible",
	})
}
