package collections

import (
	"fmt"
	"slices"
	"strings"
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
