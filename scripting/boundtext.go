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
			case !strings.HasSuffix(s, nativeBody):
				if name, ok := e.standInName(c.This); ok {
					return e.rt.ToValue("function " + name + nativeBody)
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

// standInHolders are the built-ins whose members courier may write in
// JavaScript where V8's are native (String.prototype.padStart and the HTML
// methods, Object.fromEntries, Date.prototype.getYear,
// Number.prototype.toLocaleString, Math.f16round...): "Class" is the
// constructor, "Class#" its prototype.
var standInHolders = [...]string{"String#", "Array#", "Object", "Date#", "Number#", "Math", "Error", "Array", "String",
	"Number", "Date", "Promise", "Promise#", "Map", "Set#", "Map#", "RegExp#", "JSON", "Reflect", "ArrayBuffer#",
	"BigInt#", "Symbol", "Function#", "Object#"}

// standInName is the name V8 prints for f when f is a member of one of
// standInHolders that courier writes in JavaScript and V8 has native. A
// member Sugar replaces or adds prints Sugar's own text in Postman, as in
// courier, and is left alone.
func (e *Engine) standInName(f goja.Value) (string, bool) {
	o, ok := f.(*goja.Object)
	if !ok {
		return "", false
	}
	name := o.Get("name")
	if name == nil {
		return "", false
	}
	// A guard courier wraps around a native is named after it with a
	// trailing underscore (padStart_).
	n := strings.TrimSuffix(name.String(), "_")
	if n == "" || strings.ContainsAny(n, " []") {
		return "", false
	}
	sugarInit()
	for _, h := range standInHolders {
		cls, proto := strings.CutSuffix(h, "#")
		holder, _ := e.rt.GlobalObject().Get(cls).(*goja.Object)
		if holder != nil && proto {
			holder, _ = holder.Get("prototype").(*goja.Object)
		}
		if holder == nil || !sameValue(quietGet(holder, n), o) || !hasOwn(holder, n) || sugarHas(cls, n, proto) {
			continue
		}
		return n, true
	}
	return "", false
}

// quietGet is o[name], or nil where reading it throws (an accessor of a
// prototype refusing the prototype itself: Set.prototype.size).
func quietGet(o *goja.Object, name string) (v goja.Value) {
	defer func() {
		if recover() != nil {
			v = nil
		}
	}()
	return o.Get(name)
}

// hasOwn reports o's own property name (not one it inherits: Object.after
// is Function.prototype's, Sugar's).
func hasOwn(o *goja.Object, name string) bool {
	for _, k := range o.GetOwnPropertyNames() {
		if k == name {
			return true
		}
	}
	return false
}

// sameValue: v is the object o.
func sameValue(v goja.Value, o *goja.Object) bool {
	w, ok := v.(*goja.Object)
	return ok && w == o
}

// sugarHas reports a member of Sugar's (sugar-methods.txt) on class, or
// on its prototype.
func sugarHas(class, name string, proto bool) bool {
	for _, i := range sugarByName[name] {
		m := &sugarMembers[i]
		if sugarClasses[m.class] == class && m.proto == proto {
			return true
		}
	}
	return false
}
