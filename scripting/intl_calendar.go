package scripting

import (
	"math"
	"strconv"
	"time"
)

// The calendars beside the Gregorian one that keep its months and days and
// count years from another start (and, further down, those with months of
// their own): Buddhist (BE), Republic of China
// (Minguo) and Japanese (imperial eras), as Postman's runtime writes them.
// Every date that shows a year shows its era too: narrow beside a numeric
// month ("1/5/6 R"), else the era's name ("January 5, 6 Reiwa").

var supportedCalendars = map[string]bool{"gregory": true, "buddhist": true, "roc": true, "japanese": true,
	"iso8601": true, "persian": true, "islamic-civil": true, "islamic-tbla": true, "indian": true, "coptic": true, "ethiopic": true,
	"ethioaa": true, "hebrew": true, "islamic": true, "islamic-umalqura": true, "chinese": true, "dangi": true}

// japaneseEras are the modern eras and the days they began.
var japaneseEras = []struct {
	start        time.Time
	name, narrow string
}{
	{time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC), "Reiwa", "R"},
	{time.Date(1989, 1, 8, 0, 0, 0, 0, time.UTC), "Heisei", "H"},
	{time.Date(1926, 12, 25, 0, 0, 0, 0, time.UTC), "Shōwa", "S"},
	{time.Date(1912, 7, 30, 0, 0, 0, 0, time.UTC), "Taishō", "T"},
	{time.Date(1868, 9, 8, 0, 0, 0, 0, time.UTC), "Meiji", "M"},
}

// applyCalendar sets the era a calendar's dates show with their year, and
// the full year its short style writes.
func (f *dateFormat) applyCalendar() {
	if f.calendar == "chinese" || f.calendar == "dangi" {
		return // no era; the short style's year is the related year
	}
	if f.calendar == "hebrew" {
		if f.dateStyle == "short" {
			f.year = "numeric" // "10 Adar II 5784", no era unless asked
		}
		return
	}
	if f.calendar == "iso8601" {
		if f.dateStyle == "short" {
			f.year = "numeric"
		}
		if f.timeStyle != "" && f.hour != "" && f.twelveHour() {
			f.hour = "2-digit" // its time styles write "01:04 PM"
		}
		return
	}
	if f.calendar == "" || f.calendar == "gregory" || f.year == "" {
		return
	}
	if f.dateStyle == "short" {
		f.year = "numeric"
	}
	if f.era == "" {
		f.era = "short"
		if f.month == "numeric" || f.month == "2-digit" {
			f.era = "narrow"
		}
	}
}

// calendarYear is t's year and era name in the format's calendar; ok is
// false for the Gregorian calendar (and Japanese dates before Meiji).
func (f *dateFormat) calendarYear(t time.Time) (year int, era string, ok bool) {
	if d, ok := ownCalendarDate(f.calendar, t); ok {
		return d.year, d.era, true
	}
	switch f.calendar {
	case "buddhist":
		return t.Year() + 543, "BE", true
	case "roc":
		return t.Year() - 1911, "Minguo", true
	case "japanese":
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		for _, e := range japaneseEras {
			if !day.Before(e.start) {
				name := e.name
				if f.era == "narrow" {
					name = e.narrow
				}
				return t.Year() - e.start.Year() + 1, name, true
			}
		}
	}
	return 0, "", false
}

// The calendars whose months and days are their own, computed as ICU
// computes them (arithmetic rules, no astronomy): Persian (Solar Hijri,
// ICU's 33-year rule), Islamic civil and tabular (Hijri, 30-year cycle,
// from Friday or Thursday 16/15 July 622), Indian national (Saka),
// Coptic and Ethiopic (13 months). Months are named as Postman's runtime
// names them in en-US; a narrow month is its number.
var monthNames = map[string][][2]string{
	"persian": names12("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar",
		"Dey", "Bahman", "Esfand"),
	"islamic": {{"Muharram", "Muh."}, {"Safar", "Saf."}, {"Rabiʻ I", "Rab. I"}, {"Rabiʻ II", "Rab. II"},
		{"Jumada I", "Jum. I"}, {"Jumada II", "Jum. II"}, {"Rajab", "Raj."}, {"Shaʻban", "Sha."}, {"Ramadan", "Ram."},
		{"Shawwal", "Shaw."}, {"Dhuʻl-Qiʻdah", "Dhuʻl-Q."}, {"Dhuʻl-Hijjah", "Dhuʻl-H."}},
	"indian": names12("Chaitra", "Vaisakha", "Jyaistha", "Asadha", "Sravana", "Bhadra", "Asvina", "Kartika",
		"Agrahayana", "Pausa", "Magha", "Phalguna"),
	"coptic": names12("Tout", "Baba", "Hator", "Kiahk", "Toba", "Amshir", "Baramhat", "Baramouda", "Bashans", "Paona",
		"Epep", "Mesra", "Nasie"),
	"ethiopic": names12("Meskerem", "Tekemt", "Hedar", "Tahsas", "Ter", "Yekatit", "Megabit", "Miazia", "Genbot",
		"Sene", "Hamle", "Nehasse", "Pagumen"),
}

