package scripting

import "testing"

// function f({a}) { var a = 2; } is valid JavaScript that goja refuses to
// compile ("Identifier 'a' has already been declared"); such functions
// destructure their patterns at the top of the body (paramclash.go). Each
// want line is what Postman CLI 1.34.0 and Newman 6.2.2 (equal) printed.
func TestPatternParamsRedeclaredWithVarAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `
p(() => { function f({a}) { var a = 2; return a; } return f({a: 1}); });
p(() => { function f({a}) { var a; return a; } return f({a: 1}); });
p(() => { function f([a, b]) { var b; var a = a + 10; return a + b; } return f([1, 2]); });
p(() => { const f = function ({a: {b}}) { var b = b * 3; return b; }; return f({a: {b: 2}}); });
p(() => { const f = ({a}) => { var a = a + 'x'; return a; }; return f({a: 'y'}); });
p(() => { function f({a} = {a: 5}) { var a; return a; } return f(); });
p(() => { function f({a} = {a: 5}) { var a = 7; return a; } return f(); });
p(() => { function f({a}) { var a = 2; return arguments[0].a + a; } return f({a: 1}); });
p(() => { function f({a}) { for (var a of [7]) {} return a; } return f({a: 1}); });
p(() => { function f(...[a]) { var a = a * 2; return a; } return f(4); });
p(() => { class C { m({a}) { var a = a + 1; return a; } } return new C().m({a: 1}); });
p(() => { async function f({a}) { var a = a + 1; return a; } f({a: 1}).then(v => pm.test('async ' + v, () => {})); return 'called'; });
p(() => { function* g({a}) { var a = a + 1; yield a; } return [...g({a: 1})].join(); });
p(() => { function f({a}) { var a = 2; return f.length; } return f({a: 1}); });
p(() => { function f({a}) { var a = 2; function a() {} return typeof a; } return f({a: 1}); });`
	want := []string{
		"2",
		"1",
		"13",
		"6",
		"yx",
		"5",
		"7",
		"3",
		"7",
		"8",
		"2",
		"called",
		"2",
		"1",
		"number",
		"async 2",
	}
	checkTestNames(t, src, want)
}
