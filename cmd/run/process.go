package run

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"runtime/pprof"
	"sync"

	"github.com/courier-run/courier/environments"
)

// procsFor is the GOMAXPROCS a run with this many workers runs on, or 0 to
// leave the scheduler alone. A sequential run has one request or script in
// flight at a time: with more Ps, Go wakes the transport's and the
// script's goroutines on other cores and spins looking for work, which
// cost a quarter of the CPU and a seventh of the wall time on the bench
// (docs/performance.md). A parallel run gets one P per worker, up to one
// per core: with fewer, scripts that keep the workers busy are held to
// fewer cores than the user asked for (a CPU-bound 2-worker run went 1.06x
// as fast as a sequential one on one P, 1.85x on two). A GOMAXPROCS the
// user set is theirs.
func procsFor(workers int, env func(string) string) int {
	if env("GOMAXPROCS") != "" {
		return 0
	}
	return max(min(workers, runtime.NumCPU()), 1)
}

// scheduler applies procsFor through set (runtime.GOMAXPROCS in the
// command, nil in tests: a test binary's scheduler is not the run's to
// change). It narrows once the run's start-up is over (see narrowAfter);
// restore undoes it, whichever comes first.
type scheduler struct {
	mu      sync.Mutex
	n       int
	set     func(int) int
	prev    int
	applied bool
	ended   bool
}

// newScheduler is the scheduler of a run with this many workers.
func newScheduler(workers int, env func(string) string, set func(int) int) *scheduler {
	return &scheduler{n: procsFor(workers, env), set: set}
}

// narrow applies the setting, unless restore came first.
func (s *scheduler) narrow() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended || s.applied || s.set == nil || s.n == 0 {
		return
	}
	s.prev, s.applied = s.set(s.n), true
}

// narrowAfter narrows once warm has returned. warm is the script engine's
// start-up (compiling its bootstrap, a few milliseconds of CPU), which then
// overlaps the loading of inputs on a second core instead of queuing
// behind it: a one-request run keeps that head start.
func (s *scheduler) narrowAfter(warm func()) {
	go func() {
		warm()
		s.narrow()
	}()
}

func (s *scheduler) restore() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ended = true
	if s.applied {
		s.set(s.prev)
		s.applied = false
	}
}

// profiles are the --cpuprofile and --memprofile of one run, in pprof's
// format for "go tool pprof".
type profiles struct {
	cpuPath, memPath string
	cpu              bytes.Buffer // held until the run ends, then written whole
}

// startProfiles starts the CPU profile, if asked for.
func startProfiles(cpuPath, memPath string) (*profiles, error) {
	p := &profiles{cpuPath: cpuPath, memPath: memPath}
	if cpuPath != "" {
		if err := pprof.StartCPUProfile(&p.cpu); err != nil {
			return nil, fmt.Errorf("--cpuprofile %s: %w", cpuPath, err)
		}
	}
	return p, nil
}

// stop ends the CPU profile and writes both profiles, each atomically. The
// heap profile is taken after a collection, so its in-use figures are the
// live heap at the end of the run; its allocation figures cover the whole
// process.
func (p *profiles) stop() error {
	var errs []error
	if p.cpuPath != "" {
		pprof.StopCPUProfile()
		if err := environments.WriteFileAtomic(p.cpuPath, p.cpu.Bytes(), 0o644); err != nil {
			errs = append(errs, fmt.Errorf("--cpuprofile: %w", err))
		}
	}
	if p.memPath != "" {
		runtime.GC()
		var buf bytes.Buffer
		err := pprof.Lookup("heap").WriteTo(&buf, 0)
		if err == nil {
			err = environments.WriteFileAtomic(p.memPath, buf.Bytes(), 0o644)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("--memprofile: %w", err))
		}
	}
	return errors.Join(errs...)
}
