package root

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/internal/utf7"
)

// More canaries, one for each source session 18's audit adds: a global
// of type secret, a collection variable of type secret, and the values
// --env-var and --global-var give variables the files mark secret.
const (
	canaryGlobal  = `GlobQ"7<Zp&2>'Wm%9Lk4Hx8` // 25 characters
	canaryColl    = `CollV"3<Rb&6>'Tn%1Js5Gd0`
	canaryCLIEnv  = `CliEnv"8<Yq&4>'Hp%6Vf2Ka`
	canaryCLIGlob = `CliGlo"5<Xw&1>'Dz%7Nb3Ms`
	canaryFolder  = `FoldV"9<Qm&3>'Ls%8Wc6Ty` // a folder's and a request's own variables of type secret
)

// s18Secrets are every canary the session 18 audit plants.
var s18Secrets = []string{canaryVault, canaryEnv, canaryGlobal, canaryColl, canaryCLIEnv, canaryCLIGlob, canaryFolder}

// TestSecretsThroughSession18PathsNeverShow is session 18's adversarial
// audit, done from outside as a hostile reviewer would: secrets from
// every source (the vault, an environment's and a globals file's secret
// values, a collection variable of type secret, --env-var and --global-var
// over values the files mark secret, a data file that references the
// vault) pushed through paths earlier audits did not take: gzip and
// deflate response bodies, a UTF-7 body with the secret in its base64,
// Set-Cookie values, redirect Locations (userinfo too), multipart bodies
// (keys, values and file names), AWS, OAuth 1 and digest signatures' inputs,
// console.log of Buffers, typed arrays, Errors and their causes, errors
// thrown from timers and rejected promises, secrets as variable names, a
// request that times out, --bail's stop message; and read back from every
// output: cli (plain, --verbose), progress, json, junit, html, every
// export, the current-value store, and the v12 YAML run. Leaks are looked
// for as written and in hex, base64, Node's Buffer and typed-array forms,
// UTF-7, and inside gzip-compressed bytes.
func TestSecretsThroughSession18PathsNeverShow(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(s18Server))
	t.Cleanup(srv.Close)
	cr, args := s18Run(t, srv.URL, "apiKey")
	texts, o := cr.texts, func(name string) string { return filepath.Join(cr.out, name) }
	run := cr.run
	run("newman layout", cmdutil.ExitFailures, append(args, "-r", "cli,json,junit,html", "--verbose",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"),
		"--export-environment", o("env.json"), "--export-globals", o("g.json"), "--export-collection", o("c.json"),
		"--export-cookie-jar", o("jar.json"))...)
	run("plain cli", cmdutil.ExitFailures, append(args, "-r", "cli")...)
	run("progress", cmdutil.ExitFailures, append(args, "-r", "progress")...)
	run("item layout", cmdutil.ExitFailures, append(args, "-r", "json,html", "--reporter-json-executions", "item",
		"--reporter-json-export", o("i.json"), "--reporter-html-export", o("i.html"))...)
	run("bail", cmdutil.ExitFailures, append(args, "-r", "cli,json", "--bail", "--reporter-json-export", o("b.json"))...)
	// The whole run's --timeout stops it inside the request to /slow
	// (which waits for the client; --timeout-request is longer), or
	// earlier on a slow machine: either way the stop message and the
	// interrupted execution name the URL.
	run("run timeout", cmdutil.ExitFailures, append(args, "--folder", "times out", "--timeout-request", "0", "--timeout", "150",
		"-r", "cli,json,junit", "--reporter-json-export", o("t.json"), "--reporter-junit-export", o("t.xml"))...)
	run("render html", cmdutil.ExitOK, "report", "html", o("r.json"), "-o", o("rendered.html"))
	v3 := filepath.Join(filepath.Dir(cr.coll), "v3")
	run("convert collection", cmdutil.ExitOK, "convert", cr.coll, v3)
	run("v12 yaml", cmdutil.ExitFailures, append(append([]string{"run", v3}, args[2:]...), "-r", "cli,json", "--verbose",
		"--reporter-json-export", o("y.json"), "--export-collection", o("v3"), "--export-environment", o("env.yaml"))...)
	run("env show", cmdutil.ExitOK, "env", "show", cr.env, "--state-dir", cr.state)
	run("vault get", cmdutil.ExitOK, "vault", "get", "apiKey")
	cr.collect(t, "r.json", "i.json", "b.json", "y.json")
	for _, name := range []string{"r.json", "i.json", "y.json"} {
		texts[name+" bodies unzipped"] = gunzipBodies(t, texts[o(name)])
		texts[name+" wide bodies"] = wideBodies(t, texts[o(name)])
	}

	// The paths were taken.
	cli := texts["stdout newman layout"]
	for _, want := range []string{"gzip ***", "utf7 *** *** end", "<Buffer ***>", "Uint8Array", "cause", "from a timer", "landed",
		"cookie sid ***", "X-Amz-Security-Token", "→ oauth1", "ESOCKETTIMEDOUT", "multipart"} {
		assert.Contains(t, cli, want, "the cli shows %q", want)
	}
	assert.Contains(t, texts[o("r.json")], `"X-Amz-Security-Token"`)
	// A signature's own words and date are not masked on their own.
	assert.Regexp(t, `"X-Amz-Date":\["\d{8}T\d{6}Z"\]`, cli)

	for name, text := range texts {
		if d := os.Getenv("CANARY_DUMP"); d != "" {
			_ = os.WriteFile(filepath.Join(d, strings.NewReplacer("/", "_", " ", "_").Replace(name)), []byte(text), 0o600)
		}
		if leaks := s18Leaks(text); len(leaks) > 0 {
			i := max(strings.Index(strings.ToLower(text), strings.ToLower(leaks[0])), strings.Index(text, leaks[0]))
			t.Errorf("%s leaks %d pieces, such as %q in %q", name, len(leaks), leaks[0], text[max(0, i-120):min(len(text), i+60)])
		}
	}
}

