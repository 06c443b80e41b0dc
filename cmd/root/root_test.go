package root

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

func execute(t *testing.T, args ...string) (cmdutil.ExitCode, string, string) {
	t.Helper()
	io, _, out, errOut := cmdutil.Test()
	code := Execute(context.Background(), io, args)
	return code, out.String(), errOut.String()
}

// setEnv gives ios an environment with vars in it; other names read as
// before (cmdutil.Test's own state directory).
func setEnv(ios *cmdutil.IOStreams, vars map[string]string) {
	base := ios.Env
	ios.Env = func(k string) string {
		if v, ok := vars[k]; ok {
			return v
		}
		return base(k)
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

const passing = `{"info":{"name":"cli test"},"item":[{"name":"ok","request":"{{baseUrl}}/get?x=1",
 "event":[{"listen":"test","script":{"exec":["pm.test('200', ()=>pm.response.to.have.status(200)); pm.environment.set('seen', pm.response.json().args.x)"]}}]}]}`

const failing = `{"info":{"name":"cli test"},"item":[{"name":"bad","request":"{{baseUrl}}/status/500",
 "event":[{"listen":"test","script":{"exec":["pm.test('200', ()=>pm.response.to.have.status(200))"]}}]}]}`

func TestExitCodes(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	ok := writeFile(t, dir, "ok.json", passing)
	bad := writeFile(t, dir, "bad.json", failing)
	malformed := writeFile(t, dir, "malformed.json", `{"info": {"name": "x"}, "item": [}`)
	tests := []struct {
		name   string
		args   []string
		want   cmdutil.ExitCode
		stderr string
		stdout string
	}{
		{"passing run", []string{"run", ok, "--env-var", "baseUrl=" + base}, cmdutil.ExitOK, "", "✓  200"},
		{"failing test", []string{"run", bad, "--env-var", "baseUrl=" + base}, cmdutil.ExitFailures, "", "1. 200"},
		{"failing test with -x", []string{"run", bad, "--env-var", "baseUrl=" + base, "-x"}, cmdutil.ExitOK, "", ""},
		{"missing collection", []string{"run", filepath.Join(dir, "nope.json")}, cmdutil.ExitInput, "nope.json", ""},
		{"malformed collection", []string{"run", malformed}, cmdutil.ExitInput, "line 1, column 34: invalid character '}'", ""},
		{"unknown flag", []string{"run", ok, "--no-such-flag"}, cmdutil.ExitUsage, "unknown flag", ""},
		{"no collection", []string{"run"}, cmdutil.ExitUsage, "expected a collection", ""},
		{"unknown reporter", []string{"run", ok, "-r", "teamcity"}, cmdutil.ExitUsage, `unknown reporter "teamcity"`, ""},
		{"unknown folder", []string{"run", ok, "--folder", "nope", "--env-var", "baseUrl=" + base}, cmdutil.ExitInput, "nope", ""},
		// Newman prints its help and exits 0 on a number it cannot read: a
		// CI job would pass without running; courier exits 2.
		{"-n abc", []string{"run", ok, "-n", "abc"}, cmdutil.ExitUsage, `invalid argument "abc" for "-n, --iteration-count" flag: the value must be an integer`, ""},
		{"--timeout-request 1.5", []string{"run", ok, "--timeout-request", "1.5"}, cmdutil.ExitUsage, `"1.5" for "--timeout-request" flag`, ""},
		{"-n 010 is ten, as Newman reads it", []string{"run", ok, "--env-var", "baseUrl=" + base, "-n", "010"}, cmdutil.ExitOK, "", "Iteration 10/10\n"},
		// Newman runs without bailing when --bail's word is no mode it
		// knows; courier refuses the typo.
		{"--bail with a mistyped mode", []string{"run", ok, "--bail", "fialure"}, cmdutil.ExitUsage, `--bail takes failure, folder or both (failure,folder), not "fialure"`, ""},
		{"--bail with one mode mistyped", []string{"run", "--bail", "failure,fodler", ok}, cmdutil.ExitUsage, `not "failure,fodler"`, ""},
		// Newman takes only positive integers ("The value must be a
		// positive integer."); courier reads 0 ms as none / no limit.
		{"-n 0", []string{"run", ok, "-n", "0"}, cmdutil.ExitUsage, "--iteration-count must be a positive integer, not 0", ""},
		{"negative --timeout", []string{"run", ok, "--timeout", "-5"}, cmdutil.ExitUsage, "--timeout must be 0 or more milliseconds, not -5", ""},
		{"negative --delay-request", []string{"run", ok, "--delay-request=-1"}, cmdutil.ExitUsage, "--delay-request must be 0 or more", ""},
		{"negative --timeout-script", []string{"run", ok, "--timeout-script=-1"}, cmdutil.ExitUsage, "--timeout-script must be 0 or more", ""},
		{"bad --color", []string{"run", ok, "--color", "sometimes"}, cmdutil.ExitUsage, "--color", ""},
		{"version", []string{"--version"}, cmdutil.ExitOK, "", "courier "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := execute(t, tt.args...)
			assert.Equal(t, tt.want, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
			if tt.stderr != "" {
				assert.Contains(t, errOut, tt.stderr)
			}
			if tt.stdout != "" {
				assert.Contains(t, out, tt.stdout)
			}
			assert.NotContains(t, errOut, "panic")
		})
	}
}

// TestFlagVarWithoutValue: --env-var and --global-var given a key without
// "=" set the variable to undefined, as Newman 6.2.2 does (its CLI takes
// the whole text as the key and postman-collection's set(key, undefined)):
// the variable exists and reads back undefined, and {{key}} sends "". A
// declared string variable casts it to "undefined". The scripts pass under
// Newman 6.2.2 with the same flags (run under unshare -n).
func TestFlagVarWithoutValue(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"v"},"item":[{"name":"r","request":"`+base+`/get?a={{k}}&g={{gk}}",
 "event":[{"listen":"test","script":{"exec":[
 "pm.test('env', ()=>{ pm.expect(pm.environment.has('k')).to.equal(true); pm.expect(pm.environment.get('k')).to.equal(undefined); pm.expect(Object.keys(pm.environment.toObject())).to.deep.equal(['s', 'k']); });",
 "pm.test('globals', ()=>{ pm.expect(pm.globals.has('gk')).to.equal(true); pm.expect(pm.globals.get('gk')).to.equal(undefined); });",
 "pm.test('sent', ()=>pm.expect(pm.response.json().args).to.deep.equal({a: '', g: ''}));",
 "pm.test('replaced', ()=>pm.expect(pm.variables.replaceIn('x{{k}}y')).to.equal('xy'));",
 "pm.test('declared', ()=>pm.expect(pm.environment.get('s')).to.equal('undefined'));"]}}]}]}`)
	env := writeFile(t, dir, "e.json", `{"name":"e","values":[{"key":"s","value":"text","type":"string"}]}`)
	code, out, errOut := execute(t, "run", coll, "-e", env, "--env-var", "k", "--env-var", "s", "--global-var", "gk", "--color", "off")
	assert.Equal(t, cmdutil.ExitOK, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	for _, name := range []string{"env", "globals", "sent", "replaced", "declared"} {
		assert.Contains(t, out, "✓  "+name)
	}
}

// TestFlagVarEmptyKeyAsNewman: --env-var =v and --global-var =v make a
// variable named "" that {{}} and get("") read, and an empty --env-var one that
// is undefined, as Newman 6.2.2 does (these scripts pass under it with the
// same flags, run under unshare -n). courier warns, naming the flag but
// never the value.
func TestFlagVarEmptyKeyAsNewman(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"v"},"item":[{"name":"r","request":"`+base+`/get?a={{}}",
 "event":[{"listen":"test","script":{"exec":[
 "pm.test('env', ()=>{ pm.expect(pm.environment.get('')).to.equal('s3cr3t=x'); pm.expect(pm.variables.replaceIn('a{{}}b')).to.equal('as3cr3t=xb'); });",
 "pm.test('globals', ()=>{ pm.expect(pm.globals.has('')).to.equal(true); pm.expect(pm.globals.get('')).to.equal('g'); });",
 "pm.test('sent', ()=>pm.expect(pm.response.json().args).to.deep.equal({a: 's3cr3t=x'}));"]}}]},
 {"name":"undefined","request":"`+base+`/get?a={{}}","event":[{"listen":"test","script":{"exec":[
 "pm.test('global undefined', ()=>{ pm.expect(pm.globals.has('')).to.equal(true); pm.expect(pm.globals.get('')).to.equal(undefined); });"]}}]}]}`)
	code, out, errOut := execute(t, "run", coll, "--folder", "r", "--env-var", "=s3cr3t=x", "--global-var", "=g", "--color", "off")
	assert.Equal(t, cmdutil.ExitOK, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	for _, name := range []string{"env", "globals", "sent"} {
		assert.Contains(t, out, "✓  "+name)
	}
	assert.Contains(t, errOut, `warning: --env-var with nothing before "=" sets a variable named "" ({{}} reads it)`)
	assert.Contains(t, errOut, `warning: --global-var with nothing before "="`)
	assert.NotContains(t, errOut, "s3cr3t")
	code, out, errOut = execute(t, "run", coll, "--folder", "undefined", "--global-var", "", "--color", "off")
	assert.Equal(t, cmdutil.ExitOK, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	assert.Contains(t, errOut, `warning: an empty --global-var sets an undefined variable named ""`)
	assert.Contains(t, out, "✓  global undefined")
}

func TestBailArgumentForms(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"b"},"item":[
	 {"name":"first","request":"{{baseUrl}}/get","event":[{"listen":"test","script":{"exec":"pm.test('fails', ()=>pm.expect(1).to.eql(2))"}}]},
	 {"name":"second","request":"{{baseUrl}}/get"}]}`)
	// --bail '' is a bare --bail (Newman reads it as no modifier and does
	// not bail: a mode that came out empty, "--bail \"$MODE\"").
	for _, form := range [][]string{{"--bail"}, {"--bail", "failure"}, {"--bail=failure"}, {"--bail", "folder,failure"}, {"--bail", ""}} {
		args := append([]string{"run", coll, "--env-var", "baseUrl=" + base}, form...)
		code, out, errOut := execute(t, args...)
		assert.Equal(t, cmdutil.ExitFailures, code, "%v: %s", form, errOut)
		assert.Contains(t, out, "first", form)
		assert.NotContains(t, out, "second", "%v: the run must stop after the failing item", form)
	}
}

func TestExportsAndReports(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "ok.json", passing)
	env := writeFile(t, dir, "env.json", `{"id":"env-1","name":"dev","values":[
	 {"key":"baseUrl","value":"`+base+`","enabled":true},
	 {"key":"token","value":"s3cr3t","type":"secret","enabled":true},
	 {"key":"off","value":"x","enabled":false}]}`)
	exportEnv := filepath.Join(dir, "out", "sub", "env.json") // directories are created, as Newman does
	jsonReport := filepath.Join(dir, "report.json")
	junit := filepath.Join(dir, "junit.xml")
	jar := filepath.Join(dir, "jar.json")
	code, out, errOut := execute(t, "run", coll, "-e", env, "-r", "cli,json,junit",
		"--reporter-json-export", jsonReport, "--reporter-junit-export", junit,
		"--export-environment", exportEnv, "--export-cookie-jar", jar, "--color", "off")
	require.Equal(t, cmdutil.ExitOK, code, out+errOut)
	assert.NotContains(t, out, "\x1b[", "--color off prints no escapes")

	var exported struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Values []struct {
			Key     string `json:"key"`
			Value   any    `json:"value"`
			Type    string `json:"type"`
			Enabled bool   `json:"enabled"`
		} `json:"values"`
	}
	data, err := os.ReadFile(exportEnv)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &exported))
	byKey := map[string]int{}
	for i, v := range exported.Values {
		byKey[v.Key] = i
	}
	assert.Equal(t, "env-1", exported.ID, "the export keeps the environment's id")
	assert.Equal(t, "dev", exported.Name, "and its name")
	require.Contains(t, byKey, "seen")
	assert.Equal(t, "1", exported.Values[byKey["seen"]].Value)
	assert.Equal(t, "secret", exported.Values[byKey["token"]].Type, "type is kept")
	assert.False(t, exported.Values[byKey["off"]].Enabled, "enabled:false is kept")

	var report struct {
		Run struct {
			Stats struct {
				Assertions struct{ Total, Failed int } `json:"assertions"`
			} `json:"stats"`
		} `json:"run"`
	}
	data, err = os.ReadFile(jsonReport)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &report))
	assert.Equal(t, 1, report.Run.Stats.Assertions.Total)
	x, err := os.ReadFile(junit)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(x), "<?xml"), string(x))
	_, err = os.Stat(jar)
	assert.NoError(t, err)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".tmp"), "no temp files left: %s", e.Name())
	}
}

func TestLocalEchoExample(t *testing.T) {
	t.Parallel()
	code, out, errOut := execute(t, "run", "../../testdata/examples/echo.postman_collection.json", "--local-echo", "--color", "off")
	assert.Equal(t, cmdutil.ExitOK, code, out+errOut)
	assert.Contains(t, out, "courier quickstart")
	assert.NotContains(t, out, "✗")
}

// --parallel runs the quickstart's iterations on two workers: the output
// is the sequential run's, and the summary says it was parallel.
func TestLocalEchoParallel(t *testing.T) {
	t.Parallel()
	code, out, errOut := execute(t, "run", "../../testdata/examples/echo.postman_collection.json", "--local-echo", "--color", "off", "-n", "3", "--parallel", "2")
	assert.Equal(t, cmdutil.ExitOK, code, out+errOut)
	assert.Contains(t, out, "parallel: 2 workers")
	assert.Equal(t, 3, strings.Count(out, "Iteration "), out)
	assert.Less(t, strings.Index(out, "Iteration 1/3"), strings.Index(out, "Iteration 2/3"))
	assert.Less(t, strings.Index(out, "Iteration 2/3"), strings.Index(out, "Iteration 3/3"))
	code, _, errOut = execute(t, "run", "../../testdata/examples/echo.postman_collection.json", "--parallel", "-1")
	assert.Equal(t, cmdutil.ExitUsage, code)
	assert.Contains(t, errOut, "--parallel takes a number of workers")
}

// TestREADMEFirstCommand runs what the README's first line runs: two
// PingOne tutorials against the built-in PingOne, the second using what the
// first stored.
func TestREADMEFirstCommand(t *testing.T) {
	t.Parallel()
	code, out, errOut := execute(t, "run",
		"../../testdata/pingone/create-your-test-environment.postman_collection.json",
		"../../testdata/pingone/simple-sso.postman_collection.json",
		"--local-pingone", "--color", "off")
	require.Equal(t, cmdutil.ExitOK, code, out+errOut)
	assert.Contains(t, out, "Step 5: Set the user password")
	assert.Contains(t, out, "Step 1: Create a web application")
	assert.NotContains(t, out, "AssertionError")
	assert.Contains(t, errOut, "local PingOne at http://127.0.0.1:")
	assert.NotContains(t, out+errOut, "adminAppSecret=", "the seeded secret is never printed")
}

// TestLocalPingOneChainsAcrossRuns: the README's tutorials split over
// separate "courier run --local-pingone" invocations chain, as they would
// against a real PingOne: the local tenant and the run's current values
// are kept in the state dir. --reset-local-pingone starts over, so the same
// second run then fails with PingOne's 401s.
func TestLocalPingOneChainsAcrossRuns(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	run := func(collection string, extra ...string) (cmdutil.ExitCode, string) {
		args := append([]string{"run", "../../testdata/pingone/" + collection + ".postman_collection.json",
			"--local-pingone", "--state-dir", state, "--color", "off"}, extra...)
		code, out, errOut := execute(t, args...)
		return code, out + errOut
	}
	code, out := run("create-your-test-environment")
	require.Equal(t, cmdutil.ExitOK, code, out)
	code, out = run("simple-sso")
	require.Equal(t, cmdutil.ExitOK, code, out)
	assert.Contains(t, out, "starting from", "the second run says it continues from stored values")
	code, out = run("configure-a-simple-login")
	assert.Equal(t, cmdutil.ExitOK, code, out)

	code, out = run("simple-sso", "--reset-local-pingone")
	assert.Equal(t, cmdutil.ExitFailures, code, out)
	assert.Contains(t, out, "401")

	code, out = execute2(t, "run", "../../testdata/pingone/simple-sso.postman_collection.json", "--reset-local-pingone")
	assert.Equal(t, cmdutil.ExitUsage, code, out)
	assert.Contains(t, out, "add --local-pingone")
}

// TestLocalPingOneRoutesPingOneHosts: with --local-pingone a collection
// that hard-codes PingOne's hosts (any region) runs unchanged against the
// local PingOne, over TLS this run trusts, and the run says which hosts it
// routed.
func TestLocalPingOneRoutesPingOneHosts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	coll := writeFile(t, dir, "hardcoded.json", `{"info":{"name":"hard-coded hosts"},"item":[
 {"name":"token","request":{"method":"POST","url":"https://auth.pingone.com/{{adminEnvID}}/as/token",
  "auth":{"type":"basic","basic":[{"key":"username","value":"{{adminAppID}}"},{"key":"password","value":"{{adminAppSecret}}"}]},
  "body":{"mode":"urlencoded","urlencoded":[{"key":"grant_type","value":"client_credentials"}]}},
  "event":[{"listen":"test","script":{"exec":["pm.test('token', ()=>pm.response.to.have.status(200)); pm.collectionVariables.set('tok', pm.response.json().access_token)"]}}]},
 {"name":"environments (EU host)","request":{"method":"GET","url":"https://api.pingone.eu/v1/environments",
  "header":[{"key":"Authorization","value":"Bearer {{tok}}"}]},
  "event":[{"listen":"test","script":{"exec":["pm.test('listed', ()=>{ pm.response.to.have.status(200); pm.expect(pm.response.json()._embedded.environments.length).to.be.above(0); pm.expect(pm.response.json()._links.self.href).to.include('https://api.pingone.eu/v1') })"]}}]}]}`)
	code, out := execute2(t, "run", coll, "--local-pingone", "--color", "off")
	require.Equal(t, cmdutil.ExitOK, code, out)
	assert.Contains(t, out, "requests to api.pingone.eu, auth.pingone.com went to the local PingOne")
	assert.NotContains(t, out, "✗")
}

func execute2(t *testing.T, args ...string) (cmdutil.ExitCode, string) {
	t.Helper()
	code, out, errOut := execute(t, args...)
	return code, out + errOut
}

func TestSeveralCollectionsRefuseOneExportPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ok := writeFile(t, dir, "ok.json", passing)
	code, _, errOut := execute(t, "run", ok, ok, "-r", "json", "--reporter-json-export", filepath.Join(dir, "r.json"))
	assert.Equal(t, cmdutil.ExitUsage, code)
	assert.Contains(t, errOut, "run one collection at a time")
}

// TestRunInPostmanLink runs what a "Run in Postman" button links to: the
// collection comes from a (fake, local) Postman API with the key in a
// header, the environment from the link's fragment.
func TestRunInPostmanLink(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	const uid = "12345678-4e4e5063-6ad7-4895-805e-ada77358488c"
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != "pmak-test-key" {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error":{"name":"AuthenticationError","message":"Invalid API Key."}}`))
			return
		}
		if r.URL.Path != "/collections/"+uid {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(`{"collection":` + passing + `}`))
	}))
	t.Cleanup(api.Close)
	env := base64.StdEncoding.EncodeToString([]byte(`[{"key":"baseUrl","value":"` + base + `","enabled":true}]`))
	link := "https://god.gw.postman.com/run-collection/" + uid + "#?env%5BLinked%5D=" + env

	code, out, errOut := execute(t, "run", link, "--postman-api-base", api.URL, "--postman-api-key", "pmak-test-key", "--color", "off")
	require.Equal(t, cmdutil.ExitOK, code, out+errOut)
	assert.Contains(t, out, "✓  200")
	assert.NotContains(t, out+errOut, "pmak-test-key")

	code, out, errOut = execute(t, "run", link, "--postman-api-base", api.URL, "--postman-api-key", "wrong-key")
	assert.Equal(t, cmdutil.ExitInput, code, out+errOut)
	assert.Contains(t, errOut, "Invalid API Key")
	assert.NotContains(t, out+errOut, "wrong-key")
}

