package scripting

import (
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
}

// keepLive records v, just stored as scope's key, as the script's live
// value, or forgets the key when v is neither an object nor a number JSON
// cannot carry.
func (e *Engine) keepLive(st *execState, scope, key string, v goja.Value) {
	k := liveKey{scope, key}
	if _, ok := v.(*goja.Object); !ok && !nonFinite(v) {
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

// nonFinite is NaN or ±Infinity: stored as null (the JSON form), read as
// the number until the script ends.
func nonFinite(v goja.Value) bool {
	f, ok := v.Export().(float64)
	return ok && (math.IsNaN(f) || math.IsInf(f, 0))
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
		if _, isFn := goja.AssertFunction(lv); isFn {
			// postman-collection calls a function value and substitutes its
			// result as Variable#toString does: undefined is "", null "null".
			r := e.readLive(lv)
			if goja.IsUndefined(r) {
				return "", true
			}
			return r.String(), true
		}
		return lv.String(), true
	}
}

// settleLive carries the script's live values back as data when it ends,
// as they are then: a mutation after set shows, a function becomes null.
func (e *Engine) settleLive(st *execState) {
	for _, k := range st.liveOrder {
		lv, ok := st.live[k]
		if !ok {
			continue
		}
		sc := e.scope(k.scope)
		v, found := sc.Lookup(k.key)
		if !found || v.Value != lv.text || v.Type != lv.typ {
			continue
		}
		if _, isFn := goja.AssertFunction(lv.v); isFn {
			sc.SetTyped(k.key, "", environments.TypeNull)
			continue
		}
		sc.SetNative(k.key, e.nativeOf(lv.v))
	}
	st.live, st.liveOrder = nil, nil
}
