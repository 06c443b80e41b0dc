package scripting

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/courier-run/courier/scripting/jslib"
)

// goja and V8 word some errors differently; scripts and Newman's reports
// see V8's words. The messages a run reports (script errors, failed tests)
// are rewritten at that point, and an error a script catches is rewritten
// when its catch clause (or promise handler) receives it (catchfix.go).

var (
	gojaReadProp = lazyre.New(`^Cannot read property '(.*)' of undefined(?: or null)?$`)
	gojaNoMember = lazyre.New(`^Object has no member '.*'$|^Value is not an object: .*$|^Not a function: `)
	// gojaSyntax is a parser message with its position (eval, Function).
	gojaSyntax = lazyre.New(`^(?:SyntaxError: )?(?:<eval>|` + scriptFile + `): Line (\d+):(\d+) (.*)$`)
	gojaMore   = lazyre.New(` \(and \d+ more errors\)$`)
	gojaAtEval = lazyre.New(`^(?:SyntaxError: )?(.*) at <eval>:(\d+):(\d+)$`)
)

// goja's messages that V8 words otherwise, for a caught error as for a
// reported one.
const (
	gojaNoInitial   = "No initial value"
	gojaClassCall   = "Class constructor cannot be invoked without 'new'"
	gojaNotCtor     = "Value is not a constructor"
	gojaSuperThis   = "Must call super constructor in derived class before accessing 'this'"
	gojaSuperReturn = "Must call super constructor in derived class before returning from derived constructor"
	gojaNotAnObject = "Value is not an object: "
	gojaMatchAll    = "RegExp doesn't have global flag set" // String.prototype.matchAll's
)

// gojaReceiver is a built-in method called on the wrong kind of object;
// V8 prints the object as #<Object>.
var gojaReceiver = lazyre.New(`^(Method \S+ called on incompatible receiver )\[object (\w+)\]$`)

// ownToString are the built-in classes whose prototype has a toString of
// its own: V8 prints such an object by its tag, not as #<Name>.
var ownToString = names("Array", "Date", "RegExp", "Function", "Number", "String", "Boolean", "Symbol", "BigInt")

// gojaReworded reports whether v8Message may reword a TypeError goja
// gave (a cheap test before the source is looked at).
func gojaReworded(msg string) bool {
	if gojaRewordedExact()[msg] || msg == gojaDetached || strings.HasSuffix(msg, gojaNotAMethod) {
		return true
	}
	for _, p := range gojaRewordedPrefixes {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	for _, re := range gojaRewordedPatterns {
		if re().MatchString(msg) {
			return true
		}
	}
	return false
}

// What gojaReworded looks for: goja's fixed messages, the starts of its
// messages that carry a value, and its patterns.
var (
	gojaRewordedExact = sync.OnceValue(func() map[string]bool {
		return names(gojaConvert, gojaNoInitial, gojaClassCall, gojaNotCtor, gojaMatchAll, "", gojaSuperCtor,
			"Value is not object coercible", gojaPromiseCall, gojaTypedArrayCall, gojaSymbolThis, gojaRevoked,
			gojaSetRecord, gojaNoThrow, gojaGenRunning, gojaSelfResolve, gojaBigIntThis)
	})
	gojaRewordedPrefixes = []string{gojaNoPrimitive, gojaReceiverPrim, gojaInstanceofCall, gojaExtends[:20], "Value is not a number",
		"Object is not ArrayBuffer: "}
	gojaRewordedPatterns = []func() *regexp.Regexp{gojaReadProp, gojaNoMember, gojaReceiver, gojaReadOnly, gojaDelete, gojaProxyDelete,
		gojaDateReceiver, gojaPrivateWrite, gojaSymbolReceiver, gojaPrivateMember, gojaPrivateNoSet, gojaWrapperReceiver,
		gojaTypedReceiver, gojaNotTyped}
)

// gojaNoPrimitive starts goja's words for an object whose valueOf and
// toString give no primitive: "Could not convert &{Object 0xc000…
// map[…]} (*goja.baseObject) to primitive".
const gojaNoPrimitive = "Could not convert "

// gojaNoThrow is yield*'s refusal of an iterator without a throw method
// (V8 ends it with a full stop).
const gojaNoThrow = "The iterator does not provide a 'throw' method"

// goja's words for a private field written on an object without it (V8:
// "… to an object …") and for a Symbol method's refused receiver.
var gojaPrivateWrite = lazyre.New(`^(Cannot write private member #\w+ )from an object`)

const gojaSymbolThis = "Value is not a Symbol"

// goja's words for any operation on a revoked proxy (V8 names the trap)
// and for a Set method given a non-object.
const (
	gojaRevoked   = "Proxy already revoked"
	gojaSetRecord = "value is not an Object"
)

var setRecordMethods = names("union", "intersection", "difference", "symmetricDifference", "isSubsetOf",
	"isSupersetOf", "isDisjointFrom")

// nameBefore is the identifier that ends right before src[off] (the
// method name before a call's parenthesis), or "".
func nameBefore(src string, off int) string {
	if off <= 0 || off > len(src) {
		return ""
	}
	start := off
	for start > 0 && isIdentByte(src[start-1]) {
		start--
	}
	return src[start:off]
}

// revokedTrap names the trap V8 says a revoked proxy refused, from the
// place: a write is 'set', a listing of keys 'ownKeys', anything else
// (mostly a read) 'get'.
func revokedTrap(src string, line, col int) string {
	if _, ok := assignedPropAt(src, line, col); ok {
		return "set"
	}
	switch strings.TrimSuffix(calleeAt(src, line, col), ".call") {
	case "Object.keys", "Object.values", "Object.entries", "Object.getOwnPropertyNames", "Reflect.ownKeys":
		return "ownKeys"
	}
	return "get"
}

var gojaSymbolReceiver = lazyre.New(`^Method Symbol\.prototype\.(\w+) is called on incompatible receiver$`)

// goja's words for Promise() and Uint8Array() called without new.
const (
	gojaPromiseCall    = "Constructor Promise requires 'new'"
	gojaTypedArrayCall = "Constructor TypedArray requires 'new'"
)

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
		return v8TypeMessage(msg, src, line, col, seen)
	case "ReferenceError":
		if msg == gojaSuperThis {
			return msg + " or returning from derived constructor"
		}
		if msg == gojaSuperReturn {
			return gojaSuperThis + " or returning from derived constructor"
		}
		if msg == gojaTDZ {
			// goja reports it at the name.
			if off := offsetAt(src, line, col); off >= 0 {
				if id := identAt(src, off); id != "" {
					return "Cannot access '" + id + "' before initialization"
				}
			}
		}
		return msg
	case "SyntaxError":
		return v8SyntaxMessage(msg, "", 0, 0)
	case "RangeError", "URIError":
		return v8RangeMessage(msg, src, line, col)
	}
	return msg
}

