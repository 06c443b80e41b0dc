package pingone

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"time"
)

// issueCertificate makes a one-day certificate authority and a server
// certificate from it for names, localhost, 127.0.0.1 and ::1. It returns
// the server's key pair and the authority's certificate (PEM), the one a
// client is told to trust. The authority may sign only loopback names and
// the domains under permitted (X.509 name constraints, marked critical), so
// trusting it vouches for nothing else even if its certificate is kept; its
// key never leaves this function and its steps. Serial numbers are random because
// browsers refuse two different certificates with the same issuer and
// serial, and every run makes a new authority with the same name.
func issueCertificate(caName string, names, permitted []string) (tls.Certificate, []byte, error) {
	now := time.Now()
	ca, caKey, err := newAuthority(caName, permitted, now)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	cert, err := issueServerCertificate(ca, caKey, names, now)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	return cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Raw}), nil
}

// newAuthority makes the self-signed authority and its key; the key is
// only handed to issueServerCertificate.
func newAuthority(name string, permitted []string, now time.Time) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	serial, err := randomSerial()
	if err != nil {
		return nil, nil, err
	}
	tmpl := authorityTemplate(name, permitted, serial, now)
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	ca, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	return ca, key, nil
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

// issueServerCertificate makes the served key pair, signed by the
// authority, as tls.Config takes it.
func issueServerCertificate(ca *x509.Certificate, caKey *ecdsa.PrivateKey, names []string, now time.Time) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	serial, err := randomSerial()
	if err != nil {
		return tls.Certificate{}, err
	}
	der, err := x509.CreateCertificate(rand.Reader, serverTemplate(names, serial, now), ca, &key.PublicKey, caKey)
	if err != nil {
		return tls.Certificate{}, err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.X509KeyPair(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}))
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

// randomSerial is a random 128-bit serial number (see issueCertificate).
func randomSerial() (*big.Int, error) {
	return rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
}
