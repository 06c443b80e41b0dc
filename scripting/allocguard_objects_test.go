package scripting

import "testing"

// TestTypedArrayFromObjectsAsPostman: a typed array built from an object
// that is neither a buffer nor a typed array reads it as V8 does, each
// property once and in V8's order (Symbol.iterator first; length and the
// elements when there is none; the iterator's values when there is), and
// a length past the memory limit is refused before any element is read.
// allocguard.go's hook read length (and byteLength) before goja read them
// again. new ArrayBuffer(obj) converts obj once. Each want line is what
// Postman CLI 1.34.0 printed for the same line.
func TestTypedArrayFromObjectsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { let n = 0; const len = { get length() { n++; return 2; } }; const a = new Uint8Array(len); return a.length + ' ' + n; });
p(() => { let n = 0; const src = new Proxy([1, 2], { get(t, k) { if (k === 'length') n++; return t[k]; } }); return new Uint8Array(src).join() + ' ' + n; });
p(() => { const log = []; const src = new Proxy({ length: 2, 0: 5, 1: 6 }, { get(t, k) { log.push(String(k)); return t[k]; } }); new Float64Array(src); return log.join(); });
p(() => { const log = []; const src = new Proxy([7, 8], { get(t, k) { log.push(String(k)); return t[k]; } }); new Int16Array(src); return log.join(); });
p(() => new Uint8Array(new Set([1, 2, 300])).join());
p(() => new Uint8Array({ length: 3, 0: 1, 2: 9 }).join());
p(() => { const log = []; const o = { length: 2, get 0() { log.push('g0'); return { valueOf() { log.push('v0'); return 1; } }; }, get 1() { log.push('g1'); return 2; } }; new Uint8Array(o); return log.join(); });
p(() => { function* g() { yield 1; yield 2; } return new Int8Array(g()).join(); });
p(() => { class U extends Uint8Array {} const u = new U({ length: 2, 0: 3 }); return (u instanceof U) + ' ' + u.join(); });
p(() => new Uint8Array({ length: 1e12 }));
p(() => new Uint8Array(new Proxy({}, { get: (t, k) => k === 'length' ? 1e12 : undefined })));
p(() => { let n = 0; const ab = new ArrayBuffer({ valueOf() { n++; return 8; } }); return ab.byteLength + ' ' + n; });
p(() => new ArrayBuffer({ valueOf() { return 1e12; } }));
p(() => { const args = (function () { return arguments; })(4, 5); return new Uint8Array(args).join(); });
p(() => new Uint8Array(new DataView(new ArrayBuffer(4))).length + '');
p(() => new Uint8Array({ [Symbol.iterator]: 5 }));
`, []string{
		"2 1",
		"1,2 3",
		"Symbol(Symbol.iterator),length,0,1",
		"Symbol(Symbol.iterator),length,0,length,1,length",
		"1,2,44",
		"1,0,9",
		"g0,v0,g1",
		"1,2",
		"true 3,0",
		"E:RangeError: Array buffer allocation failed",
		"E:RangeError: Array buffer allocation failed",
		"8 1",
		"E:RangeError: Array buffer allocation failed",
		"4,5",
		"0",
		"E:TypeError: TypedArray's constructor requires that the property of the first argument, items[Symbol.iterator], when exists, be a function",
	})
}
