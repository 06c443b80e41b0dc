package pingone_test

import (
	"bytes"
	"compress/flate"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io"
	"math/big"
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

const spEntity = "urn:courier:destination-sp"

// samlSP is a destination environment (the fixture's, with ada) whose
// SAML identity provider is a source environment of the same server
// (user grace, a SAML application posting to the destination's ACS).
// The provider also trusts the test's own certificate (forger), so the
// tests can answer an AuthnRequest with Responses they build themselves.
type samlSP struct {
	*fixture
	src, idpID, popID string
	forger            *forger
}

type samlSPOpts struct {
	binding string // HTTP_POST or HTTP_REDIRECT
	signed  bool   // spSigning.key: AuthnRequests are signed
	linking bool   // no registration: the ACS stops at ACCOUNT_LINKING_REQUIRED
	clock   *clock
}

func newSAMLSP(t *testing.T, o samlSPOpts) *samlSP {
	t.Helper()
	opts := pingone.Options{}
	if o.clock != nil {
		opts.Now = o.clock.now
	}
	sp := &samlSP{fixture: newFixture(t, opts, ""), forger: newForger(t)}
	c := sp.c
	r := c.api("POST", "/environments", sp.token, "application/json", `{"name":"SAML source","type":"SANDBOX","region":"NA"}`)
	require.Equal(t, 201, r.code, r.raw)
	sp.src = r.body["id"].(string)
	srcAPI := "/environments/" + sp.src
	r = c.api("POST", srcAPI+"/users", sp.token, "application/json", `{"username":"grace","email":"grace@source.test","name":{"given":"Grace","family":"H"}}`)
	require.Equal(t, 201, r.code, r.raw)
	r = c.api("PUT", srcAPI+"/users/"+r.body["id"].(string)+"/password", sp.token, "application/vnd.pingidentity.password.set+json", `{"value":"2FederateM0re!","forceChange":false}`)
	require.Equal(t, 200, r.code, r.raw)
	r = c.api("POST", srcAPI+"/applications", sp.token, "application/json", `{"enabled":true,"name":"To destination","type":"WEB_APP","protocol":"SAML",
		"spEntityId":"`+spEntity+`","acsUrls":["`+sp.auth("/saml20/sp/acs")+`"],"assertionDuration":300}`)
	require.Equal(t, 201, r.code, r.raw)
	r = c.api("POST", srcAPI+"/applications/"+r.body["id"].(string)+"/attributes", sp.token, "application/json", `{"name":"email","value":"${user.email}","required":false}`)
	require.Equal(t, 201, r.code, r.raw)

	srcCert := sp.upload(t, "/certificates", "", "usageType", "SIGNING", "file", downloadSigningPEM(t, sp.fixture, sp.src))
	require.Equal(t, 202, srcCert.code, srcCert.raw)
	testCert := sp.upload(t, "/certificates", "", "usageType", "SIGNING", "file", sp.forger.pem())
	require.Equal(t, 202, testCert.code, testCert.raw)
	signing := ""
	if o.signed {
		r = c.api("POST", "/environments/"+sp.envID+"/keys", sp.token, "application/json", `{"name":"SP signing","serialNumber":11,"subjectDN":"CN=SP signing, OU=x, O=y, L=z, ST=w, C=US","algorithm":"RSA","keyLength":2048,"validityPeriod":30,"signatureAlgorithm":"SHA256withRSA","usageType":"SIGNING","default":false}`)
		require.Equal(t, 201, r.code, r.raw)
		signing = `,"authnRequestSigned":true,"spSigning":{"key":{"id":"` + r.body["id"].(string) + `"},"algorithm":"SHA256withRSA"}`
	}
	r = c.api("POST", "/environments/"+sp.envID+"/identityProviders", sp.token, "application/json", `{"name":"Source over SAML","type":"SAML","enabled":true,
		"spEntityId":"`+spEntity+`","idpEntityId":"`+c.run.URL+"/"+sp.src+`","ssoEndpoint":"`+c.run.URL+"/"+sp.src+`/saml20/idp/sso","ssoBinding":"`+o.binding+`",
		"idpVerification":{"certificates":[{"id":"`+srcCert.body["id"].(string)+`"},{"id":"`+testCert.body["id"].(string)+`"}]}`+signing+`}`)
	require.Equal(t, 201, r.code, r.raw)
	sp.idpID = r.body["id"].(string)
	r = c.api("POST", "/environments/"+sp.envID+"/identityProviders/"+sp.idpID+"/attributes", sp.token, "application/json", `{"name":"email","value":"${samlAssertion.email}","update":"EMPTY_ONLY"}`)
	require.Equal(t, 201, r.code, r.raw)
	reg := ""
	if !o.linking {
		r = c.api("POST", "/environments/"+sp.envID+"/populations", sp.token, "application/json", `{"name":"From SAML"}`)
		require.Equal(t, 201, r.code, r.raw)
		sp.popID = r.body["id"].(string)
		reg = `"registration":{"enabled":true,"population":{"id":"` + sp.popID + `"}},`
	}
	sp.policyWith(t, `{"type":"IDENTIFIER_FIRST","priority":1,`+reg+`"socialProviders":[{"id":"`+sp.idpID+`"}]}`)
	return sp
}

// downloadSigningPEM is the PEM of an environment's default signing key.
func downloadSigningPEM(t *testing.T, f *fixture, envID string) string {
	t.Helper()
	keys := embedded(t, f.c.api("GET", "/environments/"+envID+"/keys", f.token, "", ""), "keys")
	require.NotEmpty(t, keys)
	r := f.c.do("GET", f.c.run.APIURL+"/environments/"+envID+"/keys/"+keys[0].(map[string]any)["id"].(string),
		map[string]string{"Authorization": "Bearer " + f.token, "Accept": "application/x-pem-file"}, "")
	require.Equal(t, 200, r.code, r.raw)
	return r.raw
}

var (
	formAction = regexp.MustCompile(`<form method="post" action="([^"]+)"`)
	formField  = regexp.MustCompile(`name="(SAMLRequest|SAMLResponse|RelayState)" value="([^"]*)"`)
)

// autopost reads an auto-posting page: its action and hidden fields.
func autopost(t *testing.T, page string) (string, url.Values) {
	t.Helper()
	m := formAction.FindStringSubmatch(page)
	require.NotNil(t, m, page)
	v := url.Values{}
	for _, f := range formField.FindAllStringSubmatch(page, -1) {
		v.Set(f[1], f[2])
	}
	return m[1], v
}

// startSAML starts a destination flow, checks the IDENTIFIER_FIRST flow
// offers the provider, and calls its authenticate link; it returns the
// flow id, the decoded AuthnRequest and the reply that carries it.
func (sp *samlSP) startSAML(t *testing.T) (string, *etree.Element, reply) {
	t.Helper()
	sp.c.hc.Jar, _ = cookiejar.New(nil) // a session from an earlier sign-on would complete the flow at once
	flowID := flowIDFrom(t, sp.authorize())
	r := sp.c.do("GET", sp.auth("/flows/"+flowID), nil, "")
	require.Equal(t, "SIGN_ON_REQUIRED", r.body["status"], r.raw)
	providers := r.body["_embedded"].(map[string]any)["socialProviders"].([]any)
	require.Len(t, providers, 1, r.raw)
	p := providers[0].(map[string]any)
	assert.Equal(t, sp.idpID, p["id"])
	assert.Equal(t, "SAML", p["type"])
	href := p["_links"].(map[string]any)["authenticate"].(map[string]any)["href"].(string)
	r = sp.c.do("GET", href, nil, "")
	var raw []byte
	if r.code == 302 {
		loc, err := url.Parse(r.header.Get("Location"))
		require.NoError(t, err)
		assert.Equal(t, "/"+sp.src+"/saml20/idp/sso", loc.Path)
		assert.NotEmpty(t, loc.Query().Get("RelayState"))
		deflated, err := base64.StdEncoding.DecodeString(loc.Query().Get("SAMLRequest"))
		require.NoError(t, err)
		raw, err = io.ReadAll(flate.NewReader(bytes.NewReader(deflated)))
		require.NoError(t, err)
	} else {
		require.Equal(t, 200, r.code, r.raw)
		action, v := autopost(t, r.raw)
		assert.Equal(t, sp.c.run.URL+"/"+sp.src+"/saml20/idp/sso", action)
		assert.NotEmpty(t, v.Get("RelayState"))
		var err error
		raw, err = base64.StdEncoding.DecodeString(v.Get("SAMLRequest"))
		require.NoError(t, err)
	}
	doc := etree.NewDocument()
	require.NoError(t, doc.ReadFromBytes(raw))
	req := doc.Root()
	require.Equal(t, "AuthnRequest", req.Tag)
	assert.Equal(t, spEntity, req.FindElement("Issuer").Text())
	assert.Equal(t, sp.auth("/saml20/sp/acs"), req.SelectAttrValue("AssertionConsumerServiceURL", ""))
	return flowID, req, r
}

// toIdP sends the AuthnRequest to the source with the binding it came in.
func (sp *samlSP) toIdP(t *testing.T, r reply) reply {
	t.Helper()
	if r.code == 302 {
		return sp.c.do("GET", r.header.Get("Location"), nil, "")
	}
	action, v := autopost(t, r.raw)
	return sp.c.do("POST", action, map[string]string{"Content-Type": formCT}, v.Encode())
}

func (sp *samlSP) acs(samlResponse, relay string) reply {
	return sp.c.do("POST", sp.auth("/saml20/sp/acs"), map[string]string{"Content-Type": formCT}, form("SAMLResponse", samlResponse, "RelayState", relay))
}

// TestSAMLExternalAuthentication: the destination's IDENTIFIER_FIRST flow
// offers the SAML provider; /rp/authenticate sends an AuthnRequest with the
// provider's binding (signed with spSigning.key when set); grace signs on
// at the source, whose SAMLResponse the ACS verifies; the destination user
// is created (registration) or linked (account linking) and gets the
// destination's token.
func TestSAMLExternalAuthentication(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		o    samlSPOpts
	}{
		{"post binding, new user", samlSPOpts{binding: "HTTP_POST"}},
		{"redirect binding, new user", samlSPOpts{binding: "HTTP_REDIRECT"}},
		{"post binding, signed request, account linking", samlSPOpts{binding: "HTTP_POST", signed: true, linking: true}},
		{"redirect binding, signed request, account linking", samlSPOpts{binding: "HTTP_REDIRECT", signed: true, linking: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sp := newSAMLSP(t, tc.o)
			flowID, req, r := sp.startSAML(t)
			if tc.o.signed {
				cert := sp.spSigningCert(t)
				if r.code == 302 {
					assert.NoError(t, verifyRedirectSignature(r.header.Get("Location"), cert))
				} else {
					ctx := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: []*x509.Certificate{cert}})
					_, err := ctx.Validate(req)
					assert.NoError(t, err, "the AuthnRequest verifies against spSigning's certificate")
				}
			} else {
				assert.Nil(t, req.FindElement("Signature"))
				if r.code == 302 {
					assert.NotContains(t, r.header.Get("Location"), "Signature=")
				}
			}
			srcFlow := flowIDFrom(t, sp.toIdP(t, r))
			r = sp.c.do("POST", sp.c.run.URL+"/"+sp.src+"/flows/"+srcFlow, map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"},
				`{"username":"grace","password":"2FederateM0re!"}`)
			require.Equal(t, "COMPLETED", r.body["status"], r.raw)
			r = sp.c.do("GET", sp.c.run.URL+"/"+sp.src+"/saml20/resume?flowId="+srcFlow, nil, "")
			require.Equal(t, 200, r.code, r.raw)
			action, v := autopost(t, r.raw)
			require.Equal(t, sp.auth("/saml20/sp/acs"), action)

			r = sp.acs(v.Get("SAMLResponse"), v.Get("RelayState"))
			require.Equal(t, 302, r.code, r.raw)
			assert.Contains(t, r.header.Get("Location"), "/"+sp.envID+"/signon/?flowId="+flowID)
			r = sp.c.do("GET", sp.auth("/flows/"+flowID), nil, "")
			userID := sp.userID // ada, when linked
			if tc.o.linking {
				require.Equal(t, "ACCOUNT_LINKING_REQUIRED", r.body["status"], r.raw)
				assert.Equal(t, sp.idpID, r.body["_embedded"].(map[string]any)["identityProvider"].(map[string]any)["id"])
				r = sp.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
			}
			require.Equal(t, "COMPLETED", r.body["status"], r.raw)
			u := r.body["_embedded"].(map[string]any)["user"].(map[string]any)
			if !tc.o.linking {
				assert.Equal(t, "grace", u["username"], "username ← ${samlAssertion.subject}")
				userID = u["id"].(string)
			}
			assert.Equal(t, userID, u["id"])
			r = sp.c.api("GET", "/environments/"+sp.envID+"/users/"+userID, sp.token, "", "")
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, sp.idpID, r.body["identityProvider"].(map[string]any)["id"], r.raw)
			if tc.o.linking {
				assert.Equal(t, "ada@example.com", r.body["email"], "EMPTY_ONLY keeps ada's own email")
			} else {
				assert.Equal(t, "grace@source.test", r.body["email"], "email ← ${samlAssertion.email}")
				assert.Equal(t, sp.popID, r.body["population"].(map[string]any)["id"])
			}

			r = sp.c.do("GET", sp.auth("/as/resume?flowId="+flowID), nil, "")
			require.Equal(t, 302, r.code, r.raw)
			loc, _ := url.Parse(r.header.Get("Location"))
			r = sp.exchange(loc.Query().Get("code"))
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, userID, decodeClaims(t, r.body["access_token"].(string))["sub"])
		})
	}
}

