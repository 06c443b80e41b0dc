package echoserver

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

// Running is a server listening on loopback.
type Running struct {
	// URL is the base URL, e.g. http://127.0.0.1:41234 (no trailing slash).
	URL string
	// Addr is the host:port actually bound.
	Addr string

	closeOnce sync.Once
	closeErr  error
	stop      func() error
	done      chan struct{}
	serveErr  error
}

// Close stops the server: in-flight requests (a /delay, a stream) are
// cancelled rather than waited for. It is safe to call more than once.
func (r *Running) Close() error {
	r.closeOnce.Do(func() {
		r.closeErr = r.stop()
		<-r.done
	})
	return r.closeErr
}

// Wait blocks until the server stops, and returns why if it was not Close.
func (r *Running) Wait() error {
	<-r.done
	return r.serveErr
}

// ListenLoopback binds addr, refusing anything that is not loopback so a
// test server is never reachable from the network. An empty addr means
// 127.0.0.1 on a free port; "localhost" is pinned to 127.0.0.1.
func ListenLoopback(addr string) (net.Listener, error) {
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

// Listen serves a postman-echo compatible Server with default Options on a
// loopback address ("127.0.0.1:0" or "" picks a free port).
func Listen(addr string) (*Running, error) {
	return ListenHandler(addr, New(Options{}))
}

// ListenHandler serves any handler (New with options, NewRedirect) on a
// loopback address.
func ListenHandler(addr string, h http.Handler) (*Running, error) {
	ln, err := ListenLoopback(addr)
	if err != nil {
		return nil, err
	}
	return Serve(ln, h), nil
}

// Serve serves h on ln until Close (which closes ln). Other local servers
// (the local PingOne) use it for the same stop and wait semantics.
func Serve(ln net.Listener, h http.Handler) *Running {
	// Cancelling the base context ends handlers that honour it (/delay,
	// /stream) at once on Close.
	ctx, cancel := context.WithCancel(context.Background())
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	run := newRunning(ln)
	run.stop = func() error {
		cancel()
		sctx, scancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer scancel()
		if err := srv.Shutdown(sctx); err != nil {
			return srv.Close()
		}
		return nil
	}
	go func() {
		defer close(run.done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			run.serveErr = fmt.Errorf("serving %s: %w", run.Addr, err)
		}
		cancel()
	}()
	return run
}

func newRunning(ln net.Listener) *Running {
	addr := ln.Addr().String()
	return &Running{URL: "http://" + addr, Addr: addr, done: make(chan struct{})}
}
