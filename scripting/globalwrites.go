package scripting

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// Newman 6.2.2 runs every script of a run in one context (uniscope, one
// per run), as courier does, so a global a script makes (token = 'x'
// undeclared, a property set on the global a sloppy function's this
// reaches) stays for the later scripts, items and iterations. What stays is
// decided when the script's synchronous part ends: uniscope notes the
// global's names then, and every name the context gains afterwards (in a
// timer, a pm.sendRequest callback, a promise job) or in a script whose top
// level threw becomes a parameter of every later script's function, given
// undefined. So such a global reads undefined from then on, and a later
// script's assignment to it stays in that script (fresh-round7r-a.json).
// Postman CLI's newer runtime (v12 runs) notes them after the promise jobs
// of the synchronous part (fresh-round7r-b.json).
//
// courier does the same: a later script that names a late global is
// compiled with it as a parameter (hiddenVariant), once per process for
// each set of names. Only a script the compile finds may add a global
// (mayAddGlobals) has the global's names taken: before it runs, when its
// synchronous part ends, and when it finishes; the names are read from
// goja's own list without copying the strings, so even those scripts pay
// little.

// globalUse is what a script may do with the global object, read from its
// parsed tree.
type globalUse struct {
	// adds: the script may add a property to the global object: it
	// assigns a name no scope of it declares, or may reach the global
	// object (this, globalThis, eval, Function, a constructor's
	// constructor).
	adds bool
	// topThis: the script reads this outside any function of its own (an
	// arrow function's this is its surrounding one): Postman's is an
	// object of the script's own (topThisNames), not the global.
	topThis bool
	// freeCalls are the calls whose callee names no binding of the script
	// nor a global of the sandbox (freecallee.go); instrument rewrites
	// them and drops the list.
	freeCalls []*ast.CallExpression
}

// readGlobalUse reads fn, the wrapper function around a script, for the
// globals it may add and whether it reads this at its top level.
func readGlobalUse(fn *ast.FunctionLiteral, src, listen string) globalUse {
	var u globalUse
	top := &declScope{declared: map[string]bool{}}
	scopes := []*declScope{top}
	pending := []pendingFn{{node: fn.Body, scope: top, top: true}}
	for len(pending) > 0 {
		p := pending[len(pending)-1]
		pending = pending[:len(pending)-1]
		// The node's fields: the node itself is the function queued. Each
		// node's declarations and assignments go to the function's scope;
		// a nested function's scope is read on its own.
		walkASTPruned(reflect.ValueOf(p.node).Elem(), func(n ast.Node) bool {
			p.scope.note(n)
			p.scope.noteCall(n)
			switch x := n.(type) {
			case *ast.FunctionLiteral:
				s := &declScope{parent: p.scope, declared: map[string]bool{}}
				if x.Name != nil {
					s.declared[string(x.Name.Name)] = true
				}
				scopes = append(scopes, s)
				pending = append(pending, pendingFn{node: x, scope: s})
				return false
			case *ast.ArrowFunctionLiteral:
				s := &declScope{parent: p.scope, declared: map[string]bool{}}
				scopes = append(scopes, s)
				pending = append(pending, pendingFn{node: x, scope: s, top: p.top})
				return false
			case *ast.ThisExpression:
				// A sloppy function's this is the global object.
				u.adds = true
				if p.top {
					u.topThis = true
				}
			}
			return true
		})
	}
	if !u.adds {
		u.adds = mayReachGlobal(src) || undeclaredAssignment(scopes, listen)
	}
	u.freeCalls = freeCallees(scopes, listen)
	return u
}

// mayReachGlobal reports whether a script may reach the global object
// without this: by name, or through code built at run time.
func mayReachGlobal(src string) bool {
	return namesEvalOrFunction(src) || strings.Contains(src, "globalThis") || strings.Contains(src, "constructor")
}

// undeclaredAssignment reports whether some scope assigns a name that
// neither it nor a scope around it declares, other than the sandbox's own
// (they are parameters of the script's function).
func undeclaredAssignment(scopes []*declScope, listen string) bool {
	for _, s := range scopes {
		for _, name := range s.assigned {
			if !s.declares(name) && !inSandboxScope(listen, name) && name != "arguments" {
				return true
			}
		}
	}
	return false
}

// declScope is a function's scope: the names it declares (var, let,
// const, function and class declarations, parameters, catch parameters;
// block scopes are folded into their function's, which errs towards
// finding a name declared) and the names it assigns.
type declScope struct {
	parent   *declScope
	declared map[string]bool
	assigned []string
	calls    []*ast.CallExpression // calls of a plain name (f(x))
}

func (s *declScope) declares(name string) bool {
	for ; s != nil; s = s.parent {
		if s.declared[name] {
			return true
		}
	}
	return false
}

