package scripting

import (
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"math"
	mrand "math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/jsondepth"
	"github.com/courier-run/courier/internal/latin1"
	"github.com/courier-run/courier/internal/whatwgutf8"
	"github.com/dop251/goja"
)

// throw raises a JS exception of the given constructor (Error, TypeError...).
func (e *Engine) throw(ctor, msg string) {
	e.throwCode(ctor, msg, "")
}

// throwCode raises a JS exception with Node's code property (none when code
// is empty), as Node's internal errors carry one.
func (e *Engine) throwCode(ctor, msg, code string) {
	c, ok := goja.AssertConstructor(e.rt.Get(ctor))
	if !ok {
		panic(e.rt.NewGoError(fmt.Errorf("%s", msg)))
	}
	o, err := c(nil, e.rt.ToValue(msg))
	if err != nil {
		panic(e.rt.NewGoError(fmt.Errorf("%s", msg)))
	}
	if code != "" {
		_ = o.Set("code", code)
	}
	panic(o)
}

func (e *Engine) state() *execState {
	if e.cur == nil {
		e.throw("Error", "no script is running")
	}
	return e.cur
}

// scope maps a pm scope name to the Exec's scope. "data" prefers Exec.Data.
func (e *Engine) scope(name string) *environments.Scope {
	x := e.state().x
	s := x.Scopes
	if name == "data" && x.Data != nil {
		return x.Data
	}
	if s == nil {
		return nil
	}
	switch name {
	case "local":
		return s.Local
	case "data":
		return s.Data
	case "environment":
		return s.Environment
	case "collection":
		return s.Collection
	case "globals":
		return s.Globals
	}
	return nil
}

// ensureScope creates a missing writable scope so set() never loses data.
func (e *Engine) ensureScope(name string) *environments.Scope {
	if sc := e.scope(name); sc != nil {
		return sc
	}
	x := e.state().x
	if x.Scopes == nil {
		x.Scopes = &environments.Scopes{}
	}
	sc := environments.NewScope(name, nil)
	switch name {
	case "local":
		x.Scopes.Local = sc
	case "data":
		x.Scopes.Data = sc
	case "environment":
		x.Scopes.Environment = sc
	case "collection":
		x.Scopes.Collection = sc
	case "globals":
		x.Scopes.Globals = sc
	}
	return sc
}

// toJSValue turns a stored variable back into what the script stored,
// following environments' typing: text types (any, default, secret...)
// read back as strings, even when the text looks like JSON.
func (e *Engine) toJSValue(v environments.Variable) goja.Value {
	v = v.ForScript()
	if v.Declared == environments.TypeObject || v.Declared == environments.TypeArray {
		// postman-collection parses the text, and gives undefined unless
		// it is an object (array).
		if !environments.IsTextType(v.Type) {
			return goja.Undefined()
		}
		o, ok := e.parseJSON(v.Value).(*goja.Object)
		if !ok || (o.ClassName() == "Array") != (v.Declared == environments.TypeArray) {
			return goja.Undefined()
		}
		return o
	}
	if v.Declared != "" {
		return e.rt.ToValue(v.Native())
	}
	switch v.Type {
	case environments.TypeObject, environments.TypeArray:
		return e.parseJSON(v.Value)
	case environments.TypeNull:
		return goja.Null()
	case environments.TypeUndefined:
		return goja.Undefined()
	}
	return e.rt.ToValue(v.Native())
}

func (e *Engine) parseJSON(s string) goja.Value {
	parse, _ := goja.AssertFunction(e.rt.Get("JSON").ToObject(e.rt).Get("parse"))
	v, err := parse(goja.Undefined(), e.rt.ToValue(s))
	if err != nil {
		return e.rt.ToValue(s)
	}
	return v
}

func (e *Engine) stringify(v goja.Value) string {
	str, _ := goja.AssertFunction(e.rt.Get("JSON").ToObject(e.rt).Get("stringify"))
	r, err := str(goja.Undefined(), v)
	if err != nil || r == nil || goja.IsUndefined(r) {
		return ""
	}
	return r.String()
}

// nativeOf turns a script value into what environments.Scope.SetNative
// stores: strings, numbers and booleans as they are, objects and arrays as
// their JSON text, null and undefined as nil.
func (e *Engine) nativeOf(v goja.Value) any {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if _, sym := v.(*goja.Symbol); sym {
		return nil // JSON carries a Symbol as null (the script keeps it: keepLive)
	}
	// Objects are never Export()ed: that copies the whole (possibly deeply
	// nested) value by Go recursion only to throw it away.
	if o, ok := v.(*goja.Object); !ok || boxedPrimitive(o) {
		switch x := v.Export().(type) {
		case float64:
			// NaN and ±Infinity leave the script as JSON carries them: null
			// (the script itself keeps reading the number: keepLive).
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil
			}
			return x
		case string, bool, int64:
			return x
		}
	}
	if _, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(v); !isFn {
			return json.RawMessage(e.stringify(v))
		}
	}
	return v.String()
}

func (e *Engine) lookup(scope, key string) (environments.Variable, bool) {
	if key == "undefined" {
		// A variable this script set without a key is postman-collection's
		// key undefined, which get(), get('undefined') and has() find
		// until the script ends (Newman 6.2.2; fresh-round12s-g.json).
		if v, ok := e.lookupKey(scope, key); ok {
			return v, ok
		}
		key = environments.KeylessKey
	}
	return e.lookupKey(scope, key)
}

func (e *Engine) lookupKey(scope, key string) (environments.Variable, bool) {
	if scope == "variables" {
		x := e.state().x
		if x.Scopes == nil {
			return environments.Variable{}, false
		}
		s := *x.Scopes
		if x.Data != nil {
			s.Data = x.Data
		}
		return s.Lookup(key)
	}
	return e.scope(scope).Lookup(key)
}

func (e *Engine) natives() *goja.Object {
	rt := e.rt
	n := rt.NewObject()
	set := func(name string, fn any) { _ = n.Set(name, fn) }
	// The natives scripts call most take goja.FunctionCall: goja calls
	// them without reflection.
	e.installVariableNatives(set)
	e.installResultNatives(set)
	e.installMessageNatives(set)
	e.installInfoNatives(set)
	return n
}

// installVariableNatives adds the variable scopes' natives (pm.globals,
// pm.environment, pm.variables...): a scope is named, "variables" is
// the scopes merged by precedence.
func (e *Engine) installVariableNatives(set func(string, any)) {
	rt := e.rt
	set("varGet", e.varGet)
	set("varHas", func(c goja.FunctionCall) goja.Value {
		_, ok := e.lookup(c.Argument(0).String(), c.Argument(1).String())
		return rt.ToValue(ok)
	})
	set("varSet", e.varSet)
	set("varUnset", func(c goja.FunctionCall) goja.Value {
		scope, key := c.Argument(0).String(), c.Argument(1).String()
		if scope == "variables" {
			scope = "local"
		}
		if goja.IsUndefined(c.Argument(1)) {
			// unset() with no key finds nothing in the script, but the
			// change postman-runtime carries back removes the variable set
			// without a key (fresh-round12s-g.json): settleUndefined drops it.
			if st := e.state(); st != nil {
				st.keyless = append(st.keyless, scope)
				st.unsetKeyless = append(st.unsetKeyless, scope)
			}
			return goja.Undefined()
		}
		if t := c.Argument(1).ExportType(); (t == nil || t.Kind() != reflect.String) && !e.rawKeySet(scope, key, c.Argument(1)) {
			// postman-collection's unset compares keys with !==: a number,
			// null or a boolean finds only a key this script set as that
			// same value, not the text one; the change postman-runtime
			// carries back removes the text key when the script ends
			// (fresh-round12s-g.json).
			if st := e.state(); st != nil {
				st.lateUnsets = append(st.lateUnsets, [2]string{scope, key})
			}
			return goja.Undefined()
		}
		if sc := e.scope(scope); sc != nil {
			e.noteMut(scope, key, true)
			sc.Unset(key)
			e.noteWrite(scope, key)
		}
		return goja.Undefined()
	})
	set("varClear", func(scope string) {
		if scope == "variables" {
			scope = "local"
		}
		if sc := e.scope(scope); sc != nil {
			e.noteClear(scope)
			e.noteClearMut(scope)
			sc.Clear()
		}
	})
	set("varSync", e.varSync)
	set("varPairs", e.varPairs)
	set("replaceIn", func(c goja.FunctionCall) goja.Value { return rt.ToValue(e.replace(c.Argument(0).String())) })
	// A scope's own replaceIn resolves from that scope only (and the
	// dynamic variables), as postman-collection's VariableScope does.
	set("replaceInScope", func(id, s string) goja.Value {
		sc := e.scope(id)
		one := &environments.Scopes{Local: sc}
		if x := e.state().x; x.Scopes != nil {
			one.Gen = x.Scopes.Gen
		}
		if sc == nil {
			one.Local = environments.NewScope("empty", nil)
		}
		r := environments.Resolver{Scopes: one, Override: e.liveText(id), InScript: true}
		return rt.ToValue(r.Replace(s))
	})
}

// installResultNatives adds what a script reports back to the run: test
// results, the next request, skip, the visualizer and console lines.
func (e *Engine) installResultNatives(set func(string, any)) {
	set("recordTest", e.recordTest)
	set("appendTest", func(name string, passed bool, errName, errMsg string) {
		st := e.state()
		st.placesByMap()
		// Numbered after the script's pm.test calls, as the sandbox
		// numbers the legacy tests.
		st.res.Tests = append(st.res.Tests, TestResult{Name: name, Passed: passed, ErrorName: errName, Error: errMsg, Index: st.testCalls})
		st.testCalls++
	})
	set("setNextRequest", e.setNextRequest)
	set("skipRequest", func() {
		e.state().res.SkipRequest = true
		// The script ends here, as Postman's terminates its execution:
		// an interrupt no try statement catches.
		e.rt.Interrupt(errSkipRequest)
	})
	set("needFinish", func(goja.FunctionCall) goja.Value {
		e.state().finish = true
		return goja.Undefined()
	})
	set("visualizerSet", func(tpl string, data string) {
		e.state().res.Visualizer = &Visualizer{Template: tpl, Data: data}
	})
	set("visualizerClear", func() { e.state().res.Visualizer = nil })
	set("console", func(level, text, msg, format, unformatted string) {
		if e.opts.Console != nil {
			line := ConsoleLine{Level: level, Text: text, Message: msg, Format: format, Unformatted: unformatted}
			if st := e.cur; st != nil {
				line.Tests = len(st.res.Tests)
			}
			e.opts.Console(line)
		}
	})
}

