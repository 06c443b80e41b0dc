package scripting

import "math"

// Date.parse and new Date(string) as V8 reads them: first the ECMAScript
// date-time string format (with V8's extensions: a lower-case t/z, a
// four-digit offset, any number of fraction digits), and where the text
// leaves that format, V8's legacy reader, which takes what browsers took:
// month names, weekday and other words before the first number,
// parenthesised comments, am/pm, US zone abbreviations, two-digit years,
// M/D/Y numbers. goja's own reader differs on all-digit strings ('2020'
// aside), lower-case z, '+01', words and out-of-range days; scripts parse
// dates from responses every day, so the answer must be V8's. Each rule
// below was checked against Postman CLI 1.34 (dates_test.go).

// dateNone marks a field the text did not give.
const dateNone = math.MaxInt32

type dateTokKind int8

const (
	tokEnd dateTokKind = iota
	tokInvalid
	tokUnknown
	tokNumber
	tokSymbol
	tokSpace
	tokWord
)

// Kinds of words (tokWord).
const (
	wordOther = iota
	wordMonth
	wordZone
	wordT
	wordAmPm
)

type dateTok struct {
	kind dateTokKind
	// length is the number of characters (digits of a number, letters of
	// a word).
	length int
	// value: a number's value (its first nine digits), a symbol's
	// character, a word's meaning (month 1-12, zone offset in hours, am 0
	// / pm 12).
	value int
	word  int // for tokWord: wordOther…wordAmPm
}

func (t dateTok) is(c byte) bool { return t.kind == tokSymbol && t.value == int(c) }
func (t dateTok) isSign() bool   { return t.is('+') || t.is('-') }
func (t dateTok) sign() int {
	if t.value == '-' {
		return -1
	}
	return 1
}
func (t dateTok) isNumberOf(n int) bool { return t.kind == tokNumber && t.length == n }

// isZ is a lone z (either case), the only zone word the ISO form takes.
func (t dateTok) isZ() bool { return t.kind == tokWord && t.word == wordZone && t.length == 1 }

// dateScanner cuts the text into tokens with one token of look-ahead.
type dateScanner struct {
	s    []rune
	pos  int
	peek dateTok
}

func newDateScanner(s string) *dateScanner {
	sc := &dateScanner{s: []rune(s)}
	sc.peek = sc.scan()
	return sc
}

func (sc *dateScanner) next() dateTok {
	t := sc.peek
	sc.peek = sc.scan()
	return t
}

// twoDigits reads a two-digit number up to max.
func (sc *dateScanner) twoDigits(max int) (int, bool) {
	if !sc.peek.isNumberOf(2) || sc.peek.value > max {
		return 0, false
	}
	return sc.next().value, true
}

// skip consumes the next token when it is the symbol c.
func (sc *dateScanner) skip(c byte) bool {
	if sc.peek.is(c) {
		sc.peek = sc.scan()
		return true
	}
	return false
}

// ch is the current character; a NUL ends the text, as in V8.
func (sc *dateScanner) ch() rune {
	if sc.pos < len(sc.s) {
		return sc.s[sc.pos]
	}
	return 0
}

func (sc *dateScanner) scan() dateTok {
	c := sc.ch()
	switch {
	case c == 0:
		return dateTok{kind: tokEnd}
	case c >= '0' && c <= '9':
		return sc.number()
	case c == ':' || c == '-' || c == '+' || c == '.' || c == ')':
		sc.pos++
		return dateTok{kind: tokSymbol, value: int(c), length: 1}
	case c >= 'A':
		return sc.word()
	case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
		sc.pos++
		return dateTok{kind: tokSpace, length: 1}
	case c == '(':
		sc.comment()
		return dateTok{kind: tokUnknown, length: 1}
	}
	sc.pos++
	return dateTok{kind: tokUnknown, length: 1}
}

