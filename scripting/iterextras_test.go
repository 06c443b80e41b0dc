package scripting

import (
	"context"
	"slices"
	"testing"
)

// Symbol.dispose/asyncDispose and %Iterator.prototype%'s dispose,
// constructor and tag (iterextras.go, js/parts/iterator.js); every line is
// Postman CLI 1.34's answer (three runs).
func TestDisposeSymbolsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`T(() => typeof Symbol.dispose + ' ' + String(Symbol.dispose) + ' ' + String(Symbol.asyncDispose) + ' ' + Symbol.dispose.description);
T(() => JSON.stringify(Object.getOwnPropertyDescriptor(Symbol, 'dispose')) + JSON.stringify(Object.getOwnPropertyDescriptor(Symbol, 'asyncDispose')));
T(() => Symbol.for('Symbol.dispose') === Symbol.dispose);
T(() => Symbol.keyFor(Symbol.dispose));
const IP = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
T(() => typeof IP[Symbol.dispose] + ' ' + IP[Symbol.dispose].name + ' ' + IP[Symbol.dispose].length);
T(() => JSON.stringify(Object.getOwnPropertyDescriptor(IP, Symbol.dispose), (k, v) => typeof v === 'function' ? 'fn' : v));
T(() => { let closed = 0; const it = { next() { return {done: false, value: 1}; }, return() { closed++; return {done: true}; } }; Object.setPrototypeOf(it, IP); it[Symbol.dispose](); return closed; });
T(() => { const it = [1,2][Symbol.iterator](); return String(it[Symbol.dispose]()); });
T(() => IP[Symbol.dispose].call({}) + '');
T(() => IP[Symbol.dispose].call(5) + '');
T(() => IP[Symbol.dispose].call({return: 5}) + '');
T(() => IP[Symbol.toStringTag] + ' ' + Object.prototype.toString.call(IP));
T(() => { const d = Object.getOwnPropertyDescriptor(IP, Symbol.toStringTag); return typeof d.get + typeof d.set + d.enumerable + d.configurable + ' ' + d.get.name + ' ' + d.set.name; });
T(() => { const d = Object.getOwnPropertyDescriptor(IP, 'constructor'); return typeof d.get + typeof d.set + d.enumerable + d.configurable + ' ' + d.get.name + ' ' + d.set.name + ' ' + (typeof IP.constructor) + ' ' + IP.constructor.name; });
T(() => IP.constructor.prototype === IP);
T(() => { const o = Object.create(IP); o.constructor = 5; return Object.getOwnPropertyNames(o).join() + ' ' + o.constructor; });
T(() => { const o = Object.create(IP); o[Symbol.toStringTag] = 'X'; return Object.prototype.toString.call(o) + ' ' + Object.getOwnPropertySymbols(o).length; });
T(() => { IP[Symbol.toStringTag] = 'Y'; return 'set'; });
T(() => { 'use strict'; IP.constructor = 5; return 'set'; });
T(() => String(IP.constructor) + ' ' + typeof Iterator);
T(() => { const I = IP.constructor; return I.from([1,2]).toArray().join() + ' ' + typeof I.prototype.map + ' ' + I.length + ' ' + Object.getOwnPropertyNames(I).join(); });
T(() => { const I = IP.constructor; return new I(); });
T(() => { const I = IP.constructor; class X extends I { next() { return {done: true}; } }; return Object.prototype.toString.call(new X()) + ' ' + new X().toArray().length; });
`, []string{
		"symbol Symbol(Symbol.dispose) Symbol(Symbol.asyncDispose) Symbol.dispose",
		"{\"writable\":false,\"enumerable\":false,\"configurable\":false}{\"writable\":false,\"enumerable\":false,\"configurable\":false}",
		"false",
		"undefined",
		"function [Symbol.dispose] 0",
		"{\"value\":\"fn\",\"writable\":true,\"enumerable\":false,\"configurable\":true}",
		"1",
		"undefined",
		"undefined",
		"undefined",
		"E:TypeError: '5' returned for property 'return' of object '#<Object>' is not a function",
		"Iterator [object Iterator]",
		"functionfunctionfalsetrue get [Symbol.toStringTag] set [Symbol.toStringTag]",
		"functionfunctionfalsetrue get constructor set constructor function Iterator",
		"true",
		"constructor 5",
		"[object X] 1",
		"E:TypeError: Cannot assign to read only property 'Symbol(Symbol.toStringTag)' of object '[object Object]'",
		"E:TypeError: Cannot assign to read only property 'constructor' of object '[object Object]'",
		"function Iterator() { [native code] } undefined",
		"1,2 function 0 length,name,prototype,from",
		"E:TypeError: Abstract class Iterator not directly constructable",
		"[object Iterator] 0",
	})
}