func (sp *samlSP) spSigningCert(t *testing.T) *x509.Certificate {
	t.Helper()
	r := sp.c.api("GET", "/environments/"+sp.envID+"/identityProviders/"+sp.idpID, sp.token, "", "")
	keyID := r.body["spSigning"].(map[string]any)["key"].(map[string]any)["id"].(string)
	r = sp.c.do("GET", sp.c.run.APIURL+"/environments/"+sp.envID+"/keys/"+keyID,
		map[string]string{"Authorization": "Bearer " + sp.token, "Accept": "application/x-pem-file"}, "")
	b, _ := pem.Decode([]byte(r.raw))
	require.NotNil(t, b, r.raw)
	cert, err := x509.ParseCertificate(b.Bytes)
	require.NoError(t, err)
	return cert
}

// verifyRedirectSignature checks the HTTP-Redirect binding's signature:
// over the raw "SAMLRequest=..&RelayState=..&SigAlg=.." of the query.
func verifyRedirectSignature(location string, cert *x509.Certificate) error {
	u, err := url.Parse(location)
	if err != nil {
		return err
	}
	raw := u.RawQuery
	i := strings.Index(raw, "&Signature=")
	if i < 0 {
		return assert.AnError
	}
	sig, err := base64.StdEncoding.DecodeString(u.Query().Get("Signature"))
	if err != nil {
		return err
	}
	if u.Query().Get("SigAlg") != dsig.RSASHA256SignatureMethod {
		return assert.AnError
	}
	sum := sha256.Sum256([]byte(raw[:i]))
	return rsa.VerifyPKCS1v15(cert.PublicKey.(*rsa.PublicKey), crypto.SHA256, sum[:], sig)
}

