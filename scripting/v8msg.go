package scripting

import (
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
)

// goja and V8 word some errors differently; scripts and Newman's reports
// see V8's words. The messages a run reports (script errors, failed tests)
// are rewritten at that point, and an error a script catches is rewritten
// when its catch clause (or promise handler) receives it (catchfix.go).

var (
	gojaReadProp = lazyre.New(`^Cannot read property '(.*)' of undefined(?: or null)?$`)
	gojaNoMember = lazyre.New(`^Object has no member '.*'$|^Value is not an object: .*$`)
	// gojaSyntax is a parser message with its position (eval, Function).
	gojaSyntax = lazyre.New(`^(?:SyntaxError: )?(?:<eval>|` + scriptFile + `): Line (\d+):(\d+) (.*)$`)
	gojaMore   = lazyre.New(` \(and \d+ more errors\)$`)
	gojaAtEval = lazyre.New(`^(?:SyntaxError: )?(.*) at <eval>:\d+:\d+$`)
)

// goja's messages that V8 words otherwise, for a caught error as for a
// reported one.
const (
	gojaNoInitial   = "No initial value"
	gojaClassCall   = "Class constructor cannot be invoked without 'new'"
	gojaNotCtor     = "Value is not a constructor"
	gojaSuperThis   = "Must call super constructor in derived class before accessing 'this'"
	gojaNotAnObject = "Value is not an object: "
	gojaMatchAll    = "RegExp doesn't have global flag set" // String.prototype.matchAll's
)

// gojaReceiver is a built-in method called on the wrong kind of object;
// V8 prints the object as #<Object>.
var gojaReceiver = lazyre.New(`^(Method \S+ called on incompatible receiver )\[object (\w+)\]$`)

// gojaReworded reports whether v8Message may reword a TypeError goja
// gave (a cheap test before the source is looked at).
func gojaReworded(msg string) bool {
	return gojaReadProp().MatchString(msg) || msg == gojaConvert || gojaNoMember().MatchString(msg) ||
		msg == gojaNoInitial || msg == gojaClassCall || msg == gojaNotCtor || gojaReceiver().MatchString(msg) ||
		msg == gojaMatchAll
}

// builtinCtorWords is what V8 says when a built-in constructor refuses
// what it was given (goja: "Value is not an object: X"), by constructor.
var builtinCtorWords = map[string]func(x string) string{
	"Map":     func(x string) string { return "Iterator value " + x + " is not an entry object" },
	"WeakMap": func(string) string { return "Invalid value used as weak map key" },
	"WeakSet": func(string) string { return "Invalid value used in weak set" },
	"Promise": func(x string) string {
		if strings.HasPrefix(x, "[object ") {
			x = "#<" + strings.TrimSuffix(strings.TrimPrefix(x, "[object "), "]") + ">"
		}
		return "Promise resolver " + x + " is not a function"
	},
}

// gojaConvert is goja's message for a property set on undefined or null
// (and, as in V8, for Object.keys(null) and delete on null).
const gojaConvert = "Cannot convert undefined or null to object"

