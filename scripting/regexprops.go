package scripting

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/unistring"
)

// goja reads \p{…} in a /u regular expression as the letter p: /\p{Lu}/u
// never matches, where V8 matches every uppercase letter. Regular
// expression literals whose pattern uses property escapes are rewritten
// when the script is compiled: each escape becomes the class of code point
// ranges it stands for (from Go's Unicode tables), built through a hook
// that keeps the literal's own source and flags for scripts to read. A
// /v literal that uses none of /v's set syntax compiles as /u the same
// way. Other /v and /d literals go through the hook as written, so that
// only they fail (when evaluated), not the whole script. (new
// RegExp('\\p{L}', 'u') is not rewritten: its pattern is only known when
// it runs.)
const hookRegExp = "__courierRegExp" // (pattern, flags, source, sourceFlags): the RegExp

var modifierRe = lazyre.New(`\(\?-?[ims]+(?:-[ims]+)?:`)

var unicodeSetsRe = lazyre.New(`/[dgimsuyv]*[vd][dgimsuyv]*\b`)

// mayNeedRegExpRewrite is a cheap test for scripts with nothing to rewrite.
func mayNeedRegExpRewrite(src string) bool {
	return strings.Contains(src, `\p{`) || strings.Contains(src, `\P{`) || modifierRe().MatchString(src) || unicodeSetsRe().MatchString(src)
}

// rewriteRegExpLiterals replaces the literals that need it by hook calls.
func rewriteRegExpLiterals(body ast.Node) {
	var lits []*ast.RegExpLiteral
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		if x, ok := n.(*ast.RegExpLiteral); ok {
			lits = append(lits, x)
		}
	})
	if len(lits) == 0 {
		return
	}
	repl := map[*ast.RegExpLiteral]ast.Expression{}
	for _, x := range lits {
		p, f, ok := translateRegExp(x.Pattern, x.Flags)
		if !ok {
			if !strings.ContainsAny(x.Flags, "vd") && !modifierRe().MatchString(x.Pattern) {
				continue
			}
			// goja refuses the flag when it compiles the script: built
			// through the hook, only this expression fails, when it runs.
			p, f = x.Pattern, x.Flags
		}
		str := func(s string) ast.Expression {
			return &ast.StringLiteral{Idx: x.Idx, Value: unistring.NewFromString(s)}
		}
		repl[x] = &ast.CallExpression{
			Callee:           &ast.Identifier{Name: unistring.NewFromString(hookRegExp), Idx: x.Idx},
			LeftParenthesis:  x.Idx,
			ArgumentList:     []ast.Expression{str(p), str(f), str(x.Pattern), str(x.Flags)},
			RightParenthesis: x.Idx,
		}
	}
	if len(repl) > 0 {
		replaceNodes(reflect.ValueOf(body), reflect.TypeOf((*ast.Expression)(nil)).Elem(), func(e any) any {
			if r, ok := e.(*ast.RegExpLiteral); ok && repl[r] != nil {
				return repl[r]
			}
			return nil
		})
	}
}

