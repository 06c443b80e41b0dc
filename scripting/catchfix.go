package scripting

import (
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// goja creates its TypeErrors and SyntaxErrors with its own words ("Cannot
// read property 'x' of undefined") and offers no hook where they are made.
// A script that catches one sees V8's words in Postman, so the places where
// a script receives a caught error are instrumented when it is compiled: a
// catch clause's binding, the handler of .catch(h) and .then(f, h), and the
// argument of a direct eval (so an eval SyntaxError can name the token).
// The hooks are globals the script resolves like any other; they cost
// nothing until an error is caught.
const (
	hookCatch   = "__courierCaught"  // __courierCaught(e): rewrites e's message
	hookHandler = "__courierHandler" // __courierHandler(h): h that rewrites its argument first
	hookEval    = "__courierEval"    // __courierEval(src): remembers src, returns it
	hookFnArgs  = "__courierFnArgs"  // __courierFnArgs(args...): checks and remembers Function's source, returns args
	hookTry     = "__courierTry"     // __courierTry(f): f(), a stack overflow thrown as RangeError
	hookFell    = "__courierFell"    // what a guarded try body returns when it ends without return
)

// instrumentCatches adds the hooks to a parsed script. It reports whether
// it changed anything.
func instrumentCatches(body ast.Node) {
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.CatchStatement:
			id, ok := x.Parameter.(*ast.Identifier)
			if !ok || x.Body == nil {
				return
			}
			call := hookCall(hookCatch, x.Catch, &ast.Identifier{Name: id.Name, Idx: x.Catch})
			x.Body.List = append([]ast.Statement{&ast.ExpressionStatement{Expression: call}}, x.Body.List...)
		case *ast.CallExpression:
			hookCallArgs(x)
		case *ast.NewExpression:
			hookNewArgs(x)
		}
	})
}

// hookCallArgs passes the arguments instrumentCatches hooks in a call
// through their hooks: eval's code, a promise's handlers, Function's
// parameters and body.
func hookCallArgs(x *ast.CallExpression) {
	if isEvalCallee(x.Callee) && len(x.ArgumentList) >= 1 {
		x.ArgumentList[0] = hookCall(hookEval, x.LeftParenthesis, x.ArgumentList[0])
	}
	switch callee := x.Callee.(type) {
	case *ast.DotExpression:
		name := callee.Identifier.Name.String()
		switch {
		case name == "catch" && len(x.ArgumentList) == 1:
			x.ArgumentList[0] = hookCall(hookHandler, x.LeftParenthesis, x.ArgumentList[0])
		case name == "then" && (len(x.ArgumentList) == 1 || len(x.ArgumentList) == 2):
			x.ArgumentList[0] = plainHandler(x.LeftParenthesis, x.ArgumentList[0])
			if len(x.ArgumentList) == 2 {
				x.ArgumentList[1] = hookCall(hookHandler, x.LeftParenthesis, x.ArgumentList[1])
			}
		case name == "finally" && len(x.ArgumentList) == 1:
			x.ArgumentList[0] = plainHandler(x.LeftParenthesis, x.ArgumentList[0])
		}
	case *ast.Identifier:
		if callee.Name == "Function" && len(x.ArgumentList) >= 1 {
			x.ArgumentList = fnArgsHooked(x.LeftParenthesis, x.ArgumentList)
		}
	}
}

// hookNewArgs is hookCallArgs for new: Function's arguments, and a
// promise's executor, guarded so that its overflow rejects the promise.
func hookNewArgs(x *ast.NewExpression) {
	callee, ok := x.Callee.(*ast.Identifier)
	switch {
	case ok && callee.Name == "Function" && len(x.ArgumentList) >= 1:
		x.ArgumentList = fnArgsHooked(x.LeftParenthesis, x.ArgumentList)
	case ok && callee.Name == "Promise" && len(x.ArgumentList) == 1:
		x.ArgumentList[0] = plainHandler(x.LeftParenthesis, x.ArgumentList[0])
	}
}

