package report

import (
	"bytes"
	"crypto/md5"
	"encoding"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/courier-run/courier/environments"
)

// Newman's serialised-error (1.1.3) sets an error's checksum to
// object-hash's (1.3.1) MD5 of the serialised error before its extra
// fields: the text object-hash writes for the object is
// "object:<own keys + 3>:", then a part that is the same for every error
// (the prototype chain and the constructor, which object-hash takes in),
// then each own key in sorted order with its value. The MD5 states after
// the fixed part, one for each count of own keys an error can have, were
// taken from object-hash's passthrough output under Node (keys k0..kn of
// text values): the 16 bytes of state; the fixed part is 2,242 bytes long
// ("object:N:" with N of one digit) or 2,243 (two digits), and its last
// bytes, still in MD5's buffer, are `],` or `4],`. Checked against every
// checksum of the Newman reports under testdata (TestChecksumAsNewman).
var serialisedStates = map[int]string{
	3:  "6f2db2979e449ae0e016ff187a9b16e5",
	4:  "75f8c31db6b288429b8bd3f13a1937d1",
	5:  "4970d4b645c1374f605255d83729558f",
	6:  "139bde47c7b61928ab9393019ee8ec7d",
	7:  "e25b111913f83dad42e99dd030eccae9",
	8:  "89669fb18cd59c8a6c953a4477d556af",
	9:  "a7c27cefa2e2d9810abc53a74ecd36a4",
	10: "18c07d8bb9b433062facab8d45599970",
	11: "c42ce6513bad335094156c3751d5977e",
}

// serialisedSaved holds, for each count of own keys, crypto/md5's saved
// state (magic, state, buffered block, length) after the fixed part.
var serialisedSaved = func() map[int][]byte {
	out := make(map[int][]byte, len(serialisedStates))
	for n, st := range serialisedStates {
		state, _ := hex.DecodeString(st)
		length, tail := uint64(2242), "],"
		if n+3 >= 10 {
			length, tail = 2243, "4],"
		}
		b := append([]byte("md5\x01"), state...)
		var block [md5.BlockSize]byte
		copy(block[:], tail)
		b = append(b, block[:]...)
		out[n] = binary.BigEndian.AppendUint64(b, length)
	}
	return out
}()

// checksumOf is Newman's checksum of e: the MD5 object-hash takes of the
// error serialised-error copies (its enumerable keys as the JSON report
// shows them and a parse error's rawPacket, then name, message and stack,
// stack undefined when e has none); "" when e has more keys than the table covers. buf is scratch
// space, returned for the next call.
func checksumOf(e *jsonError, buf []byte) (string, []byte) {
	if len(e.Fields) > 0 {
		return chaiChecksum(e, buf)
	}
	n := 3 // name, message, stack
	for _, s := range []string{e.Code, e.Reason, e.Syscall, e.Address, e.Hostname, e.Type, e.Test} {
		if s != "" {
			n++
		}
	}
	for _, p := range []*int{e.BytesParsed, e.Errno, e.Port, e.Index} {
		if p != nil {
			n++
		}
	}
	if e.RawPacket != nil {
		n++
	}
	saved, ok := serialisedSaved[n]
	if !ok {
		return "", buf
	}
	h := md5.New()
	if h.(encoding.BinaryUnmarshaler).UnmarshalBinary(saved) != nil {
		return "", buf
	}
	buf = buf[:0]
	str := func(s string) {
		buf = append(buf, "string:"...)
		buf = strconv.AppendInt(buf, int64(utf16Len(s)), 10)
		buf = append(append(buf, ':'), s...)
	}
	text := func(k, v string, always bool) {
		if v != "" || always {
			str(k)
			buf = append(buf, ':')
			str(v)
			buf = append(buf, ',')
		}
	}
	num := func(k string, v *int) {
		if v != nil {
			str(k)
			buf = strconv.AppendInt(append(buf, ":number:"...), int64(*v), 10)
			buf = append(buf, ',')
		}
	}
	// The keys in sorted order, as object-hash writes them.
	text("address", e.Address, false)
	num("bytesParsed", e.BytesParsed)
	text("code", e.Code, false)
	num("errno", e.Errno)
	text("hostname", e.Hostname, false)
	num("index", e.Index)
	text("message", e.Message, true)
	text("name", e.Name, true)
	num("port", e.Port)
	if e.RawPacket != nil {
		// object-hash writes a Buffer as "buffer:" and its bytes.
		str("rawPacket")
		buf = append(append(buf, ":buffer:"...), e.RawPacket...)
		buf = append(buf, ',')
	}
	text("reason", e.Reason, false)
	if e.Stack == "" {
		buf = append(buf, "string:5:stack:Undefined,"...)
	} else {
		text("stack", e.Stack, true)
	}
	text("syscall", e.Syscall, false)
	text("test", e.Test, false)
	text("type", e.Type, false)
	h.Write(buf)
	var sum [md5.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])), buf
}

