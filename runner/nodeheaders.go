package runner

import (
	"slices"
	"strings"

	"github.com/courier-run/courier/collections"
)

// nodeSingle are the response headers Node keeps only the first of when a
// response repeats them (http.IncomingMessage's headers).
var nodeSingle = map[string]bool{
	"age": true, "authorization": true, "content-length": true, "content-type": true, "etag": true,
	"expires": true, "from": true, "host": true, "if-modified-since": true, "if-unmodified-since": true,
	"last-modified": true, "location": true, "max-forwards": true, "proxy-authorization": true,
	"referer": true, "retry-after": true, "server": true, "user-agent": true,
}

// nodeHeaders is a response's header list as Postman CLI's newer runtime
// (v12 runs) gives it to scripts: Node's message.headers, names in lower
// case, in the order each name first came; a repeated header joined with
// ", " (a Cookie with "; "), or only its first kept for the names Node
// treats as single; Set-Cookie stays one row per cookie; a header with an
// empty value left out.
func nodeHeaders(in []collections.Header) []collections.Header {
	// Node gathers every Set-Cookie into one array, at the first one's place.
	var cookies []collections.Header
	for _, h := range in {
		if strings.EqualFold(h.Key, "set-cookie") {
			cookies = append(cookies, collections.Header{Key: "set-cookie", Value: h.Value})
		}
	}
	out := make([]collections.Header, 0, len(in))
	at := map[string]int{}
	for _, h := range in {
		k := strings.ToLower(h.Key)
		i, seen := at[k]
		switch {
		case k == "set-cookie":
			if !seen {
				at[k] = len(out)
				out = append(out, cookies...)
			}
		case !seen:
			at[k] = len(out)
			out = append(out, collections.Header{Key: k, Value: h.Value})
		case nodeSingle[k]:
		case k == "cookie":
			out[i].Value += "; " + h.Value
		default:
			out[i].Value += ", " + h.Value
		}
	}
	// A header with an empty value does not reach the script.
	return slices.DeleteFunc(out, func(h collections.Header) bool { return h.Value == "" })
}
