package collections

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func exampleMap(t *testing.T, y string) ymap {
	t.Helper()
	root, err := yamlDoc([]byte(y), "e.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return ymap{src: "e.example.yaml", node: root}
}

// An example's name is the file's unless it says; another $kind is an
// error naming the file.
func TestExampleNameOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		yaml, rel, name string
		order           float64
		err             string
	}{
		{"order: 2\n", "folder/Created.example.yaml", "Created", 2, ""},
		{"$kind: http-example\nname: Named\n", "a/b.example.yml", "Named", 0, ""},
		{"$kind: http-request\n", "a/b.example.yaml", "", 0, `an example file must say "$kind: http-example"`},
		{"order: soon\n", "a/b.example.yaml", "", 0, "order"},
	} {
		name, order, err := exampleNameOrder(exampleMap(t, tc.yaml), tc.rel)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want an error with %q", tc.yaml, err, tc.err)
			}
			continue
		}
		if err != nil || name != tc.name || order != tc.order {
			t.Errorf("%q: %q %v %v, want %q %v", tc.yaml, name, order, err, tc.name, tc.order)
		}
	}
}

// response.body is {type, content}: the content is the body, a type other
// than text its preview language.
func TestExampleResponse(t *testing.T) {
	t.Parallel()
	out := map[string]any{}
	y := "statusCode: 201\nstatusText: Created\nheaders:\n  - key: X-A\n    value: b\nbody:\n  type: json\n  content: '{\"id\":1}'\n"
	if err := exampleMap(t, y).exampleResponse(out); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"code": 201, "status": "Created", "header": []outHeader{{Key: "X-A", Value: "b"}},
		"body": `{"id":1}`, "_postman_previewlanguage": "json"}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("got %#v\nwant %#v", out, want)
	}
	out = map[string]any{}
	if err := exampleMap(t, "body: plain\n").exampleResponse(out); err == nil || !strings.Contains(err.Error(), "{type, content}") {
		t.Errorf("a body that is not {type, content}: %v", err)
	}
	out = map[string]any{}
	if err := exampleMap(t, "body:\n  type: text\n  content: hi\n").exampleResponse(out); err != nil || out["body"] != "hi" || out["_postman_previewlanguage"] != nil {
		t.Errorf("text body: %v %#v", err, out)
	}
}

// Body types of an http-request file: raw with its language (text when
// only content is given), forms with their rows, a file path or {src},
// none; graphql and unknown types are errors.
func TestV3Body(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		yaml string
		want *Body
		err  string
	}{
		{"body:\n  content: hi\n", &Body{Mode: BodyRaw, Raw: "hi", Language: "text"}, ""},
		{"body:\n  type: json\n  content: '{}'\n", &Body{Mode: BodyRaw, Raw: "{}", Language: "json"}, ""},
		{"body:\n  type: none\n  content: x\n", &Body{Mode: BodyNone}, ""},
		{"body: {}\n", nil, ""},
		{"body:\n  type: urlencoded\n  content:\n    a: '1'\n", &Body{Mode: BodyURLEncoded, URLEncoded: []FormParam{{Key: "a", Value: "1", FromV3: true}}}, ""},
		// A row's value that is a number or a boolean skips the request in
		// Postman CLI 1.34 (fresh-round13v-bodies.json).
		{"body:\n  type: urlencoded\n  content:\n    a: 1\n", nil, `body.content.a: Postman expects text here, got a number (write it in quotes, as text)`},
		{"body:\n  type: urlencoded\n  content:\n    - key: a\n      value: true\n", nil, `body.content[0].value: Postman expects text here, got a boolean`},
		{"body:\n  type: formdata\n  content:\n    - key: a\n      type: text\n      value: 12\n", nil, "got a number"},
		{"body:\n  type: formdata\n  content:\n    - key: f\n      type: file\n      src: [a.txt, b.txt]\n      contentType: text/plain\n    - key: t\n      value: v\n      type: text\n      description: d\n",
			&Body{Mode: BodyFormData, FormData: []FormParam{{Key: "f", Type: "file", Src: []string{"a.txt", "b.txt"}, ContentType: "text/plain", NoValue: ValueUnset, FromV3: true}, {Key: "t", Value: "v", Type: "text", FromV3: true, Description: "d", Described: true}}}, ""},
		// Postman CLI 1.34 skips a request whose form-data entry has no
		// type, a file entry without src, or form-data as a mapping.
		{"body:\n  type: formdata\n  content:\n    - key: t\n      value: v\n", nil, `form-data entry "t" has no type: Postman expects type: text`},
		{"body:\n  type: formdata\n  content:\n    - key: f\n      type: file\n      value: a.txt\n", nil, `Postman expects a file entry's path in src:`},
		{"body:\n  type: formdata\n  content:\n    - key: f\n      type: blob\n", nil, `unknown type "blob"`},
		{"body:\n  type: formdata\n  content:\n    a: '1'\n", nil, "got a mapping"},
		{"body:\n  type: json\n  content:\n    a: 1\n", nil, "body.content: Postman expects the body as text here, got a mapping; write it as a block of text: content: |-"},
		// A file body is type: file with content: {src} (Postman's lint and
		// migrate); Postman CLI 1.34 skips type: binary and a bare path.
		{"body:\n  type: file\n  content:\n    src: f.bin\n", &Body{Mode: BodyFile, File: "f.bin"}, ""},
		{"body:\n  type: binary\n  content:\n    src: f.bin\n", nil, "no binary body type"},
		{"body:\n  type: file\n  content: f.bin\n", nil, "content: {src: path/to/file}"},
		{"body:\n  type: file\n  content:\n    src: 5\n", nil, "write it in quotes"},
		{"body:\n  type: graphql\n", nil, "graphql-request"},
		{"body:\n  type: weird\n", nil, "unknown body type"},
		{"body: x\n", nil, "{type, content}"},
	} {
		m := exampleMap(t, tc.yaml)
		got, err := m.v3body(m.get("body"), "body")
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want an error with %q", tc.yaml, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %#v %v, want %#v", tc.yaml, got, err, tc.want)
		}
	}
}

