package scripting

import (
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
)

// AES key wrap (RFC 3394), crypto.subtle's AES-KW: wrapKey and unwrapKey
// only. The data is a key in 64-bit blocks, at least two of them; the
// default initial value guards integrity, so a wrong key or a changed
// message fails unwrapping (as the one OperationError, like every
// WebCrypto failure).

var kwIV = [8]byte{0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6}

func keyWrap(block cipher.Block, plain []byte) ([]byte, error) {
	if len(plain) < 16 || len(plain)%8 != 0 {
		return nil, errOperation
	}
	n := len(plain) / 8
	out := make([]byte, 8+len(plain))
	copy(out, kwIV[:])
	copy(out[8:], plain)
	var buf [16]byte
	for j := range 6 {
		for i := 1; i <= n; i++ {
			copy(buf[:8], out[:8])
			copy(buf[8:], out[8*i:8*i+8])
			block.Encrypt(buf[:], buf[:])
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(out[:8], binary.BigEndian.Uint64(buf[:8])^t)
			copy(out[8*i:8*i+8], buf[8:])
		}
	}
	return out, nil
}

func keyUnwrap(block cipher.Block, wrapped []byte) ([]byte, error) {
	if len(wrapped) < 24 || len(wrapped)%8 != 0 {
		return nil, errOperation
	}
	n := len(wrapped)/8 - 1
	out := make([]byte, len(wrapped))
	copy(out, wrapped)
	var buf [16]byte
	for j := 5; j >= 0; j-- {
		for i := n; i >= 1; i-- {
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(buf[:8], binary.BigEndian.Uint64(out[:8])^t)
			copy(buf[8:], out[8*i:8*i+8])
			block.Decrypt(buf[:], buf[:])
			copy(out[:8], buf[:8])
			copy(out[8*i:8*i+8], buf[8:])
		}
	}
	if subtle.ConstantTimeCompare(out[:8], kwIV[:]) != 1 {
		return nil, errOperation
	}
	return out[8:], nil
}
