package scripting

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

// Duplicate named groups (ES2025): V8 takes a group name used twice when
// the two groups sit in different alternatives, so that at most one of
// them can take part in a match, and refuses it otherwise. goja refuses
// every duplicate when it compiles the pattern (or, on its second engine,
// fails at run time). A pattern with duplicates runs with each later use
// of a name renamed, a backreference to the name matching whichever group
// took part, and js/parts/regexp.js puts the groups back under their
// written names (regExpPlan.names).

// clashingGroupLiteral refuses a script holding a regular expression
// literal whose group names clash (two groups of one name that can both
// take part in a match): V8 checks a literal's pattern when it parses the
// script, so none of it runs (an early SyntaxError), where the hook that
// builds literals with duplicate names would throw only when it is
// evaluated; code given to eval or new Function is refused so where it is
// compiled (evalRegExps). A pattern built at run time (new RegExp) fails
// where it runs, as in V8.
func clashingGroupLiteral(prog *ast.Program, src string) error {
	if !strings.Contains(src, "(?<") {
		return nil
	}
	var bad *ast.RegExpLiteral
	walkAST(reflect.ValueOf(prog), func(n ast.Node) {
		if x, ok := n.(*ast.RegExpLiteral); ok && bad == nil && strings.Count(x.Pattern, "(?<") > 1 {
			if _, _, reason := dedupGroupNames(x.Pattern, x.Flags); reason != "" {
				bad = x
			}
		}
	})
	if bad == nil {
		return nil
	}
	return &goja.CompilerSyntaxError{CompilerError: goja.CompilerError{
		Message: "Invalid regular expression: /" + bad.Pattern + "/" + bad.Flags + ": Duplicate capture group name",
		File:    prog.File,
		Offset:  int(bad.Idx) - 1,
	}}
}

// groupUse is one named capturing group of a pattern: its name, where the
// name starts and ends (runes), and the alternatives it sits in, outermost
// first.
type groupUse struct {
	name       string
	start, end int
	path       []altPos
}

// altPos is one disjunction around a group: which (its opening's
// position, -1 for the whole pattern) and the alternative the group is in.
type altPos struct{ at, alt int }

// sameAlternative reports two groups that can both take part in a match:
// at every disjunction around both they sit in the same alternative.
func sameAlternative(a, b []altPos) bool {
	for i := 0; i < len(a) && i < len(b) && a[i].at == b[i].at; i++ {
		if a[i].alt != b[i].alt {
			return false
		}
	}
	return true
}

// namedGroups lists the named capturing groups of pattern (as written,
// JavaScript syntax) and where each backreference \k<name> is.
func namedGroups(rs []rune, unicodeSets bool) (uses []groupUse, refs [][2]int) {
	stack := []altPos{{at: -1}}
	classDepth := 0
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\' && i+1 < len(rs):
			if end := backrefEnd(rs, i); end > 0 && classDepth == 0 {
				refs = append(refs, [2]int{i, end})
			}
			i++
		case classDepth > 0:
			switch {
			case c == ']':
				classDepth--
			case c == '[' && unicodeSets:
				classDepth++
			}
		case c == '[':
			classDepth = 1
		case c == '|':
			stack[len(stack)-1].alt++
		case c == ')':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case c == '(':
			if end := groupNameEnd(rs, i); end > 0 {
				uses = append(uses, groupUse{name: string(rs[i+3 : end]), start: i + 3, end: end, path: slices.Clone(stack)})
			}
			stack = append(stack, altPos{at: i})
		}
	}
	return uses, refs
}

// backrefEnd is where a backreference \k<name> at rs[i] ends (after its
// '>'); 0 when none starts there.
func backrefEnd(rs []rune, i int) int {
	if i+2 >= len(rs) || rs[i+1] != 'k' || rs[i+2] != '<' {
		return 0
	}
	if end := slices.Index(rs[i+3:], '>'); end >= 0 {
		return i + 3 + end + 1
	}
	return 0
}

// groupNameEnd is where the name of a named group (?<name> opened at
// rs[i] ends (at its '>'); 0 when the group has no name (a lookbehind
// (?<= or (?<! has none).
func groupNameEnd(rs []rune, i int) int {
	if i+3 >= len(rs) || rs[i+1] != '?' || rs[i+2] != '<' || rs[i+3] == '=' || rs[i+3] == '!' {
		return 0
	}
	if end := slices.Index(rs[i+3:], '>'); end >= 0 {
		return i + 3 + end
	}
	return 0
}

// dedupGroupNames renames the later uses of each name a pattern gives two
// groups. names lists each written name once, in order of first use, with
// the names its groups run under; nil when no name is used twice. reason
// is V8's when two groups of one name could both take part.
func dedupGroupNames(pattern, flags string) (out string, names [][]string, reason string) {
	if !strings.Contains(pattern, "(?<") {
		return pattern, nil, ""
	}
	rs := []rune(pattern)
	uses, refs := namedGroups(rs, strings.Contains(flags, "v"))
	first := map[string][]int{} // name -> indexes into uses
	var order []string
	for i, u := range uses {
		if _, ok := first[u.name]; !ok {
			order = append(order, u.name)
		}
		first[u.name] = append(first[u.name], i)
	}
	if len(order) == len(uses) {
		return pattern, nil, ""
	}
	if clashingDuplicates(uses, first) {
		return "", nil, "Duplicate capture group name"
	}
	runAs, names := aliasDuplicates(order, first, len(uses))
	return rebuildGroups(rs, uses, refs, runAs, names), names, ""
}

