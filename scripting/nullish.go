package scripting

import (
	"errors"
	"reflect"
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// V8 says which of null and undefined a property was read from ("Cannot
// read properties of null (reading 'name')"); goja's getProp drops the
// value and says "of undefined" for both. An API that answers
// {"user": null} makes pm.response.json().user.name the everyday case, so
// the value is kept where the script reads it: the object of a member
// expression that may be null is stored in one variable of the script's
// own, right before its property is read,
//
//	d.user.name  →  (__courierO = (__courierO = d).user).name
//
// Each store is immediately followed by the read of that object's
// property, so when the read fails the variable holds the very value it
// failed on. The variable lives in a function around the script's function
// (made once per engine), so a store is one stash write, and a reader
// closure made there lets the engine look at it when it words the error.
// The positions of the instrumented reads are kept with the compiled
// script: an error at any other place (a library, eval'd code, a read left
// alone) is worded from the source as before.
//
// Left alone, as they cannot be null or the answer does not depend on it:
// literals, this, super, new expressions, the sandbox's own globals and
// static paths from them (pm.response.to.have), chai chains from
// pm.expect(...), and the objects of reads inside an optional chain after
// its ?. (storing there would cut the chain's short circuit).
const (
	slotName    = "__courierO"
	keySlotName = "__courierK" // the key of an in expression
)

// nullishSites are the positions (user line, column) of the property reads
// whose object the script stores in a slot before reading, and of the in
// expressions whose key it stores.
type nullishSites map[[2]int]siteKind

// siteKind is what a site stores: siteRead (in the slot of the level in
// the bits above) or siteIn.
type siteKind uint8

const (
	siteRead       siteKind = 1 << iota // a member read: the object is in its level's slot
	siteIn                              // k in o: the key is in __courierK, o in __courierO
	siteSetKey                          // o[k] = v: the key is in __courierK too
	siteInstanceOf                      // x instanceof C: the place goja reports
	siteExtends                         // class extends C: C is in the level's slot
	siteReadKey                         // o[k], k held in a variable: the key is in __courierK
	levelShift     = iota
)

func (k siteKind) level() int { return int(k >> levelShift) }

// maxSlotLevel bounds the nesting of computed keys and assigned values
// that get slots of their own; reads nested deeper are left alone.
const maxSlotLevel = 3

// slotNames are the slots by level: a computed key (o[k]) and the value
// assigned to a member (o.p = v) run after o was stored and before its
// property is read or set, so the reads inside them store one level up
// and leave o in place.
var slotNames = [maxSlotLevel + 1]unistring.String{slotName, slotName + "1", slotName + "2", slotName + "3"}

// site is an instrumented place in the wrapped source.
type site struct {
	idx  file.Idx
	kind siteKind
}

// nullishSkip are globals whose members are read all the time and which a
// script does not set to null.
var nullishSkip = names("pm", "postman", "console", "JSON", "Math", "Object", "Array", "String", "Number",
	"Boolean", "Date", "Promise", "Reflect", "Symbol", "RegExp", "BigInt", "Intl", "Error", "_", "CryptoJS",
	"Buffer", "crypto", "tests", "undefined", "NaN", "Infinity", "arguments", "globalThis", "tv4", "cheerio",
	"Map", "Set", "WeakMap", "WeakSet", "Proxy", "Atomics", "Function", "URL", "URLSearchParams")

// instrumentNullish rewrites the member reads of a parsed script function
// body; it returns the instrumented places in the wrapped source (nil when
// nothing was rewritten). dynamic: the script has a with statement or a
// direct eval, so a name may resolve at run time and no store may sit
// inside an optional chain.
func instrumentNullish(body ast.Node, dynamic bool) []site {
	w := &nullishWalker{dynamic: dynamic, late: map[ast.Expression]bool{}, setKey: map[*ast.BracketExpression]bool{}, force: map[*ast.DotExpression]bool{}, forceSet: map[*ast.BracketExpression]bool{}}
	w.walk(reflect.ValueOf(body), 0)
	return w.sites
}

type nullishWalker struct {
	dynamic bool
	// late are the member expressions whose failed read goja reports at
	// the last place mapped before it, not at the property: a callee, a
	// tag, an update or a compound assignment. Their object ends with a
	// read of the slot placed at the property, so both report there.
	late map[ast.Expression]bool
	// setKey are the computed members assigned to (o[k] = v): V8 names
	// the key when o is null, so it is kept.
	setKey map[*ast.BracketExpression]bool
	// force are the member expressions whose object is stored whatever it
	// is: the receivers a callback hook reads (callbacks.go).
	force    map[*ast.DotExpression]bool
	forceSet map[*ast.BracketExpression]bool
	sites    []site
}

// walk is walkAST keeping the slot level: the computed key of a member
// expression, and the value assigned to one, are a level up.
func (w *nullishWalker) walk(v reflect.Value, level int) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return
		}
		if n, ok := v.Interface().(ast.Node); ok && v.Kind() == reflect.Pointer {
			w.visit(n, level)
			switch x := n.(type) {
			case *ast.BracketExpression:
				w.walk(reflect.ValueOf(x.Left), level)
				w.walk(reflect.ValueOf(x.Member), level+1)
				return
			case *ast.AssignExpression:
				if x.Operator == token.ASSIGN && isMember(x.Left) {
					w.walk(reflect.ValueOf(x.Left), level)
					w.walk(reflect.ValueOf(x.Right), level+1)
					return
				}
			}
		}
		w.walk(v.Elem(), level)
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return
		}
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if t.Field(i).Name != "DeclarationList" { // var bindings again (walkASTPruned)
				w.walk(v.Field(i), level)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i), level)
		}
	}
}

