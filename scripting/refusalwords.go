package scripting

import (
	"regexp"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
)

// Built-ins refusing their receiver, and classes called without new, in
// V8's words where goja words them its own way (fresh-round14l-e/f.json,
// Postman CLI 1.34.0's answers).

// gojaWrapperReceiver is goja's refusal of a Boolean or String method
// called on another kind of value; V8: "Boolean.prototype.valueOf requires
// that 'this' be a Boolean".
var gojaWrapperReceiver = lazyre.New(`^(?:Method )?(Boolean|String)\.prototype\.(\w+) is called on incompatible receiver$`)

// gojaBigIntThis is goja's refusal of a BigInt method's receiver, which
// names no method.
const gojaBigIntThis = "requires that 'this' be a BigInt"

// gojaTypedReceiver is goja's refusal of a typed array method's receiver
// (the receiver is missing from some: join).
var gojaTypedReceiver = lazyre.New(`^Method TypedArray\.prototype\.(\w+) called on incompatible receiver ?(.*)$`)

// gojaNotTyped is the refusal of courier's own typed array methods
// (toReversed, toSorted, with).
var gojaNotTyped = lazyre.New(`^(.*) is not a valid TypedArray$`)

// notTypedArrayMethods are the %TypedArray%.prototype methods whose
// refused receiver V8 words "this is not a typed array."; the others name
// themselves: "Method %TypedArray%.prototype.join called on incompatible
// receiver [object Array]".
var notTypedArrayMethods = names("fill", "map", "set", "forEach", "indexOf", "lastIndexOf", "includes", "reverse",
	"entries", "keys", "values", "some", "every", "reduce", "reduceRight", "filter", "find", "findIndex", "findLast",
	"findLastIndex", "with", "copyWithin", "sort")

// receiverWords words a built-in's refusal of its receiver (goja's words
// in msg) as V8 does, from the call at line:col where the words need the
// method's name.
func receiverWords(msg, src string, line, col int) (string, bool) {
	if v, ok := unnamedRefusalWords(msg, src, line, col); ok {
		return v, true
	}
	method := calledMethod(src, line, col)
	if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok {
		return notAnObjectCallWords(msg, x, method, src, line, col)
	}
	switch {
	case msg == gojaConvert && sugarCallbackMethods[method] && noArgs(src, line, col):
		// [1].filter(): Sugar's filter calls the missing callback.
		return "undefined is not a function", true
	case strings.HasPrefix(msg, gojaNotAnObject) && method != "" && regexpLiteralCall(src, line, col):
		// /x/.exec.call(2): the literal's method refuses a primitive.
		return "Method RegExp.prototype." + method + " called on incompatible receiver " + strings.TrimPrefix(msg, gojaNotAnObject), true
	case msg == gojaBigIntThis:
		if method == "" {
			return msg, false
		}
		return "BigInt.prototype." + method + " " + msg, true
	case gojaTypedReceiver().MatchString(msg):
		m := gojaTypedReceiver().FindStringSubmatch(msg)
		return typedReceiverWords(m[1], m[2], src, line, col), true
	case gojaNotTyped().MatchString(msg) && typedArrayMethodNames[method]:
		return typedReceiverWords(method, gojaNotTyped().FindStringSubmatch(msg)[1], src, line, col), true
	case strings.HasPrefix(msg, "Object is not ArrayBuffer: ") && method != "":
		x := strings.TrimPrefix(msg, "Object is not ArrayBuffer: ")
		if x == "" {
			x = "[object Array]" // goja prints an array by its (empty) elements
		}
		return "Method ArrayBuffer.prototype." + method + " called on incompatible receiver " + receiverPrinted(x), true
	case method == "test" && strings.HasPrefix(msg, "Method RegExp.prototype.test called on incompatible receiver ["):
		// V8's test reads the receiver's exec, and the built-in one
		// refuses it.
		return receiverPrinted("Method RegExp.prototype.exec called on incompatible receiver " +
			strings.TrimPrefix(msg, "Method RegExp.prototype.test called on incompatible receiver ")), true
	}
	return msg, false
}

