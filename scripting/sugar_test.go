package scripting

import (
	"context"
	"errors"
	"flag"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestSugarMethodList checks js/sugar-methods.txt against what Sugar really
// adds when it runs in a fresh runtime (-update rewrites the file).
func TestSugarMethodList(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	const snap = `(function () {
  var out = {};
  ['Object', 'Array', 'String', 'Number', 'Function', 'Date', 'RegExp', 'Boolean'].forEach(function (c) {
    var g = globalThis[c];
    out[c] = { S: Object.getOwnPropertyNames(g), P: Object.getOwnPropertyNames(g.prototype) };
  });
  return out;
})()`
	before, err := rt.RunString(snap)
	if err != nil {
		t.Fatal(err)
	}
	p, err := sugarProgram()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.RunProgram(p); err != nil {
		t.Fatal(err)
	}
	after, err := rt.RunString(snap)
	if err != nil {
		t.Fatal(err)
	}
	type names struct{ S, P []string }
	var b, a map[string]names
	if err := rt.ExportTo(before, &b); err != nil {
		t.Fatal(err)
	}
	if err := rt.ExportTo(after, &a); err != nil {
		t.Fatal(err)
	}
	var added []string
	for cls, an := range a {
		had := map[string]bool{}
		for _, n := range b[cls].S {
			had["."+n] = true
		}
		for _, n := range b[cls].P {
			had["#"+n] = true
		}
		for _, n := range an.S {
			if !had["."+n] {
				added = append(added, cls+"."+n)
			}
		}
		for _, n := range an.P {
			if !had["#"+n] {
				added = append(added, cls+"#"+n)
			}
		}
	}
	// Non-function members (Date.RFC1123, String.Inflector...) are marked:
	// their stubs are getters. A function's length follows, and its name
	// where it is not the member's ("-" for none).
	sort.Strings(added)
	for i, n := range added {
		expr := strings.Replace(n, "#", ".prototype.", 1)
		v, err := rt.RunString("(function (f) { return typeof f === 'function' ? f.length + ' ' + f.name : 'value'; })(" + expr + ")")
		if err != nil {
			t.Fatal(err)
		}
		length, name, _ := strings.Cut(v.String(), " ")
		_, member, _ := strings.Cut(strings.Replace(n, "#", ".", 1), ".")
		switch {
		case length == "value":
			added[i] = n + " value"
		case name == member:
			added[i] = n + " " + length
		default:
			added[i] = n + " " + length + " -" + name
		}
	}
	got := strings.Join(added, "\n") + "\n"
	if *update {
		if err := os.WriteFile("js/sugar-methods.txt", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != sugarMethods {
		t.Errorf("js/sugar-methods.txt is stale (go test -run TestSugarMethodList -update): %d names now, file has %d", len(added), strings.Count(sugarMethods, "\n"))
	}
	if len(added) < 400 {
		t.Errorf("only %d Sugar additions found", len(added))
	}
}

// TestSugarOnFirstUse runs the kind of checks Newman's prototype-check and
// super-sandbox collections make: Sugar's methods work without any
// explicit loading, and only cost anything once used.
func TestSugarOnFirstUse(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	// Before any use, the stubs look like Sugar's members.
	r := e.Run(context.Background(), testExec("test", `
tests["stub is a function"] = typeof "x".has === "function" && typeof [].average === "function";
tests["stubs are not enumerable"] = Object.keys(Array.prototype).length === 0;
tests["'in' sees them"] = "camelize" in String.prototype && "create" in Date;`))
	checkLegacy(t, r, 3)
	r = e.Run(context.Background(), testExec("test", `
tests["Array prototype none"] = ['a', 'b', 'c'].none('d');
tests["Array prototype any"] = [ [1,2], [2,3] ].any([2,3]);
tests["Array prototype average"] = [ 1, 2, 3, 4, 5 ].average() === 3;
var fCount = 0;
var fn = (function() { fCount++; }).once(); fn(); fn(); fn();
tests["Function prototype once"] = fCount === 1;
tests["Number prototype hex"] = (56).hex() === '38';
tests["Number prototype isEven"] = (56).isEven() === true;
tests["Number prototype ordinalize"] = (56).ordinalize() === '56th';
tests["Number prototype format"] = (56789.10).format() === '56,789.1';
tests["String prototype camelize"] = 'a-beta'.camelize() === 'ABeta';
tests["String prototype shift"] = 'abc'.shift(5) === 'fgh';
tests["String prototype spacify"] = 'a-b_cD'.spacify() === 'a b c d';
tests["String has"] = "diabetes".has("betes") && !"diabetes".has("x");
tests["Sugar's map shorthand once loaded"] = [{a: 1}, {a: 2}].map('a').join() === '1,2';
tests["Date.create"] = Date.create('2020-01-02').getFullYear() === 2020;
tests["RFC1123 value"] = typeof Date.RFC1123 === 'string';`))
	checkLegacy(t, r, 15)
	// The next script of the run still has Sugar.
	r = e.Run(context.Background(), testExec("test", `tests["still there"] = [1, 2, 3].sum() === 6;`))
	checkLegacy(t, r, 1)
}

// TestSugarLoadOutsideScriptTimeout: loading Sugar.js is the sandbox's own
// setup, so however long it takes on a loaded machine it does not use up the
// script's --timeout-script. The hook makes the load outlast the timeout.
// Not parallel: it sets a package hook.
func TestSugarLoadOutsideScriptTimeout(t *testing.T) {
	t.Cleanup(func() { sugarLoadHook = nil })
	// The rest of the script must end within the timeout, which a machine
	// too loaded to run it in time does not: it runs again with twice the
	// timeout (and a load twice as long), so load makes the test longer,
	// never failed. A load that counted fails every try.
	var r *Result
	timeout := time.Second
	for ; ; timeout *= 2 {
		sugarLoadHook = func() { time.Sleep(timeout + timeout/2) }
		e, _ := newTestEngine(t, Options{Timeout: timeout})
		r = e.Run(context.Background(), testExec("test", `tests["sum"] = [1, 2, 3].sum() === 6;`))
		if !errors.Is(r.Err, ErrScriptTimeout) || timeout >= 16*time.Second {
			break
		}
	}
	checkLegacy(t, r, 1)
	// The clock runs again once Sugar is loaded.
	e, _ := newTestEngine(t, Options{Timeout: timeout})
	r = e.Run(context.Background(), testExec("test", `[1].sum(); for (;;) {}`))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "sandbox: synchronous script execution timeout") {
		t.Fatalf("runaway script after Sugar: %v", r.Err)
	}
}

func checkLegacy(t *testing.T, r *Result, n int) {
	t.Helper()
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Tests) != n {
		t.Errorf("%d tests, want %d: %+v", len(r.Tests), n, r.Tests)
	}
	for _, tr := range r.Tests {
		if !tr.Passed {
			t.Errorf("%q failed: %s", tr.Name, tr.Error)
		}
	}
}

func BenchmarkSugarLoad(b *testing.B) {
	if _, err := sugarProgram(); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e, _ := newTestEngine(b, Options{})
		b.StartTimer()
		if r := e.Run(context.Background(), testExec("test", `"x".has("x")`)); r.Err != nil {
			b.Fatal(r.Err)
		}
		b.StopTimer()
		e.Close()
		b.StartTimer()
	}
}

