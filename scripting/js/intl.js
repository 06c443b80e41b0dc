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
// receiver names a value as V8's messages do: #<Object> for objects.
function receiver(v) {
    if (v !== null && (typeof v === 'object' || typeof v === 'function')) {
        var c = v.constructor;
        return '#<' + (typeof c === 'function' && c.name ? c.name : 'Object') + '>';
    }
    return String(v);
}
function handle(self, name) {
    if (!self || !Object.prototype.hasOwnProperty.call(self, '_h')) {
        throw new TypeError('Method Intl.' + name + ' called on incompatible receiver ' + receiver(self));
    }
    return self._h;
}
// V8's constructors list prototype before supportedLocalesOf (goja makes a
// function's prototype when it is first read, and lists it then).
// matcher checks the localeMatcher option, which every Intl constructor
// (and supportedLocalesOf) reads first, as V8 words the refusal.
function matcher(o, name) {
    var m = o === undefined || o === null ? undefined : Object(o).localeMatcher;
    if (m !== undefined && (m = String(m)) !== 'lookup' && m !== 'best fit') { throw new RangeError('Value ' + m + ' out of range for Intl.' + name + ' options property localeMatcher'); }
}
function ctor(fn) { void fn.prototype; hidden(fn, 'supportedLocalesOf', function supportedLocalesOf(locales) { var l = supported(locales); matcher(arguments[1], fn.name + '.supportedLocalesOf'); return l; }); return fn; }

var NumberFormat = ctor(function NumberFormat(locales, options) {
    if (!(this instanceof NumberFormat)) { return new NumberFormat(locales, options); }
    hidden(this, '_h', host.intlNumber(locales, options));
});
boundGetter(NumberFormat.prototype, 'format', function (self) {
    var h = handle(self, 'NumberFormat.prototype.format');
    return function (x) { return host.intlNumberFormat(h, mathValue(x)); };
});
methods(NumberFormat.prototype, {
    formatToParts: function formatToParts(x) { return host.intlNumberParts(handle(this, 'NumberFormat.prototype.formatToParts'), mathValue(x)); },
    formatRange: function formatRange(a, b) { return numberRange(handle(this, 'NumberFormat.prototype.formatRange'), a, b).map(function (p) { return p.value; }).join(''); },
    formatRangeToParts: function formatRangeToParts(a, b) { return numberRange(handle(this, 'NumberFormat.prototype.formatRangeToParts'), a, b); },
    resolvedOptions: function resolvedOptions() { return host.intlNumberResolved(handle(this, 'NumberFormat.prototype.resolvedOptions')); }
});
tag(NumberFormat.prototype, 'Intl.NumberFormat');

// mathValue is what NumberFormat formats (ToIntlMathematicalValue): the
// value taken to a primitive (hint number); a BigInt or a string goes to
// the host as it is (read exactly there), the rest as a Number.
function isObject(x) { return x !== null && (typeof x === 'object' || typeof x === 'function'); }
function mathValue(x) {
    if (isObject(x)) {
        var ex = x[Symbol.toPrimitive], p;
        if (ex !== undefined && ex !== null) {
            p = ex.call(x, 'number');
            if (isObject(p)) { throw new TypeError('Cannot convert object to primitive value'); }
            x = p;
        } else {
            x = ordinaryPrimitive(x);
        }
    }
    return typeof x === 'bigint' || typeof x === 'string' ? x : Number(x);
}
function ordinaryPrimitive(x) {
    var order = ['valueOf', 'toString'];
    for (var i = 0; i < order.length; i++) {
        var f = x[order[i]];
        if (typeof f === 'function') {
            var p = f.call(x);
            if (!isObject(p)) { return p; }
        }
    }
    throw new TypeError('Cannot convert object to primitive value');
}

