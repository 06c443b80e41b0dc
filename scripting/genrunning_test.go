package scripting

import (
	"context"
	"strings"
	"testing"
)

// A generator that resumes itself: goja says "Illegal generator state",
// V8 "Generator is already running" (Postman CLI 1.34.0,
// fresh-round10l-b.json e23), caught or not.
func TestGeneratorAlreadyRunningAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { try { const g = (function* () { g.next(); })(); g.next(); } catch (e) { return e.message; } });
p(() => { const g = (function* () { yield g.return(1); })(); g.next(); });
p(() => { let g; Promise.reject(1).catch(() => {}); g = (function* () { g.throw(new Error('x')); })(); g.next(); });
`, []string{
		"Generator is already running",
		"E:TypeError: Generator is already running",
		"E:TypeError: Generator is already running",
	})
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", "const g = (function* () { g.next(); })();\ng.next();"))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "TypeError: Generator is already running") {
		t.Errorf("uncaught: %v", r.Err)
	}
}
