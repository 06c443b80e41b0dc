package scripting

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestLiteralCalleeWordsAsV8: a method that is not a function, called on a
// literal, is named with the literal as V8 prints it (a string in double
// quotes, cooked); courier said ".foo is not a function" for 'abc'.foo()
// (fresh-round14t-b, Newman 6.2.2 on Node 20; the other answers are
// node -e's on the same Node).
func TestLiteralCalleeWordsAsV8(t *testing.T) {
	t.Parallel()
	cases := []struct{ code, want string }{
		{`'abc'.foo()`, `"abc".foo is not a function`},
		{`"abc".foo()`, `"abc".foo is not a function`},
		{`'a"b'.foo()`, `"a"b".foo is not a function`},
		{"`tpl`.foo()", `"tpl".foo is not a function`},
		{`(5).foo()`, `5.foo is not a function`},
		{`[1].foo()`, `[1].foo is not a function`},
		{`[].foo()`, `[].foo is not a function`},
		{`({}).foo()`, `{}.foo is not a function`},
		{`({a:1}).foo()`, `{(intermediate value)}.foo is not a function`},
		{`'abc'.length()`, `"abc".length is not a function`},
		{`'abc'['foo']()`, `"abc".foo is not a function`},
		{`"it's".foo()`, `"it's".foo is not a function`},
		{`'x\ny'.foo()`, "\"x\ny\".foo is not a function"},
		{`true.foo()`, `true.foo is not a function`},
		{`/re/.foo()`, `/re/.foo is not a function`},
		{`'abc'.trim().foo()`, `"abc".trim(...).foo is not a function`},
		{`('abc').foo()`, `"abc".foo is not a function`},
		{`'é'.foo()`, `"é".foo is not a function`},
		{`x = 'q' + 'abc'.foo()`, `"abc".foo is not a function`},
	}
	var src strings.Builder
	src.WriteString("var x; function out(v) { pm.test(String(v), () => {}); }\n")
	var want []string
	for _, c := range cases {
		fmt.Fprintf(&src, "try { %s } catch (e) { out(e.name + ': ' + e.message); }\n", c.code)
		want = append(want, "TypeError: "+c.want)
	}
	checkTestNames(t, src.String(), want)
}

// TestGroupedCalleeWordsAsV8: a parenthesized name or number that a
// member read follows prints without its parentheses (node -e, Node 20).
func TestGroupedCalleeWordsAsV8(t *testing.T) {
	t.Parallel()
	cases := []struct{ code, want string }{
		{`(o).foo()`, `o.foo is not a function`},
		{`(o.a).foo()`, `o.a.foo is not a function`},
		{`(5.5).foo()`, `5.5.foo is not a function`},
		{`(-5).foo()`, `-5.foo is not a function`},
		{`(o.a.b)()`, `o.a.b is not a function`},
		{`(5)()`, `5 is not a function`},
		{`/(a)b/gi.foo()`, `/(a)b/gi.foo is not a function`},
	}
	var src strings.Builder
	src.WriteString("var o = {a: {}}; function out(v) { pm.test(String(v), () => {}); }\n")
	var want []string
	for _, c := range cases {
		fmt.Fprintf(&src, "try { %s } catch (e) { out(e.name + ': ' + e.message); }\n", c.code)
		want = append(want, "TypeError: "+c.want)
	}
	checkTestNames(t, src.String(), want)
}

// TestTV4ErrorNamedAsSandbox: tv4's ValidationError has the name the
// sandbox's bundle gave it, v, which chai prints (Newman 6.2.2,
// fresh-round14t-b: "expected v{ …(7) } to deeply equal null"), and tv4
// still reports on tv4.error only what the script validated.
func TestTV4ErrorNamedAsSandbox(t *testing.T) {
	t.Parallel()
	checkTestNames(t, `function out(v) { pm.test(String(v), () => {}); }
out(tv4.error);
out(tv4.validate(5, {type: 'string'}));
out(tv4.error.constructor.name + ' ' + tv4.error.name + ' ' + (tv4.error instanceof Error));
out(require('tv4').validateResult(1, {type: 'string'}).error.constructor.name);
try { pm.expect(tv4.error).to.eql(null); } catch (e) { out(e.message); }`, []string{
		"null", "false", "v ValidationError true", "v", "expected v{ …(7) } to deeply equal null",
	})
}

// TestJSONParseOutOfRangeNumbers: numbers past a double's range parse as
// V8 parses them (Infinity, 0), with a reviver too; courier's reviver path
// went through goja's parser, which refused 1e400 in Go's words (Newman
// 6.2.2, fresh-round14t-a: pm.response.json(reviver) of {"e":1e400}).
func TestJSONParseOutOfRangeNumbers(t *testing.T) {
	t.Parallel()
	checkTestNames(t, `function out(v) { pm.test(String(v), () => {}); }
function r(k, v) { return typeof v === 'number' ? v * 2 : v; }
out(JSON.stringify(JSON.parse('{"n":12345678901234567890,"e":1e400,"m":-1e400,"u":1e-400}', r)));
out(JSON.parse('[1e400]', r)[0]);
out(JSON.parse('[1e400]')[0]);
out(JSON.parse('-1e400', function (k, v) { return v; }));`, []string{
		`{"n":24691357802469134000,"e":null,"m":null,"u":0}`, "Infinity", "Infinity", "-Infinity",
	})
}

// TestTestIndexesAsSandbox: a test's Index is the number of its pm.test
// (or pm.test.skip) call in the script, whatever order the results settle
// in, and the legacy tests[...] keys are numbered after them, as the
// sandbox numbers them (Newman's failures read "at assertion:1" for the
// second pm.test even when it failed first: golden cli_tests_round14t).
func TestTestIndexesAsSandbox(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `
pm.test('late', function (done) { setTimeout(function () { done(new Error('late')); }, 10); });
pm.test('now', function (done) { done('at once'); });
pm.test.skip('skipped');
pm.test('sync', function () {});
tests['legacy one'] = true;
tests['legacy two'] = false;`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, tr := range r.Tests {
		got = append(got, fmt.Sprintf("%s:%d", tr.Name, tr.Index))
	}
	want := "now:1 skipped:2 sync:3 legacy one:4 legacy two:5 late:0"
	if strings.Join(got, " ") != want {
		t.Errorf("tests %s, want %s", strings.Join(got, " "), want)
	}
}

// TestAssertionErrorNamedAsSandbox: chai's AssertionError constructor is
// named r, the name the sandbox's bundle gave it, before and after chai is
// loaded, so chai prints a caught one as r{ …(n) } (Newman 6.2.2,
// fresh-round14t-g; courier printed me{ …(6) }).
func TestAssertionErrorNamedAsSandbox(t *testing.T) {
	t.Parallel()
	checkTestNames(t, `function out(v) { pm.test(String(v), () => {}); }
try { pm.expect(1).to.equal(2); } catch (e) { out(e.constructor.name + ' ' + e.name); }
try { pm.expect(1).to.equal(2); } catch (e) { try { pm.expect(e).to.be.null; } catch (e2) { out(e2.message); } }
try { pm.expect(1).to.equal(2); } catch (e) { out(e.constructor.name + ' ' + (e instanceof require('chai').AssertionError)); }`, []string{
		"r AssertionError", "expected r{ …(6) } to be null", "r true",
	})
}
