// The web platform classes of Postman's current sandbox (Node's): Event,
// EventTarget, AbortController, AbortSignal, Blob, File. Compiled on first
// use; returns them by name.
(function (host, global) {
'use strict';
function hidden(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false }); }
function tag(C, name) { Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true }); }
var ILLEGAL = {};
// A SharedArrayBuffer: its prototype is not ArrayBuffer's (V8's is not).
function isSharedBuffer(v) { return v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object SharedArrayBuffer]'; }
// Node's internal errors carry a code beside the message (js/node-errors.js).
var nodeErrors = host.nodeErrors(), nodeError = nodeErrors.nodeError, argType = nodeErrors.argType, invalidThis = nodeErrors.invalidThis;
function illegal() { return nodeError(TypeError, 'Illegal constructor', 'ERR_ILLEGAL_CONSTRUCTOR'); }
function stateError(message) { return nodeError(TypeError, 'Invalid state: ' + message, 'ERR_INVALID_STATE'); }
// shown is util.inspect's rendering of a primitive (ERR_INVALID_ARG_VALUE).
function shown(v) {
    if (typeof v === 'function') { return /^class\b/.test(Function.prototype.toString.call(v)) ? '[class ' + (v.name || '(anonymous)') + ']' : (v.name ? '[Function: ' + v.name + ']' : '[Function (anonymous)]'); }
    if (typeof v === 'string') { return v.indexOf("'") < 0 ? "'" + v + "'" : v.indexOf('"') < 0 ? '"' + v + '"' : '`' + v + '`'; }
    return typeof v === 'bigint' ? v + 'n' : Object.is(v, -0) ? '-0' : String(v);
}
function argValue(C, name, v) {
    return nodeError(C, 'The ' + (name.indexOf('.') < 0 ? 'argument' : 'property') + " '" + name + "' is invalid. Received " + shown(v), 'ERR_INVALID_ARG_VALUE');
}
// objectArg is Node's validateObject (arrays and functions allowed).
// slotOf is the receiver's hidden slot, refused in Node's words when the
// receiver is not one of the class's objects.
function slotOf(self, key, type) {
    if (self === null || (typeof self !== 'object' && typeof self !== 'function') || !Object.prototype.hasOwnProperty.call(self, key)) {
        throw invalidThis(type);
    }
    return self[key];
}
function objectArg(v, name, nullable) {
    if ((v === null && !nullable) || (typeof v !== 'object' && typeof v !== 'function')) { throw argType(name, 'of type object', v); }
}

function ev(x) { return slotOf(x, '_e', 'Event'); }
class Event {
    constructor(type, init) {
        if (arguments.length === 0) { throw nodeError(TypeError, 'The "type" argument must be specified', 'ERR_MISSING_ARGS'); }
        if (init !== null && init !== undefined && (typeof init !== 'object' || Array.isArray(init))) { throw argType('options', 'of type object', init); }
        init = init || {};
        hidden(this, '_e', { type: String(type), bubbles: !!init.bubbles, cancelable: !!init.cancelable, composed: !!init.composed,
            defaultPrevented: false, target: null, phase: 0, stop: false, stopped: false, passive: false, timeStamp: Date.now() });
    }
    get type() { return ev(this).type; }
    get bubbles() { return ev(this).bubbles; }
    get cancelable() { return ev(this).cancelable; }
    get composed() { return ev(this).composed; }
    get defaultPrevented() { var e = ev(this); return e.cancelable && e.defaultPrevented; }
    get isTrusted() { return false; }
    get timeStamp() { return ev(this).timeStamp; }
    get eventPhase() { return ev(this).phase; }
    get target() { return ev(this).target; }
    get currentTarget() { var e = ev(this); return e.phase ? e.target : null; }
    get srcElement() { return ev(this).target; }
    get returnValue() { return !this.defaultPrevented; }
    set returnValue(v) { if (!v) { this.preventDefault(); } }
    get cancelBubble() { return ev(this).stopped; }
    set cancelBubble(v) { if (v) { ev(this).stopped = true; } }
    composedPath() { var e = ev(this); return e.phase ? [e.target] : []; }
    initEvent(type, bubbles, cancelable) {
        var e = ev(this);
        if (e.phase) { return; }
        e.type = String(type); e.bubbles = !!bubbles; e.cancelable = !!cancelable;
    }
    // A passive listener cannot prevent the default.
    preventDefault() { var e = ev(this); if (!e.passive) { e.defaultPrevented = true; } }
    stopPropagation() { ev(this).stopped = true; }
    stopImmediatePropagation() { var e = ev(this); e.stopped = true; e.stop = true; }
}
Object.defineProperty(Event, 'length', { value: 1, configurable: true });
[['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]].forEach(function (p) {
    Object.defineProperty(Event, p[0], { value: p[1], enumerable: true });
});
tag(Event, 'Event');

