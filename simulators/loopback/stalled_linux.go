package loopback

import (
	"fmt"
	"net"
	"syscall"
)

// Stalled is a loopback port that never completes a connection: a
// connect to it waits until the client gives up, as one to a host that
// drops packets does. It is how a connect timeout is met without a
// network (tests run with loopback only).
type Stalled struct {
	// Addr is the host:port.
	Addr   string
	fd     int
	filler net.Conn
}

// ListenStalled binds 127.0.0.1 on a free port with an accept queue of
// one and fills that one place; nothing ever accepts. Linux drops a SYN
// to a listener whose queue is full (and the client's retries alike), so
// every later connect hangs.
func ListenStalled() (*Stalled, error) {
	fd, port, err := bindLoopback("stalled listener")
	if err != nil {
		return nil, err
	}
	s := &Stalled{Addr: fmt.Sprintf("127.0.0.1:%d", port), fd: fd}
	// A backlog of 0 leaves one place: the queue is full when it holds
	// more than the backlog.
	if err := syscall.Listen(fd, 0); err != nil {
		s.Close()
		return nil, fmt.Errorf("stalled listener: listen: %w", err)
	}
	if s.filler, err = net.Dial("tcp", s.Addr); err != nil {
		s.Close()
		return nil, fmt.Errorf("stalled listener: filling the queue: %w", err)
	}
	return s, nil
}

// Close frees the port.
func (s *Stalled) Close() error {
	if s.filler != nil {
		s.filler.Close()
	}
	return syscall.Close(s.fd)
}
