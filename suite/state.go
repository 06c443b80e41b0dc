package suite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
)

// variables are the environment and globals a suite's collections share,
// with the current-value bookkeeping of each.
type variables struct {
	env, globals   *environments.Scope
	envRS, globRS  *environments.RunState
	envFile, globF *environments.File
}

// openStore opens the current-value store, or returns nil when the suite
// keeps no current values.
func (s *Suite) openStore() *environments.Store {
	if s.o.StateDir == "" {
		return nil
	}
	if s.o.LocalPingOne {
		// The local tenant's ids and tokens are kept apart from the values
		// kept for the real service, beside the tenant itself.
		if s.o.ResetLocalPingOne {
			if err := os.RemoveAll(s.localPingOneDir()); err != nil {
				s.o.warnf("warning: --reset-local-pingone: %v\n", err)
			}
		}
		return environments.OpenStore(s.localPingOneDir())
	}
	return environments.OpenStore(s.o.StateDir)
}

// localPingOneDir holds the local PingOne's tenant and the current values
// runs against it keep ("" without a state directory).
func (s *Suite) localPingOneDir() string {
	if s.o.StateDir == "" {
		return ""
	}
	return filepath.Join(s.o.StateDir, "local-pingone")
}

// beginVariables builds the environment and globals from the files, the
// user's current values and the command-line overrides.
func (s *Suite) beginVariables(st *environments.Store) (*variables, error) {
	o := &s.o
	v := &variables{
		env:     environments.NewScope("environment", nil),
		globals: environments.NewScope("globals", nil),
		envFile: o.Environment, globF: o.Globals,
	}
	if f := o.Environment; f != nil {
		v.envRS, v.env = s.beginScope(st, environments.FileIdentity(f), "environment", f.Source, f.Values)
	} else if o.LocalPingOne && st != nil {
		// No environment file: the local tenant has one of its own, so
		// what a run stores (envID, tokens) reaches the next run, as a
		// Postman environment would.
		f := &environments.File{ID: "local-pingone", Name: "local PingOne", VariableScope: "environment",
			Source: filepath.Join(s.localPingOneDir(), "environment.json")}
		v.envRS, v.env = s.beginScope(st, environments.FileIdentity(f), "environment", f.Source, nil)
	}
	if f := o.Globals; f != nil {
		v.globRS, v.globals = s.beginScope(st, environments.GlobalsIdentity(f), "globals", f.Source, f.Values)
	}
	for _, kv := range o.EnvVars {
		setFlagVar(v.env, kv)
	}
	for _, kv := range o.GlobalVars {
		setFlagVar(v.globals, kv)
	}
	return v, nil
}

// snapshot marks the scopes' present values as the starting point whose
// changes are kept at the end.
func (v *variables) snapshot() {
	if v.envRS != nil {
		v.envRS.Snapshot(v.env.Variables())
	}
	if v.globRS != nil {
		v.globRS.Snapshot(v.globals.Variables())
	}
}

// beginScope builds a scope from a file's initial values and the user's
// current values (current wins).
func (s *Suite) beginScope(st *environments.Store, id environments.Identity, name, file string, initial []environments.Variable) (*environments.RunState, *environments.Scope) {
	if st == nil {
		return nil, environments.NewScope(name, initial)
	}
	rs := s.beginStored(st, id, displayPath(file))
	if rs == nil {
		return nil, environments.NewScope(name, initial)
	}
	return rs, environments.NewScope(name, rs.Merge(initial))
}

// persist keeps what scripts set as current values; a failure to save is
// reported, never fatal.
func (s *Suite) persist(rs *environments.RunState, sc *environments.Scope) {
	if rs == nil || sc == nil {
		return
	}
	dropped, err := rs.Finish(sc.Variables(), s.learned.holdsSecret(), s.red.NamesSecret)
	if err != nil {
		s.o.warnf("warning: current values not saved: %s\n", s.red.Redact(err.Error()))
	}
	if len(dropped) > 0 && !s.o.Silent {
		s.o.warnf("note: not kept as current values (they hold secrets): %s\n", strings.Join(dropped, ", "))
	}
}

// preflight warns about variables the selected requests use that have no
// value; with StrictVars that stops the run before anything is sent.
func (s *Suite) preflight(coll *collections.Collection, v *variables) error {
	o := &s.o
	var items []*collections.Item
	if len(o.Runner.Folders) > 0 {
		items, _ = collections.Select(coll, o.Runner.Folders...) // a bad --folder is reported by the run
	}
	sc := &environments.Scopes{Environment: v.env, Globals: v.globals}
	if len(o.Data) > 0 {
		sc.Data = o.Data[0]
	}
	in := environments.PreflightInput{Scopes: sc, Environment: v.envFile, Globals: v.globF}
	if v.envRS != nil {
		in.Current = v.envRS.Current
	}
	probs := environments.Preflight(coll, items, in)
	if len(probs) == 0 {
		return nil
	}
	fixes := s.adviseSetters(coll, probs)
	if !o.Silent || o.StrictVars {
		for _, p := range probs {
			o.warnf("warning: %s\n", p.String())
		}
		for _, f := range fixes {
			o.warnf("%s\n", f)
		}
	}
	if o.StrictVars {
		return inputError(fmt.Errorf("%d variables have no value (see above); set them or drop --strict-vars", len(probs)))
	}
	return nil
}

// setFlagVar sets an --env-var or --global-var: a key given without "="
// (Type undefined) sets undefined, as Newman does.
func setFlagVar(sc *environments.Scope, kv environments.Variable) {
	if kv.Type == environments.TypeUndefined {
		sc.SetUndefined(kv.Key)
		return
	}
	sc.Set(kv.Key, kv.Value)
}
