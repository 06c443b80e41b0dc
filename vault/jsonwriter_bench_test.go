package vault

import (
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// reportLike is a JSON document shaped like a run report: many short keys
// and strings, header lists, and bodies as byte arrays.
func reportLike(n int) []byte {
	type kv struct{ Key, Value string }
	type exec struct {
		Cursor   map[string]any `json:"cursor"`
		Request  map[string]any `json:"request"`
		Response map[string]any `json:"response"`
	}
	body := make([]int, 400)
	for i := range body {
		body[i] = 32 + i%90
	}
	var execs []exec
	for i := range n {
		execs = append(execs, exec{
			Cursor:  map[string]any{"position": i, "iteration": 0, "length": n, "eof": false, "ref": "4f72bcc0-948d-5cc3-8075-84714ac93b04"},
			Request: map[string]any{"url": "http://127.0.0.1:18080/get?x=" + strings.Repeat("a", i%20), "header": []kv{{"User-Agent", "PostmanRuntime/7.39.1"}, {"Accept", "*/*"}, {"Host", "127.0.0.1:18080"}}},
			Response: map[string]any{"code": 200, "status": "OK", "responseTime": 12, "responseSize": 400,
				"header": []kv{{"Content-Type", "application/json"}, {"Date", "Sat, 05 Dec 2026 15:01:14 GMT"}},
				"stream": map[string]any{"type": "Buffer", "data": body}},
		})
	}
	b, _ := json.Marshal(map[string]any{"run": map[string]any{"executions": execs}})
	return b
}

func benchRedactors(b *testing.B, wrap func(r *Redactor, w io.Writer) io.Writer) {
	doc := reportLike(200)
	r := NewRedactor()
	r.Add("Vq7\"<Zk&9>'Lm%2Fx Rt4+Wn8=Hy3/Jb6@Pd1!Cs5~", "2048")
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		w := wrap(r, io.Discard)
		for rest := doc; len(rest) > 0; {
			n := min(len(rest), 4096)
			w.Write(rest[:n])
			rest = rest[n:]
		}
		w.(interface{ Flush() error }).Flush()
	}
}

// BenchmarkReportWriterText is the plain second net the JSON report had.
func BenchmarkReportWriterText(b *testing.B) {
	benchRedactors(b, func(r *Redactor, w io.Writer) io.Writer { return r.Writer(w) })
}

// BenchmarkReportWriterJSON is the JSON-aware second net.
func BenchmarkReportWriterJSON(b *testing.B) {
	keep := JSONScalars{Keep: map[string]bool{"position": true, "iteration": true, "length": true, "eof": true, "code": true,
		"responseTime": true, "responseSize": true, "data": true}, Data: map[string]bool{"value": true}}
	b.Run("bodies kept", func(b *testing.B) {
		benchRedactors(b, func(r *Redactor, w io.Writer) io.Writer { return r.JSONWriter(w, keep) })
	})
	// The report's configuration since session 20: bodies masked again.
	keep.Bytes = map[string]bool{"data": true}
	b.Run("bodies masked", func(b *testing.B) {
		benchRedactors(b, func(r *Redactor, w io.Writer) io.Writer { return r.JSONWriter(w, keep) })
	})
}