// numberRange is ICU's number range formatter as V8 sets it up (collapse
// auto, identity fallback approximately). Each side splits into the number
// and its modifiers: inner (the exponent), middle (signs, currency symbol,
// percent, compact suffix) and outer (unit, currency name). Outer
// modifiers always collapse; middle ones when equal and longer than one
// code point; separators get spaces when a modifier is repeated.
var NUM_CORE = { integer: 1, group: 1, decimal: 1, fraction: 1, nan: 1, infinity: 1 };
var NUM_INNER = { exponentSeparator: 1, exponentMinusSign: 1, exponentInteger: 1 };
function rangeEnds(a, b, names) {
    if (a === undefined) { throw new TypeError('Invalid ' + names[0] + ' : undefined'); }
    if (b === undefined) { throw new TypeError('Invalid ' + names[1] + ' : undefined'); }
    var x = mathValue(a), y = mathValue(b);
    if (isNaNValue(x)) { throw new RangeError('Invalid ' + names[0] + ' : ' + String(a)); }
    if (isNaNValue(y)) { throw new RangeError('Invalid ' + names[1] + ' : ' + String(b)); }
    return [x, y];
}
function isNaNValue(v) { return typeof v === 'bigint' ? false : Number(v) !== Number(v); }
function splitNumber(ps, nameCurrency) {
    var first = -1, last = -1, i;
    for (i = 0; i < ps.length; i++) { if (NUM_CORE[ps[i].type]) { if (first < 0) { first = i; } last = i; } }
    var r = { outPre: [], midPre: [], core: ps.slice(first, last + 1), inner: [], midSuf: [], outSuf: [] };
    function outer(p) { return (p.type === 'unit' && p.value !== '%') || (p.type === 'currency' && nameCurrency); }
    var pre = ps.slice(0, first), cls = null;
    for (i = 0; i < pre.length; i++) {
        if (pre[i].type !== 'literal') { cls = outer(pre[i]); } else if (cls === null) { cls = pre.slice(i).some(function (p) { return p.type !== 'literal' && outer(p); }); }
        (cls ? r.outPre : r.midPre).push(pre[i]);
    }
    var suf = ps.slice(last + 1);
    while (suf.length && NUM_INNER[suf[0].type]) { r.inner.push(suf.shift()); }
    for (i = 0; i < suf.length; i++) {
        var p = suf[i], o;
        if (p.type !== 'literal') { o = outer(p); } else {
            var next = suf.slice(i + 1).filter(function (q) { return q.type !== 'literal'; })[0];
            o = next ? outer(next) : cls === true;
        }
        cls = o;
        (o ? r.outSuf : r.midSuf).push(p);
    }
    return r;
}
function partsText(ps) { return ps.map(function (p) { return p.value; }).join(''); }
function numberRange(h, a, b) {
    var xy = rangeEnds(a, b, ['start', 'end']), x = xy[0], y = xy[1];
    var nameCurrency = host.intlNumberResolved(h).currencyDisplay === 'name';
    var pa = host.intlNumberParts(h, x), pb = host.intlNumberParts(h, y);
    var A = splitNumber(pa, nameCurrency), B = splitNumber(pb, nameCurrency), out = [];
    function add(ps, src) { ps.forEach(function (p) { out.push({ type: p.type, value: p.value, src: src }); }); }
    if (partsText(pa) === partsText(pb)) {
        add(A.outPre, 0);
        var lead = A.midPre.length && A.midPre[0].value === '(' ? 1 : 0;
        add(A.midPre.slice(0, lead), 0);
        out.push({ type: 'approximatelySign', value: '~', src: 0 });
        add(A.midPre.slice(lead), 0); add(A.core, 0); add(A.inner, 0); add(A.midSuf, 0); add(A.outSuf, 0);
        return rangeOutput(out, null, null);
    }
    var midA = partsText(A.midPre) + '\u0000' + partsText(A.midSuf), midB = partsText(B.midPre) + '\u0000' + partsText(B.midSuf);
    var collapseMid = midA === midB && Array.from(midA).length - 1 > 1;
    var spaced = A.inner.length > 0 || (!collapseMid && (A.midPre.length + A.midSuf.length) > 0);
    // The collapsed outer modifier takes the plural of the range: in
    // English, always 'other'.
    var outer = (A.outPre.length || A.outSuf.length) ? splitNumber(host.intlNumberParts(h, 2), nameCurrency) : A;
    add(outer.outPre, 0);
    if (collapseMid) { add(A.midPre, 0); }
    var s0 = out.length;
    if (!collapseMid) { add(A.midPre, 1); }
    add(A.core, 1); add(A.inner, 1);
    if (!collapseMid) { add(A.midSuf, 1); }
    var s1 = out.length;
    out.push({ type: 'literal', value: spaced ? ' – ' : '–', src: 0 });
    var e0 = out.length;
    if (!collapseMid) { add(B.midPre, 2); }
    add(B.core, 2); add(B.inner, 2);
    if (!collapseMid) { add(B.midSuf, 2); }
    var e1 = out.length;
    if (collapseMid) { add(A.midSuf, 0); }
    add(outer.outSuf, 0);
    // ICU counts a collapsed prefix without the currency spacing it
    // inserted (USD 1.00), so both spans start one character early.
    var shift = collapseMid && A.midPre.length && A.midPre[A.midPre.length - 1].value === '\u00a0' ? -1 : 0;
    return rangeOutput(out, [s0, s1, shift], [e0, e1, shift]);
}
// rangeOutput merges neighbouring literals and names each part's source
// as V8 does: startRange or endRange when the part lies inside that span.
function rangeOutput(ps, sa, sb) {
    var pos = [0];
    ps.forEach(function (p, i) { pos[i + 1] = pos[i] + p.value.length; });
    function span(s) { return s ? [pos[s[0]] + s[2], pos[s[1]] + s[2]] : [-1, -1]; }
    var S = span(sa), E = span(sb), merged = [];
    ps.forEach(function (p, i) {
        var last = merged[merged.length - 1];
        if (last && p.type === 'literal' && last.type === 'literal') { last.value += p.value; last.end = pos[i + 1]; return; }
        merged.push({ type: p.type, value: p.value, begin: pos[i], end: pos[i + 1] });
    });
    return merged.map(function (p) {
        var src = p.begin >= S[0] && p.end <= S[1] ? 'startRange' : p.begin >= E[0] && p.end <= E[1] ? 'endRange' : 'shared';
        return { type: p.type, value: p.value, source: src };
    });
}

