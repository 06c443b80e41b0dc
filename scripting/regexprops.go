package scripting

import (
	"reflect"
	"slices"
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
// ranges it stands for (from Go's Unicode tables and V8's own for binary
// properties, emoji ones included: v8props_gen.go),
// built through a hook that keeps the literal's own source and flags for
// scripts to read. A /v literal that uses none of /v's set syntax compiles
// as /u the same way. /d literals and the rest of /v go through the hook
// too, so that only they fail (when evaluated), not the whole script. The
// hook is js/parts/regexp.js, which also builds the regular expressions
// scripts make at run time (regexpctor.go).
const hookRegExp = "__courierRegExp" // (source, flags): the RegExp

var modifierRe = lazyre.New(`\(\?-?[ims]+(?:-[ims]+)?:`)

var unicodeSetsRe = lazyre.New(`/[dgimsuyv]*[vd][dgimsuyv]*\b`)

// mayNeedRegExpRewrite is a cheap test for scripts with nothing to rewrite.
func mayNeedRegExpRewrite(src string) bool {
	return strings.Contains(src, `\p{`) || strings.Contains(src, `\P{`) || modifierRe().MatchString(src) || unicodeSetsRe().MatchString(src) ||
		strings.Contains(src, `\u002f`) || strings.Contains(src, "(?<")
}

// rewriteRegExpLiterals replaces the literals that need it by hook calls,
// and reports whether it replaced any.
func rewriteRegExpLiterals(body ast.Node) bool {
	var lits []*ast.RegExpLiteral
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		if x, ok := n.(*ast.RegExpLiteral); ok && literalNeedsHook(x) {
			lits = append(lits, x)
		}
	})
	if len(lits) == 0 {
		return false
	}
	repl := map[*ast.RegExpLiteral]ast.Expression{}
	for _, x := range lits {
		str := func(s string) ast.Expression {
			return &ast.StringLiteral{Idx: x.Idx, Value: unistring.NewFromString(s)}
		}
		repl[x] = &ast.CallExpression{
			Callee:           &ast.Identifier{Name: unistring.NewFromString(hookRegExp), Idx: x.Idx},
			LeftParenthesis:  x.Idx,
			ArgumentList:     []ast.Expression{str(x.Pattern), str(x.Flags)},
			RightParenthesis: x.Idx,
		}
	}
	replaceNodes(reflect.ValueOf(body), reflect.TypeOf((*ast.Expression)(nil)).Elem(), func(e any) any {
		if r, ok := e.(*ast.RegExpLiteral); ok && repl[r] != nil {
			return repl[r]
		}
		return nil
	})
	return true
}

// literalNeedsHook: the literal's pattern is rewritten, or goja would
// refuse it (its /v or /d flag, a modifier group) when it compiles the
// script: built through the hook, only this expression fails, when it
// runs.
func literalNeedsHook(x *ast.RegExpLiteral) bool {
	if _, _, ok := translateRegExp(x.Pattern, x.Flags); ok {
		return true
	}
	// A \u002f written in the pattern: goja's source writes each '/' so
	// too; built through the hook, the object remembers which it was.
	return strings.ContainsAny(x.Flags, "vd") || modifierRe().MatchString(x.Pattern) || strings.Contains(x.Pattern, `\u002f`) ||
		reusesGroupName(x.Pattern, x.Flags)
}

// reusesGroupName reports a pattern that names two groups alike.
func reusesGroupName(pattern, flags string) bool {
	if strings.Count(pattern, "(?<") < 2 {
		return false
	}
	_, names, reason := dedupGroupNames(pattern, flags)
	return names != nil || reason != ""
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
		if p, f, done, ok := translateModifierGroups(pattern, flags); done {
			return p, f, ok
		}
	}
	unicodeSets := strings.Contains(flags, "v")
	if !needsClassRewrite(pattern, flags, unicodeSets) {
		return "", "", false
	}
	out, ok := rewriteClasses([]rune(pattern), unicodeSets, unicodeSets && strings.Contains(flags, "i"))
	if !ok {
		return "", "", false
	}
	if unicodeSets {
		flags = strings.Replace(flags, "v", "u", 1)
	}
	return out, flags, true
}

// translateModifierGroups expands modifier groups ((?i:…), (?m-s:…)…),
// then translates what is left. done is false when the pattern has no
// modifier group to expand.
func translateModifierGroups(pattern, flags string) (p, f string, done, ok bool) {
	expanded, runFlags, changed, ok := expandModifiers(pattern, flags)
	switch {
	case !ok:
		return "", "", true, false
	case !changed:
		return "", "", false, false
	}
	if q, f, ok := translateRegExp(expanded, runFlags); ok {
		return q, f, true, true
	}
	return expanded, runFlags, true, true
}

