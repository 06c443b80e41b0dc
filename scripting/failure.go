package scripting

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Failures of the fast assertions, worded in Go. A failing assertion used to
// load chai (about 20 ms of compiling on a first failure) only to word its
// message. For the common forms on primitive values the wording is simple and
// fixed: chai 4.4.1's templates, its getMessage/getOperator, and loupe 2.3's
// inspection of primitives (truncated at chai's truncateThreshold, 40). The
// error is built by the bootstrap's AssertionError, a copy of the
// assertion-error class chai throws, with the same own properties in the same
// order. Anything else (objects to display, deep or length flags, strings Go
// cannot hold exactly) returns nil and goes to chai as before.
// TestExpectMatchesChai compares every form here with chai's own error.

// truncateThreshold is chai's config.truncateThreshold, which it hands to
// loupe as the inspection's length budget.
const truncateThreshold = 40

// failureForm is one assertion's wording: chai's message templates (the
// second for .not), what it passes to Assertion#assert as expected and actual,
// and whether it asks for a diff.
type failureForm struct {
	msg, negMsg string
	expected    goja.Value // nil: not passed
	actual      goja.Value // nil: not passed (chai then reports the object under test)
	noDiff      bool       // showDiff passed as false
}

// failureKinds maps the names the bootstrap's fast forms use (and the native
// kinds of fastassert.go) to the function that words their failure; a name
// not here always goes to chai.
var failureKinds = map[string]func(e *Engine, o goja.Value, negate bool, args []goja.Value) (failureForm, bool){
	"equal": func(_ *Engine, o goja.Value, _ bool, args []goja.Value) (failureForm, bool) {
		return failureForm{msg: "expected #{this} to equal #{exp}", negMsg: "expected #{this} to not equal #{exp}",
			expected: arg(args, 0), actual: o}, true
	},
	"eql": func(_ *Engine, o goja.Value, _ bool, args []goja.Value) (failureForm, bool) {
		return failureForm{msg: "expected #{this} to deeply equal #{exp}", negMsg: "expected #{this} to not deeply equal #{exp}",
			expected: arg(args, 0), actual: o}, true
	},
	"type": func(_ *Engine, _ goja.Value, _ bool, args []goja.Value) (failureForm, bool) {
		t, ok := asciiString(arg(args, 0))
		if !ok {
			return failureForm{}, false
		}
		t = strings.ToLower(t)
		article := "a "
		if t != "" && strings.IndexByte("aeiou", t[0]) >= 0 {
			article = "an "
		}
		return failureForm{msg: "expected #{this} to be " + article + t, negMsg: "expected #{this} not to be " + article + t}, true
	},
	"include": func(_ *Engine, _ goja.Value, _ bool, args []goja.Value) (failureForm, bool) {
		v, ok := inspectPrimitive(arg(args, 0))
		if !ok {
			return failureForm{}, false
		}
		return failureForm{msg: "expected #{this} to include " + v, negMsg: "expected #{this} to not include " + v}, true
	},
	// status is chai-postman's, for a number (the only form the native
	// check settles): the response's code against Number(code).
	"status": func(_ *Engine, o goja.Value, _ bool, args []goja.Value) (failureForm, bool) {
		r, ok := o.(*goja.Object)
		if !ok {
			return failureForm{}, false
		}
		code := r.Get("code")
		if code == nil || !goja.IsNumber(arg(args, 0)) { // a string is the reason, worded otherwise
			return failureForm{}, false
		}
		return failureForm{msg: "expected response to have status code #{exp} but got #{act}",
			negMsg: "expected response to not have status code #{act}", expected: arg(args, 0), actual: code}, true
	},
	// true and false pass chai the boolean they wanted as expected.
	// header is chai-postman's, when the header is missing (the fast form
	// settles nothing else as a failure): its first check.
	"header": func(e *Engine, o goja.Value, _ bool, args []goja.Value) (failureForm, bool) {
		r, ok := o.(*goja.Object)
		key, ok2 := primitiveText(arg(args, 0))
		if !ok || !ok2 {
			return failureForm{}, false
		}
		kind := "request"
		if inherits(r, e.fastProtos.response) {
			kind = "response"
		}
		return failureForm{msg: "expected " + kind + " to have header with key '" + key + "'",
			negMsg: "expected " + kind + " to not have header with key '" + key + "'", expected: e.rt.ToValue(true), actual: e.rt.ToValue(false)}, true
	},
	"true": func(e *Engine, _ goja.Value, negate bool, _ []goja.Value) (failureForm, bool) {
		return failureForm{msg: "expected #{this} to be true", negMsg: "expected #{this} to be false", expected: e.rt.ToValue(!negate)}, true
	},
	"false": func(e *Engine, _ goja.Value, negate bool, _ []goja.Value) (failureForm, bool) {
		return failureForm{msg: "expected #{this} to be false", negMsg: "expected #{this} to be true", expected: e.rt.ToValue(negate)}, true
	},
	"null":      fixedForm("expected #{this} to be null", "expected #{this} not to be null"),
	"undefined": fixedForm("expected #{this} to be undefined", "expected #{this} not to be undefined"),
	"exist":     fixedForm("expected #{this} to exist", "expected #{this} to not exist"),
	"ok":        fixedForm("expected #{this} to be truthy", "expected #{this} to be falsy"),
	"empty": func(_ *Engine, o goja.Value, _ bool, _ []goja.Value) (failureForm, bool) {
		// chai words empty the same for every type it accepts, but throws
		// other errors for some; the fast form only settles strings,
		// plain arrays and plain objects, and only strings display here.
		if !goja.IsString(o) {
			return failureForm{}, false
		}
		return failureForm{msg: "expected #{this} to be empty", negMsg: "expected #{this} not to be empty"}, true
	},
	"above": compareForm("above", "at most"),
	"least": compareForm("at least", "below"),
	"below": compareForm("below", "at least"),
	"most":  compareForm("at most", "above"),
}

