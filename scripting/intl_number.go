package scripting

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Intl for the sandbox. goja has no Intl and formats toLocaleString with
// Go's defaults; Postman's current sandbox (and Newman for en-US) print
// ICU's en-US forms, and the current sandbox formats every locale as
// en-US (its runtime carries English data only). This file is the number
// half: ICU's decimal rounding (on the shortest decimal form of the
// double, half away from zero), en-US grouping, and the affixes of the
// percent, currency, unit and compact styles.

// numFormat is a resolved Intl.NumberFormat.
type numFormat struct {
	locale          string // resolved: en-US or en
	nu              string // numbering system: latn unless asked
	style           string // decimal, percent, currency, unit
	currency        string
	currencyDisplay string // symbol, narrowSymbol, code, name
	currencySign    string // standard, accounting
	unit            string
	unitDisplay     string // short, long, narrow
	notation        string // standard, scientific, engineering, compact
	compactDisplay  string // short, long
	signDisplay     string // auto, always, exceptZero, negative, never
	grouping        string // auto, always, min2, false
	minInt          int
	minFrac         int
	maxFrac         int
	minSig, maxSig  int // 0: fraction rounding
	compactRounding bool
	// roundingMode is one of ECMA-402's nine (halfExpand by default);
	// increment rounds to a multiple of increment×10^-maxFrac; priority
	// (morePrecision, lessPrecision) picks between significant and
	// fraction digits when both are set; stripInteger is
	// trailingZeroDisplay stripIfInteger.
	roundingMode string
	increment    int
	priority     string
	stripInteger bool
}

// numPart is one piece of a formatted number, as formatToParts names it.
type numPart struct{ typ, val string }

// decimalDigits holds |x| as 0.D × 10^exp with D free of leading and
// trailing zeros; D is empty for zero.
type decimalDigits struct {
	d   []byte
	exp int
	neg bool // the value's sign, for the directed rounding modes
	// mode is the rounding mode ("" is halfExpand).
	mode string
	// sig is set once significant digits rounded it (their minimum pads).
	sig bool
}

func toDecimal(x float64) decimalDigits {
	neg := math.Signbit(x)
	x = math.Abs(x)
	if x == 0 {
		return decimalDigits{neg: neg}
	}
	s := strconv.FormatFloat(x, 'e', -1, 64) // d.ddde±x, shortest round-trip
	mant, ex, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(ex)
	digits := []byte(strings.Replace(mant, ".", "", 1))
	dd := decimalDigits{d: digits, exp: e + 1, neg: neg}
	dd.trim()
	return dd
}

func (v *decimalDigits) trim() {
	for len(v.d) > 0 && v.d[len(v.d)-1] == '0' {
		v.d = v.d[:len(v.d)-1]
	}
	for len(v.d) > 0 && v.d[0] == '0' {
		v.d = v.d[1:]
		v.exp--
	}
	if len(v.d) == 0 {
		v.exp = 0
	}
}

// roundKeep keeps the first keep digits, rounding by v.mode (half away
// from zero unless set).
func (v *decimalDigits) roundKeep(keep int) {
	if keep >= len(v.d) {
		return
	}
	if keep < 0 {
		// Every digit is below the kept position: pad so that the first
		// dropped digit is a zero in the kept position's next place.
		v.d = append([]byte(strings.Repeat("0", -keep)), v.d...)
		v.exp -= keep
		keep = 0
	}
	up := v.roundsUp(keep)
	v.d = append([]byte(nil), v.d[:keep]...)
	if up {
		i := len(v.d) - 1
		for ; i >= 0; i-- {
			if v.d[i] < '9' {
				v.d[i]++
				break
			}
			v.d[i] = '0'
		}
		if i < 0 {
			v.d = append([]byte{'1'}, v.d...)
			v.exp++
		}
	}
	v.trim()
}

// roundsUp decides, for the digits dropped after the first keep (not all
// zero: v is trimmed), whether the magnitude goes up.
func (v *decimalDigits) roundsUp(keep int) bool {
	rest := v.d[keep:]
	// cmp is the dropped part against half a unit: -1, 0 or 1.
	cmp := 1
	switch {
	case rest[0] < '5':
		cmp = -1
	case rest[0] == '5' && strings.Trim(string(rest[1:]), "0") == "":
		cmp = 0
	}
	switch v.mode {
	case "ceil":
		return !v.neg
	case "floor":
		return v.neg
	case "expand":
		return true
	case "trunc":
		return false
	case "halfCeil":
		return cmp > 0 || cmp == 0 && !v.neg
	case "halfFloor":
		return cmp > 0 || cmp == 0 && v.neg
	case "halfTrunc":
		return cmp > 0
	case "halfEven":
		odd := keep > 0 && (v.d[keep-1]-'0')%2 == 1
		return cmp > 0 || cmp == 0 && odd
	}
	return cmp >= 0
}

