package runner

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/courier-run/courier/runner/wire"
	"github.com/courier-run/courier/scripting"
)

// NetError is a network failure with Node's error code (ECONNREFUSED,
// ENOTFOUND...), so messages read as Newman's do.
type NetError struct {
	Code    string
	Msg     string
	Err     error
	Name    string // the JavaScript error's name when not Error (RangeError)
	Syscall string // Node's syscall when the Go error does not say (EPROTO's write)
	// Connect is the request library's flag on its timeouts: true when
	// the time ran out before the connection was made. Such an error has
	// no other system field (fresh-round9v-connect-json.json).
	Connect *bool
	// The fields Node adds beyond the system ones: OpenSSL's on a TLS
	// alert, a certificate for another host's, llhttp's on a refused
	// response, a TLS socket's closed in the handshake.
	scripting.NodeErrorDetails
}

func (e *NetError) Error() string     { return e.Msg }
func (e *NetError) Unwrap() error     { return e.Err }
func (e *NetError) ErrorName() string { return e.Name }

// describeNetError turns transport errors into the short messages users
// know (Newman prints "connect ECONNREFUSED 127.0.0.1:1"); errors it does
// not know are returned as they are.
func describeNetError(err error) error {
	return describeNetErrorWith(err, hostErrnos())
}

// describeNetErrorWith is describeNetError with the OS's error numbers
// given, so that each OS's table is tested on every OS. The steps run in
// this order because one error can match several (a reset read wraps an
// errno and may also mention EOF): the most specific word wins.
func describeNetErrorWith(err error, errnos []errnoWord) error {
	err = unwrapURLError(err)
	for _, describe := range [...]func(error) *NetError{
		func(err error) *NetError { return tunnelFailed(err, errnos) },
		notFound,
		tlsWords,
		tlsClosed,
		headerOverflow,
		func(err error) *NetError { return errnoError(err, errnos) },
		hangUp,
		refusedHeader,
		tlsToPlainPort,
		timedOut,
	} {
		if ne := describe(err); ne != nil {
			return ne
		}
	}
	return err
}

// headerOverflow is a response Node's HTTP parser refuses, in its words:
// a head over 16 KiB (wire.Transport.HeaderFieldLimit), a head llhttp
// would not take (wire.ParseError), a bad chunk size.
func headerOverflow(err error) *NetError {
	var pe *wire.ParseError
	switch {
	case errors.Is(err, wire.ErrHeaderOverflow):
		ne := &NetError{Code: "HPE_HEADER_OVERFLOW", Msg: "Parse Error: Header overflow", Err: err}
		var oe *wire.OverflowError
		if errors.As(err, &oe) && oe.Packet != nil {
			// Node's details when the head came in one piece: where llhttp
			// stopped and the chunk it was given (fresh-round12n-h.json).
			n := oe.BytesParsed
			ne.NodeErrorDetails = scripting.NodeErrorDetails{BytesParsed: &n, Reason: "Header overflow", RawPacket: oe.Packet}
		}
		return ne
	case errors.As(err, &pe):
		code := pe.Code
		if code == "" {
			code = "HPE_INVALID"
		}
		n := pe.Offset
		return &NetError{Code: code, Msg: pe.Error(), Err: err,
			NodeErrorDetails: scripting.NodeErrorDetails{BytesParsed: &n, Reason: pe.Reason, RawPacket: pe.Packet}}
	case strings.Contains(err.Error(), "invalid byte in chunk length"):
		// Go's chunked reader; llhttp's words.
		return &NetError{Code: "HPE_INVALID_CHUNK_SIZE", Msg: "Parse Error: Invalid character in chunk size", Err: err}
	}
	return nil
}

// tunnelFailed is a CONNECT tunnel through a proxy that could not be
// made, in Node's tunnel agent's words: the cause described as Node would
// word it, or the proxy's status; code ECONNRESET and no other system
// field (fresh-round11n-a.json).
func tunnelFailed(err error, errnos []errnoWord) *NetError {
	var te *wire.TunnelError
	if !errors.As(err, &te) {
		return nil
	}
	msg := "tunneling socket could not be established, statusCode=" + strconv.Itoa(te.Status)
	if te.Cause != nil {
		msg = "tunneling socket could not be established, cause=" + describeNetErrorWith(te.Cause, errnos).Error()
	}
	return &NetError{Code: "ECONNRESET", Msg: msg, Err: te}
}