// pendingFn is a function whose scope is still to be read; top: its this
// is the script's own (the wrapper's body, or an arrow function in it).
type pendingFn struct {
	node  ast.Node
	scope *declScope
	top   bool
}

// note records what node n declares or assigns in s.
func (s *declScope) note(n ast.Node) {
	declare := func(target ast.Node) {
		for _, d := range bindingNames(nil, target) {
			s.declared[d.name] = true
		}
	}
	assign := func(target ast.Node) {
		for _, d := range bindingNames(nil, target) {
			s.assigned = append(s.assigned, d.name)
		}
	}
	switch x := n.(type) {
	case *ast.Binding: // var, let, const, parameters
		declare(x.Target)
	case *ast.ParameterList:
		if x.Rest != nil {
			declare(x.Rest)
		}
	case *ast.FunctionDeclaration:
		if x.Function != nil && x.Function.Name != nil {
			s.declared[string(x.Function.Name.Name)] = true
		}
	case *ast.ClassDeclaration:
		if x.Class != nil && x.Class.Name != nil {
			s.declared[string(x.Class.Name.Name)] = true
		}
	case *ast.CatchStatement:
		if x.Parameter != nil {
			declare(x.Parameter)
		}
	case *ast.ForDeclaration:
		declare(x.Target)
	case *ast.AssignExpression:
		assign(x.Left)
	case *ast.UnaryExpression:
		if x.Operator == token.INCREMENT || x.Operator == token.DECREMENT {
			assign(x.Operand)
		}
	case *ast.ForIntoExpression:
		assign(x.Expression)
	}
}

// noteCall records n when it calls a plain name with arguments.
func (s *declScope) noteCall(n ast.Node) {
	if x, ok := n.(*ast.CallExpression); ok && len(x.ArgumentList) > 0 {
		if _, ok := x.Callee.(*ast.Identifier); ok {
			s.calls = append(s.calls, x)
		}
	}
}

// globalNames is the live list of the global object's own string keys as
// goja keeps them (creation order; a deletion closes the gap), viewed
// without copying; nil when goja's layout is not the one known here, and
// the names are then listed the slow way.
func globalNames(g *goja.Object) *[]string {
	if !objectSelf.ok {
		return nil
	}
	self := reflect.ValueOf(g).Elem().FieldByIndex(objectSelf.index)
	if self.Kind() != reflect.Interface || self.IsNil() {
		return nil
	}
	impl := self.Elem()
	if impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct {
		return nil
	}
	idx, ok := propNamesIndex(impl.Elem().Type())
	if !ok {
		return nil
	}
	f := impl.Elem().FieldByIndex(idx)
	return (*[]string)(unsafe.Pointer(f.UnsafeAddr()))
}

// objectSelf is where goja.Object keeps its implementation; the field
// paths are found once per process (reflect's FieldByName allocates).
var objectSelf = func() (r struct {
	index []int
	ok    bool
}) {
	f, ok := reflect.TypeFor[goja.Object]().FieldByName("self")
	r.index, r.ok = f.Index, ok
	return r
}()

var (
	propNamesMu    sync.Mutex
	propNamesPaths = map[reflect.Type][]int{}
)

// propNamesIndex is the field path of propNames (a slice of strings) in an
// object implementation of type t.
func propNamesIndex(t reflect.Type) ([]int, bool) {
	propNamesMu.Lock()
	defer propNamesMu.Unlock()
	idx, ok := propNamesPaths[t]
	if !ok {
		if f, found := t.FieldByName("propNames"); found && f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String {
			idx = f.Index
		}
		propNamesPaths[t] = idx
	}
	return idx, idx != nil
}

// globalsState is what an Engine keeps of the globals its scripts make.
type globalsState struct {
	names *[]string // goja's own list (globalNames); nil: list them
	// at[0] are the names before the script ran, at[1] when its
	// synchronous part ended; synced says at[1] was taken.
	at     [2][]string
	synced bool
	// hidden are the globals made too late to stay: they read undefined
	// in every later script.
	hidden map[string]struct{}
	// wrapped are the scripts' functions as globalsFunc wraps them, with
	// wrap, js/parts/top-this.js's maker.
	wrapped map[*compiled]goja.Value
	wrap    goja.Callable
}

// snapGlobals keeps the global object's names in at[i].
func (e *Engine) snapGlobals(i int) {
	e.globals.at[i] = append(e.globals.at[i][:0], e.globalNameList()...)
}

// globalNameList is the global object's own string keys: goja's own list
// (not to be kept: it changes), or a copy when that cannot be read.
func (e *Engine) globalNameList() []string {
	if gs := &e.globals; gs.names != nil && len(*gs.names) > 0 {
		return *gs.names
	}
	return e.rt.GlobalObject().GetOwnPropertyNames()
}

