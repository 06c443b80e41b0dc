package pingone

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"time"

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
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	now := time.Now()
	var domains []string
	for _, r := range hostRegions {
		domains = append(domains, "pingone."+r)
	}
	ca := &x509.Certificate{
		SerialNumber:                big.NewInt(1),
		Subject:                     pkix.Name{CommonName: "courier local PingOne (this run only)"},
		NotBefore:                   now.Add(-time.Hour),
		NotAfter:                    now.Add(24 * time.Hour),
		KeyUsage:                    x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid:       true,
		IsCA:                        true,
		MaxPathLenZero:              true,
		PermittedDNSDomainsCritical: true,
		PermittedDNSDomains:         append(domains, "localhost"),
		PermittedIPRanges: []*net.IPNet{
			{IP: net.IPv4(127, 0, 0, 0), Mask: net.CIDRMask(8, 32)},
			{IP: net.IPv6loopback, Mask: net.CIDRMask(128, 128)},
		},
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "auth.pingone.com"},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     append(Hosts(), "localhost"),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	cert, err := tls.X509KeyPair(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}))
	return cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), err
}
