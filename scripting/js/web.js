// The web platform classes of Postman's current sandbox (Node's): Event,
// EventTarget, AbortController, AbortSignal, Blob, File. Compiled on first
// use; returns them by name.
(function (host, global) {
'use strict';
function hidden(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false }); }
function tag(C, name) { Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true }); }
var ILLEGAL = {};

class Event {
    constructor(type, init) {
        if (arguments.length === 0) { throw new TypeError('The "type" argument must be specified'); }
        init = init || {};
        hidden(this, '_e', { type: String(type), bubbles: !!init.bubbles, cancelable: !!init.cancelable, composed: !!init.composed,
            defaultPrevented: false, target: null, phase: 0, stop: false, timeStamp: Date.now() });
    }
    get type() { return this._e.type; }
    get bubbles() { return this._e.bubbles; }
    get cancelable() { return this._e.cancelable; }
    get composed() { return this._e.composed; }
    get defaultPrevented() { return this._e.cancelable && this._e.defaultPrevented; }
    get isTrusted() { return false; }
    get timeStamp() { return this._e.timeStamp; }
    get eventPhase() { return this._e.phase; }
    get target() { return this._e.target; }
    get currentTarget() { return this._e.phase ? this._e.target : null; }
    get srcElement() { return this._e.target; }
    get returnValue() { return !this.defaultPrevented; }
    get cancelBubble() { return this._e.stop; }
    composedPath() { return this._e.phase ? [this._e.target] : []; }
    preventDefault() { this._e.defaultPrevented = true; }
    stopPropagation() { }
    stopImmediatePropagation() { this._e.stop = true; }
}
[['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]].forEach(function (p) {
    Object.defineProperty(Event, p[0], { value: p[1], enumerable: true });
    Object.defineProperty(Event.prototype, p[0], { value: p[1], enumerable: true });
});
tag(Event, 'Event');

class EventTarget {
    constructor() { hidden(this, '_l', {}); }
    addEventListener(type, listener, options) {
        if (arguments.length < 2) { throw new TypeError('The "type" and "listener" arguments must be specified'); }
        if (listener === null || listener === undefined) { return; }
        var once = !!(options && typeof options === 'object' && options.once), list = this._l[type] || (this._l[type] = []);
        var signal = options && typeof options === 'object' ? options.signal : undefined;
        if (signal && signal.aborted) { return; }
        if (list.some(function (l) { return l.fn === listener; })) { return; }
        var entry = { fn: listener, once: once };
        list.push(entry);
        if (signal) { var self = this; signal.addEventListener('abort', function () { self.removeEventListener(type, listener); }); }
    }
    removeEventListener(type, listener) {
        var list = this._l[type];
        if (list) { this._l[type] = list.filter(function (l) { return l.fn !== listener; }); }
    }
    dispatchEvent(event) {
        if (!(event instanceof Event)) { throw new TypeError('The "event" argument must be an instance of Event. Received ' + typeof event); }
        var e = event._e, list = (this._l[e.type] || []).slice();
        e.target = this; e.phase = 2; e.stop = false;
        for (var i = 0; i < list.length && !e.stop; i++) {
            var l = list[i];
            if (l.once) { this.removeEventListener(e.type, l.fn); }
            if (typeof l.fn === 'function') { l.fn.call(this, event); } else if (l.fn && typeof l.fn.handleEvent === 'function') { l.fn.handleEvent(event); }
        }
        if (e.type === 'abort' && typeof this.onabort === 'function' && !e.stop) { this.onabort.call(this, event); }
        e.phase = 0;
        return !event.defaultPrevented;
    }
}
tag(EventTarget, 'EventTarget');

