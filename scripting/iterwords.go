package scripting

import (
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

// goja words a failed destructuring "Value is not object coercible" and a
// failed iteration "object is not iterable" (or "Cannot convert undefined
// or null to object"); V8 names the expression: "Cannot destructure
// property 'token' of 'pm.response.json(...).data' as it is undefined.",
// "r.items is not iterable". goja's error positions do not say which
// expression failed, so the places where a script destructures or iterates
// a value are instrumented when it is compiled: the value passes through a
// hook that throws V8's TypeError when it cannot be destructured or
// iterated, and hands it back unchanged otherwise. The hook knows the
// expression's text as V8 prints it (its CallPrinter: calls as f(...),
// other values as (intermediate value)).
const (
	hookDestructure = "__courierDestructure" // (v, property, text): v, or V8's TypeError
	hookIterable    = "__courierIterable"    // (v, kind, text): v, or V8's TypeError
)

// How V8 words a value that is not iterable depends on the construct.
const (
	iterForOf    = iota // for-of and [...x]: "x is not iterable"
	iterPattern         // const [a] = x
	iterCall            // f(...x)
	iterAssign          // [a] = x: as iterPattern, and the expression's value is x itself
	iterCtor            // new Map(x), Set, WeakMap, WeakSet: null and undefined pass; "number 1 is not iterable (…)"
	iterParam           // function ([a]) called with x: "object null is not iterable (…)"
	iterNested          // const {a: [x]} = o: "object null is not iterable (…)", "{(intermediate value)} is not iterable (…)"
	iterDelegate        // yield* x: "number 5 is not iterable (…)"
	iterLiteral         // for (x of {f() {}}): "object is not iterable (…)"
	iterResult          // for (x of f()), [...f()], const [a] = f(): "f is not a function or its return value is not iterable"
	// const {a: [x]} = o, an array pattern an object pattern holds without a
	// default: as iterNested, but V8 reads null or undefined there as a destructure of
	// Symbol.iterator ("Cannot destructure property 'Symbol(Symbol.iterator)'
	// of 'o' as it is undefined."; Newman 6.2.2 and Postman CLI 1.34 alike).
	iterNestedProp
)

// paramText stands for the text of a destructured parameter's value, which
// V8 prints by its type ('object null', 'undefined').
const paramText = "\x00param"

// nestedText marks a nested object pattern's check: V8 words its failure
// as the property read it is ("Cannot read properties of null (reading
// 'b')").
const nestedText = "\x00nested"

// ctorsOfIterables are the built-in constructors whose argument is checked
// as V8 checks it.
var ctorsOfIterables = map[string]bool{"Map": true, "Set": true, "WeakMap": true, "WeakSet": true}

var destructureRe = lazyre.New(`\b(?:const|let|var)\s*[\[{]|[}\]]\s*=[^=>]|\bof\b|\.\.\.|yield\s*\*`)

// mayIterate is a cheap test for scripts that neither destructure nor
// iterate (nothing to instrument).
func mayIterate(src string) bool { return destructureRe().MatchString(src) }

// instrumentIteration wraps the values a script destructures or iterates
// in the hooks.
func instrumentIteration(body ast.Node) {
	in := iterInstrumenter{root: body}
	walkAST(reflect.ValueOf(body), in.visit)
}

// iterInstrumenter rewrites one script's tree; temps numbers the names it
// gives nested patterns' values (splitNested). root is the tree, whose
// hoisting lists a split var statement updates (hoisted).
type iterInstrumenter struct {
	temps   int
	root    ast.Node
	hoisted map[*ast.Binding]*ast.VariableDeclaration
}

// splitVar splits a var statement's nested patterns as splitNested does
// for let and const, and gives the function's hoisting list (goja's
// DeclarationList, which holds the statement's bindings a second time)
// the new bindings: a name only the statement declared would be unbound
// (a ReferenceError in strict code, a global otherwise).
func (in *iterInstrumenter) splitVar(x *ast.VariableStatement) {
	if !hasPattern(x.List) {
		return // a plain var statement, the common one
	}
	if in.hoisted == nil {
		in.hoisted = map[*ast.Binding]*ast.VariableDeclaration{}
		var lists func(v reflect.Value)
		lists = func(v reflect.Value) {
			switch v.Kind() {
			case reflect.Pointer, reflect.Interface:
				if !v.IsNil() {
					lists(v.Elem())
				}
			case reflect.Struct:
				if f := v.FieldByName("DeclarationList"); f.IsValid() {
					for _, d := range f.Interface().([]*ast.VariableDeclaration) {
						for _, b := range d.List {
							in.hoisted[b] = d
						}
					}
				}
				for i := 0; i < v.NumField(); i++ {
					if v.Type().Field(i).IsExported() && v.Type().Field(i).Name != "DeclarationList" {
						lists(v.Field(i))
					}
				}
			case reflect.Slice:
				for i := 0; i < v.Len(); i++ {
					lists(v.Index(i))
				}
			}
		}
		lists(reflect.ValueOf(in.root))
	}
	decl := in.hoisted[x.List[0]]
	if decl == nil {
		return // no hoisting list holds it: leave goja's words
	}
	x.List = splitNested(x.List, &in.temps)
	decl.List = x.List
	for _, b := range x.List {
		in.hoisted[b] = decl
	}
}

// visit rewrites the node kinds where V8 destructures or iterates.
func (in *iterInstrumenter) visit(n ast.Node) {
	switch x := n.(type) {
	case *ast.LexicalDeclaration:
		x.List = splitNested(x.List, &in.temps)
	case *ast.VariableStatement:
		// var {data: {items}} = body: as for let and const.
		in.splitVar(x)
	case *ast.Binding:
		if x.Initializer != nil {
			x.Initializer = bindingHook(x.Target, x.Initializer)
		}
	case *ast.ExpressionStatement:
		// An assignment whose value nobody reads destructures as a
		// declaration does.
		if a, ok := x.Expression.(*ast.AssignExpression); ok && a.Operator == token.ASSIGN {
			if splitNestedAssignment(x, a, &in.temps) {
				return // its pieces are visited next
			}
			a.Right = assignHook(a.Left, a.Right, iterPattern)
		}
	case *ast.AssignExpression:
		if x.Operator == token.ASSIGN {
			x.Right = assignHook(x.Left, x.Right, iterAssign)
		}
	case *ast.FunctionLiteral:
		if !x.Generator && x.Body != nil {
			x.DeclarationList = destructureParams(x.ParameterList, &x.Body.List, x.DeclarationList, &in.temps)
		}
	case *ast.ArrowFunctionLiteral:
		in.arrowParams(x)
	case *ast.NewExpression:
		checkCtorArgument(x)
	case *ast.ForOfStatement:
		x.Source = forOfHook(x.Source)
		destructureForOf(x, &in.temps)
	case *ast.ArrayLiteral, *ast.CallExpression, *ast.YieldExpression:
		wrapIteratedValues(x)
	}
}

// wrapIteratedValues puts the values spread into an array literal or a
// call, or delegated to by yield*, through the iterable hook.
func wrapIteratedValues(n ast.Node) {
	switch x := n.(type) {
	case *ast.ArrayLiteral:
		wrapSpreads(x.Value, iterForOf)
	case *ast.CallExpression:
		wrapSpreads(x.ArgumentList, iterCall)
	case *ast.YieldExpression:
		if x.Delegate && x.Argument != nil {
			x.Argument = iterHook(x.Argument, iterDelegate, "")
		}
	}
}

// arrowParams gives an arrow with destructured parameters the checks a
// function gets; an expression body becomes a block that returns it, so
// the checks have somewhere to go.
func (in *iterInstrumenter) arrowParams(x *ast.ArrowFunctionLiteral) {
	body, ok := x.Body.(*ast.BlockStatement)
	if !ok && hasPatternParam(x.ParameterList) {
		e := x.Body.(*ast.ExpressionBody).Expression
		body = &ast.BlockStatement{LeftBrace: e.Idx0(), List: []ast.Statement{&ast.ReturnStatement{Return: e.Idx0(), Argument: e}}, RightBrace: e.Idx1()}
		x.Body = body
	}
	if body != nil {
		x.DeclarationList = destructureParams(x.ParameterList, &body.List, x.DeclarationList, &in.temps)
	}
}

// checkCtorArgument wraps the argument of new Map(x) and its kin: V8 names
// a value that is not iterable by its type. The constructor goes along, so
// that a script's own class of the same name is left alone.
func checkCtorArgument(x *ast.NewExpression) {
	id, ok := x.Callee.(*ast.Identifier)
	if !ok || !ctorsOfIterables[id.Name.String()] || len(x.ArgumentList) == 0 {
		return
	}
	if _, spread := x.ArgumentList[0].(*ast.SpreadElement); spread {
		return
	}
	a := x.ArgumentList[0]
	at := a.Idx0()
	x.ArgumentList[0] = &ast.CallExpression{
		Callee:          &ast.Identifier{Name: unistring.NewFromString(hookIterable), Idx: at},
		LeftParenthesis: at,
		ArgumentList: []ast.Expression{a, iterKind(at, iterCtor), &ast.StringLiteral{Idx: at, Value: ""},
			&ast.Identifier{Name: id.Name, Idx: at}},
		RightParenthesis: at,
	}
}

// wrapSpreads puts each spread element's value (…x in an array literal or
// a call's arguments) through the iterable hook.
func wrapSpreads(list []ast.Expression, kind int) {
	for _, el := range list {
		if s, ok := el.(*ast.SpreadElement); ok && kind == iterForOf && isCallResult(s.Expression) {
			s.Expression = resultHook(s.Expression)
		} else if ok {
			s.Expression = iterHook(s.Expression, kind, v8Printed(s.Expression, true))
		}
	}
}

// patternHook wraps v, the value a pattern target destructures, in the
// hook that checks it as V8 does: an object pattern's first key names
// the failing read, an array pattern iterates.
func patternHook(target ast.Expression, v ast.Expression, kind int) ast.Expression {
	if isHookCall(v) {
		return v // a destructured parameter's binding, made by destructureParams
	}
	switch p := target.(type) {
	case *ast.ObjectPattern:
		prop := ""
		if len(p.Properties) > 0 {
			prop = patternKey(p.Properties[0])
			if prop == "" {
				return v // a computed key: V8 evaluates it first
			}
		}
		return hookWith(hookDestructure, v, &ast.StringLiteral{Idx: v.Idx0(), Value: unistring.NewFromString(prop)}, v8Printed(v, false))
	case *ast.ArrayPattern:
		return iterHook(v, kind, v8Printed(v, false))
	}
	return v
}

// bindingHook is the hook a declaration's initializer v goes through: a
// call's result destructured by an array pattern is named by its callee.
func bindingHook(target, v ast.Expression) ast.Expression {
	if _, arr := target.(*ast.ArrayPattern); arr && isCallResult(v) {
		return resultHook(v)
	}
	return patternHook(target, v, iterPattern)
}

// forOfHook is the hook a for-of's source goes through, worded by what the
// source is: an object literal, a call, or anything else as V8 prints it.
func forOfHook(src ast.Expression) ast.Expression {
	if lit, ok := src.(*ast.ObjectLiteral); ok && !constantLiteral(lit) {
		return iterHook(src, iterLiteral, lastCallee(lit, "object"))
	}
	if isCallResult(src) {
		return resultHook(src)
	}
	return iterHook(src, iterForOf, v8Printed(src, true))
}

// isCallResult reports a call or new expression, whose result V8 names
// by its callee when a for-of, an array spread or a declared array pattern
// cannot iterate it.
func isCallResult(e ast.Expression) bool {
	e = unguarded(e)
	switch e.(type) {
	case *ast.CallExpression, *ast.NewExpression:
		return !isHookCall(e)
	}
	return false
}

// resultHook is the iterable hook for a call's result, named by its
// callee as V8 prints it (new Object() by Object).
func resultHook(e ast.Expression) ast.Expression {
	callee := unguarded(e)
	if c, ok := callee.(*ast.CallExpression); ok {
		callee = c.Callee
	} else if n, ok := callee.(*ast.NewExpression); ok {
		callee = n.Callee
	}
	return iterHook(e, iterResult, v8Printed(callee, true))
}

// assignHook is patternHook for an assignment: an array pattern there
// fails in words that name the value by its type, not the expression
// ("object is not iterable (cannot read property Symbol(Symbol.iterator))"
// for [a] = o), as V8 words it.
func assignHook(target, v ast.Expression, kind int) ast.Expression {
	if _, arr := target.(*ast.ArrayPattern); arr && !isHookCall(v) {
		return iterHook(v, kind, assignText)
	}
	return patternHook(target, v, kind)
}

// assignText is an assignment's array pattern's text (assignHook).
const assignText = "\x00assign"

// iterHook is hookIterable(v, kind, text).
func iterHook(v ast.Expression, kind int, text string) ast.Expression {
	return hookWith(hookIterable, v, iterKind(v.Idx0(), kind), text)
}

// hookWith is hook(v, arg2, text), placed where v starts.
func hookWith(hook string, v ast.Expression, arg2 ast.Expression, text string) ast.Expression {
	at := v.Idx0()
	return &ast.CallExpression{
		Callee:           &ast.Identifier{Name: unistring.NewFromString(hook), Idx: at},
		LeftParenthesis:  at,
		ArgumentList:     []ast.Expression{v, arg2, &ast.StringLiteral{Idx: at, Value: unistring.NewFromString(text)}},
		RightParenthesis: at,
	}
}

// iterKind is the number literal that tells the hook which kind of
// iteration it checks (iterForOf, iterCall…).
func iterKind(at file.Idx, kind int) ast.Expression {
	return &ast.NumberLiteral{Idx: at, Value: int64(kind)}
}

// isHookCall reports whether e is a call of one of the iteration hooks.
func isHookCall(e ast.Expression) bool {
	c, ok := e.(*ast.CallExpression)
	if !ok {
		return false
	}
	id, ok := c.Callee.(*ast.Identifier)
	return ok && (id.Name == hookDestructure || id.Name == hookIterable)
}

// hasPattern reports whether a declaration binds a pattern.
func hasPattern(list []*ast.Binding) bool {
	for _, b := range list {
		switch b.Target.(type) {
		case *ast.ObjectPattern, *ast.ArrayPattern:
			return true
		}
	}
	return false
}

func hasPatternParam(params *ast.ParameterList) bool {
	if params == nil {
		return false
	}
	for _, b := range params.List {
		switch b.Target.(type) {
		case *ast.ObjectPattern, *ast.ArrayPattern:
			return true
		}
	}
	return false
}

// destructureParams moves the destructuring of a function's pattern
// parameters into its body, where the value passes through the hooks
// first: function ({id}) { … } runs as function (__courierP0) { var {id} =
// __courierDestructure(__courierP0, 'id', …); … }. The function's length,
// arguments and source text stay as they were. A function is left as
// written when a parameter after a pattern has a default (it may read the
// pattern's names) or its body starts with a directive. It returns the
// function's var declarations with the new one added.
func destructureParams(params *ast.ParameterList, body *[]ast.Statement, decls []*ast.VariableDeclaration, temps *int) []*ast.VariableDeclaration {
	if !canDestructureParams(params, *body) {
		return decls
	}
	var bindings []*ast.Binding
	for i, b := range params.List {
		if pb := paramBinding(i, b); pb != nil {
			bindings = append(bindings, pb)
			b.Target = paramTemp(i, b.Target.Idx0())
		}
	}
	at := bindings[0].Target.Idx0()
	bindings = splitNested(bindings, temps)
	*body = append([]ast.Statement{&ast.VariableStatement{Var: at, List: bindings}}, *body...)
	return append(decls, &ast.VariableDeclaration{Var: at, List: bindings})
}

// canDestructureParams reports whether destructureParams may move the
// function's pattern parameters into its body (see there for when not).
func canDestructureParams(params *ast.ParameterList, body []ast.Statement) bool {
	if !hasPatternParam(params) || startsWithDirective(body) {
		return false
	}
	// A function declared in the body under a name the pattern binds
	// would be overwritten by the moved destructuring (V8 lets it win).
	declared := declaredFunctions(body)
	seenPattern := false
	for _, b := range params.List {
		if len(declared) > 0 && bindsAny(b.Target, declared) {
			return false
		}
		switch b.Target.(type) {
		case *ast.ObjectPattern, *ast.ArrayPattern:
			seenPattern = true
			continue
		}
		if seenPattern && b.Initializer != nil {
			return false
		}
	}
	return true
}

// startsWithDirective reports a body whose first statement is a string
// literal ("use strict" and the like).
func startsWithDirective(body []ast.Statement) bool {
	if len(body) == 0 {
		return false
	}
	es, ok := body[0].(*ast.ExpressionStatement)
	if !ok {
		return false
	}
	_, ok = es.Expression.(*ast.StringLiteral)
	return ok
}

// declaredFunctions names the functions a body declares at its top level.
func declaredFunctions(body []ast.Statement) map[unistring.String]bool {
	declared := map[unistring.String]bool{}
	for _, st := range body {
		if fd, ok := st.(*ast.FunctionDeclaration); ok && fd.Function.Name != nil {
			declared[fd.Function.Name.Name] = true
		}
	}
	return declared
}

// bindsAny reports whether a parameter target binds one of names.
func bindsAny(target ast.Node, names map[unistring.String]bool) bool {
	clash := false
	walkAST(reflect.ValueOf(target), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.Identifier:
			clash = clash || names[x.Name]
		case *ast.PropertyShort:
			clash = clash || names[x.Name.Name]
		}
	})
	return clash
}

