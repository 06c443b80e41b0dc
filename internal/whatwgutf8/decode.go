// Package whatwgutf8 decodes UTF-8 as the WHATWG decoder does, which is how
// Node's Buffer#toString and TextDecoder read bytes: each maximal invalid
// subpart becomes one U+FFFD. Go's own rule (one U+FFFD per bad byte) and
// strings.ToValidUTF8 (one per run of bad bytes) both differ from it.
package whatwgutf8

import (
	"strings"
	"unicode/utf8"
)

// Decode is s with each maximal invalid subpart replaced by U+FFFD.
func Decode(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || n > 1 {
			sb.WriteString(s[i : i+n])
			i += n
			continue
		}
		i += maximalSubpart(s[i:])
		sb.WriteString("\uFFFD")
	}
	return sb.String()
}

// maximalSubpart is the length of the invalid sequence starting s: its
// lead byte and the continuation bytes that still fit that lead.
func maximalSubpart(s string) int {
	need, lo, hi := 0, byte(0x80), byte(0xBF)
	switch c := s[0]; {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c >= 0xE1 && c <= 0xEF && c != 0xED:
		need = 2
	case c == 0xED:
		need, hi = 2, 0x9F
	case c == 0xF0:
		need, lo = 3, 0x90
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F
	default:
		return 1
	}
	n := 1
	for k := 0; k < need && n < len(s) && s[n] >= lo && s[n] <= hi; k++ {
		lo, hi = 0x80, 0xBF
		n++
	}
	return n
}
