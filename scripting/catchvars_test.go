package scripting

import "testing"

// A try body that declares var names runs guarded as the others do: a
// stack overflow in it is a RangeError its catch takes, and the names keep
// their meaning (function-scoped, hoisted, loops' single binding,
// destructuring, for-in/of heads, a catch parameter of the same name).
// Each want line is what Postman CLI 1.34.0 printed for the same line.
func TestTryBodyWithVarIsGuardedAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { function f() { return f(); } try { var a = 1; f(); } catch (e) { return e.name + ': ' + e.message + ' ' + a; } });
p(() => { function f() { return f(); } try { var d = {x: 1}, n; f(); } catch (e) { return e.constructor.name + ' ' + d.x + ' ' + n; } });
p(() => { function f() { return f(); } let out = ''; try { for (var i = 0; i < 2; i++) { out += i; } var {x, y: [z] = [3]} = {x: 4}; f(); } catch (e) { return out + ' ' + i + x + z + ' ' + (e instanceof RangeError); } });
p(() => { function f() { return f(); } try { for (var k in {a: 1}) {} for (var v of [7]) {} f(); } finally { pm.test('finally ' + k + v, () => {}); } });
p(() => { try { var q = 5; } catch (e) {} return q + ' ' + typeof q; });
p(() => { try { if (true) var w = 'w'; } catch (e) {} return w; });
p(() => { const fns = []; try { for (var i = 0; i < 3; i++) fns.push(() => i); } catch (e) {} return fns.map(f => f()).join(); });
p(() => { try { var a1 = 1; return a1 + 1; } catch (e) {} });
p(() => { let s = 0; for (const x of [1, 2, 3]) { try { var t = x; if (x === 2) continue; s += t; } catch (e) {} } return s; });
p(() => { try { var e = 1; throw new Error('x'); } catch (e) { return e.message; } });
p(() => { try { var e2 = 1; throw new Error('x'); } catch ({message}) { return message + e2; } });
p(() => { try { var m = 1; throw 0; } catch (err) { let m2 = 2; return m + m2; } });
p(() => { const o = new Proxy({}, { get(t, k, r) { return r[k]; } }); try { var z = 1; return o.x; } catch (e) { return e.name + ' ' + z; } });
p(() => { function g() { return g(); } try { var j = JSON.parse('{"a":1}'); g(); } catch (e) { return 'caught ' + j.a; } });
p(() => { var before = typeof hoisted; try { var hoisted = 1; } catch (e) {} return before; });`, []string{
		"RangeError: Maximum call stack size exceeded 1",
		"RangeError 1 undefined",
		"01 243 true",
		"finally a7",
		"E:RangeError: Maximum call stack size exceeded",
		"5 number",
		"w",
		"3,3,3",
		"2",
		"4",
		"x",
		"x1",
		"3",
		"RangeError 1",
		"caught 1",
		"undefined",
	})
}
