// The postman-collection shapes (PropertyList, Url, Request, Response...),
// an eager part: every engine runs it, from the bootstrap's body. It is a
// program of its own only so that it compiles on one core while the
// bootstrap compiles on the other (see eagerParts in parts.go). b carries the bootstrap values it uses; it
// returns what the bootstrap uses, under the same names.
(function (b) {
'use strict';
var hasOwn = Function.call.bind(Object.prototype.hasOwnProperty), defProp = Object.defineProperty;
var def = b.def, host = b.host, native = b.native, Expectation = b.Expectation, isRequest = b.isRequest, isResponse = b.isResponse;

// ---- PropertyList and friends (postman-collection shapes) -----------------
// The classes chain as postman-collection's do: PropertyBase (its bundler
// named it 'e') under PostmanProperty and PostmanPropertyList, so a script
// walking the prototypes sees Postman's names.
function PropertyBase() {}
// toJSON is PropertyBase's: the own enumerable members but internal ones.
PropertyBase.prototype.toJSON = function () {
    var o = {};
    for (var k in this) { if (hasOwn(this, k) && this[k] !== undefined && (k[0] !== '_' || k === '_')) { o[k] = this[k]; } }
    return o;
};
// parent is postman-collection's: the owner of this property, past the list
// holding it (a header's is the request, a list's the request, URL, body,
// response or scope holding it), from the hidden __parent that lists and
// their owners set.
PropertyBase.prototype.parent = function () {
    var p = this && this.__parent;
    return (p && (p.__parent || p)) || undefined;
};
// owned hides owner as list's __parent and returns list.
function owned(list, owner) { def(list, '__parent', owner); return list; }
function Property(o) { if (o) { Object.assign(this, o); } }
Property.prototype = Object.create(PropertyBase.prototype);
def(Property.prototype, 'constructor', Property);
// ITEM holds what a list's members share (a key, a value): each member
// class takes the ones it does not define itself.
var ITEM = {
    valueOf: function () { return this.value; },
    toString: function () { return this.name !== undefined && this.key === this.name ? this.name + '=' + this.value : this.key + ': ' + this.value; },
    update: function (o) { Object.assign(this, o); }
};
function itemClass(C, base) {
    C.prototype = Object.create((base || Property).prototype);
    def(C.prototype, 'constructor', C);
    return C;
}
function withItem(C) {
    Object.keys(ITEM).forEach(function (k) { if (!hasOwn(C.prototype, k)) { C.prototype[k] = ITEM[k]; } });
}

// A list's own members are postman-collection's: __parent (hidden),
// members, reference, Type, and the index flags its Type declares
// (_postman_listIndexKey, _postman_listIndexCaseInsensitive,
// _postman_listAllowsMultipleValues); the defaults sit on the prototype.
// How a member parses from text (a header line, a=b) and whether it can be
// updated in place follow its Type (PARSE, NO_UPDATE).
function PropertyList(items, opts) {
    def(this, '__parent', undefined);
    this.members = [];
    defProp(this, 'reference', REFERENCE);
    this.Type = (opts && opts.Item) || Property;
    this._postman_listIndexKey = (opts && opts.keyName) || 'key';
    if (opts && opts.ci) { this._postman_listIndexCaseInsensitive = true; }
    if (opts && opts.multi) { this._postman_listAllowsMultipleValues = true; }
    if (items) { this.populate(items); }
}
PropertyList.prototype = Object.create(PropertyBase.prototype);
def(PropertyList.prototype, 'constructor', PropertyList);
var PL = PropertyList.prototype;
PL._postman_propertyIsList = true;
PL._postman_listIndexKey = 'id';
PL._postman_listIndexCaseInsensitive = false;
PL._postman_listAllowsMultipleValues = false;
var PARSE = new Map(), NO_UPDATE = new Set();
// A list's helpers are functions of their own, not members: Newman's
// lists have none of them (fresh-round8s-a).
// postman-collection indexes a member by String(key), a falsy key not at all.
function norm(l, k) { k = k && String(k); return l._postman_listIndexCaseInsensitive && k ? k.toLowerCase() : k; }
function keyOf(l, item) { return item ? item[l._postman_listIndexKey] : undefined; }
function itemOf(l, x) {
    if (x instanceof PropertyBase) { return x; }
    var parse = PARSE.get(l.Type);
    if (typeof x === 'string' && parse) { return new l.Type(parse(x)); }
    return new l.Type(x);
}
function findKey(l, k) {
    var n = norm(l, k), found;
    for (var i = 0; i < l.members.length; i++) {
        var m = norm(l, keyOf(l, l.members[i]));
        if (m && m === n) { found = l.members[i]; }
    }
    return found;
}
// reference is postman-collection's index of the members by key (lower
// case in a case-insensitive list; a repeated key of a list that allows
// repeats holds an array). Built when read, so it is never out of step.
var REFERENCE = {
    enumerable: true,
    configurable: true,
    get: function () {
        var ref = {}, self = this;
        this.members.forEach(function (m) {
            var k = keyOf(self, m);
            if (k === undefined || k === null || k === '') { return; }
            k = norm(self, k);
            if (self._postman_listAllowsMultipleValues && hasOwn(ref, k)) {
                if (!Array.isArray(ref[k])) { ref[k] = [ref[k]]; }
                ref[k].push(m);
            } else {
                ref[k] = m;
            }
        });
        return ref;
    }
};
// As postman-collection's: add makes a member of its argument; insert,
// append, prepend and insertAfter take an object as it is (a plain one
// stays plain, toObject then lists it whole) and move one already listed.
PL.add = function (x) { if (x === undefined || x === null || x !== x) { return; } this.insert(itemOf(this, x)); };
PL.append = function (x) { this.insert(x); };
PL.prepend = function (x) { this.insert(x, this.idx(0)); };
PL.insert = function (x, before) {
    if (x === null || (typeof x !== 'object' && typeof x !== 'function')) { return; }
    var d = this.members.indexOf(x), i;
    if (d > -1) { this.members.splice(d, 1); }
    // A member knows its list, as postman-collection's (hidden __parent).
    def(x, '__parent', this);
    i = before ? this.indexOf(before) : -1;
    if (i > -1) { this.members.splice(i, 0, x); } else { this.members.push(x); }
};
PL.insertAfter = function (x, after) { this.insert(x, this.idx(this.indexOf(after) + 1)); };
PL.populate = function (items) {
    // A query list's text splits at '&' (QueryParam.parse), a header list's at line ends.
    if (typeof items === 'string' && PARSE.has(this.Type)) { items = this.Type === QueryParam ? items.split('&') : items.split(/\r?\n/).filter(Boolean); }
    if (!Array.isArray(items)) {
        if (items && typeof items === 'object') {
            var kn = this._postman_listIndexKey;
            items = Object.keys(items).map(function (k) { var o = { value: items[k] }; o[kn] = k; return o; });
        } else { return; }
    }
    for (var i = 0; i < items.length; i++) { this.add(items[i]); }
};
PL.repopulate = function (items) { this.clear(); this.populate(items); };
PL.clear = function () { this.members.length = 0; };
PL.upsert = function (x) {
    if (!x) { return; }
    var it = itemOf(this, x), cur = findKey(this, keyOf(this, it));
    if (cur && NO_UPDATE.has(this.Type)) { throw new Error('collection: unable to upsert into a list of Type that does not support .update()'); }
    // As postman-collection's: the member takes what its update() takes.
    if (cur) { cur.update(x instanceof PropertyBase || typeof x !== 'object' ? it : x); return false; }
    this.insert(it);
    return true;
};
PL.remove = function (pred, ctx) {
    var self = this, match;
    if (typeof pred === 'function') { match = function (m) { return pred.call(ctx, m); }; } else if (pred instanceof PropertyBase) { match = function (m) { return m === pred; }; } else if (pred && typeof pred === 'object') {
        var key = norm(self, keyOf(self, pred));
        match = function (m) { return norm(self, keyOf(self, m)) === key; };
    } else {
        var n = norm(self, pred);
        match = function (m) { return norm(self, keyOf(self, m)) === n; };
    }
    for (var i = this.members.length - 1; i >= 0; i--) { if (match(this.members[i])) { this.members.splice(i, 1); } }
};
PL.one = function (k) { return findKey(this, k); };
PL.get = function (k) { var m = findKey(this, k); return m === undefined ? undefined : m.valueOf(); };
PL.has = function (k, v) {
    if (k && typeof k === 'object') { return this.members.indexOf(k) >= 0; }
    var n = norm(this, k), self = this, withValue = arguments.length > 1;
    return this.members.some(function (m) { return norm(self, keyOf(self, m)) === n && (!withValue || m.value === v); });
};
PL.idx = function (i) { return this.members[i]; };
// A key stands for the member one() finds (the last of that key), as in
// postman-collection.
PL.indexOf = function (x) { return this.members.indexOf(typeof x === 'string' ? this.one(x) : x); };
PL.count = function () { return this.members.length; };
PL.all = function () { return this.members.slice(); };
// The callbacks get what lodash hands them in postman-collection (member,
// index, the members), this as there: each's the context or the list's
// owner (a false return stops it), map's and reduce's the context or the
// list, filter's and find's the context alone.
PL.each = function (fn, ctx) {
    var ms = this.members, t = ctx || this.__parent;
    for (var i = 0; i < ms.length; i++) { if (fn.call(t, ms[i], i, ms) === false) { break; } }
};
PL.filter = function (fn, ctx) { return this.members.filter(fn, ctx); };
PL.find = function (fn, ctx) { return this.members.find(fn, ctx); };
PL.map = function (fn, ctx) { return this.members.map(fn, ctx || this); };
PL.reduce = function (fn, acc, ctx) { var t = ctx || this; return this.members.reduce(function (a, m, i, ms) { return fn.call(t, a, m, i, ms); }, acc); };
PL.eachParent = function () {};
PL.toObject = function (excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
    var o = {}, self = this;
    this.members.forEach(function (m) {
        if (excludeDisabled && m.disabled) { return; }
        var k = keyOf(self, m);
        // A null key counts, as "null" (postman-collection: a=1&&b=2).
        if (k === undefined || (sanitizeKeys && !k)) { return; }
        if (self._postman_listIndexCaseInsensitive && !caseSensitive) { k = String(k).toLowerCase(); }
        var v = m.valueOf();
        if ((multiValue || self._postman_listAllowsMultipleValues) && hasOwn(o, k)) {
            o[k] = [].concat(o[k], v);
        } else { o[k] = v; }
    });
    return o;
};
// A list whose members cannot unparse (form data, variables) recurses
// into its own toString in postman-collection: V8's overflow.
PL.toString = function () {
    if (this.Type.unparse) { return this.Type.unparse(this.members); }
    throw new RangeError('Maximum call stack size exceeded');
};
PL.toJSON = function () { return this.members.map(function (m) { return typeof m.toJSON === 'function' ? m.toJSON() : m; }); };
PL.assimilate = function (src, prune) {
    if (prune) { this.clear(); }
    var items = src instanceof PropertyList ? src.members : src;
    (items || []).forEach(function (m) { this.upsert(m); }, this);
};


function parseHeaderLine(s) {
    var i = s.indexOf(':');
    return i < 0 ? { key: s.trim(), value: '' } : { key: s.slice(0, i).trim(), value: s.slice(i + 1).trim() };
}
// Header is postman-collection's header property (its own class, so it
// carries Postman's constructor name).
// Like postman-collection's, it takes disabled and description, then key
// (falsy ones read ''), value ('' when left out; null and other types
// kept), system and disabled, and nothing else.
function Header(o, name) {
    if (typeof o === 'string') { o = typeof name === 'string' ? { key: name, value: o } : parseHeaderLine(o); }
    o = o || {};
    if (o.id) { this.id = o.id; }
    if (o.name) { this.name = o.name; }
    if (hasOwn(o, 'disabled')) { this.disabled = !!o.disabled; }
    if (hasOwn(o, 'description')) { this.description = describe(o.description); }
    this.update(o);
}
// describe is postman-collection's Description of d: text is {content, type:
// text/plain}; an object (an array too) gives its content and type
// (text/plain when none); another truthy value is the content; a falsy one
// leaves both undefined.
function describe(d) {
    if (typeof d === 'string') { return new PostmanPropertyDescription(d, 'text/plain'); }
    if (d !== null && (typeof d === 'object' || typeof d === 'function')) { return new PostmanPropertyDescription(d.content, d.type || 'text/plain'); }
    return d ? new PostmanPropertyDescription(d, 'text/plain') : new PostmanPropertyDescription(undefined, undefined);
}
// PostmanPropertyDescription is postman-collection's Description (its
// constructor name, as Newman and Postman CLI show it): content and type,
// printing as its content.
function PostmanPropertyDescription(content, type) { this.content = content; this.type = type; }
PostmanPropertyDescription.prototype.toString = function () { return this.content || ''; };
PostmanPropertyDescription.prototype.toJSON = function () { return { content: this.content, type: this.type }; };
itemClass(Header);
Header.prototype.update = function (o) {
    this.key = o.key || '';
    this.value = o.value === undefined ? '' : o.value;
    ['system', 'disabled'].forEach(function (k) { if (hasOwn(o, k)) { this[k] = o[k]; } }, this);
};
// A header list prints as postman-collection's Header.unparse: each enabled
// header as "key: value" followed by CRLF.
Header.unparse = function (list, sep) {
    sep = sep === undefined ? '\r\n' : sep;
    return list.reduce(function (acc, h) { return h && !h.disabled ? acc + h.key + ': ' + h.value + sep : acc; }, '');
};
withItem(Header);
PARSE.set(Header, parseHeaderLine);
// Postman's header and cookie lists are HeaderList and CookieList, classes
// its bundler renamed 'a'.
var HEADERS = { ci: true, multi: true, Item: Header };
function HeaderList(items) { PropertyList.call(this, items, HEADERS); }
itemClass(HeaderList, PropertyList);
function headerList(items) { return new HeaderList(items); }

// QueryParam is postman-collection's: its value reads back as a string (''
// for a key without value) and it prints with &, # (and = in keys) encoded.
// Its own members are postman-collection's: id and name when given,
// disabled, description (a Description, as a header's), key, value and
// system; nothing else.
function QueryParam(o) {
    if (o && typeof o === 'object') {
        // Members named _x are postman-collection's meta: {_: {x}}.
        for (var k in o) { if (k[0] === '_' && k.length > 1) { (this._ = this._ || {})[k.slice(1)] = o[k]; } }
        if (o.id) { this.id = o.id; }
        if (o.name) { this.name = o.name; }
        if (hasOwn(o, 'disabled')) { this.disabled = !!o.disabled; }
        if (hasOwn(o, 'description')) { this.description = describe(o.description); }
    }
    this.update(o);
}
itemClass(QueryParam);
QueryParam.prototype.valueOf = function () { return typeof this.value === 'string' ? this.value : ''; };
QueryParam.prototype.toString = function () { return QueryParam.unparseSingle(this); };
QueryParam.prototype.update = function (o) {
    if (typeof o === 'string') { o = parseQueryParam(o); }
    this.key = o ? o.key : undefined;
    this.value = o ? o.value : undefined;
    if (hasOwn(Object(o), 'system')) { this.system = o.system; }
};
function encodeReserved(str, equals) {
    if (!str || typeof str !== 'string') { return str; }
    var out = '', last = 0, re = /{{[^{}]*[&#=][^{}]*}}/g, m;
    function enc(t) { t = t.replace(/&/g, '%26').replace(/#/g, '%23'); return equals ? t.replace(/=/g, '%3D') : t; }
    while ((m = re.exec(str)) !== null) { out += enc(str.slice(last, m.index)) + m[0]; last = m.index + m[0].length; }
    return out + enc(str.slice(last));
}
QueryParam.unparseSingle = function (p) {
    if (!p) { return ''; }
    var s = typeof p.key === 'string' ? encodeReserved(p.key, true) : '';
    if (typeof p.value === 'string') { s += '=' + encodeReserved(p.value); }
    return s;
};
QueryParam.unparse = function (params) {
    return (params || []).filter(function (p) { return p && p.disabled !== true; }).map(QueryParam.unparseSingle).join('&');
};
// A query list takes "k=v" strings too (query.add('a=1')), as QueryParam parses them.
function parseQueryParam(p) { var i = p.indexOf('='); return i < 0 ? { key: p, value: null } : { key: p.slice(0, i), value: p.slice(i + 1) }; }
withItem(QueryParam);
PARSE.set(QueryParam, parseQueryParam);
function queryList(items) { return new PropertyList(items, { multi: true, Item: QueryParam }); }

// Variable is postman-collection's Variable as auth parameters and a
// scope's values hold it; a VariableList holds Variables (url.variables,
// auth.parameters(), pm.environment.values).
function Variable(o) { Property.call(this, o); }
itemClass(Variable);
withItem(Variable);
var VARIABLES = { Item: Variable };
function VariableList(items, Item) { PropertyList.call(this, items, Item ? { Item: Item } : VARIABLES); }
itemClass(VariableList, PropertyList);
// FormParam is a form-data row: it has no update(), so upserting onto one
// throws, as postman-collection's does.
// Its own members are postman-collection's (key and value '' when absent),
// then any other field the row has.
function FormParam(o) {
    o = o || {};
    if (o.id) { this.id = o.id; }
    if (o.name) { this.name = o.name; }
    if (hasOwn(o, 'disabled')) { this.disabled = o.disabled; }
    // A Description, as a header's (Newman and Postman CLI alike).
    if (hasOwn(o, 'description')) { this.description = describe(o.description); }
    this.key = o.key || '';
    // The newer runtime (v12 runs) leaves out a value the row has none of
    // (a file row); postman-collection 4 reads it ''.
    if (!(host.currentSandbox && o.value === undefined)) { this.value = o.value || ''; }
    this.type = o.type;
    this.src = o.src;
    this.contentType = o.contentType;
    this.fileName = o.fileName;
    for (var k in o) { if (hasOwn(o, k) && !hasOwn(this, k)) { this[k] = o[k]; } }
}
itemClass(FormParam);
withItem(FormParam);
delete FormParam.prototype.update;
NO_UPDATE.add(FormParam);

// ---- Url ---------------------------------------------------------------------
function parseQuery(s) {
    if (!s) { return []; }
    return s.split('&').map(function (p) {
        var i = p.indexOf('=');
        return i < 0 ? { key: p, value: null } : { key: p.slice(0, i), value: p.slice(i + 1) };
    });
}
// parseUrl splits a URL as postman-url-encoder's parser does
// (js/parts/url-parse.js, compiled on first use: most URLs come split).
var urlParsePart;
function parseUrl(raw) { return (urlParsePart || (urlParsePart = host.part('url-parse')()))(raw, parseQuery); }
function Url(x) {
    var text = typeof x === 'string';
    if (text || x === undefined || x === null) { x = parseUrl(x || ''); } else if (x && !(x.host && x.host.length) && x.raw) {
        var p = parseUrl(x.raw);
        if (x.variable) { p.variable = x.variable; }
        x = p;
    }
    // Own members in postman-collection's order (Object.keys(url)).
    this.auth = x.auth || undefined;
    this.protocol = x.protocol || undefined;
    // "h:/p" has the port '' (toString writes the ':' back).
    this.port = x.port || (text && x.port === '' ? '' : undefined);
    // No path is none (undefined), as postman-collection leaves it; '' too.
    this.path = Array.isArray(x.path) ? x.path.slice() : (x.path ? String(x.path).replace(/^\//, '').split('/') : undefined);
    // '' is a hash (a bare '#'), apart from none.
    this.hash = x.hash === null ? undefined : x.hash;
    // No host is none (undefined), as postman-collection's parser leaves it.
    this.host = Array.isArray(x.host) ? x.host.slice() : (x.host ? String(x.host).split('.') : undefined);
    this.query = owned(queryList(Array.isArray(x.query) ? x.query : parseQuery(typeof x.query === 'string' ? x.query : '')), this);
    this.variables = owned(new VariableList(x.variable || x.variables || [], UrlVariable), this);
}
// UrlVariable is postman-collection's Variable as a URL holds it: disabled
// and description first, then type ('any' when none), value (none when
// left out) and key, the order JSON.stringify shows.
function UrlVariable(o) {
    o = o || {};
    if (o.id) { this.id = o.id; }
    if (o.name) { this.name = o.name; }
    if (o.disabled !== undefined) { this.disabled = o.disabled; }
    if (o.description !== undefined) { this.description = o.description; }
    this.type = o.type || 'any';
    if (o.value !== undefined) { this.value = o.value; }
    this.key = o.key;
    for (var k in o) { if (hasOwn(o, k) && !(k in this)) { this[k] = o[k]; } }
}
itemClass(UrlVariable, Variable);
Url.parse = parseUrl;
Url.isUrl = function (o) { return o instanceof Url; };
var U = Url.prototype;
U.getHost = function () { return this.host ? this.host.join('.') : ''; };
U.getPath = function (unresolved) {
    var vars = this.variables, segs = (this.path || []).map(function (s) {
        if (!unresolved && typeof s === 'string' && s[0] === ':') {
            // The name ends at a "." (":name.json" keeps ".json").
            var d = s.indexOf('.'), k = s.slice(1, d < 0 ? undefined : d), v = k && vars.one(k);
            if (v && v.value && typeof v.value === 'string') { return v.value + s.slice(1 + k.length); }
        }
        return s;
    });
    return '/' + segs.join('/');
};
U.getQueryString = function () { return QueryParam.unparse(this.query.members); };
U.getPathWithQuery = function () { var q = this.getQueryString(); return this.getPath() + (q ? '?' + q : ''); };
U.getRemote = function (forcePort) {
    var port = this.port || (forcePort ? (this.protocol === 'https' ? '443' : '80') : '');
    return this.getHost() + (port ? ':' + port : '');
};
U.getRaw = function () { throw new Error('`Url#getRaw` has been discontinued, use `Url#toString` instead.'); };
U.toString = function (forceProtocol) {
    var s = '';
    if (this.protocol) { s += /:\/\/$/.test(this.protocol) ? this.protocol : this.protocol + '://'; } else if (forceProtocol) { s += 'http://'; }
    var a = this.auth, c = a && typeof a.user === 'string' ? a.user : undefined;
    if (a && typeof a.password === 'string') { c = (c || '') + ':' + a.password; }
    if (typeof c === 'string') { s += c + '@'; }
    s += this.getHost();
    if (this.port != null) { s += ':' + this.port; } // '' and 0 too
    if (this.path && this.path.length) { s += this.getPath(); }
    var q = this.getQueryString();
    // An enabled row that prints empty ({key: ''}, from 'https://?') still
    // writes the '?', as postman-collection's toString does.
    if (q || this.query.members.some(function (p) { return !(p && p.disabled); })) { s += '?' + q; }
    // Any string hash prints, an empty one as a bare '#', as postman-collection does.
    if (typeof this.hash === 'string') { s += '#' + this.hash; }
    return s;
};
U.update = function (x) { Url.call(this, x); };
U.addQueryParams = function (params) {
    if (typeof params === 'string') { params = parseQuery(params); }
    [].concat(params || []).forEach(function (p) { this.query.add(p); }, this);
};
U.removeQueryParams = function (params) {
    [].concat(params || []).forEach(function (p) { this.query.remove(typeof p === 'object' ? p.key : p); }, this);
};
U.getOAuth1BaseUrl = function () { var p = this.protocol || 'http', n = this.port ? String(this.port) : '80', h = this.getHost(); return (/:\/\/$/.test(p) ? p : p + '://').toLowerCase() + (n === '80' || n === '443' ? h : h + ':' + n).toLowerCase() + this.getPath(); };
U.toJSON = function () {
    var o = {};
    if (this.protocol) { o.protocol = this.protocol; }
    if (this.auth) { o.auth = this.auth; }
    if (this.port) { o.port = this.port; }
    if (this.path) { o.path = this.path.slice(); }
    if (this.hash !== undefined) { o.hash = this.hash; } // postman-collection's order
    if (this.host) { o.host = this.host.slice(); }
    o.query = this.query.toJSON();
    o.variable = this.variables.toJSON();
    return o;
};

// ---- Request -----------------------------------------------------------------
// Every member is own, undefined when the body has none, in
// postman-collection's order (Object.keys(body)).
function RequestBody(b) {
    b = b || {};
    this.mode = b.mode;
    this.raw = b.raw;
    // QueryParam and FormParam allow repeated keys: toObject() collects them.
    this.urlencoded = b.urlencoded ? owned(new PropertyList(b.urlencoded, { Item: QueryParam, multi: true }), this) : undefined;
    this.formdata = b.formdata ? owned(new PropertyList(b.formdata, { multi: true, Item: FormParam }), this) : undefined;
    // A file body that names no file shows an empty object, as Newman's.
    this.file = b.file !== undefined ? (typeof b.file === 'string' ? (b.file ? { src: b.file } : {}) : b.file) : undefined;
    this.graphql = b.graphql ? { query: b.graphql.query, operationName: b.graphql.operationName, variables: b.graphql.variables } : undefined;
    this.options = b.options || (b.language ? { raw: { language: b.language } } : undefined);
    this.disabled = b.disabled ? true : undefined;
}
// update replaces the whole body, as postman-collection assigns every field:
// update('text') leaves no language option behind (the body goes out as
// text/plain).
RequestBody.prototype.update = function (b) {
    if (typeof b === 'string') { b = { mode: 'raw', raw: b }; }
    if (!b || !b.mode) { return; }
    var self = this;
    ['raw', 'urlencoded', 'formdata', 'file', 'graphql', 'options', 'disabled'].forEach(function (k) { if (k in self) { self[k] = undefined; } });
    RequestBody.call(this, b);
};
RequestBody.prototype.isEmpty = function () {
    var m = this.mode;
    if (!m || !this[m]) { return true; }
    if (this[m] instanceof PropertyList) { return this[m].count() === 0; }
    return typeof this[m] === 'string' ? this[m].length === 0 : false;
};
RequestBody.prototype.toString = function () {
    if (this.mode === 'raw') { return this.raw || ''; }
    if (this.mode === 'urlencoded' && this.urlencoded) {
        return QueryParam.unparse(this.urlencoded instanceof PropertyList ? this.urlencoded.members : this.urlencoded);
    }
    return '';
};
// toJSON gives the body's own members as postman-collection holds them
// (mode, raw, urlencoded, formdata, file, graphql, options, disabled; lists
// as plain arrays), an options block kept as it is.
RequestBody.prototype.toJSON = function () {
    var o = {}, self = this;
    ['mode', 'raw', 'urlencoded', 'formdata', 'file', 'graphql', 'options', 'disabled'].forEach(function (k) {
        var v = self[k];
        if (v === undefined) { return; }
        o[k] = v instanceof PropertyList ? plainList(v) : v;
    });
    return o;
};
function plainList(l) {
    if (!l) { return undefined; }
    var arr = l instanceof PropertyList ? l.members : l;
    return arr.map(function (m) { return typeof m.toJSON === 'function' ? m.toJSON() : m; });
}
function plainBody(b) {
    if (!b || typeof b !== 'object') { return typeof b === 'string' ? { mode: 'raw', raw: b } : undefined; }
    var o = { mode: b.mode };
    if (b.raw !== undefined) { o.raw = typeof b.raw === 'string' ? b.raw : JSON.stringify(b.raw); }
    if (b.urlencoded) { o.urlencoded = plainList(b.urlencoded); }
    if (b.formdata) { o.formdata = plainList(b.formdata); }
    if (b.file) { o.file = typeof b.file === 'string' ? b.file : b.file.src; }
    if (b.graphql) { o.graphql = { query: b.graphql.query, operationName: b.graphql.operationName, variables: b.graphql.variables }; }
    if (b.options && b.options.raw && b.options.raw.language) { o.language = b.options.raw.language; }
    if (b.language) { o.language = b.language; }
    if (b.disabled) { o.disabled = true; }
    return o;
}
// Auth parameters are postman-collection Variables: type, value, key, and
// system: true on the ones the runtime set (a digest challenge's nonce,
// realm...). They come as a list or, as postman-collection also takes
// them, as an object of key: value.
function authVars(v) {
    return new VariableList(Array.isArray(v) ? v.map(function (p) { var o = { type: p.type || 'any', value: p.value, key: p.key }; if (p.system) { o.system = true; } return o; }) : Object.keys(v).map(function (k) { return { type: 'any', value: v[k], key: k }; }));
}
// The selected type's list first, then every other member that is an
// object (another type's list), as postman-collection keeps them.
function RequestAuth(a) {
    a = a || {};
    var t = this.type = a.type, self = this;
    if (t) { this[t] = authVars(a[t] && typeof a[t] === 'object' ? a[t] : a.params || {}); }
    Object.keys(a).forEach(function (k) { if (k !== 'type' && k !== t && k !== 'params' && a[k] && typeof a[k] === 'object') { self[k] = authVars(a[k]); } });
}
RequestAuth.prototype.parameters = function () { return this[this.type]; };
// The members that change an auth (use, update, clear, current) and
// Request#authorizeUsing are in js/parts/request-auth.js, compiled on first
// use: few scripts switch auth.
function authPart() { return b.part('request-auth', { PropertyList: PropertyList, VariableList: VariableList, RequestAuth: RequestAuth, RequestBody: RequestBody, Url: Url, Property: Property, host: host }); }
['current', 'use', 'update', 'clear'].forEach(function (n) {
    RequestAuth.prototype[n] = function () { return authPart()[n].apply(this, arguments); };
});
// Every type's parameters that the auth holds are listed (a script that
// switched types leaves the earlier lists), in the order they were made.
RequestAuth.prototype.toJSON = function () {
    var o = { type: this.type }, self = this;
    Object.keys(this).forEach(function (k) {
        if (k !== 'type' && self[k] instanceof PropertyList) { o[k] = plainList(self[k]); }
    });
    return o;
};
function plainAuthList(type, list) {
    var params = {}, types = {}, literal = {};
    if (list instanceof PropertyList) {
        list.members.forEach(function (p) {
            if (p.value === undefined || p.value === null || typeof p.value === 'string') {
                params[p.key] = p.value === undefined ? '' : p.value;
            } else {
                params[p.key] = JSON.stringify(p.value);
                literal[p.key] = true;
            }
            if (p.type && p.type !== 'any') { types[p.key] = p.type; }
        });
    } else if (Array.isArray(list)) { list.forEach(function (p) { params[p.key] = String(p.value); }); }
    return { type: type, params: params, order: Object.keys(params), types: types, literal: literal };
}
// plainAuth is the auth as the Go side reads it back: the selected type's
// parameters, and the lists of the other types in the auth's order.
function plainAuth(a) {
    if (!a || !a.type) { return undefined; }
    var o = plainAuthList(a.type, a[a.type]);
    o.others = Object.keys(a).filter(function (k) { return k !== 'type' && k !== a.type && a[k] instanceof PropertyList; }).map(function (k) { return plainAuthList(k, a[k]); });
    return o;
}

function Request(d) {
    if (typeof d === 'string') { d = { url: d }; }
    d = d || {};
    // Own members in postman-collection's order, plain data as there: url,
    // headers, method, then body only when there is one (an assigned body
    // is added then). A url or body assigned in a script stays as it is
    // until the script ends (a string reads back as that string, with no
    // Url or RequestBody methods), as in Newman; the runtime reads it when
    // the request is sent (fresh-round10s-b). A Property's own id, name
    // and description come before them (fresh-round13c-f).
    if (d.id) { this.id = d.id; }
    if (d.name) { this.name = d.name; }
    if (d.description) { this.description = describe(d.description); }
    this.url = new Url(d.url);
    var hdr = d.header || d.headers;
    this.headers = hdr instanceof PropertyList ? hdr : owned(headerList(hdr || []), this);
    this.method = (d.method || 'GET').toUpperCase();
    if (d.body) { this.body = toBody(d.body); }
    if (d.auth) { this.auth = new RequestAuth(d.auth); }
    if (d.proxy) { this.proxy = authPart().proxy(d.proxy); }
}
function toBody(v) { return v instanceof RequestBody || v === undefined || v === null ? v : new RequestBody(typeof v === 'string' ? { mode: 'raw', raw: v } : v); }
Request.isRequest = isRequest;
var R = Request.prototype;
// As postman-collection: the list's toObject, so repeats (in the case
// asked) are arrays whether or not multiValue is given.
R.getHeaders = function (o) { o = o || {}; return this.headers.toObject(o.enabled, !o.ignoreCase, o.multiValue, o.sanitizeKeys); };
R.forEachHeader = function (fn) { this.headers.members.forEach(function (h) { fn(h, this); }, this); };
R.addHeader = function (h) { this.headers.add(h); };
// Unlike headers.upsert, the key matches in its own case, and only the
// value changes (postman-collection's Request#upsertHeader).
R.upsertHeader = function (h) {
    if (!(h && h.key)) { return; }
    var cur = this.headers.members.find(function (m) { return m.key === h.key; });
    if (!cur) { return this.headers.add(h); }
    cur.value = h.value;
};
R.removeHeader = function (h, opts) {
    // Case-sensitive unless asked, as postman-collection's removeHeader.
    var key = typeof h === 'object' ? h.key : h, ci = !!(opts && opts.ignoreCase);
    for (var i = this.headers.members.length - 1; i >= 0; i--) {
        var k = this.headers.members[i].key;
        if (ci ? String(k).toLowerCase() === String(key).toLowerCase() : k === key) { this.headers.members.splice(i, 1); }
    }
};
R.addQueryParams = function (p) { this.url.addQueryParams(p); };
R.removeQueryParams = function (p) { this.url.removeQueryParams(p); };
R.authorizeUsing = function () { return authPart().authorizeUsing.apply(this, arguments); };
R.update = function (o) { return authPart().requestUpdate.call(this, o); };
// As postman-collection sizes it: a numeric Content-Length is the body's
// size, else the body's UTF-8 bytes; the head is the request line (with a
// placeholder version) and the header rows.
R.size = function () {
    var n = this.headers.get('Content-Length'), s = { body: 0, header: 0, total: 0, source: 'COMPUTED' };
    if (n && !isNaN(parseFloat(n)) && isFinite(n)) { s.body = parseInt(n, 10); s.source = 'CONTENT-LENGTH'; } else if (this.body) {
        // Buffer.byteLength: a lone surrogate is the replacement character's 3 bytes.
        for (var t = this.body.toString(), i = 0, c; i < t.length; i++) {
            c = t.charCodeAt(i);
            s.body += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xD800 && c < 0xDC00 && (t.charCodeAt(i + 1) & 0xFC00) === 0xDC00 ? (i++, 4) : 3;
        }
    }
    s.header = (this.method + ' ' + this.url.getPathWithQuery() + ' HTTP/X.X\r\n\r\n').length + (this.headers.count() ? this.headers.toString().length : 0);
    s.total = (s.body || 0) + s.header;
    return s;
};
// An empty header list is left out, as in Newman.
// The description leads, as it is the first own member.
R.toJSON = function () {
    var o = {};
    if (this.description) { o.description = this.description; }
    o.url = this.url instanceof Url ? this.url.toJSON() : this.url;
    if (this.headers.count()) { o.header = this.headers.toJSON(); }
    o.method = this.method;
    if (this.body) { o.body = this.body instanceof RequestBody ? this.body.toJSON() : plainBody(this.body); }
    if (this.auth) { o.auth = this.auth instanceof RequestAuth ? this.auth.toJSON() : this.auth; }
    if (this.proxy) { o.proxy = this.proxy; }
    return o;
};
R.clone = function () { return new Request(Object.assign(this.toJSON(), { url: this.url.toString() })); };

// plainGraphQL is a GraphQL body for the Go side: its members as they are
// (JSON leaves out the undefined ones; collections reads the rest as a
// collection file's).
function plainGraphQL(g) { return { query: g.query, operationName: g.operationName, variables: g.variables }; }

// plainHeader is a header row for the Go side. A value that is not a string
// travels as itself (typed): Postman keeps it, sends its text and shows it
// to later scripts; a function arrives as {}, as through the sandbox's
// serializer.
function plainHeader(h) {
    var v = h.value, t = v === null ? null : typed(v), o = { key: String(h.key), value: typeof v === 'string' ? v : '', disabled: h.disabled };
    if (t !== undefined) { o.typed = t; } else if (v !== undefined) { o.value = String(v); }
    // As JSON carries it (collections reads it as a file's description).
    if (h.description !== undefined) { o.description = h.description; }
    return rowMeta(o, h);
}
// rowMeta carries, as given, a row's id and name (when truthy) and system
// member, and whether it has its own disabled member (false too):
// postman-collection's Property keeps them (collections.RowMeta).
function rowMeta(o, p) {
    if (p.id) { o.id = p.id; }
    if (p.name) { o.name = p.name; }
    if (hasOwn(p, 'system')) { o.system = p.system; }
    if (hasOwn(p, 'disabled')) { o.disabledSet = true; }
    return o;
}
// typed is a value that is not a string as it crosses to Go (undefined for
// a string, undefined, null, a bigint or a symbol).
function typed(v) {
    var t = typeof v;
    if (v === null || v === undefined || t === 'string' || t === 'bigint' || t === 'symbol') { return undefined; }
    return t === 'function' ? {} : v;
}

// A path variable with its metadata, for the next script.
function plainPathVariable(v) {
    var o = { key: String(v.key), value: typeof v.value === 'string' ? v.value : (v.value === undefined ? undefined : ''), type: v.type, disabled: !!v.disabled, description: v.description, typed: typed(v.value) }, m = {};
    ['id', 'name', 'disabled', 'system'].forEach(function (k, i) { if (i < 2 ? v[k] : hasOwn(v, k)) { m[k] = v[k]; } });
    if (typeof v.key !== 'string' && v.key) { m.key = v.key; }
    if (Object.keys(m).length) { o.meta = m; }
    return o;
}
function plainRequest(r) {
    var url = r.url instanceof Url ? r.url : new Url(r.url);
    var hdrs = r.headers instanceof PropertyList ? r.headers.members : headerList(r.headers || r.header || []).members;
    var out = {
        method: String(r.method || 'GET').toUpperCase(),
        url: {
            raw: url.toString(), protocol: url.protocol || '', host: (url.host || []).map(String), port: url.port ? String(url.port) : '',
            path: (url.path || []).map(String), hash: typeof url.hash === 'string' ? url.hash : (url.hash === undefined || url.hash === null ? null : String(url.hash)),
            auth: url.auth && url.auth.user !== undefined ? { user: String(url.auth.user), password: url.auth.password === undefined ? null : String(url.auth.password) } : null,
            query: url.query.members.map(function (q) { var o = { key: q.key === null || q.key === undefined ? '' : String(q.key), value: typeof q.value === 'string' ? q.value : null, disabled: !!q.disabled }; if (q.description !== undefined) { o.description = q.description; } return rowMeta(o, q); }),
            // A value that is not a string stays typed and fills no path segment (postman-collection).
            variable: url.variables.members.map(plainPathVariable)
        },
        header: hdrs.map(plainHeader),
        // The newer runtime's request holds a Description ({content, type}).
        description: typeof r.description === 'string' ? r.description : (r.description && typeof r.description.content === 'string' ? r.description.content : '')
    };
    var b = plainBody(r.body);
    if (b && b.graphql) { b.graphql = plainGraphQL(b.graphql); }
    if (b) {
        ['urlencoded', 'formdata'].forEach(function (m) {
            if (b[m]) {
                b[m] = b[m].map(function (p) {
                    var o = { key: String(p.key), value: p.value === undefined || p.value === null ? '' : String(p.value), disabled: !!p.disabled, type: p.type || '' };
                    var t = typed(p.value); if (t !== undefined) { o.typed = t; }
                    // An urlencoded row keeps a value left out or null (its toString() prints the bare key).
                    if (m === 'urlencoded' && (p.value === undefined || p.value === null)) { o.value = p.value === null ? null : undefined; }
                    if (p.src) { o.src = [].concat(p.src).map(String); }
                    if (p.contentType) { o.contentType = p.contentType; }
                    if (p.description !== undefined) { o.description = p.description; }
                    return rowMeta(o, p);
                });
            }
        });
        out.body = b;
    }
    var a = r.auth instanceof RequestAuth ? plainAuth(r.auth) : (r.auth && r.auth.type ? plainAuth(new RequestAuth(r.auth)) : undefined);
    if (a) { out.auth = a; }
    return out;
}

// ---- Response ------------------------------------------------------------------

// Response wraps the plain data d. The header list, cookies and body text
// are built on first use: most scripts read only a part of the response.
// d.header and d.cookies may be arrays or functions returning them.
// A response's own members are postman-collection's, in its order (what
// Object.keys lists): id, _details, status, code, headers, stream, cookies,
// responseTime, responseSize. _details, headers, stream and cookies are
// accessors taken from the prototype (respLazy), made on first read; the
// Go side builds pm.response the same way (responseObject).
function Response(d, textFn, b64Fn) {
    this.id = host.randomUUID();
    defProp(this, '_details', respLazy._details);
    this.status = d.status || native.statusName(d.code) || undefined;
    this.code = d.code;
    defProp(this, 'headers', respLazy.headers);
    // v12 runs: the newer runtime's own body and downloadedBytes
    var v = host.currentSandbox;
    if (v) { ownValue(this, 'body', typeof textFn === 'function' ? textFn() : ''); }
    defProp(this, 'stream', respLazy.stream);
    defProp(this, 'cookies', respLazy.cookies);
    this.responseTime = d.responseTime;
    this.responseSize = d.size;
    if (v) { this.downloadedBytes = d.size; }
    d.textFn = textFn;
    d.b64Fn = b64Fn;
    RDATA.set(this, d);
}
Response.isResponse = isResponse;
var P = Response.prototype;
// A response's data is kept apart (rd), so that no own member shows it:
// chai's failure messages count every own name and symbol.
var RDATA = new WeakMap();
function rd(r) { return RDATA.get(r); }
function ownValue(o, name, v) { defProp(o, name, { value: v, writable: true, configurable: true, enumerable: true }); }
defProp(P, 'headers', {
    configurable: true,
    get: function () {
        var h = rd(this).header;
        h = owned(headerList((typeof h === 'function' ? h() : h) || []), this);
        ownValue(this, 'headers', h);
        return h;
    },
    set: function (v) { ownValue(this, 'headers', v); }
});
defProp(P, 'cookies', {
    configurable: true,
    get: function () {
        var c = rd(this).cookies;
        c = owned(cookieList((typeof c === 'function' ? c() : c) || []), this);
        ownValue(this, 'cookies', c);
        return c;
    },
    set: function (v) { ownValue(this, 'cookies', v); }
});
defProp(P, '_details', {
    configurable: true,
    get: function () { var v = this.details(); ownValue(this, '_details', v); return v; },
    set: function (v) { ownValue(this, '_details', v); }
});
P.text = function () { var d = rd(this); if (d.text === undefined) { d.text = d.textFn(); } return d.text; };
function b64(r) { return rd(r).b64Fn(); }
defProp(P, 'stream', { configurable: true, get: function () { return Buffer.from(b64(this), 'base64'); }, set: function (v) { ownValue(this, 'stream', v); } });
// The own, enumerable forms of the prototype's lazy members.
var respLazy = {};
['_details', 'headers', 'stream', 'cookies'].forEach(function (k) {
    var d = Object.getOwnPropertyDescriptor(P, k);
    respLazy[k] = { get: d.get, set: d.set, enumerable: true, configurable: true };
});
// json parses like postman-collection: through liquid-json, which strips a
// BOM, tries JSON.parse and, on failure, reparses to throw its JSONError
// with line, column and a caret ("Unexpected token '<' at 1:1").
var liquidJSON;
// The sandbox's JSON is liquid-json, as in Postman: a parse that fails
// throws its JSONError with line, column and a caret ("Unexpected token 'b'
// at 1:2"). Text that parses natively costs nothing more. Like liquid-json's
// object, JSON lists parse (three arguments) and stringify (none declared)
// as enumerable own members (Object.keys, for-in, console.log: Newman 6.2.2
// and Postman CLI 1.34 alike, fresh-round14t-e).
(function () {
    var nativeParse = JSON.parse, inLiquid = false;
    defProp(JSON, 'parse', {
        configurable: true, writable: true, enumerable: true,
        value: function parse(text, reviver, strict) {
            try { return nativeParse(text, reviver); } catch (e) {
                // liquid-json itself tries JSON.parse first.
                if (inLiquid) { throw e; }
                liquidJSON = liquidJSON || host.require('json');
                inLiquid = true;
                try { return liquidJSON.parse(text, reviver); } finally { inLiquid = false; }
            }
        }
    });
    defProp(JSON, 'stringify', { enumerable: true });
    defProp(JSON.stringify, 'length', { value: 0 });
})();
P.json = function (reviver, strict) {
    var t = this.text();
    if (t === undefined) {
        // No response at all: V8's message for JSON.parse(undefined).
        var e = new Error('"undefined" is not valid JSON');
        e.name = 'JSONError';
        throw e;
    }
    try { return JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t, reviver); } catch (e) { /* reported below */ }
    liquidJSON = liquidJSON || host.require('json');
    return liquidJSON.parse(t, reviver, strict);
};
P.jsonp = function (reviver) {
    var t = this.text().trim(), m = /^[\w$.]+\s*\(([\s\S]*)\)\s*;?$/.exec(t);
    var self = Object.create(this);
    RDATA.set(self, Object.assign({}, rd(this), { text: m ? m[1] : t }));
    return P.json.call(self, reviver);
};
P.reason = function () { return this.status; };
// details is postman-collection's: the server's reason as name, then the
// http-reasons table's description and standard name.
P.details = function () {
    var r = native.httpReason(Number(this.code)), o = {};
    o.name = this.status || (r ? r[0] : undefined);
    if (r) { o.detail = r[1]; }
    o.code = this.code;
    o.standardName = r ? r[0] : undefined;
    if (o.name === undefined) { delete o.name; }
    if (o.standardName === undefined) { delete o.standardName; }
    return o;
};
// size and contentInfo, and the media type table contentInfo reads, are in
// js/parts/response-info.js, compiled on first use.
function infoPart() { return b.part('response-info', { native: native, hasOwn: hasOwn, v12: host.currentSandbox }); }
P.size = function () { return infoPart().size.call(this); };
P.contentInfo = function () { return infoPart().contentInfo.call(this); };
P.mime = function () { throw new Error('`Response#mime` has been discontinued, use `Response#contentInfo` instead.'); };
P.encoding = function () {
    var ce = this.headers.get('content-encoding');
    return { format: ce || undefined, source: ce ? 'header' : undefined };
};
P.dataURI = function () { return 'data:' + this.contentInfo().contentType + ';base64, ' + b64(this); };
// failedResponse is pm.response (or a pm.sendRequest callback's response)
// after the request errored, as Newman has it: a fresh id, but no code,
// status, time, size or body.
function failedResponse() {
    var r = new Response({ header: [], cookies: [], failed: true }, function () { return undefined; }, function () { return ''; });
    delete r.status;
    delete r.code;
    delete r.responseTime;
    delete r.responseSize;
    // Newman's failed response has no stream at all, not an empty one.
    Object.defineProperty(r, 'stream', { value: undefined, writable: true, enumerable: false, configurable: true });
    return r;
}
P.toJSON = function () {
    if (rd(this).failed) { return { id: this.id, header: [], cookie: [] }; }
    var o = { id: this.id, status: this.status, code: this.code, header: this.headers.toJSON() };
    if (host.currentSandbox) { o.body = this.body; }
    Object.assign(o, { stream: { type: 'Buffer', data: Array.from(this.stream) }, cookie: this.cookies.toJSON(), responseTime: this.responseTime, responseSize: this.responseSize });
    if (host.currentSandbox) { o.downloadedBytes = this.downloadedBytes; }
    return o;
};

// Cookie is postman-collection's Cookie as the sandbox builds it from the
// jar's plain data d: fields in Postman's order, expires a Date or null,
// maxAge 0 when absent, the value kept URI-encoded (get() decodes it).
function Cookie(d) {
    if (d === undefined || d === null) { return; }
    if (typeof d === 'string') { d = cookieText().parse(d); }
    this.name = d.name !== undefined ? d.name : d.key;
    this.expires = d.expires === null || d.expires === undefined ? (d.expires === null ? null : undefined) : (typeof d.expires === 'number' || typeof d.expires === 'string' ? new Date(d.expires) : d.expires);
    if (hasOwn(d, 'maxAge')) { this.maxAge = Number(d.maxAge); }
    this.domain = d.domain;
    this.path = d.path;
    if (hasOwn(d, 'secure')) { this.secure = Boolean(d.secure); }
    if (hasOwn(d, 'httpOnly')) { this.httpOnly = Boolean(d.httpOnly); }
    if (hasOwn(d, 'hostOnly')) { this.hostOnly = Boolean(d.hostOnly); }
    this.value = d.value ? ensureEncoded(String(d.value)) : undefined;
    if (d.extensions) { this.extensions = d.extensions; }
    var self = this;
    Object.keys(this).forEach(function (k) { if (self[k] === undefined) { delete self[k]; } });
}
// A cookie is a PropertyBase, not a PostmanProperty, as in postman-collection.
itemClass(Cookie, PropertyBase);
function ensureEncoded(v) {
    try { v = decodeURIComponent(v); } catch (e) { /* keep as is */ }
    try { return encodeURIComponent(v); } catch (e) { return v; }
}
// cookieText is js/parts/cookie-text.js.
var cookieTextPart;
function cookieText() { return cookieTextPart || (cookieTextPart = host.part('cookie-text')()); }
Cookie.prototype.valueOf = function () { try { return decodeURIComponent(this.value); } catch (e) { return this.value; } };
Cookie.prototype.toString = function () { return cookieText().toString(this); };
Cookie.isCookie = function (c) { return c instanceof Cookie; };
// A cookie list prints as a Cookie header does: name=value pairs.
Cookie.unparse = function (list) {
    return list.map(function (c) {
        var v = c.value === undefined || c.value === null ? '' : c.value;
        return c.name ? c.name + '=' + v : v;
    }).join('; ');
};

// A CookieList, as postman-collection's: indexed by name, case-insensitive,
// repeats allowed (toObject() gives a lower-case key, an array for a name
// the jar holds on several paths).
var COOKIES = { keyName: 'name', ci: true, multi: true, Item: Cookie };
function CookieList(items) { PropertyList.call(this, items, COOKIES); }
itemClass(CookieList, PropertyList);
function cookieList(items) {
    var l = new CookieList([]);
    items.forEach(function (c) { l.insert(c instanceof Cookie ? c : new Cookie(c)); });
    return l;
}

// pm.response.to exists, a pm.sendRequest response's does not: Postman
// adds it to pm.response alone, as an own member (not enumerable). PR, a
// layer over Response's prototype, holds its accessor for the Go side
// (responseObject), which gives pm.response Response's prototype.
// pm.request's to is its own too (the bootstrap's ownTo): another Request
// has none, as postman-collection's (fresh-round8s-a).
withItem(Cookie);
[Request, Response, RequestAuth].forEach(function (C) { Object.setPrototypeOf(C.prototype, Property.prototype); });
[Url, RequestBody].forEach(function (C) { Object.setPrototypeOf(C.prototype, PropertyBase.prototype); });
var nameDesc = { value: '', configurable: true };
[[PropertyBase, 'e'], [Property, 'PostmanProperty'], [HeaderList, 'a'], [CookieList, 'a'], [VariableList, 'PostmanVariableList'],
    [Variable, 'PostmanVariable'], [UrlVariable, 'PostmanVariable'], [FormParam, 'PostmanFormParam']].forEach(function (c) {
    nameDesc.value = c[1];
    defProp(c[0], 'name', nameDesc);
});
var PR = Object.create(P);
defProp(PR, 'to', { configurable: true, get: function () { return new Expectation(this); } });

// classes are ours by postman-collection's names (js/parts/sdk-classes.js).
var classes = {}, classNames = 'PropertyBase Property PropertyList HeaderList CookieList VariableList Variable FormParam Request Url Header QueryParam Response Cookie RequestBody RequestAuth'.split(' ');
[PropertyBase, Property, PropertyList, HeaderList, CookieList, VariableList, Variable, FormParam, Request, Url, Header, QueryParam, Response, Cookie, RequestBody, RequestAuth].forEach(function (C, i) {
    classes[classNames[i]] = C;
});
return { classes: classes, Cookie: Cookie, Header: Header, PR: PR, withData: function (r, d) { RDATA.set(r, d); return r; }, Property: Property, PropertyList: PropertyList, VariableList: VariableList, QueryParam: QueryParam, Request: Request, RequestAuth: RequestAuth, RequestBody: RequestBody, Response: Response, Url: Url, cookieList: cookieList, failedResponse: failedResponse, plainRequest: plainRequest };
})
