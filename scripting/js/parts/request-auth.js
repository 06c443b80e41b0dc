// RequestAuth's members that change it, Request#authorizeUsing and
// Request#update, as postman-collection's: a part compiled on first use
// (few scripts switch auth or rebuild the request). use selects a type and merges options into its parameters;
// update merges them into a type's parameters (the selected one by
// default) and leaves the selection alone; clear empties a type's
// parameters and drops the list of a type not selected.
(function (b) {
'use strict';
var PropertyList = b.PropertyList, hasOwn = Function.call.bind(Object.prototype.hasOwnProperty);
function authType(type) { return typeof type === 'string' && type !== 'type'; }
function merge(auth, type, opts) {
    var list = auth[type] instanceof PropertyList ? auth[type] : (auth[type] = new b.VariableList([]));
    // An existing parameter keeps its declared type, as postman-collection's
    // Variable#update keeps it.
    function put(k, v) {
        var cur = list.one(k);
        list.upsert({ type: cur && cur.type ? cur.type : 'any', value: v, key: k });
    }
    if (Array.isArray(opts)) { opts.forEach(function (p) { put(p.key, p.value); }); } else if (opts && typeof opts === 'object') {
        Object.keys(opts).forEach(function (k) { put(k, opts[k]); });
    }
}
var m = {
    // postman-collection discontinued current(); Newman's copy throws.
    current: function () { throw new Error('`Request#current` has been discontinued, use `Request#parameters` instead.'); },
    use: function (type, opts) {
        if (!authType(type)) { return; }
        this.type = type;
        merge(this, type, opts);
    },
    update: function (opts, type) {
        if (!opts || typeof opts !== 'object') { return; }
        type = type || this.type;
        if (authType(type)) { merge(this, type, opts); }
    },
    clear: function (type) {
        if (!authType(type) || !(this[type] instanceof PropertyList)) { return; }
        this[type].clear();
        if (type !== this.type) { delete this[type]; }
    },
    // this is the Request. An object given alone is the options with their
    // type beside them ({type: 'basic', username: 'u'}): its other members
    // become parameters as they are.
    authorizeUsing: function (type, opts) {
        if (type && typeof type === 'object' && (opts === undefined || opts === null)) {
            opts = {};
            for (var k in type) { if (hasOwn(type, k) && k !== 'type') { opts[k] = type[k]; } }
            type = type.type;
        }
        if (type === null) { this.auth = undefined; return; }
        if (!authType(type)) { return; }
        if (!this.auth) { this.auth = new b.RequestAuth({}); } else if (this.auth.clear) { this.auth.clear(type); }
        this.auth.use(type, opts);
    },
    // Request#update (this is the Request): the url updated in place, the
    // header rows replaced, the method (GET for null), then a new body,
    // auth and proxy for each given (a body even when undefined). A proxy
    // changed so reads back, but the request goes through the collection's
    // (fresh-round13n-a.json).
    requestUpdate: function (o) {
        if (!o) { return; }
        if (hasOwn(o, 'url')) { this.url.update(o.url); }
        if (o.header) { this.headers.repopulate(o.header); }
        if (hasOwn(o, 'method')) { this.method = o.method === undefined || o.method === null ? 'GET' : String(o.method).toUpperCase(); }
        if (hasOwn(o, 'body')) { this.body = new b.RequestBody(typeof o.body === 'string' ? { mode: 'raw', raw: o.body } : o.body); }
        if (o.auth) { this.auth = new b.RequestAuth(o.auth); }
        var p = o.proxy && b.host.proxyConfig(o.proxy);
        if (p) { this.proxy = p; }
    }
};
return m;
})
