package scripting

import (
	"bytes"
	"testing"
)

func TestCompressionRoundTrip(t *testing.T) {
	t.Parallel()
	data := bytes.Repeat([]byte("hello courier "), 50)
	for _, format := range []string{"gzip", "deflate", "deflate-raw"} {
		packed, err := compressBytes(format, data)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		back, err := decompressBytes(format, packed)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("%s: round trip gave %q, %v", format, back, err)
		}
	}
	// Node's gzip header: no name, no time, OS 3 (Unix).
	packed, _ := compressBytes("gzip", []byte("abc"))
	if want := []byte{31, 139, 8, 0, 0, 0, 0, 0, 0, 3}; !bytes.Equal(packed[:10], want) {
		t.Errorf("gzip header %v, want %v", packed[:10], want)
	}
}

func TestDecompressionErrorsAsNode(t *testing.T) {
	t.Parallel()
	gz, _ := compressBytes("gzip", []byte("some text to cut short"))
	for _, tc := range []struct {
		name, format string
		in           []byte
		code         string
	}{
		{"not gzip", "gzip", []byte{1, 2, 3}, "Z_DATA_ERROR"},
		{"not zlib", "deflate", []byte{1, 2, 3}, "Z_DATA_ERROR"},
		{"cut short", "gzip", gz[:len(gz)-6], "Z_BUF_ERROR"},
	} {
		if _, err := decompressBytes(tc.format, tc.in); err == nil || err.Error() != tc.code {
			t.Errorf("%s: error %v, want %s", tc.name, err, tc.code)
		}
	}
}

// A small body that inflates past the cap is refused instead of filling
// memory.
func TestDecompressionIsCapped(t *testing.T) {
	t.Parallel()
	bomb, _ := compressBytes("deflate-raw", make([]byte, maxInflated+1024))
	if len(bomb) > 1<<20 {
		t.Fatalf("bomb is %d bytes", len(bomb))
	}
	if _, err := decompressBytes("deflate-raw", bomb); err != errInflatedTooLarge {
		t.Fatalf("error %v, want %v", err, errInflatedTooLarge)
	}
}
