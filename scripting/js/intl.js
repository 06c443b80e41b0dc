// Intl for courier's sandbox, compiled on first use. Formatting is done by
// the host (intl*.go); every locale resolves to en-US, as in Postman's
// current sandbox. Returns the Intl namespace object.
(function (host) {
'use strict';
function hidden(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false }); }
function methods(proto, m) { Object.keys(m).forEach(function (k) { hidden(proto, k, m[k]); }); }
function tag(proto, name) { Object.defineProperty(proto, Symbol.toStringTag, { value: name, configurable: true }); }
function supported(locales) {
    return host.intlLocales(locales).filter(function (t) { return /^en(-|$)/i.test(t); });
}
// A bound getter, as V8's format and compare are.
function boundGetter(proto, name, make) {
    Object.defineProperty(proto, name, {
        configurable: true, enumerable: false,
        get: function () {
            var f = make(this);
            Object.defineProperty(this, name, { value: f, configurable: true, writable: true, enumerable: false });
            return f;
        }
    });
}
function handle(self, name) {
    if (!self || !Object.prototype.hasOwnProperty.call(self, '_h')) {
        throw new TypeError('Method Intl.' + name + ' called on incompatible receiver ' + String(self));
    }
    return self._h;
}
function ctor(fn) { hidden(fn, 'supportedLocalesOf', function supportedLocalesOf(locales) { return supported(locales); }); return fn; }

var NumberFormat = ctor(function NumberFormat(locales, options) {
    if (!(this instanceof NumberFormat)) { return new NumberFormat(locales, options); }
    hidden(this, '_h', host.intlNumber(locales, options));
});
boundGetter(NumberFormat.prototype, 'format', function (self) {
    var h = handle(self, 'NumberFormat.prototype.format');
    return function (x) { return host.intlNumberFormat(h, Number(x)); };
});
methods(NumberFormat.prototype, {
    formatToParts: function formatToParts(x) { return host.intlNumberParts(handle(this, 'NumberFormat.prototype.formatToParts'), Number(x)); },
    formatRange: function formatRange(a, b) { var h = handle(this, 'NumberFormat.prototype.formatRange'); return host.intlNumberFormat(h, Number(a)) + '–' + host.intlNumberFormat(h, Number(b)); },
    resolvedOptions: function resolvedOptions() { return host.intlNumberResolved(handle(this, 'NumberFormat.prototype.resolvedOptions')); }
});
tag(NumberFormat.prototype, 'Intl.NumberFormat');

function dateArg(d) { return d === undefined ? undefined : Number(d); }
var DateTimeFormat = ctor(function DateTimeFormat(locales, options) {
    if (!(this instanceof DateTimeFormat)) { return new DateTimeFormat(locales, options); }
    hidden(this, '_h', host.intlDate(locales, options));
});
boundGetter(DateTimeFormat.prototype, 'format', function (self) {
    var h = handle(self, 'DateTimeFormat.prototype.format');
    return function (d) { return host.intlDateFormat(h, dateArg(d)); };
});
methods(DateTimeFormat.prototype, {
    formatToParts: function formatToParts(d) { return host.intlDateParts(handle(this, 'DateTimeFormat.prototype.formatToParts'), dateArg(d)); },
    formatRange: function formatRange(a, b) { var h = handle(this, 'DateTimeFormat.prototype.formatRange'); var x = host.intlDateFormat(h, dateArg(a)), y = host.intlDateFormat(h, dateArg(b)); return x === y ? x : x + ' – ' + y; },
    resolvedOptions: function resolvedOptions() { return host.intlDateResolved(handle(this, 'DateTimeFormat.prototype.resolvedOptions')); }
});
tag(DateTimeFormat.prototype, 'Intl.DateTimeFormat');

var Collator = ctor(function Collator(locales, options) {
    if (!(this instanceof Collator)) { return new Collator(locales, options); }
    hidden(this, '_h', host.intlCollator(locales, options));
});
boundGetter(Collator.prototype, 'compare', function (self) {
    var h = handle(self, 'Collator.prototype.compare');
    return function (a, b) { return host.intlCompare(h, String(a), String(b)); };
});
methods(Collator.prototype, {
    resolvedOptions: function resolvedOptions() { return host.intlCollatorResolved(handle(this, 'Collator.prototype.resolvedOptions')); }
});
tag(Collator.prototype, 'Intl.Collator');

