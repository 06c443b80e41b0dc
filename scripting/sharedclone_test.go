package scripting

import "testing"

// SharedArrayBuffer as V8 has it: structuredClone shares its memory (V8
// clones it as the same memory, not a copy); its prototype inherits
// Object's, so ArrayBuffer's resize, resizable, transfer and detached do
// not reach it, and its byteLength getter refuses an ArrayBuffer; a length
// past Number.MAX_SAFE_INTEGER is "Invalid array buffer length". Each want
// line is what Postman CLI 1.34.0 printed for the same line (recorded three
// times, identical).
//
// Left, with V8's words:
//
//	p(() => { try { return Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get.call(new SharedArrayBuffer(1)); } catch (e) { return e.message; } });
//	  V8: Method get ArrayBuffer.prototype.byteLength called on incompatible receiver #<SharedArrayBuffer> (goja's own ArrayBuffer getter takes the SharedArrayBuffer (an ArrayBuffer underneath))
//	p(() => new ArrayBuffer(2 ** 33));
//	  V8: {} (V8 reserves 8 GiB lazily; courier refuses past its memory limit (deliberate))
//	p(() => { const b = new ArrayBuffer(1, {maxByteLength: 2 ** 40}); b.resize(2 ** 33); return b.byteLength; });
//	  V8: 8589934592 (the same, through resize)
func TestSharedBufferCloneAndShapeAsPostman(t *testing.T) {
	t.Parallel()
	var src string
	var want []string
	for _, c := range [][2]string{
		{"p(() => { const s = new SharedArrayBuffer(4); const c = structuredClone(s); new Uint8Array(c)[0] = 7; return new Uint8Array(s)[0] + ',' + (c === s) + ',' + (c instanceof SharedArrayBuffer); });",
			"7,false,true"},
		{"p(() => { const s = new SharedArrayBuffer(4); const c = structuredClone({a: s, b: s}); return (c.a === c.b) + ',' + (c.a === s); });",
			"true,false"},
		{"p(() => { const s = new SharedArrayBuffer(4); const u = new Uint8Array(s); const c = structuredClone(u); c[1] = 9; return u[1] + ',' + (c.buffer === s); });",
			"9,false"},
		{"p(() => typeof SharedArrayBuffer.prototype.resize + ',' + typeof SharedArrayBuffer.prototype.resizable + ',' + ('resizable' in SharedArrayBuffer.prototype));",
			"undefined,undefined,false"},
		{"p(() => Object.getOwnPropertyNames(SharedArrayBuffer.prototype).sort().join());",
			"byteLength,constructor,grow,growable,maxByteLength,slice"},
		{"p(() => Object.getPrototypeOf(SharedArrayBuffer.prototype) === Object.prototype);",
			"true"},
		{"p(() => new SharedArrayBuffer(1).resizable);",
			"undefined"},
		{"p(() => typeof new SharedArrayBuffer(1).transfer + ',' + typeof new SharedArrayBuffer(1).detached);",
			"undefined,undefined"},
		{"p(() => Object.getOwnPropertyNames(ArrayBuffer.prototype).sort().join());",
			"byteLength,constructor,detached,maxByteLength,resizable,resize,slice,transfer,transferToFixedLength"},
		{"p(() => new SharedArrayBuffer(8).slice(2, 5).byteLength + ',' + (new SharedArrayBuffer(8).slice(2) instanceof SharedArrayBuffer));",
			"3,true"},
		{"p(() => Object.prototype.toString.call(new SharedArrayBuffer(1)));",
			"[object SharedArrayBuffer]"},
		{"p(() => SharedArrayBuffer.prototype[Symbol.toStringTag]);",
			"SharedArrayBuffer"},
		{"p(() => Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'growable').get.name);",
			"get growable"},
		{"p(() => SharedArrayBuffer.prototype.grow.length + ',' + SharedArrayBuffer.prototype.slice.length);",
			"1,2"},
		{"p(() => { try { return Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get.call(new ArrayBuffer(1)); } catch (e) { return e.message; } });",
			"Method get SharedArrayBuffer.prototype.byteLength called on incompatible receiver #<ArrayBuffer>"},
		{"p(() => ArrayBuffer.isView(new Uint8Array(new SharedArrayBuffer(2))));",
			"true"},
		{"p(() => new ArrayBuffer(1, {maxByteLength: 2 ** 40}).maxByteLength);",
			"1099511627776"},
		{"p(() => new ArrayBuffer(1, {maxByteLength: 2 ** 53}).maxByteLength);",
			"E:RangeError: Invalid array buffer max length"},
		{"p(() => new ArrayBuffer(1, {maxByteLength: 2 ** 32}).maxByteLength);",
			"4294967296"},
		{"p(() => new ArrayBuffer(2 ** 53));",
			"E:RangeError: Invalid array buffer length"},
		{"p(() => new SharedArrayBuffer(1, {maxByteLength: 2 ** 40}).maxByteLength);",
			"1099511627776"},
		{"p(() => new SharedArrayBuffer(1, {maxByteLength: 2 ** 53}).maxByteLength);",
			"E:RangeError: Invalid array buffer max length"},
		{"p(() => { const b = new ArrayBuffer(1, {maxByteLength: 2 ** 40}); b.resize(2 ** 41); return b.byteLength; });",
			"E:RangeError: ArrayBuffer.prototype.resize: Invalid length parameter"},
		{"p(() => { const b = new ArrayBuffer(1, {maxByteLength: 16}); b.resize(17); });",
			"E:RangeError: ArrayBuffer.prototype.resize: Invalid length parameter"},
		{"p(() => { const b = new SharedArrayBuffer(4, {maxByteLength: 16}); b.grow(2); });",
			"E:RangeError: SharedArrayBuffer.prototype.grow: Invalid length parameter"},
		{"p(() => { const b = new SharedArrayBuffer(4, {maxByteLength: 16}); b.grow(17); });",
			"E:RangeError: SharedArrayBuffer.prototype.grow: Invalid length parameter"},
		{"p(() => new ArrayBuffer(4, {maxByteLength: 2}));",
			"E:RangeError: Invalid array buffer max length"},
		{"p(() => new SharedArrayBuffer(4, {maxByteLength: 2}));",
			"E:RangeError: Invalid array buffer max length"},
		{"p(() => new ArrayBuffer(-1));",
			"E:RangeError: Invalid array buffer length"},
		{"p(() => new SharedArrayBuffer(-1));",
			"E:RangeError: Invalid array buffer length"},
		{"p(() => new ArrayBuffer(1, {maxByteLength: -1}));",
			"E:RangeError: Invalid array buffer max length"},
	} {
		src += c[0] + "\n"
		want = append(want, c[1])
	}
	checkTestNames(t, probeHarness+src, want)
}

