package root

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestSecretPathsInOutput follows a vault value down the paths no script
// view covers, with --vault-scripts so scripts may handle it: a cookie the
// server sets from it and one a script sets, a redirect whose Location
// carries it, a refused connection whose error names the URL, a failed
// pm.sendRequest, values scripts copy into variables and into the request
// (then exported). Every output, report and export is scanned for the
// value in any form (see canaryForms).
func TestSecretPathsInOutput(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/cookie":
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: viewPlain, Path: "/"})
		case r.URL.Path == "/redirect":
			http.Redirect(w, r, "/landed/"+viewPlain+"?k="+viewPlain, http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	// A port nothing listens on: the connection is refused.
	refused := "http://" + echotest.RefusedAddr(t)

	get := "const v = await pm.vault.get('plain');"
	items := []struct {
		name, url string
		pre, test []string
	}{
		{name: "cookie set by the server", url: "{{base}}/cookie",
			test: []string{"pm.test('the jar has it', () => pm.expect(pm.cookies.get('sid')).to.have.length(23));"}},
		{name: "cookie set by a script", url: "{{base}}/get",
			pre: []string{get, "await new Promise(d => pm.cookies.jar().set(pm.variables.get('base'), 'sc', v, () => d()));"}},
		{name: "redirect carrying it", url: "{{base}}/redirect"},
		{name: "refused connection", url: refused + "/x?k={{vault:plain}}"},
		{name: "failed sendRequest", url: "{{base}}/get",
			test: []string{get, "await new Promise(d => pm.sendRequest('" + refused + "/sr?k=' + v, () => d()));"}},
		{name: "copied into variables", url: "{{base}}/get",
			test: []string{get, "pm.environment.set('e', 'x' + v); pm.globals.set('g', v); pm.collectionVariables.set('c', v);",
				"pm.test('named after ' + v, () => pm.expect(v).to.equal('x'));", "console.log(v, {v});"}},
		{name: "copied into the request", url: "{{base}}/get",
			pre: []string{get, "pm.request.headers.add({key: 'X-Copied', value: v}); pm.request.url.addQueryParams('q=' + v);"}},
	}
	var list []any
	for _, it := range items {
		var ev []any
		if it.pre != nil {
			ev = append(ev, map[string]any{"listen": "prerequest", "script": map[string]any{"exec": it.pre}})
		}
		if it.test != nil {
			ev = append(ev, map[string]any{"listen": "test", "script": map[string]any{"exec": it.test}})
		}
		list = append(list, map[string]any{"name": it.name, "request": it.url, "event": ev})
	}
	cb, err := json.Marshal(map[string]any{"info": map[string]any{"name": "secret paths"}, "item": list})
	require.NoError(t, err)
	dir := t.TempDir()
	collPath := writeFile(t, dir, "c.json", string(cb))
	eb, err := json.Marshal(map[string]any{"name": "paths", "values": []any{map[string]any{"key": "base", "value": srv.URL}}})
	require.NoError(t, err)
	envPath := writeFile(t, dir, "env.json", string(eb))
	out := filepath.Join(dir, "out")
	require.NoError(t, os.MkdirAll(out, 0o755))

	ios, _, stdout, stderr := cmdutil.Test()
	state := t.TempDir()
	setEnv(ios, map[string]string{
		"COURIER_STATE_DIR":   state,
		"COURIER_VAULT_PLAIN": viewPlain,
	})
	code := Execute(context.Background(), ios, []string{"run", collPath, "-e", envPath, "--color", "off", "--vault-scripts",
		"--state-dir", state, "--verbose", "-r", "cli,json,junit,html",
		"--reporter-json-export", filepath.Join(out, "r.json"), "--reporter-junit-export", filepath.Join(out, "r.xml"),
		"--reporter-html-export", filepath.Join(out, "r.html"),
		"--export-environment", filepath.Join(out, "env.json"), "--export-globals", filepath.Join(out, "g.json"),
		"--export-collection", filepath.Join(out, "c.json"), "--export-cookie-jar", filepath.Join(out, "jar.json")})
	require.Equal(t, cmdutil.ExitFailures, code, "the refused requests and the named test fail on purpose\n%s", stderr.String())

	outputs := map[string][]byte{"stdout": stdout.Bytes(), "stderr": stderr.Bytes()}
	for _, name := range []string{"r.json", "r.xml", "r.html", "env.json", "g.json", "c.json", "jar.json"} {
		outputs[name] = mustRead(t, filepath.Join(out, name))
	}
	// The current-value store too: nothing a script set may persist the value.
	require.NoError(t, filepath.WalkDir(state, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			outputs["state "+d.Name()] = mustRead(t, p)
		}
		return err
	}))
	// The paths were taken: each left its masked trace.
	for name, want := range map[string]string{
		"stderr": "cookie sid, cookie sc", "stdout": "ECONNREFUSED", "env.json": `"e"`, "g.json": `"g"`,
	} {
		if !bytes.Contains(outputs[name], []byte(want)) {
			t.Errorf("%s lacks %q: the path was not taken", name, want)
		}
	}
	for name, data := range outputs {
		for _, f := range canaryForms(viewPlain) {
			if i := bytes.Index(data, []byte(f.text)); i >= 0 {
				t.Errorf("%s shows the secret (%s): %s", name, f.name, around(string(data), i))
			}
		}
	}
	if t.Failed() {
		t.Log(strings.TrimSpace(failuresOf(stdout.String())))
	}
}

