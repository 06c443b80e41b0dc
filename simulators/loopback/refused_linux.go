package loopback

import (
	"fmt"
	"syscall"
)

// Refused is a loopback port that refuses connections for as long as it
// is held: a socket bound to it that does not listen, so the kernel
// answers a connect with a reset (ECONNREFUSED), and no other socket is
// given the port meanwhile. A port found free and closed again at once may
// be taken by any listener on the machine before the test connects to it
// (bind to port 0 picks among some 14,000 ports, and a test run opens
// hundreds of listeners), and the connection is then answered.
type Refused struct {
	// Addr is the host:port.
	Addr string
	// Port is its port.
	Port int
	fd   int
}

// ListenRefused binds 127.0.0.1 on a free port without listening.
func ListenRefused() (*Refused, error) {
	fd, port, err := bindLoopback("refused port")
	if err != nil {
		return nil, err
	}
	return &Refused{Addr: fmt.Sprintf("127.0.0.1:%d", port), Port: port, fd: fd}, nil
}

// bindLoopback opens a TCP socket bound to 127.0.0.1 on a port the kernel
// picks, and gives it with its port; what names the socket in errors.
func bindLoopback(what string) (fd, port int, err error) {
	fd, err = syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: socket: %w", what, err)
	}
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		syscall.Close(fd)
		return 0, 0, fmt.Errorf("%s: bind: %w", what, err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		syscall.Close(fd)
		return 0, 0, fmt.Errorf("%s: getsockname: %w", what, err)
	}
	return fd, sa.(*syscall.SockaddrInet4).Port, nil
}

// Close frees the port.
func (r *Refused) Close() error { return syscall.Close(r.fd) }
