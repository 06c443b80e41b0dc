package pingone

import (
	"bytes"
	"compress/flate"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
)

// SP-initiated sign-on with a SAML identity provider, the SAML twin of
// external_auth.go's OIDC round trip:
//
//  1. GET /{envID}/rp/authenticate?providerId=&flowId= for a SAML provider
//     sends an AuthnRequest (Issuer = the provider's spEntityId, ACS =
//     /{envID}/saml20/sp/acs) to its ssoEndpoint with its ssoBinding: a 302
//     with SAMLRequest and RelayState (plus SigAlg and Signature when
//     signed) for HTTP_REDIRECT, an auto-posting form for HTTP_POST. It is
//     signed with spSigning.key when the provider names one (and
//     authnRequestSigned is not false).
//  2. The IdP signs the user on and posts a SAMLResponse to the ACS.
//  3. POST /{envID}/saml20/sp/acs checks the Response answers a pending
//     request of this environment (InResponseTo), is addressed to this ACS
//     (Destination, Recipient), carries a valid XML signature (goxmldsig)
//     by one of the provider's idpVerification.certificates over the
//     Response or the Assertion, and an unexpired assertion (NotOnOrAfter)
//     for the provider's spEntityId (Audience) from its idpEntityId
//     (Issuer). A refused Response answers 400 INVALID_REQUEST and leaves
//     the flow and the pending request as they were. An accepted one spends
//     the request (a replay is refused), maps the assertion with the
//     provider's attribute mappings and links or creates the user as the
//     OIDC callback does (linkExternal), then redirects to the sign-on page.
//
// IdP-initiated (unsolicited) Responses are refused: every Response must
// answer a request this server sent.

const samlAuthTTL = extAuthTTL // the same external authentication timeout as OIDC

// samlAuth is one AuthnRequest sent to a SAML identity provider and not
// answered yet, keyed by its ID.
type samlAuth struct {
	id, envID, flowID, idpID, acsURL, relayState string
	expiresAt                                    time.Time
}

func samlACSURL(base, envID string) string { return base + "/" + envID + "/saml20/sp/acs" }

func samlStamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// samlAuthenticate answers /rp/authenticate for an enabled SAML provider
// the flow offers. The caller holds s.mu.
func (s *Server) samlAuthenticate(w http.ResponseWriter, env *environment, base string, f *flow, idp *rec) {
	x := &samlAuth{id: "id-" + newID(), envID: env.id, flowID: f.id, idpID: idp.id, acsURL: samlACSURL(base, env.id),
		relayState: newID(), expiresAt: s.now().Add(samlAuthTTL)}
	endpoint := str(idp.body, "ssoEndpoint")
	req := etree.NewElement("samlp:AuthnRequest")
	req.CreateAttr("xmlns:samlp", nsSAMLP)
	req.CreateAttr("xmlns:saml", nsSAML)
	req.CreateAttr("ID", x.id)
	req.CreateAttr("Version", "2.0")
	req.CreateAttr("IssueInstant", samlStamp(s.now()))
	req.CreateAttr("Destination", endpoint)
	req.CreateAttr("ProtocolBinding", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST")
	req.CreateAttr("AssertionConsumerServiceURL", x.acsURL)
	req.CreateElement("saml:Issuer").SetText(str(idp.body, "spEntityId"))
	policy := req.CreateElement("samlp:NameIDPolicy")
	policy.CreateAttr("Format", nameIDUnspec)
	policy.CreateAttr("AllowCreate", "true")

	key, alg := s.samlSPKey(env, idp)
	redirect := str(idp.body, "ssoBinding") == "HTTP_REDIRECT"
	if key != nil && !redirect {
		// HTTP-POST carries an enveloped signature; HTTP-Redirect signs
		// the query string instead (SAML bindings 3.4.4.1).
		signed, err := signSAML(key, alg, req)
		if err != nil {
			writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", "The request could not be completed. An unexpected error occurred.", nil)
			return
		}
		req = signed
	}
	doc := etree.NewDocument()
	doc.SetRoot(req)
	xml, err := doc.WriteToString()
	if err != nil {
		writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", "The request could not be completed. An unexpected error occurred.", nil)
		return
	}
	if s.samlAuths == nil {
		s.samlAuths = map[string]*samlAuth{}
	}
	if !redirect {
		s.samlAuths[x.id] = x
		writeAutopost(w, "saml20.request.autopost.ftl", endpoint, [][2]string{{"SAMLRequest", base64Std(xml)}, {"RelayState", x.relayState}})
		return
	}
	var buf bytes.Buffer
	zw, _ := flate.NewWriter(&buf, flate.DefaultCompression)
	_, _ = zw.Write([]byte(xml))
	_ = zw.Close()
	query := "SAMLRequest=" + url.QueryEscape(base64.StdEncoding.EncodeToString(buf.Bytes())) + "&RelayState=" + url.QueryEscape(x.relayState)
	if key != nil {
		method, sig, err := signRedirectQuery(key, alg, query)
		if err != nil {
			writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", "The request could not be completed. An unexpected error occurred.", nil)
			return
		}
		query += "&SigAlg=" + url.QueryEscape(method)
		query += "&Signature=" + url.QueryEscape(base64.StdEncoding.EncodeToString(sig))
	}
	s.samlAuths[x.id] = x
	sep := "?"
	if strings.Contains(endpoint, "?") {
		sep = "&"
	}
	w.Header().Set("Location", endpoint+sep+query)
	w.WriteHeader(http.StatusFound)
}

// samlSPKey is the key that signs the provider's AuthnRequests: its
// spSigning.key, unless authnRequestSigned is false; nil means unsigned.
func (s *Server) samlSPKey(env *environment, idp *rec) (*keyRec, string) {
	v, _ := lookup(idp.body, "spSigning.key.id")
	id, _ := v.(string)
	k := s.more().keys[id]
	if k == nil || k.envID != env.id || k.signer == nil || idp.body["authnRequestSigned"] == false {
		return nil, ""
	}
	return k, orDefault(str(obj(idp.body, "spSigning"), "algorithm"), k.signatureAlgorithm)
}

// signRedirectQuery signs "SAMLRequest=...&RelayState=...&SigAlg=..." as
// the HTTP-Redirect binding does; it returns the SigAlg URI and the raw
// signature (PKCS #1 v1.5 for RSA, r||s for ECDSA as XML-DSig has it).
func signRedirectQuery(key *keyRec, alg, query string) (string, []byte, error) {
	method := signatureMethods[alg]
	hash := crypto.SHA256
	switch {
	case strings.HasPrefix(alg, "SHA384"):
		hash = crypto.SHA384
	case strings.HasPrefix(alg, "SHA512"):
		hash = crypto.SHA512
	}
	_, isEC := key.signer.Public().(*ecdsa.PublicKey)
	if method == "" || strings.HasSuffix(alg, "ECDSA") != isEC {
		method, hash = dsig.RSASHA256SignatureMethod, crypto.SHA256
		if isEC {
			method = dsig.ECDSASHA256SignatureMethod
		}
	}
	data := query + "&SigAlg=" + url.QueryEscape(method)
	h := hash.New()
	h.Write([]byte(data))
	sig, err := key.signer.Sign(rand.Reader, h.Sum(nil), hash)
	if err != nil || !isEC {
		return method, sig, err
	}
	var rs struct{ R, S *big.Int }
	if _, err := asn1.Unmarshal(sig, &rs); err != nil {
		return "", nil, err
	}
	size := (key.signer.Public().(*ecdsa.PublicKey).Curve.Params().BitSize + 7) / 8
	out := make([]byte, 2*size)
	rs.R.FillBytes(out[:size])
	rs.S.FillBytes(out[size:])
	return method, out, nil
}

// samlACS serves POST /{envID}/saml20/sp/acs. The caller holds s.mu.
func (s *Server) samlACS(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	if r.Method != http.MethodPost {
		writeMethodNotAllowed(w)
		return
	}
	if err := r.ParseForm(); err != nil {
		writeSAMLError(w, detail{Code: "INVALID_VALUE", Target: "SAMLResponse", Message: "The request body is not a form"})
		return
	}
	raw := r.PostForm.Get("SAMLResponse")
	if raw == "" {
		writeSAMLError(w, detail{Code: "REQUIRED_VALUE", Target: "SAMLResponse", Message: "SAMLResponse is required"})
		return
	}
	doc, err := decodeSAMLMessage(raw, false)
	if err != nil {
		writeSAMLError(w, detail{Code: "INVALID_VALUE", Target: "SAMLResponse", Message: err.Error()})
		return
	}
	x, f, idp, bad := s.samlPending(env, doc.Root())
	if bad != nil {
		writeSAMLError(w, *bad)
		return
	}
	assertion, bad := s.verifySAMLResponse(env, x, idp, doc.Root())
	if bad != nil {
		writeSAMLError(w, *bad)
		return
	}
	delete(s.samlAuths, x.id) // answered: a replay finds no request
	s.finishExternal(w, r, env, base, f, s.linkExternal(env, f, idp, s.samlIdentity(idp, assertion)))
}

// samlPending finds the request a Response answers, its flow and its
// provider.
func (s *Server) samlPending(env *environment, root *etree.Element) (*samlAuth, *flow, *rec, *detail) {
	if root.Tag != "Response" || root.NamespaceURI() != nsSAMLP {
		return nil, nil, nil, &detail{Code: "INVALID_VALUE", Target: "SAMLResponse", Message: "The SAML message is not a Response"}
	}
	x := s.samlAuths[root.SelectAttrValue("InResponseTo", "")]
	if x == nil || x.envID != env.id || !s.now().Before(x.expiresAt) {
		return nil, nil, nil, &detail{Code: "INVALID_VALUE", Target: "InResponseTo",
			Message: "The Response does not answer an authentication request of this environment that is still pending (unknown, expired or already answered)"}
	}
	f := s.flows[x.flowID]
	idp := s.more().get(x.idpID, kindIdentityProvider.name, env.id)
	if f == nil || !s.now().Before(f.expiresAt) || idp == nil {
		return nil, nil, nil, &detail{Code: "INVALID_VALUE", Target: "InResponseTo", Message: "The flow or identity provider of the authentication request no longer exists"}
	}
	return x, f, idp, nil
}

// verifySAMLResponse checks the Response and returns its assertion as
// the signature covered it. Nothing outside the verified element is read.
func (s *Server) verifySAMLResponse(env *environment, x *samlAuth, idp *rec, root *etree.Element) (*etree.Element, *detail) {
	idpEntity := str(idp.body, "idpEntityId")
	if bad := samlEnvelopeProblem(root, x.acsURL, idpEntity); bad != nil {
		return nil, bad
	}
	assertion, bad := s.signedAssertion(env, idp, root)
	if bad != nil {
		return nil, bad
	}
	if bad := samlAssertionProblem(assertion, x, idpEntity, str(idp.body, "spEntityId"), s.now()); bad != nil {
		return nil, bad
	}
	return assertion, nil
}

// samlInvalid is the INVALID_VALUE detail every refusal of a Response is.
func samlInvalid(target, msg string) *detail {
	return &detail{Code: "INVALID_VALUE", Target: target, Message: msg}
}

// samlEnvelopeProblem checks what the Response says outside its
// assertion: where it was sent, its status, who issued it.
func samlEnvelopeProblem(root *etree.Element, acsURL, idpEntity string) *detail {
	if root.SelectAttrValue("Destination", "") != acsURL {
		return samlInvalid("Destination", "The Response's Destination is not this environment's ACS URL")
	}
	if code := childNS(childNS(root, nsSAMLP, "Status"), nsSAMLP, "StatusCode"); code == nil || code.SelectAttrValue("Value", "") != statusSuccess {
		return samlInvalid("Status", "The identity provider did not answer with status Success")
	}
	if iss := childNS(root, nsSAML, "Issuer"); iss != nil && strings.TrimSpace(iss.Text()) != idpEntity {
		return samlInvalid("Issuer", "The Response's Issuer is not the identity provider's idpEntityId")
	}
	return nil
}

// signedAssertion verifies the Response's signature, or else its single
// Assertion's, with the identity provider's verification certificates,
// and returns the Assertion as the signature covered it.
func (s *Server) signedAssertion(env *environment, idp *rec, root *etree.Element) (*etree.Element, *detail) {
	ctx := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: s.samlIdPCerts(env, idp)})
	var assertion *etree.Element
	if childNS(root, dsig.Namespace, "Signature") != nil {
		resp, err := ctx.Validate(root)
		if err != nil {
			return nil, samlInvalid("Signature", "The Response's signature does not verify with the identity provider's verification certificates")
		}
		assertion = onlyAssertion(resp)
	} else {
		a := onlyAssertion(root)
		if a == nil || childNS(a, dsig.Namespace, "Signature") == nil {
			return nil, samlInvalid("Signature", "Neither the Response nor its Assertion is signed")
		}
		signed, err := ctx.Validate(a)
		if err != nil {
			return nil, samlInvalid("Signature", "The Assertion's signature does not verify with the identity provider's verification certificates")
		}
		assertion = signed
	}
	if assertion == nil {
		return nil, samlInvalid("Assertion", "The Response must carry exactly one Assertion")
	}
	return assertion, nil
}