function dateArg(d) { return d === undefined ? undefined : Number(d); }
function dateRange(h, a, b) {
    if (a === undefined || b === undefined) { throw new TypeError('Invalid time value'); }
    return host.intlDateParts(h, Number(a), Number(b));
}
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
    formatRange: function formatRange(a, b) { return partsText(dateRange(handle(this, 'DateTimeFormat.prototype.formatRange'), a, b)); },
    formatRangeToParts: function formatRangeToParts(a, b) { return dateRange(handle(this, 'DateTimeFormat.prototype.formatRangeToParts'), a, b); },
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
// Intl.PluralRules: every language's rules, as Postman's runtime has them
// (intl_plural.go); numbers are rounded by the digit options first.
var PLURAL_DIGITS = ['minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits', 'maximumSignificantDigits', 'roundingIncrement', 'roundingMode', 'roundingPriority', 'trailingZeroDisplay'];
var PluralRules = ctor(function PluralRules(locales, options) {
    if (!(this instanceof PluralRules)) { throw new TypeError("Constructor Intl.PluralRules requires 'new'"); }
    var locale = host.intlLocales('pluralLocale', locales);
    var o = options === undefined ? {} : Object(options);
    matcher(o, 'PluralRules');
    var type = o.type !== undefined ? String(o.type) : 'cardinal';
    if (type !== 'cardinal' && type !== 'ordinal') { throw new RangeError('Value ' + type + ' out of range for Intl.PluralRules options property type'); }
    var digits = { useGrouping: false };
    PLURAL_DIGITS.forEach(function (k) { if (o[k] !== undefined) { digits[k] = o[k]; } });
    hidden(this, '_h', { locale: locale, type: type, nf: host.intlNumber(undefined, digits) });
});
function pluralOf(h, n) { return host.intlLocales('plural', h.locale, h.type, host.intlNumberFormat(h.nf, Math.abs(+n))); }
methods(PluralRules.prototype, {
    select: function select(n) { return pluralOf(handle(this, 'PluralRules.prototype.select'), n); },
    // The range's category is CLDR's plural range of its ends' categories.
    selectRange: function selectRange(a, b) {
        var h = handle(this, 'PluralRules.prototype.selectRange'), xy = rangeEnds(a, b, ['startRange', 'endRange']);
        if (h.type === 'ordinal') { return 'other'; }
        return host.intlLocales('pluralRange', h.locale, pluralOf(h, xy[0]), pluralOf(h, xy[1]));
    },
    resolvedOptions: function resolvedOptions() {
        var h = handle(this, 'PluralRules.prototype.resolvedOptions'), n = host.intlNumberResolved(h.nf);
        var r = { locale: h.locale, type: h.type };
        ['minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits', 'maximumSignificantDigits'].forEach(function (k) { if (n[k] !== undefined) { r[k] = n[k]; } });
        r.pluralCategories = host.intlLocales('pluralCategories', h.locale, h.type);
        ['roundingIncrement', 'roundingMode', 'roundingPriority', 'trailingZeroDisplay'].forEach(function (k) { r[k] = n[k]; });
        return r;
    }
});
tag(PluralRules.prototype, 'Intl.PluralRules');

// English relative time (CLDR, as ICU prints it): unit names per style
// and plural, and the words numeric 'auto' uses for -1, 0 and 1.
var RT_UNITS = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'];
var RT_NAMES = {
    long: { year: [' year', ' years'], quarter: [' quarter', ' quarters'], month: [' month', ' months'], week: [' week', ' weeks'], day: [' day', ' days'], hour: [' hour', ' hours'], minute: [' minute', ' minutes'], second: [' second', ' seconds'] },
    short: { year: [' yr.'], quarter: [' qtr.', ' qtrs.'], month: [' mo.'], week: [' wk.'], day: [' day', ' days'], hour: [' hr.'], minute: [' min.'], second: [' sec.'] },
    narrow: { year: ['y'], quarter: ['q'], month: ['mo'], week: ['w'], day: ['d'], hour: ['h'], minute: ['m'], second: ['s'] }
};
var RT_AUTO_LONG = { year: ['last year', 'this year', 'next year'], quarter: ['last quarter', 'this quarter', 'next quarter'], month: ['last month', 'this month', 'next month'], week: ['last week', 'this week', 'next week'], day: ['yesterday', 'today', 'tomorrow'], hour: [null, 'this hour', null], minute: [null, 'this minute', null], second: [null, 'now', null] };
var RT_AUTO_SHORT = { year: ['last yr.', 'this yr.', 'next yr.'], quarter: ['last qtr.', 'this qtr.', 'next qtr.'], month: ['last mo.', 'this mo.', 'next mo.'], week: ['last wk.', 'this wk.', 'next wk.'], day: RT_AUTO_LONG.day, hour: RT_AUTO_LONG.hour, minute: RT_AUTO_LONG.minute, second: RT_AUTO_LONG.second };
var RelativeTimeFormat = ctor(function RelativeTimeFormat(locales, options) {
    if (!(this instanceof RelativeTimeFormat)) { throw new TypeError("Constructor Intl.RelativeTimeFormat requires 'new'"); }
    var locale = host.intlLocales('resolve', locales, 'nu');
    var o = options || {};
    matcher(o, 'RelativeTimeFormat');
    var style = o.style === undefined ? 'long' : String(o.style), numeric = o.numeric === undefined ? 'always' : String(o.numeric);
    if (['long', 'short', 'narrow'].indexOf(style) < 0) { throw new RangeError('Value ' + style + ' out of range for Intl.RelativeTimeFormat options property style'); }
    if (['always', 'auto'].indexOf(numeric) < 0) { throw new RangeError('Value ' + numeric + ' out of range for Intl.RelativeTimeFormat options property numeric'); }
    hidden(this, '_h', { locale: locale, style: style, numeric: numeric, nf: host.intlNumber() });
});
// relativeParts: [prefix, number parts, suffix] or a single word.
function relativeParts(h, value, unit, method) {
    var v = +value, u = String(unit).replace(/s$/, '');
    if (RT_UNITS.indexOf(u) < 0) { throw new RangeError('Invalid unit argument for Intl.RelativeTimeFormat.prototype.' + method + "() '" + String(unit) + "'"); }
    if (!isFinite(v)) { throw new RangeError('Value need to be finite number for Intl.RelativeTimeFormat.prototype.' + method + '()'); }
    if (h.numeric === 'auto' && (v === -1 || v === 0 || v === 1)) {
        var word = (h.style === 'long' ? RT_AUTO_LONG : RT_AUTO_SHORT)[u][v + 1];
        if (word) { return { word: word }; }
    }
    var num = host.intlNumberParts(h.nf, Math.abs(v)), names = RT_NAMES[h.style][u];
    var name = names[partsText(num) === '1' || names.length === 1 ? 0 : 1];
    if (v < 0 || Object.is(v, -0)) { return { unit: u, num: num, pre: '', suf: name + ' ago' }; }
    return { unit: u, num: num, pre: 'in ', suf: name };
}
methods(RelativeTimeFormat.prototype, {
    format: function format(value, unit) {
        var r = relativeParts(handle(this, 'RelativeTimeFormat.prototype.format'), value, unit, 'format');
        return r.word !== undefined ? r.word : r.pre + partsText(r.num) + r.suf;
    },
    formatToParts: function formatToParts(value, unit) {
        var r = relativeParts(handle(this, 'RelativeTimeFormat.prototype.formatToParts'), value, unit, 'formatToParts');
        if (r.word !== undefined) { return [{ type: 'literal', value: r.word }]; }
        var out = r.pre ? [{ type: 'literal', value: r.pre }] : [];
        r.num.forEach(function (p) { out.push({ type: p.type, value: p.value, unit: r.unit }); });
        out.push({ type: 'literal', value: r.suf });
        return out;
    },
    resolvedOptions: function resolvedOptions() { var h = handle(this, 'RelativeTimeFormat.prototype.resolvedOptions'); return { locale: h.locale, style: h.style, numeric: h.numeric, numberingSystem: 'latn' }; }
});
tag(RelativeTimeFormat.prototype, 'Intl.RelativeTimeFormat');