func isMember(x ast.Expression) bool {
	switch x.(type) {
	case *ast.DotExpression, *ast.BracketExpression:
		return true
	}
	return false
}

func (w *nullishWalker) visit(n ast.Node, level int) {
	switch x := n.(type) {
	case *ast.NewExpression:
		allocArg(x.Callee, x.ArgumentList, x.New)
	case *ast.CallExpression:
		w.visitCall(x, level)
	case *ast.TemplateLiteral:
		w.markLate(x.Tag)
	case *ast.UnaryExpression:
		switch x.Operator {
		case token.INCREMENT, token.DECREMENT:
			w.markLate(x.Operand)
		case token.DELETE:
			// V8 names the object a strict delete was refused on
			// (delete Math.PI), as for a write.
			switch t := x.Operand.(type) {
			case *ast.DotExpression:
				w.force[t] = true
			case *ast.BracketExpression:
				w.forceSet[t] = true
			}
		}
	case *ast.AssignExpression:
		w.visitAssign(x)
	case *ast.BinaryExpression:
		w.visitBinary(x)
	case *ast.ClassLiteral:
		if x.SuperClass != nil && level <= maxSlotLevel {
			x.SuperClass = &ast.AssignExpression{Operator: token.ASSIGN,
				Left: &ast.Identifier{Name: slotNames[level], Idx: x.SuperClass.Idx0()}, Right: x.SuperClass}
			w.sites = append(w.sites, site{x.Class, siteExtends | siteKind(level)<<levelShift})
		}
	case *ast.DotExpression:
		if level <= maxSlotLevel && (w.force[x] && storable(x.Left) || w.worthy(x.Left)) {
			x.Left = storeSlot(x.Left, slotNames[level], x.Identifier.Idx, w.late[x])
			w.sites = append(w.sites, site{x.Identifier.Idx, siteRead | siteKind(level)<<levelShift})
		}
	case *ast.BracketExpression:
		w.visitBracket(x, level)
	}
}

// visitCall marks a callee whose failed read goja reports late, and puts
// the hooks of callbacks.go and allocguard.go on the arguments.
func (w *nullishWalker) visitCall(x *ast.CallExpression, level int) {
	w.markLate(x.Callee)
	if _, member := x.Callee.(*ast.DotExpression); member {
		allocArg(x.Callee, x.ArgumentList, x.LeftParenthesis)
	}
	if i, many := descriptorArg(x); i >= 0 {
		x.ArgumentList[i] = descriptorHook(x.ArgumentList[i], many, x.LeftParenthesis)
	}
	if dot, i := callbackArg(x); i >= 0 && level <= maxSlotLevel && (!w.dynamic || !inChain(dot.Left)) {
		if !isArrayFrom(dot) {
			w.force[dot] = true
		}
		x.ArgumentList[i] = callbackHook(slotNames[level], dot.Identifier.Name, x.ArgumentList[i], dot.Identifier.Idx)
	}
}

