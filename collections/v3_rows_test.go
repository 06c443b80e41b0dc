package collections

import (
	"strings"
	"testing"
)

// The url's query and queryParams merge as Postman CLI 1.34 sends them
// (fresh-round13v-yaml.json): the url's parameters that queryParams names,
// even by a disabled entry, go, and every entry follows the url's others
// in its own order, repeated keys included.
func TestV3QueryMerge(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ url, params, want string }{
		{"http://h/q?a=1&b=2", "queryParams:\n  b: B\n  a: A\n", "b=B&a=A"},
		{"http://h/q?x=0&a=1&y=2", "queryParams:\n  a: A\n  z: Z\n", "x=0&y=2&a=A&z=Z"},
		{"http://h/q?x=0&a=1&y=2", "queryParams:\n  - key: a\n    value: A\n    disabled: true\n  - key: z\n    value: Z\n", "x=0&y=2&z=Z"},
		{"http://h/q?a=1&a=2&b=3", "queryParams:\n  - key: a\n    value: A1\n  - key: b\n    value: B\n  - key: a\n    value: A2\n", "a=A1&b=B&a=A2"},
		{"http://h/q?a=1&b=2&a=3", "queryParams:\n  a: P\n  e: ''\n", "b=2&a=P&e="},
		{"http://h/q?a=1", "", "a=1"},
	} {
		m := exampleMap(t, "x: 1\n"+tc.params)
		u, err := m.v3url(tc.url, m.get("queryParams"), nil)
		if err != nil {
			t.Fatalf("%s %q: %v", tc.url, tc.params, err)
		}
		var got []string
		for _, q := range u.Query {
			if q.Disabled {
				continue
			}
			v := ""
			if q.Value != nil {
				v = *q.Value
			}
			got = append(got, q.Key+"="+v)
		}
		if g := strings.Join(got, "&"); g != tc.want {
			t.Errorf("%s with %q: %s, want %s", tc.url, tc.params, g, tc.want)
		}
	}
}

