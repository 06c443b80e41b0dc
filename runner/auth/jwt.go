package auth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	_ "crypto/sha256" // registers SHA-256 for crypto.Hash.New
	_ "crypto/sha512" // registers SHA-384/512 for crypto.Hash.New
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// jwtHashes maps a JWS algorithm's bit size to its hash.
var jwtHashes = map[string]crypto.Hash{"256": crypto.SHA256, "384": crypto.SHA384, "512": crypto.SHA512}

// applyJWT generates a JWT from the block and adds it as postman-runtime's
// jwt authorizer does: Authorization: <headerPrefix|Bearer> <token> by
// default, or ?<queryParamKey|token>=<token> with addTokenTo=queryParam.
func applyJWT(req *http.Request, p params) error {
	alg := p.get("algorithm")
	if len(alg) != 5 || jwtHashes[alg[2:]] == 0 || !strings.Contains("HS RS PS ES", alg[:2]) {
		return errors.New("invalid algorithm")
	}
	hs := alg[:2] == "HS"
	secret, privateKey := p.get("secret"), p.get("privateKey")
	if hs && secret == "" {
		return errors.New("invalid secret key, enter a valid key")
	}
	if !hs && privateKey == "" {
		return errors.New("invalid private key, enter a valid key")
	}

	header := newJSObject()
	if raw := strings.TrimSpace(p.get("header")); raw != "" {
		h, err := parseJSJSON(raw)
		if err != nil {
			return fmt.Errorf("parsing header: %w", err)
		}
		if h.kind != jsObject {
			return errors.New("header must be a JSON object")
		}
		header = h
	}
	// The top-level algorithm wins over any "alg" in the header.
	header.set("alg", &jsValue{kind: jsString, s: alg})
	payload := newJSObject()
	if raw := strings.TrimSpace(p.get("payload")); raw != "" {
		v, err := parseJSJSON(raw)
		if err != nil {
			return fmt.Errorf("parsing payload: %w", err)
		}
		if v.kind != jsObject {
			return errors.New("JWT claims set must be a JSON object")
		}
		payload = v
	}
	b64 := base64.RawURLEncoding
	input := b64.EncodeToString([]byte(header.stringify())) + "." + b64.EncodeToString([]byte(payload.stringify()))
	sig, err := jwtSign(alg, input, secret, p.flag("isSecretBase64Encoded"), privateKey)
	if err != nil {
		return err
	}
	token := input + "." + b64.EncodeToString(sig)

	switch addTo := p.get("addTokenTo"); addTo {
	case "", "header":
		prefix := "Bearer"
		if p.has("headerPrefix") {
			prefix = p.get("headerPrefix")
		}
		if prefix != "" {
			prefix += " "
		}
		setHeader(req.Header, "Authorization", prefix+token)
	case "queryParam":
		key := p.get("queryParamKey")
		if key == "" {
			key = "token"
		}
		removeQuery(req.URL, key)
		addQuery(req.URL, key, token)
	}
	return nil
}

// jwtSign signs the JWS signing input.
func jwtSign(alg, input, secret string, secretB64 bool, privateKey string) ([]byte, error) {
	h := jwtHashes[alg[2:]]
	if alg[:2] == "HS" {
		key := []byte(secret)
		if secretB64 {
			k, err := lenientBase64(secret)
			if err != nil {
				return nil, fmt.Errorf("decoding base64 secret: %w", err)
			}
			key = k
		}
		m := hmac.New(h.New, key)
		m.Write([]byte(input))
		return m.Sum(nil), nil
	}
	signer, err := parsePrivateKey(privateKey)
	if err != nil {
		return nil, err
	}
	return jwtSignWith(alg, input, signer)
}

// jwtSignWith signs the JWS signing input with an RS, PS or ES algorithm.
func jwtSignWith(alg, input string, signer crypto.Signer) ([]byte, error) {
	h := jwtHashes[alg[2:]]
	d := h.New()
	d.Write([]byte(input))
	digest := d.Sum(nil)
	switch alg[:2] {
	case "RS", "PS":
		k, ok := signer.(*rsa.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("%s needs an RSA private key", alg)
		}
		if alg[:2] == "RS" {
			return rsa.SignPKCS1v15(rand.Reader, k, h, digest)
		}
		return rsa.SignPSS(rand.Reader, k, h, digest, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	default: // ES
		k, ok := signer.(*ecdsa.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("%s needs an EC private key", alg)
		}
		want := map[string]int{"256": 256, "384": 384, "512": 521}[alg[2:]]
		if k.Curve.Params().BitSize != want {
			return nil, fmt.Errorf("%s needs a P-%d key", alg, want)
		}
		r, s, err := ecdsa.Sign(rand.Reader, k, digest)
		if err != nil {
			return nil, fmt.Errorf("ecdsa signing: %w", err)
		}
		size := (want + 7) / 8
		out := make([]byte, 2*size)
		r.FillBytes(out[:size])
		s.FillBytes(out[size:])
		return out, nil
	}
}

// lenientBase64 decodes like Node's Buffer.from(s, "base64"): standard or
// URL alphabet, padding optional, whitespace ignored.
func lenientBase64(s string) ([]byte, error) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\n', '\r', '\t', '=':
			return -1
		case '-':
			return '+'
		case '_':
			return '/'
		}
		return r
	}, s)
	return base64.RawStdEncoding.DecodeString(s)
}
