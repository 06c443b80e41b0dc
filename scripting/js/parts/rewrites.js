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
def(global, '__courierAwait', function (v) { return new AwaitMark(v); });
def(global, '__courierAsyncIter', function (o) {
    if (o !== null && o !== undefined && typeof o[Symbol.asyncIterator] === 'function') { return o[Symbol.asyncIterator](); }
    if (o === null || o === undefined || typeof o[Symbol.iterator] !== 'function') { throw new TypeError(String(o) + ' is not async iterable'); }
    var it = o[Symbol.iterator]();
    return { next: function (v) { var r = it.next(v); return Promise.resolve(r.value).then(function (x) { return { value: x, done: r.done }; }); } };
});
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
            try { sent = yield r.value; mode = 'next'; } catch (e) { sent = e; mode = 'throw'; }
            atValue = false;
        }
    } finally {
        // Still at a value: the consumer called return().
        if (atValue && typeof it.return === 'function') { yield new AwaitMark(it.return()); }
    }
});
def(global, '__courierAsyncGen', function (self, args, fn) {
    var g = fn.apply(self, args), last = Promise.resolve();
    function step(method, arg) {
        return new Promise(function (resolve, reject) {
            function pump(m, a) {
                var r;
                try { r = g[m](a); } catch (e) { reject(e); return; }
                if (r.value instanceof AwaitMark) {
                    Promise.resolve(r.value.v).then(function (v) { pump('next', v); }, function (e) { pump('throw', e); });
                } else if (r.done) {
                    Promise.resolve(r.value).then(function (v) { resolve({ value: v, done: true }); }, reject);
                } else {
                    Promise.resolve(r.value).then(function (v) { resolve({ value: v, done: false }); }, function (e) { pump('throw', e); });
                }
            }
            pump(method, arg);
        });
    }
    function enqueue(m, a) { var p = last.then(function () { return step(m, a); }); last = p.catch(function () {}); return p; }
    var it = Object.create(AsyncGenProto);
    def(it, '_q', enqueue);
    return it;
});
var AsyncGenProto = {};
// An async generator function's own type (its prototype is
// AsyncGeneratorFunction.prototype); the rewrite marks each one.
var AsyncGenFnProto = Object.create(Function.prototype);
function AsyncGeneratorFunction() { throw new SyntaxError('courier cannot compile an async generator function from text'); }
AsyncGeneratorFunction.prototype = AsyncGenFnProto;
def(AsyncGenFnProto, 'constructor', AsyncGeneratorFunction);
Object.defineProperty(AsyncGenFnProto, Symbol.toStringTag, { value: 'AsyncGeneratorFunction', configurable: true });
def(global, '__courierMarkAsyncGen', function (f) { if (typeof f === 'function') { Object.setPrototypeOf(f, AsyncGenFnProto); } return f; });
def(AsyncGenProto, 'next', function next(v) { return this._q('next', v); });
def(AsyncGenProto, 'return', function return_(v) { return this._q('return', v); });
def(AsyncGenProto, 'throw', function throw_(e) { return this._q('throw', e); });
// Reserved words cannot name a function expression; V8's are named so.
Object.defineProperty(AsyncGenProto['return'], 'name', { value: 'return', configurable: true });
Object.defineProperty(AsyncGenProto['throw'], 'name', { value: 'throw', configurable: true });
def(AsyncGenProto, Symbol.asyncIterator, function () { return this; });
Object.defineProperty(AsyncGenProto, Symbol.toStringTag, { value: 'AsyncGenerator', configurable: true });

return out;
})
