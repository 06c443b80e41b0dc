package scripting

import "testing"

// Resizable ArrayBuffers: the constructor's maxByteLength, resize,
// resizable, maxByteLength, typed arrays and DataViews that track the
// length or fall out of bounds (and back in), subarray of a tracking view,
// transfer keeping resizability, and resizes made while a built-in runs
// (no crash: the allocation never shrinks). Each want line is what Postman
// CLI 1.34.0 printed for the same line.
func TestResizableArrayBuffersAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); return [b.byteLength, b.maxByteLength, b.resizable].join(); });
p(() => { const b = new ArrayBuffer(8); return [b.byteLength, b.maxByteLength, b.resizable].join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b); b.resize(12); const l1 = u.length; b.resize(4); return [l1, u.length, u.byteLength, b.byteLength].join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b, 2, 4); b.resize(4); return [u.length, u.byteLength, u.byteOffset].join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b, 2, 4); b.resize(4); b.resize(8); return [u.length, u.byteOffset].join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b); u.fill(7); b.resize(4); b.resize(8); return u.join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); b.resize(17); });
p(() => { const b = new ArrayBuffer(8); b.resize(4); });
p(() => new ArrayBuffer(8, {maxByteLength: 4}));
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); b.resize(-1); });
p(() => { const b = new ArrayBuffer(2, {maxByteLength: 16}); const d = new DataView(b); b.resize(6); return d.byteLength; });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b, 4, 2); b.resize(4); return u.fill(1); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b, 4, 2); b.resize(4); return u[0] + ' ' + u.at(0) + ' ' + JSON.stringify(Object.keys(u)); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const c = b.slice(0, 4); return [c.byteLength, c.resizable].join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const c = b.transfer(); return [c.byteLength, c.resizable, c.maxByteLength, b.detached].join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const c = b.transferToFixedLength(); return [c.byteLength, c.resizable].join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint16Array(b); b.resize(5); return u.length; });
p(() => { const b = new ArrayBuffer(4, {maxByteLength: 8}); const u = new Uint8Array(b); u.set([1,2,3,4]); b.resize(8); return Array.from(u).join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b); const sub = u.subarray(2); b.resize(12); return sub.length; });
p(() => Object.getOwnPropertyNames(ArrayBuffer.prototype).sort().join());
p(() => { const b = new ArrayBuffer(0, {maxByteLength: 2 ** 40}); return b.maxByteLength; });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: undefined}); return b.resizable; });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b); u.fill({valueOf() { b.resize(0); return 1; }}); return u.length + ' ' + b.byteLength; });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b); u.set({length: 4, get 0() { b.resize(1); return 9; }}); return u.join(); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const d = new DataView(b); d.setUint8(4, {valueOf() { b.resize(0); return 1; }}); return d.byteLength; });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const d = new DataView(b); b.resize(2); return d.getUint8(4); });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b); u.sort((x, y) => { b.resize(0); return 0; }); return u.length; });
p(() => { const b = new ArrayBuffer(8, {maxByteLength: 16}); const u = new Uint8Array(b); b.resize(16); u[15] = 3; return u[15] + ' ' + u.length; });`, []string{
		"8,16,true",
		"8,8,false",
		"12,4,4,4",
		"0,0,0",
		"4,2",
		"7,7,7,7,0,0,0,0",
		"E:RangeError: ArrayBuffer.prototype.resize: Invalid length parameter",
		"E:TypeError: Method ArrayBuffer.prototype.resize called on incompatible receiver #<ArrayBuffer>",
		"E:RangeError: Invalid array buffer max length",
		"E:RangeError: ArrayBuffer.prototype.resize: Invalid length parameter",
		"6",
		"E:TypeError: Cannot perform %TypedArray%.prototype.fill on a detached ArrayBuffer",
		"E:TypeError: Cannot perform %TypedArray%.prototype.at on a detached ArrayBuffer",
		"4,false",
		"8,true,16,true",
		"8,false",
		"2",
		"1,2,3,4,0,0,0,0",
		"10",
		"byteLength,constructor,detached,maxByteLength,resizable,resize,slice,transfer,transferToFixedLength",
		"1099511627776",
		"false",
		"0 0",
		"9",
		"E:RangeError: Offset is outside the bounds of the DataView",
		"E:RangeError: Offset is outside the bounds of the DataView",
		"0",
		"3 16",
	})
}