// TestSecretsThroughSession18PathsNeverShowKeyring is the audit's run
// with the vault secret in the real OS keyring (a Secret Service: CI
// starts gnome-keyring under dbus-run-session) instead of a
// COURIER_VAULT_ variable: every reporter, --verbose, the exports, and
// "courier vault get" and "vault list". Without a Secret Service it
// skips, or fails when COURIER_REQUIRE_KEYRING=1.
func TestSecretsThroughSession18PathsNeverShowKeyring(t *testing.T) {
	const name = "courier-s18-audit-key"
	realKeyring(t, map[string]string{name: canaryVault})
	srv := httptest.NewServer(http.HandlerFunc(s18Server))
	t.Cleanup(srv.Close)
	cr, args := s18Run(t, srv.URL, name)
	setEnv(cr.ios, map[string]string{"COURIER_VAULT_APIKEY": ""}) // the keyring's, not the environment's
	o := func(f string) string { return filepath.Join(cr.out, f) }
	cr.run("newman layout", cmdutil.ExitFailures, append(args, "-r", "cli,json,junit,html", "--verbose",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"),
		"--export-environment", o("env.json"), "--export-globals", o("g.json"), "--export-collection", o("c.json"),
		"--export-cookie-jar", o("jar.json"))...)
	cr.run("vault get", cmdutil.ExitOK, "vault", "get", name)
	cr.run("vault list", cmdutil.ExitOK, "vault", "list")
	cr.collect(t, "r.json")
	cr.texts["r.json bodies unzipped"] = gunzipBodies(t, cr.texts[o("r.json")])
	assert.Contains(t, cr.texts["stdout newman layout"], "utf7 *** *** end", "the keyring's secret was sent and masked")
	assert.Contains(t, cr.texts["stdout vault list"], name)
	for n, text := range cr.texts {
		if leaks := s18Leaks(text); len(leaks) > 0 {
			t.Errorf("%s leaks %d pieces, such as %q", n, len(leaks), leaks[0])
		}
	}
}

