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

// binaryBody is n bytes shaped like a binary file (records of small
// little-endian integers, so NULs in pairs, and pseudo-random bytes), the
// same every call.
func binaryBody(n int) []byte {
	var b []byte
	x := uint32(2463534242)
	for i := uint32(0); len(b) < n; i++ {
		b = binary.LittleEndian.AppendUint32(b, i)
		b = binary.LittleEndian.AppendUint16(b, uint16(i%300))
		for range 26 {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			b = append(b, byte(x))
		}
	}
	return b[:n]
}

// BenchmarkRedactBodyBytes: a 64 KiB response body's bytes masked as the
// event sink did before RedactBytes (Redact of the bytes as a string) and
// with RedactBody, for a UTF-8 body, the same text in UTF-16 (declared:
// two more needles a value; undeclared: found by its look, four) and a
// binary body holding NULs (one look at its first 512 bytes).
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
	// The charset as the body's Content-Type declares it: a binary body's
	// (application/octet-stream) names none, which reads as utf8.
	for _, body := range []struct {
		name, charset string
		b             []byte
	}{{"utf8", "utf8", []byte(sb.String())}, {"utf16", "ucs2", wide}, {"utf16-undeclared", "", wide},
		{"binary", "utf8", binaryBody(64 << 10)}} {
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
				_ = r.RedactBody(body.b, body.charset)
			}
		})
	}
}

// TestRedactBodyKeysOnCharset: a body that declares UTF-16 or UTF-32 is
// searched for that width (no NUL needed, no guess); one that declares
// none is searched for both when it starts with a byte order mark or looks
// like wide text; a binary body (NULs here and there) is searched for
// both too.
func TestRedactBodyKeysOnCharset(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("Sëcret-🔑-42")
	u16 := func(s string, order binary.AppendByteOrder) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = order.AppendUint16(b, u)
		}
		return b
	}
	u32 := func(s string, order binary.AppendByteOrder) []byte {
		var b []byte
		for _, c := range s {
			b = order.AppendUint32(b, uint32(c))
		}
		return b
	}
	le, be := binary.LittleEndian, binary.BigEndian
	for _, c := range []struct {
		name, charset string
		enc           func(string, binary.AppendByteOrder) []byte
		order         binary.AppendByteOrder
	}{
		{"declared utf-16le", "ucs2", u16, le},
		{"declared utf-16be", "utf16be", u16, be},
		{"declared utf-16, big-endian", "utf16", u16, be},
		{"declared utf-32le", "utf32le", u32, le},
		{"declared utf-32, big-endian", "utf32", u32, be},
		{"undeclared utf-16le", "", u16, le},
		{"undeclared utf-32be", "utf8", u32, be},
	} {
		body := c.enc("id=1 k=Sëcret-🔑-42 end", c.order)
		assert.Equal(t, string(c.enc("id=1 k=*** end", c.order)), string(r.RedactBody(body, c.charset)), c.name)
	}
	// CJK in UTF-16 has no NUL: without a charset it is not guessed, with
	// one it is masked.
	cjk := u16("中文中文中文Sëcret-🔑-42中文", be)
	assert.Equal(t, string(u16("中文中文中文***中文", be)), string(r.RedactBody(cjk, "utf16be")))
	// A byte order mark is enough.
	bom := append([]byte{0xfe, 0xff}, cjk...)
	assert.Equal(t, string(append([]byte{0xfe, 0xff}, u16("中文中文中文***中文", be)...)), string(r.RedactBody(bom, "")))
	// Binary (it holds NULs): a UTF-16 or UTF-32 form deep inside, in
	// either byte order, is masked too, and the UTF-8 form as ever.
	bin := append(binaryBody(4096), u16("Sëcret-🔑-42", le)...)
	bin = append(append(bin, binaryBody(1000)...), u16("Sëcret-🔑-42", be)...)
	bin = append(append(bin, u32("Sëcret-🔑-42", le)...), binaryBody(999)...)
	bin = append(append(bin, u32("Sëcret-🔑-42", be)...), "Sëcret-🔑-42"...)
	assert.False(t, looksWide(bin))
	got := string(r.RedactBody(bin, ""))
	assert.False(t, strings.Contains(got, string(u16("Sëcret-🔑-42", le))), "UTF-16LE deep in binary")
	assert.False(t, strings.Contains(got, string(u16("Sëcret-🔑-42", be))), "UTF-16BE deep in binary")
	assert.True(t, strings.Contains(got, string(u16("***", le))), "masked in its own width")
	assert.False(t, strings.Contains(got, string(u32("Sëcret-🔑-42", le))), "UTF-32LE deep in binary")
	assert.False(t, strings.Contains(got, string(u32("Sëcret-🔑-42", be))), "UTF-32BE deep in binary")
	assert.True(t, strings.Contains(got, string(u32("***", be))), "masked in its own width")
	assert.True(t, strings.HasSuffix(got, "***"))
	// A body without a NUL cannot hold a UTF-16 form with one, and is not
	// searched: UTF-8 text pays one IndexByte.
	assert.Equal(t, 0, wideWidths([]byte("plain UTF-8 text, Sëcret"), "utf8"))
	// Declared binary (octet-stream names no charset) that is wide text
	// after all is still found by its look.
	assert.NotContains(t, string(r.RedactBody(u16(strings.Repeat("text ", 40)+"Sëcret-🔑-42", le), "")), string(u16("Sëcret", le)))
}

// TestLooksWide: wide text of Latin letters in either width and byte
// order, with or without a mark, looks wide; UTF-8 and binary records do
// not.
func TestLooksWide(t *testing.T) {
	t.Parallel()
	text := `{"id":12345,"name":"a user name","email":"someone@example.test"}`
	var w16le, w16be, w32le, w32be []byte
	for _, u := range utf16.Encode([]rune(text)) {
		w16le = binary.LittleEndian.AppendUint16(w16le, u)
		w16be = binary.BigEndian.AppendUint16(w16be, u)
		w32le = binary.LittleEndian.AppendUint32(w32le, uint32(u))
		w32be = binary.BigEndian.AppendUint32(w32be, uint32(u))
	}
	for name, b := range map[string][]byte{"utf16le": w16le, "utf16be": w16be, "utf32le": w32le, "utf32be": w32be,
		"odd start": append([]byte{'x'}, w16le...), "bom only": {0xff, 0xfe, 0x2d, 0x4e}} {
		assert.True(t, looksWide(b), name)
	}
	for name, b := range map[string][]byte{"utf8": []byte(text), "binary": binaryBody(64 << 10), "zeros": make([]byte, 600),
		"empty": nil, "one NUL": []byte(text + "\x00" + text)} {
		assert.False(t, looksWide(b), name)
	}
}
