package root

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestSecretsLeaveNoTrace runs one collection twice, with two secrets of
// the same length and shape (letters for letters, digits for digits, the
// same punctuation), and compares every byte courier writes once ids,
// dates and durations are masked. Masking hides a secret's text; this
// catches what masking cannot see because nobody foresaw its form: a hash
// or checksum of text that held it, its length, a sort order, an encoding
// no test names. Anything that differs between the two runs came from the
// secret.
func TestSecretsLeaveNoTrace(t *testing.T) {
	t.Parallel()
	// One server for both runs: its port is in bodies the reports keep
	// as bytes.
	srv := httptest.NewServer(http.HandlerFunc(traceServer))
	t.Cleanup(srv.Close)
	// The pieces a URL splits the first two into (at & and =) have eight
	// characters or more; the second's last path segment has seven,
	// masked beside the other's mask (vault/pieces.go): a piece that
	// stands apart would show (a documented limit). The third has
	// console.log's format directives.
	a := traceRun(t, srv.URL, `Vq7"<Zk1&9>'Lm%2Fx Rt4+Wn8`, `EnvQ"K<8&>p'Z% 3mT/9xL2vB7`, `Fm7%sQp9"Lm2%%Vb<Zz8&Kw%d`)
	b := traceRun(t, srv.URL, `Hw3"<Pb5&5>'Qs%2Fy Nc6+Jd1`, `FghR"M<2&>k'W% 7nU/4yJ8cD3`, `Gx4%sTr2"Hn5%%Wc<Yy3&Jv%d`)
	require.Equal(t, len(a), len(b), "the same outputs")
	names := make([]string, 0, len(a))
	for name := range a {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		al, bl := strings.Split(a[name], "\n"), strings.Split(b[name], "\n")
		if len(al) != len(bl) {
			i := 0
			for i < min(len(al), len(bl)) && al[i] == bl[i] {
				i++
			}
			t.Errorf("%s: %d lines with one secret, %d with the other; from line %d:\n%s\n----\n%s", name, len(al), len(bl), i+1,
				strings.Join(al[max(0, i-12):min(len(al), i+6)], "\n"), strings.Join(bl[max(0, i-12):min(len(bl), i+6)], "\n"))
			continue
		}
		for i := range al {
			if al[i] != bl[i] {
				at := 0
				for at < min(len(al[i]), len(bl[i])) && al[i][at] == bl[i][at] {
					at++
				}
				t.Errorf("%s line %d differs with the secret at byte %d:\n%s\n%s", name, i+1, at, traceAround(al[i], at), traceAround(bl[i], at))
				break
			}
		}
	}
}

// traceServer is s18Server with what changes from run to run taken out
// before it is echoed: a multipart body's random boundary (replaced by a
// fixed one, in the body and in the Content-Type header) and the time an
// AWS signature was made (X-Amz-Date).
func traceServer(w http.ResponseWriter, r *http.Request) {
	r.Header.Del("X-Amz-Date")
	if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil && params["boundary"] != "" {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(strings.NewReader(strings.ReplaceAll(string(body), params["boundary"], "BOUNDARY")))
		r.Header.Set("Content-Type", strings.ReplaceAll(r.Header.Get("Content-Type"), params["boundary"], "BOUNDARY"))
	}
	s18Server(w, r)
}

func traceAround(s string, at int) string { return s[max(0, at-150):min(len(s), at+80)] }

// averageLine is one of the cli summary's average rows with the table
// rule drawn above it: a row that is absent takes its rule with it.
var averageLine = regexp.MustCompile(`(?m)^├[─┬┴┼]*┤\n.*average (response|DNS lookup|first byte) time.*\n`)

// volatile is what differs between any two runs: ids, dates, durations,
// sizes that follow timing, the paths of temporary directories.
var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{0,12}`), "<uuid>"}, // cut where the cli wraps
	{regexp.MustCompile(`"port":\s*"\d+"`), `"port":"<port>"`},
	{regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`), "<date>"},
	{regexp.MustCompile(`(?i)\b\d{1,2} [a-z]{3} \d{4} \d\d:\d\d:\d\d( GMT)?|[a-z]{3}, \d\d [a-z]{3} \d{4} \d\d:\d\d:\d\d GMT`), "<date>"},
	{regexp.MustCompile(`\b1\d{12}\b`), "<epoch>"},
	{regexp.MustCompile(`\b\d{8}T\d{6}Z\b`), "<amzdate>"},
	{regexp.MustCompile(`-{4,}(formdata-undici-)?\d{12,}|undici-\d{12}`), "<boundary>"}, // also cut where the cli wraps
	{regexp.MustCompile(`\b\d+(\.\d+)?(µs|ms|s)\b`), "<dur>"},
	{regexp.MustCompile(`"(responseTime|time|total|mean|min|max|sd|dns|firstByte|download|connect|secureHandshake|request|tcp|prepare|wait|process|started|completed|timestamp|responseAverage|responseMin|responseMax|responseSd|dnsAverage|dnsMin|dnsMax|dnsSd|firstByteAverage|firstByteMin|firstByteMax|firstByteSd|transferred|total)":\s*-?[\d.e+]+`), `"$1":<n>`},
	{regexp.MustCompile(`(time|timestamp)="[^"]*"`), `$1="<t>"`},
	{regexp.MustCompile(`"t":\d+`), `"t":<n>`}, // the html report's response times
	{regexp.MustCompile(`/tmp/[^\s"'<>)]*`), "<tmp>"},
	{regexp.MustCompile(`127\.0\.0\.1:\d+`), "127.0.0.1:<port>"},
	{regexp.MustCompile(`[│─┌┐└┘├┤┬┴┼ ]{2,}`), " "},
}