// en plural rules (CLDR): cardinal one is exactly 1 with no visible
// fraction; ordinals end in 1, 2, 3 except 11, 12, 13.
var PluralRules = ctor(function PluralRules(locales, options) {
    if (!(this instanceof PluralRules)) { throw new TypeError("Constructor Intl.PluralRules requires 'new'"); }
    host.intlLocales(locales);
    var type = options && options.type !== undefined ? String(options.type) : 'cardinal';
    if (type !== 'cardinal' && type !== 'ordinal') { throw new RangeError('Value ' + type + ' out of range for Intl.PluralRules options property type'); }
    hidden(this, '_h', { type: type, nf: host.intlNumber(undefined, options && { minimumFractionDigits: options.minimumFractionDigits, maximumFractionDigits: options.maximumFractionDigits }) });
});
methods(PluralRules.prototype, {
    select: function select(n) {
        var h = handle(this, 'PluralRules.prototype.select'); n = Number(n);
        if (h.type === 'ordinal') {
            var m10 = Math.abs(n) % 10, m100 = Math.abs(n) % 100;
            if (m10 === 1 && m100 !== 11) { return 'one'; }
            if (m10 === 2 && m100 !== 12) { return 'two'; }
            if (m10 === 3 && m100 !== 13) { return 'few'; }
            return 'other';
        }
        return host.intlNumberFormat(h.nf, Math.abs(n)) === '1' ? 'one' : 'other';
    },
    resolvedOptions: function resolvedOptions() {
        var h = handle(this, 'PluralRules.prototype.resolvedOptions');
        return { locale: 'en-US', type: h.type, minimumIntegerDigits: 1, minimumFractionDigits: 0, maximumFractionDigits: 3, pluralCategories: h.type === 'ordinal' ? ['few', 'one', 'two', 'other'] : ['one', 'other'], roundingIncrement: 1, roundingMode: 'halfExpand', roundingPriority: 'auto', trailingZeroDisplay: 'auto' };
    }
});
tag(PluralRules.prototype, 'Intl.PluralRules');

var RT_UNITS = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'];
var RT_SHORT = { year: 'yr.', quarter: 'qtr.', month: 'mo.', week: 'wk.', day: 'day', hour: 'hr.', minute: 'min.', second: 'sec.' };
var RT_SHORT_PL = { quarter: 'qtrs.', day: 'days' };
var RT_AUTO = { year: ['last year', 'this year', 'next year'], quarter: ['last quarter', 'this quarter', 'next quarter'], month: ['last month', 'this month', 'next month'], week: ['last week', 'this week', 'next week'], day: ['yesterday', 'today', 'tomorrow'], hour: [null, 'this hour', null], minute: [null, 'this minute', null], second: [null, 'now', null] };
var RelativeTimeFormat = ctor(function RelativeTimeFormat(locales, options) {
    if (!(this instanceof RelativeTimeFormat)) { throw new TypeError("Constructor Intl.RelativeTimeFormat requires 'new'"); }
    host.intlLocales(locales);
    var o = options || {};
    var style = o.style === undefined ? 'long' : String(o.style), numeric = o.numeric === undefined ? 'always' : String(o.numeric);
    if (['long', 'short', 'narrow'].indexOf(style) < 0) { throw new RangeError('Value ' + style + ' out of range for Intl.RelativeTimeFormat options property style'); }
    if (['always', 'auto'].indexOf(numeric) < 0) { throw new RangeError('Value ' + numeric + ' out of range for Intl.RelativeTimeFormat options property numeric'); }
    hidden(this, '_h', { style: style, numeric: numeric, nf: host.intlNumber() });
});
methods(RelativeTimeFormat.prototype, {
    format: function format(value, unit) {
        var h = handle(this, 'RelativeTimeFormat.prototype.format');
        var v = Number(value), u = String(unit).replace(/s$/, '');
        if (RT_UNITS.indexOf(u) < 0) { throw new RangeError('Invalid unit argument for format() \'' + unit + '\''); }
        if (!isFinite(v)) { throw new RangeError('Invalid time value'); }
        if (h.numeric === 'auto' && (v === -1 || v === 0 || v === 1) && RT_AUTO[u][v + 1]) { return RT_AUTO[u][v + 1]; }
        var abs = host.intlNumberFormat(h.nf, Math.abs(v)), name;
        if (h.style === 'long') { name = abs === '1' ? u : u + 's'; } else { name = abs !== '1' && RT_SHORT_PL[u] ? RT_SHORT_PL[u] : RT_SHORT[u]; }
        return (v < 0 || Object.is(v, -0)) ? abs + ' ' + name + ' ago' : 'in ' + abs + ' ' + name;
    },
    resolvedOptions: function resolvedOptions() { var h = handle(this, 'RelativeTimeFormat.prototype.resolvedOptions'); return { locale: 'en-US', style: h.style, numeric: h.numeric, numberingSystem: 'latn' }; }
});
tag(RelativeTimeFormat.prototype, 'Intl.RelativeTimeFormat');

