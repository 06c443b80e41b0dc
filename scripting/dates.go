package scripting

import (
	"math"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// Local time as V8 reads it. goja turns local fields into a time through
// Go's time.Date, which leaves a time inside a daylight-saving gap an hour
// early (new Date(2021, 2, 14, 2, 30) in New York is 01:30 EST) where V8
// moves it forward (03:30 EDT), and reads strings its own way
// (dateparse.go). For scripts that may meet a Date, the engine's Date
// constructor, Date.parse, Date.UTC and the local setters (setHours…,
// setFullYear) compute the time value here, with the spec's MakeDay /
// MakeTime arithmetic and V8's choice of offset, and hand it to goja's own
// Date as a number: the objects stay goja's, so every other method, the
// prototype chain, subclasses and new.target are untouched.

const (
	msPerDay = 86400000.0
	// maxTimeValue is the largest time value (±100,000,000 days).
	maxTimeValue = 8.64e15
	// maxLocalTime is V8's bound on a local time before it is turned
	// into UTC (ten days past maxTimeValue).
	maxLocalTime = maxTimeValue + 864e6
)

// makeDay is the spec's MakeDay over V8's range (years within ±1,000,000,
// months within ±10,000,000): the day number of date in month of year.
func makeDay(year, month, date float64) float64 {
	if !(year >= -1e6 && year <= 1e6) || !(month >= -1e7 && month <= 1e7) || math.IsNaN(date) || math.IsInf(date, 0) {
		return math.NaN()
	}
	y, m := int64(year), int64(month)
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	return float64(daysFromCivil(y, m)) + math.Trunc(date) - 1
}

// cumulativeDays[m] is the number of days before month m (0-based) in a
// common year.
var cumulativeDays = [12]int64{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

// daysFromCivil is the day number (days since 1970-01-01) of the first of
// month m (0-11) of year y, proleptic Gregorian.
func daysFromCivil(y, m int64) int64 {
	floorDiv := func(a, b int64) int64 {
		q := a / b
		if a%b != 0 && (a < 0) != (b < 0) {
			q--
		}
		return q
	}
	days := 365*(y-1970) + floorDiv(y-1969, 4) - floorDiv(y-1901, 100) + floorDiv(y-1601, 400)
	days += cumulativeDays[m]
	if m >= 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days++
	}
	return days
}

// makeTime is the spec's MakeTime.
func makeTime(h, m, s, ms float64) float64 {
	for _, v := range [4]float64{h, m, s, ms} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return math.NaN()
		}
	}
	return math.Trunc(h)*3600000 + math.Trunc(m)*60000 + math.Trunc(s)*1000 + math.Trunc(ms)
}

// makeDate is the spec's MakeDate.
func makeDate(day, t float64) float64 {
	if math.IsNaN(day) || math.IsInf(day, 0) || math.IsNaN(t) || math.IsInf(t, 0) {
		return math.NaN()
	}
	return t + day*msPerDay
}

// timeClip is the spec's TimeClip (no -0).
func timeClip(t float64) float64 {
	if math.IsNaN(t) || math.Abs(t) > maxTimeValue {
		return math.NaN()
	}
	return math.Trunc(t) + 0
}

// localOffset is the local zone's offset from UTC at instant u, in ms.
func localOffset(u int64) int64 {
	_, off := time.UnixMilli(u).In(time.Local).Zone()
	return int64(off) * 1000
}

// localToUTC is the instant of local time l (ms) as V8 picks it (ICU's
// "former" rule for both cases): a local time the clocks skipped takes the
// offset in force before the change, so it lands as far after the change
// as it stood after its start (02:30 in a 02:00→03:00 gap is 03:30); a
// local time that happens twice is the earlier instant.
func localToUTC(l int64) int64 {
	u0 := l - localOffset(l)
	start, end := time.UnixMilli(u0).In(time.Local).ZoneBounds()
	// The offsets that can map l: the period around u0 and its
	// neighbours (periods last longer than any offset change).
	type period struct {
		off   int64
		start int64 // the change into this period (ms), if any
		has   bool
	}
	cur := period{off: localOffset(u0)}
	var cands []period
	if !start.IsZero() {
		s := start.UnixMilli()
		cands = append(cands, period{off: localOffset(s - 1)})
		cur.start, cur.has = s, true
	}
	cands = append(cands, cur)
	if !end.IsZero() {
		e := end.UnixMilli()
		cands = append(cands, period{off: localOffset(e), start: e, has: true})
	}
	best, found := int64(0), false
	for _, p := range cands {
		if u := l - p.off; localOffset(u) == p.off && (!found || u < best) {
			best, found = u, true
		}
	}
	if found {
		return best
	}
	// In a gap: find the change whose skipped local times hold l.
	for i := 1; i < len(cands); i++ {
		before, after := cands[i-1], cands[i]
		if after.has && l >= after.start+before.off && l < after.start+after.off {
			return l - before.off
		}
	}
	return u0
}

