package collections

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

const fixtures = "../testdata/collections"

func load(t *testing.T, name string) *Collection {
	t.Helper()
	c, err := LoadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatalf("LoadFile(%s): %v", name, err)
	}
	return c
}

// requests lists request items in run order.
func requests(c *Collection) []*Item {
	var out []*Item
	_ = Walk(c.Items, func(it *Item) error { out = append(out, it); return nil })
	return out
}

func find(t *testing.T, c *Collection, name string) *Item {
	t.Helper()
	var found *Item
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			if it.Name == name && found == nil {
				found = it
			}
			walk(it.Items)
		}
	}
	walk(c.Items)
	if found == nil {
		t.Fatalf("no item %q", name)
	}
	return found
}

func ptr(s string) *string { return &s }

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %#v\n want %#v", what, got, want)
	}
}

func TestLoadEdgeCases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file  string
		check func(t *testing.T, c *Collection)
	}{
		{"edge_exec_string.json", func(t *testing.T, c *Collection) {
			eq(t, "collection exec (CRLF normalized)", c.Events[0].Script.Exec, "console.log('a');\nconsole.log('b');")
			r := find(t, c, "r1")
			eq(t, "method uppercased", r.Request.Method, "GET")
			eq(t, "events", len(r.Events), 3)
			eq(t, "array exec", r.Events[0].Script.Exec, "pm.test('ok', function () {\n  pm.response.to.have.status(200);\n});")
			eq(t, "script as string", r.Events[1], Event{Listen: "prerequest", Script: Script{Type: "text/javascript", Exec: "pm.variables.set('x', 1);"}})
			eq(t, "disabled event", r.Events[2], Event{Listen: "test", Disabled: true, DisabledSet: true, Script: Script{ID: "s-1", Name: "off", Exec: "throw new Error('never')"}})
		}},
		{"edge_event_object.json", func(t *testing.T, c *Collection) {
			eq(t, "collection events", c.Events, []Event{{Listen: "test", Script: Script{Exec: "pm.test('collection', () => {});"}}})
			eq(t, "item events", find(t, c, "r1").Events, []Event{{Listen: "prerequest", Script: Script{Exec: "console.log('pre')"}}})
		}},
		{"edge_numeric_var.json", func(t *testing.T, c *Collection) {
			eq(t, "variables", c.Variables, []Variable{
				// Values that are not strings keep their JSON and the
				// type stays as given, as postman-collection keeps them.
				{Key: "count", Value: "5", JSON: "5"},
				{Key: "ratio", Value: "0.25", Type: "any", JSON: "0.25"},
				{Key: "flag", Value: "true", JSON: "true"},
				{Key: "obj", Value: `{"a":[1,2],"b":"c"}`, JSON: `{"a":[1,2],"b":"c"}`},
				{Key: "nothing", Value: "", JSON: "null"},
				{Key: "plain", Value: "text", Type: "text", Description: "a description"},
				{Key: "off", Value: "x", Disabled: true},
				// Postman's SDK does not name collection variables by id.
				{ID: "only-id", Value: "v"},
			})
			eq(t, "item variables", find(t, c, "r1").Variables, []Variable{{Key: "itemVar", Value: "42", JSON: "42"}})
		}},
		{"edge_disabled_query.json", func(t *testing.T, c *Collection) {
			r := find(t, c, "r1").Request
			eq(t, "headers", r.Header, []Header{{Key: "X-On", Value: "1"}, {Key: "X-Off", Value: "2", Disabled: true}})
			eq(t, "query", r.URL.Query, []QueryParam{
				{Key: "keep", Value: ptr("1")},
				{Key: "drop", Value: ptr("2"), Disabled: true},
				{Key: "flag"},
				{Key: "empty", Value: ptr("")},
			})
			eq(t, "url parts", []any{r.URL.Protocol, r.URL.Host, r.URL.Port, r.URL.Path, r.URL.Hash},
				[]any{"https", []string{"{{host}}"}, "8080", []string{"a", ":id", "b"}, "frag"})
			eq(t, "raw kept", r.URL.Raw, "https://{{host}}:8080/a/:id/b?keep=1&drop=2&flag#frag")
			eq(t, "path variables", r.URL.Variables, []Variable{{Key: "id", Value: "42", Description: "the id"}})
			eq(t, "String", r.URL.String(), "https://{{host}}:8080/a/42/b?keep=1&flag&empty=#frag")

			nr := find(t, c, "no raw").Request.URL
			eq(t, "host string split", nr.Host, []string{"api", "example", "com"})
			eq(t, "path string split", nr.Path, []string{"v1", "users"})
			eq(t, "query string", nr.Query, []QueryParam{{Key: "a", Value: ptr("1")}, {Key: "b"}})
			eq(t, "no raw String", nr.String(), "api.example.com/v1/users?a=1&b")

			ro := find(t, c, "raw only").Request.URL
			eq(t, "raw only parsed", ro, ParseURL("http://localhost:3000/x?y={{a/b}}"))
			eq(t, "raw only String", ro.String(), "http://localhost:3000/x?y={{a/b}}")
		}},
		{"edge_bare_url_request.json", func(t *testing.T, c *Collection) {
			eq(t, "format", c.Format, "v2.0")
			r := find(t, c, "bare").Request
			eq(t, "method", r.Method, "GET")
			eq(t, "url", r.URL.String(), "https://postman-echo.com/get?foo=bar")
			nr := find(t, c, "no request")
			eq(t, "no request is a request", nr.IsFolder(), false)
			eq(t, "no request method", nr.Request.Method, "GET")
		}},
		{"edge_header_string.json", func(t *testing.T, c *Collection) {
			r := find(t, c, "r1").Request
			eq(t, "headers", r.Header, []Header{
				{Key: "Content-Type", Value: "application/json"},
				{Key: "X-Trace", Value: "abc:def"},
				{Key: "Authorization", Value: "Bearer {{token}}"},
			})
			eq(t, "body", r.Body, &Body{Mode: BodyRaw, Raw: `{"a": 1}`, Language: "json"})
		}},
		{"edge_no_info.json", func(t *testing.T, c *Collection) {
			eq(t, "name from top level", c.Info.Name, "No Info Block")
			eq(t, "items", len(c.Items), 2)
			f := c.Items[1]
			eq(t, "empty folder", []any{f.Folder, f.IsFolder(), len(f.Items), f.Request == nil}, []any{true, true, 0, true})
		}},
		{"v2_0_object_auth.json", func(t *testing.T, c *Collection) {
			eq(t, "collection auth (object form)", c.Auth, &Auth{Type: "basic", Params: map[string]string{"username": "postman", "password": "secret", "showPassword": "false"}, Order: []string{"username", "password", "showPassword"}, Literal: map[string]bool{"showPassword": true}})
			f := find(t, c, "folder")
			eq(t, "folder id from _postman_id", f.ID, "f-1")
			eq(t, "folder auth", f.Auth, &Auth{Type: "bearer", Params: map[string]string{"token": "{{token}}"}, Order: []string{"token"}})
			eq(t, "inherit", find(t, c, "inherits").Request.Auth, (*Auth)(nil))
			eq(t, "noauth", find(t, c, "noauth").Request.Auth, &Auth{Type: "noauth", Params: map[string]string{}})
			eq(t, "array params keep JSON text", find(t, c, "oauth1 v2.1 array").Request.Auth.Params,
				map[string]string{"consumerKey": "ck", "addParamsToHeader": "true", "timestamp": "1500452534"})
			eq(t, "null auth inherits", find(t, c, "null auth").Request.Auth, (*Auth)(nil))
		}},
		{"body_modes.json", func(t *testing.T, c *Collection) {
			eq(t, "formdata", find(t, c, "formdata").Request.Body.FormData, []FormParam{
				{Key: "text", Value: "v", Type: "text"},
				{Key: "one", Type: "file", Src: []string{"/tmp/a.txt"}, ContentType: "text/plain"},
				{Key: "many", Type: "file", Src: []string{"/tmp/a.txt", "/tmp/b.txt"}},
				{Key: "none", Type: "file"},
				{Key: "off", Value: "x", Disabled: true},
			})
			eq(t, "urlencoded", find(t, c, "urlencoded").Request.Body.URLEncoded, []FormParam{
				{Key: "a", Value: "1"}, {Key: "b", Value: "2", Disabled: true, JSON: "2"}})
			eq(t, "file", find(t, c, "file").Request.Body, &Body{Mode: BodyFile, File: "data/upload.bin"})
			eq(t, "graphql", find(t, c, "graphql").Request.Body.GraphQL, &GraphQL{Query: "query { me { id } }", Variables: `{"n":1}`, VariablesJSON: true, Unset: []string{"operationName"}})
			eq(t, "disabled body", find(t, c, "disabled body").Request.Body, &Body{Mode: BodyRaw, Raw: "x", Disabled: true})
		}},
		{"deep_nesting.json", func(t *testing.T, c *Collection) {
			d := find(t, c, "deepest")
			eq(t, "path", d.Path(), []string{"L1", "L2", "L3", "L4", "L5", "L6", "deepest"})
			eq(t, "ppb", d.ProtocolProfileBehavior, map[string]any{"disableBodyPruning": true, "disabledSystemHeaders": map[string]any{"user-agent": true}})
			eq(t, "folder ppb", find(t, c, "L1").ProtocolProfileBehavior, map[string]any{"followRedirects": false})
			eq(t, "collection ppb", c.ProtocolProfileBehavior, map[string]any{"strictSSL": false})
			eq(t, "folder vars", find(t, c, "L1").Variables, []Variable{{Key: "level", Value: "1"}})
			var names []string
			for _, r := range requests(c) {
				names = append(names, r.ID)
			}
			eq(t, "run order", names, []string{"req-deep", "req-shared-1", "req-top", "req-shared-2"})
			eq(t, "empty folder kept", find(t, c, "empty").Folder, true)
			// Parent links are consistent everywhere.
			var check func(items []*Item, parent *Item)
			check = func(items []*Item, parent *Item) {
				for _, it := range items {
					if it.Parent != parent {
						t.Errorf("%s: wrong parent", it.Name)
					}
					check(it.Items, it)
				}
			}
			check(c.Items, nil)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			c := load(t, tt.file)
			eq(t, "source", c.Source, filepath.Join(fixtures, tt.file))
			tt.check(t, c)
		})
	}
}

