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
	restored := 0
	set := func(n int) int { restored = n; return 5 }
	undo := narrowScheduler(1, env(""), set)
	assert.Equal(t, 1, restored)
	undo()
	assert.Equal(t, 5, restored, "the previous setting comes back")
	assert.NotPanics(t, narrowScheduler(1, env(""), nil), "no setter: nothing to change")
}
