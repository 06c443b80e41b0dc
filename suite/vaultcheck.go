package suite

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/vault"
)

// checkVault looks up, before anything is sent, every secret the run's
// requests and variables reference as {{vault:NAME}}: an unreachable vault
// stops the run with one error (wrapping the *vault.UnavailableError, which
// the command maps to exit 4) instead of failing every request; a secret
// that is not there is a warning naming the command that adds it. Other
// errors (an invalid name) are left for the request to report.
func (s *Suite) checkVault(ctx context.Context, vlt *vault.Vault, vars *variables) error {
	o := &s.o
	if o.Vault == nil {
		return nil
	}
	warned := map[string]bool{}
	for _, coll := range o.Collections {
		var items []*collections.Item
		if len(o.Runner.Folders) > 0 {
			items, _ = collections.Select(coll, o.Runner.Folders...)
		}
		refs := environments.VaultRefs(coll, items, vars.env, vars.globals,
			environments.NewScope("collection", environments.CollectionVariables(coll.Variables)))
		for _, r := range refs {
			if warned[r.Name] {
				continue
			}
			_, ok, err := vlt.Get(ctx, r.Name)
			switch {
			case vault.IsUnavailable(err):
				return fmt.Errorf("nothing was sent: {{vault:%s}} (used by %s) cannot be resolved: %w",
					r.Name, where(coll, r), err)
			case err != nil:
				warned[r.Name] = true
			case !ok:
				warned[r.Name] = true
				o.warnf("warning: {{vault:%s}} is not in the vault; used by %s; fix: courier vault set %s\n",
					r.Name, where(coll, r), r.Name)
			default:
				warned[r.Name] = true
			}
		}
	}
	return nil
}

func where(coll *collections.Collection, r environments.Ref) string {
	if strings.HasPrefix(r.Where, "environment variable ") || strings.HasPrefix(r.Where, "globals variable ") {
		return r.Where
	}
	if len(coll.Info.Name) > 0 {
		return fmt.Sprintf("%s, in collection %q", r.Where, coll.Info.Name)
	}
	return r.Where
}

// vaultWatch stops a run at the first secret the vault cannot be reached
// for: a reference built at run time, which checkVault could not see. The
// run then fails once, with the vault's error (exit 4), instead of on
// every request that follows.
type vaultWatch struct {
	mu     sync.Mutex
	err    error
	cancel context.CancelCauseFunc
}

func (w *vaultWatch) wrap(rs runner.RequestSecrets) runner.RequestSecrets {
	return watchedSecrets{RequestSecrets: rs, w: w}
}

func (w *vaultWatch) stop(name string, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = fmt.Errorf("the run stopped: {{vault:%s}} cannot be resolved: %w", name, err)
		w.cancel(fmt.Errorf("the vault cannot be reached for {{vault:%s}} (see the error below)", name))
	}
}

// Err is the error that stopped the run, or nil.
func (w *vaultWatch) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

type watchedSecrets struct {
	runner.RequestSecrets
	w *vaultWatch
}

func (s watchedSecrets) ResolveSecret(name string) (string, error) {
	v, err := s.RequestSecrets.ResolveSecret(name)
	if vault.IsUnavailable(err) {
		s.w.stop(name, err)
	}
	return v, err
}
