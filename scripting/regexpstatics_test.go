package scripting

import (
	"context"
	"testing"
)

// Prelude of the probes below: t names a test after its argument, T after
// a function's result or its error.
const probePrelude = `const t = s => pm.test(String(s), () => {});
const T = f => { try { t(f()); } catch (e) { t('E:' + (e && e.name) + ': ' + (e && e.message)); } };
`

// RegExp.$1 and the other legacy statics after each kind of match
// (regexpstatics.go); every line is Postman CLI 1.34's answer (three runs).
func TestRegExpStaticsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`const S = () => [RegExp.$1, RegExp.$2, RegExp.$3, RegExp.$9, RegExp.lastMatch, RegExp.input, RegExp.leftContext, RegExp.rightContext, RegExp.lastParen].map(v => JSON.stringify(v)).join(' ');
t('init ' + S());
/(\d+)-(\d+)/.test('ab 12-34 cd'); t('test ' + S());
/zzz(q)/.test('nothing'); t('failed test keeps ' + S());
'k=v; a=b'.match(/(\w)=(\w)/); t('match ' + S());
'k=v; a=b'.match(/(\w)=(\w)/g); t('match g ' + S());
'x1y2z3'.replace(/(\d)/g, '<$1>'); t('replace g ' + S());
'x1y2z3'.replace(/(\d)/, '<$1>'); t('replace ' + S());
var seen = []; 'a1b2'.replace(/([a-z])(\d)/g, function (m, p) { seen.push(RegExp.$1 + RegExp.lastMatch); return m; }); t('replace fn during ' + seen.join(',') + ' after ' + S());
'a,b;c'.split(/([,;])/); t('split ' + S());
'a,b;c'.split(/[,;]/); t('split nocap ' + S());
'hello world'.search(/(o) (w)/); t('search ' + S());
var it = 'p1q2r3'.matchAll(/([a-z])(\d)/g); t('matchAll made ' + S()); it.next(); t('matchAll 1 ' + S()); [...it]; t('matchAll rest ' + S());
/(a)|(b)/.exec('xb'); t('exec undef group ' + S());
new RegExp('(f)(o+)', 'i').exec('xFOOy'); t('ctor ' + S());
'abcabc'.replaceAll(/(b)/g, 'B'); t('replaceAll ' + S());
/(x)/y.test('ax'); t('sticky fail ' + S());
var g = /(\w)/g; g.exec('ab'); g.exec('ab'); t('g exec twice ' + S());
g.exec('ab'); t('g exec end ' + S());
'abc'.match('(b)'); t('match string ' + S());
'abc'.search('c'); t('search string ' + S());
'abc'.replace('a', 'z'); t('replace string ' + S());
'a-b'.split('-'); t('split string ' + S());
/()/.test(''); t('empty ' + S());
/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)/.test('abcdefghij'); t('ten ' + S() + ' ' + RegExp.lastParen);
/\d+/.test('x 42 y'); t('nogroup ' + S());
`, []string{
		"init \"\" \"\" \"\" \"\" \"body\" \"body\" \"\" \"\" \"\"",
		"test \"12\" \"34\" \"\" \"\" \"12-34\" \"ab 12-34 cd\" \"ab \" \" cd\" \"34\"",
		"failed test keeps \"12\" \"34\" \"\" \"\" \"12-34\" \"ab 12-34 cd\" \"ab \" \" cd\" \"34\"",
		"match \"k\" \"v\" \"\" \"\" \"k=v\" \"k=v; a=b\" \"\" \"; a=b\" \"v\"",
		"match g \"a\" \"b\" \"\" \"\" \"a=b\" \"k=v; a=b\" \"k=v; \" \"\" \"b\"",
		"replace g \"3\" \"\" \"\" \"\" \"3\" \"x1y2z3\" \"x1y2z\" \"\" \"3\"",
		"replace \"1\" \"\" \"\" \"\" \"1\" \"x1y2z3\" \"x\" \"y2z3\" \"1\"",
		"replace fn during bb2,bb2 after \"b\" \"2\" \"\" \"\" \"b2\" \"a1b2\" \"a1\" \"\" \"2\"",
		"split \";\" \"\" \"\" \"\" \";\" \"a,b;c\" \"a,b\" \"c\" \";\"",
		"split nocap \"\" \"\" \"\" \"\" \";\" \"a,b;c\" \"a,b\" \"c\" \"\"",
		"search \"o\" \"w\" \"\" \"\" \"o w\" \"hello world\" \"hell\" \"orld\" \"w\"",
		"matchAll made \"o\" \"w\" \"\" \"\" \"o w\" \"hello world\" \"hell\" \"orld\" \"w\"",
		"matchAll 1 \"p\" \"1\" \"\" \"\" \"p1\" \"p1q2r3\" \"\" \"q2r3\" \"1\"",
		"matchAll rest \"r\" \"3\" \"\" \"\" \"r3\" \"p1q2r3\" \"p1q2\" \"\" \"3\"",
		"exec undef group \"\" \"b\" \"\" \"\" \"b\" \"xb\" \"x\" \"\" \"b\"",
		"ctor \"F\" \"OO\" \"\" \"\" \"FOO\" \"xFOOy\" \"x\" \"y\" \"OO\"",
		"replaceAll \"b\" \"\" \"\" \"\" \"b\" \"abcabc\" \"abca\" \"c\" \"b\"",
		"sticky fail \"b\" \"\" \"\" \"\" \"b\" \"abcabc\" \"abca\" \"c\" \"b\"",
		"g exec twice \"b\" \"\" \"\" \"\" \"b\" \"ab\" \"a\" \"\" \"b\"",
		"g exec end \"b\" \"\" \"\" \"\" \"b\" \"ab\" \"a\" \"\" \"b\"",
		"match string \"b\" \"\" \"\" \"\" \"b\" \"abc\" \"a\" \"c\" \"b\"",
		"search string \"\" \"\" \"\" \"\" \"c\" \"abc\" \"ab\" \"\" \"\"",
		"replace string \"\" \"\" \"\" \"\" \"c\" \"abc\" \"ab\" \"\" \"\"",
		"split string \"\" \"\" \"\" \"\" \"c\" \"abc\" \"ab\" \"\" \"\"",
		"empty \"\" \"\" \"\" \"\" \"\" \"\" \"\" \"\" \"\"",
		"ten \"a\" \"b\" \"c\" \"i\" \"abcdefghij\" \"abcdefghij\" \"\" \"\" \"j\" j",
		"nogroup \"\" \"\" \"\" \"\" \"42\" \"x 42 y\" \"x \" \" y\" \"\"",
	})
}

