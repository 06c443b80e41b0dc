package pingone

import (
	"crypto/tls"
	"fmt"

	"github.com/courier-run/courier/simulators/loopback"
)

// PingOne's service host names, by region. The first labels are the
// services the docs and the Postman template use (auth, api, apps,
// orchestrate-api, scim-api) plus the ones real collections hard-code
// (authenticator, console, admin); the suffixes are the regions' top-level
// domains (North America, Canada, EU, Australia, Singapore, Asia-Pacific).
var (
	hostServices = []string{"auth", "api", "apps", "orchestrate-api", "scim-api", "authenticator", "console", "admin"}
	hostRegions  = []string{"com", "ca", "eu", "com.au", "sg", "asia"}
)

// Hosts returns every PingOne host name the local PingOne can stand in for.
func Hosts() []string {
	out := make([]string, 0, len(hostServices)*len(hostRegions))
	for _, r := range hostRegions {
		for _, svc := range hostServices {
			out = append(out, svc+".pingone."+r)
		}
	}
	return out
}

// HostsListener serves an existing Server over HTTPS for PingOne's own host
// names, with a certificate from a certificate authority made for this
// listener alone: a client that trusts CAPEM (for one run, say) reaches the
// local PingOne at https://auth.pingone.com and the other Hosts when it
// dials Addr for them.
type HostsListener struct {
	// Addr is the loopback host:port to dial for every one of Hosts.
	Addr string
	// CAPEM is the authority's certificate. It may sign only PingOne's
	// domains and loopback names (X.509 name constraints), and its key
	// never leaves memory.
	CAPEM []byte

	srv *loopback.Server
}

// Close stops the listener (not the Server).
func (h *HostsListener) Close() error { return h.srv.Close() }

// ListenHosts starts a HostsListener for s on a free loopback port.
func ListenHosts(s *Server) (*HostsListener, error) {
	cert, caPEM, err := hostsCertificate()
	if err != nil {
		return nil, fmt.Errorf("making the certificate for PingOne's host names: %w", err)
	}
	ln, err := loopback.Listen("127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	tln := tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	return &HostsListener{Addr: ln.Addr().String(), CAPEM: caPEM, srv: loopback.Serve(tln, s)}, nil
}

// hostsCertificate makes a one-day authority constrained to PingOne's
// domains and loopback, and a server certificate from it for Hosts.
func hostsCertificate() (tls.Certificate, []byte, error) {
	domains := make([]string, 0, len(hostRegions))
	for _, r := range hostRegions {
		domains = append(domains, "pingone."+r)
	}
	return issueCertificate("courier local PingOne (this run only)", Hosts(), domains)
}
