package runner

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // Node's fingerprint is SHA-1's
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/courier-run/courier/scripting"
)

// nodePeerCert is a certificate chain as Node's detailed peer certificate
// (tls getPeerCertificate(true)) gives it, the leaf first: each
// certificate's issuerCertificate is the next, and the last (the root)
// is its own. Checked field by field against Newman 6.2.2's pm.sendRequest
// err.cert (TestSendRequestAltnameErrorFields).
func nodePeerCert(chain []*x509.Certificate) *scripting.PeerCert {
	if len(chain) == 0 {
		return nil
	}
	certs := make([]*scripting.PeerCert, len(chain))
	for i, c := range chain {
		certs[i] = peerCertOf(c)
	}
	for i := range certs {
		if i+1 < len(certs) {
			certs[i].IssuerCert = certs[i+1]
		} else if isSelfIssued(chain[i]) {
			certs[i].IssuerCert = certs[i]
		}
	}
	return certs[0]
}

func isSelfIssued(c *x509.Certificate) bool { return string(c.RawIssuer) == string(c.RawSubject) }

// peerCertOf is one certificate's fields as Node words them.
func peerCertOf(c *x509.Certificate) *scripting.PeerCert {
	p := &scripting.PeerCert{
		Subject:        nameAttrs(c.Subject.Names),
		Issuer:         nameAttrs(c.Issuer.Names),
		SubjectAltName: altNames(c),
		InfoAccess:     infoAccess(c),
		CA:             c.BasicConstraintsValid && c.IsCA,
		ValidFrom:      opensslTime(c.NotBefore),
		ValidTo:        opensslTime(c.NotAfter),
		ExtKeyUsage:    extKeyUsageOIDs(c),
		SerialNumber:   strings.ToUpper(hex.EncodeToString(c.SerialNumber.Bytes())),
		Raw:            c.Raw,
	}
	if p.SerialNumber == "" {
		p.SerialNumber = "00"
	}
	s1, s256, s512 := sha1.Sum(c.Raw), sha256.Sum256(c.Raw), sha512.Sum512(c.Raw) //nolint:gosec // a fingerprint
	p.Fingerprint, p.Fingerprint256, p.Fingerprint512 = colonHex(s1[:]), colonHex(s256[:]), colonHex(s512[:])
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		p.Modulus = strings.ToUpper(k.N.Text(16))
		p.Bits = k.N.BitLen()
		p.Exponent = fmt.Sprintf("0x%x", k.E)
		p.Pubkey = c.RawSubjectPublicKeyInfo
	case *ecdsa.PublicKey:
		p.Bits = k.Curve.Params().BitSize
		p.Pubkey, _ = k.Bytes()
		p.ASN1Curve, p.NISTCurve = curveNames(k.Curve)
	}
	return p
}

// opensslTime is ASN1_TIME_print's form: "Dec  6 05:00:00 2026 GMT".
func opensslTime(t time.Time) string { return t.UTC().Format("Jan _2 15:04:05 2006 GMT") }

// colonHex is a digest as Node prints a fingerprint: "AB:CD:...".
func colonHex(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) * 3)
	for i, x := range b {
		if i > 0 {
			sb.WriteByte(':')
		}
		fmt.Fprintf(&sb, "%02X", x)
	}
	return sb.String()
}

// curveNames are OpenSSL's ASN.1 and NIST names of a curve.
func curveNames(c elliptic.Curve) (asn1Name, nist string) {
	switch c {
	case elliptic.P224():
		return "secp224r1", "P-224"
	case elliptic.P256():
		return "prime256v1", "P-256"
	case elliptic.P384():
		return "secp384r1", "P-384"
	case elliptic.P521():
		return "secp521r1", "P-521"
	}
	return "", ""
}

// nameShort are OpenSSL's short names of the attributes certificates
// name their subject and issuer with; others go by their dotted OID.
var nameShort = map[string]string{
	"2.5.4.3": "CN", "2.5.4.6": "C", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.10": "O", "2.5.4.11": "OU",
	"2.5.4.5": "serialNumber", "2.5.4.9": "street", "2.5.4.17": "postalCode", "2.5.4.4": "SN", "2.5.4.42": "GN",
	"2.5.4.12": "title", "2.5.4.46": "dnQualifier", "2.5.4.65": "pseudonym", "2.5.4.97": "organizationIdentifier",
	"1.2.840.113549.1.9.1": "emailAddress", "0.9.2342.19200300.100.1.25": "DC", "0.9.2342.19200300.100.1.1": "UID",
	"2.5.4.15": "businessCategory", "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC",
	"1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST", "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL",
}

// nameAttrs is a name's attributes in the certificate's order, by
// OpenSSL's short name; an attribute named twice becomes a list (Node).
func nameAttrs(names []pkix.AttributeTypeAndValue) []scripting.NameAttr {
	var out []scripting.NameAttr
	at := map[string]int{}
	for _, n := range names {
		key := nameShort[n.Type.String()]
		if key == "" {
			key = n.Type.String()
		}
		v := fmt.Sprint(n.Value)
		if i, ok := at[key]; ok {
			out[i].Values = append(out[i].Values, v)
			continue
		}
		at[key] = len(out)
		out = append(out, scripting.NameAttr{Key: key, Values: []string{v}})
	}
	return out
}

// altNames is the subjectAltName as OpenSSL prints it ("DNS:a, IP
// Address:127.0.0.1"); "" when the certificate has none.
func altNames(c *x509.Certificate) string {
	var names []string
	for _, n := range c.DNSNames {
		names = append(names, "DNS:"+n)
	}
	for _, e := range c.EmailAddresses {
		names = append(names, "email:"+e)
	}
	for _, ip := range c.IPAddresses {
		names = append(names, "IP Address:"+ip.String())
	}
	for _, u := range c.URIs {
		names = append(names, "URI:"+u.String())
	}
	return strings.Join(names, ", ")
}

// infoAccess is the authority information access as Node lists it:
// "OCSP - URI" and "CA Issuers - URI", each a list.
func infoAccess(c *x509.Certificate) []scripting.NameAttr {
	var out []scripting.NameAttr
	if len(c.OCSPServer) > 0 {
		out = append(out, scripting.NameAttr{Key: "OCSP - URI", Values: c.OCSPServer})
	}
	if len(c.IssuingCertificateURL) > 0 {
		out = append(out, scripting.NameAttr{Key: "CA Issuers - URI", Values: c.IssuingCertificateURL})
	}
	return out
}

// extKeyUsageOIDs is the extended key usage extension's OIDs in the
// certificate's order; nil when it has none (Node leaves the key out).
func extKeyUsageOIDs(c *x509.Certificate) []string {
	for _, e := range c.Extensions {
		if !e.Id.Equal(asn1.ObjectIdentifier{2, 5, 29, 37}) {
			continue
		}
		var oids []asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(e.Value, &oids); err != nil {
			break
		}
		out := make([]string, len(oids))
		for i, o := range oids {
			out[i] = o.String()
		}
		return out
	}
	return nil
}
