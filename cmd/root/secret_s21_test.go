package root

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// Secrets of session 21's audit: one beyond ASCII that a host name
// carries (punycoded on the wire), one with a "/" (a cookie path).
const (
	s21Host = "Ünï-çødé-Sëcrét-7Qž"
	s21Path = "EnvCurr/Hb3?Nd8#Qf5&Vs1=Yg7"
	s21Cyr  = "Пароль-Секрет-Ж2024"
	s21JP   = "秘密のパスワード鍵9"
)

// s21Charsets are the charsets s21Server's /recode answers in, with the
// secret each can write.
var s21Charsets = map[string]string{"windows-1251": s21Cyr, "koi8-r": s21Cyr, "ibm866": s21Cyr, "shift_jis": s21JP, "gbk": s21JP}

// TestSecretsThroughSession21PathsNeverShow is session 21's audit from
// outside: a secret beyond ASCII in a host name, as a label of its own and
// inside one ("app-{{secret}}"), goes out punycoded ("xn--…": the request
// line, the reports' host labels, getaddrinfo's error); console.log of an
// object or array with a string longer than 10,000 characters prints the
// secret cut by Node's inspect, its quote closed before the ellipsis
// ('…EnvCurr/Hb'... 66 more characters); a server sets a cookie whose path
// is a secret it was sent, and the cookie jar is exported. Before the
// fixes: the punycoded label in every output (35 times in a JSON report),
// 10 characters of the cut secret in cli, JSON, JUnit and HTML, and the
// secret in the exported jar's "path"; escape() of the secret beyond
// ASCII (%DCn%EF-…7Q%u017E) in cli, JSON, JUnit and HTML; a response body
// in a legacy charset (windows-1251, KOI8-R, IBM866, Shift_JIS, GBK) that
// echoes a secret kept it in that charset's bytes in the JSON reports. A type: secret variable whose value
// in the file is a number or an object (a PIN written as a number) was read
// as an ordinary typed value and shown everywhere.
func TestSecretsThroughSession21PathsNeverShow(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(s21Server))
	t.Cleanup(srv.Close)
	items := []any{
		scriptedItem("host label", "http://{{hostKey}}.invalid/x", nil, nil),
		scriptedItem("inside a host label", "http://app-{{hostKey}}.invalid/x", nil, nil),
		scriptedItem("cut by inspect", srv.URL+"/get", []string{
			"const e = pm.environment.get('pathKey'), h = pm.environment.get('hostKey');",
			"console.log({long: 'x'.repeat(9990) + e}, ['y'.repeat(9995) + e], new Map([['k', 'z'.repeat(9992) + h]]));",
			"console.log(escape(h), escape('a' + e));",
		}, []string{"console.log(String(pm.request.url.host));"}),
		scriptedItem("typed secrets", map[string]any{"method": "GET", "url": srv.URL + "/get?pin={{pinKey}}",
			"header": []any{map[string]any{"key": "X-Obj", "value": "{{objKey}}"}}}, nil,
			[]string{"console.log(pm.environment.get('pinKey'), pm.environment.get('objKey'), pm.environment.toObject());"}),
		scriptedItem("cookie path", map[string]any{"method": "GET", "url": srv.URL + "/cookie-path",
			"header": []any{map[string]any{"key": "X-Path", "value": "{{pathKey}}"}}}, nil, nil),
	}
	for cs, secret := range s21Charsets {
		key := map[string]string{s21Cyr: "cyrKey", s21JP: "jpKey"}[secret]
		items = append(items, scriptedItem("recode "+cs, srv.URL+"/recode?cs="+cs+"&v={{"+key+"}}", nil,
			[]string{"console.log(pm.response.text());"}))
	}
	cr := newCanaryRun(t, map[string]any{"info": map[string]any{"name": "audit21"}, "item": items}, map[string]any{"name": "audit21", "values": []any{
		map[string]any{"key": "hostKey", "value": s21Host, "type": "secret", "enabled": true},
		map[string]any{"key": "pathKey", "value": s21Path, "type": "secret", "enabled": true},
		map[string]any{"key": "cyrKey", "value": s21Cyr, "type": "secret", "enabled": true},
		map[string]any{"key": "jpKey", "value": s21JP, "type": "secret", "enabled": true},
		map[string]any{"key": "pinKey", "value": 48151623, "type": "secret", "enabled": true},
		map[string]any{"key": "objKey", "value": map[string]any{"p": "Obj-Hidden-9Xq"}, "type": "secret", "enabled": true},
	}})
	o := func(name string) string { return filepath.Join(cr.out, name) }
	args := cr.everyOutput()
	cr.run("cookie jar", cmdutil.ExitFailures, append(args, "-r", "json", "--reporter-json-export", o("j.json"),
		"--export-cookie-jar", o("jar.json"))...)
	v3 := filepath.Join(filepath.Dir(cr.coll), "v3")
	cr.run("convert", cmdutil.ExitOK, "convert", cr.coll, v3)
	cr.run("v12 yaml", cmdutil.ExitFailures, append(append([]string{"run", v3}, args[2:]...), "-r", "cli,json", "--verbose",
		"--reporter-json-export", o("y.json"))...)
	cr.collect(t, "r.json", "i.json", "y.json")
	assert.Contains(t, cr.texts["stdout newman layout"], "more characters", "the console printed the cut strings")
	assert.Contains(t, cr.texts[o("jar.json")], `"key": "kept"`, "the cookie without a secret is exported")
	assert.Contains(t, cr.texts["stderr cookie jar"], "cookie d", "the note names the cookie left out")
	for cs, secret := range s21Charsets {
		enc, err := htmlindex.Get(cs)
		require.NoError(t, err)
		raw, err := enc.NewEncoder().String(secret)
		require.NoError(t, err)
		for _, name := range []string{"r.json", "i.json", "y.json"} {
			assert.False(t, strings.Contains(cr.texts[name+" bodies"], raw), "%s holds the secret in %s", name, cs)
		}
	}
	for name, text := range cr.texts {
		if d := os.Getenv("CANARY_DUMP"); d != "" {
			_ = os.WriteFile(filepath.Join(d, strings.NewReplacer("/", "_", " ", "_").Replace(name)), []byte(text), 0o600)
		}
		plain := boxOrBreak.ReplaceAllString(text, "")
		for _, p := range []string{"xn--", "EnvCurr", "Hb3?Nd8", "Ünï-çø", "n-d-scrt", "48151623", "Obj-Hidden", "%DCn", "%u017E", s21Cyr, s21JP} {
			assert.NotContains(t, plain, p, "%s holds a form or a piece of a secret", name)
		}
	}
}

