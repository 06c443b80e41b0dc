package runner

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"net"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/scripting"
)

// TestPeerCertFields: the fields of Node's certificate object that the
// probes' EC certificates do not reach (fresh-round10n-c has them for
// P-256): an RSA key, a name repeating an attribute, an unknown attribute,
// authority information access, a serial whose first byte is under 0x10,
// a self-signed root that is its own issuer.
func TestPeerCertFields(t *testing.T) {
	t.Parallel()
	key, err := rsa.GenerateKey(rand.Reader, 1024) //nolint:gosec // a test key; its size does not matter
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(0x0abc),
		Subject: pkix.Name{ExtraNames: []pkix.AttributeTypeAndValue{
			{Type: asn1.ObjectIdentifier{2, 5, 4, 6}, Value: "DE"},
			{Type: asn1.ObjectIdentifier{2, 5, 4, 11}, Value: "a"},
			{Type: asn1.ObjectIdentifier{2, 5, 4, 11}, Value: "b"},
			{Type: asn1.ObjectIdentifier{1, 2, 3, 4}, Value: "x"},
			{Type: asn1.ObjectIdentifier{2, 5, 4, 3}, Value: "root"},
		}},
		NotBefore:             time.Date(2026, 12, 6, 5, 4, 3, 0, time.UTC),
		NotAfter:              time.Date(2027, 1, 16, 0, 0, 0, 0, time.UTC),
		IsCA:                  true,
		BasicConstraintsValid: true,
		DNSNames:              []string{"a.test"},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		OCSPServer:            []string{"http://ocsp.test"},
		IssuingCertificateURL: []string{"http://ca.test/ca.crt"},
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth, x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	p := nodePeerCert([]*x509.Certificate{c})
	if p.IssuerCert != p {
		t.Error("a self-signed root is not its own issuerCertificate")
	}
	wantSubject := []scripting.NameAttr{{Key: "C", Values: []string{"DE"}}, {Key: "OU", Values: []string{"a", "b"}},
		{Key: "1.2.3.4", Values: []string{"x"}}, {Key: "CN", Values: []string{"root"}}}
	checks := []struct {
		name      string
		got, want any
	}{
		{"subject", p.Subject, wantSubject},
		{"issuer", p.Issuer, wantSubject},
		{"subjectaltname", p.SubjectAltName, "DNS:a.test, IP Address:127.0.0.1"},
		{"infoAccess", p.InfoAccess, []scripting.NameAttr{{Key: "OCSP - URI", Values: []string{"http://ocsp.test"}}, {Key: "CA Issuers - URI", Values: []string{"http://ca.test/ca.crt"}}}},
		{"ca", p.CA, true},
		{"bits", p.Bits, 1024},
		{"exponent", p.Exponent, "0x10001"},
		{"modulus", p.Modulus, strings.ToUpper(key.N.Text(16))},
		{"pubkey", p.Pubkey, c.RawSubjectPublicKeyInfo},
		{"valid_from", p.ValidFrom, "Dec  6 05:04:03 2026 GMT"},
		{"valid_to", p.ValidTo, "Jan 16 00:00:00 2027 GMT"},
		{"ext_key_usage", p.ExtKeyUsage, []string{"1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.1"}},
		{"serialNumber", p.SerialNumber, "0ABC"},
		{"curve", p.ASN1Curve + p.NISTCurve, ""},
		{"fingerprint length", len(p.Fingerprint), 59},
	}
	for _, ck := range checks {
		if !reflect.DeepEqual(ck.got, ck.want) {
			t.Errorf("%s = %#v, want %#v", ck.name, ck.got, ck.want)
		}
	}
}
