package scripting

import "testing"

// The Intl members added for Postman's current sandbox: range formatting
// (NumberFormat, PluralRules) and formatToParts of RelativeTimeFormat,
// ListFormat and DurationFormat. Every answer was printed by Postman CLI
// 1.34.0 (Newman's sandbox has no Intl).

// nrp shows a range's parts compactly: type:value:source (S start, E end,
// - shared).
const nrp = `var nrp = function (f, a, b) { return f.formatRange(a, b) + ' || ' + f.formatRangeToParts(a, b).map(function (x) { return x.type + ':' + x.value + ':' + ({startRange: 'S', endRange: 'E', shared: '-'})[x.source]; }).join('|'); };`

func nfRange(opts, a, b string) string {
	return "(function () { " + nrp + " return nrp(new Intl.NumberFormat('en-US', " + opts + "), " + a + ", " + b + "); })()"
}

var numberRangeCases = []refCase{
	{"range plain", nfRange("{}", "1", "5"), "S:1–5 || integer:1:S|literal:–:-|integer:5:E", refPostman},
	{"range grouped", nfRange("{}", "1000", "5000"), "S:1,000–5,000 || integer:1:S|group:,:S|integer:000:S|literal:–:-|integer:5:E|group:,:E|integer:000:E", refPostman},
	{"range down", nfRange("{}", "5", "-3"), "S:5–-3 || integer:5:S|literal:–:-|minusSign:-:E|integer:3:E", refPostman},
	{"range negatives spaced", nfRange("{}", "-5", "-3"), "S:-5 – -3 || minusSign:-:S|integer:5:S|literal: – :-|minusSign:-:E|integer:3:E", refPostman},
	{"range approximately", nfRange("{}", "-5", "-5"), "S:~-5 || approximatelySign:~:-|minusSign:-:-|integer:5:-", refPostman},
	{"range equal after rounding", nfRange("{maximumFractionDigits: 0}", "2.9", "3.1"), "S:~3 || approximatelySign:~:-|integer:3:-", refPostman},
	{"range compact", nfRange("{notation: 'compact'}", "1000", "5000"), "S:1K – 5K || integer:1:S|compact:K:S|literal: – :-|integer:5:E|compact:K:E", refPostman},
	{"range compact long collapses", nfRange("{notation: 'compact', compactDisplay: 'long'}", "1000", "5000"), "S:1–5 thousand || integer:1:S|literal:–:-|integer:5:E|literal: :-|compact:thousand:-", refPostman},
	{"range compact long differs", nfRange("{notation: 'compact', compactDisplay: 'long'}", "1000", "5000000"), "S:1 thousand – 5 million || integer:1:S|literal: :S|compact:thousand:S|literal: – :-|integer:5:E|literal: :E|compact:million:E", refPostman},
	{"range scientific", nfRange("{notation: 'scientific'}", "1000", "2000"), "S:1E3 – 2E3 || integer:1:S|exponentSeparator:E:S|exponentInteger:3:S|literal: – :-|integer:2:E|exponentSeparator:E:E|exponentInteger:3:E", refPostman},
	{"range currency", nfRange("{style: 'currency', currency: 'USD'}", "3", "5"), "S:$3.00 – $5.00 || currency:$:S|integer:3:S|decimal:.:S|fraction:00:S|literal: – :-|currency:$:E|integer:5:E|decimal:.:E|fraction:00:E", refPostman},
	{"range currency approximately", nfRange("{style: 'currency', currency: 'EUR'}", "3", "3"), "S:~€3.00 || approximatelySign:~:-|currency:€:-|integer:3:-|decimal:.:-|fraction:00:-", refPostman},
	{"range currency name", nfRange("{style: 'currency', currency: 'USD', currencyDisplay: 'name'}", "1", "2"), "S:1.00–2.00 US dollars || integer:1:S|decimal:.:S|fraction:00:S|literal:–:-|integer:2:E|decimal:.:E|fraction:00:E|literal: :-|currency:US dollars:-", refPostman},
	{"range currency code (ICU's spans start one early)", nfRange("{style: 'currency', currency: 'USD', currencyDisplay: 'code'}", "123456.5", "7"), "S:USD\u00a0123,456.50–7.00 || currency:USD:-|literal:\u00a0:S|integer:123:S|group:,:S|integer:456:S|decimal:.:S|fraction:50:-|literal:–:E|integer:7:E|decimal:.:E|fraction:00:-", refPostman},
	{"range long symbol collapses", nfRange("{style: 'currency', currency: 'CAD'}", "-3", "-5"), "S:-CA$3.00–5.00 || minusSign:-:-|currency:CA$:-|integer:3:S|decimal:.:S|fraction:00:S|literal:–:-|integer:5:E|decimal:.:E|fraction:00:E", refPostman},
	{"range long symbol, signs differ", nfRange("{style: 'currency', currency: 'CAD'}", "-3", "5"), "S:-CA$3.00 – CA$5.00 || minusSign:-:S|currency:CA$:S|integer:3:S|decimal:.:S|fraction:00:S|literal: – :-|currency:CA$:E|integer:5:E|decimal:.:E|fraction:00:E", refPostman},
	{"range accounting", nfRange("{style: 'currency', currency: 'USD', currencySign: 'accounting'}", "-1", "2"), "S:($1.00) – $2.00 || literal:(:S|currency:$:S|integer:1:S|decimal:.:S|fraction:00:S|literal:) – :-|currency:$:E|integer:2:E|decimal:.:E|fraction:00:E", refPostman},
	{"range percent", nfRange("{style: 'percent'}", "-0.1", "0.2"), "S:-10% – 20% || minusSign:-:S|integer:10:S|percentSign:%:S|literal: – :-|integer:20:E|percentSign:%:E", refPostman},
	{"range unit", nfRange("{style: 'unit', unit: 'kilometer'}", "1", "2"), "S:1–2 km || integer:1:S|literal:–:-|integer:2:E|literal: :-|unit:km:-", refPostman},
	{"range unit narrow", nfRange("{style: 'unit', unit: 'kilometer', unitDisplay: 'narrow'}", "1", "2"), "S:1–2km || integer:1:S|literal:–:-|integer:2:E|unit:km:-", refPostman},
	{"range unit long takes the range's plural", nfRange("{style: 'unit', unit: 'kilometer-per-hour', unitDisplay: 'long'}", "1", "2"), "S:1–2 kilometers per hour || integer:1:S|literal:–:-|integer:2:E|literal: :-|unit:kilometers per hour:-", refPostman},
	{"range unit percent", nfRange("{style: 'unit', unit: 'percent'}", "1", "2"), "S:1% – 2% || integer:1:S|unit:%:S|literal: – :-|integer:2:E|unit:%:E", refPostman},
	{"range sign always", nfRange("{signDisplay: 'always'}", "1", "2"), "S:+1 – +2 || plusSign:+:S|integer:1:S|literal: – :-|plusSign:+:E|integer:2:E", refPostman},
	{"range sign exceptZero", nfRange("{signDisplay: 'exceptZero'}", "0", "2"), "S:0–+2 || integer:0:S|literal:–:-|plusSign:+:E|integer:2:E", refPostman},
	{"range infinities", nfRange("{}", "Infinity", "-Infinity"), "S:∞–-∞ || infinity:∞:S|literal:–:-|minusSign:-:E|infinity:∞:E", refPostman},
	{"range minus zero", nfRange("{}", "-0", "0"), "S:-0 – 0 || minusSign:-:S|integer:0:S|literal: – :-|integer:0:E", refPostman},
	{"range string and bigint", nfRange("{}", "'1e3'", "2n"), "S:1,000–2 || integer:1:S|group:,:S|integer:000:S|literal:–:-|integer:2:E", refPostman},
	{"range null is zero", `new Intl.NumberFormat().formatRange(null, 1)`, "S:0–1", refPostman},
	{"range start undefined", `new Intl.NumberFormat().formatRange(undefined, 1)`, "E:TypeError: Invalid start : undefined", refPostman},
	{"range end undefined", `new Intl.NumberFormat().formatRange(1)`, "E:TypeError: Invalid end : undefined", refPostman},
	{"range end NaN", `new Intl.NumberFormat().formatRange(1, NaN)`, "E:RangeError: Invalid end : NaN", refPostman},
	{"range start not a number", `new Intl.NumberFormat().formatRange('x', 1)`, "E:RangeError: Invalid start : x", refPostman},
	{"range receiver", `Intl.NumberFormat.prototype.formatRangeToParts.call({}, 1, 2)`, "E:TypeError: Method Intl.NumberFormat.prototype.formatRangeToParts called on incompatible receiver #<Object>", refPostman},
	{"range lengths", `Intl.NumberFormat.prototype.formatRangeToParts.length + ' ' + Intl.NumberFormat.prototype.formatRange.length`, "S:2 2", refPostman},
	{"selectRange cardinal", `(function () { var pr = new Intl.PluralRules('en'); return [[0,0],[0,1],[1,1],[1,2],[2,1],[1,5],[0,2],[1.5,2]].map(function (x) { return pr.selectRange(x[0], x[1]); }).join(); })()`, "S:other,other,other,other,other,other,other,other", refPostman},
	{"selectRange ordinal", `(function () { var po = new Intl.PluralRules('en', {type:'ordinal'}); return [[1,1],[1,2],[2,3],[3,4],[4,1],[2,2],[21,22]].map(function (x) { return po.selectRange(x[0], x[1]); }).join(); })()`, "S:other,other,other,other,other,other,other", refPostman},
	{"selectRange errors", `(function () { var pr = new Intl.PluralRules('en'); return [function () { return pr.selectRange(undefined, 2); }, function () { return pr.selectRange(1); }, function () { return pr.selectRange(NaN, 1); }, function () { return pr.selectRange(1, Infinity) + pr.selectRange.length; }].map(function (f) { try { return f(); } catch (e) { return e.name + ': ' + e.message; } }).join(' / '); })()`,
		"S:TypeError: Invalid startRange : undefined / TypeError: Invalid endRange : undefined / RangeError: Invalid startRange : NaN / other2", refPostman},
	{"selectRange receiver", `Intl.PluralRules.prototype.selectRange.call({}, 1, 2)`, "E:TypeError: Method Intl.PluralRules.prototype.selectRange called on incompatible receiver #<Object>", refPostman},
}

