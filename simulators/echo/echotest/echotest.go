// Package echotest starts echo servers for tests, closing them when
// the test ends. It is separate so that echo itself does not import
// testing.
package echotest

import (
	"crypto/tls"
	"testing"

	"github.com/courier-run/courier/simulators/echo"
	"github.com/courier-run/courier/simulators/loopback"
)

// Start serves a postman-echo compatible server on 127.0.0.1 and returns its
// base URL (no trailing slash).
func Start(t testing.TB) string {
	t.Helper()
	return StartWith(t, echo.Options{})
}

// StartWith is Start with options.
func StartWith(t testing.TB, opts echo.Options) string {
	t.Helper()
	return started(t, "echo server")(loopback.ListenHandler("127.0.0.1:0", echo.New(opts)))
}

// StartRawEcho serves the raw echo (Newman's localhost:4041) and returns its
// base URL.
func StartRawEcho(t testing.TB) string {
	t.Helper()
	return started(t, "raw echo server")(echo.ListenRawEcho("127.0.0.1:0"))
}

// StartTLS serves a postman-echo compatible server over TLS with cfg (see
// echo.ListenTLS and echo.NewPKI) and returns its https base URL.
func StartTLS(t testing.TB, cfg *tls.Config) string {
	t.Helper()
	return started(t, "TLS echo server")(echo.ListenTLS("127.0.0.1:0", echo.New(echo.Options{}), cfg))
}

// StartRedirect serves the redirect server (Newman's localhost:4042) and
// returns its base URL.
func StartRedirect(t testing.TB) string {
	t.Helper()
	return started(t, "redirect server")(loopback.ListenHandler("127.0.0.1:0", echo.NewRedirect()))
}

func started(t testing.TB, what string) func(*loopback.Server, error) string {
	return func(run *loopback.Server, err error) string {
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

// StartStalled returns the base URL of a loopback port that never
// completes a connection (a connect timeout on loopback), skipping the
// test where the system cannot make one.
func StartStalled(t testing.TB) string {
	t.Helper()
	s, err := loopback.ListenStalled()
	if err != nil {
		t.Skipf("no stalled port: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return "http://" + s.Addr
}

// RefusedAddr returns the host:port of a loopback port that refuses
// connections until the test ends, held so that no other listener takes it
// meanwhile (loopback.ListenRefused).
func RefusedAddr(t testing.TB) string {
	t.Helper()
	r, err := loopback.ListenRefused()
	if err != nil {
		t.Fatalf("a refused port: %v", err)
	}
	t.Cleanup(func() { r.Close() })
	return r.Addr
}
