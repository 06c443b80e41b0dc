package scripting

import (
	"math"
	"reflect"
	"strings"

	"github.com/dop251/goja"
)

// Native forms of pm.expect's hottest assertions: to.have.status(code),
// equal, eql on primitives, a/an and include on strings. Each one settles
// a certain pass (or a certain pass of its negation) itself, and a certain
// failure when failure.go can word it as chai does; every other case goes
// to the bootstrap's own implementation, which ends in chai. What they save
// is the interpreter: the JS forms cost a rest array and three or four
// function frames per assertion.

// fastAssertProtos are the prototypes the native checks compare with, set
// once by the bootstrap.
type fastAssertProtos struct {
	expectation, response, object, array *goja.Object
	// assertionError is the bootstrap's copy of chai's AssertionError
	// class, for the failures failure.go words itself.
	assertionError goja.Value
}

var (
	typeOfMap   = reflect.TypeOf(map[string]any(nil))
	typeOfSlice = reflect.TypeOf([]any(nil))
)

// fastCheck decides an assertion on the object under test o with the call's
// arguments: known false means "ask the slow path".
type fastCheck func(p *fastAssertProtos, fa *goja.Object, o goja.Value, c goja.FunctionCall) (pass, known bool)

var fastChecks = map[string]fastCheck{
	"equal": func(_ *fastAssertProtos, fa *goja.Object, o goja.Value, c goja.FunctionCall) (bool, bool) {
		if fa.Get("__d").ToBoolean() {
			return false, false
		}
		return c.Argument(0).StrictEquals(o), true
	},
	// eql settles two primitives, where deep-eql's answer is its
	// simpleEqual: strict equality, except that 0 and -0 differ and NaN
	// equals NaN. Objects are left to the slow path.
	"eql": func(_ *fastAssertProtos, fa *goja.Object, o goja.Value, c goja.FunctionCall) (bool, bool) {
		v := c.Argument(0)
		if fa.Get("__d").ToBoolean() || isObject(o) || isObject(v) {
			return false, false
		}
		if o.StrictEquals(v) {
			if goja.IsNumber(o) && o.ToFloat() == 0 {
				return math.Signbit(o.ToFloat()) == math.Signbit(v.ToFloat()), true // eql(0, -0) is false
			}
			return true, true
		}
		return goja.IsNaN(o) && goja.IsNaN(v), true
	},
	"type": func(p *fastAssertProtos, _ *goja.Object, o goja.Value, c goja.FunctionCall) (bool, bool) {
		want, ok := asciiString(c.Argument(0))
		if !ok {
			return false, false
		}
		got, ok := p.typeName(o)
		if !ok {
			return false, false
		}
		return got == strings.ToLower(want), true
	},
	"include": func(_ *fastAssertProtos, fa *goja.Object, o goja.Value, c goja.FunctionCall) (bool, bool) {
		if fa.Get("__d").ToBoolean() {
			return false, false
		}
		s, ok1 := asciiString(o)
		sub, ok2 := asciiString(c.Argument(0))
		if !ok1 || !ok2 {
			return false, false
		}
		return strings.Contains(s, sub), true
	},
	"status": func(p *fastAssertProtos, _ *goja.Object, o goja.Value, c goja.FunctionCall) (bool, bool) {
		r, ok := o.(*goja.Object)
		want := c.Argument(0)
		if !ok || !goja.IsNumber(want) || !inherits(r, p.response) {
			return false, false
		}
		code := r.Get("code")
		if code == nil {
			return false, false
		}
		return code.StrictEquals(want), true
	},
}

// fastMessage are the checks whose second argument is chai's custom message.
var fastMessage = map[string]bool{"equal": true, "eql": true, "type": true, "include": true}

func isObject(v goja.Value) bool { _, ok := v.(*goja.Object); return ok }

// asciiString returns a JS string value's text when it is pure ASCII, where
// Go's string operations and JS's UTF-16 ones agree.
func asciiString(v goja.Value) (string, bool) {
	if !goja.IsString(v) {
		return "", false
	}
	s := v.String()
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return "", false
		}
	}
	return s, true
}

func inherits(o, proto *goja.Object) bool {
	for p := o.Prototype(); p != nil; p = p.Prototype() {
		if p == proto {
			return true
		}
	}
	return false
}

// typeName is the bootstrap's typeName (chai's type-detect, lower-cased)
// for the values it can be sure of without running JavaScript: primitives,
// plain objects and plain arrays.
func (p *fastAssertProtos) typeName(v goja.Value) (string, bool) {
	if o, ok := v.(*goja.Object); ok {
		switch {
		case o.ClassName() == "Object" && o.ExportType() == typeOfMap && o.Prototype() == p.object &&
			o.GetSymbol(goja.SymToStringTag) == nil:
			return "object", true
		case o.ClassName() == "Array" && o.ExportType() == typeOfSlice && o.Prototype() == p.array:
			return "array", true
		}
		return "", false
	}
	switch {
	case goja.IsUndefined(v):
		return "undefined", true
	case goja.IsNull(v):
		return "null", true
	case goja.IsString(v):
		return "string", true
	case goja.IsNumber(v):
		return "number", true
	}
	if _, ok := v.Export().(bool); ok {
		return "boolean", true
	}
	return "", false
}

// fastAssert returns the native form of assertion kind; slow is the
// bootstrap's own function for it, called for whatever the native form
// does not settle, with the same receiver and arguments.
func (e *Engine) fastAssert(kind string, slow goja.Value) goja.Value {
	rt := e.rt
	check, ok1 := fastChecks[kind]
	slowFn, ok2 := goja.AssertFunction(slow)
	if !ok1 || !ok2 || e.fastProtos == nil {
		panic(rt.NewTypeError("fastAssert: bad arguments for " + kind))
	}
	protos, withMsg := e.fastProtos, fastMessage[kind]
	return rt.ToValue(func(c goja.FunctionCall) goja.Value {
		if fa, ok := c.This.(*goja.Object); ok && fa.Prototype() == protos.expectation {
			if pass, known := check(protos, fa, fa.Get("__o"), c); known {
				if pass != fa.Get("__n").ToBoolean() {
					if msg := c.Argument(1); withMsg && msg.ToBoolean() {
						_ = fa.Set("__m", msg)
					}
					return fa
				}
				// A certain failure: worded here when it can be (failure.go).
				if err := e.assertionFailure(fa, kind, c.Arguments); err != nil {
					panic(err)
				}
			}
		}
		v, err := slowFn(c.This, c.Arguments...)
		if err != nil {
			panic(err) // chai's AssertionError (or an interrupt) goes on up as it is
		}
		return v
	})
}
