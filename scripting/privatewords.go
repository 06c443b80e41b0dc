package scripting

import (
	"reflect"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// goja words every private name used on an object without it as a field
// ("Cannot read private member #m from an object whose class did not
// declare it"); V8 checks a private method or accessor by the class's
// brand ("Receiver must be an instance of class A", "Receiver must be
// class A" for a static one), and refuses a write to a private getter
// without a setter in its own words. Which the name is, and the class's
// name, come from the declaration: the script is parsed again (only when
// such an error is worded) and the innermost class around the place that
// declares the name decides.

var (
	gojaPrivateMember = lazyre.New(`^Cannot (?:read|write) private member (#[\p{L}\p{N}_$]+) (?:from|to) an object whose class did not declare it$`)
	gojaPrivateNoSet  = lazyre.New(`^Cannot assign to read only property '(#[\p{L}\p{N}_$]+)'$`)
)

// privateWords words goja's refusal msg of a private name at line:col of
// src as V8 does, when the declaration shows V8 words it otherwise.
func privateWords(msg, src string, line, col int) (string, bool) {
	if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok {
		return privateOnPrimitive(x, src, line, col)
	}
	m := gojaPrivateMember().FindStringSubmatch(msg)
	noSet := m == nil
	if noSet {
		if m = gojaPrivateNoSet().FindStringSubmatch(msg); m == nil {
			return "", false
		}
	}
	d, ok := privateDeclAt(src, line, col, m[1][1:])
	if !ok {
		return "", false
	}
	switch {
	case noSet && d.kind == ast.PropertyKindGet:
		return "'" + m[1] + "' was defined without a setter", true
	case noSet || d.kind == ast.PropertyKindValue:
		return "", false // a field: goja's words are V8's (writes: v8WordsOf)
	case d.static:
		return "Receiver must be class " + d.class, true
	}
	return "Receiver must be an instance of class " + d.class, true
}

// Where goja places a private name used on a primitive: `#m in 5` at the
// right operand, `o.#m` at o or at the name.
var (
	privateInBefore = lazyre.New(`#([\p{L}\p{N}_$]+)\s+in\s*$`)
	privateInAt     = lazyre.New(`^#([\p{L}\p{N}_$]+)\s+in\b`)
	privateDotAt    = lazyre.New(`^(?:[\p{L}\p{N}_$]+\s*)?\??\.?\s*#([\p{L}\p{N}_$]+)`)
)

// privateOnPrimitive words `#m in x` and `x.#m` for a primitive x (goja:
// "Value is not an object: x"). V8 names a method or accessor by its
// class's brand, a field by its own name.
func privateOnPrimitive(x, src string, line, col int) (string, bool) {
	off := offsetAt(src, line, col)
	if off < 0 || off > len(src) {
		return "", false
	}
	in := true
	m := privateInBefore().FindStringSubmatch(src[:off])
	if m == nil {
		// A literal operand (`#m in 5`) has no place of its own: goja
		// places the test at the name.
		m = privateInAt().FindStringSubmatch(src[off:])
	}
	if m == nil {
		if x != "null" && x != "undefined" {
			return "", false
		}
		in = false
		if m = privateDotAt().FindStringSubmatch(src[off:]); m == nil {
			return "", false
		}
	}
	d, ok := privateDeclAt(src, line, col, m[1])
	if !ok {
		return "", false
	}
	key := "#" + m[1]
	if d.kind != ast.PropertyKindValue {
		key = d.class
	}
	if in {
		return "Cannot use 'in' operator to search for '" + key + "' in " + x, true
	}
	return "Cannot read properties of " + x + " (reading '" + key + "')", true
}

// privateDecl is how a class declares a private name.
type privateDecl struct {
	class  string // the class's name, or "anonymous"
	kind   ast.PropertyKind
	static bool
}

// privateDeclAt finds the declaration of the private name (without its #)
// that the code at line:col of src sees: in the innermost class around it
// that declares the name.
func privateDeclAt(src string, line, col int, name string) (privateDecl, bool) {
	off := offsetAt(src, line, col)
	if off < 0 {
		return privateDecl{}, false
	}
	var prog *ast.Program
	var at file.Idx
	for _, prefix := range []string{syncPrefix, asyncPrefix} {
		p, err := goja.Parse("", prefix+src+wrapSuffix)
		if err == nil {
			prog, at = p, file.Idx(len(prefix)+off+1)
			break
		}
	}
	if prog == nil {
		return privateDecl{}, false
	}
	var found privateDecl
	var ok bool
	var span file.Idx
	walkAST(reflect.ValueOf(prog), func(n ast.Node) {
		c, isClass := n.(*ast.ClassLiteral)
		if !isClass || at < c.Idx0() || at >= c.Idx1() || ok && c.Idx1()-c.Idx0() >= span {
			return
		}
		if d, declares := classDeclares(c, name); declares {
			found, ok, span = d, true, c.Idx1()-c.Idx0()
		}
	})
	return found, ok
}

// classDeclares reports how class c declares the private name, if it does.
func classDeclares(c *ast.ClassLiteral, name string) (privateDecl, bool) {
	d := privateDecl{class: "anonymous"}
	if c.Name != nil {
		d.class = c.Name.Name.String()
	}
	for _, el := range c.Body {
		switch x := el.(type) {
		case *ast.MethodDefinition:
			if k, isPrivate := x.Key.(*ast.PrivateIdentifier); isPrivate && k.Name.String() == name {
				d.kind, d.static = x.Kind, x.Static
				return d, true
			}
		case *ast.FieldDefinition:
			if k, isPrivate := x.Key.(*ast.PrivateIdentifier); isPrivate && k.Name.String() == name {
				d.kind, d.static = ast.PropertyKindValue, x.Static
				return d, true
			}
		}
	}
	return d, false
}

// mayTestPrivateIn reports whether src may hold `#name in obj`: a '#',
// a name, blanks and the keyword in.
func mayTestPrivateIn(src string) bool {
	for i := strings.IndexByte(src, '#'); i >= 0; {
		j := i + 1
		for j < len(src) && isIdentByte(src[j]) {
			j++
		}
		k := j
		for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
			k++
		}
		if j > i+1 && k > j && strings.HasPrefix(src[k:], "in") && (k+2 == len(src) || !isIdentByte(src[k+2])) {
			return true
		}
		next := strings.IndexByte(src[j:], '#')
		if next < 0 {
			break
		}
		i = j + next
	}
	return false
}

// fixPrivateIns gives every `#name in obj` of the tree the operator in.
// goja's parser takes the token after the right operand as the
// expression's operator (it reads the token in the same composite literal
// that parses the operand), so `#a in o && x` became an && whose left
// side is the bare private name, which its compiler refuses ("Compiler
// bug: Unknown expression type: *ast.PrivateIdentifier") and the whole
// script failed; || and ?? did the same.
func fixPrivateIns(prog *ast.Program) {
	walkAST(reflect.ValueOf(prog), func(n ast.Node) {
		if x, ok := n.(*ast.BinaryExpression); ok {
			if _, private := x.Left.(*ast.PrivateIdentifier); private {
				x.Operator = token.IN
			}
		}
	})
}
