package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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
	for _, depth := range []int{1000, 4000, 10000} {
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

// TestDeepDecodeMatchesDecoder: the split decoder builds exactly what the
// JSON decoder builds, on the repository's collections.
func TestDeepDecodeMatchesDecoder(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../testdata/pingone/*.postman_collection.json")
	more, _ := filepath.Glob("../testdata/examples/*.json")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("found only %d collections", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := decodeCollection(data)
		if err != nil {
			continue // not a collection
		}
		doc, err := decodeDeep(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got, err := convertDoc(doc)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: the split decoder differs", f)
		}
	}
}

// TestTenThousandLevels: a collection nested 10,000 folders deep (20,000
// JSON levels, twice what Go's decoder takes) loads, with every level.
func TestTenThousandLevels(t *testing.T) {
	t.Parallel()
	c, err := Load(strings.NewReader(deepJSON(10000)), "deep.json")
	if err != nil {
		t.Fatal(err)
	}
	depth := 0
	for items := c.Items; len(items) > 0; items = items[0].Items {
		depth++
		if items[0].Request != nil {
			if items[0].Request.URL.Raw != "{{baseUrl}}/get" {
				t.Fatalf("request %+v", items[0].Request.URL)
			}
			break
		}
	}
	if depth != 10001 {
		t.Fatalf("depth %d", depth)
	}
}

// FuzzDeepDecode: the split decoder never panics, and where the JSON
// decoder reads a v2 collection it builds the same one.
func FuzzDeepDecode(f *testing.F) {
	f.Add([]byte(deepJSON(3)))
	f.Add([]byte(`{"info":{"name":"x"},"item":[{"name":"f","item":[{"name":"r","request":"http://a/b"}]},{"name":"r2","request":{"url":"u","body":{"mode":"raw","raw":"{\"item\":[1]}"}}}]}`))
	f.Add([]byte(`{"item":[{"item":{"item":[]}},{"name":"\"item\"","item":[]}]}`))
	f.Add([]byte(`{"item":[{"name":"a","request":"u"}],"item":[{"name":"b","request":"v"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := decodeDeep(data)
		want, werr := decodeCollection(data)
		if werr != nil || err != nil || bytes.Contains(data, []byte(`"collection"`)) || duplicateKeys(data) {
			// Errors may be worded differently; the wrapper is not split;
			// with a repeated key the decoder merges the two values into
			// one (a quirk not worth copying).
			return
		}
		got, gerr := convertDoc(doc)
		if gerr != nil {
			t.Fatalf("split decoder fails where the decoder does not: %v", gerr)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("split decoder differs on %q", data)
		}
	})
}

// duplicateKeys reports whether some object in JSON text repeats a key.
func duplicateKeys(data []byte) bool {
	type level struct {
		object, expectKey bool
		keys              map[string]bool
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*level
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *level
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				if top != nil && top.object {
					top.expectKey = true // the container was a value
				}
				stack = append(stack, &level{object: v == '{', expectKey: v == '{', keys: map[string]bool{}})
			default:
				stack = stack[:len(stack)-1]
			}
		default:
			if top == nil || !top.object {
				continue
			}
			if top.expectKey {
				k, _ := v.(string)
				if top.keys[k] {
					return true
				}
				top.keys[k] = true
				top.expectKey = false
			} else {
				top.expectKey = true
			}
		}
	}
}
