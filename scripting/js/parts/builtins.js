// Newer built-ins the current sandbox's V8 has and goja lacks, compiled on
// first call: bootstrap.js defines each as a stub (builtin()) that calls the
// function registered here under the same key. The code below is written as
// if it defined them itself; def() registers instead.
(function (b) {
'use strict';
var host = b.host, isIterable = b.isIterable, notIterable = b.notIterable;
var out = {};
var owners = [[Object, 'Object'], [Map, 'Map'], [Promise, 'Promise'], [RegExp, 'RegExp'],
    [ArrayBuffer.prototype, 'ArrayBuffer'], [Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), 'Iterator'],
    [Array, 'Array'], [String.prototype, 'String']];
function def(obj, name, f) {
    for (var i = 0; i < owners.length; i++) {
        if (owners[i][0] === obj) { out[owners[i][1] + '.' + name] = f; return; }
    }
    throw new Error('courier builtins: no owner for ' + name);
}
def(Object, 'groupBy', function groupBy(items, fn) {
    if (typeof fn !== 'function') { throw new TypeError(String(fn) + ' is not a function'); }
    var out = Object.create(null), i = 0;
    for (var x of items) { var k = fn(x, i++); k = typeof k === 'symbol' ? k : String(k); (out[k] || (out[k] = [])).push(x); }
    return out;
});
def(Map, 'groupBy', function groupBy(items, fn) {
    if (typeof fn !== 'function') { throw new TypeError(String(fn) + ' is not a function'); }
    var out = new Map(), i = 0;
    for (var x of items) { var k = fn(x, i++); if (!out.has(k)) { out.set(k, []); } out.get(k).push(x); }
    return out;
});
def(Promise, 'withResolvers', function withResolvers() {
    var r = { promise: undefined, resolve: undefined, reject: undefined };
    r.promise = new this(function (res, rej) { r.resolve = res; r.reject = rej; });
    return r;
});
def(Promise, 'try', function try_(fn) {
    var args = Array.prototype.slice.call(arguments, 1), C = this;
    return new C(function (resolve) { resolve(fn.apply(undefined, args)); });
});
// RegExp.escape as V8 13 has it (goja's follows an older draft): a leading
// letter or digit and the other punctuators as \xHH, syntax characters and
// / with a backslash.
def(RegExp, 'escape', function escape(s) {
    if (typeof s !== 'string') { throw new TypeError('RegExp.escape requires a string'); }
    var out = '', ws = { '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r' };
    for (var i = 0; i < s.length; i++) {
        var c = s[i], code = s.charCodeAt(i);
        if (i === 0 && /[0-9A-Za-z]/.test(c)) { out += '\\x' + code.toString(16); } else if ('^$\\.*+?()[]{}|/'.indexOf(c) >= 0) { out += '\\' + c; } else if (ws[c]) { out += ws[c]; } else if (',-=<>#&!%:;@~\'`"'.indexOf(c) >= 0 || c === ' ') { out += '\\x' + code.toString(16); } else if (/[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(c)) { out += '\\u' + code.toString(16).padStart(4, '0'); } else if (code >= 0xd800 && code <= 0xdfff && !(code <= 0xdbff && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) && !(code >= 0xdc00 && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) { out += '\\u' + code.toString(16); } else { out += c; }
    }
    return out;
});
// ArrayBuffer#transfer: the bytes move to a new buffer, the old one is left
// detached.
def(ArrayBuffer.prototype, 'transfer', function transfer(n) {
    var len = n === undefined ? this.byteLength : Number(n), out = new ArrayBuffer(len);
    new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(len, this.byteLength)));
    host.detach(this);
    return out;
});
// Iterator helpers (V8 12): on every built-in iterator, lazy like V8's;
// return() reaches the underlying iterator when a helper stops early.
(function () {
    var IP = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
    function fnArg(f) { if (typeof f !== 'function') { throw new TypeError((f !== null && typeof f !== 'object' && f !== undefined ? typeof f + ' ' : '') + String(f) + ' is not a function'); } }
    function helper(src, body) {
        var next = src.next, done = false;
        var g = (function* () {
            try { yield* body(function () { var r = next.call(src); if (r.done) { done = true; } return r; }); } finally { if (!done && typeof src.return === 'function') { src.return(); } }
        })();
        Object.defineProperty(g, Symbol.toStringTag, { value: 'Iterator Helper', configurable: true });
        return g;
    }
    def(IP, 'map', function map(f) { fnArg(f); return helper(this, function* (step) { for (var i = 0, r; !(r = step()).done; i++) { yield f(r.value, i); } }); });
    def(IP, 'filter', function filter(f) { fnArg(f); return helper(this, function* (step) { for (var i = 0, r; !(r = step()).done; i++) { if (f(r.value, i)) { yield r.value; } } }); });
    def(IP, 'take', function take(n) {
        n = Number(n); if (isNaN(n) || n < 0) { throw new RangeError(String(n) + ' must be positive'); }
        return helper(this, function* (step) { for (var i = 0, r; i < n && !(r = step()).done; i++) { yield r.value; } });
    });
    def(IP, 'drop', function drop(n) {
        n = Number(n); if (isNaN(n) || n < 0) { throw new RangeError(String(n) + ' must be positive'); }
        return helper(this, function* (step) { for (var i = 0, r; !(r = step()).done; i++) { if (i >= n) { yield r.value; } } });
    });
    def(IP, 'flatMap', function flatMap(f) { fnArg(f); return helper(this, function* (step) { for (var i = 0, r; !(r = step()).done; i++) { yield* f(r.value, i); } }); });
    function each(it, f) { for (var i = 0, r; !(r = it.next()).done; i++) { if (f(r.value, i) === false) { if (typeof it.return === 'function') { it.return(); } return; } } }
    def(IP, 'toArray', function toArray() { var out = []; each(this, function (v) { out.push(v); }); return out; });
    def(IP, 'forEach', function forEach(f) { fnArg(f); each(this, function (v, i) { f(v, i); }); });
    def(IP, 'some', function some(f) { fnArg(f); var hit = false; each(this, function (v, i) { if (f(v, i)) { hit = true; return false; } }); return hit; });
    def(IP, 'every', function every(f) { fnArg(f); var all = true; each(this, function (v, i) { if (!f(v, i)) { all = false; return false; } }); return all; });
    def(IP, 'find', function find(f) { fnArg(f); var hit; each(this, function (v, i) { if (f(v, i)) { hit = v; return false; } }); return hit; });
    def(IP, 'reduce', function reduce(f, init) {
        fnArg(f); var acc = init, first = arguments.length < 2;
        each(this, function (v, i) { if (first) { acc = v; first = false; } else { acc = f(acc, v, i); } });
        if (first) { throw new TypeError('Reduce of a done iterator with no initial value'); }
        return acc;
    });
})();
// goja's Promise.any rejects with an AggregateError without V8's message.
def(Promise, 'any', function any(items) {
    var C = this;
    if (!isIterable(items)) { return C.reject(notIterable(items)); }
    return new C(function (resolve, reject) {
        var errors = [], remaining = 1, i = 0;
        function done() { reject(new AggregateError(errors, 'All promises were rejected')); }
        try {
            for (var x of items) {
                (function (idx) {
                    remaining++;
                    C.resolve(x).then(resolve, function (e) { errors[idx] = e; if (--remaining === 0) { done(); } });
                })(i++);
            }
        } catch (e) { reject(e); return; }
        if (--remaining === 0) { done(); }
    });
});
def(Array, 'fromAsync', function fromAsync(items, mapFn, thisArg) {
    var C = this;
    return new Promise(function (resolve, reject) {
        var out = typeof C === 'function' && C !== Array ? new C() : [], i = 0;
        var it;
        if (items != null && typeof items[Symbol.asyncIterator] === 'function') { it = items[Symbol.asyncIterator](); } else if (items != null && typeof items[Symbol.iterator] === 'function') { it = items[Symbol.iterator](); } else { it = Array.prototype.values.call(Array.from(items)); }
        function step() {
            Promise.resolve(it.next()).then(function (r) {
                if (r.done) { if (!Array.isArray(out)) { out.length = i; } resolve(out); return; }
                return Promise.resolve(r.value).then(function (v) {
                    return mapFn ? mapFn.call(thisArg, v, i) : v;
                }).then(function (v) { out[i++] = v; step(); });
            }).catch(reject);
        }
        step();
    });
});
def(String.prototype, 'isWellFormed', function isWellFormed() {
    return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(String(this));
});
def(String.prototype, 'toWellFormed', function toWellFormed() {
    return String(this).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|([^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/g, function (m, pre) { return (pre || '') + '\uFFFD'; });
});
return out;
})
