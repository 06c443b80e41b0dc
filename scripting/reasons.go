package scripting

import (
	_ "embed"
	"encoding/json"
	"strconv"
	"sync"

	"github.com/courier-run/courier/internal/httpreasons"
)

// httpReason returns the standard name and description of a status code
// (the http-reasons table postman-collection uses).
func httpReason(code int) (name, detail string, ok bool) {
	return httpreasons.Lookup(strconv.Itoa(code))
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

// StatusName is the name postman-collection gives a response whose status
// line has no reason phrase: http-reasons' name for the code ("Request
// Entity Too Large", "I'm a teapot (RFC 2324)", "Network connect timeout
// error[23]"), not Node's or Go's, and "" for a code the table lacks (the
// response's status is then undefined). Newman 6.2.2's answers:
// fresh-round13t-a.
func StatusName(code int) string {
	name, _, _ := httpReason(code)
	return name
}
