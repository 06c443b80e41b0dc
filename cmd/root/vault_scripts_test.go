package root

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestVaultScripts runs a test script that reads a vault secret with
// pm.vault.get and logs it: with --vault-scripts the script gets the value
// and the console shows it masked; without, the call is denied as in
// Postman and the code after it never runs.
func TestVaultScripts(t *testing.T) {
	t.Parallel()
	const token = "tok-9c41e7a2" // 12 characters
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"vault scripts"},
	 "item":[{"name":"uses the vault","request":"`+srv.URL+`/x",
	  "event":[{"listen":"test","script":{"exec":[
	    "const t = await pm.vault.get('tok');",
	    "pm.test('has token', () => pm.expect(t).to.have.length(12));",
	    "console.log(t);"
	  ]}}]}]}`)

	tests := []struct {
		name     string
		args     []string
		wantCode cmdutil.ExitCode
		want     []string // substrings of stdout
		notWant  []string
	}{
		{
			name:     "granted",
			args:     []string{"--vault-scripts"},
			wantCode: cmdutil.ExitOK,
			want:     []string{"✓  has token", "'***'"},
			notWant:  []string{"Vault access denied"},
		},
		{
			name:     "denied",
			wantCode: cmdutil.ExitFailures,
			want:     []string{"Vault access denied"},
			notWant:  []string{"has token", "'***'"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ios, _, stdout, stderr := cmdutil.Test()
			state := t.TempDir()
			setEnv(ios, map[string]string{
				"COURIER_VAULT_TOK": token,
				"COURIER_STATE_DIR": state,
			})
			args := append([]string{"run", coll, "--color", "off", "--no-persist"}, tc.args...)
			code := Execute(context.Background(), ios, args)
			out := stdout.String()
			assert.Equal(t, tc.wantCode, code, "stdout:\n%s\nstderr:\n%s", out, stderr.String())
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
			for _, w := range tc.notWant {
				assert.NotContains(t, out, w)
			}
			assert.NotContains(t, out, token, "the secret leaks to stdout")
			assert.NotContains(t, stderr.String(), token, "the secret leaks to stderr")
		})
	}
}
