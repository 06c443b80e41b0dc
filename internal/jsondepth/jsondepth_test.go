package jsondepth

import (
	"strings"
	"testing"
)

func TestExceeds(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in    string
		limit int
		want  bool
	}{
		{`{}`, 1, false},
		{`{"a":[1]}`, 1, true},
		{`{"a":[1]}`, 2, false},
		{`"[[[[{{{{"`, 1, false},       // brackets inside a string
		{`["\"[[[["]`, 1, false},       // an escaped quote does not end the string
		{`[{"a":"\\"},[[]]]`, 2, true}, // an escaped backslash does
		{strings.Repeat("[", 50) + strings.Repeat("]", 50), 49, true},
		{strings.Repeat("[", 50) + strings.Repeat("]", 50), 50, false},
	} {
		if got := Exceeds(tc.in, tc.limit); got != tc.want {
			t.Errorf("Exceeds(%q, %d) = %v, want %v", tc.in, tc.limit, got, tc.want)
		}
		if got := Exceeds([]byte(tc.in), tc.limit); got != tc.want {
			t.Errorf("Exceeds([]byte(%q), %d) = %v, want %v", tc.in, tc.limit, got, tc.want)
		}
	}
}
