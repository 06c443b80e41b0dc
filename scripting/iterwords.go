package scripting

import (
	"reflect"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// goja words a failed destructuring "Value is not object coercible" and a
// failed iteration "object is not iterable" (or "Cannot convert undefined
// or null to object"); V8 names the expression: "Cannot destructure
// property 'token' of 'pm.response.json(...).data' as it is undefined.",
// "r.items is not iterable". goja's error positions do not say which
// expression failed, so the places where a script destructures or iterates
// a value are instrumented when it is compiled: the value passes through a
// hook that throws V8's TypeError when it cannot be destructured or
// iterated, and hands it back unchanged otherwise. The hook knows the
// expression's text as V8 prints it (its CallPrinter: calls as f(...),
// other values as (intermediate value)).
const (
	hookDestructure = "__courierDestructure" // (v, property, text): v, or V8's TypeError
	hookIterable    = "__courierIterable"    // (v, kind, text): v, or V8's TypeError
)

// How V8 words a value that is not iterable depends on the construct.
const (
	iterForOf   = iota // for-of and [...x]: "x is not iterable"
	iterPattern        // const [a] = x
	iterCall           // f(...x)
)

var destructureRe = lazyre.New(`\b(?:const|let|var)\s*[\[{]|[}\]]\s*=[^=>]|\bof\b|\.\.\.`)

// mayIterate is a cheap test for scripts that neither destructure nor
// iterate (nothing to instrument).
func mayIterate(src string) bool { return destructureRe().MatchString(src) }

// instrumentIteration wraps the values a script destructures or iterates
// in the hooks.
func instrumentIteration(body ast.Node) {
	wrap := func(hook string, v ast.Expression, arg2 ast.Expression, text string) ast.Expression {
		at := v.Idx0()
		return &ast.CallExpression{
			Callee:           &ast.Identifier{Name: unistring.NewFromString(hook), Idx: at},
			LeftParenthesis:  at,
			ArgumentList:     []ast.Expression{v, arg2, &ast.StringLiteral{Idx: at, Value: unistring.NewFromString(text)}},
			RightParenthesis: at,
		}
	}
	num := func(at file.Idx, n int) ast.Expression {
		return &ast.NumberLiteral{Idx: at, Value: int64(n)}
	}
	pattern := func(target ast.Expression, v ast.Expression) ast.Expression {
		switch p := target.(type) {
		case *ast.ObjectPattern:
			prop := ""
			if len(p.Properties) > 0 {
				prop = patternKey(p.Properties[0])
				if prop == "" {
					return v // a computed key: V8 evaluates it first
				}
			}
			return wrap(hookDestructure, v, &ast.StringLiteral{Idx: v.Idx0(), Value: unistring.NewFromString(prop)}, v8Printed(v, false))
		case *ast.ArrayPattern:
			return wrap(hookIterable, v, num(v.Idx0(), iterPattern), v8Printed(v, false))
		}
		return v
	}
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.Binding:
			if x.Initializer != nil {
				x.Initializer = pattern(x.Target, x.Initializer)
			}
		case *ast.AssignExpression:
			if x.Operator == token.ASSIGN {
				x.Right = pattern(x.Left, x.Right)
			}
		case *ast.ForOfStatement:
			x.Source = wrap(hookIterable, x.Source, num(x.Source.Idx0(), iterForOf), v8Printed(x.Source, true))
		case *ast.ArrayLiteral:
			for _, el := range x.Value {
				if s, ok := el.(*ast.SpreadElement); ok {
					s.Expression = wrap(hookIterable, s.Expression, num(s.Expression.Idx0(), iterForOf), v8Printed(s.Expression, true))
				}
			}
		case *ast.CallExpression:
			for _, el := range x.ArgumentList {
				if s, ok := el.(*ast.SpreadElement); ok {
					s.Expression = wrap(hookIterable, s.Expression, num(s.Expression.Idx0(), iterCall), v8Printed(s.Expression, true))
				}
			}
		}
	})
}

