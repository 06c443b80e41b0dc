package root

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// The canary's secrets: awkward lengths, quotes, markup and percent signs,
// spaces and upper case (so the lower-cased and escaped forms all differ).
const (
	canaryVault = `Vq7"<Zk&9>'Lm%2Fx Rt4+Wn8=Hy3/Jb6@Pd1!Cs5~` // 41 characters
	canaryEnv   = `EnvQ"K<8&>p'Z% 3mT9xL2vB7`                  // 25 characters
	canaryHost  = `CanaryHostLabel7Q`                          // a host name's label
)

func TestCanaryNothingLeaks(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/redirect") {
			http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
			return
		}
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Echo", r.Header.Get("X-Api-Key"))
		json.NewEncoder(w).Encode(map[string]any{"headers": r.Header, "url": r.URL.String(), "body": string(body)})
	}))
	t.Cleanup(srv.Close)

	item := func(name string, req any, test, pre []string) map[string]any {
		return scriptedItem(name, req, pre, test)
	}
	env := "pm.environment.get('envKey')"
	coll := map[string]any{
		"info": map[string]any{"name": "canary"},
		"item": []any{
			item("echo", map[string]any{"method": "POST",
				"url": "{{base}}/echo/{{vault:apiKey}}?k={{vault:apiKey}}&e={{envKey}}",
				"header": []any{
					map[string]any{"key": "X-Api-Key", "value": "{{vault:apiKey}}"},
					map[string]any{"key": "X-Env", "value": "{{envKey}}"},
				},
				"body": map[string]any{"mode": "raw", "raw": `{"key":"{{vault:apiKey}}","env":"{{envKey}}"}`},
			}, []string{
				"console.log(JSON.stringify(pm.request.headers.toObject()));",
				"console.log(pm.response.text());",
				"console.log('padding '.repeat(23) + " + env + " + ' and ' + pm.response.headers.get('X-Echo'));",
				"console.info(" + env + ", {deep: {er: [" + env + "]}});",
				"pm.test('name has ' + " + env + ", () => {});",
				"pm.test('eql env', () => pm.expect(" + env + ").to.eql('x'));",
				"pm.test('eql vault', () => pm.expect(pm.response.headers.get('X-Echo')).to.eql('x'));",
				"pm.test('equal object', () => pm.expect({k: " + env + "}).to.deep.equal({k: 1}));",
				"pm.test('include', () => pm.expect(pm.response.text()).to.include('nope'));",
				"pm.test('thrown in test', () => { throw new Error('inside ' + " + env + ") });",
				"pm.environment.set('copied', 'x' + " + env + ");",
				"pm.globals.set('g', pm.response.headers.get('X-Echo'));",
			}, nil),
			item("throws", "{{base}}/get", []string{"throw new TypeError('thrown: ' + " + env + ")"},
				[]string{"console.warn(" + env + ".toLowerCase(), encodeURIComponent(" + env + "))"}),
			item("vault in script", "{{base}}/get", []string{
				"const v = await pm.vault.get('apiKey'); console.log(v); pm.test(v, () => pm.expect(v).to.equal(1));",
			}, nil),
			// The redirect carries a secret that survives the server decoding and
			// re-encoding its path (a literal "%2F" in a value would not).
			item("redirect", "{{base}}/redirect?to=/landed/{{vault:hostKey}}", []string{"console.log(pm.response.json().url)"}, nil),
			item("basic", map[string]any{"method": "GET", "url": "{{base}}/basic",
				"auth": map[string]any{"type": "basic", "basic": []any{
					map[string]any{"key": "username", "value": "user"},
					map[string]any{"key": "password", "value": "{{vault:apiKey}}"}}},
			}, []string{"console.log(pm.request.headers.get('Authorization'), pm.response.text())"}, nil),
			// The sent request in the JSON report is in its collection
			// form: urlencoded fields, the effective auth, the description.
			item("form", map[string]any{"method": "POST", "url": "{{base}}/form", "description": "for {{envKey}}",
				"header": []any{map[string]any{"key": "X-Off", "value": "{{vault:apiKey}}", "disabled": true}},
				"body": map[string]any{"mode": "urlencoded", "urlencoded": []any{
					map[string]any{"key": "v", "value": "{{vault:apiKey}}"},
					map[string]any{"key": "e", "value": "{{envKey}}"}}},
				"auth": map[string]any{"type": "bearer", "bearer": []any{map[string]any{"key": "token", "value": "{{envKey}}"}}},
			}, nil, nil),
			// A pm.sendRequest carrying both secrets: in Newman's layout
			// (the JSON report's default) its request and response become
			// the item's execution.
			item("send", "{{base}}/get", []string{
				"const v = await pm.vault.get('apiKey');",
				"pm.sendRequest({url: pm.variables.get('base') + '/sent/' + v + '?k=' + " + env + ", method: 'POST',",
				"  header: {'X-Key': v, 'X-Env': " + env + "}, body: {mode: 'urlencoded', urlencoded: [{key: 'v', value: v}, {key: 'e', value: " + env + "}]}},",
				"  (e, r) => pm.test('sent', () => pm.expect(r.code).to.eql(200)));",
			}, nil),
			item("host", "http://{{vault:hostKey}}.invalid/x", nil, nil),
			item("unresolved", "{{base}}/get?x={{missing_"+"{{envKey}}"+"}}", nil, nil),
		},
	}
	dir := t.TempDir()
	cb, err := json.Marshal(coll)
	require.NoError(t, err)
	collPath := writeFile(t, dir, "c.json", string(cb))
	eb, err := json.Marshal(map[string]any{"name": "canary", "values": []any{
		map[string]any{"key": "base", "value": srv.URL, "enabled": true},
		map[string]any{"key": "envKey", "value": canaryEnv, "type": "secret", "enabled": true},
	}})
	require.NoError(t, err)
	envPath := writeFile(t, dir, "env.json", string(eb))
	out := filepath.Join(dir, "out")
	require.NoError(t, os.MkdirAll(out, 0o755))

	ios, _, stdout, stderr := cmdutil.Test()
	state := ios.Env("COURIER_STATE_DIR")
	setEnv(ios, map[string]string{
		"COURIER_VAULT_APIKEY":           canaryVault,
		"COURIER_VAULT_HOSTKEY":          canaryHost,
		"COURIER_VAULT_HOSTKEY__DOMAINS": "127.0.0.1",
	})
	base := []string{"run", collPath, "-e", envPath, "--color", "off", "--vault-scripts", "--state-dir", state}
	runs := [][]string{
		{"-r", "cli,json,junit,html", "--verbose",
			"--reporter-json-export", filepath.Join(out, "r.json"), "--reporter-junit-export", filepath.Join(out, "r.xml"),
			"--reporter-html-export", filepath.Join(out, "r.html"),
			"--export-environment", filepath.Join(out, "env.json"), "--export-globals", filepath.Join(out, "g.json"),
			"--export-collection", filepath.Join(out, "c.json"), "--export-cookie-jar", filepath.Join(out, "jar.json")},
		{"-r", "cli"}, // the plain default output, unwrapped widths included
		{"-r", "progress"},
		// side by side, and split over shards (merged below)
		{"-r", "cli,json", "--parallel", "2", "-n", "2", "--reporter-json-export", filepath.Join(out, "p.json")},
		{"-r", "json", "--shard", "1/2", "-n", "2", "--reporter-json-export", filepath.Join(out, "s1.json")},
		{"-r", "json,junit", "--shard", "2/2", "-n", "2", "--reporter-json-export", filepath.Join(out, "s2.json"),
			"--reporter-junit-export", filepath.Join(out, "s2.xml")},
		// One execution per item, the item's own request (as Postman CLI
		// writes them); the default is Newman's, a copy per round trip.
		{"-r", "json,html", "--reporter-json-executions", "item", "--reporter-json-export", filepath.Join(out, "i.json"),
			"--reporter-html-export", filepath.Join(out, "i.html")},
	}
	texts := map[string][]byte{}
	for i, extra := range runs {
		code := Execute(context.Background(), ios, append(append([]string(nil), base...), extra...))
		require.Equal(t, cmdutil.ExitFailures, code, "run %d: the tests fail on purpose\n%s", i, stderr.String())
		texts["stdout "+strings.Join(extra[:2], " ")] = append([]byte(nil), stdout.Bytes()...)
		texts["stderr "+strings.Join(extra[:2], " ")] = append([]byte(nil), stderr.Bytes()...)
		stdout.Reset()
		stderr.Reset()
	}
	code := Execute(context.Background(), ios, []string{"report", "merge", filepath.Join(out, "s1.json"), filepath.Join(out, "s2.json"),
		"-o", filepath.Join(out, "m.json"), "--junit", filepath.Join(out, "m.xml"), "--html", filepath.Join(out, "m.html")})
	require.Equal(t, cmdutil.ExitFailures, code, "merge: the tests fail on purpose\n%s", stderr.String())
	texts["stderr report merge"] = append([]byte(nil), stderr.Bytes()...)
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (filepath.Dir(p) == out || strings.HasPrefix(p, state)) {
			data, _ := os.ReadFile(p)
			texts[p] = data
		}
		return err
	}))
	require.GreaterOrEqual(t, len(texts), 12)
	// The run did print the places where the secrets would be.
	require.Contains(t, string(texts["stdout -r cli"]), "***")

	// The JSON report (one execution per item here) holds the whole item,
	// as Newman writes it, with the URL as an object (its parts split after
	// masking): the places checked below exist, and hold the collection's
	// template text.
	var rep struct {
		Run struct {
			Executions []struct {
				Item struct {
					Request struct {
						URL    struct{ Path []string }
						Header []struct{ Key, Value string }
					}
				}
				// The request as sent, in its collection form.
				Request struct {
					Body *struct {
						URLEncoded []struct{ Key, Value string }
					}
					Auth *struct {
						Bearer []struct{ Key, Value string }
					}
					Header []struct {
						Key, Value string
						Disabled   bool
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(texts[filepath.Join(out, "i.json")], &rep))
	require.NotEmpty(t, rep.Run.Executions)
	first := rep.Run.Executions[0].Item.Request
	require.NotEmpty(t, first.URL.Path, "executions[0].item.request.url has no path")
	require.Contains(t, first.Header, struct{ Key, Value string }{"X-Env", "{{envKey}}"})
	var form bool
	for _, e := range rep.Run.Executions {
		if r := e.Request; r.Body != nil && len(r.Body.URLEncoded) == 2 {
			// The places hold the values sent, masked.
			form = true
			require.Equal(t, "***", r.Body.URLEncoded[0].Value)
			require.Equal(t, "***", r.Body.URLEncoded[1].Value)
			require.NotNil(t, r.Auth, "the sent request's auth")
			require.Equal(t, []struct{ Key, Value string }{{"token", "***"}}, r.Auth.Bearer)
			require.NotEmpty(t, r.Header)
			require.True(t, r.Header[0].Disabled, "the disabled header row is kept")
		}
	}
	require.True(t, form, "no execution with the urlencoded request as sent")

	// Newman's executions (the default): the item that called
	// pm.sendRequest is there twice, each copy with the nested request, its
	// secrets masked.
	var nrep struct {
		Run struct {
			Executions []struct {
				Item    struct{ Name string }
				Request struct {
					URL    struct{ Path []string }
					Header []struct{ Key, Value string }
					Body   *struct {
						URLEncoded []struct{ Key, Value string }
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(texts[filepath.Join(out, "r.json")], &nrep))
	var sent int
	for _, e := range nrep.Run.Executions {
		if e.Item.Name != "send" {
			continue
		}
		sent++
		r := e.Request
		require.Equal(t, []string{"sent", "***"}, r.URL.Path)
		require.Contains(t, r.Header, struct{ Key, Value string }{"X-Key", "***"})
		require.Contains(t, r.Header, struct{ Key, Value string }{"X-Env", "***"})
		require.NotNil(t, r.Body)
		require.Equal(t, []struct{ Key, Value string }{{"v", "***"}, {"e", "***"}}, r.Body.URLEncoded)
	}
	require.Equal(t, 2, sent, "the item and its pm.sendRequest: two executions")

	for name, data := range texts {
		if leaks := canaryLeaks(string(data)); len(leaks) > 0 {
			t.Errorf("%s leaks %d pieces, such as %q", name, len(leaks), leaks[0])
			if d := os.Getenv("CANARY_DUMP"); d != "" {
				_ = os.WriteFile(filepath.Join(d, strings.NewReplacer("/", "_", " ", "_").Replace(name)), data, 0o600)
			}
		}
	}
}

// boxOrBreak is what the cli reporter puts inside wrapped text: line
// breaks, the indentation after them and box-drawing characters.
var boxOrBreak = regexp.MustCompile(`\r?\n[ \t│┃┌┐└┘├┤┬┴┼─━║═╔╗╚╝╟╢╠╣]*|[│┃┌┐└┘├┤┬┴┼─━║═╔╗╚╝╟╢╠╣]`)

// canaryLeaks returns every 12-character piece of a canary secret, or of
// a form courier writes it in, found in text, as written or with line
// breaks and box characters taken out, compared without case.
// scriptedItem is a collection item sending req, with a pre-request and a
// test script when pre and test are not nil: the shape the canary audits
// build their collections from.
func scriptedItem(name string, req any, pre, test []string) map[string]any {
	var evs []any
	if pre != nil {
		evs = append(evs, map[string]any{"listen": "prerequest", "script": map[string]any{"exec": pre}})
	}
	if test != nil {
		evs = append(evs, map[string]any{"listen": "test", "script": map[string]any{"exec": test}})
	}
	return map[string]any{"name": name, "request": req, "event": evs}
}

func canaryLeaks(text string) []string {
	hay := []string{text, boxOrBreak.ReplaceAllString(text, ""), strings.NewReplacer("\n", "", "\r", "").Replace(text)}
	for i, h := range hay {
		hay[i] = strings.ToLower(h)
	}
	var leaks []string
	for _, secret := range []string{canaryVault, canaryEnv, canaryHost} {
		j, _ := json.Marshal(secret)
		forms := []string{secret, url.QueryEscape(secret), url.PathEscape(secret), string(j[1 : len(j)-1]),
			base64.StdEncoding.EncodeToString([]byte("user:" + secret))}
		var xb bytes.Buffer
		_ = xmlEscape(&xb, secret)
		forms = append(forms, xb.String())
		for _, f := range forms {
			f = strings.ToLower(f)
			for i := 0; i+12 <= len(f); i++ {
				piece := f[i : i+12]
				for _, h := range hay {
					if strings.Contains(h, piece) {
						leaks = append(leaks, piece)
						break
					}
				}
			}
		}
	}
	return leaks
}

func xmlEscape(w io.Writer, s string) error {
	_, err := io.WriteString(w, strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s))
	return err
}
