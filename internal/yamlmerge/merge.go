// Package yamlmerge applies YAML merge keys (<<) as Postman's parser reads
// them, for the v12 collection and environment readers alike.
package yamlmerge

import (
	"slices"

	yaml "go.yaml.in/yaml/v3"
)

// IsMergeKey reports a plain << key (a quoted '<<' is an ordinary key).
func IsMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Tag == "!!merge"
}

// HasMergeKey reports a mapping with a merge key among its keys.
func HasMergeKey(n *yaml.Node) bool {
	return n.Kind == yaml.MappingNode && slices.ContainsFunc(n.Content, IsMergeKey)
}

// Mapping applies the merge keys of the mapping n in place (<<: *base,
// <<: [*a, *b], <<: {inline}), not those of mappings inside it: each
// merged mapping's keys join n where the << stands, a key already there
// (written before, or merged from an earlier source) wins, and a key
// written after the << replaces the merged value where it stands
// (fresh-round11v-yaml.json). Merged nodes are shared, not copied. It
// returns the first merge source that is not a mapping (n is left as it
// was then), or nil.
func Mapping(n *yaml.Node) (bad *yaml.Node) {
	if !HasMergeKey(n) {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	at := map[string]int{} // a scalar key's index in out
	add := func(k, v *yaml.Node, explicit bool) {
		key := deref(k)
		if i, seen := at[key.Value]; key.Kind == yaml.ScalarNode && seen {
			if explicit {
				out[i], out[i+1] = k, v
			}
			return
		}
		if key.Kind == yaml.ScalarNode {
			at[key.Value] = len(out)
		}
		out = append(out, k, v)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !IsMergeKey(k) {
			add(k, v, true)
			continue
		}
		sources := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, src := range sources {
			m := deref(src)
			if m.Kind != yaml.MappingNode {
				return src
			}
			for j := 0; j+1 < len(m.Content); j += 2 {
				add(m.Content[j], m.Content[j+1], false)
			}
		}
	}
	n.Content = out
	return nil
}

// deref follows aliases (a bounded chain) to the node they stand for.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}
