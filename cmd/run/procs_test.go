package run

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// simulate runs a tuner for windows windows against a run whose requests
// per window depend on its P count as rate says, and returns how many
// windows it spent at each P count.
func simulate(max, windows int, rate func(p, window int) float64) map[int]int {
	t := newProcTuner(max)
	p := 1
	at := map[int]int{}
	for w := range windows {
		at[p]++
		if n := t.step(int64(rate(p, w)), tuneWindow); n > 0 {
			p = n
		}
	}
	return at
}

// swing is a machine load that changes every few windows.
func swing(w int) float64 { return []float64{1, 0.6, 1.4, 0.8, 1.2, 0.7, 1.3}[(w/3)%7] }

// The tuner ends where the run is fastest, preferring fewer Ps when more
// give little or nothing, and spends little time trying the others.
func TestProcTunerFindsTheFastestPCount(t *testing.T) {
	t.Parallel()
	// noise is a fixed ±4% wobble, as a shared machine gives.
	noise := func(w int) float64 { return 1 + 0.04*float64((w*7)%5-2)/2 }
	for _, tt := range []struct {
		name string
		max  int
		rate func(p, w int) float64
		want int // the P count most windows should run at
	}{
		{"scripts keep every P busy", 4, func(p, w int) float64 { return 100 * float64(p) }, 4},
		{"the network is the limit", 4, func(p, w int) float64 { return 100 }, 1},
		{"the network is the limit, noisily", 2, func(p, w int) float64 { return 100 * noise(w) }, 1},
		{"a second P costs more than it gives (a local server)", 2, func(p, w int) float64 { return []float64{0, 100, 85}[p] }, 1},
		{"a gain under 5% is not worth a P", 2, func(p, w int) float64 { return []float64{0, 100, 104}[p] }, 1},
		{"a gain over 5% is", 2, func(p, w int) float64 { return []float64{0, 100, 108}[p] }, 2},
		{"two is best", 4, func(p, w int) float64 { return []float64{0, 100, 160, 150, 140}[p] }, 2},
		// The machine's other load swings the rate by ±40% over a few
		// windows at a time; the setting's own effect still decides.
		{"a second P costs, under swinging load", 2, func(p, w int) float64 { return swing(w) * []float64{0, 100, 85}[p] }, 1},
		{"a second P pays, under swinging load", 2, func(p, w int) float64 { return swing(w) * []float64{0, 100, 130}[p] }, 2},
		{"one core", 1, func(p, w int) float64 { return 100 * float64(p) }, 1},
		// a request or two a window: rates are measured over more windows
		{"slow scripts keep every P busy", 2, func(p, w int) float64 { return float64(p * (1 + w%3)) }, 2},
		{"slow requests, one P enough", 2, func(p, w int) float64 { return float64(1 + w%3/2) }, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			const windows = 2000
			at := simulate(tt.max, windows, tt.rate)
			assert.GreaterOrEqual(t, at[tt.want], windows*4/5, "windows per P count: %v", at)
			for p := range at {
				assert.LessOrEqual(t, p, tt.max, "never more Ps than the run may use")
			}
		})
	}
}

// A short run is over before the first probe: it keeps one P, as a
// sequential run does.
func TestProcTunerWaitsBeforeItsFirstProbe(t *testing.T) {
	t.Parallel()
	at := simulate(2, tuneFirst, func(p, w int) float64 { return 100 * float64(p) })
	assert.Equal(t, map[int]int{1: tuneFirst}, at)
}

// The scheduler of a parallel run narrows to one P, lets the tuner change
// it while the run goes, and restores the previous setting at the end,
// stopping the tuner first.
func TestSchedulerTunesAParallelRun(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var calls []int
	cur := 0
	set := func(n int) int {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, n)
		prev := cur
		cur = n
		return prev
	}
	var done atomic.Int64
	s := newScheduler(4, func(string) string { return "" }, set, done.Load)
	ticks := make(chan time.Time)
	stopped := make(chan struct{})
	s.ticks = func() (<-chan time.Time, func()) { return ticks, func() { close(stopped) } }
	mu.Lock()
	cur = 7 // what GOMAXPROCS was before the run
	mu.Unlock()
	s.narrow()
	// Requests scale with Ps: the tuner should climb to the most it may.
	for range 200 {
		mu.Lock()
		p := cur
		mu.Unlock()
		done.Add(int64(100 * p))
		ticks <- time.Time{} // unbuffered: the tuner has taken the tick
	}
	s.restore()
	<-stopped
	mu.Lock()
	defer mu.Unlock()
	max := maxProcsFor(4)
	assert.Equal(t, 1, calls[0], "narrowed to one P first")
	if max > 1 {
		assert.Contains(t, calls, max, "tuned up to one P per worker and core")
	}
	assert.Equal(t, 7, calls[len(calls)-1], "the previous setting is back")
	assert.Equal(t, 7, cur)
}

// Probes go on, less often, so a run whose scripts turn heavy later gets
// more Ps then.
func TestProcTunerFollowsAChange(t *testing.T) {
	t.Parallel()
	const change, windows = 1000, 3000
	t2 := newProcTuner(2)
	p := 1
	late := map[int]int{}
	for w := range windows {
		rate := 100.0
		if w >= change {
			rate *= float64(p)
		}
		if w >= windows-500 {
			late[p]++
		}
		if n := t2.step(int64(rate), tuneWindow); n > 0 {
			p = n
		}
	}
	assert.GreaterOrEqual(t, late[2], 450, "the last windows per P count: %v", late)
}

// Ticks come late on a busy machine: a window that lasted twice as long
// and saw twice the requests is not a faster one.
func TestProcTunerUsesTheTimeEachWindowTook(t *testing.T) {
	t.Parallel()
	tu := newProcTuner(2)
	p := 1
	at := map[int]int{}
	for range 2000 {
		at[p]++
		took := tuneWindow * time.Duration(p) // the windows at 2 Ps run long
		if n := tu.step(int64(100*p), took); n > 0 {
			p = n
		}
	}
	assert.GreaterOrEqual(t, at[1], 1600, "windows per P count: %v", at)
}
