package suite

import (
	"slices"
	"sync"

	"github.com/courier-run/courier/vault"
)

// learnedSecrets is the runs' Masker: the suite's Redactor, which also
// remembers the values runs registered with Add, the values scripts gave
// variables of type secret (runner's secretLearner). They are masked like
// every secret, and kept as current values as the variable's value is (a
// token a login stored chains to the next run, as Postman keeps secret
// variables' current values), unless they hold another secret.
type learnedSecrets struct {
	*vault.Redactor
	mu     sync.Mutex
	values []string
}

// Add registers values as secrets and remembers those that were not
// secrets already (a vault value a script copied into a variable of type
// secret stays one the store refuses).
func (l *learnedSecrets) Add(values ...string) {
	l.mu.Lock()
	for _, v := range values {
		if l.Redact(v) == v {
			l.values = append(l.values, v)
		}
	}
	l.mu.Unlock()
	l.Redactor.Add(values...)
}

// holdsSecret returns the test persist keeps a value out of the store by:
// it holds a secret, other than being one of the learned values.
func (l *learnedSecrets) holdsSecret() func(v string) bool {
	l.mu.Lock()
	learned := slices.Clone(l.values)
	l.mu.Unlock()
	if len(learned) == 0 {
		return func(v string) bool { return l.Redact(v) != v }
	}
	others := l.Without(learned)
	return func(v string) bool {
		if slices.Contains(learned, v) {
			return others.Redact(v) != v
		}
		return l.Redact(v) != v
	}
}
