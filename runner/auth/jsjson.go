package auth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// JWT bytes must match what Postman produces with JSON.parse and
// JSON.stringify, so header and payload go through this small JS-faithful
// JSON model: object key order (array-index keys first, ascending, then
// insertion order; a repeated key keeps its first place and last value),
// numbers as JS doubles, and JSON.stringify's string escapes.

// jsKind tells which field of jsValue is set.
type jsKind int

const (
	jsNull jsKind = iota
	jsBool
	jsNumber
	jsString
	jsArray
	jsObject
)

type jsValue struct {
	kind jsKind
	b    bool
	n    float64
	s    string
	arr  []*jsValue
	keys []string
	obj  map[string]*jsValue
}

// parseJSJSON parses one JSON document as JSON.parse would.
func parseJSJSON(src string) (*jsValue, error) {
	dec := json.NewDecoder(strings.NewReader(src))
	dec.UseNumber()
	v, err := readJSValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after JSON value")
	}
	return v, nil
}

func readJSValue(dec *json.Decoder) (*jsValue, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case nil:
		return &jsValue{kind: jsNull}, nil
	case bool:
		return &jsValue{kind: jsBool, b: t}, nil
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, err
		}
		return &jsValue{kind: jsNumber, n: f}, nil
	case string:
		return &jsValue{kind: jsString, s: t}, nil
	case json.Delim:
		switch t {
		case '[':
			v := &jsValue{kind: jsArray}
			for dec.More() {
				e, err := readJSValue(dec)
				if err != nil {
					return nil, err
				}
				v.arr = append(v.arr, e)
			}
			_, err := dec.Token()
			return v, err
		case '{':
			v := newJSObject()
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				e, err := readJSValue(dec)
				if err != nil {
					return nil, err
				}
				v.set(k, e)
			}
			_, err := dec.Token()
			return v, err
		}
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}

func newJSObject() *jsValue {
	return &jsValue{kind: jsObject, obj: map[string]*jsValue{}}
}

// set assigns a property, keeping an existing key's position.
func (v *jsValue) set(k string, e *jsValue) {
	if _, ok := v.obj[k]; !ok {
		v.keys = append(v.keys, k)
	}
	v.obj[k] = e
}

// orderedKeys returns keys in JS property order.
func (v *jsValue) orderedKeys() []string {
	var idx, rest []string
	for _, k := range v.keys {
		if isArrayIndex(k) {
			idx = append(idx, k)
		} else {
			rest = append(rest, k)
		}
	}
	sort.Slice(idx, func(i, j int) bool {
		a, _ := strconv.ParseUint(idx[i], 10, 64)
		b, _ := strconv.ParseUint(idx[j], 10, 64)
		return a < b
	})
	return append(idx, rest...)
}

func isArrayIndex(k string) bool {
	if k == "" || (len(k) > 1 && k[0] == '0') {
		return false
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < math.MaxUint32
}

// stringify renders v as JSON.stringify(v) does.
func (v *jsValue) stringify() string {
	var b bytes.Buffer
	v.write(&b)
	return b.String()
}

func (v *jsValue) write(b *bytes.Buffer) {
	switch v.kind {
	case jsNull:
		b.WriteString("null")
	case jsBool:
		b.WriteString(strconv.FormatBool(v.b))
	case jsNumber:
		b.WriteString(jsNumberString(v.n))
	case jsString:
		writeJSString(b, v.s)
	case jsArray:
		b.WriteByte('[')
		for i, e := range v.arr {
			if i > 0 {
				b.WriteByte(',')
			}
			e.write(b)
		}
		b.WriteByte(']')
	case jsObject:
		b.WriteByte('{')
		for i, k := range v.orderedKeys() {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSString(b, k)
			b.WriteByte(':')
			v.obj[k].write(b)
		}
		b.WriteByte('}')
	}
}

// jsNumberString formats a double as JS Number#toString does.
func jsNumberString(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "null" // JSON.stringify(Infinity)
	}
	if f == 0 {
		return "0"
	}
	if a := math.Abs(f); a >= 1e21 || a < 1e-6 {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		sign := exp[0]
		exp = strings.TrimLeft(exp[1:], "0")
		return mant + "e" + string(sign) + exp
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func writeJSString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
