package collections

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func loadMap(t *testing.T, files map[string]string) *Collection {
	t.Helper()
	c, err := LoadFS(mapFS(files), "/repo/postman/collections/Demo")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func req(url string, extra string) string {
	return "$kind: http-request\nmethod: GET\nurl: " + url + "\n" + extra
}

func names(c *Collection) []string {
	var out []string
	var walk func([]*Item, string)
	walk = func(items []*Item, ind string) {
		for _, it := range items {
			out = append(out, ind+it.Name)
			walk(it.Items, ind+"  ")
		}
	}
	walk(c.Items, "")
	return out
}

func noticeText(c *Collection) string {
	var b strings.Builder
	for _, n := range c.Notices {
		b.WriteString(n.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestV3Order pins the sibling order found with Postman CLI 1.34: order
// first (missing = 0, floats and 16-digit integers allowed), then display
// name in UTF-16 order, requests and folders alike.
func TestV3Order(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		"b.request.yaml":                req("/b", "order: 1000\nname: Zed\n"),
		"a.request.yaml":                req("/a", "order: 1000\nname: Bee\n"),
		"C.request.yaml":                req("/c", "order: 1000\n"),
		"_x.request.yaml":               req("/x", "order: 1000\n"),
		"ä.request.yaml":                req("/ae", "order: 1000\n"),
		"10.request.yaml":               req("/10", "order: 1000\n"),
		"9.request.yaml":                req("/9", "order: 1000\n"),
		"zz/.resources/definition.yaml": "$kind: collection\norder: 1000\n",
		"zz/r.request.yaml":             req("/zz", "order: 1\n"),
		"NF/.resources/definition.yaml": "$kind: collection\nname: AAA\norder: 1000\n",
		"NF/r.request.yaml":             req("/nf", "order: 1\n"),
		"neg.request.yaml":              req("/neg", "order: -5\n"),
		"zero.request.yaml":             req("/zero", "order: 0\n"),
		"none.request.yaml":             req("/none", "name: '000'\n"),
		"half.request.yaml":             req("/half", "order: 0.5\n"),
		"big.request.yaml":              req("/big", "order: 4446046920596652\n"),
		"big2.request.yaml":             req("/big2", "order: 4446046920596651\n"),
		"NoDef/r.request.yaml":          req("/nodef", "order: 1\n"),
	})
	eq(t, "order", names(c), []string{
		"neg", "000", "NoDef", "  r", "zero", "half",
		"10", "9", "AAA", "  r", "Bee", "C", "Zed", "_x", "zz", "  r", "ä",
		"big2", "big",
	})
	if c.Notices != nil {
		t.Errorf("notices: %s", noticeText(c))
	}
}

// TestV3Variations covers each variation listed in corpus-v3's README.
func TestV3Variations(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		".resources/definition.yaml": `$kind: collection
name: Shown Name
description: about
variables:
  baseUrl: http://127.0.0.1:1
  n: 5
auth:
  - id: x
    type: apikey
    name: apikey auth
    credentials:
      key: X-Key
      value: k1
  - id: y
    type: bearer
    name: bearer auth
    credentials:
      token: "{{tok}}"
scripts:
  - type: http:beforeRequest
    code: |-
      console.log("collection");
    language: text/javascript
`,
		"F/.resources/definition.yaml": `$kind: collection
order: 2000
variables:
  - key: fv
    value: "1"
scripts:
  - type: http:afterResponse
    code: >-
      pm.test("folded",
      function () {});

      done();
`,
		"F/crlf.request.yaml": `$kind: http-request
name: CRLF Script
url: "{{baseUrl}}/post"
method: POST
headers:
  - key: Content-Type
    value: application/json
  - key: X-Off
    value: "1"
    disabled: true
body:
  type: json
  content: "{\r

    \   \"a\": 1\r

    }"
scripts:
  - type: beforeRequest
    code: "let a = 1;\r

      \    a++;"
order: 1000
`,
		"F/map.request.yaml": `$kind: http-request
url: "{{baseUrl}}/get?a=1&b=2"
method: GET
headers:
  Accept: application/json
queryParams:
  b: "3"
  c: "4"
auth:
  type: apikey
  credentials:
    - key: key
      value: X-Api
    - key: value
      value: "{{k}}"
    - key: in
      value: header
order: 2000
`,
		"F/path.request.yaml": `$kind: http-request
url: "{{baseUrl}}/items/:id/:other"
method: DELETE
pathVariables:
  - key: id
    value: "7"
    description: the id
queryParams:
  - key: when
    value: "2024-02-01T09:00:00Z"
    $type: |-
      {"type": "string"}
auth:
  type: noauth
order: 3000
`,
		"F/form.request.yaml": `$kind: http-request
url: "{{baseUrl}}/token"
method: POST
body:
  type: urlencoded
  content:
    grant_type: client_credentials
    scope: "a b"
auth:
  type: jwt
  credentials:
    algorithm: HS256
    isSecretBase64Encoded: false
order: 4000
`,
		"F/.resources/map.resources/examples/ok.example.yaml": `$kind: http-example
request:
  url: "{{baseUrl}}/get"
  method: GET
response:
  statusCode: 200
  statusText: OK
  headers:
    Content-Type: application/json
  body:
    type: json
    content: '{"ok": true}'
order: 1000
`,
	})
	if c.Notices != nil {
		t.Fatalf("notices: %s", noticeText(c))
	}
	eq(t, "name", c.Info.Name, "Shown Name")
	eq(t, "description", c.Info.Description, "about")
	eq(t, "variables", c.Variables, []Variable{{Key: "baseUrl", Value: "http://127.0.0.1:1"}, {Key: "n", Value: "5"}})
	eq(t, "multi-auth: last entry in force", c.Auth, &Auth{Type: "bearer", Params: map[string]string{"token": "{{tok}}"}, Order: []string{"token"}})
	eq(t, "collection script", c.Events, []Event{{Listen: "prerequest", Script: Script{Type: "text/javascript", Exec: `console.log("collection");`}}})
	f := c.Items[0]
	eq(t, "folder", f.Name, "F")
	eq(t, "folder vars", f.Variables, []Variable{{Key: "fv", Value: "1"}})
	eq(t, "folded script unfolds", f.Events[0].Script.Exec, "pm.test(\"folded\", function () {});\ndone();")
	eq(t, "folder script listen", f.Events[0].Listen, "test")
	eq(t, "language defaults", f.Events[0].Script.Type, "text/javascript")

	crlf := f.Items[0]
	eq(t, "name field", crlf.Name, "CRLF Script")
	eq(t, "crlf body", crlf.Request.Body, &Body{Mode: BodyRaw, Raw: "{\r\n   \"a\": 1\r\n}", Language: "json"})
	eq(t, "crlf script", crlf.Events[0].Script.Exec, "let a = 1;\r\n    a++;")
	eq(t, "list headers", crlf.Request.Header, []Header{{Key: "Content-Type", Value: "application/json", FromV3: true}, {Key: "X-Off", Value: "1", Disabled: true, FromV3: true}})

	m := f.Items[1]
	eq(t, "file stem name", m.Name, "map")
	eq(t, "map headers", m.Request.Header, []Header{{Key: "Accept", Value: "application/json", FromV3: true}})
	eq(t, "query merge", m.Request.URL.String(), "{{baseUrl}}/get?a=1&b=3&c=4")
	eq(t, "list credentials", m.Request.Auth, &Auth{Type: "apikey", Params: map[string]string{"key": "X-Api", "value": "{{k}}", "in": "header"}, Order: []string{"key", "value", "in"}})
	if !strings.Contains(string(m.Responses), `"code":200`) || !strings.Contains(string(m.Responses), `"name":"ok"`) {
		t.Errorf("example: %s", m.Responses)
	}

	p := f.Items[2]
	eq(t, "path variables", p.Request.URL.Variables, []Variable{{Key: "id", Value: "7", Description: "the id"}, {Key: "other", NoValue: true}})
	eq(t, "a quoted timestamp is text", p.Request.URL.String(), "{{baseUrl}}/items/7/:other?when=2024-02-01T09:00:00Z")
	eq(t, "noauth", p.Request.Auth, &Auth{Type: "noauth", Params: map[string]string{}})

	fm := f.Items[3]
	eq(t, "urlencoded map", fm.Request.Body.URLEncoded, []FormParam{{Key: "grant_type", Value: "client_credentials", FromV3: true}, {Key: "scope", Value: "a b", FromV3: true}})
	eq(t, "bool credential", fm.Request.Auth.Param("isSecretBase64Encoded"), "false")
}

