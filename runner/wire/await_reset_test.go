package wire

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"syscall"
	"testing"
	"time"
)

// A server that resets the connection while a request's body is going out
// through the raw writer (AwaitResponse on Linux): the write fails with the
// OS's reset, as a write on the standard path does, and the process is not
// stopped by SIGPIPE nor left waiting.
func TestAwaitResponseWriteReset(t *testing.T) {
	t.Parallel()
	addr := rawServer(t, func(c net.Conn) {
		readHead(bufio.NewReader(c))
		c.(*net.TCPConn).SetLinger(0) // close with RST
		c.Close()
	})
	tr := &Transport{AwaitResponse: time.Millisecond}
	t.Cleanup(tr.CloseIdleConnections)
	// More than the socket buffers take while the server reads nothing.
	body := bytes.Repeat([]byte("x"), 32<<20)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "PUT", "http://"+addr+"/upload", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := tr.Send(req, Fields(req, []string{"Host", "Content-Length"}))
	if err == nil {
		resp.Body.Close()
		t.Fatalf("status %d, want the write to fail", resp.StatusCode)
	}
	if !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, syscall.EPIPE) {
		t.Fatalf("err = %v (%T), want ECONNRESET or EPIPE", err, err)
	}
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "write" {
		t.Errorf("err = %v, want a write's net.OpError (Node's words name the write)", err)
	}
}
