package vault

import (
	"errors"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDomain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, canon string
		wantErr   string
	}{
		{in: "api.pingone.com", canon: "api.pingone.com"},
		{in: "  API.PingOne.COM. ", canon: "api.pingone.com"},
		{in: "*.example.com", canon: "*.example.com"},
		{in: "https://api.example.com", canon: "https://api.example.com"},
		{in: "https://api.example.com/", canon: "https://api.example.com"},
		{in: "api.example.com:8443", canon: "api.example.com:8443"},
		{in: "http://*.example.com:08080", canon: "http://*.example.com:8080"},
		{in: "127.0.0.1:3000", canon: "127.0.0.1:3000"},
		{in: "[::1]:8080", canon: "[::1]:8080"},
		{in: "[::1]", canon: "[::1]"},
		{in: "localhost", canon: "localhost"},
		{in: "", wantErr: "empty"},
		{in: "ftp://x.com", wantErr: "scheme"},
		{in: "api.example.com/v1", wantErr: "not a path"},
		{in: "user@api.example.com", wantErr: "not a path"},
		{in: "a.*.example.com", wantErr: "wildcard"},
		{in: "*example.com", wantErr: "wildcard"},
		{in: "*", wantErr: "wildcard"},
		{in: "*.com", wantErr: "too broad"},
		{in: "*.10.0.0.1", wantErr: "IP address"},
		{in: "x.com:0", wantErr: "bad port"},
		{in: "x.com:http", wantErr: "bad port"},
		{in: "https://", wantErr: "no host"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			d, err := ParseDomain(tt.in)
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.canon, d.String())
		})
	}
}

func TestDomainMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, url string
		want         bool
	}{
		{"api.pingone.com", "https://api.pingone.com/v1/environments", true},
		{"api.pingone.com", "http://API.PINGONE.COM.:8080/x", true},
		{"api.pingone.com", "https://auth.pingone.com/", false},
		{"api.pingone.com", "https://api.pingone.com.evil.net/", false},
		{"api.pingone.com", "https://evilapi.pingone.com/", false},
		{"*.example.com", "https://a.example.com", true},
		{"*.example.com", "https://a.b.example.com", true},
		{"*.example.com", "https://example.com", false},
		{"*.example.com", "https://badexample.com", false},
		{"https://api.example.com", "http://api.example.com", false},
		{"https://api.example.com", "https://api.example.com:9999", true},
		{"api.example.com:443", "https://api.example.com/", true},
		{"api.example.com:443", "http://api.example.com/", false},
		{"api.example.com:8443", "https://api.example.com:8443/", true},
		{"127.0.0.1", "http://127.0.0.1:54321/echo", true},
		{"[::1]:8080", "http://[::1]:8080/", true},
		{"[::1]:8080", "http://[::1]:8081/", false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+" "+tt.url, func(t *testing.T) {
			t.Parallel()
			d, err := ParseDomain(tt.pattern)
			require.NoError(t, err)
			u, err := url.Parse(tt.url)
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.Match(u))
		})
	}
}

func TestCheckURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		domains []string
		url     string
		wantErr string
	}{
		{"no domains allows anything", nil, "https://anywhere.example/", ""},
		{"one of several", []string{"a.com", "b.com"}, "https://b.com/x", ""},
		{"schemeless URL is http", []string{"http://api.example.com"}, "api.example.com/v1", ""},
		{"refused names secret and host", []string{"api.pingone.com"}, "https://evil.example.net:8443/steal?x=1", `vault secret "tok" may not be sent to evil.example.net:8443 (allowed domains: api.pingone.com)`},
		{"unresolved host is refused", []string{"api.pingone.com"}, "{{baseUrl}}/x", "no host to check"},
		{"empty URL is refused", []string{"api.pingone.com"}, "", "no host to check"},
		{"a corrupt pattern matches nothing", []string{"a.com/x"}, "https://a.com/", "may not be sent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := CheckURL("tok", tt.domains, tt.url)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorContains(t, err, tt.wantErr)
			var de *DomainError
			assert.True(t, errors.As(err, &de))
			assert.NotContains(t, err.Error(), "steal", "the URL's path and query are not echoed")
		})
	}
}

func TestNormalizeDomains(t *testing.T) {
	t.Parallel()
	got, err := NormalizeDomains([]string{"API.example.com, *.x.org", "api.example.com", " "})
	require.NoError(t, err)
	assert.Equal(t, []string{"api.example.com", "*.x.org"}, got)
	_, err = NormalizeDomains([]string{"ok.com,bad.com/path"})
	assert.Error(t, err)
}
