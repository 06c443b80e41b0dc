//go:build unix

package collections

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used so far (user + system),
// so that benchmarks on a shared machine can report CPU per operation
// beside the wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
