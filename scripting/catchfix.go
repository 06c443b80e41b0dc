package scripting

import (
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"
)

// goja creates its TypeErrors and SyntaxErrors with its own words ("Cannot
// read property 'x' of undefined") and offers no hook where they are made.
// A script that catches one sees V8's words in Postman, so the places where
// a script receives a caught error are instrumented when it is compiled: a
// catch clause's binding, the handler of .catch(h) and .then(f, h), and the
// argument of a direct eval (so an eval SyntaxError can name the token).
// The hooks are globals the script resolves like any other; they cost
// nothing until an error is caught.
const (
	hookCatch   = "__courierCaught"  // __courierCaught(e): rewrites e's message
	hookHandler = "__courierHandler" // __courierHandler(h): h that rewrites its argument first
	hookEval    = "__courierEval"    // __courierEval(src): remembers src, returns it
)

// instrumentCatches adds the hooks to a parsed script. It reports whether
// it changed anything.
func instrumentCatches(body ast.Node) {
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.CatchStatement:
			id, ok := x.Parameter.(*ast.Identifier)
			if !ok || x.Body == nil {
				return
			}
			call := hookCall(hookCatch, x.Catch, &ast.Identifier{Name: id.Name, Idx: x.Catch})
			x.Body.List = append([]ast.Statement{&ast.ExpressionStatement{Expression: call}}, x.Body.List...)
		case *ast.CallExpression:
			switch callee := x.Callee.(type) {
			case *ast.DotExpression:
				name := callee.Identifier.Name.String()
				switch {
				case name == "catch" && len(x.ArgumentList) == 1:
					x.ArgumentList[0] = hookCall(hookHandler, x.LeftParenthesis, x.ArgumentList[0])
				case name == "then" && len(x.ArgumentList) == 2:
					x.ArgumentList[1] = hookCall(hookHandler, x.LeftParenthesis, x.ArgumentList[1])
				}
			case *ast.Identifier:
				// Still a direct eval: the callee is the identifier eval.
				if callee.Name == "eval" && len(x.ArgumentList) >= 1 {
					x.ArgumentList[0] = hookCall(hookEval, x.LeftParenthesis, x.ArgumentList[0])
				}
			}
		}
	})
}

func hookCall(name string, at file.Idx, arg ast.Expression) *ast.CallExpression {
	return &ast.CallExpression{
		Callee:           &ast.Identifier{Name: unistring.NewFromString(name), Idx: at},
		LeftParenthesis:  at,
		ArgumentList:     []ast.Expression{arg},
		RightParenthesis: at,
	}
}

// mayCatch is a cheap test for scripts that need no instrumenting.
func mayCatch(src string) bool {
	return strings.Contains(src, "catch") || strings.Contains(src, "then") || strings.Contains(src, "eval")
}

// installCatchHooks defines the hooks on the global object, hidden from
// enumeration.
func (e *Engine) installCatchHooks() {
	rt := e.rt
	g := rt.GlobalObject()
	hide := func(name string, fn func(goja.FunctionCall) goja.Value) {
		_ = g.DefineDataProperty(name, rt.ToValue(fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	hide(hookCatch, func(c goja.FunctionCall) goja.Value {
		e.v8Caught(c.Argument(0))
		return goja.Undefined()
	})
	hide(hookEval, func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if s, ok := v.Export().(string); ok {
			e.lastEval = s
		}
		return v
	})
	hide(hookHandler, func(c goja.FunctionCall) goja.Value {
		h := c.Argument(0)
		fn, ok := goja.AssertFunction(h)
		if !ok {
			return h
		}
		return rt.ToValue(func(call goja.FunctionCall) goja.Value {
			e.v8Caught(call.Argument(0))
			v, err := fn(call.This, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		})
	})
}

// v8Caught rewrites the message of a caught TypeError or SyntaxError that
// goja worded, in place, as V8 words it; its stack's first line follows.
func (e *Engine) v8Caught(v goja.Value) {
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	nameV, msgV := o.Get("name"), o.Get("message")
	if nameV == nil || msgV == nil {
		return
	}
	name, msg := nameV.String(), msgV.String()
	var fixed string
	switch name {
	case "TypeError":
		if !gojaReadProp.MatchString(msg) && msg != gojaConvert && !gojaNoMember.MatchString(msg) {
			return
		}
		line, col, src := 0, 0, ""
		stack := o.Get("stack")
		if stack != nil && e.cur != nil {
			// Source-based rewording only when the error was thrown in the
			// running script itself.
			if _, frame, ok := strings.Cut(stack.String(), "\n"); ok {
				if first, _, _ := strings.Cut(frame, "\n"); strings.Contains(first, scriptFile+":") {
					src = e.cur.x.Source
					line, col = stackPos(first, strings.Contains(src, "await"))
				}
			}
		}
		fixed = v8Message(name, msg, src, line, col)
	case "SyntaxError":
		code := ""
		if strings.Contains(msg, "<eval>") {
			code = e.lastEval
		}
		fixed = v8SyntaxMessage(msg, code, 0, 0)
	default:
		return
	}
	if fixed == msg {
		return
	}
	_ = o.Set("message", fixed)
	if s := o.Get("stack"); s != nil {
		_ = o.Set("stack", strings.Replace(s.String(), msg, fixed, 1))
	}
}
