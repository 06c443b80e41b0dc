package environments

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/courier-run/courier/internal/jsonobject"
)

// Editing initial values in place.
//
// "courier env set --initial" changes one variable of an environment file
// that others share and review in diffs, so it rewrites only that variable:
// the order of keys and variables, unknown fields, number formatting and
// string escapes elsewhere are kept byte for byte, and the file keeps its
// indentation (tabs or spaces), line endings, byte order mark and trailing
// newline.

// orderedObject is a JSON object with its keys in file order.
type orderedObject struct {
	keys []string
	vals map[string]json.RawMessage
}

// decodeOrdered reads an object; a key given twice keeps its first place
// and its last value, as JSON.parse does.
func decodeOrdered(raw []byte) (*orderedObject, error) {
	ms, err := jsonobject.Members(raw)
	if err != nil {
		return nil, err
	}
	o := &orderedObject{vals: make(map[string]json.RawMessage, len(ms))}
	for _, m := range ms {
		o.set(m.Key, m.Value)
	}
	return o, nil
}

func (o *orderedObject) set(k string, v json.RawMessage) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *orderedObject) str(k string) (string, bool) {
	var s string
	if json.Unmarshal(o.vals[k], &s) != nil {
		return "", false
	}
	return s, true
}

func (o *orderedObject) encode() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(k))
		b.WriteByte(':')
		b.Write(o.vals[k])
	}
	b.WriteByte('}')
	return b.Bytes()
}

// InitialEdit is one change to an environment file's initial values.
type InitialEdit struct {
	Key   string
	Value string
	// Type, when not empty, sets the variable's type ("secret", "default").
	Type string
	// Unset removes every definition of Key instead.
	Unset bool
}

// EditInitial applies edits to the environment file at path, atomically,
// preserving everything else in it. Setting a key the file lacks appends a
// variable {"key", "value", "type", "enabled": true}; setting a key defined
// twice changes the definition that wins (the last enabled one).
func EditInitial(path string, edits ...InitialEdit) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real // rename would replace a symlink with a file
	}
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("editing %s: %w", path, err)
	}
	orig, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("editing %s: %w", path, err)
	}
	edit := editInitialBytes
	if data, derr := decodeText(orig); derr == nil && looksYAML(path, data) {
		edit = func(_ []byte, edits []InitialEdit) ([]byte, error) { return editInitialYAML(data, path, edits) }
	}
	out, err := edit(orig, edits)
	if err != nil {
		return fmt.Errorf("editing %s: %w", path, err)
	}
	return WriteFileAtomic(path, out, st.Mode().Perm())
}

func editInitialBytes(orig []byte, edits []InitialEdit) ([]byte, error) {
	bom := []byte{0xEF, 0xBB, 0xBF}
	hasBOM := bytes.HasPrefix(orig, bom)
	body := bytes.TrimPrefix(orig, bom)
	if bytes.HasPrefix(body, []byte{0xFF, 0xFE}) || bytes.HasPrefix(body, []byte{0xFE, 0xFF}) {
		return nil, errors.New("the file is UTF-16; convert it to UTF-8 to edit it with courier")
	}
	// Validate with the real loader first, so edits never make a file
	// courier (or Newman) cannot read.
	if _, err := Load(bytes.NewReader(orig), "file"); err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(body)
	var top *orderedObject
	var values []json.RawMessage
	if trimmed[0] == '[' {
		if err := json.Unmarshal(trimmed, &values); err != nil {
			return nil, err
		}
	} else {
		var err error
		if top, err = decodeOrdered(trimmed); err != nil {
			return nil, err
		}
		if raw, ok := top.vals["values"]; ok && string(bytes.TrimSpace(raw)) != "null" {
			if err := json.Unmarshal(raw, &values); err != nil {
				return nil, err
			}
		}
	}
	var err error
	for _, e := range edits {
		if values, err = applyEdit(values, e); err != nil {
			return nil, err
		}
	}
	var compact []byte
	arr := encodeArray(values)
	if top == nil {
		compact = arr
	} else {
		top.set("values", arr)
		compact = top.encode()
	}
	var out bytes.Buffer
	if hasBOM {
		out.Write(bom)
	}
	indent := detectIndent(body)
	if indent == "" {
		out.Write(compact)
	} else if err := json.Indent(&out, compact, "", indent); err != nil {
		return nil, err
	}
	res := out.Bytes()
	if bytes.Contains(body, []byte("\r\n")) {
		res = bytes.ReplaceAll(res, []byte("\n"), []byte("\r\n"))
	}
	if tail := trailingSpace(body); len(tail) > 0 {
		res = append(res, tail...)
	}
	return res, nil
}

