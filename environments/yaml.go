package environments

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/courier-run/courier/internal/yamlerr"
	"github.com/courier-run/courier/internal/yamlmerge"
)

// Postman v12 keeps environments as postman/environments/<Name>.environment.yaml
// and globals as postman/globals/workspace.globals.yaml:
//
//	name: Local
//	values:
//	  - key: baseUrl
//	    value: 'http://localhost:3000'
//	    enabled: true
//	    type: default
//	color: 0
//
// Some files say variables: instead of values:. Every value in the wild is a
// string; numbers, booleans and nulls load as they do from JSON files.
// Writing back edits the parsed document, so comments, key order, quoting
// and unknown keys (color, owner...) stay as they were.

// Formats of environment files.
const (
	FormatJSON = "json"
	FormatYAML = "yaml"
)

// IsYAMLPath reports whether path names a YAML file by its extension.
func IsYAMLPath(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// looksYAML decides the format of an environment file: by extension, else
// by content (JSON starts with { or [).
func looksYAML(source string, data []byte) bool {
	if IsYAMLPath(source) {
		return true
	}
	if strings.HasSuffix(strings.ToLower(source), ".json") || json.Valid(data) {
		return false
	}
	return yamlStart().Match(bytes.TrimLeft(data, " \t\r\n"))
}

// yamlStart matches a document that opens with "key:" or a comment.
var yamlStart = lazyre.New(`^(#|[A-Za-z_$+][^:\n{}\[\]]*:(\s|$))`)

// globalsName recognises postman/globals/*.globals.yaml by its name.
var globalsName = lazyre.New(`(?i)\.globals\.ya?ml$`)

func loadYAML(data []byte, source string) (*File, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlSyntax(err, data, source)
	}
	// Aliases are expanded once, so writing the document back cannot leave
	// one pointing at an anchor that an edit removed.
	budget := 100000
	if err := expandAliases(&doc, &budget, 0); err != nil {
		return nil, &LoadError{File: source, Err: err}
	}
	if err := applyMerges(&doc, 0); err != nil {
		return nil, &LoadError{File: source, Err: err}
	}
	f := &File{Source: source, Format: FormatYAML, doc: &doc, VariableScope: "environment"}
	if globalsName().MatchString(source) {
		f.VariableScope = "globals"
	}
	if len(doc.Content) == 0 {
		return nil, &LoadError{File: source, Err: errors.New("file is empty, expected a Postman environment with the keys name and values")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &LoadError{File: source, Line: root.Line, Column: root.Column, Err: errors.New("expected a mapping with the keys name and values")}
	}
	if n := yget(root, "name"); n != nil {
		if n.Kind != yaml.ScalarNode {
			return nil, &LoadError{File: source, Line: n.Line, Column: n.Column, Path: "name", Err: errors.New("expected text")}
		}
		f.Name = n.Value
	}
	if n := yget(root, "id"); n != nil && n.Kind == yaml.ScalarNode {
		f.ID = n.Value
	}
	vals, field, err := yamlValuesNode(root, source)
	if err != nil {
		return nil, err
	}
	if vals == nil {
		return f, nil
	}
	if f.Values, err = readYAMLVariables(vals, field, source); err != nil {
		return nil, err
	}
	return f, nil
}

// yamlValuesNode finds the environment's list of variables (values:, or
// variables: as some exports name it) and the name it has; nil when there
// is none.
func yamlValuesNode(root *yaml.Node, source string) (*yaml.Node, string, error) {
	field := "values"
	vals := yget(root, "values")
	if vals == nil {
		if vals = yget(root, "variables"); vals != nil {
			field = "variables"
		}
	}
	if vals == nil || (vals.Kind == yaml.ScalarNode && vals.Tag == "!!null") {
		if yget(root, "$kind") != nil || yget(root, "url") != nil {
			return nil, "", &LoadError{File: source, Err: errors.New("this is a collection file, expected an environment with a values: list")}
		}
		return nil, "", nil
	}
	if vals.Kind != yaml.SequenceNode {
		return nil, "", &LoadError{File: source, Line: vals.Line, Column: vals.Column, Path: field, Err: errors.New("expected a list of variables (- key: ... value: ...)")}
	}
	return vals, field, nil
}

// readYAMLVariables reads the variables of the list vals (a null entry is
// skipped); errors name the entry's place.
func readYAMLVariables(vals *yaml.Node, field, source string) ([]Variable, error) {
	var out []Variable
	for i, e := range vals.Content {
		p := fmt.Sprintf("%s[%d]", field, i)
		if e.Kind == yaml.ScalarNode && e.Tag == "!!null" {
			continue
		}
		if e.Kind != yaml.MappingNode {
			return nil, &LoadError{File: source, Line: e.Line, Column: e.Column, Path: p, Err: errors.New("expected a variable (key: and value:)")}
		}
		m, err := yamlPlain(e, 0)
		if err != nil {
			return nil, &LoadError{File: source, Line: e.Line, Column: e.Column, Path: p, Err: err}
		}
		v, err := readVariable(m.(map[string]any), p)
		if err != nil {
			var le *LoadError
			if errors.As(err, &le) {
				le.File, le.Line, le.Column = source, e.Line, e.Column
				return nil, le
			}
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// expandAliases replaces every alias in n by a copy of what it names,
// within a node budget (a billion-laughs document runs out of it).
func expandAliases(n *yaml.Node, budget *int, depth int) error {
	if depth > 100 {
		return errors.New("the YAML nests too deeply")
	}
	n.Anchor = ""
	for i, c := range n.Content {
		if c.Kind == yaml.AliasNode {
			if c.Alias == nil {
				return errors.New("a YAML alias names no anchor")
			}
			cp, err := copyNode(c.Alias, budget, 0)
			if err != nil {
				return err
			}
			n.Content[i] = cp
			continue
		}
		*budget--
		if *budget < 0 {
			return errors.New("the file expands to too many YAML nodes (aliases?)")
		}
		if err := expandAliases(c, budget, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// applyMerges applies YAML merge keys once the aliases are expanded, as
// Postman CLI 1.34 reads an environment file (`- <<: *row` with its own
// `key:` is a variable of its own; yamlmerge.Mapping says how). Like the
// expansion, this is written back when courier edits the file.
func applyMerges(n *yaml.Node, depth int) error {
	if depth > 100 {
		return errors.New("the YAML nests too deeply")
	}
	for _, c := range n.Content {
		if err := applyMerges(c, depth+1); err != nil {
			return err
		}
	}
	if bad := yamlmerge.Mapping(n); bad != nil {
		return fmt.Errorf("line %d: a merge key (<<) takes a mapping, an alias of one or a list of them", bad.Line)
	}
	return nil
}

func copyNode(n *yaml.Node, budget *int, depth int) (*yaml.Node, error) {
	for i := 0; n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	*budget--
	if *budget < 0 || depth > 100 || n.Kind == yaml.AliasNode {
		return nil, errors.New("the file expands to too many YAML nodes (aliases?)")
	}
	cp := *n
	cp.Anchor = ""
	cp.Content = make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		x, err := copyNode(c, budget, depth+1)
		if err != nil {
			return nil, err
		}
		cp.Content[i] = x
	}
	return &cp, nil
}

func yamlSyntax(err error, data []byte, source string) error {
	p, ok := yamlerr.Locate(err.Error(), data)
	if !ok {
		return &LoadError{File: source, Err: fmt.Errorf("invalid YAML: %v", err)}
	}
	return &LoadError{File: source, Line: p.Line, Column: p.Column, Err: fmt.Errorf("invalid YAML: %s", p.Message)}
}

func yget(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			n := m.Content[i+1]
			for j := 0; n.Kind == yaml.AliasNode && j < 8; j++ {
				n = n.Alias
			}
			return n
		}
	}
	return nil
}

// yamlPlain converts a YAML node to what encoding/json would decode from
// the same JSON (numbers as json.Number), bounded in depth and size.
func yamlPlain(n *yaml.Node, depth int) (any, error) {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	if n == nil || depth > 64 {
		return nil, errors.New("value too deeply nested")
	}
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) > 20000 {
			return nil, errors.New("mapping too large")
		}
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlPlain(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			out[n.Content[i].Value] = v
		}
		return out, nil
	case yaml.SequenceNode:
		if len(n.Content) > 20000 {
			return nil, errors.New("list too large")
		}
		out := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			v, err := yamlPlain(e, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err == nil {
				return b, nil
			}
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err == nil {
				return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
			}
		}
		return n.Value, nil
	}
	return nil, errors.New("unsupported YAML node")
}

// saveYAML writes f as a Postman v12 environment file. When f was loaded
// from YAML, its document is edited in place: each variable's value, type
// and enabled flag are updated, variables that are gone are removed and new
// ones appended, and everything else stays as it was.
func saveYAML(w io.Writer, f *File) error {
	var doc *yaml.Node
	if f.doc != nil {
		doc = f.doc
	} else {
		doc = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	root := doc.Content[0]
	name := f.Name
	if name == "" {
		name = f.VariableScope
		if name == "" {
			name = "environment"
		}
		if name == "globals" {
			name = "Globals"
		}
	}
	yset(root, "name", strNode(name))
	list := yget(root, "values")
	if list == nil {
		list = yget(root, "variables")
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		list = &yaml.Node{Kind: yaml.SequenceNode}
		yset(root, "values", list)
	}
	old := map[string][]*yaml.Node{}
	for _, e := range list.Content {
		if e.Kind == yaml.MappingNode {
			if k := yget(e, "key"); k != nil {
				old[k.Value] = append(old[k.Value], e)
			}
		}
	}
	var out []*yaml.Node
	for _, v := range f.Values {
		var e *yaml.Node
		if prev := old[v.Key]; len(prev) > 0 {
			e, old[v.Key] = prev[0], prev[1:]
		} else {
			e = &yaml.Node{Kind: yaml.MappingNode}
			yset(e, "key", strNode(v.Key))
		}
		writeYAMLValue(e, v)
		out = append(out, e)
	}
	list.Content = out
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encoding environment: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encoding environment: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeYAMLValue sets value, type and enabled on a variable entry, keeping
// the entry's other keys and the value's quoting where the text allows it.
func writeYAMLValue(e *yaml.Node, v Variable) {
	if v.Type == TypeUndefined {
		ydel(e, "value")
	} else {
		yset(e, "value", yamlValue(e, v))
	}
	writeYAMLType(e, v)
	if prev := yget(e, "enabled"); prev != nil || v.Disabled {
		yset(e, "enabled", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(!v.Disabled)})
	}
	ydel(e, "disabled")
}

// yamlValue is the node of a (defined) variable's value in its type: a
// typed scalar, the YAML of an object or array, or text quoted as the
// entry's previous text value was where the new text allows it.
func yamlValue(e *yaml.Node, v Variable) *yaml.Node {
	switch v.Type {
	case TypeNull:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case TypeNumber:
		val := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: v.Value}
		if _, err := strconv.ParseInt(v.Value, 10, 64); err == nil {
			val.Tag = "!!int"
		}
		return val
	case TypeBoolean:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: FormatBoolText(v.Value)}
	case TypeObject, TypeArray:
		var x any
		if json.Unmarshal([]byte(v.Value), &x) == nil {
			val := &yaml.Node{}
			if err := val.Encode(x); err == nil {
				return val
			}
		}
		return strNode(v.Value)
	}
	val := strNode(v.Value)
	if prev := yget(e, "value"); prev != nil && prev.Kind == yaml.ScalarNode && prev.Tag == "!!str" {
		val.Style = prev.Style
		if strings.Contains(v.Value, "\n") && (val.Style == yaml.SingleQuotedStyle || val.Style == 0) {
			val.Style = yaml.LiteralStyle
		}
	}
	return val
}

// writeYAMLType writes the entry's type: a typed value (number,
// boolean...) says its type itself; a text variable's type is written when
// the entry had one or is not plain; a declared type always.
func writeYAMLType(e *yaml.Node, v Variable) {
	if v.Declared != "" {
		yset(e, "type", strNode(v.Declared))
		return
	}
	typ := v.Type
	if !IsTextType(typ) {
		return
	}
	if prev := yget(e, "type"); prev != nil || (typ != "" && typ != TypeDefault) {
		if typ == "" {
			typ = TypeDefault
		}
		yset(e, "type", strNode(typ))
	}
}

// strNode is a text scalar; the encoder quotes it when YAML needs quotes
// (text that would read as a number, boolean, null or date).
func strNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case strings.Contains(s, "\n"):
		n.Style = yaml.LiteralStyle
	case strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		// Only double quotes can escape control characters.
	case needsQuotes(s):
		// Postman's writer (js-yaml) quotes with single quotes.
		n.Style = yaml.SingleQuotedStyle
	}
	return n
}

