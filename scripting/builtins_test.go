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
	postmanOnly := map[string]string{
		"Object proto":                              "__defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__",
		"String proto":                              "anchor big blink bold fixed fontcolor fontsize italics link small strike sub sup",
		"Symbol static":                             "asyncDispose dispose",
		"Math static":                               "f16round",
		"ArrayBuffer proto":                         "maxByteLength resizable resize",
		"DataView proto":                            "getFloat16 setFloat16",
		"Date proto":                                "getYear setYear toGMTString",
		"RegExp static":                             "$& $' $+ $1 $2 $3 $4 $5 $6 $7 $8 $9 $_ $` input lastMatch lastParen leftContext rightContext",
		"Error proto":                               "toJSON",
		"Intl.DateTimeFormat proto":                 "formatRangeToParts",
		"Intl.NumberFormat proto":                   "formatRangeToParts",
		"Intl.PluralRules proto":                    "selectRange",
		"Intl.RelativeTimeFormat proto":             "formatToParts",
		"Intl.ListFormat proto":                     "formatToParts",
		"Intl.Locale proto":                         "calendars collations firstDayOfWeek getCalendars getCollations getHourCycles getNumberingSystems getTextInfo getTimeZones getWeekInfo hourCycles numberingSystems textInfo timeZones weekInfo",
		"Intl.DurationFormat proto":                 "formatToParts",
		"%IteratorPrototype% static":                "@Symbol.dispose @Symbol.toStringTag constructor",
		"%AsyncGeneratorFunction.prototype% static": "prototype",
		// courier's async generators are rewritten (asyncgen.go): their
		// objects' prototype chain is not V8's.
		"%AsyncGeneratorPrototype% static": "*",
		"%AsyncIteratorPrototype% static":  "*",
	}
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
