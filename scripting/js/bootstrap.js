// Courier's sandbox bootstrap. Evaluated once per Engine; returns the API the
// Go side drives: begin(info) before each script, finish() after it.
(function (native, global) {
'use strict';
var host = global.__courierHost;
delete global.__courierHost;

// One descriptor serves every def: Object.defineProperty reads it before
// doing anything else, and a fresh literal per call costs an object.
var hiddenDescriptor = { value: undefined, writable: true, configurable: true, enumerable: false };
function def(obj, name, value) {
    hiddenDescriptor.value = value;
    Object.defineProperty(obj, name, hiddenDescriptor);
    hiddenDescriptor.value = undefined;
}
// bundled names method f and lists it among the functions that get the own
// members of a function of Postman's sandbox bundle, which is not strict
// (arguments, caller, prototype: js/parts/fn-shapes.js), when a script could
// first see them. A method has no prototype of its own, so the order is
// Postman's.
var nameDescriptor = { value: '', configurable: true }, sloppyFns = [];
function bundled(f, name) {
    nameDescriptor.value = name;
    Object.defineProperty(f, 'name', nameDescriptor);
    sloppyFns.push(f);
    return f;
}
function lazy(obj, name, make) {
    Object.defineProperty(obj, name, {
        configurable: true, enumerable: false,
        // The placeholder stops libraries that probe the global (lodash
        // reads root._ for noConflict) from re-entering this getter.
        get: function () { def(obj, name, undefined); var v = make(); def(obj, name, v); return v; },
        set: function (v) { def(obj, name, v); }
    });
}

// ---- parts: code compiled on first use --------------------------------------
// Compiling this file is most of a short run's start-up, so code that most
// runs never reach lives in js/parts/<name>.js instead (console formatting,
// the chai-postman plugin, pm.cookies.jar(), crypto.subtle). A part is one function
// expression, `(function (b) { 'use strict'; ...; return what; })`: b carries
// the bootstrap values it uses (a part cannot see this closure) and it
// returns what it provides. part(name, b) compiles it once per process,
// evaluates it once per Engine and caches the result. The globals and members
// a part implements are still defined here, with a small stub that loads the
// part when first called, so what scripts can see (Object.keys(global),
// typeof, property order) does not depend on whether a part was loaded. To
// add one: move the code into js/parts/, list its file in parts.go, and leave
// a stub here.
var loadedParts = {};
function part(name, b) {
    return loadedParts[name] || (loadedParts[name] = host.part(name)(b));
}

// ---- host globals ---------------------------------------------------------
['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']
    .forEach(function (n) { def(global, n, Object.defineProperty(bundled(host[n], ''), 'length', { value: 1, configurable: true })); });

// DOMException, as Node defines it (legacy codes included); built on first
// use (js/parts/builtins.js), as are the errors that need it.
lazy(global, 'DOMException', function () { return builtins().DOMException(); });
function domError(message, name) { return new global.DOMException(message, name); }
var hostAtob = host.atob, hostBtoa = host.btoa;
// guard(fn, ...args) calls fn, a stack overflow inside thrown as a RangeError.
var guard = host.guard;
// atob is the atob module's: its prototype after its name, and itself as
// its own atob.
var atob = { atob(input) {
    deprecated('atob', "require('atob')");
    if (arguments.length === 0) { throw builtins().missingArg('input'); }
    var r = hostAtob(String(input));
    if (typeof r === 'number') { throw domError(r === 1 ? 'The string to be decoded is not correctly encoded.' : 'Invalid character', 'InvalidCharacterError'); }
    return r;
} }.atob;
Object.defineProperty(atob, 'prototype', { value: Object.defineProperty({}, 'constructor', { value: atob, writable: true, configurable: true }), writable: true });
atob.atob = atob;
def(global, 'atob', atob);
def(global, 'btoa', function btoa(input) {
    deprecated('btoa', "require('btoa')");
    if (arguments.length === 0) { throw builtins().missingArg('input'); }
    var r = hostBtoa(String(input));
    if (typeof r === 'number') { throw domError('Invalid character', 'InvalidCharacterError'); }
    return r;
});
def(global, 'queueMicrotask', function queueMicrotask(fn) {
    if (typeof fn !== 'function') { throw builtins().argType('callback', 'of type function', fn); }
    Promise.resolve().then(function () { fn(); });
});

// JSON.parse failures carry V8's messages (Newman runs on Node), not
// goja's; the message is only worked out when parsing failed.
// Strings without a reviver take courier's fast reader first; it answers
// jsonMiss for whatever it leaves to goja's parser (errors included).
var nativeJSONParse = JSON.parse, jsonMiss = host.jsonMiss, jsonFast = host.jsonParse;
def(JSON, 'parse', function parse(text, reviver) {
    if (typeof text === 'string' && reviver === undefined) {
        var v = jsonFast(text);
        if (v !== jsonMiss) { return v; }
    }
    // goja's own parser recurses in Go: nesting deeper than V8 could
    // ever hand back is refused before it can exhaust the Go stack.
    if (typeof text === 'string' && host.jsonTooDeep(text)) { throw new RangeError('Maximum call stack size exceeded'); }
    try {
        // A reviver gets V8's third argument (js/parts/jsonsource.js); the
        // text is read as without one, so 1e400 is Infinity (goja's parser
        // refuses it in Go's words).
        if (typeof reviver === 'function') { var t = String(text); return part('jsonsource')(parse(t), t, reviver); }
        return nativeJSONParse(text, reviver);
    } catch (e) {
        if (e instanceof SyntaxError) {
            var m = host.jsonError(String(text));
            if (m) { throw new SyntaxError(m); }
        }
        throw e;
    }
});

// JSON.stringify: goja's serializer recurses in Go and checks for cycles
// against the whole path, so a deeply nested value would exhaust the Go
// stack (a fatal error, not an exception) or run for hours. Depth is
// therefore always counted on the values actually serialized, never
// measured beforehand (a getter may answer differently on its second read):
// plain data is copied from Go, reading each property once, into
// prototype-less objects that the native serializer walks as they are;
// anything else goes through a replacer that counts the path it is called
// on. Past maxStringifyDepth levels both throw V8's RangeError.
var nativeJSONStringify = JSON.stringify, maxStringifyDepth = host.maxJSONDepth;
var jsonSnapshot = host.jsonSnapshot;
var arrayIsArray = Array.isArray;
// propertyList turns an array replacer into its keys, as the serializer
// does: strings, numbers and their boxes, each once.
function propertyList(replacer) {
    var keys = [], seen = Object.create(null);
    for (var i = 0; i < replacer.length; i++) {
        var k = replacer[i], t = typeof k;
        if (t === 'string' || t === 'number' || k instanceof String || k instanceof Number) {
            k = String(k);
            if (!seen[k]) { seen[k] = true; keys.push(k); }
        }
    }
    return keys;
}
function stringifyValue(value, replacer, space) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) { return nativeJSONStringify(value, replacer, space); }
    var list = arrayIsArray(replacer) ? propertyList(replacer) : null;
    if (typeof replacer !== 'function') {
        var snap = jsonSnapshot(value, maxStringifyDepth, list);
        // The list again for its order (integer-like keys come first in an
        // object): the copy has only data properties, read without code.
        if (snap !== jsonMiss) { return nativeJSONStringify(snap, list, space); }
    }
    var path = [], keys = [], user = typeof replacer === 'function' ? replacer : null;
    return nativeJSONStringify(value, function (k, v) {
        while (path.length && path[path.length - 1] !== this) { path.pop(); keys.pop(); }
        if (user) { v = user.call(this, k, v); }
        // toJSON has already been applied: v is what gets serialized.
        if (v !== null && typeof v === 'object') {
            if (list && !arrayIsArray(v)) {
                // The property list, applied here: a copy holding the
                // listed keys in order, each read once.
                var o = Object.create(null);
                for (var i = 0; i < list.length; i++) {
                    var x = v[list[i]];
                    if (x !== undefined) { o[list[i]] = x; }
                }
                v = o;
            }
            var seen = path.indexOf(v);
            if (seen >= 0) { throw new TypeError(circularMessage(path, keys, seen, k, this)); }
            path.push(v); keys.push(arrayIsArray(this) ? 'index ' + k : "property '" + k + "'");
            if (path.length > maxStringifyDepth) { throw new RangeError('Maximum call stack size exceeded'); }
        }
        return v;
    }, space);
}
// Postman's sandbox serializes with liquid-json, which renames whatever
// JSON.stringify throws to JSONError (the same error object otherwise).
def(JSON, 'stringify', function stringify(value, replacer, space) {
    try {
        return stringifyValue(value, replacer, space);
    } catch (err) {
        if (err !== null && typeof err === 'object') { try { err.name = 'JSONError'; } catch (e) { /* frozen */ } }
        throw err;
    }
});
// circularMessage words a cycle as V8 does: where it starts, the first two
// and the last step inside it, and the property that closes it.
function circularMessage(path, keys, start, k, holder) {
    var ctor = function (o) { var c = Object.getPrototypeOf(o) && o.constructor; return (c && c.name) || 'Object'; };
    var lines = ['Converting circular structure to JSON', "    --> starting at object with constructor '" + ctor(path[start]) + "'"];
    var steps = [];
    for (var i = start + 1; i < path.length; i++) { steps.push('    |     ' + keys[i] + " -> object with constructor '" + ctor(path[i]) + "'"); }
    if (steps.length > 3) { steps = steps.slice(0, 2).concat(['    |     ...'], steps.slice(-1)); }
    return lines.concat(steps, ['    --- ' + (arrayIsArray(holder) ? 'index ' + k : "property '" + k + "'") + ' closes the circle']).join('\n');
}

// Buffer is npm buffer 6.0.3 from jslib, as postman-sandbox bundles it
// (Newman's Buffer API, messages and all), loaded on first use.
// The current sandbox's Buffer also knows base64url and copyBytesFrom;
// they are added on top (Newman's Buffer throws Unknown encoding) by
// js/parts/builtins.js.
lazy(global, 'Buffer', function () { return builtins().Buffer(); });

