package report

import (
	"io"
	"testing"

	"github.com/courier-run/courier/runner"
)

// BenchmarkJSONReport writes the report of a run of 1,000 iterations of the
// demo collection (4,000 items: passing and failing assertions, console
// lines, a refused request, script errors) to io.Discard: the reporter's
// own cost per run, without the run.
func BenchmarkJSONReport(b *testing.B) {
	evs := newDemo().events()
	start, done := evs[0], evs[len(evs)-1]
	body := evs[1 : len(evs)-1]
	b.ReportAllocs()
	for range b.N {
		j := NewJSON(io.Discard, JSONOptions{PerRoundTrip: true})
		j.Handle(start)
		for it := 0; it < 500; it++ {
			for _, e := range body {
				j.Handle(e)
			}
		}
		j.Handle(done)
		if err := j.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

var _ runner.Sink = (*JSON)(nil)
