package scripting

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

// V8 words a syntax error met where a call's argument list should go on
// (after a whole argument, at a token that is neither ',' nor ')') as
// "missing ) after argument list": the message of the commonest mistake
// in a Postman script, a pm.test( whose closing parenthesis is missing.
// goja names the token it met instead ("Unexpected end of input",
// "Unexpected identifier"), so the place of the error is looked at again:
// inArgumentList scans the code up to it (strings, comments, templates and
// regular expression literals skipped) and tells whether the innermost
// open bracket there is a call's '(' and the token before the error ends
// an expression. This runs only for a script that does not compile.

const v8MissingParen = "missing ) after argument list"

// argFrame is an open bracket: its byte, whether a '(' opens a call's
// arguments, whether it heads a control statement (if, while...), and
// whether a '{' holds members (an object literal or a class body).
type argFrame struct {
	open    byte
	call    bool
	control bool
	members bool
	rest    bool // a '...' met directly inside
	cond    int  // '?' met directly inside whose ':' has not come yet
}

// argTok is a token the scan met: its kind ('i' identifier or keyword,
// 'n' number, 's' string, 't' template end, 'r' regular expression, 'p'
// punctuator) and text.
type argTok struct {
	kind byte
	text string
}

// argScan is the state of the scan over src up to the error's offset.
type argScan struct {
	src    string
	stack  []argFrame
	toks   [3]argTok // the last three tokens, toks[0] the last
	closed argFrame  // the last bracket closed
	under  bool      // a bracket closed that the text did not open
	open   bool      // the text ends in a block comment never closed
}

// controlWords head a parenthesized part that is not a call.
var controlWords = map[string]bool{"if": true, "while": true, "for": true, "switch": true, "catch": true, "with": true}

// notCallee are words before '(' that do not make it a call (a keyword
// that takes an expression or a declaration, or a form V8 words otherwise).
var notCallee = map[string]bool{"function": true, "return": true, "typeof": true, "void": true, "delete": true, "in": true,
	"of": true, "instanceof": true, "new": true, "do": true, "else": true, "case": true, "throw": true, "yield": true,
	"await": true, "let": true, "const": true, "var": true, "import": true, "super": true, "class": true, "extends": true,
	"async": true}

// operatorWords are identifiers that do not end an expression.
var operatorWords = map[string]bool{"return": true, "typeof": true, "void": true, "delete": true, "in": true, "of": true,
	"instanceof": true, "new": true, "do": true, "else": true, "case": true, "throw": true, "yield": true, "await": true,
	"let": true, "const": true, "var": true, "extends": true}

// inArgumentList reports whether V8 would meet the token at off of src
// where it expects ',' or ')' after a call's argument.
func inArgumentList(src string, off int) bool {
	if off < 0 || off > len(src) {
		return false
	}
	s := &argScan{src: src}
	if !s.scanTo(off) {
		return false
	}
	if len(s.stack) == 0 {
		return false
	}
	top := s.stack[len(s.stack)-1]
	if top.open != '(' || !top.call || top.cond > 0 || !s.endsExpression() {
		return false
	}
	if off < len(src) && (src[off] == ',' || src[off] == ')') {
		return false
	}
	return true
}

// inTemplateSubstitution reports whether V8 would meet the token at off
// of src where a template's substitution should end ("Missing } in
// template expression").
func inTemplateSubstitution(src string, off int) bool {
	s := &argScan{src: src}
	if off < 0 || off > len(src) || !s.scanTo(off) || len(s.stack) == 0 {
		return false
	}
	top := s.stack[len(s.stack)-1]
	return top.open == '`' && top.cond == 0 && s.endsExpression() && (off == len(src) || src[off] != '}')
}

// endsExpression reports whether the last token can end an expression.
func (s *argScan) endsExpression() bool {
	t := s.toks[0]
	switch t.kind {
	case 'n', 's', 't', 'r':
		return true
	case 'i':
		return !operatorWords[t.text]
	case 'p':
		switch t.text {
		case ")", "]", "}", "++", "--":
			return true
		}
	}
	return false
}

