package scripting

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// The shapes' pass (installPrototypeShapes) costs a run about 3 ms and
// 20,000 allocations once, and each call of a shape method a little after
// it (its wrapper); scripts that take a method off its object need it
// (fnshapes.go). The look at the text (mayTakeMethods) errs towards yes:
// `jsonData.json.name`, postman-echo's json field read off parsed JSON,
// reads like Response#json taken, and it is in most tests written against
// postman-echo (bench/run.sh's collection among them). takesMethods decides
// on the parsed tree of the scripts the text could not clear.

// mayTakeMethodsIn reports whether the script takes a shape method off its
// object: a look at the text first (the parsed tree is walked only for the
// scripts the text could not clear), the text's answer when the tree is
// not a script's function.
func mayTakeMethodsIn(fn *ast.FunctionLiteral, src string) bool {
	if !mayTakeMethods(src) && !mayTakeMethodsOtherwise(src) {
		return false
	}
	return fn == nil || takesMethods(fn)
}

// mayTakeMethodsOtherwise is the look at the text for the takes
// mayTakeMethods does not see: a destructuring pattern (`const {json} =
// pm.response`, `({json}) =>`, `function ({json})`), a computed member of
// pm's objects (`pm.response['js' + 'on']`), a quoted name in brackets
// (`pm.response['json']`), or a method of pm's constructed (`new
// pm.response.json()`).
func mayTakeMethodsOtherwise(src string) bool {
	// Hand-written scans, not regular expressions: compiling those cost
	// every run about 110 KB of allocations.
	return mayDestructure(src) || quotesMethodInBrackets(src) || mayComputePMMember(src)
}

// skipSpace is the index of the first byte at or after i that is not
// white space.
func skipSpace(src string, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// mayDestructure: `} =` (not == or =>), `}) =>`, or `function ... ({`.
func mayDestructure(src string) bool {
	for i := strings.IndexByte(src, '}'); i >= 0; {
		j := skipSpace(src, i+1)
		if j < len(src) && src[j] == '=' && (j+1 == len(src) || src[j+1] != '=' && src[j+1] != '>') {
			return true
		}
		if j < len(src) && src[j] == ')' {
			if k := skipSpace(src, j+1); strings.HasPrefix(src[k:], "=>") {
				return true
			}
		}
		n := strings.IndexByte(src[i+1:], '}')
		if n < 0 {
			break
		}
		i += n + 1
	}
	return mayDestructureParameters(src)
}

// mayDestructureParameters: `function ... ({`. Each scan goes on from
// where the last one stopped (an occurrence inside the name and spaces
// just skipped would stop at the same place): linear in src.
func mayDestructureParameters(src string) bool {
	for i := 0; ; {
		n := strings.Index(src[i:], "function")
		if n < 0 {
			return false
		}
		j := i + n + len("function")
		for j < len(src) && (isIdentByte(src[j]) || src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
			j++
		}
		if j < len(src) && src[j] == '(' {
			if k := skipSpace(src, j+1); k < len(src) && src[k] == '{' {
				return true
			}
		}
		i = j
	}
}

// quotesMethodInBrackets: `['json']` (any quote), a method's name.
func quotesMethodInBrackets(src string) bool {
	for i := strings.IndexByte(src, '['); i >= 0; {
		j := skipSpace(src, i+1)
		if j < len(src) && (src[j] == '\'' || src[j] == '"' || src[j] == '`') {
			if k := strings.IndexByte(src[j+1:], src[j]); k >= 0 && shapeMethods[src[j+1:j+1+k]] {
				if e := skipSpace(src, j+2+k); e < len(src) && src[e] == ']' {
					return true
				}
			}
		}
		n := strings.IndexByte(src[i+1:], '[')
		if n < 0 {
			break
		}
		i += n + 1
	}
	return false
}

// mayComputePMMember: a member chain from pm or postman with a computed
// member (`pm.response[k]`), or `new pm.`/`new postman.`.
func mayComputePMMember(src string) bool {
	for _, root := range []string{"pm", "postman"} {
		for i := 0; ; {
			n := strings.Index(src[i:], root)
			if n < 0 {
				break
			}
			start, end := i+n, i+n+len(root)
			i = start + 1
			if start > 0 && isIdentByte(src[start-1]) || end < len(src) && isIdentByte(src[end]) {
				continue
			}
			if precededByNew(src, start) {
				return true
			}
			j := end
			for j < len(src) && (isIdentByte(src[j]) || src[j] == '.' || src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
				j++
			}
			if j < len(src) && src[j] == '[' {
				return true
			}
			i = j // an occurrence before j would stop at j too: linear in src
		}
	}
	return false
}

// precededByNew: `new` and white space end just before src[i].
func precededByNew(src string, i int) bool {
	j := i
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t' || src[j-1] == '\n' || src[j-1] == '\r') {
		j--
	}
	return j < i && j >= 3 && src[j-3:j] == "new" && (j == 3 || !isIdentByte(src[j-4]))
}