// failureAliases are the other names chai gives the same assertions.
var failureAliases = map[string]string{
	"equals": "equal", "eq": "equal", "eqls": "eql", "a": "type", "an": "type",
	"includes": "include", "contain": "include", "contains": "include", "exists": "exist",
	"gt": "above", "greaterThan": "above", "gte": "least", "greaterThanOrEqual": "least",
	"lt": "below", "lessThan": "below", "lte": "most", "lessThanOrEqual": "most",
}

// failureMessageArg are the forms whose second argument is chai's custom
// message (set as the message flag before the assertion).
var failureMessageArg = map[string]bool{
	"equal": true, "eql": true, "type": true, "include": true, "above": true, "least": true, "below": true, "most": true,
}

func fixedForm(msg, negMsg string) func(*Engine, goja.Value, bool, []goja.Value) (failureForm, bool) {
	return func(*Engine, goja.Value, bool, []goja.Value) (failureForm, bool) {
		return failureForm{msg: msg, negMsg: negMsg}, true
	}
}

// compareForm is above/least/below/most on numbers (with .length, chai words
// them differently; the fast forms leave those to chai).
func compareForm(word, negWord string) func(*Engine, goja.Value, bool, []goja.Value) (failureForm, bool) {
	return func(_ *Engine, o goja.Value, _ bool, args []goja.Value) (failureForm, bool) {
		n := arg(args, 0)
		if !goja.IsNumber(o) || !goja.IsNumber(n) {
			return failureForm{}, false
		}
		return failureForm{msg: "expected #{this} to be " + word + " #{exp}", negMsg: "expected #{this} to be " + negWord + " #{exp}", expected: n}, true
	}
}

func arg(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}

// assertionFailure returns the AssertionError chai would throw for the failed
// assertion name on Expectation fa, called with args, or nil when chai has to
// word it.
func (e *Engine) assertionFailure(fa *goja.Object, name string, args []goja.Value) *goja.Object {
	p := e.fastProtos
	if p == nil || p.assertionError == nil {
		return nil
	}
	f, ok := e.failedAssertion(fa, name, args)
	if !ok {
		return nil
	}
	msg, ok := f.message()
	if !ok {
		return nil
	}
	if isObject(f.expected) {
		return nil // getOperator's deep variants; never displayed here anyway
	}
	return e.newAssertionError(p.assertionError, f, msg)
}

// failedAssertion is a failed assertion in failure.go's words: its form,
// the object under test, and what chai passes on as actual, expected and
// the custom message.
type failedAssertion struct {
	form             failureForm
	negate           bool
	o                goja.Value
	actual, expected goja.Value
	flagMsg          goja.Value
}

