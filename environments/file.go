package environments

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/courier-run/courier/internal/atomicfile"
	yaml "go.yaml.in/yaml/v3"
)

// File is a Postman environment or globals file.
type File struct {
	ID   string
	Name string
	// VariableScope is _postman_variable_scope: "environment", "globals" or
	// empty when the file does not say.
	VariableScope string
	Values        []Variable
	// ExportedAt and ExportedUsing are _postman_exported_at and
	// _postman_exported_using. Save fills them in when empty.
	ExportedAt    time.Time
	ExportedUsing string
	// Source names where the file came from (a path), for messages.
	Source string
	// Format is FormatJSON or FormatYAML (a Postman v12
	// *.environment.yaml or *.globals.yaml); "" counts as JSON.
	Format string
	// doc is the parsed YAML file, kept so that writing it back edits only
	// what changed (comments, key order and quoting stay).
	doc *yaml.Node
}

// Scope returns a new scope holding the file's variables, named after the
// file's variable scope (or "environment").
func (f *File) Scope() *Scope {
	name := f.VariableScope
	if name == "" {
		name = "environment"
	}
	return NewScope(name, f.Values)
}

// LoadError is a problem with an environment, globals or data file. Line and
// Column are set for syntax errors, Path (a JSON path such as
// "values[3].enabled") for content of the wrong shape.
type LoadError struct {
	File   string
	Line   int
	Column int
	Path   string
	Err    error
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *LoadError) Unwrap() error { return e.Err }

