package scripting

import (
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

// goja's lexer stops reading a `\u{…}` escape once its value reaches
// U+10FFFF, before the closing brace, so it miscounts the literal and
// panics on exactly `'\u{10FFFF}'` (strings, templates, property keys):
// the whole script failed with "internal error in a native function". V8
// reads it as the last code point, "\uDBFF\uDFFF".
//
// The escape is lowered before parsing to U+10FFFE (one hex digit), so
// every position stays put, and the parsed literals holding one get their
// written text back (template raw strings, regular expression sources) and
// a value cooked from it with the escape spelled as a surrogate pair.

var (
	maxEscape = regexp.MustCompile(`(?i)\\u\{0*10ffff\}`)
	lowered   = regexp.MustCompile(`(?i)\\u\{0*10fffe\}`)
)

// maxEscapes is what rewriteMaxEscapes lowered: the offsets of the digits
// in the text it returned.
type maxEscapes []int

// rewriteMaxEscapes returns src with each `\u{10FFFF}` escape (any case,
// leading zeros) lowered to U+10FFFE, and where.
func rewriteMaxEscapes(src string) (string, maxEscapes) {
	if !strings.Contains(src, `\u{`) || !maxEscape.MatchString(src) {
		return src, nil
	}
	b := []byte(src)
	at := maxEscapes(unescaped(maxEscape, src))
	for _, last := range at {
		b[last]-- // F→E, f→e
	}
	return string(b), at
}

// restore gives the literals of a tree parsed from text (the rewritten
// source, placed at offset base of the parsed file) their written values
// back.
func (at maxEscapes) restore(root ast.Node, text string, base int) {
	walkAST(reflect.ValueOf(root), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.StringLiteral:
			if lit, ok := at.raise(x.Literal, int(x.Idx)-1-base, text); ok {
				x.Literal = lit
				if v, ok := cookMaxEscapes(lit, "(", ")"); ok {
					x.Value = v.(*ast.StringLiteral).Value
				}
			}
		case *ast.TemplateElement:
			// goja's Idx of a template element is one past its first
			// character.
			if lit, ok := at.raise(x.Literal, int(x.Idx)-2-base, text); ok {
				x.Literal = lit
				if v, ok := cookMaxEscapes(lit, "String.raw`", "`"); ok {
					x.Parsed = v.(*ast.TemplateLiteral).Elements[0].Parsed
				}
			}
		case *ast.RegExpLiteral:
			if lit, ok := at.raise(x.Literal, int(x.Idx)-1-base, text); ok {
				x.Literal = lit
				x.Pattern = lit[1 : 1+len(x.Pattern)]
			}
		}
	})
}

// raise returns lit, found at offset start of text, with the digits
// rewriteMaxEscapes lowered in it raised again.
func (at maxEscapes) raise(lit string, start int, text string) (string, bool) {
	if start < 0 || start+len(lit) > len(text) || text[start:start+len(lit)] != lit {
		return "", false // not from the script's text (built by a pass)
	}
	i := sort.SearchInts(at, start)
	if i == len(at) || at[i] >= start+len(lit) {
		return "", false
	}
	b := []byte(lit)
	for ; i < len(at) && at[i] < start+len(lit); i++ {
		b[at[i]-start]++
	}
	return string(b), true
}

// moved finds the lowered escapes again in body, text after the async
// rewrite moved it: the escapes of that form in text and in body, in
// order (the rewrite inserts code, it does not reorder the script's), are
// paired up. When they cannot be, nothing is restored.
func (at maxEscapes) moved(text, body string) maxEscapes {
	was, now := unescaped(lowered, text), unescaped(lowered, body)
	if len(was) != len(now) {
		return nil
	}
	var in maxEscapes
	for k, off := range was {
		if i := sort.SearchInts(at, off); i < len(at) && at[i] == off {
			in = append(in, now[k])
		}
	}
	return in
}

// unescaped returns the offsets of the last hex digit of each match of re
// in s that is not itself behind an escaping backslash.
func unescaped(re *regexp.Regexp, s string) []int {
	var at []int
	for _, m := range re.FindAllStringIndex(s, -1) {
		n := 0
		for j := m[0] - 1; j >= 0 && s[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			at = append(at, m[1]-2)
		}
	}
	return at
}

// cookMaxEscapes parses lit, wrapped in open and close, with its
// `\u{10FFFF}` escapes spelled as surrogate pairs (which goja reads), and
// returns the expression.
func cookMaxEscapes(lit, open, close string) (ast.Expression, bool) {
	var b strings.Builder
	for i := 0; i < len(lit); {
		if strings.HasPrefix(lit[i:], `\\`) { // an escaped backslash: text follows
			b.WriteString(`\\`)
			i += 2
			continue
		}
		if loc := maxEscape.FindStringIndex(lit[i:]); loc != nil && loc[0] == 0 {
			b.WriteString(`\uDBFF\uDFFF`)
			i += loc[1]
			continue
		}
		b.WriteByte(lit[i])
		i++
	}
	spelled := b.String()
	prg, err := goja.Parse("", open+spelled+close)
	if err != nil || len(prg.Body) != 1 {
		return nil, false
	}
	st, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil, false
	}
	e := st.Expression
	if t, ok := e.(*ast.TemplateLiteral); ok && len(t.Elements) == 1 {
		return t, true
	}
	if s, ok := e.(*ast.StringLiteral); ok {
		return s, true
	}
	return nil, false
}

// evalMaxEscapes spells each `\u{10FFFF}` escape of code given to eval or
// new Function as its surrogate pair, which goja's lexer reads (it panicked
// on the escape: "unexpected unicode length", and the whole script failed).
// The value of a string or template is the same; a template's raw text
// shows the pair.
func evalMaxEscapes(src string) string {
	if !strings.Contains(src, `\u{`) {
		return src
	}
	var b strings.Builder
	last := 0
	for _, m := range maxEscape.FindAllStringIndex(src, -1) {
		n := 0
		for j := m[0] - 1; j >= 0 && src[j] == '\\'; j-- {
			n++
		}
		if n%2 != 0 {
			continue
		}
		b.WriteString(src[last:m[0]])
		b.WriteString(`\uDBFF\uDFFF`)
		last = m[1]
	}
	if last == 0 {
		return src
	}
	b.WriteString(src[last:])
	return b.String()
}
