package vault

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// encodedSpans finds values written in any mix of the encodings text goes
// through on its way out of courier and back from servers: percent-encoding
// (either case of hex, "+" for a space), JSON and JavaScript escapes (\" and
// \uXXXX, under any number of backslashes when escaped text is escaped
// again), XML and HTML character references, and upper or lower case (host
// names). Every character of a value may take any of these forms, so the
// exact spellings Redactor.Add registers need not foresee every mix. A
// value cut short and followed by an ellipsis ("…" or "...") is matched
// from MinSecretLen characters on: a truncated prefix is masked too.
func encodedSpans(s string, values []*secretValue) []span {
	var spans []span
	m := matcher{s: s}
	for _, v := range values {
		want, starts := v.runes, &v.starts
		if len(want) == 0 {
			continue
		}
		m.want = want
		for i := 0; i < len(s); {
			if !starts[s[i]] {
				i++
				continue
			}
			m.budget = 64 * len(want)
			if end, ok := m.try(i, 0); ok && end > i {
				spans = append(spans, span{i, end})
				i = end
				continue
			}
			i++
		}
	}
	return spans
}

// mayStart is a cheap filter: can an encoded form of r start with byte b?
func mayStart(b byte, r rune) bool {
	switch b {
	case '%', '\\', '&', '+':
		return true
	}
	if r < utf8.RuneSelf {
		return b == byte(r) || b == byte(unicode.ToLower(r)) || b == byte(unicode.ToUpper(r))
	}
	return b >= utf8.RuneSelf
}

// matcher matches one value at positions of s, each rune in any of its
// forms. A partial match of at least MinSecretLen runes directly followed
// by an ellipsis counts, up to the ellipsis. A rune can match in two ways
// ("%" as is, or "%25"), so the search backtracks, within a budget.
type matcher struct {
	s      string
	want   []rune
	budget int
}

func (m *matcher) try(pos, k int) (int, bool) {
	if k == len(m.want) {
		return pos, true
	}
	if m.budget--; m.budget < 0 {
		return 0, false
	}
	e1, e2 := matchRune(m.s, pos, m.want[k])
	for _, next := range [2]int{e1, e2} {
		if next <= pos {
			continue
		}
		if end, ok := m.try(next, k+1); ok {
			return end, true
		}
	}
	if k >= MinSecretLen {
		// Cut short before an ellipsis, possibly inside an escape
		// ("…Zk\u00…"): the partial escape goes with it.
		for j := pos; j <= min(pos+8, len(m.s)); j++ {
			if hasEllipsis(m.s, j) {
				return j, true
			}
			if j < len(m.s) && !partialEscapeByte(m.s[j]) {
				break
			}
		}
		// Cut by Node's inspect, which closes the quote before its
		// ellipsis ('…Hk4mZ'... 12 more characters): the quote stays.
		if q := closingQuoteLen(m.s[pos:]); q > 0 && hasEllipsis(m.s, pos+q) {
			return pos, true
		}
	}
	return 0, false
}

func hasEllipsis(s string, at int) bool {
	return strings.HasPrefix(s[at:], "…") || strings.HasPrefix(s[at:], "...")
}

// quoteRefs are a quote as XML and HTML write it.
var quoteRefs = []string{"&#39;", "&#34;", "&#x27;", "&#x22;", "&quot;", "&apos;"}

// closingQuoteLen is the length of the quote s starts with, as a string's
// closing quote is written as is, escaped (any number of backslashes, as
// JSON inside JSON has them) or as a character reference; 0 for none.
func closingQuoteLen(s string) int {
	i := 0
	for i < len(s) && s[i] == '\\' {
		i++
	}
	if i < len(s) && (s[i] == '\'' || s[i] == '"' || s[i] == '`') {
		return i + 1
	}
	if i == 0 {
		for _, ref := range quoteRefs {
			if strings.HasPrefix(s, ref) {
				return len(ref)
			}
		}
	}
	return 0
}

