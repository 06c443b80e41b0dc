package environments

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/courier-run/courier/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite golden files")

const corpusDir = "../../shared/corpus"

// corpusFiles lists MANIFEST.tsv entries whose kind is one of kinds.
func corpusFiles(t *testing.T, kinds ...string) []string {
	t.Helper()
	fh, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
	}
	defer fh.Close()
	var out []string
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 5 {
			continue
		}
		for _, k := range kinds {
			if cols[4] == k {
				out = append(out, cols[0])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCorpusEnvironmentsLoad(t *testing.T) {
	t.Parallel()
	files := corpusFiles(t, "environment", "globals")
	if len(files) < 50 {
		t.Fatalf("manifest lists only %d environment/globals files", len(files))
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, err := LoadFile(filepath.Join(corpusDir, name))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Values) == 0 {
				t.Fatal("no variables loaded")
			}
			for i, v := range f.Values {
				if v.Key == "" {
					t.Errorf("values[%d] has an empty key", i)
				}
			}
			// Whatever we load must survive our own export unchanged.
			var buf bytes.Buffer
			if err := Save(&buf, f); err != nil {
				t.Fatal(err)
			}
			back, err := Load(&buf, "export")
			if err != nil {
				t.Fatalf("reloading export: %v", err)
			}
			if len(back.Values) != len(f.Values) {
				t.Fatalf("export has %d variables, want %d", len(back.Values), len(f.Values))
			}
			for i := range f.Values {
				want := f.Values[i]
				if want.Type == "" {
					want.Type = TypeDefault
				}
				if back.Values[i] != want {
					t.Errorf("values[%d] = %+v after export, want %+v", i, back.Values[i], want)
				}
			}
		})
	}
}

