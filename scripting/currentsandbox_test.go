package scripting

import (
	"context"
	"testing"
)

// Range, URI and JSON.stringify errors in V8's words, as Postman's sandbox
// gives them (JSONError from liquid-json). Each want line is what Postman
// CLI 1.34.0 printed for the same line.
func TestErrorWordsAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => { const cyc = {}; cyc.self = cyc; return JSON.stringify(cyc); });
p(() => { const a = {b: {c: {}}}; a.b.c.back = a; return JSON.stringify(a); });
p(() => { const a = {x: [1, {}]}; a.x[1].up = a.x; return JSON.stringify(a); });
p(() => { class Node2 { constructor() { this.next = null; } } const n = new Node2(); const m = new Node2(); n.next = m; m.next = n; return JSON.stringify({list: n}); });
p(() => { const a = {}; let c = a; for (let i = 0; i < 6; i++) { c.n = {}; c = c.n; } c.loop = a; return JSON.stringify(a); });
p(() => { try { JSON.stringify({a: 1n}); } catch (e) { return e.name + '|' + e.message + '|' + (e instanceof TypeError); } });
p(() => { try { JSON.stringify({a: 1}, () => { throw new RangeError('mine'); }); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { JSON.stringify({toJSON() { throw new Error('tj'); }}); } catch (e) { return e.name + '|' + e.message + '|' + String(e); } });
p(() => { try { BigInt(1.5); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { BigInt('x'); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { 'x'.repeat(-1); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { 'x'.repeat(Infinity); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { (1).toFixed(101); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { (1).toPrecision(0); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { (1).toExponential(-1); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { (255).toString(1); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { decodeURIComponent('%'); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { decodeURI('%E0%A4%A'); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { encodeURIComponent('\uD800'); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { new Array(-1); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { [].length = -1; } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { 'a'.normalize('X'); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { new Date(NaN).toISOString(); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { String.fromCodePoint(-1); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { 1n / 0n; } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { Symbol() + ''; } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { 1n + 1; } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { Object.defineProperty(Object.freeze({}), 'a', {value: 1}); } catch (e) { return e.name + '|' + e.message; } });
p(() => { 'use strict'; try { Object.freeze([1]).push(2); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { new Intl.NumberFormat('en', {style: 'currency'}); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { x = y + 1; } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { const c = 1; c = 2; } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { null(); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { let u; u.x(); } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { new (function () {}.bind())().x.y; } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { ({}).x.y; } catch (e) { return e.name + '|' + e.message; } });
p(() => { try { JSON.parse(undefined); } catch (e) { return e.name + '|' + e.message; } });`
	want := []string{
		"E:JSONError: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'self' closes the circle",
		"E:JSONError: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'b' -> object with constructor 'Object'\n    |     property 'c' -> object with constructor 'Object'\n    --- property 'back' closes the circle",
		"E:JSONError: Converting circular structure to JSON\n    --> starting at object with constructor 'Array'\n    |     index 1 -> object with constructor 'Object'\n    --- property 'up' closes the circle",
		"E:JSONError: Converting circular structure to JSON\n    --> starting at object with constructor 'Node2'\n    |     property 'next' -> object with constructor 'Node2'\n    --- property 'next' closes the circle",
		"E:JSONError: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    |     property 'n' -> object with constructor 'Object'\n    |     ...\n    |     property 'n' -> object with constructor 'Object'\n    --- property 'loop' closes the circle",
		"JSONError|Do not know how to serialize a BigInt|true",
		"JSONError|mine",
		"JSONError|tj|JSONError: tj",
		"RangeError|The number 1.5 cannot be converted to a BigInt because it is not an integer",
		"SyntaxError|Cannot convert x to a BigInt",
		"RangeError|Invalid count value: -1",
		"RangeError|Invalid count value: Infinity",
		"RangeError|toFixed() digits argument must be between 0 and 100",
		"RangeError|toPrecision() argument must be between 1 and 100",
		"RangeError|toExponential() argument must be between 0 and 100",
		"RangeError|toString() radix argument must be between 2 and 36",
		"URIError|URI malformed",
		"URIError|URI malformed",
		"URIError|URI malformed",
		"RangeError|Invalid array length",
		"RangeError|Invalid array length",
		"RangeError|The normalization form should be one of NFC, NFD, NFKC, NFKD.",
		"RangeError|Invalid time value",
		"RangeError|Invalid code point -1",
		"RangeError|Division by zero",
		"TypeError|Cannot convert a Symbol value to a string",
		"TypeError|Cannot mix BigInt and other types, use explicit conversions",
		"TypeError|Cannot define property a, object is not extensible",
		"TypeError|Cannot add property 1, object is not extensible",
		"TypeError|Currency code is required with currency style.",
		"ReferenceError|y is not defined",
		"TypeError|Assignment to constant variable.",
		"TypeError|null is not a function",
		"TypeError|Cannot read properties of undefined (reading 'x')",
		"TypeError|Cannot read properties of undefined (reading 'y')",
		"TypeError|Cannot read properties of undefined (reading 'y')",
		"JSONError|\"undefined\" is not valid JSON",
	}
	checkTestNames(t, src, want)
}

// TextEncoder/TextDecoder, crypto.getRandomValues and structuredClone as
// Postman CLI 1.34.0 answered them, line by line.
func TestTextCodecsAndCryptoAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => Array.from(new TextEncoder().encode('€')).join());
p(() => new TextDecoder().decode(new Uint8Array([0xE2, 0x82, 0xAC])));
p(() => new TextDecoder('utf-8', {fatal: true}).decode(new Uint8Array([0xff])));
p(() => new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62])));
p(() => new TextDecoder('latin1').encoding + '|' + new TextDecoder('UTF8').encoding + '|' + new TextDecoder(' Latin1 ').encoding);
p(() => new TextDecoder('utf-16le').decode(new Uint8Array([104, 0, 105, 0, 0x3d, 0xd8])));
p(() => new TextDecoder('windows-1252').decode(new Uint8Array([0x80, 0xe9, 0x41, 0x9f])));
p(() => new TextDecoder('nope'));
p(() => { const r = new TextEncoder().encodeInto('hé', new Uint8Array(2)); return r.read + ',' + r.written; });
p(() => { const r = new TextEncoder().encodeInto('a😀b', new Uint8Array(10)); return r.read + ',' + r.written; });
p(() => new TextDecoder().decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x61])).length + ',' + new TextDecoder('utf-8', {ignoreBOM: true}).decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x61])).length);
p(() => { const dec = new TextDecoder(); return dec.decode(new Uint8Array([0xE2, 0x82]), {stream: true}) + '|' + dec.decode(new Uint8Array([0xAC])); });
p(() => { const dec = new TextDecoder(); return dec.decode(new Uint8Array([0xE2, 0x82]), {stream: true}) + '|' + dec.decode(); });
p(() => new TextDecoder().decode('abc'));
p(() => JSON.stringify(Object.keys(new TextDecoder())) + Object.prototype.toString.call(new TextDecoder()) + new TextDecoder().fatal + new TextDecoder().ignoreBOM);
p(() => new TextDecoder().decode(new Uint8Array([0xf0, 0x9f, 0x98])) .length);
p(() => new TextDecoder().decode(new Uint8Array([0xc0, 0x80, 0x41])));
p(() => new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0])));
p(() => [new TextDecoder('ascii').encoding, new TextDecoder('utf-16').encoding, new TextDecoder('ucs-2').encoding].join());
p(() => new TextDecoder('utf-16be'));
p(() => new TextDecoder(null));
p(() => crypto.getRandomValues(new DataView(new ArrayBuffer(2))));
p(() => crypto.getRandomValues(new Uint8ClampedArray(2)).length);
p(() => crypto.getRandomValues([1]));
p(() => Object.keys(crypto).join() + '|' + typeof crypto.subtle + '|' + (crypto.getRandomValues === crypto.getRandomValues));
p(() => new TextDecoder('utf-16be').decode(new Uint8Array([0, 104, 0, 105])));
p(() => new TextDecoder('latin1').decode(new Uint8Array([0x80, 0xe9, 0x41, 0x9f])).split('').map(c => c.charCodeAt(0)).join());
p(() => new TextDecoder().decode(new Uint8Array([0xed, 0xa0, 0x80, 0x41, 0xe0, 0x80, 0xf4, 0x90, 0xef, 0xbf, 0xbd])).split('').map(c => c.charCodeAt(0).toString(16)).join());
p(() => { const e = structuredClone(new TypeError('t', {cause: 'c'})); return e.constructor.name + ':' + e.message + ':' + e.cause; });
p(() => { const b = new ArrayBuffer(4); const c = structuredClone(b, {transfer: [b]}); return b.byteLength + ',' + c.byteLength; });
p(() => { const b = new ArrayBuffer(4); const u = new Uint8Array(b); u[0] = 7; const c = structuredClone({u}, {transfer: [b]}); return b.byteLength + ',' + c.u[0] + ',' + u.length; });
p(() => structuredClone(undefined));
p(() => structuredClone());
p(() => structuredClone(1, {transfer: [1]}));
p(() => { class E2 extends Error {} ; const e = new E2('m'); e.name = 'Map'; const c = structuredClone(e); return c.constructor.name + c.name + c.message; });`
	want := []string{
		"226,130,172",
		"€",
		"E:TypeError: The encoded data was not valid for encoding utf-8",
		"a�b",
		"windows-1252|utf-8|windows-1252",
		"hi�",
		"\u0080\u00e9A\u009f",
		"E:RangeError: The \"nope\" encoding is not supported",
		"1,1",
		"4,6",
		"1,2",
		"|€",
		"|�",
		"E:TypeError: The \"list\" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.",
		"[][object TextDecoder]falsefalse",
		"1",
		"��A",
		"A",
		"windows-1252,utf-16le,utf-16le",
		"{}",
		"E:RangeError: The \"null\" encoding is not supported",
		"E:TypeMismatchError: The data argument must be an integer-type TypedArray",
		"2",
		"E:TypeMismatchError: The data argument must be an integer-type TypedArray",
		"|object|true",
		"hi",
		"128,233,65,159",
		"fffd,fffd,fffd,41,fffd,fffd,fffd,fffd,fffd",
		"TypeError:t:c",
		"0,4",
		"0,7,0",
		"undefined",
		"E:TypeError: The \"The value argument must be specified\" argument must be specified",
		"E:TypeError: Value is not an object",
		"ErrorErrorm",
	}
	checkTestNames(t, src, want)
}

// TextEncoder#encodeInto writes the bytes it counts (it once counted them
// and wrote none), as Node 20 answers.
func TestTextEncoderEncodeIntoWrites(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => { const d = new Uint8Array(5); const r = new TextEncoder().encodeInto('a€😀', d); return r.read + ',' + r.written + '|' + Array.from(d).join(); });
p(() => { const b = new Uint8Array(6); new TextEncoder().encodeInto('hé', b.subarray(1)); return Array.from(b).join(); });
p(() => { const d = new Uint8Array(10); const r = new TextEncoder().encodeInto('a😀b', d); return r.read + ',' + r.written + '|' + Array.from(d).join(); });`
	want := []string{"2,4|97,226,130,172,0", "0,104,195,169,0,0", "4,6|97,240,159,152,128,98,0,0,0,0"}
	checkTestNames(t, src, want)
}

// Iterator helpers, RegExp.escape, ArrayBuffer#transfer and other built-ins
// newer than goja, as Postman CLI 1.34.0 answered them.
func TestNewerBuiltinsAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => typeof ArrayBuffer.prototype.transfer);
p(() => typeof [].values().map + '|' + typeof [].values().toArray);
p(() => [1, 2, 3, 4].values().map(x => x * 2).filter(x => x > 2).take(2).toArray().join());
p(() => new Map([[1, 'a'], [2, 'b']]).keys().drop(1).toArray().join() + '|' + new Set([1, 2]).values().reduce((a, b) => a + b));
p(() => ['a b', 'c'].values().flatMap(s => s.split(' ')).toArray().join() + '|' + [1, 2].values().some(x => x > 1) + [1, 2].values().every(x => x > 1) + [1, 2].values().find(x => x > 1));
p(() => Object.prototype.toString.call([].values().map(x => x)));
p(() => RegExp.escape('a.b*c(1)') + '|' + RegExp.escape('1+1=2') + '|' + RegExp.escape('x y-z/'));
p(() => Error.isError(new TypeError()) + '|' + Error.isError({}) + '|' + Error.isError(Object.create(Error.prototype)));
p(() => { const b = new ArrayBuffer(8); const c = b.transfer(4); return b.byteLength + ',' + c.byteLength + ',' + b.detached + ',' + c.detached; });
p(() => [].values().reduce((a, b) => a));
p(() => [].values().map(1));`
	want := []string{
		"function",
		"function|function",
		"4,6",
		"2|3",
		"a,b,c|truefalse2",
		"[object Iterator Helper]",
		"\\x61\\.b\\*c\\(1\\)|\\x31\\+1\\x3d2|\\x78\\x20y\\x2dz\\/",
		"true|false|false",
		"0,4,true,false",
		"E:TypeError: Reduce of a done iterator with no initial value",
		"E:TypeError: number 1 is not a function",
	}
	checkTestNames(t, src, want)
}

// Unicode property escapes and /v classes (rewritten at compile time,
// regexprops.go), as Postman CLI 1.34.0 answered them line by line. Not
// covered, so not here: \p{Emoji} (Go has no Emoji table), the source of a
// RegExp copied from a rewritten one, /v in toString.
func TestRegExpPropertiesAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => /\p{Lu}/u.test('A') + '|' + /\p{Lu}/u.test('É') + '|' + /\p{Lu}/u.test('a'));
p(() => /\p{L}/u.test('é') + '|' + /\p{Letter}/u.test('ж') + '|' + /^\p{L}+$/u.test('abc1'));
p(() => /\p{Script=Greek}/u.test('α') + '|' + /\p{sc=Greek}/u.test('a'));
p(() => /\P{L}/u.test('1') + '|' + /\P{L}/u.test('a'));
p(() => /[\p{L}\d]+/u.exec('ab1-')[0]);
p(() => /[^\p{L}]+/u.exec('ab12-x')[0]);
p(() => /[\P{L}]+/u.exec('ab12-x')[0]);
p(() => /\p{Lu}/u.source + '|' + /\p{Lu}/giu.flags + '|' + String(/\p{Lu}/u));
p(() => 'Hello Wörld 123'.replace(/\p{L}/gu, '*'));
p(() => 'a1b2'.replace(/\p{Nd}/gu, '#'));
p(() => /\p{Lu}/iu.test('a'));
p(() => /\p{White_Space}/u.test('\u00a0') + '|' + /\p{ASCII}/u.test('~') + '|' + /\p{Any}/u.test('😀') + '|' + /\p{Alphabetic}/u.test('ª'));
p(() => /[\p{L}--[a-z]]/v.test('A'));
p(() => /\p{Script=Han}/u.test('中') + '|' + /\p{sc=Hira}/u.test('ひ'));
p(() => { const re = /\p{Lu}/gu; const a = re.exec('aBcD'); const b = re.exec('aBcD'); return a.index + ',' + b.index + ',' + re.lastIndex; });
p(() => { const out = []; for (let i = 0; i < 3; i++) { const re = /\p{L}/g; out.push(re.lastIndex); re.test('a'); } return out.join(); });
p(() => /\p{Lu}/.test('p{Lu}') + '|' + /\p{Lu}/.source);
p(() => /\p{Lowercase_Letter}/u.test('ß') + '|' + /\p{gc=Decimal_Number}/u.test('٣'));
p(() => /[\p{L}--[a-z]]/v.test('A') + '|' + /[\p{L}--[a-z]]/v.test('a'));
p(() => /[[a-z]&&[aeiou]]/v.test('e') + '|' + /[[a-z]&&[aeiou]]/v.test('b'));
p(() => /^[\w--\d]+$/v.test('ab_') + '|' + /^[\w--\d]+$/v.test('a1'));
p(() => /[^\d]/v.exec('12x')[0]);
p(() => /[\p{Script=Greek}&&\p{Ll}]/v.test('α') + '|' + /[\p{Script=Greek}&&\p{Ll}]/v.test('Α'));
p(() => /[\u{1F600}-\u{1F64F}]/v.test('😀'));
p(() => 'a-b'.split(/[\-]/v).join('|'));
p(() => 'aÉb'.split(/\p{Lu}/u).join('|') + '|' + [...'aÉbÖ'.matchAll(/\p{Lu}/gu)].map(m => m.index).join() + '|' + 'aÉbÖ'.replaceAll(/\p{Lu}/gu, '_'));`
	want := []string{
		"true|true|false",
		"true|true|false",
		"true|false",
		"true|false",
		"ab1",
		"12-",
		"12-",
		"\\p{Lu}|giu|/\\p{Lu}/u",
		"***** ***** 123",
		"a#b#",
		"true",
		"true|true|true|true",
		"true",
		"true|true",
		"1,3,4",
		"0,0,0",
		"true|\\p{Lu}",
		"true|true",
		"true|false",
		"true|false",
		"true|false",
		"x",
		"true|false",
		"true",
		"a|b",
		"a|b|1,3|a_b_",
	}
	checkTestNames(t, src, want)
}

// A try body with break or continue out of it (labelled or not, from loops,
// switches and blocks) still turns a stack overflow into a catchable
// RangeError, and keeps its meaning. Each want line is what Postman CLI
// 1.34.0 printed for the same line.
func TestTryBodiesBreakAndContinueAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => { deep = function deep(n) { return deep(n + 1) + 1; }; return "defined"; });
p(() => { let n = 0; for (;;) { try { n++; break; } catch (e) {} } return n; });
p(() => { let n = 0; for (let i = 0; i < 3; i++) { try { if (i) continue; n++; } catch (e) {} } return n; });
p(() => { let n = 0; out: for (;;) { for (;;) { try { n++; break out; } catch (e) {} } } return n; });
p(() => { let n = 0; out: for (let i = 0; i < 3; i++) { for (;;) { try { n++; continue out; } catch (e) {} } } return n; });
p(() => { const log = []; for (const x of [1, 2, 3]) { try { if (x === 2) { deep(0); } log.push(x); } catch (e) { log.push(e.name); continue; } } return log.join(); });
p(() => { const log = []; for (let i = 0; i < 5; i++) { try { if (i === 1) continue; if (i === 3) break; deep(0); } catch (e) { log.push(i + e.name); } } return log.join(); });
p(() => { let r = ''; for (const k of ['a', 'b']) { switch (k) { case 'a': try { r += 'A'; break; } catch (e) {} r += '!'; } } return r; });
p(() => { let r = 0; for (let i = 0; i < 3; i++) { switch (i) { case 1: try { continue; } catch (e) {} } r++; } return r; });
p(() => { let s = ''; for (let i = 0; i < 3; i++) { try { try { if (i === 1) break; s += i; } catch (e) {} } catch (e) {} } return s; });
p(() => { let s = ''; blk: { try { s += 'x'; break blk; } catch (e) {} s += 'y'; } return s; });
p(() => { let s = ''; for (let i = 0; i < 2; i++) { try { s += i; if (i === 0) continue; return s + 'R'; } catch (e) {} finally { s += 'f'; } } return s; });`
	want := []string{
		"defined",
		"1",
		"1",
		"1",
		"3",
		"1,RangeError,3",
		"0RangeError,2RangeError",
		"A",
		"2",
		"0",
		"x",
		"0f1R",
	}
	checkTestNames(t, src, want)
}

// Object.fromEntries refuses what it cannot iterate in V8's words, as
// Postman CLI 1.34.0 answered line by line (new Map and new Set: see
// TestMoreErrorWordsAsPostman).
func TestBuiltinIterationErrorsAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => { try { Object.fromEntries(5); } catch (e) { return e.message; } });
p(() => { try { Object.fromEntries({}); } catch (e) { return e.message; } });
p(() => { try { Object.fromEntries(undefined); } catch (e) { return e.message; } });
p(() => { try { Object.fromEntries(null); } catch (e) { return e.message; } });
p(() => { try { Object.fromEntries([1]); } catch (e) { return e.message; } });
p(() => { try { Array.from(5).length; return 'ok'; } catch (e) { return e.message; } });`
	want := []string{
		"number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"undefined is not iterable",
		"undefined is not iterable",
		"Iterator value 1 is not an entry object",
		"ok",
	}
	checkTestNames(t, src, want)
}

// Promise.all, allSettled, race and any reject a non-iterable in V8's
// words. Each want line is what Postman CLI 1.34.0 printed.
func TestPromiseCombinatorErrorsAsPostman(t *testing.T) {
	t.Parallel()
	src := "function out(v) { pm.test(String(v), () => {}); }\n" + `
Promise.all(3).catch(e => out('all3 ' + e.message));
Promise.all({}).catch(e => out('allobj ' + e.message));
Promise.all(undefined).catch(e => out('allundef ' + e.message));
Promise.all(null).catch(e => out('allnull ' + e.message));
Promise.allSettled(1).catch(e => out('settled ' + e.message));
Promise.race(true).catch(e => out('race ' + e.message));
Promise.any(2).catch(e => out('any ' + e.message));
Promise.all('ab').then(v => out('str ' + v.join()));
`
	want := []string{
		"all3 number 3 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"allobj object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"allundef undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
		"allnull object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"settled number 1 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"race boolean true is not iterable (cannot read property Symbol(Symbol.iterator))",
		"any number 2 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"str a,b",
	}
	checkTestNames(t, src, want)
}

// Built-ins courier writes in JavaScript carry V8's names, not the
// names their code needs (try and return are reserved words): a script
// that prints or compares fn.name sees "try", "return", "throw" (Node 20.20
// for the async generator methods; Promise.try's name is its key, as every
// built-in's).
func TestBuiltinNamesAsV8(t *testing.T) {
	t.Parallel()
	src := `const g = (async function* () {})();
pm.test([Promise.try.name, Promise.try.length, g.next.name, g.return.name, g.throw.name].join(), () => {});`
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", src))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Tests) != 1 || r.Tests[0].Name != "try,1,next,return,throw" {
		t.Errorf("tests = %+v, want one named %q", r.Tests, "try,1,next,return,throw")
	}
}

// A stack overflow after an await inside a try body is the RangeError that
// try catches, and the script goes on; bodies that await keep their
// meaning (returns, break out of a loop, nested tries, finally, this,
// the order of interleaved awaits). Each want line is what Postman CLI
// 1.34.0 printed for the same line.
func TestTryBodiesThatAwaitCatchOverflowAsPostman(t *testing.T) {
	t.Parallel()
	src := "function out(v) { pm.test(String(v), () => {}); }" + "\n" + `
function deep(n) { return deep(n + 1) + 1; }
const tick = v => new Promise(r => setTimeout(() => r(v), 1));
(async () => {
  try { await tick(1); deep(0); out('not reached'); } catch (e) { out('a ' + e.name + ': ' + e.message); }
  try { const v = await tick(2); out('v ' + v); deep(v); } catch (e) { out('b ' + e.name); }
  let log = [];
  for (const i of [1, 2, 3]) { try { await tick(i); if (i === 2) { deep(0); } log.push(i); } catch (e) { log.push(e.name); continue; } }
  out('c ' + log.join());
  const f = async (x) => { try { await null; if (x) return 'early ' + x; deep(0); } catch (e) { return 'caught ' + e.name; } finally { log.push('fin' + x); } return 'end'; };
  out('d ' + await f(1) + ' | ' + await f(0) + ' | ' + log.slice(-2).join());
  try { try { await tick(0); deep(0); } catch (e) { out('e inner ' + e.name); throw new Error('rethrown'); } } catch (e) { out('e outer ' + e.message); }
  try { await tick(0); try { deep(0); } finally { out('f finally ran'); } } catch (e) { out('f outer ' + e.name); }
  const obj = { n: 5, async m() { try { await tick(0); return this.n + [1, 2].map(x => this.n * x).join(); } catch (e) { return 'x'; } } };
  out('g ' + await obj.m());
  try { await Promise.reject(new Error('plain')); } catch (e) { out('h ' + e.message); }
  const r = await (async () => { try { return tick('returned promise'); } catch (e) { return 'no'; } })();
  out('i ' + r);
  const order = [];
  const p1 = (async () => { try { order.push('p1a'); await null; order.push('p1b'); await null; order.push('p1c'); } catch (e) {} })();
  const p2 = (async () => { order.push('p2a'); await null; order.push('p2b'); await null; order.push('p2c'); await null; order.push('p2d'); })();
  await Promise.all([p1, p2]);
  out('j ' + order.join());
  outer: for (let i = 0; i < 3; i++) { try { await tick(i); if (i === 1) break outer; out('k ' + i); } catch (e) {} }
  try { let n = 0; while (true) { n++; await null; if (n === 3) { deep(0); } } } catch (e) { out('l ' + e.name); }
  try { await tick(0); JSON.parse('{'); } catch (e) { out('m ' + e.name); }
  try { await new Promise((res) => setTimeout(res, 1)); (function r() { r(); })(); } catch (e) { out('n ' + (e instanceof RangeError)); }
  out('after all');
})();`
	want := []string{
		"a RangeError: Maximum call stack size exceeded",
		"v 2",
		"b RangeError",
		"c 1,RangeError,3",
		"d early 1 | caught RangeError | fin1,fin0",
		"e inner RangeError",
		"e outer rethrown",
		"f finally ran",
		"f outer RangeError",
		"g 55,10",
		"h plain",
		"i returned promise",
		"j p1a,p2a,p1b,p2b,p1c,p2c,p2d",
		"k 0",
		"l RangeError",
		"m JSONError",
		"n true",
		"after all",
	}
	checkTestNames(t, src, want)
}

// Try bodies that await keep their meaning once guarded: declarations
// (destructured, awaited, a class) seen by what follows, a var seen after
// the try, arguments, labelled continue and break, switch, if, do-while,
// throws, nested finally blocks, a return from a loop; an overflow after
// the await in any of them is caught. Each want line is what Postman CLI
// 1.34.0 printed for the same line.
func TestTryBodiesThatAwaitKeepTheirMeaningAsPostman(t *testing.T) {
	t.Parallel()
	src := "function out(v) { pm.test(String(v), () => {}); }" + "\n" + `
function deep(n) { return deep(n + 1) + 1; }
(async function () {
  try { const a = 1; let b = await Promise.resolve(a + 1); const [c, d] = [b * 2, await 4]; class K { v() { return c + d; } } out('decl ' + a + b + c + d + new K().v()); } catch (e) { out('no'); }
  try { var hoisted = await 'var'; } catch (e) {} out('var ' + hoisted);
  try { out('args ' + arguments.length + await 1); } catch (e) { out('no'); }
  const seen = [];
  outer: for (const i of [1, 2, 3]) { for (const j of [1, 2]) { try { await null; if (j === 2) continue outer; if (i === 3) break outer; seen.push(i + '' + j); } catch (e) {} } }
  out('labels ' + seen.join());
  for (const k of ['a', 'b', 'c']) { try { switch (await k) { case 'a': seen.push('A'); break; case 'b': deep(0); default: seen.push('D'); } } catch (e) { seen.push(e.name); } }
  out('switch ' + seen.slice(-3).join());
  try { if (await true) { deep(0); } else { out('no'); } } catch (e) { out('if ' + e.name); }
  try { let n = 0; do { n += await 1; } while (n < 3); out('do ' + n); deep(0); } catch (e) { out('do ' + e.name); }
  try { const r = await new Promise(res => setTimeout(() => res({ items: [1, [2, [3]]] }), 1)); const flat = (x) => Array.isArray(x) ? x.flatMap(flat) : [x]; out('flat ' + flat(r.items).join()); const loop = (x) => loop({ x }); loop(r); } catch (e) { out('flat ' + e.name + ': ' + e.message); }
  try { await null; throw new TypeError('own'); } catch (e) { out('throw ' + e.name + ' ' + e.message); }
  try { await null; null.x; } catch (e) { out('read ' + e.message); }
  let fin = '';
  try { try { await null; deep(0); } finally { fin += 'f1'; } } catch (e) { fin += e.name; } finally { fin += 'f2'; }
  out('fin ' + fin);
  const res = await (async () => { for (let i = 0; ; i++) { try { await null; if (i === 2) return 'ret' + i; } catch (e) {} } })();
  out(res);
})();`
	want := []string{
		"decl 12448",
		"var var",
		"args 01",
		"labels 11,21",
		"switch A,RangeError,D",
		"if RangeError",
		"do 3",
		"do RangeError",
		"flat 1,2,3",
		"flat RangeError: Maximum call stack size exceeded",
		"throw TypeError own",
		"read Cannot read properties of null (reading 'x')",
		"fin f1RangeErrorf2",
		"ret2",
	}
	checkTestNames(t, src, want)
}

// Regular expressions built at run time (new RegExp, RegExp(), subclasses,
// the copies split and matchAll make) read \p{…}, /v and (?i:) as the
// literals do, keep instanceof, constructor, species and String(RegExp),
// RegExp(re) is re, and bad patterns are refused in V8's words
// (js/parts/regexp.js, regexpctor.go). Each want line is what Postman CLI
// 1.34.0 printed for the same line. Not here, because courier differs: the
// legacy statics RegExp.input, lastMatch… (goja has none).
func TestRegExpConstructorAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => new RegExp('\\p{L}+', 'u').exec('12abc3')[0]);
p(() => RegExp('\\p{Lu}', 'gu').test('xÉ') + '|' + RegExp('\\p{Lu}', 'u').source + '|' + String(new RegExp('\\p{Lu}', 'u')));
p(() => { const re = new RegExp('\\p{L}', 'u'); return (re instanceof RegExp) + '|' + (re.constructor === RegExp) + '|' + (Object.getPrototypeOf(re) === RegExp.prototype); });
p(() => { class X extends RegExp { hi() { return 'hi'; } } const x = new X('\\p{Nd}+', 'u'); return (x instanceof X) + '|' + x.hi() + '|' + x.exec('ab٣4c')[0] + '|' + (x instanceof RegExp); });
p(() => { class X extends RegExp {} const x = new X('a+', 'g'); return (x instanceof X) + '|' + 'caaab'.match(x)[0]; });
p(() => RegExp[Symbol.species] === RegExp);
p(() => String(RegExp) + '|' + RegExp.name + '|' + RegExp.length);
p(() => { const re = /x/; return RegExp(re) === re; });
p(() => { const re = /x/; return new RegExp(re) === re; });
p(() => new RegExp('[\\p{L}--[a-z]]', 'v').test('A') + '|' + new RegExp('[\\p{L}--[a-z]]', 'v').test('a') + '|' + new RegExp('a', 'v').flags + '|' + new RegExp('a', 'v').unicodeSets + '|' + new RegExp('a', 'v').unicode);
p(() => { const re = new RegExp('\\p{Lu}', 'u'); const c = new RegExp(re); return c.source + '|' + c.flags + '|' + c.test('É'); });
p(() => { const re = new RegExp('\\p{Lu}', 'u'); const c = new RegExp(re, 'gu'); return c.source + '|' + c.flags + '|' + 'aÉbÖ'.replace(c, '_'); });
p(() => new RegExp(/\p{Lu}/, 'u').test('É'));
p(() => 'aÉbÖc'.split(new RegExp('\\p{Lu}', 'u')).join(','));
p(() => [...'aÉbÖc'.matchAll(new RegExp('\\p{Lu}', 'gu'))].map(m => m[0] + m.index).join(','));
p(() => new RegExp('\\p{Foo}', 'u'));
p(() => new RegExp('\\p{L', 'u'));
p(() => new RegExp('\\p{L}', '').test('p{L}'));
p(() => { const R = RegExp; return new R('\\p{Ll}', 'u').test('ж'); });
p(() => /\p{Ll}/u.constructor === RegExp);
p(() => JSON.stringify(Object.keys(new RegExp('\\p{L}', 'u'))));
p(() => { const re = new RegExp('\\p{L}+', 'gu'); re.lastIndex = 2; const m = re.exec('ab cd'); return m[0] + m.index + re.lastIndex; });
p(() => new RegExp('\\P{L}+', 'u').exec('ab12cd')[0] + '|' + new RegExp('[^\\p{L}]', 'u').exec('ab1')[0]);
p(() => new RegExp('^[\\p{L}\\p{N}_-]+$', 'u').test('héllo_1-ж') + '|' + new RegExp('^[\\p{L}\\p{N}_-]+$', 'u').test('a b'));
p(() => new RegExp('['));
p(() => new RegExp('('));
p(() => new RegExp('*'));
p(() => new RegExp('a{2,1}'));
p(() => new RegExp('\\'));
p(() => new RegExp('(?<n>x)(?<n>y)'));
p(() => new RegExp(')'));
p(() => new RegExp('a', 'gg'));
p(() => new RegExp('a', 'x'));
p(() => new RegExp('[b-a]'));
p(() => new RegExp('(?<1a>x)'));
p(() => new RegExp('\\k<nope>(?<x>a)'));
p(() => new RegExp('a**'));
p(() => new RegExp('\\u{110000}', 'u'));
p(() => new RegExp('\\c', 'u'));
p(() => RegExp('+'));`
	want := []string{
		"abc",
		"true|\\p{Lu}|/\\p{Lu}/u",
		"true|true|true",
		"true|hi|٣4|true",
		"true|aaa",
		"true",
		"function RegExp() { [native code] }|RegExp|2",
		"true",
		"false",
		"true|false|v|true|false",
		"\\p{Lu}|u|true",
		"\\p{Lu}|gu|a_b_",
		"true",
		"a,b,c",
		"É1,Ö3",
		"E:SyntaxError: Invalid regular expression: /\\p{Foo}/u: Invalid property name",
		"E:SyntaxError: Invalid regular expression: /\\p{L/u: Invalid property name",
		"true",
		"true",
		"true",
		"[]",
		"cd35",
		"12|1",
		"true|false",
		"E:SyntaxError: Invalid regular expression: /[/: Unterminated character class",
		"E:SyntaxError: Invalid regular expression: /(/: Unterminated group",
		"E:SyntaxError: Invalid regular expression: /*/: Nothing to repeat",
		"E:SyntaxError: Invalid regular expression: /a{2,1}/: numbers out of order in {} quantifier",
		"E:SyntaxError: Invalid regular expression: /\\/: \\ at end of pattern",
		"E:SyntaxError: Invalid regular expression: /(?<n>x)(?<n>y)/: Duplicate capture group name",
		"E:SyntaxError: Invalid regular expression: /)/: Unmatched ')'",
		"E:SyntaxError: Invalid flags supplied to RegExp constructor 'gg'",
		"E:SyntaxError: Invalid flags supplied to RegExp constructor 'x'",
		"E:SyntaxError: Invalid regular expression: /[b-a]/: Range out of order in character class",
		"E:SyntaxError: Invalid regular expression: /(?<1a>x)/: Invalid capture group name",
		"E:SyntaxError: Invalid regular expression: /\\k<nope>(?<x>a)/: Invalid named capture referenced",
		"E:SyntaxError: Invalid regular expression: /a**/: Nothing to repeat",
		"E:SyntaxError: Invalid regular expression: /\\u{110000}/u: Invalid Unicode escape",
		"E:SyntaxError: Invalid regular expression: /\\c/u: Invalid Unicode escape",
		"E:SyntaxError: Invalid regular expression: /+/: Nothing to repeat",
	}
	checkTestNames(t, src, want)
}

// The /d flag (hasIndices): exec, match, matchAll, replace and split
// results carry indices and indices.groups, from literals and new RegExp
// (regexpindices.go, js/parts/regexp.js). Each want line is what Postman
// CLI 1.34.0 printed for the same line. Not here, because courier differs:
// Object.getOwnPropertyNames of a /d expression also lists its exec.
func TestRegExpIndicesAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => JSON.stringify(/a(b)/d.exec('xab').indices));
p(() => { const m = /(?<key>\w+)=(?<val>\w*)/d.exec('x; k1=v1'); return JSON.stringify([m.indices, m.indices.groups, m.groups, Object.keys(m), Object.keys(m.indices)]); });
p(() => { const m = /(a)|(b)/d.exec('zb'); return JSON.stringify(m.indices) + '|' + (m.indices[1] === undefined) + '|' + m.length + '|' + m.indices.length; });
p(() => /a/d.hasIndices + '|' + /a/d.flags + '|' + /a/dg.flags + '|' + /a/.hasIndices + '|' + String(/a(b)/gd) + '|' + /a(b)/d.source);
p(() => JSON.stringify([...'a1b22c333'.matchAll(/(\d)+/dg)].map(m => m.indices)));
p(() => JSON.stringify('x-ab-ab'.match(/(a)(b)/d).indices) + '|' + JSON.stringify('x-ab-ab'.match(/(a)(b)/dg)));
p(() => { const re = new RegExp('(\\d+)-(\\d+)', 'd'); const m = re.exec('tel 12-345'); return JSON.stringify(m.indices) + '|' + re.hasIndices + '|' + re.flags; });
p(() => { const re = /(a)\1(b)\2/d; const m = re.exec('zaabb'); return m ? JSON.stringify(m.indices) + m[0] : 'null'; });
p(() => JSON.stringify(/(?:(x)y)+/d.exec('xyxy').indices));
p(() => JSON.stringify(/(é+)(😀)(z)/du.exec('aéé😀z').indices));
p(() => JSON.stringify(/(\p{Lu})(\p{Ll}+)/du.exec('1Élan').indices));
p(() => 'a-b-c'.replace(/(\w)-/dg, '$1+') + '|' + 'a-b'.split(/(-)/d).join(','));
p(() => { const re = /(o)/dg; re.lastIndex = 5; const m = re.exec('foo boo'); return JSON.stringify(m.indices) + re.lastIndex; });
p(() => /(a)/d.test('a') + '|' + 'ba'.search(/(a)/d));
p(() => JSON.stringify(/(?<y>\d{4})-(?<m>\d\d)?/d.exec('2024-').indices.groups));
p(() => JSON.stringify(/(a(b(c)))/d.exec('xabc').indices));
p(() => JSON.stringify(/(?<=(\$))(\d+)/d.exec('cost $42').indices));
p(() => JSON.stringify(/([a-c])(?!x)/d.exec('axb').indices));
p(() => { const m = /(a)/d.exec('a'); return String(m.indices.groups) + '|' + ('groups' in m.indices) + '|' + Array.isArray(m.indices) + '|' + Array.isArray(m.indices[0]); });`
	want := []string{
		"[[1,3],[2,3]]",
		"[[[3,8],[3,5],[6,8]],{\"key\":[3,5],\"val\":[6,8]},{\"key\":\"k1\",\"val\":\"v1\"},[\"0\",\"1\",\"2\",\"index\",\"input\",\"groups\",\"indices\"],[\"0\",\"1\",\"2\",\"groups\"]]",
		"[[1,2],null,[1,2]]|true|3|3",
		"true|d|dg|false|/a(b)/dg|a(b)",
		"[[[1,2],[1,2]],[[3,5],[4,5]],[[6,9],[8,9]]]",
		"[[2,4],[2,3],[3,4]]|[\"ab\",\"ab\"]",
		"[[4,10],[4,6],[7,10]]|true|d",
		"[[1,5],[1,2],[3,4]]aabb",
		"[[0,4],[2,3]]",
		"[[1,6],[1,3],[3,5],[5,6]]",
		"[[1,5],[1,2],[2,5]]",
		"a+b+c|a,-,b",
		"[[5,6],[5,6]]6",
		"true|1",
		"{\"y\":[0,4]}",
		"[[1,4],[1,4],[2,4],[3,4]]",
		"[[6,8],[5,6],[6,8]]",
		"[[2,3],[2,3]]",
		"undefined|true|true|true",
	}
	checkTestNames(t, src, want)
}

// Emoji properties and the other binary properties Go's unicode package
// lacks (ID_Start, Assigned, Changes_When_*…) match as in Postman CLI 1.34,
// whose V8 is Unicode 16.0: the seven emoji code points 16.0 added are
// Emoji, those of 17.0 are not (v8props_gen.go, dumped from the
// reference). Names V8 refuses (Other_Alphabetic…) are refused in its
// words. Each want line is what Postman CLI 1.34.0 printed for the same
// line.
func TestRegExpEmojiPropertiesAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => ['😀', '#', 'a', '©', '\u{1FAE9}', '\u{1FAEA}', '❤', '1'].map(c => /\p{Emoji}/u.test(c) ? 1 : 0).join(''));
p(() => ['😀', '#', '©', '❤', '⌚', '\u{1FAE9}'].map(c => /\p{Emoji_Presentation}/u.test(c) ? 1 : 0).join('') + '|' + /\p{EPres}/u.test('😀'));
p(() => ['\u{1F3FB}', '\u{1F3FF}', 'a'].map(c => /\p{Emoji_Modifier}/u.test(c) ? 1 : 0).join('') + '|' + /\p{EMod}/u.test('\u{1F3FD}'));
p(() => ['👍', '😀', '👶'].map(c => /\p{Emoji_Modifier_Base}/u.test(c) ? 1 : 0).join(''));
p(() => ['#', '\u200d', '\uFE0F', '\u{1F1E6}', 'a'].map(c => /\p{Emoji_Component}/u.test(c) ? 1 : 0).join(''));
p(() => ['😀', '\u{1FAEA}', '\u{1FFFD}', '©', 'a'].map(c => /\p{Extended_Pictographic}/u.test(c) ? 1 : 0).join(''));
p(() => 'I ❤️ 🍕 and 🐈!'.replace(/\p{Extended_Pictographic}/gu, '_'));
p(() => 'ok 👍🏽 go'.match(/\p{Emoji_Modifier_Base}\p{Emoji_Modifier}?/u)[0].length);
p(() => (/^[\p{L}\p{Emoji}\s]+$/u.test('héllo 😀 wörld') + '|' + /[^\p{Emoji}]/u.exec('😀😀x')[0]));
p(() => new RegExp('\\p{Emoji_Presentation}+', 'gu')[Symbol.replace]('a😀😀b🐈', '*'));
p(() => /[\p{Emoji}--\p{ASCII}]/v.test('#') + '|' + /[\p{Emoji}--\p{ASCII}]/v.test('😀') + '|' + /[\p{Emoji}&&\p{ASCII}]/v.test('#'));
p(() => /\P{Emoji}/u.test('😀') + '|' + /\P{Emoji}/u.test('x'));
p(() => /\p{ID_Start}/u.test('é') + '|' + /\p{ID_Continue}/u.test('9') + '|' + /\p{Assigned}/u.test('\u0378') + '|' + /\p{Math}/u.test('+') + '|' + /\p{Cased}/u.test('A'));
p(() => /\p{Ideo}/u.test('中') + '|' + /\p{Alpha}/u.test('ª') + '|' + /\p{Upper}/u.test('Ⓐ') + '|' + /\p{Lower}/u.test('ª'));
p(() => /\p{Changes_When_Casefolded}/u.test('A') + '|' + /\p{CWL}/u.test('a') + '|' + /\p{Default_Ignorable_Code_Point}/u.test('\u00AD'));
p(() => new RegExp('\\p{Other_Alphabetic}', 'u'));
p(() => new RegExp('\\p{Prepended_Concatenation_Mark}', 'u').test('\u0600'));
p(() => /\p{Emoji}/u.source + '|' + String(/\p{Emoji}+/gu));
p(() => [...'a😀b🍕'.matchAll(/\p{Emoji_Presentation}/gu)].map(m => m.index).join());`
	want := []string{
		"11011011",
		"100011|true",
		"110|true",
		"101",
		"11110",
		"11110",
		"I _️ _ and _!",
		"4",
		"true|x",
		"a*b*",
		"false|true|true",
		"false|true",
		"true|true|false|true|true",
		"true|true|true|true",
		"true|false|true",
		"E:SyntaxError: Invalid regular expression: /\\p{Other_Alphabetic}/u: Invalid property name",
		"E:SyntaxError: Invalid regular expression: /\\p{Prepended_Concatenation_Mark}/u: Invalid property name",
		"\\p{Emoji}|/\\p{Emoji}+/gu",
		"1,4",
	}
	checkTestNames(t, src, want)
}

// Properties of strings (\p{RGI_Emoji} and its parts) and \q{…} in /v:
// whole emoji sequences (ZWJ families, skin tones, flags, keycaps, tags)
// match as one, longest first, and combine with -- and && (regexpsets.go,
// v8strings_gen.go: Unicode 16.0's 3,790 RGI emoji, dumped from the
// reference). Each want line is what Postman CLI 1.34.0 printed for the
// same line.
func TestRegExpStringPropertiesAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => /^\p{RGI_Emoji}$/v.test('👍🏽') + '|' + /^\p{RGI_Emoji}$/v.test('👨‍👩‍👧‍👦') + '|' + /^\p{RGI_Emoji}$/v.test('a') + '|' + /^\p{RGI_Emoji}$/v.test('🇫🇷') + '|' + /^\p{RGI_Emoji}$/v.test('\u{1FAE9}'));
p(() => 'I 👍🏽 it 🇫🇷 🏴󠁧󠁢󠁳󠁣󠁴󠁿 1️⃣ ok'.match(/\p{RGI_Emoji}/gv).join(','));
p(() => 'a👩🏽‍💻b❤️c'.replace(/\p{RGI_Emoji}/gv, '_'));
p(() => [...'x🧑‍🧑‍🧒y🐦‍🔥z🇨🇶'.matchAll(/\p{RGI_Emoji}/gv)].map(m => m.index + ':' + m[0].length).join());
p(() => /^\p{Emoji_Keycap_Sequence}$/v.test('#️⃣') + '|' + /^\p{RGI_Emoji_Flag_Sequence}$/v.test('🇯🇵') + '|' + /^\p{RGI_Emoji_Modifier_Sequence}$/v.test('👋🏿') + '|' + /^\p{RGI_Emoji_Tag_Sequence}$/v.test('🏴󠁧󠁢󠁥󠁮󠁧󠁿') + '|' + /^\p{RGI_Emoji_ZWJ_Sequence}$/v.test('🏳️‍🌈') + '|' + /^\p{Basic_Emoji}$/v.test('😀'));
p(() => /^[\p{RGI_Emoji}--\q{👍🏽}]$/v.test('👍🏽') + '|' + /^[\p{RGI_Emoji}--\q{👍🏽}]$/v.test('👍🏾'));
p(() => /^[\q{abc|d}x]+$/v.test('abcdxabc') + '|' + /^[\q{abc|d}x]+$/v.test('ab'));
p(() => /^[\p{RGI_Emoji_Flag_Sequence}&&\q{🇫🇷|🇩🇪|xy}]$/v.test('🇩🇪') + '|' + /^[\p{RGI_Emoji_Flag_Sequence}&&\q{🇫🇷|🇩🇪|xy}]$/v.test('xy'));
p(() => new RegExp('^\\p{RGI_Emoji}+$', 'v').test('😀👍🏽🇫🇷'));
p(() => new RegExp('[^\\p{RGI_Emoji}]', 'v'));
p(() => new RegExp('\\P{RGI_Emoji}', 'v'));
p(() => new RegExp('\\p{RGI_Emoji}', 'u'));
p(() => /\p{RGI_Emoji}/v.source + '|' + /\p{RGI_Emoji}/v.flags + '|' + /\p{RGI_Emoji}/v.unicodeSets);
p(() => '👨‍👩‍👧 and 🧑🏻‍🦯‍➡️'.split(/\p{RGI_Emoji}/v).join('|'));`
	want := []string{
		"true|true|false|true|true",
		"👍🏽,🇫🇷,🏴󠁧󠁢󠁳󠁣󠁴󠁿,1️⃣",
		"a_b_c",
		"1:8,10:5,16:4",
		"true|true|true|true|true|true",
		"false|true",
		"true|false",
		"true|false",
		"true",
		"E:SyntaxError: Invalid regular expression: /[^\\p{RGI_Emoji}]/v: Negated character class may contain strings",
		"E:SyntaxError: Invalid regular expression: /\\P{RGI_Emoji}/v: Invalid property name",
		"E:SyntaxError: Invalid regular expression: /\\p{RGI_Emoji}/u: Invalid property name",
		"\\p{RGI_Emoji}|v|true",
		"| and |",
	}
	checkTestNames(t, src, want)
}

// Modifier groups (?ims-ims:…), which Postman CLI 1.34's V8 reads and goja
// does not: each is rewritten to mean the same under the flags the pattern
// compiles with (regexpmodifiers.go); bad ones are refused in V8's words.
// Each want line is what Postman CLI 1.34.0 printed for the same line.
func TestRegExpModifiersAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => /(?m:^b)/.test('a\nb') + '|' + /^b/.test('a\nb') + '|' + /(?m:c$)/.test('c\nd') + '|' + /c$/.test('c\nd'));
p(() => /(?s:a.b)/.test('a\nb') + '|' + /a.b/.test('a\nb') + '|' + /(?s:a.)b./.test('a\nbx') + '|' + /(?s:a.)b./.test('a\nb\n'));
p(() => /(?-s:a.b)/s.test('a\nb') + '|' + /(?-m:^b)/m.test('a\nb') + '|' + /(?-m:^a)/m.test('a\nb'));
p(() => /(?-i:a)b/i.test('aB') + '|' + /(?-i:a)b/i.test('AB') + '|' + /(?-i:a)b/i.flags + '|' + /(?-i:a)b/i.ignoreCase + '|' + /(?-i:a)b/i.source);
p(() => /(?i-m:A)b/m.test('ab') + '|' + /(?ms:^.)/.exec('x\n\ny')[0].length);
p(() => 'Hello WORLD hello'.match(/(?i:hello) \w+/g).join(','));
p(() => /(?i:[a-c]x)/.test('BX') + '|' + /(?i:[^a]x)/.test('Ax') + '|' + /(?i:\p{Lu})/u.test('a') + '|' + /(?i:\u0041)/.test('a'));
p(() => /(?i:(?<word>ab))\k<word>/.exec('ABAB') + '|' + /(?i:(?<word>ab))\k<word>/.exec('ABab'));
p(() => new RegExp('(?m:^x)', 'g')[Symbol.match]('a\nx\nx').length + '|' + new RegExp('(?s:.)', 'gs').source);
p(() => new RegExp('(?ii:a)'));
p(() => new RegExp('(?-:a)'));
p(() => new RegExp('(?i-i:a)'));
p(() => /(?i:a(?-i:b)c)/.test('AbC') + '|' + /(?i:a(?-i:b)c)/.test('ABC'));
p(() => /(?i:\x4a)/.test('j') + '|' + /(?i:[\x4a])/.test('j'));`
	want := []string{
		"true|false|true|false",
		"true|false|true|false",
		"false|false|true",
		"true|false|i|true|(?-i:a)b",
		"true|1",
		"Hello WORLD",
		"true|false|true|true",
		"ABAB,AB|null",
		"2|(?s:.)",
		"E:SyntaxError: Invalid regular expression: /(?ii:a)/: Repeated flag in flag group",
		"E:SyntaxError: Invalid regular expression: /(?-:a)/: Invalid flag group",
		"E:SyntaxError: Invalid regular expression: /(?i-i:a)/: Repeated flag in flag group",
		"true|false",
		"true|true",
	}
	checkTestNames(t, src, want)
}

// TypeErrors a script meets in V8's words (issue 13, item 14's
// neighbours): destructured parameters (object and array patterns,
// defaults, rest, computed keys, methods, async), nested patterns in
// declarations and parameters, new Map/Set/WeakMap/WeakSet of what they
// cannot take, a class called without new, callees V8 prints as
// (intermediate value), a Promise without a resolver, reduce of an empty
// array, a method on the wrong receiver, this before super. Each want line
// is what Postman CLI 1.34.0 printed for the same line (the probe's lines
// courier still words otherwise are in docs/postman-compatibility.md).
func TestMoreErrorWordsAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }" + "\n" + `
p(() => { const f = ({id}) => id; return f(null); });
p(() => { const f = ({id}) => id; return f(); });
p(() => { function g({a, b}) { return a; } return g(undefined); });
p(() => { function g([a]) { return a; } return g(null); });
p(() => { function g([a]) { return a; } return g(5); });
p(() => { function g([a]) { return a; } return g({}); });
p(() => { const f = ({id} = {}) => id; return f(null); });
p(() => { const f = (x, {y}) => y; return f(1, null); });
p(() => { const f = function ({['k' + 1]: v}) { return v; }; return f(null); });
p(() => { const f = ({...rest}) => rest; return f(null); });
p(() => { const f = ({}) => 1; return f(null); });
p(() => { class C { m({id}) { return id; } } return new C().m(null); });
p(() => { const o = { m({id}) { return id; } }; return o.m(undefined); });
p(() => { const f = async ({id}) => id; f(null).catch(e => pm.test('async E:' + e.name + ': ' + e.message, () => {})); return 'async called'; });
p(() => { const {a: {b}} = {a: null}; return b; });
p(() => { const {a: {b}} = {}; return b; });
p(() => { const {a: {b: {c}}} = {a: {b: undefined}}; return c; });
p(() => { const [[x]] = [null]; return x; });
p(() => { const [{x}] = [null]; return x; });
p(() => { const {a: [x]} = {a: 5}; return x; });
p(() => { const {a: [x]} = {a: {}}; return x; });
p(() => { const r = {data: {user: null}}; const {data: {user: {name}}} = r; return name; });
p(() => { const f = ({a: {b}}) => b; return f({a: null}); });
p(() => new Map(1));
p(() => new Map({}));
p(() => new Map([1]));
p(() => new Map(true));
p(() => new Map('ab'));
p(() => new Set(1));
p(() => new Set({}));
p(() => new WeakMap(1));
p(() => new WeakSet({}));
p(() => new WeakMap([[1, 2]]));
p(() => new WeakSet([1]));
p(() => new Map(null).size + new Set(undefined).size);
p(() => new (class { static t() {} }).t());
p(() => { const K = class {}; return K(); });
p(() => { class K {} return K(); });
p(() => new (class A {})().nope());
p(() => (class {}).x());
p(() => new Promise(5));
p(() => Object.create(5));
p(() => Object.setPrototypeOf({}, 5));
p(() => new Proxy({}, 5));
p(() => Symbol.keyFor('x'));
p(() => new Symbol());
p(() => [].reduce((a, b) => a));
p(() => 'x'.localeCompare());
p(() => structuredClone(() => 1));
p(() => { 'use strict'; undefined_var_x = 1; });
p(() => { const o = Object.freeze({a: 1}); 'use strict'; o.a = 2; return o.a; });
p(() => { const s = new Set(); s.add.call({}, 1); });
p(() => Map.prototype.get.call({}, 1));
p(() => { class A { constructor() { this.x; } } class B extends A { constructor() { this.y = 1; super(); } } new B(); });
p(() => [...{}]);
p(() => Math.max(...5));
p(() => { const [a] = 5; });
p(() => new Intl.NumberFormat('en', {style: 'bogus'}));
p(() => 1..toString(40));
p(() => BigInt('1.5'));
p(() => 'abc'.replaceAll(/b/, 'x'));`
	want := []string{
		"E:TypeError: Cannot destructure property 'id' of 'object null' as it is null.",
		"E:TypeError: Cannot destructure property 'id' of 'undefined' as it is undefined.",
		"E:TypeError: Cannot destructure property 'a' of 'undefined' as it is undefined.",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot destructure property 'id' of '(intermediate value)(intermediate value)(intermediate value)' as it is null.",
		"E:TypeError: Cannot destructure property 'y' of 'object null' as it is null.",
		"E:TypeError: Cannot destructure 'object null' as it is null.",
		"E:TypeError: Cannot destructure 'object null' as it is null.",
		"E:TypeError: Cannot destructure 'object null' as it is null.",
		"E:TypeError: Cannot destructure property 'id' of 'object null' as it is null.",
		"E:TypeError: Cannot destructure property 'id' of 'undefined' as it is undefined.",
		"async called",
		"E:TypeError: Cannot read properties of null (reading 'b')",
		"E:TypeError: Cannot read properties of undefined (reading 'b')",
		"E:TypeError: Cannot read properties of undefined (reading 'c')",
		"E:TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:TypeError: {(intermediate value)} is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: {(intermediate value)} is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:TypeError: Cannot read properties of null (reading 'b')",
		"E:TypeError: number 1 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: boolean true is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Iterator value a is not an entry object",
		"E:TypeError: number 1 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: number 1 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Invalid value used as weak map key",
		"E:TypeError: Invalid value used in weak set",
		"0",
		"E:TypeError: (intermediate value).t is not a constructor",
		"E:TypeError: Class constructor K cannot be invoked without 'new'",
		"E:TypeError: Class constructor K cannot be invoked without 'new'",
		"E:TypeError: (intermediate value).nope is not a function",
		"E:TypeError: (intermediate value).x is not a function",
		"E:TypeError: Promise resolver 5 is not a function",
		"E:TypeError: Object prototype may only be an Object or null: 5",
		"E:TypeError: Object prototype may only be an Object or null: 5",
		"E:TypeError: Cannot create proxy with a non-object as target or handler",
		"E:TypeError: x is not a symbol",
		"E:TypeError: Symbol is not a constructor",
		"E:TypeError: Reduce of empty array with no initial value",
		"1",
		"E:DataCloneError: () => 1 could not be cloned.",
		"E:ReferenceError: undefined_var_x is not defined",
		"1",
		"E:TypeError: Method Set.prototype.add called on incompatible receiver #<Object>",
		"E:TypeError: Method Map.prototype.get called on incompatible receiver #<Object>",
		"E:ReferenceError: Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
		"E:TypeError: {} is not iterable",
		"E:TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function",
		"E:TypeError: 5 is not iterable",
		"E:RangeError: Value bogus out of range for Intl.NumberFormat options property style",
		"E:RangeError: toString() radix argument must be between 2 and 36",
		"E:SyntaxError: Cannot convert 1.5 to a BigInt",
		"E:TypeError: String.prototype.replaceAll called with a non-global RegExp argument",
		"async E:TypeError: Cannot destructure property 'id' of 'object null' as it is null.",
	}
	checkTestNames(t, src, want)
}

// A call or new on a parenthesized literal names it as V8 prints it: a
// class as (intermediate value), twice when it has private names, an
// object literal as {(intermediate value)}, an array of plain values as
// written. Each want line is what Postman CLI 1.34.0 printed.
func TestLiteralCalleesAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }" + "\n" + `
p(() => new (class { static t() {} }).t());
p(() => new (class { #p; static t() {} }).t());
p(() => new (class { p = 1; static t() {} }).t());
p(() => new (class { static q = 1; static t() {} }).t());
p(() => new (class { static { } static t() {} }).t());
p(() => new (class { #m() {} static t() {} }).t());
p(() => new (class { #p; q = 2; static t() {} }).t());
p(() => new (class A { #p; static t() {} }).t());
p(() => (class { #p; static t() {} }).x());
p(() => (class { p = 1; }).x());
p(() => new (class { p = 1; })().x());
p(() => (function () {}).x());
p(() => ({ a: 1 }).x());
p(() => ([1]).x());`
	want := []string{
		"E:TypeError: (intermediate value).t is not a constructor",
		"E:TypeError: (intermediate value)(intermediate value).t is not a constructor",
		"E:TypeError: (intermediate value).t is not a constructor",
		"E:TypeError: (intermediate value).t is not a constructor",
		"E:TypeError: (intermediate value).t is not a constructor",
		"E:TypeError: (intermediate value)(intermediate value).t is not a constructor",
		"E:TypeError: (intermediate value)(intermediate value).t is not a constructor",
		"E:TypeError: (intermediate value)(intermediate value).t is not a constructor",
		"E:TypeError: (intermediate value)(intermediate value).x is not a function",
		"E:TypeError: (intermediate value).x is not a function",
		"E:TypeError: (intermediate value).x is not a function",
		"E:TypeError: (intermediate value).x is not a function",
		"E:TypeError: {(intermediate value)}.x is not a function",
		"E:TypeError: [1].x is not a function",
	}
	checkTestNames(t, src, want)
}

// General categories, scripts and script extensions as Postman CLI 1.34's
// V8 reads them (Unicode 16.0, v8props_gen.go): Cn, the scripts 16.0
// added, Script_Extensions apart from Script (ー is scx=Hira, sc=Zyyy),
// every four-letter alias. Each want line is what Postman CLI 1.34.0
// printed for the same line.
func TestRegExpCategoriesAndScriptsAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }\n" + `
p(() => /\p{scx=Hira}/u.test('ー') + '|' + /\p{sc=Hira}/u.test('ー') + '|' + /^\p{scx=Hiragana}+$/u.test('ひらがなー') + '|' + /\p{Script_Extensions=Katakana}/u.test('・'));
p(() => /\p{scx=Deva}/u.test('\u0964') + '|' + /\p{sc=Deva}/u.test('\u0964') + '|' + /\p{sc=Zyyy}/u.test('\u0964'));
p(() => /\p{L}/u.test('\u{10D4A}') + '|' + /\p{Lo}/u.test('\u{16D43}') + '|' + /\p{sc=Garay}/u.test('\u{10D4A}') + '|' + /\p{sc=Gara}/u.test('\u{10D4A}') + '|' + /\p{Cn}/u.test('\u{10D4A}'));
p(() => /\p{Cn}/u.test('\u0378') + '|' + /\p{Unassigned}/u.test('a') + '|' + /\p{gc=Cn}/u.test('\u{E0080}'));
p(() => /\p{LC}/u.test('ǅ') + '|' + /\p{Cased_Letter}/u.test('ª') + '|' + /\p{C}/u.test('\u200b') + '|' + /\p{Other}/u.test(String.fromCodePoint(0x10FFFF)));
p(() => /\p{sc=Kana}/u.test('カ') + '|' + new RegExp('\\p{sc=Katakana_Or_Hiragana}', 'u').test('カ'));
p(() => new RegExp('\\p{sc=Qaai}', 'u').test('\u0300') + '|' + new RegExp('\\p{sc=Zinh}', 'u').test('\u0300') + '|' + new RegExp('\\p{scx=Zinh}', 'u').test('\u0951'));
p(() => new RegExp('\\p{sc=Unknown}', 'u').test('\u0378') + '|' + new RegExp('\\p{sc=Zzzz}', 'u').test('a'));
p(() => new RegExp('\\p{Script=Nope}', 'u'));
p(() => 'Tōkyō 東京 とうきょう トウキョウ'.match(/\p{scx=Han}+|\p{scx=Hira}+|\p{scx=Kana}+/gu).join(','));
p(() => /\p{Ll}/u.test('\u{1E030}') + '|' + /\p{Lm}/u.test('\u{1E030}') + '|' + /\p{Nd}/u.test('\u{1CCF0}'));`
	want := []string{
		"true|false|true|true",
		"true|false|true",
		"true|true|true|true|false",
		"true|false|true",
		"true|false|true|true",
		"E:SyntaxError: Invalid regular expression: /\\p{sc=Katakana_Or_Hiragana}/u: Invalid property name",
		"true|true|false",
		"true|false",
		"E:SyntaxError: Invalid regular expression: /\\p{Script=Nope}/u: Invalid property name",
		"東京,とうきょう,トウキョウ",
		"false|true|true",
	}
	checkTestNames(t, src, want)
}
