package scripting

import (
	"reflect"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// Block-level functions in sloppy code (the language's web-compatibility
// annex, B.3.3): V8 gives a function declared in a block a var of the same
// name in the enclosing function as well, set when the declaration is
// reached, so `if (x) { function f() {} } f();` calls f. goja keeps the
// function to its block and the call fails with "f is not defined"
// (fresh-round8l-c). Each such function of a sloppy function (async
// functions and generators too, as V8 has it: a script with a top-level
// await runs in an async wrapper, and lost the annex) gets, in the
// parsed tree, a var of its name in that function and a call right after
// the declaration that copies the block's function into it, through a
// hidden helper declared at the function's level (the block's own binding
// hides the var from code inside the block). As the annex says, a name the
// function also declares lexically (let, const, class, a catch parameter, a
// block function of an enclosing block) or takes as a parameter is left
// alone: V8 hoists nothing there either. Positions do not move: the added
// nodes carry the declaration's.

var namedFunctionRe = lazyre.New(`\bfunction[ \t\r\n]+[A-Za-z_$\x80-\xff]`)

// mayDeclareBlockFunctions is the cheap look at the source: a function
// with a name.
func mayDeclareBlockFunctions(src string) bool {
	return strings.Contains(src, "function") && namedFunctionRe().MatchString(src)
}

// annexBHelper is the prefix of the helpers' names.
const annexBHelper = "__courierAnnexB_"

// hoistBlockFunctions applies the annex to every sloppy function under root.
func hoistBlockFunctions(root ast.Node) {
	var visit func(v reflect.Value, strict bool)
	visit = func(v reflect.Value, strict bool) {
		walkASTPruned(v, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FunctionLiteral:
				s := strict || hasUseStrict(n.Body)
				if !s && n.Body != nil {
					hoistInFunction(n.Body, &n.DeclarationList, n.ParameterList)
				}
				visit(reflect.ValueOf(n.ParameterList), s)
				visit(reflect.ValueOf(n.Body), s)
				return false
			case *ast.ArrowFunctionLiteral:
				body, ok := n.Body.(*ast.BlockStatement)
				s := strict || ok && hasUseStrict(body)
				if ok && !s {
					hoistInFunction(body, &n.DeclarationList, n.ParameterList)
				}
				visit(reflect.ValueOf(n.ParameterList), s)
				visit(reflect.ValueOf(n.Body), s)
				return false
			case *ast.ClassLiteral:
				visit(reflect.ValueOf(n.SuperClass), strict)
				visit(reflect.ValueOf(n.Body), true) // class code is strict
				return false
			}
			return true
		})
	}
	visit(reflect.ValueOf(root), false)
}

// hasUseStrict reports whether body's directive prologue says "use strict".
func hasUseStrict(body *ast.BlockStatement) bool {
	if body == nil {
		return false
	}
	for _, st := range body.List {
		if !isDirective(st) {
			return false
		}
		if lit := st.(*ast.ExpressionStatement).Expression.(*ast.StringLiteral); lit.Value == "use strict" {
			return true
		}
	}
	return false
}

// hoistInFunction hoists the block functions of one function's body (not
// those of the functions inside it).
func hoistInFunction(body *ast.BlockStatement, decls *[]*ast.VariableDeclaration, params *ast.ParameterList) {
	h := &annexB{body: body, params: params}
	unlabelFunctions(body.List)
	for _, st := range body.List {
		h.statement(st, nil)
	}
	for _, name := range h.order {
		at := h.at[name]
		*decls = append(*decls, &ast.VariableDeclaration{Var: at, List: []*ast.Binding{{Target: &ast.Identifier{Name: name, Idx: at}}}})
		body.List = append(body.List, annexBSetter(name, at))
	}
}

// annexB is one function's walk: the names it may not hoist anywhere (its
// parameters, arguments and the lexical names of its body's top level,
// gathered when a first block function is met: most functions have none),
// the names hoisted in order of first declaration and where.
type annexB struct {
	body          *ast.BlockStatement
	params        *ast.ParameterList
	blocked, seen map[unistring.String]bool
	order         []unistring.String
	at            map[unistring.String]file.Idx
}

func (h *annexB) isBlocked(name unistring.String) bool {
	if h.blocked == nil {
		h.blocked, h.seen = map[unistring.String]bool{"arguments": true}, map[unistring.String]bool{}
		if h.params != nil {
			namesIn(reflect.ValueOf(h.params), h.blocked)
		}
		directLexicalNames(h.body.List, h.blocked)
	}
	return h.blocked[name]
}