var ListFormat = ctor(function ListFormat(locales, options) {
    if (!(this instanceof ListFormat)) { throw new TypeError("Constructor Intl.ListFormat requires 'new'"); }
    host.intlLocales(locales);
    var o = options || {};
    var type = o.type === undefined ? 'conjunction' : String(o.type), style = o.style === undefined ? 'long' : String(o.style);
    if (['conjunction', 'disjunction', 'unit'].indexOf(type) < 0) { throw new RangeError('Value ' + type + ' out of range for Intl.ListFormat options property type'); }
    hidden(this, '_h', { type: type, style: style });
});
methods(ListFormat.prototype, {
    format: function format(list) {
        var h = handle(this, 'ListFormat.prototype.format');
        var a = [];
        if (list !== undefined) { for (var x of list) { if (typeof x !== 'string') { throw new TypeError('Iterable yielded ' + String(x) + ' which is not a string'); } a.push(x); } }
        if (a.length < 2) { return a.join(''); }
        var word = h.type === 'conjunction' ? (h.style === 'long' ? 'and' : '&') : h.type === 'disjunction' ? 'or' : null;
        if (word === null) { return h.style === 'narrow' ? a.join(' ') : a.join(', '); }
        if (a.length === 2) { return a[0] + ' ' + word + ' ' + a[1]; }
        return a.slice(0, -1).join(', ') + ', ' + word + ' ' + a[a.length - 1];
    },
    resolvedOptions: function resolvedOptions() { var h = handle(this, 'ListFormat.prototype.resolvedOptions'); return { locale: 'en-US', type: h.type, style: h.style }; }
});
tag(ListFormat.prototype, 'Intl.ListFormat');

// Segmenter: graphemes are approximated by code points (no ICU break
// data); words and sentences split on whitespace and sentence ends.
var Segmenter = ctor(function Segmenter(locales, options) {
    if (!(this instanceof Segmenter)) { throw new TypeError("Constructor Intl.Segmenter requires 'new'"); }
    host.intlLocales(locales);
    var g = options && options.granularity !== undefined ? String(options.granularity) : 'grapheme';
    if (['grapheme', 'word', 'sentence'].indexOf(g) < 0) { throw new RangeError('Value ' + g + ' out of range for Intl.Segmenter options property granularity'); }
    hidden(this, '_h', g);
});
methods(Segmenter.prototype, {
    segment: function segment(input) {
        var g = handle(this, 'Segmenter.prototype.segment'), s = String(input), out = [], re;
        if (g === 'grapheme') { re = /[\s\S](?:[\u0300-\u036f\ufe0f\u200d][\s\S]?)*/gu; } else if (g === 'word') { re = /[A-Za-z0-9_'\u00c0-\uffff]+|\s+|[^A-Za-z0-9_'\u00c0-\uffff\s]/g; } else { re = /[^.!?]+(?:[.!?]+\s*|$)/g; }
        var m;
        while ((m = re.exec(s)) !== null) {
            var seg = { segment: m[0], index: m.index, input: s };
            if (g === 'word') { seg.isWordLike = /[A-Za-z0-9\u00c0-\uffff]/.test(m[0]); }
            out.push(seg);
        }
        var res = { containing: function (i) { i = Number(i) || 0; return out.find(function (x) { return i >= x.index && i < x.index + x.segment.length; }); } };
        res[Symbol.iterator] = function () { return out[Symbol.iterator](); };
        return res;
    },
    resolvedOptions: function resolvedOptions() { return { locale: 'en-US', granularity: handle(this, 'Segmenter.prototype.resolvedOptions') }; }
});
tag(Segmenter.prototype, 'Intl.Segmenter');

