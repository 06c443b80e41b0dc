package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/courier-run/courier/collections"
)

// TestAuthJSONAsNewman: an auth block in the report (the collection's
// items and the request sent) is written as Newman 6.2.2 writes it:
// each parameter as postman-collection's Variable (type, value, key) with
// its declared type or "any", then the lists the block gives the types it
// does not select (recorded from Newman on fresh-round7v-a's collection).
func TestAuthJSONAsNewman(t *testing.T) {
	t.Parallel()
	a := &collections.Auth{Type: "bearer"}
	a.SetParam("token", "t1", "string", false)
	basic := &collections.Auth{Type: "basic"}
	basic.SetParam("username", "vv", "string", false)
	basic.Set("password", "p")
	apikey := &collections.Auth{Type: "apikey"}
	apikey.Set("key", "X-K")
	apikey.SetParam("n", "5", "", true)
	a.Others = []*collections.Auth{basic, apikey}
	want := `{"type":"bearer","bearer":[{"type":"string","value":"t1","key":"token"}],` +
		`"basic":[{"type":"string","value":"vv","key":"username"},{"type":"any","value":"p","key":"password"}],` +
		`"apikey":[{"type":"any","value":"X-K","key":"key"},{"type":"any","value":5,"key":"n"}]}`
	assert.JSONEq(t, want, string(authJSON(a)))
	assert.Equal(t, want, string(authJSON(a)), "key order")
	assert.Equal(t, want, string(sentAuthJSON(a, nil)), "the request sent")

	d := &collections.Auth{Type: "digest"}
	d.SetParam("username", "u", "string", false)
	d.Set("realm", "Users")
	d.Set("nonce", "n1")
	assert.Equal(t, `{"type":"digest","digest":[{"type":"string","value":"u","key":"username"},`+
		`{"type":"any","value":"Users","key":"realm","system":true},{"type":"any","value":"n1","key":"nonce","system":true}]}`,
		string(sentAuthJSON(d, map[string]bool{"username": true})), "what a challenge taught is marked system")
}

// TestCollectionDescriptionsAsNewman: the report's collection carries a
// collection variable's description and a request item's own description
// (beside its request's), as Newman 6.2.2's report does.
func TestCollectionDescriptionsAsNewman(t *testing.T) {
	t.Parallel()
	c, err := collections.LoadBytes([]byte(`{"info": {"name": "d"},
"variable": [{"key": "v", "value": "1", "description": "var desc"}, {"key": "w", "value": "2"}],
"item": [{"name": "r", "description": "item desc", "request": {"url": "http://x.test/", "description": "req desc"}}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	p := collectionJSON(c, nil, nil, nil)
	d := func(s string) string { return `{"content":"` + s + `","type":"text/plain"}` }
	assert.Equal(t, d("var desc"), string(p.Variable[0].Description))
	assert.Empty(t, p.Variable[1].Description)
	assert.Equal(t, d("item desc"), string(p.Item[0].Description))
	assert.Equal(t, d("req desc"), string(p.Item[0].Request.Description))
}
