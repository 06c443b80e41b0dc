package wire

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// With AwaitResponse a request is written and its answer waited for on the
// request's own thread (on Linux): every exchange reads as without it —
// answers that come at once and ones that come after the wait, bodies
// larger than the socket's buffers, kept-alive connections, TLS.
func TestAwaitResponse(t *testing.T) {
	t.Parallel()
	var conns atomic.Int32
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(20 * time.Millisecond) // past the transport's 1 ms wait
		}
		h := sha256.New()
		n, err := io.Copy(h, r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fmt.Fprintf(w, "%s %s %d %s", r.Method, r.URL.Path, n, hex.EncodeToString(h.Sum(nil)))
	})
	srv := httptest.NewUnstartedServer(handler)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	tls := httptest.NewTLSServer(handler)
	t.Cleanup(tls.Close)
	pool := x509.NewCertPool()
	pool.AddCert(tls.Certificate())

	tr := &Transport{AwaitResponse: time.Millisecond, TLSClientConfig: &tlsConfig{RootCAs: pool}}
	t.Cleanup(tr.CloseIdleConnections)
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<19) // 8 MiB: more than a socket takes at once
	for _, tc := range []struct {
		name, method, url string
		body              []byte
	}{
		{"answer at once", "GET", srv.URL + "/a", nil},
		{"a body", "POST", srv.URL + "/b", []byte("abc")},
		{"answer after the wait", "GET", srv.URL + "/slow", nil},
		{"a body larger than the socket's buffer", "PUT", srv.URL + "/big", big},
		{"again on the same connection", "GET", srv.URL + "/c", nil},
		{"TLS", "POST", tls.URL + "/t", []byte("over TLS")},
		{"TLS, answer after the wait", "GET", tls.URL + "/slow", nil},
	} {
		var body io.Reader
		if tc.body != nil {
			body = bytes.NewReader(tc.body)
		}
		req, err := http.NewRequestWithContext(context.Background(), tc.method, tc.url, body)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := tr.Send(req, Fields(req, []string{"Host", "Content-Length"}))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("%s: reading the answer: %v", tc.name, err)
		}
		sum := sha256.Sum256(tc.body)
		path := tc.url[strings.LastIndex(tc.url, "/"):]
		if want := fmt.Sprintf("%s %s %d %s", tc.method, path, len(tc.body), hex.EncodeToString(sum[:])); string(got) != want {
			t.Errorf("%s: the server saw %q, want %q", tc.name, got, want)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("%d connections to the plain server, want 1 (kept alive)", n)
	}
}

// tlsConfig keeps the test's server variable named tls.
type tlsConfig = tls.Config

// A request waiting for its answer on its own thread is still cancelled by
// its context.
func TestAwaitResponseCancellation(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	arrived := make(chan struct{}, 1)
	addr := rawServer(t, func(c net.Conn) {
		readHead(bufio.NewReader(c))
		arrived <- struct{}{}
		<-release // never answers
	})
	t.Cleanup(func() { close(release) })
	tr := &Transport{AwaitResponse: time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-arrived; cancel() }()
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/wait", nil)
	if _, err := tr.Send(req, Fields(req, nil)); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