// TestSugarStubsLookLikeSugar: before Sugar runs, a stub has the name and
// length Sugar's function has (not goja's Go path) and prints Sugar's text,
// the same before and after Sugar ran (fresh-round8c-sugar has Newman's).
func TestSugarStubsLookLikeSugar(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `
var has = 'x'.has, hour = (1).hourAfter, all = [].all;
tests["names"] = [has.name, [].average.name, hour.name, all.name, Object.each.name, 'x'.insert.name].join() === 'has,average,after,,each,add';
tests["lengths"] = [has.length, [].average.length, Date.prototype.addDays.length, 'x'.truncate.length].join() === '1,1,2,4';
var d = Object.getOwnPropertyDescriptor(has, 'name');
tests["name descriptor"] = !d.writable && !d.enumerable && d.configurable;
var text = String(has);
tests["text is Sugar's"] = text.indexOf('function(find) {') === 0 && text.indexOf('native code') < 0;
tests["same text once Sugar ran"] = 'diabetes'.has('betes') && String(has) === text && String('x'.has) === text;
tests["Sugar's names once it ran"] = 'x'.has.name === 'has' && (1).hourAfter.name === 'after';`))
	checkLegacy(t, r, 6)
}

// TestSugarStubsWhereNamed: stubs are installed for the members a script
// names, and all of them for a script that lists own names; Sugar then
// runs as before.
func TestSugarStubsWhereNamed(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `tests["plain"] = 1 + 1 === 2;`))
	checkLegacy(t, r, 1)
	if n := len(e.sugar.stubs); n != 0 {
		t.Errorf("%d stubs for a script naming none", n)
	}
	r = e.Run(context.Background(), testExec("test", `tests["in"] = 'sum' in Array.prototype && 'each' in Object;`))
	checkLegacy(t, r, 1)
	if n := len(e.sugar.stubs); n < 3 || n > 10 {
		t.Errorf("%d stubs for a script naming two members", n)
	}
	r = e.Run(context.Background(), testExec("test", `
tests["listed"] = Object.getOwnPropertyNames(String.prototype).indexOf('camelize') >= 0;
tests["not enumerable"] = Object.keys(Array.prototype).length === 0;`))
	checkLegacy(t, r, 2)
	if n := len(e.sugar.stubs); n < 400 {
		t.Errorf("%d stubs after a script listed own names", n)
	}
	if e.sugar.loaded {
		t.Fatal("Sugar ran before any use")
	}
	r = e.Run(context.Background(), testExec("test", `tests["camelize"] = 'a-beta'.camelize() === 'ABeta';`))
	checkLegacy(t, r, 1)
}