// The Iterator constructor reached through Iterator.prototype.constructor
// (Postman's sandbox has no Iterator global) and its from; Postman CLI
// 1.34's answers. Left out: `Iterator()` without new, which V8 refuses with
// "Constructor Iterator requires 'new'" and courier with the words of
// `new Iterator()` (goja tells a native constructor no new.target).
func TestIteratorFromAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`const IP = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())); const I = IP.constructor;
T(() => I.from(5));
T(() => I.from(null));
T(() => I.from({next: 5}).next());
T(() => { const w = I.from({next() { return {value: 1, done: false}; }}); return Object.prototype.toString.call(w) + ' ' + JSON.stringify(w.next()) + ' ' + (Object.getPrototypeOf(Object.getPrototypeOf(w)) === IP) + ' ' + Object.getOwnPropertyNames(Object.getPrototypeOf(w)).join() + ' ' + JSON.stringify(w.return()); });
T(() => { const w = I.from({next() { return 1; }, return() { return 'r'; }}); return w.next() + ' ' + w.return(); });
T(() => { const a = [1,2].values(); return I.from(a) === a; });
T(() => I.from('ab').toArray().join());
T(() => I.from({[Symbol.iterator]: 5}));
T(() => I.from({[Symbol.iterator]() { return 5; }}));
T(() => Object.getPrototypeOf(I.from({next(){}})).next.call({}));
T(() => Object.getOwnPropertyDescriptor(IP, 'constructor').set.call(5, 1));
T(() => Object.getOwnPropertyDescriptor(IP, Symbol.toStringTag).set.call(undefined, 1));
T(() => { const o = Object.create(IP); Object.defineProperty(o, 'constructor', {value: 1, writable: false}); Object.getOwnPropertyDescriptor(IP, 'constructor').set.call(o, 2); return o.constructor; });
T(() => { const o = Object.create(IP); o.constructor = 3; return JSON.stringify(Object.getOwnPropertyDescriptor(o, 'constructor')); });
T(() => JSON.stringify(Object.getOwnPropertyDescriptor(I, 'prototype'), (k, v) => k === 'value' ? 'obj' : v) + I.from.length + I.from.name);
T(() => [].keys().constructor === I);
T(() => Object.prototype.toString.call(Object.create(IP)));
T(() => { function* g() {} return Object.prototype.toString.call(g()) + g().constructor; });
`, []string{
		"E:TypeError: Iterator.from called on non-object",
		"E:TypeError: Iterator.from called on non-object",
		"E:TypeError: number 5 is not a function",
		"[object Iterator] {\"value\":1,\"done\":false} true next,return {\"done\":true}",
		"1 r",
		"true",
		"a,b",
		"E:TypeError: '5' returned for property 'Symbol(Symbol.iterator)' of object '#<Object>' is not a function",
		"E:TypeError: #<Object> is not iterable",
		"E:TypeError: Method %WrapForValidIteratorPrototype%.next called on incompatible receiver #<Object>",
		"E:TypeError: set Iterator.prototype.constructor called on non-object",
		"E:TypeError: set Iterator.prototype[Symbol.toStringTag] called on non-object",
		"E:TypeError: Cannot assign to read only property 'constructor' of object '[object Object]'",
		"{\"value\":3,\"writable\":true,\"enumerable\":true,\"configurable\":true}",
		"{\"value\":\"obj\",\"writable\":false,\"enumerable\":false,\"configurable\":false}1from",
		"true",
		"[object Iterator]",
		"E:TypeError: Function.prototype.toString requires that 'this' be a Function",
	})
}

// The iterator part goes into an engine only when a script could reach
// what it adds; the dispose symbols are always there.
func TestIteratorPartLoadsWhenNeeded(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	for i, s := range []struct {
		src    string
		loaded bool
	}{
		{`pm.test(String([1, 2].values().map(x => x * 2).toArray()), () => {});`, false},
		{`pm.test(typeof Symbol.dispose + typeof Symbol.asyncDispose, () => {});`, true},
		{`pm.test(String(Object.getPrototypeOf(Object.getPrototypeOf([].keys()))[Symbol.toStringTag]), () => {});`, true},
	} {
		r := e.Run(context.Background(), testExec("test", s.src))
		if r.Err != nil || len(r.Tests) != 1 {
			t.Fatalf("step %d: %v %+v", i, r.Err, r.Tests)
		}
		if got := slices.Contains(e.partsLoaded, "iterator"); got != s.loaded {
			t.Errorf("step %d: iterator part loaded %v, want %v", i, got, s.loaded)
		}
	}
	if mayMeetIteratorExtras(`pm.expect(pm.response.json().items.length).to.eql(3);`) {
		t.Error("a plain test script reaches the iterator part")
	}
}

