package scripting

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestBuiltinMembersAsPostman runs testdata/builtins/probe.js, which lists
// the own keys (statics and prototype) of every standard built-in, and
// compares with the same probe's answers under Postman CLI 1.34
// (testdata/builtins/postman-cli-1.34.txt, recorded with `postman
// collection run` from a pre-request script, one pm.test per line). courier
// must have nothing Postman lacks; what Postman has and courier lacks must
// be exactly postmanOnly, so a change either way shows here.
func TestBuiltinMembersAsPostman(t *testing.T) {
	t.Parallel()
	probe, err := os.ReadFile("testdata/builtins/probe.js")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := os.ReadFile("testdata/builtins/postman-cli-1.34.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Postman CLI has these and courier does not (docs/postman-compatibility.md
	// "Built-in objects"). A key is the probe's line head; "absent" or a
	// missing line means the whole object.
	postmanOnly := map[string]string{}
	e, _ := newTestEngine(t, Options{CurrentSandbox: true})
	r := e.Run(context.Background(), testExec("prerequest", string(probe)))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	got := map[string]map[string]bool{}
	for _, tr := range r.Tests {
		k, v := splitProbeLine(tr.Name)
		got[k] = v
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(rec)), "\n") {
		k, want := splitProbeLine(line)
		seen[k] = true
		have, ok := got[k]
		if only := postmanOnly[k]; only == "*" {
			continue
		}
		if !ok {
			t.Errorf("%s: courier has no such line (Postman: %s)", k, line)
			continue
		}
		var extra, lacks []string
		for m := range have {
			if !want[m] {
				extra = append(extra, m)
			}
		}
		for m := range want {
			if !have[m] {
				lacks = append(lacks, m)
			}
		}
		sort.Strings(extra)
		sort.Strings(lacks)
		if len(extra) > 0 {
			t.Errorf("%s: courier has what Postman CLI lacks: %s", k, strings.Join(extra, " "))
		}
		if strings.Join(lacks, " ") != postmanOnly[k] {
			t.Errorf("%s: Postman CLI has, courier lacks: %q; want %q", k, strings.Join(lacks, " "), postmanOnly[k])
		}
	}
	for k := range got {
		// A whole object Postman has and courier builds otherwise ("*")
		// may read as absent or an error in courier.
		head, _, _ := strings.Cut(k, " ")
		if !seen[k] && postmanOnly[head+" static"] != "*" {
			t.Errorf("courier line %q has no Postman CLI counterpart", k)
		}
	}
}

// splitProbeLine reads "Name static: a b c" as ("Name static", {a,b,c})
// and "Name absent" as ("Name absent", {}).
func splitProbeLine(l string) (string, map[string]bool) {
	k, v, _ := strings.Cut(l, ": ")
	k = strings.TrimSuffix(k, ":")
	set := map[string]bool{}
	for _, m := range strings.Fields(v) {
		set[m] = true
	}
	return k, set
}

// Feature tests scripts write: Postman CLI 1.34 answers each line below.
func TestGojaExtrasHiddenAsPostman(t *testing.T) {
	t.Parallel()
	src := `const t = s => pm.test(String(s), () => {});
t(typeof Uint8Array.fromBase64 + ' ' + typeof Uint8Array.fromHex);
t(typeof new Uint8Array(1).toBase64 + ' ' + typeof new Uint8Array(1).toHex + ' ' + typeof new Uint8Array(1).setFromHex);
t(typeof JSON.rawJSON + ' ' + typeof JSON.isRawJSON + ' ' + Object.prototype.toString.call(JSON));
t(BigInt.prototype.length + ' ' + BigInt.prototype.name);
t(typeof Intl.getCanonicalLocales.prototype + ' ' + typeof Intl.supportedValuesOf.prototype);
`
	checkTestNames(t, src, []string{
		"undefined undefined",
		"undefined undefined undefined",
		"undefined undefined [object Object]",
		"undefined undefined",
		"undefined undefined",
	})
}

