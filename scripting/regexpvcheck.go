package scripting

import (
	"strconv"
	"strings"
)

// V8 reads a /v class by a stricter grammar than /u: the syntax
// characters ( ) [ ] { } / - \ | are written escaped, a doubled
// punctuator (&& !! ## …) is reserved, -- and && take single characters,
// strings or nested classes (not ranges) and are not mixed. courier's /v
// rewrite (regexpsets.go) reads classes leniently, so a pattern V8
// refuses is checked here first, and refused in V8's words, in the order
// V8's parser meets the errors.
const (
	vBadChar   = "Invalid character in character class"
	vBadOp     = "Invalid set operation in character class"
	vBadClass  = "Invalid character class"
	vBadRange  = "Range out of order in character class"
	vOpenClass = "Unterminated character class"
	vBadProp   = "Invalid property name in character class"
	vBadEscape = "Invalid escape"
	vLoneClose = "Lone quantifier brackets"
)

// vSyntaxChars are the characters a /v class member is written escaped.
const vSyntaxChars = "()[]{}/-|"

// vDoubled are the punctuators reserved when doubled in a /v class.
const vDoubled = "&!#$%*+,.:;<=>?@^`~"

// vIdentityEscapes may follow a backslash in a /v class: the syntax
// characters and the reserved punctuators.
const vIdentityEscapes = "^$\\.*+?()[]{}|/&-!#%,:;<=>@`~"

// vOperand is what a /v class operand is: a single character (which may
// start or end a range) or a set (nested class, strings, class escape).
type vOperand int

const (
	vOneChar vOperand = iota
	vSetOperand
	vRangeOperand
)

// unicodeSetsSyntax checks the classes of a /v pattern as V8's parser
// does: "" when V8 takes them, else V8's reason.
func unicodeSetsSyntax(pattern string) string {
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '\\':
			i++
		case '[':
			next, reason := vCheckClass(rs, i)
			if reason != "" {
				return reason
			}
			i = next - 1
		case ']':
			return vLoneClose
		}
	}
	return ""
}

// doubled reports rs[i] and rs[i+1] both c.
func doubled(rs []rune, i int, c rune) bool {
	return i+1 < len(rs) && rs[i] == c && rs[i+1] == c
}

// vCheckClass checks the class starting at rs[i] == '[' and returns the
// index after its ']'.
func vCheckClass(rs []rune, i int) (int, string) {
	i++
	if i < len(rs) && rs[i] == '^' {
		i++
	}
	if i < len(rs) && rs[i] == ']' {
		return i + 1, ""
	}
	last, lo, i, reason := vCheckOperand(rs, i)
	if reason != "" {
		return 0, reason
	}
	if doubled(rs, i, '-') || doubled(rs, i, '&') {
		return vCheckOperation(rs, i, rs[i])
	}
	for {
		switch {
		case i >= len(rs):
			return 0, vOpenClass
		case rs[i] == ']':
			return i + 1, ""
		case doubled(rs, i, '-'):
			return 0, vBadOp
		case rs[i] == '-':
			if last != vOneChar {
				return 0, vBadClass
			}
			kind, hi, next, reason := vCheckOperand(rs, i+1)
			switch {
			case reason != "":
				return 0, reason
			case kind != vOneChar:
				return 0, vBadClass
			case hi < lo:
				return 0, vBadRange
			}
			last, i = vRangeOperand, next
		default:
			var reason string
			if last, lo, i, reason = vCheckOperand(rs, i); reason != "" {
				return 0, reason
			}
		}
	}
}

// vCheckOperation checks the rest of a class whose first operand is
// followed by -- or && (op) at rs[i].
func vCheckOperation(rs []rune, i int, op rune) (int, string) {
	for {
		i += 2
		if op == '&' && i < len(rs) && rs[i] == '&' {
			return 0, vBadChar
		}
		_, _, next, reason := vCheckOperand(rs, i)
		if reason != "" {
			return 0, reason
		}
		i = next
		switch {
		case i >= len(rs):
			return 0, vOpenClass
		case rs[i] == ']':
			return i + 1, ""
		case !doubled(rs, i, op):
			return 0, vBadOp
		}
	}
}

// vCheckOperand checks one operand at rs[i]: its kind, its code point
// (a single character), the index after it.
func vCheckOperand(rs []rune, i int) (vOperand, rune, int, string) {
	if i >= len(rs) {
		return 0, 0, 0, vOpenClass
	}
	switch c := rs[i]; {
	case c == '[':
		next, reason := vCheckClass(rs, i)
		return vSetOperand, 0, next, reason
	case c == '\\':
		return vCheckEscape(rs, i)
	case strings.ContainsRune(vDoubled, c) && doubled(rs, i, c):
		return 0, 0, 0, vBadOp
	case strings.ContainsRune(vSyntaxChars, c):
		return 0, 0, 0, vBadChar
	default:
		return vOneChar, c, i + 1, ""
	}
}

