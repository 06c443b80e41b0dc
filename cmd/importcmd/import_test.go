package importcmd

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/vault"
)

var update = flag.Bool("update", false, "rewrite golden files")

const (
	pingUID = "18568624-4e4e5063-6ad7-4895-805e-ada77358488c"
	testKey = "PMAK-0123456789abcdef-fedcba9876543210ab"
)

var fixtures = filepath.Join("..", "..", "testdata", "runinpostman")

// fakeAPI serves the fixture collection for pingUID to requests carrying
// testKey in X-Api-Key, and answers as the Postman API does otherwise.
type fakeAPI struct {
	*httptest.Server
	mu   sync.Mutex
	hits int
}

func newFakeAPI(t *testing.T) *fakeAPI {
	t.Helper()
	coll, err := os.ReadFile(filepath.Join(fixtures, "collection.postman_collection.json"))
	require.NoError(t, err)
	f := &fakeAPI{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.hits++
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if strings.Contains(r.URL.RawQuery, testKey) {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"error":{"name":"test","message":"the key was sent in the URL"}}`)
			return
		}
		if r.Header.Get("X-Api-Key") != testKey {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"error":{"name":"AuthenticationError","message":"Invalid API Key. Every request requires a valid API Key to be sent."}}`)
			return
		}
		if r.Method != http.MethodGet || r.URL.Path != "/collections/"+pingUID {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error":{"name":"instanceNotFoundError","message":"We could not find the collection you are looking for"}}`)
			return
		}
		fmt.Fprintf(w, `{"collection": %s}`, coll)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAPI) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits
}

func realLink(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, "pingone-workflow-library-2025-04-17.link.md"))
	require.NoError(t, err)
	return strings.TrimSpace(string(b))
}

type result struct {
	out, errOut string
	err         error
}

// run executes "courier import <args>" with the given process environment
// and vault.
func run(t *testing.T, env map[string]string, store vault.Store, args ...string) result {
	t.Helper()
	ios, _, out, errOut := cmdutil.Test()
	base := ios.Env
	ios.Env = func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		return base(k)
	}
	cmd := NewCmdImport(ios, func(ctx context.Context, o *Options) error {
		o.Now = func() time.Time { return time.Date(2025, 4, 17, 12, 0, 0, 0, time.UTC) }
		o.VaultStore = func() vault.Store {
			if store == nil {
				t.Fatal("the vault was opened")
			}
			return store
		}
		return Run(ctx, o)
	})
	cmd.SetArgs(args[1:]) // args[0] is "import", the command itself
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	_, err := cmd.ExecuteContextC(context.Background())
	return result{out.String(), errOut.String(), err}
}

func exitCode(err error) cmdutil.ExitCode { return cmdutil.ExitCodeOf(err) }

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(fixtures, name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), got)
}

func TestImport_RealPingOneLink(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t)
	dir := filepath.Join(t.TempDir(), "pingone")
	r := run(t, nil, nil, "import", realLink(t), "--dir", dir, "--postman-api-key", testKey, "--postman-api-base", api.URL)
	require.NoError(t, r.err)
	assert.Empty(t, r.errOut)
	golden(t, "import-pingone", strings.ReplaceAll(r.out, dir, "$DIR"))

	// The collection is written as served (every field kept), tab-indented.
	collPath := filepath.Join(dir, "Link Fixture_ Get a Token.postman_collection.json")
	got, err := os.ReadFile(collPath)
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join(fixtures, "collection.postman_collection.json"))
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
	assert.Contains(t, string(got), "\n\t\"info\": {")
	c, err := collections.LoadFile(collPath)
	require.NoError(t, err)
	assert.Equal(t, "Link Fixture: Get a Token", c.Info.Name)

	envPath := filepath.Join(dir, "PingOne Workflow Library Template (release_ 2025-04-17).postman_environment.json")
	env, err := environments.LoadFile(envPath)
	require.NoError(t, err)
	assert.Equal(t, "PingOne Workflow Library Template (release: 2025-04-17)", env.Name)
	assert.Equal(t, "environment", env.VariableScope)
	require.Len(t, env.Values, 7)
	assert.Equal(t, environments.Variable{Key: "authPath", Value: "https://auth.pingone.{{tld}}", Type: "default"}, env.Values[1])
	assert.Equal(t, time.Date(2025, 4, 17, 12, 0, 0, 0, time.UTC), env.ExportedAt)
	st, err := os.Stat(envPath)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())

	// The "next" command it prints runs as printed.
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	assert.Equal(t, []string{"courier", "run", collPath, "-e", envPath}, shellWords(t, lines[len(lines)-1]))

	for _, s := range []string{r.out, r.errOut} {
		assert.NotContains(t, s, testKey)
	}
}

