package scripting

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// Postman's sandbox loads Sugar.js into every script context, so old
// collections call Sugar's additions to the built-in prototypes
// ("diabetes".has("betes"), [1, 2].average(), (56).ordinalize()...).
// Running Sugar costs far more than a typical script (it builds its date
// locales), so an Engine installs a stub for a member Sugar adds
// (sugar-methods.txt) and runs the real thing when a script first uses one.
// Until then the stubs make `"x".has` look as it does in Postman: a
// non-enumerable function with Sugar's name and length. Sugar also replaces
// a few natives (Array map/filter/some/every, String startsWith/endsWith/
// trim*, Object.keys) with versions that accept extra argument forms
// ([{a: 1}].map('a')); a call that passes such a form loads Sugar through
// the callback hook (callbacks.go), so the forms work before a script used
// Sugar's members.
//
// A stub is only visible to a script that names it, or lists a prototype's
// own names, so the stubs are installed when the compile finds a script
// that could see them (sugarWordsIn): 431 stubs (414 functions, 17 values)
// are a quarter of an Engine's start-up allocations, and most scripts name
// none or one.

//go:embed js/sugar.js
var sugarSource string

// sugarMethods lists what Sugar adds, one per line: "Array#none 1" is a
// prototype method of length 1, "Object.each 2" a static one; a third word,
// after a "-", is the function's name where Sugar's source makes it other
// than the member's ("-" alone: no name); " value" marks members that are
// not functions.
// TestSugarMethodList regenerates it.
//
//go:embed js/sugar-methods.txt
var sugarMethods string

type sugarMember struct {
	name   string
	fname  string // the function's own name (Function.prototype.name)
	class  uint8  // index in sugarClasses
	length uint8  // the function's length
	proto  bool   // on Class.prototype, else on Class
	value  bool   // not a function
}

// sugarClasses are the built-ins Sugar extends.
var sugarClasses = [...]string{"Array", "Boolean", "Date", "Function", "Number", "Object", "RegExp", "String"}

// sugarSet is a set of members, by index in sugarMembers.
type sugarSet [8]uint64

