package run

import (
	"fmt"
	"runtime"
	"time"
)

// A parallel run's GOMAXPROCS is measured, not guessed. Each extra P costs
// CPU: the workers and the goroutines serving them hand off to each other
// during every request, and with an idle P at hand each hand-off wakes a
// thread that spins and sleeps again (15-45% more CPU a request on the
// bench). That CPU is wasted when the workers mostly wait on the network,
// and it is taken from the server when the server shares the machine. But
// when scripts keep the workers busy, one P caps the run at one core. So a
// parallel run starts on one P, as a sequential run does, and procTuner
// tries one more (up to one per worker and core) or one fewer from time to
// time, keeping a change only when it pays: more Ps must give clearly more
// requests a second, fewer must give about as many.
//
// A trial alternates the two settings window by window and compares their
// totals, so that what else the machine does in the meantime (a build, a
// test run) weighs on both sides alike instead of deciding the trial.

const (
	tuneWindow   = 50 * time.Millisecond // one tick of the tuner
	tunePairs    = 3                     // windows on each side of a trial, at least,
	tuneMinCount = 20                    // and requests on each side, at least,
	tuneMaxPairs = 20                    // unless that takes more windows than this
	tuneFirst    = 8                     // windows before the first trial
	tuneHold     = 8                     // windows between trials, doubling
	tuneMaxHold  = 160                   // after each trial that did not pay, up to this
	tuneUpGain   = 1.05                  // more Ps must give 5% more
	tuneDownKeep = 0.97                  // fewer Ps may give 3% less
)

// procTuner decides, window by window, how many Ps the run gets. It is
// plain state: the caller feeds it the requests each window completed and
// applies what it returns.
type procTuner struct {
	max, cur int
	// trying is the P count on trial, 0 when none is; during a trial, even
	// phases run at trying and odd ones at cur.
	trying int
	phase  int
	tried  [2]int64         // requests done at trying and at cur, over the trial
	spent  [2]time.Duration // and the time each side had (ticks can come late)
	hold   int              // windows before the next trial
	wait   int              // the hold after the next trial (doubles while trials fail)
	// windows counts the windows seen, to wait tuneFirst before a trial.
	windows int
	// upFailed says the last try with more Ps did not pay: try fewer (or
	// wait) next, so a machine without spare cores is not tried forever.
	upFailed bool
	note     string // the latest decision, for tracing
}

// newProcTuner starts at one P, and waits a while before its first trial:
// a short run is over before more Ps could pay for their start.
func newProcTuner(max int) *procTuner {
	return &procTuner{max: max, cur: 1, wait: tuneHold}
}

// step takes the requests completed in the window just ended and how long
// it lasted, and returns the GOMAXPROCS for the next one (0: leave it as it
// is).
func (t *procTuner) step(done int64, took time.Duration) int {
	t.windows++
	if t.trying == 0 {
		return t.start()
	}
	t.tried[t.phase%2] += done
	t.spent[t.phase%2] += took
	t.phase++
	windows := t.phase / 2
	if t.phase%2 == 1 || windows < tunePairs || (min(t.tried[0], t.tried[1]) < tuneMinCount && windows < tuneMaxPairs) {
		if t.phase%2 == 0 {
			return t.trying
		}
		return t.cur
	}
	rate := func(i int) float64 { return float64(t.tried[i]) / max(t.spent[i].Seconds(), 1e-9) }
	return t.decide(rate(0), rate(1))
}

// start begins a trial when it is time for one.
func (t *procTuner) start() int {
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
	t.phase, t.tried, t.spent = 0, [2]int64{}, [2]time.Duration{}
	t.note = fmt.Sprintf("trying %d against %d", t.trying, t.cur)
	return t.trying
}

// decide ends a trial (its last window ran at cur), given the requests a
// second at each side: keep the tried P count if it paid, else stay.
func (t *procTuner) decide(atTrying, atCur float64) int {
	tried := t.trying
	t.trying = 0
	up := tried > t.cur
	paid := (up && atTrying > atCur*tuneUpGain) || (!up && atTrying >= atCur*tuneDownKeep)
	if paid {
		t.note = fmt.Sprintf("keeping %d (%.0f requests/s, against %.0f at %d)", tried, atTrying, atCur, t.cur)
		t.cur = tried
		t.upFailed = false
		t.hold, t.wait = tuneHold, tuneHold
		if up && t.cur < t.max {
			t.hold = 0 // one more may pay too
		}
		return t.cur
	}
	// The run is where it should be: try less and less often.
	t.note = fmt.Sprintf("staying at %d (%.0f requests/s, against %.0f at %d)", t.cur, atCur, atTrying, tried)
	t.hold, t.wait = t.wait, min(2*t.wait, tuneMaxHold)
	t.upFailed = up
	return 0
}

// tuneProcs runs t until stop is closed: every tick it reads how many
// requests are done so far and applies t's decision through set. trace,
// if not nil, hears of every change (COURIER_TRACE_PROCS).
func tuneProcs(t *procTuner, ticks <-chan time.Time, stop <-chan struct{}, done func() int64, set func(int) int, trace func(string, ...any)) {
	last, lastAt := done(), time.Now()
	for {
		select {
		case <-stop:
			return
		case <-ticks:
		}
		now, at := done(), time.Now()
		t.note = ""
		if n := t.step(now-last, at.Sub(lastAt)); n > 0 {
			set(n)
		}
		if trace != nil && t.note != "" {
			trace("courier: GOMAXPROCS: %s\n", t.note)
		}
		last, lastAt = now, at
	}
}

// maxProcsFor is the most Ps a run with this many workers may use.
func maxProcsFor(workers int) int { return min(workers, runtime.NumCPU()) }
