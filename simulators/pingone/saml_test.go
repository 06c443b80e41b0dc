package pingone_test

import (
	"bytes"
	"compress/flate"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

const (
	samlSPEntity = "https://sp.example.com/saml"
	samlACS      = "https://sp.example.com/acs"
)

func samlAppBody(extra string) string {
	return `{"enabled":true,"name":"SAML app","type":"WEB_APP","protocol":"SAML","spEntityId":"` + samlSPEntity +
		`","acsUrls":["` + samlACS + `","https://sp.example.com/acs2"],"assertionDuration":300` + extra + `}`
}

// authnRequest is an SP's AuthnRequest; acs "" leaves the ACS URL out.
func authnRequest(id, issuer, acs string) string {
	attr := ""
	if acs != "" {
		attr = ` AssertionConsumerServiceURL="` + acs + `"`
	}
	return `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="` + id +
		`" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"` + attr + `><saml:Issuer>` + issuer + `</saml:Issuer></samlp:AuthnRequest>`
}

func deflateB64(t *testing.T, s string) string {
	t.Helper()
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	require.NoError(t, err)
	_, _ = zw.Write([]byte(s))
	require.NoError(t, zw.Close())
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// samlSSO sends the AuthnRequest with the POST or the Redirect binding.
func (f *fixture) samlSSO(t *testing.T, binding, xml, relay string) reply {
	t.Helper()
	if binding == "redirect" {
		q := url.Values{"SAMLRequest": {deflateB64(t, xml)}, "RelayState": {relay}}
		return f.c.do("GET", f.auth("/saml20/idp/sso?"+q.Encode()), nil, "")
	}
	return f.c.do("POST", f.auth("/saml20/idp/sso"), map[string]string{"Content-Type": formCT},
		form("SAMLRequest", base64.StdEncoding.EncodeToString([]byte(xml)), "RelayState", relay))
}

var samlResponseField = regexp.MustCompile(`name="SAMLResponse" value="([^"]+)"`)

// samlSignOn runs sso → password → resume and returns the resume reply.
func (f *fixture) samlSignOn(t *testing.T, binding, requestID string) (string, reply) {
	t.Helper()
	f.c.hc.Jar, _ = cookiejar.New(nil)
	flowID := flowIDFrom(t, f.samlSSO(t, binding, authnRequest(requestID, samlSPEntity, samlACS), "relay-1"))
	r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, f.auth("/saml20/resume?flowId="+flowID), r.body["resumeUrl"])
	r = f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
	require.Equal(t, 200, r.code, r.raw)
	require.Equal(t, "COMPLETED", r.body["status"])
	return flowID, f.c.do("GET", f.auth("/saml20/resume?flowId="+flowID), nil, "")
}

// decodeSAMLResponse reads the SAMLResponse out of the auto-post page.
func decodeSAMLResponse(t *testing.T, page string) *etree.Document {
	t.Helper()
	m := samlResponseField.FindStringSubmatch(page)
	require.NotNil(t, m, page)
	raw, err := base64.StdEncoding.DecodeString(m[1])
	require.NoError(t, err)
	doc := etree.NewDocument()
	require.NoError(t, doc.ReadFromBytes(raw))
	return doc
}

// signingCert downloads a key's certificate as PEM (Accept:
// application/x-pem-file), as an SP administrator would.
func (f *fixture) signingCert(t *testing.T, keyID string) *x509.Certificate {
	t.Helper()
	r := f.c.do("GET", f.c.run.APIURL+"/environments/"+f.envID+"/keys/"+keyID,
		map[string]string{"Authorization": "Bearer " + f.token, "Accept": "application/x-pem-file"}, "")
	require.Equal(t, 200, r.code, r.raw)
	b, _ := pem.Decode([]byte(r.raw))
	require.NotNil(t, b, r.raw)
	cert, err := x509.ParseCertificate(b.Bytes)
	require.NoError(t, err)
	return cert
}

func validateAssertion(cert *x509.Certificate, assertion *etree.Element) error {
	ctx := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: []*x509.Certificate{cert}})
	_, err := ctx.Validate(assertion)
	return err
}

