package scripting

import (
	"context"
	"strings"
	"testing"
)

// SyntaxErrors V8 words from the place of the error, as Node 20 (Newman
// 6.2.2's) printed them for each text (node -e, new Function and eval;
// fresh-round11p-d/-e record Newman's for the same texts): "missing ) after
// argument list" where a call's argument list should go on, "Missing } in
// template expression", "Rest parameter must be last formal parameter",
// and Function's own refusals of its parameters and body. The texts V8
// words otherwise keep their message (the control heads, groups, methods,
// array and object literals, an open conditional).
var syntaxAsV8 = []struct{ src, want string }{
	{`pm.test("x", function () {` + "\n" + `  pm.expect(1).to.eql(1);` + "\n}", "missing ) after argument list"},
	{`pm.test("x", function () {` + "\n}\n" + `pm.test("y", function () {});`, "missing ) after argument list"},
	{"f(a b)", "missing ) after argument list"},
	{"f(a", "missing ) after argument list"},
	{"f(a;", "missing ) after argument list"},
	{"f(a)\n(b c)", "missing ) after argument list"},
	{"new F(a b)", "missing ) after argument list"},
	{"o.m(1 2)", "missing ) after argument list"},
	{"f`x`(a b)", "missing ) after argument list"},
	{`console.log("a" + b c)`, "missing ) after argument list"},
	{"x.forEach((i) => y(i)", "missing ) after argument list"},
	{"f(/a b/ c)", "missing ) after argument list"},
	{"f(a / b c)", "missing ) after argument list"},
	{"f(`a${`b${c}`}` d)", "missing ) after argument list"},
	{"f(a // c\n b)", "missing ) after argument list"},
	{"if (a) { f(1 }", "missing ) after argument list"},
	{"while (f(a b)) {}", "missing ) after argument list"},
	{"f(a ? b : c d)", "missing ) after argument list"},
	{"f(a ? b c)", "Unexpected identifier 'c'"},
	{"f(a +)", "Unexpected token ')'"},
	{"if (a b) {}", "Unexpected identifier 'b'"},
	{"(a b)", "Unexpected identifier 'b'"},
	{"function g(a b) {}", "Unexpected identifier 'b'"},
	{"x = {m(a b) {}}", "Unexpected identifier 'b'"},
	{"class A { static m(a b) {} }", "Unexpected identifier 'b'"},
	{"f([a b])", "Unexpected identifier 'b'"},
	{"f({a: 1 b: 2})", "Unexpected identifier 'b'"},
	{"f(a) g(b)", "Unexpected identifier 'g'"},
	{"{ f(a b) }", "missing ) after argument list"},
	{"f(`${a b}`)", "Missing } in template expression"},
	{"function f(...a, b) {}", "Rest parameter must be last formal parameter"},
	{"((...a, b) => 1)", "Rest parameter must be last formal parameter"},
	{"f(...a, b c)", "missing ) after argument list"},
}

// The top-level script, and the same texts through eval and new Function.
func TestSyntaxErrorsWordedAsV8(t *testing.T) {
	t.Parallel()
	var probe strings.Builder
	probe.WriteString(probeHarness)
	var want []string
	for _, c := range syntaxAsV8 {
		q := strings.NewReplacer("\\", "\\\\", "'", "\\'", "\n", "\\n").Replace(c.src)
		probe.WriteString("p(() => eval('" + q + "'));\np(() => new Function('" + q + "'));\n")
		want = append(want, "E:SyntaxError: "+c.want, "E:SyntaxError: "+c.want)
		e, _ := newTestEngine(t, Options{})
		r := e.Run(context.Background(), testExec("test", c.src))
		if r.Err == nil || !strings.HasSuffix(r.Err.Error(), "SyntaxError: "+c.want) {
			t.Errorf("script %q: err %v, want %q", c.src, r.Err, c.want)
		}
	}
	checkTestNames(t, probe.String(), want)
}

// Function's parameters and body as V8 takes them: parameters that close
// the list or stop early, a body that closes the function and goes on, an
// unclosed comment among the parameters; arguments spread into the call.
func TestFunctionConstructorAsV8(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+strings.Join([]string{
		"p(() => new Function('a b', ''));",
		"p(() => new Function('a)', ''));",
		"p(() => new Function('a', 'return }'));",
		"p(() => new Function('a', '})({'));",
		"p(() => Function('a', '}, function () {'));",
		"p(() => new Function('a /*', '*/'));",
		"p(() => new Function('a=', ''));",
		"p(() => new Function('...a, b', ''));",
		"p(() => new Function('a', 'b', 'f(a b)'));",
		"p(() => new Function('a', 'return a + ({ toString() { return \"}\" } })'));",
		"p(() => { const parts = ['a', 'b', 'return a * b']; return new Function(...parts)(6, 7); });",
		"p(() => Function(...['x', 'return x + 1'])(1));",
		"p(() => String(new Function('a,b', 'return \"}\"')));",
		"p(() => new Function({ toString() { return 'q'; } }, 'return q')(3));",
		"p(() => new Function()());",
		"p(() => new Function(...[])());",
		"p(() => new Function('// c', 'return 1')());",
	}, "\n"), []string{
		"E:SyntaxError: Arg string terminates parameters early",
		"E:SyntaxError: Arg string terminates parameters early",
		"E:SyntaxError: Unexpected token '}'",
		"E:SyntaxError: Single function literal required",
		"E:SyntaxError: Single function literal required",
		"E:SyntaxError: Unexpected end of arg string",
		"E:SyntaxError: Unexpected token ')'",
		"E:SyntaxError: Rest parameter must be last formal parameter",
		"E:SyntaxError: missing ) after argument list",
		"undefined", // a function: the harness's JSON.stringify gives undefined
		"42",
		"2",
		"function anonymous(a,b\n) {\nreturn \"}\"\n}",
		"3",
		"undefined",
		"undefined",
		"1",
	})
}
