package root

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestTypedValuesKeepSecrets: header and form values that are not strings
// (an array or object in the collection, a number a script set) hold
// secrets as well as strings do. Test scripts without --vault-scripts read
// the vault reference inside a typed form row, not the value; every report
// masks a secret inside a typed value, a numeric one too, and stays valid
// JSON (a numeric secret masked in the report's text left "value":***).
func TestTypedValuesKeepSecrets(t *testing.T) {
	t.Parallel()
	const (
		vaultValue = "VaultTypedValue77"
		envValue   = "EnvTypedSecret42"
		pin        = "48213977" // a secret-typed variable that is all digits
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := map[string]any{"info": map[string]any{"name": "typed"}, "item": []any{
		map[string]any{"name": "typed", "request": map[string]any{"method": "POST", "url": srv.URL + "/x",
			"header": []any{map[string]any{"key": "X-T", "value": []any{"{{vault:apiKey}}", 1}}},
			"body": map[string]any{"mode": "urlencoded", "urlencoded": []any{
				map[string]any{"key": "v", "value": []any{"{{vault:apiKey}}", 2}}}}},
			"event": []any{
				map[string]any{"listen": "prerequest", "script": map[string]any{"exec": []string{
					"pm.request.headers.add({key: 'X-Pin', value: Number(pm.environment.get('pin'))});",
					"pm.request.headers.add({key: 'X-Obj', value: {k: pm.environment.get('envKey')}});",
					"pm.request.headers.add({key: 'X-Desc', value: 'd', description: 'for ' + pm.environment.get('envKey')});",
					"pm.request.body.urlencoded.add({key: 'pin', value: Number(pm.environment.get('pin'))});",
				}}},
				map[string]any{"listen": "test", "script": map[string]any{"exec": []string{
					"pm.test('body row concealed', () => pm.expect(JSON.stringify(pm.request.body.urlencoded.all())).to.include('{{vault:apiKey}}'));",
					"pm.test('header concealed', () => pm.expect(JSON.stringify(pm.request.headers.all())).to.include('{{vault:apiKey}}'));",
				}}},
			}},
	}}
	cb, err := json.Marshal(coll)
	require.NoError(t, err)
	collPath := writeFile(t, dir, "c.json", string(cb))
	eb, err := json.Marshal(map[string]any{"name": "e", "values": []any{
		map[string]any{"key": "pin", "value": pin, "type": "secret", "enabled": true},
		map[string]any{"key": "envKey", "value": envValue, "type": "secret", "enabled": true},
	}})
	require.NoError(t, err)
	envPath := writeFile(t, dir, "env.json", string(eb))

	for _, layout := range []string{"newman", "item"} {
		t.Run(layout, func(t *testing.T) {
			t.Parallel()
			ios, _, stdout, stderr := cmdutil.Test()
			setEnv(ios, map[string]string{"COURIER_VAULT_APIKEY": vaultValue})
			out := t.TempDir()
			code := Execute(context.Background(), ios, []string{"run", collPath, "-e", envPath, "--color", "off",
				"--state-dir", ios.Env("COURIER_STATE_DIR"), "--verbose", "-r", "cli,json,junit,html",
				"--reporter-json-executions", layout, "--reporter-json-export", filepath.Join(out, "r.json"),
				"--reporter-html-export", filepath.Join(out, "r.html"), "--reporter-junit-export", filepath.Join(out, "r.xml"),
				"--export-environment", filepath.Join(out, "env.json")})
			require.Equal(t, cmdutil.ExitOK, code, "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())

			data, err := os.ReadFile(filepath.Join(out, "r.json"))
			require.NoError(t, err)
			var rep struct {
				Run struct {
					Executions []struct {
						Request struct {
							Header []struct {
								Key         string
								Value       any
								Description *struct{ Content string }
							}
							Body struct {
								URLEncoded []struct {
									Key   string
									Value any
								}
							}
						}
					}
				}
			}
			require.NoError(t, json.Unmarshal(data, &rep), "the JSON report is not JSON")
			require.NotEmpty(t, rep.Run.Executions)
			sent := rep.Run.Executions[0].Request
			values := map[string]any{}
			for _, h := range sent.Header {
				values[h.Key] = h.Value
				if h.Description != nil {
					values[h.Key+" description"] = h.Description.Content
				}
			}
			for _, p := range sent.Body.URLEncoded {
				values["form "+p.Key] = p.Value
			}
			assert.Equal(t, "***", values["X-Pin"])
			assert.Equal(t, "***", values["form pin"])
			assert.Equal(t, []any{"***", 1.0}, values["X-T"])
			assert.Equal(t, map[string]any{"k": "***"}, values["X-Obj"])
			assert.Equal(t, "for ***", values["X-Desc description"])
			assert.Equal(t, []any{"***", 2.0}, values["form v"])

			texts := map[string]string{"stdout": stdout.String(), "stderr": stderr.String()}
			for _, name := range []string{"r.json", "r.html", "r.xml", "env.json"} {
				b, err := os.ReadFile(filepath.Join(out, name))
				require.NoError(t, err)
				texts[name] = string(b)
			}
			for name, text := range texts {
				for _, s := range []string{vaultValue, envValue, pin} {
					assert.NotContains(t, text, s, "%s leaks a secret", name)
				}
			}
			assert.False(t, strings.Contains(texts["stdout"], "AssertionError"), "a script saw a vault value:\n%s", texts["stdout"])
		})
	}
}