// s18Server answers the audit's requests: it echoes what it got in the
// forms each route names.
func s18Server(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	echo, _ := json.Marshal(map[string]any{"headers": r.Header, "url": r.URL.String(), "body": string(body)})
	env, vlt := r.Header.Get("X-Env"), r.Header.Get("X-Vault")
	switch r.URL.Path {
	case "/gzip", "/deflate":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", strings.TrimPrefix(r.URL.Path, "/"))
		var zw io.WriteCloser = gzip.NewWriter(w)
		if r.URL.Path == "/deflate" {
			zw = zlib.NewWriter(w)
		}
		_, _ = zw.Write(echo)
		_ = zw.Close()
	case "/gzip-cut": // gzip without its trailer: the data inflates, the check fails
		var zb bytes.Buffer
		zw := gzip.NewWriter(&zb)
		_, _ = zw.Write(echo)
		_ = zw.Close()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(zb.Bytes()[:zb.Len()-8])
	case "/utf7":
		w.Header().Set("Content-Type", "text/plain; charset=utf-7")
		_, _ = w.Write(utf7SetD("utf7 " + vlt + " " + env + " end"))
	case "/raw": // the secret first, so Node's Buffer inspection shows it
		_, _ = w.Write([]byte(env + vlt))
	case "/cookie":
		w.Header().Add("Set-Cookie", "sid="+url.QueryEscape(env)+"; Path=/")
		w.Header().Add("Set-Cookie", "vid="+url.PathEscape(vlt)+"; Path=/")
		_, _ = w.Write([]byte("{}"))
	case "/redirect":
		w.Header().Set("Location", "/landed/"+url.PathEscape(env)+"?v="+url.QueryEscape(vlt))
		w.WriteHeader(http.StatusFound)
	case "/redirect-userinfo":
		u := *r.URL
		u.Scheme, u.Host, u.Path, u.User = "http", r.Host, "/landed", url.UserPassword("u", env)
		w.Header().Set("Location", u.String())
		w.WriteHeader(http.StatusFound)
	case "/slow": // until the client gives up; 5 s is a hang guard only
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	default:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(echo)
	}
}

