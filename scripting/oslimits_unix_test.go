//go:build linux || darwin

package scripting

import (
	"syscall"
	"time"
)

// capAddressSpace bounds the hostile-script child's address space, so a
// case that escapes the guards fails the child instead of filling the
// machine's memory. Best effort: a refused limit leaves GOMEMLIMIT.
func capAddressSpace(bytes uint64) {
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: bytes, Max: bytes})
}

// haveProcessCPU says processCPU measures something here.
const haveProcessCPU = true

// processCPU is the process's CPU time so far (user+system, all threads).
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
