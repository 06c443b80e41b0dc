package pingone

import (
	"crypto/x509"
	"encoding/pem"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIssueCertificate: both listeners' certificates verify against the
// authority handed out for them, for their names and loopback only, and
// the authority is constrained to those domains.
func TestIssueCertificate(t *testing.T) {
	t.Parallel()
	hostsCert, hostsCA, err := hostsCertificate()
	require.NoError(t, err)
	loopCert, loopCA, err := issueCertificate("local PingOne (courier)", nil, nil)
	require.NoError(t, err)
	tests := []struct {
		name      string
		leafDER   []byte
		caPEM     []byte
		good, bad []string
		permitted []string
	}{
		{"hosts", hostsCert.Certificate[0], hostsCA,
			[]string{"auth.pingone.com", "api.pingone.eu", "scim-api.pingone.com.au", "localhost", "127.0.0.1", "::1"},
			[]string{"pingone.com.evil.example", "example.com", "10.0.0.1"},
			[]string{"pingone.com", "pingone.ca", "pingone.eu", "pingone.com.au", "pingone.sg", "pingone.asia", "localhost"}},
		{"loopback", loopCert.Certificate[0], loopCA,
			[]string{"localhost", "127.0.0.1", "::1"},
			[]string{"auth.pingone.com", "example.com", "10.0.0.1"},
			[]string{"localhost"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			block, _ := pem.Decode(tt.caPEM)
			require.NotNil(t, block)
			ca, err := x509.ParseCertificate(block.Bytes)
			require.NoError(t, err)
			assert.True(t, ca.IsCA)
			assert.True(t, ca.PermittedDNSDomainsCritical)
			assert.Equal(t, tt.permitted, ca.PermittedDNSDomains)
			leaf, err := x509.ParseCertificate(tt.leafDER)
			require.NoError(t, err)
			assert.False(t, leaf.IsCA, "the served certificate must not be an authority")
			roots := x509.NewCertPool()
			roots.AddCert(ca)
			for _, name := range tt.good {
				_, err := leaf.Verify(x509.VerifyOptions{DNSName: name, Roots: roots})
				assert.NoError(t, err, name)
			}
			for _, name := range tt.bad {
				_, err := leaf.Verify(x509.VerifyOptions{DNSName: name, Roots: roots})
				assert.Error(t, err, name)
			}
		})
	}
	assert.NotEqual(t, hostsCA, loopCA)
}

// The templates add localhost to the names given without writing into the
// caller's slice (hostsCertificate passes Hosts(), the CA its domains),
// and both certificates live from an hour back to a day ahead.
func TestCertificateTemplates(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC)
	serial := big.NewInt(7)
	tests := []struct {
		names       []string
		wantDNS     []string
		wantSubject string
	}{
		{nil, []string{"localhost"}, "localhost"},
		{[]string{"auth.pingone.com", "api.pingone.eu"}, []string{"auth.pingone.com", "api.pingone.eu", "localhost"}, "auth.pingone.com"},
	}
	for _, tt := range tests {
		in := make([]string, len(tt.names), len(tt.names)+1) // room to append in place
		copy(in, tt.names)
		leaf := serverTemplate(in, serial, now)
		assert.Equal(t, tt.wantDNS, leaf.DNSNames)
		assert.Equal(t, tt.wantSubject, leaf.Subject.CommonName)
		assert.Equal(t, []string{"127.0.0.1", "::1"}, []string{leaf.IPAddresses[0].String(), leaf.IPAddresses[1].String()})
		assert.Equal(t, []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, leaf.ExtKeyUsage)
		assert.False(t, leaf.IsCA)
		assert.Equal(t, now.Add(-time.Hour), leaf.NotBefore)
		assert.Equal(t, now.Add(24*time.Hour), leaf.NotAfter)

		ca := authorityTemplate("test CA", in, serial, now)
		assert.Equal(t, tt.wantDNS, ca.PermittedDNSDomains)
		assert.True(t, ca.IsCA && ca.MaxPathLenZero && ca.PermittedDNSDomainsCritical)
		assert.Equal(t, "test CA", ca.Subject.CommonName)
		assert.Equal(t, leaf.NotBefore, ca.NotBefore)
		assert.Equal(t, leaf.NotAfter, ca.NotAfter)

		assert.Equal(t, append([]string{}, tt.names...), in, "the caller's names were changed")
		assert.Empty(t, in[:cap(in)][len(in)], "a template appended into the caller's array")
	}
}