// Intl and the locale-aware methods, formatted by the host as ICU's en-US
// (the current sandbox formats every locale that way); the Intl classes
// are compiled on first use.
lazy(global, 'Intl', function () { return host.intl(); });
// URL and URLSearchParams follow the URL Standard (js/url.js, on first use).
lazy(global, 'URL', function () { return host.urlClasses()[0]; });
lazy(global, 'URLSearchParams', function () { return host.urlClasses()[1]; });
// The web platform classes of the current sandbox, built on first use.
['Event', 'EventTarget', 'AbortController', 'AbortSignal', 'Blob', 'File', 'ReadableStream', 'WritableStream', 'TransformStream',
    'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream', 'ReadableStreamDefaultReader',
    'ReadableStreamDefaultController', 'ReadableStreamBYOBReader', 'ReadableByteStreamController', 'ReadableStreamBYOBRequest',
    'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStreamDefaultController', 'CountQueuingStrategy',
    'ByteLengthQueuingStrategy'].forEach(function (n) {
    lazy(global, n, function () { return host.webClasses()[n]; });
});
// SharedArrayBuffer and Atomics (goja has neither): built from
// js/parts/atomics.js on first use.
function atomics() { return part('atomics', { host: host, global: global }); }
lazy(global, 'SharedArrayBuffer', function () { return atomics().SharedArrayBuffer; });
lazy(global, 'Atomics', function () { return atomics().Atomics; });
// Async iteration: goja has neither Symbol.asyncIterator nor async
// generators; scripts using async function* or for await are rewritten at
// compile time (asyncgen.go) onto these helpers.
if (!Symbol.asyncIterator) { Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol('Symbol.asyncIterator') }); }
// Their code is in js/parts/rewrites.js, compiled on first call (only
// rewritten scripts call them); these stubs keep the globals' lengths.
var rewritesPart;
function rewrites() { return rewritesPart || (rewritesPart = part('rewrites', { global: global, def: def })); }
def(global, '__courierAwait', function (v) { return rewrites().__courierAwait.apply(this, arguments); });
def(global, '__courierAsyncIter', function (o) { return rewrites().__courierAsyncIter.apply(this, arguments); });
def(global, '__courierAsyncDelegate', function (o) { return rewrites().__courierAsyncDelegate.apply(this, arguments); });
def(global, '__courierAsyncGen', function (self, args, fn) { return rewrites().__courierAsyncGen.apply(this, arguments); });
def(global, '__courierMarkAsyncGen', function (f) { return rewrites().__courierMarkAsyncGen.apply(this, arguments); });

// Newer built-ins the current sandbox's V8 has and goja lacks. Few scripts
// call them, so their code is in js/parts/builtins.js, compiled on first
// call: each is defined here, where it stands among its object's
// properties, as a stub of its name and length that loads the part and
// calls the function of the same key there.
var builtinsPart;
function builtins() {
    return builtinsPart || (builtinsPart = part('builtins', { host: host, global: global, def: def, isIterable: isIterable,
        notIterable: notIterable, domError: domError }));
}
function builtin(obj, prop, key, length, name) {
    var stub = function () { return builtins()[key].apply(this, arguments); };
    Object.defineProperty(stub, 'name', { value: name === undefined ? prop : name, configurable: true });
    Object.defineProperty(stub, 'length', { value: length, configurable: true });
    def(obj, prop, stub);
}
builtin(Object, 'groupBy', 'Object.groupBy', 2);
builtin(Map, 'groupBy', 'Map.groupBy', 2);
builtin(Promise, 'withResolvers', 'Promise.withResolvers', 0);
builtin(Promise, 'try', 'Promise.try', 1);
builtin(RegExp, 'escape', 'RegExp.escape', 1);
builtin(ArrayBuffer.prototype, 'transfer', 'ArrayBuffer.transfer', 1);
def(ArrayBuffer.prototype, 'transferToFixedLength', ArrayBuffer.prototype.transfer);
Object.defineProperty(ArrayBuffer.prototype, 'detached', { configurable: true, get: function () { return host.detached(this); } });
// Iterator helpers (V8 12), on every built-in iterator.
(function () {
    var IP = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
    [['map', 1], ['filter', 1], ['take', 1], ['drop', 1], ['flatMap', 1], ['toArray', 0], ['forEach', 1], ['some', 1],
        ['every', 1], ['find', 1], ['reduce', 2]].forEach(function (m) { builtin(IP, m[0], 'Iterator.' + m[0], m[1]); });
})();
// Built-ins that iterate their argument refuse a non-iterable in V8's
// words ("number 3 is not iterable (cannot read property
// Symbol(Symbol.iterator))"); goja's say "object is not iterable".
function isIterable(v) { return v !== null && v !== undefined && (typeof v === 'string' || typeof v[Symbol.iterator] === 'function'); }
function notIterable(v) {
    var d = v === undefined ? 'undefined' : v === null ? 'object null' : typeof v === 'object' || typeof v === 'function' ? typeof v : typeof v + ' ' + String(v);
    return new TypeError(d + ' is not iterable (cannot read property Symbol(Symbol.iterator))');
}
// goja's TypedArray.from refuses a primitive source; V8 iterates a string
// (Uint8Array.from(atob(b64), c => c.charCodeAt(0))) and reads others as
// objects.
(function () {
    var TA = Object.getPrototypeOf(Uint8Array), f = TA.from;
    def(TA, 'from', function from(s) {
        if (s == null) { throw notIterable(s); }
        var a = Array.prototype.slice.call(arguments);
        if (typeof s !== 'object' && typeof s !== 'function') { a[0] = typeof s === 'string' ? Array.from(s) : Object(s); }
        return f.apply(this, a);
    });
})();
var nativeFromEntries = Object.fromEntries;
def(Object, 'fromEntries', function fromEntries(items) {
    if (items === null || items === undefined) { throw new TypeError('undefined is not iterable'); }
    if (!isIterable(items)) { throw notIterable(items); }
    // Array.from, not for-of: goja's for-of calls a next that is no function through nil (an uncatchable crash).
    return nativeFromEntries(Array.from(items, function (e) {
        if (e === null || typeof e !== 'object' && typeof e !== 'function') { throw new TypeError('Iterator value ' + String(e) + ' is not an entry object'); }
        return e;
    }));
});
builtin(Promise, 'any', 'Promise.any', 1);
builtin(Array, 'fromAsync', 'Array.fromAsync', 1);
builtin(String.prototype, 'isWellFormed', 'String.isWellFormed', 0);
builtin(String.prototype, 'toWellFormed', 'String.toWellFormed', 0);
// Error.captureStackTrace and stackTraceLimit, as V8 offers them.
def(Error, 'captureStackTrace', function captureStackTrace(o, fn) {
    if (o === null || typeof o !== 'object' && typeof o !== 'function') { throw new TypeError('invalid_argument'); }
    var lines = String(new Error().stack || '').split('\n').slice(2);
    // Frames from fn's call upwards are left out, as in V8.
    for (var i = 0; fn && fn.name && i < lines.length; i++) { if (lines[i].indexOf('at ' + fn.name + ' (') >= 0) { lines = lines.slice(i + 1); break; } }
    def(o, 'stack', 'Error: ' + o.message + (lines.length ? '\n' + lines.join('\n') : ''));
});
if (Error.stackTraceLimit === undefined) { Error.stackTraceLimit = 10; }
// Both of Postman's sandboxes give errors this toJSON (enumerable, as
// assigned): JSON.stringify(new TypeError('y')) is {"type":"Error","name":"TypeError","message":"y"}.
Error.prototype.toJSON = function(){return{type:"Error",name:this.name,message:this.message}};
(function () {
    var numToLocale = host.numberToLocale, dateToLocale = host.dateToLocale, zoneName = host.zoneName;
    var thisNum = Number.prototype.valueOf, thisTime = Date.prototype.getTime;
    def(Number.prototype, 'toLocaleString', function toLocaleString(locales, options) { return numToLocale(thisNum.call(this), locales, options); });
    if (typeof BigInt === 'function') {
        var thisBig = BigInt.prototype.valueOf, bigToLocale = host.bigintToLocale;
        def(BigInt.prototype, 'toLocaleString', function toLocaleString(locales, options) { return bigToLocale(String(thisBig.call(this)), locales, options); });
    }
    var nativeLocaleCompare = String.prototype.localeCompare, collatorCompare = host.localeCompare;
    def(String.prototype, 'localeCompare', function localeCompare(that, locales, options) {
        if (this === null || this === undefined) { throw new TypeError('String.prototype.localeCompare called on null or undefined'); }
        if (locales === undefined && options === undefined) { return nativeLocaleCompare.call(this, that); }
        return collatorCompare(String(this), String(that), locales, options);
    });
    def(Date.prototype, 'toLocaleString', function toLocaleString(locales, options) { return dateToLocale(thisTime.call(this), locales, options, 'any', 'all'); });
    def(Date.prototype, 'toLocaleDateString', function toLocaleDateString(locales, options) { return dateToLocale(thisTime.call(this), locales, options, 'date', 'date'); });
    def(Date.prototype, 'toLocaleTimeString', function toLocaleTimeString(locales, options) { return dateToLocale(thisTime.call(this), locales, options, 'time', 'time'); });
    // Node names the zone in full: (Coordinated Universal Time), not (UTC).
    var toStr = Date.prototype.toString, toTimeStr = Date.prototype.toTimeString, zoneTail = /\([^()]*\)$/;
    def(Date.prototype, 'toString', function toString() {
        var s = toStr.call(this), t = thisTime.call(this);
        return t !== t ? s : s.replace(zoneTail, '(' + zoneName(t) + ')');
    });
    def(Date.prototype, 'toTimeString', function toTimeString() {
        var s = toTimeStr.call(this), t = thisTime.call(this);
        return t !== t ? s : s.replace(zoneTail, '(' + zoneName(t) + ')');
    });
    // A year outside 0-9999 has a sign and six digits (+010000, -000001).
    var toISO = Date.prototype.toISOString, wide = /^([+-])(\d+)/;
    def(Date.prototype, 'toISOString', function toISOString() {
        return toISO.call(this).replace(wide, function (m, sign, y) { return sign + ('00000' + y).slice(-6); });
    });
})();

