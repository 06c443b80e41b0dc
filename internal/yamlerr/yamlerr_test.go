package yamlerr

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.yaml.in/yaml/v3"
)

// TestLocate parses broken files with the parser the loaders use and
// checks the place and the hint, and that no value of the file is quoted.
func TestLocate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, doc string
		line, col int
		hint      string
	}{
		{"unclosed double quote", "a: 1\nb: \"s3cr3t\nc: 2\n", 2, 4, "(is a quote or bracket left open?)"},
		{"unclosed single quote", "- key: pw\n  value: 'hunter2\n", 2, 10, "(is a quote or bracket left open?)"},
		{"unclosed bracket", "a: 1\nb: [x, y\nc: 2\n", 2, 4, "(is a bracket left open, or a comma missing?)"},
		{"unclosed brace", "a: {k: v\nb: 1\n", 1, 4, "(is a bracket left open, or a comma missing?)"},
		{"unclosed bracket deeper", "x: 1\nvariables:\n  password: [hunter2\n", 3, 13, "(is a bracket left open, or a comma missing?)"},
		{"colon in a value", "a: b: c\n", 1, 1, "(quote a value that contains \": \")"},
		{"tab indentation", "a:\n\tb: 1\n", 2, 2, "(YAML does not allow tabs"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var n yaml.Node
			err := yaml.Unmarshal([]byte(c.doc), &n)
			if !assert.Error(t, err) {
				return
			}
			p, ok := Locate(err.Error(), []byte(c.doc))
			assert.True(t, ok)
			assert.Equal(t, c.line, p.Line, p.Message)
			assert.Equal(t, c.col, p.Column, p.Message)
			assert.Contains(t, p.Message, c.hint)
			for _, secret := range []string{"s3cr3t", "hunter2"} {
				assert.NotContains(t, p.Message, secret)
			}
		})
	}
	p, ok := Locate("open x: no such file", nil)
	assert.False(t, ok)
	assert.Equal(t, "open x: no such file", p.Message)
}
