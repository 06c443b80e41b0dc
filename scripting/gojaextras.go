package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// goja implements a few built-in members that Postman CLI 1.34's V8 (Node
// 24) does not have: a script feature-testing `Uint8Array.fromBase64` or
// `JSON.rawJSON` must take the same branch as under Postman, and a listing
// of a built-in's keys must read the same. They are deleted here. The lists
// come from the probe in builtins_test.go, run under Postman CLI.

// gojaExtrasNow are on objects every engine already builds (the bootstrap
// uses JSON), so deleting them costs nothing.
func (e *Engine) hideGojaExtrasNow() {
	j := e.rt.Get("JSON").ToObject(e.rt)
	_ = j.Delete("rawJSON")
	_ = j.Delete("isRawJSON")
	// Postman's JSON has no Symbol.toStringTag: String(JSON) is [object Object].
	_ = j.DeleteSymbol(goja.SymToStringTag)
}

// gojaExtrasLater are on objects goja builds on first use; building them
// for every run would cost start-up, so they go when this engine first runs
// a script that could see them (mayMeetGojaExtras).
var gojaExtrasLater = []struct {
	path  []string
	names []string
}{
	{[]string{"Uint8Array"}, []string{"fromBase64", "fromHex"}},
	{[]string{"Uint8Array", "prototype"}, []string{"setFromBase64", "setFromHex", "toBase64", "toHex"}},
	// goja's BigInt.prototype carries a function's length and name.
	{[]string{"BigInt", "prototype"}, []string{"length", "name"}},
}

// gojaExtraWords are the words a script needs to reach a member of
// gojaExtrasLater: its name, the constructor's, or a listing of own keys
// (the members are not enumerable). Function( and eval( build code the
// scan cannot read.
var gojaExtraWords = []string{"Base64", "Hex", "BigInt", "ownKeys", "getOwnProperty", "Function(", "eval("}

func mayMeetGojaExtras(src string) bool {
	for _, w := range gojaExtraWords {
		if strings.Contains(src, w) {
			return true
		}
	}
	return false
}

func (e *Engine) hideGojaExtrasLater() {
	e.gojaExtrasHidden = true
	for _, x := range gojaExtrasLater {
		o := e.rt.GlobalObject()
		for _, p := range x.path {
			if o, _ = o.Get(p).(*goja.Object); o == nil {
				break // a script replaced it: nothing of goja's to hide
			}
		}
		for _, n := range x.names {
			if o == nil {
				break
			}
			_ = o.Delete(n)
		}
	}
}
