package vault

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/courier-run/courier/internal/testenv"
)

// fakeBackend is an in-memory go-keyring with go-keyring's errors; unlike
// keyring.MockInit it is not global, so tests using it run in parallel.
type fakeBackend struct {
	mu    sync.Mutex
	items map[[2]string]string
	calls int
}

func newFakeBackend() *fakeBackend { return &fakeBackend{items: map[[2]string]string{}} }

func (f *fakeBackend) Get(service, user string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	v, ok := f.items[[2]string{service, user}]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (f *fakeBackend) Set(service, user, pw string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	f.items[[2]string{service, user}] = pw
	return nil
}

func (f *fakeBackend) Delete(service, user string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	k := [2]string{service, user}
	if _, ok := f.items[k]; !ok {
		return keyring.ErrNotFound
	}
	delete(f.items, k)
	return nil
}

// failingBackend fails every call with err.
type failingBackend struct{ err error }

func (b failingBackend) Get(string, string) (string, error) { return "", b.err }
func (b failingBackend) Set(string, string, string) error   { return b.err }
func (b failingBackend) Delete(string, string) error        { return b.err }

// blockingBackend never answers until release is closed, like a locked
// Secret Service collection waiting on its unlock prompt.
type blockingBackend struct{ release chan struct{} }

func (b blockingBackend) Get(string, string) (string, error) { <-b.release; return "", nil }
func (b blockingBackend) Set(string, string, string) error   { <-b.release; return nil }
func (b blockingBackend) Delete(string, string) error        { <-b.release; return nil }

func TestKeyringTimeout(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	defer close(release)
	k := &Keyring{Service: "t", Timeout: 50 * time.Millisecond, backend: blockingBackend{release}}
	start := time.Now()
	_, err := k.Get(context.Background(), "api-key")
	elapsed := time.Since(start)
	require.Error(t, err)
	var te *TimeoutError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "get", te.Op)
	assert.True(t, IsUnavailable(err), "a time-out is an unavailable vault")
	assert.Contains(t, err.Error(), "did not answer within 50ms")
	assert.Contains(t, err.Error(), "COURIER_VAULT_API_KEY")
	// The backend never answers: returning at all shows the time-out
	// worked; the bound is generous because CI machines are shared.
	assert.Less(t, elapsed, 30*time.Second)

	// Once broken, the keyring answers at once instead of waiting again.
	// A wait now would last the (raised) timeout, far past the bound, so
	// the check does not depend on how fast this machine is.
	k.Timeout = 2 * time.Minute
	start = time.Now()
	_, err = k.Get(context.Background(), "other")
	assert.True(t, IsUnavailable(err))
	assert.Contains(t, err.Error(), "COURIER_VAULT_OTHER")
	assert.Less(t, time.Since(start), 30*time.Second)
}

func TestKeyringContextCancel(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	defer close(release)
	k := &Keyring{Timeout: time.Minute, backend: blockingBackend{release}}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := k.Get(ctx, "x")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.False(t, IsUnavailable(err), "the caller's own deadline is not the keyring's fault")
}

func TestKeyringErrorMapping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		err   error
		check func(*testing.T, error)
	}{
		{"not found is missing", keyring.ErrNotFound, func(t *testing.T, err error) {
			assert.ErrorIs(t, err, ErrNotFound)
			assert.False(t, IsUnavailable(err))
		}},
		{"wrapped not found is missing", fmt.Errorf("x: %w", keyring.ErrNotFound), func(t *testing.T, err error) {
			assert.ErrorIs(t, err, ErrNotFound)
		}},
		{"no dbus is unavailable", errors.New(`exec: "dbus-launch": executable file not found in $PATH`), func(t *testing.T, err error) {
			var ue *UnavailableError
			require.ErrorAs(t, err, &ue)
			assert.Equal(t, "tok", ue.Name)
			assert.NotContains(t, err.Error(), "dbus-launch", "the library's attempt to start a bus is noise to the user")
			assert.Contains(t, err.Error(), "no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set")
			assert.Contains(t, err.Error(), "COURIER_VAULT_TOK")
			assert.Contains(t, err.Error(), "COURIER_VAULT_TOK")
			assert.NotErrorIs(t, err, ErrNotFound)
		}},
		{"locked collection is unavailable", errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"), func(t *testing.T, err error) {
			assert.True(t, IsUnavailable(err))
			assert.Contains(t, err.Error(), "keyring is locked")
			assert.Contains(t, err.Error(), "gnome-keyring-daemon --replace --unlock --components=secrets")
			assert.Contains(t, err.Error(), "COURIER_VAULT_TOK")
		}},
		{"too big is neither", keyring.ErrSetDataTooBig, func(t *testing.T, err error) {
			assert.False(t, IsUnavailable(err))
			assert.NotErrorIs(t, err, ErrNotFound)
			assert.Contains(t, err.Error(), "too big")
			assert.Contains(t, err.Error(), "supply it as the environment variable COURIER_VAULT_TOK instead", "the error says the fix")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := &Keyring{backend: failingBackend{tt.err}}
			_, err := k.Get(context.Background(), "tok")
			tt.check(t, err)
		})
	}
}

