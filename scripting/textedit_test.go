package scripting

import "testing"

// applyTextEdits serves both rewrites: the async generators' replacements
// and insertions (textEdit) and using's ordered insertions (usingEdit).
func TestApplyTextEdits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, src string
		edits     []textEdit
		want      string
		ok        bool
	}{
		{"replace", "abcdef", []textEdit{{1, 3, "X"}}, "aXdef", true},
		{"insertion before a replacement at one place", "abcdef", []textEdit{{1, 3, "X"}, {1, 1, "<"}, {3, 3, ">"}}, "a<X>def", true},
		{"added last, first", "ab", []textEdit{{1, 1, "1"}, {1, 1, "2"}}, "a21b", true},
		{"kept in place order", "abcd", []textEdit{{3, 3, "3"}, {1, 1, "1"}}, "a1bc3d", true},
		{"overlap", "abcdef", []textEdit{{1, 4, "X"}, {2, 3, "Y"}}, "abcdef", false},
		{"past the end", "ab", []textEdit{{1, 5, "X"}}, "ab", false},
		{"backwards", "abc", []textEdit{{2, 1, "X"}}, "abc", false},
	} {
		got, segs, ok := applyTextEdits(c.src, c.edits)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: got %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
		for _, s := range segs {
			if got[s.out:s.out+s.n] != c.src[s.in:s.in+s.n] {
				t.Errorf("%s: segment %v is no copy of the source", c.name, s)
			}
		}
	}
	for _, c := range []struct {
		name  string
		edits []usingEdit
		want  string
	}{
		{"by order at one place", []usingEdit{{1, orderClose, "c"}, {1, orderOpen, "o"}, {1, orderInit, "i"}}, "aoicb"},
		{"same order: added last, first", []usingEdit{{1, orderInit, "1"}, {1, orderInit, "2"}}, "a21b"},
		{"places before orders", []usingEdit{{2, orderOpen, "o"}, {1, orderClose, "c"}}, "acbo"},
	} {
		got, _, ok := applyTextEdits("ab", c.edits)
		if got != c.want || !ok {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}
