// A URL string split as postman-url-encoder's parser splits it, for
// postman-shapes' Url (compiled on first use: most URLs reach scripts
// already split).
(function () {
'use strict';
// parseUrl splits a URL as postman-url-encoder's parser does: only leading
// space is trimmed; the hash, then the query are cut from the back; before
// them backslashes count as slashes; the protocol is whatever comes before
// the first '://' (extra slashes after it dropped, one kept for file);
// userinfo ends at the last '@'; the port is whatever follows the last ':'
// unless it holds a ']' (an IPv6 literal); an empty host is none. A {{var}}
// holding one of . : / ? # @ & ] is kept whole.
return function parseUrl(raw, parseQuery) {
    var u = { raw: raw, query: [], variable: [] }, s = String(raw).replace(/^\s+/, ''), i;
    var vars = [];
    s = s.replace(/\{\{[^{}]*[.:/?#@&\]][^{}]*\}\}/g, function (v) { vars.push(v); return '\uE000' + (vars.length - 1) + '\uE001'; });
    var back = vars.length ? function (x) { return typeof x === 'string' ? x.replace(/\uE000(\d+)\uE001/g, function (_, n) { return vars[n]; }) : x; } : function (x) { return x; };
    i = s.indexOf('#');
    if (i >= 0) { u.hash = back(s.slice(i + 1)); s = s.slice(0, i); }
    i = s.indexOf('?');
    // A bare '?' is one row {key: '', value: null}, as in postman-collection.
    if (i >= 0) { u.query = i + 1 < s.length ? parseQuery(back(s.slice(i + 1))) : [{ key: '', value: null }]; s = s.slice(0, i); }
    s = s.replace(/\\/g, '/');
    i = s.indexOf('://');
    if (i >= 0) {
        u.protocol = back(s.slice(0, i));
        s = s.slice(i + 3).replace(/^\/+/, u.protocol.toLowerCase() === 'file' ? '/' : '');
    }
    i = s.indexOf('/');
    var hostPart = i >= 0 ? s.slice(0, i) : s, path = i >= 0 ? s.slice(i + 1) : null;
    var at = hostPart.lastIndexOf('@');
    if (at >= 0) {
        var auth = hostPart.slice(0, at), c = auth.indexOf(':');
        u.auth = c < 0 ? { user: back(auth) } : { user: back(auth.slice(0, c)), password: back(auth.slice(c + 1)) };
        hostPart = hostPart.slice(at + 1);
    }
    var colon = hostPart.lastIndexOf(':');
    if (colon >= 0 && hostPart.indexOf(']', colon) < 0) { u.port = back(hostPart.slice(colon + 1)); hostPart = hostPart.slice(0, colon); }
    if (hostPart) { u.host = hostPart.split('.').map(back); }
    if (path !== null) { u.path = path.split('/').map(back); }
    // ':id.json' names a path variable id, once (postman-collection).
    (u.path || []).forEach(function (seg) {
        var k = seg[0] === ':' ? seg.slice(1).split('.')[0] : '';
        if (k && !u.variable.some(function (v) { return v.key === k; })) { u.variable.push({ key: k }); }
    });
    return u;
};
})
