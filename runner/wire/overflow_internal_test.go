package wire

import (
	"fmt"
	"strings"
	"testing"
)

// TestOverflowAt: where Node's parser stops in a head over the limit given
// at once, as Newman 6.2.2 reported it for these heads
// (fresh-round12n-h.json): just past the reason, name or value whose
// length took the count to 16 KiB.
func TestOverflowAt(t *testing.T) {
	t.Parallel()
	head := func(lines, value, name, reason int) []byte {
		var b strings.Builder
		fmt.Fprintf(&b, "HTTP/1.1 200 %s\r\n", strings.Repeat("R", reason))
		for i := range lines {
			fmt.Fprintf(&b, "X-%s%d: %s\r\n", strings.Repeat("N", name), i, strings.Repeat("a", value))
		}
		b.WriteString("Content-Length: 2\r\n\r\nok")
		return []byte(b.String())
	}
	for _, c := range []struct {
		name                       string
		lines, value, nlen, reason int
		want                       int
	}{
		{"long value", 1, 20000, 0, 2, 20023},
		{"many lines", 200, 100, 0, 2, 17128},
		{"long name", 1, 5, 20000, 2, 20021},
		{"long reason", 1, 5, 0, 20000, 20014},
		{"limit at the next name", 1, 16370, 0, 2, 16409},
		{"third value", 3, 6000, 0, 2, 18037},
		{"under the limit", 150, 100, 0, 2, -1},
	} {
		at, ok := overflowAt(head(c.lines, c.value, c.nlen, c.reason), 16<<10)
		if !ok {
			at = -1
		}
		if at != c.want {
			t.Errorf("%s: %d, want %d", c.name, at, c.want)
		}
	}
}
