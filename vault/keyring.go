package vault

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// DefaultService is the keyring service courier's secrets live under.
const DefaultService = "courier"

// DefaultTimeout bounds each keyring call. A locked Secret Service
// collection waits for an unlock prompt forever; three seconds is what
// GitHub's CLI allows.
const DefaultTimeout = 3 * time.Second

// IndexUser is the reserved keyring entry listing the names of courier's
// secrets: go-keyring v0.2.8 cannot enumerate a service's items.
const IndexUser = "__courier_index__"

// envelopePrefix marks a keyring item holding a JSON envelope (value plus
// allowed domains) rather than a bare value.
const envelopePrefix = "courier-vault/1 "

// backend is the part of go-keyring the Keyring store uses; tests swap it
// for one that blocks or fails instead of touching the global mock.
type backend interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
	Delete(service, user string) error
}

// osKeyring is the real OS keyring.
type osKeyring struct{}

func (osKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (osKeyring) Set(service, user, pw string) error       { return keyring.Set(service, user, pw) }
func (osKeyring) Delete(service, user string) error        { return keyring.Delete(service, user) }

// Keyring is the SecretStore over the OS keyring. Use it by pointer; the
// zero value (with Service empty) uses DefaultService and DefaultTimeout.
//
// Layout, under service Service:
//   - each secret is an item whose user is the secret's name. Its password
//     is the bare value when the secret has no allowed domains (so
//     "secret-tool lookup service courier username NAME" shows it, and
//     items stored by other tools are read as is), otherwise
//     "courier-vault/1 " followed by JSON {"value":…,"domains":[…]}. The
//     domains live in the same item as the value so the two can never
//     diverge, and losing the index can never widen where a secret goes.
//   - the item IndexUser holds {"version":1,"names":[…]}, only for List.
//     A missing index lists nothing; an unreadable one makes List fail
//     with a hint while Get, Set and Delete keep working, and the next Set
//     or Delete rewrites it. IndexLock serializes index updates across
//     processes; without it two processes updating the index at the same
//     moment may drop a name from the list (never the secret itself).
//
// Every call runs in its own goroutine and gives up after Timeout (a hung
// D-Bus call leaks that goroutine until it returns). After the keyring has
// once proved unavailable, later calls fail at once with the same error
// instead of waiting again.
type Keyring struct {
	Service string
	Timeout time.Duration
	// IndexLock, when set, is held around each read-modify-write of the
	// index so concurrent courier processes cannot lose each other's
	// names. The caller owns where the lock lives (cmd puts a file lock in
	// the state directory); nil serializes within this process only.
	IndexLock func() (unlock func(), err error)

	backend backend // nil: the OS keyring

	mu      sync.Mutex // guards broken
	broken  error
	indexMu sync.Mutex // serializes this process's index read-modify-writes
}

var _ SecretStore = (*Keyring)(nil)

// NewKeyring returns the OS keyring store for service (DefaultService if
// empty) with DefaultTimeout.
func NewKeyring(service string) *Keyring {
	return &Keyring{Service: service, Timeout: DefaultTimeout}
}

func (k *Keyring) service() string {
	if k.Service == "" {
		return DefaultService
	}
	return k.Service
}

func (k *Keyring) timeout() time.Duration {
	if k.Timeout <= 0 {
		return DefaultTimeout
	}
	return k.Timeout
}

func (k *Keyring) be() backend {
	if k.backend == nil {
		return osKeyring{}
	}
	return k.backend
}

// call runs fn under the time-out and maps its error: go-keyring's
// ErrNotFound is the only "missing"; anything else means unavailable.
func (k *Keyring) call(ctx context.Context, name, op string, fn func(backend) error) error {
	k.mu.Lock()
	broken := k.broken
	k.mu.Unlock()
	if broken != nil {
		return &UnavailableError{Name: name, Err: broken}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	be := k.be()
	done := make(chan error, 1) // buffered: a late answer must not block the goroutine
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("keyring %s panicked: %v", op, r)
			}
		}()
		done <- fn(be)
	}()
	timer := time.NewTimer(k.timeout())
	defer timer.Stop()
	var err error
	select {
	case err = <-done:
	case <-timer.C:
		err = &TimeoutError{Op: op, After: k.timeout()}
	case <-ctx.Done():
		return ctx.Err()
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return notFound(name)
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return fmt.Errorf("vault secret %q is too big for the OS keyring: supply it as the environment variable %s instead", name, EnvName(name))
	}
	k.mu.Lock()
	if k.broken == nil {
		k.broken = err
	}
	k.mu.Unlock()
	return &UnavailableError{Name: name, Err: err}
}