// tlsClosed is a server that closed the connection during the TLS
// handshake: Node's TLS socket words it so, and its err has the socket's
// path (null), host and port (as text).
func tlsClosed(err error) *NetError {
	var hc *wire.HandshakeClosedError
	if !errors.As(err, &hc) {
		return nil
	}
	return &NetError{Code: "ECONNRESET", Err: err, NodeErrorDetails: scripting.NodeErrorDetails{NullPath: true, Host: hc.Host, PortText: hc.Port},
		Msg: "Client network socket disconnected before secure TLS connection was established"}
}

// notFound is a name lookup that failed: Node's getaddrinfo words.
// ENOTFOUND when the name does not exist; EAI_AGAIN when no name server
// could be asked (none reachable), as getaddrinfo says "try again" then. A
// lookup that timed out is left to timedOut: a request timeout that expires
// during the lookup is Newman's ETIMEDOUT.
func notFound(err error) *NetError {
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) {
		return nil
	}
	switch {
	case dnsErr.IsNotFound:
		return &NetError{Code: "ENOTFOUND", Msg: "getaddrinfo ENOTFOUND " + dnsErr.Name, Err: err}
	case dnsErr.IsTemporary && !dnsErr.IsTimeout:
		return &NetError{Code: "EAI_AGAIN", Msg: "getaddrinfo EAI_AGAIN " + dnsErr.Name, Err: err}
	}
	return nil
}

// errnoError words an OS error number the way Node does: the code (see
// errnoWord) after the socket call that hit it.
func errnoError(err error, errnos []errnoWord) *NetError {
	switch code := errnoCode(err, errnos); code {
	case "":
		return nil
	case "ECONNREFUSED":
		return &NetError{Code: code, Msg: "connect ECONNREFUSED" + dialAddr(err, false), Err: err}
	case "ETIMEDOUT":
		// The OS gave up (a connect no one answered): Node names the
		// socket call and the address, as for a reset.
		return resetError(err, code)
	default:
		return resetError(err, code)
	}
}

// resetError is a reset (RST), not a close: Node names the socket call it
// hit, "read ECONNRESET" while waiting for the answer (Newman 6.2.2),
// "write ECONNRESET" or "write EPIPE" while sending the body. A reset
// during the connect names the address, as Node's does.
func resetError(err error, code string) *NetError {
	call, sys := "read", "read"
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		sys = "" // the error's own operation says it (netFields)
		switch opErr.Op {
		case "write":
			call = "write"
		case "dial":
			call = "connect"
		}
	}
	return &NetError{Code: code, Syscall: sys, Msg: call + " " + code + dialAddr(err, true), Err: err}
}

// dialAddr is " host:port" of the error's operation, as Node appends the
// address to a failed connect's words; dialOnly leaves it out for an
// operation other than the connect (a read or write on an open socket).
func dialAddr(err error, dialOnly bool) string {
	var opErr *net.OpError
	if !errors.As(err, &opErr) || opErr.Addr == nil || (dialOnly && opErr.Op != "dial") {
		return ""
	}
	if host, port, ok := splitAddr(opErr.Addr); ok {
		// Node joins address and port with a colon, an IPv6 address
		// without brackets ("::1:1").
		return " " + host + ":" + strconv.Itoa(port)
	}
	return " " + opErr.Addr.String()
}

// hangUp is the server closing the connection without answering (or in
// the middle of the answer): Node's "socket hang up".
func hangUp(err error) *NetError {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		// Go's transport says so when the server closes a fresh connection
		// before answering; Node calls it a socket hang up too.
		strings.Contains(err.Error(), "server closed idle connection") {
		return &NetError{Code: "ECONNRESET", Msg: "socket hang up", Err: err}
	}
	return nil
}

