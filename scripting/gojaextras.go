package scripting

import (
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// goja implements a few built-in members that Postman CLI 1.34's V8 (Node
// 24) does not have: a script feature-testing `Uint8Array.fromBase64` or
// `JSON.rawJSON` must take the same branch as under Postman, and a listing
// of a built-in's keys must read the same. They are deleted here. The lists
// come from the probe in builtins_test.go, run under Postman CLI.

// hideGojaExtrasNow deletes the extras on objects every engine already
// builds (the bootstrap uses JSON), which costs nothing.
func (e *Engine) hideGojaExtrasNow() {
	j := e.rt.Get("JSON").ToObject(e.rt)
	_ = j.Delete("rawJSON")
	_ = j.Delete("isRawJSON")
	// Postman's JSON has no Symbol.toStringTag: String(JSON) is [object Object].
	_ = j.DeleteSymbol(goja.SymToStringTag)
	// goja's constructor for wrapped Go errors is a global; V8 has none
	// (typeof GoError is 'undefined' under Postman). goja keeps its own
	// reference, so Go errors still throw as before.
	_ = e.rt.GlobalObject().Delete("GoError")
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
var gojaExtraWords = []string{"Base64", "Hex", "BigInt", "ownKeys", "getOwnProperty", "Function(", "eval(", "prepareStackTrace",
	// js/parts/annexb.js
	"etter__", "getYear", "setYear", "toGMTString", ".anchor(", ".big(", ".blink(", ".bold(", ".fixed(", ".fontcolor(",
	".fontsize(", ".italics(", ".link(", ".small(", ".strike(", ".sub(", ".sup(", "f16round", "Float16",
	// intl_case.go
	"toLocaleLowerCase", "toLocaleUpperCase"}

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
	e.fixPrepareStackTrace()
	e.installAnnexB()
	e.installLocaleCase()
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

// Postman's sandboxes (Postman CLI's and Newman's) fix Error.prepareStackTrace
// to a function of their own, neither writable nor configurable, so a
// script's `Error.prepareStackTrace = hook` is ignored (a TypeError in
// strict code) and the hook never runs. Its text differs by one name. Like
// the members above, it is put in place when a script could see it.
// Its name is "value": Postman defines it from a descriptor's literal.
var prepareStackTrace = [2]string{
	"({value:function(e,t){let n=`Error: ${e&&e.message}`;for(let a=0;a<(t&&t.length);a++)n+=`\\n    at ${t[a]}`;return n}}).value",
	"({value:function(e,t){let n=`Error: ${e&&e.message}`;for(let r=0;r<(t&&t.length);r++)n+=`\\n    at ${t[r]}`;return n}}).value",
}

var prepareStackPrograms = [2]func() (*goja.Program, error){
	sync.OnceValues(func() (*goja.Program, error) { return goja.Compile("", prepareStackTrace[0], false) }),
	sync.OnceValues(func() (*goja.Program, error) { return goja.Compile("", prepareStackTrace[1], false) }),
}

func (e *Engine) fixPrepareStackTrace() {
	variant := 0
	if e.opts.CurrentSandbox {
		variant = 1
	}
	prog, err := prepareStackPrograms[variant]()
	if err != nil {
		return // a constant: the tests compile it
	}
	fn, err := e.rt.RunProgram(prog)
	if err != nil {
		return
	}
	if ctor, ok := e.rt.Get("Error").(*goja.Object); ok {
		_ = ctor.DefineDataProperty("prepareStackTrace", fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
}

// installAnnexB runs js/parts/annexb.js: legacy members V8 has and goja
// lacks, added when a script could reach them.
func (e *Engine) installAnnexB() {
	fn, ok := goja.AssertFunction(e.part("annexb"))
	if !ok {
		return
	}
	_, _ = fn(goja.Undefined(), goja.Undefined())
}
