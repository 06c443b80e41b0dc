package env

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/vault"
)

// ShowOptions are the flags of "courier env show".
type ShowOptions struct {
	*Options
	Env        string
	Collection string
	Folders    []string
	Resolved   bool
	Width      int
}

func newCmdShow(o *Options, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{Options: o}
	cmd := &cobra.Command{
		Use:   "show <env-file> [flags]",
		Short: "Show initial and current values side by side, and what a collection still needs",
		Long: `Show every variable of an environment file with its initial value (from the file) and
your current value (from the local store), secrets masked. The STATUS column says where
the current value comes from: "local" (you or a script set it), "emptied" (set to empty
while the initial value is not: requests silently send nothing), "unset", "disabled",
"local only" (not in the file).

With --collection, also list the variables that collection's requests need that are
still empty, with the command that sets each.`,
		Example: `  courier env show env.json
  courier env show env.json --collection coll.json --folder "Create app" --resolved`,
		Args: exactArgs(1, "an environment file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Env = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runShow(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Collection, "collection", "c", "", "collection `file` whose needs to check")
	f.StringArrayVar(&opts.Folders, "folder", nil, "with --collection: only this folder or request; repeatable")
	f.BoolVar(&opts.Resolved, "resolved", false, "add a RESOLVED column: the current value with {{variables}} substituted")
	f.IntVar(&opts.Width, "width", 40, "shorten values to this many characters (0: no limit)")
	return cmd
}

func runShow(o *ShowOptions) error {
	f, st, cur, err := o.load(o.Env)
	if err != nil {
		return err
	}
	id := environments.FileIdentity(f)
	out := o.IO.Out
	name := f.Name
	if name == "" {
		name = "(unnamed)"
	}
	fmt.Fprintf(out, "Environment:    %s\n", name)
	fmt.Fprintf(out, "Initial values: %s\n", f.Source)
	fmt.Fprintf(out, "Current values: %s (keyed by %s)\n\n", st.Path(id), id.Describe())

	scopes := &environments.Scopes{Environment: environments.Merge(f, cur)}
	o.held = heldSecrets(f, scopes.Environment)
	if err := o.writeValues(f, cur, scopes); err != nil {
		return err
	}
	if o.Collection == "" {
		return nil
	}
	return o.writeNeeds(f, cur, scopes)
}

// heldSecrets is a Redactor of the environment's type: secret values,
// initial and current: a run masks them wherever they stand, and so does
// the table (a value holding one, --resolved substituting one). A
// reference ("{{vault:NAME}}", "{{other}}") is not a value to mask.
func heldSecrets(f *environments.File, merged *environments.Scope) *vault.Redactor {
	red := vault.NewRedactor()
	add := func(v string) {
		if !strings.Contains(v, "{{") {
			red.Add(v)
		}
	}
	for _, v := range f.Values {
		if v.Type == environments.TypeSecret {
			add(v.Value)
		}
	}
	merged.EachSecret(add)
	return red
}

// writeValues is the table of the environment's variables: initial and
// current values and where each comes from, the local-only ones last.
func (o *ShowOptions) writeValues(f *environments.File, cur *environments.Current, scopes *environments.Scopes) error {
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 4, 2, ' ', 0)
	header := "VARIABLE\tTYPE\tINITIAL\tCURRENT\tSTATUS"
	if o.Resolved {
		header += "\tRESOLVED"
	}
	fmt.Fprintln(tw, header)
	row := func(key, typ, initial, current, status, resolved string) {
		line := strings.Join([]string{key, typ, initial, current, status}, "\t")
		if o.Resolved {
			line += "\t" + resolved
		}
		fmt.Fprintln(tw, line)
	}
	seen := map[string]bool{}
	for _, v := range f.Values {
		if seen[v.Key] {
			continue // the winning definition is shown once
		}
		seen[v.Key] = true
		fv, typ, curVal, status := fileRow(f, cur, v.Key)
		resolved := ""
		if status != "unset" && !fv.Disabled {
			resolved = o.display(v.Key, scopes.Replace(curVal), typ, o.Width)
		}
		row(v.Key, typ, o.display(v.Key, fv.Value, typ, o.Width), o.display(v.Key, curVal, typ, o.Width), status, resolved)
	}
	for _, e := range cur.Entries() {
		if seen[e.Key] || e.Unset {
			continue
		}
		typ := typeName(e.Type)
		row(e.Key, typ, "", o.display(e.Key, e.Value, typ, o.Width), "local only", o.display(e.Key, scopes.Replace(e.Value), typ, o.Width))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	writeTrimmed(o.IO.Out, table.Bytes())
	return nil
}

// fileRow is what the table shows of a variable the file defines: the
// winning definition, its type (secret when the current value is), its
// current value and where that comes from.
func fileRow(f *environments.File, cur *environments.Current, key string) (fv environments.Variable, typ, curVal, status string) {
	fv, _ = fileVar(f, key)
	typ = typeName(fv.Type)
	e, hasCur := cur.Get(key)
	curVal = fv.Value
	if hasCur {
		curVal, status = e.Value, "local"
		if e.Type == environments.TypeSecret {
			typ = environments.TypeSecret
		}
	}
	switch {
	case hasCur && e.Unset:
		curVal, status = "", "unset"
	case cur.Emptied(f, key):
		status = "emptied"
	case fv.Disabled:
		status = "disabled"
	case hasCur && e.Value == fv.Value:
		status = "local (same)"
	}
	return fv, typ, curVal, status
}

// writeNeeds lists the variables the collection's selected requests use
// that have no value, with the command that sets each.
func (o *ShowOptions) writeNeeds(f *environments.File, cur *environments.Current, scopes *environments.Scopes) error {
	out := o.IO.Out
	coll, err := collections.LoadFile(o.Collection)
	if err != nil {
		return inputError(err)
	}
	var items []*collections.Item
	if len(o.Folders) > 0 {
		if items, err = collections.Select(coll, o.Folders...); err != nil {
			return inputError(err)
		}
	}
	probs := environments.Preflight(coll, items, environments.PreflightInput{Scopes: scopes, Environment: f, Current: cur})
	fmt.Fprintln(out)
	if len(probs) == 0 {
		fmt.Fprintf(out, "Every variable %q needs has a value.\n", coll.Info.Name)
		return nil
	}
	fmt.Fprintf(out, "%q needs %d %s with no value:\n", coll.Info.Name, len(probs), plural(len(probs), "variable", "variables"))
	for _, p := range probs {
		fmt.Fprintf(out, "  %s\n", problemHead(p))
		if len(p.UsedBy) > 0 {
			fmt.Fprintf(out, "      used by: %s\n", strings.Join(p.UsedBy, "; "))
		}
		fmt.Fprintf(out, "      fix:     %s\n", p.Fix)
	}
	return nil
}

// problemHead is a Problem's first line, without the used-by and fix parts.
func problemHead(p environments.Problem) string {
	p.UsedBy, p.Fix = nil, ""
	return p.String()
}

// writeTrimmed writes a table without the padding tabwriter leaves after
// the last non-empty cell.
func writeTrimmed(w io.Writer, table []byte) {
	for _, line := range bytes.SplitAfter(table, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		w.Write(bytes.TrimRight(line, " \n"))
		w.Write([]byte("\n"))
	}
}

func typeName(t string) string {
	if t == "" {
		return environments.TypeDefault
	}
	return t
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ListOptions are the flags of "courier env list".
type ListOptions struct {
	*Options
	Dir string
}

func newCmdList(o *Options, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{Options: o}
	cmd := &cobra.Command{
		Use:   "list [flags]",
		Short: "List the environments you have current values for, and environment files here without any",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runList(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", ".", "also list environment files in this `directory`")
	return cmd
}

func runList(o *ListOptions) error {
	st, err := o.store()
	if err != nil {
		return err
	}
	sets, errs := st.List()
	for _, err := range errs {
		fmt.Fprintf(o.IO.ErrOut, "warning: %s\n", err)
	}
	out := o.IO.Out
	known := map[string]bool{}
	if len(sets) == 0 {
		fmt.Fprintf(out, "No current values in %s yet.\n", st.Dir)
	} else {
		var table bytes.Buffer
		tw := tabwriter.NewWriter(&table, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tVALUES\tUPDATED\tKEYED BY\tLAST SEEN AT")
		for _, s := range sets {
			id := s.Current.Identity
			known[id.FileName()] = true
			where := id.Path
			if where != "" && !strings.Contains(where, "://") {
				if _, err := os.Stat(where); err != nil {
					where += " (gone)"
				}
			}
			name := id.Name
			if name == "" {
				name = "(unnamed)"
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", name, s.Current.Len(), s.Current.Updated.Local().Format(time.DateTime), id.Describe(), where)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		writeTrimmed(out, table.Bytes())
	}
	// Environment files in the directory that have no current values yet.
	entries, _ := filepath.Glob(filepath.Join(o.Dir, "*.json"))
	sort.Strings(entries)
	var fresh []string
	for _, p := range entries {
		if fi, err := os.Stat(p); err != nil || fi.Size() > 4<<20 {
			continue
		}
		f, err := environments.LoadFile(p)
		if err != nil || len(f.Values) == 0 {
			continue // a collection, a data file, anything else
		}
		if !known[environments.FileIdentity(f).FileName()] {
			fresh = append(fresh, fmt.Sprintf("  %s (%d variables)", p, len(f.Values)))
		}
	}
	if len(fresh) > 0 {
		fmt.Fprintf(out, "\nEnvironment files in %s with no current values (runs use their initial values):\n%s\n", o.Dir, strings.Join(fresh, "\n"))
	}
	return nil
}
