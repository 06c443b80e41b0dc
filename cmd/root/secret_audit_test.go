package root

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/simulators/loopback"
)

// TestSecretsInNewerPathsNeverShow plants the canary secrets in every path
// a value took since the canary test was written: typed (non-string)
// header, query, path and form values, from the collection file and from
// scripts; header and query descriptions; URLs a script builds (pieces of a secret);
// the parameters an auth block lists for the types it does not select;
// pm.sendRequest round trips (with basic, bearer and API-key auth, GraphQL
// and form-data bodies), which Newman's JSON layout copies into the
// report; Node-style error objects of failed requests (a refused port that
// is itself a secret, an unsupported protocol, an invalid port). It checks
// every output: cli with --verbose, progress, json in both layouts, junit,
// html, the environment, globals, collection and cookie-jar exports, and the
// same run from the collection converted to Postman v12's YAML, exported
// back as YAML. Response bodies the JSON report holds as byte arrays are
// decoded and checked too.
func TestSecretsInNewerPathsNeverShow(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"headers": r.Header, "url": r.URL.String(), "body": string(body)})
	}))
	t.Cleanup(srv.Close)
	// A port nothing listens on, kept as a secret: the refused connection's
	// error names it.
	refused, err := loopback.ListenRefused()
	require.NoError(t, err)
	t.Cleanup(func() { refused.Close() })
	pin := strconv.Itoa(refused.Port)

	env := "pm.environment.get('envKey')"
	item := scriptedItem
	u, err := url.Parse(srv.URL)
	require.NoError(t, err)
	coll := map[string]any{"info": map[string]any{"name": "audit"}, "item": []any{
		item("typed in the file", map[string]any{"method": "POST",
			"url": map[string]any{"raw": srv.URL + "/post/:id?q=x&n=5", "protocol": "http", "host": []string{"127", "0", "0", "1"},
				"port": u.Port(), "path": []string{"post", ":id"},
				"query":    []any{map[string]any{"key": "q", "value": []any{"{{envKey}}", 1}, "description": "desc {{envKey}}"}, map[string]any{"key": "n", "value": 5}},
				"variable": []any{map[string]any{"key": "id", "value": map[string]any{"v": "{{vault:apiKey}}"}}}},
			"header": []any{
				map[string]any{"key": "X-Arr", "value": []any{"{{vault:apiKey}}", 1}},
				map[string]any{"key": "X-Obj", "value": map[string]any{"e": "{{envKey}}"}},
				map[string]any{"key": "X-D", "value": "{{envKey}}", "description": "desc {{envKey}}"},
			},
			"body": map[string]any{"mode": "urlencoded", "urlencoded": []any{
				map[string]any{"key": "u", "value": map[string]any{"e": "{{envKey}}"}},
				map[string]any{"key": "f", "value": "{{vault:apiKey}}"}}}},
			nil, []string{
				"console.log(JSON.stringify(pm.request.toJSON()));",
				"pm.test('query ' + JSON.stringify(pm.request.url.query.all()), () => {});",
			}),
		item("typed from a script", map[string]any{"method": "POST", "url": srv.URL + "/post/:pv",
			"body": map[string]any{"mode": "urlencoded", "urlencoded": []any{map[string]any{"key": "a", "value": "b"}}}},
			[]string{
				"const v = await pm.vault.get('apiKey');",
				"pm.request.headers.add({key: 'X-S', value: {s: " + env + ", v}, description: 'about ' + " + env + "});",
				"pm.request.headers.add({key: 'X-N', value: [v, Number(pm.environment.get('pin'))], description: {content: v, type: 'text/plain'}});",
				"pm.request.url.query.add({key: 'qs', value: {s: " + env + "}, description: 'about ' + v});",
				// A row's name crosses to the report and later scripts (postman-collection's Property).
				"pm.request.headers.add({key: 'X-Nm', value: 'n', name: 'nm ' + v, disabled: false});",
				"pm.request.url.query.add({key: 'qn', value: 'n', name: 'nm ' + " + env + ", disabled: false});",
				"pm.request.body.urlencoded.add({key: 'un', value: 'n', name: 'nm ' + v, disabled: false});",
				"pm.request.url.variables.add({key: 'pv', value: {s: v}});",
				"pm.request.body.urlencoded.add({key: 'us', value: [" + env + ", v]});",
			}, []string{
				"console.log(pm.request.headers.toJSON(), pm.request.url.toJSON());",
				"pm.test('headers ' + JSON.stringify(pm.request.headers.toJSON()), () => pm.expect(1).to.eql(2));",
			}),
		item("a URL built from a secret", srv.URL+"/get", []string{
			"const v = await pm.vault.get('apiKey');",
			"pm.request.url = pm.variables.get('base') + '/p/' + v + '/' + " + env + " + '?q=' + v;",
			"console.log(JSON.stringify(pm.request.url));",
		}, nil),
		item("round trips", srv.URL+"/get", nil, []string{
			"const v = await pm.vault.get('apiKey');",
			"pm.sendRequest({url: pm.variables.get('base') + '/post?k=' + encodeURIComponent(v), method: 'POST',",
			"  header: [{key: 'X-T', value: {s: " + env + "}}, {key: 'X-V', value: v, description: 'd ' + v}],",
			"  body: {mode: 'urlencoded', urlencoded: [{key: 'n', value: Number(pm.environment.get('pin'))}, {key: 'v', value: v}]}},",
			"  (e, r) => { console.log(r.json()); pm.test('sent ' + r.text(), () => pm.expect(r.code).to.eql(201)); });",
		}),
		item("round trips with auth and bodies", srv.URL+"/get", nil, []string{
			"const v = await pm.vault.get('apiKey'), base = pm.variables.get('base');",
			"pm.sendRequest({url: base + '/b', auth: {type: 'basic', basic: [{key: 'username', value: 'user'}, {key: 'password', value: v}]}}, () => {});",
			"pm.sendRequest({url: base + '/t', auth: {type: 'bearer', bearer: [{key: 'token', value: " + env + "}]}}, () => {});",
			"pm.sendRequest({url: base + '/k', auth: {type: 'apikey', apikey: [{key: 'key', value: 'X-K'}, {key: 'value', value: v}, {key: 'in', value: 'query'}]}}, () => {});",
			"pm.sendRequest({url: base + '/g', method: 'POST', body: {mode: 'graphql', graphql: {query: 'query { a }', variables: JSON.stringify({v})}}}, () => {});",
			"pm.sendRequest({url: base + '/f', method: 'POST', body: {mode: 'formdata', formdata: [{key: 'f', value: v}, {key: 'g', value: {s: " + env + "}}]}}, (e, r) => console.log(r.text()));",
		}),
		item("failed round trips", srv.URL+"/get", nil, []string{
			"const v = await pm.vault.get('apiKey');",
			"pm.environment.set('plain', 'kept'); pm.environment.set('copied', {v, e: " + env + "}); pm.globals.set('g', [v]);",
			"pm.sendRequest('http://127.0.0.1:' + pm.environment.get('pin') + '/' + encodeURIComponent(v) + '?e=' + " + env + ", (err) => {",
			"  console.log(err); console.error(JSON.stringify(err), err.stack, String(err));",
			"  pm.test('refused ' + JSON.stringify(err), () => { throw err; }); });",
			"pm.sendRequest({url: 'ftp://x/' + " + env + "}, (err) => console.log(err, String(err)));",
			"pm.sendRequest({url: 'http://127.0.0.1:99999/' + v}, (err) => console.log(err && err.message));",
		}),
		item("other auth types", map[string]any{"method": "GET", "url": srv.URL + "/get",
			"auth": map[string]any{"type": "bearer", "bearer": []any{map[string]any{"key": "token", "value": "plain"}},
				"basic":  []any{map[string]any{"key": "username", "value": "u"}, map[string]any{"key": "password", "value": "{{envKey}}"}},
				"apikey": map[string]any{"key": "X-K", "value": "{{vault:apiKey}}"}}},
			[]string{"console.log(JSON.stringify(pm.request.auth.toJSON()));"},
			[]string{
				"console.log(JSON.stringify(pm.request.auth.toJSON()), pm.request.auth.apikey.toObject());",
				"pm.test('auth ' + JSON.stringify(pm.request.auth.toJSON()), () => pm.expect(1).to.eql(2));",
			}),
		item("refused", "http://127.0.0.1:{{pin}}/x?e={{envKey}}", nil, nil),
		item("unsupported protocol", "ftp://127.0.0.1/{{envKey}}", nil, nil),
	}}
	cr := newCanaryRun(t, coll, map[string]any{"name": "audit", "values": []any{
		map[string]any{"key": "base", "value": srv.URL, "enabled": true},
		map[string]any{"key": "envKey", "value": canaryEnv, "type": "secret", "enabled": true},
		map[string]any{"key": "pin", "value": pin, "type": "secret", "enabled": true},
	}})
	collPath, envPath, out, state, texts, run := cr.coll, cr.env, cr.out, cr.state, cr.texts, cr.run
	dir := filepath.Dir(collPath)
	o := func(name string) string { return filepath.Join(out, name) }
	base := []string{"run", collPath, "-e", envPath, "--color", "off", "--vault-scripts", "--state-dir", state}
	run("newman layout", cmdutil.ExitFailures, append(base, "-r", "cli,json,junit,html", "--verbose",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"),
		"--export-environment", o("env.json"), "--export-globals", o("g.json"), "--export-collection", o("c.json"),
		"--export-cookie-jar", o("jar.json"))...)
	run("progress", cmdutil.ExitFailures, append(base, "-r", "progress")...)
	run("item layout", cmdutil.ExitFailures, append(base, "-r", "json,html", "--reporter-json-executions", "item",
		"--reporter-json-export", o("i.json"), "--reporter-html-export", o("i.html"))...)
	// The same collection and environment as Postman v12 YAML, exported
	// back as YAML.
	v3 := filepath.Join(dir, "v3")
	run("convert collection", cmdutil.ExitOK, "convert", collPath, v3)
	run("convert environment", cmdutil.ExitOK, "convert", envPath, filepath.Join(dir, "env.yaml"))
	// convert writes secret values empty (a file meant for Git): the
	// secrets go back in as a user would put them.
	for k, v := range map[string]string{"envKey": canaryEnv, "pin": pin} {
		run("env set "+k, cmdutil.ExitOK, "env", "set", filepath.Join(dir, "env.yaml"), k, v, "--initial", "--force")
	}
	run("v12 yaml", cmdutil.ExitFailures, "run", v3, "-e", filepath.Join(dir, "env.yaml"), "--color", "off", "--vault-scripts",
		"--state-dir", state, "-r", "cli,json", "--verbose", "--reporter-json-export", o("y.json"),
		"--export-environment", o("env.yaml"), "--export-collection", o("v3"), "--export-globals", o("g.yaml"))

	// Every file written: reports, exports, and the current-value store.
	for _, root := range []string{out, state} {
		require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(p)
				texts[p] = string(data)
			}
			return err
		}))
	}
	require.GreaterOrEqual(t, len(texts), 20)
	stored := 0
	for p := range texts {
		if strings.HasPrefix(p, state) {
			stored++
		}
	}
	require.Positive(t, stored, "the current-value store was written")

	// The places exist: the run reached each path.
	var rep struct {
		Run struct {
			Executions []struct {
				Item struct {
					Name string
				}
				Request struct {
					Header []struct {
						Key         string
						Value       any
						Description any
					}
					Auth map[string]any
				}
				RequestError *struct {
					Code string
					Port *int
				}
			}
		}
	}
	for _, name := range []string{"r.json", "i.json", "y.json"} {
		// Each report decodes afresh (a reused element's map would keep
		// the last report's keys).
		rep.Run.Executions = nil
		require.NoError(t, json.Unmarshal([]byte(texts[o(name)]), &rep), "%s is not JSON", name)
		var refused, typed int
		for _, e := range rep.Run.Executions {
			if e.RequestError != nil && e.RequestError.Code == "ECONNREFUSED" {
				refused++
				assert.Nil(t, e.RequestError.Port, "%s: the refused port is a secret", name)
			}
			for _, h := range e.Request.Header {
				if h.Key == "X-S" {
					typed++
					assert.Equal(t, map[string]any{"s": "***", "v": "***"}, h.Value, name)
					assert.Equal(t, map[string]any{"content": "about ***", "type": "text/plain"}, h.Description, name)
				}
			}
		}
		otherAuth := 0
		for _, e := range rep.Run.Executions {
			if e.Item.Name == "other auth types" && name != "y.json" {
				// A v12 definition holds only the selected type.
				otherAuth++
				assert.Equal(t, []any{map[string]any{"type": "any", "value": "u", "key": "username"}, map[string]any{"type": "any", "value": "***", "key": "password"}}, e.Request.Auth["basic"], name)
				assert.Equal(t, []any{map[string]any{"type": "any", "value": "X-K", "key": "key"}, map[string]any{"type": "any", "value": "***", "key": "value"}}, e.Request.Auth["apikey"], name)
			}
		}
		if name != "y.json" {
			assert.Positive(t, otherAuth, "%s: no request with other auth types", name)
		}
		assert.Positive(t, refused, "%s: no refused request", name)
		assert.Positive(t, typed, "%s: no typed header from a script", name)
		// Bodies are byte arrays in the JSON report: read them as text.
		texts[name+" bodies"] = reportBodies(t, texts[o(name)])
	}
	dec := xml.NewDecoder(strings.NewReader(texts[o("r.xml")]))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the junit report is not XML")
	}
	for _, page := range []string{"r.html", "i.html"} {
		blocks := regexp.MustCompile(`(?s)<script type="application/json" id="courier-(?:execs|meta)">(.*?)</script>`).FindAllStringSubmatch(texts[o(page)], -1)
		require.Len(t, blocks, 2, page)
		for _, b := range blocks {
			assert.True(t, json.Valid([]byte(b[1])), "%s: a data block is not JSON", page)
		}
	}
	assert.Contains(t, texts["stdout newman layout"], "refused", "the failed round trip's test ran")
	assert.Contains(t, texts["stdout newman layout"], "127.0.0.1:***", "the refused port is masked in text")
	// An error in Node's words says the fix where courier prints it for
	// people; the report keeps Node's words alone, as Newman writes them.
	assert.Contains(t, texts["stdout newman layout"], "Invalid protocol: ftp:\n     fix: use an http:// or https:// URL\n")
	assert.Contains(t, texts[o("r.json")], `"requestError":{"name":"Error","message":"Invalid protocol: ftp:","stack":"Error: Invalid protocol: ftp:"}`)
	assert.FileExists(t, filepath.Join(out, "v3", "typed in the file.request.yaml"))

	for name, text := range texts {
		if leaks := canaryLeaks(text); len(leaks) > 0 {
			t.Errorf("%s leaks %d pieces, such as %q", name, len(leaks), leaks[0])
		}
		for _, form := range []string{":" + pin, `"port":` + pin, "port: " + pin} {
			if i := strings.Index(text, form); i >= 0 {
				t.Errorf("%s shows the secret port: %q", name, text[max(0, i-80):min(len(text), i+40)])
			}
		}
	}
}

// reportBodies returns every Buffer (a body as bytes) in a JSON report,
// as text.
func reportBodies(t *testing.T, report string) string {
	t.Helper()
	var b strings.Builder
	for _, raw := range reportBuffers(t, report) {
		b.Write(raw)
		b.WriteByte('\n')
	}
	require.NotZero(t, b.Len(), "the report holds no bodies")
	return b.String()
}

// reportBuffers returns the bytes of every Buffer in a JSON report.
func reportBuffers(t *testing.T, report string) [][]byte {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(report), &v))
	var bufs [][]byte
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if data, ok := v["data"].([]any); ok && v["type"] == "Buffer" {
				raw := make([]byte, len(data))
				for i, c := range data {
					raw[i] = byte(c.(float64))
				}
				bufs = append(bufs, raw)
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return bufs
}
