// The prototypes of the postman-collection shapes as Newman 6.2.2's sandbox
// has them (fresh-round8s-a.json): each prototype's enumerable members in
// postman-collection's order, so for-in walks the same keys in the same
// order (own members, then each prototype's); the members courier lacked
// (describe, meta, forEachParent...); and each method's shape: its name, its
// length, and, for the bundle's sloppy functions, own arguments, caller and
// prototype (js/parts/fn-shapes.js, which b.fns feeds). Made when a script
// could see them (mayMeetPrototypes in fnshapes.go): rebuilding the
// prototypes costs allocations most runs never need. A member courier has
// and postman-collection has not stays, not enumerable.
(function (b) {
'use strict';
var C = b.classes, defProp = Object.defineProperty, protoOf = Object.getPrototypeOf, hasOwn = Function.call.bind(Object.prototype.hasOwnProperty);
var desc = { value: undefined, writable: true, enumerable: true, configurable: true };
function put(o, k, v) { desc.value = v; defProp(o, k, desc); desc.value = undefined; }
function parentOf(x) { return x && typeof x.parent === 'function' ? x.parent() : undefined; }
// vars is a list's (or a scope's) variables as an object of their values.
function vars(list) { return list && typeof list.toObject === 'function' ? list.toObject() : {}; }
function substitute(s, values) {
    return typeof s !== 'string' ? s : s.replace(/\{\{([^{}]+)\}\}/g, function (m, k) { return hasOwn(values, k) ? String(values[k]) : m; });
}
// The members courier lacked, as postman-collection's behave.
var MORE = {
    forEachParent: function (options, iterator) {
        if (typeof options === 'function') { iterator = options; options = {}; }
        if (typeof iterator !== 'function' || !options || typeof options !== 'object') { return; }
        var p = this.parent(), gp = parentOf(p);
        while (p && (gp || options.withRoot)) { iterator(p); p = gp; gp = parentOf(gp); }
    },
    findInParents: function (property, customizer) {
        var owner = this.findParentContaining(property, customizer);
        return owner ? owner[property] : undefined;
    },
    findParentContaining: function (property, customizer) {
        var p = this;
        if (customizer) { customizer = customizer.bind(this); }
        do {
            if (customizer ? customizer(p) : p[property]) { return p; }
            p = p.__parent;
        } while (p);
        return undefined;
    },
    // meta is the property's meta (its _): the named keys, or a copy.
    meta: function () {
        var m = this._, picked = arguments.length, o = {};
        if (!m || typeof m !== 'object') { return picked ? {} : undefined; }
        if (!picked) { return JSON.parse(JSON.stringify(m)); }
        Array.prototype.forEach.call(arguments, function (k) { if (hasOwn(m, k)) { o[k] = m[k]; } });
        return o;
    },
    setParent: function (parent) { defProp(this, '__parent', { value: parent, writable: true, configurable: true, enumerable: false }); },
    describe: function (content, type) {
        this.description = { content: content, type: type || 'text/plain' };
    },
    toObjectResolved: function (scope, overrides) {
        var values = Object.assign({}, vars(scope && scope.values ? scope.values : scope));
        [].concat(overrides || []).forEach(function (o) { Object.assign(values, vars(o)); });
        return JSON.parse(substitute(JSON.stringify(this), values));
    },
    findSubstitutions: function () {
        var found = [], re = /\{\{([^{}]+)\}\}/g, m, s = JSON.stringify(this) || '';
        while ((m = re.exec(s)) !== null) { if (found.indexOf(m[1]) < 0) { found.push(m[1]); } }
        return found;
    },
    _postman_propertyRequiresId: true,
    enableTracking: function () {},
    disableTracking: function () {},
    applyMutation: function (instruction, key, value) {
        if (instruction === 'set') { this.set(key, value); } else if (instruction === 'unset') { this.unset(key); }
    },
    addLayer: function () {},
    replace: function (str, overrides) { return substitute(str, Object.assign(vars(this), vars(overrides))); },
    substitute: function (obj, overrides) {
        var values = Object.assign(vars(this), vars(overrides));
        return obj && typeof obj === 'object' ? JSON.parse(substitute(JSON.stringify(obj), values)) : substitute(obj, values);
    },
    syncFromObject: function (obj, track) {
        var ops = track ? { created: [], updated: [], deleted: [] } : undefined, list = this;
        if (!obj || typeof obj !== 'object') { return ops; }
        Object.keys(obj).forEach(function (k) {
            var cur = list.one(k);
            if (cur) { cur.value = obj[k]; } else { list.add({ key: k, value: obj[k] }); }
            if (ops) { ops[cur ? 'updated' : 'created'].push(k); }
        });
        list.members.slice().forEach(function (m) { if (!hasOwn(obj, m.key)) { list.remove(m); if (ops) { ops.deleted.push(m.key); } } });
        return ops;
    },
    syncToObject: function (obj) {
        if (!obj || typeof obj !== 'object') { obj = {}; }
        var o = vars(this);
        Object.keys(obj).forEach(function (k) { if (!hasOwn(o, k)) { delete obj[k]; } });
        return Object.assign(obj, o);
    },
    oneNormalizedVariable: function (key) {
        for (var i = this.members.length - 1; i >= 0; i--) {
            if (this.members[i].key === key && !this.members[i].disabled) { return this.members[i]; }
        }
        return undefined;
    },
    get: function () { return this.value; },
    set: function (v) { this.value = v; },
    cast: function (v) { return v; },
    castIn: function (v) { return v; },
    castOut: function (v) { return v; },
    valueType: function (type) { if (typeof type === 'string') { this.type = type; } return this.type; },
    update: function (o) { if (o && typeof o === 'object') { Object.assign(this, o); } },
    contentSize: function () { return this.count() ? this.toString().length : 0; }
};
// Each prototype's members in Newman's order: name, then S (no own
// arguments and caller) or L (a sloppy function: they are added) and the
// length; = ends the name of a function whose name is ''. A member with no
// shape is data.
var T = {
    PropertyBase: 'forEachParent:S2 findInParents:S2 findParentContaining:S2 toJSON:S0 meta:S0 parent:S0 setParent:S1',
    Property: 'describe:S2 toObjectResolved:S3 findSubstitutions:S0',
    Request: 'update:L1 authorizeUsing:L2 getHeaders:L1 forEachHeader:L1 addHeader:L1 removeHeader:L2 upsertHeader:L1 addQueryParams:L1 removeQueryParams:L1 size:L0 toJSON:L0= clone:L0',
    Url: 'update:S1 addQueryParams:S1 removeQueryParams:S1 getRaw:S0 toString:S1 getPath:S1 getQueryString:S0 getPathWithQuery:S0 getHost:S0 getRemote:S1 getOAuth1BaseUrl:S0',
    RequestBody: 'update:S1 toString:S0 isEmpty:S0 toJSON:S0',
    RequestAuth: 'update:S2 use:S2 current:S0 parameters:S0 clear:S1',
    VariableScope: '_postman_propertyRequiresId variables:L0 toObject:L2 has:L1 get:L1 set:L3 unset:L1 clear:L0 replaceIn:L1 enableTracking:L1 disableTracking:L0 applyMutation:L3 syncVariablesFrom:L2 syncVariablesTo:L1 toJSON:L0 addLayer:L1',
    VariableList: 'replace:S2 substitute:S3 syncFromObject:S3 syncToObject:S1 oneNormalizedVariable:S1',
    PropertyList: '_postman_propertyIsList _postman_listIndexKey _postman_listIndexCaseInsensitive _postman_listAllowsMultipleValues insert:L2 insertAfter:L2 append:L1 prepend:L1 add:L1 upsert:L1 remove:L2 clear:L0 populate:L1 repopulate:L1 assimilate:L2 all:L0 one:L1 get:L1 each:L2 filter:L2 find:L2 map:L2 reduce:L3 count:L0 idx:L1 indexOf:L1 has:L2 eachParent:L2 toObject:L4 toString:L0 toJSON:L0',
    Variable: 'get:S0 set:S1 valueOf:S1 toString:S0 cast:S1 castIn:S1 castOut:S1 valueType:S2 update:S1',
    HeaderList: 'contentSize:S0',
    CookieList: '',
    Header: 'toString:S0 valueOf:S0 update:S1',
    QueryParam: 'toString:S0 update:S1 valueOf:S0',
    FormParam: 'toString:S0 valueOf:S0 toJSON:S0',
    Response: 'update:S1 _postman_propertyRequiresId toJSON:L0= reason:L0 details:L0 text:L0 json:L2 jsonp:L2 contentInfo:L0 mime:L0 dataURI:L0 size:L0 encoding:L0',
    Cookie: 'update:S1 valueOf:S0 toString:S0'
};
var nameless = { value: '', configurable: true }, lengthDesc = { value: 0, configurable: true };
// method is impl under Postman's name and length; a sloppy one is listed
// for its own arguments, caller and prototype.
// A class's own member that postman-collection's leaves to an ancestor
// (Url's toJSON is PropertyBase's there) moves off its prototype, out of
// for-in's way; the ancestor's method calls it for that class's objects.
var overrides = new Map(), overridden = Object.create(null);
function own(o, name) {
    for (var p = Object.getPrototypeOf(o); p; p = Object.getPrototypeOf(p)) {
        var m = overrides.get(p);
        if (m && hasOwn(m, name)) { return m[name]; }
    }
    return undefined;
}
// A method called on what is not an object of its class (unbound, its this
// undefined, or through call/apply on another object) runs the module's own
// method (require('postman-collection'), loaded then): Newman's methods are
// the module's, sloppy functions that read the global object as this, so
// each fails (or answers) in its own words (fresh-round9p-c,
// fresh-round10s-a).
function method(cls, name, spec, impl) {
    var K = C[cls], P = K.prototype, m = { [name](...a) { return (this != null && protoOf(this) === P || this instanceof K ? overridden[name] && own(this, name) || impl : alien(cls, name, impl)).apply(this, a); } }[name], len = Number(spec.slice(1).replace('=', ''));
    if (len) { lengthDesc.value = len; defProp(m, 'length', lengthDesc); }
    if (spec.slice(-1) === '=') { defProp(m, 'name', nameless); }
    if (spec[0] === 'L') { b.fns.push(m); }
    return m;
}
function alien(cls, name, impl) {
    var M = b.sdk()[cls];
    return M && typeof M.prototype[name] === 'function' ? M.prototype[name] : impl;
}
// listedIn(P) names the members T lists for the prototype P (made once for
// each: the walk below asks for each ancestor of each member).
var listings = new Map();
function listedIn(P) {
    var listed = listings.get(P);
    if (listed) { return listed; }
    listed = Object.create(null);
    Object.keys(T).forEach(function (cls) {
        if (C[cls] && C[cls].prototype === P && T[cls]) { T[cls].split(' ').forEach(function (s) { listed[s.split(':')[0]] = true; }); }
    });
    listings.set(P, listed);
    return listed;
}
Object.keys(T).forEach(function (cls) {
    var P = C[cls] && C[cls].prototype;
    if (!P) { return; }
    var spec = T[cls] ? T[cls].split(' ') : [], listed = listedIn(P);
    // courier's own members go out of for-in's way; one an ancestor lists
    // goes off the prototype.
    Object.keys(P).forEach(function (k) {
        if (listed[k]) { return; }
        for (var a = Object.getPrototypeOf(P); a; a = Object.getPrototypeOf(a)) {
            if (listedIn(a)[k] && typeof P[k] === 'function') {
                if (!overrides.has(P)) { overrides.set(P, {}); }
                overrides.get(P)[k] = P[k];
                overridden[k] = true;
                delete P[k];
                return;
            }
        }
        defProp(P, k, { enumerable: false });
    });
    spec.forEach(function (s) {
        var parts = s.split(':'), k = parts[0], d = Object.getOwnPropertyDescriptor(P, k), v;
        if (d && (d.get || d.set)) { return; }
        // A member of its own, else one courier lacked, else the inherited
        // one (FormParam's toJSON is its own in postman-collection).
        v = d ? d.value : (hasOwn(MORE, k) && (typeof MORE[k] !== 'function' || parts[1]) ? MORE[k] : (parts[1] ? P[k] : undefined));
        if (v === undefined && !d) { return; }
        if (d) { delete P[k]; }
        put(P, k, parts[1] && typeof v === 'function' ? method(cls, k, parts[1], v) : v);
    });
});
// Each constructor's length and own statics as postman-collection 4.4.0's
// (Newman 6.2.2's: fresh-round8s-a), in its order (they stay strict: the
// prototype of a function declaration cannot move behind own arguments and
// caller, as a sloppy function lists them): super_ is the parent class, name=value a constant, name:n a
// function of length n: courier's own when it has one (unless n ends in !:
// courier's Url.parse gives its own shape), else one that calls the
// module's (require('postman-collection'), loaded on first call).
var MODES = { file: 'file', formdata: 'formdata', graphql: 'graphql', raw: 'raw', urlencoded: 'urlencoded' };
var LIST = ' _postman_propertyIndexKey=key _postman_propertyIndexCaseInsensitive=true _postman_propertyAllowsMultipleValues=true';
var STATICS = {
    PropertyBase: '1 _postman_propertyName=PropertyBase propertyIsMeta:2 propertyUnprefixMeta:2 toJSON:1',
    Property: '1 super_ _postman_propertyName=Property replaceSubstitutions:2 replaceSubstitutionsIn:2 findSubstitutions:1',
    PropertyList: '3 super_ _postman_propertyName=PropertyList _unlinkItemFromParent:1 isPropertyList:1',
    HeaderList: '2 super_ _postman_propertyName=HeaderList isHeaderList:1',
    CookieList: '2 super_ _postman_propertyName=CookieList isCookieList:1',
    VariableList: '2 super_ _postman_propertyName=VariableList isVariableList:1',
    Variable: '1 super_ _postman_propertyName=Variable _postman_propertyIndexKey=key types isVariable:1',
    Request: '1 super_ _postman_propertyName=Request isRequest:1',
    Url: '1 super_ _postman_propertyName=Url parse:1! isUrl:1',
    Header: '2 super_ _postman_propertyName=Header' + LIST + ' parse:1 parseSingle:1 unparse:1 unparseSingle:1 isHeader:1 create:0',
    QueryParam: '1 super_ _postman_propertyName=QueryParam _postman_propertyIndexKey=key _postman_propertyAllowsMultipleValues=true parse:1 parseSingle:3 unparse:1 unparseSingle:1',
    Response: '1 super_ _postman_propertyName=Response isResponse:1 createFromNode:2 mimeInfo:0 timingPhases:1',
    Cookie: '1 super_ _postman_propertyName=Cookie' + LIST.replace('=key', '=name') + ' isCookie:1 unparse:1 unparseSingle:1 parse:1 stringify:1 splitParam:1',
    RequestBody: '1 super_ _postman_propertyName=RequestBody MODES',
    RequestAuth: '2 super_ _postman_propertyName=RequestAuth isValidType:1',
    VariableScope: '2 super_ _postman_propertyName=VariableScope isVariableScope:1'
};
// Variable.types: the module's casts, whose in and out call the module's.
function types() {
    var t = { string: String, boolean: Boolean, number: Number };
    ['array', 'object', 'any'].forEach(function (n) {
        t[n] = {};
        ['in', 'out'].forEach(function (d) { t[n][d] = { [d](v) { return b.sdk().Variable.types[n][d](v); } }[d]; });
    });
    return t;
}
function fromModule(cls, k, len) {
    var f = { [k]() { var m = b.sdk()[cls]; return m[k].apply(m, arguments); } }[k];
    lengthDesc.value = len;
    defProp(f, 'length', lengthDesc);
    return f;
}
// moduleShaped is a constructor standing for Orig as the module's does: a
// sloppy function's own arguments and caller (null) before its prototype,
// as V8 lists them (goja places a function's prototype where it is first
// touched, which Orig's was long ago). It shares Orig's prototype, so
// instanceof holds for both, and becomes that prototype's constructor
// unless require('postman-collection') made it the module's class.
var NUL = { value: null };
function moduleShaped(Orig) {
    var Ctor = function () { return Orig.apply(this, arguments); };
    nameless.value = Orig.name;
    defProp(Ctor, 'name', nameless);
    nameless.value = '';
    defProp(Ctor, 'arguments', NUL);
    defProp(Ctor, 'caller', NUL);
    Ctor.prototype = Orig.prototype;
    if (Orig.prototype.constructor === Orig) { defProp(Orig.prototype, 'constructor', { value: Ctor, writable: true, configurable: true, enumerable: false }); }
    return Ctor;
}
Object.keys(STATICS).forEach(function (cls) {
    var Orig = C[cls], spec = STATICS[cls].split(' '), own = {}, Ctor, values;
    if (typeof Orig !== 'function') { return; }
    Object.keys(Orig).forEach(function (k) { own[k] = Orig[k]; delete Orig[k]; });
    Ctor = moduleShaped(Orig);
    values = spec.slice(1).map(function (s) {
        var eq = s.indexOf('='), colon = s.indexOf(':'), k = s.slice(0, eq > 0 && (colon < 0 || eq < colon) ? eq : colon > 0 ? colon : s.length), v;
        if (k === 'super_') { v = Object.getPrototypeOf(Ctor.prototype).constructor; } else if (eq > 0) {
            v = s.slice(eq + 1);
            v = v === 'true' ? true : v;
        } else if (k === 'MODES') { v = MODES; } else if (k === 'types') { v = types(); } else {
            v = hasOwn(own, k) && s.slice(-1) !== '!' ? own[k] : fromModule(cls, k, parseInt(s.slice(colon + 1), 10));
        }
        return [k, v];
    });
    // Orig stays a list's Type, and courier's code calls its statics: both
    // hold the same ones.
    [Orig, Ctor].forEach(function (F) {
        lengthDesc.value = Number(spec[0]);
        defProp(F, 'length', lengthDesc);
        values.forEach(function (kv) { put(F, kv[0], kv[1]); });
        // A static courier has and the module has not stays, not enumerable.
        Object.keys(own).forEach(function (k) { if (!hasOwn(F, k)) { defProp(F, k, { value: own[k], writable: true, configurable: true }); } });
    });
});
// The legacy postman methods as the sandbox's class has them: their lengths,
// and this theirs, so that called unbound they fail in its words
// (js/parts/legacy-postman.js).
var LP = b.legacy[0], legacy = b.legacy[1], LENGTHS = { setEnvironmentVariable: 2, setGlobalVariable: 2, clearEnvironmentVariables: 0, clearGlobalVariables: 0 };
[Object.getPrototypeOf(LP), LP].forEach(function (P) {
    Object.getOwnPropertyNames(P).forEach(function (n) {
        if (n === 'constructor') { return; }
        var m = { [n](a, c) { return legacy()[n].call(this, a, c); } }[n];
        lengthDesc.value = hasOwn(LENGTHS, n) ? LENGTHS[n] : 1;
        defProp(P, n, { value: defProp(m, 'length', lengthDesc), writable: true, configurable: true, enumerable: false });
    });
});
return true;
})