// A growable SharedArrayBuffer's clone shares its memory and its growth
// (growing either grows both, and their views that follow the length), and
// a view that follows its resizable buffer's length clones to one that
// follows its copy's. Postman CLI 1.34.0's answers (3x identical).
func TestGrowableSharedCloneAsPostman(t *testing.T) {
	t.Parallel()
	var src string
	var want []string
	for _, c := range [][2]string{
		{`p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 16}); const c = structuredClone(s); new Uint8Array(c)[0] = 7; return new Uint8Array(s)[0] + ',' + c.growable + ',' + c.maxByteLength + ',' + (c === s); });`,
			`7,true,16,false`},
		{`p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 16}); const c = structuredClone(s); s.grow(8); return s.byteLength + ',' + c.byteLength; });`,
			`8,8`},
		{`p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 16}); const c = structuredClone(s); c.grow(12); new Uint8Array(c)[10] = 5; return s.byteLength + ',' + new Uint8Array(s)[10] + ',' + new Uint8Array(s).length; });`,
			`12,5,12`},
		{`p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 16}); const u = new Uint8Array(s); const c = structuredClone(s); c.grow(6); return u.length + ',' + new Uint8Array(c).length; });`,
			`6,6`},
		{`p(() => { const s = new SharedArrayBuffer(2, {maxByteLength: 8}); const c = structuredClone({a: s, b: s}); c.a.grow(4); return (c.a === c.b) + ',' + c.b.byteLength + ',' + s.byteLength; });`,
			`true,4,4`},
		{`p(() => { const s = new SharedArrayBuffer(2, {maxByteLength: 8}); const c = structuredClone(structuredClone(s)); c.grow(5); return s.byteLength; });`,
			`5`},
		{`p(() => { const s = new SharedArrayBuffer(2, {maxByteLength: 8}); const v = new Uint16Array(s); const c = structuredClone(v); s.grow(6); c[1] = 9; return c.length + ',' + v.length + ',' + new Uint16Array(s)[1] + ',' + (c.buffer.byteLength); });`,
			`3,3,9,6`},
		{`p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 16}); const c = structuredClone(s); s.grow(8); new Uint8Array(s)[6] = 3; return new Uint8Array(c)[6] + ',' + new DataView(c).byteLength; });`,
			`3,8`},
		{`p(() => { const b = new ArrayBuffer(4, {maxByteLength: 16}); const v = new Uint8Array(b); const c = structuredClone(v); c.buffer.resize(8); return c.length + ',' + c.buffer.resizable + ',' + v.length; });`,
			`8,true,4`},
		{`p(() => { const b = new ArrayBuffer(4, {maxByteLength: 16}); const v = new Uint8Array(b, 1, 2); const c = structuredClone(v); c.buffer.resize(8); return c.length + ',' + c.byteOffset; });`,
			`2,1`},
		{`p(() => { const b = new ArrayBuffer(4, {maxByteLength: 16}); const v = new DataView(b); const c = structuredClone(v); c.buffer.resize(10); return c.byteLength; });`,
			`10`},
		{`p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 16}); const v = new DataView(s, 1); const c = structuredClone(v); s.grow(10); return c.byteLength + ',' + c.byteOffset; });`,
			`9,1`},
		{`p(() => { const s = new SharedArrayBuffer(4, {maxByteLength: 16}); const v = new Int16Array(s, 2); const c = structuredClone([v, v]); s.grow(10); return c[0].length + ',' + (c[0] === c[1]) + ',' + (c[0].buffer === c[1].buffer); });`,
			`4,true,true`},
		{`p(() => { const b = new ArrayBuffer(8); const c = structuredClone(new Uint8Array(b, 2)); return c.length + ',' + c.buffer.resizable; });`,
			`6,false`},
	} {
		src += c[0] + "\n"
		want = append(want, c[1])
	}
	checkTestNames(t, probeHarness+src, want)
}