// replaceNodes walks v and sets every field or element of interface type
// iface for which fn returns a replacement (nil: keep it).
func replaceNodes(v reflect.Value, iface reflect.Type, fn func(any) any) {
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Interface:
			if v.IsNil() {
				return
			}
			if v.Type() == iface && v.CanSet() {
				if r := fn(v.Interface()); r != nil {
					v.Set(reflect.ValueOf(r))
					return
				}
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(v)
}

// translateRegExp rewrites a pattern goja cannot read as V8 does. ok is
// false when nothing needs rewriting, or when the pattern uses what the
// rewrite does not cover (then it compiles, or fails, as written).
func translateRegExp(pattern, flags string) (string, string, bool) {
	if strings.Contains(pattern, "(?") {
		p, changed, ok := expandModifiers(pattern)
		if !ok {
			return "", "", false
		}
		if changed {
			if q, f, ok := translateRegExp(p, flags); ok {
				return q, f, true
			}
			return p, flags, true
		}
	}
	unicodeSets := strings.Contains(flags, "v")
	if !unicodeSets && !strings.Contains(flags, "u") {
		return "", "", false
	}
	if !unicodeSets && !strings.Contains(pattern, `\p{`) && !strings.Contains(pattern, `\P{`) {
		return "", "", false
	}
	var b strings.Builder
	inClass := false
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\' && i+2 < len(rs) && (rs[i+1] == 'p' || rs[i+1] == 'P') && rs[i+2] == '{':
			end := i + 3
			for end < len(rs) && rs[end] != '}' {
				end++
			}
			if end >= len(rs) {
				return "", "", false
			}
			ranges, ok := propertyRanges(string(rs[i+3 : end]))
			if !ok {
				return "", "", false
			}
			neg := rs[i+1] == 'P'
			switch {
			case inClass && neg:
				b.WriteString(classRanges(complement(ranges)))
			case inClass:
				b.WriteString(classRanges(ranges))
			case neg:
				b.WriteString("[^" + classRanges(ranges) + "]")
			default:
				b.WriteString("[" + classRanges(ranges) + "]")
			}
			i = end
		case c == '\\' && i+1 < len(rs):
			if unicodeSets && rs[i+1] == 'q' {
				return "", "", false // \q{…} strings
			}
			b.WriteRune(c)
			b.WriteRune(rs[i+1])
			i++
		case c == '[' && !inClass && unicodeSets:
			// A /v class (nested classes, --, &&) is computed here.
			ranges, next, ok := vClass(rs, i)
			if !ok {
				return "", "", false
			}
			b.WriteString("[" + classRanges(ranges) + "]")
			i = next - 1
		case c == '[' && !inClass:
			inClass = true
			b.WriteRune(c)
			if i+1 < len(rs) && rs[i+1] == '^' {
				b.WriteRune('^')
				i++
			}
		case c == ']' && inClass:
			inClass = false
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	if unicodeSets {
		flags = strings.Replace(flags, "v", "u", 1)
	}
	return b.String(), flags, true
}

type runeRange struct{ lo, hi rune }

// generalCategories maps V8's long General_Category names to Go's short ones.
var generalCategories = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll", "Titlecase_Letter": "Lt",
	"Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn",
	"Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N", "Decimal_Number": "Nd", "digit": "Nd",
	"Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc",
	"Dash_Punctuation": "Pd", "Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
	"Final_Punctuation": "Pf", "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc",
	"Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl",
	"Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs",
	"Private_Use": "Co",
}

// scriptAliases are the four-letter script codes scripts use most.
var scriptAliases = map[string]string{
	"Latn": "Latin", "Grek": "Greek", "Cyrl": "Cyrillic", "Arab": "Arabic", "Hebr": "Hebrew", "Hani": "Han",
	"Hira": "Hiragana", "Kana": "Katakana", "Hang": "Hangul", "Thai": "Thai", "Deva": "Devanagari", "Zyyy": "Common",
}

// propertyRanges resolves a property escape's name to code point ranges.
func propertyRanges(name string) ([]runeRange, bool) {
	key, val, hasVal := strings.Cut(name, "=")
	var tables []*unicode.RangeTable
	switch {
	case hasVal && (key == "General_Category" || key == "gc"):
		if long, ok := generalCategories[val]; ok {
			val = long
		}
		if t, ok := categoryTable(val); ok {
			tables = append(tables, t)
		}
	case hasVal && (key == "Script" || key == "sc" || key == "Script_Extensions" || key == "scx"):
		if long, ok := scriptAliases[val]; ok {
			val = long
		}
		if t, ok := unicode.Scripts[val]; ok {
			tables = append(tables, t)
		}
	case hasVal:
	default:
		if long, ok := generalCategories[key]; ok {
			key = long
		}
		if t, ok := categoryTable(key); ok {
			tables = append(tables, t)
			break
		}
		switch key {
		case "Any":
			return []runeRange{{0, unicode.MaxRune}}, true
		case "ASCII":
			return []runeRange{{0, 0x7f}}, true
		case "Alphabetic", "Alpha":
			tables = append(tables, unicode.L, unicode.Nl, unicode.Other_Alphabetic)
		case "Lowercase", "Lower":
			tables = append(tables, unicode.Ll, unicode.Other_Lowercase)
		case "Uppercase", "Upper":
			tables = append(tables, unicode.Lu, unicode.Other_Uppercase)
		default:
			if t, ok := unicode.Properties[key]; ok {
				tables = append(tables, t)
			}
		}
	}
	if len(tables) == 0 {
		return nil, false
	}
	var rs []runeRange
	for _, t := range tables {
		for _, r := range t.R16 {
			rs = appendStrided(rs, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			rs = appendStrided(rs, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	return mergeRanges(rs), true
}

func categoryTable(name string) (*unicode.RangeTable, bool) {
	if name == "LC" {
		return &unicode.RangeTable{R16: append(append(append([]unicode.Range16{}, unicode.Lu.R16...), unicode.Ll.R16...), unicode.Lt.R16...),
			R32: append(append(append([]unicode.Range32{}, unicode.Lu.R32...), unicode.Ll.R32...), unicode.Lt.R32...)}, true
	}
	t, ok := unicode.Categories[name]
	return t, ok
}

func appendStrided(rs []runeRange, lo, hi, stride rune) []runeRange {
	if stride == 1 {
		return append(rs, runeRange{lo, hi})
	}
	for c := lo; c <= hi; c += stride {
		rs = append(rs, runeRange{c, c})
	}
	return rs
}

func mergeRanges(rs []runeRange) []runeRange {
	sort.Slice(rs, func(i, j int) bool { return rs[i].lo < rs[j].lo })
	var out []runeRange
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

func complement(rs []runeRange) []runeRange {
	var out []runeRange
	next := rune(0)
	for _, r := range rs {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out
}

// classRanges writes ranges as class members in /u syntax.
func classRanges(rs []runeRange) string {
	var b strings.Builder
	esc := func(r rune) { b.WriteString(`\u{` + strconv.FormatInt(int64(r), 16) + `}`) }
	for _, r := range rs {
		esc(r.lo)
		if r.hi != r.lo {
			b.WriteByte('-')
			esc(r.hi)
		}
	}
	return b.String()
}

// vClass reads the /v class starting at rs[i] == '[' (members, ranges,
// property escapes, nested classes, and -- or && between operands) and
// returns the code points it matches and the index after its ']'.
func vClass(rs []rune, i int) ([]runeRange, int, bool) {
	i++
	neg := i < len(rs) && rs[i] == '^'
	if neg {
		i++
	}
	var acc []runeRange
	op := byte(0) // 0 union, '-' difference, '&' intersection
	first := true
	for i < len(rs) && rs[i] != ']' {
		var operand []runeRange
		switch {
		case rs[i] == '-' && i+1 < len(rs) && rs[i+1] == '-':
			op, i = '-', i+2
			continue
		case rs[i] == '&' && i+1 < len(rs) && rs[i+1] == '&':
			op, i = '&', i+2
			continue
		case rs[i] == '[':
			sub, next, ok := vClass(rs, i)
			if !ok {
				return nil, 0, false
			}
			operand, i = sub, next
		default:
			lo, next, set, ok := classAtom(rs, i)
			if !ok {
				return nil, 0, false
			}
			i = next
			if set != nil {
				operand = set
			} else if i+1 < len(rs) && rs[i] == '-' && rs[i+1] != '-' && rs[i+1] != ']' {
				hi, next2, set2, ok := classAtom(rs, i+1)
				if !ok || set2 != nil || hi < lo {
					return nil, 0, false
				}
				operand, i = []runeRange{{lo, hi}}, next2
			} else {
				operand = []runeRange{{lo, lo}}
			}
		}
		switch {
		case first || op == 0:
			acc = mergeRanges(append(acc, operand...))
		case op == '-':
			acc = intersect(acc, complement(mergeRanges(operand)))
		case op == '&':
			acc = intersect(acc, mergeRanges(operand))
		}
		first = false
	}
	if i >= len(rs) {
		return nil, 0, false
	}
	if neg {
		acc = complement(acc)
	}
	return acc, i + 1, true
}

// classAtom reads one class member at rs[i]: a character (set nil) or a
// class escape standing for a set (\p{…}, \d, \w, \s and negations).
func classAtom(rs []rune, i int) (rune, int, []runeRange, bool) {
	if rs[i] != '\\' {
		return rs[i], i + 1, nil, true
	}
	if i+1 >= len(rs) {
		return 0, 0, nil, false
	}
	c := rs[i+1]
	switch c {
	case 'p', 'P':
		end := i + 3
		for end < len(rs) && rs[end] != '}' {
			end++
		}
		if i+2 >= len(rs) || rs[i+2] != '{' || end >= len(rs) {
			return 0, 0, nil, false
		}
		set, ok := propertyRanges(string(rs[i+3 : end]))
		if !ok {
			return 0, 0, nil, false
		}
		if c == 'P' {
			set = complement(set)
		}
		return 0, end + 1, set, true
	case 'd', 'D', 'w', 'W', 's', 'S':
		var set []runeRange
		switch c {
		case 'd', 'D':
			set = []runeRange{{'0', '9'}}
		case 'w', 'W':
			set = []runeRange{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
		default:
			set, _ = propertyRanges("White_Space")
			set = mergeRanges(append(set, runeRange{0xfeff, 0xfeff}))
		}
		if c == 'D' || c == 'W' || c == 'S' {
			set = complement(set)
		}
		return 0, i + 2, set, true
	case 'n':
		return '\n', i + 2, nil, true
	case 't':
		return '\t', i + 2, nil, true
	case 'r':
		return '\r', i + 2, nil, true
	case 'f':
		return '\f', i + 2, nil, true
	case 'v':
		return '\v', i + 2, nil, true
	case 'u':
		if i+2 < len(rs) && rs[i+2] == '{' {
			end := i + 3
			for end < len(rs) && rs[end] != '}' {
				end++
			}
			n, err := strconv.ParseUint(string(rs[i+3:min(end, len(rs))]), 16, 32)
			if end >= len(rs) || err != nil {
				return 0, 0, nil, false
			}
			return rune(n), end + 1, nil, true
		}
		if i+6 <= len(rs) {
			if n, err := strconv.ParseUint(string(rs[i+2:i+6]), 16, 32); err == nil {
				return rune(n), i + 6, nil, true
			}
		}
		return 0, 0, nil, false
	case 'x':
		if i+4 <= len(rs) {
			if n, err := strconv.ParseUint(string(rs[i+2:i+4]), 16, 32); err == nil {
				return rune(n), i + 4, nil, true
			}
		}
		return 0, 0, nil, false
	case 'q', 'b', 'B', 'c', 'k':
		return 0, 0, nil, false
	}
	return c, i + 2, nil, true // an escaped punctuator
}

func intersect(a, b []runeRange) []runeRange {
	var out []runeRange
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
		if lo <= hi {
			out = append(out, runeRange{lo, hi})
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// expandModifiers rewrites (?i:X) groups, which goja's engines lack, as
// (?:X) with every letter of X matching both cases ([aA]). Other modifier
// groups ((?m:, (?s:, (?-i:) are not rewritten: ok is false.
func expandModifiers(pattern string) (string, bool, bool) {
	rs := []rune(pattern)
	var b strings.Builder
	changed := false
	// depth of (?i: groups we are inside, and each open group's kind
	var stack []bool
	fold := 0
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\' && i+1 < len(rs):
			b.WriteRune(c)
			b.WriteRune(rs[i+1])
			i++
		case c == '[':
			// A class: under (?i:, its members again in the other case.
			j := i + 1
			if j < len(rs) && rs[j] == '^' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				if rs[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(rs) {
				return "", false, false
			}
			body := string(rs[i+1 : j])
			if fold > 0 {
				body += swapCase(strings.TrimPrefix(body, "^"))
			}
			b.WriteString("[" + body + "]")
			i = j
		case c == '(' && strings.HasPrefix(string(rs[i:min(i+4, len(rs))]), "(?i:"):
			stack = append(stack, true)
			fold++
			changed = true
			b.WriteString("(?:")
			i += 3
		case c == '(' && i+2 < len(rs) && rs[i+1] == '?' && (rs[i+2] == '-' || rs[i+2] == 'm' || rs[i+2] == 's' || rs[i+2] == 'i'):
			return "", false, false
		case c == '(':
			stack = append(stack, false)
			b.WriteRune(c)
		case c == ')':
			if n := len(stack); n > 0 {
				if stack[n-1] {
					fold--
				}
				stack = stack[:n-1]
			}
			b.WriteRune(c)
		case fold > 0 && unicode.ToUpper(c) != unicode.ToLower(c):
			b.WriteString("[" + string(unicode.ToLower(c)) + string(unicode.ToUpper(c)) + "]")
		default:
			b.WriteRune(c)
		}
	}
	return b.String(), changed, true
}

// swapCase turns the letters of a class body to their other case, escapes
// kept as they are.
func swapCase(body string) string {
	rs := []rune(body)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\' && i+1 < len(rs):
			b.WriteRune(c)
			b.WriteRune(rs[i+1])
			i++
		case unicode.IsUpper(c):
			b.WriteRune(unicode.ToLower(c))
		case unicode.IsLower(c):
			b.WriteRune(unicode.ToUpper(c))
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
