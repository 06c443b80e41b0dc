//go:build !(linux || darwin)

package scripting

import "time"

// capAddressSpace does nothing where syscall has no RLIMIT_AS (Windows):
// the child's GOMEMLIMIT is then its only memory bound.
func capAddressSpace(uint64) {}

// haveProcessCPU is false: syscall has no getrusage here, so benchmarks
// report no cpu-ns/op rather than a made-up one.
const haveProcessCPU = false

func processCPU() time.Duration { return 0 }
