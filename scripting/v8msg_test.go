package scripting

import (
	"context"
	"testing"
)

// TestV8TypeErrorMessages: the messages Node 20 gives for these scripts
// (node -e), as scripts errors and as failed tests.
func TestV8TypeErrorMessages(t *testing.T) {
	t.Parallel()
	cases := []struct{ src, msg string }{
		{`const o = {}; o.a.b;`, "Cannot read properties of undefined (reading 'b')"},
		{`const o = {}; o.a.f();`, "Cannot read properties of undefined (reading 'f')"},
		{`pm.response.jsn();`, "pm.response.jsn is not a function"},
		{`var o = {a: 1};  o.a ();`, "o.a is not a function"},
		{`function foo(x) { return {}; }
foo(1, [2]).bar();`, "foo(...).bar is not a function"},
		{`const a = [{}]; a[0].go();`, "a[0].go is not a function"},
		{`Object.keys(undefined);`, "Cannot convert undefined or null to object"},
	}
	for _, c := range cases {
		e, _ := newTestEngine(t, Options{})
		r := e.Run(context.Background(), testExec("test", c.src))
		se, ok := r.Err.(*ScriptError)
		if !ok || se.Name != "TypeError" || se.Msg != c.msg {
			t.Errorf("%s: script error %v, want TypeError: %s", c.src, r.Err, c.msg)
		}
		r = e.Run(context.Background(), testExec("test", "pm.test('t', () => {\n"+c.src+"\n});"))
		if r.Err != nil || len(r.Tests) != 1 || r.Tests[0].ErrorName != "TypeError" || r.Tests[0].Error != c.msg {
			t.Errorf("%s in a test: %+v, want TypeError: %s", c.src, r, c.msg)
		}
	}
}
