package environments

import (
	"math"
	"testing"

	"github.com/courier-run/courier/collections"
)

// The answers are Newman 6.2.2's (runner/testdata/postman-parity/
// fresh-round6v-a.json records them through scripts; here the rules alone).
func TestDeclaredTypesCastAsPostmanCollection(t *testing.T) {
	t.Parallel()
	num := func(s string) collections.Variable { return collections.Variable{Key: "k", Type: "number", Value: s} }
	tests := []struct {
		name string
		in   collections.Variable
		// what get gives (float64, bool, string, map/slice, nil), what
		// {{k}} substitutes in a request and in a script.
		get            any
		text, inScript string
	}{
		{"number from text", num("5"), 5.0, "5", "5"},
		{"number from hex text", num("0x1f"), 31.0, "31", "31"},
		{"number from empty text", num(""), 0.0, "0", "0"},
		{"number from bad text is NaN, 0 once in a script", num("nope"), math.NaN(), "NaN", "0"},
		{"number without a value", collections.Variable{Key: "k", Type: "number", NoValue: true}, math.NaN(), "NaN", "0"},
		{"number from null", collections.Variable{Key: "k", Type: "number", JSON: "null"}, 0.0, "0", "0"},
		{"number from true", collections.Variable{Key: "k", Type: "number", Value: "true", JSON: "true"}, 1.0, "1", "1"},
		{"upper-case type", collections.Variable{Key: "k", Type: "NUMBER", Value: "7"}, 7.0, "7", "7"},
		{"boolean from the text false", collections.Variable{Key: "k", Type: "boolean", Value: "false"}, true, "true", "true"},
		{"boolean from empty text", collections.Variable{Key: "k", Type: "boolean", Value: ""}, false, "false", "false"},
		{"boolean from 0", collections.Variable{Key: "k", Type: "boolean", Value: "0", JSON: "0"}, false, "false", "false"},
		{"string from a number", collections.Variable{Key: "k", Type: "string", Value: "7", JSON: "7"}, "7", "7", "7"},
		{"string from null", collections.Variable{Key: "k", Type: "string", JSON: "null"}, "null", "null", "null"},
		{"string without a value", collections.Variable{Key: "k", Type: "string", NoValue: true}, "undefined", "undefined", "undefined"},
		{"string from an object", collections.Variable{Key: "k", Type: "string", Value: `{"x":1}`, JSON: `{"x":1}`}, "[object Object]", "[object Object]", "[object Object]"},
		{"string from an array", collections.Variable{Key: "k", Type: "string", Value: `[1,"a"]`, JSON: `[1,"a"]`}, "1,a", "1,a", "1,a"},
		{"object from its text", collections.Variable{Key: "k", Type: "object", Value: `{"k":1}`}, map[string]any{"k": 1.0}, "[object Object]", "[object Object]"},
		{"object from an array text", collections.Variable{Key: "k", Type: "object", Value: `[1]`}, nil, "", ""},
		{"object from text that is no JSON", collections.Variable{Key: "k", Type: "object", Value: "abc"}, nil, "", ""},
		{"array from its text", collections.Variable{Key: "k", Type: "array", Value: `[1,2]`}, []any{1.0, 2.0}, "1,2", "1,2"},
		{"array from an array", collections.Variable{Key: "k", Type: "array", Value: `[1,2]`, JSON: `[1,2]`}, []any{1.0, 2.0}, "1,2", "1,2"},
		{"array from null", collections.Variable{Key: "k", Type: "array", JSON: "null"}, nil, "", ""},
		{"any keeps a number", collections.Variable{Key: "k", Type: "any", Value: "5", JSON: "5"}, 5.0, "5", "5"},
		{"no type keeps null", collections.Variable{Key: "k", JSON: "null"}, nil, "null", "null"},
		{"no value reads undefined", collections.Variable{Key: "k", NoValue: true}, nil, "", ""},
		{"secret is no cast type", collections.Variable{Key: "k", Type: "secret", Value: "5"}, "5", "5", "5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v := CollectionVariables([]collections.Variable{tt.in})[0]
			got := v.Native()
			if f, ok := tt.get.(float64); ok && math.IsNaN(f) {
				if g, ok := got.(float64); !ok || !math.IsNaN(g) {
					t.Errorf("get = %#v, want NaN", got)
				}
			} else if !equalJSON(got, tt.get) {
				t.Errorf("get = %#v, want %#v", got, tt.get)
			}
			if s := v.Substitution(); s != tt.text {
				t.Errorf("{{k}} = %q, want %q", s, tt.text)
			}
			if s := v.ForScript().Substitution(); s != tt.inScript {
				t.Errorf("{{k}} in a script = %q, want %q", s, tt.inScript)
			}
		})
	}
}

