package scripting

import (
	"strings"
	"unicode"
)

// Modifier groups, (?ims-ims:X), turn flags on or off for part of a
// pattern (V8 12.5+, so Postman CLI 1.34). goja has none: each group
// becomes (?:X) with X rewritten to mean, under the flags the pattern
// compiles with, what it means under the group's:
//
//	i on:  a letter c matches both cases, [cC]; a class gets its other case
//	i off: the pattern compiles without i, and the letters outside the
//	       group are expanded instead
//	s:     . is [\s\S] (on) or [^\n\r\u2028\u2029] (off)
//	m:     ^ is (?:^|(?<=[\n\r\u2028\u2029])) (on) or (?<![\s\S]) (off),
//	       $ likewise with lookaheads
type modFlags struct{ i, m, s bool }

func flagsOf(flags string) modFlags {
	return modFlags{i: strings.Contains(flags, "i"), m: strings.Contains(flags, "m"), s: strings.Contains(flags, "s")}
}

// expandModifiers rewrites the modifier groups of pattern. It returns the
// pattern, the flags to compile it with, whether it changed anything, and
// ok false for a modifier group it cannot read.
func expandModifiers(pattern, flags string) (string, string, bool, bool) {
	rs := []rune(pattern)
	base := flagsOf(flags)
	global := base
	if base.i && turnsOff(rs, 'i') {
		global.i = false
		flags = strings.Replace(flags, "i", "", 1)
	}
	x := &modifierExpander{rs: rs, global: global, cur: base}
	for i := 0; i < len(rs); {
		next, ok := x.step(i)
		if !ok {
			return "", "", false, false
		}
		i = next
	}
	return x.b.String(), flags, x.changed, true
}

// turnsOff reports whether a modifier group of rs turns flag off.
func turnsOff(rs []rune, flag rune) bool {
	for i := range rs {
		if rs[i] == '(' && (i == 0 || rs[i-1] != '\\') {
			if _, off, _, ok := modifierGroup(rs, i); ok && strings.ContainsRune(off, flag) {
				return true
			}
		}
	}
	return false
}

// modifierGroup reads (?on-off: at rs[i]: the flags it turns on and off
// and its length. ok is false when rs[i:] is no modifier group.
func modifierGroup(rs []rune, i int) (on, off string, n int, ok bool) {
	if i+2 >= len(rs) || rs[i+1] != '?' {
		return "", "", 0, false
	}
	j, minus := i+2, false
	for ; j < len(rs); j++ {
		switch c := rs[j]; {
		case c == ':':
			if on == "" && off == "" {
				return "", "", 0, false
			}
			return on, off, j - i + 1, true
		case c == '-' && !minus:
			minus = true
		case (c == 'i' || c == 'm' || c == 's') && !strings.ContainsRune(on+off, c):
			if minus {
				off += string(c)
			} else {
				on += string(c)
			}
		default:
			return "", "", 0, false
		}
	}
	return "", "", 0, false
}

func (f modFlags) with(on, off string) modFlags {
	set := func(flag rune, v *bool) {
		if strings.ContainsRune(on, flag) {
			*v = true
		}
		if strings.ContainsRune(off, flag) {
			*v = false
		}
	}
	set('i', &f.i)
	set('m', &f.m)
	set('s', &f.s)
	return f
}

// modifierExpander copies a pattern, expanding its modifier groups.
type modifierExpander struct {
	rs      []rune
	b       strings.Builder
	changed bool
	global  modFlags   // the flags the pattern compiles with
	cur     modFlags   // the flags in force where the copy stands
	stack   []modFlags // the flags in force outside each open group
}

// lineTerminators is what ^, $ and . treat as the end of a line.
const lineTerminators = `\n\r\u2028\u2029`

// step copies or rewrites what starts at rs[i] and returns where the next
// step starts.
func (x *modifierExpander) step(i int) (int, bool) {
	rs, c := x.rs, x.rs[i]
	switch {
	case c == '\\' && i+1 < len(rs):
		end := escapeEnd(rs, i)
		x.b.WriteString(x.foldEscape(rs[i:end]))
		return end, true
	case c == '[':
		return x.class(i)
	case c == '(':
		return x.openGroup(i)
	case c == ')':
		if n := len(x.stack); n > 0 {
			x.cur, x.stack = x.stack[n-1], x.stack[:n-1]
		}
	case c == '.' && x.cur.s != x.global.s:
		x.b.WriteString(map[bool]string{true: `[\s\S]`, false: `[^` + lineTerminators + `]`}[x.cur.s])
		return i + 1, true
	case c == '^' && x.cur.m != x.global.m:
		x.b.WriteString(map[bool]string{true: `(?:^|(?<=[` + lineTerminators + `]))`, false: `(?<![\s\S])`}[x.cur.m])
		return i + 1, true
	case c == '$' && x.cur.m != x.global.m:
		x.b.WriteString(map[bool]string{true: `(?:$|(?=[` + lineTerminators + `]))`, false: `(?![\s\S])`}[x.cur.m])
		return i + 1, true
	case x.cur.i && !x.global.i && unicode.ToUpper(c) != unicode.ToLower(c):
		x.b.WriteString("[" + string(unicode.ToLower(c)) + string(unicode.ToUpper(c)) + "]")
		return i + 1, true
	}
	x.b.WriteRune(c)
	return i + 1, true
}

