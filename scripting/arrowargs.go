package scripting

import (
	"reflect"

	"github.com/dop251/goja/ast"
)

// goja's compiler mishandles an arrow function that reads the arguments of
// the function around it when that function does not read them itself:
// function h() { return (() => arguments[1])(); } panics inside the VM
// ("index out of range"), which reached the script as "internal error in a
// native function". A function that names arguments in its own body is
// compiled correctly, so each function whose arrows read arguments gets a
// bare arguments; statement, after its directives (a "use strict" stays a
// directive), placed at its opening brace so no position moves.
func pinArrowArguments(root ast.Node) {
	walkAST(reflect.ValueOf(root), func(n ast.Node) {
		fn, ok := n.(*ast.FunctionLiteral)
		if !ok || fn.Body == nil || !arrowReadsArguments(reflect.ValueOf(fn.Body), false) {
			return
		}
		at := 0
		for at < len(fn.Body.List) && isDirective(fn.Body.List[at]) {
			at++
		}
		pin := &ast.ExpressionStatement{Expression: &ast.Identifier{Name: "arguments", Idx: fn.Body.LeftBrace}}
		fn.Body.List = append(fn.Body.List[:at:at], append([]ast.Statement{pin}, fn.Body.List[at:]...)...)
	})
}

// arrowReadsArguments reports whether an arrow function below v, and not
// inside another function, names arguments (a property named so counts
// too: pinning is harmless where it was not needed).
func arrowReadsArguments(v reflect.Value, inArrow bool) bool {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return false
		}
		switch n := v.Interface().(type) {
		case *ast.FunctionLiteral:
			return false // its own arguments
		case *ast.ArrowFunctionLiteral:
			inArrow = true
		case *ast.Identifier:
			return inArrow && n.Name == "arguments"
		}
		return arrowReadsArguments(v.Elem(), inArrow)
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return false
		}
		for i := 0; i < v.NumField(); i++ {
			if arrowReadsArguments(v.Field(i), inArrow) {
				return true
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if arrowReadsArguments(v.Index(i), inArrow) {
				return true
			}
		}
	}
	return false
}

// isDirective reports whether s is a directive of a directive prologue: a
// statement that is a string literal alone.
func isDirective(s ast.Statement) bool {
	es, ok := s.(*ast.ExpressionStatement)
	if !ok {
		return false
	}
	_, ok = es.Expression.(*ast.StringLiteral)
	return ok
}
