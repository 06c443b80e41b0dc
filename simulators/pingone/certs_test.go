package pingone

import (
	"crypto/x509"
	"encoding/pem"
	"testing"

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
