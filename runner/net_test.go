package runner_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

func runAgainst(t *testing.T, collJSON string, opts runner.Options) (*runner.Summary, *recorder) {
	t.Helper()
	coll, err := collections.LoadBytes([]byte(collJSON), "t.json")
	require.NoError(t, err)
	rec := &recorder{}
	sum, err := (&runner.Runner{Collection: coll, Options: opts, Sink: rec}).Run(context.Background())
	require.NoError(t, err)
	return sum, rec
}

func TestTLSVerification(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }))
	t.Cleanup(srv.Close)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	plain := coll(item("tls", "GET", srv.URL+"/x", ""))
	relaxed := `{"info":{"name":"t"},"item":[{"name":"tls","protocolProfileBehavior":{"strictSSL":false},"request":"` + srv.URL + `/x"}]}`
	tests := []struct {
		name    string
		coll    string
		opts    runner.Options
		wantErr string
	}{
		{"verified by default", plain, runner.Options{}, "certificate"},
		{"-k skips verification", plain, runner.Options{Insecure: true}, ""},
		{"strictSSL=false on the item", relaxed, runner.Options{}, ""},
		{"extra CA trusts the server", plain, runner.Options{RootCAs: pool}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sum, rec := runAgainst(t, tt.coll, tt.opts)
			reqs := rec.requests()
			require.Len(t, reqs, 1)
			if tt.wantErr == "" {
				require.NoError(t, reqs[0].Err)
				assert.Equal(t, "ok", string(reqs[0].Response.Body))
				return
			}
			require.Error(t, reqs[0].Err)
			assert.Contains(t, reqs[0].Err.Error(), tt.wantErr)
			assert.Equal(t, 1, sum.Requests.Failed)
		})
	}
}

func TestClientCertificate(t *testing.T) {
	t.Parallel()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Join(r.TLS.PeerCertificates[0].Subject.Organization, ",")))
	}))
	srv.TLS = &tls.Config{ClientAuth: tls.RequireAnyClientCert}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	// The test server's own certificate doubles as the client's.
	clientCert := srv.TLS.Certificates[0]
	c := coll(item("mtls", "GET", srv.URL+"/", ""))

	_, rec := runAgainst(t, c, runner.Options{Insecure: true})
	require.Error(t, rec.requests()[0].Err, "no client certificate: the handshake fails")

	_, rec = runAgainst(t, c, runner.Options{Insecure: true, ClientCerts: []runner.ClientCert{
		{Matches: []string{"https://other.example/*"}, Cert: tls.Certificate{}},
		{Cert: clientCert},
	}})
	require.NoError(t, rec.requests()[0].Err)
	assert.Equal(t, "Acme Co", string(rec.requests()[0].Response.Body), "the fallback certificate was presented")

	// Picked by the request's host: the fallback here is an empty certificate
	// the server refuses.
	_, rec = runAgainst(t, c, runner.Options{Insecure: true, ClientCerts: []runner.ClientCert{
		{Cert: tls.Certificate{}},
		{Matches: []string{"https://127.0.0.1/*"}, Cert: clientCert},
	}})
	require.NoError(t, rec.requests()[0].Err)
	assert.Equal(t, "Acme Co", string(rec.requests()[0].Response.Body), "the certificate matching the host was presented")
}

// rawServer serves each connection on 127.0.0.1 with handle, one after
// another, closing it afterwards, and returns its address: for answers a
// well-behaved HTTP server would never give.
func rawServer(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			handle(conn)
			conn.Close()
		}
	}()
	return ln.Addr().String()
}

