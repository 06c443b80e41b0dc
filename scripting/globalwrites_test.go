package scripting

import (
	"context"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadGlobalUse(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src           string
		adds, topThis bool
	}{
		{`pm.test("a", () => pm.response.to.have.status(200));`, false, false},
		{`var a = 1; a = 2; let b; b += 1; const o = {}; o.x = 1;`, false, false},
		{`token = pm.response.json().token;`, true, false},
		{`jsonData = 1; var jsonData;`, false, false}, // hoisted
		{`function f(t) { t = 1; } function g() { var u; u++; }`, false, false},
		{`function f() { var t; } t = 1;`, true, false},
		{`function f() { var t; } function g() { t = 1; }`, true, false},
		{`pm.test("x", () => { let j; j = pm.response.json(); });`, false, false},
		{`pm.test("x", function () { inTest = 1; });`, true, false},
		{`try { x(); } catch (e) { e = 1; }`, false, false},
		{`for (k in {a: 1}) {}`, true, false},
		{`for (var k in {a: 1}) {} for (const v of []) {}`, false, false},
		{`[a, b] = [1, 2];`, true, false},
		{`var a, b; [a, b] = [1, 2]; ({a} = {a: 1});`, false, false},
		{`_ = 1; tests['x'] = true; responseBody = '';`, false, false},
		{`(function f() { f = 1; })();`, false, false},
		{`class K { m() { K = 1; } }`, false, false},
		{`this.x = 1;`, true, true},
		{`const f = () => this;`, true, true},
		{`function f() { return this; }`, true, false},
		{`const o = { m() { return this.x; } };`, true, false},
		{`globalThis.x = 1;`, true, false},
		{`eval('x = 1');`, true, false},
		{`[].constructor.constructor('return 1')();`, true, false},
		{`new Function('return 1')();`, true, false},
	} {
		prog, err := goja.Parse(scriptFile, syncPrefix+c.src+wrapSuffix)
		require.NoError(t, err, c.src)
		got := readGlobalUse(scriptFunction(prog), c.src, "test")
		assert.Equal(t, globalUse{adds: c.adds, topThis: c.topThis}, got, c.src)
	}
}

func TestAddedNames(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ was, now, want []string }{
		{[]string{"a", "b"}, []string{"a", "b"}, nil},
		{[]string{"a", "b"}, []string{"a", "b", "c"}, []string{"c"}},
		{[]string{"a", "b", "c"}, []string{"a", "c", "d"}, []string{"d"}},
		{[]string{"a", "b", "c"}, []string{"c", "a", "b"}, nil},
		{[]string{"a", "b"}, []string{"b", "x", "a", "y"}, []string{"x", "y"}},
		{nil, []string{"a"}, []string{"a"}},
	} {
		assert.Equal(t, c.want, addedNames(c.was, c.now), "%v -> %v", c.was, c.now)
	}
}

