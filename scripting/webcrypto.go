package scripting

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rsa"
	"crypto/subtle"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"math/big"

	"github.com/dop251/goja"
)

// crypto.subtle's key operations over Go's crypto, as the current Postman
// sandbox (Node's WebCrypto) has them. Keys stay in JavaScript as bytes:
// a secret key's raw bytes, an asymmetric private key as PKCS #8 DER and a
// public key as SPKI DER; js/bootstrap.js wraps them in CryptoKey objects,
// checks algorithms and usages, and turns these natives' results into
// promises. Errors are DOMExceptions with WebCrypto's names.

// wcError throws a DOMException named name.
func (e *Engine) wcError(name, msg string) {
	c, ok := goja.AssertConstructor(e.rt.Get("DOMException"))
	if !ok {
		e.throw("Error", msg)
	}
	o, err := c(nil, e.rt.ToValue(msg), e.rt.ToValue(name))
	if err != nil {
		e.throw("Error", msg)
	}
	panic(o)
}

func (e *Engine) opFailed() {
	e.wcError("OperationError", "The operation failed for an operation-specific reason")
}

func cryptoHash(name string) crypto.Hash {
	switch name {
	case "SHA-1":
		return crypto.SHA1
	case "SHA-256":
		return crypto.SHA256
	case "SHA-384":
		return crypto.SHA384
	case "SHA-512":
		return crypto.SHA512
	}
	return 0
}

func curveOf(name string) elliptic.Curve {
	switch name {
	case "P-256":
		return elliptic.P256()
	case "P-384":
		return elliptic.P384()
	case "P-521":
		return elliptic.P521()
	}
	return nil
}

// installWebCrypto gives the bootstrap the crypto.subtle primitives, one
// native function each (below); keys cross as DER or raw bytes.
func (e *Engine) installWebCrypto(set func(string, any)) {
	set("wcGenerate", e.wcGenerate)
	set("wcSign", e.wcSign)
	set("wcVerify", e.wcVerify)
	set("wcCipher", e.wcCipher)
	set("wcDerive", e.wcDerive)
	set("wcToJWK", e.wcToJWK)
	set("wcFromJWK", e.wcFromJWK)
	set("wcECRaw", e.wcECRaw)
	set("wcECFromRaw", e.wcECFromRaw)
	set("wcPublicOf", e.wcPublicOf)
	set("wcKeyInfo", e.wcKeyInfo)
}

// arrayBuffer is b as a script's ArrayBuffer.
func (e *Engine) arrayBuffer(b []byte) goja.Value { return e.rt.ToValue(e.rt.NewArrayBuffer(b)) }

// wcGenerate(kind, curve, bits) returns [private pkcs8, public spki]
// for "RSA", "EC" (curve), "Ed25519", or [secret] for "secret" (bits).
func (e *Engine) wcGenerate(kind, curve string, bits int) goja.Value {
	rt, buf := e.rt, e.arrayBuffer
	var priv any
	switch kind {
	case "secret":
		if bits <= 0 || bits > 1<<16 {
			e.opFailed()
		}
		b := make([]byte, (bits+7)/8)
		e.randomRead(b)
		return rt.NewArray(buf(b))
	case "RSA":
		// Key generation cannot be interrupted by the script's timeout:
		// moduli past 4096 bits (minutes of CPU) are refused.
		if bits < 512 || bits > 4096 {
			e.opFailed()
		}
		k, err := rsa.GenerateKey(cryptoRand{e}, bits)
		if err != nil {
			e.opFailed()
		}
		priv = k
	case "EC":
		c := curveOf(curve)
		if c == nil {
			e.wcError("NotSupportedError", "Unrecognized namedCurve")
		}
		k, err := ecdsa.GenerateKey(c, cryptoRand{e})
		if err != nil {
			e.opFailed()
		}
		priv = k
	case "Ed25519":
		_, k, err := ed25519.GenerateKey(cryptoRand{e})
		if err != nil {
			e.opFailed()
		}
		priv = k
	default:
		e.wcError("NotSupportedError", "Unrecognized algorithm name")
	}
	p8, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		e.opFailed()
	}
	pub, err := x509.MarshalPKIXPublicKey(priv.(crypto.Signer).Public())
	if err != nil {
		e.opFailed()
	}
	return rt.NewArray(buf(p8), buf(pub))
}

