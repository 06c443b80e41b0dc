package scripting

import (
	"context"
	"strings"
	"testing"
)

// The globals of Postman's current sandbox (issue 13, item 17). Newman
// 6.2.2 has none of the web classes; the answers are Postman CLI 1.34.0's.
var globalsCases = []refCase{
	{"AbortController", `(() => { const c = new AbortController(); let n = 0; c.signal.addEventListener('abort', () => n++); c.abort(); c.abort(); return c.signal.aborted + '|' + n + '|' + c.signal.reason.name })()`, "S:true|1|AbortError", refPostman},
	{"onabort", `(() => { const c = new AbortController(); let n = 0; c.signal.onabort = () => n++; c.abort(); return n + '|' + c.signal.reason.message + '|' + Object.prototype.toString.call(c.signal) + '|' + (c.signal instanceof EventTarget) })()`, "S:1|This operation was aborted|[object AbortSignal]|true", refPostman},
	{"abort reason", `(() => { const c = new AbortController(); c.abort(new Error('boom')); return c.signal.reason.message })()`, "S:boom", refPostman},
	{"AbortSignal.abort", `(() => { const s = AbortSignal.abort('why'); return s.aborted + '|' + s.reason })()`, "S:true|why", refPostman},
	{"AbortSignal.any", `(() => { const s = AbortSignal.any([AbortSignal.abort('r')]); return s.aborted + '|' + s.reason })()`, "S:true|r", refPostman},
	{"AbortSignal.timeout", `AbortSignal.timeout(10).aborted`, "boolean:false", refPostman},
	{"AbortSignal constructor", `new AbortSignal()`, "E:TypeError: Illegal constructor", refPostman},
	{"throwIfAborted", `(() => { const c = new AbortController(); c.abort(); try { c.signal.throwIfAborted() } catch (e) { return e.name + '|' + e.message + '|' + e.code + '|' + e.constructor.name } })()`, "S:AbortError|This operation was aborted|20|DOMException", refPostman},
	{"Blob", `(() => { const b = new Blob(['ab', new Uint8Array([99]), new Blob(['d'])], {type: 'Text/Plain'}); return b.size + '|' + b.type })()`, "S:4|text/plain", refPostman},
	{"Blob utf-8 and slice", `(() => { const b = new Blob(['héllo']); return b.size + '|' + b.type + '|' + b.slice(1, 3).size })()`, "S:6||2", refPostman},
	{"Blob methods", `typeof new Blob([]).text + typeof new Blob([]).arrayBuffer + typeof new Blob([]).stream + typeof new Blob([]).bytes`, "S:functionfunctionfunctionfunction", refPostman},
	{"Blob of a string", `new Blob('abc')`, `E:TypeError: The "sources" argument must be a sequence. Received type string ('abc')`, refPostman},
	{"Blob tag", `Object.prototype.toString.call(new Blob([]))`, "S:[object Blob]", refPostman},
	{"File", `(() => { const f = new File(['abc'], 'a.txt'); return f.name + '|' + f.size + '|' + f.type + '|' + typeof f.lastModified + '|' + Object.prototype.toString.call(f) + '|' + (f instanceof Blob) })()`, "S:a.txt|3||number|[object File]|true", refPostman},
	{"File without name", `new File(['x'])`, `E:TypeError: The "fileBits" and "fileName" arguments must be specified`, refPostman},
	{"EventTarget", `(() => { const t = new EventTarget(); const seen = []; const h = e => seen.push(e.type + ':' + (e.target === t) + ':' + e.eventPhase); t.addEventListener('x', h); t.addEventListener('x', h); t.addEventListener('x', () => seen.push('once'), {once: true}); t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('x')); t.removeEventListener('x', h); t.dispatchEvent(new Event('x')); return seen.join() })()`, "S:x:true:2,once,x:true:2", refPostman},
	{"Event", `(() => { const e = new Event('x'); return [e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.isTrusted, typeof e.timeStamp, e.eventPhase, String(e.target)].join('|') })()`, "S:x|false|false|false|false|false|number|0|null", refPostman},
	{"Event tags", `Object.prototype.toString.call(new Event('x')) + Object.prototype.toString.call(new EventTarget())`, "S:[object Event][object EventTarget]", refPostman},
	{"dispatch result", `new EventTarget().dispatchEvent(new Event('x', {cancelable: true}))`, "boolean:true", refPostman},
	{"preventDefault", `(() => { const t = new EventTarget(); t.addEventListener('x', e => e.preventDefault()); return t.dispatchEvent(new Event('x', {cancelable: true})) })()`, "boolean:false", refPostman},
	{"handleEvent", `(() => { const t = new EventTarget(); t.addEventListener('x', {handleEvent(e) { this.n = 1 }}); return t.dispatchEvent(new Event('x')) })()`, "boolean:true", refPostman},
	{"Event without type", `new Event()`, `E:TypeError: The "type" argument must be specified`, refPostman},
	{"stopImmediatePropagation", `(() => { const t = new EventTarget(); const s = []; t.addEventListener('x', e => { s.push(1); e.stopImmediatePropagation() }); t.addEventListener('x', () => s.push(2)); t.dispatchEvent(new Event('x')); return s.join() })()`, "S:1", refPostman},
	{"no CustomEvent", `typeof CustomEvent`, "S:undefined", refPostman},
	{"btoa InvalidCharacterError", `(() => { try { btoa('€') } catch (e) { return e.name + '|' + e.constructor.name + '|' + e.code } })()`, "S:InvalidCharacterError|DOMException|5", refPostman},
	{"captureStackTrace", `(() => { function f() { const o = {}; Error.captureStackTrace(o, f); return o.stack.split('\n')[0]; } return f(); })()`, "S:Error: undefined", refBoth},
	{"stackTraceLimit", `Error.stackTraceLimit`, "number:10", refBoth},
	{"console members", `Object.keys(console).join()`, "S:log,warn,debug,info,error,clear", refBoth},
	{"no console.trace", `typeof console.trace + typeof console.table`, "S:undefinedundefined", refBoth},
	{"Object.groupBy", `JSON.stringify(Object.groupBy([1,2,3], x => x % 2 ? 'odd' : 'even'))`, `S:{"odd":[1,3],"even":[2]}`, refPostman},
	{"Object.groupBy null prototype", `Object.getPrototypeOf(Object.groupBy([], x => x))`, "object:null", refPostman},
	{"Map.groupBy", `[...Map.groupBy([1,2,3], x => x % 2)].join(';')`, "S:1,1,3;0,2", refPostman},
	{"Promise.withResolvers", `(() => { const r = Promise.withResolvers(); return Object.keys(r).join() + typeof r.resolve })()`, "S:promise,resolve,rejectfunction", refPostman},
	{"Array.fromAsync", `typeof Array.fromAsync`, "S:function", refPostman},
	{"isWellFormed", `'ab\uD800'.isWellFormed() + '|' + 'ab\uD800'.toWellFormed().length`, "S:false|3", refBoth},
	{"Set methods", `[...new Set([1,2,3]).intersection(new Set([2,3,4]))].join() + '|' + [...new Set([1,2,3]).difference(new Set([2]))].join() + '|' + [...new Set([1,2]).symmetricDifference(new Set([2,3]))].join() + '|' + new Set([1]).isSubsetOf(new Set([1,2])) + new Set([1,2]).isSupersetOf(new Set([1])) + new Set([1]).isDisjointFrom(new Set([2]))`, "S:2,3|1,3|1,3|truetruetrue", refPostman},
	{"SharedArrayBuffer", `new SharedArrayBuffer(4).byteLength + Object.prototype.toString.call(new SharedArrayBuffer(1))`, "S:4[object SharedArrayBuffer]", refBoth},
	{"no browser globals", `typeof fetch + typeof XMLHttpRequest + typeof WebSocket + typeof window + typeof process + typeof performance`, "S:undefinedundefinedundefinedundefinedundefinedundefined", refBoth},
}