// TestV3YmlExtension: .yml files load like .yaml ones (Postman CLI 1.34
// runs them).
func TestV3YmlExtension(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		".resources/definition.yml":   "$kind: collection\nname: Short\n",
		"F/.resources/definition.yml": "$kind: collection\nname: Folder\norder: 1\n",
		"F/a.request.yml":             req("/a", "order: 1\n"),
	})
	eq(t, "names", names(c), []string{"Folder", "  a"})
	eq(t, "collection", c.Info.Name, "Short")
}

// TestV3OtherBodies covers body types the corpus does not show.
func TestV3OtherBodies(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		"a.request.yaml": req("/a", "order: 1\nbody:\n  type: formdata\n  content:\n    - key: f\n      value: v\n      type: text\n    - key: up\n      type: file\n      src: ./x.bin\n"),
		"b.request.yaml": "$kind: graphql-request\nurl: /b\norder: 2\nquery: '{ hello }'\nvariables: '{\"n\":1}'\noperationName: Q\n",
		"c.request.yaml": "$kind: graphql-request\nurl: /c\norder: 3\nquery: '{ c }'\n",
		"d.request.yaml": req("/d", "order: 4\nbody:\n  type: file\n  content:\n    src: ./d.bin\n"),
		"e.request.yaml": req("/e", "order: 5\nbody:\n  type: xml\n  content: <a/>\n"),
	})
	if c.Notices != nil {
		t.Fatalf("notices: %s", noticeText(c))
	}
	eq(t, "formdata", c.Items[0].Request.Body.FormData, []FormParam{{Key: "f", Value: "v", Type: "text", FromV3: true}, {Key: "up", Type: "file", Src: []string{"./x.bin"}, NoValue: ValueUnset, FromV3: true}})
	eq(t, "graphql", c.Items[1].Request.Body.GraphQL, &GraphQL{Query: "{ hello }", Variables: `{"n":1}`, OperationName: "Q"})
	eq(t, "graphql-request", c.Items[2].Request.Method, "POST")
	eq(t, "graphql-request body", c.Items[2].Request.Body.GraphQL.Query, "{ c }")
	eq(t, "binary", c.Items[3].Request.Body.File, "./d.bin")
	eq(t, "xml", c.Items[4].Request.Body.Language, "xml")
}