// unnamedRefusalWords words the refusals whose words do not need the
// method's name: a Boolean or String method's receiver, a typed array
// constructor called without new (thrown inside the constructor).
func unnamedRefusalWords(msg, src string, line, col int) (string, bool) {
	if m := gojaWrapperReceiver().FindStringSubmatch(msg); m != nil {
		return m[1] + ".prototype." + m[2] + " requires that 'this' be a " + m[1], true
	}
	if msg == gojaTypedArrayCall {
		if callee := calleeAt(src, line, col); typedArrayNames[callee] {
			return "Constructor " + callee + " requires 'new'", true
		}
	}
	return msg, false
}

// notAnObjectCallWords words goja's "Value is not an object: x" (msg)
// thrown by the built-in method called at line:col: a callback refused, or
// a RegExp method's receiver.
func notAnObjectCallWords(msg, x, method, src string, line, col int) (string, bool) {
	callee := calleeAt(src, line, col)
	switch {
	case symbolMethodCall().MatchString(callee):
		// RegExp.prototype[Symbol.replace].call(1): V8 names the method @@replace.
		return "Method RegExp.prototype.@@" + symbolMethodCall().FindStringSubmatch(callee)[1] + " called on incompatible receiver " + x, true
	case callbackRefused(method, x) && receiverTaken(callee):
		// [1].forEach(5): V8 names the callback by its type.
		switch x {
		case "undefined":
			return "undefined is not a function", true
		case "null":
			return "object null is not a function", true
		}
		return typedFromText(x) + " is not a function", true
	case method != "" && regexpLiteralCall(src, line, col):
		// /x/.exec.call(2): the literal's method refuses a primitive.
		return "Method RegExp.prototype." + method + " called on incompatible receiver " + x, true
	}
	return msg, false
}

var symbolMethodCall = lazyre.New(`^RegExp\.prototype\[Symbol\.(match|matchAll|replace|search|split)\]\.(?:call|apply)$`)

// arrayCallbackMethods are the Array.prototype methods whose callback V8
// checks first; map, filter, some and every are Sugar's in Postman, which
// refuses only a missing callback ([1].map()).
var arrayCallbackMethods = names("forEach", "find", "findIndex", "findLast", "findLastIndex", "reduce", "reduceRight", "flatMap")

// callbackRefused reports whether goja's "not an object: x" is an array
// method's refusal of the primitive x as its callback.
func callbackRefused(method, x string) bool {
	if strings.HasPrefix(x, "[object ") {
		return false
	}
	return arrayCallbackMethods[method] || sugarCallbackMethods[method] && x == "undefined"
}

// receiverTaken reports whether callee cannot have refused its receiver:
// a direct call (the receiver had the method), or an Array method through
// call or apply (they take any). Map.prototype.forEach.call('abc', f)
// refuses its receiver.
func receiverTaken(callee string) bool {
	if !strings.HasSuffix(callee, ".call") && !strings.HasSuffix(callee, ".apply") {
		return true
	}
	return strings.HasPrefix(callee, "Array.prototype.") || strings.HasPrefix(callee, "[].")
}

// sugarCallbackMethods are the array methods Postman's Sugar.js replaces; called
// without a callback they fail calling undefined.
var sugarCallbackMethods = names("map", "filter", "some")

// noArgs reports whether the call at line:col passes no argument.
func noArgs(src string, line, col int) bool {
	off := offsetAt(src, line, col)
	return off >= 0 && off < len(src) && src[off] == '(' && strings.TrimSpace(callArgsText(src, off)) == ""
}

// regexpLiteralCall reports whether the call at line:col calls a method
// of a regular expression literal through call or apply.
func regexpLiteralCall(src string, line, col int) bool {
	off := offsetAt(src, line, col)
	if off <= 0 || off > len(src) {
		return false
	}
	return regexpLiteralMethod().MatchString(src[max(0, off-200):off])
}

var regexpLiteralMethod = lazyre.New(`/[dgimsuvy]*\.\w+\.(?:call|apply)\s*$`)

