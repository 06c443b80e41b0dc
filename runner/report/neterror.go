package report

import (
	"errors"
	"net"
	"runtime"
	"strconv"
	"syscall"

	"github.com/courier-run/courier/runner"
)

// uvEAINoname is libuv's UV_EAI_NONAME, the errno Node gives a getaddrinfo
// ENOTFOUND on every platform.
const uvEAINoname = -3008

// requestErrorJSON renders a network error as Newman's requestError: Node's
// system error fields (errno, code, syscall, address, port, hostname), which
// tools read, plus name, message and stack. Fields that cannot be derived
// from the error are left out rather than guessed.
func requestErrorJSON(err error) *jsonError {
	name := errorName(err)
	je := &jsonError{Name: name, Message: err.Error(), Stack: name + ": " + err.Error()}
	var ne *runner.NetError
	if !errors.As(err, &ne) {
		return je
	}
	je.Code = ne.Code
	var dnsErr *net.DNSError
	if errors.As(ne.Err, &dnsErr) {
		je.Syscall, je.Hostname = "getaddrinfo", dnsErr.Name
		if ne.Code == "ENOTFOUND" {
			n := uvEAINoname
			je.Errno = &n
		}
		return je
	}
	var opErr *net.OpError
	if errors.As(ne.Err, &opErr) {
		switch opErr.Op {
		case "dial":
			// Node names the address of a failed connect; a failed read or
			// write on an open socket carries no address.
			je.Syscall = "connect"
			if host, port, ok := splitAddr(opErr.Addr); ok {
				je.Address, je.Port = host, &port
			}
		case "read", "write":
			je.Syscall = opErr.Op
		}
	}
	// Node's errno is the negated POSIX errno; Windows' WSA numbers are not
	// what libuv reports there, so they are left out.
	var errno syscall.Errno
	if runtime.GOOS != "windows" && errors.As(ne.Err, &errno) && errno != 0 {
		n := -int(errno)
		je.Errno = &n
	}
	return je
}

// splitAddr takes the IP and port of a TCP address.
func splitAddr(a net.Addr) (string, int, bool) {
	if a == nil {
		return "", 0, false
	}
	if t, ok := a.(*net.TCPAddr); ok && t != nil {
		return t.IP.String(), t.Port, t.IP != nil
	}
	host, p, err := net.SplitHostPort(a.String())
	if err != nil {
		return "", 0, false
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		return "", 0, false
	}
	return host, port, true
}
