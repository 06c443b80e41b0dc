package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// Reflect's refusals in V8's words. goja's Reflect says "Value is not
// callable", "Value is not a constructor" or "Value is not an object: 5";
// the source-based rewording (v8msg.go) names the method only when the
// script calls Reflect.x by that name in its own text. These checks run
// before goja's, so the words hold through aliases, eval and new Function
// too: V8 checks in the same order (target, then newTarget, then the
// argument list) and prints the values as it does in every message.

// mayUseReflect is a cheap look for scripts that could call Reflect.
func mayUseReflect(src string) bool {
	return strings.Contains(src, "Reflect") || strings.Contains(src, "eval") || strings.Contains(src, "Function")
}

// reflectTargetMethods take an object as their first argument.
var reflectTargetMethods = []string{"defineProperty", "deleteProperty", "get", "getOwnPropertyDescriptor",
	"getPrototypeOf", "has", "isExtensible", "ownKeys", "preventExtensions", "set", "setPrototypeOf"}

// installReflectWords wraps this engine's Reflect methods (once).
func (e *Engine) installReflectWords() {
	e.reflectWords = true
	rt := e.rt
	r, ok := rt.Get("Reflect").(*goja.Object)
	if !ok {
		return
	}
	wrap := func(name string, length int, check func(c goja.FunctionCall)) {
		orig, ok := goja.AssertFunction(r.Get(name))
		if !ok {
			return
		}
		fn := func(c goja.FunctionCall) goja.Value {
			check(c)
			return mustCall(orig, c)
		}
		_ = r.DefineDataProperty(name, namedNative(rt, fn, name, length), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	wrap("apply", 3, func(c goja.FunctionCall) {
		if _, ok := goja.AssertFunction(c.Argument(0)); !ok {
			v := c.Argument(0)
			panic(rt.NewTypeError("Function.prototype.apply was called on " + e.v8Printed(v) + ", which is " + v8TypeArticle(v) + " and not a function"))
		}
		e.checkArgumentList(c.Argument(2))
	})
	wrap("construct", 2, func(c goja.FunctionCall) {
		e.checkConstructor(c.Argument(0))
		if len(c.Arguments) > 2 {
			e.checkConstructor(c.Arguments[2])
		}
		e.checkArgumentList(c.Argument(1))
	})
	for _, name := range reflectTargetMethods {
		name := name
		length := 2
		switch name {
		case "defineProperty", "set":
			length = 3
		case "getPrototypeOf", "isExtensible", "ownKeys", "preventExtensions":
			length = 1
		}
		wrap(name, length, func(c goja.FunctionCall) {
			if _, ok := c.Argument(0).(*goja.Object); !ok {
				panic(rt.NewTypeError("Reflect." + name + " called on non-object"))
			}
			if name != "setPrototypeOf" {
				return
			}
			if p := c.Argument(1); !goja.IsNull(p) {
				if _, ok := p.(*goja.Object); !ok {
					panic(rt.NewTypeError("Object prototype may only be an Object or null: " + e.v8Printed(p)))
				}
			}
		})
	}
}

func (e *Engine) checkConstructor(v goja.Value) {
	if _, ok := goja.AssertConstructor(v); !ok {
		panic(e.rt.NewTypeError(e.v8Printed(v) + " is not a constructor"))
	}
}

func (e *Engine) checkArgumentList(v goja.Value) {
	if _, ok := v.(*goja.Object); !ok {
		panic(e.rt.NewTypeError("CreateListFromArrayLike called on non-object"))
	}
}

// v8TypeArticle is how V8 names a value's type in "which is …": "a
// number", "an object", "null", and (sic) "a undefined".
func v8TypeArticle(v goja.Value) string {
	switch {
	case goja.IsNull(v):
		return "null"
	case v == nil || goja.IsUndefined(v):
		return "a undefined"
	}
	switch v.(type) {
	case *goja.Object:
		return "an object"
	case *goja.Symbol:
		return "a symbol"
	case goja.String:
		return "a string"
	}
	switch v.ExportType().Kind().String() {
	case "bool":
		return "a boolean"
	case "int64", "float64":
		return "a number"
	}
	return "a bigint"
}
