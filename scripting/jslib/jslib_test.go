package jslib

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
)

// newRuntime returns a fresh runtime whose global require() serves jslib
// modules, plus the small assertion helper the JS cases use.
func newRuntime(t testing.TB) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	// Modules are cached per runtime, as in the sandbox: state such as
	// lodash's uniqueId counter lives as long as the runtime.
	loaded := map[string]goja.Value{}
	var req func(string) goja.Value
	req = func(name string) goja.Value {
		if v, ok := loaded[name]; ok {
			return v
		}
		v, err := Require(rt, name, req)
		if err != nil {
			panic(rt.NewGoError(err))
		}
		loaded[name] = v
		return v
	}
	if err := rt.Set("require", req); err != nil {
		t.Fatal(err)
	}
	// The sandbox always has console and timers; these stand-ins let
	// libraries that touch them (ajv's logger, process.nextTick) run. Timer
	// callbacks run when the test drains them (see run).
	_, err := rt.RunString(`
		var console = {log: function () {}, warn: function () {}, error: function () {}};
		var __timers = [];
		function setTimeout(fn) { __timers.push(fn); return __timers.length; }
		function clearTimeout() {}
		function __drain() { while (__timers.length) { __timers.shift()(); } }
		function eq(got, want, what) {
			if (got !== want) {
				throw new Error((what || 'value') + ': got ' + JSON.stringify(got) + ', want ' + JSON.stringify(want));
			}
		}`)
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

func run(t *testing.T, js string) {
	t.Helper()
	rt := newRuntime(t)
	if _, err := rt.RunString(js); err != nil {
		t.Fatal(err)
	}
	// Cases with asynchronous parts put their final checks in check().
	if _, err := rt.RunString(`__drain(); if (typeof check === 'function') check();`); err != nil {
		t.Fatal(err)
	}
}

func TestNamesHaveBundles(t *testing.T) {
	t.Parallel()
	names := Names()
	if len(names) < 20 {
		t.Fatalf("Names() = %v, want every bundled module", names)
	}
	for _, n := range names {
		src, ok := Source(n)
		if !ok || len(src) == 0 {
			t.Errorf("Source(%q) missing", n)
		}
		if strings.Contains(src, "import.meta") {
			t.Errorf("%s contains import.meta", n)
		}
	}
	for _, alias := range []string{"csv-parse-sync", "liquid-json", "node:util"} {
		if _, ok := Source(alias); !ok {
			t.Errorf("Source(%q) missing", alias)
		}
	}
	if _, ok := Source("fs"); ok {
		t.Error(`Source("fs") found; the sandbox has no filesystem module`)
	}
	if _, err := Program("nope"); err == nil {
		t.Error(`Program("nope") succeeded`)
	}
}

// TestEveryModuleLoads runs every bundle in its own fresh runtime: it proves
// goja parses the output and that the module body runs without the host
// providing anything but require.
func TestEveryModuleLoads(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rt := goja.New()
			v, err := Require(rt, name, nil)
			if err != nil {
				t.Fatal(err)
			}
			o := v.ToObject(rt)
			if _, isFn := goja.AssertFunction(v); !isFn && len(o.Keys()) == 0 {
				t.Fatalf("module.exports of %s is empty", name)
			}
		})
	}
}

func TestProgramIsCompiledOnce(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	prgs := make([]*goja.Program, 8)
	for i := range prgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := Program("uuid")
			if err != nil {
				t.Error(err)
			}
			prgs[i] = p
		}()
	}
	wg.Wait()
	for _, p := range prgs[1:] {
		if p != prgs[0] {
			t.Fatal("Program returned different programs for the same module")
		}
	}
}

// Postman's sandbox bundles moment's min build without locales: asking for
// one leaves the locale at "en" instead of failing.
func TestMomentHasNoLocales(t *testing.T) {
	t.Parallel()
	run(t, `
		var moment = require('moment');
		eq(moment.locale('fr'), 'en', 'locale("fr") result');
		eq(moment.locale(), 'en', 'current locale');
		eq(moment.utc(0).format('MMMM'), 'January', 'month name');`)
}

