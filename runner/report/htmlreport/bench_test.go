package htmlreport

import (
	"bytes"
	"io"
	"testing"

	"github.com/courier-run/courier/runner/report/jsonreport"
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

// BenchmarkReadJSON10k only decodes the same report (jsonreport.Read, as
// report merge does): the floor Render is measured against.
func BenchmarkReadJSON10k(b *testing.B) {
	src := synthReport(10_000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonreport.Read(bytes.NewReader(src), "bench"); err != nil {
			b.Fatal(err)
		}
	}
}
