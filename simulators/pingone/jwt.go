package pingone

import (
	"crypto"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
)

var b64 = base64.RawURLEncoding

// kid names an environment's key in JWT headers and the JWKS.
func kid(env *environment) string { return "default-" + env.id[:8] }

// sign returns a compact JWS of claims with the environment's key.
func (s *Server) sign(env *environment, claims map[string]any) string {
	rsaKey, hsKey := s.keyFor(env)
	alg := "RS256"
	if hsKey != nil {
		alg = "HS256"
	}
	hdr, _ := json.Marshal(map[string]any{"alg": alg, "typ": "JWT", "kid": kid(env)})
	body, _ := json.Marshal(claims)
	input := b64.EncodeToString(hdr) + "." + b64.EncodeToString(body)
	sum := sha256.Sum256([]byte(input))
	var sig []byte
	if hsKey != nil {
		m := hmac.New(sha256.New, hsKey)
		m.Write([]byte(input))
		sig = m.Sum(nil)
	} else {
		var err error
		sig, err = rsa.SignPKCS1v15(nil, rsaKey, crypto.SHA256, sum[:])
		if err != nil {
			panic("pingone: signing a token: " + err.Error()) // only fails on a broken key
		}
	}
	return input + "." + b64.EncodeToString(sig)
}

var errBadToken = errors.New("malformed or unsigned token")

// parseJWT splits a compact JWS and decodes its claims without verifying.
func parseJWT(tok string) (header, claims map[string]any, input string, sig []byte, err error) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return nil, nil, "", nil, errBadToken
	}
	hb, err1 := b64.DecodeString(parts[0])
	cb, err2 := b64.DecodeString(parts[1])
	sig, err3 := b64.DecodeString(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, nil, "", nil, errBadToken
	}
	if json.Unmarshal(hb, &header) != nil || json.Unmarshal(cb, &claims) != nil {
		return nil, nil, "", nil, errBadToken
	}
	return header, claims, parts[0] + "." + parts[1], sig, nil
}

// verify checks a token's signature against the environment it names in
// its "env" claim. It does not check expiry. The caller holds s.mu.
func (s *Server) verify(tok string) (map[string]any, *environment, error) {
	header, claims, input, sig, err := parseJWT(tok)
	if err != nil {
		return nil, nil, err
	}
	envID, _ := claims["env"].(string)
	env := s.envs[envID]
	if env == nil {
		return nil, nil, errBadToken
	}
	if h, _ := header["kid"].(string); h != kid(env) {
		return nil, nil, errBadToken
	}
	sum := sha256.Sum256([]byte(input))
	switch header["alg"] {
	case "RS256":
		if env.rsaKey == nil || rsa.VerifyPKCS1v15(&env.rsaKey.PublicKey, crypto.SHA256, sum[:], sig) != nil {
			return nil, nil, errBadToken
		}
	case "HS256":
		if env.hsKey == nil {
			return nil, nil, errBadToken
		}
		m := hmac.New(sha256.New, env.hsKey)
		m.Write([]byte(input))
		if subtle.ConstantTimeCompare(m.Sum(nil), sig) != 1 {
			return nil, nil, errBadToken
		}
	default:
		return nil, nil, errBadToken
	}
	return claims, env, nil
}

// jwk is the environment's public key as a JWKS entry.
func (s *Server) jwk(env *environment) map[string]any {
	rsaKey, _ := s.keyFor(env)
	if rsaKey == nil {
		return nil // HS256 keys are secret: nothing to publish
	}
	return map[string]any{
		"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid(env),
		"n": b64.EncodeToString(rsaKey.N.Bytes()),
		"e": b64.EncodeToString(big.NewInt(int64(rsaKey.E)).Bytes()),
	}
}

func numClaim(claims map[string]any, key string) int64 {
	f, _ := claims[key].(float64)
	return int64(f)
}
