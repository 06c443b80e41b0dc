package environments

import (
	"encoding/json"
	"math"
	"strings"

	"github.com/courier-run/courier/collections"
)

// Declared types.
//
// postman-collection casts a variable's value by its declared type, when
// the file gives one of string, boolean, number, object or array (in any
// case): on the way in, whatever is stored (the file's value, a script's
// set) becomes String(x), Boolean(x), Number(x), or for object and array
// the text itself or JSON.stringify(x); on the way out, get gives
// String/Boolean/Number of it, or for object and array the parsed JSON
// when it is an object (array) and undefined otherwise. Any other type
// (any, default, secret, text...) keeps values as they are, and toJSON
// then names the type "any". Variable.Declared holds the cast type; Type
// and Value keep the stored value's kind and text as for any variable.

// CastType is the type postman-collection casts a variable declared with
// typ to: typ in lower case when it is one it knows, else "".
func CastType(typ string) string {
	switch t := strings.ToLower(typ); t {
	case TypeString, TypeBoolean, TypeNumber, TypeObject, TypeArray:
		return t
	}
	return ""
}

// declare casts v's value (its kind in Type, its text in Value) to the
// type the file declared, when that is a cast type.
func (v Variable) declare(fileType string) Variable {
	d := CastType(fileType)
	if d == "" {
		return v
	}
	v.Declared = d
	v.Value, v.Type = castIn(d, v.Value, v.Type)
	return v
}

// castIn is what postman-collection stores for a value of kind typ and
// text under declared type d.
func castIn(d, text, typ string) (string, string) {
	switch d {
	case TypeNumber:
		return FormatNumber(numberOf(text, typ)), TypeNumber
	case TypeBoolean:
		if truthy(text, typ) {
			return "true", TypeBoolean
		}
		return "false", TypeBoolean
	case TypeString:
		return stringOf(text, typ), TypeString
	}
	// object, array: a string stays as it is; anything else is stored as
	// its JSON text (undefined has none and stays undefined).
	switch typ {
	case TypeUndefined:
		return "", TypeUndefined
	case TypeNull:
		return "null", TypeAny
	}
	return text, TypeAny
}

// numberOf is Number(x) of a value of kind typ.
func numberOf(text, typ string) float64 {
	switch typ {
	case TypeBoolean:
		if FormatBoolText(text) == "true" {
			return 1
		}
		return 0
	case TypeNull:
		return 0
	case TypeUndefined, TypeObject:
		return math.NaN()
	case TypeArray:
		var a []any
		if json.Unmarshal([]byte(text), &a) != nil {
			return math.NaN()
		}
		return jsNumberFromString(jsArrayString(a))
	}
	return jsNumberFromString(text)
}

// truthy is Boolean(x) of a value of kind typ.
func truthy(text, typ string) bool {
	switch typ {
	case TypeBoolean:
		return FormatBoolText(text) == "true"
	case TypeNumber:
		f := jsNumberFromString(text)
		return f != 0 && !math.IsNaN(f)
	case TypeNull, TypeUndefined:
		return false
	case TypeObject, TypeArray:
		return true
	}
	return text != ""
}

// stringOf is String(x) of a value of kind typ.
func stringOf(text, typ string) string {
	switch typ {
	case TypeNull:
		return "null"
	case TypeUndefined:
		return "undefined"
	case TypeNumber:
		return FormatNumber(jsNumberFromString(text))
	case TypeBoolean:
		return FormatBoolText(text)
	}
	return Variable{Value: text, Type: typ}.Substitution()
}

// castOut is what get gives for a declared variable: nil is undefined for
// object and array (their text is not such JSON).
func (v Variable) castOut() any {
	switch v.Declared {
	case TypeNumber:
		return numberOf(v.Value, v.Type)
	case TypeBoolean:
		return truthy(v.Value, v.Type)
	case TypeString:
		return stringOf(v.Value, v.Type)
	}
	if !IsTextType(v.Type) {
		return nil
	}
	var x any
	if json.Unmarshal([]byte(v.Value), &x) != nil {
		return nil
	}
	switch x.(type) {
	case map[string]any:
		if v.Declared == TypeObject {
			return x
		}
	case []any:
		if v.Declared == TypeArray {
			return x
		}
	}
	return nil
}

// castText is String(get()) of a declared variable ("" for undefined).
func (v Variable) castText() string {
	switch x := v.castOut().(type) {
	case float64:
		return FormatNumber(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case string:
		return x
	case map[string]any:
		return "[object Object]"
	case []any:
		return jsArrayString(x)
	}
	return ""
}

// ForScript is the variable as a script receives it: postman-runtime hands
// the scopes to the sandbox as JSON, where a declared number that is NaN
// or infinite travels as null and is cast again, to 0.
func (v Variable) ForScript() Variable {
	if v.Declared == TypeNumber {
		if f := numberOf(v.Value, v.Type); math.IsNaN(f) || math.IsInf(f, 0) {
			v.Value, v.Type = "0", TypeNumber
		}
	}
	return v
}

// ListedType is the type postman-collection's toJSON names: the declared
// cast type, else "any".
func (v Variable) ListedType() string {
	if v.Declared != "" {
		return v.Declared
	}
	return TypeAny
}

// CollectionVariables turns a collection's variables into a scope's: a
// value that is not a string keeps its kind (a number reads back a number,
// null null, a missing value undefined), a secret stays a secret, and a
// declared type casts the value (see CastType).
func CollectionVariables(vs []collections.Variable) []Variable {
	out := make([]Variable, 0, len(vs))
	for _, v := range vs {
		ev := Variable{Key: v.Key, Value: v.Value, Type: v.Type, Disabled: v.Disabled, Description: v.Description}
		switch {
		case v.Type == TypeSecret:
			// Kept as text, so it stays masked whatever it holds.
		case v.NoValue:
			ev.Value, ev.Type = "", TypeUndefined
		case v.JSON != "":
			ev.Value, ev.Type = encodeRaw([]byte(v.JSON))
		case CastType(v.Type) != "":
			ev.Type = TypeString // the value is text, whatever the type says
		}
		out = append(out, ev.declare(v.Type))
	}
	return out
}

// CollectionVariable is the inverse of CollectionVariables for one
// variable (exports, the store's merge back into a collection): its
// declared type, or its own text type, and its value as JSON when it is
// not a string.
func CollectionVariable(v Variable) collections.Variable {
	out := collections.Variable{Key: v.Key, Value: v.Value, Type: v.Type, Description: v.Description, Disabled: v.Disabled}
	switch {
	case v.Declared != "":
		out.Type = v.Declared
	case !IsTextType(v.Type):
		out.Type = TypeAny
	}
	switch v.Type {
	case TypeUndefined:
		out.Value, out.NoValue = "", true
	case TypeNumber:
		// A declared number that is NaN keeps its text: cast again it is
		// NaN, where JSON's null would be 0.
		if f := numberOf(v.Value, v.Type); v.Declared == "" || !math.IsNaN(f) && !math.IsInf(f, 0) {
			out.JSON = string(exportValue(v))
		}
	case TypeNull, TypeBoolean, TypeObject, TypeArray:
		out.JSON = string(exportValue(v))
	}
	return out
}