// patternKey is the name of an object pattern's first property, as V8
// names it in its message, or "" when the key is computed.
func patternKey(p ast.Property) string {
	switch k := p.(type) {
	case *ast.PropertyShort:
		return k.Name.Name.String()
	case *ast.PropertyKeyed:
		if k.Computed {
			return ""
		}
		switch key := k.Key.(type) {
		case *ast.StringLiteral:
			return key.Value.String()
		case *ast.Identifier:
			return key.Name.String()
		case *ast.NumberLiteral:
			return key.Literal
		}
	}
	return ""
}

// v8Printed prints an expression as V8's error messages do. In for-of
// and spread messages V8 leaves a call's parentheses out
// (pm.response.json.missing); elsewhere a call reads f(...).
func v8Printed(e ast.Expression, bareCalls bool) string {
	switch x := e.(type) {
	case *ast.Identifier:
		return x.Name.String()
	case *ast.NullLiteral:
		return "null"
	case *ast.BooleanLiteral:
		return x.Literal
	case *ast.NumberLiteral:
		return x.Literal
	case *ast.StringLiteral:
		return `"` + x.Value.String() + `"`
	case *ast.ThisExpression:
		return "this"
	case *ast.DotExpression:
		return v8Printed(x.Left, bareCalls) + "." + x.Identifier.Name.String()
	case *ast.BracketExpression:
		return v8Printed(x.Left, bareCalls) + "[" + v8Printed(x.Member, bareCalls) + "]"
	case *ast.CallExpression:
		if bareCalls {
			return v8Printed(x.Callee, bareCalls)
		}
		return v8Printed(x.Callee, bareCalls) + "(...)"
	case *ast.ObjectLiteral:
		if len(x.Value) == 0 {
			return "{}"
		}
		return "{(intermediate value)}"
	case *ast.ArrayLiteral:
		if len(x.Value) == 0 {
			return "[]"
		}
	}
	return "(intermediate value)"
}

// installIterationHooks defines the hooks on the global object, hidden
// from enumeration.
func (e *Engine) installIterationHooks() {
	rt := e.rt
	g := rt.GlobalObject()
	hide := func(name string, fn func(goja.FunctionCall) goja.Value) {
		_ = g.DefineDataProperty(name, rt.ToValue(fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	hide(hookDestructure, func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if !goja.IsUndefined(v) && !goja.IsNull(v) {
			return v
		}
		what, prop, text := nullishName(v), c.Argument(1).String(), c.Argument(2).String()
		if prop == "" {
			e.throw("TypeError", "Cannot destructure '"+text+"' as it is "+what+".")
		}
		e.throw("TypeError", "Cannot destructure property '"+prop+"' of '"+text+"' as it is "+what+".")
		return nil
	})
	hide(hookIterable, func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		nullish := goja.IsUndefined(v) || goja.IsNull(v)
		if !nullish {
			// A primitive string is iterable without a lookup. Export is
			// no test for it: it copies an array and calls an object's
			// getters, which V8's iteration never does.
			if goja.IsString(v) {
				return v
			}
			if f, ok := goja.AssertFunction(v.ToObject(rt).GetSymbol(goja.SymIterator)); ok && f != nil {
				return v
			}
		}
		text := c.Argument(2).String()
		switch c.Argument(1).ToInteger() {
		case iterPattern:
			if nullish && text != "null" && text != "undefined" {
				e.throw("TypeError", nullishName(v)+" is not iterable (cannot read property Symbol(Symbol.iterator))")
			}
		case iterCall:
			if nullish {
				e.throw("TypeError", text+" is not iterable (cannot read property undefined)")
			}
			e.throw("TypeError", "Spread syntax requires ...iterable[Symbol.iterator] to be a function")
		}
		e.throw("TypeError", text+" is not iterable")
		return nil
	})
}

func nullishName(v goja.Value) string {
	if goja.IsNull(v) {
		return "null"
	}
	return "undefined"
}
