package loopback

import (
	"context"
	"errors"
	"net"
	"os"
	"testing"
	"time"
)

// TestStalledTimesOut: a connect to the stalled port is neither accepted
// nor refused; it runs until the caller's deadline.
func TestStalledTimesOut(t *testing.T) {
	t.Parallel()
	s, err := ListenStalled()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for range 2 {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", s.Addr)
		cancel()
		if err == nil {
			conn.Close()
			t.Fatal("a connect to the stalled port completed")
		}
		if !errors.Is(err, context.DeadlineExceeded) && !os.IsTimeout(err) {
			t.Fatalf("want a timeout, got %v", err)
		}
	}
}
