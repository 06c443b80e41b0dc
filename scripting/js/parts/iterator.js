// Members of %Iterator.prototype% that Postman CLI 1.34's V8 has and goja
// lacks: [Symbol.dispose], and the constructor and [Symbol.toStringTag]
// accessors whose setters ignore the prototype itself; with them the
// Iterator constructor they lead to (no global names it in Postman's
// sandbox) and its Iterator.from. b.ctor is that constructor, native
// (iterextras.go); installed into an engine the first time one of its
// scripts could reach them. Probed under Postman CLI 1.34: iterextras_test.go.
(function (b) {
'use strict';
var IP = b.IP, Iterator = b.ctor;
function named(f, name, length) {
    Object.defineProperty(f, 'name', { value: name, configurable: true });
    Object.defineProperty(f, 'length', { value: length, configurable: true });
    return f;
}
function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
// V8's #<Name> for an object in a message.
function shown(o) {
    var c = o.constructor, n = typeof c === 'function' && typeof c.name === 'string' && c.name !== '' ? c.name : 'Object';
    return '#<' + n + '>';
}
// An accessor whose setter writes an own property of the receiver and
// refuses the prototype itself (V8's SetterThatIgnoresPrototypeProperties).
function ignoringPrototype(key, label, value) {
    var shownKey = typeof key === 'symbol' ? key.toString() : key;
    Object.defineProperty(IP, key, { enumerable: false, configurable: true,
        get: named(function () { return value; }, 'get ' + label, 0),
        set: named(function (v) {
            if (!isObject(this)) { throw new TypeError('set Iterator.prototype' + (typeof key === 'symbol' ? label : '.' + label) + ' called on non-object'); }
            if (this === IP) { throw new TypeError("Cannot assign to read only property '" + shownKey + "' of object '[object Object]'"); }
            var d = Object.getOwnPropertyDescriptor(this, key);
            if (d === undefined) {
                Object.defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
            } else if ('value' in d && !d.writable) {
                throw new TypeError("Cannot assign to read only property '" + shownKey + "' of object '[object Object]'");
            } else {
                this[key] = v;
            }
        }, 'set ' + label, 1) });
}
ignoringPrototype(Symbol.toStringTag, '[Symbol.toStringTag]', 'Iterator');
ignoringPrototype('constructor', 'constructor', Iterator);
Object.defineProperty(IP, Symbol.dispose, { writable: true, enumerable: false, configurable: true, value: named(function () {
    var r = this === null || this === undefined ? undefined : this['return'];
    if (r === undefined || r === null) { return undefined; }
    if (typeof r !== 'function') { throw new TypeError("'" + String(r) + "' returned for property 'return' of object '" + shown(Object(this)) + "' is not a function"); }
    r.call(this);
    return undefined;
}, '[Symbol.dispose]', 0) });

// Iterator.from wraps what only looks like an iterator (a next method)
// so that it gets the helpers; one that already inherits them comes back.
var wrapped = new WeakMap();
var WrapProto = Object.create(IP);
Object.defineProperty(WrapProto, 'next', { writable: true, enumerable: false, configurable: true, value: named(function () {
    var w = wrapped.get(this);
    if (w === undefined) { throw new TypeError('Method %WrapForValidIteratorPrototype%.next called on incompatible receiver ' + (isObject(this) ? shown(this) : String(this))); }
    return w.next.call(w.it);
}, 'next', 0) });
Object.defineProperty(WrapProto, 'return', { writable: true, enumerable: false, configurable: true, value: named(function () {
    var w = wrapped.get(this);
    if (w === undefined) { throw new TypeError('Method %WrapForValidIteratorPrototype%.return called on incompatible receiver ' + (isObject(this) ? shown(this) : String(this))); }
    var r = w.it['return'];
    if (r === undefined || r === null) { return { value: undefined, done: true }; }
    return r.call(w.it);
}, 'return', 0) });
Object.defineProperty(Iterator, 'from', { writable: true, enumerable: false, configurable: true, value: named(function (o) {
    if (typeof o !== 'string' && !isObject(o)) { throw new TypeError('Iterator.from called on non-object'); }
    var m = o[Symbol.iterator], it = o;
    if (m !== undefined && m !== null) {
        if (typeof m !== 'function') { throw new TypeError("'" + String(m) + "' returned for property 'Symbol(Symbol.iterator)' of object '" + shown(Object(o)) + "' is not a function"); }
        it = m.call(o);
        if (!isObject(it)) { throw new TypeError(shown(Object(o)) + ' is not iterable'); }
    }
    var next = it.next;
    if (IP.isPrototypeOf(it)) { return it; }
    var w = Object.create(WrapProto);
    wrapped.set(w, { it: it, next: typeof next === 'function' ? next : function () {
        var d = next === undefined || next === null ? String(next) : isObject(next) ? shown(next) : typeof next === 'string' ? 'string "' + next + '"' : typeof next + ' ' + String(next);
        throw new TypeError(d + ' is not a function');
    } });
    return w;
}, 'from', 1) });
})
