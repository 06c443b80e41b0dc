// Response#size and Response#contentInfo (js/parts/postman-shapes.js), with
// the media type table contentInfo reads: few scripts call them. b carries
// native, hasOwn and v12 (a v12 run: Postman CLI's newer runtime).
(function (b) {
'use strict';
var native = b.native, hasOwn = b.hasOwn;
// MIME_FORMATS are the media types whose kind and format mime-format's
// table gives otherwise than its guess (below) would.
var MIME_FORMATS = { 'application/x-www-form-urlencoded': ['text', 'plain'], 'application/pdf': ['embed', 'pdf'], 'application/jwt': ['text', 'jwt'], 'application/ogg': ['audio', 'ogg'] };
['xhtml', 'xhtml-voice', 'vnd.oipf.dae.xhtml', 'vnd.pwg-xhtml-print', 'vnd.oma.poc.invocation-descriptor', 'mbms-associated-procedure-description', 'mbms-protection-description', 'mbms-user-service-description'].forEach(function (t) { MIME_FORMATS['application/' + t + '+xml'] = ['text', 'xml']; });
// mimeFormat is mime-format's [kind, format] of a media type: audio, video,
// image and text name themselves (text's format is the first json/xml/...
// word of the type, else plain), a json/xml/html/yaml/script word makes
// any type text, and application, message and multipart types are raw.
function mimeFormat(mime) {
    if (hasOwn(MIME_FORMATS, mime)) { return MIME_FORMATS[mime]; }
    var base = mime.split('/')[0], m = /(audio|video|image|text)/.exec(base), sib = /(jsonp|json|xml|html|yaml|vml|webml|script)/.exec(mime);
    if (m) { return m[1] === 'text' ? ['text', sib ? sib[1] : 'plain'] : [m[1], m[1]]; }
    if (sib) { return ['text', sib[1]]; }
    if ((m = /\/[^\/]*(audio|video|image|text)/.exec(mime))) { return [m[1], m[1]]; }
    if ((m = /(application|message|multipart)/.exec(base))) { return [m[1], 'raw']; }
    return ['unknown', 'raw'];
}
// SNIFF finds a body's type by its first bytes, as file-type 3.9 does for
// postman-collection when a response has no Content-Type: [ext, mime,
// test], in file-type's order (the first that matches wins). A test is a
// list of alternatives, each a list of [offset, bytes...] that must all
// match; a function tests the bytes itself.
function at(b, off) { for (var i = 2; i < arguments.length; i++) { if (b[off + i - 2] !== arguments[i]) { return false; } } return true; }
function str(b, off, s) { for (var i = 0; i < s.length; i++) { if (b[off + i] !== s.charCodeAt(i)) { return false; } } return true; }
function tiff(b) { return at(b, 0, 0x49, 0x49, 0x2a, 0) || at(b, 0, 0x4d, 0x4d, 0, 0x2a); }
function ftyp(b, size) { return at(b, 0, 0, 0, 0, size) && str(b, 4, 'ftyp'); }
function fontFlavour(b) { return at(b, 4, 0, 1, 0, 0) || str(b, 4, 'OTTO'); }
var SNIFF = [
    ['jpg', 'image/jpeg', function (b) { return at(b, 0, 0xff, 0xd8, 0xff); }],
    ['png', 'image/png', function (b) { return at(b, 0, 0x89, 0x50, 0x4e, 0x47); }],
    ['gif', 'image/gif', function (b) { return str(b, 0, 'GIF'); }],
    ['webp', 'image/webp', function (b) { return str(b, 8, 'WEBP'); }],
    ['flif', 'image/flif', function (b) { return str(b, 0, 'FLIF'); }],
    ['cr2', 'image/x-canon-cr2', function (b) { return tiff(b) && str(b, 8, 'CR'); }],
    ['tif', 'image/tiff', tiff],
    ['bmp', 'image/bmp', function (b) { return str(b, 0, 'BM'); }],
    ['jxr', 'image/vnd.ms-photo', function (b) { return at(b, 0, 0x49, 0x49, 0xbc); }],
    ['psd', 'image/vnd.adobe.photoshop', function (b) { return str(b, 0, '8BPS'); }],
    ['epub', 'application/epub+zip', function (b) { return at(b, 0, 0x50, 0x4b, 3, 4) && str(b, 30, 'mimetypeapplication/epub+zip'); }],
    ['xpi', 'application/x-xpinstall', function (b) { return at(b, 0, 0x50, 0x4b, 3, 4) && str(b, 30, 'META-INF/mozilla.rsa'); }],
    ['zip', 'application/zip', function (b) { return str(b, 0, 'PK') && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8); }],
    ['tar', 'application/x-tar', function (b) { return str(b, 257, 'ustar'); }],
    ['rar', 'application/x-rar-compressed', function (b) { return at(b, 0, 0x52, 0x61, 0x72, 0x21, 0x1a, 7) && (b[6] === 0 || b[6] === 1); }],
    ['gz', 'application/gzip', function (b) { return at(b, 0, 0x1f, 0x8b, 8); }],
    ['bz2', 'application/x-bzip2', function (b) { return str(b, 0, 'BZh'); }],
    ['7z', 'application/x-7z-compressed', function (b) { return at(b, 0, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c); }],
    ['dmg', 'application/x-apple-diskimage', function (b) { return at(b, 0, 0x78, 1); }],
    ['mp4', 'video/mp4', function (b) {
        return (at(b, 0, 0, 0, 0) && (b[3] === 0x18 || b[3] === 0x20) && str(b, 4, 'ftyp')) || str(b, 0, '3gp5') ||
            (ftyp(b, 0x1c) && str(b, 8, 'mp42') && str(b, 16, 'mp41mp42isom')) || (ftyp(b, 0x1c) && str(b, 8, 'isom')) ||
            (ftyp(b, 0x1c) && str(b, 8, 'mp42') && at(b, 12, 0, 0, 0, 0));
    }],
    ['m4v', 'video/x-m4v', function (b) { return ftyp(b, 0x1c) && str(b, 8, 'M4V'); }],
    ['mid', 'audio/midi', function (b) { return str(b, 0, 'MThd'); }],
    ['mkv', 'video/x-matroska', function (b) { return str(b, 31, 'matroska'); }],
    ['webm', 'video/webm', function (b) { return at(b, 0, 0x1a, 0x45, 0xdf, 0xa3); }],
    ['mov', 'video/quicktime', function (b) { return ftyp(b, 0x14); }],
    ['avi', 'video/x-msvideo', function (b) { return str(b, 0, 'RIFF') && str(b, 8, 'AVI'); }],
    ['wmv', 'video/x-ms-wmv', function (b) { return at(b, 0, 0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9); }],
    ['mpg', 'video/mpeg', function (b) { return at(b, 0, 0, 0, 1) && (b[3] === 0x0b || (b[3] >= 0xb0 && b[3] <= 0xbf)); }], // its hex begins with b
    ['mp3', 'audio/mpeg', function (b) { return str(b, 0, 'ID3') || at(b, 0, 0xff, 0xfb); }],
    ['m4a', 'audio/m4a', function (b) { return str(b, 4, 'ftypM4A') || str(b, 0, 'M4A '); }],
    ['opus', 'audio/opus', function (b) { return str(b, 28, 'OpusHead'); }],
    ['ogg', 'audio/ogg', function (b) { return str(b, 0, 'OggS'); }],
    ['flac', 'audio/x-flac', function (b) { return str(b, 0, 'fLaC'); }],
    ['wav', 'audio/x-wav', function (b) { return str(b, 0, 'RIFF') && str(b, 8, 'WAVE'); }],
    ['amr', 'audio/amr', function (b) { return str(b, 0, '#!AMR\n'); }],
    ['pdf', 'application/pdf', function (b) { return str(b, 0, '%PDF'); }],
    ['exe', 'application/x-msdownload', function (b) { return str(b, 0, 'MZ'); }],
    ['swf', 'application/x-shockwave-flash', function (b) { return (b[0] === 0x43 || b[0] === 0x46) && str(b, 1, 'WS'); }],
    ['rtf', 'application/rtf', function (b) { return str(b, 0, '{\\rtf'); }],
    ['woff', 'application/font-woff', function (b) { return str(b, 0, 'wOFF') && fontFlavour(b); }],
    ['woff2', 'application/font-woff', function (b) { return str(b, 0, 'wOF2') && fontFlavour(b); }],
    ['eot', 'application/octet-stream', function (b) { return str(b, 34, 'LP') && (at(b, 8, 0, 0, 1) || at(b, 8, 1, 0, 2) || at(b, 8, 2, 0, 2)); }],
    ['ttf', 'application/font-sfnt', function (b) { return at(b, 0, 0, 1, 0, 0, 0); }],
    ['otf', 'application/font-sfnt', function (b) { return str(b, 0, 'OTTO') && b[4] === 0; }],
    ['ico', 'image/x-icon', function (b) { return at(b, 0, 0, 0, 1, 0); }],
    ['flv', 'video/x-flv', function (b) { return at(b, 0, 0x46, 0x4c, 0x56, 1); }],
    ['ps', 'application/postscript', function (b) { return str(b, 0, '%!'); }],
    ['xz', 'application/x-xz', function (b) { return at(b, 0, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0); }],
    ['sqlite', 'application/x-sqlite3', function (b) { return str(b, 0, 'SQLi'); }],
    ['nes', 'application/x-nintendo-nes-rom', function (b) { return at(b, 0, 0x4e, 0x45, 0x53, 0x1a); }],
    ['crx', 'application/x-google-chrome-extension', function (b) { return str(b, 0, 'Cr24'); }],
    ['cab', 'application/vnd.ms-cab-compressed', function (b) { return str(b, 0, 'MSCF') || str(b, 0, 'ISc('); }],
    ['deb', 'application/x-deb', function (b) { return str(b, 0, '!<arch>\ndebian-binary'); }],
    ['ar', 'application/x-unix-archive', function (b) { return str(b, 0, '!<arch>'); }],
    ['rpm', 'application/x-rpm', function (b) { return at(b, 0, 0xed, 0xab, 0xee, 0xdb); }],
    ['Z', 'application/x-compress', function (b) { return at(b, 0, 0x1f, 0xa0) || at(b, 0, 0x1f, 0x9d); }],
    ['lz', 'application/x-lzip', function (b) { return str(b, 0, 'LZIP'); }],
    ['msi', 'application/x-msi', function (b) { return at(b, 0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1); }]
];
function sniff(b) {
    if (!(b && b.length > 1)) { return null; }
    for (var i = 0; i < SNIFF.length; i++) { if (SNIFF[i][2](b)) { return SNIFF[i]; } }
    return null;
}
return {
size: function () {
    var header = ('HTTP/1.1 ' + this.code + ' ' + this.status + '\r\n').length + 2;
    this.headers.members.forEach(function (h) { header += String(h.key).length + String(h.value).length + 4; });
    var body = this.responseSize || 0; // none after a failed request
    // A gzip or deflate body counts as the server declared it, compressed
    // (postman-collection's size()); responseSize stays the decoded length.
    // The newer runtime counts responseSize (fresh-round7p-neighbours.json).
    var enc = this.headers.get('Content-Encoding'), len = this.headers.get('Content-Length');
    if (!b.v12 && typeof enc === 'string' && /gzip|deflate/i.test(enc) && len !== undefined && len !== null && /^\s*\d+(\.\d+)?\s*$/.test(String(len))) { body = parseInt(len, 10); }
    return { body: body, header: header, total: body + header };
},
// contentInfo is postman-collection's: the media type without parameters,
// its kind and format, the charset and a file name (Content-Disposition's,
// else "response" with the type's extension).
contentInfo: function () {
    // mime-format's reading: the type in lower case, without whitespace or
    // parameters; the charset module's charset= (or encoding=) anywhere.
    // Without a Content-Type the body's first bytes may name the type
    // (and the extension); text/plain when they do not.
    var ct = this.headers.get('content-type'), found = ct ? null : sniff(this.stream);
    ct = ct || (found ? found[1] : 'text/plain');
    var mime = String(ct).toLowerCase().replace(/\s/g, '').replace(/^([^;]+).*$/, '$1'),
        cs = /(?:charset|encoding)\s{0,10}=\s{0,10}['"]? {0,10}([\w\-]{1,100})/i.exec(ct), kind = mimeFormat(mime), type = kind[0], format = kind[1];
    var ext = found ? found[0] : native.mimeExtension(mime), name;
    // The parameter name is matched as written (lower case), as
    // postman-collection's pattern does: FILENAME= is not a file name.
    var cd = this.headers.get('content-disposition'), m = cd && /;[ \t]*filename[ \t]*=[ \t]*("(?:[^"\\]|\\.)*"|[^;\s]+)/.exec(cd);
    if (m) { name = m[1][0] === '"' ? m[1].slice(1, -1).replace(/\\(.)/g, '$1') : m[1]; }
    var o = { contentType: mime, mimeType: type, mimeFormat: format, charset: cs ? (cs[1].toLowerCase() === 'utf-8' ? 'utf8' : cs[1].toLowerCase()) : 'utf8' };
    if (ext) { o.fileExtension = ext; }
    o.fileName = name || ('response' + (ext ? '.' + ext : ''));
    return o;
}
};
})
