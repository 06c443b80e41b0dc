package suite

import (
	"context"
	"fmt"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
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
