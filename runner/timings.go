package runner

import (
	"crypto/tls"
	"net/http/httptrace"
	"sync"
	"time"
)

// Timings are the phases of a request's last round trip (the final hop when
// redirects are followed), the table Newman's --verbose prints. A zero phase
// did not happen: a reused connection needs no DNS, TCP or TLS, and an IP
// literal no DNS (Newman shows "(cache)").
type Timings struct {
	Prepare   time.Duration // building the request: URL, headers, body, auth
	Wait      time.Duration // waiting for a connection from the pool
	DNS       time.Duration
	TCP       time.Duration
	TLS       time.Duration // the TLS handshake (Newman's "ssl-handshake")
	FirstByte time.Duration // from the connection being ready to the first response byte
	Download  time.Duration // reading the body
	Process   time.Duration // decoding the body (gzip, deflate, br)
	Total     time.Duration
}

// phaseClock collects the instants of one hop through httptrace. The
// transport may call the dial hooks from its own goroutines, hence the lock.
type phaseClock struct {
	mu      sync.Mutex
	mark    time.Time // the end of the previous stage: the send, or the previous hop
	prepare time.Duration
	at      hopInstants
}

// hopInstants are the instants of one round trip; zero: did not happen.
type hopInstants struct {
	hop                 time.Time
	getConn, gotConn    time.Time
	dnsStart, dnsDone   time.Time
	connStart, connDone time.Time
	tlsStart, tlsDone   time.Time
	firstByte, bodyDone time.Time
	processed           time.Time
}

func newPhaseClock(start time.Time) *phaseClock { return &phaseClock{mark: start} }

// startHop begins a round trip: earlier hops' instants are forgotten, so the
// phases describe the last hop as Newman's do.
func (p *phaseClock) startHop(now time.Time) *httptrace.ClientTrace {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.prepare = now.Sub(p.mark)
	p.at = hopInstants{hop: now}
	at := &p.at
	set := func(t *time.Time) {
		p.mu.Lock()
		if t.IsZero() {
			*t = time.Now()
		}
		p.mu.Unlock()
	}
	return &httptrace.ClientTrace{
		GetConn:              func(string) { set(&at.getConn) },
		GotConn:              func(httptrace.GotConnInfo) { set(&at.gotConn) },
		DNSStart:             func(httptrace.DNSStartInfo) { set(&at.dnsStart) },
		DNSDone:              func(httptrace.DNSDoneInfo) { set(&at.dnsDone) },
		ConnectStart:         func(string, string) { set(&at.connStart) },
		ConnectDone:          func(string, string, error) { set(&at.connDone) },
		TLSHandshakeStart:    func() { set(&at.tlsStart) },
		GotFirstResponseByte: func() { set(&at.firstByte) },
		TLSHandshakeDone:     func(tls.ConnectionState, error) { set(&at.tlsDone) },
	}
}

// endHop marks a hop that is followed by another (a redirect or an auth
// challenge): the next hop's prepare time starts here. endHop, read and
// decoded do nothing on a nil clock (timings off), so the request path
// calls them unconditionally.
func (p *phaseClock) endHop() {
	if p != nil {
		p.mu.Lock()
		p.mark = time.Now()
		p.mu.Unlock()
	}
}

// read marks the end of the body.
func (p *phaseClock) read() {
	if p != nil {
		p.mu.Lock()
		p.at.bodyDone = time.Now()
		p.mu.Unlock()
	}
}

// decoded marks the end of decoding (gzip, deflate, br).
func (p *phaseClock) decoded() {
	if p != nil {
		p.mu.Lock()
		p.at.processed = time.Now()
		p.mu.Unlock()
	}
}

// timings turns the instants into phases.
func (p *phaseClock) timings() *Timings {
	p.mu.Lock()
	defer p.mu.Unlock()
	span := func(from, to time.Time) time.Duration {
		if from.IsZero() || to.IsZero() || to.Before(from) {
			return 0
		}
		return to.Sub(from)
	}
	t := &Timings{Prepare: p.prepare}
	// Waiting ends where the first connection step begins.
	switch {
	case !p.at.dnsStart.IsZero():
		t.Wait = span(p.at.getConn, p.at.dnsStart)
	case !p.at.connStart.IsZero():
		t.Wait = span(p.at.getConn, p.at.connStart)
	default:
		t.Wait = span(p.at.getConn, p.at.gotConn)
	}
	t.DNS = span(p.at.dnsStart, p.at.dnsDone)
	t.TCP = span(p.at.connStart, p.at.connDone)
	t.TLS = span(p.at.tlsStart, p.at.tlsDone)
	// GotConn fires once the connection is ready (after TLS for a new one).
	t.FirstByte = span(p.at.gotConn, p.at.firstByte)
	t.Download = span(p.at.firstByte, p.at.bodyDone)
	t.Process = span(p.at.bodyDone, p.at.processed)
	t.Total = t.Prepare + span(p.at.hop, p.at.processed)
	return t
}