func (v decimalDigits) zero() bool { return len(v.d) == 0 }

// roundFrac rounds to at most n fraction digits.
func (v *decimalDigits) roundFrac(n int) { v.roundKeep(v.exp + n) }

// round rounds v as the options say and reports whether significant
// digits (rather than fraction digits) did it.
func (f *numFormat) round(v *decimalDigits) bool {
	v.mode = f.roundingMode
	v.sig = f.roundByKind(v)
	return v.sig
}

func (f *numFormat) roundByKind(v *decimalDigits) bool {
	switch {
	case f.compactRounding:
		if v.exp >= 2 {
			v.roundFrac(0)
		} else {
			v.roundKeep(2)
		}
		return false
	case f.maxSig > 0 && f.priority != "auto" && f.priority != "":
		// The rounding with more (or fewer) digits wins: the position of
		// the last digit each would keep, significant digits on a tie.
		sigPos, fracPos := v.exp-f.maxSig, -f.maxFrac
		if v.zero() || (f.priority == "morePrecision") == (sigPos <= fracPos) {
			v.roundKeep(f.maxSig)
			return true
		}
		v.roundFrac(f.maxFrac)
		return false
	case f.maxSig > 0:
		v.roundKeep(f.maxSig)
		return true
	case f.increment > 1:
		v.roundIncrement(f.increment, f.maxFrac)
		return false
	default:
		v.roundFrac(f.maxFrac)
		return false
	}
}

// roundIncrement rounds v to a multiple of inc×10^-frac (inc is one of
// ECMA-402's 2, 5, 10, 20, 25, 50… 5000).
func (v *decimalDigits) roundIncrement(inc, frac int) {
	if v.zero() {
		return
	}
	// q = v / (inc×10^-frac) exactly, then rounded to an integer.
	num := new(big.Int)
	num.SetString(string(v.d), 10)
	scale := v.exp - len(v.d) + frac // v×10^frac = num×10^scale
	den := big.NewInt(int64(inc))
	ten := big.NewInt(10)
	if scale >= 0 {
		num.Mul(num, new(big.Int).Exp(ten, big.NewInt(int64(scale)), nil))
	} else {
		den.Mul(den, new(big.Int).Exp(ten, big.NewInt(int64(-scale)), nil))
	}
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Sign() != 0 {
		// The remainder as decimal digits of a fraction of one unit.
		qd := decimalDigits{d: []byte(q.String() + fractionDigits(r, den)), neg: v.neg, mode: v.mode}
		qd.exp = len(q.String())
		if q.Sign() == 0 {
			qd.d = qd.d[1:]
			qd.exp = 0
		}
		qd.trim()
		qd.roundFrac(0)
		q.SetString("0"+string(qd.d)+strings.Repeat("0", max(qd.exp-len(qd.d), 0)), 10)
	}
	// Back to a value: q×inc×10^-frac.
	q.Mul(q, big.NewInt(int64(inc)))
	s := q.String()
	out := decimalDigits{d: []byte(s), exp: len(s) - frac, neg: v.neg, mode: v.mode}
	out.trim()
	*v = out
}

// fractionDigits writes r/den (0 < r < den) as decimal digits, enough of
// them to round correctly (den divides a power of ten here).
func fractionDigits(r, den *big.Int) string {
	var b strings.Builder
	x := new(big.Int).Set(r)
	ten := big.NewInt(10)
	for i := 0; i < 40 && x.Sign() != 0; i++ {
		x.Mul(x, ten)
		d, m := new(big.Int).QuoRem(x, den, new(big.Int))
		b.WriteString(d.String())
		x = m
	}
	return b.String()
}

