// Regular expressions built at run time, and the literals rewritten at
// compile time (regexprops.go, regexpctor.go, regexpindices.go). goja's
// RegExp cannot read \p{…}, /v classes, (?i:…) or /d; b.ctor, a native
// function (so that it prints as V8's does and serves instanceof), takes
// its place and calls the function returned here, so that new RegExp(p,
// f), RegExp(p, f), subclasses and the copies split and matchAll make
// through Symbol.species build those patterns from what b.plan (Go)
// returns, while everything else goes to goja's RegExp untouched. It keeps
// RegExp.prototype, the statics, instanceof and `re.constructor ===
// RegExp`.
(function (b) {
'use strict';
var global = b.global, ctor = b.ctor, Native = global.RegExp, NP = Native.prototype, nativeExec = NP.exec;
var origins = new WeakMap(); // a rewritten regular expression -> its plan
var shown = new WeakMap();   // one of goja's whose source reads unlike V8's -> V8's
var unlikeV8 = /\/|\\[\n\r\u2028\u2029]/; // what goja escapes otherwise
var plans = new Map();       // flags + '/' + source -> plan, or false: goja reads it as written
var modifier = /\(\?-?[ims]+(?:-[ims]+)?:/;

// needsPlan is the cheap test: most patterns go to goja at once.
function needsPlan(src, flags) {
    return flags.indexOf('d') >= 0 || flags.indexOf('v') >= 0 ||
        flags.indexOf('u') >= 0 && (src.indexOf('\\p{') >= 0 || src.indexOf('\\P{') >= 0) ||
        src.indexOf('(?') >= 0 && (modifier.test(src) || src.indexOf('(?-:') >= 0 || reusesName(src));
}
// reusesName: a group name written twice (regexpdups.go says whether V8
// takes it, and how to run it).
var groupName = /\(\?<([^=!>][^>]*)>/g;
function reusesName(src) {
    if (src.indexOf('(?<') < 0) { return false; }
    var seen = Object.create(null), m;
    groupName.lastIndex = 0;
    while ((m = groupName.exec(src)) !== null) {
        if (seen[m[1]]) { return true; }
        seen[m[1]] = true;
    }
    return false;
}
// V8 lists flags in this order, whatever order they were written in.
function v8Flags(flags) {
    var out = '', order = 'dgimsuvy';
    for (var i = 0; i < order.length; i++) { if (flags.indexOf(order[i]) >= 0) { out += order[i]; } }
    return out;
}
function planFor(src, flags) {
    var key = flags + '/' + src, p = plans.get(key);
    if (p === undefined) {
        var r = b.plan(src, flags);
        if (typeof r === 'string') { throw new SyntaxError(r); }
        p = r === null ? false : { source: src, shown: v8Source(src), flags: v8Flags(flags), pattern: r[0], runFlags: r[1], groups: r[2], template: null,
            plain: r[3] || '', plainRe: null, markersRe: null, names: r[4] };
        // Scripts that build patterns in a loop must not grow this forever.
        if (plans.size >= 512) { plans.clear(); }
        plans.set(key, p);
    }
    return p;
}
// v8Source is the source V8 reads back for pattern src: a '/' outside a
// class escaped as \/ (goja writes \u002f, in classes too), line
// terminators as escapes (a backslash before one dropped).
function v8Source(src) {
    if (src === '') { return '(?:)'; }
    var out = '', inClass = false, terminators = '\n\r\u2028\u2029';
    for (var i = 0; i < src.length; i++) {
        var c = src[i];
        if (c === '\\') {
            if (i + 1 < src.length && terminators.indexOf(src[i + 1]) >= 0) { continue; }
            out += i + 1 < src.length ? c + src[++i] : c;
            continue;
        }
        if (c === '/' && !inClass) { out += '\\/'; continue; }
        if (c === '[') { inClass = true; } else if (c === ']') { inClass = false; }
        var t = terminators.indexOf(c);
        out += t < 0 ? c : ['\\n', '\\r', '\\u2028', '\\u2029'][t];
    }
    return out;
}
// own gives r a property of its own that scripts do not enumerate.
function own(r, name, value, writable) { Object.defineProperty(r, name, { value: value, writable: !!writable, enumerable: false, configurable: true }); }
// build makes a fresh regular expression of plan p: a clone of the
// plan's compiled template (no new compile), reading back the source and
// flags the script wrote.
function build(p, nt) {
    var t = p.template;
    if (!t) {
        try { t = new Native(p.pattern, p.runFlags); } catch (e) {
            throw new SyntaxError('Invalid regular expression: /' + p.source + '/' + p.flags + ': courier cannot run it: ' + e.message);
        }
        p.template = t;
    }
    var r = finish(Reflect.construct(Native, [t], nt), nt);
    origins.set(r, p);
    // goja's fast paths (toString, match, replace…) read the pattern it
    // runs; setting the prototype, even to the same one, sends this
    // object down the paths that read source, flags and exec as
    // properties.
    Object.setPrototypeOf(r, Object.getPrototypeOf(r));
    if (p.flags.indexOf('v') >= 0) { own(r, 'unicode', false); }
    // (?-i:…) compiles without i (regexpmodifiers.go); the object still is /i.
    if (p.flags.indexOf('i') >= 0 && p.runFlags.indexOf('i') < 0) { own(r, 'ignoreCase', true); }
    if (p.names) { own(r, 'exec', namedExec, true); } else if (p.groups) { own(r, 'exec', indexedExec, true); }
    return r;
}
// goja's clone of a regular expression keeps the clone's prototype: a
// subclass (class X extends RegExp) gets its own.
function finish(r, nt) {
    if (nt !== ctor && nt !== Native) {
        var pr = nt.prototype;
        if (pr !== null && (typeof pr === 'object' || typeof pr === 'function') && Object.getPrototypeOf(r) !== pr) { Object.setPrototypeOf(r, pr); }
    }
    return r;
}
// A /d expression's exec: goja's match of the pattern with markers
// (regexpindices.go), returned as V8's result with indices. Each marker
// captures the rest of its input; for a pattern whose match depends on
// nothing outside it (plan.plain), the match is found without markers and
// the markers run on the matched text alone, so that a global search costs
// the length of its matches, not that of the input once per match.
function indexedExec(s) {
    var p = origins.get(this);
    if (!p || !p.groups) { return nativeExec.call(this, s); }
    var m, found = null, base = 0;
    if (p.plain) {
        found = plainExec(this, p, s);
        if (found === null) { return null; }
        var mk = p.markersRe || (p.markersRe = new Native(p.pattern, p.runFlags.replace('g', '').replace('y', '') + 'y'));
        mk.lastIndex = 0;
        m = nativeExec.call(mk, found.input.slice(found.index, found.index + found[0].length));
        base = found.index;
    } else {
        m = nativeExec.call(this, s);
    }
    if (m === null) { return null; }
    var n = p.groups.length, len = base + m.input.length, r = [m[0]], ind = [[base + m.index, base + m.index + m[0].length]], named = null;
    for (var k = 1; k <= n; k++) {
        var v = m[2 * k - 1], at = v === undefined ? undefined : [len - m[2 * k].length, len - m[2 * k].length + v.length];
        r.push(v);
        ind.push(at);
        if (p.groups[k - 1] !== '') {
            named = named || Object.create(null);
            named[p.groups[k - 1]] = at;
        }
    }
    r.index = base + m.index;
    r.input = found === null ? m.input : found.input;
    r.groups = m.groups;
    ind.groups = named === null ? undefined : named;
    r.indices = ind;
    b.record(r); // RegExp.$1… (regexpstatics.go) read V8's groups
    return r;
}
// A pattern that names two groups alike runs with the later ones renamed
// (plan.names: each written name, its first group's too, then the names
// its later groups run under);
// its result reads each written name once, in order of first use, with
// the value (and /d, the indices) of whichever of its groups took part.
function namedExec(s) {
    var p = origins.get(this);
    if (!p || !p.names) { return nativeExec.call(this, s); }
    var m = p.groups ? indexedExec.call(this, s) : nativeExec.call(this, s);
    if (m === null) { return null; }
    m.groups = merged(m.groups, p.names);
    if (m.indices) { m.indices.groups = merged(m.indices.groups, p.names); }
    return m;
}
function merged(g, names) {
    if (g === undefined || g === null) { return g; }
    var out = Object.create(null);
    for (var i = 0; i < names.length; i++) {
        var row = names[i], v;
        for (var k = 0; k < row.length && (v = g[row[k]]) === undefined; k++) { /* the first that took part */ }
        out[row[0]] = v;
    }
    return out;
}
// plainExec finds the next match of a /d expression's pattern without its
// markers, reading and setting the expression's lastIndex as its exec would.
function plainExec(self, p, s) {
    var pr = p.plainRe || (p.plainRe = new Native(p.plain, p.runFlags)), moves = pr.global || pr.sticky;
    pr.lastIndex = moves ? self.lastIndex : 0;
    var f = nativeExec.call(pr, s);
    if (moves) { self.lastIndex = pr.lastIndex; }
    return f;
}
// goja's words for a pattern it refuses, and V8's.
var words = [['missing argument to repetition operator', 'Nothing to repeat'], ['invalid nested repetition operator', 'Nothing to repeat'],
    ['invalid repeat count', 'numbers out of order in {} quantifier'], ['trailing backslash', '\\ at end of pattern'],
    ['invalid character class range', 'Range out of order in character class'], ['invalid capture group name', 'Invalid capture group name'],
    ['reference to undefined group name', 'Invalid named capture referenced'], ['invalid escape sequence: `\\x{', 'Invalid Unicode escape'],
    ['Invalid control escape', 'Invalid Unicode escape']];
function native(src, flags, nt) {
    var r;
    try { r = finish(Reflect.construct(Native, [src, flags], nt), nt); } catch (e) {
        if (!(e instanceof SyntaxError) || e.message.indexOf('Invalid flags') === 0) { throw e; }
        var msg = e.message;
        for (var i = 0; i < words.length; i++) { if (msg.indexOf(words[i][0]) >= 0) { msg = words[i][1]; break; } }
        throw new SyntaxError('Invalid regular expression: /' + src + '/' + flags + ': ' + msg);
    }
    // Read back by the source getter and toString below (setting the
    // prototype instead would send it down goja's slow paths: split went
    // 3x slower).
    if (unlikeV8.test(src) || src.indexOf('\\u002f') >= 0) { shown.set(r, v8Source(src)); }
    return r;
}
// copyShown gives copy, goja's clone of from, from's V8 source.
function copyShown(from, copy) {
    var v = shown.get(from);
    if (v !== undefined) { shown.set(copy, v); }
    return copy;
}
function construct(nt, pattern, flags) {
    var src, p;
    if (pattern !== null && typeof pattern === 'object') {
        p = origins.get(pattern);
        if (p && flags === undefined) { return build(p, nt); }
        if (p) { src = p.source; } else if (!(pattern instanceof Native)) { src = String(pattern); } else if (flags === undefined) {
            return copyShown(pattern, finish(Reflect.construct(Native, [pattern], nt), nt));
        } else { src = pattern.source; }
    } else {
        src = pattern === undefined ? '' : String(pattern);
    }
    flags = flags === undefined ? '' : String(flags);
    if (flags.indexOf('u') >= 0 && flags.indexOf('v') >= 0) { throw new SyntaxError("Invalid flags supplied to RegExp constructor '" + flags + "'"); }
    if (!needsPlan(src, flags) || !(p = planFor(src, flags))) { return native(src, flags, nt); }
    return build(p, nt);
}
// What the script wrote reads back through RegExp.prototype's getters
// (goja's fast paths watch only exec, global, multiline, ignoreCase,
// unicode and sticky there).
function getter(name, f) { Object.defineProperty(NP, name, { get: f, enumerable: false, configurable: true }); }
var nativeSource = Object.getOwnPropertyDescriptor(NP, 'source').get, nativeFlags = Object.getOwnPropertyDescriptor(NP, 'flags').get;
getter('source', function () {
    var p = origins.get(this);
    if (p) { return p.shown; }
    var v = shown.get(this);
    if (v !== undefined) { return v; }
    v = nativeSource.call(this);
    return typeof v === 'string' && v.indexOf('\\u002f') >= 0 ? slashesAsV8(v) : v;
});
// slashesAsV8 reads back a literal's source as V8 does: goja writes each
// '/' of the pattern as \u002f, and the only '/' a literal holds unescaped
// is inside a class, which V8 leaves as written. (A \u002f the script
// wrote itself reads as '/' too: goja keeps no other trace of it.)
function slashesAsV8(v) {
    var out = '', inClass = false;
    for (var i = 0; i < v.length; i++) {
        var c = v[i];
        if (c === '\\') {
            if (v.substr(i, 6) === '\\u002f') { out += inClass ? '/' : '\\/'; i += 5; continue; }
            out += v.substr(i, 2);
            i++;
            continue;
        }
        if (c === '[') { inClass = true; } else if (c === ']') { inClass = false; }
        out += c;
    }
    return out;
}
// Of another object, the flags are read from its properties, in V8's
// order (goja's reads neither hasIndices nor unicodeSets).
var FLAG_PROPS = [['hasIndices', 'd'], ['global', 'g'], ['ignoreCase', 'i'], ['multiline', 'm'], ['dotAll', 's'], ['unicode', 'u'], ['unicodeSets', 'v'], ['sticky', 'y']];
getter('flags', function () {
    var p = origins.get(this);
    if (p) { return p.flags; }
    if (this === null || typeof this !== 'object' && typeof this !== 'function' || this instanceof Native) { return nativeFlags.call(this); }
    var out = '';
    for (var i = 0; i < FLAG_PROPS.length; i++) { if (this[FLAG_PROPS[i][0]]) { out += FLAG_PROPS[i][1]; } }
    return out;
});
getter('hasIndices', function () { return this === NP ? undefined : origins.has(this) && !!origins.get(this).groups; });
getter('unicodeSets', function () { return this === NP ? undefined : origins.has(this) && origins.get(this).flags.indexOf('v') >= 0; });
// goja's toString writes its own escaping of the pattern (a '/' as
// \u002f); the spec's reads source and flags, so it reads V8's.
Object.defineProperty(NP, 'toString', { writable: true, enumerable: false, configurable: true, value: function toString() {
    if (this === null || typeof this !== 'object' && typeof this !== 'function') {
        throw new TypeError('Method RegExp.prototype.toString called on incompatible receiver ' + String(this));
    }
    return '/' + String(this.source) + '/' + String(this.flags);
} });
[['source', 'get source'], ['flags', 'get flags'], ['hasIndices', 'get hasIndices'], ['unicodeSets', 'get unicodeSets']].forEach(function (n) {
    Object.defineProperty(Object.getOwnPropertyDescriptor(NP, n[0]).get, 'name', { value: n[1], configurable: true });
});
// The statics (Symbol.species, Sugar's) are Native's, copied.
Object.getOwnPropertyNames(Native).concat(Object.getOwnPropertySymbols(Native)).forEach(function (k) {
    if (k !== 'prototype' && k !== 'length' && k !== 'name') { Object.defineProperty(ctor, k, Object.getOwnPropertyDescriptor(Native, k)); }
});
ctor.prototype = NP;
Object.defineProperty(NP, 'constructor', { value: ctor, writable: true, enumerable: false, configurable: true });
// goja splits with its own splitter only when the pattern's species
// constructor is goja's RegExp; with ctor in its place every split built a
// new splitter through JavaScript (4-5x slower, literals too). A pattern
// goja reads as written splits with NP.constructor pointed at goja's
// RegExp for the call (a script runs meanwhile only through the
// arguments' conversions or a replaced RegExp.prototype.exec, and would see
// that constructor); patterns from a plan and subclasses (their own
// constructor) split as before.
var nativeSplit = NP[Symbol.split];
Object.defineProperty(NP, Symbol.split, { writable: true, enumerable: false, configurable: true, value: {
    [Symbol.split](s, limit) {
        if (origins.has(this) || NP.constructor !== ctor) { return nativeSplit.call(this, s, limit); }
        NP.constructor = Native;
        try { return nativeSplit.call(this, s, limit); } finally { NP.constructor = ctor; }
    } }[Symbol.split] });
Object.defineProperty(global, 'RegExp', { value: ctor, writable: true, enumerable: false, configurable: true });
// A literal rewritten at compile time: a fresh object per evaluation.
Object.defineProperty(global, '__courierRegExp', { writable: true, enumerable: false, configurable: true, value: function (source, flags) {
    var p = planFor(source, flags);
    if (!p) {
        var r;
        try { r = new Native(source, flags); } catch (e) {
            throw new SyntaxError('Invalid regular expression: /' + source + '/' + flags + ': courier cannot run it: ' + e.message);
        }
        // A \u002f the script wrote: the source getter would take it for
        // one of goja's (slashesAsV8).
        if (source.indexOf('\\u002f') >= 0) { shown.set(r, v8Source(source)); }
        return r;
    }
    return build(p, ctor);
} });
// A call RegExp(…) in a script (rewritten at compile time, regexpctor.go):
// RegExp(re) is re itself, as the spec has it.
Object.defineProperty(global, '__courierRegExpCall', { writable: true, enumerable: false, configurable: true, value: function (pattern, flags) {
    if (flags === undefined && pattern instanceof Native && pattern.constructor === ctor) { return pattern; }
    return construct(ctor, pattern, flags);
} });
// b.ctor's body. goja gives a native constructor no new.target for `new
// RegExp(…)`, nor tells it from a call: both construct here (scripts' own
// calls go through __courierRegExpCall), subclasses get theirs.
return function (nt, pattern, flags) { return construct(nt === undefined ? ctor : nt, pattern, flags); };
})
