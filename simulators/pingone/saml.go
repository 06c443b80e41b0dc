package pingone

import (
	"bytes"
	"compress/flate"
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
)

// SAML applications (protocol SAML) and the SAML 2.0 messages the local
// PingOne exchanges as an identity provider: it reads AuthnRequests
// (saml_idp.go) and answers with signed Responses. XML signatures are made
// and checked with goxmldsig; nothing here canonicalizes or signs by hand.

const (
	nsSAMLP         = "urn:oasis:names:tc:SAML:2.0:protocol"
	nsSAML          = "urn:oasis:names:tc:SAML:2.0:assertion"
	nameIDUnspec    = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
	statusSuccess   = "urn:oasis:names:tc:SAML:2.0:status:Success"
	cmBearer        = "urn:oasis:names:tc:SAML:2.0:cm:bearer"
	acPassword      = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
	attrNameFormat  = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"
	samlClockSkew   = 5 * time.Minute
	maxSAMLDuration = 7 * 24 * 3600 // seconds; a week is far beyond any real assertion lifetime
)

// samlAppTypes are the application types a SAML application may have.
var samlAppTypes = map[string]bool{"WEB_APP": true, "CUSTOM_APP": true}

// createSAMLApplication validates and stores a protocol SAML application
// (Create Application (SAML Protocol): spEntityId, acsUrls and
// assertionDuration are required; spEntityId is unique in the environment).
// The caller holds s.mu.
func (s *Server) createSAMLApplication(w http.ResponseWriter, env *environment, base string, body map[string]any) {
	bad := s.checkSAMLApplication(env, body)
	key, badKey := s.samlKeyFor(env, body)
	if bad = append(bad, badKey...); len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	if key == nil {
		writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", "The request could not be completed. An unexpected error occurred.", nil)
		return
	}
	signing := obj(body, "idpSigning")
	if signing == nil {
		signing = map[string]any{}
		body["idpSigning"] = signing
	}
	if signing["key"] == nil {
		signing["key"] = map[string]any{"id": key.id}
	}
	if str(signing, "algorithm") == "" {
		signing["algorithm"] = key.signatureAlgorithm
	}
	for k, v := range map[string]any{"nameIdFormat": nameIDUnspec, "assertionSigned": true, "responseSigned": false} {
		if _, ok := body[k]; !ok {
			body[k] = v
		}
	}
	now := s.now()
	app := &application{id: newID(), envID: env.id, body: body, createdAt: now, updatedAt: now, seq: s.next()}
	s.apps[app.id] = app
	writeHAL(w, http.StatusCreated, s.applicationJSON(app, base))
}

// checkSAMLApplication validates a SAML application's own fields: the
// required ones, its type, assertion duration, ACS URLs and the
// uniqueness of its spEntityId in the environment.
func (s *Server) checkSAMLApplication(env *environment, body map[string]any) []detail {
	bad := required(body, "name", "type", "spEntityId", "acsUrls", "assertionDuration")
	bad = append(bad, requiredBools(body, "enabled")...)
	if t := str(body, "type"); t != "" && !samlAppTypes[t] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "must be WEB_APP or CUSTOM_APP for protocol SAML"})
	}
	if d, ok := body["assertionDuration"].(float64); body["assertionDuration"] != nil && (!ok || d < 1 || d > maxSAMLDuration || d != float64(int(d))) {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "assertionDuration", Message: "must be a whole number of seconds greater than 0"})
	}
	acs, _ := body["acsUrls"].([]any)
	for _, a := range acs {
		u, err := url.Parse(fmt.Sprint(a))
		if _, isStr := a.(string); !isStr || err != nil || !u.IsAbs() || u.Host == "" {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "acsUrls", Message: "must be absolute URLs"})
			break
		}
	}
	if id := str(body, "spEntityId"); id != "" {
		for _, a := range s.apps {
			if a.envID == env.id && a.str("protocol") == "SAML" && a.str("spEntityId") == id {
				bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "spEntityId", Message: "An application with the specified spEntityId already exists"})
			}
		}
	}
	return bad
}

