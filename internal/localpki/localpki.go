// Package localpki makes the certificate authorities and certificates of
// courier's local servers: the local PingOne's HTTPS (courier serve pingone
// --tls) and the echo server's TLS modes in tests. Keys are ECDSA P-256,
// quick to make; nothing is stored, every caller makes its own when it
// starts.
package localpki

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"math/big"
)

// Authority signs certificates. Its key stays inside: callers get
// certificates, never the means to make more.
type Authority struct {
	Cert *x509.Certificate
	PEM  []byte // Cert as PEM, the file a client is told to trust
	key  *ecdsa.PrivateKey
}

// Leaf is an issued key pair, as tls.Config takes it and as PEM files.
type Leaf struct {
	TLS             tls.Certificate
	CertPEM, KeyPEM []byte
}

// NewAuthority makes a self-signed authority from tmpl, which says what it
// may sign (IsCA, key usages, name constraints).
func NewAuthority(tmpl *x509.Certificate) (*Authority, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("making the key of %q: %w", tmpl.Subject.CommonName, err)
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("making the authority %q: %w", tmpl.Subject.CommonName, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &Authority{Cert: cert, PEM: pemBlock("CERTIFICATE", der), key: key}, nil
}

// Issue makes a new key and a certificate for it from tmpl, signed by the
// authority, or by the key itself when a is nil (a self-signed
// certificate).
func (a *Authority) Issue(tmpl *x509.Certificate) (Leaf, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Leaf{}, fmt.Errorf("making the key of %q: %w", tmpl.Subject.CommonName, err)
	}
	parent, signer := tmpl, key
	if a != nil {
		parent, signer = a.Cert, a.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, signer)
	if err != nil {
		return Leaf{}, fmt.Errorf("making the certificate %q: %w", tmpl.Subject.CommonName, err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return Leaf{}, err
	}
	l := Leaf{CertPEM: pemBlock("CERTIFICATE", der), KeyPEM: pemBlock("EC PRIVATE KEY", keyDER)}
	l.TLS, err = tls.X509KeyPair(l.CertPEM, l.KeyPEM)
	return l, err
}

// RandomSerial is a random 128-bit serial number: browsers refuse two
// different certificates with the same issuer and serial, and a server
// that makes a new authority with the same name at every start would
// otherwise repeat them.
func RandomSerial() (*big.Int, error) {
	return rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
}

func pemBlock(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}
