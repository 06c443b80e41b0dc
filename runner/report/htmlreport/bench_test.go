package htmlreport

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkRender10k renders a 10,000-request report (about 10 MB of JSON).
func BenchmarkRender10k(b *testing.B) {
	src := synthReport(10_000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, bytes.NewReader(src), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