func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !equalJSON(x[k], y[k]) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

// A script's set casts by the declared type; the type stays.
func TestSetNativeCastsDeclaredTypes(t *testing.T) {
	t.Parallel()
	s := NewScope("collection", CollectionVariables([]collections.Variable{
		{Key: "n", Type: "number", Value: "1"},
		{Key: "b", Type: "boolean", Value: "true"},
		{Key: "s", Type: "string", Value: "x"},
		{Key: "o", Type: "object", Value: "{}"},
	}))
	s.SetNative("n", "abc")
	s.SetNative("b", "false")
	s.SetNative("s", nil)
	s.SetNative("o", map[string]any{"z": 2.0})
	for key, want := range map[string]string{"n": "NaN", "b": "true", "s": "null", "o": "[object Object]"} {
		v, _ := s.Lookup(key)
		if got := v.Substitution(); got != want || v.Declared == "" {
			t.Errorf("%s: {{%s}} = %q (declared %q), want %q", key, key, got, v.Declared, want)
		}
	}
	// Written back for an export, the type and the value as held.
	v, _ := s.Lookup("n")
	if cv := CollectionVariable(v); cv.Type != "number" || cv.Value != "NaN" || cv.JSON != "" {
		t.Errorf("export of NaN: %+v", cv)
	}
	v, _ = s.Lookup("b")
	if cv := CollectionVariable(v); cv.Type != "boolean" || cv.JSON != "true" {
		t.Errorf("export of a boolean: %+v", cv)
	}
}

// A variable a script set without a key is found by no key; once the
// script ends it leaves the scope (nothing exports or stores it) and is
// listed as "null".
func TestKeylessVariable(t *testing.T) {
	t.Parallel()
	s := NewScope("environment", []Variable{{Key: "k", Value: "v"}})
	s.SetNative(KeylessKey, 2.0)
	for _, key := range []string{"undefined", "null"} {
		if s.Has(key) {
			t.Errorf("has(%q) before the script ends", key)
		}
	}
	if got := ListedKey(KeylessKey); got != "undefined" {
		t.Errorf("listed as %q during the script", got)
	}
	s.SettleKeyless()
	if s.Len() != 1 || s.Has("null") || s.Has("undefined") {
		t.Errorf("after the script: %d variables, has null %v", s.Len(), s.Has("null"))
	}
	if v, ok := s.Keyless(); !ok || v.Key != "null" || v.Native() != 2.0 {
		t.Errorf("keyless = %+v, %v", v, ok)
	}
}

// TestSetUndefinedAsNewmanFlag: --env-var k (no "=") is Newman's
// environment.set("k", undefined): postman-collection casts undefined by
// the variable's declared type (String, Boolean, Number), keeps it as it is
// otherwise. A secret stays a secret (empty), so a later value is masked.
func TestSetUndefinedAsNewmanFlag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		file     []collections.Variable
		get      any
		text     string
		wantType string
	}{
		{"new variable", nil, nil, "", TypeUndefined},
		{"text variable", []collections.Variable{{Key: "k", Value: "v"}}, nil, "", TypeUndefined},
		{"declared string", []collections.Variable{{Key: "k", Type: "string", Value: "v"}}, "undefined", "undefined", TypeString},
		{"declared boolean", []collections.Variable{{Key: "k", Type: "boolean", Value: "true"}}, false, "false", TypeBoolean},
		{"declared number", []collections.Variable{{Key: "k", Type: "number", Value: "5"}}, math.NaN(), "NaN", TypeNumber},
		{"declared object", []collections.Variable{{Key: "k", Type: "object", Value: `{"a":1}`}}, nil, "", TypeUndefined},
		{"secret", []collections.Variable{{Key: "k", Type: "secret", Value: "s3"}}, "", "", TypeSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sc := NewScope("environment", CollectionVariables(tt.file))
			sc.SetUndefined("k")
			v, ok := sc.Lookup("k")
			if !ok {
				t.Fatal("k is not set")
			}
			if v.Type != tt.wantType {
				t.Errorf("type = %q, want %q", v.Type, tt.wantType)
			}
			got := v.Native()
			if f, ok := tt.get.(float64); ok && math.IsNaN(f) {
				if g, ok := got.(float64); !ok || !math.IsNaN(g) {
					t.Errorf("get = %#v, want NaN", got)
				}
			} else if !equalJSON(got, tt.get) {
				t.Errorf("get = %#v, want %#v", got, tt.get)
			}
			if s := v.Substitution(); s != tt.text {
				t.Errorf("{{k}} = %q, want %q", s, tt.text)
			}
		})
	}
}