func TestLibraries(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"chai pass": `
			var expect = require('chai').expect;
			expect(1).to.equal(1);
			expect({a: [1, 2]}).to.deep.equal({a: [1, 2]});
			expect('abc').to.have.lengthOf(3);
			expect([1, 2]).to.include(2);`,
		"chai fail message": `
			var chai = require('chai'), caught;
			try { chai.expect(1).to.equal(2); } catch (e) { caught = e; }
			eq(caught instanceof chai.AssertionError, true, 'instanceof AssertionError');
			eq(caught.name, 'AssertionError', 'name');
			eq(caught.message, 'expected 1 to equal 2', 'message');
			eq(caught.actual, 1, 'actual');
			eq(caught.expected, 2, 'expected');
			try { chai.expect('abc').to.have.lengthOf(2); } catch (e) { caught = e; }
			eq(caught.message, "expected 'abc' to have a length of 2 but got 3", 'lengthOf message');
			try { chai.expect([1, 2]).to.include(3); } catch (e) { caught = e; }
			eq(caught.message, 'expected [ 1, 2 ] to include 3', 'include message');`,
		"crypto-js": `
			var C = require('crypto-js');
			eq(C.HmacSHA256('The quick brown fox jumps over the lazy dog', 'key').toString(),
				'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8', 'HmacSHA256');
			eq(C.SHA256('abc').toString(), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'SHA256');
			eq(C.SHA1('abc').toString(C.enc.Hex), 'a9993e364706816aba3e25717850c26c9cd0d89d', 'SHA1');
			eq(C.MD5('').toString(), 'd41d8cd98f00b204e9800998ecf8427e', 'MD5');
			eq(C.enc.Base64.stringify(C.enc.Utf8.parse('h\u00e9llo')), 'aMOpbGxv', 'Base64');
			eq(C.enc.Base64.parse('aMOpbGxv').toString(C.enc.Utf8), 'h\u00e9llo', 'Base64 parse');
			eq(C.AES.decrypt(C.AES.encrypt('msg', 'pw'), 'pw').toString(C.enc.Utf8), 'msg', 'AES round trip');`,
		"lodash": `
			var _ = require('lodash');
			eq(_.VERSION, '4.17.21', 'VERSION');
			eq(_.get({a: [{b: 3}]}, 'a[0].b'), 3, 'get');
			eq(_.get({}, 'x.y', 'dflt'), 'dflt', 'get default');
			eq(_.template('hi <%= n %>')({n: 'x'}), 'hi x', 'template');
			eq(typeof _.pluck, 'undefined', 'pluck removed in v4');`,
		"lodash3": `
			var _ = require('lodash3');
			eq(_.VERSION, '3.10.2', 'VERSION');
			eq(_.pluck([{a: 1}, {a: 2}], 'a').join(), '1,2', 'pluck');`,
		"moment": `
			var moment = require('moment');
			eq(moment.version, '2.30.1', 'version');
			eq(moment.utc('2024-02-29T13:04:05.123Z').format('dddd, MMMM Do YYYY, h:mm:ss.SSS a'),
				'Thursday, February 29th 2024, 1:04:05.123 pm', 'format');
			eq(moment.utc('2024-02-29T13:04:05Z').add(1, 'year').toISOString(), '2025-02-28T13:04:05.000Z', 'add');
			eq(moment.utc('2024-01-01').diff(moment.utc('2023-12-25'), 'days'), 7, 'diff');`,
		"uuid": `
			var uuid = require('uuid');
			var re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
			for (var i = 0; i < 50; i++) {
				eq(re.test(uuid.v4()), true, 'v4 shape');
				eq(re.test(uuid()), true, 'uuid() shape');
			}
			eq(uuid() === uuid(), false, 'distinct');`,
		"atob btoa": `
			eq(require('atob')('aGVsbG8='), 'hello', 'atob');
			eq(require('btoa')('hello'), 'aGVsbG8=', 'btoa');
			eq(require('btoa')('\u00e9'), '6Q==', 'btoa latin1');`,
		"tv4": `
			var tv4 = require('tv4');
			var schema = {type: 'object', properties: {a: {type: 'number'}}};
			eq(tv4.validate({a: 1}, schema), true, 'valid');
			eq(tv4.validate({a: 'x'}, schema), false, 'invalid');
			eq(tv4.error.message, 'Invalid type: string (expected number)', 'error message');
			eq(tv4.error.dataPath, '/a', 'dataPath');`,
		"ajv": `
			var Ajv = require('ajv');
			var ajv = new Ajv({allErrors: true});
			var validate = ajv.compile({type: 'object', required: ['id'], properties: {id: {type: 'integer'}}});
			eq(validate({id: 3}), true, 'valid');
			eq(validate({id: 'x'}), false, 'invalid');
			eq(validate.errors[0].dataPath, '.id', 'dataPath');
			eq(ajv.errorsText(validate.errors), 'data.id should be integer', 'errorsText');`,
		"xml2js": `
			var xml2js = require('xml2js'), out, err;
			xml2js.parseString('<root a="1"><item>x</item><item>y</item></root>', function (e, r) { err = e; out = r; });
			eq(err, null, 'error');
			eq(JSON.stringify(out), '{"root":{"$":{"a":"1"},"item":["x","y"]}}', 'parsed');
			eq(new xml2js.Builder({headless: true}).buildObject({r: {i: 'x'}}), '<r>\n  <i>x</i>\n</r>', 'builder');`,
		"cheerio": `
			var $ = require('cheerio').load('<ul><li class="a">one</li><li>two &amp; three</li></ul>');
			eq($('li').length, 2, 'count');
			eq($('li.a').text(), 'one', 'class select');
			eq($('li').eq(1).text(), 'two & three', 'entities');
			eq($('ul').html(), '<li class="a">one</li><li>two &amp; three</li>', 'html');`,
		"csv-parse": `
			var parse = require('csv-parse/lib/sync');
			eq(JSON.stringify(parse('a,b\n1,"x,y"\n2,z\n', {columns: true})),
				'[{"a":"1","b":"x,y"},{"a":"2","b":"z"}]', 'columns');
			eq(JSON.stringify(parse('a;b\n1;2', {delimiter: ';'})), '[["a","b"],["1","2"]]', 'delimiter');`,
		"json (liquid-json)": `
			var J = require('json'), caught;
			eq(J.parse('\ufeff{"a":1}').a, 1, 'BOM ignored');
			try { J.parse('{"a":1,}'); } catch (e) { caught = e; }
			eq(caught.name, 'JSONError', 'error name');
			eq(caught.message.split('\n')[0], 'Trailing comma in object at 1:8', 'friendly message');
			eq(J.stringify({a: 1}), '{"a":1}', 'stringify');`,
		"url": `
			var u = require('url').parse('http://u:p@a.com:80/x?a[b]=1&c=2&c=3#h', true);
			eq(u.auth, 'u:p', 'auth');
			eq(u.hostname, 'a.com', 'hostname');
			eq(u.port, '80', 'port');
			eq(u.pathname, '/x', 'pathname');
			eq(u.query['a[b]'], '1', 'query (not nested: querystring, not qs)');
			eq(u.query.c.join(), '2,3', 'repeated key');
			eq(require('url').resolve('http://a.com/b/c', '../d'), 'http://a.com/d', 'resolve');`,
		"querystring": `
			var qs = require('querystring');
			eq(qs.stringify({a: [1, 2], b: 'x y', c: ''}), 'a=1&a=2&b=x%20y&c=', 'stringify');
			eq(JSON.stringify(qs.parse('a=1&a=2&b=%20x')), '{"a":["1","2"],"b":" x"}', 'parse');`,
		"util": `
			var util = require('util');
			eq(util.format('%s:%d:%j %%', 'a', 42, {x: [1]}, 'extra'), 'a:42:{"x":[1]} % extra', 'format');
			eq(util.inspect({a: {b: {c: {d: 1}}}}), '{ a: { b: { c: [Object] } } }', 'inspect depth');
			eq(typeof util.promisify, 'undefined', 'browserify util 0.10 has no promisify');
			eq(typeof util.inherits, 'function', 'inherits');`,
		"events": `
			var EventEmitter = require('events');
			eq(EventEmitter.EventEmitter, EventEmitter, 'named export');
			var e = new EventEmitter(), got = [];
			e.on('x', function (v) { got.push(v); });
			e.once('x', function (v) { got.push('once' + v); });
			e.emit('x', 1); e.emit('x', 2);
			eq(got.join(), '1,once1,2', 'emit order');`,
		"path": `
			var path = require('path');
			eq(path.join('/a/b', '../c', './d.txt'), '/a/c/d.txt', 'join');
			eq(path.extname('x.tar.gz'), '.gz', 'extname');
			eq(path.basename('/a/b.js', '.js'), 'b', 'basename');`,
		"assert": `
			var assert = require('assert'), caught;
			assert.deepEqual({a: [1]}, {a: [1]});
			try { assert.deepEqual({a: [1]}, {a: [2]}); } catch (e) { caught = e; }
			eq(caught && caught.code, 'ERR_ASSERTION', 'code');
			eq(caught.name, 'AssertionError', 'name');
			try { assert.strictEqual(1, 2); } catch (e) { caught = e; }
			eq(caught.message, 'Expected values to be strictly equal:\n\n1 !== 2\n', 'strictEqual message');`,
		"punycode": `
			eq(require('punycode').toASCII('ma\u00f1ana.com'), 'xn--maana-pta.com', 'toASCII');
			eq(require('punycode').version, '1.4.1', 'version');`,
		"buffer and string_decoder": `
			var Buffer = require('buffer').Buffer;
			eq(Buffer.from('hi').toString('hex'), '6869', 'hex');
			eq(Buffer.from('aGk=', 'base64').toString(), 'hi', 'base64');
			var d = new (require('string_decoder').StringDecoder)('utf8');
			eq(d.write(Buffer.from([0xe2, 0x82])) + '|' + d.write(Buffer.from([0xac])), '|\u20ac', 'split code point');`,
		"stream": `
			var stream = require('stream'), got = '';
			var w = new stream.Writable({write: function (c, enc, cb) { got += c.toString(); cb(); }});
			var finished = false;
			w.on('finish', function () { finished = true; });
			w.write('a'); w.end('b');
			function check() { eq(got, 'ab', 'written'); eq(finished, true, 'finish emitted'); }`,
		"timers": `
			eq(typeof require('timers').setTimeout, 'function', 'setTimeout exported');`,
		"postman-collection": `
			var sdk = require('postman-collection');
			var u = new sdk.Url('https://ex.com:8080/p/{{x}}?q=1#f');
			eq(u.getHost(), 'ex.com', 'host');
			eq(u.port, '8080', 'port');
			eq(u.toString(), 'https://ex.com:8080/p/{{x}}?q=1#f', 'toString');
			var scope = new sdk.VariableScope({values: [{key: 'x', value: 'v'}]});
			eq(scope.replaceIn('a{{x}}b'), 'avb', 'replaceIn');
			eq(sdk.Collection.isCollection(new sdk.Collection()), true, 'isCollection');`,
	}
	for name, js := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			run(t, js)
		})
	}
}

