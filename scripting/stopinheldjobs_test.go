package scripting

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestStopBetweenHeldJobsStopsTheScript: completed Go work waits on the
// loop as held jobs, and one turn of the loop runs every job that may run.
// A stop (the timeout, a cancellation) that lands in one job's JavaScript
// ends that call, and goja clears an interrupt when the outermost call it
// ended returns; the watchdog interrupts once. A job that drops its call's
// error (a pm.vault promise's resolve: the script's then-callbacks run
// inside it) must not let the next job's callback run on deaf to the stop:
// here it loops for ever.
func TestStopBetweenHeldJobsStopsTheScript(t *testing.T) {
	t.Parallel()
	mv := &memVault{secrets: map[string]string{"tok": "s3cr3t"}}
	e, _ := newTestEngine(t, Options{Vault: mv, VaultScripts: true, Sender: &gatedSender{}, Timeout: time.Minute})
	// Both pieces of work complete before the loop first looks, so that
	// one turn holds both jobs: the vault's (sent first) runs first.
	completed := make(chan uint64, 2)
	e.loop.onDone = func(seq uint64) { completed <- seq }
	_ = e.rt.Set("bothDone", func() { <-completed; <-completed })
	_ = e.rt.Set("stopNow", func() { e.watch.interrupt(ErrScriptTimeout) }) // the timeout fires now
	done := make(chan *Result, 1)
	go func() {
		done <- e.Run(context.Background(), testExec("test", `
pm.vault.get('tok').then(() => { stopNow(); for (;;) {} });
pm.sendRequest('http://h.test/x', () => { for (;;) {} });
bothDone();`))
	}()
	select {
	case r := <-done:
		if !errors.Is(r.Err, ErrScriptTimeout) {
			t.Fatalf("err = %v, want the timeout", r.Err)
		}
	case <-time.After(30 * time.Second): // a hang guard: the stop takes milliseconds
		e.rt.Interrupt(ErrScriptTimeout) // ends the loop that ran on
		<-done
		t.Fatal("the next held job ran on after the stop: the interrupt went to the job before")
	}
	if r := e.Run(context.Background(), testExec("test", `pm.test("next", () => {});`)); r.Err != nil || len(r.Tests) != 1 {
		t.Fatalf("next script: %+v", r)
	}
}
