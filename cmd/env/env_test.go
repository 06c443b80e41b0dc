package env

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const (
	fixtures = "../../testdata/envstore"
	// A JWT-shaped token and a password: neither may ever be printed.
	jwt      = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjb3VyaWVyIn0.c2lnbmF0dXJlLXNlY3JldA"
	password = "hunter2-canary-7f3a"
)

type result struct {
	out, err string
	code     error
}

// env runs "courier env" with args against stateDir.
func env(t *testing.T, stateDir, stdin string, args ...string) result {
	t.Helper()
	io, in, out, errOut := cmdutil.Test()
	in.WriteString(stdin)
	cmd := NewCmdEnv(io)
	cmd.SetArgs(append([]string{"--state-dir", stateDir}, args...))
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	_, err := cmd.ExecuteC()
	r := result{out: out.String(), err: errOut.String(), code: err}
	for _, secret := range []string{jwt, password} {
		assert.NotContains(t, r.out, secret, "a secret on stdout")
		assert.NotContains(t, r.err, secret, "a secret on stderr")
		if err != nil {
			assert.NotContains(t, err.Error(), secret, "a secret in an error")
		}
	}
	return r
}

func mustOK(t *testing.T, r result) result {
	t.Helper()
	require.NoError(t, r.code, "stdout: %s\nstderr: %s", r.out, r.err)
	return r
}

// copyFixture copies a fixture into a temp dir, since set --initial edits it.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join(fixtures, "golden", name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(got), 0o644))
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), got)
}

func exitCode(err error) cmdutil.ExitCode {
	var ee *cmdutil.ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) {
		return cmdutil.ExitUsage
	}
	return -1
}

func TestShowGolden(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	envFile := copyFixture(t, "tutorial.postman_environment.json")
	mustOK(t, env(t, state, "", "set", envFile, "envID", "env-1"))
	mustOK(t, env(t, state, "", "set", envFile, "tld", ""))
	mustOK(t, env(t, state, "", "set", envFile, "apiPath", "https://api.example.{{tld}}/v2"))
	mustOK(t, env(t, state, jwt+"\n", "set", envFile, "accessToken", "-"))
	mustOK(t, env(t, state, password, "set", envFile, "adminAppSecret", "-"))
	mustOK(t, env(t, state, "", "unset", envFile, "region"))
	r := mustOK(t, env(t, state, "", "show", envFile, "--collection", filepath.Join(fixtures, "tutorial.postman_collection.json"), "--resolved"))
	got := strings.NewReplacer(state, "$STATE", envFile, "$ENV").Replace(r.out)
	golden(t, "show_tutorial", got)
	assert.Empty(t, r.err)

	// The file itself never changed.
	orig, _ := os.ReadFile(filepath.Join(fixtures, "tutorial.postman_environment.json"))
	now, _ := os.ReadFile(envFile)
	assert.Equal(t, string(orig), string(now))

	// --folder narrows the needs.
	r = mustOK(t, env(t, state, "", "show", envFile, "-c", filepath.Join(fixtures, "tutorial.postman_collection.json"), "--folder", "Get app"))
	assert.Contains(t, r.out, "{{tld}} has an initial value but its current value was emptied")
	assert.NotContains(t, r.out, "{{adminAppID}}")
}

func TestShowPingOne(t *testing.T) {
	t.Parallel()
	corpus := "../../../shared/corpus"
	for name, path := range map[string]string{
		"show_pingone_2025": filepath.Join("..", "..", "testdata", "pingone", "environment-template.json"),
		"show_pingone_2020": filepath.Join(corpus, "pingidentity__pingone-postman-template", "PingOne Postman Environment Template.postman_environment.json"),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := os.Stat(path); err != nil && strings.Contains(name, "2020") {
				testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
			}
			state := t.TempDir()
			if strings.Contains(name, "2020") {
				// The 2020 template leaves everything empty: fill in what the
				// 2025 template ships, as current values.
				mustOK(t, env(t, state, "", "set", path, "tld", "com"))
				mustOK(t, env(t, state, "", "set", path, "apiPath", "https://api.pingone.{{tld}}/v1"))
			}
			r := mustOK(t, env(t, state, "", "show", path, "--resolved", "--width", "0"))
			assert.Regexp(t, `(?m)^apiPath\s+default\s+\S*\s+https://api\.pingone\.\{\{tld\}\}/v1\s+(local\s+)?https://api\.pingone\.com/v1$`, r.out)
			abs, err := filepath.Abs(corpus)
			require.NoError(t, err)
			td, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
			require.NoError(t, err)
			got := strings.NewReplacer(state, "$STATE", abs, "$CORPUS", corpus, "$CORPUS", td, "$TESTDATA", "../../testdata", "$TESTDATA").Replace(r.out)
			// A path-keyed store's file name hashes the machine's path.
			got = regexp.MustCompile(`environments/[0-9a-f]{24}\.json`).ReplaceAllString(got, "environments/<hash>.json")
			golden(t, name, got)
		})
	}
}

