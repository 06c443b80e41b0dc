package scripting

import (
	"strings"
	"testing"
	"time"
)

// partsText shows parts as Node's formatToParts would list them: literals
// quoted, others type=value.
func partsText(ps []numPart) string {
	var out []string
	for _, p := range ps {
		if p.typ == "literal" {
			out = append(out, `"`+p.val+`"`)
		} else {
			out = append(out, p.typ+"="+p.val)
		}
	}
	return strings.Join(out, " ")
}

// The steps of formatParts, each against Node 20's formatToParts (en-US,
// timeZone UTC) for 2026-03-05 00:05:07.089 and 13:05:07.089.
func TestDateFormatSteps(t *testing.T) {
	t.Parallel()
	midnight := time.Date(2026, 3, 5, 0, 5, 7, 89e6, time.UTC)
	afternoon := midnight.Add(13 * time.Hour)
	for _, tc := range []struct {
		cycle        string
		midnight, pm string
	}{
		{"h11", "0", "1"}, {"h12", "12", "1"}, {"h23", "00", "13"}, {"h24", "24", "13"},
	} {
		f := &dateFormat{hour: "numeric", hourCycle: tc.cycle}
		if got := f.hourText(midnight) + " " + f.hourText(afternoon); got != tc.midnight+" "+tc.pm {
			t.Errorf("hourText %s: %s, want %s %s", tc.cycle, got, tc.midnight, tc.pm)
		}
	}
	tests := []struct {
		name string
		f    dateFormat
		at   time.Time
		want string
	}{
		{"numeric date", dateFormat{year: "2-digit", month: "numeric", day: "2-digit"}, midnight, `month=3 "/" day=05 "/" year=26`},
		{"spelled-out date", dateFormat{weekday: "long", year: "numeric", month: "long", day: "numeric"}, midnight, `weekday=Thursday ", " month=March " " day=5 ", " year=2026`},
		{"month and year", dateFormat{year: "numeric", month: "short"}, midnight, `month=Mar " " year=2026`},
		{"narrow month and day", dateFormat{month: "narrow", day: "numeric"}, midnight, `month=M " " day=5`},
		{"narrow era", dateFormat{era: "narrow", year: "numeric", month: "numeric"}, midnight, `month=3 "/" year=2026 " " era=A`},
		{"clock with fraction, 12-hour", dateFormat{hour: "numeric", minute: "2-digit", second: "2-digit", fractional: 2, hourCycle: "h12"}, afternoon,
			`hour=1 ":" minute=05 ":" second=07 "." fractionalSecond=08 " " dayPeriod=PM`},
		{"minute and second", dateFormat{minute: "numeric", second: "numeric"}, afternoon, `minute=05 ":" second=07`},
		{"day period alone", dateFormat{dayPeriod: "long"}, afternoon, `dayPeriod=in the afternoon`},
		{"fraction alone", dateFormat{fractional: 3}, afternoon, `fractionalSecond=089`},
		{"spelled-out date at a time", dateFormat{year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", hourCycle: "h12"}, afternoon,
			`month=March " " day=5 ", " year=2026 " at " hour=1 ":" minute=05 " " dayPeriod=PM`},
		{"weekday and time", dateFormat{weekday: "short", hour: "numeric", hourCycle: "h12"}, afternoon, `weekday=Thu ", " hour=1 " " dayPeriod=PM`},
		{"weekday and clock", dateFormat{weekday: "short", hour: "numeric", minute: "2-digit", hourCycle: "h12"}, afternoon, `weekday=Thu " " hour=1 ":" minute=05 " " dayPeriod=PM`},
		{"weekday after the day", dateFormat{weekday: "long", day: "numeric"}, afternoon, `day=5 " " weekday=Thursday`},
		{"flexible day period", dateFormat{hour: "numeric", dayPeriod: "short", hourCycle: "h12"}, afternoon, `hour=1 " " dayPeriod=in the afternoon`},
		{"second appended", dateFormat{hour: "numeric", second: "numeric", hourCycle: "h12"}, afternoon, `hour=1 " " dayPeriod=PM " (second: " second=7 ")"`},
		{"zone after the time", dateFormat{month: "numeric", day: "numeric", hour: "numeric", hourCycle: "h12", zoneName: "short", zone: "UTC"}, afternoon,
			`month=3 "/" day=5 ", " hour=1 " " dayPeriod=PM " " timeZoneName=UTC`},
		{"zone after the date", dateFormat{month: "numeric", day: "numeric", zoneName: "short", zone: "UTC"}, afternoon, `month=3 "/" day=5 ", " timeZoneName=UTC`},
	}
	for _, tc := range tests {
		f := tc.f
		f.loc = time.UTC
		if got := partsText(f.formatParts(float64(tc.at.UnixMilli()))); got != tc.want {
			t.Errorf("%s:\n got  %s\n want %s", tc.name, got, tc.want)
		}
	}
}

// ToDateTimeOptions' defaults: toLocaleString (any, all) shows date and
// time when neither is asked for, toLocaleDateString (date, date) the
// date unless a date component is given, and so on.
func TestDateFormatDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name               string
		f                  dateFormat
		required, defaults string
		want               dateFormat
	}{
		{"toLocaleString, nothing asked", dateFormat{}, "any", "all",
			dateFormat{year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric"}},
		{"toLocaleString, an hour asked", dateFormat{hour: "2-digit"}, "any", "all", dateFormat{hour: "2-digit"}},
		{"toLocaleDateString, an hour asked", dateFormat{hour: "2-digit"}, "date", "date",
			dateFormat{hour: "2-digit", year: "numeric", month: "numeric", day: "numeric"}},
		{"toLocaleTimeString, a weekday asked", dateFormat{weekday: "long"}, "time", "time",
			dateFormat{weekday: "long", hour: "numeric", minute: "numeric", second: "numeric"}},
		{"format, fractional seconds only", dateFormat{fractional: 2}, "any", "date", dateFormat{fractional: 2}},
	}
	for _, tc := range tests {
		f := tc.f
		f.defaultComponents(tc.required, tc.defaults)
		if f != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, f, tc.want)
		}
	}
}

// hour12 wins over hourCycle; hour12:false is h23 with two digits, as the
// current sandbox has it, and so is any 24-hour cycle (resolvedOptions
// reports hour "2-digit"); no cycle without an hour.
func TestDateFormatHourCycle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		hour, hc     string
		h12, hasH12  bool
		cycle, shown string
	}{
		{"numeric", "", false, false, "h12", "numeric"},
		{"numeric", "h24", false, false, "h24", "2-digit"},
		{"numeric", "h11", false, false, "h11", "numeric"},
		{"numeric", "h23", true, true, "h12", "numeric"},
		{"numeric", "h11", false, true, "h23", "2-digit"},
		{"", "h23", true, true, "", ""},
	}
	for _, tc := range tests {
		f := dateFormat{hour: tc.hour}
		f.resolveHourCycle(tc.hc, tc.h12, tc.hasH12)
		if f.hourCycle != tc.cycle || f.hour != tc.shown {
			t.Errorf("%+v: %s %s, want %s %s", tc, f.hourCycle, f.hour, tc.cycle, tc.shown)
		}
	}
}