// Postman's sandboxes fix Error.prepareStackTrace to their own function: a
// script's hook is ignored. Postman CLI 1.34 answers the current sandbox's
// lines, Newman 6.2.2 the legacy one's (its function names a loop variable a).
func TestPrepareStackTraceAsPostman(t *testing.T) {
	t.Parallel()
	src := `const t = s => pm.test(String(s), () => {});
t(typeof Error.prepareStackTrace + ' ' + JSON.stringify(Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace')));
t(String(Error.prepareStackTrace));
Error.prepareStackTrace = () => 'mine';
t(new Error('a').stack === 'mine');
t(Error.prepareStackTrace(new TypeError('m'), ['f (x:1:2)', 'g']));
t(Error.prepareStackTrace(null) + '|' + Error.prepareStackTrace({ message: 5 }, 'ab'));
t(delete Error.prepareStackTrace);
t((() => { 'use strict'; try { Error.prepareStackTrace = 1; return 'no'; } catch (e) { return e.name; } })());
t(Object.getOwnPropertyNames(Error).includes('prepareStackTrace') + ' ' + Error.prepareStackTrace.name + ' ' + Error.prepareStackTrace.length);
`
	want := func(loopVar string) []string {
		return []string{
			`function {"writable":false,"enumerable":false,"configurable":false}`,
			"function(e,t){let n=`Error: ${e&&e.message}`;for(let " + loopVar + "=0;" + loopVar + "<(t&&t.length);" + loopVar + "++)n+=`\\n    at ${t[" + loopVar + "]}`;return n}",
			"false",
			"Error: m\n    at f (x:1:2)\n    at g",
			"Error: null|Error: 5\n    at a\n    at b",
			"false",
			"TypeError",
			"true value 2",
		}
	}
	for _, c := range []struct {
		current bool
		loopVar string
	}{{true, "r"}, {false, "a"}} {
		e, _ := newTestEngine(t, Options{CurrentSandbox: c.current})
		r := e.Run(context.Background(), testExec("test", src))
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		var got []string
		for _, tr := range r.Tests {
			got = append(got, tr.Name)
		}
		if w := want(c.loopVar); strings.Join(got, "\n--\n") != strings.Join(w, "\n--\n") {
			t.Errorf("current sandbox %v: got\n%s\nwant\n%s", c.current, strings.Join(got, "\n--\n"), strings.Join(w, "\n--\n"))
		}
	}
}

// Legacy members (js/parts/annexb.js): Postman CLI 1.34 answers each line.
func TestAnnexBAsPostman(t *testing.T) {
	t.Parallel()
	src := `const t = s => pm.test(String(s), () => {});
t('x'.anchor('a"b') + 'y'.big() + 'z'.bold() + 'w'.fixed() + 'q'.fontcolor('red') + 'r'.fontsize(7) + 'l'.link('http://h/?a="1"') + 's'.sub() + 'S'.sup() + 'i'.italics() + 'k'.strike() + 'm'.small() + 'n'.blink());
t(''.anchor() + '|' + String.prototype.bold.call(5) + '|' + String.prototype.anchor.length + String.prototype.big.length + '|' + String.prototype.fontcolor.name);
t((() => { try { String.prototype.bold.call(null); } catch (e) { return e.name; } })());
const d = new Date(Date.UTC(2024, 4, 6, 12)); t(d.getYear() + ' ' + new Date(NaN).getYear());
const e1 = new Date(Date.UTC(2024, 4, 6, 12)); e1.setYear(99); t(e1.getFullYear() + ' ' + e1.getMonth());
const e2 = new Date(Date.UTC(2024, 4, 6, 12)); t(e2.setYear(2001) === e2.getTime()); t(e2.getFullYear());
const e3 = new Date(NaN); e3.setYear(5); t(e3.getFullYear() + ' ' + e3.getMonth() + ' ' + e3.getDate() + ' ' + e3.getHours());
t(new Date(0).setYear(NaN));
t(Date.prototype.toGMTString === Date.prototype.toUTCString);
const o = {}; o.__defineGetter__('g', () => 7); t(o.g + ' ' + JSON.stringify(Object.getOwnPropertyDescriptor(o, 'g')) + ' ' + typeof o.__lookupGetter__('g'));
o.__defineSetter__('s', function (v) { this.v = v; }); o.s = 3; t(o.v + ' ' + typeof o.__lookupSetter__('s') + ' ' + o.__lookupSetter__('g') + ' ' + o.__lookupGetter__('missing'));
t(typeof {}.__lookupGetter__('__proto__') + ' ' + [].__lookupGetter__('length'));
t((() => { try { ({}).__defineGetter__('x', 5); } catch (e) { return e.name + ': ' + e.message; } })());
t(Object.prototype.__defineGetter__.length + ' ' + Object.prototype.__lookupGetter__.length + ' ' + Object.prototype.__defineGetter__.name);
t(Object.keys({}).length + ' ' + ('__defineGetter__' in {}) + ' ' + Object.prototype.propertyIsEnumerable('__defineGetter__'));
`
	checkTestNames(t, src, []string{
		`<a name="a&quot;b">x</a><big>y</big><b>z</b><tt>w</tt><font color="red">q</font><font size="7">r</font><a href="http://h/?a=&quot;1&quot;">l</a><sub>s</sub><sup>S</sup><i>i</i><strike>k</strike><small>m</small><blink>n</blink>`,
		`<a name="undefined"></a>|<b>5</b>|10|fontcolor`,
		`TypeError`,
		`124 NaN`,
		`1999 4`,
		`true`,
		`2001`,
		`1905 0 1 0`,
		`NaN`,
		`true`,
		`7 {"enumerable":true,"configurable":true} function`,
		`3 function undefined undefined`,
		`function undefined`,
		`TypeError: Object.prototype.__defineGetter__: Expecting function`,
		`2 1 __defineGetter__`,
		`0 true false`,
	})
}

