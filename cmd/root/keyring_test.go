package root

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/internal/testenv"
	"github.com/courier-run/courier/vault"
)

// TestKeyringEndToEnd stores a secret in the real OS keyring with
// "courier vault set", sends it in a header with "courier run", and checks
// the server got it while no output, report or export shows it. It needs a
// Secret Service (CI starts gnome-keyring under dbus-run-session); without
// one it skips, or fails when COURIER_REQUIRE_KEYRING=1.
func TestKeyringEndToEnd(t *testing.T) {
	probe := realKeyring(t, nil)
	const name = "courier-e2e-test-token"
	secret := "kr-secret-" + time.Now().Format("150405.000000")
	t.Cleanup(func() { probe.Delete(context.Background(), name) })

	var mu sync.Mutex
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = r.Header.Get("Authorization")
		mu.Unlock()
		w.Write([]byte(`{"auth":"` + r.Header.Get("Authorization") + `"}`))
	}))
	t.Cleanup(srv.Close)

	ios, in, out, errOut := cmdutil.Test()
	in.WriteString(secret + "\n")
	require.Equal(t, cmdutil.ExitOK, Execute(context.Background(), ios, []string{"vault", "set", name, "--domain", "127.0.0.1"}), errOut.String())

	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"kr"},"item":[{"name":"send","request":{"method":"GET","url":"`+srv.URL+`/x",
	 "header":[{"key":"Authorization","value":"Bearer {{vault:`+name+`}}"}]},
	 "event":[{"listen":"test","script":{"exec":["console.log(pm.response.text()); pm.test('sent', () => pm.response.to.have.status(200))"]}}]}]}`)
	report := filepath.Join(dir, "r.json")
	exportEnv := filepath.Join(dir, "env.json")
	ios2, _, out2, errOut2 := cmdutil.Test()
	code := Execute(context.Background(), ios2, []string{"run", coll, "--verbose", "-r", "cli,json", "--reporter-json-export", report,
		"--export-environment", exportEnv, "--color", "off"})
	require.Equal(t, cmdutil.ExitOK, code, out2.String()+errOut2.String())
	mu.Lock()
	assert.Equal(t, "Bearer "+secret, got, "the server received the secret")
	mu.Unlock()
	for name, data := range map[string][]byte{"vault set stdout": out.Bytes(), "vault set stderr": errOut.Bytes(),
		"run stdout": out2.Bytes(), "run stderr": errOut2.Bytes(), "report": mustRead(t, report), "export": mustRead(t, exportEnv)} {
		assert.False(t, bytes.Contains(data, []byte(secret)), "%s shows the secret", name)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	return data
}

// realKeyring returns the OS keyring (a Secret Service; CI starts
// gnome-keyring under dbus-run-session), skipping the test without one,
// with secrets stored under their names and deleted when the test ends.
func realKeyring(t *testing.T, secrets map[string]string) *vault.Keyring {
	t.Helper()
	// A hang guard only, over the probe and every Set (each Set also
	// rewrites the index: several D-Bus calls, and gnome-keyring rewrites
	// its file each time): 3 s for them all was a speed bound on a loaded
	// machine. Each call has the same guard as the runs' (TestMain).
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	kr := vault.NewKeyring(vault.DefaultService)
	kr.Timeout = cmdutil.KeyringTimeout
	if _, err := kr.Get(ctx, "courier-probe-that-does-not-exist"); !errors.Is(err, vault.ErrNotFound) {
		testenv.Keyring(t, err.Error())
	}
	for name, value := range secrets {
		require.NoError(t, kr.Set(ctx, name, value))
		t.Cleanup(func() { kr.Delete(context.Background(), name) })
	}
	return kr
}
