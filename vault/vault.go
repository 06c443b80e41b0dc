package vault

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/courier-run/courier/environments"
)

// Vault resolves {{vault:NAME}} references for one run: it reads secrets
// lazily from its store (nothing is asked until a reference is resolved),
// caches each answer (value or error) for the run, enforces allowed
// domains, and registers every value it hands out with its Redactor.
// Safe for concurrent use.
type Vault struct {
	store Store
	red   *Redactor

	mu    sync.Mutex // held across a store call: keyring calls are serial anyway
	cache map[string]cached
}

type cached struct {
	secret Secret
	err    error
}

// New returns a Vault over store. red receives every resolved value; nil
// makes a new Redactor (see Redactor).
func New(store Store, red *Redactor) *Vault {
	if red == nil {
		red = NewRedactor()
	}
	return &Vault{store: store, red: red, cache: map[string]cached{}}
}

// Redactor returns the Redactor holding every value resolved so far.
func (v *Vault) Redactor() *Redactor { return v.red }

// lookup returns name's secret from the cache or the store. Errors are
// cached too (a missing keyring is not asked again for every request),
// except cancellation.
func (v *Vault) lookup(ctx context.Context, name string) (Secret, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if c, ok := v.cache[name]; ok {
		return c.secret, c.err
	}
	var s Secret
	err := ValidateName(name)
	if err == nil {
		s, err = getSecret(ctx, v.store, name)
	}
	if err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return Secret{}, err
	}
	if err == nil {
		v.red.Add(s.Value)
	}
	v.cache[name] = cached{secret: s, err: err}
	return s, err
}

// Resolve returns secret name for a request to requestURL, or an error when
// the secret is missing, the vault is unavailable (IsUnavailable), or the
// URL's host is not among the secret's allowed domains (*DomainError).
// Errors name the secret, never its value.
func (v *Vault) Resolve(ctx context.Context, name, requestURL string) (string, error) {
	s, err := v.lookup(ctx, name)
	if err != nil {
		return "", err
	}
	if err := CheckURL(name, s.Domains, requestURL); err != nil {
		return "", err
	}
	return s.Value, nil
}

// ResolveSecret implements environments.SecretResolver without a request:
// a secret restricted to some domains is refused, since there is no URL to
// check. Use ForURL or ForRequest when sending.
func (v *Vault) ResolveSecret(name string) (string, error) {
	s, err := v.lookup(context.Background(), name)
	if err != nil {
		return "", err
	}
	if len(s.Domains) > 0 {
		return "", &DomainError{Name: name, Allowed: s.Domains}
	}
	return s.Value, nil
}

// ForURL returns a resolver that checks every secret against requestURL
// (the request's final URL) as it resolves it.
func (v *Vault) ForURL(ctx context.Context, requestURL string) environments.SecretResolver {
	return urlResolver{v: v, ctx: ctx, url: requestURL}
}

type urlResolver struct {
	v   *Vault
	ctx context.Context
	url string
}

func (u urlResolver) ResolveSecret(name string) (string, error) {
	return u.v.Resolve(u.ctx, name, u.url)
}

// ForRequest returns a resolver for one request whose URL is not final yet
// (the URL itself may hold references). It resolves without checking and
// records the names; call Check with the final URL before sending, and
// again for each redirect target.
func (v *Vault) ForRequest(ctx context.Context) *RequestSecrets {
	return &RequestSecrets{v: v, ctx: ctx}
}

// RequestSecrets resolves the secrets of one request; see Vault.ForRequest.
type RequestSecrets struct {
	v   *Vault
	ctx context.Context

	mu    sync.Mutex
	names []string
}

var _ environments.SecretResolver = (*RequestSecrets)(nil)

// ResolveSecret implements environments.SecretResolver.
func (r *RequestSecrets) ResolveSecret(name string) (string, error) {
	s, err := r.v.lookup(r.ctx, name)
	if err != nil {
		return "", err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, n := range r.names {
		if n == name {
			return s.Value, nil
		}
	}
	r.names = append(r.names, name)
	return s.Value, nil
}

// Names returns the secrets resolved so far, in order of first use.
func (r *RequestSecrets) Names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.names...)
}

// Check returns nil when every secret resolved so far may be sent to
// requestURL, else the *DomainError of each one that may not (joined).
func (r *RequestSecrets) Check(requestURL string) error {
	var errs []error
	for _, name := range r.Names() {
		s, err := r.v.lookup(r.ctx, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := CheckURL(name, s.Domains, requestURL); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Get returns secret name for a script (pm.vault.get): no domain check, as
// the script decides where the value goes; ok is false when it does not
// exist. Access must be granted by the run (--vault-scripts).
func (v *Vault) Get(ctx context.Context, name string) (value string, ok bool, err error) {
	s, err := v.lookup(ctx, name)
	if errors.Is(err, ErrNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return s.Value, true, nil
}

// Set stores a secret for a script (pm.vault.set), keeping its allowed
// domains, and masks the value from now on.
func (v *Vault) Set(ctx context.Context, name, value string) error {
	v.red.Add(value)
	if err := v.store.Set(ctx, name, value); err != nil {
		return fmt.Errorf("setting vault secret %q: %w", name, err)
	}
	v.mu.Lock()
	delete(v.cache, name) // re-read with its domains on next use
	v.mu.Unlock()
	return nil
}

// Unset deletes a secret for a script (pm.vault.unset); a missing secret
// is not an error.
func (v *Vault) Unset(ctx context.Context, name string) error {
	err := v.store.Delete(ctx, name)
	v.mu.Lock()
	delete(v.cache, name)
	v.mu.Unlock()
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("deleting vault secret %q: %w", name, err)
	}
	return nil
}

// Unresolve turns resolved secret values in s back into their references
// ({{vault:NAME}}), longest value first, for exports and persisted values:
// a script that copied a secret into a variable exports the reference,
// never the value. Values too short to redact are left alone.
func (v *Vault) Unresolve(s string) string {
	v.mu.Lock()
	type pair struct{ name, value string }
	var pairs []pair
	for name, c := range v.cache {
		if c.err == nil && utf8.RuneCountInString(c.secret.Value) >= MinSecretLen && strings.TrimSpace(c.secret.Value) != "" {
			pairs = append(pairs, pair{name, c.secret.Value})
		}
	}
	v.mu.Unlock()
	if len(pairs) == 0 {
		return s
	}
	sort.Slice(pairs, func(i, j int) bool {
		if len(pairs[i].value) != len(pairs[j].value) {
			return len(pairs[i].value) > len(pairs[j].value)
		}
		return pairs[i].name < pairs[j].name
	})
	args := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		args = append(args, p.value, "{{vault:"+p.name+"}}")
	}
	return strings.NewReplacer(args...).Replace(s)
}
