package jsuri

import "testing"

// TestEncoders: EncodeURIComponent's answers are node's encodeURIComponent's;
// EncodeUnreserved keeps RFC 3986's unreserved bytes only and escapes
// !'()* too (what OAuth 1's base string and AWS SigV4 need).
func TestEncoders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, component, unreserved string
	}{
		{"", "", ""},
		{"az-AZ_09.~", "az-AZ_09.~", "az-AZ_09.~"},
		{"!*'()", "!*'()", "%21%2A%27%28%29"},
		{"us er@x", "us%20er%40x", "us%20er%40x"},
		{"p:w/é%41", "p%3Aw%2F%C3%A9%2541", "p%3Aw%2F%C3%A9%2541"},
		{"$&+,;=?#[]\x00\x7f", "%24%26%2B%2C%3B%3D%3F%23%5B%5D%00%7F", "%24%26%2B%2C%3B%3D%3F%23%5B%5D%00%7F"},
		{"\U0001F600 <ü>\xff", "%F0%9F%98%80%20%3C%C3%BC%3E%FF", "%F0%9F%98%80%20%3C%C3%BC%3E%FF"},
	} {
		if got := EncodeURIComponent(tc.in); got != tc.component {
			t.Errorf("EncodeURIComponent(%q) = %q, want %q", tc.in, got, tc.component)
		}
		if got := EncodeUnreserved(tc.in); got != tc.unreserved {
			t.Errorf("EncodeUnreserved(%q) = %q, want %q", tc.in, got, tc.unreserved)
		}
	}
}
