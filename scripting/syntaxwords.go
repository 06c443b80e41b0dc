package scripting

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

// goja's parser words some syntax errors otherwise than V8; these are the
// ones Postman CLI 1.34's V8 was probed for (fresh-round11l). Most differ
// in their words only; the rest need the code at the error's place to tell
// which of V8's messages applies.

// syntaxRenamed are goja's messages that V8 words otherwise wherever they
// occur.
var syntaxRenamed = map[string]string{
	"Invalid template literal on optional chain":                      "Invalid tagged template on optional chain",
	"Invalid left-hand side in for-in or for-of":                      "Invalid left-hand side in for-loop",
	"Already saw a default in switch":                                 "More than one default clause in switch statement",
	"Generators can only be declared at top level or inside a block.": "Generators can only be declared at the top level or inside a block.",
	"Delete of an unqualified identifier in strict mode":              "Delete of an unqualified identifier in strict mode.",
	"Octal literals are not allowed in strict mode":                   "Octal literals are not allowed in strict mode.",
	"Assignment to eval or arguments is not allowed in strict mode":   "Unexpected eval or arguments in strict mode",
}

var (
	gojaLabelTwice    = lazyre.New(`^Label '(.*)' already exists$`)
	gojaBadEscape     = lazyre.New(`^invalid escape: \\([ux]): `)
	restParamBefore   = lazyre.New(`\.\.\.\s*(?:[\p{L}\p{N}_$]+|\[[^\]]*\]|\{[^}]*\})\s*$`)
	bigCodePointAt    = lazyre.New(`\\u\{0*([0-9a-fA-F]{7,}|[2-9a-fA-F][0-9a-fA-F]{5}|1[1-9a-fA-F][0-9a-fA-F]{4})\}`)
	fractionalBigInt  = lazyre.New(`^(?:\d*\.\d*|\d+[eE][+-]?\d+)n`)
	forDeclInitOfNext = lazyre.New(`^[^;]*?\s(of|in)\s`)
)

// syntaxWords is V8's message for goja's msg about code at line:col, when
// V8 words it otherwise.
func syntaxWords(msg, code string, line, col int) (string, bool) {
	if w, ok := syntaxRenamed[msg]; ok {
		return w, true
	}
	if m := gojaLabelTwice().FindStringSubmatch(msg); m != nil {
		return "Label '" + m[1] + "' has already been declared", true
	}
	if m := gojaBadEscape().FindStringSubmatch(msg); m != nil {
		if m[1] == "u" {
			return "Invalid Unicode escape sequence", true
		}
		return "Invalid hexadecimal escape sequence", true
	}
	off := offsetAt(code, line, col)
	if off < 0 && code != "" && offsetAt(code+" ", line, col) == len(code) {
		off = len(code) // at the end of the code
	}
	if off < 0 {
		return "", false
	}
	return syntaxWordsAt(msg, code[off:], strings.TrimRight(code[:off], " \t\r\n"))
}

// syntaxWordsAt words the messages whose V8 words depend on the code at
// the error's place (at) and before it.
func syntaxWordsAt(msg, at, before string) (string, bool) {
	switch msg {
	case "Invalid left-hand side in assignment":
		return updateWords(at, before)
	case "Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses":
		return mixedWords(at, before)
	case "Only one underscore is allowed as numeric separator":
		return "Numeric separators are not allowed at the end of numeric literals",
			strings.HasSuffix(before, "_") && (at == "" || at[0] != '_' && (at[0] < '0' || at[0] > '9'))
	case "Illegal numeric literal":
		return "Invalid or unexpected token", fractionalBigInt().MatchString(at)
	case "Unexpected token ,":
		return "Rest parameter must be last formal parameter", restParamBefore().MatchString(before)
	case "Illegal continue statement":
		rest := strings.TrimLeft(strings.TrimPrefix(at, "continue"), " \t")
		return "Illegal continue statement: no surrounding iteration statement",
			strings.HasPrefix(at, "continue") && (rest == "" || strings.ContainsAny(rest[:1], ";}\r\n"))
	case "for-in loop variable declaration may not have an initializer":
		if m := forDeclInitOfNext().FindStringSubmatch(at); m != nil {
			return "for-" + m[1] + " loop variable declaration may not have an initializer.", true
		}
	case "Unexpected reserved word":
		return reservedWords(at)
	case "Unexpected token ILLEGAL":
		return "Undefined Unicode code-point", codePointTooBig(at)
	}
	return "", false
}