function toBytes(v) {
    if (v instanceof ArrayBuffer) { return new Uint8Array(v); }
    if (ArrayBuffer.isView(v)) { return new Uint8Array(v.buffer, v.byteOffset, v.byteLength); }
    if (typeof v === 'string') { return new Uint8Array(host.utf8Encode(v)); }
    // A SharedArrayBuffer (its prototype is not ArrayBuffer's, as V8's).
    if (Object.prototype.toString.call(v) === '[object SharedArrayBuffer]') { return new Uint8Array(v); }
    throw new TypeError('expected an ArrayBuffer or a typed array');
}

// Classes, as Node's: called without new they throw.
class TextEncoder {}
TextEncoder.prototype.encoding = 'utf-8';
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });
// The methods read arguments[…]: Node's have length 0 (encodeInto 2).
TextEncoder.prototype.encode = function () { var s = arguments[0]; if (!(this instanceof TextEncoder)) { throw builtins().invalidThis('TextEncoder'); } return new Uint8Array(host.utf8Encode(s === undefined ? '' : String(s))); };
// The rest of the codecs' code is in js/parts/text-codec.js, compiled on
// first use; these stubs keep the functions' names and lengths.
var textCodecPart;
function textCodec() { return textCodecPart || (textCodecPart = part('text-codec', { host: host, def: def, toBytes: toBytes, bi: builtins, global: global })); }
TextEncoder.prototype.encodeInto = function (s, dest) { return textCodec().encodeInto.apply(this, arguments); };
class TextDecoder { constructor() { textCodec().initDecoder.apply(this, arguments); } }
// Three literal getters: a loop's closures cost every engine allocations.
Object.defineProperty(TextDecoder.prototype, 'encoding', { configurable: true, enumerable: true, get: function () { return textCodec().field(this, 'encoding'); } });
Object.defineProperty(TextDecoder.prototype, 'fatal', { configurable: true, enumerable: true, get: function () { return textCodec().field(this, 'fatal'); } });
Object.defineProperty(TextDecoder.prototype, 'ignoreBOM', { configurable: true, enumerable: true, get: function () { return textCodec().field(this, 'ignoreBOM'); } });
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });
TextDecoder.prototype.decode = function () { return textCodec().decode.apply(this, arguments); };
def(global, 'TextEncoder', TextEncoder);
def(global, 'TextDecoder', TextDecoder);

// ---- crypto.subtle (WebCrypto), over the natives in webcrypto.go ------------
// The operations are in js/parts/webcrypto.js, compiled on first use (few
// scripts use crypto.subtle); the classes, the keys' hidden slot and the
// crypto object stay here.
var keySlot = typeof WeakMap === 'function' ? new WeakMap() : null;
function illegalCtor() { var e = new TypeError('Illegal constructor'); e.code = 'ERR_ILLEGAL_CONSTRUCTOR'; throw e; }
function CryptoKey() { illegalCtor(); }
function slot(k) {
    var s = k && typeof k === 'object' ? keySlot.get(k) : undefined;
    if (!s) { throw new TypeError('The "key" argument must be an instance of CryptoKey.'); }
    return s;
}
['type', 'extractable', 'algorithm', 'usages'].forEach(function (f) {
    Object.defineProperty(CryptoKey.prototype, f, { configurable: true, enumerable: true, get: function () { return slot(this)[f]; } });
});
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });
def(global, 'CryptoKey', CryptoKey);
function wcAsync(f) {
    return function () {
        var args = arguments, self = this;
        return new Promise(function (resolve) { resolve(f.apply(self, args)); });
    };
}
var wcOps;
function webcrypto() {
    return wcOps || (wcOps = part('webcrypto', { host: host, global: global, toBytes: toBytes, keySlot: keySlot, CryptoKey: CryptoKey,
        slot: slot, subtle: subtle, TextEncoder: TextEncoder, TextDecoder: TextDecoder }));
}
var subtle = {};
function SubtleCrypto() { illegalCtor(); }
var SCP = SubtleCrypto.prototype;
['encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey', 'getPublicKey'].forEach(function (n) {
    def(SCP, n, wcAsync(function () { var ops = webcrypto(); return ops[n].apply(this, arguments); }));
});
Object.defineProperty(SCP, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });
subtle = Object.create(SCP);
function Crypto() { illegalCtor(); }
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
Object.defineProperty(Crypto.prototype, 'subtle', { configurable: true, enumerable: true, get: function () { return subtle; } });
// Node's checks of its argument (js/parts/builtins.js).
def(Crypto.prototype, 'getRandomValues', function (arr) { return builtins()['crypto.getRandomValues'].apply(this, arguments); });
def(Crypto.prototype, 'randomUUID', function () { if (this !== crypto) { throw builtins().invalidThis('Crypto'); } return host.randomUUID(); });
def(global, 'crypto', Object.create(Crypto.prototype));
def(global, 'Crypto', Crypto);
def(global, 'SubtleCrypto', SubtleCrypto);

// structuredClone, as V8 clones (js/parts/builtins.js).
builtin(global, 'structuredClone', 'global.structuredClone', 2, '');
// require is the bundle's r: sloppy, two parameters.
def(global, 'require', bundled({ r(name, unused) {
    if (typeof name !== 'string') { throw new TypeError('The "id" argument must be of type string'); }
    return host.requireScript(name);
} }.r, 'r'));

// Guards against the allocations goja cannot interrupt (native loops).
var MAX_ELEMS = 1 << 26, MAX_CHARS = 1 << 28;
(function () {
    var fill = Array.prototype.fill, repeat = String.prototype.repeat,
        padStart = String.prototype.padStart, padEnd = String.prototype.padEnd;
    def(Array.prototype, 'fill', function fill_() {
        if (this && this.length > MAX_ELEMS) { throw new RangeError('Array is too large for courier\'s sandbox (' + this.length + ' elements)'); }
        return fill.apply(this, arguments);
    });
    def(String.prototype, 'repeat', function repeat_(n) {
        // V8 names a bad count.
        var c = Number(n);
        if (c < 0 || c === Infinity) { throw new RangeError('Invalid count value: ' + String(c)); }
        if (String(this).length * n > MAX_CHARS) { throw new RangeError('Invalid string length'); }
        return repeat.apply(this, arguments);
    });
    def(String.prototype, 'padStart', function padStart_(n) {
        if (n > MAX_CHARS) { throw new RangeError('Invalid string length'); }
        return padStart.apply(this, arguments);
    });
    def(String.prototype, 'padEnd', function padEnd_(n) {
        if (n > MAX_CHARS) { throw new RangeError('Invalid string length'); }
        return padEnd.apply(this, arguments);
    });
})();

// ---- util.inspect / util.format, as Node prints ---------------------------
// The formatting itself is in js/parts/inspect.js.
var inspectPart;
function inspectLib() { return inspectPart || (inspectPart = part('inspect', {})); }
function inspect(v, opts) { return inspectLib().inspect(v, opts); }
function format(args, opts) { return inspectLib().format(args, opts); }
// Newman's CLI inspects with depth 25 and breakLength 44 when not on a TTY;
// the sandbox has already turned functions into strings and errors into
// {type, name, message}.
var newmanInspect = { depth: 25, breakLength: 44, fnString: true, errorObjects: true };
var warned = {};
function emit(level, args) {
    args = Array.prototype.slice.call(args);
    var text = args.map(function (x) {
        return inspect(x, newmanInspect);
    }).join(', ');
    // A string first argument with a '%' is a format: the line is also
    // given as plain text (ConsoleLine.Unformatted).
    var f = args.length > 1 && typeof args[0] === 'string' && args[0].indexOf('%') >= 0;
    native.console(level, text, format(args), f ? args[0] : '', f ? format(['%s'].concat(args)) : '');
}
var consoleObj = {};
// Postman's console: these six members, in this order (no trace, table...).
// Its methods have no prototype, as the sandbox's; clear logs its arguments.
['log', 'warn', 'debug', 'info', 'error'].forEach(function (lvl) {
    consoleObj[lvl] = (...args) => emit(lvl, args);
});
consoleObj.clear = (...a) => emit('clear', a);
def(global, 'console', consoleObj);
var quiet = false; // set while run() reads globals for a script's parameters
function deprecated(what, instead) {
    if (quiet) { return; }
    if (!warned) { warned = {}; }
    if (warned[what]) { return; }
    warned[what] = true;
    emit('warn', ['Using "' + what + '" is deprecated.' + (instead ? ' Use "' + instead + '" instead.' : '')]);
}

// ---- lodash (for our own use) and chai with the chai-postman plugin -------
var lodash4;
function lo() { return lodash4 || (lodash4 = host.require('lodash')); }
function deepEqual(a, b) { return lo().isEqual(a, b); }

var chaiLib;
function chai() {
    if (chaiLib) { return chaiLib; }
    chaiLib = host.require('chai');
    chaiLib.use(chaiPostman);
    return chaiLib;
}

var STATUS_CLASSES = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };
var STATUS_NAMED = {
    accepted: [202, 'Accepted'], withoutContent: [204, 'No Content'], badRequest: [400, 'Bad Request'],
    unauthorised: [401, 'Unauthorised'], unauthorized: [401, 'Unauthorized'], forbidden: [403, 'Forbidden'],
    notFound: [404, 'Not Found'], notAcceptable: [406, 'Acceptable'], rateLimited: [429, 'Too Many Requests']
};
function isResponse(o) { return o instanceof Response; }
function isRequest(o) { return o instanceof Request; }
// chai-postman keeps a JSONError's first line only (its /(.*?)\n.*/g
// replace drops the source excerpt and the caret under it).
function jsonErr(e) { return e.name === 'JSONError' && e.message ? e.message.replace(/(.*?)\n.*/g, '$1') : e.name + ': ' + e.message; }

// chai-postman, the plugin chai() installs, is in js/parts/chai-postman.js.
function chaiPostman(chai, utils) {
    var plugin = part('chai-postman', { host: host, isResponse: isResponse, isRequest: isRequest, lo: lo, deepEqual: deepEqual,
        jsonErr: jsonErr, STATUS_CLASSES: STATUS_CLASSES, STATUS_NAMED: STATUS_NAMED });
    return plugin(chai, utils);
}

