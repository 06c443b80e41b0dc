package scripting

import (
	"context"
	"strings"
	"testing"
)

// An object whose valueOf and toString give no primitive (a null-prototype
// object above all), handed to the built-ins that convert it: goja's words
// print the Go value behind it ("Could not convert &{Object 0xc000… map[]}
// (*goja.baseObject) to primitive"); V8 says "Cannot convert object to
// primitive value". Each want line is what Postman CLI 1.34.0 printed for
// the same line (recorded three times, identical).
func TestNoPrimitiveWordsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
const n = Object.create(null);
p(() => String(n));
p(() => '' + n);
p(() => `+"`"+`${n}`+"`"+`);
p(() => n + 1);
p(() => +n);
p(() => n < 1);
p(() => [n].join());
p(() => [1, n].toString());
p(() => Math.max(n));
p(() => parseInt(n));
p(() => 'abc'.indexOf(n));
p(() => 'abc'.repeat(n));
p(() => new Date(n));
p(() => JSON.stringify({[n]: 1}));
p(() => { const o = {}; o[n] = 1; });
p(() => n in {});
p(() => Number(n));
p(() => BigInt(n));
p(() => Symbol(n));
p(() => encodeURIComponent(n));
p(() => new URL(n));
p(() => atob(n));
p(() => btoa(n));
p(() => new TextEncoder().encode(n));
p(() => new Uint8Array(n).length);
p(() => [1,2].at(n));
p(() => 'a'.padStart(n));
p(() => new RegExp(n));
p(() => 'abc'.replace(n, 'x'));
p(() => 'abc'.split(n));
p(() => String.prototype.concat.call('a', n));
p(() => isNaN(n));
p(() => new Date(2020, 0, 1).setFullYear(n));
p(() => Object.keys(n).length);
p(() => n == 1);
p(() => Array(3).fill(n).join());
p(() => [3,1].sort(() => n));
p(() => (1).toFixed(n));
p(() => String.fromCharCode(n));
p(() => Date.UTC(n));
p(() => new Intl.NumberFormat('en').format(n));
p(() => pm.environment.set('x', n));
p(() => pm.variables.replaceIn(n));
p(() => console.log(n));
p(() => { const d = Object.create(null); d.toString = 5; return String(d); });
p(() => { const d = {toString: () => ({}), valueOf: () => ({})}; return d + ''; });
p(() => { const d = {[Symbol.toPrimitive]: () => ({})}; return d + ''; });
p(() => new Date(NaN)[Symbol.toPrimitive]('x'));
p(() => Date.prototype[Symbol.toPrimitive].call(n, 'number'));
p(() => n.x.y);
p(() => Object.prototype.toString.call(n));`, []string{
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"0",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"0",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"undefined",
		"{}",
		"undefined",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Invalid hint: x",
		"E:TypeError: Cannot convert object to primitive value",
		"E:TypeError: Cannot read properties of undefined (reading 'y')",
		"[object Object]",
	})
	// Uncaught, in a test and at the top of the script, as Postman CLI
	// reports both.
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", "const n = Object.create(null);\npm.test('t', () => { String(n); });\nString(n);\n"))
	const want = "Cannot convert object to primitive value"
	if r.Err == nil || !strings.Contains(r.Err.Error(), want) || strings.Contains(r.Err.Error(), "goja") {
		t.Errorf("uncaught: %v, want %q", r.Err, want)
	}
	if len(r.Tests) != 1 || r.Tests[0].Error != want || r.Tests[0].ErrorName != "TypeError" {
		t.Errorf("in pm.test: %+v", r.Tests)
	}
}