func TestV1Conversion(t *testing.T) {
	t.Parallel()
	c := load(t, "v1_sample.json")
	eq(t, "format", c.Format, "v1")
	eq(t, "info", c.Info, Info{ID: "v1-coll", Name: "V1 Sample", Description: "converted on load", Schema: SchemaV21})
	eq(t, "variables (text -> string)", c.Variables, []Variable{{Key: "baseUrl", Value: "http://localhost", Type: "string"}})
	eq(t, "collection events", c.Events, []Event{{Listen: "prerequest", Script: Script{Type: "text/javascript", Exec: "console.log('collection pre');"}}})

	// Top level: folders by folders_order (nested ones excluded), then the
	// requests of the collection order; sub-folders before requests inside
	// a folder; r-orphan is in no order and dropped, like Newman does.
	var tree []string
	var walk func([]*Item, string)
	walk = func(items []*Item, ind string) {
		for _, it := range items {
			tree = append(tree, ind+it.Name)
			walk(it.Items, ind+"  ")
		}
	}
	walk(c.Items, "")
	eq(t, "tree", tree, []string{"Outer", "  Inner", "    B raw", "    C urlencoded", "  A form", "Second", "  D graphql", "Top binary"})

	outer := find(t, c, "Outer")
	eq(t, "folder tests", outer.Events, []Event{{Listen: "test", Script: Script{Type: "text/javascript", Exec: "tests['outer'] = true;"}}})
	// The transformer types a helper's values by typeof (fresh-round10p-v1.json).
	eq(t, "folder helper auth", find(t, c, "Inner").Auth, &Auth{Type: "bearer", Params: map[string]string{"token": "{{token}}"}, Order: []string{"token"},
		Types: map[string]string{"token": "string"}})

	a := find(t, c, "A form")
	eq(t, "ids kept", a.ID, "r-a")
	eq(t, "method", a.Request.Method, "POST")
	eq(t, "headers with // disabled", a.Request.Header, []Header{{Key: "Content-Type", Value: "multipart/form-data"}, {Key: "X-Off", Value: "1", Disabled: true}})
	eq(t, "formdata", a.Request.Body, &Body{Mode: BodyFormData, FormData: []FormParam{
		{Key: "f", Value: "v", Type: "text"},
		{Key: "up", Type: "file", Src: []string{"/tmp/f.txt"}},
		{Key: "", Value: "no key"},
		{Key: "dis", Value: "d", Type: "text", Disabled: true},
	}})
	eq(t, "events: tests first", a.Events, []Event{
		{Listen: "test", Script: Script{Type: "text/javascript", Exec: "tests['A'] = responseCode.code === 200;"}},
		{Listen: "prerequest", Script: Script{Type: "text/javascript", Exec: "pm.variables.set('a', 1);\npm.variables.set('b', 2);"}},
	})

	b := find(t, c, "B raw").Request
	eq(t, "raw body", b.Body, &Body{Mode: BodyRaw, Raw: `{"a":1}`, Language: "json"})
	// No id: Newman's transformer does not keep one (fresh-round11n-b.json).
	eq(t, "path variables", b.URL.Variables, []Variable{{Key: "id", Value: "7"}})
	eq(t, "url", b.URL.String(), "{{baseUrl}}/users/7")
	eq(t, "basic helper from string attributes", b.Auth, &Auth{Type: "basic", Params: map[string]string{
		"username": "u", "password": "p", "saveHelperData": "true", "showPassword": "false"},
		Order: []string{"username", "password", "saveHelperData", "showPassword"},
		// A JSON boolean stays marked as one (Postman reads flags by truthiness),
		// and each value is typed by typeof, as the transformer types it.
		Types:   map[string]string{"username": "string", "password": "string", "saveHelperData": "boolean", "showPassword": "boolean"},
		Literal: map[string]bool{"saveHelperData": true, "showPassword": true}})

	cr := find(t, c, "C urlencoded").Request
	eq(t, "queryParams merged", cr.URL.Query, []QueryParam{{Key: "q", Value: ptr("1")}, {Key: "off", Value: ptr("2"), Disabled: true}})
	eq(t, "normal helper: no auth", cr.Auth, (*Auth)(nil))
	eq(t, "urlencoded", cr.Body.URLEncoded, []FormParam{{Key: "k", Value: "v"}})

	d := find(t, c, "D graphql").Request
	eq(t, "graphql", d.Body, &Body{Mode: BodyGraphQL, GraphQL: &GraphQL{Query: "{ me }", Variables: "{}", Unset: []string{"operationName"}}})
	eq(t, "headerData wins over headers string", d.Header, []Header{{Key: "X-H", Value: "1", Disabled: true}, {Key: "X-Other", Value: "2"}})

	top := find(t, c, "Top binary")
	eq(t, "binary -> file", top.Request.Body, &Body{Mode: BodyFile, File: "/tmp/blob.bin"})
	eq(t, "legacy tests beat events", top.Events, []Event{{Listen: "test", Script: Script{Type: "text/javascript", Exec: "tests['top'] = true;"}}})
}

