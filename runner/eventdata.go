package runner

import (
	"cmp"
	"errors"
	"net"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/scripting"
)

// ItemRefs names every item of a collection as plain data, keyed by its
// position in a depth-first walk.
func ItemRefs(c *collections.Collection) map[*collections.Item]ItemRef {
	refs := map[*collections.Item]ItemRef{}
	key := 0
	var walk func(items []*collections.Item, parent *ItemRef)
	walk = func(items []*collections.Item, parent *ItemRef) {
		parentItems := len(items)
		for _, it := range items {
			key++
			ref := ItemRef{ID: it.ID, Name: it.Name, Key: key}
			if parent != nil {
				// Extended in place when the parent has one child (only its
				// subtree writes past the parent's folders), else copied, so
				// deep chains of folders stay linear.
				// A nameless folder goes by its id, as Newman's getFullName
				// names it (the cli's folder lines, "inside", JUnit).
				label := cmp.Or(parent.Name, parent.ID)
				if parentItems == 1 {
					ref.Folders = append(parent.Folders, label)
				} else {
					ref.Folders = append(append(make([]string, 0, len(parent.Folders)+1), parent.Folders...), label)
				}
				ref.FolderID, ref.FolderKey = parent.ID, parent.Key
			}
			if it.Request != nil && it.Request.Body != nil {
				ref.BodyMode = it.Request.Body.Mode
			}
			refs[it] = ref
			if it.IsFolder() {
				walk(it.Items, &ref)
			}
		}
	}
	walk(c.Items, nil)
	return refs
}

// plainErr is ErrorInfoOf as an error: nil stays a nil interface.
func plainErr(err error) error {
	if err == nil {
		return nil
	}
	return ErrorInfoOf(err)
}

// ErrorInfoOf turns an error into plain data, keeping its JavaScript name,
// message and, for network errors, Node's system error fields.
func ErrorInfoOf(err error) *ErrorInfo {
	if err == nil {
		return nil
	}
	if ei, ok := err.(*ErrorInfo); ok {
		return ei
	}
	e := &ErrorInfo{Name: "Error", Text: err.Error()}
	var n interface{ ErrorName() string }
	if errors.As(err, &n) && n.ErrorName() != "" {
		e.Name = n.ErrorName()
	}
	var m interface{ ErrorMessage() string }
	var se *scripting.ScriptError
	if errors.As(err, &se) && (se.Name != "" || se.Nameless) {
		// A script error's message may be empty (a thrown string), as
		// Newman reports it; so may its name (Nameless).
		e.Message = se.Msg
		if se.Nameless {
			e.Name = ""
		}
		if se.Chai != nil {
			e.Fields, e.Line, e.Column = se.Chai, se.Line, se.CallColumn
		}
	} else if errors.As(err, &m) && m.ErrorMessage() != "" {
		e.Message = m.ErrorMessage()
	} else {
		e.Message = strings.TrimPrefix(e.Text, e.Name+": ")
	}
	var ne *NetError
	if errors.As(err, &ne) {
		netFields(e, ne)
	}
	return e
}

// libuv's getaddrinfo errnos, the same on every platform: UV_EAI_NONAME
// (ENOTFOUND) and UV_EAI_AGAIN.
var uvGetaddrinfoErrno = map[string]int{"ENOTFOUND": -3008, "EAI_AGAIN": -3001}

// netFields fills Node's system error fields (errno, code, syscall,
// address, port, hostname), which tools read from Newman's reports. Fields
// that cannot be derived from the error are left out rather than guessed.
func netFields(e *ErrorInfo, ne *NetError) {
	e.Code = ne.Code
	e.NodeErrorDetails = ne.NodeErrorDetails
	if ne.Connect != nil {
		// A timeout is the request library's own error: code and connect.
		e.Connect = ne.Connect
		return
	}
	var dnsErr *net.DNSError
	if errors.As(ne.Err, &dnsErr) {
		e.Syscall, e.Hostname = "getaddrinfo", dnsErr.Name
		if n, ok := uvGetaddrinfoErrno[ne.Code]; ok {
			e.Errno = &n
		}
		return
	}
	var opErr *net.OpError
	if errors.As(ne.Err, &opErr) {
		switch opErr.Op {
		case "dial":
			// Node names the address of a failed connect; a failed read or
			// write on an open socket carries no address.
			e.Syscall = "connect"
			if host, port, ok := splitAddr(opErr.Addr); ok {
				e.Address, e.Port = host, &port
			}
		case "read", "write":
			e.Syscall = opErr.Op
		}
	}
	if ne.Syscall != "" {
		e.Syscall = ne.Syscall
	}
	// Node's errno is the negated POSIX errno; Windows' WSA numbers are not
	// what libuv reports there, so they are left out.
	var errno syscall.Errno
	if runtime.GOOS != "windows" && errors.As(ne.Err, &errno) && errno != 0 {
		n := -int(errno)
		e.Errno = &n
	}
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
