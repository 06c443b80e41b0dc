package runner

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A run allocates quickly (every script builds JavaScript objects) while
// its live heap stays small (a few MB: the script engine and the
// collection). With Go's default GOGC=100 the collector then runs every
// couple of MB and costs a third of a scripted run's CPU. gcTune keeps
// at least gcHeadroom between the live heap and the next collection,
// which is what GOGC=100 already gives once the live heap reaches that
// size: small runs collect far less often, big ones are left as they are.
// The headroom is what peak memory pays for: 10 MB keeps the bench's peak
// RSS near 37 MB, under 40 (16 MB gave 42-44, 12 MB 39-41), for a few
// more collections, each cheap on a 3 MB live heap.
// Runs side by side (--parallel's workers) each allocate at that rate, so
// the headroom is per run in progress: with one run's headroom shared by
// two, the collector ran twice as often and took 7% of a 2-worker run's CPU
// (docs/performance.md), for 8 MB less peak RSS.
// A GOGC set in the environment is the user's choice and is left alone.
const (
	gcHeadroom   = 10 << 20
	gcMaxPercent = 800
)

var gcTune struct {
	sync.Mutex
	active  int  // runs in progress
	room    int  // the sum of their headroom, bytes
	saved   int  // percent before the first run raised it
	current int  // percent set by the tuner; 0 when not tuning
	off     bool // GOGC is set in the environment
}

// RaiseGC sets the collector's target to pct for a process's start-up
// (the command's, before any run: see cmd/root/startup.go) and returns the
// function that hands the target back. Hand-back and the runs' re-targets
// go through one lock, so they cannot undo each other: when a run has
// started meanwhile, its target stays, and the target it puts back when the
// last run ends becomes the one from before the start-up's raise (without
// that, the run's end would restore pct for the rest of the process, and a
// hand-back that read the run's target as pct would drop it).
func RaiseGC(pct int) (handBack func()) {
	gcTune.Lock()
	before := debug.SetGCPercent(pct)
	gcTune.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			gcTune.Lock()
			defer gcTune.Unlock()
			if gcTune.active > 0 && !gcTune.off {
				gcTune.saved = before
				return
			}
			debug.SetGCPercent(before)
		})
	}
}

// gcRunStart marks a run with this much headroom (0: gcHeadroom) as
// started; call gcRunEnd with the same when it is over.
func gcRunStart(headroom int) {
	gcTune.Lock()
	defer gcTune.Unlock()
	gcTune.room += runHeadroom(headroom)
	if gcTune.active++; gcTune.active > 1 {
		gcAdjustLocked() // one more run's headroom
		return
	}
	if _, set := os.LookupEnv("GOGC"); set {
		gcTune.off = true
		return
	}
	gcTune.off = false
	// One step to the target: passing through 100 on the way (to read
	// the saved value) would start a collection at once on a start-up
	// heap past 4 MB.
	pct := gcTargetPercent()
	gcTune.saved = debug.SetGCPercent(pct)
	gcTune.current = pct
}

func gcRunEnd(headroom int) {
	gcTune.Lock()
	defer gcTune.Unlock()
	gcTune.room -= runHeadroom(headroom)
	if gcTune.active--; gcTune.active > 0 || gcTune.off {
		gcAdjustLocked()
		return
	}
	debug.SetGCPercent(gcTune.saved)
	gcTune.current = 0
}

// gcAdjust re-targets the collector for the current live heap; cheap
// enough to call once per iteration.
func gcAdjust() {
	gcTune.Lock()
	defer gcTune.Unlock()
	gcAdjustLocked()
}

var liveHeapSample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

func gcAdjustLocked() {
	if gcTune.off || gcTune.current == 0 {
		return
	}
	pct := gcTargetPercent()
	// Only notable changes are applied: each one re-plans the collector.
	if d := pct - gcTune.current; d > gcTune.current/4 || -d > gcTune.current/4 {
		debug.SetGCPercent(pct)
		gcTune.current = pct
	}
}

func runHeadroom(h int) int {
	if h <= 0 {
		return gcHeadroom
	}
	return h
}

// gcTargetPercent is the GOGC that keeps the runs' headroom (gcHeadroom
// each, unless they asked for more) between the live heap and the next
// collection.
func gcTargetPercent() int {
	metrics.Read(liveHeapSample)
	live := 4 << 20 // before the first collection: Go's minimum heap
	if s := liveHeapSample[0].Value; s.Kind() == metrics.KindUint64 && s.Uint64() > uint64(live) {
		live = int(s.Uint64())
	}
	return min(max(gcTune.room*100/live, 100), gcMaxPercent)
}
