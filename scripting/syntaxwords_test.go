package scripting

import (
	"context"
	"testing"
)

// Syntax errors of code given to eval and new Function, in V8's words: goja
// words many otherwise (an update of a non-reference is "Invalid left-hand side in
// assignment", a second label "Label 'x' already exists"...) and runs
// new a?.b(), which V8 refuses. Each want line is what Postman CLI 1.34.0
// printed for the same line.
func TestSyntaxWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, namedProbe+`const E = s => { try { (0, eval)(s); return 'ok'; } catch (e) { return e.name + ': ' + e.message; } };
const cases = ['new a?.b()', 'new a?.()', 'new a?.b', 'new (a?.b)()', 'new a.b?.c.d()', 'new a()?.b', '(new a)?.b', 'a?.b`+"`"+`x`+"`"+`', 'a?.`+"`"+`x`+"`"+`', 'a?.b.c`+"`"+`x`+"`"+`', 'a?.b++', '++a?.b', 'a?.b--', '--a?.b', 'x = 1;\n  ++a?.b', 'for (a?.b of []);', 'for (a?.b in {});', 'for (1 of []);', 'for (1 in {});', 'for (var a = 1 of []);', 'for (let a = 1 of []);', 'for (let a = 1 in {});', '1++', '++1', '(a, b)++', 'this++', 'a[0]++ ++', 'continue;', 'while (0) { if (1) {} } continue', 'x: x: 1', 'a: { b: { a: 1 } }', '"use strict"; delete a;', '"use strict"; var eval;', '"use strict"; 010', '"use strict"; arguments = 1', 'a ?? b || c', 'a || b ?? c', 'a && b ?? c', 'a ?? b && c', '"\\u{110000}"', "'\\u{FFFFFFF}'", '1_', '1__0', '1_.5', '0.5n', '1e3n', '.5n', '`+"`"+`\\unicode`+"`"+`', '`+"`"+`\\xZ`+"`"+`', '(...a, b) => 1', 'function f(...a,) {}', '(a, ...b,) => 1', 'function f(a, ...[b], c) {}', 'export default 1', 'export const a = 1', 'import.meta', 'if (1) function* g() {}', 'label: function* g() {}', 'switch (1) { default: default: }', 'switch (1) { case 1: default: break; default: }'];
p('sx', () => cases.map((c, i) => i + ' ' + c + ' -> ' + E(c)).join('\n'));
p('sy', () => { try { return new Function('return new a?.b()'); } catch (e) { return e.name + ': ' + e.message; } });`, []string{
		"sx => 0 new a?.b() -> SyntaxError: Invalid optional chain from new expression",
		"1 new a?.() -> SyntaxError: Invalid optional chain from new expression",
		"2 new a?.b -> SyntaxError: Invalid optional chain from new expression",
		"3 new (a?.b)() -> ReferenceError: a is not defined",
		"4 new a.b?.c.d() -> SyntaxError: Invalid optional chain from new expression",
		"5 new a()?.b -> ReferenceError: a is not defined",
		"6 (new a)?.b -> ReferenceError: a is not defined",
		"7 a?.b`x` -> SyntaxError: Invalid tagged template on optional chain",
		"8 a?.`x` -> SyntaxError: Invalid tagged template on optional chain",
		"9 a?.b.c`x` -> SyntaxError: Invalid tagged template on optional chain",
		"10 a?.b++ -> SyntaxError: Invalid left-hand side expression in postfix operation",
		"11 ++a?.b -> SyntaxError: Invalid left-hand side expression in prefix operation",
		"12 a?.b-- -> SyntaxError: Invalid left-hand side expression in postfix operation",
		"13 --a?.b -> SyntaxError: Invalid left-hand side expression in prefix operation",
		"14 x = 1;",
		"  ++a?.b -> SyntaxError: Invalid left-hand side expression in prefix operation",
		"15 for (a?.b of []); -> SyntaxError: Invalid left-hand side in for-loop",
		"16 for (a?.b in {}); -> SyntaxError: Invalid left-hand side in for-loop",
		"17 for (1 of []); -> SyntaxError: Invalid left-hand side in for-loop",
		"18 for (1 in {}); -> SyntaxError: Invalid left-hand side in for-loop",
		"19 for (var a = 1 of []); -> SyntaxError: for-of loop variable declaration may not have an initializer.",
		"20 for (let a = 1 of []); -> SyntaxError: for-of loop variable declaration may not have an initializer.",
		"21 for (let a = 1 in {}); -> SyntaxError: for-in loop variable declaration may not have an initializer.",
		"22 1++ -> SyntaxError: Invalid left-hand side expression in postfix operation",
		"23 ++1 -> SyntaxError: Invalid left-hand side expression in prefix operation",
		"24 (a, b)++ -> SyntaxError: Invalid left-hand side expression in postfix operation",
		"25 this++ -> SyntaxError: Invalid left-hand side expression in postfix operation",
		"26 a[0]++ ++ -> SyntaxError: Unexpected token '++'",
		"27 continue; -> SyntaxError: Illegal continue statement: no surrounding iteration statement",
		"28 while (0) { if (1) {} } continue -> SyntaxError: Illegal continue statement: no surrounding iteration statement",
		"29 x: x: 1 -> SyntaxError: Label 'x' has already been declared",
		"30 a: { b: { a: 1 } } -> SyntaxError: Label 'a' has already been declared",
		"31 \"use strict\"; delete a; -> SyntaxError: Delete of an unqualified identifier in strict mode.",
		"32 \"use strict\"; var eval; -> SyntaxError: Unexpected eval or arguments in strict mode",
		"33 \"use strict\"; 010 -> SyntaxError: Octal literals are not allowed in strict mode.",
		"34 \"use strict\"; arguments = 1 -> SyntaxError: Unexpected eval or arguments in strict mode",
		"35 a ?? b || c -> SyntaxError: Unexpected token '||'",
		"36 a || b ?? c -> SyntaxError: Unexpected token '??'",
		"37 a && b ?? c -> SyntaxError: Unexpected token '??'",
		"38 a ?? b && c -> SyntaxError: Unexpected token '&&'",
		"39 \"\\u{110000}\" -> SyntaxError: Undefined Unicode code-point",
		"40 '\\u{FFFFFFF}' -> SyntaxError: Undefined Unicode code-point",
		"41 1_ -> SyntaxError: Numeric separators are not allowed at the end of numeric literals",
		"42 1__0 -> SyntaxError: Only one underscore is allowed as numeric separator",
		"43 1_.5 -> SyntaxError: Numeric separators are not allowed at the end of numeric literals",
		"44 0.5n -> SyntaxError: Invalid or unexpected token",
		"45 1e3n -> SyntaxError: Invalid or unexpected token",
		"46 .5n -> SyntaxError: Invalid or unexpected token",
		"47 `\\unicode` -> SyntaxError: Invalid Unicode escape sequence",
		"48 `\\xZ` -> SyntaxError: Invalid hexadecimal escape sequence",
		"49 (...a, b) => 1 -> SyntaxError: Rest parameter must be last formal parameter",
		"50 function f(...a,) {} -> SyntaxError: Rest parameter must be last formal parameter",
		"51 (a, ...b,) => 1 -> SyntaxError: Rest parameter must be last formal parameter",
		"52 function f(a, ...[b], c) {} -> SyntaxError: Rest parameter must be last formal parameter",
		"53 export default 1 -> SyntaxError: Unexpected token 'export'",
		"54 export const a = 1 -> SyntaxError: Unexpected token 'export'",
		"55 import.meta -> SyntaxError: Cannot use 'import.meta' outside a module",
		"56 if (1) function* g() {} -> SyntaxError: Generators can only be declared at the top level or inside a block.",
		"57 label: function* g() {} -> SyntaxError: Generators can only be declared at the top level or inside a block.",
		"58 switch (1) { default: default: } -> SyntaxError: More than one default clause in switch statement",
		"59 switch (1) { case 1: default: break; default: } -> SyntaxError: More than one default clause in switch statement",
		"sy => SyntaxError: Invalid optional chain from new expression",
	})
}

