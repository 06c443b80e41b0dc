package scripting

import "testing"

// caught wraps a statement that throws into a probe expression giving the
// caught error as "Name: message".
func caught(stmt string) string {
	return "(() => { try { " + stmt + " } catch (e) { return e.name + ': ' + e.message; } return 'no throw'; })()"
}

// TestCaughtErrorsReadAsV8: errors a script catches carry V8's words, as
// in Newman 6.2.2 and Postman CLI 1.34.0 (both gave every answer below).
func TestCaughtErrorsReadAsV8(t *testing.T) {
	t.Parallel()
	const ref = "Newman 6.2.2 and Postman CLI 1.34.0"
	checkProbes(t, []refCase{
		{"read undefined", caught("var u; u.foo;"), "S:TypeError: Cannot read properties of undefined (reading 'foo')", ref},
		{"read literal null", caught("null.x;"), "S:TypeError: Cannot read properties of null (reading 'x')", ref},
		{"read computed", caught("var u; u['x' + 1];"), "S:TypeError: Cannot read properties of undefined (reading 'x1')", ref},
		{"read index", caught("var u; u[0];"), "S:TypeError: Cannot read properties of undefined (reading '0')", ref},
		{"read chain", caught("var o = {}; o.a.b.c;"), "S:TypeError: Cannot read properties of undefined (reading 'b')", ref},
		{"read before call", caught("var u; u.f();"), "S:TypeError: Cannot read properties of undefined (reading 'f')", ref},
		{"set undefined", caught("var u; u.bar = 1;"), "S:TypeError: Cannot set properties of undefined (setting 'bar')", ref},
		{"set nested", caught("var o = {}; o.a.b = 1;"), "S:TypeError: Cannot set properties of undefined (setting 'b')", ref},
		{"set quoted", caught("var u; u['k'] = 1;"), "S:TypeError: Cannot set properties of undefined (setting 'k')", ref},
		{"keys of null is not a set", caught("Object.keys(null);"), "S:TypeError: Cannot convert undefined or null to object", ref},
		{"method missing", caught("var o = {}; o.f();"), "S:TypeError: o.f is not a function", ref},
		{"nested method missing", caught("var o = {a: {}}; o.a.f(1, 2);"), "S:TypeError: o.a.f is not a function", ref},
		{"quoted method missing", caught("var o = {}; o['f']();"), "S:TypeError: o.f is not a function", ref},
		{"number called", caught("var x = 1; x();"), "S:TypeError: x is not a function", ref},
		{"grouped callee", caught("(void 0)();"), "S:TypeError: (void 0) is not a function", ref},
		{"call result called", caught("function f() { return 1; } f(2)();"), "S:TypeError: f(...) is not a function", ref},
		{"pm member missing", caught("pm.response.jsn();"), "S:TypeError: pm.response.jsn is not a function", ref},
		{"new of undefined", caught("new (void 0)();"), "S:TypeError: (void 0) is not a constructor", ref},
		{"new of number", caught("var x = 1; new x();"), "S:TypeError: x is not a constructor", ref},
		{"untouched message", caught("Object.defineProperty(1, 'a', {});"), "S:TypeError: Object.defineProperty called on non-object", ref},
		{"stack follows", "(() => { try { null.x; } catch (e) { return e.stack.split('\\n')[0]; } })()", "S:TypeError: Cannot read properties of null (reading 'x')", "V8's form; Newman's sandbox prints Error: as the stack's name"},
		{"String(e)", "(() => { try { var u; u.x; } catch (e) { return String(e); } })()", "S:TypeError: Cannot read properties of undefined (reading 'x')", ref},
		{"eval token", caught("eval('var = 1');"), "S:SyntaxError: Unexpected token '='", ref},
		{"eval end", caught("eval('{');"), "S:SyntaxError: Unexpected end of input", ref},
		{"eval identifier", caught("eval('a b');"), "S:SyntaxError: Unexpected identifier 'b'", ref},
		{"eval identifier from a variable", caught("var s = 'x\\n  y z'; eval(s);"), "S:SyntaxError: Unexpected identifier 'z'", ref},
		{"eval keyword", caught("eval('if if');"), "S:SyntaxError: Unexpected token 'if'", ref},
		{"eval number", caught("eval('1 2');"), "S:SyntaxError: Unexpected number", ref},
		{"eval illegal", caught("eval('\"abc');"), "S:SyntaxError: Invalid or unexpected token", ref},
		{"eval arrow", caught("eval('a => => b');"), "S:SyntaxError: Unexpected token '=>'", ref},
		{"eval redeclared", caught("eval('let x; let x;');"), "S:SyntaxError: Identifier 'x' has already been declared", ref},
		{"eval let let", caught("eval('let let = 1');"), "S:SyntaxError: let is disallowed as a lexically bound name", ref},
		{"eval anonymous function", caught("eval('function(){}');"), "S:SyntaxError: Function statements require a function name", ref},
		{"eval await", caught("eval('await x');"), "S:SyntaxError: await is only valid in async functions and the top level bodies of modules", ref},
		{"eval return", caught("eval('return 1');"), "S:SyntaxError: Illegal return statement", ref},
		{"direct eval keeps its scope", "(() => { var local = 41; return eval('local + 1'); })()", "number:42", ref},
		{"chai throw compares V8's words", "(() => { pm.expect(() => { var u; u.x; }).to.throw(\"Cannot read properties of undefined (reading 'x')\"); return 'ok'; })()", "S:ok", ref},
		{"chai throw chains to the error", "(() => { return pm.expect(() => { null.q; }).to.throw(TypeError).with.property('message').that.includes('null'); })() && 'ok'", "S:ok", ref},
	})
}
