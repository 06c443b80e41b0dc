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

// BenchmarkScriptlessRequest sends one request per op (a resolved URL with a
// path variable and a query, bearer auth, a header) with no scripts: the
// engine's send path and net/http, without goja.
func BenchmarkScriptlessRequest(b *testing.B) {
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"b"},"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{accessToken}}"}]},
		"item":[{"name":"r","request":{"method":"GET","header":[{"key":"X-Trace","value":"{{$guid}}"}],
		"url":{"raw":"{{apiPath}}/environments/:envID/users?limit=10","host":["{{apiPath}}"],"path":["environments",":envID","users"],
		"query":[{"key":"limit","value":"10"}],"variable":[{"key":"envID","value":"abc-123"}]}}}]}`), "bench.json")
	if err != nil {
		b.Fatal(err)
	}
	base := echotest.Start(b)
	env := environments.NewScope("bench", []environments.Variable{{Key: "apiPath", Value: base}, {Key: "accessToken", Value: "t"}})
	r := &runner.Runner{Collection: coll, Environment: env, Options: runner.Options{Iterations: b.N, TuneGC: true}}
	b.ReportAllocs()
	b.ResetTimer()
	sum, err := r.Run(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if sum.Requests.Failed > 0 {
		b.Fatalf("%d failed requests", sum.Requests.Failed)
	}
}