// HTTP and GraphQL request files run; other kinds Postman knows are
// skipped with a notice naming the request; no kind or an unknown one is
// an error.
func TestV3RunsKind(t *testing.T) {
	t.Parallel()
	parent := &Item{Name: "Folder"}
	for _, tc := range []struct {
		kind   string
		run    bool
		notice bool
		err    string
	}{
		{"http-request", true, false, ""},
		{"graphql-request", true, false, ""},
		{"grpc-request", false, true, ""},
		{"", false, false, "missing"},
		{"ftp-request", false, false, "unknown kind"},
	} {
		l := &v3loader{}
		run, err := l.runsKind(exampleMap(t, "x: 1\n"), tc.kind, "Get", parent)
		if run != tc.run || (len(l.notices) > 0) != tc.notice || (tc.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%q: run %v, notices %v, error %v", tc.kind, run, l.notices, err)
		}
		if tc.notice && !strings.Contains(l.notices[0].Message, `"Folder / Get"`) {
			t.Errorf("%q: notice %q does not name the request", tc.kind, l.notices[0].Message)
		}
	}
}

func TestV3Request(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		yaml    string
		graphql bool
		method  string
		err     string
	}{
		{"url: https://h/p\n", false, "GET", ""},
		{"query: '{a}'\n", true, "POST", ""},
		{"method: PUT\nquery: '{a}'\n", true, "PUT", ""},
		{"method: get\n", false, "", "upper-case HTTP method"},
	} {
		req, err := exampleMap(t, tc.yaml).v3request(tc.graphql)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want an error with %q", tc.yaml, err, tc.err)
			}
			continue
		}
		if err != nil || req.Method != tc.method || (tc.graphql && (req.Body == nil || req.Body.Mode != BodyGraphQL)) {
			t.Errorf("%q: %+v %v", tc.yaml, req, err)
		}
	}
}

// TestV3SaveExampleDefaults: an example without a code, a status or a body
// is written with 200, OK and an empty text body, as Postman CLI 1.34's
// postman collection migrate writes it (a status beside another code is
// OK too, as migrate has it); a code 0 with an empty status stays.
func TestV3SaveExampleDefaults(t *testing.T) {
	t.Parallel()
	const coll = `{"info":{"name":"ex","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"r","request":{"method":"GET","url":"http://x/get"},"response":[
 {"name":"nocode","body":"a"},
 {"name":"code404","code":404,"body":"b"},
 {"name":"statusonly","status":"Created","body":"c"},
 {"name":"code0","code":0,"status":"","body":"d"},
 {"name":"nobody","code":204,"status":"No Content"}]}]}`
	c, err := LoadBytes([]byte(coll), "ex.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := SaveDir(c, dir); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"nocode":     "statusCode: 200\n  statusText: OK\n  body:\n    type: text\n    content: a\n",
		"code404":    "statusCode: 404\n  statusText: OK\n",
		"statusonly": "statusCode: 200\n  statusText: Created\n",
		"code0":      "statusCode: 0\n  statusText: ''\n",
		"nobody":     "statusCode: 204\n  statusText: No Content\n  body:\n    type: text\n    content: ''\n",
	}
	for name, w := range want {
		data, err := os.ReadFile(filepath.Join(dir, ".resources", "r.resources", "examples", name+".example.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), w) {
			t.Errorf("%s:\n%s\nlacks\n%s", name, data, w)
		}
	}
}

// TestV3SaveGraphQLMethod: a GraphQL POST is written without method:, as
// postman collection migrate writes it; another method is kept (migrate
// drops it, making the request a POST), so the request goes as it went.
func TestV3SaveGraphQLMethod(t *testing.T) {
	t.Parallel()
	const coll = `{"info":{"name":"g","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"post","request":{"method":"POST","url":"http://x/","body":{"mode":"graphql","graphql":{"query":"{ a }"}}}},
{"name":"get","request":{"method":"GET","url":"http://x/","body":{"mode":"graphql","graphql":{"query":"{ a }"}}}}]}`
	c, err := LoadBytes([]byte(coll), "g.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := SaveDir(c, dir); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"post": false, "get": true} {
		data, err := os.ReadFile(filepath.Join(dir, name+".request.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "\nmethod:") != want {
			t.Errorf("%s: method written %v, want %v:\n%s", name, !want, want, data)
		}
	}
	back, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m0, m1 := back.Items[0].Request.Method, back.Items[1].Request.Method; m0 != "POST" || m1 != "GET" {
		t.Errorf("read back as %s, %s", m0, m1)
	}
}