// hmacSum is data's HMAC under key with the named hash.
func (e *Engine) hmacSum(hash string, key, data []byte) []byte {
	h := hashFor(hash)
	if h == nil {
		e.opFailed()
	}
	m := hmac.New(h, key)
	m.Write(data)
	return m.Sum(nil)
}

// digest is data's digest with the named hash, which it returns too.
func (e *Engine) digest(hash string, data []byte) (crypto.Hash, []byte) {
	ch := cryptoHash(hash)
	if ch == 0 {
		e.opFailed()
	}
	d := ch.New()
	d.Write(data)
	return ch, d.Sum(nil)
}

// wcSign(alg, hash, pkcs8 or secret, data, saltLength).
func (e *Engine) wcSign(alg, hash string, key, data []byte, salt int) goja.Value {
	buf := e.arrayBuffer
	switch alg {
	case "HMAC":
		return buf(e.hmacSum(hash, key, data))
	case "Ed25519":
		k, ok := e.parsePrivate(key).(ed25519.PrivateKey)
		if !ok {
			e.opFailed()
		}
		return buf(ed25519.Sign(k, data))
	}
	ch, sum := e.digest(hash, data)
	var sig []byte
	var err error
	switch alg {
	case "RSASSA-PKCS1-v1_5", "RSA-PSS":
		k, ok := e.parsePrivate(key).(*rsa.PrivateKey)
		if !ok {
			e.opFailed()
		}
		if alg == "RSA-PSS" {
			sig, err = rsa.SignPSS(cryptoRand{e}, k, ch, sum, &rsa.PSSOptions{SaltLength: salt})
		} else {
			sig, err = rsa.SignPKCS1v15(nil, k, ch, sum)
		}
	case "ECDSA":
		k, ok := e.parsePrivate(key).(*ecdsa.PrivateKey)
		if !ok {
			e.opFailed()
		}
		var r, s *big.Int
		r, s, err = ecdsa.Sign(cryptoRand{e}, k, sum)
		if err == nil {
			// WebCrypto's ECDSA signature is r || s, each the curve's size.
			n := (k.Curve.Params().BitSize + 7) / 8
			sig = make([]byte, 2*n)
			r.FillBytes(sig[:n])
			s.FillBytes(sig[n:])
		}
	default:
		e.wcError("NotSupportedError", "Unrecognized algorithm name")
	}
	if err != nil {
		e.opFailed()
	}
	return buf(sig)
}

// wcVerify(alg, hash, spki or secret, signature, data, saltLength).
func (e *Engine) wcVerify(alg, hash string, key, sig, data []byte, salt int) bool {
	switch alg {
	case "HMAC":
		return subtle.ConstantTimeCompare(e.hmacSum(hash, key, data), sig) == 1
	case "Ed25519":
		k, ok := e.parsePublic(key).(ed25519.PublicKey)
		return ok && ed25519.Verify(k, data, sig)
	}
	ch, sum := e.digest(hash, data)
	switch alg {
	case "RSASSA-PKCS1-v1_5", "RSA-PSS":
		k, ok := e.parsePublic(key).(*rsa.PublicKey)
		if !ok {
			return false
		}
		if alg == "RSA-PSS" {
			return rsa.VerifyPSS(k, ch, sum, sig, &rsa.PSSOptions{SaltLength: salt}) == nil
		}
		return rsa.VerifyPKCS1v15(k, ch, sum, sig) == nil
	case "ECDSA":
		k, ok := e.parsePublic(key).(*ecdsa.PublicKey)
		n := 0
		if ok {
			n = (k.Curve.Params().BitSize + 7) / 8
		}
		if !ok || len(sig) != 2*n {
			return false
		}
		return ecdsa.Verify(k, sum, new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:]))
	}
	e.wcError("NotSupportedError", "Unrecognized algorithm name")
	return false
}

