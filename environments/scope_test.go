package environments

import "testing"

// TestSetTextOverTypedValue: a plain string set over a number, null or
// undefined variable makes it text ("any") so {{name}} sends the string
// (--env-var over a null file value); a text type such as secret stays.
func TestSetTextOverTypedValue(t *testing.T) {
	t.Parallel()
	s := NewScope("env", []Variable{
		{Key: "null", Type: TypeNull}, {Key: "undef", Type: TypeUndefined}, {Key: "num", Value: "5", Type: TypeNumber},
		{Key: "secret", Type: TypeSecret}, {Key: "def", Value: "x", Type: TypeDefault},
	})
	for _, tc := range []struct{ key, wantType string }{
		{"null", TypeAny}, {"undef", TypeAny}, {"num", TypeAny}, {"secret", TypeSecret}, {"def", TypeDefault},
	} {
		s.Set(tc.key, "abc")
		v, _ := s.Lookup(tc.key)
		if v.Type != tc.wantType || v.Substitution() != "abc" {
			t.Errorf("%s after Set: type %q, substitutes %q; want %q, \"abc\"", tc.key, v.Type, v.Substitution(), tc.wantType)
		}
	}
	cur := NewCurrent(Identity{})
	cur.Set("n", "hello", "")
	merged := MergeVariables([]Variable{{Key: "n", Type: TypeNull}}, cur)
	if merged[0].Type != TypeAny || merged[0].Value != "hello" {
		t.Errorf("a current value over a null initial value = %+v, want any \"hello\"", merged[0])
	}
}

// TestDataNullStaysUnresolved: Postman leaves {{name}} for a null in the
// iteration data, while an environment null substitutes "null".
func TestDataNullStaysUnresolved(t *testing.T) {
	t.Parallel()
	sc := &Scopes{
		Data:        NewScope("data", []Variable{{Key: "d", Type: TypeNull}}),
		Environment: NewScope("env", []Variable{{Key: "e", Type: TypeNull}}),
	}
	r := Resolver{Scopes: sc}
	if got := r.Replace("{{d}}|{{e}}"); got != "{{d}}|null" {
		t.Errorf("Replace = %q, want {{d}}|null", got)
	}
}

// TestNullUnresolvedKeepsNullAndUndefined: Postman CLI's newer runtime (v12
// runs) leaves {{name}} for a null or undefined value from any scope, and a
// variable so left is not then read as a dynamic variable.
func TestNullUnresolvedKeepsNullAndUndefined(t *testing.T) {
	t.Parallel()
	sc := &Scopes{
		Environment: NewScope("env", []Variable{{Key: "n", Type: TypeNull}, {Key: "u", Type: TypeUndefined}, {Key: "s", Value: "x"}, {Key: "$guid", Type: TypeNull}}),
		Collection:  NewScope("coll", []Variable{{Key: "u", Value: "shadowed"}}),
	}
	r := Resolver{Scopes: sc, NullUnresolved: true}
	if got, want := r.Replace("{{n}}|{{u}}|{{s}}|{{$guid}}"), "{{n}}|{{u}}|x|{{$guid}}"; got != want {
		t.Errorf("Replace = %q, want %q", got, want)
	}
}