// parts shows formatToParts compactly: type:value, with @unit when set.
const partsFn = `var parts = function (ps) { return ps.map(function (x) { return x.type + ':' + x.value + (x.unit ? '@' + x.unit : ''); }).join('|'); };`

func partsOf(expr string) string {
	return "(function () { " + partsFn + " return parts(" + expr + "); })()"
}

var formatToPartsCases = []refCase{
	{"rtf parts past", partsOf(`new Intl.RelativeTimeFormat('en-US').formatToParts(-3, 'day')`), "S:integer:3@day|literal: days ago", refPostman},
	{"rtf parts future", partsOf(`new Intl.RelativeTimeFormat('en-US').formatToParts(1, 'day')`), "S:literal:in |integer:1@day|literal: day", refPostman},
	{"rtf parts grouped", partsOf(`new Intl.RelativeTimeFormat('en-US').formatToParts(1234.5, 'hours')`), "S:literal:in |integer:1@hour|group:,@hour|integer:234@hour|decimal:.@hour|fraction:5@hour|literal: hours", refPostman},
	{"rtf parts auto word", partsOf(`new Intl.RelativeTimeFormat('en', {numeric: 'auto'}).formatToParts(-1, 'day')`), "S:literal:yesterday", refPostman},
	{"rtf parts auto now", partsOf(`new Intl.RelativeTimeFormat('en', {numeric: 'auto'}).formatToParts(0, 'second')`), "S:literal:now", refPostman},
	{"rtf parts short", partsOf(`new Intl.RelativeTimeFormat('en', {style: 'short'}).formatToParts(-2, 'month')`), "S:integer:2@month|literal: mo. ago", refPostman},
	{"rtf parts minus zero", partsOf(`new Intl.RelativeTimeFormat('en').formatToParts(-0, 'year')`), "S:integer:0@year|literal: years ago", refPostman},
	{"rtf parts narrow", partsOf(`new Intl.RelativeTimeFormat('en', {style: 'narrow'}).formatToParts(-1, 'year')`), "S:integer:1@year|literal:y ago", refPostman},
	{"rtf parts fraction", partsOf(`new Intl.RelativeTimeFormat('en').formatToParts(-1.25, 'quarter')`), "S:integer:1@quarter|decimal:.@quarter|fraction:25@quarter|literal: quarters ago", refPostman},
	{"rtf parts bad unit", `new Intl.RelativeTimeFormat('en').formatToParts(5, 'fortnight')`, "E:RangeError: Invalid unit argument for Intl.RelativeTimeFormat.prototype.formatToParts() 'fortnight'", refPostman},
	{"rtf bad unit", `new Intl.RelativeTimeFormat('en').format(1, 'fortnight')`, "E:RangeError: Invalid unit argument for Intl.RelativeTimeFormat.prototype.format() 'fortnight'", refPostman},
	{"rtf NaN", `new Intl.RelativeTimeFormat('en').format(NaN, 'day')`, "E:RangeError: Value need to be finite number for Intl.RelativeTimeFormat.prototype.format()", refPostman},
	{"rtf parts NaN", `new Intl.RelativeTimeFormat('en').formatToParts(NaN, 'day')`, "E:RangeError: Value need to be finite number for Intl.RelativeTimeFormat.prototype.formatToParts()", refPostman},
	{"rtf narrow", `['hour', 'minute', 'year'].map(function (u, i) { return new Intl.RelativeTimeFormat('en', {style: 'narrow'}).format([-3, 3, -1][i], u); }).join('|')`, "S:3h ago|in 3m|1y ago", refPostman},
	{"rtf short auto", `new Intl.RelativeTimeFormat('en', {numeric: 'auto', style: 'short'}).format(1, 'year') + '|' + new Intl.RelativeTimeFormat('en', {numeric: 'auto', style: 'narrow'}).format(-1, 'quarter') + '|' + new Intl.RelativeTimeFormat('en', {numeric: 'auto', style: 'narrow'}).format(-1, 'hour')`, "S:next yr.|last qtr.|1h ago", refPostman},
	{"rtf short plurals", `(function () { var r = new Intl.RelativeTimeFormat('en', {style: 'short'}); return [r.format(2, 'quarter'), r.format(1, 'quarter'), r.format(2, 'day'), r.format(-2, 'week'), r.format(1.5, 'hour')].join('|'); })()`, "S:in 2 qtrs.|in 1 qtr.|in 2 days|2 wk. ago|in 1.5 hr.", refPostman},
	{"list parts", partsOf(`new Intl.ListFormat('en').formatToParts(['a', 'b', 'c'])`), "S:element:a|literal:, |element:b|literal:, and |element:c", refPostman},
	{"list parts one", partsOf(`new Intl.ListFormat('en').formatToParts(['a'])`), "S:element:a", refPostman},
	{"list parts none", `JSON.stringify(new Intl.ListFormat('en').formatToParts([]))`, "S:[]", refPostman},
	{"list parts or", partsOf(`new Intl.ListFormat('en', {type: 'disjunction'}).formatToParts(['a', 'b'])`), "S:element:a|literal: or |element:b", refPostman},
	{"list parts unit narrow", partsOf(`new Intl.ListFormat('en', {type: 'unit', style: 'narrow'}).formatToParts(['a', 'b', 'c'])`), "S:element:a|literal: |element:b|literal: |element:c", refPostman},
	{"list parts not strings", `new Intl.ListFormat('en').formatToParts([1])`, "E:TypeError: Iterable yielded 1 which is not a string", refPostman},
	{"duration parts", partsOf(`new Intl.DurationFormat('en').formatToParts({hours: 1, minutes: 2, seconds: 3})`), "S:integer:1@hour|literal: @hour|unit:hr@hour|literal:, |integer:2@minute|literal: @minute|unit:min@minute|literal:, |integer:3@second|literal: @second|unit:sec@second", refPostman},
	{"duration parts digital", partsOf(`new Intl.DurationFormat('en', {style: 'digital'}).formatToParts({hours: 1, minutes: 2, seconds: 3})`), "S:integer:1@hour|literal::|integer:02@minute|literal::|integer:03@second", refPostman},
	{"duration parts long", partsOf(`new Intl.DurationFormat('en', {style: 'long'}).formatToParts({days: 2, hours: 1})`), "S:integer:2@day|literal: @day|unit:days@day|literal:, |integer:1@hour|literal: @hour|unit:hour@hour", refPostman},
	{"duration parts narrow", partsOf(`new Intl.DurationFormat('en', {style: 'narrow'}).formatToParts({minutes: 1234, seconds: 5})`), "S:integer:1@minute|group:,@minute|integer:234@minute|unit:m@minute|literal: |integer:5@second|unit:s@second", refPostman},
	{"duration parts negative", partsOf(`new Intl.DurationFormat('en').formatToParts({hours: -1, minutes: -2})`), "S:minusSign:-@hour|integer:1@hour|literal: @hour|unit:hr@hour|literal:, |integer:2@minute|literal: @minute|unit:min@minute", refPostman},
	{"duration digital fraction", partsOf(`new Intl.DurationFormat('en', {style: 'digital'}).formatToParts({seconds: 5, milliseconds: 5})`), "S:integer:0@hour|literal::|integer:00@minute|literal::|integer:05@second|decimal:.@second|fraction:005@second", refPostman},
	{"duration digital forms", `(function () { var d = new Intl.DurationFormat('en', {style: 'digital'}); return [{minutes: 2}, {hours: 25}, {days: 1}, {seconds: 1, milliseconds: 500, microseconds: 1}, {hours: -1, minutes: -2}, {years: 1, months: 2, weeks: 3}, {days: 1, hours: 1, minutes: 2, seconds: 3, milliseconds: 45}].map(function (x) { return d.format(x); }).join('|'); })()`,
		"S:0:02:00|25:00:00|1 day, 0:00:00|0:00:01.500001|-1:02:00|1 yr, 2 mths, 3 wks, 0:00:00|1 day, 1:02:03.045", refPostman},
	{"duration short every unit", `new Intl.DurationFormat('en').format({years: 2, months: 1, weeks: 1, days: 3, hours: 4, minutes: 5, seconds: 6, milliseconds: 7, microseconds: 8, nanoseconds: 9})`, "S:2 yrs, 1 mth, 1 wk, 3 days, 4 hr, 5 min, 6 sec, 7 ms, 8 μs, 9 ns", refPostman},
	{"duration ms kept apart", `new Intl.DurationFormat('en').format({milliseconds: 1500, seconds: 1}) + '|' + new Intl.DurationFormat('en').format({hours: 'x'}) + '|' + new Intl.DurationFormat('en').format({hours: 0, minutes: 2})`, "S:1 sec, 1,500 ms||2 min", refPostman},
	{"duration fraction refused", `new Intl.DurationFormat('en').format({hours: 1.5})`, "E:RangeError: Invalid time value for Temporal ../deps/v8/src/objects/js-temporal-objects.cc:2593", refPostman},
	{"duration empty refused", `new Intl.DurationFormat('en', {style: 'digital'}).format({})`, "E:TypeError: Invalid argument for Temporal ../deps/v8/src/objects/js-temporal-objects.cc:7905", refPostman},
	{"duration mixed signs", `new Intl.DurationFormat('en').format({hours: 1, minutes: -1})`, "E:RangeError: Invalid object : #<Object>", refPostman},
	{"duration string", `new Intl.DurationFormat('en').format('PT1H')`, "E:RangeError: Invalid object : PT1H", refPostman},
}

