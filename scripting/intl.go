package scripting

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// The Intl host functions: option reading with V8's checks and messages,
// and the formatters of intl_number.go and intl_date.go behind them. The
// JavaScript classes (js/intl.js) are compiled on first use of Intl.

// localeTag is a structurally valid BCP 47 tag; V8 refuses anything else
// (en_US included) with a RangeError.
var localeTag = lazyre.New(`(?i)^(?:[a-z]{2,3}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?` +
	`(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?$`)

// checkLocales validates the locales argument. Every valid tag resolves
// to en-US, as in Postman's current sandbox.
func (e *Engine) checkLocales(v goja.Value) []string {
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	var tags []string
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			el := o.Get(strconv.Itoa(i))
			if _, isStr := el.Export().(string); !isStr {
				if _, isObj := el.(*goja.Object); !isObj {
					e.throw("TypeError", "Language ID should be string or object.")
				}
			}
			tags = append(tags, el.String())
		}
	} else if goja.IsNull(v) {
		e.throw("TypeError", "Cannot convert undefined or null to object")
	} else {
		tags = []string{v.String()}
	}
	for i, t := range tags {
		// V8 first checks that the tag starts with a language id (its
		// own structural test), then has ICU parse the whole of it.
		if !startsWithLanguageID(t) {
			e.throw("RangeError", "Incorrect locale information provided")
		}
		if !localeTag().MatchString(t) || repeatsSubtag(t) {
			e.throw("RangeError", "Invalid language tag: "+strings.ToLower(t))
		}
		if tg, err := language.Parse(t); err == nil {
			tags[i] = tg.String()
		}
	}
	return tags
}

// startsWithLanguageID is V8's structural test of a tag: a language
// subtag, then script, region and variants up to the first singleton; the
// rest is left to ICU. A trailing "-" adds no subtag (V8 splits as getline
// does).
func startsWithLanguageID(tag string) bool {
	if tag == "" {
		return false
	}
	tokens := strings.Split(strings.TrimSuffix(tag, "-"), "-")
	if !tagAlpha(tokens[0], 2, 3) && !tagAlpha(tokens[0], 5, 8) {
		return false
	}
	i := 1
	if i < len(tokens) && tagSingleton(tokens[i]) {
		return true
	}
	if i < len(tokens) && tagAlpha(tokens[i], 4, 4) {
		i++
	}
	if i < len(tokens) && tagRegion(tokens[i]) {
		i++
	}
	for ; i < len(tokens); i++ {
		if tagSingleton(tokens[i]) {
			return true
		}
		if !tagVariant(tokens[i]) {
			return false
		}
	}
	return true
}

