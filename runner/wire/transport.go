// Package wire is courier's HTTP/1.1 client transport. It exists for one
// reason: net/http writes a request's header fields sorted by name, and
// Postman sends them in the order its runtime builds them (the request's own
// headers first, then the ones it adds), which servers, signatures and
// recorded traffic can see. Here every field goes out in the order the
// caller gives, with the spelling it gives.
//
// The rest is what a client transport needs and no more: keep-alive
// connections per host, TLS, HTTP proxies (absolute-form requests, CONNECT
// tunnels for https), cancellation through the request's context, and the
// httptrace hooks the runner's phase timings read. Responses are parsed by
// net/http (http.ReadResponse), so their handling is the standard library's.
package wire

import (
	"bufio"
	"bytes"
	"container/list"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/net/http/httpguts"

	"github.com/courier-run/courier/internal/latin1"
)

// Transport sends HTTP/1.1 requests over pooled connections. Its zero value
// dials with net.Dialer and uses no proxy.
type Transport struct {
	// DialContext opens TCP connections (to the server, or to the proxy).
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)
	// Proxy picks the proxy for a request; nil or a nil URL: none.
	Proxy func(*http.Request) (*url.URL, error)
	// TLSClientConfig is cloned for each TLS connection, its ServerName set
	// from the request's host when empty.
	TLSClientConfig     *tls.Config
	TLSHandshakeTimeout time.Duration
	// MaxIdleConnsPerHost bounds the idle connections kept per host (0: 2).
	MaxIdleConnsPerHost int
	// MaxIdleConns bounds the idle connections kept over all hosts (0: no
	// bound, as net/http): past it the one idle longest is closed, so a run
	// touching many hosts does not hold a file per host until it ends.
	MaxIdleConns int
	// IdleConnTimeout closes connections idle longer than this (0: never):
	// checked when a connection would be taken, and on the oldest ones
	// whenever another is kept.
	IdleConnTimeout time.Duration
	// MaxResponseHeaderBytes bounds the bytes read before a response's
	// body, its 1xx answers included (0: 10 MB, net/http's default), so a
	// server sending header lines without end cannot exhaust memory.
	MaxResponseHeaderBytes int64
	// HeaderFieldLimit fails a response whose reason phrase and header
	// names and values come to this many bytes or more, with
	// ErrHeaderOverflow (0: no such limit). That is how Node's HTTP parser
	// counts against its --max-http-header-size (16 KiB), line breaks,
	// colons and the status line's other parts left out.
	HeaderFieldLimit int
	// NoStaleRetry fails a request whose kept-alive connection the server
	// closed or reset before answering, as Node's agent does ("socket hang
	// up", "read ECONNRESET"), where net/http (and, by default, Transport)
	// sends it once more on a new connection (sendAgain).
	NoStaleRetry bool
	// NodeHeads reads response heads by Node's parser's rules (checkHead,
	// goHead): what llhttp refuses fails with a ParseError in its words,
	// strictly unless the request's context asks for the lenient parser
	// (WithLenientParser), and what it takes and net/http would not is
	// read as Node reads it.
	NodeHeads bool
	// AwaitResponse is how long a request waits for its answer on its own
	// thread, keeping its goroutine's P, before parking in the network
	// poller; with it, plain TCP requests are written the same way (0:
	// the standard library's reads and writes; only Linux waits). For a
	// caller with a P to itself per request in flight: a fast answer then
	// wakes the waiting thread directly, with none of the scheduler's
	// hand-offs between threads (await_linux.go). With more requests in
	// flight than Ps, leave it 0: the wait would hold a P another needs.
	AwaitResponse time.Duration

	mu   sync.Mutex
	idle map[connKey][]*conn // per key, oldest first
	lru  list.List           // every idle *conn, oldest first
}

// connKey tells apart the connections a request may reuse.
type connKey struct {
	scheme, addr string // the server's scheme and host:port
	proxy        string // the proxy URL, "" for none
	tunnel       bool   // an http request tunnelled through the proxy
}

// conn is one connection and its buffers.
type conn struct {
	t     *Transport
	key   connKey
	nc    net.Conn
	raw   net.Conn  // the socket beneath nc's TLS, for alive
	lim   headLimit // between nc and br
	br    *bufio.Reader
	bw    *bufio.Writer
	proxy *url.URL // set for a plain-http request through a proxy
	// tunnelled: https through a proxy's CONNECT, which took the
	// request's Proxy-Authorization (connectHead).
	tunnelled bool
	idleAt    time.Time
	inLRU     *list.Element // its place in Transport.lru while idle
	reused    bool
	// packet is what was buffered when the last response head was
	// checked (Node's rawPacket for a parse error), not a copy.
	packet []byte
}

// RoundTrip sends req with its header fields as Fields(req, nil) lists
// them; it makes Transport an http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.Send(req, Fields(req, nil))
}

// Field is one header line.
type Field struct{ Name, Value string }