func TestConnectionResetIsRecorded(t *testing.T) {
	t.Parallel()
	addr := rawServer(t, func(conn net.Conn) {
		if tc, ok := conn.(*net.TCPConn); ok {
			tc.SetLinger(0) // RST instead of FIN
		}
		buf := make([]byte, 1024)
		conn.Read(buf)
	})
	sum, rec := runAgainst(t, coll(
		item("reset", "GET", "http://"+addr+"/", `pm.test('runs anyway', ()=>{})`),
	), runner.Options{})
	require.Len(t, rec.requests(), 1)
	require.Error(t, rec.requests()[0].Err)
	// A reset is not a close: Newman 6.2.2 says "read ECONNRESET" here, and
	// "socket hang up" only when the server closes without answering.
	assert.Equal(t, "read ECONNRESET", rec.requests()[0].Err.Error())
	assert.Equal(t, 1, sum.Requests.Failed)
	assert.True(t, rec.assertions()["runs anyway"])
}

// A server that closes before the body it announced is whole (a length
// or a chunked body cut off) fails the request with Node's "aborted", as
// Newman reports it; the cut-off body is no response to pass tests on.
func TestCutOffBodyIsAnError(t *testing.T) {
	t.Parallel()
	base := "http://" + rawServer(t, func(conn net.Conn) {
		buf := make([]byte, 4096)
		n, _ := conn.Read(buf)
		if strings.Contains(string(buf[:n]), "/chunked") {
			io.WriteString(conn, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
		} else {
			io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc")
		}
	})
	for _, size := range []int64{0, -1} { // the default limit, and none
		sum, rec := runAgainst(t, coll(
			item("length", "GET", base+"/length", `pm.test('status', ()=>pm.response.to.have.status(200))`),
			item("chunked", "GET", base+"/chunked", `pm.test('status', ()=>pm.response.to.have.status(200))`),
		), runner.Options{MaxResponseSize: size})
		require.Len(t, rec.requests(), 2)
		for _, r := range rec.requests() {
			if assert.Error(t, r.Err, "limit %d: %s", size, r.Request.URL) {
				assert.Equal(t, "aborted", r.Err.Error())
			}
		}
		assert.Equal(t, 2, sum.Requests.Failed)
	}
}

func TestLargeResponse(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("50 MB response")
	}
	const size = 50 << 20
	c := coll(item("big", "GET", "{{baseUrl}}/bytes/52428800", `pm.test('size', ()=>pm.expect(pm.response.responseSize).to.eql(52428800))`))
	sum, rec, _ := run(t, c, runner.Options{})
	assert.Empty(t, sum.Failures)
	assert.Equal(t, size, rec.requests()[0].Response.Size)
}

// TestRequestTimeout: an answer that never comes fails its request with
// ESOCKETTIMEDOUT. The timeout is a hang guard, not a budget: the connect
// counts against it too, and at 100 ms a loaded machine's loopback connect
// could outlast it (ETIMEDOUT; fresh-round8v-errors lost so at 300 ms).
func TestRequestTimeout(t *testing.T) {
	t.Parallel()
	slow := startSlowServer(t)
	sum, rec, _ := run(t, coll(item("slow", "GET", slow+"/hold", "")), runner.Options{TimeoutRequest: 3 * time.Second})
	require.Error(t, rec.requests()[0].Err)
	assert.Equal(t, "ESOCKETTIMEDOUT", rec.requests()[0].Err.Error())
	assert.Equal(t, 1, sum.Requests.Failed)
}

// TestResponseTimesAreWholeMilliseconds: Newman measures response times with
// Date.now(), so scripts, reports and the run's summary see whole
// milliseconds; courier rounds its finer clock the same way.
func TestResponseTimesAreWholeMilliseconds(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	sum, rec := runAgainst(t, coll(
		item("a", "GET", base+"/get", `pm.test('whole', () => pm.expect(Number.isInteger(pm.response.responseTime)).to.be.true)`),
		item("b", "GET", base+"/delay/0", `pm.test('whole', () => pm.expect(Number.isInteger(pm.response.responseTime)).to.be.true)`),
	), runner.Options{LoopbackOnly: true})
	assert.Equal(t, map[string]bool{"whole": true}, rec.assertions())
	for name, d := range map[string]time.Duration{"min": sum.ResponseMin, "max": sum.ResponseMax} {
		assert.Zero(t, d%time.Millisecond, "%s response time %v is not whole milliseconds", name, d)
	}
}
