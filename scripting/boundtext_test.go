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
