package environments

import (
	"fmt"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
)

// deepCollection is a chain of depth folders, each with a pre-request
// script, around one request: the shape that once made preflight cubic.
func deepCollection(tb testing.TB, depth int) *collections.Collection {
	tb.Helper()
	var b strings.Builder
	b.WriteString(`{"info":{"name":"deep","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[`)
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, `{"name":"f%d","event":[{"listen":"prerequest","script":{"exec":["pm.variables.get('y%d')"]}}],"item":[`, i, i%7)
	}
	b.WriteString(`{"name":"req","request":{"method":"GET","url":"{{baseUrl}}/get?x={{x}}"}}`)
	b.WriteString(strings.Repeat("]}", depth))
	b.WriteString("]}")
	c, err := collections.Load(strings.NewReader(b.String()), "deep.json")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// BenchmarkPreflightDeep measures preflight on deeply nested folders; it
// grows linearly with depth (10,000 levels take about ten times as long as
// 1,000).
func BenchmarkPreflightDeep(b *testing.B) {
	for _, depth := range []int{1000, 10000} {
		c := deepCollection(b, depth)
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if probs := Preflight(c, nil, PreflightInput{}); len(probs) == 0 {
					b.Fatal("no problems found")
				}
			}
		})
	}
}
