// normalize turns what a script hands pm.sendRequest (a URL string, a
// request object, one of courier's Requests or a Request of the
// postman-collection library a script required) into the plain request the
// runtime sends, reading the object as postman-collection's Request and
// RequestBody constructors read it (Newman 6.2.2):
//   - a body given as a string is a raw body; one without a mode is none;
//   - a raw body that lodash's isEmpty calls empty (a number, a boolean, {})
//     is not sent; another object goes out as its JSON;
//   - urlencoded rows given as a string are parsed as a query string; a
//     formdata string has no parser and gives no rows; a single object is
//     one row.
// (A part of the sandbox bootstrap, compiled on first use: see "Parts" in bootstrap.js.)
(function (b) {
'use strict';
var Request = b.Request, Url = b.Url, PropertyList = b.PropertyList, plainRequest = b.plainRequest;
// library is a postman-collection object of the library's own classes
// (require('postman-collection')), which courier's classes do not know.
function library(v, kind) {
    return v !== null && typeof v === 'object' && typeof v.toJSON === 'function' &&
        !!v.constructor && v.constructor._postman_propertyName === kind;
}
function isEmpty(v) {
    if (v === null || v === undefined || typeof v !== 'object') { return typeof v !== 'string' || v === ''; }
    return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}
function parseQuery(s) {
    return s.split('&').map(function (p, i, all) {
        // "a&&b": an empty row in the middle is a null key (QueryParam.parseSingle).
        if (p === '' && i !== all.length - 1) { return { key: null, value: null }; }
        var at = p.indexOf('=');
        return at < 0 ? { key: p, value: null } : { key: p.slice(0, at), value: p.slice(at + 1) };
    });
}
function rows(v, mode) {
    if (typeof v === 'string') { return mode === 'urlencoded' ? parseQuery(v) : []; }
    var list = v instanceof PropertyList ? v.members : [].concat(v === undefined || v === null ? [] : v);
    if (mode === 'urlencoded') { return list; }
    // FormParam's constructor: a row without a key (or not an object) has
    // the empty key and, without a value, the empty value.
    return list.map(function (r) {
        var o = r !== null && typeof r === 'object' ? Object.assign({}, typeof r.toJSON === 'function' ? r.toJSON() : r) : {};
        o.key = o.key || '';
        if (o.value === undefined || o.value === null) { o.value = ''; }
        return o;
    });
}
var MODES = { raw: 'raw', urlencoded: 'urlencoded', formdata: 'formdata', file: 'file', graphql: 'graphql' };
function body(v) {
    if (library(v, 'RequestBody')) { v = v.toJSON(); }
    if (typeof v === 'string') { return { mode: 'raw', raw: v }; }
    if (!v || typeof v !== 'object' || !v.mode) { return undefined; }
    var mode = MODES[String(v.mode).toLowerCase()] || 'raw', o = Object.assign({}, v, { mode: mode });
    if (mode === 'raw' && typeof o.raw !== 'string') { o.raw = isEmpty(o.raw) ? '' : JSON.stringify(o.raw); }
    if (mode === 'urlencoded' || mode === 'formdata') { o[mode] = rows(o[mode], mode); }
    return o;
}
// headers reads a request's header as postman-collection's PropertyList
// populates it: an array row by row, a plain object (lodash's isPlainObject)
// as one header per property whose value is a string (Postman drops the
// others), any other object as one header: a Header keeps its key and
// value, a whole list (pm.request.headers, a HeaderList) has no key and
// sends nothing (Newman 6.2.2 and Postman CLI 1.34 alike).
function headers(h) {
    if (h === null || typeof h !== 'object' || Array.isArray(h)) { return h; }
    var proto = Object.getPrototypeOf(h);
    if (proto === null || proto === Object.prototype) {
        return Object.keys(h).filter(function (k) { return typeof h[k] === 'string'; }).map(function (k) { return { key: k, value: h[k] }; });
    }
    return h instanceof PropertyList || typeof h.all === 'function' ? [] : [h];
}
// A request's own proxy goes with it as given (Newman sends through it:
// fresh-round13n-a.json).
function withProxy(o, req) {
    if (req && typeof req === 'object' && req.proxy) { o.proxy = req.proxy; }
    return o;
}
return function normalize(req) {
    if (typeof req === 'string') { return plainRequest({ url: req, method: 'GET' }); }
    if (req instanceof Request) { return withProxy(plainRequest(req), req); }
    if (library(req, 'Request')) { req = req.toJSON(); }
    req = req || {};
    var url = req.url;
    if (library(url, 'Url')) { url = url.toJSON(); }
    if (url && typeof url === 'object' && !(url instanceof Url)) {
        // postman-collection builds a URL object from its parts alone: one
        // given only as {raw} is empty, and the request fails (Newman).
        url = new Url(Object.assign({}, url, { raw: undefined }));
    }
    return withProxy(plainRequest({ url: url, method: req.method, headers: headers(req.header), body: body(req.body), auth: req.auth }), req);
};
})
