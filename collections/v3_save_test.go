package collections

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// v3Comparable strips from a loaded collection what v3 cannot hold or
// holds differently (ids, versions, file layout, disabled and empty
// scripts, one description per request), so that a collection and its v3
// round trip compare equal with reflect.DeepEqual.
func v3Comparable(c *Collection) *Collection {
	c.Info.ID, c.Info.Version, c.Info.Schema = "", "", ""
	// v3 writes descriptions as text and has no _exporter_id.
	c.Info.DescriptionType, c.Info.ExporterID = "", ""
	c.Source, c.Format, c.Notices = "", "", nil
	c.Events = comparableEvents(c.Events)
	c.Variables = comparableVars(c.Variables)
	c.ProtocolProfileBehaviorKeys = nil // v3 settings are a map
	if len(c.ProtocolProfileBehavior) == 0 {
		c.ProtocolProfileBehavior = nil // v3 writes no empty settings
	}
	// v3 credentials are plain key: value text: declared parameter types and
	// non-string values are not kept.
	// Nor the lists of the types a block does not select.
	untyped := func(a *Auth) {
		if a != nil {
			// Flags are written as booleans by truthiness ('' is false).
			for k, kind := range v3CredentialKinds[a.Type] {
				if v, ok := a.Params[k]; ok && kind == credFlag {
					a.Params[k] = strconv.FormatBool(flagTruth(v, a.Literal[k]))
				}
			}
			a.Types, a.Literal, a.Others = nil, nil, nil
		}
	}
	untyped(c.Auth)
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			untyped(it.Auth)
			if it.Request != nil {
				untyped(it.Request.Auth)
			}
			if it.Request != nil && strings.TrimRight(strings.TrimRight(it.Name, "0123456789"), " ") == sanitizeName("") {
				// A request's empty name reads back as its file's name, as
				// in Postman CLI; the converter lists it as lost.
				it.Name = ""
			}
			it.ID, it.File, it.Order, it.DescriptionType = "", "", nil, ""
			it.ProtocolProfileBehaviorKeys = nil
			if len(it.ProtocolProfileBehavior) == 0 {
				it.ProtocolProfileBehavior = nil
			}
			it.Events = comparableEvents(it.Events)
			it.Variables = comparableVars(it.Variables)
			if r := it.Request; r != nil {
				if r.Body != nil {
					r.Body.FileGiven = "" // v3 holds a file body's src only
					r.Body.Options = nil  // nor options beyond raw.language
				}
				it.Variables = nil
				if it.Description == "" {
					it.Description = r.Description
				}
				r.Description, r.DescriptionType = "", ""
				comparableHeaders(r.Header)
				comparableQuery(r.URL.Query)
				for i := range r.URL.Variables {
					// Nor a path variable's id, name, raw disabled or system.
					r.URL.Variables[i].Meta = ""
				}
				// Nor the shape of url.auth (a URL is text in v3).
				r.URL.EmptyAuth = false
				if ui := r.URL.UserInfo; ui != nil {
					ui.PasswordFirst, ui.NoUser = false, false
				}
				if r.Body != nil {
					if r.Body.Disabled {
						r.Body = nil
					} else {
						switch r.Body.Language {
						case "json", "xml", "html", "javascript", "text":
						default:
							r.Body.Language = "text"
						}
						if r.Body.Mode == "" {
							r.Body.Mode = BodyRaw
						}
						if r.Body.Mode != BodyRaw {
							r.Body.Language, r.Body.Raw = "", ""
						}
						for i := range r.Body.URLEncoded {
							r.Body.URLEncoded[i].Type = "" // urlencoded fields are text
							comparableForm(&r.Body.URLEncoded[i])
						}
						for i := range r.Body.FormData {
							f := &r.Body.FormData[i]
							if f.Type == "" {
								f.Type = "text" // Postman's default
							}
							comparableForm(f)
							if f.Type == "file" {
								f.NoValue = HasValue // a file entry has src, not value
							}
						}
						if r.Body.Mode == BodyGraphQL && r.Body.GraphQL == nil {
							r.Body.GraphQL = &GraphQL{}
						}
						// v3 keeps GraphQL members as text, present or not.
						if g := r.Body.GraphQL; g != nil {
							g.VariablesJSON, g.Unset = false, nil
						}
					}
				}
				// The url text is rebuilt from its parts; compare parts.
				r.URL.Raw = ""
				// v3's queryParams have no null key (the "a&&b" segment).
				for i := range r.URL.Query {
					r.URL.Query[i].KeyNull = false
				}
				// An empty path variable substitutes nothing, listed or not;
				// one without a value is not written (it sends :name).
				var vars []Variable
				for _, v := range r.URL.Variables {
					v.ID, v.Type = "", ""
					if v != (Variable{Key: v.Key}) && !v.NoValue {
						vars = append(vars, v)
					}
				}
				r.URL.Variables = vars
				it.Responses = comparableResponses(it.Responses)
			}
			walk(it.Items)
		}
	}
	walk(c.Items)
	return c
}

