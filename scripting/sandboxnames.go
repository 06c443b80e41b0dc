package scripting

import (
	"regexp"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
)

// Postman's sandbox runs a script as the body of a function whose
// parameters are every name of the sandbox's global scope (postman-sandbox
// through uniscope). A top-level let, const or class declaring one of them
// is therefore a SyntaxError there ("Identifier 'data' has already been
// declared") and the script does not run at all; var and function
// declarations are allowed. The lists are what Newman 6.2.2's sandbox has
// in scope, read from the scope object of a running test and pre-request
// script; a pre-request script has no response yet, so the response
// globals are not among its names.
var (
	sandboxCommon = names(
		// JavaScript's own globals.
		"Object", "Function", "Array", "Number", "parseFloat", "parseInt", "Infinity", "NaN", "undefined",
		"Boolean", "String", "Symbol", "Date", "Promise", "RegExp", "Error", "EvalError", "RangeError",
		"ReferenceError", "SyntaxError", "TypeError", "URIError", "JSON", "Math", "ArrayBuffer", "Uint8Array",
		"Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array",
		"Uint8ClampedArray", "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt", "Set", "WeakMap",
		"WeakSet", "Proxy", "Reflect", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent",
		"escape", "unescape", "isFinite", "isNaN", "SharedArrayBuffer", "Atomics",
		// The sandbox's libraries and legacy API.
		"_", "CryptoJS", "atob", "btoa", "tv4", "xml2Json", "Backbone", "cheerio", "tests", "globals",
		"environment", "data", "request", "iteration", "postman", "Buffer", "console", "pm",
		"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate")
	sandboxResponse = names("responseCookies", "responseHeaders", "responseTime", "responseCode", "responseBody")
)

func names(list ...string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, n := range list {
		m[n] = true
	}
	return m
}

// inSandboxScope reports whether name is a parameter of Postman's script
// function for a script of the given listen ("prerequest" or "test").
func inSandboxScope(listen, name string) bool {
	return sandboxCommon[name] || (listen != "prerequest" && sandboxResponse[name])
}

// lexicalName is a name a script declares with let, const or class at its
// top level, and where.
type lexicalName struct {
	name string
	idx  file.Idx
}

// topLexicalNames lists the let/const/class names declared directly in the
// body of the wrapped script function (destructuring included).
func topLexicalNames(prg *ast.Program) []lexicalName {
	if len(prg.Body) != 1 {
		return nil
	}
	es, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	fn, ok := es.Expression.(*ast.FunctionLiteral)
	if !ok || fn.Body == nil {
		return nil
	}
	var out []lexicalName
	for _, st := range fn.Body.List {
		switch d := st.(type) {
		case *ast.LexicalDeclaration:
			for _, b := range d.List {
				out = bindingNames(out, b.Target)
			}
		case *ast.ClassDeclaration:
			if d.Class != nil && d.Class.Name != nil {
				out = append(out, lexicalName{string(d.Class.Name.Name), d.Class.Name.Idx})
			}
		}
	}
	return out
}

func bindingNames(out []lexicalName, target ast.Node) []lexicalName {
	switch t := target.(type) {
	case *ast.Identifier:
		out = append(out, lexicalName{string(t.Name), t.Idx})
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				out = append(out, lexicalName{string(p.Name.Name), p.Name.Idx})
			case *ast.PropertyKeyed:
				out = bindingNames(out, p.Value)
			}
		}
		if t.Rest != nil {
			out = bindingNames(out, t.Rest)
		}
	case *ast.ArrayPattern:
		for _, el := range t.Elements {
			if el != nil {
				out = bindingNames(out, el)
			}
		}
		if t.Rest != nil {
			out = bindingNames(out, t.Rest)
		}
	case *ast.AssignExpression: // a default: [x = 1] or {x: y = 1}
		out = bindingNames(out, t.Left)
	case *ast.SpreadElement:
		out = bindingNames(out, t.Expression)
	}
	return out
}

// listenClass groups listens by their sandbox scope: only test scripts have
// the response globals.
func listenClass(listen string) string {
	if listen == "prerequest" {
		return "prerequest"
	}
	return "test"
}

var identifier = regexp.MustCompile(`[A-Za-z_$][\w$]*`)

// assignedSandboxNames lists, in order of first appearance, the sandbox
// globals the script assigns to (x = …, x += …, x++, ++x). In Postman they
// are parameters of the script's function, so such an assignment stays in
// the script; making exactly those parameters here keeps them from leaking
// into later scripts while every other global is read as it is. A match
// inside a string or comment only adds a harmless parameter.
func assignedSandboxNames(src, listen string) []string {
	var out []string
	seen := map[string]bool{}
	for _, loc := range identifier.FindAllStringIndex(src, -1) {
		name := src[loc[0]:loc[1]]
		if seen[name] || !inSandboxScope(listen, name) {
			continue
		}
		before := strings.TrimRight(src[:loc[0]], " \t")
		if strings.HasSuffix(before, ".") && !strings.HasSuffix(before, "...") {
			continue // a property: x.data = …
		}
		after := strings.TrimLeft(src[loc[1]:], " \t")
		if isAssignment(after) || strings.HasSuffix(before, "++") || strings.HasSuffix(before, "--") {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// isAssignment reports whether rest starts with an assignment operator
// (not ==, === or an arrow =>).
func isAssignment(rest string) bool {
	for _, op := range []string{"++", "--", "**=", "<<=", ">>>=", ">>=", "&&=", "||=", "??=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="} {
		if strings.HasPrefix(rest, op) {
			return true
		}
	}
	return strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") && !strings.HasPrefix(rest, "=>")
}