// Half precision (js/parts/annexb.js): Postman CLI 1.34 answers each line.
func TestFloat16AsPostman(t *testing.T) {
	t.Parallel()
	src := `const t = s => pm.test(String(s), () => {});
t([0, -0, 1, 1.337, 65504, 65519.99, 65520, 1e9, -1e9, 5e-8, 2.9e-8, 3e-8, 6e-8, 1e-10, -1e-10, 0.1, 1/3, 2049, 2051, 6.1e-5, NaN, Infinity, -Infinity, '2.5', null, undefined].map(v => { const r = Math.f16round(v); return Object.is(r, -0) ? '-0' : String(r); }).join(' '));
t(Math.f16round.length + ' ' + Math.f16round.name + ' ' + Math.f16round());
const dv = new DataView(new ArrayBuffer(8));
dv.setFloat16(0, 1.337); dv.setFloat16(2, -2.5, true); dv.setFloat16(4, 70000); dv.setFloat16(6, NaN);
t(Array.from(new Uint8Array(dv.buffer)).join(','));
t([dv.getFloat16(0), dv.getFloat16(2, true), dv.getFloat16(2), dv.getFloat16(4), dv.getFloat16(6), dv.getFloat16(1)].join(' '));
dv.setFloat16(0, 5.960464477539063e-8); dv.setFloat16(2, -0); t(dv.getFloat16(0) + ' ' + Object.is(dv.getFloat16(2), -0) + ' ' + dv.getUint16(2));
t(DataView.prototype.getFloat16.length + " " + DataView.prototype.setFloat16.length + " " + DataView.prototype.getFloat16.name + " " + (() => { try { DataView.prototype.setFloat16(0, 1); } catch (e) { return e.name; } })() + " " + (() => { try { dv.getFloat16(7); } catch (e) { return e.name; } })());
`
	checkTestNames(t, src, []string{
		`0 -0 1 1.3369140625 65504 65504 Infinity Infinity -Infinity 5.960464477539063e-8 0 5.960464477539063e-8 5.960464477539063e-8 0 -0 0.0999755859375 0.333251953125 2048 2052 0.00006097555160522461 NaN Infinity -Infinity 2.5 0 NaN`,
		`1 f16round NaN`,
		`61,89,0,193,124,0,126,0`,
		`1.3369140625 -2.5 0.00001150369644165039 Infinity NaN 160`,
		`5.960464477539063e-8 true 32768`,
		`1 2 getFloat16 TypeError RangeError`,
	})
}

// Both of Postman's sandboxes give errors an enumerable toJSON: Postman CLI
// 1.34 (and Newman 6.2.2) answer each line.
func TestErrorToJSONAsPostman(t *testing.T) {
	t.Parallel()
	src := `const t = s => pm.test(String(s), () => {});
t(String(Error.prototype.toJSON).slice(0, 300));
t(JSON.stringify(new Error('x')) + ' ' + JSON.stringify(new TypeError('y')) + ' ' + JSON.stringify({ e: new RangeError('z') }));
t(JSON.stringify(Object.getOwnPropertyDescriptor(Error.prototype, 'toJSON')));
const e = new Error('m'); e.code = 5; t(JSON.stringify(e));
`
	checkTestNames(t, src, []string{
		`function(){return{type:"Error",name:this.name,message:this.message}}`,
		`{"type":"Error","name":"Error","message":"x"} {"type":"Error","name":"TypeError","message":"y"} {"e":{"type":"Error","name":"RangeError","message":"z"}}`,
		`{"writable":true,"enumerable":true,"configurable":true}`,
		`{"type":"Error","name":"Error","message":"m"}`,
	})
}
