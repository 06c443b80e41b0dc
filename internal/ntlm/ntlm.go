// Package ntlm holds the NTLM primitives of [MS-NLMP] that courier's NTLM
// auth (runner/auth) and the echo server's NTLM endpoint (simulators/echo)
// share: the password hashes, the DES-based and HMAC-MD5-based responses and
// the byte layout of the three messages. What a client chooses to put in a
// message (Postman's quirks) stays with the client.
package ntlm

import (
	"crypto/des"
	"crypto/hmac"
	"crypto/md5"
	"encoding/binary"
	"errors"
	"unicode/utf16"

	//lint:ignore SA1019 NTLM is defined on MD4; it is not used for anything else.
	"golang.org/x/crypto/md4"
)

// Negotiate flags ([MS-NLMP] 2.2.2.5) that courier and the echo server use.
const (
	FlagUnicode             = 0x00000001
	FlagOEM                 = 0x00000002
	FlagRequestTarget       = 0x00000004
	FlagNTLM                = 0x00000200
	FlagDomainSupplied      = 0x00001000
	FlagWorkstationSupplied = 0x00002000
	FlagAlwaysSign          = 0x00008000
	FlagExtendedSecurity    = 0x00080000
	FlagTargetInfo          = 0x00800000
	FlagVersion             = 0x02000000
	Flag128                 = 0x20000000
	Flag56                  = 0x80000000
)

// Signature starts every NTLM message.
const Signature = "NTLMSSP\x00"

// ErrMalformed is returned for a message too short or of the wrong type.
var ErrMalformed = errors.New("malformed NTLM message")

// UTF16LE is s as UTF-16 code units, little-endian (Node's 'utf16le').
func UTF16LE(s string) []byte {
	units := utf16.Encode([]rune(s))
	out := make([]byte, 2*len(units))
	for i, u := range units {
		binary.LittleEndian.PutUint16(out[2*i:], u)
	}
	return out
}

// NTHash is MD4 of the password in UTF-16LE (NTOWFv1).
func NTHash(password string) []byte {
	h := md4.New()
	h.Write(UTF16LE(password))
	return h.Sum(nil)
}

// LMHash is LMOWFv1 of password bytes the caller has already upper-cased
// and encoded: DES of "KGS!@#$%" under each 7-byte half of the password
// padded or cut to 14 bytes.
func LMHash(password []byte) []byte {
	var p [14]byte
	copy(p[:], password)
	out := make([]byte, 0, 16)
	out = append(out, desEncrypt(p[:7], []byte("KGS!@#$%"))...)
	return append(out, desEncrypt(p[7:], []byte("KGS!@#$%"))...)
}

// DESL is the 24-byte response to an 8-byte challenge under a 16-byte hash:
// the hash padded to 21 bytes, three DES keys of 7 bytes each.
func DESL(hash, challenge []byte) []byte {
	var k [21]byte
	copy(k[:], hash)
	out := make([]byte, 0, 24)
	for i := 0; i < 21; i += 7 {
		out = append(out, desEncrypt(k[i:i+7], challenge[:8])...)
	}
	return out
}

// desEncrypt encrypts one block with a 7-byte key spread over 8 bytes (a
// zero parity bit after every seven key bits).
func desEncrypt(key7, block []byte) []byte {
	var key [8]byte
	var bits uint64
	for _, b := range key7 {
		bits = bits<<8 | uint64(b)
	}
	for i := range 8 {
		key[i] = byte(bits>>(49-7*i)) << 1
	}
	c, err := des.NewCipher(key[:])
	if err != nil {
		panic(err) // an 8-byte key is always valid
	}
	out := make([]byte, 8)
	c.Encrypt(out, block[:8])
	return out
}

// HMACMD5 is HMAC-MD5 of the concatenated parts.
func HMACMD5(key []byte, parts ...[]byte) []byte {
	m := hmac.New(md5.New, key)
	for _, p := range parts {
		m.Write(p)
	}
	return m.Sum(nil)
}

// SessionChallenge is the first 8 bytes of MD5(server || client challenge),
// the challenge an NTLM2 session response (NTLMv1 with extended session
// security) answers.
func SessionChallenge(server, client []byte) []byte {
	h := md5.New()
	h.Write(server)
	h.Write(client)
	return h.Sum(nil)[:8]
}

// Field is a (length, max length, offset) triple of a message header.
type Field struct{ Len, Max, Off int }

// ReadField reads the triple at off; ok is false when it does not fit in
// msg or points past its end.
func ReadField(msg []byte, off int) ([]byte, bool) {
	if off+8 > len(msg) {
		return nil, false
	}
	// In 64 bits: an offset near 2³² is negative as a 32-bit int.
	n := uint64(binary.LittleEndian.Uint16(msg[off:]))
	at := uint64(binary.LittleEndian.Uint32(msg[off+4:]))
	if at > uint64(len(msg)) || n > uint64(len(msg))-at {
		return nil, false
	}
	return msg[at : at+n], true
}

// PutField writes the triple f at off.
func PutField(msg []byte, off int, f Field) {
	binary.LittleEndian.PutUint16(msg[off:], uint16(f.Len))
	binary.LittleEndian.PutUint16(msg[off+2:], uint16(f.Max))
	binary.LittleEndian.PutUint32(msg[off+4:], uint32(f.Off))
}

// Type reads a message's type (1, 2 or 3) after checking its signature.
func Type(msg []byte) (uint32, error) {
	if len(msg) < 12 || string(msg[:8]) != Signature {
		return 0, ErrMalformed
	}
	return binary.LittleEndian.Uint32(msg[8:]), nil
}
