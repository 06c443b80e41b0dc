package scripting

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

// `using` and `await using` declarations (explicit resource management):
// Postman CLI 1.34's V8 runs them, goja cannot parse them. A script that
// has them is rewritten when it is compiled: each keyword becomes `const`
// (same length, so the parse that follows sees the script's own offsets),
// each initializer goes through __courierUsing (which checks the value and
// keeps it with its dispose method), and the statement list holding the
// declarations runs inside try/finally, where __courierDispose calls the
// methods in reverse order and wraps errors in a SuppressedError as V8
// does (js/parts/using.js). A `for (using x of …)` head disposes at the end
// of each iteration, a `for (using x = …; …; …)` head once the loop is left.
// Lines keep their numbers. A form V8 refuses (a declaration right in a case
// clause) leaves the script as written, so it fails to compile as before.

var usingRe = lazyre.New(`\b(?:await[ \t]+)?using[ \t]+([A-Za-z_$\x80-\xff][\w$\x80-\xff]*)`)

// usingDecl is a using declaration found in the text: where its `const`
// stands once rewritten, and whether it was `await using`.
type usingDecl struct {
	at     int
	awaits bool
}

// installUsing runs js/parts/using.js (__courierUsing, __courierDispose and
// their Async forms) in this Engine.
func (e *Engine) installUsing() error {
	e.usingInstalled = true
	fn, ok := goja.AssertFunction(e.part("using"))
	if !ok {
		return nil
	}
	b := e.rt.NewObject()
	_ = b.Set("global", e.rt.GlobalObject())
	_, err := fn(goja.Undefined(), b)
	return err
}

// evalUsing rewrites the using declarations of code given to eval (or,
// body, to new Function) as a script's are; one at the top level of eval'd
// code stays, as V8 refuses it there.
func (e *Engine) evalUsing(src string, body bool, v goja.Value) (string, goja.Value) {
	prefix, suffix := "", ""
	if body {
		prefix, suffix = "(function anonymous(\n) {\n", "\n})"
	}
	out := rewriteUsing(src, prefix, suffix, nil)
	if out == src || !e.usingInstalled && e.installWhole((*Engine).installUsing) != nil {
		return src, v
	}
	return out, e.rt.ToValue(out)
}

func mayUseUsing(src string) bool { return strings.Contains(src, "using") }

// rewriteUsing rewrites the using declarations of src, parsed as wrapped
// (prefix+src+suffix); src comes back as it was when there are none or the
// rewrite cannot cover them all.
func rewriteUsing(src, prefix, suffix string, tr *textTrace) string {
	if !mayUseUsing(src) {
		return src
	}
	text, decls := replaceUsingKeywords(src)
	if len(decls) == 0 {
		return src
	}
	prg, err := goja.Parse(scriptFile, prefix+text+suffix)
	if err != nil {
		return src
	}
	u := &usingRewrite{src: text, base: len(prefix) + 1, decls: map[int]bool{}, seen: map[int]bool{}}
	for _, d := range decls {
		u.decls[d.at] = d.awaits
	}
	walkAST(reflect.ValueOf(prg), u.visit)
	if len(u.seen) != len(decls) || u.failed {
		return src
	}
	out, segs, ok := applyTextEdits(text, u.edits)
	if !ok {
		out, segs = text, []textSeg{{0, 0, len(text)}}
	}
	if tr != nil {
		// "using" became "const" in place: the copies keep their offsets.
		tr.step(segs, nil)
	}
	return out
}

// replaceUsingKeywords turns each `using` (and `await using`) that starts
// a declaration in code into `const`, padded to the same length.
func replaceUsingKeywords(src string) (string, []usingDecl) {
	mask := codeMask(src)
	var decls []usingDecl
	b := []byte(src)
	for _, l := range usingRe().FindAllStringSubmatchIndex(src, -1) {
		at, name := l[0], src[l[2]:l[3]]
		if !mask[at] || name == "in" || name == "instanceof" || name == "of" || !startsStatement(src, mask, at) {
			continue
		}
		awaits := strings.HasPrefix(src[at:], "await")
		kw := l[2] - at // "using " or "await  using  "
		for j := at; j < at+kw; j++ {
			b[j] = ' '
		}
		copy(b[at:], "const")
		decls = append(decls, usingDecl{at: at, awaits: awaits})
	}
	return string(b), decls
}

// startsStatement: what precedes src[at] in code is the start, a ';', a
// brace, a ':' or a for head's '(', or ends a line (ASI).
func startsStatement(src string, mask []bool, at int) bool {
	for j := at - 1; j >= 0; j-- {
		c := src[j]
		if c == '\n' || c == '\r' {
			return true
		}
		if c == ' ' || c == '\t' || !mask[j] {
			continue
		}
		return strings.IndexByte(";{}:(", c) >= 0
	}
	return true
}

type usingRewrite struct {
	src    string
	base   int
	decls  map[int]bool // offset of a rewritten declaration -> await using
	seen   map[int]bool
	edits  []usingEdit
	n      int
	failed bool
	// forDone are the C-style for loops forHead has looked at (a labelled
	// one is met through its label first).
	forDone map[*ast.ForStatement]bool
}

func (u *usingRewrite) off(i int) int { return i - u.base }