func (s *argScan) push(t argTok) {
	s.toks[2], s.toks[1], s.toks[0] = s.toks[1], s.toks[0], t
}

// scanTo scans src up to off; false when the text is not understood (an
// unclosed string or comment before off).
func (s *argScan) scanTo(off int) bool {
	for i := 0; i < off; {
		next, ok := s.step(i)
		if !ok {
			return false
		}
		i = next
	}
	return true
}

// step scans the token (or blank) at src[i] and returns where the next
// starts.
func (s *argScan) step(i int) (int, bool) {
	src := s.src
	switch c := src[i]; {
	case strings.IndexByte(" \t\n\r\f\v", c) >= 0:
		return i + 1, true
	case startsCommentOrString(src, i):
		return s.skip(i)
	case c == '`':
		return s.template(i + 1), true
	case c == '}' && s.inSubstitution():
		s.stack = s.stack[:len(s.stack)-1]
		return s.template(i + 1), true
	case c == '/' && !s.endsExpression():
		return s.regexp(i), true
	case startsNumber(src, i):
		return s.word(i, 'n'), true
	case isIdentByte(c) || c >= 0x80 || c == '\\':
		return s.word(i, 'i'), true
	}
	return s.punctuator(i), true
}

// startsCommentOrString reports a comment or a quoted string at src[i].
func startsCommentOrString(src string, i int) bool {
	c := src[i]
	return c == '"' || c == '\'' || c == '/' && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*')
}

// startsNumber reports a number at src[i] (a digit, or a dot and a digit).
func startsNumber(src string, i int) bool {
	c := src[i]
	return c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9'
}

// inSubstitution reports a template substitution as the innermost bracket.
func (s *argScan) inSubstitution() bool {
	return len(s.stack) > 0 && s.stack[len(s.stack)-1].open == '`'
}

// skip passes the comment or string at src[i]; false when it does not end.
func (s *argScan) skip(i int) (int, bool) {
	end, _ := skipNonCode(s.src, i)
	if end < 0 || end >= len(s.src) {
		s.open = end < 0
		return i, false
	}
	if s.src[i] != '/' {
		s.push(argTok{kind: 's'})
	}
	return end + 1, true
}

// word scans a number (kind 'n': digits, letters, dots, an exponent's
// sign) or an identifier (kind 'i') starting at src[i].
func (s *argScan) word(i int, kind byte) int {
	src := s.src
	j := i + 1
	for j < len(src) {
		c := src[j]
		if isIdentByte(c) || c >= 0x80 || c == '\\' && kind == 'i' ||
			kind == 'n' && (c == '.' || (c == '+' || c == '-') && (src[j-1] == 'e' || src[j-1] == 'E')) {
			j++
			continue
		}
		break
	}
	t := argTok{kind: kind}
	if kind == 'i' {
		t.text = src[i:j]
	}
	s.push(t)
	return j
}

// template scans template text from i (after '`' or a substitution's
// '}') to its end or its next substitution; it returns where code goes on.
func (s *argScan) template(i int) int {
	src := s.src
	for ; i < len(src); i++ {
		switch {
		case src[i] == '\\':
			i++
		case src[i] == '`':
			s.push(argTok{kind: 't'})
			return i + 1
		case src[i] == '$' && i+1 < len(src) && src[i+1] == '{':
			s.stack = append(s.stack, argFrame{open: '`'})
			s.push(argTok{kind: 'p', text: "${"})
			return i + 2
		}
	}
	return i
}

// regexp scans a regular expression literal starting at src[i] ('/').
func (s *argScan) regexp(i int) int {
	src := s.src
	inClass := false
	for j := i + 1; j < len(src); j++ {
		switch c := src[j]; {
		case c == '\\':
			j++
		case c == '\n':
			return j
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			j++
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			s.push(argTok{kind: 'r'})
			return j
		}
	}
	return len(src)
}