func TestIntlNumberRangesAsPostman(t *testing.T)  { t.Parallel(); checkProbes(t, numberRangeCases) }
func TestIntlFormatToPartsAsPostman(t *testing.T) { t.Parallel(); checkProbes(t, formatToPartsCases) }

func localeShow(tag string) string {
	return "(function () { var l = new Intl.Locale(" + tag + "); return [String(l), l.baseName, l.calendar, l.collation, l.hourCycle, l.caseFirst, l.numeric, l.numberingSystem, l.firstDayOfWeek].map(String).join(); })()"
}

var localeInfoCases = []refCase{
	{"locale keywords from the tag", localeShow(`'en-US-u-ca-buddhist-co-emoji-hc-h11-kf-upper-kn-nu-arab-fw-fri'`), "S:en-US-u-ca-buddhist-co-emoji-fw-fri-hc-h11-kf-upper-kn-nu-arab,en-US,buddhist,emoji,h11,upper,true,arab,fri", refPostman},
	{"locale bare kn", localeShow(`'en-US-u-kn'`), "S:en-US-u-kn,en-US,undefined,undefined,undefined,undefined,true,undefined,undefined", refPostman},
	{"locale firstDayOfWeek option", localeShow(`'en-US', {firstDayOfWeek: 'mon'}`), "S:en-US-u-fw-mon,en-US,undefined,undefined,undefined,undefined,false,undefined,mon", refPostman},
	{"locale firstDayOfWeek number", localeShow(`'en-US', {firstDayOfWeek: 1}`) + " + '|' + new Intl.Locale('en-US', {firstDayOfWeek: '0'}).firstDayOfWeek + '|' + new Intl.Locale('en-US', {firstDayOfWeek: 'monday'})", "S:en-US-u-fw-mon,en-US,undefined,undefined,undefined,undefined,false,undefined,mon|sun|en-US-u-fw-monday", refPostman},
	{"locale firstDayOfWeek invalid", `new Intl.Locale('en-US', {firstDayOfWeek: 'xx'})`, "E:RangeError: Incorrect locale information provided", refPostman},
	{"locale hourCycle invalid", `new Intl.Locale('en-US', {hourCycle: 'h25'})`, "E:RangeError: Value h25 out of range for locale options property hourCycle", refPostman},
	{"locale numeric option", localeShow(`'en-US', {calendar: 'buddhist', numeric: true, caseFirst: 'lower'}`), "S:en-US-u-ca-buddhist-kf-lower-kn,en-US,buddhist,undefined,undefined,lower,true,undefined,undefined", refPostman},
	{"locale info en-US", `(function () { var L = new Intl.Locale('en-US'); return ['calendars', 'collations', 'hourCycles', 'numberingSystems', 'textInfo', 'weekInfo', 'firstDayOfWeek'].map(function (k) { return k + '=' + JSON.stringify(L[k]); }).join(' ') + ' zones=' + L.timeZones.length + ':' + L.timeZones[0] + ':' + L.timeZones[28]; })()`,
		`S:calendars=["gregory"] collations=["emoji","eor"] hourCycles=["h12"] numberingSystems=["latn"] textInfo={"direction":"ltr"} weekInfo={"firstDay":7,"weekend":[6,7]} firstDayOfWeek=undefined zones=29:America/Adak:Pacific/Honolulu`, refPostman},
	{"locale info methods de-DE", `(function () { var G = new Intl.Locale('de-DE'); return ['getCalendars', 'getCollations', 'getHourCycles', 'getNumberingSystems', 'getTextInfo', 'getTimeZones', 'getWeekInfo'].map(function (k) { return JSON.stringify(G[k]()); }).join(' '); })()`,
		`S:["gregory"] ["emoji","eor"] ["h23"] ["latn"] {"direction":"ltr"} ["Europe/Berlin","Europe/Busingen"] {"firstDay":1,"weekend":[6,7]}`, refPostman},
	{"locale info from likely subtags", `JSON.stringify(new Intl.Locale('ar-EG').getTextInfo()) + JSON.stringify(new Intl.Locale('ar').getWeekInfo()) + JSON.stringify(new Intl.Locale('ja-JP').getHourCycles()) + JSON.stringify(new Intl.Locale('fa').getWeekInfo()) + JSON.stringify(new Intl.Locale('th').getCalendars()) + JSON.stringify(new Intl.Locale('hi').getWeekInfo())`,
		`S:{"direction":"rtl"}{"firstDay":6,"weekend":[5,6]}["h23"]{"firstDay":6,"weekend":[5]}["buddhist","gregory"]{"firstDay":7,"weekend":[7]}`, refPostman},
	{"locale time zones need a region", `JSON.stringify(new Intl.Locale('en').getTimeZones()) + JSON.stringify(new Intl.Locale('en-GB').getTimeZones()) + JSON.stringify(new Intl.Locale('en-419').getTimeZones()) + new Intl.Locale('fr-CA').getTimeZones().length + new Intl.Locale('es-MX').getTimeZones().slice(0, 3)`,
		`S:undefined["Europe/London"][]23America/Bahia_Banderas,America/Cancun,America/Chihuahua`, refPostman},
	{"locale keywords answer the info", `JSON.stringify(new Intl.Locale('en-US', {calendar: 'buddhist', hourCycle: 'h23', firstDayOfWeek: 'mon'}).getCalendars()) + new Intl.Locale('en-US', {hourCycle: 'h23', firstDayOfWeek: 'mon'}) + JSON.stringify(new Intl.Locale('en-US-u-fw-tue').getWeekInfo()) + JSON.stringify(new Intl.Locale('de', {firstDayOfWeek: 'wed'}).weekInfo) + JSON.stringify(new Intl.Locale('en-US-u-hc-h11').getHourCycles()) + JSON.stringify(new Intl.Locale('en-u-co-emoji').getCollations()) + JSON.stringify(new Intl.Locale('en-u-nu-arab').getNumberingSystems()) + JSON.stringify(new Intl.Locale('en-u-ca-islamic').getCalendars())`,
		`S:["buddhist"]en-US-u-fw-mon-hc-h23{"firstDay":2,"weekend":[6,7]}{"firstDay":3,"weekend":[6,7]}["h11"]["emoji"]["arab"]["islamic"]`, refPostman},
	{"locale und and areas", `JSON.stringify(new Intl.Locale('und').getWeekInfo()) + JSON.stringify(new Intl.Locale('und').getHourCycles()) + JSON.stringify(new Intl.Locale('es-419').getWeekInfo()) + JSON.stringify(new Intl.Locale('en-001').getHourCycles())`,
		`S:{"firstDay":7,"weekend":[6,7]}["h12"]{"firstDay":1,"weekend":[6,7]}["h12"]`, refPostman},
	{"locale direction by script", `[new Intl.Locale('ar-Latn').getTextInfo(), new Intl.Locale('en-Arab').getTextInfo(), new Intl.Locale('he').textInfo, new Intl.Locale('und-Hebr').textInfo].map(function (x) { return x.direction; }).join()`, "S:ltr,rtl,rtl,rtl", refPostman},
	{"locale maximize and minimize", `[new Intl.Locale('en-US-u-ca-buddhist').maximize(), new Intl.Locale('en-Latn-US-u-hc-h12').minimize(), new Intl.Locale('zh-TW').minimize(), new Intl.Locale('zh-Hant').maximize(), new Intl.Locale('sr-Latn-RS').minimize(), new Intl.Locale('und').maximize(), new Intl.Locale('und-DE').maximize(), new Intl.Locale('en-GB').minimize(), new Intl.Locale('pt-PT').minimize(), new Intl.Locale('und-419').maximize(), new Intl.Locale('en').maximize(), new Intl.Locale('en-Latn-US').minimize()].join(' ')`,
		"S:en-Latn-US-u-ca-buddhist en-u-hc-h12 zh-TW zh-Hant-TW sr-Latn en-Latn-US de-Latn-DE en-GB pt-PT es-Latn-419 en-Latn-US en", refPostman},
	{"locale getters are fresh", `(function () { var l = new Intl.Locale('en-US'); return (l.calendars === l.calendars) + ' ' + (l.getCalendars() === l.getCalendars()) + ' ' + Intl.Locale.prototype.getWeekInfo.length + ' ' + Object.getOwnPropertyDescriptor(Intl.Locale.prototype, 'weekInfo').get.name + ' ' + JSON.stringify(Object.keys(l.getWeekInfo())); })()`, `S:false false 0 get weekInfo ["firstDay","weekend"]`, refPostman},
	{"locale receiver", `Intl.Locale.prototype.getWeekInfo.call({})`, "E:TypeError: Method Intl.Locale.prototype.getWeekInfo called on incompatible receiver #<Object>", refPostman},
	{"locale getter receiver", `Object.getOwnPropertyDescriptor(Intl.Locale.prototype, 'weekInfo').get.call({})`, "E:TypeError: Method Intl.Locale.prototype.weekInfo called on incompatible receiver #<Object>", refPostman},
	{"locale members in order", `Object.getOwnPropertyNames(Intl.Locale.prototype).join()`, "S:constructor,toString,maximize,minimize,language,script,region,baseName,calendar,caseFirst,collation,firstDayOfWeek,hourCycle,numeric,numberingSystem,calendars,collations,hourCycles,numberingSystems,textInfo,timeZones,weekInfo,getCalendars,getCollations,getHourCycles,getNumberingSystems,getTimeZones,getTextInfo,getWeekInfo", refPostman},
}

func TestIntlLocaleInfoAsPostman(t *testing.T) { t.Parallel(); checkProbes(t, localeInfoCases) }