var ListFormat = ctor(function ListFormat(locales, options) {
    if (!(this instanceof ListFormat)) { throw new TypeError("Constructor Intl.ListFormat requires 'new'"); }
    var locale = host.intlLocales('resolve', locales);
    var o = options || {};
    matcher(o, 'ListFormat');
    var type = o.type === undefined ? 'conjunction' : String(o.type), style = o.style === undefined ? 'long' : String(o.style);
    if (['conjunction', 'disjunction', 'unit'].indexOf(type) < 0) { throw new RangeError('Value ' + type + ' out of range for Intl.ListFormat options property type'); }
    hidden(this, '_h', { locale: locale, type: type, style: style });
});
// listParts: the elements with the literals between them.
function listParts(h, list) {
    var a = [];
    if (list !== undefined) { for (var x of list) { if (typeof x !== 'string') { throw new TypeError('Iterable yielded ' + String(x) + ' which is not a string'); } a.push(x); } }
    // Narrow conjunctions are commas alone ("a, b, c"); narrow units spaces.
    var word = h.type === 'conjunction' ? (h.style === 'long' ? 'and' : h.style === 'short' ? '&' : null) : h.type === 'disjunction' ? 'or' : null;
    var out = [];
    a.forEach(function (x, i) {
        if (i > 0) {
            var sep = word === null ? (h.style === 'narrow' && h.type === 'unit' ? ' ' : ', ') : i < a.length - 1 ? ', ' : a.length === 2 ? ' ' + word + ' ' : ', ' + word + ' ';
            out.push({ type: 'literal', value: sep });
        }
        out.push({ type: 'element', value: x });
    });
    return out;
}
methods(ListFormat.prototype, {
    format: function format(list) { return partsText(listParts(handle(this, 'ListFormat.prototype.format'), list)); },
    formatToParts: function formatToParts(list) { return listParts(handle(this, 'ListFormat.prototype.formatToParts'), list); },
    resolvedOptions: function resolvedOptions() { var h = handle(this, 'ListFormat.prototype.resolvedOptions'); return { locale: h.locale, type: h.type, style: h.style }; }
});
tag(ListFormat.prototype, 'Intl.ListFormat');

// Segmenter: graphemes are approximated by code points (no ICU break
// data); words and sentences split on whitespace and sentence ends.
var Segmenter = ctor(function Segmenter(locales, options) {
    if (!(this instanceof Segmenter)) { throw new TypeError("Constructor Intl.Segmenter requires 'new'"); }
    var locale = host.intlLocales('resolve', locales);
    matcher(options, 'Segmenter');
    var g = options && options.granularity !== undefined ? String(options.granularity) : 'grapheme';
    if (['grapheme', 'word', 'sentence'].indexOf(g) < 0) { throw new RangeError('Value ' + g + ' out of range for Intl.Segmenter options property granularity'); }
    hidden(this, '_h', g);
    hidden(this, '_locale', locale);
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
    resolvedOptions: function resolvedOptions() { var g = handle(this, 'Segmenter.prototype.resolvedOptions'); return { locale: this._locale, granularity: g }; }
});
tag(Segmenter.prototype, 'Intl.Segmenter');

