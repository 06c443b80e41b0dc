package yamlmerge

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	yaml "go.yaml.in/yaml/v3"
)

// TestMapping: merged keys join where the << stands, earlier keys win,
// later explicit keys replace the merged value in place, and a source that
// is not a mapping is returned (the document as Postman CLI 1.34 read the
// same shapes in fresh-round11v-yaml.json).
func TestMapping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, doc string
		keys      string // the merged mapping's keys=values, in order
		bad       bool
	}{
		{"alias", "b: &b {x: 1, y: 2}\nm: {a: 0, <<: *b, z: 3}", "a=0 x=1 y=2 z=3", false},
		{"earlier key wins", "b: &b {x: 1, y: 2}\nm: {x: 9, <<: *b}", "x=9 y=2", false},
		{"later key replaces in place", "b: &b {x: 1, y: 2}\nm: {<<: *b, x: 9}", "x=9 y=2", false},
		{"list: first source wins", "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nm: {<<: [*a, *b]}", "x=1 y=2", false},
		{"inline", "m: {<<: {x: 1}, y: 2}", "x=1 y=2", false},
		{"quoted << is a key", "m: {'<<': 1}", "<<=1", false},
		{"scalar source", "m: {<<: 5}", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var doc yaml.Node
			require.NoError(t, yaml.Unmarshal([]byte(tc.doc), &doc))
			root := doc.Content[0]
			m := root.Content[len(root.Content)-1]
			bad := Mapping(m)
			assert.Equal(t, tc.bad, bad != nil)
			if tc.bad {
				return
			}
			var got []string
			for i := 0; i+1 < len(m.Content); i += 2 {
				got = append(got, m.Content[i].Value+"="+m.Content[i+1].Value)
			}
			want := []string{}
			if tc.keys != "" {
				want = strings.Fields(tc.keys)
			}
			assert.Equal(t, want, got)
		})
	}
}
