package root

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// canaryNumbers is a secret beyond ASCII and latin1: its UTF-8 bytes, signed bytes,
// UTF-16 code units and code points are four different lists of numbers.
const canaryNumbers = `Wïde"Sé<cr&ët>'Ω%7Zp Lk4` // 24 characters

// s19Secrets are the canaries session 19's audit looks for.
var s19Secrets = append([]string{canaryNumbers}, s18Secrets...)

// TestSecretsThroughSession19PathsNeverShow is session 19's audit from
// outside: a script with --vault-scripts turns secrets (the vault's, an
// environment's, one beyond ASCII) into lists of numbers every way a
// script can (typed arrays of each width, Buffer#toJSON(), spread bytes,
// char and code point lists, String() and join() of them, a typed array
// longer than Node prints, nested in objects, as a variable's value, in a
// test name, in a chai message, in a request body the server echoes) and
// every output is read back for eight numbers of the secret in a row,
// whatever stands between them (aligned columns, the CLI's frame, JSON
// escapes). Before the fix the cli showed 363 such runs and the JSON
// report 394. A binary response with the secrets as UTF-16 after 4 KiB is
// read back from the reports' bodies in that width (176 pieces a report
// before the wide search covered binary bodies).
func TestSecretsThroughSession19PathsNeverShow(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(s19Server))
	t.Cleanup(srv.Close)
	lists := []string{
		"for (const s of [v, e, w]) {",
		"  const b = Buffer.from(s), units = [...s].map(c => c.charCodeAt(0));",
		"  console.log(new Uint8Array(b), new Int8Array(b), Int16Array.from(units), new Uint16Array(units), Float64Array.from(b));",
		"  console.log(b.toJSON(), [...b], Array.from(s, c => c.codePointAt(0)), units);",
		"  console.log(String(new Uint8Array(b)), new Uint8Array(b).join(' '), JSON.stringify([...b]));",
		"  console.log(new Uint8Array(Buffer.concat([Buffer.alloc(90, 120), b])), {nested: {deep: new Uint8Array(b)}});",
		"}",
	}
	pre := append([]string{
		"const v = await pm.vault.get('apiKey'), e = pm.environment.get('envKey2'), w = pm.environment.get('wideKey');",
		"pm.environment.set('typed', new Uint8Array(Buffer.from(e)));",
		"pm.environment.set('bytes', [...Buffer.from(w)]);",
		"pm.variables.set('units', String(new Uint16Array([...v].map(c => c.charCodeAt(0)))));",
		"pm.request.body.update(JSON.stringify({bytes: [...Buffer.from(v)], wide: Array.from(w, c => c.codePointAt(0))}));",
	}, lists...)
	test := append([]string{
		"const v = await pm.vault.get('apiKey'), e = pm.environment.get('envKey2'), w = pm.environment.get('wideKey');",
		"pm.test('bytes ' + new Uint8Array(Buffer.from(v)).join(','), () => pm.expect([...Buffer.from(e)]).to.eql([1, 2, 3]));",
		"pm.test('typed', () => pm.expect(new Int8Array(Buffer.from(w))).to.have.lengthOf(1));",
		"pm.test('units', () => pm.expect(pm.variables.get('units')).to.equal('x'));",
		"console.log(pm.response.json(), pm.environment.get('typed'), pm.environment.get('bytes'));",
	}, lists...)
	items := []any{scriptedItem("numbers", map[string]any{"method": "POST", "url": srv.URL + "/post",
		"header": []any{map[string]any{"key": "Content-Type", "value": "application/json"}},
		"body":   map[string]any{"mode": "raw", "raw": "{}"}}, pre, test),
		scriptedItem("utf-16 deep in binary", map[string]any{"method": "GET", "url": srv.URL + "/binary-wide", "header": []any{
			map[string]any{"key": "X-Vault", "value": "{{vault:apiKey}}"}, map[string]any{"key": "X-Env", "value": "{{envKey2}}"}}},
			nil, []string{"console.log(pm.response.stream.length);"})}
	cr := newCanaryRun(t, map[string]any{"info": map[string]any{"name": "audit19"}, "item": items}, map[string]any{"name": "audit19", "values": []any{
		map[string]any{"key": "envKey2", "value": canaryEnv, "type": "secret", "enabled": true},
		map[string]any{"key": "wideKey", "value": canaryNumbers, "type": "secret", "enabled": true},
	}})
	o := func(name string) string { return filepath.Join(cr.out, name) }
	cr.everyOutput()
	cr.collect(t, "r.json", "i.json")
	for _, name := range []string{"r.json", "i.json"} {
		cr.texts[name+" wide bodies"] = wideBodies(t, cr.texts[o(name)])
	}

	cli := cr.texts["stdout newman layout"]
	for _, want := range []string{"Uint8Array(", "Int8Array(", "Int16Array(", "Float64Array(", "type: 'Buffer'", "more items", "deep:"} {
		assert.Contains(t, cli, want, "the cli shows %q", want)
	}
	for name, text := range cr.texts {
		if d := os.Getenv("CANARY_DUMP"); d != "" {
			_ = os.WriteFile(filepath.Join(d, strings.NewReplacer("/", "_", " ", "_").Replace(name)), []byte(text), 0o600)
		}
		if leaks := s19Leaks(text); len(leaks) > 0 {
			t.Errorf("%s leaks %d pieces, such as %q", name, len(leaks), leaks[0])
		}
	}
}

