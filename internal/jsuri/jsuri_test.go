package jsuri

import "testing"

// TestEncodeURIComponent: the answers are node's encodeURIComponent's.
func TestEncodeURIComponent(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                   "",
		"az-AZ_09.!~*'()":    "az-AZ_09.!~*'()",
		"us er@x":            "us%20er%40x",
		"p:w/é%41":           "p%3Aw%2F%C3%A9%2541",
		"$&+,;=?#[]\x00\x7f": "%24%26%2B%2C%3B%3D%3F%23%5B%5D%00%7F",
		"\U0001F600 <ü>":     "%F0%9F%98%80%20%3C%C3%BC%3E",
	} {
		if got := EncodeURIComponent(in); got != want {
			t.Errorf("EncodeURIComponent(%q) = %q, want %q", in, got, want)
		}
	}
}
