package collections

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestSaveExportWritesDescriptionsAsNewman: --export-collection writes every
// description as postman-collection's {content, type}, as Newman 6.2.2's
// export does (the collection's, a folder's, an item's, a request's, a
// variable's, a header's and a query parameter's), and loads back the same.
func TestSaveExportWritesDescriptionsAsNewman(t *testing.T) {
	t.Parallel()
	src := `{"info": {"name": "d", "description": "coll", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"variable": [{"key": "v", "value": "1", "description": "var"}],
"item": [{"name": "r", "description": "item", "request": {"method": "GET", "description": "req",
  "header": [{"key": "h", "value": "1", "description": "hd"}],
  "url": {"raw": "http://x.test/:id?q=1", "host": ["x", "test"], "path": [":id"], "query": [{"key": "q", "value": "1", "description": "qd"}],
          "variable": [{"key": "id", "value": "7", "description": "pv"}]}}},
 {"name": "f", "description": "folder", "item": []}]}`
	c, err := LoadBytes([]byte(src), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := SaveExport(&buf, c); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Info     struct{ Description any }
		Variable []struct{ Description any }
		Item     []struct {
			Description any
			Request     *struct {
				Description any
				Header      []struct{ Description any }
				URL         struct {
					Query    []struct{ Description any }
					Variable []struct{ Description any }
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	obj := func(s string) any { return map[string]any{"content": s, "type": "text/plain"} }
	r := got.Item[0].Request
	eq(t, "descriptions", []any{got.Info.Description, got.Variable[0].Description, got.Item[0].Description, r.Description,
		r.Header[0].Description, r.URL.Query[0].Description, r.URL.Variable[0].Description, got.Item[1].Description},
		[]any{obj("coll"), obj("var"), obj("item"), obj("req"), obj("hd"), obj("qd"), obj("pv"), obj("folder")})

	again, err := LoadBytes(buf.Bytes(), "export.json")
	if err != nil {
		t.Fatal(err)
	}
	var plain, back bytes.Buffer
	if err := Save(&plain, c); err != nil {
		t.Fatal(err)
	}
	if err := Save(&back, again); err != nil {
		t.Fatal(err)
	}
	eq(t, "loads back", back.String(), plain.String())
}
