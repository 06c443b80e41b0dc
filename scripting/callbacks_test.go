package scripting

import "testing"

// Array methods given something other than a function: map, filter, some
// and every take Sugar's value forms ([1].map(undefined) is [1],
// [{a: 1}].map('a') is [1]), the others refuse it in V8's words, caught.
// Each want line is what Postman CLI 1.34.0 printed for the same line.
func TestCallbacksThatAreNotFunctionsAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `
p(() => [1].forEach(5));
p(() => [1].forEach({}));
p(() => [1].forEach('x'));
p(() => [1].forEach(null));
p(() => [1].map(5));
p(() => [1].map('x'));
p(() => [1].filter(5));
p(() => [1].filter('x'));
p(() => [1].some(5));
p(() => [1].every(5));
p(() => [1].every(undefined));
p(() => [1].find(5));
p(() => [1].findIndex(5));
p(() => [1].findLast(5));
p(() => [1].reduce(5));
p(() => [1].reduce({}));
p(() => [1].reduceRight(5));
p(() => [1].flatMap(5));
p(() => [1].sort({}));
p(() => [1].sort('x'));
p(() => [1].toSorted(5));
p(() => Array.from([1], null));
p(() => Array.from([1], [1]));
p(() => Array.from([1], true));
p(() => new Promise(null));
p(() => new Map().forEach(5));
p(() => new Set().forEach('x'));
p(() => [1].forEach(Symbol('q')));
p(() => [1].forEach(10n));
p(() => [1].forEach([1, 2]));
p(() => [1].forEach(new Date(0)));
p(() => [1].forEach(''));
p(() => [1].forEach(-0));
p(() => [1].forEach('a"b'));
p(() => [1].sort(null));
p(() => [1].sort([1]));
p(() => [1].sort(true));
p(() => [1].sort(Symbol('s')));
p(() => [].forEach(5));
p(() => [].reduce(5, 0));
p(() => [].find(5));
p(() => [1, 2].map('toString'));
p(() => [{a: 1}, {a: 2}].map('a'));
p(() => [{a: 1}, {a: 2}].filter({a: 2}));
p(() => [1, 2, 3].filter(2));
p(() => ['a', 'b'].some(/b/));
p(() => ['a', 'b'].every(/[ab]/));
p(() => [1, 2].map(undefined));
p(() => [1, 2].map(null));
p(() => [1].map(5, 6));
p(() => [1].filter(undefined));
p(() => [1].some(undefined));
p(() => [undefined].some(undefined));
p(() => [null].every(null));
p(() => { const f = 'length'; return ['ab', 'c'].map(f); });
p(() => [[1], [2, 3]].map('length'));
p(() => [1, 2].map({}));
p(() => [{a: 1}].filter('a'));
p(() => { const o = {map(f) { return typeof f; }}; return o.map('x'); });
p(() => { class L extends Array {} ; return L.from([1, 2]).map('toFixed'); });
p(() => Array.from([1], undefined));
p(() => [1,2].forEach(undefined, 5));
p(() => [1].findLastIndex(5));`
	want := []string{
		"E:TypeError: number 5 is not a function",
		"E:TypeError: object is not a function",
		"E:TypeError: string \"x\" is not a function",
		"E:TypeError: object null is not a function",
		"[null]",
		"[null]",
		"[]",
		"[]",
		"false",
		"false",
		"false",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: object is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: The comparison function must be either a function or undefined: #<Object>",
		"E:TypeError: The comparison function must be either a function or undefined: x",
		"E:TypeError: The comparison function must be either a function or undefined: 5",
		"E:TypeError: object null is not a function",
		"E:TypeError: object is not a function",
		"E:TypeError: boolean true is not a function",
		"E:TypeError: Promise resolver null is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: string \"x\" is not a function",
		"E:TypeError: symbol is not a function",
		"E:TypeError: bigint is not a function",
		"E:TypeError: object is not a function",
		"E:TypeError: object is not a function",
		"E:TypeError: string \"\" is not a function",
		"E:TypeError: number 0 is not a function",
		"E:TypeError: string \"a\"b\" is not a function",
		"E:TypeError: The comparison function must be either a function or undefined: null",
		"E:TypeError: The comparison function must be either a function or undefined: [object Array]",
		"E:TypeError: The comparison function must be either a function or undefined: true",
		"E:TypeError: The comparison function must be either a function or undefined: Symbol(s)",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"[\"1\",\"2\"]",
		"[1,2]",
		"[{\"a\":2}]",
		"[2]",
		"true",
		"true",
		"[1,2]",
		"[null,null]",
		"[null]",
		"[]",
		"false",
		"true",
		"true",
		"[2,1]",
		"[1,2]",
		"[null,null]",
		"[]",
		"string",
		"[\"1\",\"2\"]",
		"[1]",
		"E:TypeError: undefined is not a function",
		"E:TypeError: number 5 is not a function",
	}
	checkTestNames(t, src, want)
}