func (u *usingRewrite) visit(n ast.Node) {
	switch x := n.(type) {
	case *ast.BlockStatement:
		u.list(x.List, u.off(int(x.LeftBrace))+1, u.off(int(x.RightBrace)))
	case *ast.CaseStatement:
		// V8 refuses a using declaration directly in a case clause.
		for _, st := range x.Consequent {
			if d, ok := st.(*ast.LexicalDeclaration); ok {
				if _, ok := u.decls[u.off(int(d.Idx))]; ok {
					u.failed = true
				}
			}
		}
	case *ast.ForOfStatement:
		if d, ok := x.Into.(*ast.ForDeclaration); ok {
			if awaits, ok := u.decls[u.off(int(d.Idx))]; ok {
				u.forOf(x, d, awaits)
			}
		}
	case *ast.LabelledStatement:
		// A labelled loop is wrapped with its labels, which must stay on it.
		inner := ast.Statement(x)
		for l, ok := inner.(*ast.LabelledStatement); ok; l, ok = inner.(*ast.LabelledStatement) {
			inner = l.Statement
		}
		if f, ok := inner.(*ast.ForStatement); ok && !u.forDone[f] {
			u.forHead(f, u.off(int(x.Idx0())))
		}
	case *ast.ForStatement:
		if !u.forDone[x] {
			u.forHead(x, u.off(int(x.Idx0())))
		}
	}
}

// forHead disposes the using declarations of a `for (using x = …; …; …)`
// head once the loop is left (V8 binds them once for the whole loop): the
// loop, from start (its first label), runs in a block that keeps them.
func (u *usingRewrite) forHead(x *ast.ForStatement, start int) {
	if u.forDone == nil {
		u.forDone = map[*ast.ForStatement]bool{}
	}
	u.forDone[x] = true
	d, ok := x.Initializer.(*ast.ForLoopInitializerLexicalDecl)
	if !ok {
		return
	}
	awaits, ok := u.decls[u.off(int(d.LexicalDeclaration.Idx))]
	if !ok {
		return
	}
	u.seen[u.off(int(d.LexicalDeclaration.Idx))] = true
	stack := "__cU" + strconv.Itoa(u.n)
	u.n++
	for _, b := range d.LexicalDeclaration.List {
		if b.Initializer == nil {
			u.failed = true
			return
		}
		u.wrapInit(b.Initializer, stack, awaits)
	}
	u.edits = append(u.edits, usingEdit{start, orderOpen, "{ const " + stack + " = []; try { "},
		usingEdit{u.off(int(x.Idx1())), orderInnerClose, u.closing(stack, awaits) + " }"})
}

// list wraps the statements of a block (from its start to its end) in
// try/finally when one of them is a using declaration, and routes each
// such declaration's initializers through the helper.
func (u *usingRewrite) list(stmts []ast.Statement, start, end int) {
	stack := ""
	awaits := false
	for _, s := range stmts {
		d, ok := s.(*ast.LexicalDeclaration)
		if !ok {
			continue
		}
		aw, ok := u.decls[u.off(int(d.Idx))]
		if !ok {
			continue
		}
		u.seen[u.off(int(d.Idx))] = true
		if stack == "" {
			stack = "__cU" + strconv.Itoa(u.n)
			u.n++
		}
		awaits = awaits || aw
		for _, b := range d.List {
			if b.Initializer == nil {
				u.failed = true
				return
			}
			u.wrapInit(b.Initializer, stack, aw)
		}
	}
	if stack == "" {
		return
	}
	// The script's own top level: its braces are the wrapper's.
	start = max(start, 0)
	tail := ""
	if end > len(u.src) {
		end, tail = len(u.src), "\n"
	}
	u.edits = append(u.edits, usingEdit{start, orderOpen, "const " + stack + " = []; try {"},
		usingEdit{end, orderClose, tail + u.closing(stack, awaits)})
}

func (u *usingRewrite) closing(stack string, awaits bool) string {
	e := stack + "e"
	dispose := "__courierDispose(" + stack + ");"
	if awaits {
		dispose = "await __courierDisposeAsync(" + stack + ");"
	}
	return " } catch (" + e + ") { " + stack + ".e = " + e + "; " + stack + ".t = true; } finally { " + dispose + " }"
}

func (u *usingRewrite) wrapInit(init ast.Expression, stack string, awaits bool) {
	fn := "__courierUsing("
	if awaits {
		fn = "__courierUsingAsync("
	}
	u.edits = append(u.edits, usingEdit{u.off(int(init.Idx0())), orderInit, fn + stack + ", "},
		usingEdit{u.off(int(init.Idx1())), orderInit, ")"})
}

// forOf disposes a `for (using x of …)` binding at the end of each
// iteration: the body becomes a block that registers it first.
func (u *usingRewrite) forOf(x *ast.ForOfStatement, d *ast.ForDeclaration, awaits bool) {
	id, ok := d.Target.(*ast.Identifier)
	if !ok {
		u.failed = true
		return
	}
	u.seen[u.off(int(d.Idx))] = true
	stack := "__cU" + strconv.Itoa(u.n)
	u.n++
	fn := "__courierUsing("
	if awaits {
		fn = "__courierUsingAsync("
	}
	// Around the whole body (a block's braces included), so that the
	// body's own list, if it has using declarations, nests inside.
	open := "{ const " + stack + " = []; " + fn + stack + ", " + id.Name.String() + "); try { "
	at, end := u.off(int(x.Body.Idx0())), u.off(int(x.Body.Idx1()))
	u.edits = append(u.edits, usingEdit{at, orderOpen, open}, usingEdit{end, orderInnerClose, u.closing(stack, awaits) + " }"})
}

// A usingEdit inserts text at an offset; insertions at one offset land in
// the order of their order field.
type usingEdit struct {
	at, order int
	with      string
}

const (
	orderOpen = iota
	orderInit
	orderInnerClose
	orderClose
)

func (e usingEdit) splice() (at, end, rank int, with string) { return e.at, e.at, e.order, e.with }
