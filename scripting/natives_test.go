package scripting

import (
	"context"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// TestParseJSONFast checks the fast JSON.parse reader against goja's own
// parser: the same values (types, key order, escapes), and a fallback
// (ok false) wherever goja's parser must decide, errors included.
func TestParseJSONFast(t *testing.T) {
	t.Parallel()
	same := []string{
		`{}`, `[]`, `""`, `0`, `-0`, `1`, `-12.5e3`, `1E-7`, `123456789012345678901234567890`, `true`, `false`, `null`,
		` {"a" : [1, 2.5, "x", null, true, false, {"b": {}}], "c": "d"} `,
		`{"id":"u-1","n":5,"tags":["a","b"],"nested":{"ok":true}}`,
		`{"b":1,"a":2,"1":3,"0":4}`, `{"a":1,"a":2}`, `{"__proto__":{"x":1}}`,
		`"esc \" \\ \/ \b \f \n \r \t \u00e9 \u20AC \ud83d\ude00"`, `"héllo wörld €"`, `"\u0000"`,
		"[\n\t1\r\n]", `[[[[[[[[[[1]]]]]]]]]]`,
	}
	fallback := []string{
		``, ` `, `{`, `[1,]`, `{"a":1,}`, `{a:1}`, `'x'`, `01`, `1.`, `.5`, `1e`, `+1`, `-`, `NaN`, `tru`, `nul`,
		`"\x"`, `"\u12"`, `"` + "\x01" + `"`, `"unterminated`, `[1 2]`, `{"a" 1}`, `1 2`, `"\ud800"`, `"\udc00x"`,
		`"\ud800\u0041"`,
	}
	ref := goja.New()
	stringify, _ := goja.AssertFunction(ref.Get("JSON").ToObject(ref).Get("stringify"))
	nativeParse, _ := goja.AssertFunction(ref.Get("JSON").ToObject(ref).Get("parse"))
	keysJS, err := ref.RunString(`(function keys(v) { if (v === null || typeof v !== 'object') { return typeof v + ':' + String(v) + (Object.is(v, -0) ? '(-0)' : ''); } return (Array.isArray(v) ? '[' : '{') + Object.keys(v).map(function (k) { return k + '=' + keys(v[k]); }).join(',') + (Object.getPrototypeOf(v) === Object.prototype || Array.isArray(v) ? '' : ' proto!'); })`)
	if err != nil {
		t.Fatal(err)
	}
	shape, _ := goja.AssertFunction(keysJS)
	for _, s := range same {
		got, ok := parseJSONFast(ref, s)
		if !ok {
			t.Errorf("%q: fast reader gave up", s)
			continue
		}
		want, err := nativeParse(goja.Undefined(), ref.ToValue(s))
		if err != nil {
			t.Fatalf("%q: goja: %v", s, err)
		}
		gs, _ := stringify(goja.Undefined(), got)
		ws, _ := stringify(goja.Undefined(), want)
		gk, _ := shape(goja.Undefined(), got)
		wk, _ := shape(goja.Undefined(), want)
		if gs.String() != ws.String() || gk.String() != wk.String() {
			t.Errorf("%q:\n got %s %s\nwant %s %s", s, gs, gk, ws, wk)
		}
	}
	for _, s := range fallback {
		if v, ok := parseJSONFast(ref, s); ok {
			t.Errorf("%q: fast reader accepted it as %v; goja's parser must decide", s, v)
		}
	}
}

// TestJSONParseInSandbox runs JSON.parse through the sandbox's wrapper:
// fast path, reviver path and liquid-json's JSONError on failure, as the
// Postman sandbox's JSON global gives it.
func TestJSONParseInSandbox(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	src := `
pm.test('fast', () => { const v = JSON.parse('{"a":[1,{"b":"c"}],"d":1.5}'); pm.expect(v).to.eql({a: [1, {b: 'c'}], d: 1.5}); pm.expect(Object.keys(v)).to.eql(['a', 'd']); });
pm.test('fresh objects', () => { const a = pm.response.json(), b = pm.response.json(); a.id = 'changed'; pm.expect(b.id).to.equal('u-1'); });
pm.test('reviver', () => { pm.expect(JSON.parse('{"a":1,"b":2}', (k, v) => typeof v === 'number' ? v * 10 : v)).to.eql({a: 10, b: 20}); });
pm.test('non-string', () => { pm.expect(JSON.parse(12)).to.equal(12); pm.expect(JSON.parse(true)).to.equal(true); });
pm.test('own __proto__', () => { const v = JSON.parse('{"__proto__":{"x":1}}'); pm.expect(Object.keys(v)).to.eql(['__proto__']); pm.expect(v.x).to.be.undefined; });
pm.test('error', () => { let m; try { JSON.parse('{"a":}'); } catch (e) { m = e.name + ': ' + e.message; } pm.expect(m).to.equal('JSONError: No value found for key a at 1:6\n{"a":}\n     ^'); }); // Newman 6.2.2
`
	runJS(t, e, testExec("test", src))
}

// TestFirstEngineTiming logs what the first script of a process costs:
// compiling the bootstrap (Warm does it in the background in a run), the
// first NewEngine and the first two runs of a typical test script. Run it
// alone in a fresh process to read cold numbers:
//
//	go test -run TestFirstEngineTiming -count=1 -v ./scripting/
func TestFirstEngineTiming(t *testing.T) {
	t0 := time.Now()
	if _, err := bootstrapProgram(); err != nil {
		t.Fatal(err)
	}
	t1 := time.Now()
	e, err := NewEngine(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	t2 := time.Now()
	x := testExec("test", `const j = pm.response.json(); pm.test("status", () => pm.response.to.have.status(200)); pm.test("id", () => pm.expect(j.id).to.be.a("string")); pm.environment.set("id", j.id);`)
	var runs [2]time.Duration
	for i := range runs {
		s := time.Now()
		if r := e.Run(context.Background(), x); r.Err != nil || len(r.Tests) != 2 || !r.Tests[0].Passed || !r.Tests[1].Passed {
			t.Fatalf("run %d: %+v", i, r)
		}
		runs[i] = time.Since(s)
	}
	t.Logf("bootstrap compile %v (0 if an earlier test compiled it), first NewEngine %v, first script %v, second %v",
		t1.Sub(t0).Round(time.Microsecond), t2.Sub(t1).Round(time.Microsecond), runs[0].Round(time.Microsecond), runs[1].Round(time.Microsecond))
}
