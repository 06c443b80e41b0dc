package scripting

import (
	"math"
	"testing"
)

// The parser and the setters take any script string: they must not panic,
// and what they print must parse back to itself.
func FuzzWURL(f *testing.F) {
	for _, s := range []string{"http://a.com:8080/x/../y?q=%7e#f", "foo://[::1]:3/p", "mailto:a@b", "file:///c:/x", "http://0x7f.1/", "//x", "http://[1:2::3:4]/", "http://a.com\\b"} {
		f.Add(s, "../c?d#e", "b.com:81")
	}
	f.Fuzz(func(t *testing.T, in, rel, host string) {
		u, err := parseWURL(in, nil)
		if err != nil {
			return
		}
		h := u.href()
		again, err := parseWURL(h, nil)
		if err != nil || again.href() != h {
			t.Fatalf("%q → %q does not parse back (%v)", in, h, err)
		}
		if r, err := parseWURL(rel, u); err == nil {
			_ = r.href()
		}
		for _, f := range []string{"protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"} {
			c := *u
			setURLField(&c, f, host)
			_ = c.href() + c.origin() + urlField(&c, f)
		}
	})
}

func FuzzNumberFormat(f *testing.F) {
	f.Add(1234.5, 0, 3, 0)
	f.Add(1e21, 2, 2, 5)
	f.Fuzz(func(t *testing.T, x float64, minF, maxF, sig int) {
		if minF < 0 || maxF < minF || maxF > 20 || sig < 0 || sig > 21 {
			return
		}
		for _, nf := range []*numFormat{
			{style: "decimal", notation: "standard", signDisplay: "auto", grouping: "auto", minInt: 1, minFrac: minF, maxFrac: maxF},
			{style: "percent", notation: "compact", signDisplay: "always", grouping: "min2", minInt: 1, compactRounding: true},
			{style: "currency", currency: "USD", currencyDisplay: "name", notation: "scientific", signDisplay: "exceptZero", grouping: "auto", minInt: 1, minSig: 1, maxSig: max(sig, 1)},
			{style: "unit", unit: "byte", unitDisplay: "long", notation: "engineering", signDisplay: "negative", grouping: "false", minInt: 3, maxFrac: maxF},
		} {
			if s := joinParts(nf.format(x)); s == "" && !math.IsNaN(x) {
				t.Fatalf("%v formatted as nothing", x)
			}
		}
	})
}
