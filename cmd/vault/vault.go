// Package vault implements "courier vault": the secrets behind
// {{vault:NAME}} references, kept in the OS keyring.
package vault

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/courier-run/courier/cmd/cmdutil"
	vlt "github.com/courier-run/courier/vault"
)

// StoreFunc opens the store the commands work on; it is only called when a
// command runs (never for --help). Production passes a func returning
// cmdutil.Vault(io.Env); tests pass a vault.Memory.
type StoreFunc func() (vlt.Store, error)

// maxValueSize bounds a value read from stdin.
const maxValueSize = 1 << 20

// NewCmdVault returns "courier vault" and its subcommands.
func NewCmdVault(io *cmdutil.IOStreams, store StoreFunc) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "vault <command>",
		Short: "Manage the secrets behind {{vault:NAME}} references",
		Long: `Secrets referenced as {{vault:NAME}} (or <<vault:NAME>>) in collections and
environments are kept in the OS keyring (service "courier"), never in files.
A run resolves them when it sends a request, masks them in all output, and
sends a secret only to its allowed domains.

Where no keyring runs (CI), provide a secret as the environment variable
COURIER_VAULT_<NAME>: NAME upper-cased, every character other than a letter
or digit replaced by "_" (my-api.key → COURIER_VAULT_MY_API_KEY). Its allowed
domains, if any, go in COURIER_VAULT_<NAME>__DOMAINS (comma-separated). The
environment is read before the keyring.`,
		Example: `  courier vault set pingone-admin-secret --domain auth.pingone.com
  printf %s "$TOKEN" | courier vault set api-token --domain '*.example.com'
  courier vault list
  courier vault get api-token --reveal
  courier vault import secrets.env --domain api.example.com`,
	}
	cmd.AddCommand(NewCmdSet(io, store, nil))
	cmd.AddCommand(NewCmdGet(io, store, nil))
	cmd.AddCommand(NewCmdList(io, store, nil))
	cmd.AddCommand(NewCmdDelete(io, store, nil))
	cmd.AddCommand(NewCmdImport(io, store, nil))
	return cmd
}

// exitErr gives vault errors their exit code: 4 when the keyring is
// unavailable, 1 otherwise.
func exitErr(err error) error {
	if err == nil {
		return nil
	}
	if vlt.IsUnavailable(err) {
		return cmdutil.WithExitCode(err, cmdutil.ExitVault)
	}
	return cmdutil.WithExitCode(err, cmdutil.ExitFailures)
}

func openStore(f StoreFunc) (vlt.Store, error) {
	st, err := f()
	if err != nil {
		return nil, exitErr(fmt.Errorf("opening the vault: %w", err))
	}
	return st, nil
}

func oneName(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return cmdutil.FlagErrorf("expected one %s, got %d arguments", what, len(args))
		}
		return nil
	}
}

// SetOptions are the inputs of "courier vault set".
type SetOptions struct {
	IO        *cmdutil.IOStreams
	Store     StoreFunc
	Name      string
	Domains   []string
	AnyDomain bool
	// StdinTTY selects the hidden prompt over reading stdin.
	StdinTTY bool
	// Prompt reads a value without echo; nil uses the terminal on stdin.
	Prompt func(prompt string) (string, error)
}

