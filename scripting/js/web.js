// The web platform classes of Postman's current sandbox (Node's): Event,
// EventTarget, AbortController, AbortSignal, Blob, File. Compiled on first
// use; returns them by name.
(function (host, global) {
'use strict';
function hidden(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false }); }
function tag(C, name) { Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true }); }
var ILLEGAL = {};
// Node's internal errors carry a code beside the message.
function nodeError(C, message, code) { var e = new C(message); e.code = code; return e; }
function illegal() { return nodeError(TypeError, 'Illegal constructor', 'ERR_ILLEGAL_CONSTRUCTOR'); }
function stateError(message) { return nodeError(TypeError, 'Invalid state: ' + message, 'ERR_INVALID_STATE'); }
// received words an argument as Node's ERR_INVALID_ARG_TYPE does.
function received(v) {
    if (v === null || v === undefined) { return 'Received ' + v; }
    if (typeof v === 'function') { return 'Received function ' + (v.name || '<anonymous>'); }
    if (typeof v === 'object') { return v.constructor && v.constructor.name ? 'Received an instance of ' + v.constructor.name : 'Received ' + String(v); }
    var shown = typeof v === 'string' ? "'" + (v.length > 25 ? v.slice(0, 25) + '...' : v) + "'" : typeof v === 'bigint' ? String(v) + 'n' : String(v);
    return 'Received type ' + typeof v + ' (' + shown + ')';
}
function argType(name, what, v) { return nodeError(TypeError, 'The "' + name + '" argument must be ' + what + '. ' + received(v), 'ERR_INVALID_ARG_TYPE'); }

class Event {
    constructor(type, init) {
        if (arguments.length === 0) { throw nodeError(TypeError, 'The "type" argument must be specified', 'ERR_MISSING_ARGS'); }
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
    initEvent(type, bubbles, cancelable) {
        if (this._e.phase) { return; }
        this._e.type = String(type); this._e.bubbles = !!bubbles; this._e.cancelable = !!cancelable;
    }
    preventDefault() { this._e.defaultPrevented = true; }
    stopPropagation() { }
    stopImmediatePropagation() { this._e.stop = true; }
}
[['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]].forEach(function (p) {
    Object.defineProperty(Event, p[0], { value: p[1], enumerable: true });
});
tag(Event, 'Event');

class EventTarget {
    constructor() { hidden(this, '_l', {}); }
    addEventListener(type, listener, options) {
        if (arguments.length < 2) { throw nodeError(TypeError, 'The "type" and "listener" arguments must be specified', 'ERR_MISSING_ARGS'); }
        if (listener === null || listener === undefined) { return; }
        if (typeof listener !== 'function' && typeof listener !== 'object') { throw argType('listener', 'an instance of EventListener', listener); }
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
        if (!(event instanceof Event)) { throw argType('event', 'an instance of Event', event); }
        var e = event._e, list = (this._l[e.type] || []).slice();
        e.target = this; e.phase = 2; e.stop = false;
        for (var i = 0; i < list.length && !e.stop; i++) {
            var l = list[i];
            if (l.once) { this.removeEventListener(e.type, l.fn); }
            // A listener's throw does not reach the caller (Node reports it
            // as uncaught; Postman's sandbox drops it).
            try {
                if (typeof l.fn === 'function') { l.fn.call(this, event); } else if (l.fn && typeof l.fn.handleEvent === 'function') { l.fn.handleEvent(event); }
            } catch (err) { void err; }
            // Postman's sandbox: the listeners after the first see the
            // event as no longer dispatching (eventPhase 0, no currentTarget).
            e.phase = 0;
        }
        if (e.type === 'abort' && typeof this.onabort === 'function' && !e.stop) { try { this.onabort.call(this, event); } catch (err) { void err; } }
        e.phase = 0;
        return !event.defaultPrevented;
    }
}
tag(EventTarget, 'EventTarget');

function abortError() { return new global.DOMException('This operation was aborted', 'AbortError'); }
class AbortSignal extends EventTarget {
    constructor(key) {
        if (key !== ILLEGAL) { throw illegal(); }
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
    stream() { var b = this._b; return new ReadableStream({ start: function (c) { if (b.length) { c.enqueue(b.slice()); } c.close(); } }); }
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
    get desiredSize() { var st = this._st; return st.state === 'readable' ? st.hwm - st.queue.length : st.state === 'closed' ? 0 : null; }
}
tag(ReadableStreamDefaultController, 'ReadableStreamDefaultController');

class ReadableStream {
    constructor(source, strategy) {
        source = source || {};
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
        return options && options.mode === 'byob' ? new ReadableStreamBYOBReader(this) : new ReadableStreamDefaultReader(this);
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
    constructor(sink) {
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
    constructor(transformer) {
        transformer = transformer || {};
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
        var dec = new global.TextDecoder(label, options);
        super({
            transform: function (ch, c) {
                var b = ch instanceof ArrayBuffer ? new Uint8Array(ch) : new Uint8Array(ch.buffer, ch.byteOffset, ch.byteLength);
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
    if (ch instanceof ArrayBuffer) { return new Uint8Array(ch); }
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
class CompressionStream extends TransformStream {
    constructor(format) { super(zlibStream(format, false)); }
}
tag(CompressionStream, 'CompressionStream');
class DecompressionStream extends TransformStream {
    constructor(format) { super(zlibStream(format, true)); }
}
tag(DecompressionStream, 'DecompressionStream');

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
