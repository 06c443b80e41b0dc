//go:build !unix

package wire

import "net"

// peerDone cannot peek at a socket here: an idle connection is taken as
// open, and a request that fails on it before any answer is retried when
// it may be sent twice.
func peerDone(net.Conn) bool { return false }