// The statics' descriptors, order, setters and odd receivers, as Postman
// CLI 1.34 has them.
func TestRegExpStaticsShapeAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`t(Object.getOwnPropertyNames(RegExp).join(' '));
t(['$1','input','$_','lastMatch','$&','lastParen','$+','leftContext','$`+"`"+`','rightContext',"$'"].map(k => { const d = Object.getOwnPropertyDescriptor(RegExp, k); return k + ':' + typeof d.get + typeof d.set + d.enumerable + d.configurable + (d.get && d.get.name) + '/' + (d.set && d.set.name) + '/' + (d.get && d.get.length); }).join(' '));
/(q)/.test('aqb'); RegExp.input = 'changed'; t(RegExp.input + ' ' + RegExp.$_ + ' ' + RegExp.lastMatch + ' ' + RegExp.$1);
RegExp.$1 = 'x'; RegExp.lastMatch = 'y'; t(RegExp.$1 + ' ' + RegExp.lastMatch);
RegExp.$_ = 5; t(typeof RegExp.input + ' ' + RegExp.input);
T(() => { 'use strict'; RegExp.$1 = 'z'; return 'ok ' + RegExp.$1; });
T(() => { 'use strict'; RegExp.lastMatch = 'z'; return 'ok'; });
T(() => Object.getOwnPropertyDescriptor(RegExp, '$1').get.call({}));
T(() => Object.getOwnPropertyDescriptor(RegExp, '$1').get.call(undefined));
class R extends RegExp {} ; new R('(s)').exec('xs'); T(() => R.$1);
T(() => RegExp.$10 + '|' + RegExp.$0);
t(RegExp['$&'] + ' ' + RegExp['$+'] + ' ' + RegExp['$`+"`"+`'] + ' ' + RegExp["$'"]);
t('$1' in RegExp); t(Object.keys(RegExp).length);
/(?<y>\d{4})/.test('in 2024!'); t(RegExp.$1 + ' ' + RegExp.lastParen);
/a/gi.test('xxA'); t(RegExp.lastMatch + RegExp.leftContext);
const re = /(m)/; re.exec = function () { return null; }; 'm'.match(re); t('custom exec ' + RegExp.$1);
/(\u{1F600})/u.test('x😀y'); t(RegExp.$1 + ' ' + RegExp.leftContext + ' ' + RegExp.rightContext);
`, []string{
		"length name prototype input $_ lastMatch $& lastParen $+ leftContext $` rightContext $' $1 $2 $3 $4 $5 $6 $7 $8 $9 escape SugarMethods extend sugarRestore sugarRevert",
		"$1:functionfunctionfalsetrueget $1/set $1/0 input:functionfunctionfalsetrueget input/set input/0 $_:functionfunctionfalsetrueget $_/set $_/0 lastMatch:functionfunctionfalsetrueget lastMatch/set lastMatch/0 $&:functionfunctionfalsetrueget $&/set $&/0 lastParen:functionfunctionfalsetrueget lastParen/set lastParen/0 $+:functionfunctionfalsetrueget $+/set $+/0 leftContext:functionfunctionfalsetrueget leftContext/set leftContext/0 $`:functionfunctionfalsetrueget $`/set $`/0 rightContext:functionfunctionfalsetrueget rightContext/set rightContext/0 $':functionfunctionfalsetrueget $'/set $'/0",
		"changed changed q q",
		"q q",
		"string 5",
		"ok q",
		"ok",
		"q",
		"q",
		"s",
		"undefined|undefined",
		"s s x ",
		"true",
		"0",
		"2024 2024",
		"Axx",
		"custom exec ",
		"😀 x y",
	})
}