// gojaTDZ is goja's ReferenceError for a let, const or class read before
// its declaration ran; V8 names it.
const gojaTDZ = "Cannot access a variable before initialization"

// notAnObjectWords words goja's "not an object" (x is the rest of its
// message) as V8 does where the place tells what refused it: an 'in' or an
// instanceof, or a built-in constructor refusing its argument (not a value
// that cannot be constructed).
func notAnObjectWords(x, src string, line, col int, seen seenAt) (string, bool) {
	switch {
	case seen.inKey != "":
		return "Cannot use 'in' operator to search for '" + seen.inKey + "' in " + seen.inWhat, true
	case seen.instanceOf:
		return "Right-hand side of 'instanceof' is not an object", true
	}
	if words := builtinCtorWords[constructedAt(src, line, col)]; words != nil {
		return words(x), true
	}
	return "", false
}

// gojaProxyDelete is goja's refusal of a proxy's deleteProperty trap that
// said true for a non-configurable property of its target.
var gojaProxyDelete = lazyre.New(`^'deleteProperty' on proxy: property '(.*)' is a non-configurable property but the trap returned truish$`)

// notCallableWords names what a call or new at line:col could not call,
// as V8 does, from the source.
func notCallableWords(src string, line, col int) (string, bool) {
	if callee := calleeAt(src, line, col); callee != "" {
		return callee + " is not a function", true
	}
	if callee := constructedAt(src, line, col); callee != "" {
		return callee + " is not a constructor", true
	}
	return "", false
}

// v8TypeMessage is v8Message for a TypeError.
func v8TypeMessage(msg, src string, line, col int, seen seenAt) string {
	if strings.HasPrefix(msg, gojaNoPrimitive) && strings.HasSuffix(msg, " to primitive") {
		// goja prints the Go value behind the object (its pointer and
		// property map) where V8 says nothing of it.
		return "Cannot convert object to primitive value"
	}
	if seen.native {
		// Thrown inside a built-in called at line:col.
		if v := v8NativeMessage(msg, src, line, col); v != msg {
			return v
		}
	}
	if v, ok := v8ReceiverMessage(msg, src, line, col); ok {
		return v
	}
	if v, ok := receiverWords(msg, src, line, col); ok {
		return v
	}
	if v, ok := privateWords(msg, src, line, col); ok {
		return v
	}
	if v, ok := v8NullishMessage(msg, src, line, col, seen); ok {
		return v
	}
	if v, ok := v8SetMessage(msg, seen); ok {
		return v
	}
	if v, ok := v8WordsOf(msg, src, line, col, seen); ok {
		return v
	}
	if m := gojaReceiver().FindStringSubmatch(msg); m != nil {
		if ownToString[m[2]] {
			return msg // V8 prints these with their tag too: [object Array]
		}
		return m[1] + "#<" + m[2] + ">"
	}
	if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok {
		if v, ok := notAnObjectWords(x, src, line, col, seen); ok {
			return v
		}
	}
	if m := gojaProxyDelete().FindStringSubmatch(msg); m != nil {
		return "'deleteProperty' on proxy: trap returned truish for property '" + m[1] + "' which is non-configurable in the proxy target"
	}
	if gojaNoMember().MatchString(msg) {
		if v, ok := notCallableWords(src, line, col); ok {
			return v
		}
	}
	if x, ok := strings.CutSuffix(msg, gojaNotAMethod); ok {
		return typedFromText(x) + " is not a function"
	}
	if msg == gojaDetached {
		return detachedWords(src, line, col)
	}
	return msg
}

// gojaDetached is goja's words for any use of a detached buffer; V8 names
// the operation.
const gojaDetached = "ArrayBuffer is detached"

// detachedWords is V8's words for the use of a detached buffer at line:col:
// a typed array or DataView built on it, or a typed array's method.
func detachedWords(src string, line, col int) string {
	switch ctor := constructedAt(src, line, col); {
	case typedArrayNames[ctor]:
		return "Cannot perform Construct on a detached ArrayBuffer"
	case ctor == "DataView":
		return "Cannot perform DataView constructor on a detached ArrayBuffer"
	}
	if callee := calleeAt(src, line, col); callee != "" {
		m := callee[strings.LastIndexByte(callee, '.')+1:]
		if typedArrayMethodNames[m] {
			return "Cannot perform %TypedArray%.prototype." + m + " on a detached ArrayBuffer"
		}
	}
	return gojaDetached
}

// typedArrayMethodNames are the %TypedArray%.prototype methods V8 names
// when their view's buffer is detached.
var typedArrayMethodNames = map[string]bool{"fill": true, "set": true, "copyWithin": true, "reverse": true, "sort": true,
	"map": true, "filter": true, "forEach": true, "join": true, "indexOf": true, "lastIndexOf": true, "includes": true,
	"find": true, "findIndex": true, "findLast": true, "findLastIndex": true, "every": true, "some": true, "reduce": true,
	"reduceRight": true, "entries": true, "keys": true, "values": true, "toReversed": true, "toSorted": true, "with": true}

// gojaNotAMethod ends goja's words for a method it found not callable
// (Symbol.toPrimitive, Symbol.hasInstance, an iterator's return…): the
// value as a string. V8 names the value by its type and, for a primitive,
// its value: "number 5 is not a function".
const gojaNotAMethod = " is not a method"

// typedFromText is V8's typed form of a value goja printed as x (the
// type read from the text: a string of digits reads as a number, an
// array or an object with its own toString as a string).
func typedFromText(x string) string {
	switch {
	case x == "true" || x == "false":
		return "boolean " + x
	case x == "NaN" || x == "Infinity" || x == "-Infinity":
		return "number " + x
	case strings.HasPrefix(x, "[object ") && strings.HasSuffix(x, "]"),
		len(x) > 1 && x[0] == '/' && strings.LastIndexByte(x, '/') > 0 && strings.Trim(x[strings.LastIndexByte(x, '/')+1:], "dgimsuvy") == "":
		return "object"
	}
	if _, err := strconv.ParseFloat(x, 64); err == nil && strings.TrimLeft(x, "-0123456789.e+") == "" {
		return "number " + x
	}
	return "string \"" + x + "\""
}

