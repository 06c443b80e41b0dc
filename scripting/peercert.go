package scripting

import "github.com/dop251/goja"

// peerCertObject is c as a script sees Node's certificate object after it
// crossed into the sandbox: its fields in Node's order, those Node leaves
// out absent, each Buffer in its JSON form ({type: 'Buffer', data: [...]})
// and the chain's issuerCertificate links kept (a root's is itself). seen
// maps the certificates already built.
func (e *Engine) peerCertObject(c *PeerCert, seen map[*PeerCert]*goja.Object) *goja.Object {
	if o, ok := seen[c]; ok {
		return o
	}
	o := e.rt.NewObject()
	seen[c] = o
	set := func(k string, v any) { _ = o.Set(k, v) }
	set("subject", e.nameObject(c.Subject))
	set("issuer", e.nameObject(c.Issuer))
	if c.SubjectAltName != "" {
		set("subjectaltname", c.SubjectAltName)
	}
	if len(c.InfoAccess) > 0 {
		set("infoAccess", e.nameObject(c.InfoAccess))
	}
	set("ca", c.CA)
	if c.Modulus != "" {
		set("modulus", c.Modulus)
		set("bits", c.Bits)
		set("exponent", c.Exponent)
		set("pubkey", e.bufferJSON(c.Pubkey))
	} else if c.ASN1Curve != "" {
		set("bits", c.Bits)
		set("pubkey", e.bufferJSON(c.Pubkey))
		set("asn1Curve", c.ASN1Curve)
		set("nistCurve", c.NISTCurve)
	}
	set("valid_from", c.ValidFrom)
	set("valid_to", c.ValidTo)
	set("fingerprint", c.Fingerprint)
	set("fingerprint256", c.Fingerprint256)
	set("fingerprint512", c.Fingerprint512)
	if c.ExtKeyUsage != nil {
		set("ext_key_usage", strs(c.ExtKeyUsage))
	}
	set("serialNumber", c.SerialNumber)
	set("raw", e.bufferJSON(c.Raw))
	if c.IssuerCert != nil {
		set("issuerCertificate", e.peerCertObject(c.IssuerCert, seen))
	}
	return o
}

// nameObject is a certificate name's attributes as Node gives them: a
// string each, a list for one named twice.
func (e *Engine) nameObject(attrs []NameAttr) *goja.Object {
	o := e.rt.NewObject()
	for _, a := range attrs {
		if len(a.Values) == 1 && a.Key != "OCSP - URI" && a.Key != "CA Issuers - URI" {
			_ = o.Set(a.Key, a.Values[0])
			continue
		}
		_ = o.Set(a.Key, strs(a.Values))
	}
	return o
}

// bufferJSON is a Buffer's JSON form, as a Buffer crossing into the
// sandbox arrives: {type: 'Buffer', data: [bytes]}.
func (e *Engine) bufferJSON(b []byte) *goja.Object {
	data := make([]any, len(b))
	for i, x := range b {
		data[i] = int(x)
	}
	o := e.rt.NewObject()
	_ = o.Set("type", "Buffer")
	_ = o.Set("data", data)
	return o
}