func readEnv(t *testing.T, path string) *environments.File {
	t.Helper()
	f, err := environments.LoadFile(path)
	require.NoError(t, err)
	return f
}

func valueOf(f *environments.File, key string) (environments.Variable, bool) {
	for _, v := range f.Values {
		if v.Key == key {
			return v, true
		}
	}
	return environments.Variable{}, false
}

// A secret typed into an initial value is refused, loudly, unless forced;
// a vault reference is welcome.
func TestSetInitialSecrets(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args     []string
		stdin    string
		wantErr  string
		wantWarn string
		wantType string
	}{
		"--secret is refused": {
			args: []string{"adminAppSecret", "-", "--initial", "--secret"}, stdin: password,
			wantErr: "not writing adminAppSecret into",
		},
		"a type secret variable is refused": {
			args: []string{"adminAppSecret", "-", "--initial"}, stdin: password,
			wantErr: "it is a secret (type secret)",
		},
		"a JWT is refused": {
			args: []string{"envID", jwt, "--initial"}, wantErr: "it looks like a JWT",
		},
		"a credential name is refused": {
			args: []string{"clientPassword", "-", "--initial"}, stdin: password, wantErr: "its name (clientPassword) suggests a secret",
		},
		"--force writes it with a warning": {
			args: []string{"adminAppSecret", "-", "--initial", "--secret", "--force"}, stdin: password,
			wantWarn: "WARNING: adminAppSecret's initial value", wantType: "secret",
		},
		"a vault reference is fine": {
			args: []string{"adminAppSecret", "{{vault:pingone-admin}}", "--initial", "--secret"}, wantType: "secret",
		},
		"a plain value is fine": {
			args: []string{"adminAppID", "app-123", "--initial"}, wantType: "default",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			envFile := copyFixture(t, "tutorial.postman_environment.json")
			before, _ := os.ReadFile(envFile)
			r := env(t, t.TempDir(), tc.stdin, append([]string{"set", envFile}, tc.args...)...)
			after, _ := os.ReadFile(envFile)
			if tc.wantErr != "" {
				require.Error(t, r.code)
				assert.Contains(t, r.code.Error(), tc.wantErr)
				assert.Contains(t, r.code.Error(), "courier vault set")
				assert.Equal(t, cmdutil.ExitUsage, exitCode(r.code))
				assert.Equal(t, string(before), string(after), "the file is untouched")
				return
			}
			mustOK(t, r)
			if tc.wantWarn != "" {
				assert.Contains(t, r.err, tc.wantWarn)
			}
			v, ok := valueOf(readEnv(t, envFile), tc.args[0])
			require.True(t, ok)
			assert.Equal(t, tc.wantType, v.Type)
		})
	}
}

// A resolved vault value never reaches the file, even with --force.
func TestSetInitialVaultResolved(t *testing.T) {
	t.Parallel()
	envFile := copyFixture(t, "tutorial.postman_environment.json")
	io, in, _, _ := cmdutil.Test()
	in.WriteString("x-" + password)
	cmd := NewCmdEnv(io)
	opts := &Options{IO: io, StateDir: t.TempDir(), SecretCheck: func(v string) bool { return strings.Contains(v, password) }}
	set := newCmdSet(opts, nil)
	set.SetArgs([]string{envFile, "region", "-", "--initial", "--force"})
	set.SilenceErrors, set.SilenceUsage = true, true
	err := set.Execute()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "resolved from the vault")
	assert.NotContains(t, err.Error(), "--force")
	_ = cmd
}