// JSON.parse calls a reviver with V8's context: the source text of each
// primitive (js/parts/jsonsource.js), none for objects, arrays and values the
// reviver replaced; Postman CLI 1.34's answers (three runs).
func TestJSONParseSourceAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`const L = [];
const r = JSON.parse('{"a": 1.50, "b": [true, null, "s\\u0041", -0, 1e3], "c": {"d": 12345678901234567890}}', function (k, v, ctx) { L.push(k + '=' + JSON.stringify(ctx) + ':' + (Object.getPrototypeOf(ctx) === Object.prototype) + ':' + Object.keys(ctx).length); return v; });
t(L.join(' | '));
T(() => JSON.stringify(JSON.parse('{"x": 1, "y": 2}', function (k, v, ctx) { if (k === 'x') this.y = 20; return k === 'y' ? [v, ctx.source] : v; })));
T(() => JSON.stringify(JSON.parse('[1, 2, 3]', function (k, v, ctx) { if (k === '0') this[1] = 2; return k === '1' ? ctx.source + '!' : v; })));
T(() => JSON.stringify(JSON.parse('{"x": {"y": 5}}', function (k, v, ctx) { if (k === 'y') return ctx.source; if (k === 'x') return v; return v; })));
T(() => JSON.stringify(JSON.parse('"top"', (k, v, ctx) => [k, v, ctx.source])));
T(() => JSON.stringify(JSON.parse('{"a":1,"a":2}', (k, v, ctx) => k === 'a' ? ctx.source : v)));
T(() => JSON.stringify(JSON.parse('{"__proto__": 7}', (k, v, ctx) => k === '__proto__' ? ctx.source : v)));
T(() => JSON.stringify(JSON.parse(' [ 1 , "two" ] ', (k, v, ctx) => typeof v === 'object' ? v : ctx.source)));
T(() => JSON.parse('{"n": 9007199254740993}', (k, v, ctx) => k === 'n' ? BigInt(ctx.source) : v).n.toString());
T(() => JSON.stringify(JSON.parse('{"a": {"b": 1}}', function (k, v, ctx) { if (k === 'a') { return v; } if (k === 'b') { return ctx.source; } return v; })));
T(() => JSON.stringify(JSON.parse('{"a": [1], "b": 2}', function (k, v, ctx) { if (k === 'a') { this.b = {z: 3}; } return k === 'z' ? 'z:' + ctx.source : v; })));
T(() => JSON.parse('[1]', function (k, v) { return arguments.length; }));
`, []string{
		"a={\"source\":\"1.50\"}:true:1 | 0={\"source\":\"true\"}:true:1 | 1={\"source\":\"null\"}:true:1 | 2={\"source\":\"\\\"s\\\\u0041\\\"\"}:true:1 | 3={\"source\":\"-0\"}:true:1 | 4={\"source\":\"1e3\"}:true:1 | b={}:true:0 | d={\"source\":\"12345678901234567890\"}:true:1 | c={}:true:0 | ={}:true:0",
		"{\"x\":1,\"y\":[20,null]}",
		"[1,\"2!\",3]",
		"{\"x\":{\"y\":\"5\"}}",
		"[\"\",\"top\",\"\\\"top\\\"\"]",
		"{\"a\":\"2\"}",
		"{\"__proto__\":\"7\"}",
		"[\"1\",\"\\\"two\\\"\"]",
		"9007199254740993",
		"{\"a\":{\"b\":\"1\"}}",
		"{\"a\":[1],\"b\":{\"z\":\"z:undefined\"}}",
		"3",
	})
}