// plainHandler is h passed through hookHandler to be guarded only: a
// then's fulfilment handler or a finally's (handlerWrapSrc).
func plainHandler(at file.Idx, h ast.Expression) ast.Expression {
	call := hookCall(hookHandler, at, h)
	call.ArgumentList = append(call.ArgumentList, &ast.NumberLiteral{Idx: at, Literal: "1", Value: int64(1)})
	return call
}

// fnArgsHooked is Function's argument list passed whole through the hook
// (Function(...__courierFnArgs(a, b, body))): the hook sees the parameters
// too, and an argument spread into the list (new Function(...parts)) is
// spread into the hook's.
func fnArgsHooked(at file.Idx, args []ast.Expression) []ast.Expression {
	call := hookCall(hookFnArgs, at, nil)
	call.ArgumentList = args
	return []ast.Expression{&ast.SpreadElement{Expression: call}}
}

// isEvalCallee reports a call of eval: direct (the callee is the
// identifier eval) or indirect ((0, eval)(src), whose source is remembered
// as a direct eval's is).
func isEvalCallee(callee ast.Expression) bool {
	if seq, ok := callee.(*ast.SequenceExpression); ok && len(seq.Sequence) > 0 {
		callee = seq.Sequence[len(seq.Sequence)-1]
	}
	id, ok := callee.(*ast.Identifier)
	return ok && id.Name == "eval"
}

func hookCall(name string, at file.Idx, arg ast.Expression) *ast.CallExpression {
	return &ast.CallExpression{
		Callee:           &ast.Identifier{Name: unistring.NewFromString(name), Idx: at},
		LeftParenthesis:  at,
		ArgumentList:     []ast.Expression{arg},
		RightParenthesis: at,
	}
}

// mayCatch is a cheap test for scripts that need no instrumenting: they
// name catch, then, eval or Function as a word of their own ("then" in
// "authentication", which PingOne's scripts and test names hold, had 31 of
// the corpus's 5,167 scripts instrumented for nothing, and since e7a457f
// that costs each promise handler they make ~4.5 us).
func mayCatch(src string) bool {
	return containsWord(src, "catch") || containsWord(src, "then") || containsWord(src, "eval") || containsWord(src, "Function")
}

// A stack overflow is an uncatchable Go error in goja: it unwinds the
// script's JavaScript to the nearest call from Go. In V8 it is a RangeError
// a try statement catches (and a finally block runs on its way out). So the
// body of a try statement with a catch clause or a finally block runs as an
// arrow function called through a native (hookTry),
// which turns the overflow into a RangeError thrown at the try. Only bodies
// an arrow function runs unchanged are rewritten: none that yields or
// declares function names (var names are moved out first: catchvars.go).
// A body that returns becomes
//
//	{ const __courierR = __courierTry(() => { body; return __courierFell; });
//	  if (__courierR !== __courierFell) return __courierR; }
//
// and a break or continue that leaves the body returns a mark
// (__courierBranch[i]) and is run again after the call when that mark
// comes back: if (__courierR === __courierBranch[i]) break label;
//
// A body that awaits cannot move into an arrow. The code after an await
// runs later, from goja's job queue, inside the suspended function's frame,
// and an overflow there unwinds that frame (goja's generator frames do not
// survive it, so no driver that resumes the function through Go helps).
// So the parts of such a body that do not await are guarded where they
// stand: each run of statements without an await of its own is guarded as a
// whole body is (above); a declaration's initializer, an awaited operand
// (await E → await __courierTry(() => E)) and an if's test run in an arrow
// of their own; blocks, branches, loop bodies, switch cases and nested
// try statements are guarded the same way inside. A recursion started from
// any of them overflows inside the native's call, which throws the
// RangeError into the function's frame, where the try catches it.
func guardTries(body ast.Node) {
	var async []*ast.TryStatement
	var asyncFns []*ast.BlockStatement
	var top *ast.FunctionLiteral // the script's own function, awaiting at its top level
	if prg, ok := body.(*ast.Program); ok {
		top = scriptFunction(prg)
	}
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		if b := asyncBody(n); b != nil && n != ast.Node(top) {
			asyncFns = append(asyncFns, b)
			return
		}
		t, ok := n.(*ast.TryStatement)
		if !ok || t.Catch == nil && t.Finally == nil || t.Body == nil || len(t.Body.List) == 0 {
			return
		}
		hoistTryVars(t) // catchvars.go
		safe, returns, escapes, awaits := arrowSafe(t.Body)
		switch {
		case !safe:
		case len(awaits) > 0:
			async = append(async, t)
		default:
			guardTry(t, returns, escapes)
		}
	})
	if len(async) == 0 && len(asyncFns) == 0 {
		return
	}
	// Innermost first; a try statement already guarded is left alone when
	// the one around it is.
	g := awaitGuard{done: map[ast.Node]bool{}}
	for i := len(async) - 1; i >= 0; i-- {
		t := async[i]
		t.Body.List = g.list(t.Body.List)
		g.done[t] = true
	}
	// An async function's body is guarded as a try body that awaits: V8
	// rejects the function's promise with the RangeError of an overflow in
	// it, which the caller's await or catch takes. Unguarded, an overflow
	// before the first await unwound the caller, and one after it (run
	// from the job queue) ended the whole script.
	for i := len(asyncFns) - 1; i >= 0; i-- {
		b := asyncFns[i]
		b.List = g.list(b.List)
	}
}

