package suite

import (
	"bytes"
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/vault"
)

// writeExports writes --export-* files, each atomically.
// Exports never hold a secret: vault values go back to their {{vault:NAME}}
// reference; type: secret values, and values that hold a secret, are written
// empty (a note lists them).
// The loaded environment and globals files keep their id and name in the
// exports, as Newman's do.
func (s *Suite) writeExports(sc *environments.Scopes, coll *collections.Collection, jar *runner.Jar, vlt *vault.Vault, names *variables) error {
	o := &s.o
	if sc == nil {
		return nil
	}
	c := &exportCleaner{vlt: vlt, red: s.red}
	defer func() {
		if len(c.blanked) > 0 {
			o.warnf("note: secret values are not written to exports: %s (keep them in the vault: courier vault set NAME)\n", strings.Join(c.blanked, ", "))
		}
	}()
	if o.Exports.Environment != "" {
		values := c.clean(sc.Environment.Variables())
		if err := exportVariables(o.Exports.Environment, sc.Environment.Name, "environment", s.scopeIDs()[0], values, names.envFile); err != nil {
			return fmt.Errorf("--export-environment: %w", err)
		}
	}
	if o.Exports.Globals != "" {
		values := c.clean(sc.Globals.Variables())
		if err := exportVariables(o.Exports.Globals, "globals", "globals", s.scopeIDs()[1], values, names.globF); err != nil {
			return fmt.Errorf("--export-globals: %w", err)
		}
	}
	if o.Exports.Collection != "" {
		if err := exportCollection(o.Exports.Collection, coll, c.clean(sc.Collection.Variables()), c.items); err != nil {
			return fmt.Errorf("--export-collection: %w", err)
		}
	}
	if o.Exports.CookieJar != "" {
		left, err := exportJar(o.Exports.CookieJar, jar, s.red)
		c.blanked = append(c.blanked, left...)
		if err != nil {
			return fmt.Errorf("--export-cookie-jar: %w", err)
		}
	}
	return nil
}

// exportCleaner takes secrets out of exported variables and remembers the
// keys it blanked, for the note.
type exportCleaner struct {
	vlt     *vault.Vault
	red     *vault.Redactor
	blanked []string
}

// clean returns vs as they may be exported: vault values as their
// {{vault:NAME}} reference, secrets (type: secret, or any value a script
// copied a secret into) empty, a variable whose name holds a secret left
// out.
func (c *exportCleaner) clean(vs []environments.Variable) []environments.Variable {
	out := make([]environments.Variable, 0, len(vs))
	for _, v := range vs {
		if c.red.NamesSecret(v.Key) {
			// A script named a variable by a secret: the name is the
			// secret, so the variable is left out whole.
			c.blanked = append(c.blanked, "a variable named by a secret (left out)")
			continue
		}
		v.Value = c.vlt.Unresolve(v.Value)
		secret := v.Type == "secret" || c.red.Redact(v.Value) != v.Value
		if secret && !strings.Contains(v.Value, "{{vault:") && v.Value != "" {
			v.Value = ""
			c.blanked = append(c.blanked, v.Key)
		}
		out = append(out, v)
	}
	return out
}

// items returns items with the values of their folders' and requests'
// own type: secret variables written empty (a vault reference stays), as
// the collection's are: the run does not use them, but the export is a
// file courier writes. Items that change are copies; the rest are shared.
func (c *exportCleaner) items(items []*collections.Item) []*collections.Item {
	out := items
	for i, it := range items {
		kids := c.items(it.Items)
		var vars []collections.Variable
		for j, v := range it.Variables {
			if v.Type == "secret" && v.Value != "" && !strings.Contains(v.Value, "{{vault:") {
				if vars == nil {
					vars = slices.Clone(it.Variables)
				}
				vars[j].Value = ""
				c.blanked = append(c.blanked, v.Key)
			}
		}
		if kidsSame := len(kids) == 0 || &kids[0] == &it.Items[0]; vars == nil && kidsSame {
			continue
		}
		cp := *it
		cp.Items = kids
		if vars != nil {
			cp.Variables = vars
		}
		if &out[0] == &items[0] {
			out = slices.Clone(items)
		}
		out[i] = &cp
	}
	return out
}

// exportVariables writes an environment or the globals (scope) to path: in
// the form of the file they were loaded from, with its id and name, else as
// a new file named name. runID is the scope's id in this run where the file
// gives none (Suite.scopeIDs): Newman writes that id, which scripts read
// too, rather than none.
func exportVariables(path, name, scope, runID string, values []environments.Variable, loaded *environments.File) error {
	f := &environments.File{ID: runID, Name: name, VariableScope: scope, Values: values}
	switch {
	case loaded != nil && loaded.Format == environments.FormatYAML:
		// A v12 YAML environment is written back as YAML, keeping
		// its layout and comments.
		f = loaded.WithValues(f.Values)
		f.VariableScope = scope
	case loaded != nil:
		f.ID, f.Name = cmp.Or(loaded.ID, runID), loaded.Name
	}
	return environments.ExportFile(path, f, 0o600)
}

// exportCollection writes coll to path with the collection variables as
// the run left them (values already cleaned), keeping the file's id,
// description, name and system fields of each (Postman's export keeps a
// variable's id, and so does Newman's).
// items cleans the folders' and requests' own variables (see
// exportCleaner.items).
func exportCollection(path string, coll *collections.Collection, values []environments.Variable, items func([]*collections.Item) []*collections.Item) error {
	out := *coll
	out.Items = items(coll.Items)
	out.Variables = nil
	desc := map[string]collections.Variable{}
	for _, v := range coll.Variables {
		desc[v.Key] = v
	}
	for _, v := range values {
		cv := environments.CollectionVariable(v)
		d := desc[v.Key]
		cv.ID, cv.Description, cv.DescriptionType, cv.Name, cv.System = d.ID, d.Description, d.DescriptionType, d.Name, d.System
		out.Variables = append(out.Variables, cv)
	}
	if coll.Format == "v3" && !strings.EqualFold(filepath.Ext(path), ".json") {
		// A v12 directory is written back as one: its files copied as
		// they are, the collection variables updated in its definition.
		return collections.ExportV3Dir(&out, path)
	}
	var buf bytes.Buffer
	if err := collections.SaveExport(&buf, &out); err != nil {
		return err
	}
	return environments.WriteFileAtomic(path, buf.Bytes(), 0o644)
}

// exportJar writes jar to path, leaving out the cookies that hold a secret
// (a server may set one from a value it was sent, a script from pm.vault),
// in their name, value, domain (a host that is a secret), path or other
// attributes: written empty they would be sent empty by the next run. It
// returns their names for the note on blanked values.
func exportJar(path string, jar *runner.Jar, red *vault.Redactor) (left []string, err error) {
	data, err := runner.MarshalJarExcept(jar, func(c runner.StoredCookie) bool {
		text := strings.Join(append([]string{c.Name + "=" + c.Value, c.Domain, c.Path, c.SameSite}, c.Extensions...), "; ")
		if red.Redact(text) == text {
			return false
		}
		left = append(left, "cookie "+c.Name)
		return true
	})
	if err != nil {
		return left, err
	}
	return left, environments.WriteFileAtomic(path, data, 0o600)
}
