package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/collections"
)

func convert(t *testing.T, args ...string) (string, error) {
	t.Helper()
	io, _, out, errOut := cmdutil.Test()
	cmd := NewCmdConvert(io)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	_, err := cmd.ExecuteC()
	return errOut.String(), err
}

const coll = `{"info": {"name": "Shop", "_postman_id": "1", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
 "item": [
  {"name": "Orders", "item": [
   {"name": "List: all?", "request": {"method": "GET", "url": "http://127.0.0.1:1/orders?page=1&draft", "header": [{"key": "X-A", "value": "1", "disabled": true}]},
    "event": [{"listen": "test", "script": {"exec": ["pm.test('ok', () => {});"]}}, {"listen": "prerequest", "disabled": true, "script": {"exec": ["off()"]}}]},
   {"name": "Create", "request": {"method": "POST", "url": "http://127.0.0.1:1/orders", "body": {"mode": "raw", "raw": "{\"a\": 1}", "options": {"raw": {"language": "json"}}}}}
  ]}
 ],
 "variable": [{"key": "v", "value": "1"}]}`

// TestConvertBothWays: JSON to a v3 directory and back, with the losses
// listed; existing output is not overwritten without --force.
func TestConvertBothWays(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "shop.postman_collection.json")
	require.NoError(t, os.WriteFile(in, []byte(coll), 0o644))
	out := filepath.Join(dir, "postman", "collections", "Shop")
	stderr, err := convert(t, in, out)
	require.NoError(t, err, stderr)
	assert.Contains(t, stderr, "not carried over")
	assert.Contains(t, stderr, `disabled prerequest script of "Orders / List: all?"`)
	b, err := os.ReadFile(filepath.Join(out, "Orders", "List- all-.request.yaml"))
	require.NoError(t, err, "sanitised file name")
	assert.Contains(t, string(b), "name: 'List: all?'")

	back := filepath.Join(dir, "back.json")
	stderr, err = convert(t, filepath.Join(dir), back, "--collection", "Shop")
	require.NoError(t, err, stderr)
	a, err := collections.LoadFile(in)
	require.NoError(t, err)
	c, err := collections.LoadFile(back)
	require.NoError(t, err)
	var sa, sc []string
	_ = collections.Walk(a.Items, func(it *collections.Item) error { sa = append(sa, it.Name+" "+it.Request.URL.String()); return nil })
	_ = collections.Walk(c.Items, func(it *collections.Item) error { sc = append(sc, it.Name+" "+it.Request.URL.String()); return nil })
	assert.Equal(t, sa, sc)
	assert.Equal(t, "json", c.Items[0].Items[1].Request.Body.Language)

	// Into a repository: postman/collections/<Name>.
	stderr, err = convert(t, in, filepath.Join(dir, "postman"), "--force")
	require.NoError(t, err, stderr)
	assert.Contains(t, stderr, filepath.Join("postman", "collections", "Shop"))

	_, err = convert(t, in, out)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "use --force")
	stale := filepath.Join(out, "Orders", "Removed.request.yaml")
	require.NoError(t, os.WriteFile(stale, []byte("$kind: http-request\nurl: /gone\n"), 0o644))
	_, err = convert(t, in, out, "--force")
	require.NoError(t, err)
	assert.NoFileExists(t, stale, "--force replaces the old conversion")
	assert.FileExists(t, filepath.Join(out, "Orders", "Create.request.yaml"))
}

// TestConvertIntoNewRepository: a repository made by hand whose postman/
// folder has no collections/ yet gets postman/collections/<Name>, whether
// the target names the repository or its postman/ folder; a plain
// directory is the collection directory itself.
func TestConvertIntoNewRepository(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		make   []string // directories made before converting
		target string
		want   string
	}{
		{"postman folder", []string{"postman"}, "postman", "postman/collections/Shop"},
		{"repository with an empty postman folder", []string{"postman"}, ".", "postman/collections/Shop"},
		{"repository with environments only", []string{"postman/environments"}, ".", "postman/collections/Shop"},
		{"new directory", nil, "Shop", "Shop"},
		{"empty directory", []string{"out"}, "out", "out"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			in := filepath.Join(dir, "shop.postman_collection.json")
			require.NoError(t, os.WriteFile(in, []byte(coll), 0o644))
			repo := filepath.Join(dir, "repo")
			require.NoError(t, os.Mkdir(repo, 0o755))
			for _, d := range tc.make {
				require.NoError(t, os.MkdirAll(filepath.Join(repo, d), 0o755))
			}
			stderr, err := convert(t, in, filepath.Join(repo, tc.target))
			require.NoError(t, err, stderr)
			assert.FileExists(t, filepath.Join(repo, tc.want, "Orders", "Create.request.yaml"))
			entries, err := os.ReadDir(filepath.Join(repo, filepath.Dir(tc.want)))
			require.NoError(t, err)
			for _, e := range entries {
				assert.NotEqual(t, "Orders", e.Name(), "requests written beside the collection directory")
			}
		})
	}
}

