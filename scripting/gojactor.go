package scripting

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
)

// nativeConstruct is the [[Construct]] of a goja built-in constructor.
type nativeConstruct = func(args []goja.Value, newTarget *goja.Object) *goja.Object

// hookNativeConstruct replaces the [[Construct]] of goja's built-in
// constructor obj by wrap(the original), keeping the object itself: its
// identity (Date.prototype.constructor, instanceof, subclasses through
// new.target), its members and its call behaviour stay goja's. goja offers
// no way to do this, so the field is reached by reflection; when goja's
// layout is not the one expected (a new goja version), nothing changes and
// false is returned; TestDateConstructorHooked fails then, so an upgrade
// cannot lose the hook silently.
func hookNativeConstruct(obj *goja.Object, wrap func(nativeConstruct) nativeConstruct) bool {
	f, ok := nativeField[nativeConstruct](obj, "construct")
	if !ok {
		return false
	}
	f.Set(reflect.ValueOf(wrap(f.Interface().(nativeConstruct))))
	return true
}

// nativeCall is the [[Call]] of a goja built-in function.
type nativeCall = func(goja.FunctionCall) goja.Value

// hookNativeCall replaces the [[Call]] of goja's built-in function obj by
// wrap(the original), as hookNativeConstruct does for [[Construct]].
func hookNativeCall(obj *goja.Object, wrap func(nativeCall) nativeCall) bool {
	f, ok := nativeField[nativeCall](obj, "f")
	if !ok {
		return false
	}
	f.Set(reflect.ValueOf(wrap(f.Interface().(nativeCall))))
	return true
}

// builtinProto is Class.prototype as the global object holds it now, or
// nil.
func (e *Engine) builtinProto(class string) *goja.Object {
	c, _ := e.rt.Get(class).(*goja.Object)
	if c == nil {
		return nil
	}
	p, _ := c.Get("prototype").(*goja.Object)
	return p
}

// hookNative hooks v's call when v is still one of goja's own natives (a
// script may have put its own function there); false when not.
func hookNative(v goja.Value, wrap func(nativeCall) nativeCall) bool {
	obj, ok := v.(*goja.Object)
	if !ok || !isGojaNative(obj) {
		return false
	}
	return hookNativeCall(obj, wrap)
}

// nativeField is the settable field name, of type T and not nil, of the
// Go value behind obj.
func nativeField[T any](obj *goja.Object, name string) (reflect.Value, bool) {
	impl, ok := gojaSelf(obj)
	if !ok {
		return reflect.Value{}, false
	}
	field := impl.Elem().FieldByName(name)
	if !field.IsValid() || field.Type() != reflect.TypeFor[T]() || field.IsNil() {
		return reflect.Value{}, false
	}
	return reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem(), true
}

// isGojaNative reports whether obj is one of goja's built-in (Go)
// functions, not a script's: the Go type behind it says so.
func isGojaNative(obj *goja.Object) bool {
	impl, ok := gojaSelf(obj)
	return ok && impl.Type().String() == "*goja.nativeFuncObject"
}

// gojaSelf is the Go value behind obj (goja's *nativeFuncObject,
// *funcObject...), when it is a pointer to a struct.
func gojaSelf(obj *goja.Object) (reflect.Value, bool) {
	self := reflect.ValueOf(obj).Elem().FieldByName("self")
	if !self.IsValid() || self.Kind() != reflect.Interface || self.IsNil() {
		return reflect.Value{}, false
	}
	impl := self.Elem()
	if impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	return impl, true
}

// funcSrcField is the settable src field (its text, as toString prints
// it) of the script function behind obj; goja offers no way to set it.
func funcSrcField(obj *goja.Object) (reflect.Value, bool) {
	impl, ok := gojaSelf(obj)
	if !ok {
		return reflect.Value{}, false
	}
	field := impl.Elem().FieldByName("src")
	if !field.IsValid() || field.Kind() != reflect.String {
		return reflect.Value{}, false
	}
	return reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem(), true
}

// funcText is the text of the script function obj (not a native one).
func funcText(obj *goja.Object) (string, bool) {
	f, ok := funcSrcField(obj)
	if !ok {
		return "", false
	}
	return f.String(), true
}

// setFuncText gives the script function obj the text toString prints.
func setFuncText(obj *goja.Object, text string) bool {
	f, ok := funcSrcField(obj)
	if ok {
		f.SetString(text)
	}
	return ok
}
