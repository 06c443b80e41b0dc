package root

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/encoding/charmap"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// canaryWide is a secret beyond ASCII (every character within latin1, so
// a header may carry it): session 16 made header text latin1 both ways.
const canaryWide = "Wïdé-Sëcrét-Ø7Kq9Zxñ"

// TestSecretsThroughSession16PathsNeverShow plants the canaries in the
// paths values took in session 16: header values written as latin1 and
// response headers read as latin1 (a server answering with the secret's
// UTF-8 bytes shows them as latin1 text), bodies decoded by charset
// (latin1, utf-16), a form-data file whose path holds a secret (the
// runtime's file load warning names the path), script errors in the JSON
// report's serialised-error shape, the legacy postman object's warnings,
// saved examples and descriptions, and the v12 YAML run's form-data. It
// checks every reporter, --verbose and the exports.
func TestSecretsThroughSession16PathsNeverShow(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The header came as latin1 bytes; read them back to text.
		got, _ := charmap.ISO8859_1.NewDecoder().String(r.Header.Get("X-Wide"))
		switch r.URL.Path {
		case "/headers":
			w.Header().Set("X-Back", r.Header.Get("X-Wide")) // the latin1 bytes as sent
			w.Header().Set("X-Utf8", got)                    // the secret's UTF-8 bytes
			w.Header().Set("Set-Cookie", "w="+got+"; Path=/")
		case "/latin1":
			b, _ := charmap.ISO8859_1.NewEncoder().String(got + " " + r.Header.Get("X-Env"))
			w.Header().Set("Content-Type", "text/plain; charset=latin1")
			_, _ = w.Write([]byte(b))
			return
		case "/utf16":
			w.Header().Set("Content-Type", "text/plain; charset=utf-16le")
			for _, c := range got + " " + r.Header.Get("X-Env") {
				_, _ = w.Write([]byte{byte(c), byte(c >> 8)})
			}
			return
		}
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	wideHeader := map[string]any{"key": "X-Wide", "value": "{{vault:wide}}"}
	envHeader := map[string]any{"key": "X-Env", "value": "{{envKey}}"}
	logAll := []string{
		"console.log(pm.response.text(), pm.response.headers.toJSON(), pm.cookies.toObject());",
		"pm.test('wide ' + pm.response.text() + pm.response.headers.get('X-Utf8'), () => pm.expect(1).to.eql(2));",
	}
	req := func(path string, extra map[string]any) map[string]any {
		r := map[string]any{"method": "POST", "url": srv.URL + path, "header": []any{wideHeader, envHeader},
			"description": map[string]any{"content": "uses {{envKey}}", "type": "text/markdown"}}
		for k, v := range extra {
			r[k] = v
		}
		return r
	}
	form := map[string]any{"mode": "formdata", "formdata": []any{
		map[string]any{"key": "t", "value": "{{envKey}}", "type": "text"},
		map[string]any{"key": "w", "value": "{{vault:wide}}", "type": "text"},
		map[string]any{"key": "f", "src": "missing/{{envKey}}.txt", "type": "file"},
	}}
	items := []any{
		scriptedItem("latin1 headers", req("/headers", nil), nil, logAll),
		scriptedItem("latin1 body", req("/latin1", nil), nil, logAll),
		scriptedItem("utf16 body", req("/utf16", nil), nil, logAll),
		scriptedItem("form-data", req("/form", map[string]any{"body": form}), nil, logAll),
		scriptedItem("binary file", req("/bin", map[string]any{"body": map[string]any{"mode": "file",
			"file": map[string]any{"src": "missing/{{vault:wide}}.bin"}}}), nil, logAll),
		scriptedItem("errors and legacy", req("/get", nil), []string{
			"const v = await pm.vault.get('wide');",
			"postman.setEnvironmentVariable('copy', v);",
			"console.log(postman.getEnvironmentVariable('copy'));",
		}, []string{
			"const v = await pm.vault.get('wide');",
			"throw new TypeError('thrown ' + v + ' ' + pm.environment.get('envKey'));",
		}),
	}
	// A saved example whose request holds the secrets' references and
	// whose body holds nothing secret (a literal in the file is no secret).
	items[0].(map[string]any)["response"] = []any{map[string]any{"name": "ex", "code": 200,
		"originalRequest": req("/headers", nil), "body": "{}"}}
	cr := newCanaryRun(t, map[string]any{"info": map[string]any{"name": "audit16",
		"description": "{{envKey}}"}, "item": items},
		map[string]any{"name": "audit16", "values": []any{
			map[string]any{"key": "envKey", "value": canaryEnv, "type": "secret", "enabled": true},
		}})
	collPath, envPath, out, state, texts, run := cr.coll, cr.env, cr.out, cr.state, cr.texts, cr.run
	o := func(name string) string { return filepath.Join(out, name) }
	setEnv(cr.ios, map[string]string{"COURIER_VAULT_WIDE": canaryWide, "COURIER_VAULT_WIDE__DOMAINS": "127.0.0.1"})
	args := []string{"run", collPath, "-e", envPath, "--color", "off", "--vault-scripts", "--state-dir", state}
	run("newman layout", cmdutil.ExitFailures, append(args, "-r", "cli,json,junit,html", "--verbose",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"),
		"--export-environment", o("env.json"), "--export-globals", o("g.json"), "--export-collection", o("c.json"),
		"--export-cookie-jar", o("jar.json"))...)
	run("progress", cmdutil.ExitFailures, append(args, "-r", "progress")...)
	run("item layout", cmdutil.ExitFailures, append(args, "-r", "json,html", "--reporter-json-executions", "item",
		"--reporter-json-export", o("i.json"), "--reporter-html-export", o("i.html"))...)
	v3 := filepath.Join(filepath.Dir(collPath), "v3")
	run("convert collection", cmdutil.ExitOK, "convert", collPath, v3)
	run("v12 yaml", cmdutil.ExitFailures, "run", v3, "-e", envPath, "--color", "off", "--vault-scripts",
		"--state-dir", state, "-r", "cli,json", "--verbose", "--reporter-json-export", o("y.json"),
		"--export-collection", o("v3"))
	cr.collect(t, "r.json", "i.json", "y.json")

	// The paths were taken.
	cli := texts["stdout newman layout"]
	for _, want := range []string{"wide ***", "file load error", "Using \"postman", "thrown ***", "X-Utf8"} {
		assert.Contains(t, cli, want)
	}
	assert.Contains(t, texts[o("r.json")], `"stacktrace"`)

	for name, text := range texts {
		leaks := canaryLeaks(text)
		leaks = append(leaks, wideLeaks(text)...)
		if len(leaks) > 0 {
			i := max(strings.Index(strings.ToLower(text), leaks[0]), strings.Index(text, leaks[0]))
			t.Errorf("%s leaks %d pieces, such as %q in %q", name, len(leaks), leaks[0], text[max(0, i-100):min(len(text), i+60)])
		}
	}
}

// wideLeaks returns the 8-byte pieces of canaryWide, in the forms it may
// take (UTF-8, its UTF-8 bytes read as latin1, latin1 bytes, and those
// escaped by canaryLeaks' rules), found in text.
func wideLeaks(text string) []string {
	latin, _ := charmap.ISO8859_1.NewEncoder().String(canaryWide)
	mojibake, _ := charmap.ISO8859_1.NewDecoder().String(canaryWide)
	var leaks []string
	for _, f := range []string{canaryWide, latin, mojibake} {
		for i := 0; i+8 <= len(f); i++ {
			if strings.Contains(text, f[i:i+8]) {
				leaks = append(leaks, f[i:i+8])
			}
		}
	}
	return leaks
}