func (s *sugarSet) add(i int)      { s[i/64] |= 1 << (i % 64) }
func (s *sugarSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

var (
	sugarOnce    sync.Once
	sugarProg    *goja.Program
	sugarErr     error
	sugarMembers []sugarMember
	// sugarByName: the members of each name (Array#each, Object.each...).
	sugarByName map[string][]uint16
)

func sugarInit() {
	sugarOnce.Do(func() {
		sugarByName = map[string][]uint16{}
		for _, line := range strings.Split(sugarMethods, "\n") {
			if f := strings.Fields(line); len(f) > 0 {
				m := parseSugarMember(f)
				sugarByName[m.name] = append(sugarByName[m.name], uint16(len(sugarMembers)))
				sugarMembers = append(sugarMembers, m)
			}
		}
		if len(sugarMembers) > len(sugarSet{})*64 {
			panic("sugar-methods.txt has more members than sugarSet holds")
		}
	})
}

// parseSugarMember reads one line of sugar-methods.txt, split in words.
func parseSugarMember(f []string) sugarMember {
	var m sugarMember
	cls, name, ok := strings.Cut(f[0], "#")
	if ok {
		m.proto = true
	} else {
		cls, name, _ = strings.Cut(f[0], ".")
	}
	m.name, m.fname = name, name
	for i, c := range sugarClasses {
		if c == cls {
			m.class = uint8(i)
		}
	}
	if len(f) > 1 && f[1] == "value" {
		m.value = true
		return m
	}
	if len(f) > 1 {
		n, _ := strconv.Atoi(f[1])
		m.length = uint8(n)
	}
	if len(f) > 2 {
		m.fname = strings.TrimPrefix(f[2], "-")
	}
	return m
}

// sugarUse is what of Sugar a compiled script could see.
type sugarUse struct {
	all     bool     // it lists own names, or builds code the scan cannot read
	members []uint16 // else the members it names
}

// sugarListWords make a script see every stub: listings of own names (the
// stubs are not enumerable, so keys and for-in miss them) and code built
// at run time.
var sugarListWords = []string{"getOwnProperty", "ownKeys", "eval", "Function("}

// sugarWordsIn finds the Sugar members a script's text names: every word
// of it (in strings and comments too, which catches obj['sum'] and names a
// script keeps for later) that is a member's name.
func sugarWordsIn(src string) sugarUse {
	sugarInit()
	for _, w := range sugarListWords {
		if strings.Contains(src, w) {
			return sugarUse{all: true}
		}
	}
	var seen sugarSet
	var use sugarUse
	for i := 0; i < len(src); {
		if !isIdentByte(src[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(src) && isIdentByte(src[j]) {
			j++
		}
		for _, m := range sugarByName[src[i:j]] {
			if !seen.has(int(m)) {
				seen.add(int(m))
				use.members = append(use.members, m)
			}
		}
		i = j
	}
	return use
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
	m  *sugarMember
	fn *goja.Object // the stub function; nil for getter stubs
}

// sugarState is an Engine's Sugar: which stubs it installed, and whether
// Sugar itself has run.
type sugarState struct {
	loaded bool
	// tried holds the members whose stub was installed or found not
	// needed.
	tried sugarSet
	// stubs are the installed stand-ins, in one slice allocated at the
	// first (it never grows past its capacity, so each Go closure can
	// capture its own entry). They stay listed once Sugar ran, for
	// sugarStubOf.
	stubs []sugarStub
}

// installSugarFor installs the stubs a compiled script could see and the
// Engine does not have yet.
func (e *Engine) installSugarFor(u sugarUse) {
	if e.sugar.loaded {
		return
	}
	if u.all {
		for i := range sugarMembers {
			e.installSugarStub(i)
		}
		return
	}
	for _, i := range u.members {
		e.installSugarStub(int(i))
	}
}

// installSugarStub defines member i's stand-in. Stubs are Go functions
// defined from Go: JS closures would cost more. A Go closure captures only
// its own entry of the stubs slice: one allocation per stub besides goja's
// function object.
func (e *Engine) installSugarStub(i int) {
	if e.sugar.tried.has(i) {
		return
	}
	e.sugar.tried.add(i)
	m := &sugarMembers[i]
	target := e.sugarTarget(m)
	if target == nil {
		return
	}
	if v := target.Get(m.name); v != nil && !goja.IsUndefined(v) {
		return // a native Sugar would leave alone or replace
	}
	if e.sugar.stubs == nil {
		e.sugar.stubs = make([]sugarStub, 0, len(sugarMembers))
		e.hookSugarText()
	}
	rt := e.rt
	e.sugar.stubs = append(e.sugar.stubs, sugarStub{m: m})
	s := &e.sugar.stubs[len(e.sugar.stubs)-1]
	if m.value {
		get := rt.ToValue(func(goja.FunctionCall) goja.Value {
			e.sugarNeeded()
			return e.sugarMember(s.m)
		})
		_ = target.DefineAccessorProperty(m.name, get, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return
	}
	s.fn = rt.ToValue(func(c goja.FunctionCall) goja.Value {
		e.sugarNeeded()
		v := e.sugarMember(s.m)
		f, ok := goja.AssertFunction(v)
		if !ok || v == s.fn {
			e.throw("TypeError", s.m.name+" is not a function")
		}
		r, err := f(c.This, c.Arguments...)
		if err != nil {
			panic(err)
		}
		return r
	}).(*goja.Object)
	// goja names a Go function by its Go path; Sugar's has the name and
	// length its source gives it.
	_ = s.fn.DefineDataProperty("name", rt.ToValue(m.fname), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if m.length != 0 {
		_ = s.fn.DefineDataProperty("length", rt.ToValue(int(m.length)), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	_ = target.DefineDataProperty(m.name, s.fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if e.fnShapesInstalled {
		e.shapeSugarStub(s)
	}
}

// sugarNatives are the members Sugar sets to a built-in of V8's (Date's
// getDay, Array.isArray): no arguments, caller or prototype of their own.
var sugarNatives = map[string]bool{"Date#getUTCWeekday": true, "Date#getWeekday": true, "Object.isArray": true}

// shapeSugarStub gives stub s the own members of Sugar's function, a sloppy
// one: arguments and caller (null), then a prototype whose constructor is
// the stub, after length and name (fresh-round8c-sugar). Each costs about
// eight allocations, so stubs get them only in engines whose scripts could
// see a function's own members (mayMeetFunctionShapes, fnshapes.go).
func (e *Engine) shapeSugarStub(s *sugarStub) {
	m := s.m
	sep := "."
	if m.proto {
		sep = "#"
	}
	if s.fn == nil || sugarNatives[sugarClasses[m.class]+sep+m.name] {
		return
	}
	if v := s.fn.Get("prototype"); v != nil {
		return // shaped already
	}
	_ = s.fn.DefineDataProperty("arguments", goja.Null(), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = s.fn.DefineDataProperty("caller", goja.Null(), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	p := e.rt.NewObject()
	_ = p.DefineDataProperty("constructor", s.fn, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = s.fn.DefineDataProperty("prototype", p, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// sugarTarget is the object member m belongs on now: the class or its
// prototype. It is looked up each time: js/parts/regexp.js puts a RegExp
// of its own in goja's place, copying the statics (stubs included).
func (e *Engine) sugarTarget(m *sugarMember) *goja.Object {
	if m.proto {
		return e.builtinProto(sugarClasses[m.class])
	}
	cls, _ := e.rt.Get(sugarClasses[m.class]).(*goja.Object)
	return cls
}

// sugarMember is what stands in member m's place now (Sugar's own once it
// ran), or nil.
func (e *Engine) sugarMember(m *sugarMember) goja.Value {
	if t := e.sugarTarget(m); t != nil {
		return t.Get(m.name)
	}
	return nil
}

// hookSugarText makes a stub print as Sugar's function does: printing one
// loads Sugar and prints the member it put in the stub's place, so a stub
// reads the same before and after (and is not "[native code]", which some
// libraries take for a built-in).
func (e *Engine) hookSugarText() {
	proto := e.builtinProto("Function")
	if proto == nil {
		return
	}
	hookNative(proto.Get("toString"), func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			v := orig(c)
			if !strings.HasSuffix(v.String(), nativeBody) {
				return v // a stub prints as a native: others pay nothing more
			}
			if s := e.sugarStubOf(c.This); s != nil {
				e.sugarNeeded()
				if f, ok := e.sugarMember(s.m).(*goja.Object); ok {
					if _, ok := goja.AssertFunction(f); ok && f != s.fn {
						c.This = f
						return orig(c)
					}
				}
			}
			return v
		}
	})
}

// sugarStubOf is the stub whose function v is, or nil. Stubs a script kept
// print Sugar's text after Sugar ran too.
func (e *Engine) sugarStubOf(v goja.Value) *sugarStub {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	for i := range e.sugar.stubs {
		if s := &e.sugar.stubs[i]; s.fn == o {
			return s
		}
	}
	return nil
}

// sugarLoadHook, when set by a test, runs while Sugar loads, to stand for a
// slow load on a busy machine.
var sugarLoadHook func()

// sugarNeeded runs Sugar once per Engine. Stubs still in place are removed
// first so Sugar finds the built-ins as in a fresh context; members a script
// replaced meanwhile are put back afterwards, as if the script had replaced
// Sugar's.
func (e *Engine) sugarNeeded() {
	if e.sugar.loaded {
		return
	}
	e.sugar.loaded = true
	type kept struct {
		target *goja.Object
		name   string
		v      goja.Value
	}
	var replaced []kept
	for _, s := range e.sugar.stubs {
		target := e.sugarTarget(s.m)
		if target == nil {
			continue
		}
		if s.fn != nil {
			if v := target.Get(s.m.name); v != nil && v != goja.Value(s.fn) {
				replaced = append(replaced, kept{target, s.m.name, v})
			}
		}
		_ = target.Delete(s.m.name)
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