// Fields lists req's header fields in the order of order. Each name is a
// key of req.Header (written with all its values), or "Host" (req.Host,
// else the URL's host), or "Content-Length" (the body's length, unless
// req.Header has that key); a name not present is skipped. Keys order does
// not name follow, sorted; Host comes first when order does not name it.
func Fields(req *http.Request, order []string) []Field {
	out := make([]Field, 0, len(req.Header)+2)
	seen := make(map[string]bool, len(order)+len(req.Header))
	add := func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		switch {
		case name == "Host":
			host := req.Host
			if host == "" {
				host = req.URL.Host
			}
			out = append(out, Field{name, host})
		case name == "Content-Length" && req.Header[name] == nil:
			out = append(out, Field{name, strconv.FormatInt(req.ContentLength, 10)})
		default:
			for _, v := range req.Header[name] {
				out = append(out, Field{name, v})
			}
		}
	}
	if !contains(order, "Host") {
		add("Host")
	}
	for _, name := range order {
		add(name)
	}
	rest := make([]string, 0, len(req.Header))
	for name := range req.Header {
		if !seen[name] && name != "Host" {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		add(name)
	}
	return out
}

// Send writes req with exactly the header fields given, in their order and
// spelling (see Fields), and returns the response, its body unread. The
// body must be read to the end or closed; read to the end, it gives its
// connection back to the pool.
func (t *Transport) Send(req *http.Request, header []Field) (*http.Response, error) {
	if req.URL == nil || req.URL.Host == "" {
		return nil, errors.New("wire: request has no host")
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, fmt.Errorf("wire: unsupported protocol scheme %q", req.URL.Scheme)
	}
	if !validTarget(req.URL.RequestURI()) {
		return nil, &PathError{}
	}
	header, err := latin1Fields(header)
	if err != nil {
		return nil, err
	}
	ctx := req.Context()
	for attempt := 0; ; attempt++ {
		c, err := t.get(ctx, req, header)
		if err != nil {
			return nil, err
		}
		resp, err := c.roundTrip(ctx, req, header)
		if err == nil {
			return resp, nil
		}
		if attempt == 0 && !t.NoStaleRetry && sendAgain(ctx, req, header, err) {
			continue
		}
		return nil, err
	}
}

// latin1Fields checks each field as Node does before sending anything and
// gives the fields with their values in latin1 (latin1Value); header
// itself when no value changes, a copy otherwise.
func latin1Fields(header []Field) ([]Field, error) {
	copied := false
	for i, f := range header {
		if !httpguts.ValidHeaderFieldName(f.Name) {
			return nil, &FieldError{Name: f.Name}
		}
		if !httpguts.ValidHeaderFieldValue(f.Value) {
			return nil, &FieldError{Name: f.Name, Value: true}
		}
		v, ok := latin1Value(f.Value)
		if !ok {
			return nil, &FieldError{Name: f.Name, Value: true}
		}
		if v != f.Value {
			if !copied {
				header, copied = slices.Clone(header), true
			}
			header[i].Value = v
		}
	}
	return header, nil
}

// sendAgain reports whether a first try's error allows a second on a new
// connection. A kept-alive connection the server closed while it sat idle
// fails before any answer: send once more, as net/http does — only when
// the request may be sent twice. A POST written whole may have reached
// the server, which then closed without answering; sending it again could
// do its work twice. A body that cannot be read afresh was used up by the
// first try.
func sendAgain(ctx context.Context, req *http.Request, header []Field, err error) bool {
	var stale *staleConnError
	return errors.As(err, &stale) && ctx.Err() == nil && (!stale.written || replayable(req, header)) &&
		(req.GetBody != nil || req.Body == nil || req.Body == http.NoBody)
}

// latin1Value is a header value as Node writes it, in latin1: each
// character up to U+00FF one byte; false for one beyond, which Node
// refuses. Bytes that are not UTF-8 text go as they are.
func latin1Value(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return s, true
	}
	return latin1.Encode(s)
}

// FieldError is a header field Send refuses before sending anything: a
// name that is not an HTTP token, or (Value) a value holding a line break
// or another control character.
type FieldError struct {
	Name  string
	Value bool
}

func (e *FieldError) Error() string {
	if e.Value {
		return fmt.Sprintf("invalid header field value for %q", e.Name)
	}
	return fmt.Sprintf("invalid header field name %q", e.Name)
}

// PathError is a request target Send refuses before connecting: one
// holding a character Node's http client will not write (a space, a
// control character, anything above U+00FF), which only a URL sent with
// encoding disabled can hold.
type PathError struct{}

func (*PathError) Error() string { return "Request path contains unescaped characters" }

// validTarget is Node's check of a request path: every character in
// U+0021..U+00FF.
func validTarget(uri string) bool {
	for _, r := range uri {
		if r < 0x21 || r > 0xff {
			return false
		}
	}
	return true
}

