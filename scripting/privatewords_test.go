package scripting

import "testing"

// Private names used on an object without them (a method or accessor is
// checked by its class's brand in V8: "Receiver must be an instance of
// class A"), and Ctor.from(src) reading src once, in V8's order
// (Symbol.iterator, length, elements), refusing a length past the memory
// limit. Each want line is what Postman CLI 1.34.0 printed for the same
// line.
func TestPrivateNamesAndTypedArrayFromAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { class A { #m() { return 1; } static call(o) { return o.#m(); } } return A.call({}); });
p(() => { class A { #m() { return 1; } static call(o) { return o.#m; } } return A.call({}); });
p(() => { class A { get #g() { return 1; } static call(o) { return o.#g; } } return A.call({}); });
p(() => { class A { set #s(v) {} static call(o) { o.#s = 1; } } return A.call({}); });
p(() => { class A { #f = 1; static call(o) { return o.#f; } } return A.call({}); });
p(() => { class A { #m() {} static call(o) { o.#m = 1; } } return A.call(new A()); });
p(() => { class A { get #g() { return 1; } static call(o) { o.#g = 1; } } return A.call(new A()); });
p(() => { class A { set #s(v) {} static call(o) { return o.#s; } } return A.call(new A()); });
p(() => { class A { static #sm() { return 1; } static call(o) { return o.#sm(); } } return A.call({}); });
p(() => { class A { #m() {} static has(o) { return #m in o; } } return A.has(5); });
p(() => { class A { #f; static has(o) { return #f in o; } } return A.has(null); });
p(() => { class A { #m() { return 1; } static call(o) { return o.#m(); } } return A.call(null); });
p(() => { const B = class { #x() {} static t(o) { return o.#x(); } }; return B.t({}); });
p(() => { class A { #m() { return 1; } static call(o) { return o?.#m(); } } return A.call(undefined); });
p(() => { let n = 0; const len = { get length() { n++; return 2; }, 0: 1, 1: 2 }; Uint8Array.from(len); return String(n); });
p(() => { const log = []; const src = new Proxy({ length: 2, 0: 5, 1: 6 }, { get(t, k) { log.push(String(k)); return t[k]; } }); Uint8Array.from(src); return log.join(); });
p(() => { const log = []; const src = new Proxy({ length: 2, 0: 5, 1: 6 }, { get(t, k) { log.push(String(k)); return t[k]; } }); Float64Array.from(src, x => x * 2); return log.join(); });
p(() => { const log = []; const src = new Proxy([5, 6], { get(t, k) { log.push(String(k)); return t[k]; } }); Uint8Array.from(src); return log.join(); });
p(() => { let n = 0; const o = { get length() { n++; return 1; }, get byteLength() { n += 10; return 1; }, 0: 3 }; return Int8Array.from(o).join() + ' ' + n; });
p(() => Uint8Array.from({length: 2, 0: 7}).join());
p(() => Uint8Array.from('12').join());
p(() => Uint8Array.of(1, 2).join());
p(() => Uint8Array.from({length: 1e12}));
p(() => Float64Array.from({length: 2 ** 40}, x => 1));
p(() => Uint8Array.from(new Proxy({}, { get: (t, k) => k === 'length' ? 1e12 : undefined })));
p(() => Uint8Array.from({length: {valueOf() { return 2; }}, 0: 4}).join());
p(() => { let n = 0; const o = {length: {valueOf() { n++; return 1; }}, 0: 9}; Uint16Array.from(o); return n; });
p(() => Uint8Array.from({length: -5}).length);
p(() => Uint8Array.from({length: 2.7, 0: 1, 1: 2}).join());
p(() => Uint8Array.from(new Set([1, 2])).join());
p(() => Uint8Array.from(new Map([[1, 2]]).keys()).join());
p(() => { function* g() { yield 3; yield 4; } return Int8Array.from(g(), (x, i) => x * 10 + i).join(); });
p(() => { class U extends Uint8Array {} const u = U.from({length: 1, 0: 5}); return (u instanceof U) + ' ' + u.join(); });
p(() => Uint8Array.from({[Symbol.iterator]: 5}));
p(() => Uint8Array.from(new Uint16Array([300, 2])).join());
p(() => Uint8Array.from(new ArrayBuffer(4)).length);
p(() => Uint8Array.from({length: 2, 0: 1, 1: 2}, function (x) { return x + this.k; }, {k: 10}).join());`, []string{
		"E:TypeError: Receiver must be an instance of class A",
		"E:TypeError: Receiver must be an instance of class A",
		"E:TypeError: Receiver must be an instance of class A",
		"E:TypeError: Receiver must be an instance of class A",
		"E:TypeError: Cannot read private member #f from an object whose class did not declare it",
		"E:TypeError: Private method '#m' is not writable",
		"E:TypeError: '#g' was defined without a setter",
		"E:TypeError: '#s' was defined without a getter",
		"E:TypeError: Receiver must be class A",
		"E:TypeError: Cannot use 'in' operator to search for 'A' in 5",
		"E:TypeError: Cannot use 'in' operator to search for '#f' in null",
		"E:TypeError: Cannot read properties of null (reading 'A')",
		"E:TypeError: Receiver must be an instance of class anonymous",
		"undefined",
		"1",
		"Symbol(Symbol.iterator),length,0,1",
		"Symbol(Symbol.iterator),length,0,1",
		"Symbol(Symbol.iterator),length,0,length,1,length",
		"3 1",
		"7,0",
		"1,2",
		"1,2",
		"E:RangeError: Array buffer allocation failed",
		"E:RangeError: Array buffer allocation failed",
		"E:RangeError: Array buffer allocation failed",
		"4,0",
		"1",
		"0",
		"1,2",
		"1,2",
		"1",
		"30,41",
		"true 5",
		"E:TypeError: %TypedArray%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function",
		"44,2",
		"0",
		"11,12",
	})
}

// `#a in o` before &&, || or ??: goja's parser gave the expression the
// operator that followed it, and the whole script failed to compile
// ("Compiler bug: Unknown expression type: *ast.PrivateIdentifier"). Each
// want line is what Postman CLI 1.34.0 printed for the same line.
func TestPrivateInBeforeLogicalAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { class B { #a; constructor(a) { this.#a = a; } eq(o) { return #a in o && this.#a === o.#a; } } return [new B(1).eq(new B(1)), new B(1).eq({})].join(); });
p(() => { class B { #a = 1; static t(o) { return #a in o || 'no'; } } return B.t({}) + ',' + B.t(new B()); });
p(() => { class B { #a = 1; static t(o) { return #a in o ?? 'no'; } } return B.t({}); });
p(() => { class B { #m() {} static t(o) { return !(#m in o) && typeof o; } } return B.t(5 && {}); });
p(() => { class B { #a; static t(o) { return #a in o ? 'yes' : 'no'; } } return B.t(new B()); });
p(() => { class B { #a; static t(o) { let r = false; r ||= #a in o && #a in o; return r; } } return B.t(new B()); });
p(() => { class B { #a; static t(o) { return [#a in o, #a
  in o || 0].join(); } } return B.t(new B()); });
p(() => { class B { #a; static t(o) { return #a in o && #a in 5; } } return B.t(new B()); });`, []string{
		"true,false",
		"no,true",
		"false",
		"object",
		"yes",
		"true",
		"true,true",
		"E:TypeError: Cannot use 'in' operator to search for '#a' in 5",
	})
}
