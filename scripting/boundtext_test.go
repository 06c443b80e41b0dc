package scripting

import "testing"

// A bound function prints as V8 prints it (goja: "function bound f() {
// [native code] }"), through String, templates, concatenation and
// Function.prototype.toString.call. Each want line is what Postman CLI
// 1.34.0 printed for the same line (recorded three times, identical).
func TestBoundFunctionTextAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
function f(a, b) { return a + b; }
const b = f.bind(null);
p(() => Object.getOwnPropertyNames(b).join());
p(() => b.toString === Function.prototype.toString);
p(() => String(Function.prototype.toString));
p(() => String(Function.prototype.bind));
p(() => String(Function.prototype.toString.bind(f)));
p(() => Function.prototype.toString.call(Function.prototype));
p(() => String(new Proxy(f, {})));
p(() => String(new Proxy(b, {})));
p(() => Function.prototype.toString.call({}));
p(() => Function.prototype.toString.call(Object.create(null)));
p(() => String(Symbol));
p(() => String(class { static m() {} }.m.bind(1)));
p(() => String(async function () {}.bind(null)));
p(() => String(function* () {}.bind(null)));
p(() => String(f.bind(null)));
p(() => f.bind(null).name);
p(() => String(f.bind(null).bind(null)));
p(() => Function.prototype.toString.call(f.bind(null, 1)));
p(() => String((() => 1).bind(null)));
p(() => String(class A {}.bind(null)));
p(() => String(Math.max.bind(null)));
p(() => `+"`"+`${f.bind(null)}`+"`"+`);
p(() => f.bind(null) + '');
p(() => { function g() {} Object.defineProperty(g, 'name', {value: 'bound x'}); return String(g) + String(g.bind(null)); });
p(() => { const bound = function bound() {}; return String(bound) + '|' + String(bound.bind(null)); });`, []string{
		"length,name",
		"true",
		"function toString() { [native code] }",
		"function bind() { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"E:TypeError: Function.prototype.toString requires that 'this' be a Function",
		"E:TypeError: Function.prototype.toString requires that 'this' be a Function",
		"function Symbol() { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"bound f",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function () { [native code] }",
		"function g() {}function () { [native code] }",
		"function bound() {}|function () { [native code] }",
	})
}

// The newer built-ins courier defines as stubs of the bootstrap print as
// V8's natives do (Postman CLI 1.34.0's answers), and so do the iterator
// helpers and their prototype's next.
func TestBuiltinStubTextAsPostman(t *testing.T) {
	t.Parallel()
	var src string
	var want []string
	for _, c := range [][2]string{
		{"p(() => String(Object.groupBy));", "function groupBy() { [native code] }"},
		{"p(() => String(Map.groupBy));", "function groupBy() { [native code] }"},
		{"p(() => String(Array.fromAsync));", "function fromAsync() { [native code] }"},
		{"p(() => String(Promise.withResolvers));", "function withResolvers() { [native code] }"},
		{"p(() => Promise.try.toString());", "function try() { [native code] }"},
		{"p(() => `${RegExp.escape}`);", "function escape() { [native code] }"},
		{"p(() => String([].values().map));", "function map() { [native code] }"},
		{"p(() => String(ArrayBuffer.prototype.transfer));", "function transfer() { [native code] }"},
		{"p(() => String(String.prototype.isWellFormed));", "function isWellFormed() { [native code] }"},
		{"p(() => String(Promise.any));", "function any() { [native code] }"},
		{"p(() => String(Set.prototype.union));", "function union() { [native code] }"},
	} {
		src += c[0] + "\n"
		want = append(want, c[1])
	}
	checkTestNames(t, probeHarness+src, want)
}

// Iterator helpers are objects of V8's %IteratorHelperPrototype% (next,
// return and its tag, %Iterator.prototype% after it, so their constructor
// is Iterator), not generators; and RegExp.escape's refusal in V8's words.
// Postman CLI 1.34.0's answers.
func TestIteratorHelperShapeAsPostman(t *testing.T) {
	t.Parallel()
	var src string
	var want []string
	for _, c := range [][2]string{
		{`p(() => { const it = [1, 2, 3].values().map(x => x); it.next(); return JSON.stringify([...it]) + JSON.stringify(it.next()); });`,
			`[2,3]{"done":true}`},
		{`p(() => { const h = [1].values().map(x => x); return h.return ? JSON.stringify(h.return()) : 'none'; });`,
			`{"done":true}`},
		{`p(() => { const it = [1, 2].values().map(x => x); return String(it[Symbol.toStringTag]) + ',' + it.constructor.name + ',' + (Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([].values()))); });`,
			`Iterator Helper,Iterator,true`},
		{`p(() => RegExp.escape(5));`,
			`E:TypeError: input argument must be a string`},
		{`p(() => Object.getOwnPropertyNames(HP).join() + '|' + Object.getOwnPropertySymbols(HP).map(String).join());`,
			`next,return|Symbol(Symbol.toStringTag)`},
		{`p(() => HP.next.name + HP.next.length + ',' + HP.return.name + HP.return.length);`,
			`next0,return0`},
		{`p(() => HP.next.call({}));`,
			`E:TypeError: Method Iterator Helper.prototype.next called on incompatible receiver #<Object>`},
		{`p(() => HP.return.call(5));`,
			`E:TypeError: Method Iterator Helper.prototype.return called on incompatible receiver 5`},
		{`p(() => { const out = []; for (const x of [1, 2].values().map(x => x * 3)) out.push(x); return out.join(); });`,
			`3,6`},
		{`p(() => JSON.stringify([1].values().map(x => x)) + ',' + Object.keys([1].values().filter(x => x)).length);`,
			`{},0`},
		{`p(() => JSON.stringify(Object.getOwnPropertyDescriptor(HP, Symbol.toStringTag)));`,
			`{"value":"Iterator Helper","writable":false,"enumerable":false,"configurable":true}`},
		{`p(() => { const h = [1, 2].values().map(x => x); return JSON.stringify([h.next(), h.return(), h.next()]); });`,
			`[{"value":1,"done":false},{"done":true},{"done":true}]`},
		{`p(() => { const h = [1].values().map(x => x); return h[Symbol.iterator]() === h; });`,
			`true`},
		{`p(() => { let closed = 0; const src = {i: 0, next() { return {value: this.i++, done: false}; }, return() { closed++; return {}; }, __proto__: Object.getPrototypeOf(Object.getPrototypeOf([].values()))}; const h = src.take(2); h.next(); h.return(); return closed; });`,
			`1`},
	} {
		src += c[0] + "\n"
		want = append(want, c[1])
	}
	checkTestNames(t, probeHarness+"const HP = Object.getPrototypeOf([1].values().map(x => x));\n"+src, want)
}