func TestUsesRegExpStatics(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]bool{
		`pm.test("x", () => {});`:                           false,
		`/(a)/.test(s); pm.environment.set("a", RegExp.$1)`: true,
		`RegExp . lastMatch`:                                true,
		`RegExp["$&"]`:                                      true,
		`RegExp.input`:                                      true,
		`'$1' in RegExp`:                                    true,
		`Object.getOwnPropertyNames(RegExp)`:                true,
		`RegExp.escape("a.")`:                               false,
		`new RegExp("(a)").exec(s)[1]`:                      false,
		`s.replace(/(a)/, "$1") instanceof RegExp`:          false,
		`const MyRegExp = 1; MyRegExp.$x`:                   true, // cheap test: a false positive costs speed only
	} {
		if got := usesRegExpStatics(src); got != want {
			t.Errorf("usesRegExpStatics(%q) = %v, want %v", src, got, want)
		}
	}
}

// The statics go into an engine when a script names one, then serve every
// later script; each script run starts from Postman's own match ("body"),
// and a /d expression records V8's groups whichever of the two parts came
// first.
func TestRegExpStaticsAcrossScripts(t *testing.T) {
	t.Parallel()
	const (
		plain   = `pm.test(String(/(a)(b)/.test("xab")), () => {});`
		statics = `/(q)/.exec("aqz"); pm.test(RegExp.$1 + RegExp.leftContext + RegExp.rightContext, () => {});`
		later   = `const R = [RegExp][0]; pm.test(R.lastMatch + "|" + R.$1 + "|" + R.input, () => {});`
		indexed = `/(?<n>\d)(x)?/d.exec("a7b"); const R = [RegExp][0]; pm.test(R.$1 + "|" + R.$2 + "|" + R.lastParen + "|" + R.rightContext, () => {});`
	)
	for _, tc := range []struct {
		name    string
		scripts []string
		want    []string
	}{
		{"named later", []string{plain, statics, later, indexed}, []string{"true", "qaz", "body||body", "7|||b"}},
		{"regexp part first", []string{indexed, statics, indexed}, []string{"undefined|undefined|undefined|undefined", "qaz", "7|||b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{})
			for i, src := range tc.scripts {
				r := e.Run(context.Background(), testExec("test", src))
				if r.Err != nil {
					t.Fatalf("script %d: %v", i, r.Err)
				}
				if len(r.Tests) != 1 || r.Tests[0].Name != tc.want[i] {
					t.Errorf("script %d: tests %+v, want %q", i, r.Tests, tc.want[i])
				}
				if i == 0 && e.rxStatics != nil {
					t.Errorf("script %d: statics installed before a script named them", i)
				}
			}
		})
	}
}

// The typical test script in an engine where an earlier script read
// RegExp.$1 (so every match goes through exec), beside one where none did:
// what the statics cost the scripts that run after them.
func BenchmarkTypicalTestScriptAfterStatics(b *testing.B) {
	for _, c := range []struct{ name, first string }{
		{"without", `pm.test("x", () => pm.expect(/(\d+)/.test("a1")).to.be.true);`},
		{"with", `pm.test("x", () => pm.expect(/(\d+)/.test("a1") && RegExp.$1).to.equal("1"));`},
	} {
		b.Run(c.name, func(b *testing.B) {
			e, _ := newTestEngine(b, Options{})
			ctx := context.Background()
			if r := e.Run(ctx, testExec("test", c.first)); r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
				b.Fatalf("first script: %+v", r)
			}
			x := testExec("test", `const j = pm.response.json(); pm.test("status", () => pm.response.to.have.status(200)); pm.test("id", () => pm.expect(j.id).to.be.a("string")); pm.environment.set("id", j.id); pm.test("re", () => pm.expect(/^id-(\w+)$/.test("id-" + j.id) && "a,b;c".split(/[,;]/).length === 3 && "x1y2".replace(/\d/g, "") === "xy").to.be.true);`)
			b.ResetTimer()
			cpu := startCPUClock()
			for b.Loop() {
				if r := e.Run(ctx, x); r.Err != nil || len(r.Tests) != 3 {
					b.Fatalf("%+v", r)
				}
			}
			cpu.report(b)
		})
	}
}
