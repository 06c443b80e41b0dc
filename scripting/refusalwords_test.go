package scripting

import "testing"

// Built-ins refusing their receiver or callback, classes called without
// new and strict deletes, caught: each want line is what Postman CLI
// 1.34.0 printed for the same line (fresh-round14l-e.json and -f.json).
func TestRefusalWordsAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `
p(() => /a/.test.call(1));
p(() => /x/.exec.call(2, 'a'));
p(() => /x/g.test.call('s', 'a'));
p(() => RegExp.prototype.exec.call(1, 'a'));
p(() => RegExp.prototype.test.call({}, 'a'));
p(() => RegExp.prototype.test.call([], 'a'));
p(() => RegExp.prototype.toString.call(1));
p(() => RegExp.prototype.compile.call(1));
p(() => RegExp.prototype[Symbol.replace].call(1, 'a', 'b'));
p(() => Boolean.prototype.valueOf.call(1));
p(() => true.toString.call('x'));
p(() => String.prototype.toString.call(1));
p(() => String.prototype.valueOf.call({}));
p(() => BigInt.prototype.toString.call(1));
p(() => BigInt.prototype.toLocaleString.call('x'));
p(() => ArrayBuffer.prototype.slice.call({}));
p(() => ArrayBuffer.prototype.slice.call(1));
p(() => new ArrayBuffer(2).slice.call([], 0));
p(() => Uint8Array.prototype.fill.call([], 1));
p(() => Uint8Array.prototype.join.call([]));
p(() => Int16Array.prototype.join.call({length: 0}));
p(() => Float64Array.prototype.at.call({}, 0));
p(() => Uint8Array.prototype.toReversed.call([]));
p(() => Uint8Array.prototype.with.call([], 0, 1));
p(() => Uint8Array.prototype.toSorted.call([], 1));
p(() => Uint8Array.prototype.toSorted.call({}));
p(() => [1].forEach('x'));
p(() => [1].find(null));
p(() => [1].findIndex(true));
p(() => [1].reduce(1, 0));
p(() => [1].flatMap(2));
p(() => Array.prototype.forEach.call([1], 5));
p(() => [1].map());
p(() => [1].some());
p(() => [1].filter());
p(() => (class Named {})());
p(() => (class {})());
p(() => class X { constructor() { this.x; } }());
p(() => { const api = { Client: class { constructor(u) { this.u = u; } } }; api.Client('x'); });
p(() => { class Base {} const ns = { Base }; ns.Base(); });
p(() => { var K = class {}; K(); });
p(() => { var K = class Inner {}; K(); });
p(() => { const holder = {}; holder.Kind = class {}; holder.Kind(); });
p(() => { const holder = {}; holder['Other'] = class Named2 {}; holder['Other'](); });
p(() => { 'use strict'; delete Object.prototype; });
p(() => { 'use strict'; delete Math.PI; });
p(() => { 'use strict'; delete 'abc'[0]; });
p(() => { 'use strict'; var s = 'abc'; delete s[1]; });
p(() => { 'use strict'; delete Number.MAX_SAFE_INTEGER; });
`
	want := []string{
		"E:TypeError: Method RegExp.prototype.test called on incompatible receiver 1",
		"E:TypeError: Method RegExp.prototype.exec called on incompatible receiver 2",
		"E:TypeError: Method RegExp.prototype.test called on incompatible receiver s",
		"E:TypeError: Method RegExp.prototype.exec called on incompatible receiver 1",
		"E:TypeError: Method RegExp.prototype.exec called on incompatible receiver #<Object>",
		"E:TypeError: Method RegExp.prototype.exec called on incompatible receiver [object Array]",
		"E:TypeError: Method RegExp.prototype.toString called on incompatible receiver 1",
		"E:TypeError: Method RegExp.prototype.compile called on incompatible receiver 1",
		"E:TypeError: Method RegExp.prototype.@@replace called on incompatible receiver 1",
		"E:TypeError: Boolean.prototype.valueOf requires that 'this' be a Boolean",
		"E:TypeError: Boolean.prototype.toString requires that 'this' be a Boolean",
		"E:TypeError: String.prototype.toString requires that 'this' be a String",
		"E:TypeError: String.prototype.valueOf requires that 'this' be a String",
		"E:TypeError: BigInt.prototype.toString requires that 'this' be a BigInt",
		"E:TypeError: BigInt.prototype.toLocaleString requires that 'this' be a BigInt",
		"E:TypeError: Method ArrayBuffer.prototype.slice called on incompatible receiver #<Object>",
		"E:TypeError: Method ArrayBuffer.prototype.slice called on incompatible receiver 1",
		"E:TypeError: Method ArrayBuffer.prototype.slice called on incompatible receiver [object Array]",
		"E:TypeError: this is not a typed array.",
		"E:TypeError: Method %TypedArray%.prototype.join called on incompatible receiver [object Array]",
		"E:TypeError: Method %TypedArray%.prototype.join called on incompatible receiver #<Object>",
		"E:TypeError: Method %TypedArray%.prototype.at called on incompatible receiver #<Object>",
		"E:TypeError: Method %TypedArray%.prototype.toReversed called on incompatible receiver [object Array]",
		"E:TypeError: this is not a typed array.",
		"E:TypeError: The comparison function must be either a function or undefined: 1",
		"E:TypeError: Method %TypedArray%.prototype.toSorted called on incompatible receiver #<Object>",
		"E:TypeError: string \"x\" is not a function",
		"E:TypeError: object null is not a function",
		"E:TypeError: boolean true is not a function",
		"E:TypeError: number 1 is not a function",
		"E:TypeError: number 2 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: undefined is not a function",
		"E:TypeError: undefined is not a function",
		"E:TypeError: undefined is not a function",
		"E:TypeError: Class constructor Named cannot be invoked without 'new'",
		"E:TypeError: Class constructors cannot be invoked without 'new'",
		"E:TypeError: Class constructor X cannot be invoked without 'new'",
		"E:TypeError: Class constructor Client cannot be invoked without 'new'",
		"E:TypeError: Class constructor Base cannot be invoked without 'new'",
		"E:TypeError: Class constructor K cannot be invoked without 'new'",
		"E:TypeError: Class constructor Inner cannot be invoked without 'new'",
		"E:TypeError: Class constructors cannot be invoked without 'new'",
		"E:TypeError: Class constructor Named2 cannot be invoked without 'new'",
		"E:TypeError: Cannot delete property 'prototype' of function Object() { [native code] }",
		"E:TypeError: Cannot delete property 'PI' of #<Object>",
		"E:TypeError: Cannot delete property '0' of [object String]",
		"E:TypeError: Cannot delete property '1' of [object String]",
		"E:TypeError: Cannot delete property 'MAX_SAFE_INTEGER' of function Number() { [native code] }",
	}
	checkTestNames(t, src, want)
}

