package scripting

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
)

// goja's compiler refuses `super` written directly in a class field
// initializer (`extra = super.retries` is "'super' keyword unexpected
// here", and the whole script fails to compile), while it accepts it in an
// arrow function there, which sees the field's `this` and `super` as V8
// defines them. So an initializer that uses super runs as an arrow function
// called in its place:
//
//	x = EXPR  →  x = (() => EXPR)()
//
// Field order, computed keys, private and static fields keep their meaning
// (the call happens where the initializer was evaluated), nothing is added
// to the class or its prototype, and the parsed positions stay put, so an
// error inside EXPR keeps its line and column.

// maySuperField is the cheap test: without the word there is nothing to do.
func maySuperField(src string) bool { return strings.Contains(src, "super") }

// wrapSuperFields rewrites the field initializers of a parsed script that
// use super.
func wrapSuperFields(body ast.Node) {
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		f, ok := n.(*ast.FieldDefinition)
		if !ok || f.Initializer == nil || !usesSuper(f.Initializer) {
			return
		}
		at := f.Initializer.Idx0()
		f.Initializer = &ast.CallExpression{
			Callee: &ast.ArrowFunctionLiteral{
				Start:         at,
				ParameterList: &ast.ParameterList{Opening: at, Closing: at},
				Body:          &ast.ExpressionBody{Expression: f.Initializer},
				Source:        "() => {}",
			},
			LeftParenthesis:  at,
			RightParenthesis: at,
		}
	})
}

// usesSuper reports whether e mentions super anywhere (a use inside a
// nested method is left as it was by the wrapping, which changes nothing
// for it).
func usesSuper(e ast.Expression) bool {
	found := false
	walkAST(reflect.ValueOf(e), func(n ast.Node) {
		if _, ok := n.(*ast.SuperExpression); ok {
			found = true
		}
	})
	return found
}