// TestMatchesPostmanSandbox evaluates testdata/exprs.json and compares each
// result with what Postman's own sandbox bootcode (postman-sandbox 4.7.1)
// produced for the same expression (testdata/postman-sandbox.golden.json,
// regenerated by build/oracle.js). Failures, messages and formatting are all
// compared, so this is the library-fidelity test.
func TestMatchesPostmanSandbox(t *testing.T) {
	t.Parallel()
	exprsJSON, err := os.ReadFile("testdata/exprs.json")
	if err != nil {
		t.Fatal(err)
	}
	goldenJSON, err := os.ReadFile("testdata/postman-sandbox.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var exprs []string
	var golden struct {
		Sandbox string
		Results []string
	}
	if err := json.Unmarshal(exprsJSON, &exprs); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(goldenJSON, &golden); err != nil {
		t.Fatal(err)
	}
	if len(exprs) != len(golden.Results) {
		t.Fatalf("%d expressions but %d golden results: rerun build/oracle.js", len(exprs), len(golden.Results))
	}
	// One runtime for all, like the oracle's single sandbox context.
	rt := newRuntime(t)
	if _, err := rt.RunString("var global = globalThis;"); err != nil {
		t.Fatal(err)
	}
	eval, err := rt.RunString(`(function (src) {
		try { return 'OK ' + String((new Function('require', 'return ' + src))(require)); }
		catch (err) { return 'ERR ' + err.name + ': ' + err.message; }
	})`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(eval)
	for i, src := range exprs {
		got, err := fn(goja.Undefined(), rt.ToValue(src))
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if got.String() != golden.Results[i] {
			t.Errorf("%s\n got: %q\nwant: %q (postman-sandbox %s)", src, got.String(), golden.Results[i], golden.Sandbox)
		}
	}
}

// benchRequire measures what a script pays the first time it requires a
// module in a fresh runtime: running the shared compiled Program and the
// module body (compilation is excluded: it happens once per process).
func benchRequire(b *testing.B, name string) {
	if _, err := Program(name); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		rt := goja.New()
		if _, err := Require(rt, name, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRequireChai(b *testing.B)     { benchRequire(b, "chai") }
func BenchmarkRequireLodash(b *testing.B)   { benchRequire(b, "lodash") }
func BenchmarkRequireMoment(b *testing.B)   { benchRequire(b, "moment") }
func BenchmarkRequireCryptoJS(b *testing.B) { benchRequire(b, "crypto-js") }

// BenchmarkNewRuntime is the floor the others are measured against.
func BenchmarkNewRuntime(b *testing.B) {
	for range b.N {
		_ = goja.New()
	}
}

// TestBundlesShareBuffer: every bundle requires buffer at run time, so the
// libraries and the script see one Buffer class, as in Postman's single
// browserify bundle; chai then names a Buffer in its messages
// (build/build.sh, --external:buffer).
func TestBundlesShareBuffer(t *testing.T) {
	t.Parallel()
	run(t, `
		var B = require('buffer').Buffer;
		var msg;
		try { require('chai').expect(B.from('ab')).to.equal(1); } catch (e) { msg = e.message; }
		eq(msg, 'expected Buffer[ 97, 98 ] to equal 1', 'chai message');
		eq(require('util').isBuffer(B.from('a')), true, 'util.isBuffer');
	`)
	for _, name := range Names() {
		if src, _ := Source(name); name != "buffer" && strings.Contains(src, "TYPED_ARRAY_SUPPORT") {
			t.Errorf("%s carries its own copy of the buffer module", name)
		}
	}
}
