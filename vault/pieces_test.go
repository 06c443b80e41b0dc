package vault

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRedactShortPiecesBesideTheirSecret: a URL model splits a secret in a
// URL into path segments, query keys and values or host labels (the JSON
// report's url object, console.log(pm.request.url)), and pieces shorter
// than MinPieceLen were left in clear between the masks of the long ones
// (K7MDENG of an AWS-style secret key). A short piece is masked where it
// stands as a token of its own next to a mask, with only the model's
// punctuation (and a query's "key" or "value") between them; elsewhere it
// is ordinary text.
func TestRedactShortPiecesBesideTheirSecret(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, secret, in, want string
	}{
		{"path segments", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
			`"path":["v1","wJalrXUtnFEMI","K7MDENG","bPxRfiCYEXAMPLEKEY"]`, `"path":["v1","***","***","***"]`},
		{"console.log of a path", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
			`path: [ 'v1', 'wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY' ]`, `path: [ 'v1', '***', '***', '***' ]`},
		{"short piece first", "ab/cdefghijk", `"path":["x","ab","cdefghijk"]`, `"path":["x","***","***"]`},
		{"query key and value", "Ab12Cd34Ef&Gh5=Kl90Mn12Op",
			`[{"key":"k","value":"Ab12Cd34Ef"},{"key":"Gh5","value":"Kl90Mn12Op"}]`,
			`[{"key":"k","value":"***"},{"key":"***","value":"***"}]`},
		{"host labels", "PBhjSVA9h2pxMWea.0Y8n5o.hsjdIKLt6PJmQcVna3CtGCwS",
			`"host":["PBhjSVA9h2pxMWea","0Y8n5o","hsjdIKLt6PJmQcVna3CtGCwS","example","com"]`, `"host":["***","***","***","example","com"]`},
		{"a chain of short pieces", "Zk8Qw2Lm4Tp/a1/b2/c3", `"path":["Zk8Qw2Lm4Tp","a1","b2","c3","next"]`, `"path":["***","***","***","***","next"]`},
		{"escaped", `Zk8Qw2Lm4Tp/a"1`, `"path":["Zk8Qw2Lm4Tp","a\"1"]`, `"path":["***","***"]`},
		// Not beside a mask, or inside a longer word: ordinary text.
		{"alone", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", `K7MDENG is a word here`, `K7MDENG is a word here`},
		{"far from the mask", "ab/cdefghijk", `"a":"cdefghijk","note":"text text","b":"ab"`, `"a":"***","note":"text text","b":"ab"`},
		{"inside a word", "ab/cdefghijk", `cdefghijk abc`, `*** abc`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := NewRedactor()
			r.Add(tt.secret)
			assert.Equal(t, tt.want, r.Redact(tt.in))
		})
	}
}
