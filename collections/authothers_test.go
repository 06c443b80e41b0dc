package collections

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAuthKeepsOtherTypes: an auth block that lists other types' parameters
// beside the selected one keeps them, in the block's order, as
// postman-collection's RequestAuth does (lists and {key: value} objects;
// members that are not objects are not types), and a save writes them back
// after the selected type's list.
func TestAuthKeepsOtherTypes(t *testing.T) {
	t.Parallel()
	src := `{"info": {"name": "a", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item": [{"name": "r", "request": {"url": "http://x.test/", "auth": {
  "basic": [{"key": "username", "value": "u", "type": "string"}, {"key": "n", "value": 5}],
  "type": "bearer", "noauth": "text", "oauth2": null,
  "bearer": [{"key": "token", "value": "t"}],
  "apikey": {"key": "X-K", "value": "k"},
  "digest": [1, 2]}}}]}`
	c, err := LoadBytes([]byte(src), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	a := c.Items[0].Request.Auth
	eq(t, "type", a.Type, "bearer")
	eq(t, "selected", a.Params, map[string]string{"token": "t"})
	var types []string
	for _, o := range a.Others {
		types = append(types, o.Type)
	}
	// digest's list is not one courier can read: it is left out.
	eq(t, "other types", types, []string{"basic", "apikey"})
	basic := a.Other("basic")
	eq(t, "basic order", basic.Keys(), []string{"username", "n"})
	eq(t, "basic type", basic.ParamType("username"), "string")
	eq(t, "basic literal", basic.Literal["n"], true)
	eq(t, "apikey", a.Other("apikey").Params, map[string]string{"key": "X-K", "value": "k"})
	eq(t, "not listed", a.Other("oauth2") == nil, true)

	clone := a.Clone()
	clone.Other("basic").Params["username"] = "changed"
	eq(t, "clone is deep", basic.Params["username"], "u")

	var buf bytes.Buffer
	if err := Save(&buf, c); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Item []struct {
			Request struct {
				Auth json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, out.Item[0].Request.Auth); err != nil {
		t.Fatal(err)
	}
	eq(t, "saved", compact.String(),
		`{"type":"bearer","bearer":[{"key":"token","value":"t"}],"basic":[{"key":"username","value":"u","type":"string"},{"key":"n","value":5}],"apikey":[{"key":"key","value":"X-K"},{"key":"value","value":"k"}]}`)
	again, err := LoadBytes(buf.Bytes(), "saved.json")
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "loads back", again.Items[0].Request.Auth, a)
}
