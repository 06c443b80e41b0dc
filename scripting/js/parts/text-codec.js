// TextEncoder's and TextDecoder's code, compiled on first use: bootstrap.js
// keeps the classes (their names, lengths, prototypes and getters) with
// stubs that call the functions returned here.
(function (b) {
'use strict';
var host = b.host, def = b.def, toBytes = b.toBytes, global = b.global;
// decoderOf checks the receiver as Node does (its private state).
function decoderOf(self) {
    if (self === null || typeof self !== 'object' || !Object.prototype.hasOwnProperty.call(self, '_enc')) { throw b.bi().invalidThis('TextDecoder'); }
    return self;
}
var FIELDS = { encoding: '_enc', fatal: '_fatal', ignoreBOM: '_ignoreBOM' };
var TextEncoder = { prototype: {} }, TextDecoder = { prototype: {} };
TextEncoder.prototype.encodeInto = function (s, dest) {
    if (!(this instanceof global.TextEncoder)) { throw b.bi().invalidThis('TextEncoder'); }
    if (typeof s !== 'string') { throw b.bi().argType('src', 'of type string', s); }
    if (!(dest instanceof Uint8Array)) { throw b.bi().argType('dest', 'an instance of Uint8Array', dest); }
    // Whole characters only, as many as fit.
    s = String(s);
    var read = 0, written = 0;
    for (var i = 0; i < s.length;) {
        var c = s.codePointAt(i), w = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4, n = c > 0xffff ? 2 : 1;
        if (written + w > dest.length) { break; }
        dest.set(new Uint8Array(host.utf8Encode(s.slice(i, i + n))), written);
        written += w; read += n; i += n;
    }
    return { read: read, written: written };
};
// The encodings Node decodes without full ICU data, by WHATWG label.
// Node decodes windows-1252 as Latin-1 (0x80-0x9f stay control
// characters), and so does courier.
var TD_LABELS = { 'utf-8': 'utf-8', 'utf8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
    'ucs-2': 'utf-16le', 'unicode': 'utf-16le', 'utf-16be': 'utf-16be', 'unicodefffe': 'utf-16be', 'latin1': 'windows-1252', 'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252',
    'l1': 'windows-1252', 'ascii': 'windows-1252', 'us-ascii': 'windows-1252', 'windows-1252': 'windows-1252', 'cp1252': 'windows-1252',
    'x-cp1252': 'windows-1252', 'iso_8859-1': 'windows-1252', 'cp819': 'windows-1252', 'ibm819': 'windows-1252' };
// coded gives an error Node's code property, as Node's internal errors have.
function coded(e, code) { e.code = code; return e; }
function initDecoder(label, opts) {
    if (opts !== undefined && opts !== null && typeof opts !== 'object' && typeof opts !== 'function') { throw b.bi().argType('options', 'of type object', opts); }
    var l = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();
    if (!TD_LABELS[l]) { throw coded(new RangeError('The "' + l + '" encoding is not supported'), 'ERR_ENCODING_NOT_SUPPORTED'); }
    def(this, '_enc', TD_LABELS[l]);
    def(this, '_fatal', !!(opts && opts.fatal));
    def(this, '_ignoreBOM', !!(opts && opts.ignoreBOM));
    def(this, '_pending', null);
    def(this, '_started', false);
}
// utf8Split is where a UTF-8 text's last, unfinished character starts.
function utf8Split(b) {
    var end = b.length, i = end - 1, k = 0;
    while (i >= 0 && k < 3 && (b[i] & 0xc0) === 0x80) { i--; k++; }
    if (i >= 0 && b[i] >= 0xc0) { var need = b[i] >= 0xf0 ? 4 : b[i] >= 0xe0 ? 3 : 2; if (end - i < need) { return i; } }
    return end;
}
TextDecoder.prototype.decode = function (input, options) {
    decoderOf(this);
    if (input !== undefined && !(input instanceof ArrayBuffer) && !ArrayBuffer.isView(input) && !(typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
        throw coded(new TypeError('The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.'), 'ERR_INVALID_ARG_TYPE');
    }
    var b = input === undefined ? new Uint8Array(0) : toBytes(input), stream = !!(options && options.stream);
    if (this._pending) { var all = new Uint8Array(this._pending.length + b.length); all.set(this._pending); all.set(b, this._pending.length); b = all; }
    var end = b.length;
    if (stream) { end = this._enc === 'utf-8' ? utf8Split(b) : this._enc === 'windows-1252' ? end : end - (end % 2); }
    this._pending = end < b.length ? b.slice(end) : null;
    b = b.subarray(0, end);
    var out;
    if (this._enc === 'utf-8') {
        out = host.utf8Decode(b, this._fatal);
    } else if (this._enc !== 'windows-1252') {
        if (this._fatal && b.length % 2) { throw coded(new TypeError('The encoded data was not valid for encoding ' + this._enc), 'ERR_ENCODING_INVALID_ENCODED_DATA'); }
        var parts = [], be = this._enc === 'utf-16be';
        for (var i = 0; i + 1 < b.length; i += 2) { parts.push(be ? (b[i] << 8) | b[i + 1] : b[i] | (b[i + 1] << 8)); }
        out = '';
        for (var j = 0; j < parts.length; j += 4096) { out += String.fromCharCode.apply(null, parts.slice(j, j + 4096)); }
        if (b.length % 2) { out += '\ufffd'; }
        if (this._fatal && !out.isWellFormed()) { throw coded(new TypeError('The encoded data was not valid for encoding ' + this._enc), 'ERR_ENCODING_INVALID_ENCODED_DATA'); }
    } else {
        out = '';
        for (var k = 0; k < b.length; k += 4096) { out += String.fromCharCode.apply(null, b.subarray(k, k + 4096)); }
    }
    if (!this._started && !this._ignoreBOM && this._enc !== 'windows-1252' && out.charCodeAt(0) === 0xfeff) { out = out.slice(1); }
    this._started = stream && (this._started || out.length > 0 || end > 0);
    return out;
};
return { encodeInto: TextEncoder.prototype.encodeInto, initDecoder: initDecoder, decode: TextDecoder.prototype.decode,
    field: function (self, k) { return decoderOf(self)[FIELDS[k]]; } };
})
