package run

import (
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
		{"parallel run keeps every core", 4, "", 0},
		{"two workers keep every core", 2, "", 0},
		{"user's GOMAXPROCS wins", 1, "8", 0},
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
	waited := newScheduler(1, func(string) string { return "" }, func(n int) int {
		calls = append(calls, n)
		if n == 1 {
			close(done)
		}
		return 5
	})
	waited.narrowAfter(func() {})
	<-done
	waited.restore()
	assert.Equal(t, []int{1, 5}, calls)

	wide := newScheduler(4, func(string) string { return "" }, set)
	wide.narrow()
	wide.restore()
	assert.Equal(t, []int{1, 5}, calls, "four workers: the scheduler is left alone")
}
