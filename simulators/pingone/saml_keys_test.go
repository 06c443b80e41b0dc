package pingone_test

import (
	"bytes"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// upload posts a multipart form: the file part plus text fields.
func (f *fixture) upload(t *testing.T, path, file string, fields ...string) reply {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for i := 0; i+1 < len(fields); i += 2 {
		require.NoError(t, mw.WriteField(fields[i], fields[i+1]))
	}
	if file != "" {
		raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pingone", file))
		require.NoError(t, err)
		part, err := mw.CreateFormFile("file", file)
		require.NoError(t, err)
		_, _ = part.Write(raw)
	}
	require.NoError(t, mw.Close())
	return f.c.api("POST", "/environments/"+f.envID+path, f.token, mw.FormDataContentType(), buf.String())
}

// TestKeyImport: POST /keys takes a PKCS#12 file (with its password) as
// multipart/form-data; the imported key can then sign a SAML
// application's assertions, which verify against its certificate.
func TestKeyImport(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	for _, tc := range []struct {
		name   string
		file   string
		fields []string
		detail string
	}{
		{"wrong password", "saml-sp-signing.p12", []string{"usageType", "SIGNING", "password", "nope"}, "INVALID_VALUE"},
		{"no password for an encrypted file", "saml-sp-signing.p12", []string{"usageType", "SIGNING"}, "INVALID_VALUE"},
		{"not PKCS#12", "saml-idp-verification.pem", []string{"usageType", "SIGNING", "password", "2FederateM0re"}, "INVALID_VALUE"},
		{"no usageType", "saml-sp-signing.p12", []string{"password", "2FederateM0re"}, "REQUIRED_VALUE"},
		{"no file", "", []string{"usageType", "SIGNING"}, "REQUIRED_VALUE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertPlatformError(t, f.upload(t, "/keys", tc.file, tc.fields...), 400, "INVALID_DATA", tc.detail)
		})
	}
	r := f.upload(t, "/keys", "saml-sp-signing.p12", "usageType", "SIGNING", "password", "2FederateM0re")
	require.Equal(t, 201, r.code, r.raw)
	assert.Equal(t, "RSA", r.body["algorithm"])
	assert.EqualValues(t, 2048, r.body["keyLength"])
	assert.Equal(t, "SHA256withRSA", r.body["signatureAlgorithm"])
	assert.Equal(t, "SIGNING", r.body["usageType"])
	assert.Equal(t, "Courier Test SAML SP signing", r.body["name"])
	keyID := r.body["id"].(string)

	r = f.c.api("POST", "/environments/"+f.envID+"/applications", f.token, "application/json",
		samlAppBody(`,"idpSigning":{"key":{"id":"`+keyID+`"},"algorithm":"SHA256withRSA"}`))
	require.Equal(t, 201, r.code, r.raw)
	f.appID = r.body["id"].(string)
	_, r = f.samlSignOn(t, "post", "ID-imported")
	require.Equal(t, 200, r.code, r.raw)
	assertion := decodeSAMLResponse(t, r.raw).FindElement("//Assertion")
	require.NotNil(t, assertion)
	assert.Equal(t, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", assertion.FindElement("Signature/SignedInfo/SignatureMethod").SelectAttrValue("Algorithm", ""))
	require.NoError(t, validateAssertion(f.signingCert(t, keyID), assertion))
}

// TestSAMLIdentityProvider: a SAML provider needs PingOne's SAML settings
// and existing certificates and key; it gets the CORE username mapping.
func TestSAMLIdentityProvider(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	r := f.upload(t, "/certificates", "saml-idp-verification.pem", "usageType", "SIGNING")
	require.Equal(t, 202, r.code, r.raw)
	certID := r.body["id"].(string)
	// The same PEM as a text part (what a headless client can send).
	pemText, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pingone", "saml-idp-verification.pem"))
	require.NoError(t, err)
	r = f.upload(t, "/certificates", "", "usageType", "SIGNING", "file", string(pemText))
	require.Equal(t, 202, r.code, r.raw)
	assert.Equal(t, "Courier Test SAML IdP verification", r.body["name"])
	assertPlatformError(t, f.upload(t, "/certificates", "", "usageType", "SIGNING", "file", "not a certificate"), 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.upload(t, "/keys", "saml-sp-signing.p12", "usageType", "SIGNING", "password", "2FederateM0re")
	require.Equal(t, 201, r.code, r.raw)
	keyID := r.body["id"].(string)
	idp := func(extra string) string {
		return `{"name":"IdP","type":"SAML","enabled":true,"spEntityId":"sp","idpEntityId":"https://idp.example","ssoBinding":"HTTP_POST",` +
			`"ssoEndpoint":"https://idp.example/sso"` + extra + `}`
	}
	certs := `,"idpVerification":{"certificates":[{"id":"` + certID + `"}]}`
	providers := "/environments/" + f.envID + "/identityProviders"
	for _, tc := range []struct{ name, body, target string }{
		{"no certificates", idp(""), "idpVerification.certificates"},
		{"unknown certificate", idp(`,"idpVerification":{"certificates":[{"id":"` + keyID + `"}]}`), "idpVerification.certificates.id"},
		{"unknown signing key", idp(certs + `,"spSigning":{"key":{"id":"` + certID + `"}}`), "spSigning.key.id"},
		{"unknown binding", strings.Replace(idp(certs), "HTTP_POST", "SOAP", 1), "ssoBinding"},
		{"no SSO endpoint", strings.Replace(idp(certs), `"ssoEndpoint":"https://idp.example/sso"`, `"x":1`, 1), "ssoEndpoint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.c.api("POST", providers, f.token, "application/json", tc.body)
			assertPlatformError(t, r, 400, "INVALID_DATA", "")
			assert.Contains(t, r.raw, `"target":"`+tc.target+`"`)
		})
	}
	r = f.c.api("POST", providers, f.token, "application/json", idp(certs+`,"spSigning":{"key":{"id":"`+keyID+`"}}`))
	require.Equal(t, 201, r.code, r.raw)
	attrs := embedded(t, f.c.api("GET", providers+"/"+r.body["id"].(string)+"/attributes", f.token, "", ""), "attributes")
	require.Len(t, attrs, 1)
	assert.Equal(t, "username", attrs[0].(map[string]any)["name"])
	assert.Equal(t, "${samlAssertion.subject}", attrs[0].(map[string]any)["value"])
	assert.Equal(t, "CORE", attrs[0].(map[string]any)["mappingType"])
}
