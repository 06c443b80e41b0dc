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
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("refused port: socket: %w", err)
	}
	r := &Refused{fd: fd}
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		r.Close()
		return nil, fmt.Errorf("refused port: bind: %w", err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("refused port: getsockname: %w", err)
	}
	r.Port = sa.(*syscall.SockaddrInet4).Port
	r.Addr = fmt.Sprintf("127.0.0.1:%d", r.Port)
	return r, nil
}

// Close frees the port.
func (r *Refused) Close() error { return syscall.Close(r.fd) }