// TestBadInputAndRunawayScripts: each problem gets a clear message naming
// the file or item, the right exit code, and no panic.
func TestBadInputAndRunawayScripts(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	runaway := writeFile(t, dir, "loop.json", `{"info":{"name":"loop"},"item":[
	 {"name":"spins","request":"{{baseUrl}}/get","event":[{"listen":"test","script":{"exec":"while(true){}"}}]},
	 {"name":"after","request":"{{baseUrl}}/get","event":[{"listen":"test","script":{"exec":"pm.test('still runs', ()=>{})"}}]}]}`)
	notColl := writeFile(t, dir, "env-as-coll.json", `{"name":"e","values":[{"key":"a","value":"b"}]}`)
	badEnv := writeFile(t, dir, "bad.env.json", `{"values": [{"key": "a", "value": "b"},]}`)
	badData := writeFile(t, dir, "data.json", `[{"a": 1}, oops]`)
	ok := writeFile(t, dir, "ok.json", passing)
	tests := []struct {
		name   string
		args   []string
		code   cmdutil.ExitCode
		stderr string
		stdout string
	}{
		// The next item's request shows the run went on; its script would
		// have to end within the same 200 ms, which a loaded machine need
		// not give it.
		{"runaway script is stopped, the run goes on", []string{"run", runaway, "--timeout-script", "200", "--env-var", "baseUrl=" + base, "--color", "off"},
			cmdutil.ExitFailures, "", "→ after"},
		{"an environment given as the collection", []string{"run", notColl}, cmdutil.ExitInput, "-e", ""},
		{"malformed environment", []string{"run", ok, "-e", badEnv}, cmdutil.ExitInput, "bad.env.json", ""},
		{"malformed data file", []string{"run", ok, "-d", badData}, cmdutil.ExitInput, "data.json", ""},
		{"unreachable host", []string{"run", ok, "--env-var", "baseUrl=http://127.0.0.1:1", "--color", "off"}, cmdutil.ExitFailures, "", "ECONNREFUSED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := execute(t, tt.args...)
			assert.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
			assert.Contains(t, errOut, tt.stderr)
			assert.Contains(t, out, tt.stdout)
			assert.NotContains(t, out+errOut, "panic")
			assert.NotContains(t, out+errOut, "goroutine ")
		})
	}
}

func TestIsRun(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"run", "c.json"}, true},
		{[]string{"--no-color", "run", "c.json"}, true},
		{[]string{"report", "html", "run"}, false},
		{[]string{"version"}, false},
		{[]string{"-h"}, false},
		{nil, false},
	} {
		if got := isRun(c.args); got != c.want {
			t.Errorf("isRun(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
