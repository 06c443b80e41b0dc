// RequestAuth's members that change it, Request#authorizeUsing,
// Request#update and a request's own proxy (ProxyConfig), as
// postman-collection's: a part compiled on first use (few scripts switch
// auth or rebuild the request, and no corpus collection has a proxy). use selects a type and merges options into its parameters;
// update merges them into a type's parameters (the selected one by
// default) and leaves the selection alone; clear empties a type's
// parameters and drops the list of a type not selected.
(function (b) {
'use strict';
var PropertyList = b.PropertyList, hasOwn = Function.call.bind(Object.prototype.hasOwnProperty);
// UrlMatchPattern, as postman-collection's: a pattern of protocols, host,
// port and path (ProxyConfig's match).
var SPLIT = /^(((http|https|file|ftp|\*)(\+(http|https|file|ftp))*)):\/\/(\*|\*\.[^*/:]+|[^*/:]+)(:\*|:\d+)?(\/.*)$/, PORTS = { ftp: '21', http: '80', https: '443' };
function Pattern(p) { this.pattern = '<all_urls>'; this.update(typeof p === 'string' ? { pattern: p } : p); }
Pattern.prototype = Object.create(b.Property.prototype);
function def(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false }); }
Pattern.prototype.update = function (o) {
    if (o && hasOwn(o, 'pattern') && typeof o.pattern === 'string' && o.pattern) { this.pattern = o.pattern; }
    var m = SPLIT.exec(this.pattern);
    this._matchPatternObject = m ? { protocols: m[1].split('+').filter(function (x, i, a) { return a.indexOf(x) === i; }), host: m[6], port: m[7] && m[7].slice(1),
        path: new RegExp('^' + m[8].replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.').replace('*', '.*') + '$') } : undefined;
};
Pattern.prototype.getProtocols = function () { return (this._matchPatternObject && this._matchPatternObject.protocols) || []; };
Pattern.prototype.test = function (s) {
    var o = this._matchPatternObject, u;
    if (this.pattern === '<all_urls>') { return true; }
    if (!o) { return false; }
    u = new b.Url(s);
    var port = u.port === undefined || u.port === null ? undefined : String(u.port), want = o.port, host = u.getHost();
    if (['http', 'https', 'file', 'ftp'].indexOf(u.protocol) < 0 || (o.protocols.indexOf('*') < 0 && o.protocols.indexOf(u.protocol) < 0)) { return false; }
    if (!(o.host === '*' || o.host === host || (o.host[0] === '*' && (host === o.host.slice(2) || host.endsWith('.' + o.host.slice(2)))))) { return false; }
    if (!(port === undefined && want === undefined)) {
        port = port || PORTS[u.protocol]; want = want || PORTS[u.protocol];
        if (!(want === '*' || want === port)) { return false; }
    }
    return o.path.test(u.getPath());
};
Pattern.prototype.toString = function () { return String(this.pattern); };
Pattern.prototype.toJSON = function () { return { pattern: this.toString() }; };
// ProxyConfig: its members in postman-collection's order, then update with
// the object given (the collection's proxy, or a script's). getProxyUrl is
// collections.Proxy.URL, the text the runtime sends through.
function ProxyConfig(o) {
    o = o || {};
    if (o.id) { this.id = o.id; }
    if (typeof o.disabled === 'boolean') { this.disabled = o.disabled; }
    this.host = ''; this.match = new Pattern('http+https://*:*/*'); this.port = 8080; this.tunnel = false;
    this.bypass = undefined; this.authenticate = false; this.username = undefined; this.password = undefined;
    this.update(o);
}
ProxyConfig.prototype = Object.create(b.Property.prototype);
def(ProxyConfig.prototype, 'constructor', ProxyConfig);
Object.defineProperty(ProxyConfig, 'name', { value: 'e' });
ProxyConfig.prototype.update = function (o) {
    if (!o || typeof o !== 'object') { return; }
    var port = o.port >> 0;
    if (typeof o.host === 'string') { this.host = new b.Url(o.host).getHost(); }
    if (typeof o.match === 'string') { this.match = new Pattern(o.match); }
    if (o.match && typeof o.match.pattern === 'string') { this.match = new Pattern(o.match.pattern); }
    if (port) { this.port = port; }
    ['tunnel', 'disabled', 'authenticate'].forEach(function (k) { if (typeof o[k] === 'boolean') { this[k] = o[k]; } }, this);
    ['username', 'password'].forEach(function (k) { if (typeof o[k] === 'string') { this[k] = o[k]; } }, this);
};
ProxyConfig.prototype.updateProtocols = function (protocols) {
    var rest = protocols && String(this.match.pattern).split('://')[1], list;
    if (!rest) { return; }
    list = ['http', 'https'].filter(function (p) { return [].concat(protocols).indexOf(p) >= 0; });
    this.match.update({ pattern: (list.length ? list : ['http', 'https']).join('+') + '://' + rest });
};
ProxyConfig.prototype.test = function (s) {
    var proto = s instanceof b.Url ? s.protocol : (new b.Url(s || '').protocol || '');
    if (!proto) { proto = 'http'; s = 'http://' + s; }
    if (proto !== 'http' && proto !== 'https') { return false; }
    return this.match.test(s);
};
ProxyConfig.prototype.getProtocols = function () { return this.match.getProtocols(); };
ProxyConfig.prototype.getProxyUrl = b.host.proxyURL;
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
        if (o.proxy) { this.proxy = new ProxyConfig(o.proxy); }
    },
    // proxy is a request's own proxy as a ProxyConfig (the Request's
    // constructor calls it).
    proxy: function (o) { return o instanceof ProxyConfig ? o : new ProxyConfig(o); }
};
return m;
})