// paramBinding returns the body's binding for parameter i when it is a
// pattern: the pattern, read from the parameter's temporary through the
// hook that checks the value as V8 does. It returns nil for a plain
// parameter.
func paramBinding(i int, b *ast.Binding) *ast.Binding {
	at := b.Target.Idx0()
	var check ast.Expression
	switch p := b.Target.(type) {
	case *ast.ObjectPattern:
		prop := ""
		if len(p.Properties) > 0 {
			prop = patternKey(p.Properties[0])
		}
		// V8 prints a parameter with a default by its desugaring.
		text := paramText
		if b.Initializer != nil {
			text = "(intermediate value)(intermediate value)(intermediate value)"
		}
		check = hookArgs(hookDestructure, at, paramTemp(i, at), &ast.StringLiteral{Idx: at, Value: unistring.NewFromString(prop)}, &ast.StringLiteral{Idx: at, Value: unistring.NewFromString(text)})
	case *ast.ArrayPattern:
		check = hookArgs(hookIterable, at, paramTemp(i, at), &ast.NumberLiteral{Idx: at, Value: int64(iterParam)}, &ast.StringLiteral{Idx: at, Value: ""})
	default:
		return nil
	}
	return &ast.Binding{Target: b.Target, Initializer: check}
}

// paramTemp is the identifier that takes parameter i's place.
func paramTemp(i int, at file.Idx) *ast.Identifier {
	return &ast.Identifier{Name: unistring.NewFromString("__courierP" + strconv.Itoa(i)), Idx: at}
}

