package scripting

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestIndexedPattern(t *testing.T) {
	t.Parallel()
	m := indexMarker
	for _, c := range []struct {
		in, want string
		groups   []string
	}{
		{`a(b)`, `a(` + m + `b)`, []string{""}},
		{`(?<y>\d+)-(?:x)(z)?`, `(?<y>` + m + `\d+)-(?:x)(` + m + `z)?`, []string{"y", ""}},
		{`(a)\1(b)\2`, `(` + m + `a)\1(` + m + `b)\3`, []string{"", ""}},
		{`(a)\10`, `(` + m + `a)\10`, []string{""}},                               // no group 10: left as written
		{`[(]\(a\)(?=x)(?!y)(?<=z)(?<!w)`, `[(]\(a\)(?=x)(?!y)(?<=z)(?<!w)`, nil}, // nothing captures
		{`[\]( ](c)`, `[\]( ](` + m + `c)`, []string{""}},
		{`\0(a)`, `\0(` + m + `a)`, []string{""}},
		{`(a(b))\k<n>`, `(` + m + `a(` + m + `b))\k<n>`, []string{"", ""}},
	} {
		got, groups := indexedPattern(c.in)
		if got != c.want || !slices.Equal(groups, c.groups) {
			t.Errorf("indexedPattern(%q) = %q %q, want %q %q", c.in, got, groups, c.want, c.groups)
		}
	}
}

func TestUsesRegExpCtor(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]bool{
		`pm.test("x", () => {});`:                     false,
		`if (v instanceof RegExp) {}`:                 false,
		`RegExp.escape("a.")`:                         false,
		`const r = new RegExp(p, "u");`:               true,
		`RegExp(p)`:                                   true,
		`class P extends RegExp {}`:                   true,
		`const R = RegExp;`:                           true,
		`x instanceof RegExp || new RegExp("a")`:      true,
		`/a/d.hasIndices`:                             true,
		`const MyRegExpHelper = 1; MyRegExpHelper;`:   false,
		`s.replace(/x/g, "y") // RegExp.prototype`:    false,
		`const re = /(a)/; re.constructor === RegExp`: true,
	} {
		if got := usesRegExpCtor(src); got != want {
			t.Errorf("usesRegExpCtor(%q) = %v, want %v", src, got, want)
		}
	}
}

// The run-time RegExp is loaded only into engines whose scripts need it,
// and then serves the scripts that run after.
func TestRegExpPartLoadsWhenNeeded(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	ctx := context.Background()
	steps := []struct {
		src    string
		loaded bool
	}{
		{`pm.test("plain", () => pm.expect(/a+/.test("caab") && "a,b".split(/,/).length === 2).to.be.true);`, false},
		{`pm.test("instanceof", () => pm.expect(/a/ instanceof RegExp && typeof RegExp.escape).to.equal("function"));`, false},
		{`pm.test("ctor", () => pm.expect(new RegExp("\\p{Lu}", "u").test("É")).to.be.true);`, true},
		{`const re = Reflect.construct(Object.getPrototypeOf(/a/).constructor, ["\\p{Ll}+", "u"]);
		  pm.test("later script", () => pm.expect(re.exec("ÉAbc")[0]).to.equal("bc"));`, true},
	}
	for i, s := range steps {
		r := e.Run(ctx, testExec("test", s.src))
		if r.Err != nil {
			t.Fatalf("step %d: %v", i, r.Err)
		}
		if len(r.Tests) != 1 || !r.Tests[0].Passed {
			t.Fatalf("step %d: tests %+v", i, r.Tests)
		}
		if got := slices.Contains(e.partsLoaded, "regexp"); got != s.loaded {
			t.Fatalf("step %d: regexp part loaded %v, want %v (%s)", i, got, s.loaded, strings.Join(e.partsLoaded, ","))
		}
	}
}

// The dumped tables are sorted, disjoint, merged ranges of code points,
// the categories cover every code point, and every alias names a
// table.
func TestV8PropertyTables(t *testing.T) {
	t.Parallel()
	for _, tables := range []map[string][]runeRange{v8Properties(), v8Categories(), v8Scripts(), v8ScriptExtensions()} {
		for name, rs := range tables {
			for i, r := range rs {
				if r.lo > r.hi || r.hi > 0x10ffff || i > 0 && r.lo <= rs[i-1].hi+1 {
					t.Errorf("%s: range %d %x-%x out of order", name, i, r.lo, r.hi)
				}
			}
		}
	}
	// The leaf categories partition the code points.
	var all []runeRange
	for _, rs := range v8Categories() {
		all = append(all, rs...)
	}
	if m := mergeRanges(all); len(m) != 1 || m[0] != (runeRange{0, 0x10ffff}) {
		t.Errorf("the categories cover %v, want every code point", m[:min(len(m), 4)])
	}
	for alias, name := range v8ScriptAliases() {
		if _, ok := v8Scripts()[name]; !ok {
			t.Errorf("script alias %s names no table (%s)", alias, name)
		}
	}
	for alias, name := range v8PropertyAliases() {
		if _, ok := v8Properties()[name]; !ok {
			t.Errorf("alias %s names no table (%s)", alias, name)
		}
	}
}

// BenchmarkRegExpConstruct: 1,000 new RegExp of plain patterns per op,
// through goja's own RegExp (the script reaches it without naming it, so
// the part stays unloaded) and through the run-time RegExp (loaded).
func BenchmarkRegExpConstruct(b *testing.B) {
	for _, c := range []struct{ name, ctor string }{
		{"goja", `globalThis["Reg" + "Exp"]`},
		{"courier", `RegExp`},
	} {
		b.Run(c.name, func(b *testing.B) {
			e, _ := newTestEngine(b, Options{})
			x := testExec("test", `const R = `+c.ctor+`; let n = 0; for (let i = 0; i < 1000; i++) { if (new R("^id-" + (i % 50) + "$", "i").test("ID-7")) n++; } if (n !== 20) throw new Error(String(n));`)
			ctx := context.Background()
			for b.Loop() {
				if r := e.Run(ctx, x); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		})
	}
}
