package vault

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRedact(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		secrets []string
		in      string
		want    string
	}{
		{"none registered", nil, "token=abc", "token=abc"},
		{"simple", []string{"s3cret"}, "Authorization: Bearer s3cret\n", "Authorization: Bearer ***\n"},
		{"every occurrence", []string{"abc"}, "abc abc-abc", "*** ***-***"},
		{"longest wins", []string{"abc", "abcdef"}, "xabcdefx", "x***x"},
		{"overlapping secrets leave nothing", []string{"xabc", "abcdef"}, "-xabcdef-", "-***-"},
		{"self-overlap", []string{"aba"}, "ababa", "***"},
		{"touching merge", []string{"foo", "bar"}, "foobar", "***"},
		{"too short is not masked", []string{"ab", "x"}, "abxab", "abxab"},
		{"blank is not masked", []string{"    "}, "a    b", "a    b"},
		{"unicode", []string{"ключ-пароль", "日本語"}, "k=ключ-пароль; j=日本語!", "k=***; j=***!"},
		{"three runes of multibyte", []string{"é☃é"}, "<é☃é>", "<***>"},
		{"JSON-escaped form", []string{`p"a<s>s`}, `{"v":"p\"a\u003cs\u003es"}`, `{"v":"***"}`},
		{"XML-escaped form", []string{`a&b<c`}, `<failure message="a&amp;b&lt;c"/>`, `<failure message="***"/>`},
		{"URL-escaped form", []string{"p@ss word/+"}, "GET /?k=p%40ss+word%2F%2B", "GET /?k=***"},
		// A URL a script built from a secret, written as JSON: its path
		// segments and query keys and values are pieces of the secret.
		{"path segments", []string{"Zk8Qw2Lm4/Tp7Rx9Vb3"}, `"path":["wire","Zk8Qw2Lm4","Tp7Rx9Vb3"]`, `"path":["wire","***","***"]`},
		{"query keys and values", []string{"Ab12Cd34Ef&Gh56Ij78Kk=Kl90Mn12Op"},
			`[{"key":"k","value":"Ab12Cd34Ef"},{"key":"Gh56Ij78Kk","value":"Kl90Mn12Op"}]`,
			`[{"key":"k","value":"***"},{"key":"***","value":"***"}]`},
		// Its short labels too, beside the long ones' masks (pieces.go).
		{"host labels", []string{"acmeprod4471.tenantzone9.example.com"},
			`"host":["acmeprod4471","tenantzone9","example","com"]`, `"host":["***","***","***","***"]`},
		{"user and password", []string{"svcaccount1:hunter2hunter2@api"},
			`"auth":{"user":"svcaccount1","password":"hunter2hunter2"}`, `"auth":{"user":"***","password":"***"}`},
		{"a piece encoded and escaped twice", []string{`Zk8"Qw2Lm4/Tp7Rx9Vb3`}, `\\\"Zk8%22Qw2Lm4\\\"`, `\\\"***\\\"`},
		{"short pieces are ordinary text", []string{"api/v2/Tp7Rx9Vb3Q"}, "GET /api/v2/users", "GET /api/v2/users"},
		// Header text is latin1 both ways: a value's bytes one a character
		// (a server echoing the header), its UTF-8 bytes read as latin1 (a
		// server answering with them in a header or cookie).
		{"latin1 bytes", []string{"café-clé"}, "b=caf\xe9-cl\xe9!", "b=***!"},
		{"UTF-8 read as latin1", []string{"café-clé"}, "w=cafÃ©-clÃ©;", "w=***;"},
		{"beyond latin1 has no latin1 bytes", []string{"☃☃☃"}, "x\x03\x03\x03", "x\x03\x03\x03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := NewRedactor()
			r.Add(tt.secrets...)
			assert.Equal(t, tt.want, r.Redact(tt.in))
		})
	}
}

func TestRedactEncodedFormsMatchEncoders(t *testing.T) {
	t.Parallel()
	secret := "x<y>&\"z'\\\n\tü"
	r := NewRedactor()
	r.Add(secret)
	j, err := json.Marshal(map[string]string{"v": secret})
	require.NoError(t, err)
	var x bytes.Buffer
	require.NoError(t, xml.NewEncoder(&x).Encode(struct {
		XMLName xml.Name `xml:"t"`
		A       string   `xml:"a,attr"`
		Text    string   `xml:",chardata"`
	}{A: secret, Text: secret}))
	for _, out := range []string{string(j), x.String(), url.QueryEscape(secret), url.PathEscape(secret)} {
		red := r.Redact(out)
		assert.NotContains(t, red, "ü", "encoded secret survived in %q", red)
		assert.Contains(t, red, Mask)
	}
}