func (sc *dateScanner) number() dateTok {
	n, digits := 0, 0
	for c := sc.ch(); c >= '0' && c <= '9'; c = sc.ch() {
		if digits < 9 { // V8 keeps nine significant digits
			n = n*10 + int(c-'0')
		}
		digits++
		sc.pos++
	}
	return dateTok{kind: tokNumber, value: n, length: digits}
}

// word reads a run of characters from 'A' up (non-ASCII too); its first
// three, lower-cased, name it.
func (sc *dateScanner) word() dateTok {
	var pre [3]rune
	n := 0
	for c := sc.ch(); c >= 'A'; c = sc.ch() {
		if n < 3 {
			pre[n] = c | 0x20
		}
		n++
		sc.pos++
	}
	word, value := lookupDateWord(pre, n)
	return dateTok{kind: tokWord, word: word, value: value, length: n}
}

// comment skips a parenthesised comment, nested ones included, to its end
// or the text's.
func (sc *dateScanner) comment() {
	depth := 0
	for {
		switch sc.ch() {
		case ')':
			depth--
		case '(':
			depth++
		}
		sc.pos++
		if depth <= 0 || sc.ch() == 0 {
			return
		}
	}
}

var dateMonths = [12]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// dateWords are the other words V8 knows, matched in full (a longer word
// is not them): the value is hours east for zones, the hour added for
// am/pm.
var dateWords = []struct {
	name        string
	word, value int
}{
	{"am", wordAmPm, 0}, {"pm", wordAmPm, 12},
	{"ut", wordZone, 0}, {"utc", wordZone, 0}, {"z", wordZone, 0}, {"gmt", wordZone, 0},
	{"cdt", wordZone, -5}, {"cst", wordZone, -6}, {"edt", wordZone, -4}, {"est", wordZone, -5},
	{"mdt", wordZone, -6}, {"mst", wordZone, -7}, {"pdt", wordZone, -7}, {"pst", wordZone, -8},
	{"t", wordT, 0},
}

// lookupDateWord names a word by its first three letters (lower-cased)
// and its length n: a month by any word starting with its three letters
// ("Janu", "Marchx"), the rest only as written.
func lookupDateWord(pre [3]rune, n int) (word, value int) {
	if n >= 3 {
		for i, m := range dateMonths {
			if pre[0] == rune(m[0]) && pre[1] == rune(m[1]) && pre[2] == rune(m[2]) {
				return wordMonth, i + 1
			}
		}
	}
	if n > 3 {
		return wordOther, 0
	}
	for _, w := range dateWords {
		if len(w.name) != n {
			continue
		}
		match := true
		for i := 0; i < n; i++ {
			if pre[i] != rune(w.name[i]) {
				match = false
				break
			}
		}
		if match {
			return w.word, w.value
		}
	}
	return wordOther, 0
}

// dateFields collects what the text gave: up to three day numbers (or
// two and a month name), up to four time numbers, a zone.
type dateFields struct {
	day      [3]int
	nDay     int
	month    int // a month name's number, or dateNone
	iso      bool
	clock    [4]int
	nClock   int
	hourAdd  int // 0 for am, 12 for pm, or dateNone
	zoneSign int // 0 when no zone was given
	zoneHour int
	zoneMin  int
}

func (f *dateFields) addDay(n int) bool {
	if f.nDay == len(f.day) {
		return false
	}
	f.day[f.nDay] = n
	f.nDay++
	return true
}

func (f *dateFields) addClock(n int) bool {
	if f.nClock == len(f.clock) {
		return false
	}
	f.clock[f.nClock] = n
	f.nClock++
	return true
}

// endClock adds the last time number given and zero for the rest.
func (f *dateFields) endClock(n int) {
	if f.addClock(n) {
		for f.nClock < len(f.clock) {
			f.clock[f.nClock] = 0
			f.nClock++
		}
	}
}

// clockTakes says whether n can be the next time number (after the hour).
func (f *dateFields) clockTakes(n int) bool {
	switch f.nClock {
	case 1, 2:
		return n >= 0 && n <= 59
	case 3:
		return n >= 0 && n <= 999
	}
	return false
}

