package scripting

import (
	"context"
	"runtime/metrics"
	"sync"
	"time"
)

// watchdog stops a running script from the outside: on its timeout, when the
// run's context is cancelled, or when the heap grows past memLimit. It is
// armed per script without allocating: one timer per Engine, one
// context registration per distinct context, one process-wide heap poller.
type watchdog struct {
	e *Engine

	mu       sync.Mutex
	active   bool
	deadline time.Time // zero without a timeout
	cause    error     // why the script was interrupted, nil if it was not
	pausedAt time.Time // non-zero while courier's own work holds the clock
	// holding keeps the interrupt from goja while the engine installs a
	// sandbox part (hold): the last release delivers a stop that came
	// meanwhile. It counts: an install may start another (a part's
	// JavaScript reaching eval, whose rewrite installs the RegExp part).
	holding int

	// timer fires at or before deadline while armed. It is armed once and
	// left to fire, not re-armed for every script: setting a runtime timer
	// wakes an idle thread to look at it (Go's network poller sleeps until
	// the next timer), which on a parallel run was two wake-ups in five.
	// When it fires early (for a script since ended), it re-arms itself for
	// the running script's deadline, if any.
	timer   *time.Timer
	armed   bool
	ctx     context.Context // the context stopCtx watches
	stopCtx func() bool

	// fired is what the timer and the context registration call: they hold
	// it, never the watchdog. A stopped timer stays in the runtime's timer
	// heap until the scheduler next tidies it, and a watchdog it held would
	// keep the whole Engine (and through its options, the run) alive after
	// Close; close cuts fired loose instead, and waits out a call under way.
	fired *watchdogRef

	// cancelWork cancels the context of the script's Go work, if it made one.
	cancelWork context.CancelCauseFunc
}

// setWork registers the cancel func of the running script's Go work; a
// script already stopped cancels it at once.
func (w *watchdog) setWork(cancel context.CancelCauseFunc) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cancelWork = cancel
	if w.cause != nil {
		cancel(w.cause)
	}
}

// start arms the watchdog for a script about to run under ctx.
func (w *watchdog) start(ctx context.Context, timeout time.Duration) {
	w.mu.Lock()
	w.active = true
	w.cause = nil
	w.deadline = time.Time{}
	w.pausedAt = time.Time{}
	if timeout > 0 {
		w.deadline = time.Now().Add(timeout)
		// An armed timer fires at or before this deadline: every deadline
		// is now plus the same timeout, so later than any before it.
		switch {
		case w.timer == nil:
			w.timer = time.AfterFunc(timeout, w.ref().onTimer)
			w.armed = true
		case !w.armed:
			w.timer.Reset(timeout)
			w.armed = true
		}
	}
	w.e.rt.ClearInterrupt()
	w.mu.Unlock()
	if ctx != w.ctx {
		if w.stopCtx != nil {
			w.stopCtx()
		}
		w.ctx, w.stopCtx = ctx, nil
		if ctx.Done() != nil {
			ref := w.ref()
			w.stopCtx = context.AfterFunc(ctx, func() { ref.interrupt(context.Cause(ctx)) })
		}
	}
	heapWatch.enter(w)
	// A cancellation that landed before active was set was ignored.
	if ctx.Err() != nil {
		w.interrupt(context.Cause(ctx))
	}
}

// stop disarms the watchdog once the script is over.
func (w *watchdog) stop() {
	w.mu.Lock()
	w.active = false
	w.cancelWork = nil
	w.e.rt.ClearInterrupt()
	w.mu.Unlock()
	heapWatch.leave(w)
}

// close releases the context registration and the timer. Once it returns,
// neither runs any more of the watchdog's code, nor holds it.
func (w *watchdog) close() {
	if w.stopCtx != nil {
		w.stopCtx()
		w.stopCtx = nil
	}
	if w.timer != nil {
		w.timer.Stop()
	}
	if w.fired != nil {
		w.fired.mu.Lock()
		w.fired.w = nil
		w.fired.mu.Unlock()
	}
}

// watchdogRef is the watchdog as its timer and context registration see
// it: nil once the watchdog is closed.
type watchdogRef struct {
	mu sync.Mutex
	w  *watchdog
}

