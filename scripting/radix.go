package scripting

import (
	"math"
	"strings"

	"github.com/dop251/goja"
)

// goja prints a number in a radix other than 10 with every digit of its
// exact binary value ((2**60).toString(36) is "8rc4kbdvss1s"); V8 prints
// the integer digits past the double's precision as zeros ("8rc4kbdvss00")
// and stops the fraction where the double's precision ends, rounding to
// even. Number.prototype.toString is hooked in engines whose scripts pass
// it an argument.

// mayPrintInRadix is the cheap look at a script's text: toString( with
// something inside.
func mayPrintInRadix(src string) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], "toString(")
		if j < 0 {
			return false
		}
		i += j + len("toString(")
		if k := strings.TrimLeft(src[i:], " \t\r\n"); k != "" && k[0] != ')' {
			return true
		}
	}
}

// installRadixText hooks Number.prototype.toString (once per engine).
func (e *Engine) installRadixText() {
	e.radixInstalled = true
	proto := e.builtinProto("Number")
	if proto == nil {
		return
	}
	hookNative(proto.Get("toString"), func(orig nativeCall) nativeCall {
		return func(c goja.FunctionCall) goja.Value {
			// A primitive number and radix only: anything else (an
			// object's valueOf, a bad radix) is goja's, read once.
			if len(c.Arguments) == 0 || !goja.IsNumber(c.This) || !goja.IsNumber(c.Arguments[0]) {
				return orig(c)
			}
			radix, x := c.Arguments[0].ToFloat(), c.This.ToFloat()
			radix = math.Trunc(radix)
			if radix < 2 || radix > 36 || radix == 10 || math.IsNaN(x) || math.IsInf(x, 0) {
				return orig(c)
			}
			return e.rt.ToValue(radixText(x, int(radix)))
		}
	})
}

const radixDigits = "0123456789abcdefghijklmnopqrstuvwxyz"

// radixText is V8's text of the finite number x in radix (2-36, not 10).
func radixText(x float64, radix int) string {
	negative := x < 0
	if negative {
		x = -x
	}
	integer := math.Floor(x)
	fraction := x - integer
	// Fraction digits only as far as the double's precision goes.
	delta := math.Max(0.5*(math.Nextafter(x, math.Inf(1))-x), math.Nextafter(0, 1))
	var frac []byte
	if fraction >= delta {
		for {
			fraction *= float64(radix)
			delta *= float64(radix)
			digit := int(fraction)
			frac = append(frac, radixDigits[digit])
			fraction -= float64(digit)
			// Round to even; a carry goes back through the digits
			// written, into the integer part past the first.
			if fraction > 0.5 || fraction == 0.5 && digit&1 == 1 {
				if fraction+delta > 1 {
					for {
						if len(frac) == 0 {
							integer++
							break
						}
						last := strings.IndexByte(radixDigits, frac[len(frac)-1])
						frac = frac[:len(frac)-1]
						if last+1 < radix {
							frac = append(frac, radixDigits[last+1])
							break
						}
					}
					break
				}
			}
			if fraction < delta {
				break
			}
		}
	}
	// Integer digits past the double's precision are zeros.
	var rev []byte
	for exponentOf(integer/float64(radix)) > 0 {
		integer /= float64(radix)
		rev = append(rev, '0')
	}
	for {
		rem := math.Mod(integer, float64(radix))
		rev = append(rev, radixDigits[int(rem)])
		integer = (integer - rem) / float64(radix)
		if integer <= 0 {
			break
		}
	}
	var b strings.Builder
	if negative {
		b.WriteByte('-')
	}
	for i := len(rev) - 1; i >= 0; i-- {
		b.WriteByte(rev[i])
	}
	if len(frac) > 0 {
		b.WriteByte('.')
		b.Write(frac)
	}
	return b.String()
}

// exponentOf is the binary exponent of d written as a 53-bit integer
// significand times a power of two (d = s * 2^e, 2^52 <= s < 2^53 for a
// normal d): above 0 once d is at least 2^53.
func exponentOf(d float64) int {
	bits := math.Float64bits(d)
	biased := int(bits>>52) & 0x7ff
	if biased == 0 { // subnormal
		return -1074
	}
	return biased - 1075
}