// typedReceiverWords is V8's refusal of receiver x by the typed array
// method m.
func typedReceiverWords(m, x, src string, line, col int) string {
	if m == "toSorted" && sortArgRefused(src, line, col) {
		return "The comparison function must be either a function or undefined: " + firstArgText(src, line, col)
	}
	if notTypedArrayMethods[m] {
		return "this is not a typed array."
	}
	if x == "" {
		// goja left the receiver out (join): the one the call shows.
		switch a := receiverArgText(src, line, col); {
		case strings.HasPrefix(a, "{"):
			x = "#<Object>"
		case strings.HasPrefix(a, "["):
			x = "[object Array]"
		default:
			return "Method %TypedArray%.prototype." + m + " called on incompatible receiver"
		}
	}
	return "Method %TypedArray%.prototype." + m + " called on incompatible receiver " + receiverPrinted(x)
}

// receiverPrinted prints an object goja printed by its tag as V8 does:
// #<Object>, but [object Array] for the classes with a toString of their
// own. It takes a whole message too (the tag at its end).
func receiverPrinted(s string) string {
	i := strings.LastIndex(s, "[object ")
	if i < 0 || !strings.HasSuffix(s, "]") {
		return s
	}
	tag := s[i+len("[object ") : len(s)-1]
	if ownToString[tag] || !isIdent(tag) {
		return s
	}
	return s[:i] + "#<" + tag + ">"
}

// calledMethod is the name of the method called at line:col through call
// or apply (BigInt.prototype.valueOf.call(1): valueOf), or called
// directly (x.valueOf()), or "".
func calledMethod(src string, line, col int) string {
	callee := strings.TrimSuffix(strings.TrimSuffix(calleeAt(src, line, col), ".call"), ".apply")
	i := strings.LastIndexByte(callee, '.')
	if i < 0 || !isIdent(callee[i+1:]) {
		return ""
	}
	return callee[i+1:]
}

// firstArgText is the first argument's text of the call at line:col (for
// m.call(x, a), a), as written.
func firstArgText(src string, line, col int) string {
	off := offsetAt(src, line, col)
	if off < 0 || off >= len(src) || src[off] != '(' {
		return ""
	}
	args := splitTopLevel(callArgsText(src, off))
	if strings.HasSuffix(calleeAt(src, line, col), ".call") {
		if len(args) < 2 {
			return ""
		}
		return strings.TrimSpace(args[1])
	}
	if len(args) == 0 {
		return ""
	}
	return strings.TrimSpace(args[0])
}

// receiverArgText is the receiver's text a call through call or apply
// gives (m.call(x, a): x), or "".
func receiverArgText(src string, line, col int) string {
	off := offsetAt(src, line, col)
	callee := calleeAt(src, line, col)
	if off < 0 || off >= len(src) || src[off] != '(' || !strings.HasSuffix(callee, ".call") && !strings.HasSuffix(callee, ".apply") {
		return ""
	}
	if args := splitTopLevel(callArgsText(src, off)); len(args) > 0 {
		return strings.TrimSpace(args[0])
	}
	return ""
}

// sortArgRefused reports whether the call at line:col gives toSorted a
// comparator that is written as a literal other than a function.
func sortArgRefused(src string, line, col int) bool {
	a := firstArgText(src, line, col)
	return a != "" && a != "undefined" && literalArg().MatchString(a)
}

// classHeadBefore is a class literal's head ending right before its body.
var classHeadBefore = lazyre.New(`\bclass(?:\s+([A-Za-z_$][\w$]*))??(?:\s+extends\b[^{};]*)?\s*$`)

var literalArg = lazyre.New(`^(?:-?\d[\w.]*|'[^']*'|"[^"]*"|null|true|false|\{\s*\}|\[.*\])$`)

// callArgsText is the text between the parenthesis at src[open] and its
// match (or the rest of the line).
func callArgsText(src string, open int) string {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				return src[open+1 : i]
			}
		case '\n':
			return src[open+1 : i]
		}
	}
	return src[open+1:]
}

