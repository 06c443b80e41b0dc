package suite

import (
	"runtime"
	"testing"
	"time"
)

// A parallel run's workers wait for answers on their own threads only
// while the suite has no more runs going at once than there are Ps; a
// sequential run never does. Collections side by side each get part of the
// workers (launch's copy of the suite): the whole suite's count decides.
func TestAwaitResponseOnlyWithAPPerRun(t *testing.T) {
	t.Parallel()
	procs := runtime.GOMAXPROCS(0)
	type run struct {
		parallel int
		want     time.Duration
	}
	cases := []run{{0, 0}, {1, 0}, {procs + 1, 0}, {4 * procs, 0}}
	if procs >= 2 {
		cases = append(cases, run{2, awaitWindow}, run{procs, awaitWindow})
	}
	for _, tc := range cases {
		s := New(Options{Parallel: tc.parallel})
		if got := s.awaitResponse(); got != tc.want {
			t.Errorf("--parallel %d on %d Ps: wait %v, want %v", tc.parallel, procs, got, tc.want)
		}
		inner := *s // as launch makes for collections side by side
		inner.o.Parallel = 1
		if got := inner.awaitResponse(); got != tc.want {
			t.Errorf("--parallel %d on %d Ps, a collection's share of the workers: wait %v, want %v", tc.parallel, procs, got, tc.want)
		}
	}
}
