package report

import (
	"testing"

	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
)

// An environment's or the globals' values in the JSON report name the type
// the file declared, as Newman 6.2.2 writes them: "any" for none (and for
// types postman-collection does not cast, such as default and text), never
// the kind a value is held as (a number, an object, null); courier keeps a
// secret type (newman#3067). Newman's answers: hck3's run of 2026-12-06.
func TestScopeValueTypesAsNewman(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v    environments.Variable
		want string
	}{
		{environments.Variable{Key: "n", Value: "1", Type: environments.TypeNumber}, "any"},
		{environments.Variable{Key: "o", Value: `{"a":1}`, Type: environments.TypeObject}, "any"},
		{environments.Variable{Key: "a", Value: `[1]`, Type: environments.TypeArray}, "any"},
		{environments.Variable{Key: "b", Value: "true", Type: environments.TypeBoolean}, "any"},
		{environments.Variable{Key: "z", Type: environments.TypeNull}, "any"},
		{environments.Variable{Key: "u", Type: environments.TypeUndefined}, "any"},
		{environments.Variable{Key: "d", Value: "x", Type: "default"}, "any"},
		{environments.Variable{Key: "tb", Value: "true", Type: environments.TypeBoolean, Declared: environments.TypeBoolean}, "boolean"},
		{environments.Variable{Key: "tn", Value: "5", Type: environments.TypeNumber, Declared: environments.TypeNumber}, "number"},
		{environments.Variable{Key: "s", Value: "x", Type: environments.TypeSecret}, "secret"},
	} {
		got := scopeJSON("E", "id", runner.ScopeFile{}, []environments.Variable{c.v}, "environment").Values[0].Type
		if got != c.want {
			t.Errorf("%s (held as %q, declared %q): type %q, Newman writes %q", c.v.Key, c.v.Type, c.v.Declared, got, c.want)
		}
	}
}
