package scripting

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
		j := i
		for j < len(src) && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if j < len(src) && isIdentByte(src[j]) && src[j] != 'e' && src[j] != 'E' {
			i = j
			continue
		}
		digits := src[i:j]
		legacy := false
		for k := 1; k < len(digits); k++ {
			if digits[k] == '8' || digits[k] == '9' {
				legacy = true
			}
		}
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