// localFields are the local date and time of time value t (ms): the day
// number and the ms within the day.
func localFields(t float64) (day, inDay float64) {
	ms := int64(t)
	l := ms + localOffset(ms)
	d := l / 86400000
	if l%86400000 < 0 {
		d--
	}
	return float64(d), float64(l - d*86400000)
}

// civilFromDays is the year, month (0-11) and date of day number d.
func civilFromDays(d int64) (year, month, date int64) {
	t := time.Unix(d*86400, 0).UTC()
	return int64(t.Year()), int64(t.Month()) - 1, int64(t.Day())
}

// utcOfLocal is V8's SetLocalDateValue before the store: the time value of
// local time l, or NaN.
func utcOfLocal(l float64) float64 {
	if math.IsNaN(l) || math.Abs(l) > maxLocalTime {
		return math.NaN()
	}
	return timeClip(float64(localToUTC(int64(l))))
}

// localDateValue is new Date(y, m, …)'s time value from its arguments,
// each converted to a number in order.
func localDateValue(args []goja.Value) float64 {
	f := [7]float64{math.NaN(), math.NaN(), 1, 0, 0, 0, 0}
	for i := 0; i < len(args) && i < 7; i++ {
		f[i] = args[i].ToFloat()
	}
	return utcOfLocal(composeDate(f))
}

// composeDate is MakeDate of year, month, date, hours, minutes, seconds,
// ms, with a year 0-99 read as 1900-1999.
func composeDate(f [7]float64) float64 {
	if !math.IsNaN(f[0]) {
		if y := math.Trunc(f[0]); y >= 0 && y <= 99 {
			f[0] = 1900 + y
		}
	}
	return makeDate(makeDay(f[0], f[1], f[2]), makeTime(f[3], f[4], f[5], f[6]))
}

// mayUseDates is a cheap look at a script's text for what could build a
// Date from local fields or a string: the name itself, a module (moment
// builds local dates), or code made at run time.
func mayUseDates(src string) bool {
	return strings.Contains(src, "Date") || strings.Contains(src, "require") || strings.Contains(src, "setYear") ||
		strings.Contains(src, "eval") || strings.Contains(src, "Function")
}

