package scripting

import (
	"math"
	"reflect"
	"runtime"
	"strings"

	"github.com/dop251/goja"
)

// Built-in methods whose refusals goja words otherwise than V8, reworded
// where they are thrown: the method's [[Call]] (and a constructor's
// [[Construct]]) is wrapped, so the words follow the built-in whatever
// name, alias, call/apply or subclass reaches it, with the arguments it
// was given at hand (`new AggregateError(5)`: "number 5 is not
// iterable …", which no reading of the source could print). Installed per
// engine for scripts whose text names one of them.

// nativeWordNames are the words a script must contain for the hooks to
// matter: the methods' names (an alias still names the method where it is
// taken).
var nativeWordNames = []string{"with", "AggregateError", "from", "union", "intersection", "ifference",
	"isSubsetOf", "isSupersetOf", "isDisjointFrom", "all", "race", "BigInt", "Error.prototype.toString", "setPrototypeOf", "__proto__", "defineProperty", "getPrototypeOf"}

// mayMeetNativeWords is the cheap look at a script's text.
func mayMeetNativeWords(src string) bool {
	for _, w := range nativeWordNames {
		if strings.Contains(src, w) {
			return true
		}
	}
	return false
}

// notIterableNoLoad is V8's words for a value whose Symbol.iterator a
// built-in could not read or call, the value printed by its type.
func notIterableNoLoad(v goja.Value) string {
	return v8TypedValue(v) + notIterableTail
}

// installNativeWords wraps the built-ins (once per engine).
func (e *Engine) installNativeWords() {
	e.nativeWords = true
	if arr, ok := e.rt.Get("Array").(*goja.Object); ok {
		if proto, ok := arr.Get("prototype").(*goja.Object); ok {
			e.wrapNativeWords(proto.Get("with"), withWords)
		}
		e.wrapNativeWords(arr.Get("from"), e.arrayFromWords)
		e.standInFirstArgument(arr.Get("from"))
	}
	e.wrapNativeWords(e.rt.Get("AggregateError"), e.aggregateWords)
	e.standInFirstArgument(e.rt.Get("AggregateError"))
	if set, ok := e.rt.Get("Set").(*goja.Object); ok {
		if proto, ok := set.Get("prototype").(*goja.Object); ok {
			has, values := proto.Get("has"), proto.Get("values")
			for name := range setRecordMethods {
				e.wrapNativeWords(proto.Get(name), e.setRecordWords(name))
				e.setRecordArgument(proto, has, values, proto.Get(name))
			}
		}
	}
	if p, ok := e.rt.Get("Promise").(*goja.Object); ok {
		for _, name := range [...]string{"all", "allSettled", "race"} {
			e.promiseCombinator(p.Get(name))
		}
	}
	e.wrapNativeWords(e.rt.Get("BigInt"), bigIntWords)
	if ep := e.builtinProto("Error"); ep != nil {
		e.wrapNativeWords(ep.Get("toString"), errorToStringWords)
	}
	e.installPrototypeWords()
}

// goja's refusals of a proxy trap's false, which V8 follows with the
// property.
const (
	gojaProxySetProto = "'setPrototypeOf' on proxy: trap returned falsish"
	gojaProxyDefine   = "'defineProperty' on proxy: trap returned falsish"
)

// proxyDefineWords names the property a proxy's defineProperty trap
// refused, from Object.defineProperty's key or Object.defineProperties'
// first key (the first it defines).
func (e *Engine) proxyDefineWords(several bool) func(string, []goja.Value) string {
	return func(msg string, args []goja.Value) string {
		if msg != gojaProxyDefine || len(args) < 2 {
			return ""
		}
		key := args[1]
		if several {
			o, ok := key.(*goja.Object)
			if !ok {
				return ""
			}
			keys := o.Keys()
			if len(keys) == 0 {
				return ""
			}
			key = e.rt.ToValue(keys[0])
		}
		if sym, ok := key.(*goja.Symbol); ok {
			return msg + " for property 'Symbol(" + sym.String() + ")'"
		}
		return msg + " for property '" + key.String() + "'"
	}
}

