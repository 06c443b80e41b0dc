package scripting

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
)

// consoleRec collects console lines for assertions.
type consoleRec struct {
	mu    sync.Mutex
	lines []ConsoleLine
}

func (c *consoleRec) add(l ConsoleLine) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, l)
}

func (c *consoleRec) all() []ConsoleLine {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]ConsoleLine(nil), c.lines...)
}

func newTestEngine(t testing.TB, opts Options) (*Engine, *consoleRec) {
	t.Helper()
	rec := &consoleRec{}
	if opts.Console == nil {
		opts.Console = rec.add
	}
	e, err := NewEngine(opts)
	if err != nil {
		t.Fatalf("NewEngine: %v", err)
	}
	t.Cleanup(e.Close)
	return e, rec
}

// liftTimeout gives the scripts a test runs after its timeout case a
// timeout that is a hang guard only: they must finish, and the short
// timeout the case needed to end quickly would make them a speed test (a
// loaded machine can take longer than 150-300 ms over a script's start).
// Each run reads the engine's timeout anew, so the lifted one is what the
// next script gets; that the engine works after a timeout is unchanged.
func liftTimeout(e *Engine) { e.opts.Timeout = time.Minute }

func strp(s string) *string { return &s }

// testExec builds a test-script Exec with a JSON response and fresh scopes.
func testExec(listen, src string) *Exec {
	jar, _ := cookiejar.New(nil)
	x := &Exec{
		Listen: listen,
		Source: src,
		Name:   "req",
		Info:   Info{EventName: listen, Iteration: 1, IterationCount: 3, RequestName: "Get user", RequestID: "rid-1", Location: []string{"API", "Users", "Get user"}, EnvironmentName: "Staging"},
		Request: &collections.Request{
			Method: "POST",
			URL: collections.URL{Raw: "https://api.example.com/v1/users/:id?q=1&flag", Protocol: "https", Host: []string{"api", "example", "com"},
				Path: []string{"v1", "users", ":id"}, Query: []collections.QueryParam{{Key: "q", Value: strp("1")}, {Key: "flag"}},
				Variables: []collections.Variable{{Key: "id", Value: "42"}}},
			Header: []collections.Header{{Key: "X-Trace", Value: "t1"}, {Key: "Content-Type", Value: "application/json"}},
			Body:   &collections.Body{Mode: collections.BodyRaw, Raw: `{"k":1}`, Language: "json"},
		},
		Scopes: &environments.Scopes{
			Globals:     environments.NewScope("globals", []environments.Variable{{Key: "g", Value: "global"}, {Key: "shadow", Value: "fromGlobals"}}),
			Collection:  environments.NewScope("collection", []environments.Variable{{Key: "c", Value: "coll"}, {Key: "shadow", Value: "fromCollection"}}),
			Environment: environments.NewScope("Staging", []environments.Variable{{Key: "e", Value: "env"}, {Key: "shadow", Value: "fromEnv"}, {Key: "host", Value: "example.com"}}),
			Local:       environments.NewScope("local", nil),
		},
		Data:    environments.NewScope("data", []environments.Variable{{Key: "row", Value: "r1"}}),
		Cookies: jar,
	}
	if listen == "test" {
		x.Response = &Response{
			Code: 200, Status: "OK", Proto: "HTTP/1.1",
			Header: []collections.Header{
				{Key: "Content-Type", Value: "application/json; charset=utf-8"},
				{Key: "Set-Cookie", Value: "sid=abc; Path=/; HttpOnly"},
				{Key: "X-Multi", Value: "one"}, {Key: "X-Multi", Value: "two"},
			},
			Body:         []byte(`{"id":"u-1","n":5,"tags":["a","b"],"nested":{"ok":true}}`),
			ResponseTime: 42 * time.Millisecond,
			Size:         55,
			URL:          "https://api.example.com/v1/users/42",
		}
	}
	return x
}

// runJS runs src and fails the Go test on a script error or a failed pm.test.
func runJS(t *testing.T, e *Engine, x *Exec) *Result {
	t.Helper()
	r := e.Run(context.Background(), x)
	if r.Err != nil {
		t.Fatalf("script error: %v", r.Err)
	}
	for _, tr := range r.Tests {
		if !tr.Passed && !tr.Skipped {
			t.Errorf("pm.test %q failed: %s: %s", tr.Name, tr.ErrorName, tr.Error)
		}
	}
	if len(r.Tests) == 0 {
		t.Fatalf("script recorded no tests")
	}
	return r
}

// checkTestNames runs src as a test script in a fresh engine and compares
// the names of its pm.test calls, in order, with want: the probes print
// what they observe into the test name, so the names are the answers.
func checkTestNames(t *testing.T, src string, want []string) {
	t.Helper()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", src))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, tr := range r.Tests {
		got = append(got, tr.Name)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func consoleTexts(lines []ConsoleLine) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Level + ": " + l.Text + "\n")
	}
	return b.String()
}

var _ http.CookieJar = (*cookiejar.Jar)(nil)
