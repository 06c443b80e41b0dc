// util.inspect and util.format as Node prints them, for console.* (a part of the
// sandbox bootstrap, compiled on first use: see "Parts" in bootstrap.js).
(function (b) {
'use strict';
// Node's keyStrRegExp: a key with $ in it is quoted too ({ '$': 1 }).
var IDENT = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
// quote escapes with one replace: building the text a character at a time
// copies it once per character in goja, so logging a large body took seconds.
var quoteRes = { "'": /['\\\x00-\x1f\x7f]/g, '"': /["\\\x00-\x1f\x7f]/g, '`': /[`\\\x00-\x1f\x7f]/g };
var quoteEsc = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
function quoteChar(c) {
    if (Object.prototype.hasOwnProperty.call(quoteEsc, c)) { return quoteEsc[c]; }
    var code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) { return '\\x' + (code < 16 ? '0' : '') + code.toString(16).toUpperCase(); }
    return '\\' + c; // the quote or a backslash
}
function quote(s) {
    var q = "'";
    if (s.indexOf("'") >= 0) { q = s.indexOf('"') < 0 ? '"' : (s.indexOf('`') < 0 ? '`' : "'"); }
    return q + s.replace(quoteRes[q], quoteChar) + q;
}
function fnName(f) {
    var src;
    try { src = Function.prototype.toString.call(f); } catch (e) { src = ''; }
    var isClass = /^class\b/.test(src);
    var base = isClass ? 'class' : (/^async\b/.test(src) ? 'AsyncFunction' : 'Function');
    if (isClass) { return '[class ' + (f.name || '(anonymous)') + ']'; }
    return '[' + base + (f.name ? ': ' + f.name : ' (anonymous)') + ']';
}
// sandboxFnName is how Postman's sandbox names a logged function before it
// leaves the sandbox: [Constructor: name], or [Constructor] without a name.
function sandboxFnName(f) {
    var c = f.constructor && f.constructor.name ? f.constructor.name : 'Function';
    return '[' + c + (f.name ? ': ' + f.name : '') + ']';
}
function ctorName(o) {
    var p = Object.getPrototypeOf(o);
    if (p === null) { return null; }
    var c = p.constructor;
    return typeof c === 'function' && c.name ? c.name : '';
}
function sandboxOut(v) {
    if (typeof v !== 'object' || v instanceof Date || v instanceof RegExp || v instanceof Map || v instanceof Set ||
        (ArrayBuffer.isView(v) && !(v instanceof DataView)) || Array.isArray(v) || v instanceof Error) { return v; }
    if (v instanceof Promise) { return {}; }
    // JSON's own reading of a boxed primitive.
    if (v instanceof Number || v instanceof String || v instanceof Boolean) { return v.valueOf(); }
    if (v instanceof WeakMap) { return '[WeakMap]'; }
    if (v instanceof WeakSet) { return '[WeakSet]'; }
    if (v instanceof ArrayBuffer) { return '[ArrayBuffer { byteLength: ' + v.byteLength + ' }]'; }
    if (typeof v.toJSON === 'function') {
        try { return v.toJSON(); } catch (e) { return v; }
    }
    var name = ctorName(v);
    if (name && name !== 'Object') { return Object.assign({}, v); }
    return v;
}
function formatKey(k) {
    if (typeof k === 'symbol') { return '[' + k.toString() + ']'; }
    return IDENT.test(k) ? k : quote(k);
}
function isBelowBreak(ctx, output, start, base) {
    var total = output.length + start;
    if (total + output.length > ctx.breakLength) { return false; }
    for (var i = 0; i < output.length; i++) {
        total += output[i].length;
        if (total > ctx.breakLength) { return false; }
    }
    return base === '' || base.indexOf('\n') < 0;
}
// groupColumns lays a long array's entries out in columns, as Node's
// util.inspect does for arrays of more than six entries: the column count
// aims at a roughly square block (a character taken as 2.5 times as high
// as wide, short entries allowed more columns), within the break length,
// at most 12 (compact 3 times 4) and 15; numbers are right-aligned, other
// entries left-aligned. Entries of very different widths stay one a line.
function groupColumns(ctx, output, arr) {
    var n = output.length, more = arr && arr.length > 100 && n > 100 ? 1 : 0, count = n - more;
    var widths = [], total = 0, widest = 0, i, j;
    for (i = 0; i < count; i++) {
        widths.push(output[i].length);
        total += output[i].length + 2;
        widest = Math.max(widest, output[i].length);
    }
    var cell = widest + 2;
    if (!(cell * 3 + ctx.indentationLvl < ctx.breakLength && (total / cell > 5 || widest <= 6))) { return output; }
    var bias = Math.sqrt(cell - total / n), biased = Math.max(cell - 3 - bias, 1);
    var columns = Math.min(Math.round(Math.sqrt(2.5 * biased * count) / biased), Math.floor((ctx.breakLength - ctx.indentationLvl) / cell), 12, 15);
    if (columns <= 1) { return output; }
    var colWidth = [];
    for (i = 0; i < columns; i++) {
        var w = 0;
        for (j = i; j < n; j += columns) { if (widths[j] > w) { w = widths[j]; } }
        colWidth.push(w + 2);
    }
    var numeric = !!arr;
    for (i = 0; numeric && i < n; i++) { if (typeof arr[i] !== 'number' && typeof arr[i] !== 'bigint') { numeric = false; } }
    var pad = function (str, width) {
        var fill = width > str.length ? ' '.repeat(width - str.length) : '';
        return numeric ? fill + str : str + fill;
    };
    var rows = [];
    for (i = 0; i < count; i += columns) {
        var last = Math.min(i + columns, count), line = '';
        for (j = i; j < last - 1; j++) { line += pad(output[j] + ', ', colWidth[j - i]); }
        line += numeric ? pad(output[j], colWidth[j - i] - 2) : output[j];
        rows.push(line);
    }
    if (more) { rows.push(output[count]); }
    return rows;
}
function reduceToSingle(ctx, output, base, braces, level, arr) {
    var entries = output.length;
    if (arr !== undefined && entries > 6) { output = groupColumns(ctx, output, arr); }
    if (ctx.currentDepth - level < 3 && entries === output.length) {
        var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreak(ctx, output, start, base)) {
            var joined = output.join(', ');
            if (joined.indexOf('\n') < 0) {
                return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
            }
        }
    }
    var ind = '\n' + ' '.repeat(ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + ind + '  ' + output.join(',' + ind + '  ') + ind + braces[1];
}
function formatPrimitive(v, sandbox) {
    switch (typeof v) {
    case 'string': return quote(v);
    // The sandbox's serialization does not keep -0.
    case 'number': return Object.is(v, -0) && !sandbox ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'symbol': return v.toString();
    case 'undefined': return 'undefined';
    default: return String(v);
    }
}
function formatProp(ctx, o, k, level, isArrayIdx) {
    var d = Object.getOwnPropertyDescriptor(o, k), str, val;
    if (d && (d.get || d.set) && !ctx.errorObjects) {
        str = d.get ? (d.set ? '[Getter/Setter]' : '[Getter]') : '[Setter]';
    } else {
        // The sandbox's serialization reads an accessor: a getter's value
        // leaves the sandbox, a setter alone gives undefined; a getter that
        // throws fails the console call, as in Newman 6.2.2.
        try { val = d && !d.get && !d.set ? d.value : o[k]; } catch (e) {
            if (ctx.errorObjects) { throw e; }
            val = undefined;
        }
        ctx.indentationLvl += 2;
        str = formatValue(ctx, val, level + 1);
        ctx.indentationLvl -= 2;
    }
    return isArrayIdx ? str : formatKey(k) + ': ' + str;
}
// A long string with line breaks prints as Node prints it: one quoted
// piece per line (each keeps its \n), joined by " +" at the next line.
// Past Node's maxStringLength (10,000) the rest is counted, not printed.
function formatString(ctx, s) {
    var more = s.length - 10000, trailer = more > 0 ? '... ' + more + ' more character' + (more > 1 ? 's' : '') : '';
    if (more > 0) { s = s.slice(0, 10000); }
    if (s.length <= 16 || s.length <= ctx.breakLength - ctx.indentationLvl - 4) { return quote(s) + trailer; }
    var lines = [], from = 0, i;
    while ((i = s.indexOf('\n', from)) >= 0 && i < s.length - 1) { lines.push(s.slice(from, i + 1)); from = i + 1; }
    if (lines.length === 0) { return quote(s) + trailer; }
    lines.push(s.slice(from));
    return lines.map(quote).join(' +\n' + ' '.repeat(ctx.indentationLvl + 2)) + trailer;
}
function formatValue(ctx, v, level) {
    if (v === null) { return 'null'; }
    if (typeof v === 'string') { return formatString(ctx, v); }
    if (typeof v !== 'object' && typeof v !== 'function') { return formatPrimitive(v, ctx.errorObjects); }
    if (typeof v === 'function' && ctx.fnString) { return quote(sandboxFnName(v)); }
    // Newman's sandbox carries an Error out as {type, name, message}: its
    // other properties and its stack stay behind.
    if (ctx.errorObjects && v instanceof Error) { v = { type: 'Error', name: v.name, message: v.message }; }
    if (ctx.errorObjects) {
        // The rest of what Newman's sandbox does to a logged value on its
        // way out (a JSON.stringify with a replacer): an object with a
        // toJSON (Postman's URL, headers, lists) leaves as what it gives,
        // a class instance as a plain object, a promise as {}, and a few
        // it names as strings.
        var out = sandboxOut(v);
        if (out !== v) {
            if (out === null || typeof out !== 'object') { return out === undefined ? 'undefined' : (typeof out === 'string' ? formatString(ctx, out) : formatPrimitive(out, true)); }
            v = out;
        }
    }
    if (ctx.seen.indexOf(v) >= 0) {
        // Node numbers the objects a circular reference points back to and
        // marks each with <ref *n> where it is printed.
        if (!ctx.circular) { ctx.circular = new Map(); }
        if (!ctx.circular.has(v)) { ctx.circular.set(v, ctx.circular.size + 1); }
        return '[Circular *' + ctx.circular.get(v) + ']';
    }
    var keys = Object.keys(v), base = '', braces, output = [], name = ctorName(v), i;
    if (typeof v === 'function') {
        base = fnName(v);
        if (keys.length === 0) { return base; }
        braces = ['{', '}'];
    } else if (Array.isArray(v)) {
        braces = [(name !== 'Array' ? (name || '[Array: null prototype]') + '(' + v.length + ') ' : '') + '[', ']'];
    } else if (v instanceof Error) {
        base = v.stack && typeof v.stack === 'string' && false ? v.stack : '[' + (v.name || 'Error') + ': ' + v.message + ']';
        keys = keys.filter(function (k) { return k !== 'stack' && k !== 'message'; });
        if (keys.length === 0) { return base; }
        braces = ['{', '}'];
    } else if (v instanceof Date) {
        // An invalid one leaves the sandbox as its toJSON, null.
        return isNaN(v.getTime()) ? (ctx.errorObjects ? 'null' : 'Invalid Date') : v.toISOString();
    } else if (v instanceof RegExp) {
        return String(v);
    } else if (v instanceof Uint8Array && typeof Buffer === 'function' && Buffer.isBuffer(v)) {
        var hex = [];
        for (i = 0; i < Math.min(v.length, 50); i++) { hex.push((v[i] < 16 ? '0' : '') + v[i].toString(16)); }
        return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more bytes' : '') + '>';
    } else if (ArrayBuffer.isView(v)) {
        braces = [name + '(' + v.length + ') [', ']'];
        keys = [];
        for (i = 0; i < Math.min(v.length, 100); i++) { output.push(formatPrimitive(v[i])); }
        if (v.length > 100) { output.push('... ' + (v.length - 100) + ' more item' + (v.length > 101 ? 's' : '')); }
        if (v.length === 0) { return braces[0] + ']'; }
        return reduceToSingle(ctx, output, '', braces, level, v);
    } else if (v instanceof Map) {
        braces = ['Map(' + v.size + ') {', '}'];
    } else if (v instanceof Set) {
        braces = ['Set(' + v.size + ') {', '}'];
    } else if (v instanceof Promise) {
        return 'Promise { <unknown> }';
    } else if (typeof Symbol === 'function' && v[Symbol.toStringTag] === 'Module') {
        braces = ['[Module] {', '}'];
    } else {
        // Out of the sandbox an object without a prototype is a plain one.
        var prefix = name === null ? (ctx.errorObjects ? '' : '[Object: null prototype] ') : (name && name !== 'Object' ? name + ' ' : '');
        braces = [prefix + '{', '}'];
    }
    if (level > ctx.depth) {
        return Array.isArray(v) ? '[Array]' : '[' + (name || 'Object') + ']';
    }
    ctx.seen.push(v);
    ctx.currentDepth = level;
    if (Array.isArray(v)) {
        var holes = 0, shown = Math.min(v.length, 100);
        for (i = 0; i < shown; i++) {
            // The sandbox's serialization turns a hole into undefined.
            if (!Object.prototype.hasOwnProperty.call(v, i) && !ctx.errorObjects) { holes++; continue; }
            if (holes) { output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
            output.push(formatProp(ctx, v, String(i), level, true));
        }
        if (holes) { output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); }
        if (v.length > shown) { output.push('... ' + (v.length - shown) + ' more item' + (v.length - shown > 1 ? 's' : '')); }
        // The sandbox's serialization keeps an array's entries only: its
        // other own properties stay behind.
        keys = ctx.errorObjects ? [] : keys.filter(function (k) { return !(String(k >>> 0) === k && (k >>> 0) < v.length); });
    } else if (v instanceof Map) {
        ctx.indentationLvl += 2;
        v.forEach(function (val, k) { output.push(formatValue(ctx, k, level + 1) + ' => ' + formatValue(ctx, val, level + 1)); });
        ctx.indentationLvl -= 2;
    } else if (v instanceof Set) {
        ctx.indentationLvl += 2;
        v.forEach(function (val) { output.push(formatValue(ctx, val, level + 1)); });
        ctx.indentationLvl -= 2;
    }
    for (i = 0; i < keys.length; i++) { output.push(formatProp(ctx, v, keys[i], level, false)); }
    // Symbol keys do not survive the sandbox's serialization.
    Object.getOwnPropertySymbols(v).forEach(function (s) {
        if (!ctx.errorObjects && Object.getOwnPropertyDescriptor(v, s).enumerable) { output.push(formatProp(ctx, v, s, level, false)); }
    });
    ctx.seen.pop();
    if (ctx.circular && ctx.circular.has(v)) { braces[0] = '<ref *' + ctx.circular.get(v) + '> ' + braces[0]; }
    if (output.length === 0) {
        if (base) { return base; }
        return braces[0] + braces[1];
    }
    return reduceToSingle(ctx, output, base, braces, level, Array.isArray(v) ? v : undefined);
}
function inspect(v, opts) {
    opts = opts || {};
    var ctx = { seen: [], depth: opts.depth === undefined ? 2 : (opts.depth === null ? Infinity : opts.depth),
        breakLength: opts.breakLength || 80, indentationLvl: 0, currentDepth: 0, fnString: !!opts.fnString,
        errorObjects: !!opts.errorObjects };
    return formatValue(ctx, v, 0);
}
function format(args, opts) {
    var first = args[0], out = '', a = 1, i;
    if (typeof first === 'string') {
        if (args.length === 1) { return first; }
        for (i = 0; i < first.length; i++) {
            // The text up to the next %, in one piece (see quote).
            var pct = first.indexOf('%', i);
            if (pct < 0) { out += first.slice(i); break; }
            out += first.slice(i, pct);
            i = pct;
            if (i + 1 < first.length) {
                var c = first[i + 1];
                if (c === '%') { out += '%'; i++; continue; }
                if ('sdifjoOc'.indexOf(c) >= 0) {
                    if (a >= args.length) { out += '%' + c; i++; continue; }
                    var v = args[a++];
                    switch (c) {
                    case 's': out += typeof v === 'string' ? v : (typeof v === 'object' && v !== null ? inspect(v, { depth: 1 }) : (typeof v === 'bigint' ? v + 'n' : formatPrimitive(v).replace(/^'|'$/g, ''))); break;
                    case 'd': out += typeof v === 'object' ? 'NaN' : formatPrimitive(Number(v)); break;
                    case 'i': out += typeof v === 'object' ? 'NaN' : String(parseInt(v, 10)); break;
                    case 'f': out += String(parseFloat(v)); break;
                    case 'j': try { out += JSON.stringify(v); } catch (e) { out += '[Circular]'; } break;
                    case 'o': out += inspect(v, { depth: 4 }); break;
                    case 'O': out += inspect(v, opts); break;
                    case 'c': break;
                    }
                    i++;
                    continue;
                }
            }
            out += '%';
        }
    } else {
        a = 0;
    }
    for (; a < args.length; a++) {
        var x = args[a];
        out += (out || a > 0 ? ' ' : '') + (typeof x === 'string' ? x : inspect(x, opts));
    }
    return out;
}
return { inspect: inspect, format: format };
})
