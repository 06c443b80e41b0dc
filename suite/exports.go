package suite

import (
	"bytes"
	"fmt"
	"path/filepath"
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
	o, red := &s.o, s.red
	if sc == nil {
		return nil
	}
	var blanked []string
	clean := func(vs []environments.Variable) []environments.Variable {
		out := make([]environments.Variable, len(vs))
		for i, v := range vs {
			v.Value = vlt.Unresolve(v.Value)
			// A secret's value, or any value a script copied a secret into.
			secret := v.Type == "secret" || red.Redact(v.Value) != v.Value
			if secret && !strings.Contains(v.Value, "{{vault:") && v.Value != "" {
				v.Value = ""
				blanked = append(blanked, v.Key)
			}
			out[i] = v
		}
		return out
	}
	defer func() {
		if len(blanked) > 0 {
			o.warnf("note: secret values are not written to exports: %s (keep them in the vault: courier vault set NAME)\n", strings.Join(blanked, ", "))
		}
	}()
	if o.Exports.Environment != "" {
		f := &environments.File{Name: sc.Environment.Name, VariableScope: "environment", Values: clean(sc.Environment.Variables())}
		switch {
		case names.envFile != nil && names.envFile.Format == environments.FormatYAML:
			// A v12 YAML environment is written back as YAML, keeping
			// its layout and comments.
			f = names.envFile.WithValues(f.Values)
			f.VariableScope = "environment"
		case names.envFile != nil:
			f.ID, f.Name = names.envFile.ID, names.envFile.Name
		}
		if err := environments.ExportFile(o.Exports.Environment, f, 0o600); err != nil {
			return fmt.Errorf("--export-environment: %w", err)
		}
	}
	if o.Exports.Globals != "" {
		f := &environments.File{Name: "globals", VariableScope: "globals", Values: clean(sc.Globals.Variables())}
		switch {
		case names.globF != nil && names.globF.Format == environments.FormatYAML:
			f = names.globF.WithValues(f.Values)
			f.VariableScope = "globals"
		case names.globF != nil:
			f.ID, f.Name = names.globF.ID, names.globF.Name
		}
		if err := environments.ExportFile(o.Exports.Globals, f, 0o600); err != nil {
			return fmt.Errorf("--export-globals: %w", err)
		}
	}
	if o.Exports.Collection != "" {
		out := *coll
		out.Variables = nil
		desc := map[string]string{}
		for _, v := range coll.Variables {
			desc[v.Key] = v.Description
		}
		for _, v := range clean(sc.Collection.Variables()) {
			out.Variables = append(out.Variables, collections.Variable{Key: v.Key, Value: v.Value, Type: v.Type, Disabled: v.Disabled, Description: desc[v.Key]})
		}
		if coll.Format == "v3" && !strings.EqualFold(filepath.Ext(o.Exports.Collection), ".json") {
			// A v12 directory is written back as one: its files copied as
			// they are, the collection variables updated in its definition.
			if err := collections.ExportV3Dir(&out, o.Exports.Collection); err != nil {
				return fmt.Errorf("--export-collection: %w", err)
			}
		} else {
			var buf bytes.Buffer
			if err := collections.Save(&buf, &out); err != nil {
				return fmt.Errorf("--export-collection: %w", err)
			}
			if err := environments.WriteFileAtomic(o.Exports.Collection, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("--export-collection: %w", err)
			}
		}
	}
	if o.Exports.CookieJar != "" {
		left, err := exportJar(o.Exports.CookieJar, jar, red)
		blanked = append(blanked, left...)
		if err != nil {
			return fmt.Errorf("--export-cookie-jar: %w", err)
		}
	}
	return nil
}

// exportJar writes jar to path, leaving out the cookies that hold a secret
// (a server may set one from a value it was sent, a script from pm.vault):
// written empty they would be sent empty by the next run. It returns
// their names for the note on blanked values.
func exportJar(path string, jar *runner.Jar, red *vault.Redactor) (left []string, err error) {
	data, err := runner.MarshalJarExcept(jar, func(name, value string) bool {
		if red.Redact(name+"="+value) == name+"="+value {
			return false
		}
		left = append(left, "cookie "+name)
		return true
	})
	if err != nil {
		return left, err
	}
	return left, environments.WriteFileAtomic(path, data, 0o600)
}
