package runner

import (
	"testing"
	"time"
)

// The defaults a zero Options gets, and how the command line's explicit 0
// (passed as -1) lifts them.
func TestLimitDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		o          Options
		script     time.Duration
		maxRespose int64
	}{
		{Options{}, 30 * time.Second, 256 << 20},
		{Options{TimeoutScript: -1, MaxResponseSize: -1}, 0, 0},
		{Options{TimeoutScript: time.Second, MaxResponseSize: 1 << 20}, time.Second, 1 << 20},
	}
	for _, tc := range tests {
		if got := tc.o.scriptTimeout(); got != tc.script {
			t.Errorf("%+v: script timeout %v, want %v", tc.o, got, tc.script)
		}
		if got := tc.o.maxResponseSize(); got != tc.maxRespose {
			t.Errorf("%+v: max response %d, want %d", tc.o, got, tc.maxRespose)
		}
	}
}
