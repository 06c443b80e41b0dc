package scripting

import (
	"context"
	"strings"
	"testing"
)

// Early errors of a script's text, as Postman CLI 1.34.0 reports them
// (fresh-round10l-c.json "early errors of a script's text", recorded 3x):
// a regular expression literal whose group names clash, or that goja
// refuses, fails the whole script before any of it runs, and the message
// names the literal; a legacy decimal inside a template substitution
// (`${08}`) reads as 8 (goja refused the script).
func TestEarlyErrorsAsPostman(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ src, want string }{
		{"pm.test('before', () => {});\nconst r = /(?<a>x)|(?<a>y)(?<a>z)/; pm.test('after', () => {});",
			"SyntaxError: Invalid regular expression: /(?<a>x)|(?<a>y)(?<a>z)/: Duplicate capture group name"},
		{"pm.test('before', () => {});\nconst r = /(?<a>x)(?<a>y)/v;",
			"SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/v: Duplicate capture group name"},
		{"pm.test('before', () => {});\nconst f = () => /((?<a>x)|(?<b>y))(?<a>z)/;",
			"SyntaxError: Invalid regular expression: /((?<a>x)|(?<b>y))(?<a>z)/: Duplicate capture group name"},
		{"pm.test('before', () => {});\nlet r = /(/;",
			"SyntaxError: Invalid regular expression: /(/: Unterminated group"},
		{"pm.test('before', () => {});\nlet r = /a{2,1}/g;", // Node 20's words
			"SyntaxError: Invalid regular expression: /a{2,1}/g: numbers out of order in {} quantifier"},
	} {
		e, _ := newTestEngine(t, Options{})
		r := e.Run(context.Background(), testExec("test", c.src))
		if r.Err == nil || !strings.HasSuffix(r.Err.Error(), c.want) || len(r.Tests) != 0 {
			t.Errorf("%q: err %v, %d tests; want %q and none", c.src, r.Err, len(r.Tests), c.want)
		}
	}
	checkTestNames(t, probeHarness+"pm.test(`t${08}u${`${09.5}`}v${{n: 08}.n}`, () => {}); pm.test(String(08) + ',' + 019 + ',' + `${0}${8}`, () => {});\n"+
		"p(() => /(?<a>x)|(?<a>y)/.exec('y').groups.a);\n"+
		"p(() => new RegExp('(?<a>x)(?<a>y)'));\n"+
		"p(() => eval('/(?<a>x)(?<a>y)/'));\n"+
		"p(() => eval('1; () => /(?<a>x)(?<a>y)/'));\n"+
		"p(() => new Function('return /(?<a>x)|((?<a>y)(?<a>z))/'));\n", []string{
		"t8u9.5v8",
		"8,19,08",
		"y",
		"E:SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name",
		"E:SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name",
		"E:SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name",
		"E:SyntaxError: Invalid regular expression: /(?<a>x)|((?<a>y)(?<a>z))/: Duplicate capture group name",
	})
}
