package echo

import (
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/courier-run/courier/internal/localpki"
	"github.com/courier-run/courier/simulators/loopback"
)

// ListenTLS serves h over TLS on a loopback address ("127.0.0.1:0" or ""
// picks a free port) with cfg, which holds the server's certificate and,
// for mutual TLS, ClientAuth and ClientCAs. The Server's URL is https.
// Only HTTP/1.1 is offered, as Node's client speaks nothing else.
func ListenTLS(addr string, h http.Handler, cfg *tls.Config) (*loopback.Server, error) {
	ln, err := loopback.Listen(addr)
	if err != nil {
		return nil, err
	}
	cfg = cfg.Clone()
	cfg.NextProtos = []string{"http/1.1"}
	// Handshakes that clients refuse are what TLS tests provoke: not
	// worth a log line each.
	quiet := func(s *http.Server) { s.ErrorLog = log.New(io.Discard, "", 0) }
	srv := loopback.Serve(tls.NewListener(ln, cfg), h, quiet)
	srv.URL = "https://" + srv.Addr
	return srv, nil
}

// GET /tls: what the TLS connection carrying the request agreed on, so
// probes can see the effect of a client's TLS settings (postman-echo has
// no such route): the protocol in Node's words (TLSv1.2), the cipher
// suite's IANA name, the server name the client asked for, and the common
// name of the client certificate it presented (null for none). A request
// over plain HTTP answers {"tls": false}.
func (s *Server) tlsInfo(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	if r.TLS == nil {
		writeJSON(w, http.StatusOK, newObject().set("tls", false))
		return
	}
	var client any
	if len(r.TLS.PeerCertificates) > 0 {
		client = r.TLS.PeerCertificates[0].Subject.CommonName
	}
	writeJSON(w, http.StatusOK, newObject().
		set("tls", true).
		set("protocol", tlsVersionName(r.TLS.Version)).
		set("cipher", tls.CipherSuiteName(r.TLS.CipherSuite)).
		set("servername", r.TLS.ServerName).
		set("clientCert", client))
}

func tlsVersionName(v uint16) string {
	switch v {
	case tls.VersionTLS10:
		return "TLSv1"
	case tls.VersionTLS11:
		return "TLSv1.1"
	case tls.VersionTLS12:
		return "TLSv1.2"
	case tls.VersionTLS13:
		return "TLSv1.3"
	}
	return fmt.Sprintf("0x%04x", v)
}

// PKI is a throwaway certificate authority and the certificates TLS tests
// need, made when a test starts (nothing is checked in): a server
// certificate for localhost and 127.0.0.1 signed by the authority, one
// that has expired, one for another host, a self-signed one, and a client
// certificate. Keys are ECDSA P-256, which is quick to make.
type PKI struct {
	CA         *x509.Certificate
	CAPEM      []byte
	Server     tls.Certificate
	Expired    tls.Certificate
	WrongHost  tls.Certificate
	SelfSigned tls.Certificate
	// Chain is Server sent with the authority's certificate after it.
	Chain tls.Certificate
	// Client's common name is "courier-client".
	Client                  tls.Certificate
	ClientPEM, ClientKeyPEM []byte
}

// NewPKI makes a PKI valid around now.
func NewPKI(now time.Time) (*PKI, error) {
	ca, err := localpki.NewAuthority(&x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "courier test CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	})
	if err != nil {
		return nil, fmt.Errorf("the test PKI: %w", err)
	}
	p := &PKI{CA: ca.Cert, CAPEM: ca.PEM}
	local := []string{"localhost"}
	localIPs := []net.IP{net.IPv4(127, 0, 0, 1)}
	for _, c := range []struct {
		dst       *tls.Certificate
		serial    int64
		cn        string
		dns       []string
		ips       []net.IP
		from, to  time.Time
		selfSign  bool
		clientUse bool
	}{
		{&p.Server, 2, "localhost", local, localIPs, now.Add(-time.Hour), now.Add(24 * time.Hour), false, false},
		{&p.Expired, 3, "localhost", local, localIPs, now.Add(-48 * time.Hour), now.Add(-24 * time.Hour), false, false},
		{&p.WrongHost, 4, "wrong.invalid", []string{"wrong.invalid"}, nil, now.Add(-time.Hour), now.Add(24 * time.Hour), false, false},
		{&p.SelfSigned, 5, "localhost", local, localIPs, now.Add(-time.Hour), now.Add(24 * time.Hour), true, false},
		{&p.Client, 6, "courier-client", nil, nil, now.Add(-time.Hour), now.Add(24 * time.Hour), false, true},
	} {
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(c.serial),
			Subject:      pkix.Name{CommonName: c.cn},
			DNSNames:     c.dns,
			IPAddresses:  c.ips,
			NotBefore:    c.from,
			NotAfter:     c.to,
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		}
		if c.clientUse {
			tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
		}
		signer := ca
		if c.selfSign {
			signer = nil
		}
		leaf, err := signer.Issue(tmpl)
		if err != nil {
			return nil, fmt.Errorf("the test PKI: %w", err)
		}
		*c.dst = leaf.TLS
		if c.clientUse {
			p.ClientPEM, p.ClientKeyPEM = leaf.CertPEM, leaf.KeyPEM
		}
	}
	p.Chain = p.Server
	p.Chain.Certificate = append([][]byte{p.Server.Certificate[0]}, ca.Cert.Raw)
	return p, nil
}

// CAPool is a pool holding the PKI's authority alone.
func (p *PKI) CAPool() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(p.CA)
	return pool
}

// WriteFiles writes ca.pem, client.pem and client-key.pem into dir, the
// files a client's --ssl-extra-ca-certs, --ssl-client-cert and
// --ssl-client-key name.
func (p *PKI) WriteFiles(dir string) error {
	for name, data := range map[string][]byte{"ca.pem": p.CAPEM, "client.pem": p.ClientPEM, "client-key.pem": p.ClientKeyPEM} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			return fmt.Errorf("writing the test PKI: %w", err)
		}
	}
	return nil
}