func TestParseURL(t *testing.T) {
	t.Parallel()
	// Expected parts were checked against postman-collection 4.4.0's Url.
	tests := []struct {
		raw  string
		want URL
		str  string
	}{
		{"http://{{h}}:{{p}}/a/{{x/y}}?q={{a?b}}&r#frag", URL{Protocol: "http", Host: []string{"{{h}}"}, Port: "{{p}}",
			Path: []string{"a", "{{x/y}}"}, Query: []QueryParam{{Key: "q", Value: ptr("{{a?b}}")}, {Key: "r"}}, Hash: "frag"},
			"http://{{h}}:{{p}}/a/{{x/y}}?q={{a?b}}&r#frag"},
		{"{{baseUrl}}/users/:id?x", URL{Host: []string{"{{baseUrl}}"}, Path: []string{"users", ":id"},
			Query: []QueryParam{{Key: "x"}}, Variables: []Variable{{Key: "id", NoValue: true}}}, "{{baseUrl}}/users/:id?x"},
		{"localhost:3000", URL{Host: []string{"localhost"}, Port: "3000"}, "localhost:3000"},
		{"https://user:pw@h.com:8080/p/a.json?a=b&&c", URL{Protocol: "https", UserInfo: &UserInfo{User: "user", Password: ptr("pw")},
			Host: []string{"h", "com"}, Port: "8080", Path: []string{"p", "a.json"},
			Query: []QueryParam{{Key: "a", Value: ptr("b")}, {KeyNull: true}, {Key: "c"}}}, "https://user:pw@h.com:8080/p/a.json?a=b&&c"},
		{`  http:\\x\y`, URL{Protocol: "http", Host: []string{"x"}, Path: []string{"y"}}, "http://x/y"},
		{"http://x/", URL{Protocol: "http", Host: []string{"x"}, Path: []string{""}}, "http://x/"},
		{"https://{{a.b}}.example.com/%20x?e=%26", URL{Protocol: "https", Host: []string{"{{a.b}}", "example", "com"},
			Path: []string{"%20x"}, Query: []QueryParam{{Key: "e", Value: ptr("%26")}}}, "https://{{a.b}}.example.com/%20x?e=%26"},
		{"http://[::1]:8080/x", URL{Protocol: "http", Host: []string{"[::1]"}, Port: "8080", Path: []string{"x"}}, "http://[::1]:8080/x"},
		{"http://[::1]/x", URL{Protocol: "http", Host: []string{"[::1]"}, Path: []string{"x"}}, "http://[::1]/x"},
		{"file:////etc/hosts", URL{Protocol: "file", Path: []string{"etc", "hosts"}}, "file:///etc/hosts"},
		{"", URL{}, ""},
		{"{{url}}", URL{Host: []string{"{{url}}"}}, "{{url}}"},
		{"http://x?", URL{Protocol: "http", Host: []string{"x"}, Query: []QueryParam{{}}}, "http://x?"},
		{"/relative/:a.json", URL{Path: []string{"relative", ":a.json"}, Variables: []Variable{{Key: "a", NoValue: true}}}, "/relative/:a.json"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			t.Parallel()
			got := ParseURL(tt.raw)
			tt.want.Raw = tt.raw
			eq(t, "parts", got, tt.want)
			eq(t, "String", got.String(), tt.str)
		})
	}
}

