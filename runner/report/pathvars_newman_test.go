package report

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
)

// TestPathVariablesAsNewman: a collection item's path variables in the
// JSON report as Newman 6.2.2 wrote them for this collection (recorded on
// 2026-12-06 against the echo server, three times alike): id, name and disabled as the file
// gave them (a number, null), description, type, value, key, system last.
func TestPathVariablesAsNewman(t *testing.T) {
	t.Parallel()
	const coll = `{"info": {"name": "pv", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
 "item": [{"name": "p", "request": {"method": "GET", "url": {"raw": "http://127.0.0.1:5599/get/:a/:b/:c",
  "protocol": "http", "host": ["127", "0", "0", "1"], "port": "5599", "path": ["get", ":a", ":b", ":c"],
  "variable": [
   {"id": "va", "key": "a", "value": "1", "name": "Nm", "type": "string", "description": "d"},
   {"key": "b", "value": "2", "disabled": null, "system": true, "id": 7},
   {"key": "c", "value": "3", "disabled": true}]}}}]}`
	const newman = `[{"id":"va","name":"Nm","description":{"content":"d","type":"text/plain"},"type":"string","value":"1","key":"a"},` +
		`{"id":7,"disabled":null,"type":"any","value":"2","key":"b","system":true},` +
		`{"disabled":true,"type":"any","value":"3","key":"c"}]`
	c, err := collections.LoadBytes([]byte(coll), "pv.json")
	require.NoError(t, err)
	u := itemURLJSON(c.Items[0].Request.URL, func(s string) string { return s })
	got, err := json.Marshal(u.Variable)
	require.NoError(t, err)
	assert.JSONEq(t, newman, string(got))
	assert.Equal(t, newman, string(got), "keys in Newman's order")
}