function abortError() { return new global.DOMException('This operation was aborted', 'AbortError'); }
class AbortSignal extends EventTarget {
    constructor(key) {
        if (key !== ILLEGAL) { throw new TypeError('Illegal constructor'); }
        super();
        hidden(this, '_s', { aborted: false, reason: undefined });
        this.onabort = null;
    }
    get aborted() { return this._s.aborted; }
    get reason() { return this._s.reason; }
    throwIfAborted() { if (this._s.aborted) { throw this._s.reason; } }
    static abort(reason) { var s = new AbortSignal(ILLEGAL); signalAbort(s, reason === undefined ? abortError() : reason); return s; }
    static timeout(ms) {
        var s = new AbortSignal(ILLEGAL);
        global.setTimeout(function () { signalAbort(s, new global.DOMException('The operation was aborted due to timeout', 'TimeoutError')); }, ms);
        return s;
    }
    static any(signals) {
        var s = new AbortSignal(ILLEGAL);
        for (var x of signals) {
            if (x.aborted) { signalAbort(s, x.reason); return s; }
        }
        for (var y of signals) { (function (y) { y.addEventListener('abort', function () { signalAbort(s, y.reason); }); })(y); }
        return s;
    }
}
Object.defineProperty(AbortSignal.prototype, 'onabort', { writable: true, configurable: true, enumerable: true, value: null });
function signalAbort(s, reason) {
    if (s._s.aborted) { return; }
    s._s.aborted = true;
    s._s.reason = reason;
    s.dispatchEvent(new Event('abort'));
}
tag(AbortSignal, 'AbortSignal');

class AbortController {
    constructor() { hidden(this, '_signal', new AbortSignal(ILLEGAL)); }
    get signal() { return this._signal; }
    abort(reason) { signalAbort(this._signal, reason === undefined ? abortError() : reason); }
}
tag(AbortController, 'AbortController');

function blobBytes(parts) {
    var chunks = [], n = 0;
    for (var p of parts) {
        var b;
        if (p instanceof Blob) { b = p._b; } else if (p instanceof ArrayBuffer) { b = new Uint8Array(p.slice(0)); } else if (ArrayBuffer.isView(p)) { b = new Uint8Array(p.buffer.slice(p.byteOffset, p.byteOffset + p.byteLength)); } else { b = new Uint8Array(host.utf8Encode(String(p))); }
        chunks.push(b); n += b.length;
    }
    var out = new Uint8Array(n), off = 0;
    chunks.forEach(function (c) { out.set(c, off); off += c.length; });
    return out;
}
function blobType(t) { t = t === undefined ? '' : String(t); return /^[\x20-\x7e]*$/.test(t) ? t.toLowerCase() : ''; }
class Blob {
    constructor(sources, options) {
        if (sources !== undefined && (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function')) {
            throw new TypeError('The "sources" argument must be a sequence. Received type ' + typeof sources + (typeof sources === 'string' ? " ('" + sources + "')" : ''));
        }
        hidden(this, '_b', blobBytes(sources || []));
        hidden(this, '_t', blobType(options && options.type));
    }
    get size() { return this._b.length; }
    get type() { return this._t; }
    slice(start, end, type) {
        var b = new Blob([]);
        b._b = this._b.slice(start, end);
        b._t = blobType(type);
        return b;
    }
    text() { return Promise.resolve(host.utf8Decode(this._b, false)); }
    arrayBuffer() { return Promise.resolve(this._b.slice().buffer); }
    bytes() { return Promise.resolve(this._b.slice()); }
    stream() { throw new TypeError('Blob.stream() needs ReadableStream, which courier\'s sandbox does not provide'); }
}
tag(Blob, 'Blob');

class File extends Blob {
    constructor(bits, name, options) {
        if (arguments.length < 2) { throw new TypeError('The "fileBits" and "fileName" arguments must be specified'); }
        super(bits, options);
        hidden(this, '_n', String(name));
        hidden(this, '_m', options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now());
    }
    get name() { return this._n; }
    get lastModified() { return this._m; }
}
tag(File, 'File');

return { Event: Event, EventTarget: EventTarget, AbortController: AbortController, AbortSignal: AbortSignal, Blob: Blob, File: File };
})
