package wire

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"time"
)

// idleKey carries a request's idle timeout in its context.
type idleKey struct{}

// WithIdleTimeout gives the requests sent with ctx the request library's
// timeout (postman-request's, which Newman's --timeout-request sets): the
// connect must be done within d of the request's start (the lookup
// included), and from then on the socket may be idle, neither reading nor
// writing, for at most d. A server that drips its answer, or a chain of
// redirects each answered within d, is never cut. Reads and writes past it
// fail with os.ErrDeadlineExceeded, the connect with the context's
// deadline.
func WithIdleTimeout(ctx context.Context, d time.Duration) context.Context {
	if d <= 0 {
		return ctx
	}
	return context.WithValue(ctx, idleKey{}, d)
}

// idleTimeout is ctx's idle timeout; 0 for none.
func idleTimeout(ctx context.Context) time.Duration {
	d, _ := ctx.Value(idleKey{}).(time.Duration)
	return d
}

// connectContext is ctx for making a connection: with an idle timeout d,
// the request library's connect timer, the lookup and the connect (here the
// tunnel and the handshake too) within d of the start.
func connectContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if d := idleTimeout(ctx); d > 0 {
		return context.WithTimeout(ctx, d)
	}
	return ctx, func() {}
}

// timedOutIdle reports whether err is a read or write that outlived the
// idle timeout: no sign of a closed kept-alive connection, so the request
// is not sent again.
func timedOutIdle(err error) bool { return errors.Is(err, os.ErrDeadlineExceeded) }

// idleWriter is a connection's writer that, while a request has an idle
// timeout, gives each write that long (Node's socket timeout counts writes
// as activity too).
type idleWriter struct {
	w io.Writer
	c *conn
}

func (w idleWriter) Write(p []byte) (int, error) {
	if d := w.c.lim.idle; d > 0 {
		_ = w.c.nc.SetWriteDeadline(time.Now().Add(d))
	}
	return w.w.Write(p)
}

// readDeadline gives the next read from nc the idle timeout d.
func readDeadline(nc net.Conn, d time.Duration) {
	_ = nc.SetReadDeadline(time.Now().Add(d))
}

// proxyKey carries a request's own proxy in its context.
type proxyKey struct{}

// ownProxy is a request's own proxy (WithProxy).
type ownProxy struct {
	url *url.URL
	// tunnel asks for a CONNECT tunnel for http too.
	tunnel bool
}

// WithProxy sends the requests made with ctx through proxy, in place of
// the Transport's Proxy (the proxy variables and their exceptions), as
// postman-request takes a request's own proxy: https in a CONNECT tunnel,
// http too when tunnel is set.
func WithProxy(ctx context.Context, proxy *url.URL, tunnel bool) context.Context {
	return context.WithValue(ctx, proxyKey{}, ownProxy{url: proxy, tunnel: tunnel})
}