// ---- fast assertions ------------------------------------------------------------
// pm.expect(x) and pm.response.to / pm.request.to return an Expectation, a
// light stand-in for a chai Assertion. chai in goja costs hundreds of
// microseconds per assertion (a Proxy plus a new Assertion per chain word),
// while most test scripts only chain a handful of simple assertions that
// pass. An Expectation evaluates the common assertions itself and only
// decides "passed" when chai certainly would; in every other case (a failure,
// an unusual flag, an assertion it does not implement, a typo) it rebuilds
// the equivalent chai Assertion (same object, message and flags) and hands
// the rest of the chain to chai, so failure messages and errors are chai's
// own. chai is loaded only when that happens.
//
// The state a chain can reach here is: the object under test, the custom
// message, and the flags negate, deep, contains (set by using include as a
// chain word) and doLength (length as a chain word). Anything that sets
// other flags goes to chai.
var CHAI_METHOD = {}, CHAI_CHAINABLE = {}, CHAI_NAME = {};
('Throw above approximately assert below body by change changes closeTo decrease decreases eq eql eqls equal equals ' +
 'greaterThan greaterThanOrEqual gt gte haveOwnProperty haveOwnPropertyDescriptor header increase increases instanceOf ' +
 'instanceof jsonBody jsonSchema key keys least lessThan lessThanOrEqual lt lte match matches members most oneOf ' +
 'ownProperty ownPropertyDescriptor property respondTo respondsTo satisfies satisfy status statusCode statusCodeClass ' +
 'statusReason string throw throws within').split(' ').forEach(function (n) { CHAI_METHOD[n] = true; CHAI_NAME[n] = true; });
'a an include includes contain contains length lengthOf responseTime responseSize'.split(' ')
    .forEach(function (n) { CHAI_CHAINABLE[n] = true; CHAI_NAME[n] = true; });
('Arguments NaN __methods _obj accepted all also and any arguments at badRequest be been but clientError deep does ' +
 'empty error exist exists extensible false finite forbidden frozen has have info is itself json nested not ' +
 'notAcceptable notFound null of ok ordered own postmanRequest postmanRequestOrResponse postmanResponse rateLimited ' +
 'redirection same sealed serverError still success that to true unauthorised unauthorized undefined which with ' +
 'withBody withoutContent').split(' ').forEach(function (n) { CHAI_NAME[n] = true; });
var PROXY_EXCLUDED = { then: true, 'catch': true, inspect: true, toJSON: true };

function Expectation(obj, msg) {
    this.__o = obj;
    if (msg !== undefined) { this.__m = msg; }
}
// lastExpectation is the receiver of the latest chainable-member access
// (a, include, length...): those members are shared functions, and when one
// is used as a chain word (expect(x).to.be.an.instanceof(Y)) the words after
// it reach it without the Expectation.
var lastExpectation = null;

function toChai(fa) {
    var a = chai().expect(fa.__o, fa.__m);
    if (fa.__n) { void a.not; }
    if (fa.__d) { void a.deep; }
    if (fa.__c) { void a.include; }
    if (fa.__l) { void a.lengthOf; }
    return a;
}
// chaiMember reads a member of chai assertion a so that it works detached
// from a: methods are bound, chainable methods keep their chain members.
function chaiMember(a, name) {
    var v = a[name];
    if (typeof v !== 'function') { return v; }
    if (CHAI_CHAINABLE[name]) {
        var f = function () { return v.apply(a, arguments); };
        Object.setPrototypeOf(f, Object.getPrototypeOf(v));
        return f;
    }
    return function () { return v.apply(a, arguments); };
}
function bailCall(fa, name, args) {
    var a = toChai(fa);
    return a[name].apply(a, args);
}

// Members an Expectation does not implement itself are found on this proxy
// at the end of its prototype chain: chai names go to chai, unknown names
// too (chai's proxy then throws its "Invalid Chai property" error).
var expectationFallback = new Proxy(Object.prototype, {
    get: function (t, p, recv) {
        if (typeof p !== 'string' || PROXY_EXCLUDED[p] || p in t) { return Reflect.get(t, p, recv); }
        if (typeof recv === 'function') {
            // A chainable member used as a chain word.
            var w = toChai(lastExpectation)[recv.__name];
            return CHAI_METHOD[p] ? chaiMember(w, p) : w[p];
        }
        return chaiMember(toChai(recv), p);
    },
    has: function (t, p) { return p in t || (typeof p === 'string' && CHAI_NAME[p] === true); }
});
var EP = Object.create(expectationFallback);
Expectation.prototype = EP;
def(EP, 'constructor', Expectation);
// The state's defaults live on the prototype: assigning a property that a
// prototype already holds as a writable data property stops the lookup
// there, before the (slow) proxy at the end of the chain.
[['__o', undefined], ['__m', undefined], ['__n', false], ['__d', false], ['__c', false], ['__l', false]]
    .forEach(function (p) { def(EP, p[0], p[1]); });

var self = host.self;
function chainWord(name) { Object.defineProperty(EP, name, { configurable: true, get: self }); }
'to be been is that which and has have with at of same but does still also'.split(' ').forEach(chainWord);
Object.defineProperty(EP, 'not', { configurable: true, get: function () { this.__n = true; return this; } });
Object.defineProperty(EP, 'deep', { configurable: true, get: function () { this.__d = true; return this; } });

// check finishes a fast assertion: pass is true, false or undefined
// (unknown); a certain pass stays here, a certain failure too when Go can
// word it as chai would (assertionFailure throws it).
var assertionFailure = host.assertionFailure;
function checkProp(fa, name, pass) {
    if (pass === undefined) { return toChai(fa)[name]; }
    if (pass !== fa.__n) { return fa; }
    assertionFailure(fa, name);
    return toChai(fa)[name];
}
function checkCall(fa, name, args, pass) {
    if (pass === undefined) { return bailCall(fa, name, args); }
    if (pass !== fa.__n) { return fa; }
    assertionFailure(fa, name, args[0], args[1]);
    return bailCall(fa, name, args);
}
function plainObject(o) {
    if (o === null || typeof o !== 'object') { return false; }
    var p = Object.getPrototypeOf(o);
    return p === Object.prototype || p === null;
}
function plainArray(o) { return Array.isArray(o) && Object.getPrototypeOf(o) === Array.prototype; }
// typeName is chai's type-detect result, lower-cased, for the values it is
// certain about; undefined otherwise.
function typeName(v) {
    var t = typeof v;
    if (t !== 'object') { return t; }
    if (v === null) { return 'null'; }
    if (plainArray(v)) { return 'array'; }
    if (plainObject(v) && !(Symbol.toStringTag in v)) { return 'object'; }
    return undefined;
}
// fastEql is deep-eql restricted to JSON-like values: true when equal,
// false when not, undefined when it cannot tell.
function fastEql(a, b, depth) {
    if (a === b) { return a !== 0 || 1 / a === 1 / b; }
    if (a !== a && b !== b) { return true; }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
        return (typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null) || typeof a === 'function' || typeof b === 'function' ? undefined : false;
    }
    if (depth > 64) { return undefined; }
    var i, r;
    if (plainArray(a) && plainArray(b)) {
        if (a.length !== b.length) { return false; }
        for (i = 0; i < a.length; i++) {
            r = fastEql(a[i], b[i], depth + 1);
            if (r !== true) { return r; }
        }
        return true;
    }
    if (!plainObject(a) || !plainObject(b)) { return undefined; }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) { return false; }
    for (i = 0; i < ka.length; i++) {
        if (!Object.prototype.hasOwnProperty.call(b, ka[i])) { return false; }
        r = fastEql(a[ka[i]], b[ka[i]], depth + 1);
        if (r !== true) { return r; }
    }
    return true;
}

// AssertionError is the class chai throws (assertion-error 1.1.0), for the
// failures Go words itself (failure.go) so that chai need not be loaded:
// the same own properties in the same order, the same prototype members.
// When chai is loaded, this prototype is chained onto chai's and loses its
// own members, so instanceof, constructor and toJSON are chai's (require.go).
// Its constructor is named r, as the sandbox's bundle minified it: chai
// prints a caught one as r{ …(5) } (Newman 6.2.2, fresh-round14t-g).
var AssertionError = function r(message, props) {
    this.message = message || 'Unspecified AssertionError';
    this.showDiff = false;
    for (var k in props) { this[k] = props[k]; }
    if (Error.captureStackTrace) { Error.captureStackTrace(this, AssertionError); } else { try { throw new Error(); } catch (e) { this.stack = e.stack; } }
};
AssertionError.prototype = Object.create(Error.prototype);
AssertionError.prototype.name = 'AssertionError';
AssertionError.prototype.constructor = AssertionError;
AssertionError.prototype.toJSON = function (stack) {
    var props = { name: this.name }, self = this;
    Object.keys(this).forEach(function (k) { if (k !== 'constructor' && k !== 'toJSON' && k !== 'stack') { props[k] = self[k]; } });
    if (stack !== false && this.stack) { props.stack = this.stack; }
    return props;
};

// PropertyList, Url, Request, Response and friends live in the eager part
// js/parts/postman-shapes.js (see eagerParts in parts.go): compiled beside
// this file, on the other core, and run here, before fastAssertInit needs
// Response.prototype.
var shapes = host.eagerPart('postman-shapes')({ def: def, host: host, native: native, Expectation: Expectation, isRequest: isRequest, isResponse: isResponse, part: part });
var shapeClasses = shapes.classes, Cookie = shapes.Cookie, Header = shapes.Header, PR = shapes.PR, withData = shapes.withData, PostmanProperty = shapes.Property, PropertyList = shapes.PropertyList, VariableList = shapes.VariableList, QueryParam = shapes.QueryParam, Request = shapes.Request, RequestAuth = shapes.RequestAuth, RequestBody = shapes.RequestBody, Response = shapes.Response, Url = shapes.Url, cookieList = shapes.cookieList, failedResponse = shapes.failedResponse, plainRequest = shapes.plainRequest;
shapes = undefined;