// splitNested gives each nested pattern of a declaration a binding of its
// own, so that its value passes through a hook as a declaration's does:
// const {a: {b}} = x becomes const {a: __courierN0} = x, {b} =
// __courierDestructure(__courierN0, 'b', nestedText). V8 words a nested
// failure as a property read, which goja cannot tell apart. The pieces are
// destructured in the same order, a default stays on its property; a
// nested pattern's checks run after its siblings' reads (a difference
// only a getter among them could see).
func splitNested(list []*ast.Binding, temps *int) []*ast.Binding {
	var out []*ast.Binding
	for _, b := range list {
		out = append(out, b)
		outer := "(intermediate value)"
		if b.Initializer != nil {
			outer = v8Printed(unhooked(b.Initializer), false)
		}
		out = append(out, nestedOf(b.Target, outer, temps)...)
	}
	return out
}

// nestedOf replaces the nested patterns directly inside pattern by fresh
// names and returns their bindings (and those of the patterns nested in
// them).
func nestedOf(pattern ast.Expression, outer string, temps *int) []*ast.Binding {
	var out []*ast.Binding
	take := func(target *ast.Expression, inObject bool) {
		t := *target
		def, hasDefault := t.(*ast.AssignExpression)
		if hasDefault {
			t = def.Left
		}
		var check func(id ast.Expression) ast.Expression
		switch p := t.(type) {
		case *ast.ObjectPattern:
			prop := ""
			if len(p.Properties) > 0 {
				prop = patternKey(p.Properties[0])
			}
			if prop == "" {
				return // no property to name: goja's words stay
			}
			at := p.Idx0()
			// A nested pattern with a default is worded as a
			// declaration of the default (V8: "… of '{}' as it is null").
			text := nestedText
			if hasDefault {
				text = v8Printed(def.Right, false)
			}
			check = func(id ast.Expression) ast.Expression {
				return hookArgs(hookDestructure, at, id, &ast.StringLiteral{Idx: at, Value: unistring.NewFromString(prop)}, &ast.StringLiteral{Idx: at, Value: unistring.NewFromString(text)})
			}
		case *ast.ArrayPattern:
			at := p.Idx0()
			// An element of an array pattern came from iterating: V8
			// names it by its type ("number 5 is not iterable …"),
			// not by the outer expression (nor the rewrite's name for a
			// parameter, __courierP0).
			text := outer
			if _, fromArray := pattern.(*ast.ArrayPattern); fromArray {
				text = ""
			}
			kind := iterNested
			if inObject && !hasDefault {
				// With a default (const {a: [x] = []} = o) V8 words a
				// null as iterNested does.
				kind = iterNestedProp
			}
			check = func(id ast.Expression) ast.Expression {
				return hookArgs(hookIterable, at, id, &ast.NumberLiteral{Idx: at, Value: int64(kind)}, &ast.StringLiteral{Idx: at, Value: unistring.NewFromString(text)})
			}
		default:
			return
		}
		if _, ok := t.(ast.BindingTarget); !ok {
			return
		}
		at := t.Idx0()
		name := unistring.NewFromString("__courierN" + strconv.Itoa(*temps))
		*temps++
		if hasDefault {
			def.Left = &ast.Identifier{Name: name, Idx: at}
		} else {
			*target = &ast.Identifier{Name: name, Idx: at}
		}
		bt, ok := t.(ast.BindingTarget)
		if !ok {
			return
		}
		nb := &ast.Binding{Target: bt, Initializer: check(&ast.Identifier{Name: name, Idx: at})}
		out = append(out, nb)
		out = append(out, nestedOf(t, outer, temps)...)
	}
	switch p := pattern.(type) {
	case *ast.ObjectPattern:
		for _, pr := range p.Properties {
			if k, ok := pr.(*ast.PropertyKeyed); ok {
				take(&k.Value, true)
			}
		}
	case *ast.ArrayPattern:
		for i := range p.Elements {
			if p.Elements[i] != nil {
				take(&p.Elements[i], false)
			}
		}
	}
	return out
}