// visitAssign marks what a write needs kept: the object written to
// (V8 names it when the write is refused: Math.PI = 1 in strict code),
// and a computed key.
func (w *nullishWalker) visitAssign(x *ast.AssignExpression) {
	if x.Operator != token.ASSIGN {
		w.markLate(x.Left)
		return
	}
	switch t := x.Left.(type) {
	case *ast.BracketExpression:
		if _, named := t.Member.(*ast.StringLiteral); !named {
			w.setKey[t] = true
		}
		w.forceSet[t] = true
	case *ast.DotExpression:
		w.force[t] = true
	}
}

// visitBinary keeps what V8 names for in and instanceof.
func (w *nullishWalker) visitBinary(x *ast.BinaryExpression) {
	if x.Operator == token.INSTANCEOF {
		// goja reports a refused right-hand side at the left's place.
		w.sites = append(w.sites, site{x.Left.Idx0(), siteInstanceOf})
	}
	// 'k' in v: V8 names the key and the value, kept in slots (the value
	// last, so it is the one in __courierO).
	if _, private := x.Left.(*ast.PrivateIdentifier); x.Operator == token.IN && !private {
		at := x.Left.Idx0()
		x.Left = &ast.AssignExpression{Operator: token.ASSIGN, Left: &ast.Identifier{Name: keySlotName, Idx: at}, Right: x.Left}
		x.Right = &ast.AssignExpression{Operator: token.ASSIGN, Left: &ast.Identifier{Name: slotName, Idx: x.Right.Idx0()}, Right: x.Right}
		w.sites = append(w.sites, site{at, siteIn})
	}
}

func (w *nullishWalker) visitBracket(x *ast.BracketExpression, level int) {
	if level > maxSlotLevel || !(w.forceSet[x] && storable(x.Left) || w.worthy(x.Left)) {
		return
	}
	x.Left = storeSlot(x.Left, slotNames[level], x.LeftBracket, w.late[x])
	kind := siteRead | siteKind(level)<<levelShift
	_, literal := x.Member.(*ast.StringLiteral)
	if _, n := x.Member.(*ast.NumberLiteral); n {
		literal = true
	}
	switch {
	case w.setKey[x]:
		kind |= siteSetKey
	case mayBeSymbol(x.Member), w.late[x] && !literal:
		// V8 names a symbol key Symbol(desc); goja's words name it by
		// its description alone, as if it were a string.
		kind |= siteReadKey
	default:
		w.sites = append(w.sites, site{x.LeftBracket, kind})
		return
	}
	var key ast.Expression = &ast.AssignExpression{Operator: token.ASSIGN, Left: &ast.Identifier{Name: keySlotName, Idx: x.Member.Idx0()}, Right: x.Member}
	if w.late[x] {
		// goja reports a failed call or update of o[k] at the last
		// mapped place, k's: a read of the key placed at the bracket
		// comes last.
		key = &ast.SequenceExpression{Sequence: []ast.Expression{key, &ast.Identifier{Name: keySlotName, Idx: x.LeftBracket}}}
	}
	x.Member = key
	w.sites = append(w.sites, site{x.LeftBracket, kind})
}

// mayBeSymbol reports whether a computed key may hold a symbol the source
// does not show: a variable, a member or a call (Symbol.iterator written
// out is named from the source).
func mayBeSymbol(k ast.Expression) bool {
	switch k := k.(type) {
	case *ast.Identifier:
		return !strings.HasPrefix(k.Name.String(), "__courier")
	case *ast.DotExpression:
		id, ok := k.Left.(*ast.Identifier)
		return !ok || id.Name != "Symbol"
	case *ast.BracketExpression, *ast.CallExpression:
		return true
	}
	return false
}

