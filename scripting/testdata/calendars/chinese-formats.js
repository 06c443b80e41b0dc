const d1 = Date.UTC(2023, 2, 22, 13, 4, 5), d2 = Date.UTC(2023, 11, 6, 9, 0, 0);
const opts = [{}, {year: 'numeric'}, {year: '2-digit'}, {month: 'numeric'}, {month: '2-digit'}, {month: 'short'}, {month: 'long'}, {month: 'narrow'}, {day: 'numeric'}, {day: '2-digit'},
 {year: 'numeric', month: 'numeric'}, {year: 'numeric', month: 'short'}, {year: 'numeric', month: 'long'}, {month: 'long', day: 'numeric'}, {month: 'short', day: 'numeric'}, {month: 'numeric', day: 'numeric'},
 {year: 'numeric', month: 'numeric', day: 'numeric'}, {year: 'numeric', month: '2-digit', day: '2-digit'}, {year: 'numeric', month: 'short', day: 'numeric'}, {year: 'numeric', month: 'long', day: 'numeric', weekday: 'long'},
 {year: 'numeric', month: 'short', day: 'numeric', weekday: 'short'}, {weekday: 'long'}, {year: 'numeric', era: 'short'}, {year: 'numeric', month: 'long', day: 'numeric', era: 'long'}, {era: 'short'},
 {dateStyle: 'short', timeStyle: 'short'}, {dateStyle: 'full', timeStyle: 'long'}, {year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit'}, {hour: 'numeric'},
 {year: 'numeric', month: 'narrow', day: 'numeric'}, {month: 'long', year: '2-digit'}];
const out = [];
for (const cal of ['chinese', 'dangi']) for (const o of opts) for (const d of [d1, d2]) {
  let s;
  try { s = new Intl.DateTimeFormat('en-US', Object.assign({calendar: cal, timeZone: 'UTC'}, o)).format(d); } catch (e) { s = 'E:' + e.message; }
  pm.test(cal + ' ' + JSON.stringify(o) + ' => ' + s, () => {});
}
pm.test('toLocaleString ' + new Date(d1).toLocaleString('en-US-u-ca-chinese', {timeZone: 'UTC'}), () => {});
pm.test('parts ' + JSON.stringify(new Intl.DateTimeFormat('en-US', {calendar: 'chinese', timeZone: 'UTC', dateStyle: 'full'}).formatToParts(d1)), () => {});
pm.test('parts2 ' + JSON.stringify(new Intl.DateTimeFormat('en-US', {calendar: 'chinese', timeZone: 'UTC', year: '2-digit', month: 'short'}).formatToParts(d1)), () => {});
pm.test('ro ' + JSON.stringify(new Intl.DateTimeFormat('en-US', {calendar: 'chinese', timeZone: 'UTC', dateStyle: 'medium'}).resolvedOptions()), () => {});
pm.test('range ' + new Intl.DateTimeFormat('en-US', {calendar: 'chinese', timeZone: 'UTC'}).formatRange(d1, d2), () => {});
