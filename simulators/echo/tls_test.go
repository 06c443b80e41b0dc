package echo_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/echo"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestTLSMode serves the echo over TLS with each certificate of a PKI made
// now and reads /tls through Go's client: the trusted certificate passes,
// the others fail verification for their own reason, and /tls tells the
// protocol and the client certificate presented.
func TestTLSMode(t *testing.T) {
	t.Parallel()
	pki, err := echo.NewPKI(time.Now())
	require.NoError(t, err)
	get := func(base string, cfg *tls.Config) (map[string]any, error) {
		c := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: cfg}}
		defer c.CloseIdleConnections()
		resp, err := c.Get(base + "/tls")
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		var info map[string]any
		require.NoError(t, json.Unmarshal(body, &info), string(body))
		return info, nil
	}
	trust := &tls.Config{RootCAs: pki.CAPool()}
	serve := func(c tls.Certificate, tweak func(*tls.Config)) string {
		cfg := &tls.Config{Certificates: []tls.Certificate{c}}
		if tweak != nil {
			tweak(cfg)
		}
		return echotest.StartTLS(t, cfg)
	}

	info, err := get(serve(pki.Server, nil), trust)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"tls": true, "protocol": "TLSv1.3", "cipher": "TLS_AES_128_GCM_SHA256", "servername": "", "clientCert": nil}, info)

	for name, c := range map[string]tls.Certificate{"expired": pki.Expired, "wrong host": pki.WrongHost, "self-signed": pki.SelfSigned} {
		_, err := get(serve(c, nil), trust)
		var verr *tls.CertificateVerificationError
		assert.ErrorAs(t, err, &verr, name)
	}

	mtls := serve(pki.Server, func(c *tls.Config) {
		c.ClientAuth, c.ClientCAs, c.MaxVersion = tls.RequireAndVerifyClientCert, pki.CAPool(), tls.VersionTLS12
	})
	_, err = get(mtls, trust)
	assert.Error(t, err, "a client certificate is required")
	withCert := trust.Clone()
	withCert.Certificates = []tls.Certificate{pki.Client}
	info, err = get(mtls, withCert)
	require.NoError(t, err)
	assert.Equal(t, "courier-client", info["clientCert"])
	assert.Equal(t, "TLSv1.2", info["protocol"])

	// The files a client's --ssl-* flags name.
	dir := t.TempDir()
	require.NoError(t, pki.WriteFiles(dir))
	pair, err := tls.LoadX509KeyPair(dir+"/client.pem", dir+"/client-key.pem")
	require.NoError(t, err)
	leaf, err := x509.ParseCertificate(pair.Certificate[0])
	require.NoError(t, err)
	assert.Equal(t, "courier-client", leaf.Subject.CommonName)
}

// TestTLSRouteOverPlainHTTP: /tls on the plain server says so.
func TestTLSRouteOverPlainHTTP(t *testing.T) {
	t.Parallel()
	resp, err := http.Get(echotest.Start(t) + "/tls")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	assert.JSONEq(t, `{"tls":false}`, string(body))
}