// v8NullishMessage words a read or write made on null or undefined.
func v8NullishMessage(msg, src string, line, col int, seen seenAt) (string, bool) {
	if m := gojaReadProp().FindStringSubmatch(msg); m != nil {
		what, prop := orNullishAt(seen.nullish, src, line, col), m[1]
		switch {
		case seen.readIterator:
			return notIterableNoLoadOf(what), true
		case seen.readSymbol != "":
			return "Cannot read properties of " + what + " (reading '" + seen.readSymbol + "')", true
		}
		if sym, ok := strings.CutPrefix(prop, "Symbol."); ok && bracketKeyAt(src, line, col) == prop {
			// A well-known symbol (goja names it as a string key would
			// be named): V8 prints Symbol(…), and its iteration
			// protocol's words for Symbol.iterator.
			if sym == "iterator" {
				return notIterableNoLoadOf(what), true
			}
			prop = "Symbol(" + prop + ")"
		}
		return "Cannot read properties of " + what + " (reading '" + prop + "')", true
	}
	if msg != gojaConvert {
		return "", false
	}
	if prop, ok := assignedPropAt(src, line, col); ok {
		return "Cannot set properties of " + orNullishAt(seen.nullish, src, line, col) + " (setting '" + prop + "')", true
	}
	if seen.setKey != "" && seen.nullish != "" {
		return "Cannot set properties of " + seen.nullish + " (setting '" + seen.setKey + "')", true
	}
	return msg, true
}

// bracketKeyAt is the text inside the brackets of the member access placed
// at line:col (o[Symbol.iterator] gives "Symbol.iterator"), or "". goja
// places a read at its "[", a call of it inside the brackets.
func bracketKeyAt(src string, line, col int) string {
	off := offsetAt(src, line, col)
	if off < 0 || off >= len(src) {
		return ""
	}
	start := strings.LastIndexByte(src[:off+1], '[')
	if start < 0 || strings.ContainsAny(src[start:off], "]\n") {
		return ""
	}
	end := strings.IndexByte(src[off:], ']')
	if end < 0 {
		return ""
	}
	return strings.TrimSpace(src[start+1 : off+end])
}

// notIterableNoLoadOf is notIterableNoLoad for null or undefined, named.
func notIterableNoLoadOf(nullish string) string {
	if nullish == "null" {
		return "object null" + notIterableTail
	}
	return nullish + notIterableTail
}

const notIterableTail = " is not iterable (cannot read property Symbol(Symbol.iterator))"

// v8WordsOf words goja's fixed messages.
func v8WordsOf(msg, src string, line, col int, seen seenAt) (string, bool) {
	if v, ok := gojaFixedWords[msg]; ok {
		return v, true
	}
	switch {
	case msg == gojaClassCall:
		if v, ok := classCallWords(src, line, col); ok {
			return v, true
		}
	case msg == gojaNotCtor:
		if callee := constructedAt(src, line, col); callee != "" {
			return callee + " is not a constructor", true
		}
	case gojaPrivateWrite().MatchString(msg):
		return gojaPrivateWrite().ReplaceAllString(msg, "${1}to an object"), true
	case gojaSymbolReceiver().MatchString(msg):
		return gojaSymbolReceiver().ReplaceAllString(msg, "Symbol.prototype.$1 requires that 'this' be a Symbol"), true
	case msg == gojaSymbolThis:
		return symbolThisWords(msg, src, line, col)
	case msg == gojaRevoked:
		return "Cannot perform '" + revokedTrap(src, line, col) + "' on a proxy that has been revoked", true
	case msg == gojaTypedArrayCall:
		// goja names the abstract class; V8 the one called.
		if callee := calleeAt(src, line, col); typedArrayNames[callee] {
			return "Constructor " + callee + " requires 'new'", true
		}
	case strings.HasPrefix(msg, gojaInstanceofCall):
		return "Right-hand side of 'instanceof' is not callable", true
	}
	return v8HeritageWords(msg, src, line, col, seen)
}

// gojaFixedWords are goja's messages V8 words otherwise whatever the place.
var gojaFixedWords = map[string]string{
	gojaNoInitial:   "Reduce of empty array with no initial value",
	gojaMatchAll:    "String.prototype.matchAll called with a non-global RegExp argument",
	gojaPromiseCall: "Promise constructor cannot be invoked without 'new'",
	gojaNoThrow:     gojaNoThrow + ".",
	gojaGenRunning:  "Generator is already running",
	gojaSelfResolve: "Chaining cycle detected for promise #<Promise>",
}

// gojaSelfResolve is goja's rejection of a promise resolved with itself.
const gojaSelfResolve = "Promise self-resolution"

// gojaGenRunning is goja's refusal of next/return/throw on a generator
// that is running (it calls itself).
const gojaGenRunning = "Illegal generator state"

// symbolThisWords words a Symbol method or getter refusing its receiver.
func symbolThisWords(msg, src string, line, col int) (string, bool) {
	if m := gojaPrototypeCall().FindStringSubmatch(calleeAt(src, line, col)); m != nil && m[1] == "Symbol" {
		return "Symbol.prototype." + m[2] + " requires that 'this' be a Symbol", true
	}
	if identAt(src, offsetAt(src, line, col)) == "description" { // Symbol.prototype.description
		return "Symbol.prototype.description requires that 'this' be a Symbol", true
	}
	return msg, false
}

// v8HeritageWords words goja's refusals of a class's heritage; a class
// called without new or a value that cannot be constructed, whose callee
// the source did not show, is left as goja words it but counts as seen.
func v8HeritageWords(msg, src string, line, col int, seen seenAt) (string, bool) {
	switch {
	case msg == gojaSuperCtor:
		// A class extending null, constructed: V8 names the class.
		name := constructedAt(src, line, col)
		if !isIdent(name) {
			name = "anonymous class"
		}
		return "Super constructor null of " + name + " is not a constructor", true
	case msg == gojaExtends && seen.extends != "":
		return "Class extends value " + seen.extends + " is not a constructor or null", true
	case msg == gojaExtendsProto && seen.extendsProto != "":
		return msg + " " + seen.extendsProto, true
	}
	return msg, msg == gojaClassCall || msg == gojaNotCtor
}

// goja's words for instanceof and class heritage.
const (
	gojaInstanceofCall = "Expecting a function in instanceof check, but got "
	gojaExtends        = "Class extends value is not a constructor or null"
	gojaExtendsProto   = "Class extends value does not have valid prototype property"
	gojaSuperCtor      = "Super constructor is not a constructor"
)