// asyncBody is the body of an async function or method that is not a
// generator, when n is one; an async arrow's expression body becomes a
// block that returns it. nil otherwise.
func asyncBody(n ast.Node) *ast.BlockStatement {
	switch x := n.(type) {
	case *ast.FunctionLiteral:
		if x.Async && !x.Generator {
			return x.Body
		}
	case *ast.ArrowFunctionLiteral:
		if !x.Async {
			return nil
		}
		switch b := x.Body.(type) {
		case *ast.BlockStatement:
			return b
		case *ast.ExpressionBody:
			at := b.Expression.Idx0()
			blk := &ast.BlockStatement{LeftBrace: at, RightBrace: b.Expression.Idx1(),
				List: []ast.Statement{&ast.ReturnStatement{Return: at, Argument: b.Expression}}}
			x.Body = blk
			return blk
		}
	}
	return nil
}

// guardTry rewrites one try statement's body (see guardTries).
func guardTry(t *ast.TryStatement, returns bool, escapes []*ast.BranchStatement) {
	at := t.Body.LeftBrace
	// A break or continue that leaves the body returns a mark; the
	// statement runs again after the call, where it means the same.
	marks := map[*ast.BranchStatement]int{}
	escaped := make([]ast.BranchStatement, len(escapes))
	for i, br := range escapes {
		escaped[i] = *br
		marks[br] = i
	}
	list := t.Body.List
	if len(escapes) > 0 {
		replaceNodes(reflect.ValueOf(list), stmtType, func(n any) any {
			br, ok := n.(*ast.BranchStatement)
			if !ok {
				return nil
			}
			i, ok := marks[br]
			if !ok {
				return nil
			}
			return &ast.ReturnStatement{Return: br.Idx, Argument: branchMark(br.Idx, i)}
		})
	}
	if returns {
		list = append(list[:len(list):len(list)], &ast.ReturnStatement{Return: at, Argument: &ast.Identifier{Name: hookFell, Idx: at}})
	}
	call := hookCall(hookTry, at, &ast.ArrowFunctionLiteral{
		Start:         at,
		ParameterList: &ast.ParameterList{Opening: at, Closing: at},
		Body:          &ast.BlockStatement{LeftBrace: t.Body.LeftBrace, List: list, RightBrace: t.Body.RightBrace},
		Source:        "() => {}",
	})
	var stmts []ast.Statement
	if returns || len(escapes) > 0 {
		r := &ast.Identifier{Name: "__courierR", Idx: at}
		stmts = []ast.Statement{&ast.LexicalDeclaration{Idx: at, Token: token.CONST, List: []*ast.Binding{{Target: r, Initializer: call}}}}
		for i := range escapes {
			orig := escaped[i]
			stmts = append(stmts, &ast.IfStatement{If: at,
				Test:       &ast.BinaryExpression{Operator: token.STRICT_EQUAL, Left: &ast.Identifier{Name: r.Name, Idx: at}, Right: branchMark(at, i)},
				Consequent: &orig})
		}
		if returns {
			stmts = append(stmts, &ast.IfStatement{If: at,
				Test:       &ast.BinaryExpression{Operator: token.STRICT_NOT_EQUAL, Left: &ast.Identifier{Name: r.Name, Idx: at}, Right: &ast.Identifier{Name: hookFell, Idx: at}},
				Consequent: &ast.ReturnStatement{Return: at, Argument: &ast.Identifier{Name: r.Name, Idx: at}}})
		}
	} else {
		stmts = []ast.Statement{&ast.ExpressionStatement{Expression: call}}
	}
	t.Body = &ast.BlockStatement{LeftBrace: t.Body.LeftBrace, RightBrace: t.Body.RightBrace, List: stmts}
}

