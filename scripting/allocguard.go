package scripting

import (
	"math"
	"reflect"
	"strconv"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"
)

// goja allocates an ArrayBuffer's bytes in one Go allocation, and Go
// aborts the whole process when the system refuses one (new
// Uint8Array(1e12): "fatal error: out of memory", no report, no other
// script). V8 throws "RangeError: Array buffer allocation failed", which a
// script can catch. So the length given to an ArrayBuffer, a typed array or
// a typed array's from() in a script passes, when the script is compiled,
// through a hook that refuses more than the scripts' memory limit (memLimit,
// past which the watchdog would stop the script anyway) in V8's words. A
// length written as a small number literal is left alone.
const hookAlloc = "__courierAlloc" // __courierAlloc(arg, 'Ctor'): arg, or a RangeError

// bytesPerElement are the constructors the hook guards.
var bytesPerElement = map[string]float64{
	"ArrayBuffer": 1, "SharedArrayBuffer": 1, "Int8Array": 1, "Uint8Array": 1, "Uint8ClampedArray": 1,
	"Int16Array": 2, "Uint16Array": 2, "Float16Array": 2, "Int32Array": 4, "Uint32Array": 4, "Float32Array": 4,
	"Float64Array": 8, "BigInt64Array": 8, "BigUint64Array": 8,
}

// allocArg wraps the length argument of new Ctor(n) and Ctor.from(src).
func allocArg(ctor ast.Expression, args []ast.Expression, at file.Idx) {
	var name unistring.String
	switch c := ctor.(type) {
	case *ast.Identifier:
		name = c.Name
	case *ast.DotExpression: // Uint8Array.from(src)
		id, ok := c.Left.(*ast.Identifier)
		if !ok || c.Identifier.Name != "from" || id.Name == "ArrayBuffer" || id.Name == "SharedArrayBuffer" {
			return
		}
		name = id.Name
	default:
		return
	}
	size, ok := bytesPerElement[name.String()]
	if !ok || len(args) == 0 {
		return
	}
	switch a := args[0].(type) {
	case *ast.SpreadElement, *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.StringLiteral:
		return
	case *ast.NumberLiteral:
		if n, ok := a.Value.(int64); ok && float64(n)*size <= float64(memLimit) {
			return
		}
	}
	hookArgs := []ast.Expression{args[0], &ast.StringLiteral{Idx: at, Literal: "'" + name.String() + "'", Value: name}}
	if _, from := ctor.(*ast.DotExpression); from {
		hookArgs = append(hookArgs, &ast.BooleanLiteral{Idx: at, Value: true})
	}
	args[0] = &ast.CallExpression{
		Callee:           &ast.Identifier{Name: hookAlloc, Idx: at},
		LeftParenthesis:  at,
		ArgumentList:     hookArgs,
		RightParenthesis: at,
	}
}

// checkAlloc is the hook: a number is a length. An object given to new
// ArrayBuffer(…) is its length as a number (converted here, once, as V8
// does); an array is copied by its length (read without running code); a
// typed array or a buffer has its bytes already; any other object given to
// a typed array's constructor is left to typedArrayFromObject, which reads
// it once, in V8's order. Ctor.from(src) reads src's byteLength and length
// here, before goja reads them again.
func (e *Engine) checkAlloc(c goja.FunctionCall) goja.Value {
	arg := c.Argument(0)
	name := c.Argument(1).String()
	size := bytesPerElement[name]
	n := math.NaN()
	switch o := arg.(type) {
	case *goja.Object:
		switch {
		case name == "ArrayBuffer" || name == "SharedArrayBuffer":
			arg = e.rt.ToValue(o.ToNumber())
			n = arg.ToFloat()
		case c.Argument(2).ToBoolean(): // Ctor.from(src)
			if isBufferOrView(o) {
				return arg
			}
			if isPlainArray(o) {
				n = o.Get("length").ToFloat()
				break
			}
			return e.fromSource(o, size)
		case isBufferOrView(o):
			return arg
		case isPlainArray(o):
			n = o.Get("length").ToFloat()
		default:
			if !e.typedArrayHooks {
				e.installTypedArrayHooks()
			}
			return arg
		}
	default:
		if goja.IsNumber(arg) {
			n = arg.ToFloat()
		}
	}
	if (name == "ArrayBuffer" || name == "SharedArrayBuffer") && math.Trunc(n) > maxSafeInteger {
		// Not a length at all (ToIndex refuses it) before too large a one.
		e.throw("RangeError", "Invalid array buffer length")
	}
	if n*size > float64(memLimit) && !math.IsInf(n, 1) {
		e.throw("RangeError", "Array buffer allocation failed")
	}
	return arg
}

// maxSafeInteger is Number.MAX_SAFE_INTEGER, the longest length ToIndex
// takes.
const maxSafeInteger = 1<<53 - 1

// fromSource is what Ctor.from(o) reads in goja's place, once and in V8's
// order: o's Symbol.iterator, then (when o is no iterable) its length, past
// the memory limit a RangeError before any element is read. An iterable goes
// on as iterateOnce's stand-in; an array-like as one whose length is the
// number read here and whose elements are o's, read when goja reads them.
func (e *Engine) fromSource(o *goja.Object, size float64) goja.Value {
	fv := o.GetSymbol(goja.SymIterator)
	if f, ok := goja.AssertFunction(fv); ok {
		return e.iterateOnce(o, o, fv, f, iterForOf)
	}
	if fv != nil && !goja.IsUndefined(fv) && !goja.IsNull(fv) {
		e.throw("TypeError", "%TypedArray%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function")
	}
	n := toLength(o.Get("length"))
	if n*size > float64(memLimit) {
		e.throw("RangeError", "Array buffer allocation failed")
	}
	return e.rt.NewDynamicObject(arrayLikeOf{o: o, length: e.rt.ToValue(n)})
}