// installMessageNatives adds the request and response natives (pm.request,
// pm.response, pm.sendRequest, cookies, the vault).
func (e *Engine) installMessageNatives(set func(string, any)) {
	rt := e.rt
	set("responseText", func(goja.FunctionCall) goja.Value {
		x := e.state().x
		if x.Response == nil {
			return rt.ToValue("")
		}
		text, units := x.Response.ScriptText()
		if units != nil {
			return goja.StringFromUTF16(units) // a lone surrogate kept, as in Newman
		}
		return rt.ToValue(text)
	})
	set("responseBase64", func() string {
		x := e.state().x
		if x.Response == nil {
			return ""
		}
		return base64.StdEncoding.EncodeToString(x.Response.Body)
	})
	set("response", func(c goja.FunctionCall) goja.Value {
		x := e.state().x
		if x.Response == nil {
			return goja.Undefined()
		}
		layer, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return rt.ToValue(true) // there is a response; the caller builds its own
		}
		return e.responseObject(x.Response, layer)
	})
	set("responseHeaders", func() goja.Value {
		x := e.state().x
		if x.Response == nil {
			return rt.NewArray()
		}
		return e.headerData(x.Response.Header)
	})
	set("request", func() goja.Value {
		x := e.state().x
		if x.Request == nil {
			return goja.Undefined()
		}
		return e.requestData(x.Request)
	})
	set("writeRequest", e.writeRequest)
	set("sendRequest", e.sendRequest)
	set("runRequest", e.runRequest)
	set("vault", e.vaultAPI())
	set("cookieJar", e.cookieJar)
	set("responseCookies", e.responseCookies)
	set("mimeExtension", mimeExtension)
	set("statusName", StatusName)
	set("httpReason", func(code int) goja.Value {
		name, detail, ok := httpReason(code)
		if !ok {
			return goja.Null()
		}
		return rt.ToValue([]any{name, detail})
	})
}

// installInfoNatives adds pm.info and the scopes' names and ids.
func (e *Engine) installInfoNatives(set func(string, any)) {
	rt := e.rt
	// envID and envName answer for the environment or, given "globals",
	// the globals file: Newman takes both scopes' name and id from the file.
	set("envID", func(scope string) string {
		if scope == "globals" {
			return e.state().x.Info.GlobalsID
		}
		return e.state().x.Info.EnvironmentID
	})
	set("envName", func(scope string) goja.Value {
		n := e.state().x.Info.EnvironmentName
		if scope == "globals" {
			n = e.state().x.Info.GlobalsName
		}
		if n != "" {
			return rt.ToValue(n)
		}
		return goja.Undefined()
	})
	set("info", func() goja.Value { return e.execInfo(e.state().x) })
	set("pmInfo", func(goja.FunctionCall) goja.Value { return e.pmInfo(e.state().x) })
	set("requestId", func() string { return e.state().x.Info.RequestID })
	set("requestName", func() string { return e.state().x.Info.RequestName })
	set("emptyScope", func(name string) bool { return e.scope(name) == nil })
}

// varGet reads a variable of a scope. An object (or a number JSON cannot
// carry) the script stored during this run reads back as that same value
// while the variable still holds it (livevars.go).
func (e *Engine) varGet(c goja.FunctionCall) goja.Value {
	scope, key := c.Argument(0).String(), c.Argument(1).String()
	v, ok := e.lookup(scope, key)
	if !ok {
		return goja.Undefined()
	}
	if e.cur != nil && e.cur.live != nil {
		if scope == "variables" {
			scope = e.winningScope(key)
		}
		if lv, ok := e.liveValue(scope, v); ok {
			return e.readLive(lv)
		}
	}
	jv := e.toJSValue(v)
	if _, obj := jv.(*goja.Object); obj {
		if scope == "variables" {
			scope = e.winningScope(key)
		}
		e.keepRead(scope, v, jv)
	}
	return jv
}

// rawKeyKind is the kind of a key that is not text and that
// postman-collection keeps as given: "number", "boolean" or "null" ("" for
// text and every other value).
func rawKeyKind(k goja.Value) string {
	if goja.IsNull(k) {
		return "null"
	}
	// ExportType, not Export: no value is boxed (set is on every
	// script's hot path).
	switch t := k.ExportType(); {
	case t == nil:
		return ""
	case t.Kind() == reflect.Int64 || t.Kind() == reflect.Float64:
		return "number"
	case t.Kind() == reflect.Bool:
		return "boolean"
	}
	return ""
}

// noteRawKey remembers a key this script set as a number, boolean or
// null (postman-collection keeps it so; courier keeps its text), for unset.
func (e *Engine) noteRawKey(scope, key string, k goja.Value) {
	st := e.state()
	if st == nil {
		return
	}
	if kind := rawKeyKind(k); kind != "" {
		if st.rawKeys == nil {
			st.rawKeys = map[[2]string]string{}
		}
		st.rawKeys[[2]string{scope, key}] = kind
	}
}

// rawKeySet reports whether this script set key in scope as the same kind
// of value k is, which unset(k)'s strict comparison finds.
func (e *Engine) rawKeySet(scope, key string, k goja.Value) bool {
	st := e.state()
	kind := rawKeyKind(k)
	return st != nil && kind != "" && st.rawKeys[[2]string{scope, key}] == kind
}

// varSet stores a variable in a scope ("variables" writes the local one).
func (e *Engine) varSet(c goja.FunctionCall) goja.Value {
	scope := c.Argument(0).String()
	if scope == "variables" {
		scope = "local"
	}
	// SetNative keeps a secret a secret: a string stored over a
	// type: secret variable stays masked, exported empty, unpersisted.
	key, arg := c.Argument(1).String(), c.Argument(2)
	e.noteRawKey(scope, key, c.Argument(1))
	if goja.IsUndefined(c.Argument(1)) {
		key = environments.KeylessKey
		if st := e.state(); st != nil {
			st.keyless = append(st.keyless, scope)
			st.unsetKeyless = slices.DeleteFunc(st.unsetKeyless, func(s string) bool { return s == scope })
		}
	}
	e.noteMut(scope, key, false)
	if e.declared(scope, key) {
		e.setDeclared(scope, key, arg)
	} else if goja.IsUndefined(arg) {
		// Postman keeps the variable and reads back undefined, until the
		// script ends (settleUndefined).
		e.ensureScope(scope).SetTyped(key, "", environments.TypeUndefined)
		if st := e.state(); st != nil {
			st.undefined = append(st.undefined, [2]string{scope, key})
		}
	} else {
		e.ensureScope(scope).SetNative(key, e.nativeOf(arg))
		if st := e.cur; st != nil {
			e.keepLive(st, scope, key, arg)
		}
	}
	e.noteWrite(scope, key)
	return goja.Undefined()
}

// varPairs returns [key, value, key, value...] for toObject; for
// "variables" the layers are merged by precedence. Disabled variables are
// left out, as Postman treats them (docs/newman.md).
// all, for toJSON, returns [key, value, type...] and keeps every
// definition of a repeated key (toJSON's values list them, as
// postman-collection's list keeps an environment file's repeats).
func (e *Engine) varPairs(scope string, all bool) goja.Value {
	var layers []*environments.Scope
	names := []string{scope}
	if scope == "variables" {
		x := e.state().x
		if x.Scopes != nil {
			data := x.Scopes.Data
			if x.Data != nil {
				data = x.Data
			}
			layers = []*environments.Scope{x.Scopes.Globals, x.Scopes.Collection, x.Scopes.Environment, data, x.Scopes.Local}
			names = []string{"globals", "collection", "environment", "data", "local"}
		}
	} else {
		layers = []*environments.Scope{e.scope(scope)}
	}
	seen := map[string]int{}
	var out []any
	for li, sc := range layers {
		vars := sc.Variables()
		if kl, ok := sc.Keyless(); ok {
			vars = append(vars, kl)
		}
		for _, v := range vars {
			if v.Disabled {
				continue
			}
			key := environments.ListedKey(v.Key)
			jv, live := e.liveValue(names[li], v)
			if !live {
				jv = e.toJSValue(v)
				if !all {
					e.keepRead(names[li], v, jv)
				}
			}
			if all {
				if d := v.Declared; (d == environments.TypeObject || d == environments.TypeArray) && !live {
					// toJSON writes what the variable holds: the text.
					jv = goja.Undefined()
					if environments.IsTextType(v.Type) {
						jv = e.rt.ToValue(v.Value)
					}
				}
				out = append(out, key, jv, v.ListedType())
				continue
			}
			if i, ok := seen[key]; ok {
				out[i+1] = jv
				continue
			}
			seen[key] = len(out)
			out = append(out, key, jv)
		}
	}
	return e.rt.ToValue(out)
}

// recordTest records the result of the pm.test numbered idx.
func (e *Engine) recordTest(c goja.FunctionCall) goja.Value {
	st := e.state()
	idx := int(c.Argument(0).ToInteger())
	if idx < 0 || idx > 1<<20 {
		return goja.Undefined()
	}
	tr := TestResult{Name: c.Argument(1).String(), Passed: c.Argument(2).ToBoolean(), Skipped: c.Argument(3).ToBoolean(),
		ErrorName: c.Argument(4).String(), Error: c.Argument(5).String(), Index: idx}
	st.testCalls = max(st.testCalls, idx+1)
	if tr.ErrorName == "" {
		// A passed test: no stack to read (the common case, once per pm.test).
	} else if l, col, ok := e.evalFramePos(c.Argument(6).String()); ok {
		tr.Error = v8Message(tr.ErrorName, tr.Error, e.lastEval, l, col, seenAt{})
	} else if tr.ErrorName == "SyntaxError" {
		tr.Error = e.v8Syntax(tr.Error)
	} else if tr.ErrorName == "TypeError" || tr.ErrorName == "RangeError" || tr.ErrorName == "ReferenceError" {
		line, col, native := scriptFrame(c.Argument(6).String(), strings.Contains(st.x.Source, "await"))
		seen := seenAt{native: native}
		if !native {
			seen = e.seenAtRun(st.x, line, col)
		}
		tr.Error = v8Message(tr.ErrorName, tr.Error, st.x.Source, line, col, seen)
	}
	// Results are reported in the order they settle, as Newman
	// reports them; a test recorded again keeps its place, unless its
	// callback reported it once more (again), which Newman lists anew.
	if again := c.Argument(7).ToBoolean(); again {
		st.placesByMap() // places no longer follow the tests' numbers
		st.res.Tests = append(st.res.Tests, tr)
	} else if at, ok := st.testPlace(idx); ok {
		st.res.Tests[at] = tr
	} else {
		if st.testAt != nil {
			st.testAt[idx] = len(st.res.Tests)
		}
		if st.res.Tests == nil {
			// Room for a few tests at once: most scripts have one to four.
			st.res.Tests = make([]TestResult, 0, 4)
		}
		st.res.Tests = append(st.res.Tests, tr)
	}
	return goja.Undefined()
}

