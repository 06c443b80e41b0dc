package scripting

import "time"

// The calendars beside the Gregorian one that keep its months and days and
// count years from another start: Buddhist (BE), Republic of China
// (Minguo) and Japanese (imperial eras), as Postman's runtime writes them.
// Every date that shows a year shows its era too: narrow beside a numeric
// month ("1/5/6 R"), else the era's name ("January 5, 6 Reiwa").

var supportedCalendars = map[string]bool{"gregory": true, "buddhist": true, "roc": true, "japanese": true}

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
