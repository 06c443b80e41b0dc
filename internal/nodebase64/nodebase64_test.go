package nodebase64

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNodeBase64 pins what Node 20's Buffer.from(s, 'base64') gives (a
// file row's value and a file body's content are decoded so).
func TestDecode(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"hello":    "85e965",
		"he!llo":   "85e965",
		"he llo":   "85e965",
		"aGk=aGk=": "6869",
		"aGk":      "6869",
		"a":        "",
		"aGk-_w":   "68693eff",
		"aG\nk=":   "6869",
		"-_-_":     "fbffbf",
		"+/+/":     "fbffbf",
		"ab=cd":    "69",
		"dGVzd":    "746573",
	} {
		assert.Equal(t, want, hex.EncodeToString(Decode(in)), "%q", in)
	}
}
