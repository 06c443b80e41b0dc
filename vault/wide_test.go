package vault

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
)

// TestRedactBytesMasksWideText: a secret in a body in UTF-16 or UTF-32
// (either byte order) is masked in the body's bytes, by the mask in the
// same form, so the body still decodes and the text after it keeps its
// place; a body without NULs is masked as text, and one with no secret
// comes back as it was.
func TestRedactBytesMasksWideText(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("Sëcret-🔑-42", "plain-token-9")
	enc := func(s string, width int, order binary.AppendByteOrder) []byte {
		var b []byte
		if width == 2 {
			for _, u := range utf16.Encode([]rune(s)) {
				b = order.AppendUint16(b, u)
			}
			return b
		}
		for _, c := range s {
			b = order.AppendUint32(b, uint32(c))
		}
		return b
	}
	for _, width := range []int{2, 4} {
		for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
			name := order.String() + map[int]string{2: "/utf16", 4: "/utf32"}[width]
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				body := enc("k=Sëcret-🔑-42&t=plain-token-9 Sëcret-🔑-42Sëcret-🔑-42 end", width, order) // touching: one mask
				got := r.RedactBytes(body)
				assert.Equal(t, string(enc("k=***&t=*** *** end", width, order)), string(got))
				// A match at an odd place is widened to whole code units:
				// what follows keeps its alignment.
				odd := append([]byte{'x'}, enc("Sëcret-🔑-42 ok", width, order)...)
				assert.True(t, strings.HasSuffix(string(r.RedactBytes(odd)), string(enc(" ok", width, order))))
			})
		}
	}
	assert.Equal(t, "a *** b", string(r.RedactBytes([]byte("a Sëcret-🔑-42 b"))))
	clean := enc("nothing secret", 2, binary.LittleEndian)
	assert.Same(t, &clean[0], &r.RedactBytes(clean)[0], "no copy without a secret")
	assert.Empty(t, NewRedactor().RedactBytes(nil))
}

// BenchmarkRedactBodyBytes: a 64 KiB response body's bytes masked as the
// event sink did before RedactBytes (Redact of the bytes as a string) and
// with RedactBytes, for a UTF-8 body (no NUL: one more byte scan) and the
// same text in UTF-16 (four more needles a value).
func BenchmarkRedactBodyBytes(b *testing.B) {
	r := NewRedactor()
	r.Add(`Vq7"<Zk&9>'Lm%2Fx Rt4`, "plain-secret-value-123", "CaseSecret")
	var sb strings.Builder
	for sb.Len() < 64<<10 {
		sb.WriteString(`{"id":12345,"name":"a user name","email":"someone@example.test","tags":["x","y"]},`)
	}
	var wide []byte
	for _, u := range utf16.Encode([]rune(sb.String())) {
		wide = binary.LittleEndian.AppendUint16(wide, u)
	}
	for _, body := range []struct {
		name string
		b    []byte
	}{{"utf8", []byte(sb.String())}, {"utf16", wide}} {
		b.Run(body.name+"/string", func(b *testing.B) {
			b.SetBytes(int64(len(body.b)))
			b.ReportAllocs()
			for b.Loop() {
				if s := string(body.b); r.Redact(s) != s {
					b.Fatal("masked")
				}
			}
		})
		b.Run(body.name+"/bytes", func(b *testing.B) {
			b.SetBytes(int64(len(body.b)))
			b.ReportAllocs()
			for b.Loop() {
				_ = r.RedactBytes(body.b)
			}
		})
	}
}
