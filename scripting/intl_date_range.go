package scripting

import "time"

// DateTimeFormat#formatRange and formatRangeToParts as ICU's
// DateIntervalFormat answers with CLDR's en interval patterns (the current
// sandbox's answers, probed field by field): the two dates joined by a
// thin-spaced en dash, the fields both dates share written once when the
// pattern allows, and each part tagged with the date it comes from.

// rangePart is a part of a range: src 0 shared, 1 the start, 2 the end.
type rangePart struct {
	numPart
	src int
}

const rangeSeparator = "\u2009–\u2009"

// rangeBuilder collects a range's parts.
type rangeBuilder []rangePart

func (b *rangeBuilder) add(ps []numPart, src int) {
	for _, p := range ps {
		*b = append(*b, rangePart{p, src})
	}
}

func (b *rangeBuilder) sep() { b.add([]numPart{{"literal", rangeSeparator}}, 0) }

// both writes the two dates in full, one after the other.
func (b *rangeBuilder) both(p1, p2 []numPart) {
	b.add(p1, 1)
	b.sep()
	b.add(p2, 2)
}

// formatRange formats the range from a to b (milliseconds since the epoch).
func (f *dateFormat) formatRange(a, z float64) []rangePart {
	t1, t2 := time.UnixMilli(int64(a)).In(f.loc), time.UnixMilli(int64(z)).In(f.loc)
	var b rangeBuilder
	// Dates that differ only below the smallest field shown are one date.
	if f.diffLevel(t1, t2) > f.smallestLevel() {
		b.add(f.rangeParts(t1), 0)
		return b
	}
	// ICU's interval patterns write the 12-hour clock's hour in one or
	// two digits, whatever the option.
	g := *f
	if g.twelveHour() {
		g.hour = "numeric"
	}
	g.rangeByKind(&b, t1, t2)
	for i := range b {
		b[i].numPart = localizeDigits([]numPart{b[i].numPart}, f.nu)[0]
	}
	return b
}

// rangeByKind writes a range by what the format shows: dates and times,
// times alone or dates alone.
func (f *dateFormat) rangeByKind(b *rangeBuilder, t1, t2 time.Time) {
	y1, m1, d1 := t1.Date()
	y2, m2, d2 := t2.Date()
	sameDay := y1 == y2 && m1 == m2 && d1 == d2
	hasDate := f.hasDate() || f.weekday != ""
	hasTime := f.hour != "" || f.minute != "" || f.second != "" || f.fractional > 0 || f.dayPeriod != ""
	switch {
	case hasDate && hasTime && !sameDay:
		// Each in full, with the day added when the options have none.
		w := *f
		if w.day == "" {
			w.day = "numeric"
		}
		v := w.widened(t1, t2)
		b.both(v.rangeParts(t1), v.rangeParts(t2))
	case hasTime && !sameDay:
		// Times on different days are told apart by their dates (M/d/y).
		w := *f
		w.year, w.month, w.day = "numeric", "numeric", "numeric"
		b.both(w.rangeParts(t1), w.rangeParts(t2))
	case hasDate && hasTime:
		// The day once, then the times: always joined by a comma.
		b.add(f.dateParts(t1), 0)
		b.add([]numPart{{"literal", ", "}}, 0)
		f.timeRange(b, t1, t2)
	case hasTime:
		f.timeRange(b, t1, t2)
	default:
		// Date patterns write a numeric month or day in one or two digits.
		w := *f
		if w.month == "2-digit" {
			w.month = "numeric"
		}
		if w.day == "2-digit" {
			w.day = "numeric"
		}
		w.widened(t1, t2).dateRange(b, t1, t2)
	}
}

// Field levels, largest first, as ICU compares two dates.
const (
	levelEra = iota
	levelYear
	levelMonth
	levelDay
	levelAMPM
	levelHour
	levelMinute
	levelSecond
	levelMilli
	levelNone
)

// diffLevel is the largest field in which t1 and t2 differ (the date's
// fields in the format's calendar).
func (f *dateFormat) diffLevel(t1, t2 time.Time) int {
	y1, m1, d1 := f.calendarYMD(t1)
	y2, m2, d2 := f.calendarYMD(t2)
	switch {
	case (t1.Year() <= 0) != (t2.Year() <= 0):
		return levelEra
	case y1 != y2:
		return levelYear
	case m1 != m2:
		return levelMonth
	case d1 != d2:
		return levelDay
	case (t1.Hour() < 12) != (t2.Hour() < 12):
		return levelAMPM
	case t1.Hour() != t2.Hour():
		return levelHour
	case t1.Minute() != t2.Minute():
		return levelMinute
	case t1.Second() != t2.Second():
		return levelSecond
	case t1.Nanosecond()/1e6 != t2.Nanosecond()/1e6:
		return levelMilli
	}
	return levelNone
}

// smallestLevel is the level of the smallest field the format shows.
func (f *dateFormat) smallestLevel() int {
	for _, c := range []struct {
		shown bool
		level int
	}{
		{f.fractional > 0, levelMilli}, {f.second != "", levelSecond}, {f.minute != "", levelMinute},
		{f.hour != "", levelHour}, {f.dayPeriod != "", levelAMPM}, {f.day != "" || f.weekday != "", levelDay},
		{f.month != "", levelMonth}, {f.year != "", levelYear}, {f.era != "", levelEra},
	} {
		if c.shown {
			return c.level
		}
	}
	return levelEra
}