// refusedHeader is a header (or request path) the wire writer would not
// send; Node refuses it before sending, in these words.
func refusedHeader(err error) *NetError {
	var fieldErr *wire.FieldError
	if pathErr := (*wire.PathError)(nil); errors.As(err, &pathErr) {
		return &NetError{Code: "ERR_UNESCAPED_CHARACTERS", Name: "TypeError", Err: err, Msg: pathErr.Error()}
	}
	switch {
	case !errors.As(err, &fieldErr):
		return nil
	case !fieldErr.Value:
		return &NetError{Code: "ERR_INVALID_HTTP_TOKEN", Name: "TypeError", Err: err,
			Msg: "Header name must be a valid HTTP token [" + strconv.Quote(fieldErr.Name) + "]"}
	default:
		return &NetError{Code: "ERR_INVALID_CHAR", Name: "TypeError", Err: err,
			Msg: "Invalid character in header content [" + strconv.Quote(fieldErr.Name) + "]"}
	}
}

// tlsToPlainPort is an https request to a plain-HTTP port: OpenSSL, in
// Node, reads the answer as a record of the wrong version. Its message
// also names a thread address and a source line, which vary; the code,
// errno and syscall are Node's.
func tlsToPlainPort(err error) *NetError {
	if !errors.As(err, new(tls.RecordHeaderError)) {
		return nil
	}
	return &NetError{Code: "EPROTO", Syscall: "write", Err: fmt.Errorf("%w: %w", err, syscall.EPROTO),
		Msg: "write EPROTO error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n"}
}

// timedOut is the request timeout (--timeout-request) running out, in
// the request library's words that Newman and Postman CLI print (JSON and
// v12 runs alike): ETIMEDOUT while connecting (the lookup or the dial),
// ESOCKETTIMEDOUT once connected, when the socket was idle that long
// (fresh-round8v-errors.json, fresh-round12n-a.json; wire.WithIdleTimeout).
func timedOut(err error) *NetError {
	if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, os.ErrDeadlineExceeded) && !os.IsTimeout(err) {
		return nil
	}
	var opErr *net.OpError
	connecting := errors.As(err, new(*net.DNSError)) || (errors.As(err, &opErr) && opErr.Op == "dial")
	if connecting {
		return &NetError{Code: "ETIMEDOUT", Msg: "ETIMEDOUT", Err: err, Connect: &connecting}
	}
	return &NetError{Code: "ESOCKETTIMEDOUT", Msg: "ESOCKETTIMEDOUT", Err: err, Connect: &connecting}
}

// errnoWord is an OS error number and the code Node (libuv) prints for it.
type errnoWord struct {
	errno syscall.Errno
	code  string
}

// unixErrnos are the error numbers describeNetError words on Unix, where
// syscall's names are the OS's own numbers and libuv's code is the errno's
// name. EPIPE comes before ECONNRESET: an error carrying both is a write
// that hit the reset, worded EPIPE.
var unixErrnos = []errnoWord{
	{syscall.ECONNREFUSED, "ECONNREFUSED"},
	{syscall.EPIPE, "EPIPE"},
	{syscall.ECONNRESET, "ECONNRESET"},
}

// windowsErrnos are the same on Windows, where sockets fail with Winsock
// and Win32 numbers (syscall's ECONNRESET there is a number Go invents and
// its net package never returns) and Node prints the codes libuv's
// uv_translate_sys_error gives them. The numbers are winerror.h's; they
// are written out because syscall names only two of them.
var windowsErrnos = []errnoWord{
	{10061, "ECONNREFUSED"}, // WSAECONNREFUSED
	{1225, "ECONNREFUSED"},  // ERROR_CONNECTION_REFUSED (ConnectEx's completion)
	{10058, "EPIPE"},        // WSAESHUTDOWN
	{10054, "ECONNRESET"},   // WSAECONNRESET
	{64, "ECONNRESET"},      // ERROR_NETNAME_DELETED (an overlapped read or write)
	{10053, "ECONNABORTED"}, // WSAECONNABORTED: the host dropped the connection
	{1236, "ECONNABORTED"},  // ERROR_CONNECTION_ABORTED
	{10060, "ETIMEDOUT"},    // WSAETIMEDOUT: Go's Timeout() does not know it
	{121, "ETIMEDOUT"},      // ERROR_SEM_TIMEOUT
}

// hostErrnos is the table of the OS courier runs on.
func hostErrnos() []errnoWord {
	if runtime.GOOS == "windows" {
		return windowsErrnos
	}
	return unixErrnos
}

// errnoCode is Node's code for the first error number of errnos that err
// carries; "" for none.
func errnoCode(err error, errnos []errnoWord) string {
	for _, w := range errnos {
		if errors.Is(err, w.errno) {
			return w.code
		}
	}
	return ""
}
