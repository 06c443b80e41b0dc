package scripting

import (
	"encoding/json"
	"math"

	"github.com/dop251/goja"

	"github.com/courier-run/courier/environments"
)

// Postman's variable scopes hold what a script sets as the live JavaScript
// value until the script ends: get returns the very object (a Date stays a
// Date, a later mutation shows), {{name}} inside the script substitutes
// String(value), and only when the script ends is the value carried back
// as JSON (a Date becomes its ISO text, a function null). courier stores
// the JSON form at once, for everything outside the script, and keeps the
// live value beside it for the rest of the script.

type liveKey struct{ scope, key string }

// liveVal is a live value and the variable the scope held right after it
// was set; the value is current while the scope still holds that.
type liveVal struct {
	v         goja.Value
	text, typ string
	// cast marks what a declared type made of the value set (cast.go in
	// environments): the script reads that, while the run keeps what the
	// value cast again after its JSON trip gives, so it is not settled.
	cast bool
	// read marks an object the script read (keepRead): a change to it is
	// the script's alone, so it is not settled either.
	read bool
}

// keepLive records v, just stored as scope's key, as the script's live
// value, or forgets the key when v is neither an object, a Symbol nor a
// number JSON cannot carry.
func (e *Engine) keepLive(st *execState, scope, key string, v goja.Value) {
	k := liveKey{scope, key}
	_, sym := v.(*goja.Symbol)
	if _, ok := v.(*goja.Object); !ok && !nonFinite(v) && !sym {
		if st.live != nil {
			delete(st.live, k)
		}
		return
	}
	stored, found := e.scope(scope).Lookup(key)
	if !found {
		return
	}
	if st.live == nil {
		st.live = map[liveKey]liveVal{}
		st.liveOrder = nil
	}
	if _, seen := st.live[k]; !seen {
		st.liveOrder = append(st.liveOrder, k)
	}
	st.live[k] = liveVal{v: v, text: stored.Value, typ: stored.Type}
}

// keepRead makes jv, the object a script just read as scope's variable v,
// that variable's live value for the rest of the script: Postman's scope
// (made from the iteration data, or from what earlier scripts stored)
// hands out the very object on every read, so a change to it shows in
// later reads, in toObject and in the legacy data object, while nothing
// carries the change back to the run (fresh-round11p-h.json).
func (e *Engine) keepRead(scope string, v environments.Variable, jv goja.Value) {
	st := e.cur
	if _, ok := jv.(*goja.Object); !ok || st == nil || scope == "" || v.Declared != "" {
		// A declared object or array type holds its text and casts it
		// afresh on every read, as postman-collection's Variable does.
		return
	}
	k := liveKey{scope, v.Key}
	if st.live == nil {
		st.live = map[liveKey]liveVal{}
		st.liveOrder = nil
	}
	if _, seen := st.live[k]; !seen {
		st.liveOrder = append(st.liveOrder, k)
	}
	st.live[k] = liveVal{v: jv, text: v.Value, typ: v.Type, read: true}
}

// nonFinite is NaN or ±Infinity, stored as null (the JSON form), or -0,
// stored as 0: each reads as the number itself until the script ends.
func nonFinite(v goja.Value) bool {
	f, ok := v.Export().(float64)
	return ok && (math.IsNaN(f) || math.IsInf(f, 0) || f == 0 && math.Signbit(f))
}

// liveValue is the live value behind scope's variable v, if it is still
// the one the script set.
func (e *Engine) liveValue(scope string, v environments.Variable) (goja.Value, bool) {
	st := e.cur
	if st == nil || st.live == nil {
		return nil, false
	}
	lv, ok := st.live[liveKey{scope, v.Key}]
	if !ok || lv.text != v.Value || lv.typ != v.Type {
		return nil, false
	}
	return lv.v, true
}

// readLive is what get returns for a live value: postman-collection calls
// a function value and returns its result.
func (e *Engine) readLive(v goja.Value) goja.Value {
	if fn, ok := goja.AssertFunction(v); ok {
		r, err := fn(goja.Undefined())
		if err != nil {
			panic(err)
		}
		return r
	}
	return v
}

// scopeOrder is the precedence of pm.variables, highest first.
var scopeOrder = [...]string{"local", "data", "environment", "collection", "globals"}

// winningScope names the scope pm.variables reads key from.
func (e *Engine) winningScope(key string) string {
	x := e.state().x
	if x.Scopes == nil {
		return ""
	}
	for _, name := range scopeOrder {
		sc := e.scope(name)
		if name == "data" && x.Data != nil {
			sc = x.Data
		}
		if _, ok := sc.Lookup(key); ok {
			return name
		}
	}
	return ""
}

