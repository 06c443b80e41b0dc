// Package utf7 reads UTF-7 (RFC 2152) and IMAP's variant (RFC 3501) as
// iconv-lite 0.6.3's decoder does, which is how Newman's text() reads a
// body in those charsets, and writes it back. scripting decodes bodies
// with it; vault masks a secret inside a body's shifted runs with it.
package utf7

import (
	"encoding/base64"
	"strings"

	"github.com/courier-run/courier/internal/nodebase64"
)

// Piece is a stretch of a UTF-7 body that decodes on its own: a shifted
// run (from its shift mark to the byte that ends it, a '-' that ends it
// included), or direct bytes. Replacing whole pieces by other UTF-7
// leaves the decoding of the rest as it was.
type Piece struct {
	Start, End int // the body's bytes
	// Shifted marks a shifted run, whose Units are what it decodes to as
	// UTF-16 code units. Direct bytes have no Units: each byte is one,
	// U+FFFD past 0x7f (such a byte is a piece of its own), so a body's
	// ASCII costs no copy.
	Shifted bool
	Units   []uint16
}

// Decode is the body's text as UTF-16 code units: shift marks "+" (IMAP:
// "&") and, in IMAP's variant, "," for "/". A shifted run ends at the first
// byte outside the base64 alphabet, absorbing a "-"; "+-" is "+". Each
// run's bytes read as UTF-16BE (a run's leading BOM dropped, an odd byte
// dropped); direct bytes read as ASCII (U+FFFD past 0x7f). A run open at
// the end is decoded in two parts, as iconv-lite's write and end split it:
// whole groups of eight characters, then the rest.
func Decode(b []byte, imap bool) []uint16 {
	var out []uint16
	for _, p := range Pieces(b, imap) {
		if p.Shifted {
			out = append(out, p.Units...)
			continue
		}
		for _, c := range b[p.Start:p.End] {
			u := uint16(c)
			if c >= 0x80 {
				u = 0xfffd
			}
			out = append(out, u)
		}
	}
	return out
}

// Pieces splits b into the pieces it decodes from, in order: together
// they are Decode(b, imap). Direct bytes past 0x7f are pieces of their
// own, so every other direct piece reads as its bytes.
func Pieces(b []byte, imap bool) []Piece {
	shift := byte('+')
	if imap {
		shift = '&'
	}
	var out []Piece
	direct := func(from, to int) {
		for from < to {
			end := from + 1
			if b[from] < 0x80 {
				for end < to && b[end] < 0x80 {
					end++
				}
			}
			out = append(out, Piece{Start: from, End: end})
			from = end
		}
	}
	run := func(p []byte) []uint16 {
		s := string(p)
		if imap {
			s = strings.ReplaceAll(s, ",", "/")
		}
		return utf16BEUnits(nodebase64.Decode(s))
	}
	inRun, last, mark := false, 0, 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !inRun {
			if c == shift {
				direct(last, i)
				mark, last, inRun = i, i+1, true
			}
			continue
		}
		if base64Char(c, imap) {
			continue
		}
		var u []uint16
		if i == last && c == '-' {
			u = []uint16{uint16(shift)}
		} else {
			u = run(b[last:i])
		}
		end := i
		if c == '-' {
			end = i + 1 // absorbed
		}
		out = append(out, Piece{Start: mark, End: end, Units: u, Shifted: true})
		last, inRun = end, false
		i = end - 1
	}
	if !inRun {
		direct(last, len(b))
		return out
	}
	rest := b[last:]
	whole := len(rest) - len(rest)%8
	u := run(rest[:whole])
	if whole < len(rest) {
		u = append(u, run(rest[whole:])...)
	}
	return append(out, Piece{Start: mark, End: len(b), Units: u, Shifted: true})
}

func base64Char(c byte, imap bool) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '/' || c == '+' || imap && c == ','
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

// Encode writes text as UTF-7 (imap: IMAP's variant) that Decode reads
// back as text: printable ASCII (and tab, CR, LF outside IMAP's variant)
// directly, the shift mark as "+-" ("&-"), the rest in shifted runs, each
// closed with "-" so whatever follows the output is read as it was.
func Encode(text string, imap bool) []byte {
	shift := byte('+')
	if imap {
		shift = '&'
	}
	var out, wide []byte
	flush := func() {
		if len(wide) == 0 {
			return
		}
		s := base64.RawStdEncoding.EncodeToString(wide)
		if imap {
			s = strings.ReplaceAll(s, "/", ",")
		}
		out = append(append(append(out, shift), s...), '-')
		wide = wide[:0]
	}
	for _, r := range text {
		switch {
		case byte(r) == shift && r < 0x80:
			flush()
			out = append(out, shift, '-')
		case directChar(r, imap):
			flush()
			out = append(out, byte(r))
		case r >= 0x10000:
			r -= 0x10000
			hi, lo := 0xd800+uint16(r>>10), 0xdc00+uint16(r&0x3ff)
			wide = append(wide, byte(hi>>8), byte(hi), byte(lo>>8), byte(lo))
		default:
			wide = append(wide, byte(r>>8), byte(r))
		}
	}
	flush()
	return out
}

// directChar says r is written as itself: RFC 2152's direct and optional
// direct characters and space (not "\" or "~"), tab, CR and LF; in IMAP's
// variant, printable ASCII.
func directChar(r rune, imap bool) bool {
	if imap {
		return r >= 0x20 && r <= 0x7e
	}
	return r >= 0x20 && r <= 0x7e && r != '\\' && r != '~' || r == '\t' || r == '\r' || r == '\n'
}
