package scripting

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// goja has no async generators and no for await; Postman's V8 has both. A
// script that uses them is rewritten before it compiles, without adding
// lines (so error positions keep their line):
//
//   - for await (HEAD of EXPR) { BODY } → { let $i = asyncIter(EXPR), $r, $c;
//     try { for (; $c = false, !($r = await $i.next()).done; ) { $c = true;
//     HEAD = $r.value; BODY } } finally { if ($c …) await $i.return(); } }
//     (a loop left early closes its iterator; a label moves inside);
//   - async function* f(…) { BODY } → function f(…) { return
//     asyncGen(this, arguments, function* () { BODY' }); } where every await
//     of BODY (outside nested functions) becomes (yield awaitMark(…)) and the
//     runtime helper drives the generator, settling marks as awaits; and
//     every yield* X of BODY becomes yield* asyncDelegate(X), a generator
//     that awaits each step of the async iterator X.
//
// Scripts without these forms are compiled as written.

var forAwaitRe = lazyre.New(`\bfor\s+await\s*\(`)

func needsAsyncTransform(src string) bool {
	return strings.Contains(src, "await") && forAwaitRe().MatchString(src) ||
		strings.Contains(src, "async") && strings.Contains(src, "function*") ||
		strings.Contains(src, "async function *") ||
		strings.Contains(src, "async *")
}

// codeMask marks the bytes of src that are code (not inside strings,
// template text or comments); regular expression literals are not
// recognised, which is enough for locating loop heads.
func codeMask(src string) []bool {
	m := make([]bool, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				return m
			}
			i += j + 3
		case c == '"' || c == '\'' || c == '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		default:
			m[i] = true
		}
	}
	return m
}

// rewriteForAwait turns each for-await loop with a block body into a
// plain loop over the helper's async iterator.
func rewriteForAwait(src string, tr *textTrace) string {
	n, done := 0, 0
	var mask []bool
	for {
		// The text before done is as it was, without a loop left.
		mask = codeMaskFrom(mask, src, done)
		loc := firstInCodeFrom(forAwaitRe(), src, mask, done)
		if loc == nil {
			return src
		}
		open := loc[1] - 1
		closeAt := matchClose(src, mask, open)
		if closeAt < 0 {
			return src
		}
		ofAt := topLevelOf(src, mask, open, closeAt)
		if closeAt < 0 || ofAt < 0 {
			return src
		}
		body := closeAt + 1
		for body < len(src) && (src[body] == ' ' || src[body] == '\t' || src[body] == '\r' || src[body] == '\n') {
			body++
		}
		if body >= len(src) {
			return src
		}
		head := strings.TrimSpace(src[open+1 : ofAt])
		it, r, c := "__cI"+strconv.Itoa(n), "__cR"+strconv.Itoa(n), "__cC"+strconv.Itoa(n)
		n++
		// The body: a block, or a single statement up to its semicolon.
		var end int
		if src[body] == '{' {
			if end = matchClose(src, mask, body); end < 0 {
				return src
			}
		} else {
			end = scanDepth(src, mask, body, len(src), func(i, depth int) bool {
				return depth == 0 && src[i] == ';'
			})
			if end < 0 {
				return src
			}
		}
		// A loop left early (break, return, a throw) closes the iterator
		// and awaits that, as V8 does; c says a value is being handled.
		from, label := loc[0], loopLabel(src, mask, loc[0])
		if label >= 0 {
			from = label
		}
		var t textBuilder
		t.copy(src, 0, from)
		t.add("{ let " + it + " = __courierAsyncIter(")
		t.copy(src, ofAt+2, closeAt) // expr
		t.add("), " + r + ", " + c + " = false; try { ")
		t.copy(src, from, loc[0])
		t.add("for (; " + c + " = false, !(" + r + " = await " + it + ".next()).done; ) ")
		t.copy(src, closeAt+1, body)
		t.add("{ " + c + " = true; ")
		headAt := open + 1 + strings.Index(src[open+1:ofAt], head)
		t.copy(src, headAt, headAt+len(head))
		t.add(" = " + r + ".value; ")
		if src[body] == '{' {
			t.copy(src, body+1, end)
		} else {
			t.copy(src, body, end+1)
			t.add(" ")
		}
		t.add("} } finally { if (" + c + " && typeof " + it + ".return === 'function') await " + it + ".return(); } }")
		t.copy(src, end+1, len(src))
		src, done = t.b.String(), from
		if tr != nil {
			tr.step(t.segs, nil)
		}
	}
}

