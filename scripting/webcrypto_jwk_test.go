package scripting

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"reflect"
	"testing"
)

// A JWK made from a key (jwkOfPublic/jwkOfPrivate) reads back as the same
// key, public or private; what does not make a key of its kty is a jwkErr.
func TestDerOfJWK(t *testing.T) {
	t.Parallel()
	rk, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	ek, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	otherEC, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	_, edPriv, _ := ed25519.GenerateKey(rand.Reader)
	otherEd, _, _ := ed25519.GenerateKey(rand.Reader)
	for _, k := range []any{rk, ek, edPriv} {
		for _, private := range []bool{false, true} {
			var m map[string]string
			var want any
			if private {
				m, want = jwkOfPrivate(k), k
			} else {
				pub := k.(crypto.Signer).Public()
				m, want = jwkOfPublic(pub), pub
			}
			der, gotPrivate, err := derOfJWK(m)
			if err != nil || gotPrivate != private {
				t.Errorf("%T private=%v: %v, private %v", k, private, err, gotPrivate)
				continue
			}
			var wantDER []byte
			if private {
				wantDER, err = x509.MarshalPKCS8PrivateKey(want)
			} else {
				wantDER, err = x509.MarshalPKIXPublicKey(want)
			}
			if err != nil || !bytes.Equal(der, wantDER) {
				t.Errorf("%T private=%v: DER differs from the key's own (%v)", k, private, err)
			}
		}
	}
	with := func(m map[string]string, k, v string) map[string]string {
		c := map[string]string{}
		for k2, v2 := range m {
			c[k2] = v2
		}
		if v == "-" {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	rsaPriv, ecPriv, edJWK := jwkOfPrivate(rk), jwkOfPrivate(ek), jwkOfPrivate(edPriv)
	bad := []struct {
		name string
		m    map[string]string
	}{
		{"no kty", with(rsaPriv, "kty", "-")},
		{"secret key", map[string]string{"kty": "oct", "k": "AAAA"}},
		{"RSA without e", with(rsaPriv, "e", "-")},
		{"RSA private without q", with(rsaPriv, "q", "-")},
		{"RSA private with a wrong p", with(rsaPriv, "p", "AQAB")},
		{"RSA n not base64url", with(rsaPriv, "n", "!!")},
		{"EC unknown curve", with(ecPriv, "crv", "P-192")},
		{"EC x too short", with(ecPriv, "x", "AAAA")},
		{"EC point off the curve", with(ecPriv, "y", ecPriv["x"])},
		{"EC d of another key", with(ecPriv, "d", jwkOfPrivate(otherEC)["d"])},
		{"OKP Ed448", with(edJWK, "crv", "Ed448")},
		{"OKP x too short", with(edJWK, "x", "AAAA")},
		{"OKP seed too short", with(edJWK, "d", "AAAA")},
		{"OKP x of another key", with(edJWK, "x", jwkOfPublic(otherEd)["x"])}, // Node 20: DataError
	}
	for _, tc := range bad {
		der, private, err := derOfJWK(tc.m)
		if !errors.As(err, new(jwkErr)) || der != nil || private {
			t.Errorf("%s: %x %v %v, want jwkErr", tc.name, der, private, err)
		}
	}
	if !reflect.DeepEqual(jwkMembers{"x": "AQAB"}.raw("x"), []byte{1, 0, 1}) {
		t.Error("raw does not decode base64url")
	}
}
