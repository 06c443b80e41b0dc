package scripting

import (
	"strconv"
	"unicode/utf16"
)

// v8JSONError returns the message V8 (Node 20, where Newman runs) gives
// when JSON.parse(src) fails, or "" when src is valid JSON. goja's own
// messages come from encoding/json ("invalid character '<' looking for
// beginning of value"); scripts and reports show V8's.
func v8JSONError(src string) string {
	p := &v8JSON{s: utf16.Encode([]rune(src))}
	p.value()
	if p.err == "" {
		p.ws()
		if p.i < len(p.s) {
			p.err = "Unexpected non-whitespace character after JSON at position " + strconv.Itoa(p.i)
		}
	}
	return p.err
}

type v8JSON struct {
	s   []uint16
	i   int
	err string
}

const v8JSONContext = 10 // characters of context around an unexpected token

func (p *v8JSON) eof() bool { return p.i >= len(p.s) }

func (p *v8JSON) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// fail records msg at the current position.
func (p *v8JSON) fail(msg string) {
	if p.err == "" {
		p.err = msg + " in JSON at position " + strconv.Itoa(p.i)
	}
}

// unexpected reports the current character (or the end) as V8's generic
// unexpected-token error, quoting the source or 10 characters around it.
func (p *v8JSON) unexpected() {
	if p.err != "" {
		return
	}
	if p.eof() {
		p.err = "Unexpected end of JSON input"
		return
	}
	src := string(utf16.Decode(p.s))
	switch src {
	case "NaN", "Infinity", "undefined", "[object Object]":
		p.err = `"` + src + `" is not valid JSON`
		return
	}
	tok := string(utf16.Decode(p.s[p.i : p.i+1]))
	n, pos := len(p.s), p.i
	sub := func(a, b int) string { return string(utf16.Decode(p.s[a:min(b, n)])) }
	switch {
	case n < 2*v8JSONContext+1:
		p.err = "Unexpected token '" + tok + `', "` + src + `" is not valid JSON`
	case pos < v8JSONContext:
		p.err = "Unexpected token '" + tok + `', "` + sub(0, pos+v8JSONContext) + `"... is not valid JSON`
	case pos < n-v8JSONContext:
		p.err = "Unexpected token '" + tok + `', ..."` + sub(pos-v8JSONContext, pos+v8JSONContext) + `"... is not valid JSON`
	default:
		p.err = "Unexpected token '" + tok + `', ..."` + sub(pos-v8JSONContext, n) + `" is not valid JSON`
	}
}

func (p *v8JSON) value() {
	p.ws()
	if p.eof() {
		p.unexpected()
		return
	}
	switch c := p.s[p.i]; {
	case c == '"':
		p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		p.num()
	case c == '{':
		p.object()
	case c == '[':
		p.array()
	case c == 't':
		p.literal("true")
	case c == 'f':
		p.literal("false")
	case c == 'n':
		p.literal("null")
	default:
		p.unexpected()
	}
}

func (p *v8JSON) literal(word string) {
	for k := 0; k < len(word); k++ {
		if !p.at(uint16(word[k])) {
			p.unexpected()
			return
		}
		p.i++
	}
}

func isDigit(c uint16) bool { return c >= '0' && c <= '9' }

func (p *v8JSON) num() {
	if p.s[p.i] == '-' {
		p.i++
		if !p.atDigit() {
			p.fail("No number after minus sign")
			return
		}
	}
	if p.s[p.i] == '0' {
		p.i++
		if p.atDigit() {
			p.fail("Unexpected number")
			return
		}
	} else {
		p.digits()
	}
	if p.at('.') {
		p.i++
		if !p.atDigit() {
			p.fail("Unterminated fractional number")
			return
		}
		p.digits()
	}
	if p.at('e') || p.at('E') {
		p.i++
		if p.at('+') || p.at('-') {
			p.i++
		}
		if !p.atDigit() {
			p.fail("Exponent part is missing a number")
			return
		}
		p.digits()
	}
}

// at reports whether c comes next.
func (p *v8JSON) at(c uint16) bool { return !p.eof() && p.s[p.i] == c }

// atDigit reports whether a digit comes next.
func (p *v8JSON) atDigit() bool { return !p.eof() && isDigit(p.s[p.i]) }

// digits skips the digits that come next.
func (p *v8JSON) digits() {
	for p.atDigit() {
		p.i++
	}
}

func isHex(c uint16) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func (p *v8JSON) str() {
	p.i++ // opening quote
	for {
		if p.eof() {
			p.fail("Unterminated string")
			return
		}
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return
		case c < 0x20:
			p.fail("Bad control character in string literal")
			return
		case c == '\\':
			p.i++
			if p.eof() {
				p.unexpected()
				return
			}
			switch p.s[p.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i++
			case 'u':
				p.i++
				for k := 0; k < 4; k++ {
					if p.eof() || !isHex(p.s[p.i]) {
						p.fail("Bad Unicode escape")
						return
					}
					p.i++
				}
			default:
				p.fail("Bad escaped character")
				return
			}
		default:
			p.i++
		}
	}
}

func (p *v8JSON) object() {
	p.i++ // {
	p.ws()
	if p.at('}') {
		p.i++
		return
	}
	first := true
	for {
		if !p.at('"') {
			if first {
				p.fail("Expected property name or '}'")
			} else {
				p.fail("Expected double-quoted property name")
			}
			return
		}
		p.str()
		if p.err != "" {
			return
		}
		p.ws()
		if !p.at(':') {
			p.fail("Expected ':' after property name")
			return
		}
		p.i++
		p.value()
		if p.err != "" {
			return
		}
		p.ws()
		if p.at('}') {
			p.i++
			return
		}
		if !p.at(',') {
			p.fail("Expected ',' or '}' after property value")
			return
		}
		p.i++
		p.ws()
		first = false
	}
}

func (p *v8JSON) array() {
	p.i++ // [
	p.ws()
	if p.at(']') {
		p.i++
		return
	}
	for {
		p.value()
		if p.err != "" {
			return
		}
		p.ws()
		if p.at(']') {
			p.i++
			return
		}
		if !p.at(',') {
			p.fail("Expected ',' or ']' after array element")
			return
		}
		p.i++
	}
}
