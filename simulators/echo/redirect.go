package echo

import (
	"net/http"
	"regexp"
	"strconv"
)

var (
	redirectHops   = regexp.MustCompile(`^/([0-9]+)$`)
	redirectStatus = regexp.MustCompile(`^/status/([0-9]{3})$`)
)

// NewRedirect returns the redirect server Newman's integration suite runs on
// localhost:4042:
//
//	/N           302 to /N-1 (/1 goes to /)
//	/status/NNN  status NNN with Location / (307 and 308 make clients resend
//	             the method and body)
//	otherwise    200 {"url", "method", "headers", "data"} describing the
//	             request that finally arrived, data being the raw body.
func NewRedirect() http.Handler {
	return http.HandlerFunc(serveRedirect)
}

func serveRedirect(w http.ResponseWriter, r *http.Request) {
	body := readBody(r, DefaultMaxBody)
	target := r.RequestURI
	if m := redirectHops.FindStringSubmatch(target); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
			loc := "/"
			if n > 1 {
				loc = "/" + strconv.Itoa(n-1)
			}
			w.Header().Set("Location", loc)
			w.WriteHeader(http.StatusFound)
			return
		}
	}
	if m := redirectStatus.FindStringSubmatch(target); m != nil {
		if code, _ := strconv.Atoi(m[1]); code >= 200 {
			w.Header().Set("Location", "/")
			w.WriteHeader(code)
			return
		}
	}
	// Each answer closes the connection so a client following redirects
	// never depends on keep-alive behaviour.
	w.Header().Set("Connection", "close")
	writeJSON(w, http.StatusOK, newObject().
		set("url", target).
		set("method", r.Method).
		set("headers", echoHeaders(r)).
		set("data", string(body)))
}
