package scripting

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// Postman's sandbox loads Sugar.js into every script context, so old
// collections call Sugar's additions to the built-in prototypes
// ("diabetes".has("betes"), [1, 2].average(), (56).ordinalize()...).
// Running Sugar costs far more than a typical script (it builds its date
// locales), so each Engine installs a stub for every member Sugar adds
// (sugar-methods.txt) and runs the real thing when a script first uses one.
// Until then the stubs make `"x".has` look as it does in Postman: a
// non-enumerable function. Sugar also replaces a few natives (Array
// map/filter/some/every, String startsWith/endsWith/trim*, Object.keys) with
// versions that accept extra argument forms ([{a: 1}].map('a')); a call
// that passes such a form loads Sugar through the callback hook
// (callbacks.go), so the forms work before a script used Sugar's members.

//go:embed js/sugar.js
var sugarSource string

// sugarMethods lists what Sugar adds, one per line: "Array#none" is a
// prototype method, "Object.each" a static one, and " value" marks members
// that are not functions. TestSugarMethodList regenerates it.
//
//go:embed js/sugar-methods.txt
var sugarMethods string

type sugarMember struct {
	class, name string
	proto       bool // on Class.prototype, else on Class
	value       bool // not a function
}

var (
	sugarOnce    sync.Once
	sugarProg    *goja.Program
	sugarErr     error
	sugarMembers []sugarMember
)

func sugarInit() {
	sugarOnce.Do(func() {
		for _, line := range strings.Split(sugarMethods, "\n") {
			f := strings.Fields(line)
			if len(f) == 0 {
				continue
			}
			m := sugarMember{value: len(f) > 1 && f[1] == "value"}
			cls, name, ok := strings.Cut(f[0], "#")
			if ok {
				m.proto = true
			} else {
				cls, name, _ = strings.Cut(f[0], ".")
			}
			m.class, m.name = cls, name
			sugarMembers = append(sugarMembers, m)
		}
	})
}

// sugarProgram compiles Sugar on first use only: most runs never need it.
func sugarProgram() (*goja.Program, error) {
	sugarMu.Lock()
	defer sugarMu.Unlock()
	if sugarProg == nil && sugarErr == nil {
		sugarProg, sugarErr = goja.Compile("sugar.js", sugarSource, false)
		if sugarErr != nil {
			sugarErr = fmt.Errorf("compiling sugar.js: %w", sugarErr)
		}
	}
	return sugarProg, sugarErr
}

var sugarMu sync.Mutex

// sugarStub is one installed stand-in.
type sugarStub struct {
	target *goja.Object
	name   string
	fn     goja.Value // the stub function; nil for getter stubs
}

// installSugarStubs defines the stand-ins. They are Go functions defined
// from Go: creating 430 JS closures would cost more than the rest of the
// Engine's setup. Every Engine pays for them before its first script, so
// the stubs live in one slice allocated up front and each Go closure
// captures only its own entry: one allocation per stub besides goja's
// function object, where capturing target, name and the function itself
// cost two.
func (e *Engine) installSugarStubs() {
	sugarInit()
	rt := e.rt
	classes := map[string]*goja.Object{}
	stubs := make([]sugarStub, 0, len(sugarMembers))
	for _, m := range sugarMembers {
		cls, ok := classes[m.class]
		if !ok {
			if v := rt.Get(m.class); v != nil {
				cls = v.ToObject(rt)
			}
			classes[m.class] = cls
		}
		if cls == nil {
			continue
		}
		target := cls
		if m.proto {
			target = cls.Get("prototype").ToObject(rt)
		}
		if v := target.Get(m.name); v != nil && !goja.IsUndefined(v) {
			continue // a native Sugar would leave alone or replace
		}
		stubs = append(stubs, sugarStub{target: target, name: m.name})
		s := &stubs[len(stubs)-1] // stubs never grows past its capacity
		if m.value {
			get := rt.ToValue(func(goja.FunctionCall) goja.Value {
				e.sugarNeeded()
				return s.target.Get(s.name)
			})
			_ = target.DefineAccessorProperty(m.name, get, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
		} else {
			s.fn = rt.ToValue(func(c goja.FunctionCall) goja.Value {
				e.sugarNeeded()
				v := s.target.Get(s.name)
				f, ok := goja.AssertFunction(v)
				if !ok || v.SameAs(s.fn) {
					e.throw("TypeError", s.name+" is not a function")
				}
				r, err := f(c.This, c.Arguments...)
				if err != nil {
					panic(err)
				}
				return r
			})
			_ = target.DefineDataProperty(m.name, s.fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	if len(stubs) > 0 {
		e.sugarStubs = stubs
	}
}

// sugarLoadHook, when set by a test, runs while Sugar loads, to stand for a
// slow load on a busy machine.
var sugarLoadHook func()

// sugarNeeded runs Sugar once per Engine. Stubs still in place are removed
// first so Sugar finds the built-ins as in a fresh context; members a script
// replaced meanwhile are put back afterwards, as if the script had replaced
// Sugar's.
func (e *Engine) sugarNeeded() {
	stubs := e.sugarStubs
	if stubs == nil {
		return
	}
	e.sugarStubs = nil
	type kept struct {
		target *goja.Object
		name   string
		v      goja.Value
	}
	var replaced []kept
	for _, s := range stubs {
		if s.fn != nil {
			if v := s.target.Get(s.name); v != nil && !v.SameAs(s.fn) {
				replaced = append(replaced, kept{s.target, s.name, v})
			}
		}
		_ = s.target.Delete(s.name)
	}
	// Sugar is part of Postman's sandbox before any script starts, so its
	// loading does not count against the script's timeout.
	e.watch.pause()
	if sugarLoadHook != nil {
		sugarLoadHook()
	}
	p, err := sugarProgram()
	if err == nil {
		_, err = e.rt.RunProgram(p)
	}
	e.watch.resume()
	if err != nil {
		e.throw("Error", "loading Sugar.js: "+err.Error())
	}
	for _, k := range replaced {
		_ = k.target.Set(k.name, k.v)
	}
}
