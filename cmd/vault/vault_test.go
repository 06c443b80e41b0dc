package vault

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	vlt "github.com/courier-run/courier/vault"
)

type result struct {
	out, errOut string
	err         error
}

// run executes "courier vault <args>" against mem with stdin.
func run(t *testing.T, mem vlt.Store, stdin string, tty bool, args ...string) result {
	t.Helper()
	ios, in, out, errOut := cmdutil.Test()
	in.WriteString(stdin)
	ios.SetStdoutTTY(tty)
	cmd := NewCmdVault(ios, func() (vlt.Store, error) { return mem, nil })
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	_, err := cmd.ExecuteContextC(context.Background())
	return result{out.String(), errOut.String(), err}
}

func exitCode(err error) cmdutil.ExitCode { return cmdutil.ExitCodeOf(err) }

func TestSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		stdin       string
		args        []string
		wantValue   string
		wantDomains []string
		wantCode    cmdutil.ExitCode
		wantErr     string
	}{
		{name: "stdin with newline", stdin: "s3cret-value\n", args: []string{"api-key"}, wantValue: "s3cret-value"},
		{name: "stdin CRLF", stdin: "s3cret\r\n", args: []string{"api-key"}, wantValue: "s3cret"},
		{name: "only one newline is stripped", stdin: "line1\nline2\n\n", args: []string{"pem"}, wantValue: "line1\nline2\n"},
		{name: "domains", stdin: "v4lue", args: []string{"k", "--domain", "API.pingone.com", "--domain", "*.example.com,https://x.org"},
			wantValue: "v4lue", wantDomains: []string{"api.pingone.com", "*.example.com", "https://x.org"}},
		{name: "empty stdin", stdin: "", args: []string{"k"}, wantCode: cmdutil.ExitUsage, wantErr: "no value on stdin"},
		{name: "value on argv is refused", stdin: "x", args: []string{"k", "the-value"}, wantCode: cmdutil.ExitUsage, wantErr: "expected one secret name"},
		{name: "bad domain", stdin: "x", args: []string{"k", "--domain", "x.com/path"}, wantCode: cmdutil.ExitUsage, wantErr: "--domain"},
		{name: "bad name", stdin: "x", args: []string{"a{b}"}, wantCode: cmdutil.ExitUsage, wantErr: "cannot appear"},
		{name: "any-domain with domain", stdin: "x", args: []string{"k", "--any-domain", "--domain", "a.com"}, wantCode: cmdutil.ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mem := &vlt.Memory{}
			res := run(t, mem, tt.stdin, false, append([]string{"set"}, tt.args...)...)
			assert.Equal(t, tt.wantCode, exitCode(res.err), "err: %v", res.err)
			if tt.wantCode != cmdutil.ExitOK {
				if tt.wantErr != "" {
					assert.ErrorContains(t, res.err, tt.wantErr)
				}
				names, _ := mem.List(context.Background())
				assert.Empty(t, names, "nothing stored on error")
				return
			}
			s, err := mem.GetSecret(context.Background(), tt.args[0])
			require.NoError(t, err)
			assert.Equal(t, tt.wantValue, s.Value)
			assert.Equal(t, tt.wantDomains, s.Domains)
			assert.Contains(t, res.errOut, "Stored vault secret")
			assert.NotContains(t, res.out+res.errOut, tt.wantValue, "the value is never echoed")
		})
	}
}

func TestSetKeepsOrClearsDomains(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	mem := &vlt.Memory{}
	require.NoError(t, mem.SetSecret(ctx, "k", vlt.Secret{Value: "old", Domains: []string{"a.com"}}))

	res := run(t, mem, "new-value", false, "set", "k")
	require.NoError(t, res.err)
	s, _ := mem.GetSecret(ctx, "k")
	assert.Equal(t, vlt.Secret{Value: "new-value", Domains: []string{"a.com"}}, s)
	assert.Contains(t, res.errOut, "allowed domains: a.com")

	res = run(t, mem, "newer", false, "set", "k", "--any-domain")
	require.NoError(t, res.err)
	s, _ = mem.GetSecret(ctx, "k")
	assert.Equal(t, vlt.Secret{Value: "newer"}, s)
	assert.Contains(t, res.errOut, "allowed domains: any")
}

