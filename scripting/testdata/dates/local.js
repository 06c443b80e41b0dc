// Local dates around daylight-saving changes and other offset changes, as
// dates_test.go runs them in several zones; the answers Postman CLI 1.34
// gave for each zone are in postman-<zone>.txt. The lines name New York,
// London, Sydney, Lord Howe (30-minute DST), Sao Paulo (midnight change),
// Apia (a skipped day), Moscow (2011, 2014) transitions.
const iso = d => isNaN(d) ? 'NaN' : d.toISOString();
const gaps = [[2021, 2, 14, 2, 0], [2021, 2, 14, 3, 0], [2021, 2, 14, 1, 59, 59, 999], [2021, 10, 7, 1, 0], [2021, 10, 7, 2, 0], [1800, 0, 1], [2050, 2, 13, 2, 30], [1918, 2, 31, 2, 30], [2021, 2, 14, 2, 30], [2021, 2, 28, 1, 30], [2021, 9, 3, 2, 30], [2021, 9, 31, 2, 30], [2021, 3, 4, 2, 30], [2021, 10, 7, 1, 30], [2018, 10, 4, 0, 30], [2018, 1, 17, 23, 30], [2011, 11, 30, 12, 0], [2011, 2, 27, 2, 30], [2014, 9, 26, 1, 30], [2021, 3, 4, 1, 45], [2021, 9, 3, 2, 15], [1995, 0, 1], [2021, 0, 1, 0, 0], [2021, 6, 1, 12, 0]];
for (const a of gaps) p(() => a.join(',') + ' ' + iso(new Date(...a)) + ' ' + String(new Date(...a).getHours()));
for (const a of gaps) p(() => { const d = new Date(a[0], a[1], a[2], 12); d.setHours(a[3] || 0, a[4] || 0); return 'setHours ' + a.join(',') + ' ' + iso(d); });
for (const a of gaps) p(() => { const d = new Date(a[0], a[1], a[2] - 1, a[3] || 0, a[4] || 0); d.setDate(a[2]); return 'setDate ' + a.join(',') + ' ' + iso(d); });
for (const a of gaps) p(() => { const d = new Date(a[0], a[1] - 1, a[2], a[3] || 0, a[4] || 0); d.setMonth(a[1]); return 'setMonth ' + a.join(',') + ' ' + iso(d); });
for (const a of gaps) p(() => { const d = new Date(a[0] - 1, a[1], a[2], a[3] || 0, a[4] || 0); d.setFullYear(a[0]); return 'setFullYear ' + a.join(',') + ' ' + iso(d); });
for (const a of gaps) p(() => { const s = String(a[0]).padStart(4, '0') + '-' + String(a[1] + 1).padStart(2, '0') + '-' + String(a[2]).padStart(2, '0') + 'T' + String(a[3] || 0).padStart(2, '0') + ':' + String(a[4] || 0).padStart(2, '0') + ':00'; return 'parse ' + s + ' ' + String(Date.parse(s)) + ' ' + String(Date.parse(s.replace('T', ' '))); });
p(() => { const d = new Date(2021, 2, 14, 1, 30); d.setMinutes(90); return 'setMinutes ' + iso(d); });
p(() => { const d = new Date(2021, 2, 14, 1, 59, 30); d.setSeconds(90); return 'setSeconds ' + iso(d); });
p(() => { const d = new Date(2021, 2, 14, 1, 59, 59, 500); d.setMilliseconds(600); return 'setMilliseconds ' + iso(d); });
p(() => { const d = new Date(NaN); return 'nan setHours ' + String(d.setHours(1)) + ' ' + String(d.setFullYear(2020)) + ' ' + iso(d); });
p(() => { const d = new Date(NaN); return 'nan setFullYear3 ' + String(d.setFullYear(2020, 5, 6)) + ' ' + iso(d); });
p(() => 'getTimezoneOffset ' + [new Date(2021, 2, 14, 2, 30), new Date(2021, 10, 7, 1, 30), new Date(2021, 10, 7, 2, 30)].map(d => d.getTimezoneOffset()).join(','));
p(() => 'UTC ' + [Date.UTC(2020), Date.UTC(), Date.UTC(99, 0), Date.UTC(2020, 13, 40, 25, 61, 61, 1001), Date.UTC(-1, 0), Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1), Date.UTC(2020.7, 0.9), Date.UTC('2020', '1')].map(String).join(','));
p(() => 'ctor ' + [new Date(99, 0), new Date(100, 0), new Date(-1, 0), new Date(2020, 0, 1, 0, 0, 0, 0.9), new Date(275760, 8, 13), new Date(275760, 8, 12, 23), new Date(2020, NaN), new Date(2020, 0, 1, Infinity), new Date('2020', '1'), new Date(true, 0), new Date(1e6, 0), new Date(1e6 + 1, 0), new Date(2020, 1e7)].map(d => isNaN(d) ? 'NaN' : String(d.getTime())).join(','));
p(() => { let log = []; const v = n => ({ valueOf() { log.push(n); return n; } }); new Date(v(2020), v(1), v(2)); const d = new Date(NaN); d.setHours(v(1), v(2)); d.setFullYear(v(2020), v(3), v(4)); return 'order ' + log.join(','); });
p(() => { class D extends Date { constructor(...a) { super(...a); this.x = new.target.name; } } const d = new D(2021, 2, 14, 2, 30); return 'sub ' + iso(d) + ' ' + (d instanceof D) + ' ' + (d instanceof Date) + ' ' + d.x + ' ' + (Object.getPrototypeOf(d) === D.prototype); });
p(() => 'reflect ' + iso(Reflect.construct(Date, [2021, 2, 14, 2, 30])) + ' ' + typeof Date() + ' ' + (Date.prototype.constructor === Date) + ' ' + Date.name + Date.length + ' ' + Date.parse.name + Date.parse.length + ' ' + Date.UTC.length + ' ' + Date.prototype.setHours.name + Date.prototype.setHours.length + Date.prototype.setFullYear.length + Date.prototype.setMonth.length + Date.prototype.setSeconds.length);
p(() => 'prim ' + [new Date({ toString() { return '2020-01-05T10:00:00z'; }, valueOf() { return {}; } }), new Date(new String('2020-01-05')), new Date({ [Symbol.toPrimitive]: h => h === 'default' ? '2020-02-05' : 0 }), new Date(new Date(5)), new Date(null), new Date(undefined), new Date(true), new Date('')].map(iso).join(','));
p(() => Date.prototype.setHours.call({}, 1));
p(() => Date.prototype.setHours.call(null, 1));
p(() => Date.parse(Symbol()));
p(() => new Date(Symbol()));
p(() => String(Date.prototype.setHours));
p(() => 'toString ' + String(new Date(2021, 2, 14, 2, 30)) + ' / ' + String(new Date(2021, 10, 7, 1, 30)));
p(() => { const d = new Date(NaN); d.setYear(2021); return 'setYear NaN ' + iso(d); });
p(() => { const d = new Date(2020, 2, 14, 2, 30); d.setYear(2021); return 'setYear ' + iso(d); });
