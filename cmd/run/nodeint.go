package run

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/courier-run/courier/internal/lazyre"
)

// nodeInt is an integer flag read as Newman's CLI reads its numbers
// (newman/bin/util.js cast.integer: JavaScript's Number(arg), then a safe
// integer): "10", " 10 ", "+10", "10.0", "1e3", "0x10", "0b11", "0o17".
// "010" is ten, as Number reads it, not eight as Go's base-0 parsing
// would. What Number reads as no integer (abc, 1.5, 2x, Infinity, an empty
// text) is refused, as in Newman; the range checks (positive, or 0 and
// more) are checkCounts'.
type nodeInt struct{ p *int }

func (v nodeInt) String() string { return strconv.Itoa(*v.p) }
func (v nodeInt) Type() string   { return "int" }

func (v nodeInt) Set(s string) error {
	n, err := parseNodeInt(s)
	if err != nil {
		return err
	}
	*v.p = n
	return nil
}

// jsDecimal is the decimal form of JavaScript's StringNumericLiteral
// (after trimming): a sign, digits with an optional fraction, an optional
// exponent. Compiled on first use (lazyre): every courier command would
// pay for it at start-up.
var jsDecimal = lazyre.New(`^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$`)

// errNotInteger is the refusal, in words close to Newman's ("The value
// must be a positive integer.").
var errNotInteger = errors.New("the value must be an integer (as Newman reads it: 10, 1e3, 0x10)")

// parseNodeInt is Number(s) when that is a safe integer.
func parseNodeInt(s string) (int, error) {
	t := strings.TrimFunc(s, isJSSpace)
	if t == "" {
		// Number('') is 0, which Newman refuses as not positive; an
		// empty value is no number here either.
		return 0, errNotInteger
	}
	if len(t) > 2 && t[0] == '0' {
		base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[t[1]]
		if base != 0 {
			u, err := strconv.ParseUint(t[2:], base, 64)
			if err != nil || strings.Contains(t, "_") || u > 1<<53-1 {
				return 0, errNotInteger
			}
			return int(u), nil
		}
	}
	if !jsDecimal().MatchString(t) {
		return 0, errNotInteger
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53-1 {
		return 0, errNotInteger
	}
	return int(f), nil
}

// isJSSpace is JavaScript's WhiteSpace and LineTerminator, which Number()
// trims.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u2028', '\u2029', '\ufeff':
		return true
	}
	return unicode.Is(unicode.Zs, r)
}
