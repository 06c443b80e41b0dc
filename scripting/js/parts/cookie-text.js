// A cookie as text, compiled on first use (few scripts print a cookie or
// build one from a Set-Cookie line): parse reads a Set-Cookie line into
// Cookie's fields, toString prints a Cookie with its attributes, as
// postman-collection's Cookie does.
(function () {
'use strict';
return {
    parse: function (str) {
        var parts = String(str).split(';'), pair = parts.shift(), eq = pair.indexOf('='), o = {};
        if (eq < 0) { o.name = ''; o.value = pair.trim(); } else { o.name = pair.slice(0, eq).trim(); o.value = pair.slice(eq + 1).trim(); }
        parts.forEach(function (p) {
            var i = p.indexOf('='), k = (i < 0 ? p : p.slice(0, i)).trim().toLowerCase(), v = i < 0 ? true : p.slice(i + 1).trim();
            if (k === 'expires') { o.expires = v; } else if (k === 'max-age') { o.maxAge = v; } else if (k === 'domain' || k === 'path') { o[k] = v; } else if (k === 'secure') { o.secure = true; } else if (k === 'httponly') { o.httpOnly = true; } else if (k) { (o.extensions || (o.extensions = [])).push({ key: p.slice(0, i < 0 ? p.length : i).trim(), value: v }); }
        });
        return o;
    },
    toString: function (c) {
        var v = c.value === undefined || c.value === null ? '' : c.value, s = c.name ? c.name + '=' + v : String(v);
        if (c.expires instanceof Date) { if (!isNaN(c.expires.getTime())) { s += '; Expires=' + c.expires.toUTCString(); } } else if (c.expires) { s += '; Expires=' + c.expires; }
        if (c.maxAge && c.maxAge !== Infinity) { s += '; Max-Age=' + c.maxAge; }
        if (c.domain && !c.hostOnly) { s += '; Domain=' + c.domain; }
        if (c.path) { s += '; Path=' + c.path; }
        if (c.secure) { s += '; Secure'; }
        if (c.httpOnly) { s += '; HttpOnly'; }
        (c.extensions || []).forEach(function (x) { s += '; ' + x.key + (x.value === true ? '' : '=' + x.value); });
        return s;
    }
};
})