func TestSetShortValueWarns(t *testing.T) {
	t.Parallel()
	res := run(t, &vlt.Memory{}, "ab", false, "set", "short")
	require.NoError(t, res.err)
	assert.Contains(t, res.errOut, "not masked")
}

func TestSetPrompt(t *testing.T) {
	t.Parallel()
	ios, _, out, errOut := cmdutil.Test()
	mem := &vlt.Memory{}
	var asked string
	err := SetRun(context.Background(), &SetOptions{
		IO: ios, Store: func() (vlt.Store, error) { return mem, nil }, Name: "tok", StdinTTY: true,
		Prompt: func(p string) (string, error) { asked = p; return "typed-secret", nil },
	})
	require.NoError(t, err)
	assert.Equal(t, "Value for tok: ", asked)
	v, err := mem.Get(context.Background(), "tok")
	require.NoError(t, err)
	assert.Equal(t, "typed-secret", v)
	assert.NotContains(t, out.String()+errOut.String(), "typed-secret")

	err = SetRun(context.Background(), &SetOptions{
		IO: ios, Store: func() (vlt.Store, error) { return mem, nil }, Name: "tok2", StdinTTY: true,
		Prompt: func(string) (string, error) { return "", nil },
	})
	assert.ErrorContains(t, err, "empty value")
}

func seeded(t *testing.T) *vlt.Memory {
	t.Helper()
	mem := &vlt.Memory{}
	ctx := context.Background()
	require.NoError(t, mem.SetSecret(ctx, "admin-secret", vlt.Secret{Value: "adm1n-v4lue", Domains: []string{"auth.pingone.com", "*.pingone.eu"}}))
	require.NoError(t, mem.Set(ctx, "token", "t0ken-v4lue"))
	return mem
}

func TestGet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		wantOut  string
		wantCode cmdutil.ExitCode
	}{
		{"masked", []string{"get", "admin-secret"}, "admin-secret\t********\tallowed domains: auth.pingone.com, *.pingone.eu\n", 0},
		{"masked any domain", []string{"get", "token"}, "token\t********\tallowed domains: any\n", 0},
		{"revealed", []string{"get", "token", "--reveal"}, "t0ken-v4lue\n", 0},
		{"missing", []string{"get", "nope"}, "", cmdutil.ExitFailures},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := run(t, seeded(t), "", false, tt.args...)
			assert.Equal(t, tt.wantCode, exitCode(res.err), "err: %v", res.err)
			assert.Equal(t, tt.wantOut, res.out)
		})
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	res := run(t, seeded(t), "", true, "list")
	require.NoError(t, res.err)
	assert.Equal(t, "NAME          ALLOWED DOMAINS\n"+
		"admin-secret  auth.pingone.com, *.pingone.eu\n"+
		"token         any\n", res.out)
	assert.NotContains(t, res.out, "v4lue")

	res = run(t, seeded(t), "", false, "ls")
	require.NoError(t, res.err)
	assert.Equal(t, "admin-secret\tauth.pingone.com,*.pingone.eu\ntoken\t*\n", res.out)

	res = run(t, &vlt.Memory{}, "", true, "list")
	require.NoError(t, res.err)
	assert.Empty(t, res.out)
	assert.Contains(t, res.errOut, "no secrets")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	mem := seeded(t)
	res := run(t, mem, "", false, "delete", "token")
	require.NoError(t, res.err)
	assert.Contains(t, res.errOut, `Deleted vault secret "token"`)
	_, err := mem.Get(context.Background(), "token")
	assert.ErrorIs(t, err, vlt.ErrNotFound)

	res = run(t, mem, "", false, "rm", "token")
	assert.Equal(t, cmdutil.ExitFailures, exitCode(res.err))
	assert.ErrorIs(t, res.err, vlt.ErrNotFound)
}

