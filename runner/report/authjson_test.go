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