// The hottest assertions (native kind given) have a Go form in front that
// settles common passes itself and calls the JS form for anything else.
host.fastAssertInit(EP, Response.prototype, Object.prototype, Array.prototype, AssertionError);
function fastMethod(names, fn, nativeKind) {
    names.split(' ').forEach(function (name) {
        // A rest array is cheaper than an arguments object; the fast
        // checks get the first two arguments and their count.
        var f = function (...args) {
            // Called on another object (unbound), it is chai's (Newman's words).
            if (!(this instanceof Expectation)) { return chai().Assertion.prototype[name].apply(this, args); }
            return checkCall(this, name, args, fn.call(this, args[0], args[1], args.length));
        };
        def(EP, name, nativeKind ? host.fastAssert(nativeKind, f) : f);
    });
}
function fastProp(names, fn) {
    names.split(' ').forEach(function (name) {
        Object.defineProperty(EP, name, { configurable: true, get: function () { return checkProp(this, name, fn.call(this)); } });
    });
}
function setMsg(fa, msg) { if (msg) { fa.__m = msg; } }

fastMethod('equal equals eq', function (v, msg) {
    setMsg(this, msg);
    if (this.__d) { return this.__n ? undefined : (fastEql(this.__o, v, 0) === true ? true : undefined); }
    return v === this.__o;
}, 'equal');
fastMethod('eql eqls', function (v, msg) {
    setMsg(this, msg);
    return this.__n ? undefined : (fastEql(this.__o, v, 0) === true ? true : undefined);
}, 'eql');
function compare(fa, n, msg, op) {
    setMsg(fa, msg);
    if (fa.__l || typeof fa.__o !== 'number' || typeof n !== 'number') { return undefined; }
    return op(fa.__o, n);
}
fastMethod('above gt greaterThan', function (n, msg) { return compare(this, n, msg, function (a, b) { return a > b; }); });
fastMethod('least gte greaterThanOrEqual', function (n, msg) { return compare(this, n, msg, function (a, b) { return a >= b; }); });
fastMethod('below lt lessThan', function (n, msg) { return compare(this, n, msg, function (a, b) { return a < b; }); });
fastMethod('most lte lessThanOrEqual', function (n, msg) { return compare(this, n, msg, function (a, b) { return a <= b; }); });
fastMethod('match matches', function (re, msg) {
    setMsg(this, msg);
    // chai calls re.exec; Postman's minified chai names it e.
    if (re == null) { throw new TypeError('Cannot read properties of ' + re + " (reading 'exec')"); }
    if (typeof re.exec !== 'function') { throw new TypeError('e.exec is not a function'); }
    if (!(re instanceof RegExp) || typeof this.__o !== 'string' || re.global || re.sticky) { return undefined; }
    return re.exec(this.__o) !== null;
});
fastMethod('oneOf', function (list, msg) {
    setMsg(this, msg);
    if (this.__c || this.__d || !plainArray(list)) { return undefined; }
    return list.indexOf(this.__o) > -1;
});
fastMethod('instanceof instanceOf', function (ctor, msg) {
    setMsg(this, msg);
    if (typeof ctor !== 'function' || typeof ctor.prototype !== 'object') { return undefined; }
    return this.__o instanceof ctor;
});
// property changes the object under test to the property's value.
def(EP, 'property', function (name, value, msg) {
    if (!(this instanceof Expectation)) { return chai().Assertion.prototype.property.apply(this, arguments); }
    if (arguments.length > 2) { setMsg(this, msg); }
    var o = this.__o;
    if (this.__n || this.__d || typeof name !== 'string' || o === null || o === undefined) { return bailCall(this, 'property', arguments); }
    var has = name in Object(o), v = has ? o[name] : undefined;
    if (!has || (arguments.length > 1 && v !== value)) { return bailCall(this, 'property', arguments); }
    this.__o = v;
    return this;
});

fastProp('true', function () { return this.__o === true; });
fastProp('false', function () { return this.__o === false; });
fastProp('null', function () { return this.__o === null; });
fastProp('undefined', function () { return this.__o === undefined; });
fastProp('exist exists', function () { return this.__o !== null && this.__o !== undefined; });
fastProp('empty', function () {
    var o = this.__o;
    if (typeof o === 'string' || plainArray(o)) { return o.length === 0; }
    if (plainObject(o)) { return Object.keys(o).length === 0; }
    return undefined;
});

// The chai-postman members that are commonly used on pm.response/pm.request.
fastMethod('status', function (s) {
    if (!(this.__o instanceof Response) || !('code' in this.__o)) { return undefined; }
    if (typeof s === 'number') { return this.__o.code === s; }
    if (typeof s === 'string') { return this.__o.reason() === s; }
    return undefined;
}, 'status');
fastMethod('statusCode', function (s) { return this.__o instanceof Response && 'code' in this.__o ? this.__o.code === Number(s) : undefined; });
fastMethod('header', function (key, value, argc) {
    var o = this.__o;
    if (this.__n || !(o instanceof Response || o instanceof Request)) { return undefined; }
    if (!o.headers.has(key)) { return false; } // chai-postman's first check fails
    return argc > 1 ? (o.headers.one(key).value === value || undefined) : true;
});
fastProp('ok', function () {
    var o = this.__o;
    if (o instanceof Response) { return this.__n ? undefined : (o.code === 200 && String(o.reason()).toUpperCase() === 'OK') || undefined; }
    return !!o;
});
Object.keys(STATUS_CLASSES).forEach(function (k) {
    fastProp(k, function () {
        var o = this.__o;
        return o instanceof Response && 'code' in o ? Math.floor(o.code / 100) === STATUS_CLASSES[k] : undefined;
    });
});
fastProp('json', function () {
    var o = this.__o;
    if (this.__n || !(o instanceof Response)) { return undefined; }
    try { o.json(); } catch (e) { return undefined; }
    return true;
});
fastProp('withBody', function () {
    var o = this.__o;
    if (!(o instanceof Response)) { return undefined; }
    var t = o.text();
    return typeof t === 'string' && t.length > 0;
});

// Chainable members: a shared function per name that works both called
// (expect(x).to.be.a('string')) and as a chain word (.an.instanceof(Y)).
function chainable(name, onGet, fn, nativeKind) {
    var f = fn ? function (...args) {
        var fa = this instanceof Expectation ? this : lastExpectation;
        return checkCall(fa, name, args, fn.call(fa, args[0], args[1], args.length));
    } : function (...args) {
        var fa = this instanceof Expectation ? this : lastExpectation, a = toChai(fa);
        return a[name].apply(a, args);
    };
    if (nativeKind) { f = host.fastAssert(nativeKind, f); }
    var proto = Object.create(expectationFallback);
    proto.call = Function.prototype.call;
    proto.apply = Function.prototype.apply;
    proto.bind = Function.prototype.bind;
    Object.setPrototypeOf(f, proto);
    def(f, '__name', name);
    Object.defineProperty(EP, name, {
        configurable: true,
        get: function () { if (onGet) { onGet(this); } lastExpectation = this; return f; }
    });
}
function typeCheck(type, msg) {
    setMsg(this, msg);
    if (typeof type !== 'string') { return undefined; }
    var t = typeName(this.__o);
    return t === undefined ? undefined : t === type.toLowerCase();
}
chainable('a', null, typeCheck, 'type');
chainable('an', null, typeCheck, 'type');
function includeCheck(v, msg) {
    setMsg(this, msg);
    var o = this.__o;
    if (this.__d) { return undefined; }
    if (typeof o === 'string') { return o.indexOf(v) !== -1; }
    if (plainArray(o)) { return o.indexOf(v) !== -1 || undefined; }
    return undefined;
}
'include includes contain contains'.split(' ').forEach(function (n) {
    // v12 runs: chai words include/contain (chai-postman.js)
    var v = host.currentSandbox && n.length < 8;
    chainable(n, function (fa) { fa.__c = true; }, v ? null : includeCheck, v ? null : 'include');
});
function lengthCheck(n, msg) {
    setMsg(this, msg);
    var o = this.__o;
    if (typeof n !== 'number' || !(typeof o === 'string' || plainArray(o))) { return undefined; }
    return o.length === n;
}
chainable('length', function (fa) { fa.__l = true; }, lengthCheck);
chainable('lengthOf', function (fa) { fa.__l = true; }, lengthCheck);
chainable('responseTime', null, null);
chainable('responseSize', null, null);

var expect = bundled({ expect(v, msg) { return new Expectation(v, msg); } }.expect, '');
// expect.fail is the bundle's (a sloppy function of four parameters); chai's
// does the work, loaded on first call.
expect.fail = bundled({ fail(a, b, c, d) { return chai().expect.fail.apply(undefined, arguments); } }.fail, '');

// ---- variable scopes -----------------------------------------------------------
// A scope's id is kept apart (sid), so that no own member shows it, as in
// Newman (its own members are id, values, and so on).
var IDS = new WeakMap();
// Called unbound (this undefined), a method fails with the words of
// Newman's, whose sloppy methods read the global object's missing values:
// w is the member they read next (fresh-round9p-c).
function sid(s, w) { return s === undefined || s === null ? unbound(w) : IDS.get(s); }
function unbound(w) { throw new TypeError("Cannot read properties of undefined (reading '" + w + "')"); }
var ONV = 'oneNormalizedVariable';
function VariableScope(id) { IDS.set(this, id); }
// A scope is a PostmanProperty, as postman-collection's VariableScope.
var V = Object.setPrototypeOf(VariableScope.prototype, PostmanProperty.prototype);
V.has = function (k) { return native.varHas(sid(this, ONV), String(k)); };
V.get = function (k) { return native.varGet(sid(this, ONV), String(k)); };
// Any key is its text, as in postman-collection: set({a: 1}, v) sets
// "[object Object]", set() sets "undefined".
V.set = function (k, v) {
    native.varSet(sid(this, ONV), k, v);
    track(this, String(k), [String(k), v]);
};
V.unset = function (k) { native.varUnset(sid(this, 'remove'), k); track(this, String(k), [String(k)]); };
V.clear = function () {
    var p = native.varPairs(sid(this, 'clear'));
    for (var i = 0; i < p.length; i += 2) { track(this, p[i], [p[i]]); }
    native.varClear(sid(this));
};
// track notes a change in this script's mutation log of the scope s, as
// postman-collection's tracking keeps it: the last change of each key (a
// function of its own: Newman's scopes have no such member).
function track(s, k, m) {
    var st = S;
    if (!st || sid(s) === 'data') { return; }
    var all = st.mutations || (st.mutations = {}), c = all[sid(s)] || (all[sid(s)] = {});
    c[k] = m;
}
// SCOPE_IDS are the scopes' ids for this run (the environment file's own
// id when it has one), made on first use.
var SCOPE_IDS = {};
function scopeID(id) {
    if ((id === 'environment' || id === 'globals') && native.envID(id)) { return native.envID(id); }
    // Each iteration's data is a new scope, with a new id.
    if (id === 'data' && S) { id += execInfo(S).iteration; }
    return SCOPE_IDS[id] || (SCOPE_IDS[id] = crypto.randomUUID());
}
V.toObject = function () {
    var p = native.varPairs(sid(this, 'toObject')), o = {};
    // postman-collection's toObject reads each value as get does: a
    // function value is called.
    for (var i = 0; i < p.length; i += 2) { o[p[i]] = typeof p[i + 1] === 'function' ? p[i + 1]() : p[i + 1]; }
    return o;
};
// toJSON is postman-collection's VariableScope#toJSON (js/parts/scope-members.js).
V.toJSON = function () { return scopeMembers().toJSON(this); };
// variables and syncVariablesTo are postman-collection's older spellings
// of toObject; they and the scopes' own members live in a part.
function scopeMembers() { return part('scope-members', { def: def, VariableList: VariableList, scopeID: scopeID, scopes: scopes, native: native, sid: sid, cur: function () { return S; } }); }
V.variables = function () { return scopeMembers().variables(this); };
V.syncVariablesFrom = function (o, t) { return scopeMembers().syncVariablesFrom(this, o, t); };
V.syncVariablesTo = function (t) { return scopeMembers().syncVariablesTo(this, t); };
V.replaceIn = function (s) {
    if (this === undefined) { return s; }
    var id = sid(this), repl = function (t) { return id === 'variables' ? native.replaceIn(t) : native.replaceInScope(id, t); };
    if (typeof s === 'string') { return repl(s); }
    // replaceIn(42) is 42; objects and arrays as postman-collection
    // resolves them (js/parts/scope-members.js).
    return s && (typeof s === 'object' || typeof s === 'function') ? scopeMembers().replaceIn(s, repl) : s;
};

