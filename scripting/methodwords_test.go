package scripting

import "testing"

// A method a conversion or a built-in reads and finds not callable, in
// V8's words: goja says "5 is not a method" for every such value. The
// operators (+, templates, Number(), instanceof, the String methods that
// call a Symbol.replace/split/matchAll, an iterator's return and throw)
// name the value by its type ("number 5 is not a function"), read from
// goja's text (v8msg.go); the built-ins that name the property
// (String.prototype.match/search/replaceAll, BigInt, new Date, a collection
// constructor's set/add) are wrapped (methodwords.go). Each want line is
// what Postman CLI 1.34.0 printed for the same line (recorded three times,
// identical).
//
// Left, with V8's words (goja's text has lost the value's type; a proxy's
// trap and a species' exec are read where nothing names them):
//
//	p(() => ({[Symbol.toPrimitive]: Symbol('s')}) + 1);
//	  V8: E:TypeError: symbol is not a function
//	p(() => ({[Symbol.toPrimitive]: 10n}) + 1);
//	  V8: E:TypeError: bigint is not a function
//	p(() => ({[Symbol.toPrimitive]: [1]}) + 1);
//	  V8: E:TypeError: object is not a function
//	p(() => new Proxy({}, {get: 5}).x);
//	  V8: E:TypeError: '5' returned for property 'get' of object '#<Object>' is not a function
//	p(() => new Proxy({}, {has: 'x'}) && ('a' in new Proxy({}, {has: 'x'})));
//	  V8: E:TypeError: 'x' returned for property 'has' of object '#<Object>' is not a function
//	p(() => RegExp.prototype[Symbol.split].call({constructor: {[Symbol.species]: function () { return {exec: 5, flags: ''}; }}, flags: ''}, 'ab'));
//	  V8: E:TypeError: Method RegExp.prototype.exec called on incompatible receiver #<Object>
func TestNotCallableMethodsAsPostman(t *testing.T) {
	t.Parallel()
	var src string
	var want []string
	for _, c := range [][2]string{
		{"p(() => `${{[Symbol.toPrimitive]: 5}}`);",
			"E:TypeError: number 5 is not a function"},
		{"p(() => +{[Symbol.toPrimitive]: 5});",
			"E:TypeError: number 5 is not a function"},
		{"p(() => '' + {[Symbol.toPrimitive]: 'x'});",
			"E:TypeError: string \"x\" is not a function"},
		{"p(() => String({[Symbol.toPrimitive]: true}));",
			"E:TypeError: boolean true is not a function"},
		{"p(() => Number({[Symbol.toPrimitive]: {}}));",
			"E:TypeError: object is not a function"},
		{"p(() => ({[Symbol.toPrimitive]: null}) + 1);",
			"[object Object]1"},
		{"p(() => ({[Symbol.toPrimitive]: undefined, valueOf() { return 7; }}) + 1);",
			"8"},
		{"p(() => ({[Symbol.toPrimitive]() { return {}; }}) + 1);",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => `${{[Symbol.toPrimitive]() { return []; }}}`);",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => Number({[Symbol.toPrimitive]() { return Object(1); }}));",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => ({valueOf: 5, toString: 6}) + 1);",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => `${{valueOf: 5, toString: 6}}`);",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => ({valueOf() { return {}; }, toString() { return {}; }}) + 1);",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => ({valueOf: null, toString: null}) * 2);",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => Object.create(null) + '');",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => [Object.create(null)].join());",
			"E:TypeError: Cannot convert object to primitive value"},
		{"p(() => new Date(NaN)[Symbol.toPrimitive]('bogus'));",
			"E:TypeError: Invalid hint: bogus"},
		{"p(() => Date.prototype[Symbol.toPrimitive].call(1, 'number'));",
			"E:TypeError: Method Date.prototype [ @@toPrimitive ] called on incompatible receiver 1"},
		{"p(() => ({[Symbol.toPrimitive]: 5}) == 1);",
			"E:TypeError: number 5 is not a function"},
		{"p(() => ({[Symbol.toPrimitive]: 5}) < 1);",
			"E:TypeError: number 5 is not a function"},
		{"p(() => `${Symbol('q')}`);",
			"E:TypeError: Cannot convert a Symbol value to a string"},
		{"p(() => Symbol('q') + '');",
			"E:TypeError: Cannot convert a Symbol value to a string"},
		{"p(() => +Symbol('q'));",
			"E:TypeError: Cannot convert a Symbol value to a number"},
		{"p(() => ({[Symbol.toPrimitive]() { return Symbol('r'); }}) + '');",
			"E:TypeError: Cannot convert a Symbol value to a string"},
		{"p(() => BigInt({[Symbol.toPrimitive]: 5}));",
			"E:TypeError: '5' returned for property 'Symbol(Symbol.toPrimitive)' of object '#<Object>' is not a function"},
		{"p(() => new Date({[Symbol.toPrimitive]: 5}));",
			"E:TypeError: '5' returned for property 'Symbol(Symbol.toPrimitive)' of object '#<Object>' is not a function"},
		{"p(() => ({[Symbol.toPrimitive]: 5})[{[Symbol.toPrimitive]: 5}]);",
			"E:TypeError: number 5 is not a function"},
		{"p(() => ({[Symbol.toPrimitive]: Math}) + 1);",
			"E:TypeError: object is not a function"},
		{"p(() => ({[Symbol.toPrimitive]: 'abc'}) + 1);",
			"E:TypeError: string \"abc\" is not a function"},
		{"p(() => ({[Symbol.toPrimitive]: /re/}) + 1);",
			"E:TypeError: object is not a function"},
		{"p(() => ({[Symbol.toPrimitive]: 1.5}) + 1);",
			"E:TypeError: number 1.5 is not a function"},
		{"p(() => 1 instanceof {[Symbol.hasInstance]: 5});",
			"E:TypeError: number 5 is not a function"},
		{"p(() => ({}) instanceof {[Symbol.hasInstance]: 'h'});",
			"E:TypeError: string \"h\" is not a function"},
		{"p(() => 'abc'.replace({[Symbol.replace]: 5}, 'x'));",
			"E:TypeError: number 5 is not a function"},
		{"p(() => 'abc'.replaceAll({[Symbol.replace]: 5}, 'x'));",
			"E:TypeError: '5' returned for property 'Symbol(Symbol.replace)' of object '#<Object>' is not a function"},
		{"p(() => 'abc'.match({[Symbol.match]: 5}));",
			"E:TypeError: '5' returned for property 'Symbol(Symbol.match)' of object '#<Object>' is not a function"},
		{"p(() => 'abc'.matchAll({[Symbol.matchAll]: 5}));",
			"E:TypeError: number 5 is not a function"},
		{"p(() => 'abc'.search({[Symbol.search]: 5}));",
			"E:TypeError: '5' returned for property 'Symbol(Symbol.search)' of object '#<Object>' is not a function"},
		{"p(() => 'abc'.split({[Symbol.split]: 5}));",
			"E:TypeError: number 5 is not a function"},
		{"p(() => { class M extends Map {} M.prototype.set = 5; return new M([[1, 2]]); });",
			"E:TypeError: '5' returned for property 'set' of object '#<M>' is not a function"},
		{"p(() => { class S extends Set {} S.prototype.add = 'a'; return new S([1]); });",
			"E:TypeError: 'a' returned for property 'add' of object '#<S>' is not a function"},
		{"p(() => { class W extends WeakMap {} W.prototype.set = 1; return new W([[{}, 2]]); });",
			"E:TypeError: '1' returned for property 'set' of object '#<W>' is not a function"},
		{"p(() => { class WS extends WeakSet {} WS.prototype.add = true; return new WS([{}]); });",
			"E:TypeError: 'true' returned for property 'add' of object '#<WS>' is not a function"},
		{"p(() => Object.prototype.toLocaleString.call({toString: 5}));",
			"E:TypeError: number 5 is not a function"},
		{"p(() => Uint8Array.from({[Symbol.iterator]: 5}));",
			"E:TypeError: %TypedArray%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function"},
		{"p(() => new Uint8Array({[Symbol.iterator]: 5}));",
			"E:TypeError: TypedArray's constructor requires that the property of the first argument, items[Symbol.iterator], when exists, be a function"},
		{"p(() => { const it = {[Symbol.iterator]() { return {next() { return {done: false}; }, return: 5}; }}; for (const x of it) { break; } });",
			"E:TypeError: number 5 is not a function"},
		{"p(() => { const it = {[Symbol.iterator]() { return {next() { return {value: 1, done: false}; }, throw: 5}; }}; function* g() { yield* it; } const x = g(); x.next(); return x.throw(new Error('t')); });",
			"E:TypeError: number 5 is not a function"},
		{"p(() => { const it = {[Symbol.iterator]() { return {next() { return {value: 1, done: false}; }, return: 5}; }}; function* g() { yield* it; } const x = g(); x.next(); return x.return(1); });",
			"E:TypeError: number 5 is not a function"},
		{"p(() => [...{[Symbol.iterator]: 5}]);",
			"E:TypeError: {(intermediate value)} is not iterable"},
		{"p(() => { const [a] = {[Symbol.iterator]: 'q'}; });",
			"E:TypeError: {(intermediate value)} is not iterable"},
	} {
		src += c[0] + "\n"
		want = append(want, c[1])
	}
	checkTestNames(t, probeHarness+src, want)
}