// intFrac renders the rounded digits as integer and fraction digit strings,
// padded to the minimums.
func (f *numFormat) intFrac(v decimalDigits) (string, string) {
	var in, fr string
	switch {
	case v.zero():
		in = "0"
	case v.exp <= 0:
		in, fr = "0", strings.Repeat("0", -v.exp)+string(v.d)
	case v.exp >= len(v.d):
		in = string(v.d) + strings.Repeat("0", v.exp-len(v.d))
	default:
		in, fr = string(v.d[:v.exp]), string(v.d[v.exp:])
	}
	switch {
	case f.compactRounding:
		// compact rounding keeps what it rounded to, no padding
	case f.stripInteger && fr == "":
		// trailingZeroDisplay stripIfInteger: an integer has no fraction
	case v.sig:
		sig := len(v.d)
		switch {
		case v.zero():
			sig = 1
		case v.exp > len(v.d):
			sig = v.exp
		}
		if f.minSig > sig {
			fr += strings.Repeat("0", f.minSig-sig)
		}
	case len(fr) < f.minFrac:
		fr += strings.Repeat("0", f.minFrac-len(fr))
	}
	if len(in) < f.minInt {
		in = strings.Repeat("0", f.minInt-len(in)) + in
	}
	return in, fr
}

func (f *numFormat) group(in string) []string {
	min := 4
	switch f.grouping {
	case "false":
		return []string{in}
	case "min2":
		min = 5
	}
	if len(in) < min {
		return []string{in}
	}
	var out []string
	first := len(in) % 3
	if first > 0 {
		out = append(out, in[:first])
	}
	for i := first; i < len(in); i += 3 {
		out = append(out, in[i:i+3])
	}
	return out
}

var compactShort = []string{"", "K", "M", "B", "T"}
var compactLong = []string{"", "thousand", "million", "billion", "trillion"}

// format returns the parts of x formatted.
func (f *numFormat) format(x float64) []numPart { return f.formatExact(x, nil, false) }

// formatBig formats an integer given as decimal digits (a BigInt), exactly.
func (f *numFormat) formatBig(s string) []numPart {
	neg := strings.HasPrefix(s, "-")
	d := decimalDigits{d: []byte(strings.TrimPrefix(s, "-")), neg: neg}
	d.exp = len(d.d)
	d.trim()
	return f.formatExact(0, &d, neg)
}

// formatExact formats x, or exact when it is given: the number's own
// parts, its sign (or accounting parentheses), and the style's symbols.
func (f *numFormat) formatExact(x float64, exact *decimalDigits, exactNeg bool) []numPart {
	neg := x < 0 || (x == 0 && math.Signbit(x))
	if exact != nil {
		neg = exactNeg
	} else if math.IsNaN(x) {
		neg = false
	}
	body, isZero := f.numberBody(x, exact)
	sign := f.sign(neg, isZero, math.IsNaN(x))
	var out []numPart
	// ICU's compact patterns ("¤0K") have no accounting form: a number
	// written with a compact suffix takes a minus sign.
	accounting := f.style == "currency" && f.currencySign == "accounting" && sign == "-" && !hasPart(body, "compact")
	if accounting {
		out = append(out, numPart{"literal", "("})
	} else if sign != "" {
		typ := "minusSign"
		if sign == "+" {
			typ = "plusSign"
		}
		out = append(out, numPart{typ, sign})
	}
	out = f.appendStyled(out, body)
	if accounting {
		out = append(out, numPart{"literal", ")"})
	}
	return localizeDigits(out, f.nu)
}

// isPlainOne reports whether formatted parts read as exactly one with no
// visible fraction (English's plural "one").
func isPlainOne(body []numPart) bool {
	in := ""
	for _, p := range body {
		switch p.typ {
		case "integer":
			in += p.val
		case "group":
		case "exponentSeparator":
		case "exponentInteger":
			if strings.TrimLeft(p.val, "0") != "" {
				return false
			}
		default:
			return false // a fraction, a compact suffix, a sign in the exponent
		}
	}
	return strings.TrimLeft(in, "0") == "1"
}

func hasPart(ps []numPart, typ string) bool {
	for _, p := range ps {
		if p.typ == typ {
			return true
		}
	}
	return false
}

// numberBody is the number's parts without sign or symbols, in the
// notation asked for, and whether it rounded to zero (signDisplay needs
// to know). NaN and Infinity are words; exact numbers are never either.
func (f *numFormat) numberBody(x float64, exact *decimalDigits) ([]numPart, bool) {
	switch {
	case exact == nil && math.IsNaN(x):
		return []numPart{{"nan", "NaN"}}, false
	case exact == nil && math.IsInf(x, 0):
		return []numPart{{"infinity", "∞"}}, false
	}
	var v decimalDigits
	if exact != nil {
		v = *exact
	} else {
		v = toDecimal(x)
	}
	if f.style == "percent" && !v.zero() {
		v.exp += 2
	}
	switch f.notation {
	case "scientific", "engineering":
		return f.scientific(v)
	case "compact":
		return f.compact(v)
	}
	f.round(&v)
	return f.digits(v), v.zero()
}