// forger is the test's own SAML IdP key: its certificate is one the
// destination's provider trusts, so Responses it signs verify.
type forger struct {
	key  *rsa.PrivateKey
	cert *x509.Certificate
}

func newForger(t *testing.T) *forger {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(42), Subject: pkix.Name{CommonName: "test IdP"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return &forger{key: key, cert: cert}
}

func (g *forger) pem() string {
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: g.cert.Raw}))
}

// response is what a forged Response says; build turns it into the
// base64 SAMLResponse, signing the assertion with signer (nil: unsigned)
// and then applying tamper to the signed document.
type response struct {
	inResponseTo, destination, issuer, audience, nameID string
	notOnOrAfter                                        time.Time
	signer                                              *forger
	signResponse                                        bool
	tamper                                              func(resp *etree.Element)
}

func (g response) build(t *testing.T) string {
	t.Helper()
	stamp := func(tm time.Time) string { return tm.UTC().Format("2006-01-02T15:04:05Z") }
	a := etree.NewElement("saml:Assertion")
	a.CreateAttr("xmlns:saml", "urn:oasis:names:tc:SAML:2.0:assertion")
	a.CreateAttr("ID", "a-"+strings.ReplaceAll(time.Now().Format("150405.000000000"), ".", ""))
	a.CreateAttr("Version", "2.0")
	a.CreateAttr("IssueInstant", stamp(time.Now()))
	a.CreateElement("saml:Issuer").SetText(g.issuer)
	subj := a.CreateElement("saml:Subject")
	subj.CreateElement("saml:NameID").SetText(g.nameID)
	data := subj.CreateElement("saml:SubjectConfirmation").CreateElement("saml:SubjectConfirmationData")
	data.CreateAttr("InResponseTo", g.inResponseTo)
	data.CreateAttr("Recipient", g.destination)
	data.CreateAttr("NotOnOrAfter", stamp(g.notOnOrAfter))
	cond := a.CreateElement("saml:Conditions")
	cond.CreateAttr("NotBefore", stamp(time.Now().Add(-time.Minute)))
	cond.CreateAttr("NotOnOrAfter", stamp(g.notOnOrAfter))
	cond.CreateElement("saml:AudienceRestriction").CreateElement("saml:Audience").SetText(g.audience)
	attr := a.CreateElement("saml:AttributeStatement").CreateElement("saml:Attribute")
	attr.CreateAttr("Name", "email")
	attr.CreateElement("saml:AttributeValue").SetText(g.nameID + "@forged.test")
	sign := func(el *etree.Element) *etree.Element {
		ctx, err := dsig.NewSigningContext(g.signer.key, [][]byte{g.signer.cert.Raw})
		require.NoError(t, err)
		ctx.Canonicalizer = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList("")
		signed, err := ctx.SignEnveloped(el)
		require.NoError(t, err)
		return signed
	}
	if g.signer != nil && !g.signResponse {
		a = sign(a)
	}
	resp := etree.NewElement("samlp:Response")
	resp.CreateAttr("xmlns:samlp", "urn:oasis:names:tc:SAML:2.0:protocol")
	resp.CreateAttr("xmlns:saml", "urn:oasis:names:tc:SAML:2.0:assertion")
	resp.CreateAttr("ID", "r-"+g.inResponseTo)
	resp.CreateAttr("Version", "2.0")
	resp.CreateAttr("IssueInstant", stamp(time.Now()))
	resp.CreateAttr("InResponseTo", g.inResponseTo)
	resp.CreateAttr("Destination", g.destination)
	resp.CreateElement("saml:Issuer").SetText(g.issuer)
	resp.CreateElement("samlp:Status").CreateElement("samlp:StatusCode").CreateAttr("Value", "urn:oasis:names:tc:SAML:2.0:status:Success")
	resp.AddChild(a)
	if g.signer != nil && g.signResponse {
		resp = sign(resp)
	}
	if g.tamper != nil {
		g.tamper(resp)
	}
	doc := etree.NewDocument()
	doc.SetRoot(resp)
	s, err := doc.WriteToString()
	require.NoError(t, err)
	return base64.StdEncoding.EncodeToString([]byte(s))
}

