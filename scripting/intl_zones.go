package scripting

import (
	"strings"
	"sync"
	"time"
)

//go:generate go run ./internal/genzones

// Time zone names and IDs as Postman CLI prints them (intl_zones_gen.go,
// generated from its answers), parsed on first use.

// zoneNameSet is a zone's names: short, long, shortGeneric, longGeneric,
// for standard time and (when the zone has it) daylight time. An empty
// name is the GMT offset form.
type zoneNameSet struct {
	std, dst [4]string
	hasDST   bool
}

var intlZoneTable = sync.OnceValue(func() map[string]zoneNameSet {
	m := map[string]zoneNameSet{}
	for _, line := range strings.Split(strings.TrimSpace(intlZoneNames), "\n") {
		f := strings.Split(line, "|")
		var z zoneNameSet
		copy(z.std[:], f[1:5])
		if len(f) == 9 {
			z.hasDST = true
			for i, v := range f[5:9] {
				if v == "=" {
					v = z.std[i]
				}
				z.dst[i] = v
			}
		}
		m[f[0]] = z
	}
	return m
})

var intlAliasTable = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(intlZoneAliases), "\n") {
		if from, to, ok := strings.Cut(line, " "); ok {
			m[from] = to
		}
	}
	return m
})

// canonicalZone is the ID Postman reports for an IANA name (ICU's:
// Asia/Calcutta for Asia/Kolkata, America/New_York for US/Eastern).
func canonicalZone(name string) string {
	if c, ok := intlAliasTable()[name]; ok {
		return c
	}
	return name
}

var zoneStyleIndex = map[string]int{"short": 0, "long": 1, "shortGeneric": 2, "longGeneric": 3}

// tableZoneName is the zone's name in a style from the table, "" when the
// zone is not there or the name is the GMT offset form.
func tableZoneName(zone string, t time.Time, style string) (string, bool) {
	z, ok := intlZoneTable()[canonicalZone(zone)]
	i, known := zoneStyleIndex[style]
	if !ok || !known {
		return "", false
	}
	if z.hasDST && (t.IsDST() || i >= 2 && daylightNear(t)) {
		return z.dst[i], true
	}
	return z.std[i], true
}

// daylightNear reports whether the zone of t keeps daylight time within 184
// days of t, as ICU asks before it writes a generic name ("Brasilia Time"
// in a Sao Paulo winter while Brazil still changed its clocks, "Brasilia
// Standard Time" once it no longer did).
func daylightNear(t time.Time) bool {
	const window = 184 * 24 * time.Hour
	start, end := t.ZoneBounds()
	if !end.IsZero() && end.Sub(t) <= window && end.IsDST() {
		return true
	}
	return !start.IsZero() && t.Sub(start) <= window && start.Add(-time.Second).IsDST()
}

// supportedValues is Intl.supportedValuesOf(key), nil for an unknown key.
func supportedValues(key string) []string {
	for _, line := range strings.Split(intlSupportedValues, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && k == key {
			return strings.Fields(v)
		}
	}
	return nil
}

var intlDigitTable = sync.OnceValue(func() map[string][]rune {
	m := map[string][]rune{}
	for _, line := range strings.Split(strings.TrimSpace(intlDigits), "\n") {
		if name, digits, ok := strings.Cut(line, " "); ok {
			m[name] = []rune(digits)
		}
	}
	return m
})

// numberingDigits are a numbering system's digits 0–9, as Postman's
// runtime writes them.
func numberingDigits(nu string) ([]rune, bool) {
	d, ok := intlDigitTable()[nu]
	return d, ok && len(d) == 10
}

// localizeDigits writes the ASCII digits of each part in the numbering
// system nu; Arabic and Extended Arabic-Indic also change the decimal and
// grouping separators and mark signs with their bidi controls, as ICU does.
func localizeDigits(ps []numPart, nu string) []numPart {
	if nu == "" || nu == "latn" {
		return ps
	}
	d, ok := numberingDigits(nu)
	if !ok {
		return ps
	}
	if nu == "arab" {
		ps = arabicCurrencyLast(ps)
	}
	out := make([]numPart, 0, len(ps)+1)
	for _, p := range ps {
		p.val = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return d[r-'0']
			}
			return r
		}, p.val)
		if nu == "arab" || nu == "arabext" {
			switch p.typ {
			case "decimal":
				p.val = "\u066b"
			case "group":
				p.val = "\u066c"
			case "percentSign":
				p.val = "\u066a"
				if nu == "arab" {
					p.val += "\u061c"
				}
			case "exponentSeparator":
				p.val = "\u0627\u0633" // اس
				if nu == "arabext" {
					p.val = "\u00d7\u06f1\u06f0^" // ×۱۰^
				}
			case "minusSign", "plusSign", "exponentMinusSign":
				mark := "\u061c"
				if nu == "arabext" {
					mark = "\u200e"
				}
				out = append(out, numPart{"literal", mark})
				if nu == "arabext" {
					out = append(out, p, numPart{"literal", mark})
					continue
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// arabicCurrencyLast writes a currency after the number, as the Arabic
// numbering system's pattern does ("١٢٫٠٠ $"), and accounting parentheses
// as a plain minus.
func arabicCurrencyLast(ps []numPart) []numPart {
	if len(ps) > 1 && ps[0] == (numPart{"literal", "("}) && ps[len(ps)-1] == (numPart{"literal", ")"}) {
		ps = append([]numPart{{"minusSign", "-"}}, ps[1:len(ps)-1]...)
	}
	cur, first := -1, -1
	for i, p := range ps {
		if p.typ == "currency" && cur < 0 {
			cur = i
		}
		if (p.typ == "integer" || p.typ == "nan" || p.typ == "infinity") && first < 0 {
			first = i
		}
	}
	if cur < 0 || first < cur {
		return ps
	}
	c := ps[cur]
	rest := append([]numPart{}, ps[:cur]...)
	after := ps[cur+1:]
	if len(after) > 0 && after[0] == (numPart{"literal", "\u00a0"}) {
		after = after[1:]
	}
	rest = append(rest, after...)
	return append(rest, numPart{"literal", "\u00a0"}, c)
}