func TestNilRedactor(t *testing.T) {
	t.Parallel()
	var r *Redactor
	r.Add("secret")
	assert.Equal(t, "secret", r.Redact("secret"))
	var b bytes.Buffer
	w := r.Writer(&b)
	_, err := w.Write([]byte("secret"))
	require.NoError(t, err)
	require.NoError(t, w.Flush())
	assert.Equal(t, "secret", b.String())
}

// writeChunks writes in through a redacting writer in pieces of the given
// sizes (repeating the last), then flushes.
func writeChunks(t *testing.T, r *Redactor, in string, sizes ...int) string {
	t.Helper()
	var b bytes.Buffer
	w := r.Writer(&b)
	for i, k := 0, 0; i < len(in); k++ {
		n := sizes[min(k, len(sizes)-1)]
		end := min(i+n, len(in))
		got, err := w.Write([]byte(in[i:end]))
		require.NoError(t, err)
		require.Equal(t, end-i, got)
		i = end
	}
	require.NoError(t, w.Flush())
	return b.String()
}

func TestWriterSplitWrites(t *testing.T) {
	t.Parallel()
	secrets := []string{"s3cr3t-token", "xabc", "abcdef", "пароль"}
	in := "header s3cr3t-token mid xabcdef tail пароль end s3cr3t-tok s3cr3t-token"
	r := NewRedactor()
	r.Add(secrets...)
	want := r.Redact(in)
	require.NotContains(t, want, "s3cr3t-token")
	for size := 1; size <= len(in); size++ {
		got := writeChunks(t, r, in, size)
		require.Equal(t, want, got, "chunk size %d", size)
	}
	// Irregular splits.
	for _, sizes := range [][]int{{7, 1, 3}, {13, 2}, {1, 40}, {30, 5}} {
		assert.Equal(t, want, writeChunks(t, r, in, sizes...), "sizes %v", sizes)
	}
}

func TestWriterPassesThroughWithoutHolding(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("zzzsecret")
	var b bytes.Buffer
	w := r.Writer(&b)
	_, err := w.Write([]byte("→ GET https://x/ [200 OK]\n"))
	require.NoError(t, err)
	assert.Equal(t, "→ GET https://x/ [200 OK]\n", b.String(), "output that cannot start a secret is not held back")
	_, err = w.Write([]byte("ends with zz"))
	require.NoError(t, err)
	assert.Equal(t, "→ GET https://x/ [200 OK]\nends with ", b.String(), "a possible secret prefix is held")
	_, err = w.Write([]byte("zsecret!"))
	require.NoError(t, err)
	assert.Equal(t, "→ GET https://x/ [200 OK]\nends with ***!", b.String())
	_, err = w.Write([]byte("zz"))
	require.NoError(t, err)
	require.NoError(t, w.Flush())
	assert.Equal(t, "→ GET https://x/ [200 OK]\nends with ***!zz", b.String(), "Flush writes the held tail")
}

func TestWriterSecretAddedLater(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	var b bytes.Buffer
	w := r.Writer(&b)
	fmt.Fprint(w, "before ")
	r.Add("late-secret")
	fmt.Fprint(w, "late-")
	fmt.Fprint(w, "secret after")
	require.NoError(t, w.Flush())
	assert.Equal(t, "before *** after", b.String())
}

func TestWriterConcurrent(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	var b bytes.Buffer
	w := r.Writer(&b)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			secret := fmt.Sprintf("secret-%d-value", i)
			r.Add(secret)
			for range 50 {
				fmt.Fprintf(w, "line %s\n", secret)
			}
		}()
	}
	wg.Wait()
	require.NoError(t, w.Flush())
	assert.NotContains(t, b.String(), "-value")
	assert.Equal(t, 400, strings.Count(b.String(), "line ***\n"))
}

