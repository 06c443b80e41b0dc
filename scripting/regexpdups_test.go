package scripting

import "testing"

// Group names used twice (ES2025): each want line is what Postman CLI
// 1.34.0 printed for the same line (recorded 3x identical under unshare
// -n), built at run time (R) and as literals.
func TestDuplicateGroupNamesAsPostman(t *testing.T) {
	t.Parallel()
	var src string
	var want []string
	for _, c := range [][2]string{
		{`p(() => JSON.stringify(R('(?<y>\\d{4})-(?<m>\\d\\d)|(?<m>\\d\\d)/(?<y>\\d{4})').exec('2024-05').groups));`,
			`{"y":"2024","m":"05"}`},
		{`p(() => JSON.stringify(R('(?<y>\\d{4})-(?<m>\\d\\d)|(?<m>\\d\\d)/(?<y>\\d{4})').exec('05/2024').groups));`,
			`{"y":"2024","m":"05"}`},
		{`p(() => Object.keys(R('(?<b>x)(?<a>1)|(?<a>y)(?<c>2)(?<b>z)').exec('y2z').groups).join());`,
			`b,a,c`},
		{`p(() => JSON.stringify(R('(?<b>x)(?<a>1)|(?<a>y)(?<c>2)(?<b>z)').exec('y2z')));`,
			`["y2z",null,null,"y","2","z"]`},
		{`p(() => R('(?<a>x)(?<a>y)'));`,
			`E:SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name`},
		{`p(() => R('(?<a>x)|((?<a>y)|(?<a>z))').exec('z').groups.a);`,
			`z`},
		{`p(() => R('((?<a>x)|(?<b>y))(?<a>z)'));`,
			`E:SyntaxError: Invalid regular expression: /((?<a>x)|(?<b>y))(?<a>z)/: Duplicate capture group name`},
		{`p(() => R('(?:(?<a>x)|(?<a>y))\\k<a>').exec('yy')[0] + ',' + R('(?:(?<a>x)|(?<a>y))\\k<a>').test('yx'));`,
			`yy,false`},
		{`p(() => '2024-05 06/2023'.replace(R('(?<y>\\d{4})-(?<m>\\d\\d)|(?<m>\\d\\d)/(?<y>\\d{4})', 'g'), '$<m>.$<y>'));`,
			`05.2024 06.2023`},
		{`p(() => '2024-05 06/2023'.replace(R('(?<y>\\d{4})-(?<m>\\d\\d)|(?<m>\\d\\d)/(?<y>\\d{4})', 'g'), (...a) => JSON.stringify(a[a.length - 1])));`,
			`{"y":"2024","m":"05"} {"y":"2023","m":"06"}`},
		{`p(() => [...'x1 y2'.matchAll(R('(?<l>x)(?<d>1)|(?<l>y)(?<d>2)', 'g'))].map(m => m.groups.l + m.groups.d).join());`,
			`x1,y2`},
		{`p(() => { const m = R('(?<a>x)|(?<a>y)', 'd').exec('zy'); return JSON.stringify(m.indices) + '|' + JSON.stringify(m.indices.groups); });`,
			`[[1,2],null,[1,2]]|{"a":[1,2]}`},
		{`p(() => (/(?<a>x)|(?<a>y)/).exec('y').groups.a + ',' + /(?<a>x)|(?<a>y)/.source);`,
			`y,(?<a>x)|(?<a>y)`},
		{`p(() => 'xy'.replace(/(?<a>x)|(?<a>y)/g, '[$<a>]'));`,
			`[x][y]`},
		{`p(() => RegExp.$1 + ',' + (/(?<a>x)|(?<a>y)/.exec('y'), RegExp.$1 + '|' + RegExp.$2));`,
			`,|y`},
		{`p(() => R('(?<a>x)|(?<a>y)(?<a>z)'));`,
			`E:SyntaxError: Invalid regular expression: /(?<a>x)|(?<a>y)(?<a>z)/: Duplicate capture group name`},
		{`p(() => R('(?<a>.)|(?<a>.)', 'u').exec('b').groups.a);`,
			`b`},
		{`p(() => 'ab'.split(R('(?<a>a)|(?<a>b)')).join('|'));`,
			`|a||||b|`},
		{`p(() => R('(?<a>x)|(?<a>y)').exec('q'));`,
			`null`},
		{`p(() => JSON.stringify(R('(?<a>x)?|(?<a>y)').exec('')));`,
			`["",null,null]`},
		{`p(() => R('(?<a>x)\\k<a>|(?<a>y)\\k<a>').test('yy') + ',' + R('(?<a>x)\\k<a>|(?<a>y)\\k<a>').test('xx'));`,
			`true,true`},
		{`p(() => R('(?<a>x)|(?<a>y)', 'v').exec('y').groups.a);`,
			`y`},
		{`p(() => R('[(?<a>x)](?<a>y)'));`,
			`{}`},
		{`p(() => R('(?<a>x)|(?<$b>y)|(?<a>z)').exec('z').groups.a);`,
			`z`},
		{`p(() => R('(?<a>a)|b(?<a>c)?').exec('b').groups.a + ',' + 'a'.replace(R('(?<a>a)|b(?<a>c)'), '<$<a>>'));`,
			`undefined,<a>`},
	} {
		src += c[0] + "\n"
		want = append(want, c[1])
	}
	checkTestNames(t, probeHarness+"const R = (s, f) => new RegExp(s, f);\n"+src, want)
}