// samlAssertionProblem checks the signed Assertion: its issuer, that it
// answers this authentication request for a subject, and its conditions
// (validity window, audience).
func samlAssertionProblem(assertion *etree.Element, x *samlAuth, idpEntity, spEntity string, now time.Time) *detail {
	if iss := childNS(assertion, nsSAML, "Issuer"); iss == nil || strings.TrimSpace(iss.Text()) != idpEntity {
		return samlInvalid("Issuer", "The Assertion's Issuer is not the identity provider's idpEntityId")
	}
	if bad := samlSubjectProblem(childNS(assertion, nsSAML, "Subject"), x, now); bad != nil {
		return bad
	}
	cond := childNS(assertion, nsSAML, "Conditions")
	if cond == nil {
		return samlInvalid("Conditions", "The Assertion has no Conditions")
	}
	if expired(cond.SelectAttrValue("NotOnOrAfter", ""), now) {
		return samlInvalid("NotOnOrAfter", "The Assertion has expired")
	}
	if nb, err := time.Parse(time.RFC3339, cond.SelectAttrValue("NotBefore", "")); err == nil && now.Add(samlClockSkew).Before(nb) {
		return samlInvalid("NotBefore", "The Assertion is not valid yet")
	}
	for _, ar := range cond.SelectElements("AudienceRestriction") {
		for _, a := range ar.SelectElements("Audience") {
			if strings.TrimSpace(a.Text()) == spEntity {
				return nil
			}
		}
	}
	return samlInvalid("Audience", "The Assertion's Audience is not the identity provider's spEntityId")
}