func TestURLString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		u    URL
		want string
	}{
		{"disabled params dropped", URL{Host: []string{"h"}, Query: []QueryParam{{Key: "a", Value: ptr("1"), Disabled: true}, {Key: "b", Value: ptr("2")}}}, "h?b=2"},
		{"all disabled: no ?", URL{Host: []string{"h"}, Query: []QueryParam{{Key: "a", Value: ptr("1"), Disabled: true}}}, "h"},
		{"empty path list prints /", URL{Host: []string{"h"}, Path: []string{}}, "h/"},
		{"reserved chars encoded outside variables", URL{Host: []string{"h"},
			Query: []QueryParam{{Key: "a", Value: nil}, {Key: "b", Value: ptr("")}, {Key: "c=d", Value: ptr("e&f#")}, {Key: "v", Value: ptr("{{x&y}}=z")}}},
			"h?a&b=&c%3Dd=e%26f%23&v={{x&y}}=z"},
		{"protocol with separator", URL{Protocol: "https://", Host: []string{"h"}}, "https://h"},
		{"path variable with suffix", URL{Host: []string{"h"}, Path: []string{":file.json"}, Variables: []Variable{{Key: "file", Value: "report"}}}, "h/report.json"},
		{"empty path variable kept", URL{Host: []string{"h"}, Path: []string{":id"}, Variables: []Variable{{Key: "id"}}}, "h/:id"},
		{"user without password", URL{Protocol: "http", UserInfo: &UserInfo{User: "u"}, Host: []string{"h"}}, "http://u@h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			eq(t, "String", tt.u.String(), tt.want)
		})
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		input   string
		want    string // substring of the message
		line    int
		path    string
		notColl bool
	}{
		{"syntax", "{\n  \"info\": {\"name\": \"x\"},\n  \"item\": [\n    {\"name\": \"a\",}\n  ]\n}", `loading coll.json: line 4, column 18: invalid character '}'`, 4, "", false},
		{"truncated", "{\"item\": [", "unexpected end of JSON input", 1, "", false},
		{"header number", `{"info":{"name":"x"},"item":[{"name":"a"},{"name":"b"},{"name":"c","request":{"url":"x","header":5}}]}`,
			`loading coll.json: item[2].request.header: expected an array of {key, value} or a "Key: Value" string, got number`, 0, "item[2].request.header", false},
		{"url bool", `{"info":{"name":"x"},"item":[{"name":"f","item":[{"name":"a","request":{"url":true}}]}]}`,
			"item[0].item[0].request.url: expected a URL string or object, got boolean", 0, "item[0].item[0].request.url", false},
		{"item not array", `{"info":{"name":"x"},"item":{"name":"a"}}`, "expected an array, got object", 1, "item", false},
		{"exec number", `{"item":[{"name":"a","event":[{"listen":"test","script":{"exec":7}}]}]}`,
			"item[0].event[0].script.exec: expected a string or an array of lines, got number", 0, "item[0].event[0].script.exec", false},
		{"environment", `{"id":"e","name":"env","values":[{"key":"a","value":"1"}],"_postman_variable_scope":"environment"}`,
			"it looks like an environment file (pass it with -e)", 0, "", true},
		{"globals", `{"values":[],"_postman_variable_scope":"globals"}`, "globals file (pass it with -g)", 0, "", true},
		{"data array", `[{"a":1}]`, "iteration data? pass it with -d", 0, "", true},
		{"variable array", `[{"key":"a","value":"1"}]`, "variables (pass it with -e or -g)", 0, "", true},
		{"empty", "  \n", "the file is empty", 0, "", true},
		{"random object", `{"hello":"world"}`, `no "info", "item" or "requests" found`, 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(strings.NewReader(tt.input), "coll.json")
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "loading coll.json: ") {
				t.Errorf("error %q does not name the file", err)
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("not a *LoadError: %T", err)
			}
			eq(t, "line", le.Line, tt.line)
			eq(t, "path", le.Path, tt.path)
			eq(t, "not a collection", errors.Is(err, ErrNotCollection), tt.notColl)
		})
	}
	t.Run("missing file", func(t *testing.T) {
		t.Parallel()
		_, err := LoadFile(filepath.Join(t.TempDir(), "nope.json"))
		if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "nope.json") {
			t.Errorf("err = %v", err)
		}
	})
}

