package echo

import (
	"errors"
	"net"
	"syscall"
)

// sendAndShut writes answer to c and shuts c's write side, the last bytes
// and the end of stream in one segment: corked (TCP_CORK holds what is
// written until the shutdown), and both system calls in one callback on
// the socket, so no Go scheduling point (a preemption, a GC pause) falls
// between them. The cork alone is not enough: Linux sends corked bytes
// after 200 ms, and a server goroutine held up that long under load let a
// client read the answer, take the connection back and send into the
// close. False when c is not a TCP socket; the caller then writes and
// closes as usual.
func sendAndShut(c net.Conn, answer []byte) (bool, error) {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return false, nil
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return false, nil
	}
	rest := answer
	var werr error
	err = rc.Write(func(fd uintptr) bool {
		_ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK, 1)
		for len(rest) > 0 {
			n, err := syscall.Write(int(fd), rest)
			switch {
			case errors.Is(err, syscall.EINTR):
				continue
			case errors.Is(err, syscall.EAGAIN):
				// The send buffer is full, so the client has not got the
				// answer's end yet: wait for room, then go on.
				return false
			case err != nil:
				werr = err
				return true
			}
			rest = rest[n:]
		}
		werr = syscall.Shutdown(int(fd), syscall.SHUT_WR)
		return true
	})
	if err == nil {
		err = werr
	}
	return true, err
}
