package collections

import (
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
		{"body:\n  type: urlencoded\n  content:\n    a: 1\n", &Body{Mode: BodyURLEncoded, URLEncoded: []FormParam{{Key: "a", Value: "1"}}}, ""},
		{"body:\n  type: formdata\n  content:\n    - key: f\n      type: file\n      src: [a.txt, b.txt]\n      contentType: text/plain\n    - key: t\n      value: v\n",
			&Body{Mode: BodyFormData, FormData: []FormParam{{Key: "f", Type: "file", Src: []string{"a.txt", "b.txt"}, ContentType: "text/plain"}, {Key: "t", Value: "v", Type: "text"}}}, ""},
		{"body:\n  type: binary\n  content:\n    src: f.bin\n", &Body{Mode: BodyFile, File: "f.bin"}, ""},
		{"body:\n  type: file\n  content: f.bin\n", &Body{Mode: BodyFile, File: "f.bin"}, ""},
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
