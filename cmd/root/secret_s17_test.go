package root

import (
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/encoding/charmap"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestSecretsThroughSession17PathsNeverShow plants the canaries in the
// paths session 17 added: bodies in UTF-16 and UTF-32 (either byte order,
// the JSON report keeps their bytes) and UTF-7, a kept-alive connection
// that hangs up, a TLS handshake with a server that speaks plain HTTP, a
// failed request's source in the report's failures, a failed
// pm.sendRequest as a JUnit request error, --env-var without '=', and
// --bail folder's stop. It checks every reporter and --verbose, and reads
// the JSON reports' body bytes back as UTF-16 and UTF-32 text.
func TestSecretsThroughSession17PathsNeverShow(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ := charmap.ISO8859_1.NewDecoder().String(r.Header.Get("X-Wide"))
		text := "k=" + got + " e=" + r.Header.Get("X-Env") + " end"
		var b []byte
		switch r.URL.Path {
		case "/utf16be":
			for _, u := range utf16.Encode([]rune(text)) {
				b = binary.BigEndian.AppendUint16(b, u)
			}
		case "/utf32":
			for _, c := range text {
				b = binary.LittleEndian.AppendUint32(b, uint32(c))
			}
		case "/utf32be":
			for _, c := range text {
				b = binary.BigEndian.AppendUint32(b, uint32(c))
			}
		case "/utf7": // every character shifted: "+<base64 of UTF-16BE>-"
			var u []byte
			for _, c := range utf16.Encode([]rune(text)) {
				u = binary.BigEndian.AppendUint16(u, c)
			}
			b = []byte("+" + base64.RawStdEncoding.EncodeToString(u) + "-")
		case "/hangup":
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
			return
		default:
			_, _ = w.Write([]byte(`{"ok":true}`))
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset="+strings.TrimPrefix(r.URL.Path, "/"))
		_, _ = w.Write(b)
	}))
	t.Cleanup(srv.Close)
	headers := []any{map[string]any{"key": "X-Wide", "value": "{{vault:wide}}"},
		map[string]any{"key": "X-Env", "value": "{{envKey}}"}}
	logAll := []string{
		"console.log(pm.response.text());",
		"pm.test('body ' + pm.response.text(), () => pm.expect(1).to.eql(2));",
	}
	req := func(url string) map[string]any {
		return map[string]any{"method": "POST", "url": url, "header": headers,
			"body": map[string]any{"mode": "raw", "raw": "{{envKey}}"}}
	}
	sendFail := []string{
		"pm.sendRequest({url: '" + srv.URL + "/hangup?k=' + pm.environment.get('envKey'), header: {'X-Env': pm.environment.get('envKey')}},",
		"  (err, res) => { console.log(String(err), err && err.message); pm.test('sent ' + err, () => { if (err) throw err; }); });",
		"pm.environment.set('bare', pm.environment.get('envKey'));",
	}
	var items []any
	for _, p := range []string{"/utf16be", "/utf32", "/utf32be", "/utf7"} {
		items = append(items, scriptedItem("body "+p, req(srv.URL+p), nil, logAll))
	}
	items = append(items,
		scriptedItem("send fails", req(srv.URL+"/get"), nil, sendFail),
		scriptedItem("tls", req(strings.Replace(srv.URL, "http:", "https:", 1)+"/tls/{{envKey}}"), nil, logAll),
		map[string]any{"name": "folder", "item": []any{
			scriptedItem("hangs up", req(srv.URL+"/hangup?k={{envKey}}"), nil, logAll),
			scriptedItem("after", req(srv.URL+"/after"), nil, logAll),
		}},
	)
	cr := newCanaryRun(t, map[string]any{"info": map[string]any{"name": "audit17"}, "item": items},
		map[string]any{"name": "audit17", "values": []any{
			map[string]any{"key": "envKey", "value": canaryEnv, "type": "secret", "enabled": true},
		}})
	out, texts, run := cr.out, cr.texts, cr.run
	o := func(name string) string { return filepath.Join(out, name) }
	setEnv(cr.ios, map[string]string{"COURIER_VAULT_WIDE": canaryWide, "COURIER_VAULT_WIDE__DOMAINS": "127.0.0.1"})
	args := []string{"run", cr.coll, "-e", cr.env, "--color", "off", "--vault-scripts", "--state-dir", cr.state,
		"--env-var", "bare", "--export-environment", o("env.json")}
	run("newman layout", cmdutil.ExitFailures, append(args, "-r", "cli,json,junit,html", "--verbose",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"))...)
	run("bail folder", cmdutil.ExitFailures, append(args, "-r", "cli,json,junit", "--bail", "folder",
		"--reporter-json-export", o("b.json"), "--reporter-junit-export", o("b.xml"))...)
	cr.collect(t, "r.json", "b.json")
	for _, name := range []string{"r.json", "b.json"} {
		texts[name+" wide bodies"] = wideBodies(t, texts[o(name)])
	}

	// The paths were taken.
	cli := texts["stdout newman layout"]
	for _, want := range []string{"body k=*** e=*** end", "socket hang up", "hangup?k=*** [errored]", "EPROTO"} {
		assert.Contains(t, cli, want)
	}
	assert.Contains(t, texts[o("r.xml")], "RequestError")
	assert.Contains(t, texts["r.json wide bodies"], "k=*** e=*** end", "a wide body's bytes, masked in their form")
	assert.NotContains(t, texts["stdout bail folder"], "after", "--bail folder stopped in the folder")

	for name, text := range texts {
		leaks := append(canaryLeaks(text), wideLeaks(text)...)
		if len(leaks) > 0 {
			i := max(strings.Index(strings.ToLower(text), leaks[0]), strings.Index(text, leaks[0]))
			t.Errorf("%s leaks %d pieces, such as %q in %q", name, len(leaks), leaks[0], text[max(0, i-100):min(len(text), i+60)])
		}
	}
}

// wideBodies reads every Buffer in a JSON report as UTF-16 and UTF-32
// text in both byte orders, one body a line each way.
func wideBodies(t *testing.T, report string) string {
	t.Helper()
	var sb strings.Builder
	for _, raw := range reportBuffers(t, report) {
		for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			units := make([]uint16, len(raw)/2)
			for i := range units {
				units[i] = order.Uint16(raw[2*i:])
			}
			sb.WriteString(string(utf16.Decode(units)) + "\n")
			var runes []rune
			for i := 0; i+4 <= len(raw); i += 4 {
				runes = append(runes, rune(order.Uint32(raw[i:])))
			}
			sb.WriteString(string(runes) + "\n")
		}
	}
	return sb.String()
}
