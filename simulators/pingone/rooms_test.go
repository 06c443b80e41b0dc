package pingone

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// maxRouterLines is how long a function that routes (switches on the
// request's method or path) may grow: past it, the routes belong on the
// ServeMux as method+pattern entries with a small handler each.
const maxRouterLines = 60

// TestNoLongRouters keeps the house's rooms small: no function in this
// package longer than maxRouterLines contains a switch on the request's
// method or path segments.
func TestNoLongRouters(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, fn := range longRouters(fset, f) {
			t.Errorf("%s: %s routes by method or path in %d lines (at most %d): register its routes on the ServeMux with a handler each",
				fset.Position(fn.pos), fn.name, fn.lines, maxRouterLines)
		}
	}
}

type longRouter struct {
	name  string
	pos   token.Pos
	lines int
}

// longRouters lists f's functions (declared or literal) over
// maxRouterLines that contain a routing switch.
func longRouters(fset *token.FileSet, f *ast.File) []longRouter {
	var out []longRouter
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		name := "a function literal"
		switch fn := n.(type) {
		case *ast.FuncDecl:
			body, name = fn.Body, fn.Name.Name
		case *ast.FuncLit:
			body = fn.Body
		}
		if body == nil {
			return true
		}
		lines := fset.Position(body.End()).Line - fset.Position(body.Lbrace).Line - 1
		if lines > maxRouterLines && routes(body) {
			out = append(out, longRouter{name: name, pos: n.Pos(), lines: lines})
		}
		return true
	})
	return out
}

// routes reports whether body holds a switch whose tag or cases read the
// request's method or path: r.Method, http.Method*, a rest/path segment
// slice, r.URL.Path or r.PathValue.
func routes(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || found {
			return !found
		}
		var exprs []ast.Node
		if sw.Tag != nil {
			exprs = append(exprs, sw.Tag)
		}
		for _, st := range sw.Body.List {
			for _, e := range st.(*ast.CaseClause).List {
				exprs = append(exprs, e)
			}
		}
		for _, e := range exprs {
			if readsRoute(e) {
				found = true
			}
		}
		return !found
	})
	return found
}

func readsRoute(e ast.Node) bool {
	hit := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if x.Sel.Name == "Method" || x.Sel.Name == "Path" || x.Sel.Name == "PathValue" || strings.HasPrefix(x.Sel.Name, "Method") {
				hit = true
			}
		case *ast.Ident:
			if x.Name == "rest" || x.Name == "path" || x.Name == "segments" {
				hit = true
			}
		}
		return !hit
	})
	return hit
}

// TestLongRoutersFound keeps TestNoLongRouters honest: it must see a long
// method switch and ignore a long switch on something else.
func TestLongRoutersFound(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("\t_ = 0\n", maxRouterLines)
	src := "package p\nimport \"net/http\"\n" +
		"func router(r *http.Request) {\n\tswitch r.Method {\n\tcase http.MethodGet:\n\t}\n" + long + "}\n" +
		"func other(k int) {\n\tswitch k {\n\tcase 1:\n\t}\n" + long + "}\n" +
		"func short(r *http.Request, rest []string) {\n\tswitch len(rest) {\n\t}\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := longRouters(fset, f)
	if len(got) != 1 || got[0].name != "router" {
		t.Fatalf("found %+v, want only router", got)
	}
}