// The subtag shapes of BCP 47, as V8's structural test reads them.
func tagAlpha(s string, min, max int) bool {
	return len(s) >= min && len(s) <= max && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

func tagAlnum(s string) bool {
	return strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == ""
}

func tagSingleton(s string) bool { return len(s) == 1 && tagAlnum(s) }

func tagRegion(s string) bool {
	return tagAlpha(s, 2, 2) || len(s) == 3 && strings.Trim(s, "0123456789") == ""
}

func tagVariant(s string) bool {
	return tagAlnum(s) && (len(s) >= 5 && len(s) <= 8 || len(s) == 4 && s[0] >= '0' && s[0] <= '9')
}

// repeatsSubtag reports a variant or a singleton given twice, which ICU
// refuses (de-DE-1996-1996).
func repeatsSubtag(tag string) bool {
	seen := map[string]bool{}
	for _, t := range strings.Split(strings.ToLower(tag), "-")[1:] {
		if len(t) == 1 && t == "x" {
			return false // private use: anything goes
		}
		if len(t) == 1 || len(t) >= 5 || len(t) == 4 && t[0] >= '0' && t[0] <= '9' {
			if seen[t] {
				return true
			}
			seen[t] = true
		}
	}
	return false
}

// resolveLocale is ECMA-402's lookup against the current sandbox's data,
// which is English alone: the first English tag asked for resolves to
// "en" (en-US too), nothing English to the default locale, en-US. The
// locale keeps the -u- keywords among keys whose values the runtime
// supports; kw holds them for the options they stand in for.
func resolveLocale(tags []string, keys ...string) (locale string, kw map[string]string) {
	for _, t := range tags {
		l := strings.ToLower(t)
		if l != "en" && !strings.HasPrefix(l, "en-") {
			continue
		}
		kw = unicodeKeywords(l, keys)
		return "en" + keywordSuffix(kw), kw
	}
	return "en-US", nil
}

// numberingSystem resolves the numberingSystem option against the locale's
// -u-nu- keyword (kw, changed in place): the option wins, and a keyword it
// overrides leaves the resolved locale. Unknown systems are ignored, as
// ECMA-402 does; a malformed one is V8's RangeError. The locale to report
// comes back with it.
func (e *Engine) numberingSystem(r optReader, loc string, kw map[string]string) (string, string) {
	nu := "latn"
	if k, ok := kw["nu"]; ok {
		nu = k
	}
	if v := r.raw("numberingSystem"); v != nil {
		s := v.String()
		if !localeType().MatchString(s) {
			e.throw("RangeError", "Invalid numberingSystem : "+s)
		}
		if _, ok := numberingDigits(s); ok {
			if k, had := kw["nu"]; had && k != s {
				delete(kw, "nu")
				loc = "en" + keywordSuffix(kw)
			}
			nu = s
		}
	}
	return nu, loc
}

var localeType = lazyre.New(`^[0-9A-Za-z]{3,8}(-[0-9A-Za-z]{3,8})*$`)

// supportedKeyword reports whether the runtime supports a keyword's value.
func supportedKeyword(key, value string) bool {
	switch key {
	case "ca":
		return supportedCalendars[value]
	case "nu":
		_, ok := numberingDigits(value)
		return ok
	case "hc":
		return value == "h11" || value == "h12" || value == "h23" || value == "h24"
	case "kn":
		return value == "" || value == "true" || value == "false"
	case "kf":
		return value == "upper" || value == "lower" || value == "false"
	}
	return false
}

// unicodeKeywords reads the -u- keywords among keys from a lowercased tag.
func unicodeKeywords(tag string, keys []string) map[string]string {
	i := strings.Index(tag, "-u-")
	if i < 0 || len(keys) == 0 {
		return nil
	}
	var kw map[string]string
	subs := strings.Split(tag[i+3:], "-")
	for j := 0; j < len(subs) && len(subs[j]) > 1; j++ {
		if len(subs[j]) != 2 {
			continue
		}
		// A value is the subtags up to the next key: "islamic-civil".
		k := j + 1
		for k < len(subs) && len(subs[k]) > 2 {
			k++
		}
		key, value := subs[j], strings.Join(subs[j+1:k], "-")
		if value == "true" {
			value = ""
		}
		for _, k := range keys {
			if k == key && supportedKeyword(key, value) {
				if kw == nil {
					kw = map[string]string{}
				}
				kw[key] = value
			}
		}
	}
	return kw
}

// keywordSuffix writes keywords back as a -u- extension, keys in order.
func keywordSuffix(kw map[string]string) string {
	if len(kw) == 0 {
		return ""
	}
	keys := make([]string, 0, len(kw))
	for k := range kw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("-u")
	for _, k := range keys {
		b.WriteString("-" + k)
		if kw[k] != "" {
			b.WriteString("-" + kw[k])
		}
	}
	return b.String()
}

// optReader reads an options bag as ECMA-402's GetOption does.
type optReader struct {
	e    *Engine
	o    *goja.Object
	kind string // Intl.NumberFormat, Intl.DateTimeFormat...
}

func (e *Engine) options(v goja.Value, kind string) optReader {
	r := optReader{e: e, kind: kind}
	if v == nil || goja.IsUndefined(v) {
		return r
	}
	if goja.IsNull(v) {
		e.throw("TypeError", "Cannot convert undefined or null to object")
	}
	r.o = v.ToObject(e.rt)
	return r
}

func (r optReader) raw(name string) goja.Value {
	if r.o == nil {
		return nil
	}
	v := r.o.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	return v
}

func (r optReader) str(name string, allowed []string, def string) string {
	v := r.raw(name)
	if v == nil {
		return def
	}
	s := v.String()
	if allowed == nil {
		return s
	}
	for _, a := range allowed {
		if a == s {
			return s
		}
	}
	r.e.throw("RangeError", "Value "+s+" out of range for "+r.kind+" options property "+name)
	return ""
}

func (r optReader) num(name string, min, max, def int) int {
	v := r.raw(name)
	if v == nil {
		return def
	}
	f := v.ToFloat()
	if math.IsNaN(f) || f < float64(min) || f > float64(max) {
		r.e.throw("RangeError", name+" value is out of range.")
	}
	return int(math.Floor(f))
}

func (r optReader) has(name string) bool { return r.raw(name) != nil }

func (r optReader) boolOpt(name string) (bool, bool) {
	v := r.raw(name)
	if v == nil {
		return false, false
	}
	return v.ToBoolean(), true
}

var upperCode = lazyre.New(`^[A-Za-z]{3}$`)

// kind names the caller in V8's errors: "Intl.NumberFormat",
// "Number.prototype.toLocaleString" or "BigInt.prototype.toLocaleString".
func (e *Engine) newNumberFormat(locales, options goja.Value, kind string) *numFormat {
	loc, kw := resolveLocale(e.checkLocales(locales), "nu")
	r := e.options(options, kind)
	f := &numFormat{locale: loc}
	r.str("localeMatcher", localeMatchers, "best fit")
	f.nu, f.locale = e.numberingSystem(r, loc, kw)
	e.readStyle(r, f)
	f.notation = r.str("notation", []string{"standard", "scientific", "engineering", "compact"}, "standard")
	hasSig, hasFrac := e.readDigits(r, f)
	if f.increment != 1 && f.minFrac != f.maxFrac {
		e.throw("RangeError", "maximumFractionDigits value is out of range.")
	}
	if f.notation == "compact" && !hasSig && !hasFrac {
		f.compactRounding = true
		f.minFrac, f.maxFrac = 0, 0
	}
	f.compactDisplay = r.str("compactDisplay", []string{"short", "long"}, "short")
	f.grouping = "auto"
	if f.notation == "compact" {
		f.grouping = "min2"
	}
	if g := r.raw("useGrouping"); g != nil {
		switch s := g.String(); {
		case s == "min2" || s == "auto" || s == "always":
			f.grouping = s
		case g.ToBoolean():
			f.grouping = "always"
		default:
			f.grouping = "false"
		}
	}
	f.signDisplay = r.str("signDisplay", []string{"auto", "never", "always", "exceptZero", "negative"}, "auto")
	return f
}

// readStyle reads style, currency and unit, with V8's checks.
func (e *Engine) readStyle(r optReader, f *numFormat) {
	f.style = r.str("style", []string{"decimal", "percent", "currency", "unit"}, "decimal")
	if cur := r.raw("currency"); cur != nil {
		c := cur.String()
		if !upperCode().MatchString(c) {
			e.throw("RangeError", "Invalid currency code : "+c)
		}
		f.currency = strings.ToUpper(c)
	}
	f.currencyDisplay = r.str("currencyDisplay", []string{"code", "symbol", "narrowSymbol", "name"}, "symbol")
	f.currencySign = r.str("currencySign", []string{"standard", "accounting"}, "standard")
	if u := r.raw("unit"); u != nil {
		f.unit = u.String()
		if !knownUnit(f.unit) {
			e.throw("RangeError", "Invalid unit argument for "+r.kind+"() '"+f.unit+"'")
		}
	}
	f.unitDisplay = r.str("unitDisplay", []string{"short", "narrow", "long"}, "short")
	if f.style == "currency" && f.currency == "" {
		e.throw("TypeError", "Currency code is required with currency style.")
	}
	if f.style == "unit" && f.unit == "" {
		e.throw("TypeError", "Invalid unit argument for "+r.kind+"() ''")
	}
}

// readDigits reads the digit options (ECMA-402's SetNumberFormatDigitOptions)
// and reports whether significant and fraction digits were given.
func (e *Engine) readDigits(r optReader, f *numFormat) (hasSig, hasFrac bool) {
	minFD, maxFD := 0, 3
	switch {
	case f.style == "currency" && f.notation == "standard":
		// A currency's own digits only in standard notation (ECMA-402).
		minFD = currencyFraction(f.currency)
		maxFD = minFD
	case f.style == "percent":
		maxFD = 0
	}
	f.minInt = r.num("minimumIntegerDigits", 1, 21, 1)
	hasSig = r.has("minimumSignificantDigits") || r.has("maximumSignificantDigits")
	hasFrac = r.has("minimumFractionDigits") || r.has("maximumFractionDigits")
	mn := r.num("minimumFractionDigits", 0, 100, -1)
	mx := r.num("maximumFractionDigits", 0, 100, -1)
	if hasSig {
		f.minSig = r.num("minimumSignificantDigits", 1, 21, 1)
		f.maxSig = r.num("maximumSignificantDigits", f.minSig, 21, 21)
	}
	e.readRounding(r, f, hasSig)
	switch {
	case mn < 0 && mx < 0:
		f.minFrac, f.maxFrac = minFD, maxFD
	case mn < 0:
		f.minFrac, f.maxFrac = min(minFD, mx), mx
	case mx < 0:
		f.minFrac, f.maxFrac = mn, max(maxFD, mn)
	default:
		if mn > mx {
			e.throw("RangeError", "maximumFractionDigits value is out of range.")
		}
		f.minFrac, f.maxFrac = mn, mx
	}
	return hasSig, hasFrac
}

// readRounding reads roundingIncrement, roundingMode, roundingPriority and
// trailingZeroDisplay, with V8's checks.
func (e *Engine) readRounding(r optReader, f *numFormat, hasSig bool) {
	f.increment = r.num("roundingIncrement", 1, 5000, 1)
	switch f.increment {
	case 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000:
	default:
		e.throw("RangeError", "roundingIncrement value is out of range.")
	}
	f.roundingMode = r.str("roundingMode", []string{"ceil", "floor", "expand", "trunc", "halfCeil", "halfFloor", "halfExpand", "halfTrunc", "halfEven"}, "halfExpand")
	f.priority = r.str("roundingPriority", []string{"auto", "morePrecision", "lessPrecision"}, "auto")
	f.stripInteger = r.str("trailingZeroDisplay", []string{"auto", "stripIfInteger"}, "auto") == "stripIfInteger"
	if f.priority != "auto" && !hasSig {
		// Both kinds take part: significant digits at their defaults.
		f.minSig, f.maxSig = 1, 21
	}
	if f.increment != 1 && (hasSig || f.priority != "auto") {
		e.throw("TypeError", "RoundingType is not fractionDigits")
	}
}

func (f *numFormat) resolved(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	set := func(k string, v any) { _ = o.Set(k, v) }
	set("locale", f.locale)
	set("numberingSystem", f.nu)
	set("style", f.style)
	if f.style == "currency" {
		set("currency", f.currency)
		set("currencyDisplay", f.currencyDisplay)
		set("currencySign", f.currencySign)
	}
	if f.style == "unit" {
		set("unit", f.unit)
		set("unitDisplay", f.unitDisplay)
	}
	set("minimumIntegerDigits", f.minInt)
	// Fraction digits are reported unless significant digits alone round.
	if f.maxSig == 0 || f.priority != "auto" {
		set("minimumFractionDigits", f.minFrac)
		set("maximumFractionDigits", f.maxFrac)
	}
	if f.maxSig > 0 {
		set("minimumSignificantDigits", f.minSig)
		set("maximumSignificantDigits", f.maxSig)
	}
	if f.grouping == "false" {
		set("useGrouping", false)
	} else {
		set("useGrouping", f.grouping)
	}
	set("notation", f.notation)
	if f.notation == "compact" {
		set("compactDisplay", f.compactDisplay)
	}
	set("signDisplay", f.signDisplay)
	set("roundingIncrement", f.increment)
	set("roundingMode", f.roundingMode)
	set("roundingPriority", f.priority)
	if f.stripInteger {
		set("trailingZeroDisplay", "stripIfInteger")
	} else {
		set("trailingZeroDisplay", "auto")
	}
	return o
}

// newDateFormat resolves DateTimeFormat options; required and defaults are
// ECMA-402's ToDateTimeOptions arguments (date/time/any, date/time/all).
// The options are read in the order below (a getter sees that order).
// kind names the caller in V8's errors ("Intl.DateTimeFormat",
// "Date.prototype.toLocaleString"...).
func (e *Engine) newDateFormat(locales, options goja.Value, required, defaults, kind string) *dateFormat {
	loc, kw := resolveLocale(e.checkLocales(locales), "ca", "hc", "nu")
	r := e.options(options, kind)
	f := &dateFormat{locale: loc}
	r.str("localeMatcher", localeMatchers, "best fit")
	// Only the Gregorian calendar is written; a malformed name is V8's
	// RangeError (other calendars: see docs/sandbox.md).
	f.calendar = "gregory"
	if k, ok := kw["ca"]; ok {
		f.calendar = k
	}
	if c := r.raw("calendar"); c != nil {
		if !localeType().MatchString(c.String()) {
			e.throw("RangeError", "Invalid calendar : "+c.String())
		}
		if supportedCalendars[c.String()] {
			if k, had := kw["ca"]; had && k != c.String() {
				delete(kw, "ca")
				loc = "en" + keywordSuffix(kw)
				f.locale = loc
			}
			f.calendar = c.String()
		}
	}
	f.nu, f.locale = e.numberingSystem(r, loc, kw)
	f.readComponents(r)
	hc := r.str("hourCycle", []string{"h11", "h12", "h23", "h24"}, "")
	h12, hasH12 := r.boolOpt("hour12")
	// A locale's -u-hc- is the default hour cycle; an option that says
	// otherwise (hour12 always) drops it from the resolved locale.
	if k, ok := kw["hc"]; ok {
		if hasH12 || (hc != "" && hc != k) {
			delete(kw, "hc")
			f.locale = "en" + keywordSuffix(kw)
		} else {
			hc = k
		}
	}
	f.zone, f.loc = e.dateZone(r)
	if f.dateStyle != "" || f.timeStyle != "" {
		e.checkStyles(f, required)
		f.applyStyles()
	} else {
		f.defaultComponents(required, defaults)
	}
	f.resolveHourCycle(hc, h12, hasH12)
	f.applyCalendar()
	return f
}

// readComponents reads the component and style options.
func (f *dateFormat) readComponents(r optReader) {
	f.weekday = r.str("weekday", []string{"narrow", "short", "long"}, "")
	f.era = r.str("era", []string{"narrow", "short", "long"}, "")
	f.year = r.str("year", []string{"2-digit", "numeric"}, "")
	f.month = r.str("month", []string{"2-digit", "numeric", "narrow", "short", "long"}, "")
	f.day = r.str("day", []string{"2-digit", "numeric"}, "")
	f.dayPeriod = r.str("dayPeriod", []string{"narrow", "short", "long"}, "")
	f.hour = r.str("hour", []string{"2-digit", "numeric"}, "")
	f.minute = r.str("minute", []string{"2-digit", "numeric"}, "")
	f.second = r.str("second", []string{"2-digit", "numeric"}, "")
	f.fractional = r.num("fractionalSecondDigits", 1, 3, 0)
	f.zoneName = r.str("timeZoneName", []string{"short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"}, "")
	f.dateStyle = r.str("dateStyle", []string{"full", "long", "medium", "short"}, "")
	f.timeStyle = r.str("timeStyle", []string{"full", "long", "medium", "short"}, "")
}

// dateZone resolves the timeZone option (the machine's zone without one)
// to the name resolvedOptions reports and the location to format in; the
// spellings of UTC all become UTC. An unknown zone is a RangeError.
func (e *Engine) dateZone(r optReader) (string, *time.Location) {
	z := r.raw("timeZone")
	if z == nil {
		return localZone(), time.Local
	}
	name := z.String()
	if isUTCZone(name) || strings.EqualFold(name, "utc") || strings.EqualFold(name, "gmt") || strings.EqualFold(name, "etc/utc") || strings.EqualFold(name, "etc/gmt") {
		name = "UTC"
	}
	loc, err := loadZone(name)
	if err != nil {
		e.throw("RangeError", "Invalid time zone specified: "+z.String())
	}
	return canonicalZone(loc.String()), loc
}

// checkStyles refuses what V8 refuses with dateStyle or timeStyle: any
// component option beside them, and a style the method cannot show
// (toLocaleDateString with only timeStyle, toLocaleTimeString with only
// dateStyle); the messages are V8's, placeholder included.
func (e *Engine) checkStyles(f *dateFormat, required string) {
	for _, v := range []string{f.weekday, f.era, f.year, f.month, f.day, f.dayPeriod, f.hour, f.minute, f.second, f.zoneName} {
		if v != "" {
			e.throw("TypeError", "Invalid option : option")
		}
	}
	if f.fractional != 0 {
		e.throw("TypeError", "Invalid option : option")
	}
	if required == "date" && f.dateStyle == "" {
		e.throw("TypeError", "Invalid option : timeStyle")
	}
	if required == "time" && f.timeStyle == "" {
		e.throw("TypeError", "Invalid option : dateStyle")
	}
}

// defaultComponents is ToDateTimeOptions' defaulting: when none of the
// required kind of component is given, the defaults' kind is shown
// numerically (toLocaleString: date and time; format: the date).
func (f *dateFormat) defaultComponents(required, defaults string) {
	hasDate := f.weekday != "" || f.hasDate()
	hasTime := f.dayPeriod != "" || f.hour != "" || f.minute != "" || f.second != "" || f.fractional != 0
	need := !(hasDate && (required == "date" || required == "any")) && !(hasTime && (required == "time" || required == "any"))
	if need && (defaults == "date" || defaults == "all") {
		f.year, f.month, f.day = "numeric", "numeric", "numeric"
	}
	if need && (defaults == "time" || defaults == "all") {
		f.hour, f.minute, f.second = "numeric", "numeric", "numeric"
	}
}

// resolveHourCycle picks the hour cycle when an hour is shown: hour12
// wins over hourCycle; en-US counts to 12 by default.
func (f *dateFormat) resolveHourCycle(hc string, h12, hasH12 bool) {
	if f.hour == "" {
		return
	}
	switch {
	case hasH12 && h12:
		f.hourCycle = "h12"
	case hasH12:
		// Postman's current runtime (a newer V8 than Newman's) gives
		// h23 here: midnight is 00, not 24.
		f.hourCycle = "h23"
		f.hour = "2-digit"
	case hc != "":
		f.hourCycle = hc
		if hc == "h23" || hc == "h24" {
			f.hour = "2-digit"
		}
	default:
		f.hourCycle = "h12"
	}
}

func (f *dateFormat) resolved(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	set := func(k string, v any) {
		if s, ok := v.(string); ok && s == "" {
			return
		}
		_ = o.Set(k, v)
	}
	set("locale", f.locale)
	set("calendar", f.calendar)
	set("numberingSystem", f.nu)
	set("timeZone", f.zone)
	if f.hourCycle != "" {
		set("hourCycle", f.hourCycle)
		_ = o.Set("hour12", f.hourCycle == "h12" || f.hourCycle == "h11")
	}
	if f.dateStyle != "" || f.timeStyle != "" {
		set("dateStyle", f.dateStyle)
		set("timeStyle", f.timeStyle)
		return o
	}
	set("weekday", f.weekday)
	set("era", f.era)
	set("year", f.year)
	set("month", f.month)
	set("day", f.day)
	set("dayPeriod", f.dayPeriod)
	set("hour", f.hour)
	if f.minute != "" {
		set("minute", "2-digit")
	}
	if f.second != "" {
		set("second", "2-digit")
	}
	if f.fractional > 0 {
		set("fractionalSecondDigits", f.fractional)
	}
	set("timeZoneName", f.zoneName)
	return o
}

func (e *Engine) partsArray(ps []numPart) goja.Value {
	arr := make([]any, len(ps))
	for i, p := range ps {
		o := e.rt.NewObject()
		_ = o.Set("type", p.typ)
		_ = o.Set("value", p.val)
		arr[i] = o
	}
	return e.rt.NewArray(arr...)
}

// rangePartsArray is formatRangeToParts' answer.
func (e *Engine) rangePartsArray(ps []rangePart) goja.Value {
	sources := [...]string{"shared", "startRange", "endRange"}
	arr := make([]any, len(ps))
	for i, p := range ps {
		o := e.rt.NewObject()
		_ = o.Set("type", p.typ)
		_ = o.Set("value", p.val)
		_ = o.Set("source", sources[p.src])
		arr[i] = o
	}
	return e.rt.NewArray(arr...)
}

// timeValue is ECMA-402's check of a date to format.
func (e *Engine) timeValue(v goja.Value) float64 {
	var ms float64
	if v == nil || goja.IsUndefined(v) {
		ms = float64(e.loop.dateNow().UnixMilli())
	} else {
		ms = v.ToFloat()
	}
	if math.IsNaN(ms) || math.Abs(ms) > 8.64e15 {
		e.throw("RangeError", "Invalid time value")
	}
	return ms
}

// collator is a resolved Intl.Collator.
type collator struct {
	locale string
	c      *collate.Collator
	// caseLevel: c ignores case, which compare then orders (and full
	// breaks the remaining ties, when set).
	caseLevel          bool
	full               *collate.Collator
	usage, sensitivity string
	numeric            bool
	caseFirst          string
	ignorePunctuation  bool
}

// kind names the caller in V8's errors ("Intl.Collator",
// "String.prototype.localeCompare").
func (e *Engine) newCollator(locales, options goja.Value, kind string) *collator {
	loc, kw := resolveLocale(e.checkLocales(locales), "kf", "kn")
	r := e.options(options, kind)
	c := &collator{locale: loc}
	c.usage = r.str("usage", []string{"sort", "search"}, "sort")
	r.str("localeMatcher", localeMatchers, "best fit")
	c.sensitivity = r.str("sensitivity", []string{"base", "accent", "case", "variant"}, "variant")
	numeric, hasNumeric := r.boolOpt("numeric")
	caseFirst := r.str("caseFirst", []string{"upper", "lower", "false"}, "")
	// -u-kn- and -u-kf- stand in for the options the script leaves out (V8
	// keeps them in the resolved locale either way).
	if k, ok := kw["kn"]; ok && !hasNumeric {
		numeric = k != "false"
	}
	if k, ok := kw["kf"]; ok && caseFirst == "" {
		caseFirst = k
	}
	if caseFirst == "" {
		caseFirst = "false"
	}
	c.numeric, c.caseFirst = numeric, caseFirst
	c.ignorePunctuation, _ = r.boolOpt("ignorePunctuation")
	// x/text's collator has no case level or caseFirst: case is compared
	// here, after the levels below it, as ICU orders them.
	var opts []collate.Option
	if c.numeric {
		opts = append(opts, collate.Numeric)
	}
	with := func(extra ...collate.Option) *collate.Collator {
		return collate.New(language.AmericanEnglish, append(append([]collate.Option{}, opts...), extra...)...)
	}
	switch {
	case c.sensitivity == "base":
		c.c = with(collate.IgnoreCase, collate.IgnoreDiacritics, collate.IgnoreWidth)
	case c.sensitivity == "accent":
		c.c = with(collate.IgnoreCase, collate.IgnoreWidth)
	case c.sensitivity == "case":
		c.c, c.caseLevel = with(collate.IgnoreCase, collate.IgnoreDiacritics, collate.IgnoreWidth), true
	case c.caseFirst == "upper" || c.caseFirst == "lower":
		c.c, c.caseLevel, c.full = with(collate.IgnoreCase), true, with()
	default:
		c.c = with()
	}
	return c
}

// compare is the collator's order of a and b.
func (c *collator) compare(a, b string) int {
	if c.ignorePunctuation {
		// ICU's alternate handling "shifted" at tertiary strength: spaces
		// and punctuation weigh nothing (x/text's own "shifted" is broken).
		a, b = dropPunctuation(a), dropPunctuation(b)
	}
	r := c.c.CompareString(a, b)
	if r != 0 || !c.caseLevel {
		return r
	}
	if r = caseOrder(a, b, c.caseFirst == "upper"); r != 0 || c.full == nil {
		return r
	}
	return c.full.CompareString(a, b)
}

func dropPunctuation(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// caseOrder compares the case of two strings equal but for case and
// accents: at the first letter whose case differs, lowercase sorts first
// (uppercase with upperFirst).
func caseOrder(a, b string, upperFirst bool) int {
	letters := func(s string) []rune {
		var out []rune
		for _, r := range norm.NFD.String(s) {
			if !unicode.Is(unicode.Mn, r) {
				out = append(out, r)
			}
		}
		return out
	}
	ra, rb := letters(a), letters(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		ua, ub := unicode.IsUpper(ra[i]), unicode.IsUpper(rb[i])
		if ua == ub {
			continue
		}
		if ua == upperFirst {
			return -1
		}
		return 1
	}
	return 0
}

func (c *collator) resolved(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	_ = o.Set("locale", c.locale)
	_ = o.Set("usage", c.usage)
	_ = o.Set("sensitivity", c.sensitivity)
	_ = o.Set("ignorePunctuation", c.ignorePunctuation)
	_ = o.Set("collation", "default")
	_ = o.Set("numeric", c.numeric)
	_ = o.Set("caseFirst", c.caseFirst)
	return o
}

// installIntl adds the Intl host functions to the host object.
func (e *Engine) installIntl(set func(string, any)) {
	rt := e.rt
	var defNum *numFormat
	set("intlLocales", func(c goja.FunctionCall) goja.Value {
		// intlLocales(op, …) is Intl.Locale's host (intl_locale.go),
		// sharing this function so that an engine sets one closure fewer.
		if len(c.Arguments) > 1 {
			return e.intlLocale(c)
		}
		tags := e.checkLocales(c.Argument(0))
		out := make([]any, len(tags))
		for i, t := range tags {
			out[i] = t
		}
		return rt.NewArray(out...)
	})
	set("intlNumber", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(e.newNumberFormat(c.Argument(0), c.Argument(1), "Intl.NumberFormat"))
	})
	nf := func(v goja.Value) *numFormat {
		f, ok := v.Export().(*numFormat)
		if !ok {
			e.throw("TypeError", "Method Intl.NumberFormat.prototype.format called on incompatible receiver")
		}
		return f
	}
	set("intlNumberFormat", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(joinParts(nf(c.Argument(0)).formatValue(c.Argument(1))))
	})
	set("intlNumberParts", func(c goja.FunctionCall) goja.Value {
		return e.partsArray(nf(c.Argument(0)).formatValue(c.Argument(1)))
	})
	set("intlNumberResolved", func(c goja.FunctionCall) goja.Value { return nf(c.Argument(0)).resolved(rt) })
	// Number#toLocaleString: the formatter without options is kept.
	set("numberToLocale", func(c goja.FunctionCall) goja.Value {
		x := c.Argument(0).ToFloat()
		if goja.IsUndefined(c.Argument(1)) && goja.IsUndefined(c.Argument(2)) {
			if defNum == nil {
				defNum = e.newNumberFormat(nil, nil, "Number.prototype.toLocaleString")
			}
			return rt.ToValue(joinParts(defNum.format(x)))
		}
		return rt.ToValue(joinParts(e.newNumberFormat(c.Argument(1), c.Argument(2), "Number.prototype.toLocaleString").format(x)))
	})

	set("bigintToLocale", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(joinParts(e.newNumberFormat(c.Argument(1), c.Argument(2), "BigInt.prototype.toLocaleString").formatBig(c.Argument(0).String())))
	})
	// String#localeCompare with locales or options compares as a Collator.
	set("localeCompare", func(c goja.FunctionCall) goja.Value {
		col := e.newCollator(c.Argument(2), c.Argument(3), "String.prototype.localeCompare")
		return rt.ToValue(col.compare(c.Argument(0).String(), c.Argument(1).String()))
	})
	df := func(v goja.Value) *dateFormat {
		f, ok := v.Export().(*dateFormat)
		if !ok {
			e.throw("TypeError", "Method Intl.DateTimeFormat.prototype.format called on incompatible receiver")
		}
		return f
	}
	set("intlDate", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(e.newDateFormat(c.Argument(0), c.Argument(1), "any", "date", "Intl.DateTimeFormat"))
	})
	set("intlDateFormat", func(c goja.FunctionCall) goja.Value {
		f := df(c.Argument(0))
		return rt.ToValue(joinParts(f.formatParts(e.timeValue(c.Argument(1)))))
	})
	set("intlDateParts", func(c goja.FunctionCall) goja.Value {
		f := df(c.Argument(0))
		if len(c.Arguments) > 2 {
			// formatRangeToParts: (handle, start, end).
			return e.rangePartsArray(f.formatRange(e.timeValue(c.Argument(1)), e.timeValue(c.Argument(2))))
		}
		ps := f.formatParts(e.timeValue(c.Argument(1)))
		// formatToParts keeps the narrow no-break space of CLDR's time
		// patterns before AM/PM, which format() prints as a plain space
		// (so does the current sandbox).
		return e.partsArray(narrowBeforeAMPM(ps))
	})
	set("intlDateResolved", func(c goja.FunctionCall) goja.Value { return df(c.Argument(0)).resolved(rt) })
	// Date#toLocale*String(ms, locales, options, required, defaults)
	set("dateToLocale", func(c goja.FunctionCall) goja.Value {
		ms := c.Argument(0).ToFloat()
		if math.IsNaN(ms) {
			return rt.ToValue("Invalid Date")
		}
		required := c.Argument(3).String()
		f := e.newDateFormat(c.Argument(1), c.Argument(2), required, c.Argument(4).String(), dateLocaleMethods[required])
		return rt.ToValue(joinParts(f.formatParts(ms)))
	})
	set("zoneName", func(c goja.FunctionCall) goja.Value { return rt.ToValue(dateToStringZone(c.Argument(0).ToFloat())) })

	set("intlCollator", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(e.newCollator(c.Argument(0), c.Argument(1), "Intl.Collator"))
	})
	set("intlCompare", func(c goja.FunctionCall) goja.Value {
		col, ok := c.Argument(0).Export().(*collator)
		if !ok {
			e.throw("TypeError", "Method Intl.Collator.prototype.compare called on incompatible receiver")
		}
		return rt.ToValue(col.compare(c.Argument(1).String(), c.Argument(2).String()))
	})
	set("intlCollatorResolved", func(c goja.FunctionCall) goja.Value {
		col, ok := c.Argument(0).Export().(*collator)
		if !ok {
			e.throw("TypeError", "Method Intl.Collator.prototype.resolvedOptions called on incompatible receiver")
		}
		return col.resolved(rt)
	})
}