// testPlace is where test idx stands in res.Tests, and whether it was
// recorded. Tests mostly settle in the order they were declared: then
// test i stands at place i and no map is made (one allocation less per
// script); the first to settle out of order starts the map.
func (st *execState) testPlace(idx int) (int, bool) {
	if st.testAt == nil {
		switch n := len(st.res.Tests); {
		case idx < n:
			return idx, true
		case idx == n:
			return 0, false
		}
		st.placesByMap()
	}
	at, ok := st.testAt[idx]
	return at, ok
}

// placesByMap starts testAt with the places so far (test i at place i).
func (st *execState) placesByMap() {
	if st.testAt != nil {
		return
	}
	st.testAt = make(map[int]int, len(st.res.Tests)+1)
	for i := range st.res.Tests {
		st.testAt[i] = i
	}
}

// setNextRequest records postman.setNextRequest / pm.execution.setNextRequest.
func (e *Engine) setNextRequest(v goja.Value) {
	st := e.state()
	if v == nil || goja.IsUndefined(v) {
		// The sandbox stores undefined, and the script's result loses
		// the key on its way to postman-runtime: no jump at all, and an
		// earlier call of the same script is forgotten. Only null stops.
		st.res.NextRequestSet, st.res.NextRequest = false, ""
		return
	}
	st.res.NextRequestSet = true
	if goja.IsNull(v) {
		st.res.NextRequest = ""
		return
	}
	st.res.NextRequest = v.String()
}

// writeRequest takes back the request a script changed (pm.request), as
// the bootstrap serialized it.
func (e *Engine) writeRequest(js string) {
	x := e.state().x
	if x.Request == nil {
		return
	}
	var pr plainRequest
	if err := json.Unmarshal([]byte(js), &pr); err != nil {
		e.throw("TypeError", "invalid request: "+err.Error())
	}
	prev, prevBody, proxy := x.Request.Auth, x.Request.Body, x.Request.Proxy
	*x.Request = *pr.toRequest(e.opts.CurrentSandbox)
	// Scripts do not see the request's own proxy (pm.request.proxy), so
	// they leave it as it was.
	x.Request.Proxy = proxy
	if b := x.Request.Body; b != nil && prevBody != nil && b.Mode == collections.BodyFile && prevBody.Mode == collections.BodyFile && b.File == prevBody.File {
		// The script's body holds the file's src only: what else the
		// collection gave the file (its content, the member as written)
		// stays, as the script left the file alone.
		b.FileContent, b.FileGiven = prevBody.FileContent, prevBody.FileGiven
	}
	if e.opts.NewerRequestShape {
		// The newer runtime reads a changed request back through its own
		// model: every row, a script's too, then shows as a file's row.
		markV3Rows(x.Request)
	}
	if x.Request.Auth == nil && prev != nil {
		// A script that drops the auth (authorizeUsing(null), delete
		// pm.request.auth) does not stop it: Postman's runtime still
		// signs with the item's auth (Newman 6.2.2).
		x.Request.Auth = prev
	}
}

// markV3Rows marks the request's header and body rows as a v12 file's
// (collections.Header.FromV3 and its kin).
func markV3Rows(r *collections.Request) {
	for i := range r.Header {
		r.Header[i].FromV3 = true
	}
	if b := r.Body; b != nil {
		for _, rows := range [][]collections.FormParam{b.URLEncoded, b.FormData} {
			for i := range rows {
				rows[i].FromV3 = true
			}
		}
	}
}

// responseData is the plain form of a Response the bootstrap wraps.
// withHeaders false leaves the headers to native.responseHeaders.
func (e *Engine) responseData(r *Response, withHeaders bool) goja.Value {
	o := e.rt.NewObject()
	if r.Code != 0 {
		_ = o.Set("code", r.Code)
	} else {
		// No response arrived (a network error): Postman's response has no
		// code, and assertions read "expected undefined to equal 200".
		_ = o.Set("code", goja.Undefined())
	}
	_ = o.Set("status", responseStatus(r))
	if withHeaders {
		_ = o.Set("header", e.headerData(r.Header))
	}
	_ = o.Set("responseTime", e.millis(r.ResponseTime))
	_ = o.Set("size", r.Size)
	return o
}

// responseStatus is r's status text, named from its code when the server
// sent none (StatusName), undefined for a code without a name.
func responseStatus(r *Response) any {
	if r.Status != "" {
		return r.Status
	}
	if s := StatusName(r.Code); s != "" || r.Code == 0 {
		return s
	}
	return goja.Undefined()
}

// responseGlobal is one legacy response global's accessor pair.
type responseGlobal struct {
	name     string
	get, set goja.Value
}

// responseObject is pm.response as the bootstrap's Response constructor
// makes it (the same own members, in the same order), built in one call:
// nearly every test script reads it. Its headers, cookies and body are read
// on first use through the natives (the bootstrap keeps its data apart, so
// that no own member shows it). layer holds the accessor of its own to (as
// the sandbox adds it: not enumerable, not configurable) over Response's
// prototype, which the response gets.
func (e *Engine) responseObject(r *Response, layer *goja.Object) goja.Value {
	rt := e.rt
	o := rt.CreateObject(layer.Prototype())
	lazy := e.responseLazy(layer)
	// A fresh id per response, as postman-collection gives every Response.
	_ = o.Set("id", e.responseID())
	_ = o.DefineAccessorProperty("_details", lazy[0][0], lazy[0][1], goja.FLAG_TRUE, goja.FLAG_TRUE)
	_ = o.Set("status", responseStatus(r))
	if r.Code != 0 {
		_ = o.Set("code", r.Code)
	} else {
		_ = o.Set("code", goja.Undefined())
	}
	for i := 1; i < len(lazy)-1; i++ { // to comes last
		_ = o.DefineAccessorProperty(responseLazyNames[i], lazy[i][0], lazy[i][1], goja.FLAG_TRUE, goja.FLAG_TRUE)
		if i == 1 && e.opts.CurrentSandbox {
			// Postman CLI's newer runtime gives the response its text as an
			// own body member, after headers (fresh-round7p-neighbours.json).
			_ = o.DefineDataProperty("body", rt.ToValue(string(r.Body)), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
	}
	_ = o.Set("responseTime", e.millis(r.ResponseTime))
	_ = o.Set("responseSize", r.Size)
	if e.opts.CurrentSandbox {
		_ = o.Set("downloadedBytes", r.Size)
	}
	_ = o.DefineAccessorProperty("to", lazy[4][0], nil, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return o
}

// newUUID is a random (version 4) UUID from the engine's random source.
func (e *Engine) newUUID() string {
	var b [16]byte
	e.randomRead(b[:])
	return formatUUID(b)
}

// responseID is a response's id: a version 4 UUID that needs no
// cryptographic source (one is made for every response), from the seeded
// source in a seeded run.
func (e *Engine) responseID() string {
	var b [16]byte
	if e.opts.Random != nil {
		e.opts.Random.Read(b[:])
		return formatUUID(b)
	}
	if e.idSource == nil {
		var seed [32]byte
		_, _ = rand.Read(seed[:])
		e.idSource = mrand.NewChaCha8(seed)
	}
	_, _ = e.idSource.Read(b[:])
	return formatUUID(b)
}

func formatUUID(b [16]byte) string {
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	// Every response gets one: formatted by hand, not through fmt.
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	hex.Encode(out[9:13], b[4:6])
	hex.Encode(out[14:18], b[6:8])
	hex.Encode(out[19:23], b[8:10])
	hex.Encode(out[24:36], b[10:16])
	out[8], out[13], out[18], out[23] = '-', '-', '-', '-'
	return string(out[:])
}

// responseLazyNames are the response members made on first read, in the
// order they stand among its own members, then pm.response's own to.
var responseLazyNames = [...]string{"_details", "headers", "stream", "cookies", "to"}

// responseLazy returns the getter and setter of each of the prototype's
// lazy members, read once per engine.
func (e *Engine) responseLazy(proto *goja.Object) *[5][2]goja.Value {
	if e.respLazy != nil {
		return e.respLazy
	}
	desc, _ := goja.AssertFunction(e.rt.Get("Object").ToObject(e.rt).Get("getOwnPropertyDescriptor"))
	var out [5][2]goja.Value
	for i, name := range responseLazyNames {
		// pm.response's prototype is a layer over Response's (it adds .to):
		// the accessors are found up the chain.
		var d goja.Value = goja.Undefined()
		for p := proto; p != nil && goja.IsUndefined(d); p = p.Prototype() {
			d, _ = desc(goja.Undefined(), p, e.rt.ToValue(name))
		}
		if goja.IsUndefined(d) {
			continue
		}
		do := d.ToObject(e.rt)
		out[i] = [2]goja.Value{do.Get("get"), do.Get("set")}
	}
	e.respLazy = &out
	return e.respLazy
}

// headerData is a header list as an array of {key, value} objects.
func (e *Engine) headerData(hdr []collections.Header) goja.Value {
	rt := e.rt
	hs := make([]any, len(hdr))
	for i, h := range hdr {
		o := rt.NewObject()
		_ = o.Set("key", h.Key)
		_ = o.Set("value", h.Value)
		hs[i] = o
	}
	return rt.NewArray(hs...)
}

// plainRequest is the JSON shape of a Postman request as scripts build it.
type plainRequest struct {
	Method string        `json:"method"`
	URL    plainURL      `json:"url"`
	Header []plainHeader `json:"header"`
	Body   *plainBody    `json:"body"`
	Auth   *plainAuth    `json:"auth"`
	Descr  string        `json:"description"`
	Query  []plainQuery  `json:"-"`
	// Proxy is a pm.sendRequest's own proxy (writeRequest keeps the
	// request's: Newman sends no change a script makes to it).
	Proxy json.RawMessage `json:"proxy"`
}

type plainURL struct {
	Raw      string       `json:"raw"`
	Protocol string       `json:"protocol"`
	Host     []string     `json:"host"`
	Port     string       `json:"port"`
	Path     []string     `json:"path"`
	Query    []plainQuery `json:"query"`
	Variable []plainVar   `json:"variable"`
	Hash     *string      `json:"hash"` // null: none
	Auth     *struct {
		User     string  `json:"user"`
		Password *string `json:"password"`
	} `json:"auth"`
}

type plainQuery struct {
	Key   optString `json:"key"`
	Value *string   `json:"value"`
	rowMeta
	Disabled bool `json:"disabled"`
	// DisabledSet says the row had its own disabled member (false too).
	DisabledSet bool `json:"disabledSet"`
	// Description is as the script left it (postman-collection's
	// {content, type}, or what it assigned), read as a file's.
	Description json.RawMessage `json:"description"`
}

// plainVar is a URL variable: its value may be left out, its description
// text or postman-collection's {content, type}.
type plainVar struct {
	Key         string          `json:"key"`
	Value       optString       `json:"value"`
	Typed       json.RawMessage `json:"typed"`
	Type        string          `json:"type"`
	Disabled    bool            `json:"disabled"`
	Description json.RawMessage `json:"description"`
	// Meta is what else postman-collection keeps of it
	// (collections.Variable.Meta): id, name, disabled as given, system.
	Meta json.RawMessage `json:"meta"`
}

func (v plainVar) variable() collections.Variable {
	out := collections.Variable{Key: v.Key, Value: v.Value.s, Type: v.Type, Disabled: v.Disabled, NoValue: v.Value.noValue() != collections.HasValue}
	if len(v.Meta) > 0 {
		out.Meta = collections.CompactJSON(v.Meta)
	}
	if len(v.Typed) > 0 {
		out.Value, out.JSON = "", collections.CompactJSON(v.Typed)
	}
	if out.Type == "any" {
		out.Type = "" // the default, as the collection leaves it
	}
	var d struct{ Content string }
	if json.Unmarshal(v.Description, &out.Description) != nil && json.Unmarshal(v.Description, &d) == nil {
		out.Description = d.Content
	}
	return out
}

// rowMeta is what postman-collection keeps of a row beyond its typed
// fields, as a script left it (rowMeta in postman-shapes.js).
type rowMeta struct {
	ID     json.RawMessage `json:"id"`
	Name   json.RawMessage `json:"name"`
	System json.RawMessage `json:"system"`
}

// name is the row's name as collections keeps it (Name: its text).
func (m rowMeta) name() string { return collections.RowName(m.Name) }

// meta is collections' Meta of the row (see collections.RowMeta).
func (m rowMeta) meta(disabled json.RawMessage, rawDisabled, withSystem bool) string {
	if m.ID == nil && m.Name == nil && disabled == nil && m.System == nil {
		return ""
	}
	return collections.RowMeta(m.ID, m.Name, disabled, m.System, rawDisabled, withSystem)
}

// jsFlag is a member read as JavaScript's truthiness, keeping its JSON.
type jsFlag struct {
	on  bool
	raw json.RawMessage
}

func (f *jsFlag) UnmarshalJSON(b []byte) error {
	f.raw = append(json.RawMessage(nil), b...)
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
	case bool:
		f.on = v
	case float64:
		f.on = v != 0
	case string:
		f.on = v != ""
	default:
		f.on = true
	}
	return nil
}

// plainHeader is a header row; Typed holds a value that is not a string.
type plainHeader struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	rowMeta
	// Disabled is as the script left it: a header keeps any value.
	Disabled jsFlag `json:"disabled"`
	// DisabledSet says the row had its own disabled member (false too).
	DisabledSet bool            `json:"disabledSet"`
	Typed       json.RawMessage `json:"typed"`
	Description json.RawMessage `json:"description"`
}

type plainKV struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	rowMeta
	Disabled bool `json:"disabled"`
	// DisabledSet says the row had its own disabled member (false too).
	DisabledSet bool     `json:"disabledSet"`
	Type        string   `json:"type"`
	Src         []string `json:"src"`
	ContentType string   `json:"contentType"`
	// Typed is a value that is not a string.
	Typed json.RawMessage `json:"typed"`
	// Description is the row's description as the script left it (text
	// or a Description's {content, type}); the scripts after it see it.
	Description json.RawMessage `json:"description"`
}