// destructureForOf moves the pattern of a for (const/let PATTERN of …)
// head into the loop's body, where each element passes through a hook
// first, as V8 words it ('.for', its name for the element):
// for (const {id} of list) BODY → for (const __courierN0 of list) { const
// {id} = __courierDestructure(__courierN0, 'id', '.for'); BODY }. BODY
// stays a statement of its own (a block keeps its scope).
func destructureForOf(x *ast.ForOfStatement, temps *int) {
	d, ok := x.Into.(*ast.ForDeclaration)
	if !ok || x.Body == nil {
		return
	}
	at := d.Target.Idx0()
	name := unistring.NewFromString("__courierN" + strconv.Itoa(*temps))
	id := func() *ast.Identifier { return &ast.Identifier{Name: name, Idx: at} }
	var check ast.Expression
	switch p := d.Target.(type) {
	case *ast.ObjectPattern:
		prop := ""
		if len(p.Properties) > 0 {
			prop = patternKey(p.Properties[0])
		}
		check = hookArgs(hookDestructure, at, id(), &ast.StringLiteral{Idx: at, Value: unistring.NewFromString(prop)}, &ast.StringLiteral{Idx: at, Value: ".for"})
	case *ast.ArrayPattern:
		check = hookArgs(hookIterable, at, id(), &ast.NumberLiteral{Idx: at, Value: int64(iterForOf)}, &ast.StringLiteral{Idx: at, Value: ".for"})
	default:
		return
	}
	*temps++
	tok := token.LET
	if d.IsConst {
		tok = token.CONST
	}
	decl := &ast.LexicalDeclaration{Idx: at, Token: tok, List: []*ast.Binding{{Target: d.Target, Initializer: check}}}
	d.Target = id()
	x.Body = &ast.BlockStatement{LeftBrace: x.Body.Idx0(), List: []ast.Statement{decl, x.Body}, RightBrace: x.Body.Idx1()}
}

