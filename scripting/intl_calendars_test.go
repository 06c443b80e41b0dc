package scripting

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestOwnCalendarDatesAsPostman checks the arithmetic of the calendars
// whose months and days are their own against Postman CLI 1.34.0's dates
// for the same instants (testdata/calendars, recorded with this script as
// a test under Postman CLI, timeZone UTC):
//
//	for (const cal of ['persian', 'islamic-civil', 'islamic-tbla', 'indian', 'coptic', 'ethiopic', 'ethioaa']) {
//	  const f = new Intl.DateTimeFormat('en-US', {calendar: cal, timeZone: 'UTC'});
//	  pm.test(cal + ' ' + ts.map(t => f.format(t)).join('|'), () => {});
//	}
func TestOwnCalendarDatesAsPostman(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/calendars/postman-cli-1.34.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cals []string
	bad := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "t "); ok {
			cals = strings.Fields(rest)
			continue
		}
		f := strings.Split(line, "|")
		ms, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		at := time.UnixMilli(ms).UTC()
		for i, cal := range cals {
			d, _ := ownCalendarDate(cal, at)
			if got := fmt.Sprintf("%d/%d/%d %s", d.month, d.day, d.year, d.era); got != f[i+1] && bad < 20 {
				bad++
				t.Errorf("%s %s: got %s, want %s", cal, at.Format("2006-01-02"), got, f[i+1])
			}
		}
	}
}

