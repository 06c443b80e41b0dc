package scripting

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // timeZone options resolve the same on every machine
)

// dateFormat is a resolved Intl.DateTimeFormat: the components asked for
// (empty when absent) and the zone. Patterns are ICU's en-US ones.
type dateFormat struct {
	locale                         string // resolved: en-US or en
	calendar                       string // gregory, buddhist, roc or japanese
	nu                             string // numbering system: latn unless asked
	loc                            *time.Location
	zone                           string // IANA name, as resolvedOptions reports it
	weekday, era, year, month, day string
	dayPeriod                      string
	hour, minute, second           string
	fractional                     int
	zoneName                       string
	hourCycle                      string // h12, h11, h23, h24; empty without hour
	dateStyle, timeStyle           string
}

var (
	monthsLong  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdayLong = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
)

func monthText(m time.Month, style string) string { return nameText(monthsLong[m-1], style) }

func weekdayText(d time.Weekday, style string) string { return nameText(weekdayLong[d], style) }

// nameText is an English month or weekday name in Intl's style: long
// (the name), short (its first three letters) or narrow (its first).
func nameText(s, style string) string {
	switch style {
	case "short":
		return s[:3]
	case "narrow":
		return s[:1]
	}
	return s
}

func pad2(n int, style string) string {
	if style == "2-digit" && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// applyStyles turns dateStyle/timeStyle into components, as CLDR's en
// patterns spell them.
func (f *dateFormat) applyStyles() {
	switch f.dateStyle {
	case "full":
		f.weekday, f.month, f.day, f.year = "long", "long", "numeric", "numeric"
	case "long":
		f.month, f.day, f.year = "long", "numeric", "numeric"
	case "medium":
		f.month, f.day, f.year = "short", "numeric", "numeric"
	case "short":
		f.month, f.day, f.year = "numeric", "numeric", "2-digit"
	}
	switch f.timeStyle {
	case "full":
		f.hour, f.minute, f.second, f.zoneName = "numeric", "2-digit", "2-digit", "long"
	case "long":
		f.hour, f.minute, f.second, f.zoneName = "numeric", "2-digit", "2-digit", "short"
	case "medium":
		f.hour, f.minute, f.second = "numeric", "2-digit", "2-digit"
	case "short":
		f.hour, f.minute = "numeric", "2-digit"
	}
}

// formatParts formats the instant ms (milliseconds since the epoch), as
// formatToParts lists it: the date's parts and the time's, each built by
// itself (the zone goes with the time when there is one), then joined.
func (f *dateFormat) formatParts(ms float64) []numPart {
	t := time.UnixMilli(int64(ms)).In(f.loc)
	date, tm := f.dateParts(t), f.timeParts(t)
	f.zonePart(t, &date, &tm)
	return localizeDigits(f.joinDateTime(date, tm), f.nu)
}

// partList collects formatToParts' pieces in order.
type partList []numPart

func (p *partList) lit(s string)          { *p = append(*p, numPart{"literal", s}) }
func (p *partList) add(typ, value string) { *p = append(*p, numPart{typ, value}) }

// hasDate reports whether any date component (weekday aside) is asked for.
func (f *dateFormat) hasDate() bool { return f.month != "" || f.day != "" || f.year != "" }

// dateParts is the date: weekday, then month, day and year (spelled out
// when the month is text, slashes otherwise), then the era.
func (f *dateFormat) dateParts(t time.Time) partList {
	switch f.calendar {
	case "iso8601":
		return f.isoDateParts(t)
	case "hebrew":
		return f.hebrewDateParts(t)
	case "chinese", "dangi":
		return f.lunisolarDateParts(t)
	}
	date, done := f.weekdayParts(t, (*dateFormat).dateParts)
	if done {
		return date
	}
	if f.month == "long" || f.month == "short" || f.month == "narrow" {
		f.textMonthDate(&date, t)
	} else {
		f.numericDate(&date, t)
	}
	if f.era != "" {
		if len(date) > 0 {
			date.lit(" ")
		}
		era := eraText(t, f.era)
		if _, name, ok := f.calendarYear(t); ok {
			era = name
		}
		date.add("era", era)
	}
	return date
}

// weekdayParts begins a date with its weekday, as ICU writes en-US:
// "Friday, " before the rest. CLDR has no "E, …" pattern without a month
// and a day: then ICU puts the weekday last ("5 Friday", "January 2024
// Friday") and this is the whole date (done), the rest written by parts
// without the weekday.
func (f *dateFormat) weekdayParts(t time.Time, parts func(*dateFormat, time.Time) partList) (date partList, done bool) {
	if f.weekday == "" {
		return nil, false
	}
	if !(f.month != "" && f.day != "") && f.hasDate() {
		g := *f
		g.weekday = ""
		date = parts(&g, t)
		date.lit(" ")
		date.add("weekday", weekdayText(t.Weekday(), f.weekday))
		return date, true
	}
	date.add("weekday", weekdayText(t.Weekday(), f.weekday))
	if f.hasDate() {
		date.lit(", ")
	}
	return date, false
}

// textMonthDate is en-US's "March 5, 2026" (or "March 2026", "March 5").
func (f *dateFormat) textMonthDate(date *partList, t time.Time) {
	_, day, name := f.monthDay(t)
	date.add("month", name)
	if f.day != "" {
		date.lit(" ")
		date.add("day", pad2(day, f.day))
	}
	if f.year != "" {
		if f.day != "" {
			date.lit(", ")
		} else {
			date.lit(" ")
		}
		date.add("year", f.yearText(t))
	}
}

// numericDate is en-US's "3/5/2026": the components asked for, month
// first, slash-separated.
func (f *dateFormat) numericDate(date *partList, t time.Time) {
	first := true
	slash := "/"
	if _, own := ownCalendarDate(f.calendar, t); own && f.day == "" && f.month != "" && f.year != "" {
		slash = " " // ICU's "M y G" in these calendars: "1 1403 AP"
	}
	sep := func() {
		if !first {
			date.lit(slash)
		}
		first = false
	}
	month, day, _ := f.monthDay(t)
	if f.month != "" {
		sep()
		date.add("month", pad2(month, f.month))
	}
	if f.day != "" {
		sep()
		date.add("day", pad2(day, f.day))
	}
	if f.year != "" {
		sep()
		date.add("year", f.yearText(t))
	}
}

// yearText is the year of the era, its last two digits for "2-digit":
// the year before 1 AD is 1 BC, not 0 (ICU counts so whether or not the era
// is shown).
func (f *dateFormat) yearText(t time.Time) string {
	y := t.Year()
	if cy, _, ok := f.calendarYear(t); ok {
		y = cy
	} else if y <= 0 {
		y = 1 - y
	}
	if f.year == "2-digit" {
		return fmt.Sprintf("%02d", (y%100+100)%100)
	}
	return strconv.Itoa(y)
}

// eraText is AD or BC in the style asked for (year 0 and before are BC).
func eraText(t time.Time, style string) string {
	era := "AD"
	if t.Year() <= 0 {
		era = "BC"
	}
	if style == "long" {
		era = map[string]string{"AD": "Anno Domini", "BC": "Before Christ"}[era]
	} else if style == "narrow" {
		era = era[:1]
	}
	return era
}

// timeParts is the time: the clock (or fractional seconds alone), then a
// flexible day period ("in the morning") unless the clock has AM/PM.
func (f *dateFormat) timeParts(t time.Time) partList {
	var tm partList
	if f.hour != "" || f.minute != "" || f.second != "" {
		f.clockParts(&tm, t)
	} else if f.fractional > 0 {
		tm.add("fractionalSecond", fmt.Sprintf("%03d", t.Nanosecond()/1e6)[:f.fractional])
	}
	// A flexible day period stands alone or replaces AM/PM (clockParts);
	// a 24-hour clock has none.
	if f.dayPeriod != "" && f.hour == "" {
		if len(tm) > 0 {
			tm.lit(" ")
		}
		tm.add("dayPeriod", flexibleDayPeriod(t))
	}
	return tm
}

// twelveHour reports whether the hour cycle counts to 12 with AM/PM.
func (f *dateFormat) twelveHour() bool { return f.hourCycle == "h12" || f.hourCycle == "h11" }

// clockParts is "h:mm:ss.fff AM": minutes and seconds are two digits
// after another field; AM/PM only with the hour.
func (f *dateFormat) clockParts(tm *partList, t time.Time) {
	if f.hour != "" {
		tm.add("hour", f.hourText(t))
	}
	// A minute or second alone is one or two digits whatever the option
	// (ICU's "m", "s"); beside another field, always two.
	if f.minute != "" {
		if f.hour != "" {
			tm.lit(":")
		}
		style := "numeric"
		if f.hour != "" || f.second != "" {
			style = "2-digit"
		}
		tm.add("minute", pad2(t.Minute(), style))
	}
	// Seconds with an hour but no minute are appended as ICU appends a
	// field its patterns lack: "1 PM (second: 5)".
	appendSecond := f.second != "" && f.hour != "" && f.minute == ""
	if f.second != "" && !appendSecond {
		if f.minute != "" {
			tm.lit(":")
		}
		style := "numeric"
		if f.minute != "" {
			style = "2-digit"
		}
		tm.add("second", pad2(t.Second(), style))
	}
	if f.fractional > 0 {
		tm.lit(".")
		ms := fmt.Sprintf("%03d", t.Nanosecond()/1e6)
		tm.add("fractionalSecond", ms[:f.fractional])
	}
	if f.twelveHour() && f.hour != "" {
		tm.lit(" ")
		p := "AM"
		if t.Hour() >= 12 {
			p = "PM"
		}
		if f.dayPeriod != "" {
			p = flexibleDayPeriod(t)
		}
		tm.add("dayPeriod", p)
	}
	if appendSecond {
		tm.lit(" (second: ")
		tm.add("second", strconv.Itoa(t.Second()))
		tm.lit(")")
	}
}

// hourText is the hour in the hour cycle: 1-12 (h12), 0-11 (h11), and
// the 24-hour cycles always in two digits, h24 counting midnight as 24.
func (f *dateFormat) hourText(t time.Time) string {
	h, style := t.Hour(), f.hour
	switch f.hourCycle {
	case "h12":
		if h = h % 12; h == 0 {
			h = 12
		}
	case "h11":
		h = h % 12
	case "h23":
		style = "2-digit"
	case "h24":
		if h == 0 {
			h = 24
		}
		style = "2-digit"
	}
	return pad2(h, style)
}

// zonePart appends the zone's name to the time, or to the date when no
// time is shown.
func (f *dateFormat) zonePart(t time.Time, date, tm *partList) {
	if f.zoneName == "" {
		return
	}
	z := zoneDisplayName(f.zone, t, f.zoneName)
	if len(*tm) > 0 {
		tm.lit(" ")
		tm.add("timeZoneName", z)
		return
	}
	if len(*date) > 0 {
		date.lit(", ")
	}
	date.add("timeZoneName", z)
}

// joinDateTime joins date and time as en-US patterns do: " at " after a
// spelled-out date (long month with day and year, or a full or long
// dateStyle), a space after a weekday alone, ", " otherwise.
func (f *dateFormat) joinDateTime(date, tm partList) []numPart {
	switch {
	case len(date) == 0:
		return tm
	case len(tm) == 0:
		return date
	}
	out := date
	switch {
	case f.month == "long" || f.dateStyle == "full" || f.dateStyle == "long":
		out.lit(" at ")
	case f.weekday != "" && !f.hasDate() && f.hour != "" && f.minute != "" && f.zoneName == "":
		// CLDR's "E h:mm a" patterns; other weekday-and-time mixes are
		// glued with a comma ("Friday, 1 PM").
		out.lit(" ")
	default:
		out.lit(", ")
	}
	return append(out, tm...)
}

func flexibleDayPeriod(t time.Time) string {
	switch h := t.Hour(); {
	case h == 12:
		return "noon"
	case h < 12:
		return "in the morning"
	case h < 18:
		return "in the afternoon"
	case h >= 18 && h < 21:
		return "in the evening"
	}
	return "at night"
}

// isUTCZone reports whether name is one of the IANA names of UTC, which V8
// names "UTC" (and "Coordinated Universal Time" in the long styles).
func isUTCZone(name string) bool {
	switch name {
	case "UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT", "Etc/GMT0", "GMT0", "Etc/Greenwich", "Greenwich":
		return true
	}
	return false
}

func gmtOffset(off int, long bool) string {
	if off == 0 && !long {
		return "GMT"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := off/3600, off%3600/60
	if long {
		return fmt.Sprintf("GMT%s%02d:%02d", sign, h, m)
	}
	if m != 0 {
		return fmt.Sprintf("GMT%s%d:%02d", sign, h, m)
	}
	return fmt.Sprintf("GMT%s%d", sign, h)
}

// zoneDisplayName names zone at t as en-US does for style short, long,
// shortOffset, longOffset, shortGeneric or longGeneric: the names Postman
// prints (intl_zones.go), the GMT offset form where it prints that.
func zoneDisplayName(zone string, t time.Time, style string) string {
	_, off := t.Zone()
	switch style {
	case "shortOffset":
		if off == 0 {
			return "GMT+0"
		}
		return gmtOffset(off, false)
	case "longOffset":
		return gmtOffset(off, true)
	}
	long := style == "long" || style == "longGeneric"
	if isUTCZone(zone) {
		if long {
			return "Coordinated Universal Time"
		}
		return "UTC"
	}
	if name, ok := tableZoneName(zone, t, style); ok && name != "" {
		return name
	}
	if long && off != 0 {
		return gmtOffset(off, true)
	}
	return gmtOffset(off, false)
}

var (
	localZoneOnce sync.Once
	localZoneName string
)

// localZone is the IANA name of the process's zone, as Node reports it in
// resolvedOptions().timeZone: $TZ, else the /etc/localtime link.
func localZone() string {
	localZoneOnce.Do(func() {
		name := strings.TrimPrefix(os.Getenv("TZ"), ":")
		if name == "" {
			if l, err := os.Readlink("/etc/localtime"); err == nil {
				if i := strings.Index(l, "zoneinfo/"); i >= 0 {
					name = l[i+len("zoneinfo/"):]
				} else {
					name = filepath.Base(l)
				}
			}
		}
		if name == "" || strings.HasPrefix(name, "/") {
			name = "UTC"
		}
		if isUTCZone(name) {
			name = "UTC"
		}
		localZoneName = canonicalZone(name)
	})
	return localZoneName
}

// dateToStringZone is the parenthesised zone name of Date#toString.
func dateToStringZone(ms float64) string {
	t := time.UnixMilli(int64(ms)).In(time.Local)
	return zoneDisplayName(localZone(), t, "long")
}