// s19Server is s18Server with one more route: /binary-wide answers 4 KiB
// of binary data (NULs in it, so not text), then the secrets the request
// carried as UTF-16LE, the bytes a server echoing them from a file would
// send; the body names no charset.
func s19Server(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/binary-wide" {
		s18Server(w, r)
		return
	}
	body := make([]byte, 4096)
	for i := range body {
		body[i] = byte(i * 7 % 251) // a NUL every 251 bytes
	}
	for _, v := range []string{r.Header.Get("X-Vault"), " ", r.Header.Get("X-Env")} {
		for _, u := range utf16.Encode([]rune(v)) {
			body = append(body, byte(u), byte(u>>8))
		}
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	_, _ = w.Write(body)
}

// numberRun is a run of numbers with anything between them that typed
// arrays print between numbers: commas, white space, the CLI's frame,
// escaped line breaks, and the index keys of a typed array that became an
// object ("0": 83, '1': 101).
var (
	numberRun = regexp.MustCompile(`-?\d+(?:(?:[\s,│]|\\+[nrt]|` + indexKeyRE + `)+-?\d+)+`)
	indexKey  = regexp.MustCompile(indexKeyRE)
	aNumber   = regexp.MustCompile(`-?\d+`)
)

const indexKeyRE = `\\*["']\d+\\*["']:`

// s19Leaks returns s18Leaks' pieces, the wide canary's forms, and every
// eight numbers in a row of a canary's bytes, signed bytes, UTF-16 units or
// code points found in text.
func s19Leaks(text string) []string {
	leaks := s18Leaks(text)
	lower := strings.ToLower(text)
	for i := 0; i+12 <= len(canaryNumbers); i++ {
		if p := canaryNumbers[i : i+12]; strings.Contains(lower, strings.ToLower(p)) {
			leaks = append(leaks, p)
		}
	}
	var runs []string
	for _, run := range numberRun.FindAllString(text, -1) {
		run = indexKey.ReplaceAllString(run, " ")
		runs = append(runs, ","+strings.Join(aNumber.FindAllString(run, -1), ",")+",")
	}
	if len(runs) == 0 {
		return leaks
	}
	hay := strings.Join(runs, "|")
	for _, s := range s19Secrets {
		var bytes, signed, units, points []string
		for _, c := range []byte(s) {
			bytes, signed = append(bytes, fmt.Sprint(c)), append(signed, fmt.Sprint(int8(c)))
		}
		for _, u := range utf16.Encode([]rune(s)) {
			units = append(units, fmt.Sprint(u))
		}
		for _, r := range s {
			points = append(points, fmt.Sprint(r))
		}
		for _, form := range [][]string{bytes, signed, units, points} {
			for i := 0; i+8 <= len(form); i++ {
				if p := "," + strings.Join(form[i:i+8], ",") + ","; strings.Contains(hay, p) {
					leaks = append(leaks, p)
				}
			}
		}
	}
	return leaks
}