// sign is the sign signDisplay shows: "-", "+" or none.
func (f *numFormat) sign(neg, isZero, nan bool) string {
	switch f.signDisplay {
	case "auto":
		if neg {
			return "-"
		}
	case "always":
		if neg {
			return "-"
		}
		return "+"
	case "exceptZero":
		switch {
		case isZero || nan:
			return ""
		case neg:
			return "-"
		}
		return "+"
	case "negative":
		if neg && !isZero {
			return "-"
		}
	}
	return ""
}

// appendStyled appends body with the style's symbols: a percent sign, a
// currency's symbol or name, a unit's label.
func (f *numFormat) appendStyled(out, body []numPart) []numPart {
	// Names and labels are singular for a plain 1 ("1 US dollar", "001",
	// "1E0"), as English's plural rules read the formatted number.
	plainOne := isPlainOne(body)
	switch f.style {
	case "percent":
		out = append(out, body...)
		return append(out, numPart{"percentSign", "%"})
	case "currency":
		if f.currencyDisplay == "name" {
			out = append(out, body...)
			return append(out, numPart{"literal", " "}, numPart{"currency", currencyName(f.currency, plainOne)})
		}
		sym := currencySymbol(f.currency, f.currencyDisplay)
		out = append(out, numPart{"currency", sym})
		// ICU's currency spacing: a symbol that does not end in a symbol
		// character (a letter, a dot: "CHF", "Kč", "Cg.") is spaced from
		// the digits.
		if r, _ := utf8.DecodeLastRuneInString(sym); body[0].typ == "integer" && !unicode.IsSymbol(r) && !unicode.IsSpace(r) {
			out = append(out, numPart{"literal", "\u00a0"})
		}
		return append(out, body...)
	case "unit":
		out = append(out, body...)
		u, sep := unitLabel(f.unit, f.unitDisplay, plainOne)
		if sep != "" {
			out = append(out, numPart{"literal", sep})
		}
		return append(out, numPart{"unit", u})
	}
	return append(out, body...)
}

func (f *numFormat) digits(v decimalDigits) []numPart {
	in, fr := f.intFrac(v)
	var out []numPart
	for i, g := range f.group(in) {
		if i > 0 {
			out = append(out, numPart{"group", ","})
		}
		out = append(out, numPart{"integer", g})
	}
	if fr != "" {
		out = append(out, numPart{"decimal", "."}, numPart{"fraction", fr})
	}
	return out
}

func (f *numFormat) compact(v decimalDigits) ([]numPart, bool) {
	var r decimalDigits
	p := 0
	for try := 0; try < 2; try++ {
		p = 0
		if !v.zero() && v.exp-1 >= 3 {
			p = (v.exp - 1) / 3
			if p > 4 {
				p = 4
			}
		}
		r = decimalDigits{d: v.d, exp: v.exp - 3*p, neg: v.neg}
		f.round(&r)
		// 999,999 rounds to 1000K: format it in the next magnitude.
		if p < 4 && !r.zero() && r.exp-1 >= 3 && v.exp < r.exp+3*p {
			v = decimalDigits{d: r.d, exp: r.exp + 3*p, neg: v.neg}
			continue
		}
		break
	}
	out := f.digits(r)
	if p > 0 {
		// en has no long compact forms beside a currency symbol: "$5K"
		// either way, but "5 thousand US dollars".
		if f.compactDisplay == "long" && (f.style != "currency" || f.currencyDisplay == "name") {
			out = append(out, numPart{"literal", " "}, numPart{"compact", compactLong[p]})
		} else {
			out = append(out, numPart{"compact", compactShort[p]})
		}
	}
	return out, r.zero()
}

