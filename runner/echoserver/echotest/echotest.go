// Package echotest starts echoserver instances for tests, closing them when
// the test ends. It is separate so that echoserver itself does not import
// testing.
package echotest

import (
	"testing"

	"github.com/courier-run/courier/runner/echoserver"
)

// Start serves a postman-echo compatible server on 127.0.0.1 and returns its
// base URL (no trailing slash).
func Start(t testing.TB) string {
	t.Helper()
	return StartWith(t, echoserver.Options{})
}

// StartWith is Start with options.
func StartWith(t testing.TB, opts echoserver.Options) string {
	t.Helper()
	return started(t, "echo server")(echoserver.ListenHandler("127.0.0.1:0", echoserver.New(opts)))
}

// StartRawEcho serves the raw echo (Newman's localhost:4041) and returns its
// base URL.
func StartRawEcho(t testing.TB) string {
	t.Helper()
	return started(t, "raw echo server")(echoserver.ListenRawEcho("127.0.0.1:0"))
}

// StartRedirect serves the redirect server (Newman's localhost:4042) and
// returns its base URL.
func StartRedirect(t testing.TB) string {
	t.Helper()
	return started(t, "redirect server")(echoserver.ListenHandler("127.0.0.1:0", echoserver.NewRedirect()))
}

func started(t testing.TB, what string) func(*echoserver.Running, error) string {
	return func(run *echoserver.Running, err error) string {
		t.Helper()
		if err != nil {
			t.Fatalf("starting %s: %v", what, err)
		}
		t.Cleanup(func() {
			if err := run.Close(); err != nil {
				t.Errorf("closing %s: %v", what, err)
			}
		})
		return run.URL
	}
}