// v8NativeMessage rewords an error a built-in threw, from the call that
// called it: V8 names the built-in that refused a primitive receiver or
// target ("Reflect.ownKeys called on non-object").
func v8NativeMessage(msg, src string, line, col int) string {
	if v, ok := v8ReceiverMessage(msg, src, line, col); ok {
		return v
	}
	if v, ok := receiverWords(msg, src, line, col); ok {
		return v
	}
	switch msg {
	case gojaSetRecord: // new Set().union(5)
		if m := nameBefore(src, offsetAt(src, line, col)); setRecordMethods[m] {
			return "Set.prototype." + m + " argument must be an object"
		}
	case gojaRevoked: // Object.keys(revoked)
		return "Cannot perform '" + revokedTrap(src, line, col) + "' on a proxy that has been revoked"
	case gojaDetached: // view.fill(1) on a detached buffer
		return detachedWords(src, line, col)
	}
	if !strings.HasPrefix(msg, gojaNotAnObject) {
		return msg
	}
	callee := calleeAt(src, line, col)
	if callee == "" {
		return msg
	}
	if words, ok := nonObjectCallees[callee]; ok {
		return words + " called on non-object"
	}
	if v, ok := receiverCalleeWords(callee, strings.TrimPrefix(msg, gojaNotAnObject)); ok {
		return v
	}
	if strings.HasPrefix(callee, "Reflect.") && isIdent(callee[len("Reflect."):]) {
		return callee + " called on non-object"
	}
	return msg
}

// gojaPrototypeCall is a built-in method called through call or apply on a
// primitive receiver: Set.prototype.add.call(5).
var gojaPrototypeCall = lazyre.New(`^(Set|Map|WeakMap|WeakSet|Promise|Function|Symbol|Date|RegExp|ArrayBuffer)\.prototype\.(\w+)\.(?:call|apply)$`)

// receiverCalleeWords words goja's "Value is not an object: x" for a
// built-in method the script called through call or apply on the
// primitive x, as V8 words the receiver's refusal.
func receiverCalleeWords(callee, x string) (string, bool) {
	m := gojaPrototypeCall().FindStringSubmatch(callee)
	if m == nil {
		return "", false
	}
	switch {
	case m[1] == "Function" && m[2] == "bind":
		return "Bind must be called on a function", true
	case m[1] == "Function" && (m[2] == "call" || m[2] == "apply"):
		return callee + " is not a function", true
	case m[1] == "Function" || m[1] == "Symbol":
		return "", false
	case m[1] == "Date":
		// The getters' words; the other methods refuse in Go (dates.go).
		return "this is not a Date object.", strings.HasPrefix(m[2], "get") && m[2] != "getYear" || m[2] == "valueOf"
	case m[1] == "Promise" && m[2] == "finally":
		return "Promise.prototype.finally called on non-object", true
	}
	return "Method " + m[1] + ".prototype." + m[2] + " called on incompatible receiver " + x, true
}

// v8ReceiverMessage words a built-in method called (through call or
// apply) on a receiver it refuses.
func v8ReceiverMessage(msg, src string, line, col int) (string, bool) {
	if gojaDateReceiver().MatchString(msg) {
		return "this is not a Date object.", true
	}
	callee := strings.TrimSuffix(strings.TrimSuffix(calleeAt(src, line, col), ".call"), ".apply")
	switch {
	case msg == "Value is not object coercible" && strings.HasPrefix(callee, "String.prototype.") && isIdent(callee[len("String.prototype."):]):
		return "String.prototype." + v8StringMethodName(callee[len("String.prototype."):]) + " called on null or undefined", true
	case msg == "Value is not object coercible" && stringLiteralMethod().MatchString(callee):
		// ''.padStart.call(undefined, 2)
		return "String.prototype." + v8StringMethodName(stringLiteralMethod().FindStringSubmatch(callee)[1]) + " called on null or undefined", true
	case msg == gojaConvert && arrayNullishWords(callee) != "":
		return arrayNullishWords(callee), true
	case strings.HasPrefix(msg, "Value is not a number") && strings.HasPrefix(callee, "Number.prototype.") && isIdent(callee[len("Number.prototype."):]):
		return callee + " requires that 'this' be a Number", true
	}
	return msg, false
}

// nullishNamedArrayMethods are the Array.prototype methods whose V8 form
// names itself when called on null or undefined
// (Array.prototype.forEach.call(null)); the others say "Cannot convert
// undefined or null to object", as goja does, and map, filter, some and
// every are Sugar's, which take it (fresh-round13t-b.json).
var nullishNamedArrayMethods = map[string]bool{"forEach": true, "find": true, "findIndex": true, "findLast": true,
	"findLastIndex": true, "reduce": true, "reduceRight": true, "concat": true, "indexOf": true}

// arrayNullishWords is V8's words for callee (Array.prototype.forEach or
// [].forEach, without .call) called on null or undefined, or "".
func arrayNullishWords(callee string) string {
	name, ok := strings.CutPrefix(callee, "Array.prototype.")
	if !ok {
		name, ok = strings.CutPrefix(callee, "[].")
	}
	if !ok || !nullishNamedArrayMethods[name] {
		return ""
	}
	return "Array.prototype." + name + " called on null or undefined"
}

// v8StringMethodName is the name V8 gives a String method in its refusals:
// trimStart and trimEnd are the same functions as trimLeft and trimRight,
// which V8 names them.
func v8StringMethodName(m string) string {
	switch m {
	case "trimStart":
		return "trimLeft"
	case "trimEnd":
		return "trimRight"
	}
	return m
}

// stringLiteralMethod is a string literal's method as a callee: 'abc'.at.
var stringLiteralMethod = lazyre.New(`^(?:'[^']*'|"[^"]*")\.(\w+)$`)

var gojaDateReceiver = lazyre.New(`^Method Date\.prototype\.\w+ is called on incompatible receiver$`)

// nonObjectCallees are the Promise statics called on a primitive this
// (Promise.resolve.call(1)) and how V8 names them.
var nonObjectCallees = map[string]string{
	"Promise.resolve.call": "PromiseResolve", "Promise.reject.call": "PromiseReject",
	"Promise.all.call": "Promise.all", "Promise.allSettled.call": "Promise.allSettled",
	"Promise.race.call": "Promise.race", "Promise.any.call": "Promise.any",
	"Promise.resolve.apply": "PromiseResolve", "Promise.reject.apply": "PromiseReject",
	"Promise.withResolvers.call": "Promise.withResolvers", "Promise.withResolvers.apply": "Promise.withResolvers",
}

// gojaReadOnly, gojaReceiverPrim and gojaDelete are goja's words for a set
// refused in strict code, and a delete; V8 names the object.
var (
	gojaReadOnly     = lazyre.New(`^Cannot assign to read only property '(.*)'$`)
	gojaReceiverPrim = "Receiver is not an object: "
	gojaDelete       = lazyre.New(`^Cannot delete property '(.*)' of .*$`)
)