// TestNumericSecretKeepsReportsValid: a numeric vault secret (a PIN) that
// also occurs inside the run's timestamps is masked where it was sent,
// while the JSON and HTML reports stay valid (masking digits inside a
// number once made "started":***456…, and the HTML reporter refused it).
func TestNumericSecretKeepsReportsValid(t *testing.T) {
	t.Parallel()
	// The first digits of today's millisecond clock: every timestamp of
	// the run holds them.
	pin := strconv.FormatInt(time.Now().UnixMilli(), 10)[:4]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"pin"},"item":[{"name":"r","request":{"method":"GET","url":"`+srv.URL+`/x",
	 "header":[{"key":"X-Pin","value":"{{vault:pin}}"}]}}]}`)
	ios, _, stdout, stderr := cmdutil.Test()
	state := t.TempDir()
	setEnv(ios, map[string]string{
		"COURIER_STATE_DIR": state,
		"COURIER_VAULT_PIN": pin,
	})
	jsonPath, htmlPath := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.html")
	code := Execute(context.Background(), ios, []string{"run", coll, "--no-persist", "--color", "off", "-r", "cli,json,html",
		"--reporter-json-export", jsonPath, "--reporter-html-export", htmlPath})
	require.Equal(t, cmdutil.ExitOK, code, stdout.String()+stderr.String())
	var report struct {
		Run struct {
			Timings    struct{ Started int64 } `json:"timings"`
			Executions []struct {
				Request struct {
					Header []struct{ Key, Value string } `json:"header"`
				} `json:"request"`
			} `json:"executions"`
		} `json:"run"`
	}
	require.NoError(t, json.Unmarshal(mustRead(t, jsonPath), &report), "the JSON report is valid JSON")
	assert.True(t, strings.HasPrefix(strconv.FormatInt(report.Run.Timings.Started, 10), pin), "timestamps keep their digits")
	require.Len(t, report.Run.Executions, 1)
	for _, h := range report.Run.Executions[0].Request.Header {
		if h.Key == "X-Pin" {
			assert.Equal(t, "***", h.Value, "the PIN is masked where it was sent")
		}
	}
	assert.FileExists(t, htmlPath)
}

// TestConvertKeepsVaultReferences: courier convert never reads the vault,
// so a collection and an environment that reference a secret convert
// (JSON to v12 YAML and back) with the references, never the value, even
// when the value is at hand.
func TestConvertKeepsVaultReferences(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"conv"},"item":[{"name":"r","request":{"method":"GET",
	 "url":"https://api.example.com/x?k={{vault:plain}}","header":[{"key":"X-Key","value":"{{vault:plain}}"}],
	 "auth":{"type":"basic","basic":[{"key":"password","value":"{{vault:plain}}"}]}}}]}`)
	env := writeFile(t, dir, "env.json", `{"name":"e","values":[{"key":"k","value":"{{vault:plain}}","enabled":true}]}`)
	outputs := map[string][]byte{}
	for _, args := range [][]string{
		{"convert", coll, filepath.Join(dir, "v3")},
		{"convert", filepath.Join(dir, "v3"), filepath.Join(dir, "back.json")},
		{"convert", env, filepath.Join(dir, "env.yaml")},
	} {
		ios, _, stdout, stderr := cmdutil.Test()
		ios.Env = func(k string) string {
			if k == "COURIER_VAULT_PLAIN" {
				return viewPlain
			}
			return ""
		}
		require.Equal(t, cmdutil.ExitOK, Execute(context.Background(), ios, args), stderr.String())
		outputs[strings.Join(args, " ")+" stdout"] = stdout.Bytes()
		outputs[strings.Join(args, " ")+" stderr"] = stderr.Bytes()
	}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			outputs[p] = mustRead(t, p)
		}
		return err
	}))
	assert.Contains(t, string(outputs[filepath.Join(dir, "back.json")]), "{{vault:plain}}")
	assert.Contains(t, string(outputs[filepath.Join(dir, "env.yaml")]), "{{vault:plain}}")
	for name, data := range outputs {
		for _, f := range canaryForms(viewPlain) {
			if bytes.Contains(data, []byte(f.text)) {
				t.Errorf("%s shows the secret (%s)", name, f.name)
			}
		}
	}
}
