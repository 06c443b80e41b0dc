package runner

import (
	"cmp"
	"context"
	"errors"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/scripting"
)

// scriptSender serves pm.sendRequest through the run's client and jar. As
// in Postman, the request is sent as the script built it: no variable
// substitution and no inherited auth, only its own auth block.
type scriptSender struct{ r *Runner }

var _ scripting.Sender = (*scriptSender)(nil)

func (s *scriptSender) Send(ctx context.Context, req *collections.Request) (*scripting.Response, error) {
	// Send runs off the script's goroutine, where sinks may not be called;
	// an auth block that cannot be applied is skipped silently, as Postman
	// only logs it.
	warn := func(string) {}
	// Counted in the run's requests, as Newman counts them; atomically,
	// since Send runs off the run's goroutine.
	s.r.scriptRequests.Add(1)
	seq := scripting.SendOrder(ctx)
	noParts := strings.Trim(strings.Join(req.URL.Host, ""), " ") == "" && strings.Trim(strings.Join(req.URL.Path, ""), " /") == ""
	if noParts && s.r.rules.quietUnsendable {
		//lint:ignore ST1005 the newer runtime's exact message
		return nil, errors.New(`Invalid URI "http:///"`)
	}
	// Newman: a URL that prints as nothing is none; one with only a
	// protocol ("http://") goes to the request library, which refuses it.
	if noParts && req.URL.Protocol == "" && req.URL.Port == "" && len(req.URL.Query) == 0 {
		// A URL object without parts is no URL: the runtime's words, and a
		// failure of the run, as for an item.
		err := errors.New("runtime:extensions~request: request url is empty")
		s.r.addTrip(scriptTrip{seq: seq, sent: SentRequest{Method: req.Method, Form: req}, err: err, ret: err})
		return nil, err
	}
	if err := hostWithPort(req.URL); err != nil {
		s.r.addTrip(scriptTrip{seq: seq, sent: SentRequest{Method: req.Method, Form: req}, err: err, ret: sendError{ErrorInfoOf(err)}})
		return nil, sendError{ErrorInfoOf(err)}
	}
	if s.r.rules.bareSendRequest {
		var err error
		if req, err = bareRequest(req); err != nil {
			return nil, err
		}
	}
	req = withoutFiles(req)
	// pm.sendRequest sends as the run's runtime does; Postman CLI's newer
	// runtime sends its GET's body too.
	plan := sendPlan{req: req, auth: req.Auth, ppb: s.r.rules.defaultBehavior(), warn: warn, rules: s.r.rules}
	sent, resp, err := s.r.client.do(ctx, plan)
	if sent.Challenged {
		// The digest challenge's 401 is a request of the run's too, as
		// Newman counts it (and prints it) for a script's request.
		s.r.scriptRequests.Add(1)
	}
	if ctx.Err() != nil {
		// The run is ending, or the script that sent it did (a
		// pre-request script that skipped its request): the round trip
		// did not complete. Newman counts a request when it completes, so
		// this one stays pending (beforeRequest without request).
		s.r.scriptRequests.Add(-1)
		s.r.scriptPending.Add(1)
		return resp, err
	}
	sent.Form = req
	var never unsendable
	if err != nil && s.r.rules.quietUnsendable && errors.As(err, &never) {
		return resp, err
	}
	if err != nil {
		// A failed round trip is one of the run's failures, as in Newman;
		// the script hands it over when it ends (sinks run on the run's
		// goroutine).
		ret := sendError{ErrorInfoOf(err)}
		s.r.addTrip(scriptTrip{seq: seq, sent: sent, err: err, ret: ret})
		return resp, ret
	}
	s.r.addTrip(scriptTrip{seq: seq, sent: sent, resp: resp})
	return resp, nil
}