// TestSAMLACSRefusals: the ACS answers 400 INVALID_REQUEST naming what is
// wrong with a Response, and the flow and its pending request stay as they
// were: the right Response is then accepted, once.
func TestSAMLACSRefusals(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Now()}
	sp := newSAMLSP(t, samlSPOpts{binding: "HTTP_POST", clock: clk})
	other := newForger(t)
	for _, tc := range []struct {
		name   string
		change func(g *response)
		target string
	}{
		{"unsigned", func(g *response) { g.signer = nil }, "Signature"},
		{"tampered assertion", func(g *response) {
			g.tamper = func(resp *etree.Element) { resp.FindElement("Assertion/Subject/NameID").SetText("mallory") }
		}, "Signature"},
		{"tampered signed response", func(g *response) {
			g.signResponse = true
			g.tamper = func(resp *etree.Element) { resp.FindElement("Assertion/Subject/NameID").SetText("mallory") }
		}, "Signature"},
		{"wrong certificate", func(g *response) { g.signer = other }, "Signature"},
		{"expired", func(g *response) { g.notOnOrAfter = clk.now().Add(-time.Second) }, "NotOnOrAfter"},
		{"wrong audience", func(g *response) { g.audience = "urn:someone-else" }, "Audience"},
		{"wrong destination", func(g *response) { g.destination = sp.c.run.URL + "/" + sp.src + "/saml20/sp/acs" }, "Destination"},
		{"wrong issuer", func(g *response) { g.issuer = "https://idp.evil.test" }, "Issuer"},
		{"unknown InResponseTo", func(g *response) { g.inResponseTo = "id-never-sent" }, "InResponseTo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			flowID, req, _ := sp.startSAML(t)
			good := response{inResponseTo: req.SelectAttrValue("ID", ""), destination: sp.auth("/saml20/sp/acs"), issuer: sp.c.run.URL + "/" + sp.src,
				audience: spEntity, nameID: "forged-" + strings.ReplaceAll(tc.name, " ", "-"), notOnOrAfter: clk.now().Add(5 * time.Minute), signer: sp.forger}
			bad := good
			tc.change(&bad)
			r := sp.acs(bad.build(t), "")
			assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
			assert.Contains(t, r.raw, `"target":"`+tc.target+`"`)
			assert.Empty(t, r.header.Get("Location"))
			r = sp.c.do("GET", sp.auth("/flows/"+flowID), nil, "")
			assert.Equal(t, "SIGN_ON_REQUIRED", r.body["status"], "the flow still waits")

			r = sp.acs(good.build(t), "")
			require.Equal(t, 302, r.code, r.raw)
			r = sp.c.do("GET", sp.auth("/flows/"+flowID), nil, "")
			require.Equal(t, "COMPLETED", r.body["status"], r.raw)
			assert.Equal(t, good.nameID, r.body["_embedded"].(map[string]any)["user"].(map[string]any)["username"])

			r = sp.acs(good.build(t), "")
			assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
			assert.Contains(t, r.raw, `"target":"InResponseTo"`, "a replayed Response is refused")
		})
	}

	t.Run("expired by the clock", func(t *testing.T) {
		flowID, req, _ := sp.startSAML(t)
		g := response{inResponseTo: req.SelectAttrValue("ID", ""), destination: sp.auth("/saml20/sp/acs"), issuer: sp.c.run.URL + "/" + sp.src,
			audience: spEntity, nameID: "late", notOnOrAfter: clk.now().Add(time.Minute), signer: sp.forger}
		clk.add(2 * time.Minute)
		r := sp.acs(g.build(t), "")
		assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
		assert.Contains(t, r.raw, `"target":"NotOnOrAfter"`)
		r = sp.c.do("GET", sp.auth("/flows/"+flowID), nil, "")
		assert.Equal(t, "SIGN_ON_REQUIRED", r.body["status"])
	})

	t.Run("posted to another environment's ACS", func(t *testing.T) {
		flowID, req, _ := sp.startSAML(t)
		g := response{inResponseTo: req.SelectAttrValue("ID", ""), destination: sp.c.run.URL + "/" + sp.src + "/saml20/sp/acs", issuer: sp.c.run.URL + "/" + sp.src,
			audience: spEntity, nameID: "elsewhere", notOnOrAfter: clk.now().Add(time.Minute), signer: sp.forger}
		r := sp.c.do("POST", g.destination, map[string]string{"Content-Type": formCT}, form("SAMLResponse", g.build(t)))
		assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE")
		assert.Contains(t, r.raw, `"target":"InResponseTo"`, "the request is the destination's, not the source's")
		r = sp.c.do("GET", sp.auth("/flows/"+flowID), nil, "")
		assert.Equal(t, "SIGN_ON_REQUIRED", r.body["status"])
	})

	t.Run("malformed", func(t *testing.T) {
		assertPlatformError(t, sp.acs("", ""), 400, "INVALID_REQUEST", "REQUIRED_VALUE")
		assertPlatformError(t, sp.acs("%%%", ""), 400, "INVALID_REQUEST", "INVALID_VALUE")
		assertPlatformError(t, sp.acs(base64.StdEncoding.EncodeToString([]byte("<x/>")), ""), 400, "INVALID_REQUEST", "INVALID_VALUE")
		r := sp.c.do("GET", sp.auth("/saml20/sp/acs"), nil, "")
		assert.Equal(t, 405, r.code)
	})
}