func (f *dateFields) setZone(hours int) {
	f.zoneSign = 1
	if hours < 0 {
		f.zoneSign = -1
	}
	f.zoneHour, f.zoneMin = hours*f.zoneSign, 0
}

func (f *dateFields) zoneGiven() bool { return f.zoneHour != dateNone }

// zoneTakesMinutes: an offset written "+05:" waits for its minutes.
func (f *dateFields) zoneTakesMinutes(n int) bool {
	return f.zoneHour != dateNone && f.zoneMin == dateNone && n >= 0 && n <= 59
}

func (f *dateFields) zoneIsUTC() bool { return f.zoneHour == 0 && f.zoneMin == 0 }

// parseDateV8 returns the time value V8 gives the text: milliseconds since
// the epoch, or NaN.
func parseDateV8(s string) float64 {
	f := dateFields{month: dateNone, hourAdd: dateNone, zoneHour: dateNone, zoneMin: dateNone}
	sc := newDateScanner(s)
	tok := parseISODate(sc, &f)
	if tok.kind == tokInvalid || !parseLegacyDate(sc, &f, tok) {
		return math.NaN()
	}
	year, month, day, ok := f.ymd()
	if !ok {
		return math.NaN()
	}
	h, mi, sec, ms, ok := f.hms()
	if !ok {
		return math.NaN()
	}
	date := makeDate(makeDay(float64(year), float64(month), float64(day)), makeTime(float64(h), float64(mi), float64(sec), float64(ms)))
	if f.zoneSign == 0 {
		if math.IsNaN(date) || math.Abs(date) > maxLocalTime {
			return math.NaN()
		}
		return timeClip(float64(localToUTC(int64(date))))
	}
	off, ok := f.offsetSeconds()
	if !ok {
		return math.NaN()
	}
	return timeClip(date - float64(off)*1000)
}

// parseISODate reads as much of the ECMAScript format
// [+-YY]YYYY[-MM[-DD]][THH:mm[:ss[.s…]][Z|±hh:mm|±hhmm]] as the text
// follows, and returns the token the legacy reader goes on with: tokEnd
// when the whole text was read so, tokInvalid when it started a time and
// broke the format.
func parseISODate(sc *dateScanner, f *dateFields) dateTok {
	switch {
	case sc.peek.isSign():
		sign := sc.next()
		if !sc.peek.isNumberOf(6) {
			return sign
		}
		year := sc.next().value
		if sign.value == '-' && year == 0 {
			return sign // -000000 is no year
		}
		f.addDay(sign.sign() * year)
	case sc.peek.isNumberOf(4):
		f.addDay(sc.next().value)
	default:
		return sc.next()
	}
	if sc.skip('-') {
		if !sc.peek.isNumberOf(2) || !isMonthNumber(sc.peek.value) {
			return sc.next()
		}
		f.addDay(sc.next().value)
		if sc.skip('-') {
			if !sc.peek.isNumberOf(2) || !isDayNumber(sc.peek.value) {
				return sc.next()
			}
			f.addDay(sc.next().value)
		}
	}
	if !(sc.peek.kind == tokWord && sc.peek.word == wordT) {
		if sc.peek.kind != tokEnd {
			return sc.next()
		}
	} else if !parseISOTime(sc, f) {
		return dateTok{kind: tokInvalid}
	}
	// A date alone is UTC; a date with a time and no zone is local.
	if !f.zoneGiven() && f.nClock == 0 {
		f.setZone(0)
	}
	f.iso = true
	return dateTok{kind: tokEnd}
}