// plainParam is an urlencoded row: its value may be left out or null
// (collections.FormParam.NoValue).
type plainParam struct {
	plainKV
	Value optString `json:"value"`
}

// optString is a JSON string that remembers being absent or null.
type optString struct {
	s    string
	kind collections.NoValue
	seen bool
}

func (o *optString) UnmarshalJSON(b []byte) error {
	o.seen = true
	if string(b) == "null" {
		o.kind = collections.ValueNull
		return nil
	}
	return json.Unmarshal(b, &o.s)
}

func (o optString) noValue() collections.NoValue {
	if !o.seen {
		return collections.ValueUnset
	}
	return o.kind
}

type plainBody struct {
	Mode       string       `json:"mode"`
	Raw        string       `json:"raw"`
	Language   string       `json:"language"`
	URLEncoded []plainParam `json:"urlencoded"`
	FormData   []plainKV    `json:"formdata"`
	File       string       `json:"file"`
	// GraphQL's members are as the script left them (JSON leaves out the
	// undefined ones), read as a collection file's.
	GraphQL *struct {
		Query         json.RawMessage `json:"query"`
		OperationName json.RawMessage `json:"operationName"`
		Variables     json.RawMessage `json:"variables"`
	} `json:"graphql"`
	Disabled bool `json:"disabled"`
}

type plainAuth struct {
	Type string `json:"type"`
	// Params are the parameters' texts; a script's null arrives as null
	// (Nulls).
	Params  map[string]json.RawMessage `json:"params"`
	Order   []string                   `json:"order"`
	Types   map[string]string          `json:"types"`
	Literal map[string]bool            `json:"literal"`
	// Others are the lists of the types not selected, in the auth's order.
	Others []plainAuth `json:"others"`
}

// auth is the model's auth. A credential a script set to null is text
// ("") in Newman's runtime; in the newer one (current) it is a null, as a
// null in a v12 file is, which sends no basic or bearer auth
// (fresh-round12v-scriptauth.json).
func (p *plainAuth) auth(current bool) *collections.Auth {
	a := &collections.Auth{Type: p.Type, Params: make(map[string]string, len(p.Params)), Order: p.Order, Types: p.Types, Literal: p.Literal}
	for k, raw := range p.Params {
		var s string
		if string(raw) == "null" && current {
			s = "null"
			if a.Literal == nil {
				a.Literal = map[string]bool{}
			}
			a.Literal[k] = true
		} else {
			_ = json.Unmarshal(raw, &s) // a string, or null: ""
		}
		a.Params[k] = s
	}
	for i := range p.Others {
		if o := &p.Others[i]; o.Type != "" && o.Type != p.Type {
			a.Others = append(a.Others, o.auth(current))
		}
	}
	return a
}

func (p *plainRequest) toRequest(current bool) *collections.Request {
	r := &collections.Request{Method: strings.ToUpper(p.Method), Description: p.Descr}
	if r.Method == "" {
		r.Method = "GET"
	}
	r.URL = p.URL.toURL()
	for _, h := range p.Header {
		ch := collections.Header{Key: h.Key, Value: h.Value, Disabled: h.Disabled.on}
		if len(h.Typed) > 0 {
			ch = collections.TypedHeader(h.Key, h.Typed, h.Disabled.on)
		}
		ch.Name, ch.DisabledSet, ch.Meta = h.name(), h.DisabledSet && !h.Disabled.on, h.meta(h.Disabled.raw, true, true)
		collections.DescribeHeader(&ch, h.Description)
		r.Header = append(r.Header, ch)
	}
	if b := p.Body; b != nil && b.Mode != "" {
		r.Body = b.toBody()
	}
	if p.Auth != nil && p.Auth.Type != "" {
		r.Auth = p.Auth.auth(current)
	}
	r.Proxy = collections.ParseProxy(p.Proxy)
	return r
}

// toURL is the script's URL object as the model's URL.
func (u *plainURL) toURL() collections.URL {
	out := collections.URL{Raw: u.Raw, Protocol: u.Protocol, Host: u.Host, Port: u.Port, Path: u.Path}
	if u.Hash != nil {
		out.Hash, out.EmptyHash = *u.Hash, *u.Hash == ""
	}
	if u.Auth != nil {
		out.UserInfo = &collections.UserInfo{User: u.Auth.User, Password: u.Auth.Password}
	}
	for _, q := range u.Query {
		qp := collections.QueryParam{Key: q.Key.s, Value: q.Value, Disabled: q.Disabled, DisabledSet: q.DisabledSet && !q.Disabled, Name: q.name(), Meta: q.meta(nil, false, true), KeyNull: q.Key.noValue() == collections.ValueNull}
		if len(q.Description) > 0 {
			collections.DescribeQuery(&qp, q.Description)
		}
		out.Query = append(out.Query, qp)
	}
	for _, v := range u.Variable {
		out.Variables = append(out.Variables, v.variable())
	}
	return out
}

// toBody is the script's body object as the model's body: form-data and
// urlencoded rows keep their types, descriptions, names and explicit
// disabled: false.
func (b *plainBody) toBody() *collections.Body {
	cb := &collections.Body{Mode: b.Mode, Raw: b.Raw, Language: b.Language, File: b.File, Disabled: b.Disabled}
	for _, f := range b.FormData {
		p := collections.FormParam{Key: f.Key, Value: f.Value, Type: f.Type, Src: f.Src, ContentType: f.ContentType, Disabled: f.Disabled, DisabledSet: f.DisabledSet && !f.Disabled, Name: f.name(), Meta: f.meta(nil, false, false)}
		if len(f.Typed) > 0 {
			p = collections.TypedFormParam(p, f.Typed, false)
		}
		collections.DescribeForm(&p, f.Description)
		cb.FormData = append(cb.FormData, p)
	}
	for _, f := range b.URLEncoded {
		p := collections.FormParam{Key: f.Key, Value: f.Value.s, NoValue: f.Value.noValue(), Disabled: f.Disabled, DisabledSet: f.DisabledSet && !f.Disabled, Name: f.name(), Meta: f.meta(nil, false, true)}
		if len(f.Typed) > 0 {
			p = collections.TypedFormParam(p, f.Typed, true)
		}
		collections.DescribeForm(&p, f.Description)
		cb.URLEncoded = append(cb.URLEncoded, p)
	}
	if b.GraphQL != nil {
		g := b.GraphQL
		cb.GraphQL = collections.GraphQLOf(g.Query, g.OperationName, g.Variables)
	}
	return cb
}

