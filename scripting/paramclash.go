package scripting

import (
	"reflect"
	"strconv"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/unistring"
)

// goja refuses a function whose body declares with var a name one of its
// destructured parameters binds (function f({a}) { var a = 2; }: "Identifier
// 'a' has already been declared"); JavaScript allows it, the var naming the
// parameter's binding. When a script fails to compile so, each such
// function takes its patterns as plain parameters and destructures them at
// the top of its body with var, which V8 treats alike:
//
//	function f({a} = d, [b]) { var a = 2; }
//	→ function f(__courierQ0 = d, __courierQ1) { var {a} = __courierQ0, [b] = __courierQ1; var a = 2; }
//
// The default stays on the parameter, so length and when it is evaluated do
// not change. Left as written (goja's error stays): a function whose other
// parameters have defaults (they may close over the bound names, which live
// in the parameters' scope in V8).

// fixParamVarClashes rewrites the functions of body whose destructured
// parameters clash with their var declarations; it reports whether it
// changed any.
func fixParamVarClashes(body ast.Node) bool {
	changed := false
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.FunctionLiteral:
			if x.Body != nil && moveClashingPatterns(x.ParameterList, &x.Body.List, &x.DeclarationList) {
				changed = true
			}
		case *ast.ArrowFunctionLiteral:
			if b, ok := x.Body.(*ast.BlockStatement); ok && moveClashingPatterns(x.ParameterList, &b.List, &x.DeclarationList) {
				changed = true
			}
		}
	})
	return changed
}

func moveClashingPatterns(params *ast.ParameterList, body *[]ast.Statement, decls *[]*ast.VariableDeclaration) bool {
	if params == nil || len(*decls) == 0 {
		return false
	}
	isPattern := func(x ast.Node) bool {
		switch x.(type) {
		case *ast.ObjectPattern, *ast.ArrayPattern:
			return true
		}
		return false
	}
	bound := map[unistring.String]bool{}
	defaults := false
	for _, b := range params.List {
		if isPattern(b.Target) {
			bindingNamesInto(bound, b.Target)
		} else if b.Initializer != nil {
			defaults = true
		}
	}
	if params.Rest != nil && isPattern(params.Rest) {
		bindingNamesInto(bound, params.Rest)
	}
	if len(bound) == 0 || defaults {
		return false
	}
	vars := map[unistring.String]bool{}
	for _, d := range *decls {
		for _, b := range d.List {
			bindingNamesInto(vars, b.Target)
		}
	}
	clash := false
	for name := range bound {
		clash = clash || vars[name]
	}
	if !clash {
		return false
	}
	var moved []*ast.Binding
	temp := func(i int, at ast.Node) *ast.Identifier {
		return &ast.Identifier{Name: unistring.NewFromString("__courierQ" + strconv.Itoa(i)), Idx: at.Idx0()}
	}
	for i, b := range params.List {
		if isPattern(b.Target) {
			id := temp(i, b.Target)
			moved = append(moved, &ast.Binding{Target: b.Target, Initializer: &ast.Identifier{Name: id.Name, Idx: id.Idx}})
			b.Target = id
		}
	}
	if params.Rest != nil && isPattern(params.Rest) {
		id := temp(len(params.List), params.Rest)
		moved = append(moved, &ast.Binding{Target: params.Rest.(ast.BindingTarget), Initializer: &ast.Identifier{Name: id.Name, Idx: id.Idx}})
		params.Rest = id
	}
	at := moved[0].Target.Idx0()
	*body = append([]ast.Statement{&ast.VariableStatement{Var: at, List: moved}}, *body...)
	*decls = append(*decls, &ast.VariableDeclaration{Var: at, List: moved})
	return true
}

// bindingNamesInto adds the names a binding target binds to names.
func bindingNamesInto(names map[unistring.String]bool, target ast.Node) {
	walkAST(reflect.ValueOf(target), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.Identifier:
			names[x.Name] = true
		case *ast.PropertyShort:
			names[x.Name.Name] = true
		}
	})
}