// Intl.Locale: the parts of a tag, without likely-subtag data.
var Locale = function Locale(tag, options) {
    if (!(this instanceof Locale)) { throw new TypeError("Constructor Intl.Locale requires 'new'"); }
    if (typeof tag !== 'string' && !(tag instanceof Locale)) { throw new TypeError('First argument to Intl.Locale constructor can\'t be empty or missing'); }
    var t = host.intlLocales(String(tag))[0], parts = t.split('-u-'), base = parts[0].split('-'), o = options || {};
    var lang = base[0], script, region;
    base.slice(1).forEach(function (p) { if (/^[A-Za-z]{4}$/.test(p)) { script = p; } else if (/^([A-Za-z]{2}|\d{3})$/.test(p)) { region = p; } });
    if (o.language !== undefined) { lang = String(o.language); }
    if (o.script !== undefined) { script = String(o.script); }
    if (o.region !== undefined) { region = String(o.region); }
    var h = { language: lang, script: script, region: region };
    ['calendar', 'collation', 'hourCycle', 'caseFirst', 'numberingSystem'].forEach(function (k) { if (o[k] !== undefined) { h[k] = String(o[k]); } });
    if (o.numeric !== undefined) { h.numeric = !!o.numeric; }
    hidden(this, '_h', h);
};
function localeBase(h) { return [h.language, h.script, h.region].filter(Boolean).join('-'); }
['language', 'script', 'region', 'calendar', 'collation', 'hourCycle', 'caseFirst', 'numberingSystem'].forEach(function (k) {
    Object.defineProperty(Locale.prototype, k, { configurable: true, get: function () { return handle(this, 'Locale.prototype.' + k)[k]; } });
});
Object.defineProperty(Locale.prototype, 'numeric', { configurable: true, get: function () { return !!handle(this, 'Locale.prototype.numeric').numeric; } });
Object.defineProperty(Locale.prototype, 'baseName', { configurable: true, get: function () { return localeBase(handle(this, 'Locale.prototype.baseName')); } });
methods(Locale.prototype, {
    toString: function toString() {
        var h = handle(this, 'Locale.prototype.toString'), ext = [];
        var keys = { calendar: 'ca', caseFirst: 'kf', collation: 'co', hourCycle: 'hc', numeric: 'kn', numberingSystem: 'nu' };
        Object.keys(keys).sort(function (a, b) { return keys[a] < keys[b] ? -1 : 1; }).forEach(function (k) { if (h[k] !== undefined) { ext.push(keys[k], String(h[k])); } });
        return localeBase(h) + (ext.length ? '-u-' + ext.join('-') : '');
    },
    maximize: function maximize() { return new Locale(this.toString()); },
    minimize: function minimize() { return new Locale(this.toString()); }
});
tag(Locale.prototype, 'Intl.Locale');

