package run

import (
	"fmt"
	"runtime"
	"time"
)

// A parallel run's GOMAXPROCS is measured, not guessed. Each extra P costs
// CPU: the HTTP transport's goroutines and the workers hand off to each
// other several times a request, and with an idle P at hand every hand-off
// wakes a thread that spins and sleeps again (about a quarter more CPU a
// request on the bench). That CPU is wasted when the workers mostly wait on
// the network, and it is taken from the server when the server shares the
// machine. But when scripts keep the workers busy, one P caps the run at one
// core. So a parallel run starts on one P, as a sequential run does, and
// procTuner tries one more (up to one per worker and core) and one fewer
// from time to time, keeping a change only when it pays: more Ps must give
// clearly more requests a second, fewer must give about as many.

const (
	tuneWindow   = 50 * time.Millisecond // one tick of the tuner
	tuneMeasure  = 2                     // windows averaged per rate, at least
	tuneMinCount = 20                    // requests a rate is measured over, at least,
	tuneMaxSpan  = 40                    // unless that takes more windows than this
	tuneSettle   = 1                     // windows ignored after a change
	tuneFirst    = 8                     // windows before the first probe
	tuneHold     = 10                    // rates measured between later probes, doubling
	tuneMaxHold  = 80                    // after each probe that did not pay, up to this
	tuneUpGain   = 1.10                  // more Ps must give 10% more
	tuneDownKeep = 0.95                  // fewer Ps may give 5% less
)

// procTuner decides, window by window, how many Ps the run gets. It is
// plain state: the caller feeds it the requests each window completed and
// applies what it returns.
type procTuner struct {
	max, cur int
	// base is the rate (requests a window) measured at cur, 0 until known.
	base float64
	// trying is the P count on trial, 0 when none is.
	trying int
	skip   int // windows to ignore (after a change)
	hold   int // rates to measure before the next probe
	wait   int // the hold after the next probe (doubles while probes fail)
	// windows counts the windows seen, to wait tuneFirst before probing.
	windows int
	sum     int64
	n       int
	// upFailed says the last try with more Ps did not pay: probe down (or
	// wait) next, so a machine without spare cores is not probed forever.
	upFailed bool
	note     string // the latest decision, for tracing
}

// newProcTuner starts at one P, and waits a while before its first probe:
// a short run is over before more Ps could pay for their start.
func newProcTuner(max int) *procTuner {
	return &procTuner{max: max, cur: 1, skip: tuneSettle, wait: tuneHold}
}

// step takes the requests completed in the window just ended and returns
// the GOMAXPROCS for the next one (0: leave it as it is).
func (t *procTuner) step(done int64) int {
	t.windows++
	if t.skip > 0 {
		t.skip--
		return 0
	}
	t.sum += done
	t.n++
	if t.n < tuneMeasure || (t.sum < tuneMinCount && t.n < tuneMaxSpan) {
		return 0 // a few requests more or less would decide
	}
	rate := float64(t.sum) / float64(t.n)
	t.sum, t.n = 0, 0
	if t.trying != 0 {
		return t.decide(rate)
	}
	t.base = rate
	if t.hold > 0 {
		t.hold--
		return 0
	}
	if t.windows < tuneFirst {
		return 0
	}
	switch {
	case t.cur < t.max && !t.upFailed:
		t.trying = t.cur + 1
	case t.cur > 1:
		t.trying = t.cur - 1
	default:
		t.upFailed = false // nothing to try now; more Ps may pay later
		t.hold = t.wait
		return 0
	}
	t.skip = tuneSettle
	t.note = fmt.Sprintf("trying %d (%.0f requests/s at %d)", t.trying, perSecond(rate), t.cur)
	return t.trying
}

func perSecond(perWindow float64) float64 { return perWindow * float64(time.Second/tuneWindow) }

// decide ends a trial: keep the tried P count if it paid, else go back.
func (t *procTuner) decide(rate float64) int {
	tried, before := t.trying, t.base
	t.trying = 0
	up := tried > t.cur
	paid := (up && rate > t.base*tuneUpGain) || (!up && rate >= t.base*tuneDownKeep)
	if paid {
		t.cur, t.base = tried, rate
		t.upFailed = false
		t.hold, t.wait = tuneHold, tuneHold
		if up && t.cur < t.max {
			t.hold = 0 // one more may pay too
		}
		t.note = fmt.Sprintf("keeping %d (%.0f requests/s, against %.0f)", t.cur, perSecond(rate), perSecond(before))
		return 0
	}
	// The run is where it should be: probe less and less often.
	t.hold, t.wait = t.wait, min(2*t.wait, tuneMaxHold)
	t.upFailed = up
	t.skip = tuneSettle
	t.note = fmt.Sprintf("back to %d (%.0f requests/s at %d, against %.0f)", t.cur, perSecond(rate), tried, perSecond(before))
	return t.cur
}

// tuneProcs runs t until stop is closed: every tick it reads how many
// requests are done so far and applies t's decision through set. trace,
// if not nil, hears of every change (COURIER_TRACE_PROCS).
func tuneProcs(t *procTuner, ticks <-chan time.Time, stop <-chan struct{}, done func() int64, set func(int) int, trace func(string, ...any)) {
	last := done()
	for {
		select {
		case <-stop:
			return
		case <-ticks:
		}
		now := done()
		t.note = ""
		if n := t.step(now - last); n > 0 {
			set(n)
		}
		if trace != nil && t.note != "" {
			trace("courier: GOMAXPROCS: %s\n", t.note)
		}
		last = now
	}
}

// maxProcsFor is the most Ps a run with this many workers may use.
func maxProcsFor(workers int) int { return min(workers, runtime.NumCPU()) }