// A %YAML 1.x directive is read (the Go parser takes only 1.1); a value
// with a tag Postman's parser makes other than text (!!binary, an unknown
// !tag) is refused, the error naming the tag and the fix.
func TestV3DirectiveAndTags(t *testing.T) {
	t.Parallel()
	m := exampleMap(t, "%YAML 1.2\n---\nname: ok\n...\n")
	if name, err := m.str("name", "name"); err != nil || name != "ok" {
		t.Errorf("%%YAML 1.2: %q %v", name, err)
	}
	if _, err := yamlDoc([]byte("%YAML 2.0\n---\nname: x\n"), "r.request.yaml"); err == nil || !strings.Contains(err.Error(), "r.request.yaml: line 1, column 1: invalid YAML: found incompatible YAML document (Postman reads YAML 1.x: write %YAML 1.2, or leave the directive out)") {
		t.Errorf("%%YAML 2.0: %v, want an error naming the file and line", err)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"h: !!binary aGVsbG8=\n", `line 1, column 4: h: Postman expects text here, got binary data (!!binary) (remove the tag !!binary and write the value in quotes)`},
		{"h: !custom val\n", `got a value tagged !custom, a tag Postman's YAML reader does not take (remove the tag !custom and write the value in quotes)`},
		{"h: !!str 0012\n", ""},
	} {
		m := exampleMap(t, tc.yaml)
		_, err := m.str("h", "h")
		if tc.want == "" {
			if err != nil {
				t.Errorf("%q: %v", tc.yaml, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

// A value refused for not being text may be a credential (a numeric client
// secret in a form row, a PIN in a header, a key tagged !!binary): the
// error names the file's place, the kind of value and the fix, never the
// value itself (as e9f1907 did for auth credentials).
func TestV3RefusedValueNotQuoted(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ yaml, path, want string }{
		{"body:\n  type: urlencoded\n  content:\n    client_secret: 987654321\n", "body.content.client_secret", "got a number (write it in quotes"},
		{"body:\n  type: urlencoded\n  content:\n    - key: pin\n      value: 987654321\n", "body.content[0].value", "got a number (write it in quotes"},
		{"body:\n  type: formdata\n  content:\n    - key: k\n      type: text\n      value: 987654321.5\n", "body.content[0].value", "got a number"},
		{"headers:\n  X-Key: 987654321\n", "headers.X-Key", "got a number (write it in quotes"},
		{"headers:\n  X-Key: !!binary OTg3NjU0MzIx\n", "headers.X-Key", "got binary data (!!binary) (remove the tag !!binary and write the value in quotes"},
		{"headers:\n  X-Key: !custom 987654321\n", "headers.X-Key", "remove the tag !custom and write the value in quotes"},
	} {
		err := bodyOrHeadersErr(t, tc.yaml)
		if err == nil {
			t.Errorf("%q: no error", tc.yaml)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "987654321") || strings.Contains(msg, "OTg3NjU0MzIx") {
			t.Errorf("%q: the error quotes the value: %s", tc.yaml, msg)
		}
		if !strings.Contains(msg, tc.path+": ") || !strings.Contains(msg, tc.want) {
			t.Errorf("%q: %s, want the place %s and %q", tc.yaml, msg, tc.path, tc.want)
		}
	}
}

// An auth block written as a bare value (auth: Bearer <token>, credentials:
// <password>, a credentials list of bare values) is refused with its place
// and the shape Postman expects, never the value, which is a credential.
func TestV3AuthShapeErrorsLeaveValueOut(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ yaml, want string }{
		{"auth: Bearer s3cr3t-t0ken-987654321\n", "auth: Postman expects {type, credentials} here, got text"},
		{"auth: 987654321\n", "auth: Postman expects {type, credentials} here, got a number"},
		{"auth:\n  type: bearer\n  credentials: s3cr3t-t0ken-987654321\n", "auth.credentials: Postman expects a mapping of credentials here (username: ..., password: ...), got text"},
		{"auth:\n  type: basic\n  credentials:\n    - s3cr3t-t0ken-987654321\n", "auth.credentials[0]: Postman expects {key, value} here, got text"},
	} {
		m := exampleMap(t, tc.yaml)
		_, err := m.v3auth(m.get("auth"), "auth", false)
		if err == nil {
			t.Errorf("%q: no error", tc.yaml)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "987654321") || !strings.Contains(msg, tc.want) {
			t.Errorf("%q: %s, want %q and not the value", tc.yaml, msg, tc.want)
		}
	}
}

// A form body written without content (type: urlencoded or formdata and
// nothing else) reads as an empty form, as content: ~ does; it panicked
// since the form rows' values were checked (3fee25f), and form-data before.
func TestV3FormBodyWithoutContent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		yaml string
		mode string
	}{
		{"body:\n  type: urlencoded\n", BodyURLEncoded},
		{"body:\n  type: formdata\n", BodyFormData},
		{"body:\n  type: urlencoded\n  content: ~\n", BodyURLEncoded},
		{"body:\n  type: formdata\n  content:\n", BodyFormData},
	} {
		m := exampleMap(t, tc.yaml)
		b, err := m.v3body(m.get("body"), "body")
		if err != nil || b == nil || b.Mode != tc.mode || len(b.URLEncoded)+len(b.FormData) != 0 {
			t.Errorf("%q: %+v %v, want an empty %s body", tc.yaml, b, err, tc.mode)
		}
	}
}

// A list of rows, a body or an example's response body written as a bare
// value is refused by its place and the shape Postman expects, without the
// value (a header line with a token, a body holding a password).
func TestV3ShapeErrorsLeaveValueOut(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ yaml, want string }{
		{"headers: 'Authorization: Bearer s3cr3t-987654321'\n", "headers: Postman expects a mapping {Name: value} or a list of {key, value} here, got text"},
		{"headers:\n  - 'Authorization: Bearer s3cr3t-987654321'\n", "headers[0]: Postman expects an entry {key, value} here, got text"},
		{"body: '{\"password\": \"s3cr3t-987654321\"}'\n", "body: Postman expects a body mapping {type, content} here, got text"},
	} {
		err := bodyOrHeadersErr(t, tc.yaml)
		if err == nil {
			t.Errorf("%q: no error", tc.yaml)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "987654321") || !strings.Contains(msg, tc.want) {
			t.Errorf("%q: %s, want %q and not the value", tc.yaml, msg, tc.want)
		}
	}
}

// bodyOrHeadersErr reads the body or the header list that yaml holds and
// returns the error of reading it.
func bodyOrHeadersErr(t *testing.T, yaml string) error {
	t.Helper()
	m := exampleMap(t, yaml)
	if strings.HasPrefix(yaml, "body") {
		_, err := m.v3body(m.get("body"), "body")
		return err
	}
	_, err := m.kvList(m.get("headers"), "headers", false)
	return err
}
