package auth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// asapDataURI is a private key given as a data URI, as Atlassian's key
// tool writes it; its kid must be the token's.
var asapDataURI = regexp.MustCompile(`^data:application/pkcs8;kid=([\w.\-+/]+);base64,([a-zA-Z0-9+/=]+)$`)

// applyASAP signs an Atlassian S2S (ASAP) token as postman-runtime's asap
// authorizer does: the claims (JSON text or an object) take precedence
// over the block's iss, sub, aud and kid; jti defaults to a random UUID,
// iat to now, exp to iat... now + exp seconds (3600); the token goes in
// Authorization: Bearer. A missing claim, an unknown algorithm, claims or a
// key that do not parse are errors (the request then goes without auth).
func applyASAP(req *http.Request, p params, now time.Time) error {
	given, err := asapClaimsText(p.get("claims"))
	if err != nil {
		return err
	}
	c := readASAPClaims(given, p, now)
	privateKey := p.get("privateKey")
	if c.kid == nil || c.iss == nil || c.aud == nil || privateKey == "" {
		return errors.New("one or more of required claims missing")
	}
	alg := p.get("alg")
	if alg == "" {
		alg = "RS256"
	}
	if len(alg) != 5 || jwtHashes[alg[2:]] == 0 || !strings.Contains("RS PS ES", alg[:2]) {
		return errors.New("invalid algorithm")
	}
	signer, err := asapSigner(c.kid.text(), privateKey, alg)
	if err != nil {
		return err
	}
	token, err := c.sign(given, alg, signer)
	if err != nil {
		return err
	}
	setHeader(req.Header, "Authorization", "Bearer "+token)
	return nil
}

// asapClaimsText reads the block's claims, JSON text that must be an
// object (an empty one when not given).
func asapClaimsText(raw string) (*jsValue, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return newJSObject(), nil
	}
	v, err := parseJSJSON(raw)
	if err != nil {
		return nil, errors.New("failed to parse claims")
	}
	if v.kind != jsObject {
		return nil, errors.New("JWT Claims Set MUST be an object")
	}
	return v, nil
}

// asapClaims are the claims the authorizer sets on the token; nil is one
// neither the claims nor the block give.
type asapClaims struct{ iss, sub, aud, jti, iat, exp, kid *jsValue }

// readASAPClaims picks each claim as the authorizer does (claims.x ||
// block.x || default): sub falls back to iss, jti to a random UUID, iat to
// now, and exp is asapExpiry's.
func readASAPClaims(given *jsValue, p params, now time.Time) asapClaims {
	var c asapClaims
	c.iss = jsOr(given.obj["iss"], jsText(p.get("iss")))
	c.sub = jsOr(given.obj["sub"], jsText(p.get("sub")), c.iss)
	c.aud = jsOr(given.obj["aud"], jsText(p.get("aud")))
	c.jti = jsOr(given.obj["jti"], jsText(uuid4()))
	nowSec := float64(now.Unix())
	c.iat = jsOr(given.obj["iat"], &jsValue{kind: jsNumber, n: nowSec})
	c.exp = asapExpiry(given.obj["exp"], p.get("exp"), nowSec)
	c.kid = jsOr(given.obj["kid"], jsText(p.get("kid")))
	return c
}

// asapExpiry is the token's exp: the claims' own when it reads as a
// non-zero integer, otherwise now plus the block's exp seconds (3600 when
// that is missing or zero).
func asapExpiry(claim *jsValue, seconds string, nowSec float64) *jsValue {
	if claim != nil && claim.truthy() {
		if n, ok := jsParseInt(claim.text()); ok && n != 0 {
			return &jsValue{kind: jsNumber, n: n}
		}
	}
	expiry := float64(3600)
	if n, ok := jsParseInt(seconds); ok && n != 0 {
		expiry = n
	}
	return &jsValue{kind: jsNumber, n: nowSec + expiry}
}

// asapSigner reads the private key for alg; an RSA key must have at least
// 2048 bits, as jose requires.
func asapSigner(kid, privateKey, alg string) (crypto.Signer, error) {
	signer, err := asapKey(kid, privateKey)
	if err != nil {
		return nil, errors.New("failed to parse private key")
	}
	if k, ok := signer.(*rsa.PrivateKey); ok && alg[:2] != "ES" && k.N.BitLen() < 2048 {
		return nil, errors.New(alg + " requires key modulusLength to be 2048 bits or larger")
	}
	return signer, nil
}