// codePointTooBig reports a string literal at the start of at holding a
// \u{…} escape past U+10FFFF.
func codePointTooBig(at string) bool {
	if !strings.HasPrefix(at, `"`) && !strings.HasPrefix(at, "'") {
		return false
	}
	if end := strings.IndexAny(at, "\r\n"); end >= 0 {
		at = at[:end]
	}
	m := bigCodePointAt().FindStringSubmatch(at)
	if m == nil {
		return false
	}
	v, err := strconv.ParseUint(m[1], 16, 64)
	return err != nil || v > 0x10FFFF
}

// updateWords words an invalid ++ or -- operand: goja places the error at
// the operator and calls it an assignment.
func updateWords(at, before string) (string, bool) {
	if !strings.HasPrefix(at, "++") && !strings.HasPrefix(at, "--") {
		return "", false
	}
	if before != "" {
		switch c := before[len(before)-1]; {
		case isIdentByte(c), c == ')', c == ']', c == '}', c == '"', c == '\'', c == '`':
			return "Invalid left-hand side expression in postfix operation", true
		}
	}
	return "Invalid left-hand side expression in prefix operation", true
}

// mixedWords names the operator V8 stops at when ?? meets || or && with
// no parentheses: the second of the two. goja places the error at the
// second, or at the ?? when the && or || follows it.
func mixedWords(at, before string) (string, bool) {
	if !strings.HasPrefix(at, "??") {
		for _, op := range []string{"||", "&&"} {
			if strings.HasPrefix(at, op) {
				return "Unexpected token '" + op + "'", true
			}
		}
		return "", false
	}
	if i := strings.LastIndexAny(before, ";\n{}("); strings.Contains(before[i+1:], "||") || strings.Contains(before[i+1:], "&&") {
		return "Unexpected token '??'", true
	}
	rest := at[2:]
	or, and := strings.Index(rest, "||"), strings.Index(rest, "&&")
	switch {
	case or >= 0 && (and < 0 || or < and):
		return "Unexpected token '||'", true
	case and >= 0:
		return "Unexpected token '&&'", true
	}
	return "", false
}

// reservedWords words goja's refusal of a module's keyword.
func reservedWords(at string) (string, bool) {
	switch {
	case strings.HasPrefix(at, "export") && (len(at) == 6 || !isIdentByte(at[6])):
		return "Unexpected token 'export'", true
	case strings.HasPrefix(at, "import") && strings.HasPrefix(strings.TrimLeft(at[6:], " \t"), ".meta"):
		return "Cannot use 'import.meta' outside a module", true
	case strings.HasPrefix(at, "import") && (len(at) == 6 || !isIdentByte(at[6])) && !strings.HasPrefix(strings.TrimLeft(at[6:], " \t"), "("):
		// An import declaration (import x from 'y', import 'm'): V8
		// refuses it by where it stands (fresh-round14t-b).
		return "Cannot use import statement outside a module", true
	}
	return "", false
}

// newOptionalChain refuses `new a?.b()` (and `new a?.()`, `new a.b?.c`) as
// V8 does before running anything: goja reads it as (new a)?.b() and runs
// it. A new with its own arguments (`new a()?.b`) or in parentheses is
// fine in both.
func newOptionalChain(prog *ast.Program) error {
	if prog.File == nil {
		return nil
	}
	text := prog.File.Source()
	var bad *ast.NewExpression
	walkAST(reflect.ValueOf(prog), func(n ast.Node) {
		o, ok := n.(*ast.Optional)
		if !ok || bad != nil {
			return
		}
		x, ok := o.Expression.(*ast.NewExpression)
		if !ok || x.ArgumentList != nil || x.RightParenthesis != 0 {
			return
		}
		if end := int(x.Idx1()) - prog.File.Base(); end >= 0 && end <= len(text) && strings.HasPrefix(strings.TrimLeft(text[end:], " \t\r\n"), "?.") {
			bad = x
		}
	})
	if bad == nil {
		return nil
	}
	return &goja.CompilerSyntaxError{CompilerError: goja.CompilerError{
		Message: "Invalid optional chain from new expression",
		File:    prog.File,
		Offset:  int(bad.New) - prog.File.Base(),
	}}
}

// mayNewOptionalChain is the cheap look at a script's text.
func mayNewOptionalChain(src string) bool {
	return strings.Contains(src, "?.") && strings.Contains(src, "new")
}
