package scripting

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"
)

// Array methods called with something that is not a function. Postman's
// sandbox loads Sugar.js, which replaces map, filter, some and every with
// versions that take a value instead ([{a: 1}].map('a') is [1],
// [1, 2].filter(2) is [2], [1].map(undefined) is [1]); the other methods
// refuse it in V8's words (number 5 is not a function; sort: "The
// comparison function must be either a function or undefined: 5"). goja
// refuses all of them in words of its own, and courier loads Sugar only
// when a script uses one of its members (sugar.go).
//
// So a call of one of these methods whose callback is not written as a
// function passes it through a hook, when the script is compiled:
//
//	list.map(f)  →  (__courierO = list).map(__courierCallback(__courierO, 'map', f))
//
// (the receiver is the one the read of .map stored, nullish.go). The hook
// hands a function back as it is; otherwise, for a real array, it loads
// Sugar and gives Sugar's per-element answer as a function, or throws V8's
// TypeError. A callback written as a function literal, the usual case,
// costs nothing; one passed by name costs one native call per method call.
const hookCallback = "__courierCallback"

// callbackMethods are the methods whose first argument the hook checks,
// and what they do with a value that is not a function.
var callbackMethods = map[string]callbackUse{
	"map": cbSugarMap, "filter": cbSugarMatch, "some": cbSugarMatch, "every": cbSugarMatch,
	"forEach": cbMustCall, "find": cbMustCall, "findIndex": cbMustCall, "findLast": cbMustCall, "findLastIndex": cbMustCall,
	"flatMap": cbMustCall, "reduce": cbMustCall, "reduceRight": cbMustCall,
	"sort": cbMustCompare, "toSorted": cbMustCompare,
}

type callbackUse uint8

const (
	cbSugarMap    callbackUse = iota + 1 // Sugar's map: el[key], or el itself for undefined
	cbSugarMatch                         // Sugar's matching: equal, regexp, object pattern
	cbMustCall                           // V8: "<type> <value> is not a function"
	cbMustCompare                        // V8: "The comparison function must be..."
	cbMayMap                             // Array.from's map: undefined, or called
)

// callbackArg returns the call's argument to pass through the hook, or -1.
func callbackArg(call *ast.CallExpression) (*ast.DotExpression, int) {
	dot, ok := call.Callee.(*ast.DotExpression)
	if !ok {
		return nil, -1
	}
	if isArrayFrom(dot) && len(call.ArgumentList) >= 2 && !writtenAsFunction(call.ArgumentList[1]) {
		return dot, 1
	}
	if callbackMethods[dot.Identifier.Name.String()] == 0 || len(call.ArgumentList) == 0 {
		return nil, -1
	}
	switch dot.Left.(type) {
	case *ast.Optional, *ast.SuperExpression:
		return nil, -1
	case *ast.Identifier:
		if nullishSkip[dot.Left.(*ast.Identifier).Name.String()] {
			return nil, -1 // _.map(list, f), Object.keys...: not an array's
		}
	}
	if writtenAsFunction(call.ArgumentList[0]) {
		return nil, -1
	}
	return dot, 0
}

func writtenAsFunction(x ast.Expression) bool {
	switch x.(type) {
	case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.SpreadElement:
		return true
	}
	return false
}

// isArrayFrom is Array.from.
func isArrayFrom(dot *ast.DotExpression) bool {
	id, ok := dot.Left.(*ast.Identifier)
	return ok && id.Name == "Array" && dot.Identifier.Name == "from"
}

// callbackHook is __courierCallback(receiver, name, arg): the receiver is
// the slot the read of the method stored, or Array for Array.from.
func callbackHook(slot unistring.String, name unistring.String, arg ast.Expression, at file.Idx) ast.Expression {
	if name == "from" {
		slot = "Array"
	}
	return &ast.CallExpression{
		Callee:          &ast.Identifier{Name: hookCallback, Idx: at},
		LeftParenthesis: at,
		ArgumentList: []ast.Expression{
			&ast.Identifier{Name: slot, Idx: at},
			&ast.StringLiteral{Idx: at, Literal: "'" + name.String() + "'", Value: name},
			arg,
		},
		RightParenthesis: at,
	}
}

// checkCallback is the hook.
func (e *Engine) checkCallback(c goja.FunctionCall) goja.Value {
	recv, name, arg := c.Argument(0), c.Argument(1).String(), c.Argument(2)
	if _, ok := goja.AssertFunction(arg); ok {
		return arg
	}
	o, ok := recv.(*goja.Object)
	if !ok {
		return arg
	}
	use := e.callbackUse(o, name, arg)
	switch use {
	case 0:
		return arg
	case cbMustCall:
		e.throw("TypeError", v8CalledValue(arg)+" is not a function")
	case cbMayMap:
		if goja.IsUndefined(arg) {
			return arg
		}
		e.throw("TypeError", v8CalledValue(arg)+" is not a function")
	case cbMustCompare:
		if goja.IsUndefined(arg) {
			return arg
		}
		e.throw("TypeError", "The comparison function must be either a function or undefined: "+e.v8Printed(arg))
	}
	return e.sugarCallback(use, arg)
}

