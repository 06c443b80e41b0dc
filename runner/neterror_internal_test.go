package runner

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"runtime"
	"syscall"
	"testing"

	"github.com/courier-run/courier/runner/wire"
	"github.com/courier-run/courier/simulators/loopback"
)

// osErrnos names the error numbers of one OS's table, so that the same
// cases run against the Unix and the Windows table on every OS.
type osErrnos struct {
	name                                    string
	table                                   []errnoWord
	refused, reset, pipe, aborted, timedOut syscall.Errno
}

var errnoTables = []osErrnos{
	{name: "unix", table: unixErrnos, refused: syscall.ECONNREFUSED, reset: syscall.ECONNRESET, pipe: syscall.EPIPE},
	{name: "windows", table: windowsErrnos, refused: 10061, reset: 10054, pipe: 10058, aborted: 10053, timedOut: 10060},
}

// Transport errors read as Node's: code, words, and the syscall when the
// Go error does not carry one. Each case runs with both OSes' numbers.
func TestDescribeNetError(t *testing.T) {
	t.Parallel()
	peer := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}
	op := func(name string, errno syscall.Errno) error {
		return &net.OpError{Op: name, Net: "tcp", Addr: peer, Err: os.NewSyscallError("socket call", errno)}
	}
	for _, osn := range errnoTables {
		tests := []struct {
			name string
			err  error
			// want is the NetError's code, words and syscall; an empty
			// code means the error is returned as it is.
			code, msg, syscall string
		}{
			{"refused connect names the address", op("dial", osn.refused), "ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1", ""},
			{"refused inside url.Error", &url.Error{Op: "Get", URL: "http://127.0.0.1:1/", Err: op("dial", osn.refused)}, "ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1", ""},
			{"reset while reading has no address", op("read", osn.reset), "ECONNRESET", "read ECONNRESET", ""},
			{"reset while writing", op("write", osn.reset), "ECONNRESET", "write ECONNRESET", ""},
			{"reset during connect names the address", op("dial", osn.reset), "ECONNRESET", "connect ECONNRESET 127.0.0.1:1", ""},
			{"bare reset is a read", fmt.Errorf("copying: %w", osn.reset), "ECONNRESET", "read ECONNRESET", "read"},
			{"broken pipe while writing", op("write", osn.pipe), "EPIPE", "write EPIPE", ""},
			{"reset and EOF together: the reset", fmt.Errorf("%w: %w", io.EOF, op("read", osn.reset)), "ECONNRESET", "read ECONNRESET", ""},
			{"not found", &net.DNSError{Err: "no such host", Name: "nosuch.invalid", IsNotFound: true}, "ENOTFOUND", "getaddrinfo ENOTFOUND nosuch.invalid", ""},
			{"lookup failure that is not a miss stays", &net.DNSError{Err: "server misbehaving", Name: "x.invalid"}, "", "", ""},
			{"no name server reachable: try again", &net.DNSError{Err: "dial udp 10.0.0.53:53: connect: network is unreachable", Name: "api.test", Server: "10.0.0.53:53", IsTemporary: true}, "EAI_AGAIN", "getaddrinfo EAI_AGAIN api.test", ""},
			{"lookup timeout is no EAI_AGAIN", &net.DNSError{Err: "i/o timeout", Name: "api.test", IsTimeout: true, IsTemporary: true}, "ETIMEDOUT", "ETIMEDOUT", ""},
			{"EOF is a hang up", io.ErrUnexpectedEOF, "ECONNRESET", "socket hang up", ""},
			{"closed idle connection is a hang up", errors.New("http: server closed idle connection"), "ECONNRESET", "socket hang up", ""},
			{"bad header name", &wire.FieldError{Name: "a b"}, "ERR_INVALID_HTTP_TOKEN", `Header name must be a valid HTTP token ["a b"]`, ""},
			{"bad header value", &wire.FieldError{Name: "X-A", Value: true}, "ERR_INVALID_CHAR", `Invalid character in header content ["X-A"]`, ""},
			{"https to a plain port", tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}, "EPROTO", "write EPROTO error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n", "write"},
			{"request timeout while waiting for the answer", fmt.Errorf("waiting: %w", context.DeadlineExceeded), "ESOCKETTIMEDOUT", "ESOCKETTIMEDOUT", ""},
			{"request timeout while connecting", &net.OpError{Op: "dial", Net: "tcp", Err: context.DeadlineExceeded}, "ETIMEDOUT", "ETIMEDOUT", ""},
			{"unknown error stays", errors.New("something else"), "", "", ""},
		}
		if osn.aborted != 0 {
			tests = append(tests, []struct {
				name               string
				err                error
				code, msg, syscall string
			}{
				{"connection aborted by the host while writing", op("write", osn.aborted), "ECONNABORTED", "write ECONNABORTED", ""},
				{"OS connect timeout names the address", op("dial", osn.timedOut), "ETIMEDOUT", "connect ETIMEDOUT 127.0.0.1:1", ""},
			}...)
		}
		for _, tc := range tests {
			got := describeNetErrorWith(tc.err, osn.table)
			var ne *NetError
			if !errors.As(got, &ne) {
				if tc.code != "" {
					t.Errorf("%s: %s: got %T %v, want code %s", osn.name, tc.name, got, got, tc.code)
				} else if got != unwrapURLError(tc.err) {
					t.Errorf("%s: %s: got %v, want the error itself", osn.name, tc.name, got)
				}
				continue
			}
			if ne.Code != tc.code || ne.Msg != tc.msg || ne.Syscall != tc.syscall {
				t.Errorf("%s: %s: got %q %q syscall %q, want %q %q syscall %q", osn.name, tc.name, ne.Code, ne.Msg, ne.Syscall, tc.code, tc.msg, tc.syscall)
			}
			if !errors.Is(got, unwrapURLError(tc.err)) && tc.code != "EPROTO" {
				t.Errorf("%s: %s: the NetError does not wrap the error it describes", osn.name, tc.name)
			}
		}
	}
}

