package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// Built-in constructors refusing their argument, in V8's words, whoever
// calls them: the source-based rewording (v8msg.go) knows the constructor
// only when the script writes `new Map(…)`; a subclass (`class M extends
// Map {}; new M([1, 2])`), a super(…) call or an alias got goja's words
// ("Value is not an object: 1") or a wrong guess ("M is not a
// constructor"). For scripts that may subclass or alias them, the
// constructors' [[Construct]] is wrapped: goja's error, on its way out, is
// reworded from the constructor's own name and its argument.

// mayExtendBuiltins is a cheap look for scripts that could construct a
// built-in under another name.
func mayExtendBuiltins(src string) bool {
	return strings.Contains(src, "extends") || strings.Contains(src, "Reflect") ||
		strings.Contains(src, "eval") || strings.Contains(src, "Function")
}

// ctorRewords words goja's refusal msg of constructor name given args, or
// "" to leave it.
var ctorRewords = map[string]func(msg string, args []goja.Value) string{
	"Map": func(msg string, args []goja.Value) string {
		if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok {
			return "Iterator value " + x + " is not an entry object"
		}
		return notIterableWords(msg, args)
	},
	"Set": notIterableWords,
	"Promise": func(msg string, args []goja.Value) string {
		if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok {
			return builtinCtorWords["Promise"](x)
		}
		return ""
	},
	"ArrayBuffer": func(msg string, _ []goja.Value) string {
		if strings.HasPrefix(msg, "Invalid index ") {
			return "Invalid array buffer length"
		}
		return ""
	},
}

func notIterableWords(msg string, args []goja.Value) string {
	if msg != "object is not iterable" || len(args) == 0 {
		return ""
	}
	return notIterableNoLoad(args[0])
}

func typedArrayLengthWords(msg string, _ []goja.Value) string {
	if x, ok := strings.CutPrefix(msg, "Invalid index "); ok {
		return "Invalid typed array length: " + x
	}
	return ""
}

// installCtorWords wraps the constructors of ctorRewords and the typed
// arrays (once per engine).
func (e *Engine) installCtorWords() {
	e.ctorWords = true
	for name := range typedArrayNames {
		e.wrapCtorWords(name, typedArrayLengthWords)
	}
	for name, words := range ctorRewords {
		e.wrapCtorWords(name, words)
	}
	// goja's WeakMap refuses an entry that is no object and a key that is
	// none in the same words; js/parts/weak.js words the key first, so
	// what reaches here with weak.js in place is an entry.
	e.wrapCtorWords("WeakMap", func(msg string, args []goja.Value) string {
		if x, ok := strings.CutPrefix(msg, gojaNotAnObject); ok && e.weakInstalled {
			return "Iterator value " + x + " is not an entry object"
		}
		return notIterableWords(msg, args)
	})
}

func (e *Engine) wrapCtorWords(name string, words func(string, []goja.Value) string) {
	ctor, ok := e.rt.Get(name).(*goja.Object)
	if !ok {
		return
	}
	hookNativeConstruct(ctor, func(orig nativeConstruct) nativeConstruct {
		return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
			defer func() {
				if r := recover(); r != nil {
					rewordThrown(r, args, words)
					panic(r)
				}
			}()
			return orig(args, newTarget)
		}
	})
}

// rewordThrown sets the message of the error r (a panic carrying a JS
// error) to words of its message, when words has some.
func rewordThrown(r any, args []goja.Value, words func(string, []goja.Value) string) {
	var o *goja.Object
	switch x := r.(type) {
	case *goja.Exception:
		o, _ = x.Value().(*goja.Object)
	case *goja.Object:
		o = x
	}
	if o == nil || o.ClassName() != "Error" {
		return
	}
	msg := o.Get("message")
	if msg == nil {
		return
	}
	if v := words(msg.String(), args); v != "" {
		_ = o.Set("message", v)
	}
}
