package scripting

import (
	"context"
	"testing"
)

// TestGeneratorOverflowKeepsEngine: a stack overflow caught inside a
// generator's frame left goja's stacks deeper, and the next script of the
// run ended silently with no test and no error (vmstacks.go). Postman CLI
// 1.34.0 answers the first script's line and runs the second
// (fresh-round12l-f).
func TestGeneratorOverflowKeepsEngine(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{VirtualTime: true})
	scripts := []struct{ src, want string }{
		{`function down(n) { return down(n + 1) + 1; }
try { (function* () { yield down(0); })().next(); } catch (e) { pm.test('generator ' + e.name, () => {}); }`, "generator RangeError"},
		{`(async function () { try { await null; (function* () { yield down(0); })().next(); } catch (e) { pm.test('async ' + e.name, () => {}); } })();
function down(n) { return down(n + 1) + 1; }`, "async RangeError"},
		{`Promise.resolve(1).then(v => pm.test('next script ' + v, () => {}));`, "next script 1"},
	}
	for _, s := range scripts {
		r := e.Run(context.Background(), testExec("test", s.src))
		if r.Err != nil || len(r.Tests) != 1 || r.Tests[0].Name != s.want {
			t.Fatalf("%q: err %v, tests %+v; want one test %q", s.src, r.Err, r.Tests, s.want)
		}
	}
	if d := e.stackDepths(); d.calls != 0 || d.tries != 0 {
		t.Errorf("goja's stacks after the scripts: %+v, want empty (a goja whose layout changed reads -1)", d)
	}
}
