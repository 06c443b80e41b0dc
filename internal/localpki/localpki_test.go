package localpki

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"testing"
	"time"
)

// TestIssue: a certificate the authority issues verifies against the
// authority's PEM alone, for its name; a self-signed one does not; the
// PEM files hold what the TLS pair holds; serials differ.
func TestIssue(t *testing.T) {
	t.Parallel()
	now := time.Now()
	ca, err := NewAuthority(&x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign})
	if err != nil {
		t.Fatal(err)
	}
	leafTmpl := func() *x509.Certificate {
		return &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
			NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), KeyUsage: x509.KeyUsageDigitalSignature,
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(ca.PEM) {
		t.Fatal("the authority's PEM does not parse")
	}
	for _, c := range []struct {
		name   string
		by     *Authority
		verify bool
	}{{"issued", ca, true}, {"self-signed", nil, false}} {
		leaf, err := c.by.Issue(leafTmpl())
		if err != nil {
			t.Fatal(c.name, err)
		}
		block, _ := pem.Decode(leaf.CertPEM)
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil || string(cert.Raw) != string(leaf.TLS.Certificate[0]) {
			t.Fatalf("%s: CertPEM is not the TLS pair's certificate (%v)", c.name, err)
		}
		_, err = cert.Verify(x509.VerifyOptions{Roots: roots, DNSName: "localhost"})
		if (err == nil) != c.verify {
			t.Errorf("%s: verify = %v, want ok %v", c.name, err, c.verify)
		}
	}
	a, _ := RandomSerial()
	b, _ := RandomSerial()
	if a.Cmp(b) == 0 || a.BitLen() > 128 {
		t.Errorf("serials %v, %v", a, b)
	}
}
