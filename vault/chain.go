package vault

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
)

// Chain asks each store in order; the first that holds a secret supplies
// it (value and allowed domains). Writes go to the first writable store.
type Chain []Store

var _ SecretStore = Chain(nil)

// Default is the chain a run and the vault commands use: the environment
// (COURIER_VAULT_<NAME>) first, then the OS keyring. Environment first
// because that is what CI users expect of an override, and it lets a
// machine without a keyring run without ever touching D-Bus.
func Default(getenv func(string) string) Chain {
	if getenv == nil {
		getenv = os.Getenv
	}
	return Chain{Env{Getenv: getenv, Environ: os.Environ}, NewKeyring(DefaultService)}
}

// Get implements Store.
func (c Chain) Get(ctx context.Context, name string) (string, error) {
	s, err := c.GetSecret(ctx, name)
	return s.Value, err
}

// GetSecret implements SecretStore.
func (c Chain) GetSecret(ctx context.Context, name string) (Secret, error) {
	for _, st := range c {
		s, err := getSecret(ctx, st, name)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		return s, err
	}
	return Secret{}, notFound(name)
}

// getSecret reads a secret from any Store; plain Stores know no domains.
func getSecret(ctx context.Context, st Store, name string) (Secret, error) {
	if ss, ok := st.(SecretStore); ok {
		return ss.GetSecret(ctx, name)
	}
	v, err := st.Get(ctx, name)
	return Secret{Value: v}, err
}

// Set implements Store.
func (c Chain) Set(ctx context.Context, name, value string) error {
	for _, st := range c {
		if err := st.Set(ctx, name, value); !errors.Is(err, ErrReadOnly) {
			return err
		}
	}
	return ErrReadOnly
}

// SetSecret implements SecretStore.
func (c Chain) SetSecret(ctx context.Context, name string, s Secret) error {
	for _, st := range c {
		ss, ok := st.(SecretStore)
		if !ok {
			continue
		}
		if err := ss.SetSecret(ctx, name, s); !errors.Is(err, ErrReadOnly) {
			return err
		}
	}
	return ErrReadOnly
}

// Delete removes name from every writable store. A secret that only a
// read-only store (the environment) holds cannot be deleted; the error says
// where it comes from.
func (c Chain) Delete(ctx context.Context, name string) error {
	deleted := false
	var readOnly Store
	for _, st := range c {
		err := st.Delete(ctx, name)
		switch {
		case err == nil:
			deleted = true
		case errors.Is(err, ErrNotFound):
		case errors.Is(err, ErrReadOnly):
			if _, gerr := st.Get(ctx, name); gerr == nil && readOnly == nil {
				readOnly = st
			}
		default:
			return err
		}
	}
	switch {
	case readOnly != nil:
		where := "a read-only store"
		if _, ok := readOnly.(Env); ok {
			where = "the environment variable " + EnvName(name)
		}
		if deleted {
			return fmt.Errorf("vault secret %q was deleted from the keyring, but %s still supplies it: unset it there", name, where)
		}
		return fmt.Errorf("vault secret %q comes from %s: unset it there", name, where)
	case !deleted:
		return notFound(name)
	}
	return nil
}

// List returns the union of every store's names. When a store fails, the
// names of the others are still returned, with the error.
func (c Chain) List(ctx context.Context) ([]string, error) {
	var names []string
	var errs []error
	for _, st := range c {
		ns, err := st.List(ctx)
		if err != nil {
			errs = append(errs, err)
		}
		for _, n := range ns {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names, errors.Join(errs...)
}
