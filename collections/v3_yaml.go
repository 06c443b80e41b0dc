package collections

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	yaml "go.yaml.in/yaml/v3"

	"github.com/courier-run/courier/internal/lazyre"
)

// YAML nodes never leave this file and v3_load.go / v3_save.go: the loader
// reads them into the model, the writer builds them from it.

// yamlDoc parses one YAML file into its top-level mapping. A syntax error
// becomes a LoadError with the line the parser names and the column where
// that line's content starts (the parser gives no column of its own).
func yamlDoc(data []byte, source string) (*yaml.Node, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	var doc yaml.Node
	err := yaml.Unmarshal(data, &doc)
	// YAML 1.2 reads JSON's strings, and so do Postman's parser and
	// PyYAML's: "\ud83d\ude80" is one character. The Go parser refuses a
	// surrogate pair written as two \u escapes; they are joined into one
	// \U escape on the line it names, then the file is read again.
	for tries := 0; err != nil && tries < 1000; tries++ {
		fixed, ok := joinSurrogateEscapes(data, err)
		if !ok {
			break
		}
		data, doc = fixed, yaml.Node{}
		err = yaml.Unmarshal(data, &doc)
	}
	if err != nil {
		return nil, yamlSyntaxError(err, data, source)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &LoadError{Source: source, Line: 1, Column: 1, Err: errors.New("the file is empty; Postman expects a mapping such as \"$kind: http-request\"")}
	}
	root := doc.Content[0]
	if err := checkDoc(root, source); err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, &LoadError{Source: source, Line: root.Line, Column: root.Column,
			Err: fmt.Errorf("expected a mapping of fields (key: value), got %s", nodeKind(root))}
	}
	return root, nil
}

var yamlLine = lazyre.New(`^yaml: (?:line (\d+): )?(.*)$`)

var surrogatePair = lazyre.New(`\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})`)

// joinSurrogateEscapes rewrites the \uD8xx\uDCxx pairs of the line a
// parser error names as \U escapes, when the error is the parser's refusal
// of such an escape; ok is false when there is nothing to rewrite.
func joinSurrogateEscapes(data []byte, err error) ([]byte, bool) {
	m := yamlLine().FindStringSubmatch(err.Error())
	if m == nil || m[1] == "" || !strings.Contains(m[2], "invalid Unicode character escape code") {
		return nil, false
	}
	line, _ := strconv.Atoi(m[1])
	lines := bytes.SplitAfter(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return nil, false
	}
	l := lines[line-1]
	joined := surrogatePair().ReplaceAllFunc(l, func(pair []byte) []byte {
		hi, _ := strconv.ParseUint(string(pair[2:6]), 16, 32)
		lo, _ := strconv.ParseUint(string(pair[8:12]), 16, 32)
		return fmt.Appendf(nil, `\U%08X`, utf16.DecodeRune(rune(hi), rune(lo)))
	})
	if bytes.Equal(joined, l) {
		return nil, false
	}
	lines[line-1] = joined
	return bytes.Join(lines, nil), true
}

func yamlSyntaxError(err error, data []byte, source string) error {
	msg := err.Error()
	m := yamlLine().FindStringSubmatch(msg)
	if m == nil {
		return &LoadError{Source: source, Err: fmt.Errorf("invalid YAML: %s", msg)}
	}
	line, _ := strconv.Atoi(m[1])
	if line == 0 {
		line = 1
	}
	col := 1
	lines := bytes.Split(data, []byte("\n"))
	if line-1 < len(lines) {
		l := lines[line-1]
		col = len(l) - len(bytes.TrimLeft(l, " \t")) + 1
		// An unclosed quote is the usual culprit: point at it.
		if strings.Contains(m[2], "end of stream") || strings.Contains(m[2], "did not find expected") {
			if i := bytes.IndexAny(l, `"'`); i >= 0 && bytes.Count(l, l[i:i+1])%2 == 1 {
				col = len([]rune(string(l[:i]))) + 1
			}
		}
	}
	hint := m[2]
	switch {
	case strings.Contains(hint, "unexpected end of stream") || strings.Contains(hint, "found unexpected end"):
		hint += " (is a quote or bracket left open?)"
	case strings.Contains(hint, "mapping values are not allowed"):
		hint += " (quote a value that contains \": \")"
	case strings.Contains(hint, "found character that cannot start any token"):
		hint += " (YAML does not allow tabs for indentation, nor a value starting with @ or ` unquoted)"
	}
	return &LoadError{Source: source, Line: line, Column: col, Err: fmt.Errorf("invalid YAML: %s", hint)}
}

