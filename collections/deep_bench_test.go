package collections

import (
	"fmt"
	"strings"
	"testing"
)

func deepJSON(depth int) string {
	var b strings.Builder
	b.WriteString(`{"info":{"name":"deep","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[`)
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, `{"name":"f%d","event":[{"listen":"prerequest","script":{"exec":["1"]}}],"item":[`, i)
	}
	b.WriteString(`{"name":"req","request":{"method":"GET","url":"{{baseUrl}}/get"}}`)
	b.WriteString(strings.Repeat("]}", depth))
	b.WriteString("]}")
	return b.String()
}

// BenchmarkLoadDeep loads chains of nested folders: time per level stays
// flat (item paths for messages no longer grow with depth).
func BenchmarkLoadDeep(b *testing.B) {
	for _, depth := range []int{1000, 4000} {
		src := deepJSON(depth)
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Load(strings.NewReader(src), "deep.json"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDeepItemPathsStayShort: an error deep in the tree names a place of
// bounded length that still starts at the root and ends at the item.
func TestDeepItemPathsStayShort(t *testing.T) {
	t.Parallel()
	src := strings.Replace(deepJSON(3000), `"url":"{{baseUrl}}/get"`, `"url":5`, 1)
	_, err := Load(strings.NewReader(src), "deep.json")
	if err == nil {
		t.Fatal("a number as URL loads")
	}
	msg := err.Error()
	if len(msg) > 600 || !strings.Contains(msg, "item[0].item[0]") || !strings.Contains(msg, "…") {
		t.Fatalf("message: %s", msg)
	}
}
