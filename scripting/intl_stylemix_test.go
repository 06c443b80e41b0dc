package scripting

import "testing"

// dateStyle and timeStyle beside component options, as V8 refuses (or
// takes) each mix: fractionalSecondDigits beside a style was taken where
// V8 refuses it. Each want line is what Postman CLI 1.34.0 printed for the
// same line (recorded three times, identical).
func TestDateStyleMixesAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
const d = new Date(Date.UTC(2024, 0, 5, 13, 4, 5));
const f = o => new Intl.DateTimeFormat('en-US', Object.assign({timeZone: 'UTC'}, o)).format(d);
p(() => f({dateStyle: 'short', hour: 'numeric'}));
p(() => f({timeStyle: 'short', year: 'numeric'}));
p(() => f({dateStyle: 'long', weekday: 'long'}));
p(() => f({dateStyle: 'medium', timeZoneName: 'short'}));
p(() => f({timeStyle: 'medium', hour12: false}));
p(() => f({dateStyle: 'full', hourCycle: 'h23'}));
p(() => f({dateStyle: 'short', fractionalSecondDigits: 2}));
p(() => f({timeStyle: 'short', dayPeriod: 'short'}));
p(() => f({dateStyle: 'short', era: 'short'}));
p(() => f({dateStyle: 'bogus'}));
p(() => f({timeStyle: 'short', second: undefined}));
p(() => d.toLocaleDateString('en-US', {timeStyle: 'short', timeZone: 'UTC'}));
p(() => d.toLocaleTimeString('en-US', {dateStyle: 'short', timeZone: 'UTC'}));`, []string{
		"E:TypeError: Invalid option : option",
		"E:TypeError: Invalid option : option",
		"E:TypeError: Invalid option : option",
		"E:TypeError: Invalid option : option",
		"13:04:05",
		"Friday, January 5, 2024",
		"E:TypeError: Invalid option : option",
		"E:TypeError: Invalid option : option",
		"E:TypeError: Invalid option : option",
		"E:RangeError: Value bogus out of range for Intl.DateTimeFormat options property dateStyle",
		"1:04 PM",
		"E:TypeError: Invalid option : timeStyle",
		"E:TypeError: Invalid option : dateStyle",
	})
}
