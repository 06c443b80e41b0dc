package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// goja prints a bound function as "function bound f() { [native code] }"
// (its name, "bound f", in the native form); V8 prints every bound
// function as "function () { [native code] }". Function.prototype.toString
// is hooked where it is goja's own, in engines whose scripts could make a
// bound function (their text names bind), so String(f.bind(x)), a
// template or a concatenation read as in Postman's sandbox. Only a native
// text has that form: a script's own function named "bound f" prints its
// source. The same hook prints the bootstrap's stubs of the newer
// built-ins (Object.groupBy, Promise.try, the iterator helpers…) as V8's
// natives, in engines whose scripts name toString or String( too (a
// script's own function of the stub's very text would print so too).
func (e *Engine) installBoundText() {
	e.boundTextInstalled = true
	proto := e.builtinProto("Function")
	if proto == nil {
		return
	}
	hookNative(proto.Get("toString"), func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			v := orig(c)
			switch s := v.String(); {
			case strings.HasPrefix(s, boundPrefix) && strings.HasSuffix(s, nativeBody):
				return e.rt.ToValue(boundText)
			case s == builtinStubText:
				// One of the newer built-ins the bootstrap defines as a
				// stub that loads js/parts/builtins.js: V8's are native.
				if o, ok := c.This.(*goja.Object); ok {
					return e.rt.ToValue("function " + o.Get("name").String() + nativeBody)
				}
			}
			return v
		}
	})
}

// builtinStubText is the text of the bootstrap's stubs for the newer
// built-ins (js/bootstrap.js builtin).
const builtinStubText = "function () { return builtins()[key].apply(this, arguments); }"

// mayPrintFunctions is the cheap look for scripts that could print a
// function's text: they bind one, or name toString or String(.
func mayPrintFunctions(src string) bool {
	return strings.Contains(src, "bind") || strings.Contains(src, "toString") || strings.Contains(src, "String(")
}

const (
	boundPrefix = "function bound "
	nativeBody  = "() { [native code] }"
	boundText   = "function () { [native code] }"
)
