package scripting

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// expectCases are assertion chains written against E (an expect function)
// and R (the response under test). Each runs twice: with pm.expect's fast
// Expectation and with chai's own expect; outcome and message must agree.
var expectCases = []string{
	// equality
	`E(1).to.equal(1)`, `E(1).to.equal(2)`, `E(1).to.not.equal(2)`, `E(1).to.not.equal(1)`, `E('a').to.eq('a')`,
	`E(NaN).to.equal(NaN)`, `E(1).to.equals('1')`, `E(1).to.equal(2, 'custom msg')`, `E(1, 'outer').to.equal(2)`,
	`E({a: 1}).to.equal({a: 1})`, `E({a: 1}).to.deep.equal({a: 1})`, `E({a: 1}).to.deep.equal({a: 2})`,
	`E({a: [1, {b: 2}]}).to.eql({a: [1, {b: 2}]})`, `E({a: [1, {b: 2}]}).to.eql({a: [1, {b: 3}]})`, `E([1, 2]).to.eql([1, 2, 3])`,
	`E({a: 1}).to.not.eql({a: 1})`, `E({a: 1}).to.not.eql({a: 2})`, `E(0).to.eql(-0)`, `E(NaN).to.eql(NaN)`, `E([]).to.eql({})`,
	`E({a: undefined}).to.eql({})`, `E(new Date(0)).to.eql(new Date(0))`, `E('x').to.eql('x')`,
	// types
	`E('x').to.be.a('string')`, `E('x').to.be.a('number')`, `E(1).to.be.a('Number')`, `E([]).to.be.an('array')`,
	`E({}).to.be.an('object')`, `E(null).to.be.a('null')`, `E(undefined).to.be.an('undefined')`, `E([]).to.be.an('object')`,
	`E(new Date()).to.be.a('date')`, `E(/x/).to.be.a('regexp')`, `E(function () {}).to.be.a('function')`, `E('x').to.not.be.a('string')`,
	`E('x').to.be.a('string', 'why')`, `E(1).to.be.an.instanceof(Number)`, `E([]).to.be.an.instanceof(Array)`, `E(5).to.be.a('number').and.above(3)`,
	// properties
	`E(true).to.be.true`, `E(1).to.be.true`, `E(false).to.be.false`, `E(null).to.be.null`, `E(0).to.be.null`, `E(undefined).to.be.undefined`,
	`E(1).to.be.undefined`, `E(1).to.exist`, `E(null).to.exist`, `E(null).to.not.exist`, `E('').to.be.ok`, `E('a').to.be.ok`, `E(0).to.not.be.ok`,
	`E('').to.be.empty`, `E('a').to.be.empty`, `E([]).to.be.empty`, `E([1]).to.not.be.empty`, `E({}).to.be.empty`, `E({a: 1}).to.be.empty`, `E(1).to.be.empty`,
	`E([1]).to.be.an('array').that.is.not.empty`, `E(NaN).to.be.NaN`,
	// comparisons
	`E(5).to.be.above(3)`, `E(2).to.be.above(3)`, `E(3).to.be.at.least(3)`, `E(3).to.be.below(3)`, `E(3).to.be.at.most(3)`, `E(4).to.not.be.below(3)`,
	`E('5').to.be.above(3)`, `E(5).to.be.gt(3)`, `E(2).to.be.lt(1)`, `E([1, 2]).to.have.length.above(1)`, `E([1, 2]).to.have.lengthOf.at.most(1)`,
	`E(5).to.be.within(1, 10)`, `E(1.5).to.be.closeTo(1, 0.2)`,
	// include / match / oneOf
	`E('hello').to.include('ell')`, `E('hello').to.include('xyz')`, `E('hello').to.not.include('xyz')`, `E([1, 2]).to.include(2)`,
	`E([1, 2]).to.include(3)`, `E([1, 2]).to.not.include(3)`, `E([{a: 1}]).to.deep.include({a: 1})`, `E({a: 1, b: 2}).to.include({a: 1})`,
	`E({a: 1, b: 2}).to.include({a: 2})`, `E('abc').to.contain('b')`, `E([1, 2, 3]).to.include.members([1, 2])`, `E({a: 1}).to.include.keys('a')`,
	`E('abc').to.match(/b/)`, `E('abc').to.match(/z/)`, `E('abc').to.not.match(/z/)`, `E(2).to.be.oneOf([1, 2])`, `E(3).to.be.oneOf([1, 2])`,
	`E(3).to.not.be.oneOf([1, 2])`, `E('abc').to.have.string('b')`,
	// property / length / keys
	`E({a: 1}).to.have.property('a')`, `E({a: 1}).to.have.property('b')`, `E({a: 1}).to.have.property('a', 1)`, `E({a: 1}).to.have.property('a', 2)`,
	`E({a: {b: 'x'}}).to.have.property('a').that.has.property('b').that.is.a('string')`, `E({a: 1}).to.not.have.property('a')`,
	`E({a: 1}).to.not.have.property('b')`, `E({a: {b: 1}}).to.have.nested.property('a.b', 1)`, `E({a: [1]}).to.have.deep.property('a', [1])`,
	`E(null).to.have.property('a')`, `E({a: 1}).to.have.own.property('a')`, `E('abc').to.have.property('length', 3)`,
	`E([1, 2]).to.have.lengthOf(2)`, `E([1, 2]).to.have.lengthOf(3)`, `E('ab').to.have.length(2)`, `E({a: 1}).to.have.keys('a')`,
	`E({a: 1}).to.have.all.keys('a', 'b')`, `E({a: 1}).to.have.any.keys('a', 'b')`, `E([1, 2]).to.have.members([2, 1])`,
	// typos and misuse
	`E(1).to.be.tru`, `E(1).to.eqaul(1)`, `E(1).to.be.an.instanceof(String)`, `E([1]).to.include.members([2])`, `E({}).to.have.length.above(1)`,
	`E(1).to.be.a(1)`, `E(function () { throw new Error('boom'); }).to.throw('boom')`, `E(function () {}).to.throw()`,
	`E(1).to.satisfy(function (v) { return v > 0; })`, `E(1).not.not.equal(2)`, `E([1, 2]).to.include(1).and.not.include(3)`,
	// response and request (chai-postman)
	`R.to.have.status(200)`, `R.to.have.status(404)`, `R.to.not.have.status(404)`, `R.to.not.have.status(200)`, `R.to.have.status('OK')`,
	`R.to.have.status('Not Found')`, `R.to.be.ok`, `R.to.not.be.ok`, `R.to.be.success`, `R.to.be.clientError`, `R.to.be.error`,
	`R.to.have.header('Content-Type')`, `R.to.have.header('X-Nope')`, `R.to.not.have.header('X-Nope')`,
	`R.to.have.header('X-Multi', 'one')`, `R.to.have.header('X-Multi', 'three')`, `R.to.be.json`, `R.to.not.be.json`, `R.to.be.withBody`,
	`R.to.have.statusCode(200)`, `R.to.have.statusCode(201)`, `R.to.have.jsonBody('n', 5)`, `R.to.have.jsonBody('n', 6)`,
	`R.to.have.body()`, `R.to.have.responseTime.below(1000)`, `R.to.have.responseTime.above(1000)`, `R.to.have.responseSize.below(10000)`,
	`R.to.be.notFound`, `R.to.have.jsonSchema({type: 'object', required: ['id']})`, `R.to.be.a.postmanResponse`,
	`E(R).to.have.property('code', 200)`, `E(R.json()).to.have.property('tags').that.includes('a')`,
	// the native forms (fastassert.go): equal, eql, a/an, include, status
	`E(1).to.equal(1.0)`, `E('a').to.equal('a', 'm')`, `E(true).to.not.equal(false)`, `E(undefined).to.equal()`, `E(null).to.equal(undefined)`,
	`E(-0).to.equal(0)`, `E(1).to.equal(1, 'first').and.equal(2)`, `E(1).to.deep.equal(1)`, `E('a').to.not.equal('a', 'why not')`,
	`E(-0).to.eql(-0)`, `E(-0).to.eql(0)`, `E(0.0).to.eql(0)`, `E('1').to.eql(1)`, `E(true).to.eql(true)`, `E(null).to.eql(null)`, `E(null).to.eql(undefined)`,
	`E(undefined).to.eql(undefined)`, `E(1).to.eql(1, 'why')`, `E(1).to.eql(2, 'why')`, `E(5).to.not.eql(5)`, `E(5).to.eql(5, 'm').and.eql(6)`,
	`E('x').to.eql(new String('x'))`, `E(1.5).to.eqls(1.5)`,
	`E('x').to.be.a('String')`, `E('x').to.be.an('STRING')`, `E(null).to.be.an('object')`, `E(true).to.be.a('boolean')`, `E(false).to.be.a('Boolean')`,
	`E(1).to.not.be.a('string')`, `E(1).to.not.be.a('number')`, `E(Object.create(null)).to.be.an('object')`, `E(new Map()).to.be.an('object')`,
	`E(new Proxy({}, {})).to.be.an('object')`, `E(new Proxy([], {})).to.be.an('array')`, `E({[Symbol.toStringTag]: 'Foo'}).to.be.an('object')`,
	`E(Object.create({[Symbol.toStringTag]: 'Bar'})).to.be.an('object')`, `E(Object.create({})).to.be.an('object')`, `E('é').to.be.a('string')`,
	`E(new String('x')).to.be.a('string')`, `E([]).to.be.an('array', 'msg')`, `E({}).to.be.an('array', 'msg')`, `E(1).to.be.a('straße')`,
	`E(Symbol('s')).to.be.a('symbol')`, `E(NaN).to.be.a('number')`, `E(Object.setPrototypeOf([], null)).to.be.an('array')`,
	`E(class {}).to.be.a('function')`, `E({}).to.be.an('object').that.is.empty`, `E('x').to.be.a('string').and.include('y')`,
	`E('héllo').to.include('é')`, `E('hello').to.include('')`, `E('123').to.include(2)`, `E('hello').to.include('ell', 'msg')`,
	`E('hello').to.include('xyz', 'msg')`, `E('hello').to.not.include('ell')`, `E('abc').to.deep.include('b')`, `E('abc').to.includes('c')`,
	`E('abc').to.contains('z')`, `E(['a']).to.include('a')`, `E('a,b').to.include(['a'])`, `E(5).to.include(5)`,
	`R.to.have.status(200.0)`, `R.to.have.status('200')`, `R.to.not.have.status(201)`, `E({code: 200}).to.have.status(200)`,
	`R.to.have.status(NaN)`, `R.to.have.status()`, `R.to.be.ok.and.have.status(404)`,
}

