// The legacy `postman` object's methods (postman-sandbox's
// PostmanLegacyInterface and, in test scripts, PostmanLegacyTestInterface),
// compiled on first use. The bootstrap makes the objects: the methods sit on
// their prototypes and __environment, __execution and __globals are the
// objects' own members, as Object.keys(postman) shows them in Newman 6.2.2.
(function (b) {
'use strict';
// Postman stringifies truthy values (and false) before storing them through
// the legacy setters, so set(1) reads back "1" while set(0) reads back 0.
function legacyValue(v) {
    if ((v === false || v) && typeof (v && v.toString) === 'function') { return v.toString(); }
    return v;
}
// lg is the script's legacy object of that name when it has been read
// (the environment and globals globals), kept in step with the scope.
function lg(name) {
    var c = b.cur() && b.cur().lg;
    return c && c[name] && typeof c[name] === 'object' ? c[name] : null;
}
// legacyBody is the legacy request.data: raw text, or urlencoded/formdata
// params as an object where repeated keys collect their values in an array.
function legacyBody(r) {
    var body = r.body;
    if (!body || body.isEmpty()) { return {}; }
    var mode = body.mode;
    if (mode === 'raw') { return body.raw; }
    if (mode === 'urlencoded' || mode === 'formdata') {
        var acc = {};
        body[mode].members.forEach(function (p) {
            if (p.disabled) { return; }
            if (acc[p.key]) {
                if (Array.isArray(acc[p.key])) { acc[p.key].push(p.value); } else { acc[p.key] = [acc[p.key], p.value]; }
            } else { acc[p.key] = p.value; }
        });
        return acc;
    }
    if (mode === 'file') { return body.file && body.file.content !== undefined ? body.file.content : {}; }
    return {};
}
function legacyHeaders(list) {
    var o = {};
    list.members.forEach(function (h) {
        if (!h || h.disabled || !h.key) { return; }
        var k = String(h.key).toLowerCase();
        if (Object.prototype.hasOwnProperty.call(o, k)) { o[k] = [].concat(o[k], h.valueOf()); } else { o[k] = h.valueOf(); }
    });
    return o;
}
function sync(name, k, v, remove) {
    var o = lg(name);
    if (!o) { return; }
    if (remove) { delete o[k]; } else { o[k] = v; }
}
// Postman empties the legacy object in place, so a reference the script
// took before the call (or the global read again) shows no values.
function empty(name) {
    var o = lg(name);
    if (o) { Object.keys(o).forEach(function (k) { delete o[k]; }); }
}
function setter(scope) {
    return function (k, v) {
        v = legacyValue(v);
        sync(scope, k, v);
        b.scopes[scope].set(k, v);
    };
}
function getter(scope) {
    return function (k) { return b.scopes[scope].get(k); };
}
function clearOne(scope) {
    return function (k) {
        if (k) { sync(scope, k, undefined, true); }
        b.scopes[scope].unset(k);
    };
}
function clearAll(scope) {
    return function () {
        empty(scope);
        b.scopes[scope].clear();
    };
}
// Newman's methods are a class's (strict): called unbound, each fails on
// the first member of this it reads: __execution, __environment or
// __globals (fresh-round9p-c).
function unbound(self, w) {
    if (self === undefined || self === null) { throw new TypeError('Cannot read properties of ' + self + " (reading '__" + w + "')"); }
}
var methods = {
    setNextRequest: function (n) { b.native.setNextRequest(n); },
    setEnvironmentVariable: setter('environment'),
    getEnvironmentVariable: getter('environment'),
    clearEnvironmentVariable: clearOne('environment'),
    clearEnvironmentVariables: clearAll('environment'),
    setGlobalVariable: setter('globals'),
    getGlobalVariable: getter('globals'),
    clearGlobalVariable: clearOne('globals'),
    clearGlobalVariables: clearAll('globals'),
    getResponseHeader: function (k) {
        var r = b.cur().pm.response, h = r && r.headers.one(k);
        return h ? h.value : undefined;
    },
    getResponseCookie: function (n) {
        var c = b.cur().pm.cookies.one(String(n));
        return c ? c.toJSON() : undefined;
    }
};
// The member each reads first when not __execution: ? when only given a key.
var first = { setEnvironmentVariable: 'environment', clearEnvironmentVariables: 'environment', clearEnvironmentVariable: 'environment?',
    setGlobalVariable: 'globals', clearGlobalVariables: 'globals', clearGlobalVariable: 'globals?' };
Object.keys(methods).forEach(function (n) {
    var f = methods[n], w = first[n] || 'execution';
    methods[n] = function (a, c) {
        unbound(this, w.slice(-1) !== '?' ? w : a ? w.slice(0, -1) : 'execution');
        return f(a, c);
    };
});
return Object.assign(methods, {
    // request is the legacy request global.
    request: function (st) {
        var r = st.pm.request, native = b.native;
        if (!r) { return {}; }
        return {
            id: native.requestId(), name: native.requestName() || undefined,
            description: r.description === undefined || r.description === null ? undefined : String(r.description),
            headers: legacyHeaders(r.headers), method: r.method, url: native.replaceIn(r.url.toString()), data: legacyBody(r)
        };
    },
    // own is an own member of the object: the legacy environment and
    // globals objects of the script, and the execution the methods work on.
    own: function (name) {
        var st = b.cur();
        if (!st) { return undefined; }
        if (name === '__environment' || name === '__globals') {
            var k = name.slice(2);
            b.global[k]; // made on first read, as the global would be
            return st.lg[k];
        }
        var pm = st.pm;
        return {
            id: b.native.requestId(), target: st.listen, legacy: {}, cursor: {}, data: pm.iterationData.toObject(), cookies: pm.cookies,
            _variables: pm.variables, environment: pm.environment, collectionVariables: pm.collectionVariables, globals: pm.globals,
            request: pm.request, response: pm.response, return: {}
        };
    }
});
})
