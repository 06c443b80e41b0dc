package scripting

import (
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"golang.org/x/text/language"
)

//go:generate go run ./internal/genlocales

// The data behind Intl.Locale's info getters (getTimeZones, getWeekInfo,
// getHourCycles, getCalendars, getTextInfo) and maximize/minimize. Region
// data is Postman CLI's own answers (intl_regions_gen.go); likely subtags
// come from golang.org/x/text's CLDR, which agrees with ICU's for the
// languages and regions in use (not for a few retired or rare codes).

// regionInfo is what a region's locales answer.
type regionInfo struct {
	zones, hourCycles, calendars []string
	firstDay                     int
	weekend                      []int
}

var defaultRegionInfo = regionInfo{hourCycles: []string{"h23"}, calendars: []string{"gregory"}, firstDay: 1, weekend: []int{6, 7}}

// intlRegions parses the generated table on first use.
var intlRegions = sync.OnceValue(func() map[string]regionInfo {
	m := map[string]regionInfo{}
	for _, line := range strings.Split(strings.TrimSpace(intlRegionData), "\n") {
		f := strings.Split(line, "|")
		ri := defaultRegionInfo
		if f[1] != "" {
			ri.zones = strings.Fields(f[1])
		}
		if f[2] != "" {
			ri.firstDay, _ = strconv.Atoi(f[2])
		}
		if f[3] != "" {
			ri.weekend = nil
			for _, c := range f[3] {
				ri.weekend = append(ri.weekend, int(c-'0'))
			}
		}
		if f[4] != "" {
			ri.hourCycles = strings.Fields(f[4])
		}
		if f[5] != "" {
			ri.calendars = strings.Fields(f[5])
		}
		m[f[0]] = ri
	}
	return m
})

func regionFor(region string) regionInfo {
	if ri, ok := intlRegions()[strings.ToUpper(region)]; ok {
		return ri
	}
	return defaultRegionInfo
}

// likelySubtags fills in a tag's language, script and region as ICU's
// addLikelySubtags does; a region CLDR does not know is kept as given.
func likelySubtags(lang, script, region string) (string, string, string) {
	compose := func(l, s, r string) string {
		parts := []string{l}
		if s != "" {
			parts = append(parts, s)
		}
		if r != "" {
			parts = append(parts, r)
		}
		return strings.Join(parts, "-")
	}
	tag, err := language.Parse(compose(lang, script, region))
	if err != nil && region != "" {
		tag, err = language.Parse(compose(lang, script, ""))
	}
	if err != nil {
		return lang, script, region
	}
	b, _ := tag.Base()
	s, _ := tag.Script()
	r, _ := tag.Region()
	if script != "" {
		s, _ = language.ParseScript(script)
	}
	outRegion := r.String()
	if region != "" {
		outRegion = region
	}
	return b.String(), s.String(), outRegion
}

// minimalSubtags removes the subtags that likelySubtags would add back,
// preferring language-region to language-script, as ICU does.
func minimalSubtags(lang, script, region string) (string, string, string) {
	l, s, r := likelySubtags(lang, script, region)
	for _, try := range [][3]string{{l, "", ""}, {l, "", r}, {l, s, ""}} {
		if a, b, c := likelySubtags(try[0], try[1], try[2]); a == l && b == s && c == r {
			return try[0], try[1], try[2]
		}
	}
	return l, s, r
}

// intlLocale answers host.intlLocales(op, …) (see installIntl): op
// "resolve" the locale resolvedOptions reports, "likely" and "minimal"
// [language, script, region], "region" a region's data.
func (e *Engine) intlLocale(c goja.FunctionCall) goja.Value {
	rt := e.rt
	strs := func(ss ...string) goja.Value {
		out := make([]any, len(ss))
		for i, s := range ss {
			out[i] = s
		}
		return rt.NewArray(out...)
	}
	switch c.Argument(0).String() {
	case "resolve":
		// (op, locales, keys…): the locale resolvedOptions reports.
		var keys []string
		for _, k := range c.Arguments[2:] {
			keys = append(keys, k.String())
		}
		loc, _ := resolveLocale(e.checkLocales(c.Argument(1)), keys...)
		return rt.ToValue(loc)
	case "values":
		v := supportedValues(c.Argument(1).String())
		if v == nil {
			return goja.Undefined()
		}
		return strs(v...)
	case "pluralLocale":
		return rt.ToValue(pluralLocaleFor(e.checkLocales(c.Argument(1))))
	case "plural":
		// (op, locale, type, formatted absolute value)
		return rt.ToValue(pluralForm(c.Argument(1).String(), c.Argument(2).String(), c.Argument(3).String()))
	case "pluralCategories":
		p := pluralData(c.Argument(1).String())
		if c.Argument(2).String() == "ordinal" {
			return strs(p.ordinal...)
		}
		return strs(p.cardinal...)
	case "pluralRange":
		if r, ok := pluralData(c.Argument(1).String()).ranges[c.Argument(2).String()+"-"+c.Argument(3).String()]; ok {
			return rt.ToValue(r)
		}
		return rt.ToValue("other")
	case "currencyName":
		if n := currencyDisplayName(strings.ToUpper(c.Argument(1).String())); n != "" {
			return rt.ToValue(n)
		}
		return goja.Undefined()
	case "likely":
		return strs(likelySubtags(c.Argument(1).String(), argString(c.Argument(2)), argString(c.Argument(3))))
	case "minimal":
		return strs(minimalSubtags(c.Argument(1).String(), argString(c.Argument(2)), argString(c.Argument(3))))
	}
	ri := regionFor(c.Argument(1).String())
	o := rt.NewObject()
	_ = o.Set("timeZones", strs(ri.zones...))
	_ = o.Set("hourCycles", strs(ri.hourCycles...))
	_ = o.Set("calendars", strs(ri.calendars...))
	_ = o.Set("firstDay", ri.firstDay)
	days := make([]any, len(ri.weekend))
	for i, d := range ri.weekend {
		days[i] = d
	}
	_ = o.Set("weekend", rt.NewArray(days...))
	return o
}

// argString is a string argument, "" for undefined.
func argString(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}
