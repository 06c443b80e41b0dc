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
// source.
func (e *Engine) installBoundText() {
	e.boundTextInstalled = true
	proto := e.builtinProto("Function")
	if proto == nil {
		return
	}
	hookNative(proto.Get("toString"), func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			v := orig(c)
			if s := v.String(); strings.HasPrefix(s, boundPrefix) && strings.HasSuffix(s, nativeBody) {
				return e.rt.ToValue(boundText)
			}
			return v
		}
	})
}

const (
	boundPrefix = "function bound "
	nativeBody  = "() { [native code] }"
	boundText   = "function () { [native code] }"
)
