package scripting

import (
	"unicode/utf16"

	"github.com/courier-run/courier/internal/utf7"
)

// The Unicode charsets iconv-lite 0.6.3 decodes besides UTF-8 and UTF-16:
// UTF-32 (utf32le, utf32be and the "utf32" that guesses the order) and
// UTF-7 (RFC 2152) with IMAP's variant (RFC 3501). Newman's text() names
// them by these charsets (fresh-round9n-a.json). A lone surrogate, which a
// JavaScript string holds and a Go string cannot, reads as U+FFFD in Text;
// ScriptText keeps it for scripts.

// unicodeUnits decodes the Unicode charsets other than UTF-8 (iconv-lite's
// name) into UTF-16 code units, a leading byte order mark dropped, as the
// JavaScript string Newman's text() gives: a lone surrogate stays one.
// false for any other charset.
func unicodeUnits(body []byte, name string) ([]uint16, bool) {
	var u []uint16
	switch name {
	case "ucs2":
		u = utf16Units(body, false)
	case "utf16be":
		u = utf16Units(body, true)
	case "utf16":
		u = utf16Units(body, utf16BigEndian(body))
	case "utf32", "utf32le", "utf32be":
		u = utf32Units(body, name == "utf32be" || name == "utf32" && utf32BigEndian(body))
	case "utf7", "utf7imap":
		u = utf7.Decode(body, name == "utf7imap")
	default:
		return nil, false
	}
	if len(u) > 0 && u[0] == 0xfeff {
		u = u[1:]
	}
	return u, true
}

// ScriptText is Text as scripts get it: a string, or, when the text holds
// a lone surrogate that a Go string cannot carry (a UTF-16, UTF-32 or UTF-7
// body: UTF-16 "00 d8" alone), its UTF-16 code units instead, as Newman's
// JavaScript string keeps it (fresh-round9n-a.json).
func (r *Response) ScriptText() (string, []uint16) { return scriptText(r.Body, r.Header) }

// loneSurrogate reports whether u holds a surrogate outside a pair.
func loneSurrogate(u []uint16) bool {
	for i := 0; i < len(u); i++ {
		switch {
		case u[i] < 0xd800 || u[i] > 0xdfff:
		case u[i] < 0xdc00 && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] <= 0xdfff:
			i++ // a pair
		default:
			return true
		}
	}
	return false
}

// utf16Units reads UTF-16 as Node's ucs2 does: an odd last byte is
// dropped.
func utf16Units(b []byte, bigEndian bool) []uint16 {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return u
}

// utf32Units decodes UTF-32 as iconv-lite does: four bytes a character, a
// value past U+10FFFF (or negative as an int32) one U+FFFD, a surrogate's
// value one code unit, up to three bytes cut off at the end dropped.
func utf32Units(b []byte, bigEndian bool) []uint16 {
	u := make([]uint16, 0, len(b)/4)
	for i := 0; i+3 < len(b); i += 4 {
		var cp uint32
		if bigEndian {
			cp = uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
		} else {
			cp = uint32(b[i+3])<<24 | uint32(b[i+2])<<16 | uint32(b[i+1])<<8 | uint32(b[i])
		}
		switch {
		case cp > 0x10ffff:
			u = append(u, 0xfffd)
		case cp >= 0x10000:
			r1, r2 := utf16.EncodeRune(rune(cp))
			u = append(u, uint16(r1), uint16(r2))
		default:
			u = append(u, uint16(cp))
		}
	}
	return u
}

// utf32BigEndian is iconv-lite's guess for "utf32": a byte order mark in
// the first four bytes says which; else, over the first 100 characters,
// the order with more BMP characters less impossible ones wins,
// little-endian on a tie.
func utf32BigEndian(b []byte) bool {
	if len(b) >= 4 {
		switch {
		case b[0] == 0xff && b[1] == 0xfe && b[2] == 0 && b[3] == 0:
			return false
		case b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff:
			return true
		}
	}
	le, be := 0, 0
	for i := 0; i+3 < len(b) && i < 400; i += 4 {
		c := [4]byte(b[i : i+4])
		le += utf32Vote(c[3], c[2], c[1], c[0])
		be += utf32Vote(c[0], c[1], c[2], c[3])
	}
	return be > le
}

// utf32Vote is one character's vote for a byte order, its bytes given
// most significant first: +1 for a BMP character (not NUL), -1 for an
// impossible one (beyond U+10FFFF), as iconv-lite counts them.
func utf32Vote(b0, b1, b2, b3 byte) int {
	v := 0
	if b0 != 0 || b1 > 0x10 {
		v--
	}
	if b0 == 0 && b1 == 0 && (b2 != 0 || b3 != 0) {
		v++
	}
	return v
}