// openGroup copies a group's opening (a modifier group's becomes (?:) and
// records the flags in force inside it.
func (x *modifierExpander) openGroup(i int) (int, bool) {
	rs := x.rs
	x.stack = append(x.stack, x.cur)
	if on, off, n, ok := modifierGroup(rs, i); ok {
		x.cur = x.cur.with(on, off)
		x.changed = true
		x.b.WriteString("(?:")
		return i + n, true
	}
	if i+2 < len(rs) && rs[i+1] == '?' && rs[i+2] != ':' && rs[i+2] != '=' && rs[i+2] != '!' && rs[i+2] != '<' {
		return 0, false // a modifier group it cannot read
	}
	n, _, named := groupOpener(rs, i)
	switch {
	case named && n > 1:
	case i+3 < len(rs) && rs[i+1] == '?' && rs[i+2] == '<':
		n = 4 // (?<= or (?<!
	case i+2 < len(rs) && rs[i+1] == '?':
		n = 3
	}
	x.b.WriteString(string(rs[i : i+n]))
	return i + n, true
}

// foldEscape writes an escape where i is on but not compiled: one that
// stands for a letter matches both its cases, \p{…} every case of its
// members; others are kept.
func (x *modifierExpander) foldEscape(esc []rune) string {
	if !x.cur.i || x.global.i {
		return string(esc)
	}
	if esc[1] == 'p' && len(esc) > 3 {
		if rs, ok := propertyRanges(string(esc[3 : len(esc)-1])); ok {
			return "[" + classRanges(caseClosure(rs)) + "]"
		}
		return string(esc)
	}
	if c, next, set, ok := classAtom(esc, 0); ok && set == nil && next == len(esc) && unicode.ToUpper(c) != unicode.ToLower(c) &&
		strings.ContainsRune("ux", esc[1]) {
		return "[" + string(unicode.ToLower(c)) + string(unicode.ToUpper(c)) + "]"
	}
	return string(esc)
}

// otherCase is c's other case (c itself when it has none).
func otherCase(c rune) rune {
	if u := unicode.ToUpper(c); u != c {
		return u
	}
	return unicode.ToLower(c)
}

// escapeEnd returns the index after the escape at rs[i]: \p{…}, \u{…},
// \k<…>, \uXXXX, \xXX, \cX are copied whole, so that no letter of theirs
// is taken for a letter to fold.
func escapeEnd(rs []rune, i int) int {
	end := i + 2
	switch rs[i+1] {
	case 'p', 'P', 'u':
		if e := bracedEnd(rs, i+2); e >= 0 {
			return e + 1
		}
		if rs[i+1] == 'u' {
			end = i + 6
		}
	case 'k':
		for j := i + 2; j < len(rs) && rs[i+2] == '<'; j++ {
			if rs[j] == '>' {
				return j + 1
			}
		}
	case 'x':
		end = i + 4
	case 'c':
		end = i + 3
	}
	return min(end, len(rs))
}

// class copies the class at rs[i]; where i is on but not compiled, its
// members are added again in the other case.
func (x *modifierExpander) class(i int) (int, bool) {
	rs := x.rs
	j := i + 1
	if j < len(rs) && rs[j] == '^' {
		j++
	}
	for j < len(rs) && rs[j] != ']' {
		if rs[j] == '\\' && j+1 < len(rs) {
			j = escapeEnd(rs, j)
			continue
		}
		j++
	}
	if j >= len(rs) {
		return 0, false
	}
	body := string(rs[i+1 : j])
	if x.cur.i && !x.global.i {
		body += swapCase(strings.TrimPrefix(body, "^"))
	}
	x.b.WriteString("[" + body + "]")
	return j + 1, true
}

// swapCase turns the letters of a class body to their other case, escapes
// kept as they are.
func swapCase(body string) string {
	rs := []rune(body)
	var b strings.Builder
	for i := 0; i < len(rs); {
		c := rs[i]
		switch {
		case c == '\\' && i+1 < len(rs):
			end := escapeEnd(rs, i)
			b.WriteString(string(rs[i:end]))
			if r, next, set, ok := classAtom(rs[:end], i); ok && set == nil && next == end && strings.ContainsRune("ux", rs[i+1]) {
				b.WriteString(string(otherCase(r)))
			}
			i = end
			continue
		case unicode.IsUpper(c):
			b.WriteRune(unicode.ToLower(c))
		case unicode.IsLower(c):
			b.WriteRune(unicode.ToUpper(c))
		default:
			b.WriteRune(c)
		}
		i++
	}
	return b.String()
}
