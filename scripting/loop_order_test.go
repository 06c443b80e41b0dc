package scripting

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
)

// gatedSender answers each request once its gate is opened; a request
// whose path has no gate answers at once. The test decides which finishes
// first, whatever the goroutines' timing.
type gatedSender struct {
	mu    sync.Mutex
	gates map[string]chan struct{}
}

func (s *gatedSender) gate(path string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gates[path]
}

func (s *gatedSender) Send(ctx context.Context, r *collections.Request) (*Response, error) {
	path := r.URL.Raw[strings.LastIndex(r.URL.Raw, "/"):]
	if g := s.gate(path); g != nil {
		select {
		case <-g:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return &Response{Code: 200, Status: "OK", Body: []byte(`{"path":"` + path + `"}`), URL: r.URL.Raw}, nil
}

func testNames(r *Result) string {
	var names []string
	for _, t := range r.Tests {
		names = append(names, t.Name)
	}
	return strings.Join(names, ",")
}

// Requests that complete close together reach the script in the order they
// were sent (as in Postman's sandbox), not in the order their goroutines
// finished: here the first finishes last.
func TestSendRequestCallbacksInSendOrder(t *testing.T) {
	t.Parallel()
	first := make(chan struct{})
	s := &gatedSender{gates: map[string]chan struct{}{"/first": first}}
	e, _ := newTestEngine(t, Options{Sender: s})
	e.loop.grace = time.Hour // only the order of completion matters here
	// /second completes at once; /first only when /second's answer is in.
	e.loop.onDone = func(seq uint64) {
		if seq == 2 {
			close(first)
		}
	}
	r := e.Run(context.Background(), testExec("test", `
pm.sendRequest("http://h.test/first", (err, res) => pm.test(res.json().path, () => {}));
pm.sendRequest("http://h.test/second").then(res => pm.test(res.json().path, () => {}));`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := testNames(r); got != "/first,/second" {
		t.Errorf("tests %s, want /first,/second", got)
	}
}

// A request sent first that is still running does not hold a later one's
// answer back for longer than the grace: here it finishes only after the
// later one's callback ran.
func TestSlowEarlierRequestDoesNotBlockLaterOnes(t *testing.T) {
	t.Parallel()
	first := make(chan struct{})
	s := &gatedSender{gates: map[string]chan struct{}{"/slow": first}}
	e, _ := newTestEngine(t, Options{Sender: s})
	e.loop.grace = time.Millisecond
	_ = e.rt.Set("release", func() { close(first) })
	r := e.Run(context.Background(), testExec("test", `
pm.sendRequest("http://h.test/slow", (err, res) => pm.test(res.json().path, () => {}));
pm.sendRequest("http://h.test/fast", (err, res) => { pm.test(res.json().path, () => {}); release(); });`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := testNames(r); got != "/fast,/slow" {
		t.Errorf("tests %s, want /fast,/slow", got)
	}
}