// Listeners are kept per type as Node keeps them: a linked list in which
// a listener is the same as another when both its callback and its capture
// flag are; a dispatch caches each listener's successor before calling it,
// so a listener removed meanwhile is skipped and one added after the last
// waits for the next dispatch.
function listenerOptions(options) {
    if (typeof options === 'boolean') { return { capture: options }; }
    if (options === null || options === undefined) { return {}; }
    objectArg(options, 'options', false);
    var o = { once: !!options.once, capture: !!options.capture, passive: !!options.passive, signal: options.signal };
    if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) { throw argType('options.signal', 'an instance of AbortSignal', o.signal); }
    return o;
}
function usableListener(l) {
    if (typeof l === 'function' || (l !== null && typeof l === 'object')) { return true; }
    if (l === null || l === undefined) { return false; }
    throw argType('listener', 'an instance of EventListener', l);
}
function callListener(h, target, event) {
    if (typeof h.fn === 'function') { h.fn.call(target, event); } else if (typeof h.fn.handleEvent === 'function') { h.fn.handleEvent(event); }
}
class EventTarget {
    constructor() { hidden(this, '_l', {}); }
    addEventListener(type, listener, options) {
        var L = slotOf(this, '_l', 'EventTarget');
        if (arguments.length < 2) { throw nodeError(TypeError, 'The "type" and "listener" arguments must be specified', 'ERR_MISSING_ARGS'); }
        var o = listenerOptions(options), self = this;
        if (o.signal) {
            if (o.signal.aborted) { return; }
            o.signal.addEventListener('abort', function () { self.removeEventListener(type, listener, o); }, { once: true });
        }
        if (!usableListener(listener)) { return; }
        type = String(type);
        var root = L[type] || (L[type] = { next: undefined }), h = root.next, last = root;
        while (h !== undefined) {
            if (h.fn === listener && h.capture === !!o.capture) { return; }
            last = h; h = h.next;
        }
        last.next = { fn: listener, once: !!o.once, capture: !!o.capture, passive: !!o.passive, prev: last, next: undefined, removed: false };
    }
    removeEventListener(type, listener, options) {
        var L = slotOf(this, '_l', 'EventTarget');
        if (arguments.length < 2) { throw nodeError(TypeError, 'The "type" and "listener" arguments must be specified', 'ERR_MISSING_ARGS'); }
        if (!usableListener(listener)) { return; }
        var capture = !!options && (options === true || options.capture === true), root = L[String(type)];
        for (var h = root && root.next; h !== undefined; h = h.next) {
            if (h.fn === listener && h.capture === capture) { unlink(h); return; }
        }
    }
    dispatchEvent(event) {
        var L = slotOf(this, '_l', 'EventTarget');
        if (!arguments.length) { throw nodeError(TypeError, 'The "event" argument must be specified', 'ERR_MISSING_ARGS'); }
        if (!(event instanceof Event)) { throw argType('event', 'an instance of Event', event); }
        var e = event._e;
        if (e.phase) { throw nodeError(Error, 'The event "' + e.type + '" is already being dispatched', 'ERR_EVENT_RECURSION'); }
        e.target = this; e.phase = 2;
        var root = L[e.type], h = root && root.next;
        while (h !== undefined && (h.passive || !e.stop)) {
            var next = h.next;
            if (h.removed || e.stop) { h = next; continue; }
            if (h.once) { unlink(h); }
            e.passive = h.passive;
            // A listener's throw does not reach the caller (Node reports it
            // as uncaught; Postman's sandbox drops it), a stack overflow's
            // neither (__courierTry makes it a RangeError).
            try { __courierTry(callListener, h, this, event); } catch (err) { void err; }
            // Node marks the event as no longer dispatching after the first
            // listener it calls: the later ones see eventPhase 0 and no
            // currentTarget (and may dispatch it again).
            e.phase = 0; e.passive = false;
            h = next;
        }
        e.phase = 0;
        return !event.defaultPrevented;
    }
}
function unlink(h) {
    h.removed = true;
    h.prev.next = h.next;
    if (h.next) { h.next.prev = h.prev; }
}
Object.defineProperty(EventTarget.prototype.addEventListener, 'length', { value: 2, configurable: true });
Object.defineProperty(EventTarget.prototype.removeEventListener, 'length', { value: 2, configurable: true });
tag(EventTarget, 'EventTarget');

