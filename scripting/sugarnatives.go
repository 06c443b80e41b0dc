package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// Sugar (loaded in Postman's sandbox, Newman's and the current one alike)
// replaces String.prototype.startsWith and endsWith with versions that take
// a regular expression and a third, case argument ('abc'.startsWith(/a/) is
// true; V8's own refuses a regular expression). courier loads Sugar when a
// script first uses one of its members (sugar.go); until then the natives
// are hooked, in engines whose scripts name them, so a call in Sugar's form
// loads Sugar and goes to its version.

// maySugarNatives is the cheap look at a script's text.
func maySugarNatives(src string) bool {
	return strings.Contains(src, "startsWith") || strings.Contains(src, "endsWith")
}

// installSugarNatives hooks the natives (once per engine).
func (e *Engine) installSugarNatives() {
	e.sugarNativesInstalled = true
	proto := e.builtinProto("String")
	if proto == nil {
		return
	}
	for _, name := range [...]string{"startsWith", "endsWith"} {
		native, ok := proto.Get(name).(*goja.Object)
		if !ok || !isGojaNative(native) {
			continue
		}
		hookNativeCall(native, func(orig nativeCall) nativeCall {
			return func(c goja.FunctionCall) goja.Value {
				if len(c.Arguments) <= 2 && !isRegExpClass(c.Argument(0)) {
					return orig(c)
				}
				// Sugar's form (its own test: a RegExp by class, or a
				// third argument): Sugar's version, once loaded.
				e.sugarNeeded()
				v := proto.Get(name)
				f, ok := goja.AssertFunction(v)
				if !ok || v.SameAs(native) {
					return orig(c)
				}
				r, err := f(c.This, c.Arguments...)
				if err != nil {
					panic(err)
				}
				return r
			}
		})
	}
}

// isRegExpClass: v's Object.prototype.toString class is RegExp, as Sugar
// tells a regular expression.
func isRegExpClass(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	return ok && o.ClassName() == "RegExp"
}
