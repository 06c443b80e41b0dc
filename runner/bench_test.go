package runner_test

import (
	"context"
	"os"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// BenchmarkBenchCollection runs ../shared/bench's 5-request scripted
// collection once per op against our echo server: the per-iteration cost
// of the engine, scripts included.
func BenchmarkBenchCollection(b *testing.B) {
	const path = "../../shared/bench/pingone-style.postman_collection.json"
	if _, err := os.Stat(path); err != nil {
		b.Skip("../shared/bench is not here; the benchmark needs its collection")
	}
	coll, err := collections.LoadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	base := echotest.Start(b)
	env := environments.NewScope("bench", []environments.Variable{{Key: "apiPath", Value: base}, {Key: "accessToken", Value: "t"}})
	r := &runner.Runner{Collection: coll, Environment: env, Options: runner.Options{Iterations: b.N, TuneGC: true}} // as the courier command runs
	b.ResetTimer()
	sum, err := r.Run(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if len(sum.Failures) > 0 {
		b.Fatalf("%d failures, first: %+v", len(sum.Failures), sum.Failures[0])
	}
}