// requestData turns a collections.Request into the plain JSON shape. Its
// objects are built key by key, never from Go maps: the sandbox copies
// their keys, and Go's map order would make JSON.stringify(pm.request)
// differ from run to run.
func (e *Engine) requestData(r *collections.Request) goja.Value {
	b := requestBuilder{e}
	var desc any = r.Description
	if r.Description != "" {
		// A {content, type}, which the sandbox makes postman-collection's
		// Description: Newman 6.2.2's too (fresh-round8p-vars.json).
		typ := r.DescriptionType
		if e.opts.NewerRequestShape {
			typ = ""
		}
		desc = b.description(r.Description, typ, "", false)
	}
	m := b.obj("method", r.Method, "description", desc, "url", b.url(&r.URL))
	_ = m.Set("header", b.headers(r.Header))
	switch {
	case r.Body == nil:
	case e.opts.NewerRequestShape && r.Body.Mode == collections.BodyNone:
		// The newer runtime's body of type none has no mode.
		_ = m.Set("body", b.obj())
	default:
		_ = m.Set("body", b.body(r.Body))
	}
	if r.Auth != nil && !(e.opts.NewerRequestShape && strings.EqualFold(r.Auth.Type, "noauth")) {
		_ = m.Set("auth", b.auth(r.Auth))
	}
	if p := r.Proxy; p != nil {
		_ = m.Set("proxy", b.proxy(p))
	}
	return m
}

// proxy is the request's own proxy as the data postman-collection's
// ProxyConfig is made from (fresh-round12n-i.json): an id of its own,
// disabled when given, the host name, the match pattern (every http and
// https URL by default), the port as a number, tunnel, authenticate and the
// credentials. The Request's constructor makes it a ProxyConfig
// (js/parts/request-auth.js).
func (b requestBuilder) proxy(p *collections.Proxy) *goja.Object {
	o := b.obj("id", b.e.newUUID())
	if p.Disabled != nil {
		_ = o.Set("disabled", *p.Disabled)
	}
	match := p.Match
	if match == "" {
		match = "http+https://*:*/*"
	}
	_ = o.Set("host", p.HostName())
	_ = o.Set("match", b.obj("pattern", match))
	_ = o.Set("port", p.PortNumber())
	_ = o.Set("tunnel", p.Tunnel)
	_ = o.Set("authenticate", p.Authenticate)
	if p.Username != "" {
		_ = o.Set("username", p.Username)
	}
	if p.Password != "" {
		_ = o.Set("password", p.Password)
	}
	return o
}

// proxyURL is ProxyConfig#getProxyUrl (js/parts/request-auth.js puts it
// on the prototype): collections.Proxy.URL of the object as it is then, so
// a script that changed the port or the credentials reads them back
// (fresh-round13n-a.json), though the request still goes through the
// collection's proxy.
func (e *Engine) proxyURL(call goja.FunctionCall) goja.Value {
	this := call.This.ToObject(e.rt)
	text := func(k string) string {
		if v := this.Get(k); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
			return v.String()
		}
		return ""
	}
	on := this.Get("authenticate")
	at := collections.Proxy{Host: text("host"), Port: text("port"), Authenticate: on != nil && on.ToBoolean(),
		Username: text("username"), Password: text("password")}
	return e.rt.ToValue(at.URL())
}

// requestBuilder builds the parts of requestData's object, each in
// postman-collection's JSON shape.
type requestBuilder struct{ e *Engine }

