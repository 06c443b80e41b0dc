package environments

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEditInitialBytes(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in    string
		edits []InitialEdit
		want  string
	}{
		"changes one value, keeps fields, order and tabs": {
			in:    "{\n\t\"id\": \"x\",\n\t\"values\": [\n\t\t{\n\t\t\t\"key\": \"a\",\n\t\t\t\"value\": \"1\",\n\t\t\t\"enabled\": true,\n\t\t\t\"custom\": {\"z\": 1, \"a\": 2}\n\t\t}\n\t],\n\t\"name\": \"N\",\n\t\"_postman_exported_at\": \"2020-04-08T22:35:46.872Z\"\n}\n",
			edits: []InitialEdit{{Key: "a", Value: "two"}},
			want:  "{\n\t\"id\": \"x\",\n\t\"values\": [\n\t\t{\n\t\t\t\"key\": \"a\",\n\t\t\t\"value\": \"two\",\n\t\t\t\"enabled\": true,\n\t\t\t\"custom\": {\n\t\t\t\t\"z\": 1,\n\t\t\t\t\"a\": 2\n\t\t\t}\n\t\t}\n\t],\n\t\"name\": \"N\",\n\t\"_postman_exported_at\": \"2020-04-08T22:35:46.872Z\"\n}\n",
		},
		"appends a new variable to a compact bare array": {
			in:    `[{"key":"tld","value":"com","enabled":true,"type":"default"}]`,
			edits: []InitialEdit{{Key: "envID", Value: "e<1>&", Type: TypeDefault}},
			want:  `[{"key":"tld","value":"com","enabled":true,"type":"default"},{"key":"envID","value":"e<1>&","type":"default","enabled":true}]`,
		},
		"sets the type and keeps numbers and escapes elsewhere": {
			in:    "{\n  \"values\": [\n    {\"key\": \"n\", \"value\": 1.50, \"type\": \"number\"},\n    {\"key\": \"s\", \"value\": \"\\u00e9\"}\n  ]\n}",
			edits: []InitialEdit{{Key: "n", Value: "x"}, {Key: "s", Value: "{{vault:s}}", Type: TypeSecret}},
			want:  "{\n  \"values\": [\n    {\n      \"key\": \"n\",\n      \"value\": \"x\",\n      \"type\": \"default\"\n    },\n    {\n      \"key\": \"s\",\n      \"value\": \"{{vault:s}}\",\n      \"type\": \"secret\"\n    }\n  ]\n}",
		},
		"the enabled definition of a duplicate wins": {
			in:    `{"values":[{"key":"d","value":"1"},{"key":"d","value":"2","enabled":false}]}`,
			edits: []InitialEdit{{Key: "d", Value: "3"}},
			want:  `{"values":[{"key":"d","value":"3"},{"key":"d","value":"2","enabled":false}]}`,
		},
		"unset removes every definition, keeps CRLF": {
			in:    "{\r\n  \"values\": [\r\n    {\r\n      \"key\": \"a\"\r\n    },\r\n    {\r\n      \"key\": \"b\"\r\n    },\r\n    {\r\n      \"key\": \"a\"\r\n    }\r\n  ]\r\n}\r\n",
			edits: []InitialEdit{{Key: "a", Unset: true}},
			want:  "{\r\n  \"values\": [\r\n    {\r\n      \"key\": \"b\"\r\n    }\r\n  ]\r\n}\r\n",
		},
		"a file without values gets some": {
			in:    `{"name":"empty"}`,
			edits: []InitialEdit{{Key: "k", Value: "v"}},
			want:  `{"name":"empty","values":[{"key":"k","value":"v","type":"default","enabled":true}]}`,
		},
		"a byte order mark is kept": {
			in:    "\xEF\xBB\xBF[{\"key\":\"a\",\"value\":\"1\"}]",
			edits: []InitialEdit{{Key: "a", Value: "2"}},
			want:  "\xEF\xBB\xBF[{\"key\":\"a\",\"value\":\"2\"}]",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := editInitialBytes([]byte(tc.in), tc.edits)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
			_, err = Load(bytes.NewReader(got), "out")
			require.NoError(t, err, "the result loads")
		})
	}
}

func TestEditInitialRefusesBadFiles(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"not json":   `{"values": [`,
		"collection": `{"info": {}, "item": []}`,
		"utf-16":     "\xFF\xFE[\x00]\x00",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := editInitialBytes([]byte(in), []InitialEdit{{Key: "a", Value: "b"}})
			assert.Error(t, err)
		})
	}
}

func TestEditInitialFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := filepath.Join(dir, "env.json")
	require.NoError(t, os.WriteFile(real, []byte(`[{"key":"a","value":"1"}]`), 0o640))
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink(real, link))
	require.NoError(t, EditInitial(link, InitialEdit{Key: "a", Value: "2"}))
	got, err := os.ReadFile(real)
	require.NoError(t, err)
	assert.Equal(t, `[{"key":"a","value":"2"}]`, string(got))
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the symlink is still a symlink")
	if runtime.GOOS != "windows" {
		st, _ := os.Stat(real)
		assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
	}
	assert.Error(t, EditInitial(filepath.Join(dir, "missing.json"), InitialEdit{Key: "a"}))
}

func TestLooksSecret(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key, value string
		secret     bool
	}{
		{"adminAppSecret", "s", true},
		{"password", "hunter2", true},
		{"accessToken", "abc", true},
		{"tokenUrl", "https://auth/x", false},
		{"authPath", "https://auth.pingone.{{tld}}", false},
		{"envID", "5b0c0e4e-2f7a-4c59-9a39-0123456789ab", false},
		{"jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature-1", true},
		{"h", "Bearer abcdefghijklmnop1234", true},
		{"key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----", true},
		{"x", "q8ZtR2mK9vLp4sW7nB3cX6yH1jD5fG0a", true},
		{"x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", false},
		{"clientSecret", "{{vault:client-secret}}", false},
		{"clientSecret", "<<vault:client-secret>>", false},
		{"clientSecret", "{{otherVar}}", false},
		{"clientSecret", "", false},
		{"region", "eu", false},
	}
	for _, tc := range tests {
		got := LooksSecret(tc.key, tc.value)
		assert.Equal(t, tc.secret, got != "", "%s=%q: %q", tc.key, tc.value, got)
	}
}
