package scripting

import (
	"github.com/dop251/goja/ast"
)

// V8 evaluates a call's callee before its arguments, so calling a name
// that nothing binds (a helper another collection's script was to define,
// a typo) throws "helper is not defined" first. goja reads such a callee
// as an unresolved reference that throws only when called, after the
// arguments ran: helper(JSON.parse(body)) reported the JSON error instead,
// and helper(pm.environment.set('a', 1)) set the variable
// (fresh-round11p-e.json, second case). So a call of a name that no scope
// of the script declares and that is no global of the sandbox, with an
// argument that may throw or have an effect, reads its callee first:
// f(x) becomes (0, f)(x), which calls the same function with the same
// this (undefined, as for a plain call) and throws where V8 throws.

// freeCallees lists the calls to rewrite: the callee names no binding of
// its scope or an enclosing one, nor a sandbox global, and some argument
// is more than a literal.
func freeCallees(scopes []*declScope, listen string) []*ast.CallExpression {
	var out []*ast.CallExpression
	for _, s := range scopes {
		for _, call := range s.calls {
			name := string(call.Callee.(*ast.Identifier).Name)
			if s.declares(name) || knownGlobal(listen, name) || !argumentsMayAct(call.ArgumentList) {
				continue
			}
			out = append(out, call)
		}
	}
	return out
}

// knownGlobal reports a name the sandbox always binds (the language's
// globals, the sandbox's own, Postman's current ones) or that a call must
// keep as a plain name (a direct eval).
func knownGlobal(listen, name string) bool {
	return name == "eval" || name == "require" || inSandboxScope(listen, name) || sandboxNewer[name]
}

// argumentsMayAct reports an argument that is not a literal: evaluating it
// may throw or change something.
func argumentsMayAct(args []ast.Expression) bool {
	for _, a := range args {
		switch a.(type) {
		case *ast.StringLiteral, *ast.NumberLiteral, *ast.BooleanLiteral, *ast.NullLiteral, *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
		default:
			return true
		}
	}
	return false
}

// resolveCalleesFirst rewrites each call of calls to read its callee
// before its arguments. A call may be listed twice: goja's function node
// holds its var declarations twice (in the body and in the hoisting list,
// the same nodes), so the scope walk meets a call in a var initializer
// twice; the second finds it rewritten.
func resolveCalleesFirst(calls []*ast.CallExpression) {
	for _, call := range calls {
		id, ok := call.Callee.(*ast.Identifier)
		if !ok {
			continue
		}
		call.Callee = &ast.SequenceExpression{Sequence: []ast.Expression{
			&ast.NumberLiteral{Idx: id.Idx, Literal: "0", Value: int64(0)}, id,
		}}
	}
}
