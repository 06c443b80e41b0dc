package scripting

import "testing"

// URL's setters, each against Node 20's URL (the current sandbox's): a
// value that does not fit leaves the URL as it was.
func TestURLSetters(t *testing.T) {
	t.Parallel()
	tests := []struct{ url, field, value, want string }{
		{"http://a.com:8080/x", "protocol", "https", "https://a.com:8080/x"},
		{"http://a.com/x", "protocol", "foo", "http://a.com/x"},
		{"foo://h/x", "protocol", "http", "foo://h/x"},
		{"https://u@h/", "protocol", "file", "https://u@h/"},
		{"http://h:443/", "protocol", "https", "https://h/"},
		{"http://h/", "username", "u s@er", "http://u%20s%40er@h/"},
		{"file:///x", "username", "u", "file:///x"},
		{"mailto:a@b", "password", "p", "mailto:a@b"},
		{"http://h:1/p", "host", "b.com:81", "http://b.com:81/p"},
		{"http://h/p", "host", "", "http://h/p"},
		{"foo://h/p", "host", "", "foo:///p"},
		{"mailto:a@b", "host", "x", "mailto:a@b"},
		{"http://h:1/p", "hostname", "b.com:81", "http://h:1/p"},
		{"http://h/", "hostname", "[::1]:9", "http://h/"},
		{"http://h/", "hostname", "[::1]", "http://[::1]/"},
		{"http://h/p", "hostname", "b.com/x", "http://b.com/p"},
		{"http://h/p", "hostname", "b.com?x", "http://b.com/p"},
		{"http://h/p", "hostname", "b.com#x:1", "http://b.com/p"},
		{"http://h/p", "hostname", ":80", "http://h/p"},
		{"foo://h/p", "hostname", "b:1", "foo://h/p"},
		{"http://h/p", "hostname", "b.com:", "http://h/p"},
		{"foo://h/p", "hostname", "", "foo:///p"},
		{"http://h:1/p", "host", "b.com:", "http://b.com:1/p"},
		{"http://h:1/p", "host", "b.com:x", "http://b.com:1/p"},
		{"http://h:1/p", "host", "b.com:8x", "http://b.com:8/p"},
		{"http://h:1/p", "host", "b.com:99999", "http://b.com:1/p"},
		{"http://h:1/p", "host", "b.com:080", "http://b.com/p"},
		{"http://h:1/p", "host", "[::1]:x", "http://[::1]:1/p"},
		{"http://h:1/p", "host", ":80", "http://h:1/p"},
		{"http://h:1/p", "host", "b.com:1:2", "http://b.com:1/p"},
		{"foo://h:1/p", "host", "b.com:8x", "foo://b.com:8/p"},
		{"http://h/p", "host", "b.com:65536", "http://b.com/p"},
		{"http://h/p", "host", "[::1]:8", "http://[::1]:8/p"},
		{"http://h/p", "host", "[::1", "http://h/p"},
		{"file://h/x", "host", "b:8", "file://h/x"},
		{"file://h/x", "host", "b", "file://b/x"},
		{"file://h/x", "hostname", "b:8", "file://h/x"},
		{"http://h/p", "host", "u@b.com", "http://h/p"},
		{"http://h/p", "hostname", "u@b.com", "http://h/p"},
		{"foo://h/p", "hostname", "b c", "foo://h/p"},
		{"http://h:1/", "port", "80", "http://h/"},
		{"http://h:1/", "port", "12ab", "http://h:12/"},
		{"http://h:1/", "port", "abc", "http://h:1/"},
		{"http://h:1/", "port", "99999", "http://h:1/"},
		{"http://h:1/", "port", "", "http://h/"},
		{"file:///x", "port", "9", "file:///x"},
		{"http://h/a", "pathname", "/new path?x#y", "http://h/new%20path%3Fx%23y"},
		{"mailto:a@b", "pathname", "/x", "mailto:a@b"},
		{"http://h/?q", "search", "", "http://h/"},
		{"http://h/", "search", "?a b'", "http://h/?a%20b%27"},
		{"foo://h/", "search", "a b'", "foo://h/?a%20b'"},
		{"http://h/#x", "hash", "", "http://h/"},
		{"http://h/", "hash", "#f g`", "http://h/#f%20g%60"},
	}
	for _, tc := range tests {
		u, err := parseWURL(tc.url, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.url, err)
		}
		setURLField(u, tc.field, tc.value)
		if got := u.href(); got != tc.want {
			t.Errorf("new URL(%q).%s = %q: %s, want %s", tc.url, tc.field, tc.value, got, tc.want)
		}
	}
}
