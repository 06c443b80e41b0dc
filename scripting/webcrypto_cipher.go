package scripting

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"io"
)

// The ciphers behind crypto.subtle's encrypt and decrypt (see wcCipher).
// They return errors rather than throw, so they are plain Go, tested
// without a script: WebCrypto reports every failure as one OperationError
// that says nothing of the cause (a wrong key and a tampered message read
// the same), so errOperation carries no detail either.

var (
	errOperation     = errors.New("the operation failed for an operation-specific reason")
	errUnknownCipher = errors.New("unrecognized algorithm name")
)

// rsaOAEP encrypts with an SPKI public key or decrypts with a PKCS #8
// private key. random is the engine's source, so seeded runs repeat.
func rsaOAEP(decrypt bool, hash string, key, data, label []byte, random io.Reader) ([]byte, error) {
	ch := cryptoHash(hash)
	if ch == 0 {
		return nil, errOperation
	}
	if decrypt {
		k, err := x509.ParsePKCS8PrivateKey(key)
		priv, ok := k.(*rsa.PrivateKey)
		if err != nil || !ok {
			return nil, errOperation
		}
		return orOperationError(rsa.DecryptOAEP(ch.New(), nil, priv, data, label))
	}
	k, err := x509.ParsePKIXPublicKey(key)
	pub, ok := k.(*rsa.PublicKey)
	if err != nil || !ok {
		return nil, errOperation
	}
	return orOperationError(rsa.EncryptOAEP(ch.New(), random, pub, data, label))
}

// orOperationError hides a library's error behind errOperation.
func orOperationError(out []byte, err error) ([]byte, error) {
	if err != nil {
		return nil, errOperation
	}
	return out, nil
}

// aesCipher runs one AES mode with a raw key. A key of the wrong length
// fails before the mode is looked at, whatever the mode.
func aesCipher(decrypt bool, alg string, key, data, iv, aad []byte, tagBits int) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, errOperation
	}
	switch alg {
	case "AES-GCM":
		return gcmCipher(decrypt, block, data, iv, aad, tagBits)
	case "AES-CBC":
		if decrypt {
			return cbcDecrypt(block, iv, data)
		}
		return cbcEncrypt(block, iv, data)
	case "AES-CTR":
		return ctrCipher(block, iv, data)
	case "AES-KW":
		if decrypt {
			return keyUnwrap(block, data)
		}
		return keyWrap(block, data)
	}
	return nil, errUnknownCipher
}

// gcmCipher seals (the tag appended) or opens an AES-GCM message.
func gcmCipher(decrypt bool, block cipher.Block, data, iv, aad []byte, tagBits int) ([]byte, error) {
	g, err := newGCM(block, len(iv), tagBits)
	if err != nil {
		return nil, err
	}
	if decrypt {
		return orOperationError(g.Open(nil, iv, data, aad))
	}
	return g.Seal(nil, iv, data, aad), nil
}

// newGCM is AES-GCM with WebCrypto's parameters: any IV length, a tag of
// 96 to 128 bits in whole bytes (128 when not given). Go takes either an
// IV length of one's own or a short tag, not both, so a short tag works
// only with the standard 12-byte IV.
func newGCM(block cipher.Block, ivLen, tagBits int) (cipher.AEAD, error) {
	if tagBits == 0 {
		tagBits = 128
	}
	if tagBits%8 != 0 || tagBits < 96 || tagBits > 128 || ivLen == 0 {
		return nil, errOperation
	}
	g, err := cipher.NewGCMWithNonceSize(block, ivLen)
	if err == nil && tagBits != 128 {
		g, err = cipher.NewGCMWithTagSize(block, tagBits/8)
		if err == nil && ivLen != g.NonceSize() {
			return nil, errOperation
		}
	}
	if err != nil {
		return nil, errOperation
	}
	return g, nil
}

// cbcEncrypt is AES-CBC with PKCS #7 padding, which WebCrypto always adds.
func cbcEncrypt(block cipher.Block, iv, data []byte) ([]byte, error) {
	if len(iv) != aes.BlockSize {
		return nil, errOperation
	}
	in := pkcs7Pad(data, aes.BlockSize)
	out := make([]byte, len(in))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, in)
	return out, nil
}

// cbcDecrypt undoes cbcEncrypt; a message that is not whole blocks or
// whose padding is wrong fails.
func cbcDecrypt(block cipher.Block, iv, data []byte) ([]byte, error) {
	if len(iv) != aes.BlockSize || len(data) == 0 || len(data)%aes.BlockSize != 0 {
		return nil, errOperation
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, data)
	return pkcs7Unpad(out, aes.BlockSize)
}

// pkcs7Pad appends n bytes of value n (1 to size), so that the length is
// a multiple of size; a copy, data is left alone.
func pkcs7Pad(data []byte, size int) []byte {
	pad := size - len(data)%size
	in := append(append([]byte(nil), data...), make([]byte, pad)...)
	for i := len(data); i < len(in); i++ {
		in[i] = byte(pad)
	}
	return in
}

// pkcs7Unpad takes pkcs7Pad's padding off; padding that pkcs7Pad could
// not have written fails.
func pkcs7Unpad(out []byte, size int) ([]byte, error) {
	if len(out) == 0 {
		return nil, errOperation
	}
	pad := int(out[len(out)-1])
	if pad == 0 || pad > size || pad > len(out) {
		return nil, errOperation
	}
	for _, b := range out[len(out)-pad:] {
		if int(b) != pad {
			return nil, errOperation
		}
	}
	return out[:len(out)-pad], nil
}

// ctrCipher is AES-CTR with the whole 16-byte IV as the counter block
// (encrypting and decrypting are the same).
func ctrCipher(block cipher.Block, iv, data []byte) ([]byte, error) {
	if len(iv) != aes.BlockSize {
		return nil, errOperation
	}
	out := make([]byte, len(data))
	cipher.NewCTR(block, iv).XORKeyStream(out, data)
	return out, nil
}