// withoutFiles is a pm.sendRequest's request as postman-runtime sends it:
// "uploading files from scripts is not allowed", so a binary body is
// dropped and so is every file row of a form-data body (with or without a
// file named), leaving an empty form when no other row is left.
func withoutFiles(req *collections.Request) *collections.Request {
	b := req.Body
	if b == nil || (b.Mode != collections.BodyFile && b.Mode != collections.BodyFormData) {
		return req
	}
	c := *req
	if b.Mode == collections.BodyFile {
		c.Body = nil
		return &c
	}
	nb := *b
	nb.FormData = nil
	for _, p := range b.FormData {
		if p.Type != "file" {
			nb.FormData = append(nb.FormData, p)
		}
	}
	c.Body = &nb
	return &c
}

// bareRequest is a pm.sendRequest's request as the newer runtime sends it
// (runtimeRules.bareSendRequest): no auth, a raw body's language ignored;
// a header value that is not a string refuses it.
func bareRequest(req *collections.Request) (*collections.Request, error) {
	for _, h := range req.Header {
		if h.JSON != "" {
			//lint:ignore ST1005 the newer runtime's exact message
			return nil, unsendable{errors.New("Invalid input for model")}
		}
	}
	c := *req
	c.Auth = nil
	if c.Body != nil && c.Body.Language != "" {
		b := *c.Body
		b.Language = ""
		c.Body = &b
	}
	return &c, nil
}

// scriptTrip is one pm.sendRequest round trip, kept until the script that
// made it ends.
type scriptTrip struct {
	seq  int // its place among the script's pm.sendRequest calls
	sent SentRequest
	resp *scripting.Response
	err  error
	ret  error // the error Send returned for it (tripFor finds it by that)
	at   time.Time
}

// tripFor finds the round trip Send answered with resp or err.
func (r *Runner) tripFor(resp *scripting.Response, err error) (scriptTrip, bool) {
	r.scriptReqMu.Lock()
	defer r.scriptReqMu.Unlock()
	for _, t := range r.scriptTrips {
		if resp != nil && t.resp == resp || resp == nil && err != nil && t.ret == err {
			return t, true
		}
	}
	return scriptTrip{}, false
}

func (r *Runner) addTrip(t scriptTrip) {
	t.at = time.Now()
	r.scriptReqMu.Lock()
	r.scriptTrips = append(r.scriptTrips, t)
	r.scriptReqMu.Unlock()
}

// sendError gives the script Node's system error fields of a failed
// pm.sendRequest.
type sendError struct{ *ErrorInfo }

func (e sendError) SystemError() scripting.SystemError {
	return scripting.SystemError{Code: e.Code, Errno: e.Errno, Syscall: e.Syscall, Address: e.Address, Port: e.Port, Hostname: e.Hostname, Connect: e.Connect,
		NodeErrorDetails: e.NodeErrorDetails}
}

// takeScriptTrips returns and forgets the pm.sendRequest round trips so
// far, in the order they were started: the order the script's callbacks
// see them (see scripting's loop), and the same on every run, where the
// order they completed in depends on timing.
func (r *Runner) takeScriptTrips() []scriptTrip {
	r.scriptReqMu.Lock()
	defer r.scriptReqMu.Unlock()
	trips := r.scriptTrips
	r.scriptTrips = nil
	slices.SortStableFunc(trips, func(a, b scriptTrip) int { return cmp.Compare(a.seq, b.seq) })
	return trips
}

// hostWithPort refuses a URL object whose host carries its port
// (`{host: '127.0.0.1:8080'}`): postman-request looks the whole text up as
// a name, so Newman 6.2.2 and Postman CLI 1.34 fail with ENOTFOUND, raw
// and port beside it notwithstanding (fresh-round14n-g). Go would join the
// parts into a URL that connects. A string URL is parsed into host and
// port, so only an object's parts hold a colon; a bracketed IPv6 address
// is left to the dial.
func hostWithPort(u collections.URL) error {
	host := strings.Join(u.Host, ".")
	if !strings.Contains(host, ":") || strings.HasPrefix(host, "[") {
		return nil
	}
	return &NetError{Code: "ENOTFOUND", Msg: "getaddrinfo ENOTFOUND " + host,
		Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
}