// CloseIdleConnections closes the connections kept for reuse.
func (t *Transport) CloseIdleConnections() {
	t.mu.Lock()
	idle := t.idle
	t.idle = nil
	t.lru.Init()
	t.mu.Unlock()
	for _, cs := range idle {
		for _, c := range cs {
			c.nc.Close()
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// get takes an idle connection for req, or dials one.
func (t *Transport) get(ctx context.Context, req *http.Request, head []Field) (*conn, error) {
	var proxy *url.URL
	own, hasOwn := ctx.Value(proxyKey{}).(ownProxy)
	switch {
	case hasOwn:
		proxy = own.url
	case t.Proxy != nil:
		p, err := t.Proxy(req)
		if err != nil {
			return nil, fmt.Errorf("proxyconnect: %w", err)
		}
		proxy = p
	}
	key := connKey{scheme: req.URL.Scheme, addr: HostPort(req.URL)}
	if proxy != nil {
		key.proxy = proxy.String()
		key.tunnel = own.tunnel && key.scheme == "http"
	}
	trace := httptrace.ContextClientTrace(ctx)
	if trace != nil && trace.GetConn != nil {
		trace.GetConn(key.addr)
	}
	if c := t.takeIdle(key); c != nil {
		if trace != nil && trace.GotConn != nil {
			trace.GotConn(httptrace.GotConnInfo{Conn: c.nc, Reused: true, WasIdle: true, IdleTime: time.Since(c.idleAt)})
		}
		return c, nil
	}
	dctx, cancel := connectContext(ctx)
	defer cancel()
	c, err := t.dial(dctx, key, proxy, head)
	if err != nil {
		return nil, err
	}
	if trace != nil && trace.GotConn != nil {
		trace.GotConn(httptrace.GotConnInfo{Conn: c.nc})
	}
	return c, nil
}

// takeIdle pops the most recently used live connection for key, closing
// the ones that timed out or that the server closed meanwhile.
func (t *Transport) takeIdle(key connKey) *conn {
	t.mu.Lock()
	defer t.mu.Unlock()
	for cs := t.idle[key]; len(cs) > 0; cs = t.idle[key] {
		c := cs[len(cs)-1]
		t.idle[key] = cs[:len(cs)-1]
		if len(cs) == 1 {
			delete(t.idle, key) // a run may touch thousands of hosts
		}
		t.lru.Remove(c.inLRU)
		if (t.IdleConnTimeout > 0 && time.Since(c.idleAt) > t.IdleConnTimeout) || !c.alive() {
			c.nc.Close()
			continue
		}
		return c
	}
	return nil
}

// alive reports whether an idle connection is still open: the server has
// neither closed it nor sent anything unasked. Servers close idle
// connections on timers of their own (Node after 5 s, nginx after 75 s);
// a request written on such a connection fails, and one that may not be
// sent twice (a POST) cannot be retried. Where the socket cannot be
// peeked at, the connection is taken as open and the retry is all there is.
func (c *conn) alive() bool {
	if c.br.Buffered() > 0 {
		return false
	}
	return !peerDone(c.raw)
}

// put keeps c for reuse, or closes it when its host has enough. Keeping
// it closes the connections idle longer than IdleConnTimeout and, past
// MaxIdleConns, the ones idle longest.
func (t *Transport) put(c *conn) {
	perHost := t.MaxIdleConnsPerHost
	if perHost <= 0 {
		perHost = 2
	}
	c.idleAt = time.Now()
	c.reused = true
	if c.lim.idle > 0 {
		_ = c.nc.SetDeadline(time.Time{})
		c.lim.idle = 0
	}
	t.mu.Lock()
	if t.idle == nil {
		t.idle = map[connKey][]*conn{}
	}
	var gone []*conn
	if len(t.idle[c.key]) < perHost {
		t.idle[c.key] = append(t.idle[c.key], c)
		c.inLRU = t.lru.PushBack(c)
		for t.lru.Len() > 0 {
			old := t.lru.Front().Value.(*conn)
			expired := t.IdleConnTimeout > 0 && c.idleAt.Sub(old.idleAt) > t.IdleConnTimeout
			if !expired && (t.MaxIdleConns <= 0 || t.lru.Len() <= t.MaxIdleConns) {
				break
			}
			t.dropIdle(old)
			gone = append(gone, old)
		}
	} else {
		gone = append(gone, c)
	}
	t.mu.Unlock()
	for _, c := range gone {
		c.nc.Close()
	}
}

// dropIdle takes the idle connection c out of the pool; t.mu is held.
func (t *Transport) dropIdle(c *conn) {
	t.lru.Remove(c.inLRU)
	cs := t.idle[c.key]
	for i, x := range cs {
		if x == c {
			cs = append(cs[:i], cs[i+1:]...)
			break
		}
	}
	if len(cs) == 0 {
		delete(t.idle, c.key)
	} else {
		t.idle[c.key] = cs
	}
}

// dial opens a connection for key: TCP to the server or the proxy, a
// CONNECT tunnel for https through a proxy, then TLS for https. head is
// the first request's fields, some of which the CONNECT carries.
func (t *Transport) dial(ctx context.Context, key connKey, proxy *url.URL, head []Field) (*conn, error) {
	dial := t.DialContext
	if dial == nil {
		dial = (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	}
	addr := key.addr
	if proxy != nil {
		addr = HostPort(proxy)
	}
	nc, err := dial(ctx, "tcp", addr)
	if err != nil {
		keepMappedAddr(err, addr)
		return nil, proxyDialError(ctx, key, proxy, err)
	}
	c := &conn{t: t, key: key, nc: nc, raw: nc}
	if proxy != nil && proxy.Scheme == "https" {
		if c.nc, err = t.handshake(ctx, c.nc, proxy.Hostname()); err != nil {
			nc.Close()
			return nil, err
		}
	}
	if proxy != nil && (key.scheme == "https" || key.tunnel) {
		if err := tunnel(ctx, c.nc, key.addr, proxy, head); err != nil {
			c.nc.Close()
			return nil, err
		}
		c.tunnelled = true
	}
	if key.scheme == "https" {
		host, port, _ := net.SplitHostPort(key.addr)
		tc, err := t.handshake(ctx, c.nc, host)
		if err != nil {
			c.nc.Close()
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, &HandshakeClosedError{Host: host, Port: port, Err: err}
			}
			return nil, err
		}
		c.nc = tc
	} else if proxy != nil && !key.tunnel {
		c.proxy = proxy
	}
	c.lim.r, c.lim.nc = c.nc, c.nc
	c.br = bufio.NewReaderSize(&c.lim, 16<<10) // holds a response head whole, for HeaderFields
	var w io.Writer = c.nc
	if t.AwaitResponse > 0 && c.nc == c.raw {
		if rw := newRawWriter(c.raw); rw != nil {
			w = rw
		}
	}
	c.bw = bufio.NewWriterSize(idleWriter{w: w, c: c}, 4<<10)
	return c, nil
}

// handshake runs a TLS client handshake on nc for host.
func (t *Transport) handshake(ctx context.Context, nc net.Conn, host string) (net.Conn, error) {
	cfg := &tls.Config{}
	if t.TLSClientConfig != nil {
		cfg = t.TLSClientConfig.Clone()
	}
	if cfg.ServerName == "" {
		cfg.ServerName = host
	}
	if verify := cfg.VerifyConnection; verify != nil {
		// The state names the server only as SNI carried it, and SNI
		// carries no IP address: the check gets the host dialled, so an
		// IP address is checked against the certificate's too.
		name := cfg.ServerName
		cfg.VerifyConnection = func(cs tls.ConnectionState) error {
			if cs.ServerName == "" {
				cs.ServerName = name
			}
			return verify(cs)
		}
	}
	if t.TLSHandshakeTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.TLSHandshakeTimeout)
		defer cancel()
	}
	trace := httptrace.ContextClientTrace(ctx)
	if trace != nil && trace.TLSHandshakeStart != nil {
		trace.TLSHandshakeStart()
	}
	tc := tls.Client(nc, cfg)
	err := tc.HandshakeContext(ctx)
	if trace != nil && trace.TLSHandshakeDone != nil {
		trace.TLSHandshakeDone(tc.ConnectionState(), err)
	}
	if err != nil {
		return nil, err
	}
	return tc, nil
}

// mappedAddr is the address of a failed dial to an IPv4-mapped IPv6
// literal ([::ffff:7f00:1]): Go dials it as IPv4 and prints it so, Node
// dials it over IPv6 and names it as written ("::ffff:7f00:1").
type mappedAddr struct {
	*net.TCPAddr
	host string
}

func (a mappedAddr) String() string { return net.JoinHostPort(a.host, strconv.Itoa(a.Port)) }

// keepMappedAddr gives a failed dial to an IPv4-mapped IPv6 literal the
// address as written, for the error's words.
func keepMappedAddr(err error, addr string) {
	host, _, _ := net.SplitHostPort(addr)
	ip := net.ParseIP(host)
	var opErr *net.OpError
	if ip == nil || ip.To4() == nil || !strings.Contains(host, ":") || !errors.As(err, &opErr) {
		return
	}
	if ta, ok := opErr.Addr.(*net.TCPAddr); ok {
		opErr.Addr = mappedAddr{ta, host}
	}
}

// HandshakeClosedError is a server that closed the connection before the
// TLS handshake was done; Host and Port are the server's.
type HandshakeClosedError struct {
	Host, Port string
	Err        error
}

func (e *HandshakeClosedError) Error() string {
	return "wire: the server closed the connection during the TLS handshake: " + e.Err.Error()
}

func (e *HandshakeClosedError) Unwrap() error { return e.Err }

// proxyDialError is a failed connect to a proxy: for https the tunnel
// could not be made (Node's tunnel agent words it so), for http the proxy
// stands for the server.
func proxyDialError(ctx context.Context, key connKey, proxy *url.URL, err error) error {
	switch {
	case proxy == nil:
		return err
	case key.scheme == "https" && ctx.Err() == nil:
		return &TunnelError{Cause: err}
	}
	return fmt.Errorf("proxyconnect tcp: %w", err)
}

// tunnel asks the proxy on nc for a tunnel to addr (CONNECT).
func tunnel(ctx context.Context, nc net.Conn, addr string, proxy *url.URL, head []Field) error {
	stop := context.AfterFunc(ctx, func() { nc.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	failed := func(err error) error {
		if ctx.Err() != nil {
			return fmt.Errorf("proxyconnect: %w", ctxErr(ctx, err))
		}
		return &TunnelError{Cause: err}
	}
	if _, err := io.WriteString(nc, connectHead(addr, proxy, head)); err != nil {
		return failed(err)
	}
	// Bytes that came with the proxy's answer are dropped, as Node's
	// tunnel agent drops them (and net/http's CONNECT): the target's TLS
	// stream starts with the server's answer to our hello, sent later.
	resp, err := http.ReadResponse(bufio.NewReader(nc), &http.Request{Method: "CONNECT"})
	if err != nil {
		return failed(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return &TunnelError{Status: resp.StatusCode}
	}
	return nil
}

// TunnelError is a CONNECT tunnel through a proxy that could not be made:
// the proxy unreachable or gone (Cause), or answering another status than
// 200. Node's tunnel agent words it without the cause's system fields, so
// Unwrap is not offered.
type TunnelError struct {
	Status int
	Cause  error
}

func (e *TunnelError) Error() string {
	if e.Cause != nil {
		return "proxyconnect: " + e.Cause.Error()
	}
	return "proxyconnect: the proxy answered " + strconv.Itoa(e.Status)
}

// proxyHeaders are the request's fields postman-request's tunnel passes on
// to the CONNECT (its whitelist, lower-case names), Proxy-Authorization
// among them: that one goes to the proxy only (write leaves it out of a
// tunnelled request).
var proxyHeaders = map[string]bool{"accept": true, "accept-charset": true, "accept-encoding": true, "accept-language": true,
	"accept-ranges": true, "cache-control": true, "content-encoding": true, "content-language": true, "content-location": true,
	"content-md5": true, "content-range": true, "content-type": true, "connection": true, "date": true, "expect": true,
	"max-forwards": true, "pragma": true, "referer": true, "te": true, "user-agent": true, "via": true, "proxy-authorization": true}

// connectHead is the CONNECT request for addr as Node's tunnel agent
// writes it: the request's whitelisted fields in their order, "host",
// then the proxy URL's credentials, which take the place of a
// Proxy-Authorization field of the request's own (Node keeps a header's
// first position and its last name and value).
func connectHead(addr string, proxy *url.URL, head []Field) string {
	fields := make([]Field, 0, len(head)+2)
	for _, f := range head {
		if proxyHeaders[strings.ToLower(f.Name)] {
			fields = append(fields, f)
		}
	}
	fields = append(fields, Field{"host", addr})
	if auth := proxyAuth(proxy); auth != "" {
		own := slices.IndexFunc(fields, func(f Field) bool { return strings.EqualFold(f.Name, "Proxy-Authorization") })
		if own >= 0 {
			fields[own] = Field{"Proxy-Authorization", auth}
		} else {
			fields = append(fields, Field{"Proxy-Authorization", auth})
		}
	}
	var b strings.Builder
	b.WriteString("CONNECT " + addr + " HTTP/1.1\r\n")
	for _, f := range fields {
		b.WriteString(f.Name + ": " + f.Value + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String()
}

// proxyAuth is the Basic credentials of a proxy URL's userinfo.
func proxyAuth(proxy *url.URL) string {
	if proxy == nil || proxy.User == nil {
		return ""
	}
	// postman-request encodes the userinfo as written: "u" stays "u",
	// "u:" keeps its colon.
	cred := proxy.User.Username()
	if pass, ok := proxy.User.Password(); ok {
		cred += ":" + pass
	}
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(cred))
}

// HostPort is u's host:port, the port defaulted from the scheme: the
// address a request to u connects to, and its pool's key.
func HostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// ErrHeaderTooLarge is a response whose head (with any 1xx answers
// before it) is over Transport.MaxResponseHeaderBytes.
var ErrHeaderTooLarge = errors.New("the response head is too large")

// ErrHeaderOverflow is a response over Transport.HeaderFieldLimit.
var ErrHeaderOverflow = errors.New("the response's header fields are over the limit")

// headerFieldBytes counts a response's head as Node's parser does: the
// reason phrase, then each field's name and value (lines as they came when
// the head was peeked, else net/http's map, which has the same lengths).
func headerFieldBytes(resp *http.Response, lines []Field) int {
	n := len(strings.TrimPrefix(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)), " "))
	if lines != nil {
		for _, f := range lines {
			n += len(f.Name) + len(f.Value)
		}
		return n
	}
	for k, vs := range resp.Header {
		for _, v := range vs {
			n += len(k) + len(v)
		}
	}
	return n
}

// headLimit reads from r, failing with ErrHeaderTooLarge once more than
// the limit is read between start and stop. It counts bytes taken from the
// connection, so a head may be cut short by a little of the body read
// ahead with it; the default limit is far above any real head.
type headLimit struct {
	r io.Reader
	// nc is r as a connection, and idle the request's idle timeout
	// (WithIdleTimeout): each read gets that long.
	nc      net.Conn
	idle    time.Duration
	on      bool
	left    int64
	limited int64
	// last is what the last read of a head gave, where it landed in the
	// reader's buffer (not a copy): Node's rawPacket is the piece its
	// parser was given when it failed.
	last []byte
	// reads counts the reads of this head; capture copies them once the
	// first read ended before the head did (a long head, which may be
	// over the header limit: OverflowError), nil otherwise.
	reads   int
	capture []byte
	// chunks are where in capture each chunk Node's parser would have
	// been given starts (OverflowError counts in one): a read starts one
	// unless the read before it filled its buffer (the rest had come
	// with it, and Node reads up to nodeChunk at once).
	chunks []int
	full   bool
}

// nodeChunk is the most Node reads from a socket at once.
const nodeChunk = 64 << 10

// captured notes a read of the head taken into capture.
func (l *headLimit) captured(p []byte, n int) {
	if last := len(l.chunks) - 1; last < 0 || !l.full || len(l.capture)-l.chunks[last] >= nodeChunk {
		l.chunks = append(l.chunks, len(l.capture))
	}
	l.capture = append(l.capture, p[:n]...)
	l.full = n == len(p)
}

// chunkAt is the chunk of capture that holds the byte at i: its start and
// end.
func (l *headLimit) chunkAt(i int) (start, end int) {
	end = len(l.capture)
	for k := len(l.chunks) - 1; k >= 0; k-- {
		if l.chunks[k] <= i {
			return l.chunks[k], end
		}
		end = l.chunks[k]
	}
	return 0, end
}

func (l *headLimit) start(max int64) {
	if max <= 0 {
		max = 10 << 20
	}
	l.on, l.left, l.limited, l.last = true, max, max, nil
	l.reads, l.capture, l.chunks = 0, nil, l.chunks[:0]
}

func (l *headLimit) stop() { l.on = false }

// restart begins the head's capture again after an informational answer
// (100, 103): held is what the reader already holds of the next head, the
// reads to come follow it. With nothing held, the next read decides as
// for a first head. A held head that is whole needs no copy (peekHead
// reads it), as a first read's: a server answering with a flood of 1xx
// heads (up to the head limit, 10 MB) would otherwise have each of them
// copy the reader's buffer, 16 KB, some 1.7 GB for 200,000 of them.
func (l *headLimit) restart(held []byte) {
	l.reads, l.capture, l.chunks, l.full = 0, nil, l.chunks[:0], false
	switch {
	case len(held) == 0:
	case holdsHeadEnd(held):
		l.reads = 1
	default:
		l.reads, l.capture, l.chunks = 1, append([]byte(nil), held...), append(l.chunks, 0)
	}
}

// holdsHeadEnd reports whether b holds the blank line that ends a head
// (after CRLF or, as net/http accepts, a bare LF).
func holdsHeadEnd(b []byte) bool {
	return bytes.Contains(b, []byte("\r\n\r\n")) || bytes.Contains(b, []byte("\n\n"))
}

func (l *headLimit) Read(p []byte) (int, error) {
	if l.idle > 0 {
		readDeadline(l.nc, l.idle)
	}
	if !l.on {
		return l.r.Read(p)
	}
	if l.left <= 0 {
		return 0, fmt.Errorf("%w (over %d bytes)", ErrHeaderTooLarge, l.limited)
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	l.last = p[:n]
	if l.capture != nil || l.reads == 0 && n > 0 && !holdsHeadEnd(p[:n]) {
		l.captured(p, n)
	}
	l.reads++
	return n, err
}

// staleConnError is a reused connection that failed before any byte of an
// answer: the server had closed it. written: the whole request had been
// written when it failed.
type staleConnError struct {
	err     error
	written bool
}

// replayable reports whether req may be sent again after a failure that
// may have come after the server got it: an idempotent method without a
// body stream to lose, or a request carrying an idempotency key.
func replayable(req *http.Request, header []Field) bool {
	for _, f := range header {
		if strings.EqualFold(f.Name, "Idempotency-Key") || strings.EqualFold(f.Name, "X-Idempotency-Key") {
			return true
		}
	}
	switch req.Method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return true
	}
	return false
}

func (e *staleConnError) Error() string { return e.err.Error() }
func (e *staleConnError) Unwrap() error { return e.err }

// roundTrip writes req on c and reads the response head. From here until
// the body is done, a cancelled context closes the connection.
func (c *conn) roundTrip(ctx context.Context, req *http.Request, head []Field) (*http.Response, error) {
	stop := context.AfterFunc(ctx, func() { c.nc.Close() })
	c.lim.idle = idleTimeout(ctx)
	written := false
	fail := func(err error, stale bool) (*http.Response, error) {
		stop()
		c.nc.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if stale && c.reused && !timedOutIdle(err) {
			return nil, &staleConnError{err: err, written: written}
		}
		return nil, err
	}
	if err := c.write(req, head); err != nil {
		return fail(err, true)
	}
	written = true
	trace := httptrace.ContextClientTrace(ctx)
	if trace != nil && trace.WroteRequest != nil {
		trace.WroteRequest(httptrace.WroteRequestInfo{})
	}
	c.lim.start(c.t.MaxResponseHeaderBytes)
	if d := c.t.AwaitResponse; d > 0 && c.br.Buffered() == 0 {
		awaitReadable(c.raw, d)
	}
	for {
		if _, err := c.br.Peek(1); err != nil {
			return fail(err, true)
		}
		if trace != nil && trace.GotFirstResponseByte != nil {
			trace.GotFirstResponseByte()
			trace = nil // once, not again for a 1xx's successor
		}
		lines := peekHead(c.br)
		resp, err := c.readResponse(ctx, req, lines)
		if err != nil {
			return fail(err, false)
		}
		// Informational answers (100 Continue, 103 Early Hints) precede
		// the response; 101 ends HTTP on this connection.
		if resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
			// The copy of a long head starts again at the next one, with
			// what the reader holds of it already.
			held, _ := c.br.Peek(c.br.Buffered())
			c.lim.restart(held)
			continue
		}
		if lines == nil {
			// A head longer than the read buffer (many short fields under
			// Node's limit), after a 1xx too: its lines as they came, from
			// the copy of the reads that brought it (fresh-round14n-j).
			lines = capturedHead(c.lim.capture)
		}
		return c.deliver(ctx, req, head, resp, lines, stop), nil
	}
}

// deliver hands the response over with a body that ends the round trip;
// the connection is kept for the next request when neither side asked to
// close it and HTTP goes on (not after a 101).
func (c *conn) deliver(ctx context.Context, req *http.Request, head []Field, resp *http.Response, lines []Field, stop func() bool) *http.Response {
	c.lim.stop() // the body has limits of its own, the caller's
	keep := !resp.Close && !req.Close && resp.StatusCode != http.StatusSwitchingProtocols && !closes(head)
	if keep && c.t.NodeHeads && httpguts.HeaderValuesContainsToken(resp.Header["Proxy-Connection"], "close") {
		// Node's parser reads Proxy-Connection as it reads Connection
		// (fresh-round9n-f.json).
		keep = false
	}
	resp.Body = &body{rc: resp.Body, c: c, ctx: ctx, stop: stop, keep: keep, head: lines}
	if resp.Request == nil {
		resp.Request = req
	}
	return resp
}

// readResponse reads one response head (an informational one too) and
// checks what Go's reader does not: Node's rules for heads and for bytes
// after a bodiless response (NodeHeads), and the header size limit.
func (c *conn) readResponse(ctx context.Context, req *http.Request, lines []Field) (*http.Response, error) {
	from, rewritten, err := c.headReader(ctx)
	if err != nil {
		return nil, err
	}
	resp, err := http.ReadResponse(from, req)
	if perr := c.longHeadError(ctx, lines); perr != nil {
		if err == nil {
			resp.Body.Close()
		}
		return nil, perr
	}
	if err != nil {
		return nil, err
	}
	if rewritten {
		resp.Close = true
	}
	if c.t.NodeHeads && (resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusNotModified || req.Method == http.MethodHead) {
		after, _ := from.Peek(from.Buffered())
		if err := checkAfterBodiless(after); err != nil {
			resp.Body.Close()
			// The bytes after the head came with the last read (a head in
			// two pieces: the second; fresh-round10n-d.json has one).
			packet := c.packet
			if last := c.lim.last; len(after) <= len(last) {
				packet = last
			}
			return nil, withPacket(err, packet, len(packet)-len(after))
		}
	}
	if l := c.t.HeaderFieldLimit; l > 0 && headerFieldBytes(resp, lines) >= l {
		resp.Body.Close()
		oe := &OverflowError{}
		if at, ok := overflowAt(c.lim.capture, l); ok {
			// Node counts in the chunk it was parsing: a head written in
			// pieces fails in the piece that took it over the limit.
			start, end := c.lim.chunkAt(at)
			oe.BytesParsed, oe.Packet = at-start, c.lim.capture[start:end]
		}
		return nil, oe
	}
	return resp, nil
}

// longHeadError is Node's error for a head longer than the read buffer
// (headReader checks the heads that fit before Go reads them; a long one
// is checked after, from the copy of its reads): a bad name or value, a
// second Content-Length... nil when there is none, the head fitted
// (lines) or is not all in the copy. Its offset counts in the chunk Node
// would have parsed it in, and the packet is that chunk.
func (c *conn) longHeadError(ctx context.Context, lines []Field) error {
	if !c.t.NodeHeads || lines != nil || c.lim.capture == nil {
		return nil
	}
	skip := len(c.lim.capture) - len(bytes.TrimLeft(c.lim.capture, "\r\n"))
	h := rawHead(c.lim.capture[skip:])
	if h == nil {
		return nil
	}
	err := checkHead(h, lenientParser(ctx))
	pe, ok := err.(*ParseError)
	if !ok {
		return err
	}
	at := skip + pe.Offset
	start, end := c.lim.chunkAt(at)
	return withPacket(pe, c.lim.capture[start:end], skip-start)
}

// headReader is where Go reads the response head from. Node's parser
// refuses some heads Go's takes, and words the others its own way: with
// NodeHeads it goes first. A head Node takes and Go would not is read from a
// rewritten copy (rewritten: the connection is not kept).
func (c *conn) headReader(ctx context.Context) (from *bufio.Reader, rewritten bool, err error) {
	buf, _ := c.br.Peek(c.br.Buffered())
	c.packet = buf
	if buf == nil || !c.t.NodeHeads {
		return c.br, false, nil
	}
	// llhttp skips line breaks before a response; with nothing after
	// them, the server's close is a hang-up.
	if n := len(buf) - len(bytes.TrimLeft(buf, "\r\n")); n > 0 {
		_, _ = c.br.Discard(n)
		if buf = buf[n:]; len(buf) == 0 {
			return c.br, false, nil
		}
	}
	h := rawHead(buf)
	if h == nil {
		return c.br, false, nil
	}
	lenient := lenientParser(ctx)
	if err := checkHead(h, lenient); err != nil {
		return nil, false, withPacket(err, buf, 0)
	}
	if body := buf[len(h):]; !lenient && len(body) > 0 && headChunked(h) {
		at := len(h) + len(body) - len(bytes.TrimPrefix(bytes.TrimPrefix(body, []byte("\r")), []byte("\n")))
		if err := checkFirstChunk(buf[at:], at); err != nil {
			return nil, false, withPacket(err, buf, 0)
		}
	}
	gh, changed := goHead(h)
	if !changed {
		return c.br, false, nil
	}
	_, _ = c.br.Discard(len(h))
	return bufio.NewReader(io.MultiReader(bytes.NewReader(gh), c.br)), true, nil
}

// closes reports whether the request asked to close the connection.
func closes(head []Field) bool {
	for _, f := range head {
		if strings.EqualFold(f.Name, "Connection") && httpguts.HeaderValuesContainsToken([]string{f.Value}, "close") {
			return true
		}
	}
	return false
}

// write sends the request line, the header fields in order and the body.
func (c *conn) write(req *http.Request, head []Field) error {
	uri := req.URL.RequestURI()
	if c.proxy != nil && !strings.HasPrefix(uri, req.URL.Scheme+"://") {
		uri = req.URL.Scheme + "://" + req.URL.Host + uri
	}
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	w := c.bw
	// Send's validTarget refused a path beyond U+00FF; a proxy's absolute
	// form adds the host, which a name idna could not convert keeps as
	// written, and then goes as its UTF-8 bytes.
	target, ok := latin1.Encode(uri)
	if !ok {
		target = uri
	}
	w.WriteString(method + " " + target + " HTTP/1.1\r\n")
	// A proxy's credentials go after the request's own fields but before
	// the Content-Length Node adds last, unless the request has its own.
	auth, authAt := proxyAuth(c.proxy), len(head)
	if auth != "" {
		for i, f := range head {
			if strings.EqualFold(f.Name, "Proxy-Authorization") {
				auth = ""
			}
			if i == len(head)-1 && strings.EqualFold(f.Name, "Content-Length") {
				authAt = i
			}
		}
	}
	for i, f := range head {
		if i == authAt && auth != "" {
			w.WriteString("Proxy-Authorization: " + auth + "\r\n")
		}
		if c.tunnelled && strings.EqualFold(f.Name, "Proxy-Authorization") {
			continue // the proxy's alone
		}
		w.WriteString(f.Name)
		w.WriteString(": ")
		w.WriteString(f.Value)
		w.WriteString("\r\n")
	}
	if authAt == len(head) && auth != "" {
		w.WriteString("Proxy-Authorization: " + auth + "\r\n")
	}
	w.WriteString("\r\n")
	if rc, err := requestBody(req); err != nil {
		return err
	} else if rc != nil {
		_, err := io.Copy(w, rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return w.Flush()
}

// requestBody is a fresh reader of req's body; nil for none.
func requestBody(req *http.Request) (io.ReadCloser, error) {
	if req.GetBody != nil {
		return req.GetBody()
	}
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	return req.Body, nil
}

// body is a response body that gives its connection back to the pool when
// read to the end, and closes it when closed before.
type body struct {
	rc   io.ReadCloser
	c    *conn
	ctx  context.Context
	stop func() bool
	keep bool
	done bool
	head []Field
}

// HeaderFields is the header of a response Send returned as it came on the
// wire: every line in order, names in the server's spelling (http.Header
// has neither, and drops "Connection: close"). Nil when the response did
// not come from Send or its head did not fit the read buffer.
func HeaderFields(resp *http.Response) []Field {
	if b, ok := resp.Body.(*body); ok {
		return b.head
	}
	return nil
}

// peekHead reads the response head that is about to be parsed, without
// consuming it: its header lines, or nil when it does not fit the buffer
// (the caller then has only net/http's map).
func peekHead(br *bufio.Reader) []Field {
	for {
		buf, _ := br.Peek(br.Buffered())
		if i := headEnd(buf); i >= 0 {
			return parseHead(buf[:i])
		}
		if br.Buffered() >= br.Size() {
			return nil
		}
		// The head is not all here: wait for more of it.
		if _, err := br.Peek(br.Buffered() + 1); err != nil {
			return nil
		}
	}
}

// capturedHead is the header lines of the head that starts a capture
// (headLimit.capture: the reads of a head longer than one read), after
// the line breaks llhttp skips; nil when there is none.
func capturedHead(capture []byte) []Field {
	buf := bytes.TrimLeft(capture, "\r\n")
	if i := headEnd(buf); i >= 0 {
		return parseHead(buf[:i])
	}
	return nil
}

// headEnd is where the head in buf ends: the index of the line break
// before its blank line, or -1 when the blank line has not come yet. Lines
// may end in a bare LF, as net/http (which parses the head next) accepts:
// waiting for CRLF CRLF there would wait forever on a kept-alive connection.
func headEnd(buf []byte) int {
	for i := bytes.IndexByte(buf, '\n'); i >= 0; {
		rest := buf[i+1:]
		if bytes.HasPrefix(rest, []byte("\n")) || bytes.HasPrefix(rest, []byte("\r\n")) {
			if i > 0 && buf[i-1] == '\r' {
				return i - 1
			}
			return i
		}
		j := bytes.IndexByte(rest, '\n')
		if j < 0 {
			return -1
		}
		i += 1 + j
	}
	return -1
}

// parseHead splits a response head's header lines (after the status line);
// a folded line continues the previous value, as Node reads it.
func parseHead(head []byte) []Field {
	lines := strings.Split(string(head), "\n")
	out := make([]Field, 0, len(lines))
	for _, l := range lines[1:] {
		l = strings.TrimSuffix(l, "\r")
		if (l != "" && (l[0] == ' ' || l[0] == '\t')) && len(out) > 0 {
			// Node's lenient parser keeps the folded line's leading
			// whitespace in place of the line break.
			out[len(out)-1].Value += strings.TrimRight(l, " \t")
			continue
		}
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			return nil // not a head net/http will accept either
		}
		out = append(out, Field{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	return out
}

func (b *body) Read(p []byte) (int, error) {
	if b.done {
		return 0, io.EOF
	}
	n, err := b.rc.Read(p)
	if err == io.EOF {
		b.finish(true)
	} else if err != nil {
		if b.ctx.Err() != nil {
			err = b.ctx.Err()
		}
		b.finish(false)
	}
	return n, err
}

func (b *body) Close() error {
	b.finish(false)
	return nil
}

// finish ends the exchange once: the connection goes back to the pool
// after a whole body on a connection both sides keep open, else it closes.
func (b *body) finish(whole bool) {
	if b.done {
		return
	}
	b.done = true
	live := b.stop()
	if whole && live && b.keep {
		b.c.t.put(b.c)
		return
	}
	b.c.nc.Close()
}

// ctxErr prefers the context's error to the one a closed connection gave.
func ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
