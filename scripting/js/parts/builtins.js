// Newer built-ins the current sandbox's V8 has and goja lacks, compiled on
// first call: bootstrap.js defines each as a stub (builtin()) that calls the
// function registered here under the same key. The code below is written as
// if it defined them itself; def() registers instead.
(function (b) {
'use strict';
var host = b.host, global = b.global, isIterable = b.isIterable, notIterable = b.notIterable, domError = b.domError;
var nodeErrors = host.nodeErrors(), nodeError = nodeErrors.nodeError;
// iterOnce(v) is what for-of below iterates: the iteration hook's stand-in,
// whose iterator's results are checked in V8's words (kind 7: yield*'s).
function iterOnce(v) { return global.__courierIterable(v, 7); }
function checkedResult(r) {
    if (r === null || typeof r !== 'object' && typeof r !== 'function') { throw new TypeError('Iterator result ' + (typeof r === 'symbol' ? r.toString() : String(r)) + ' is not an object'); }
    return r;
}
var out = {};
var owners = [[Object, 'Object'], [Map, 'Map'], [Promise, 'Promise'], [RegExp, 'RegExp'],
    [ArrayBuffer.prototype, 'ArrayBuffer'], [Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), 'Iterator'],
    [Array, 'Array'], [String.prototype, 'String'], [global, 'global']];
// On one of the owners a def registers the function under owner.name; on
// anything else (an instance, a class's prototype) it defines, as the
// bootstrap's def does.
function def(obj, name, f) {
    for (var i = 0; i < owners.length; i++) {
        if (owners[i][0] === obj) { out[owners[i][1] + '.' + name] = f; return; }
    }
    b.def(obj, name, f);
}
def(Object, 'groupBy', function groupBy(items, fn) {
    if (items === null || items === undefined) { throw new TypeError('Object.groupBy called on null or undefined'); }
    if (typeof fn !== 'function') { throw new TypeError(String(fn) + ' is not a function'); }
    var out = Object.create(null), i = 0;
    for (var x of iterOnce(items)) { var k = fn(x, i++); k = typeof k === 'symbol' ? k : String(k); (out[k] || (out[k] = [])).push(x); }
    return out;
});
def(Map, 'groupBy', function groupBy(items, fn) {
    if (items === null || items === undefined) { throw new TypeError('Map.groupBy called on null or undefined'); }
    if (typeof fn !== 'function') { throw new TypeError(String(fn) + ' is not a function'); }
    var out = new Map(), i = 0;
    for (var x of iterOnce(items)) { var k = fn(x, i++); if (!out.has(k)) { out.set(k, []); } out.get(k).push(x); }
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
    if (typeof s !== 'string') { throw new TypeError('input argument must be a string'); }
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
    if (this instanceof ArrayBuffer && this.detached === true) { throw new TypeError('Cannot perform ArrayBuffer.prototype.transfer on a detached ArrayBuffer'); }
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
    // A helper is an object of V8's %IteratorHelperPrototype% (next,
    // return, its tag; %Iterator.prototype% after it), run by a generator
    // of its own.
    var runs = new WeakMap(), HP = Object.create(IP);
    function run(h, name) {
        var g = runs.get(h);
        if (g === undefined) { throw new TypeError('Method Iterator Helper.prototype.' + name + ' called on incompatible receiver ' + (h !== null && typeof h === 'object' ? '#<Object>' : String(h))); }
        return g;
    }
    def(HP, 'next', function next() { return run(this, 'next').next(); });
    def(HP, 'return', { 'return': function () { return run(this, 'return')['return'](); } }['return']);
    Object.defineProperty(HP, Symbol.toStringTag, { value: 'Iterator Helper', configurable: true });
    function helper(src, body) {
        var next = src.next, done = false;
        var g = (function* () {
            try { yield* body(function () { var r = next.call(src); if (r.done) { done = true; } return r; }); } finally { if (!done && typeof src.return === 'function') { src.return(); } }
        })();
        var h = Object.create(HP);
        runs.set(h, g);
        return h;
    }
    def(IP, 'map', function map(f) { fnArg(f); return helper(this, function* (step) { for (var i = 0, r; !(r = step()).done; i++) { yield f(r.value, i); } }); });
    def(IP, 'filter', function filter(f) { fnArg(f); return helper(this, function* (step) { for (var i = 0, r; !(r = step()).done; i++) { if (f(r.value, i)) { yield r.value; } } }); });
    // A limit as V8 reads it: ToNumber (a BigInt refused), NaN and what
    // truncates below zero refused with the value as given (#<Object>).
    function limit(n) {
        var v = +n, t = Math.trunc(v);
        if (v !== v || t < 0) { throw new RangeError((n !== null && typeof n === 'object' ? '#<Object>' : String(n)) + ' must be positive'); }
        return t;
    }
    def(IP, 'take', function take(n) {
        n = limit(n);
        return helper(this, function* (step) { for (var i = 0, r; i < n && !(r = step()).done; i++) { yield r.value; } });
    });
    def(IP, 'drop', function drop(n) {
        n = limit(n);
        return helper(this, function* (step) { for (var i = 0, r; !(r = step()).done; i++) { if (i >= n) { yield r.value; } } });
    });
    // flatMap takes an object's iterator, or the object as its own iterator
    // (no Symbol.iterator), and refuses primitives, strings included.
    function flattenable(v) {
        if (v === null || typeof v !== 'object' && typeof v !== 'function') { throw new TypeError('Iterator.prototype.flatMap called on non-object'); }
        var m = v[Symbol.iterator], it = m === undefined || m === null ? v : m.call(v);
        if (it === null || typeof it !== 'object' && typeof it !== 'function') { throw new TypeError('Iterator.prototype.flatMap called on non-object'); }
        var next = it.next;
        if (typeof next !== 'function') { throw new TypeError(String(next) + ' is not a function'); }
        return { it: it, next: next };
    }
    def(IP, 'flatMap', function flatMap(f) {
        fnArg(f);
        return helper(this, function* (step) {
            for (var i = 0, r; !(r = step()).done; i++) {
                var inner = flattenable(f(r.value, i)), out = false;
                try {
                    for (var s; !(s = checkedResult(inner.next.call(inner.it))).done;) { out = true; yield s.value; out = false; }
                } finally { if (out && typeof inner.it.return === 'function') { inner.it.return(); } }
            }
        });
    });
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
            for (var x of iterOnce(items)) {
                (function (idx) {
                    remaining++;
                    C.resolve(x).then(resolve, function (e) { errors[idx] = e; if (--remaining === 0) { done(); } });
                })(i++);
            }
        } catch (e) { reject(e); return; }
        if (--remaining === 0) { done(); }
    });
});
// Array.fromAsync as the proposal's steps run it, an async function, so
// its awaits interleave with other promise jobs tick for tick as in V8: a
// sync iterable goes through an async-from-sync iterator (each value
// awaited there), an array-like awaits each element.
function isObjectLike(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
function asyncFromSync(it) {
    var next = it.next;
    return {
        next: function () {
            var r, done;
            try { r = checkedResult(next.call(it)); done = !!r.done; } catch (e) { return Promise.reject(e); }
            return Promise.resolve(r.value).then(function (v) { return { value: v, done: done }; });
        },
        'return': function () {
            var ret = it['return'];
            if (ret === undefined || ret === null) { return Promise.resolve({ value: undefined, done: true }); }
            return Promise.resolve(ret.call(it));
        }
    };
}
def(Array, 'fromAsync', async function fromAsync(items, mapFn, thisArg) {
    var C = this;
    if (mapFn !== undefined && typeof mapFn !== 'function') { throw new TypeError(String(mapFn) + ' is not a function'); }
    var isCtor = typeof C === 'function' && C !== Array;
    var m = items != null && typeof items[Symbol.asyncIterator] === 'function' ? 'asyncIterator' : items != null && typeof items[Symbol.iterator] === 'function' ? 'iterator' : '';
    var out, k = 0;
    if (!m) {
        // An array-like: its length first, each element awaited.
        var arrayLike = Object(items), len = Math.min(Math.max(Math.trunc(Number(arrayLike.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
        out = isCtor ? new C(len) : new Array(len);
        for (; k < len; k++) {
            var kv = await arrayLike[k];
            out[k] = mapFn ? await mapFn.call(thisArg, kv, k) : kv;
        }
        out.length = len;
        return out;
    }
    var it = items[Symbol[m]]();
    // V8 12's words, Symbol.iterator for both methods, and an async
    // iterator's result named by the caller.
    if (!isObjectLike(it)) { throw new TypeError('Result of the Symbol.iterator method is not an object'); }
    if (m === 'iterator') { it = asyncFromSync(it); }
    var next = it.next;
    out = isCtor ? new C() : [];
    for (;;) {
        var r = await next.call(it);
        if (m === 'asyncIterator' && !isObjectLike(r)) { throw new TypeError('Iterator result Array.fromAsync is not an object'); }
        checkedResult(r);
        if (r.done) { out.length = k; return out; }
        var v = r.value;
        if (mapFn) {
            try { v = await mapFn.call(thisArg, v, k); } catch (e) {
                if (typeof it['return'] === 'function') { await it['return'](); }
                throw e;
            }
        }
        out[k++] = v;
    }
});
// A scan of the code units: goja's regular expressions miss a lone low
// surrogate at the start of a string.
function loneSurrogate(s, i) {
    var c = s.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF) { var d = s.charCodeAt(i + 1); return !(d >= 0xDC00 && d <= 0xDFFF); }
    if (c >= 0xDC00 && c <= 0xDFFF) { var e = i > 0 ? s.charCodeAt(i - 1) : 0; return !(e >= 0xD800 && e <= 0xDBFF); }
    return false;
}
def(String.prototype, 'isWellFormed', function isWellFormed() {
    var s = String(this);
    for (var i = 0; i < s.length; i++) { if (loneSurrogate(s, i)) { return false; } }
    return true;
});
def(String.prototype, 'toWellFormed', function toWellFormed() {
    var s = String(this), out = '', from = 0;
    for (var i = 0; i < s.length; i++) { if (loneSurrogate(s, i)) { out += s.slice(from, i) + '\uFFFD'; from = i + 1; } }
    return from === 0 ? s : out + s.slice(from);
});

// The makers of lazy globals: bootstrap.js's lazy() calls them on first use.
var DOM_CODES = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5, NoModificationAllowedError: 7,
    NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13,
    NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25 };
// The legacy constants, in their order (2, 6 and 16 have no name of their own).
var DOM_CONSTANTS = ['INDEX_SIZE', 'DOMSTRING_SIZE', 'HIERARCHY_REQUEST', 'WRONG_DOCUMENT', 'INVALID_CHARACTER', 'NO_DATA_ALLOWED',
    'NO_MODIFICATION_ALLOWED', 'NOT_FOUND', 'NOT_SUPPORTED', 'INUSE_ATTRIBUTE', 'INVALID_STATE', 'SYNTAX', 'INVALID_MODIFICATION',
    'NAMESPACE', 'INVALID_ACCESS', 'VALIDATION', 'TYPE_MISMATCH', 'SECURITY', 'NETWORK', 'ABORT', 'URL_MISMATCH', 'QUOTA_EXCEEDED',
    'TIMEOUT', 'INVALID_NODE_TYPE', 'DATA_CLONE'];
out.DOMException = function () {
    class DOMException extends Error {
        constructor(message, options) {
            super(message === undefined ? '' : String(message));
            var name = 'Error';
            if (options !== null && typeof options === 'object') {
                if ('cause' in options) { def(this, 'cause', options.cause); }
                if (options.name !== undefined) { name = String(options.name); }
            } else if (options !== undefined) {
                name = String(options);
            }
            def(this, '__domName', name);
        }
        get name() { return this.__domName; }
        get code() { return DOM_CODES[this.__domName] || 0; }
    }
    Object.defineProperty(DOMException, 'length', { value: 0, configurable: true });
    Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
    DOM_CONSTANTS.forEach(function (n, i) {
        Object.defineProperty(DOMException, n + '_ERR', { value: i + 1, enumerable: true });
        Object.defineProperty(DOMException.prototype, n + '_ERR', { value: i + 1, enumerable: true });
    });
    return DOMException;
};
out.Buffer = function () {
    var B = host.require('buffer').Buffer, bp = B.prototype;
    // Newman's bundle minified Buffer's name to 's': chai names it so in
    // 'to be an instance of s' (fresh-round6s-a.json).
    Object.defineProperty(B, 'name', { value: 's', configurable: true });
    var isB64u = function (e) { return typeof e === 'string' && e.toLowerCase() === 'base64url'; };
    var toB64 = function (s) { s = String(s).replace(/-/g, '+').replace(/_/g, '/'); return s; };
    var from = B.from, byteLength = B.byteLength, isEncoding = B.isEncoding, toString = bp.toString, write = bp.write;
    B.from = function from_(v, enc, len) { return isB64u(enc) && typeof v === 'string' ? from.call(B, toB64(v), 'base64') : from.apply(B, arguments); };
    B.byteLength = function byteLength_(v, enc) { return isB64u(enc) && typeof v === 'string' ? byteLength.call(B, toB64(v), 'base64') : byteLength.apply(B, arguments); };
    B.isEncoding = function isEncoding_(enc) { return isB64u(enc) || isEncoding.call(B, enc); };
    B.copyBytesFrom = function copyBytesFrom(view, offset, length) {
        if (!ArrayBuffer.isView(view)) { throw new TypeError('The "view" argument must be an instance of TypedArray.'); }
        var bpe = view.BYTES_PER_ELEMENT || 1, start = (offset || 0) * bpe, end = length === undefined ? view.byteLength : start + length * bpe;
        return from.call(B, new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice(start, Math.min(end, view.byteLength)));
    };
    def(bp, 'toString', function toString_(enc, start, end) {
        if (!isB64u(enc)) { return toString.apply(this, arguments); }
        return toString.call(this, 'base64', start, end).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    });
    def(bp, 'write', function write_(s, offset, length, enc) {
        var a = Array.prototype.slice.call(arguments);
        for (var i = 1; i < a.length; i++) { if (isB64u(a[i])) { a[i] = 'base64'; a[0] = toB64(s); } }
        return write.apply(this, a);
    });
    return B;
};
function cloneError(what) { return domError(what + ' could not be cloned.', 'DataCloneError'); }
// V8 names a value it cannot clone in a short form: a function's source
// over 128 characters keeps its first 111 and last 2, a symbol's
// description over 128 its first and last 56.
function omitted(s, head, tail) { return s.slice(0, head) + '...<omitted>...' + s.slice(s.length - tail); }
function cloneName(v) {
    if (typeof v === 'function') { var src = String(v); return src.length > 128 ? omitted(src, 111, 2) : src; }
    var d = v.description;
    return d !== undefined && d.length > 128 ? 'Symbol(' + omitted(d, 56, 56) + ')' : v.toString();
}
// A view clones to its built-in class: a Buffer comes back a Uint8Array.
var VIEW_CLASSES = {};
['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
    'BigInt64Array', 'BigUint64Array'].forEach(function (n) { if (typeof global[n] === 'function') { VIEW_CLASSES[n] = global[n]; } });
function structuredClone(v, seen) {
    seen = seen || new Map();
    if (v === null || typeof v !== 'object') {
        if (typeof v === 'function' || typeof v === 'symbol') { throw cloneError(cloneName(v)); }
        return v;
    }
    if (seen.has(v)) { return seen.get(v); }
    var proxied = host.proxyName(v);
    if (proxied) { throw cloneError(proxied); }
    var out, tag = Object.prototype.toString.call(v).slice(8, -1);
    if (v instanceof Date) { out = new Date(v.getTime()); } else if (v instanceof RegExp) { out = new RegExp(v.source, v.flags); } else if (v instanceof ArrayBuffer || tag === 'SharedArrayBuffer') {
        // A shared buffer is shared, not copied, as V8 clones it (a
        // growable one grows with its clone); a resizable buffer stays so.
        if (tag === 'SharedArrayBuffer' && typeof global.__courierShareBuffer === 'function') {
            out = global.__courierShareBuffer(v);
        } else if (v.resizable || v.growable) {
            out = new (tag === 'SharedArrayBuffer' ? global.SharedArrayBuffer : ArrayBuffer)(v.byteLength, { maxByteLength: v.maxByteLength });
            new Uint8Array(out).set(new Uint8Array(v));
        } else { out = v.slice(0); }
    } else if (ArrayBuffer.isView(v)) {
        // Views of one buffer keep sharing the (cloned) buffer.
        var buf = structuredClone(v.buffer, seen);
        // One that follows its buffer's length keeps following it.
        var follows = typeof global.__courierTrackingView === 'function' && global.__courierTrackingView(v);
        out = v instanceof DataView ? (follows ? new DataView(buf, v.byteOffset) : new DataView(buf, v.byteOffset, v.byteLength)) :
            follows ? new VIEW_CLASSES[tag](buf, v.byteOffset) : new VIEW_CLASSES[tag](buf, v.byteOffset, v.length);
    } else if (v instanceof Map) {
        out = new Map(); seen.set(v, out);
        v.forEach(function (val, k) { out.set(structuredClone(k, seen), structuredClone(val, seen)); });
        return out;
    } else if (v instanceof Set) {
        out = new Set(); seen.set(v, out);
        v.forEach(function (val) { out.add(structuredClone(val, seen)); });
        return out;
    } else if (typeof global.DOMException === 'function' && v instanceof global.DOMException) {
        out = new global.DOMException(v.message, v.name);
    } else if (v instanceof Error) {
        // V8 keeps the class only for the standard error names.
        // V8 takes the message and stack only from own data properties.
        var md = Object.getOwnPropertyDescriptor(v, 'message'), sd = Object.getOwnPropertyDescriptor(v, 'stack');
        out = new (CLONE_ERRORS.indexOf(v.name) >= 0 ? global[v.name] : Error)(md && 'value' in md ? md.value : undefined);
        if (Object.prototype.hasOwnProperty.call(v, 'cause')) { def(out, 'cause', structuredClone(v.cause, seen)); }
        var st = sd ? ('value' in sd ? sd.value : v.stack) : undefined;
        out.stack = typeof st === 'string' ? st : undefined;
    } else if (tag === 'Boolean' || tag === 'Number' || tag === 'String' || tag === 'BigInt') {
        out = Object(v.valueOf());
    } else if (tag === 'File' || tag === 'Blob') {
        out = tag === 'File' ? new global.File([v], v.name, { type: v.type, lastModified: v.lastModified }) : new global.Blob([v], { type: v.type });
    } else if (CLONE_REFUSED.indexOf(tag) >= 0 || /^Intl\./.test(tag)) {
        // V8 names the object it cannot serialize as its no-side-effects
        // string: built-in iterators and wrappers by tag, others by class.
        throw cloneError(tag === 'Arguments' ? '#<Object>' : /^Intl\./.test(tag) ? '#<' + tag.slice(5) + '>' : '[object ' + tag + ']');
    } else if (tag === 'ReadableStream' || tag === 'WritableStream' || tag === 'TransformStream') {
        throw domError('Object that needs transfer was found in message but not listed in transferList', 'DataCloneError');
    } else if (tag === 'URL' || tag === 'URLSearchParams') {
        // Node marks them neither cloneable nor transferable.
        throw domError('Cannot clone object of unsupported type.', 'DataCloneError');
    } else if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || (typeof WeakRef === 'function' && v instanceof WeakRef)) {
        throw cloneError('#<' + (v instanceof Promise ? 'Promise' : v instanceof WeakMap ? 'WeakMap' : v instanceof WeakSet ? 'WeakSet' : 'WeakRef') + '>');
    } else {
        out = Array.isArray(v) ? [] : {};
        seen.set(v, out);
        Object.keys(v).forEach(function (k) { out[k] = structuredClone(v[k], seen); });
        // Holes at the end still count.
        if (Array.isArray(v)) { out.length = v.length; }
        return out;
    }
    seen.set(v, out);
    return out;
}
var CLONE_REFUSED = ['Array Iterator', 'Map Iterator', 'Set Iterator', 'String Iterator', 'RegExp String Iterator', 'Generator', 'AsyncGenerator',
    'Iterator Helper', 'Symbol', 'Arguments'];
var CLONE_ERRORS = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
def(global, 'structuredClone', function (v, options) {
    // Postman's sandbox words the missing argument this way (Node's own
    // message passed through its argument formatter once more).
    if (arguments.length === 0) { throw nodeError(TypeError, 'The "The value argument must be specified" argument must be specified', 'ERR_MISSING_ARGS'); }
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
        throw nodeError(TypeError, "Failed to execute 'structuredClone': Options cannot be converted to a dictionary", 'ERR_INVALID_ARG_TYPE');
    }
    var transfer = options && options.transfer;
    if (transfer !== undefined && transfer !== null) {
        if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
            throw nodeError(TypeError, "Failed to execute 'structuredClone': transfer in Options can not be converted to sequence.", 'ERR_INVALID_ARG_TYPE');
        }
        transfer = Array.from(transfer);
        transfer.forEach(function (b, i) {
            if (b === null || typeof b !== 'object') { throw nodeError(TypeError, 'Value is not an object', 'ERR_INVALID_ARG_TYPE'); }
            if (!(b instanceof ArrayBuffer)) { throw domError('Value not transferable', 'DataCloneError'); }
            if (transfer.indexOf(b) !== i) { throw domError('Transfer list contains duplicate ArrayBuffer', 'DataCloneError'); }
            if (host.detached(b)) { throw domError('Cannot transfer object of unsupported type.', 'DataCloneError'); }
        });
    }
    var out = structuredClone(v);
    // A transferred buffer moves: the original is left detached.
    if (transfer) { transfer.forEach(function (b) { host.detach(b); }); }
    return out;
});
// crypto.getRandomValues, as Node's webcrypto: integer typed arrays only, at
// most 65536 bytes, both refused with a DOMException.
var intArray = /^(Uint8|Uint8Clamped|Int8|Uint16|Int16|Uint32|Int32|BigUint64|BigInt64)Array$/;
out['crypto.getRandomValues'] = function getRandomValues(arr) {
    if (this !== global.crypto) { throw nodeErrors.invalidThis('Crypto'); }
    if (!arguments.length) { throw nodeErrors.fewArgs("Failed to execute 'getRandomValues' on 'Crypto'", 1, 0); }
    if (!ArrayBuffer.isView(arr) || !intArray.test(Object.prototype.toString.call(arr).slice(8, -1))) { throw domError('The data argument must be an integer-type TypedArray', 'TypeMismatchError'); }
    if (arr.byteLength > 65536) { throw domError('The requested length exceeds 65,536 bytes', 'QuotaExceededError'); }
    new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength).set(new Uint8Array(host.randomBytes(arr.byteLength)));
    return arr;
};
// Node's internal errors (js/node-errors.js), for the bootstrap's globals
// and the other parts, which reach them through this part.
out.missingArg = nodeErrors.missingArg;
out.argType = nodeErrors.argType;
out.invalidThis = nodeErrors.invalidThis;
out.fewArgs = nodeErrors.fewArgs;
return out;
})
