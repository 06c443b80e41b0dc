// jarApi is pm.cookies.jar(). Each operation answers after as many event
// loop hops as Postman's jar makes round trips to the runtime's store (get
// and getAll one, set and unset two, clear one plus one per cookie), so
// callbacks of concurrent calls arrive in Postman's order. With a callback,
// bad arguments throw Postman's TypeErrors; without one, the call returns a
// promise, as in the current Postman sandbox (Newman 6.2.2 throws for get
// and getAll and returns nothing for the others).
// (A part of the sandbox bootstrap, compiled on first use: see "Parts" in bootstrap.js.)
(function (b) {
'use strict';
var native = b.native, Url = b.Url, Cookie = b.Cookie, cookieList = b.cookieList;
function hops(n, fn) {
    var p = Promise.resolve();
    for (var i = 1; i < n; i++) { p = p.then(function () {}); }
    return p.then(fn);
}
function jarURL(name, url) {
    if (url instanceof Url) { return url.toString(); }
    if (url && typeof url === 'string') { return url; }
    throw new TypeError('CookieJar.' + name + '() requires a valid url');
}
// run does op after n hops and hands (err, result) to cb or a promise.
function run(n, op, cb) {
    var p = new Promise(function (resolve, reject) {
        hops(n, function () {
            var r;
            try { r = op(); } catch (e) { reject(e); return; }
            if (r[0]) { reject(new Error(r[0])); } else { resolve(r[1]); }
        });
    });
    if (typeof cb !== 'function') { return p; }
    p.then(function (v) { cb(null, v); }, function (e) { cb(e); });
}
function call(fn, n, cb, args) {
    // Argument errors: thrown with a callback, a rejection without.
    if (typeof cb === 'function') { return fn.apply(null, args); }
    try { return fn.apply(null, args); } catch (e) { return Promise.reject(e); }
}
// PostmanCookieJar is the sandbox's: its own members are the store and
// tough-cookie's jar (which refuses to serialize: its store is not
// synchronous), its methods sit on its prototype, not enumerable.
class CookieJar {
    toJSON() { throw new Error('CookieJar store is not synchronous; use async API instead.'); }
}
class PostmanCookieJar {
    constructor(store) {
        this.store = store;
        this.jar = new CookieJar();
    }
    get(url, name, cb) {
        return call(function () {
            var u = jarURL('get', url);
            if (typeof name !== 'string') { throw new TypeError('CookieJar.get() requires cookie name to be a string'); }
            return run(1, function () {
                var r = native.cookieJar('getAll', u, undefined);
                if (r[0]) { return r; }
                var c = r[1].filter(function (x) { return x.name === name; })[0];
                return [null, c ? new Cookie(c).valueOf() : null];
            }, cb);
        }, 1, cb, []);
    }
    getAll(url, opts, cb) {
        if (typeof opts === 'function' && !cb) { cb = opts; opts = {}; }
        if (opts === undefined) { opts = {}; }
        return call(function () {
            var u = jarURL('getAll', url);
            if (typeof opts !== 'object') { throw new TypeError('CookieJar.getAll() requires options to be an object'); }
            return run(1, function () {
                var r = native.cookieJar('getAll', u, opts);
                return r[0] ? r : [null, cookieList(r[1])];
            }, cb);
        }, 1, cb, []);
    }
    set(url, name, value, cb) {
        if (typeof value === 'function' && !cb) { cb = value; value = null; }
        return call(function () {
            var u = jarURL('set', url), c;
            if (name && value) {
                c = { name: name, value: value };
            } else if (name && typeof name === 'object') {
                c = { name: name.name || name.key, value: name.value, domain: name.domain, path: name.path, secure: name.secure, httpOnly: name.httpOnly, hostOnly: name.hostOnly, maxAge: name.maxAge };
                var e = name.expires;
                if (e !== undefined && e !== null && e !== 'Infinity') { c.expires = e instanceof Date ? e.getTime() : (typeof e === 'number' ? e : Date.parse(e)); }
            } else if (typeof name === 'string') {
                c = name;
            } else {
                throw new TypeError('CookieJar.set() requires a valid set cookie arguments');
            }
            // tough-cookie refuses a cookie before touching the store,
            // and then answers at once.
            var chk = native.cookieJar('check', u, c);
            if (chk[0] || !chk[1]) {
                var err = chk[0] ? new Error(chk[0]) : null;
                if (typeof cb === 'function') { if (err) { cb(err); } else { cb(null, undefined); } return; }
                return err ? Promise.reject(err) : Promise.resolve(undefined);
            }
            return run(2, function () {
                var r = native.cookieJar('set', u, c);
                return r[0] ? r : [null, r[1] ? new Cookie(r[1]) : undefined];
            }, cb);
        }, 2, cb, []);
    }
    unset(url, name, cb) {
        return call(function () {
            var u = jarURL('unset', url);
            if (typeof name !== 'string') { throw new TypeError('CookieJar.unset() requires cookie name to be a string'); }
            var has = native.cookieJar('getAll', u, undefined)[1] || [];
            var found = has.some(function (x) { return x.name === name; });
            return run(found ? 2 : 1, function () { return [native.cookieJar('unset', u, name)[0]]; }, cb);
        }, 2, cb, []);
    }
    clear(url, cb) {
        return call(function () {
            var u = jarURL('clear', url);
            var n = (native.cookieJar('getAll', u, undefined)[1] || []).length;
            return run(1 + n, function () { return [native.cookieJar('clear', u, undefined)[0]]; }, cb);
        }, 1, cb, []);
    }
}
return function jarApi() { return new PostmanCookieJar({}); };
})
