package environments

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// Value typing convention.
//
// A Variable's Value is always text: that is what {{name}} substitutes.
// Its Type says what a script gets back from pm.*.get:
//
//   - "", "any", "default", "string", "secret", "text" and any other name:
//     text types. Value is the string itself. Files and Postman exports use
//     these, and a string stored by a script keeps the variable's text type
//     ("any" for a new variable, as postman-collection does).
//   - "number": Value is a JavaScript number's text ("5", "1.5", "NaN").
//   - "boolean": Value is "true" or "false".
//   - "object", "array": Value is JSON text.
//   - "null": the variable holds null.
//   - "undefined": the variable exists without a value (a file entry with no
//     "value", or a script's set(key, undefined) until the script ends:
//     postman-runtime carries that back as null). Reads back undefined.
//
// {{name}} substitutes what JavaScript's String() makes of the value, as
// postman-runtime does: "null" for null, "[object Object]" for an object,
// the elements joined by commas for an array (Substitution).
//
// postman-collection keeps a non-string value stored into an "any" variable
// as a live JS value; we record its kind in Type instead ("number",
// "boolean", "object", "array", "null"), which reads back the same and keeps
// the text representation unambiguous. Exports write typed variables with
// typed JSON values.
const (
	TypeAny       = "any"
	TypeDefault   = "default"
	TypeString    = "string"
	TypeSecret    = "secret"
	TypeNumber    = "number"
	TypeBoolean   = "boolean"
	TypeObject    = "object"
	TypeArray     = "array"
	TypeNull      = "null"
	TypeUndefined = "undefined"
)

// IsTextType reports whether variables of type typ hold plain strings.
func IsTextType(typ string) bool {
	switch typ {
	case TypeNumber, TypeBoolean, TypeObject, TypeArray, TypeNull, TypeUndefined:
		return false
	}
	return true
}

// Native returns the value a script reads: a string for text types,
// float64 for "number", bool for "boolean", the decoded JSON (map[string]any,
// []any) for "object"/"array" (nil when the text is not such JSON), and nil
// for "null".
func (v Variable) Native() any {
	if v.Declared != "" {
		return v.castOut()
	}
	switch v.Type {
	case TypeNumber:
		return jsNumberFromString(v.Value)
	case TypeBoolean:
		// Boolean(text) in JS, except that our own "false" reads back false.
		return v.Value != "" && v.Value != "false"
	case TypeObject, TypeArray:
		var x any
		if err := json.Unmarshal([]byte(v.Value), &x); err != nil {
			return nil
		}
		switch x.(type) {
		case map[string]any:
			if v.Type == TypeObject {
				return x
			}
		case []any:
			if v.Type == TypeArray {
				return x
			}
		}
		return nil
	case TypeNull, TypeUndefined:
		return nil
	}
	return v.Value
}

// Substitution is the text {{name}} becomes: String(value) in JavaScript.
func (v Variable) Substitution() string {
	if v.Declared != "" {
		return v.castText()
	}
	switch v.Type {
	case TypeNull:
		return "null"
	case TypeUndefined:
		return ""
	case TypeObject:
		return "[object Object]"
	case TypeArray:
		var x []any
		if json.Unmarshal([]byte(v.Value), &x) != nil {
			return v.Value
		}
		return jsArrayString(x)
	}
	return v.Value
}

// jsArrayString is Array.prototype.toString: elements joined by commas,
// null and undefined as empty, nested arrays flattened the same way.
func jsArrayString(a []any) string {
	parts := make([]string, len(a))
	for i, el := range a {
		switch x := el.(type) {
		case nil:
		case string:
			parts[i] = x
		case float64:
			parts[i] = FormatNumber(x)
		case bool:
			parts[i] = strconv.FormatBool(x)
		case []any:
			parts[i] = jsArrayString(x)
		case map[string]any:
			parts[i] = "[object Object]"
		}
	}
	return strings.Join(parts, ",")
}