// s18Run writes the audit's collection, environment, globals and data
// file and returns the run and the arguments every run shares.
func s18Run(t *testing.T, base, vaultName string) (*canaryRun, []string) {
	t.Helper()
	ref := "{{vault:" + vaultName + "}}"
	v, e := "await pm.vault.get('"+vaultName+"')", "pm.environment.get('envKey')"
	hdr := []any{map[string]any{"key": "X-Vault", "value": ref}, map[string]any{"key": "X-Env", "value": "{{envKey}}"},
		map[string]any{"key": "X-Glob", "value": "{{globKey}}"}, map[string]any{"key": "X-Coll", "value": "{{collKey}}"},
		map[string]any{"key": "X-Data", "value": "{{tok}}"}, map[string]any{"key": "X-Env2", "value": "{{envKey2}}"},
		map[string]any{"key": "X-Glob2", "value": "{{globKey2}}"}}
	req := func(path string, extra map[string]any) map[string]any {
		r := map[string]any{"method": "POST", "url": base + path, "header": hdr}
		for k, x := range extra {
			r[k] = x
		}
		return r
	}
	logs := []string{
		"console.log(pm.response.text());",
		"pm.test(pm.info.requestName + ' ' + pm.response.text(), () => pm.expect(1).to.eql(2));",
	}
	items := []any{
		scriptedItem("gzip", req("/gzip", nil), nil, []string{
			"console.log('gzip ' + pm.response.json().headers['X-Env'], pm.response.headers.get('Content-Encoding'));",
			"pm.test('gzip ' + pm.response.text(), () => pm.expect(1).to.eql(2));"}),
		scriptedItem("deflate", req("/deflate", nil), nil, logs),
		scriptedItem("gzip cut short", req("/gzip-cut", nil), nil, logs),
		scriptedItem("utf7", req("/utf7", nil), nil, logs),
		scriptedItem("buffers", req("/raw", nil), []string{
			"const v = " + v + ";",
			"console.log(Buffer.from(v), Buffer.from(" + e + "), new Uint8Array(2));",
			"console.log({b: Buffer.from(pm.globals.get('globKey'))}, [Buffer.from(pm.collectionVariables.get('collKey'))]);",
		}, []string{
			"console.log(pm.response.stream, pm.response.stream.subarray(0, 30));",
			"console.log({buf: pm.response.stream.subarray(0, 25)});",
			"pm.test('json of a secret', () => pm.response.json());",
			"pm.test('JSON.parse of a secret', () => JSON.parse(pm.response.text()));",
			"pm.test('JSON.parse of a secret later', () => JSON.parse('{\"a\": ' + pm.response.text()));",
		}),
		scriptedItem("errors", req("/get", nil), []string{
			"const v = " + v + ";",
			"console.log(new Error('cause', {cause: v}), new AggregateError([new Error(" + e + ")], 'agg'));",
			"const err = new Error('with fields'); err.detail = v; err.code = " + e + "; console.error(err);",
			"setTimeout(() => { throw new Error('from a timer ' + v); }, 0);",
		}, []string{
			"const v = " + v + ";",
			"Promise.reject(new Error('rejected ' + " + e + "));",
			"pm.test('length', () => pm.expect(v).to.have.lengthOf(3));",
			"pm.test('match', () => pm.expect(" + e + ").to.match(/^x/));",
			"pm.test('keys', () => pm.expect({[v]: 1}).to.have.key('x'));",
			"pm.test('oneOf', () => pm.expect(v).to.be.oneOf([" + e + ", pm.globals.get('globKey')]));",
			// A chai assertion that escapes the script: the reports carry
			// its actual and expected as Newman's do.
			"pm.expect({v, n: 1}).to.eql({v: " + e + ", n: 2});",
		}),
		scriptedItem("names", req("/get", nil), []string{
			"const v = " + v + ";",
			"pm.environment.set(v, 'a value under a secret name');",
			"pm.globals.set(" + e + ", 'x'); pm.collectionVariables.set('cv', v); pm.collectionVariables.set('cg', pm.globals.get('globKey'));",
			"pm.variables.set('local', v);",
			"pm.request.headers.add({key: 'X-Local', value: pm.variables.get('local')});",
		}, []string{"console.log(pm.environment.toObject(), pm.globals.toObject(), pm.collectionVariables.toObject());"}),
		scriptedItem("cookies", req("/cookie", nil), nil, []string{
			"console.log(pm.cookies.toObject(), pm.cookies.get('sid'), pm.response.headers.all());",
			"pm.test('cookie sid ' + pm.cookies.get('sid'), () => pm.expect(1).to.eql(2));"}),
		scriptedItem("redirect", req("/redirect", nil), nil, logs),
		scriptedItem("redirect userinfo", req("/redirect-userinfo", nil), nil, logs),
		scriptedItem("multipart", req("/multipart", map[string]any{"body": map[string]any{"mode": "formdata", "formdata": []any{
			map[string]any{"key": "{{envKey}}", "value": ref, "type": "text"},
			map[string]any{"key": "k", "value": "{{globKey}}", "type": "text", "contentType": "text/plain; charset=utf-8"},
		}}}), nil, []string{"console.log('multipart ' + pm.response.json().body);"}),
		scriptedItem("aws", req("/aws", map[string]any{"auth": map[string]any{"type": "awsv4", "awsv4": []any{
			map[string]any{"key": "accessKey", "value": "{{collKey}}"}, map[string]any{"key": "secretKey", "value": ref},
			map[string]any{"key": "sessionToken", "value": "{{envKey}}"}, map[string]any{"key": "region", "value": "eu-west-1"},
			map[string]any{"key": "service", "value": "execute-api"}}}}), nil, logs),
		scriptedItem("oauth1", req("/oauth1", map[string]any{"auth": map[string]any{"type": "oauth1", "oauth1": []any{
			map[string]any{"key": "consumerKey", "value": "{{globKey}}"}, map[string]any{"key": "consumerSecret", "value": ref},
			map[string]any{"key": "token", "value": "{{envKey}}"}, map[string]any{"key": "tokenSecret", "value": "{{collKey}}"},
			map[string]any{"key": "signatureMethod", "value": "HMAC-SHA1"}, map[string]any{"key": "addParamsToHeader", "value": true}}}}), nil, logs),
		scriptedItem("secret header name", req("/get", nil), []string{
			"pm.request.headers.add({key: " + e + ", value: 'x'});"}, nil),
		scriptedItem("times out", req("/slow?k={{envKey}}", nil), nil, nil),
	}
	items[len(items)-1].(map[string]any)["request"].(map[string]any)["url"] = base + "/slow?k={{envKey}}"
	own := []any{map[string]any{"key": "fv", "value": canaryFolder, "type": "secret"}}
	inner := scriptedItem("own variables", req("/get", nil), nil, nil)
	inner["variable"] = own
	items = append(items, map[string]any{"name": "folder with variables", "variable": own, "item": []any{inner}})
	coll := map[string]any{"info": map[string]any{"name": "audit18"}, "item": items,
		"variable": []any{map[string]any{"key": "collKey", "value": canaryColl, "type": "secret"}}}
	cr := newCanaryRun(t, coll, map[string]any{"name": "audit18", "values": []any{
		map[string]any{"key": "envKey", "value": "overridden by --env-var", "type": "secret", "enabled": true},
		map[string]any{"key": "envKey2", "value": canaryEnv, "type": "secret", "enabled": true},
	}})
	dir := filepath.Dir(cr.coll)
	globals := writeJSON(t, dir, "globals.json", map[string]any{"name": "g", "values": []any{
		map[string]any{"key": "globKey", "value": "overridden by --global-var", "type": "secret", "enabled": true},
		map[string]any{"key": "globKey2", "value": canaryGlobal, "type": "secret", "enabled": true},
	}})
	data := writeJSON(t, dir, "data.json", []any{map[string]any{"tok": ref}})
	// --timeout-request is a hang guard for every request but /slow, which
	// waits for the client to give up (ESOCKETTIMEDOUT): the others took up
	// to 82 ms at load 23, and at 300 ms a load spike timed one out.
	return cr, []string{"run", cr.coll, "-e", cr.env, "-g", globals, "-d", data, "--color", "off", "--vault-scripts",
		"--state-dir", cr.state, "--timeout-request", "2000",
		"--env-var", "envKey=" + canaryCLIEnv, "--global-var", "globKey=" + canaryCLIGlob}
}