// TestConvertForceKeepsOtherFiles: --force replaces an earlier conversion,
// never a directory of other files (a project, a home directory).
func TestConvertForceKeepsOtherFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "shop.postman_collection.json")
	require.NoError(t, os.WriteFile(in, []byte(coll), 0o644))
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a project", map[string]string{"notes.txt": "mine", "src/main.go": "package main"}, "notes.txt"},
		{"YAML that is no collection", map[string]string{"deploy.yaml": "kind: Pod", "svc.yml": "kind: Service"}, "no request or definition file"},
		{"a collection with another file", map[string]string{"A.request.yaml": "url: /a", "README.md": "# mine"}, "README.md"},
		{"only empty folders", map[string]string{"sub/.keep": ""}, ".keep"},
	} {
		out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-"))
		for name, body := range tt.files {
			p := filepath.Join(out, filepath.FromSlash(name))
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		}
		_, err := convert(t, in, out, "--force")
		if assert.Error(t, err, tt.name) {
			assert.Contains(t, err.Error(), tt.want, tt.name)
			assert.Contains(t, err.Error(), "choose a new or empty directory", tt.name)
		}
		for name, body := range tt.files {
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
			if assert.NoError(t, err, "%s: %s was removed", tt.name, name) {
				assert.Equal(t, body, string(b))
			}
		}
	}
	// An empty directory is fine, and so is writing over that conversion.
	out := filepath.Join(dir, "empty")
	require.NoError(t, os.Mkdir(out, 0o755))
	for range 2 {
		stderr, err := convert(t, in, out, "--force")
		require.NoError(t, err, stderr)
	}
	assert.FileExists(t, filepath.Join(out, "Orders", "Create.request.yaml"))
}

func TestConvertEnvironment(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "dev.postman_environment.json")
	require.NoError(t, os.WriteFile(in, []byte(`{"name": "dev", "values": [{"key": "a", "value": "1", "enabled": true}, {"key": "s", "value": "", "type": "secret", "enabled": true}]}`), 0o644))
	out := filepath.Join(dir, "dev.environment.yaml")
	stderr, err := convert(t, in, out)
	require.NoError(t, err, stderr)
	b, _ := os.ReadFile(out)
	assert.Equal(t, "name: dev\nvalues:\n  - key: a\n    value: '1'\n  - key: s\n    value: ''\n    type: secret\n", string(b))
	assert.True(t, strings.HasPrefix(stderr, "converted environment"))
}

// TestConvertEnvironmentLeavesSecretsOut: an environment's secret values
// are written empty, as --export-environment writes them, and named on
// standard error: the converted file is meant for a Git repository
// (postman/environments), where a secret must not land. A vault reference
// stays, and so does the secret's type. Before, the values were written as
// they were.
func TestConvertEnvironmentLeavesSecretsOut(t *testing.T) {
	t.Parallel()
	const secret = `Qz8"<Mw3&k>'Ys%2Fp Lr6+Dt9xB`
	dir := t.TempDir()
	in := filepath.Join(dir, "dev.postman_environment.json")
	require.NoError(t, os.WriteFile(in, []byte(`{"name": "dev", "values": [{"key": "a", "value": "1", "enabled": true},
		{"key": "token", "value": "Qz8\"<Mw3&k>'Ys%2Fp Lr6+Dt9xB", "type": "secret", "enabled": true},
		{"key": "api", "value": "{{vault:apiKey}}", "type": "secret", "enabled": true}]}`), 0o644))
	for _, name := range []string{"dev.environment.yaml", "dev.json"} {
		out := filepath.Join(dir, name)
		stderr, err := convert(t, in, out)
		require.NoError(t, err, stderr)
		b, _ := os.ReadFile(out)
		assert.NotContains(t, string(b), "Mw3&k", name)
		assert.Contains(t, string(b), "{{vault:apiKey}}", name)
		assert.Contains(t, stderr, "secret values are not written: token (keep them in the vault", name)
		assert.NotContains(t, stderr, secret)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "dev.environment.yaml"))
	assert.Equal(t, "name: dev\nvalues:\n  - key: a\n    value: '1'\n  - key: token\n    value: ''\n    type: secret\n  - key: api\n    value: '{{vault:apiKey}}'\n    type: secret\n", string(b))
}

// TestConvertRefusesWrongTargets: a collection asked to become one .yaml
// file, and a JSON file that is neither collection nor environment, are
// errors that say what to do, and nothing is written.
func TestConvertRefusesWrongTargets(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "shop.postman_collection.json")
	require.NoError(t, os.WriteFile(in, []byte(coll), 0o644))
	other := filepath.Join(dir, "other.json")
	require.NoError(t, os.WriteFile(other, []byte(`{"x": 1}`), 0o644))
	for _, tt := range []struct{ in, out, want string }{
		{in, filepath.Join(dir, "shop.yaml"), "a collection converts to a directory (Postman v12: name it without .yaml, e.g. postman/collections/Shop) or to a .json file"},
		{in, filepath.Join(dir, "shop.YML"), "a collection converts to a directory"},
		{other, filepath.Join(dir, "other.yaml"), "other.json is neither a Postman collection nor an environment"},
	} {
		_, err := convert(t, tt.in, tt.out)
		if assert.Error(t, err, tt.out) {
			assert.Contains(t, err.Error(), tt.want)
		}
		assert.NoFileExists(t, tt.out)
		assert.NoDirExists(t, tt.out)
	}
}