// Intl.Locale: the parts of a tag and its -u- keywords; likely subtags and
// the region data behind the info getters come from the host
// (intl_locale.go).
var LOCALE_KEYS = { calendar: 'ca', collation: 'co', firstDayOfWeek: 'fw', hourCycle: 'hc', caseFirst: 'kf', numeric: 'kn', numberingSystem: 'nu' };
var LOCALE_TYPE = /^[0-9A-Za-z]{3,8}(-[0-9A-Za-z]{3,8})*$/;
var WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
var Locale = function Locale(tag, options) {
    if (!(this instanceof Locale)) { throw new TypeError("Constructor Intl.Locale requires 'new'"); }
    if (typeof tag !== 'string' && !(tag instanceof Locale)) { throw new TypeError('First argument to Intl.Locale constructor can\'t be empty or missing'); }
    if (tag === '') { throw new RangeError('First argument to Intl.Locale constructor can\'t be empty or missing'); }
    var t;
    try { t = host.intlLocales(String(tag))[0]; } catch (e) { throw new RangeError('Incorrect locale information provided'); }
    var cut = t.search(/-u-/i), o = options === undefined ? {} : Object(options);
    var base = (cut < 0 ? t : t.slice(0, cut)).split('-'), kw = {};
    if (cut >= 0) {
        // -u-key[-type…] pairs, up to the next singleton.
        var subs = t.slice(cut + 3).split('-'), key = null;
        for (var n = 0; n < subs.length && subs[n].length !== 1; n++) {
            if (subs[n].length === 2) { key = subs[n].toLowerCase(); kw[key] = ''; } else if (key) { kw[key] += (kw[key] ? '-' : '') + subs[n].toLowerCase(); }
        }
    }
    var lang = base[0], script, region;
    base.slice(1).forEach(function (p) { if (/^[A-Za-z]{4}$/.test(p)) { script = p; } else if (/^([A-Za-z]{2}|\d{3})$/.test(p)) { region = p; } });
    if (o.language !== undefined) { lang = String(o.language); }
    if (o.script !== undefined) { script = String(o.script); }
    if (o.region !== undefined) { region = String(o.region); }
    var h = { language: lang, script: script, region: region, kw: kw };
    function type(name, key, allowed) {
        var v = o[name];
        if (v === undefined) { return; }
        v = String(v);
        if (allowed && allowed.indexOf(v) < 0) { throw new RangeError('Value ' + v + ' out of range for locale options property ' + name); }
        if (!allowed && !LOCALE_TYPE.test(v)) { throw new RangeError('Incorrect locale information provided'); }
        kw[key] = v.toLowerCase();
    }
    type('calendar', 'ca'); type('collation', 'co');
    if (o.firstDayOfWeek !== undefined) {
        var fw = String(o.firstDayOfWeek);
        if (/^[0-7]$/.test(fw)) { fw = WEEKDAYS[+fw]; }
        if (!LOCALE_TYPE.test(fw)) { throw new RangeError('Incorrect locale information provided'); }
        kw.fw = fw.toLowerCase();
    }
    type('hourCycle', 'hc', ['h11', 'h12', 'h23', 'h24']); type('caseFirst', 'kf', ['upper', 'lower', 'false']);
    if (o.numeric !== undefined) { kw.kn = o.numeric ? '' : 'false'; }
    if (kw.kn === 'true') { kw.kn = ''; }
    type('numberingSystem', 'nu');
    hidden(this, '_h', h);
};
function localeBase(h) { return [h.language, h.script, h.region].filter(Boolean).join('-'); }
function localeExt(h) {
    var keys = Object.keys(h.kw).sort();
    return keys.length ? '-u-' + keys.map(function (k) { return h.kw[k] ? k + '-' + h.kw[k] : k; }).join('-') : '';
}
function likely(h) { return host.intlLocales('likely', h.language, h.script, h.region); }
// The region the info getters read: the tag's own or its likely one.
function localeRegion(h) { return host.intlLocales('region', h.region || likely(h)[2]); }
var RTL_SCRIPTS = /^(Adlm|Arab|Aran|Armi|Avst|Chrs|Cprt|Elym|Hatr|Hebr|Hung|Khar|Lydi|Mand|Mani|Mend|Merc|Mero|Narb|Nbat|Nkoo|Orkh|Ougr|Palm|Phli|Phlp|Phnx|Prti|Rohg|Samr|Sarb|Sogd|Sogo|Syrc|Syre|Syrj|Syrn|Thaa|Yezi)$/;
var localeInfo = {
    calendars: function (h) { return h.kw.ca ? [h.kw.ca] : localeRegion(h).calendars; },
    collations: function (h) { return h.kw.co ? [h.kw.co] : ['emoji', 'eor']; },
    hourCycles: function (h) { return h.kw.hc ? [h.kw.hc] : localeRegion(h).hourCycles; },
    numberingSystems: function (h) { return h.kw.nu ? [h.kw.nu] : ['latn']; },
    textInfo: function (h) { return { direction: RTL_SCRIPTS.test(likely(h)[1]) ? 'rtl' : 'ltr' }; },
    timeZones: function (h) { return h.region ? localeRegion(h).timeZones : undefined; },
    weekInfo: function (h) {
        var r = localeRegion(h), fw = h.kw.fw === undefined ? -1 : WEEKDAYS.indexOf(h.kw.fw, 1);
        return { firstDay: fw > 0 ? fw : r.firstDay, weekend: r.weekend };
    }
};
methods(Locale.prototype, {
    toString: function toString() { var h = handle(this, 'Locale.prototype.toString'); return localeBase(h) + localeExt(h); },
    maximize: function maximize() { var h = handle(this, 'Locale.prototype.maximize'); return new Locale(likely(h).filter(Boolean).join('-') + localeExt(h)); },
    minimize: function minimize() { var h = handle(this, 'Locale.prototype.minimize'); return new Locale(host.intlLocales('minimal', h.language, h.script, h.region).filter(Boolean).join('-') + localeExt(h)); }
});
function getter(name, f) {
    var o = {};
    o['get ' + name] = function () { return f(handle(this, 'Locale.prototype.' + name)); };
    Object.defineProperty(o['get ' + name], 'name', { value: 'get ' + name });
    Object.defineProperty(Locale.prototype, name, { configurable: true, enumerable: false, get: o['get ' + name] });
}
getter('language', function (h) { return h.language; });
getter('script', function (h) { return h.script; });
getter('region', function (h) { return h.region; });
getter('baseName', localeBase);
getter('calendar', function (h) { return h.kw.ca; });
getter('caseFirst', function (h) { return h.kw.kf; });
getter('collation', function (h) { return h.kw.co; });
getter('firstDayOfWeek', function (h) { return h.kw.fw; });
getter('hourCycle', function (h) { return h.kw.hc; });
getter('numeric', function (h) { return h.kw.kn !== undefined && h.kw.kn !== 'false'; });
getter('numberingSystem', function (h) { return h.kw.nu; });
Object.keys(localeInfo).forEach(function (k) { getter(k, localeInfo[k]); });
var infoMethods = {};
['Calendars', 'Collations', 'HourCycles', 'NumberingSystems', 'TimeZones', 'TextInfo', 'WeekInfo'].forEach(function (k) {
    var name = 'get' + k, f = localeInfo[k.charAt(0).toLowerCase() + k.slice(1)];
    infoMethods[name] = { [name]() { return f(handle(this, 'Locale.prototype.' + name)); } }[name];
});
methods(Locale.prototype, infoMethods);
tag(Locale.prototype, 'Intl.Locale');