// loopLabel returns where the label of the statement at i starts ("name:"
// right before it), or -1; the label moves with the loop into the block the
// rewrite wraps it in, so continue name still names a loop.
func loopLabel(src string, mask []bool, i int) int {
	j := spaceBefore(src, i-1, true)
	if j < 0 || src[j] != ':' || !mask[j] {
		return -1
	}
	e := spaceBefore(src, j-1, false) + 1
	k := e - 1
	for k >= 0 && isIdentByte(src[k]) {
		k--
	}
	name := src[k+1 : e]
	if name == "" || name == "default" || name[0] >= '0' && name[0] <= '9' || afterCase(src, k) {
		return -1
	}
	return k + 1
}

// spaceBefore is the index of the last byte at or before j that is neither
// a space nor a tab (nor a line break, with lines), or -1.
func spaceBefore(src string, j int, lines bool) int {
	for j >= 0 && (src[j] == ' ' || src[j] == '\t' || lines && (src[j] == '\r' || src[j] == '\n')) {
		j--
	}
	return j
}

// afterCase reports whether the word before a colon, which ends after
// src[k], follows "case": "case x:" is no label.
func afterCase(src string, k int) bool {
	p := spaceBefore(src, k, true)
	return p >= 3 && src[p-3:p+1] == "case" && (p < 4 || !isIdentByte(src[p-4]))
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// asyncGenShell turns async generator function fl into a function that
// returns the helper's generator object; nil when its text is not where
// the tree says.
func asyncGenShell(fl *ast.FunctionLiteral, src string, base int, declared bool, inferred map[*ast.FunctionLiteral]string) []textEdit {
	as := int(fl.Function) - base
	// fl.Function is at "async" of "async function* name(...)"
	if as < 0 || as >= len(src) || !strings.HasPrefix(src[as:], "async") {
		return nil
	}
	star := strings.IndexByte(src[as:], '*')
	if star < 0 || strings.TrimSpace(src[as+5:as+star]) != "function" {
		return nil
	}
	star += as
	open := int(fl.Body.LeftBrace) - base
	closeAt := int(fl.Body.RightBrace) - base
	// The helper is told which function it serves (its objects inherit
	// from that function's prototype): an expression is made inside an
	// arrow called in its place, whose parameter holds it; a declaration is
	// named, unless a binding inside shadows the name.
	self := ""
	switch {
	case !declared:
		self = ", __cS"
	case fl.Name != nil && !shadows(fl, fl.Name.Name.String()):
		self = ", " + fl.Name.Name.String()
	}
	edits := []textEdit{
		{as, as + 5, "     "},
		{star, star + 1, " "},
		{open, open + 1, "{ return __courierAsyncGen(this, arguments, function* () {"},
		{closeAt, closeAt + 1, "}" + self + "); }"}}
	// The function's own type: an expression is passed through the
	// marker, a declaration marked right after it (on the same line).
	switch {
	case declared && fl.Name != nil:
		edits = append(edits, textEdit{closeAt + 1, closeAt + 1, " __courierMarkAsyncGen(" + fl.Name.Name.String() + ");"})
	case !declared:
		end := "))()"
		if name, ok := inferred[fl]; ok && fl.Name == nil {
			end = ", " + strconv.Quote(name) + "))()"
		}
		edits = append(edits, textEdit{as, as, "((__cS) => __cS = __courierMarkAsyncGen("}, textEdit{closeAt + 1, closeAt + 1, end})
	}
	return edits
}

// asyncGenBody turns fl's own awaits into yields the helper settles, and
// its yield* into a delegation to an async iterable.
func asyncGenBody(fl *ast.FunctionLiteral, src string, base int) []textEdit {
	var edits []textEdit
	walkAST(reflect.ValueOf(fl.Body), func(m ast.Node) {
		switch x := m.(type) {
		case *ast.AwaitExpression:
			if inFunction(fl, x.Await) {
				at := int(x.Await) - base
				end := int(x.Argument.Idx1()) - base
				edits = append(edits, textEdit{at, at + 5, "(yield __courierAwait("}, textEdit{end, end, "))"})
			}
		case *ast.YieldExpression:
			// yield* in an async generator delegates to an async
			// iterable: a helper generator awaits each step of it. The
			// call opens right after the star, so that parentheses around
			// the argument stay inside it.
			if x.Delegate && x.Argument != nil && inFunction(fl, x.Yield) {
				y := int(x.Yield) - base
				star := strings.IndexByte(src[max(y, 0):], '*')
				end := int(x.Argument.Idx1()) - base
				if y >= 0 && star >= 0 {
					at := y + star + 1
					edits = append(edits, textEdit{at, at, "__courierAsyncDelegate("}, textEdit{end, end, ")"})
				}
			}
		}
	})
	return edits
}

// shadows reports a binding of name inside fl (a parameter, a variable, a
// function or class, a catch parameter), where the name would not be fl.
func shadows(fl *ast.FunctionLiteral, name string) bool {
	found := false
	check := func(id *ast.Identifier) {
		if id != nil && id.Name.String() == name {
			found = true
		}
	}
	walkAST(reflect.ValueOf(fl.ParameterList), func(n ast.Node) {
		if id, ok := n.(*ast.Identifier); ok {
			check(id)
		}
	})
	walkAST(reflect.ValueOf(fl.Body), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.Binding:
			walkAST(reflect.ValueOf(x.Target), func(m ast.Node) {
				if id, ok := m.(*ast.Identifier); ok {
					check(id)
				}
			})
		case *ast.FunctionLiteral:
			check(x.Name)
		case *ast.ClassLiteral:
			check(x.Name)
		case *ast.CatchStatement:
			if id, ok := x.Parameter.(*ast.Identifier); ok {
				check(id)
			}
		case *ast.ForDeclaration:
			if id, ok := x.Target.(*ast.Identifier); ok {
				check(id)
			}
		}
	})
	return found
}

