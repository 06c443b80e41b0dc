package scripting

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// eventLoop runs a script's callbacks on the JS goroutine: timers, jobs
// posted by Go goroutines (pm.sendRequest) and, through goja, promise jobs.
// A script is finished when its code ran and nothing is pending.
type eventLoop struct {
	rt *goja.Runtime

	mu   sync.Mutex
	jobs []doneJob
	wake chan struct{}
	gen  uint64 // bumped per script so late jobs of an old one are dropped
	// regSeq numbers registrations; open holds the numbers of Go work
	// registered and not yet completed, ascending (its length is what is
	// pending). held (loop goroutine only) are completed jobs waiting for
	// earlier work: see run.
	regSeq uint64
	open   []uint64
	held   []doneJob
	grace  time.Duration // orderGrace; tests set their own
	// onDone, when set (tests), is told each completion's number once its
	// job is queued.
	onDone func(seq uint64)

	// stopped reports why the running script must stop (timeout,
	// cancellation, memory), or nil.
	stopped func() error
	timers  map[int64]*timer
	nextID  int64
	seq     int64

	rejected []*goja.Promise
	heldErr  error
	// endOnUncaught ends the run at the first error nobody caught, as
	// Postman CLI's newer sandbox (v12 runs) does: a throw in a timer, or
	// a task that leaves a rejection unhandled (Node's words for it);
	// pending timers are dropped. Postman's older sandbox, Newman's
	// reference, drops the error and goes on.
	endOnUncaught bool

	// virtual runs timers on a clock of the loop's own (Options.VirtualTime):
	// when only timers are left, the clock jumps to the next one instead of
	// the goroutine sleeping. ahead is how far that clock has jumped. vnow
	// is the clock's reading: the script's own work does not move it, so
	// the order of timers does not depend on how fast the machine runs the
	// script (when it followed the wall clock, a script preempted for 50 ms
	// at load 20 let a 50 ms timer pass a 1 ms timer set in an earlier
	// timer's callback: fresh-round9l-a). It moves when the loop jumps or
	// really waits (Go work in flight), by dateTick at each Date read (a
	// busy wait on Date ends), and catches up with the wall clock (plus
	// ahead) when a script starts (sync), so time still passes between
	// scripts as requests take it.
	virtual bool
	ahead   time.Duration
	vnow    time.Time

	// phase is when the timer callback running now was fired (zero
	// outside timer callbacks: the script's own code, a pm.sendRequest
	// callback). An immediate is due at phase, so it runs before every
	// timer that was not already due when the running callback started,
	// however long that callback (or the script) works: Node runs its
	// check phase (immediates) before it looks at the clock for timers
	// again. With the wall clock instead, a script that worked 1 ms
	// between setTimeout(f, 1) and setImmediate(g) ran f first; Newman
	// and Postman CLI run g first (TestTimersAsPostman).
	phase time.Time

	// dropped collects what callbacks threw (thrownByScript) during the
	// script's run, for Result.Dropped.
	dropped []error
}

// doneJob is completed Go work: the job to run on the loop, the order its
// work was started in, and when it completed.
type doneJob struct {
	seq uint64
	at  time.Time
	run func() error
}

// orderGrace is how long completed Go work waits for work started before
// it: two pm.sendRequest calls to a fast server complete in the order they
// were sent, as Postman's sandbox delivers them, instead of in the order
// their goroutines happened to finish; a slower earlier request does not
// hold a later one back for longer than this.
const orderGrace = 50 * time.Millisecond

type timer struct {
	id       int64
	when     time.Time
	seq      int64
	fn       goja.Callable
	args     []goja.Value
	interval time.Duration
	repeat   bool
}

func newEventLoop(rt *goja.Runtime) *eventLoop {
	l := &eventLoop{rt: rt, wake: make(chan struct{}, 1), timers: map[int64]*timer{}, grace: orderGrace}
	rt.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		if op == goja.PromiseRejectionReject {
			l.rejected = append(l.rejected, p)
			return
		}
		for i, q := range l.rejected {
			if q == p {
				l.rejected = append(l.rejected[:i], l.rejected[i+1:]...)
				break
			}
		}
	})
	return l
}

// wakeUp makes a waiting run() look at its state again.
func (l *eventLoop) wakeUp() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// busy reports whether timers or Go work of the running script are still
// to come.
func (l *eventLoop) busy() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.timers) > 0 || len(l.open) > 0 || len(l.jobs) > 0 || len(l.held) > 0
}

// reset drops everything a finished script left behind: its timers, its
// queued jobs and its unsettled Go work (which will be ignored on arrival).
func (l *eventLoop) reset() {
	l.mu.Lock()
	l.gen++
	l.jobs = nil
	l.open = l.open[:0]
	l.mu.Unlock()
	l.held = nil
	clear(l.timers)
	l.phase = time.Time{}
	l.rejected = nil
}