// awaitGuard guards the parts of try bodies that await (see guardTries).
type awaitGuard struct {
	done map[ast.Node]bool // try statements already guarded, and the blocks made
}

// list guards a statement list: runs of statements without an await of
// their own as one guarded block each, the others one by one.
func (g awaitGuard) list(list []ast.Statement) []ast.Statement {
	out := make([]ast.Statement, 0, len(list))
	var run []ast.Statement
	flush := func() {
		if len(run) > 0 {
			out = append(out, g.run(run)...)
			run = nil
		}
	}
	for _, s := range list {
		switch s.(type) {
		case *ast.LexicalDeclaration, *ast.ClassDeclaration, *ast.FunctionDeclaration, *ast.VariableStatement, *ast.EmptyStatement:
			// Their names must stay in this scope.
		default:
			if !g.done[s] && len(ownAwaits(s)) == 0 {
				run = append(run, s)
				continue
			}
		}
		flush()
		out = append(out, g.stmt(s))
	}
	flush()
	return out
}

// run guards statements that do not await as one try body is guarded.
func (g awaitGuard) run(run []ast.Statement) []ast.Statement {
	blk := &ast.BlockStatement{LeftBrace: run[0].Idx0(), List: run, RightBrace: run[len(run)-1].Idx1()}
	safe, returns, escapes, awaits := arrowSafe(blk)
	if !safe || len(awaits) > 0 {
		return run
	}
	t := &ast.TryStatement{Body: blk}
	guardTry(t, returns, escapes)
	g.done[t.Body] = true
	return []ast.Statement{t.Body}
}

// single guards the one statement a branch or loop runs, keeping it one
// statement.
func (g awaitGuard) single(s ast.Statement) ast.Statement {
	if s == nil {
		return nil
	}
	if b, ok := s.(*ast.BlockStatement); ok {
		b.List = g.list(b.List)
		return b
	}
	out := g.list([]ast.Statement{s})
	if len(out) == 1 {
		return out[0]
	}
	return &ast.BlockStatement{LeftBrace: s.Idx0(), List: out, RightBrace: s.Idx1()}
}

// stmt guards the parts of a statement that awaits or declares names.
func (g awaitGuard) stmt(s ast.Statement) ast.Statement {
	if g.done[s] {
		return s
	}
	switch x := s.(type) {
	case *ast.LexicalDeclaration:
		g.bindings(x.List)
	case *ast.VariableStatement:
		g.bindings(x.List)
	case *ast.ExpressionStatement:
		// await x, or v = await x
		if a, ok := x.Expression.(*ast.AssignExpression); ok {
			g.awaited(a.Right)
		} else {
			g.awaited(x.Expression)
		}
	case *ast.ReturnStatement:
		g.awaited(x.Argument)
	case *ast.BlockStatement:
		x.List = g.list(x.List)
	case *ast.IfStatement:
		x.Test = g.expr(x.Test)
		x.Consequent = g.single(x.Consequent)
		x.Alternate = g.single(x.Alternate)
	case *ast.LabelledStatement:
		// The label stays on the statement it names.
		x.Statement = g.stmt(x.Statement)
	case *ast.SwitchStatement:
		for _, c := range x.Body {
			c.Consequent = g.list(c.Consequent)
		}
	case *ast.TryStatement:
		g.try(x)
	default:
		g.loop(s)
	}
	return s
}

// awaited guards what e awaits, when e is an await: the await itself stays
// outside the arrow.
func (g awaitGuard) awaited(e ast.Expression) {
	if a, ok := e.(*ast.AwaitExpression); ok {
		a.Argument = g.expr(a.Argument)
	}
}