// punctuator takes the punctuator at src[i], opening and closing brackets.
func (s *argScan) punctuator(i int) int {
	src := s.src
	c := src[i]
	switch c {
	case '(':
		s.stack = append(s.stack, argFrame{open: '(', call: s.callsAt(), control: s.toks[0].kind == 'i' && controlWords[s.toks[0].text]})
	case '[':
		s.stack = append(s.stack, argFrame{open: '['})
	case '{':
		s.stack = append(s.stack, argFrame{open: '{', members: s.membersAt()})
	case ')', ']', '}':
		if n := len(s.stack); n > 0 {
			s.closed = s.stack[n-1]
			s.stack = s.stack[:n-1]
		} else {
			s.under = true
		}
	}
	text := src[i : i+1]
	for _, p := range []string{"...", "=>", "++", "--", "?.", "&&", "||", "??"} {
		if strings.HasPrefix(src[i:], p) {
			text = p
			break
		}
	}
	if n := len(s.stack); n > 0 {
		switch text {
		case "...":
			s.stack[n-1].rest = true
		case "?":
			s.stack[n-1].cond++
		case ":":
			if s.stack[n-1].cond > 0 {
				s.stack[n-1].cond--
			}
		}
	}
	s.push(argTok{kind: 'p', text: text})
	return i + len(text)
}

// callsAt reports whether a '(' after the last tokens opens a call's
// arguments.
func (s *argScan) callsAt() bool {
	t := s.toks[0]
	switch t.kind {
	case 't':
		return true
	case 'i':
		if notCallee[t.text] || controlWords[t.text] {
			return false
		}
		if p := s.toks[1]; p.kind == 'i' && p.text == "function" || p.kind == 'p' && p.text == "*" {
			return false // a function's name
		}
		return !s.methodName()
	case 'p':
		switch t.text {
		case ")":
			return !s.closed.control
		case "]":
			return true
		}
	}
	return false
}

// methodName reports whether the identifier just scanned names a method
// of an object literal or a class body.
func (s *argScan) methodName() bool {
	n := len(s.stack)
	if n == 0 || !s.stack[n-1].members {
		return false
	}
	p := s.toks[1]
	if p.kind == 'i' {
		switch p.text {
		case "static", "get", "set", "async":
			return true
		}
		return false
	}
	return p.kind == 'p' && (p.text == "{" || p.text == "," || p.text == ";" || p.text == "}")
}

// membersAt reports whether a '{' after the last tokens opens an object
// literal or a class body (not a block or a function's body).
func (s *argScan) membersAt() bool {
	t, p := s.toks[0], s.toks[1]
	if t.kind == 'i' && (t.text == "class" || p.kind == 'i' && (p.text == "class" || p.text == "extends")) {
		return true
	}
	if t.kind == 'i' {
		return t.text == "return" || t.text == "typeof" || t.text == "in" || t.text == "of" || t.text == "case"
	}
	if t.kind != 'p' {
		return false
	}
	switch t.text {
	case ")", "]", "}", "{", "=>", "++", "--", ";":
		return false
	}
	return true
}

// missingParen is V8's message for goja's parser message msg met at
// line:col of code when V8 words it from the place ("missing ) after
// argument list", "Arg string terminates parameters early"), or "".
func missingParen(msg, code string, line, col int) string {
	if code == "" || !strings.HasPrefix(msg, "Unexpected ") || msg == "Unexpected token ILLEGAL" {
		return ""
	}
	off := offsetOrEnd(code, line, col)
	if argStringEarly(code, off) {
		return "Arg string terminates parameters early"
	}
	if msg == "Unexpected token ," && restBefore(code, off) {
		return "Rest parameter must be last formal parameter"
	}
	if msg == "Unexpected token )" || msg == "Unexpected token ," {
		return ""
	}
	if inArgumentList(code, off) {
		return v8MissingParen
	}
	if inTemplateSubstitution(code, off) {
		return "Missing } in template expression"
	}
	return ""
}