func (w *nullishWalker) markLate(x ast.Expression) {
	if isMember(x) {
		w.late[x] = true
	}
}

func (w *nullishWalker) worthy(x ast.Expression) bool {
	return slotWorthy(x) && (!w.dynamic || !inChain(x))
}

// storeSlot is (slot = x), or (slot = x, slot) with the read placed at
// site when the failing instruction is reported where the last mapped one
// was.
func storeSlot(x ast.Expression, slot unistring.String, site file.Idx, late bool) ast.Expression {
	store := &ast.AssignExpression{
		Operator: token.ASSIGN,
		Left:     &ast.Identifier{Name: slot, Idx: x.Idx0()},
		Right:    x,
	}
	if !late {
		return store
	}
	return &ast.SequenceExpression{Sequence: []ast.Expression{store, &ast.Identifier{Name: slot, Idx: site}}}
}

// storable reports whether x can be stored in a slot where it stands: not
// super, not an optional link (or inside its chain, when names resolve at
// run time: the caller checks).
func storable(x ast.Expression) bool {
	switch x.(type) {
	case *ast.SuperExpression, *ast.Optional:
		return false
	}
	return true
}

// slotWorthy reports whether the object x of a member read may be null and
// can be stored before the read.
func slotWorthy(x ast.Expression) bool {
	switch x := x.(type) {
	case *ast.Identifier:
		return !nullishSkip[x.Name.String()] && !strings.HasPrefix(x.Name.String(), "__courier")
	case *ast.DotExpression, *ast.BracketExpression, *ast.CallExpression, *ast.PrivateDotExpression:
		return !staticPath(x)
	case *ast.OptionalChain, *ast.AssignExpression, *ast.ConditionalExpression, *ast.BinaryExpression,
		*ast.SequenceExpression, *ast.AwaitExpression, *ast.NullLiteral:
		return true
	}
	// Literals, this, super, new, functions, classes, templates, unary
	// operators (void 0 is undefined, typeof a string), an optional link.
	return false
}

// staticPath reports whether x is a path that cannot be null: members read
// from a skipped global without a call in between (pm.response.to.have), or
// anything read from a chai assertion (pm.expect(v).to.be).
func staticPath(x ast.Expression) bool {
	called := false
	for {
		switch y := x.(type) {
		case *ast.DotExpression:
			x = y.Left
		case *ast.CallExpression:
			if isExpectCall(y) {
				return true
			}
			called = true
			x = y.Callee
		case *ast.Identifier:
			return !called && nullishSkip[y.Name.String()]
		default:
			return false
		}
	}
}

// isExpectCall is pm.expect(...).
func isExpectCall(c *ast.CallExpression) bool {
	d, ok := c.Callee.(*ast.DotExpression)
	if !ok || d.Identifier.Name != "expect" {
		return false
	}
	id, ok := d.Left.(*ast.Identifier)
	return ok && id.Name == "pm"
}

// inChain reports whether x's object spine holds an optional link (a?.b.c:
// the object of .c), so a store sits inside the chain's short circuit:
// fine when the slot is a plain variable (the jump leaves the stack as it
// found it), not when it is looked up at run time.
func inChain(x ast.Expression) bool {
	for {
		switch y := x.(type) {
		case *ast.Optional:
			return true
		case *ast.DotExpression:
			x = y.Left
		case *ast.BracketExpression:
			x = y.Left
		case *ast.PrivateDotExpression:
			x = y.Left
		case *ast.CallExpression:
			x = y.Callee
		default:
			return false
		}
	}
}

