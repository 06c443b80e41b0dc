package scripting

import "testing"

// Arrows reading the arguments of the function around them, each answer
// as Node 20 prints it (node args.js). goja panicked on the first case
// ("internal error in a native function: runtime error: index out of
// range") unless the function named arguments itself.
func TestArrowArgumentsAsNode(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"arrow called at once", `function h() { return (() => arguments[1])(); } pm.test(h('p', 'q'), () => {});`, "q"},
		{"strict function keeps its directive",
			`function s() { 'use strict'; const f = () => arguments.length; return [f(), (function () { return this; })() === undefined]; } pm.test(JSON.stringify(s(1, 2, 3)), () => {});`,
			"[3,true]"},
		{"arrow in an arrow in a method", `const o = { m() { const f = () => () => arguments[0]; return f()(); } }; pm.test(o.m('deep'), () => {});`, "deep"},
		{"getter and static method",
			`class C { get g() { return (() => arguments.length)(); } static k(a) { return [1, 2].map(x => x + arguments[0]).join(); } } pm.test(new C().g + ' ' + C.k(10), () => {});`,
			"0 11,12"},
		{"nested functions each their own", `function outer() { function inner() { return (() => arguments[0])(); } return inner('in') + (() => arguments[0])(); } pm.test(outer('out'), () => {});`, "inout"},
		{"function reading them too", `function both() { const n = arguments.length; return (() => arguments[n - 1])(); } pm.test(both(1, 2, 'last'), () => {});`, "last"},
		{"a parameter named arguments", `function withParam(arguments) { return (() => arguments)(); } pm.test(withParam('param'), () => {});`, "param"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkTestNames(t, tc.src, []string{tc.want})
		})
	}
}