// TestScriptSetSecretsAreMasked: a value a script gives a variable of type
// secret (a token a login request returns, stored in a secret environment,
// globals or collection variable) is as secret as the one the variable
// started with: it was printed and reported in clear, as only the values
// the run started with were masked. Like the variable's first value it is
// kept as a current value.
func TestScriptSetSecretsAreMasked(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(s18Server))
	t.Cleanup(srv.Close)
	const envTok, globTok, collTok = "Script-Set-Env-Token-7Qx9", "Script-Set-Glob-Token-3Lm2", "Script-Set-Coll-Token-8Zk4"
	// Each token is cut in two in the script's text (which the exported
	// collection holds): only the values the script makes are looked for.
	split := func(tok string) string { return "'" + tok[:9] + "' + '" + tok[9:] + "'" }
	pre := []string{
		"pm.environment.set('tok', " + split(envTok) + "); pm.globals.set('gtok', " + split(globTok) + "); pm.collectionVariables.set('ctok', " + split(collTok) + ");",
		"console.log(pm.environment.get('tok'), pm.globals.get('gtok'), pm.collectionVariables.get('ctok'));",
	}
	test := []string{"pm.test('tokens ' + pm.response.text(), () => pm.expect(pm.response.json().url).to.equal('x'));"}
	item := scriptedItem("login", map[string]any{"method": "GET", "url": srv.URL + "/get?t={{tok}}&g={{gtok}}&c={{ctok}}"}, pre, test)
	coll := map[string]any{"info": map[string]any{"name": "tokens"}, "item": []any{item},
		"variable": []any{map[string]any{"key": "ctok", "value": "coll-initial-value", "type": "secret"}}}
	cr := newCanaryRun(t, coll, map[string]any{"name": "tokens", "values": []any{
		map[string]any{"key": "tok", "value": "env-initial-value", "type": "secret", "enabled": true}}})
	globals := writeJSON(t, filepath.Dir(cr.coll), "globals.json", map[string]any{"name": "g", "values": []any{
		map[string]any{"key": "gtok", "value": "glob-initial-value", "type": "secret", "enabled": true}}})
	o := func(name string) string { return filepath.Join(cr.out, name) }
	cr.run("run", cmdutil.ExitFailures, "run", cr.coll, "-e", cr.env, "-g", globals, "--color", "off", "--state-dir", cr.state,
		"-r", "cli,json,junit,html", "--verbose", "--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"),
		"--reporter-html-export", o("r.html"), "--export-environment", o("env.json"), "--export-globals", o("g.json"),
		"--export-collection", o("c.json"))
	cr.run("env show", cmdutil.ExitOK, "env", "show", cr.env, "--state-dir", cr.state)
	cr.collect(t, "r.json")
	require.NoError(t, filepath.WalkDir(cr.state, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			cr.texts["store "+p] = string(b)
		}
		return err
	}))
	assert.Contains(t, cr.texts["stdout run"], "/get?t=***&g=***&c=***", "the request went out with the tokens")
	stored := 0
	for name, text := range cr.texts {
		for _, tok := range []string{envTok, globTok, collTok} {
			if strings.HasPrefix(name, "store ") {
				// Kept as the variables' current values, as Postman keeps
				// them: the next run starts from them (and masks them,
				// suite's TestStoredSecretValuesAreMasked).
				stored += strings.Count(text, tok)
				continue
			}
			assert.False(t, strings.Contains(text, tok[5:]), "%s holds %s", name, tok)
		}
	}
	assert.Equal(t, 3, stored, "the tokens are current values")
}
