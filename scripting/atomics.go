package scripting

import (
	"math"
	"time"
	"weak"

	"github.com/dop251/goja"
)

// maxAtomicsWait is the longest finite Atomics.wait timeout slept as such;
// a longer one waits for ever (a time.Duration holds ~292 years).
const maxAtomicsWait = 1e12 // ms

// atomicsWait blocks the script for ms milliseconds: Atomics.wait on a
// value no other thread can change or notify (js/parts/atomics.js), as
// Node's main thread blocks. On a virtual clock the clock moves instead of
// the goroutine sleeping. A wait for ever (and any wait) ends early when
// the run stops the script (timeout, cancellation): the interrupt then
// lands on the script's next instruction.
func (e *Engine) atomicsWait(ms float64) {
	forever := math.IsInf(ms, 1) || ms > maxAtomicsWait
	d := time.Duration(ms * float64(time.Millisecond))
	if e.loop.virtual && !forever {
		e.loop.skip(d)
		return
	}
	deadline := time.Now().Add(d)
	for e.watch.stopped() == nil {
		step := 10 * time.Millisecond
		if !forever {
			left := time.Until(deadline)
			if left <= 0 {
				return
			}
			step = min(step, left)
		}
		time.Sleep(step)
	}
}

// defineShareBuffer gives js/parts/atomics.js __courierShareBuffer(b): a
// new buffer object over the same memory as the buffer b, which is how a
// cloned SharedArrayBuffer is V8's (structuredClone shares, not copies).
func (e *Engine) defineShareBuffer() {
	fn := func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		ab, ok := o.Export().(goja.ArrayBuffer)
		if !ok {
			return goja.Undefined()
		}
		shared := e.rt.ToValue(e.rt.NewArrayBuffer(ab.Bytes())).(*goja.Object)
		_ = shared.SetPrototype(o.Prototype())
		if st := e.rabOf(o); st != nil {
			// A growable one: both grow together (resizeBuffer).
			if st.buffers == nil {
				st.buffers = []weak.Pointer[goja.Object]{weak.Make(o)}
			}
			st.buffers = append(st.buffers, weak.Make(shared))
			e.rabs[weak.Make(shared)] = st
		}
		return shared
	}
	_ = e.rt.GlobalObject().DefineDataProperty("__courierShareBuffer", e.rt.ToValue(fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)

}
