package root

import (
	"runtime"
	"strings"

	"github.com/courier-run/courier/runner"
)

// startupGOGC is the collector's target while a run starts. Start-up
// allocates about 10 MB (most of it compiling the sandbox's bootstrap, whose
// result stays live), and Go's first collection comes at a 4 MB heap: it
// marks on the second core while the compile needs it (~3 ms of CPU by
// gctrace; without it a one-request run took ~1 ms less CPU and ~2 ms less
// wall time at the median) and frees almost nothing the run then reuses.
// At 400 the first collection waits for a 16 MB heap. That first collection
// puts the process's target back (afterFirstGC): at 400 a large live heap,
// such as a big data file being loaded, could grow to five times its size.
// The runner re-targets the collector as it starts (runner/gc.go), so
// longer runs are unchanged.
const startupGOGC = 400

// startupMemory sets the memory policy for a run's start-up: the collector's
// target (unless GOGC is set: the user's choice) and no heap profiling
// unless --memprofile asks for it (each sampled allocation records its
// stack, into tables that are fresh memory).
func startupMemory(args []string, lookupEnv func(string) (string, bool)) {
	if _, set := lookupEnv("GOGC"); !set {
		// The runner hands it back: a run started meanwhile has its own
		// target, which the hand-back must neither overwrite nor outlive.
		afterFirstGC(runner.RaiseGC(startupGOGC))
	}
	if !hasFlag(args, "memprofile") {
		runtime.MemProfileRate = 0
	}
}

// hasFlag reports whether args carry --name (or -name), with its value
// attached or not.
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		a = strings.TrimLeft(a, "-")
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}

// gcSentinel is garbage from the start: its finalizer runs once the next
// collection has found it unreachable. (It holds a pointer: the tiny
// allocator batches small pointer-free objects, whose finalizers may never
// run.)
type gcSentinel struct{ _ *int }

// afterFirstGC calls f on the finalizer goroutine after the next
// collection.
func afterFirstGC(f func()) {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) { f() })
}
