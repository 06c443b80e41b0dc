//go:build !linux

package wire

import (
	"io"
	"net"
	"time"
)

// Elsewhere AwaitResponse changes nothing: requests are written through
// the connection and the read parks in the network poller at once.

func awaitReadable(net.Conn, time.Duration) {}

func newRawWriter(net.Conn) io.Writer { return nil }