// proxyProtoWords: a proxy's getPrototypeOf trap that returned neither an
// object nor null, met by Object.getPrototypeOf, Reflect.getPrototypeOf or
// isPrototypeOf of an object (goja: "Value is not an object: 5"; a
// primitive argument is refused before, or not at all).
func proxyProtoWords(msg string, args []goja.Value) string {
	if len(args) == 0 || !strings.HasPrefix(msg, gojaNotAnObject) {
		return ""
	}
	if _, ok := args[0].(*goja.Object); !ok {
		return ""
	}
	return "'getPrototypeOf' on proxy: trap returned neither object nor null"
}

// installPrototypeWords words a new prototype refused by an object that is
// not extensible as V8 does (#<Object>, [object Array], a function's
// source): goja printed the object through its toString, which for a
// null-prototype object printed a Go panic.
func (e *Engine) installPrototypeWords() {
	words := func(this goja.Value) func(string, []goja.Value) string {
		return func(msg string, args []goja.Value) string {
			o := this
			if o == nil && len(args) > 0 {
				o = args[0]
			}
			if msg == gojaProxySetProto {
				return msg + " for property 'undefined'" // V8's words, its 'undefined' too
			}
			if _, isObj := o.(*goja.Object); !isObj || !strings.HasSuffix(msg, " is not extensible") || strings.HasPrefix(msg, "Cannot ") {
				return ""
			}
			return e.v8Printed(o) + " is not extensible"
		}
	}
	if obj, ok := e.rt.Get("Object").(*goja.Object); ok {
		e.wrapNativeWords(obj.Get("getPrototypeOf"), proxyProtoWords)
		e.wrapNativeWords(obj.Get("setPrototypeOf"), words(nil))
		e.wrapNativeWords(obj.Get("defineProperty"), e.proxyDefineWords(false))
		e.wrapNativeWords(obj.Get("defineProperties"), e.proxyDefineWords(true))
	}
	if r, ok := e.rt.Get("Reflect").(*goja.Object); ok {
		e.wrapNativeWords(r.Get("getPrototypeOf"), proxyProtoWords)
	}
	proto := e.builtinProto("Object")
	if proto == nil {
		return
	}
	e.wrapNativeWords(proto.Get("isPrototypeOf"), proxyProtoWords)
	d, ok := e.rt.Get("Object").(*goja.Object).Get("getOwnPropertyDescriptor").(*goja.Object)
	if !ok {
		return
	}
	get, _ := goja.AssertFunction(d)
	desc, err := get(nil, proto, e.rt.ToValue("__proto__"))
	if err != nil || goja.IsUndefined(desc) {
		return
	}
	setter, ok := desc.ToObject(e.rt).Get("set").(*goja.Object)
	if !ok {
		return
	}
	hookNativeCall(setter, func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			defer e.rewordOnTheWayOut(c.Arguments, words(c.This))
			return orig(c)
		}
	})
}

// bigIntWords: goja drops a symbol's description where BigInt refuses it
// ("Cannot convert Symbol to a BigInt"); V8 prints the symbol.
func bigIntWords(msg string, args []goja.Value) string {
	if msg != "Cannot convert Symbol to a BigInt" || len(args) == 0 {
		return ""
	}
	if sym, ok := args[0].(*goja.Symbol); ok {
		return "Cannot convert Symbol(" + sym.String() + ") to a BigInt"
	}
	return ""
}

// errorToStringWords: Error.prototype.toString on a primitive (goja:
// "Value is not an object: 1").
func errorToStringWords(msg string, _ []goja.Value) string {
	if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok {
		return "Method Error.prototype.toString called on incompatible receiver " + x
	}
	return ""
}

// standInFirstArgument makes the built-in v hand its first argument to
// goja as iterableStandIn does, so a script's iterator that gives no
// objects is refused in V8's words.
func (e *Engine) standInFirstArgument(v goja.Value) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return
	}
	hookNativeCall(obj, func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			if len(c.Arguments) > 0 {
				c.Arguments[0] = e.iterableStandIn(c.Arguments[0])
			}
			return orig(c)
		}
	})
	hookNativeConstruct(obj, func(orig nativeConstruct) nativeConstruct {
		return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
			if len(args) > 0 {
				args[0] = e.iterableStandIn(args[0])
			}
			return orig(args, newTarget)
		}
	})
}

