package scripting

import "testing"

// Zone names of dates when a zone kept daylight time it has given up
// since (Apia in 2021, Sao Paulo in 2018, Mexico City in 2021; Istanbul,
// Amman and Damascus, whose daylight offset is today's standard one), and
// the generic names around them (ICU writes "Brasilia Time" while daylight
// time is within 184 days, "Brasilia Standard Time" once it is not). Each
// want line is what Postman CLI 1.34.0 printed for the same line.
func TestPastDaylightZoneNamesAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
const zs = [['Pacific/Apia', Date.UTC(2021, 2, 1, 12)], ['America/Sao_Paulo', Date.UTC(2018, 0, 15, 12)], ['America/Mexico_City', Date.UTC(2021, 6, 15, 12)], ['Asia/Tehran', Date.UTC(2021, 6, 15, 12)], ['Europe/Istanbul', Date.UTC(2015, 6, 15, 12)], ['Africa/Windhoek', Date.UTC(2016, 6, 15, 12)], ['Asia/Amman', Date.UTC(2021, 6, 15, 12)], ['Pacific/Fiji', Date.UTC(2020, 0, 15, 12)], ['America/Bahia_Banderas', Date.UTC(2021, 6, 15, 12)], ['Asia/Damascus', Date.UTC(2021, 6, 15, 12)], ['Europe/Moscow', Date.UTC(2010, 6, 15, 12)], ['America/Sao_Paulo', Date.UTC(2018, 6, 15, 12)]];
for (const [z, t] of zs) {
  for (const s of ['short', 'long', 'shortGeneric', 'longGeneric']) {
    p(() => z + ' ' + s + ' ' + new Date(t).toLocaleString('en-US', {timeZone: z, timeZoneName: s}));
  }
}
const zs2 = [['America/Sao_Paulo', Date.UTC(2024, 6, 15, 12)], ['America/Sao_Paulo', Date.UTC(2019, 6, 15, 12)], ['America/Sao_Paulo', Date.UTC(2019, 9, 15, 12)], ['Pacific/Apia', Date.UTC(2024, 0, 15, 12)], ['Pacific/Apia', Date.UTC(2021, 8, 1, 12)], ['Pacific/Apia', Date.UTC(2021, 11, 1, 12)], ['America/Mexico_City', Date.UTC(2024, 6, 15, 12)], ['America/Mexico_City', Date.UTC(2022, 11, 15, 12)], ['America/New_York', Date.UTC(2024, 0, 15, 12)], ['Europe/London', Date.UTC(2024, 6, 15, 12)], ['Asia/Tokyo', Date.UTC(2024, 6, 15, 12)], ['Australia/Brisbane', Date.UTC(2024, 6, 15, 12)]];
for (const [z, t] of zs2) {
  for (const s of ['long', 'shortGeneric', 'longGeneric']) {
    p(() => z + ' ' + s + ' ' + new Date(t).toLocaleString('en-US', {timeZone: z, timeZoneName: s}));
  }
}`, []string{
		"Pacific/Apia short 3/2/2021, 2:00:00 AM GMT+14",
		"Pacific/Apia long 3/2/2021, 2:00:00 AM Samoa Daylight Time",
		"Pacific/Apia shortGeneric 3/2/2021, 2:00:00 AM WS Time",
		"Pacific/Apia longGeneric 3/2/2021, 2:00:00 AM Samoa Time",
		"America/Sao_Paulo short 1/15/2018, 10:00:00 AM GMT-2",
		"America/Sao_Paulo long 1/15/2018, 10:00:00 AM Brasilia Summer Time",
		"America/Sao_Paulo shortGeneric 1/15/2018, 10:00:00 AM Sao Paulo Time",
		"America/Sao_Paulo longGeneric 1/15/2018, 10:00:00 AM Brasilia Time",
		"America/Mexico_City short 7/15/2021, 7:00:00 AM CDT",
		"America/Mexico_City long 7/15/2021, 7:00:00 AM Central Daylight Time",
		"America/Mexico_City shortGeneric 7/15/2021, 7:00:00 AM CT",
		"America/Mexico_City longGeneric 7/15/2021, 7:00:00 AM Central Time",
		"Asia/Tehran short 7/15/2021, 4:30:00 PM GMT+4:30",
		"Asia/Tehran long 7/15/2021, 4:30:00 PM Iran Daylight Time",
		"Asia/Tehran shortGeneric 7/15/2021, 4:30:00 PM IR Time",
		"Asia/Tehran longGeneric 7/15/2021, 4:30:00 PM Iran Time",
		"Europe/Istanbul short 7/15/2015, 3:00:00 PM GMT+3",
		"Europe/Istanbul long 7/15/2015, 3:00:00 PM Eastern European Summer Time",
		"Europe/Istanbul shortGeneric 7/15/2015, 3:00:00 PM TR Time",
		"Europe/Istanbul longGeneric 7/15/2015, 3:00:00 PM Eastern European Time",
		"Africa/Windhoek short 7/15/2016, 1:00:00 PM GMT+1",
		"Africa/Windhoek long 7/15/2016, 1:00:00 PM West Africa Standard Time",
		"Africa/Windhoek shortGeneric 7/15/2016, 1:00:00 PM NA Time",
		"Africa/Windhoek longGeneric 7/15/2016, 1:00:00 PM West Africa Time",
		"Asia/Amman short 7/15/2021, 3:00:00 PM GMT+3",
		"Asia/Amman long 7/15/2021, 3:00:00 PM Eastern European Summer Time",
		"Asia/Amman shortGeneric 7/15/2021, 3:00:00 PM JO Time",
		"Asia/Amman longGeneric 7/15/2021, 3:00:00 PM Eastern European Time",
		"Pacific/Fiji short 1/16/2020, 12:00:00 AM GMT+12",
		"Pacific/Fiji long 1/16/2020, 12:00:00 AM Fiji Standard Time",
		"Pacific/Fiji shortGeneric 1/16/2020, 12:00:00 AM FJ Time",
		"Pacific/Fiji longGeneric 1/16/2020, 12:00:00 AM Fiji Time",
		"America/Bahia_Banderas short 7/15/2021, 7:00:00 AM CDT",
		"America/Bahia_Banderas long 7/15/2021, 7:00:00 AM Central Daylight Time",
		"America/Bahia_Banderas shortGeneric 7/15/2021, 7:00:00 AM CT",
		"America/Bahia_Banderas longGeneric 7/15/2021, 7:00:00 AM Central Time",
		"Asia/Damascus short 7/15/2021, 3:00:00 PM GMT+3",
		"Asia/Damascus long 7/15/2021, 3:00:00 PM Eastern European Summer Time",
		"Asia/Damascus shortGeneric 7/15/2021, 3:00:00 PM SY Time",
		"Asia/Damascus longGeneric 7/15/2021, 3:00:00 PM Eastern European Time",
		"Europe/Moscow short 7/15/2010, 4:00:00 PM GMT+4",
		"Europe/Moscow long 7/15/2010, 4:00:00 PM Moscow Summer Time",
		"Europe/Moscow shortGeneric 7/15/2010, 4:00:00 PM Moscow Time",
		"Europe/Moscow longGeneric 7/15/2010, 4:00:00 PM Moscow Time",
		"America/Sao_Paulo short 7/15/2018, 9:00:00 AM GMT-3",
		"America/Sao_Paulo long 7/15/2018, 9:00:00 AM Brasilia Standard Time",
		"America/Sao_Paulo shortGeneric 7/15/2018, 9:00:00 AM Sao Paulo Time",
		"America/Sao_Paulo longGeneric 7/15/2018, 9:00:00 AM Brasilia Time",
		"America/Sao_Paulo long 7/15/2024, 9:00:00 AM Brasilia Standard Time",
		"America/Sao_Paulo shortGeneric 7/15/2024, 9:00:00 AM Sao Paulo Time",
		"America/Sao_Paulo longGeneric 7/15/2024, 9:00:00 AM Brasilia Standard Time",
		"America/Sao_Paulo long 7/15/2019, 9:00:00 AM Brasilia Standard Time",
		"America/Sao_Paulo shortGeneric 7/15/2019, 9:00:00 AM Sao Paulo Time",
		"America/Sao_Paulo longGeneric 7/15/2019, 9:00:00 AM Brasilia Time",
		"America/Sao_Paulo long 10/15/2019, 9:00:00 AM Brasilia Standard Time",
		"America/Sao_Paulo shortGeneric 10/15/2019, 9:00:00 AM Sao Paulo Time",
		"America/Sao_Paulo longGeneric 10/15/2019, 9:00:00 AM Brasilia Standard Time",
		"Pacific/Apia long 1/16/2024, 1:00:00 AM Samoa Standard Time",
		"Pacific/Apia shortGeneric 1/16/2024, 1:00:00 AM WS Time",
		"Pacific/Apia longGeneric 1/16/2024, 1:00:00 AM Samoa Standard Time",
		"Pacific/Apia long 9/2/2021, 1:00:00 AM Samoa Standard Time",
		"Pacific/Apia shortGeneric 9/2/2021, 1:00:00 AM WS Time",
		"Pacific/Apia longGeneric 9/2/2021, 1:00:00 AM Samoa Time",
		"Pacific/Apia long 12/2/2021, 1:00:00 AM Samoa Standard Time",
		"Pacific/Apia shortGeneric 12/2/2021, 1:00:00 AM WS Time",
		"Pacific/Apia longGeneric 12/2/2021, 1:00:00 AM Samoa Standard Time",
		"America/Mexico_City long 7/15/2024, 6:00:00 AM Central Standard Time",
		"America/Mexico_City shortGeneric 7/15/2024, 6:00:00 AM CST",
		"America/Mexico_City longGeneric 7/15/2024, 6:00:00 AM Central Standard Time",
		"America/Mexico_City long 12/15/2022, 6:00:00 AM Central Standard Time",
		"America/Mexico_City shortGeneric 12/15/2022, 6:00:00 AM CT",
		"America/Mexico_City longGeneric 12/15/2022, 6:00:00 AM Central Time",
		"America/New_York long 1/15/2024, 7:00:00 AM Eastern Standard Time",
		"America/New_York shortGeneric 1/15/2024, 7:00:00 AM ET",
		"America/New_York longGeneric 1/15/2024, 7:00:00 AM Eastern Time",
		"Europe/London long 7/15/2024, 1:00:00 PM British Summer Time",
		"Europe/London shortGeneric 7/15/2024, 1:00:00 PM GB Time",
		"Europe/London longGeneric 7/15/2024, 1:00:00 PM GB Time",
		"Asia/Tokyo long 7/15/2024, 9:00:00 PM Japan Standard Time",
		"Asia/Tokyo shortGeneric 7/15/2024, 9:00:00 PM JP Time",
		"Asia/Tokyo longGeneric 7/15/2024, 9:00:00 PM Japan Standard Time",
		"Australia/Brisbane long 7/15/2024, 10:00:00 PM Australian Eastern Standard Time",
		"Australia/Brisbane shortGeneric 7/15/2024, 10:00:00 PM Brisbane Time",
		"Australia/Brisbane longGeneric 7/15/2024, 10:00:00 PM Australian Eastern Standard Time",
	})
}