// ---- per-script state ------------------------------------------------------------
var S = null; // the running script

// ScriptState is what one script execution accumulates. Its fields default
// to the prototype's values: a script only pays for what it uses.
function ScriptState(listen) {
    this.listen = listen;
}
(function (P) {
    P.pm = P.info = P.pinfo = P.open = P.done = P.legacyTests = P.cookies = P.execution = P.lg = P.lgw = P.restore = null;
    P.request = P.response = undefined;
    P.testCount = 0;
    P.requestSnapshot = '';
    P.failed = false;
})(ScriptState.prototype);

// recordError is [name, message, stack] of a failed test's error. A thrown
// value without a message (a string, null) reads as the test's name, as in
// Newman 6.2.2.
// A failed test's error keeps its own name (even ''); Newman names what
// has none (a thrown string, number or plain object) AssertionError.
function recordError(e, testName) {
    var named = e && typeof e === 'object' && e.name !== undefined;
    if (e && typeof e === 'object' && e.message !== undefined) {
        return [named ? String(e.name) : 'AssertionError', String(e.message), typeof e.stack === 'string' ? e.stack : ''];
    }
    if (e && typeof e === 'object') { return [named ? String(e.name) : 'AssertionError', testName === undefined ? String(e) : testName, '']; }
    return ['AssertionError', testName === undefined ? String(e) : testName, ''];
}

// openTest notes a test waiting for its callback or promise; finish
// reports those that never settle.
function openTest(st, idx, name) {
    if (!st.open) { st.open = {}; native.needFinish(); }
    st.open[idx] = name;
}

function makeTest() {
    // finishTest reports a test as its callback or promise settles. As in
    // Newman, each later call of a callback reports it again, unless it
    // failed: done(); done() gives two results, done(e); done() one.
    function finishTest(st, idx, name, e) {
        var d = st.done || (st.done = {}), again = !!d[idx];
        if (d[idx] === 2) { return; }
        d[idx] = e === undefined ? 1 : 2;
        if (st.open) { delete st.open[idx]; }
        if (e === undefined) { native.recordTest(idx, name, true, false, '', '', '', again); return; }
        var r = recordError(e, name);
        native.recordTest(idx, name, false, false, r[0], r[1], r[2], again);
    }
    var test = bundled({ test(name, fn) {
        var st = S, idx = st.testCount++;
        name = String(name);
        // A test without a function passes, as in Newman 6.2.2.
        if (typeof fn !== 'function') { native.recordTest(idx, name, true, false, '', ''); return st.pm; }
        try {
            if (fn.length > 0) {
                // Reported when its callback comes: Newman lists results
                // in the order they settle.
                openTest(st, idx, name);
                guard(fn, function done(err) { finishTest(st, idx, name, err ? err : undefined); });
                return st.pm;
            }
            // Through a native, so a stack overflow fails this test only.
            var r = guard(fn);
            // An Expectation (an arrow returning pm.expect(...)) is never
            // a thenable; asking it for then would go through its proxy.
            if (r && !(r instanceof Expectation) && typeof r.then === 'function') {
                openTest(st, idx, name);
                r.then(function () { finishTest(st, idx, name); }, function (e) { finishTest(st, idx, name, e === undefined ? 'undefined' : e); });
            } else {
                native.recordTest(idx, name, true, false, '', '');
            }
        } catch (e) {
            var d = st.done || (st.done = {}), again = !!d[idx], er = recordError(e, name);
            d[idx] = 2;
            if (st.open) { delete st.open[idx]; }
            native.recordTest(idx, name, false, false, er[0], er[1], er[2], again);
        }
        return st.pm;
    } }.test, '');
    test.skip = bundled({ skip(name) {
        var st = S, idx = st.testCount++;
        native.recordTest(idx, String(name), false, true, '', '');
        return st.pm;
    } }.skip, '');
    test.index = function () { return S.testCount; };
    return test;
}


// pm.cookies.jar() is in js/parts/cookie-jar.js.
var jarPart;
function jarApi() {
    return (jarPart || (jarPart = part('cookie-jar', { native: native, Url: Url, Cookie: Cookie, cookieList: cookieList })))();
}

// What scripts hand pm.sendRequest is read in js/parts/sendrequest.js.
var normalizePart;
function normalizeSendRequest(req) {
    return (normalizePart || (normalizePart = part('sendrequest', { Request: Request, Url: Url, PropertyList: PropertyList, plainRequest: plainRequest })))(req);
}
// response makes a Response of the plain data native.sendRequest and
// native.runRequest hand back.
function response(data) {
    data.cookies = data.cookies || [];
    return new Response(data, data.body, data.bodyBase64);
}
var sendRequest = bundled({ sendRequest(req, cb) {
    var self = this;
    // Newman hands back what the callback returns.
    if (!req && typeof cb === 'function') { return cb.call(self, new Error('sendrequest: nothing to request')); }
    var plain = normalizeSendRequest(req);
    if (typeof cb === 'function') {
        // The callback runs as a callback, not in a promise chain: what it
        // throws fails the script, as in the Postman app.
        native.sendRequest(JSON.stringify(plain), function (err, data) {
            // A network failure comes as Node's fields ({errno, code,
            // syscall, address, port}) with Postman's empty response.
            // A request that could not start (a bad URL) hands Newman's
            // callback an empty object: its Error does not cross the bridge.
            // v12 runs: the words alone, and no response.
            var v = host.currentSandbox;
            if (err !== null) { cb.call(self, typeof err === 'object' || v ? err : {}, v ? undefined : failedResponse(), undefined); return; }
            var res = response(data);
            cb.call(self, null, res, { cookies: res.cookies, execution: {} });
        });
        return self; // pm, as Postman's returns
    }
    if (!req) { return Promise.reject(new Error('sendrequest: nothing to request')); }
    return new Promise(function (resolve, reject) {
        native.sendRequest(JSON.stringify(plain), function (err, data) {
            // The current sandbox rejects with a plain object: Node's
            // fields, then the error's name and message.
            if (err !== null && typeof err === 'object') {
                err.name = err.code === 'ERR_SOCKET_BAD_PORT' ? 'RangeError' : 'Error';
                err.message = data;
                reject(err);
            } else if (err !== null) { reject(host.currentSandbox ? err : { name: 'Error', message: err }); } else { resolve(response(data)); }
        });
    });
} }.sendRequest, 'sendRequest');

// pm is rebuilt for every script, as in Postman, but only as a thin object:
// everything lives on PM.prototype, built once per Engine, and reads the
// running script's state S. Members whose value depends on the script
// (info, request, response, cookies, execution.location) are computed on
// first use and cached in S.
// postman-collection and the sandbox name their classes PostmanX: scripts
// that print constructor.name, or log one of these objects, see Postman's
// names.
[[Request, 'PostmanRequest'], [Url, 'PostmanUrl'], [PropertyList, 'PostmanPropertyList'], [Header, 'PostmanHeader'],
    [QueryParam, 'PostmanQueryParam'], [RequestBody, 'PostmanRequestBody'], [RequestAuth, 'PostmanRequestAuth'],
    [Response, 'PostmanResponse'], [Cookie, 'PostmanCookie'], [VariableScope, 'PostmanVariableScope']].forEach(function (c) {
    nameDescriptor.value = c[1];
    Object.defineProperty(c[0], 'name', nameDescriptor);
});

// pm's constructor is the bundle's Postman: sloppy, six parameters.
var PMP = {}, PM = bundled({ Postman(a, b, c, d, e, f) { void [a, b, c, d, e, f]; } }.Postman, 'Postman');
Object.defineProperty(PM, 'prototype', { value: PMP, writable: true, configurable: true });
def(PMP, 'constructor', PM);
// pm's members are its own, as in Postman: fixed (not writable, not
// configurable, not enumerable) but for test, in Postman's order, response
// only in test scripts. Making them for every script would cost every
// script, so an engine keeps one pm per kind of script and hands it out
// again while no script has changed it (see pmFor).
var PM_NAMES = ['info', 'vault', 'globals', 'environment', 'collectionVariables', 'variables', 'iterationData',
    'request', 'response', 'cookies', 'visualizer', 'sendRequest', 'execution'];