// failedAssertion reads the failed assertion name off Expectation fa; false
// when chai has to word it (a form or flag failure.go does not word).
func (e *Engine) failedAssertion(fa *goja.Object, name string, args []goja.Value) (failedAssertion, bool) {
	if a, ok := failureAliases[name]; ok {
		name = a
	}
	word, ok := failureKinds[name]
	if !ok {
		return failedAssertion{}, false
	}
	// Flags that change chai's wording (deep, .length) or that only
	// include sets for itself.
	if fa.Get("__d").ToBoolean() || fa.Get("__l").ToBoolean() || (name != "include" && fa.Get("__c").ToBoolean()) {
		return failedAssertion{}, false
	}
	f := failedAssertion{o: fa.Get("__o"), negate: fa.Get("__n").ToBoolean()}
	if f.form, ok = word(e, f.o, f.negate, args); !ok {
		return failedAssertion{}, false
	}
	f.flagMsg = fa.Get("__m")
	if m := arg(args, 1); failureMessageArg[name] && m.ToBoolean() {
		f.flagMsg = m
	}
	f.expected, f.actual = f.form.expected, f.form.actual
	if f.expected == nil {
		f.expected = goja.Undefined()
	}
	if f.actual == nil {
		f.actual = f.o
	}
	return f, true
}

// message is chai's message for the failure, the custom message first.
func (f *failedAssertion) message() (string, bool) {
	tmpl := f.form.msg
	if f.negate {
		tmpl = f.form.negMsg
	}
	msg, ok := chaiMessage(tmpl, f.o, f.actual, f.expected)
	if !ok {
		return "", false
	}
	if f.flagMsg != nil && f.flagMsg.ToBoolean() {
		prefix, ok := primitiveText(f.flagMsg)
		if !ok {
			return "", false
		}
		msg = prefix + ": " + msg
	}
	return msg, true
}

// newAssertionError makes chai's AssertionError (its constructor is
// assertionError) with msg and the properties Assertion#assert gives it.
func (e *Engine) newAssertionError(assertionError goja.Value, f failedAssertion, msg string) *goja.Object {
	// Assertion#assert: showDiff unless told not to or given neither an
	// expected nor an actual value.
	showDiff := !f.form.noDiff && !(goja.IsUndefined(f.expected) && (f.form.actual == nil || goja.IsUndefined(f.form.actual)))
	props := e.rt.NewObject()
	_ = props.Set("actual", f.actual)
	_ = props.Set("expected", f.expected)
	_ = props.Set("showDiff", showDiff)
	// getOperator reads arguments[1] or, for .not, arguments[2]:
	// Assertion#assert is sloppy-mode code that assigns getMessage's result
	// to its msg parameter, which arguments[1] aliases, so a plain
	// assertion's operator comes from its final message (custom prefix
	// included) and a negated one's from its template.
	opText := msg
	if f.negate {
		opText = f.form.negMsg
	}
	if op := chaiOperator(opText); op != "" {
		_ = props.Set("operator", op)
	}
	ctor, ok := goja.AssertConstructor(assertionError)
	if !ok {
		return nil
	}
	errObj, err := ctor(nil, e.rt.ToValue(msg), props)
	if err != nil {
		panic(err) // an interrupt, or a script's own Error.captureStackTrace throwing
	}
	e.failuresWorded++
	return errObj
}

// chaiMessage is chai's getMessage: #{this}, #{act} and #{exp} replaced, in
// that order, by the displays of the object, the actual and the expected
// value. Each display is only made when its pattern appears, as chai's
// replace callbacks are.
func chaiMessage(tmpl string, obj, actual, expected goja.Value) (string, bool) {
	for _, r := range []struct {
		pat string
		v   goja.Value
	}{{"#{this}", obj}, {"#{act}", actual}, {"#{exp}", expected}} {
		if !strings.Contains(tmpl, r.pat) {
			continue
		}
		d, ok := inspectPrimitive(r.v)
		if !ok {
			return "", false
		}
		tmpl = strings.ReplaceAll(tmpl, r.pat, d)
	}
	return tmpl, true
}

// chaiOperator is chai's getOperator for the assertions here, none of which
// sets the operator flag or has an object as the expected value.
func chaiOperator(msg string) string {
	if msg == "" || hasSpaced(msg, "have") {
		return ""
	}
	if hasSpaced(msg, "not") {
		return "notStrictEqual"
	}
	return "strictEqual"
}