func TestCurrentSandboxGlobals(t *testing.T) { t.Parallel(); checkProbes(t, globalsCases) }

// Array.fromAsync settles after the script's synchronous part.
func TestArrayFromAsync(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	runJS(t, e, testExec("test", `
Array.fromAsync([Promise.resolve(3), 4], x => x * 2).then(a => pm.test('fromAsync ' + a.join(), () => pm.expect(a).to.eql([6, 8])));
Array.fromAsync({ length: 2, 0: 'a', 1: 'b' }).then(a => pm.test('array-like', () => pm.expect(a).to.eql(['a', 'b'])));
`))
}

// Web streams, run through the same script under Postman CLI 1.34.0, whose
// result is the test name below (Newman 6.2.2 has no streams).
func TestWebStreams(t *testing.T) {
	t.Parallel()
	src := `
(async () => {
  const out = [];
  const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  out.push(Object.prototype.toString.call(rs) + rs.locked);
  const r = rs.getReader(); out.push(String(rs.locked));
  let x; while (!(x = await r.read()).done) out.push(x.value);
  out.push(JSON.stringify(await r.read()));
  const rs2 = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('hé')); c.enqueue(new TextEncoder().encode('llo')); c.close(); } });
  let s = ''; for await (const chunk of rs2.pipeThrough(new TextDecoderStream())) s += chunk; out.push(s);
  const got = []; const ws = new WritableStream({ write(ch) { got.push(ch) } });
  await ReadableStream.from(['x', 'y']).pipeTo(ws); out.push(got.join());
  const ts = new TransformStream({ transform(ch, c) { c.enqueue(ch.toUpperCase()) } });
  const w = ts.writable.getWriter(); w.write('q'); w.close();
  const tr = ts.readable.getReader(); out.push((await tr.read()).value);
  const [t1, t2] = ReadableStream.from([1, 2]).tee(); const a1 = []; for await (const v of t1) a1.push(v); const a2 = []; for await (const v of t2) a2.push(v); out.push(a1.join() + '/' + a2.join());
  const bs = new Blob(['ab']).stream(); const br = bs.getReader(); const first = await br.read(); out.push(Object.prototype.toString.call(first.value) + first.value.length);
  let n = 0; const pulled = new ReadableStream({ pull(c) { n++; if (n > 3) c.close(); else c.enqueue(n); } }); const pv = []; for await (const v of pulled) pv.push(v); out.push(pv.join());
  const er = new ReadableStream({ start(c) { c.error(new Error('bad')) } }); try { await er.getReader().read(); } catch (e) { out.push('E:' + e.message); }
  const es = new TextEncoderStream(); const ew = es.writable.getWriter(); ew.write('hi'); ew.close(); const ev = await es.readable.getReader().read(); out.push(Object.prototype.toString.call(ev.value) + ev.value.join());
  try { rs.getReader() } catch (e) { out.push(e.name + ':' + e.message) }
  pm.test('ST|' + out.join('|'), () => {});
})();
`
	want := "ST|[object ReadableStream]false|true|a|b|{\"done\":true}|héllo|x,y|Q|1,2/1,2|[object Uint8Array]2|1,2,3|E:bad|[object Uint8Array]104,105|TypeError:Invalid state: ReadableStream is locked"
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", src))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Tests) != 1 || r.Tests[0].Name != want {
		t.Fatalf("got %+v\nwant %s", r.Tests, want)
	}
}

