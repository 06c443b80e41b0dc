package scripting

import "testing"

// Buffers larger than the system would give: V8's RangeError, caught,
// where goja's allocation used to abort the whole process. The sizes are
// ones the system refuses outright, so a regression crashes this test
// without taking any memory. Each want line is Postman CLI 1.34.0's answer.
func TestHugeBuffersRefusedAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `
p(() => new Uint8Array(1e12).length);
p(() => new ArrayBuffer(1e12).byteLength);
p(() => new Float64Array(2 ** 40).length);
p(() => Uint8Array.from({length: 1e12}).length);
p(() => new Uint8Array({length: 1e12}).length);
p(() => 'x'.repeat(2 ** 40).length);
p(() => 'x'.padEnd(2 ** 40).length);
p(() => new SharedArrayBuffer(1e12).byteLength);
p(() => { const n = 16; return new Uint8Array(n).length + new Uint8Array([1, 2]).length + new Uint8Array(new ArrayBuffer(4)).length + Uint8Array.from({length: 3}).length; });`
	want := []string{
		"E:RangeError: Array buffer allocation failed",
		"E:RangeError: Array buffer allocation failed",
		"E:RangeError: Array buffer allocation failed",
		"E:RangeError: Array buffer allocation failed",
		"E:RangeError: Array buffer allocation failed",
		"E:RangeError: Invalid string length",
		"E:RangeError: Invalid string length",
		"E:RangeError: Array buffer allocation failed",
		"25", // ordinary sizes go through
	}
	checkTestNames(t, src, want)
}
