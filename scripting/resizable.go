package scripting

import (
	"math"
	"reflect"
	"strings"
	"unsafe"
	"weak"

	"github.com/dop251/goja"
)

// Resizable ArrayBuffers (`new ArrayBuffer(8, {maxByteLength: 16})`,
// resize, resizable, maxByteLength, views that track the length), which
// Postman CLI 1.34's V8 has and goja lacks. goja keeps a buffer's bytes in
// one Go slice that every view reads through a pointer to the buffer's
// field, so a resize is that field set to the new slice; what goja keeps
// per view (a typed array's length and offset, a DataView's) is set again
// after each resize, for the views courier saw made over the buffer.
//
// Memory safety: goja reads a typed array's elements without bounds checks
// once it has checked the index against the view's length. A script can
// resize the buffer in the middle of a built-in (a valueOf called while
// fill converts its argument) that checked against the old length. So a
// buffer's capacity never shrinks: shrinking keeps the allocation, growing
// within it zeroes the bytes, growing past it moves the bytes to a larger
// allocation. Any index that was valid once stays inside the allocation.
//
// Installed per engine for scripts that name maxByteLength, resize or
// resizable (a buffer can only become resizable through the first), or
// list own keys.

// mayResize is the cheap look at a script's text: the members' names, or
// a listing of own keys (the members are there in V8 whether used or not).
func mayResize(src string) bool {
	for _, w := range resizeWords {
		if strings.Contains(src, w) {
			return true
		}
	}
	return false
}

var resizeWords = []string{"maxByteLength", "resiz", "ownKeys", "getOwnProperty", "Function(", "eval("}

// rabState is one resizable buffer: its maximum and the views made over it.
type rabState struct {
	max   int
	views []rabView
	// buffers are the buffer objects over this memory when a growable
	// SharedArrayBuffer was cloned (structuredClone shares it: growing one
	// grows every one); nil otherwise.
	buffers []weak.Pointer[goja.Object]
}

// rabView is a view over a resizable buffer: its offset in bytes and its
// length in elements (tracking: it follows the buffer's length).
type rabView struct {
	obj      weak.Pointer[goja.Object]
	offset   int
	length   int
	elemSize int
	tracking bool
	dataView bool
	oob      bool // out of the buffer's bounds since the last resize
}

// resizables are the engine's resizable buffers, by their goja object.
type resizables map[weak.Pointer[goja.Object]]*rabState

func (e *Engine) rabOf(v goja.Value) *rabState {
	o, ok := v.(*goja.Object)
	if !ok || e.rabs == nil {
		return nil
	}
	return e.rabs[weak.Make(o)]
}