// takesMethods reports whether the script (its parsed function) reads a
// shape method's name off an object other than to call it there:
//   - `x.one` or `x['one']` read as a value (`const f = list.one`,
//     `list.one.call(other)`, `[1].map(pm.variables.replaceIn)`), where x is
//     not parsed JSON (a name bound once to `pm.response.json()` or
//     `JSON.parse(...)`, and never assigned again: its members are data);
//   - a destructuring pattern with a method's name as its key (`const
//     {json} = pm.response`), unless it destructures parsed JSON;
//   - a computed member of pm or postman (`pm.response['js' + 'on']`);
//   - a method's name or path quoted to lodash (`_.get(pm, 'response.json')`).
//
// A member called where it is read (`x.one()`, `x.one?.()`, a tag), assigned
// (`x.one = f`), looked at with typeof or delete, compared with === and
// !==, or used as an object (`x.variables.set()`: see functionMembers)
// takes nothing; nor do pm.variables (the scope) and chai's words
// (`pm.response.to.be.json`).
func takesMethods(fn *ast.FunctionLiteral) bool {
	s := scanTakes(fn)
	walkASTPruned(reflect.ValueOf(fn.Body), func(n ast.Node) bool {
		if !s.takes {
			s.takes = s.takesAt(n)
		}
		return !s.takes
	})
	return s.takes
}

// functionMembers are the members a function has (own or from
// Function.prototype and Object.prototype): reading another member of a
// member (`x.variables.set`, `x.filter.supported`) uses it as an object, and
// a method read so answers as an object would (undefined, or "is not a
// function" in the same words).
var functionMembers = map[string]bool{"call": true, "apply": true, "bind": true, "toString": true, "length": true,
	"name": true, "prototype": true, "arguments": true, "caller": true, "constructor": true, "valueOf": true,
	"hasOwnProperty": true, "isPrototypeOf": true, "propertyIsEnumerable": true, "toLocaleString": true,
	"__proto__": true, "__defineGetter__": true, "__defineSetter__": true, "__lookupGetter__": true, "__lookupSetter__": true}

// scanTakes is takesMethods' first walk.
func scanTakes(fn *ast.FunctionLiteral) *takeScan {
	s := &takeScan{excused: map[ast.Node]bool{}, binds: map[unistring.String]int{}, inits: map[unistring.String][]ast.Expression{},
		patterns: map[*ast.ObjectPattern]ast.Expression{}}
	walkAST(reflect.ValueOf(fn.Body), s.note)
	// A name is data when each of its bindings gives it data, which may be
	// another data name's member (var user = responseJSON.user || {}).
	// Chains deeper than 8 names stay unknown (towards yes), so a hostile
	// script's thousands of names cost 8 passes at most.
	s.data = map[unistring.String]bool{}
	for round, changed := 0, true; changed && round < 8; round++ {
		changed = false
		for name, inits := range s.inits {
			if !s.data[name] && len(inits) == s.binds[name] && allParsedJSON(inits, s.data) {
				s.data[name], changed = true, true
			}
		}
	}
	return s
}

func allParsedJSON(es []ast.Expression, data map[unistring.String]bool) bool {
	for _, e := range es {
		if !isParsedJSON(e, data) {
			return false
		}
	}
	return true
}

// takeScan is takesMethods' state: the first walk notes which member reads
// take nothing, each name's bindings and those bound to parsed JSON, and
// what each destructuring pattern destructures (excused also holds the
// bindings seen).
type takeScan struct {
	excused map[ast.Node]bool
	binds   map[unistring.String]int
	// inits are the values each name is bound or assigned (= only); data
	// names those bound only to parsed JSON.
	inits    map[unistring.String][]ast.Expression
	data     map[unistring.String]bool
	patterns map[*ast.ObjectPattern]ast.Expression
	takes    bool
}

