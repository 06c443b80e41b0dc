package scripting

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"testing"
)

func hexOf(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Known answers: NIST SP 800-38A (CBC F.2.1, CTR F.5.1, first block), the
// GCM specification's test case 2, and Node 20's crypto for the GCM
// parameters WebCrypto adds (a short tag with additional data, a 16-byte
// IV); CBC's second block is PKCS #7 padding, as Node writes it.
func TestAESCipherKnownAnswers(t *testing.T) {
	t.Parallel()
	nistKey := hexOf(t, "2b7e151628aed2a6abf7158809cf4f3c")
	nistPlain := hexOf(t, "6bc1bee22e409f96e93d7e117393172a")
	zero16 := make([]byte, 16)
	tests := []struct {
		name, alg      string
		key, iv, plain []byte
		aad            []byte
		tagBits        int
		want           string
	}{
		{"CBC", "AES-CBC", nistKey, hexOf(t, "000102030405060708090a0b0c0d0e0f"), nistPlain, nil, 0,
			"7649abac8119b246cee98e9b12e9197d8964e0b149c10b7b682e6e39aaeb731c"},
		{"CTR: the IV is the counter block", "AES-CTR", nistKey, hexOf(t, "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), nistPlain, nil, 0,
			"874d6191b620e3261bef6864990db6ce"},
		{"GCM: 128-bit tag by default", "AES-GCM", zero16, make([]byte, 12), zero16, nil, 0,
			"0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"},
		{"GCM: 96-bit tag, additional data", "AES-GCM", zero16, make([]byte, 12), []byte("hi"), []byte("aad"), 96,
			"6be1dbcf05dbcbbd20f66311f639"},
		{"GCM: 16-byte IV", "AES-GCM", zero16, make([]byte, 16), []byte("hi"), nil, 128,
			"cbdbc8840d81176420599ecbe1c17afaa481"},
	}
	for _, tc := range tests {
		ct, err := aesCipher(false, tc.alg, tc.key, tc.plain, tc.iv, tc.aad, tc.tagBits)
		if err != nil || hex.EncodeToString(ct) != tc.want {
			t.Errorf("%s: encrypt %x %v, want %s", tc.name, ct, err, tc.want)
			continue
		}
		pt, err := aesCipher(true, tc.alg, tc.key, ct, tc.iv, tc.aad, tc.tagBits)
		if err != nil || !bytes.Equal(pt, tc.plain) {
			t.Errorf("%s: decrypt %x %v, want %x", tc.name, pt, err, tc.plain)
		}
	}
}

// TestAESKeyWrap: RFC 3394's test vectors 4.1 and 4.6 (a 128-bit key
// under a 128-bit and a 256-bit key under a 256-bit KEK), and what
// unwrapping refuses: a changed block, a wrong key, data not in 64-bit
// blocks or too short.
func TestAESKeyWrap(t *testing.T) {
	t.Parallel()
	tests := []struct{ kek, key, want string }{
		{"000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF",
			"1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"},
		{"000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F",
			"28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21"},
	}
	for _, tc := range tests {
		kek, key := hexOf(t, tc.kek), hexOf(t, tc.key)
		w, err := aesCipher(false, "AES-KW", kek, key, nil, nil, 0)
		if err != nil || hex.EncodeToString(w) != tc.want {
			t.Errorf("wrap under %s: %x %v, want %s", tc.kek, w, err, tc.want)
			continue
		}
		u, err := aesCipher(true, "AES-KW", kek, w, nil, nil, 0)
		if err != nil || !bytes.Equal(u, key) {
			t.Errorf("unwrap under %s: %x %v", tc.kek, u, err)
		}
		w[len(w)-1] ^= 1
		if _, err := aesCipher(true, "AES-KW", kek, w, nil, nil, 0); err != errOperation {
			t.Errorf("a changed message unwrapped: %v", err)
		}
	}
	kek := hexOf(t, tests[0].kek)
	w := hexOf(t, tests[0].want)
	other := bytes.Repeat([]byte{1}, 16)
	for name, f := range map[string]func() ([]byte, error){
		"wrong key":      func() ([]byte, error) { return aesCipher(true, "AES-KW", other, w, nil, nil, 0) },
		"not 64-bit":     func() ([]byte, error) { return aesCipher(true, "AES-KW", kek, w[:23], nil, nil, 0) },
		"one block":      func() ([]byte, error) { return aesCipher(true, "AES-KW", kek, w[:16], nil, nil, 0) },
		"wrap 15 bytes":  func() ([]byte, error) { return aesCipher(false, "AES-KW", kek, make([]byte, 15), nil, nil, 0) },
		"wrap one block": func() ([]byte, error) { return aesCipher(false, "AES-KW", kek, make([]byte, 8), nil, nil, 0) },
	} {
		if out, err := f(); err != errOperation {
			t.Errorf("%s: %x %v, want the OperationError", name, out, err)
		}
	}
}

// What WebCrypto refuses fails with the one OperationError; an algorithm
// the natives do not know is NotSupported, but only once the key is good.
func TestAESCipherRefuses(t *testing.T) {
	t.Parallel()
	key := make([]byte, 16)
	iv12, iv16 := make([]byte, 12), make([]byte, 16)
	gcm, _ := aesCipher(false, "AES-GCM", key, []byte("x"), iv12, nil, 0)
	tampered := append([]byte(nil), gcm...)
	tampered[0] ^= 1
	tests := []struct {
		name    string
		decrypt bool
		alg     string
		key, iv []byte
		data    []byte
		tagBits int
		want    error
	}{
		{"key of 15 bytes", false, "AES-GCM", make([]byte, 15), iv12, nil, 0, errOperation},
		{"bad key before unknown mode", false, "AES-XTS", make([]byte, 15), iv12, nil, 0, errOperation},
		{"unknown mode", false, "AES-XTS", key, iv12, nil, 0, errUnknownCipher},
		{"GCM without IV", false, "AES-GCM", key, nil, nil, 0, errOperation},
		{"GCM tag of 64 bits", false, "AES-GCM", key, iv12, nil, 64, errOperation},
		{"GCM tag of 100 bits", false, "AES-GCM", key, iv12, nil, 100, errOperation},
		{"GCM tag of 136 bits", false, "AES-GCM", key, iv12, nil, 136, errOperation},
		{"GCM short tag with a 16-byte IV", false, "AES-GCM", key, iv16, nil, 96, errOperation},
		{"GCM tampered", true, "AES-GCM", key, iv12, tampered, 0, errOperation},
		{"GCM shorter than its tag", true, "AES-GCM", key, iv12, gcm[:15], 0, errOperation},
		{"CBC IV of 12 bytes", false, "AES-CBC", key, iv12, []byte("x"), 0, errOperation},
		{"CBC empty message", true, "AES-CBC", key, iv16, nil, 0, errOperation},
		{"CBC partial block", true, "AES-CBC", key, iv16, make([]byte, 17), 0, errOperation},
		{"CTR IV of 12 bytes", false, "AES-CTR", key, iv12, []byte("x"), 0, errOperation},
	}
	for _, tc := range tests {
		out, err := aesCipher(tc.decrypt, tc.alg, tc.key, tc.data, tc.iv, nil, tc.tagBits)
		if !errors.Is(err, tc.want) || out != nil {
			t.Errorf("%s: %x %v, want %v", tc.name, out, err, tc.want)
		}
	}
}

func TestPKCS7(t *testing.T) {
	t.Parallel()
	for n := 0; n <= 33; n++ {
		data := bytes.Repeat([]byte{0xAA}, n)
		padded := pkcs7Pad(data, 16)
		pad := 16 - n%16
		if len(padded) != n+pad || padded[len(padded)-1] != byte(pad) || !bytes.Equal(padded[:n], data) {
			t.Errorf("pad %d bytes: %x", n, padded)
		}
		if len(data) > 0 && &padded[0] == &data[0] {
			t.Errorf("pad %d bytes: wrote into its argument", n)
		}
		got, err := pkcs7Unpad(padded, 16)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("unpad %d bytes: %x %v", n, got, err)
		}
	}
	for _, bad := range []string{
		"",
		"0102030405060708090a0b0c0d0e0f00", // 0 is no padding
		"0102030405060708090a0b0c0d0e0f11", // 17 is longer than a block
		"0102030405060708090a0b0c0d0e0302", // 02 02 wanted
		"0303",                             // longer than the message
	} {
		if got, err := pkcs7Unpad(hexOf(t, bad), 16); err == nil {
			t.Errorf("unpad %s: %x, want an error", bad, got)
		}
	}
}

// RSA-OAEP round trip with each hash and a label; the wrong kind of key,
// hash or label fails as OperationError.
func TestRSAOAEP(t *testing.T) {
	t.Parallel()
	k, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	priv, _ := x509.MarshalPKCS8PrivateKey(k)
	pub, _ := x509.MarshalPKIXPublicKey(&k.PublicKey)
	for _, hash := range []string{"SHA-1", "SHA-256", "SHA-384"} {
		ct, err := rsaOAEP(false, hash, pub, []byte("secret"), []byte("label"), rand.Reader)
		if err != nil || len(ct) != 128 {
			t.Fatalf("%s: encrypt %d bytes, %v", hash, len(ct), err)
		}
		pt, err := rsaOAEP(true, hash, priv, ct, []byte("label"), nil)
		if err != nil || string(pt) != "secret" {
			t.Errorf("%s: decrypt %q %v", hash, pt, err)
		}
		for name, try := range map[string]func() ([]byte, error){
			"other label":                 func() ([]byte, error) { return rsaOAEP(true, hash, priv, ct, nil, nil) },
			"other hash":                  func() ([]byte, error) { return rsaOAEP(true, "SHA-512", priv, ct, []byte("label"), nil) },
			"unknown hash":                func() ([]byte, error) { return rsaOAEP(true, "MD5", priv, ct, []byte("label"), nil) },
			"decrypt with the public key": func() ([]byte, error) { return rsaOAEP(true, hash, pub, ct, []byte("label"), nil) },
			"encrypt with the private key": func() ([]byte, error) {
				return rsaOAEP(false, hash, priv, []byte("x"), nil, rand.Reader)
			},
			"message too long": func() ([]byte, error) { return rsaOAEP(false, hash, pub, make([]byte, 128), nil, rand.Reader) },
		} {
			if out, err := try(); !errors.Is(err, errOperation) {
				t.Errorf("%s: %s: %x %v, want errOperation", hash, name, out, err)
			}
		}
	}
}
