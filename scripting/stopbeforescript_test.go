package scripting

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// TestStopDuringTheEnginesOwnCallStopsTheScript: a stop (the timeout, a
// cancellation) that lands while the engine runs JavaScript of its own
// before the script (here the scope-key call) ends that call, and goja
// clears an interrupt when the outermost call it ended returns. The script
// must not run on: the watchdog interrupts once, so a loop in it never
// ended (TestTimeoutInLiveValueGetterEnds hung 1 run in 30 at GOMAXPROCS=1
// under load, its 300 ms timeout firing before the script started).
func TestStopDuringTheEnginesOwnCallStopsTheScript(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{Timeout: time.Minute})
	keys := e.api.keys
	e.api.keys = func(this goja.Value, args ...goja.Value) (goja.Value, error) {
		e.watch.interrupt(ErrScriptTimeout) // the timeout fires now
		return keys(this, args...)
	}
	x := testExec("test", `for (;;) {}`)
	x.Info.EnvironmentName = "env" // a new scope key: the engine calls its bootstrap first
	done := make(chan *Result, 1)
	go func() { done <- e.Run(context.Background(), x) }()
	select {
	case r := <-done:
		if !errors.Is(r.Err, ErrScriptTimeout) {
			t.Fatalf("err = %v, want the timeout", r.Err)
		}
	case <-time.After(30 * time.Second): // a hang guard: the stop takes milliseconds
		t.Fatal("the script ran on after its stop: the interrupt went to the engine's own call")
	}
	e.api.keys = keys
	if r := e.Run(context.Background(), testExec("test", `pm.test("next", () => {});`)); r.Err != nil || len(r.Tests) != 1 {
		t.Fatalf("next script: %+v", r)
	}
}

// TestStopDuringAPartsInstallLeavesItWhole: a stop that lands while the
// engine installs a sandbox part the script needs (its first script of a
// run, a short --timeout-script on a loaded machine) stops the script with
// its own cause, and the part is installed whole for the run's later
// scripts: an install cut halfway was marked done (the flag is set first)
// and the stop came out as "internal error in a native function".
// Not parallel: it hooks a part's load for the whole package.
func TestStopDuringAPartsInstallLeavesItWhole(t *testing.T) {
	e, _ := newTestEngine(t, Options{Timeout: time.Minute})
	partHooks["iterator"] = func(e *Engine) { e.watch.interrupt(ErrScriptTimeout) } // the timeout fires now
	defer delete(partHooks, "iterator")
	const reads = `const IP = Object.getPrototypeOf(Object.getPrototypeOf([].values()));
pm.test(typeof IP[Symbol.dispose], () => {});`
	r := e.Run(context.Background(), testExec("test", reads+` for (;;) {}`))
	if !errors.Is(r.Err, ErrScriptTimeout) {
		t.Errorf("err = %v, want the timeout", r.Err)
	}
	delete(partHooks, "iterator")
	r = e.Run(context.Background(), testExec("test", reads))
	if r.Err != nil || len(r.Tests) != 1 || r.Tests[0].Name != "function" {
		t.Fatalf("the next script: err %v, tests %+v; want the part's Symbol.dispose, a function", r.Err, r.Tests)
	}
}

// TestNestedHoldDeliversTheStopAtTheOuterRelease: an install held whole
// may start another (a part's JavaScript reaching eval, whose rewrite
// installs the RegExp part): the inner one's end must not deliver a stop
// that came meanwhile into the outer install, only the outer one's end.
func TestNestedHoldDeliversTheStopAtTheOuterRelease(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	e.watch.start(context.Background(), 0)
	defer e.watch.stop()
	for range 2 {
		if err := e.watch.hold(); err != nil {
			t.Fatal(err)
		}
	}
	e.watch.interrupt(ErrScriptTimeout) // the timeout fires during the inner install
	e.watch.release()                   // the inner install ends
	if _, err := e.rt.RunString(`1`); err != nil {
		t.Fatalf("the rest of the outer install was cut: %v", err)
	}
	e.watch.release()
	var ie *goja.InterruptedError
	if _, err := e.rt.RunString(`1`); !errors.As(err, &ie) || !errors.Is(ie.Value().(error), ErrScriptTimeout) {
		t.Fatalf("after the outer install: err = %v, want the timeout", err)
	}
}

// TestStopBeforeAPartsInstallLeavesItForLater: a stop that landed before
// the engine installs a part the script needs (here in the scope-key call)
// leaves the part for a later script, which finds it whole.
func TestStopBeforeAPartsInstallLeavesItForLater(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{Timeout: time.Minute})
	keys := e.api.keys
	e.api.keys = func(this goja.Value, args ...goja.Value) (goja.Value, error) {
		e.watch.interrupt(ErrScriptTimeout) // the timeout fires now
		return keys(this, args...)
	}
	const reads = `const IP = Object.getPrototypeOf(Object.getPrototypeOf([].values()));
pm.test(typeof IP[Symbol.dispose], () => {});`
	x := testExec("test", reads+` for (;;) {}`)
	x.Info.EnvironmentName = "env" // a new scope key: the engine calls its bootstrap first
	if r := e.Run(context.Background(), x); !errors.Is(r.Err, ErrScriptTimeout) || len(r.Tests) != 0 {
		t.Fatalf("err = %v, tests %+v; want the timeout before the script", r.Err, r.Tests)
	}
	e.api.keys = keys
	if r := e.Run(context.Background(), testExec("test", reads)); r.Err != nil || len(r.Tests) != 1 || r.Tests[0].Name != "function" {
		t.Fatalf("the next script: err %v, tests %+v; want the part's Symbol.dispose, a function", r.Err, r.Tests)
	}
}
