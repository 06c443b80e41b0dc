package scripting

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

// Regular expressions built at run time (new RegExp(p, f), RegExp(p, f),
// subclasses, the copies split and matchAll make) get what literals get at
// compile time (regexprops.go), plus /d: js/parts/regexp.js puts a Proxy
// of goja's RegExp in its place that asks planRegExp how to build the
// patterns goja cannot read as written. Engines whose scripts never name
// RegExp nor use a rewritten literal never load it.

// regExpPlan is how goja runs a pattern it cannot read as written.
type regExpPlan struct {
	pattern, flags string
	// groups names each capturing group of a /d pattern ("" unnamed); nil
	// without /d.
	groups []string
	// plain is a /d pattern without its markers when what it matches
	// depends on nothing outside the match (contextFree): the markers then
	// run on the matched text alone (js/parts/regexp.js), not on the rest
	// of the input, so a global search stays linear.
	plain string
	// names lists each group name, in order of first use, with the names
	// its groups run under, when a name is used twice (regexpdups.go);
	// nil otherwise.
	names [][]string
}

// regExpUnsupported is the reason given for what the rewrite does not cover.
const regExpUnsupported = "courier cannot run it (it reads modifier groups (?ims-ims:) " +
	"and /v classes as V8 12 does)"

// planRegExp says how to build source/flags: nil when goja reads it as
// written, an error (V8's words where V8 refuses it too) when it cannot
// run.
func planRegExp(source, flags string) (*regExpPlan, error) {
	indices := strings.Contains(flags, "d")
	runFlags := strings.Replace(flags, "d", "", 1)
	reason := ""
	if strings.Contains(flags, "v") {
		reason = unicodeSetsSyntax(source)
	}
	written, names, dupReason := dedupGroupNames(source, flags)
	if reason == "" {
		reason = dupReason
	}
	if reason != "" {
		return nil, &regExpError{source: source, flags: flags, reason: reason}
	}
	pattern, f, ok := translateRegExp(written, runFlags)
	if !ok {
		if reason := untranslatable(written, runFlags); reason != "" {
			return nil, &regExpError{source: source, flags: flags, reason: reason}
		}
		if !indices && names == nil {
			return nil, nil
		}
		pattern, f = written, runFlags
	}
	plan := &regExpPlan{pattern: pattern, flags: f, names: names}
	if indices {
		plan.pattern, plan.groups = indexedPattern(pattern)
		if plan.groups == nil {
			plan.groups = []string{}
		}
		if contextFree(pattern) {
			plan.plain = pattern
		}
	}
	return plan, nil
}

// untranslatable explains why translateRegExp left a pattern that goja
// cannot read either; "" when goja can.
func untranslatable(source, flags string) string {
	switch {
	case strings.Contains(flags, "u") && (strings.Contains(source, `\p{`) || strings.Contains(source, `\P{`)):
		return propertyRefusal(source)
	case strings.Contains(flags, "v"):
		return unicodeSetsRefusal(source)
	case modifierRe().MatchString(source) || strings.Contains(source, "(?-:"):
		return modifierRefusal(source)
	}
	return ""
}

var flagGroupRe = lazyre.New(`\(\?([ims]*)(-?)([ims]*):`)

// modifierRefusal words what V8 refuses in a modifier group.
func modifierRefusal(source string) string {
	for _, m := range flagGroupRe().FindAllStringSubmatch(source, -1) {
		all := m[1] + m[3]
		for _, c := range all {
			if strings.Count(all, string(c)) > 1 {
				return "Repeated flag in flag group"
			}
		}
		if all == "" {
			return "Invalid flag group"
		}
	}
	return regExpUnsupported
}

var propertyEscapeRe = lazyre.New(`\\([pP])\{([^}]*)\}`)

// unicodeSetsRefusal words what V8 refuses in a /v pattern that the
// rewrite could not read: an unknown property, \P of a property of
// strings, strings in a negated class.
func unicodeSetsRefusal(source string) string {
	strs := strings.Contains(source, `\q{`)
	for _, m := range propertyEscapeRe().FindAllStringSubmatch(source, -1) {
		_, isStrings := stringProperty(m[2])
		_, isCodePoints := propertyRanges(m[2])
		if !isStrings && !isCodePoints || isStrings && m[1] == "P" {
			return "Invalid property name"
		}
		strs = strs || isStrings
	}
	if strs && strings.Contains(source, "[^") {
		return "Negated character class may contain strings"
	}
	return regExpUnsupported
}

// propertyRefusal words V8's refusal of a /u pattern's property escape:
// inside a class, V8 says so.
func propertyRefusal(source string) string {
	rs := []rune(source)
	inClass := false
	for i := 0; i < len(rs); i++ {
		switch {
		case isPropertyEscape(rs, i):
			end := bracedEnd(rs, i+2)
			if end < 0 {
				break
			}
			if _, ok := propertyRanges(string(rs[i+3 : end])); !ok {
				if inClass {
					return vBadProp
				}
				return "Invalid property name"
			}
			i = end
		case rs[i] == '\\':
			i++
		case rs[i] == '[':
			inClass = true
		case rs[i] == ']':
			inClass = false
		}
	}
	return "Invalid property name"
}

// regExpError is a pattern refused, in V8's words.
type regExpError struct{ source, flags, reason string }