func nodeKind(n *yaml.Node) string {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing (null)"
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		}
		return fmt.Sprintf("the text %q", clip(n.Value, 40))
	}
	return "an unsupported YAML node"
}

// deref follows aliases (*name) to their anchors. The walkers below only
// ever descend a fixed depth, so an alias cannot make them loop or explode.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	if n == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	return n
}

// ymap is a mapping node read field by field, remembering the file for
// errors.
type ymap struct {
	src  string
	node *yaml.Node
}

// get returns the value node of key, or nil.
func (m ymap) get(key string) *yaml.Node {
	for i := 0; i+1 < len(m.node.Content); i += 2 {
		if m.node.Content[i].Value == key {
			return deref(m.node.Content[i+1])
		}
	}
	return nil
}

// fieldErr is a LoadError at n about the field named path.
func (m ymap) fieldErr(n *yaml.Node, path string, format string, args ...any) *LoadError {
	if n == nil {
		n = m.node // an absent field: point at the mapping that lacks it
	}
	return &LoadError{Source: m.src, Line: n.Line, Column: n.Column, Path: path, Err: fmt.Errorf(format, args...)}
}

func isNullNode(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// isText reports whether a scalar holds text as Postman's schema wants it.
// Timestamps count as text: YAML 1.2 has no timestamp type and the text is
// what the author wrote.
func isText(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!str" || n.Tag == "!!timestamp" || n.Tag == "!!binary" || n.Tag == "")
}

// str reads a text field; absent or null gives "". Any other scalar is an
// error: Postman's schema rejects the file when a string field holds a
// number or a boolean.
func (m ymap) str(key, path string) (string, error) {
	n := m.get(key)
	return m.strNode(n, path)
}

func (m ymap) strNode(n *yaml.Node, path string) (string, error) {
	if isNullNode(n) {
		return "", nil
	}
	if isText(n) {
		return n.Value, nil
	}
	if n.Kind == yaml.ScalarNode {
		return "", m.fieldErr(n, path, "Postman expects text here, got %s (quote it: %q)", nodeKind(n), n.Value)
	}
	return "", m.fieldErr(n, path, "Postman expects text here, got %s", nodeKind(n))
}

// scalarText reads any scalar as its text (credentials and variable values
// may be booleans or numbers, which Postman keeps).
func (m ymap) scalarText(n *yaml.Node, path string) (string, error) {
	if isNullNode(n) {
		return "", nil
	}
	if n.Kind == yaml.ScalarNode {
		return n.Value, nil
	}
	return "", m.fieldErr(n, path, "expected a single value, got %s", nodeKind(n))
}

func (m ymap) boolean(key, path string) (bool, error) {
	n := m.get(key)
	if isNullNode(n) {
		return false, nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		return n.Value == "true" || n.Value == "True" || n.Value == "TRUE", nil
	}
	return false, m.fieldErr(n, path, "Postman expects true or false here, got %s", nodeKind(n))
}

// number reads order: a bare number. A quoted number is refused, as
// Postman's schema does (it drops the file).
func (m ymap) number(key, path string) (float64, bool, error) {
	n := m.get(key)
	if isNullNode(n) {
		return 0, false, nil
	}
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			if i, ierr := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); ierr == nil {
				return float64(i), true, nil
			}
			return 0, false, m.fieldErr(n, path, "Postman expects a number here, got %q", n.Value)
		}
		return v, true, nil
	}
	return 0, false, m.fieldErr(n, path, "Postman expects a bare number here (like 1000), got %s", nodeKind(n))
}

