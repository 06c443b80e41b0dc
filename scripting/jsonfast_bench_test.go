package scripting

import (
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkParseJSONFast is pm.response.json()'s reader alone on an
// echo-like 600-byte body.
func BenchmarkParseJSONFast(b *testing.B) {
	body := `{"args":{},"data":{"name":"pop-1","description":"a population for the bench","attributes":{"a":1,"b":[1,2,3]}},` +
		`"files":{},"form":{},"headers":{"host":"127.0.0.1:18080","user-agent":"PostmanRuntime/7.39.1","accept":"*/*",` +
		`"cache-control":"no-cache","postman-token":"0f6a8f0e-5c8a-4b8e-9b7e-2f1f0c7c9a11","accept-encoding":"gzip, deflate, br",` +
		`"connection":"keep-alive","content-type":"application/json","content-length":"96","authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.bench.token"},` +
		`"json":{"name":"pop-1","description":"a population for the bench","attributes":{"a":1,"b":[1,2,3]}},"url":"http://127.0.0.1:18080/post"}`
	rt := goja.New()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, ok := parseJSONFast(rt, body); !ok {
			b.Fatal("fell back")
		}
	}
}