// callbackUse is what the method name of o does with a value that is not
// a function, by whose method it is (0: not a built-in's, left alone).
func (e *Engine) callbackUse(o *goja.Object, name string, arg goja.Value) callbackUse {
	rt := e.rt
	m := o.Get(name)
	if m == nil {
		return 0
	}
	protoOf := func(ctor string) *goja.Object {
		return rt.Get(ctor).ToObject(rt).Get("prototype").ToObject(rt)
	}
	use := callbackMethods[name]
	switch {
	case name == "from":
		if m.SameAs(rt.Get("Array").ToObject(rt).Get("from")) {
			return cbMayMap
		}
		return 0
	case m.SameAs(protoOf("Array").Get(name)):
		return use
	case name == "forEach" && (m.SameAs(protoOf("Map").Get(name)) || m.SameAs(protoOf("Set").Get(name))):
		return cbMustCall
	case m.SameAs(protoOf("Uint8Array").Prototype().Get(name)):
		// %TypedArray%.prototype's: no Sugar forms; its map prints the
		// value alone.
		switch use {
		case cbSugarMap:
			e.throw("TypeError", e.v8Printed(arg)+" is not a function")
		case cbSugarMatch:
			return cbMustCall
		}
		return use
	}
	return 0 // a method of the script's own
}

// sugarCallback is a function giving Sugar's answer for one element: once
// loaded, its map and some answer for one element as they would inside the
// whole call.
func (e *Engine) sugarCallback(use callbackUse, arg goja.Value) goja.Value {
	rt := e.rt
	e.sugarNeeded()
	method := "some"
	if use == cbSugarMap {
		method = "map"
	}
	each, ok := goja.AssertFunction(rt.Get("Array").ToObject(rt).Get("prototype").ToObject(rt).Get(method))
	if !ok {
		return arg
	}
	return rt.ToValue(func(call goja.FunctionCall) goja.Value {
		r, err := each(rt.NewArray(call.Argument(0)), arg)
		if err != nil {
			panic(err)
		}
		if use == cbSugarMap {
			return r.ToObject(rt).Get("0")
		}
		return r
	})
}

// v8CalledValue prints a value called as a function the way V8's message
// does: its type, then the value for a primitive ("number 5", `string "x"`,
// "object null"); "object" for an object, "undefined" alone.
func v8CalledValue(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object null"
	}
	switch v.(type) {
	case *goja.Object:
		return "object"
	case *goja.Symbol:
		return "symbol"
	}
	switch {
	case goja.IsString(v):
		return `string "` + v.String() + `"`
	case goja.IsNumber(v):
		return "number " + v.String()
	case goja.IsBigInt(v):
		return "bigint"
	}
	return "boolean " + v.String()
}

// Property descriptors: goja refuses a getter or setter that is not a
// function, and a descriptor mixing an accessor with a value, in words of
// its own ("Value is not an object: 5"). A descriptor passed to
// Object.defineProperty, Reflect.defineProperty, Object.defineProperties or
// Object.create passes through a hook, when the script is compiled, that
// checks it first and throws V8's words ("Getter must be a function: 5").
const hookDescriptor = "__courierDescriptor" // __courierDescriptor(d, many): d, checked

// descriptorArg returns the index of the call's descriptor argument (-1
// for none) and whether it is a map of descriptors.
func descriptorArg(call *ast.CallExpression) (int, bool) {
	dot, ok := call.Callee.(*ast.DotExpression)
	if !ok {
		return -1, false
	}
	id, ok := dot.Left.(*ast.Identifier)
	if !ok {
		return -1, false
	}
	i, many := -1, false
	switch id.Name + "." + dot.Identifier.Name {
	case "Object.defineProperty", "Reflect.defineProperty":
		i = 2
	case "Object.defineProperties", "Object.create":
		i, many = 1, true
	}
	if i < 0 || len(call.ArgumentList) <= i {
		return -1, false
	}
	if _, spread := call.ArgumentList[i].(*ast.SpreadElement); spread {
		return -1, false
	}
	return i, many
}

func descriptorHook(arg ast.Expression, many bool, at file.Idx) ast.Expression {
	return &ast.CallExpression{
		Callee:           &ast.Identifier{Name: hookDescriptor, Idx: at},
		LeftParenthesis:  at,
		ArgumentList:     []ast.Expression{arg, &ast.BooleanLiteral{Idx: at, Literal: "true", Value: many}},
		RightParenthesis: at,
	}
}

// checkDescriptors is the hook.
func (e *Engine) checkDescriptors(c goja.FunctionCall) goja.Value {
	d := c.Argument(0)
	if !c.Argument(1).ToBoolean() {
		e.checkDescriptor(d)
		return d
	}
	m, ok := d.(*goja.Object)
	if !ok {
		return d // undefined for Object.create(p); goja refuses the rest
	}
	for _, k := range m.Keys() {
		e.checkDescriptor(m.Get(k))
	}
	return d
}

// checkDescriptor throws what V8's ToPropertyDescriptor throws for d.
func (e *Engine) checkDescriptor(d goja.Value) {
	o, ok := d.(*goja.Object)
	if !ok {
		e.throw("TypeError", "Property description must be an object: "+e.v8Printed(d))
	}
	// Get answers nil for a property absent along the chain.
	has := func(k string) bool { return o.Get(k) != nil }
	accessor := false
	for _, k := range [...]string{"get", "set"} {
		if !has(k) {
			continue
		}
		accessor = true
		v := o.Get(k)
		if _, fn := goja.AssertFunction(v); !fn && !goja.IsUndefined(v) {
			which := "Getter"
			if k == "set" {
				which = "Setter"
			}
			e.throw("TypeError", which+" must be a function: "+e.v8Printed(v))
		}
	}
	if accessor && (has("value") || has("writable")) {
		e.throw("TypeError", "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, "+e.v8Printed(o))
	}
}
