package scripting

import (
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// The sandbox bundle's functions that are not strict (pm.test, pm.expect,
// pm.sendRequest, the timers...) have own arguments, caller and prototype
// members in Postman; making them costs every engine about 450 allocations,
// so they are made when a script could first see them: it names them, lists
// or inspects own members, or builds code at run time (js/parts/fn-shapes.js).
var functionShapeWords = []string{"arguments", "caller", "prototype", "getOwnProperty", "ownKeys", "hasOwn",
	"propertyIsEnumerable", "definePropert", "etter__", "isFrozen", "isSealed", "showHidden", "eval", "Function"}

func mayMeetFunctionShapes(src string) bool {
	for _, w := range functionShapeWords {
		if strings.Contains(src, w) {
			return true
		}
	}
	return false
}

// mayMeetFunctionShapesIn is mayMeetFunctionShapes with a look at the
// parsed tree (fn, nil when the tree is not a script's function): a script
// whose only word is hasOwn, each a hasOwnProperty call on parsed JSON
// (`responseJSON.hasOwnProperty('user')`, 30 of a corpus collection's
// scripts), sees no function's own members.
func mayMeetFunctionShapesIn(fn *ast.FunctionLiteral, src string) bool {
	if !mayMeetFunctionShapes(src) {
		return false
	}
	for _, w := range functionShapeWords {
		if w != "hasOwn" && strings.Contains(src, w) {
			return true
		}
	}
	n := strings.Count(src, "hasOwn")
	if n == 0 {
		return false
	}
	if fn == nil {
		return true
	}
	data := scanTakes(fn).data
	walkAST(reflect.ValueOf(fn.Body), func(x ast.Node) {
		if c, ok := x.(*ast.CallExpression); ok {
			if d, ok := c.Callee.(*ast.DotExpression); ok && d.Identifier.Name == "hasOwnProperty" && isParsedJSON(d.Left, data) {
				n--
			}
		}
	})
	return n != 0
}

func (e *Engine) installFunctionShapes() {
	e.fnShapesInstalled = true
	_, _ = e.api.shapeFunctions(nil)
	if !e.sugar.loaded {
		for i := range e.sugar.stubs {
			e.shapeSugarStub(&e.sugar.stubs[i])
		}
	}
}

// The prototypes of pm's objects (postman-collection's shapes) get
// Newman's members, order and method shapes when a script could first see
// them: for-in or the in operator, lodash's helpers that walk inherited
// keys, a prototype read, or a member only that pass adds
// (js/parts/proto-shapes.js). Scripts that look at functions' own members
// get them too (mayMeetFunctionShapes), and so do scripts that take a
// method off its object (mayTakeMethodsIn).
var prototypeWords = []string{"keysIn", "forIn", "assignIn", "extend", "defaults", "merge", "omit", "toPlainObject",
	"__proto__", "getPrototypeOf", "isPrototypeOf", "describe", "Resolved", "Substitutions", "Parent", "Tracking",
	"applyMutation", "addLayer", "substitute", "syncFromObject", "syncToObject", "oneNormalizedVariable", "cast",
	"valueType", "contentSize", "RequiresId"}

func mayMeetPrototypes(src string) bool {
	for _, w := range prototypeWords {
		if strings.Contains(src, w) {
			return true
		}
	}
	return containsWord(src, "meta") // PropertyBase#meta, not metadata (36 scripts of a corpus collection)
}

// containsWord: src holds w as a whole identifier.
func containsWord(src, w string) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || !isIdentByte(src[j-1])) && (j+len(w) == len(src) || !isIdentByte(src[j+len(w)])) {
			return true
		}
		i = j + 1
	}
}

// mayMeetPrototypesIn is mayMeetPrototypes with the look at the parsed
// tree (fn, nil when the tree is not a script's function) that the text
// cannot tell: a for-in or an in operator (" in " is in most test names
// and messages: 165 of the corpus's 3,578 scripts had no other word, and
// 3 of them an in in their code), and a method taken off its object
// (mayTakeMethodsIn).
func mayMeetPrototypesIn(fn *ast.FunctionLiteral, src string) bool {
	if mayMeetPrototypes(src) {
		return true
	}
	if strings.Contains(src, " in ") && (fn == nil || hasInOperator(fn)) {
		return true
	}
	return mayTakeMethodsIn(fn, src)
}

