package scripting

import "testing"

// TestReceiverAndNeighbourWordsAsPostman: built-in methods called through
// call or apply on a receiver they refuse (Set, Map, Promise, Date, Symbol,
// Function.prototype.call/bind), private members, and other neighbours of
// the error words, in V8's words. Each want line is what Postman
// CLI 1.34.0 printed for the same line; the probes courier still words
// otherwise are listed in docs/postman-compatibility.md.
func TestReceiverAndNeighbourWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`p(() => Set.prototype.add.call(5, 1));
p(() => Map.prototype.get.call({}, 1));
p(() => Map.prototype.set.call(null, 1));
p(() => Promise.prototype.then.call(5));
p(() => RegExp.prototype.exec.call({}, 'a'));
p(() => Function.prototype.toString.call({}));
p(() => Function.prototype.call.call(5));
p(() => Function.prototype.bind.call(5));
p(() => Object.setPrototypeOf({}, 5));
p(() => Object.create(5));
p(() => Object.defineProperty({}, 'a', 5));
p(() => new (class { #x; static get(o) { return o.#x; } }).constructor.get({}));
p(() => { class A { #x = 1; static g(o) { return o.#x; } } return A.g({}); });
p(() => { class A { #x = 1; static s(o) { o.#x = 2; } } return A.s({}); });
p(() => { class A { constructor() { this.x = 1; } } class B extends A { constructor() { this.y = 2; super(); } } return new B(); });
p(() => { class A { m() { return super.nope(); } } return new A().m(); });
p(() => { const o = { m() { return super.x.y; } }; return o.m(); });
p(() => { function F() { if (!new.target) throw new TypeError('need new'); } return F(); });
p(() => Reflect.construct(function () { return new.target === undefined; }, []) + '');
p(() => Symbol() + '');
p(() => BigInt(1.5));
p(() => 1n + 1);
p(() => JSON.stringify(1n));
p(() => new Symbol());
p(() => Object.freeze([1]).push(2));
p(() => { 'use strict'; Object.freeze([1])[0] = 2; });
p(() => [].reduceRight((a, b) => a));
p(() => new Array(-1));
p(() => 'abc'.repeat(-1));
p(() => (1).toString(1));
p(() => new Intl.NumberFormat('en', { style: 'currency' }));
p(() => structuredClone(() => 1));
p(() => decodeURIComponent('%'));
p(() => new URL('nope'));
p(() => atob('*'));
p(() => { const a = []; a.length = -1; });
p(() => Object.defineProperty([], 'length', { value: -1 }));
p(() => new Proxy({}, null));
p(() => Object.fromEntries([1]));
p(() => new WeakRef(1));
p(() => Array.from({ length: -1 }).length + '');
p(() => new Date().toISOString.call(5));
p(() => String.fromCodePoint(-1));
p(() => 'a'.normalize('x'));
p(() => [1, 2].toSorted(5));
p(() => Symbol.prototype.toString.call(5));
p(() => Map.prototype.forEach.call('abc', () => 1));
p(() => Promise.prototype.finally.call(undefined));
p(() => Function.prototype.apply.call(5));
p(() => Date.prototype.toISOString.call({}));
p(() => Date.prototype.toString.call([]));
p(() => Date.prototype.toLocaleString.call(5));
p(() => Date.prototype.getTime.call(5));
p(() => Date.prototype.toUTCString.call(null));
p(() => Date.prototype.getYear.call({}));
p(() => Date.prototype.setYear.call({}, 1));
p(() => Date.prototype.getYear.call(5));
p(() => Date.prototype.getYear.call([]));
p(() => Date.prototype.setYear.call(null, 1));
p(() => Date.prototype.getYear.call(new Map()));
p(() => String(new Date(2020, 0).getYear()));
p(() => Symbol.prototype.description);
p(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy.x; });
p(() => { const r = Proxy.revocable({}, {}); r.revoke(); r.proxy.x = 1; });
p(() => { const r = Proxy.revocable({}, {}); r.revoke(); return Object.keys(r.proxy); });
p(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy['y']; });
p(() => new Set().union(5));
p(() => new Set([1]).isSubsetOf(null));
p(() => { const s = new Set(); return s.difference('x'); });`, []string{
		"E:TypeError: Method Set.prototype.add called on incompatible receiver 5",
		"E:TypeError: Method Map.prototype.get called on incompatible receiver #<Object>",
		"E:TypeError: Method Map.prototype.set called on incompatible receiver null",
		"E:TypeError: Method Promise.prototype.then called on incompatible receiver 5",
		"E:TypeError: Method RegExp.prototype.exec called on incompatible receiver #<Object>",
		"E:TypeError: Function.prototype.toString requires that 'this' be a Function",
		"E:TypeError: Function.prototype.call.call is not a function",
		"E:TypeError: Bind must be called on a function",
		"E:TypeError: Object prototype may only be an Object or null: 5",
		"E:TypeError: Object prototype may only be an Object or null: 5",
		"E:TypeError: Property description must be an object: 5",
		"E:TypeError: (intermediate value)(intermediate value).constructor.get is not a constructor",
		"E:TypeError: Cannot read private member #x from an object whose class did not declare it",
		"E:TypeError: Cannot write private member #x to an object whose class did not declare it",
		"E:ReferenceError: Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
		"E:TypeError: (intermediate value).nope is not a function",
		"E:TypeError: Cannot read properties of undefined (reading 'y')",
		"E:TypeError: need new",
		"[object Object]",
		"E:TypeError: Cannot convert a Symbol value to a string",
		"E:RangeError: The number 1.5 cannot be converted to a BigInt because it is not an integer",
		"E:TypeError: Cannot mix BigInt and other types, use explicit conversions",
		"E:JSONError: Do not know how to serialize a BigInt",
		"E:TypeError: Symbol is not a constructor",
		"E:TypeError: Cannot add property 1, object is not extensible",
		"E:TypeError: Cannot assign to read only property '0' of object '[object Array]'",
		"E:TypeError: Reduce of empty array with no initial value",
		"E:RangeError: Invalid array length",
		"E:RangeError: Invalid count value: -1",
		"E:RangeError: toString() radix argument must be between 2 and 36",
		"E:TypeError: Currency code is required with currency style.",
		"E:DataCloneError: () => 1 could not be cloned.",
		"E:URIError: URI malformed",
		"E:TypeError: Invalid URL",
		"E:InvalidCharacterError: Invalid character",
		"E:RangeError: Invalid array length",
		"E:RangeError: Invalid array length",
		"E:TypeError: Cannot create proxy with a non-object as target or handler",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:ReferenceError: WeakRef is not defined",
		"0",
		"E:TypeError: Method Date.prototype.toISOString called on incompatible receiver 5",
		"E:RangeError: Invalid code point -1",
		"E:RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.",
		"E:TypeError: The comparison function must be either a function or undefined: 5",
		"E:TypeError: Symbol.prototype.toString requires that 'this' be a Symbol",
		"E:TypeError: Method Map.prototype.forEach called on incompatible receiver abc",
		"E:TypeError: Promise.prototype.finally called on non-object",
		"E:TypeError: Function.prototype.apply.call is not a function",
		"E:TypeError: Method Date.prototype.toISOString called on incompatible receiver #<Object>",
		"E:TypeError: Method Date.prototype.toString called on incompatible receiver [object Array]",
		"E:TypeError: Method Date.prototype.toLocaleString called on incompatible receiver 5",
		"E:TypeError: this is not a Date object.",
		"E:TypeError: Method Date.prototype.toUTCString called on incompatible receiver null",
		"E:TypeError: Method Date.prototype.getYear called on incompatible receiver #<Object>",
		"E:TypeError: Method Date.prototype.setYear called on incompatible receiver #<Object>",
		"E:TypeError: Method Date.prototype.getYear called on incompatible receiver 5",
		"E:TypeError: Method Date.prototype.getYear called on incompatible receiver [object Array]",
		"E:TypeError: Method Date.prototype.setYear called on incompatible receiver null",
		"E:TypeError: Method Date.prototype.getYear called on incompatible receiver #<Map>",
		"120",
		"E:TypeError: Symbol.prototype.description requires that 'this' be a Symbol",
		"E:TypeError: Cannot perform 'get' on a proxy that has been revoked",
		"E:TypeError: Cannot perform 'set' on a proxy that has been revoked",
		"E:TypeError: Cannot perform 'ownKeys' on a proxy that has been revoked",
		"E:TypeError: Cannot perform 'get' on a proxy that has been revoked",
		"E:TypeError: Set.prototype.union argument must be an object",
		"E:TypeError: Set.prototype.isSubsetOf argument must be an object",
		"E:TypeError: Set.prototype.difference argument must be an object",
	})
}