// statement walks st, a statement of the function's body or of a block;
// outer holds the names declared lexically by the enclosing blocks (their
// let, const, class and block functions, a for head's let or const, a
// catch parameter): a var of such a name would be an early error, so V8
// hoists nothing there. A let in a sibling block does not stop it.
func (h *annexB) statement(st ast.Statement, outer []map[unistring.String]bool) {
	switch st := st.(type) {
	case *ast.BlockStatement:
		st.List = h.block(st.List, outer)
	case *ast.IfStatement:
		h.statement(st.Consequent, outer)
		h.statement(st.Alternate, outer)
	case *ast.ForStatement:
		h.statement(st.Body, withNamesOf(outer, st.Initializer))
	case *ast.ForInStatement:
		h.statement(st.Body, withNamesOf(outer, st.Into))
	case *ast.ForOfStatement:
		h.statement(st.Body, withNamesOf(outer, st.Into))
	case *ast.WhileStatement:
		h.statement(st.Body, outer)
	case *ast.DoWhileStatement:
		h.statement(st.Body, outer)
	case *ast.WithStatement:
		h.statement(st.Body, outer)
	case *ast.LabelledStatement:
		if _, fn := st.Statement.(*ast.FunctionDeclaration); !fn {
			h.statement(st.Statement, outer)
		}
	case *ast.TryStatement:
		h.statement(st.Body, outer)
		if st.Catch != nil {
			h.statement(st.Catch.Body, withNamesOf(outer, st.Catch.Parameter))
		}
		if st.Finally != nil {
			h.statement(st.Finally, outer)
		}
	case *ast.SwitchStatement:
		// The clauses share one scope.
		var all []ast.Statement
		for _, c := range st.Body {
			unlabelFunctions(c.Consequent)
			all = append(all, c.Consequent...)
		}
		own := directLexicalNames(all, blockFunctionNames(all))
		for _, c := range st.Body {
			c.Consequent = h.list(c.Consequent, own, outer)
		}
	}
}

// withNamesOf is outer with the scope of the names n declares lexically (a
// for head's let or const, a catch parameter); outer itself when none.
func withNamesOf(outer []map[unistring.String]bool, n ast.Node) []map[unistring.String]bool {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return outer
	}
	m := map[unistring.String]bool{}
	switch n := n.(type) {
	case *ast.Identifier:
		// A catch parameter that is a name: a var may take it again
		// (annex B.3.5), so V8 hoists.
	case ast.BindingTarget:
		namesIn(reflect.ValueOf(n), m) // a catch parameter's pattern
	case *ast.ForLoopInitializerLexicalDecl:
		for _, b := range n.LexicalDeclaration.List {
			namesIn(reflect.ValueOf(b.Target), m)
		}
	default:
		lexicalNamesIn(reflect.ValueOf(n), m)
	}
	if len(m) == 0 {
		return outer
	}
	return append(outer[:len(outer):len(outer)], m)
}

// block walks a block's statements and gives them back with the copies.
func (h *annexB) block(list []ast.Statement, outer []map[unistring.String]bool) []ast.Statement {
	unlabelFunctions(list)
	own := blockFunctionNames(list)
	if lex := directLexicalNames(list, nil); lex != nil {
		// The block's own let, const and class stop a block function of
		// an inner block, not one of its own (that would be a redeclaration).
		return h.list(list, own, append(outer[:len(outer):len(outer)], lex))
	}
	return h.list(list, own, outer)
}

func (h *annexB) list(list []ast.Statement, own map[unistring.String]bool, outer []map[unistring.String]bool) []ast.Statement {
	inner := append(outer[:len(outer):len(outer)], own)
	unlabelFunctions(list)
	var out []ast.Statement
	for i, st := range list {
		fd, ok := st.(*ast.FunctionDeclaration)
		if !ok {
			h.statement(st, inner)
			if out != nil {
				out = append(out, st)
			}
			continue
		}
		name := fd.Function.Name.Name
		if fd.Function.Async || fd.Function.Generator || inAny(outer, name) || h.isBlocked(name) {
			if out != nil {
				out = append(out, st)
			}
			continue
		}
		if out == nil {
			out = append(make([]ast.Statement, 0, len(list)+1), list[:i]...)
		}
		at := fd.Function.Function
		if !h.seen[name] {
			h.seen[name] = true
			h.order = append(h.order, name)
			if h.at == nil {
				h.at = map[unistring.String]file.Idx{}
			}
			h.at[name] = at
		}
		call := &ast.CallExpression{Callee: &ast.Identifier{Name: annexBHelper + name, Idx: at}, LeftParenthesis: at, RightParenthesis: at,
			ArgumentList: []ast.Expression{&ast.Identifier{Name: name, Idx: at}}}
		out = append(out, st, &ast.ExpressionStatement{Expression: call})
	}
	if out == nil {
		return list
	}
	return out
}

