package scripting

import "testing"

func TestAuthorityEnd(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s       string
		special bool
		want    int
	}{
		{"h.example/p", true, 9},
		{"h?q", false, 1},
		{"u@h#f", true, 3},
		{`h\p`, true, 1},
		{`h\p`, false, 3},
		{"", true, 0},
	} {
		if got := authorityEnd(tc.s, tc.special); got != tc.want {
			t.Errorf("%q special=%v: %d, want %d", tc.s, tc.special, got, tc.want)
		}
	}
}

// Ports as new URL() keeps them (Node 20): leading zeros dropped, the
// scheme's default dropped, anything else refused.
func TestParsePort(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		port, scheme, want string
		err                bool
	}{
		{"8080", "http", "8080", false},
		{"0080", "http", "", false},
		{"443", "https", "", false},
		{"443", "http", "443", false},
		{"0", "foo", "0", false},
		{"65535", "ws", "65535", false},
		{"65536", "http", "", true},
		{"8x", "http", "", true},
		{"80", "file", "", true},
		{"99999999999999999999", "http", "", true},
	} {
		got, err := parsePort(tc.port, tc.scheme)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("%s %s: %q %v, want %q (error %v)", tc.port, tc.scheme, got, err, tc.want, tc.err)
		}
	}
}

func TestCutHostPort(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, host, port string }{
		{"h:80", "h", "80"},
		{"[::1]:8", "[::1]", "8"},
		{"[::1]", "[::1]", ""},
		{"h", "h", ""},
		{"h:1:2", "h", "1:2"},
	} {
		if h, p, _ := cutHostPort(tc.in); h != tc.host || p != tc.port {
			t.Errorf("%q: %q %q, want %q %q", tc.in, h, p, tc.host, tc.port)
		}
	}
}
