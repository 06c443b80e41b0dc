// Package latin1 maps bytes to characters one to one, as Node's "latin1"
// (and "binary") encoding does: header names and values, a request
// target, btoa's input and a body read as binary are latin1 text. It is
// one place for the loops that vault (masking such forms of a secret),
// runner, runner/wire and scripting each had.
package latin1

import (
	"strings"
	"unicode/utf8"
)

// Decode reads s's bytes as latin1: each byte is the character of its
// value, so UTF-8 bytes come out as two or more characters each. s itself
// (no copy) when it is all ASCII.
func Decode(s string) string { return decode(s) }

// DecodeBytes is Decode for a byte slice; it always copies.
func DecodeBytes(b []byte) string { return decode(b) }

func decode[T string | []byte](s T) string {
	high := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			high++
		}
	}
	if high == 0 {
		return string(s)
	}
	var b strings.Builder
	b.Grow(len(s) + high) // U+0080..U+00FF take two bytes in UTF-8
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			continue
		}
		b.WriteByte(0xC0 | c>>6)
		b.WriteByte(0x80 | c&0x3F)
	}
	return b.String()
}

// Encode writes s one byte a character, as Node writes latin1; false when
// a character is beyond U+00FF (a byte that is not UTF-8 reads as
// U+FFFD, beyond too). s itself when it is all ASCII.
func Encode(s string) (string, bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if r > 0xFF {
			return "", false
		}
		b.WriteByte(byte(r))
	}
	return b.String(), true
}