// arrayLikeOf is fromSource's stand-in for an array-like o: its length
// fixed, its elements o's.
type arrayLikeOf struct {
	o      *goja.Object
	length goja.Value
}

func (a arrayLikeOf) Get(key string) goja.Value {
	if key == "length" {
		return a.length
	}
	return a.o.Get(key)
}
func (a arrayLikeOf) Set(string, goja.Value) bool { return false }
func (a arrayLikeOf) Has(key string) bool         { return key == "length" || a.o.Get(key) != nil }
func (a arrayLikeOf) Delete(string) bool          { return false }
func (a arrayLikeOf) Keys() []string              { return nil }

var (
	arrayBufferType = reflect.TypeOf(goja.ArrayBuffer{})
	arrayType       = reflect.TypeOf([]any(nil))
)

// isBufferOrView: o is an ArrayBuffer or a typed array (goja exports them
// as goja.ArrayBuffer and slices of numbers), told apart without running
// the script's code.
func isBufferOrView(o *goja.Object) bool {
	t := o.ExportType()
	return t == arrayBufferType || t != nil && t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Interface
}

// isPlainArray: o is an array, not a proxy of one.
func isPlainArray(o *goja.Object) bool {
	return o.ClassName() == "Array" && o.ExportType() == arrayType
}

// installTypedArrayHooks wraps the typed array constructors (once per
// engine) so that an object given to them is read by
// typedArrayFromObject.
func (e *Engine) installTypedArrayHooks() {
	e.typedArrayHooks = true
	for name, size := range bytesPerElement {
		if name == "ArrayBuffer" || name == "SharedArrayBuffer" {
			continue
		}
		ctor, ok := e.rt.Get(name).(*goja.Object)
		if !ok {
			continue
		}
		size := size
		hookNativeConstruct(ctor, func(orig nativeConstruct) nativeConstruct {
			return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
				if len(args) > 0 {
					if o, ok := args[0].(*goja.Object); ok && !isBufferOrView(o) && !isPlainArray(o) {
						return e.typedArrayFromObject(orig, o, newTarget, size)
					}
				}
				return orig(args, newTarget)
			}
		})
	}
}

// typedArrayFromObject is V8's typed array construction from an object
// that is neither a buffer nor a typed array: with a Symbol.iterator, the
// values it yields; without, length (read once) and the elements 0…n-1,
// each read once, in order. The allocation is refused past the memory
// limit before any element is read.
func (e *Engine) typedArrayFromObject(orig nativeConstruct, o, newTarget *goja.Object, size float64) *goja.Object {
	rt := e.rt
	refuse := func(n float64) {
		if n*size > float64(memLimit) {
			e.throw("RangeError", "Array buffer allocation failed")
		}
	}
	if it := o.GetSymbol(goja.SymIterator); it != nil && !goja.IsUndefined(it) && !goja.IsNull(it) {
		if _, ok := goja.AssertFunction(it); !ok {
			e.throw("TypeError", "TypedArray's constructor requires that the property of the first argument, items[Symbol.iterator], when exists, be a function")
		}
		values := e.iterateValues(o, it, func(n int) { refuse(float64(n)) })
		ta := orig([]goja.Value{rt.ToValue(len(values))}, newTarget)
		for k, v := range values {
			_ = ta.Set(strconv.Itoa(k), v)
		}
		return ta
	}
	n := toLength(o.Get("length"))
	refuse(n)
	ta := orig([]goja.Value{rt.ToValue(n)}, newTarget)
	for k := 0; k < int(n); k++ {
		key := strconv.Itoa(k)
		_ = ta.Set(key, o.Get(key))
	}
	return ta
}

// iterateValues runs the iterator method it of o to its end and returns
// the values; grown is told the count as it grows.
func (e *Engine) iterateValues(o *goja.Object, it goja.Value, grown func(int)) []goja.Value {
	method, ok := goja.AssertFunction(it)
	if !ok {
		e.throw("TypeError", e.v8Printed(it)+" is not a function")
	}
	iv, err := method(o)
	if err != nil {
		panic(err)
	}
	iter, ok := iv.(*goja.Object)
	if !ok {
		e.throw("TypeError", "Result of the Symbol.iterator method is not an object")
	}
	next, ok := goja.AssertFunction(iter.Get("next"))
	if !ok {
		e.throw("TypeError", e.v8Printed(iter.Get("next"))+" is not a function")
	}
	var values []goja.Value
	for {
		rv, err := next(iter)
		if err != nil {
			panic(err)
		}
		r, ok := rv.(*goja.Object)
		if !ok {
			e.throw("TypeError", "Iterator result "+e.v8Printed(rv)+" is not an object")
		}
		if d := r.Get("done"); d != nil && d.ToBoolean() {
			return values
		}
		v := r.Get("value")
		if v == nil {
			v = goja.Undefined()
		}
		values = append(values, v)
		grown(len(values))
	}
}

// toLength is the spec's ToLength.
func toLength(v goja.Value) float64 {
	if v == nil {
		return 0
	}
	n := v.ToFloat()
	if math.IsNaN(n) || n <= 0 {
		return 0
	}
	return math.Min(math.Trunc(n), 1<<53-1)
}