// wrapWithSlot puts the script function fn, the program's only expression,
// inside a function that declares the slot and returns [fn, reader, clear]:
//
//	(function(){ let __courierO, __courierK, __courierO1, …;
//	  return [fn, () => [__courierO, __courierK, __courierO1, …],
//	    () => void (__courierO = __courierK = … = undefined)]; })()
//
// built in the tree so the script's positions stay as they are. The slots
// live as long as the engine: clear, called when a run of the script
// ends, lets go of what they hold (the last response body a script read
// from, one per distinct script of a run, would stay in memory otherwise).
func wrapWithSlot(prg *ast.Program, fn *ast.FunctionLiteral) {
	at := fn.Function
	ident := func(name unistring.String) *ast.Identifier { return &ast.Identifier{Name: name, Idx: at} }
	all := []unistring.String{slotNames[0], keySlotName, slotNames[1], slotNames[2], slotNames[3]}
	arrow := func(x ast.Expression) *ast.ArrowFunctionLiteral {
		return &ast.ArrowFunctionLiteral{Start: at, ParameterList: &ast.ParameterList{Opening: at, Closing: at},
			Body: &ast.ExpressionBody{Expression: x}, Source: "() => {}"}
	}
	read := make([]ast.Expression, len(all))
	var cleared ast.Expression = ident("undefined")
	for i, name := range all {
		read[i] = ident(name)
		cleared = &ast.AssignExpression{Operator: token.ASSIGN, Left: ident(name), Right: cleared}
	}
	reader := arrow(&ast.ArrayLiteral{LeftBracket: at, RightBracket: at, Value: read})
	clear := arrow(&ast.UnaryExpression{Operator: token.VOID, Idx: at, Operand: cleared})
	outer := &ast.FunctionLiteral{
		Function:      at,
		ParameterList: &ast.ParameterList{Opening: at, Closing: at},
		Body: &ast.BlockStatement{LeftBrace: at, RightBrace: at, List: []ast.Statement{
			&ast.LexicalDeclaration{Idx: at, Token: token.LET, List: []*ast.Binding{{Target: ident(slotNames[0])},
				{Target: ident(keySlotName)}, {Target: ident(slotNames[1])}, {Target: ident(slotNames[2])}, {Target: ident(slotNames[3])}}},
			&ast.ReturnStatement{Return: at, Argument: &ast.ArrayLiteral{LeftBracket: at, RightBracket: at,
				Value: []ast.Expression{fn, reader, clear}}},
		}},
		Source: "function(){}",
	}
	prg.Body[0] = &ast.ExpressionStatement{Expression: &ast.CallExpression{
		Callee: outer, LeftParenthesis: at, RightParenthesis: at,
	}}
}

// instrumentScriptNullish instruments the script function of prg and wraps
// it with its slot; it returns the instrumented reads' user positions.
func instrumentScriptNullish(prg *ast.Program, fn *ast.FunctionLiteral, async, dynamic bool) nullishSites {
	idxs := instrumentNullish(fn.Body, dynamic)
	if len(idxs) == 0 {
		return nil
	}
	wrapWithSlot(prg, fn)
	sites := make(nullishSites, len(idxs))
	for _, st := range idxs {
		p := prg.File.Position(int(st.idx) - prg.File.Base())
		line, col := userPos(p.Line, p.Column, async)
		sites[[2]int{line, col}] |= st.kind
	}
	return sites
}

// slotFns read a compiled script's slots and clear them, in one engine.
type slotFns struct{ read, clear goja.Callable }

// keepSlots takes apart what the program of an instrumented script
// returns (see wrapWithSlot): the script function, which it returns, and
// the functions that read and clear its slots, which it keeps.
func (e *Engine) keepSlots(c *compiled, v goja.Value) (goja.Value, error) {
	pair, ok := v.(*goja.Object)
	if !ok {
		return nil, errors.New("compiled script is not a function")
	}
	fn := pair.Get("0")
	read, _ := goja.AssertFunction(pair.Get("1"))
	clear, _ := goja.AssertFunction(pair.Get("2"))
	if e.slots == nil {
		e.slots = map[*compiled]slotFns{}
	}
	e.slots[c] = slotFns{read, clear}
	return fn, nil
}

// clearSlots empties c's slots once its run is over (see wrapWithSlot).
func (e *Engine) clearSlots(c *compiled) {
	if s := e.slots[c]; s.clear != nil {
		_, _ = s.clear(goja.Undefined())
	}
}