// loop guards a loop's body, kept one statement; other statements are
// left as they are.
func (g awaitGuard) loop(s ast.Statement) {
	switch x := s.(type) {
	case *ast.ForStatement:
		x.Body = g.single(x.Body)
	case *ast.ForOfStatement:
		x.Body = g.single(x.Body)
	case *ast.ForInStatement:
		x.Body = g.single(x.Body)
	case *ast.WhileStatement:
		x.Body = g.single(x.Body)
	case *ast.DoWhileStatement:
		x.Body = g.single(x.Body)
	}
}

// try guards the statements of a try's blocks.
func (g awaitGuard) try(x *ast.TryStatement) {
	if x.Body != nil {
		x.Body.List = g.list(x.Body.List)
	}
	if x.Catch != nil && x.Catch.Body != nil {
		x.Catch.Body.List = g.list(x.Catch.Body.List)
	}
	if x.Finally != nil {
		x.Finally.List = g.list(x.Finally.List)
	}
}

func (g awaitGuard) bindings(list []*ast.Binding) {
	for _, b := range list {
		if a, ok := b.Initializer.(*ast.AwaitExpression); ok {
			a.Argument = g.expr(a.Argument)
		} else if b.Initializer != nil {
			b.Initializer = g.expr(b.Initializer)
		}
	}
}

// expr runs an expression that does not await in a guarded arrow; others
// stay as written.
func (g awaitGuard) expr(e ast.Expression) ast.Expression {
	if e == nil {
		return nil
	}
	blk := &ast.BlockStatement{List: []ast.Statement{&ast.ExpressionStatement{Expression: e}}}
	if safe, _, _, awaits := arrowSafe(blk); !safe || len(awaits) > 0 {
		return e
	}
	at := e.Idx0()
	return hookCall(hookTry, at, &ast.ArrowFunctionLiteral{
		Start:         at,
		ParameterList: &ast.ParameterList{Opening: at, Closing: at},
		Body:          &ast.ExpressionBody{Expression: e},
		Source:        "() => {}",
	})
}

// ownAwaits lists the await expressions of n outside nested functions.
func ownAwaits(n ast.Node) []*ast.AwaitExpression {
	_, _, _, awaits := arrowSafe(&ast.BlockStatement{List: []ast.Statement{stmtOf(n)}})
	return awaits
}

func stmtOf(n ast.Node) ast.Statement {
	if s, ok := n.(ast.Statement); ok {
		return s
	}
	return &ast.ExpressionStatement{Expression: n.(ast.Expression)}
}

// arrowSafe reports whether block behaves the same as the body of an arrow
// function (awaits aside: they are listed) once its escaping break and continue statements (listed in
// escapes: those that leave the block) are turned into returns, whether it
// returns, and its own await expressions.
func arrowSafe(block *ast.BlockStatement) (safe, returns bool, escapes []*ast.BranchStatement, awaits []*ast.AwaitExpression) {
	sc := scopesIn(block)
	safe = true
	walkAST(reflect.ValueOf(block.List), func(n ast.Node) {
		if !safe || sc.innerFn[n] {
			return
		}
		if needsOwnFunction(n) {
			safe = false
		}
		if sc.inner[n] {
			return
		}
		switch x := n.(type) {
		case *ast.ReturnStatement:
			returns = true
		case *ast.AwaitExpression:
			awaits = append(awaits, x)
		case *ast.YieldExpression, *ast.VariableStatement,
			*ast.FunctionDeclaration, *ast.ForLoopInitializerVarDeclList, *ast.ForIntoVar:
			safe = false
		case *ast.BranchStatement:
			if sc.leaves(x) {
				escapes = append(escapes, x)
			}
		}
	})
	if len(escapes) > maxBranchMarks {
		safe = false
	}
	return safe, returns, escapes, awaits
}

// blockScopes tells, for the nodes of a block, which scopes inside the
// block hold them. Nodes inside nested functions belong to them (inner);
// innerFn holds those of non-arrow functions and classes, which have their
// own arguments. inLoop and inSwitch hold the nodes an unlabelled break or
// continue stays inside; labels are the labels defined in the block.
type blockScopes struct {
	inner, innerFn, inLoop, inSwitch map[ast.Node]bool
	labels                           map[string]bool
}