// TestV3Problems: each problem gets its own message naming the file (and
// the line and column where there is one) and the rest still loads.
func TestV3Problems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
		want  []string // substrings of the notices, in order
		kind  string   // Kind of the first notice
	}{
		{"malformed YAML", map[string]string{"bad.request.yaml": "$kind: http-request\nurl: \"/x\nmethod: GET\n"},
			[]string{"bad.request.yaml:2:6: invalid YAML", "quote or bracket left open", "skipped, as Postman skips it"}, ""},
		{"tab indentation", map[string]string{"bad.request.yaml": "$kind: http-request\nheaders:\n\tA: b\n"},
			[]string{"bad.request.yaml:3:", "invalid YAML"}, ""},
		{"unknown kind", map[string]string{"u.request.yaml": "$kind: soap-request\nurl: /x\n"},
			[]string{"u.request.yaml:1:8: $kind: unknown kind \"soap-request\"; Postman expects http-request"}, ""},
		{"missing kind", map[string]string{"m.request.yaml": "url: /x\nmethod: GET\n"},
			[]string{"m.request.yaml:1:1: $kind: missing"}, ""},
		{"request inside .resources", map[string]string{".resources/x.resources/r.request.yaml": req("/x", "")},
			[]string{filepath.Join(".resources", "x.resources", "r.request.yaml") + ": a request file inside .resources is not run"}, ""},
		{"names differing in case", map[string]string{"Get.request.yaml": req("/a", ""), "get.request.yaml": req("/b", "")},
			[]string{"differs from \"Get.request.yaml\" only in case"}, ""},
		{"quoted order", map[string]string{"q.request.yaml": req("/q", "order: '5'\n")},
			[]string{"q.request.yaml:4:8: order: Postman expects a bare number here (like 1000), got the text \"5\""}, ""},
		{"number where text is expected", map[string]string{"n.request.yaml": req("/n", "headers:\n  X-N: 5\n")},
			[]string{"n.request.yaml:5:8: headers.X-N: Postman expects text here, got a number (write it in quotes, as text)"}, ""},
		{"lower-case method", map[string]string{"l.request.yaml": "$kind: http-request\nmethod: get\nurl: /l\n"},
			[]string{"l.request.yaml:2:9: method: Postman expects an upper-case HTTP method"}, ""},
		{"gRPC skipped with its kind", map[string]string{"g.request.yaml": "$kind: grpc-request\nurl: 127.0.0.1:1\n"},
			[]string{"gRPC request \"g\" skipped"}, "grpc-request"},
		{"WebSocket skipped with its kind", map[string]string{"F/w.request.yaml": "$kind: websocket-request\nname: Live\nurl: ws://127.0.0.1:1\n"},
			[]string{"WebSocket request \"F / Live\" skipped"}, "websocket-request"},
		{"hook named for the wrong file", map[string]string{"h.request.yaml": req("/h", "scripts:\n  - type: http:afterResponse\n    code: x()\n")},
			[]string{"h.request.yaml:5:5: scripts[0].type: Postman expects \"afterResponse\" in this file and refuses the whole collection"}, ""},
		{"broken folder definition", map[string]string{"F/.resources/definition.yaml": "$kind: collection\nname: \"x\n", "F/r.request.yaml": req("/r", "")},
			[]string{"definition.yaml:2:7: invalid YAML", "the folder loads without its definition"}, ""},
		{"unknown body type", map[string]string{"b.request.yaml": req("/b", "body:\n  type: protobuf\n  content: x\n")},
			[]string{"b.request.yaml:5:9: body.type: unknown body type \"protobuf\""}, ""},
		{"graphql body in an http-request", map[string]string{"b.request.yaml": req("/b", "body:\n  type: graphql\n  content:\n    query: x\n")},
			[]string{"b.request.yaml:5:9: body.type: Postman does not take a graphql body in an http-request"}, ""},
		{"form-data entry without a type", map[string]string{"f.request.yaml": req("/f", "body:\n  type: formdata\n  content:\n    - key: a\n      value: '1'\n")},
			[]string{"f.request.yaml:7:7: body.content: form-data entry \"a\" has no type: Postman expects type: text (with value:) or type: file (with src:)", "skipped, as Postman skips it"}, ""},
		{"a typed variable in a definition", map[string]string{"F/.resources/definition.yaml": "$kind: collection\nvariables:\n  - key: s\n    value: x\n    type: secret\n", "F/r.request.yaml": req("/r", "")},
			[]string{"definition.yaml:3:5: variables: variable \"s\" says type: secret; Postman does not take a type on a collection or folder variable and ignores the whole definition: remove type:", "the folder loads without its definition"}, ""},
		{"a second script of one hook", map[string]string{"s.request.yaml": req("/s", "scripts:\n  - type: beforeRequest\n    code: a()\n  - type: beforeRequest\n    code: b()\n")},
			[]string{"s.request.yaml:7:5: scripts[1]: a second beforeRequest script in this file; Postman runs only the first (scripts[0]), so courier skips this one"}, ""},
		{"a timeout in settings", map[string]string{"t.request.yaml": req("/t", "settings:\n  followRedirects: false\n  timeout: 300\n"), "F/.resources/definition.yaml": "$kind: collection\nsettings:\n  requestTimeout: 5\n", "F/r.request.yaml": req("/r", "")},
			[]string{"definition.yaml:3:3: settings.requestTimeout: Postman has no timeout setting here", "t.request.yaml:6:3: settings.timeout: Postman has no timeout setting here (its request timeout is an app setting) and ignores it, as courier does; give --timeout-request instead"}, ""},
		// Auth blocks Postman's lint refuses; Postman CLI 1.34 drops such a
		// request, and ignores such a definition (fresh-round10v-auth.json).
		{"an unknown auth type", map[string]string{"a.request.yaml": req("/a", "auth:\n  type: akamai\n  credentials:\n    accessToken: x\n")},
			[]string{"a.request.yaml:5:9: auth.type: unknown auth type \"akamai\"; Postman expects one of apikey, asap, awsv4", "the request is skipped, as Postman skips it"}, ""},
		{"a key beside type and credentials", map[string]string{"a.request.yaml": req("/a", "auth:\n  type: bearer\n  credentials:\n    token: t\n  extra: 1\n")},
			[]string{"a.request.yaml:8:3: auth.extra: unknown key \"extra\" in an auth; Postman expects only type, credentials here"}, ""},
		{"an auth list in a request", map[string]string{"a.request.yaml": req("/a", "auth:\n  - type: bearer\n")},
			[]string{"a.request.yaml:5:3: auth: Postman expects one {type, credentials} in a request, got a list"}, ""},
		{"credentials as text", map[string]string{"a.request.yaml": req("/a", "auth:\n  type: bearer\n  credentials: t\n")},
			[]string{"a.request.yaml:6:16: auth.credentials: Postman expects a mapping of credentials here (username: ..., password: ...), got text"}, ""},
		{"noauth with credentials", map[string]string{"a.request.yaml": req("/a", "auth:\n  type: noauth\n  credentials: {}\n")},
			[]string{"a.request.yaml:6:16: auth.credentials: noauth takes no credentials, not even an empty credentials: {}; remove credentials:"}, ""},
		// A script entry as postman collection lint takes it: inline code,
		// text/javascript, packages a mapping (fresh-round11v-scripts.json).
		{"a script file", map[string]string{"a.request.yaml": req("/a", "scripts:\n  - type: afterResponse\n    src: ./x.js\n")},
			[]string{"a.request.yaml:6:5: scripts[0].src: unknown key in a script; Postman expects only type, code, language and packages: a script's code is written inline (code: |-), the format has no script files", "skipped"}, ""},
		{"code as lines", map[string]string{"a.request.yaml": req("/a", "scripts:\n  - type: afterResponse\n    code:\n      - x()\n")},
			[]string{"a.request.yaml:7:7: scripts[0].code: Postman expects the code as one text, got a list of lines"}, ""},
		{"code missing", map[string]string{"a.request.yaml": req("/a", "scripts:\n  - type: afterResponse\n    code:\n")},
			[]string{"a.request.yaml:5:5: scripts[0].code: missing: Postman expects the script's code as text here"}, ""},
		{"another language", map[string]string{"a.request.yaml": req("/a", "scripts:\n  - type: afterResponse\n    code: x()\n    language: ''\n")},
			[]string{`a.request.yaml:7:15: scripts[0].language: Postman expects text/javascript here (or no language:), got the text ""`}, ""},
		{"packages as a list", map[string]string{"a.request.yaml": req("/a", "scripts:\n  - type: afterResponse\n    code: x()\n    packages: []\n")},
			[]string{"a.request.yaml:7:15: scripts[0].packages: Postman expects a mapping of packages here (npm:name@version: {}), got a list"}, ""},
		{"another protocol's hook in a request", map[string]string{"a.request.yaml": req("/a", "scripts:\n  - type: grpc:afterResponse\n    code: x()\n")},
			[]string{`a.request.yaml:5:11: scripts[0].type: unknown script type "grpc:afterResponse"`, "Postman CLI refuses the whole collection"}, ""},
		{"a script file in a definition", map[string]string{"F/.resources/definition.yaml": "$kind: collection\nscripts:\n  - type: http:afterResponse\n    path: ./x.js\n    code: x()\n", "F/r.request.yaml": req("/r", "")},
			[]string{"definition.yaml:4:5: scripts[0].path: unknown key in a script", "the folder loads without its definition"}, ""},
		{"an empty auth", map[string]string{"a.request.yaml": req("/a", "auth:\n")},
			[]string{"a.request.yaml:4:6: auth: Postman expects {type, credentials} here, got nothing;"}, ""},
		{"a list entry without id and name", map[string]string{"F/.resources/definition.yaml": "$kind: collection\nauth:\n  - type: bearer\n    credentials:\n      token: t\n", "F/r.request.yaml": req("/r", "")},
			[]string{"definition.yaml:3:5: auth[0].id: missing: Postman expects each auth of a list to have an id and a name", "the folder loads without its definition"}, ""},
		{"inherit in an auth list", map[string]string{"F/.resources/definition.yaml": "$kind: collection\nauth:\n  - id: a\n    name: x\n    type: inherit\n", "F/r.request.yaml": req("/r", "")},
			[]string{"definition.yaml:5:11: auth[0].type: Postman does not take inherit in a list of auths", "the folder loads without its definition"}, ""},
		{"a binary body", map[string]string{"b.request.yaml": req("/b", "body:\n  type: binary\n  content: x.bin\n")},
			[]string{"b.request.yaml:5:9: body.type: Postman has no binary body type and skips the request; a file's bytes go as type: file with content: {src: path/to/file}"}, ""},
		{"a file body given as a path", map[string]string{"b.request.yaml": req("/b", "body:\n  type: file\n  content: x.bin\n")},
			[]string{"b.request.yaml:6:12: body.content: Postman expects content: {src: path/to/file} for a file body, got the text \"x.bin\""}, ""},
		{"examples: a missing directory", map[string]string{"e.request.yaml": req("/e", "examples: ./.resources/gone.resources/examples\n")},
			[]string{"e.request.yaml:4:11: examples: no directory \"./.resources/gone.resources/examples\" here; the request runs without saved examples"}, ""},
		{"examples: outside the collection", map[string]string{"e.request.yaml": req("/e", "examples: ../../elsewhere\n")},
			[]string{"e.request.yaml:4:11: examples: \"../../elsewhere\" leaves the collection's directory"}, ""},
		{"unknown keys", map[string]string{"k.request.yaml": req("/k", "header:\n  X-A: b\nparams:\n  - key: a\nbogusField: 1\n"), "F/.resources/definition.yaml": "$kind: collection\nvariable:\n  a: b\n", "F/r.request.yaml": req("/r", "")},
			[]string{"definition.yaml:2:1: variable: unknown key; Postman ignores it, and what it holds (did you mean variables:?)",
				"k.request.yaml:4:1: header: unknown key; Postman ignores it, and what it holds (did you mean headers:?)",
				"k.request.yaml:6:1: params: unknown key; Postman ignores it, and what it holds (did you mean queryParams:?)",
				"k.request.yaml:8:1: bogusField: unknown key; Postman ignores it, and what it holds (the keys Postman reads here: $kind, name"}, ""},
		{"disabledSystemHeaders as a mapping", map[string]string{"d.request.yaml": req("/d", "settings:\n  disabledSystemHeaders:\n    accept: true\n")},
			[]string{"d.request.yaml:6:5: settings.disabledSystemHeaders: Postman expects a list of header names here (- user-agent), got a mapping, and skips the request"}, ""},
		{"disabledSystemHeaders naming another header", map[string]string{"d.request.yaml": req("/d", "settings:\n  disabledSystemHeaders:\n    - Accept\n")},
			[]string{"d.request.yaml:6:7: settings.disabledSystemHeaders[0]: Postman expects one of accept, accept-encoding,", "got \"Accept\""}, ""},
		{"graphql variables as a mapping", map[string]string{"g.request.yaml": "$kind: graphql-request\nurl: /g\nquery: x\nvariables:\n  a: 1\n"},
			[]string{"g.request.yaml:5:3: variables: Postman expects text here"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{"ok.request.yaml": req("/ok", "order: -1\n")}
			for k, v := range tt.files {
				files[k] = v
			}
			c := loadMap(t, files)
			if len(c.Items) == 0 || c.Items[0].Name != "ok" {
				t.Fatalf("the rest did not load: %v", names(c))
			}
			got := noticeText(c)
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("notices lack %q:\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			if tt.kind != "" && c.Notices[0].Kind != tt.kind {
				t.Errorf("kind = %q, want %q", c.Notices[0].Kind, tt.kind)
			}
		})
	}
}