// TestSAMLRedirectSignatureEC: an EC spSigning key signs the redirect
// query with ECDSA, r||s as XML-DSig encodes it.
func TestSAMLRedirectSignatureEC(t *testing.T) {
	t.Parallel()
	sp := newSAMLSP(t, samlSPOpts{binding: "HTTP_REDIRECT"})
	r := sp.c.api("POST", "/environments/"+sp.envID+"/keys", sp.token, "application/json", `{"name":"EC SP signing","serialNumber":12,"subjectDN":"CN=EC, OU=x, O=y, L=z, ST=w, C=US","algorithm":"EC","keyLength":256,"validityPeriod":30,"signatureAlgorithm":"SHA256withECDSA","usageType":"SIGNING","default":false}`)
	require.Equal(t, 201, r.code, r.raw)
	keyID := r.body["id"].(string)
	r = sp.c.api("GET", "/environments/"+sp.envID+"/identityProviders/"+sp.idpID, sp.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	body := r.body
	delete(body, "_links")
	body["spSigning"] = map[string]any{"key": map[string]any{"id": keyID}}
	raw, err := json.Marshal(body)
	require.NoError(t, err)
	r = sp.c.api("PUT", "/environments/"+sp.envID+"/identityProviders/"+sp.idpID, sp.token, "application/json", string(raw))
	require.Equal(t, 200, r.code, r.raw)
	_, _, r = sp.startSAML(t)
	require.Equal(t, 302, r.code)
	u, _ := url.Parse(r.header.Get("Location"))
	assert.Equal(t, dsig.ECDSASHA256SignatureMethod, u.Query().Get("SigAlg"))
	sig, err := base64.StdEncoding.DecodeString(u.Query().Get("Signature"))
	require.NoError(t, err)
	require.Len(t, sig, 64)
	pr := sp.c.do("GET", sp.c.run.APIURL+"/environments/"+sp.envID+"/keys/"+keyID, map[string]string{"Authorization": "Bearer " + sp.token, "Accept": "application/x-pem-file"}, "")
	b, _ := pem.Decode([]byte(pr.raw))
	require.NotNil(t, b, pr.raw)
	cert, err := x509.ParseCertificate(b.Bytes)
	require.NoError(t, err)
	signed := u.RawQuery[:strings.Index(u.RawQuery, "&Signature=")]
	sum := sha256.Sum256([]byte(signed))
	assert.True(t, ecdsa.Verify(cert.PublicKey.(*ecdsa.PublicKey), sum[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])))
}