// yaml11Words read as booleans or null to YAML 1.1 tools; quote them too.
var yaml11Words = lazyre.New(`^(?i:y|n|yes|no|on|off|true|false|null|~)$`)

// needsQuotes reports whether s would not read back as the same text
// unquoted.
func needsQuotes(s string) bool {
	if s == "" || yaml11Words().MatchString(s) {
		return true
	}
	b, err := yaml.Marshal(s)
	return err != nil || (len(b) > 0 && (b[0] == '"' || b[0] == '\''))
}

func yset(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			// Keep comments attached to the old value.
			v.LineComment, v.HeadComment, v.FootComment = m.Content[i+1].LineComment, m.Content[i+1].HeadComment, m.Content[i+1].FootComment
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

func ydel(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// editInitialYAML applies edits to a YAML environment file's text.
func editInitialYAML(orig []byte, source string, edits []InitialEdit) ([]byte, error) {
	f, err := loadYAML(orig, source)
	if err != nil {
		return nil, err
	}
	for _, e := range edits {
		if e.Unset {
			out := f.Values[:0]
			for _, v := range f.Values {
				if v.Key != e.Key {
					out = append(out, v)
				}
			}
			f.Values = out
			continue
		}
		target := -1
		for i, v := range f.Values {
			if v.Key == e.Key && (target < 0 || !v.Disabled || f.Values[target].Disabled) {
				target = i
			}
		}
		if target < 0 {
			typ := e.Type
			if typ == "" {
				typ = TypeDefault
			}
			f.Values = append(f.Values, Variable{Key: e.Key, Value: e.Value, Type: typ})
			continue
		}
		v := &f.Values[target]
		v.Value = e.Value
		if e.Type != "" {
			v.Type = e.Type
		} else if !IsTextType(v.Type) {
			v.Type = TypeDefault
		}
	}
	var buf bytes.Buffer
	if err := saveYAML(&buf, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WithValues returns a copy of f holding vs, keeping its format and, for
// YAML, its document, so that writing it back changes only the values.
func (f *File) WithValues(vs []Variable) *File {
	c := *f
	c.Values = vs
	if f.doc != nil {
		// Copy the document: saving edits it.
		var cp yaml.Node
		if b, err := yaml.Marshal(f.doc); err == nil && yaml.Unmarshal(b, &cp) == nil {
			c.doc = &cp
		} else {
			c.doc = nil
		}
	}
	return &c
}

// FindInPostmanFolder finds the environment (or, with globals, the globals
// file) called name in a Postman v12 postman/ folder: the file
// environments/<name>.environment.yaml, else the one whose name: is name
// (exact, then ignoring case). The error lists what there is.
func FindInPostmanFolder(postmanDir, name string, globals bool) (string, error) {
	sub, suffix, what := "environments", ".environment", "environment"
	if globals {
		sub, suffix, what = "globals", ".globals", "globals"
	}
	dir := filepath.Join(postmanDir, sub)
	for _, ext := range []string{".yaml", ".yml"} {
		p := filepath.Join(dir, name+suffix+ext)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, nil
		}
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"+suffix+".y*ml"))
	type cand struct{ path, name string }
	var cands []cand
	for _, p := range paths {
		// Only regular files: opening a named pipe blocks, and a link to
		// a device such as /dev/zero never ends.
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			continue
		}
		f, err := LoadFile(p)
		if err != nil {
			continue
		}
		cands = append(cands, cand{p, f.Name})
	}
	for _, match := range []func(a, b string) bool{func(a, b string) bool { return a == b }, strings.EqualFold} {
		var found []string
		for _, c := range cands {
			if match(c.name, name) {
				found = append(found, c.path)
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			return "", fmt.Errorf("%s %q is ambiguous in %s: %s", what, name, dir, strings.Join(found, ", "))
		}
	}
	var b strings.Builder
	for _, c := range cands {
		fmt.Fprintf(&b, "\n  %q (%s)", c.name, filepath.Base(c.path))
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("no %s named %q: %s has no *%s.yaml files", what, name, dir, suffix)
	}
	return "", fmt.Errorf("no %s named %q in %s; there are:%s", what, name, dir, b.String())
}