// sign sets c on the given claims in jose's SignJWT order (a claim already
// there keeps its place and takes the value) and returns the signed token.
func (c asapClaims) sign(claims *jsValue, alg string, signer crypto.Signer) (string, error) {
	header := newJSObject()
	header.set("alg", jsText(alg))
	header.set("kid", c.kid)
	claims.set("iat", c.iat)
	claims.set("iss", c.iss)
	claims.set("sub", c.sub)
	claims.set("jti", c.jti)
	claims.set("aud", c.aud)
	claims.set("exp", c.exp)
	b64 := base64.RawURLEncoding
	input := b64.EncodeToString([]byte(header.stringify())) + "." + b64.EncodeToString([]byte(claims.stringify()))
	sig, err := jwtSignWith(alg, input, signer)
	if err != nil {
		return "", errors.New("failed to sign request with key")
	}
	return input + "." + b64.EncodeToString(sig), nil
}

// jsText is a JavaScript string value.
func jsText(s string) *jsValue { return &jsValue{kind: jsString, s: s} }

// jsOr is JavaScript's a || b || ...: the first truthy value, or nil.
func jsOr(vals ...*jsValue) *jsValue {
	for _, v := range vals {
		if v != nil && v.truthy() {
			return v
		}
	}
	return nil
}

// asapKey reads the private key as the asap authorizer does: line feeds
// removed, surrounding quotes trimmed, URI-decoded; a data URI (whose kid
// must match) holds DER, anything else must be a PKCS #8 PEM (jose's
// importPKCS8).
func asapKey(kid, s string) (crypto.Signer, error) {
	s = strings.ReplaceAll(s, "\n", "")
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	s, err := url.PathUnescape(s)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(s, "data:") {
		m := asapDataURI.FindStringSubmatch(s)
		if m == nil || m[1] != kid {
			return nil, errors.New("malformed data URI or kid mismatch")
		}
		der, err := base64.StdEncoding.DecodeString(m[2])
		if err != nil {
			return nil, err
		}
		if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
			if rk, ok := k.(*rsa.PrivateKey); ok {
				return rk, nil
			}
			return nil, errors.New("data URI key is not RSA")
		}
		return x509.ParsePKCS1PrivateKey(der)
	}
	body := strings.NewReplacer("-----BEGIN PRIVATE KEY-----", "", "-----END PRIVATE KEY-----", "").Replace(s)
	body = strings.Join(strings.Fields(body), "")
	der, err := base64.StdEncoding.DecodeString(body)
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, err
	}
	signer, ok := k.(crypto.Signer)
	if !ok {
		return nil, errors.New("unsupported key")
	}
	if _, isEC := signer.(*ecdsa.PrivateKey); !isEC {
		if _, isRSA := signer.(*rsa.PrivateKey); !isRSA {
			return nil, errors.New("unsupported key")
		}
	}
	return signer, nil
}

// truthy is JavaScript's truthiness of the value.
func (v *jsValue) truthy() bool {
	switch v.kind {
	case jsNull:
		return false
	case jsBool:
		return v.b
	case jsNumber:
		return v.n != 0 && !math.IsNaN(v.n)
	case jsString:
		return v.s != ""
	}
	return true
}

// text is String(v) for the scalars parseInt and kid comparisons read.
func (v *jsValue) text() string {
	switch v.kind {
	case jsString:
		return v.s
	case jsNumber:
		return jsNumberString(v.n)
	case jsBool:
		return strconv.FormatBool(v.b)
	case jsNull:
		return "null"
	}
	return v.stringify()
}

// jsParseInt is parseInt(s, 10): leading spaces, a sign, then digits; ok
// is false for NaN.
func jsParseInt(s string) (float64, bool) {
	s = strings.TrimLeft(s, " \t\n\r\v\f")
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return 0, false
	}
	n, err := strconv.ParseFloat(s[:j], 64)
	return n, err == nil
}
