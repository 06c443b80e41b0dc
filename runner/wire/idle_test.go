package wire

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"sync/atomic"
	"testing"
	"time"
)

// TestIdleTimeoutOnKeptConnection: a request on a kept-alive connection
// whose answer never comes fails once the socket was idle for the timeout,
// and is not sent again on a new connection as a stale one would be (the
// server saw it once); the connection's deadline does not outlive the
// request that set it.
func TestIdleTimeoutOnKeptConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	// /late answers this long after its request: past the deadline the
	// request before it would have left on the connection.
	var lateBy atomic.Int64
	done := make(chan struct{})
	defer close(done)
	var holds atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					req, err := http.ReadRequest(br)
					if err != nil {
						return
					}
					if req.URL.Path == "/hold" {
						holds.Add(1)
						<-done
						return
					}
					if req.URL.Path == "/late" {
						time.Sleep(time.Duration(lateBy.Load()))
					}
					_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
				}
			}()
		}
	}()
	tr := &Transport{}
	send := func(ctx context.Context, path string) error {
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+ln.Addr().String()+path, nil)
		resp, err := tr.RoundTrip(req)
		if err != nil {
			return err
		}
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		return err
	}
	// A kept connection first, with no timeout of its own.
	if err := send(context.Background(), "/ok"); err != nil {
		t.Fatal(err)
	}
	// The hang guard is the idle timeout itself; the server holds for ever.
	if err := send(WithIdleTimeout(context.Background(), 100*time.Millisecond), "/hold"); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("held answer: err = %v, want a deadline", err)
	}
	if n := holds.Load(); n != 1 {
		t.Fatalf("the held request went out %d times, want once", n)
	}
	// A kept connection's deadline goes with the request that set it: a
	// later request without a timeout waits for an answer that comes after
	// the deadline the last one would have left (a deadline left behind
	// cuts the wait). The first one's answer must come within its timeout,
	// which a machine too loaded to answer loopback in time does not meet
	// (1 s was the only margin before): it is tried again with twice the
	// timeout, so load makes the check longer, never failed.
	for d := 100 * time.Millisecond; ; d *= 2 {
		err := send(WithIdleTimeout(context.Background(), d), "/ok")
		if err == nil {
			lateBy.Store(int64(d + 200*time.Millisecond))
			break
		}
		if !errors.Is(err, os.ErrDeadlineExceeded) || d > time.Minute { // a hang guard
			t.Fatal(err)
		}
	}
	if err := send(context.Background(), "/late"); err != nil {
		t.Fatalf("a request without a timeout on a kept connection: %v", err)
	}
}