func (e *regExpError) Error() string {
	return "Invalid regular expression: /" + e.source + "/" + e.flags + ": " + e.reason
}

// regExpNameRe finds RegExp named as a value scripts may call or extend:
// not RegExp.member and not after instanceof, which the native serves.
// hasIndices and unicodeSets are getters the part adds.
var regExpNameRe = lazyre.New(`\bRegExp\b`)

// usesRegExpCtor is a cheap test for scripts that may build a regular
// expression at run time.
func usesRegExpCtor(src string) bool {
	if strings.Contains(src, "hasIndices") || strings.Contains(src, "unicodeSets") {
		return true
	}
	if !strings.Contains(src, "RegExp") {
		return false
	}
	for _, loc := range regExpNameRe().FindAllStringIndex(src, -1) {
		after := strings.TrimLeft(src[loc[1]:], " \t")
		before := strings.TrimRight(src[:loc[0]], " \t")
		if strings.HasPrefix(after, ".") || strings.HasSuffix(before, "instanceof") {
			continue
		}
		return true
	}
	return false
}

// hookRegExpCall stands for RegExp in calls without new: goja gives its
// native constructor no new.target, so RegExp(re) (the spec: re itself)
// and new RegExp(re) (a copy) cannot be told apart there.
const hookRegExpCall = "__courierRegExpCall"

// rewriteRegExpCalls points RegExp(…) calls (the callee the bare name) at
// hookRegExpCall. A local binding named RegExp would be bypassed; scripts
// do not shadow RegExp.
func rewriteRegExpCalls(body ast.Node) {
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		if call, ok := n.(*ast.CallExpression); ok {
			if id, ok := call.Callee.(*ast.Identifier); ok && id.Name == "RegExp" {
				call.Callee = &ast.Identifier{Name: hookRegExpCall, Idx: id.Idx}
			}
		}
	})
}

// installRegExp loads js/parts/regexp.js into this engine (once).
func (e *Engine) installRegExp() (err error) {
	e.regExpInstalled = true
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("sandbox regular expressions: %v", p)
		}
	}()
	fn, ok := goja.AssertFunction(e.part("regexp"))
	if !ok {
		return fmt.Errorf("sandbox regular expressions: part is not a function")
	}
	var body goja.Callable
	ctor := e.rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
		nt := goja.Undefined()
		if call.NewTarget != nil {
			nt = call.NewTarget
		}
		v, err := body(goja.Undefined(), nt, call.Argument(0), call.Argument(1))
		if err != nil {
			panic(err)
		}
		return v.ToObject(e.rt)
	}).(*goja.Object)
	// Neither enumerable nor writable, but configurable, as every function's.
	_ = ctor.DefineDataProperty("name", e.rt.ToValue("RegExp"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = ctor.DefineDataProperty("length", e.rt.ToValue(2), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	b := e.rt.NewObject()
	_ = b.Set("global", e.rt.GlobalObject())
	_ = b.Set("ctor", ctor)
	_ = b.Set("plan", e.regExpPlanFunc)
	_ = b.Set("record", e.recordRegExpMatch)
	v, err := fn(goja.Undefined(), b)
	if err != nil {
		return err
	}
	if body, ok = goja.AssertFunction(v); !ok {
		return fmt.Errorf("sandbox regular expressions: part returned no function")
	}
	return nil
}

// regExpPlanFunc is planRegExp for js/parts/regexp.js: an error's message,
// null (goja reads the pattern as written) or [pattern, flags, groups,
// plain, names].
func (e *Engine) regExpPlanFunc(c goja.FunctionCall) goja.Value {
	plan, err := planRegExp(c.Argument(0).String(), c.Argument(1).String())
	switch {
	case err != nil:
		return e.rt.ToValue(err.Error())
	case plan == nil:
		return goja.Null()
	}
	groups := goja.Null()
	if plan.groups != nil {
		names := make([]any, len(plan.groups))
		for i, n := range plan.groups {
			names[i] = n
		}
		groups = e.rt.NewArray(names...)
	}
	names := goja.Null()
	if plan.names != nil {
		rows := make([]any, len(plan.names))
		for i, row := range plan.names {
			cells := make([]any, len(row))
			for j, n := range row {
				cells[j] = n
			}
			rows[i] = e.rt.NewArray(cells...)
		}
		names = e.rt.NewArray(rows...)
	}
	return e.rt.NewArray(plan.pattern, plan.flags, groups, plan.plain, names)
}

// maySlashInClass is a cheap test for a regular expression literal that
// may hold a '/' in a class (/[^/]+/): goja reads its source back as
// [^\u002f]+, V8 as written, and js/parts/regexp.js makes it read as V8's.
func maySlashInClass(src string) bool {
	return strings.Contains(src, "/]") || strings.Contains(src, "[/") || strings.Contains(src, "^/")
}

// hasSlashInClassLiteral reports a literal whose pattern holds an
// unescaped '/' (only a class can).
func hasSlashInClassLiteral(body ast.Node) bool {
	found := false
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		if x, ok := n.(*ast.RegExpLiteral); ok && !found {
			for i := 0; i < len(x.Pattern); i++ {
				if x.Pattern[i] == '\\' {
					i++
				} else if x.Pattern[i] == '/' {
					found = true
					return
				}
			}
		}
	})
	return found
}