// names12 pairs each name with its abbreviation, the same in these
// calendars.
func names12(list ...string) [][2]string {
	out := make([][2]string, len(list))
	for i, n := range list {
		out[i] = [2]string{n, n}
	}
	return out
}

// calendarNames are the month names of each calendar of its own.
var calendarNames = map[string]string{"persian": "persian", "islamic-civil": "islamic", "islamic-tbla": "islamic",
	"islamic-umalqura": "islamic", "islamic": "islamic",
	"indian": "indian", "coptic": "coptic", "ethiopic": "ethiopic", "ethioaa": "ethiopic"}

// calDate is a date in a calendar of its own: month 1-based (for the
// Hebrew calendar ICU's ordinal, which counts Adar I in every year), name
// the month's name when the calendar's table cannot tell it.
type calDate struct {
	year, month, day int
	era              string
	name             string
}

// julianDay is the Julian day number of t's civil date.
func julianDay(t time.Time) int64 {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return floorDiv(d.Unix(), 86400) + 2440588
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// ownCalendarDate is t's date in calendar cal, false for the calendars
// that keep the Gregorian months.
func ownCalendarDate(cal string, t time.Time) (calDate, bool) {
	jd := julianDay(t)
	switch cal {
	case "persian":
		return persianDate(jd), true
	case "islamic-civil":
		return islamicDate(jd, 1948440), true
	case "islamic-tbla":
		return islamicDate(jd, 1948439), true
	case "islamic-umalqura", "islamic":
		if d, ok := islamicTableDate(cal, jd); ok {
			return d, true
		}
		return islamicDate(jd, 1948440), true // outside the table: the civil rule
	case "indian":
		return indianDate(t), true
	case "coptic":
		y, m, d := copticFields(jd, 1824665)
		if y <= 0 {
			return calDate{1 - y, m, d, "ERA0", ""}, true
		}
		return calDate{y, m, d, "ERA1", ""}, true
	case "hebrew":
		return hebrewDate(jd), true
	case "ethiopic", "ethioaa":
		y, m, d := copticFields(jd, 1723856)
		if cal == "ethioaa" || y <= 0 {
			return calDate{y + 5500, m, d, "ERA0", ""}, true
		}
		return calDate{y, m, d, "ERA1", ""}, true
	}
	return calDate{}, false
}

var persianCumDays = [12]int64{0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336}

func persianDate(jd int64) calDate {
	days := jd - 1948320
	year := 1 + floorDiv(33*days+3, 12053)
	farvardin1 := 365*(year-1) + floorDiv(8*year+21, 33)
	doy := days - farvardin1
	var month int64
	if doy < 216 {
		month = doy / 31
	} else {
		month = (doy - 6) / 30
	}
	return calDate{int(year), int(month) + 1, int(doy - persianCumDays[month] + 1), "AP", ""}
}

func islamicDate(jd, epoch int64) calDate {
	days := jd - epoch
	year := floorDiv(30*days+10646, 10631)
	yearStart := (year-1)*354 + floorDiv(3+11*year, 30)
	month := int64(math.Ceil(float64(days-29-yearStart) / 29.5))
	month = min(month, 11)
	monthStart := int64(math.Ceil(29.5*float64(month))) + yearStart
	return calDate{int(year), int(month) + 1, int(days-monthStart) + 1, "AH", ""}
}

func indianDate(t time.Time) calDate {
	gy := t.Year()
	leap := func(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
	yday := t.YearDay() - 1
	year := gy - 78
	var leapMonth int
	if yday < 80 {
		year = gy - 79
		leapMonth = 30
		if leap(gy - 1) {
			leapMonth = 31
		}
		yday += leapMonth + 31*5 + 30*3 + 10
	} else {
		leapMonth = 30
		if leap(gy) {
			leapMonth = 31
		}
		yday -= 80
	}
	if yday < leapMonth {
		return calDate{year, 1, yday + 1, "Saka", ""}
	}
	mday := yday - leapMonth
	if mday < 31*5 {
		return calDate{year, mday/31 + 2, mday%31 + 1, "Saka", ""}
	}
	mday -= 31 * 5
	return calDate{year, mday/30 + 7, mday%30 + 1, "Saka", ""}
}

// copticFields are ICU's Coptic/Ethiopic year, month and day from the
// epoch's Julian day: four-year cycles of 1461 days, 13 months of 30 days
// (the last of 5 or 6).
func copticFields(jd, epoch int64) (int, int, int) {
	c4 := floorDiv(jd-epoch, 1461)
	r4 := (jd - epoch) - c4*1461
	year := 4*c4 + (r4/365 - r4/1460)
	doy := r4 % 365
	if r4 == 1460 {
		doy = 365
	}
	return int(year), int(doy/30) + 1, int(doy%30) + 1
}

// monthDay is t's month, day and month name (in the format's month style)
// in the format's calendar.
func (f *dateFormat) monthDay(t time.Time) (month, day int, name string) {
	d, ok := ownCalendarDate(f.calendar, t)
	if !ok {
		return int(t.Month()), t.Day(), monthText(t.Month(), f.month)
	}
	if d.name != "" { // Hebrew: every style writes the name but narrow
		if f.month == "narrow" {
			return d.month, d.day, strconv.Itoa(d.month)
		}
		return d.month, d.day, d.name
	}
	names := monthNames[calendarNames[f.calendar]]
	switch f.month {
	case "long":
		name = names[d.month-1][0]
	case "short":
		name = names[d.month-1][1]
	default:
		name = strconv.Itoa(d.month)
	}
	return d.month, d.day, name
}

// calendarYMD is t's year, month and day in the format's calendar (the
// Gregorian fields for the calendars that keep them).
func (f *dateFormat) calendarYMD(t time.Time) (year, month, day int) {
	if d, ok := ownCalendarDate(f.calendar, t); ok {
		return d.year, d.month, d.day
	}
	return t.Year(), int(t.Month()), t.Day()
}

// isoDateParts is the date in the iso8601 calendar, which keeps the
// Gregorian fields and writes them year first: "2024-03-05" (numeric
// fields padded to two digits beside another), "2024 Mar 5", an era before
// the year ("AD 2024 Mar 5"), a weekday after the rest ("2024 March 5,
// Tuesday").
func (f *dateFormat) isoDateParts(t time.Time) partList {
	var date partList
	if f.era != "" && f.year != "" {
		date.add("era", eraText(t, f.era))
		date.lit(" ")
	}
	text := f.month == "long" || f.month == "short" || f.month == "narrow"
	switch {
	case f.month == "" && f.year != "" && f.day != "":
		// No pattern has a year and a day alone: ICU appends the day.
		date.add("year", f.yearText(t))
		date.lit(" (day: ")
		date.add("day", pad2(t.Day(), f.day))
		date.lit(")")
	case text:
		f.isoTextDate(&date, t)
	default:
		f.isoNumericDate(&date, t)
	}
	switch {
	case f.weekday == "" || text && f.day != "" && f.year == "":
		// A text month and a day without a year: ICU's pattern has
		// no weekday.
	case len(date) == 0:
		date.add("weekday", weekdayText(t.Weekday(), f.weekday))
	case f.day == "":
		date.lit(" ")
		date.add("weekday", weekdayText(t.Weekday(), f.weekday))
	default:
		date.lit(", ")
		date.add("weekday", weekdayText(t.Weekday(), f.weekday))
	}
	return date
}

// isoTextDate is "2024 Mar 5" (or "2024 Mar", "March 5").
func (f *dateFormat) isoTextDate(date *partList, t time.Time) {
	if f.year != "" {
		date.add("year", f.yearText(t))
		date.lit(" ")
	}
	date.add("month", monthText(t.Month(), f.month))
	if f.day != "" {
		date.lit(" ")
		date.add("day", pad2(t.Day(), f.day))
	}
}

// isoNumericDate is "2024-03-05": the fields asked for, hyphen-separated,
// month and day two digits beside another field.
func (f *dateFormat) isoNumericDate(date *partList, t time.Time) {
	fields := []struct {
		typ, style string
		value      func() string
	}{
		{"year", f.year, func() string { return f.yearText(t) }},
		{"month", f.month, nil},
		{"day", f.day, nil},
	}
	values := []int{0, int(t.Month()), t.Day()}
	n := 0
	for _, x := range fields {
		if x.style != "" {
			n++
		}
	}
	for i, x := range fields {
		if x.style == "" {
			continue
		}
		if len(*date) > 0 && (*date)[len(*date)-1].typ != "literal" {
			date.lit("-")
		}
		switch {
		case x.value != nil:
			date.add(x.typ, x.value())
		case n > 1:
			date.add(x.typ, pad2(values[i], "2-digit"))
		default:
			date.add(x.typ, pad2(values[i], x.style))
		}
	}
}

// The Hebrew calendar as ICU computes it: 1 Tishri from the molad of
// Tishri and the four postponements, with ICU's own thresholds (checked
// on 3,680 of Postman's dates), months from Tishri, Adar I in leap years.
var (
	hebrewLeapNames = []string{"Tishri", "Heshvan", "Kislev", "Tevet", "Shevat", "Adar I", "Adar II", "Nisan", "Iyar",
		"Sivan", "Tamuz", "Av", "Elul"}
	hebrewNames = []string{"Tishri", "Heshvan", "Kislev", "Tevet", "Shevat", "Adar", "Nisan", "Iyar", "Sivan", "Tamuz",
		"Av", "Elul"}
)

func hebrewLeap(y int64) bool { return ((7*y+1)%19+19)%19 < 7 }

// hebrewNewYear is the Julian day number of 1 Tishri of year y.
func hebrewNewYear(y int64) int64 {
	const dayParts, hourParts = 25920, 1080
	months := floorDiv(235*y-234, 19)
	frac := months*13753 + 12084
	day := months*29 + frac/dayParts
	frac %= dayParts
	wd := day % 7 // 0 is Monday
	if wd == 2 || wd == 4 || wd == 6 {
		day++
		wd = day % 7
	}
	if wd == 1 && frac > 15*hourParts+204 && !hebrewLeap(y) {
		day += 2
	} else if wd == 0 && frac > 21*hourParts+589 && hebrewLeap(y-1) {
		day++
	}
	return day + 347998
}

// hebrewMonthLengths are year y's months from Tishri.
func hebrewMonthLengths(y int64) []int64 {
	days := hebrewNewYear(y+1) - hebrewNewYear(y)
	heshvan, kislev := int64(29), int64(30)
	if days%10 == 5 { // 355 or 385 days
		heshvan = 30
	}
	if days%10 == 3 { // 353 or 383 days
		kislev = 29
	}
	if hebrewLeap(y) {
		return []int64{30, heshvan, kislev, 29, 30, 30, 29, 30, 29, 30, 29, 30, 29}
	}
	return []int64{30, heshvan, kislev, 29, 30, 29, 30, 29, 30, 29, 30, 29}
}

func hebrewDate(jd int64) calDate {
	y := floorDiv((jd-347998)*98496, 35975351) + 1
	for hebrewNewYear(y+1) <= jd {
		y++
	}
	for hebrewNewYear(y) > jd {
		y--
	}
	doy := jd - hebrewNewYear(y)
	names := hebrewNames
	if hebrewLeap(y) {
		names = hebrewLeapNames
	}
	for i, n := range hebrewMonthLengths(y) {
		if doy < n {
			ord := i + 1
			if !hebrewLeap(y) && i >= 5 {
				ord++ // ICU counts Adar I in every year
			}
			return calDate{int(y), ord, int(doy) + 1, "AM", names[i]}
		}
		doy -= n
	}
	return calDate{int(y), 13, 1, "AM", names[len(names)-1]}
}

// hebrewDateParts is a Hebrew date as en writes it, day first: "10 Adar II
// 5784", a weekday before it, an era after it when asked.
func (f *dateFormat) hebrewDateParts(t time.Time) partList {
	var date partList
	if f.weekday != "" {
		date.add("weekday", weekdayText(t.Weekday(), f.weekday))
		if f.hasDate() {
			date.lit(", ")
		}
	}
	_, day, name := f.monthDay(t)
	space := func() {
		if len(date) > 0 && date[len(date)-1].typ != "literal" {
			date.lit(" ")
		}
	}
	if f.day != "" {
		date.add("day", pad2(day, f.day))
	}
	if f.month != "" {
		space()
		date.add("month", name)
	}
	if f.year != "" {
		space()
		date.add("year", f.yearText(t))
		if f.era != "" {
			date.lit(" ")
			date.add("era", "AM")
		}
	}
	return date
}

// islamicMonths is a table of months (intl_islamic_gen.go): the day
// (since 1970-01-01) 1 Muharram 1300 AH fell on, then each month's length.
type islamicMonths struct {
	first   int64
	lengths string
}

// islamicTableDate is t's date in a tabled islamic calendar, false outside
// the table (1300 to 1600 AH; ICU's Umm al-Qura falls back to the civil
// calendar there too).
func islamicTableDate(cal string, jd int64) (calDate, bool) {
	tab, ok := islamicMonthTables[cal]
	if !ok {
		return calDate{}, false
	}
	day := jd - 2440588
	if day < tab.first {
		return calDate{}, false
	}
	start := tab.first
	for i := 0; i < len(tab.lengths); i++ {
		n := int64(30)
		if tab.lengths[i] == '9' {
			n = 29
		}
		if day < start+n {
			return calDate{1300 + i/12, i%12 + 1, int(day-start) + 1, "AH", ""}, true
		}
		start += n
	}
	return calDate{}, false
}