// note is the first walk's look at one node.
func (s *takeScan) note(n ast.Node) {
	switch n := n.(type) {
	case *ast.CallExpression:
		s.excused[unwrapOptional(n.Callee)] = true
	case *ast.TemplateLiteral:
		if n.Tag != nil {
			s.excused[unwrapOptional(n.Tag)] = true
		}
	case *ast.AssignExpression:
		s.noteAssign(n)
	case *ast.UnaryExpression:
		s.noteUnary(n)
	case *ast.DotExpression:
		if !functionMembers[string(n.Identifier.Name)] {
			s.excused[n.Left] = true // x.variables.set(): an object, no method
		}
	case *ast.BinaryExpression:
		if n.Operator == token.STRICT_EQUAL || n.Operator == token.STRICT_NOT_EQUAL {
			s.excused[n.Left], s.excused[n.Right] = true, true
		}
	case *ast.Binding:
		s.noteBinding(n)
	case *ast.FunctionLiteral:
		s.bind(n.Name)
	case *ast.ParameterList:
		s.bind(n.Rest) // the others are Bindings
	case *ast.ForDeclaration:
		s.bind(n.Target) // for (const d of ...)
	case *ast.ClassLiteral:
		s.bind(n.Name)
	case *ast.CatchStatement:
		s.bind(n.Parameter)
	case *ast.ForIntoExpression:
		s.bind(n.Expression)
	}
}

func (s *takeScan) noteUnary(n *ast.UnaryExpression) {
	switch n.Operator {
	case token.TYPEOF, token.DELETE:
		s.excused[n.Operand] = true
	case token.INCREMENT, token.DECREMENT:
		s.bind(n.Operand)
	}
}

func (s *takeScan) noteBinding(n *ast.Binding) {
	if s.excused[n] {
		return // seen already: a function's DeclarationList holds its var bindings again
	}
	s.excused[n] = true
	s.bind(n.Target)
	if id, ok := n.Target.(*ast.Identifier); ok && n.Initializer != nil {
		s.inits[id.Name] = append(s.inits[id.Name], n.Initializer)
	}
	if p, ok := n.Target.(*ast.ObjectPattern); ok {
		s.patterns[p] = n.Initializer
	}
}

func (s *takeScan) noteAssign(n *ast.AssignExpression) {
	s.bind(n.Left)
	if n.Operator != token.ASSIGN {
		return
	}
	s.excused[n.Left] = true
	if id, ok := n.Left.(*ast.Identifier); ok {
		s.inits[id.Name] = append(s.inits[id.Name], n.Right)
	}
	if p, ok := n.Left.(*ast.ObjectPattern); ok {
		s.patterns[p] = n.Right
	}
}

// bind counts the names a binding target or an assigned expression binds
// (every identifier in a pattern, its defaults' too: more bindings only
// make fewer names parsed JSON).
func (s *takeScan) bind(target ast.Node) {
	switch t := target.(type) {
	case nil:
	case *ast.Identifier:
		if t != nil {
			s.binds[t.Name]++
		}
	case *ast.ObjectPattern, *ast.ArrayPattern:
		m := map[unistring.String]bool{}
		namesIn(reflect.ValueOf(t), m)
		for name := range m {
			s.binds[name]++
		}
	}
}

// takesAt is the second walk's look at one node.
func (s *takeScan) takesAt(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.WithStatement:
		return true // with (pm.response) { json.call(x) }: bare names may be methods
	case *ast.DotExpression:
		if s.callsUnnamed(n) {
			return true
		}
		return s.takesMember(n, n.Left, string(n.Identifier.Name))
	case *ast.BracketExpression:
		switch m := n.Member.(type) {
		case *ast.StringLiteral:
			return s.takesMember(n, n.Left, string(m.Value))
		case *ast.NumberLiteral, *ast.BooleanLiteral, *ast.NullLiteral:
			return false // path[1]: no method's name
		}
		// A computed member of pm's objects may be any method.
		root := chainRoot(n.Left)
		return !s.excused[n] && (root == "pm" || root == "postman")
	case *ast.ObjectPattern:
		return !isParsedJSON(s.patterns[n], s.data) && patternTakes(n)
	case *ast.CallExpression:
		return chainRoot(n.Callee) == "_" && quotesMethod(n.ArgumentList)
	}
	return false
}

// callsUnnamed: n is .call, .apply or .bind of a function no name reads
// off its object: a computed member (`r[m].call(x)`, r not parsed JSON)
// or a call's result (`Reflect.get(pm.response, 'json').call(x)`), which
// may be a method taken.
func (s *takeScan) callsUnnamed(n *ast.DotExpression) bool {
	if name := n.Identifier.Name; name != "call" && name != "apply" && name != "bind" {
		return false
	}
	switch l := unwrapOptional(n.Left).(type) {
	case *ast.CallExpression:
		return true
	case *ast.BracketExpression:
		switch l.Member.(type) {
		case *ast.StringLiteral, *ast.NumberLiteral:
			return false // a name the member read looks at itself
		}
		return !isParsedJSON(l.Left, s.data)
	}
	return false
}