// Code that eval and new Function compile gets the script's own
// regular-expression rewrites (\p{…}, /v, /d); and neighbours found by the
// same probes: structuredClone refuses a Proxy (named after its target) and
// clones a Set or Map that holds itself. Postman CLI 1.34.0's answers.
func TestEvalRegExpsAndNeighboursAsPostman(t *testing.T) {
	t.Parallel()
	var src string
	var want []string
	for _, c := range [][2]string{
		{`p(() => String(eval('/[\\p{L}--[a-z]]/v')));`,
			`/[\p{L}--[a-z]]/v`},
		{`p(() => eval('/[\\p{L}--[a-z]]/v').test('a'));`,
			`false`},
		{`p(() => eval('/x/d').hasIndices);`,
			`true`},
		{`p(() => eval('/\\p{Lu}/u').test('A'));`,
			`true`},
		{`p(() => new Function('return /\\p{Lu}/u.test("A")')());`,
			`true`},
		{`p(() => new Function('return /[\\p{L}--[a-z]]/v.test("B")')());`,
			`true`},
		{`p(() => structuredClone(new Proxy({}, {})));`,
			`E:DataCloneError: #<Object> could not be cloned.`},
		{`p(() => new Intl.DisplayNames('en'));`,
			`E:TypeError: invalid_argument`},
		{`p(() => { const s = new Set(); s.add(s); const c = structuredClone(s); return [...c][0] === c; });`,
			`true`},
		{`p(() => { const m = new Map(); m.set(m, [m]); const c = structuredClone(m); return c.get(c)[0] === c; });`,
			`true`},
		{`p(() => structuredClone([new Proxy([], {})]));`,
			`E:DataCloneError: [object Array] could not be cloned.`},
		{`p(() => structuredClone({a: new Proxy(new Map(), {})}));`,
			`E:DataCloneError: #<Map> could not be cloned.`},
	} {
		src += c[0] + "\n"
		want = append(want, c[1])
	}
	checkTestNames(t, probeHarness+src, want)
}

