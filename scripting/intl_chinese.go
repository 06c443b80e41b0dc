package scripting

import (
	"strconv"
	"time"
)

// The chinese and dangi calendars: lunisolar months from ICU's astronomy,
// recorded from Postman CLI for 1600-2500 (intl_chinese_gen.go). en
// writes their months as ordinals ("Second Month", "Mo2", "2"), a leap
// month with "bis" ("b" narrow), and the year as the Gregorian year it
// began in, with its name in the sexagenary cycle where the month is
// spelled out or the year stands alone: "Wednesday, Second Monthbis 1,
// 2023(gui-mao)", "2bis/1/2023". Dates outside the table are written in
// the Gregorian calendar.

// lunisolarMonths is one calendar's table: the day (since 1970-01-01) of
// its first new year, that year's Gregorian number, and a letter per
// month.
type lunisolarMonths struct {
	first, year int64
	months      string
}

// lunisolarDay is a date in a lunisolar calendar.
type lunisolarDay struct {
	year, month, day int
	leap             bool
}

// lunisolarDate is t's date (its calendar day in t's zone) in cal; false
// outside the table.
func lunisolarDate(cal string, t time.Time) (lunisolarDay, bool) {
	tab, ok := lunisolarTables[cal]
	days := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
	if !ok || days < tab.first {
		return lunisolarDay{}, false
	}
	d, year, month := days-tab.first, int(tab.year), 0
	for i := 0; i < len(tab.months); i++ {
		c := tab.months[i]
		leap := c == 'L' || c == 'M'
		if !leap {
			if month++; month > 12 {
				month, year = 1, year+1
			}
		}
		n := int64(29)
		if c == '0' || c == 'M' {
			n = 30
		}
		if d < n {
			return lunisolarDay{year: year, month: month, day: int(d) + 1, leap: leap}, true
		}
		d -= n
	}
	return lunisolarDay{}, false
}

var (
	lunisolarOrdinals = [12]string{"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
		"Tenth", "Eleventh", "Twelfth"}
	sexagenaryStems    = [10]string{"jia", "yi", "bing", "ding", "wu", "ji", "geng", "xin", "ren", "gui"}
	sexagenaryBranches = [12]string{"zi", "chou", "yin", "mao", "chen", "si", "wu", "wei", "shen", "you", "xu", "hai"}
)

// lunisolarYearName is the year's name in the sexagenary cycle (1984 began
// a cycle: jia-zi).
func lunisolarYearName(year int) string {
	i := ((year-4)%60 + 60) % 60
	return sexagenaryStems[i%10] + "-" + sexagenaryBranches[i%12]
}

// lunisolarMonthText is the month in the style asked for.
func lunisolarMonthText(d lunisolarDay, style string) string {
	n := strconv.Itoa(d.month)
	leap := ""
	if d.leap {
		leap = "bis"
	}
	switch style {
	case "long":
		return lunisolarOrdinals[d.month-1] + " Month" + leap
	case "short":
		return "Mo" + n + leap
	case "narrow":
		if d.leap {
			return n + "b"
		}
		return n
	case "2-digit":
		return pad2(d.month, "2-digit") + leap
	}
	return n + leap
}

// lunisolarDateParts is the date in the chinese or dangi calendar, in the
// order and with the separators en-US's Gregorian patterns have.
func (f *dateFormat) lunisolarDateParts(t time.Time) partList {
	d, ok := lunisolarDate(f.calendar, t)
	if !ok {
		g := *f
		g.calendar = "gregory"
		return g.dateParts(t)
	}
	date, done := f.weekdayParts(t, (*dateFormat).lunisolarDateParts)
	if done {
		return date
	}
	year := func(named bool) {
		date.add("relatedYear", strconv.Itoa(d.year))
		if named {
			date.lit("(")
			date.add("yearName", lunisolarYearName(d.year))
			date.lit(")")
		}
	}
	switch {
	case f.month == "long" || f.month == "short" || f.month == "narrow":
		date.add("month", lunisolarMonthText(d, f.month))
		if f.day != "" {
			date.lit(" ")
			date.add("day", pad2(d.day, f.day))
		}
		if f.year != "" {
			if f.day != "" {
				date.lit(", ")
			} else {
				date.lit(" ")
			}
			year(f.month == "long")
		}
	case f.month == "" && f.day == "" && f.year != "":
		year(true)
	default:
		// With an era asked for, ICU's pattern is "M d, y" (the era
		// itself is not written).
		first, slash := true, "/"
		if f.era != "" {
			slash = " "
		}
		sep := func() {
			if !first {
				date.lit(slash)
			}
			first = false
		}
		if f.month != "" {
			sep()
			date.add("month", lunisolarMonthText(d, f.month))
		}
		if f.day != "" {
			sep()
			date.add("day", pad2(d.day, f.day))
		}
		if f.year != "" {
			if f.era != "" && !first {
				date.lit(", ")
				first = true
			}
			sep()
			year(false)
		}
	}
	return date
}
