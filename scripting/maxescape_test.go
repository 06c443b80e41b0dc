package scripting

import (
	"context"
	"strings"
	"testing"
)

// goja's lexer panicked on the escape of the last code point; Postman CLI
// 1.34 answers each line below.
func TestMaxCodePointEscapeAsPostman(t *testing.T) {
	t.Parallel()
	src := `const t = s => pm.test(String(s), () => {});
const hex = s => Array.from(s, c => c.codePointAt(0).toString(16)).join(',');
t('\u{10FFFF}'.length + ' ' + '\u{10FFFF}'.codePointAt(0).toString(16));
t("\u{10ffff}" === '\uDBFF\uDFFF');
t('\u{0010FFFF}' === String.fromCodePoint(0x10FFFF));
t(hex('a\u{10FFFF}b\u{10FFFF}'));
t(` + "`x\\u{10FFFF}${1}\\u{10FFFF}`.length" + `);
t(String.raw` + "`\\u{10FFFF}`" + `);
t(((s) => s.raw[0] + ' ' + s[0].length)` + "`\\u{10FFFF}`" + `);
t(Object.keys({ '\u{10FFFF}': 1 })[0].length);
t('\\u{10FFFF}');
t('\\\u{10FFFF}'.length);
t(/\u{10FFFF}/u.source + ' ' + /\u{10FFFF}/u.test('\uDBFF\uDFFF'));
t(/^[\u{10000}-\u{10FFFF}]$/u.test('\u{10FFFF}'));
t('\u{10FFFE}'.length); // a code point one lower: no rewrite, goja reads it
t(hex('\u{10FFFF}') + ' ' + hex('\u{FFFF}'));
t(JSON.stringify('\u{10FFFF}') === JSON.stringify(String.fromCodePoint(1114111)));
t(hex('\u{10FFFF}\u{10FFFE}\u{10FFFF}') + ' ' + hex(` + "`\\u{10FFFE}\\u{10FFFF}`" + `));
t(['\u{10FFFF}'].map(s => s.length) + ' ' + '\u{10FFFF}\\u{10FFFF}'.length);
async function* gen() { yield '\u{10FFFF}'; }
(async () => { for await (const v of gen()) t('async ' + hex(v)); })();
`
	checkTestNames(t, src, []string{
		"2 10ffff",
		"true",
		"true",
		"61,10ffff,62,10ffff",
		"6",
		`\u{10FFFF}`,
		`\u{10FFFF} 2`,
		"2",
		`\u{10FFFF}`,
		"3",
		`\u{10FFFF} true`,
		"true",
		"2",
		"10ffff ffff",
		"true",
		"10ffff,10fffe,10ffff 10fffe,10ffff",
		"2 12",
		"async 10ffff",
	})
}

func TestRewriteMaxEscapes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, out string }{
		{`'a'`, `'a'`},
		{`'\u{10FFFF}'`, `'\u{10FFFE}'`},
		{`'\u{10ffff}' + '\u{0010FFFF}'`, `'\u{10fffe}' + '\u{0010FFFE}'`},
		{`'\\u{10FFFF}'`, `'\\u{10FFFF}'`},
		{`'\\\u{10FFFF}'`, `'\\\u{10FFFE}'`},
		{`'\u{10FFFF}\u{10FFFE}'`, `'\u{10FFFE}\u{10FFFE}'`},
		{"/\\u{10FFFF}/u", "/\\u{10FFFE}/u"},
	} {
		if got, _ := rewriteMaxEscapes(c.in); got != c.out {
			t.Errorf("%s: got %s, want %s", c.in, got, c.out)
		}
	}
}

// The rewrite keeps every position: an error after the escape on its line
// is reported where it is reported after an escape goja reads.
func TestMaxCodePointEscapeKeepsPositions(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	at := func(cp string) string {
		r := e.Run(context.Background(), testExec("test", "const s = `\\u{"+cp+"}`;\nconst a = '\\u{"+cp+"}'; null.x;"))
		if r.Err == nil {
			t.Fatal("no error")
		}
		return strings.Replace(r.Err.Error(), cp, "", 1)
	}
	if got, want := at("10FFFF"), at("10FFFD"); got != want || !strings.Contains(got, "at 2:30:") {
		t.Errorf("error %q, want %q (at 2:30)", got, want)
	}
}

// `\u{10FFFF}` in code given to eval or new Function: goja's lexer
// panicked and the whole script failed. Each want line is what Postman CLI
// 1.34.0 printed for the same line.
func TestEvalMaxEscapeAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => eval('"\\u{10FFFF}x"').codePointAt(0).toString(16));
p(() => eval('"\\u{010ffff}"').length);
p(() => eval('`+"`"+`a\\u{10FFFF}`+"`"+`').length);
p(() => new Function('return "\\u{10FFFF}"')().codePointAt(0));
p(() => eval('"\\\\u{10FFFF}"'));
p(() => eval('/\\u{10FFFF}/u').test('\u{10FFFF}'));
p(() => eval('"\\u{110000}"'));`, []string{
		"10ffff",
		"2",
		"3",
		"1114111",
		`\u{10FFFF}`,
		"true",
		"E:SyntaxError: Undefined Unicode code-point",
	})
}