// Dates in the calendars with months of their own, formatted: numeric, the
// date styles, month names long and short, eras, formatToParts, the -u-ca-
// keyword (islamic-civil is two subtags), ranges across their months and
// years. Each want line is what Postman CLI 1.34.0 printed for the same line.
func TestOwnCalendarFormatsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
const d = new Date(Date.UTC(2024, 0, 5, 13, 4, 5));
for (const cal of ['persian', 'islamic-civil', 'islamic-tbla', 'indian', 'coptic', 'ethiopic', 'ethioaa']) {
  p(() => cal + ' | ' + d.toLocaleDateString('en-US', {calendar: cal, timeZone: 'UTC'}) + ' | ' + d.toLocaleDateString('en-US', {calendar: cal, timeZone: 'UTC', dateStyle: 'long'}) + ' | ' + d.toLocaleString('en-US', {calendar: cal, timeZone: 'UTC'}) + ' | ' + new Intl.DateTimeFormat('en-US', {calendar: cal, timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', era: 'short'}).format(d) + ' | ' + d.toLocaleDateString('en-US', {calendar: cal, timeZone: 'UTC', dateStyle: 'full'}));
}
const d4 = new Date(Date.UTC(2024, 2, 20, 13, 4, 5));
const opts = [{dateStyle: 'short'}, {dateStyle: 'medium'}, {dateStyle: 'long'}, {dateStyle: 'full', timeStyle: 'short'}, {year: 'numeric'}, {month: 'long'}, {month: 'short', year: 'numeric'}, {month: 'long', day: 'numeric'}, {day: 'numeric'}, {year: '2-digit', month: '2-digit', day: '2-digit'}, {year: 'numeric', month: 'long', day: 'numeric', era: 'long'}, {year: 'numeric', month: 'numeric', era: 'narrow'}, {weekday: 'short', year: 'numeric', month: 'short', day: 'numeric'}, {month: 'narrow', day: 'numeric', year: 'numeric'}];
for (const cal of ['persian', 'islamic-civil', 'indian', 'coptic', 'ethioaa']) {
  for (const o of opts) {
    p(() => cal + ' ' + JSON.stringify(o) + ' ' + new Intl.DateTimeFormat('en-US', Object.assign({calendar: cal, timeZone: 'UTC'}, o)).format(d4));
  }
  p(() => cal + ' parts ' + JSON.stringify(new Intl.DateTimeFormat('en-US', {calendar: cal, timeZone: 'UTC', dateStyle: 'medium'}).formatToParts(d4)));
  p(() => cal + ' kw ' + d4.toLocaleDateString('en-US-u-ca-' + cal, {timeZone: 'UTC'}) + ' ' + new Intl.DateTimeFormat('en-u-ca-' + cal).resolvedOptions().calendar + ' ' + new Intl.DateTimeFormat('en-u-ca-' + cal).resolvedOptions().locale);
  p(() => cal + ' range ' + new Intl.DateTimeFormat('en-US', {calendar: cal, timeZone: 'UTC', dateStyle: 'medium'}).formatRange(d4, new Date(d4.getTime() + 5 * 86400000)));
}`, []string{
		"persian | 10/15/1402 AP | Dey 15, 1402 AP | 10/15/1402 AP, 1:04:05 PM | Dey 15, 1402 AP | Friday, Dey 15, 1402 AP",
		"islamic-civil | 6/23/1445 AH | Jumada II 23, 1445 AH | 6/23/1445 AH, 1:04:05 PM | Jum. II 23, 1445 AH | Friday, Jumada II 23, 1445 AH",
		"islamic-tbla | 6/24/1445 AH | Jumada II 24, 1445 AH | 6/24/1445 AH, 1:04:05 PM | Jum. II 24, 1445 AH | Friday, Jumada II 24, 1445 AH",
		"indian | 10/15/1945 Saka | Pausa 15, 1945 Saka | 10/15/1945 Saka, 1:04:05 PM | Pausa 15, 1945 Saka | Friday, Pausa 15, 1945 Saka",
		"coptic | 4/26/1740 ERA1 | Kiahk 26, 1740 ERA1 | 4/26/1740 ERA1, 1:04:05 PM | Kiahk 26, 1740 ERA1 | Friday, Kiahk 26, 1740 ERA1",
		"ethiopic | 4/26/2016 ERA1 | Tahsas 26, 2016 ERA1 | 4/26/2016 ERA1, 1:04:05 PM | Tahsas 26, 2016 ERA1 | Friday, Tahsas 26, 2016 ERA1",
		"ethioaa | 4/26/7516 ERA0 | Tahsas 26, 7516 ERA0 | 4/26/7516 ERA0, 1:04:05 PM | Tahsas 26, 7516 ERA0 | Friday, Tahsas 26, 7516 ERA0",
		"persian {\"dateStyle\":\"short\"} 1/1/1403 AP",
		"persian {\"dateStyle\":\"medium\"} Farvardin 1, 1403 AP",
		"persian {\"dateStyle\":\"long\"} Farvardin 1, 1403 AP",
		"persian {\"dateStyle\":\"full\",\"timeStyle\":\"short\"} Wednesday, Farvardin 1, 1403 AP at 1:04 PM",
		"persian {\"year\":\"numeric\"} 1403 AP",
		"persian {\"month\":\"long\"} Farvardin",
		"persian {\"month\":\"short\",\"year\":\"numeric\"} Farvardin 1403 AP",
		"persian {\"month\":\"long\",\"day\":\"numeric\"} Farvardin 1",
		"persian {\"day\":\"numeric\"} 1",
		"persian {\"year\":\"2-digit\",\"month\":\"2-digit\",\"day\":\"2-digit\"} 01/01/03 AP",
		"persian {\"year\":\"numeric\",\"month\":\"long\",\"day\":\"numeric\",\"era\":\"long\"} Farvardin 1, 1403 AP",
		"persian {\"year\":\"numeric\",\"month\":\"numeric\",\"era\":\"narrow\"} 1 1403 AP",
		"persian {\"weekday\":\"short\",\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\"} Wed, Farvardin 1, 1403 AP",
		"persian {\"month\":\"narrow\",\"day\":\"numeric\",\"year\":\"numeric\"} 1 1, 1403 AP",
		"persian parts [{\"type\":\"month\",\"value\":\"Farvardin\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"day\",\"value\":\"1\"},{\"type\":\"literal\",\"value\":\", \"},{\"type\":\"year\",\"value\":\"1403\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"era\",\"value\":\"AP\"}]",
		"persian kw 1/1/1403 AP persian en-u-ca-persian",
		"persian range Farvardin 1 – 6, 1403 AP",
		"islamic-civil {\"dateStyle\":\"short\"} 9/10/1445 AH",
		"islamic-civil {\"dateStyle\":\"medium\"} Ram. 10, 1445 AH",
		"islamic-civil {\"dateStyle\":\"long\"} Ramadan 10, 1445 AH",
		"islamic-civil {\"dateStyle\":\"full\",\"timeStyle\":\"short\"} Wednesday, Ramadan 10, 1445 AH at 1:04 PM",
		"islamic-civil {\"year\":\"numeric\"} 1445 AH",
		"islamic-civil {\"month\":\"long\"} Ramadan",
		"islamic-civil {\"month\":\"short\",\"year\":\"numeric\"} Ram. 1445 AH",
		"islamic-civil {\"month\":\"long\",\"day\":\"numeric\"} Ramadan 10",
		"islamic-civil {\"day\":\"numeric\"} 10",
		"islamic-civil {\"year\":\"2-digit\",\"month\":\"2-digit\",\"day\":\"2-digit\"} 09/10/45 AH",
		"islamic-civil {\"year\":\"numeric\",\"month\":\"long\",\"day\":\"numeric\",\"era\":\"long\"} Ramadan 10, 1445 AH",
		"islamic-civil {\"year\":\"numeric\",\"month\":\"numeric\",\"era\":\"narrow\"} 9 1445 AH",
		"islamic-civil {\"weekday\":\"short\",\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\"} Wed, Ram. 10, 1445 AH",
		"islamic-civil {\"month\":\"narrow\",\"day\":\"numeric\",\"year\":\"numeric\"} 9 10, 1445 AH",
		"islamic-civil parts [{\"type\":\"month\",\"value\":\"Ram.\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"day\",\"value\":\"10\"},{\"type\":\"literal\",\"value\":\", \"},{\"type\":\"year\",\"value\":\"1445\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"era\",\"value\":\"AH\"}]",
		"islamic-civil kw 9/10/1445 AH islamic-civil en-u-ca-islamic-civil",
		"islamic-civil range Ram. 10 – 15, 1445 AH",
		"indian {\"dateStyle\":\"short\"} 12/30/1945 Saka",
		"indian {\"dateStyle\":\"medium\"} Phalguna 30, 1945 Saka",
		"indian {\"dateStyle\":\"long\"} Phalguna 30, 1945 Saka",
		"indian {\"dateStyle\":\"full\",\"timeStyle\":\"short\"} Wednesday, Phalguna 30, 1945 Saka at 1:04 PM",
		"indian {\"year\":\"numeric\"} 1945 Saka",
		"indian {\"month\":\"long\"} Phalguna",
		"indian {\"month\":\"short\",\"year\":\"numeric\"} Phalguna 1945 Saka",
		"indian {\"month\":\"long\",\"day\":\"numeric\"} Phalguna 30",
		"indian {\"day\":\"numeric\"} 30",
		"indian {\"year\":\"2-digit\",\"month\":\"2-digit\",\"day\":\"2-digit\"} 12/30/45 Saka",
		"indian {\"year\":\"numeric\",\"month\":\"long\",\"day\":\"numeric\",\"era\":\"long\"} Phalguna 30, 1945 Saka",
		"indian {\"year\":\"numeric\",\"month\":\"numeric\",\"era\":\"narrow\"} 12 1945 Saka",
		"indian {\"weekday\":\"short\",\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\"} Wed, Phalguna 30, 1945 Saka",
		"indian {\"month\":\"narrow\",\"day\":\"numeric\",\"year\":\"numeric\"} 12 30, 1945 Saka",
		"indian parts [{\"type\":\"month\",\"value\":\"Phalguna\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"day\",\"value\":\"30\"},{\"type\":\"literal\",\"value\":\", \"},{\"type\":\"year\",\"value\":\"1945\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"era\",\"value\":\"Saka\"}]",
		"indian kw 12/30/1945 Saka indian en-u-ca-indian",
		"indian range Phalguna 30, 1945 – Chaitra 5, 1946 Saka",
		"coptic {\"dateStyle\":\"short\"} 7/11/1740 ERA1",
		"coptic {\"dateStyle\":\"medium\"} Baramhat 11, 1740 ERA1",
		"coptic {\"dateStyle\":\"long\"} Baramhat 11, 1740 ERA1",
		"coptic {\"dateStyle\":\"full\",\"timeStyle\":\"short\"} Wednesday, Baramhat 11, 1740 ERA1 at 1:04 PM",
		"coptic {\"year\":\"numeric\"} 1740 ERA1",
		"coptic {\"month\":\"long\"} Baramhat",
		"coptic {\"month\":\"short\",\"year\":\"numeric\"} Baramhat 1740 ERA1",
		"coptic {\"month\":\"long\",\"day\":\"numeric\"} Baramhat 11",
		"coptic {\"day\":\"numeric\"} 11",
		"coptic {\"year\":\"2-digit\",\"month\":\"2-digit\",\"day\":\"2-digit\"} 07/11/40 ERA1",
		"coptic {\"year\":\"numeric\",\"month\":\"long\",\"day\":\"numeric\",\"era\":\"long\"} Baramhat 11, 1740 ERA1",
		"coptic {\"year\":\"numeric\",\"month\":\"numeric\",\"era\":\"narrow\"} 7 1740 ERA1",
		"coptic {\"weekday\":\"short\",\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\"} Wed, Baramhat 11, 1740 ERA1",
		"coptic {\"month\":\"narrow\",\"day\":\"numeric\",\"year\":\"numeric\"} 7 11, 1740 ERA1",
		"coptic parts [{\"type\":\"month\",\"value\":\"Baramhat\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"day\",\"value\":\"11\"},{\"type\":\"literal\",\"value\":\", \"},{\"type\":\"year\",\"value\":\"1740\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"era\",\"value\":\"ERA1\"}]",
		"coptic kw 7/11/1740 ERA1 coptic en-u-ca-coptic",
		"coptic range Baramhat 11 – 16, 1740 ERA1",
		"ethioaa {\"dateStyle\":\"short\"} 7/11/7516 ERA0",
		"ethioaa {\"dateStyle\":\"medium\"} Megabit 11, 7516 ERA0",
		"ethioaa {\"dateStyle\":\"long\"} Megabit 11, 7516 ERA0",
		"ethioaa {\"dateStyle\":\"full\",\"timeStyle\":\"short\"} Wednesday, Megabit 11, 7516 ERA0 at 1:04 PM",
		"ethioaa {\"year\":\"numeric\"} 7516 ERA0",
		"ethioaa {\"month\":\"long\"} Megabit",
		"ethioaa {\"month\":\"short\",\"year\":\"numeric\"} Megabit 7516 ERA0",
		"ethioaa {\"month\":\"long\",\"day\":\"numeric\"} Megabit 11",
		"ethioaa {\"day\":\"numeric\"} 11",
		"ethioaa {\"year\":\"2-digit\",\"month\":\"2-digit\",\"day\":\"2-digit\"} 07/11/16 ERA0",
		"ethioaa {\"year\":\"numeric\",\"month\":\"long\",\"day\":\"numeric\",\"era\":\"long\"} Megabit 11, 7516 ERA0",
		"ethioaa {\"year\":\"numeric\",\"month\":\"numeric\",\"era\":\"narrow\"} 7 7516 ERA0",
		"ethioaa {\"weekday\":\"short\",\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\"} Wed, Megabit 11, 7516 ERA0",
		"ethioaa {\"month\":\"narrow\",\"day\":\"numeric\",\"year\":\"numeric\"} 7 11, 7516 ERA0",
		"ethioaa parts [{\"type\":\"month\",\"value\":\"Megabit\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"day\",\"value\":\"11\"},{\"type\":\"literal\",\"value\":\", \"},{\"type\":\"year\",\"value\":\"7516\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"era\",\"value\":\"ERA0\"}]",
		"ethioaa kw 7/11/7516 ERA0 ethioaa en-u-ca-ethioaa",
		"ethioaa range Megabit 11 – 16, 7516 ERA0",
	})
}

// The iso8601 calendar: Gregorian fields written year first, with its own
// patterns (padded numeric fields, the era before the year, the weekday
// after, two-digit hours in its time styles). Each want line is what
// Postman CLI 1.34.0 printed for the same line.
func TestISO8601CalendarAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
{
const d5 = new Date(Date.UTC(2024, 2, 5, 13, 4, 5));
const opts5 = [{}, {dateStyle: 'short'}, {dateStyle: 'medium'}, {dateStyle: 'long'}, {dateStyle: 'full'}, {dateStyle: 'medium', timeStyle: 'short'}, {year: 'numeric'}, {month: 'long'}, {month: 'short', year: 'numeric'}, {month: 'numeric', year: 'numeric'}, {month: 'long', day: 'numeric'}, {month: 'numeric', day: 'numeric'}, {day: 'numeric'}, {year: '2-digit', month: '2-digit', day: '2-digit'}, {year: 'numeric', month: 'long', day: 'numeric', era: 'long'}, {year: 'numeric', month: 'short', day: 'numeric', era: 'short'}, {weekday: 'short', year: 'numeric', month: 'short', day: 'numeric'}, {weekday: 'long', month: 'numeric', day: 'numeric'}, {year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit'}];
for (const o of opts5) p(() => JSON.stringify(o) + ' ' + new Intl.DateTimeFormat('en-US', Object.assign({calendar: 'iso8601', timeZone: 'UTC'}, o)).format(d5));
p(() => d5.toLocaleString('en-US', {calendar: 'iso8601', timeZone: 'UTC'}) + ' | ' + new Intl.DateTimeFormat('en-US', {calendar: 'iso8601', timeZone: 'UTC'}).formatRange(d5, new Date(d5.getTime() + 86400000 * 40)));
p(() => new Date(Date.UTC(-50, 0, 5)).toLocaleDateString('en-US', {calendar: 'iso8601', timeZone: 'UTC'}) + ' ' + new Date(Date.UTC(5, 0, 5)).toLocaleDateString('en-US', {calendar: 'iso8601', timeZone: 'UTC'}));
}
{
const d6 = new Date(Date.UTC(2024, 2, 5, 13, 4, 5));
const opts6 = [{month: 'numeric'}, {weekday: 'long'}, {timeStyle: 'short'}, {timeStyle: 'medium'}, {dateStyle: 'short', timeStyle: 'short'}, {dateStyle: 'full', timeStyle: 'full'}, {dateStyle: 'long', timeStyle: 'medium'}, {hour: 'numeric'}, {year: 'numeric', day: 'numeric'}, {year: 'numeric', month: 'narrow', day: 'numeric'}, {month: 'short', day: 'numeric', weekday: 'long'}, {year: 'numeric', era: 'short'}, {year: 'numeric', month: 'numeric', day: 'numeric', era: 'short'}, {month: '2-digit', day: 'numeric'}, {day: '2-digit'}, {year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric'}];
for (const o of opts6) p(() => JSON.stringify(o) + ' ' + new Intl.DateTimeFormat('en-US', Object.assign({calendar: 'iso8601', timeZone: 'UTC'}, o)).format(d6));
p(() => JSON.stringify(new Intl.DateTimeFormat('en-US', {calendar: 'iso8601', timeZone: 'UTC'}).formatToParts(d6)));
p(() => new Intl.DateTimeFormat('en-US', {calendar: 'iso8601', timeZone: 'UTC'}).resolvedOptions().calendar + ' ' + d6.toLocaleDateString('en-u-ca-iso8601', {timeZone: 'UTC'}));
}
{
const d7 = new Date(Date.UTC(2024, 2, 5, 13, 4, 5));
for (const o of [{month: 'short', day: 'numeric', weekday: 'short'}, {month: 'long', day: 'numeric', weekday: 'long'}, {month: 'long', day: 'numeric', weekday: 'short'}, {month: 'short', weekday: 'short'}, {year: 'numeric', weekday: 'short'}, {year: 'numeric', day: 'numeric'}, {month: 'numeric', day: 'numeric', weekday: 'short'}])
  p(() => JSON.stringify(o) + ' ' + new Intl.DateTimeFormat('en-US', Object.assign({calendar: 'iso8601', timeZone: 'UTC'}, o)).format(d7) + ' ' + JSON.stringify(new Intl.DateTimeFormat('en-US', Object.assign({calendar: 'iso8601', timeZone: 'UTC'}, o)).formatToParts(d7).map(x => x.type)));
}`, []string{
		"{} 2024-03-05",
		"{\"dateStyle\":\"short\"} 2024-03-05",
		"{\"dateStyle\":\"medium\"} 2024 Mar 5",
		"{\"dateStyle\":\"long\"} 2024 March 5",
		"{\"dateStyle\":\"full\"} 2024 March 5, Tuesday",
		"{\"dateStyle\":\"medium\",\"timeStyle\":\"short\"} 2024 Mar 5, 01:04 PM",
		"{\"year\":\"numeric\"} 2024",
		"{\"month\":\"long\"} March",
		"{\"month\":\"short\",\"year\":\"numeric\"} 2024 Mar",
		"{\"month\":\"numeric\",\"year\":\"numeric\"} 2024-03",
		"{\"month\":\"long\",\"day\":\"numeric\"} March 5",
		"{\"month\":\"numeric\",\"day\":\"numeric\"} 03-05",
		"{\"day\":\"numeric\"} 5",
		"{\"year\":\"2-digit\",\"month\":\"2-digit\",\"day\":\"2-digit\"} 24-03-05",
		"{\"year\":\"numeric\",\"month\":\"long\",\"day\":\"numeric\",\"era\":\"long\"} Anno Domini 2024 March 5",
		"{\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\",\"era\":\"short\"} AD 2024 Mar 5",
		"{\"weekday\":\"short\",\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\"} 2024 Mar 5, Tue",
		"{\"weekday\":\"long\",\"month\":\"numeric\",\"day\":\"numeric\"} 03-05, Tuesday",
		"{\"year\":\"numeric\",\"month\":\"numeric\",\"day\":\"numeric\",\"hour\":\"numeric\",\"minute\":\"2-digit\"} 2024-03-05, 1:04 PM",
		"2024-03-05, 1:04:05 PM | 2024-03-05 – 2024-04-14",
		"51-01-05 1905-01-05",
		"{\"month\":\"numeric\"} 3",
		"{\"weekday\":\"long\"} Tuesday",
		"{\"timeStyle\":\"short\"} 01:04 PM",
		"{\"timeStyle\":\"medium\"} 01:04:05 PM",
		"{\"dateStyle\":\"short\",\"timeStyle\":\"short\"} 2024-03-05, 01:04 PM",
		"{\"dateStyle\":\"full\",\"timeStyle\":\"full\"} 2024 March 5, Tuesday at 01:04:05 PM Coordinated Universal Time",
		"{\"dateStyle\":\"long\",\"timeStyle\":\"medium\"} 2024 March 5 at 01:04:05 PM",
		"{\"hour\":\"numeric\"} 1 PM",
		"{\"year\":\"numeric\",\"day\":\"numeric\"} 2024 (day: 5)",
		"{\"year\":\"numeric\",\"month\":\"narrow\",\"day\":\"numeric\"} 2024 M 5",
		"{\"month\":\"short\",\"day\":\"numeric\",\"weekday\":\"long\"} Mar 5",
		"{\"year\":\"numeric\",\"era\":\"short\"} AD 2024",
		"{\"year\":\"numeric\",\"month\":\"numeric\",\"day\":\"numeric\",\"era\":\"short\"} AD 2024-03-05",
		"{\"month\":\"2-digit\",\"day\":\"numeric\"} 03-05",
		"{\"day\":\"2-digit\"} 05",
		"{\"year\":\"numeric\",\"month\":\"numeric\",\"day\":\"numeric\",\"weekday\":\"short\",\"hour\":\"numeric\"} 2024-03-05, Tue, 1 PM",
		"[{\"type\":\"year\",\"value\":\"2024\"},{\"type\":\"literal\",\"value\":\"-\"},{\"type\":\"month\",\"value\":\"03\"},{\"type\":\"literal\",\"value\":\"-\"},{\"type\":\"day\",\"value\":\"05\"}]",
		"iso8601 2024-03-05",
		"{\"month\":\"short\",\"day\":\"numeric\",\"weekday\":\"short\"} Mar 5 [\"month\",\"literal\",\"day\"]",
		"{\"month\":\"long\",\"day\":\"numeric\",\"weekday\":\"long\"} March 5 [\"month\",\"literal\",\"day\"]",
		"{\"month\":\"long\",\"day\":\"numeric\",\"weekday\":\"short\"} March 5 [\"month\",\"literal\",\"day\"]",
		"{\"month\":\"short\",\"weekday\":\"short\"} Mar Tue [\"month\",\"literal\",\"weekday\"]",
		"{\"year\":\"numeric\",\"weekday\":\"short\"} 2024 Tue [\"year\",\"literal\",\"weekday\"]",
		"{\"year\":\"numeric\",\"day\":\"numeric\"} 2024 (day: 5) [\"year\",\"literal\",\"day\",\"literal\"]",
		"{\"month\":\"numeric\",\"day\":\"numeric\",\"weekday\":\"short\"} 03-05, Tue [\"month\",\"literal\",\"day\",\"literal\",\"weekday\"]",
	})
}

// The Hebrew calendar: ICU's molad-and-postponement arithmetic against
// Postman CLI 1.34.0's dates (testdata/calendars/hebrew-postman-cli-1.34.txt),
// and its day-first patterns, leap-year Adar I/II, narrow months as ICU's
// ordinal, ranges and the -u-ca- keyword (each want line Postman's).
func TestHebrewCalendarAsPostman(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/calendars/hebrew-postman-cli-1.34.txt")
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		ms, want, ok := strings.Cut(line, "|")
		if strings.HasPrefix(line, "#") || !ok {
			continue
		}
		n, err := strconv.ParseInt(ms, 10, 64)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		d, _ := ownCalendarDate("hebrew", time.UnixMilli(n).UTC())
		if got := fmt.Sprintf("%d %s %d", d.day, d.name, d.year); got != want && bad < 20 {
			bad++
			t.Errorf("%s: got %s, want %s", time.UnixMilli(n).UTC().Format("2006-01-02"), got, want)
		}
	}
	checkTestNames(t, probeHarness+`
const dh = new Date(Date.UTC(2024, 2, 20, 13, 4, 5));
for (const o of [{dateStyle: 'short'}, {dateStyle: 'medium'}, {dateStyle: 'long'}, {dateStyle: 'full'}, {dateStyle: 'medium', timeStyle: 'short'}, {year: 'numeric'}, {month: 'long'}, {month: 'short'}, {month: 'short', year: 'numeric'}, {month: 'long', day: 'numeric'}, {month: 'numeric', day: 'numeric'}, {month: 'numeric', year: 'numeric'}, {day: 'numeric'}, {year: '2-digit', month: '2-digit', day: '2-digit'}, {year: 'numeric', month: 'long', day: 'numeric', era: 'long'}, {year: 'numeric', month: 'short', day: 'numeric', era: 'short'}, {weekday: 'short', year: 'numeric', month: 'short', day: 'numeric'}, {month: 'narrow', day: 'numeric', year: 'numeric'}])
  p(() => JSON.stringify(o) + ' ' + new Intl.DateTimeFormat('en-US', Object.assign({calendar: 'hebrew', timeZone: 'UTC'}, o)).format(dh));
p(() => JSON.stringify(new Intl.DateTimeFormat('en-US', {calendar: 'hebrew', timeZone: 'UTC'}).formatToParts(dh)));
const dh3 = new Date(Date.UTC(2024, 2, 20, 13, 4, 5));
p(() => new Intl.DateTimeFormat('en-US', {calendar: 'hebrew', timeZone: 'UTC', dateStyle: 'medium'}).formatRange(dh3, new Date(dh3.getTime() + 3 * 86400000)));
p(() => new Intl.DateTimeFormat('en-US', {calendar: 'hebrew', timeZone: 'UTC'}).formatRange(dh3, new Date(dh3.getTime() + 40 * 86400000)));
p(() => dh3.toLocaleDateString('en-u-ca-hebrew', {timeZone: 'UTC'}) + ' ' + new Intl.DateTimeFormat('en-u-ca-hebrew').resolvedOptions().calendar);
p(() => new Date(Date.UTC(2023, 9, 1)).toLocaleDateString('en-US', {calendar: 'hebrew', timeZone: 'UTC', month: 'narrow', day: 'numeric'}));`, []string{
		"{\"dateStyle\":\"short\"} 10 Adar II 5784",
		"{\"dateStyle\":\"medium\"} 10 Adar II 5784",
		"{\"dateStyle\":\"long\"} 10 Adar II 5784",
		"{\"dateStyle\":\"full\"} Wednesday, 10 Adar II 5784",
		"{\"dateStyle\":\"medium\",\"timeStyle\":\"short\"} 10 Adar II 5784, 1:04 PM",
		"{\"year\":\"numeric\"} 5784",
		"{\"month\":\"long\"} Adar II",
		"{\"month\":\"short\"} Adar II",
		"{\"month\":\"short\",\"year\":\"numeric\"} Adar II 5784",
		"{\"month\":\"long\",\"day\":\"numeric\"} 10 Adar II",
		"{\"month\":\"numeric\",\"day\":\"numeric\"} 10 Adar II",
		"{\"month\":\"numeric\",\"year\":\"numeric\"} Adar II 5784",
		"{\"day\":\"numeric\"} 10",
		"{\"year\":\"2-digit\",\"month\":\"2-digit\",\"day\":\"2-digit\"} 10 Adar II 84",
		"{\"year\":\"numeric\",\"month\":\"long\",\"day\":\"numeric\",\"era\":\"long\"} 10 Adar II 5784 AM",
		"{\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\",\"era\":\"short\"} 10 Adar II 5784 AM",
		"{\"weekday\":\"short\",\"year\":\"numeric\",\"month\":\"short\",\"day\":\"numeric\"} Wed, 10 Adar II 5784",
		"{\"month\":\"narrow\",\"day\":\"numeric\",\"year\":\"numeric\"} 10 7 5784",
		"[{\"type\":\"day\",\"value\":\"10\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"month\",\"value\":\"Adar II\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"year\",\"value\":\"5784\"}]",
		"10 – 13 Adar II 5784",
		"10 Adar II – 21 Nisan 5784",
		"10 Adar II 5784 hebrew",
		"16 1",
	})
}