// restBefore reports whether the ',' at off follows a rest parameter
// ((...a, b) => 1, function f(...a, b) {}): the innermost open bracket is
// a '(' that is not a call's and holds a '...'.
func restBefore(code string, off int) bool {
	s := &argScan{src: code}
	if !s.scanTo(off) || len(s.stack) == 0 {
		return false
	}
	top := s.stack[len(s.stack)-1]
	return top.open == '(' && !top.call && top.rest
}

// offsetOrEnd is offsetAt's offset, or the end of src for a place past it
// (where goja puts "Unexpected end of input"); -1 when line:col is none.
func offsetOrEnd(src string, line, col int) int {
	if off := offsetAt(src, line, col); off >= 0 {
		return off
	}
	if line < 1 || col < 1 {
		return -1
	}
	return len(src)
}

// The source goja and V8 build for Function(params..., body), and the
// length of its start.
const (
	fnSourceStart = "(function anonymous("
	fnSourceMid   = "\n) {\n"
)

// functionArgs is the hook Function's arguments pass through (new
// Function(...__courierFnArgs(a, b, body))): it turns each to a string once,
// as V8 does, remembers the source goja will parse (so that its
// SyntaxError can be worded from it), refuses in V8's words what V8
// refuses before parsing (parameters that close the list themselves, a
// body that closes the function and goes on as other code) and hands back
// the arguments, the body with its regular expressions made V8's.
func (e *Engine) functionArgs(c goja.FunctionCall) goja.Value {
	args := c.Arguments
	for _, a := range args {
		if _, sym := a.(*goja.Symbol); sym {
			return e.rt.NewArray(valuesAsAny(args)...) // goja's TypeError then
		}
	}
	n := len(args)
	out := make([]any, n)
	strs := make([]string, n)
	for i, a := range args {
		strs[i] = a.String()
		out[i] = strs[i]
	}
	if n == 0 {
		return e.rt.NewArray()
	}
	params, body := strings.Join(strs[:n-1], ","), strs[n-1]
	e.lastEval = fnSourceStart + params + fnSourceMid + body + "\n})"
	if msg := dynamicFunctionMisfit(params, body, e.lastEval); msg != "" {
		e.throw("SyntaxError", msg)
	}
	out[n-1] = e.evalText(body, true, e.rt.ToValue(body))
	return e.rt.NewArray(out...)
}

func valuesAsAny(vs []goja.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// dynamicFunctionMisfit is V8's SyntaxError for Function parameters that
// close the parameter list ("a) {") or a body that closes the function and
// goes on as code that still parses ("})({"), or "". Only a text whose
// brackets close more than they open is parsed here.
func dynamicFunctionMisfit(params, body, src string) string {
	p := &argScan{src: params}
	if !p.scanTo(len(params)) && p.open {
		return "Unexpected end of arg string"
	}
	if p.under {
		return "Arg string terminates parameters early"
	}
	b := &argScan{src: body}
	if !b.scanTo(len(body)) || !b.under {
		return ""
	}
	prg, err := goja.Parse("", src)
	if err != nil {
		return "" // goja's own SyntaxError, worded from src
	}
	if len(prg.Body) == 1 {
		if es, ok := prg.Body[0].(*ast.ExpressionStatement); ok {
			if _, ok := es.Expression.(*ast.FunctionLiteral); ok {
				return ""
			}
		}
	}
	return "Single function literal required"
}

// argStringEarly reports whether a SyntaxError at off of src, the source
// of Function(params..., body), lies in the parameters after a whole
// parameter (new Function('a b', ...)): V8's "Arg string terminates
// parameters early".
func argStringEarly(src string, off int) bool {
	if !strings.HasPrefix(src, fnSourceStart) {
		return false
	}
	end := strings.Index(src, fnSourceMid)
	if off < len(fnSourceStart) || off >= end {
		return false
	}
	s := &argScan{src: src}
	if !s.scanTo(off) || len(s.stack) != 2 || !s.endsExpression() {
		return false
	}
	return src[off] != ','
}
