package echo

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// object is a JSON object that remembers key order. postman-echo is a Node
// service, so its objects print in JavaScript property order; Go maps would
// print sorted, which changes what scripts see in JSON.stringify(...).
type object struct {
	names []string
	index map[string]int
	vals  []any
}

func newObject() *object { return &object{index: map[string]int{}} }

// set adds or replaces a member, keeping the position of an existing one.
func (o *object) set(name string, v any) *object {
	if i, ok := o.index[name]; ok {
		o.vals[i] = v
		return o
	}
	o.index[name] = len(o.names)
	o.names = append(o.names, name)
	o.vals = append(o.vals, v)
	return o
}

func (o *object) get(name string) (any, bool) {
	i, ok := o.index[name]
	if !ok {
		return nil, false
	}
	return o.vals[i], true
}

// appendValue records a repeated key the way Express's query parser does:
// the second value turns the member into an array.
func (o *object) appendValue(name string, v any) {
	old, ok := o.get(name)
	if !ok {
		o.set(name, v)
		return
	}
	if arr, isArr := old.([]any); isArr {
		o.set(name, append(arr, v))
		return
	}
	o.set(name, []any{old, v})
}

func (o *object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, name := range o.names {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jsQuote(name))
		b.WriteByte(':')
		v, err := encodeJSON(o.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// jsOrder moves integer-like keys to the front in ascending order, which is
// how JavaScript engines enumerate object properties.
func (o *object) jsOrder() {
	var ints, rest []int
	for i, name := range o.names {
		if isIndexKey(name) {
			ints = append(ints, i)
		} else {
			rest = append(rest, i)
		}
	}
	if len(ints) == 0 {
		return
	}
	slices.SortStableFunc(ints, func(a, b int) int {
		x, _ := strconv.ParseUint(o.names[a], 10, 64)
		y, _ := strconv.ParseUint(o.names[b], 10, 64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	order := append(ints, rest...)
	names := make([]string, len(order))
	vals := make([]any, len(order))
	for to, from := range order {
		names[to] = o.names[from]
		vals[to] = o.vals[from]
		o.index[names[to]] = to
	}
	o.names, o.vals = names, vals
}

func isIndexKey(s string) bool {
	if s == "" || len(s) > 10 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return err == nil && n < math.MaxUint32
}

// jsNumber prints a float the way JavaScript's Number#toString does, because
// postman-echo re-serialises request JSON after JSON.parse (1.50 → 1.5).
type jsNumber float64

func (n jsNumber) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	if f == 0 {
		return []byte("0"), nil
	}
	if a := math.Abs(f); a >= 1e-6 && a < 1e21 {
		return []byte(strconv.FormatFloat(f, 'f', -1, 64)), nil
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // 1e+21, 1.5e-07
	mant, exp, _ := strings.Cut(s, "e")
	sign, digits := exp[:1], strings.TrimLeft(exp[1:], "0")
	return []byte(mant + "e" + sign + digits), nil
}

// encodeJSON marshals like JSON.stringify: no HTML escaping of <, > and &.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// jsQuote quotes a string as JSON.stringify does: only quote, backslash and
// control characters are escaped.
func jsQuote(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	const hexdig = "0123456789abcdef"
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hexdig[r>>4])
			b.WriteByte(hexdig[r&0xf])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeJSON sends v with Express's JSON content type unless the handler set
// its own, with a Content-Length so clients never see chunking for JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := encodeJSON(v)
	if err != nil {
		http.Error(w, "encoding response: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/json; charset=utf-8")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// parseJSONOrdered decodes one JSON document into *object, []any, string,
// jsNumber, bool or nil, keeping object keys in JavaScript order.
func parseJSONOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeOrdered(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("trailing data after json value")
	}
	return v, nil
}

func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			arr := []any{}
			for dec.More() {
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token() // ]
			return arr, err
		}
		obj := newObject()
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			name, _ := k.(string)
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			obj.set(name, v)
		}
		if _, err := dec.Token(); err != nil { // }
			return nil, err
		}
		obj.jsOrder()
		return obj, nil
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, err
		}
		return jsNumber(f), nil
	default:
		return t, nil
	}
}
