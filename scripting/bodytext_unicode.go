package scripting

import (
	"strings"
	"unicode/utf16"
)

// The Unicode charsets iconv-lite 0.6.3 decodes besides UTF-8 and UTF-16:
// UTF-32 (utf32le, utf32be and the "utf32" that guesses the order) and
// UTF-7 (RFC 2152) with IMAP's variant (RFC 3501). Newman's text() names
// them by these charsets (fresh-round9n-a.json). A lone surrogate, which a
// JavaScript string holds and a Go string cannot, reads as U+FFFD here.

// utf32Text decodes UTF-32 as iconv-lite does: four bytes a character, a
// value past U+10FFFF (or negative as an int32) one U+FFFD, up to three
// bytes cut off at the end dropped; a leading byte order mark is dropped.
func utf32Text(b []byte, bigEndian bool) string {
	rs := make([]rune, 0, len(b)/4)
	for i := 0; i+3 < len(b); i += 4 {
		var cp uint32
		if bigEndian {
			cp = uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
		} else {
			cp = uint32(b[i+3])<<24 | uint32(b[i+2])<<16 | uint32(b[i+1])<<8 | uint32(b[i])
		}
		if cp > 0x10ffff {
			cp = 0xfffd
		}
		rs = append(rs, rune(cp)) // a surrogate becomes U+FFFD in the string
	}
	if len(rs) > 0 && rs[0] == 0xfeff {
		rs = rs[1:]
	}
	return string(rs)
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
	invalidLE, invalidBE, bmpLE, bmpBE := 0, 0, 0, 0
	for i := 0; i+3 < len(b) && i < 400; i += 4 {
		c := b[i : i+4]
		if c[0] != 0 || c[1] > 0x10 {
			invalidBE++
		}
		if c[3] != 0 || c[2] > 0x10 {
			invalidLE++
		}
		if c[0] == 0 && c[1] == 0 && (c[2] != 0 || c[3] != 0) {
			bmpBE++
		}
		if (c[0] != 0 || c[1] != 0) && c[2] == 0 && c[3] == 0 {
			bmpLE++
		}
	}
	return bmpBE-invalidBE > bmpLE-invalidLE
}

// utf7Text decodes UTF-7 as iconv-lite's decoder does: shift marks "+"
// (IMAP: "&") and, in IMAP's variant, "," for "/". A shifted run ends at
// the first byte outside the base64 alphabet, absorbing a "-"; "+-" is
// "+". Each run's bytes read as UTF-16BE (a run's leading BOM dropped, an
// odd byte dropped); direct bytes read as ASCII (U+FFFD past 0x7f). A run
// open at the end is decoded in two parts, as iconv-lite's write and end
// split it: whole groups of eight characters, then the rest.
func utf7Text(b []byte, imap bool) string {
	shift := byte('+')
	if imap {
		shift = '&'
	}
	var out []uint16
	direct := func(p []byte) {
		for _, c := range p {
			u := uint16(c)
			if c >= 0x80 {
				u = 0xfffd
			}
			out = append(out, u)
		}
	}
	run := func(p []byte) {
		s := string(p)
		if imap {
			s = strings.ReplaceAll(s, ",", "/")
		}
		out = append(out, utf16BEUnits(nodeBase64(s))...)
	}
	inRun, last := false, 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !inRun {
			if c == shift {
				direct(b[last:i])
				last, inRun = i+1, true
			}
			continue
		}
		if utf7Base64Char(c, imap) {
			continue
		}
		if i == last && c == '-' {
			out = append(out, uint16(shift))
		} else {
			run(b[last:i])
		}
		if c != '-' {
			i-- // the byte that ended the run is read again, as a direct one
		}
		last, inRun = i+1, false
	}
	if !inRun {
		direct(b[last:])
	} else {
		rest := b[last:]
		whole := len(rest) - len(rest)%8
		run(rest[:whole])
		if whole < len(rest) {
			run(rest[whole:])
		}
	}
	if len(out) > 0 && out[0] == 0xfeff {
		out = out[1:]
	}
	return string(utf16.Decode(out))
}

func utf7Base64Char(c byte, imap bool) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '/' || c == '+' || imap && c == ','
}

// nodeBase64 decodes base64 as Buffer.from(s, "base64") does for a
// string of the alphabet: whole groups of four, then two or three trailing
// characters give their whole bytes (bits left over are dropped), one
// gives none.
func nodeBase64(s string) []byte {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	out := make([]byte, 0, len(s)*3/4)
	var acc uint32
	bits := 0
	for i := 0; i < len(s); i++ {
		v := strings.IndexByte(alphabet, s[i])
		acc = acc<<6 | uint32(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	return out
}

// utf16BEUnits is iconv.decode(b, "utf16-be") as code units: an odd last
// byte dropped, a leading BOM dropped.
func utf16BEUnits(b []byte) []uint16 {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(u) > 0 && u[0] == 0xfeff {
		u = u[1:]
	}
	return u
}