function sig(x) { return slotOf(x, '_s', 'AbortSignal'); }
function abortError() { return new global.DOMException('This operation was aborted', 'AbortError'); }
class AbortSignal extends EventTarget {
    constructor(key) {
        if (key !== ILLEGAL) { throw illegal(); }
        super();
        hidden(this, '_s', { aborted: false, reason: undefined, onabort: null });
    }
    get aborted() { return sig(this).aborted; }
    get reason() { return sig(this).reason; }
    throwIfAborted() { var s = sig(this); if (s.aborted) { throw s.reason; } }
    static abort(reason) { var s = new AbortSignal(ILLEGAL); signalAbort(s, reason === undefined ? abortError() : reason); return s; }
    static timeout(ms) {
        if (typeof ms !== 'number') { throw argType('delay', 'of type number', ms); }
        if (!Number.isInteger(ms) || ms < 0 || ms > 4294967295) {
            // Node groups the digits of integers beyond 2^32 (8_589_934_592).
            var got = Number.isInteger(ms) && Math.abs(ms) > 4294967296 ? String(ms).replace(/\B(?=(\d{3})+$)/g, '_') : shown(ms);
            throw nodeError(RangeError, 'The value of "delay" is out of range. It must be ' + (Number.isInteger(ms) ? '>= 0 && <= 4294967295' : 'an integer') + '. Received ' + got, 'ERR_OUT_OF_RANGE');
        }
        var s = new AbortSignal(ILLEGAL);
        global.setTimeout(function () { signalAbort(s, new global.DOMException('The operation was aborted due to timeout', 'TimeoutError')); }, ms);
        return s;
    }
    static any(signals) {
        if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
            throw nodeError(TypeError, 'signals can not be converted to sequence.', 'ERR_INVALID_ARG_TYPE');
        }
        signals = Array.from(signals);
        signals.forEach(function (x, i) { if (!(x instanceof AbortSignal)) { throw argType('signals[' + i + ']', 'an instance of AbortSignal', x); } });
        var s = new AbortSignal(ILLEGAL);
        for (var x of signals) {
            if (x.aborted) { signalAbort(s, x.reason); return s; }
        }
        for (var y of signals) { (function (y) { y.addEventListener('abort', function () { signalAbort(s, y.reason); }); })(y); }
        return s;
    }
}
// onabort is an accessor, as Node's event handler attributes are (no own
// property: JSON.stringify(signal) is {}).
Object.defineProperty(AbortSignal.prototype, 'onabort', { configurable: true, enumerable: true,
    get: function () { return sig(this).onabort; },
    set: function (f) {
        // The first assignment adds the handler's listener: it keeps that
        // place among the listeners whatever is assigned later.
        var st = sig(this), self = this;
        if (!st.handler) {
            st.handler = true;
            this.addEventListener('abort', function (e) { if (typeof st.onabort === 'function') { st.onabort.call(self, e); } });
        }
        st.onabort = f;
    } });
function signalAbort(s, reason) {
    if (s._s.aborted) { return; }
    s._s.aborted = true;
    s._s.reason = reason;
    s.dispatchEvent(new Event('abort'));
}
tag(AbortSignal, 'AbortSignal');

// Node keeps the controller's signal in a private field: V8's words for a
// foreign receiver.
function ownSignal(c) {
    if (c === null || c === undefined || !(c._signal instanceof AbortSignal)) { throw new TypeError('Cannot read private member #signal from an object whose class did not declare it'); }
    return c._signal;
}
class AbortController {
    constructor() { hidden(this, '_signal', new AbortSignal(ILLEGAL)); }
    get signal() { return ownSignal(this); }
    abort(reason) { signalAbort(ownSignal(this), reason === undefined ? abortError() : reason); }
}
tag(AbortController, 'AbortController');

