// The variable scopes' own members, as postman-collection's VariableScope
// instances carry them (Newman 6.2.2 and Postman CLI 1.34 agree):
// Object.keys(pm.environment) is id, values, _postman_enableTracking,
// mutations (pm.variables adds _layers, pm.iterationData has id and values
// only), and the older spellings variables() and syncVariablesTo(). The
// bootstrap defines the members as getters that call get(scope, name) here.
(function (b) {
'use strict';
function values(s) { var l = new b.VariableList(plainValues(s)); b.def(l, '__parent', s); return l; }
// plainValues is the scope's own variables as postman-collection writes
// them; pm.variables' own are the local ones (set by scripts of this
// request).
function plainValues(s) {
    var id = b.sid(s), p = b.native.varPairs(id === 'variables' ? 'local' : id, true), out = [];
    // postman-collection's toJSON takes a value's own toJSON (a live Date
    // gives its ISO text), as JSON would.
    for (var i = 0; i < p.length; i += 3) {
        var v = p[i + 1];
        if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') { v = v.toJSON(); } else if (typeof v === 'function') { v = {}; } // lodash's cloneDeep of a function
        out.push(v === undefined ? { type: p[i + 2], key: p[i] } : { type: p[i + 2], value: v, key: p[i] });
    }
    return out;
}
return {
    // toJSON is postman-collection's VariableScope#toJSON: id, the
    // environment's name, the mutations of this script, then the values.
    toJSON: function (s) {
        var id = b.sid(s), o = { id: b.scopeID(id) }, st = b.cur();
        if (s.name !== undefined) { o.name = s.name; }
        if (id !== 'data') {
            var m = st && st.mutations && st.mutations[id];
            o.mutations = { autoCompact: true, stream: [], compacted: m ? Object.assign({}, m) : {} };
        }
        o.values = plainValues(s);
        return o;
    },
    get: function (s, name) {
        switch (name) {
        case 'id': return b.scopeID(b.sid(s));
        case 'values': return values(s);
        case '_postman_enableTracking': return true;
        case 'mutations': return this.toJSON(s).mutations;
        default: // _layers: the scopes pm.variables reads below its own
            return [b.scopes.iterationData, b.scopes.environment, b.scopes.collectionVariables, b.scopes.globals].map(values);
        }
    },
    // replaceIn of an object or array is postman-collection's
    // replaceSubstitutionsIn (a lodash mergeWith): an array is resolved in
    // place; an object (a Date, a function) gives a new object of its
    // enumerable keys, own and inherited, whose nested objects are its own,
    // resolved in place (a read-only member stays as it was, as lodash's
    // sloppy assignment leaves it). Keys are not resolved.
    replaceIn: function (s, repl) {
        function deep(v) {
            if (typeof v === 'string' || v instanceof String) { return repl(String(v)); }
            if (v && (typeof v === 'object' || typeof v === 'function')) {
                var ks = Array.isArray(v) ? Array.from(v.keys()) : Object.keys(v);
                for (var i = 0; i < ks.length; i++) { Reflect.set(v, ks[i], deep(v[ks[i]])); }
            }
            return v;
        }
        if (Array.isArray(s) || s instanceof String) { return deep(s); }
        var o = {};
        for (var k in s) { o[k] = deep(s[k]); }
        return o;
    },
    // Discontinued in postman-collection 4, as Newman 6.2.2 says.
    variables: function () { throw new Error('`VariableScope#variables` has been discontinued, use `VariableScope#syncVariablesTo` instead.'); },
    // syncVariablesFrom makes the scope mirror obj, as postman-collection's
    // VariableList#syncFromObject: each own key set, every other variable
    // removed; with track, the keys created, updated and deleted.
    syncVariablesFrom: function (s, obj, track) {
        var ops = track ? { created: [], updated: [], deleted: [] } : undefined;
        if (!obj || (typeof obj !== 'object' && typeof obj !== 'function')) { return ops; }
        var has = Object.prototype.hasOwnProperty, n = b.native;
        // The sync changes this script's view only and is no mutation: the
        // scope is put back when the script ends (syncfrom.go).
        n.varSync(b.sid(s), true);
        try {
            Object.keys(obj).forEach(function (k) {
                var known = s.has(k);
                n.varSet(b.sid(s), k, obj[k]);
                if (ops) { ops[known ? 'updated' : 'created'].push(k); }
            });
            // The scope's own variables: pm.variables' are the local ones.
            var own = n.varPairs(b.sid(s) === 'variables' ? 'local' : b.sid(s));
            for (var i = 0; i < own.length; i += 2) {
                if (!has.call(obj, own[i])) { n.varUnset(b.sid(s), own[i]); if (ops) { ops.deleted.push(own[i]); } }
            }
        } finally { n.varSync(b.sid(s), false); }
        return ops;
    },
    // syncVariablesTo makes target mirror the scope.
    // Without a target object (or function) it fills a new one.
    syncVariablesTo: function (s, target) {
        if (s === undefined || s === null) { throw new TypeError("Cannot read properties of undefined (reading 'syncToObject')"); }
        if (!target || (typeof target !== 'object' && typeof target !== 'function')) { target = {}; }
        var o = s.toObject();
        Object.keys(target).forEach(function (k) { if (!Object.prototype.hasOwnProperty.call(o, k)) { delete target[k]; } });
        return Object.assign(target, o);
    }
};
})
