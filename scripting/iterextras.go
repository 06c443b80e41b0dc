package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// Symbol.dispose and Symbol.asyncDispose (explicit resource management,
// which Postman CLI 1.34's V8 has: `using` declarations run there) are on
// every engine: js/parts/rewrites.js and scripts feature-testing them read
// them, and two symbols cost nothing. Like V8's well-known symbols they are
// neither writable nor configurable.
func (e *Engine) addDisposeSymbols() {
	sym, ok := e.rt.Get("Symbol").(*goja.Object)
	if !ok {
		return
	}
	_ = sym.DefineDataProperty("dispose", goja.NewSymbol("Symbol.dispose"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = sym.DefineDataProperty("asyncDispose", goja.NewSymbol("Symbol.asyncDispose"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// iteratorExtraWords are what a script needs to reach the members
// js/parts/iterator.js adds to %Iterator.prototype%: Postman's sandbox has
// no Iterator global, so only through a prototype chain, a constructor, a
// tag or a listing of own keys.
var iteratorExtraWords = []string{"dispose", "Dispose", "toStringTag", "constructor", "getPrototypeOf", "__proto__",
	"ownKeys", "getOwnProperty", "Iterator", "using", "Function(", "eval("}

func mayMeetIteratorExtras(src string) bool {
	for _, w := range iteratorExtraWords {
		if strings.Contains(src, w) {
			return true
		}
	}
	return false
}

// installIteratorExtras runs js/parts/iterator.js with a native Iterator
// constructor (it prints as V8's and cannot be called, only extended).
func (e *Engine) installIteratorExtras() {
	e.iteratorExtras = true
	rt := e.rt
	arr := rt.NewArray()
	values, ok := goja.AssertFunction(arr.GetSymbol(goja.SymIterator))
	if !ok {
		return
	}
	it, err := values(arr)
	if err != nil {
		return
	}
	ip := it.ToObject(rt).Prototype()
	if ip == nil || ip.Prototype() == nil {
		return
	}
	ip = ip.Prototype()
	fn, ok := goja.AssertFunction(e.part("iterator"))
	if !ok {
		return
	}
	ctor := rt.ToValue(func(c goja.ConstructorCall) *goja.Object {
		// goja tells a native constructor no new.target for `new
		// Iterator()` (nor a call from it): only a subclass's is set.
		if c.NewTarget == nil {
			panic(rt.NewTypeError("Abstract class Iterator not directly constructable"))
		}
		return nil
	}).(*goja.Object)
	_ = ctor.DefineDataProperty("length", rt.ToValue(0), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = ctor.DefineDataProperty("name", rt.ToValue("Iterator"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = ctor.DefineDataProperty("prototype", ip, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	b := rt.NewObject()
	_ = b.Set("IP", ip)
	_ = b.Set("ctor", ctor)
	_, _ = fn(goja.Undefined(), b)
}

// mayUseWeakCollections: js/parts/weak.js (symbol keys, V8's refusals) is
// for scripts that name WeakMap or WeakSet.
func mayUseWeakCollections(src string) bool {
	return strings.Contains(src, "WeakMap") || strings.Contains(src, "WeakSet")
}

// installWeakCollections runs js/parts/weak.js once per engine.
func (e *Engine) installWeakCollections() {
	e.weakInstalled = true
	if fn, ok := goja.AssertFunction(e.part("weak")); ok {
		_, _ = fn(goja.Undefined())
	}
}
