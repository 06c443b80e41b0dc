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
	claims := newJSObject()
	if raw := strings.TrimSpace(p.get("claims")); raw != "" {
		v, err := parseJSJSON(raw)
		if err != nil {
			return errors.New("failed to parse claims")
		}
		if v.kind != jsObject {
			return errors.New("JWT Claims Set MUST be an object")
		}
		claims = v
	}
	str := func(s string) *jsValue { return &jsValue{kind: jsString, s: s} }
	// first is JavaScript's a || b: the first truthy value.
	first := func(vals ...*jsValue) *jsValue {
		for _, v := range vals {
			if v != nil && v.truthy() {
				return v
			}
		}
		return nil
	}
	issuer := first(claims.obj["iss"], str(p.get("iss")))
	subject := first(claims.obj["sub"], str(p.get("sub")), issuer)
	audience := first(claims.obj["aud"], str(p.get("aud")))
	jti := first(claims.obj["jti"], str(uuid4()))
	nowSec := float64(now.Unix())
	iat := first(claims.obj["iat"], &jsValue{kind: jsNumber, n: nowSec})
	expiry := float64(3600)
	if n, ok := jsParseInt(p.get("exp")); ok && n != 0 {
		expiry = n
	}
	exp := &jsValue{kind: jsNumber, n: nowSec + expiry}
	if c := claims.obj["exp"]; c != nil && c.truthy() {
		if n, ok := jsParseInt(c.text()); ok && n != 0 {
			exp = &jsValue{kind: jsNumber, n: n}
		}
	}
	kid := first(claims.obj["kid"], str(p.get("kid")))
	alg := p.get("alg")
	if alg == "" {
		alg = "RS256"
	}
	privateKey := p.get("privateKey")
	if kid == nil || issuer == nil || audience == nil || privateKey == "" {
		return errors.New("one or more of required claims missing")
	}
	if len(alg) != 5 || jwtHashes[alg[2:]] == 0 || !strings.Contains("RS PS ES", alg[:2]) {
		return errors.New("invalid algorithm")
	}
	signer, err := asapKey(kid.text(), privateKey)
	if err != nil {
		return errors.New("failed to parse private key")
	}
	if k, ok := signer.(*rsa.PrivateKey); ok && alg[:2] != "ES" && k.N.BitLen() < 2048 {
		return errors.New(alg + " requires key modulusLength to be 2048 bits or larger")
	}

	header := newJSObject()
	header.set("alg", str(alg))
	header.set("kid", kid)
	// jose's SignJWT setters, in its order: a claim already there keeps
	// its place and takes the value.
	claims.set("iat", iat)
	claims.set("iss", issuer)
	claims.set("sub", subject)
	claims.set("jti", jti)
	claims.set("aud", audience)
	claims.set("exp", exp)
	b64 := base64.RawURLEncoding
	input := b64.EncodeToString([]byte(header.stringify())) + "." + b64.EncodeToString([]byte(claims.stringify()))
	sig, err := jwtSignWith(alg, input, signer)
	if err != nil {
		return errors.New("failed to sign request with key")
	}
	setHeader(req.Header, "Authorization", "Bearer "+input+"."+b64.EncodeToString(sig))
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
