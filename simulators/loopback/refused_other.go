//go:build !linux

package loopback

import "net"

// Refused is a loopback port nothing listens on. Here it is a port found
// free and closed again: another listener may take it before the test
// connects (on Linux, a bound socket holds it).
type Refused struct {
	// Addr is the host:port.
	Addr string
	// Port is its port.
	Port int
}

// ListenRefused finds a free loopback port.
func ListenRefused() (*Refused, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &Refused{Addr: l.Addr().String(), Port: l.Addr().(*net.TCPAddr).Port}
	return r, l.Close()
}

// Close does nothing.
func (r *Refused) Close() error { return nil }