// s21Server answers /recode with the query's v in the charset cs names
// (as a server that stores text in a legacy charset echoes it), /cookie-path with a cookie whose path is the X-Path
// header it was sent and one without a secret; everything else as
// s18Server does.
func s21Server(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/recode" {
		cs := r.URL.Query().Get("cs")
		enc, err := htmlindex.Get(cs)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body, err := enc.NewEncoder().String("value: " + r.URL.Query().Get("v") + " end")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset="+cs)
		_, _ = w.Write([]byte(body))
		return
	}
	if r.URL.Path != "/cookie-path" {
		s18Server(w, r)
		return
	}
	w.Header().Add("Set-Cookie", "d=1; Path=/"+r.Header.Get("X-Path"))
	w.Header().Add("Set-Cookie", "kept=1; Path=/")
	_, _ = w.Write([]byte("ok"))
}

// TestSecretsThroughSession21PathsNeverShowKeyring: the secret beyond
// ASCII comes from the real OS keyring (a Secret Service; CI runs
// gnome-keyring under dbus-run-session) as {{vault:NAME}}: in a host label
// of its own and inside one, and printed through escape() and Node's
// inspect cut by a script granted --vault-scripts. Without a Secret
// Service it skips, or fails when COURIER_REQUIRE_KEYRING=1.
func TestSecretsThroughSession21PathsNeverShowKeyring(t *testing.T) {
	const name = "courier-s21-host"
	realKeyring(t, map[string]string{name: s21Host})
	items := []any{
		scriptedItem("host label", "http://{{vault:"+name+"}}.invalid/x", nil, nil),
		scriptedItem("inside a host label", "http://app-{{vault:"+name+"}}.invalid/x", nil, nil),
		scriptedItem("printed", "http://{{vault:"+name+"}}.invalid/y", []string{
			"const h = await pm.vault.get('" + name + "');",
			"console.log(escape(h), {long: 'x'.repeat(9990) + h});",
		}, nil),
	}
	cr := newCanaryRun(t, map[string]any{"info": map[string]any{"name": "audit21k"}, "item": items},
		map[string]any{"name": "audit21k", "values": []any{}})
	o := func(f string) string { return filepath.Join(cr.out, f) }
	cr.run("keyring", cmdutil.ExitFailures, "run", cr.coll, "-e", cr.env, "--color", "off", "--vault-scripts",
		"--state-dir", cr.state, "-r", "cli,json,junit", "--verbose", "--reporter-json-export", o("r.json"),
		"--reporter-junit-export", o("r.xml"))
	cr.collect(t)
	assert.Contains(t, cr.texts["stdout keyring"], "more characters", "the script printed the cut string")
	for n, text := range cr.texts {
		for _, p := range []string{"xn--", "n-d-scrt", "%DCn", "%u017E", "Ünï-çø", "Sëcrét"} {
			assert.NotContains(t, boxOrBreak.ReplaceAllString(text, ""), p, "%s holds a form or a piece of the keyring's secret", n)
		}
	}
}
