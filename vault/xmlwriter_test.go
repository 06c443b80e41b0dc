package vault

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testKeepAttrs = map[string]bool{"tests": true, "time": true, "timestamp": true}

func xmlRedact(t *testing.T, r *Redactor, in string, bytewise bool) string {
	t.Helper()
	var out bytes.Buffer
	writePieces(t, r.XMLWriter(&out, testKeepAttrs), []byte(in), bytewiseOrWhole(bytewise, in))
	return out.String()
}

// TestXMLWriter: character data, CDATA, comments and attribute values are
// masked as text, never inside a character reference; the program's own
// counts and times (kept attributes) and the declaration stay as written.
func TestXMLWriter(t *testing.T) {
	t.Parallel()
	const decl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	tests := []struct {
		name    string
		secrets []string
		in      string
		want    string
	}{
		{"kept attributes", []string{"200"},
			decl + `<testsuites name="200 tests" tests="200" time="0.200"><testcase name="x" time="1.200" id="a-200"/></testsuites>`,
			decl + `<testsuites name="*** tests" tests="200" time="0.200"><testcase name="x" time="1.200" id="a-***"/></testsuites>`},
		{"character data and CDATA", []string{"s3cret-Value"},
			`<a>x s3cret-Value y<b><![CDATA[in s3cret-Value ]]]]><![CDATA[> out]]></b><!-- s3cret-Value --></a>`,
			`<a>x *** y<b><![CDATA[in *** ]]]]><![CDATA[> out]]></b><!-- *** --></a>`},
		{"escaped forms", []string{`a&b<"c`}, `<a m="a&amp;b&lt;&quot;c">a&amp;b&lt;"c</a>`, `<a m="***">***</a>`},
		{"a mask never cuts a reference", []string{"quot;x", "amp;yz"}, `<a m="&quot;x">&amp;yz &amp;yz</a>`, `<a m="***">*** ***</a>`},
		{"the declaration is the program's", []string{"UTF-8"}, decl + `<a>UTF-8</a>`, decl + `<a>***</a>`},
		{"a declaration later is not XML", []string{"s3cret"}, `<a/><?xml s3cret?>`, `<a/><?xml ***?>`},
		{"not XML is masked as text", []string{"s3cret"}, `plain s3cret <<s3cret`, `plain *** <<***`},
		{"no secrets", nil, decl + `<a tests="1">b</a>`, decl + `<a tests="1">b</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := NewRedactor()
			r.Add(tt.secrets...)
			assert.Equal(t, tt.want, xmlRedact(t, r, tt.in, false))
			assert.Equal(t, tt.want, xmlRedact(t, r, tt.in, true), "written a byte at a time")
		})
	}
}

// TestXMLWriterStaysXML: random JUnit-like documents with secrets in
// names, messages, CDATA and counts, written in random pieces, stay
// well-formed with no secret in any text or attribute but the kept ones.
func TestXMLWriterStaysXML(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(17, 3))
	secrets := []string{"200", `q"<&>'%x`, "amp;lt", "Zk9]]>sec"}
	r := NewRedactor()
	r.Add(secrets...)
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	pick := func() string {
		return []string{"", "x ", "&", "]]", ";"}[rng.IntN(5)] + secrets[rng.IntN(len(secrets))] + []string{"", " y", "]", ">"}[rng.IntN(4)]
	}
	for i := range 300 {
		var doc strings.Builder
		doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		fmt.Fprintf(&doc, `<testsuites name="%s" tests="200" time="0.200">`+"\n", esc(pick()))
		for range rng.IntN(4) {
			fmt.Fprintf(&doc, `  <testcase name="%s" time="1.200"><failure message="%s">%s<![CDATA[%s]]></failure></testcase>`+"\n",
				esc(pick()), esc(pick()), esc(pick()), strings.ReplaceAll(pick(), "]]>", "]]]]><![CDATA[>"))
		}
		doc.WriteString("</testsuites>\n")
		in := []byte(doc.String())
		var out bytes.Buffer
		writePieces(t, r.XMLWriter(&out, testKeepAttrs), in, func() int { return 1 + rng.IntN(9) })
		dec := xml.NewDecoder(bytes.NewReader(out.Bytes()))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, "doc %d:\n%s\nout:\n%s", i, in, out.String())
			var texts []string
			switch tok := tok.(type) {
			case xml.CharData:
				texts = append(texts, string(tok))
			case xml.StartElement:
				for _, a := range tok.Attr {
					if !testKeepAttrs[a.Name.Local] {
						texts = append(texts, a.Value)
					} else {
						assert.Contains(t, []string{"200", "0.200", "1.200"}, a.Value, "doc %d: a kept attribute changed", i)
					}
				}
			}
			for _, txt := range texts {
				for _, s := range secrets {
					assert.NotContains(t, txt, s, "doc %d", i)
				}
			}
		}
	}
}

// wellFormed reports whether s parses as XML to its end.
func wellFormed(s string) bool {
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// FuzzXMLWriter: well-formed XML stays well-formed, and no character data
// or attribute value (but the kept ones) holds the secret once decoded.
func FuzzXMLWriter(f *testing.F) {
	f.Add(`<?xml version="1.0"?><a tests="200" n="x 200">200 &amp;<![CDATA[200]]></a>`, "200", uint8(2))
	f.Add(`<a m="q&quot;&lt;x">q"&lt;x</a>`, `q"<x`, uint8(5))
	f.Fuzz(func(t *testing.T, doc, secret string, chunk uint8) {
		if !fuzzable(secret, doc) || !wellFormed(doc) {
			return
		}
		r := NewRedactor()
		r.Add(secret)
		var out bytes.Buffer
		writePieces(t, r.XMLWriter(&out, testKeepAttrs), []byte(doc), pieceSize(int(chunk%16)+1))
		if !wellFormed(out.String()) {
			// Markup the writer does not read (a DOCTYPE, a processing
			// instruction) is masked as text, which may break it; the
			// secret must still be gone.
			if strings.Contains(out.String(), secret) && !strings.Contains(doc, "<!DOCTYPE") {
				t.Fatalf("not XML, and the secret %q is in it:\n%s\n%s", secret, doc, out.String())
			}
			return
		}
		if allDigits(secret) {
			return // a number inside a longer one is kept (TestRedactNumericSecret)
		}
		dec := xml.NewDecoder(bytes.NewReader(out.Bytes()))
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			var texts []string
			switch tok := tok.(type) {
			case xml.CharData:
				texts = append(texts, string(tok))
			case xml.Comment:
				texts = append(texts, string(tok))
			case xml.StartElement:
				for _, a := range tok.Attr {
					if !testKeepAttrs[a.Name.Local] {
						texts = append(texts, a.Value)
					}
				}
			}
			for _, s := range texts {
				if strings.Contains(s, secret) {
					t.Fatalf("the secret %q is in %q:\n%s\n%s", secret, s, doc, out.String())
				}
			}
		}
	})
}
