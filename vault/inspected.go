package vault

import "strings"

// inspectedTailSpans finds what is left of a value at the end of a Buffer
// that Node's inspection cut short: console.log shows a Buffer's first 50
// bytes in hex, then " ... N more bytes>" ("<Buffer 56 71 37 ... 16 more
// bytes>"), so a value that straddles byte 50 leaves its first bytes
// (spacedHex's form, which Add registers whole) before the cut. They are
// matched from MinSecretLen bytes on, as a prefix before a text ellipsis
// is.
func inspectedTailSpans(s string, values []*secretValue) []span {
	const cut = " ... "
	var spans []span
	for from := 0; ; {
		i := strings.Index(s[from:], cut)
		if i < 0 {
			return spans
		}
		at := from + i
		from = at + len(cut)
		// The bytes written before the cut, last first, and where each
		// one's two digits start.
		var rev []byte
		var pos []int
		for p := at; p >= 3 && s[p-3] == ' ' && isHexDigit(s[p-2]) && isHexDigit(s[p-1]) && len(rev) < 64; p -= 3 {
			rev = append(rev, unhex(s[p-2])<<4|unhex(s[p-1]))
			pos = append(pos, p-2)
		}
		for _, v := range values {
			for n := min(len(rev), len(v.text)-1); n >= MinSecretLen; n-- {
				if tailIsPrefix(rev[:n], v.text) {
					spans = append(spans, span{pos[n-1], at})
					break
				}
			}
		}
	}
}

// tailIsPrefix: rev (bytes last first) read forwards is sec's first
// len(rev) bytes.
func tailIsPrefix(rev []byte, sec string) bool {
	for k := range rev {
		if rev[len(rev)-1-k] != sec[k] {
			return false
		}
	}
	return true
}

func isHexDigit(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' }

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c - 'a' + 10
}
