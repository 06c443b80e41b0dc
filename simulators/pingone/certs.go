package pingone

import (
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"time"

	"github.com/courier-run/courier/internal/localpki"
)

// issueCertificate makes a one-day certificate authority and a server
// certificate from it for names, localhost, 127.0.0.1 and ::1. It returns
// the server's key pair and the authority's certificate (PEM), the one a
// client is told to trust. The authority may sign only loopback names and
// the domains under permitted (X.509 name constraints, marked critical), so
// trusting it vouches for nothing else even if its certificate is kept; its
// key never leaves localpki.Authority. Serial numbers are random
// (localpki.RandomSerial): every run makes a new authority with the same
// name.
func issueCertificate(caName string, names, permitted []string) (tls.Certificate, []byte, error) {
	now := time.Now()
	serial, err := localpki.RandomSerial()
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	ca, err := localpki.NewAuthority(authorityTemplate(caName, permitted, serial, now))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	if serial, err = localpki.RandomSerial(); err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf, err := ca.Issue(serverTemplate(names, serial, now))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	return leaf.TLS, ca.PEM, nil
}

// authorityTemplate is the authority's certificate: it signs server
// certificates only (path length 0), and only for loopback addresses,
// localhost and the domains under permitted (critical name constraints).
func authorityTemplate(name string, permitted []string, serial *big.Int, now time.Time) *x509.Certificate {
	notBefore, notAfter := validity(now)
	return &x509.Certificate{
		SerialNumber:                serial,
		Subject:                     pkix.Name{CommonName: name},
		NotBefore:                   notBefore,
		NotAfter:                    notAfter,
		KeyUsage:                    x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid:       true,
		IsCA:                        true,
		MaxPathLenZero:              true,
		PermittedDNSDomainsCritical: true,
		PermittedDNSDomains:         append(append([]string(nil), permitted...), "localhost"),
		PermittedIPRanges: []*net.IPNet{
			{IP: net.IPv4(127, 0, 0, 0), Mask: net.CIDRMask(8, 32)},
			{IP: net.IPv6loopback, Mask: net.CIDRMask(128, 128)},
		},
	}
}

// serverTemplate is the served certificate: a TLS server's, for names,
// localhost and the loopback addresses; its subject is the first name.
func serverTemplate(names []string, serial *big.Int, now time.Time) *x509.Certificate {
	notBefore, notAfter := validity(now)
	dnsNames := append(append([]string(nil), names...), "localhost")
	return &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: dnsNames[0]},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     dnsNames,
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
}

// validity is both certificates' lifetime: a day from now, starting an
// hour back so that a client whose clock is a little behind accepts them.
func validity(now time.Time) (notBefore, notAfter time.Time) {
	return now.Add(-time.Hour), now.Add(24 * time.Hour)
}
