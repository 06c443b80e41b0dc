package scripting

import "testing"

// TestBuiltinSubclassWordsAsPostman: built-in constructors refusing their
// argument when a subclass, super(…), an alias or Reflect.construct calls
// them, in V8's words (courier said "M is not a constructor" or "super is
// not a function"). Each want line is what Postman CLI 1.34.0 printed for
// the same line.
func TestBuiltinSubclassWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { class M extends Map {} return new M([1, 2]); });
p(() => { class M extends Map {} return String(new M(5)); });
p(() => { class S extends Set {} return String(new S(5)); });
p(() => { class W extends WeakMap {} return String(new W([1])); });
p(() => { class W extends WeakSet {} return String(new W([1])); });
p(() => { class P extends Promise {} return String(new P(5)); });
p(() => { class A extends Array {} return String(new A(-1)); });
p(() => { class B extends ArrayBuffer {} return String(new B(-1)); });
p(() => { class U extends Uint8Array {} return String(new U(-1)); });
p(() => { class R extends RegExp {} return String(new R('(')); });
p(() => { class D extends DataView {} return String(new D(5)); });
p(() => { class M extends Map { constructor(x) { super(x); } } return new M([1, 2]); });
p(() => { const M = class extends Map {}; return new M([1, 2]); });
p(() => { class M extends Map {} return M([1]); });
p(() => { class W extends WeakMap {} return String(new W([[1, 2]])); });
p(() => { class W extends WeakSet {} return String(new W([1])); });
p(() => { class M extends Map {} return String(new M({})); });
p(() => { class M extends Map {} return String(new M([null])); });
p(() => { class U extends Float64Array {} return String(new U(1.5)); });
p(() => { const M = Map; return String(new M([1])); });
p(() => String(Reflect.construct(Map, [[1]])));
p(() => String(new Map([1])));
p(() => String(new Set(5)));
p(() => String(new Uint8Array(-1)));
p(() => String(new ArrayBuffer(-1)));
`, []string{
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: Invalid value used in weak set",
		"E:TypeError: Promise resolver 5 is not a function",
		"E:RangeError: Invalid array length",
		"E:RangeError: Invalid array buffer length",
		"E:RangeError: Invalid typed array length: -1",
		"E:SyntaxError: Invalid regular expression: /(/: Unterminated group",
		"E:TypeError: First argument to DataView constructor must be an ArrayBuffer",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: Class constructor M cannot be invoked without 'new'",
		"E:TypeError: Invalid value used as weak map key",
		"E:TypeError: Invalid value used in weak set",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Iterator value null is not an entry object",
		"0",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:RangeError: Invalid typed array length: -1",
		"E:RangeError: Invalid array buffer length",
	})
}