// Probe makes one cheap keyring call (reading the index) and returns an
// *UnavailableError when the keyring cannot be used.
func (k *Keyring) Probe(ctx context.Context) error {
	err := k.call(ctx, "", "get", func(b backend) error {
		_, err := b.Get(k.service(), IndexUser)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// Get implements Store.
func (k *Keyring) Get(ctx context.Context, name string) (string, error) {
	s, err := k.GetSecret(ctx, name)
	return s.Value, err
}

// GetSecret implements SecretStore.
func (k *Keyring) GetSecret(ctx context.Context, name string) (Secret, error) {
	if err := ValidateName(name); err != nil {
		return Secret{}, err
	}
	var raw string
	err := k.call(ctx, name, "get", func(b backend) error {
		var err error
		raw, err = b.Get(k.service(), name)
		return err
	})
	if err != nil {
		return Secret{}, err
	}
	return decodeItem(name, raw)
}

// Set implements Store, keeping the secret's allowed domains.
func (k *Keyring) Set(ctx context.Context, name, value string) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	old, err := k.GetSecret(ctx, name)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	return k.SetSecret(ctx, name, Secret{Value: value, Domains: old.Domains})
}

// SetSecret implements SecretStore.
func (k *Keyring) SetSecret(ctx context.Context, name string, s Secret) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	domains, err := NormalizeDomains(s.Domains)
	if err != nil {
		return err
	}
	raw, err := encodeItem(Secret{Value: s.Value, Domains: domains})
	if err != nil {
		return err
	}
	// The index lock is taken before the item is written, so a lock that
	// cannot be had fails the command with nothing stored.
	return k.withIndexLock(func() error {
		if err := k.call(ctx, name, "set", func(b backend) error { return b.Set(k.service(), name, raw) }); err != nil {
			return err
		}
		_, err := k.updateIndexLocked(ctx, name, func(names []string) []string {
			if slices.Contains(names, name) {
				return names
			}
			return append(names, name)
		})
		return err
	})
}

// Delete implements Store. A name listed in the index whose item is gone
// is removed from the index without error.
func (k *Keyring) Delete(ctx context.Context, name string) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	return k.withIndexLock(func() error {
		delErr := k.call(ctx, name, "delete", func(b backend) error { return b.Delete(k.service(), name) })
		if delErr != nil && !errors.Is(delErr, ErrNotFound) {
			return delErr
		}
		listed, err := k.updateIndexLocked(ctx, name, func(names []string) []string {
			return slices.DeleteFunc(names, func(n string) bool { return n == name })
		})
		if err != nil {
			return err
		}
		if delErr != nil && !listed {
			return delErr
		}
		return nil
	})
}

// List implements Store from the index.
func (k *Keyring) List(ctx context.Context) ([]string, error) {
	names, corrupt, err := k.readIndex(ctx)
	if err != nil {
		return nil, err
	}
	if corrupt != nil {
		return nil, fmt.Errorf("the vault index (keyring item %q of service %q) is unreadable (%v): "+
			"secrets still resolve by name, and the next \"courier vault set\" or \"delete\" rewrites the index",
			IndexUser, k.service(), corrupt)
	}
	return names, nil
}

type index struct {
	Version int      `json:"version"`
	Names   []string `json:"names"`
}

// readIndex returns the sorted names in the index. corrupt is set (and
// names empty) when the index exists but cannot be parsed.
func (k *Keyring) readIndex(ctx context.Context) (names []string, corrupt, err error) {
	var raw string
	err = k.call(ctx, IndexUser, "get", func(b backend) error {
		var err error
		raw, err = b.Get(k.service(), IndexUser)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var ix index
	if jerr := json.Unmarshal([]byte(raw), &ix); jerr != nil {
		return nil, jerr, nil
	}
	if ix.Version != 1 {
		return nil, fmt.Errorf("unknown index version %d", ix.Version), nil
	}
	for _, n := range ix.Names {
		if ValidateName(n) == nil && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names, nil, nil
}

// withIndexLock runs fn holding the index: this process's mutex, and
// IndexLock across processes when set.
func (k *Keyring) withIndexLock(fn func() error) error {
	k.indexMu.Lock()
	defer k.indexMu.Unlock()
	if k.IndexLock != nil {
		unlock, err := k.IndexLock()
		if err != nil {
			return fmt.Errorf("locking the vault index: %w", err)
		}
		defer unlock()
	}
	return fn()
}

// updateIndexLocked rewrites the index with edit applied and reports whether
// name was listed before. An unreadable index is replaced. The caller holds
// the index lock.
func (k *Keyring) updateIndexLocked(ctx context.Context, name string, edit func([]string) []string) (bool, error) {
	names, corrupt, err := k.readIndex(ctx)
	if err != nil {
		return false, err
	}
	listed := slices.Contains(names, name)
	next := edit(slices.Clone(names))
	sort.Strings(next)
	if slices.Equal(next, names) && corrupt == nil {
		return listed, nil
	}
	raw, err := json.Marshal(index{Version: 1, Names: next})
	if err != nil {
		return listed, err
	}
	return listed, k.call(ctx, IndexUser, "set", func(b backend) error { return b.Set(k.service(), IndexUser, string(raw)) })
}

func encodeItem(s Secret) (string, error) {
	if len(s.Domains) == 0 && !strings.HasPrefix(s.Value, envelopePrefix) {
		return s.Value, nil
	}
	b, err := json.Marshal(struct {
		Value   string   `json:"value"`
		Domains []string `json:"domains,omitempty"`
	}{s.Value, s.Domains})
	if err != nil {
		return "", fmt.Errorf("encoding the keyring item: %w", err)
	}
	return envelopePrefix + string(b), nil
}

// decodeItem reads a keyring item. A damaged envelope is an error, never a
// secret without domain restrictions.
func decodeItem(name, raw string) (Secret, error) {
	rest, ok := strings.CutPrefix(raw, envelopePrefix)
	if !ok {
		return Secret{Value: raw}, nil
	}
	var env struct {
		Value   *string  `json:"value"`
		Domains []string `json:"domains"`
	}
	if err := json.Unmarshal([]byte(rest), &env); err != nil || env.Value == nil {
		return Secret{}, fmt.Errorf("vault secret %q: the keyring item is damaged; set it again with \"courier vault set %s\"", name, shellQuote(name))
	}
	return Secret{Value: *env.Value, Domains: env.Domains}, nil
}
