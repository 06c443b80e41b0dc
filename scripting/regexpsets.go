package scripting

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A /v class is a set of code points and of strings: \q{ab|c} and the
// properties of strings (\p{RGI_Emoji} and its parts, v8strings_gen.go)
// add strings, --, && and nesting combine them. goja has no /v, so the set
// is computed here and written as /u: (?:longest|…|shortest|[code points]),
// longer strings first, as V8 tries them.
type vSet struct {
	ranges []runeRange
	strs   []string // of two code points or more, sorted, unique
	empty  bool     // the empty string (\q{}) is a member
}

// pattern writes the set as a /u expression that matches one member.
func (s vSet) pattern() string {
	if len(s.strs) == 0 && !s.empty {
		return "[" + classRanges(s.ranges) + "]"
	}
	strs := slices.Clone(s.strs)
	slices.SortStableFunc(strs, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	var b strings.Builder
	b.WriteString("(?:")
	for i, str := range strs {
		if i > 0 {
			b.WriteByte('|')
		}
		for _, r := range str {
			b.WriteString(`\u{` + strconv.FormatInt(int64(r), 16) + `}`)
		}
	}
	if len(s.ranges) > 0 {
		if len(strs) > 0 {
			b.WriteByte('|')
		}
		b.WriteString("[" + classRanges(s.ranges) + "]")
	}
	// The empty string is tried last, as V8 tries it.
	if s.empty && (len(strs) > 0 || len(s.ranges) > 0) {
		b.WriteByte('|')
	}
	b.WriteByte(')')
	return b.String()
}

// stringSet makes a set of members: single code points go to ranges.
func stringSet(members []string) vSet {
	var s vSet
	for _, m := range members {
		if r, size := utf8.DecodeRuneInString(m); size == len(m) && m != "" {
			s.ranges = append(s.ranges, runeRange{r, r})
		} else if m != "" {
			s.strs = append(s.strs, m)
		} else {
			s.empty = true
		}
	}
	s.ranges = mergeRanges(s.ranges)
	slices.Sort(s.strs)
	s.strs = slices.Compact(s.strs)
	return s
}

// stringProperty resolves a property of strings. The sets are shared:
// callers copy before they change one.
func stringProperty(name string) (vSet, bool) {
	s, ok := stringPropertySets()[name]
	return s, ok
}

// stringPropertySets are the properties of strings as sets, made once;
// RGI_Emoji is the union of the others.
var stringPropertySets = sync.OnceValue(func() map[string]vSet {
	sets := map[string]vSet{}
	var all []string
	for name, members := range v8StringProperties() {
		sets[name] = stringSet(members)
		all = append(all, members...)
	}
	sets["RGI_Emoji"] = stringSet(all)
	return sets
})

// setOp is how a /v class operand joins what comes before it.
type setOp byte

const (
	setUnion        setOp = 0
	setDifference   setOp = '-'
	setIntersection setOp = '&'
)

// vClass reads the /v class starting at rs[i] == '[' (members, ranges,
// property escapes, strings, nested classes, and -- or && between
// operands) and returns what it matches and the index after its ']'. A
// negated class may not hold strings (V8 refuses it too). With fold (the
// i flag), each operand is closed under simple case folding before the
// class combines and negates them, as V8 reads /vi.
func vClass(rs []rune, i int, fold bool) (vSet, int, bool) {
	i++
	neg := i < len(rs) && rs[i] == '^'
	if neg {
		i++
	}
	var acc vSet
	op := setUnion
	first := true
	for i < len(rs) && rs[i] != ']' {
		if o, ok := vClassOperator(rs, i); ok {
			op, i = o, i+2
			continue
		}
		operand, next, ok := vClassOperand(rs, i, fold)
		if !ok {
			return vSet{}, 0, false
		}
		if fold {
			operand.ranges = caseClosure(operand.ranges)
		}
		acc, i = applySetOp(acc, operand, op, first), next
		first = false
	}
	if i >= len(rs) || neg && (len(acc.strs) > 0 || acc.empty) {
		return vSet{}, 0, false
	}
	if neg {
		acc.ranges = complement(acc.ranges)
	}
	return acc, i + 1, true
}

// vClassOperator reads -- or && at rs[i].
func vClassOperator(rs []rune, i int) (setOp, bool) {
	if i+1 >= len(rs) || rs[i+1] != rs[i] {
		return 0, false
	}
	switch rs[i] {
	case '-':
		return setDifference, true
	case '&':
		return setIntersection, true
	}
	return 0, false
}

// vClassOperand reads one operand of a /v class at rs[i]: a nested class,
// \q{…}, a property of strings, a class escape standing for a set, a range
// or a single character.
func vClassOperand(rs []rune, i int, fold bool) (vSet, int, bool) {
	if rs[i] == '[' {
		return vClass(rs, i, fold)
	}
	if set, next, ok := vStringsOperand(rs, i); ok {
		return set, next, true
	}
	if fold && isPropertyEscape(rs, i) && rs[i+1] == 'P' {
		// \P{…} under /vi: the complement of the folded set.
		if end := bracedEnd(rs, i+2); end >= 0 {
			if ranges, ok := propertyRanges(string(rs[i+3 : end])); ok {
				return vSet{ranges: complement(caseClosure(ranges))}, end + 1, true
			}
		}
	}
	lo, next, set, ok := classAtom(rs, i)
	switch {
	case !ok:
		return vSet{}, 0, false
	case set != nil:
		return vSet{ranges: set}, next, true
	case next+1 < len(rs) && rs[next] == '-' && rs[next+1] != '-' && rs[next+1] != ']':
		hi, end, set2, ok := classAtom(rs, next+1)
		if !ok || set2 != nil || hi < lo {
			return vSet{}, 0, false
		}
		return vSet{ranges: []runeRange{{lo, hi}}}, end, true
	}
	return vSet{ranges: []runeRange{{lo, lo}}}, next, true
}

// vStringsOperand reads \q{…} or \p{a property of strings} at rs[i].
func vStringsOperand(rs []rune, i int) (vSet, int, bool) {
	if rs[i] != '\\' || i+2 >= len(rs) || rs[i+2] != '{' {
		return vSet{}, 0, false
	}
	end := bracedEnd(rs, i+2)
	if end < 0 {
		return vSet{}, 0, false
	}
	switch rs[i+1] {
	case 'p':
		set, ok := stringProperty(string(rs[i+3 : end]))
		return set, end + 1, ok
	case 'q':
		members, ok := quotedStrings(rs[i+3 : end])
		return stringSet(members), end + 1, ok
	}
	return vSet{}, 0, false
}

// quotedStrings reads the body of \q{…}: strings separated by |, with
// character escapes.
func quotedStrings(body []rune) ([]string, bool) {
	var out []string
	var cur []rune
	for i := 0; i < len(body); {
		switch c := body[i]; {
		case c == '|':
			out, cur = append(out, string(cur)), nil
			i++
		case c == '\\':
			r, next, set, ok := classAtom(body, i)
			if !ok || set != nil {
				return nil, false
			}
			cur, i = append(cur, r), next
		default:
			cur, i = append(cur, c), i+1
		}
	}
	return append(out, string(cur)), true
}

// applySetOp joins operand to acc; the first operand starts the set.
func applySetOp(acc, operand vSet, op setOp, first bool) vSet {
	switch {
	case first || op == setUnion:
		strs := append(slices.Clone(acc.strs), operand.strs...)
		slices.Sort(strs)
		return vSet{ranges: mergeRanges(append(slices.Clone(acc.ranges), operand.ranges...)), strs: slices.Compact(strs), empty: acc.empty || operand.empty}
	case op == setDifference:
		return vSet{ranges: intersect(acc.ranges, complement(mergeRanges(slices.Clone(operand.ranges)))),
			strs:  slices.DeleteFunc(slices.Clone(acc.strs), func(s string) bool { _, in := slices.BinarySearch(operand.strs, s); return in }),
			empty: acc.empty && !operand.empty}
	default:
		return vSet{ranges: intersect(acc.ranges, mergeRanges(slices.Clone(operand.ranges))),
			strs:  slices.DeleteFunc(slices.Clone(acc.strs), func(s string) bool { _, in := slices.BinarySearch(operand.strs, s); return !in }),
			empty: acc.empty && operand.empty}
	}
}

// caseClosure adds to a set every code point that simple case folding
// ties to one of its members (k, K and the Kelvin sign together).
func caseClosure(set []runeRange) []runeRange {
	set = mergeRanges(slices.Clone(set))
	var add []runeRange
	for _, r := range foldingRunes() {
		if !inRanges(set, r) {
			continue
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			add = append(add, runeRange{f, f})
		}
	}
	if add == nil {
		return set
	}
	return mergeRanges(append(set, add...))
}

// inRanges reports r in merged, sorted ranges.
func inRanges(set []runeRange, r rune) bool {
	i := sort.Search(len(set), func(i int) bool { return set[i].hi >= r })
	return i < len(set) && set[i].lo <= r
}

// foldingRunes are the code points simple case folding ties to another.
var foldingRunes = sync.OnceValue(func() []rune {
	var out []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.SimpleFold(r) != r {
			out = append(out, r)
		}
	}
	return out
})
