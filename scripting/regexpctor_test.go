package scripting

import (
	"context"
	"slices"
	"strconv"
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
		{`a(b)`, `a(` + m + `(?:b))`, []string{""}},
		{`(?<y>\d+)-(?:x)(z)?`, `(?<y>` + m + `(?:\d+))-(?:x)(` + m + `(?:z))?`, []string{"y", ""}},
		{`(a)\1(b)\2`, `(` + m + `(?:a))\1(` + m + `(?:b))\3`, []string{"", ""}},
		{`(a)\10`, `(` + m + `(?:a))\10`, []string{""}},                           // no group 10: left as written
		{`[(]\(a\)(?=x)(?!y)(?<=z)(?<!w)`, `[(]\(a\)(?=x)(?!y)(?<=z)(?<!w)`, nil}, // nothing captures
		{`[\]( ](c)`, `[\]( ](` + m + `(?:c))`, []string{""}},
		{`\0(a)`, `\0(` + m + `(?:a))`, []string{""}},
		{`(a(b))\k<n>`, `(` + m + `(?:a(` + m + `(?:b))))\k<n>`, []string{"", ""}},
		// The marker is set whichever alternative of the group matches.
		{`(a|ab)(c|bcd)?`, `(` + m + `(?:a|ab))(` + m + `(?:c|bcd))?`, []string{"", ""}},
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

func TestContextFree(t *testing.T) {
	t.Parallel()
	for pattern, want := range map[string]bool{
		`(a)(b+)?`:               true,
		`[^/]+/(\d+)`:            true,
		`(\w+)\s\1`:              true,
		`[$^]+(x)`:               true,
		`[\b](x)`:                true,
		`(?<n>a)|(?:b)`:          true,
		`^(a)`:                   false,
		`(a)$`:                   false,
		`\b(a)`:                  false,
		`(a)\B`:                  false,
		`(a)(?=b)`:               false,
		`(a)(?!b)`:               false,
		`(?<=x)(a)`:              false,
		`(?<!x)(a)`:              false,
		`\$(a)\^`:                true,
		`[\]^](a)`:               true,
		`(?:(?<=\n)|(?<!\s))(a)`: false,
	} {
		if got := contextFree(pattern); got != want {
			t.Errorf("contextFree(%q) = %v, want %v", pattern, got, want)
		}
	}
}

// A /d expression whose pattern depends on nothing outside its match runs
// its markers on the matched text alone; the same pattern with an empty
// lookahead appended (which changes no match) takes the markers over the
// rest of the input. Both must give the same matches and indices, for
// every pattern and input here (seeded random inputs).
func TestRegExpIndicesOnTheMatchAlone(t *testing.T) {
	t.Parallel()
	e, rec := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `
		const patterns = ['(a)(b+)?', '(a|ab)(c|bcd)?(d*)', '((a)|b)+', '(?<x>\\w)(\\d)?\\1', '(a*)*(b)', '(?:(a)|(b))+c?',
			'([ab]{2,3}?)(\\s|-)', '(.)(?<y>.)?', '(\\d+)-(\\d+)?', '()(a)', '(😀|b)(c)?', '([^-]+)-'];
		let seed = 7;
		const rnd = n => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
		const alphabet = ['a', 'b', 'c', 'd', ' ', '-', '1', '2', '😀'];
		let compared = 0, differ = [];
		for (const p of patterns) {
			for (const flags of ['dg', 'dgi', 'dy', 'd', 'dgu']) {
				const u = flags.includes('u');
				for (let n = 0; n < 30; n++) {
					let s = '';
					for (let i = rnd(24); i > 0; i--) s += alphabet[rnd(u ? 9 : 8)];
					const fast = new RegExp(p, flags), slow = new RegExp(p + '(?=[\\s\\S]*)', flags);
					const run = re => { const out = []; for (let k = 0; k < 40; k++) { const m = re.exec(s); out.push(JSON.stringify([m, m && m.indices, m && m.index, re.lastIndex])); if (!m || !re.global && !re.sticky) break; if (m[0] === '') re.lastIndex++; } return out.join(); };
					const a = run(fast), b = run(slow);
					compared++;
					if (a !== b) differ.push(p + '/' + flags + ' on ' + JSON.stringify(s) + ': ' + a + ' vs ' + b);
				}
			}
		}
		console.log(compared, differ.length, differ.slice(0, 3).join('\n'));`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	lines := rec.all()
	if len(lines) != 1 || lines[0].Message != "1800 0 " {
		t.Errorf("got %+v", lines)
	}
}

// /d with alternatives inside a group (its marker was set by the first
// alternative only: the second left the index undefined and the script
// failed), global and sticky searches, a long input; Postman CLI 1.34's
// answers (three runs).
func TestRegExpIndicesAlternativesAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`T(() => JSON.stringify([...'ab abcd-1'.matchAll(/(a|ab)(c|bcd)?(d*)/dg)].map(m => [m.index, m.indices])));
T(() => JSON.stringify([...'xaby xb'.matchAll(/x(?<p>a|b)(?:y|(b))?/dg)].map(m => [m[0], m.indices, m.indices.groups])));
T(() => { const re = /(\d+)-(\d+)/dg; const out = []; let m; while ((m = re.exec('1-2 33-44 x 5-6')) !== null) out.push(m.indices.join('|') + '@' + re.lastIndex); return out.join(' '); });
T(() => JSON.stringify('k1=v1;k2=v2'.replace(/(\w+)=(\w+)/dg, (m, a, b, off) => off + a + b)));
T(() => { const re = /(b)/dy; re.lastIndex = 1; const m = re.exec('abc'); return JSON.stringify([m.indices, re.lastIndex, re.exec('abc'), re.lastIndex]); });
T(() => { const s = 'ab'.repeat(2000); let n = 0, last; for (const m of s.matchAll(/(a)(b)/dg)) { n++; last = m.indices[2]; } return n + ' ' + last; });
T(() => JSON.stringify(/(a)|(b)/d.exec('xb').indices) + JSON.stringify(/(😀)(x)?/du.exec('a😀b').indices));
`, []string{
		"[[0,[[0,1],[0,1],null,[1,1]]],[3,[[3,7],[3,4],[4,7],[7,7]]]]",
		"[[\"xab\",[[0,3],[1,2],[2,3]],{\"p\":[1,2]}],[\"xb\",[[5,7],[6,7],null],{\"p\":[6,7]}]]",
		"0,3|0,1|2,3@3 4,9|4,6|7,9@9 12,15|12,13|14,15@15",
		"\"0k1v1;6k2v2\"",
		"[[[1,2],[1,2]],2,null,0]",
		"2000 3999,4000",
		"[[1,2],null,[1,2]][[1,3],[1,3],null]",
	})
}

// A global /d search over inputs of 1,000 and 4,000 matches: with the
// markers on the matched text alone (a context-free pattern) the cost per
// match stays flat; with them over the rest of the input (the same pattern
// with an empty lookahead appended) it grows with the input.
func BenchmarkRegExpIndicesGlobal(b *testing.B) {
	for _, c := range []struct{ name, suffix string }{{"match-alone", ""}, {"rest-of-input", `(?=[\s\S]*)`}} {
		for _, n := range []int{1000, 4000} {
			b.Run(c.name+"/"+strconv.Itoa(n), func(b *testing.B) {
				e, _ := newTestEngine(b, Options{})
				x := testExec("test", `const s = 'k=v; '.repeat(`+strconv.Itoa(n)+`); let k = 0;
					for (const m of s.matchAll(new RegExp('(\\w)=(\\w)`+strings.ReplaceAll(c.suffix, `\`, `\\`)+`', 'dg'))) k += m.indices[2][0];
					if (k === 0) throw new Error('no match');`)
				ctx := context.Background()
				for b.Loop() {
					if r := e.Run(ctx, x); r.Err != nil {
						b.Fatal(r.Err)
					}
				}
			})
		}
	}
}
