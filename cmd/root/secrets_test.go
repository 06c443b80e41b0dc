package root

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestSecretsNeverLeak is the canary test: the vault, the environment
// (type: secret) and the collection (type: secret) each carry a unique
// string; with every reporter, --verbose and every export on, none of them
// appears in stdout, stderr, a report or an export, while the server did
// receive the vault secret.
func TestSecretsNeverLeak(t *testing.T) {
	t.Parallel()
	const (
		vaultSecret = "canary-vault-7f3a9c2e51"
		envSecret   = "canary-env-0b8d44e19a"
		collSecret  = "canary-coll-c29e7711f0"
	)
	var mu sync.Mutex
	var received []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		received = append(received, r.Header.Get("X-Api-Key"), r.Header.Get("X-Env"), r.Header.Get("X-Coll"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		// Echo everything back, as postman-echo does: the body now holds
		// all three secrets.
		json.NewEncoder(w).Encode(map[string]any{"headers": r.Header, "url": r.URL.String()})
	}))
	t.Cleanup(srv.Close)

	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"canary"},
	 "variable":[{"key":"collKey","value":"`+collSecret+`","type":"secret"}],
	 "item":[{"name":"leaky","request":{"method":"POST","url":"{{base}}/echo?k={{vault:apiKey}}",
	   "header":[{"key":"X-Api-Key","value":"{{vault:apiKey}}"},{"key":"X-Env","value":"{{envKey}}"},{"key":"X-Coll","value":"{{collKey}}"}],
	   "body":{"mode":"raw","raw":"{\"key\":\"{{vault:apiKey}}\",\"env\":\"{{envKey}}\"}"}},
	  "event":[{"listen":"test","script":{"exec":[
	    "console.log('body', pm.response.text());",
	    "console.log('env', pm.environment.get('envKey'), pm.collectionVariables.get('collKey'));",
	    "pm.test('echoed ' + pm.response.json().headers['X-Env'], () => pm.expect(pm.response.text()).to.equal('nothing'));",
	    "pm.environment.set('copied', pm.environment.get('envKey'));"
	  ]}}]},
	  {"name":"basic","request":{"method":"GET","url":"{{base}}/basic",
	   "auth":{"type":"basic","basic":[{"key":"username","value":"user"},{"key":"password","value":"{{vault:apiKey}}"}]}},
	   "event":[{"listen":"test","script":{"exec":["console.log(pm.request.headers.get('Authorization'))"]}}]}]}`)
	env := writeFile(t, dir, "env.json", `{"name":"canary","values":[
	 {"key":"base","value":"`+srv.URL+`","enabled":true},
	 {"key":"envKey","value":"`+envSecret+`","type":"secret","enabled":true}]}`)
	out := filepath.Join(dir, "out")
	require.NoError(t, os.MkdirAll(out, 0o755))

	ios, _, stdout, stderr := cmdutil.Test()
	state := ios.Env("COURIER_STATE_DIR")
	setEnv(ios, map[string]string{
		"COURIER_VAULT_APIKEY": vaultSecret,
	})
	code := Execute(context.Background(), ios, []string{"run", coll, "-e", env, "--verbose", "--color", "off",
		"-r", "cli,json,junit,progress,html",
		"--reporter-json-export", filepath.Join(out, "r.json"), "--reporter-junit-export", filepath.Join(out, "r.xml"),
		"--reporter-html-export", filepath.Join(out, "r.html"),
		"--export-environment", filepath.Join(out, "env.json"), "--export-globals", filepath.Join(out, "g.json"),
		"--export-collection", filepath.Join(out, "c.json"), "--export-cookie-jar", filepath.Join(out, "jar.json")})
	assert.Equal(t, cmdutil.ExitFailures, code, "the test fails on purpose")

	mu.Lock()
	assert.Equal(t, []string{vaultSecret, envSecret, collSecret}, received[:3], "the server got the real values")
	mu.Unlock()
	basic := base64.StdEncoding.EncodeToString([]byte("user:" + vaultSecret))

	var files []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Dir(p) == out {
			files = append(files, p)
		}
		return err
	}))
	require.Len(t, files, 7)
	texts := map[string][]byte{"stdout": stdout.Bytes(), "stderr": stderr.Bytes()}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		texts[filepath.Base(f)] = data
	}
	require.NoError(t, filepath.WalkDir(state, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			texts["state:"+filepath.Base(p)] = data
		}
		return err
	}))
	for name, data := range texts {
		for _, secret := range []string{vaultSecret, envSecret, collSecret, basic} {
			assert.False(t, bytes.Contains(data, []byte(secret)), "%s leaks %s", name, secret)
		}
	}
	assert.Contains(t, stdout.String(), "***", "secrets show masked")
	assert.Contains(t, string(texts["r.html"]), `"X-Env","***"`, "the page shows the header, masked")
	assert.True(t, strings.Contains(string(texts["env.json"]), `"envKey"`), "the secret variable is exported, empty")
}
