package vault

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/environments"
)

// countingStore counts store reads, to check laziness and caching.
type countingStore struct {
	SecretStore
	mu    sync.Mutex
	reads int
}

func (c *countingStore) GetSecret(ctx context.Context, name string) (Secret, error) {
	c.mu.Lock()
	c.reads++
	c.mu.Unlock()
	return c.SecretStore.GetSecret(ctx, name)
}

func (c *countingStore) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reads
}

func newTestVault(t *testing.T) (*Vault, *countingStore) {
	t.Helper()
	mem := &Memory{}
	ctx := context.Background()
	require.NoError(t, mem.SetSecret(ctx, "admin-secret", Secret{Value: "adm1n-s3cret", Domains: []string{"auth.pingone.com", "*.pingone.eu"}}))
	require.NoError(t, mem.SetSecret(ctx, "open", Secret{Value: "open-value"}))
	cs := &countingStore{SecretStore: mem}
	return New(cs, nil), cs
}

func TestVaultResolve(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name, secret, url, want string
		check                   func(*testing.T, error)
	}{
		{"allowed host", "admin-secret", "https://auth.pingone.com/as/token", "adm1n-s3cret", nil},
		{"allowed subdomain", "admin-secret", "https://api.pingone.eu/v1", "adm1n-s3cret", nil},
		{"unrestricted", "open", "http://127.0.0.1:1234/", "open-value", nil},
		{"refused host", "admin-secret", "https://api.pingone.com/v1", "", func(t *testing.T, err error) {
			var de *DomainError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, "api.pingone.com", de.Host)
			assert.Contains(t, err.Error(), `"admin-secret"`)
			assert.NotContains(t, err.Error(), "adm1n-s3cret")
		}},
		{"missing", "nope", "https://x/", "", func(t *testing.T, err error) { assert.ErrorIs(t, err, ErrNotFound) }},
		{"invalid name", "a{b", "https://x/", "", func(t *testing.T, err error) { assert.ErrorContains(t, err, "cannot appear") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, _ := newTestVault(t)
			got, err := v.Resolve(ctx, tt.secret, tt.url)
			if tt.check != nil {
				tt.check(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestVaultLazyCachedAndRedacting(t *testing.T) {
	t.Parallel()
	v, cs := newTestVault(t)
	assert.Equal(t, 0, cs.count(), "no store call before a reference is resolved")
	assert.Equal(t, 0, v.Redactor().Len())

	scopes := &environments.Scopes{}
	r := environments.Resolver{Scopes: scopes, Secrets: v.ForURL(context.Background(), "https://auth.pingone.com/x")}
	assert.Equal(t, "plain text", r.Replace("plain text"))
	assert.Equal(t, 0, cs.count())

	for range 3 {
		assert.Equal(t, "Bearer adm1n-s3cret / open-value", r.Replace("Bearer {{vault:admin-secret}} / <<vault:open>>"))
	}
	assert.Equal(t, 2, cs.count(), "each secret read once per run")
	assert.Equal(t, "token=***", v.Redactor().Redact("token=adm1n-s3cret"))

	// Missing secrets are cached too, so a dead keyring is not asked per request.
	_, _ = v.Resolve(context.Background(), "nope", "")
	_, _ = v.Resolve(context.Background(), "nope", "")
	assert.Equal(t, 3, cs.count())
}

func TestVaultRefusedReferenceStaysLiteral(t *testing.T) {
	t.Parallel()
	v, _ := newTestVault(t)
	var failed []string
	r := environments.Resolver{
		Scopes:      &environments.Scopes{},
		Secrets:     v.ForURL(context.Background(), "https://evil.example/"),
		SecretError: func(name string, err error) { failed = append(failed, name+": "+err.Error()) },
	}
	assert.Equal(t, "k={{vault:admin-secret}}", r.Replace("k={{vault:admin-secret}}"))
	require.Len(t, failed, 1)
	assert.Contains(t, failed[0], "may not be sent to evil.example")
}

func TestVaultForRequestChecksFinalURL(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	v, _ := newTestVault(t)
	mem := v.store.(*countingStore).SecretStore
	require.NoError(t, mem.SetSecret(ctx, "host", Secret{Value: "auth.pingone.com"}))

	rs := v.ForRequest(ctx)
	r := environments.Resolver{Scopes: &environments.Scopes{}, Secrets: rs}
	url := r.Replace("https://{{vault:host}}/as/token")
	hdr := r.Replace("Basic {{vault:admin-secret}}")
	assert.Equal(t, "https://auth.pingone.com/as/token", url)
	assert.Equal(t, "Basic adm1n-s3cret", hdr)
	assert.Equal(t, []string{"host", "admin-secret"}, rs.Names())
	assert.NoError(t, rs.Check(url))

	err := rs.Check("https://redirected.example.com/")
	var de *DomainError
	require.ErrorAs(t, err, &de, "a redirect to another host is refused")
	assert.Equal(t, "admin-secret", de.Name)
}

func TestVaultResolveSecretWithoutURL(t *testing.T) {
	t.Parallel()
	v, _ := newTestVault(t)
	got, err := v.ResolveSecret("open")
	require.NoError(t, err)
	assert.Equal(t, "open-value", got)
	_, err = v.ResolveSecret("admin-secret")
	var de *DomainError
	assert.True(t, errors.As(err, &de), "a restricted secret needs a URL")
}

func TestVaultScriptAccess(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	v, _ := newTestVault(t)
	val, ok, err := v.Get(ctx, "admin-secret")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, "adm1n-s3cret", val)
	_, ok, err = v.Get(ctx, "nope")
	require.NoError(t, err)
	assert.False(t, ok)

	require.NoError(t, v.Set(ctx, "nope", "from-script"))
	assert.Equal(t, "***", v.Redactor().Redact("from-script"))
	val, ok, err = v.Get(ctx, "nope")
	require.NoError(t, err)
	assert.True(t, ok, "Set invalidates the cached miss")
	assert.Equal(t, "from-script", val)

	require.NoError(t, v.Unset(ctx, "nope"))
	require.NoError(t, v.Unset(ctx, "nope"))
	_, ok, _ = v.Get(ctx, "nope")
	assert.False(t, ok)
}

func TestVaultUnavailableIsCached(t *testing.T) {
	t.Parallel()
	fb := failingBackend{errors.New("The name org.freedesktop.secrets was not provided by any .service files")}
	v := New(Chain{Env{Getenv: func(string) string { return "" }}, &Keyring{backend: fb}}, nil)
	_, err := v.Resolve(context.Background(), "api-key", "https://x/")
	assert.True(t, IsUnavailable(err))
	assert.Contains(t, err.Error(), "org.freedesktop.secrets")
	assert.Contains(t, err.Error(), "COURIER_VAULT_API_KEY")
}

func TestVaultUnresolve(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	v := New(NewMemory(map[string]string{"long": "abc-long-secret", "short": "abc", "tiny": "ab", "x": "abc-long"}), nil)
	assert.Equal(t, "abc-long-secret", v.Unresolve("abc-long-secret"), "nothing resolved yet")
	for _, n := range []string{"long", "short", "tiny", "x"} {
		_, err := v.Resolve(ctx, n, "https://h/")
		require.NoError(t, err)
	}
	assert.Equal(t, "k={{vault:long}}; {{vault:x}}; {{vault:short}}; ab", v.Unresolve("k=abc-long-secret; abc-long; abc; ab"))
	assert.True(t, v.Redactor().Contains("xx abc-long-secret"))
	assert.False(t, v.Redactor().Contains("xx ab"))
}

func TestShellQuote(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "api-key", shellQuote("api-key"))
	assert.Equal(t, "'my key'", shellQuote("my key"))
	assert.Equal(t, `'it'\''s'`, shellQuote("it's"))
	_, err := NewMemory(nil).Get(context.Background(), "my key")
	assert.ErrorContains(t, err, `courier vault set 'my key'`)
}