// takesMember: the member name of left, read at node n, is a method taken.
func (s *takeScan) takesMember(n, left ast.Expression, name string) bool {
	if !shapeMethods[name] || s.excused[n] || isParsedJSON(left, s.data) {
		return false
	}
	if id, ok := left.(*ast.Identifier); ok && id.Name == "pm" && name == "variables" {
		return false // the scope (pmScope)
	}
	if d, ok := left.(*ast.DotExpression); ok && chaiWords[string(d.Identifier.Name)] {
		return false // pm.response.to.be.json
	}
	return true
}

// patternTakes: a pattern's key names a method, or is computed.
func patternTakes(p *ast.ObjectPattern) bool {
	for _, prop := range p.Properties {
		switch prop := prop.(type) {
		case *ast.PropertyShort:
			if shapeMethods[string(prop.Name.Name)] {
				return true
			}
		case *ast.PropertyKeyed:
			if prop.Computed {
				return true
			}
			switch k := prop.Key.(type) {
			case *ast.StringLiteral:
				if shapeMethods[string(k.Value)] {
					return true
				}
			case *ast.Identifier:
				if shapeMethods[string(k.Name)] {
					return true
				}
			}
		}
	}
	return false
}

// quotesMethod: an argument is a quoted method name or a path ending in
// one ('json', 'response.json').
func quotesMethod(args []ast.Expression) bool {
	for _, a := range args {
		if lit, ok := a.(*ast.StringLiteral); ok {
			v := string(lit.Value)
			if shapeMethods[v[strings.LastIndexByte(v, '.')+1:]] {
				return true
			}
		}
	}
	return false
}

// isParsedJSON: e is parsed JSON, or a member of it: what a json() or
// JSON.parse returns, a name in data, {} or [], or either of two such
// (`data.user || {}`).
func isParsedJSON(e ast.Expression, data map[unistring.String]bool) bool {
	switch x := chainBase(e).(type) {
	case *ast.Identifier:
		return data[x.Name]
	case *ast.CallExpression:
		// A response's json() (pm.response's, pm.sendRequest's
		// response's), or JSON.parse.
		d, ok := x.Callee.(*ast.DotExpression)
		return ok && (d.Identifier.Name == "json" || d.Identifier.Name == "jsonp") || isCallOf(x.Callee, "JSON", "parse")
	case *ast.BinaryExpression:
		// data.user || {}
		logical := x.Operator == token.LOGICAL_OR || x.Operator == token.LOGICAL_AND || x.Operator == token.COALESCE
		return logical && isParsedJSON(x.Left, data) && isParsedJSON(x.Right, data)
	case *ast.ObjectLiteral:
		return len(x.Value) == 0
	case *ast.ArrayLiteral:
		return len(x.Value) == 0
	}
	return false
}

// chainBase is what a member chain (a.b[c]?.d) is read off.
func chainBase(e ast.Expression) ast.Expression {
	for {
		switch x := e.(type) {
		case *ast.DotExpression:
			e = x.Left
		case *ast.BracketExpression:
			e = x.Left
		case *ast.Optional:
			e = x.Expression
		case *ast.OptionalChain:
			e = x.Expression
		default:
			return e
		}
	}
}

// isCallOf: callee is the member path names (pm.response.json).
func isCallOf(callee ast.Expression, names ...string) bool {
	for i := len(names) - 1; i > 0; i-- {
		d, ok := callee.(*ast.DotExpression)
		if !ok || string(d.Identifier.Name) != names[i] {
			return false
		}
		callee = d.Left
	}
	id, ok := callee.(*ast.Identifier)
	return ok && string(id.Name) == names[0]
}

// chainRoot is the name a member chain starts from ("" when it starts
// from something else).
func chainRoot(e ast.Expression) string {
	if id, ok := chainBase(e).(*ast.Identifier); ok {
		return string(id.Name)
	}
	return ""
}

func unwrapOptional(e ast.Expression) ast.Expression {
	for {
		switch x := e.(type) {
		case *ast.Optional:
			e = x.Expression
		case *ast.OptionalChain:
			e = x.Expression
		default:
			return e
		}
	}
}