// obj is an object with the given key/value pairs, set in that order
// (JSON.stringify shows them so).
func (b requestBuilder) obj(kv ...any) *goja.Object {
	o := b.e.rt.NewObject()
	for i := 0; i+1 < len(kv); i += 2 {
		_ = o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

// url is the URL object: its parts, query rows, path variables, hash and
// credentials.
func (b requestBuilder) url(url *collections.URL) *goja.Object {
	q := []any{}
	for _, p := range url.Query {
		var v any
		switch {
		case p.Value != nil:
			v = *p.Value
		case p.JSON != "":
			v = b.e.parseJSON(p.JSON)
		}
		var k any = p.Key
		if p.KeyNull {
			k = nil
		}
		// postman-collection's Property sets disabled before the
		// subclass's own fields: JSON.stringify shows it first.
		o := b.e.rt.NewObject()
		m := b.rowLead(o, p.Meta, p.Name, p.Disabled, p.Disabled || p.DisabledSet || p.FromV3)
		if p.Described || p.FromV3 {
			// A v12 file's row without one shows {content: "", type}.
			_ = o.Set("description", b.description(p.Description, p.DescriptionType, p.DescriptionJSON, p.DescriptionNone))
		}
		_ = o.Set("key", k)
		_ = o.Set("value", v)
		if m != nil && m.Get("system") != nil {
			_ = o.Set("system", m.Get("system"))
		}
		q = append(q, o)
	}
	vs := []any{}
	for _, v := range url.Variables {
		if b.e.opts.NewerRequestShape {
			v.Description = ""
		}
		vs = append(vs, b.pathVariable(v))
	}
	var hash any = goja.Undefined()
	if url.Hash != "" || url.EmptyHash {
		hash = url.Hash
	}
	u := b.obj("raw", url.Raw, "protocol", url.Protocol, "host", strs(url.Host),
		"port", url.Port, "path", pathValue(url.Path), "hash", hash, "query", q, "variable", vs)
	if ui := url.UserInfo; ui != nil {
		var a *goja.Object
		switch {
		case ui.Password == nil:
			a = b.obj("user", ui.User)
		case ui.NoUser:
			a = b.obj("password", *ui.Password)
		case ui.PasswordFirst:
			a = b.obj("password", *ui.Password, "user", ui.User)
		default:
			a = b.obj("user", ui.User, "password", *ui.Password)
		}
		_ = u.Set("auth", a)
	} else if url.EmptyAuth {
		_ = u.Set("auth", b.obj())
	}
	return u
}

// pathVariable is a URL variable as postman-collection's Variable holds
// it (JSON.stringify shows its order): disabled and description (from
// Property) first, then type ("any" when none), value (left out when
// there is none) and key.
func (b requestBuilder) pathVariable(v collections.Variable) *goja.Object {
	o := b.e.rt.NewObject()
	// What else postman-collection keeps (collections.Variable.Meta): id,
	// name and disabled as given first, a key that is no string, system
	// last.
	var m *goja.Object
	if v.Meta != "" {
		m, _ = b.e.parseJSON(v.Meta).(*goja.Object)
	}
	get := func(k string) goja.Value {
		if m == nil {
			return nil
		}
		return m.Get(k)
	}
	for _, k := range [...]string{"id", "name"} {
		if x := get(k); x != nil {
			_ = o.Set(k, x)
		}
	}
	if d := get("disabled"); d != nil {
		_ = o.Set("disabled", d)
	} else if v.Disabled {
		_ = o.Set("disabled", true)
	}
	if v.Description != "" {
		_ = o.Set("description", b.obj("content", v.Description, "type", "text/plain"))
	}
	typ := v.Type
	if typ == "" {
		typ = "any"
	}
	_ = o.Set("type", typ)
	switch {
	case v.JSON != "":
		_ = o.Set("value", b.e.parseJSON(v.JSON))
	case !v.NoValue:
		_ = o.Set("value", v.Value)
	}
	// postman-collection's key is key || id: none when both are falsy.
	if k := get("key"); k != nil {
		_ = o.Set("key", k)
	} else if v.Key != "" {
		_ = o.Set("key", v.Key)
	}
	if sys := get("system"); sys != nil {
		_ = o.Set("system", sys)
	}
	return o
}

// description is a row's description as postman-collection's Description
// holds it: {content, type}, the content undefined when there is none.
func (b requestBuilder) description(text, typ, content string, none bool) *goja.Object {
	var c any = text
	switch {
	case none:
		c = goja.Undefined()
	case content != "":
		c = b.e.parseJSON(content)
	}
	return b.obj("content", c, "type", cmp.Or(typ, "text/plain"))
}

// rowLead sets what postman-collection's Property puts first in a row: a
// truthy id, the name and the disabled flag (shown: the row has one), as
// the row's meta gives them when they are not the plain kinds (see
// collections.RowMeta). It returns the meta, for the members after the
// value (system), or nil.
func (b requestBuilder) rowLead(o *goja.Object, meta, name string, disabled, shown bool) *goja.Object {
	var m *goja.Object
	if meta != "" {
		m, _ = b.e.parseJSON(meta).(*goja.Object)
	}
	get := func(k string) goja.Value {
		if m == nil {
			return nil
		}
		return m.Get(k)
	}
	if id := get("id"); id != nil {
		_ = o.Set("id", id)
	}
	if n := get("name"); n != nil {
		_ = o.Set("name", n)
	} else if name != "" {
		_ = o.Set("name", name)
	}
	if d := get("disabled"); d != nil {
		_ = o.Set("disabled", d)
	} else if shown {
		_ = o.Set("disabled", disabled)
	}
	return m
}

// headers is the header list, disabled rows and the runtime's own
// (system) rows marked as Postman marks them.
func (b requestBuilder) headers(list []collections.Header) []any {
	hs := []any{}
	for _, h := range list {
		var v any = h.Value
		if h.JSON != "" {
			v = b.e.parseJSON(h.JSON)
		}
		// postman-collection's order: name, disabled and description
		// (from Property), key, value, then system (Postman's mark on the
		// headers the runtime added).
		o := b.e.rt.NewObject()
		m := b.rowLead(o, h.Meta, h.Name, h.Disabled, h.Disabled || h.DisabledSet)
		switch {
		case h.Described:
			_ = o.Set("description", b.description(h.Description, h.DescriptionType, h.DescriptionJSON, h.DescriptionNone))
		case h.FromV3:
			_ = o.Set("description", b.description("", "", "", true))
		}
		_ = o.Set("key", h.Key)
		_ = o.Set("value", v)
		switch {
		case m != nil && m.Get("system") != nil:
			_ = o.Set("system", m.Get("system"))
		case h.System:
			_ = o.Set("system", true)
		}
		hs = append(hs, o)
	}
	return hs
}

// body is the body object in its mode.
func (b requestBuilder) body(body *collections.Body) *goja.Object {
	bm := b.obj("mode", body.Mode)
	if body.Mode == "" {
		_ = bm.Set("mode", goja.Undefined()) // a body without a mode
	}
	switch body.Mode {
	case collections.BodyRaw:
		_ = bm.Set("raw", body.Raw)
		if body.Language != "" {
			_ = bm.Set("language", body.Language)
		}
	case collections.BodyURLEncoded:
		_ = bm.Set(body.Mode, b.fields(body.URLEncoded, false))
	case collections.BodyFormData:
		_ = bm.Set(body.Mode, b.fields(body.FormData, true))
	case collections.BodyFile:
		_ = bm.Set("file", body.File)
	case collections.BodyGraphQL:
		g := body.GraphQL
		if g == nil {
			g = &collections.GraphQL{Unset: []string{"query", "operationName", "variables"}}
		}
		_ = bm.Set("graphql", b.graphql(g))
	}
	if body.Options != nil {
		// Options beyond raw.language, as the collection wrote them.
		_ = bm.Set("options", b.e.parseJSON(string(body.Options)))
	}
	if body.Disabled {
		_ = bm.Set("disabled", true)
	}
	return bm
}

// fields is an urlencoded or form-data body's rows; a row without a value
// keeps undefined or null as the collection left it.
func (b requestBuilder) fields(list []collections.FormParam, formData bool) []any {
	fs := []any{}
	for _, f := range list {
		var v any = f.Value
		switch {
		case f.JSON != "":
			v = b.e.parseJSON(f.JSON)
		case f.NoValue == collections.ValueUnset:
			v = goja.Undefined()
		case f.NoValue == collections.ValueNull:
			v = goja.Null()
		}
		// postman-collection's Property sets disabled and description
		// before the row's own members. The newer runtime's row from a v12
		// file has both: disabled (false too), a description ({type} alone
		// when none).
		fm := b.obj()
		m := b.rowLead(fm, f.Meta, f.Name, f.Disabled, f.Disabled || f.DisabledSet || f.FromV3)
		switch {
		case f.Described:
			_ = fm.Set("description", b.description(f.Description, f.DescriptionType, f.DescriptionJSON, f.DescriptionNone))
		case f.FromV3:
			_ = fm.Set("description", b.description(f.Description, "", "", f.Description == ""))
		}
		_ = fm.Set("key", f.Key)
		_ = fm.Set("value", v)
		// An urlencoded row is a QueryParam, with its own system member.
		if m != nil && m.Get("system") != nil {
			_ = fm.Set("system", m.Get("system"))
		}
		// An urlencoded param has no type in postman-collection.
		if f.Type != "" && formData {
			_ = fm.Set("type", f.Type)
		}
		switch {
		case len(f.Src) == 1 && f.FromV3:
			_ = fm.Set("src", f.Src[0]) // the newer runtime keeps one path as text
		case len(f.Src) > 0:
			_ = fm.Set("src", strs(f.Src))
		}
		if f.ContentType != "" {
			_ = fm.Set("contentType", f.ContentType)
		}
		fs = append(fs, fm)
	}
	return fs
}

// graphql is a GraphQL body as postman-collection keeps it: the three
// members as the collection wrote them, undefined when left out.
func (b requestBuilder) graphql(g *collections.GraphQL) *goja.Object {
	member := func(name, v string) any {
		if v == "" && g.IsUnset(name) {
			return goja.Undefined()
		}
		if g.IsJSON(name) {
			return b.e.parseJSON(v)
		}
		return v
	}
	var vars any = member("variables", g.Variables)
	if g.VariablesJSON {
		vars = b.e.parseJSON(g.Variables)
	}
	return b.obj("query", member("query", g.Query), "operationName", member("operationName", g.OperationName), "variables", vars)
}

// auth is Postman's shape, {type, <type>: [{key, value, type}]}, in the
// collection's order, then the lists the block gives other types.
func (b requestBuilder) auth(a *collections.Auth) *goja.Object {
	am := b.obj("type", a.Type)
	if a.Type != "" {
		_ = am.Set(a.Type, b.authParams(a))
	}
	for _, o := range a.Others {
		if o.Type != a.Type && o.Type != "type" {
			_ = am.Set(o.Type, b.authParams(o))
		}
	}
	return am
}

// authParams is a's parameters as postman-collection's Variables.
func (b requestBuilder) authParams(a *collections.Auth) []any {
	ps := []any{}
	for _, k := range a.Keys() {
		var v any = a.Params[k]
		switch {
		case a.Literal[k] && a.Params[k] == "":
			v = goja.Undefined() // see collections.Auth.SetUndefined
		case a.Literal[k]:
			v = b.e.parseJSON(a.Params[k])
		}
		p := b.obj("key", k, "value", v, "type", a.ParamType(k))
		if a.System[k] {
			_ = p.Set("system", true)
		}
		ps = append(ps, p)
	}
	return ps
}

// pathValue is a URL's path for scripts: a URL without a path has none
// (undefined), as postman-collection leaves it; a file's "path": [] stays
// a list.
func pathValue(p []string) any {
	if p == nil {
		return goja.Undefined()
	}
	return strs(p)
}

func strs(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// systemErrorObject is the err pm.sendRequest's callback gets for a
// failure Node words as a system error: its fields in Node's order, those
// Node leaves out absent.
func (e *Engine) systemErrorObject(f SystemError) *goja.Object {
	o := e.rt.NewObject()
	if f.BytesParsed != nil {
		_ = o.Set("bytesParsed", *f.BytesParsed)
	}
	if f.Library != "" {
		_ = o.Set("library", f.Library)
		_ = o.Set("reason", f.Reason)
	}
	if f.Errno != nil {
		_ = o.Set("errno", *f.Errno)
	}
	if f.Code != "" {
		_ = o.Set("code", f.Code)
	}
	if f.Connect != nil {
		_ = o.Set("connect", *f.Connect)
	}
	if f.Syscall != "" {
		_ = o.Set("syscall", f.Syscall)
	}
	if f.Hostname != "" {
		_ = o.Set("hostname", f.Hostname)
	}
	if f.Address != "" {
		_ = o.Set("address", f.Address)
	}
	if f.Port != nil {
		_ = o.Set("port", *f.Port)
	}
	if f.Library == "" && f.Reason != "" {
		_ = o.Set("reason", f.Reason)
	}
	if f.RawPacket != nil {
		_ = o.Set("rawPacket", e.bufferJSON(f.RawPacket))
	}
	if f.NullPath {
		_ = o.Set("path", goja.Null())
	}
	if f.Host != "" {
		_ = o.Set("host", f.Host)
	}
	if f.PortText != "" {
		_ = o.Set("port", f.PortText)
	}
	if f.Cert != nil {
		_ = o.Set("cert", e.peerCertObject(f.Cert, map[*PeerCert]*goja.Object{}))
	}
	return o
}

// sendRequest runs the Go send on a goroutine and calls back on the loop.
func (e *Engine) sendRequest(js string, cb goja.Callable) {
	st := e.state()
	var pr plainRequest
	if err := json.Unmarshal([]byte(js), &pr); err != nil {
		e.throw("TypeError", "pm.sendRequest: invalid request: "+err.Error())
	}
	req := pr.toRequest(e.opts.CurrentSandbox)
	if len(req.URL.Path) == 0 {
		// A URL without a path ("http://h:1", "h:1?q") has none, as
		// postman-collection parses it: Newman's CLI line for a failed
		// pm.sendRequest shows it without a "/".
		req.URL.Path = nil
	}
	sender := e.opts.Sender
	done := e.loop.register()
	st.sends++
	ctx := context.WithValue(e.context(st), sendOrderKey{}, st.sends)
	e.work.Go(func() {
		var resp *Response
		var err error
		if sender == nil {
			err = fmt.Errorf("pm.sendRequest is not available in this run")
		} else {
			resp, err = sender.Send(ctx, req)
		}
		done(func() error {
			if e.opts.Arrived != nil && sender != nil {
				e.opts.Arrived(resp, err, len(st.res.Tests))
			}
			var ev, rv goja.Value = goja.Null(), goja.Undefined()
			var se interface{ SystemError() SystemError }
			switch {
			case err != nil && e.opts.CurrentSandbox:
				// Postman CLI's newer sandbox hands over the error's words
				// alone, and no response.
				ev = e.rt.ToValue(err.Error())
			case errors.As(err, &se):
				// Postman's err is a plain object of Node's fields, in
				// Node's order, with no name or message.
				o := e.systemErrorObject(se.SystemError())
				if len(o.Keys()) == 0 {
					ev = e.rt.ToValue(err.Error())
				} else {
					// The message (as run.failures words it) goes beside
					// the fields: the promise form rejects with both
					// (Postman CLI 1.34).
					ev, rv = o, e.rt.ToValue(err.Error())
				}
			case err != nil:
				ev = e.rt.ToValue(err.Error())
			case resp != nil:
				rv = e.responseData(resp, true)
				body := resp.Body
				_ = rv.ToObject(e.rt).Set("body", resp.Text)
				_ = rv.ToObject(e.rt).Set("bodyBase64", func() string { return base64.StdEncoding.EncodeToString(body) })
			}
			// What the script's callback throws is dropped, as in Newman
			// 6.2.2 and Postman CLI 1.34: the script goes on.
			_, cerr := cb(goja.Undefined(), ev, rv)
			if !thrownByScript(cerr) {
				return cerr
			}
			var ex *goja.Exception
			if e.opts.CurrentSandbox && errors.As(cerr, &ex) {
				// Postman CLI's newer sandbox calls the callback a second
				// time with what it threw and no response; what that call
				// throws fails the script (fresh-round7p-runtime.json).
				_, cerr = cb(goja.Undefined(), ex.Value(), goja.Undefined())
				return cerr
			}
			e.loop.dropped = append(e.loop.dropped, cerr)
			return nil
		})
	})
}

// runRequest runs a referenced request off the script's goroutine, as
// sendRequest sends, and calls cb(err, responseData) back; responseData
// null means the request was skipped.
func (e *Engine) runRequest(ref string, pairs []string, cb goja.Callable) {
	st := e.state()
	st.runRequests++
	done := e.loop.register()
	if st.runRequests > maxRunRequests {
		done(func() error {
			_, err := cb(goja.Undefined(), e.rt.ToValue("The maximum number of pm.execution.runRequest() calls have been reached for this request."), goja.Null())
			return err
		})
		return
	}
	var vars [][2]string
	for i := 0; i+1 < len(pairs); i += 2 {
		vars = append(vars, [2]string{pairs[i], pairs[i+1]})
	}
	runner := e.opts.Runner
	ctx := e.context(st)
	e.work.Go(func() {
		var (
			resp    *Response
			skipped bool
			err     error
		)
		if runner == nil {
			err = errors.New("pm.execution.runRequest is not available here: courier runs referenced requests of the collection being run only")
		} else {
			resp, skipped, err = runner.RunRequest(ctx, ref, vars)
		}
		done(func() error {
			ev, rv := goja.Null(), goja.Null()
			switch {
			case err != nil:
				ev = e.rt.ToValue(err.Error())
			case skipped || resp == nil:
			default:
				rv = e.responseData(resp, true)
				body := resp.Body
				_ = rv.ToObject(e.rt).Set("body", resp.Text)
				_ = rv.ToObject(e.rt).Set("bodyBase64", func() string { return base64.StdEncoding.EncodeToString(body) })
			}
			_, cerr := cb(goja.Undefined(), ev, rv)
			return cerr
		})
	})
}

// installGlobals sets the host-implemented globals: timers, atob/btoa,
// crypto primitives and text codecs (the bootstrap builds on them).
func (e *Engine) installGlobals() error {
	rt := e.rt
	g := rt.NewObject()
	set := func(name string, fn any) { _ = g.Set(name, fn) }
	e.installTimers(set)
	e.installBinary(set)
	set("part", func(c goja.FunctionCall) goja.Value { return e.part(c.Argument(0).String()) })
	set("eagerPart", func(c goja.FunctionCall) goja.Value { return e.eagerPart(c.Argument(0).String()) })
	set("require", e.require)
	set("requireScript", e.requireScript)
	set("requireFresh", e.requireFresh)
	set("guard", e.guardedCall)
	set("atomicsWait", e.atomicsWait)
	e.installWebCrypto(set)
	e.installIntl(set)
	e.installURL(set)
	e.installCompression(set)
	e.installLazyClasses(set, g)
	// Runs of v12 collections follow Postman CLI's newer sandbox where it
	// differs (Options.CurrentSandbox).
	set("currentSandbox", e.opts.CurrentSandbox)
	e.installJSONHelpers(set)
	e.installAssertHelpers(set)
	e.installResponseGlobals(set)
	e.host = g
	return rt.Set("__courierHost", g)
}

// installTimers adds the timer functions the bootstrap wraps as
// setTimeout and friends; the engine's loop runs the callbacks.
func (e *Engine) installTimers(set func(string, any)) {
	set("setTimeout", e.timerFunc(false))
	set("setInterval", e.timerFunc(true))
	// An immediate runs before any timer, as Node's check phase comes
	// before a timer of at least 1 ms is due.
	set("setImmediate", func(c goja.FunctionCall) goja.Value {
		return e.addTimer(c.Argument(0), 0, false)
	})
	clr := func(kind int) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			if id := c.Argument(0).ToInteger(); id > 0 {
				e.loop.clearTimer(id, kind)
			}
			return goja.Undefined()
		}
	}
	set("clearTimeout", clr(kindTimeout))
	set("clearInterval", clr(kindInterval))
	set("clearImmediate", clr(kindImmediate))
}

// timerFunc is setTimeout (repeat false) or setInterval: a delay that is
// not a number of at least 1 ms, or is past Node's 2^31-1 ms, counts as
// 1 ms, as in Node (so setTimeout(f, 0) and setTimeout(g, 1) fire in the
// order they were set, after any setImmediate).
func (e *Engine) timerFunc(repeat bool) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		d := c.Argument(1).ToFloat()
		if math.IsNaN(d) || d < 1 || d > math.MaxInt32 {
			d = 1
		}
		return e.addTimer(c.Argument(0), time.Duration(d*float64(time.Millisecond)), repeat)
	}
}