// hasSpaced reports whether s contains word between two JavaScript
// whitespace characters (the regexp /\sword\s/).
func hasSpaced(s, word string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !jsSpace(r) || !strings.HasPrefix(s[i:], word) {
			continue
		}
		if rest := s[i+len(word):]; rest != "" {
			if r2, _ := utf8.DecodeRuneInString(rest); jsSpace(r2) {
				return true
			}
		}
	}
	return false
}

// jsSpace is JavaScript's \s: WhiteSpace and LineTerminator.
func jsSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

func isSymbol(v goja.Value) bool { _, ok := v.(*goja.Symbol); return ok }

// primitiveText is String(v) for a primitive whose text Go holds exactly.
func primitiveText(v goja.Value) (string, bool) {
	if isObject(v) || isSymbol(v) || goja.IsBigInt(v) {
		return "", false
	}
	s := v.String()
	return s, !strings.ContainsRune(s, utf8.RuneError)
}

// inspectPrimitive is loupe's inspect of a primitive with chai's options
// (no colours, truncate 40); chai's objDisplay only changes the display of
// objects and functions. false for anything else, and for strings that Go
// does not hold exactly (lone surrogates become U+FFFD) or that truncation
// would cut inside a surrogate pair.
func inspectPrimitive(v goja.Value) (string, bool) {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined", true
	case goja.IsNull(v):
		return "null", true
	case goja.IsString(v):
		return inspectString(v.String())
	case goja.IsNumber(v):
		f := v.ToFloat()
		switch {
		case math.IsNaN(f):
			return "NaN", true
		case math.IsInf(f, 1):
			return "Infinity", true
		case math.IsInf(f, -1):
			return "-Infinity", true
		case f == 0 && math.Signbit(f):
			return "-0", true
		case f == 0:
			return "+0", true
		}
		// String(number) never reaches the 40-character budget.
		return v.String(), true
	}
	if isObject(v) || isSymbol(v) || goja.IsBigInt(v) {
		return "", false
	}
	if b, ok := v.Export().(bool); ok {
		return strconv.FormatBool(b), true
	}
	return "", false
}

// inspectString is loupe's inspectString: the characters in its escape set
// escaped (per UTF-16 unit, as its regexp works), then the text truncated
// to the budget less the quotes, ending in "…".
func inspectString(s string) (string, bool) {
	if strings.ContainsRune(s, utf8.RuneError) {
		return "", false
	}
	units := utf16.Encode([]rune(s))
	esc := make([]uint16, 0, len(units)+2)
	for _, c := range units {
		if !loupeEscapes(c) {
			esc = append(esc, c)
			continue
		}
		switch c {
		case '\b':
			esc = append(esc, '\\', 'b')
		case '\t':
			esc = append(esc, '\\', 't')
		case '\n':
			esc = append(esc, '\\', 'n')
		case '\f':
			esc = append(esc, '\\', 'f')
		case '\r':
			esc = append(esc, '\\', 'r')
		case '\'':
			esc = append(esc, '\\', '\'')
		default:
			const hex = "0123456789abcdef"
			esc = append(esc, '\\', 'u', uint16(hex[c>>12]), uint16(hex[c>>8&15]), uint16(hex[c>>4&15]), uint16(hex[c&15]))
		}
	}
	const budget = truncateThreshold - 2
	if len(esc) > budget && len(esc) > 1 {
		esc = esc[:budget-1]
		if last := esc[len(esc)-1]; utf16.IsSurrogate(rune(last)) && last < 0xdc00 {
			return "", false // chai would show a lone high surrogate
		}
		esc = append(esc, '…')
	}
	return "'" + string(utf16.Decode(esc)) + "'", true
}

// loupeEscapes is loupe's stringEscapeChars class.
func loupeEscapes(c uint16) bool {
	switch {
	case c == '\'', c <= 0x1f, c >= 0x7f && c <= 0x9f, c == 0xad, c >= 0x600 && c <= 0x604, c == 0x70f,
		c == 0x17b4, c == 0x17b5, c >= 0x200c && c <= 0x200f, c >= 0x2028 && c <= 0x202f,
		c >= 0x2060 && c <= 0x206f, c == 0xfeff, c >= 0xfff0:
		return true
	}
	return false
}