// needsClassRewrite: /v patterns always (their classes are computed),
// /u patterns with property escapes; nothing else.
func needsClassRewrite(pattern, flags string, unicodeSets bool) bool {
	if unicodeSets {
		return true
	}
	return strings.Contains(flags, "u") && (strings.Contains(pattern, `\p{`) || strings.Contains(pattern, `\P{`))
}

// classRewriter copies a pattern, replacing property escapes by the
// classes they stand for and, under /v, computing each class.
type classRewriter struct {
	rs          []rune
	b           strings.Builder
	inClass     bool
	unicodeSets bool
	// fold: /vi, whose classes and \P{…} are closed under case folding
	// before they are negated.
	fold bool
}

func rewriteClasses(rs []rune, unicodeSets, fold bool) (string, bool) {
	w := &classRewriter{rs: rs, unicodeSets: unicodeSets, fold: fold}
	for i := 0; i < len(rs); {
		next, ok := w.step(i)
		if !ok {
			return "", false
		}
		i = next
	}
	return w.b.String(), true
}

// step copies or rewrites what starts at rs[i] and returns where the next
// step starts.
func (w *classRewriter) step(i int) (int, bool) {
	rs, c := w.rs, w.rs[i]
	switch {
	case isPropertyEscape(rs, i):
		return w.property(i)
	case c == '\\' && i+1 < len(rs):
		if w.unicodeSets && rs[i+1] == 'q' {
			return 0, false // \q{…} strings
		}
		w.b.WriteString(string(rs[i : i+2]))
		return i + 2, true
	case c == '[' && !w.inClass && w.unicodeSets:
		// A /v class (nested classes, --, &&, strings) is computed here.
		set, next, ok := vClass(rs, i, w.fold)
		if !ok {
			return 0, false
		}
		w.b.WriteString(set.pattern())
		return next, true
	case c == '[' && !w.inClass:
		w.inClass = true
		if i+1 < len(rs) && rs[i+1] == '^' {
			w.b.WriteString("[^")
			return i + 2, true
		}
	case c == ']' && w.inClass:
		w.inClass = false
	}
	w.b.WriteRune(c)
	return i + 1, true
}

// property writes the property escape at rs[i] as class members (inside a
// class) or as a class of its own.
func (w *classRewriter) property(i int) (int, bool) {
	end := bracedEnd(w.rs, i+2)
	if end < 0 {
		return 0, false
	}
	name, neg := string(w.rs[i+3:end]), w.rs[i+1] == 'P'
	if w.unicodeSets && !neg {
		if set, ok := stringProperty(name); ok {
			w.b.WriteString(set.pattern())
			return end + 1, true
		}
	}
	ranges, ok := propertyRanges(name)
	if !ok {
		return 0, false
	}
	switch {
	case w.inClass && neg:
		w.b.WriteString(classRanges(complement(ranges)))
	case w.inClass:
		w.b.WriteString(classRanges(ranges))
	case neg && w.fold:
		w.b.WriteString("[" + classRanges(complement(caseClosure(ranges))) + "]")
	case neg:
		// The complement itself, matched as /i matches: V8 negates
		// before it folds (\P{Ll} matches K and k under /ui).
		w.b.WriteString("[" + classRanges(complement(ranges)) + "]")
	default:
		w.b.WriteString("[" + classRanges(ranges) + "]")
	}
	return end + 1, true
}

// isPropertyEscape reports whether rs[i:] starts \p{ or \P{.
func isPropertyEscape(rs []rune, i int) bool {
	return rs[i] == '\\' && i+2 < len(rs) && (rs[i+1] == 'p' || rs[i+1] == 'P') && rs[i+2] == '{'
}

// bracedEnd returns the index of the '}' closing the '{' at rs[open], or -1.
func bracedEnd(rs []rune, open int) int {
	if open >= len(rs) || rs[open] != '{' {
		return -1
	}
	for end := open + 1; end < len(rs); end++ {
		if rs[end] == '}' {
			return end
		}
	}
	return -1
}

type runeRange struct{ lo, hi rune }

//go:generate go run ./internal/genprops

// generalCategories maps V8's long General_Category names to the short
// ones v8props_gen.go keys its tables by.
var generalCategories = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll", "Titlecase_Letter": "Lt",
	"Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn",
	"Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N", "Decimal_Number": "Nd", "digit": "Nd",
	"Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc",
	"Dash_Punctuation": "Pd", "Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
	"Final_Punctuation": "Pf", "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc",
	"Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl",
	"Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs",
	"Private_Use": "Co", "Unassigned": "Cn",
}

