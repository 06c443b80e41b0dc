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