// localeMatchers are the values of every Intl constructor's localeMatcher
// option, which V8 checks first (the value changes nothing here).
var localeMatchers = []string{"lookup", "best fit"}

// dateLocaleMethods names Date#toLocale*String by its required components
// (ToDateTimeOptions' argument), for V8's errors.
var dateLocaleMethods = map[string]string{
	"any":  "Date.prototype.toLocaleString",
	"date": "Date.prototype.toLocaleDateString",
	"time": "Date.prototype.toLocaleTimeString",
}

var offsetZone = lazyre.New(`^([+-])(\d{2}):?(\d{2})?$`)

// loadZone finds an IANA zone the way V8 does: case-insensitively, and
// also as a fixed offset (+05:30).
func loadZone(name string) (*time.Location, error) {
	if m := offsetZone().FindStringSubmatch(name); m != nil {
		h, _ := strconv.Atoi(m[2])
		mm, _ := strconv.Atoi(m[3])
		if h > 23 || mm > 59 {
			return nil, errors.New("bad offset")
		}
		off := h*3600 + mm*60
		if m[1] == "-" {
			off = -off
		}
		return time.FixedZone(fmt.Sprintf("%s%02d:%02d", m[1], h, mm), off), nil
	}
	if name == "" || name == "Local" || strings.HasPrefix(name, "/") || strings.Contains(name, "..") {
		return nil, errors.New("not a zone")
	}
	if loc, err := time.LoadLocation(name); err == nil {
		return loc, nil
	}
	// ICU's own legacy IDs (PST, IST…) load as the zone they stand for.
	if c, ok := intlAliasTable()[strings.ToUpper(name)]; ok {
		if loc, err := time.LoadLocation(c); err == nil {
			return loc, nil
		}
	}
	// america/new_york → America/New_York; Etc/GMT+5 keeps its case.
	b := []byte(strings.ToLower(name))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
		up = c == '/' || c == '_' || c == '-'
	}
	fixed := string(b)
	for _, pre := range []string{"Etc/Gmt", "Etc/Utc", "Etc/Uct"} {
		if strings.HasPrefix(fixed, pre) {
			fixed = "Etc/" + strings.ToUpper(fixed[4:7]) + fixed[7:]
		}
	}
	return time.LoadLocation(fixed)
}