// samlSubjectProblem checks the Subject's NameID and, when present, its
// SubjectConfirmationData: the request it answers, where it was meant to
// go, until when.
func samlSubjectProblem(subject *etree.Element, x *samlAuth, now time.Time) *detail {
	if nameID := childNS(subject, nsSAML, "NameID"); nameID == nil || strings.TrimSpace(nameID.Text()) == "" {
		return samlInvalid("Subject", "The Assertion has no Subject NameID")
	}
	data := childNS(childNS(subject, nsSAML, "SubjectConfirmation"), nsSAML, "SubjectConfirmationData")
	switch {
	case data == nil:
		return nil
	case data.SelectAttrValue("InResponseTo", x.id) != x.id:
		return samlInvalid("InResponseTo", "The SubjectConfirmationData answers another authentication request")
	case data.SelectAttrValue("Recipient", x.acsURL) != x.acsURL:
		return samlInvalid("Recipient", "The SubjectConfirmationData's Recipient is not this environment's ACS URL")
	case expired(data.SelectAttrValue("NotOnOrAfter", ""), now):
		return samlInvalid("NotOnOrAfter", "The Assertion's subject confirmation has expired")
	}
	return nil
}

// expired reports whether a SAML NotOnOrAfter has passed; a missing or
// unreadable one counts as expired where it is read.
func expired(v string, now time.Time) bool {
	t, err := time.Parse(time.RFC3339, v)
	return err != nil || !now.Before(t)
}

