package scripting

import "testing"

// TestTrapAndGetterLoopsAsPostman: a proxy trap or a getter that reaches
// itself again is a RangeError the script catches, as in V8, not a run
// until the script's timeout. Each want line is what Postman CLI 1.34.0
// printed for the same line.
func TestTrapAndGetterLoopsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { const px = new Proxy({}, { get(t, k, r) { return r[k]; } }); return px.x; });
p(() => { const px = new Proxy({}, { has(t, k) { return k in px; } }); return 'a' in px; });
p(() => { const px = new Proxy({}, { set(t, k, v, r) { r[k] = v; return true; } }); px.a = 1; return 'done'; });
p(() => { const o = { get g() { return this.g; } }; return o.g; });
p(() => { let n = 0; const len = { get length() { n++; return 2; } }; Array.from(len); return String(n); });
p(() => { let n = 0; const o = { get byteLength() { n++; return 4; } }; try { new DataView(o); } catch (e) { return e.message + ' ' + n; } });
`, []string{
		"E:RangeError: Maximum call stack size exceeded",
		"E:RangeError: Maximum call stack size exceeded",
		"E:RangeError: Maximum call stack size exceeded",
		"E:RangeError: Maximum call stack size exceeded",
		"1",
		"First argument to DataView constructor must be an ArrayBuffer 0",
	})
}