// wcCipher(decrypt, alg, key, data, iv, aad, tagBits, hash, label):
// AES-GCM, AES-CBC, AES-CTR (iv is the counter block), AES-KW (wrapKey and
// unwrapKey only) with a raw key;
// RSA-OAEP with SPKI (encrypt) or PKCS #8 (decrypt). The work is done by
// the plain functions of webcrypto_cipher.go; this turns their errors into
// WebCrypto's DOMExceptions.
func (e *Engine) wcCipher(decrypt bool, alg string, key, data, iv, aad []byte, tagBits int, hash string, label []byte) goja.Value {
	var out []byte
	var err error
	if alg == "RSA-OAEP" {
		out, err = rsaOAEP(decrypt, hash, key, data, label, cryptoRand{e})
	} else {
		out, err = aesCipher(decrypt, alg, key, data, iv, aad, tagBits)
	}
	switch {
	case err == errUnknownCipher:
		e.wcError("NotSupportedError", "Unrecognized algorithm name")
	case err != nil:
		e.opFailed()
	}
	return e.arrayBuffer(out)
}

// wcDerive(alg, hash, key, salt, info, iterations, bits, peer spki).
func (e *Engine) wcDerive(alg, hash string, key, salt, info []byte, iter, bits int, peer []byte) goja.Value {
	buf := e.arrayBuffer
	if bits <= 0 || bits%8 != 0 || bits > 1<<16 {
		e.opFailed()
	}
	n := bits / 8
	switch alg {
	case "PBKDF2":
		h := hashFor(hash)
		// Bounded for the same reason: a few seconds at most.
		if h == nil || iter <= 0 || iter > 5e6 {
			e.opFailed()
		}
		out, err := pbkdf2.Key(h, string(key), salt, iter, n)
		if err != nil {
			e.opFailed()
		}
		return buf(out)
	case "HKDF":
		h := hashFor(hash)
		if h == nil {
			e.opFailed()
		}
		out, err := hkdf.Key(h, key, salt, string(info), n)
		if err != nil {
			e.opFailed()
		}
		return buf(out)
	case "ECDH":
		priv, ok := e.parsePrivate(key).(*ecdsa.PrivateKey)
		pub, ok2 := e.parsePublic(peer).(*ecdsa.PublicKey)
		if !ok || !ok2 {
			e.opFailed()
		}
		dp, err1 := priv.ECDH()
		dq, err2 := pub.ECDH()
		if err1 != nil || err2 != nil {
			e.opFailed()
		}
		secret, err := dp.ECDH(dq)
		if err != nil || n > len(secret) {
			e.opFailed()
		}
		return buf(secret[:n])
	}
	e.wcError("NotSupportedError", "Unrecognized algorithm name")
	return nil
}