// markAsyncMethods: an object literal or class holding async generator
// methods (rewritten by rewriteAsyncMethods) passes through
// __courierMarkAsyncGen(…, 1) once built (a class from a static block at its
// end), which gives each such method V8's type and a prototype of its own
// for the objects it returns.
func markAsyncMethods(n ast.Node, base int) []textEdit {
	switch x := n.(type) {
	case *ast.ObjectLiteral:
		for _, p := range x.Value {
			if pk, ok := p.(*ast.PropertyKeyed); ok && pk.Kind == ast.PropertyKindMethod && isRewrittenAsyncMethod(pk.Value) {
				open, end := int(x.LeftBrace)-base, int(x.RightBrace)-base+1
				return []textEdit{{open, open, "__courierMarkAsyncGen("}, {end, end, ", 1)"}}
			}
		}
	case *ast.ClassLiteral:
		// Private methods cannot be listed: each is marked by name, a
		// static one from the static block, an instance's from a private
		// field of courier's own, set as each instance is made.
		found, static, fields := false, "", ""
		for _, el := range x.Body {
			md, ok := el.(*ast.MethodDefinition)
			if !ok || md.Kind != ast.PropertyKindMethod || !isRewrittenAsyncMethod(md.Body) {
				continue
			}
			found = true
			if id, ok := md.Key.(*ast.PrivateIdentifier); ok {
				mark := "__courierMarkAsyncGen(this.#" + id.Name.String() + ", 2);"
				if md.Static {
					static += " " + mark
				} else {
					fields += " #__cM" + strconv.Itoa(int(md.Idx)) + " = " + mark
				}
			}
		}
		if found {
			end := int(x.RightBrace) - base
			return []textEdit{{end, end, fields + " static { __courierMarkAsyncGen(this, 1);" + static + " }"}}
		}
	}
	return nil
}

// isRewrittenAsyncMethod: m(…) { return (async function* …).apply(this,
// arguments); }, what rewriteAsyncMethods makes of an async generator
// method.
func isRewrittenAsyncMethod(e ast.Expression) bool {
	fl, ok := e.(*ast.FunctionLiteral)
	if !ok || fl.Body == nil || len(fl.Body.List) != 1 {
		return false
	}
	ret, ok := fl.Body.List[0].(*ast.ReturnStatement)
	if !ok {
		return false
	}
	call, ok := ret.Argument.(*ast.CallExpression)
	if !ok {
		return false
	}
	dot, ok := call.Callee.(*ast.DotExpression)
	if !ok || dot.Identifier.Name.String() != "apply" {
		return false
	}
	inner, ok := dot.Left.(*ast.FunctionLiteral)
	return ok && inner.Async && inner.Generator
}