// TestSAMLApplication: PingOne's required SAML settings, the unique
// spEntityId, the signing key reference, and the defaults it fills in.
func TestSAMLApplication(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, samlAppBody(""))
	apps := "/environments/" + f.envID + "/applications"
	r := f.c.api("GET", apps+"/"+f.appID, f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "SAML", r.body["protocol"])
	assert.Equal(t, true, r.body["assertionSigned"])
	assert.Equal(t, false, r.body["responseSigned"])
	assert.Equal(t, "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified", r.body["nameIdFormat"])
	signing, _ := r.body["idpSigning"].(map[string]any)
	require.NotNil(t, signing, r.raw)
	keys := embedded(t, f.c.api("GET", "/environments/"+f.envID+"/keys", f.token, "", ""), "keys")
	require.NotEmpty(t, keys)
	assert.Equal(t, keys[0].(map[string]any)["id"], signing["key"].(map[string]any)["id"], "the default signing key")
	assert.Equal(t, keys[0].(map[string]any)["signatureAlgorithm"], signing["algorithm"])

	for _, tc := range []struct {
		name, body, target string
	}{
		{"no spEntityId", `{"enabled":true,"name":"x","type":"WEB_APP","protocol":"SAML","acsUrls":["https://a.example/acs"],"assertionDuration":60}`, "spEntityId"},
		{"no acsUrls", `{"enabled":true,"name":"x","type":"WEB_APP","protocol":"SAML","spEntityId":"x","acsUrls":[],"assertionDuration":60}`, "acsUrls"},
		{"relative acsUrl", `{"enabled":true,"name":"x","type":"WEB_APP","protocol":"SAML","spEntityId":"x","acsUrls":["/acs"],"assertionDuration":60}`, "acsUrls"},
		{"zero assertionDuration", `{"enabled":true,"name":"x","type":"WEB_APP","protocol":"SAML","spEntityId":"x","acsUrls":["https://a.example/acs"],"assertionDuration":0}`, "assertionDuration"},
		{"worker type", `{"enabled":true,"name":"x","type":"WORKER","protocol":"SAML","spEntityId":"x","acsUrls":["https://a.example/acs"],"assertionDuration":60}`, "type"},
		{"duplicate spEntityId", samlAppBody(""), "spEntityId"},
		{"unknown key", samlAppBody(`,"idpSigning":{"key":{"id":"` + f.appID + `"},"algorithm":"SHA256withECDSA"}`), "idpSigning.key.id"},
		{"algorithm of another key type", strings.Replace(samlAppBody(`,"idpSigning":{"algorithm":"SHA256withECDSA"}`), samlSPEntity, "other", 1), "idpSigning.algorithm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.c.api("POST", apps, f.token, "application/json", tc.body)
			assertPlatformError(t, r, 400, "INVALID_DATA", "")
			assert.Contains(t, r.raw, `"target":"`+tc.target+`"`)
		})
	}
}

// TestSAMLSignOn: an AuthnRequest over either binding starts a flow under
// the application's policy; resume answers with a signed Response whose
// assertion verifies against the key's certificate, names the user,
// answers the request and is spent afterwards.
func TestSAMLSignOn(t *testing.T) {
	t.Parallel()
	for _, binding := range []string{"post", "redirect"} {
		t.Run(binding, func(t *testing.T) {
			t.Parallel()
			// The simulator's clock stands still: the assertion's
			// lifetime is counted from it, not from however long a
			// loaded machine takes to sign on.
			clk := &clock{t: time.Now().UTC().Truncate(time.Millisecond)}
			f := newFixture(t, pingone.Options{Now: clk.now}, samlAppBody(""))
			r := f.c.api("POST", "/environments/"+f.envID+"/applications/"+f.appID+"/attributes", f.token, "application/json",
				`{"name":"email","value":"${user.email}","required":false}`)
			require.Equal(t, 201, r.code, r.raw)
			flowID, r := f.samlSignOn(t, binding, "ID-req-"+binding)
			require.Equal(t, 200, r.code, r.raw)
			assert.Contains(t, r.header.Get("Content-Type"), "text/html")
			assert.Contains(t, r.raw, `action="`+samlACS+`"`)
			assert.Contains(t, r.raw, `name="RelayState" value="relay-1"`)

			doc := decodeSAMLResponse(t, r.raw)
			resp := doc.Root()
			assert.Equal(t, "ID-req-"+binding, resp.SelectAttrValue("InResponseTo", ""))
			assert.Equal(t, samlACS, resp.SelectAttrValue("Destination", ""))
			assert.Equal(t, "urn:oasis:names:tc:SAML:2.0:status:Success", doc.FindElement("//StatusCode").SelectAttrValue("Value", ""))
			assert.Equal(t, f.auth(""), doc.FindElement("/Response/Issuer").Text())
			assertion := doc.FindElement("//Assertion")
			require.NotNil(t, assertion)
			assert.Equal(t, "ada", assertion.FindElement("Subject/NameID").Text())
			assert.Equal(t, samlSPEntity, assertion.FindElement("Conditions/AudienceRestriction/Audience").Text())
			assert.Equal(t, "ada@example.com", assertion.FindElement("AttributeStatement/Attribute[@Name='email']/AttributeValue").Text())
			assert.Equal(t, "Signature", assertion.ChildElements()[1].Tag, "the signature follows the Issuer")
			assert.Len(t, assertion.SelectElements("Signature"), 1)
			notAfter, err := time.Parse(time.RFC3339, assertion.FindElement("Conditions").SelectAttrValue("NotOnOrAfter", ""))
			require.NoError(t, err)
			assert.Equal(t, clk.now().Add(300*time.Second), notAfter, "assertionDuration")

			keys := embedded(t, f.c.api("GET", "/environments/"+f.envID+"/keys", f.token, "", ""), "keys")
			cert := f.signingCert(t, keys[0].(map[string]any)["id"].(string))
			require.NoError(t, validateAssertion(cert, assertion), "the assertion verifies against the signing certificate")

			tampered := assertion.Copy()
			tampered.FindElement("Subject/NameID").SetText("mallory")
			assert.Error(t, validateAssertion(cert, tampered), "a changed NameID breaks the signature")
			r = f.c.api("POST", "/environments/"+f.envID+"/keys", f.token, "application/json", `{"name":"Other","serialNumber":7,"subjectDN":"CN=Other, OU=x, O=y, L=z, ST=w, C=US","algorithm":"EC","keyLength":256,"validityPeriod":30,"signatureAlgorithm":"SHA256withECDSA","usageType":"SIGNING","default":false}`)
			require.Equal(t, 201, r.code, r.raw)
			other := f.signingCert(t, r.body["id"].(string))
			assert.Error(t, validateAssertion(other, assertion), "another certificate does not verify it")

			// The flow is spent: a replayed resume finds nothing.
			r = f.c.do("GET", f.auth("/saml20/resume?flowId="+flowID), nil, "")
			assertPlatformError(t, r, 404, "NOT_FOUND", "")
		})
	}
}