// LoadFile reads an environment or globals file.
func LoadFile(path string) (*File, error) {
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(path, `/\`) {
		// A bare name outside a v12 repository: say where names are
		// looked up.
		return nil, fmt.Errorf("loading environment: %w (check the path; a bare name such as %q is looked up only in a v12 repository's postman/environments or postman/globals, from its root)", err, path)
	}
	if err != nil {
		return nil, fmt.Errorf("loading environment: %w", err)
	}
	defer fh.Close()
	return Load(fh, path)
}

// Load reads a Postman environment or globals export from r: an object with
// a "values" array (environments, globals, Newman exports), or a bare array
// of variables (old globals files, Run-in-Postman links). UTF-8 and UTF-16
// with a byte order mark are accepted. source names r in errors.
func Load(r io.Reader, source string) (*File, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, &LoadError{File: source, Err: err}
	}
	data, err := decodeText(raw)
	if err != nil {
		return nil, &LoadError{File: source, Err: err}
	}
	if looksYAML(source, data) {
		return loadYAML(data, source)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &LoadError{File: source, Err: errors.New("file is empty, expected a Postman environment")}
	}
	var top any
	if err := unmarshalAt(data, &top); err != nil {
		return nil, withSource(err, source)
	}
	f := &File{Source: source}
	var values any
	path := "values"
	switch t := top.(type) {
	case []any:
		values, path = t, ""
	case map[string]any:
		if err := f.readHeader(t); err != nil {
			return nil, withSource(err, source)
		}
		v, ok := t["values"]
		if !ok {
			if _, isCollection := t["item"]; isCollection {
				return nil, &LoadError{File: source, Err: errors.New(`this is a collection, expected an environment with a "values" array`)}
			}
			return f, nil
		}
		values = v
	default:
		return nil, &LoadError{File: source, Err: fmt.Errorf("expected an object with a \"values\" array or an array of variables, got %s", jsonKind(top))}
	}
	vars, err := readVariables(values, path)
	if err != nil {
		return nil, withSource(err, source)
	}
	f.Values = vars
	return f, nil
}

func (f *File) readHeader(m map[string]any) error {
	var err error
	str := func(key string) string {
		v, ok := m[key]
		if !ok || v == nil {
			return ""
		}
		s, isStr := v.(string)
		if !isStr && err == nil {
			err = &LoadError{Path: key, Err: fmt.Errorf("expected a string, got %s", jsonKind(v))}
		}
		return s
	}
	f.ID = str("id")
	f.Name = str("name")
	f.VariableScope = str("_postman_variable_scope")
	f.ExportedUsing = str("_postman_exported_using")
	at := str("_postman_exported_at")
	// Newman 5 wrote the export markers under "_" without the leading
	// underscore.
	if u, ok := m["_"].(map[string]any); ok {
		if s, ok := u["postman_variable_scope"].(string); ok && f.VariableScope == "" {
			f.VariableScope = s
		}
		if s, ok := u["postman_exported_using"].(string); ok && f.ExportedUsing == "" {
			f.ExportedUsing = s
		}
		if s, ok := u["postman_exported_at"].(string); ok && at == "" {
			at = s
		}
	}
	if at != "" {
		// An unparsable date is not worth failing a run over.
		f.ExportedAt, _ = time.Parse(time.RFC3339Nano, at)
	}
	return err
}

// readVariables converts a decoded "values" array.
func readVariables(values any, path string) ([]Variable, error) {
	arr, ok := values.([]any)
	if !ok {
		return nil, &LoadError{Path: path, Err: fmt.Errorf("expected an array of variables, got %s", jsonKind(values))}
	}
	out := make([]Variable, 0, len(arr))
	for i, el := range arr {
		p := fmt.Sprintf("%s[%d]", path, i)
		if el == nil {
			continue // a stray null in a hand-edited file
		}
		m, ok := el.(map[string]any)
		if !ok {
			return nil, &LoadError{Path: p, Err: fmt.Errorf("expected a variable object, got %s", jsonKind(el))}
		}
		v, err := readVariable(m, p)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func readVariable(m map[string]any, p string) (Variable, error) {
	var v Variable
	key, ok := m["key"]
	if !ok {
		// Very old exports name the variable only in "name".
		key, ok = m["name"]
	}
	if !ok {
		return v, &LoadError{Path: p, Err: errors.New(`missing "key"`)}
	}
	ks, ok := key.(string)
	if !ok {
		return v, &LoadError{Path: p + ".key", Err: fmt.Errorf("expected a string, got %s", jsonKind(key))}
	}
	v.Key = ks
	if t, ok := m["type"]; ok && t != nil {
		ts, ok := t.(string)
		if !ok {
			return v, &LoadError{Path: p + ".type", Err: fmt.Errorf("expected a string, got %s", jsonKind(t))}
		}
		v.Type = ts
	}
	fileType := v.Type
	raw, has := m["value"]
	switch val := raw.(type) {
	case nil:
		// Postman reads a missing value back as undefined and a null one as
		// null ({{name}} then sends "null"). A secret stays a secret, empty,
		// so whatever is stored in it later is masked and never exported.
		switch {
		case v.Type == TypeSecret:
		case has:
			v.Type = TypeNull
		default:
			v.Type = TypeUndefined
		}
	case string:
		v.Value = val
		if CastType(v.Type) != "" {
			v.Type = TypeString // the value is text, whatever the type says
		}
	default:
		// Non-string values keep their JSON text and record their kind so
		// scripts read back a number, boolean, object or array. A secret's
		// stays a secret, as its text, so it is masked whatever it holds:
		// Newman reads it back typed, as an "any" variable, and so shows
		// it (a PIN written as a number) in every report and export.
		b, _ := json.Marshal(val)
		if v.Type == TypeSecret {
			v.Value = string(b)
			break
		}
		v.Value, v.Type = encodeRaw(b)
	}
	for _, flag := range []string{"enabled", "disabled"} {
		f, ok := m[flag]
		if !ok || f == nil {
			continue
		}
		b, ok := f.(bool)
		if !ok {
			// Only a boolean disables: Newman 6.2.2 and Postman CLI 1.34
			// (v12 YAML environments too) load a file whose enabled is
			// text or a number ("false", "yes", 0) and use its values
			// (fresh-round12v-env.json), so it stays enabled here.
			continue
		}
		if b == (flag == "disabled") {
			v.Disabled = true
		}
	}
	switch d := m["description"].(type) {
	case string:
		v.Description = d
	case map[string]any:
		v.Description, _ = d["content"].(string)
	}
	return v.declare(fileType), nil
}

// decodeText strips a UTF-8 byte order mark and converts UTF-16 (with a
// byte order mark) to UTF-8. Newman accepts both.
func decodeText(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:], nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		le := b[0] == 0xFF
		b = b[2:]
		if len(b)%2 != 0 {
			return nil, errors.New("invalid UTF-16: odd number of bytes")
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			if le {
				u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
		return []byte(string(utf16.Decode(u))), nil
	}
	if !utf8.Valid(b) {
		return nil, errors.New("file is not valid UTF-8 or UTF-16 text")
	}
	return b, nil
}

// unmarshalAt decodes JSON, turning syntax errors into line:column errors.
func unmarshalAt(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	err := dec.Decode(v)
	if err == nil {
		// Trailing garbage after the document is a mistake worth reporting.
		if _, terr := dec.Token(); terr != io.EOF {
			off := int(dec.InputOffset())
			line, col := lineCol(data, off)
			return &LoadError{Line: line, Column: col, Err: errors.New("unexpected data after the JSON document")}
		}
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the offending byte too.
		line, col := lineCol(data, max(int(se.Offset)-1, 0))
		return &LoadError{Line: line, Column: col, Err: fmt.Errorf("invalid JSON: %s", se.Error())}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		line, col := lineCol(data, len(data))
		return &LoadError{Line: line, Column: col, Err: errors.New("invalid JSON: unexpected end of file")}
	}
	return &LoadError{Err: err}
}

// lineCol converts a byte offset to a 1-based line and column (in runes).
func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// withSource fills in the file name of a LoadError.
func withSource(err error, source string) error {
	var le *LoadError
	if errors.As(err, &le) {
		le.File = source
		return le
	}
	return &LoadError{File: source, Err: err}
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number, float64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// exportVar is one entry of an exported "values" array.
type exportVar struct {
	Key         string          `json:"key"`
	Value       json.RawMessage `json:"value,omitempty"` // omitted for undefined, as Newman does
	Type        string          `json:"type"`
	Enabled     bool            `json:"enabled"`
	Description string          `json:"description,omitempty"`
}

type exportFile struct {
	ID            string      `json:"id,omitempty"`
	Name          string      `json:"name"`
	Values        []exportVar `json:"values"`
	Scope         string      `json:"_postman_variable_scope"`
	ExportedAt    string      `json:"_postman_exported_at"`
	ExportedUsing string      `json:"_postman_exported_using"`
}

// DefaultExportedUsing is written as _postman_exported_using when the File
// does not set one.
var DefaultExportedUsing = "courier"

// Save writes f in the shape Newman's --export-environment writes (two-space
// indented JSON), but keeps every variable's type and enabled flag. Typed
// variables (see types.go) are written as JSON numbers, booleans, objects,
// arrays or null; text variables as strings. An empty type is written as
// "default", the plain type Postman uses.
func Save(w io.Writer, f *File) error {
	if f.Format == FormatYAML {
		return saveYAML(w, f)
	}
	out := exportFile{
		ID:            f.ID,
		Name:          f.Name,
		Values:        make([]exportVar, 0, len(f.Values)),
		Scope:         f.VariableScope,
		ExportedUsing: f.ExportedUsing,
	}
	if out.Scope == "" {
		out.Scope = "environment"
	}
	if out.Name == "" {
		out.Name = out.Scope // Newman defaults the name to the scope too
	}
	at := f.ExportedAt
	if at.IsZero() {
		at = time.Now()
	}
	out.ExportedAt = at.UTC().Format("2006-01-02T15:04:05.000Z")
	if out.ExportedUsing == "" {
		out.ExportedUsing = DefaultExportedUsing
	}
	for _, v := range f.Values {
		ev := exportVar{Key: v.Key, Type: v.Type, Enabled: !v.Disabled, Description: v.Description}
		if v.Declared != "" {
			ev.Type = v.Declared
		}
		ev.Value = exportValue(v)
		switch ev.Type {
		case "":
			ev.Type = TypeDefault
		case TypeNull, TypeUndefined:
			ev.Type = TypeAny
		}
		out.Values = append(out.Values, ev)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // JSON.stringify leaves <, > and & alone
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("encoding environment: %w", err)
	}
	// JSON.stringify output has no trailing newline; keep one, as editors like.
	_, err := w.Write(buf.Bytes())
	return err
}

// exportValue returns the JSON for a variable's value.
func exportValue(v Variable) json.RawMessage {
	switch v.Type {
	case TypeUndefined:
		return nil
	case TypeNull:
		return json.RawMessage("null")
	case TypeNumber:
		if f := jsNumberFromString(v.Value); !isNaNOrInf(f) {
			return json.RawMessage(FormatNumber(f))
		}
		// JSON.stringify writes NaN and Infinity as null.
		return json.RawMessage("null")
	case TypeBoolean:
		return json.RawMessage(FormatBoolText(v.Value))
	case TypeObject, TypeArray:
		if json.Valid([]byte(v.Value)) {
			return compactJSON(v.Value)
		}
	}
	return jsonString(v.Value)
}

// FormatBoolText maps a boolean variable's text to "true" or "false".
func FormatBoolText(s string) string {
	if s != "" && s != "false" {
		return "true"
	}
	return "false"
}

func isNaNOrInf(f float64) bool {
	return f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308
}

func compactJSON(s string) json.RawMessage {
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(s)); err != nil {
		return jsonString(s)
	}
	return buf.Bytes()
}

func jsonString(s string) json.RawMessage {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimRight(buf.Bytes(), "\n")
}

// WriteFileAtomic writes data to path whole or not at all, synced to disk
// (internal/atomicfile.WriteFile): a crash or a concurrent reader never
// sees a half-written export. Missing directories are created, as Newman
// does for its exports.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return atomicfile.WriteFile(path, data, perm)
}