// inferName records the name an anonymous function literal takes from
// where it stands (const g = function…, g = …, {g: …}, class field g = …):
// passed through __courierMarkAsyncGen, the literal is no longer where the
// language gives it that name.
func inferName(n ast.Node, names map[*ast.FunctionLiteral]string) {
	switch x := n.(type) {
	case *ast.Binding:
		if id, ok := x.Target.(*ast.Identifier); ok {
			if fl, ok := x.Initializer.(*ast.FunctionLiteral); ok {
				names[fl] = id.Name.String()
			}
		}
	case *ast.AssignExpression:
		if id, ok := x.Left.(*ast.Identifier); ok && x.Operator == token.ASSIGN {
			if fl, ok := x.Right.(*ast.FunctionLiteral); ok {
				names[fl] = id.Name.String()
			}
		}
	case *ast.PropertyKeyed:
		if fl, ok := x.Value.(*ast.FunctionLiteral); ok && !x.Computed && x.Kind == ast.PropertyKindValue {
			if k, ok := literalKey(x.Key); ok {
				names[fl] = k
			}
		}
	case *ast.FieldDefinition:
		if fl, ok := x.Initializer.(*ast.FunctionLiteral); ok && !x.Computed {
			if k, ok := literalKey(x.Key); ok {
				names[fl] = k
			}
		}
	}
}

func literalKey(k ast.Expression) (string, bool) {
	switch k := k.(type) {
	case *ast.StringLiteral:
		return k.Value.String(), true
	case *ast.Identifier:
		return k.Name.String(), true
	case *ast.PrivateIdentifier:
		return "#" + k.Name.String(), true
	case *ast.NumberLiteral:
		return k.Literal, true
	}
	return "", false
}

type textEdit struct {
	at, end int // replace src[at:end]
	with    string
}

// splice: at one place, insertions land in front of a replacement.
func (e textEdit) splice() (at, end, rank int, with string) {
	if e.end > e.at {
		rank = 1
	}
	return e.at, e.end, rank, e.with
}

// rewriteAsyncGenerators rewrites the async generator functions of src,
// parsed as wrapped (prefix+src+suffix); tr, when not nil, follows it.
func rewriteAsyncGenerators(src, prefix, suffix string, tr *textTrace) string {
	prg, err := goja.Parse(scriptFile, prefix+src+suffix)
	if err != nil {
		return src
	}
	base := len(prefix) + 1 // file.Idx is 1-based
	var edits []textEdit
	declared := map[*ast.FunctionLiteral]bool{}
	inferred := map[*ast.FunctionLiteral]string{}
	walkAST(reflect.ValueOf(prg), func(n ast.Node) {
		if d, ok := n.(*ast.FunctionDeclaration); ok {
			declared[d.Function] = true
		}
		inferName(n, inferred)
	})
	// Where each shell's "function" keyword stands → the function's span.
	shells := map[int][2]int{}
	walkAST(reflect.ValueOf(prg), func(n ast.Node) {
		edits = append(edits, markAsyncMethods(n, base)...)
		fl, ok := n.(*ast.FunctionLiteral)
		if !ok || !fl.Async || !fl.Generator || fl.Body == nil {
			return
		}
		shell := asyncGenShell(fl, src, base, declared[fl], inferred)
		if shell == nil {
			return
		}
		as := int(fl.Function) - base
		shells[as+5+strings.Index(src[as+5:], "function")] = [2]int{as, int(fl.Body.RightBrace) - base + 1}
		edits = append(edits, shell...)
		edits = append(edits, asyncGenBody(fl, src, base)...)
	})
	if len(edits) == 0 {
		return src
	}
	out, segs, ok := applyTextEdits(src, edits)
	if !ok {
		return src
	}
	if tr != nil {
		tr.step(segs, forwardAnchors(shells, segs))
	}
	return out
}