// utf16Len is a string's length as JavaScript counts it.
func utf16Len(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			n = 0
			for _, r := range s {
				n += utf16.RuneLen(r)
			}
			break
		}
	}
	return n
}

// stackFrameRE and stackMethodRE read a stack line as the stack-trace
// module (0.0.9) Newman's serialised-error uses: "at" anywhere in the
// line, then an optional function name, the file, line and column (or a
// bare location such as native).
var (
	stackFrameRE  = regexp.MustCompile(`at (?:(.+)\s+)?\(?(?:(.+?):(\d+):(\d+)|([^)]+))\)?`)
	stackMethodRE = regexp.MustCompile(`([^.]+)(?:\.(.+))?`)
	stackRuleRE   = regexp.MustCompile(`^\s*-{4,}$`)
)

// stackFrame is a parsed call site in stack-trace's key order; nil
// pointers are null.
type stackFrame struct {
	FileName     *string `json:"fileName"`
	LineNumber   *int    `json:"lineNumber"`
	FunctionName *string `json:"functionName"`
	TypeName     *string `json:"typeName"`
	MethodName   *string `json:"methodName"`
	ColumnNumber *int    `json:"columnNumber"`
	Native       *bool   `json:"native"`
}

// stacktraceOf is serialised-error's stacktrace of a stack: each line
// after the first that reads as a call site, as stack-trace parses it.
func stacktraceOf(stack string) json.RawMessage {
	_, rest, ok := strings.Cut(stack, "\n")
	if !ok {
		return json.RawMessage("[]")
	}
	if b := assertionFrame(rest); b != nil {
		return b
	}
	lines := strings.Split(rest, "\n")
	var frames []stackFrame
	for _, line := range lines {
		if stackRuleRE.MatchString(line) {
			frames = append(frames, stackFrame{FileName: &line})
			continue
		}
		m := stackFrameRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var f stackFrame
		if m[1] != "" {
			fn, typ := m[1], "Object"
			f.FunctionName, f.TypeName = &fn, &typ
			if mm := stackMethodRE.FindStringSubmatch(m[1]); mm != nil && mm[2] != "" {
				object, method := mm[1], mm[2]
				f.TypeName, f.MethodName = &object, &method
				if method == "<anonymous>" {
					empty := ""
					f.MethodName, f.FunctionName = nil, &empty
				}
			}
		}
		if m[2] != "" {
			f.FileName = &m[2]
		}
		f.LineNumber, f.ColumnNumber = positiveInt(m[3]), positiveInt(m[4])
		native := m[5] == "native"
		f.Native = &native
		frames = append(frames, f)
	}
	if len(frames) == 0 {
		return json.RawMessage("[]")
	}
	b, err := json.Marshal(frames)
	if err != nil {
		return json.RawMessage("[]")
	}
	return b
}

// assertionFrame is the frames of the one line Newman makes up for an
// assertion ("   at Object.eval sandbox-script.js:L:C)", the stack's only
// line after the first, which the parse skips), without the general
// parse; nil for any other stack.
func assertionFrame(rest string) json.RawMessage {
	const pre = "   at Object.eval sandbox-script.js:"
	loc, ok := strings.CutPrefix(rest, pre)
	if !ok || !strings.HasSuffix(loc, ")") {
		return nil
	}
	l, c, ok := strings.Cut(loc[:len(loc)-1], ":")
	line, col := positiveInt(l), positiveInt(c)
	if !ok || line == nil || col == nil || strconv.Itoa(*line) != l || strconv.Itoa(*col) != c {
		return nil
	}
	b := make([]byte, 0, 192)
	b = append(b, `[{"fileName":"sandbox-script.js","lineNumber":`...)
	b = strconv.AppendInt(b, int64(*line), 10)
	b = append(b, `,"functionName":"Object.eval","typeName":"Object","methodName":"eval","columnNumber":`...)
	b = strconv.AppendInt(b, int64(*col), 10)
	return append(b, `,"native":false}]`...)
}