// Intl.DisplayNames, as the current sandbox answers with its English-only
// data: currency and calendar names, while regions, languages and scripts
// come back as codes ('en (US)'); unknown codes follow fallback.
var DN = {
    region: {}, language: {}, script: {},
    regionNames: { US: 'United States', GB: 'United Kingdom', DE: 'Germany', FR: 'France', ES: 'Spain', IT: 'Italy', NL: 'Netherlands', CA: 'Canada', MX: 'Mexico', BR: 'Brazil', IN: 'India', CN: 'China', JP: 'Japan', KR: 'South Korea', AU: 'Australia', NZ: 'New Zealand', IE: 'Ireland', CH: 'Switzerland', AT: 'Austria', BE: 'Belgium', SE: 'Sweden', NO: 'Norway', DK: 'Denmark', FI: 'Finland', PL: 'Poland', PT: 'Portugal', RU: 'Russia', UA: 'Ukraine', TR: 'Türkiye', IL: 'Israel', AE: 'United Arab Emirates', SA: 'Saudi Arabia', ZA: 'South Africa', NG: 'Nigeria', EG: 'Egypt', AR: 'Argentina', CL: 'Chile', CO: 'Colombia', SG: 'Singapore', HK: 'Hong Kong SAR China', TW: 'Taiwan', ID: 'Indonesia', TH: 'Thailand', VN: 'Vietnam', PH: 'Philippines', '001': 'world', '150': 'Europe', '419': 'Latin America' },
    languageNames: { en: 'English', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', pt: 'Portuguese', nl: 'Dutch', ru: 'Russian', zh: 'Chinese', ja: 'Japanese', ko: 'Korean', ar: 'Arabic', hi: 'Hindi', sv: 'Swedish', no: 'Norwegian', nb: 'Norwegian Bokmål', da: 'Danish', fi: 'Finnish', pl: 'Polish', tr: 'Turkish', uk: 'Ukrainian', he: 'Hebrew', el: 'Greek', cs: 'Czech', hu: 'Hungarian', ro: 'Romanian', th: 'Thai', vi: 'Vietnamese', id: 'Indonesian', 'en-US': 'American English', 'en-GB': 'British English', 'en-AU': 'Australian English', 'en-CA': 'Canadian English', 'es-MX': 'Mexican Spanish', 'fr-CA': 'Canadian French', 'pt-BR': 'Brazilian Portuguese', 'pt-PT': 'European Portuguese', 'zh-Hans': 'Simplified Chinese', 'zh-Hant': 'Traditional Chinese' },
    scriptNames: { Latn: 'Latin', Cyrl: 'Cyrillic', Arab: 'Arabic', Grek: 'Greek', Hans: 'Simplified Han', Hant: 'Traditional Han', Jpan: 'Japanese', Kore: 'Korean', Hebr: 'Hebrew', Deva: 'Devanagari' },
    currency: { USD: 'US Dollar', EUR: 'Euro', GBP: 'British Pound', JPY: 'Japanese Yen', CNY: 'Chinese Yuan', INR: 'Indian Rupee', CAD: 'Canadian Dollar', AUD: 'Australian Dollar', CHF: 'Swiss Franc', MXN: 'Mexican Peso', BRL: 'Brazilian Real', KRW: 'South Korean Won', SEK: 'Swedish Krona', NOK: 'Norwegian Krone', DKK: 'Danish Krone', PLN: 'Polish Zloty', RUB: 'Russian Ruble', ZAR: 'South African Rand', SGD: 'Singapore Dollar', HKD: 'Hong Kong Dollar', NZD: 'New Zealand Dollar' },
    calendar: { gregory: 'Gregorian Calendar', buddhist: 'Buddhist Calendar', chinese: 'Chinese Calendar', hebrew: 'Hebrew Calendar', islamic: 'Hijri Calendar', japanese: 'Japanese Calendar', iso8601: 'ISO-8601 Calendar' },
    dateTimeField: { era: 'era', year: 'year', quarter: 'quarter', month: 'month', weekOfYear: 'week', weekday: 'day of the week', day: 'day', dayPeriod: 'AM/PM', hour: 'hour', minute: 'minute', second: 'second', timeZoneName: 'time zone' }
};
var DisplayNames = ctor(function DisplayNames(locales, options) {
    if (!(this instanceof DisplayNames)) { throw new TypeError("Constructor Intl.DisplayNames requires 'new'"); }
    host.intlLocales(locales);
    var o = options || {}, type = o.type === undefined ? undefined : String(o.type);
    if (type === undefined) { throw new TypeError('Required option "type" is missing'); }
    if (!DN[type]) { throw new RangeError('Value ' + type + ' out of range for Intl.DisplayNames options property type'); }
    hidden(this, '_h', { type: type, style: o.style === undefined ? 'long' : String(o.style), fallback: o.fallback === undefined ? 'code' : String(o.fallback), languageDisplay: type === 'language' ? (o.languageDisplay === undefined ? 'dialect' : String(o.languageDisplay)) : undefined });
});
methods(DisplayNames.prototype, {
    of: function of(code) {
        var h = handle(this, 'DisplayNames.prototype.of'), c = String(code), t = DN[h.type];
        if (h.type === 'region') { c = c.toUpperCase(); } else if (h.type === 'currency') { c = c.toUpperCase(); } else if (h.type === 'script') { c = c.charAt(0).toUpperCase() + c.slice(1).toLowerCase(); }
        if (Object.prototype.hasOwnProperty.call(t, c)) { return t[c]; }
        if (h.type === 'language') {
            var p = host.intlLocales(c)[0].split('-');
            return p[0] + (p.length > 1 ? ' (' + p.slice(1).join(', ') + ')' : '');
        }
        if (h.type === 'region' || h.type === 'script') { return c; }
        return h.fallback === 'none' ? undefined : c;
    },
    resolvedOptions: function resolvedOptions() { var h = handle(this, 'DisplayNames.prototype.resolvedOptions'), r = { locale: 'en-US', style: h.style, type: h.type, fallback: h.fallback }; if (h.languageDisplay) { r.languageDisplay = h.languageDisplay; } return r; }
});
tag(DisplayNames.prototype, 'Intl.DisplayNames');

// Intl.DurationFormat, en: long "1 hour, 2 minutes", short "1 hr, 2 min",
// narrow "1h 2m", digital "1:02:03".
var DUR = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'nanoseconds'];
var DUR_UNIT = { years: 'year', months: 'month', weeks: 'week', days: 'day', hours: 'hour', minutes: 'minute', seconds: 'second', milliseconds: 'millisecond', microseconds: 'microsecond', nanoseconds: 'nanosecond' };
var DurationFormat = ctor(function DurationFormat(locales, options) {
    if (!(this instanceof DurationFormat)) { throw new TypeError("Constructor Intl.DurationFormat requires 'new'"); }
    host.intlLocales(locales);
    var style = options && options.style !== undefined ? String(options.style) : 'short';
    if (['long', 'short', 'narrow', 'digital'].indexOf(style) < 0) { throw new RangeError('Value ' + style + ' out of range for Intl.DurationFormat options property style'); }
    hidden(this, '_h', { style: style, nf: {} });
});
methods(DurationFormat.prototype, {
    format: function format(d) {
        var h = handle(this, 'DurationFormat.prototype.format');
        if (d === null || typeof d !== 'object') { throw new TypeError('Invalid duration'); }
        var nf = h.nf, out = [];
        function unitFmt(u) { var k = DUR_UNIT[u]; return nf[k] || (nf[k] = host.intlNumber(undefined, { style: 'unit', unit: k, unitDisplay: h.style === 'digital' ? 'short' : h.style })); }
        var units = h.style === 'digital' ? ['years', 'months', 'weeks', 'days'] : DUR;
        units.forEach(function (u) { var v = Number(d[u] || 0); if (v) { out.push(host.intlNumberFormat(unitFmt(u), v)); } });
        if (h.style === 'digital') {
            var two = function (n) { n = Math.abs(Number(n || 0)); return n < 10 ? '0' + n : String(n); };
            out.push(Math.abs(Number(d.hours || 0)) + ':' + two(d.minutes) + ':' + two(d.seconds));
            return out.join(', ');
        }
        if (h.style === 'narrow') { return out.join(' '); }
        return out.join(', ');
    },
    resolvedOptions: function resolvedOptions() { return { locale: 'en-US', numberingSystem: 'latn', style: handle(this, 'DurationFormat.prototype.resolvedOptions').style }; }
});
tag(DurationFormat.prototype, 'Intl.DurationFormat');

