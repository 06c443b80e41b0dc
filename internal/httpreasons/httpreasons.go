// Package httpreasons holds the http-reasons package's table (Apache-2.0,
// see http-reasons.LICENSE.md): the HTTP status names and long descriptions
// postman-collection gives a response (its status when a saved example has
// only a code, responseCode and pm.response.details() in scripts).
package httpreasons

import (
	_ "embed"
	"encoding/json"
	"sync"
)

//go:embed http-reasons.json
var table []byte

var (
	once    sync.Once
	reasons map[string]struct{ Name, Detail string }
)

// Lookup returns the standard name and description of a status code given
// as its decimal text ("201"), as http-reasons' lookup finds it; false for a
// code the table does not have.
func Lookup(code string) (name, detail string, ok bool) {
	once.Do(func() { _ = json.Unmarshal(table, &reasons) })
	r, ok := reasons[code]
	return r.Name, r.Detail, ok
}
