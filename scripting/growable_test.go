package scripting

import "testing"

// Growable SharedArrayBuffers (maxByteLength, grow, growable; views that
// track their length) and structuredClone keeping a buffer resizable, as
// Postman CLI 1.34's V8 has them. Each want line is what Postman CLI
// 1.34.0 printed for the same line (recorded three times, identical).
func TestGrowableSharedBuffersAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { const s = new SharedArrayBuffer(8, {maxByteLength: 16}); return [s.byteLength, s.maxByteLength, s.growable]; });
p(() => { const s = new SharedArrayBuffer(8, {maxByteLength: 16}); s.grow(12); return [s.byteLength, new Uint8Array(s).length]; });
p(() => { const s = new SharedArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(s); s.grow(16); return u.length; });
p(() => { const s = new SharedArrayBuffer(8, {maxByteLength: 16}); s.grow(4); });
p(() => { const s = new SharedArrayBuffer(8, {maxByteLength: 16}); s.grow(17); });
p(() => { const s = new SharedArrayBuffer(8); return [s.growable, s.maxByteLength]; });
p(() => { const s = new SharedArrayBuffer(8); s.grow(8); });
p(() => { new SharedArrayBuffer(8, {maxByteLength: 4}); });
p(() => { const s = new SharedArrayBuffer(8, {maxByteLength: 16}); const c = structuredClone(s); return [c.growable, c.byteLength, c === s]; });
p(() => { const a = new ArrayBuffer(8, {maxByteLength: 16}); const c = structuredClone(a); return [c.resizable, c.maxByteLength, c.byteLength]; });
p(() => { const a = new ArrayBuffer(8, {maxByteLength: 16}); const c = structuredClone(new Uint8Array(a)); return [c.buffer.resizable, c.length]; });
p(() => { const a = new ArrayBuffer(8, {maxByteLength: 2 ** 40}); return a.maxByteLength; });
p(() => { const s = new SharedArrayBuffer(8, {maxByteLength: 16}); return s.slice(0, 4).growable; });
p(() => Object.prototype.toString.call(new SharedArrayBuffer(1, {maxByteLength: 2})));
p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 8}); const u = new Uint8Array(s); u[0] = 7; s.grow(8); u[7] = 9; return [u.length, u[0], u[7], s.byteLength]; });
p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 8}); s.grow(4); return s.byteLength; });
p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 8}); s.grow('6'); return s.byteLength; });
p(() => { const a = new ArrayBuffer(2, {maxByteLength: 8}); new Uint8Array(a)[1] = 5; const c = structuredClone(a); c.resize(6); return [c.byteLength, new Uint8Array(c)[1]]; });
p(() => SharedArrayBuffer.prototype.grow.length + SharedArrayBuffer.prototype.grow.name);`, []string{
		"[8,16,true]",
		"[12,12]",
		"16",
		"E:RangeError: SharedArrayBuffer.prototype.grow: Invalid length parameter",
		"E:RangeError: SharedArrayBuffer.prototype.grow: Invalid length parameter",
		"[false,8]",
		"E:TypeError: Method SharedArrayBuffer.prototype.grow called on incompatible receiver #<SharedArrayBuffer>",
		"E:RangeError: Invalid array buffer max length",
		"[true,8,false]",
		"[true,16,8]",
		"[true,8]",
		"1099511627776",
		"false",
		"[object SharedArrayBuffer]",
		"[8,7,9,8]",
		"4",
		"6",
		"[6,5]",
		"1grow",
	})
}
