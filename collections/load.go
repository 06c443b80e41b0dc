package collections

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"unicode/utf16"

	"github.com/courier-run/courier/internal/jsondepth"
	"github.com/courier-run/courier/internal/lazyre"
	"github.com/courier-run/courier/internal/proxyenv"
)

// maxCollectionSize bounds what we read from a file or URL; real collections
// are a few MB at most.
const maxCollectionSize = 256 << 20

// Load reads a collection (v1, v2.0 or v2.1, optionally wrapped as
// {"collection": ...} by the Postman API) from r. source names it in errors.
func Load(r io.Reader, source string) (*Collection, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxCollectionSize+1))
	if err != nil {
		return nil, &LoadError{Source: source, Err: err}
	}
	if len(data) > maxCollectionSize {
		return nil, &LoadError{Source: source, Err: fmt.Errorf("file is larger than %d MB", maxCollectionSize>>20)}
	}
	return LoadBytes(data, source)
}

// LoadFile loads the collection stored at path: a JSON file, or a Postman
// v12 (collection format v3) directory.
func LoadFile(path string) (*Collection, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return LoadDir(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &LoadError{Source: path, Err: err}
	}
	defer f.Close()
	return Load(f, path)
}

// LoadURL downloads and loads a collection, like `newman run https://...`.
func LoadURL(ctx context.Context, client *http.Client, url string) (*Collection, error) {
	if client == nil {
		// The environment's proxy by postman-request's rules, as Newman
		// fetches (internal/proxyenv).
		client = &http.Client{Transport: proxyenv.Transport(os.Getenv)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, &LoadError{Source: url, Err: err}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, &LoadError{Source: url, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
		return nil, &LoadError{Source: url, Err: fmt.Errorf("server answered %s", resp.Status)}
	}
	return Load(resp.Body, url)
}

// Open loads a collection from a local path or an http(s) URL.
func Open(ctx context.Context, client *http.Client, pathOrURL string) (*Collection, error) {
	if IsURL(pathOrURL) {
		return LoadURL(ctx, client, pathOrURL)
	}
	return LoadFile(pathOrURL)
}

// IsURL reports whether s names an http or https resource rather than a file.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

var (
	yamlFile = lazyre.New(`(?i)\.ya?ml$`)
	yamlVars = lazyre.New(`(?m)^(values|variables):\s*$`)
)

// LoadBytes loads a collection from its file content.
func LoadBytes(data []byte, source string) (*Collection, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, &LoadError{Source: source, Err: err}
	}
	c, err := decodeCollection(text)
	if err != nil {
		if yamlFile().MatchString(source) {
			if yamlVars().Match(text) {
				return nil, &LoadError{Source: source, Err: fmt.Errorf("%w: it looks like a Postman v12 environment or globals file (pass it with -e or -g)", ErrNotCollection)}
			}
			return nil, &LoadError{Source: source, Err: fmt.Errorf("%w: a YAML file is one part of a Postman v12 collection; run its collection directory (postman/collections/<Name>) instead", ErrNotCollection)}
		}
		return nil, located(err, text, source)
	}
	normalize(c)
	assignIDs(c)
	c.Source = source
	return c, nil
}

// located fills in the source and, for decoder errors, the position.
func located(err error, text []byte, source string) error {
	var le *LoadError
	if errors.As(err, &le) {
		le.Source = source
		return le
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(text, se.Offset-1)
		msg := se.Error()
		if strings.HasPrefix(msg, "unexpected end of JSON input") {
			msg = "unexpected end of JSON input (is the file truncated?)"
		}
		return &LoadError{Source: source, Line: line, Column: col, Err: errors.New(msg)}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := position(text, te.Offset-1)
		return &LoadError{Source: source, Line: line, Column: col, Path: te.Field,
			Err: fmt.Errorf("expected %s, got %s", goTypeName(te.Type.String()), te.Value)}
	}
	return &LoadError{Source: source, Err: err}
}

func goTypeName(t string) string {
	switch {
	case strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "*[]"):
		return "an array"
	case t == "string":
		return "a string"
	case strings.HasPrefix(t, "map") || strings.Contains(t, "raw"):
		return "an object"
	}
	return t
}

// decodeText turns the file bytes into UTF-8 without a BOM. UTF-16 is
// recognized by its BOM, or by NUL bytes in the first two bytes (JSON text
// starts with ASCII).
func decodeText(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:], nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return utf16ToUTF8(b[2:], binary.LittleEndian)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return utf16ToUTF8(b[2:], binary.BigEndian)
	case len(b) >= 2 && b[0] != 0 && b[1] == 0:
		return utf16ToUTF8(b, binary.LittleEndian)
	case len(b) >= 2 && b[0] == 0 && b[1] != 0:
		return utf16ToUTF8(b, binary.BigEndian)
	}
	// Invalid UTF-8 is let through: encoding/json replaces bad bytes inside
	// strings with U+FFFD.
	return b, nil
}

func utf16ToUTF8(b []byte, order binary.ByteOrder) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, errors.New("invalid UTF-16 text: odd number of bytes")
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = order.Uint16(b[2*i:])
	}
	out := string(utf16.Decode(u))
	return []byte(strings.TrimPrefix(out, "\ufeff")), nil
}

// decodeCollection detects the format and converts it to the model.
func decodeCollection(text []byte) (*Collection, error) {
	trimmed := bytes.TrimLeft(text, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrNotCollection)
	}
	if trimmed[0] == '[' {
		var rows []map[string]json.RawMessage
		if json.Unmarshal(trimmed, &rows) == nil && len(rows) > 0 && rows[0]["key"] != nil && rows[0]["value"] != nil {
			return nil, fmt.Errorf("%w: the file is a list of variables (pass it with -e or -g)", ErrNotCollection)
		}
		if json.Valid(trimmed) {
			return nil, fmt.Errorf("%w: the file is a JSON array (iteration data? pass it with -d)", ErrNotCollection)
		}
	}
	if jsondepth.Exceeds(text, deepNesting) {
		doc, err := decodeDeep(text)
		if err != nil {
			return nil, err
		}
		return convertDoc(doc)
	}
	var doc rawDoc
	if err := json.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	// The Postman API wraps collections as {"collection": {...}}.
	if doc.Info == nil && doc.Item == nil && doc.Requests == nil && len(doc.Collection) > 0 && jsonKind(doc.Collection) == "object" {
		inner := rawDoc{}
		if err := json.Unmarshal(doc.Collection, &inner); err != nil {
			return nil, &LoadError{Path: "collection", Err: err}
		}
		c, err := convertDoc(&inner)
		if err != nil {
			var le *LoadError
			if errors.As(err, &le) && le.Path != "" {
				le.Path = "collection." + le.Path
			}
			return nil, err
		}
		return c, nil
	}
	return convertDoc(&doc)
}

func convertDoc(doc *rawDoc) (*Collection, error) {
	switch {
	case doc.Item != nil || doc.Info != nil:
		return convertV2(doc)
	case doc.Requests != nil:
		return convertV1(doc)
	}
	scope := strings.ToLower(doc.Scope.String())
	switch {
	case scope == "globals":
		return nil, fmt.Errorf("%w: it looks like a globals file (pass it with -g)", ErrNotCollection)
	case scope == "environment" || len(doc.Values) > 0:
		return nil, fmt.Errorf("%w: it looks like an environment file (pass it with -e)", ErrNotCollection)
	}
	return nil, fmt.Errorf("%w: no \"info\", \"item\" or \"requests\" found", ErrNotCollection)
}
