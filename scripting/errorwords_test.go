package scripting

import "testing"

// The error words listed as different in docs/postman-compatibility.md
// (session 11) and their neighbours, caught: each want line is what
// Postman CLI 1.34.0 printed for the same line. Newman 6.2.2 agrees except
// where its words follow the Node.js it runs on (Node 20's V8: "5 is not a
// function", sort without the value) and structuredClone, which it lacks.
func TestListedErrorWordsAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `
p(() => 1 in null);
p(() => { const k = 'x'; return k in null; });
p(() => Symbol('s') in null);
p(() => 'a' in 'abc');
p(() => 'a' in true);
p(() => { const o = {}; return o in null; });
p(() => 'a' in Symbol('q'));
p(() => 'a' in 10n);
p(() => 1 instanceof {});
p(() => ({}) instanceof null);
p(() => { const F = {}; return 1 instanceof F; });
p(() => Array.from([1], 5));
p(() => Array.from([1], {}));
p(() => Array.from([1], 'x'));
p(() => Reflect.ownKeys(1));
p(() => Reflect.get(1, 'a'));
p(() => Reflect.has(1, 'a'));
p(() => Reflect.getPrototypeOf(1));
p(() => Promise.resolve.call(1));
p(() => Promise.reject.call(1));
p(() => Promise.all.call(1, []));
p(() => new Uint8Array(-1));
p(() => new ArrayBuffer(-1));
p(() => new Float64Array(new ArrayBuffer(4)));
p(() => new Uint16Array(new ArrayBuffer(3)));
p(() => new Uint32Array(new ArrayBuffer(8), 1));
p(() => new Uint8Array(new ArrayBuffer(4), 8));
p(() => new Uint8Array(new ArrayBuffer(4), 0, 8));
p(() => new DataView(new ArrayBuffer(4), 8));
p(() => new DataView(new ArrayBuffer(4)).getInt32(2));
p(() => { 'use strict'; const o = Object.freeze({a: 1}); o.a = 2; });
p(() => { 'use strict'; const o = Object.freeze({a: 1}); o.b = 2; });
p(() => { 'use strict'; const o = {get g() { return 1; }}; o.g = 2; });
p(() => { 'use strict'; const o = Object.freeze([1]); o.push(2); });
p(() => { 'use strict'; const o = Object.defineProperty({}, 'x', {value: 1}); o.x = 2; });
p(() => { 'use strict'; const o = Object.freeze({a: 1}); delete o.a; });
p(() => { const o = Object.freeze({a: 1}); o.a = 2; return o.a; });
p(() => { class A extends 5 {} });
p(() => { class A extends null {} return new A(); });
p(() => { const B = {}; class A extends B {} });
p(() => { const B = function() {}; B.prototype = 3; class A extends B {} });
p(() => Object.defineProperty({}, 'x', 5));
p(() => Object.defineProperty({}, 'x', {get: 5}));
p(() => Object.defineProperty({}, 'x', {get() {}, value: 1}));
p(() => Object.defineProperty(1, 'x', {}));
p(() => { const o = Object.freeze({}); Object.defineProperty(o, 'x', {value: 1}); });
p(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); Object.defineProperty(o, 'x', {value: 2}); });
p(() => Object.create(5));
p(() => Object.setPrototypeOf({}, 5));
p(() => 'x'.matchAll(/x/));
p(() => 'x'.replaceAll(/x/, 'y'));
p(() => Symbol() + '');
p(() => ` + "`" + `${Symbol()}` + "`" + `);
p(() => BigInt(1.5));
p(() => 1n + 1);
p(() => JSON.parse('<html>'));
p(() => JSON.parse(''));
p(() => JSON.parse('{"a":1,}'));
p(() => JSON.parse(undefined));
p(() => JSON.parse('{bad'));
p(() => new Array(-1));
p(() => [].length = -1);
p(() => 'abc'.repeat(-1));
p(() => (1).toString(1));
p(() => x_undefined_var);
p(() => x_undefined_fn());
p(() => { const c = 1; c = 2; });
p(() => { let a = a; });
p(() => null());
p(() => (void 0)());
p(() => undefined());
p(() => [1].map(undefined));
p(() => [1].map(null));
p(() => [1].filter(null));
p(() => [1].forEach(undefined));
p(() => [1].some('x'));
p(() => [1].find(undefined));
p(() => [1].reduce(undefined));
p(() => [1].sort(5));
p(() => new Proxy({}, 5));
p(() => structuredClone(() => 1));
p(() => Symbol.keyFor('x'));
p(() => new Symbol());
p(() => Object.prototype.toString.call(Object.create(null)) + {}.x.y);
p(() => 'abc'.replace(/b/, 5));
p(() => JSON.parse('{"a":1}', 5).a);
p(() => JSON.stringify({a: 1}, 5));
p(() => Object.entries(null));
p(() => Object.keys(undefined));
p(() => Object.assign(null, {}));
p(() => Object.defineProperty({}, 'x', {set: 5}));
p(() => Object.defineProperty({}, 'x', {get: null}));
p(() => Object.defineProperties({}, {x: 5}));
p(() => Object.create({}, {x: {get: 5}}));
p(() => Object.freeze(1));
p(() => { 'use strict'; const a = Object.freeze([1]); a[0] = 2; });
p(() => { 'use strict'; const a = Object.freeze([1]); delete a[0]; });
p(() => { 'use strict'; class Foo { constructor() { Object.freeze(this); } } const f = new Foo(); f.x = 1; });
p(() => { 'use strict'; class Foo { get g() { return 1; } } const f = new Foo(); f.g = 1; });
p(() => { 'use strict'; const o = Object.freeze({a: 1}); o['a'] = 2; });
p(() => { 'use strict'; const o = Object.freeze({a: 1}); const k = 'a'; o[k] = 2; });
p(() => { 'use strict'; class Foo { constructor() { Object.freeze(this); } } const f = new Foo(); delete f.x; return 'ok'; });
p(() => { 'use strict'; const o = Object.seal({a: 1}); delete o.a; });
p(() => { 'use strict'; const s = 'abc'; s.x = 1; });
p(() => { 'use strict'; const s = 'abc'; s[0] = 'x'; });
p(() => { 'use strict'; const n = 5; n.x = 1; });
p(() => { 'use strict'; Math.PI = 1; });
p(() => { 'use strict'; undefined = 1; });
p(() => { 'use strict'; const f = function () {}; f.name = 'x'; });
p(() => { class A extends (class {}) {} ; const B = 5; class C extends B {} });
p(() => { const x = {}; class C extends x.y {} });
p(() => { class C extends 'str' {} });
p(() => { class C extends undefined {} });
p(() => { class C extends Math.max {} });
p(() => { const C = class extends null {}; return new C(); });
p(() => { let b = 1; { b2; let b2 = 3; } });
p(() => { typeof tdz; let tdz; });
p(() => { const f = () => later; f(); let later = 1; });
p(() => { class Q extends Q {} });
p(() => { new Uint8Array(-1); });
p(() => { new Int32Array(-5); });
p(() => { new ArrayBuffer(-1); });
p(() => { new DataView(new ArrayBuffer(4)).setInt8(9, 1); });
p(() => { new DataView(new ArrayBuffer(4)).getFloat64(0); });
p(() => { new DataView(new ArrayBuffer(4), -1); });
p(() => { new DataView({}); });
p(() => { new Uint8Array(4).set([1, 2], 4); });
p(() => { new Uint8Array(4).subarray(0).set([1], -1); });
p(() => { Uint8Array.from({length: -1}); });
p(() => { new Uint8Array(new ArrayBuffer(8), 9); });
p(() => { new Float32Array(new ArrayBuffer(8), 2); });
p(() => { new Float32Array(new ArrayBuffer(7)); });
p(() => { new ArrayBuffer(8).slice('x').byteLength; });`
	want := []string{
		"E:TypeError: Cannot use 'in' operator to search for '1' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'x' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'Symbol(s)' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in abc",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in true",
		"E:TypeError: Cannot use 'in' operator to search for '#<Object>' in null",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in Symbol(q)",
		"E:TypeError: Cannot use 'in' operator to search for 'a' in 10",
		"E:TypeError: Right-hand side of 'instanceof' is not callable",
		"E:TypeError: Right-hand side of 'instanceof' is not an object",
		"E:TypeError: Right-hand side of 'instanceof' is not callable",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: object is not a function",
		"E:TypeError: string \"x\" is not a function",
		"E:TypeError: Reflect.ownKeys called on non-object",
		"E:TypeError: Reflect.get called on non-object",
		"E:TypeError: Reflect.has called on non-object",
		"E:TypeError: Reflect.getPrototypeOf called on non-object",
		"E:TypeError: PromiseResolve called on non-object",
		"E:TypeError: PromiseReject called on non-object",
		"E:TypeError: Promise.all called on non-object",
		"E:RangeError: Invalid typed array length: -1",
		"E:RangeError: Invalid array buffer length",
		"E:RangeError: byte length of Float64Array should be a multiple of 8",
		"E:RangeError: byte length of Uint16Array should be a multiple of 2",
		"E:RangeError: start offset of Uint32Array should be a multiple of 4",
		"E:RangeError: Start offset 8 is outside the bounds of the buffer",
		"E:RangeError: Invalid typed array length: 8",
		"E:RangeError: Start offset 8 is outside the bounds of the buffer",
		"E:RangeError: Offset is outside the bounds of the DataView",
		"E:TypeError: Cannot assign to read only property 'a' of object '#<Object>'",
		"E:TypeError: Cannot add property b, object is not extensible",
		"E:TypeError: Cannot set property g of #<Object> which has only a getter",
		"E:TypeError: Cannot add property 1, object is not extensible",
		"E:TypeError: Cannot assign to read only property 'x' of object '#<Object>'",
		"E:TypeError: Cannot delete property 'a' of #<Object>",
		"1",
		"E:TypeError: Class extends value 5 is not a constructor or null",
		"E:TypeError: Super constructor null of A is not a constructor",
		"E:TypeError: Class extends value #<Object> is not a constructor or null",
		"E:TypeError: Class extends value does not have valid prototype property 3",
		"E:TypeError: Property description must be an object: 5",
		"E:TypeError: Getter must be a function: 5",
		"E:TypeError: Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, #<Object>",
		"E:TypeError: Object.defineProperty called on non-object",
		"E:TypeError: Cannot define property x, object is not extensible",
		"E:TypeError: Cannot redefine property: x",
		"E:TypeError: Object prototype may only be an Object or null: 5",
		"E:TypeError: Object prototype may only be an Object or null: 5",
		"E:TypeError: String.prototype.matchAll called with a non-global RegExp argument",
		"E:TypeError: String.prototype.replaceAll called with a non-global RegExp argument",
		"E:TypeError: Cannot convert a Symbol value to a string",
		"E:TypeError: Cannot convert a Symbol value to a string",
		"E:RangeError: The number 1.5 cannot be converted to a BigInt because it is not an integer",
		"E:TypeError: Cannot mix BigInt and other types, use explicit conversions",
		"E:JSONError: Unexpected token '<' at 1:1\n<html>\n^",
		"E:JSONError: No data, empty input at 1:1\n\n^",
		"E:JSONError: Trailing comma in object at 1:8\n{\"a\":1,}\n       ^",
		"E:JSONError: \"undefined\" is not valid JSON",
		"E:JSONError: Unexpected token 'b' at 1:2\n{bad\n ^",
		"E:RangeError: Invalid array length",
		"E:RangeError: Invalid array length",
		"E:RangeError: Invalid count value: -1",
		"E:RangeError: toString() radix argument must be between 2 and 36",
		"E:ReferenceError: x_undefined_var is not defined",
		"E:ReferenceError: x_undefined_fn is not defined",
		"E:TypeError: Assignment to constant variable.",
		"E:ReferenceError: Cannot access 'a' before initialization",
		"E:TypeError: null is not a function",
		"E:TypeError: (void 0) is not a function",
		"E:TypeError: undefined is not a function",
		"[1]",
		"[null]",
		"[]",
		"E:TypeError: undefined is not a function",
		"false",
		"E:TypeError: undefined is not a function",
		"E:TypeError: undefined is not a function",
		"E:TypeError: The comparison function must be either a function or undefined: 5",
		"E:TypeError: Cannot create proxy with a non-object as target or handler",
		"E:DataCloneError: () => 1 could not be cloned.",
		"E:TypeError: x is not a symbol",
		"E:TypeError: Symbol is not a constructor",
		"E:TypeError: Cannot read properties of undefined (reading 'y')",
		"a5c",
		"1",
		"{\"a\":1}",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: Setter must be a function: 5",
		"E:TypeError: Getter must be a function: null",
		"E:TypeError: Property description must be an object: 5",
		"E:TypeError: Getter must be a function: 5",
		"1",
		"E:TypeError: Cannot assign to read only property '0' of object '[object Array]'",
		"E:TypeError: Cannot delete property '0' of [object Array]",
		"E:TypeError: Cannot add property x, object is not extensible",
		"E:TypeError: Cannot set property g of #<Foo> which has only a getter",
		"E:TypeError: Cannot assign to read only property 'a' of object '#<Object>'",
		"E:TypeError: Cannot assign to read only property 'a' of object '#<Object>'",
		"ok",
		"E:TypeError: Cannot delete property 'a' of #<Object>",
		"E:TypeError: Cannot create property 'x' on string 'abc'",
		"E:TypeError: Cannot assign to read only property '0' of string 'abc'",
		"E:TypeError: Cannot create property 'x' on number '5'",
		"E:TypeError: Cannot assign to read only property 'PI' of object '#<Object>'",
		"undefined",
		"E:TypeError: Cannot assign to read only property 'name' of function 'function () {}'",
		"E:TypeError: Class extends value 5 is not a constructor or null",
		"E:TypeError: Class extends value undefined is not a constructor or null",
		"E:TypeError: Class extends value str is not a constructor or null",
		"E:TypeError: Class extends value 1 is not a constructor or null",
		"E:TypeError: Class extends value function max() { [native code] } is not a constructor or null",
		"E:TypeError: Super constructor null of C is not a constructor",
		"E:ReferenceError: Cannot access 'b2' before initialization",
		"E:ReferenceError: Cannot access 'tdz' before initialization",
		"E:ReferenceError: Cannot access 'later' before initialization",
		"E:ReferenceError: Cannot access 'Q' before initialization",
		"E:RangeError: Invalid typed array length: -1",
		"E:RangeError: Invalid typed array length: -5",
		"E:RangeError: Invalid array buffer length",
		"E:RangeError: Offset is outside the bounds of the DataView",
		"E:RangeError: Offset is outside the bounds of the DataView",
		"E:RangeError: Start offset -1 is outside the bounds of the buffer",
		"E:TypeError: First argument to DataView constructor must be an ArrayBuffer",
		"E:RangeError: offset is out of bounds",
		"E:RangeError: offset is out of bounds",
		"undefined",
		"E:RangeError: Start offset 9 is outside the bounds of the buffer",
		"E:RangeError: start offset of Float32Array should be a multiple of 4",
		"E:RangeError: byte length of Float32Array should be a multiple of 4",
		"undefined",
	}
	checkTestNames(t, src, want)
}