// addTimer schedules a timer's callback and returns its id. Both of
// Postman's sandboxes call it with no arguments (the ones given after the
// delay are dropped) and take a callback that is not a function without
// complaint: nothing is scheduled and the id is undefined.
func (e *Engine) addTimer(cb goja.Value, d time.Duration, repeat bool) goja.Value {
	fn, ok := goja.AssertFunction(cb)
	if !ok {
		return goja.Undefined()
	}
	return e.rt.ToValue(e.loop.addTimer(fn, d, nil, repeat))
}

// installBinary adds the byte-level helpers: base64 strings, randomness,
// hashes, UTF-8 and ArrayBuffer detachment.
func (e *Engine) installBinary(set func(string, any)) {
	rt := e.rt
	// atob and btoa answer 1 (not correctly encoded) or 2 (invalid
	// character) for input Node refuses; the bootstrap turns those into
	// Postman's DOMException.
	set("atob", func(c goja.FunctionCall) goja.Value {
		s, code := atobString(c.Argument(0).String())
		if code != 0 {
			return rt.ToValue(code)
		}
		return rt.ToValue(s)
	})
	set("btoa", func(c goja.FunctionCall) goja.Value {
		b, ok := latin1.Encode(c.Argument(0).String())
		if !ok {
			return rt.ToValue(2)
		}
		return rt.ToValue(base64.StdEncoding.EncodeToString([]byte(b)))
	})
	set("randomBytes", func(n int) goja.ArrayBuffer {
		if n < 0 || n > 65536 {
			e.throw("RangeError", fmt.Sprintf("The ArrayBufferView's byte length (%d) exceeds the number of bytes of entropy available via this API (65536)", n))
		}
		b := make([]byte, n)
		e.randomRead(b)
		return rt.NewArrayBuffer(b)
	})
	set("randomUUID", e.newUUID)
	set("digest", func(alg string, data []byte) goja.ArrayBuffer {
		h := hashFor(alg)
		if h == nil {
			e.throw("Error", "Unrecognized algorithm name")
		}
		w := h()
		w.Write(data)
		return rt.NewArrayBuffer(w.Sum(nil))
	})
	set("hmac", func(alg string, key, data []byte) goja.ArrayBuffer {
		h := hashFor(alg)
		if h == nil {
			e.throw("Error", "Unrecognized algorithm name")
		}
		m := hmac.New(h, key)
		m.Write(data)
		return rt.NewArrayBuffer(m.Sum(nil))
	})
	set("utf8Encode", func(s string) goja.ArrayBuffer { return rt.NewArrayBuffer([]byte(s)) })
	set("detach", func(v goja.Value) {
		if ab, ok := v.Export().(goja.ArrayBuffer); ok {
			ab.Detach()
			e.refuseDetachedSlice()
		}
	})
	set("detached", func(v goja.Value) bool {
		ab, ok := v.Export().(goja.ArrayBuffer)
		return ok && ab.Detached()
	})
	// structuredClone refuses a Proxy, as V8's serializer does.
	// V8 names it after its target: [object Array], #<Map>, #<Object>.
	// "" for anything else (its export type: exporting would walk the
	// whole value).
	set("proxyName", func(v goja.Value) string {
		o, ok := v.(*goja.Object)
		if !ok || o.ExportType() != proxyType {
			return ""
		}
		p, _ := o.Export().(goja.Proxy)
		t := p.Target()
		if t == nil {
			return "#<Object>"
		}
		if t.ClassName() == "Array" {
			return "[object Array]"
		}
		if c, ok := t.Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && n.String() != "" {
				return "#<" + n.String() + ">"
			}
		}
		return "#<Object>"
	})
	set("utf8Decode", func(b []byte, fatal bool) string {
		if fatal && !utf8.Valid(b) {
			e.throwCode("TypeError", "The encoded data was not valid for encoding utf-8", "ERR_ENCODING_INVALID_ENCODED_DATA")
		}
		return whatwgutf8.Decode(string(b))
	})
}

// atobString decodes base64 text as atob does: ASCII whitespace is
// skipped, padding is optional but must be right where present. It
// returns the "binary string" (one UTF-16 unit per byte) and 0, or "" and
// 1 (not correctly encoded) or 2 (invalid character).
func atobString(s string) (string, int) {
	if code := atobCheck(s); code != 0 {
		return "", code
	}
	clean := strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (isBase64Space(byte(r)) || r == '=') {
			return -1
		}
		return r
	}, s)
	b, err := base64.RawStdEncoding.DecodeString(clean)
	if err != nil {
		return "", 1
	}
	u := make([]uint16, len(b))
	for i, c := range b {
		u[i] = uint16(c)
	}
	return string(utf16Latin(u)), 0
}

// atobCheck answers 2 for a character base64 has not (or one after the
// padding, or more than two "="), 1 for a length no encoding gives, else 0.
func atobCheck(s string) int {
	n, eq := 0, 0
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case isBase64Space(ch):
			continue
		case ch == '=':
			eq++
			if eq > 2 {
				return 2
			}
		case isBase64Digit(ch):
			if eq > 0 {
				return 2
			}
		default:
			return 2
		}
		n++
	}
	rem := n % 4
	if rem == 0 {
		rem = (n - eq) % 4
	} else if eq > 0 {
		return 2
	}
	if rem == 1 {
		return 1
	}
	return 0
}

// isBase64Space reports the ASCII whitespace atob skips.
func isBase64Space(ch byte) bool {
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r'
}

// isBase64Digit reports a digit of the standard base64 alphabet.
func isBase64Digit(ch byte) bool {
	return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '+' || ch == '/'
}

// installLazyClasses adds the web, URL and Intl classes, built on first
// use: each program evaluates to a factory called once per engine.
func (e *Engine) installLazyClasses(set func(string, any), g *goja.Object) {
	lazy := func(name string, prog func() (*goja.Program, error), args ...goja.Value) {
		var v goja.Value
		set(name, func() goja.Value {
			if v == nil {
				v = e.runFactory(prog, args...)
			}
			return v
		})
	}
	lazy("webClasses", webProgram, g, e.rt.GlobalObject())
	lazy("urlClasses", urlProgram, g)
	lazy("intl", intlProgram, g)
	lazy("nodeErrors", nodeErrorsProgram)
}

// installJSONHelpers adds what JSON.parse and JSON.stringify use: V8's
// error words, the depth limits, and the native fast paths, which answer
// jsonMiss where the script's own code must do the work.
func (e *Engine) installJSONHelpers(set func(string, any)) {
	rt := e.rt
	set("jsonError", func(c goja.FunctionCall) goja.Value { return rt.ToValue(v8JSONError(c.Argument(0).String())) })
	miss := rt.NewObject()
	set("jsonMiss", miss)
	set("maxJSONDepth", maxStringifyDepth)
	set("jsonTooDeep", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(jsondepth.Exceeds(c.Argument(0).String(), maxParseDepth))
	})
	// jsonSnapshot(value, limit, keys) returns a copy of plain data for
	// the native serializer, or jsonMiss (see depth.go). keys is a property
	// list of strings, already deduplicated, or null.
	set("jsonSnapshot", func(c goja.FunctionCall) goja.Value {
		var keys []string
		if o, ok := c.Argument(2).(*goja.Object); ok {
			n := o.Get("length").ToInteger()
			keys = make([]string, 0, n)
			for i := int64(0); i < n; i++ {
				keys = append(keys, o.Get(indexKey(i)).String())
			}
		}
		if v, ok := e.jsonSnapshot(c.Argument(0), int(c.Argument(1).ToInteger()), keys); ok {
			return v
		}
		return miss
	})
	set("jsonParse", func(c goja.FunctionCall) goja.Value {
		if v, ok := parseJSONFast(rt, c.Argument(0).String()); ok {
			return v
		}
		return miss
	})
}