// v8Message rewrites msg, the message of an error named name thrown by the
// script src at line:col (1-based, in src; 0 when unknown). seen is what
// the run saw there (nullish.go), zero when nothing.
func v8Message(name, msg, src string, line, col int, seen seenAt) string {
	switch name {
	case "TypeError":
	case "ReferenceError":
		if msg == gojaSuperThis {
			return msg + " or returning from derived constructor"
		}
		return msg
	case "SyntaxError":
		return v8SyntaxMessage(msg, "", 0, 0)
	case "RangeError", "URIError":
		return v8RangeMessage(msg)
	default:
		return msg
	}
	if m := gojaReadProp().FindStringSubmatch(msg); m != nil {
		return "Cannot read properties of " + orNullishAt(seen.nullish, src, line, col) + " (reading '" + m[1] + "')"
	}
	if msg == gojaConvert {
		if prop, ok := assignedPropAt(src, line, col); ok {
			return "Cannot set properties of " + orNullishAt(seen.nullish, src, line, col) + " (setting '" + prop + "')"
		}
		if seen.setKey != "" && seen.nullish != "" {
			return "Cannot set properties of " + seen.nullish + " (setting '" + seen.setKey + "')"
		}
		return msg
	}
	switch {
	case msg == gojaNoInitial:
		return "Reduce of empty array with no initial value"
	case msg == gojaMatchAll:
		return "String.prototype.matchAll called with a non-global RegExp argument"
	case msg == gojaClassCall:
		if callee := calleeAt(src, line, col); isIdent(callee) {
			return "Class constructor " + callee + " cannot be invoked without 'new'"
		}
		return msg
	case msg == gojaNotCtor:
		if callee := constructedAt(src, line, col); callee != "" {
			return callee + " is not a constructor"
		}
		return msg
	}
	if m := gojaReceiver().FindStringSubmatch(msg); m != nil {
		return m[1] + "#<" + m[2] + ">"
	}
	if strings.HasPrefix(msg, gojaNotAnObject) && seen.inKey != "" {
		return "Cannot use 'in' operator to search for '" + seen.inKey + "' in " + seen.inWhat
	}
	if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok {
		// A built-in constructor refusing its argument, not a value
		// that cannot be constructed.
		if words := builtinCtorWords[constructedAt(src, line, col)]; words != nil {
			return words(x)
		}
	}
	if gojaNoMember().MatchString(msg) {
		if callee := calleeAt(src, line, col); callee != "" {
			return callee + " is not a function"
		}
		if callee := constructedAt(src, line, col); callee != "" {
			return callee + " is not a constructor"
		}
	}
	return msg
}

// v8SyntaxMessage rewrites goja's parser message as V8 words it. code is
// the source that failed to parse when known (an eval's argument, the
// script), so an unexpected identifier can be named as V8 names it; line
// and col place the error in code when the message does not.
func v8SyntaxMessage(msg, code string, line, col int) string {
	if m := gojaSyntax().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		col, _ = strconv.Atoi(m[2])
		msg = m[3]
	} else if m := gojaAtEval().FindStringSubmatch(msg); m != nil {
		msg = m[1]
	}
	msg = gojaMore().ReplaceAllString(msg, "")
	switch {
	case msg == "Unexpected token ILLEGAL":
		return "Invalid or unexpected token"
	case msg == "Unexpected token (" && strings.HasSuffix(strings.TrimRight(codeBefore(code, line, col), " \t"), "function"):
		return "Function statements require a function name"
	case strings.HasPrefix(msg, "Unexpected token "):
		return "Unexpected token '" + strings.TrimPrefix(msg, "Unexpected token ") + "'"
	case msg == "Unexpected identifier" && code != "":
		off := offsetAt(code, line, col)
		if off < 0 {
			return msg
		}
		name := identAt(code, off)
		if name == "" {
			return msg
		}
		if prev := strings.TrimRight(code[:off], " \t"); strings.HasSuffix(prev, "await") && (len(prev) == 5 || !isIdentByte(prev[len(prev)-6])) {
			return "await is only valid in async functions and the top level bodies of modules"
		}
		return "Unexpected identifier '" + name + "'"
	}
	return msg
}

// codeBefore is code up to line:col, or "".
func codeBefore(code string, line, col int) string {
	if off := offsetAt(code, line, col); off >= 0 {
		return code[:off]
	}
	return ""
}

// offsetAt is the byte offset of line:col (1-based) in src, or -1.
func offsetAt(src string, line, col int) int {
	if line < 1 || col < 1 {
		return -1
	}
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	off += col - 1
	if off >= len(src) {
		return -1
	}
	return off
}

