package scripting

import (
	"math"
	"strings"

	"github.com/dop251/goja"
)

// goja's includes compares with SameValue once it has turned a -0 it
// searches for into 0, so an element -0 is not found by 0 ([-0].includes(0)
// is false; V8: true), and a typed array's indexOf and lastIndexOf compare
// -0 and 0 as different (Float64Array [-0].indexOf(0) is -1; V8: 0). The
// methods are hooked in engines whose scripts name them: a search for a
// zero that goja did not find is made again, a zero element of either sign
// matching (and, for includes, NaN matching NaN as goja already does).

// mayMeetZeroSearch is the cheap look at a script's text.
func mayMeetZeroSearch(src string) bool {
	return strings.Contains(src, "includes") || strings.Contains(src, "ndexOf")
}

// installZeroSearch hooks the methods (once per engine).
func (e *Engine) installZeroSearch() {
	e.zeroSearchInstalled = true
	if arr, ok := e.rt.Get("Array").(*goja.Object); ok {
		if proto, ok := arr.Get("prototype").(*goja.Object); ok {
			e.hookZeroSearch(proto.Get("includes"), searchIncludes)
		}
	}
	if i8, ok := e.rt.Get("Int8Array").(*goja.Object); ok {
		if proto, ok := i8.Get("prototype").(*goja.Object); ok {
			if ta := proto.Prototype(); ta != nil {
				e.hookZeroSearch(ta.Get("includes"), searchIncludes)
				e.hookZeroSearch(ta.Get("indexOf"), searchIndexOf)
				e.hookZeroSearch(ta.Get("lastIndexOf"), searchLastIndexOf)
			}
		}
	}
}

type searchKind uint8

const (
	searchIncludes searchKind = iota
	searchIndexOf
	searchLastIndexOf
)

func (e *Engine) hookZeroSearch(v goja.Value, kind searchKind) {
	hookNative(v, func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			r := orig(c)
			if len(c.Arguments) == 0 || !goja.IsNumber(c.Arguments[0]) || c.Arguments[0].ToFloat() != 0 {
				return r
			}
			if kind == searchIncludes && r.ToBoolean() || kind != searchIncludes && r.ToInteger() >= 0 {
				return r
			}
			// goja found no zero: look again, either sign matching. The
			// receiver and range were read (and checked) by goja already.
			return e.zeroAgain(c, kind, r)
		}
	})
}

// zeroAgain is the search for a zero of either sign in c.This, from the
// index the call gives, as the method would make it; r when none is there.
func (e *Engine) zeroAgain(c goja.FunctionCall, kind searchKind, r goja.Value) goja.Value {
	o, ok := c.This.(*goja.Object)
	if !ok {
		return r
	}
	n := toLength(o.Get("length"))
	isZero := func(i float64) bool {
		v := o.Get(e.rt.ToValue(i).String())
		return v != nil && goja.IsNumber(v) && v.ToFloat() == 0
	}
	if kind == searchLastIndexOf {
		from := n - 1
		if len(c.Arguments) > 1 {
			from = relativeIndex(c.Arguments[1].ToFloat(), n)
			if from >= n {
				from = n - 1
			}
		}
		for i := from; i >= 0; i-- {
			if isZero(i) {
				return e.rt.ToValue(i)
			}
		}
		return r
	}
	from := 0.0
	if len(c.Arguments) > 1 {
		from = math.Max(relativeIndex(c.Arguments[1].ToFloat(), n), 0)
	}
	for i := from; i < n; i++ {
		if isZero(i) {
			if kind == searchIncludes {
				return e.rt.ToValue(true)
			}
			return e.rt.ToValue(i)
		}
	}
	return r
}

// relativeIndex is ToIntegerOrInfinity(x) taken from the end when
// negative.
func relativeIndex(x, n float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	x = math.Trunc(x)
	if x < 0 {
		return n + x
	}
	return x
}

// refuseDetachedSlice hooks ArrayBuffer.prototype.slice, once an engine
// has detached a buffer: goja's gives an empty object for a detached
// buffer, V8 refuses it.
func (e *Engine) refuseDetachedSlice() {
	if e.detachedSliceHooked {
		return
	}
	e.detachedSliceHooked = true
	ab, ok := e.rt.Get("ArrayBuffer").(*goja.Object)
	if !ok {
		return
	}
	proto, ok := ab.Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	slice, ok := proto.Get("slice").(*goja.Object)
	if !ok || !isGojaNative(slice) {
		return
	}
	hookNativeCall(slice, func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			if o, ok := c.This.(*goja.Object); ok && bufferDetached(o) {
				e.throw("TypeError", "Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
			}
			return orig(c)
		}
	})
}
