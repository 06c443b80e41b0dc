package scripting

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// The legacy RegExp statics (RegExp.$1…$9, input/$_, lastMatch/$&,
// lastParen/$+, leftContext/$`, rightContext/$'), which V8 keeps and goja
// lacks: old collections read `RegExp.$1` after a `test` or `match`. They
// read the last successful match of any regular expression, and each of
// Postman's script runs starts from the match its own sandbox code made
// (`body` in `body`; probed under Postman CLI 1.34 and Newman 6.2.2).
//
// goja matches without calling `exec` on its fast paths; replacing
// RegExp.prototype.exec turns those off for the engine (goja watches that
// member), so every match, split, search and replace goes through the
// spec's generic steps and so through exec, where the match is recorded.
// That costs regular expressions a little speed, so it happens only in an
// engine where a script names a static (usesRegExpStatics).

// regExpStatics is the last successful match, as V8 keeps it.
type regExpStatics struct {
	subject goja.String // the string matched
	input   goja.Value  // RegExp.input: the subject, unless a script set it
	index   int
	caps    []goja.Value // the match and its groups; undefined for a group that did not take part
}

var bodyString = goja.StringFromUTF16([]uint16{'b', 'o', 'd', 'y'})

// reset is the state each script starts from.
func (s *regExpStatics) reset() {
	s.subject, s.input, s.index = bodyString, bodyString, 0
	s.caps = append(s.caps[:0], bodyString)
}

// record keeps match m (an exec result) of subject.
func (s *regExpStatics) record(m *goja.Object) {
	in, ok := m.Get("input").(goja.String)
	if !ok {
		return
	}
	n := int(m.Get("length").ToInteger())
	if n < 1 {
		return
	}
	s.subject, s.input, s.index = in, in, int(m.Get("index").ToInteger())
	s.caps = s.caps[:0]
	for i := 0; i < n; i++ {
		s.caps = append(s.caps, m.Get(strconv.Itoa(i)))
	}
}

func (s *regExpStatics) capture(i int) goja.Value {
	if i < len(s.caps) {
		if v, ok := s.caps[i].(goja.String); ok {
			return v
		}
	}
	return goja.StringFromUTF16(nil)
}

func (s *regExpStatics) lastParen() goja.Value {
	if len(s.caps) < 2 {
		return goja.StringFromUTF16(nil)
	}
	return s.capture(len(s.caps) - 1)
}

func (s *regExpStatics) leftContext() goja.Value {
	if s.index > s.subject.Length() {
		return goja.StringFromUTF16(nil)
	}
	return s.subject.Substring(0, s.index)
}

func (s *regExpStatics) rightContext() goja.Value {
	end := s.index
	if m, ok := s.caps[0].(goja.String); ok {
		end += m.Length()
	}
	if end > s.subject.Length() {
		return goja.StringFromUTF16(nil)
	}
	return s.subject.Substring(end, s.subject.Length())
}

// regExpStaticWords are what a script writes to reach a static; a listing
// of RegExp's own keys reaches them too.
var regExpStaticWords = []string{"$", "input", "lastMatch", "lastParen", "leftContext", "rightContext"}

// usesRegExpStatics is a cheap test for scripts that may read a static:
// RegExp followed by .$…, .input, .lastMatch…, a computed member, or a
// listing of own keys.
func usesRegExpStatics(src string) bool {
	if !strings.Contains(src, "RegExp") {
		return false
	}
	if strings.Contains(src, "getOwnProperty") || strings.Contains(src, "ownKeys") || strings.Contains(src, "hasOwn") {
		return true
	}
	for rest := src; ; {
		i := strings.Index(rest, "RegExp")
		if i < 0 {
			return false
		}
		if strings.HasSuffix(strings.TrimRight(rest[:i], " \t"), " in") {
			return true
		}
		rest = rest[i+len("RegExp"):]
		after := strings.TrimLeft(rest, " \t\r\n")
		if strings.HasPrefix(after, "[") {
			return true
		}
		if after, ok := strings.CutPrefix(after, "."); ok {
			after = strings.TrimLeft(after, " \t\r\n")
			for _, w := range regExpStaticWords {
				if strings.HasPrefix(after, w) {
					return true
				}
			}
		}
	}
}

// installRegExpStatics puts exec and test wrappers on RegExp.prototype and
// the statics on RegExp, once per engine.
func (e *Engine) installRegExpStatics() {
	rt := e.rt
	ctor, ok := rt.Get("RegExp").(*goja.Object)
	if !ok {
		return
	}
	proto, ok := ctor.Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	nativeExec, ok1 := goja.AssertFunction(proto.Get("exec"))
	nativeTest, ok2 := goja.AssertFunction(proto.Get("test"))
	if !ok1 || !ok2 {
		return
	}
	s := &regExpStatics{}
	s.reset()
	e.rxStatics = s
	wrapRegExpExec(rt, proto, nativeExec, nativeTest, s)
	defineRegExpStatics(rt, ctor, s)
}

