package scripting

import (
	"math/big"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
)

// goja's Number(x) and new Number(x) take a BigInt's value through
// Int64, so one past 64 bits wraps: Number(2n ** 64n) was 0 and
// Number(12345678901234567890n) -6101065172474983000. V8 rounds the
// BigInt to the nearest double (ties to even), past the largest double to
// Infinity. Number is hooked, call and construct, in engines whose scripts
// could make a BigInt: they name BigInt or write a BigInt literal.

// bigIntLiteral is a BigInt literal in a script's text (decimal, hex,
// octal or binary digits and n), not the end of a name.
var bigIntLiteral = lazyre.New(`(?:^|[^\w$.])(?:\d[\d_]*|0[xXoObB][\da-fA-F_]+)n\b`)

// mayMakeBigInts is the cheap look at a script's text.
func mayMakeBigInts(src string) bool {
	return strings.Contains(src, "BigInt") || strings.Contains(src, "n") && bigIntLiteral().MatchString(src)
}

// bigIntNumber is V8's Number(b): the nearest double.
func bigIntNumber(b *big.Int) float64 {
	// SetInt keeps every bit (its precision grows to fit); Float64
	// rounds to nearest, ties to even, and past the largest double gives
	// an infinity.
	f, _ := new(big.Float).SetInt(b).Float64()
	return f
}

// numberArg is the argument Number gets in place of a BigInt (a primitive,
// or a BigInt wrapper object), or v itself.
func (e *Engine) numberArg(v goja.Value) goja.Value {
	if b, ok := v.Export().(*big.Int); ok && (goja.IsBigInt(v) || e.isBigIntWrapper(v)) {
		return e.rt.ToValue(bigIntNumber(b))
	}
	return v
}

// isBigIntWrapper reports Object(1n) whose valueOf is still
// BigInt.prototype's and that has no Symbol.toPrimitive (another way to
// a primitive is left to goja).
func (e *Engine) isBigIntWrapper(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	proto := e.builtinProto("BigInt")
	if proto == nil {
		return false
	}
	own, _ := o.Get("valueOf").(*goja.Object)
	std, _ := proto.Get("valueOf").(*goja.Object)
	return own != nil && own == std && o.GetSymbol(goja.SymToPrimitive) == nil
}

// installBigNumbers hooks Number (once per engine).
func (e *Engine) installBigNumbers() {
	e.bigNumbersInstalled = true
	ctor, ok := e.rt.Get("Number").(*goja.Object)
	if !ok {
		return
	}
	// Number is one of goja's templated built-ins (isGojaNative knows the
	// plain ones): its call is hooked the same way.
	if impl, ok := gojaSelf(ctor); !ok || impl.Type().String() != "*goja.templatedFuncObject" {
		return // a script's own Number
	}
	hookNativeCall(ctor, func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			if len(c.Arguments) > 0 {
				c.Arguments = append([]goja.Value{e.numberArg(c.Arguments[0])}, c.Arguments[1:]...)
			}
			return orig(c)
		}
	})
	hookNativeConstruct(ctor, func(orig nativeConstruct) nativeConstruct {
		return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
			if len(args) > 0 {
				args = append([]goja.Value{e.numberArg(args[0])}, args[1:]...)
			}
			return orig(args, newTarget)
		}
	})
}