func TestImport_Overwrite(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t)
	dir := t.TempDir()
	args := []string{"import", realLink(t), "--dir", dir, "--postman-api-key", testKey, "--postman-api-base", api.URL}
	require.NoError(t, run(t, nil, nil, args...).err)
	envPath := filepath.Join(dir, "PingOne Workflow Library Template (release_ 2025-04-17).postman_environment.json")
	require.NoError(t, os.WriteFile(envPath, []byte("edited"), 0o600))

	r := run(t, nil, nil, args...)
	require.Error(t, r.err)
	assert.Equal(t, cmdutil.ExitInput, exitCode(r.err))
	assert.Contains(t, r.err.Error(), "already exists: pass --force")
	assert.Contains(t, r.err.Error(), "Link Fixture_ Get a Token.postman_collection.json")
	assert.Empty(t, r.out)
	b, _ := os.ReadFile(envPath)
	assert.Equal(t, "edited", string(b), "nothing is written when any file exists")

	require.NoError(t, run(t, nil, nil, append(args, "--force")...).err)
	_, err := environments.LoadFile(envPath)
	require.NoError(t, err)
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "no temporary files left behind")
}

func TestImport_APIKeySources(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t)
	link := realLink(t)
	mem := func(vals map[string]string) vault.Store { return vault.NewMemory(vals) }
	tests := []struct {
		name     string
		env      map[string]string
		store    vault.Store
		args     []string
		wantCode cmdutil.ExitCode
		wantErr  []string
	}{
		{name: "flag", args: []string{"--postman-api-key", testKey}},
		{name: "environment variable", env: map[string]string{EnvAPIKey: testKey}},
		{name: "flag wins over the environment", env: map[string]string{EnvAPIKey: "PMAK-stale"}, args: []string{"--postman-api-key", testKey}},
		{name: "vault:NAME", store: mem(map[string]string{"postman-api-key": testKey}), args: []string{"--postman-api-key", "vault:postman-api-key"}},
		{name: "{{vault:NAME}}", store: mem(map[string]string{"pm": testKey}), args: []string{"--postman-api-key", "{{vault:pm}}"}},
		{
			name: "vault secret missing", store: mem(nil), args: []string{"--postman-api-key", "vault:postman-api-key"},
			wantCode: cmdutil.ExitInput,
			wantErr:  []string{`vault secret "postman-api-key"`, "courier vault set postman-api-key", "--postman-api-key", EnvAPIKey},
		},
		{
			name: "no key", wantCode: cmdutil.ExitInput,
			wantErr: []string{"collection " + pingUID, "needs an API key", "pass --postman-api-key KEY", "set " + EnvAPIKey},
		},
		{
			name: "wrong key", args: []string{"--postman-api-key", "PMAK-wrong-0000"}, wantCode: cmdutil.ExitInput,
			wantErr: []string{"401 Unauthorized", "Invalid API Key", "the API key was refused", "--postman-api-key"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := map[string]string{EnvAPIBase: api.URL}
			for k, v := range tt.env {
				env[k] = v
			}
			args := append([]string{"import", link, "--dir", t.TempDir()}, tt.args...)
			r := run(t, env, tt.store, args...)
			assert.Equal(t, tt.wantCode, exitCode(r.err))
			for _, s := range []string{r.out, r.errOut, fmt.Sprint(r.err)} {
				assert.NotContains(t, s, testKey)
				assert.NotContains(t, s, "PMAK-wrong-0000")
			}
			if tt.wantErr == nil {
				require.NoError(t, r.err)
				assert.Contains(t, r.out, "Imported https://god.gw.postman.com/run-collection/"+pingUID)
				return
			}
			require.Error(t, r.err)
			for _, w := range tt.wantErr {
				assert.Contains(t, r.err.Error(), w)
			}
		})
	}
}