func TestExpectMatchesChai(t *testing.T) {
	t.Parallel()
	passed, failed, worded := compareWithChai(t, expectCases)
	// Both outcomes must be exercised for the comparison to mean anything.
	t.Logf("%d pass, %d fail (%d worded without chai)", passed, failed, worded)
	if passed < 50 || failed < 40 {
		t.Errorf("cases not balanced: %d pass, %d fail", passed, failed)
	}
}

// compareWithChai runs each case twice, with pm.expect (the Expectation, its
// native forms and failure.go's errors) and with chai's own expect, and
// compares the outcome: for a thrown error its name, message, own and
// enumerable keys, actual, expected, showDiff, operator, toJSON, class and
// the stack's first line. It returns how many cases passed and failed, and
// how many failures failure.go worded without chai.
func compareWithChai(t *testing.T, cases []string) (passed, failed, worded int) {
	t.Helper()
	// One script per batch: goja compiles a very long script slowly.
	e, rec := newTestEngine(t, Options{})
	for len(cases) > 0 {
		n := min(len(cases), 100)
		p, f := compareBatch(t, e, rec, cases[:n])
		passed, failed = passed+p, failed+f
		cases = cases[n:]
	}
	return passed, failed, e.failuresWorded
}

func compareBatch(t *testing.T, e *Engine, rec *consoleRec, cases []string) (passed, failed int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("var chai = require('chai'); var out = [];\n")
	// show tells -0, NaN, undefined and strings apart, which JSON does not.
	b.WriteString(`var show = (v) => typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : typeof v === 'string' ? 's:' + v : typeof v === 'object' && v !== null ? 'o:' + JSON.stringify(v) : typeof v + ':' + String(v);
var shape = (e) => !e || typeof e !== 'object' ? { thrown: show(e) } : { name: e.name, msg: String(e.message),
  own: Object.getOwnPropertyNames(e).join(), keys: Object.keys(e).join(), actual: show(e.actual), expected: show(e.expected),
  showDiff: show(e.showDiff), operator: show(e.operator), chai: e instanceof chai.AssertionError, ctor: e.constructor === chai.AssertionError,
  json: JSON.stringify(e.toJSON ? e.toJSON(false) : null, (k, v) => typeof v === 'bigint' || (typeof v === 'number' && !isFinite(v)) ? String(v) : v),
  stack: typeof e.stack === 'string' ? e.stack.split('\n')[0] : typeof e.stack };
var run = (f) => { try { const r = f(); return { ok: true, kind: typeof r }; } catch (e) { return { ok: false, e: shape(e) }; } };
`)
	for _, c := range cases {
		fast := strings.ReplaceAll(strings.ReplaceAll(c, "E(", "pm.expect("), "R.", "pm.response.")
		slow := strings.ReplaceAll(strings.ReplaceAll(c, "E(", "chai.expect("), "R.to", "chai.expect(pm.response).to")
		slow = strings.ReplaceAll(slow, "R.json", "pm.response.json")
		b.WriteString("out.push([" + jsString(c) + ", run(() => " + fast + "), run(() => " + slow + ")]);\n")
	}
	b.WriteString("pm.test('done', () => {}); console.log(JSON.stringify(out));\n")
	r := e.Run(context.Background(), testExec("test", b.String()))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	lines := rec.all()
	if len(lines) == 0 {
		t.Fatal("no output")
	}
	var rows [][3]json.RawMessage
	if err := json.Unmarshal([]byte(lines[len(lines)-1].Message), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(cases) {
		t.Fatalf("got %d rows for %d cases", len(rows), len(cases))
	}
	for _, row := range rows {
		var name string
		_ = json.Unmarshal(row[0], &name)
		if string(row[1]) != string(row[2]) {
			t.Errorf("%s:\n  pm.expect: %s\n  chai:      %s", name, row[1], row[2])
		}
		if strings.Contains(string(row[2]), `"ok":true`) {
			passed++
		} else {
			failed++
		}
	}
	return passed, failed
}

// failureValues are JavaScript literals for the values failure.go displays
// (and some it leaves to chai): strings loupe escapes or truncates, numbers
// with their special displays, the other primitives, objects, and text that
// chai's message templates and operator rules react to.
var failureValues = []string{
	`'a'`, `''`, `"it's"`, `'back\\slash'`, `'tab\there'`, `'new\nline\r\f\b\v'`, `'\u0000nul\u001f'`, `'\u007f\u0080\u009f\u00a0\u00ad'`,
	`'\u0600\u0604\u070f\u17b4\u17b5'`, `'\u200b\u200c\u200f\u2028\u202f\u2060\u206f\ufeff'`, `'\ufff0\uffff'`, `'\ufffd'`, `'é'`, `'日本語'`,
	`'😀'`, `'\ud800'`, `'x\udc00'`, `'x'.repeat(36)`, `'x'.repeat(37)`, `'x'.repeat(38)`, `'x'.repeat(39)`, `'x'.repeat(40)`,
	`'x'.repeat(100)`, `"'".repeat(18)`, `"'".repeat(19)`, `'a'.repeat(36) + '😀'`, `'a'.repeat(35) + '😀z'`, `'a'.repeat(36) + '\n'`,
	`'#{this}'`, `'#{exp} #{act}'`, `' have '`, `'a not b'`, `'$& $1'`,
	`0`, `-0`, `1`, `-1`, `1.5`, `NaN`, `Infinity`, `-Infinity`, `1e21`, `1e-7`, `0.1 + 0.2`, `2 ** 53`, `-5e-324`,
	`true`, `false`, `null`, `undefined`, `{}`, `[]`, `[1, 'a']`, `{a: 1}`, `Symbol('s')`, `10n`, `new String('s')`, `function f() {}`,
}

// TestNativeFailuresMatchChai runs every failure form that failure.go words
// over failureValues, plain, negated and with custom messages, against chai.
func TestNativeFailuresMatchChai(t *testing.T) {
	t.Parallel()
	var cases []string
	others := []string{`'a'`, `1`, `undefined`, `'x'.repeat(50)`, `-0`, `NaN`}
	for i, v := range failureValues {
		if fv := os.Getenv("FV"); fv != "" && fv != strconv.Itoa(i) {
			continue
		}
		w := others[i%len(others)]
		cases = append(cases,
			`E(`+v+`).to.equal(`+w+`)`, `E(`+v+`).to.not.equal(`+v+`)`, `E(`+w+`).to.equal(`+v+`)`,
			`E(`+v+`).to.eql(`+w+`)`, `E(`+v+`).to.not.eql(`+v+`)`, `E(`+w+`).to.eqls(`+v+`, 'm')`,
			`E(`+v+`).to.be.a('number')`, `E(`+v+`).to.be.an('object')`, `E(`+v+`).to.not.be.a('string')`, `E(`+v+`).to.be.an('Array', `+v+`)`,
			`E(`+v+`).to.be.true`, `E(`+v+`).to.not.be.true`, `E(`+v+`).to.be.false`, `E(`+v+`).to.not.be.false`,
			`E(`+v+`).to.be.null`, `E(`+v+`).to.not.be.null`, `E(`+v+`).to.be.undefined`, `E(`+v+`).not.to.be.undefined`,
			`E(`+v+`).to.exist`, `E(`+v+`).to.not.exist`, `E(`+v+`).to.be.ok`, `E(`+v+`).to.not.be.ok`, `E(`+v+`).to.be.empty`,
			`E(`+v+`).to.not.be.empty`, `E(`+v+`, `+v+`).to.equal(2)`, `E(1, `+v+`).to.be.true`,
			`E('abc').to.include(`+v+`)`, `E(`+v+`).to.include('x')`, `E(`+v+`).to.not.include(`+v+`)`, `E('abc').to.contain(`+v+`, 'm')`,
			`E(`+v+`).to.be.above(1)`, `E(1).to.be.at.least(`+v+`)`, `E(`+v+`).to.be.below(-1)`, `E(`+v+`).to.be.at.most(-2)`,
			`E(`+v+`).to.not.be.above(-1)`, `E(`+v+`).to.be.gt(5, 'why')`, `E(`+v+`).to.be.lessThan(0)`,
			`R.to.have.status(`+v+`)`, `R.to.not.have.status(`+v+`)`, `R.to.have.header(`+v+`)`, `R.to.have.header(`+v+`, 'x')`,
			`E(pm.request).to.have.header(`+v+`)`,
		)
	}
	for _, ty := range []string{`'a not b'`, `' have '`, `'Object'`, `'unknown'`, `''`, `'élan'`, `'i'`, `'u'`} {
		cases = append(cases, `E(1).to.be.a(`+ty+`)`, `E('s').to.not.be.a('string', `+ty+`)`)
	}
	cases = append(cases, `R.to.have.status(404)`, `E(pm.response, 'outer').to.have.status(500)`, `E(pm.response).to.not.have.status(200)`,
		`E(5, {toString() { return 'obj msg'; }}).to.equal(6)`, `E(5, 7).to.equal(6)`, `E(5, '').to.equal(6)`, `E(5, 0).to.equal(6)`)
	passed, failed, worded := compareWithChai(t, cases)
	t.Logf("%d cases: %d pass, %d fail, %d of them worded without chai", len(cases), passed, failed, worded)
	if failed < len(cases)/2 || worded < failed/2 {
		t.Errorf("%d of %d cases fail, %d worded without chai: the failure forms are not exercised", failed, len(cases), worded)
	}
}

// TestNativeFailureWithoutChai checks that common failures are reported
// without loading chai, and that an error worded before chai was loaded is,
// once it is, an instance of chai's AssertionError like chai's own.
func TestNativeFailureWithoutChai(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	ctx := context.Background()
	x := testExec("test", `var d = {args: {userId: "{{userID}}"}};
pm.test("eql", () => pm.expect(d.args.userId).to.eql(pm.environment.get("nope")));
pm.test("status", () => pm.response.to.have.status(200));
pm.test("type", () => pm.expect(undefined, "why").to.be.an("object"));
pm.test("below", () => pm.expect(6000).to.be.below(5000));
try { pm.expect(1).to.equal(2); } catch (err) { globalThis.early = err; }`)
	x.Response = &Response{Code: 404, Status: "Not Found", Body: []byte(`{}`)}
	r := e.Run(ctx, x)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	want := []string{"expected '{{userID}}' to deeply equal undefined", "expected response to have status code 200 but got 404",
		"why: expected undefined to be an object", "expected 6000 to be below 5000"}
	if len(r.Tests) != len(want) {
		t.Fatalf("tests %+v", r.Tests)
	}
	for i, w := range want {
		if tr := r.Tests[i]; tr.Passed || tr.ErrorName != "AssertionError" || tr.Error != w {
			t.Errorf("test %d: %+v, want AssertionError %q", i, tr, w)
		}
	}
	// top-this is the wrapper of a script that may add globals (it sets
	// globalThis.early), not a part of the assertions.
	parts := slices.DeleteFunc(slices.Clone(e.partsLoaded), func(p string) bool { return p == "top-this" })
	if _, ok := e.modules["chai"]; ok || len(parts) > 0 || e.failuresWorded != 5 {
		t.Fatalf("chai loaded %v, parts %q, worded %d", ok, e.partsLoaded, e.failuresWorded)
	}
	r = e.Run(ctx, testExec("test", `const chai = require('chai');
let late; try { chai.expect(1).to.equal(2); } catch (err) { late = err; }
pm.test("class", () => {
  pm.expect(early instanceof chai.AssertionError && early instanceof Error).to.equal(true);
  pm.expect(early.constructor === chai.AssertionError && early.toJSON === late.toJSON && early.name === late.name).to.equal(true);
  pm.expect(Object.getOwnPropertyNames(Object.getPrototypeOf(early))).to.eql([]);
  pm.expect(JSON.stringify(early.toJSON(false))).to.equal(JSON.stringify(late.toJSON(false)));
  pm.expect(Object.getOwnPropertyNames(early)).to.eql(Object.getOwnPropertyNames(late));
  pm.expect(Object.prototype.toString.call(early)).to.equal(Object.prototype.toString.call(late));
});
pm.test("after", () => pm.expect('a').to.equal('b'));
pm.test("after is chai's", () => { try { pm.expect(1).to.be.true; } catch (err) { pm.expect(err).to.be.an.instanceof(chai.AssertionError); } });`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Tests) != 3 || !r.Tests[0].Passed || r.Tests[1].Error != "expected 'a' to equal 'b'" || !r.Tests[2].Passed {
		t.Fatalf("after chai loaded: %+v", r.Tests)
	}
}
