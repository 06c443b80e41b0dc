package scripting

import "testing"

// namedProbe is probeHarness with a name before each answer.
const namedProbe = "function p(n, f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(n + ' => ' + (typeof v === 'string' ? v : JSON.stringify(v)), () => {}); }\n"

// The Intl constructors' lengths (0, but DisplayNames 2 and Locale 1), the order of\nIntl's own members, of each constructor's (prototype before supportedLocalesOf) and\nof each prototype's (resolvedOptions first). Each want line is what Postman CLI\n1.34.0 printed for the same line.
func TestIntlShapesAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, namedProbe+`const names = ['Collator', 'DateTimeFormat', 'DisplayNames', 'DurationFormat', 'ListFormat', 'Locale', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter'];
p('L1', () => names.map(n => n + ':' + (Intl[n] ? Intl[n].length : '-')).join(' '));
p('L2', () => names.filter(n => Intl[n]).map(n => n + '{' + Object.getOwnPropertyNames(Intl[n].prototype).map(k => { const d = Object.getOwnPropertyDescriptor(Intl[n].prototype, k); return k + (typeof d.value === 'function' ? d.value.length : d.get ? 'g' : '') ; }).join(',') + '}').join(' '));
p('L3', () => Object.getOwnPropertyNames(Intl).map(k => k + (typeof Intl[k] === 'function' ? Intl[k].length : '')).join());
p('L4', () => names.filter(n => Intl[n]).map(n => n + ':' + Object.getOwnPropertyNames(Intl[n]).map(k => k + (typeof Intl[n][k] === 'function' ? Intl[n][k].length : '')).join('/')).join(' '));`, []string{
		"L1 => Collator:0 DateTimeFormat:0 DisplayNames:2 DurationFormat:0 ListFormat:0 Locale:1 NumberFormat:0 PluralRules:0 RelativeTimeFormat:0 Segmenter:0",
		"L2 => Collator{constructor0,resolvedOptions0,compareg} DateTimeFormat{constructor0,resolvedOptions0,formatToParts1,formatg,formatRange2,formatRangeToParts2} DisplayNames{constructor2,resolvedOptions0,of1} DurationFormat{constructor0,resolvedOptions0,format1,formatToParts1} ListFormat{constructor0,resolvedOptions0,format1,formatToParts1} Locale{constructor1,toString0,maximize0,minimize0,languageg,scriptg,regiong,baseNameg,calendarg,caseFirstg,collationg,firstDayOfWeekg,hourCycleg,numericg,numberingSystemg,calendarsg,collationsg,hourCyclesg,numberingSystemsg,textInfog,timeZonesg,weekInfog,getCalendars0,getCollations0,getHourCycles0,getNumberingSystems0,getTimeZones0,getTextInfo0,getWeekInfo0} NumberFormat{constructor0,resolvedOptions0,formatToParts1,formatg,formatRange2,formatRangeToParts2} PluralRules{constructor0,resolvedOptions0,select1,selectRange2} RelativeTimeFormat{constructor0,resolvedOptions0,format2,formatToParts2} Segmenter{constructor0,resolvedOptions0,segment1}",
		"L3 => getCanonicalLocales1,supportedValuesOf1,DateTimeFormat0,NumberFormat0,Collator0,PluralRules0,RelativeTimeFormat0,ListFormat0,Locale1,DisplayNames2,Segmenter0,DurationFormat0",
		"L4 => Collator:length/name/prototype/supportedLocalesOf1 DateTimeFormat:length/name/prototype/supportedLocalesOf1 DisplayNames:length/name/prototype/supportedLocalesOf1 DurationFormat:length/name/prototype/supportedLocalesOf1 ListFormat:length/name/prototype/supportedLocalesOf1 Locale:length/name/prototype NumberFormat:length/name/prototype/supportedLocalesOf1 PluralRules:length/name/prototype/supportedLocalesOf1 RelativeTimeFormat:length/name/prototype/supportedLocalesOf1 Segmenter:length/name/prototype/supportedLocalesOf1",
	})
}