func TestKeyringItemFormat(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	fb := newFakeBackend()
	k := &Keyring{Service: "svc", backend: fb}

	// A secret without domains is stored bare, readable by other tools.
	require.NoError(t, k.Set(ctx, "plain", "p-value"))
	assert.Equal(t, "p-value", fb.items[[2]string{"svc", "plain"}])

	// One with domains carries them in the same item, canonicalized.
	require.NoError(t, k.SetSecret(ctx, "scoped", Secret{Value: "s", Domains: []string{"API.Example.com.", "https://*.ex.org:443"}}))
	s, err := k.GetSecret(ctx, "scoped")
	require.NoError(t, err)
	assert.Equal(t, Secret{Value: "s", Domains: []string{"api.example.com", "https://*.ex.org:443"}}, s)

	// A bare value that looks like an envelope still round-trips.
	tricky := envelopePrefix + `{"value":"evil","domains":[]}`
	require.NoError(t, k.Set(ctx, "tricky", tricky))
	v, err := k.Get(ctx, "tricky")
	require.NoError(t, err)
	assert.Equal(t, tricky, v)

	// An item stored by another tool is read as is.
	fb.items[[2]string{"svc", "external"}] = "from secret-tool"
	v, err = k.Get(ctx, "external")
	require.NoError(t, err)
	assert.Equal(t, "from secret-tool", v)

	// A damaged envelope is an error, never an unrestricted secret.
	fb.items[[2]string{"svc", "damaged"}] = envelopePrefix + `{"value":`
	_, err = k.Get(ctx, "damaged")
	assert.ErrorContains(t, err, "damaged")
	assert.False(t, IsUnavailable(err))

	_, err = k.Get(ctx, IndexUser)
	assert.ErrorContains(t, err, "reserved", "the index is not a secret")
}

func TestKeyringIndexRobustness(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	indexKey := [2]string{"svc", IndexUser}

	t.Run("missing index lists nothing", func(t *testing.T) {
		t.Parallel()
		k := &Keyring{Service: "svc", backend: newFakeBackend()}
		names, err := k.List(ctx)
		require.NoError(t, err)
		assert.Empty(t, names)
	})
	t.Run("corrupt index fails List, then Set rewrites it", func(t *testing.T) {
		t.Parallel()
		fb := newFakeBackend()
		fb.items[indexKey] = "{not json"
		fb.items[[2]string{"svc", "old"}] = "o"
		k := &Keyring{Service: "svc", backend: fb}
		_, err := k.List(ctx)
		assert.ErrorContains(t, err, "unreadable")
		v, err := k.Get(ctx, "old")
		require.NoError(t, err, "secrets resolve without the index")
		assert.Equal(t, "o", v)
		require.NoError(t, k.Set(ctx, "new", "n"))
		names, err := k.List(ctx)
		require.NoError(t, err)
		assert.Equal(t, []string{"new"}, names)
	})
	t.Run("corrupt index rewritten by Delete", func(t *testing.T) {
		t.Parallel()
		fb := newFakeBackend()
		fb.items[indexKey] = `{"version":7}`
		fb.items[[2]string{"svc", "x"}] = "x"
		k := &Keyring{Service: "svc", backend: fb}
		require.NoError(t, k.Delete(ctx, "x"))
		names, err := k.List(ctx)
		require.NoError(t, err)
		assert.Empty(t, names)
	})
	t.Run("invalid and duplicate names in the index are dropped", func(t *testing.T) {
		t.Parallel()
		fb := newFakeBackend()
		fb.items[indexKey] = `{"version":1,"names":["b","a","b","","x{y}"]}`
		k := &Keyring{Service: "svc", backend: fb}
		names, err := k.List(ctx)
		require.NoError(t, err)
		assert.Equal(t, []string{"a", "b"}, names)
	})
	t.Run("stale index entry is cleaned by Delete", func(t *testing.T) {
		t.Parallel()
		fb := newFakeBackend()
		fb.items[indexKey] = `{"version":1,"names":["gone"]}`
		k := &Keyring{Service: "svc", backend: fb}
		require.NoError(t, k.Delete(ctx, "gone"))
		names, err := k.List(ctx)
		require.NoError(t, err)
		assert.Empty(t, names)
		assert.ErrorIs(t, k.Delete(ctx, "gone"), ErrNotFound)
	})
}