// splitTopLevel splits s at its commas outside brackets.
func splitTopLevel(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// classCallWords is V8's refusal of a class called without new. V8 names
// the class by its name: the one written after class, or the binding or
// property an anonymous class was made for (const K = class {}; {K: class
// {}}); an anonymous class with no name reads "Class constructors cannot
// be invoked without 'new'". courier reads the name from the source: the
// callee's last name and where the source makes a class for it. A callee
// the source does not show (a call's result) keeps goja's words.
func classCallWords(src string, line, col int) (string, bool) {
	name, ok := classCalledName(src, line, col)
	if !ok {
		return gojaClassCall, false
	}
	if name == "" {
		return "Class constructors cannot be invoked without 'new'", true
	}
	return "Class constructor " + name + " cannot be invoked without 'new'", true
}

// classCalledName is the name of the class called at line:col, "" for an
// anonymous one; ok is false when the source does not tell.
func classCalledName(src string, line, col int) (string, bool) {
	end := offsetAt(src, line, col)
	if end <= 0 || end >= len(src) || src[end] != '(' {
		return "", false
	}
	switch j := skipBlanksBack(src, end-1); {
	case j > 0 && src[j] == ')':
		// (class Named {})(): the class is written at the call.
		if open := enclosingOpen(src, j); open >= 0 {
			if name, ok := classLiteralName(src[open+1 : j]); ok {
				return name, true
			}
		}
	case j > 0 && src[j] == '}':
		// class Named {}() as an expression.
		if open := enclosingOpen(src, j); open > 0 {
			if m := classHeadBefore().FindStringSubmatch(src[:open]); m != nil {
				return m[1], true
			}
		}
	}
	callee := calleeAt(src, line, col)
	if isIdent(callee) {
		if name, ok := classMadeFor(src, callee, false, end); ok {
			return name, true
		}
		return callee, true
	}
	i := strings.LastIndexByte(callee, '.')
	if i < 0 || !isIdent(callee[i+1:]) || strings.ContainsAny(callee, "()[]") {
		return "", false
	}
	last := callee[i+1:]
	if name, ok := classMadeFor(src, last, true, end); ok {
		return name, true
	}
	return last, true
}

// classLiteralName reads a class literal's name: "" and true for an
// anonymous one, false when text is no class.
func classLiteralName(text string) (string, bool) {
	text = strings.TrimSpace(text)
	rest, ok := strings.CutPrefix(text, "class")
	if !ok || rest == "" || isIdentByte(rest[0]) {
		return "", false
	}
	rest = strings.TrimLeft(rest, " \t\n")
	end := 0
	for end < len(rest) && isIdentByte(rest[end]) {
		end++
	}
	if name := rest[:end]; isIdent(name) && name != "extends" {
		return name, true
	}
	return "", true
}

// classMadeFor finds where src makes a class expression for name: a
// binding or assignment (name = class …), or, for a member, a property
// (name: class …, .name = class …). It gives the class's own name, or the
// name V8 gives an anonymous class there: the binding's or the property
// key's, none for a member assignment.
func classMadeFor(src, name string, member bool, at int) (string, bool) {
	q := regexp.QuoteMeta(name)
	var re *regexp.Regexp
	if member {
		re = regexp.MustCompile(`(?:[\s{,]` + q + `\s*(:)|\.` + q + `\s*=|\[\s*['"]` + q + `['"]\s*\]\s*=)\s*(class\b[^{]*)\{`)
	} else {
		re = regexp.MustCompile(`(?:^|[^\w$.])` + q + `\s*()=\s*(class\b[^{]*)\{`)
	}
	// The class made nearest before the call (scopes aside: a name
	// bound twice is most often bound to the one just above).
	var m []string
	for _, idx := range re.FindAllStringSubmatchIndex(src, -1) {
		if m != nil && idx[0] >= at {
			break
		}
		m = subs(src, idx)
	}
	if m == nil {
		return "", false
	}
	own, _ := classLiteralName(m[2] + "{")
	switch {
	case own != "":
		return own, true
	case !member || m[1] == ":":
		return name, true // named by its binding or key
	}
	return "", true
}

// subs are the submatches a FindStringSubmatchIndex result gives.
func subs(src string, idx []int) []string {
	out := make([]string, len(idx)/2)
	for i := range out {
		if idx[2*i] >= 0 {
			out[i] = src[idx[2*i]:idx[2*i+1]]
		}
	}
	return out
}
