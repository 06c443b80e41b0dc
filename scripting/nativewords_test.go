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
