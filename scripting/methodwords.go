package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// Where a built-in reads a method of its argument (String.prototype.match
// reads Symbol.match, BigInt and new Date Symbol.toPrimitive, a collection
// constructor its own set or add) and finds a value that is not callable,
// goja says "5 is not a method"; V8 names the property and its holder:
// "'5' returned for property 'Symbol(Symbol.match)' of object '#<Object>'
// is not a function". The built-ins are wrapped (nativewords.go) in
// engines whose scripts could set such a property: their text names a
// well-known symbol or extends a class. The operators' own refusals
// ("number 5 is not a function") are worded from the message (v8msg.go).

// mayMeetMethodWords is the cheap look at a script's text.
func mayMeetMethodWords(src string) bool {
	return strings.Contains(src, "Symbol.") || strings.Contains(src, "extends")
}

// installMethodWords wraps the built-ins (once per engine).
func (e *Engine) installMethodWords() {
	e.methodWordsInstalled = true
	if s, ok := e.rt.Get("String").(*goja.Object); ok {
		if proto, ok := s.Get("prototype").(*goja.Object); ok {
			for name, sym := range map[string]*goja.Symbol{"match": goja.SymMatch, "search": goja.SymSearch, "replaceAll": goja.SymReplace} {
				e.wrapNativeWords(proto.Get(name), returnedForWords(sym, "Symbol(Symbol."+strings.TrimSuffix(name, "All")+")"))
			}
		}
	}
	for _, name := range [...]string{"BigInt", "Date"} {
		e.wrapNativeWords(e.rt.Get(name), returnedForWords(goja.SymToPrimitive, "Symbol(Symbol.toPrimitive)"))
	}
	if d, ok := e.rt.Get("Date").(*goja.Object); ok {
		if proto, ok := d.Get("prototype").(*goja.Object); ok {
			e.wrapNativeWords(proto.GetSymbol(goja.SymToPrimitive), func(msg string, _ []goja.Value) string {
				if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok {
					return "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver " + x
				}
				return ""
			})
		}
	}
	for name, adder := range map[string]string{"Map": "set", "WeakMap": "set", "Set": "add", "WeakSet": "add"} {
		e.adderWords(e.rt.Get(name), adder)
	}
}

// returnedForWords words the refusal of a built-in that read the method
// sym (named prop) of its first argument.
func returnedForWords(sym *goja.Symbol, prop string) func(string, []goja.Value) string {
	return func(msg string, args []goja.Value) string {
		x, ok := strings.CutSuffix(msg, gojaNotAMethod)
		if !ok || len(args) == 0 {
			return ""
		}
		o, ok := args[0].(*goja.Object)
		if !ok || !notCallableMember(o.GetSymbol(sym)) {
			return ""
		}
		return returnedFor(x, prop, o)
	}
}

// adderWords: a collection constructor (ctor) whose object's adder (set or
// add, read from the subclass's prototype) is not callable.
func (e *Engine) adderWords(ctor goja.Value, adder string) {
	obj, ok := ctor.(*goja.Object)
	if !ok {
		return
	}
	hookNativeConstruct(obj, func(orig nativeConstruct) nativeConstruct {
		return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
			defer func() {
				r := recover()
				if r == nil {
					return
				}
				var proto *goja.Object
				if newTarget != nil {
					proto, _ = newTarget.Get("prototype").(*goja.Object)
				}
				words := func(msg string, _ []goja.Value) string {
					x, ok := strings.CutSuffix(msg, gojaNotAMethod)
					if !ok || proto == nil || !notCallableMember(proto.Get(adder)) {
						return ""
					}
					return returnedFor(x, adder, proto)
				}
				e.rewordPanic(r, nil, words)
			}()
			return orig(args, newTarget)
		}
	})
}

// notCallableMember: v is there (not undefined or null) and not callable.
func notCallableMember(v goja.Value) bool {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return false
	}
	_, callable := goja.AssertFunction(v)
	return !callable
}

// returnedFor is V8's words for the value x (as a string) of property
// prop of holder o that is not a function; o is named by its class.
func returnedFor(x, prop string, o *goja.Object) string {
	name := "Object"
	if c, ok := o.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			name = n.String()
		}
	}
	return "'" + x + "' returned for property '" + prop + "' of object '#<" + name + ">' is not a function"
}
