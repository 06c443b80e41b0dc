package report

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"runtime"
	"strconv"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/loopback"
)

// nodeError is the requestError as Node tools read it.
type nodeError struct {
	Errno    *int   `json:"errno"`
	Code     string `json:"code"`
	Syscall  string `json:"syscall"`
	Address  string `json:"address"`
	Port     *int   `json:"port"`
	Hostname string `json:"hostname"`
	Connect  *bool  `json:"connect"`
	Name     string `json:"name"`
	Message  string `json:"message"`
	Stack    string `json:"stack"`
}

func ptr[T any](v T) *T { return &v }

func TestRequestErrorJSONFields(t *testing.T) {
	t.Parallel()
	refused := &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}, Err: errors.New("connect: connection refused")}
	cases := []struct {
		name string
		err  error
		want nodeError
	}{
		{"plain error keeps name and message only", errors.New("proxy said no"),
			nodeError{Name: "Error", Message: "proxy said no", Stack: "Error: proxy said no"}},
		{"refused", &runner.NetError{Code: "ECONNREFUSED", Msg: "connect ECONNREFUSED 127.0.0.1:9", Err: refused},
			nodeError{Code: "ECONNREFUSED", Syscall: "connect", Address: "127.0.0.1", Port: ptr(9), Name: "Error",
				Message: "connect ECONNREFUSED 127.0.0.1:9", Stack: "Error: connect ECONNREFUSED 127.0.0.1:9\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)"}},
		{"wrapped net error still found", fmtWrap(&runner.NetError{Code: "ETIMEDOUT", Msg: "ETIMEDOUT: no response", Err: context.DeadlineExceeded}),
			nodeError{Code: "ETIMEDOUT", Name: "Error", Message: "sending: ETIMEDOUT: no response", Stack: "Error: sending: ETIMEDOUT: no response"}},
		{"connect timeout is the request library's: code and connect only", &runner.NetError{Code: "ETIMEDOUT", Msg: "ETIMEDOUT", Connect: ptr(true),
			Err: &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}, Err: context.DeadlineExceeded}},
			nodeError{Code: "ETIMEDOUT", Connect: ptr(true), Name: "Error", Message: "ETIMEDOUT", Stack: "Error: ETIMEDOUT"}},
		{"response timeout says connect false", &runner.NetError{Code: "ESOCKETTIMEDOUT", Msg: "ESOCKETTIMEDOUT", Connect: ptr(false), Err: context.DeadlineExceeded},
			nodeError{Code: "ESOCKETTIMEDOUT", Connect: ptr(false), Name: "Error", Message: "ESOCKETTIMEDOUT", Stack: "Error: ESOCKETTIMEDOUT"}},
		{"not found", &runner.NetError{Code: "ENOTFOUND", Msg: "getaddrinfo ENOTFOUND nosuch.invalid", Err: &net.DNSError{Err: "no such host", Name: "nosuch.invalid", IsNotFound: true}},
			nodeError{Errno: ptr(-3008), Code: "ENOTFOUND", Syscall: "getaddrinfo", Hostname: "nosuch.invalid", Name: "Error",
				Message: "getaddrinfo ENOTFOUND nosuch.invalid", Stack: "Error: getaddrinfo ENOTFOUND nosuch.invalid\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26)"}},
		{"no name server reachable", &runner.NetError{Code: "EAI_AGAIN", Msg: "getaddrinfo EAI_AGAIN api.test", Err: &net.DNSError{Err: "connect: network is unreachable", Name: "api.test", IsTemporary: true}},
			nodeError{Errno: ptr(-3001), Code: "EAI_AGAIN", Syscall: "getaddrinfo", Hostname: "api.test", Name: "Error",
				Message: "getaddrinfo EAI_AGAIN api.test", Stack: "Error: getaddrinfo EAI_AGAIN api.test\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26)"}},
		{"read reset has no address", &runner.NetError{Code: "ECONNRESET", Msg: "socket hang up", Err: &net.OpError{Op: "read", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 80}, Err: errors.New("reset")}},
			nodeError{Code: "ECONNRESET", Syscall: "read", Name: "Error", Message: "socket hang up", Stack: "Error: socket hang up\n    at TCP.onStreamRead (node:internal/stream_base_commons:218:20)"}},
		{"non-TCP address parsed from its text", &runner.NetError{Code: "ECONNREFUSED", Msg: "connect ECONNREFUSED", Err: &net.OpError{Op: "dial", Net: "tcp", Addr: textAddr("[::1]:8443"), Err: errors.New("refused")}},
			nodeError{Code: "ECONNREFUSED", Syscall: "connect", Address: "::1", Port: ptr(8443), Name: "Error", Message: "connect ECONNREFUSED", Stack: "Error: connect ECONNREFUSED\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b, err := json.Marshal(requestErrorJSON(runner.ErrorInfoOf(tc.err), "http://127.0.0.1/"))
			if err != nil {
				t.Fatal(err)
			}
			var got nodeError
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if g, w := mustJSON(t, got), mustJSON(t, tc.want); g != w {
				t.Errorf("requestError = %s\nwant %s", g, w)
			}
		})
	}
}