// onlyAssertion returns the Response's single plain Assertion, or nil
// when it has none, several, or an encrypted one.
func onlyAssertion(resp *etree.Element) *etree.Element {
	var found *etree.Element
	for _, c := range resp.ChildElements() {
		if c.NamespaceURI() != nsSAML {
			continue
		}
		switch c.Tag {
		case "EncryptedAssertion":
			return nil
		case "Assertion":
			if found != nil {
				return nil
			}
			found = c
		}
	}
	return found
}

// samlIdPCerts are the provider's idpVerification.certificates.
func (s *Server) samlIdPCerts(env *environment, idp *rec) []*x509.Certificate {
	st := s.more()
	var out []*x509.Certificate
	list, _ := lookup(idp.body, "idpVerification.certificates")
	arr, _ := list.([]any)
	for _, v := range arr {
		m, _ := v.(map[string]any)
		if c := st.certs[str(m, "id")]; c != nil && c.envID == env.id && c.cert != nil {
			out = append(out, c.cert)
		}
	}
	return out
}

// samlIdentity evaluates the provider's attribute mappings against the
// verified assertion: ${samlAssertion.subject} is the NameID, any other
// ${samlAssertion.x} the first value of the attribute named x. The CORE
// username mapping defaults to the NameID.
func (s *Server) samlIdentity(idp *rec, assertion *etree.Element) *externalIdentity {
	subject := strings.TrimSpace(childNS(childNS(assertion, nsSAML, "Subject"), nsSAML, "NameID").Text())
	attrs := map[string]string{}
	for _, stmt := range assertion.SelectElements("AttributeStatement") {
		for _, a := range stmt.SelectElements("Attribute") {
			name := a.SelectAttrValue("Name", "")
			if v := a.SelectElement("AttributeValue"); v != nil && name != "" {
				if _, seen := attrs[name]; !seen {
					attrs[name] = strings.TrimSpace(v.Text())
				}
			}
		}
	}
	eval := func(expr string) string {
		var b strings.Builder
		for {
			i := strings.Index(expr, "${samlAssertion.")
			if i < 0 {
				b.WriteString(expr)
				return b.String()
			}
			j := strings.Index(expr[i:], "}")
			if j < 0 {
				b.WriteString(expr)
				return b.String()
			}
			b.WriteString(expr[:i])
			name := expr[i+len("${samlAssertion.") : i+j]
			if strings.EqualFold(name, "subject") {
				b.WriteString(subject)
			} else {
				b.WriteString(attrs[name])
			}
			expr = expr[i+j+1:]
		}
	}
	id := &externalIdentity{subject: subject, username: subject}
	for _, m := range s.more().list("attributes", idp.envID, idp.id) {
		v := eval(str(m.body, "value"))
		switch name := str(m.body, "name"); name {
		case "username":
			if v != "" {
				id.username = v
			}
		case "email", "name.given", "name.family":
			id.mapped = append(id.mapped, mappedAttr{field: name, value: v, always: str(m.body, "update") == "ALWAYS"})
			switch name {
			case "email":
				id.email = v
			case "name.given":
				id.given = v
			case "name.family":
				id.family = v
			}
		}
	}
	return id
}
