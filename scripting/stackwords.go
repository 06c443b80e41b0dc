package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// err.stack as Postman's sandboxes give it. Both fix Error.prepareStackTrace
// to a function that writes "Error: <message>" (for a TypeError too: the
// name is not read) and then one "\n    at <frame>" per frame, when the
// stack is first read (a message changed before that shows), through an
// accessor of the error's own (a script's assignment replaces the text).
// goja formats "TypeError: q" and "\tat f (courier-script:6:25(3))" lines
// in Go, with no hook, the first time the property is read. For scripts
// that may read a stack, the engine's error constructors and the catch
// hooks (catchfix.go) put V8's accessor in goja's place: the frames are
// goja's, in V8's layout ("    at f (courier-script:6:25)"), positions
// unchanged so that the readers of positions (scriptFrame, stackPos) read
// them as before; the frames of the sandbox that ran the script are left
// out, as Go names are.

// mayReadStack is a cheap look for scripts that could read err.stack.
func mayReadStack(src string) bool {
	return strings.Contains(src, "stack") || strings.Contains(src, "eval") || strings.Contains(src, "Function")
}

var errorCtorNames = []string{"Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"}

// installStackWords hooks the error constructors (once per engine).
func (e *Engine) installStackWords() {
	e.stackWords = true
	if obj, ok := e.rt.Get("Object").(*goja.Object); ok {
		e.ownDescriptor, _ = goja.AssertFunction(obj.Get("getOwnPropertyDescriptor"))
	}
	for _, name := range errorCtorNames {
		ctor, ok := e.rt.Get(name).(*goja.Object)
		if !ok {
			continue
		}
		hookNativeConstruct(ctor, func(orig nativeConstruct) nativeConstruct {
			return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
				o := orig(args, newTarget)
				e.v8Stack(o)
				return o
			}
		})
		hookNativeCall(ctor, func(orig nativeCall) nativeCall {
			return func(c goja.FunctionCall) goja.Value {
				v := orig(c)
				if o, ok := v.(*goja.Object); ok {
					e.v8Stack(o)
				}
				return v
			}
		})
	}
}

// v8Stack gives error o V8's stack accessor, unless its stack is no
// longer goja's text (already V8's, or set by the script).
func (e *Engine) v8Stack(o *goja.Object) {
	if !e.stackWords || o.ClassName() != "Error" || e.hasStackAccessor(o) {
		return
	}
	raw, ok := gojaStackText(o)
	if !ok {
		return
	}
	frames := v8Frames(raw)
	var text goja.Value
	get := e.rt.ToValue(func(goja.FunctionCall) goja.Value {
		if text != nil {
			return text
		}
		msg := "undefined"
		if m := o.Get("message"); m != nil {
			msg = m.String()
		}
		v := e.rt.ToValue("Error: " + msg + frames)
		if !e.stackPeek { // the first read by the script fixes the text
			text = v
		}
		return v
	})
	set := e.rt.ToValue(func(c goja.FunctionCall) goja.Value {
		text = c.Argument(0)
		return goja.Undefined()
	})
	_ = o.DefineAccessorProperty("stack", get, set, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// v8StackOf is v8Stack for a caught value (catchfix.go's hooks).
func (e *Engine) v8StackOf(v goja.Value) {
	if o, ok := v.(*goja.Object); ok && e.stackWords {
		e.v8Stack(o)
	}
}

// hasStackAccessor: o's stack is an accessor already (V8's, given
// earlier, or the script's own).
func (e *Engine) hasStackAccessor(o *goja.Object) (has bool) {
	if e.ownDescriptor == nil {
		return true // cannot tell: leave it
	}
	defer func() {
		if recover() != nil {
			has = true
		}
	}()
	d, err := e.ownDescriptor(goja.Undefined(), o, e.rt.ToValue("stack"))
	if err != nil {
		return true
	}
	desc, ok := d.(*goja.Object)
	if !ok {
		return false
	}
	g := desc.Get("get")
	return g != nil && !goja.IsUndefined(g)
}

// peekStack reads o's stack for courier's own use (a position): V8's
// accessor does not keep the text it gives then.
func (e *Engine) peekStack(o *goja.Object) goja.Value {
	e.stackPeek = true
	defer func() { e.stackPeek = false }()
	return o.Get("stack")
}

// gojaStackText reads o's stack when it is still the text goja wrote: its
// first frame on a "\n\tat " line, or no frame and a final newline. A
// getter of the error's own that throws while goja writes it leaves the
// stack as it is.
func gojaStackText(o *goja.Object) (raw string, ok bool) {
	defer func() {
		if recover() != nil {
			raw, ok = "", false
		}
	}()
	v := o.Get("stack")
	if v == nil {
		return "", false
	}
	s, isStr := v.Export().(string)
	if !isStr || !strings.HasSuffix(s, "\n") {
		return "", false
	}
	return s, true
}

// v8Frames turns goja's frame lines into V8's "\n    at …" lines, up to
// the script's outermost frame (those after it are the sandbox's).
func v8Frames(raw string) string {
	i := strings.Index(raw, "\n\tat ")
	if i < 0 {
		return ""
	}
	lines := strings.Split(strings.TrimSuffix(raw[i+1:], "\n"), "\n")
	last := len(lines) - 1
	for last >= 0 && !strings.Contains(lines[last], scriptFile+":") && !strings.Contains(lines[last], evalFile+":") {
		last--
	}
	if last >= 0 {
		lines = lines[:last+1]
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("\n    at ")
		b.WriteString(v8Frame(strings.TrimPrefix(l, "\tat ")))
	}
	return b.String()
}

// v8Frame writes one goja frame ("f (src:1:2(3))", "src:1:2(3)",
// "f (native)") as V8 does ("f (src:1:2)", "src:1:2", "f (<anonymous>)");
// a Go function's name is not shown.
func v8Frame(f string) string {
	if name, ok := strings.CutSuffix(f, " (native)"); ok {
		if strings.Contains(name, "/") || strings.Contains(name, "(*") || name == "" {
			return "<anonymous>"
		}
		return name + " (<anonymous>)"
	}
	if strings.HasPrefix(f, evalFile+":") {
		f = "eval (" + f + ")" // V8 names the code of an eval "eval"
	}
	// Drop goja's program counter: the "(n)" after line:column.
	if strings.HasSuffix(f, "))") {
		if j := strings.LastIndex(f[:len(f)-1], "("); j > 0 {
			return f[:j] + ")"
		}
	} else if strings.HasSuffix(f, ")") {
		if j := strings.LastIndex(f, "("); j > 0 {
			return f[:j]
		}
	}
	return f
}