// comparableEvents keeps what v3 keeps of scripts: the enabled ones, a
// second of one hook merged into the first (a v3 file runs one of each).
func comparableEvents(evs []Event) []Event {
	var out []Event
	at := map[string]int{}
	for _, e := range evs {
		if e.Disabled || strings.TrimSpace(e.Script.Exec) == "" {
			continue
		}
		if i, ok := at[e.Listen]; ok {
			out[i].Script.Exec += "\n" + e.Script.Exec
			continue
		}
		e.Script.ID, e.Script.Name, e.Script.Packages, e.DisabledSet = "", "", "", false
		if e.Script.Type == "" {
			e.Script.Type = "text/javascript"
		}
		at[e.Listen] = len(out)
		out = append(out, e)
	}
	return out
}

func comparableVars(vs []Variable) []Variable {
	for i := range vs {
		// v3 definitions keep variable values as text, as its writer
		// does: a number, null or a missing value comes back as its text.
		// Nor a type: Postman drops a definition whose variables say one.
		vs[i].ID, vs[i].JSON, vs[i].NoValue, vs[i].Type, vs[i].DescriptionType = "", "", false, "", ""
		vs[i].Name, vs[i].System = "", ""
	}
	return vs
}

// comparableHeaders drops what v3 cannot keep of header descriptions: it
// writes one as text, so an empty one and its type are lost.
func comparableHeaders(hs []Header) {
	for i := range hs {
		h := &hs[i]
		h.DescriptionType = ""
		// Nor a description whose content is none or not text.
		h.DescriptionNone, h.DescriptionJSON = false, ""
		h.Described = h.Described && h.Description != ""
		h.FromV3 = false // where it was loaded from
		// Nor a row's name or a disabled: false (a v3 row has neither).
		h.Name, h.DisabledSet = "", false
	}
}

// comparableForm drops what v3 cannot keep of a body row's description
// (its text stays), and where the row was loaded from.
func comparableForm(f *FormParam) {
	f.FromV3 = false
	f.Name, f.DisabledSet = "", false
	f.DescriptionType, f.DescriptionNone, f.DescriptionJSON, f.Described = "", false, "", false
}

// comparableQuery drops what v3 cannot keep of query parameter
// descriptions, as comparableHeaders.
func comparableQuery(qs []QueryParam) {
	for i := range qs {
		q := &qs[i]
		q.DescriptionType, q.DescriptionNone, q.DescriptionJSON = "", false, ""
		q.Described = q.Described && q.Description != ""
		q.FromV3 = false // where it was loaded from
		q.Name, q.DisabledSet = "", false
		if !q.Described {
			q.Description = ""
		}
	}
}

// comparableResponses keeps what an example carries across: name, code,
// status, headers and body.
func comparableResponses(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 {
		return nil
	}
	var list []struct {
		Name   string          `json:"name"`
		Code   *int            `json:"code"`
		Status *string         `json:"status"`
		Body   *string         `json:"body"`
		Header json.RawMessage `json:"header"`
	}
	if json.Unmarshal(raw, &list) != nil {
		return raw
	}
	var out []string
	for _, r := range list {
		body := ""
		if r.Body != nil {
			body = *r.Body
		}
		hs, _ := headers(r.Header, "header")
		comparableHeaders(hs)
		name := r.Name
		if name == "" {
			name = "Example"
		}
		// A missing code and status are written 200 and OK, as migrate
		// writes them.
		code, status := 200, "OK"
		if r.Code != nil {
			code = *r.Code
		}
		if r.Status != nil {
			status = *r.Status
		}
		out = append(out, fmt.Sprintf("%s|%d|%s|%v|%s", name, code, status, hs, body))
	}
	if len(out) == 0 {
		return nil
	}
	b, _ := json.Marshal(out)
	return b
}

