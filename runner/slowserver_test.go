package runner_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// paritySlow stands for the slow server (startSlowServer) in probes of
// --timeout-request, which postman-request applies to the connect and then
// to the socket's idle time.
const paritySlow = "http://slow.test"

// startSlowServer serves answers that take their time, for timeouts, and
// returns its base URL. Every answer that must outlast a timeout holds
// until the client gives up or the test ends (no race with the timeout),
// and every one that must not be cut goes on for a time the server itself
// measures, so a runner that bounded the whole exchange would always be
// cut:
//
//	/hold              no answer
//	/bodyhold          the head and 2 of 10 bytes, then nothing
//	/drip/{gap}/{ms}   a chunked body, a byte every gap ms until ms passed
//	/driphead/{gap}/{ms} a header line every gap ms until ms passed
//	/hops/{gap}/{ms}   a 302 to itself after gap ms, until ms passed since
//	                   the first hop (its start rides in the query), then 200
//	/onehead/{lines}/{value}/{name}/{reason} a head of those sizes in one write
func startSlowServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	done := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	conns := map[net.Conn]bool{}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns[c] = true
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				serveSlow(c, done)
				c.Close()
				mu.Lock()
				delete(conns, c)
				mu.Unlock()
			}()
		}
	}()
	t.Cleanup(func() {
		close(done)
		ln.Close()
		mu.Lock()
		for c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return "http://" + ln.Addr().String()
}

// serveSlow answers requests on c until it closes or done.
func serveSlow(c net.Conn, done <-chan struct{}) {
	br := bufio.NewReader(c)
	for {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		_, _ = br.Discard(int(max(req.ContentLength, 0)))
		if !slowAnswer(c, req.URL.Path, req.URL.Query().Get("start"), done) {
			return
		}
	}
}

// wait sleeps d, or until done; false when done.
func wait(d time.Duration, done <-chan struct{}) bool {
	select {
	case <-time.After(d):
		return true
	case <-done:
		return false
	}
}

// slowAnswer writes one answer; false when the connection is to close.
func slowAnswer(c net.Conn, path, start string, done <-chan struct{}) bool {
	seg := strings.Split(strings.Trim(path, "/"), "/")
	ms := func(i int) time.Duration {
		if i >= len(seg) {
			return 0
		}
		n, _ := strconv.Atoi(seg[i])
		return time.Duration(n) * time.Millisecond
	}
	gap, total := ms(1), ms(2)
	began := time.Now()
	switch seg[0] {
	case "hold":
		<-done
		return false
	case "onehead":
		// /onehead/{lines}/{value}/{name}/{reason}: a head of that many
		// lines, value, name and reason lengths, written at once.
		n, _ := strconv.Atoi(seg[1])
		var b strings.Builder
		fmt.Fprintf(&b, "HTTP/1.1 200 %s\r\n", strings.Repeat("R", int(ms(4)/time.Millisecond)))
		for i := range n {
			fmt.Fprintf(&b, "X-%s%d: %s\r\n", strings.Repeat("N", int(ms(3)/time.Millisecond)), i, strings.Repeat("a", int(ms(2)/time.Millisecond)))
		}
		b.WriteString("Content-Length: 2\r\n\r\nok")
		_, _ = io.WriteString(c, b.String())
		// The connection stays open for the next request: closing it
		// after a head that does not say "Connection: close" races the
		// client's reuse of it (Newman and courier alike then read
		// ECONNRESET once the close lands after the reuse).
		return true
	case "bodyhold":
		fmt.Fprint(c, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab")
		<-done
		return false
	case "drip":
		fmt.Fprint(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
		for time.Since(began) < total {
			if !wait(gap, done) {
				return false
			}
			fmt.Fprint(c, "1\r\nx\r\n")
		}
		fmt.Fprint(c, "0\r\n\r\n")
		return true
	case "driphead":
		fmt.Fprint(c, "HTTP/1.1 200 OK\r\n")
		for i := 0; time.Since(began) < total; i++ {
			if !wait(gap, done) {
				return false
			}
			fmt.Fprintf(c, "X-Line-%d: y\r\n", i)
		}
		fmt.Fprint(c, "Content-Length: 2\r\n\r\nok")
		return true
	case "hops":
		if n, err := strconv.ParseInt(start, 10, 64); err == nil {
			began = time.UnixMilli(n)
		}
		if !wait(gap, done) {
			return false
		}
		if time.Since(began) < total {
			fmt.Fprintf(c, "HTTP/1.1 302 Found\r\nLocation: /hops/%s/%s?start=%d\r\nContent-Length: 0\r\n\r\n", seg[1], seg[2], began.UnixMilli())
			return true
		}
		fmt.Fprint(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\ndone")
		return true
	}
	fmt.Fprint(c, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
	return true
}