// scopesIn maps the nested functions, loops, switches and labels of block.
func scopesIn(block *ast.BlockStatement) *blockScopes {
	sc := &blockScopes{inner: map[ast.Node]bool{}, innerFn: map[ast.Node]bool{}, inLoop: map[ast.Node]bool{}, inSwitch: map[ast.Node]bool{},
		labels: map[string]bool{}}
	mark := func(set map[ast.Node]bool, root any) {
		walkAST(reflect.ValueOf(root), func(n ast.Node) { set[n] = true })
	}
	walkAST(reflect.ValueOf(block.List), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.FunctionLiteral:
			mark(sc.inner, x.ParameterList)
			mark(sc.inner, x.Body)
			mark(sc.innerFn, x.ParameterList)
			mark(sc.innerFn, x.Body)
		case *ast.ArrowFunctionLiteral:
			mark(sc.inner, x.ParameterList)
			mark(sc.inner, x.Body)
		case *ast.ClassLiteral:
			mark(sc.inner, x.Body)
			mark(sc.innerFn, x.Body)
		case *ast.ForStatement:
			mark(sc.inLoop, x.Body)
		case *ast.ForInStatement:
			mark(sc.inLoop, x.Body)
		case *ast.ForOfStatement:
			mark(sc.inLoop, x.Body)
		case *ast.WhileStatement:
			mark(sc.inLoop, x.Body)
		case *ast.DoWhileStatement:
			mark(sc.inLoop, x.Body)
		case *ast.SwitchStatement:
			mark(sc.inSwitch, x.Body)
		case *ast.LabelledStatement:
			sc.labels[x.Label.Name.String()] = true
		}
	})
	return sc
}

// needsOwnFunction reports a node that reads the enclosing function's own
// scope, which an arrow made of the block would not give it: goja's
// compiler gives an arrow function made after parsing no arguments object
// of its enclosing function's; eval could reach either scope; new.target
// and super are the function's.
func needsOwnFunction(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.Identifier:
		return x.Name == "arguments" || x.Name == "eval"
	case *ast.MetaProperty, *ast.SuperExpression:
		return true
	}
	return false
}

// leaves reports whether a break or continue leaves the block: one whose
// label, loop or switch is outside it.
func (sc *blockScopes) leaves(x *ast.BranchStatement) bool {
	switch {
	case x.Label != nil && sc.labels[x.Label.Name.String()]:
	case x.Label == nil && x.Token == token.BREAK && (sc.inLoop[x] || sc.inSwitch[x]):
	case x.Label == nil && x.Token == token.CONTINUE && sc.inLoop[x]:
	default:
		return true
	}
	return false
}

// evalText is the text an eval or new Function parses: v itself, or src
// with its regular expression literals rewritten (evalRegExps; the
// hook's part loaded on first need).
func (e *Engine) evalText(src string, body bool, v goja.Value) goja.Value {
	if lowered := evalMaxEscapes(src); lowered != src { // maxescape.go
		src, v = lowered, e.rt.ToValue(lowered)
	}
	if mayUseUsing(src) {
		src, v = e.evalUsing(src, body, v)
	}
	if mayNewOptionalChain(src) {
		text := src
		if body {
			text = "(function anonymous(\n) {\n" + src + "\n})"
		}
		if prg, err := goja.Parse("", text); err == nil {
			if err := newOptionalChain(prg); err != nil {
				e.throw("SyntaxError", err.(*goja.CompilerSyntaxError).Message)
			}
		}
	}
	out, changed, clash := evalRegExps(src, body)
	if clash != nil {
		var se *goja.CompilerSyntaxError
		if errors.As(clash, &se) {
			e.throw("SyntaxError", se.Message)
		}
	}
	if !changed {
		return v
	}
	if !e.regExpInstalled {
		if err := e.installWhole((*Engine).installRegExp); err != nil {
			return v
		}
	}
	return e.rt.ToValue(out)
}