// parseISOTime reads THH:mm[:ss[.s…]] and a zone, to the end of the text.
func parseISOTime(sc *dateScanner, f *dateFields) bool {
	sc.next() // the T
	h, ok := sc.twoDigits(24)
	if !ok || !sc.skip(':') {
		return false
	}
	f.addClock(h)
	// 24:00[:00[.000]] is the end of the day; nothing else starts with 24.
	limit := 59
	if h == 24 {
		limit = 0
	}
	m, ok := sc.twoDigits(limit)
	if !ok {
		return false
	}
	f.addClock(m)
	if sc.skip(':') {
		s, ok := sc.twoDigits(limit)
		if !ok {
			return false
		}
		f.addClock(s)
		if sc.skip('.') {
			if sc.peek.kind != tokNumber || (h == 24 && sc.peek.value > 0) {
				return false
			}
			f.addClock(dateMillis(sc.next()))
		}
	}
	if !parseISOZone(sc, f) {
		return false
	}
	return sc.peek.kind == tokEnd
}

// parseISOZone reads an optional Z, ±hh:mm or ±hhmm.
func parseISOZone(sc *dateScanner, f *dateFields) bool {
	switch {
	case sc.peek.isZ():
		sc.next()
		f.setZone(0)
	case sc.peek.isSign():
		f.zoneSign = sc.next().sign()
		if sc.peek.isNumberOf(4) { // ±hhmm
			hm := sc.next().value
			if hm/100 > 23 || hm%100 > 59 {
				return false
			}
			f.zoneHour, f.zoneMin = hm/100, hm%100
			return true
		}
		zh, ok := sc.twoDigits(23)
		if !ok || !sc.skip(':') {
			return false
		}
		zm, ok := sc.twoDigits(59)
		if !ok {
			return false
		}
		f.zoneHour, f.zoneMin = zh, zm
	}
	return true
}

// parseLegacyDate reads the rest of the text from tok on, as V8's legacy
// reader does; false when V8 gives NaN.
func parseLegacyDate(sc *dateScanner, f *dateFields, tok dateTok) bool {
	seenNumber := f.nDay > 0
	for ; tok.kind != tokEnd; tok = sc.next() {
		var ok bool
		switch {
		case tok.kind == tokNumber:
			seenNumber = true
			ok = legacyNumber(sc, f, tok.value)
		case tok.kind == tokWord:
			ok = legacyWord(sc, f, tok, seenNumber)
		case tok.isSign() && (f.zoneIsUTC() || f.nClock > 0):
			// An offset, only after a time or a UTC word: ±h, ±hh,
			// ±hmm, ±hhmm, or ±hh: followed by minutes.
			seenNumber = true
			ok = legacyOffset(sc, f, tok.sign())
		case (tok.isSign() || tok.is(')')) && seenNumber:
			ok = false
		default:
			ok = true // other characters and spaces separate
		}
		if !ok {
			return false
		}
	}
	return true
}

func legacyNumber(sc *dateScanner, f *dateFields, n int) bool {
	switch {
	case sc.skip(':'):
		if sc.skip(':') { // "10::" is 10:00
			if f.nClock > 0 {
				return false
			}
			f.addClock(n)
			f.addClock(0)
			return true
		}
		if !f.addClock(n) {
			return false
		}
		if sc.peek.is('.') {
			sc.next()
		}
	case sc.skip('.') && f.clockTakes(n):
		f.addClock(n)
		if sc.peek.kind != tokNumber {
			return false
		}
		f.endClock(dateMillis(sc.next()))
	case f.zoneTakesMinutes(n):
		f.zoneMin = n
	case f.clockTakes(n):
		f.endClock(n)
		// The time's last number ends it: a space, a zone or the end next.
		p := sc.peek
		if p.kind != tokEnd && p.kind != tokSpace && !p.isZ() && !p.isSign() {
			return false
		}
	default:
		if !f.addDay(n) {
			return false
		}
		sc.skip('-')
	}
	return true
}

func legacyWord(sc *dateScanner, f *dateFields, tok dateTok, seenNumber bool) bool {
	switch {
	case tok.word == wordAmPm && f.nClock > 0:
		f.hourAdd = tok.value
	case tok.word == wordMonth:
		f.month = tok.value
		sc.skip('-')
	case tok.word == wordZone && seenNumber:
		f.setZone(tok.value)
	default:
		// Words before the first number are ignored (weekdays, "on"),
		// after it they make the text no date; a word must not run into
		// the first number.
		if seenNumber || sc.peek.kind == tokNumber {
			return false
		}
	}
	return true
}