func TestSetCurrent(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	envFile := copyFixture(t, "tutorial.postman_environment.json")
	before, _ := os.ReadFile(envFile)

	r := mustOK(t, env(t, state, "", "set", envFile, "tld", ""))
	assert.Contains(t, r.err, "warning: tld's current value is now empty while its initial value is not")
	r = mustOK(t, env(t, state, "", "set", envFile, "newVar", "x"))
	assert.Contains(t, r.err, "newVar is not in")
	r = mustOK(t, env(t, state, "", "set", envFile, "legacy", "x"))
	assert.Contains(t, r.err, "legacy is disabled")

	after, _ := os.ReadFile(envFile)
	assert.Equal(t, string(before), string(after), "current values never touch the file")
	cur, err := environments.OpenStore(state).Load(readEnv(t, envFile))
	require.NoError(t, err)
	assert.Equal(t, 3, cur.Len())
	assert.True(t, cur.Emptied(readEnv(t, envFile), "tld"))

	// The store honours COURIER_STATE_DIR when there is no flag.
	io, _, _, _ := cmdutil.Test()
	io.Env = func(k string) string {
		if k == "COURIER_STATE_DIR" {
			return state
		}
		return ""
	}
	st, err := StoreFor(io, "")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(state, "environments"), st.Dir)
}

func TestUnsetResetPersist(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	envFile := copyFixture(t, "tutorial.postman_environment.json")
	st := environments.OpenStore(state)
	load := func() *environments.Current {
		c, err := st.Load(readEnv(t, envFile))
		require.NoError(t, err)
		return c
	}

	mustOK(t, env(t, state, "", "unset", envFile, "region", "tld"))
	e, _ := load().Get("region")
	assert.True(t, e.Unset)
	r := mustOK(t, env(t, state, "", "reset", envFile, "region"))
	assert.Contains(t, r.out, "Reset 1 current value")
	_, ok := load().Get("region")
	assert.False(t, ok)

	mustOK(t, env(t, state, "", "set", envFile, "envID", "env-42"))
	mustOK(t, env(t, state, "", "set", envFile, "appName", "demo"))
	mustOK(t, env(t, state, jwt, "set", envFile, "accessToken", "-"))
	mustOK(t, env(t, state, password, "set", envFile, "adminAppSecret", "-"))
	// Persisting everything writes what may be shared and keeps the rest as
	// current values: a success, with one block of advice per value kept.
	r = env(t, state, "", "persist", envFile)
	require.NoError(t, r.code, "refusing secrets is what persist is for")
	assert.Contains(t, r.out, "Persisted appName, envID into")
	golden(t, "persist_refused", strings.ReplaceAll(r.err, envFile, "$ENV"))
	// Naming a key that cannot be persisted fails, saying so once.
	r = env(t, state, "", "persist", envFile, "accessToken")
	assert.Equal(t, cmdutil.ExitFailures, exitCode(r.code))
	golden(t, "persist_named_refused", strings.ReplaceAll(r.err+"error: "+r.code.Error()+"\n", envFile, "$ENV"))

	f := readEnv(t, envFile)
	v, _ := valueOf(f, "envID")
	assert.Equal(t, "env-42", v.Value)
	v, _ = valueOf(f, "appName")
	assert.Equal(t, environments.Variable{Key: "appName", Value: "demo", Type: "default"}, v)
	v, _ = valueOf(f, "adminAppSecret")
	assert.Equal(t, "", v.Value, "the secret stayed out of the file")
	raw, _ := os.ReadFile(envFile)
	assert.NotContains(t, string(raw), password)
	assert.NotContains(t, string(raw), jwt)
	cur := load()
	_, ok = cur.Get("envID")
	assert.False(t, ok, "a persisted value now follows the initial value")
	_, ok = cur.Get("adminAppSecret")
	assert.True(t, ok)

	// --force persists a credential-looking value, never a type secret.
	r = env(t, state, "", "persist", envFile, "accessToken", "adminAppSecret", "--force")
	require.Error(t, r.code)
	assert.Contains(t, r.out, "Persisted accessToken")
	assert.Contains(t, r.err, "adminAppSecret: a secret")

	// Reset all; unset --initial deletes from the file.
	mustOK(t, env(t, state, "", "reset", envFile))
	assert.Equal(t, 0, load().Len())
	mustOK(t, env(t, state, "", "unset", envFile, "legacy", "--initial"))
	_, ok = valueOf(readEnv(t, envFile), "legacy")
	assert.False(t, ok)
	r = env(t, state, "", "unset", envFile, "nope", "--initial")
	assert.Equal(t, cmdutil.ExitInput, exitCode(r.code))
}