// sub returns the mapping at key, nil when absent.
func (m ymap) sub(key, path string) (*ymap, error) {
	n := m.get(key)
	if isNullNode(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, m.fieldErr(n, path, "Postman expects a mapping (key: value lines) here, got %s", nodeKind(n))
	}
	return &ymap{src: m.src, node: n}, nil
}

// kv is one entry of a key/value list in either of its two encodings.
type kv struct {
	Key, Value  string
	Null        bool // value absent or null
	Description string
	Disabled    bool
	Type        string
	node        *yaml.Node
	extra       ymap // the entry mapping (list form), for other fields
}

// kvList reads a key/value field written either as a mapping {Name: value}
// (what the Postman app writes) or as a list of {key, value, description?,
// disabled?}. anyScalar lets values be numbers or booleans (kept as text).
func (m ymap) kvList(n *yaml.Node, path string, anyScalar bool) ([]kv, error) {
	if isNullNode(n) {
		return nil, nil
	}
	val := func(v *yaml.Node, p string) (string, error) {
		if anyScalar {
			return m.scalarText(v, p)
		}
		return m.strNode(v, p)
	}
	switch n.Kind {
	case yaml.MappingNode:
		out := make([]kv, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := deref(n.Content[i]), deref(n.Content[i+1])
			s, err := val(v, path+"."+k.Value)
			if err != nil {
				return nil, err
			}
			out = append(out, kv{Key: k.Value, Value: s, Null: isNullNode(v), node: k})
		}
		return out, nil
	case yaml.SequenceNode:
		out := make([]kv, 0, len(n.Content))
		for i, e := range n.Content {
			e = deref(e)
			p := fmt.Sprintf("%s[%d]", path, i)
			if e.Kind != yaml.MappingNode {
				return nil, m.fieldErr(e, p, "Postman expects an entry {key, value} here, got %s", nodeKind(e))
			}
			em := ymap{src: m.src, node: e}
			var x kv
			var err error
			x.node, x.extra = e, em
			if x.Key, err = em.str("key", p+".key"); err != nil {
				return nil, err
			}
			vn := em.get("value")
			x.Null = isNullNode(vn)
			if x.Value, err = val(vn, p+".value"); err != nil {
				return nil, err
			}
			if x.Description, err = em.str("description", p+".description"); err != nil {
				return nil, err
			}
			if x.Disabled, err = em.boolean("disabled", p+".disabled"); err != nil {
				return nil, err
			}
			if enabled := em.get("enabled"); !isNullNode(enabled) {
				// Environment-style entries say enabled: false instead.
				b, err := em.boolean("enabled", p+".enabled")
				if err != nil {
					return nil, err
				}
				x.Disabled = x.Disabled || !b
			}
			if x.Type, err = em.str("type", p+".type"); err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	}
	return nil, m.fieldErr(n, path, "Postman expects a mapping {Name: value} or a list of {key, value} here, got %s", nodeKind(n))
}

// plainJSON turns a YAML subtree into plain Go data (for JSON encoding of
// content given as a mapping, such as GraphQL variables). Depth and size
// are bounded so that an alias bomb cannot blow up.
func plainJSON(n *yaml.Node) (any, error) {
	budget := 100000
	var conv func(n *yaml.Node, depth int) (any, error)
	conv = func(n *yaml.Node, depth int) (any, error) {
		n = deref(n)
		budget--
		if budget < 0 || depth > 100 {
			return nil, errors.New("the value is too large or too deeply nested")
		}
		switch n.Kind {
		case yaml.MappingNode:
			out := make(map[string]any, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				v, err := conv(n.Content[i+1], depth+1)
				if err != nil {
					return nil, err
				}
				out[n.Content[i].Value] = v
			}
			return out, nil
		case yaml.SequenceNode:
			out := make([]any, 0, len(n.Content))
			for _, e := range n.Content {
				v, err := conv(e, depth+1)
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			return out, nil
		}
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			return n.Value == "true", nil
		case "!!int", "!!float":
			if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
				return f, nil
			}
		}
		return n.Value, nil
	}
	return conv(n, 0)
}