func legacyOffset(sc *dateScanner, f *dateFields, sign int) bool {
	f.zoneSign = sign
	n, digits := 0, 0
	if sc.peek.kind == tokNumber {
		t := sc.next()
		n, digits = t.value, t.length
	}
	switch {
	case sc.peek.is(':'):
		f.zoneHour, f.zoneMin = n, dateNone
	case digits == 1 || digits == 2:
		f.zoneHour, f.zoneMin = n, 0
	case digits == 3 || digits == 4:
		f.zoneHour, f.zoneMin = n/100, n%100
	default:
		return false
	}
	return true
}

// dateMillis reads a fraction's digits as milliseconds: the first three
// digits, padded.
func dateMillis(t dateTok) int {
	n, digits := t.value, t.length
	switch {
	case digits == 1:
		return n * 100
	case digits == 2:
		return n * 10
	case digits > 3:
		if digits > 9 {
			digits = 9
		}
		for ; digits > 3; digits-- {
			n /= 10
		}
	}
	return n
}

func isMonthNumber(n int) bool { return n >= 1 && n <= 12 }
func isDayNumber(n int) bool   { return n >= 1 && n <= 31 }

// ymd orders the day numbers, the missing ones read as 1: ISO and Y/M/D
// when the first cannot be a day, else M/D/Y (so "1/5" is in 2001); with a
// month name, D/Y or, when the first cannot be a day, Y/D. Two-digit years
// are 2000-2049 and 1950-1999 outside the ISO form.
func (f *dateFields) ymd() (year, month, day int, ok bool) {
	if f.nDay == 0 {
		return 0, 0, 0, false
	}
	for i := f.nDay; i < len(f.day); i++ {
		f.day[i] = 1
	}
	c := f.day
	switch {
	case f.month == dateNone && (f.iso || !isDayNumber(c[0])):
		year, month, day = c[0], c[1], c[2]
	case f.month == dateNone:
		month, day, year = c[0], c[1], c[2]
	case !isDayNumber(c[0]):
		month, year, day = f.month, c[0], c[1]
	default:
		month, day, year = f.month, c[0], c[1]
	}
	if !f.iso {
		if year >= 0 && year <= 49 {
			year += 2000
		} else if year >= 50 && year <= 99 {
			year += 1900
		}
	}
	if !isMonthNumber(month) || !isDayNumber(day) {
		return 0, 0, 0, false
	}
	return year, month - 1, day, true
}

// hms applies am/pm and checks the ranges (24:00:00.000 allowed).
func (f *dateFields) hms() (h, m, s, ms int, ok bool) {
	for i := f.nClock; i < len(f.clock); i++ {
		f.clock[i] = 0
	}
	h, m, s, ms = f.clock[0], f.clock[1], f.clock[2], f.clock[3]
	if f.hourAdd != dateNone {
		if h < 0 || h > 12 {
			return 0, 0, 0, 0, false
		}
		h = h%12 + f.hourAdd
	}
	if h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || ms < 0 || ms > 999 {
		if h != 24 || m != 0 || s != 0 || ms != 0 {
			return 0, 0, 0, 0, false
		}
	}
	return h, m, s, ms, true
}

// offsetSeconds is the given zone's offset east of UTC. V8 sums it in 32
// unsigned bits and refuses a sum past its small-integer range.
func (f *dateFields) offsetSeconds() (int, bool) {
	h, m := f.zoneHour, f.zoneMin
	if h == dateNone {
		h = 0
	}
	if m == dateNone {
		m = 0
	}
	total := uint32(h)*3600 + uint32(m)*60
	if total > math.MaxInt32 {
		return 0, false
	}
	return int(total) * f.zoneSign, true
}
