package vault

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// EnvPrefix starts the environment variables Env reads.
const EnvPrefix = "COURIER_VAULT_"

// envDomainsSuffix ends the variable holding a secret's allowed domains:
// COURIER_VAULT_<NAME>__DOMAINS="api.example.com,*.example.org".
const envDomainsSuffix = "__DOMAINS"

// EnvName returns the environment variable that holds secret name:
// COURIER_VAULT_ followed by name upper-cased, with every character that is
// not an ASCII letter or digit replaced by "_" ("my-api.key" →
// COURIER_VAULT_MY_API_KEY). Distinct names can map to the same variable
// ("a-b" and "a_b"); the variable then supplies both.
func EnvName(name string) string {
	var b strings.Builder
	b.Grow(len(EnvPrefix) + len(name))
	b.WriteString(EnvPrefix)
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// Env is a read-only SecretStore over the process environment. A secret's
// value is the variable EnvName(name); an empty or unset variable means "not
// found". Its allowed domains, if any, are the comma-separated patterns in
// EnvName(name)+"__DOMAINS", so CI can restrict a secret as the keyring does.
type Env struct {
	// Getenv reads one variable (os.Getenv in production).
	Getenv func(string) string
	// Environ lists the environment as KEY=VALUE (os.Environ); only List
	// needs it, and List returns nothing when it is nil.
	Environ func() []string
}

var _ SecretStore = Env{}

// Get implements Store.
func (e Env) Get(ctx context.Context, name string) (string, error) {
	s, err := e.GetSecret(ctx, name)
	return s.Value, err
}

// GetSecret implements SecretStore.
func (e Env) GetSecret(ctx context.Context, name string) (Secret, error) {
	if err := ctx.Err(); err != nil {
		return Secret{}, err
	}
	if e.Getenv == nil || name == "" {
		return Secret{}, notFound(name)
	}
	key := EnvName(name)
	v := e.Getenv(key)
	if v == "" {
		return Secret{}, notFound(name)
	}
	var domains []string
	if d := e.Getenv(key + envDomainsSuffix); d != "" {
		domains = SplitDomains(d)
		if err := ValidateDomains(domains); err != nil {
			return Secret{}, fmt.Errorf("%s%s: %w", key, envDomainsSuffix, err)
		}
	}
	return Secret{Value: v, Domains: domains}, nil
}

// Set implements Store; the environment cannot be written.
func (e Env) Set(context.Context, string, string) error { return ErrReadOnly }

// SetSecret implements SecretStore; the environment cannot be written.
func (e Env) SetSecret(context.Context, string, Secret) error { return ErrReadOnly }

// Delete implements Store; the environment cannot be written.
func (e Env) Delete(context.Context, string) error { return ErrReadOnly }

// List returns the secrets the environment holds, named by their variable
// without the prefix (COURIER_VAULT_MY_KEY lists as MY_KEY: the original
// spelling cannot be recovered). Domain variables are not listed.
func (e Env) List(ctx context.Context) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if e.Environ == nil {
		return nil, nil
	}
	var names []string
	for _, kv := range e.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(k, EnvPrefix) || v == "" || strings.HasSuffix(k, envDomainsSuffix) {
			continue
		}
		if name := k[len(EnvPrefix):]; name != "" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, nil
}