func TestImport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "s.env")
	require.NoError(t, os.WriteFile(good, []byte("# secrets\nexport adminAppSecret=\"a-s3cret\"\nEMPTY=\ntoken='t0k'\n"), 0o600))
	bad := filepath.Join(dir, "bad.env")
	require.NoError(t, os.WriteFile(bad, []byte("A=1\nB=\"unterminated\n"), 0o600))
	badName := filepath.Join(dir, "badname.env")
	require.NoError(t, os.WriteFile(badName, []byte("__courier_x=1\n"), 0o600))

	tests := []struct {
		name        string
		args        []string
		stdin       string
		wantCode    cmdutil.ExitCode
		wantErr     string
		wantDomains []string
	}{
		{name: "file", args: []string{good}},
		{name: "file with domain", args: []string{good, "--domain", "*.pingone.com"}, wantDomains: []string{"*.pingone.com"}},
		{name: "stdin", args: []string{"-"}, stdin: "adminAppSecret=a-s3cret\ntoken=t0k\n"},
		{name: "parse error", args: []string{bad}, wantCode: cmdutil.ExitInput, wantErr: "line 2: unterminated"},
		{name: "reserved name", args: []string{badName}, wantCode: cmdutil.ExitInput, wantErr: "line 1"},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.env")}, wantCode: cmdutil.ExitInput},
		{name: "nothing to import", args: []string{"-"}, stdin: "# only a comment\n", wantCode: cmdutil.ExitInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mem := &vlt.Memory{}
			res := run(t, mem, tt.stdin, false, append([]string{"import"}, tt.args...)...)
			assert.Equal(t, tt.wantCode, exitCode(res.err), "err: %v", res.err)
			if tt.wantErr != "" {
				assert.ErrorContains(t, res.err, tt.wantErr)
			}
			names, _ := mem.List(context.Background())
			if tt.wantCode != cmdutil.ExitOK {
				assert.Empty(t, names, "nothing stored when the file is bad")
				return
			}
			assert.Equal(t, []string{"adminAppSecret", "token"}, names)
			s, err := mem.GetSecret(context.Background(), "adminAppSecret")
			require.NoError(t, err)
			assert.Equal(t, "a-s3cret", s.Value)
			assert.Equal(t, tt.wantDomains, s.Domains)
			assert.NotContains(t, res.out+res.errOut, "a-s3cret")
			assert.NotContains(t, res.out+res.errOut, "t0k'")
		})
	}
}

// downStore is a vault whose keyring is unreachable.
type downStore struct{}

func (downStore) err(name string) error {
	return &vlt.UnavailableError{Name: name, Err: errors.New("The name org.freedesktop.secrets was not provided by any .service files")}
}
func (d downStore) Get(_ context.Context, n string) (string, error) { return "", d.err(n) }
func (d downStore) Set(_ context.Context, n, _ string) error        { return d.err(n) }
func (d downStore) Delete(_ context.Context, n string) error        { return d.err(n) }
func (d downStore) List(context.Context) ([]string, error)          { return nil, d.err("") }

func TestUnavailableVaultExitsWithCode4(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"get", "x"}, {"delete", "x"}, {"list"}, {"set", "x"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			res := run(t, downStore{}, "value", false, args...)
			assert.Equal(t, cmdutil.ExitVault, exitCode(res.err), "err: %v", res.err)
			assert.ErrorContains(t, res.err, "dbus-run-session")
			assert.ErrorContains(t, res.err, "COURIER_VAULT_")
		})
	}
}

func TestStoreNotOpenedOnUsageErrors(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := cmdutil.Test()
	cmd := NewCmdVault(ios, func() (vlt.Store, error) {
		t.Error("the store was opened for a usage error")
		return nil, errors.New("no")
	})
	cmd.SetArgs([]string{"get"})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	_, err := cmd.ExecuteC()
	assert.Equal(t, cmdutil.ExitUsage, exitCode(err))
}
