package scripting

import "testing"

// A call of a name nothing binds reads the name before its arguments, as
// V8 does; calls of declared names, of the sandbox's globals and with
// literal arguments only stay as written.
func TestFreeCalleesReadFirst(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => undefinedFn(undefinedArg));
p(() => undefinedFn(JSON.parse('{')));
p(() => { try { undefinedFn(pm.environment.set('touched', 'yes')); } catch (e) {} return String(pm.environment.get('touched')); });
p(() => { helperFn = function (a) { return 'called ' + a + ' ' + typeof this; }; return helperFn(String(1)); });
p(() => { helperNum = 5; return helperNum(String(1)); });
p(() => { function declared(a) { return a; } return declared(String(2)); });
p(() => parseInt(String(12)) + Number(String(1)));
p(() => { function inner(x) { var r = undefinedFn(x + 1); return r; } return inner(1); });
p(() => { laterHelper = function (a) { return 'later ' + a; }; function use(x) { var r = laterHelper(x + 1), s = laterHelper(String(x)); return r + s; } return use(1); });
`, []string{
		"E:ReferenceError: undefinedFn is not defined",
		"E:ReferenceError: undefinedFn is not defined",
		"undefined",
		"called 1 object",
		"E:TypeError: helperNum is not a function",
		"2",
		"13",
		// A var inside a function is also in goja's hoisting list: its
		// call was found twice and the second rewrite panicked, failing
		// the whole script ("internal error in a native function").
		"E:ReferenceError: undefinedFn is not defined",
		"later 2later 1",
	})
}
