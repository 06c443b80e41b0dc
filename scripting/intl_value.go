package scripting

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
)

// Intl.NumberFormat formats what ECMA-402 calls the value's mathematical
// value: a BigInt exactly, a string exactly when it is a finite decimal
// ("12345678901234567890.5" keeps every digit; "0x10", "Infinity" and
// text that reads as NaN go through ToNumber), anything else as a Number.
// js/intl.js takes the value to a primitive first (mathValue) and hands
// BigInts and strings over as they are.

var decimalLiteral = lazyre.New(`^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$`)

// formatValue formats v, a number, a BigInt or a string.
func (f *numFormat) formatValue(v goja.Value) []numPart {
	switch {
	case goja.IsBigInt(v):
		return f.formatBig(v.String())
	case goja.IsString(v):
		x := v.ToFloat()
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return f.format(x)
		}
		if d, ok := exactDecimal(v.String()); ok {
			return f.formatExact(0, &d, d.neg)
		}
		return f.format(x)
	}
	return f.format(v.ToFloat())
}

// exactDecimal reads s (StringNumericLiteral's decimal form, blanks around
// it) as its exact digits.
func exactDecimal(s string) (decimalDigits, bool) {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
	m := decimalLiteral().FindStringSubmatch(s)
	if m == nil || m[2] == "" && m[3] == "" {
		return decimalDigits{}, false
	}
	e := 0
	if m[4] != "" {
		var err error
		if e, err = strconv.Atoi(m[4]); err != nil || e > 1e6 || e < -1e6 {
			return decimalDigits{}, false
		}
	}
	d := decimalDigits{d: []byte(m[2] + m[3]), exp: len(m[2]) + e, neg: m[1] == "-"}
	d.trim()
	return d, true
}