// TestGlobalsAsNewman: a global a script makes in its synchronous part
// stays for later scripts, as in Newman 6.2.2 (one context per run); one
// it makes later (a timer, a promise job) or in a script that throws reads
// undefined in later scripts, and a later script's assignment to it stays
// in that script; the top-level this is an object of the script's own;
// delete of a sandbox global is false (fresh-round7r-a.json).
func TestGlobalsAsNewman(t *testing.T) {
	t.Parallel()
	check := func(cond string) string {
		return `pm.test(` + "`" + cond + "`" + `, function () { pm.expect(` + cond + `).to.equal(true); });`
	}
	for _, c := range []struct {
		name    string
		newer   bool // Postman CLI's newer runtime (v12 runs)
		scripts []string
	}{
		{name: "made in the synchronous part: stays", scripts: []string{
			`token = 'x'; (function () { helper = 1; })(); pm.test('t', function () { viaTest = 2; });`,
			check(`token === 'x' && helper === 1 && viaTest === 2`),
			check(`token === 'x'`),
		}},
		{name: "made in a timer: undefined later, also after an assignment", scripts: []string{
			`early = 1; setTimeout(function () { late = 't'; early = 2; }, 0);`,
			check(`typeof late === 'undefined' && late === undefined && early === 2 && 'late' in (function () { return this; })()`),
			`late = 'mine'; ` + check(`late === 'mine'`),
			check(`late === undefined`),
		}},
		{name: "made in a promise job: undefined later", scripts: []string{
			`Promise.resolve().then(function () { job = 1; });`,
			check(`typeof job === 'undefined'`),
		}},
		{name: "made in a promise job, newer runtime: stays", newer: true, scripts: []string{
			`Promise.resolve().then(function () { job = 1; });`,
			check(`job === 1`),
		}},
		{name: "made by a script that throws: undefined later", scripts: []string{
			`made = 1; throw new Error('stop');`,
			check(`made === undefined`),
		}},
		{name: "made by a script that throws, newer runtime: stays", newer: true, scripts: []string{
			`made = 1; throw new Error('stop');`,
			check(`made === 1`),
		}},
		{name: "made through a sloppy function's this: stays", scripts: []string{
			`(function () { return this; })().viaThis = 1; Function('return this')().viaCtor = 2;`,
			check(`viaThis === 1 && viaCtor === 2`),
		}},
		{name: "top-level this is the script's own", scripts: []string{
			`var self0 = this; this.mine = 1; ` + check(`typeof mine === 'undefined' && self0.pm === pm && self0.JSON === JSON && typeof self0._.map === 'function'`) +
				check(`Object.keys(self0)[0] === 'Object' && Object.getPrototypeOf(self0) === Object.prototype && self0 !== (function () { return this; })()`) +
				`var arrowThis = (() => this)(); ` + check(`arrowThis === self0 && Object.keys(self0).indexOf('responseBody') > Object.keys(self0).indexOf('request')`),
			`var self1 = this; ` + check(`self1.mine === undefined && typeof mine === 'undefined'`),
		}},
		{name: "delete of a sandbox global is false", scripts: []string{
			`var d = [delete _, delete atob, delete JSON]; ` + check(`d.join() === 'false,false,false' && typeof _ === 'function' && typeof JSON.parse === 'function'`),
			check(`typeof _.map === 'function' && typeof atob === 'function' && typeof JSON === 'object'`),
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{VirtualTime: true, CurrentSandbox: c.newer})
			for i, src := range c.scripts {
				r := e.Run(context.Background(), testExec("test", src))
				if strings.Contains(src, "throw new Error('stop')") {
					require.Error(t, r.Err)
					continue
				}
				require.NoError(t, r.Err, "script %d", i)
				for _, tr := range r.Tests {
					assert.True(t, tr.Passed, "script %d: %s: %s", i, tr.Name, tr.Error)
				}
			}
		})
	}
}

// TestGlobalNamesReadsGojasList guards the field path globalNames reads by
// reflection (goja.Object.self, then the implementation's propNames): after
// a goja upgrade that moves either, this fails here, naming the cause,
// instead of the engine silently listing the global object the slow way on
// every script. The list must also be the global object's own names, in
// order, through additions and deletions.
func TestGlobalNamesReadsGojasList(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	names := globalNames(rt.GlobalObject())
	require.NotNil(t, names, "goja's layout changed: goja.Object.self or its propNames moved; update globalNames (scripting/globalwrites.go)")
	_, err := rt.RunString(`var a = 1; b = 2; globalThis.c = 3; delete globalThis.b; Object.defineProperty(globalThis, 'd', {value: 4, enumerable: false});`)
	require.NoError(t, err)
	assert.Equal(t, rt.GlobalObject().GetOwnPropertyNames(), *names)
	assert.Equal(t, []string{"a", "c", "d"}, (*names)[len(*names)-3:])
}