// v8SetMessage words a refused set or delete from the object the run saw
// at the place (its slot).
func v8SetMessage(msg string, seen seenAt) (string, bool) {
	if seen.obj == nil {
		return "", false
	}
	if m := gojaReadOnly().FindStringSubmatch(msg); m != nil || msg == "" && seen.setKey != "" {
		prop := seen.setKey
		if m != nil {
			prop = m[1]
		}
		if seen.obj.getterOnly(prop) {
			return "Cannot set property " + prop + " of " + seen.obj.printed + " which has only a getter", true
		}
		return "Cannot assign to read only property '" + prop + "' of " + seen.obj.typeOf + " '" + seen.obj.printed + "'", true
	}
	if strings.HasPrefix(msg, gojaReceiverPrim) && seen.prop != "" {
		return "Cannot create property '" + seen.prop + "' on " + seen.obj.typeOf + " '" + seen.obj.printed + "'", true
	}
	if m := gojaDelete().FindStringSubmatch(msg); m != nil {
		if seen.obj.typeOf == "string" { // delete 'abc'[0]: V8 names the wrapper
			return "Cannot delete property '" + m[1] + "' of [object String]", true
		}
		return "Cannot delete property '" + m[1] + "' of " + seen.obj.printed, true
	}
	return "", false
}

// gojaBarePrivate is goja's compiler's refusal of a private name used
// outside a class; privateNameRe finds the name.
const gojaBarePrivate = "Compiler bug: Unknown expression type: *ast.PrivateIdentifier"

var privateNameRe = lazyre.New(`#[A-Za-z_$][\w$]*`)

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
		// A refusal of goja's regexp engine, placed at the literal.
		msg = m[1]
		line, _ = strconv.Atoi(m[2])
		col, _ = strconv.Atoi(m[3])
	}
	msg = gojaMore().ReplaceAllString(msg, "")
	if lit := refusedLiteral(msg, code, line, col); lit != "" && gojaRegExpWords(msg) {
		// goja words a literal's bad pattern alone (or as its regexp
		// engine does); V8 names the literal.
		for _, w := range regExpWords {
			if strings.Contains(msg, w[0]) {
				msg = w[1]
				break
			}
		}
		return "Invalid regular expression: " + lit + ": " + msg
	}
	if w, ok := literalSyntaxWords(msg, code, line, col); ok {
		return w
	}
	if m := placedSyntaxWords(msg, code, line, col); m != "" {
		return m
	}
	switch {
	case msg == gojaBarePrivate:
		// A private name outside any class (eval('#x')): goja's compiler
		// refuses it by its Go type.
		if m := privateNameRe().FindString(code); m != "" {
			return "Private field '" + m + "' must be declared in an enclosing class"
		}
	case msg == "Unexpected token ILLEGAL":
		return "Invalid or unexpected token"
	case msg == "Unexpected token (" && strings.HasSuffix(strings.TrimRight(codeBefore(code, line, col), " \t"), "function"):
		return "Function statements require a function name"
	case strings.HasPrefix(msg, "Unexpected token ") && !strings.HasPrefix(msg, "Unexpected token '"):
		return "Unexpected token '" + strings.TrimPrefix(msg, "Unexpected token ") + "'"
	case afterAwait(msg, code, line, col):
		return "await is only valid in async functions and the top level bodies of modules"
	case msg == "Unexpected identifier":
		if off := offsetAt(code, line, col); off >= 0 {
			if name := identAt(code, off); name != "" {
				return "Unexpected identifier '" + name + "'"
			}
		}
	}
	return msg
}

// afterAwait reports goja's refusal of a name, number or string that
// follows the word await outside an async function: V8 names the await.
func afterAwait(msg, code string, line, col int) bool {
	switch msg {
	case "Unexpected identifier", "Unexpected number", "Unexpected string":
	default:
		return false
	}
	off := offsetAt(code, line, col)
	if off < 0 {
		return false
	}
	prev := strings.TrimRight(code[:off], " \t")
	return strings.HasSuffix(prev, "await") && (len(prev) == 5 || !isIdentByte(prev[len(prev)-6]))
}

// literalSyntaxWords is V8's message for a regular expression literal at
// line:col of code that goja refused as its constructor would: bad flags,
// or a literal whose closing / is inside a class ([/), which V8's scanner
// never finds.
func literalSyntaxWords(msg, code string, line, col int) (string, bool) {
	off := offsetAt(code, line, col)
	if off < 0 || code[off] != '/' {
		return "", false
	}
	switch {
	case strings.HasPrefix(msg, "Invalid flags supplied to RegExp constructor") && regExpLiteralAt(code, line, col) != "":
		return "Invalid regular expression flags", true
	case gojaRegExpWords(msg) && regExpLiteralAt(code, line, col) == "":
		return "Invalid regular expression: missing /", true
	}
	return "", false
}

// awaitWords is V8's message where goja refused an await it could not
// take, "" otherwise: in a parameter list (an async function's default
// values), "Illegal await-expression in formal parameters of async
// function"; elsewhere (a class static block, for await in a function
// that is not async), "Unexpected reserved word"; and an await followed by
// a number or string in a function that is not async, which goja reads as
// a name, V8's "await is only valid…".
func awaitWords(msg, code string, line, col int) string {
	off := offsetAt(code, line, col)
	if code == "" || off < 0 || off > len(code) {
		return ""
	}
	if m := asyncHeadAwaitWords(msg, code, off); m != "" {
		return m
	}
	switch msg {
	case "Unexpected token await":
		if inParens(code, off) {
			return "Illegal await-expression in formal parameters of async function"
		}
		return "Unexpected reserved word"
	case "Unexpected number", "Unexpected string":
		prev := strings.TrimRight(code[:off], " \t")
		if strings.HasSuffix(prev, "await") && (len(prev) == 5 || !isIdentByte(prev[len(prev)-6])) {
			if inParens(code, len(prev)-5) {
				return msg // a default value of a function that is not async: V8's words too
			}
			return "await is only valid in async functions and the top level bodies of modules"
		}
	}
	return ""
}

// asyncHeadAwaitWords is V8's message for an await goja refused inside
// the parenthesis of async (…): V8 reads it first as a call of a function
// named async, whose arguments are not async code (await 1: "missing )
// after argument list"), and a bare await there as a parameter name of the
// async arrow it turns out to be; "" elsewhere (Postman CLI 1.34.0,
// fresh-round13l-e.json).
func asyncHeadAwaitWords(msg, code string, off int) string {
	open := openParenBefore(code, off)
	if open < 0 {
		return ""
	}
	head := strings.TrimRight(code[:open], " \t\r\n")
	if !strings.HasSuffix(head, "async") || len(head) > 5 && isIdentByte(head[len(head)-6]) {
		return ""
	}
	switch msg {
	case "Unexpected token await":
		return "'await' is not a valid identifier name in an async function"
	case "Unexpected number", "Unexpected string", "Unexpected identifier":
		prev := strings.TrimRight(code[:off], " \t")
		if strings.HasSuffix(prev, "await") && (len(prev) == 5 || !isIdentByte(prev[len(prev)-6])) {
			return "missing ) after argument list"
		}
	}
	return ""
}