// clashingDuplicates reports whether two groups of one name could both
// take part in a match (they do not stand in different alternatives).
// first maps each name to its groups' indexes into uses.
func clashingDuplicates(uses []groupUse, first map[string][]int) bool {
	for _, idx := range first {
		for a := 0; a < len(idx); a++ {
			for b := a + 1; b < len(idx); b++ {
				if sameAlternative(uses[idx[a]].path, uses[idx[b]].path) {
					return true
				}
			}
		}
	}
	return false
}

// aliasDuplicates gives each group the name it runs under: the first of a
// name keeps it, the later ones get name__1, name__2... (with "_" added
// while that is taken). names lists, per written name in order, the names
// its groups run under.
func aliasDuplicates(order []string, first map[string][]int, n int) (runAs []string, names [][]string) {
	taken := func(n string) bool { _, ok := first[n]; return ok }
	runAs = make([]string, n)
	for _, name := range order {
		idx := first[name]
		row := []string{name}
		runAs[idx[0]] = name
		for k := 1; k < len(idx); k++ {
			alias := name + "__" + strconv.Itoa(k)
			for taken(alias) || slices.Contains(row, alias) {
				alias += "_"
			}
			runAs[idx[k]] = alias
			row = append(row, alias)
		}
		names = append(names, row)
	}
	return runAs, names
}

// rebuildGroups writes the pattern again: group names renamed, and a
// backreference to a duplicated name as one to each of its groups in turn
// (a group that took no part matches the empty string).
func rebuildGroups(rs []rune, uses []groupUse, refs [][2]int, runAs []string, names [][]string) string {
	rows := map[string][]string{}
	for _, row := range names {
		rows[row[0]] = row
	}
	var b strings.Builder
	last, u, r := 0, 0, 0
	for last < len(rs) {
		switch {
		case u < len(uses) && (r >= len(refs) || uses[u].start < refs[r][0]):
			b.WriteString(string(rs[last:uses[u].start]))
			b.WriteString(runAs[u])
			last = uses[u].end
			u++
		case r < len(refs):
			b.WriteString(string(rs[last:refs[r][0]]))
			name := string(rs[refs[r][0]+3 : refs[r][1]-1])
			if row := rows[name]; len(row) > 1 {
				b.WriteString("(?:")
				for _, n := range row {
					b.WriteString(`\k<` + n + `>`)
				}
				b.WriteString(")")
			} else {
				b.WriteString(string(rs[refs[r][0]:refs[r][1]]))
			}
			last = refs[r][1]
			r++
		default:
			b.WriteString(string(rs[last:]))
			last = len(rs)
		}
	}
	return b.String()
}

// evalRegExps gives the text an eval (body false) or new Function (body
// true) is about to parse, with the regular expression literals that need
// it built through the hook, as the script's own literals are when it is
// compiled (regexprops.go): goja compiles eval'd code without courier's
// passes. It returns src unchanged when no literal needs the hook.
func evalRegExps(src string, body bool) (string, bool, error) {
	if !mayNeedRegExpRewrite(src) {
		return src, false, nil
	}
	text, off := src, 0
	if body {
		const prefix = "(function anonymous(\n) {\n"
		text, off = prefix+src+"\n})", len(prefix)
	}
	prg, err := goja.Parse("", text)
	if err != nil {
		return src, false, nil
	}
	if err := clashingGroupLiteral(prg, src); err != nil {
		return src, false, err
	}
	var lits []*ast.RegExpLiteral
	walkAST(reflect.ValueOf(prg), func(n ast.Node) {
		if x, ok := n.(*ast.RegExpLiteral); ok && literalNeedsHook(x) {
			lits = append(lits, x)
		}
	})
	if len(lits) == 0 {
		return src, false, nil
	}
	slices.SortFunc(lits, func(a, b *ast.RegExpLiteral) int { return int(a.Idx) - int(b.Idx) })
	var b strings.Builder
	last := 0
	for _, x := range lits {
		start := int(x.Idx) - 1 - off
		// Literal is the literal's text, without flags goja does not
		// know (v).
		text := x.Literal
		if !strings.HasSuffix(text, "/"+x.Flags) {
			text += x.Flags
		}
		end := start + len(text)
		if start < last || end > len(src) || src[start:end] != text {
			return src, false, nil
		}
		pat, _ := json.Marshal(x.Pattern)
		flags, _ := json.Marshal(x.Flags)
		b.WriteString(src[last:start])
		b.WriteString(hookRegExp + "(" + string(pat) + "," + string(flags) + ")")
		last = end
	}
	b.WriteString(src[last:])
	return b.String(), true, nil
}
