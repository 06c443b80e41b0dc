package scripting

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// Wording an error may print the value it was about (a class heritage, the
// object a strict write was refused on), which can run the script's own
// code: a getter or a proxy trap that throws there must leave the error a
// TypeError, as V8 throws it without running any of it, not end the script
// as an internal error or hand the script's catch the getter's error.
func TestErrorWordingSurvivesHostileValues(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`class A extends ({get toString() { throw new Error('getter ran') }}) {}`,
		`class B extends new Proxy({}, {get() { throw new Error('trap ran') }}) {}`,
		`'use strict'; const o = Object.freeze({get constructor() { throw new Error('getter ran') }}); o.x = 1;`,
		`'use strict'; const o = Object.freeze(new Proxy({}, {get() { throw new Error('trap ran') }})); o.x = 1;`,
		`try { class D extends ({get toString() { throw new Error('getter ran') }}) {} } catch (e) { throw e.name === 'TypeError' ? new TypeError('caught it') : e; }`,
	} {
		e, _ := newTestEngine(t, Options{})
		r := e.Run(context.Background(), testExec("test", src))
		var se *ScriptError
		if !errors.As(r.Err, &se) || se.Name != "TypeError" || strings.Contains(se.Msg, "ran") {
			t.Errorf("%s\n  got %v, want a TypeError of its own", src, r.Err)
		}
	}
}
