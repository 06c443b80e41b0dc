package runner

import (
	"math/rand/v2"
	"testing"
	"time"
)

// Merging the statistics of two halves gives those of the whole, so a
// parallel or sharded run reports the same timings as one run would.
func TestDurationStatsMerge(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	var whole, a, b durationStats
	for i := range 1000 {
		x := time.Duration(rng.IntN(500_000_000))
		whole.add(x)
		if i%3 == 0 {
			a.add(x)
		} else {
			b.add(x)
		}
	}
	var empty durationStats
	a.merge(b)
	a.merge(empty)
	w, m := whole.spread(), a.spread()
	near := func(x, y time.Duration) bool { d := x - y; return d > -time.Microsecond && d < time.Microsecond }
	if !near(w.Avg, m.Avg) || !near(w.SD, m.SD) || w.Min != m.Min || w.Max != m.Max || a.n != whole.n {
		t.Errorf("merged %+v (n %d), want %+v (n %d)", m, a.n, w, whole.n)
	}
	empty.merge(whole)
	if empty.spread() != w {
		t.Errorf("merge into empty: %+v, want %+v", empty.spread(), w)
	}
}

// TestDurationStatsAsNewman: the timings fold each response time in as
// Newman 6.2.2's summary does (lib/run/summary.js, attachRequestTracker):
// the divisor counts every request so far, failed ones (nil here) and ones
// whose time is 0 too, and a 0 is left out of the figures. The wants are
// what Newman's own RunSummary gave for these sequences of request events.
func TestDurationStatsAsNewman(t *testing.T) {
	t.Parallel()
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	tests := []struct {
		name              string
		seq               []any // int ms, or nil for a failed request
		avg, min, max, sd float64
	}{
		{"failed then answered", []any{nil, 63}, 31.5, 63, 63, 31.5},
		{"mixed", []any{10, nil, 30, 0, 20}, 17.333333333333336, 10, 30, 8.537498983243797},
		{"zeros first", []any{0, 0, 5, 7}, 3, 5, 7, 3.082207001484488},
		{"plain", []any{2, 4, 4, 4, 5, 5, 7, 9}, 5, 2, 9, 2},
		{"failures last", []any{12, 8, nil, nil}, 10, 8, 12, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var d durationStats
			for i, x := range tt.seq {
				if v, ok := x.(int); ok {
					d.addAt(time.Duration(v)*time.Millisecond, i+1)
				}
			}
			got := d.spread()
			near := func(a, b time.Duration) bool { return a-b < time.Microsecond && b-a < time.Microsecond }
			if !near(got.Avg, ms(tt.avg)) || got.Min != ms(tt.min) || got.Max != ms(tt.max) || !near(got.SD, ms(tt.sd)) {
				t.Errorf("got %+v, want avg %v min %v max %v sd %v (Newman)", got, tt.avg, tt.min, tt.max, tt.sd)
			}
		})
	}
}

// add folds x in as the next request's time (the tests' shorthand: the
// runner always says which request a time is, addAt).
func (d *durationStats) add(x time.Duration) { d.addAt(x, d.n+1) }
