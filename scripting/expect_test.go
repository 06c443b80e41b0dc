package scripting

import (
	"context"
	"encoding/json"
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
	var b strings.Builder
	b.WriteString("const chai = require('chai'); const out = [];\n")
	b.WriteString("const run = (f) => { try { const r = f(); return { ok: true, kind: typeof r }; } catch (e) { return { ok: false, name: e.name, msg: String(e.message) }; } };\n")
	for _, c := range expectCases {
		fast := strings.ReplaceAll(strings.ReplaceAll(c, "E(", "pm.expect("), "R.", "pm.response.")
		slow := strings.ReplaceAll(strings.ReplaceAll(c, "E(", "chai.expect("), "R.to", "chai.expect(pm.response).to")
		slow = strings.ReplaceAll(slow, "R.json", "pm.response.json")
		b.WriteString("out.push([" + jsString(c) + ", run(() => " + fast + "), run(() => " + slow + ")]);\n")
	}
	b.WriteString("pm.test('done', () => {}); console.log(JSON.stringify(out));\n")
	e, rec := newTestEngine(t, Options{})
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
	if len(rows) != len(expectCases) {
		t.Fatalf("got %d rows for %d cases", len(rows), len(expectCases))
	}
	passed, failed := 0, 0
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
	// Both outcomes must be exercised for the comparison to mean anything.
	t.Logf("%d pass, %d fail", passed, failed)
	if passed < 50 || failed < 40 {
		t.Errorf("cases not balanced: %d pass, %d fail", passed, failed)
	}
}