func encodeUTF16(s string, order binary.ByteOrder, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		_ = binary.Write(&b, order, uint16(0xFEFF))
	}
	for _, u := range utf16.Encode([]rune(s)) {
		_ = binary.Write(&b, order, u)
	}
	return b.Bytes()
}

func TestEncodings(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(fixtures, "edge_numeric_var.json"))
	if err != nil {
		t.Fatal(err)
	}
	// A non-ASCII name proves the transcoding, not just the parse.
	text := strings.Replace(string(src), "numeric vars", "numeric vars é 🇪🇺", 1)
	want, err := LoadBytes([]byte(text), "x")
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "name", want.Info.Name, "numeric vars é 🇪🇺")
	tests := map[string][]byte{
		"utf8 bom":         append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"utf16le bom":      encodeUTF16(text, binary.LittleEndian, true),
		"utf16be bom":      encodeUTF16(text, binary.BigEndian, true),
		"utf16le no bom":   encodeUTF16(text, binary.LittleEndian, false),
		"utf16be no bom":   encodeUTF16(text, binary.BigEndian, false),
		"leading newlines": append([]byte("\r\n\n"), text...),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := LoadBytes(data, "x")
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "collection", got, want)
		})
	}
	t.Run("odd utf16", func(t *testing.T) {
		t.Parallel()
		_, err := LoadBytes([]byte{0xFF, 0xFE, '{'}, "x")
		if err == nil || !strings.Contains(err.Error(), "UTF-16") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestAPIWrapper(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(fixtures, "deep_nesting.json"))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := LoadBytes(src, "x")
	if err != nil {
		t.Fatal(err)
	}
	wrapped, err := LoadBytes([]byte(`{"collection": `+string(src)+`}`), "x")
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "wrapped", wrapped, plain)
	_, err = LoadBytes([]byte(`{"collection": {"info": {}, "item": [{"request": {"header": 1}}]}}`), "x")
	if err == nil || !strings.Contains(err.Error(), "collection.item[0].request.header") {
		t.Errorf("wrapped error path: %v", err)
	}
}

