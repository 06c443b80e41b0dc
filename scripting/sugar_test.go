package scripting

import (
	"context"
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
	// their stubs are getters.
	for i, n := range added {
		expr := strings.Replace(n, "#", ".prototype.", 1)
		if v, err := rt.RunString("typeof " + expr); err != nil {
			t.Fatal(err)
		} else if v.String() != "function" {
			added[i] = n + " value"
		}
	}
	sort.Strings(added)
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
	const timeout = time.Second
	sugarLoadHook = func() { time.Sleep(timeout + timeout/2) }
	t.Cleanup(func() { sugarLoadHook = nil })
	e, _ := newTestEngine(t, Options{Timeout: timeout})
	r := e.Run(context.Background(), testExec("test", `tests["sum"] = [1, 2, 3].sum() === 6;`))
	checkLegacy(t, r, 1)
	// The clock runs again once Sugar is loaded.
	e, _ = newTestEngine(t, Options{Timeout: timeout})
	r = e.Run(context.Background(), testExec("test", `[1].sum(); for (;;) {}`))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "timed out") {
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
