package suite

import (
	"fmt"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// Shard is one of Count deterministic slices of a run (--shard K/N), for
// spreading a suite over machines: Index runs from 1 to Count. A run with
// several iterations is split by iteration (shard K runs a contiguous
// block of them); a one-iteration run is split by the collection's
// top-level folders and requests, each shard running a contiguous block.
type Shard struct {
	Index, Count int
}

// Valid says what is wrong with the shard, if anything.
func (s Shard) Valid() error {
	if s.Count < 1 || s.Index < 1 || s.Index > s.Count {
		return fmt.Errorf("shard %d/%d: want K/N with 1 <= K <= N", s.Index, s.Count)
	}
	return nil
}

// block is the half-open range [lo, hi) of n units shard K of N gets.
func (s Shard) block(n int) (lo, hi int) {
	return (s.Index - 1) * n / s.Count, s.Index * n / s.Count
}

// iterationCount is how many iterations the options ask for.
func iterationCount(ro runner.Options) int {
	if ro.Iterations > 0 {
		return ro.Iterations
	}
	return max(len(ro.Data), 1)
}

// applyShard narrows a collection's run options to the shard's slice and
// says how the run was split (for the report's run.shard).
func (s *Suite) applyShard(coll *collections.Collection, ro runner.Options) (runner.Options, *jsonreport.Shard, error) {
	sh := s.o.Shard
	if sh == nil || sh.Count <= 1 {
		return ro, nil, nil
	}
	if n := iterationCount(ro); n > 1 {
		lo, hi := sh.block(n)
		ro.Select = func(it int) bool { return it >= lo && it < hi }
		return ro, &jsonreport.Shard{Index: sh.Index, Count: sh.Count, By: jsonreport.ByIteration}, nil
	}
	units := coll.Items
	if len(ro.Folders) > 0 {
		sel, err := collections.Select(coll, ro.Folders...)
		if err != nil {
			return ro, nil, inputError(fmt.Errorf("%w: %w", runner.ErrUsage, err))
		}
		units = sel
	}
	lo, hi := sh.block(len(units))
	info := &jsonreport.Shard{Index: sh.Index, Count: sh.Count, By: jsonreport.ByItem}
	if lo == hi {
		ro.Select = func(int) bool { return false } // more shards than items: nothing here
		return ro, info, nil
	}
	ro.Folders = nil
	for _, it := range units[lo:hi] {
		ro.Folders = append(ro.Folders, it.ID)
	}
	return ro, info, nil
}