// splitNestedAssignment does for an assignment statement with nested
// patterns what splitNested does for a declaration; the temporary names
// live in an arrow function called in the statement's place:
// ({a: {b}} = x); → (() => { let __courierN0; ({a: __courierN0} = x);
// ({b} = __courierDestructure(__courierN0, 'b', nestedText)); })();
// Statements an arrow would change (await, yield, arguments, super…) are
// left as written. It reports whether it rewrote s.
func splitNestedAssignment(s *ast.ExpressionStatement, a *ast.AssignExpression, temps *int) bool {
	switch a.Left.(type) {
	case *ast.ObjectPattern, *ast.ArrayPattern:
	default:
		return false
	}
	if safe, returns, escapes, awaits := arrowSafe(&ast.BlockStatement{List: []ast.Statement{s}}); !safe || returns || len(escapes) > 0 || len(awaits) > 0 {
		return false
	}
	first := *temps
	outer := v8Printed(a.Right, false)
	nested := nestedOf(a.Left, outer, temps)
	if len(nested) == 0 {
		return false
	}
	at := a.Idx0()
	var names []*ast.Binding
	for i := first; i < *temps; i++ {
		names = append(names, &ast.Binding{Target: &ast.Identifier{Name: unistring.NewFromString("__courierN" + strconv.Itoa(i)), Idx: at}})
	}
	list := []ast.Statement{
		&ast.LexicalDeclaration{Idx: at, Token: token.LET, List: names},
		&ast.ExpressionStatement{Expression: a},
	}
	for _, b := range nested {
		list = append(list, &ast.ExpressionStatement{Expression: &ast.AssignExpression{Operator: token.ASSIGN, Left: b.Target.(ast.Expression), Right: b.Initializer}})
	}
	s.Expression = &ast.CallExpression{
		Callee: &ast.ArrowFunctionLiteral{
			Start:         at,
			ParameterList: &ast.ParameterList{Opening: at, Closing: at},
			Body:          &ast.BlockStatement{LeftBrace: at, List: list, RightBrace: a.Idx1()},
			Source:        "() => {}",
		},
		LeftParenthesis:  at,
		RightParenthesis: at,
	}
	return true
}

