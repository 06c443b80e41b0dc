package collections

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// The keys Postman's v12 format gives each file kind. Postman CLI 1.34 (and
// its lint) ignore any other key without a word, so a typo (header: for
// headers:) silently drops what it holds; courier says so.
var (
	v3RequestKeys    = []string{"$kind", "name", "description", "method", "url", "order", "headers", "queryParams", "pathVariables", "body", "auth", "scripts", "settings", "examples"}
	v3GraphQLKeys    = []string{"query", "variables", "operationName", "schema"}
	v3DefinitionKeys = []string{"$kind", "name", "description", "order", "variables", "auth", "scripts", "settings"}
)

// unknownKeys returns a notice for each top-level key of m that the file's
// kind does not have, suggesting the key meant when one is close.
func (m ymap) unknownKeys(known []string) []Notice {
	var out []Notice
	for i := 0; i+1 < len(m.node.Content); i += 2 {
		k := m.node.Content[i]
		if slices.Contains(known, k.Value) {
			continue
		}
		msg := fmt.Sprintf("%s: unknown key; Postman ignores it, and what it holds", k.Value)
		if near := nearestKey(k.Value, known); near != "" {
			msg += fmt.Sprintf(" (did you mean %s:?)", near)
		} else {
			msg += " (the keys Postman reads here: " + strings.Join(known, ", ") + ")"
		}
		out = append(out, Notice{Source: m.src, Line: k.Line, Column: k.Column, Message: msg})
	}
	return out
}

// keyAliases are other tools' names for a key (v2.1's, Insomnia's).
var keyAliases = map[string]string{
	"params": "queryParams", "query": "queryParams", "querystring": "queryParams",
	"path": "pathVariables", "pathparams": "pathVariables", "variable": "variables",
	"event": "scripts", "events": "scripts", "header": "headers", "protocolprofilebehavior": "settings",
}

// nearestKey is the known key an alias names or within two edits of k
// (case ignored), if one.
func nearestKey(k string, known []string) string {
	if a, ok := keyAliases[strings.ToLower(k)]; ok && slices.Contains(known, a) {
		return a
	}
	best, bestD := "", 3
	for _, c := range known {
		if d := editDistance(strings.ToLower(k), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is Levenshtein's distance between two short keys.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 99 // not a typo of a key
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// nullFields refuses a key written with no value (`description:` with
// nothing after it, `~`, `null`) where Postman's model wants one: Postman
// CLI 1.34 skips such a request and ignores such a definition, down to a
// header's value, a form row's or a setting's (fresh-round11v-nulls.json).
// It takes null only as a query parameter's value (sent as ?a, without =),
// as a definition's variables: and a variable's value, and as a
// credential's value; scripts are checked where they are read.
func (m ymap) nullFields(known []string, definition bool) error {
	var buf [8]string
	for i := 0; i+1 < len(m.node.Content); i += 2 {
		k, v := m.node.Content[i].Value, m.node.Content[i+1]
		if !slices.Contains(known, k) || k == "scripts" && v.Tag != "!!null" || k == "auth" && v.Tag == "!!null" {
			continue // read, with their own words, where they are read
		}
		rule := nullRule{key: k, kind: v.Kind, definition: definition}
		if n, at := firstNull(v, buf[:0], rule, 0); n != nil {
			where := strings.Join(append([]string{k}, at...), ".")
			return m.fieldErr(n, where, "Postman expects a value here, got nothing (null); give one (\"\" for empty text) or leave the key out")
		}
	}
	return nil
}

// nullRule says where below a key Postman takes a null: a query
// parameter's value, a definition's variables and their values, a
// credential's value.
type nullRule struct {
	key        string
	kind       yaml.Kind // of the key's value
	definition bool
}

// isValue: p is a value's place in a key/value list, {name: value} or
// [{key, value}].
func (r nullRule) isValue(p []string) bool {
	return r.kind == yaml.MappingNode && len(p) == 1 || r.kind == yaml.SequenceNode && len(p) == 2 && p[1] == "value"
}

func (r nullRule) allowed(p []string) bool {
	n := len(p)
	switch {
	case r.key == "queryParams":
		return r.isValue(p)
	case r.key == "variables" && r.definition:
		return n == 0 || r.isValue(p)
	case r.key == "auth":
		// {credentials: {token: ~}}, a list's [{credentials: ...}], or
		// credentials as rows [{key, value: ~}].
		return n >= 2 && p[n-2] == "credentials" || n >= 3 && p[n-3] == "credentials" && p[n-1] == "value"
	}
	return false
}

// firstNull is the first null in n that rule does not take, with its
// path below the key (map keys, and "0", "1"... for list entries, so a
// list row's value is [index, "value"] and a mapping's is [name]).
// Aliases are not followed (their anchor is checked where it stands).
func firstNull(n *yaml.Node, at []string, rule nullRule, depth int) (*yaml.Node, []string) {
	switch {
	case depth > 64 || n.Kind == yaml.AliasNode:
		return nil, nil
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		if rule.allowed(at) {
			return nil, nil
		}
		return n, slices.Clone(at)
	case n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			// at is extended in place: siblings reuse its room, and a
			// path found is cloned before it is returned.
			if x, p := firstNull(n.Content[i+1], append(at, n.Content[i].Value), rule, depth+1); x != nil {
				return x, p
			}
		}
	case n.Kind == yaml.SequenceNode:
		for i, e := range n.Content {
			if x, p := firstNull(e, append(at, strconv.Itoa(i)), rule, depth+1); x != nil {
				return x, p
			}
		}
	}
	return nil, nil
}
