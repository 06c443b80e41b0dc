package scripting

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
)

// goja sorts a dense array in place, calling the comparator between its
// swaps; a comparator that shortens the array (a.length = 0, a.pop())
// made goja index past the end: a Go runtime error that ended the script
// as "internal error in a native function". V8 sorts a copy of the
// elements and writes the result back over the array (the spec's
// SortIndexedProperties), so such a comparator cannot upset the sort and
// the array comes back whole ([3, 1, 2] sorted by a comparator that empties
// it is [1, 2, 3]). In engines whose scripts name sort, Array.prototype.sort
// with a comparator does the same: the copy is sorted (under 64 elements by
// V8's own steps, longer ones by goja's stable sort), which the comparator
// cannot reach, and the elements are written back, the holes deleted at the
// end.

// maySortWithComparator is the cheap look at a script's text.
func maySortWithComparator(src string) bool {
	return strings.Contains(src, "sort")
}

// installSortCopy hooks Array.prototype.sort and %TypedArray%.prototype.sort
// (once per engine).
func (e *Engine) installSortCopy() {
	e.sortCopyInstalled = true
	proto := e.builtinProto("Array")
	if proto == nil {
		return
	}
	hookNative(proto.Get("sort"), func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			o, ok := c.This.(*goja.Object)
			if _, fn := goja.AssertFunction(c.Argument(0)); !ok || !fn || o.ClassName() != "Array" {
				return orig(c)
			}
			return e.sortCopy(orig, o, c.Arguments)
		}
	})
	if ta := e.builtinProto("Int8Array"); ta != nil {
		if typed := ta.Prototype(); typed != nil {
			hookNative(typed.Get("sort"), func(orig nativeCall) nativeCall {
				return func(c goja.FunctionCall) goja.Value {
					cmp, fn := goja.AssertFunction(c.Argument(0))
					o, ok := c.This.(*goja.Object)
					if !ok || !fn || !isTypedArray(o) {
						return orig(c)
					}
					return e.sortTyped(o, cmp)
				}
			})
		}
	}
}

// isTypedArray: o is one of the typed arrays (goja's object behind it is
// its typed array type; their class name is Object).
func isTypedArray(o *goja.Object) bool {
	impl, ok := gojaSelf(o)
	return ok && impl.Type().String() == "*goja.typedArrayObject"
}

// sortTyped sorts a typed array by a comparator as V8 does: the elements
// are copied twice and merged top-down between the two copies (a stable
// merge sort, not the arrays' TimSort), then written back; so a comparator
// that contradicts itself or counts its calls sees V8's comparisons.
func (e *Engine) sortTyped(o *goja.Object, cmp goja.Callable) goja.Value {
	n := int(o.Get("length").ToInteger())
	if float64(n)*2*valueBytes > float64(memLimit) {
		// The two copies take 32 bytes an element where the array took
		// 1 to 8: a Uint8Array the allocation guard let through (under
		// memLimit) would ask Go for up to 64 GB here, and a refused
		// allocation ends the process, not the script.
		e.throw("RangeError", "Array buffer allocation failed")
	}
	work1, work2 := make([]goja.Value, n), make([]goja.Value, n)
	for i := range work1 {
		work1[i] = o.Get(strconv.Itoa(i))
		work2[i] = work1[i]
	}
	if n > 1 {
		v8MergeSort(work2, 0, n, work1, comparator(cmp))
	}
	for i, v := range work1 {
		if err := o.Set(strconv.Itoa(i), v); err != nil {
			panic(err)
		}
	}
	return o
}

// comparator calls a script's comparator as the sorts do: its answer as a
// number, NaN read as 0 (equal), and a throw carried up to the script.
func comparator(cmp goja.Callable) func(x, y goja.Value) float64 {
	return func(x, y goja.Value) float64 {
		r, err := cmp(goja.Undefined(), x, y)
		if err != nil {
			panic(err)
		}
		if f := r.ToFloat(); f == f {
			return f
		}
		return 0 // NaN
	}
}

