package vault

import (
	"context"
	"slices"
	"sort"
	"sync"
)

// Memory is an in-memory SecretStore for tests and for script-set secrets
// that must not outlive a run. The zero value is ready to use.
type Memory struct {
	mu      sync.Mutex
	secrets map[string]Secret
}

var _ SecretStore = (*Memory)(nil)

// NewMemory returns a Memory holding the given name→value pairs, with no
// domain restrictions.
func NewMemory(values map[string]string) *Memory {
	m := &Memory{secrets: make(map[string]Secret, len(values))}
	for k, v := range values {
		m.secrets[k] = Secret{Value: v}
	}
	return m
}

// Get implements Store.
func (m *Memory) Get(ctx context.Context, name string) (string, error) {
	s, err := m.GetSecret(ctx, name)
	return s.Value, err
}

// GetSecret implements SecretStore.
func (m *Memory) GetSecret(ctx context.Context, name string) (Secret, error) {
	if err := ctx.Err(); err != nil {
		return Secret{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.secrets[name]
	if !ok {
		return Secret{}, notFound(name)
	}
	s.Domains = slices.Clone(s.Domains)
	return s, nil
}

// Set implements Store; it keeps name's allowed domains.
func (m *Memory) Set(ctx context.Context, name, value string) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.secrets == nil {
		m.secrets = map[string]Secret{}
	}
	s := m.secrets[name]
	s.Value = value
	m.secrets[name] = s
	return nil
}

// SetSecret implements SecretStore.
func (m *Memory) SetSecret(ctx context.Context, name string, s Secret) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	if err := ValidateDomains(s.Domains); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.secrets == nil {
		m.secrets = map[string]Secret{}
	}
	s.Domains = slices.Clone(s.Domains)
	m.secrets[name] = s
	return nil
}

// Delete implements Store.
func (m *Memory) Delete(ctx context.Context, name string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.secrets[name]; !ok {
		return notFound(name)
	}
	delete(m.secrets, name)
	return nil
}

// List implements Store.
func (m *Memory) List(ctx context.Context) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.secrets))
	for k := range m.secrets {
		names = append(names, k)
	}
	sort.Strings(names)
	return names, nil
}