// openParenBefore is the offset of the parenthesis still open at
// code[off] when it is the innermost open bracket there, else -1.
func openParenBefore(code string, off int) int {
	if i := enclosingOpen(code, off); i >= 0 && code[i] == '(' {
		return i
	}
	return -1
}

// inParens reports whether code[off] stands inside a parenthesis that is
// still open there (a parameter list, destructuring patterns in it
// included), not inside a block (a brace after ')', '=>' or a name).
func inParens(code string, off int) bool {
	for i := enclosingOpen(code, off); i >= 0; i = enclosingOpen(code, i) {
		if code[i] == '(' {
			return true
		}
		prev := strings.TrimRight(code[:i], " \t\r\n")
		if code[i] == '{' && prev != "" && (strings.HasSuffix(prev, ")") || strings.HasSuffix(prev, "=>") || isIdentByte(prev[len(prev)-1])) {
			return false // a block
		}
	}
	return false
}

// enclosingOpen is the offset of the innermost bracket ('(', '[' or '{')
// still open at code[off], or -1 (brackets inside strings count: the
// callers look at code goja has just refused near off).
func enclosingOpen(code string, off int) int {
	depth := 0
	for i := off - 1; i >= 0; i-- {
		switch code[i] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// placedSyntaxWords is V8's message where goja's is worded from its place:
// awaitWords', argsyntax.go's, then syntaxwords.go's; "" when none
// applies.
func placedSyntaxWords(msg, code string, line, col int) string {
	if m := awaitWords(msg, code, line, col); m != "" {
		return m
	}
	if m := missingParen(msg, code, line, col); m != "" {
		return m
	}
	if w, ok := syntaxWords(msg, code, line, col); ok {
		return w
	}
	return ""
}

// refusedLiteral is the regular expression literal at line:col of code,
// or, when goja gave no place (its own refusal of a literal in eval'd
// code), the literal its message names.
func refusedLiteral(msg, code string, line, col int) string {
	if lit := regExpLiteralAt(code, line, col); lit != "" || line != 0 {
		return lit
	}
	return regExpLiteralOf(msg, code)
}

// regExpLiteralOf is the literal of code whose pattern goja's refusal msg
// names ("Invalid regular expression (regexp2): PATTERN (…)"), or "".
func regExpLiteralOf(msg, code string) string {
	rest, ok := strings.CutPrefix(msg, "Invalid regular expression (")
	if !ok || code == "" {
		return ""
	}
	_, rest, ok = strings.Cut(rest, "): ")
	if !ok {
		return ""
	}
	pat, _, ok := strings.Cut(rest, " (Invalid regular expression (")
	if !ok {
		pat, _, _ = strings.Cut(rest, " (error parsing regexp")
	}
	i := strings.Index(code, "/"+pat+"/")
	if pat == "" || i < 0 {
		return ""
	}
	j := i + len(pat) + 2
	for j < len(code) && code[j] >= 'a' && code[j] <= 'z' {
		j++
	}
	return code[i:j]
}

// codeBefore is code up to line:col, or "".
// regExpWords are goja's words for a pattern it refuses and V8's (as
// js/parts/regexp.js words them for a pattern built at run time).
var regExpWords = [...][2]string{
	{"missing argument to repetition operator", "Nothing to repeat"}, {"invalid nested repetition operator", "Nothing to repeat"},
	{"invalid repeat count", "numbers out of order in {} quantifier"}, {"trailing backslash", `\ at end of pattern`},
	{"invalid character class range", "Range out of order in character class"}, {"invalid capture group name", "Invalid capture group name"},
	{"reference to undefined group name", "Invalid named capture referenced"}, {"invalid escape sequence: `\\x{", "Invalid Unicode escape"},
	{"Invalid control escape", "Invalid Unicode escape"},
}

// gojaRegExpWords reports a message of goja's about a literal's pattern:
// its parser's words, or its regexp engine's refusal.
func gojaRegExpWords(msg string) bool {
	switch msg {
	case "Invalid UTF-8 character", "Unmatched ')'", "Invalid group", "Unterminated group", "Unterminated character class",
		"Invalid control escape", "Invalid Unicode escape":
		return true
	}
	return strings.HasPrefix(msg, "Invalid regular expression (")
}

// regExpLiteralAt is the regular expression literal (with its flags) that
// starts at line:col of code, or "".
func regExpLiteralAt(code string, line, col int) string {
	off := offsetAt(code, line, col)
	if off < 0 || off >= len(code) || code[off] != '/' {
		return ""
	}
	inClass := false
	for i := off + 1; i < len(code); i++ {
		switch c := code[i]; {
		case c == '\\':
			i++
		case c == '\n' || c == '\r':
			return ""
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			j := i + 1
			for j < len(code) && code[j] >= 'a' && code[j] <= 'z' {
				j++
			}
			return code[off:j]
		}
	}
	return ""
}

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
	start := off + 3
	for start < len(src) && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	end := constructedEnd(src, start)
	if end < 0 {
		return ""
	}
	callee := strings.TrimSpace(src[start:end])
	if callee == "" || strings.Contains(callee, "\n") {
		return ""
	}
	return intermediate(callee)
}

// constructedEnd is where the constructor written from start ends: a name
// path with member reads in brackets, or a parenthesized expression first;
// -1 when a bracket is not closed.
func constructedEnd(src string, start int) int {
	i := start
	for i < len(src) {
		c := src[i]
		switch {
		case isIdentByte(c) || c == '.':
			i++
		case (c == '(' && i == start) || c == '[':
			if i = closingBracket(src, i); i < 0 {
				return -1
			}
			i++
		default:
			return i
		}
	}
	return i
}

// calleeAt returns the source of the callee whose call's "(" is at
// line:col, as V8 prints it ("pm.response.jsn", "f(...).g"), or "".
func calleeAt(src string, line, col int) string {
	end := offsetAt(src, line, col)
	if end <= 0 || src[end] != '(' {
		return ""
	}
	j := skipBlanksBack(src, end-1)
	if j >= 1 && src[j-1] == '?' && src[j] == '.' {
		// An optional call, f?.(): V8 names the callee without the ?.
		j = skipBlanksBack(src, j-2)
	}
	stop := j + 1
	start := calleeStart(src, j)
	if start < 0 {
		return ""
	}
	callee := strings.TrimSpace(src[start:stop])
	if callee == "" || strings.ContainsAny(callee, "\n") {
		return ""
	}
	// A string literal the call starts from prints as its value in double
	// quotes: 'abc'.foo() is "abc".foo (V8), not .foo.
	lit, callee := leadingString(callee)
	callee = lit + strings.ReplaceAll(bracketsAsDots(collapseCalls(callee)), "?..", "?.")
	// V8 prints the super reference as the value it stands for.
	if strings.HasPrefix(callee, "super.") || strings.HasPrefix(callee, "super[") {
		callee = "(intermediate value)" + callee[len("super"):]
	}
	return intermediate(callee)
}

// skipBlanksBack is the index of the last byte at or before j that is not
// a space or tab (-1 when none is).
func skipBlanksBack(src string, j int) int {
	for j >= 0 && (src[j] == ' ' || src[j] == '\t') {
		j--
	}
	return j
}

// calleeStart is where the callee that ends at src[j] starts, read
// backwards: names, dots, optional chains, and calls or member reads in
// brackets; -1 when a bracket is not opened.
func calleeStart(src string, j int) int {
	for j >= 0 {
		c := src[j]
		switch {
		case isIdentByte(c) || c == '.' || c == '?':
			j--
		case c == ']' || c == ')':
			if j = openingBracket(src, j); j < 0 {
				return -1
			}
			j--
		case c == '\'' || c == '"' || c == '`':
			// A string literal is where a callee starts: 'abc'.foo().
			return openingQuote(src, j)
		case c == '/' && regexpEnd(src, j):
			// So is a regexp literal: /re/g.foo().
			if open := openingQuote(src, j); open >= 0 {
				return open
			}
			return j + 1
		default:
			return j + 1
		}
	}
	return 0
}

// regexpEnd reports whether the slash at src[j] may close a regexp literal
// a member read follows: flags then a dot (/re/gi.foo).
func regexpEnd(src string, j int) bool {
	k := j + 1
	for k < len(src) && strings.IndexByte("dgimsuyv", src[k]) >= 0 {
		k++
	}
	return k < len(src) && src[k] == '.'
}

// openingQuote is the index of the quote that opens the string literal
// closed by the quote at src[j] (one not escaped by a backslash); -1 when
// none is on the line.
func openingQuote(src string, j int) int {
	q := src[j]
	for i := j - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != q {
			continue
		}
		backslashes := 0
		for k := i - 1; k >= 0 && src[k] == '\\'; k-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return i
		}
	}
	return -1
}

