//go:build !unix

package collections

import "time"

func processCPU() time.Duration { return 0 }