// promiseCombinator hooks Promise.all, allSettled or race (v): a value
// that is not iterable rejects in V8's words ("number 5 is not iterable
// (cannot read property Symbol(Symbol.iterator))"; goja's: "object is not
// iterable"), and an iterable goes as iterableStandIn hands it on, its
// Symbol.iterator read once.
func (e *Engine) promiseCombinator(v goja.Value) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return
	}
	hookNativeCall(obj, func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			items := c.Argument(0)
			ctor, isObj := c.This.(*goja.Object)
			if _, callable := goja.AssertFunction(c.This); !isObj || !callable || goja.IsString(items) {
				return orig(c)
			}
			if !goja.IsUndefined(items) && !goja.IsNull(items) {
				o := items.ToObject(e.rt)
				fv := o.GetSymbol(goja.SymIterator)
				if f, ok := goja.AssertFunction(fv); ok {
					if fo, ok := fv.(*goja.Object); !ok || !isGojaNative(fo) {
						items = e.iterateOnce(items, o, fv, f, iterForOf)
					}
					return orig(goja.FunctionCall{This: c.This, Arguments: []goja.Value{items}})
				}
			}
			reject, ok := goja.AssertFunction(ctor.Get("reject"))
			if !ok {
				return orig(c)
			}
			r, err := reject(ctor, e.newError("TypeError", notIterableNoLoad(items)))
			if err != nil {
				panic(err)
			}
			return r
		}
	})
}

// setRecordArgument makes the Set method m read its argument as V8's
// GetSetRecord does, in V8's words, before goja's reading (which takes a
// size of -Infinity for 0, +Infinity for 0 too, and words a keys method's
// result that is no object as any other value): size, has and keys are
// read once, in that order, and goja is handed a record of them whose keys
// method checks its iterator. A Set of the built-in kind goes as it is
// (goja's own fast path).
func (e *Engine) setRecordArgument(proto *goja.Object, has, values, m goja.Value) {
	obj, ok := m.(*goja.Object)
	if !ok {
		return
	}
	hookNativeCall(obj, func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			if len(c.Arguments) > 0 {
				c.Arguments[0] = e.setRecordOf(c.Arguments[0], proto, has, values)
			}
			return orig(c)
		}
	})
}

func (e *Engine) setRecordOf(v goja.Value, proto *goja.Object, setHas, setValues goja.Value) goja.Value {
	o, ok := v.(*goja.Object)
	if !ok {
		return v // goja refuses it; setRecordWords words it
	}
	n := o.Get("size")
	if n == nil {
		n = goja.Undefined()
	}
	num := n.ToNumber().ToFloat()
	if math.IsNaN(num) {
		e.throw("TypeError", "The .size property is NaN")
	}
	size := math.Trunc(num)
	if size < 0 {
		e.throw("RangeError", "'"+e.rt.ToValue(size).String()+"' is an invalid size")
	}
	has := o.Get("has")
	hasFn, ok := goja.AssertFunction(has)
	if !ok {
		e.throw("TypeError", `string "has" is not a function`)
	}
	keys := o.Get("keys")
	keysFn, ok := goja.AssertFunction(keys)
	if !ok {
		e.throw("TypeError", `string "keys" is not a function`)
	}
	if has == setHas && keys == setValues && o.Prototype() == proto {
		return v
	}
	rec := e.rt.NewObject()
	// +Infinity, and sizes past 2^53, as 2^53: no Set is that large, and
	// goja holds larger integers as doubles it converts to int unchecked.
	sz := int64(1 << 53)
	if size < 1<<53 {
		sz = int64(size)
	}
	_ = rec.Set("size", sz)
	_ = rec.Set("has", e.callOn(o, hasFn))
	_ = rec.Set("keys", func(goja.FunctionCall) goja.Value {
		it, err := keysFn(o)
		if err != nil {
			panic(err)
		}
		return e.checkedIterator(it, keysResult)
	})
	return rec
}

// withWords: V8 puts a colon after "Invalid index" (`[1].with(5, 1)`).
func withWords(msg string, _ []goja.Value) string {
	if n, ok := strings.CutPrefix(msg, "Invalid index "); ok {
		return "Invalid index : " + n
	}
	return ""
}

// arrayFromWords: Array.from(null) reads Symbol.iterator of null in V8
// (goja converts it to an object first), and names the property V8
// found not callable.
func (e *Engine) arrayFromWords(msg string, args []goja.Value) string {
	items := goja.Undefined()
	if len(args) > 0 {
		items = args[0]
	}
	switch {
	case msg == gojaConvert && (goja.IsUndefined(items) || goja.IsNull(items)):
		return notIterableNoLoad(items)
	case strings.HasSuffix(msg, " is not a method") && !nonCallableIterator(items):
		return ""
	case strings.HasSuffix(msg, " is not a method"):
		return "%Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function"
	}
	return ""
}

