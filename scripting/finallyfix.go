package scripting

import (
	"reflect"

	"github.com/dop251/goja/ast"
)

// goja runs a try statement with both catch and finally wrongly when the
// body completes and the finally block throws: its own catch takes that
// error and the finally block runs a second time (try { } catch (e) { }
// finally { throw x } logs the catch and the finally twice; V8 throws x
// once). Nested as try { try { B } catch (e) { C } } finally { F } the
// statement means the same (C's errors and returns pass through F, as do
// B's) and goja runs it right, so that is how such statements are compiled.
// Only scripts whose text has "finally" are walked.
func splitCatchFinally(body ast.Node) {
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		t, ok := n.(*ast.TryStatement)
		if !ok || t.Catch == nil || t.Finally == nil || t.Body == nil {
			return
		}
		inner := &ast.TryStatement{Try: t.Try, Body: t.Body, Catch: t.Catch}
		t.Body = &ast.BlockStatement{LeftBrace: t.Body.LeftBrace, List: []ast.Statement{inner}, RightBrace: t.Catch.Body.RightBrace}
		t.Catch = nil
	})
}