func TestSelect(t *testing.T) {
	t.Parallel()
	c := load(t, "deep_nesting.json")
	ids := func(items []*Item) []string {
		var out []string
		for _, it := range items {
			id := it.ID
			if generatedID.MatchString(id) {
				id = "" // the file has none; the loader made one up
			}
			out = append(out, it.Name+"#"+id)
		}
		return out
	}
	tests := []struct {
		names []string
		want  []string
		err   string
	}{
		{[]string{"L1"}, []string{"L1#id-L1"}, ""},
		{[]string{"id-L1b"}, []string{"L1b#id-L1b"}, ""},
		// Collection order, not argument order.
		{[]string{"top request", "L1"}, []string{"L1#id-L1", "top request#req-top"}, ""},
		// A request by name: the first one depth-first wins.
		{[]string{"shared"}, []string{"shared#req-shared-1"}, ""},
		{[]string{"req-shared-2"}, []string{"shared#req-shared-2"}, ""},
		// A direct child of a selected folder is not selected twice.
		{[]string{"L1", "L2"}, []string{"L1#id-L1"}, ""},
		// postman-runtime only skips direct children: a grandchild is
		// selected again (and would run twice in Newman too).
		{[]string{"L1", "L3"}, []string{"L1#id-L1", "L3#"}, ""},
		{[]string{"empty"}, []string{"empty#"}, ""},
		{[]string{"L1", "nope", "nada"}, nil, `no folder or request named "nope", "nada" in collection "deep"`},
		{nil, nil, "no folder or request given"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.names, ","), func(t *testing.T) {
			t.Parallel()
			got, err := Select(c, tt.names...)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "selected", ids(got), tt.want)
		})
	}
}

