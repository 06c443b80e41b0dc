package scripting

import (
	"reflect"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// A try body that declares var names cannot run as an arrow function
// (guardTry): its names would become the arrow's. `try { var d =
// pm.response.json(); … } catch (e) { … }` is common, and ran unguarded: a
// stack overflow in it ended the script where V8's catch takes it. var is
// function-scoped, so the declarations can move out of the body with the
// same meaning: each becomes an assignment where it stands (`d = …`, `({a}
// = o)`, `for (i = 0; …)`, `for (k in o)`), and the names are declared by a
// `var` at the start of the catch block (or of finally), which declares
// them in the same function as before.

var (
	forInitType = reflect.TypeOf((*ast.ForLoopInitializer)(nil)).Elem()
	forIntoType = reflect.TypeOf((*ast.ForInto)(nil)).Elem()
)

// hoistTryVars makes the var declarations of t's body (outside nested
// functions and classes) assignments and declares their names in t's
// catch or finally block. It leaves t as written when that block could not
// declare them (a destructured catch parameter or a lexical declaration of
// the same name) or a for-in head has an initializer.
func hoistTryVars(t *ast.TryStatement) {
	sc := scopesIn(t.Body)
	found := map[ast.Node]bool{}
	var names []unistring.String
	ok := true
	walkAST(reflect.ValueOf(t.Body.List), func(n ast.Node) {
		if sc.inner[n] {
			return
		}
		switch x := n.(type) {
		case *ast.VariableStatement:
			found[x], names = true, boundNamesOf(x.List, names)
		case *ast.ForLoopInitializerVarDeclList:
			found[x], names = true, boundNamesOf(x.List, names)
		case *ast.ForIntoVar:
			ok = ok && x.Binding.Initializer == nil
			found[x], names = true, boundNames(x.Binding.Target, names)
		}
	})
	if len(found) == 0 || !ok {
		return
	}
	home := declarationHome(t, names)
	if home == nil {
		return
	}
	replaceNodes(reflect.ValueOf(t.Body.List), stmtType, func(n any) any {
		if x, ok := n.(*ast.VariableStatement); ok && found[x] {
			return assignmentsOf(x.Var, x.List)
		}
		return nil
	})
	replaceNodes(reflect.ValueOf(t.Body.List), forInitType, func(n any) any {
		if x, ok := n.(*ast.ForLoopInitializerVarDeclList); ok && found[x] {
			return &ast.ForLoopInitializerExpression{Expression: assignmentExpr(x.List)}
		}
		return nil
	})
	replaceNodes(reflect.ValueOf(t.Body.List), forIntoType, func(n any) any {
		if x, ok := n.(*ast.ForIntoVar); ok && found[x] {
			return &ast.ForIntoExpression{Expression: x.Binding.Target.(ast.Expression)}
		}
		return nil
	})
	at := home.LeftBrace
	decl := &ast.VariableStatement{Var: at}
	for _, name := range names {
		decl.List = append(decl.List, &ast.Binding{Target: &ast.Identifier{Name: name, Idx: at}})
	}
	home.List = append([]ast.Statement{decl}, home.List...)
}

// declarationHome is the block of t where a var of names can go: the catch
// block, unless its parameter binds one of them (goja refuses even the
// `catch (e) { var e }` Annex B allows), else finally; nil when the block chosen declares one
// of them with let, const, class or function.
func declarationHome(t *ast.TryStatement, names []unistring.String) *ast.BlockStatement {
	var home *ast.BlockStatement
	if t.Catch != nil && t.Catch.Body != nil {
		home = t.Catch.Body
		if sharesName(boundNames(t.Catch.Parameter, nil), names) {
			home = nil
		}
	}
	if home == nil {
		home = t.Finally
	}
	if home == nil || sharesName(lexicalNamesOf(home.List), names) {
		return nil
	}
	return home
}

// lexicalNamesOf are the names list declares with let, const, class or a
// function declaration at its top.
func lexicalNamesOf(list []ast.Statement) []unistring.String {
	var out []unistring.String
	for _, s := range list {
		switch x := s.(type) {
		case *ast.LexicalDeclaration:
			out = boundNamesOf(x.List, out)
		case *ast.ClassDeclaration:
			if x.Class != nil && x.Class.Name != nil {
				out = append(out, x.Class.Name.Name)
			}
		case *ast.FunctionDeclaration:
			if x.Function != nil && x.Function.Name != nil {
				out = append(out, x.Function.Name.Name)
			}
		}
	}
	return out
}

func sharesName(a, b []unistring.String) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// assignmentsOf is the statement a var statement becomes: its bindings
// with an initializer as assignments, one statement each (in a block when
// several), an empty statement when none has one.
func assignmentsOf(at file.Idx, list []*ast.Binding) ast.Statement {
	var stmts []ast.Statement
	for _, b := range list {
		if b.Initializer != nil {
			stmts = append(stmts, &ast.ExpressionStatement{Expression: assignment(b)})
		}
	}
	switch len(stmts) {
	case 0:
		return &ast.EmptyStatement{Semicolon: at}
	case 1:
		return stmts[0]
	}
	return &ast.BlockStatement{LeftBrace: at, List: stmts, RightBrace: at}
}

// assignmentExpr is a for head's var list as one expression (nil when no
// binding has an initializer).
func assignmentExpr(list []*ast.Binding) ast.Expression {
	var seq []ast.Expression
	for _, b := range list {
		if b.Initializer != nil {
			seq = append(seq, assignment(b))
		}
	}
	switch len(seq) {
	case 0:
		return nil
	case 1:
		return seq[0]
	}
	return &ast.SequenceExpression{Sequence: seq}
}

func assignment(b *ast.Binding) *ast.AssignExpression {
	return &ast.AssignExpression{Operator: token.ASSIGN, Left: b.Target.(ast.Expression), Right: b.Initializer}
}

func boundNamesOf(list []*ast.Binding, out []unistring.String) []unistring.String {
	for _, b := range list {
		out = boundNames(b.Target, out)
	}
	return out
}

// boundNames appends the names a binding target binds.
func boundNames(target ast.Node, out []unistring.String) []unistring.String {
	switch x := target.(type) {
	case *ast.Identifier:
		out = append(out, x.Name)
	case *ast.AssignExpression: // a default: [a = 1]
		out = boundNames(x.Left, out)
	case *ast.ObjectPattern:
		for _, p := range x.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				out = append(out, p.Name.Name)
			case *ast.PropertyKeyed:
				out = boundNames(p.Value, out)
			}
		}
		out = boundNames(x.Rest, out)
	case *ast.ArrayPattern:
		for _, el := range x.Elements {
			out = boundNames(el, out)
		}
		out = boundNames(x.Rest, out)
	}
	return out
}
