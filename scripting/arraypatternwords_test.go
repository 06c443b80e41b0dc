package scripting

import "testing"

// Errors round 13 found worded by goja (fresh-round13t-b.json, Newman
// 6.2.2's answers recorded three times alike; the nested array patterns
// checked against Postman CLI 1.34 too): a nested pattern in a var
// declaration, an array pattern inside an object pattern given null or
// undefined, the Array methods V8 names when called on null or undefined
// (the others keep "Cannot convert undefined or null to object"), and a
// private name outside any class in eval'd code.
func TestVarPatternsArrayReceiversAndPrivateNamesAsNewman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }" + "\n" + `
p(() => { var {data: {items}} = {}; });
p(() => { var o = {a: null}; var {a: {b}} = o; });
p(() => { var {a: [x]} = {}; });
p(() => { var {a: [x]} = {a: null}; });
p(() => { var src = {}; const {a: [x]} = src; });
p(() => { let {a: [x]} = {a: 5}; });
p(() => { var {a: {b}} = {a: {b: 'kept'}}; return b; });
p(() => Array.prototype.forEach.call(null));
p(() => [].forEach.call(null));
p(() => Array.prototype.reduce.call(undefined, function () {}));
p(() => Array.prototype.findIndex.call(null, function () {}));
p(() => Array.prototype.join.call(null));
p(() => Array.prototype.at.call(null, 0));
p(() => eval('#x'));
p(() => new Function('return #y'));`
	want := []string{
		"E:TypeError: Cannot read properties of undefined (reading 'items')",
		"E:TypeError: Cannot read properties of null (reading 'b')",
		"E:TypeError: Cannot destructure property 'Symbol(Symbol.iterator)' of '{}' as it is undefined.",
		"E:TypeError: Cannot destructure property 'Symbol(Symbol.iterator)' of '{(intermediate value)}' as it is null.",
		"E:TypeError: Cannot destructure property 'Symbol(Symbol.iterator)' of 'src' as it is undefined.",
		"E:TypeError: {(intermediate value)} is not iterable (cannot read property Symbol(Symbol.iterator))",
		"kept",
		"E:TypeError: Array.prototype.forEach called on null or undefined",
		"E:TypeError: Array.prototype.forEach called on null or undefined",
		"E:TypeError: Array.prototype.reduce called on null or undefined",
		"E:TypeError: Array.prototype.findIndex called on null or undefined",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:SyntaxError: Private field '#x' must be declared in an enclosing class",
		"E:SyntaxError: Private field '#y' must be declared in an enclosing class",
	}
	checkTestNames(t, src, want)
}

// A Symbol set in a scope stays the script's live value ({{name}} is
// Symbol(s)) and leaves as JSON carries it: null, and undefined from
// pm.variables, whose values Newman clones (fresh-round13t-c.json).
func TestSymbolInScopeAsNewman(t *testing.T) {
	t.Parallel()
	src := `const s = Symbol('s'); pm.environment.set('k', s); pm.variables.set('l', s);
pm.test(String(pm.environment.get('k') === s), () => {});
pm.test(pm.environment.replaceIn('{{k}}') + ' ' + pm.variables.replaceIn('{{l}}'), () => {});`
	checkTestNames(t, src, []string{"true", "Symbol(s) Symbol(s)"})
}

// A var statement whose nested patterns are split keeps its names bound
// where the function hoists them: in strict code, in a closure declared
// before it, and not as globals (goja hoists from the function's own
// list, which the split updates).
func TestVarPatternSplitKeepsItsBindings(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }" + "\n" + `
p(function () { 'use strict'; var {a: {b}} = {a: {b: 1}}; return String(b); });
p(function () { var {a: {c}} = {a: {c: 2}}; return String(c) + typeof globalThis.c; });
p(function () { function g() { return d; } var {a: {d}} = {a: {d: 3}}; return String(g()); });
p(function () { 'use strict'; for (var i = 0; i < 2; i++) { var {a: [e]} = {a: [i]}; } return String(e); });`
	checkTestNames(t, src, []string{"1", "2undefined", "3", "1"})
}