// unhooked is the expression a hook call wraps, or e.
func unhooked(e ast.Expression) ast.Expression {
	if isHookCall(e) {
		return e.(*ast.CallExpression).ArgumentList[0]
	}
	return e
}

func hookArgs(hook string, at file.Idx, args ...ast.Expression) ast.Expression {
	return &ast.CallExpression{
		Callee:           &ast.Identifier{Name: unistring.NewFromString(hook), Idx: at},
		LeftParenthesis:  at,
		ArgumentList:     args,
		RightParenthesis: at,
	}
}

// v8TypedValue prints a value as V8 does where it cannot print the
// expression (its default call site): by its type, and its value when
// null, a boolean, a number or a string (quoted).
func v8TypedValue(v goja.Value) string {
	switch {
	case goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object null"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol"
	}
	switch v.ExportType().Kind() {
	case reflect.Bool:
		return "boolean " + v.String()
	case reflect.String:
		return "string \"" + v.String() + "\""
	case reflect.Int64, reflect.Float64, reflect.Int, reflect.Uint64:
		return "number " + v.String()
	}
	if _, ok := v.(*goja.Object); ok {
		if _, fn := goja.AssertFunction(v); fn {
			return "function"
		}
		return "object"
	}
	return "bigint"
}

// patternKey is the name of an object pattern's first property, as V8
// names it in its message, or "" when the key is computed.
func patternKey(p ast.Property) string {
	switch k := p.(type) {
	case *ast.PropertyShort:
		return k.Name.Name.String()
	case *ast.PropertyKeyed:
		if k.Computed {
			return ""
		}
		switch key := k.Key.(type) {
		case *ast.StringLiteral:
			return key.Value.String()
		case *ast.Identifier:
			return key.Name.String()
		case *ast.NumberLiteral:
			return key.Literal
		}
	}
	return ""
}

// v8Printed prints an expression as V8's error messages do. In for-of
// and spread messages V8 leaves a call's parentheses out
// (pm.response.json.missing); elsewhere a call reads f(...).
func v8Printed(e ast.Expression, bareCalls bool) string {
	switch x := e.(type) {
	case *ast.Identifier:
		return x.Name.String()
	case *ast.NullLiteral:
		return "null"
	case *ast.BooleanLiteral:
		return x.Literal
	case *ast.NumberLiteral:
		return x.Literal
	case *ast.StringLiteral:
		return `"` + x.Value.String() + `"`
	case *ast.ThisExpression:
		return "this"
	case *ast.DotExpression:
		return v8Printed(x.Left, bareCalls) + "." + x.Identifier.Name.String()
	case *ast.BracketExpression:
		if k, ok := x.Member.(*ast.StringLiteral); ok {
			return v8Printed(x.Left, bareCalls) + "." + k.Value.String() // r['a-b'] reads r.a-b
		}
		return v8Printed(x.Left, bareCalls) + "[" + v8Printed(x.Member, bareCalls) + "]"
	case *ast.CallExpression:
		if inner := guardedExpr(x); inner != nil {
			return v8Printed(inner, bareCalls) // courier's guard (catchfix.go)
		}
		if bareCalls {
			return v8Printed(x.Callee, bareCalls)
		}
		return v8Printed(x.Callee, bareCalls) + "(...)"
	case *ast.ObjectLiteral:
		if len(x.Value) == 0 {
			return "{}"
		}
		// One (intermediate value) for each property.
		return "{" + strings.Repeat("(intermediate value)", len(x.Value)) + "}"
	case *ast.ArrayLiteral:
		if len(x.Value) == 0 {
			return "[]"
		}
	}
	return "(intermediate value)"
}

// constantLiteral reports an object literal V8 builds from its boilerplate:
// plain keys whose values are literals (or such literals nested), or
// accessors. A for-of over any other (a computed key, a method, a function
// or a name as a value, a spread) fails in words that name no expression:
// "object is not iterable (cannot read property Symbol(Symbol.iterator))".
func constantLiteral(lit *ast.ObjectLiteral) bool {
	for _, p := range lit.Value {
		k, ok := p.(*ast.PropertyKeyed)
		if !ok || k.Computed || k.Kind == ast.PropertyKindMethod {
			return false
		}
		if k.Kind == ast.PropertyKindValue && !constantValue(k.Value) {
			return false
		}
	}
	return true
}

// lastCallee is how V8 names a for-of's object literal that is not
// constant: by the callee of the last call or new among its values, nested
// literals included ({a: f(), b: new Date(0)}: Date), unless a function
// comes after it; else as was ("object").
func lastCallee(e ast.Expression, was string) string {
	switch x := e.(type) {
	case *ast.ObjectLiteral:
		for _, p := range x.Value {
			switch k := p.(type) {
			case *ast.PropertyKeyed:
				if k.Kind != ast.PropertyKindValue {
					was = "object"
				} else {
					was = lastCallee(k.Value, was)
				}
			case *ast.PropertyShort:
				if k.Initializer != nil {
					was = lastCallee(k.Initializer, was)
				}
			case *ast.SpreadElement:
				was = lastCallee(k.Expression, was)
			}
		}
	case *ast.ArrayLiteral:
		for _, v := range x.Value {
			if v != nil {
				was = lastCallee(v, was)
			}
		}
	case *ast.CallExpression:
		return v8Printed(x.Callee, true)
	case *ast.NewExpression:
		return v8Printed(x.Callee, true)
	case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.ClassLiteral:
		return "object"
	}
	return was
}