// vCheckEscape checks the escape at rs[i] == '\\' inside a /v class.
func vCheckEscape(rs []rune, i int) (vOperand, rune, int, string) {
	if i+1 >= len(rs) {
		return 0, 0, 0, vBadEscape
	}
	e := rs[i+1]
	switch e {
	case 'd', 'D', 'w', 'W', 's', 'S':
		return vSetOperand, 0, i + 2, ""
	case 'p', 'P':
		return vCheckProperty(rs, i)
	case 'q':
		return vCheckStrings(rs, i)
	case 'b', 'f', 'n', 'r', 't', 'v':
		return vOneChar, rune("\b\f\n\r\t\v"[strings.IndexRune("bfnrtv", e)]), i + 2, ""
	case '0', 'c', 'x':
		return vCheckCodeEscape(rs, i)
	case 'u':
		return vCheckUnicodeEscape(rs, i)
	}
	if strings.ContainsRune(vIdentityEscapes, e) {
		return vOneChar, e, i + 2, ""
	}
	return 0, 0, 0, vBadEscape
}

// vCheckCodeEscape reads \0 (no digit after it), \cX (a letter) or \xHH
// at rs[i].
func vCheckCodeEscape(rs []rune, i int) (vOperand, rune, int, string) {
	switch rs[i+1] {
	case '0':
		if i+2 < len(rs) && rs[i+2] >= '0' && rs[i+2] <= '9' {
			return 0, 0, 0, vBadEscape
		}
		return vOneChar, 0, i + 2, ""
	case 'c':
		if i+2 < len(rs) && (rs[i+2] >= 'a' && rs[i+2] <= 'z' || rs[i+2] >= 'A' && rs[i+2] <= 'Z') {
			return vOneChar, rs[i+2] % 32, i + 3, ""
		}
		return 0, 0, 0, vBadEscape
	case 'x':
		if i+3 < len(rs) {
			if v, err := strconv.ParseUint(string(rs[i+2:i+4]), 16, 8); err == nil {
				return vOneChar, rune(v), i + 4, ""
			}
		}
		return 0, 0, 0, vBadEscape
	}
	return 0, 0, 0, vBadEscape
}

// vCheckProperty checks \p{…} or \P{…} at rs[i]: a property of code
// points, or (not negated) one of strings.
func vCheckProperty(rs []rune, i int) (vOperand, rune, int, string) {
	end := -1
	if i+2 < len(rs) && rs[i+2] == '{' {
		end = bracedEnd(rs, i+2)
	}
	if end < 0 {
		return 0, 0, 0, vBadProp
	}
	name := string(rs[i+3 : end])
	_, isStrings := stringProperty(name)
	_, isPoints := propertyRanges(name)
	if !isStrings && !isPoints || isStrings && rs[i+1] == 'P' {
		return 0, 0, 0, vBadProp
	}
	return vSetOperand, 0, end + 1, ""
}

// vCheckStrings checks \q{…|…} at rs[i]: strings separated by |, with
// escapes but no syntax characters.
func vCheckStrings(rs []rune, i int) (vOperand, rune, int, string) {
	if i+2 >= len(rs) || rs[i+2] != '{' {
		return 0, 0, 0, vBadEscape
	}
	for j := i + 3; j < len(rs); j++ {
		switch c := rs[j]; {
		case c == '}':
			return vSetOperand, 0, j + 1, ""
		case c == '\\':
			_, _, next, reason := vCheckEscape(rs, j)
			if reason != "" {
				return 0, 0, 0, reason
			}
			j = next - 1
		case c == '|':
		case strings.ContainsRune(vSyntaxChars, c):
			return 0, 0, 0, vBadChar
		}
	}
	return 0, 0, 0, vBadChar
}

// vCheckUnicodeEscape reads \u{…}, \uXXXX or a \uXXXX\uXXXX surrogate pair.
func vCheckUnicodeEscape(rs []rune, i int) (vOperand, rune, int, string) {
	if i+2 < len(rs) && rs[i+2] == '{' {
		end := bracedEnd(rs, i+2)
		if end < 0 {
			return 0, 0, 0, vBadEscape
		}
		v, err := strconv.ParseUint(string(rs[i+3:end]), 16, 32)
		if err != nil || v > 0x10FFFF {
			return 0, 0, 0, vBadEscape
		}
		return vOneChar, rune(v), end + 1, ""
	}
	hex4 := func(j int) (rune, bool) {
		if j+4 > len(rs) {
			return 0, false
		}
		v, err := strconv.ParseUint(string(rs[j:j+4]), 16, 16)
		return rune(v), err == nil
	}
	hi, ok := hex4(i + 2)
	if !ok {
		return 0, 0, 0, vBadEscape
	}
	if hi >= 0xD800 && hi < 0xDC00 && i+7 < len(rs) && rs[i+6] == '\\' && rs[i+7] == 'u' {
		if lo, ok := hex4(i + 8); ok && lo >= 0xDC00 && lo < 0xE000 {
			return vOneChar, 0x10000 + (hi-0xD800)<<10 + (lo - 0xDC00), i + 12, ""
		}
	}
	return vOneChar, hi, i + 6, ""
}