// realKeyring returns a Keyring on the real Secret Service under a
// throw-away service name, or skips when none is reachable.
func realKeyring(t *testing.T) *Keyring {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		skipOrFail(t, "no D-Bus session (DBUS_SESSION_BUS_ADDRESS unset): run under dbus-run-session with gnome-keyring-daemon --unlock --components=secrets, as .ci/run does")
	}
	// Hang guards only: courier's 3 s per call (DefaultTimeout) is for a
	// locked collection waiting on a prompt; here it would be a speed bound
	// on the Secret Service of a loaded machine (gnome-keyring rewrites its
	// file at each change). TestKeyringTimeout checks the limit itself.
	k := &Keyring{Service: fmt.Sprintf("courier-test-%d-%d", os.Getpid(), time.Now().UnixNano()), Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := k.Probe(ctx); err != nil {
		skipOrFail(t, fmt.Sprintf("no usable Secret Service: %v", err))
	}
	t.Cleanup(func() { _ = keyring.DeleteAll(k.Service) })
	return k
}

func TestRealKeyring(t *testing.T) {
	k := realKeyring(t)
	ctx := context.Background()

	_, err := k.Get(ctx, "absent")
	require.ErrorIs(t, err, ErrNotFound, "the real Secret Service's not-found maps to ErrNotFound")

	require.NoError(t, k.SetSecret(ctx, "pingone-secret", Secret{Value: "s3cr3t-ü-value", Domains: []string{"api.pingone.com"}}))
	require.NoError(t, k.Set(ctx, "plain", "plain-value"))
	s, err := k.GetSecret(ctx, "pingone-secret")
	require.NoError(t, err)
	assert.Equal(t, Secret{Value: "s3cr3t-ü-value", Domains: []string{"api.pingone.com"}}, s)

	raw, err := keyring.Get(k.Service, "plain")
	require.NoError(t, err)
	assert.Equal(t, "plain-value", raw, "domain-less secrets are stored bare")

	names, err := k.List(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{"pingone-secret", "plain"}, names)

	require.NoError(t, k.Delete(ctx, "plain"))
	_, err = k.Get(ctx, "plain")
	assert.ErrorIs(t, err, ErrNotFound)
	names, err = k.List(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{"pingone-secret"}, names)

	// Resolution through the default chain order, with the domain check.
	v := New(Chain{Env{Getenv: func(string) string { return "" }}, k}, nil)
	got, err := v.Resolve(ctx, "pingone-secret", "https://api.pingone.com/v1/environments")
	require.NoError(t, err)
	assert.Equal(t, "s3cr3t-ü-value", got)
	_, err = v.Resolve(ctx, "pingone-secret", "https://evil.example.net/")
	var de *DomainError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "***", v.Redactor().Redact("s3cr3t-ü-value"))
}

// skipOrFail skips a real-keyring test, or fails it when
// COURIER_REQUIRE_KEYRING=1 (CI sets it so the tests cannot silently skip).
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	testenv.Keyring(t, msg)
}

// slowIndexBackend widens the index read-modify-write window so that
// unserialized writers would overwrite each other's names.
type slowIndexBackend struct{ *fakeBackend }

func (b slowIndexBackend) Get(service, user string) (string, error) {
	v, err := b.fakeBackend.Get(service, user)
	if user == IndexUser {
		time.Sleep(5 * time.Millisecond)
	}
	return v, err
}

// TestKeyringIndexLockAcrossProcesses plays several processes (separate
// Keyrings, so separate in-process mutexes) adding names at once: with the
// shared IndexLock every name stays listed.
func TestKeyringIndexLockAcrossProcesses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	be := slowIndexBackend{newFakeBackend()}
	var shared sync.Mutex
	lock := func() (func(), error) { shared.Lock(); return shared.Unlock, nil }
	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := &Keyring{Service: "svc", backend: be, IndexLock: lock}
			assert.NoError(t, k.Set(ctx, fmt.Sprintf("name%d", i), "v"))
		}()
	}
	wg.Wait()
	names, err := (&Keyring{Service: "svc", backend: be}).List(ctx)
	require.NoError(t, err)
	assert.Len(t, names, n, "every concurrent Set is listed: %v", names)

	failing := &Keyring{Service: "svc", backend: be, IndexLock: func() (func(), error) { return nil, errors.New("lock busy") }}
	assert.ErrorContains(t, failing.Set(ctx, "late", "v"), "locking the vault index: lock busy")
	_, err = failing.GetSecret(ctx, "late")
	assert.ErrorIs(t, err, ErrNotFound, "a set that cannot lock the index stores nothing")
}
