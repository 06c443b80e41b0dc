package collections

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// url.host and url.path as strings, arrays (v2.0's {type, value} path
// segments included) or absent; anything else is a shape error naming
// the place.
func TestURLHostAndPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw        string
		host, path []string
		hostErr    bool
		pathErr    bool
	}{
		{``, nil, nil, false, false},
		{`null`, nil, nil, false, false},
		{`"api.example.com"`, []string{"api", "example", "com"}, []string{"api.example.com"}, false, false},
		{`"/"`, []string{"/"}, []string{""}, false, false},
		{`""`, []string{""}, nil, false, false},
		{`"/v1/users/"`, []string{"/v1/users/"}, []string{"v1", "users", ""}, false, false},
		{`"//x"`, []string{"//x"}, []string{"", "x"}, false, false},
		{`[]`, []string{}, []string{}, false, false},
		{`["a", 1, ""]`, []string{"a", "1", ""}, []string{"a", "1", ""}, false, false},
		{`5`, nil, nil, true, true},
		{`{}`, nil, nil, true, true},
	}
	for _, tc := range tests {
		host, err := urlHost(json.RawMessage(tc.raw), "item.url.host")
		if (err != nil) != tc.hostErr || !reflect.DeepEqual(host, tc.host) {
			t.Errorf("host %s: %#v %v, want %#v (error %v)", tc.raw, host, err, tc.host, tc.hostErr)
		}
		path, err := urlPath(json.RawMessage(tc.raw), "item.url.path")
		if (err != nil) != tc.pathErr || !reflect.DeepEqual(path, tc.path) {
			t.Errorf("path %s: %#v %v, want %#v (error %v)", tc.raw, path, err, tc.path, tc.pathErr)
		}
		if err != nil && !strings.Contains(err.Error(), "item.url.path") {
			t.Errorf("path %s: error %q does not name the place", tc.raw, err)
		}
	}
	path, err := urlPath(json.RawMessage(`["v1", {"type": "string", "value": ":id"}, {"type": "any"}]`), "item.url.path")
	if want := []string{"v1", ":id", ""}; err != nil || !reflect.DeepEqual(path, want) {
		t.Errorf("v2.0 path segment objects: %#v %v, want %#v", path, err, want)
	}
}

func TestURLUserInfo(t *testing.T) {
	t.Parallel()
	pw := func(s string) *string { return &s }
	tests := []struct {
		raw  string
		want *UserInfo
		err  bool
	}{
		{``, nil, false},
		{`null`, nil, false},
		{`{}`, nil, false},
		{`{"user": "u"}`, &UserInfo{User: "u"}, false},
		{`{"password": ""}`, &UserInfo{Password: pw(""), NoUser: true}, false},
		{`{"user": "u", "password": "p"}`, &UserInfo{User: "u", Password: pw("p")}, false},
		{`{"password": "p", "user": "u"}`, &UserInfo{User: "u", Password: pw("p"), PasswordFirst: true}, false},
		{`"u:p"`, nil, true},
	}
	for _, tc := range tests {
		got, err := urlUserInfo(json.RawMessage(tc.raw), "item.url.auth")
		if (err != nil) != tc.err || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v %v, want %+v (error %v)", tc.raw, got, err, tc.want, tc.err)
		}
	}
}
