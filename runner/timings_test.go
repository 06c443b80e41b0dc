package runner_test

import (
	"context"
	"crypto/x509"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestTimingsPhases checks the phases against what really happened on the
// wire: a new connection, a reused one, a host name (DNS), a redirect whose
// last hop reuses the connection, and a TLS handshake.
func TestTimingsPhases(t *testing.T) {
	t.Parallel()
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }))
	t.Cleanup(tlsSrv.Close)
	coll := `{"info":{"name":"t"},"item":[` +
		item("new", "GET", "{{baseUrl}}/get", "") + `,` +
		item("reused", "GET", "{{baseUrl}}/get", "") + `,` +
		item("redirect", "GET", "{{baseUrl}}/redirect-to?url=/get", "") + `,` +
		item("by name", "GET", "{{byName}}/get", "") + `,` +
		item("tls", "GET", "{{tlsUrl}}/", "") + `]}`
	base, byName := echoBase(t)
	opts := runner.Options{Timings: true, LoopbackOnly: true, RootCAs: poolOf(tlsSrv)}
	sum, rec := runWith(t, coll, opts, environments.Variable{Key: "baseUrl", Value: base},
		environments.Variable{Key: "byName", Value: byName}, environments.Variable{Key: "tlsUrl", Value: tlsSrv.URL})
	reqs := rec.requests()
	require.Len(t, reqs, 5)
	for _, r := range reqs {
		require.NoError(t, r.Err, r.Item.Name)
		tm := r.Timings
		require.NotNil(t, tm, r.Item.Name)
		assert.Positive(t, tm.FirstByte, "%s: first byte", r.Item.Name)
		assert.GreaterOrEqual(t, tm.Total, tm.Prepare+tm.TCP+tm.TLS+tm.FirstByte+tm.Download+tm.Process, "%s: total covers the phases", r.Item.Name)
	}
	phases := func(i int) *runner.Timings { return reqs[i].Timings }
	assert.Positive(t, phases(0).TCP, "a new connection is dialled")
	assert.Zero(t, phases(0).DNS, "an IP literal needs no lookup")
	assert.Zero(t, phases(1).TCP, "the second request reuses the connection")
	assert.Zero(t, phases(2).TCP, "the redirect's last hop reuses the connection")
	assert.Positive(t, phases(3).DNS, "a host name is looked up")
	assert.Positive(t, phases(4).TLS, "an HTTPS connection shakes hands")
	assert.Zero(t, phases(0).TLS)

	assert.Positive(t, sum.FirstByte.Avg)
	assert.LessOrEqual(t, sum.FirstByte.Min, sum.FirstByte.Max)
	assert.Positive(t, sum.DNS.Avg, "the one lookup is counted")

	// Without Options.Timings nothing is measured.
	_, rec = runWith(t, coll, runner.Options{LoopbackOnly: true, RootCAs: poolOf(tlsSrv)}, environments.Variable{Key: "baseUrl", Value: base},
		environments.Variable{Key: "byName", Value: byName}, environments.Variable{Key: "tlsUrl", Value: tlsSrv.URL})
	for _, r := range rec.requests() {
		assert.Nil(t, r.Timings, r.Item.Name)
	}
}

// echoBase starts the echo server and returns its URL by IP and by name.
func echoBase(t *testing.T) (string, string) {
	t.Helper()
	base := echotest.Start(t)
	return base, strings.Replace(base, "127.0.0.1", "localhost", 1)
}

func runWith(t *testing.T, collJSON string, opts runner.Options, vars ...environments.Variable) (*runner.Summary, *recorder) {
	t.Helper()
	coll, err := collections.LoadBytes([]byte(collJSON), "test.json")
	require.NoError(t, err)
	rec := &recorder{}
	r := &runner.Runner{Collection: coll, Environment: environments.NewScope("env", vars), Options: opts, Sink: rec}
	sum, err := r.Run(context.Background())
	require.NoError(t, err)
	return sum, rec
}

func poolOf(srv *httptest.Server) *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return pool
}
