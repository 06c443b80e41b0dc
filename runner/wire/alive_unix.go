//go:build unix

package wire

import (
	"errors"
	"net"
	"syscall"
)

// peerDone reports whether the peer has closed or reset the idle socket
// beneath nc, or sent it something unasked (for TLS, a close_notify): a
// non-blocking MSG_PEEK, one system call that neither waits nor takes a
// byte. False when nc gives no socket to peek at.
func peerDone(nc net.Conn) bool {
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return false
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	var rerr error
	var b [1]byte
	err = rc.Read(func(fd uintptr) bool {
		_, _, rerr = syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		return true // done either way: never wait for the socket
	})
	if err != nil {
		return true
	}
	if errors.Is(rerr, syscall.EAGAIN) || errors.Is(rerr, syscall.EWOULDBLOCK) || errors.Is(rerr, syscall.EINTR) {
		return false // open, nothing to read
	}
	// A reset (an error), the end of the stream (0 bytes) or bytes unasked.
	return true
}
