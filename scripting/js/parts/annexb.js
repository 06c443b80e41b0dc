// Legacy members V8 keeps (the web-compatibility annex of the language) and
// goja lacks: Object.prototype.__defineGetter__ and its three siblings, the
// String.prototype HTML methods, Date.prototype.getYear/setYear/toGMTString.
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
put(DP, 'getYear', function () { var y = getFullYear.call(this); return y !== y ? NaN : y - 1900; }, 0);
put(DP, 'setYear', function (year) {
    var t = getTime.call(this), y = Number(year);
    if (y !== y) { return DP.setTime.call(this, NaN); }
    var yi = Math.trunc(y);
    if (yi >= 0 && yi <= 99) { y = 1900 + yi; }
    if (t !== t) { DP.setTime.call(this, 0); DP.setHours.call(this, 0, 0, 0, 0); }
    return setFullYear.call(this, y);
}, 1);
// The same function object as toUTCString, as in V8.
Object.defineProperty(DP, 'toGMTString', { value: DP.toUTCString, writable: true, configurable: true, enumerable: false });
})
