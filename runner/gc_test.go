package runner

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestGCTuner checks that a run raises the collector's target for a small
// live heap, that nested runs share it, and that the last run to end
// restores the process's setting. Not parallel: it reads process state.
func TestGCTuner(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set: the tuner leaves it alone")
	}
	before := debug.SetGCPercent(137)
	defer debug.SetGCPercent(before)

	gcRunStart()
	raised := debug.SetGCPercent(-1)
	debug.SetGCPercent(raised)
	if raised <= 137 || raised > gcMaxPercent {
		t.Fatalf("during a run GOGC is %d, want a raised target in (137, %d]", raised, gcMaxPercent)
	}
	gcRunStart() // a second, concurrent run: its own headroom on top
	both := debug.SetGCPercent(-1)
	debug.SetGCPercent(both)
	// (unless the live heap already outgrew one run's headroom: then GOGC
	// is at its floor and two runs' headroom may not lift it either)
	if want := min(2*raised, gcMaxPercent); raised > 100 && both < want*3/4 {
		t.Fatalf("with two runs GOGC is %d, want about %d (twice one run's headroom)", both, want)
	}
	gcRunEnd()
	if p := debug.SetGCPercent(-1); p != raised {
		debug.SetGCPercent(p)
		t.Fatalf("after the inner run ended GOGC is %d, want %d while a run is active", p, raised)
	} else {
		debug.SetGCPercent(p)
	}
	gcRunEnd()
	if p := debug.SetGCPercent(137); p != 137 {
		t.Fatalf("after the last run GOGC is %d, want the saved 137", p)
	}
}