// rangeParts is formatParts at t with the narrow no-break space before
// AM/PM that ranges keep.
func (f *dateFormat) rangeParts(t time.Time) []numPart {
	date, tm := f.dateParts(t), f.timeParts(t)
	f.zonePart(t, &date, &tm)
	return localizeDigits(f.joinDateTime(date, narrowBeforeAMPM(tm)), f.nu)
}

func narrowBeforeAMPM(tm partList) partList {
	for i := range tm {
		if i+1 < len(tm) && tm[i].typ == "literal" && tm[i].val == " " && tm[i+1].typ == "dayPeriod" &&
			(tm[i+1].val == "AM" || tm[i+1].val == "PM") {
			tm[i].val = "\u202f"
		}
	}
	return tm
}

// widened adds the fields a range with a day needs to tell its dates
// apart: the month when the months differ, the year when the years do
// (ICU's "d" and "MMMd" become "Md", "yMMMd"…). Without a day nothing is
// added ("Jan – Mar" across years).
func (f *dateFormat) widened(t1, t2 time.Time) *dateFormat {
	if f.day == "" {
		return f
	}
	g := *f
	y1, m1, _ := f.calendarYMD(t1)
	y2, m2, _ := f.calendarYMD(t2)
	if y1 != y2 && g.year == "" {
		g.year = "numeric"
		if g.month == "" {
			g.month = "numeric"
		}
	}
	if m1 != m2 && g.month == "" {
		g.month = "numeric"
	}
	return &g
}

// timeRange writes two times of the same day: "1:04 – 3:30 PM" when AM/PM
// (or the flexible day period) is the same, each time in full otherwise;
// with seconds, or without an hour, always in full. A zone name is
// written once at the end unless the times are in full for their seconds.
func (f *dateFormat) timeRange(b *rangeBuilder, t1, t2 time.Time) {
	tm1, tm2 := narrowBeforeAMPM(f.timeParts(t1)), narrowBeforeAMPM(f.timeParts(t2))
	var zone1, zone2 partList
	if f.zoneName != "" {
		zone1 = partList{{"literal", " "}, {"timeZoneName", zoneDisplayName(f.zone, t1, f.zoneName)}}
		zone2 = partList{{"literal", " "}, {"timeZoneName", zoneDisplayName(f.zone, t2, f.zoneName)}}
	}
	if f.second != "" || f.fractional > 0 || f.hour == "" {
		b.both(append(tm1, zone1...), append(tm2, zone2...))
		return
	}
	n1, n2 := len(tm1), len(tm2)
	if n1 > 2 && n2 > 2 && tm1[n1-1].typ == "dayPeriod" && tm2[n2-1].typ == "dayPeriod" && tm1[n1-1].val == tm2[n2-1].val {
		b.both(tm1[:n1-2], tm2[:n2-2])
		b.add(tm2[n2-2:], 0)
	} else {
		b.both(tm1, tm2)
	}
	b.add(zone2, 0)
}

// dateRange writes two dates without times. Numeric dates are written in
// full; spelled-out months share what the pattern writes once: "Jan 5 – 7,
// 2024", "Jan 5 – Mar 1, 2024", "January – March 2024".
func (f *dateFormat) dateRange(b *rangeBuilder, t1, t2 time.Time) {
	p1, p2 := f.dateParts(t1), f.dateParts(t2)
	if f.zoneName != "" {
		f.zonePart(t1, &p1, new(partList))
		f.zonePart(t2, &p2, new(partList))
	}
	// An era both dates share is written once, at the end.
	var era partList
	if n1, n2 := len(p1), len(p2); f.era != "" && n1 > 1 && n2 > 1 && p1[n1-1].typ == "era" && p1[n1-1] == p2[n2-1] {
		era, p1, p2 = p2[n2-2:], p1[:n1-2], p2[:n2-2]
	}
	// Hebrew months are written as names whatever the style.
	text := f.month == "long" || f.month == "short" || f.month == "narrow" || f.calendar == "hebrew" && f.month != ""
	y1, m1, _ := f.calendarYMD(t1)
	y2, m2, _ := f.calendarYMD(t2)
	if !text || f.zoneName != "" || y1 != y2 {
		b.both(p1, p2)
		b.add(era, 0)
		return
	}
	f.sharedYearRange(b, p1, p2, m1 == m2)
	b.add(era, 0)
}

// sharedYearRange writes two dates of one year with a text month: the
// year, and the literal before it, once at the end; within one month the
// month once too ("Jan 5 – 7, 2024", Hebrew "10 – 13 Adar II 5784").
func (f *dateFormat) sharedYearRange(b *rangeBuilder, p1, p2 partList, sameMonth bool) {
	cut := func(p partList) (partList, partList) {
		for i, x := range p {
			if x.typ == "year" && i > 0 {
				return p[:i-1], p[i-1:]
			}
		}
		return p, nil
	}
	h1, _ := cut(p1)
	h2, tail := cut(p2)
	switch {
	case sameMonth && f.weekday == "" && f.day != "" && f.calendar == "hebrew":
		// "d – d MMMM y": the day comes first.
		b.both(h1[:1], h2[:1])
		b.add(h2[1:], 0)
	case sameMonth && f.weekday == "" && f.day != "":
		// "MMM d – d": the month and its space are shared.
		day := func(p partList) int {
			for i, x := range p {
				if x.typ == "day" {
					return i
				}
			}
			return 0
		}
		i1, i2 := day(h1), day(h2)
		b.add(h1[:i1], 0)
		b.both(h1[i1:], h2[i2:])
	default:
		b.both(h1, h2)
	}
	b.add(tail, 0)
}