// PM_GET holds the members whose value is the running script's. On the
// shared pm they are getters that compute the value on first use; a script
// that names pm other than to use a member (and so could read a
// descriptor) gets its own pm, whose members are values made before the
// script starts, as Postman's are (makePM).
var PM_GET = {}, PM_VAL = {};
function execInfo(st) { return st.info || (st.info = native.info()); }
PM_GET.info = (function () { var st = S; return st.pinfo || (st.pinfo = native.pmInfo()); });
PM_GET.request = (function () {
    var st = S;
    if (st.request === undefined) {
        // finish writes a pre-request script's changes back.
        if (st.listen === 'prerequest') { native.needFinish(); }
        var d = native.request();
        if (d === undefined) {
            st.request = undefined;
            st.requestSnapshot = '';
            return undefined;
        }
        // No id or name of its own: Newman's and Postman's pm.request has
        // neither (pm.info has them).
        st.request = ownTo(new Request(d));
        st.requestSnapshot = JSON.stringify(plainRequest(st.request));
    }
    return st.request;
});
// pm.request's and pm.response's to are their own (not enumerable, not
// configurable), as the sandbox adds them (pm.response's: responseObject).
var TO_OWN = { get: function () { return new Expectation(this); }, enumerable: false, configurable: false };
function ownTo(o) { Object.defineProperty(o, 'to', TO_OWN); return o; }
PM_GET.response = (function () {
    var st = S;
    if (st.response === undefined) {
        // The Go side builds what new Response(d, ...) would, in one call.
        var r = native.response(st.failed ? null : PR);
        if (r === undefined) {
            st.response = null;
        } else if (st.failed) {
            st.response = ownTo(failedResponse());
        } else {
            // No cookies: postman-runtime hands the sandbox a response
            // without them, so pm.response.cookies is the empty list the
            // getter makes of an absent one; pm.cookies holds the jar's.
            st.response = withData(r, { header: native.responseHeaders, textFn: native.responseText, b64Fn: native.responseBase64 });
        }
    }
    return st.response === null ? undefined : st.response;
});
PM_GET.cookies = (function () {
    var st = S;
    if (!st.cookies) {
        st.cookies = cookieList(this.response ? native.responseCookies() : []);
        def(st.cookies, '__parent', null); // pm.cookies has no owner: null, as in Newman
        var j;
        st.cookies.jar = function () { return j || (j = jarApi()); };
    }
    return st.cookies;
});
// expect is the one member on pm's prototype (enumerable: for-in over pm
// lists test, then expect).
PMP.expect = expect;

function VariableScopes() {}
var scopes = {
    variables: new VariableScope('variables'),
    environment: new VariableScope('environment'),
    collectionVariables: new VariableScope('collection'),
    globals: new VariableScope('globals'),
    iterationData: new VariableScope('data')
};
// One getter per member name serves every scope (it reads this), and one
// descriptor every definition: a closure per scope and member cost each
// engine's start-up.
var memberGetters = {}, memberDescriptor = { enumerable: true, configurable: true, get: undefined };
function member(s, n) {
    memberDescriptor.get = memberGetters[n] || (memberGetters[n] = function () { return scopeMembers().get(this, n); });
    Object.defineProperty(s, n, memberDescriptor);
}
var SCOPE_MEMBERS = ['id', 'values', '_postman_enableTracking', 'mutations', '_layers'];
function envName() { return native.envName(sid(this)); }
Object.keys(scopes).forEach(function (k) {
    var s = PM_VAL[k] = scopes[k];
    member(s, 'id');
    // name is listed (api.keys) when the file has one.
    if (k === 'environment' || k === 'globals') { Object.defineProperty(s, 'name', { configurable: true, get: envName }); }
    // iterationData has id and values, pm.variables adds _layers.
    for (var i = 1, n = k === 'iterationData' ? 2 : k === 'variables' ? 5 : 4; i < n; i++) { member(s, SCOPE_MEMBERS[i]); }
});
var pmTest = makeTest();
var execution = {
    setNextRequest: bundled({ setNextRequest(n) { native.setNextRequest(n); } }.setNextRequest, 'setNextRequest'),
    skipRequest: bundled({ skipRequest() {
        // Outside a pre-request script Postman's sandbox has no such
        // function to call; inside, the script ends at the call.
        if (S.listen !== 'prerequest') { throw new TypeError('pm.execution.skipRequest is not a function'); }
        native.skipRequest();
    } }.skipRequest, ''),
    runRequest: function (ref, opts) { return pmExtras().runRequest(ref, opts); }
};
// pm.execution is the script's own (what a script assigns to it stays in
// the script); its location is a read-only list, as in Postman.
PM_GET.execution = (function () {
    var st = S;
    if (!st.execution) {
        // A nameless item or folder is null in the list (current undefined).
        var info = execInfo(st), location = info.location.map(function (n) { return n === '' ? null : n; }), x = Object.create(execution);
        Object.defineProperty(location, 'current', { value: info.current || undefined });
        Object.defineProperty(x, 'location', { value: location });
        // Own, as getOwnPropertyNames(pm.execution) lists them in Postman.
        def(x, 'setNextRequest', execution.setNextRequest);
        def(x, 'skipRequest', execution.skipRequest);
        st.execution = x;
    }
    return st.execution;
});
// pm-extras: the members few scripts call (js/parts/pm-extras.js).
function pmExtras() { return part('pm-extras', { native: native, response: response }); }
PM_VAL.visualizer = {
    set(tpl, data, options) { pmExtras().visualizerSet(tpl, data, options); },
    clear() { native.visualizerClear(); }
};
PM_VAL.sendRequest = sendRequest;
if (native.vault) { PM_VAL.vault = native.vault; }
// pm.require is absent, as in Newman 6.2.2 and Postman CLI 1.34 offline
// ('require' in pm is false; a call is TypeError: pm.require is not a
// function): the cli reporter says why under the failure (report/hints.go).
// makePM builds a pm for one kind of script; values (the running script's
// own pm) makes every member a value, computed now.
function makePM(listen, values) {
    var o = Object.create(PMP);
    PM_NAMES.forEach(function (k) {
        if (k === 'response' && listen !== 'test') { return; }
        if (PM_GET[k] && values) {
            Object.defineProperty(o, k, { value: PM_GET[k].call(o), writable: false, enumerable: false, configurable: false });
        } else if (PM_GET[k]) {
            Object.defineProperty(o, k, { get: PM_GET[k], enumerable: false, configurable: false });
        } else if (PM_VAL[k] !== undefined) {
            Object.defineProperty(o, k, { value: PM_VAL[k], writable: false, enumerable: false, configurable: false });
        }
    });
    o.test = pmTest;
    return o;
}
// pmFor hands out the engine's pm for this kind of script. A script that
// may change pm (mayChangePM in pmwrites.go: it names pm other than to use a
// member) gets one of its own, so that what it does to pm stays in it, as
// in Postman, where every script has its own pm. The shared one is made
// again if it was changed all the same (test replaced or deleted, pm frozen
// or given another prototype).
var pmPre = null, pmT = null;
function pmFor(listen, own) {
    if (own) { return makePM(listen, true); }
    var o = listen === 'test' ? pmT : pmPre;
    if (o !== null && o.test === pmTest && Object.isExtensible(o) && Object.getPrototypeOf(o) === PMP) { return o; }
    o = makePM(listen);
    if (listen === 'test') { pmT = o; } else { pmPre = o; }
    return o;
}

// ---- legacy globals --------------------------------------------------------------
// Defined once on the global object; their values are computed on first use
// in a script and cached in S.lg. Postman computes them before the script
// starts, so a script that reads one after changing what it reflects through
// pm.* sees the value from before: begin makes environment, globals, data
// and request at the start for the scripts that name them (legacyscopes.go).
// Postman hands scripts its legacy objects behind a proxy that warns when
// one of their properties is used; reading the global alone, or a
// primitive one, warns nothing.
function watched(name, obj, instead) {
    if (!instead || obj === null || typeof obj !== 'object') { return obj; }
    var warn = function () { deprecated(name, instead); };
    return new Proxy(obj, {
        get: function (t, k, r) { if (typeof k === 'string') { warn(); } return Reflect.get(t, k, r); },
        set: function (t, k, v, r) { warn(); return Reflect.set(t, k, v, r); },
        has: function (t, k) { warn(); return Reflect.has(t, k); },
        deleteProperty: function (t, k) { warn(); return Reflect.deleteProperty(t, k); },
        ownKeys: function (t) { warn(); return Reflect.ownKeys(t); }
    });
}
function legacyDescriptor(name, make, instead) {
    return {
        configurable: true, enumerable: false,
        get: function () {
            var st = S;
            if (!st) { return undefined; }
            var c = st.lg || (st.lg = Object.create(null));
            if (!(name in c)) {
                c[name] = make(st);
                (st.lgw || (st.lgw = Object.create(null)))[name] = watched(name, c[name], instead);
            }
            // What the script assigned itself is handed back as it is.
            return st.lgw && name in st.lgw ? st.lgw[name] : c[name];
        },
        set: function (v) {
            var st = S;
            if (!st) { return; }
            (st.lg || (st.lg = Object.create(null)))[name] = v;
            if (st.lgw) { delete st.lgw[name]; } // the script's own value is its own
        }
    };
}
[
    ['tests', function (st) { native.needFinish(); st.legacyTests = {}; return st.legacyTests; }, 'pm.test()'],
    ['environment', function (st) { return st.pm.environment.toObject(); }, 'pm.environment'],
    ['globals', function (st) { return st.pm.globals.toObject(); }, 'pm.globals'],
    ['data', function (st) { return st.pm.iterationData.toObject(); }, 'pm.iterationData'],
    // A number, not an object Postman can watch: it never warns.
    ['iteration', function (st) { return execInfo(st).iteration; }],
    ['request', function (st) {
        return legacyPostman().request(st);
    }, 'pm.request']
].forEach(function (a) { Object.defineProperty(global, a[0], legacyDescriptor(a[0], a[1], a[2])); });
// The response globals exist only in test scripts that have a response.
// After a failed request Postman's legacy globals describe no response:
// responseBody and responseTime are undefined and responseCode is {}.
var responseGlobals = {
    responseBody: legacyDescriptor('responseBody', function (st) { return st.failed ? undefined : st.pm.response.text(); }),
    responseCode: legacyDescriptor('responseCode', function (st) {
        if (st.failed) { return {}; }
        return st.pm.response.details(); // Postman's responseCode is a copy of details()
    }, 'pm.response.code'),
    responseHeaders: legacyDescriptor('responseHeaders', function (st) {
        // The legacy object keeps the last of repeated headers.
        var o = {};
        st.pm.response.headers.members.forEach(function (h) { o[h.key] = h.value; });
        return o;
    }, 'pm.response.headers'),
    // The sandbox hands the execution's CookieList itself (pm.cookies), not
    // an array: responseCookies.length is undefined there too.
    responseCookies: legacyDescriptor('responseCookies', function (st) { return st.pm.cookies; }, 'pm.cookies'),
    // A number, as responseBody is a string: Postman warns about neither.
    responseTime: legacyDescriptor('responseTime', function (st) { return st.failed ? undefined : st.pm.response.responseTime; })
};
// They are switched on and off at every change between a pre-request and a
// test script, by the Go side: defining and deleting five accessors from
// script costs a descriptor object and its conversion each time.
var responseGlobalsOn = false;
host.responseGlobals(Object.keys(responseGlobals).map(function (n) { return [n, responseGlobals[n].get, responseGlobals[n].set]; }));
function setResponseGlobals(on) {
    if (on === responseGlobalsOn) { return; }
    responseGlobalsOn = on;
    host.setResponseGlobals(on);
}

