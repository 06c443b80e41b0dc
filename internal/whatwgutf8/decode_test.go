package whatwgutf8

import "testing"

// The cases are the WHATWG Encoding standard's: a maximal subpart is one
// U+FFFD, a byte that can start nothing is one each.
func TestDecode(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain é", "plain é"},
		{"\x80", "\uFFFD"},
		{"a\xC3", "a\uFFFD"},
		{"\xE2\x82", "\uFFFD"},                 // a cut three-byte sequence: one
		{"\xE2\x82x", "\uFFFDx"},               // its continuation stops at x
		{"\xE0\x80", "\uFFFD\uFFFD"},           // E0 needs A0..BF next: two parts
		{"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"}, // a surrogate: three
		{"\xF0\x9F\x98", "\uFFFD"},             // a cut four-byte sequence: one
		{"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"\xC0\xAF", "\uFFFD\uFFFD"},
		{"\xF0\x9F\x98\x80", "😀"},
	}
	for _, tc := range tests {
		if got := Decode(tc.in); got != tc.want {
			t.Errorf("Decode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