// wcToJWK(der, private) gives an asymmetric key's JWK members.
func (e *Engine) wcToJWK(der []byte, private bool) string {
	var m map[string]string
	if private {
		m = jwkOfPrivate(e.parsePrivate(der))
	} else {
		m = jwkOfPublic(e.parsePublic(der))
	}
	if m == nil {
		e.opFailed()
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// wcFromJWK(json) gives [der, private] for an RSA, EC or OKP JWK.
func (e *Engine) wcFromJWK(js string) goja.Value {
	rt, buf := e.rt, e.arrayBuffer
	var all map[string]any
	if json.Unmarshal([]byte(js), &all) != nil {
		e.wcError("DataError", "Invalid keyData")
	}
	m := map[string]string{}
	for k, v := range all {
		if s, ok := v.(string); ok {
			m[k] = s
		}
	}
	der, private, err := derOfJWK(m)
	if err != nil {
		e.wcError("DataError", "Invalid keyData")
	}
	return rt.NewArray(buf(der), private)
}

// wcECRaw(spki) is an EC public key's uncompressed point (or an
// Ed25519 key's 32 bytes); wcECFromRaw(curve, point) its SPKI.
func (e *Engine) wcECRaw(der []byte) goja.Value {
	buf := e.arrayBuffer
	switch k := e.parsePublic(der).(type) {
	case *ecdsa.PublicKey:
		d, err := k.ECDH()
		if err != nil {
			e.opFailed()
		}
		return buf(d.Bytes())
	case ed25519.PublicKey:
		return buf(k)
	}
	e.opFailed()
	return nil
}

func (e *Engine) wcECFromRaw(curve string, point []byte) goja.Value {
	buf := e.arrayBuffer
	var pub any
	if curve == "Ed25519" {
		if len(point) != ed25519.PublicKeySize {
			e.wcError("DataError", "Invalid keyData")
		}
		pub = ed25519.PublicKey(point)
	} else {
		k, err := ecdsa.ParseUncompressedPublicKey(curveOf(curve), point)
		if curveOf(curve) == nil || err != nil {
			e.wcError("DataError", "Invalid keyData")
		}
		pub = k
	}
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		e.wcError("DataError", "Invalid keyData")
	}
	return buf(der)
}

// wcPublicOf(pkcs8) is the private key's public key as SPKI.
func (e *Engine) wcPublicOf(der []byte) goja.Value {
	buf := e.arrayBuffer
	s, ok := e.parsePrivate(der).(crypto.Signer)
	if !ok {
		e.opFailed()
	}
	pub, err := x509.MarshalPKIXPublicKey(s.Public())
	if err != nil {
		e.opFailed()
	}
	return buf(pub)
}

// wcKeyInfo(der, private) checks an SPKI or PKCS #8 key and names it:
// [kind "RSA"|"EC"|"Ed25519", curve or modulus bits, public exponent].
func (e *Engine) wcKeyInfo(der []byte, private bool) goja.Value {
	rt, buf := e.rt, e.arrayBuffer
	var k any
	var err error
	if private {
		k, err = x509.ParsePKCS8PrivateKey(der)
		if s, ok := k.(crypto.Signer); ok && err == nil {
			k = s.Public()
		}
	} else {
		k, err = x509.ParsePKIXPublicKey(der)
	}
	if err != nil {
		e.wcError("DataError", "Invalid keyData")
	}
	switch p := k.(type) {
	case *rsa.PublicKey:
		return rt.NewArray("RSA", p.N.BitLen(), buf(big.NewInt(int64(p.E)).Bytes()))
	case *ecdsa.PublicKey:
		return rt.NewArray("EC", p.Curve.Params().Name)
	case ed25519.PublicKey:
		return rt.NewArray("Ed25519", "Ed25519")
	}
	e.wcError("NotSupportedError", "Unsupported key type")
	return nil
}

// cryptoRand reads the engine's random source (seeded runs repeat).
type cryptoRand struct{ e *Engine }

func (r cryptoRand) Read(p []byte) (int, error) { r.e.randomRead(p); return len(p), nil }

func (e *Engine) parsePrivate(der []byte) any {
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		e.opFailed()
	}
	return k
}

func (e *Engine) parsePublic(der []byte) any {
	k, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		e.opFailed()
	}
	return k
}

