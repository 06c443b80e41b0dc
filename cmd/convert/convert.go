// Package convert implements "courier convert": Postman collections between
// the v2.1 JSON file and the Postman v12 (format v3) YAML directory, and
// environments between JSON and YAML.
package convert

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
)

// Options are the arguments and flags of "courier convert".
type Options struct {
	IO         *cmdutil.IOStreams
	In, Out    string
	Collection string // picks a collection when In is a v12 repository
	Force      bool
}

// NewCmdConvert returns the convert command.
func NewCmdConvert(io *cmdutil.IOStreams) *cobra.Command {
	o := &Options{IO: io}
	cmd := &cobra.Command{
		Use:   "convert <in> <out>",
		Short: "Convert a collection between v2.1 JSON and Postman v12's YAML directory (or an environment between JSON and YAML)",
		Long: `Convert a Postman collection to the other format:

  - a JSON collection (v2.1, v2.0 or v1) becomes a Postman v12 collection
    directory (collection format v3: one YAML file per request), written at <out>,
    or under postman/collections/ when <out> is a v12 repository or postman/ folder;
  - a v12 collection directory (or a repository root or postman/ folder with
    --collection) becomes a v2.1 JSON file when <out> ends in .json.

File names are made safe on every system; names that would clash get " 1", " 2".
What the target format cannot hold is listed on standard error; everything
else survives a round trip.

An environment or globals file converts the same way: <out> ending in .yaml or
.yml gets Postman v12's YAML, .json gets JSON. Its type: secret values are
written empty and named on standard error (the output is meant for Git): set
them again as current values with courier env set <out> KEY VALUE, or keep
them in the vault and write {{vault:NAME}}.`,
		Example: `  courier convert orders.postman_collection.json .     # in a v12 repository: postman/collections/<Name>
  courier convert orders.postman_collection.json postman/collections/Orders
  courier convert postman/collections/Orders orders.postman_collection.json
  courier convert . orders.json --collection "Orders API"
  courier convert dev.postman_environment.json postman/environments/dev.environment.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return cmdutil.FlagErrorf("expected <in> and <out>")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.In, o.Out = args[0], args[1]
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Collection, "collection", "", "the collection to convert (by `name`) when <in> is a Postman v12 repository or postman/ folder")
	cmd.Flags().BoolVarP(&o.Force, "force", "f", false, "replace <out> when it exists (a directory only when it holds a collection's YAML files)")
	return cmd
}

func inputErr(err error) error { return cmdutil.WithExitCode(err, cmdutil.ExitInput) }

// Run converts o.In to o.Out.
func Run(o *Options) error {
	in := o.In
	if refs, ok := collections.FindV3Collections(in); ok {
		ref, err := collections.SelectV3(refs, o.Collection, in)
		if err != nil {
			return inputErr(err)
		}
		in = ref.Dir
	}
	coll, err := collections.LoadFile(in)
	if err != nil {
		if errors.Is(err, collections.ErrNotCollection) {
			if env, eerr := environments.LoadFile(in); eerr == nil {
				return convertEnvironment(o, env)
			}
		}
		return inputErr(err)
	}
	var lost []string
	for _, n := range coll.Notices {
		if n.Kind != "" {
			lost = append(lost, fmt.Sprintf("%s (%s request, not run by courier)", n.Message, n.Kind))
			continue
		}
		fmt.Fprintf(o.IO.ErrOut, "warning: %s\n", n)
	}
	toJSON := strings.EqualFold(filepath.Ext(o.Out), ".json")
	if !toJSON && environments.IsYAMLPath(o.Out) {
		// A v12 collection is a directory of YAML files, not one file.
		return cmdutil.FlagErrorf("%s: a collection converts to a directory (Postman v12: name it without .yaml, e.g. postman/collections/%s) or to a .json file", o.Out, collections.SanitizeName(coll.Info.Name))
	}
	if dir, ok := v12CollectionsDir(o.Out); ok && !toJSON {
		// Into a v12 repository: postman/collections/<Name>.
		o.Out = filepath.Join(dir, collections.SanitizeName(coll.Info.Name))
	}
	if err := checkOut(o, toJSON); err != nil {
		return err
	}
	if toJSON {
		if coll.Format == "v3" {
			lost = append(lost, "file names and order values (v2.1 keeps the order itself)")
		}
		var buf bytes.Buffer
		if err := collections.Save(&buf, coll); err != nil {
			return err
		}
		if err := environments.WriteFileAtomic(o.Out, buf.Bytes(), 0o644); err != nil {
			return err
		}
	} else {
		l, err := saveDir(coll, o.Out)
		if err != nil {
			return fmt.Errorf("writing %s: %w", o.Out, err)
		}
		lost = append(lost, l...)
	}
	report(o, coll.Info.Name, lost)
	return nil
}

// v12CollectionsDir is where a collection converted into out goes when out
// is a v12 repository or its postman/ folder: the repository's
// postman/collections/, also when the repository was just made and that
// folder does not exist yet (an existing postman/ folder, or out named
// postman/). Any other out is the collection directory itself.
func v12CollectionsDir(out string) (string, bool) {
	if dir, ok := collections.V3CollectionsDir(out); ok {
		return dir, true
	}
	st, err := os.Stat(out)
	if err != nil || !st.IsDir() {
		return "", false
	}
	if abs, err := filepath.Abs(out); err == nil && filepath.Base(abs) == "postman" {
		return filepath.Join(out, "collections"), true
	}
	if st, err := os.Stat(filepath.Join(out, "postman")); err == nil && st.IsDir() {
		return filepath.Join(out, "postman", "collections"), true
	}
	return "", false
}

func report(o *Options, name string, lost []string) {
	fmt.Fprintf(o.IO.ErrOut, "converted %q to %s\n", name, o.Out)
	if len(lost) == 0 {
		return
	}
	fmt.Fprintf(o.IO.ErrOut, "not carried over (the target format cannot hold it):\n")
	for _, l := range lost {
		fmt.Fprintf(o.IO.ErrOut, "  - %s\n", l)
	}
}

// checkOut refuses to write over an existing file or a non-empty
// directory unless --force.
func checkOut(o *Options, file bool) error {
	st, err := os.Stat(o.Out)
	if err != nil {
		return nil
	}
	if o.Force {
		if file == st.IsDir() {
			return inputErr(fmt.Errorf("%s exists and is a %s", o.Out, map[bool]string{true: "directory", false: "file"}[st.IsDir()]))
		}
		if entries, _ := os.ReadDir(o.Out); !file && len(entries) > 0 {
			// --force replaces the directory as a whole; only an earlier
			// conversion may go, never a folder of the user's other files.
			if other := notCollectionFile(o.Out); other != "" {
				return inputErr(fmt.Errorf("%s is not a collection directory (it holds %s); --force replaces only an earlier conversion: choose a new or empty directory", o.Out, other))
			}
		}
		return nil
	}
	if st.IsDir() {
		if entries, _ := os.ReadDir(o.Out); len(entries) == 0 {
			return nil
		}
	}
	return inputErr(fmt.Errorf("%s exists; use --force to write into it", o.Out))
}

// notCollectionFile returns a file under dir that a Postman v12 collection
// directory would not hold (anything but YAML), or the directory itself
// when it holds no request or definition; "" when dir looks like one.
func notCollectionFile(dir string) string {
	other, found := "", false
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			other = p
			return filepath.SkipAll
		}
		if d.IsDir() {
			return nil
		}
		name := strings.ToLower(d.Name())
		if !d.Type().IsRegular() || (!strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml")) {
			other = p
			return filepath.SkipAll
		}
		if strings.HasPrefix(name, "definition.") || strings.Contains(name, ".request.") {
			found = true
		}
		return nil
	})
	if other == "" && !found {
		other = "no request or definition file"
	}
	return other
}

func convertEnvironment(o *Options, env *environments.File) error {
	if env.Name == "" && len(env.Values) == 0 {
		// Any JSON object loads as an empty environment; converting one is
		// a mistake more often than not.
		return inputErr(fmt.Errorf("%s is neither a Postman collection nor an environment (it has no name and no values)", o.In))
	}
	if err := checkOut(o, true); err != nil {
		return err
	}
	if !environments.IsYAMLPath(o.Out) && !strings.EqualFold(filepath.Ext(o.Out), ".json") {
		return cmdutil.FlagErrorf("%s: name the output .yaml (Postman v12) or .json", o.Out)
	}
	out, blanked := environments.WithoutSecretValues(env)
	if err := environments.ExportFile(o.Out, out, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(o.IO.ErrOut, "converted environment %q to %s\n", env.Name, o.Out)
	if len(blanked) > 0 {
		fmt.Fprintf(o.IO.ErrOut, "note: secret values are not written: %s (keep them in the vault: courier vault set NAME, and write {{vault:NAME}} as the value)\n", strings.Join(blanked, ", "))
	}
	return nil
}

// saveDir writes the collection directory; over an existing one (--force)
// it writes a fresh directory beside it and swaps the two, so no file of
// the old conversion (a request since renamed) lingers and runs.
func saveDir(c *collections.Collection, out string) ([]string, error) {
	if entries, err := os.ReadDir(out); err != nil || len(entries) == 0 {
		return collections.SaveDir(c, out)
	}
	parent := filepath.Dir(filepath.Clean(out))
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-*")
	if err != nil {
		return nil, err
	}
	lost, err := collections.SaveDir(c, tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		os.RemoveAll(tmp)
		return nil, err
	}
	return lost, os.RemoveAll(old)
}