// Intl.DisplayNames: the types it takes (currency names come from the host,
// as Postman's runtime has them).
var DN = { region: 1, language: 1, script: 1, calendar: 1, dateTimeField: 1, currency: 1 };
var DisplayNames = ctor(function DisplayNames(locales, options) {
    if (!(this instanceof DisplayNames)) { throw new TypeError("Constructor Intl.DisplayNames requires 'new'"); }
    var locale = host.intlLocales('resolve', locales);
    matcher(options, 'DisplayNames');
    var o = options || {}, type = o.type === undefined ? undefined : String(o.type);
    if (type === undefined) { throw new TypeError('invalid_argument'); }
    if (!DN[type]) { throw new RangeError('Value ' + type + ' out of range for Intl.DisplayNames options property type'); }
    hidden(this, '_h', { locale: locale, type: type, style: o.style === undefined ? 'long' : String(o.style), fallback: o.fallback === undefined ? 'code' : String(o.fallback), languageDisplay: type === 'language' ? (o.languageDisplay === undefined ? 'dialect' : String(o.languageDisplay)) : undefined });
});
// The current sandbox has English names for currencies and date fields
// only: regions, scripts and calendars come back as their codes (V8's
// ICU-style calendar names: gregory is gregorian), languages as "en (US)";
// with fallback "none", undefined. A malformed code is V8's RangeError.
var DN_FIELDS = {
    long: { era: 'era', year: 'year', quarter: 'quarter', month: 'month', weekOfYear: 'week', weekday: 'day of the week', day: 'day', dayPeriod: 'AM/PM', hour: 'hour', minute: 'minute', second: 'second', timeZoneName: 'time zone' },
    short: { era: 'era', year: 'yr.', quarter: 'qtr.', month: 'mo.', weekOfYear: 'wk.', weekday: 'day of wk.', day: 'day', dayPeriod: 'AM/PM', hour: 'hr.', minute: 'min.', second: 'sec.', timeZoneName: 'zone' },
    narrow: { era: 'era', year: 'yr', quarter: 'qtr', month: 'mo', weekOfYear: 'wk', weekday: 'day of wk.', day: 'day', dayPeriod: 'AM/PM', hour: 'hr', minute: 'min', second: 'sec', timeZoneName: 'zone' }
};
var DN_CALENDARS = { gregory: 'gregorian', ethioaa: 'ethiopic-amete-alem', islamicc: 'islamic-civil' };
function dnInvalid() { return new RangeError('invalid_argument'); }
methods(DisplayNames.prototype, {
    of: function of(code) {
        var h = handle(this, 'DisplayNames.prototype.of'), c = String(code), none = h.fallback === 'none';
        switch (h.type) {
        case 'region':
            if (!/^([A-Za-z]{2}|\d{3})$/.test(c)) { throw dnInvalid(); }
            return none ? undefined : c;
        case 'script':
            if (!/^[A-Za-z]{4}$/.test(c)) { throw dnInvalid(); }
            return none ? undefined : c;
        case 'calendar':
            if (!/^[0-9A-Za-z]{3,8}(-[0-9A-Za-z]{3,8})*$/.test(c)) { throw dnInvalid(); }
            return none ? undefined : (DN_CALENDARS[c] || c);
        case 'dateTimeField':
            if (!Object.prototype.hasOwnProperty.call(DN_FIELDS.long, c)) { throw dnInvalid(); }
            return DN_FIELDS[h.style][c];
        case 'currency':
            if (!/^[A-Za-z]{3}$/.test(c)) { throw dnInvalid(); }
            c = c.toUpperCase();
            var name = host.intlLocales('currencyName', c);
            if (name !== undefined) { return name; }
            return none ? undefined : c;
        }
        // language
        var t;
        try { t = host.intlLocales(c)[0]; } catch (e) { throw dnInvalid(); }
        if (none) { return undefined; }
        if (t === 'und') { return 'root'; }
        var p = t.split('-');
        return p[0] + (p.length > 1 ? ' (' + p.slice(1).join(', ') + ')' : '');
    },
    resolvedOptions: function resolvedOptions() { var h = handle(this, 'DisplayNames.prototype.resolvedOptions'), r = { locale: h.locale, style: h.style, type: h.type, fallback: h.fallback }; if (h.languageDisplay) { r.languageDisplay = h.languageDisplay; } return r; }
});
tag(DisplayNames.prototype, 'Intl.DisplayNames');

