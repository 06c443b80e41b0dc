package scripting

import "testing"

// Functions declared in blocks of sloppy code, each answer as Node 20
// prints it (V8 follows the language's web-compatibility annex, B.3.3);
// goja failed every case but the ones V8 leaves alone ("f is not defined").
func TestBlockFunctionsHoistAsV8(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"if block at the top level", `if (true) { function hoisted() { return 'h'; } } pm.test(hoisted(), () => {});`, "h"},
		{"inside a function", `function f() { if (true) { function g() { return 'g'; } } return g(); } pm.test(f(), () => {});`, "g"},
		{"inside an arrow", `const a = () => { { function g() { return 'a'; } } return g(); }; pm.test(a(), () => {});`, "a"},
		{"undefined before the block runs", `function f() { const before = typeof g; { function g() {} } return before + ',' + typeof g; } pm.test(f(), () => {});`, "undefined,function"},
		{"block never entered", `function f() { if (false) { function g() {} } return typeof g; } pm.test(f(), () => {});`, "undefined"},
		{"each branch its own", `function f(x) { if (x) { function g() { return 1; } } else { function g() { return 2; } } return g(); } pm.test(f(true) + ',' + f(false), () => {});`, "1,2"},
		{"switch clause", `function f(k) { switch (k) { case 1: function g() { return 'one'; } break; default: } return g(); } pm.test(f(1), () => {});`, "one"},
		{"loop body and try", `function f() { for (var i = 0; i < 1; i++) { function g() { return 'loop'; } } try { function h() { return 'try'; } } finally {} return g() + h(); } pm.test(f(), () => {});`, "looptry"},
		{"the block's own binding inside", `function f() { { function g() { return 1; } g = 5; var inside = g; } return inside + ',' + typeof g; } pm.test(f(), () => {});`, "5,function"},
		{"strict function left alone", `function f() { 'use strict'; { function g() {} } return typeof g; } pm.test(f(), () => {});`, "undefined"},
		{"class method left alone", `class C { m() { { function g() {} } return typeof g; } } pm.test(new C().m(), () => {});`, "undefined"},
		{"a let of the name at the top left alone", `function f() { let g = 'let'; { function g() {} } return g; } pm.test(f(), () => {});`, "let"},
		{"a parameter of the name left alone", `function f(g) { { function g() {} } return g; } pm.test(f('param'), () => {});`, "param"},
		{"an enclosing block's function left alone", `function f() { { function g() { return 'outer'; } { function g() { return 'inner'; } } return g(); } } pm.test(f(), () => {});`, "outer"},
		{"generator block function stays in its block", `function f() { { function* g() {} } return typeof g; } pm.test(f(), () => {});`, "undefined"},
		{"inside an async function", `async function f() { { function g() { return 'x'; } } return typeof g; } pm.test(await f(), () => {});`, "function"},
		{"a script with top-level await", `await 0; if (true) { function g() { return 'top'; } } pm.test(g(), () => {});`, "top"},
		{"inside an async arrow", `const a = async () => { { function g() {} } return typeof g; }; pm.test(await a(), () => {});`, "function"},
		{"inside a generator", `function* gen() { { function g() {} } yield typeof g; } pm.test(gen().next().value, () => {});`, "function"},
		{"a var of the name too", `function f() { var g = 1; { function g() { return 'fn'; } } return g(); } pm.test(f(), () => {});`, "fn"},
		// Only a lexical declaration in an enclosing scope stops it (a var
		// there would be an early error), as Newman 6.2.2 answers
		// (fresh-round10s-c).
		{"a let in a sibling block", `function f() { { let g = 1; } { function g() {} } return typeof g; } pm.test(f(), () => {});`, "function"},
		{"a class in a sibling block", `function f() { { class g {} } { function g() {} } return typeof g; } pm.test(f(), () => {});`, "function"},
		{"a let of a sibling switch", `function f(x) { switch (x) { case 1: let g = 1; } { function g() {} } return typeof g; } pm.test(f(2), () => {});`, "function"},
		{"a let in an enclosing block left alone", `function f() { { let g = 2; { function g() {} } } return typeof g; } pm.test(f(), () => {});`, "undefined"},
		{"a for head's let left alone", `function f() { for (let g = 0; g < 1; g++) { { function g() {} } } return typeof g; } pm.test(f(), () => {});`, "undefined"},
		{"a for-of const left alone", `function f() { for (const g of [1]) { { function g() {} } } return typeof g; } pm.test(f(), () => {});`, "undefined"},
		{"a const of the switch left alone", `function f(x) { switch (x) { case 1: const g = 1; default: { function g() {} } } return typeof g; } pm.test(f(2), () => {});`, "undefined"},
		{"a catch parameter's name hoists", `function f() { try { throw 1; } catch (g) { { function g() {} } } return typeof g; } pm.test(f(), () => {});`, "function"},
		{"a catch pattern's name left alone", `function f() { try { throw {g: 1}; } catch ({g}) { { function g() {} } } return typeof g; } pm.test(f(), () => {});`, "undefined"},
		// A labelled function declaration is the declaration (B.3.2).
		{"a labelled function in a block", `function f() { { l: function g() { return 1; } } return typeof g; } pm.test(f(), () => {});`, "function"},
		{"a labelled function at a function's top", `function f() { m: function h() { return 2; } return h(); } pm.test(String(f()), () => {});`, "2"},
		{"two labels", `{ a: b: function k() { return 3; } } pm.test(String(k()), () => {});`, "3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkTestNames(t, tc.src, []string{tc.want})
		})
	}
}

// TestLabelledFunctionsRefusedWhereV8RefusesThem: in strict code, and for an
// async function or a generator, a labelled function declaration stays a
// SyntaxError, as in V8.
func TestLabelledFunctionsRefusedWhereV8RefusesThem(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`'use strict'; l: function f() {}`,
		`function g() { 'use strict'; { l: function f() {} } }`,
		`l: async function f() {}`,
		`{ l: function* f() {} }`,
	} {
		e, _ := newTestEngine(t, Options{})
		r := e.Run(t.Context(), testExec("test", src))
		if se, ok := r.Err.(*ScriptError); !ok || se.Name != "SyntaxError" {
			t.Errorf("%s: got %v, want a SyntaxError", src, r.Err)
		}
	}
}