// globalsFunc is what a script that may add globals or reads its
// top-level this is called through, made once per Engine and script
// (js/parts/top-this.js): it gives the script its own this, and tells
// Newman's sandbox when the synchronous part returned (before its promise
// jobs; the newer runtime's is taken after them, in startScript).
func (e *Engine) globalsFunc(c *compiled, fn goja.Value, listen string) goja.Value {
	if w, ok := e.globals.wrapped[c]; ok {
		return w
	}
	names, syncEnd := goja.Undefined(), goja.Undefined()
	if c.globals.topThis {
		names = e.topThisNames(listen)
	}
	if c.globals.adds && !e.opts.CurrentSandbox {
		syncEnd = e.rt.ToValue(func(goja.FunctionCall) goja.Value {
			e.snapGlobals(1)
			e.globals.synced = true
			return goja.Undefined()
		})
	}
	if e.globals.wrap == nil {
		// The part evaluates to a function that returns the wrapper maker.
		part, _ := goja.AssertFunction(e.part("top-this"))
		maker, err := part(goja.Undefined(), goja.Null())
		if err != nil {
			panic(err)
		}
		e.globals.wrap, _ = goja.AssertFunction(maker)
	}
	w, err := e.globals.wrap(goja.Undefined(), e.rt.GlobalObject(), fn, names, syncEnd)
	if err != nil {
		panic(err)
	}
	if e.globals.wrapped == nil {
		e.globals.wrapped = map[*compiled]goja.Value{}
	}
	e.globals.wrapped[c] = w
	return w
}

// topThisNames is the sandbox's names of a script of listen, in Postman's
// order, as a JS array made once per Engine: the bootstrap builds a
// script's top-level this from them (js/parts/top-this.js).
func (e *Engine) topThisNames(listen string) goja.Value {
	i := 1
	if listen == "prerequest" {
		i = 0
	}
	if e.topThis[i] == nil {
		names := sandboxOrder(listen, e.opts.CurrentSandbox)
		vals := make([]any, len(names))
		for k, n := range names {
			vals[k] = n
		}
		e.topThis[i] = e.rt.NewArray(vals...)
	}
	return e.topThis[i]
}

// hideLateGlobals hides the globals the script that just finished made
// after its synchronous part, or at all when that part did not end well.
func (e *Engine) hideLateGlobals() {
	gs := &e.globals
	kept := gs.at[0]
	if gs.synced {
		kept = gs.at[1]
	}
	for _, name := range addedNames(kept, e.globalNameList()) {
		if !mayHide(name) {
			continue
		}
		if gs.hidden == nil {
			gs.hidden = map[string]struct{}{}
		}
		gs.hidden[name] = struct{}{}
	}
	gs.synced = false
}

// addedNames are the names in now that were not in was. Both lists keep
// goja's order (creation, with deletions closing gaps), so one walk finds
// them; a name it cannot match in order is looked up in was.
func addedNames(was, now []string) []string {
	var out []string
	i := 0
	for _, n := range now {
		k := i
		for k < len(was) && was[k] != n {
			k++ // deleted since, or out of order (looked up below)
		}
		if k < len(was) {
			i = k + 1
			continue
		}
		if !containsName(was, n) {
			out = append(out, n)
		}
	}
	return out
}

func containsName(list []string, n string) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// mayHide reports whether a new global is one a script made: the
// sandbox's own names are parameters in Postman and set by the bootstrap
// here (the response globals come and go with the kind of script), and
// courier's helpers start with __courier.
func mayHide(name string) bool {
	return !sandboxCommon[name] && !sandboxResponse[name] && !sandboxNewer[name] && !strings.HasPrefix(name, "__courier")
}

var sandboxNewer = names(sandboxNewerList...)

// hiddenVariant is c compiled with the hidden globals its source names as
// parameters of its function, left undefined (uniscope's), so the script
// reads them undefined and its assignments to them stay in the script,
// while the global object keeps their values: (function () { return
// this; })().name still reads what the late code set, as in Newman. A name
// the script declares with let, const or class at its top level is left
// to it. Compiled once per process for each source, listen and names.
func (e *Engine) hiddenVariant(c *compiled, x *Exec) *compiled {
	var names []string
	for name := range e.globals.hidden {
		if strings.Contains(x.Source, name) && !c.declaresLexically(name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return c
	}
	slices.Sort(names) // map order must not reach the compiled text
	key := x.Listen + "\x00" + strings.Join(names, ",") + "\x00" + x.Source
	if v, ok := hiddenPrograms.Load(key); ok {
		return v.(*compiled)
	}
	v, _ := hiddenPrograms.LoadOrStore(key, compileNew(x.Source, x.Listen, names))
	return v.(*compiled)
}

// hiddenPrograms are the scripts compiled with hidden globals as
// parameters (hiddenVariant).
var hiddenPrograms sync.Map

func (c *compiled) declaresLexically(name string) bool {
	for _, n := range c.lexical {
		if n.name == name {
			return true
		}
	}
	return false
}
