package collections

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	yaml "go.yaml.in/yaml/v3"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/courier-run/courier/internal/yamlerr"
	"github.com/courier-run/courier/internal/yamlmerge"
)

// YAML nodes never leave this file and v3_load.go / v3_save.go: the loader
// reads them into the model, the writer builds them from it.

// yamlDoc parses one YAML file into its top-level mapping. A syntax error
// becomes a LoadError with the line the parser names and the column where
// that line's content starts (the parser gives no column of its own).
func yamlDoc(data []byte, source string) (*yaml.Node, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	data = yaml12Directive(data)
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
	if err := singleDocument(data, source); err != nil {
		return nil, err
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

var yamlVersion = lazyre.New(`(?m)^%YAML[ \t]+1\.[0-9]+[ \t]*(?:#.*)?\r?$`)

// yaml12Directive comments out a %YAML 1.x directive: Postman's parser
// takes 1.2 (and any 1.x), the Go parser only 1.1 ("found incompatible
// YAML document"), and Postman CLI 1.34 runs a file that starts with
// %YAML 1.2 (fresh-round13v-yaml.json). Lines and columns stay where
// they were.
func yaml12Directive(data []byte) []byte {
	if !bytes.Contains(data, []byte("%YAML")) {
		return data
	}
	return yamlVersion().ReplaceAllFunc(data, func(line []byte) []byte {
		return append([]byte{'#'}, line[1:]...)
	})
}

// singleDocument refuses a file that holds a second YAML document (a
// second "---"): Postman's parser reads one document per file and Postman
// CLI 1.34 skips such a request (fresh-round12v-misc.json), where the Go
// parser would read the first alone. Files without "---" are not parsed
// again.
func singleDocument(data []byte, source string) error {
	if !bytes.Contains(data, []byte("---")) {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var first, second yaml.Node
	if dec.Decode(&first) != nil || dec.Decode(&second) != nil {
		return nil // io.EOF: one document; errors were the first parse's to report
	}
	line := second.Line
	if len(second.Content) > 0 {
		line = second.Content[0].Line
	}
	return &LoadError{Source: source, Line: line, Column: 1,
		Err: errors.New("a second YAML document (after a second ---); Postman reads one document per file and skips the request: keep one, or split it into two files")}
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
	p, ok := yamlerr.Locate(err.Error(), data)
	if !ok {
		return &LoadError{Source: source, Err: fmt.Errorf("invalid YAML: %s", p.Message)}
	}
	return &LoadError{Source: source, Line: p.Line, Column: p.Column, Err: fmt.Errorf("invalid YAML: %s", p.Message)}
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
		case "!!timestamp":
			return "the date " + n.Value
		case "!!binary":
			return "binary data (!!binary)"
		}
		if foreignTag(n) {
			return fmt.Sprintf("a value tagged %s, a tag Postman's YAML reader does not take", n.Tag)
		}
		return fmt.Sprintf("the text %q", clip(n.Value, 40))
	}
	return "an unsupported YAML node"
}

// scalarKind names what a plain scalar holds without its value: "a
// number", "a boolean", "a date" or "nothing (null)".
func scalarKind(n *yaml.Node) string {
	switch n.Tag {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!timestamp":
		return "a date"
	case "!!null":
		return "nothing (null)"
	}
	if isText(n) {
		return "text"
	}
	return "a value YAML does not read as text"
}

// shapeKind is nodeKind without a scalar's value, for places where a bare
// value may be a credential (auth: Bearer <token>).
func shapeKind(n *yaml.Node) string {
	if n = deref(n); n.Kind == yaml.ScalarNode {
		return scalarKind(n)
	}
	return nodeKind(n)
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

// isText reports whether a scalar holds text as Postman's schema wants it
// (scalars are typed by plainTag). A date is not text: Postman reads it as
// a date and skips the file. A plain << anywhere but as a key is text (the
// Go parser tags it a merge wherever it stands; Postman reads `X-A: <<` as
// the text <<).
func isText(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!str" || n.Tag == "" || n.Tag == "!!merge")
}

// foreignTag reports whether a scalar carries a tag other than the ones
// plain values get (!!binary, !!set, !custom...): Postman's parser makes
// binary data of !!binary, refuses tags it does not know, and skips the
// file either way (fresh-round13v-yaml.json).
func foreignTag(n *yaml.Node) bool {
	switch n.Tag {
	case "", "!!str", "!!null", "!!bool", "!!int", "!!float", "!!timestamp", "!!merge":
		return false
	}
	return true
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
	// The value is left out of these errors: a text field may hold a
	// credential (a numeric client secret in a form row, a PIN in a
	// header), as describeCredential leaves an auth's out.
	if n.Kind == yaml.ScalarNode && foreignTag(n) {
		return "", m.fieldErr(n, path, "Postman expects text here, got %s (remove the tag %s and write the value in quotes)", nodeKind(n), n.Tag)
	}
	if n.Kind == yaml.ScalarNode {
		return "", m.fieldErr(n, path, "Postman expects text here, got %s (write it in quotes, as text)", scalarKind(n))
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
		return nil, m.fieldErr(n, path, "Postman expects a mapping (key: value lines) here, got %s", shapeKind(n))
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
				return nil, m.fieldErr(e, p, "Postman expects an entry {key, value} here, got %s", shapeKind(e))
			}
			em := ymap{src: m.src, node: e}
			var x kv
			var err error
			x.node, x.extra = e, em
			if x.Key, err = em.str("key", p+".key"); err != nil {
				return nil, err
			}
			vn := em.get("value")
			if vn == nil && !anyScalar {
				// A header's, a query parameter's or a path variable's row
				// without value: is refused (fresh-round11v-nulls.json):
				// Postman CLI 1.34 skips the request, or refuses the whole
				// collection for a query parameter.
				return nil, m.fieldErr(e, p+".value", "missing: Postman expects each entry to say value: (value: \"\" for none)")
			}
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
	return nil, m.fieldErr(n, path, "Postman expects a mapping {Name: value} or a list of {key, value} here, got %s", shapeKind(n))
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

// maxAliasCount is Postman's YAML parser's bound on aliases (eemeli/yaml's
// maxAliasCount, 100): an anchor's uses (the anchor itself counting as
// one) times what its value's own aliases stand for may not pass it. So
// 99 aliases of one anchor load and 100 do not, an anchor holding two
// aliases of another may be used 32 times, and an empty list any number
// of times; a merge key's alias (<<: *h) counts as an alias. Postman CLI
// 1.34 skips a file past the bound (fresh-round11v-yaml.json), so an alias
// bomb (a few hundred bytes expanding to millions of values) is refused
// long before it could cost anything.
const maxAliasCount = 100

// plainTag types an unquoted, untagged scalar as Postman's YAML reader
// does (the rules of the js-yaml package's default schema, which Postman
// CLI 1.34 follows value for value, fresh-round11v-scalars.json), where the
// Go parser reads YAML 1.1's: 0X1F, +.5, -.5 and 1_ are text (the Go
// parser: numbers), 2001-12-14 and 2001-1-2T1:02:03Z are dates, not text,
// ._5 is a number; yes, no, on and off are text in both.
func plainTag(v string) string {
	switch v {
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	}
	if !strings.ContainsRune("+-.0123456789", rune(v[0])) {
		return "!!str" // most text: no number or date starts so
	}
	switch {
	case jsYAMLInt(v):
		return "!!int"
	case jsYAMLFloat().MatchString(v) && !strings.HasSuffix(v, "_"):
		return "!!float"
	case jsYAMLDate().MatchString(v) || jsYAMLTimestamp().MatchString(v):
		return "!!timestamp"
	}
	return "!!str"
}

var (
	jsYAMLFloat     = lazyre.New(`^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	jsYAMLDate      = lazyre.New(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	jsYAMLTimestamp = lazyre.New(`^[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?$`)
)

// jsYAMLInt is js-yaml's integer: an optional sign, then 0, 0b/0x/0o
// digits (lower-case prefixes only) or decimal digits, with _ anywhere
// but first and last.
func jsYAMLInt(v string) bool {
	i := 0
	if i < len(v) && (v[i] == '-' || v[i] == '+') {
		i++
	}
	if i < len(v) && v[i] == '0' {
		if i+1 == len(v) {
			return true
		}
		i++
		if digits, ok := map[byte]string{'b': "01", 'x': "0123456789abcdefABCDEF", 'o': "01234567"}[v[i]]; ok {
			return underscoredDigits(v[i+1:], digits)
		}
	}
	return i < len(v) && v[i] != '_' && underscoredDigits(v[i:], "0123456789")
}

// underscoredDigits: s has at least one of digits, _ between them, and
// does not end in _.
func underscoredDigits(s, digits string) bool {
	has := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '_':
		case strings.IndexByte(digits, s[i]) >= 0:
			has = true
		default:
			return false
		}
	}
	return has && !strings.HasSuffix(s, "_")
}

// anchorUse is what Postman's parser keeps of an anchor while it reads a
// document: how often it was used (1 for the anchor itself) and what its
// value's aliases stand for, taken at its first use.
type anchorUse struct{ count, aliasCount int }

// docCheck walks a document in the order Postman's parser turns it into
// values, refusing what that parser refuses and the Go parser takes: a
// key written twice in one mapping (Postman CLI 1.34 skips such a request,
// fresh-round10v-yaml.json) and aliases past maxAliasCount.
type docCheck struct {
	source  string
	anchors map[*yaml.Node]*anchorUse
	merges  bool // a mapping has a merge key
}

// checkDoc refuses what Postman's YAML parser refuses and the Go parser
// takes (see docCheck), then applies merge keys where there are any.
func checkDoc(root *yaml.Node, source string) error {
	c := docCheck{source: source}
	if err := c.walk(root); err != nil || !c.merges {
		return err
	}
	return resolveMerges(root, source, 0)
}

func (c *docCheck) walk(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		return c.alias(n)
	}
	if n.Kind == yaml.ScalarNode && n.Style&^yaml.FlowStyle == 0 && n.Tag != "!!merge" {
		n.Tag = plainTag(n.Value)
	}
	if n.Anchor != "" {
		if c.anchors == nil {
			c.anchors = map[*yaml.Node]*anchorUse{}
		}
		c.anchors[n] = &anchorUse{count: 1}
	}
	if n.Kind == yaml.MappingNode {
		if err := uniqueKeys(n, c.source); err != nil {
			return err
		}
		c.merges = c.merges || slices.ContainsFunc(n.Content, yamlmerge.IsMergeKey)
	}
	for _, ch := range n.Content {
		if err := c.walk(ch); err != nil {
			return err
		}
	}
	return nil
}

// alias counts one use of the anchor n names, as Postman's parser does.
func (c *docCheck) alias(n *yaml.Node) error {
	use := c.anchors[n.Alias]
	if use == nil {
		// Only an alias inside its own anchor gets here; the Go parser
		// refuses those, so this is a guard.
		return nil
	}
	use.count++
	if use.aliasCount == 0 {
		use.aliasCount = c.aliasCount(n.Alias, 0)
	}
	if use.count*use.aliasCount > maxAliasCount {
		return &LoadError{Source: c.source, Line: n.Line, Column: n.Column,
			Err: fmt.Errorf("invalid YAML: too many aliases (*%s is used %d times, and its value holds aliases that stand for %d values); Postman's parser refuses more than %d: write the values out", n.Value, use.count-1, use.aliasCount, maxAliasCount)}
	}
	return nil
}

// aliasCount is what n stands for in Postman's parser's count: 1 for a
// value without aliases, the most of its entries' counts for a list or
// mapping (0 when it is empty), and an alias's anchor's uses times its own
// count. Depth is bounded, as the parser bounds nesting.
func (c *docCheck) aliasCount(n *yaml.Node, depth int) int {
	switch {
	case n == nil || depth > 1000:
		return 1
	case n.Kind == yaml.AliasNode:
		if use := c.anchors[n.Alias]; use != nil {
			return min(use.count*use.aliasCount, maxAliasCount+1)
		}
		return 0
	case n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode || n.Kind == yaml.DocumentNode:
		most := 0
		for _, ch := range n.Content {
			most = max(most, c.aliasCount(ch, depth+1))
		}
		return most
	}
	return 1
}

// uniqueKeys reports a mapping's first key written twice. Mappings are
// small (a request's fields, its headers), so pairs are compared without a
// map up to 32 keys.
func uniqueKeys(n *yaml.Node, source string) error {
	keys := n.Content
	twice := func(first, k *yaml.Node) error {
		key, _ := scalarKey(k)
		return &LoadError{Source: source, Line: k.Line, Column: k.Column,
			Err: fmt.Errorf("invalid YAML: key %q written twice in one mapping (first on line %d); Postman's parser refuses the file: keep one", key, first.Line)}
	}
	if len(keys) <= 64 {
		for i := 2; i+1 < len(keys); i += 2 {
			ki, ok := scalarKey(keys[i])
			if !ok {
				continue
			}
			for j := 0; j < i; j += 2 {
				if kj, ok := scalarKey(keys[j]); ok && ki == kj {
					return twice(keys[j], keys[i])
				}
			}
		}
		return nil
	}
	seen := make(map[string]*yaml.Node, len(keys)/2)
	for i := 0; i+1 < len(keys); i += 2 {
		if k, ok := scalarKey(keys[i]); ok {
			if first, ok := seen[k]; ok {
				return twice(first, keys[i])
			}
			seen[k] = keys[i]
		}
	}
	return nil
}

// scalarKey is a mapping key's text, an alias's (*k: v) included, as
// Postman's parser compares keys: `*k: 1` beside `kk: 2` where k is kk is
// a key written twice (Postman CLI 1.34 skips the file).
func scalarKey(k *yaml.Node) (string, bool) {
	k = deref(k)
	return k.Value, k.Kind == yaml.ScalarNode
}

// resolveMerges applies YAML's merge keys in place, as Postman's parser
// reads them (yamlmerge.Mapping). The walk does not follow aliases, and an
// anchor comes before its aliases, so every source is resolved before it is
// merged.
func resolveMerges(n *yaml.Node, source string, depth int) error {
	if n.Kind == yaml.AliasNode || depth > 10000 {
		return nil
	}
	for _, ch := range n.Content {
		if err := resolveMerges(ch, source, depth+1); err != nil {
			return err
		}
	}
	if bad := yamlmerge.Mapping(n); bad != nil {
		return &LoadError{Source: source, Line: bad.Line, Column: bad.Column,
			Err: fmt.Errorf("invalid YAML: a merge key (<<) takes a mapping, an alias of one or a list of them, got %s; Postman's parser refuses the file", nodeKind(bad))}
	}
	return nil
}