func TestImport_OtherLinkForms(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t)
	tests := []struct {
		name     string
		link     string
		args     []string
		wantErr  string
		wantCode cmdutil.ExitCode
		wantOut  string
	}{
		{name: "bare uid", link: pingUID, args: []string{"--postman-api-key", testKey}, wantOut: "Imported " + api.URL + "/collections/" + pingUID},
		{name: "api url with apikey", link: api.URL + "/collections/" + pingUID + "?apikey=" + testKey, wantOut: "Imported " + api.URL + "/collections/" + pingUID + "\n"},
		{name: "unknown uid", link: "1-00000000-0000-0000-0000-000000000000", args: []string{"--postman-api-key", testKey},
			wantErr: "check the uid", wantCode: cmdutil.ExitInput},
		{name: "old link without a uid", link: "https://app.getpostman.com/run-collection/0123abcd4567", args: []string{"--postman-api-key", testKey},
			wantErr: `names collection "0123abcd4567", which is not a uid`, wantCode: cmdutil.ExitInput},
		{name: "bad fragment", link: "https://god.gw.postman.com/run-collection/" + pingUID + "#?env%5BE%5D=***", args: []string{"--postman-api-key", testKey},
			wantErr: "fragment env[E]: value is not base64", wantCode: cmdutil.ExitInput},
		{name: "a file path", link: "coll.json", wantErr: "is not a Run-in-Postman link", wantCode: cmdutil.ExitInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			args := append([]string{"import", tt.link, "--dir", dir}, tt.args...)
			r := run(t, map[string]string{EnvAPIBase: api.URL}, nil, args...)
			assert.Equal(t, tt.wantCode, exitCode(r.err))
			for _, s := range []string{r.out, r.errOut, fmt.Sprint(r.err)} {
				assert.NotContains(t, s, testKey)
			}
			if tt.wantErr != "" {
				require.Error(t, r.err)
				assert.Contains(t, r.err.Error(), tt.wantErr)
				entries, _ := os.ReadDir(dir)
				assert.Empty(t, entries)
				return
			}
			require.NoError(t, r.err)
			assert.Contains(t, r.out, tt.wantOut)
			assert.FileExists(t, filepath.Join(dir, "Link Fixture_ Get a Token.postman_collection.json"))
			assert.NotContains(t, r.out, " -e ", "no environment, no -e")
		})
	}
}

func TestNewCmdImport_Flags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		input    string
		want     Options
		wantCode cmdutil.ExitCode
	}{
		{input: "import L", want: Options{Link: "L", Dir: "."}},
		{input: "import L -d out -f --postman-api-key vault:k --postman-api-base http://127.0.0.1:9",
			want: Options{Link: "L", Dir: "out", Force: true, LinkOptions: LinkOptions{APIKey: "vault:k", APIBase: "http://127.0.0.1:9"}}},
		{input: "import", wantCode: cmdutil.ExitUsage},
		{input: "import a b", wantCode: cmdutil.ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			t.Parallel()
			ios, _, _, _ := cmdutil.Test()
			var got *Options
			cmd := NewCmdImport(ios, func(_ context.Context, o *Options) error { got = o; return nil })
			args := strings.Fields(tt.input)
			cmd.SetArgs(args[1:])
			cmd.SilenceErrors, cmd.SilenceUsage = true, true
			err := cmd.Execute()
			if tt.wantCode != cmdutil.ExitOK {
				assert.Equal(t, tt.wantCode, exitCode(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want.Link, got.Link)
			assert.Equal(t, tt.want.Dir, got.Dir)
			assert.Equal(t, tt.want.Force, got.Force)
			assert.Equal(t, tt.want.APIKey, got.APIKey)
			assert.Equal(t, tt.want.APIBase, got.APIBase)
			assert.NotNil(t, got.Getenv, "the command reads the environment through its streams")
		})
	}
}

// OpenLink is what "courier run <link>" calls.
func TestOpenLink(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t)
	c, envs, err := OpenLink(context.Background(), api.Client(), realLink(t), LinkOptions{
		APIKey: testKey, APIBase: api.URL, Getenv: func(string) string { return "" },
	})
	require.NoError(t, err)
	assert.Equal(t, "Link Fixture: Get a Token", c.Info.Name)
	assert.Equal(t, api.URL+"/collections/"+pingUID, c.Source)
	require.Len(t, envs, 1)
	assert.Equal(t, "PingOne Workflow Library Template (release: 2025-04-17)", envs[0].Name)
	v, ok := envs[0].Scope().Get("apiPath")
	assert.True(t, ok)
	assert.Equal(t, "https://api.pingone.{{tld}}/v1", v)
	assert.Equal(t, 1, api.count())

	// The vault is only opened when the key names a vault secret.
	_, _, err = OpenLink(context.Background(), api.Client(), realLink(t), LinkOptions{
		APIKey: testKey, APIBase: api.URL, Getenv: func(string) string { return "" },
		VaultStore: func() vault.Store { t.Fatal("vault opened"); return nil },
	})
	require.NoError(t, err)
}

