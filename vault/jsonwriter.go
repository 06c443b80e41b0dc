package vault

import (
	"io"
	"strconv"
	"sync"
	"unsafe"
)

// JSONScalars tells a JSONWriter which bare numbers, booleans and nulls in
// a document are the writer's own rather than data.
type JSONScalars struct {
	// Keep holds the object keys whose bare values (or the elements of
	// whose arrays) are the program's own measurements, counts and flags
	// (a response's size, a status code, a timestamp): they are written as
	// they are even when they equal a numeric secret, because they did not
	// come from one, and masking them would break the readers that expect
	// a number there.
	Keep map[string]bool
	// Data holds the keys under which everything is data (a variable's or
	// header's typed value): Keep does not apply anywhere below them.
	Data map[string]bool
	// Bytes holds the keys whose arrays are a body's bytes (a Buffer's
	// data, outside Data keys): such an array is masked as RedactBytes
	// masks a body when it closes, and written as byte values joined by
	// commas. The report is written at the end of a run, so this catches
	// a secret learned after the event that carried it was masked (a
	// token a script stores in a secret variable). An element that is not
	// a byte value ends the reading as bytes: the rest is written as any
	// array.
	Bytes map[string]bool
}

// JSONWriter returns a writer that redacts a JSON document written through
// it to w and keeps it valid JSON. Text inside strings (keys included) is
// masked as Writer masks it, never cutting an escape sequence in two. A
// bare number, boolean or null that a secret matches becomes the string
// "***" (a bare *** is not JSON), except under the keys sc.Keep names. Output
// that turns out not to be JSON is masked as plain text from there on, so
// nothing escapes the redactor. Call Flush when the document ends.
func (r *Redactor) JSONWriter(w io.Writer, sc JSONScalars) *JSONWriter {
	return &JSONWriter{r: r, w: w, sc: sc}
}

// JSONWriter redacts a JSON document; see Redactor.JSONWriter. Safe for
// concurrent use.
type JSONWriter struct {
	r  *Redactor
	w  io.Writer
	sc JSONScalars
	mu sync.Mutex

	state  jsonState
	buf    []byte // the current string's content so far, or the current bare token
	esc    bool   // in a string, the last byte began an escape
	isKey  bool   // the current string is an object key
	digit  bool   // the part of the current string already written ends with a digit
	frames []jsonFrame
	keys   map[string]string // see intern
	done   bool              // a whole top-level value has been written
	out    []byte
	text   *Writer // set once the output is not JSON
	// body holds the byte values of the Bytes array open, not yet
	// written; bodyComma says one was written before them and a comma is
	// due before the next.
	body      []byte
	bodyComma bool
}

type jsonState uint8

const (
	jsonBetween jsonState = iota // between tokens
	jsonString
	jsonBare
)

// jsonFrame is an open object or array.
type jsonFrame struct {
	object    bool
	expectKey bool   // in an object, the next string is a key
	key       string // an object's latest key; an array's own key
	data      bool   // under a Data key
	keep      bool   // a bare value here is the program's own (see JSONScalars)
	bytes     bool   // a Bytes array whose elements are all byte values so far
}

// maxStringHold is how much of one string the writer holds before it
// writes the part no secret can still reach past; a report's strings can be
// whole request bodies.
const maxStringHold = 64 << 10

// maxBare is the longest bare token (a number written out in full) before
// the output is taken for something other than JSON.
const maxBare = 1 << 10