// Intl.DurationFormat, en: long "1 hour, 2 minutes", short "1 hr, 2 min",
// narrow "1h 2m", digital "1:02:03"; each unit's style and display as
// ECMA-402's GetDurationUnitOptions resolves them.
var DUR = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'nanoseconds'];
var DUR_UNIT = { years: 'year', months: 'month', weeks: 'week', days: 'day', hours: 'hour', minutes: 'minute', seconds: 'second', milliseconds: 'millisecond', microseconds: 'microsecond', nanoseconds: 'nanosecond' };
var DUR_CLOCK = { hours: 1, minutes: 1, seconds: 1 }, DUR_SUB = { milliseconds: 1, microseconds: 1, nanoseconds: 1 };
function durationOption(o, name, allowed, def) {
    var v = o[name];
    if (v === undefined) { return def; }
    v = String(v);
    if (allowed.indexOf(v) < 0) { throw new RangeError('Value ' + v + ' out of range for Intl.DurationFormat options property ' + name); }
    return v;
}
var DurationFormat = ctor(function DurationFormat(locales, options) {
    if (!(this instanceof DurationFormat)) { throw new TypeError("Constructor Intl.DurationFormat requires 'new'"); }
    var locale = host.intlLocales('resolve', locales, 'nu');
    var o = options === undefined ? {} : Object(options);
    matcher(o, 'DurationFormat');
    var style = durationOption(o, 'style', ['long', 'short', 'narrow', 'digital'], 'short');
    var units = {}, prev;
    DUR.forEach(function (u) {
        var list = DUR_CLOCK[u] ? ['long', 'short', 'narrow', 'numeric', '2-digit'] : DUR_SUB[u] ? ['long', 'short', 'narrow', 'numeric'] : ['long', 'short', 'narrow'];
        var st = durationOption(o, u, list, undefined), displayDefault = 'always';
        if (st === undefined) {
            if (style === 'digital') {
                if (!DUR_CLOCK[u]) { displayDefault = 'auto'; }
                st = DUR_CLOCK[u] || DUR_SUB[u] ? 'numeric' : 'short';
            } else if (prev === 'fractional' || prev === 'numeric' || prev === '2-digit') {
                if (u !== 'minutes' && u !== 'seconds') { displayDefault = 'auto'; }
                st = 'numeric';
            } else {
                displayDefault = 'auto';
                st = style;
            }
        }
        if (st === 'numeric' && DUR_SUB[u]) { st = 'fractional'; displayDefault = 'auto'; }
        var display = durationOption(o, u + 'Display', ['auto', 'always'], displayDefault);
        // V8 names the options object in these three refusals.
        if (display === 'always' && st === 'fractional') { throw new RangeError('Invalid object : ' + receiver(o)); }
        if (prev === 'fractional' && st !== 'fractional') { throw new RangeError('Invalid object : ' + receiver(o)); }
        if (prev === 'numeric' || prev === '2-digit') {
            if (st !== 'fractional' && st !== 'numeric' && st !== '2-digit') { throw new RangeError('Invalid object : ' + receiver(o)); }
            if (u === 'minutes' || u === 'seconds') { st = '2-digit'; }
        }
        units[u] = { style: st, display: display };
        prev = st;
    });
    var fd = o.fractionalDigits;
    if (fd !== undefined) {
        fd = Number(fd);
        if (!(fd >= 0 && fd <= 9)) { throw new RangeError('fractionalDigits value is out of range.'); }
        fd = Math.floor(fd);
    }
    hidden(this, '_h', { locale: locale, style: style, units: units, fractionalDigits: fd, nf: {} });
});
// durationRecord reads a duration as V8 does (its Temporal words).
function durationRecord(d) {
    if (typeof d === 'string') { throw new RangeError('Invalid object : ' + d); }
    if (d === null || typeof d !== 'object') { throw new TypeError('Invalid argument for Temporal ../deps/v8/src/objects/js-temporal-objects.cc:7905'); }
    var r = {}, any = false, sign = 0;
    DUR.forEach(function (u) {
        var x = d[u];
        if (x === undefined) { r[u] = 0; return; }
        any = true;
        var n = Number(x);
        if (n !== n) { n = 0; }
        if (!isFinite(n) || Math.floor(n) !== n) { throw new RangeError('Invalid time value for Temporal ../deps/v8/src/objects/js-temporal-objects.cc:2593'); }
        if (n !== 0) {
            var sg = n < 0 ? -1 : 1;
            if (sign !== 0 && sg !== sign) { throw new RangeError('Invalid object : ' + receiver(d)); }
            sign = sg;
        }
        r[u] = n;
    });
    if (!any) { throw new TypeError('Invalid argument for Temporal ../deps/v8/src/objects/js-temporal-objects.cc:7905'); }
    r.sign = sign;
    return r;
}
// durationParts follows ECMA-402's PartitionDurationFormatPattern: units
// in words as NumberFormat's unit parts, tagged with the unit (only the
// first carries the sign), the clock units from the first numeric one on,
// sub-second units folded into the unit before them as a fraction. As in
// V8, a clock field written with ':' joins the group before it.
function durationParts(h, d) {
    var r = durationRecord(d), groups = [], signed = false, U = h.units;
    function fmt(key, opts) { return h.nf[key] || (h.nf[key] = host.intlNumber(undefined, opts)); }
    function tagged(ps, unit) { return ps.map(function (p) { return { type: p.type, value: p.value, unit: unit }; }); }
    function signedValue(v) { if (!signed && v !== 0) { signed = true; return v; } return Math.abs(v); }
    function fractionParts(u, minInt) {
        var whole = Math.abs(r[u]), nanos = 0, scale = { seconds: 1e9, milliseconds: 1e6, microseconds: 1e3 }[u], per = { milliseconds: 1e6, microseconds: 1e3, nanoseconds: 1 };
        for (var i = DUR.indexOf(u) + 1; i < DUR.length && U[DUR[i]].style === 'fractional'; i++) { nanos += Math.abs(r[DUR[i]]) * per[DUR[i]]; }
        whole += Math.floor(nanos / scale);
        var rest = nanos % scale, digits = String(scale + rest).slice(1), fd = h.fractionalDigits;
        var frac = fd === undefined ? digits.replace(/0+$/, '') : (digits + '000000000').slice(0, fd);
        var ps = host.intlNumberParts(fmt('int' + minInt, { useGrouping: false, minimumIntegerDigits: minInt }), whole);
        if (frac) { ps = ps.concat([{ type: 'decimal', value: '.' }, { type: 'fraction', value: frac }]); }
        return { ps: ps, zero: whole === 0 && rest === 0 };
    }
    var numericFound = false;
    for (var k = 0; k < DUR.length && !numericFound; k++) {
        var u = DUR[k], st = U[u].style, v = r[u];
        if (st === 'numeric' || st === '2-digit') {
            numericFound = true;
            clockParts(u);
            break;
        }
        var next = DUR[k + 1];
        var folds = (u === 'seconds' || u === 'milliseconds' || u === 'microseconds') && next && U[next].style === 'fractional';
        if (folds) { numericFound = true; }
        var value = v, unitOpts = { style: 'unit', unit: DUR_UNIT[u], unitDisplay: st };
        if (folds) {
            // The unit with the fractional units after it: 5.25 sec.
            var fp = fractionParts(u, 1);
            value = fp.zero ? 0 : Number(fp.ps.map(function (p) { return p.value; }).join('')) * (r.sign < 0 ? -1 : 1);
            unitOpts.maximumFractionDigits = h.fractionalDigits === undefined ? 9 : h.fractionalDigits;
            unitOpts.minimumFractionDigits = h.fractionalDigits === undefined ? 0 : h.fractionalDigits;
            unitOpts.roundingMode = 'trunc';
        }
        if (value === 0 && U[u].display !== 'always') { continue; }
        groups.push(tagged(host.intlNumberParts(fmt(u + ':' + st + (folds ? ':f' : ''), unitOpts), signedValue(value)), DUR_UNIT[u]));
    }
    // FormatNumericUnits: hours, minutes and seconds as a clock.
    function clockParts(first) {
        var neg = !signed && r.sign < 0;
        var hoursShown = first === 'hours' && (r.hours !== 0 || U.hours.display === 'always');
        var sec = fractionParts('seconds', U.seconds.style === '2-digit' ? 2 : 1);
        if (U.milliseconds.style !== 'fractional') { sec = { ps: host.intlNumberParts(fmt('int' + (U.seconds.style === '2-digit' ? 2 : 1), { useGrouping: false, minimumIntegerDigits: U.seconds.style === '2-digit' ? 2 : 1 }), Math.abs(r.seconds)), zero: r.seconds === 0 }; }
        var secondsShown = !sec.zero || U.seconds.display === 'always';
        var minutesShown = (first === 'hours' || first === 'minutes') && ((hoursShown && secondsShown) || r.minutes !== 0 || U.minutes.display === 'always');
        function field(unit, ps, colon) {
            var t = tagged(ps, unit);
            if (neg) { t.unshift({ type: 'minusSign', value: '-', unit: unit }); neg = false; signed = true; }
            if (colon && groups.length) {
                groups[groups.length - 1] = groups[groups.length - 1].concat([{ type: 'literal', value: ':' }], t);
            } else {
                groups.push(t);
            }
        }
        if (hoursShown) { field('hour', host.intlNumberParts(fmt('int' + (U.hours.style === '2-digit' ? 2 : 1), { useGrouping: false, minimumIntegerDigits: U.hours.style === '2-digit' ? 2 : 1 }), Math.abs(r.hours)), false); }
        var minInt = U.minutes.style === '2-digit' ? 2 : 1;
        if (minutesShown) { field('minute', host.intlNumberParts(fmt('int' + minInt, { useGrouping: false, minimumIntegerDigits: minInt }), Math.abs(r.minutes)), U.hours.style === 'numeric' || U.hours.style === '2-digit'); }
        if (secondsShown) { field('second', sec.ps, true); }
    }
    var sep = h.style === 'narrow' ? ' ' : ', ', out = [];
    groups.forEach(function (g, i) {
        if (i > 0) { out.push({ type: 'literal', value: sep }); }
        g.forEach(function (p) { out.push(p.unit === undefined ? { type: p.type, value: p.value } : p); });
    });
    return out;
}
methods(DurationFormat.prototype, {
    format: function format(d) { return partsText(durationParts(handle(this, 'DurationFormat.prototype.format'), d)); },
    formatToParts: function formatToParts(d) { return durationParts(handle(this, 'DurationFormat.prototype.formatToParts'), d); },
    resolvedOptions: function resolvedOptions() {
        var h = handle(this, 'DurationFormat.prototype.resolvedOptions'), r = { locale: h.locale, numberingSystem: 'latn', style: h.style };
        DUR.forEach(function (u) { r[u] = h.units[u].style === 'fractional' ? 'numeric' : h.units[u].style; r[u + 'Display'] = h.units[u].display; });
        if (h.fractionalDigits !== undefined) { r.fractionalDigits = h.fractionalDigits; }
        return r;
    }
});
tag(DurationFormat.prototype, 'Intl.DurationFormat');