// TestV3FirstScriptOfEachHook: Postman CLI 1.34 runs the first script of
// each hook in a file (fresh-round9v-defs.json), in request and
// definition files alike.
func TestV3FirstScriptOfEachHook(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		".resources/definition.yaml": "$kind: collection\nscripts:\n  - type: http:afterResponse\n    code: c1()\n  - type: http:afterResponse\n    code: c2()\n",
		"r.request.yaml":             req("/r", "scripts:\n  - type: beforeRequest\n    code: p1()\n  - type: afterResponse\n    code: t1()\n  - type: beforeRequest\n    code: p2()\n  - type: afterResponse\n    code: t2()\n"),
	})
	code := func(evs []Event) []string {
		var out []string
		for _, e := range evs {
			out = append(out, e.Listen+" "+e.Script.Exec)
		}
		return out
	}
	if got, want := code(c.Items[0].Events), []string{"prerequest p1()", "test t1()"}; !slices.Equal(got, want) {
		t.Errorf("request scripts = %q, want %q", got, want)
	}
	if got, want := code(c.Events), []string{"test c1()"}; !slices.Equal(got, want) {
		t.Errorf("collection scripts = %q, want %q", got, want)
	}
	if len(c.Notices) != 3 {
		t.Errorf("want a notice for each skipped script, got %q", noticeText(c))
	}
}

