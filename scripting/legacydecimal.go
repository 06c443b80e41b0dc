package scripting

import "strings"

// V8 reads 08, 09 and 019.5 (Annex B's NonOctalDecimalIntegerLiteral: a
// leading zero, then digits of which one is 8 or 9) as decimal numbers in
// sloppy code; goja refuses the whole script ("Invalid or unexpected
// token"). A script that does not parse gets its leading zeros of such
// literals (in code, not strings or comments) written as spaces, in place,
// and is parsed again.

// lowerLegacyDecimals returns src with the leading zeros of its legacy
// decimal literals blanked, and whether there were any.
func lowerLegacyDecimals(src string) (string, bool) {
	var b []byte
	mask := codeMask(src)
	for i := 0; i < len(src); i++ {
		if src[i] != '0' || !mask[i] || i > 0 && (isIdentByte(src[i-1]) || src[i-1] == '.') {
			continue
		}
		j, legacy := legacyDecimal(src, i)
		if legacy {
			if b == nil {
				b = []byte(src)
			}
			for k := i; k < j-1 && b[k] == '0'; k++ {
				b[k] = ' '
			}
		}
		i = j
	}
	if b == nil {
		return src, false
	}
	return string(b), true
}

// legacyDecimal reads the number that starts at src[i] (a '0' in code) and
// returns where its digits end and whether they are a legacy decimal: a
// leading zero, then digits of which one is 8 or 9. Digits that run into
// an identifier's character (other than an exponent's e) are none.
func legacyDecimal(src string, i int) (end int, legacy bool) {
	j := i
	for j < len(src) && src[j] >= '0' && src[j] <= '9' {
		j++
	}
	if j < len(src) && isIdentByte(src[j]) && src[j] != 'e' && src[j] != 'E' {
		return j, false
	}
	return j, strings.ContainsAny(src[i+1:j], "89")
}