// A bad regular expression literal in code given to eval or new Function
// is named as V8 names it; goja's refusal named its regexp engine twice.
// Each want line is what Postman CLI 1.34.0 printed for the same line.
func TestEvalRegExpWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => eval('/a{2,1}/'));
p(() => eval('1;\n/(?<1a>x)/'));
p(() => new Function('return /a{2,1}/'));
p(() => eval('/a{2,1}/u'));
p(() => eval('/\\k<x>/u'));
p(() => (0, eval)('/(?<a>.)\\k<b>/'));`, []string{
		"E:SyntaxError: Invalid regular expression: /a{2,1}/: numbers out of order in {} quantifier",
		"E:SyntaxError: Invalid regular expression: /(?<1a>x)/: Invalid capture group name",
		"E:SyntaxError: Invalid regular expression: /a{2,1}/: numbers out of order in {} quantifier",
		"E:SyntaxError: Invalid regular expression: /a{2,1}/u: numbers out of order in {} quantifier",
		"E:SyntaxError: Invalid regular expression: /\\k<x>/u: Invalid named capture referenced",
		"E:SyntaxError: Invalid regular expression: /(?<a>.)\\k<b>/: Invalid named capture referenced",
	})
}

// await inside the parenthesis of async (…): V8 first reads a call of a
// function named async (whose arguments are not async code), so an await
// with an operand is "missing ) after argument list" and a bare await is a
// parameter name of the async arrow; async function parameters keep their
// words. Postman CLI 1.34.0's answers (fresh-round13l-e.json).
func TestAwaitInAsyncArrowHeadAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
['async (a = await 1) => {}', 'async (a = await) => {}', 'async (a = await x) => {}', "async (a = await 'x') => {}",
 'async (a, b = await 1) => 1', 'async (await) => 1', 'async function f(a = await 1) {}', 'async (x = (await 1)) => 1'].forEach(s => p(() => eval(s)));
`, []string{
		"E:SyntaxError: missing ) after argument list",
		"E:SyntaxError: 'await' is not a valid identifier name in an async function",
		"E:SyntaxError: missing ) after argument list",
		"E:SyntaxError: missing ) after argument list",
		"E:SyntaxError: missing ) after argument list",
		"E:SyntaxError: 'await' is not a valid identifier name in an async function",
		"E:SyntaxError: Illegal await-expression in formal parameters of async function",
		"E:SyntaxError: Unexpected number",
	})
}

