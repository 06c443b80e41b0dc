package echo

import (
	"net"
	"syscall"
)

// cork holds what is written to c until the connection is shut down (or
// 200 ms pass), so the last bytes and the end of stream go in one segment.
func cork(c net.Conn) {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return
	}
	_ = rc.Control(func(fd uintptr) {
		_ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK, 1)
	})
}