// register announces Go work that will finish later; the returned function
// must be called exactly once, from any goroutine, with the job to run on
// the loop. Must be called on the loop goroutine.
func (l *eventLoop) register() func(func() error) {
	l.mu.Lock()
	l.regSeq++
	gen, seq := l.gen, l.regSeq
	l.open = append(l.open, seq)
	l.mu.Unlock()
	var done atomic.Bool
	return func(job func() error) {
		if done.Swap(true) {
			return
		}
		l.mu.Lock()
		if l.gen == gen {
			if i, ok := slices.BinarySearch(l.open, seq); ok {
				l.open = slices.Delete(l.open, i, i+1)
			}
			l.jobs = append(l.jobs, doneJob{seq: seq, at: time.Now(), run: job})
		}
		l.mu.Unlock()
		if l.onDone != nil {
			l.onDone(seq)
		}
		l.wakeUp()
	}
}

// now is the loop's clock: the wall clock, or a virtual loop's own
// (vnow).
func (l *eventLoop) now() time.Time {
	if l.virtual {
		return l.vnow
	}
	return time.Now()
}

// dateTick is how far each Date read moves a virtual clock: a script's
// busy wait on Date (while (Date.now() - s < 30) {}) ends after a number
// of reads, the same on every machine, instead of never.
const dateTick = time.Microsecond

// dateNow is the time Date reads: the loop's clock, moved by dateTick on a
// virtual loop.
func (l *eventLoop) dateNow() time.Time {
	if l.virtual {
		l.vnow = l.vnow.Add(dateTick)
		return l.vnow
	}
	return time.Now()
}

// sync brings a virtual clock up to the wall clock moved by its jumps
// (ahead), when a script starts: requests and other work between scripts
// took real time. The clock never goes back.
func (l *eventLoop) sync() {
	if now := time.Now().Add(l.ahead); l.virtual && now.After(l.vnow) {
		l.vnow = now
	}
}

// skip moves a virtual clock by d without waiting.
func (l *eventLoop) skip(d time.Duration) {
	l.ahead += d
	l.vnow = l.vnow.Add(d)
}

func (l *eventLoop) addTimer(fn goja.Callable, delay time.Duration, args []goja.Value, repeat bool) int64 {
	if delay < 0 {
		delay = 0
	}
	l.nextID++
	l.seq++
	when := l.now().Add(delay)
	if delay == 0 && !repeat { // setImmediate (timers are 1 ms at least)
		when = l.phase
	}
	t := &timer{id: l.nextID, when: when, seq: l.seq, fn: fn, args: args, interval: delay, repeat: repeat}
	l.timers[t.id] = t
	return t.id
}

// Timer kinds, as the clear functions name them.
const (
	kindTimeout = iota
	kindInterval
	kindImmediate
)

// clearTimer drops timer id if it is of the given kind: in both of
// Postman's sandboxes each clear function knows only its own timers
// (clearInterval leaves a timeout alone, clearTimeout an immediate).
func (l *eventLoop) clearTimer(id int64, kind int) {
	t, ok := l.timers[id]
	if !ok {
		return
	}
	k := kindTimeout
	switch {
	case t.repeat:
		k = kindInterval
	case t.interval == 0:
		k = kindImmediate
	}
	if k == kind {
		delete(l.timers, id)
	}
}

func (l *eventLoop) nextTimer() *timer {
	var best *timer
	for _, t := range l.timers {
		if best == nil || t.when.Before(best.when) || (t.when.Equal(best.when) && t.seq < best.seq) {
			best = t
		}
	}
	return best
}

// run turns the loop until nothing is left or an uncaught error stops it.
func (l *eventLoop) run() error {
	var tm *time.Timer
	defer func() {
		if tm != nil {
			tm.Stop()
		}
	}()
	for {
		if err := l.stopped(); err != nil {
			return err
		}
		if l.endOnUncaught {
			// Each task ran its promise jobs before coming back here.
			if v, ok := l.unhandled(); ok {
				return unhandledRejection{v}
			}
		}
		pending, oldest := l.takeJobs()
		ran, wait := l.runHeld(oldest)
		if ran < 0 {
			return l.heldErr
		}
		if ran > 0 {
			continue
		}
		t := l.nextTimer()
		if t != nil {
			fired, err := l.fireIfDue(t, pending)
			if err != nil {
				return err
			}
			if fired {
				continue
			}
		}
		if t == nil && pending == 0 && len(l.held) == 0 {
			return nil
		}
		tm = l.sleep(tm, t, wait)
	}
}