// NewCmdSet returns "courier vault set"; runF replaces the action in tests.
func NewCmdSet(io *cmdutil.IOStreams, store StoreFunc, runF func(context.Context, *SetOptions) error) *cobra.Command {
	opts := &SetOptions{IO: io, Store: store}
	cmd := &cobra.Command{
		Use:   "set <name> [--domain <pattern>]...",
		Short: "Store a secret, read from a hidden prompt or from stdin",
		Long: `Store a secret in the vault. The value is read from a hidden prompt when stdin
is a terminal, otherwise from stdin (one trailing newline removed); it is never
taken from the command line, where shell history and process lists would see it.

--domain restricts where the secret may be sent, as Postman's allowed domains:
"api.example.com" is that host only, "*.example.com" any of its subdomains;
a scheme ("https://api.example.com") or port ("api.example.com:8443") narrows
further. Repeat the flag or separate patterns with commas. Without --domain, an
existing secret keeps its domains; --any-domain removes them.`,
		Example: `  courier vault set adminAppSecret --domain auth.pingone.com --domain api.pingone.com
  printf %s "$CLIENT_SECRET" | courier vault set client-secret`,
		Args: oneName("secret name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			opts.StdinTTY = io.IsStdinTTY()
			if opts.AnyDomain && len(opts.Domains) > 0 {
				return cmdutil.FlagErrorf("--any-domain and --domain cannot be combined")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return SetRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Domains, "domain", nil, "allow sending the secret to this `pattern` only; repeatable")
	cmd.Flags().BoolVar(&opts.AnyDomain, "any-domain", false, "remove the secret's domain restrictions")
	return cmd
}

// SetRun stores one secret.
func SetRun(ctx context.Context, o *SetOptions) error {
	if err := vlt.ValidateName(o.Name); err != nil {
		return cmdutil.FlagErrorf("%v", err)
	}
	domains, err := vlt.NormalizeDomains(o.Domains)
	if err != nil {
		return cmdutil.FlagErrorf("--domain: %v", err)
	}
	value, err := readValue(o)
	if err != nil {
		return err
	}
	st, err := openStore(o.Store)
	if err != nil {
		return err
	}
	if err := store(ctx, st, o.Name, value, domains, o.AnyDomain); err != nil {
		return exitErr(err)
	}
	if utf8.RuneCountInString(value) < vlt.MinSecretLen {
		fmt.Fprintf(o.IO.ErrOut, "warning: values shorter than %d characters are not masked in output\n", vlt.MinSecretLen)
	}
	fmt.Fprintf(o.IO.ErrOut, "Stored vault secret %q (allowed domains: %s)\n", o.Name, describeDomains(ctx, st, o.Name))
	return nil
}

// store writes one secret: explicit domains replace the old ones,
// anyDomain clears them, neither keeps them.
func store(ctx context.Context, st vlt.Store, name, value string, domains []string, anyDomain bool) error {
	if len(domains) == 0 && !anyDomain {
		return st.Set(ctx, name, value)
	}
	ss, ok := st.(vlt.SecretStore)
	if !ok {
		return errors.New("this vault store cannot keep allowed domains")
	}
	return ss.SetSecret(ctx, name, vlt.Secret{Value: value, Domains: domains})
}

func readValue(o *SetOptions) (string, error) {
	if o.StdinTTY {
		prompt := o.Prompt
		if prompt == nil {
			prompt = terminalPrompt(o.IO)
		}
		v, err := prompt(fmt.Sprintf("Value for %s: ", o.Name))
		if err != nil {
			return "", fmt.Errorf("reading the value: %w", err)
		}
		if v == "" {
			return "", cmdutil.FlagErrorf("empty value: nothing stored")
		}
		return v, nil
	}
	b, err := io.ReadAll(io.LimitReader(o.IO.In, maxValueSize+1))
	if err != nil {
		return "", fmt.Errorf("reading the value from stdin: %w", err)
	}
	if len(b) > maxValueSize {
		return "", cmdutil.FlagErrorf("the value on stdin is larger than %d bytes", maxValueSize)
	}
	v := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	if v == "" {
		return "", cmdutil.FlagErrorf("no value on stdin: pipe it in (printf %%s \"$VALUE\" | courier vault set %s) or run in a terminal to be prompted", o.Name)
	}
	return v, nil
}

// terminalPrompt reads a line without echo from the terminal on stdin.
func terminalPrompt(ios *cmdutil.IOStreams) func(string) (string, error) {
	return func(prompt string) (string, error) {
		f, ok := ios.In.(*os.File)
		if !ok {
			return "", errors.New("stdin is not a terminal")
		}
		fmt.Fprint(ios.ErrOut, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(ios.ErrOut)
		return string(b), err
	}
}

// describeDomains returns name's allowed domains for display.
func describeDomains(ctx context.Context, st vlt.Store, name string) string {
	ss, ok := st.(vlt.SecretStore)
	if !ok {
		return "any"
	}
	s, err := ss.GetSecret(ctx, name)
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	if len(s.Domains) == 0 {
		return "any"
	}
	return strings.Join(s.Domains, ", ")
}

// GetOptions are the inputs of "courier vault get".
type GetOptions struct {
	IO     *cmdutil.IOStreams
	Store  StoreFunc
	Name   string
	Reveal bool
}

// NewCmdGet returns "courier vault get".
func NewCmdGet(io *cmdutil.IOStreams, store StoreFunc, runF func(context.Context, *GetOptions) error) *cobra.Command {
	opts := &GetOptions{IO: io, Store: store}
	cmd := &cobra.Command{
		Use:   "get <name> [--reveal]",
		Short: "Show a secret (masked unless --reveal)",
		Long: `Show whether a secret exists and where it may be sent. The value is masked,
without any hint of its length, unless --reveal is given: then only the value is
printed, followed by a newline.`,
		Args: oneName("secret name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return GetRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Reveal, "reveal", false, "print the secret's value")
	return cmd
}

// GetRun shows one secret.
func GetRun(ctx context.Context, o *GetOptions) error {
	st, err := openStore(o.Store)
	if err != nil {
		return err
	}
	value, err := st.Get(ctx, o.Name)
	if err != nil {
		return exitErr(err)
	}
	if o.Reveal {
		fmt.Fprintln(o.IO.Out, value)
		return nil
	}
	fmt.Fprintf(o.IO.Out, "%s\t********\tallowed domains: %s\n", o.Name, describeDomains(ctx, st, o.Name))
	return nil
}

// ListOptions are the inputs of "courier vault list".
type ListOptions struct {
	IO    *cmdutil.IOStreams
	Store StoreFunc
}

// NewCmdList returns "courier vault list".
func NewCmdList(io *cmdutil.IOStreams, store StoreFunc, runF func(context.Context, *ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: io, Store: store}
	return &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List secret names and their allowed domains (never values)",
		Long: `List the secrets in the vault with their allowed domains. Secrets supplied by
COURIER_VAULT_* environment variables are listed by their variable's suffix.
On a terminal the output is a table; otherwise one tab-separated line per secret:
name, then comma-separated domains ("*" for any).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return ListRun(cmd.Context(), opts)
		},
	}
}

// ListRun lists the vault. When part of it is unreachable (the keyring),
// what could be read is printed before the error.
func ListRun(ctx context.Context, o *ListOptions) error {
	st, err := openStore(o.Store)
	if err != nil {
		return err
	}
	names, listErr := st.List(ctx)
	if len(names) == 0 && listErr == nil {
		fmt.Fprintln(o.IO.ErrOut, "no secrets in the vault (add one with \"courier vault set NAME\")")
		return nil
	}
	tty := o.IO.IsStdoutTTY()
	tw := tabwriter.NewWriter(o.IO.Out, 0, 4, 2, ' ', 0)
	if tty && len(names) > 0 {
		fmt.Fprintln(tw, "NAME\tALLOWED DOMAINS")
	}
	for _, n := range names {
		d := describeDomains(ctx, st, n)
		if !tty {
			if d == "any" {
				d = "*"
			}
			d = strings.ReplaceAll(d, ", ", ",")
			fmt.Fprintf(o.IO.Out, "%s\t%s\n", n, d)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\n", n, d)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(names) > 0 && vlt.IsUnavailable(listErr) {
		// The COURIER_VAULT_* secrets are what runs here can use: a
		// listing of them is a success, with a note about the keyring.
		fmt.Fprintf(o.IO.ErrOut, "note: listed the COURIER_VAULT_* variables only; %s\n", listErr)
		return nil
	}
	return exitErr(listErr)
}

// DeleteOptions are the inputs of "courier vault delete".
type DeleteOptions struct {
	IO    *cmdutil.IOStreams
	Store StoreFunc
	Name  string
}

// NewCmdDelete returns "courier vault delete".
func NewCmdDelete(io *cmdutil.IOStreams, store StoreFunc, runF func(context.Context, *DeleteOptions) error) *cobra.Command {
	opts := &DeleteOptions{IO: io, Store: store}
	return &cobra.Command{
		Use:     "delete <name>",
		Aliases: []string{"rm"},
		Short:   "Delete a secret",
		Args:    oneName("secret name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return DeleteRun(cmd.Context(), opts)
		},
	}
}

// DeleteRun deletes one secret.
func DeleteRun(ctx context.Context, o *DeleteOptions) error {
	st, err := openStore(o.Store)
	if err != nil {
		return err
	}
	if err := st.Delete(ctx, o.Name); err != nil {
		return exitErr(err)
	}
	fmt.Fprintf(o.IO.ErrOut, "Deleted vault secret %q\n", o.Name)
	return nil
}

// ImportOptions are the inputs of "courier vault import".
type ImportOptions struct {
	IO        *cmdutil.IOStreams
	Store     StoreFunc
	File      string // "-" reads stdin
	Domains   []string
	AnyDomain bool
}

// NewCmdImport returns "courier vault import".
func NewCmdImport(io *cmdutil.IOStreams, store StoreFunc, runF func(context.Context, *ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{IO: io, Store: store}
	cmd := &cobra.Command{
		Use:   "import <file.env> [--domain <pattern>]...",
		Short: "Store every KEY=VALUE of a dotenv file as a secret",
		Long: `Store each KEY=VALUE of a dotenv file as the secret KEY. The file may use
"export KEY=...", single quotes (literal), double quotes (with \n, \t, \", \\
escapes; may span lines) and # comments; no $VAR expansion is done. Keys with
an empty value are skipped. --domain applies to every imported secret; without
it, existing secrets keep their domains. Use "-" to read stdin.`,
		Example: `  courier vault import .env.secrets --domain '*.pingone.com'`,
		Args:    oneName("dotenv file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if opts.AnyDomain && len(opts.Domains) > 0 {
				return cmdutil.FlagErrorf("--any-domain and --domain cannot be combined")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return ImportRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Domains, "domain", nil, "allow every imported secret only to this `pattern`; repeatable")
	cmd.Flags().BoolVar(&opts.AnyDomain, "any-domain", false, "remove the imported secrets' domain restrictions")
	return cmd
}

// ImportRun imports a dotenv file. Every entry is validated before the
// first is stored.
func ImportRun(ctx context.Context, o *ImportOptions) error {
	domains, err := vlt.NormalizeDomains(o.Domains)
	if err != nil {
		return cmdutil.FlagErrorf("--domain: %v", err)
	}
	var r io.Reader = o.IO.In
	if o.File != "-" {
		f, err := os.Open(o.File)
		if err != nil {
			return cmdutil.WithExitCode(fmt.Errorf("opening %s: %w", o.File, err), cmdutil.ExitInput)
		}
		defer f.Close()
		r = f
	}
	entries, err := vlt.ParseDotenv(r)
	if err != nil {
		return cmdutil.WithExitCode(fmt.Errorf("reading %s: %w", o.File, err), cmdutil.ExitInput)
	}
	var todo []vlt.DotenvEntry
	for _, e := range entries {
		if err := vlt.ValidateName(e.Key); err != nil {
			return cmdutil.WithExitCode(fmt.Errorf("%s line %d: %w", o.File, e.Line, err), cmdutil.ExitInput)
		}
		if e.Value == "" {
			fmt.Fprintf(o.IO.ErrOut, "skipping %s (line %d): empty value\n", e.Key, e.Line)
			continue
		}
		todo = append(todo, e)
	}
	if len(todo) == 0 {
		return cmdutil.WithExitCode(fmt.Errorf("%s holds no KEY=VALUE with a value", o.File), cmdutil.ExitInput)
	}
	st, err := openStore(o.Store)
	if err != nil {
		return err
	}
	var done []string
	for _, e := range todo {
		if err := store(ctx, st, e.Key, e.Value, domains, o.AnyDomain); err != nil {
			if len(done) > 0 {
				fmt.Fprintf(o.IO.ErrOut, "imported before the error: %s\n", strings.Join(done, ", "))
			}
			return exitErr(err)
		}
		done = append(done, e.Key)
	}
	allowed := "existing or any"
	switch {
	case len(domains) > 0:
		allowed = strings.Join(domains, ", ")
	case o.AnyDomain:
		allowed = "any"
	}
	fmt.Fprintf(o.IO.ErrOut, "Imported %d secrets (allowed domains: %s): %s\n", len(done), allowed, strings.Join(done, ", "))
	return nil
}