// TestBlobStreamChunksAsPostman: a blob's stream gives one chunk per
// non-empty part, a blob part's own parts in its place and a slice's parts
// cut to it, where courier gave the whole blob as one chunk. Postman CLI
// 1.34.0's answers, recorded under unshare -n (fresh-round12l-a too).
func TestBlobStreamChunksAsPostman(t *testing.T) {
	t.Parallel()
	src := `function out(v) { pm.test(String(v), () => {}); }
async function chunks(label, b) { const r = b.stream().getReader(); const parts = []; for (;;) { const { value, done } = await r.read(); if (done) break; parts.push(value.length + ':' + Object.prototype.toString.call(value)); } out(label + ' ' + JSON.stringify(parts)); }
(async () => {
await chunks('parts', new Blob(['hi', ' there', new Uint8Array([33])]));
await chunks('empty parts', new Blob(['', 'a', '', 'bc', '']));
await chunks('none', new Blob([]));
await chunks('slice', new Blob(['hi', ' there', new Uint8Array([33])]).slice(-5, -1));
await chunks('slice mid', new Blob(['abc', 'def', 'ghi']).slice(1, 8));
await chunks('slice inside', new Blob(['abcdef']).slice(1, 3));
await chunks('nested', new Blob(['x', new Blob(['ab', 'cd']), 'y']));
await chunks('big parts', new Blob(['a'.repeat(70000), 'b'.repeat(70000)]));
await chunks('file', new File(['a', 'bc'], 'f'));
await chunks('buffer', new Blob([new ArrayBuffer(3), new DataView(new ArrayBuffer(2))]));
await chunks('sliced twice', new Blob(['abc', 'def', 'ghi']).slice(2).slice(1, 5));
})();`
	u8 := func(ns ...string) string {
		var b strings.Builder
		b.WriteByte('[')
		for i, n := range ns {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + n + `:[object Uint8Array]"`)
		}
		return b.String() + "]"
	}
	checkTestNames(t, src, []string{"parts " + u8("2", "6", "1"), "empty parts " + u8("1", "2"), "none []", "slice " + u8("4"),
		"slice mid " + u8("2", "3", "2"), "slice inside " + u8("2"), "nested " + u8("1", "2", "2", "1"), "big parts " + u8("70000", "70000"),
		"file " + u8("1", "2"), "buffer " + u8("3", "2"), "sliced twice " + u8("3", "1")})
}