func TestExport(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	envFile := copyFixture(t, "tutorial.postman_environment.json")
	mustOK(t, env(t, state, "", "set", envFile, "envID", "env-7"))
	mustOK(t, env(t, state, password, "set", envFile, "adminAppSecret", "-"))
	mustOK(t, env(t, state, jwt, "set", envFile, "accessToken", "-"))
	mustOK(t, env(t, state, "", "set", envFile, "adminAppID", "{{vault:admin-app}}"))
	mustOK(t, env(t, state, "", "unset", envFile, "region"))
	dir := t.TempDir()

	initial := filepath.Join(dir, "initial.json")
	mustOK(t, env(t, state, "", "export", envFile, initial))
	f := readEnv(t, initial)
	v, _ := valueOf(f, "envID")
	assert.Equal(t, "", v.Value, "an export holds initial values, as Postman's does")
	v, _ = valueOf(f, "adminAppSecret")
	assert.Equal(t, "secret", v.Type, "type survives")
	v, _ = valueOf(f, "legacy")
	assert.True(t, v.Disabled, "enabled survives")

	withCur := filepath.Join(dir, "current.json")
	r := mustOK(t, env(t, state, "", "export", envFile, withCur, "--with-current"))
	assert.Contains(t, r.err, "adminAppSecret")
	raw, err := os.ReadFile(withCur)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), password)
	assert.NotContains(t, string(raw), jwt)
	f = readEnv(t, withCur)
	v, _ = valueOf(f, "envID")
	assert.Equal(t, "env-7", v.Value)
	v, _ = valueOf(f, "adminAppID")
	assert.Equal(t, "{{vault:admin-app}}", v.Value, "vault references are exported as references")
	_, ok := valueOf(f, "region")
	assert.False(t, ok, "unset for this user")
	_, ok = valueOf(f, "accessToken")
	assert.False(t, ok, "a local-only secret is left out")
	fi, _ := os.Stat(withCur)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

	r = env(t, state, "", "export", envFile, envFile)
	assert.Equal(t, cmdutil.ExitUsage, exitCode(r.code))
}

func TestList(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	dir := t.TempDir()
	envFile := filepath.Join(dir, "a.postman_environment.json")
	data, _ := os.ReadFile(filepath.Join(fixtures, "tutorial.postman_environment.json"))
	require.NoError(t, os.WriteFile(envFile, data, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.json"), []byte(`[{"key":"k","value":"v"}]`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "coll.json"), []byte(`{"info":{"name":"c"},"item":[]}`), 0o644))

	r := mustOK(t, env(t, state, "", "list", "--dir", dir))
	assert.Contains(t, r.out, "No current values in")
	assert.Contains(t, r.out, "a.postman_environment.json (8 variables)")
	assert.Contains(t, r.out, "b.json (1 variables)")
	assert.NotContains(t, r.out, "coll.json")

	mustOK(t, env(t, state, "", "set", envFile, "envID", "e"))
	mustOK(t, env(t, state, "", "set", filepath.Join(dir, "b.json"), "k", "w"))
	require.NoError(t, os.Remove(filepath.Join(dir, "b.json")))
	r = mustOK(t, env(t, state, "", "list", "--dir", dir))
	assert.Regexp(t, `(?m)^Tutorial\s+1\s+\S+ \S+\s+id 5b0c0e4e-2f7a-4c59-9a39-envstore0001\s+`+regexpQuote(envFile)+`$`, r.out)
	assert.Regexp(t, `\(unnamed\)\s+1 .*path .*b\.json \(gone\)`, r.out)
	assert.NotContains(t, r.out, "with no current values")
}

func regexpQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `.`, `\.`, `(`, `\(`, `)`, `\)`, `+`, `\+`, `*`, `\*`, `?`, `\?`, `[`, `\[`, `]`, `\]`, `{`, `\{`, `}`, `\}`, `^`, `\^`, `$`, `\$`, `|`, `\|`)
	return r.Replace(s)
}

func TestArgs(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"show"}, {"set", "e.json", "k"}, {"unset", "e.json"}, {"export", "e.json"}, {"list", "x"}} {
		r := env(t, t.TempDir(), "", args...)
		assert.Equal(t, cmdutil.ExitUsage, exitCode(r.code), "%v", args)
	}
	r := env(t, t.TempDir(), "", "show", "/nonexistent/env.json")
	assert.Equal(t, cmdutil.ExitInput, exitCode(r.code))
}

