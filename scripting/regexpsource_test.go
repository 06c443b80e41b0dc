package scripting

import (
	"context"
	"strings"
	"testing"
)

// A regular expression built at run time reads back its source as V8
// writes it: a '/' outside a class escaped as \/ (goja writes \u002f, in
// classes too), a backslash before a line terminator dropped, and
// toString, copies and subclasses agree. Each want is Node 20's answer.
func TestRegExpSourceAsV8(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ expr, want string }{
		{`new RegExp('a/b').source`, `a\/b`},
		{`String(new RegExp('a/b', 'g'))`, `/a\/b/g`},
		{`new RegExp('[/]/').source`, `[/]\/`},
		{`new RegExp('a\\/b').source`, `a\/b`},
		{`String(new RegExp('^/api/users/\\d+$'))`, `/^\/api\/users\/\d+$/`},
		{`new RegExp('a\\\nb').source`, `a\nb`},
		{`new RegExp('\n').source`, `\n`},
		{`new RegExp('').source`, `(?:)`},
		{`new RegExp('\\p{L}/', 'u').source`, `\p{L}\/`},
		{`String(new RegExp('\\p{L}/', 'gu'))`, `/\p{L}\//gu`},
		{`new RegExp('(a)/', 'd').source`, `(a)\/`},
		{`String(new RegExp(new RegExp('a/b', 'g')))`, `/a\/b/g`},
		{`String(RegExp(new RegExp('a/b'), 'i'))`, `/a\/b/i`},
		{`(() => { class S extends RegExp {} const s = new S('u/v'); return s instanceof S && String(s); })()`, `/u\/v/`},
		{`(() => { const re = new RegExp('a/b', 'g'); return [re.test('xa/b'), re.lastIndex, 'a/b a/b'.replace(re, '-')].join(); })()`, `true,4,- -`},
		{`'x/a/b'.split(new RegExp('/')).join()`, `x,a,b`},
		{"`${new RegExp('a/b')}` + [new RegExp('/', 'g')].join()", `/a\/b//\//g`},
		{`RegExp.prototype.toString.call({source: 'q', flags: 'g'})`, `/q/g`},
	} {
		e, rec := newTestEngine(t, Options{})
		r := e.Run(context.Background(), testExec("test", "console.log("+c.expr+");"))
		if r.Err != nil {
			t.Errorf("%s: %v", c.expr, r.Err)
			continue
		}
		if lines := rec.all(); len(lines) != 1 || lines[0].Message != c.want {
			t.Errorf("%s = %+v, want %q", c.expr, lines, c.want)
		}
	}
}

// matchAll with a regular expression without g fails in V8's words (goja:
// "RegExp doesn't have global flag set"), caught or reported.
func TestMatchAllNonGlobalAsV8(t *testing.T) {
	t.Parallel()
	const want = "TypeError: String.prototype.matchAll called with a non-global RegExp argument"
	e, rec := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `try { 'x'.matchAll(/x/); } catch (e) { console.log(String(e)); }
		try { 'x'.matchAll(new RegExp('\\p{L}', 'u')); } catch (e) { console.log(String(e)); }
		'x'.matchAll(/x/i);`))
	lines := rec.all()
	if len(lines) != 2 || lines[0].Message != want || lines[1].Message != want {
		t.Errorf("caught: %+v, want twice %q", lines, want)
	}
	if r.Err == nil || !strings.Contains(r.Err.Error(), want) {
		t.Errorf("reported: %v, want %q", r.Err, want)
	}
}