// v3RoundTrip writes c as v3, loads it back and compares.
func v3RoundTrip(t *testing.T, name string, load func() (*Collection, error)) {
	t.Helper()
	c, err := load()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "coll")
	lost, err := SaveDir(c, dir)
	if err != nil {
		t.Fatalf("SaveDir: %v", err)
	}
	back, err := LoadDir(dir)
	if err != nil {
		t.Fatalf("reload: %v", err)
	}
	for _, n := range back.Notices {
		t.Errorf("reload notice: %s", n)
	}
	orig, err := load()
	if err != nil {
		t.Fatal(err)
	}
	a, b := v3Comparable(orig), v3Comparable(back)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("first difference: %s", firstDiff(reflect.ValueOf(a), reflect.ValueOf(b), "collection"))
		ra, rb := requests(a), requests(b)
		if len(ra) != len(rb) {
			t.Fatalf("%s: %d requests, %d after the round trip", name, len(ra), len(rb))
		}
		for i := range ra {
			if !reflect.DeepEqual(ra[i], rb[i]) {
				t.Fatalf("%s: request %q differs (lost: %v):\n orig %s\n back %s", name, ra[i].Name, lost, dump(ra[i]), dump(rb[i]))
			}
		}
		t.Fatalf("%s: differs outside requests:\n orig %s\n back %s", name, dump(a), dump(b))
	}
}

func dump(v any) string {
	if it, ok := v.(*Item); ok {
		// Fields JSON leaves out.
		v = struct {
			*Item
			Responses string
			Parent    []string
		}{it, string(it.Responses), parentPath(it.Parent)}
	}
	b, _ := json.MarshalIndent(v, "", " ")
	if len(b) > 200000 {
		b = b[:200000]
	}
	return string(b)
}

// TestV3RoundTripCorpus writes every v2.1 collection of the shared corpus
// as v3 and loads it back: nothing that v3 can hold is lost.
func TestV3RoundTripCorpus(t *testing.T) {
	t.Parallel()
	kinds := corpusKinds(t)
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.json"))
	n := 0
	for _, f := range files {
		rel, _ := filepath.Rel(corpusDir, f)
		if kinds[filepath.ToSlash(rel)] != "collection" {
			continue
		}
		n++
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			v3RoundTrip(t, rel, func() (*Collection, error) { return LoadFile(f) })
		})
	}
	if n < 100 {
		t.Errorf("only %d collections", n)
	}
}

// TestV3RoundTripV3Corpus writes every corpus-v3 collection back as v3:
// same model, same file names.
func TestV3RoundTripV3Corpus(t *testing.T) {
	t.Parallel()
	rows := corpusV3(t)
	for dir := range rows {
		src := filepath.Join(corpusV3Dir, dir)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			v3RoundTrip(t, dir, func() (*Collection, error) { return LoadDir(src) })
			c, _ := LoadDir(src)
			out := filepath.Join(t.TempDir(), "c")
			if _, err := SaveDir(c, out); err != nil {
				t.Fatal(err)
			}
			var want, got []string
			_ = Walk(c.Items, func(it *Item) error { want = append(want, it.File); return nil })
			back, _ := LoadDir(out)
			_ = Walk(back.Items, func(it *Item) error { got = append(got, it.File); return nil })
			eq(t, "files", got, want)
		})
	}
}

func TestSanitizeName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Get a/b: c?":  "Get a-b- c-",
		"https://x":    "https-x",
		`a<b>c|d"e\f`:  "a-b-c-d-e-f", // as Postman's migrate names it
		"  trailing. ": "trailing",
		"CON":          "CON_",
		".hidden":      "-hidden",
		"":             "-",
		"Autenticação": "Autenticação",
	} {
		eq(t, in, sanitizeName(in), want)
	}
	items := []*Item{{Name: "Same", Request: &Request{}}, {Name: "same", Request: &Request{}}, {Name: "a/b", Folder: true}}
	eq(t, "siblings", siblingNames(items), []string{"Same.request.yaml", "same 1.request.yaml", "a-b"})
	_ = os.Remove
}

// firstDiff names the first field where a and b differ (Parent pointers are
// not followed).
func firstDiff(a, b reflect.Value, path string) string {
	if a.Kind() != b.Kind() {
		return path + ": kind"
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
			}
			return ""
		}
		return firstDiff(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if f.Name == "Parent" {
				continue
			}
			if d := firstDiff(a.Field(i), b.Field(i), path+"."+f.Name); d != "" {
				return d
			}
		}
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d vs %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := firstDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case reflect.Map:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %v vs %v", path, a.Interface(), b.Interface())
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %#v vs %#v", path, a.Interface(), b.Interface())
		}
	}
	return ""
}