// stripUnsaved strips what Save does not keep.
func stripUnsaved(c *Collection) *Collection {
	c.Source, c.Format, c.Info.Schema, c.Notices = "", "", "", nil
	// v2.1 has no place for a v3 item's file and order.
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			it.File, it.Order = "", nil
			if r := it.Request; r != nil {
				stripV3Rows(r)
			}
			walk(it.Items)
		}
	}
	walk(c.Items)
	return c
}

// stripV3Rows forgets that rows came from a v12 file (FromV3), and a body
// row's description, which v2.1 JSON does not keep.
func stripV3Rows(r *Request) {
	for i := range r.Header {
		r.Header[i].FromV3 = false
	}
	for i := range r.URL.Query {
		r.URL.Query[i].FromV3 = false
	}
	if b := r.Body; b != nil {
		for _, rows := range [][]FormParam{b.URLEncoded, b.FormData} {
			for i := range rows {
				rows[i].FromV3, rows[i].Description = false, ""
			}
		}
	}
}

func roundTrip(t *testing.T, c *Collection) {
	t.Helper()
	var buf bytes.Buffer
	if err := Save(&buf, c); err != nil {
		t.Fatal(err)
	}
	again, err := LoadBytes(buf.Bytes(), "saved")
	if err != nil {
		t.Fatalf("reload: %v\n%s", err, buf.String())
	}
	if again.Info.Schema != SchemaV21 {
		t.Errorf("schema %q", again.Info.Schema)
	}
	a, b := stripUnsaved(c), stripUnsaved(again)
	if !reflect.DeepEqual(a, b) {
		// Narrow the difference down to a request for a readable failure.
		ra, rb := requests(a), requests(b)
		for i := range min(len(ra), len(rb)) {
			if !reflect.DeepEqual(ra[i].Request, rb[i].Request) {
				t.Fatalf("request %q differs:\n got  %#v\n want %#v", ra[i].Name, rb[i].Request, ra[i].Request)
			}
		}
		t.Fatalf("round trip differs")
	}
}

