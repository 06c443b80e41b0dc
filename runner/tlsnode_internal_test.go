package runner

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/echo"
)

// TestNodeVerifyOrder: which error Node gives for a certificate with more
// than one fault (fresh-round9n-b.json has Newman's answers): the dates
// win over an unknown authority, the host is checked only on a trusted
// chain, a self-signed leaf has its own words.
func TestNodeVerifyOrder(t *testing.T) {
	t.Parallel()
	now := time.Now()
	pki, err := echo.NewPKI(now)
	require.NoError(t, err)
	leaf := func(c tls.Certificate) []*x509.Certificate {
		x, err := x509.ParseCertificate(c.Certificate[0])
		require.NoError(t, err)
		return []*x509.Certificate{x}
	}
	for _, c := range []struct {
		name  string
		cert  tls.Certificate
		roots *x509.CertPool
		host  string
		code  string
	}{
		{"trusted", pki.Server, pki.CAPool(), "127.0.0.1", ""},
		{"trusted, by name", pki.Server, pki.CAPool(), "localhost", ""},
		{"unknown authority", pki.Server, x509.NewCertPool(), "127.0.0.1", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
		{"expired beats unknown authority", pki.Expired, x509.NewCertPool(), "127.0.0.1", "CERT_HAS_EXPIRED"},
		{"expired", pki.Expired, pki.CAPool(), "127.0.0.1", "CERT_HAS_EXPIRED"},
		{"wrong host, unknown authority", pki.WrongHost, x509.NewCertPool(), "127.0.0.1", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
		{"wrong host", pki.WrongHost, pki.CAPool(), "127.0.0.1", "ERR_TLS_CERT_ALTNAME_INVALID"},
		{"self-signed", pki.SelfSigned, pki.CAPool(), "127.0.0.1", "DEPTH_ZERO_SELF_SIGNED_CERT"},
		// Fail closed: a state without the server's name is no match.
		{"trusted, no name to check", pki.Server, pki.CAPool(), "", "ERR_TLS_CERT_ALTNAME_INVALID"},
		// Node 20 (https.get with the authority as ca): INVALID_PURPOSE,
		// "unsuitable certificate purpose", before the host is looked at.
		{"client-only certificate", pki.Client, pki.CAPool(), "127.0.0.1", "INVALID_PURPOSE"},
		{"client-only certificate, unknown authority", pki.Client, x509.NewCertPool(), "127.0.0.1", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
	} {
		roots := c.roots
		err := nodeVerify(func() *x509.CertPool { return roots }, func() time.Time { return now })(tls.ConnectionState{PeerCertificates: leaf(c.cert), ServerName: c.host})
		if c.code == "" {
			assert.NoError(t, err, c.name)
			continue
		}
		var ce *certError
		if assert.True(t, errors.As(err, &ce), c.name) {
			assert.Equal(t, c.code, ce.code, c.name)
			assert.Equal(t, c.code, tlsWords(err).Code, c.name)
		}
	}
	// Node 20's words (its JSON reporter cannot report them, so they were
	// read from Node itself): an IP address against the addresses alone,
	// a name against the whole list.
	err = nodeVerify(pki.CAPool, time.Now)(tls.ConnectionState{PeerCertificates: leaf(pki.WrongHost), ServerName: "127.0.0.1"})
	assert.EqualError(t, err, "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ")
	err = nodeVerify(pki.CAPool, time.Now)(tls.ConnectionState{PeerCertificates: leaf(pki.WrongHost), ServerName: "localhost"})
	assert.EqualError(t, err, "Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: DNS:wrong.invalid")
	err = nodeVerify(pki.CAPool, time.Now)(tls.ConnectionState{PeerCertificates: leaf(pki.Server), ServerName: "wrong.invalid"})
	assert.EqualError(t, err, "Hostname/IP does not match certificate's altnames: Host: wrong.invalid. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1")
}

// TestTLSOptionsAsPostmanRuntime: strictSSL over --insecure (only false
// turns verification off), tlsDisabledProtocols as a version range,
// tlsCipherSelection in OpenSSL's names.
func TestTLSOptionsAsPostmanRuntime(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name     string
		insecure bool
		ppb      behavior
		want     tlsOptions
	}{
		{"default", false, behavior{}, tlsOptions{verify: true, min: tls.VersionTLS12, max: tls.VersionTLS13}},
		{"--insecure", true, behavior{}, tlsOptions{verify: false, min: tls.VersionTLS12, max: tls.VersionTLS13}},
		{"strictSSL false", false, behavior{"strictSSL": false}, tlsOptions{verify: false, min: tls.VersionTLS12, max: tls.VersionTLS13}},
		{"strictSSL true over --insecure", true, behavior{"strictSSL": true}, tlsOptions{verify: true, min: tls.VersionTLS12, max: tls.VersionTLS13}},
		{"strictSSL 'false' verifies", false, behavior{"strictSSL": "false"}, tlsOptions{verify: true, min: tls.VersionTLS12, max: tls.VersionTLS13}},
		{"strictSSL 0 verifies, over --insecure too", true, behavior{"strictSSL": float64(0)}, tlsOptions{verify: true, min: tls.VersionTLS12, max: tls.VersionTLS13}},
		{"TLS 1.3 off", false, behavior{"tlsDisabledProtocols": []any{"TLSv1_3"}}, tlsOptions{verify: true, min: tls.VersionTLS12, max: tls.VersionTLS12}},
		{"TLS 1.2 off, unknown names ignored", false, behavior{"tlsDisabledProtocols": []any{"TLSv1_2", "SSLv3", "TLSv9", 3}}, tlsOptions{verify: true, min: tls.VersionTLS13, max: tls.VersionTLS13}},
		{"ciphers", false, behavior{"tlsCipherSelection": []any{"A", "B"}}, tlsOptions{verify: true, min: tls.VersionTLS12, max: tls.VersionTLS13, ciphers: "A:B"}},
	} {
		assert.Equal(t, c.want, tlsOptionsFor(c.insecure, c.ppb), c.name)
	}
	for _, c := range []struct {
		selection string
		want      []uint16
		err       error
	}{
		{"", nil, nil},
		{"ECDHE-ECDSA-AES256-GCM-SHA384", []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384}, nil},
		{"NOPE-CIPHER:ECDHE-RSA-AES128-GCM-SHA256", []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}, nil},
		{"NOPE-CIPHER", nil, errNoCipherMatch},
		{"HIGH:!aNULL", nil, nil},
		{"TLS_AES_128_GCM_SHA256", nil, nil},
	} {
		got, err := cipherSuites(c.selection)
		assert.Equal(t, c.want, got, c.selection)
		assert.Equal(t, c.err, err, c.selection)
	}
}