// namedNative is fn as a native function of V8's name and length.
func namedNative(rt *goja.Runtime, fn func(goja.FunctionCall) goja.Value, name string, length int) *goja.Object {
	o := rt.ToValue(fn).(*goja.Object)
	_ = o.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = o.DefineDataProperty("length", rt.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return o
}

// wrapRegExpExec puts on proto an exec that records each match in s, and
// a test that goes through the object's exec.
func wrapRegExpExec(rt *goja.Runtime, proto *goja.Object, nativeExec, nativeTest goja.Callable, s *regExpStatics) {
	exec := func(c goja.FunctionCall) goja.Value {
		v, err := nativeExec(c.This, c.Arguments...)
		if err != nil {
			panic(err)
		}
		if m, ok := v.(*goja.Object); ok {
			s.record(m)
		}
		return v
	}
	execObj := namedNative(rt, exec, "exec", 1)
	// The spec's test calls the object's exec (goja's matches on its own):
	// a match found through it is recorded.
	test := func(c goja.FunctionCall) goja.Value {
		this, ok := c.This.(*goja.Object)
		if !ok {
			return mustCall(nativeTest, c)
		}
		f := this.Get("exec")
		if f == execObj {
			return rt.ToValue(!goja.IsNull(exec(c)))
		}
		fn, ok := goja.AssertFunction(f)
		if !ok {
			return mustCall(nativeTest, c)
		}
		v, err := fn(this, c.Argument(0).ToString())
		if err != nil {
			panic(err)
		}
		if _, ok := v.(*goja.Object); !ok && !goja.IsNull(v) {
			panic(rt.NewTypeError("RegExp exec method returned something other than an Object or null"))
		}
		return rt.ToValue(!goja.IsNull(v))
	}
	_ = proto.DefineDataProperty("exec", execObj, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineDataProperty("test", namedNative(rt, test, "test", 1), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// defineRegExpStatics puts the accessors on ctor, in V8's order and place.
func defineRegExpStatics(rt *goja.Runtime, ctor *goja.Object, s *regExpStatics) {
	// V8 lists the statics right after length, name and prototype.
	// escape is V8's own, before what Sugar.js adds.
	later := []string{"escape"}
	for _, k := range ctor.GetOwnPropertyNames() {
		if k != "length" && k != "name" && k != "prototype" && k != "escape" {
			later = append(later, k)
		}
	}
	noop := func(goja.FunctionCall) goja.Value { return goja.Undefined() }
	setInput := func(c goja.FunctionCall) goja.Value {
		s.input = toJSString(rt, c.Argument(0))
		return goja.Undefined()
	}
	getInput := func(goja.FunctionCall) goja.Value { return s.input }
	pair := func(get func(goja.FunctionCall) goja.Value, set func(goja.FunctionCall) goja.Value, names ...string) {
		for _, n := range names {
			_ = ctor.DefineAccessorProperty(n, namedNative(rt, get, "get "+n, 0), namedNative(rt, set, "set "+n, 1), goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	// V8's order.
	pair(getInput, setInput, "input", "$_")
	pair(func(goja.FunctionCall) goja.Value { return s.capture(0) }, noop, "lastMatch", "$&")
	pair(func(goja.FunctionCall) goja.Value { return s.lastParen() }, noop, "lastParen", "$+")
	pair(func(goja.FunctionCall) goja.Value { return s.leftContext() }, noop, "leftContext", "$`")
	pair(func(goja.FunctionCall) goja.Value { return s.rightContext() }, noop, "rightContext", "$'")
	for i := 1; i <= 9; i++ {
		pair(func(goja.FunctionCall) goja.Value { return s.capture(i) }, noop, "$"+strconv.Itoa(i))
	}
	moveToEnd(rt, ctor, later)
}

// moveToEnd redefines o's own string keys in order, after the others.
func moveToEnd(rt *goja.Runtime, o *goja.Object, keys []string) {
	getDesc, ok := goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("getOwnPropertyDescriptor"))
	if !ok {
		return
	}
	def, ok := goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("defineProperty"))
	if !ok {
		return
	}
	for _, k := range keys {
		kv := rt.ToValue(k)
		d, err := getDesc(goja.Undefined(), o, kv)
		if err != nil || goja.IsUndefined(d) || o.Delete(k) != nil {
			continue
		}
		_, _ = def(goja.Undefined(), o, kv, d)
	}
}

// toJSString is String(v), keeping a string's UTF-16.
func toJSString(rt *goja.Runtime, v goja.Value) goja.Value {
	if s, ok := v.(goja.String); ok {
		return s
	}
	return rt.ToValue(v.String())
}

func mustCall(fn goja.Callable, c goja.FunctionCall) goja.Value {
	v, err := fn(c.This, c.Arguments...)
	if err != nil {
		panic(err)
	}
	return v
}

// recordRegExpMatch is js/parts/regexp.js's way to record the match a /d
// expression's own exec returns (its native match carries marker groups).
func (e *Engine) recordRegExpMatch(c goja.FunctionCall) goja.Value {
	if m, ok := c.Argument(0).(*goja.Object); ok && e.rxStatics != nil {
		e.rxStatics.record(m)
	}
	return goja.Undefined()
}