// identAt is the identifier starting at off in src, or "".
func identAt(src string, off int) string {
	end := off
	for end < len(src) && isIdentByte(src[end]) {
		end++
	}
	if end == off || src[off] >= '0' && src[off] <= '9' {
		return ""
	}
	return src[off:end]
}

// orNullishAt is nullish when the run knew it, else what the source tells.
func orNullishAt(nullish, src string, line, col int) string {
	if nullish != "" {
		return nullish
	}
	return nullishAt(src, line, col)
}

// nullishAt says which of undefined and null the object of the member
// access whose property starts at line:col is, as far as the source tells:
// null only for the literal.
func nullishAt(src string, line, col int) string {
	off := offsetAt(src, line, col)
	if off < 0 {
		return "undefined"
	}
	prev := strings.TrimRight(src[:off], " \t")
	prev = strings.TrimSuffix(prev, ".")
	prev = strings.TrimSuffix(prev, "?")
	prev = strings.TrimRight(prev, " \t")
	if strings.HasSuffix(prev, "null") && (len(prev) == 4 || !isIdentByte(prev[len(prev)-5]) && prev[len(prev)-5] != '.') {
		return "null"
	}
	return "undefined"
}

// assignedPropAt is the property name of an assignment target whose
// property starts at line:col ("o.p = 1" at p, "o['p'] = 1" at "["), when
// the source shows one.
func assignedPropAt(src string, line, col int) (string, bool) {
	off := offsetAt(src, line, col)
	if off < 0 {
		return "", false
	}
	var prop string
	rest := ""
	if src[off] == '[' {
		end := strings.IndexByte(src[off:], ']')
		if end < 0 {
			return "", false
		}
		key := strings.TrimSpace(src[off+1 : off+end])
		if len(key) < 2 || (key[0] != '\'' && key[0] != '"') || key[len(key)-1] != key[0] || strings.ContainsAny(key[1:len(key)-1], "\\'\"") {
			return "", false
		}
		prop, rest = key[1:len(key)-1], src[off+end+1:]
	} else {
		if off == 0 || src[off-1] != '.' {
			return "", false
		}
		prop = identAt(src, off)
		if prop == "" {
			return "", false
		}
		rest = src[off+len(prop):]
	}
	rest = strings.TrimLeft(rest, " \t")
	if len(rest) < 1 || rest[0] != '=' || len(rest) > 1 && (rest[1] == '=' || rest[1] == '>') {
		return "", false
	}
	return prop, true
}