// liveText is {{name}}'s substitution inside the script when the variable
// that wins holds a live value (scope "" for pm.variables' precedence).
func (e *Engine) liveText(scope string) func(name string) (string, bool) {
	st := e.cur
	if st == nil || len(st.live) == 0 {
		return nil
	}
	return func(name string) (string, bool) {
		sc := scope
		if sc == "" {
			sc = e.winningScope(name)
		}
		v, ok := e.scope(sc).Lookup(name)
		if !ok {
			return "", false
		}
		lv, ok := e.liveValue(sc, v)
		if !ok {
			return "", false
		}
		if goja.IsUndefined(lv) {
			return "", true // Variable#toString of undefined
		}
		if _, isFn := goja.AssertFunction(lv); isFn {
			// postman-collection calls a function value and substitutes its
			// result as Variable#toString does: undefined is "", null "null".
			r := e.readLive(lv)
			if goja.IsUndefined(r) {
				return "", true
			}
			return r.String(), true
		}
		if sym, ok := lv.(*goja.Symbol); ok {
			return "Symbol(" + sym.String() + ")", true // as String(Symbol("s")) gives it
		}
		return lv.String(), true
	}
}

// settleLive carries the script's live values back as data when it ends,
// as they are then: a mutation after set shows, a function becomes null.
func (e *Engine) settleLive(st *execState) {
	for _, k := range st.liveOrder {
		lv, ok := st.live[k]
		if !ok || lv.cast || lv.read {
			continue
		}
		sc := e.scope(k.scope)
		v, found := sc.Lookup(k.key)
		if !found || v.Value != lv.text || v.Type != lv.typ {
			continue
		}
		if _, isFn := goja.AssertFunction(lv.v); isFn {
			// A function leaves as JSON carries it (null), but Newman's
			// local variables go back through postman-collection's
			// toJSON, which clones a function as {}.
			if k.scope == "local" && !e.opts.CurrentSandbox {
				sc.SetNative(k.key, json.RawMessage("{}"))
			} else {
				sc.SetTyped(k.key, "", environments.TypeNull)
			}
			continue
		}
		if _, sym := lv.v.(*goja.Symbol); sym && k.scope == "local" && !e.opts.CurrentSandbox {
			// That clone drops a Symbol: the variable reads undefined.
			sc.SetTyped(k.key, "", environments.TypeUndefined)
			continue
		}
		sc.SetNative(k.key, e.nativeOf(lv.v))
	}
	st.live, st.liveOrder = nil, nil
}

// declared reports whether scope's variable key casts what is set to a
// declared type.
func (e *Engine) declared(scope, key string) bool {
	v, ok := e.scope(scope).Lookup(key)
	return ok && v.Declared != ""
}

// setDeclared is set() on a variable with a declared type. The run stores
// the value as postman-runtime applies the script's change: the value
// after its JSON trip (NaN and undefined as null), cast. The script itself
// reads what the cast made of the value as it was (Number(undefined) is
// NaN, String(NaN) "NaN") for as long as the variable holds it.
func (e *Engine) setDeclared(scope, key string, arg goja.Value) {
	sc := e.scope(scope)
	d, _ := sc.Lookup(key)
	sc.SetNative(key, e.nativeOf(arg))
	st := e.cur
	if st == nil {
		return
	}
	k := liveKey{scope, key}
	delete(st.live, k)
	var now goja.Value
	switch d.Declared {
	case environments.TypeNumber:
		now = e.rt.ToValue(arg.ToNumber())
	case environments.TypeString:
		now = e.rt.ToValue(e.jsString(arg))
	case environments.TypeBoolean:
		now = e.rt.ToValue(arg.ToBoolean())
	default:
		// Object and array are read back from their text; only a value
		// JSON.stringify leaves undefined is held as undefined (the run
		// holds "null", from the value's JSON trip).
		if _, isFn := goja.AssertFunction(arg); !isFn && !goja.IsUndefined(arg) {
			return
		}
		now = goja.Undefined()
	}
	stored, _ := sc.Lookup(key)
	if now.SameAs(e.toJSValue(stored)) && now != goja.Undefined() {
		return
	}
	if st.live == nil {
		st.live = map[liveKey]liveVal{}
		st.liveOrder = nil
	}
	st.liveOrder = append(st.liveOrder, k)
	st.live[k] = liveVal{v: now, text: stored.Value, typ: stored.Type, cast: true}
}

// jsString is String(v), as JavaScript makes it.
func (e *Engine) jsString(v goja.Value) string {
	fn, _ := goja.AssertFunction(e.rt.Get("String"))
	r, err := fn(goja.Undefined(), v)
	if err != nil {
		panic(err)
	}
	return r.String()
}
