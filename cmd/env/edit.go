package env

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/environments"
)

// SetOptions are the flags of "courier env set".
type SetOptions struct {
	*Options
	Env, Key, Value string
	Initial         bool
	Secret          bool
	Force           bool
}

func newCmdSet(o *Options, runF func(*SetOptions) error) *cobra.Command {
	opts := &SetOptions{Options: o}
	cmd := &cobra.Command{
		Use:   "set <env-file> <key> <value> [flags]",
		Short: "Set a variable's current value (yours, local), or with --initial its initial value (shared)",
		Long: `Set KEY's current value: local to you, used by your runs, never written to the file.
VALUE "-" reads the value from standard input, so it stays out of your shell history.

With --initial, write the initial value into the environment file itself (everything
else in the file is kept as it is). Initial values are shared with everyone who gets
the file, and public if it is published: courier refuses to write a secret there
(--secret, or a value that looks like a credential) unless you add --force. Put a vault
reference there instead: courier vault set NAME, then
courier env set env.json KEY '{{vault:NAME}}' --initial.`,
		Example: `  courier env set env.json envID 0b5f2c1e-7d4e-4f4e-9d7c-1f0e8b1a2c3d
  printf %s "$SECRET" | courier env set env.json adminAppSecret - --secret
  courier env set env.json adminAppSecret '{{vault:pingone-admin}}' --initial --secret`,
		Args: exactArgs(3, "an environment file, a key and a value"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Env, opts.Key, opts.Value = args[0], args[1], args[2]
			if runF != nil {
				return runF(opts)
			}
			return runSet(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Initial, "initial", false, "write the initial value into the file (shared with everyone)")
	f.BoolVar(&opts.Secret, "secret", false, "mark the variable as a secret (type secret: masked everywhere)")
	f.BoolVar(&opts.Force, "force", false, "with --initial: write a secret-looking value anyway")
	return cmd
}

// publishRefusal explains why a value may not become an initial value, or
// returns "".
func (o *Options) publishRefusal(key, value string, markedSecret bool) string {
	switch {
	case value == "":
		return ""
	case o.SecretCheck != nil && o.SecretCheck(value):
		return "it holds a secret resolved from the vault"
	case environments.HasVaultRef(value) && environments.LooksSecret(key, value) == "":
		return "" // a reference is what belongs in a shared file, even for a secret
	case markedSecret:
		return "it is a secret (type secret)"
	}
	return environments.LooksSecret(key, value)
}

func vaultHint(env, key string) string {
	return fmt.Sprintf("keep secrets in the vault and put a reference in the file:\n  courier vault set %s\n  courier env set %s %s '{{vault:%s}}' --initial --secret\nor keep it as your current value only (without --initial)", key, env, key, key)
}

func runSet(o *SetOptions) error {
	value, err := readValue(o.IO.In, o.Value)
	if err != nil {
		return err
	}
	f, st, cur, err := o.load(o.Env)
	if err != nil {
		return err
	}
	typ := ""
	if o.Secret {
		typ = environments.TypeSecret
	}
	if o.Initial {
		return o.setInitial(f, cur, value, typ)
	}
	return o.setCurrent(f, st, value, typ)
}

// setInitial writes the value into the file (env set --initial), refusing
// a secret there unless --force, and says what still overrides it.
func (o *SetOptions) setInitial(f *environments.File, cur *environments.Current, value, typ string) error {
	fv, inFile := fileVar(f, o.Key)
	why := o.publishRefusal(o.Key, value, o.Secret || fv.Type == environments.TypeSecret)
	vaultResolved := o.SecretCheck != nil && value != "" && o.SecretCheck(value)
	if why != "" && (!o.Force || vaultResolved) {
		return cmdutil.WithExitCode(fmt.Errorf("not writing %s into %s: %s, and initial values are shared with everyone who gets the file (public if published); %s%s",
			o.Key, f.Source, why, vaultHint(o.Env, o.Key), forceNote(vaultResolved)), cmdutil.ExitUsage)
	}
	if err := environments.EditInitial(f.Source, environments.InitialEdit{Key: o.Key, Value: value, Type: typ}); err != nil {
		return err
	}
	if why != "" {
		fmt.Fprintf(o.IO.ErrOut, "WARNING: %s's initial value in %s is a secret (%s). Anyone who gets this file can read it; do not commit or publish it.\n", o.Key, f.Source, why)
	}
	fmt.Fprintf(o.IO.Out, "Set the initial value of %s in %s.\n", o.Key, f.Source)
	if inFile && environments.HasVaultRef(fv.Value) && !environments.HasVaultRef(value) {
		fmt.Fprintf(o.IO.ErrOut, "note: %s was the vault reference %s; runs no longer read the vault for it.\n", o.Key, fv.Value)
	}
	if e, ok := cur.Get(o.Key); ok && !(e.Value == value && !e.Unset) {
		fmt.Fprintf(o.IO.Out, "Your current value still overrides it; run \"courier env reset %s %s\" to use the new initial value.\n", o.Env, o.Key)
	}
	return nil
}

// setCurrent stores the value as the user's current value (a secret stays
// one) and notes when runs will not see it as the user may expect.
func (o *SetOptions) setCurrent(f *environments.File, st *environments.Store, value, typ string) error {
	fv, inFile := fileVar(f, o.Key)
	err := st.Update(environments.FileIdentity(f), func(c *environments.Current) error {
		if typ == "" {
			if e, ok := c.Get(o.Key); ok && e.Type == environments.TypeSecret {
				typ = e.Type // stays a secret
			}
		}
		c.Set(o.Key, value, typ)
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(o.IO.Out, "Set the current value of %s for %s (local to you; %s is unchanged).\n", o.Key, envName(f), f.Source)
	switch {
	case !inFile:
		fmt.Fprintf(o.IO.ErrOut, "note: %s is not in %s: only your runs have it (add --initial to share it).\n", o.Key, f.Source)
	case value == "" && fv.Value != "":
		fmt.Fprintf(o.IO.ErrOut, "warning: %s's current value is now empty while its initial value is not: requests that use it will send nothing. \"courier env reset %s %s\" goes back to the initial value.\n", o.Key, o.Env, o.Key)
	case fv.Disabled:
		fmt.Fprintf(o.IO.ErrOut, "note: %s is disabled in %s, so runs do not use it.\n", o.Key, f.Source)
	}
	return nil
}

func forceNote(vaultResolved bool) string {
	if vaultResolved {
		return ""
	}
	return "\n(--force writes it anyway)"
}

// UnsetOptions are the flags of "courier env unset".
type UnsetOptions struct {
	*Options
	Env     string
	Keys    []string
	Initial bool
}

func newCmdUnset(o *Options, runF func(*UnsetOptions) error) *cobra.Command {
	opts := &UnsetOptions{Options: o}
	cmd := &cobra.Command{
		Use:   "unset <env-file> <key>... [flags]",
		Short: "Remove variables from your runs (current values), or with --initial from the file",
		Long: `Remove KEYs from your runs, as pm.environment.unset does: the file keeps them, your
runs do not see them until "courier env reset". With --initial, delete them from the file.`,
		Args: minArgs(2, "an environment file and at least one key"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Env, opts.Keys = args[0], args[1:]
			if runF != nil {
				return runF(opts)
			}
			return runUnset(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Initial, "initial", false, "delete the variables from the file")
	return cmd
}

func runUnset(o *UnsetOptions) error {
	f, st, _, err := o.load(o.Env)
	if err != nil {
		return err
	}
	if o.Initial {
		var edits []environments.InitialEdit
		for _, k := range o.Keys {
			if _, ok := fileVar(f, k); !ok {
				return inputError(fmt.Errorf("%s has no variable %s", f.Source, k))
			}
			edits = append(edits, environments.InitialEdit{Key: k, Unset: true})
		}
		if err := environments.EditInitial(f.Source, edits...); err != nil {
			return err
		}
		fmt.Fprintf(o.IO.Out, "Removed %s from %s.\n", strings.Join(o.Keys, ", "), f.Source)
		return nil
	}
	err = st.Update(environments.FileIdentity(f), func(c *environments.Current) error {
		for _, k := range o.Keys {
			if _, ok := fileVar(f, k); ok {
				c.Unset(k)
			} else {
				c.Reset(k) // a local-only variable simply goes away
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(o.IO.Out, "Unset %s for your runs of %s (\"courier env reset\" brings back the initial values).\n", strings.Join(o.Keys, ", "), envName(f))
	return nil
}

// ResetOptions are the flags of "courier env reset".
type ResetOptions struct {
	*Options
	Env  string
	Keys []string
}

func newCmdReset(o *Options, runF func(*ResetOptions) error) *cobra.Command {
	opts := &ResetOptions{Options: o}
	return &cobra.Command{
		Use:   "reset <env-file> [key]...",
		Short: "Reset current values to the initial values (all, or the given keys)",
		Args:  minArgs(1, "an environment file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Env, opts.Keys = args[0], args[1:]
			if runF != nil {
				return runF(opts)
			}
			return runReset(opts)
		},
	}
}

func runReset(o *ResetOptions) error {
	f, st, _, err := o.load(o.Env)
	if err != nil {
		return err
	}
	n := 0
	err = st.Update(environments.FileIdentity(f), func(c *environments.Current) error {
		keys := o.Keys
		if len(keys) == 0 {
			for _, e := range c.Entries() {
				keys = append(keys, e.Key)
			}
		}
		for _, k := range keys {
			if _, ok := c.Get(k); ok {
				c.Reset(k)
				n++
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(o.IO.Out, "Reset %d current %s of %s to the initial %s.\n", n, plural(n, "value", "values"), envName(f), plural(n, "value", "values"))
	return nil
}

// PersistOptions are the flags of "courier env persist".
type PersistOptions struct {
	*Options
	Env   string
	Keys  []string
	Force bool
}

func newCmdPersist(o *Options, runF func(*PersistOptions) error) *cobra.Command {
	opts := &PersistOptions{Options: o}
	cmd := &cobra.Command{
		Use:   "persist <env-file> [key]... [flags]",
		Short: "Copy current values into the file as initial values (refusing secrets)",
		Long: `Copy your current values (all, or the given keys) into the environment file as initial
values, as Postman's "Persist" does, then drop them from the store since they now equal
the initial values. Secrets are refused: variables of type secret and values resolved
from the vault always; values that look like credentials unless --force.`,
		Args: minArgs(1, "an environment file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Env, opts.Keys = args[0], args[1:]
			if runF != nil {
				return runF(opts)
			}
			return runPersist(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "persist values that look like credentials (never type secret or vault values)")
	return cmd
}

func runPersist(o *PersistOptions) error {
	f, st, cur, err := o.load(o.Env)
	if err != nil {
		return err
	}
	keys := o.Keys
	if len(keys) == 0 {
		for _, e := range cur.Entries() {
			keys = append(keys, e.Key)
		}
	}
	var edits []environments.InitialEdit
	var done, refused []string
	for _, k := range keys {
		value, why := o.persistable(f, cur, k)
		if why != "" {
			refused = append(refused, k+": "+why)
			continue
		}
		edits = append(edits, environments.InitialEdit{Key: k, Value: value})
		done = append(done, k)
	}
	if len(edits) > 0 {
		if err := persistEdits(f, st, edits); err != nil {
			return err
		}
		fmt.Fprintf(o.IO.Out, "Persisted %s into %s.\n", strings.Join(done, ", "), f.Source)
	}
	if err := o.reportRefused(f, refused); err != nil {
		return err
	}
	if len(edits) == 0 && len(refused) == 0 {
		fmt.Fprintln(o.IO.Out, "Nothing to persist: no current values.")
	}
	return nil
}

// persistable returns key k's current value, or why persist may not write
// it into the file (with the advice that goes with it).
func (o *PersistOptions) persistable(f *environments.File, cur *environments.Current, k string) (value, why string) {
	e, ok := cur.Get(k)
	if !ok {
		return "", "no current value (it already follows the initial value)"
	}
	if e.Unset {
		return "", fmt.Sprintf("unset; \"courier env unset %s %s --initial\" deletes it from the file", o.Env, k)
	}
	fv, _ := fileVar(f, k)
	switch {
	case e.Type == environments.TypeSecret || fv.Type == environments.TypeSecret:
		if !environments.HasVaultRef(e.Value) {
			return "", "a secret (type secret); " + vaultHint(o.Env, k)
		}
	case o.SecretCheck != nil && e.Value != "" && o.SecretCheck(e.Value):
		return "", "it holds a secret resolved from the vault"
	}
	if why := environments.LooksSecret(k, e.Value); why != "" && !o.Force {
		return "", fmt.Sprintf("%s\nto write it anyway: courier env persist %s %s --force", why, o.Env, k)
	}
	return e.Value, ""
}

// persistEdits writes the persisted values into the file as initial values
// and drops them from the store, where they now equal the initial values.
func persistEdits(f *environments.File, st *environments.Store, edits []environments.InitialEdit) error {
	if err := environments.EditInitial(f.Source, edits...); err != nil {
		return err
	}
	return st.Update(environments.FileIdentity(f), func(c *environments.Current) error {
		for _, ed := range edits {
			// Only drop the current value if no run changed it meanwhile.
			if e, ok := c.Get(ed.Key); ok && !e.Unset && e.Value == ed.Value {
				c.Reset(ed.Key)
			}
		}
		return nil
	})
}

// reportRefused lists the keys persist did not write ("key: why" each).
// Refusing a secret is what persist is for: only keys the user named and
// did not get make the command fail.
func (o *PersistOptions) reportRefused(f *environments.File, refused []string) error {
	if len(refused) == 0 {
		return nil
	}
	fmt.Fprintf(o.IO.ErrOut, "Not written to %s (still your current %s):\n", f.Source, plural(len(refused), "value", "values"))
	for _, r := range refused {
		// One entry per block, its advice lines indented under it.
		fmt.Fprintf(o.IO.ErrOut, "  %s\n", strings.ReplaceAll(r, "\n", "\n    "))
	}
	if len(o.Keys) == 0 {
		return nil
	}
	keys := make([]string, len(refused))
	for i, r := range refused {
		keys[i], _, _ = strings.Cut(r, ":")
	}
	return cmdutil.WithExitCode(fmt.Errorf("not persisted: %s (see above)", strings.Join(keys, ", ")), cmdutil.ExitFailures)
}

// ExportOptions are the flags of "courier env export".
type ExportOptions struct {
	*Options
	Env, Out    string
	WithCurrent bool
}

func newCmdExport(o *Options, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{Options: o}
	cmd := &cobra.Command{
		Use:   "export <env-file> <out-file> [flags]",
		Short: "Write the environment in Postman's format, keeping type and enabled",
		Long: `Write the environment in Postman's export format, keeping each variable's type and
enabled flag (Newman's exports drop them). By default it holds the initial values, as a
Postman export does; --with-current writes your current values instead, except secrets:
a value that looks like a credential keeps its initial value, a variable of type secret
is written empty (as --export-environment writes it), and vault references are written
as references.`,
		Args: exactArgs(2, "an environment file and an output file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Env, opts.Out = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return runExport(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.WithCurrent, "with-current", false, "write current values (secrets excepted) instead of initial values")
	return cmd
}

func runExport(o *ExportOptions) error {
	f, _, cur, err := o.load(o.Env)
	if err != nil {
		return err
	}
	if a, b := absPath(o.Out), absPath(f.Source); a == b {
		return cmdutil.FlagErrorf("the output is the environment file itself; use \"courier env set --initial\" or \"courier env persist\" to change it")
	}
	out := *f
	out.ExportedAt, out.ExportedUsing = time.Now(), ""
	perm := os.FileMode(0o644)
	if o.WithCurrent {
		var kept []string
		initial := map[string]environments.Variable{}
		for _, v := range f.Values {
			initial[v.Key] = v
		}
		vars := environments.MergeVariables(f.Values, cur)
		filtered := vars[:0]
		for _, v := range vars {
			iv, inFile := initial[v.Key]
			secret := v.Type == environments.TypeSecret || environments.LooksSecret(v.Key, v.Value) != "" ||
				(o.SecretCheck != nil && v.Value != "" && o.SecretCheck(v.Value))
			if secret && (!inFile || v.Value != iv.Value) {
				kept = append(kept, v.Key)
				if !inFile {
					continue
				}
				v.Value = iv.Value
			}
			filtered = append(filtered, v)
		}
		out.Values = filtered
		perm = 0o600 // current values are the user's own
		if len(kept) > 0 {
			fmt.Fprintf(o.IO.ErrOut, "note: secret current values not exported (initial values kept): %s\n", strings.Join(kept, ", "))
		}
	}
	exported, blanked := environments.WithoutSecretValues(&out)
	if err := environments.ExportFile(o.Out, exported, perm); err != nil {
		return err
	}
	if len(blanked) > 0 {
		fmt.Fprintf(o.IO.ErrOut, "note: secret values are not written: %s (keep them in the vault: courier vault set NAME, and write {{vault:NAME}} as the value)\n", strings.Join(blanked, ", "))
	}
	what := "initial"
	if o.WithCurrent {
		what = "current"
	}
	fmt.Fprintf(o.IO.Out, "Exported %s (%d variables, %s values) to %s.\n", envName(f), len(out.Values), what, o.Out)
	return nil
}

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if r, err := filepath.EvalSymlinks(a); err == nil {
		return r
	}
	return a
}
