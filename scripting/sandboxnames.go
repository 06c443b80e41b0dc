package scripting

import (
	"reflect"
	"slices"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
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
	sandboxCommonList = []string{
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
		"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"}
	sandboxResponseList = []string{"responseCookies", "responseHeaders", "responseTime", "responseCode", "responseBody"}
	sandboxCommon       = names(sandboxCommonList...)
	sandboxResponse     = names(sandboxResponseList...)
)

// sandboxNewerList is the scope of Postman CLI 1.34's newer runtime (v12
// runs), in its order, as Object.keys of a script's top-level this lists
// it there (fresh-round7r-b.json).
var sandboxNewerList = []string{
	"Object", "Function", "Array", "Number", "parseFloat", "parseInt", "Infinity", "NaN", "undefined", "Boolean",
	"String", "Symbol", "Date", "Promise", "RegExp", "Error", "AggregateError", "EvalError", "RangeError",
	"ReferenceError", "SyntaxError", "TypeError", "URIError", "JSON", "Math", "Intl", "ArrayBuffer", "Atomics",
	"Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "BigUint64Array",
	"BigInt64Array", "Uint8ClampedArray", "Float32Array", "Float64Array", "DataView", "Map", "BigInt", "Set",
	"WeakMap", "WeakSet", "Proxy", "Reflect", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent",
	"escape", "unescape", "isFinite", "isNaN", "SharedArrayBuffer", "URL", "URLSearchParams", "DOMException",
	"AbortController", "AbortSignal", "Event", "EventTarget", "TextEncoder", "TextDecoder", "TransformStream",
	"TransformStreamDefaultController", "WritableStream", "WritableStreamDefaultController",
	"WritableStreamDefaultWriter", "ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader",
	"ReadableStreamBYOBRequest", "ReadableByteStreamController", "ReadableStreamDefaultController",
	"ByteLengthQueuingStrategy", "CountQueuingStrategy", "TextEncoderStream", "TextDecoderStream", "CompressionStream",
	"DecompressionStream", "queueMicrotask", "structuredClone", "atob", "btoa", "Blob", "crypto", "Crypto",
	"CryptoKey", "SubtleCrypto", "_", "CryptoJS", "tv4", "xml2Json", "Backbone", "cheerio", "tests", "globals",
	"environment", "data", "request", "iteration", "postman", "Buffer", "File", "console", "pm", "setTimeout",
	"setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate",
}

// sandboxOrder lists a script's sandbox names in the order Postman's
// scope object has them (Object.keys of a script's top-level this): the
// response globals of a test script come after request. newer: Postman
// CLI's newer runtime (v12 runs).
func sandboxOrder(listen string, newer bool) []string {
	list := sandboxCommonList
	if newer {
		list = sandboxNewerList
	}
	if listen == "prerequest" {
		return list
	}
	out := make([]string, 0, len(list)+len(sandboxResponseList))
	for _, n := range list {
		out = append(out, n)
		if n == "request" {
			out = append(out, sandboxResponseList...)
		}
	}
	return out
}

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
	fn := scriptFunction(prg)
	if fn == nil {
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

// scriptFunction is the wrapper function around the user's script.
func scriptFunction(prg *ast.Program) *ast.FunctionLiteral {
	if len(prg.Body) != 1 {
		return nil
	}
	es, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	fn, ok := es.Expression.(*ast.FunctionLiteral)
	if !ok || fn.Body == nil || fn.ParameterList == nil {
		return nil
	}
	return fn
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

// assignedSandboxNames lists, in order of appearance, the sandbox globals
// the script assigns to: x = …, x += …, x++, [x] = …, ({x} = …),
// for (x in/of …), anywhere in the script. In Postman they are parameters
// of the script's function, so such an assignment stays in the script;
// making exactly those parameters here keeps them from leaking into later
// scripts while every other global is read as it is. Declarations (var,
// let, const, function parameters) are not assignments to the global; an
// assignment to a nested function's own variable of the same name only adds
// a harmless parameter.
func assignedSandboxNames(body ast.Node, listen string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(ns []lexicalName) {
		for _, n := range ns {
			if !seen[n.name] && inSandboxScope(listen, n.name) {
				seen[n.name] = true
				out = append(out, n.name)
			}
		}
	}
	walkAST(reflect.ValueOf(body), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.AssignExpression:
			add(bindingNames(nil, x.Left))
		case *ast.UnaryExpression:
			// delete _ too: deleting a parameter is false and keeps it.
			if x.Operator == token.INCREMENT || x.Operator == token.DECREMENT || x.Operator == token.DELETE {
				add(bindingNames(nil, x.Operand))
			}
		case *ast.ForInStatement:
			if into, ok := x.Into.(*ast.ForIntoExpression); ok {
				add(bindingNames(nil, into.Expression))
			}
		case *ast.ForOfStatement:
			if into, ok := x.Into.(*ast.ForIntoExpression); ok {
				add(bindingNames(nil, into.Expression))
			}
		}
	})
	return out
}

// declaredSandboxNames lists the sandbox globals the script declares with
// var (anywhere outside its nested functions: goja's parser keeps them on
// the wrapper's DeclarationList) or with a function declaration at its top
// level. In Newman 6.2.2 they are parameters of the script's function, so
// such a declaration starts with the global's value: var CryptoJS =
// CryptoJS || {...}, as bundled CryptoJS and jsrsasign copies write it,
// keeps the sandbox's CryptoJS, and var pm = pm keeps pm
// (fresh-round8p-vars.json). let, const and class are left out: at the top
// level they clash with the parameter (scopeClash), in a block they shadow
// it either way.
func declaredSandboxNames(fn *ast.FunctionLiteral, listen string) []string {
	var out []string
	add := func(name string) {
		if inSandboxScope(listen, name) && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, d := range fn.DeclarationList {
		for _, b := range d.List {
			for _, n := range bindingNames(nil, b.Target) {
				add(n.name)
			}
		}
	}
	for _, st := range fn.Body.List {
		if d, ok := st.(*ast.FunctionDeclaration); ok && d.Function != nil && d.Function.Name != nil {
			add(string(d.Function.Name.Name))
		}
	}
	return out
}

var astPkg = reflect.TypeOf(ast.Identifier{}).PkgPath()

// walkAST calls visit for every node below v. goja's AST has no walker and
// no parent links, so reflection over its node structs reaches them all.
func walkAST(v reflect.Value, visit func(ast.Node)) {
	walkASTPruned(v, func(n ast.Node) bool {
		visit(n)
		return true
	})
}

// walkASTPruned is walkAST where visit decides whether a node's children
// are walked too (false skips them).
func walkASTPruned(v reflect.Value, visit func(ast.Node) bool) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return
		}
		if n, ok := v.Interface().(ast.Node); ok && v.Kind() == reflect.Pointer {
			if !visit(n) {
				return
			}
		}
		walkASTPruned(v.Elem(), visit)
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return
		}
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			// A function's or program's DeclarationList holds its var
			// bindings a second time (goja's hoisting list, the same
			// nodes as in the body): walking it met every var initializer
			// twice, and a pass that edits what it meets edited it twice.
			if t.Field(i).Name == "DeclarationList" {
				continue
			}
			walkASTPruned(v.Field(i), visit)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkASTPruned(v.Index(i), visit)
		}
	}
}
