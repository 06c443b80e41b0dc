//go:build !linux

package echo

import "net"

// sendAndShut is left to the caller's plain write and close where
// TCP_CORK is not offered.
func sendAndShut(net.Conn, []byte) (bool, error) { return false, nil }
