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

// A server in this process (the local echo server, the local PingOne)
// needs a P to answer: workers never hold theirs waiting for it, whatever
// the number of workers.
func TestNoAwaitWithServersInProcess(t *testing.T) {
	t.Parallel()
	procs := runtime.GOMAXPROCS(0)
	for _, o := range []Options{
		{Parallel: 2, LocalEcho: true},
		{Parallel: procs, LocalEcho: true},
		{Parallel: 2, LocalPingOne: true},
		{Parallel: procs, LocalEcho: true, LocalPingOne: true},
	} {
		if got := New(o).awaitResponse(); got != 0 {
			t.Errorf("--parallel %d on %d Ps, local echo %v, local PingOne %v: wait %v, want 0",
				o.Parallel, procs, o.LocalEcho, o.LocalPingOne, got)
		}
	}
}
