package root

import (
	"encoding/binary"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestSecretsThroughSession20PathsNeverShow is session 20's audit from
// outside. Scripts compute the encodings credentials take (a Basic header
// from btoa(id + ':' + secret), CryptoJS's Hex and Base64, Buffer's hex,
// base64 and base64url, base64 percent-encoded in a query, such a header
// kept in an ordinary variable) and print and send them; a binary
// response carries the secrets as UTF-32 in both byte orders after 4 KiB;
// file bodies whose file member says more than a src (the report writes
// it back as given, hrep3's Body.FileGiven) name a file by a secret.
// Every output is read back as s19Leaks reads it (base64 at the three
// byte offsets, hex in either case), and the reports' bodies also as
// UTF-16 and UTF-32.
func TestSecretsThroughSession20PathsNeverShow(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(s20Server))
	t.Cleanup(srv.Close)
	get := "const v = await pm.vault.get('apiKey'), e = pm.environment.get('envKey2');"
	pre := []string{
		get,
		"pm.request.headers.upsert({key: 'Authorization', value: 'Basic ' + btoa('client-id:' + e)});",
		"pm.request.headers.upsert({key: 'X-Hex', value: CryptoJS.enc.Hex.stringify(CryptoJS.enc.Utf8.parse(v))});",
		"pm.request.headers.upsert({key: 'X-B64', value: CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse('k=' + v))});",
		"pm.request.url.query.upsert({key: 'a', value: encodeURIComponent(Buffer.from('xy' + e).toString('base64'))});",
		"pm.request.body.update(JSON.stringify({h: Buffer.from(e).toString('hex').toUpperCase(), u: Buffer.from(v).toString('base64url')}));",
		"pm.environment.set('basic', 'Basic ' + btoa('id:' + v));",
		"console.log(btoa(e), Buffer.from(v).toString('hex'), Buffer.from('id:' + v).toString('base64'));",
	}
	test := []string{
		get,
		"pm.test('auth ' + pm.request.headers.get('Authorization'), () => pm.expect(btoa(e)).to.equal('x'));",
		"pm.test('hex', () => pm.expect(Buffer.from(v).toString('hex')).to.equal(pm.request.headers.get('X-B64')));",
		"console.log(pm.response.text(), pm.environment.get('basic'));",
	}
	file := func(name string, member any) map[string]any {
		return scriptedItem(name, map[string]any{"method": "POST", "url": srv.URL + "/post",
			"body": map[string]any{"mode": "file", "file": member}}, nil, []string{"console.log(pm.request.body.toJSON());"})
	}
	items := []any{
		scriptedItem("script-built credentials", map[string]any{"method": "POST", "url": srv.URL + "/post",
			"header": []any{map[string]any{"key": "Content-Type", "value": "application/json"}},
			"body":   map[string]any{"mode": "raw", "raw": "{}"}}, pre, test),
		scriptedItem("utf-32 deep in binary", map[string]any{"method": "GET", "url": srv.URL + "/binary-wide32", "header": []any{
			map[string]any{"key": "X-Vault", "value": "{{vault:apiKey}}"}, map[string]any{"key": "X-Env", "value": "{{envKey2}}"}}},
			nil, []string{"console.log(pm.response.stream.length);"}),
		file("file named by a secret, more than a src", map[string]any{"src": "{{envKey2}}", "type": "file", "note": "{{envKey2}}"}),
		file("file named by the vault", map[string]any{"src": "{{vault:apiKey}}.bin"}),
		file("file content", map[string]any{"src": nil, "content": "cGF5bG9hZA=="}),
		// A URL a script builds from secrets with separators: the URL
		// model splits them into path segments, query keys and values
		// and host labels, some shorter than 8 characters.
		scriptedItem("short url pieces", map[string]any{"method": "GET", "url": srv.URL + "/get"}, []string{
			"const k = pm.environment.get('awsKey'), q = pm.environment.get('queryKey');",
			"pm.request.url.update('" + srv.URL + "/p/' + k + '?' + q);",
			"console.log(pm.request.url.toJSON(), pm.request.url.path, pm.request.url.query.toObject());",
		}, []string{"console.log(pm.request.url.toJSON()); pm.test('q ' + JSON.stringify(pm.request.url.query.all()), () => pm.expect(1).to.equal(2));"}),
	}
	cr := newCanaryRun(t, map[string]any{"info": map[string]any{"name": "audit20"}, "item": items}, map[string]any{"name": "audit20", "values": []any{
		map[string]any{"key": "envKey2", "value": canaryEnv, "type": "secret", "enabled": true},
		map[string]any{"key": "basic", "value": "", "enabled": true},
		map[string]any{"key": "awsKey", "value": shortPiecesPath, "type": "secret", "enabled": true},
		map[string]any{"key": "queryKey", "value": shortPiecesQuery, "type": "secret", "enabled": true},
	}})
	o := func(name string) string { return filepath.Join(cr.out, name) }
	args := cr.everyOutput()
	v3 := filepath.Join(filepath.Dir(cr.coll), "v3")
	cr.run("convert", cmdutil.ExitOK, "convert", cr.coll, v3)
	cr.run("v12 yaml", cmdutil.ExitFailures, append(append([]string{"run", v3}, args[2:]...), "-r", "cli,json", "--verbose",
		"--reporter-json-export", o("y.json"))...)
	cr.collect(t, "r.json", "i.json", "y.json")
	for _, name := range []string{"r.json", "i.json", "y.json"} {
		cr.texts[name+" wide bodies"] = wideBodies(t, cr.texts[o(name)])
	}
	cli := cr.texts["stdout newman layout"]
	for _, want := range []string{"Basic Y2xpZW50LWlk", "X-Hex", "Binary file load error"} {
		assert.Contains(t, cli, want, "the cli shows %q", want)
	}
	for name, text := range cr.texts {
		if d := os.Getenv("CANARY_DUMP"); d != "" {
			_ = os.WriteFile(filepath.Join(d, strings.NewReplacer("/", "_", " ", "_").Replace(name)), []byte(text), 0o600)
		}
		if leaks := s19Leaks(text); len(leaks) > 0 {
			t.Errorf("%s leaks %d pieces, such as %q", name, len(leaks), leaks[0])
		}
		for _, p := range []string{"K7MDENG", "Gh5x", "wJalrXUtnFEMI", "Kl90Mn12Op"} {
			assert.NotContains(t, text, p, "%s holds a piece of a secret", name)
		}
	}
}