// V8's order of the prototypes' members (after constructor) and its
// constructors' lengths: 0, but for DisplayNames (2) and Locale (1).
var V8_ORDER = {
    Collator: 'resolvedOptions compare', DateTimeFormat: 'resolvedOptions formatToParts format formatRange formatRangeToParts',
    DisplayNames: 'resolvedOptions of', DurationFormat: 'resolvedOptions format formatToParts',
    ListFormat: 'resolvedOptions format formatToParts', NumberFormat: 'resolvedOptions formatToParts format formatRange formatRangeToParts',
    PluralRules: 'resolvedOptions select selectRange', RelativeTimeFormat: 'resolvedOptions format formatToParts',
    Segmenter: 'resolvedOptions segment'
};
var Intl = {};
// Method shorthand: V8's two functions have no prototype property.
var intlStatics = {
    getCanonicalLocales(locales) { return host.intlLocales(locales); },
    supportedValuesOf(key) {
        var v = host.intlLocales('values', String(key));
        if (!v) { throw new RangeError('Invalid key : ' + key); }
        return v;
    }
};
hidden(Intl, 'getCanonicalLocales', intlStatics.getCanonicalLocales);
hidden(Intl, 'supportedValuesOf', intlStatics.supportedValuesOf);
[['DateTimeFormat', DateTimeFormat], ['NumberFormat', NumberFormat], ['Collator', Collator], ['PluralRules', PluralRules],
    ['RelativeTimeFormat', RelativeTimeFormat], ['ListFormat', ListFormat], ['Locale', Locale], ['DisplayNames', DisplayNames],
    ['Segmenter', Segmenter], ['DurationFormat', DurationFormat]].forEach(function (p) {
    var proto = p[1].prototype;
    (V8_ORDER[p[0]] || '').split(' ').forEach(function (k) {
        var d = Object.getOwnPropertyDescriptor(proto, k);
        if (d) { delete proto[k]; Object.defineProperty(proto, k, d); }
    });
    Object.defineProperty(p[1], 'length', { value: p[0] === 'DisplayNames' ? 2 : p[0] === 'Locale' ? 1 : 0 });
    hidden(Intl, p[0], p[1]);
});
tag(Intl, 'Intl');
return Intl;
})
