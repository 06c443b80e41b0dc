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

// statusNames are Node's http.STATUS_CODES names for the codes the sandbox
// names a response's status by when the response gives none.
var statusNames = map[int]string{
	100: "Continue",
	101: "Switching Protocols",
	200: "OK",
	201: "Created",
	202: "Accepted",
	203: "Non-Authoritative Information",
	204: "No Content",
	205: "Reset Content",
	206: "Partial Content",
	300: "Multiple Choices",
	301: "Moved Permanently",
	302: "Found",
	303: "See Other",
	304: "Not Modified",
	307: "Temporary Redirect",
	308: "Permanent Redirect",
	400: "Bad Request",
	401: "Unauthorized",
	402: "Payment Required",
	403: "Forbidden",
	404: "Not Found",
	405: "Method Not Allowed",
	406: "Not Acceptable",
	407: "Proxy Authentication Required",
	408: "Request Timeout",
	409: "Conflict",
	410: "Gone",
	411: "Length Required",
	412: "Precondition Failed",
	413: "Payload Too Large",
	414: "URI Too Long",
	415: "Unsupported Media Type",
	416: "Range Not Satisfiable",
	417: "Expectation Failed",
	418: "I'm a teapot",
	422: "Unprocessable Entity",
	423: "Locked",
	424: "Failed Dependency",
	426: "Upgrade Required",
	428: "Precondition Required",
	429: "Too Many Requests",
	431: "Request Header Fields Too Large",
	451: "Unavailable For Legal Reasons",
	500: "Internal Server Error",
	501: "Not Implemented",
	502: "Bad Gateway",
	503: "Service Unavailable",
	504: "Gateway Timeout",
	505: "HTTP Version Not Supported",
	511: "Network Authentication Required",
}

// statusName is code's status name, "" for a code without one.
func statusName(code int) string { return statusNames[code] }