// postman.* lives in a part; Postman's objects keep the methods on their
// prototypes (the test one's adds two) and three members of their own.
function legacyPostman() { return part('legacy-postman', { scopes: scopes, native: native, global: global, cur: function () { return S; } }); }
function PostmanLegacyInterface() {}
function PostmanLegacyTestInterface() {}
PostmanLegacyTestInterface.prototype = Object.create(PostmanLegacyInterface.prototype);
def(PostmanLegacyTestInterface.prototype, 'constructor', PostmanLegacyTestInterface);
['setEnvironmentVariable', 'getEnvironmentVariable', 'clearEnvironmentVariables', 'clearEnvironmentVariable', 'setGlobalVariable', 'getGlobalVariable',
    'clearGlobalVariables', 'clearGlobalVariable', 'setNextRequest', 'getResponseCookie', 'getResponseHeader'].forEach(function (n, i) {
    // Methods (own length and name only), as the sandbox's; a script that
    // takes one gets them with Newman's lengths and this (proto-shapes.js).
    nameDescriptor.value = n;
    def((i < 9 ? PostmanLegacyInterface : PostmanLegacyTestInterface).prototype, n, Object.defineProperty((a, b) => legacyPostman()[n](a, b), 'name', nameDescriptor));
});
var postmanPre = new PostmanLegacyInterface(), postmanTest = new PostmanLegacyTestInterface();
['__execution', '__environment', '__globals'].forEach(function (n) {
    var d = { enumerable: true, configurable: true, get: function () { return legacyPostman().own(n); } };
    Object.defineProperty(postmanPre, n, d);
    Object.defineProperty(postmanTest, n, d);
});
// The sandbox's proxy over postman warns of postman.setNextRequest on
// reading any member (sandbox 4.7.1 says so for every method, once a
// script), and of "postman" on a write.
var postmanTraps = {
    get: function (t, k, r) { if (typeof k === 'string') { deprecated('postman.setNextRequest', 'pm.execution.setNextRequest()'); } return Reflect.get(t, k, r); },
    set: function (t, k, v, r) { deprecated('postman'); return Reflect.set(t, k, v, r); }
};
postmanPre = new Proxy(postmanPre, postmanTraps);
postmanTest = new Proxy(postmanTest, postmanTraps);
def(global, 'pm', undefined);
def(global, 'postman', postmanPre);

// The sandbox's scope libraries: a script that uses one (reads a member,
// calls it) is told once, as Postman's legacy proxy tells it, what to
// require instead; reading the global alone says nothing.
function scopeLib(name, instead, make) {
    lazy(global, name, function () {
        var warn = function () { deprecated(name, instead); };
        return new Proxy(make(), {
            get: function (t, k, r) { if (typeof k === 'string') { warn(); } return Reflect.get(t, k, r); },
            apply: function (t, self, args) { warn(); return Reflect.apply(t, self, args); },
            construct: function (t, args, nt) { warn(); return Reflect.construct(t, args, nt); }
        });
    });
}
scopeLib('_', "require('lodash')", function () { try { return host.require('lodash3'); } catch (e) { return host.require('lodash'); } });
scopeLib('CryptoJS', "require('crypto-js')", function () { return host.require('crypto-js'); });
scopeLib('tv4', "require('ajv')", function () { return host.require('tv4'); });
scopeLib('cheerio', "require('cheerio')", function () { return host.require('cheerio'); });
// Backbone 1.6.0 as the sandbox bundles it; its own copy, apart from
// require('backbone')'s.
scopeLib('Backbone', "require('backbone')", function () { return host.requireFresh('backbone'); });
def(global, 'xml2Json', function xml2Json(s) {
    deprecated('xml2Json', "require('xml2js')");
    // As the sandbox's: what the callback got, undefined for bad XML.
    var out = {};
    try {
        host.require('xml2js').parseString(s, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, function (err, r) { out = r; });
    } catch (e) { out = undefined; }
    return out;
});

// legacyFlush reports the script's tests[...] once.
function legacyFlush(st) {
    var t = st.legacyTests;
    if (st.legacyRead) { return; }
    st.legacyRead = true;
    if (!t) { return; }
    Object.keys(t).forEach(function (k) {
        native.appendTest(k, !!t[k], t[k] ? '' : 'AssertionError', t[k] ? '' : 'expected ' + String(t[k]) + ' to be truthy');
    });
}

// ---- the API the Go side drives -------------------------------------------------
function begin(listen, hasResponse) {
    // hasResponse: 0 none, 1 a response, 2 the request failed; plus 4 when
    // the script may change pm (it gets its own), 8 when it may change the
    // objects pm's members share (put back when it finishes); 16, 32 and 64
    // when it may read the legacy environment and globals, data, request
    // (made now, before the script changes what they reflect, as Postman
    // makes them).
    var st = new ScriptState(listen), own = (hasResponse & 4) !== 0;
    if (hasResponse & 8) { st.restore = part('pm-members', null)([scopes.variables, scopes.environment, scopes.collectionVariables, scopes.globals, scopes.iterationData, PM_VAL.visualizer, PM_VAL.sendRequest, pmTest]); native.needFinish(); }
    var lg = hasResponse;
    hasResponse &= 3;
    st.failed = hasResponse === 2;
    S = st;
    // After S: an own pm's members are the running script's values.
    st.pm = pmFor(listen, own);
    warned = null;
    if (global.pm !== st.pm) { global.pm = st.pm; }
    setResponseGlobals(listen === 'test' && hasResponse);
    var postman = listen === 'test' ? postmanTest : postmanPre;
    if (global.postman !== postman) { global.postman = postman; }
    if (lg & 16) { void global.environment; void global.globals; }
    if (lg & 32) { void global.data; }
    if (lg & 64) { void global.request; }
}
return {
    begin: begin,
    // keys lists the environment's and the globals' name among their keys
    // when the file has one, and, after the run's first script, pm.variables'
    // mutations before _postman_enableTracking: postman-runtime hands later
    // scripts a scope rebuilt from JSON.
    keys: function (env, glob, later) {
        Object.defineProperty(scopes.environment, 'name', { enumerable: env });
        Object.defineProperty(scopes.globals, 'name', { enumerable: glob });
        if (later) { ['_postman_enableTracking', '_layers'].forEach(function (n) { delete scopes.variables[n]; member(scopes.variables, n); }); }
    },
    // adoptSDK makes require('postman-collection')'s classes Newman's
    // (js/parts/sdk-classes.js).
    // shapeFunctions gives the bundled functions their own members
    // (js/parts/fn-shapes.js), once.
    shapeFunctions: function () { if (sloppyFns.length) { part('fn-shapes', { fns: sloppyFns })(); } },
    // shapePrototypes gives the postman-collection shapes' prototypes
    // Newman's members, order and method shapes (js/parts/proto-shapes.js).
    shapePrototypes: function () { part('proto-shapes', { classes: Object.assign({ VariableScope: VariableScope }, shapeClasses), fns: sloppyFns, sdk: function () { return host.require('postman-collection'); }, legacy: [PostmanLegacyTestInterface.prototype, legacyPostman] }); },
    adoptSDK: function (sdk) {
        shapeClasses.VariableScope = VariableScope;
        return part('sdk-classes', { ours: shapeClasses })(sdk);
    },
    // run prepares the script's state and calls the script in one entry
    // from Go: each entry into goja starts with a fresh VM stack.
    // names, when given, are the sandbox globals the script assigns: its
    // function takes them as parameters, as Postman's does.
    run: function (listen, hasResponse, fn, names) {
        begin(listen, hasResponse);
        var st = S, r, args;
        if (names) {
            args = new Array(names.length);
            // Handing a global to the script is not the script using it: no
            // deprecation warning.
            quiet = true;
            try {
                for (var i = 0; i < args.length; i++) { args[i] = global[names[i]]; }
            } finally { quiet = false; }
        }
        // Postman reads tests[...] when the script's synchronous part ends:
        // later writes (in callbacks, timers, promise jobs) are not
        // reported. An async-wrapped script is read at finish.
        try { return (r = args ? fn.apply(global, args) : fn.call(global)); } finally { if (!(r && r instanceof Promise)) { legacyFlush(st); } }
    },
    // finish runs after the script and its callbacks, only when the script
    // called native.needFinish(): anything added here must call it too.
    finish: function () {
        var st = S;
        if (!st) { return; }
        if (st.restore) { st.restore(); }
        if (st.open) {
            Object.keys(st.open).forEach(function (idx) {
                if (!st.done || !st.done[idx]) { native.recordTest(Number(idx), st.open[idx], false, false, 'Error', 'test did not complete: its callback or promise never settled'); }
            });
        }
        legacyFlush(st);
        if (st.request && st.listen === 'prerequest') {
            var plain = plainRequest(st.request);
            if (JSON.stringify(plain) !== st.requestSnapshot) { native.writeRequest(JSON.stringify(plain)); }
        }
        S = null;
    }
};
})
