package root

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

func TestHasFlag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"run", "c.json"}, false},
		{[]string{"run", "c.json", "--memprofile", "m.pprof"}, true},
		{[]string{"run", "c.json", "--memprofile=m.pprof"}, true},
		{[]string{"run", "-memprofile", "m.pprof", "c.json"}, true},
		{[]string{"run", "c.json", "--memprofiles"}, false},
		{[]string{"run", "c.json", "--", "--memprofile"}, false}, // an argument, not a flag
		{[]string{"run", "memprofile"}, false},
	} {
		if got := hasFlag(tc.args, "memprofile"); got != tc.want {
			t.Errorf("hasFlag(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestStartupMemory: a run starts with the raised collector target and
// without heap profiling, unless GOGC is set or --memprofile asks for the
// profile. Not parallel: it sets process-wide state (and restores it).
func TestStartupMemory(t *testing.T) {
	gc := debug.SetGCPercent(100)
	rate := runtime.MemProfileRate
	t.Cleanup(func() { debug.SetGCPercent(gc); runtime.MemProfileRate = rate })
	noEnv := func(string) (string, bool) { return "", false }
	withGOGC := func(k string) (string, bool) { return "50", k == "GOGC" }

	startupMemory([]string{"run", "c.json"}, noEnv)
	gogc := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	if metrics.Read(gogc); gogc[0].Value.Uint64() != startupGOGC {
		t.Errorf("GOGC during start-up = %d, want %d", gogc[0].Value.Uint64(), startupGOGC)
	}
	// The first collection puts the target back (its finalizer runs on
	// another goroutine: poll, a bounded number of times).
	restored := false
	for range 1000 {
		runtime.GC()
		if metrics.Read(gogc); gogc[0].Value.Uint64() == 100 {
			restored = true
			break
		}
		runtime.Gosched()
	}
	if !restored {
		t.Errorf("GOGC still raised after collections")
	}
	if runtime.MemProfileRate != 0 {
		t.Errorf("MemProfileRate = %d, want 0 without --memprofile", runtime.MemProfileRate)
	}

	runtime.MemProfileRate = rate
	startupMemory([]string{"run", "c.json", "--memprofile", "m.pprof"}, withGOGC)
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GOGC set in the environment: start-up changed the target to %d", p)
	}
	if runtime.MemProfileRate != rate {
		t.Errorf("MemProfileRate = %d with --memprofile, want %d", runtime.MemProfileRate, rate)
	}
}