func b64u(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func jwkOfPublic(k any) map[string]string {
	switch p := k.(type) {
	case *rsa.PublicKey:
		return map[string]string{"kty": "RSA", "n": b64u(p.N.Bytes()), "e": b64u(big.NewInt(int64(p.E)).Bytes())}
	case *ecdsa.PublicKey:
		n := (p.Curve.Params().BitSize + 7) / 8
		d, err := p.ECDH()
		if err != nil {
			return nil
		}
		pt := d.Bytes() // 0x04 || X || Y
		return map[string]string{"kty": "EC", "crv": p.Curve.Params().Name, "x": b64u(pt[1 : 1+n]), "y": b64u(pt[1+n:])}
	case ed25519.PublicKey:
		return map[string]string{"kty": "OKP", "crv": "Ed25519", "x": b64u(p)}
	}
	return nil
}

func jwkOfPrivate(k any) map[string]string {
	switch p := k.(type) {
	case *rsa.PrivateKey:
		m := jwkOfPublic(&p.PublicKey)
		p.Precompute()
		m["d"] = b64u(p.D.Bytes())
		m["p"] = b64u(p.Primes[0].Bytes())
		m["q"] = b64u(p.Primes[1].Bytes())
		m["dp"] = b64u(p.Precomputed.Dp.Bytes())
		m["dq"] = b64u(p.Precomputed.Dq.Bytes())
		m["qi"] = b64u(p.Precomputed.Qinv.Bytes())
		return m
	case *ecdsa.PrivateKey:
		m := jwkOfPublic(&p.PublicKey)
		d, err := p.Bytes()
		if m == nil || err != nil {
			return nil
		}
		m["d"] = b64u(d)
		return m
	case ed25519.PrivateKey:
		m := jwkOfPublic(p.Public())
		m["d"] = b64u(p.Seed())
		return m
	}
	return nil
}

type jwkErr struct{}

func (jwkErr) Error() string { return "invalid JWK" }

// derOfJWK turns a JWK (its string members) into DER: PKCS #8 for a
// private key (one with "d"), SPKI for a public one; the bool says which.
// Members that do not make a valid key of their kty are a jwkErr.
func derOfJWK(m map[string]string) ([]byte, bool, error) {
	j := jwkMembers(m)
	private := m["d"] != ""
	var key any
	var ok bool
	switch m["kty"] {
	case "RSA":
		key, ok = j.rsaKey(private)
	case "EC":
		key, ok = j.ecKey(private)
	case "OKP":
		key, ok = j.okpKey(private)
	}
	if !ok {
		return nil, false, jwkErr{}
	}
	var der []byte
	var err error
	if private {
		der, err = x509.MarshalPKCS8PrivateKey(key)
	} else {
		der, err = x509.MarshalPKIXPublicKey(key)
	}
	return der, private, err
}

// jwkMembers are a JWK's members, base64url values decoded on demand.
type jwkMembers map[string]string

// num is member k as a big-endian number; false when missing or not
// base64url.
func (j jwkMembers) num(k string) (*big.Int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(j[k])
	if err != nil || len(b) == 0 {
		return nil, false
	}
	return new(big.Int).SetBytes(b), true
}

// raw is member k's bytes; nil when not base64url.
func (j jwkMembers) raw(k string) []byte {
	b, err := base64.RawURLEncoding.DecodeString(j[k])
	if err != nil {
		return nil
	}
	return b
}

// rsaKey is an RSA key from n and e, and for a private key d, p and q
// (checked, with the CRT values computed: dp, dq and qi are not read).
func (j jwkMembers) rsaKey(private bool) (any, bool) {
	n, ok1 := j.num("n")
	ex, ok2 := j.num("e")
	if !ok1 || !ok2 || !ex.IsInt64() {
		return nil, false
	}
	pub := rsa.PublicKey{N: n, E: int(ex.Int64())}
	if !private {
		return &pub, true
	}
	d, ok3 := j.num("d")
	p, ok4 := j.num("p")
	q, ok5 := j.num("q")
	if !ok3 || !ok4 || !ok5 {
		return nil, false
	}
	k := &rsa.PrivateKey{PublicKey: pub, D: d, Primes: []*big.Int{p, q}}
	if k.Validate() != nil {
		return nil, false
	}
	k.Precompute()
	return k, true
}

// ecKey is an EC key on crv from the point x, y (each the curve's size),
// and for a private key the scalar d, which must give that point.
func (j jwkMembers) ecKey(private bool) (any, bool) {
	c := curveOf(j["crv"])
	x, y := j.raw("x"), j.raw("y")
	if c == nil || x == nil || y == nil {
		return nil, false
	}
	n := (c.Params().BitSize + 7) / 8
	if len(x) != n || len(y) != n {
		return nil, false
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(c, append(append([]byte{4}, x...), y...))
	if err != nil {
		return nil, false
	}
	if !private {
		return pub, true
	}
	k, err := ecdsa.ParseRawPrivateKey(c, j.raw("d"))
	if err != nil || !k.PublicKey.Equal(pub) {
		return nil, false
	}
	return k, true
}

// okpKey is an Ed25519 key from x, and for a private key the seed d,
// whose public key must be x (Node refuses a mismatch: DataError).
func (j jwkMembers) okpKey(private bool) (any, bool) {
	if j["crv"] != "Ed25519" {
		return nil, false
	}
	x := j.raw("x")
	if len(x) != ed25519.PublicKeySize {
		return nil, false
	}
	if !private {
		return ed25519.PublicKey(x), true
	}
	seed := j.raw("d")
	if len(seed) != ed25519.SeedSize {
		return nil, false
	}
	k := ed25519.NewKeyFromSeed(seed)
	if !k.Public().(ed25519.PublicKey).Equal(ed25519.PublicKey(x)) {
		return nil, false
	}
	return k, true
}