// Secrets a URL model splits into pieces, some shorter than 8 characters
// (K7MDENG, Gh5x): an AWS-style secret key in a path, a query.
const (
	shortPiecesPath  = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	shortPiecesQuery = "Ab12Cd34Ef=Gh5x&Gh5x=Kl90Mn12Op"
)

// s20Server is s18Server with one more route: /binary-wide32 answers 4 KiB
// of binary data, then the secrets the request carried as UTF-32LE, 4 KiB
// more, and them as UTF-32BE; the body names no charset.
func s20Server(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/token" {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"access_token":"` + learnedToken + `"}`))
		return
	}
	if r.URL.Path != "/binary-wide32" {
		s18Server(w, r)
		return
	}
	chunk := make([]byte, 4096)
	for i := range chunk {
		chunk[i] = byte(i * 7 % 251) // a NUL every 251 bytes
	}
	body := append([]byte(nil), chunk...)
	for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
		for _, c := range r.Header.Get("X-Vault") + " " + r.Header.Get("X-Env") {
			body = order.AppendUint32(body, uint32(c))
		}
		body = append(body, chunk...)
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	_, _ = w.Write(body)
}

// learnedToken is what s20Server's /token answers (built here: the
// collection's text never holds it).
var learnedToken = strings.Repeat("Lrn", 3) + "-Token-7Qx9Zk2"

// TestSecretsLearnedFromResponsesLeaveTheReports: a token a login answers
// and a script stores in a variable of type secret is masked from then
// on; the reports, written when the run ends, mask it in the response
// that carried it too (the JSON report's stream bytes held it before, in
// both layouts). The cli's --verbose had printed that response before the
// script ran (docs/security.md).
func TestSecretsLearnedFromResponsesLeaveTheReports(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(s20Server))
	t.Cleanup(srv.Close)
	items := []any{
		scriptedItem("login", map[string]any{"method": "POST", "url": srv.URL + "/token"}, nil,
			[]string{"pm.environment.set('tok', pm.response.json().access_token);"}),
		scriptedItem("use", map[string]any{"method": "GET", "url": srv.URL + "/get?t={{tok}}",
			"header": []any{map[string]any{"key": "Authorization", "value": "Bearer {{tok}}"}}}, nil,
			[]string{"console.log(pm.response.text()); pm.test('t ' + pm.environment.get('tok'), () => {});"}),
	}
	cr := newCanaryRun(t, map[string]any{"info": map[string]any{"name": "learned"}, "item": items}, map[string]any{"name": "learned",
		"values": []any{map[string]any{"key": "tok", "value": "", "type": "secret", "enabled": true}}})
	o := func(name string) string { return filepath.Join(cr.out, name) }
	cr.run("run", cmdutil.ExitOK, "run", cr.coll, "-e", cr.env, "--color", "off", "--state-dir", cr.state, "-r", "cli,json,junit,html",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"),
		"--export-environment", o("env.json"))
	cr.run("item layout", cmdutil.ExitOK, "run", cr.coll, "-e", cr.env, "--color", "off", "--state-dir", cr.state, "--fresh",
		"-r", "json", "--reporter-json-executions", "item", "--reporter-json-export", o("i.json"))
	cr.collect(t, "r.json", "i.json")
	assert.Contains(t, cr.texts["stdout run"], "/get?t=***", "the token went out masked")
	for name, text := range cr.texts {
		assert.NotContains(t, text, learnedToken, "%s holds the token", name)
	}
}