// With the run-time RegExp loaded, splitting on a plain pattern still
// takes goja's own splitter, which reads no property of the pattern (the
// generic one, taken when the species constructor is not goja's RegExp,
// builds a new splitter through JavaScript on every call, reading flags:
// 4-5 times slower). Patterns goja cannot read, and subclasses, still get
// a splitter from their own constructor.
func TestRegExpSplitKeepsGojasSplitter(t *testing.T) {
	t.Parallel()
	e, rec := newTestEngine(t, Options{})
	// The descriptor is read under a built name: a script that lists
	// own keys also gets the legacy statics, which route every match
	// through exec (regexpstatics.go).
	r := e.Run(context.Background(), testExec("test", `const R = RegExp; // loads the run-time RegExp
		const d = Object['getOwn' + 'PropertyDescriptor'](R.prototype, 'flags');
		let reads = 0;
		Object.defineProperty(R.prototype, 'flags', { get() { reads++; return d.get.call(this); }, configurable: true });
		const plain = ['a,b,c'.split(/,/), 'a1b22c'.split(new RegExp('\\d+')), 'x/y'.split(new RegExp('/')), 'a,b,c'.split(/,/g, 2)];
		console.log(reads, JSON.stringify(plain));
		class S extends R {}
		const other = ['aBc'.split(new R('\\p{Lu}', 'u')), 'a-b'.split(new R('[\\p{Pd}]', 'v')), 'a1b'.split(new S('\\d')), 'xay'.split(new R('(a)', 'd'))];
		console.log(reads > 0, JSON.stringify(other), R.prototype.constructor === R, /x/.constructor === R, R[Symbol.species] === R);`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	want := []string{
		`0 [["a","b","c"],["a","b","c"],["x","y"],["a","b"]]`,
		`true [["a","c"],["a","b"],["a","b"],["x","a","y"]] true true true`,
	}
	lines := rec.all()
	if len(lines) != 2 || lines[0].Message != want[0] || lines[1].Message != want[1] {
		t.Errorf("got %+v, want %q", lines, want)
	}
}

// A '/' in a class reads back as written (goja writes \u002f), in literals
// alone, with RegExp named (the run-time RegExp loaded) and built at run
// time; a \u002f the script wrote stays one. Postman CLI 1.34's answers
// (three runs).
func TestRegExpSlashSourceAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probePrelude+`T(() => /[/]/.source + ' ' + String(/[/]/) + ' ' + /a\/b/.source + ' ' + String(/a\/b[/x]/g));
T(() => JSON.stringify({r: String(/https?:\/\/[^/]+/i)}));
T(() => { const re = /[/]+/g; return 'a//b'.split(re).join('|') + ' ' + re.source + ' ' + re.toString(); });
T(() => (/[/]/.source.length) + ' ' + (/p[/]q/.source === 'p[/]q') + ' ' + /[^/]+/.exec('ab/c')[0]);
T(() => /[\/]/.source + /\//.source + ' ' + /[\u002f]/.source + ' ' + /[\u002F]/.source);
T(() => /[/]/.source + ' ' + String(/[/]/) + ' ' + /a\/b/.source + ' ' + String(/a\/b[/x]/g));
T(() => new RegExp ('[/]').source + ' ' + new RegExp ('a/b').source + ' ' + String(new RegExp ('a/b', 'g')) + ' ' + RegExp ('\\/').source);
T(() => /[/]/.test('/') + ' ' + /[^/]+/.exec('ab/c')[0]);
T(() => JSON.stringify({r: String(/https?:\/\/[^/]+/i)}));
T(() => /\//.source + ' ' + /[\/]/.source + ' ' + /\n/.source + ' ' + new RegExp ('\n').source + ' ' + new RegExp ('\\\n').source);
T(() => { const re = /[/]+/g; return 'a//b'.split(re).join('|') + ' ' + re.source + ' ' + re.toString(); });
T(() => String(new RegExp (/[/]/)) + ' ' + String(new RegExp (/a\/b/, 'i')));
T(() => Object.prototype.toString.call(/x/) + ' ' + RegExp.prototype.source + ' ' + RegExp.prototype.toString());
T(() => (/[/]/.source.length));
T(() => { const re = /p[/]q/; return re.source === 'p[/]q'; });
T(() => new RegExp('[\\u002f]').source + ' ' + new RegExp('[/]').source + ' ' + String(new RegExp('[\\u002f]', 'g')))

`, []string{
		"[/] /[/]/ a\\/b /a\\/b[/x]/g",
		"{\"r\":\"/https?:\\\\/\\\\/[^/]+/i\"}",
		"a|b [/]+ /[/]+/g",
		"3 true ab",
		"[\\/]\\/ [\\u002f] [\\u002F]",
		"[/] /[/]/ a\\/b /a\\/b[/x]/g",
		"[/] a\\/b /a\\/b/g \\/",
		"true ab",
		"{\"r\":\"/https?:\\\\/\\\\/[^/]+/i\"}",
		"\\/ [\\/] \\n \\n \\n",
		"a|b [/]+ /[/]+/g",
		"/[/]/ /a\\/b/i",
		"[object RegExp] (?:) /(?:)/",
		"3",
		"true",
		"[\\u002f] [/] /[\\u002f]/g",
	})
}