// The members of the standard built-ins that courier writes in JavaScript
// (guards around goja's natives, Annex B's, its own Intl-free pieces) print
// as V8's natives; Sugar's members print Sugar's text, as in Postman. In
// Postman CLI 1.34.0 the String, Object, Date and Number members that do not
// print native are exactly Sugar's (fresh-round10l-c.json, w3/w4; courier's
// lists also named padEnd, padStart, repeat, localeCompare, the HTML methods,
// fill, fromEntries, getYear, setYear and toLocaleString).
func TestStandInTextAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => [String(''.padStart), String(''.padEnd), String(''.repeat), String(Object.fromEntries), String(Date.prototype.getYear), String(Date.prototype.setYear), String((1).toLocaleString), String(Math.f16round), String(Error.captureStackTrace), String(''.anchor), String(Date.prototype.toGMTString), String([].fill)].join(' | '));
p(() => Object.getOwnPropertyNames(String.prototype).filter(k => typeof ''[k] === 'function' && !String(''[k]).includes('[native code]')).filter(k => ['padStart', 'padEnd', 'repeat', 'localeCompare', 'anchor', 'sup'].includes(k)).join() || 'none');
p(() => Object.getOwnPropertyNames(Object).filter(k => typeof Object[k] === 'function' && !String(Object[k]).includes('[native code]'))[0]);
p(() => { const f = function padStart_() {}; return String(f); });
`, []string{
		"function padStart() { [native code] } | function padEnd() { [native code] } | function repeat() { [native code] } | function fromEntries() { [native code] } | function getYear() { [native code] } | function setYear() { [native code] } | function toLocaleString() { [native code] } | function f16round() { [native code] } | function captureStackTrace() { [native code] } | function anchor() { [native code] } | function toUTCString() { [native code] } | function fill() { [native code] }",
		"none",
		"keys",
		"function padStart_() {}",
	})
}
