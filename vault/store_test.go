package vault

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnvName(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, want string }{
		{"token", "COURIER_VAULT_TOKEN"},
		{"my-api.key", "COURIER_VAULT_MY_API_KEY"},
		{"adminAppSecret", "COURIER_VAULT_ADMINAPPSECRET"},
		{"a b", "COURIER_VAULT_A_B"},
		{"clé", "COURIER_VAULT_CL_"},
		{"X_9", "COURIER_VAULT_X_9"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, EnvName(tt.name), tt.name)
	}
}

func TestValidateName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		wantErr string
	}{
		{"api-key", ""},
		{"with space inside", ""},
		{"", "empty"},
		{" padded", "spaces"},
		{"a}b", "cannot appear"},
		{"a<b", "cannot appear"},
		{"line\nbreak", "cannot appear"},
		{IndexUser, "reserved"},
		{strings.Repeat("x", maxNameLen+1), "longer"},
	}
	for _, tt := range tests {
		err := ValidateName(tt.name)
		if tt.wantErr == "" {
			assert.NoError(t, err, tt.name)
		} else {
			assert.ErrorContains(t, err, tt.wantErr, tt.name)
		}
	}
}

// storeCases runs the same behaviour over every writable store.
func TestWritableStores(t *testing.T) {
	t.Parallel()
	stores := map[string]func() SecretStore{
		"memory": func() SecretStore { return &Memory{} },
		"chain":  func() SecretStore { return Chain{Env{Getenv: func(string) string { return "" }}, &Memory{}} },
		"keyring-fake": func() SecretStore {
			return &Keyring{Service: "test", backend: newFakeBackend()}
		},
	}
	for sname, mk := range stores {
		t.Run(sname, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			st := mk()

			_, err := st.Get(ctx, "missing")
			require.ErrorIs(t, err, ErrNotFound)
			assert.Contains(t, err.Error(), "COURIER_VAULT_MISSING", "a missing secret says how to provide it")
			require.ErrorIs(t, st.Delete(ctx, "missing"), ErrNotFound)

			require.NoError(t, st.SetSecret(ctx, "b-key", Secret{Value: "bbb", Domains: []string{"API.example.com", "*.example.org"}}))
			require.NoError(t, st.Set(ctx, "a-key", "aaa"))
			names, err := st.List(ctx)
			require.NoError(t, err)
			assert.Equal(t, []string{"a-key", "b-key"}, names)

			s, err := st.GetSecret(ctx, "b-key")
			require.NoError(t, err)
			assert.Equal(t, "bbb", s.Value)
			assert.Len(t, s.Domains, 2)

			// Set keeps the domains: a new value never widens where it goes.
			require.NoError(t, st.Set(ctx, "b-key", "b2"))
			s, err = st.GetSecret(ctx, "b-key")
			require.NoError(t, err)
			assert.Equal(t, "b2", s.Value)
			assert.Len(t, s.Domains, 2)

			require.NoError(t, st.Delete(ctx, "a-key"))
			_, err = st.Get(ctx, "a-key")
			assert.ErrorIs(t, err, ErrNotFound)
			names, err = st.List(ctx)
			require.NoError(t, err)
			assert.Equal(t, []string{"b-key"}, names)

			assert.Error(t, st.Set(ctx, "bad{name}", "x"))
			assert.Error(t, st.SetSecret(ctx, "ok", Secret{Value: "x", Domains: []string{"https://a.com/path"}}))
		})
	}
}

func TestEnvStore(t *testing.T) {
	t.Parallel()
	vars := map[string]string{
		"COURIER_VAULT_API_KEY":          "k-123",
		"COURIER_VAULT_API_KEY__DOMAINS": "api.example.com, *.example.org",
		"COURIER_VAULT_EMPTY":            "",
		"COURIER_VAULT_BAD":              "v",
		"COURIER_VAULT_BAD__DOMAINS":     "http://x.com/path",
		"OTHER":                          "o",
	}
	env := Env{
		Getenv: func(k string) string { return vars[k] },
		Environ: func() []string {
			var kv []string
			for k, v := range vars {
				kv = append(kv, k+"="+v)
			}
			return kv
		},
	}
	ctx := context.Background()
	tests := []struct {
		name, want  string
		wantDomains []string
		wantErr     error
		errText     string
	}{
		{name: "api-key", want: "k-123", wantDomains: []string{"api.example.com", "*.example.org"}},
		{name: "API_KEY", want: "k-123", wantDomains: []string{"api.example.com", "*.example.org"}},
		{name: "api.key", want: "k-123", wantDomains: []string{"api.example.com", "*.example.org"}},
		{name: "empty", wantErr: ErrNotFound},
		{name: "nope", wantErr: ErrNotFound},
		{name: "bad", errText: "COURIER_VAULT_BAD__DOMAINS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := env.GetSecret(ctx, tt.name)
			switch {
			case tt.wantErr != nil:
				assert.ErrorIs(t, err, tt.wantErr)
			case tt.errText != "":
				assert.ErrorContains(t, err, tt.errText)
			default:
				require.NoError(t, err)
				assert.Equal(t, tt.want, s.Value)
				assert.Equal(t, tt.wantDomains, s.Domains)
			}
		})
	}
	names, err := env.List(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{"API_KEY", "BAD"}, names)
	assert.ErrorIs(t, env.Set(ctx, "x", "y"), ErrReadOnly)
	assert.ErrorIs(t, env.Delete(ctx, "x"), ErrReadOnly)
}

func TestChainOrderAndErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	env := Env{Getenv: func(k string) string {
		if k == "COURIER_VAULT_SHARED" {
			return "from-env"
		}
		return ""
	}}
	mem := NewMemory(map[string]string{"shared": "from-keyring", "only-kr": "kr"})
	down := &Keyring{backend: failingBackend{errors.New("dbus: connection refused")}}

	tests := []struct {
		name   string
		chain  Chain
		secret string
		want   string
		check  func(*testing.T, error)
	}{
		{"env wins over keyring", Chain{env, mem}, "shared", "from-env", nil},
		{"falls through to keyring", Chain{env, mem}, "only-kr", "kr", nil},
		{"missing everywhere", Chain{env, mem}, "none", "", func(t *testing.T, err error) { assert.ErrorIs(t, err, ErrNotFound) }},
		{"env hit never touches a dead keyring", Chain{env, down}, "shared", "from-env", nil},
		{"dead keyring names both fixes", Chain{env, down}, "api-key", "", func(t *testing.T, err error) {
			assert.True(t, IsUnavailable(err))
			assert.Contains(t, err.Error(), "dbus-run-session")
			assert.Contains(t, err.Error(), "gnome-keyring-daemon --unlock --components=secrets")
			assert.Contains(t, err.Error(), "COURIER_VAULT_API_KEY")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := tt.chain.Get(ctx, tt.secret)
			if tt.check != nil {
				tt.check(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestChainWritesAndDelete(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	env := Env{Getenv: func(k string) string {
		if k == "COURIER_VAULT_CI_ONLY" {
			return "ci"
		}
		return ""
	}}
	mem := &Memory{}
	c := Chain{env, mem}
	require.NoError(t, c.Set(ctx, "x", "xv"))
	v, err := mem.Get(ctx, "x")
	require.NoError(t, err)
	assert.Equal(t, "xv", v, "writes skip the read-only environment")

	err = c.Delete(ctx, "ci-only")
	assert.ErrorContains(t, err, "COURIER_VAULT_CI_ONLY")
	assert.ErrorContains(t, err, "unset it there")
	assert.ErrorIs(t, c.Delete(ctx, "nothing"), ErrNotFound)
	require.NoError(t, c.Delete(ctx, "x"))

	assert.ErrorIs(t, Chain{env}.Set(ctx, "y", "v"), ErrReadOnly)
}

func TestUnavailableErrorNamesTheRightVariable(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, cause, want string }{
		{"tok", `exec: "dbus-launch": executable file not found in $PATH`,
			"the OS keyring is unavailable (no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set): provide the secret as the environment variable COURIER_VAULT_TOK, or start a Secret Service (e.g. run under dbus-run-session with gnome-keyring-daemon --unlock --components=secrets)"},
		// The index is courier's own entry: no variable can stand in for it.
		{IndexUser, `exec: "dbus-launch": executable file not found in $PATH`,
			"the OS keyring is unavailable (no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set): provide the secret as the environment variable COURIER_VAULT_<NAME>, or start a Secret Service (e.g. run under dbus-run-session with gnome-keyring-daemon --unlock --components=secrets)"},
		{"my-api.key", "The name org.freedesktop.secrets was not provided by any .service files",
			"the OS keyring is unavailable (The name org.freedesktop.secrets was not provided by any .service files): provide the secret as the environment variable COURIER_VAULT_MY_API_KEY, or start a Secret Service (e.g. run under dbus-run-session with gnome-keyring-daemon --unlock --components=secrets)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, (&UnavailableError{Name: tt.name, Err: errors.New(tt.cause)}).Error())
	}
}