// partialEscapeByte reports whether b can be part of an escape cut short:
// %XX, \uXXXX, &#xXX; or &name;.
func partialEscapeByte(b byte) bool {
	return b == '%' || b == '\\' || b == '&' || b == '#' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// matchRune returns where the forms of r that start at s[pos:] end (0 for
// none; two at most): as is (or in the other case), "+" for a space, %XX
// per UTF-8 byte, a backslash escape, or a character reference.
func matchRune(s string, pos int, r rune) (e1, e2 int) {
	if pos >= len(s) {
		return 0, 0
	}
	if c, n := utf8.DecodeRuneInString(s[pos:]); c == r || foldEq(c, r) {
		e1 = pos + n
	}
	e := 0
	switch s[pos] {
	case '+':
		if r == ' ' {
			e = pos + 1
		}
	case '%':
		e = percentForm(s, pos, r)
		if e == 0 && r == '+' {
			// A query reads "+" as a space: a signer that decodes and
			// encodes the query again (OAuth 1) writes it %20.
			e = percentForm(s, pos, ' ')
		}
	case ' ':
		if r == '+' {
			e = pos + 1
		}
	case '\\':
		e = escapeForm(s, pos, r)
	case '&':
		e = referenceForm(s, pos, r)
	}
	if e1 == 0 {
		return e, 0
	}
	return e1, e
}

// percentForm is where r written as %XX per UTF-8 byte, at s[pos] (a
// '%'), ends; 0 when it is not there. A byte may be encoded twice, %25XX
// (an OAuth 1 signer encodes a query that was encoded already). Beyond
// ASCII, r may also be in JavaScript's escape() form (escapeForm).
func percentForm(s string, pos int, r rune) int {
	if e := utf8PercentForm(s, pos, r); e > 0 || r < utf8.RuneSelf {
		return e
	}
	return legacyEscapeForm(s, pos, r)
}

// legacyEscapeForm is where r as JavaScript's escape() writes it ends: a
// character below 256 as one %XX (latin1, as a server that percent-encodes
// latin1 also writes it), any other as %uXXXX per UTF-16 unit; 0 when it
// is not there.
func legacyEscapeForm(s string, pos int, r rune) int {
	if r < 0x100 {
		if pos+3 <= len(s) {
			if b, ok := hexByte(s[pos+1], s[pos+2]); ok && rune(b) == r {
				return pos + 3
			}
		}
	}
	p := pos
	for _, u := range utf16.Encode([]rune{r}) {
		if p+6 > len(s) || s[p] != '%' || s[p+1] != 'u' && s[p+1] != 'U' {
			return 0
		}
		if v, ok := hex4(s[p+2 : p+6]); !ok || v != u {
			return 0
		}
		p += 6
	}
	return p
}

func utf8PercentForm(s string, pos int, r rune) int {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	p := pos
	for j := 0; j < n; j++ {
		if p+3 > len(s) || s[p] != '%' {
			return 0
		}
		if p+5 <= len(s) && s[p+1] == '2' && s[p+2] == '5' {
			if b, ok := hexByte(s[p+3], s[p+4]); ok && b == buf[j] {
				p += 5
				continue
			}
		}
		if b, ok := hexByte(s[p+1], s[p+2]); !ok || b != buf[j] {
			return 0
		}
		p += 3
	}
	return p
}

// escapeForm is where r as a backslash escape (under any number of
// backslashes), at s[pos] (a '\\'), ends: \" \' \\ \/, \uXXXX, \n \t \r;
// 0 when it is not there.
func escapeForm(s string, pos int, r rune) int {
	p := pos
	for p < len(s) && s[p] == '\\' {
		p++
	}
	if p >= len(s) {
		return 0
	}
	if c, n := utf8.DecodeRuneInString(s[p:]); c == r {
		return p + n
	} else if s[p] == 'u' && p+5 <= len(s) {
		if u, ok := hex4(s[p+1 : p+5]); ok && rune(u) == r {
			return p + 5
		}
	} else if r == '\n' && s[p] == 'n' || r == '\t' && s[p] == 't' || r == '\r' && s[p] == 'r' {
		return p + 1
	}
	return 0
}

// referenceForm is where r as a character reference, at s[pos] (a '&'),
// ends; 0 when it is not there.
func referenceForm(s string, pos int, r rune) int {
	end := strings.IndexByte(s[pos:min(len(s), pos+12)], ';')
	if end > 0 {
		if c, ok := entity(s[pos+1 : pos+end]); ok && c == r {
			return pos + end + 1
		}
	}
	return 0
}

func foldEq(a, b rune) bool {
	return a != b && unicode.ToLower(a) == unicode.ToLower(b)
}

func hexByte(a, b byte) (byte, bool) {
	x, ok1 := hexVal(a)
	y, ok2 := hexVal(b)
	return x<<4 | y, ok1 && ok2
}

func hexVal(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func hex4(s string) (uint16, bool) {
	var u uint16
	for i := 0; i < 4; i++ {
		v, ok := hexVal(s[i])
		if !ok {
			return 0, false
		}
		u = u<<4 | uint16(v)
	}
	return u, true
}

// entity decodes an XML/HTML character reference's name ("lt", "#34",
// "#x27").
func entity(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n rune
	if name[1] == 'x' || name[1] == 'X' {
		if len(name) == 2 {
			return 0, false
		}
		for i := 2; i < len(name); i++ {
			v, ok := hexVal(name[i])
			if !ok {
				return 0, false
			}
			n = n<<4 | rune(v)
		}
		return n, true
	}
	for i := 1; i < len(name); i++ {
		if name[i] < '0' || name[i] > '9' {
			return 0, false
		}
		n = n*10 + rune(name[i]-'0')
	}
	return n, true
}