// constructedAt returns the source of what "new" at line:col constructs,
// as V8 prints it ("x", "(void 0)"), or "".
func constructedAt(src string, line, col int) string {
	off := offsetAt(src, line, col)
	if off < 0 || !strings.HasPrefix(src[off:], "new") || off+3 >= len(src) || isIdentByte(src[off+3]) {
		return ""
	}
	i := off + 3
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	start := i
	for i < len(src) {
		c := src[i]
		switch {
		case isIdentByte(c) || c == '.':
			i++
		case (c == '(' && i == start) || c == '[':
			close := byte(']')
			if c == '(' {
				close = ')'
			}
			depth := 0
			for ; i < len(src); i++ {
				if src[i] == c {
					depth++
				} else if src[i] == close {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if i == len(src) {
				return ""
			}
			i++
		default:
			goto done
		}
	}
done:
	callee := strings.TrimSpace(src[start:i])
	if callee == "" || strings.Contains(callee, "\n") {
		return ""
	}
	return intermediate(callee)
}

// calleeAt returns the source of the callee whose call's "(" is at
// line:col, as V8 prints it ("pm.response.jsn", "f(...).g"), or "".
func calleeAt(src string, line, col int) string {
	end := offsetAt(src, line, col)
	if end <= 0 || src[end] != '(' {
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
	callee = bracketsAsDots(collapseCalls(callee))
	// V8 prints the super reference as the value it stands for.
	if strings.HasPrefix(callee, "super.") || strings.HasPrefix(callee, "super[") {
		callee = "(intermediate value)" + callee[len("super"):]
	}
	return intermediate(callee)
}

// literalGroup is a parenthesized class, function or literal at the start
// of a printed callee, and the call of it that may follow.
var literalGroup = lazyre.New(`^\((?:class\b|function\b|async\b|\{|\[)`)

// intermediate prints a callee that starts with a parenthesized class,
// function or literal (and a call of it) as V8 does: (intermediate value).
func intermediate(callee string) string {
	if !literalGroup().MatchString(callee) {
		return callee
	}
	depth := 0
	for i := 0; i < len(callee); i++ {
		switch callee[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				rest := strings.TrimPrefix(callee[i+1:], "(...)")
				return printedLiteral(callee[1:i]) + rest
			}
		}
	}
	return callee
}

// printedLiteral is how V8 prints a parenthesized literal it calls or
// reads from: a class with private names as two intermediate values (its
// desugaring), an object literal as {(intermediate value)}, an array of
// plain literals as written.
func printedLiteral(lit string) string {
	lit = strings.TrimSpace(lit)
	switch {
	case strings.HasPrefix(lit, "class") && strings.Contains(lit, "#"):
		return "(intermediate value)(intermediate value)"
	case strings.HasPrefix(lit, "{"):
		if strings.TrimSpace(lit[1:]) == "}" {
			return "{}"
		}
		return "{(intermediate value)}"
	case plainArray().MatchString(lit):
		return strings.ReplaceAll(lit, " ", "")
	}
	return "(intermediate value)"
}

// plainArray is an array literal of numbers and names.
var plainArray = lazyre.New(`^\[[\w\s,.$]*\]$`)

func isIdent(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) {
			return false
		}
	}
	return true
}

// quotedMember is a member read with a quoted identifier, o['f'], which V8
// prints as o.f.
var quotedMember = lazyre.New(`\[\s*(?:'([A-Za-z_$][\w$]*)'|"([A-Za-z_$][\w$]*)")\s*\]`)

func bracketsAsDots(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	return quotedMember().ReplaceAllString(s, ".$1$2")
}

// collapseCalls prints call arguments as V8 does: f(a, b).g -> f(...).g;
// a leading parenthesized expression is no call and stays: (void 0).
func collapseCalls(s string) string {
	var b strings.Builder
	depth, grouped := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' && depth == 0 && b.Len() == 0:
			grouped = true
			depth++
			b.WriteByte(c)
		case c == '(':
			if depth == 0 {
				b.WriteString("(...)")
			}
			depth++
		case c == ')':
			depth--
			if grouped && depth == 0 {
				grouped = false
				b.WriteByte(c)
			}
		case depth == 0 || grouped:
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

// gojaRangeWords are goja's messages for range and URI errors that V8
// words otherwise, whatever the source.
var gojaRangeWords = map[string]string{
	"toFixed() precision must be between 0 and 100":       "toFixed() digits argument must be between 0 and 100",
	"toPrecision() precision must be between 1 and 100":   "toPrecision() argument must be between 1 and 100",
	"toExponential() precision must be between 0 and 100": "toExponential() argument must be between 0 and 100",
	"Malformed URI": "URI malformed",
	"The normalization form should be one of NFC, NFD, NFKC, NFKD": "The normalization form should be one of NFC, NFD, NFKC, NFKD.",
}

var gojaBigIntRange = lazyre.New(`^Cannot convert (-?[0-9.e+-]+|Infinity|-Infinity|NaN) to a BigInt$`)

// v8RangeMessage rewrites a RangeError's or URIError's message as V8
// words it.
func v8RangeMessage(msg string) string {
	if v, ok := gojaRangeWords[msg]; ok {
		return v
	}
	if m := gojaBigIntRange().FindStringSubmatch(msg); m != nil {
		return "The number " + m[1] + " cannot be converted to a BigInt because it is not an integer"
	}
	return msg
}
