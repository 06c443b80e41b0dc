package scripting

import (
	"strconv"
	"strings"

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
// with a comparator does the same: goja sorts a copy, which the comparator
// cannot reach, and the elements are written back, the holes deleted at the
// end.

// maySortWithComparator is the cheap look at a script's text.
func maySortWithComparator(src string) bool {
	return strings.Contains(src, "sort")
}

// installSortCopy hooks Array.prototype.sort (once per engine).
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
}

// sortCopy sorts the elements of the array o as V8 does: copied (holes
// left out), sorted by goja's own sort, written back.
func (e *Engine) sortCopy(orig nativeCall, o *goja.Object, args []goja.Value) goja.Value {
	n := o.Get("length").ToInteger()
	items := make([]any, 0, n)
	for i := int64(0); i < n; i++ {
		if v := o.Get(strconv.FormatInt(i, 10)); v != nil {
			items = append(items, v)
		}
	}
	tmp := e.rt.NewArray(items...)
	orig(goja.FunctionCall{This: tmp, Arguments: args})
	for i := int64(0); i < int64(len(items)); i++ {
		if err := o.Set(strconv.FormatInt(i, 10), tmp.Get(strconv.FormatInt(i, 10))); err != nil {
			panic(err)
		}
	}
	for i := int64(len(items)); i < n; i++ {
		if err := o.Delete(strconv.FormatInt(i, 10)); err != nil {
			panic(err)
		}
	}
	return o
}
