package scripting

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
)

// A stack overflow inside a generator's frame (a function*, an async
// function, which goja runs as one, or courier's rewrite of an async
// generator) leaves goja's VM with the generator's call context and its
// try frame still pushed: goja's generator pops them after the step it
// runs, and the overflow, which goja cannot catch, unwinds past that. The
// next script of the run then ran on those stacks, and ended silently
// with no test and no error (fresh-round12l-f: a caught overflow in
// `function* g() { yield down(0); }` emptied every later item). courier
// puts the two stacks back to their depth before the call that
// overflowed: where a guarded call (guardedCall) caught it, and at the end
// of each script. goja has no API for it, so vmStacks reaches them by
// reflection (as gojactor.go reaches functions); a goja whose layout
// changed leaves them alone (TestGeneratorOverflowKeepsEngine fails).

// vmFields are the indexes of Runtime.vm and of vm.callStack and
// vm.tryStack, looked up once; ok is false when goja's layout differs.
var vmFields = sync.OnceValue(func() (f struct {
	vm, calls, tries int
	ok               bool
}) {
	rt := reflect.TypeFor[goja.Runtime]()
	vmf, ok := rt.FieldByName("vm")
	if !ok || vmf.Type.Kind() != reflect.Pointer || vmf.Type.Elem().Kind() != reflect.Struct {
		return f
	}
	c, okc := vmf.Type.Elem().FieldByName("callStack")
	t, okt := vmf.Type.Elem().FieldByName("tryStack")
	if !okc || !okt || c.Type.Kind() != reflect.Slice || t.Type.Kind() != reflect.Slice || len(c.Index) != 1 || len(t.Index) != 1 || len(vmf.Index) != 1 {
		return f
	}
	f.vm, f.calls, f.tries, f.ok = vmf.Index[0], c.Index[0], t.Index[0], true
	return f
})

// vmStacks are the settable callStack and tryStack slices of rt's VM.
func vmStacks(rt *goja.Runtime) (calls, tries reflect.Value, ok bool) {
	f := vmFields()
	if !f.ok {
		return reflect.Value{}, reflect.Value{}, false
	}
	vmp := reflect.ValueOf(rt).Elem().Field(f.vm)
	if vmp.IsNil() {
		return reflect.Value{}, reflect.Value{}, false
	}
	vm := vmp.Elem()
	settable := func(v reflect.Value) reflect.Value {
		return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	return settable(vm.Field(f.calls)), settable(vm.Field(f.tries)), true
}

// stackDepths are the lengths of the VM's call and try stacks.
type stackDepths struct{ calls, tries int }

func (e *Engine) stackDepths() stackDepths {
	c, t, ok := vmStacks(e.rt)
	if !ok {
		return stackDepths{-1, -1}
	}
	return stackDepths{c.Len(), t.Len()}
}

// restoreStacks cuts the VM's stacks back to d when an overflow left them
// deeper.
func (e *Engine) restoreStacks(d stackDepths) {
	if d.calls < 0 {
		return
	}
	c, t, ok := vmStacks(e.rt)
	if !ok {
		return
	}
	if c.Len() > d.calls {
		c.SetLen(d.calls)
	}
	if t.Len() > d.tries {
		t.SetLen(d.tries)
	}
}
