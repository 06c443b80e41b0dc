package suite

import (
	"testing"

	"github.com/courier-run/courier/runner"
)

// TestSeededScopeIDsRepeat: a seeded run's environment and globals ids
// (those its files do not give) are the same in every run with that seed,
// whatever the seed, and differ between seeds and between the two scopes.
// The seed that the ids' own generator is set apart with (0x5c09e1d5) gave
// the unseeded generator: random ids.
func TestSeededScopeIDsRepeat(t *testing.T) {
	t.Parallel()
	ids := func(seed uint64) [2]string {
		return New(Options{Runner: runner.Options{Seed: seed}}).scopeIDs()
	}
	seen := map[[2]string]uint64{}
	for _, seed := range []uint64{1, 42, 0x5c09e1d5, 0x5c09e1d4, 1<<64 - 1} {
		a, b := ids(seed), ids(seed)
		if a != b {
			t.Errorf("seed %#x: ids %v then %v", seed, a, b)
		}
		if a[0] == a[1] {
			t.Errorf("seed %#x: the environment and the globals share the id %s", seed, a[0])
		}
		if other, ok := seen[a]; ok {
			t.Errorf("seeds %#x and %#x give the same ids %v", other, seed, a)
		}
		seen[a] = seed
	}
	if a, b := ids(0), ids(0); a == b {
		t.Errorf("unseeded runs share the ids %v", a)
	}
}