// TestCorpusEnvironmentDetails pins what specific corpus files must yield.
func TestCorpusEnvironmentDetails(t *testing.T) {
	t.Parallel()
	corpusFiles(t) // skips without the corpus
	type want struct {
		i               int
		key, value, typ string
		disabled        bool
	}
	tests := []struct {
		file      string
		id, name  string
		scope     string
		n         int
		checks    []want
		exportedU string
	}{
		{
			file: "postmanlabs__newman/test__integration__bom-and-encoding__bom-in-environment-file.postman_environment.json",
			n:    -1,
		},
		{
			file: "postmanlabs__newman/test__integration__bom-and-encoding__utf16-le-encoding-in-env.postman_environment.json",
			n:    -1,
		},
		{
			file:  "postmanlabs__newman/test__integration__disabled-and-duplicate-variables__disabled-and-duplicates.postman_environment.json",
			id:    "466fce1f-6998-4513-8001-74481c37a7ee",
			name:  "disabled-and-duplicates",
			scope: "environment",
			n:     5,
			checks: []want{
				{i: 0, key: "justDisabled", value: "1", disabled: true},
				{i: 1, key: "oneDisabled", value: "1"},
				{i: 2, key: "oneDisabled", value: "2", disabled: true},
				{i: 3, key: "duplicate", value: "1", typ: "text"},
			},
		},
		{
			file:   "postmanlabs__newman/test__integration__globals-env-data-files__globals-env-data-files.postman_globals.json",
			n:      7,
			checks: []want{{i: 0, key: "full_global_url", value: "https://postman-echo.com/get", typ: "text"}, {i: 2, key: "Global Foo", value: "Global Bar", typ: "text"}},
		},
		{
			file:      "pingidentity__pingidentity-cdr-sandbox/scripts__postman__newman__current.env",
			id:        "fdd901a6-105a-45d0-9503-c0fbf0ca6191",
			name:      "environment",
			scope:     "environment",
			n:         -1,
			exportedU: "Newman/5.1.0",
		},
		{
			file:   "_derived/PingOne_Workflow_Library_Template_release-2025-04-17.runinpostman-env.json",
			n:      7,
			checks: []want{{i: 0, key: "tld", value: "com", typ: "default"}, {i: 2, key: "apiPath", value: "https://api.pingone.{{tld}}/v1", typ: "default"}},
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			t.Parallel()
			f, err := LoadFile(filepath.Join(corpusDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if tt.n >= 0 && len(f.Values) != tt.n {
				t.Errorf("got %d variables, want %d", len(f.Values), tt.n)
			}
			if f.ID != tt.id && tt.id != "" || f.Name != tt.name && tt.name != "" || f.VariableScope != tt.scope && tt.scope != "" {
				t.Errorf("header = %q %q %q, want %q %q %q", f.ID, f.Name, f.VariableScope, tt.id, tt.name, tt.scope)
			}
			if f.ExportedUsing != tt.exportedU && tt.exportedU != "" {
				t.Errorf("exported using %q, want %q", f.ExportedUsing, tt.exportedU)
			}
			for _, c := range tt.checks {
				i := c.i
				got := f.Values[i]
				if got.Key != c.key || got.Value != c.value || got.Type != c.typ || got.Disabled != c.disabled {
					t.Errorf("values[%d] = %+v, want %+v", i, got, c)
				}
			}
		})
	}
}

// The encoding fixtures hold the same variables as their plain siblings.
func TestCorpusEncodings(t *testing.T) {
	t.Parallel()
	corpusFiles(t)
	bom, err := LoadFile(filepath.Join(corpusDir, "postmanlabs__newman/test__integration__bom-and-encoding__bom-in-environment-file.postman_environment.json"))
	if err != nil {
		t.Fatal(err)
	}
	u16, err := LoadFile(filepath.Join(corpusDir, "postmanlabs__newman/test__integration__bom-and-encoding__utf16-le-encoding-in-env.postman_environment.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*File{bom, u16} {
		if len(f.Values) == 0 || strings.ContainsRune(f.Values[0].Key, '\uFEFF') || strings.ContainsRune(f.Values[0].Key, 0) {
			t.Errorf("%s: bad first variable %+v", f.Source, f.Values)
		}
	}
}

func TestPingOneTemplates(t *testing.T) {
	t.Parallel()
	corpusFiles(t)
	const want = "https://api.pingone.com/v1"

	// 2025 Run-in-Postman environment: apiPath is defined through {{tld}}.
	f, err := LoadFile(filepath.Join(corpusDir, "_derived/PingOne_Workflow_Library_Template_release-2025-04-17.runinpostman-env.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Scopes{Environment: f.Scope()}
	if got := s.Replace("{{apiPath}}"); got != want {
		t.Errorf("2025 template: {{apiPath}} = %q, want %q", got, want)
	}
	if got := s.Replace("{{authPath}}/{{envID}}/as/token"); got != "https://auth.pingone.com//as/token" {
		t.Errorf("2025 template: token URL = %q", got)
	}

	// 2020 template: apiPath ships empty and the tutorial has users value it
	// as https://api.pingone.{{tld}}/v1, as --env-var would.
	f, err = LoadFile(filepath.Join(corpusDir, "pingidentity__pingone-postman-template/PingOne Postman Environment Template.postman_environment.json"))
	if err != nil {
		t.Fatal(err)
	}
	env := f.Scope()
	if v, ok := env.Lookup("apiPath"); !ok || v.Value != "" {
		t.Fatalf("2020 template apiPath = %+v, %v", v, ok)
	}
	for _, arg := range []string{"apiPath=https://api.pingone.{{tld}}/v1", "tld=com"} {
		k, v, _ := strings.Cut(arg, "=") // as cmd/run's flagVars reads --env-var
		env.Set(k, v)
	}
	s = &Scopes{Environment: env}
	if got := s.Replace("{{apiPath}}/environments/{{envID}}/users"); got != want+"/environments//users" {
		t.Errorf("2020 template: got %q", got)
	}
}

func TestLoadShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     File
	}{
		{
			name: "postman export",
			in: `{"id":"e1","name":"Dev","values":[
				{"key":"a","value":"1","type":"default","enabled":true},
				{"key":"s","value":"pw","type":"secret","enabled":false,"description":"the password"}],
				"_postman_variable_scope":"environment","_postman_exported_at":"2024-05-06T07:08:09.123Z","_postman_exported_using":"Postman/11.0"}`,
			want: File{ID: "e1", Name: "Dev", VariableScope: "environment", ExportedUsing: "Postman/11.0",
				ExportedAt: time.Date(2024, 5, 6, 7, 8, 9, 123e6, time.UTC),
				Values:     []Variable{{Key: "a", Value: "1", Type: "default"}, {Key: "s", Value: "pw", Type: "secret", Disabled: true, Description: "the password"}}},
		},
		{
			name: "bare array and disabled flag",
			in:   `[{"key":"a","value":"x"},{"key":"b","value":"y","disabled":true}]`,
			want: File{Values: []Variable{{Key: "a", Value: "x"}, {Key: "b", Value: "y", Disabled: true}}},
		},
		{
			name: "non-string values keep JSON text and kind",
			in:   `{"values":[{"key":"n","value":5},{"key":"f","value":1.50},{"key":"b","value":false},{"key":"o","value":{"x":[1,2]}},{"key":"l","value":[1,"a"]},{"key":"z","value":null},{"key":"m"},{"key":"s","value":null,"type":"secret"}]}`,
			want: File{Values: []Variable{
				{Key: "n", Value: "5", Type: TypeNumber}, {Key: "f", Value: "1.50", Type: TypeNumber},
				{Key: "b", Value: "false", Type: TypeBoolean}, {Key: "o", Value: `{"x":[1,2]}`, Type: TypeObject},
				{Key: "l", Value: `[1,"a"]`, Type: TypeArray}, {Key: "z", Type: TypeNull}, {Key: "m", Type: TypeUndefined},
				{Key: "s", Type: TypeSecret}, // a secret stays one, empty
			}},
		},
		{
			// Newman reads these back typed, as "any" variables, and shows
			// them; kept as text they stay masked, as collection variables
			// of type secret are (CollectionVariables).
			name: "a secret's non-string value stays a secret, as its JSON text",
			in:   `{"values":[{"key":"pin","value":48151623,"type":"secret"},{"key":"o","value":{"p":"x y"},"type":"secret"},{"key":"l","value":["a"],"type":"secret"},{"key":"t","value":true,"type":"secret"}]}`,
			want: File{Values: []Variable{
				{Key: "pin", Value: "48151623", Type: TypeSecret}, {Key: "o", Value: `{"p":"x y"}`, Type: TypeSecret},
				{Key: "l", Value: `["a"]`, Type: TypeSecret}, {Key: "t", Value: "true", Type: TypeSecret},
			}},
		},
		{
			name: "description object and name-only key",
			in:   `{"values":[{"name":"old","value":"v","description":{"content":"docs","type":"text/plain"}}]}`,
			want: File{Values: []Variable{{Key: "old", Value: "v", Description: "docs"}}},
		},
		{
			name: "no values",
			in:   `{"id":"x","name":"empty"}`,
			want: File{ID: "x", Name: "empty"},
		},
		{
			name: "utf-8 bom",
			in:   "\uFEFF" + `{"values":[{"key":"k","value":"é"}]}`,
			want: File{Values: []Variable{{Key: "k", Value: "é"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Load(strings.NewReader(tt.in), "test.json")
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Source = "test.json"
			if f.ID != tt.want.ID || f.Name != tt.want.Name || f.VariableScope != tt.want.VariableScope ||
				f.ExportedUsing != tt.want.ExportedUsing || !f.ExportedAt.Equal(tt.want.ExportedAt) || f.Source != tt.want.Source {
				t.Errorf("header = %+v, want %+v", f, tt.want)
			}
			if len(f.Values) != len(tt.want.Values) {
				t.Fatalf("values = %+v, want %+v", f.Values, tt.want.Values)
			}
			for i := range f.Values {
				if f.Values[i] != tt.want.Values[i] {
					t.Errorf("values[%d] = %+v, want %+v", i, f.Values[i], tt.want.Values[i])
				}
			}
		})
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	u := utf16.Encode([]rune(s))
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, c := range u {
		if bigEndian {
			out = append(out, byte(c>>8), byte(c))
		} else {
			out = append(out, byte(c), byte(c>>8))
		}
	}
	return out
}

func TestLoadUTF16(t *testing.T) {
	t.Parallel()
	doc := `{"values":[{"key":"ключ","value":"😀"}]}`
	for _, be := range []bool{false, true} {
		f, err := Load(bytes.NewReader(utf16Bytes(doc, be)), "u16.json")
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Values) != 1 || f.Values[0].Key != "ключ" || f.Values[0].Value != "😀" {
			t.Errorf("bigEndian=%v: got %+v", be, f.Values)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		line     int
		col      int
		path     string
		msg      string
	}{
		{name: "syntax", in: "{\n  \"values\": [\n    {\"key\": \"a\",, }\n  ]\n}", line: 3, col: 17, msg: "invalid JSON"},
		{name: "truncated", in: "{\"values\": [", line: 1, col: 13, msg: "unexpected end of file"},
		{name: "trailing data", in: `{"values": []} x`, line: 1, col: 16, msg: "after the JSON document"},
		{name: "empty", in: "  \n", msg: "empty"},
		{name: "scalar", in: `"hello"`, msg: "got a string"},
		{name: "values not array", in: `{"values": {"a": 1}}`, path: "values", msg: "expected an array of variables, got an object"},
		{name: "variable not object", in: `{"values": ["a"]}`, path: "values[0]", msg: "expected a variable object, got a string"},
		{name: "key missing", in: `{"values": [{"key":"a"},{"value":"b"}]}`, path: "values[1]", msg: `missing "key"`},
		{name: "key number", in: `{"values": [{"key":5}]}`, path: "values[0].key", msg: "expected a string, got a number"},
		{name: "type number", in: `{"values": [{"key":"a","type":1}]}`, path: "values[0].type", msg: "expected a string"},
		{name: "bare array path", in: `[{"key":"a"},{"key":false}]`, path: "[1].key", msg: "expected a string, got a boolean"},
		{name: "name not string", in: `{"name": 3, "values": []}`, path: "name", msg: "expected a string, got a number"},
		{name: "collection", in: `{"info":{},"item":[]}`, msg: "this is a collection"},
		{name: "invalid utf-8", in: "{\"values\":[{\"key\":\"\xff\"}]}", msg: "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(strings.NewReader(tt.in), "env.json")
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LoadError", err)
			}
			if le.File != "env.json" || le.Line != tt.line || le.Column != tt.col || le.Path != tt.path {
				t.Errorf("error at %s:%d:%d %q, want env.json:%d:%d %q", le.File, le.Line, le.Column, le.Path, tt.line, tt.col, tt.path)
			}
			if !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "env.json") {
				t.Errorf("error %q does not start with the file or lacks %q", err, tt.msg)
			}
			if errors.Unwrap(err) == nil {
				t.Error("LoadError does not unwrap")
			}
		})
	}
}

func TestLoadFileMissing(t *testing.T) {
	t.Parallel()
	_, err := LoadFile(filepath.Join(t.TempDir(), "nope.json"))
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "nope.json") {
		t.Errorf("got %v", err)
	}
}

func TestSaveGolden(t *testing.T) {
	t.Parallel()
	f := &File{
		ID:            "0b5d6a1e-0000-4000-8000-000000000001",
		Name:          "Dev <local>",
		VariableScope: "environment",
		ExportedAt:    time.Date(2025, 1, 2, 3, 4, 5, 6e6, time.UTC),
		ExportedUsing: "courier/test",
		Values: []Variable{
			{Key: "baseUrl", Value: "https://example.com/?a=1&b=2"},
			{Key: "token", Value: "s3cr3t", Type: TypeSecret},
			{Key: "off", Value: "x", Type: TypeDefault, Disabled: true, Description: "unused"},
			{Key: "count", Value: "3", Type: TypeNumber},
			{Key: "nan", Value: "NaN", Type: TypeNumber},
			{Key: "flag", Value: "false", Type: TypeBoolean},
			{Key: "obj", Value: `{ "b": 1, "a": [true] }`, Type: TypeObject},
			{Key: "list", Value: `[1,2]`, Type: TypeArray},
			{Key: "badObj", Value: `{not json`, Type: TypeObject},
			{Key: "gone", Type: TypeNull},
			{Key: "any", Value: "123", Type: TypeAny},
		},
	}
	var buf bytes.Buffer
	if err := Save(&buf, f); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "testdata", "environments", "export.golden.json")
	if *update {
		if err := WriteFileAtomic(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Save output differs from %s (run with -update):\n%s", golden, buf.Bytes())
	}
	back, err := Load(&buf, "golden")
	if err != nil {
		t.Fatal(err)
	}
	// Text variables keep their type name and value exactly.
	for _, i := range []int{1, 2, 10} {
		if back.Values[i] != f.Values[i] {
			t.Errorf("values[%d] = %+v, want %+v", i, back.Values[i], f.Values[i])
		}
	}
	if back.Values[0].Type != TypeDefault {
		t.Errorf("empty type exported as %q, want default", back.Values[0].Type)
	}
}

func TestSaveDefaults(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	before := time.Now().Add(-time.Second)
	if err := Save(&buf, &File{VariableScope: "globals"}); err != nil {
		t.Fatal(err)
	}
	f, err := Load(&buf, "x")
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "globals" || f.ExportedUsing != DefaultExportedUsing || f.ExportedAt.Before(before) || f.Values == nil && strings.Contains(buf.String(), "null") {
		t.Errorf("got %+v", f)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	for _, content := range []string{"first", "second, longer content"} {
		if err := WriteFileAtomic(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x.json"), []byte("x"), 0o644); err != nil {
		t.Errorf("a missing directory is created: %v", err)
	}
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o644)
	if err := WriteFileAtomic(filepath.Join(blocker, "x.json"), []byte("x"), 0o644); err == nil || !strings.Contains(err.Error(), "x.json") {
		t.Errorf("writing under a file names the target: %v", err)
	}
}

// TestEnabledOnlyBooleanDisables: an enabled (or disabled) that is not a
// boolean leaves the value enabled, as Newman 6.2.2 and Postman CLI 1.34
// load and use it (fresh-round12v-env.json); courier refused the file.
func TestEnabledOnlyBooleanDisables(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`{"values": [{"key":"a","value":"A","enabled":"false"},{"key":"b","value":"B","enabled":0},{"key":"c","value":"C","disabled":"true"},{"key":"d","value":"D","enabled":false}]}`,
		"values:\n  - {key: a, value: A, enabled: 'false'}\n  - {key: b, value: B, enabled: 0}\n  - {key: c, value: C, disabled: 'true'}\n  - {key: d, value: D, enabled: false}\n",
	} {
		name := "env.json"
		if !strings.HasPrefix(src, "{") {
			name = "env.environment.yaml"
		}
		f, err := Load(strings.NewReader(src), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got []string
		for _, v := range f.Values {
			got = append(got, fmt.Sprintf("%s:%v", v.Key, v.Disabled))
		}
		if want := "a:false b:false c:false d:true"; strings.Join(got, " ") != want {
			t.Errorf("%s: disabled %q, want %q", name, strings.Join(got, " "), want)
		}
	}
}