// TestExportV3Dir: exporting a loaded v3 collection copies every file as it
// is and rewrites only the root definition's variables, in the file's own
// form (mapping or list), keeping the rest of it.
func TestExportV3Dir(t *testing.T) {
	t.Parallel()
	src := filepath.Join(t.TempDir(), "C")
	files := map[string]string{
		".resources/definition.yaml": "$kind: collection\nname: Shop # comment\nvariables:\n  - key: a\n    value: '1'\nauth:\n  type: noauth\n",
		"r.request.yaml":             "$kind: http-request\nurl: \"{{a}}\"   # odd spacing kept\nmethod: GET\norder: 1\n",
		"g.request.yaml":             "$kind: grpc-request\nurl: 127.0.0.1:1\n",
		"README.md":                  "notes\n",
	}
	for rel, body := range files {
		p := filepath.Join(src, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := LoadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	c.Variables = append(c.Variables, Variable{Key: "b", Value: "two"})
	out := filepath.Join(t.TempDir(), "out")
	if err := ExportV3Dir(c, out); err != nil {
		t.Fatal(err)
	}
	for rel, body := range files {
		got, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		want := body
		if rel == ".resources/definition.yaml" {
			want = "$kind: collection\nname: Shop # comment\nvariables:\n  - key: a\n    value: '1'\n  - key: b\n    value: two\nauth:\n  type: noauth\n"
		}
		eq(t, rel, string(got), want)
	}
	// In place, unchanged: nothing is written.
	c2, _ := LoadDir(src)
	st0, _ := os.Stat(filepath.Join(src, ".resources", "definition.yaml"))
	if err := ExportV3Dir(c2, src); err != nil {
		t.Fatal(err)
	}
	st1, _ := os.Stat(filepath.Join(src, ".resources", "definition.yaml"))
	if !st0.ModTime().Equal(st1.ModTime()) {
		// The list form re-encodes identically; a rewrite would still be
		// harmless, but none is expected.
		b, _ := os.ReadFile(filepath.Join(src, ".resources", "definition.yaml"))
		eq(t, "in-place definition", string(b), files[".resources/definition.yaml"])
	}
}

// A v3 save keeps whether an auth parameter is a boolean or number or
// text: Postman reads a flag by JavaScript truthiness, so the text "false"
// is true and the boolean false is false, and converting a collection
// must not turn one into the other.
func TestV3SaveKeepsAuthLiterals(t *testing.T) {
	t.Parallel()
	src := `{"info":{"name":"L","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"r","request":{"method":"GET","url":"http://127.0.0.1/",
"auth":{"type":"digest","digest":[{"key":"disableRetryRequest","value":"false","type":"string"},
{"key":"saveHelperData","value":false,"type":"boolean"},{"key":"nonceCount","value":0,"type":"any"},{"key":"qop","value":"1"}]}}}]}`
	c, err := LoadBytes([]byte(src), "l.json")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "c")
	if _, err := SaveDir(c, out); err != nil {
		t.Fatal(err)
	}
	back, err := LoadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	a, b := c.Items[0].Request.Auth, back.Items[0].Request.Auth
	for _, k := range []string{"saveHelperData", "nonceCount", "qop"} {
		if a.Params[k] != b.Params[k] || a.Literal[k] != b.Literal[k] {
			t.Errorf("%s: saved %q (literal %v), read back %q (literal %v)", k, a.Params[k], a.Literal[k], b.Params[k], b.Literal[k])
		}
	}
	// A flag Postman's newer runtime types is written as the boolean JSON
	// runs read (the text "false" is true): as text, Postman CLI would send
	// the request without auth (fresh-round12v-creds2.json).
	if got := b.Params["disableRetryRequest"]; got != "true" || !b.Literal["disableRetryRequest"] {
		t.Errorf("disableRetryRequest: read back %q (literal %v), want the boolean true", got, b.Literal["disableRetryRequest"])
	}
	if len(back.Notices) > 0 {
		t.Errorf("notices: %v", back.Notices)
	}
}

// TestV3KeepsQueryDescriptions: a query parameter's description survives a
// v3 export and load (as text), with its row's place and value.
func TestV3KeepsQueryDescriptions(t *testing.T) {
	t.Parallel()
	src := `{"info": {"name": "Q", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"item": [{"name": "r", "request": {"method": "GET", "url": {"raw": "http://127.0.0.1:1/get?a=1&b=2",
	"protocol": "http", "host": ["127", "0", "0", "1"], "port": "1", "path": ["get"],
	"query": [{"key": "a", "value": "1", "description": "first"}, {"key": "b", "value": "2"},
	{"key": "c", "value": "3", "disabled": true, "description": {"content": "off", "type": "text/markdown"}}]}}}]}`
	c, err := LoadBytes([]byte(src), "q.json")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := ExportV3Dir(c, out); err != nil {
		t.Fatal(err)
	}
	back, err := LoadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	got := back.Items[0].Request.URL.Query
	want := []string{"a=1 first", "b=2 -", "c=3 off (disabled)"}
	if len(got) != len(want) {
		t.Fatalf("query after v3: %+v", got)
	}
	for i, q := range got {
		s := q.Key + "=" + *q.Value + " "
		if q.Described {
			s += q.Description
		} else {
			s += "-"
		}
		if q.Disabled {
			s += " (disabled)"
		}
		eq(t, "query row", s, want[i])
	}
}

// TestV3SaveTwoScriptsOfOneType: a v2.1 item may carry two prerequest
// scripts; a v3 file runs only the first of each type, so the second is
// merged into the first and the merge listed.
func TestV3SaveTwoScriptsOfOneType(t *testing.T) {
	t.Parallel()
	c, err := LoadBytes([]byte(`{"info": {"name": "two", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"name": "r", "request": {"method": "GET", "url": "http://127.0.0.1:1/"}, "event": [
			{"listen": "prerequest", "script": {"exec": ["a()"]}}, {"listen": "prerequest", "script": {"exec": ["b()"]}}]}]}`), "two.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "coll")
	lost, err := SaveDir(c, dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := `a second prerequest script of "r": a v3 file runs one script of each type, so it is merged into the first`; !strings.Contains(strings.Join(lost, "\n"), want) {
		t.Errorf("lost = %q, want it to say %q", lost, want)
	}
	back, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if evs := back.Items[0].Events; len(evs) != 1 || evs[0].Script.Exec != "a()\nb()" {
		t.Errorf("loaded back: %+v, want one script, the first's code then the second's", evs)
	}
	if len(back.Notices) != 0 {
		t.Errorf("reload notices: %v", back.Notices)
	}
}

// TestV3SaveAsPostmanMigrates: a file body and an inherit auth are written
// as Postman CLI 1.34's `collection migrate` writes them (type: file with
// content: {src}; no auth: at all), shapes its lint accepts, and they load
// back the same.
func TestV3SaveAsPostmanMigrates(t *testing.T) {
	t.Parallel()
	src := `{"info":{"name":"M","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"file","request":{"method":"POST","url":"http://127.0.0.1/","body":{"mode":"file","file":{"src":"./x.bin"}}}},
{"name":"inherit","request":{"method":"GET","url":"http://127.0.0.1/","auth":{"type":"inherit"}}},
{"name":"F","auth":{"type":"noauth","noauth":[{"key":"k","value":"v"}]},"item":[{"name":"in F","request":{"method":"GET","url":"http://127.0.0.1/"}}]},
{"name":"pk","event":[{"listen":"prerequest","script":{"type":"text/javascript","exec":["x()"],"packages":{"npm:jsrsasign@11.1.0":{"id":"npm:jsrsasign@11.1.0"}}}}],"request":{"method":"GET","url":"http://127.0.0.1/"}},
{"name":"https://h//x","protocolProfileBehavior":{"disabledSystemHeaders":{"user-agent":true,"accept":true}},"request":{"method":"GET","url":"http://127.0.0.1/"}}]}`
	c, err := LoadBytes([]byte(src), "m.json")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "c")
	if _, err := SaveDir(c, out); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if got := read("file.request.yaml"); !strings.Contains(got, "body:\n  type: file\n  content:\n    src: ./x.bin\n") {
		t.Errorf("file body written as:\n%s", got)
	}
	if got := read("inherit.request.yaml"); strings.Contains(got, "auth") {
		t.Errorf("inherit written as:\n%s", got)
	}
	if got := read("F/.resources/definition.yaml"); !strings.Contains(got, "auth:\n  type: noauth\n") || strings.Contains(got, "credentials") {
		t.Errorf("noauth folder written as:\n%s", got)
	}
	// Runs of characters a file name cannot hold become one "-", and
	// disabledSystemHeaders a list of names, as migrate writes them.
	if got := read("https-h-x.request.yaml"); !strings.Contains(got, "settings:\n  disabledSystemHeaders:\n    - accept\n    - user-agent\n") {
		t.Errorf("settings written as:\n%s", got)
	}
	back, err := LoadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Notices) > 0 {
		t.Errorf("notices: %v", back.Notices)
	}
	if got := read("pk.request.yaml"); !strings.Contains(got, "    language: text/javascript\n    packages:\n      npm:jsrsasign@11.1.0:\n        id: npm:jsrsasign@11.1.0\n") {
		t.Errorf("packages written as:\n%s", got)
	}
	if p := back.Items[3].Events[0].Script.Packages; p != `{"npm:jsrsasign@11.1.0":{"id":"npm:jsrsasign@11.1.0"}}` {
		t.Errorf("packages read back as %q", p)
	}
	if d := back.Items[4].ProtocolProfileBehavior["disabledSystemHeaders"]; !reflect.DeepEqual(d, map[string]any{"accept": true, "user-agent": true}) {
		t.Errorf("disabledSystemHeaders read back as %#v", d)
	}
	if b := back.Items[0].Request.Body; b == nil || b.Mode != BodyFile || b.File != "./x.bin" {
		t.Errorf("file body read back as %#v", b)
	}
	if a := back.Items[1].Request.Auth; a != nil {
		t.Errorf("inherit read back as %#v", a)
	}
}

// TestV3SaveLeavesSecretValuesOut: a v12 definition's variables have no
// type, so a collection variable of type secret would come back as an
// ordinary value, shown by every run of the converted collection: its
// value is left out, and the loss says where to keep it. A vault
// reference and other types keep their values.
func TestV3SaveLeavesSecretValuesOut(t *testing.T) {
	t.Parallel()
	c, err := LoadBytes([]byte(`{"info": {"name": "sec", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": [{"key": "token", "value": "s3cr3t-value-9", "type": "secret"}, {"key": "ref", "value": "{{vault:token}}", "type": "secret"},
			{"key": "plain", "value": "kept", "type": "string"}],
		"item": [{"name": "f", "variable": [{"key": "inner", "value": "f0lder-secret", "type": "secret"}],
			"item": [{"name": "r", "request": {"method": "GET", "url": "http://127.0.0.1:1/"}}]}]}`), "sec.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "coll")
	lost, err := SaveDir(c, dir)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(lost, "\n")
	for _, want := range []string{"the values of the secret variables of collection (token) are left out",
		`the values of the secret variables of folder "f" (inner) are left out`, "{{vault:NAME}}"} {
		if !strings.Contains(all, want) {
			t.Errorf("lost = %q, want it to say %q", lost, want)
		}
	}
	back, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, v := range append(back.Variables, back.Items[0].Variables...) {
		got[v.Key] = v.Value
	}
	want := map[string]string{"token": "", "ref": "{{vault:token}}", "plain": "kept", "inner": ""}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("loaded back %v, want %v", got, want)
	}
}

// TestV3SaveHeaderValuesAsSent: a v2.1 header whose value is null, a number
// or a boolean is written as the text Newman and Postman CLI send for it
// ("null", "5", "true"), so the converted request sends the same; Postman
// CLI 1.34's migrate writes "" for null, which sends an empty header
// (checked on the wire in session 20: Newman, Postman CLI's JSON run and
// Postman CLI on courier's conversion send X-Null: null, on migrate's "").
func TestV3SaveHeaderValuesAsSent(t *testing.T) {
	t.Parallel()
	src := `{"info":{"name":"H","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"r","request":{"method":"GET","url":"http://127.0.0.1/",
"header":[{"key":"X-Null","value":null},{"key":"X-Num","value":5},{"key":"X-Bool","value":true},{"key":"X-Missing"}]}}]}`
	c, err := LoadBytes([]byte(src), "h.json")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "c")
	if _, err := SaveDir(c, out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "r.request.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "X-Null: 'null'\n") || !strings.Contains(string(data), "X-Num: '5'\n") ||
		!strings.Contains(string(data), "X-Bool: 'true'\n") || !strings.Contains(string(data), "X-Missing: ''\n") {
		t.Errorf("headers written as:\n%s", data)
	}
	back, err := LoadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range back.Items[0].Request.Header {
		got = append(got, h.Key+"="+h.Value)
	}
	if want := "X-Null=null X-Num=5 X-Bool=true X-Missing="; strings.Join(got, " ") != want {
		t.Errorf("read back %q, want %q", strings.Join(got, " "), want)
	}
}