type textAddr string

func (a textAddr) Network() string { return "tcp" }
func (a textAddr) String() string  { return string(a) }

type wrapErr struct{ err error }

func (w wrapErr) Error() string { return "sending: " + w.err.Error() }
func (w wrapErr) Unwrap() error { return w.err }

func fmtWrap(err error) error { return wrapErr{err} }

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRequestErrorFromRealRun sends requests to a closed port and to a
// server that resets the connection, through the real runner, and checks
// the Node fields in both the execution and the failure entry.
func TestRequestErrorFromRealRun(t *testing.T) {
	t.Parallel()
	// A port that refuses connections and stays held: one found free and
	// closed again may be taken by another listener before the run.
	refused, err := loopback.ListenRefused()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { refused.Close() })
	closed := refused.Port
	resetter, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resetter.Close() })
	go func() {
		for {
			c, err := resetter.Accept()
			if err != nil {
				return
			}
			c.(*net.TCPConn).SetLinger(0) // close with RST
			c.Close()
		}
	}()
	item := func(id, url string) *collections.Item {
		return &collections.Item{ID: id, Name: id, Request: &collections.Request{Method: "GET", URL: collections.URL{Raw: url}}}
	}
	coll := &collections.Collection{Info: collections.Info{ID: "c", Name: "errors"}, Items: []*collections.Item{
		item("refused", "http://127.0.0.1:"+strconv.Itoa(closed)+"/x"),
		item("reset", "http://"+resetter.Addr().String()+"/x"),
	}}
	buf := runJSON(t, coll, runner.Options{})
	var rep struct {
		Run struct {
			Executions []struct {
				RequestError *nodeError `json:"requestError"`
			} `json:"executions"`
			Failures []struct {
				Error nodeError `json:"error"`
			} `json:"failures"`
		} `json:"run"`
	}
	if err := json.Unmarshal(buf, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Executions) != 2 || len(rep.Run.Failures) != 2 {
		t.Fatalf("%d executions, %d failures:\n%s", len(rep.Run.Executions), len(rep.Run.Failures), string(buf))
	}
	ref := rep.Run.Executions[0].RequestError
	if ref == nil || ref.Code != "ECONNREFUSED" || ref.Syscall != "connect" || ref.Address != "127.0.0.1" ||
		ref.Port == nil || *ref.Port != closed || ref.Errno == nil || (runtime.GOOS == "linux" && *ref.Errno != -111) ||
		ref.Message != "connect ECONNREFUSED 127.0.0.1:"+strconv.Itoa(closed) {
		t.Errorf("refused requestError = %s", mustJSON(t, ref))
	}
	if f := rep.Run.Failures[0].Error; mustJSON(t, f) != mustJSON(t, *ref) {
		t.Errorf("failure error %s differs from requestError %s", mustJSON(t, f), mustJSON(t, *ref))
	}
	// The RST lands on the request's connect, write or read, depending on
	// timing; Node names the address only for a connect.
	reset := rep.Run.Executions[1].RequestError
	if reset == nil || reset.Code != "ECONNRESET" || reset.Hostname != "" {
		t.Fatalf("reset requestError = %s", mustJSON(t, reset))
	}
	switch reset.Syscall {
	case "connect":
		if reset.Address != "127.0.0.1" || reset.Port == nil || *reset.Port != resetter.Addr().(*net.TCPAddr).Port {
			t.Errorf("connect reset lacks the peer: %s", mustJSON(t, reset))
		}
	case "read", "write", "":
		if reset.Address != "" || reset.Port != nil {
			t.Errorf("%q reset names an address: %s", reset.Syscall, mustJSON(t, reset))
		}
	default:
		t.Errorf("reset syscall = %q", reset.Syscall)
	}
	if runtime.GOOS == "linux" && reset.Syscall != "" && (reset.Errno == nil || *reset.Errno != -104) {
		t.Errorf("reset errno = %s", mustJSON(t, reset))
	}
}
