// Package loopback binds and serves the local simulators (the echo server,
// the local PingOne) on loopback addresses only, with one stop-and-wait
// behaviour for all of them.
package loopback

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Server is a simulator listening on loopback.
type Server struct {
	// URL is the base URL, e.g. http://127.0.0.1:41234 (no trailing slash).
	URL string
	// Addr is the host:port actually bound.
	Addr string

	closeOnce sync.Once
	closeErr  error
	stop      func() error
	done      chan struct{}
}

// Close stops the server: in-flight requests (a /delay, a stream) are
// cancelled rather than waited for. It is safe to call more than once.
func (r *Server) Close() error {
	r.closeOnce.Do(func() {
		r.closeErr = r.stop()
		<-r.done
	})
	return r.closeErr
}

// Listen binds addr, refusing anything that is not loopback so a
// simulator is never reachable from the network. An empty addr means
// 127.0.0.1 on a free port; "localhost" is pinned to 127.0.0.1.
func Listen(addr string) (net.Listener, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("listen address %q: %w", addr, err)
	}
	if strings.EqualFold(host, "localhost") {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("listen address %q: only loopback addresses (127.0.0.1, ::1, localhost) are allowed", addr)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	return ln, nil
}

// ListenHandler serves h on a loopback address.
func ListenHandler(addr string, h http.Handler) (*Server, error) {
	ln, err := Listen(addr)
	if err != nil {
		return nil, err
	}
	return Serve(ln, h), nil
}

// Serve serves h on ln until Close (which closes ln). Options adjust the
// http.Server before it starts (the TLS echo silences its handshake log).
func Serve(ln net.Listener, h http.Handler, options ...func(*http.Server)) *Server {
	// Cancelling the base context ends handlers that honour it (/delay,
	// /stream) at once on Close.
	ctx, cancel := context.WithCancel(context.Background())
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	for _, o := range options {
		o(srv)
	}
	stop := func() error {
		cancel()
		sctx, scancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer scancel()
		if err := srv.Shutdown(sctx); err != nil {
			return srv.Close()
		}
		return nil
	}
	return Run(ln, func() error {
		defer cancel()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}, stop)
}

// Run is Serve for servers below net/http (the raw echo): serve runs until
// stop makes it return.
func Run(ln net.Listener, serve, stop func() error) *Server {
	addr := ln.Addr().String()
	run := &Server{URL: "http://" + addr, Addr: addr, stop: stop, done: make(chan struct{})}
	go func() {
		defer close(run.done)
		_ = serve() // nothing waits on it: Close stops it
	}()
	return run
}