// TestRedactNumericSecret: a PIN-like secret is masked where it stands as
// a number of its own, not inside a longer number (a timestamp that
// happens to contain it), which would break a JSON report's numbers.
func TestRedactNumericSecret(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("1796")
	tests := []struct{ in, want string }{
		{`{"started":1796456864806}`, `{"started":1796456864806}`},
		{`{"size":41796}`, `{"size":41796}`},
		{`{"pin":1796}`, `{"pin":***}`},
		{`X-Pin: 1796`, `X-Pin: ***`},
		{`pin=1796&x=1`, `pin=***&x=1`},
		{`1796`, `***`},
		{`a1796b`, `a***b`},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, r.Redact(tc.in), tc.in)
		// Split at every place: the Writer holds trailing digits back
		// until it knows whether the number goes on.
		for i := 0; i <= len(tc.in); i++ {
			var b bytes.Buffer
			w := r.Writer(&b)
			_, _ = w.Write([]byte(tc.in[:i]))
			_, _ = w.Write([]byte(tc.in[i:]))
			require.NoError(t, w.Flush())
			assert.Equal(t, tc.want, b.String(), "%s split at %d", tc.in, i)
		}
	}
}

// TestRedactBufferInspection: console.log of a Buffer holding a secret
// (Buffer.from(value), pm.response.stream) prints its bytes in hex, as
// Node's inspection does; they are masked as the value is.
func TestRedactBufferInspection(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add(`Vq7"<Zk&9>`, "é-key")
	assert.Equal(t, "<Buffer 7b 22 6b 22 3a 22 *** 22 7d>", r.Redact(`<Buffer 7b 22 6b 22 3a 22 56 71 37 22 3c 5a 6b 26 39 3e 22 7d>`))
	assert.Equal(t, "<Buffer ***>", r.Redact("<Buffer c3 a9 2d 6b 65 79>"))
	assert.Equal(t, "<Buffer 56 71 37 22>", r.Redact("<Buffer 56 71 37 22>"), "a part alone is not the secret")
}

// TestRedactBufferCutShort: Node shows a Buffer's first 50 bytes, then
// " ... N more bytes>": a secret that straddles the cut leaves its first
// bytes, masked from three on.
func TestRedactBufferCutShort(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add(`Vq7"<Zk&9>`)
	assert.Equal(t, "<Buffer 7b 22 *** ... 16 more bytes>", r.Redact(`<Buffer 7b 22 56 71 37 22 ... 16 more bytes>`))
	assert.Equal(t, "<Buffer 7b 22 56 71 ... 16 more bytes>", r.Redact(`<Buffer 7b 22 56 71 ... 16 more bytes>`), "two bytes are not masked")
	assert.Equal(t, "<Buffer 7b 22 56 71 37 22 3c 5a 6b 26 39 3d ... 1 more byte>", r.Redact("<Buffer 7b 22 56 71 37 22 3c 5a 6b 26 39 3d ... 1 more byte>"),
		"the whole secret but its last byte, then another byte: no prefix of it ends at the cut")
}

// TestAddDerivedKeepsPiecesVisible: a value a signer derived is masked
// whole but its URL pieces are not masked alone (they are the signer's
// own words and dates); a secret added with Add keeps its pieces masked.
func TestAddDerivedKeepsPiecesVisible(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	auth := "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261206/eu-west-1/execute-api/aws4_request, SignedHeaders=host, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
	r.AddDerived(auth)
	assert.Equal(t, "Authorization: ***", r.Redact("Authorization: "+auth))
	assert.Equal(t, "X-Amz-Date: 20261206T060902Z, https://x.execute-api.eu-west-1.amazonaws.com/aws4_request",
		r.Redact("X-Amz-Date: 20261206T060902Z, https://x.execute-api.eu-west-1.amazonaws.com/aws4_request"))
	r.Add("secret-part/other-part-9")
	assert.Equal(t, "p=***", r.Redact("p=other-part-9"), "a secret's piece is still masked alone")
}

// TestNamesSecret: a name holds a secret when it is one (in any form
// Redact masks) or holds eight characters of one; a short secret inside
// an ordinary name does not make the name a secret.
func TestNamesSecret(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("api", `Vq7"<Zk&9>'Lm%2Fx`)
	for name, want := range map[string]bool{
		"api": true, "apiPath": false, "rapid": false, `Vq7"<Zk&9>'Lm%2Fx`: true, `x_Vq7"<Zk&9>'Lm%2Fx_y`: true,
		`Vq7%22%3CZk%269%3E'Lm%252Fx`: true, "plain": false, "": false,
	} {
		assert.Equal(t, want, r.NamesSecret(name), name)
	}
}