// installAssertHelpers adds the native side of chai's fast assertions
// (fastassert.go, failure.go).
func (e *Engine) installAssertHelpers(set func(string, any)) {
	set("fastAssertInit", func(expectation, response, object, array *goja.Object, assertionError goja.Value) {
		e.fastProtos = &fastAssertProtos{expectation: expectation, response: response, object: object, array: array,
			assertionError: assertionError}
	})
	set("fastAssert", e.fastAssert)
	// assertionFailure throws chai's AssertionError for a failed fast
	// assertion when failure.go can word it; otherwise it returns and the
	// caller hands the assertion to chai.
	set("assertionFailure", func(c goja.FunctionCall) goja.Value {
		fa, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		// The assertion's first two arguments follow: no failure form
		// reads more.
		if err := e.assertionFailure(fa, c.Argument(1).String(), c.Arguments[min(2, len(c.Arguments)):]); err != nil {
			panic(err)
		}
		return goja.Undefined()
	})
	// self is a getter that returns its receiver: chai's chain words
	// (to, be, have...) read through it without entering the interpreter.
	set("self", func(c goja.FunctionCall) goja.Value { return c.This })
}

// installResponseGlobals adds responseGlobals, which takes [name, get,
// set] for each legacy response global (responseBody...), and
// setResponseGlobals, which defines them on the global object, as
// Object.defineProperty would (configurable, not enumerable), or deletes
// them.
func (e *Engine) installResponseGlobals(set func(string, any)) {
	rt := e.rt
	set("responseGlobals", func(c goja.FunctionCall) goja.Value {
		// The accessors are kept as the script values they are (not
		// exported), so the global's getters are the bootstrap's own.
		list := c.Argument(0).ToObject(rt)
		e.respGlobals = e.respGlobals[:0]
		for i := int64(0); i < list.Get("length").ToInteger(); i++ {
			t := list.Get(strconv.FormatInt(i, 10)).ToObject(rt)
			e.respGlobals = append(e.respGlobals, responseGlobal{t.Get("0").String(), t.Get("1"), t.Get("2")})
		}
		return goja.Undefined()
	})
	set("setResponseGlobals", func(c goja.FunctionCall) goja.Value {
		g := rt.GlobalObject()
		on := c.Argument(0).ToBoolean()
		for _, rg := range e.respGlobals {
			var err error
			if on {
				err = g.DefineAccessorProperty(rg.name, rg.get, rg.set, goja.FLAG_TRUE, goja.FLAG_FALSE)
			} else {
				err = g.Delete(rg.name)
			}
			if err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
}

// utf16Latin builds a Go string whose JS view has the given UTF-16 units
// (all < 256, so each is one rune).
func utf16Latin(u []uint16) []rune {
	r := make([]rune, len(u))
	for i, c := range u {
		r[i] = rune(c)
	}
	return r
}

func hashFor(alg string) func() hash.Hash {
	switch strings.ToUpper(strings.ReplaceAll(alg, "-", "")) {
	case "SHA1":
		return sha1.New
	case "SHA256":
		return sha256.New
	case "SHA384":
		return sha512.New384
	case "SHA512":
		return sha512.New
	}
	return nil
}

// jsonParser is JSON.parse's fast path: a strict JSON reader that builds
// goja values directly. goja's own JSON.parse reads through
// encoding/json's token API, which allocates per token and dominates a
// typical test script (pm.response.json()). Whatever this reader does not
// handle exactly as goja would (syntax errors, lone surrogates, very deep
// nesting) makes it give up, and the caller falls back to the native parse,
// which also produces the error.
type jsonParser struct {
	rt    *goja.Runtime
	s     string
	i     int
	depth int
	buf   []byte
}

// errJSONFallback aborts the fast path.
var errJSONFallback = errors.New("json: use the native parser")

const maxJSONDepth = 512

// parseJSONFast parses s, or reports false when the native parser must.
func parseJSONFast(rt *goja.Runtime, s string) (goja.Value, bool) {
	p := jsonParser{rt: rt, s: s}
	p.ws()
	v, err := p.value()
	if err != nil {
		return nil, false
	}
	p.ws()
	if p.i != len(p.s) {
		return nil, false
	}
	return v, true
}

func (p *jsonParser) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value() (goja.Value, error) {
	if p.i >= len(p.s) {
		return nil, errJSONFallback
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return p.rt.ToValue(s), nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case strings.HasPrefix(p.s[p.i:], "true"):
		p.i += 4
		return p.rt.ToValue(true), nil
	case strings.HasPrefix(p.s[p.i:], "false"):
		p.i += 5
		return p.rt.ToValue(false), nil
	case strings.HasPrefix(p.s[p.i:], "null"):
		p.i += 4
		return goja.Null(), nil
	}
	return nil, errJSONFallback
}

func (p *jsonParser) object() (goja.Value, error) {
	if p.depth++; p.depth > maxJSONDepth {
		return nil, errJSONFallback
	}
	defer func() { p.depth-- }()
	p.i++ // {
	o := p.rt.NewObject()
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return o, nil
	}
	for {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, errJSONFallback
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, errJSONFallback
		}
		p.i++
		p.ws()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		// Defined, not assigned: a "__proto__" key is an own property,
		// as JSON.parse makes it.
		if o.DefineDataProperty(k, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE) != nil {
			return nil, errJSONFallback
		}
		p.ws()
		if p.i >= len(p.s) {
			return nil, errJSONFallback
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.ws()
		case '}':
			p.i++
			return o, nil
		default:
			return nil, errJSONFallback
		}
	}
}

func (p *jsonParser) array() (goja.Value, error) {
	if p.depth++; p.depth > maxJSONDepth {
		return nil, errJSONFallback
	}
	defer func() { p.depth-- }()
	p.i++ // [
	var items []any
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return p.rt.NewArray(), nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		items = append(items, v)
		p.ws()
		if p.i >= len(p.s) {
			return nil, errJSONFallback
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.ws()
		case ']':
			p.i++
			return p.rt.NewArray(items...), nil
		default:
			return nil, errJSONFallback
		}
	}
}

// number reads JSON's number grammar exactly; goja keeps every number as
// a float64 (integral ones as ints), as ParseFloat gives it.
func (p *jsonParser) number() (goja.Value, error) {
	// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; anything else ("01",
	// "1.", "1e") is the native parser's to refuse.
	s, start := p.s, p.i
	i := start
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if j := skipDigits(s, i); j > i {
		i = j
	} else {
		return nil, errJSONFallback
	}
	if i < len(s) && s[i] == '.' {
		if j := skipDigits(s, i+1); j > i+1 {
			i = j
		} else {
			return nil, errJSONFallback
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if j := skipDigits(s, i); j > i {
			i = j
		} else {
			return nil, errJSONFallback
		}
	}
	p.i = i
	f, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil, errJSONFallback
	}
	return p.rt.ToValue(f), nil
}

// skipDigits returns where the run of ASCII digits at s[i] ends.
func skipDigits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// str reads a string literal at p.i (on its opening quote). A literal
// without escapes is a substring of the input; one with escapes is
// decoded by unescaped.
func (p *jsonParser) str() (string, error) {
	s := p.s
	i := p.i + 1
	start := i
	for i < len(s) {
		c := s[i]
		if c == '"' {
			p.i = i + 1
			return s[start:i], nil
		}
		if c == '\\' {
			return p.unescaped(start, i)
		}
		if c < 0x20 {
			return "", errJSONFallback
		}
		i++
	}
	return "", errJSONFallback
}

// unescaped reads the rest of a string literal whose text starts at start
// and whose first escape is at i, decoding it into p.buf.
func (p *jsonParser) unescaped(start, i int) (string, error) {
	s := p.s
	b := append(p.buf[:0], s[start:i]...)
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			p.i = i + 1
			p.buf = b
			return string(b), nil
		case c < 0x20:
			return "", errJSONFallback
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		var ok bool
		if b, i, ok = appendJSONEscape(b, s, i); !ok {
			return "", errJSONFallback
		}
	}
	return "", errJSONFallback
}

// jsonEscapes maps the character after a backslash to what it stands for
// (0: not a one-character escape).
var jsonEscapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// appendJSONEscape appends what the escape whose backslash is at s[i]
// stands for and returns the index after it, or false for an escape the
// native parser must judge.
func appendJSONEscape(b []byte, s string, i int) ([]byte, int, bool) {
	if i+1 >= len(s) {
		return b, i, false
	}
	i++
	if e := jsonEscapes[s[i]]; e != 0 {
		return append(b, e), i + 1, true
	}
	if s[i] != 'u' {
		return b, i, false
	}
	r, end, ok := jsonUnicodeEscape(s, i)
	if !ok {
		return b, i, false
	}
	return utf8.AppendRune(b, r), end, true
}

// jsonUnicodeEscape reads \uXXXX (i on the u), with the low half that must
// follow a high surrogate, and returns the character and the index after
// it. Only a complete pair is a character Go strings can hold; a lone
// surrogate is left to goja.
func jsonUnicodeEscape(s string, i int) (rune, int, bool) {
	r, ok := hex4(s, i+1)
	if !ok {
		return 0, 0, false
	}
	i += 4
	if utf16.IsSurrogate(r) {
		if r >= 0xdc00 || i+6 >= len(s) || s[i+1] != '\\' || s[i+2] != 'u' {
			return 0, 0, false
		}
		r2, ok := hex4(s, i+3)
		if !ok || r2 < 0xdc00 || r2 > 0xdfff {
			return 0, 0, false
		}
		i += 6
		r = utf16.DecodeRune(r, r2)
	}
	return r, i + 1, true
}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// boxedPrimitive reports whether o is a String, Number or Boolean object,
// which export as their primitive.
func boxedPrimitive(o *goja.Object) bool {
	switch o.ClassName() {
	case "String", "Number", "Boolean":
		return true
	}
	return false
}

// randomRead fills b from the run's seeded source, or crypto/rand.
func (e *Engine) randomRead(b []byte) {
	if e.opts.Random != nil {
		e.opts.Random.Read(b)
		return
	}
	_, _ = rand.Read(b)
}

// runFactory runs a compiled program that evaluates to a function and calls
// it with args. Errors are thrown into the script that needed the result.
func (e *Engine) runFactory(prog func() (*goja.Program, error), args ...goja.Value) goja.Value {
	p, err := prog()
	if err != nil {
		panic(err)
	}
	fv, err := e.rt.RunProgram(p)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fv)
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

// millis is a response time as scripts read it: whole milliseconds, as
// postman-runtime 7 gives it, or with the fraction Postman CLI's newer
// runtime gives (13.213076999999998).
func (e *Engine) millis(d time.Duration) float64 {
	if e.opts.CurrentSandbox {
		return float64(d) / float64(time.Millisecond)
	}
	return wholeMillis(d)
}

// wholeMillis is a response time as Postman gives it to scripts and reports:
// whole milliseconds (Node measures with Date.now()), rounded to the nearest.
func wholeMillis(d time.Duration) float64 {
	return math.Round(float64(d) / float64(time.Millisecond))
}