// TestImportStatementWordsAsV8: an import declaration given to eval, new
// Function or a script is refused in V8's words (Newman 6.2.2 on Node 20,
// fresh-round14t-b, and node -e); courier said "Unexpected reserved word".
func TestImportStatementWordsAsV8(t *testing.T) {
	t.Parallel()
	checkTestNames(t, namedProbe+`const E = s => { try { (0, eval)(s); return 'ok'; } catch (e) { return e.name + ': ' + e.message; } };
const cases = ['import x from "y"', 'import {a} from "b"', 'import "m"', 'import * as n from "m"', 'x = 1; import y from "z"', 'import\tx from "y"'];
p('im', () => cases.map((c, i) => i + ' ' + c + ' -> ' + E(c)).join('\n'));
p('fn', () => { try { return new Function('import x from "y"'); } catch (e) { return e.name + ': ' + e.message; } });`, []string{
		`im => 0 import x from "y" -> SyntaxError: Cannot use import statement outside a module`,
		`1 import {a} from "b" -> SyntaxError: Cannot use import statement outside a module`,
		`2 import "m" -> SyntaxError: Cannot use import statement outside a module`,
		`3 import * as n from "m" -> SyntaxError: Cannot use import statement outside a module`,
		`4 x = 1; import y from "z" -> SyntaxError: Cannot use import statement outside a module`,
		"5 import\tx from \"y\" -> SyntaxError: Cannot use import statement outside a module",
		`fn => SyntaxError: Cannot use import statement outside a module`,
	})
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `import x from 'y';`))
	if se, ok := r.Err.(*ScriptError); !ok || se.Name != "SyntaxError" || se.Msg != "Cannot use import statement outside a module" {
		t.Errorf("a script's import: %v", r.Err)
	}
}