func constantValue(e ast.Expression) bool {
	switch x := e.(type) {
	case *ast.NumberLiteral, *ast.StringLiteral, *ast.BooleanLiteral, *ast.NullLiteral:
		return true
	case *ast.TemplateLiteral:
		return x.Tag == nil && len(x.Expressions) == 0
	case *ast.UnaryExpression:
		_, num := x.Operand.(*ast.NumberLiteral)
		return num && (x.Operator == token.MINUS || x.Operator == token.PLUS)
	case *ast.ObjectLiteral:
		return constantLiteral(x)
	case *ast.ArrayLiteral:
		for _, v := range x.Value {
			if v != nil && !constantValue(v) {
				return false
			}
		}
		return true
	}
	return false
}

// unguarded is e, or the expression courier's guard runs when e is a
// guarded call.
func unguarded(e ast.Expression) ast.Expression {
	if c, ok := e.(*ast.CallExpression); ok {
		if in := guardedExpr(c); in != nil {
			return in
		}
	}
	return e
}

// guardedExpr is the expression a guarded call runs
// (__courierTry(() => e): an awaited operand or initializer, catchfix.go),
// nil for other calls.
func guardedExpr(c *ast.CallExpression) ast.Expression {
	id, ok := c.Callee.(*ast.Identifier)
	if !ok || id.Name != hookTry || len(c.ArgumentList) != 1 {
		return nil
	}
	if a, ok := c.ArgumentList[0].(*ast.ArrowFunctionLiteral); ok {
		if b, ok := a.Body.(*ast.ExpressionBody); ok {
			return b.Expression
		}
	}
	return nil
}