func TestV3NotACollection(t *testing.T) {
	t.Parallel()
	_, err := LoadFS(mapFS(map[string]string{"README.md": "hi"}), "somewhere")
	if err == nil || !strings.Contains(err.Error(), "no .resources/definition.yaml and no *.request.yaml") {
		t.Fatalf("err = %v", err)
	}
	if _, err := LoadFile(t.TempDir()); err == nil {
		t.Fatal("an empty directory loaded")
	}
	p := filepath.Join(t.TempDir(), "Get.request.yaml")
	if err := os.WriteFile(p, []byte(req("/x", "")), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(p); err == nil || !strings.Contains(err.Error(), "run its collection directory") {
		t.Fatalf("a request file: %v", err)
	}
	p = filepath.Join(t.TempDir(), "dev.environment.yaml")
	if err := os.WriteFile(p, []byte("name: dev\nvalues:\n  - key: a\n    value: b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(p); err == nil || !strings.Contains(err.Error(), "pass it with -e or -g") {
		t.Fatalf("an environment file: %v", err)
	}
}

// FuzzLoadV3 feeds arbitrary YAML as a request file, a definition and an
// example: loading never panics and always gives a collection or an error.
func FuzzLoadV3(f *testing.F) {
	f.Add([]byte(req("/a", "order: 1\n")), []byte("$kind: collection\nvariables:\n  a: b\n"))
	f.Add([]byte("$kind: http-request\nbody:\n  type: urlencoded\n  content:\n    - key: a\n      value: *x\n"), []byte("a: &x [1, 2]\nb: *x\n"))
	f.Add([]byte("$kind: http-request\nauth:\n  - type: bearer\n    credentials: {token: [a, {b: c}]}\n"), []byte("scripts:\n  - type: http:beforeRequest\n    code: [a, b]\n"))
	f.Add([]byte("\xef\xbb\xbf\"\\r\\n\n - ["), []byte("{a: !!binary aGk=}"))
	// form-data entries (session 16: type text or file with src, else the request is skipped)
	f.Add([]byte("$kind: http-request\nbody:\n  type: formdata\n  content:\n    - {key: t, type: text, value: v}\n    - {key: f, type: file, src: [a, b]}\n    - {key: n}\n    - {key: x, type: file, value: y}\n"), []byte("variables:\n  - {key: a, value: b, type: secret}\n"))
	f.Fuzz(func(t *testing.T, request, definition []byte) {
		fsys := fstest.MapFS{
			"r.request.yaml":                                 {Data: request},
			".resources/definition.yaml":                     {Data: definition},
			"F/.resources/definition.yaml":                   {Data: definition},
			"F/x.request.yaml":                               {Data: request},
			".resources/r.resources/examples/e.example.yaml": {Data: request},
		}
		c, err := LoadFS(fsys, "fuzz")
		if err == nil && c == nil {
			t.Fatal("nil collection without an error")
		}
	})
}

// genV3Dir writes a 1,000-request v3 directory: 50 folders of 20
// requests, each with headers, a path variable, a JSON body and a test
// script.
func genV3Dir(b *testing.B) string {
	dir := b.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write(".resources/definition.yaml", "$kind: collection\nvariables:\n  baseUrl: http://127.0.0.1:1\n")
	for f := range 50 {
		write(fmt.Sprintf("Folder %02d/.resources/definition.yaml", f), fmt.Sprintf("$kind: collection\norder: %d\n", (f+1)*1000))
		for r := range 20 {
			write(fmt.Sprintf("Folder %02d/Request %02d.request.yaml", f, r), fmt.Sprintf(`$kind: http-request
url: "{{baseUrl}}/items/:id?page=%d"
method: POST
headers:
  Content-Type: application/json
  X-Trace: "%d-%d"
pathVariables:
  id: "%d"
body:
  type: json
  content: |-
    {
      "folder": %d,
      "request": %d
    }
scripts:
  - type: afterResponse
    code: |-
      pm.test("status", function () {
          pm.response.to.have.status(200);
      });
    language: text/javascript
order: %d
`, r, f, r, r, f, r, (r+1)*1000))
		}
	}
	return dir
}

// BenchmarkLoadV3Dir loads the generated 1,000-request directory.
func BenchmarkLoadV3Dir(b *testing.B) {
	dir := genV3Dir(b)
	cpu0 := processCPU()
	for b.Loop() {
		c, err := LoadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		_ = Walk(c.Items, func(*Item) error { n++; return nil })
		if n != 1000 {
			b.Fatalf("%d requests", n)
		}
	}
	// The wall time depends on what else the machine runs; CPU time per
	// load does much less.
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkLoadV3DirAsJSON loads the same 1,000 requests as one v2.1 JSON
// file, for the ratio between the two formats.
func BenchmarkLoadV3DirAsJSON(b *testing.B) {
	c, err := LoadDir(genV3Dir(b))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Save(&buf, c); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := LoadBytes(data, "bench.json"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// TestV3AuthInheritAndEmptyList: type: inherit is the parent's auth (in a
// request and a definition), credentials beside it ignored, as Postman
// CLI 1.34 runs them (fresh-round11v-inherit.json); an empty auth list in a definition is no auth,
// as Postman CLI 1.34 runs it (fresh-round10v-auth.json); the last entry of
// a list is in force.
func TestV3AuthInheritAndEmptyList(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		".resources/definition.yaml":   "$kind: collection\nauth:\n  type: inherit\n",
		"I/.resources/definition.yaml": "$kind: collection\norder: 1\nauth:\n  type: inherit\n",
		"I/r.request.yaml":             req("/r", "auth:\n  type: inherit\n  credentials:\n    token: ignored\n"),
		"L/.resources/definition.yaml": "$kind: collection\norder: 2\nauth: []\n",
		"L/r.request.yaml":             req("/r", ""),
		"M/.resources/definition.yaml": "$kind: collection\norder: 3\nauth:\n  - id: a\n    name: basic auth\n    type: basic\n  - id: b\n    name: No Auth\n    type: noauth\n",
		"M/r.request.yaml":             req("/r", ""),
	})
	if c.Notices != nil {
		t.Fatalf("notices: %s", noticeText(c))
	}
	if c.Auth != nil || c.Items[0].Auth != nil || c.Items[0].Items[0].Request.Auth != nil {
		t.Errorf("inherit read as %#v, %#v, %#v", c.Auth, c.Items[0].Auth, c.Items[0].Items[0].Request.Auth)
	}
	if a := c.Items[1].Auth; a == nil || a.Type != "noauth" {
		t.Errorf("an empty list read as %#v", a)
	}
	if a := c.Items[2].Auth; a == nil || a.Type != "noauth" {
		t.Errorf("a list ending in noauth read as %#v", a)
	}
}

// TestV3SurrogatePairEscapes: a JSON-style surrogate pair in a
// double-quoted scalar is one character, as YAML 1.2 and Postman read it;
// the same text in a literal block (a script) stays as written.
func TestV3SurrogatePairEscapes(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		"r.request.yaml": "$kind: http-request\nname: \"rocket \\ud83d\\ude80 and \\uD83D\\uDE00\"\nurl: /r\nscripts:\n  - type: afterResponse\n    code: |-\n      var s = '\\ud83d\\ude80';\n",
	})
	if c.Notices != nil {
		t.Fatalf("notices: %s", noticeText(c))
	}
	eq(t, "name", c.Items[0].Name, "rocket 🚀 and 😀")
	eq(t, "script", c.Items[0].Events[0].Script.Exec, `var s = '\ud83d\ude80';`)
}

// TestV3NameOfDot: a collection without a definition run as `courier run .`
// is named after the directory, as Postman CLI names it.
func TestV3NameOfDot(t *testing.T) {
	t.Parallel()
	c, err := LoadFS(mapFS(map[string]string{"r.request.yaml": req("/r", "")}), ".")
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	eq(t, "name", c.Info.Name, filepath.Base(wd))
}

// TestV3WhichFilesRun: dot files and folders run, .resources does not; a
// request suffix in another case runs as "New Request"; an empty name: is
// the file's (Postman CLI 1.34, fresh-round10v-files.json).
func TestV3WhichFilesRun(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		".dot/x.request.yaml":    req("/x", "order: 1\n"),
		".hidden.request.yaml":   req("/h", "order: 2\n"),
		"upper.REQUEST.YAML":     req("/u", "order: 3\n"),
		"named.Request.Yml":      req("/n", "order: 4\nname: Shown\n"),
		"empty.request.yaml":     req("/e", "order: 5\nname: ''\n"),
		"not.request":            req("/no", ""),
		".resources/r.resources": "",
	})
	eq(t, "tree", names(c), []string{".dot", "  x", ".hidden", "New Request", "Shown", "empty"})
}