// nonCallableIterator reports whether v is an object whose Symbol.iterator
// is there and not a function (read again: this runs only on an error's
// way out).
func nonCallableIterator(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	m := o.GetSymbol(goja.SymIterator)
	if m == nil || goja.IsUndefined(m) || goja.IsNull(m) {
		return false
	}
	_, callable := goja.AssertFunction(m)
	return !callable
}

// aggregateWords: AggregateError's errors that cannot be iterated are
// named by their type, as the collection constructors name theirs.
func (e *Engine) aggregateWords(msg string, args []goja.Value) string {
	errs := goja.Undefined()
	if len(args) > 0 {
		errs = args[0]
	}
	switch {
	case msg == "object is not iterable",
		msg == gojaConvert && (goja.IsUndefined(errs) || goja.IsNull(errs)),
		strings.HasSuffix(msg, " is not a method") && nonCallableIterator(errs):
		return notIterableNoLoad(errs)
	}
	return ""
}

// setRecordWords words the refusals of the Set method name while it reads
// its argument's size, has and keys (V8's GetSetRecord).
func (e *Engine) setRecordWords(name string) func(string, []goja.Value) string {
	return func(msg string, args []goja.Value) string {
		switch {
		case msg == "size is NaN":
			return "The .size property is NaN"
		case strings.HasPrefix(msg, "Invalid size: "):
			return "'" + strings.TrimPrefix(msg, "Invalid size: ") + "' is an invalid size"
		case msg == gojaSetRecord:
			return "Set.prototype." + name + " argument must be an object"
		case msg == "Object does not have a valid 'has' method":
			return `string "has" is not a function`
		case msg == "Object does not have a valid 'keys' method":
			return `string "keys" is not a function`
		case strings.HasSuffix(msg, " is not a method") && len(args) > 0:
			// goja reads has, then keys; has is callable when keys failed.
			if o, ok := args[0].(*goja.Object); ok {
				if _, ok := goja.AssertFunction(o.Get("has")); ok {
					return `string "keys" is not a function`
				}
				return `string "has" is not a function`
			}
		}
		return ""
	}
}

// wrapNativeWords wraps the [[Call]] and, for a constructor, the
// [[Construct]] of the built-in v: an error on its way out is reworded by
// words (rewordThrown). goja's iterator step calls a missing next method
// through a nil function (a Go runtime error that no catch clause could
// take): it leaves as the TypeError V8 throws there.
func (e *Engine) wrapNativeWords(v goja.Value, words func(string, []goja.Value) string) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return
	}
	hookNativeCall(obj, func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			defer e.rewordOnTheWayOut(c.Arguments, words)
			return orig(c)
		}
	})
	hookNativeConstruct(obj, func(orig nativeConstruct) nativeConstruct {
		return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
			defer e.rewordOnTheWayOut(args, words)
			return orig(args, newTarget)
		}
	})
}

// rewordOnTheWayOut is wrapNativeWords' deferred half.
func (e *Engine) rewordOnTheWayOut(args []goja.Value, words func(string, []goja.Value) string) {
	r := recover()
	if r == nil {
		return
	}
	if re, ok := r.(runtime.Error); ok && strings.Contains(re.Error(), "nil pointer dereference") {
		r = e.rt.NewTypeError(`string "next" is not a function`)
	}
	e.rewordPanic(r, args, words)
}

// rewordPanic panics again with what a native threw (r, recovered), in
// V8's words where words has them for its message.
func (e *Engine) rewordPanic(r any, args []goja.Value, words func(string, []goja.Value) string) {
	if msg, ok := gojaPlainTypeError(r); ok {
		// goja's internal form of a TypeError, made a JS error when it
		// reaches the VM: give it its words now.
		if v := words(msg, args); v != "" {
			panic(e.rt.NewTypeError("%s", v))
		}
		panic(r)
	}
	rewordThrown(r, args, words)
	panic(r)
}

// gojaPlainTypeError is the message of r when r is goja's unexported
// typeError (a string type some of its built-ins panic with).
func gojaPlainTypeError(r any) (string, bool) {
	v := reflect.ValueOf(r)
	if v.Kind() != reflect.String || v.Type().Name() != "typeError" || v.Type().PkgPath() != "github.com/dop251/goja" {
		return "", false
	}
	return v.String(), true
}