// maxAliasExpansion bounds what a file's aliases expand to. Postman's YAML
// parser refuses a file whose aliases expand too far (an alias bomb: a few
// hundred bytes that expand to millions of nodes), and Postman CLI 1.34
// then skips it; a handful of aliases to small values is fine in both.
const maxAliasExpansion = 10000

// checkDoc refuses what Postman's YAML parser refuses and the Go parser
// takes: a key written twice in one mapping (Postman CLI 1.34 skips such a
// request, fresh-round10v-yaml.json) and aliases that expand too far.
func checkDoc(root *yaml.Node, source string) error {
	var sizes map[*yaml.Node]int // made at the first alias
	var expanded int
	var walk func(n *yaml.Node) error
	walk = func(n *yaml.Node) error {
		switch n.Kind {
		case yaml.AliasNode:
			if sizes == nil {
				sizes = map[*yaml.Node]int{}
			}
			if expanded += expandedSize(n.Alias, sizes, 0); expanded > maxAliasExpansion {
				return &LoadError{Source: source, Line: n.Line, Column: n.Column,
					Err: fmt.Errorf("invalid YAML: its aliases (*%s) expand to more than %d values; Postman's parser refuses such a file: write the values out", n.Value, maxAliasExpansion)}
			}
			return nil
		case yaml.MappingNode:
			if err := uniqueKeys(n, source); err != nil {
				return err
			}
		}
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(root)
}

// expandedSize counts the nodes n stands for with its aliases expanded,
// memoized (sizes) and capped, so that a bomb is measured cheaply.
func expandedSize(n *yaml.Node, sizes map[*yaml.Node]int, depth int) int {
	if n == nil || depth > 100 {
		return 1
	}
	if s, ok := sizes[n]; ok {
		return s
	}
	size := 1
	if n.Kind == yaml.AliasNode {
		size = expandedSize(n.Alias, sizes, depth+1)
	}
	for _, c := range n.Content {
		size = min(size+expandedSize(c, sizes, depth+1), maxAliasExpansion+1)
	}
	sizes[n] = size
	return size
}

// uniqueKeys reports a mapping's first key written twice. Mappings are
// small (a request's fields, its headers), so pairs are compared without a
// map up to 32 keys.
func uniqueKeys(n *yaml.Node, source string) error {
	keys := n.Content
	twice := func(first, k *yaml.Node) error {
		return &LoadError{Source: source, Line: k.Line, Column: k.Column,
			Err: fmt.Errorf("invalid YAML: key %q written twice in one mapping (first on line %d); Postman's parser refuses the file: keep one", k.Value, first.Line)}
	}
	if len(keys) <= 64 {
		for i := 2; i+1 < len(keys); i += 2 {
			for j := 0; j < i; j += 2 {
				if keys[i].Kind == yaml.ScalarNode && keys[j].Kind == yaml.ScalarNode && keys[i].Value == keys[j].Value {
					return twice(keys[j], keys[i])
				}
			}
		}
		return nil
	}
	seen := make(map[string]*yaml.Node, len(keys)/2)
	for i := 0; i+1 < len(keys); i += 2 {
		if k := keys[i]; k.Kind == yaml.ScalarNode {
			if first, ok := seen[k.Value]; ok {
				return twice(first, k)
			}
			seen[k.Value] = k
		}
	}
	return nil
}