func inAny(scopes []map[unistring.String]bool, name unistring.String) bool {
	for _, s := range scopes {
		if s[name] {
			return true
		}
	}
	return false
}

// blockFunctionNames are the names of the functions list declares.
func blockFunctionNames(list []ast.Statement) map[unistring.String]bool {
	var m map[unistring.String]bool
	for _, st := range list {
		if fd, ok := st.(*ast.FunctionDeclaration); ok {
			if m == nil {
				m = map[unistring.String]bool{}
			}
			m[fd.Function.Name.Name] = true
		}
	}
	return m
}

// unlabelFunctions puts each labelled function declaration of list (l:
// function f() {}, which sloppy V8 takes as the declaration, annex B.3.2,
// and goja's compiler refuses) in its label's place: nothing can break to
// or continue such a label.
func unlabelFunctions(list []ast.Statement) {
	for i, st := range list {
		ls, ok := st.(*ast.LabelledStatement)
		for ok {
			if fd, isFn := ls.Statement.(*ast.FunctionDeclaration); isFn && !fd.Function.Async && !fd.Function.Generator {
				list[i] = fd
				break
			}
			ls, ok = ls.Statement.(*ast.LabelledStatement)
		}
	}
}

// directLexicalNames adds to m (made when nil and a name is found) the
// names list declares lexically at its own level: let, const and class
// (not those of its blocks or functions).
func directLexicalNames(list []ast.Statement, m map[unistring.String]bool) map[unistring.String]bool {
	for _, st := range list {
		switch st := st.(type) {
		case *ast.LexicalDeclaration:
			if m == nil {
				m = map[unistring.String]bool{}
			}
			for _, b := range st.List {
				namesIn(reflect.ValueOf(b.Target), m)
			}
		case *ast.ClassDeclaration:
			if st.Class != nil && st.Class.Name != nil {
				if m == nil {
					m = map[unistring.String]bool{}
				}
				m[st.Class.Name.Name] = true
			}
		}
	}
	return m
}

// annexBSetter is `function __courierAnnexB_name(v) { name = v; }`.
func annexBSetter(name unistring.String, at file.Idx) ast.Statement {
	v := unistring.String("v")
	return &ast.FunctionDeclaration{Function: &ast.FunctionLiteral{
		Function:      at,
		Name:          &ast.Identifier{Name: annexBHelper + name, Idx: at},
		ParameterList: &ast.ParameterList{Opening: at, Closing: at, List: []*ast.Binding{{Target: &ast.Identifier{Name: v, Idx: at}}}},
		Body: &ast.BlockStatement{LeftBrace: at, RightBrace: at, List: []ast.Statement{&ast.ExpressionStatement{Expression: &ast.AssignExpression{
			Operator: token.ASSIGN, Left: &ast.Identifier{Name: name, Idx: at}, Right: &ast.Identifier{Name: v, Idx: at}}}}},
		Source: "function () { [native code] }",
	}}
}

// lexicalNamesIn adds to m the names declared lexically anywhere under v
// but inside no function of its own: let, const, class, catch parameters,
// for heads. Every identifier of a declaration's target counts (a default
// value's in a pattern too): wrongly blocking a name only leaves goja's behaviour.
func lexicalNamesIn(v reflect.Value, m map[unistring.String]bool) {
	walkASTPruned(v, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			return false
		case *ast.ClassLiteral:
			if n.Name != nil {
				m[n.Name.Name] = true
			}
			return false
		case *ast.LexicalDeclaration:
			for _, b := range n.List {
				namesIn(reflect.ValueOf(b.Target), m)
			}
		case *ast.ForDeclaration:
			namesIn(reflect.ValueOf(n.Target), m)
		case *ast.CatchStatement:
			namesIn(reflect.ValueOf(n.Parameter), m)
		}
		return true
	})
}

// namesIn adds every identifier under v to m.
func namesIn(v reflect.Value, m map[unistring.String]bool) {
	walkASTPruned(v, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Identifier:
			m[n.Name] = true
		case *ast.PropertyShort:
			m[n.Name.Name] = true // {f} in a pattern: its name is a value, not a node
		}
		return true
	})
}
