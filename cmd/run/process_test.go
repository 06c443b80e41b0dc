package run

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestProcsFor(t *testing.T) {
	t.Parallel()
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "GOMAXPROCS" {
				return v
			}
			return ""
		}
	}
	for _, tt := range []struct {
		name    string
		workers int
		env     string
		want    int
	}{
		{"sequential run gets one P", 1, "", 1},
		{"parallel run gets one P per worker", 2, "", min(2, runtime.NumCPU())},
		{"up to one per core", 4096, "", runtime.NumCPU()},
		{"user's GOMAXPROCS wins", 1, "8", 0},
		{"user's GOMAXPROCS wins in a parallel run", 4, "2", 0},
	} {
		assert.Equal(t, tt.want, procsFor(tt.workers, env(tt.env)), tt.name)
	}
}

func TestSchedulerNarrowsThenRestores(t *testing.T) {
	t.Parallel()
	var calls []int
	set := func(n int) int { calls = append(calls, n); return 5 }
	s := newScheduler(1, func(string) string { return "" }, set)
	s.narrow()
	s.narrow() // once only
	s.restore()
	assert.Equal(t, []int{1, 5}, calls, "narrowed to one P, then the previous setting back")

	calls = nil
	late := newScheduler(1, func(string) string { return "" }, set)
	late.restore()
	late.narrow() // the run ended before its start-up did: nothing to narrow
	assert.Empty(t, calls)

	done := make(chan struct{})
	waited := newScheduler(1, func(string) string { return "" }, nil)
	waited.set = func(n int) int {
		calls = append(calls, n)
		if n == 1 {
			close(done)
		}
		return 5
	}
	waited.narrowAfter(func() {})
	<-done
	waited.restore()
	assert.Equal(t, []int{1, 5}, calls)

	calls = nil
	user := newScheduler(4, func(string) string { return "3" }, set)
	user.narrow()
	user.restore()
	assert.Empty(t, calls, "the user's GOMAXPROCS: the scheduler is left alone")
}
