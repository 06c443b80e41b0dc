package scripting

import (
	_ "embed"
	"encoding/json"
	"strconv"
	"sync"
)

// httpReasonsJSON is the http-reasons package's table (Apache-2.0, see
// js/http-reasons.LICENSE.md): the status names and long descriptions
// postman-collection gives in responseCode and pm.response.details().
//
//go:embed js/http-reasons.json
var httpReasonsJSON []byte

var (
	reasonsOnce sync.Once
	reasons     map[string]struct{ Name, Detail string }
)

// httpReason returns the standard name and description of a status code.
func httpReason(code int) (name, detail string, ok bool) {
	reasonsOnce.Do(func() { _ = json.Unmarshal(httpReasonsJSON, &reasons) })
	r, ok := reasons[strconv.Itoa(code)]
	return r.Name, r.Detail, ok
}

// mimeExtJSON maps each media type to its file extension as mime-types'
// extension() gives it (mime-db's data, MIT, see js/mime-ext.LICENSE.md);
// contentInfo() names a response's file with it.
//
//go:embed js/mime-ext.json
var mimeExtJSON []byte

var (
	mimeExtOnce sync.Once
	mimeExts    map[string]string
)

// mimeExtension returns the file extension of a media type, or "".
func mimeExtension(mediaType string) string {
	mimeExtOnce.Do(func() { _ = json.Unmarshal(mimeExtJSON, &mimeExts) })
	return mimeExts[mediaType]
}