func (f *numFormat) scientific(v decimalDigits) ([]numPart, bool) {
	e := 0
	if !v.zero() {
		e = v.exp - 1
		if f.notation == "engineering" {
			e = int(math.Floor(float64(e)/3)) * 3
		}
	}
	m := decimalDigits{d: v.d, exp: v.exp - e, neg: v.neg}
	f.round(&m)
	if !m.zero() {
		lim := 1
		if f.notation == "engineering" {
			lim = 3
		}
		if m.exp > lim {
			e += lim
			m.exp -= lim
		}
	}
	out := f.digits(m)
	out = append(out, numPart{"exponentSeparator", "E"})
	if e < 0 {
		out = append(out, numPart{"exponentMinusSign", "-"})
		e = -e
	}
	out = append(out, numPart{"exponentInteger", strconv.Itoa(e)})
	return out, m.zero()
}

// currencyInfo is a currency as Postman's runtime names it: display name,
// symbol, narrow symbol, names for one and other, fraction digits.
type currencyInfo struct {
	display, symbol, narrow, one, other string
	digits                              int
}

// intlCurrencies parses the generated table (intl_zones_gen.go) on first use.
var intlCurrencies = sync.OnceValue(func() map[string]currencyInfo {
	m := map[string]currencyInfo{}
	for _, line := range strings.Split(strings.TrimSpace(intlCurrencyData), "\n") {
		f := strings.Split(line, "|")
		or := func(v string) string {
			if v == "" {
				return f[0]
			}
			return v
		}
		c := currencyInfo{display: or(f[1]), symbol: or(f[2]), narrow: or(f[3]), one: or(f[4]), other: or(f[5]), digits: 2}
		if f[6] != "" {
			c.digits, _ = strconv.Atoi(f[6])
		}
		m[f[0]] = c
	}
	return m
})

func currencyFraction(code string) int {
	if c, ok := intlCurrencies()[code]; ok {
		return c.digits
	}
	return 2
}

func currencySymbol(code, display string) string {
	c, ok := intlCurrencies()[code]
	switch {
	case display == "code" || !ok:
		return code
	case display == "narrowSymbol":
		return c.narrow
	}
	return c.symbol
}

func currencyName(code string, one bool) string {
	c, ok := intlCurrencies()[code]
	if !ok {
		return code
	}
	if one {
		return c.one
	}
	return c.other
}

// currencyDisplayName is Intl.DisplayNames' name for a currency, "" when
// the runtime has none.
func currencyDisplayName(code string) string {
	return intlCurrencies()[code].display
}

// units holds en's short, narrow and long (singular, plural) labels; the
// short form is spaced from the number, the narrow one is not.
var units = map[string][5]string{
	"byte":                {"byte", "B", "byte", "bytes", "byte"},
	"kilobyte":            {"kB", "kB", "kilobyte", "kilobytes", ""},
	"megabyte":            {"MB", "MB", "megabyte", "megabytes", ""},
	"gigabyte":            {"GB", "GB", "gigabyte", "gigabytes", ""},
	"terabyte":            {"TB", "TB", "terabyte", "terabytes", ""},
	"petabyte":            {"PB", "PB", "petabyte", "petabytes", ""},
	"bit":                 {"bit", "bit", "bit", "bits", ""},
	"kilobit":             {"kb", "kb", "kilobit", "kilobits", ""},
	"megabit":             {"Mb", "Mb", "megabit", "megabits", ""},
	"gigabit":             {"Gb", "Gb", "gigabit", "gigabits", ""},
	"nanosecond":          {"ns", "ns", "nanosecond", "nanoseconds", ""},
	"microsecond":         {"μs", "μs", "microsecond", "microseconds", ""},
	"millisecond":         {"ms", "ms", "millisecond", "milliseconds", ""},
	"second":              {"sec", "s", "second", "seconds", ""},
	"minute":              {"min", "m", "minute", "minutes", ""},
	"hour":                {"hr", "h", "hour", "hours", ""},
	"day":                 {"day", "d", "day", "days", "days"},
	"week":                {"wk", "w", "week", "weeks", "wks"},
	"month":               {"mth", "m", "month", "months", "mths"},
	"year":                {"yr", "y", "year", "years", "yrs"},
	"meter":               {"m", "m", "meter", "meters", ""},
	"kilometer":           {"km", "km", "kilometer", "kilometers", ""},
	"centimeter":          {"cm", "cm", "centimeter", "centimeters", ""},
	"millimeter":          {"mm", "mm", "millimeter", "millimeters", ""},
	"mile":                {"mi", "mi", "mile", "miles", ""},
	"foot":                {"ft", "′", "foot", "feet", ""},
	"inch":                {"in", "″", "inch", "inches", ""},
	"yard":                {"yd", "yd", "yard", "yards", ""},
	"kilogram":            {"kg", "kg", "kilogram", "kilograms", ""},
	"gram":                {"g", "g", "gram", "grams", ""},
	"pound":               {"lb", "#", "pound", "pounds", ""},
	"ounce":               {"oz", "oz", "ounce", "ounces", ""},
	"liter":               {"L", "L", "liter", "liters", ""},
	"milliliter":          {"mL", "mL", "milliliter", "milliliters", ""},
	"gallon":              {"gal", "gal", "gallon", "gallons", ""},
	"percent":             {"%", "%", "percent", "percent", ""},
	"celsius":             {"°C", "°C", "degree Celsius", "degrees Celsius", ""},
	"fahrenheit":          {"°F", "°", "degree Fahrenheit", "degrees Fahrenheit", ""},
	"degree":              {"deg", "°", "degree", "degrees", ""},
	"kilometer-per-hour":  {"km/h", "km/h", "kilometer per hour", "kilometers per hour", ""},
	"mile-per-hour":       {"mph", "mph", "mile per hour", "miles per hour", ""},
	"meter-per-second":    {"m/s", "m/s", "meter per second", "meters per second", ""},
	"acre":                {"ac", "ac", "acre", "acres", ""},
	"hectare":             {"ha", "ha", "hectare", "hectares", ""},
	"fluid-ounce":         {"fl oz", "fl oz", "fluid ounce", "fluid ounces", ""},
	"stone":               {"st", "st", "stone", "stones", ""},
	"terabit":             {"Tb", "Tb", "terabit", "terabits", ""},
	"mile-scandinavian":   {"smi", "smi", "mile-scandinavian", "miles-scandinavian", ""},
	"mile-per-gallon":     {"mpg", "mpg", "mile per gallon", "miles per gallon", ""},
	"liter-per-kilometer": {"L/km", "L/km", "liter per kilometer", "liters per kilometer", ""},
}

