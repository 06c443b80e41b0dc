// Package pingonetest starts local PingOne servers for tests, closing them
// when the test ends. It is separate so that pingone itself does not import
// testing.
package pingonetest

import (
	"testing"

	"github.com/courier-run/courier/simulators/pingone"
)

// Start serves a local PingOne over HTTP on 127.0.0.1.
func Start(t testing.TB) *pingone.Running {
	t.Helper()
	return StartWith(t, pingone.Options{})
}

// StartWith is Start with options (opts.TLS serves HTTPS).
func StartWith(t testing.TB, opts pingone.Options) *pingone.Running {
	t.Helper()
	run, err := pingone.Listen("127.0.0.1:0", opts)
	if err != nil {
		t.Fatalf("starting local PingOne: %v", err)
	}
	t.Cleanup(func() {
		if err := run.Close(); err != nil {
			t.Errorf("closing local PingOne: %v", err)
		}
	})
	return run
}