// The islamic-umalqura and islamic calendars from the month table recorded
// from Postman CLI 1.34.0 (intl_islamic_gen.go), checked on other dates it
// formatted (testdata/calendars/islamic-postman-cli-1.34.txt), and
// Umm al-Qura outside the table falling back to the civil calendar, as ICU's
// does (Postman's answers beside).
func TestTabledIslamicCalendarsAsPostman(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/calendars/islamic-postman-cli-1.34.txt")
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "|")
		if strings.HasPrefix(line, "#") || len(f) != 3 {
			continue
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		at := time.UnixMilli(n).UTC()
		for i, cal := range []string{"islamic-umalqura", "islamic"} {
			d, _ := ownCalendarDate(cal, at)
			if got := fmt.Sprintf("%d/%d/%d %s", d.month, d.day, d.year, d.era); got != f[i+1] && bad < 20 {
				bad++
				t.Errorf("%s %s: got %s, want %s", cal, at.Format("2006-01-02"), got, f[i+1])
			}
		}
	}
	checkTestNames(t, probeHarness+`
const gu = new Intl.DateTimeFormat('en-US', {calendar: 'islamic-umalqura', timeZone: 'UTC'});
const gc = new Intl.DateTimeFormat('en-US', {calendar: 'islamic-civil', timeZone: 'UTC'});
p(() => [Date.UTC(1850, 0, 1), Date.UTC(1800, 5, 1), Date.UTC(2200, 0, 1), Date.UTC(2500, 3, 1)].map(t => gu.format(t) + '=' + gc.format(t)).join('|'));
p(() => new Date(Date.UTC(2024, 0, 5)).toLocaleDateString('en-US', {calendar: 'islamic', timeZone: 'UTC', dateStyle: 'full'}));
p(() => new Date(Date.UTC(2024, 0, 5)).toLocaleDateString('en-US', {calendar: 'islamic-umalqura', timeZone: 'UTC', dateStyle: 'long'}));`, []string{
		"2/16/1266 AH=2/16/1266 AH|1/8/1215 AH=1/8/1215 AH|11/14/1626 AH=11/14/1626 AH|5/1/1936 AH=5/1/1936 AH",
		"Friday, Jumada II 24, 1445 AH",
		"Jumada II 23, 1445 AH",
	})
}

