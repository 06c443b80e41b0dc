package root

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestSecretsThroughThisSessionsPathsNeverShow plants the canaries in the
// paths values took in session 15: an NTLM handshake whose user name comes
// from the vault and whose password and domain are secrets (the negotiate
// and authenticate messages in the Authorization header, the auth's
// ntlmHeader/state parameters scripts and reports see, the echo server
// reading the messages back); a logged object's getter that returns a
// secret (console serialisation now prints a getter's value); the per-script
// top-level this holding a secret. It checks every reporter, --verbose and
// the exports, for the JSON collection and its v12 YAML conversion.
func TestSecretsThroughThisSessionsPathsNeverShow(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	ntlmAuth := map[string]any{"type": "ntlm", "ntlm": []any{
		map[string]any{"key": "username", "value": "{{vault:apiKey}}"},
		map[string]any{"key": "password", "value": "{{envKey}}"},
		map[string]any{"key": "domain", "value": "{{envKey}}"},
		map[string]any{"key": "workstation", "value": "ws"},
	}}
	test := []string{
		"const o = pm.request.auth.parameters().toObject();",
		"console.log(JSON.stringify(pm.request.auth.toJSON()), o, pm.request.headers.toJSON(), pm.response.text());",
		"pm.test('ntlm ' + pm.response.code + ' ' + JSON.stringify(o) + pm.request.headers.get('Authorization'), () => pm.expect(1).to.eql(2));",
	}
	// The echo server checks the answer against ?password=.
	password := []string{"pm.request.url.query.add({key: 'password', value: encodeURIComponent(pm.environment.get('envKey'))});"}
	item := func(name, url string, auth map[string]any, pre, test []string) map[string]any {
		req := map[string]any{"method": "GET", "url": url}
		if auth != nil {
			req["auth"] = auth
		}
		return scriptedItem(name, req, pre, test)
	}
	coll := map[string]any{"info": map[string]any{"name": "audit15"}, "item": []any{
		item("ntlm v2", base+"/ntlm", ntlmAuth, password, test),
		item("ntlm v1 oem", base+"/ntlm?mode=oem", ntlmAuth, password, test),
		item("ntlm negotiate read back", base+"/ntlm?stop=negotiate", ntlmAuth, nil, test),
		item("ntlm broken challenge", base+"/ntlm?stop=badchallenge", ntlmAuth, nil, test),
		item("getters and this", base+"/get", nil, []string{
			"const v = await pm.vault.get('apiKey');",
			"this.kept = v; this.env = pm.environment.get('envKey');",
			"console.log({get s() { return pm.environment.get('envKey'); }, get v() { return v; }, set w(x) {}}, this);",
			"console.info([{get deep() { return {v}; }}]);",
		}, []string{
			"pm.test('this ' + JSON.stringify(this), () => pm.expect(1).to.eql(2));",
		}),
	}}
	cr := newCanaryRun(t, coll, map[string]any{"name": "audit15", "values": []any{
		map[string]any{"key": "envKey", "value": canaryEnv, "type": "secret", "enabled": true},
	}})
	collPath, envPath, out, state, texts, run := cr.coll, cr.env, cr.out, cr.state, cr.texts, cr.run
	dir := filepath.Dir(collPath)
	o := func(name string) string { return filepath.Join(out, name) }
	args := []string{"run", collPath, "-e", envPath, "--color", "off", "--vault-scripts", "--state-dir", state}
	run("newman layout", cmdutil.ExitFailures, append(args, "-r", "cli,json,junit,html", "--verbose",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"),
		"--export-environment", o("env.json"), "--export-collection", o("c.json"))...)
	run("progress", cmdutil.ExitFailures, append(args, "-r", "progress")...)
	// --bail's AssertionFailure names the failed tests (whose names carry
	// the secret) in the failures and, with folder, in the run's error.
	run("bail", cmdutil.ExitFailures, append(args, "--bail", "failure,folder", "-r", "cli,json",
		"--reporter-json-export", o("bail.json"))...)
	require.Contains(t, texts["stderr bail"], "error: ", "the run's error, which the secret check below reads")
	run("item layout", cmdutil.ExitFailures, append(args, "-r", "json", "--reporter-json-executions", "item",
		"--reporter-json-export", o("i.json"))...)
	v3 := filepath.Join(dir, "v3")
	run("convert collection", cmdutil.ExitOK, "convert", collPath, v3)
	run("v12 yaml", cmdutil.ExitFailures, "run", v3, "-e", envPath, "--color", "off", "--vault-scripts",
		"--state-dir", state, "-r", "cli,json", "--verbose", "--reporter-json-export", o("y.json"),
		"--export-collection", o("v3"))
	cr.collect(t, "r.json", "i.json", "y.json")

	// The paths were taken: the handshake succeeded (the echo server
	// checked the answer against the password), the broken challenge
	// warned, the getters and this were printed.
	cli := texts["stdout newman layout"]
	assert.Contains(t, cli, "ntlm 200 ", "the NTLM handshake succeeded")
	assert.Contains(t, cli, "there was an error validating auth", "the broken challenge warned")
	assert.Contains(t, cli, `"authenticated":true`, "the echo server read the answer back")
	assert.Contains(t, cli, "kept: `***`", "this was printed")
	assert.Contains(t, texts["stdout v12 yaml"], "ntlm 200 ", "the v12 run's handshake succeeded")

	// NTLM messages are base64: read each one courier wrote, as OEM and
	// as UTF-16 text, so a user name or domain inside shows.
	messages := 0
	for name, text := range texts {
		for _, m := range regexp.MustCompile(`NTLM ([A-Za-z0-9+/]{20,}=*)`).FindAllStringSubmatch(text, -1) {
			raw, err := base64.StdEncoding.DecodeString(m[1])
			if err != nil {
				continue
			}
			messages++
			units := make([]uint16, len(raw)/2)
			for i := range units {
				units[i] = binary.LittleEndian.Uint16(raw[2*i:])
			}
			texts[name+" ntlm message"] += string(raw) + "\n" + string(utf16.Decode(units)) + "\n"
			if len(raw) > 1 {
				for i := range units[:len(raw)/2-1] {
					units[i] = binary.LittleEndian.Uint16(raw[2*i+1:])
				}
				texts[name+" ntlm message"] += string(utf16.Decode(units)) + "\n"
			}
		}
	}
	t.Logf("%d NTLM messages in the outputs", messages)

	for name, text := range texts {
		if leaks := canaryLeaks(text); len(leaks) > 0 {
			i := strings.Index(strings.ToLower(text), leaks[0])
			t.Errorf("%s leaks %d pieces, such as %q in %q", name, len(leaks), leaks[0], text[max(0, i-100):min(len(text), i+60)])
		}
	}
}

