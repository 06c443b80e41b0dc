package scripting

import (
	"strings"
	"testing"
)

// Zone names in every timeZoneName style, winter and summer, and the zone
// IDs resolvedOptions reports, with Postman CLI 1.34.0's answers (the
// names come from intl_zones_gen.go, generated from the same runtime).
// Newman has no Intl; its Date#toString uses the same long names, from an
// older CLDR for a few zones (Africa/Lagos: West Africa Time).
func TestIntlZoneNamesAsPostman(t *testing.T) {
	t.Parallel()
	expr := `(function () {
	var w = new Date(Date.UTC(2024, 0, 15, 12)), s = new Date(Date.UTC(2024, 6, 15, 12)), r = [];
	['Europe/Berlin', 'Africa/Lagos', 'America/Chicago', 'Europe/Istanbul', 'America/Bogota', 'Asia/Kolkata', 'Australia/Sydney', 'Europe/London', 'US/Pacific', 'Asia/Tokyo', 'America/Sao_Paulo', 'Pacific/Auckland', 'Etc/GMT+5', 'Africa/Abidjan'].forEach(function (z) {
		r.push(z + ' ' + new Intl.DateTimeFormat('en-US', {timeZone: z}).resolvedOptions().timeZone + ': ' + ['short', 'long', 'shortGeneric', 'longGeneric'].map(function (st) {
			return [w, s].map(function (d) { return new Intl.DateTimeFormat('en-US', {timeZone: z, timeZoneName: st}).formatToParts(d).find(function (p) { return p.type === 'timeZoneName'; }).value; }).join('/');
		}).join(' | '));
	});
	r.push(Intl.supportedValuesOf('timeZone').length + ' ' + Intl.supportedValuesOf('currency').slice(0, 5) + ' ' + Intl.supportedValuesOf('numberingSystem').slice(0, 5) + ' ' + Intl.supportedValuesOf('calendar').length);
	return r.join('\n');
})()`
	want := []string{
		"Europe/Berlin Europe/Berlin: GMT+1/GMT+2 | Central European Standard Time/Central European Summer Time | DE Time/DE Time | Central European Time/Central European Time",
		"Africa/Lagos Africa/Lagos: GMT+1/GMT+1 | West Africa Standard Time/West Africa Standard Time | NG Time/NG Time | West Africa Standard Time/West Africa Standard Time",
		"America/Chicago America/Chicago: CST/CDT | Central Standard Time/Central Daylight Time | CT/CT | Central Time/Central Time",
		"Europe/Istanbul Europe/Istanbul: GMT+3/GMT+3 | GMT+03:00/GMT+03:00 | TR Time/TR Time | TR Time/TR Time",
		"America/Bogota America/Bogota: GMT-5/GMT-5 | Colombia Standard Time/Colombia Standard Time | CO Time/CO Time | Colombia Standard Time/Colombia Standard Time",
		"Asia/Kolkata Asia/Calcutta: GMT+5:30/GMT+5:30 | India Standard Time/India Standard Time | IN Time/IN Time | India Standard Time/India Standard Time",
		"Australia/Sydney Australia/Sydney: GMT+11/GMT+10 | Australian Eastern Daylight Time/Australian Eastern Standard Time | Sydney Time/Sydney Time | Australian Eastern Time/Australian Eastern Time",
		"Europe/London Europe/London: GMT/GMT+1 | Greenwich Mean Time/British Summer Time | GB Time/GB Time | GB Time/GB Time",
		"US/Pacific America/Los_Angeles: PST/PDT | Pacific Standard Time/Pacific Daylight Time | PT/PT | Pacific Time/Pacific Time",
		"Asia/Tokyo Asia/Tokyo: GMT+9/GMT+9 | Japan Standard Time/Japan Standard Time | JP Time/JP Time | Japan Standard Time/Japan Standard Time",
		"America/Sao_Paulo America/Sao_Paulo: GMT-3/GMT-3 | Brasilia Standard Time/Brasilia Standard Time | Sao Paulo Time/Sao Paulo Time | Brasilia Standard Time/Brasilia Standard Time",
		"Pacific/Auckland Pacific/Auckland: GMT+13/GMT+12 | New Zealand Daylight Time/New Zealand Standard Time | NZ Time/NZ Time | New Zealand Time/New Zealand Time",
		"Etc/GMT+5 Etc/GMT+5: GMT-5/GMT-5 | GMT-05:00/GMT-05:00 | GMT-5/GMT-5 | GMT-05:00/GMT-05:00",
		"Africa/Abidjan Africa/Abidjan: GMT/GMT | Greenwich Mean Time/Greenwich Mean Time | GMT/GMT | Greenwich Mean Time/Greenwich Mean Time",
		"418 AED,AFN,ALL,AMD,ANG adlm,ahom,arab,arabext,bali 18",
	}
	checkProbes(t, []refCase{{"zone names", expr, "S:" + strings.Join(want, "\n"), refPostman}})
}