// installDates puts the V8 readings in place in this engine (once).
func (e *Engine) installDates() {
	e.datesInstalled = true
	rt := e.rt
	ctor, ok := rt.Get("Date").(*goja.Object)
	if !ok {
		return
	}
	proto, ok := ctor.Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	setTime, ok1 := goja.AssertFunction(proto.Get("setTime"))
	if !ok1 {
		return
	}
	hookNativeConstruct(ctor, func(orig nativeConstruct) nativeConstruct {
		return func(args []goja.Value, newTarget *goja.Object) *goja.Object {
			if v, ok := dateCtorValue(rt, args); ok {
				return orig([]goja.Value{rt.ToValue(v)}, newTarget)
			}
			return orig(args, newTarget)
		}
	})
	parse := func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(parseDateV8(dateString(rt, c.Argument(0))))
	}
	_ = ctor.DefineDataProperty("parse", namedNative(rt, parse, "parse", 1), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	utc := func(c goja.FunctionCall) goja.Value {
		f := [7]float64{math.NaN(), 0, 1, 0, 0, 0, 0}
		for i := 0; i < len(c.Arguments) && i < 7; i++ {
			f[i] = c.Arguments[i].ToFloat()
		}
		return rt.ToValue(timeClip(composeDate(f)))
	}
	_ = ctor.DefineDataProperty("UTC", namedNative(rt, utc, "UTC", 7), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// V8 words the refusal of these with the receiver (the getters say
	// "this is not a Date object.").
	for _, name := range []string{"toString", "toDateString", "toTimeString", "toISOString", "toUTCString",
		"toLocaleString", "toLocaleDateString", "toLocaleTimeString"} {
		f, ok := goja.AssertFunction(proto.Get(name))
		if !ok {
			continue
		}
		fn := e.dateReceiverChecked(name, func(c goja.FunctionCall) goja.Value { return mustCall(f, c) })
		_ = proto.DefineDataProperty(name, namedNative(rt, fn, name, 0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	for _, s := range localSetters {
		orig, ok := goja.AssertFunction(proto.Get(s.name))
		if !ok {
			continue
		}
		fn := e.localSetter(s, setTime)
		if s.first < 0 { // a UTC setter: goja's, with V8's refusal
			fn = e.dateReceiverChecked(s.name, func(c goja.FunctionCall) goja.Value { return mustCall(orig, c) })
		}
		_ = proto.DefineDataProperty(s.name, namedNative(rt, fn, s.name, s.n), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// dateCtorValue is the time value new Date(args…) gets when the
// arguments are local fields or a string; ok false leaves the call to
// goja (no argument, a number, a Date).
func dateCtorValue(rt *goja.Runtime, args []goja.Value) (float64, bool) {
	if len(args) >= 2 {
		return localDateValue(args), true
	}
	if len(args) != 1 {
		return 0, false
	}
	v := args[0]
	if o, ok := v.(*goja.Object); ok {
		if o.ClassName() == "Date" {
			return 0, false
		}
		v = toPrimitiveDefault(rt, o)
	}
	if s, ok := v.(goja.String); ok {
		return parseDateV8(s.String()), true
	}
	if _, ok := v.(*goja.Symbol); ok {
		panic(rt.NewTypeError("Cannot convert a Symbol value to a number"))
	}
	return timeClip(v.ToFloat()), true
}

// toPrimitiveDefault is ToPrimitive(o) with no hint, as the Date
// constructor asks it: Symbol.toPrimitive, else valueOf, else toString.
func toPrimitiveDefault(rt *goja.Runtime, o *goja.Object) goja.Value {
	if ex := o.GetSymbol(goja.SymToPrimitive); ex != nil && !goja.IsUndefined(ex) && !goja.IsNull(ex) {
		f, ok := goja.AssertFunction(ex)
		if !ok {
			panic(rt.NewTypeError("%s", returnedFor(ex.String(), "Symbol(Symbol.toPrimitive)", o)))
		}
		v, err := f(o, rt.ToValue("default"))
		if err != nil {
			panic(err)
		}
		if _, isObj := v.(*goja.Object); isObj {
			panic(rt.NewTypeError("Cannot convert object to primitive value"))
		}
		return v
	}
	for _, name := range [2]string{"valueOf", "toString"} {
		if f, ok := goja.AssertFunction(o.Get(name)); ok {
			v, err := f(o)
			if err != nil {
				panic(err)
			}
			if _, isObj := v.(*goja.Object); !isObj {
				return v
			}
		}
	}
	panic(rt.NewTypeError("Cannot convert object to primitive value"))
}

// dateString is ToString(v) for Date.parse.
func dateString(rt *goja.Runtime, v goja.Value) string {
	if _, ok := v.(*goja.Symbol); ok {
		panic(rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

// A localSetterSpec names a setter of n arguments that sets the local
// fields from first on (0 year, 1 month, 2 date, 3 hours, 4 minutes, 5
// seconds, 6 ms); first -1 for the setters that need no local time.
type localSetterSpec struct {
	name     string
	first, n int
}

var localSetters = []localSetterSpec{
	{"setMilliseconds", 6, 1}, {"setSeconds", 5, 2}, {"setMinutes", 4, 3}, {"setHours", 3, 4},
	{"setDate", 2, 1}, {"setMonth", 1, 2}, {"setFullYear", 0, 3},
	{"setTime", -1, 1}, {"setUTCMilliseconds", -1, 1}, {"setUTCSeconds", -1, 2}, {"setUTCMinutes", -1, 3},
	{"setUTCHours", -1, 4}, {"setUTCDate", -1, 1}, {"setUTCMonth", -1, 2}, {"setUTCFullYear", -1, 3},
}

// dateReceiverChecked refuses a this that is no Date in V8's words (goja:
// "… is called on incompatible receiver", or "Value is not an object"
// for null) before fn runs.
func (e *Engine) dateReceiverChecked(name string, fn func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		if this, ok := c.This.(*goja.Object); !ok || this.ClassName() != "Date" {
			panic(e.rt.NewTypeError("Method Date.prototype." + name + " called on incompatible receiver " + e.v8Printed(c.This)))
		}
		return fn(c)
	}
}

// localSetter is V8's Date.prototype.setX for local fields: the arguments
// are converted in order, then an invalid date stays invalid (setFullYear
// counts it as local 1970-01-01T00:00); the fields not given keep their
// local values.
func (e *Engine) localSetter(s localSetterSpec, setTime goja.Callable) func(goja.FunctionCall) goja.Value {
	rt := e.rt
	return e.dateReceiverChecked(s.name, func(c goja.FunctionCall) goja.Value {
		this := c.This.(*goja.Object)
		given := make([]float64, 0, 4)
		for i := 0; i < s.n && (i == 0 || i < len(c.Arguments)); i++ {
			given = append(given, c.Argument(i).ToFloat())
		}
		tv, valid := dateValue(this)
		if !valid && s.first != 0 {
			return rt.ToValue(math.NaN())
		}
		var day, inDay float64 // an invalid date counts as local 1970-01-01T00:00
		if valid {
			day, inDay = localFields(tv)
		}
		y, mo, d := civilFromDays(int64(day))
		ms := int64(inDay)
		f := [7]float64{float64(y), float64(mo), float64(d), float64(ms / 3600000), float64(ms / 60000 % 60), float64(ms / 1000 % 60), float64(ms % 1000)}
		copy(f[s.first:], given)
		var l float64
		if s.first <= 2 { // a date field: the time within the day is kept as is
			l = makeDate(makeDay(f[0], f[1], f[2]), inDay)
		} else {
			l = makeDate(day, makeTime(f[3], f[4], f[5], f[6]))
		}
		return mustCall(setTime, goja.FunctionCall{This: this, Arguments: []goja.Value{rt.ToValue(utcOfLocal(l))}})
	})
}

// dateValue is a Date's time value; valid false for an invalid date.
func dateValue(o *goja.Object) (float64, bool) {
	t, ok := o.Export().(time.Time)
	if !ok {
		return 0, false
	}
	return float64(t.UnixMilli()), true
}