// installIterationHooks defines the hooks on the global object, hidden
// from enumeration.
func (e *Engine) installIterationHooks() {
	rt := e.rt
	g := rt.GlobalObject()
	hide := func(name string, fn func(goja.FunctionCall) goja.Value) {
		_ = g.DefineDataProperty(name, rt.ToValue(fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	hide(hookDestructure, e.destructureHook)
	hide(hookIterable, e.iterableHook)
}

// destructureHook is __courierDestructure(value, prop, text): it hands a
// value to be destructured back, or throws V8's TypeError for null and
// undefined, naming the first key (prop) and the expression (text).
func (e *Engine) destructureHook(c goja.FunctionCall) goja.Value {
	v := c.Argument(0)
	if !goja.IsUndefined(v) && !goja.IsNull(v) {
		return v
	}
	what, prop, text := nullishName(v), c.Argument(1).String(), c.Argument(2).String()
	switch text {
	case paramText:
		text = v8TypedValue(v)
	case nestedText:
		e.throw("TypeError", "Cannot read properties of "+what+" (reading '"+prop+"')")
	}
	if prop == "" {
		e.throw("TypeError", "Cannot destructure '"+text+"' as it is "+what+".")
	}
	e.throw("TypeError", "Cannot destructure property '"+prop+"' of '"+text+"' as it is "+what+".")
	return nil
}

// iterableHook is __courierIterable(value, kind, text[, ctor]): it hands
// an iterable value on (iterateOnce), and anything else to notIterable.
func (e *Engine) iterableHook(c goja.FunctionCall) goja.Value {
	v := c.Argument(0)
	nullish := goja.IsUndefined(v) || goja.IsNull(v)
	if !nullish {
		// A primitive string is iterable without a lookup. Export is
		// no test for it: it copies an array and calls an object's
		// getters, which V8's iteration never does.
		if goja.IsString(v) {
			return v
		}
		o := v.ToObject(e.rt)
		fv := o.GetSymbol(goja.SymIterator)
		if f, ok := goja.AssertFunction(fv); ok && f != nil {
			return e.iterateOnce(v, o, fv, f, c.Argument(1).ToInteger())
		}
	}
	return e.notIterable(v, nullish, c.Argument(1).ToInteger(), c.Argument(2).String(), c.Argument(3))
}

// notIterable throws V8's TypeError for a value the construct of kind
// cannot iterate, in the words V8 has for that construct. Only a
// collection constructor lets the value through: null or undefined (an
// empty collection), or any value when ctor is not a built-in one.
func (e *Engine) notIterable(v goja.Value, nullish bool, kind int64, text string, ctor goja.Value) goja.Value {
	if kind == iterNestedProp {
		kind = e.nestedPropNotIterable(v, nullish, text)
	}
	switch kind {
	case iterDelegate:
		e.throw("TypeError", notIterableNoLoad(v))
	case iterCtor:
		if nullish || !isBuiltinCtor(ctor) {
			return v
		}
		e.throw("TypeError", notIterableNoLoad(v))
	case iterParam:
		e.throw("TypeError", notIterableNoLoad(v))
	case iterLiteral:
		e.throw("TypeError", text+notIterableTail)
	case iterResult:
		e.throw("TypeError", text+" is not a function or its return value is not iterable")
	case iterNested:
		if nullish || text == "" {
			text = v8TypedValue(v)
		}
		e.throw("TypeError", text+" is not iterable (cannot read property Symbol(Symbol.iterator))")
	case iterPattern, iterAssign:
		if text == assignText {
			e.throw("TypeError", notIterableNoLoad(v))
		}
		if nullish && text != "null" && text != "undefined" {
			e.throw("TypeError", notIterableNoLoad(v))
		}
	case iterCall:
		if nullish {
			e.throw("TypeError", text+" is not iterable (cannot read property undefined)")
		}
		e.throw("TypeError", "Spread syntax requires ...iterable[Symbol.iterator] to be a function")
	}
	e.throw("TypeError", text+" is not iterable")
	return nil
}

// nestedPropNotIterable throws V8's words for null or undefined given to
// an array pattern an object pattern holds (iterNestedProp); anything
// else is worded as iterNested words it.
func (e *Engine) nestedPropNotIterable(v goja.Value, nullish bool, text string) int64 {
	if nullish {
		as := "undefined"
		if goja.IsNull(v) {
			as = "null"
		}
		e.throw("TypeError", "Cannot destructure property 'Symbol(Symbol.iterator)' of '"+text+"' as it is "+as+".")
	}
	return iterNested
}

// iterateOnce hands back what the construct iterates once the hook has
// read v's Symbol.iterator method (f, the value fv): V8 reads it once, and
// the construct would read it again. A plain array whose method is the
// built-in one is handed back as it is (nothing can see that read, and
// goja iterates it fastest); anything else (an object with a getter there, a
// proxy, a Map, a generator) goes as a stand-in whose method calls f on v.
// An assignment's value is v itself, so it keeps v.
func (e *Engine) iterateOnce(v goja.Value, o *goja.Object, fv goja.Value, f goja.Callable, kind int64) goja.Value {
	if kind == iterAssign {
		return v
	}
	p := e.protos()
	if p.arrayValues == nil {
		p.arrayValues = p.array.GetSymbol(goja.SymIterator)
	}
	if fv == p.arrayValues && o.Prototype() == p.array && o.ExportType() != proxyType {
		return v
	}
	w := e.rt.NewObject()
	_ = w.SetSymbol(goja.SymIterator, func(goja.FunctionCall) goja.Value {
		it, err := f(v)
		if err != nil {
			panic(err)
		}
		return e.checkedIterator(it, symbolIteratorResult)
	})
	return w
}

// V8's words for a Symbol.iterator method, and a set-like's keys method,
// that gave no object.
const (
	symbolIteratorResult = "Result of the Symbol.iterator method is not an object"
	keysResult           = "Result of the keys method is not an object"
)

// checkedIterator hands goja the iterator a Symbol.iterator method gave,
// its next method read once here, when V8 reads it: goja calls a next
// that is not a function through a nil func (a Go runtime error that ends
// the whole script; V8 throws "number 5 is not a function" at the first
// step, which a catch takes). The iterator goes as a forwarder whose next
// and return call the iterator's own with it as this; return is read when
// the loop is left early, as V8 reads it.
func (e *Engine) checkedIterator(it goja.Value, notAnObject string) goja.Value {
	o, ok := it.(*goja.Object)
	if !ok {
		e.throw("TypeError", notAnObject)
	}
	fw := e.rt.NewObject()
	next := o.Get("next")
	if nf, ok := goja.AssertFunction(next); ok {
		_ = fw.Set("next", func(c goja.FunctionCall) goja.Value {
			r, err := nf(o, c.Arguments...)
			if err != nil {
				panic(err)
			}
			if _, ok := r.(*goja.Object); !ok {
				// goja says "Value is not an object: 5", words it
				// also has for the Symbol.iterator method's result.
				e.throw("TypeError", "Iterator result "+iterResultText(r)+" is not an object")
			}
			return r
		})
	} else {
		if next == nil {
			next = goja.Undefined()
		}
		words := v8TypedValue(next) + " is not a function"
		if notAnObject == keysResult {
			words = `string "next" is not a function` // V8 12 names the key there
		}
		_ = fw.Set("next", func(goja.FunctionCall) goja.Value {
			e.throw("TypeError", words)
			return nil
		})
	}
	for _, name := range [...]string{"return", "throw"} { // yield* passes throw on
		get := e.rt.ToValue(func(goja.FunctionCall) goja.Value {
			v := o.Get(name)
			if f, ok := goja.AssertFunction(v); ok {
				return e.rt.ToValue(e.callOn(o, f))
			}
			return v
		})
		_ = fw.DefineAccessorProperty(name, get, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return fw
}

// iterResultText prints a next result that is no object as V8's "Iterator
// result … is not an object" does: by its string value, a symbol as
// Symbol(description).
func iterResultText(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	if s, ok := v.(*goja.Symbol); ok {
		return "Symbol(" + s.String() + ")"
	}
	return v.String()
}

// iterableStandIn is what a built-in that iterates its argument is handed
// in its place: v itself unless v is an object whose Symbol.iterator is a
// script's own function (a built-in's gives well-formed iterators), else
// iterateOnce's stand-in, whose iterator's results are checked as V8
// checks them ("Result of the Symbol.iterator method is not an object",
// "Iterator result 7 is not an object"; goja words both "Value is not an
// object: 7").
func (e *Engine) iterableStandIn(v goja.Value) goja.Value {
	o, ok := v.(*goja.Object)
	if !ok {
		return v
	}
	fv := o.GetSymbol(goja.SymIterator)
	f, ok := goja.AssertFunction(fv)
	if !ok {
		return v
	}
	if fo, ok := fv.(*goja.Object); ok && isGojaNative(fo) {
		return v
	}
	return e.iterateOnce(v, o, fv, f, iterForOf)
}

// callOn is a native function that calls f with this as its receiver,
// whatever it is called on.
func (e *Engine) callOn(this goja.Value, f goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		r, err := f(this, c.Arguments...)
		if err != nil {
			panic(err)
		}
		return r
	}
}

// isBuiltinCtor reports whether v is one of goja's own constructors (not a
// script's class that took the name).
func isBuiltinCtor(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	return ok && strings.Contains(o.String(), "[native code]")
}

func nullishName(v goja.Value) string {
	if goja.IsNull(v) {
		return "null"
	}
	return "undefined"
}