// TestYAMLEnvironment: courier env works on a Postman v12 YAML environment;
// current values go to the store, --initial edits the file keeping its
// comments and quoting, and a secret's value is never printed.
func TestYAMLEnvironment(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	p := filepath.Join(t.TempDir(), "dev.environment.yaml")
	orig := "# team defaults\nname: Dev\nvalues:\n  - key: baseUrl\n    value: 'http://127.0.0.1:1' # local\n  - key: pw\n    value: ''\n    type: secret\n"
	require.NoError(t, os.WriteFile(p, []byte(orig), 0o644))

	mustOK(t, env(t, state, "", "set", p, "pw", password))
	b, _ := os.ReadFile(p)
	assert.Equal(t, orig, string(b), "a current value leaves the file alone")
	r := mustOK(t, env(t, state, "", "show", p))
	assert.Contains(t, r.out, "baseUrl")

	mustOK(t, env(t, state, "", "set", "--initial", p, "baseUrl", "http://127.0.0.1:2"))
	b, _ = os.ReadFile(p)
	assert.Equal(t, strings.Replace(orig, "127.0.0.1:1", "127.0.0.1:2", 1), string(b))
	f, err := environments.LoadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:2", f.Values[0].Value)
}

// TestExportLeavesSecretValuesOut: "env export" writes a type: secret
// value empty, as --export-environment and "courier convert" of an
// environment do (a {{vault:NAME}} reference stays), with or without
// --with-current, and says which: an export is a file to share. Before,
// it copied the file's initial secret values into the export.
func TestExportLeavesSecretValuesOut(t *testing.T) {
	t.Parallel()
	const secret = "EnvInit-Wq7Zr2Lp9Xk4Tm6"
	dir := t.TempDir()
	envFile := filepath.Join(dir, "e.json")
	require.NoError(t, os.WriteFile(envFile, []byte(`{"id":"x1","name":"e","values":[
		{"key":"sec","value":"`+secret+`","type":"secret","enabled":true},
		{"key":"ref","value":"{{vault:api}}","type":"secret","enabled":true},
		{"key":"plain","value":"p-1","type":"default","enabled":true}]}`), 0o600))
	state := t.TempDir()
	for _, flags := range [][]string{nil, {"--with-current"}} {
		out := filepath.Join(dir, "out.json")
		r := mustOK(t, env(t, state, "", append([]string{"export", envFile, out}, flags...)...))
		raw, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.NotContains(t, string(raw), "EnvInit", "flags %v", flags)
		assert.Contains(t, r.err, "sec", "the note names the value left out")
		f := readEnv(t, out)
		v, _ := valueOf(f, "sec")
		assert.Equal(t, "secret", v.Type)
		v, _ = valueOf(f, "ref")
		assert.Equal(t, "{{vault:api}}", v.Value, "a vault reference stays")
		v, _ = valueOf(f, "plain")
		assert.Equal(t, "p-1", v.Value)
	}
}

// TestShowMasksSecretsInOtherValues: "env show" masks a secret's value
// where another variable holds it (a current value the user set) or
// where --resolved substitutes it ({{token}} in a URL): before, only the
// secret's own row was masked, and the RESOLVED column printed the
// secret inside every value that referenced it.
func TestShowMasksSecretsInOtherValues(t *testing.T) {
	t.Parallel()
	const initial, current = "EnvInit-Wq7Zr2Lp9Xk4Tm6", "EnvCurr/Hb3?Nd8#Qf5&Vs1=Yg7"
	dir := t.TempDir()
	envFile := filepath.Join(dir, "e.json")
	require.NoError(t, os.WriteFile(envFile, []byte(`{"id":"x2","name":"e","values":[
		{"key":"sec","value":"`+initial+`","type":"secret","enabled":true},
		{"key":"cur","value":"","type":"secret","enabled":true},
		{"key":"url","value":"https://h/{{cur}}/{{sec}}","type":"default","enabled":true},
		{"key":"ref","value":"{{vault:api}}","type":"default","enabled":true}]}`), 0o600))
	state := t.TempDir()
	mustOK(t, env(t, state, "", "set", envFile, "cur", current))
	mustOK(t, env(t, state, "", "set", envFile, "copy", "x-"+current))
	r := mustOK(t, env(t, state, "", "show", envFile, "--resolved", "--width", "0"))
	for _, p := range []string{"EnvInit", "EnvCurr", "Hb3?Nd8"} {
		assert.NotContains(t, r.out, p)
	}
	assert.Contains(t, r.out, "https://h/***/***", "the resolved URL keeps what is not secret")
	assert.Contains(t, r.out, "x-***")
	assert.Contains(t, r.out, "{{vault:api}}", "a vault reference is shown as written")
}