// perUnit holds, where they are not "/" and the unit's own short and
// narrow labels, the short and narrow forms of a unit after "per" ("2
// kB/s"), as Postman CLI prints them.
var perUnit = map[string][2]string{
	"second": {"s", "s"}, "minute": {"min", "min"}, "hour": {"h", "h"}, "day": {"d", "d"}, "week": {"w", "w"},
	"month": {"m", "m"}, "year": {"y", "y"}, "gallon": {"gal US", "gal"}, "byte": {"byte", "B"},
	"foot": {"ft", "ft"}, "inch": {"in", "in"}, "pound": {"lb", "lb"},
}

// knownUnit reports whether NumberFormat takes unit: a sanctioned simple
// unit, a compound of two ("kilobyte-per-second"), or one CLDR names.
func knownUnit(unit string) bool {
	if _, ok := units[unit]; ok {
		return true
	}
	x, y, ok := strings.Cut(unit, "-per-")
	_, okx := units[x]
	_, oky := units[y]
	return ok && okx && oky && !strings.Contains(x, "-per-") && !strings.Contains(y, "-per-")
}

// compoundLabel writes X-per-Y as ICU does: "kB/s", "kB/s" narrow,
// "kilobytes per second" long; a percent loses its "per" in the short
// forms ("1%").
func compoundLabel(x, y, display string, one bool) (string, string) {
	label, sep := unitLabel(x, display, one)
	if display == "long" {
		return label + " per " + units[y][2], sep
	}
	if x == "percent" {
		return label, sep
	}
	per := units[y][0]
	if display == "narrow" {
		per = units[y][1]
	}
	if p, ok := perUnit[y]; ok {
		per = p[0]
		if display == "narrow" {
			per = p[1]
		}
	} else if display == "narrow" && (y == "degree" || y == "fahrenheit") {
		per = "°"
	}
	return label + "/" + per, sep
}

// unitLabel returns the label and the separator before it.
func unitLabel(unit, display string, one bool) (string, string) {
	u, ok := units[unit]
	if !ok {
		if x, y, found := strings.Cut(unit, "-per-"); found {
			return compoundLabel(x, y, display, one)
		}
	}
	switch display {
	case "long":
		if one {
			return u[2], " "
		}
		return u[3], " "
	case "narrow":
		return u[1], ""
	}
	if u[0] == "%" || strings.HasPrefix(u[0], "°") {
		return u[0], ""
	}
	if !one && u[4] != "" {
		return u[4], " "
	}
	return u[0], " "
}

func joinParts(ps []numPart) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.val)
	}
	return b.String()
}
