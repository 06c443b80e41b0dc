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
	self := reflect.ValueOf(obj).Elem().FieldByName("self")
	if !self.IsValid() || self.Kind() != reflect.Interface || self.IsNil() {
		return false
	}
	impl := self.Elem()
	if impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct {
		return false
	}
	field := impl.Elem().FieldByName("construct")
	if !field.IsValid() || field.Type() != reflect.TypeOf((nativeConstruct)(nil)) {
		return false
	}
	f := reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem()
	orig, _ := f.Interface().(nativeConstruct)
	if orig == nil {
		return false
	}
	f.Set(reflect.ValueOf(wrap(orig)))
	return true
}