// samlKeyFor is the key a new SAML application signs with: the one its
// idpSigning names, else the environment's default signing key; the
// signature algorithm it names must suit the key.
func (s *Server) samlKeyFor(env *environment, body map[string]any) (*keyRec, []detail) {
	var bad []detail
	keys := s.envKeys(s.more(), env)
	var key *keyRec
	if kid, _ := lookup(body, "idpSigning.key.id"); kid != nil {
		for _, k := range keys {
			if k.id == kid {
				key = k
			}
		}
		if key == nil {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "idpSigning.key.id", Message: "Referenced key does not exist"})
		}
	} else {
		key = defaultSigningKey(keys)
	}
	if alg := str(obj(body, "idpSigning"), "algorithm"); alg != "" && key != nil {
		if _, known := sigAlgs[alg]; !known || strings.HasSuffix(alg, "RSA") != (key.algorithm == "RSA") {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "idpSigning.algorithm", Message: "must be a signature algorithm of the key's type (" + key.algorithm + ")"})
		}
	}
	return key, bad
}

func base64Std(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func defaultSigningKey(keys []*keyRec) *keyRec {
	for _, k := range keys {
		if k.isDefault && k.usageType == "SIGNING" && k.signer != nil {
			return k
		}
	}
	return nil
}

// samlSigningKey is the key a SAML application signs with: its
// idpSigning.key, or the environment's default signing key.
func (s *Server) samlSigningKey(env *environment, app *application) (*keyRec, string) {
	st := s.more()
	keys := s.envKeys(st, env)
	var key *keyRec
	if kid, _ := lookup(app.body, "idpSigning.key.id"); kid != nil {
		for _, k := range keys {
			if k.id == kid && k.signer != nil {
				key = k
			}
		}
	} else {
		key = defaultSigningKey(keys)
	}
	alg := str(obj(app.body, "idpSigning"), "algorithm")
	if key != nil && alg == "" {
		alg = key.signatureAlgorithm
	}
	return key, alg
}

// idpEntityID is the environment's SAML issuer: PingOne names its IdP
// https://auth.pingone.{tld}/{envID}, i.e. authPath/{envID}.
func idpEntityID(base, envID string) string { return base + "/" + envID }

// samlRequest is a validated AuthnRequest waiting for its flow.
type samlRequest struct {
	id, issuer, acsURL, relayState string
}

// decodeSAMLMessage undoes the transport encoding of a SAMLRequest or
// SAMLResponse: base64 (HTTP-POST) or DEFLATE then base64 (HTTP-Redirect).
func decodeSAMLMessage(raw string, deflated bool) (*etree.Document, error) {
	raw = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, raw)
	b, err := base64.StdEncoding.DecodeString(raw)
	if err != nil {
		return nil, errors.New("the message is not valid base64")
	}
	if deflated {
		b, err = io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(b)), 1<<20))
		if err != nil {
			return nil, errors.New("the message is not DEFLATE-compressed (HTTP-Redirect binding)")
		}
	}
	doc := etree.NewDocument()
	doc.ReadSettings.Permissive = false
	if err := doc.ReadFromBytes(b); err != nil || doc.Root() == nil {
		return nil, errors.New("the message is not well-formed XML")
	}
	return doc, nil
}

// childNS returns el's first child with the local name tag in namespace ns.
func childNS(el *etree.Element, ns, tag string) *etree.Element {
	if el == nil {
		return nil
	}
	for _, c := range el.ChildElements() {
		if c.Tag == tag && c.NamespaceURI() == ns {
			return c
		}
	}
	return nil
}

