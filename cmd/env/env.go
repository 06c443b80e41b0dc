// Package env implements "courier env": a user's current values of an
// environment, next to the file's initial values.
package env

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/vault"
)

// Options are shared by every "courier env" command.
type Options struct {
	IO *cmdutil.IOStreams
	// StateDir is --state-dir; empty: COURIER_STATE_DIR, then the platform
	// default (environments.StateDir).
	StateDir string
	// SecretCheck reports whether a value is, or contains, a secret resolved
	// from the vault. Such values are never written into an environment
	// file. Nil when no vault is wired in.
	SecretCheck func(value string) bool
	// held masks, in the values a command shows, the values of the
	// environment's type: secret variables (show: another variable holding
	// one, or --resolved substituting one); nil for none.
	held *vault.Redactor
}

// NewCmdEnv returns "courier env" and its subcommands.
func NewCmdEnv(io *cmdutil.IOStreams) *cobra.Command {
	opts := &Options{IO: io}
	cmd := &cobra.Command{
		Use:   "env <command>",
		Short: "Show and change an environment's initial and current values",
		Long: `An environment file holds INITIAL values: shared with everyone who gets the file
(committed, synced, public if published). Your CURRENT values are local: courier keeps
them in a store outside the repository, one per environment, and a run uses the current
value first, then the initial one. Values that scripts set become current values.

The store lives in --state-dir, else $COURIER_STATE_DIR, else $XDG_STATE_HOME/courier,
else ~/.local/state/courier (macOS: ~/Library/Application Support/courier; Windows:
%LocalAppData%\courier). It is keyed by the file's "id" when it has one (so a moved
checkout or a git pull keeps your values), else by its absolute path.

Secrets belong in neither place: keep them in the vault ("courier vault set NAME") and
put the reference {{vault:NAME}} in the environment.`,
		Example: `  courier env show env.json --collection coll.json
  courier env set env.json envID 0b5f2c1e-...
  courier env set env.json apiPath 'https://api.pingone.{{tld}}/v1' --initial
  courier env reset env.json accessToken
  courier env export env.json out.json --with-current`,
	}
	cmd.PersistentFlags().StringVar(&opts.StateDir, "state-dir", "", "directory of courier's local state (default: $COURIER_STATE_DIR or the per-user state dir)")
	cmd.AddCommand(
		newCmdList(opts, nil),
		newCmdShow(opts, nil),
		newCmdSet(opts, nil),
		newCmdUnset(opts, nil),
		newCmdReset(opts, nil),
		newCmdPersist(opts, nil),
		newCmdExport(opts, nil),
	)
	return cmd
}

// StoreFor returns the current-value store of a state directory flag value:
// dir when not empty, else COURIER_STATE_DIR or the per-user default read
// through io's environment. "courier run" uses it for --state-dir too.
func StoreFor(io *cmdutil.IOStreams, dir string) (*environments.Store, error) {
	if dir == "" {
		var getenv func(string) string
		if io != nil {
			getenv = io.Env
		}
		d, err := environments.StateDir(getenv)
		if err != nil {
			return nil, err
		}
		dir = d
	}
	return environments.OpenStore(dir), nil
}

func (o *Options) store() (*environments.Store, error) { return StoreFor(o.IO, o.StateDir) }

func inputError(err error) error { return cmdutil.WithExitCode(err, cmdutil.ExitInput) }

// load reads ENV and its current values.
func (o *Options) load(path string) (*environments.File, *environments.Store, *environments.Current, error) {
	f, err := environments.LoadFile(path)
	if err != nil {
		return nil, nil, nil, inputError(err)
	}
	st, err := o.store()
	if err != nil {
		return nil, nil, nil, err
	}
	cur, err := st.Load(f)
	if err != nil {
		return nil, nil, nil, err
	}
	return f, st, cur, nil
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return cmdutil.FlagErrorf("expected %s, got %d arguments", what, len(args))
		}
		return nil
	}
}

func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return cmdutil.FlagErrorf("expected %s, got %d arguments", what, len(args))
		}
		return nil
	}
}

// masked is what a secret looks like in any display.
const masked = "********"

// display returns how a value may be shown: secrets (type secret, values or
// names that look like credentials, resolved vault values) are masked;
// long values are shortened.
func (o *Options) display(key, value, typ string, width int) string {
	if value == "" {
		return ""
	}
	if typ == environments.TypeSecret || environments.LooksSecret(key, value) != "" || (o.SecretCheck != nil && o.SecretCheck(value)) {
		return masked
	}
	value = o.held.Redact(value) // a nil Redactor masks nothing
	value = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(value)
	if width > 0 && utf8.RuneCountInString(value) > width {
		return string([]rune(value)[:width-1]) + "…"
	}
	return value
}

// readValue returns VALUE, or a line of standard input when VALUE is "-"
// (so a secret need not appear in the shell history or the process list).
func readValue(in io.Reader, v string) (string, error) {
	if v != "-" {
		return v, nil
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading the value from standard input: %w", err)
	}
	if line == "" {
		// Nothing at all (not even a newline): a forgotten pipe, not a
		// wish to erase the value.
		return "", cmdutil.FlagErrorf("the value is \"-\" but standard input was empty: pipe the value in " +
			"(printf %%s \"$VALUE\" | courier env set ... -), or pass '' to set an empty value")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// fileVar returns the winning definition of key in f.
func fileVar(f *environments.File, key string) (environments.Variable, bool) {
	v, ok := f.Scope().Lookup(key)
	if ok {
		return v, true
	}
	for _, v := range f.Values {
		if v.Key == key {
			return v, true
		}
	}
	return environments.Variable{}, false
}

func envName(f *environments.File) string {
	if f.Name != "" {
		return fmt.Sprintf("%q", f.Name)
	}
	return f.Source
}