// The second batch of fresh-round14l-g.json's caught errors goja worded
// otherwise: a typed array constructor called without new, new of an arrow,
// a string literal's method and Promise.withResolvers on a wrong receiver,
// Array's concat and indexOf on null.
func TestRefusalWordsSecondBatchAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `
p(() => Uint8Array(2));
p(() => new (() => 1)());
p(() => new ((a) => a)());
p(() => 'abc'.at.call(null));
p(() => ''.padStart.call(undefined, 2));
p(() => Promise.withResolvers.call(5));
p(() => [].concat.call(null));
p(() => Array.prototype.indexOf.call(undefined, 1));
p(() => [].includes.call(null, 1));
p(() => String.prototype.trimStart.call(null));
p(() => ''.trimEnd.call(undefined));
`
	want := []string{
		"E:TypeError: Constructor Uint8Array requires 'new'",
		"E:TypeError: (intermediate value) is not a constructor",
		"E:TypeError: (intermediate value) is not a constructor",
		"E:TypeError: String.prototype.at called on null or undefined",
		"E:TypeError: String.prototype.padStart called on null or undefined",
		"E:TypeError: Promise.withResolvers called on non-object",
		"E:TypeError: Array.prototype.concat called on null or undefined",
		"E:TypeError: Array.prototype.indexOf called on null or undefined",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: String.prototype.trimLeft called on null or undefined",
		"E:TypeError: String.prototype.trimRight called on null or undefined",
	}
	checkTestNames(t, src, want)
}

// The class name read from the source: the literal's own name, the binding
// or key an anonymous class was made for, none for a member assignment; a
// callee the source does not show is not named.
func TestClassCalledName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src, name string
		ok        bool
	}{
		{"(class Named {})()", "Named", true},
		{"(class extends Base {})()", "", true},
		{"x = class A extends B {}()", "A", true},
		{"const K = class {};\nK()", "K", true},
		{"let K = class Impl extends Base {};\nK()", "Impl", true},
		{"var K = class {};\nvar K = class Two {};\nK()", "Two", true},
		{"Plain()", "Plain", true},
		{"const o = { M: class {} };\no.M()", "M", true},
		{"const o = {};\no.M = class {};\no.M()", "", true},
		{"o['M'] = class Q {};\no.M()", "Q", true},
		{"ns.Deep.Widget()", "Widget", true},
		{"f()()", "", false},
	} {
		at := len(tc.src) - 2 // the call's parenthesis
		line, col := lineColAt(tc.src, at)
		name, ok := classCalledName(tc.src, line, col)
		if name != tc.name || ok != tc.ok {
			t.Errorf("%q: got %q %v, want %q %v", tc.src, name, ok, tc.name, tc.ok)
		}
	}
}

// lineColAt is the 1-based line and column of src[off].
func lineColAt(src string, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
