package importcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/proxyenv"
)

// Options are the flags of "courier import".
type Options struct {
	IO   *cmdutil.IOStreams
	Link string
	// Dir is where the files go ("." by default); created when missing.
	Dir string
	// Force overwrites existing files.
	Force bool
	LinkOptions

	// HTTPClient is used for the Postman API; nil uses a client with a
	// one-minute timeout and the environment's proxy.
	HTTPClient *http.Client
	// Now stamps the environments' _postman_exported_at; nil is time.Now.
	Now func() time.Time
}

// NewCmdImport returns the import command; runF replaces the action in
// tests.
func NewCmdImport(io *cmdutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{IO: io}
	cmd := &cobra.Command{
		Use:   "import <link> [flags]",
		Short: "Save the collection and environments behind a Run-in-Postman link",
		Long: `Fetch what a "Run in Postman" button links to and save it as files courier (and Newman)
can run: the collection, through the Postman API, and every environment the link embeds
(its #?env[NAME]=... fragment).

<link> is a Run-in-Postman link (https://god.gw.postman.com/run-collection/<owner>-<uuid>...),
a Postman API collection URL (https://api.getpostman.com/collections/<uid>), or a bare
collection uid. The Postman API needs an API key: --postman-api-key KEY, or
--postman-api-key vault:NAME for a key kept with "courier vault set NAME", or $` + EnvAPIKey + `.

Files are named after what they hold: "<collection name>.postman_collection.json" and
"<environment name>.postman_environment.json". Existing files are kept unless --force.`,
		Example: `  courier import 'https://god.gw.postman.com/run-collection/18568624-4e4e...#?env%5B...%5D=W3si...'
  courier import 18568624-4e4e5063-6ad7-4895-805e-ada77358488c --dir pingone --postman-api-key vault:postman-api-key`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cmdutil.FlagErrorf("expected one link (a Run-in-Postman link, a Postman API collection URL or a uid)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Link = args[0]
			if opts.Getenv == nil {
				opts.Getenv = io.Env
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.SortFlags = false
	f.StringVarP(&opts.Dir, "dir", "d", ".", "write the files into `dir` (created if missing)")
	f.BoolVarP(&opts.Force, "force", "f", false, "overwrite existing files")
	AddLinkFlags(f, &opts.LinkOptions)
	return cmd
}

// apiClient is o.HTTPClient, else a client with a one-minute timeout and
// the environment's proxy, read as courier run reads it.
func (o *Options) apiClient() *http.Client {
	if o.HTTPClient != nil {
		return o.HTTPClient
	}
	var env func(string) string
	if o.IO != nil {
		env = o.IO.Env
	}
	return &http.Client{Timeout: time.Minute, Transport: proxyenv.Transport(env)}
}

// Run imports o.Link.
func Run(ctx context.Context, o *Options) error {
	client := o.apiClient()
	op, err := Open(ctx, client, o.Link, o.LinkOptions)
	if err != nil {
		return err
	}
	dir := o.Dir
	if dir == "" {
		dir = "."
	}
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}

	// Plan every file first, so a refusal to overwrite leaves nothing
	// half-imported.
	type target struct {
		path, kind, name, summary string
		data                      []byte
		perm                      fs.FileMode
		env                       *environments.File
	}
	taken := map[string]bool{}
	pick := func(name, suffix, fallback string) string {
		stem := fileStem(name, fallback)
		p := filepath.Join(dir, stem+suffix)
		for i := 2; taken[strings.ToLower(p)]; i++ {
			p = filepath.Join(dir, fmt.Sprintf("%s (%d)%s", stem, i, suffix))
		}
		taken[strings.ToLower(p)] = true
		return p
	}
	collJSON, err := indentCollection(op.Raw)
	if err != nil {
		return cmdutil.WithExitCode(fmt.Errorf("collection %q: %w", op.Collection.Info.Name, err), cmdutil.ExitInput)
	}
	targets := []target{{
		path: pick(op.Collection.Info.Name, ".postman_collection.json", "collection"),
		kind: "collection", name: op.Collection.Info.Name,
		summary: plural(countRequests(op.Collection.Items), "request"),
		data:    collJSON, perm: 0o644,
	}}
	for _, env := range op.Environments {
		env.ExportedAt = now()
		var buf bytes.Buffer
		if err := environments.Save(&buf, env); err != nil {
			return fmt.Errorf("environment %q: %w", env.Name, err)
		}
		targets = append(targets, target{
			path: pick(env.Name, ".postman_environment.json", "environment"),
			kind: "environment", name: env.Name,
			summary: plural(len(env.Values), "variable"),
			// Environments are where users put their secrets next.
			data: buf.Bytes(), perm: 0o600, env: env,
		})
	}
	if !o.Force {
		var exists []string
		for _, t := range targets {
			if _, err := os.Lstat(t.path); err == nil {
				exists = append(exists, t.path)
			}
		}
		if len(exists) > 0 {
			return cmdutil.WithExitCode(fmt.Errorf("%s already exists: pass --force to overwrite, or --dir to import elsewhere",
				strings.Join(quoteAll(exists), ", ")), cmdutil.ExitInput)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return cmdutil.WithExitCode(fmt.Errorf("creating %s: %w", dir, err), cmdutil.ExitInput)
	}
	out := o.IO.Out
	fmt.Fprintf(out, "Imported %s\n", op.Source)
	for _, t := range targets {
		if err := environments.WriteFileAtomic(t.path, t.data, t.perm); err != nil {
			return err
		}
		fmt.Fprintf(out, "  %-11s %q (%s) → %s\n", t.kind, t.name, t.summary, t.path)
	}

	fmt.Fprintln(out, "\nNext:")
	run := "courier run " + shellQuote(targets[0].path)
	if len(targets) > 1 {
		run += " -e " + shellQuote(targets[1].path)
	}
	for _, t := range targets[1:] {
		if empty := emptyKeys(t.env); len(empty) > 0 {
			fmt.Fprintf(out, "  # %q leaves %s empty; fill them in, e.g.\n", t.name, strings.Join(empty, ", "))
			fmt.Fprintf(out, "  courier env set %s %s <value>\n", shellQuote(t.path), shellQuote(empty[0]))
		}
	}
	fmt.Fprintf(out, "  %s\n", run)
	if len(targets) > 2 {
		fmt.Fprintf(out, "  # or with another environment: -e %s\n", shellQuote(targets[2].path))
	}
	return nil
}

// indentCollection lays out the collection JSON as Postman's exports do
// (tab-indented), keeping every field the API sent.
func indentCollection(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.Indent(&buf, bytes.TrimSpace(raw), "", "\t"); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// fileStem turns a collection or environment name into a file name that is
// valid on every OS: path separators, reserved characters and control
// characters become "_", and leading or trailing dots and spaces go.
func fileStem(name, fallback string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f:
			b.WriteByte('_')
		case strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Trim(b.String(), " .")
	if s == "" {
		return fallback
	}
	if r := []rune(s); len(r) > 150 {
		s = strings.TrimRight(string(r[:150]), " .")
	}
	// Windows reserves these names whatever the extension.
	switch strings.ToUpper(s) {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		s = "_" + s
	}
	return s
}

func countRequests(items []*collections.Item) int {
	n := 0
	for _, it := range items {
		if it.Request != nil {
			n++
		}
		n += countRequests(it.Items)
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// emptyKeys lists the enabled variables of env that have no value.
func emptyKeys(env *environments.File) []string {
	if env == nil {
		return nil
	}
	var keys []string
	for _, v := range env.Values {
		if !v.Disabled && v.Value == "" {
			keys = append(keys, v.Key)
		}
	}
	return keys
}

func quoteAll(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = shellQuote(p)
	}
	return out
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