// installCatchHooks defines the hooks on the global object, hidden from
// enumeration.
func (e *Engine) installCatchHooks() {
	rt := e.rt
	g := rt.GlobalObject()
	hide := func(name string, fn func(goja.FunctionCall) goja.Value) {
		_ = g.DefineDataProperty(name, rt.ToValue(fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	hide(hookCatch, func(c goja.FunctionCall) goja.Value {
		e.v8Caught(c.Argument(0))
		e.v8StackOf(c.Argument(0))
		return goja.Undefined()
	})
	hide(hookEval, func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if s, ok := v.Export().(string); ok {
			e.lastEval = s
			return e.evalText(s, false, v)
		}
		return v
	})
	hide(hookFnArgs, e.functionArgs)
	hide(hookTry, e.guardedCall)
	hide(hookCallback, e.checkCallback)
	hide(hookDescriptor, e.checkDescriptors)
	hide(hookAlloc, e.checkAlloc)
	_ = g.DefineDataProperty(hookFell, rt.NewObject(), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	marks := make([]any, maxBranchMarks)
	for i := range marks {
		marks[i] = rt.NewObject()
	}
	_ = g.DefineDataProperty(hookBranch, rt.NewArray(marks...), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	hide(hookHandler, func(c goja.FunctionCall) goja.Value {
		h := c.Argument(0)
		if _, ok := goja.AssertFunction(h); !ok {
			return h
		}
		return e.wrapHandler(h, c.Argument(1))
	})
}

// handlerWrapSrc makes the wrapper of a rejection handler. It is
// JavaScript, not Go: a promise job calls a handler with nothing on
// goja's call stack, and a Go function that called the script's handler
// through goja.Callable would make goja drain the whole microtask queue
// when the handler returned (runWrapped's leave), before the jobs of the
// same turn queued behind it; a later .catch of the same promise then ran
// after chains two turns deep (V8: in its own turn).
//
// Each wrapper calls its handler through guard (guardedCall), so a stack
// overflow inside rejects the promise the handler's then made, as V8's
// RangeError does; plain wrappers (a then's fulfilment handler, a
// finally's) only guard.
const handlerWrapSrc = `(function (apply, fix, guard) {
'use strict';
return function (h, plain) {
    if (plain) { return function () { return guard(apply, h, this, arguments); }; }
    return function (e) { fix(e); return guard(apply, h, this, arguments); };
};
})`

var handlerWrapProg = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("courier-bootstrap/handler.js", handlerWrapSrc, true)
})

// wrapHandler returns h wrapped so that its argument's words are V8's
// before h sees it (hookHandler); the maker is built on first use.
func (e *Engine) wrapHandler(h, plain goja.Value) goja.Value {
	if e.handlerWrap == nil {
		prog, err := handlerWrapProg()
		if err != nil {
			panic(e.rt.NewGoError(err))
		}
		mk, err := e.rt.RunProgram(prog)
		if err != nil {
			panic(err)
		}
		mkFn, _ := goja.AssertFunction(mk)
		fix := e.rt.ToValue(func(c goja.FunctionCall) goja.Value {
			e.v8Caught(c.Argument(0))
			e.v8StackOf(c.Argument(0))
			return goja.Undefined()
		})
		apply := e.rt.Get("Reflect").ToObject(e.rt).Get("apply")
		wrap, err := mkFn(goja.Undefined(), apply, fix, e.rt.ToValue(e.guardedCall))
		if err != nil {
			panic(err)
		}
		e.handlerWrap, _ = goja.AssertFunction(wrap)
	}
	v, err := e.handlerWrap(goja.Undefined(), h, plain)
	if err != nil {
		panic(err)
	}
	return v
}

// guardedCall calls its first argument with the rest, turning a stack
// overflow inside into the RangeError V8 throws; the hook of a try
// statement's body, and how pm.test calls a test.
func (e *Engine) guardedCall(c goja.FunctionCall) goja.Value {
	fn, ok := goja.AssertFunction(c.Argument(0))
	if !ok {
		e.throw("TypeError", c.Argument(0).String()+" is not a function")
	}
	var args []goja.Value
	if len(c.Arguments) > 1 {
		args = c.Arguments[1:]
	}
	depth := e.stackDepths()
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		var so *goja.StackOverflowError
		if errors.As(err, &so) {
			e.restoreStacks(depth) // vmstacks.go
			e.throw("RangeError", "Maximum call stack size exceeded")
		}
		panic(err)
	}
	return v
}

// v8Caught rewrites the message of a caught TypeError or SyntaxError that
// goja worded, in place, as V8 words it; its stack's first line follows.
func (e *Engine) v8Caught(v goja.Value) {
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	nameV, msgV := o.Get("name"), o.Get("message")
	if nameV == nil || msgV == nil {
		return
	}
	name, msg := nameV.String(), msgV.String()
	var fixed string
	switch name {
	case "TypeError", "RangeError", "ReferenceError", "URIError":
		if name == "TypeError" && !gojaReworded(msg) {
			return
		}
		fixed = e.v8CaughtRuntime(o, name, msg)
	case "SyntaxError":
		fixed = e.v8Syntax(msg)
	default:
		return
	}
	if fixed != msg {
		e.setCaughtMessage(o, msg, fixed)
	}
}

// v8Syntax is V8's words for goja's SyntaxError msg, worded from the code
// of the last eval or new Function when msg names it: caught, failing a
// pm.test or the script alike.
func (e *Engine) v8Syntax(msg string) string {
	code := ""
	if strings.Contains(msg, "<eval>") || strings.HasPrefix(msg, "Invalid regular expression (") {
		code = e.lastEval
	}
	return v8SyntaxMessage(msg, code, 0, 0)
}

// v8CaughtRuntime is v8Caught's message for a caught runtime error, worded
// from the place its stack names.
func (e *Engine) v8CaughtRuntime(o *goja.Object, name, msg string) string {
	stack := e.peekStack(o)
	if stack == nil {
		return v8Message(name, msg, "", 0, 0, seenAt{})
	}
	if l, c, ok := e.evalFramePos(stack.String()); ok {
		// Thrown by code the script ran through eval or new Function:
		// placed in that code.
		return v8Message(name, msg, e.lastEval, l, c, seenAt{})
	}
	if name == "TypeError" {
		if file, l, c, ok := firstFrame(stack.String()); ok {
			if m, ok := libraryWords(msg, file, l, c); ok {
				return m
			}
		}
	}
	if e.cur == nil {
		return v8Message(name, msg, "", 0, 0, seenAt{})
	}
	// Source-based rewording only when the error was thrown in the
	// running script itself, or in a built-in it called.
	src := e.cur.x.Source
	line, col, native := scriptFrame(stack.String(), strings.Contains(src, "await"))
	switch {
	case line > 0 && !native:
		return v8Message(name, msg, src, line, col, e.seenAtRun(e.cur.x, line, col))
	case line > 0 && v8NativeMessage(msg, src, line, col) != msg:
		// The call's place names the built-in, for what only the
		// built-in's name decides.
		return v8Message(name, msg, src, line, col, seenAt{native: true})
	}
	return v8Message(name, msg, "", 0, 0, seenAt{})
}

// setCaughtMessage gives caught error o its V8 message fixed in place of
// goja's msg, in its stack too unless V8's stack accessor reads it.
func (e *Engine) setCaughtMessage(o *goja.Object, msg, fixed string) {
	_ = o.Set("message", fixed)
	if e.stackWords && e.hasStackAccessor(o) {
		return // V8's stack (stackwords.go) reads the message when it is read
	}
	if s := o.Get("stack"); s != nil {
		_ = o.Set("stack", strings.Replace(s.String(), msg, fixed, 1))
	}
}

// maxBranchMarks bounds the escaping break/continue statements one try body
// may have for its rewrite (more are left as written).
const maxBranchMarks = 16

const hookBranch = "__courierBranch" // the marks: maxBranchMarks distinct objects

var stmtType = reflect.TypeOf((*ast.Statement)(nil)).Elem()

// branchMark is the expression __courierBranch[i].
func branchMark(at file.Idx, i int) ast.Expression {
	return &ast.BracketExpression{Left: &ast.Identifier{Name: hookBranch, Idx: at}, Member: &ast.NumberLiteral{Idx: at, Value: int64(i)}, LeftBracket: at, RightBracket: at}
}
