package scripting

import (
	"testing"

	"github.com/dop251/goja"
)

// FuzzHoistBlockFunctions: the annex B pass never panics, and a script that
// compiled before it still compiles after it (the added vars and helpers
// never clash with what the script declares).
func FuzzHoistBlockFunctions(f *testing.F) {
	for _, s := range []string{
		`if (true) { function f() {} } f();`,
		`function f(g) { { function g() {} } return g; }`,
		`function f() { let g; { function g() {} } }`,
		`function f() { switch (1) { case 1: function g() {} default: function h() {} } }`,
		`async function f() { await 0; { function g() {} } return g; }`,
		`function* f() { { function g() {} } yield g; }`,
		`const a = (x = function () { { function g() {} } }) => { { function g() {} } return g; };`,
		`class C { m() { { function g() {} } } static { { function h() {} } } }`,
		`function f() { try {} catch ({ g }) { function g() {} } }`,
		`function f() { { function g() {} } { function g() {} } var g; }`,
		`function f() { 'use strict'; { function g() {} } }`,
		`l: { function g() {} }`,
		`function f(arguments) { { function arguments() {} } }`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return // the pass is linear; long inputs only slow the fuzzer
		}
		wrapped := "(function () {\n" + src + "\n})"
		before, err := goja.Parse("f.js", wrapped)
		if err != nil {
			return
		}
		_, errBefore := goja.CompileAST(before, false)
		after, _ := goja.Parse("f.js", wrapped)
		hoistBlockFunctions(after)
		if _, err := goja.CompileAST(after, false); err != nil && errBefore == nil {
			t.Fatalf("compiled before the pass, not after: %v\n%s", err, src)
		}
	})
}