// The chinese and dangi calendars from the month table recorded from
// Postman CLI 1.34.0 (intl_chinese_gen.go), checked on other dates it
// formatted (testdata/calendars/chinese-postman-cli-1.34.txt: the two
// calendars differ on some days, a month apart in some years), and their
// patterns: ordinal months, leap months ("bis"), the related year with its
// sexagenary name, parts, styles, ranges (testdata/calendars/
// chinese-formats.js run under Postman CLI gave chinese-formats-postman-cli-1.34.txt).
func TestChineseCalendarsAsPostman(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/calendars/chinese-postman-cli-1.34.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkLunisolarDates(t, string(data), 3800)
	src, err := os.ReadFile("testdata/calendars/chinese-formats.js")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/calendars/chinese-formats-postman-cli-1.34.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkTestNames(t, string(src), strings.Split(strings.TrimSpace(string(want)), "\n"))
}

// The table reaches from 1600 to 2500 since session 18 (it was 1900-2100):
// 2,636 dates outside 1900-2100, Postman CLI 1.34.0's.
func TestChineseCalendarsWideAsPostman(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/calendars/chinese-wide-postman-cli-1.34.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkLunisolarDates(t, string(data), 2400)
}

// checkLunisolarDates compares lunisolarDate with the recorded lines
// "t|chinese|dangi" of data, at least min dates.
func checkLunisolarDates(t *testing.T, data string, min int) {
	t.Helper()
	bad, n := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(data), "\n") {
		f := strings.Split(line, "|")
		if strings.HasPrefix(line, "#") || len(f) != 3 {
			continue
		}
		ms, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		at := time.UnixMilli(ms).UTC()
		for i, cal := range []string{"chinese", "dangi"} {
			d, ok := lunisolarDate(cal, at)
			got := fmt.Sprintf("%s/%d/%d", lunisolarMonthText(d, "numeric"), d.day, d.year)
			if n++; (!ok || got != f[i+1]) && bad < 20 {
				bad++
				t.Errorf("%s %s: got %s, want %s", cal, at.Format("2006-01-02"), got, f[i+1])
			}
		}
	}
	if n < min {
		t.Fatalf("only %d dates checked", n)
	}
}
