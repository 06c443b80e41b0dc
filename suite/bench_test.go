package suite_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/suite"
)

// BenchmarkParallel runs 64 iterations of one scripted request against a
// loopback server that answers after 2 ms (a remote API's latency) on 1,
// 2, 4 and 8 workers; compare the req/s metric across worker counts.
//
//	go test -run - -bench Parallel ./suite/
func BenchmarkParallel(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Millisecond)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":true,"path":%q}`, r.URL.Path)
	}))
	b.Cleanup(srv.Close)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"bench","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"get","request":{"method":"GET","url":"{{base}}/x"},
"event":[{"listen":"test","script":{"exec":["pm.test('ok', () => pm.expect(pm.response.json().ok).to.eql(true));"]}}]}]}`), "bench.json")
	if err != nil {
		b.Fatal(err)
	}
	const iterations = 64
	for _, workers := range []int{1, 2, 4, 8} {
		b.Run(fmt.Sprint("workers=", workers), func(b *testing.B) {
			for b.Loop() {
				res, err := suite.New(suite.Options{
					Collections: []*collections.Collection{coll},
					EnvVars:     []environments.Variable{{Key: "base", Value: srv.URL}},
					Runner:      runner.Options{Iterations: iterations, LoopbackOnly: true},
					Parallel:    workers,
				}).Run(context.Background())
				if err != nil || res.Failed() {
					b.Fatalf("run failed: %v", err)
				}
			}
			b.ReportMetric(float64(iterations*b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}
