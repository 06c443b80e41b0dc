package root

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// The numeric secret equals the response's size; the boolean one equals
// the report's own flags.
const (
	numericSecret = "2048"
	booleanSecret = "true"
)

// TestNumericSecretsKeepReportsValid: a vault value "2048" and a secret
// variable "true" equal numbers and flags courier writes into its reports
// (responseSize 2048, "eof": true). Every report stays valid JSON, XML and
// HTML, courier's own numbers stay numbers, and wherever the value came
// from a secret (a header, a variable a script set from it) it is masked,
// as the string "***" where it stood as a bare number.
func TestNumericSecretsKeepReportsValid(t *testing.T) {
	t.Parallel()
	runNumericSecrets(t, map[string]string{"COURIER_VAULT_PIN": numericSecret}, "pin")
}

// TestNumericSecretsKeepReportsValidKeyring is the same run with the
// number in the real OS keyring (Secret Service under dbus-run-session in
// CI).
func TestNumericSecretsKeepReportsValidKeyring(t *testing.T) {
	name := fmt.Sprintf("courier-numeric-pin-%d", os.Getpid())
	realKeyring(t, map[string]string{name: numericSecret})
	runNumericSecrets(t, nil, name)
}

func runNumericSecrets(t *testing.T, env map[string]string, pinName string) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(bytes.Repeat([]byte{'a'}, 2048))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := map[string]any{"info": map[string]any{"name": "numbers"}, "item": []any{
		map[string]any{"name": "bytes", "request": map[string]any{"method": "GET", "url": srv.URL + "/bytes?pin={{vault:" + pinName + "}}",
			"header": []any{
				map[string]any{"key": "X-Pin", "value": "{{vault:" + pinName + "}}"},
				map[string]any{"key": "X-Flag", "value": "{{flag}}"},
				map[string]any{"key": "X-Off", "value": "x", "disabled": true},
			}},
			"event": []any{map[string]any{"listen": "test", "script": map[string]any{"exec": []string{
				"const pin = await pm.vault.get('" + pinName + "');",
				"pm.environment.set('n', Number(pin));",
				"pm.environment.set('b', JSON.parse(pm.environment.get('flag')));",
				"pm.test('size', () => pm.expect(pm.response.responseSize).to.equal(2048));",
				"for (let i = 1; i < 100; i++) pm.test('t' + i, () => {}); // 100 tests: the count is a secret too",
			}}}},
		},
	}}
	cb, err := json.Marshal(coll)
	require.NoError(t, err)
	collPath := writeFile(t, dir, "c.json", string(cb))
	envPath := writeFile(t, dir, "env.json", `{"name":"e","values":[{"key":"flag","value":"true","type":"secret","enabled":true},
		{"key":"count","value":"100","type":"secret","enabled":true}]}`)

	for _, layout := range []string{"newman", "item"} {
		t.Run(layout, func(t *testing.T) {
			ios, _, stdout, stderr := cmdutil.Test()
			setEnv(ios, env)
			setEnv(ios, map[string]string{"COURIER_VAULT_" + strings.ToUpper(pinName) + "__DOMAINS": "127.0.0.1"})
			out := t.TempDir()
			p := func(name string) string { return filepath.Join(out, name) }
			code := Execute(context.Background(), ios, []string{"run", collPath, "-e", envPath, "--color", "off", "--vault-scripts",
				"--state-dir", ios.Env("COURIER_STATE_DIR"), "--verbose", "-r", "cli,json,junit,html",
				"--reporter-json-executions", layout, "--reporter-json-export", p("r.json"),
				"--reporter-html-export", p("r.html"), "--reporter-junit-export", p("r.xml"),
				"--export-environment", p("env.json")})
			require.Equal(t, cmdutil.ExitOK, code, "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())

			var rep struct {
				Run struct {
					Executions []struct {
						Cursor   struct{ BOF bool }
						Request  struct{ Header []struct{ Key, Value string } }
						Response *struct{ Code, ResponseSize int }
					}
				}
				Environment struct {
					Values []struct {
						Key   string
						Value any
					}
				}
			}
			require.NoError(t, json.Unmarshal(mustRead(t, p("r.json")), &rep), "the JSON report is not JSON")
			require.Len(t, rep.Run.Executions, 1)
			e := rep.Run.Executions[0]
			require.NotNil(t, e.Response)
			assert.Equal(t, 2048, e.Response.ResponseSize, "courier's own measurement stays a number")
			assert.True(t, e.Cursor.BOF, "courier's own flag stays a boolean")
			assert.Contains(t, e.Request.Header, struct{ Key, Value string }{"X-Pin", "***"})
			assert.Contains(t, e.Request.Header, struct{ Key, Value string }{"X-Flag", "***"})
			vals := map[string]any{}
			for _, v := range rep.Environment.Values {
				vals[v.Key] = v.Value
			}
			assert.Equal(t, "***", vals["n"], "a number taken from the secret")
			assert.Equal(t, "***", vals["b"], "a boolean taken from the secret")

			page := string(mustRead(t, p("r.html")))
			blocks := regexp.MustCompile(`(?s)<script type="application/json" id="courier-(?:execs|meta)">(.*?)</script>`).FindAllStringSubmatch(page, -1)
			require.Len(t, blocks, 2, "the page's data blocks")
			for _, b := range blocks {
				assert.True(t, json.Valid([]byte(b[1])), "a data block of the page is not JSON:\n%.400s", b[1])
			}
			assert.Contains(t, blocks[0][1], `"z":2048`, "the page keeps the response size")
			assert.Contains(t, blocks[1][1], `"assertions":{"total":100,`, "the page keeps the count")
			assert.NotContains(t, blocks[0][1], `"X-Pin","2048"`)

			// JUnit's counts are courier's own: tests="100" stays a number
			// though a secret is "100".
			dec := xml.NewDecoder(bytes.NewReader(mustRead(t, p("r.xml"))))
			counts := 0
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				require.NoError(t, err, "the JUnit report is not XML")
				if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "testsuite" {
					for _, a := range se.Attr {
						if a.Name.Local == "tests" {
							assert.Equal(t, "100", a.Value)
							counts++
						}
					}
				}
			}
			assert.Equal(t, 1, counts, "the testsuite counts its tests")

			for name, text := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String(),
				"json": string(mustRead(t, p("r.json"))), "export": string(mustRead(t, p("env.json")))} {
				for _, leak := range []string{"X-Pin: " + numericSecret, "X-Flag: " + booleanSecret, "pin=" + numericSecret,
					`"X-Pin","value":"2048"`, `"value":2048`, `"value":true`} {
					assert.NotContains(t, text, leak, "%s shows a secret", name)
				}
			}
			assert.Contains(t, stdout.String(), "?pin=***", "the request line is printed, masked")
		})
	}
}
