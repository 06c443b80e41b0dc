// JSON.parse with a reviver, as V8 (Postman CLI 1.34) calls it: with a
// third argument, a context whose source is the text of a primitive value
// as the JSON wrote it ("1.50", "12345678901234567890"), so that a reviver
// can keep numbers a double cannot hold. goja calls revivers with two
// arguments. The value comes from goja's parser (the text is valid JSON by
// then); this reads the text again alongside it for the sources, then
// walks the value as the spec's InternalizeJSONProperty does. A value the
// reviver replaced (a sibling it wrote, another object) gets no source,
// unless it is the same primitive. bootstrap.js calls the function
// returned here on first use.
(function () {
'use strict';
// node: { v: the parsed object or array, c: child nodes } or
// { s: source text, p: the parsed primitive }.
function sources(text, value) {
    var i = 0;
    function ws() { while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) { i++; } }
    function str() {
        var from = i;
        for (i++; text[i] !== '"'; i++) { if (text[i] === '\\') { i++; } }
        i++;
        return text.slice(from, i);
    }
    function node(v) {
        ws();
        var c = text[i], n;
        if (c === '{') {
            n = { v: v, c: Object.create(null) };
            i++;
            ws();
            while (text[i] !== '}') {
                var k = JSON.parse(str());
                ws();
                i++; // ':'
                n.c[k] = node(v !== null && typeof v === 'object' ? v[k] : undefined);
                ws();
                if (text[i] === ',') { i++; ws(); }
            }
            i++;
            return n;
        }
        if (c === '[') {
            n = { v: v, c: [] };
            i++;
            ws();
            while (text[i] !== ']') {
                n.c.push(node(v !== null && typeof v === 'object' ? v[n.c.length] : undefined));
                ws();
                if (text[i] === ',') { i++; ws(); }
            }
            i++;
            return n;
        }
        var from = i;
        if (c === '"') {
            str();
        } else {
            while (i < text.length && ',]} \t\n\r'.indexOf(text[i]) < 0) { i++; }
        }
        return { s: text.slice(from, i), p: v };
    }
    return node(value);
}
function define(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }); }
return function revive(value, text, reviver) {
    function walk(holder, name, n) {
        var val = holder[name];
        if (val !== null && typeof val === 'object') {
            var kids = n !== undefined && n.c !== undefined && n.v === val ? n.c : undefined, k, nv;
            if (Array.isArray(val)) {
                for (var i = 0, len = val.length; i < len; i++) {
                    k = String(i);
                    nv = walk(val, k, kids === undefined ? undefined : kids[i]);
                    if (nv === undefined) { delete val[k]; } else { define(val, k, nv); }
                }
            } else {
                var keys = Object.keys(val);
                for (var j = 0; j < keys.length; j++) {
                    k = keys[j];
                    nv = walk(val, k, kids === undefined ? undefined : kids[k]);
                    if (nv === undefined) { delete val[k]; } else { define(val, k, nv); }
                }
            }
        }
        var ctx = {};
        if (n !== undefined && n.s !== undefined && (val === null || typeof val !== 'object') && Object.is(val, n.p)) { ctx.source = n.s; }
        return reviver.call(holder, name, val, ctx);
    }
    var root = {};
    define(root, '', value);
    return walk(root, '', sources(text, value));
};
})