// A blob keeps the lengths of its non-empty parts (_p, a blob part's own
// parts in its place): its stream gives one chunk per part, as Node's does.
function blobBytes(parts, lens) {
    var chunks = [], n = 0;
    for (var p of parts) {
        var b;
        if (typeof p === 'symbol') { throw new TypeError('Cannot convert a Symbol value to a string'); }
        if (p instanceof Blob) { b = p._b; lens.push.apply(lens, p._p); } else if (p instanceof ArrayBuffer || isSharedBuffer(p)) { b = new Uint8Array(p.slice(0)); } else if (ArrayBuffer.isView(p)) { b = new Uint8Array(p.buffer.slice(p.byteOffset, p.byteOffset + p.byteLength)); } else { b = new Uint8Array(host.utf8Encode(String(p))); }
        chunks.push(b); n += b.length;
        if (b.length && !(p instanceof Blob)) { lens.push(b.length); }
    }
    var out = new Uint8Array(n), off = 0;
    chunks.forEach(function (c) { out.set(c, off); off += c.length; });
    return out;
}
// blobPieces are the lengths of the parts (lens) that bytes s to e of
// their blob overlap, cut to the range.
function blobPieces(lens, s, e) {
    var out = [], o = 0;
    lens.forEach(function (l) { var n = Math.min(e, o + l) - Math.max(s, o); if (n > 0) { out.push(n); } o += l; });
    return out;
}
function blobIndex(v, n, dflt) {
    if (v === undefined) { return dflt; }
    v = +v; v = v !== v ? 0 : Math.trunc(v);
    return v < 0 ? Math.max(n + v, 0) : Math.min(v, n);
}
function blobType(t) { t = t === undefined ? '' : String(t); return /^[\x20-\x7e]*$/.test(t) ? t.toLowerCase() : ''; }
class Blob {
    constructor(sources, options) {
        if (sources === undefined) { sources = []; }
        if (sources === null || typeof sources[Symbol.iterator] !== 'function' || typeof sources === 'string') { throw argType('sources', 'a sequence', sources); }
        if (options !== null && options !== undefined && typeof options !== 'object' && typeof options !== 'function') { throw argType('options', 'a dictionary', options); }
        var endings = options && options.endings !== undefined ? String(options.endings) : 'transparent';
        if (endings !== 'transparent' && endings !== 'native') { throw argValue(TypeError, 'options.endings', endings); }
        // 'native' ends lines with the platform's EOL ("\n" where Postman runs here).
        if (endings === 'native') { sources = Array.from(sources, function (p) { return p instanceof Blob || p instanceof ArrayBuffer || isSharedBuffer(p) || ArrayBuffer.isView(p) ? p : String(p).replace(/\r?\n/g, '\n'); }); }
        var lens = [];
        hidden(this, '_b', blobBytes(sources, lens));
        hidden(this, '_p', lens);
        hidden(this, '_t', blobType(options && options.type));
    }
    get size() { return slotOf(this, '_b', 'Blob').length; }
    get type() { slotOf(this, '_b', 'Blob'); return this._t; }
    slice(start, end, type) {
        var src = slotOf(this, '_b', 'Blob'), b = new Blob([]), n = src.length;
        var s = blobIndex(start, n, 0), e = blobIndex(end, n, n);
        b._b = src.slice(s, e);
        b._p = blobPieces(this._p, s, e);
        b._t = blobType(type);
        return b;
    }
    text() { var self = this; return new Promise(function (ok) { ok(host.utf8Decode(slotOf(self, '_b', 'Blob'), false)); }); }
    arrayBuffer() { var self = this; return new Promise(function (ok) { ok(slotOf(self, '_b', 'Blob').slice().buffer); }); }
    bytes() { var self = this; return new Promise(function (ok) { ok(slotOf(self, '_b', 'Blob').slice()); }); }
    stream() {
        var b = slotOf(this, '_b', 'Blob'), lens = this._p;
        return new ReadableStream({ start: function (c) { var o = 0; lens.forEach(function (l) { c.enqueue(b.slice(o, o + l)); o += l; }); c.close(); } });
    }
}
tag(Blob, 'Blob');

// Web streams, enough of WHATWG Streams for scripts: a ReadableStream with
// a queue, readers, async iteration, tee, pipeTo/pipeThrough and from();
// WritableStream with writers; TransformStream; the text codec streams.
// Backpressure is not modelled (the queue is unbounded).
class ReadableStreamDefaultController {
    constructor(key, st) { if (key !== ILLEGAL) { throw illegal(); } hidden(this, '_st', st); }
    enqueue(ch) {
        var st = this._st;
        if (st.state !== 'readable') { throw stateError('Controller is already closed'); }
        if (st.waiting.length) { st.waiting.shift().resolve({ value: ch, done: false }); } else { st.queue.push(ch); }
    }
    close() {
        var st = this._st;
        if (st.state !== 'readable') { throw stateError('Controller is already closed'); }
        st.state = 'closed';
        st.waiting.splice(0).forEach(function (w) { w.resolve({ value: undefined, done: true }); });
    }
    error(e) {
        var st = this._st;
        if (st.state !== 'readable') { return; }
        st.state = 'errored'; st.error = e; st.queue = [];
        st.waiting.splice(0).forEach(function (w) { w.reject(e); });
    }
    // A close with chunks still queued leaves the stream readable until they
    // are read (WHATWG's closeRequested): its size stays the free room.
    get desiredSize() { var st = this._st; return st.state === 'errored' ? null : st.state === 'closed' && !st.queue.length ? 0 : st.hwm - st.queue.length; }
}
tag(ReadableStreamDefaultController, 'ReadableStreamDefaultController');

