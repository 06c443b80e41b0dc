package run

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/courier-run/courier/environments"
)

// procsFor is the GOMAXPROCS a run with this many workers starts with, or
// 0 to leave the scheduler alone. A sequential run has one request or
// script in flight at a time: with more Ps, Go wakes the transport's and
// the script's goroutines on other cores and spins looking for work, which
// cost a quarter of the CPU and a seventh of the wall time on the bench
// (docs/performance.md). A parallel run starts the same way and procTuner
// gives it more Ps when they pay (procs.go). A GOMAXPROCS the user set is
// theirs.
func procsFor(workers int, env func(string) string) int {
	if env("GOMAXPROCS") != "" {
		return 0
	}
	return 1
}

// scheduler applies procsFor through set (runtime.GOMAXPROCS in the
// command, nil in tests: a test binary's scheduler is not the run's to
// change). It narrows once the run's start-up is over (see narrowAfter),
// then, for a parallel run, tunes the P count while the run goes; restore
// undoes it all, whichever comes first.
type scheduler struct {
	mu      sync.Mutex
	n       int
	set     func(int) int
	prev    int
	applied bool
	ended   bool

	// tuneMax is the most Ps a parallel run may get (below 2: no tuning);
	// done counts the requests done so far, what the tuner measures.
	tuneMax int
	done    func() int64
	ticks   func() (<-chan time.Time, func()) // the tuner's clock; a ticker unless a test sets it
	trace   func(string, ...any)              // hears the tuner's changes (COURIER_TRACE_PROCS)
	stop    chan struct{}
	tuner   sync.WaitGroup
}

// newScheduler is the scheduler of a run with this many workers; done
// counts its requests (nil: no tuning).
func newScheduler(workers int, env func(string) string, set func(int) int, done func() int64) *scheduler {
	s := &scheduler{n: procsFor(workers, env), set: set, done: done}
	if workers > 1 && s.n != 0 && done != nil {
		s.tuneMax = maxProcsFor(workers)
	}
	return s
}

// narrow applies the setting, unless restore came first, and starts the
// tuner of a parallel run.
func (s *scheduler) narrow() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended || s.applied || s.set == nil || s.n == 0 {
		return
	}
	s.prev, s.applied = s.set(s.n), true
	if s.tuneMax < 2 {
		return
	}
	ticks := s.ticks
	if ticks == nil {
		ticks = func() (<-chan time.Time, func()) {
			tk := time.NewTicker(tuneWindow)
			return tk.C, tk.Stop
		}
	}
	c, stopTicks := ticks()
	s.stop = make(chan struct{})
	s.tuner.Add(1)
	go func() {
		defer s.tuner.Done()
		defer stopTicks()
		tuneProcs(newProcTuner(s.tuneMax), c, s.stop, s.done, s.setTuned, s.trace)
	}()
}

// setTuned applies the tuner's choice while the run lasts.
func (s *scheduler) setTuned(n int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return 0
	}
	return s.set(n)
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
	s.ended = true
	stop := s.stop
	s.mu.Unlock()
	if stop != nil {
		close(stop)
		s.tuner.Wait()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
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
