package pingone

// The SP side of SAML: a SAML identity provider in an environment names
// the IdP's entity id, its SSO endpoint and binding, the uploaded
// certificates that verify its signatures, and optionally the key that
// signs AuthnRequests.

var samlBindings = []string{"HTTP_POST", "HTTP_REDIRECT"}

// checkSAMLProvider validates a SAML identity provider body (Create
// Identity Provider (SAML)): the certificates and the signing key must
// exist in the environment.
func checkSAMLProvider(st *moreState, env *environment, b map[string]any) []detail {
	bad := required(b, "idpEntityId", "spEntityId", "ssoEndpoint", "ssoBinding", "idpVerification.certificates")
	bad = append(bad, oneOf(b, "ssoBinding", samlBindings...)...)
	certs, _ := lookup(b, "idpVerification.certificates")
	list, _ := certs.([]any)
	for _, c := range list {
		m, _ := c.(map[string]any)
		id := str(m, "id")
		if x := st.certs[id]; x == nil || x.envID != env.id {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "idpVerification.certificates.id", Message: "Referenced certificate does not exist"})
		}
	}
	if v, ok := lookup(b, "spSigning.key.id"); ok {
		id, _ := v.(string)
		if k := st.keys[id]; k == nil || k.envID != env.id {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "spSigning.key.id", Message: "Referenced key does not exist"})
		}
	}
	return bad
}

// samlProviderCoreAttribute gives a new SAML identity provider PingOne's
// CORE mapping of the username to the assertion's subject.
func samlProviderCoreAttribute(st *moreState, x *rec) {
	if str(x.body, "type") != "SAML" || len(st.list("attributes", x.envID, x.id)) > 0 {
		return
	}
	a := &rec{id: newID(), envID: x.envID, kind: "attributes", parent: x.id, createdAt: x.createdAt, updatedAt: x.createdAt, seq: x.seq,
		body: map[string]any{"name": "username", "value": "${samlAssertion.subject}", "update": "EMPTY_ONLY", "mappingType": "CORE"}}
	a.self = x.self + "/attributes/" + a.id
	st.recs[a.id] = a
}