// TestSugarStubsOnAReplacedRegExp: js/parts/regexp.js puts its own RegExp in
// goja's place and copies the statics, stubs included; the copies still
// load Sugar and give its members.
func TestSugarStubsOnAReplacedRegExp(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `tests["stub"] = typeof Date.extend === 'function';`))
	checkLegacy(t, r, 1)
	r = e.Run(context.Background(), testExec("test", `
var f = RegExp.extend;
tests["a stub"] = f.name === 'extend' && !new RegExp('a').test('b');
tests["Sugar's"] = String(RegExp.extend).indexOf('function(methods') === 0 && RegExp.extend !== f;`))
	checkLegacy(t, r, 2)
}

func TestSugarWordsIn(t *testing.T) {
	t.Parallel()
	names := func(u sugarUse) string {
		var s []string
		for _, i := range u.members {
			m := sugarMembers[i]
			s = append(s, sugarClasses[m.class]+map[bool]string{true: "#", false: "."}[m.proto]+m.name)
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct{ src, want string }{
		{`pm.test("x", function () { pm.expect(1).to.eql(1); });`, "Array#to String#to"},
		{`[1, 2].sum()`, "Array#sum Object.sum"},
		{`var k = 'average'; [1][k]()`, "Array#average Object.average"},
		{`// camelize later`, "String#camelize"},
		{`x.summary; $sum; sum_`, ""},
		{`1 + 1`, ""},
	} {
		u := sugarWordsIn(c.src)
		if u.all || names(u) != c.want {
			t.Errorf("%s: %v %q, want %q", c.src, u.all, names(u), c.want)
		}
	}
	for _, src := range []string{`Object.getOwnPropertyNames(x)`, `Reflect.ownKeys(x)`, `eval(s)`, `new Function(s)`, `Object.getOwnPropertyDescriptors(x)`} {
		if !sugarWordsIn(src).all {
			t.Errorf("%s: not all", src)
		}
	}
}

// TestSugarStubsShapedWhenSeen: a stub gets the own members of Sugar's
// sloppy function (arguments, caller, prototype) once a script could see a
// function's own members, not before (fresh-round8c-sugar); the members
// Sugar sets to a V8 built-in get none.
func TestSugarStubsShapedWhenSeen(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	runJS(t, e, testExec("test", `pm.test(typeof "x".camelize, () => {});`))
	stub := e.builtinProto("String").Get("camelize").(*goja.Object)
	if v := stub.Get("prototype"); v != nil {
		t.Fatalf("a script that looks at no function's members gave the stub a prototype: %v", v)
	}
	r := runJS(t, e, testExec("test", `const f = "x".camelize; pm.test(Object.getOwnPropertyNames(f).join() + ' ' + (f.prototype.constructor === f) + ' ' +
		Object.getOwnPropertyNames(Date.prototype.getWeekday).join() + ' ' + ('prototype' in [].sum), () => {});`))
	if got, want := r.Tests[0].Name, "length,name,arguments,caller,prototype true length,name true"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
