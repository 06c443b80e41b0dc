// URL and URLSearchParams for courier's sandbox, compiled on first use; the
// parsing is the host's (whatwgurl.go). Returns [URL, URLSearchParams].
(function (host) {
'use strict';
function hidden(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false }); }
var H = typeof Symbol === 'function' ? Symbol('url') : '__url';

function parsePairs(s) {
    var out = [];
    if (s === '') { return out; }
    s.split('&').forEach(function (p) {
        if (p === '') { return; }
        var i = p.indexOf('='), k = i < 0 ? p : p.slice(0, i), v = i < 0 ? '' : p.slice(i + 1);
        out.push([host.formDecode(k), host.formDecode(v)]);
    });
    return out;
}
// Node makes names and values well-formed (a lone surrogate becomes U+FFFD).
function toUSV(v) { return String(v).toWellFormed(); }
// Node's internal errors carry a code beside the message (js/node-errors.js).
var nodeErrors = host.nodeErrors(), nodeError = nodeErrors.nodeError, invalidThis = nodeErrors.invalidThis, argType = nodeErrors.argType;
function badTuple() { return nodeError(TypeError, 'Each query pair must be an iterable [name, value] tuple', 'ERR_INVALID_TUPLE'); }

function URLSearchParams(init) {
    if (!(this instanceof URLSearchParams)) { throw new TypeError("Class constructor URLSearchParams cannot be invoked without 'new'"); }
    var list = [];
    if (init instanceof URLSearchParams) {
        list = init[H].list.map(function (p) { return p.slice(); });
    } else if (init !== undefined && init !== null && typeof init === 'object' || typeof init === 'function') {
        var method = init[Symbol.iterator];
        if (method !== undefined && method !== null) {
            if (typeof method !== 'function') { throw nodeError(TypeError, 'Query pairs must be iterable', 'ERR_ARG_NOT_ITERABLE'); }
            for (var pair of init) {
                if (pair === null || pair === undefined || (typeof pair !== 'object' && typeof pair !== 'function') || typeof pair[Symbol.iterator] !== 'function') { throw badTuple(); }
                var a = Array.from(pair);
                if (a.length !== 2) { throw badTuple(); }
                list.push([toUSV(a[0]), toUSV(a[1])]);
            }
        } else {
            Object.keys(init).forEach(function (k) { list.push([k, toUSV(init[k])]); });
        }
    } else if (init !== undefined) {
        var s = toUSV(init);
        list = parsePairs(s.charAt(0) === '?' ? s.slice(1) : s);
    }
    hidden(this, H, { list: list, url: null });
}
function sp(self) {
    if (!self || !self[H] || !Array.isArray(self[H].list)) { throw invalidThis('URLSearchParams'); }
    return self[H];
}
function update(st) {
    if (st.url) { host.urlSetQuery(st.url, serialize(st.list)); }
}
function serialize(list) {
    return list.map(function (p) { return host.formEncode(p[0]) + '=' + host.formEncode(p[1]); }).join('&');
}
// need checks the receiver, then the count of arguments (Node's order).
function need(self, n, args) {
    sp(self);
    if (args.length < n) { throw nodeError(TypeError, n === 2 ? 'The "name" and "value" arguments must be specified' : 'The "name" argument must be specified', 'ERR_MISSING_ARGS'); }
}
// The iterators read the list as it is at each step (a pair deleted
// during the loop is not visited), as Node's do.
var IterProto = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
hidden(IterProto, 'next', function next() {
    var it = this[H];
    if (!it || !it.st) { throw invalidThis('URLSearchParamsIterator'); }
    var list = it.st.list;
    if (it.i >= list.length) { return { value: undefined, done: true }; }
    return { value: it.pick(list[it.i++]), done: false };
});
Object.defineProperty(IterProto, Symbol.toStringTag, { value: 'URLSearchParams Iterator', configurable: true });
function iter(st, pick) { var it = Object.create(IterProto); hidden(it, H, { st: st, i: 0, pick: pick }); return it; }
var SP = URLSearchParams.prototype;
[['append', function append(name, value) { need(this, 2, arguments); var st = sp(this); st.list.push([toUSV(name), toUSV(value)]); update(st); }],
    ['delete', function (name, value) {
        need(this, 1, arguments); var st = sp(this); name = toUSV(name);
        st.list = st.list.filter(function (p) { return !(p[0] === name && (value === undefined || p[1] === toUSV(value))); }); update(st);
    }],
    ['get', function get(name) { need(this, 1, arguments); name = toUSV(name); var p = sp(this).list.find(function (x) { return x[0] === name; }); return p ? p[1] : null; }],
    ['getAll', function getAll(name) { need(this, 1, arguments); name = toUSV(name); return sp(this).list.filter(function (x) { return x[0] === name; }).map(function (x) { return x[1]; }); }],
    ['has', function has(name, value) { need(this, 1, arguments); name = toUSV(name); return sp(this).list.some(function (x) { return x[0] === name && (value === undefined || x[1] === toUSV(value)); }); }],
    ['set', function set(name, value) {
        need(this, 2, arguments); var st = sp(this), done = false; name = toUSV(name); value = toUSV(value);
        st.list = st.list.filter(function (p) { if (p[0] !== name) { return true; } if (done) { return false; } p[1] = value; done = true; return true; });
        if (!done) { st.list.push([name, value]); }
        update(st);
    }],
    ['sort', function sort() {
        var st = sp(this);
        st.list = st.list.map(function (p, i) { return [p, i]; }).sort(function (a, b) { return a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]; }).map(function (x) { return x[0]; });
        update(st);
    }],
    ['forEach', function forEach(fn, thisArg) {
        var st = sp(this);
        if (typeof fn !== 'function') { throw argType('callback', 'of type function', fn); }
        // The list is read again at each step: a pair deleted by the
        // callback is not visited, as in Node.
        for (var i = 0; i < st.list.length; i++) { fn.call(thisArg, st.list[i][1], st.list[i][0], this); }
    }],
    ['keys', function keys() { return iter(sp(this), function (p) { return p[0]; }); }],
    ['values', function values() { return iter(sp(this), function (p) { return p[1]; }); }],
    ['entries', function entries() { return iter(sp(this), function (p) { return [p[0], p[1]]; }); }],
    ['toString', function toString() { return serialize(sp(this).list); }]
].forEach(function (m) { hidden(SP, m[0], m[1]); });
hidden(SP, Symbol.iterator, SP.entries);
Object.defineProperty(SP, 'size', { configurable: true, get: function () { return sp(this).list.length; } });
Object.defineProperty(SP, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

function URL(input, base) {
    if (!(this instanceof URL)) { throw new TypeError("Class constructor URL cannot be invoked without 'new'"); }
    if (arguments.length < 1) { throw missingURL(); }
    var h = base === undefined ? host.urlParse(String(input)) : host.urlParse(String(input), String(base));
    hidden(this, H, { h: h, params: null });
}
function uh(self) {
    // Node keeps a URL's state in private fields: V8's words.
    if (!self || !self[H] || !self[H].h) { throw new TypeError('Receiver must be an instance of class URL'); }
    return self[H];
}
function syncParams(st) {
    if (st.params) { var q = host.urlQuery(st.h); st.params[H].list = parsePairs(q === null ? '' : q); }
}
var UP = URL.prototype;
['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'].forEach(function (f) {
    var d = { configurable: true, enumerable: true, get: function () { return host.urlGet(uh(this).h, f); } };
    if (f !== 'origin') {
        d.set = function (v) { var st = uh(this); host.urlSet(st.h, f, String(v)); if (f === 'href' || f === 'search') { syncParams(st); } };
    }
    Object.defineProperty(UP, f, d);
});
Object.defineProperty(UP, 'searchParams', {
    configurable: true, enumerable: true,
    get: function () {
        var st = uh(this);
        if (!st.params) { var q = host.urlQuery(st.h); st.params = new URLSearchParams(q === null ? '' : q); st.params[H].url = st.h; }
        return st.params;
    }
});
hidden(UP, 'toString', function toString() { return host.urlGet(uh(this).h, 'href'); });
hidden(UP, 'toJSON', function toJSON() { return host.urlGet(uh(this).h, 'href'); });
Object.defineProperty(UP, Symbol.toStringTag, { value: 'URL', configurable: true });
Object.defineProperty(URL, 'length', { value: 1, configurable: true });
// Blob URLs: Node keeps the blob in a registry; scripts see the calls.
var blobURLs = new Map();
hidden(URL, 'createObjectURL', function createObjectURL(obj) {
    if (typeof Blob === 'function' && !(obj instanceof Blob)) { throw argType('obj', 'an instance of Blob', obj); }
    var id = 'blob:nodedata:' + host.randomUUID();
    blobURLs.set(id, obj);
    return id;
});
hidden(URL, 'revokeObjectURL', function revokeObjectURL(url) { blobURLs.delete(String(url)); });
function missingURL() { return nodeError(TypeError, 'The "url" argument must be specified', 'ERR_MISSING_ARGS'); }
hidden(URL, 'canParse', function canParse(input, base) { if (arguments.length === 0) { throw missingURL(); } return base === undefined ? host.urlCanParse(String(input)) : host.urlCanParse(String(input), String(base)); });
hidden(URL, 'parse', function parse(input, base) { if (arguments.length === 0) { throw missingURL(); } try { return new URL(input, base); } catch (e) { return null; } });
return [URL, URLSearchParams];
})
