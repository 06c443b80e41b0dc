// Package determinism carries the run settings courier's own tests use to
// compare two runs of a collection byte for byte: script timers on a clock
// of their own and a budget of items. They travel in the run's context,
// not in runner.Options, because they exist for those tests alone: a run
// on a virtual clock does not wait where a script waits for a server, and
// a run cut at an item count reports less than it was asked to do, so
// neither belongs to what the run API offers its users. Being internal,
// the package cannot be imported from outside the module.
package determinism

import "context"

// Settings are the test-only run settings.
type Settings struct {
	// VirtualTime runs script timers on a clock of their own
	// (scripting.Options.VirtualTime): a script that only waits on a timer
	// goes on at once. With a seed, two runs of a collection that sleeps
	// in its scripts compare byte for byte without depending on the wall
	// clock.
	VirtualTime bool
	// MaxSteps, when not 0, ends each runner's run before its item number
	// MaxSteps+1 (items counted over all iterations, setNextRequest jumps
	// included), as if the collection ended there. A collection that polls
	// a server with setNextRequest on itself loops forever where the
	// server is absent; a test that compares two such runs cuts both at
	// the same item, where a deadline would cut them wherever the clock
	// says.
	MaxSteps int
}

type key struct{}

// With returns ctx carrying s for the runs started with it.
func With(ctx context.Context, s Settings) context.Context {
	return context.WithValue(ctx, key{}, s)
}

// From returns the settings ctx carries (none: the zero Settings).
func From(ctx context.Context) Settings {
	s, _ := ctx.Value(key{}).(Settings)
	return s
}