// One OS's numbers mean something else on another (Windows' 64 is Linux's
// ENONET): only the running OS's table is used, and a number of the other
// table is not worded.
func TestErrnoTablesAreTheirOSsOwn(t *testing.T) {
	t.Parallel()
	for _, w := range windowsErrnos {
		if got := errnoCode(w.errno, unixErrnos); got != "" {
			t.Errorf("Winsock/Win32 number %d worded with the Unix table: %s", w.errno, got)
		}
	}
	for _, w := range unixErrnos {
		if got := errnoCode(w.errno, windowsErrnos); got != "" {
			t.Errorf("%s (%d) worded with the Windows table: %s", w.code, w.errno, got)
		}
	}
	if onWindows := &hostErrnos()[0] == &windowsErrnos[0]; onWindows != (runtime.GOOS == "windows") {
		t.Errorf("hostErrnos picks the Windows table: %v on %s", onWindows, runtime.GOOS)
	}
}

// Real sockets on the OS the tests run on: a refused connect and a reset
// read are worded as Newman words them, whatever numbers the OS uses.
func TestDescribeNetErrorOfRealSockets(t *testing.T) {
	t.Parallel()
	refused, err := loopback.ListenRefused() // held: no listener takes it meanwhile
	if err != nil {
		t.Fatal(err)
	}
	defer refused.Close()
	closed := refused.Addr
	_, err = net.Dial("tcp", closed)
	if err == nil {
		t.Fatal("a connect to the refused port was accepted")
	}
	if got := describeNetError(err).Error(); got != "connect ECONNREFUSED "+closed {
		t.Errorf("refused connect: %q (from %v)", got, err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		buf := make([]byte, 1)
		c.Read(buf)                   // the client's byte: then reset
		c.(*net.TCPConn).SetLinger(0) // RST instead of FIN
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	_, err = c.Read(make([]byte, 1))
	if err == nil {
		t.Fatal("read after the reset succeeded")
	}
	if got := describeNetError(err).Error(); got != "read ECONNRESET" {
		t.Errorf("reset read: %q (from %v)", got, err)
	}
}