func writeJSON(t *testing.T, dir, name string, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return writeFile(t, dir, name, string(b))
}

// gunzipBodies reads every Buffer in a JSON report that is gzip data as
// its decompressed bytes, one a line.
func gunzipBodies(t *testing.T, report string) string {
	t.Helper()
	var sb strings.Builder
	for _, raw := range reportBuffers(t, report) {
		if zr, err := gzip.NewReader(bytes.NewReader(raw)); err == nil {
			b, _ := io.ReadAll(zr) // what inflates before an error too
			sb.Write(b)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// s18Leaks returns the 12-character pieces of every canary found in text
// in canaryLeaks' forms and in those a Buffer, a typed array, hex, base64
// or UTF-7 give it.
func s18Leaks(text string) []string {
	leaks := canaryLeaks(text)
	lower := strings.ToLower(text)
	for _, s := range s18Secrets {
		var forms []string
		j, _ := json.Marshal(s)
		forms = append(forms, s, string(j[1:len(j)-1]), url.QueryEscape(s), hex.EncodeToString([]byte(s)))
		var spaced, dec []string
		for _, c := range []byte(s) {
			spaced = append(spaced, fmt.Sprintf("%02x", c))
			dec = append(dec, fmt.Sprint(c))
		}
		for _, f := range forms {
			for i := 0; i+12 <= len(f); i++ {
				if strings.Contains(lower, strings.ToLower(f[i:i+12])) {
					leaks = append(leaks, f[i:i+12])
				}
			}
		}
		// Byte lists: eight bytes a piece (four match words like "Glob").
		for _, bs := range [][]string{spaced, dec} {
			for _, sep := range []string{" ", ", ", ","} {
				for i := 0; i+8 <= len(bs); i++ {
					if p := strings.Join(bs[i:i+8], sep); strings.Contains(lower, p) {
						leaks = append(leaks, p)
					}
				}
			}
		}
		// Case matters in base64 and UTF-7: three offsets of the secret,
		// so one of them lines up with the text's base64 groups.
		for off := range 3 {
			for _, f := range []string{base64.StdEncoding.EncodeToString([]byte(s[off:])), base64.RawURLEncoding.EncodeToString([]byte(s[off:])),
				string(utf7.Encode(s[off:], false)), string(utf7SetD(s[off:]))} {
				for i := 0; i+16 <= len(f)-4; i += 4 {
					if strings.Contains(text, f[i:i+16]) {
						leaks = append(leaks, f[i:i+16])
					}
				}
			}
		}
	}
	return leaks
}

// utf7SetD writes text as UTF-7 the way iconv-lite's encoder does: only
// RFC 2152's set D, space, tab, CR and LF direct, everything else
// (quotes, "<", "&", "%"...) shifted.
func utf7SetD(text string) []byte {
	var out []byte
	var run []rune
	flush := func() {
		if len(run) > 0 {
			var u []byte
			for _, c := range utf16.Encode(run) {
				u = binary.BigEndian.AppendUint16(u, c)
			}
			out = append(append(append(out, '+'), base64.RawStdEncoding.EncodeToString(u)...), '-')
			run = run[:0]
		}
	}
	for _, c := range text {
		if c < 0x80 && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("'(),-./:? \t\r\n", c)) {
			flush()
			out = append(out, byte(c))
			continue
		}
		run = append(run, c)
	}
	flush()
	return out
}