func TestIsLink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fileNamedUID := filepath.Join(dir, pingUID)
	require.NoError(t, os.WriteFile(fileNamedUID, []byte("{}"), 0o600))
	o := LinkOptions{APIBase: "http://127.0.0.1:8080/api", Getenv: func(string) string { return "" }}
	for arg, want := range map[string]bool{
		"https://god.gw.postman.com/run-collection/" + pingUID:                        true,
		"https://api.getpostman.com/collections/" + pingUID + "?apikey=x":             true,
		"https://api.postman.com/collections/" + pingUID:                              true,
		"http://127.0.0.1:8080/api/collections/" + pingUID:                            true,
		"http://127.0.0.1:8080/other/collections/" + pingUID:                          false,
		"https://api.getpostman.com/environments/" + pingUID:                          false,
		"https://api.getpostman.com/collections/" + pingUID + "/forks":                false,
		"https://www.getpostman.com/collections/0123abcd4567":                         false,
		"https://example.com/coll.json":                                               false,
		pingUID:                                                                       true,
		fileNamedUID:                                                                  false,
		"coll.json":                                                                   false,
		"[Run in Postman](https://god.gw.postman.com/run-collection/" + pingUID + ")": true,
	} {
		assert.Equal(t, want, IsLink(arg, o), arg)
	}
	// A uid that names an existing file in the working directory stays a file.
	assert.False(t, IsLink(fileNamedUID, o))
	// The base can come from the environment.
	oe := LinkOptions{Getenv: func(k string) string {
		if k == EnvAPIBase {
			return "http://127.0.0.1:9"
		}
		return ""
	}}
	assert.True(t, IsLink("http://127.0.0.1:9/collections/"+pingUID, oe))
}

func TestFileStem(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"PingOne Workflow Library Template (release: 2025-04-17)": "PingOne Workflow Library Template (release_ 2025-04-17)",
		"a/b\\c*d?e\"f<g>h|i":    "a_b_c_d_e_f_g_h_i",
		"  ..hidden.. ":          "hidden",
		"":                       "fallback",
		"...":                    "fallback",
		"tab\there":              "tab_here",
		"con":                    "_con",
		"Ünïcödé 🚀":              "Ünïcödé 🚀",
		strings.Repeat("x", 300): strings.Repeat("x", 150),
	} {
		assert.Equal(t, want, fileStem(in, "fallback"), in)
	}
}

// Two environments whose names make the same file name both get written.
func TestImport_NameCollisions(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t)
	b64 := func(s string) string { return url.QueryEscape(base64Std(s)) }
	link := "https://god.gw.postman.com/run-collection/" + pingUID + "#?env%5Ba%3Ab%5D=" + b64(`[{"key":"k","value":"1"}]`) +
		"&env%5Ba%2Fb%5D=" + b64(`[{"key":"k","value":"2"}]`)
	dir := t.TempDir()
	r := run(t, nil, nil, "import", link, "--dir", dir, "--postman-api-key", testKey, "--postman-api-base", api.URL)
	require.NoError(t, r.err)
	for file, val := range map[string]string{"a_b.postman_environment.json": "1", "a_b (2).postman_environment.json": "2"} {
		env, err := environments.LoadFile(filepath.Join(dir, file))
		require.NoError(t, err, file)
		assert.Equal(t, val, env.Values[0].Value)
	}
	assert.Contains(t, r.out, "# or with another environment: -e ")
	var raw map[string]any
	b, err := os.ReadFile(filepath.Join(dir, "a_b.postman_environment.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &raw))
	assert.Equal(t, "a:b", raw["name"])
}

func base64Std(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// shellWords splits a command line the way a POSIX shell does, by asking
// one.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to check the printed command with")
	}
	out, err := exec.Command(sh, "-c", `for a in `+line+`; do printf '%s\n' "$a"; done`).Output()
	require.NoError(t, err)
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}