// Callbacks passed by name go through the hook unchanged, and methods
// that are not an array's (lodash, a script's own, a PropertyList) are
// left alone. Postman CLI 1.34.0's and Newman 6.2.2's answers (equal).
func TestCallbacksByNameKeepTheirMeaningAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `const double = x => x * 2, isEven = x => x % 2 === 0, cmp = (a, b) => b - a, sum = (a, b) => a + b;
p(() => [[1, 2, 3].map(double), [1, 2, 3].filter(isEven), [3, 1, 2].sort(cmp), [1, 2].reduce(sum, 10), [1, 2].some(isEven), [1, 2].every(isEven)].join('|'));
p(() => { const out = []; [1, 2].forEach(out.push, out); return out.length; });
p(() => { const o = {map(f) { return typeof f; }, filter(x) { return x; }}; return o.map('x') + o.filter(5); });
p(() => _.map([{a: 1}, {a: 2}], 'a').join());
p(() => _([{a: 1}, {a: 2}]).map('a').value().join());
p(() => pm.response.headers.map(h => h.key).length > 0);
p(() => { const m = new Map([[1, 2]]); let n = 0; m.forEach(function (v) { n += v + this.k; }, {k: 1}); return n; });
p(() => Array.from('abc', function (c) { return c + this.s; }, {s: '!'}).join());
p(() => Array.from([1, 2], undefined).join());
p(() => { const f = [1, 2, 3].map; return f.call([4], double).join(); });
p(() => { const a = [1, 2]; a.map = () => 'own'; return a.map('x'); });
p(() => [3, 1, 2].sort(undefined).join());
p(() => [1, 2, 3].find(isEven) + [1, 2, 3].findIndex(isEven));
p(() => { const arr = [1, 2, 3]; const picked = arr.map(String); return picked.join('') + typeof picked[0]; });
p(() => ['1', '2', '3'].map(Number).reduce(sum));
p(() => ['a', '', 'b'].filter(Boolean).length);
p(() => [1, 2].map(JSON.stringify).join());
p(() => [{id: 1}].map('id').concat([1, 2].map('toString')).join());`
	want := []string{
		"2,4,6|2|3,2,1|13|true|false",
		"6",
		"string5",
		"1,2",
		"1,2",
		"true",
		"3",
		"a!,b!,c!",
		"1,2",
		"8",
		"own",
		"1,2,3",
		"3",
		"123string",
		"6",
		"2",
		"1,2",
		"1,1,2",
	}
	checkTestNames(t, src, want)
}

// Typed arrays' own methods given a non-function: V8's words (map prints
// the value alone). Each want line is Postman CLI 1.34.0's.
func TestTypedArrayCallbacksAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + "const t = new Uint8Array([1, 2]);\n" + `
p(() => t.forEach(5));
p(() => t.map(5));
p(() => t.filter(5));
p(() => t.some(5));
p(() => t.every(5));
p(() => t.find(5));
p(() => t.findIndex(5));
p(() => t.findLast(5));
p(() => t.findLastIndex(5));
p(() => t.reduce(5));
p(() => t.reduceRight(5));
p(() => t.sort(5));
p(() => t.toSorted(5));
p(() => t.map(undefined));
p(() => t.forEach(null));
p(() => t.some('x'));
p(() => new Float64Array(1).map({}));`
	want := []string{
		"E:TypeError: number 5 is not a function",
		"E:TypeError: 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: number 5 is not a function",
		"E:TypeError: The comparison function must be either a function or undefined: 5",
		"E:TypeError: The comparison function must be either a function or undefined: 5",
		"E:TypeError: undefined is not a function",
		"E:TypeError: object null is not a function",
		"E:TypeError: string \"x\" is not a function",
		"E:TypeError: #<Object> is not a function",
	}
	checkTestNames(t, src, want)
}
