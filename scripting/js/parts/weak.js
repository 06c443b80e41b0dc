// WeakMap and WeakSet as Postman CLI 1.34's V8 has them: a symbol that
// Symbol.for did not register can be a key (a WeakSet value), and what
// cannot is refused in V8's words ("Invalid value used as weak map key",
// "… in weak set"; goja: "Value is not an object: 1"). goja takes objects
// only, so symbol keys live in a Map per collection, kept out of sight.
// Installed into an engine when one of its scripts names WeakMap or WeakSet
// (weakkeys.go).
(function () {
'use strict';
function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
function weakSymbol(v) { return typeof v === 'symbol' && Symbol.keyFor(v) === undefined; }
function replace(proto, name, f) {
    Object.defineProperty(f, 'name', { value: name, configurable: true });
    Object.defineProperty(proto, name, { value: f, writable: true, enumerable: false, configurable: true });
}
function wrap(C, refused, methods) {
    var proto = C.prototype, native = {}, symbols = new WeakMap(), probe = {};
    methods.forEach(function (m) { native[m] = proto[m]; });
    // The symbols of this collection; a receiver that is not one is
    // refused by goja's own method, in its words.
    function table(self, make, m) {
        try { native.has.call(self, probe); } catch (e) {
            if (e instanceof TypeError) { throw new TypeError(String(e.message).replace('.has called', '.' + m + ' called')); }
            throw e;
        }
        var t = symbols.get(self);
        if (t === undefined && make) { t = new Map(); symbols.set(self, t); }
        return t;
    }
    // V8's order of the members, after the constructor.
    methods.forEach(function (m) { delete proto[m]; });
    methods.forEach(function (m) {
        var f = native[m], adds = m === 'set' || m === 'add';
        replace(proto, m, function (k, v) {
            if (weakSymbol(k)) {
                var t = table(this, adds, m);
                switch (m) {
                case 'set': t.set(k, v); return this;
                case 'add': t.set(k, true); return this;
                case 'get': return t === undefined ? undefined : t.get(k);
                case 'has': return t !== undefined && t.has(k);
                default: return t !== undefined && t.delete(k);
                }
            }
            if (adds && !isObject(k)) { table(this, false, m); throw new TypeError(refused); }
            return f.apply(this, arguments);
        });
        Object.defineProperty(proto[m], 'length', { value: f.length, configurable: true });
    });
}
wrap(WeakMap, 'Invalid value used as weak map key', ['delete', 'get', 'set', 'has']);
wrap(WeakSet, 'Invalid value used in weak set', ['delete', 'has', 'add']);
})