// EncodeValue turns a script value into text and the type to record. Strings
// return typ "" (keep the variable's text type). x may be string, bool, any Go
// number, nil, json.RawMessage (JSON text a script produced with
// JSON.stringify, which keeps key order), map[string]any or []any.
func EncodeValue(x any) (text, typ string) {
	switch v := x.(type) {
	case nil:
		return "", TypeNull
	case string:
		return v, ""
	case bool:
		return strconv.FormatBool(v), TypeBoolean
	case float64:
		return FormatNumber(v), TypeNumber
	case float32:
		return FormatNumber(float64(v)), TypeNumber
	case int:
		return strconv.Itoa(v), TypeNumber
	case int64:
		return strconv.FormatInt(v, 10), TypeNumber
	case int32:
		return strconv.FormatInt(int64(v), 10), TypeNumber
	case uint64:
		return strconv.FormatUint(v, 10), TypeNumber
	case json.RawMessage:
		return encodeRaw(v)
	}
	b, err := json.Marshal(x)
	if err != nil {
		// Functions and other values JSON cannot hold are stored as null.
		return "", TypeNull
	}
	return encodeRaw(b)
}

// encodeRaw classifies JSON text by its first byte.
func encodeRaw(b []byte) (string, string) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "", TypeNull
	}
	switch b[0] {
	case '{':
		return string(b), TypeObject
	case '[':
		return string(b), TypeArray
	case '"':
		var s string
		if json.Unmarshal(b, &s) == nil {
			return s, ""
		}
	case 't', 'f':
		return string(b), TypeBoolean
	case 'n':
		return "", TypeNull
	}
	return string(b), TypeNumber
}

// SetNative stores a script value under key (pm.environment.set and friends).
// A string keeps the variable's text type; on a variable that held a typed
// value it becomes "any" again. A new variable set to a string gets "any".
func (s *Scope) SetNative(key string, x any) {
	text, typ := EncodeValue(x)
	if v, ok := s.Lookup(key); ok && v.Declared != "" {
		text, typ = castIn(v.Declared, text, typ)
		s.SetTyped(key, text, typ)
		return
	}
	if typ == "" {
		typ = TypeAny
		if v, ok := s.Lookup(key); ok && IsTextType(v.Type) {
			typ = "" // keep "secret", "default"…
		}
	}
	s.SetTyped(key, text, typ)
}

// SetUndefined stores undefined under key, as postman-collection's
// set(key, undefined) does for Newman's --env-var/--global-var given a key
// without "=": the variable exists and reads back undefined ({{key}} sends
// ""); a declared type casts it (String(undefined) is "undefined"). A secret
// stays a secret, empty, so what is stored in it later is still masked.
func (s *Scope) SetUndefined(key string) {
	v, ok := s.Lookup(key)
	switch {
	case ok && v.Declared != "":
		text, typ := castIn(v.Declared, "", TypeUndefined)
		s.SetTyped(key, text, typ)
	case ok && v.Type == TypeSecret:
		s.SetTyped(key, "", "")
	default:
		s.SetTyped(key, "", TypeUndefined)
	}
}

// FormatNumber writes f as JavaScript's String(number) does.
func FormatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0" // also for -0, as JS prints it
	}
	abs := math.Abs(f)
	if abs >= 1e21 || abs < 1e-6 {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		// Go writes "1e+21" and "1e-07"; JS drops the exponent's zero padding.
		mant, exp, _ := strings.Cut(s, "e")
		sign := exp[:1]
		exp = strings.TrimLeft(exp[1:], "0")
		return mant + "e" + sign + exp
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// jsNumberFromString is Number(text) for the common cases.
func jsNumberFromString(s string) float64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	switch s {
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "_xXpPiInN") {
		return f
	}
	if len(s) > 2 && s[0] == '0' {
		base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[s[1]]
		if base != 0 && !strings.Contains(s, "_") {
			if n, err := strconv.ParseUint(s[2:], base, 64); err == nil {
				return float64(n)
			}
		}
	}
	return math.NaN()
}