// parseAuthnRequest checks an AuthnRequest and finds the SAML application
// its Issuer names; a non-nil detail says what is wrong.
func (s *Server) parseAuthnRequest(env *environment, doc *etree.Document) (*samlRequest, *application, *detail) {
	root := doc.Root()
	if root.Tag != "AuthnRequest" || root.NamespaceURI() != nsSAMLP {
		return nil, nil, &detail{Code: "INVALID_VALUE", Target: "SAMLRequest", Message: "The SAML message is not an AuthnRequest"}
	}
	req := &samlRequest{id: root.SelectAttrValue("ID", ""), acsURL: root.SelectAttrValue("AssertionConsumerServiceURL", "")}
	if req.id == "" || root.SelectAttrValue("Version", "") != "2.0" {
		return nil, nil, &detail{Code: "INVALID_VALUE", Target: "SAMLRequest", Message: "The AuthnRequest needs an ID and Version 2.0"}
	}
	if iss := childNS(root, nsSAML, "Issuer"); iss != nil {
		req.issuer = strings.TrimSpace(iss.Text())
	}
	if req.issuer == "" {
		return nil, nil, &detail{Code: "INVALID_VALUE", Target: "Issuer", Message: "The AuthnRequest has no Issuer"}
	}
	var app *application
	for _, a := range s.apps {
		if a.envID == env.id && a.str("protocol") == "SAML" && a.str("spEntityId") == req.issuer {
			app = a
		}
	}
	if app == nil || !app.enabled() {
		return nil, nil, &detail{Code: "INVALID_VALUE", Target: "Issuer", Message: "No enabled SAML application has the spEntityId of the AuthnRequest's Issuer"}
	}
	acs := app.list("acsUrls")
	switch {
	case req.acsURL == "" && len(acs) > 0:
		req.acsURL = acs[0] // the first ACS URL is the default
	case !app.has("acsUrls", req.acsURL):
		return nil, nil, &detail{Code: "INVALID_VALUE", Target: "AssertionConsumerServiceURL", Message: "The AssertionConsumerServiceURL is not one of the application's acsUrls"}
	}
	return req, app, nil
}

// samlResponse builds the signed Response for a completed SAML flow.
func (s *Server) samlResponse(env *environment, base string, app *application, f *flow, u *user) (string, error) {
	key, alg := s.samlSigningKey(env, app)
	if key == nil {
		return "", errors.New("the application's signing key does not exist")
	}
	now := s.now()
	dur, _ := app.body["assertionDuration"].(float64)
	notAfter := now.Add(time.Duration(dur) * time.Second)
	issuer := idpEntityID(base, env.id)
	stamp := func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

	assertion := etree.NewElement("saml:Assertion")
	assertion.CreateAttr("xmlns:saml", nsSAML)
	assertion.CreateAttr("ID", "id-"+newID())
	assertion.CreateAttr("IssueInstant", stamp(now))
	assertion.CreateAttr("Version", "2.0")
	assertion.CreateElement("saml:Issuer").SetText(issuer)
	subject := assertion.CreateElement("saml:Subject")
	nameID := subject.CreateElement("saml:NameID")
	nameID.CreateAttr("Format", orDefault(app.str("nameIdFormat"), nameIDUnspec))
	attrs, subjectValue := s.samlAttributes(app, u)
	nameID.SetText(subjectValue)
	conf := subject.CreateElement("saml:SubjectConfirmation")
	conf.CreateAttr("Method", cmBearer)
	data := conf.CreateElement("saml:SubjectConfirmationData")
	data.CreateAttr("InResponseTo", f.saml.id)
	data.CreateAttr("NotOnOrAfter", stamp(notAfter))
	data.CreateAttr("Recipient", f.saml.acsURL)
	cond := assertion.CreateElement("saml:Conditions")
	cond.CreateAttr("NotBefore", stamp(now.Add(-samlClockSkew)))
	cond.CreateAttr("NotOnOrAfter", stamp(notAfter))
	cond.CreateElement("saml:AudienceRestriction").CreateElement("saml:Audience").SetText(app.str("spEntityId"))
	authn := assertion.CreateElement("saml:AuthnStatement")
	authn.CreateAttr("AuthnInstant", stamp(now))
	authn.CreateAttr("SessionIndex", f.sessionID)
	authn.CreateElement("saml:AuthnContext").CreateElement("saml:AuthnContextClassRef").SetText(acPassword)
	if len(attrs) > 0 {
		stmt := assertion.CreateElement("saml:AttributeStatement")
		for _, a := range attrs {
			el := stmt.CreateElement("saml:Attribute")
			el.CreateAttr("Name", a[0])
			el.CreateAttr("NameFormat", attrNameFormat)
			el.CreateElement("saml:AttributeValue").SetText(a[1])
		}
	}
	if app.body["assertionSigned"] != false {
		signed, err := signSAML(key, alg, assertion)
		if err != nil {
			return "", err
		}
		assertion = signed
	}

	resp := etree.NewElement("samlp:Response")
	resp.CreateAttr("xmlns:samlp", nsSAMLP)
	resp.CreateAttr("ID", "id-"+newID())
	resp.CreateAttr("Version", "2.0")
	resp.CreateAttr("IssueInstant", stamp(now))
	resp.CreateAttr("InResponseTo", f.saml.id)
	resp.CreateAttr("Destination", f.saml.acsURL)
	iss := resp.CreateElement("saml:Issuer")
	iss.CreateAttr("xmlns:saml", nsSAML)
	iss.SetText(issuer)
	resp.CreateElement("samlp:Status").CreateElement("samlp:StatusCode").CreateAttr("Value", statusSuccess)
	resp.AddChild(assertion)
	if app.body["responseSigned"] == true {
		signed, err := signSAML(key, alg, resp)
		if err != nil {
			return "", err
		}
		resp = signed
	}
	doc := etree.NewDocument()
	doc.SetRoot(resp)
	return doc.WriteToString()
}

