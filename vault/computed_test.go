package vault

import (
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRedactScriptEncodings: the encodings scripts compute for
// credentials, whatever stands around the secret: btoa(id + ':' +
// secret) for a Basic header a pre-request script builds (28 corpus
// collections call btoa, two of them that way), CryptoJS's Base64 and
// Hex, base64url in a token, and base64 percent-encoded in a query. The
// secret's bytes can start at any of base64's three byte offsets.
func TestRedactScriptEncodings(t *testing.T) {
	t.Parallel()
	const secret = `Xy7"INJ<ECT>ED'Qp9Lm2Vb%Zz8`
	b64 := base64.StdEncoding.EncodeToString
	tests := []struct{ name, in, want string }{
		// The characters that mix the secret's bits with its
		// neighbours' are masked too (l: ":" and the secret's first
		// bits; A: its last bits and the padding's).
		{"btoa(id:secret)", "Authorization: Basic " + b64([]byte("abc:"+secret)), "Authorization: Basic YWJjO***=="},
		{"offset 0", "Basic " + b64([]byte("abc"+secret+"!")), ""},
		{"offset 2", "x " + b64([]byte("a"+secret)) + " y", ""},
		{"alone", "secret=" + b64([]byte(secret)), "secret=***"},
		{"base64url", "tok=" + base64.RawURLEncoding.EncodeToString([]byte(`{"s":"`+secret+`"}`)), ""},
		{"percent-encoded base64", "?a=" + url.QueryEscape(b64([]byte("xy"+secret))), ""},
		{"hex", "h=" + hex.EncodeToString([]byte(secret)) + ";", "h=***;"},
		{"HEX", "H=" + strings.ToUpper(hex.EncodeToString([]byte(secret))), "H=***"},
		{"hex inside more hex", "0a0b" + hex.EncodeToString([]byte(secret)) + "0c", "0a0b***0c"},
		// chai cuts a long string it prints: what is left of a form
		// before the ellipsis.
		{"hex cut short", "expected '" + hex.EncodeToString([]byte(secret))[:36] + "…' to equal 'x'", "expected '***…' to equal 'x'"},
		{"base64 cut short", "expected '" + b64([]byte("k=" + secret))[:37] + "...' to equal 'x'", "expected 'az***...' to equal 'x'"}, // az: "k=" alone
	}
	r := NewRedactor()
	r.Add(secret)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := r.Redact(tt.in)
			if tt.want != "" {
				assert.Equal(t, tt.want, got)
			}
			assert.Contains(t, got, Mask)
			b64, hexes := scriptEncodings(secret)
			for _, form := range append(b64, hexes...) {
				for i := 0; i+6 <= len(form); i++ {
					assert.NotContains(t, got, form[i:i+6], "a 6-character piece of %q", form)
				}
			}
		})
	}
}

// TestScriptFormsNeedLength: a short secret's base64 has too few
// characters that depend on it alone to mask on their own (they would
// match ordinary base64 by chance), so only forms of 8 characters or more
// are registered.
func TestScriptFormsNeedLength(t *testing.T) {
	t.Parallel()
	b64, hexes := scriptEncodings("abc")
	for _, f := range append(b64, hexes...) {
		assert.GreaterOrEqual(t, len(f), MinPieceLen, f)
	}
	r := NewRedactor()
	r.Add("abc")
	assert.Equal(t, "Basic YWJjOmRlZg==", r.Redact("Basic YWJjOmRlZg=="), "abc's base64 is too short to mask alone")
}
