package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// A dynamic import, import('lodash') or await import(url): goja's parser
// refuses the keyword, so the whole script failed to compile ("Unexpected
// reserved word"). Postman CLI 1.34's V8 compiles it, and the call gives a
// promise that rejects, as its sandbox has no module loader: TypeError "A
// dynamic import callback was not specified." (the specifier converted to
// a string first, its error rejecting instead). A script that does not
// parse gets each `import` that a ( follows in its code written as
// hookImport, a name of the same length (so offsets stay), and is parsed
// again; hookImport is defined when such a script runs.

// hookImport stands for the import keyword of a dynamic import.
const hookImport = "__cimp"

// lowerDynamicImports returns src with the import keyword of its dynamic
// imports (in code, not strings, comments or templates' text) written as
// hookImport, and whether there were any.
func lowerDynamicImports(src string) (string, bool) {
	var b []byte
	mask := substitutionCodeMask(src)
	for i := strings.Index(src, "import"); i >= 0; {
		end := i + len("import")
		j := end
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
			j++
		}
		if mask[i] && j < len(src) && src[j] == '(' && (i == 0 || !isIdentByte(src[i-1]) && src[i-1] != '.') &&
			(end == len(src) || !isIdentByte(src[end])) && !methodNamed(src, j) {
			if b == nil {
				b = []byte(src)
			}
			copy(b[i:end], hookImport)
		}
		next := strings.Index(src[end:], "import")
		if next < 0 {
			break
		}
		i = end + next
	}
	if b == nil {
		return src, false
	}
	return string(b), true
}

// methodNamed reports a method definition named import, { import(x) {…} }:
// the parameters that open at src[open] are followed by a brace.
func methodNamed(src string, open int) bool {
	end := closingBracket(src, open)
	if end < 0 {
		return false
	}
	rest := strings.TrimLeft(src[end+1:], " \t\r\n")
	return strings.HasPrefix(rest, "{")
}

// installImport defines hookImport, hidden from enumeration.
func (e *Engine) installImport() {
	e.importInstalled = true
	rt := e.rt
	fn := rt.ToValue(func(c goja.FunctionCall) goja.Value {
		p, _, reject := rt.NewPromise()
		spec := c.Argument(0)
		if _, sym := spec.(*goja.Symbol); sym {
			_ = reject(e.newError("TypeError", "Cannot convert a Symbol value to a string"))
		} else if ex := rt.Try(func() { _ = spec.String() }); ex != nil {
			_ = reject(ex.Value())
		} else {
			_ = reject(e.newError("TypeError", "A dynamic import callback was not specified."))
		}
		return rt.ToValue(p)
	})
	_ = rt.GlobalObject().DefineDataProperty(hookImport, fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}