// signatureMethods maps PingOne's signature algorithm names to XML-DSig's.
var signatureMethods = map[string]string{
	"SHA256withRSA": dsig.RSASHA256SignatureMethod, "SHA384withRSA": dsig.RSASHA384SignatureMethod, "SHA512withRSA": dsig.RSASHA512SignatureMethod,
	"SHA256withECDSA": dsig.ECDSASHA256SignatureMethod, "SHA384withECDSA": dsig.ECDSASHA384SignatureMethod, "SHA512withECDSA": dsig.ECDSASHA512SignatureMethod,
}

// signSAML returns el with an enveloped signature, placed after the
// Issuer as the SAML schema requires (goxmldsig appends it last).
func signSAML(key *keyRec, alg string, el *etree.Element) (*etree.Element, error) {
	ctx, err := dsig.NewSigningContext(key.signer, [][]byte{key.certDER})
	if err != nil {
		return nil, fmt.Errorf("signing context: %w", err)
	}
	ctx.Canonicalizer = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList("")
	method := signatureMethods[alg]
	if method == "" {
		switch key.signer.Public().(type) {
		case *rsa.PublicKey:
			method = dsig.RSASHA256SignatureMethod
		case *ecdsa.PublicKey:
			method = dsig.ECDSASHA256SignatureMethod
		}
	}
	if err := ctx.SetSignatureMethod(method); err != nil {
		return nil, fmt.Errorf("signature method: %w", err)
	}
	signed, err := ctx.SignEnveloped(el)
	if err != nil {
		return nil, fmt.Errorf("signing: %w", err)
	}
	// goxmldsig appends the Signature to the copy's Child slice without
	// setting its parent, so it is moved by slice rather than RemoveChild.
	last := len(signed.Child) - 1
	sig, ok := signed.Child[last].(*etree.Element)
	if !ok || sig.Tag != "Signature" {
		return nil, errors.New("signing: the signature is not the last child")
	}
	signed.Child = signed.Child[:last]
	issuerAt := 0
	for i, c := range signed.Child {
		if e, isEl := c.(*etree.Element); isEl && e.Tag == "Issuer" {
			issuerAt = i + 1
			break
		}
	}
	signed.InsertChildAt(issuerAt, sig)
	return signed, nil
}

// samlAttributes evaluates the application's attribute mappings for the
// user. The "saml_subject" mapping, when present, supplies the NameID;
// otherwise the NameID is the username.
func (s *Server) samlAttributes(app *application, u *user) ([][2]string, string) {
	subject := ""
	if u != nil {
		subject = u.username
	}
	var out [][2]string
	for _, x := range s.more().list("attributes", app.envID, app.id) {
		v := userExpression(str(x.body, "value"), u)
		if str(x.body, "name") == "saml_subject" {
			if v != "" {
				subject = v
			}
			continue
		}
		out = append(out, [2]string{str(x.body, "name"), v})
	}
	return out, subject
}

// userExpression evaluates the ${user.x} expressions of attribute
// mappings that name one user attribute.
func userExpression(expr string, u *user) string {
	if u == nil {
		return ""
	}
	fields := map[string]string{"id": u.id, "username": u.username, "email": u.email, "name.given": u.given, "name.family": u.family,
		"population.id": u.populationID}
	if strings.HasPrefix(expr, "${user.") && strings.HasSuffix(expr, "}") {
		return fields[strings.TrimSuffix(strings.TrimPrefix(expr, "${user."), "}")]
	}
	return expr
}