// TestSAMLRequestRefused: PingOne answers a bad AuthnRequest with
// INVALID_REQUEST naming what is wrong, and starts no flow.
func TestSAMLRequestRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, samlAppBody(""))
	for _, tc := range []struct {
		name, binding, xml, target string
	}{
		{"unknown issuer", "post", authnRequest("ID-1", "https://evil.example/sp", ""), "Issuer"},
		{"no issuer", "post", authnRequest("ID-1", "", ""), "Issuer"},
		{"unregistered ACS URL", "post", authnRequest("ID-1", samlSPEntity, "https://evil.example/acs"), "AssertionConsumerServiceURL"},
		{"unregistered ACS URL, redirect binding", "redirect", authnRequest("ID-1", samlSPEntity, "https://evil.example/acs"), "AssertionConsumerServiceURL"},
		{"not an AuthnRequest", "post", `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="x" Version="2.0"/>`, "SAMLRequest"},
		{"no ID", "post", authnRequest("", samlSPEntity, ""), "SAMLRequest"},
		{"not XML", "post", "hello", "SAMLRequest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.samlSSO(t, tc.binding, tc.xml, "")
			assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
			assert.Contains(t, r.raw, `"target":"`+tc.target+`"`)
			assert.Empty(t, r.header.Get("Location"))
		})
	}
	r := f.c.do("POST", f.auth("/saml20/idp/sso"), map[string]string{"Content-Type": formCT}, form("SAMLRequest", "%%%"))
	assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
	r = f.c.do("POST", f.auth("/saml20/idp/sso"), map[string]string{"Content-Type": formCT}, "")
	assertPlatformError(t, r, 400, "INVALID_REQUEST", "REQUIRED_VALUE")
	// A POST-binding message is not deflated; the Redirect binding's is.
	r = f.c.do("GET", f.auth("/saml20/idp/sso?SAMLRequest="+url.QueryEscape(base64.StdEncoding.EncodeToString([]byte(authnRequest("ID-2", samlSPEntity, ""))))), nil, "")
	assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
}

// TestSAMLResumeRules: resume needs a completed flow and the flow's
// session cookie.
func TestSAMLResumeRules(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, samlAppBody(""))
	f.c.hc.Jar, _ = cookiejar.New(nil)
	flowID := flowIDFrom(t, f.samlSSO(t, "post", authnRequest("ID-r", samlSPEntity, ""), ""))
	r := f.c.do("GET", f.auth("/saml20/resume?flowId="+flowID), nil, "")
	assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
	r = f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
	require.Equal(t, "COMPLETED", r.body["status"], r.raw)
	jar := f.c.hc.Jar
	f.c.hc.Jar = nil // no ST cookie
	r = f.c.do("GET", f.auth("/saml20/resume?flowId="+flowID), nil, "")
	assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
	f.c.hc.Jar = jar
	r = f.c.do("GET", f.auth("/saml20/resume?flowId="+flowID), nil, "")
	require.Equal(t, 200, r.code, r.raw)
	// The session now signs the user on at once: the SSO answers with the
	// SAMLResponse (default ACS URL) without a flow to complete.
	r = f.samlSSO(t, "post", authnRequest("ID-again", samlSPEntity, ""), "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "ID-again", decodeSAMLResponse(t, r.raw).Root().SelectAttrValue("InResponseTo", ""))
	r = f.c.do("GET", f.auth("/saml20/resume?flowId=not-a-flow"), nil, "")
	assertPlatformError(t, r, 404, "NOT_FOUND", "")
}
