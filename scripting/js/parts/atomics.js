// SharedArrayBuffer and Atomics, as V8 has them, for a sandbox with one thread: every operation is
// a plain read-modify-write of the typed array (nothing else can run in
// between), Atomics.wait blocks the script as Node's main thread does (the
// host sleeps; on a virtual clock it moves the clock), and Atomics.notify
// wakes the waiters Atomics.waitAsync registered. The argument checks,
// their order and their words are V8's. bootstrap.js defines the globals as
// lazy values built from this part on first use.
(function (b) {
'use strict';
var host = b.host, global = b.global;
var typedArrayProto = Object.getPrototypeOf(Int8Array.prototype);
var tagOf = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag).get;
var bufferOf = Object.getOwnPropertyDescriptor(typedArrayProto, 'buffer').get;
var offsetOf = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteOffset').get;
var lengthOf = Object.getOwnPropertyDescriptor(typedArrayProto, 'length').get;
// One element of each integer type, to convert a value as a store would.
var scratch = {
    Int8Array: new Int8Array(1), Uint8Array: new Uint8Array(1), Int16Array: new Int16Array(1),
    Uint16Array: new Uint16Array(1), Int32Array: new Int32Array(1), Uint32Array: new Uint32Array(1),
    BigInt64Array: new BigInt64Array(1), BigUint64Array: new BigUint64Array(1)
};
var objToString = Object.prototype.toString;

// SharedArrayBuffer: an ArrayBuffer underneath (so that typed arrays view
// it), with V8's own members (byteLength, slice giving a SharedArrayBuffer,
// maxByteLength, growable, grow), a constructor that needs new and
// inherits from Function.prototype. Its prototype inherits Object's, as
// V8's (no resize, resizable, transfer or detached reach it); what accepts
// buffers (TextDecoder, Blob, structuredClone, crypto) names it apart
// (bootstrap.js isBuffer). A maxByteLength makes it a
// resizable ArrayBuffer underneath (resizable.go, installed in runs whose
// scripts name maxByteLength), which grow resizes, upwards only.
var abProto = ArrayBuffer.prototype;
var abLength = Object.getOwnPropertyDescriptor(abProto, 'byteLength').get;
var abSlice = abProto.slice;
function SharedArrayBuffer(length) { // length 1, as V8's; the options are arguments[1]
    if (new.target === undefined) { throw new TypeError("Constructor SharedArrayBuffer requires 'new'"); }
    var n = length === undefined ? 0 : toIntegerOrInfinity(length);
    if (n < 0 || n > Number.MAX_SAFE_INTEGER) { throw new RangeError('Invalid array buffer length'); }
    return Reflect.construct(ArrayBuffer, arguments.length > 1 ? [n, arguments[1]] : [n], new.target);
}
var sabProto = SharedArrayBuffer.prototype;
function getter(name, get) {
    Object.defineProperty(get, 'name', { value: 'get ' + name, configurable: true });
    Object.defineProperty(sabProto, name, { get: get, enumerable: false, configurable: true });
}
// The resizable buffer's own getter, when this engine has them.
function rab(name, o) {
    var d = Object.getOwnPropertyDescriptor(abProto, name);
    return d && d.get ? d.get.call(o) : undefined;
}
getter('byteLength', function () {
    if (!sabProto.isPrototypeOf(this)) { throw new TypeError('Method get SharedArrayBuffer.prototype.byteLength called on incompatible receiver ' + describe(this)); }
    return abLength.call(this);
});
Object.defineProperty(sabProto, 'slice', { value: function slice(start, end) { return abSlice.call(this, start, end); }, writable: true, configurable: true });
getter('maxByteLength', function () { var n = abLength.call(this), m = rab('maxByteLength', this); return m === undefined ? n : m; });
getter('growable', function () { abLength.call(this); return rab('resizable', this) === true; });
Object.defineProperty(sabProto, 'grow', { value: function grow(n) {
    if (rab('resizable', this) !== true) { throw new TypeError('Method SharedArrayBuffer.prototype.grow called on incompatible receiver ' + describe(this)); }
    var len = toIntegerOrInfinity(n);
    if (len < abLength.call(this) || len > rab('maxByteLength', this)) { throw new RangeError('SharedArrayBuffer.prototype.grow: Invalid length parameter'); }
    abProto.resize.call(this, len);
}, writable: true, configurable: true });
Object.defineProperty(sabProto, Symbol.toStringTag, { value: 'SharedArrayBuffer', configurable: true });
Object.defineProperty(SharedArrayBuffer, Symbol.species, { get: function () { return this; }, configurable: true });

// How V8 prints a value in these messages.
function describe(x) {
    if (typeof x === 'function') { return Function.prototype.toString.call(x); }
    if (x === null || typeof x !== 'object') { return String(x); }
    if (Array.isArray(x) || ArrayBuffer.isView(x)) { return objToString.call(x); }
    var c = x.constructor;
    return '#<' + (typeof c === 'function' && c.name ? c.name : 'Object') + '>';
}

function kindOf(ta, waitable) {
    var kind = ta !== null && typeof ta === 'object' ? tagOf.call(ta) : undefined;
    if (waitable) {
        if (kind !== 'Int32Array' && kind !== 'BigInt64Array') { throw new TypeError(describe(ta) + ' is not an int32 or BigInt64 typed array.'); }
    } else if (!kind || !scratch[kind]) {
        throw new TypeError(describe(ta) + ' is not an integer typed array.');
    }
    return kind;
}

function toIntegerOrInfinity(v) {
    var n = +v;
    if (n !== n) { return 0; }
    return Math.trunc(n) + 0;
}

function indexOf(ta, index) {
    var i = index === undefined ? 0 : toIntegerOrInfinity(index);
    if (i < 0 || i >= lengthOf.call(ta)) { throw new RangeError('Invalid atomic access index'); }
    return i;
}

function isBig(kind) { return kind === 'BigInt64Array' || kind === 'BigUint64Array'; }

// ToBigInt: numbers are refused (BigInt(1) would take them).
function toBigInt(v) {
    var p = v !== null && (typeof v === 'object' || typeof v === 'function') ? primitive(v) : v;
    switch (typeof p) {
    case 'bigint': return p;
    case 'boolean': return p ? 1n : 0n;
    case 'string': return BigInt(p);
    case 'symbol': throw new TypeError('Cannot convert a Symbol value to a bigint');
    default: throw new TypeError('Cannot convert ' + String(p) + ' to a BigInt');
    }
}

function primitive(o) {
    var f = o[Symbol.toPrimitive];
    if (f !== undefined && f !== null) { return f.call(o, 'number'); }
    var m = ['valueOf', 'toString'];
    for (var k = 0; k < 2; k++) {
        var g = o[m[k]];
        if (typeof g === 'function') {
            var r = g.call(o);
            if (r === null || typeof r !== 'object' && typeof r !== 'function') { return r; }
        }
    }
    throw new TypeError('Cannot convert object to primitive value');
}

function operand(kind, v) { return isBig(kind) ? toBigInt(v) : toIntegerOrInfinity(v); }

// The value as an element of the array's type holds it.
function asElement(kind, v) { var s = scratch[kind]; s[0] = v; return s[0]; }

function rmw(op) {
    return function (ta, index, value) {
        var kind = kindOf(ta), i = indexOf(ta, index), v = asElement(kind, operand(kind, value));
        var old = ta[i];
        ta[i] = op(old, v);
        return old;
    };
}

function isShared(ta) {
    return Object.getPrototypeOf(bufferOf.call(ta)) === sabProto;
}

// Waiters of Atomics.waitAsync, by buffer and byte position.
var waiters = [];

function waitArgs(ta, index, value, timeout, name) {
    var kind = kindOf(ta, true);
    if (!isShared(ta)) { throw new TypeError(describe(ta) + ' is not a shared typed array.'); }
    var i = indexOf(ta, index);
    var v = kind === 'BigInt64Array' ? BigInt.asIntN(64, toBigInt(value)) : operand(kind, value) | 0;
    var t = +timeout;
    t = t !== t ? Infinity : Math.max(t, 0);
    return { kind: kind, i: i, v: v, t: t, name: name };
}

var A = {};
function def(name, length, f) {
    Object.defineProperty(f, 'name', { value: name, configurable: true });
    Object.defineProperty(f, 'length', { value: length, configurable: true });
    Object.defineProperty(A, name, { value: f, writable: true, enumerable: false, configurable: true });
}
def('load', 2, function (ta, index) { kindOf(ta); return ta[indexOf(ta, index)]; });
def('store', 3, function (ta, index, value) {
    var kind = kindOf(ta), i = indexOf(ta, index), v = operand(kind, value);
    ta[i] = v;
    return v;
});
def('add', 3, rmw(function (a, b) { return a + b; }));
def('sub', 3, rmw(function (a, b) { return a - b; }));
def('and', 3, rmw(function (a, b) { return a & b; }));
def('or', 3, rmw(function (a, b) { return a | b; }));
def('xor', 3, rmw(function (a, b) { return a ^ b; }));
def('exchange', 3, rmw(function (a, b) { return b; }));
def('compareExchange', 4, function (ta, index, expected, replacement) {
    var kind = kindOf(ta), i = indexOf(ta, index);
    var e = asElement(kind, operand(kind, expected)), r = operand(kind, replacement);
    var old = ta[i];
    if (old === e) { ta[i] = r; }
    return old;
});
def('isLockFree', 1, function (size) {
    var n = toIntegerOrInfinity(size);
    return n === 1 || n === 2 || n === 4 || n === 8;
});
def('wait', 4, function (ta, index, value, timeout) {
    var w = waitArgs(ta, index, value, timeout);
    if (ta[w.i] !== w.v) { return 'not-equal'; }
    // No other thread can change the value or notify: the script sleeps
    // its timeout (for ever: until the run stops it), as Node's main
    // thread does.
    host.atomicsWait(w.t);
    return 'timed-out';
});
def('waitAsync', 4, function (ta, index, value, timeout) {
    var w = waitArgs(ta, index, value, timeout);
    if (ta[w.i] !== w.v) { return { async: false, value: 'not-equal' }; }
    if (w.t === 0) { return { async: false, value: 'timed-out' }; }
    var waiter = { buffer: bufferOf.call(ta), at: offsetOf.call(ta) + w.i * (w.kind === 'Int32Array' ? 4 : 8) };
    var promise = new Promise(function (resolve) {
        waiter.wake = function (how) {
            var k = waiters.indexOf(waiter);
            if (k < 0) { return false; }
            waiters.splice(k, 1);
            if (waiter.timer !== undefined) { clearTimeout(waiter.timer); }
            resolve(how);
            return true;
        };
    });
    if (w.t !== Infinity) { waiter.timer = setTimeout(function () { waiter.wake('timed-out'); }, w.t); }
    waiters.push(waiter);
    return { async: true, value: promise };
});
def('notify', 3, function (ta, index, count) {
    var kind = kindOf(ta, true), i = indexOf(ta, index);
    var c = count === undefined ? Infinity : Math.max(toIntegerOrInfinity(count), 0);
    if (!isShared(ta)) { return 0; }
    var buffer = bufferOf.call(ta), at = offsetOf.call(ta) + i * (kind === 'Int32Array' ? 4 : 8), n = 0;
    // In the order they started waiting.
    var queue = waiters.filter(function (x) { return x.buffer === buffer && x.at === at; });
    for (var k = 0; k < queue.length && n < c; k++) {
        if (queue[k].wake('ok')) { n++; }
    }
    return n;
});
def('pause', 0, function (n) {
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n))) {
        throw new TypeError('Atomics.pause argument must be undefined or an integer');
    }
});
Object.defineProperty(A, Symbol.toStringTag, { value: 'Atomics', configurable: true });
return { Atomics: A, SharedArrayBuffer: SharedArrayBuffer };
})
