package environments

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const corpusV3 = "../../shared/corpus-v3"

// TestYAMLCorpus loads every environment and globals file of corpus-v3.
func TestYAMLCorpus(t *testing.T) {
	t.Parallel()
	envs, _ := filepath.Glob(filepath.Join(corpusV3, "*", "postman", "environments", "*.yaml"))
	globs, _ := filepath.Glob(filepath.Join(corpusV3, "*", "postman", "globals", "*.yaml"))
	if len(envs) == 0 {
		t.Skip("corpus-v3 not available beside the clone")
	}
	if len(envs)+len(globs) != 27 || len(globs) == 0 {
		t.Errorf("%d environments, %d globals", len(envs), len(globs))
	}
	for _, p := range append(envs, globs...) {
		f, err := LoadFile(p)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if f.Format != FormatYAML || f.Name == "" {
			t.Errorf("%s: format %q name %q", p, f.Format, f.Name)
		}
		want := "environment"
		if strings.Contains(p, "globals") {
			want = "globals"
		}
		if f.VariableScope != want {
			t.Errorf("%s: scope %q", p, f.VariableScope)
		}
	}
	f, err := LoadFile(filepath.Join(corpusV3, "Saurabh9678__dms-api-server/postman/environments/local.environment.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Values) != 2 || f.Values[1].Key != "access_token" || f.Values[1].Type != TypeSecret {
		t.Errorf("variables: list not read: %+v", f.Values)
	}
}

const envYAML = `# shared with the team
name: Local
values:
  - key: baseUrl
    value: 'http://localhost:3000' # the dev server
    enabled: true
    type: default
  - key: token
    value: ''
    type: secret
  - key: off
    value: x
    enabled: false
  - key: n
    value: 5
color: 0
`

func TestYAMLLoad(t *testing.T) {
	t.Parallel()
	f, err := Load(strings.NewReader(envYAML), "Local.environment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []Variable{
		{Key: "baseUrl", Value: "http://localhost:3000", Type: "default"},
		{Key: "token", Type: "secret"},
		{Key: "off", Value: "x", Disabled: true},
		{Key: "n", Value: "5", Type: TypeNumber},
	}
	if len(f.Values) != len(want) {
		t.Fatalf("values %+v", f.Values)
	}
	for i := range want {
		if f.Values[i] != want[i] {
			t.Errorf("value %d = %+v, want %+v", i, f.Values[i], want[i])
		}
	}
	if f.Name != "Local" || f.VariableScope != "environment" {
		t.Errorf("name %q scope %q", f.Name, f.VariableScope)
	}
}

// TestYAMLSaveKeepsLayout: writing values back changes only them; comments,
// quoting, order and unknown keys stay.
func TestYAMLSaveKeepsLayout(t *testing.T) {
	t.Parallel()
	f, err := Load(strings.NewReader(envYAML), "Local.environment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	vs := append([]Variable(nil), f.Values...)
	vs[0].Value = "http://127.0.0.1:8080"
	vs = append(vs[:2], vs[3:]...) // drop "off"
	vs = append(vs, Variable{Key: "added", Value: "yes"})
	var buf bytes.Buffer
	if err := Save(&buf, f.WithValues(vs)); err != nil {
		t.Fatal(err)
	}
	want := `# shared with the team
name: Local
values:
  - key: baseUrl
    value: 'http://127.0.0.1:8080' # the dev server
    enabled: true
    type: default
  - key: token
    value: ''
    type: secret
  - key: n
    value: 5
  - key: added
    value: 'yes'
color: 0
`
	if buf.String() != want {
		t.Errorf("saved:\n%s\nwant:\n%s", buf.String(), want)
	}
	// The original File is untouched by saving the copy.
	var again bytes.Buffer
	if err := Save(&again, f); err != nil {
		t.Fatal(err)
	}
	if again.String() != envYAML {
		t.Errorf("original changed:\n%s", again.String())
	}
}

func TestEditInitialYAML(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "Local.environment.yaml")
	if err := os.WriteFile(p, []byte(envYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := EditInitial(p, InitialEdit{Key: "token", Value: "{{vault:tok}}"}, InitialEdit{Key: "off", Unset: true}, InitialEdit{Key: "new", Value: "v"}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	want := strings.Replace(envYAML, "  - key: token\n    value: ''\n", "  - key: token\n    value: '{{vault:tok}}'\n", 1)
	want = strings.Replace(want, "  - key: off\n    value: x\n    enabled: false\n", "", 1)
	want = strings.Replace(want, "color: 0\n", "", 1) + "  - key: new\n    value: v\ncolor: 0\n"
	if string(got) != want {
		t.Errorf("edited:\n%s\nwant:\n%s", got, want)
	}
	f, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if f.Values[1].Value != "{{vault:tok}}" || f.Values[1].Type != TypeSecret {
		t.Errorf("token %+v", f.Values[1])
	}
}

func TestYAMLErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, text, want string }{
		// The place is the quote left open, as for collection files.
		{"syntax", "name: x\nvalues:\n  - key: a\n    value: 'open\n", "dev.environment.yaml:4:12: invalid YAML: found unexpected end of stream (is a quote or bracket left open?)"},
		{"unclosed bracket", "name: x\nvalues:\n  - key: a\n    value: [x\n", "dev.environment.yaml:4:12: invalid YAML: did not find expected ',' or ']' (is a bracket left open, or a comma missing?)"},
		{"values not a list", "name: x\nvalues: 5\n", "dev.environment.yaml:2:9: values: expected a list"},
		{"entry not a mapping", "name: x\nvalues:\n  - 5\n", "dev.environment.yaml:3:5: values[0]: expected a variable"},
		{"key missing", "name: x\nvalues:\n  - value: 5\n", `dev.environment.yaml:3:5: values[0]: missing "key"`},
		{"collection", "$kind: http-request\nurl: /x\n", "this is a collection file"},
		{"merge of text", "name: x\nt: &t text\nvalues:\n  - <<: *t\n", "dev.environment.yaml: line 2: a merge key (<<) takes a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(strings.NewReader(tt.text), "dev.environment.yaml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestExportFileFormat: the extension picks the format, else the source's.
func TestExportFileFormat(t *testing.T) {
	t.Parallel()
	f, err := Load(strings.NewReader(envYAML), "Local.environment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"out.yaml", "out", "out.json"} {
		p := filepath.Join(dir, name)
		if err := ExportFile(p, f, 0o600); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		isJSON := bytes.HasPrefix(b, []byte("{"))
		if isJSON != (name == "out.json") {
			t.Errorf("%s: %s", name, b)
		}
		back, err := LoadFile(p)
		if err != nil || len(back.Values) != 4 {
			t.Errorf("%s: reload %v %+v", name, err, back)
		}
	}
}

// FuzzLoadYAML: a YAML environment never panics the loader, and one that
// loads is written back (in place) into a file that loads with the same
// variables.
func FuzzLoadYAML(f *testing.F) {
	f.Add([]byte(envYAML))
	f.Add([]byte("name: x\nvariables:\n  - key: a\n    value: &v [1, {b: 2}]\n  - key: b\n    value: *v\n"))
	f.Add([]byte("values:\n  - key: t\n    value: 2024-01-01T00:00:00Z\n    enabled: false\n  - ~\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		env, err := Load(bytes.NewReader(data), "fuzz.environment.yaml")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Save(&buf, env.WithValues(env.Values)); err != nil {
			return // the encoder refuses some exotic documents; never a panic
		}
		back, err := Load(bytes.NewReader(buf.Bytes()), "again.environment.yaml")
		if err != nil {
			t.Fatalf("written file does not load: %v\n%s", err, buf.String())
		}
		if len(back.Values) != len(env.Values) {
			t.Fatalf("%d values, %d after writing:\n%s", len(env.Values), len(back.Values), buf.String())
		}
		for i := range env.Values {
			if back.Values[i].Key != env.Values[i].Key || back.Values[i].Value != env.Values[i].Value {
				t.Fatalf("value %d: %+v became %+v\n%s", i, env.Values[i], back.Values[i], buf.String())
			}
		}
	})
}

// TestYAMLMergeKeys: a variable written as a merge of another (`- <<: *row`
// with its own key:) is a variable of its own, as Postman CLI 1.34 reads the
// file (fresh-round11v-yaml.json's environment case).
func TestYAMLMergeKeys(t *testing.T) {
	t.Parallel()
	text := "name: m\nx: &v0 vv\nvalues:\n  - &row {key: a, value: '1', enabled: true}\n  - <<: *row\n    key: b\n  - {key: c, value: *v0}\n"
	f, err := Load(strings.NewReader(text), "m.environment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range f.Values {
		got = append(got, v.Key+"="+v.Value)
	}
	if strings.Join(got, ",") != "a=1,b=1,c=vv" {
		t.Fatalf("values %v", got)
	}
}

// TestLoadFileMissingName: a bare name that is no file says where names
// are looked up (outside a v12 repository -e dev reads a file named dev).
func TestLoadFileMissingName(t *testing.T) {
	t.Parallel()
	_, err := LoadFile(filepath.Join(t.TempDir(), "absent.json"))
	if err == nil || strings.Contains(err.Error(), "looked up only") {
		t.Errorf("a path: err = %v, want the plain error", err)
	}
	_, err = LoadFile("no-such-environment-name")
	if err == nil || !strings.Contains(err.Error(), `a bare name such as "no-such-environment-name" is looked up only in a v12 repository's postman/environments`) {
		t.Errorf("a bare name: err = %v", err)
	}
}
