package runner

import (
	"reflect"
	"testing"

	"github.com/courier-run/courier/collections"
)

// A ":name" segment takes the last variable of that name, disabled or not,
// unless its value is empty; ":name.ext" keeps its extension; other
// segments stay. Newman 6.2.2 sends /v1/3/:e for ids 1, 2, 3 (disabled) and
// e "x" then "".
func TestSubstitutePathVariables(t *testing.T) {
	t.Parallel()
	vars := []collections.Variable{{Key: "id", Value: "1"}, {Key: "id", Value: "2"}, {Key: "id", Value: "3", Disabled: true},
		{Key: "empty", Value: ""}, {Key: "fmt", Value: "report"}, {Key: "e", Value: "x"}, {Key: "e", Value: ""}}
	got := substitutePathVariables([]string{"v1", ":id", ":fmt.json", ":empty", ":missing", "a:id", "", ":e"}, vars)
	want := []string{"v1", "3", "report.json", ":empty", ":missing", "a:id", "", ":e"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := substitutePathVariables(nil, vars); len(got) != 0 {
		t.Errorf("no path: %q", got)
	}
}

func TestWireHost(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		labels []string
		port   string
		want   string
	}{
		{[]string{"API", "Example", "com"}, "", "api.example.com"},
		{[]string{"127", "0", "0", "1"}, "8080", "127.0.0.1:8080"},
		{[]string{"127", "1"}, "", "127.0.0.1"},
		{[]string{"0x7f", "1"}, "", "127.0.0.1"},
		{[]string{"münchen", "de"}, "443", "xn--mnchen-3ya.de:443"},
		{[]string{"{{host}}"}, "", "{{host}}"},
	} {
		if got := wireHost(tc.labels, tc.port); got != tc.want {
			t.Errorf("%q %q: %q, want %q", tc.labels, tc.port, got, tc.want)
		}
	}
}

// Disabled params are dropped (all disabled: no "?"); a param without a
// value has no "="; spaces are encoded unless noEncode.
func TestWireQuery(t *testing.T) {
	t.Parallel()
	v := func(s string) *string { return &s }
	params := []collections.QueryParam{{Key: "a", Value: v("1 2")}, {Key: "off", Value: v("x"), Disabled: true}, {Key: "flag"}, {Key: "e", Value: v("")}}
	for _, tc := range []struct {
		params   []collections.QueryParam
		noEncode bool
		want     string
		has      bool
	}{
		{params, false, "a=1%202&flag&e=", true},
		{params, true, "a=1 2&flag&e=", true},
		{params[1:2], false, "", false},
		{nil, false, "", false},
	} {
		got, has := wireQuery(tc.params, tc.noEncode)
		if got != tc.want || has != tc.has {
			t.Errorf("%v noEncode=%v: %q %v, want %q %v", tc.params, tc.noEncode, got, has, tc.want, tc.has)
		}
	}
}