// canaryRun runs courier on a collection and environment written to a
// temporary directory, with the vault canary set, keeping each run's
// stdout and stderr in texts.
type canaryRun struct {
	coll, env, out, state string
	texts                 map[string]string
	run                   func(name string, want cmdutil.ExitCode, args ...string)
	ios                   *cmdutil.IOStreams // for more of the environment (setEnv)
}

func newCanaryRun(t *testing.T, coll, env any) *canaryRun {
	t.Helper()
	dir := t.TempDir()
	cb, err := json.Marshal(coll)
	require.NoError(t, err)
	eb, err := json.Marshal(env)
	require.NoError(t, err)
	ios, _, stdout, stderr := cmdutil.Test()
	c := &canaryRun{coll: writeFile(t, dir, "c.json", string(cb)), env: writeFile(t, dir, "env.json", string(eb)),
		out: filepath.Join(dir, "out"), texts: map[string]string{}, ios: ios}
	setEnv(ios, map[string]string{"COURIER_VAULT_APIKEY": canaryVault, "COURIER_VAULT_APIKEY__DOMAINS": "127.0.0.1"})
	require.NoError(t, os.MkdirAll(c.out, 0o755))
	c.state = ios.Env("COURIER_STATE_DIR")
	c.run = func(name string, want cmdutil.ExitCode, args ...string) {
		code := Execute(context.Background(), ios, args)
		require.Equal(t, want, code, "%s\nstdout:\n%s\nstderr:\n%s", name, stdout.String(), stderr.String())
		c.texts["stdout "+name], c.texts["stderr "+name] = stdout.String(), stderr.String()
		stdout.Reset()
		stderr.Reset()
	}
	return c
}

// everyOutput runs the collection (failing tests expected) through every
// output courier writes from a run: the cli, JSON (both layouts), JUnit and
// HTML reports with --verbose, the progress reporter, the environment and
// collection exports, the HTML page rendered from the JSON report and
// "env show", into out as r.json, i.json, r.xml, r.html, rendered.html,
// env.json and c.json. It returns the run's arguments for more runs.
func (c *canaryRun) everyOutput() []string {
	o := func(name string) string { return filepath.Join(c.out, name) }
	args := []string{"run", c.coll, "-e", c.env, "--color", "off", "--vault-scripts", "--state-dir", c.state, "--timeout-request", "5000"}
	c.run("newman layout", cmdutil.ExitFailures, append(args, "-r", "cli,json,junit,html", "--verbose",
		"--reporter-json-export", o("r.json"), "--reporter-junit-export", o("r.xml"), "--reporter-html-export", o("r.html"),
		"--export-environment", o("env.json"), "--export-collection", o("c.json"))...)
	c.run("progress", cmdutil.ExitFailures, append(args, "-r", "progress")...)
	c.run("item layout", cmdutil.ExitFailures, append(args, "-r", "json", "--reporter-json-executions", "item",
		"--reporter-json-export", o("i.json"))...)
	c.run("render html", cmdutil.ExitOK, "report", "html", o("r.json"), "-o", o("rendered.html"))
	c.run("env show", cmdutil.ExitOK, "env", "show", c.env, "--state-dir", c.state)
	return args
}

// collect adds every file the runs wrote under out to texts, and the
// bodies of the JSON reports named (Buffer byte arrays read back as
// bytes, so a secret in a body shows as text).
func (c *canaryRun) collect(t *testing.T, reports ...string) {
	t.Helper()
	require.NoError(t, filepath.WalkDir(c.out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			c.texts[p] = string(data)
		}
		return err
	}))
	for _, name := range reports {
		c.texts[name+" bodies"] = reportBodies(t, c.texts[filepath.Join(c.out, name)])
	}
}