// seenAt is what the running script held at an instrumented place
// line:col (user positions) when an error was thrown there. Fields are
// zero when unknown.
type seenAt struct {
	nullish       string // which of null and undefined a member read was made on
	inKey, inWhat string // what an in expression searched, and in what
	setKey        string // the computed key of a member assigned to
	readSymbol    string // the symbol key, held in a variable, of a member read: Symbol(desc)
	readIterator  bool   // and it is Symbol.iterator
	prop          string // the property a member assignment there sets
	obj           *seenObject
	instanceOf    bool   // the place is the right-hand side of instanceof
	extends       string // a class heritage refused, printed
	extendsProto  string // and its prototype property, printed
	// native: the error was thrown inside a built-in called at the place
	// (the place is the call, not where goja made the error).
	native bool
}

// seenObject is the object (not null or undefined) a member read or write
// was made on.
type seenObject struct {
	typeOf, printed string
	getterOnly      func(prop string) bool // prop is an accessor without a setter
}

// seenAtRun reads the running script x's slots for an error at line:col.
// Printing the slot's value may run the script's own code (a getter of
// toString or constructor, a proxy's traps); what that throws is dropped and
// the error is worded from the source, as when nothing was seen: it must not
// replace the error being worded, nor end the script as a Go panic.
func (e *Engine) seenAtRun(x *Exec, line, col int) (seen seenAt) {
	defer dropScriptThrow(func() { seen = seenAt{} })
	kind, o := e.runSlots(x, line, col)
	if o == nil {
		return seenAt{}
	}
	seen = seenAt{instanceOf: kind&siteInstanceOf != 0}
	at := "0"
	if l := kind.level(); l > 0 {
		at = strconv.Itoa(l + 1)
	}
	slot := o.Get(at)
	if kind&siteRead != 0 {
		e.seenRead(&seen, slot, x.Source, line, col)
	}
	e.seenKeys(&seen, kind, o.Get("1"))
	if kind&siteIn != 0 {
		seen.inKey, seen.inWhat = e.v8Printed(o.Get("1")), e.v8Printed(o.Get("0"))
	}
	if kind&siteExtends != 0 && slot != nil {
		seen.extends = e.v8Printed(slot)
		if so, ok := slot.(*goja.Object); ok {
			seen.extendsProto = e.v8Printed(so.Get("prototype"))
		}
	}
	return seen
}

// runSlots is the kind of the site at line:col of the running script x and
// the array its slots hold there, or nil when the compile kept no slot
// there or the script has not filled them.
func (e *Engine) runSlots(x *Exec, line, col int) (siteKind, *goja.Object) {
	if x == nil || line <= 0 {
		return 0, nil
	}
	c := compileScript(x.Source, x.Listen)
	kind := c.sites[[2]int{line, col}]
	if kind == 0 {
		return 0, nil
	}
	read := e.slots[c].read
	if read == nil {
		return 0, nil
	}
	v, err := read(goja.Undefined())
	o, ok := v.(*goja.Object)
	if err != nil || !ok {
		return 0, nil
	}
	return kind, o
}

// seenRead records what a failed member read or write was made on, from the
// value its slot kept.
func (e *Engine) seenRead(seen *seenAt, slot goja.Value, src string, line, col int) {
	// A value other than null or undefined: either the object written to,
	// or the read that failed stored it and a later one ran before the
	// throw (an assignment's right-hand side, a computed key), so the
	// source decides.
	switch {
	case slot == goja.Null():
		seen.nullish = "null"
	case slot == nil || goja.IsUndefined(slot):
		seen.nullish = "undefined"
	default:
		seen.obj = e.describe(slot)
		seen.prop, _ = assignedPropAt(src, line, col)
	}
}

// seenKeys records the computed key kept in slot 1: a key assigned to (it
// names the property when the source did not), or a symbol read.
func (e *Engine) seenKeys(seen *seenAt, kind siteKind, k goja.Value) {
	if kind&siteSetKey != 0 && k != nil {
		if sym, ok := k.(*goja.Symbol); ok {
			seen.setKey = "Symbol(" + sym.String() + ")"
		} else {
			seen.setKey = k.String()
		}
		if seen.prop == "" {
			seen.prop = seen.setKey
		}
	}
	if sym, ok := k.(*goja.Symbol); ok && kind&siteReadKey != 0 {
		seen.readSymbol = "Symbol(" + sym.String() + ")"
		seen.readIterator = sym == goja.SymIterator
	}
}

