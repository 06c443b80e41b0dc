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
	mask := substitutionCodeMask(src)
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

// substitutionCodeMask is codeMask that also marks the code inside a
// template's substitutions as code (`${08}`, nested templates and braces
// included), where V8 reads a legacy decimal as anywhere else.
func substitutionCodeMask(src string) []bool {
	m := make([]bool, len(src))
	var depth []int // brace depth of each open substitution, innermost last
	inTemplate := false
	for i := 0; i < len(src); i++ {
		if inTemplate {
			i, inTemplate, depth = templateText(src, i, depth)
			continue
		}
		if j, skipped := skipNonCode(src, i); skipped {
			if j < 0 {
				return m
			}
			i = j
			continue
		}
		switch c := src[i]; {
		case c == '`':
			inTemplate = true
		case c == '}' && len(depth) > 0 && depth[len(depth)-1] == 0:
			depth = depth[:len(depth)-1]
			inTemplate = true
		default:
			if len(depth) > 0 && (c == '{' || c == '}') {
				depth[len(depth)-1] += int('|') - int(c) // '{' +1, '}' -1
			}
			m[i] = true
		}
	}
	return m
}

// templateText reads the template text byte at src[i]: an escape is
// skipped, a backquote ends the template, "${" opens a substitution.
func templateText(src string, i int, depth []int) (int, bool, []int) {
	switch {
	case src[i] == '\\':
		return i + 1, true, depth
	case src[i] == '`':
		return i, false, depth
	case src[i] == '$' && i+1 < len(src) && src[i+1] == '{':
		return i + 1, false, append(depth, 0)
	}
	return i, true, depth
}

// skipNonCode skips the comment or string starting at src[i]: where it
// ends (its last byte; -1 for a block comment never closed) and true, or
// false when src[i] starts neither.
func skipNonCode(src string, i int) (int, bool) {
	switch c := src[i]; {
	case c == '/' && i+1 < len(src) && src[i+1] == '/':
		for i < len(src) && src[i] != '\n' {
			i++
		}
		return i - 1, true
	case c == '/' && i+1 < len(src) && src[i+1] == '*':
		j := strings.Index(src[i+2:], "*/")
		if j < 0 {
			return -1, true
		}
		return i + j + 3, true
	case c == '"' || c == '\'':
		for i++; i < len(src) && src[i] != c; i++ {
			if src[i] == '\\' {
				i++
			}
		}
		return i, true
	}
	return i, false
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