class ReadableStream {
    constructor(source, strategy) {
        if (source === undefined) { source = {}; }
        objectArg(source, 'source', false);
        if (strategy !== undefined) { objectArg(strategy, 'strategy', true); }
        if (source.type !== undefined && String(source.type) !== 'bytes') { throw argValue(TypeError, 'source.type', source.type); }
        if (String(source.type) === 'bytes' && strategy && strategy.size !== undefined) { throw argValue(RangeError, 'strategy.size', strategy.size); }
        var hwm = strategy && strategy.highWaterMark !== undefined ? Number(strategy.highWaterMark) : 1;
        var st = { queue: [], waiting: [], state: 'readable', error: undefined, reader: null, source: source, pulling: false, hwm: hwm,
            bytes: source.type === 'bytes' };
        hidden(this, '_r', st);
        var ctrl = new ReadableStreamDefaultController(ILLEGAL, st);
        hidden(this, '_c', ctrl);
        if (typeof source.start === 'function') {
            var r = source.start(ctrl);
            if (r && typeof r.then === 'function') { r.then(null, function (e) { ctrl.error(e); }); }
        }
    }
    get locked() { return this._r.reader !== null; }
    getReader(options) {
        if (options !== undefined) { objectArg(options, 'options', true); }
        var mode = options && options.mode;
        if (mode !== undefined && String(mode) !== 'byob') { throw argValue(TypeError, 'options.mode', mode); }
        return mode !== undefined ? new ReadableStreamBYOBReader(this) : new ReadableStreamDefaultReader(this);
    }
    cancel(reason) {
        var st = this._r;
        st.state = st.state === 'errored' ? st.state : 'closed'; st.queue = [];
        st.waiting.splice(0).forEach(function (w) { w.resolve({ value: undefined, done: true }); });
        return Promise.resolve(typeof st.source.cancel === 'function' ? st.source.cancel(reason) : undefined).then(function () {});
    }
    tee() {
        var reader = this.getReader(), c1, c2;
        var a = new ReadableStream({ start: function (c) { c1 = c; } }), b = new ReadableStream({ start: function (c) { c2 = c; } });
        (function pump() {
            reader.read().then(function (r) {
                if (r.done) { c1.close(); c2.close(); return; }
                c1.enqueue(r.value); c2.enqueue(r.value); pump();
            }, function (e) { c1.error(e); c2.error(e); });
        })();
        return [a, b];
    }
    pipeTo(dest) {
        var reader = this.getReader(), writer = dest.getWriter();
        return new Promise(function (resolve, reject) {
            (function pump() {
                reader.read().then(function (r) {
                    if (r.done) { writer.close().then(function () { reader.releaseLock(); writer.releaseLock(); resolve(); }, reject); return; }
                    writer.write(r.value).then(pump, reject);
                }, function (e) { writer.abort(e).then(function () { reject(e); }, function () { reject(e); }); });
            })();
        });
    }
    pipeThrough(pair) { this.pipeTo(pair.writable).catch(function () {}); return pair.readable; }
    values() {
        var reader = this.getReader();
        var it = Object.create(AsyncIterProto);
        it.next = function () { return reader.read().then(function (r) { if (r.done) { reader.releaseLock(); } return r; }); };
        it.return = function (v) { reader.releaseLock(); return Promise.resolve({ value: v, done: true }); };
        return it;
    }
    static from(iterable) {
        var it = global.__courierAsyncIter(iterable);
        return new ReadableStream({
            pull: function (c) { return it.next().then(function (r) { if (r.done) { c.close(); } else { c.enqueue(r.value); } }); }
        });
    }
}
var AsyncIterProto = {};
AsyncIterProto[Symbol.asyncIterator] = function () { return this; };
ReadableStream.prototype[Symbol.asyncIterator] = ReadableStream.prototype.values;
tag(ReadableStream, 'ReadableStream');

// pullInto asks the source for more while a read waits on an empty queue.
function pullInto(stream) {
    var st = stream._r;
    if (st.pulling || st.state !== 'readable' || typeof st.source.pull !== 'function' || st.queue.length) { return; }
    st.pulling = true;
    Promise.resolve().then(function () { return st.source.pull(stream._c); }).then(function () {
        st.pulling = false;
        if (st.waiting.length) { pullInto(stream); }
    }, function (e) { st.pulling = false; stream._c.error(e); });
}