// dropScriptThrow, deferred, recovers a JavaScript exception that the
// script's own code threw while an error was being worded and calls
// fallback; other panics (an interrupt: the timeout) go on up.
func dropScriptThrow(fallback func()) {
	if r := recover(); r != nil {
		switch r.(type) {
		case *goja.Exception, *goja.Object:
			// The script's getter or trap threw, or goja did from Go
			// (a revoked proxy's class: "proxy has been revoked").
			fallback()
		default:
			panic(r)
		}
	}
}

// describe is what V8's set and delete messages say of v.
func (e *Engine) describe(v goja.Value) *seenObject {
	d := &seenObject{printed: e.v8Printed(v), getterOnly: func(string) bool { return false }}
	switch o := v.(type) {
	case *goja.Object:
		d.typeOf = "object"
		if _, fn := goja.AssertFunction(o); fn {
			d.typeOf = "function"
		}
		d.getterOnly = func(prop string) bool { return e.getterOnly(o, prop) }
	case *goja.Symbol:
		d.typeOf = "symbol"
	default:
		switch {
		case goja.IsString(v):
			d.typeOf = "string"
		case goja.IsNumber(v):
			d.typeOf = "number"
		case goja.IsBigInt(v):
			d.typeOf = "bigint"
		default:
			d.typeOf = "boolean"
		}
	}
	return d
}

// getterOnly reports whether o (or its prototype chain) has prop as an
// accessor without a setter.
func (e *Engine) getterOnly(o *goja.Object, prop string) (only bool) {
	defer dropScriptThrow(func() { only = false }) // a proxy's trap threw
	getDesc, ok := goja.AssertFunction(e.rt.Get("Reflect").ToObject(e.rt).Get("getOwnPropertyDescriptor"))
	if !ok {
		return false
	}
	for depth := 0; o != nil && depth < 100; depth++ {
		d, err := getDesc(goja.Undefined(), o, e.rt.ToValue(prop))
		if err != nil {
			return false
		}
		if do, ok := d.(*goja.Object); ok {
			get, set := do.Get("get"), do.Get("set")
			return get != nil && !goja.IsUndefined(get) && (set == nil || goja.IsUndefined(set))
		}
		o = o.Prototype()
	}
	return false
}

// v8Printed prints v as V8 does in a message, without running the
// script's code where it can help it: strings as they are, functions by
// their source, errors as name and message, an object whose toString is
// Object.prototype's by its constructor's name (#<Foo>), other objects by
// their tag ([object Array]).
func (e *Engine) v8Printed(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	if sym, ok := v.(*goja.Symbol); ok {
		return "Symbol(" + sym.String() + ")"
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return v.String()
	}
	if _, fn := goja.AssertFunction(o); fn {
		return o.String()
	}
	rt := e.rt
	proto := rt.Get("Object").ToObject(rt).Get("prototype").ToObject(rt)
	tag := proto.Get("toString")
	if o.ClassName() == "Error" {
		name, msg := o.Get("name"), o.Get("message")
		if name != nil && msg != nil {
			return name.String() + ": " + msg.String()
		}
	}
	if ts := o.Get("toString"); ts != nil && ts.SameAs(tag) {
		if ctor, ok := o.Get("constructor").(*goja.Object); ok {
			if _, fn := goja.AssertFunction(ctor); fn {
				if n := ctor.Get("name"); n != nil && n.String() != "" {
					return "#<" + n.String() + ">"
				}
			}
		}
	}
	toString, _ := goja.AssertFunction(tag)
	if toString == nil {
		return "[object Object]"
	}
	s, err := toString(o)
	if err != nil {
		return "[object Object]"
	}
	return s.String()
}

// mayScopeDynamically is a cheap test for a with statement or a direct eval,
// which make the script's names resolve at run time.
func mayScopeDynamically(src string) bool {
	return strings.Contains(src, "eval") || withStatement().MatchString(src)
}

var withStatement = lazyre.New(`\bwith\s*\(`)