// installResizable adds V8's resizable buffers to this engine.
func (e *Engine) installResizable() {
	e.rabInstalled = true
	e.rabs = resizables{}
	ab, ok := e.rt.Get("ArrayBuffer").(*goja.Object)
	if !ok {
		return
	}
	hookNativeConstruct(ab, func(orig nativeConstruct) nativeConstruct {
		return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
			o := orig(args, newTarget)
			if len(args) > 1 {
				e.makeResizable(o, args[1])
			}
			return o
		}
	})
	proto, ok := ab.Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	e.defineRabMembers(proto)
	for name, size := range bytesPerElement {
		if name == "ArrayBuffer" || name == "SharedArrayBuffer" {
			continue
		}
		e.hookViewConstruct(name, int(size), false)
	}
	e.hookViewConstruct("DataView", 1, true)
	e.hookTypedArrayMethods()
	e.wrapTransfer(proto)
	// A view that follows its buffer's length: structuredClone's copy of
	// it follows its copy's (js/parts/builtins.js).
	tracking := func(c goja.FunctionCall) goja.Value {
		o, _ := c.Argument(0).(*goja.Object)
		_, v := e.viewOf(o)
		return e.rt.ToValue(v != nil && v.tracking)
	}
	_ = e.rt.GlobalObject().DefineDataProperty("__courierTrackingView", e.rt.ToValue(tracking), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// viewOf finds the registration of view o over a resizable buffer.
func (e *Engine) viewOf(o *goja.Object) (*rabState, *rabView) {
	if o == nil || len(e.rabs) == 0 {
		return nil, nil
	}
	st := e.rabOf(viewedBuffer(o))
	if st == nil {
		return nil, nil
	}
	w := weak.Make(o)
	for i := range st.views {
		if st.views[i].obj == w {
			return st, &st.views[i]
		}
	}
	return nil, nil
}

// hookTypedArrayMethods makes the %TypedArray%.prototype methods refuse a
// view that is out of its resizable buffer's bounds, as V8's
// ValidateTypedArray does (goja sees such a view as empty), and a subarray
// of a length-tracking view without an end track the length too.
func (e *Engine) hookTypedArrayMethods() {
	ta, ok := e.rt.Get("Uint8Array").(*goja.Object)
	if !ok {
		return
	}
	base, ok := ta.Prototype().Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	for _, name := range typedArrayCheckedMethods {
		fn, ok := base.Get(name).(*goja.Object)
		if !ok {
			continue
		}
		method := name
		hookNativeCall(fn, func(orig nativeCall) nativeCall {
			return func(c goja.FunctionCall) goja.Value {
				if o, ok := c.This.(*goja.Object); ok && len(e.rabs) > 0 {
					if st, v := e.viewOf(o); v != nil && v.outOfBounds(st) {
						e.throw("TypeError", "Cannot perform %TypedArray%.prototype."+method+" on a detached ArrayBuffer")
					}
				}
				return orig(c)
			}
		})
	}
	if sub, ok := base.Get("subarray").(*goja.Object); ok {
		hookNativeCall(sub, func(orig nativeCall) nativeCall {
			return func(c goja.FunctionCall) goja.Value {
				r := orig(c)
				if !goja.IsUndefined(c.Argument(1)) {
					return r
				}
				if _, v := e.viewOf(asObject(c.This)); v != nil && v.tracking {
					if _, made := e.viewOf(asObject(r)); made != nil {
						made.tracking = true
					}
				}
				return r
			}
		})
	}
}

// viewedBuffer is the buffer behind typed array o (goja's field, read
// without calling the script's buffer getter), or nil.
func viewedBuffer(o *goja.Object) goja.Value {
	f, ok := implField(o, "viewedArrayBuf")
	if !ok || f.Kind() != reflect.Pointer || f.IsNil() || f.Elem().Kind() != reflect.Struct {
		return nil
	}
	base := f.Elem().FieldByName("baseObject")
	if !base.IsValid() {
		return nil
	}
	val := base.FieldByName("val")
	if !val.IsValid() || val.Type() != reflect.TypeFor[*goja.Object]() || val.IsNil() {
		return nil
	}
	return reflect.NewAt(val.Type(), unsafe.Pointer(val.UnsafeAddr())).Elem().Interface().(*goja.Object)
}

func asObject(v goja.Value) *goja.Object {
	o, _ := v.(*goja.Object)
	return o
}

// typedArrayCheckedMethods are the %TypedArray%.prototype methods V8
// validates their receiver in.
var typedArrayCheckedMethods = []string{"at", "copyWithin", "entries", "every", "fill", "filter", "find", "findIndex",
	"findLast", "findLastIndex", "forEach", "includes", "indexOf", "join", "keys", "lastIndexOf", "map", "reduce",
	"reduceRight", "reverse", "set", "slice", "some", "sort", "toLocaleString", "toReversed", "toSorted", "values",
	"with"}

// outOfBounds: the view no longer fits in its buffer (V8's
// IsTypedArrayOutOfBounds), as of the last resize.
func (v *rabView) outOfBounds(*rabState) bool { return v.oob }

// wrapTransfer keeps a resizable buffer's resizability across transfer()
// (transferToFixedLength gives a fixed one), as V8 does.
func (e *Engine) wrapTransfer(proto *goja.Object) {
	orig, ok := goja.AssertFunction(proto.Get("transfer"))
	if !ok {
		return
	}
	fn := e.rt.ToValue(func(c goja.FunctionCall) goja.Value {
		st := e.rabOf(c.This)
		if st != nil && !goja.IsUndefined(c.Argument(0)) && c.Argument(0).ToFloat() > float64(st.max) {
			e.throw("RangeError", "ArrayBuffer.prototype.transfer: Invalid length parameter")
		}
		r, err := orig(c.This, c.Arguments...)
		if err != nil {
			panic(err)
		}
		if o, ok := r.(*goja.Object); ok && st != nil {
			e.rabs[weak.Make(o)] = &rabState{max: st.max}
		}
		return r
	}).(*goja.Object)
	_ = fn.DefineDataProperty("name", e.rt.ToValue("transfer"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = fn.DefineDataProperty("length", e.rt.ToValue(0), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = proto.DefineDataProperty("transfer", fn, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// makeResizable makes the new buffer o resizable when options has a
// maxByteLength, after V8's checks.
func (e *Engine) makeResizable(o *goja.Object, options goja.Value) {
	opts, ok := options.(*goja.Object)
	if !ok {
		return
	}
	mv := opts.Get("maxByteLength")
	if mv == nil || goja.IsUndefined(mv) {
		return
	}
	max := mv.ToFloat()
	if math.IsNaN(max) {
		max = 0
	}
	max = math.Trunc(max)
	data, ok := bufferData(o)
	if !ok {
		return
	}
	if max < 0 || max > 1<<53-1 || float64(len(*data)) > max {
		e.throw("RangeError", "Invalid array buffer max length")
	}
	if len(e.rabs) >= 64 { // forget the buffers collected since
		for k := range e.rabs {
			if k.Value() == nil {
				delete(e.rabs, k)
			}
		}
	}
	e.rabs[weak.Make(o)] = &rabState{max: int(max)}
}

// v8ReceiverText prints a refused receiver as V8 does: an object as
// #<Constructor>, a primitive as itself.
func v8ReceiverText(v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok {
		if v == nil {
			return "undefined"
		}
		return v.String()
	}
	name := "Object"
	if c, ok := o.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			name = n.String()
		}
	}
	return "#<" + name + ">"
}

// defineRabMembers puts resizable, maxByteLength and resize on
// ArrayBuffer.prototype.
func (e *Engine) defineRabMembers(proto *goja.Object) {
	refuse := func(method string, this goja.Value) {
		e.throw("TypeError", "Method ArrayBuffer.prototype."+method+" called on incompatible receiver "+v8ReceiverText(this))
	}
	getter := func(name string, get func(this *goja.Object, st *rabState, n int) goja.Value) {
		fn := e.rt.ToValue(func(c goja.FunctionCall) goja.Value {
			o, _ := c.This.(*goja.Object)
			data, ok := bufferData(o)
			if !ok {
				refuse(name, c.This)
			}
			return get(o, e.rabOf(o), len(*data))
		})
		_ = fn.(*goja.Object).DefineDataProperty("name", e.rt.ToValue("get "+name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = proto.DefineAccessorProperty(name, fn, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	getter("maxByteLength", func(o *goja.Object, st *rabState, n int) goja.Value {
		if st != nil && !bufferDetached(o) {
			return e.rt.ToValue(st.max)
		}
		return e.rt.ToValue(n)
	})
	getter("resizable", func(_ *goja.Object, st *rabState, _ int) goja.Value { return e.rt.ToValue(st != nil) })
	resize := e.rt.ToValue(func(c goja.FunctionCall) goja.Value {
		o, _ := c.This.(*goja.Object)
		st := e.rabOf(o)
		if st == nil {
			refuse("resize", c.This)
		}
		n := c.Argument(0).ToFloat()
		if math.IsNaN(n) {
			n = 0
		}
		n = math.Trunc(n)
		if bufferDetached(o) {
			e.throw("TypeError", "Cannot perform ArrayBuffer.prototype.resize on a detached ArrayBuffer")
		}
		if n < 0 || n > float64(st.max) {
			e.throw("RangeError", "ArrayBuffer.prototype.resize: Invalid length parameter")
		}
		if n > float64(memLimit) {
			e.throw("RangeError", "Array buffer allocation failed")
		}
		e.resizeBuffer(o, st, int(n))
		return goja.Undefined()
	}).(*goja.Object)
	_ = resize.DefineDataProperty("name", e.rt.ToValue("resize"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = resize.DefineDataProperty("length", e.rt.ToValue(1), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = proto.DefineDataProperty("resize", resize, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// resizeBuffer sets buffer o's length to n (see the memory note above)
// and its views' lengths after it.
func (e *Engine) resizeBuffer(o *goja.Object, st *rabState, n int) {
	data, ok := bufferData(o)
	if !ok {
		return
	}
	old := *data
	switch {
	case n <= cap(old):
		grown := old[:n]
		if n > len(old) {
			clear(grown[len(old):])
		}
		*data = grown
	default:
		grown := make([]byte, n)
		copy(grown, old)
		*data = grown
	}
	for _, b := range st.buffers {
		if other := b.Value(); other != nil && other != o {
			if d, ok := bufferData(other); ok {
				*d = *data
			}
		}
	}
	live := st.views[:0]
	for _, v := range st.views {
		if view := v.obj.Value(); view != nil {
			v.oob = v.fit(view, n)
			live = append(live, v)
		}
	}
	st.views = live
}

// fit sets what goja keeps of view v after its buffer became n bytes, and
// reports whether the view is now past the buffer's end (V8: out of
// bounds; it reads as empty, and its methods refuse it).
func (v rabView) fit(view *goja.Object, n int) bool {
	length, offset, oob := v.length, v.offset, false
	switch {
	case v.offset > n:
		length, offset, oob = 0, 0, true
	case v.tracking:
		length = (n - v.offset) / v.elemSize
	case v.offset+v.length*v.elemSize > n:
		length, offset, oob = 0, 0, true
	}
	if v.dataView {
		setImplInt(view, "byteLen", length)
		setImplInt(view, "byteOffset", offset)
		return oob
	}
	setImplInt(view, "length", length)
	setImplInt(view, "offset", offset/v.elemSize)
	return oob
}

// hookViewConstruct notes the views a constructor makes over a resizable
// buffer: without a length they track the buffer's.
func (e *Engine) hookViewConstruct(name string, elemSize int, dataView bool) {
	ctor, ok := e.rt.Get(name).(*goja.Object)
	if !ok {
		return
	}
	hookNativeConstruct(ctor, func(orig nativeConstruct) nativeConstruct {
		return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
			o := orig(args, newTarget)
			if len(args) == 0 {
				return o
			}
			st := e.rabOf(args[0])
			if st == nil {
				return o
			}
			v := rabView{obj: weak.Make(o), elemSize: elemSize, dataView: dataView,
				tracking: len(args) < 3 || goja.IsUndefined(args[2])}
			if dataView {
				v.offset, v.length = implInt(o, "byteOffset"), implInt(o, "byteLen")
			} else {
				v.offset, v.length = implInt(o, "offset")*elemSize, implInt(o, "length")
			}
			st.views = append(st.views, v)
			return o
		}
	})
}

// bufferData is the byte slice behind ArrayBuffer o (goja's field).
func bufferData(o *goja.Object) (*[]byte, bool) {
	f, ok := implField(o, "data")
	if !ok || f.Type() != reflect.TypeFor[[]byte]() {
		return nil, false
	}
	return f.Addr().Interface().(*[]byte), true
}

func bufferDetached(o *goja.Object) bool {
	f, ok := implField(o, "detached")
	return ok && f.Kind() == reflect.Bool && f.Bool()
}

func implInt(o *goja.Object, name string) int {
	if f, ok := implField(o, name); ok && f.Kind() == reflect.Int {
		return int(f.Int())
	}
	return 0
}

func setImplInt(o *goja.Object, name string, n int) {
	if f, ok := implField(o, name); ok && f.Kind() == reflect.Int {
		f.SetInt(int64(n))
	}
}

// implField is the settable field name of the Go value behind o (goja's
// object implementation), as nativeField reaches a native function's.
func implField(o *goja.Object, name string) (reflect.Value, bool) {
	if o == nil {
		return reflect.Value{}, false
	}
	self := reflect.ValueOf(o).Elem().FieldByName("self")
	if !self.IsValid() || self.Kind() != reflect.Interface || self.IsNil() {
		return reflect.Value{}, false
	}
	impl := self.Elem()
	if impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f := impl.Elem().FieldByName(name)
	if !f.IsValid() {
		return reflect.Value{}, false
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem(), true
}