// takeJobs moves the queued jobs behind the held ones; it returns how many
// pieces of Go work are still running and the earliest of them
// (math.MaxUint64 when none).
func (l *eventLoop) takeJobs() (pending int, oldest uint64) {
	l.mu.Lock()
	l.held = append(l.held, l.jobs...)
	l.jobs = nil
	pending = len(l.open)
	oldest = uint64(math.MaxUint64)
	if len(l.open) > 0 {
		oldest = l.open[0]
	}
	l.mu.Unlock()
	return pending, oldest
}

// fireIfDue runs timer t when it is due (at once on the virtual clock when
// nothing else can happen first) and reports whether it ran; an error the
// script threw there is dropped, as Postman drops it, any other ends the
// loop.
func (l *eventLoop) fireIfDue(t *timer, pending int) (bool, error) {
	d := t.when.Sub(l.now())
	if d > 0 && l.virtual && pending == 0 {
		// Nothing but timers can happen before this one fires:
		// skip the wait. Go work in flight (pm.sendRequest) is
		// still waited for, so it lands where it would have.
		l.skip(d)
		d = 0
	}
	if d > 0 {
		return false, nil
	}
	if t.repeat {
		l.seq++
		t.when, t.seq = l.now().Add(max(t.interval, time.Millisecond)), l.seq
	} else {
		delete(l.timers, t.id)
	}
	l.phase = l.now()
	_, err := t.fn(goja.Undefined(), t.args...)
	l.phase = time.Time{}
	if err != nil {
		if !thrownByScript(err) || l.endOnUncaught {
			return true, err
		}
		l.dropped = append(l.dropped, err)
	}
	return true, nil
}

// sleep waits for Go work to complete (wake), for timer t (nil: none) or
// for the held jobs' wait to end (wait > 0), reusing tm, which it returns.
func (l *eventLoop) sleep(tm *time.Timer, t *timer, wait time.Duration) *time.Timer {
	var timerC <-chan time.Time
	if t != nil || wait > 0 {
		d := wait
		if t != nil && (wait <= 0 || t.when.Sub(l.now()) < wait) {
			d = t.when.Sub(l.now())
		}
		if tm == nil {
			tm = time.NewTimer(d)
		} else {
			tm.Reset(d)
		}
		timerC = tm.C
	}
	start := time.Now()
	select {
	case <-l.wake:
	case <-timerC:
	}
	if l.virtual {
		// A real wait (for Go work) moves a virtual clock as much.
		l.vnow = l.vnow.Add(time.Since(start))
	}
	return tm
}

// thrownByScript reports an error a timer's callback threw (a JavaScript
// exception, a stack overflow), as opposed to the script being stopped
// (timeout, skipRequest, memory). Both of Postman's sandboxes drop what a
// timer callback throws: the script goes on and its later timers run.
func thrownByScript(err error) bool {
	var ex *goja.Exception
	var so *goja.StackOverflowError
	return errors.As(err, &ex) || errors.As(err, &so)
}

// runHeld runs the completed jobs in the order their work started, up to
// the first that must wait for earlier work still running (oldest), unless
// it has waited l.grace already. It returns how many ran (-1 when one
// failed, its error in heldErr) and, when some wait, how long until the
// first may run anyway.
func (l *eventLoop) runHeld(oldest uint64) (int, time.Duration) {
	if len(l.held) == 0 {
		return 0, 0
	}
	slices.SortFunc(l.held, func(a, b doneJob) int { return cmp.Compare(a.seq, b.seq) })
	ran := 0
	for len(l.held) > 0 {
		if ran > 0 {
			// A stop that landed in the last job's JavaScript was used up
			// there if the job dropped that call's error (goja clears an
			// interrupt when the outermost call it ended returns), and the
			// watchdog interrupts once: the next job's callback would run
			// deaf to it.
			if err := l.stopped(); err != nil {
				l.heldErr = err
				return -1, 0
			}
		}
		j := l.held[0]
		if j.seq > oldest {
			if left := l.grace - time.Since(j.at); left > 0 {
				return ran, left
			}
		}
		l.held = l.held[1:]
		ran++
		if err := j.run(); err != nil {
			l.heldErr = err
			return -1, 0
		}
	}
	return ran, 0
}

// unhandled returns the reason of the first promise rejection nobody
// handled.
func (l *eventLoop) unhandled() (goja.Value, bool) {
	for _, p := range l.rejected {
		if p.State() == goja.PromiseStateRejected {
			return p.Result(), true
		}
	}
	return nil, false
}

// unhandledRejection ends a run whose loop has endOnUncaught set.
type unhandledRejection struct{ reason goja.Value }

func (unhandledRejection) Error() string { return "unhandled promise rejection" }

// forget takes a rejected promise off the unhandled list.
func (l *eventLoop) forget(p *goja.Promise) {
	l.rejected = slices.DeleteFunc(l.rejected, func(q *goja.Promise) bool { return q == p })
}

func (l *eventLoop) String() string { return fmt.Sprintf("loop(%d timers)", len(l.timers)) }