// hasInOperator: the function walks keys with for-in or asks with in.
func hasInOperator(fn *ast.FunctionLiteral) bool {
	found := false
	walkASTPruned(reflect.ValueOf(fn.Body), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForInStatement:
			found = true
		case *ast.BinaryExpression:
			found = found || n.Operator == token.IN
		}
		return !found
	})
	return found
}

// shapeMethods are the names of the postman-collection shapes' methods
// and of the legacy postman methods (js/parts/proto-shapes.js). Newman's
// are the module's sloppy methods and the legacy interface's class: one
// taken off its object and called (unbound, or through call or apply on
// another object) reads what it finds on the global object or that object,
// or fails on this, and courier's methods do so once the pass has run
// (fresh-round9p-c, fresh-round10s-a).
var shapeMethods = map[string]bool{}

// shapeMethodNames lists shapeMethods' keys.
var shapeMethodNames = strings.Fields(`insert insertAfter append prepend add upsert remove clear populate repopulate
		assimilate all one get each filter find map reduce count idx indexOf has eachParent toObject toString toJSON
		update authorizeUsing getHeaders forEachHeader addHeader removeHeader upsertHeader addQueryParams
		removeQueryParams size clone getRaw getPath getQueryString getPathWithQuery getHost getRemote
		getOAuth1BaseUrl isEmpty use current parameters reason details text json jsonp contentInfo mime dataURI
		encoding valueOf forEachParent findInParents findParentContaining parent setParent set unset variables
		replaceIn syncVariablesFrom syncVariablesTo call apply bind setEnvironmentVariable getEnvironmentVariable
		clearEnvironmentVariables clearEnvironmentVariable setGlobalVariable getGlobalVariable clearGlobalVariables
		clearGlobalVariable setNextRequest getResponseCookie getResponseHeader`)

func init() {
	for _, n := range shapeMethodNames {
		shapeMethods[n] = true
	}
}

// chaiWords are chai's chain words: pm.response.to.be.json names no method.
var chaiWords = map[string]bool{"to": true, "be": true, "been": true, "is": true, "that": true, "which": true,
	"and": true, "has": true, "have": true, "with": true, "at": true, "of": true, "same": true, "but": true,
	"does": true, "still": true, "also": true, "not": true, "deep": true, "a": true, "an": true}

// mayTakeMethods reports whether src reads a member named as one of the
// shapes' methods other than to call it there (`const f = list.one;`,
// `list.one.call(other)`): a cheap look at the text, which errs towards
// yes.
func mayTakeMethods(src string) bool {
	for i := strings.IndexByte(src, '.'); i >= 0; {
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
			j++
		}
		k := j
		for k < len(src) && isIdentByte(src[k]) {
			k++
		}
		if name := src[j:k]; shapeMethods[name] && !chaiWords[wordBefore(src, i)] && !pmScope(src, i, name) {
			rest := strings.TrimLeft(src[k:], " \t\r\n")
			switch name {
			case "call", "apply", "bind":
				if strings.HasPrefix(rest, "(") {
					return true
				}
			default:
				if !strings.HasPrefix(rest, "(") {
					return true
				}
			}
		}
		n := strings.IndexByte(src[k:], '.')
		if n < 0 {
			break
		}
		i = k + n
	}
	return false
}

// pmScope tells pm.variables, the scope nearly every script uses, from the
// method of the same name (Collection#variables): reading pm.variables
// takes no method, and counting it ran the shapes' pass, about 20 µs a
// script, in most real runs (bench/run.sh's collection: 7% of a run).
func pmScope(src string, i int, name string) bool {
	return name == "variables" && wordBefore(src, i) == "pm"
}

// wordBefore is the identifier that ends at src[i] (before a '.').
func wordBefore(src string, i int) string {
	j := i
	for j > 0 && isIdentByte(src[j-1]) {
		j--
	}
	return src[j:i]
}

func (e *Engine) installPrototypeShapes() {
	e.protoShapesInstalled = true
	if f, ok := goja.AssertFunction(e.api.obj.Get("shapePrototypes")); ok {
		_, _ = f(nil)
	}
	if e.fnShapesInstalled {
		// The functions the pass listed get their members now.
		_, _ = e.api.shapeFunctions(nil)
	}
}