// traceRun runs the collection with vault and environment secrets of the
// given values and returns every output, volatile parts masked.
func traceRun(t *testing.T, base, vaultValue, envValue, fmtValue string) map[string]string {
	t.Helper()
	ref := "{{vault:apiKey}}"
	// A Postman-Token of our own: courier's is random, and the server
	// echoes it inside bodies the reports keep as bytes.
	hdr := []any{map[string]any{"key": "X-Vault", "value": ref}, map[string]any{"key": "X-Env", "value": "{{envKey}}"},
		map[string]any{"key": "Postman-Token", "value": "trace"}}
	req := func(path string, extra map[string]any) map[string]any {
		r := map[string]any{"method": "POST", "url": base + path + "?q={{envKey}}&v=" + ref, "header": hdr,
			"body": map[string]any{"mode": "raw", "raw": `{"v":"` + ref + `","e":"{{envKey}}"}`}}
		for k, x := range extra {
			r[k] = x
		}
		return r
	}
	test := []string{
		"const v = await pm.vault.get('apiKey'), e = pm.environment.get('envKey');",
		"console.log(v, e, Buffer.from(v), new Uint8Array(Buffer.from(e)), {v, e, n: v.length});",
		"pm.test('eq ' + v, () => pm.expect(v).to.eql(e));",
		"pm.test('deep', () => pm.expect({v, arr: [e, v]}).to.deep.equal({v: e}));",
		"pm.test('include', () => pm.expect(pm.response.text()).to.include(v + 'x'));",
		"pm.test('header', () => pm.response.to.have.header('X-Nope', v));",
		"pm.test('status', () => pm.response.to.have.status(Number(v.length)));",
		"pm.test('json', () => pm.expect(pm.response.json().body).to.equal(e));",
		"pm.environment.set('copy', v); pm.environment.set('obj', {v, e});",
		// Errors whose messages quote their input, or a character of it:
		// the secret is only wrapped, never cut or changed (a script that
		// transforms a secret makes text courier cannot know).
		"for (const [i, s] of [[0, v], [1, e]]) {",
		"  for (const [j, text] of [s, '\"' + s + '\"', '{\"a\": ' + s + '}', '[1, ' + s + ']'].entries()) {",
		"    pm.test('JSON.parse ' + i + ' ' + j, () => JSON.parse(text));",
		"  }",
		"  pm.test('RegExp ' + i, () => new RegExp(s + '('));",
		"  pm.test('URL ' + i, () => new URL(s));",
		"  pm.test('atob ' + i, () => atob(s));",
		"  pm.test('BigInt ' + i, () => BigInt(s));",
		"  pm.test('match ' + i, () => pm.expect(s).to.match(/^zzz$/));",
		"  pm.test('long ' + i, () => pm.expect(s + s + s + s).to.equal('x'));",
		"  pm.test('xml ' + i, () => console.log(xml2Json('<a>' + s + '</b>')));",
		"  pm.test('jsonBody ' + i, () => pm.response.to.have.jsonBody('x.' + s));",
		"}",
		"const f = pm.environment.get('fmtKey');",
		"console.log(f, 'INJECTED', 42); console.log(f + ' %d', 7); console.info('%s', f); console.warn(v + '%s', e);",
		"pm.test('fmt ' + f, () => pm.expect(f).to.equal('%s'));",
		"throw new Error('thrown ' + v + ' ' + e);",
	}
	items := []any{
		scriptedItem("echo", req("/post", nil), []string{"console.log(pm.request.url.toString(), pm.request.headers.toObject());"}, test),
		scriptedItem("raw", req("/raw", nil), nil, test),
	}
	light := []string{
		"const v = await pm.vault.get('apiKey'), e = pm.environment.get('envKey');",
		"console.log(pm.response.text(), pm.response.headers.all(), pm.cookies.toObject(), pm.request.toJSON());",
		"pm.test('t ' + pm.response.text(), () => pm.expect(pm.response.text()).to.equal(v + e));",
	}
	for _, it := range []struct {
		name, path string
		extra      map[string]any
		pre        []string
	}{
		// No gzip or deflate: a compressed body's size follows what it
		// holds, the server's doing (reported as it came).
		{"basic", "/basic", map[string]any{"auth": map[string]any{"type": "basic", "basic": []any{
			map[string]any{"key": "username", "value": "{{envKey}}"}, map[string]any{"key": "password", "value": ref}}}}, nil},
		{"redirect", "/redirect", nil, nil},
		{"cookie", "/cookie", nil, nil},
		{"utf7", "/utf7", nil, nil},
		{"redirect userinfo", "/redirect-userinfo", nil, nil},
		{"multipart", "/multipart", map[string]any{"body": map[string]any{"mode": "formdata", "formdata": []any{
			map[string]any{"key": "{{envKey}}", "value": ref, "type": "text"},
			map[string]any{"key": "k", "value": "{{envKey}}", "type": "text", "contentType": "text/plain; charset=utf-8"}}}}, nil},
		{"urlencoded", "/urlencoded", map[string]any{"body": map[string]any{"mode": "urlencoded", "urlencoded": []any{
			map[string]any{"key": "{{envKey}}", "value": ref}, map[string]any{"key": "e", "value": "{{envKey}}"}}}}, nil},
		{"aws", "/aws", map[string]any{"auth": map[string]any{"type": "awsv4", "awsv4": []any{
			map[string]any{"key": "accessKey", "value": "AKIDEXAMPLE"}, map[string]any{"key": "secretKey", "value": ref},
			map[string]any{"key": "sessionToken", "value": "{{envKey}}"}, map[string]any{"key": "region", "value": "eu-west-1"},
			map[string]any{"key": "service", "value": "execute-api"}}}}, nil},
		{"oauth1", "/oauth1", map[string]any{"auth": map[string]any{"type": "oauth1", "oauth1": []any{
			map[string]any{"key": "consumerKey", "value": "ck"}, map[string]any{"key": "consumerSecret", "value": ref},
			map[string]any{"key": "token", "value": "{{envKey}}"}, map[string]any{"key": "tokenSecret", "value": "{{envKey}}"},
			map[string]any{"key": "timestamp", "value": "1733472000"}, map[string]any{"key": "nonce", "value": "fixednonce"},
			// PLAINTEXT: an HMAC's base64 has a length of its own once
			// percent-encoded (+, / and = take three characters), which
			// the request's size and the echo would show; its masking is
			// TestSecretsThroughSession18PathsNeverShow's.
			map[string]any{"key": "signatureMethod", "value": "PLAINTEXT"}, map[string]any{"key": "addParamsToHeader", "value": true}}}}, nil},
		{"bearer", "/bearer", map[string]any{"auth": map[string]any{"type": "bearer", "bearer": []any{
			map[string]any{"key": "token", "value": ref}}}}, nil},
		{"sendRequest", "/post", nil, []string{
			"const v = await pm.vault.get('apiKey'), e = pm.environment.get('envKey');",
			"const r = await pm.sendRequest({url: '" + base + "/post?s=' + encodeURIComponent(v), method: 'POST', header: {'X-S': e, 'Postman-Token': 'trace'}, body: {mode: 'raw', raw: JSON.stringify({v, e})}});",
			"console.log(r.text(), r.json());",
			// A path the second secret splits into a short segment
			// (9xL2vB7), masked beside the long one's mask.
			"const p = await pm.sendRequest({url: '" + base + "/p/' + e + '/end', header: {'Postman-Token': 'trace'}});",
			"const Url = require('postman-collection').Url;",
			"console.log(p.code, new Url('" + base + "/p/' + e + '/end').path);"}},
		// The parts the JSON report writes since session 19's hrep3: a
		// GraphQL body's operationName and variables, a body row's
		// description.
		{"graphql", "/graphql", map[string]any{"body": map[string]any{"mode": "graphql", "graphql": map[string]any{
			"query": "query Q($v: String) { a(v: $v) }", "operationName": "{{envKey}}",
			"variables": `{"v":"` + ref + `","e":"{{envKey}}"}`}}}, nil},
		{"row descriptions", "/urlencoded", map[string]any{"body": map[string]any{"mode": "urlencoded", "urlencoded": []any{
			map[string]any{"key": "k", "value": "v", "description": "about {{envKey}} and " + ref}}}}, nil},
		// Session 20: file bodies whose file member says more than a src
		// (written back as given, Body.FileGiven), one named by a secret;
		// credentials a script encodes (base64 and hex, masked with the
		// base64 characters that mix the secret's bits with others').
		{"file given", "/post", map[string]any{"body": map[string]any{"mode": "file", "file": map[string]any{
			"src": "{{envKey}}", "type": "file", "note": "{{envKey}}"}}}, nil},
		{"file content", "/post", map[string]any{"body": map[string]any{"mode": "file", "file": map[string]any{
			"src": nil, "content": "cGF5bG9hZA=="}}}, nil},
		{"script encodings", "/post", nil, []string{
			"const v = await pm.vault.get('apiKey'), e = pm.environment.get('envKey');",
			"pm.request.headers.upsert({key: 'Authorization', value: 'Basic ' + btoa('client-id:' + e)});",
			"pm.request.headers.upsert({key: 'X-Hex', value: Buffer.from(v).toString('hex')});",
			"pm.request.url.query.upsert({key: 'b', value: Buffer.from('ab' + v).toString('base64url')});",
			"console.log(btoa('x' + e), CryptoJS.enc.Hex.stringify(CryptoJS.enc.Utf8.parse(e)).toUpperCase());"}},
	} {
		items = append(items, scriptedItem(it.name, req(it.path, it.extra), it.pre, light))
	}
	// A request that fails (nothing listens on port 1): the report's
	// failure source resolves the item's references, secrets among them.
	failed := scriptedItem("failed {{envKey}}", map[string]any{"method": "GET", "url": "http://127.0.0.1:1/x?q={{envKey}}&v=" + ref,
		"header": hdr, "description": "desc {{envKey}} " + ref}, []string{"// pre {{envKey}} " + ref}, []string{"// test {{envKey}}"})
	items = append(items, failed)
	cr := newCanaryRun(t, map[string]any{"info": map[string]any{"name": "trace"}, "item": items}, map[string]any{"name": "trace", "values": []any{
		map[string]any{"key": "envKey", "value": envValue, "type": "secret", "enabled": true},
		map[string]any{"key": "fmtKey", "value": fmtValue, "type": "secret", "enabled": true},
	}})
	setEnv(cr.ios, map[string]string{"COURIER_VAULT_APIKEY": vaultValue})
	o := func(name string) string { return filepath.Join(cr.out, name) }
	args := []string{"run", cr.coll, "-e", cr.env, "--color", "off", "--vault-scripts", "--state-dir", cr.state, "--timeout-request", "5000"}
	cr.run("all reporters", cmdutil.ExitFailures, append(args, "-r", "cli,json,junit,html", "--verbose",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"),
		"--export-environment", o("env.json"), "--export-collection", o("c.json"), "--export-cookie-jar", o("jar.json"))...)
	cr.run("progress", cmdutil.ExitFailures, append(args, "-r", "progress")...)
	cr.run("item layout", cmdutil.ExitFailures, append(args, "-r", "json", "--reporter-json-executions", "item",
		"--reporter-json-export", o("i.json"))...)
	cr.run("parallel", cmdutil.ExitFailures, append(args, "-n", "2", "--parallel", "2", "-r", "cli,json",
		"--reporter-json-export", o("p.json"))...)
	v3 := filepath.Join(filepath.Dir(cr.coll), "v3")
	cr.run("convert", cmdutil.ExitOK, "convert", cr.coll, v3)
	cr.run("v12 yaml", cmdutil.ExitFailures, append(append([]string{"run", v3}, args[2:]...), "-r", "cli,json", "--verbose",
		"--reporter-json-export", o("y.json"))...)
	cr.run("env show", cmdutil.ExitOK, "env", "show", cr.env, "--state-dir", cr.state)
	cr.collect(t, "r.json", "i.json", "p.json", "y.json")
	out := map[string]string{}
	for name, text := range cr.texts {
		if rel, err := filepath.Rel(cr.out, name); err == nil && !strings.HasPrefix(rel, "..") {
			name = "file " + rel
		}
		// The cli prints its average times only when they round to 1 ms
		// or more, which a loaded machine decides (a DNS lookup of an IP
		// address, 0 ms quiet, took 1 ms once in CI).
		text = averageLine.ReplaceAllString(text, "")
		for _, v := range volatile {
			text = v.re.ReplaceAllString(text, v.with)
		}
		out[name] = text
		if d := os.Getenv("TRACE_DUMP"); d != "" {
			_ = os.WriteFile(filepath.Join(d, fmt.Sprintf("%s-%s", vaultValue[:2], strings.NewReplacer("/", "_", " ", "_").Replace(name))), []byte(text), 0o600)
		}
	}
	return out
}
