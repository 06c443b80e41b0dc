// What scripts rewritten at compile time call: the async-generator and
// for-await helpers (asyncgen.go; regular expression literals have
// js/parts/regexp.js). bootstrap.js defines each global as a stub that
// calls the function registered here under its name; the code below is
// written as if it defined them itself: def() registers the globals.
(function (b) {
'use strict';
var global = b.global, out = {};
function def(obj, name, f) {
    if (obj === global) { out[name] = f; return; }
    b.def(obj, name, f);
}
function AwaitMark(v) { this.v = v; }
// A value yield* hands on (V8 does not await it again).
function Delegated(v) { this.v = v; }
// What the outer generator is to return (the delegation's return).
function ReturnMark(v) { this.v = v; }
// The value of the return() the driver is making, read by the delegation.
var returnArg;
def(global, '__courierAwait', function (v) { return new AwaitMark(v); });
// typed prints a value as V8's "is not a function" does: number 5,
// string "s", #<Object>.
function typed(v) {
    if (typeof v === 'string') { return 'string "' + v + '"'; }
    if (v !== null && typeof v === 'object') { return '#<' + (typeof v.constructor === 'function' && v.constructor.name || 'Object') + '>'; }
    return (v === null || v === undefined ? '' : typeof v + ' ') + String(v);
}
function isObj(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
// GetIterator(o, async): Symbol.asyncIterator, else Symbol.iterator made
// async; a method that is there but not callable, a result that is not an
// object and a next that is not a function are refused in V8's words.
def(global, '__courierAsyncIter', function (o) {
    var m = o === null || o === undefined ? undefined : o[Symbol.asyncIterator], it;
    if (m !== undefined && m !== null) {
        if (typeof m !== 'function') { throw new TypeError(typed(m) + ' is not a function'); }
        it = m.call(o);
        if (!isObj(it)) { throw new TypeError('Result of the Symbol.asyncIterator method is not an object'); }
        if (typeof it.next !== 'function') { throw new TypeError(typed(it.next) + ' is not a function'); }
        return it;
    }
    m = o === null || o === undefined ? undefined : o[Symbol.iterator];
    if (m === undefined || m === null) { throw new TypeError(String(o) + ' is not async iterable'); }
    if (typeof m !== 'function') { throw new TypeError(typed(m) + ' is not a function'); }
    var sync = m.call(o);
    if (!isObj(sync)) { throw new TypeError('Result of the Symbol.iterator method is not an object'); }
    // V8's %AsyncFromSyncIteratorPrototype%: a value that rejects closes
    // the sync iterator (its return is called) before the loop sees the
    // rejection, and a loop left early calls its return.
    return {
        next: function (v) {
            var r = sync.next(v);
            return Promise.resolve(r.value).then(function (x) { return { value: x, done: r.done }; }, function (e) {
                if (!r.done) { closeSync(sync); }
                throw e;
            });
        },
        return: function (v) {
            var f = sync.return;
            if (f === undefined || f === null) { return Promise.resolve({ value: v, done: true }); }
            var r = f.call(sync, v);
            if (!isObj(r)) { throw new TypeError('Iterator result ' + (typeof r === 'symbol' ? r.toString() : String(r)) + ' is not an object'); }
            return Promise.resolve(r.value).then(function (x) { return { value: x, done: r.done }; });
        }
    };
});
function closeSync(sync) {
    try { var f = sync.return; if (typeof f === 'function') { f.call(sync); } } catch (e) { void e; }
}
// yield* inside an async generator: each step of the async iterator is
// awaited (through the marks the driver settles), values go out as they
// come, and throw()/return() reach the inner iterator as V8 forwards them.
def(global, '__courierAsyncDelegate', function* (o) {
    if (o === null || o === undefined || typeof o[Symbol.asyncIterator] !== 'function' && typeof o[Symbol.iterator] !== 'function') { throw new TypeError('undefined is not a function'); }
    var it = global.__courierAsyncIter(o), mode = 'next', sent, atValue = false;
    try {
        for (;;) {
            var fn = it[mode];
            if (mode === 'throw' && typeof fn !== 'function') {
                if (typeof it.return === 'function') { yield new AwaitMark(it.return()); }
                throw new TypeError("The iterator does not provide a 'throw' method");
            }
            var r = yield new AwaitMark(fn.call(it, sent));
            if (r === null || typeof r !== 'object') { throw new TypeError('Iterator result ' + String(r) + ' is not an object'); }
            if (r.done) { return r.value; }
            atValue = true;
            try { sent = yield new Delegated(r.value); mode = 'next'; } catch (e) { sent = e; mode = 'throw'; }
            atValue = false;
        }
    } finally {
        // Still at a value: the consumer called return(v). The inner
        // iterator's return(v) is awaited and its value is what the outer
        // generator returns (V8), so this one asks the driver to return it
        // again (ReturnMark): a yield here (the await) has turned the
        // return into a resumption.
        if (atValue && typeof it.return === 'function') {
            var v = returnArg, rr = yield new AwaitMark(it.return(v));
            if (!isObj(rr)) { throw new TypeError('Iterator result ' + String(rr) + ' is not an object'); }
            yield new ReturnMark(rr.value);
        }
    }
});
// V8's objects around async generators: %AsyncIteratorPrototype% (its
// asyncIterator and asyncDispose), %AsyncGeneratorPrototype% (next,
// return, throw; each function's own prototype inherits from it) and
// %AsyncGeneratorFunction.prototype%, each member with V8's attributes.
function member(o, key, f, name, length) {
    Object.defineProperty(f, 'name', { value: name, configurable: true });
    Object.defineProperty(f, 'length', { value: length, configurable: true });
    Object.defineProperty(o, key, { value: f, writable: true, enumerable: false, configurable: true });
}
function fixed(o, key, v) { Object.defineProperty(o, key, { value: v, writable: false, enumerable: false, configurable: true }); }
var AsyncIterProto = {};
member(AsyncIterProto, Symbol.asyncIterator, function () { return this; }, '[Symbol.asyncIterator]', 0);
member(AsyncIterProto, Symbol.asyncDispose, function () {
    var o = this;
    return new Promise(function (resolve, reject) {
        var r = o === null || o === undefined ? undefined : o['return'];
        if (r === undefined || r === null) { resolve(undefined); return; }
        if (typeof r !== 'function') { throw new TypeError("'" + String(r) + "' returned for property 'return' of object '" + shown(o) + "' is not a function"); }
        Promise.resolve(r.call(o, undefined)).then(function () { resolve(undefined); }, reject);
    });
}, '[Symbol.asyncDispose]', 0);
var AsyncGenProto = Object.create(AsyncIterProto);
var AsyncGenFnProto = Object.create(Function.prototype);
// Built from text as V8 builds it: the parameters joined by commas, the
// last argument the body (the Go side rewrites it as a script's).
function AsyncGeneratorFunction() {
    var n = arguments.length, params = [];
    for (var i = 0; i < n - 1; i++) { params.push(String(arguments[i])); }
    var f = global.__courierAsyncGenFromText(params.join(','), n > 0 ? String(arguments[n - 1]) : '');
    if (typeof f === 'string') { throw new SyntaxError(f); }
    return f;
}
Object.defineProperty(AsyncGeneratorFunction, 'prototype', { value: AsyncGenFnProto, writable: false, enumerable: false, configurable: false });
Object.defineProperty(AsyncGeneratorFunction, 'length', { value: 1, configurable: true });
Object.setPrototypeOf(AsyncGeneratorFunction, Function);
fixed(AsyncGenFnProto, 'constructor', AsyncGeneratorFunction);
fixed(AsyncGenFnProto, 'prototype', AsyncGenProto);
fixed(AsyncGenFnProto, Symbol.toStringTag, 'AsyncGeneratorFunction');
fixed(AsyncGenProto, 'constructor', AsyncGenFnProto);
// V8's #<Name> for an object in a message.
function shown(o) {
    if (o === null || typeof o !== 'object' && typeof o !== 'function') { return String(o); }
    var c = o.constructor, n = typeof c === 'function' && typeof c.name === 'string' && c.name !== '' ? c.name : 'Object';
    return '#<' + n + '>';
}
// Each async generator object's queue of requests, kept out of sight.
var queues = new WeakMap();
['next', 'return', 'throw'].forEach(function (m) {
    member(AsyncGenProto, m, function (v) {
        var q = queues.get(this);
        if (q === undefined) { return Promise.reject(new TypeError('Method [AsyncGenerator].prototype.' + m + ' called on incompatible receiver ' + shown(this))); }
        return q(m, v);
    }, m, 1);
});
fixed(AsyncGenProto, Symbol.toStringTag, 'AsyncGenerator');
// The functions the rewrite marked: their prototype is their objects'.
var marked = new WeakSet();
function mark(f, name) {
    if (name === 1) { markMethods(f); return f; }
    // A private method (the rewrite names it): marked where it stands.
    if (name === 2) {
        if (typeof f === 'function' && !marked.has(f)) {
            marked.add(f);
            Object.setPrototypeOf(f, AsyncGenFnProto);
            Object.defineProperty(f, 'prototype', { value: Object.create(AsyncGenProto), writable: true, enumerable: false, configurable: false });
        }
        return f;
    }
    if (typeof f !== 'function' || marked.has(f)) { return f; }
    marked.add(f);
    Object.setPrototypeOf(f, AsyncGenFnProto);
    // An ordinary function's own prototype: writable, neither enumerable
    // nor configurable, as an async generator function's.
    f.prototype = Object.create(AsyncGenProto);
    // An anonymous function takes the name of what it is assigned to; the
    // marker's call hides that from goja, so the rewrite passes it.
    if (typeof name === 'string' && f.name === '') { Object.defineProperty(f, 'name', { value: name, configurable: true }); }
    return f;
}
// An object literal or class whose async generator methods the rewrite
// turned into m(…) { return (async function* …).apply(this, arguments) }
// (printed as written, async *m(…) { … }): each such method becomes a
// method of the same key, attributes, name, length and text, of V8's
// type, with a prototype of its own its objects inherit from.
var rewrittenMethod = /^async\s*\*|^[^{]*\)\s*\{ return \(async function\* /;
function markMethods(o) {
    if (o === null || typeof o !== 'object' && typeof o !== 'function') { return; }
    markOwnMethods(o);
    if (typeof o === 'function' && o.prototype !== null && typeof o.prototype === 'object') { markOwnMethods(o.prototype); }
}
function markOwnMethods(t) {
    Reflect.ownKeys(t).forEach(function (k) {
        var d = Object.getOwnPropertyDescriptor(t, k), orig = d && d.value;
        if (typeof orig !== 'function' || marked.has(orig) || !rewrittenMethod.test(Function.prototype.toString.call(orig))) { return; }
        var w = ({ [k]() {
            var g = orig.apply(this, arguments), p = w.prototype;
            if (p !== null && (typeof p === 'object' || typeof p === 'function')) { Object.setPrototypeOf(g, p); }
            return g;
        } })[k];
        marked.add(w);
        Object.defineProperty(w, 'length', { value: orig.length, configurable: true });
        global.__courierCopyText(w, orig);
        Object.setPrototypeOf(w, AsyncGenFnProto);
        Object.defineProperty(w, 'prototype', { value: Object.create(AsyncGenProto), writable: true, enumerable: false, configurable: false });
        Object.defineProperty(t, k, { value: w, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });
    });
}
def(global, '__courierMarkAsyncGen', mark);
def(global, '__courierAsyncGen', function (self, args, fn, own) {
    var g = fn.apply(self, args);
    // The function called, as the rewrite names it (a declaration runs
    // before the line that marks it when called from above; its name may
    // have been given another value since), else as arguments.callee
    // (hidden in strict code and by non-simple parameters: the objects then
    // inherit from %AsyncGeneratorPrototype% directly).
    var f = own, proto = AsyncGenProto;
    if (typeof f !== 'function' || !marked.has(f) && Function.prototype.toString.call(f).indexOf('__courierAsyncGen(this, arguments') < 0) {
        try { f = args.callee; } catch (e) { f = undefined; }
    }
    if (typeof f === 'function') {
        mark(f);
        if (f.prototype !== null && (typeof f.prototype === 'object' || typeof f.prototype === 'function')) { proto = f.prototype; }
    }
    function step(method, arg, resolve, reject) {
        function pump(m, a) {
            var r;
            // Through __courierTry: an overflow inside is a RangeError.
            returnArg = a;
            try { r = global.__courierTry(function () { return g[m](a); }); } catch (e) { reject(e); return; }
            returnArg = undefined;
            if (r.value instanceof ReturnMark) {
                pump('return', r.value.v);
            } else if (r.value instanceof AwaitMark) {
                Promise.resolve(r.value.v).then(function (v) { pump('next', v); }, function (e) { pump('throw', e); });
            } else if (r.value instanceof Delegated) {
                // yield* hands on the inner iterator's value unawaited.
                resolve({ value: r.value.v, done: false });
            } else if (r.done && r.value === undefined && m !== 'return') {
                // Fell off the end (or a bare return): nothing to await.
                resolve({ value: undefined, done: true });
            } else if (r.done) {
                Promise.resolve(r.value).then(function (v) { resolve({ value: v, done: true }); }, reject);
            } else {
                Promise.resolve(r.value).then(function (v) { resolve({ value: v, done: false }); }, function (e) { pump('throw', e); });
            }
        }
        pump(method, arg);
    }
    // V8's request queue: a request made while the generator is idle runs
    // at once, and the next one starts as the one before settles (no
    // promise hops in between, so its ticks are V8's).
    var queue = [], busy = false;
    function drain() {
        if (queue.length === 0) { busy = false; return; }
        busy = true;
        var q = queue.shift();
        step(q.m, q.a, function (v) { q.resolve(v); drain(); }, function (e) { q.reject(e); drain(); });
    }
    function enqueue(m, a) {
        return new Promise(function (resolve, reject) {
            queue.push({ m: m, a: a, resolve: resolve, reject: reject });
            if (!busy) { drain(); }
        });
    }
    var it = Object.create(proto);
    queues.set(it, enqueue);
    return it;
});

return out;
})