var Intl = {};
[['NumberFormat', NumberFormat], ['DateTimeFormat', DateTimeFormat], ['Collator', Collator], ['PluralRules', PluralRules],
    ['RelativeTimeFormat', RelativeTimeFormat], ['ListFormat', ListFormat], ['Segmenter', Segmenter], ['Locale', Locale],
    ['DisplayNames', DisplayNames], ['DurationFormat', DurationFormat]].forEach(function (p) { hidden(Intl, p[0], p[1]); });
// Method shorthand: V8's two functions have no prototype property.
var intlStatics = {
    getCanonicalLocales(locales) { return host.intlLocales(locales); },
    supportedValuesOf(key) {
        var v = { calendar: ['gregory'], collation: ['default'], currency: ['EUR', 'GBP', 'JPY', 'USD'], numberingSystem: ['latn'], timeZone: ['UTC'], unit: ['byte', 'day', 'hour', 'kilometer', 'meter', 'minute', 'month', 'percent', 'second', 'week', 'year'] }[key];
        if (!v) { throw new RangeError('Invalid key : ' + key); }
        return v.slice();
    }
};
hidden(Intl, 'getCanonicalLocales', intlStatics.getCanonicalLocales);
hidden(Intl, 'supportedValuesOf', intlStatics.supportedValuesOf);
tag(Intl, 'Intl');
return Intl;
})