function lockFor(reader, stream) {
    if (!(stream instanceof ReadableStream)) { throw argType('stream', 'an instance of ReadableStream', stream); }
    if (stream._r.reader) { throw stateError('ReadableStream is locked'); }
    hidden(reader, '_s', stream);
    stream._r.reader = reader;
}
class ReadableStreamDefaultReader {
    constructor(stream) { lockFor(this, stream); }
    read() {
        var stream = this._s;
        if (!stream) { return Promise.reject(stateError('The reader is not attached to a stream')); }
        var st = stream._r;
        if (st.queue.length) { return Promise.resolve({ value: st.queue.shift(), done: false }); }
        if (st.state === 'closed') { return Promise.resolve({ value: undefined, done: true }); }
        if (st.state === 'errored') { return Promise.reject(st.error); }
        var p = new Promise(function (resolve, reject) { st.waiting.push({ resolve: resolve, reject: reject }); });
        pullInto(stream);
        return p;
    }
    releaseLock() { if (this._s) { this._s._r.reader = null; this._s = null; } }
    cancel(reason) { return this._s ? this._s.cancel(reason) : Promise.resolve(); }
    get closed() {
        var st = this._s && this._s._r;
        if (!st || st.state === 'closed') { return Promise.resolve(); }
        if (st.state === 'errored') { return Promise.reject(st.error); }
        var self = this;
        return new Promise(function (resolve) { (function wait() { if (!self._s || self._s._r.state !== 'readable') { resolve(); } else { global.setTimeout(wait, 1); } })(); });
    }
}
tag(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');

// A BYOB reader over a stream of type 'bytes': read(view) fills the view
// from the queued chunks.
class ReadableStreamBYOBReader extends ReadableStreamDefaultReader {
    constructor(stream) {
        if (stream instanceof ReadableStream && !stream._r.bytes) {
            throw nodeError(TypeError, "The argument 'stream' must be a byte stream. Received ReadableStream { locked: " + stream.locked +
                ", state: '" + stream._r.state + "', supportsBYOB: false }", 'ERR_INVALID_ARG_VALUE');
        }
        super(stream);
    }
    read(view) {
        if (!ArrayBuffer.isView(view)) { return Promise.reject(argType('view', 'an instance of ArrayBufferView', view)); }
        return super.read().then(function (r) {
            var dst = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
            if (r.done) { return { value: new view.constructor(view.buffer, view.byteOffset, 0), done: true }; }
            var src = new Uint8Array(r.value.buffer, r.value.byteOffset, r.value.byteLength), n = Math.min(src.length, dst.length);
            dst.set(src.subarray(0, n));
            return { value: new view.constructor(view.buffer, view.byteOffset, n / (view.BYTES_PER_ELEMENT || 1)), done: false };
        });
    }
}
tag(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader');
class ReadableByteStreamController { constructor() { throw illegal(); } }
tag(ReadableByteStreamController, 'ReadableByteStreamController');
class ReadableStreamBYOBRequest { constructor() { throw illegal(); } }
tag(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest');

// The queuing strategies: a chunk counts 1, or its byteLength.
function strategyInit(init) {
    if (init === null || typeof init !== 'object') { throw argType('init', 'of type object', init); }
    return Number(init.highWaterMark);
}
class CountQueuingStrategy {
    constructor(init) { hidden(this, '_h', strategyInit(init)); }
    get highWaterMark() { return this._h; }
    get size() { return function size() { return 1; }; }
}
tag(CountQueuingStrategy, 'CountQueuingStrategy');
class ByteLengthQueuingStrategy {
    constructor(init) { hidden(this, '_h', strategyInit(init)); }
    get highWaterMark() { return this._h; }
    get size() { return function size(chunk) { return chunk.byteLength; }; }
}
tag(ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy');

class WritableStream {
    constructor(sink, strategy) {
        if (sink === undefined) { sink = {}; }
        objectArg(sink, 'sink', false);
        if (strategy !== undefined) { objectArg(strategy, 'strategy', true); }
        if (sink.type !== undefined) { throw argValue(RangeError, 'type', sink.type); }
        sink = sink || {};
        hidden(this, '_w', { sink: sink, writer: null, chain: Promise.resolve(), state: 'writable' });
        if (typeof sink.start === 'function') { sink.start(new WritableStreamDefaultController(ILLEGAL, this)); }
    }
    get locked() { return this._w.writer !== null; }
    getWriter() { return new WritableStreamDefaultWriter(this); }
    close() { return this.getWriter().close(); }
    abort(reason) { var st = this._w; st.state = 'errored'; return Promise.resolve(typeof st.sink.abort === 'function' ? st.sink.abort(reason) : undefined).then(function () {}); }
}
tag(WritableStream, 'WritableStream');

class WritableStreamDefaultController {
    constructor(key, stream) {
        if (key !== ILLEGAL) { throw illegal(); }
        hidden(this, '_s', stream);
        hidden(this, '_a', new AbortController());
    }
    error(e) { var st = this._s._w; if (st.state === 'writable') { st.state = 'errored'; st.error = e; } }
    get signal() { return this._a.signal; }
}
tag(WritableStreamDefaultController, 'WritableStreamDefaultController');

class WritableStreamDefaultWriter {
    constructor(stream) {
        if (!(stream instanceof WritableStream)) { throw argType('stream', 'an instance of WritableStream', stream); }
        if (stream._w.writer) { throw stateError('WritableStream is locked'); }
        hidden(this, '_s', stream);
        stream._w.writer = this;
    }
    write(ch) {
        var st = this._s._w;
        if (st.state === 'errored') { return Promise.reject(st.error); }
        if (st.state !== 'writable') { return Promise.reject(stateError('WritableStream is closed')); }
        st.chain = st.chain.then(function () { if (typeof st.sink.write === 'function') { return st.sink.write(ch, {}); } });
        return st.chain.then(function () {});
    }
    close() {
        var st = this._s._w;
        st.state = 'closed';
        st.chain = st.chain.then(function () { if (typeof st.sink.close === 'function') { return st.sink.close(); } });
        return st.chain.then(function () {});
    }
    abort(reason) { return this._s.abort(reason); }
    releaseLock() { if (this._s) { this._s._w.writer = null; } }
    get ready() { return Promise.resolve(); }
    get desiredSize() { return 1; }
    get closed() { return this._s._w.chain.then(function () {}); }
}
tag(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter');

class TransformStreamDefaultController {
    constructor(key, rc) { if (key !== ILLEGAL) { throw illegal(); } hidden(this, '_rc', rc); }
    enqueue(ch) { this._rc.enqueue(ch); }
    error(e) { this._rc.error(e); }
    terminate() { this._rc.close(); }
    get desiredSize() { return this._rc.desiredSize; }
}
tag(TransformStreamDefaultController, 'TransformStreamDefaultController');

class TransformStream {
    constructor(transformer, writableStrategy, readableStrategy) {
        if (transformer === undefined) { transformer = {}; }
        objectArg(transformer, 'transformer', false);
        if (writableStrategy !== undefined) { objectArg(writableStrategy, 'writableStrategy', true); }
        if (readableStrategy !== undefined) { objectArg(readableStrategy, 'readableStrategy', true); }
        ['readableType', 'writableType'].forEach(function (k) { if (transformer[k] !== undefined) { throw argValue(RangeError, 'transformer.' + k, transformer[k]); } });
        var rc;
        var readable = new ReadableStream({ start: function (c) { rc = c; } }, { highWaterMark: 0 });
        var ctrl = new TransformStreamDefaultController(ILLEGAL, rc);
        // A transform or flush that throws errors the readable side too.
        var fail = function (e) { rc.error(e); throw e; };
        var writable = new WritableStream({
            write: function (ch) {
                return Promise.resolve().then(function () { return typeof transformer.transform === 'function' ? transformer.transform(ch, ctrl) : ctrl.enqueue(ch); }).then(null, fail);
            },
            close: function () {
                return Promise.resolve().then(function () { return typeof transformer.flush === 'function' ? transformer.flush(ctrl) : undefined; }).then(function () { rc.close(); }, fail);
            },
            abort: function (e) { rc.error(e); }
        });
        if (typeof transformer.start === 'function') { transformer.start(ctrl); }
        hidden(this, '_t', { readable: readable, writable: writable });
    }
    get readable() { return this._t.readable; }
    get writable() { return this._t.writable; }
}
tag(TransformStream, 'TransformStream');

class TextEncoderStream extends TransformStream {
    constructor() { var enc = new global.TextEncoder(); super({ transform: function (ch, c) { var b = enc.encode(String(ch)); if (b.length) { c.enqueue(b); } } }); }
    get encoding() { return 'utf-8'; }
}
tag(TextEncoderStream, 'TextEncoderStream');

class TextDecoderStream extends TransformStream {
    constructor(label, options) {
        var pending = new Uint8Array(0);
        if (options !== undefined) { objectArg(options, 'options', true); }
        var dec = new global.TextDecoder(label, options);
        super({
            transform: function (ch, c) {
                var b = ch instanceof ArrayBuffer || isSharedBuffer(ch) ? new Uint8Array(ch) : new Uint8Array(ch.buffer, ch.byteOffset, ch.byteLength);
                var all = new Uint8Array(pending.length + b.length); all.set(pending); all.set(b, pending.length);
                // keep an incomplete UTF-8 sequence for the next chunk
                var end = all.length, i = end - 1, k = 0;
                while (i >= 0 && k < 3 && (all[i] & 0xc0) === 0x80) { i--; k++; }
                if (i >= 0 && all[i] >= 0xc0) { var need = all[i] >= 0xf0 ? 4 : all[i] >= 0xe0 ? 3 : 2; if (end - i < need) { end = i; } }
                pending = all.slice(end);
                var s = dec.decode(all.subarray(0, end));
                if (s) { c.enqueue(s); }
            },
            flush: function (c) { if (pending.length) { c.enqueue(dec.decode(pending)); } }
        });
        hidden(this, '_d', dec);
    }
    get encoding() { return this._d.encoding; }
    get fatal() { return this._d.fatal; }
    get ignoreBOM() { return this._d.ignoreBOM; }
}
tag(TextDecoderStream, 'TextDecoderStream');

// CompressionStream and DecompressionStream over Go's zlib (host.zlib):
// the bytes are compressed when the writable closes; gzip and deflate give
// their header first, as zlib writes it on the first chunk.
function bytesOf(ch) {
    if (ch instanceof ArrayBuffer || isSharedBuffer(ch)) { return new Uint8Array(ch); }
    if (ArrayBuffer.isView(ch)) { return new Uint8Array(ch.buffer, ch.byteOffset, ch.byteLength); }
    throw argType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', ch);
}
function zlibStream(format, inflate) {
    var parts = [], size = 0, head = inflate ? 0 : format === 'gzip' ? 10 : format === 'deflate' ? 2 : 0, sent = 0;
    format = String(format);
    function run() {
        var all = new Uint8Array(size), off = 0;
        parts.forEach(function (p) { all.set(p, off); off += p.length; });
        var out = host.zlib(format, inflate, all);
        if (typeof out === 'string') { throw nodeError(TypeError, '', out); }
        return new Uint8Array(out);
    }
    return {
        transform: function (ch, c) {
            var b = bytesOf(ch).slice();
            parts.push(b); size += b.length;
            if (head && !sent) { sent = head; c.enqueue(run().slice(0, head)); }
        },
        flush: function (c) { var out = run().slice(sent); if (out.length) { c.enqueue(out); } }
    };
}
// zlibFormat checks a format as WebIDL's CompressionFormat enum does.
function zlibFormat(format, what) {
    format = String(format);
    if (['deflate', 'deflate-raw', 'gzip', 'brotli'].indexOf(format) < 0) {
        throw nodeError(TypeError, "Failed to construct '" + what + "': 1st argument value '" + format + "' is not a valid enum value of type CompressionFormat.", 'ERR_INVALID_ARG_VALUE');
    }
    return format;
}
class CompressionStream extends TransformStream {
    constructor(format) { super(zlibStream(zlibFormat(format, 'CompressionStream'), false)); }
}
tag(CompressionStream, 'CompressionStream');
class DecompressionStream extends TransformStream {
    constructor(format) { super(zlibStream(zlibFormat(format, 'DecompressionStream'), true)); }
}
tag(DecompressionStream, 'DecompressionStream');

class File extends Blob {
    constructor(bits, name, options) {
        if (arguments.length < 2) { throw nodeError(TypeError, 'The "fileBits" and "fileName" arguments must be specified', 'ERR_MISSING_ARGS'); }
        super(bits, options);
        hidden(this, '_n', String(name).toWellFormed());
        var m = options && options.lastModified !== undefined ? +options.lastModified : Date.now();
        hidden(this, '_m', m === m ? m : 0);
    }
    get name() { return slotOf(this, '_n', 'File'); }
    get lastModified() { slotOf(this, '_n', 'File'); return this._m; }
}
tag(File, 'File');

return { Event: Event, EventTarget: EventTarget, AbortController: AbortController, AbortSignal: AbortSignal, Blob: Blob, File: File,
    ReadableStream: ReadableStream, WritableStream: WritableStream, TransformStream: TransformStream,
    TextEncoderStream: TextEncoderStream, TextDecoderStream: TextDecoderStream, CompressionStream: CompressionStream,
    DecompressionStream: DecompressionStream, ReadableStreamDefaultReader: ReadableStreamDefaultReader,
    ReadableStreamDefaultController: ReadableStreamDefaultController, ReadableStreamBYOBReader: ReadableStreamBYOBReader,
    ReadableByteStreamController: ReadableByteStreamController, ReadableStreamBYOBRequest: ReadableStreamBYOBRequest,
    WritableStreamDefaultWriter: WritableStreamDefaultWriter, WritableStreamDefaultController: WritableStreamDefaultController,
    TransformStreamDefaultController: TransformStreamDefaultController, CountQueuingStrategy: CountQueuingStrategy,
    ByteLengthQueuingStrategy: ByteLengthQueuingStrategy };
})
