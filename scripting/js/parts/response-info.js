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
    var ct = this.headers.get('content-type') || 'text/plain', mime = String(ct).toLowerCase().replace(/\s/g, '').replace(/^([^;]+).*$/, '$1'),
        cs = /(?:charset|encoding)\s{0,10}=\s{0,10}['"]? {0,10}([\w\-]{1,100})/i.exec(ct), kind = mimeFormat(mime), type = kind[0], format = kind[1];
    var ext = native.mimeExtension(mime), name;
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
