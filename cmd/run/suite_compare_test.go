package run

import (
	"os"
	"reflect"
	"testing"
)

func TestSuiteCompare(t *testing.T) {
	t.Parallel()
	row := func(it int, item, name, st string) []any { return []any{float64(it), item, name, st} }
	k := func(item, name string) suiteRowKey { return suiteRowKey{0, item, name} }
	tests := []struct {
		name         string
		exp          suiteExpectedColl
		got          *suiteGot
		matched, tot int
		diffs        []string // ids
	}{
		{
			name: "all match, duplicates as a multiset",
			exp: suiteExpectedColl{Assertions: [][]any{row(0, "a", "x", "passed"), row(0, "a", "x", "failed")},
				Stats: map[string]suiteStat{"assertions": {Total: 2, Failed: 1}}},
			got: &suiteGot{rows: map[suiteRowKey][]string{k("a", "x"): {"failed", "passed"}},
				stats: map[string]suiteStat{"assertions": {Total: 2, Failed: 1}}},
			matched: 2, tot: 2,
		},
		{
			name: "status differs, one missing, one extra, stats differ",
			exp: suiteExpectedColl{Assertions: [][]any{row(0, "a", "x", "passed"), row(0, "a", "y", "passed")},
				Stats: map[string]suiteStat{"assertions": {Total: 2}}},
			got: &suiteGot{rows: map[suiteRowKey][]string{k("a", "x"): {"failed"}, k("b", "z"): {"passed"}},
				stats: map[string]suiteStat{"assertions": {Total: 2, Failed: 1}}},
			matched: 0, tot: 3,
			diffs: []string{
				`iter 0  "(stats)"  "assertions.failed"  newman=0 courier=1`,
				`iter 0  "a"  "x"  newman=passed courier=failed`,
				`iter 0  "a"  "y"  newman=passed courier=absent`,
				`iter 0  "b"  "z"  newman=absent courier=passed`,
			},
		},
		{
			name: "dynamic values and ports in names",
			exp: suiteExpectedColl{Assertions: [][]any{row(0, "http://127.0.0.1:18188/get", "Random: 921", "passed"),
				row(0, "d4d0eab0-98aa-490c-af20-8bb3fe769163", "n", "passed")}},
			got: &suiteGot{rows: map[suiteRowKey][]string{k("http://127.0.0.1:<port>/get", "Random: 362"): {"passed"},
				k("<uuid>", "n"): {"passed"}}},
			matched: 2, tot: 2,
		},
		{
			name: "lossy expectations compare first executions only",
			exp: suiteExpectedColl{Assertions: [][]any{row(0, "a", "x", "passed")},
				Stats: map[string]suiteStat{"assertions": {Total: 2}}},
			got: &suiteGot{rows: map[suiteRowKey][]string{k("a", "x"): {"passed"}, {1, "a", "x"}: {"passed"}},
				firstRows: map[suiteRowKey][]string{k("a", "x"): {"passed"}},
				stats:     map[string]suiteStat{"assertions": {Total: 2}}},
			matched: 1, tot: 1,
		},
		{
			name:    "no report",
			exp:     suiteExpectedColl{Assertions: [][]any{row(0, "a", "x", "passed")}, Stats: map[string]suiteStat{"requests": {Total: 1}}},
			got:     nil,
			matched: 0, tot: 1,
			diffs: []string{
				`iter 0  "(stats)"  "requests.failed"  newman=0 courier=absent`,
				`iter 0  "(stats)"  "requests.total"  newman=1 courier=absent`,
				`iter 0  "a"  "x"  newman=passed courier=absent`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := compareSuite(tt.exp, tt.got, "")
			var ids []string
			for _, d := range res.diffs {
				ids = append(ids, d.id())
			}
			if res.matched != tt.matched || res.total != tt.tot || !reflect.DeepEqual(ids, tt.diffs) {
				t.Errorf("got %d/%d %q, want %d/%d %q", res.matched, res.total, ids, tt.matched, tt.tot, tt.diffs)
			}
		})
	}
}

func TestSuiteRatchet(t *testing.T) {
	t.Parallel()
	d := func(item, courier string) suiteDiff {
		return suiteDiff{Item: item, Assertion: "x", Newman: "passed", Courier: courier}
	}
	known := []suiteDiff{d("a", "failed"), d("b", "absent"), d("b", "absent")}
	actual := []suiteDiff{d("a", "failed"), d("b", "absent"), d("c", "failed")}
	reg, fixed := ratchet(known, actual)
	if !reflect.DeepEqual(reg, []suiteDiff{d("c", "failed")}) {
		t.Errorf("regressions = %v", reg)
	}
	if !reflect.DeepEqual(fixed, []suiteDiff{d("b", "absent")}) {
		t.Errorf("fixed = %v", fixed)
	}
}

func TestSuiteConfigFlags(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := dir + "/c.json"
	suiteWriteFile(t, p, `{"run":{"timeout":10000,"timeoutRequest":3000,"timeoutScript":500,"ignoreRedirects":true,
		"insecure":true,"bail":true,"iterationCount":2,"delayRequest":5,"folder":["F1","F2"]}}`)
	var o Options
	if err := applySuiteConfig(p, &o); err != nil {
		t.Fatal(err)
	}
	want := Options{Timeout: 10000, TimeoutRequest: 3000, TimeoutScript: 500, IgnoreRedirects: true, Insecure: true,
		Bail: "failure", BailSet: true, Iterations: 2, DelayRequest: 5, Folders: []string{"F1", "F2"}}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("options = %+v, want %+v", o, want)
	}
	suiteWriteFile(t, p, `{"run":{"color":"off"}}`)
	if err := applySuiteConfig(p, &o); err == nil {
		t.Error("an unknown config key was accepted")
	}
}

func suiteWriteFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
