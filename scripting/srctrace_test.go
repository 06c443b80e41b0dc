package scripting

import (
	"strings"
	"testing"
)

// Async generators, for-await loops and using declarations are rewritten
// before goja compiles a script (asyncgen.go, using.go); the functions and
// classes that hold them printed courier's rewrite. They print the text as
// written, as V8 does. The want text is what Postman CLI 1.34.0 printed
// for the same scripts (recorded three times, identical), one line per
// test name joined.
func TestRewrittenFunctionsPrintTheirTextAsPostman(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, src, want string }{
		{"declarations, expressions, methods, classes",
			"async function* g1(a, b = 2) { yield a; await null; yield* [b]; }\nconst g2 = async function* (x) { for await (const y of x) yield y; };\nconst g3 = async function *named() {};\nconst o = { async *m(a) { yield a; }, async* [Symbol.iterator]() {} };\nclass C { async *m() { yield 1; } static async *s(n) { yield n; } async *#p() { yield 2; } get p() { return this.#p; } static async *[`c${1}`]() {} }\nasync function f4() { for await (const x of [1]) { out(x); } }\nfunction outer() { async function* inner() { yield 1; } return inner; }\nconst arrow = async () => { for await (const z of []) {} };\np(() => g1.toString());\np(() => String(g2));\np(() => '' + g3);\np(() => o.m.toString());\np(() => o[Symbol.iterator].toString());\np(() => C.prototype.m.toString());\np(() => C.s.toString());\np(() => new C().p.toString());\np(() => C.c1.toString());\np(() => C.toString());\np(() => f4.toString());\np(() => outer.toString());\np(() => outer().toString());\np(() => arrow.toString());\np(() => `${async function*(){ /* c */ yield 1 }}`);\np(() => Object.getPrototypeOf(async function*(){}).constructor('a', 'yield a').toString());\np(() => (async function* () {}).toString());\np(() => ({ async * m ( ) { } }).m.toString());\np(() => Object.prototype.toString.call(new C().p));\np(() => new C().p.name + ',' + C.s.name + ',' + o.m.name + ',' + g2.name);\n",
			"async function* g1(a, b = 2) { yield a; await null; yield* [b]; }\nasync function* (x) { for await (const y of x) yield y; }\nasync function *named() {}\nasync *m(a) { yield a; }\nasync* [Symbol.iterator]() {}\nasync *m() { yield 1; }\nasync *s(n) { yield n; }\nasync *#p() { yield 2; }\nasync *[`c${1}`]() {}\nclass C { async *m() { yield 1; } static async *s(n) { yield n; } async *#p() { yield 2; } get p() { return this.#p; } static async *[`c${1}`]() {} }\nasync function f4() { for await (const x of [1]) { out(x); } }\nfunction outer() { async function* inner() { yield 1; } return inner; }\nasync function* inner() { yield 1; }\nasync () => { for await (const z of []) {} }\nasync function*(){ /* c */ yield 1 }\nasync function* anonymous(a\n) {\nyield a\n}\nasync function* () {}\nasync * m ( ) { }\n[object AsyncGeneratorFunction]\n#p,s,m,g2"},
		{"using, escapes, loops, keys, private methods",
			"function withUsing() { using r = { [Symbol.dispose]() {} }; return 1; }\nasync function withAwaitUsing() { await using r = { async [Symbol.asyncDispose]() {} }; }\nfunction esc() { return '\\u{10FFFF}'.length; }\nasync function lab() { outer: for await (const x of [1, 2]) { for (;;) { continue outer; } } }\nasync function single() { for await (const x of [1]) out(x); }\nconst o = { async *'q s'() { await 1; }, async *42() {}, v: async function* () {}, async *m(a, b = 1, ...c) {} };\nclass K { static async *#sp() {} static get sp() { return K.#sp; } async *#ip(x) {} get ip() { return this.#ip; } }\np(() => withUsing.toString());\np(() => withAwaitUsing.toString());\np(() => esc.toString() + esc());\np(() => lab.toString());\np(() => single.toString());\np(() => o['q s'].toString());\np(() => o[42].toString());\np(() => o.v.toString() + '|' + o.v.name);\np(() => o.m.toString() + '|' + o.m.length);\np(() => K.sp.toString() + '|' + Object.prototype.toString.call(K.sp) + '|' + K.sp.name);\np(() => new K().ip.toString() + '|' + Object.prototype.toString.call(new K().ip) + '|' + new K().ip.length);\np(() => Object.prototype.toString.call(new K().ip.call(new K())));\np(() => Object.getPrototypeOf(new K().ip) === Object.getPrototypeOf(async function*(){}));\np(() => { const s = (async function* gen() {}).toString(); return s.length + ':' + s; });\np(() => Function.prototype.toString.call(class { async *a() {} }));\np(() => [async function* () { for await (const q of [1]) {} }].map(String).join());\n",
			"function withUsing() { using r = { [Symbol.dispose]() {} }; return 1; }\nasync function withAwaitUsing() { await using r = { async [Symbol.asyncDispose]() {} }; }\nfunction esc() { return '\\u{10FFFF}'.length; }2\nasync function lab() { outer: for await (const x of [1, 2]) { for (;;) { continue outer; } } }\nasync function single() { for await (const x of [1]) out(x); }\nasync *'q s'() { await 1; }\nasync *42() {}\nasync function* () {}|v\nasync *m(a, b = 1, ...c) {}|1\nasync *#sp() {}|[object AsyncGeneratorFunction]|#sp\nasync *#ip(x) {}|[object AsyncGeneratorFunction]|1\n[object AsyncGenerator]\ntrue\n24:async function* gen() {}\nclass { async *a() {} }\nasync function* () { for await (const q of [1]) {} }"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			checkTestNames(t, probeHarness+c.src, strings.Split(c.want, "\n"))
		})
	}
}