// leadingString splits off a callee's leading string literal ('abc' or
// ('abc'), a template without substitutions too), printed as V8 prints it:
// its value in double quotes, or a regexp literal, printed as written. It
// returns "" and the callee when there is none.
func leadingString(callee string) (string, string) {
	body, grouped := callee, false
	if strings.HasPrefix(body, "(") {
		body, grouped = strings.TrimLeft(body[1:], " \t"), true
	}
	if body == "" || (body[0] != '\'' && body[0] != '"' && body[0] != '`' && body[0] != '/') {
		return "", callee
	}
	q := body[0]
	end := -1
	for i := 1; i < len(body); i++ {
		if body[i] == '\\' {
			i++
			continue
		}
		if body[i] == q {
			end = i
			break
		}
	}
	if end < 0 || (q == '`' && strings.Contains(body[1:end], "${")) {
		return "", callee
	}
	rest := body[end+1:]
	if q == '/' {
		flags := 0
		for flags < len(rest) && isIdentByte(rest[flags]) {
			flags++
		}
		lit := body[:end+1+flags]
		if rest = rest[flags:]; grouped {
			return "", callee
		}
		return lit, rest
	}
	if grouped {
		rest = strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(rest, ")") {
			return "", callee
		}
		rest = rest[1:]
	}
	return `"` + cookedString(body[1:end]) + `"`, rest
}

