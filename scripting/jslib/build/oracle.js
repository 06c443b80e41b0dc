// Regenerates ../testdata/postman-sandbox.golden.json: the result of every
// expression in ../testdata/exprs.json as Postman's own sandbox computes it.
// It loads the browserified bootcode of an installed postman-sandbox (Newman
// 6.2.2 ships 4.7.1) into a Node vm context, without starting the sandbox,
// and evaluates each expression there with the bootcode's require().
//
//   npm install --prefix /tmp/newman newman@6.2.2
//   node build/oracle.js [/tmp/newman]
//
// TestMatchesPostmanSandbox replays the same expressions in goja.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const prefix = process.argv[2] || '/tmp/newman';
const sandboxDir = path.join(prefix, 'node_modules/postman-sandbox');
const version = require(path.join(sandboxDir, 'package.json')).version;
let code;
require(path.join(sandboxDir, '.cache/bootcode.js'))((err, c) => {
    if (err) { throw err; }
    code = c;
});
// The bundle ends with the list of entry modules it runs at load (the
// sandbox itself, which needs the host bridge). Run none of them: only the
// module table and its require() are wanted.
const entries = code.lastIndexOf('},{},[');
if (entries < 0) { throw new Error('unexpected bootcode layout'); }
code = code.slice(0, entries) + '},{},[]);';

const ctx = { console, setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate };
ctx.window = ctx; ctx.self = ctx; ctx.global = ctx;
vm.createContext(ctx);
vm.runInContext(code, ctx);

const here = path.join(__dirname, '..', 'testdata');
ctx.__exprs = fs.readFileSync(path.join(here, 'exprs.json'), 'utf8');
// Same evaluation loop as the Go test: fresh function per expression.
const out = vm.runInContext(`(function () {
    var ex = JSON.parse(__exprs), out = [];
    for (var i = 0; i < ex.length; i++) {
        try { out.push('OK ' + String((new Function('require', 'return ' + ex[i]))(require))); }
        catch (err) { out.push('ERR ' + err.name + ': ' + err.message); }
    }
    return out;
})()`, ctx);
fs.writeFileSync(path.join(here, 'postman-sandbox.golden.json'),
    JSON.stringify({ sandbox: version, results: Array.from(out) }, null, 1) + '\n');
console.log('wrote', out.length, 'results from postman-sandbox', version);