// WeakMap/WeakSet take unregistered symbols and refuse other primitives in
// V8's words (js/parts/weak.js); WeakRef and FinalizationRegistry are not in
// Postman's sandbox. Postman CLI 1.34's answers (three runs).
func TestWeakCollectionsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`T(() => new WeakMap().set(1, 1));
T(() => new WeakMap().set(Symbol.for('x'), 1));
T(() => new WeakSet().add('s'));
T(() => new WeakRef(1));
T(() => new WeakMap().get(1) + ' ' + new WeakMap().has(Symbol()) + ' ' + new WeakMap().delete(1) + ' ' + new WeakSet().has(1));
T(() => { const s = Symbol('k'); const w = new WeakMap([[s, 'v']]); return w.get(s) + ' ' + w.has(s) + ' ' + w.delete(s) + ' ' + w.has(s); });
T(() => { const s = Symbol('k'); const w = new WeakSet([s]); return w.has(s); });
T(() => { const s = Symbol('k'); const r = new WeakRef(s); return r.deref() === s; });
T(() => new FinalizationRegistry(() => {}).register(Symbol('t'), 1) + '');
T(() => WeakMap.prototype.set.call({}, Symbol('a'), 1));
T(() => WeakSet.prototype.has.call(new WeakMap(), Symbol('a')));
T(() => [WeakMap.prototype.set.name, WeakMap.prototype.set.length, WeakMap.prototype.get.length, WeakSet.prototype.add.name, WeakSet.prototype.add.length, WeakSet.prototype.delete.length].join());
T(() => Object.getOwnPropertyNames(WeakMap.prototype).join() + ' ' + Object.getOwnPropertyNames(WeakSet.prototype).join());
T(() => { const o = {}, w = new WeakMap(); w.set(o, 1).set(Symbol.iterator, 2); return w.get(o) + ' ' + w.get(Symbol.iterator) + ' ' + w.has({}); });
T(() => { const w = new WeakSet(); const s = Symbol(); return (w.add(s) === w) + ' ' + w.has(s) + ' ' + w.delete(s) + ' ' + w.has(s) + ' ' + w.delete(s); });
`, []string{
		"E:TypeError: Invalid value used as weak map key",
		"E:TypeError: Invalid value used as weak map key",
		"E:TypeError: Invalid value used in weak set",
		"E:ReferenceError: WeakRef is not defined",
		"undefined false false false",
		"v true true false",
		"true",
		"E:ReferenceError: WeakRef is not defined",
		"E:ReferenceError: FinalizationRegistry is not defined",
		"E:TypeError: Method WeakMap.prototype.set called on incompatible receiver #<Object>",
		"E:TypeError: Method WeakSet.prototype.has called on incompatible receiver #<WeakMap>",
		"set,2,1,add,1,1",
		"constructor,delete,get,set,has constructor,delete,has,add",
		"1 2 false",
		"true true true false false",
	})
}

// The iterator helpers' take and drop read their limit as V8 does (a BigInt
// refused, -0.5 taken as 0, the refused value printed as given), and flatMap
// refuses a primitive its callback returns, a string too, and takes an object
// without Symbol.iterator as its own iterator. Each want line is what Postman
// CLI 1.34.0 printed for the same line.
func TestIteratorHelperLimitsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`const it = () => [1, 2, 3].values();
p(() => it().drop('x'));
p(() => it().take({}));
p(() => it().drop(-0.5).toArray().join());
p(() => it().take(-1.5));
p(() => it().take('2').toArray().join());
p(() => it().drop(Infinity).toArray().length);
p(() => it().take(-Infinity));
p(() => it().take(undefined));
p(() => it().take(Symbol()));
p(() => it().take(1n));
p(() => it().flatMap(x => 'ab').toArray());
p(() => it().flatMap(x => 5).toArray());
p(() => it().flatMap(x => new String('ab')).toArray().join());
p(() => it().flatMap(x => ({ length: 1, 0: 'a' })).toArray());
p(() => it().flatMap(x => [x, [x]]).toArray().length);
p(() => it().flatMap(x => new Set([x])).toArray().join());
p(() => it().flatMap(x => ({ next() { return { done: true }; } })).toArray().length);
p(() => it().flatMap(x => null).toArray());
p(() => Iterator.from ? 'has' : 'none');
p(() => it().map(x => x).take(1).next.name + ',' + Object.getPrototypeOf(it().map(x => x))[Symbol.toStringTag]);`, []string{
		"E:RangeError: x must be positive",
		"E:RangeError: #<Object> must be positive",
		"1,2,3",
		"E:RangeError: -1.5 must be positive",
		"1,2",
		"0",
		"E:RangeError: -Infinity must be positive",
		"E:RangeError: undefined must be positive",
		"E:TypeError: Cannot convert a Symbol value to a number",
		"E:TypeError: Cannot convert a BigInt value to a number",
		"E:TypeError: Iterator.prototype.flatMap called on non-object",
		"E:TypeError: Iterator.prototype.flatMap called on non-object",
		"a,b,a,b,a,b",
		"E:TypeError: undefined is not a function",
		"6",
		"1,2,3",
		"0",
		"E:TypeError: Iterator.prototype.flatMap called on non-object",
		"E:ReferenceError: Iterator is not defined",
		"next,Iterator Helper",
	})
}