// /v classes as V8 reads them: its grammar's refusals in its words, \q{}
// (the empty string), and /vi classes closed under case folding before
// they are negated (and \P{…} under /ui, the complement matched as /i
// matches). Postman CLI 1.34.0's answers.
func TestUnicodeSetsAsPostman(t *testing.T) {
	t.Parallel()
	var src string
	var want []string
	for _, c := range [][2]string{
		{`p(() => V('[a-c-e]'));`,
			`E:SyntaxError: Invalid regular expression: /[a-c-e]/v: Invalid character class`},
		{`p(() => V('[ab--c]'));`,
			`E:SyntaxError: Invalid regular expression: /[ab--c]/v: Invalid set operation in character class`},
		{`p(() => V('[a!!b]'));`,
			`E:SyntaxError: Invalid regular expression: /[a!!b]/v: Invalid set operation in character class`},
		{`p(() => V('[a&b]'));`,
			`/[a&b]/v`},
		{`p(() => V('[a-z&&[b]]'));`,
			`E:SyntaxError: Invalid regular expression: /[a-z&&[b]]/v: Invalid set operation in character class`},
		{`p(() => V('[[a-z]&&b-c]'));`,
			`E:SyntaxError: Invalid regular expression: /[[a-z]&&b-c]/v: Invalid set operation in character class`},
		{`p(() => V('[a--b-c]'));`,
			`E:SyntaxError: Invalid regular expression: /[a--b-c]/v: Invalid set operation in character class`},
		{`p(() => V('[a-\\d]'));`,
			`E:SyntaxError: Invalid regular expression: /[a-\d]/v: Invalid character class`},
		{`p(() => V('[\\d-a]'));`,
			`E:SyntaxError: Invalid regular expression: /[\d-a]/v: Invalid character class`},
		{`p(() => V('[z-a]'));`,
			`E:SyntaxError: Invalid regular expression: /[z-a]/v: Range out of order in character class`},
		{`p(() => V('[a'));`,
			`E:SyntaxError: Invalid regular expression: /[a/v: Unterminated character class`},
		{`p(() => V('[[a]'));`,
			`E:SyntaxError: Invalid regular expression: /[[a]/v: Unterminated character class`},
		{`p(() => V('[\\p{Foo}]'));`,
			`E:SyntaxError: Invalid regular expression: /[\p{Foo}]/v: Invalid property name in character class`},
		{`p(() => V('\\p{Foo}'));`,
			`E:SyntaxError: Invalid regular expression: /\p{Foo}/v: Invalid property name`},
		{`p(() => V('[\\p{Foo}]', 'u'));`,
			`E:SyntaxError: Invalid regular expression: /[\p{Foo}]/u: Invalid property name in character class`},
		{`p(() => V('\\p{Foo}', 'u'));`,
			`E:SyntaxError: Invalid regular expression: /\p{Foo}/u: Invalid property name`},
		{`p(() => V('[\\P{Basic_Emoji}]'));`,
			`E:SyntaxError: Invalid regular expression: /[\P{Basic_Emoji}]/v: Invalid property name in character class`},
		{`p(() => V('\\P{Basic_Emoji}'));`,
			`E:SyntaxError: Invalid regular expression: /\P{Basic_Emoji}/v: Invalid property name`},
		{`p(() => V('[^\\p{Basic_Emoji}]'));`,
			`E:SyntaxError: Invalid regular expression: /[^\p{Basic_Emoji}]/v: Negated character class may contain strings`},
		{`p(() => V('[a&&b&&c]') + V('[a--b--c]') + V('[[a]--[b]]') + V('[\\q{a|bc}&&\\q{bc}]'));`,
			`/[a&&b&&c]/v/[a--b--c]/v/[[a]--[b]]/v/[\q{a|bc}&&\q{bc}]/v`},
		{`p(() => V('[\\z]'));`,
			`E:SyntaxError: Invalid regular expression: /[\z]/v: Invalid escape`},
		{`p(() => V('[\\-\\&\\!]'));`,
			`/[\-\&\!]/v`},
		{`p(() => V('[a]]'));`,
			`E:SyntaxError: Invalid regular expression: /[a]]/v: Lone quantifier brackets`},
		{`p(() => V('[}]'));`,
			`E:SyntaxError: Invalid regular expression: /[}]/v: Invalid character in character class`},
		{`p(() => V('[)]'));`,
			`E:SyntaxError: Invalid regular expression: /[)]/v: Invalid character in character class`},
		{`p(() => V('[/]'));`,
			`E:SyntaxError: Invalid regular expression: /[/]/v: Invalid character in character class`},
		{`p(() => V('[a--]'));`,
			`E:SyntaxError: Invalid regular expression: /[a--]/v: Invalid character in character class`},
		{`p(() => V('[--a]'));`,
			`E:SyntaxError: Invalid regular expression: /[--a]/v: Invalid character in character class`},
		{`p(() => V('[&&a]'));`,
			`E:SyntaxError: Invalid regular expression: /[&&a]/v: Invalid set operation in character class`},
		{`p(() => V('[a&&--b]'));`,
			`E:SyntaxError: Invalid regular expression: /[a&&--b]/v: Invalid character in character class`},
		{`p(() => V('[a--&&b]'));`,
			`E:SyntaxError: Invalid regular expression: /[a--&&b]/v: Invalid set operation in character class`},
		{`p(() => V('[^\\q{a}]') + V('[^\\q{a|b}]'));`,
			`/[^\q{a}]/v/[^\q{a|b}]/v`},
		{`p(() => V('[^\\q{ab}]'));`,
			`E:SyntaxError: Invalid regular expression: /[^\q{ab}]/v: Negated character class may contain strings`},
		{`p(() => V('[\\q{a|]'));`,
			`E:SyntaxError: Invalid regular expression: /[\q{a|]/v: Invalid character in character class`},
		{`p(() => V('[a-b--c]'));`,
			`E:SyntaxError: Invalid regular expression: /[a-b--c]/v: Invalid set operation in character class`},
		{`p(() => V('[a##b]') + '|' + V('[a#b]'));`,
			`E:SyntaxError: Invalid regular expression: /[a##b]/v: Invalid set operation in character class`},
		{`p(() => new RegExp('^[\\q{}]$', 'v').test('') + ',' + new RegExp('^[\\q{|a}]$', 'v').test('') + ',' + new RegExp('^[\\q{}a]$', 'v').test('a'));`,
			`true,true,true`},
		{`p(() => ['K', 'k', '1'].map(c => new RegExp('[^a-z]', 'vi').test(c) + '/' + new RegExp('[^a-z]', 'ui').test(c) + '/' + new RegExp('\\P{Ll}', 'vi').test(c) + '/' + new RegExp('\\P{Ll}', 'ui').test(c) + '/' + new RegExp('[^\\P{Ll}]', 'vi').test(c)).join());`,
			`false/false/false/true/true,false/false/false/true/true,true/true/true/true/false`},
		{`p(() => new RegExp('[\\w--_]', 'vi').test('_') + ',' + new RegExp('[[a-z]--k]', 'vi').test('K') + ',' + new RegExp('[[a-z]&&[A-Z]]', 'vi').test('q'));`,
			`false,false,true`},
		{`p(() => new RegExp('[^x]', 'vi').test('X') + ',' + new RegExp('[^\\W]', 'vi').test('x') + ',' + new RegExp('\\W', 'vi').test('\u017f'));`,
			`false,true,false`},
		{`p(() => new RegExp('[a-z&&b]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[a-z&&b]/v: Invalid set operation in character class`},
		{`p(() => new RegExp('[(]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[(]/v: Invalid character in character class`},
		{`p(() => new RegExp('[a-z]--[b]', 'v'));`,
			`{}`},
		{`p(() => new RegExp('[[a-z]--b]', 'v').test('b'));`,
			`false`},
		{`p(() => new RegExp('[a-z--b]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[a-z--b]/v: Invalid set operation in character class`},
		{`p(() => new RegExp('[a&&&b]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[a&&&b]/v: Invalid character in character class`},
		{`p(() => new RegExp('[a--b&&c]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[a--b&&c]/v: Invalid set operation in character class`},
		{`p(() => new RegExp('[|]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[|]/v: Invalid character in character class`},
		{`p(() => new RegExp('[a-]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[a-]/v: Invalid character in character class`},
		{`p(() => new RegExp('[\\q{}]', 'v').test('') + ',' + new RegExp('^[\\q{ab|c}x]$', 'v').test('ab'));`,
			`true,true`},
		{`p(() => new RegExp('[^\\q{ab}]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[^\q{ab}]/v: Negated character class may contain strings`},
		{`p(() => new RegExp('[\\p{Emoji_Keycap_Sequence}]', 'v').test('1\ufe0f\u20e3'));`,
			`true`},
		{`p(() => new RegExp('[\\P{RGI_Emoji}]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[\P{RGI_Emoji}]/v: Invalid property name in character class`},
		{`p(() => new RegExp('[a&&]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[a&&]/v: Invalid character in character class`},
		{`p(() => new RegExp('[]', 'v').test('a') + ',' + new RegExp('[^]', 'v').test('a'));`,
			`false,true`},
		{`p(() => new RegExp('[\\w--\\d]', 'v').test('5') + ',' + new RegExp('[\\w--\\d]', 'v').test('_'));`,
			`false,true`},
		{`p(() => new RegExp('[[a-c][x-z]]', 'v').test('y') + ',' + new RegExp('[[a-c][x-z]]', 'v').source);`,
			`true,[[a-c][x-z]]`},
		{`p(() => new RegExp('\\p{RGI_Emoji_Flag_Sequence}', 'vi').test('🇺🇸'));`,
			`true`},
		{`p(() => new RegExp('[{]', 'v'));`,
			`E:SyntaxError: Invalid regular expression: /[{]/v: Invalid character in character class`},
		{`p(() => new RegExp('[a-z]', 'vi').test('K') + ',' + new RegExp('[^a-z]', 'vi').test('K'));`,
			`true,false`},
	} {
		src += c[0] + "\n"
		want = append(want, c[1])
	}
	checkTestNames(t, probeHarness+"const V = (s, f) => String(new RegExp(s, f || 'v'));\n"+src, want)
}