// Write implements io.Writer.
func (jw *JSONWriter) Write(p []byte) (int, error) {
	jw.mu.Lock()
	defer jw.mu.Unlock()
	if jw.text != nil {
		return jw.text.Write(p)
	}
	jw.out = jw.out[:0]
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch jw.state {
		case jsonString:
			jw.stringByte(c)
			continue
		case jsonBare:
			if isBareByte(c) && len(jw.buf) < maxBare {
				jw.buf = append(jw.buf, c)
				continue
			}
			if isBareByte(c) || !validBare(jw.buf) {
				return len(p), jw.toText(p[i:])
			}
			jw.endBare()
		}
		if !jw.between(c) {
			return len(p), jw.toText(p[i:])
		}
	}
	if len(jw.out) > 0 {
		if _, err := jw.w.Write(jw.out); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// between handles a byte outside strings and bare tokens; false means the
// output is not JSON.
func (jw *JSONWriter) between(c byte) bool {
	ok := true
	if top := jw.top(); top != nil && top.bytes {
		switch c {
		case ' ', '\t', '\n', '\r', ',':
			return true // written with the values when the array closes
		case ']':
			jw.writeBody()
		case '"', '{', '[':
			jw.endBody() // not a byte value: the rest is an ordinary array
		}
	}
	switch c {
	case ' ', '\t', '\n', '\r':
	case '{', '[', '}', ']':
		ok = !jw.done && jw.bracket(c)
	case ',', ':':
		ok = !jw.done && jw.punct(c)
	case '"':
		if jw.done {
			return false // a second document: not JSON
		}
		top := jw.top()
		jw.state, jw.buf, jw.esc, jw.digit = jsonString, jw.buf[:0], false, false
		jw.isKey = top != nil && top.object && top.expectKey
	default:
		if jw.done || !isBareByte(c) {
			return false // after a whole document, or not JSON at all
		}
		jw.state, jw.buf = jsonBare, append(jw.buf[:0], c)
		return true
	}
	if ok {
		jw.out = append(jw.out, c)
	}
	return ok
}

// bracket opens or closes an object or array.
func (jw *JSONWriter) bracket(c byte) bool {
	top := jw.top()
	if c == '{' || c == '[' {
		f := jsonFrame{object: c == '{', expectKey: c == '{'}
		if top != nil {
			f.key = top.key
			f.data = top.data || jw.sc.Data[top.key]
			f.keep = !f.object && !f.data && jw.sc.Keep[f.key] // an array's elements
			// Without secrets a body is written as it comes, unread.
			f.bytes = !f.object && !f.data && jw.sc.Bytes[f.key] && jw.r.Len() > 0
			jw.body, jw.bodyComma = jw.body[:0], false
		}
		jw.frames = append(jw.frames, f)
		return true
	}
	if top == nil || top.object != (c == '}') {
		return false
	}
	jw.frames = jw.frames[:len(jw.frames)-1]
	jw.done = len(jw.frames) == 0
	return true
}

// punct handles "," and ":", which say whether a key comes next.
func (jw *JSONWriter) punct(c byte) bool {
	top := jw.top()
	if c == ',' {
		if top != nil && top.object {
			top.expectKey = true
		}
		return top != nil
	}
	if top == nil || !top.object {
		return false
	}
	top.expectKey = false
	return true
}

// intern returns key as a string, the same string for a key seen before:
// a report repeats a few dozen keys thousands of times.
func (jw *JSONWriter) intern(key []byte) string {
	if k, ok := jw.keys[string(key)]; ok {
		return k
	}
	k := string(key)
	if jw.keys == nil {
		jw.keys = map[string]string{}
	}
	if len(jw.keys) < 1024 {
		jw.keys[k] = k
	}
	return k
}

func (jw *JSONWriter) top() *jsonFrame {
	if len(jw.frames) == 0 {
		return nil
	}
	return &jw.frames[len(jw.frames)-1]
}

// validBare reports whether tok is a JSON literal or number.
func validBare(tok []byte) bool {
	switch string(tok) {
	case "true", "false", "null":
		return true
	}
	i := 0
	if i < len(tok) && tok[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for ; i < len(tok) && isDigit(tok[i]); i++ {
			n++
		}
		return n
	}
	if n := digits(); n == 0 || n > 1 && tok[i-n] == '0' {
		return false
	}
	if i < len(tok) && tok[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(tok) && (tok[i] == 'e' || tok[i] == 'E') {
		i++
		if i < len(tok) && (tok[i] == '+' || tok[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(tok)
}

func isBareByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.'
}

// stringByte adds a byte of a string; the closing quote writes it masked.
func (jw *JSONWriter) stringByte(c byte) {
	switch {
	case jw.esc:
		jw.esc = false
	case c == '\\':
		jw.esc = true
	case c == '"':
		if jw.isKey {
			top := jw.top()
			top.key = jw.intern(jw.buf)
			top.keep = !top.data && !jw.sc.Data[top.key] && jw.sc.Keep[top.key]
		}
		// Read in place: the spans are computed before buf changes.
		content := unsafe.String(unsafe.SliceData(jw.buf), len(jw.buf))
		if spans := jw.r.segmentSpans(content, jw.digit, jsonEscape); len(spans) > 0 {
			jw.out = append(jw.out, replaceSpans(content, spans)...)
		} else {
			jw.out = append(jw.out, jw.buf...)
		}
		jw.out = append(jw.out, '"')
		jw.state, jw.buf = jsonBetween, jw.buf[:0]
		jw.done = len(jw.frames) == 0
		return
	}
	jw.buf = append(jw.buf, c)
	if len(jw.buf) > maxStringHold && !jw.isKey {
		jw.writeStringHead()
	}
}

// writeStringHead writes the start of a long string, holding back the
// tail a secret could still run on into.
func (jw *JSONWriter) writeStringHead() {
	s := string(jw.buf)
	head, cut := jw.r.segmentHead(s, jw.digit, jsonEscape)
	if cut == 0 {
		return
	}
	jw.out = append(jw.out, head...)
	jw.digit = isDigit(s[cut-1])
	jw.buf = append(jw.buf[:0], s[cut:]...)
}

// endBare writes the bare token just ended: as it is when it is the
// program's own (see JSONScalars) or no secret matches it, else as "***".
func (jw *JSONWriter) endBare() {
	tok := string(jw.buf)
	jw.state, jw.buf = jsonBetween, jw.buf[:0]
	jw.done = len(jw.frames) == 0
	if top := jw.top(); top != nil && top.bytes {
		if v, ok := byteValue(tok); ok {
			jw.body = append(jw.body, v)
			return
		}
		jw.endBody()
	}
	if top := jw.top(); top != nil && top.keep {
		jw.out = append(jw.out, tok...)
		return
	}
	if jw.r.redact(tok, false) != tok {
		jw.out = append(jw.out, `"`+Mask+`"`...)
		return
	}
	jw.out = append(jw.out, tok...)
}

// byteValue reads a bare token that is a byte value (0 to 255, written
// as encoding/json writes it).
func byteValue(tok string) (byte, bool) {
	if len(tok) == 0 || len(tok) > 3 || len(tok) > 1 && tok[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(tok); i++ {
		if !isDigit(tok[i]) {
			return 0, false
		}
		n = n*10 + int(tok[i]-'0')
	}
	return byte(n), n <= 255
}

// writeBody writes the byte values held for the open Bytes array,
// masked as a body.
func (jw *JSONWriter) writeBody() {
	for i, c := range jw.r.RedactBytes(jw.body) {
		if i > 0 || jw.bodyComma {
			jw.out = append(jw.out, ',')
		}
		jw.out = strconv.AppendUint(jw.out, uint64(c), 10)
	}
	jw.bodyComma = jw.bodyComma || len(jw.body) > 0
	jw.body = jw.body[:0]
}

// endBody writes what is held of the open Bytes array and reads the rest
// of it as an ordinary array, with a comma due when values came before.
func (jw *JSONWriter) endBody() {
	jw.writeBody()
	if jw.bodyComma {
		jw.out = append(jw.out, ',') // the one read before this element
	}
	if top := jw.top(); top != nil {
		top.bytes = false
	}
}

// toText gives up on JSON: what is held and the rest of p go through a
// plain redacting Writer from now on.
func (jw *JSONWriter) toText(rest []byte) error {
	jw.text = jw.r.Writer(jw.w)
	// What is held goes through the text writer with the rest: a secret
	// may run from it into the rest.
	jw.text.digit = len(jw.out) > 0 && isDigit(jw.out[len(jw.out)-1]) || jw.state == jsonString && jw.digit
	if top := jw.top(); top != nil && top.bytes {
		jw.writeBody() // the values so far, as they were read
	}
	held := append(jw.buf, rest...)
	out := jw.out
	jw.out, jw.buf, jw.state = nil, nil, jsonBetween
	if len(out) > 0 {
		if _, err := jw.w.Write(out); err != nil {
			return err
		}
	}
	_, err := jw.text.Write(held)
	return err
}

// heldText returns what is held back, masked as plain text.
func (jw *JSONWriter) heldText() []byte {
	if len(jw.buf) == 0 {
		return nil
	}
	return []byte(jw.r.redact(string(jw.buf), jw.digit))
}

// Flush writes what is held back: a bare token at the very end, or an
// unfinished string (masked as text).
func (jw *JSONWriter) Flush() error {
	jw.mu.Lock()
	defer jw.mu.Unlock()
	if jw.text != nil {
		return jw.text.Flush()
	}
	jw.out = jw.out[:0]
	switch jw.state {
	case jsonBare:
		if !validBare(jw.buf) {
			jw.out = append(jw.out, jw.heldText()...)
			jw.state, jw.buf = jsonBetween, jw.buf[:0]
			break
		}
		jw.endBare()
	case jsonString:
		jw.out = append(jw.out, jw.heldText()...)
		jw.state, jw.buf = jsonBetween, jw.buf[:0]
	}
	if top := jw.top(); top != nil && top.bytes {
		jw.writeBody() // an array that goes on after the flush starts anew
	}
	if len(jw.out) == 0 {
		return nil
	}
	_, err := jw.w.Write(jw.out)
	return err
}

// Close flushes; it does not close the underlying writer.
func (jw *JSONWriter) Close() error { return jw.Flush() }

// jsonEscape finds the JSON escape sequence (\n, \", \u00e9) that
// boundary i of s falls strictly inside of.
func jsonEscape(s string, i int) (start, end int, ok bool) {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if s[j] != '\\' || precededByBackslashes(s, j)%2 == 1 {
			continue
		}
		if n := escapeLen(s, j); j+n > i {
			return j, j + n, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// escapeLen is the length of the escape sequence at s[j] (a backslash).
func escapeLen(s string, j int) int {
	if j+1 < len(s) && s[j+1] == 'u' {
		return min(6, len(s)-j)
	}
	return min(2, len(s)-j)
}

// precededByBackslashes counts the backslashes right before s[j].
func precededByBackslashes(s string, j int) int {
	n := 0
	for k := j - 1; k >= 0 && s[k] == '\\'; k-- {
		n++
	}
	return n
}
