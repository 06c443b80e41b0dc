package root

import (
	"bytes"
	"errors"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/echo/echotest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/golden/messages/name.golden.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("..", "..", "testdata", "golden", "messages", name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(got), 0o644))
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), got)
}

// courierProcess runs courier (this test binary, see TestMain) in dir with
// exactly env as its environment, and returns "exit N", stdout and stderr
// as one text with dir replaced by $DIR and loopback ports by <port>.
func courierProcess(t *testing.T, dir string, env []string, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"COURIER_ROOT_TEST_EXEC=1"}, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	text := "exit " + itoa(code) + "\n--- stdout\n" + out.String() + "--- stderr\n" + errOut.String()
	text = strings.ReplaceAll(text, dir, "$DIR")
	return regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(text, "127.0.0.1:<port>")
}

func itoa(n int) string { return strconv.Itoa(n) }

// noKeyringEnv is a process environment with no D-Bus session and no
// dbus-launch to start one: no Secret Service can be reached, as on a CI
// runner or in a container.
func noKeyringEnv(t *testing.T, dir string, extra ...string) []string {
	t.Helper()
	bin := filepath.Join(dir, "empty-bin")
	require.NoError(t, os.MkdirAll(bin, 0o755))
	return append([]string{"PATH=" + bin, "HOME=" + dir, "COURIER_STATE_DIR=" + filepath.Join(dir, "state"), "NO_COLOR=1"}, extra...)
}

func TestMessageVaultWithoutKeyring(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	t.Cleanup(srv.Close)
	writeFile(t, dir, "c.json", `{"info":{"name":"uses a secret"},"item":[
	 {"name":"a","request":{"url":"{{baseUrl}}/a","header":[{"key":"Authorization","value":"Bearer {{vault:api-token}}"}]}},
	 {"name":"b","request":{"url":"{{baseUrl}}/b","header":[{"key":"Authorization","value":"Bearer {{vault:api-token}}"}]}}]}`)

	// One clear error, once, exit 4, nothing sent; no dbus-launch noise.
	got := courierProcess(t, dir, noKeyringEnv(t, dir), "", "run", "c.json", "--env-var", "baseUrl="+srv.URL)
	golden(t, "vault_run_no_keyring", got)
	assert.Zero(t, hits.Load(), "nothing is sent when a referenced secret cannot be read")

	// The environment variable the message names is the fix.
	got = courierProcess(t, dir, noKeyringEnv(t, dir, "COURIER_VAULT_API_TOKEN=t0k"), "", "run", "c.json",
		"--env-var", "baseUrl="+srv.URL, "-r", "cli", "--reporter-cli-no-summary")
	assert.Contains(t, got, "exit 0\n")
	assert.EqualValues(t, 2, hits.Load())

	// A reference a script builds at run time stops the run at its first
	// use, once, with the same exit code.
	writeFile(t, dir, "dynamic.json", `{"info":{"name":"builds a reference"},"item":[
	 {"name":"a","event":[{"listen":"prerequest","script":{"exec":"pm.environment.set('auth', '{{vault:' + 'api-token' + '}}')"}}],
	  "request":{"url":"{{baseUrl}}/a","header":[{"key":"Authorization","value":"Bearer {{auth}}"}]}},
	 {"name":"b","request":{"url":"{{baseUrl}}/b","header":[{"key":"Authorization","value":"Bearer {{auth}}"}]}}]}`)
	before := hits.Load()
	got = courierProcess(t, dir, noKeyringEnv(t, dir), "", "run", "dynamic.json", "--env-var", "baseUrl="+srv.URL, "--silent")
	golden(t, "vault_run_dynamic_no_keyring", got)
	assert.Equal(t, before, hits.Load(), "nothing is sent")

	golden(t, "vault_list_no_keyring", courierProcess(t, dir, noKeyringEnv(t, dir), "", "vault", "list"))
	golden(t, "vault_list_env_only", courierProcess(t, dir, noKeyringEnv(t, dir, "COURIER_VAULT_API_TOKEN=t0k"), "", "vault", "list"))
	golden(t, "vault_set_no_keyring", courierProcess(t, dir, noKeyringEnv(t, dir), "v4lue", "vault", "set", "api-token"))
}

func TestMessageFlagDidYouMean(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "c.json", passing)
	golden(t, "flag_did_you_mean", courierProcess(t, dir, noKeyringEnv(t, dir), "", "run", "c.json", "--enviroment", "env.json"))
}

func TestMessageOverallSummary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	base := echotest.Start(t)
	writeFile(t, dir, "ok.json", passing)
	writeFile(t, dir, "bad.json", failing)
	got := courierProcess(t, dir, noKeyringEnv(t, dir), "", "run", "ok.json", "bad.json", "ok.json",
		"--env-var", "baseUrl="+base, "--reporter-cli-no-banner")
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	assert.Equal(t, "exit 1", lines[0])
	golden(t, "overall_summary", strings.Join(lines[len(lines)-3:], "\n")+"\n")

	got = courierProcess(t, dir, noKeyringEnv(t, dir), "", "run", "ok.json", "bad.json", "--env-var", "baseUrl="+base, "-x")
	assert.Contains(t, got, "2 collections: 1 passed, 1 failed (\"cli test\"); 2 requests, 2 assertions (1 failed). Exit code 0 (--suppress-exit-code).\n")
	assert.True(t, strings.HasPrefix(got, "exit 0\n"))
}

// A variable another collection sets (a token, an id) is not a secret to
// put in the vault: the advice is to run that collection first.
func TestMessageStrictVarsNamesTheSetter(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "1-login.json", `{"info":{"name":"login"},"item":[{"name":"token","request":"{{baseUrl}}/get",
	 "event":[{"listen":"test","script":{"exec":"pm.environment.set('accessToken', 'x'); pm.environment.set('userId', '1')"}}]}]}`)
	writeFile(t, dir, "2-use.json", `{"info":{"name":"use"},"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{accessToken}}"}]},
	 "item":[{"name":"me","request":"{{baseUrl}}/users/{{userId}}"}]}`)
	writeFile(t, dir, "env.json", `{"id":"e","name":"dev","values":[{"key":"baseUrl","value":"http://127.0.0.1:9","enabled":true}]}`)
	golden(t, "strict_vars_setter", courierProcess(t, dir, noKeyringEnv(t, dir), "", "run", "2-use.json", "-e", "env.json", "--strict-vars"))
	golden(t, "strict_vars_order", courierProcess(t, dir, noKeyringEnv(t, dir), "", "run", "2-use.json", "1-login.json", "-e", "env.json", "--strict-vars"))
}

func TestMessageEnvSetEmptyStdin(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	env := writeFile(t, dir, "env.json", `{"id":"e","name":"dev","values":[{"key":"secret","value":"{{vault:secret}}","enabled":true}]}`)
	golden(t, "env_set_empty_stdin", courierProcess(t, dir, noKeyringEnv(t, dir), "", "env", "set", "env.json", "secret", "-", "--initial"))
	raw, err := os.ReadFile(env)
	require.NoError(t, err)
	assert.Contains(t, string(raw), "{{vault:secret}}", "the reference is still there")
}
