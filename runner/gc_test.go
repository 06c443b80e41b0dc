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

	gcRunStart(0)
	raised := debug.SetGCPercent(-1)
	debug.SetGCPercent(raised)
	if raised <= 137 || raised > gcMaxPercent {
		t.Fatalf("during a run GOGC is %d, want a raised target in (137, %d]", raised, gcMaxPercent)
	}
	gcRunStart(0) // a second, concurrent run: its own headroom on top
	both := debug.SetGCPercent(-1)
	debug.SetGCPercent(both)
	// (unless the live heap already outgrew one run's headroom: then GOGC
	// is at its floor and two runs' headroom may not lift it either)
	if want := min(2*raised, gcMaxPercent); raised > 100 && both < want*3/4 {
		t.Fatalf("with two runs GOGC is %d, want about %d (twice one run's headroom)", both, want)
	}
	gcRunEnd(0)
	if p := debug.SetGCPercent(-1); p != raised {
		debug.SetGCPercent(p)
		t.Fatalf("after the inner run ended GOGC is %d, want %d while a run is active", p, raised)
	} else {
		debug.SetGCPercent(p)
	}
	gcRunEnd(0)
	if p := debug.SetGCPercent(137); p != 137 {
		t.Fatalf("after the last run GOGC is %d, want the saved 137", p)
	}
}

// TestStartupRaiseLeavesARunsTarget: the start-up's raised target is
// handed back after a run has started (the first collection comes
// whenever the heap gets there). The hand-back must not overwrite the
// run's own target, even one equal to the start-up's, and the end of the
// run must put back the process's setting from before the start-up, not
// the start-up's. Not parallel: it reads process state.
func TestStartupRaiseLeavesARunsTarget(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set: the tuner leaves it alone")
	}
	const startup = 400
	gogc := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	for _, tc := range []struct {
		name string
		// retarget makes the run's target the start-up's, as a live heap
		// of headroom*runs/4 does; otherwise the run keeps its own.
		retarget bool
	}{{"run's own target", false}, {"run's target equal to the start-up's", true}} {
		t.Run(tc.name, func(t *testing.T) {
			before := debug.SetGCPercent(137)
			defer debug.SetGCPercent(before)

			handBack := RaiseGC(startup)
			if p := gogc(); p != startup {
				t.Fatalf("during start-up GOGC is %d, want %d", p, startup)
			}
			gcRunStart(0)
			if tc.retarget {
				gcTune.Lock()
				debug.SetGCPercent(startup)
				gcTune.current = startup
				gcTune.Unlock()
			}
			want := gogc()
			handBack()
			if p := gogc(); p != want {
				t.Errorf("after the start-up's hand-back GOGC is %d, want the run's %d", p, want)
			}
			gcRunEnd(0)
			if p := gogc(); p != 137 {
				t.Errorf("after the run GOGC is %d, want the process's 137", p)
			}
		})
	}
}

// TestStartupRaiseWithoutARun: with no run started, the hand-back puts the
// previous target back; a second call changes nothing.
func TestStartupRaiseWithoutARun(t *testing.T) {
	before := debug.SetGCPercent(137)
	defer debug.SetGCPercent(before)
	handBack := RaiseGC(400)
	handBack()
	if p := debug.SetGCPercent(90); p != 137 {
		t.Fatalf("after the hand-back GOGC is %d, want 137", p)
	}
	handBack()
	if p := debug.SetGCPercent(137); p != 90 {
		t.Fatalf("a second hand-back set GOGC to %d", p)
	}
}

// TestGCHeadroomPerRun: a run asking for more headroom than the default
// raises the target in proportion (up to the cap), and gives it back when
// it ends. Not parallel: it reads process state.
func TestGCHeadroomPerRun(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set: the tuner leaves it alone")
	}
	before := debug.SetGCPercent(137)
	defer debug.SetGCPercent(before)
	gogc := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }

	gcRunStart(0)
	one := gogc()
	gcRunEnd(0)
	gcRunStart(3 * gcHeadroom)
	big := gogc()
	gcRunEnd(3 * gcHeadroom)
	if want := min(3*one, gcMaxPercent); one > 100 && big < want*3/4 {
		t.Errorf("a run with three times the headroom: GOGC %d, want about %d (one run's %d)", big, want, one)
	}
	if p := gogc(); p != 137 {
		t.Errorf("after the runs GOGC is %d, want the saved 137", p)
	}
}
