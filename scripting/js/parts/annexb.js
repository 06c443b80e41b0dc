// Legacy members V8 keeps (the web-compatibility annex of the language) and
// goja lacks: Object.prototype.__defineGetter__ and its three siblings, the
// String.prototype HTML methods, Date.prototype.getYear/setYear/toGMTString;
// and V8's half-precision members: Math.f16round, DataView.prototype
// getFloat16/setFloat16 (V8 has no Float16Array yet, nor Postman CLI).
// Installed into an engine the first time one of its scripts could reach
// them (gojaextras.go). Probed under Postman CLI 1.34: builtins_test.go.
(function (b) {
'use strict';
function put(o, name, fn, length) {
    Object.defineProperty(fn, 'name', { value: name, configurable: true });
    Object.defineProperty(fn, 'length', { value: length, configurable: true });
    Object.defineProperty(o, name, { value: fn, writable: true, configurable: true, enumerable: false });
}
function object(v, what) {
    if (v === null || v === undefined) { throw new TypeError(what + ' called on null or undefined'); }
    return Object(v);
}
function key(p) { return typeof p === 'symbol' ? p : String(p); }
var OP = Object.prototype;
[['__defineGetter__', 'get', 'getter'], ['__defineSetter__', 'set', 'setter']].forEach(function (d) {
    put(OP, d[0], function (p, fn) {
        var o = object(this, 'Object.prototype.' + d[0]);
        if (typeof fn !== 'function') { throw new TypeError('Object.prototype.' + d[0] + ': Expecting function'); }
        var desc = { enumerable: true, configurable: true };
        desc[d[1]] = fn;
        Object.defineProperty(o, key(p), desc);
        return undefined;
    }, 2);
});
[['__lookupGetter__', 'get'], ['__lookupSetter__', 'set']].forEach(function (d) {
    put(OP, d[0], function (p) {
        var o = object(this, 'Object.prototype.' + d[0]), k = key(p);
        for (; o !== null; o = Object.getPrototypeOf(o)) {
            var desc = Object.getOwnPropertyDescriptor(o, k);
            if (desc) { return desc[d[1]]; }
        }
        return undefined;
    }, 1);
});
// CreateHTML: tag, and the attribute whose value has its quotes escaped.
[['anchor', 'a', 'name'], ['big', 'big'], ['blink', 'blink'], ['bold', 'b'], ['fixed', 'tt'],
    ['fontcolor', 'font', 'color'], ['fontsize', 'font', 'size'], ['italics', 'i'], ['link', 'a', 'href'],
    ['small', 'small'], ['strike', 'strike'], ['sub', 'sub'], ['sup', 'sup']].forEach(function (h) {
    put(String.prototype, h[0], function (v) {
        var s = String(object(this, 'String.prototype.' + h[0]));
        var open = '<' + h[1];
        if (h[2]) { open += ' ' + h[2] + '="' + String(v).replace(/"/g, '&quot;') + '"'; }
        return open + '>' + s + '</' + h[1] + '>';
    }, h[2] ? 1 : 0);
});
var DP = Date.prototype, getFullYear = DP.getFullYear, setFullYear = DP.setFullYear, getTime = DP.getTime;
var objectToString = Object.prototype.toString;
// V8 refuses another receiver naming the method and printing the value
// (#<Object>, [object Array], 5).
function dateThis(self, name) {
    try { getTime.call(self); } catch (e) {
        var shown = self === null || (typeof self !== 'object' && typeof self !== 'function') ? String(self) : objectToString.call(self);
        if (shown === '[object Object]' && typeof self.constructor === 'function' && self.constructor.name) { shown = '#<' + self.constructor.name + '>'; }
        throw new TypeError('Method Date.prototype.' + name + ' called on incompatible receiver ' + shown);
    }
}
put(DP, 'getYear', function () { dateThis(this, 'getYear'); var y = getFullYear.call(this); return y !== y ? NaN : y - 1900; }, 0);
put(DP, 'setYear', function (year) {
    dateThis(this, 'setYear');
    var y = Number(year);
    if (y !== y) { return DP.setTime.call(this, NaN); }
    var yi = Math.trunc(y);
    if (yi >= 0 && yi <= 99) { y = 1900 + yi; }
    // setFullYear counts an invalid date as local 1970-01-01T00:00, as
    // the spec's setYear does.
    return setFullYear.call(this, y);
}, 1);
// The same function object as toUTCString, as in V8.
Object.defineProperty(DP, 'toGMTString', { value: DP.toUTCString, writable: true, configurable: true, enumerable: false });

// Half precision: 1 sign, 5 exponent, 10 fraction bits; round half to even.
var minNormal = Math.pow(2, -14), minSub = Math.pow(2, -24);
function exponent(a) { // floor(log2(a)), exact
    var e = Math.floor(Math.log2(a));
    if (Math.pow(2, e) > a) { e--; } else if (Math.pow(2, e + 1) <= a) { e++; }
    return e;
}
function f16(x) {
    if (x !== x || x === 0 || x === Infinity || x === -Infinity) { return x; }
    var a = Math.abs(x), q = a < minNormal ? minSub : Math.pow(2, exponent(a) - 10);
    var n = a / q, f = Math.floor(n), r = n - f; // a / q is exact: q is a power of two
    if (r > 0.5 || r === 0.5 && f % 2 === 1) { f++; }
    var v = f * q;
    if (v > 65504) { v = Infinity; }
    return x < 0 ? -v : v;
}
put(Math, 'f16round', function (x) { return f16(Number(x)); }, 1);
function toBits(v) {
    v = f16(Number(v));
    var sign = v < 0 || v === 0 && 1 / v < 0 ? 0x8000 : 0, a = Math.abs(v);
    if (a !== a) { return 0x7e00; }
    if (a === Infinity) { return sign | 0x7c00; }
    if (a < minNormal) { return sign | a / minSub; }
    var e = exponent(a);
    return sign | (e + 15) << 10 | (a / Math.pow(2, e - 10) - 1024);
}
function fromBits(h) {
    var s = h & 0x8000 ? -1 : 1, e = h >> 10 & 31, m = h & 1023;
    if (e === 0) { return s * m * minSub; }
    if (e === 31) { return m ? NaN : s * Infinity; }
    return s * (1024 + m) * Math.pow(2, e - 25);
}
var DVP = DataView.prototype, getU16 = DVP.getUint16, setU16 = DVP.setUint16;
var byteLengthOf = Object.getOwnPropertyDescriptor(DVP, 'byteLength').get;
function view(o, name) {
    try { byteLengthOf.call(o); } catch (e) {
        throw new TypeError('Method DataView.prototype.' + name + ' called on incompatible receiver ' + Object.prototype.toString.call(o).replace('[object ', '#<'));
    }
    return o;
}
put(DVP, 'getFloat16', function (offset, littleEndian) {
    return fromBits(getU16.call(view(this, 'getFloat16'), offset, littleEndian));
}, 1);
put(DVP, 'setFloat16', function (offset, value, littleEndian) {
    setU16.call(view(this, 'setFloat16'), offset, toBits(value), littleEndian);
    return undefined;
}, 2);
})
