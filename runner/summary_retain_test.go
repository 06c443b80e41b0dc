package runner_test

import (
	"context"
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestSummaryDoesNotPinRunner: a suite keeps every collection's summary
// until the end, so a summary must not keep its Runner (script engine,
// client, jar) alive. A summary that pointed into the Runner made a run of
// 49 chained collections peak at 180 MB instead of 46.
func TestSummaryDoesNotPinRunner(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"c"},"item":[`+
		item("a", "GET", base+"/get", `pm.test("ok", function () { pm.response.to.have.status(200); });`)+`]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	// One run per call, so no Runner stays live in this frame.
	runOnce := func() (*runner.Summary, weak.Pointer[runner.Runner]) {
		r := &runner.Runner{Collection: coll, Environment: environments.NewScope("env", nil), Sink: &recorder{}}
		sum, err := r.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return sum, weak.Make(r)
	}
	var kept []*runner.Summary
	var runners []weak.Pointer[runner.Runner]
	for range 3 {
		sum, w := runOnce()
		kept = append(kept, sum)
		runners = append(runners, w)
	}
	// A run's connection and timers wind down for a moment after Run returns
	// (its Runner is reachable from them until then); on a loaded machine that
	// moment can outlast one collection. So collect until the earlier runs
	// are gone, for up to 10 s: a Runner the summary pins never goes.
	held := func() (n int) {
		for _, w := range runners[:len(runners)-1] {
			if w.Value() != nil {
				n++
			}
		}
		return n
	}
	for try := 0; try < 200 && held() > 0; try++ {
		runtime.GC()
		time.Sleep(50 * time.Millisecond)
	}
	for i, w := range runners[:len(runners)-1] {
		if w.Value() != nil {
			t.Errorf("runner %d is still reachable while only its summary is held", i)
		}
	}
	if kept[0].Requests.Total != 1 {
		t.Errorf("summary counts %d requests, want 1", kept[0].Requests.Total)
	}
}
