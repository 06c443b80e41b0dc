package wire

import (
	"bytes"
	"testing"
)

// FuzzNodeHead feeds hostile response heads to Node's head rules: no
// input may panic, goHead must keep a head's lines (it only drops a
// Transfer-Encoding line or rewrites one), and a head goHead leaves alone
// comes back as it was.
func FuzzNodeHead(f *testing.F) {
	for _, s := range []string{
		"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
		"HTTP/1.1 204 \r\nX: a\x01b\r\n\r\n",
		"HTTP/1.0 99 x\nTransfer-Encoding: gzip\n\n",
		"HTTP/1.1 200 OK\r\n Folded: x\r\n\r\n",
		"HTTP/1.1 2000 OK\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		head := rawHead(data)
		if head == nil {
			return
		}
		if !bytes.HasPrefix(data, head) {
			t.Fatalf("rawHead %q is not a prefix of %q", head, data)
		}
		_ = checkHead(head, false)
		_ = checkHead(head, true)
		_ = checkAfterBodiless(data[len(head):])
		out, changed := goHead(head)
		if !changed && !bytes.Equal(out, head) {
			t.Fatalf("goHead changed %q to %q and said it did not", head, out)
		}
		if bytes.Count(out, []byte("\n")) > bytes.Count(head, []byte("\n")) {
			t.Fatalf("goHead added lines: %q from %q", out, head)
		}
	})
}
