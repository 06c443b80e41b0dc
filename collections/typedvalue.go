package collections

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// TypedHeader is a header whose value is the JSON value raw, kept as
// postman-collection keeps a value that is not a string. A JSON string is
// an ordinary value (a script's Date arrives as its ISO text).
func TypedHeader(key string, raw []byte, disabled bool) Header {
	h := Header{Key: key, Disabled: disabled}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return h
	}
	if raw[0] == '"' {
		_ = json.Unmarshal(raw, &h.Value)
		return h
	}
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		h.Value = string(raw)
		return h
	}
	h.JSON = buf.String()
	h.Value = strings.Join(h.WireValues(), ", ")
	return h
}

// WireValues are the header's values as Node's http sends them: one for a
// value that is not an array (its JavaScript text: 5, true, null,
// [object Object]), one per element of an array (an empty array sends
// nothing), and a Cookie's elements joined with "; " into one.
func (h Header) WireValues() []string {
	if h.JSON == "" {
		return []string{h.Value}
	}
	var v any
	d := json.NewDecoder(strings.NewReader(h.JSON))
	d.UseNumber()
	if d.Decode(&v) != nil {
		return []string{h.Value}
	}
	list, ok := v.([]any)
	if !ok {
		return []string{jsText(v, true)}
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		out = append(out, jsText(e, true))
	}
	if strings.EqualFold(h.Key, "Cookie") && len(out) > 1 {
		return []string{strings.Join(out, "; ")}
	}
	return out
}

// jsText is String(v) of a JSON value in JavaScript; top says v is not
// inside an array (where null and undefined print as "", as join does).
func jsText(v any, top bool) string {
	switch v := v.(type) {
	case nil:
		if top {
			return "null"
		}
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = jsText(e, false)
		}
		return strings.Join(parts, ",")
	}
	return "[object Object]"
}

// MapJSONStrings returns the JSON text raw with f applied to every string
// value (object keys stay as they are), keys in their order; raw itself
// when it is not valid JSON. postman-runtime resolves {{variables}} inside
// a typed header value so.
func MapJSONStrings(raw string, f func(string) string) string {
	out, ok := mapJSON(raw, jsonMapper{str: f})
	if !ok {
		return raw
	}
	return out
}

// MaskJSON returns the JSON text raw with mask applied to every string
// value, every object key and every number's text, keys in their order;
// mask(raw) when it cannot be read (not JSON, or nested deeper than
// maxJSONDepth), so nothing escapes the mask. A number that mask changes
// becomes the masked text as a JSON string, so the result stays valid
// JSON (a secret that is all digits, a PIN, sits in a typed value as a
// number).
func MaskJSON(raw string, mask func(string) string) string {
	out, ok := mapJSON(raw, jsonMapper{str: mask, keys: true, numbers: true})
	if !ok {
		return mask(raw)
	}
	return out
}

// jsonMapper says what mapJSON changes: strings always, object keys and
// numbers when set.
type jsonMapper struct {
	str           func(string) string
	keys, numbers bool
}

// mapJSON is raw with m applied; ok is false when raw cannot be read.
func mapJSON(raw string, m jsonMapper) (out string, ok bool) {
	d := json.NewDecoder(strings.NewReader(raw))
	d.UseNumber()
	var b strings.Builder
	if mapJSONValue(d, &b, m, 0) != nil {
		return "", false
	}
	return b.String(), true
}

// maxJSONDepth bounds the nesting MapJSONStrings follows (a script may
// build any value), as encoding/json bounds its decoder.
const maxJSONDepth = 1000

var errTooDeep = errors.New("JSON nested too deeply")

func mapJSONValue(d *json.Decoder, b *strings.Builder, m jsonMapper, depth int) error {
	if depth > maxJSONDepth {
		return errTooDeep
	}
	t, err := d.Token()
	if err != nil {
		return err
	}
	switch t := t.(type) {
	case json.Delim:
		b.WriteString(t.String())
		end := "]"
		if t == '{' {
			end = "}"
		}
		for first := true; d.More(); first = false {
			if !first {
				b.WriteByte(',')
			}
			if t == '{' {
				k, err := d.Token()
				if err != nil {
					return err
				}
				key := k.(string)
				if m.keys {
					key = m.str(key)
				}
				writeJSONString(b, key)
				b.WriteByte(':')
			}
			if err := mapJSONValue(d, b, m, depth+1); err != nil {
				return err
			}
		}
		if _, err := d.Token(); err != nil {
			return err
		}
		b.WriteString(end)
	case string:
		writeJSONString(b, m.str(t))
	case json.Number:
		if n := t.String(); m.numbers && m.str(n) != n {
			writeJSONString(b, m.str(n))
		} else {
			b.WriteString(n)
		}
	case bool:
		if t {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case nil:
		b.WriteString("null")
	}
	return nil
}

func writeJSONString(b *strings.Builder, s string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Write(bytes.TrimRight(buf.Bytes(), "\n"))
}

// TypedFormParam sets p's value to the JSON value raw, kept as
// postman-collection keeps a value that is not a string; a JSON string is
// an ordinary value. An urlencoded row's Value is its text as sent (see
// FormWireValues), a form-data row's the JSON text, as postman-runtime
// sends an object there.
func TypedFormParam(p FormParam, raw []byte, urlencoded bool) FormParam {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return p
	}
	if raw[0] == '"' {
		_ = json.Unmarshal(raw, &p.Value)
		p.JSON = ""
		return p
	}
	p.JSON = CompactJSON(raw)
	p.Value = p.JSON
	if urlencoded {
		p.Value = strings.Join(FormWireValues(p), ",")
	}
	return p
}

// FormWireValues are an urlencoded row's values as postman-runtime sends
// them: a number's or boolean's text, "" for an object or null, one value
// per element of an array.
func FormWireValues(p FormParam) []string {
	if p.JSON == "" {
		return []string{p.Value}
	}
	var v any
	d := json.NewDecoder(strings.NewReader(p.JSON))
	d.UseNumber()
	if d.Decode(&v) != nil {
		return []string{p.Value}
	}
	text := func(v any) string {
		switch v := v.(type) {
		case string, json.Number, bool:
			return jsText(v, true)
		}
		return ""
	}
	list, ok := v.([]any)
	if !ok {
		return []string{text(v)}
	}
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = text(e)
	}
	return out
}
