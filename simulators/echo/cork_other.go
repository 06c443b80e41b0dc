//go:build !linux

package echo

import "net"

// cork is a no-op where TCP_CORK is not offered.
func cork(net.Conn) {}