// positiveInt is parseInt(s, 10) || null for a string of digits.
func positiveInt(s string) *int {
	n, err := strconv.Atoi(s)
	if err != nil || n == 0 {
		return nil
	}
	return &n
}

// chaiChecksum is Newman's checksum of a chai AssertionError a script let
// escape: serialised-error copies the plain object chai's toJSON made
// (Fields: name, message, showDiff, actual, expected, operator) and the
// stack, and object-hash walks actual and expected whatever they hold.
// "" when Fields cannot be read or has more keys than the table covers.
func chaiChecksum(e *jsonError, buf []byte) (string, []byte) {
	d := json.NewDecoder(bytes.NewReader(e.Fields))
	d.UseNumber()
	var fields map[string]any
	if d.Decode(&fields) != nil || fields == nil {
		return "", buf
	}
	if e.Stack != "" {
		fields["stack"] = e.Stack
	}
	keys := make([]string, 0, len(fields)+2)
	for k := range fields {
		keys = append(keys, k)
	}
	for _, k := range []string{"name", "message", "stack"} {
		if _, ok := fields[k]; !ok {
			keys = append(keys, k) // undefined
		}
	}
	saved, ok := serialisedSaved[len(keys)]
	if !ok {
		return "", buf
	}
	h := md5.New()
	if h.(encoding.BinaryUnmarshaler).UnmarshalBinary(saved) != nil {
		return "", buf
	}
	buf = objectHashMembers(buf[:0], keys, fields)
	h.Write(buf)
	var sum [md5.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])), buf
}

// objectHashMembers writes an object's members as object-hash does: each
// key in JavaScript's sort order (UTF-16 code units), ':', its value, ','.
// A key missing from m is undefined.
func objectHashMembers(buf []byte, keys []string, m map[string]any) []byte {
	slices.SortFunc(keys, func(a, b string) int { return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b))) })
	for _, k := range keys {
		buf = objectHashValue(buf, k)
		buf = append(buf, ':')
		if v, ok := m[k]; ok {
			buf = objectHashValue(buf, v)
		} else {
			buf = append(buf, "Undefined"...)
		}
		buf = append(buf, ',')
	}
	return buf
}

// plainObjectHead is what object-hash writes for a plain object's
// prototype, __proto__ and constructor inside a serialised error: Object's
// prototype and Object itself were met while walking the error's own
// prototype chain, so they are back-references to their places there.
const plainObjectHead = "string:9:prototype:Undefined,string:9:__proto__:string:12:[CIRCULAR:2]," +
	"string:11:constructor:fn:string:8:[native]string:20:function-name:Objectstring:12:[CIRCULAR:3],"

// objectHashValue writes a JSON value as object-hash (1.3.1) does inside a
// serialised error.
func objectHashValue(buf []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(buf, "Null"...)
	case bool:
		return strconv.AppendBool(append(buf, "bool:"...), v)
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return append(append(buf, "number:"...), v...)
		}
		return append(append(buf, "number:"...), environments.FormatNumber(f)...)
	case string:
		buf = append(buf, "string:"...)
		buf = strconv.AppendInt(buf, int64(utf16Len(v)), 10)
		return append(append(buf, ':'), v...)
	case []any:
		buf = strconv.AppendInt(append(buf, "array:"...), int64(len(v)), 10)
		buf = append(buf, ':')
		for _, e := range v {
			buf = objectHashValue(buf, e)
		}
		return buf
	case map[string]any:
		buf = strconv.AppendInt(append(buf, "object:"...), int64(len(v)+3), 10)
		buf = append(append(buf, ':'), plainObjectHead...)
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		return objectHashMembers(buf, keys, v)
	}
	return buf
}