// inFunction reports whether the expression at pos belongs to fl itself
// rather than to a function nested in it.
func inFunction(fl *ast.FunctionLiteral, pos file.Idx) bool {
	owner := true
	walkAST(reflect.ValueOf(fl.Body), func(n ast.Node) {
		var body ast.Node
		switch f := n.(type) {
		case *ast.FunctionLiteral:
			body = f.Body
		case *ast.ArrowFunctionLiteral:
			body = f.Body
		default:
			return
		}
		if body != nil && body.Idx0() <= pos && pos < body.Idx1() {
			owner = false
		}
	})
	return owner
}

// The method's key: computed, a name (private too), a string or a number.
var asyncMethodRe = lazyre.New(`\basync\s*\*\s*(\[[^\]\n]*\]|#?[A-Za-z_$][\w$]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|[0-9][\w.]*)\s*\(`)

// rewriteAsyncMethods turns async generator methods, which goja cannot
// parse, into plain methods that apply an async generator function
// expression (which the next step rewrites) to their arguments:
// async *m(a) { B } → m($0) { return (async function* (a) { B }).apply(this, arguments); }
func rewriteAsyncMethods(src string, tr *textTrace) string {
	done := 0
	var mask []bool
	for k := 0; ; k++ {
		// The text before done is as it was, without a method left.
		mask = codeMaskFrom(mask, src, done)
		loc := firstInCodeFrom(asyncMethodRe(), src, mask, done)
		if loc == nil {
			return src
		}
		open := loc[1] - 1
		closeParen := matchClose(src, mask, open)
		if closeParen < 0 {
			return src
		}
		brace := closeParen + 1
		for brace < len(src) && (src[brace] == ' ' || src[brace] == '\t' || src[brace] == '\r' || src[brace] == '\n') {
			brace++
		}
		if brace >= len(src) || src[brace] != '{' {
			return src
		}
		end := matchClose(src, mask, brace)
		if end < 0 {
			return src
		}
		// As many placeholders as the method's length (its parameters
		// before the first default or rest), so it has V8's length.
		params := make([]string, paramLength(src[open:closeParen+1]))
		for i := range params {
			params[i] = "__cA" + strconv.Itoa(k) + "_" + strconv.Itoa(i)
		}
		var t textBuilder
		t.copy(src, 0, loc[0])
		t.anchor(loc[0], end+1) // the method, as V8 prints it
		t.copy(src, loc[2], loc[3])
		t.add("(" + strings.Join(params, ", ") + ") { return (async function* ")
		t.copy(src, open, end+1)
		t.add(").apply(this, arguments); }")
		t.copy(src, end+1, len(src))
		src, done = t.b.String(), loc[0]
		if tr != nil {
			tr.step(t.segs, t.anchors)
		}
	}
}

// paramLength is a function's length for the parameter list params
// ("(a, b = 1)" → 1), 0 when it cannot be read.
func paramLength(params string) int {
	prg, err := goja.Parse("", "(function "+params+" {})")
	if err != nil || len(prg.Body) != 1 {
		return 0
	}
	es, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return 0
	}
	fl, ok := es.Expression.(*ast.FunctionLiteral)
	if !ok || fl.ParameterList == nil {
		return 0
	}
	n := 0
	for _, b := range fl.ParameterList.List {
		if b.Initializer != nil {
			break
		}
		n++
	}
	return n
}

// topLevelOf returns the index of the first `of` keyword directly inside
// the brackets at open and closeAt (not nested deeper), or -1.
func topLevelOf(src string, mask []bool, open, closeAt int) int {
	return scanDepth(src, mask, open+1, closeAt, func(i, depth int) bool {
		return depth == 0 && strings.HasPrefix(src[i:], "of") && !isIdentByte(src[i-1]) && i+2 < len(src) && !isIdentByte(src[i+2])
	})
}

// matchClose returns the index of the bracket closing the one at open.
func matchClose(src string, mask []bool, open int) int {
	return scanDepth(src, mask, open, len(src), func(i, depth int) bool {
		return depth == 0 && strings.IndexByte(")]}", src[i]) >= 0
	})
}