// propertyRanges resolves a property escape's name to code point ranges,
// as V8 (Unicode 16.0) reads it: v8props_gen.go holds its tables.
func propertyRanges(name string) ([]runeRange, bool) {
	key, val, hasVal := strings.Cut(name, "=")
	switch {
	case !hasVal:
		if rs, ok := fixedProperty(key); ok {
			return rs, true
		}
		return loneProperty(key)
	case key == "General_Category" || key == "gc":
		return categoryRanges(val)
	case key == "Script" || key == "sc":
		return scriptRanges(val, v8Scripts())
	case key == "Script_Extensions" || key == "scx":
		return scriptRanges(val, v8ScriptExtensions())
	}
	return nil, false
}

// fixedProperty: the properties that are one range.
func fixedProperty(name string) ([]runeRange, bool) {
	switch name {
	case "Any":
		return []runeRange{{0, unicode.MaxRune}}, true
	case "ASCII":
		return []runeRange{{0, 0x7f}}, true
	}
	return nil, false
}

// loneProperty resolves \p{Name}: a General_Category value or a binary
// property.
func loneProperty(name string) ([]runeRange, bool) {
	if rs, ok := categoryRanges(name); ok {
		return rs, true
	}
	if long, ok := v8PropertyAliases()[name]; ok {
		name = long
	}
	if rs, ok := v8Properties()[name]; ok {
		return slices.Clone(rs), true
	}
	return nil, false
}

// categoryRanges resolves a General_Category value, long or short: a leaf
// (Lu) or the union its letter names (L is Lu|Ll|Lt|Lm|Lo; LC is
// Lu|Ll|Lt).
func categoryRanges(name string) ([]runeRange, bool) {
	if short, ok := generalCategories[name]; ok {
		name = short
	}
	if rs, ok := v8Categories()[name]; ok {
		return slices.Clone(rs), true
	}
	var rs []runeRange
	for leaf, t := range v8Categories() {
		if name == "LC" && (leaf == "Lu" || leaf == "Ll" || leaf == "Lt") || len(name) == 1 && leaf[:1] == name {
			rs = append(rs, t...)
		}
	}
	if rs == nil {
		return nil, false
	}
	return mergeRanges(rs), true
}

// scriptRanges resolves a Script or Script_Extensions value, long or
// short (Latn, Zyyy…).
func scriptRanges(name string, tables map[string][]runeRange) ([]runeRange, bool) {
	if long, ok := v8ScriptAliases()[name]; ok {
		name = long
	}
	rs, ok := tables[name]
	return slices.Clone(rs), ok
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

// controlEscapes are the class escapes that stand for one character.
var controlEscapes = map[rune]rune{'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v'}

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
	if ch, ok := controlEscapes[c]; ok {
		return ch, i + 2, nil, true
	}
	switch c {
	case 'p', 'P':
		set, next, ok := propertyAtom(rs, i)
		return 0, next, set, ok
	case 'd', 'D', 'w', 'W', 's', 'S':
		return 0, i + 2, classEscapeSet(c), true
	case 'u':
		return unicodeEscape(rs, i)
	case 'x':
		return hexEscape(rs, i, 2)
	case 'q', 'b', 'B', 'c', 'k':
		return 0, 0, nil, false
	}
	return c, i + 2, nil, true // an escaped punctuator
}

// propertyAtom reads \p{…} or \P{…} at rs[i] inside a /v class.
func propertyAtom(rs []rune, i int) ([]runeRange, int, bool) {
	end := bracedEnd(rs, i+2)
	if end < 0 {
		return nil, 0, false
	}
	set, ok := propertyRanges(string(rs[i+3 : end]))
	if !ok {
		return nil, 0, false
	}
	if rs[i+1] == 'P' {
		set = complement(set)
	}
	return set, end + 1, true
}

// classEscapeSet is the set \d, \w, \s or a negation of one stands for.
func classEscapeSet(c rune) []runeRange {
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
	if unicode.IsUpper(c) {
		set = complement(set)
	}
	return set
}

// unicodeEscape reads \u{…} or \uXXXX at rs[i].
func unicodeEscape(rs []rune, i int) (rune, int, []runeRange, bool) {
	if i+2 < len(rs) && rs[i+2] == '{' {
		end := bracedEnd(rs, i+2)
		if end < 0 {
			return 0, 0, nil, false
		}
		n, err := strconv.ParseUint(string(rs[i+3:end]), 16, 32)
		if err != nil {
			return 0, 0, nil, false
		}
		return rune(n), end + 1, nil, true
	}
	return hexEscape(rs, i, 4)
}

// hexEscape reads \x or \u at rs[i] followed by digits hex digits.
func hexEscape(rs []rune, i, digits int) (rune, int, []runeRange, bool) {
	end := i + 2 + digits
	if end > len(rs) {
		return 0, 0, nil, false
	}
	n, err := strconv.ParseUint(string(rs[i+2:end]), 16, 32)
	if err != nil {
		return 0, 0, nil, false
	}
	return rune(n), end, nil, true
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
