package scripting

import "testing"

// TestLanguageErrorWordsAsPostman: Reflect's refusals (also through an
// alias), subclasses of the built-ins, new.target, constructors called
// without new, derived constructors without super, and errors thrown by
// code run through eval and new Function, in V8's words. Each want line is
// what Postman CLI 1.34.0 printed for the same line (Newman 6.2.2 printed
// the same), run against a loopback server.
func TestLanguageErrorWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => Reflect.apply(5));
p(() => Reflect.apply(5, null, []));
p(() => Reflect.apply({}, null, []));
p(() => Reflect.apply(Math.max, null, 5));
p(() => Reflect.apply(Math.max, null));
p(() => Reflect.construct(5, []));
p(() => Reflect.construct(Math.max, []));
p(() => Reflect.construct(Date, 5));
p(() => Reflect.construct(Date, [], 5));
p(() => Reflect.get(5, 'a'));
p(() => Reflect.set(5, 'a', 1));
p(() => Reflect.has(5, 'a'));
p(() => Reflect.getPrototypeOf(5));
p(() => Reflect.setPrototypeOf({}, 5));
p(() => Reflect.setPrototypeOf(5, null));
p(() => Reflect.defineProperty(5, 'a', {}));
p(() => Reflect.deleteProperty(5, 'a'));
p(() => Reflect.isExtensible(5));
p(() => Reflect.preventExtensions(5));
p(() => Reflect.getOwnPropertyDescriptor(5, 'a'));
p(() => Reflect.ownKeys(5));
p(() => { class M extends Map {} const m = new M([[1, 2]]); return m.get(1) + ' ' + (m instanceof M) + ' ' + (m instanceof Map) + ' ' + m.size; });
p(() => { class S extends Set {} const s = new S([1, 2, 2]); return s.size + ' ' + (s instanceof S) + ' ' + s.has(2); });
p(() => { class A extends Array {} const a = new A(1, 2, 3); return a.length + ' ' + (a instanceof A) + ' ' + (a.map(x => x) instanceof A) + ' ' + Array.isArray(a); });
p(() => { class E extends Error { constructor(m) { super(m); this.name = 'E'; } } const e = new E('boom'); return e.message + ' ' + (e instanceof E) + ' ' + (e instanceof Error) + ' ' + String(e); });
p(() => { class P extends Promise {} const x = P.resolve(1); return (x instanceof P) + ' ' + (x.then(() => 1) instanceof P); });
p(() => { class R extends RegExp {} const r = new R('a+', 'g'); return (r instanceof R) + ' ' + r.test('aa') + ' ' + r.source + ' ' + r.flags; });
p(() => { class W extends WeakMap {} const w = new W(); const k = {}; w.set(k, 1); return (w instanceof W) + ' ' + w.get(k); });
p(() => { class D extends Date {} return new D(0).toISOString(); });
p(() => { class U extends Uint8Array {} return new U([1, 2]).length + ' ' + (new U(2) instanceof U); });
p(() => { class F extends Function {} const f = new F('return 1'); return f() + ' ' + (f instanceof F); });
p(() => { class B extends Boolean {} return String(new B(false) instanceof B); });
p(() => { class N extends Number {} return String(new N(5) + 1); });
p(() => { class St extends String {} return new St('ab').length + ' ' + (new St('x') instanceof St); });
p(() => { class Ab extends ArrayBuffer {} return new Ab(4).byteLength + ' ' + (new Ab(1) instanceof Ab); });
p(() => { class Dv extends DataView {} return String(new Dv(new ArrayBuffer(2)) instanceof Dv); });
p(() => { class Ob extends Object {} return String(new Ob() instanceof Ob); });
p(() => { class Te extends TypeError {} const e = new Te('x'); return e.name + ' ' + String(e) + ' ' + (e instanceof Te); });
p(() => { class M2 extends Map { constructor() { super(); this.y = 1; } } return new M2().y + ''; });
p(() => { class M3 extends Map { constructor(x) { super(x); } } return new M3([[1, 2]]).size + ''; });
p(() => { function F() { return new.target === F; } return String(new F()) + ' ' + String(F()); });
p(() => { function F() { return new.target; } return String(F()); });
p(() => { class X { constructor() { this.t = new.target.name; } } class Y extends X {} return new Y().t; });
p(() => { const M = Map; return new M([[1, 2]]).size + ''; });
p(() => Map());
p(() => Set());
p(() => Promise());
p(() => new Promise(5));
p(() => { class M extends Map {} return M(); });
p(() => { class C { constructor() {} } return C(); });
p(() => { class A {} class B extends A { constructor() { } } return new B(); });
p(() => { class A {} class B extends A { constructor() { super(); super(); } } return new B(); });
p(() => { class A {} class B extends A { constructor() { return 5; } } return new B(); });
p(() => eval('null.x'));
p(() => eval('undefinedVar'));
p(() => eval('(5)()'));
p(() => eval('let q = 1; q()'));
p(() => new Function('return null.x')());
p(() => new Function('a', 'return a.b.c')({}));
p(() => Function('x', 'return x()')(5));
p(() => eval('({}).a.b'));
p(() => eval('[].x.y'));
for (const n of ['Map','Set','WeakMap','WeakSet','Promise','ArrayBuffer','DataView','Uint8Array','Float64Array','Proxy','SharedArrayBuffer','URL','TextEncoder','TextDecoder','AbortController','Blob','Event','EventTarget','URLSearchParams','DOMException','ReadableStream']) p(() => { try { return n + ' ' + String(eval(n + '()')); } catch (e) { return n + ' ' + e.name + ': ' + e.message; } });
`, []string{
		"E:TypeError: Function.prototype.apply was called on 5, which is a number and not a function",
		"E:TypeError: Function.prototype.apply was called on 5, which is a number and not a function",
		"E:TypeError: Function.prototype.apply was called on #<Object>, which is an object and not a function",
		"E:TypeError: CreateListFromArrayLike called on non-object",
		"E:TypeError: CreateListFromArrayLike called on non-object",
		"E:TypeError: 5 is not a constructor",
		"E:TypeError: function max() { [native code] } is not a constructor",
		"E:TypeError: CreateListFromArrayLike called on non-object",
		"E:TypeError: 5 is not a constructor",
		"E:TypeError: Reflect.get called on non-object",
		"E:TypeError: Reflect.set called on non-object",
		"E:TypeError: Reflect.has called on non-object",
		"E:TypeError: Reflect.getPrototypeOf called on non-object",
		"E:TypeError: Object prototype may only be an Object or null: 5",
		"E:TypeError: Reflect.setPrototypeOf called on non-object",
		"E:TypeError: Reflect.defineProperty called on non-object",
		"E:TypeError: Reflect.deleteProperty called on non-object",
		"E:TypeError: Reflect.isExtensible called on non-object",
		"E:TypeError: Reflect.preventExtensions called on non-object",
		"E:TypeError: Reflect.getOwnPropertyDescriptor called on non-object",
		"E:TypeError: Reflect.ownKeys called on non-object",
		"2 true true 1",
		"2 true true",
		"3 true true true",
		"boom true true E: boom",
		"true true",
		"true true a+ g",
		"true 1",
		"1970-01-01T00:00:00.000Z",
		"2 true",
		"1 true",
		"true",
		"6",
		"2 true",
		"4 true",
		"true",
		"true",
		"TypeError TypeError: x true",
		"1",
		"1",
		"[object Object] false",
		"undefined",
		"Y",
		"1",
		"E:TypeError: Constructor Map requires 'new'",
		"E:TypeError: Constructor Set requires 'new'",
		"E:TypeError: Promise constructor cannot be invoked without 'new'",
		"E:TypeError: Promise resolver 5 is not a function",
		"E:TypeError: Class constructor M cannot be invoked without 'new'",
		"E:TypeError: Class constructor C cannot be invoked without 'new'",
		"E:ReferenceError: Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
		"E:ReferenceError: Super constructor may only be called once",
		"E:TypeError: Derived constructors may only return object or undefined",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:ReferenceError: undefinedVar is not defined",
		"E:TypeError: 5 is not a function",
		"E:TypeError: q is not a function",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:TypeError: Cannot read properties of undefined (reading 'c')",
		"E:TypeError: x is not a function",
		"E:TypeError: Cannot read properties of undefined (reading 'b')",
		"E:TypeError: Cannot read properties of undefined (reading 'y')",
		"Map TypeError: Constructor Map requires 'new'",
		"Set TypeError: Constructor Set requires 'new'",
		"WeakMap TypeError: Constructor WeakMap requires 'new'",
		"WeakSet TypeError: Constructor WeakSet requires 'new'",
		"Promise TypeError: Promise constructor cannot be invoked without 'new'",
		"ArrayBuffer TypeError: Constructor ArrayBuffer requires 'new'",
		"DataView TypeError: Constructor DataView requires 'new'",
		"Uint8Array TypeError: Constructor Uint8Array requires 'new'",
		"Float64Array TypeError: Constructor Float64Array requires 'new'",
		"Proxy TypeError: Constructor Proxy requires 'new'",
		"SharedArrayBuffer TypeError: Constructor SharedArrayBuffer requires 'new'",
		"URL TypeError: Class constructor URL cannot be invoked without 'new'",
		"TextEncoder TypeError: Class constructor TextEncoder cannot be invoked without 'new'",
		"TextDecoder TypeError: Class constructor TextDecoder cannot be invoked without 'new'",
		"AbortController TypeError: Class constructor AbortController cannot be invoked without 'new'",
		"Blob TypeError: Class constructor Blob cannot be invoked without 'new'",
		"Event TypeError: Class constructor Event cannot be invoked without 'new'",
		"EventTarget TypeError: Class constructor EventTarget cannot be invoked without 'new'",
		"URLSearchParams TypeError: Class constructor URLSearchParams cannot be invoked without 'new'",
		"DOMException TypeError: Class constructor DOMException cannot be invoked without 'new'",
		"ReadableStream TypeError: Class constructor ReadableStream cannot be invoked without 'new'",
	})
}
