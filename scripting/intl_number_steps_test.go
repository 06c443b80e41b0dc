package scripting

import (
	"math"
	"testing"
)

// signDisplay for 1, -1, 0, -0, -0.001 (rounded to two places) and NaN,
// as Node 20 formats them with Intl.NumberFormat('en-US').
func TestNumberSignDisplay(t *testing.T) {
	t.Parallel()
	values := []float64{1, -1, 0, math.Copysign(0, -1), -0.001, math.NaN()}
	tests := []struct {
		display string
		want    [6]string
	}{
		{"auto", [6]string{"1", "-1", "0", "-0", "-0", "NaN"}},
		{"always", [6]string{"+1", "-1", "+0", "-0", "-0", "+NaN"}},
		{"exceptZero", [6]string{"+1", "-1", "0", "0", "0", "NaN"}},
		{"negative", [6]string{"1", "-1", "0", "0", "0", "NaN"}},
		{"never", [6]string{"1", "1", "0", "0", "0", "NaN"}},
	}
	for _, tc := range tests {
		f := &numFormat{locale: "en-US", style: "decimal", notation: "standard", signDisplay: tc.display, grouping: "auto", minInt: 1, maxFrac: 2}
		for i, x := range values {
			if got := joinParts(f.format(x)); got != tc.want[i] {
				t.Errorf("%s %v: %q, want %q", tc.display, x, got, tc.want[i])
			}
		}
	}
}

// The style's symbols around the digits (Node 20's answers).
func TestNumberStyles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f    numFormat
		x    float64
		want string
	}{
		{numFormat{style: "currency", currency: "USD", currencyDisplay: "symbol", currencySign: "accounting", minFrac: 2, maxFrac: 2}, -1.5, "($1.50)"},
		{numFormat{style: "currency", currency: "CHF", currencyDisplay: "symbol", minFrac: 2, maxFrac: 2}, 2, "CHF\u00a02.00"},
		{numFormat{style: "currency", currency: "EUR", currencyDisplay: "name", minFrac: 2, maxFrac: 2}, 1, "1.00 euros"},
		{numFormat{style: "unit", unit: "liter", unitDisplay: "long", maxFrac: 3}, 1, "1 liter"},
		{numFormat{style: "percent", maxFrac: 0}, 0.256, "26%"},
	}
	for _, tc := range tests {
		f := tc.f
		f.locale, f.notation, f.signDisplay, f.grouping, f.minInt = "en-US", "standard", "auto", "auto", 1
		if got := joinParts(f.format(tc.x)); got != tc.want {
			t.Errorf("%+v %v: %q, want %q", tc.f, tc.x, got, tc.want)
		}
	}
}