// valueBytes is the size of one goja.Value (an interface).
const valueBytes = float64(unsafe.Sizeof(goja.Value(nil)))

// v8MergeSort merges source[from:to] into target, halves first (each
// half sorted from target into source), as V8's TypedArrayMergeSort.
func v8MergeSort(source []goja.Value, from, to int, target []goja.Value, cmp func(x, y goja.Value) float64) {
	middle := from + (to-from)>>1
	if middle-from > 1 {
		v8MergeSort(target, from, middle, source, cmp)
	}
	if to-middle > 1 {
		v8MergeSort(target, middle, to, source, cmp)
	}
	left, right := from, middle
	for i := from; i < to; i++ {
		switch {
		case left < middle && right >= to:
			target[i] = source[left]
			left++
		case left < middle && cmp(source[left], source[right]) <= 0:
			target[i] = source[left]
			left++
		default:
			target[i] = source[right]
			right++
		}
	}
}

// sortCopy sorts the elements of the array o as V8 does: copied (holes
// left out, undefined kept apart), sorted, written back (the undefined
// after the rest, then holes).
func (e *Engine) sortCopy(orig nativeCall, o *goja.Object, args []goja.Value) goja.Value {
	n := o.Get("length").ToInteger()
	var items []goja.Value
	undefined := 0
	for i := int64(0); i < n; i++ {
		switch v := o.Get(strconv.FormatInt(i, 10)); {
		case v == nil:
		case goja.IsUndefined(v):
			undefined++
		default:
			items = append(items, v)
		}
	}
	if len(items) < v8MinMerge {
		cmp, _ := goja.AssertFunction(args[0])
		v8BinarySort(items, comparator(cmp))
	} else {
		// Longer runs merge in V8 (TimSort); goja's stable sort orders
		// them alike for any comparator that agrees with itself.
		vals := make([]any, len(items))
		for i, v := range items {
			vals[i] = v
		}
		tmp := e.rt.NewArray(vals...)
		orig(goja.FunctionCall{This: tmp, Arguments: args})
		for i := range items {
			items[i] = tmp.Get(strconv.Itoa(i))
		}
	}
	set := func(i int64, v goja.Value) {
		if err := o.Set(strconv.FormatInt(i, 10), v); err != nil {
			panic(err)
		}
	}
	for i, v := range items {
		set(int64(i), v)
	}
	for i := int64(len(items)); i < int64(len(items)+undefined); i++ {
		set(i, goja.Undefined())
	}
	for i := int64(len(items) + undefined); i < n; i++ {
		if err := o.Delete(strconv.FormatInt(i, 10)); err != nil {
			panic(err)
		}
	}
	return o
}

// v8MinMerge is the length from which V8's TimSort merges runs; below it
// the whole array is one run, sorted by v8BinarySort (arrays this long or
// longer keep goja's stable sort).
const v8MinMerge = 64

// v8BinarySort sorts a as V8's TimSort sorts fewer than 64 elements, with
// the same comparisons in the same order (so that a comparator that
// contradicts itself, or counts its calls, sees what it sees in V8): the
// leading run, reversed when strictly descending, then a binary insertion
// of each element after it.
func v8BinarySort(a []goja.Value, cmp func(x, y goja.Value) float64) {
	if len(a) < 2 {
		return
	}
	run := 2
	desc := cmp(a[1], a[0]) < 0
	for i := 2; i < len(a); i++ {
		if o := cmp(a[i], a[i-1]); desc && o >= 0 || !desc && o < 0 {
			break
		}
		run++
	}
	if desc {
		for i, j := 0, run-1; i < j; i, j = i+1, j-1 {
			a[i], a[j] = a[j], a[i]
		}
	}
	for start := run; start < len(a); start++ {
		pivot := a[start]
		left, right := 0, start
		for left < right {
			mid := left + (right-left)>>1
			if cmp(pivot, a[mid]) < 0 {
				right = mid
			} else {
				left = mid + 1
			}
		}
		copy(a[left+1:start+1], a[left:start])
		a[left] = pivot
	}
}