func applyEdit(values []json.RawMessage, e InitialEdit) ([]json.RawMessage, error) {
	if e.Unset {
		out := values[:0]
		for _, raw := range values {
			if o, err := decodeOrdered(raw); err == nil && varKey(o) == e.Key {
				continue
			}
			out = append(out, raw)
		}
		return out, nil
	}
	target := -1
	targetEnabled := false
	for i, raw := range values {
		o, err := decodeOrdered(raw)
		if err != nil || varKey(o) != e.Key {
			continue
		}
		en := varEnabled(o)
		if target < 0 || en || !targetEnabled {
			target, targetEnabled = i, en
		}
	}
	if target < 0 {
		typ := e.Type
		if typ == "" {
			typ = TypeDefault
		}
		o := &orderedObject{vals: map[string]json.RawMessage{}}
		o.set("key", jsonString(e.Key))
		o.set("value", jsonString(e.Value))
		o.set("type", jsonString(typ))
		o.set("enabled", json.RawMessage("true"))
		return append(values, o.encode()), nil
	}
	o, _ := decodeOrdered(values[target])
	o.set("value", jsonString(e.Value))
	if e.Type != "" {
		o.set("type", jsonString(e.Type))
	} else if t, ok := o.str("type"); ok && !IsTextType(t) {
		// A text value in a typed (number, boolean…) variable becomes text.
		o.set("type", jsonString(TypeDefault))
	}
	values[target] = o.encode()
	return values, nil
}

func varKey(o *orderedObject) string {
	if k, ok := o.str("key"); ok {
		return k
	}
	k, _ := o.str("name")
	return k
}

func varEnabled(o *orderedObject) bool {
	var b bool
	if raw, ok := o.vals["enabled"]; ok && json.Unmarshal(raw, &b) == nil && !b {
		return false
	}
	if raw, ok := o.vals["disabled"]; ok && json.Unmarshal(raw, &b) == nil && b {
		return false
	}
	return true
}

func encodeArray(vals []json.RawMessage) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, v := range vals {
		if i > 0 {
			b.WriteByte(',')
		}
		var c bytes.Buffer
		if json.Compact(&c, v) == nil {
			b.Write(c.Bytes())
		} else {
			b.Write(v)
		}
	}
	b.WriteByte(']')
	return b.Bytes()
}

// detectIndent returns the whitespace of the first indented line, or "" for
// a file written on one line.
func detectIndent(b []byte) string {
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return ""
		}
		b = b[i+1:]
		j := 0
		for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
			j++
		}
		if j > 0 && j < len(b) && b[j] != '\n' && b[j] != '\r' {
			return string(b[:j])
		}
	}
}

func trailingSpace(b []byte) []byte {
	t := bytes.TrimRight(b, " \t\r\n")
	return b[len(t):]
}

// WithoutSecretValues returns f with its type: secret values written
// empty (a {{vault:NAME}} reference stays), and their keys: what
// --export-environment, "courier convert" of an environment and "courier
// env export" write is a file to share or commit, where a secret must not
// land.
func WithoutSecretValues(f *File) (*File, []string) {
	c := *f
	c.Values = slices.Clone(f.Values)
	var blanked []string
	for i, v := range c.Values {
		if v.Type == TypeSecret && v.Value != "" && !strings.Contains(v.Value, "{{vault:") {
			c.Values[i].Value = ""
			blanked = append(blanked, v.Key)
		}
	}
	return &c, blanked
}

// ExportFile writes f in Postman's export format (see Save), keeping every
// variable's type and enabled flag, atomically. A path ending in .yaml or
// .yml gets Postman v12's YAML, one ending in .json JSON; any other path
// the format f was read in.
func ExportFile(path string, f *File, perm os.FileMode) error {
	switch {
	case IsYAMLPath(path) && f.Format != FormatYAML:
		c := *f
		c.Format, c.doc = FormatYAML, nil
		f = &c
	case strings.EqualFold(filepath.Ext(path), ".json") && f.Format == FormatYAML:
		c := *f
		c.Format, c.doc = FormatJSON, nil
		f = &c
	}
	var buf bytes.Buffer
	if err := Save(&buf, f); err != nil {
		return err
	}
	return WriteFileAtomic(path, buf.Bytes(), perm)
}

// isVaultRef reports whether s is a vault reference and nothing else.
func isVaultRef(s string) bool {
	s = strings.TrimSpace(s)
	return (strings.HasPrefix(s, "{{"+vaultPrefix) && strings.HasSuffix(s, "}}") && !strings.Contains(s[2:len(s)-2], "}}")) ||
		(strings.HasPrefix(s, vaultAngleOpen) && strings.HasSuffix(s, ">>"))
}

// HasVaultRef reports whether s contains a {{vault:…}} or <<vault:…>>
// reference.
func HasVaultRef(s string) bool {
	return strings.Contains(s, "{{"+vaultPrefix) || strings.Contains(s, vaultAngleOpen)
}
