package scripting

import (
	"math"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"
)

// goja allocates an ArrayBuffer's bytes in one Go allocation, and Go
// aborts the whole process when the system refuses one (new
// Uint8Array(1e12): "fatal error: out of memory", no report, no other
// script). V8 throws "RangeError: Array buffer allocation failed", which a
// script can catch. So the length given to an ArrayBuffer, a typed array or
// a typed array's from() in a script passes, when the script is compiled,
// through a hook that refuses more than the scripts' memory limit (memLimit,
// past which the watchdog would stop the script anyway) in V8's words. A
// length written as a small number literal is left alone.
const hookAlloc = "__courierAlloc" // __courierAlloc(arg, 'Ctor'): arg, or a RangeError

// bytesPerElement are the constructors the hook guards.
var bytesPerElement = map[string]float64{
	"ArrayBuffer": 1, "SharedArrayBuffer": 1, "Int8Array": 1, "Uint8Array": 1, "Uint8ClampedArray": 1,
	"Int16Array": 2, "Uint16Array": 2, "Float16Array": 2, "Int32Array": 4, "Uint32Array": 4, "Float32Array": 4,
	"Float64Array": 8, "BigInt64Array": 8, "BigUint64Array": 8,
}

// allocArg wraps the length argument of new Ctor(n) and Ctor.from(src).
func allocArg(ctor ast.Expression, args []ast.Expression, at file.Idx) {
	var name unistring.String
	switch c := ctor.(type) {
	case *ast.Identifier:
		name = c.Name
	case *ast.DotExpression: // Uint8Array.from(src)
		id, ok := c.Left.(*ast.Identifier)
		if !ok || c.Identifier.Name != "from" || id.Name == "ArrayBuffer" || id.Name == "SharedArrayBuffer" {
			return
		}
		name = id.Name
	default:
		return
	}
	size, ok := bytesPerElement[name.String()]
	if !ok || len(args) == 0 {
		return
	}
	switch a := args[0].(type) {
	case *ast.SpreadElement, *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.StringLiteral:
		return
	case *ast.NumberLiteral:
		if n, ok := a.Value.(int64); ok && float64(n)*size <= float64(memLimit) {
			return
		}
	}
	args[0] = &ast.CallExpression{
		Callee:          &ast.Identifier{Name: hookAlloc, Idx: at},
		LeftParenthesis: at,
		ArgumentList: []ast.Expression{args[0],
			&ast.StringLiteral{Idx: at, Literal: "'" + name.String() + "'", Value: name}},
		RightParenthesis: at,
	}
}

// checkAlloc is the hook: a number is a length; an object other than a
// buffer or a typed array is read as an array-like by its length.
func (e *Engine) checkAlloc(c goja.FunctionCall) goja.Value {
	arg := c.Argument(0)
	size := bytesPerElement[c.Argument(1).String()]
	n := math.NaN()
	switch o := arg.(type) {
	case *goja.Object:
		// Buffers and views have their bytes already; an array or
		// array-like is copied by its length.
		if bl := o.Get("byteLength"); bl != nil && !goja.IsUndefined(bl) {
			return arg
		}
		if l := o.Get("length"); l != nil && !goja.IsUndefined(l) {
			n = l.ToFloat()
		}
	default:
		if goja.IsNumber(arg) {
			n = arg.ToFloat()
		}
	}
	if n*size > float64(memLimit) && !math.IsInf(n, 1) {
		e.throw("RangeError", "Array buffer allocation failed")
	}
	return arg
}