// scanDepth walks the code bytes of src[from:to] (per mask), counting
// bracket depth from 0 at from, and returns the first index where at
// (given the depth after that byte) says stop, or -1. The rewrites' three
// scans (closing bracket, statement end, a loop's top-level 'of') differ
// only in where they stop.
func scanDepth(src string, mask []bool, from, to int, at func(i, depth int) bool) int {
	depth := 0
	for i := from; i < to; i++ {
		if !mask[i] {
			continue
		}
		switch src[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
		if at(i, depth) {
			return i
		}
	}
	return -1
}

// transformAsyncTraced applies the rewrites when the script uses these
// forms, with a trace from the text it returns back to orig (src, or the
// written text src was made from by changes in place) when it rewrote
// anything; nil when not.
func transformAsyncTraced(src, orig, prefix, suffix string) (string, *textTrace) {
	async := needsAsyncTransform(src)
	if !async && !mayUseUsing(src) {
		return src, nil
	}
	tr := newTextTrace(orig, src)
	in := src
	if async {
		src = rewriteAsyncMethods(rewriteForAwait(src, tr), tr)
	}
	// After the for-await loops (their heads may be using declarations;
	// goja parses neither) and before the async generators (the disposal
	// of an await using awaits, which they turn into a yield).
	src = rewriteUsing(src, prefix, suffix, tr)
	if async {
		src = rewriteAsyncGenerators(src, prefix, suffix, tr)
	}
	if src == in {
		return src, nil
	}
	return src, tr
}

// firstInCodeFrom is the first match of re in src[from:] that starts in
// code (not in a string or comment, per mask), as submatch indexes into
// src; nil when none does. The text at from is code.
func firstInCodeFrom(re *regexp.Regexp, src string, mask []bool, from int) []int {
	for pos := from; pos <= len(src); {
		l := re.FindStringSubmatchIndex(src[pos:])
		if l == nil {
			return nil
		}
		for i := range l {
			if l[i] >= 0 {
				l[i] += pos
			}
		}
		// A match cut out of a word (the search starts inside one: the
		// pattern's \b took the cut for a boundary) is none.
		cut := l[0] == pos && pos > 0 && isIdentByte(src[pos-1]) && isIdentByte(src[pos])
		if mask[l[0]] && !cut {
			return l
		}
		pos = l[0] + 1
	}
	return nil
}

// codeMaskFrom is codeMask(src) when src[:from] is unchanged since prev
// was made (and src[from] starts code): only the rest is read again.
func codeMaskFrom(prev []bool, src string, from int) []bool {
	if prev == nil || from == 0 || from > len(prev) {
		return codeMask(src)
	}
	m := make([]bool, len(src))
	copy(m, prev[:from])
	copy(m[from:], codeMask(src[from:]))
	return m
}

// defineAsyncGenFromText gives js/parts/rewrites.js the Go side of
// AsyncGeneratorFunction(params…, body): the function's text, as V8
// builds it, goes through the same rewrites as a script's; and
// __courierCopyText(to, from), which gives a method's wrapper the text of
// the method it wraps.
func (e *Engine) defineAsyncGenFromText() {
	fn := func(c goja.FunctionCall) goja.Value {
		src := "(async function* anonymous(" + c.Argument(0).String() + "\n) {\n" + c.Argument(1).String() + "\n})"
		text, tr := transformAsyncTraced(src, src, "", "")
		prg, err := goja.Parse("anonymous", text)
		var prog *goja.Program
		if err == nil {
			if tr != nil {
				tr.restoreSources(prg, 1)
			}
			prog, err = goja.CompileAST(prg, false)
		}
		if err != nil {
			// The part throws it as a SyntaxError.
			return e.rt.ToValue(strings.TrimPrefix(err.Error(), "SyntaxError: "))
		}
		v, err := e.rt.RunProgram(prog)
		if err != nil {
			panic(err)
		}
		return v
	}
	g := e.rt.GlobalObject()
	_ = g.DefineDataProperty("__courierAsyncGenFromText", e.rt.ToValue(fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	copyText := func(c goja.FunctionCall) goja.Value {
		to, ok1 := c.Argument(0).(*goja.Object)
		from, ok2 := c.Argument(1).(*goja.Object)
		if ok1 && ok2 {
			if text, ok := funcText(from); ok {
				setFuncText(to, text)
			}
		}
		return goja.Undefined()
	}
	_ = g.DefineDataProperty("__courierCopyText", e.rt.ToValue(copyText), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
