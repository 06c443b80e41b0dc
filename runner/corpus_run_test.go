package runner_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/internal/testenv"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestCorpusCollectionsRun runs every collection of ../shared/corpus once,
// offline: requests to other hosts are refused before any lookup, requests
// whose URL is only variables go to our echo server. Whatever the scripts
// and URLs hold, a run must finish, report every request it attempted, and
// never panic or hang.
func TestCorpusCollectionsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the corpus run")
	}
	const corpus = "../../shared/corpus"
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*.json"))
	if len(files) == 0 {
		testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
	}
	t.Parallel()
	base := echotest.Start(t)
	ran := 0
	for _, f := range files {
		c, err := collections.LoadFile(f)
		if err != nil || len(c.Items) == 0 {
			continue // environments, data files; loading is tested in collections
		}
		ran++
		name := strings.TrimPrefix(f, corpus+"/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			r := &runner.Runner{
				Collection: c,
				Options: runner.Options{
					LoopbackOnly: true,
					// Some collections poll "until the server is up" with
					// setNextRequest on themselves, forever, as in Newman.
					Timeout:        10 * time.Second,
					TimeoutRequest: 2 * time.Second,
					TimeoutScript:  300 * time.Millisecond,
					WorkingDir:     filepath.Dir(f),
				},
				Sink: rec,
			}
			// Variables that usually hold the base URL point at the echo server.
			for _, k := range []string{"baseUrl", "base_url", "baseURL", "url", "host", "apiPath", "authPath", "HOST", "BASE_URL"} {
				c.Variables = append(c.Variables, collections.Variable{Key: k, Value: base})
			}
			sum, err := r.Run(ctx)
			if ctx.Err() != nil {
				t.Fatalf("the run ignored its --timeout: %v", err)
			}
			if err != nil && !strings.Contains(err.Error(), "--timeout") {
				t.Errorf("run error: %v", err)
			}
			if sum == nil {
				t.Fatalf("no summary: %v", err)
			}
			if got := len(rec.requests()); got > sum.Requests.Total {
				t.Errorf("%d request events for %d requests", got, sum.Requests.Total)
			}
		})
	}
	if ran < 150 {
		t.Errorf("only %d corpus collections ran; the census counts 206", ran)
	}
}