// cookedString is the value of a string literal's text: its escapes
// (\n, \t, \xHH, \uHHHH, \u{H...}, an escaped character) replaced.
func cookedString(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case 'x', 'u':
			n, width := cookedCode(s[i+1:], c)
			if width == 0 {
				b.WriteByte(c)
				continue
			}
			b.WriteRune(rune(n))
			i += width
		case '\n':
			// a line continuation adds nothing
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// cookedCode reads the hex code after \x (two digits) or \u (four, or
// braced): the code and how many bytes it took (0 when malformed).
func cookedCode(s string, kind byte) (int64, int) {
	digits, width := s, 2
	if kind == 'u' {
		width = 4
		if strings.HasPrefix(s, "{") {
			end := strings.IndexByte(s, '}')
			if end < 0 {
				return 0, 0
			}
			n, err := strconv.ParseInt(s[1:end], 16, 32)
			if err != nil {
				return 0, 0
			}
			return n, end + 1
		}
	}
	if len(digits) < width {
		return 0, 0
	}
	n, err := strconv.ParseInt(digits[:width], 16, 32)
	if err != nil {
		return 0, 0
	}
	return n, width
}

// closingBracket is the index of the bracket that closes the one at
// src[i] ('(' or '['), nested pairs skipped; -1 when none does.
func closingBracket(src string, i int) int {
	open, close := src[i], byte(']')
	if open == '(' {
		close = ')'
	}
	depth := 0
	for ; i < len(src); i++ {
		switch src[i] {
		case open:
			depth++
		case close:
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// openingBracket is the index of the bracket that opens the one at src[j]
// (')' or ']'), read backwards, nested pairs skipped; -1 when none does.
func openingBracket(src string, j int) int {
	close, open := src[j], byte('[')
	if close == ')' {
		open = '('
	}
	depth := 0
	for ; j >= 0; j-- {
		switch src[j] {
		case close:
			depth++
		case open:
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// literalGroup is a parenthesized class, function or literal at the start
// of a printed callee, and the call of it that may follow.
var literalGroup = lazyre.New(`^\((?:class\b|function\b|async\b|\{|\[|\([^()]*\)\s*=>|[\w$]+\s*=>)`)

// groupedName is a parenthesized number or name path.
var groupedName = lazyre.New(`^\(\s*([\w$.]+|\(.*\))\s*\)$`)

// leadingGroupedName is a parenthesized number or name path that a member
// read follows: (5).foo, (o.a)[0].
var leadingGroupedName = lazyre.New(`^\(\s*(-?[\w$.]+)\s*\)([.\[].*)$`)

// optionalGroup is a parenthesized optional chain.
var optionalGroup = lazyre.New(`^\([\w$.\s]*\?\.[\w$.?\s]*\)$`)

// intermediate prints a callee that starts with a parenthesized class,
// function or literal (and a call of it) as V8 does: (intermediate value).
func intermediate(callee string) string {
	for {
		m := groupedName().FindStringSubmatch(callee)
		if m == nil {
			break
		}
		callee = m[1] // (5)(), new (undefined)(), ((o.f))(): V8 prints what is inside
	}
	if m := leadingGroupedName().FindStringSubmatch(callee); m != nil {
		callee = m[1] + m[2] // (5).foo, (o.a).foo: V8 prints what is inside
	}
	if optionalGroup().MatchString(callee) {
		return "(intermediate value)" // (o?.f)()
	}
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

// scriptFrame finds the first frame of the user's script in a JS error's
// stack string; native: frames of built-ins come before it (the error was
// thrown inside one the script called).
func scriptFrame(stack string, async bool) (line, col int, native bool) {
	_, frames, _ := strings.Cut(stack, "\n")
	for i, f := range strings.Split(frames, "\n") {
		if strings.Contains(f, scriptFile+":") {
			line, col = stackPos(f, async)
			return line, col, i > 0
		}
	}
	return 0, 0, false
}

// evalFile is the source name goja gives code run through eval or new
// Function.
const evalFile = "<eval>"

// evalFramePos is the position in e.lastEval of a JS error's first frame
// outside built-ins when that frame is code the script ran through eval
// or new Function
// (ok false otherwise, or when the position lies outside that code: the
// code of an older eval).
func (e *Engine) evalFramePos(stack string) (line, col int, ok bool) {
	_, frames, _ := strings.Cut(stack, "\n")
	first := ""
	for _, f := range strings.Split(frames, "\n") {
		// A built-in the code called: goja's "f (native)", or V8's
		// "f (<anonymous>)" (stackwords.go).
		if !strings.HasSuffix(f, "(native)") && !strings.HasSuffix(f, "<anonymous>)") && strings.TrimSpace(f) != "at <anonymous>" {
			first = f
			break
		}
	}
	i := strings.Index(first, evalFile+":")
	if i < 0 || e.lastEval == "" {
		return 0, 0, false
	}
	rest := first[i+len(evalFile)+1:]
	lineS, rest, _ := strings.Cut(rest, ":")
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	line, err1 := strconv.Atoi(lineS)
	col, err2 := strconv.Atoi(rest[:n])
	if err1 != nil || err2 != nil || line < 1 || line > strings.Count(e.lastEval, "\n")+1 {
		return 0, 0, false
	}
	return line, col, true
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
	// TypedArray.prototype.set with an offset past the end, or negative.
	"Source is too large":   "offset is out of bounds",
	"offset should be >= 0": "offset is out of bounds",
	// A BigInt's negative exponent: V8 12 fills the template's name with
	// nothing it has (Postman CLI prints exactly this).
	"exponent must be positive": "undefined must be positive",
}

var (
	gojaDataViewIndex   = lazyre.New(`^Index \d+ is out of bounds$`)
	gojaTypedArrayAlign = lazyre.New(`^(Byte length|Start offset)( of \w+ should be a multiple of \d+)$`)
)

var typedArrayNames = names("Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
	"Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Float16Array")

var gojaBigIntRange = lazyre.New(`^Cannot convert (-?[0-9.e+-]+|Infinity|-Infinity|NaN) to a BigInt$`)

// v8RangeMessage rewrites a RangeError's or URIError's message as V8
// words it; src, line and col place it when known.
func v8RangeMessage(msg, src string, line, col int) string {
	if v, ok := gojaRangeWords[msg]; ok {
		return v
	}
	if n, ok := strings.CutPrefix(msg, "Invalid index "); ok {
		// goja's ToIndex; V8 words it by the constructor.
		switch ctor := constructedAt(src, line, col); {
		case ctor == "ArrayBuffer" || ctor == "SharedArrayBuffer":
			return "Invalid array buffer length"
		case ctor == "DataView":
			return "Start offset " + n + " is outside the bounds of the buffer"
		case typedArrayNames[ctor]:
			return "Invalid typed array length: " + n
		}
		return msg
	}
	if gojaDataViewIndex().MatchString(msg) {
		return "Offset is outside the bounds of the DataView"
	}
	if m := gojaTypedArrayAlign().FindStringSubmatch(msg); m != nil {
		return strings.ToLower(m[1]) + m[2]
	}
	if m := gojaBigIntRange().FindStringSubmatch(msg); m != nil {
		return "The number " + m[1] + " cannot be converted to a BigInt because it is not an integer"
	}
	return msg
}

// libraryWords words goja's "Object has no member 'x'" thrown inside a
// bundled library (file is its /node_modules/<name>/index.js) as V8 does,
// from the library's own source at line:col: "this.one is not a function"
// (postman-collection's methods called on another object,
// fresh-round10s-a).
func libraryWords(msg, file string, line, col int) (string, bool) {
	name, ok := strings.CutPrefix(file, "/node_modules/")
	if !ok || !gojaNoMember().MatchString(msg) {
		return "", false
	}
	name, ok = strings.CutSuffix(name, "/index.js")
	if !ok {
		return "", false
	}
	src, ok := jslib.Source(name)
	if !ok {
		return "", false
	}
	if line == 1 {
		col -= len(jslib.WrapperPrefix)
	}
	if strings.HasPrefix(msg, gojaNotAnObject) && instanceofAt(src, line, col) {
		// goja places a refused instanceof at its left operand
		// (postman-collection's PropertyList#remove called unbound:
		// e instanceof this.Type, this being the global object).
		return "Right-hand side of 'instanceof' is not an object", true
	}
	return notCallableWords(src, line, col)
}

// instanceofLeft is a left operand (a name or a member chain) followed by
// the instanceof operator.
var instanceofLeft = lazyre.New(`^[\w$.]+\s+instanceof\b`)

// instanceofAt reports an instanceof expression starting at line:col.
func instanceofAt(src string, line, col int) bool {
	off := offsetAt(src, line, col)
	if off < 0 {
		return false
	}
	end := min(off+200, len(src))
	return instanceofLeft().MatchString(src[off:end])
}

// firstFrame is the file, line and column of a stack's first frame that
// is not a built-in (goja's frames end in the program counter: "(12)").
func firstFrame(stack string) (file string, line, col int, ok bool) {
	_, frames, _ := strings.Cut(stack, "\n")
	for _, f := range strings.Split(frames, "\n") {
		if strings.HasSuffix(f, "(native)") || strings.HasSuffix(f, "<anonymous>)") || strings.TrimSpace(f) == "at <anonymous>" {
			continue
		}
		m := framePlace().FindStringSubmatch(f)
		if m == nil {
			return "", 0, 0, false
		}
		line, err1 := strconv.Atoi(m[2])
		col, err2 := strconv.Atoi(m[3])
		return m[1], line, col, err1 == nil && err2 == nil
	}
	return "", 0, 0, false
}

var framePlace = lazyre.New(`([^\s()]+):(\d+):(\d+)(?:\(\d+\))?\)?$`)
