package loopback

import (
	"errors"
	"net"
	"syscall"
	"testing"
)

// TestRefusedRefusesAndIsHeld: a connect to the refused port is refused,
// and while it is held no listener can have its port.
func TestRefusedRefusesAndIsHeld(t *testing.T) {
	t.Parallel()
	r, err := ListenRefused()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for range 2 {
		conn, err := net.Dial("tcp", r.Addr)
		if err == nil {
			conn.Close()
			t.Fatal("a connect to the refused port was accepted")
		}
		if !errors.Is(err, syscall.ECONNREFUSED) {
			t.Fatalf("want ECONNREFUSED, got %v", err)
		}
	}
	if l, err := net.Listen("tcp", r.Addr); err == nil {
		l.Close()
		t.Fatal("a listener took the held port")
	}
}
