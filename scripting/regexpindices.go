package scripting

import (
	"strconv"
	"strings"
)

// The /d flag (hasIndices) gives each match the start and end of every
// group. goja has no /d, and its match results carry no group positions.
// A /d pattern runs with a marker after each capturing group's opening
// parenthesis: an empty lookahead that captures the rest of the input,
//
//	(X)  ->  ((?=([\s\S]*))(?:X))
//
// so the group starts at input.length - marker.length and ends where its
// own capture ends. The marker sits inside the group, so it is set and
// reset with it (quantifiers, alternatives, backtracking) by the same
// engine that matches the group. Group n of the pattern becomes group
// 2n-1 and its marker 2n; numbered backreferences are renumbered to match
// (js/parts/regexp.js builds V8's result from the pairs).
const indexMarker = `(?=([\s\S]*))`

// contextFree reports a pattern (in goja's syntax) whose match at a
// position depends only on the text it consumes: no lookaround, no ^ or $,
// no \b or \B outside a class. The first match of such a pattern at a
// position, found in the whole input, is also its first match in the
// matched text alone, with the same groups: every path tried before it
// failed on a character it read (inside the match, or past it, where the
// shorter text fails too), and none can look beyond what it read.
func contextFree(pattern string) bool {
	inClass := false
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case c == '\\' && i+1 < len(pattern):
			i++
			if !inClass && (pattern[i] == 'b' || pattern[i] == 'B') {
				return false
			}
		case inClass:
			inClass = c != ']'
		case c == '[':
			inClass = true
		case c == '^' || c == '$':
			return false
		case c == '(' && strings.HasPrefix(pattern[i:], "(?") && i+2 < len(pattern) && (pattern[i+2] == '=' || pattern[i+2] == '!' || pattern[i+2] == '<' && i+3 < len(pattern) && (pattern[i+3] == '=' || pattern[i+3] == '!')):
			return false
		}
	}
	return true
}

// indexedPattern adds the markers to pattern (already in goja's syntax)
// and returns the name of each of its capturing groups ("" for an unnamed
// one), in order.
func indexedPattern(pattern string) (string, []string) {
	rs := []rune(pattern)
	groups := captureGroups(rs)
	var b strings.Builder
	inClass := false
	// Each open group: whether it captures (its alternatives then sit in
	// a (?:…) after the marker, so that the marker is set whichever
	// alternative matches).
	var open []bool
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\' && i+1 < len(rs):
			i = copyEscape(&b, rs, i, inClass, len(groups))
		case c == '[' && !inClass:
			inClass = true
			b.WriteRune(c)
		case c == ']' && inClass:
			inClass = false
			b.WriteRune(c)
		case c == '(' && !inClass:
			n, _, capturing := groupOpener(rs, i)
			b.WriteString(string(rs[i : i+n]))
			if capturing {
				b.WriteString(indexMarker + "(?:")
			}
			open = append(open, capturing)
			i += n - 1
		case c == ')' && !inClass:
			if len(open) > 0 {
				if open[len(open)-1] {
					b.WriteRune(')')
				}
				open = open[:len(open)-1]
			}
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String(), groups
}

// captureGroups lists the capturing groups of rs by name, in order.
func captureGroups(rs []rune) []string {
	var names []string
	inClass := false
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; {
		case c == '\\':
			i++
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '(' && !inClass:
			if _, name, capturing := groupOpener(rs, i); capturing {
				names = append(names, name)
			}
		}
	}
	return names
}

// groupOpener reads the group opening at rs[i] == '(': its length ("(",
// "(?:", "(?<name>"…), its name, and whether it captures.
func groupOpener(rs []rune, i int) (int, string, bool) {
	if i+1 >= len(rs) || rs[i+1] != '?' {
		return 1, "", true
	}
	if i+2 < len(rs) && rs[i+2] == '<' && i+3 < len(rs) && rs[i+3] != '=' && rs[i+3] != '!' {
		for j := i + 3; j < len(rs); j++ {
			if rs[j] == '>' {
				return j - i + 1, string(rs[i+3 : j]), true
			}
		}
	}
	return 1, "", false
}

// copyEscape copies the escape at rs[i] and returns the index of its last
// rune. A numbered backreference to one of the groups is renumbered.
func copyEscape(b *strings.Builder, rs []rune, i int, inClass bool, groups int) int {
	j := i + 1
	for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
		j++
	}
	if !inClass && j > i+1 && rs[i+1] != '0' {
		if n, err := strconv.Atoi(string(rs[i+1 : j])); err == nil && n <= groups {
			b.WriteString(`\` + strconv.Itoa(2*n-1))
			return j - 1
		}
	}
	b.WriteString(string(rs[i : i+2]))
	return i + 1
}