// ref returns the watchdog's ref, made on first use.
func (w *watchdog) ref() *watchdogRef {
	if w.fired == nil {
		w.fired = &watchdogRef{w: w}
	}
	return w.fired
}

func (r *watchdogRef) onTimer() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.w != nil {
		r.w.onTimer()
	}
}

func (r *watchdogRef) interrupt(cause error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.w != nil {
		r.w.interrupt(cause)
	}
}

// pause stops the script's clock while courier does work of its own on the
// script's behalf (loading Sugar.js on first use): a script's timeout is
// about the script, and a loaded machine must not turn courier's own setup
// into the script's failure. Cancellation and the heap limit still apply.
func (w *watchdog) pause() {
	w.mu.Lock()
	if w.active && !w.deadline.IsZero() && w.pausedAt.IsZero() {
		w.pausedAt = time.Now()
	}
	w.mu.Unlock()
}

// resume restarts the clock stopped by pause, moving the deadline by the
// time paused.
func (w *watchdog) resume() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.pausedAt.IsZero() {
		return
	}
	w.deadline = w.deadline.Add(time.Since(w.pausedAt))
	w.pausedAt = time.Time{}
	if w.timer != nil {
		w.timer.Reset(time.Until(w.deadline))
		w.armed = true
	}
}

// onTimer fires on the deadline, or before it: a firing armed for an
// earlier script finds a later deadline and re-arms for it, one that finds
// no script running leaves the timer for the next script to arm, and one
// that lands while the clock is paused does nothing (resume re-arms).
func (w *watchdog) onTimer() {
	w.mu.Lock()
	w.armed = false
	late := false
	if w.active && w.pausedAt.IsZero() && !w.deadline.IsZero() {
		if left := time.Until(w.deadline); left > 0 {
			w.timer.Reset(left)
			w.armed = true
		} else {
			late = true
		}
	}
	w.mu.Unlock()
	if late {
		w.interrupt(ErrScriptTimeout)
	}
}

// interrupt stops the running script, if any, with cause: goja raises it in
// JS code, and the event loop sees it while waiting.
func (w *watchdog) interrupt(cause error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.active || w.cause != nil {
		return
	}
	w.cause = cause
	if w.holding == 0 {
		w.e.rt.Interrupt(cause)
	}
	if w.cancelWork != nil {
		w.cancelWork(cause)
	}
	w.e.loop.wakeUp()
}

// hold keeps stops from interrupting the engine's JavaScript until
// release: courier's own set-up that must not be cut halfway (a part's
// install). It returns the stop that came before, if any, and then holds
// nothing.
func (w *watchdog) hold() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cause != nil {
		return w.cause
	}
	w.holding++
	return nil
}

// release ends a hold; the last one interrupts with a stop that came
// meanwhile.
func (w *watchdog) release() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.holding--
	if w.holding == 0 && w.active && w.cause != nil {
		w.e.rt.Interrupt(w.cause)
	}
}

// stopped reports why the running script must stop, or nil.
func (w *watchdog) stopped() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.cause
}

// memLimit is the heap size above which running scripts are interrupted.
// goja has no allocation limits, so this is a coarse guard against scripts
// such as for(;;) a.push(new Array(1e6)) taking the whole machine down.
var memLimit uint64 = 2 << 30

// heapWatch polls the heap while any script runs.
var heapWatch = &heapPoller{running: map[*watchdog]struct{}{}}

type heapPoller struct {
	once    sync.Once
	mu      sync.Mutex
	running map[*watchdog]struct{}
}

func (h *heapPoller) enter(w *watchdog) {
	h.once.Do(func() { go h.poll(50 * time.Millisecond) })
	h.mu.Lock()
	h.running[w] = struct{}{}
	h.mu.Unlock()
}

func (h *heapPoller) leave(w *watchdog) {
	h.mu.Lock()
	delete(h.running, w)
	h.mu.Unlock()
}

func (h *heapPoller) poll(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		h.mu.Lock()
		if len(h.running) > 0 && heapBytes() > memLimit {
			for w := range h.running {
				w.interrupt(errMemoryLimit)
			}
		}
		h.mu.Unlock()
	}
}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
