package root

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestSecretURLPiecesAreMasked: with --vault-scripts, a script that puts
// a secret into a URL and prints the URL's JSON (postman-collection's Url:
// host labels, path segments, query keys and values, user and password)
// prints the secret in pieces; every piece of 8 or more characters is
// masked, whichever part of the URL split it, and the shorter ones beside
// them (the host's "example", the query's "v"; vault/pieces.go).
func TestSecretURLPiecesAreMasked(t *testing.T) {
	t.Parallel()
	secrets := map[string]string{
		"host":  "acmeprod4471.tenantzone9.example",
		"path":  "segmentone1/segmenttwo2",
		"query": "querykey11=queryval22&otherkey33=v",
		"cred":  "svcaccount1:hunter2hunter2",
	}
	pieces := []string{"acmeprod4471", "tenantzone9", "segmentone1", "segmenttwo2", "querykey11", "queryval22",
		"otherkey33", "svcaccount1", "hunter2hunter2"}
	coll := map[string]any{"info": map[string]any{"name": "pieces"}, "item": []any{
		map[string]any{"name": "pieces", "request": "http://127.0.0.1:9/never-sent",
			"event": []any{map[string]any{"listen": "prerequest", "script": map[string]any{"exec": []string{
				"const Url = require('postman-collection').Url;",
				"const v = {}; for (const k of ['host', 'path', 'query', 'cred']) v[k] = await pm.vault.get(k);",
				"console.log(JSON.stringify(new Url('http://' + v.cred + '@' + v.host + '/a/' + v.path + '?' + v.query)));",
				"pm.execution.skipRequest();",
			}}}}},
	}}
	cb, err := json.Marshal(coll)
	require.NoError(t, err)
	collPath := writeFile(t, t.TempDir(), "c.json", string(cb))
	ios, _, stdout, stderr := cmdutil.Test()
	env := map[string]string{}
	for k, v := range secrets {
		env["COURIER_VAULT_"+map[string]string{"host": "HOST", "path": "PATH", "query": "QUERY", "cred": "CRED"}[k]] = v
	}
	setEnv(ios, env)
	code := Execute(context.Background(), ios, []string{"run", collPath, "--color", "off", "--vault-scripts",
		"--state-dir", ios.Env("COURIER_STATE_DIR")})
	require.Equal(t, cmdutil.ExitOK, code, "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	// The console box wraps the line: read it unwrapped too.
	out := stdout.String() + stderr.String() + boxOrBreak.ReplaceAllString(stdout.String(), "")
	require.Contains(t, out, `"host":["***","***","***"]`, "the script printed the URL's JSON")
	assert.Contains(t, out, `"path":["a","***","***"]`, "a segment of no secret stays")
	assert.Contains(t, out, `{"key":"***","value":"***"}],`, "the query's short value beside its key's mask")
	for _, p := range pieces {
		assert.NotContains(t, out, p)
	}
}
