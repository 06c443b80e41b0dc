//go:build !linux

package loopback

import "errors"

// Stalled is a loopback port that never completes a connection. It is
// built on Linux only, where a full accept queue is known to drop SYNs.
type Stalled struct{ Addr string }

// ListenStalled is not available on this system.
func ListenStalled() (*Stalled, error) {
	return nil, errors.New("a stalled listener needs Linux")
}

// Close does nothing.
func (s *Stalled) Close() error { return nil }
