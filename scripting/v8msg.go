package scripting

import (
	"regexp"
	"strconv"
	"strings"
)

// goja and V8 word some TypeErrors differently; Newman's reports show V8's
// words, so the messages a run reports (script errors, failed tests) are
// rewritten at that point. Values a script catches keep goja's wording.

var (
	gojaReadProp = regexp.MustCompile(`^Cannot read property '(.*)' of undefined(?: or null)?$`)
	gojaNoMember = regexp.MustCompile(`^Object has no member '.*'$|^Value is not an object: .*$`)
)

// v8Message rewrites msg, the message of an error named name thrown by the
// script src at line:col (1-based, in src; 0 when unknown).
func v8Message(name, msg, src string, line, col int) string {
	if name != "TypeError" {
		return msg
	}
	if m := gojaReadProp.FindStringSubmatch(msg); m != nil {
		// goja does not tell undefined from null; undefined is the usual case.
		return "Cannot read properties of undefined (reading '" + m[1] + "')"
	}
	if gojaNoMember.MatchString(msg) {
		if callee := calleeAt(src, line, col); callee != "" {
			return callee + " is not a function"
		}
	}
	return msg
}

// calleeAt returns the source of the callee whose call's "(" is at
// line:col, as V8 prints it ("pm.response.jsn", "f(...).g"), or "".
func calleeAt(src string, line, col int) string {
	if line < 1 || col < 1 {
		return ""
	}
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return ""
		}
		off += i + 1
	}
	end := off + col - 1
	if end <= 0 || end >= len(src) || src[end] != '(' {
		return ""
	}
	j := end - 1
	for j >= 0 && (src[j] == ' ' || src[j] == '\t') {
		j--
	}
	stop := j + 1
	for j >= 0 {
		c := src[j]
		switch {
		case c == '_' || c == '$' || c == '.' || c == '?' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j--
		case c == ']' || c == ')':
			open := byte('[')
			if c == ')' {
				open = '('
			}
			depth := 0
			for ; j >= 0; j-- {
				if src[j] == c {
					depth++
				} else if src[j] == open {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j < 0 {
				return ""
			}
			j--
		default:
			goto done
		}
	}
done:
	callee := strings.TrimSpace(src[j+1 : stop])
	if callee == "" || strings.ContainsAny(callee, "\n") {
		return ""
	}
	return collapseCalls(callee)
}

// collapseCalls prints call arguments as V8 does: f(a, b).g -> f(...).g.
func collapseCalls(s string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			if depth == 0 {
				b.WriteString("(...)")
			}
			depth++
		case c == ')':
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// stackPos finds the user's script position in a JS error's stack string.
func stackPos(stack string, async bool) (int, int) {
	i := strings.Index(stack, scriptFile+":")
	if i < 0 {
		return 0, 0
	}
	rest := stack[i+len(scriptFile)+1:]
	lineS, rest, ok := strings.Cut(rest, ":")
	if !ok {
		return 0, 0
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	line, err1 := strconv.Atoi(lineS)
	col, err2 := strconv.Atoi(rest[:n])
	if err1 != nil || err2 != nil {
		return 0, 0
	}
	return userPos(line, col, async)
}
