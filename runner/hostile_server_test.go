package runner_test

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/runner"
)

// bomb compresses n zero bytes: a small body that expands n-fold.
func bomb(t *testing.T, enc string, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	var w interface {
		Write([]byte) (int, error)
		Close() error
	}
	switch enc {
	case "gzip":
		w, _ = gzip.NewWriterLevel(&b, gzip.BestSpeed)
	case "br":
		w = brotli.NewWriterLevel(&b, 1)
	}
	chunk := make([]byte, 1<<20)
	for i := 0; i < n>>20; i++ {
		_, err := w.Write(chunk)
		require.NoError(t, err)
	}
	require.NoError(t, w.Close())
	return b.Bytes()
}

// TestResponseBodyLimit: servers that misbehave on purpose (compression
// bombs, bodies that never end, a plain body over the limit) fail their
// request with an error naming the limit and its flag, without courier
// holding much more than the limit; the run goes on.
func TestResponseBodyLimit(t *testing.T) {
	// Not parallel: it measures the bytes this test allocates.
	const limit = 4 << 20
	gz, br := bomb(t, "gzip", 64<<20), bomb(t, "br", 64<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gzip":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz)
		case "/br":
			w.Header().Set("Content-Encoding", "br")
			w.Write(br)
		case "/endless":
			chunk := bytes.Repeat([]byte("x"), 64<<10)
			for i := 0; i < 1<<12; i++ { // 256 MB at most, should the client not hang up
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "/plain":
			w.Write(bytes.Repeat([]byte("y"), limit+1))
		case "/fits":
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(bytes.Repeat([]byte("z"), limit))
			zw.Close()
		}
	}))
	t.Cleanup(srv.Close)
	c := coll(
		item("gzip bomb", "GET", srv.URL+"/gzip", ""),
		item("brotli bomb", "GET", srv.URL+"/br", ""),
		item("endless", "GET", srv.URL+"/endless", ""),
		item("plain", "GET", srv.URL+"/plain", ""),
		item("fits", "GET", srv.URL+"/fits", `pm.test('whole body', () => pm.expect(pm.response.text().length).to.equal(4194304))`),
	)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sum, rec, _ := run(t, c, runner.Options{MaxResponseSize: limit})
	runtime.ReadMemStats(&after)
	reqs := rec.requests()
	require.Len(t, reqs, 5)
	for _, r := range reqs[:4] {
		require.Error(t, r.Err, r.Item.Name)
		assert.Contains(t, r.Err.Error(), "larger than 4 MB", r.Item.Name)
		assert.Contains(t, r.Err.Error(), "--max-response-size", r.Item.Name)
	}
	assert.Contains(t, reqs[0].Err.Error(), "decompressed")
	assert.NoError(t, reqs[4].Err)
	assert.True(t, rec.assertions()["whole body"])
	assert.Equal(t, 4, sum.Requests.Failed)
	// Everything this test allocated, servers included: reading five
	// bodies up to 4 MB through growing buffers costs about 100 MB in all.
	// Unbounded, the two bombs alone would take over 250 MB (64 MB each,
	// doubled while growing) and the endless body 512 MB.
	alloc := after.TotalAlloc - before.TotalAlloc
	assert.Less(t, alloc, uint64(200<<20), "allocated %d MB", alloc>>20)
}

// TestResponseBodyDefaultLimit: the limit applies without any option, and
// a negative one lifts it.
func TestResponseBodyDefaultLimit(t *testing.T) {
	t.Parallel()
	assert.Equal(t, int64(256<<20), int64(runner.DefaultMaxResponseSize))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("a", 2048)))
	}))
	t.Cleanup(srv.Close)
	_, rec, _ := run(t, coll(item("small", "GET", srv.URL, "")), runner.Options{MaxResponseSize: -1})
	require.NoError(t, rec.requests()[0].Err)
	_, rec, _ = run(t, coll(item("small", "GET", srv.URL, "")), runner.Options{MaxResponseSize: 1024})
	require.Error(t, rec.requests()[0].Err)
	assert.Contains(t, rec.requests()[0].Err.Error(), "larger than 1024 bytes")
}

// TestResetAndSlowDrip: a server that resets the connection mid-body, and
// one that drips a few bytes and then goes quiet, fail their requests (the
// drip once quiet for --timeout-request, the socket's idle time as in
// Newman) and the run goes on.
func TestResetAndSlowDrip(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/reset":
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial")
			buf.Flush()
			if tc, ok := conn.(interface{ SetLinger(int) error }); ok {
				tc.SetLinger(0) // RST, not FIN
			}
			conn.Close()
		case "/drip":
			w.Header().Set("Content-Length", "1000")
			w.WriteHeader(200)
			for i := 0; i < 5; i++ {
				if _, err := w.Write([]byte("x")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
			<-r.Context().Done() // quiet until the client gives up
		default:
			w.Write([]byte("ok"))
		}
	}))
	t.Cleanup(srv.Close)
	c := coll(
		item("reset", "GET", srv.URL+"/reset", ""),
		item("drip", "GET", srv.URL+"/drip", ""),
		item("after", "GET", srv.URL+"/ok", `pm.test('still running', () => pm.expect(pm.response.text()).to.equal('ok'))`),
	)
	// ESOCKETTIMEDOUT shows the drip was cut at the request timeout: it
	// never ends by itself. The timeout applies to /ok too, so it is a guard
	// with room for a loaded machine (600 ms was once too little there), not
	// a budget.
	sum, rec, _ := run(t, c, runner.Options{TimeoutRequest: 3 * time.Second})
	reqs := rec.requests()
	require.Len(t, reqs, 3)
	require.Error(t, reqs[0].Err)
	require.Error(t, reqs[1].Err)
	assert.Equal(t, "ESOCKETTIMEDOUT", reqs[1].Err.Error())
	assert.NoError(t, reqs[2].Err)
	assert.True(t, rec.assertions()["still running"])
	assert.Equal(t, 2, sum.Requests.Failed)
}