func TestSaveRoundTrip(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(fixtures, "*.json"))
	if err != nil || len(files) < 10 {
		t.Fatalf("fixtures: %v %d", err, len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			c, err := LoadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			roundTrip(t, c)
		})
	}
	t.Run("disabled and typed things are written", func(t *testing.T) {
		t.Parallel()
		var buf bytes.Buffer
		if err := Save(&buf, load(t, "edge_disabled_query.json")); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`"disabled": true`, `"value": null`, `"schema": "` + SchemaV21 + `"`} {
			if !strings.Contains(buf.String(), want) {
				t.Errorf("output lacks %s", want)
			}
		}
	})
}

func TestLoadURL(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(fixtures, "edge_header_string.json"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/c.json":
			_, _ = w.Write(src)
		default:
			http.Error(w, "gone", http.StatusNotFound)
		}
	}))
	defer srv.Close()
	ctx := context.Background()

	c, err := Open(ctx, srv.Client(), srv.URL+"/c.json")
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "name", c.Info.Name, "header string")
	eq(t, "source", c.Source, srv.URL+"/c.json")

	_, err = Open(ctx, srv.Client(), srv.URL+"/missing.json")
	if err == nil || !strings.Contains(err.Error(), "404") || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("404: %v", err)
	}

	c, err = Open(ctx, nil, filepath.Join(fixtures, "edge_header_string.json"))
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "file via Open", c.Info.Name, "header string")
}

func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.json"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"item":[{"request":{"url":{"raw":"{{a{{b}}/c?d#e","host":"x.{{y.z}}"}}}]}`))
	f.Add([]byte(`{"name":"v1","order":["a"],"requests":[{"id":"a","url":"{{u}}","dataMode":"params","data":[{"key":"f","type":"file","value":["x"]}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := LoadBytes(data, "fuzz")
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is not a *LoadError: %T %v", err, err)
			}
			return
		}
		_ = Walk(c.Items, func(it *Item) error {
			_ = it.Request.URL.String()
			return nil
		})
		var buf bytes.Buffer
		if err := Save(&buf, c); err != nil {
			t.Fatalf("save: %v", err)
		}
		if _, err := LoadBytes(buf.Bytes(), "resaved"); err != nil {
			t.Fatalf("saved output does not load: %v", err)
		}
	})
}

var generatedID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestGeneratedIDsAreStableAndUnique(t *testing.T) {
	t.Parallel()
	a := load(t, "deep_nesting.json")
	b := load(t, "deep_nesting.json")
	seen := map[string]bool{}
	var ia, ib []string
	var walk func([]*Item, *[]string)
	walk = func(items []*Item, out *[]string) {
		for _, it := range items {
			if it.ID == "" {
				t.Errorf("item %q has no id", it.Name)
			}
			*out = append(*out, it.ID)
			walk(it.Items, out)
		}
	}
	walk(a.Items, &ia)
	walk(b.Items, &ib)
	eq(t, "ids across loads", ia, ib)
	for _, id := range ia {
		if seen[id] {
			t.Errorf("duplicate id %s", id)
		}
		seen[id] = true
	}
}
