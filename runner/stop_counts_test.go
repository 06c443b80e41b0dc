package runner_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// stopAt is a run's context that ends when stop is called, with err: a
// stand-in for a deadline that passes at a moment the test picks (the
// server saw the request), so nothing here waits on the wall clock.
type stopAt struct {
	context.Context
	once sync.Once
	done chan struct{}
	err  error
}

func newStopAt(err error) *stopAt {
	return &stopAt{Context: context.Background(), done: make(chan struct{}), err: err}
}

func (c *stopAt) stop()                 { c.once.Do(func() { close(c.done) }) }
func (c *stopAt) Done() <-chan struct{} { return c.done }
func (c *stopAt) Err() error {
	select {
	case <-c.done:
		return c.err
	default:
		return nil
	}
}

// TestStopCountsOpenAsNewman: a run stopped with a request in flight
// counts that request, its item and its iteration as Newman 6.2.2's summary
// does: pending, not in the totals. --timeout (postman-runtime's global
// timeout) also leaves the summary without an end time (Aborted: Newman's
// table reads 0ms); an interrupt keeps it. Newman's summary for the same
// collection under --timeout (a request to /get, then one that never
// answers): iterations 0 (1 pending), items 1 (1 pending), requests 1 (1
// pending), no timings.completed.
func TestStopCountsOpenAsNewman(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	tests := []struct {
		name    string
		err     error
		opts    runner.Options
		aborted bool
	}{
		{name: "--timeout", err: context.DeadlineExceeded, opts: runner.Options{Timeout: time.Hour}, aborted: true},
		{name: "interrupt", err: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := newStopAt(tt.err)
			held := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ctx.stop() // the run ends while this request is in flight
				<-r.Context().Done()
			}))
			t.Cleanup(held.Close)
			c, err := collections.LoadBytes([]byte(coll(item("ok", "GET", base+"/get", ""), item("held", "GET", held.URL+"/x", "pm.test('never', () => {})"))), "c.json")
			if err != nil {
				t.Fatal(err)
			}
			r := &runner.Runner{Collection: c, Sink: &recorder{}, Options: tt.opts}
			sum, err := r.Run(ctx)
			if !errors.Is(err, tt.err) {
				t.Fatalf("run error = %v, want %v", err, tt.err)
			}
			want := map[string][2]runner.Stat{
				"iterations": {sum.Iterations, {Total: 0, Pending: 1}},
				"items":      {sum.Items, {Total: 1, Pending: 1}},
				"requests":   {sum.Requests, {Total: 1, Pending: 1}},
				"tests":      {sum.TestScripts, {}},
			}
			for name, gw := range want {
				if gw[0] != gw[1] {
					t.Errorf("%s = %+v, want %+v", name, gw[0], gw[1])
				}
			}
			if sum.Aborted != tt.aborted {
				t.Errorf("Aborted = %v, want %v", sum.Aborted, tt.aborted)
			}
		})
	}
}
