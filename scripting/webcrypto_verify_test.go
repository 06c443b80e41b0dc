package scripting

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"
)

// TestWebCryptoSignaturesVerifyInGo checks crypto.subtle's signatures
// against Go's own RSA and ECDSA code: signatures the sandbox makes verify
// there over the message's digest, and a signature made there verifies in
// the sandbox. Round trips inside the sandbox alone (webCryptoProbe) would
// pass with a wrong digest on both sides.
func TestWebCryptoSignaturesVerifyInGo(t *testing.T) {
	t.Parallel()
	rsaKey, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8 := func(k any) string {
		b, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return base64.StdEncoding.EncodeToString(b)
	}
	spki, err := x509.MarshalPKIXPublicKey(&rsaKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	msg := []byte("courier signs this")
	sum256, sum384 := crypto.SHA256.New(), crypto.SHA384.New()
	sum256.Write(msg)
	sum384.Write(msg)
	d256, d384 := sum256.Sum(nil), sum384.Sum(nil)
	goSig, err := rsa.SignPKCS1v15(nil, rsaKey, crypto.SHA384, d384)
	if err != nil {
		t.Fatal(err)
	}
	src := `const s = crypto.subtle, enc = new TextEncoder();
const bytes = b64 => Uint8Array.from(atob(b64), c => c.charCodeAt(0));
const hex = b => Array.from(new Uint8Array(b)).map(x => x.toString(16).padStart(2, '0')).join('');
const msg = enc.encode('courier signs this');
const rsa = await s.importKey('pkcs8', bytes('` + pkcs8(rsaKey) + `'), {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256'}, false, ['sign']);
const pss = await s.importKey('pkcs8', bytes('` + pkcs8(rsaKey) + `'), {name: 'RSA-PSS', hash: 'SHA-384'}, false, ['sign']);
const ec = await s.importKey('pkcs8', bytes('` + pkcs8(ecKey) + `'), {name: 'ECDSA', namedCurve: 'P-256'}, false, ['sign']);
const pub = await s.importKey('spki', bytes('` + base64.StdEncoding.EncodeToString(spki) + `'), {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384'}, false, ['verify']);
console.log(hex(await s.sign('RSASSA-PKCS1-v1_5', rsa, msg)));
console.log(hex(await s.sign({name: 'RSA-PSS', saltLength: 20}, pss, msg)));
console.log(hex(await s.sign({name: 'ECDSA', hash: 'SHA-256'}, ec, msg)));
console.log(String(await s.verify('RSASSA-PKCS1-v1_5', pub, bytes('` + base64.StdEncoding.EncodeToString(goSig) + `'), msg)));
console.log(String(await s.verify('RSASSA-PKCS1-v1_5', pub, bytes('` + base64.StdEncoding.EncodeToString(goSig) + `'), enc.encode('other'))));
`
	e, rec := newTestEngine(t, Options{})
	if r := e.Run(context.Background(), testExec("test", src)); r.Err != nil {
		t.Fatal(r.Err)
	}
	var lines []ConsoleLine
	for _, l := range rec.all() {
		if l.Level == "log" { // not atob's deprecation warning
			lines = append(lines, l)
		}
	}
	if len(lines) != 5 {
		t.Fatalf("want 5 lines, got %d: %v", len(lines), lines)
	}
	sig := func(i int) []byte {
		b, err := hex.DecodeString(strings.TrimSpace(lines[i].Message))
		if err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		return b
	}
	if err := rsa.VerifyPKCS1v15(&rsaKey.PublicKey, crypto.SHA256, d256, sig(0)); err != nil {
		t.Errorf("RSASSA-PKCS1-v1_5 SHA-256 signature does not verify in Go: %v", err)
	}
	if err := rsa.VerifyPSS(&rsaKey.PublicKey, crypto.SHA384, d384, sig(1), &rsa.PSSOptions{SaltLength: 20}); err != nil {
		t.Errorf("RSA-PSS SHA-384 signature does not verify in Go: %v", err)
	}
	if ec := sig(2); len(ec) != 64 || !ecdsa.Verify(&ecKey.PublicKey, d256, new(big.Int).SetBytes(ec[:32]), new(big.Int).SetBytes(ec[32:])) {
		t.Errorf("ECDSA P-256 SHA-256 signature (r||s) does not verify in Go: %x", ec)
	}
	if lines[3].Message != "true" || lines[4].Message != "false" {
		t.Errorf("Go's RSA signature verified as %s (want true), over another message as %s (want false)", lines[3].Message, lines[4].Message)
	}
}
