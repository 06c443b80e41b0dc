// Package echo is a postman-echo compatible HTTP server for courier's
// tests and for `courier run --local-echo`. Response shapes follow
// postman-echo.com's public documentation and what Newman's integration
// collections assert, so collections written against postman-echo pass
// unchanged when its host is pointed here.
//
// It also provides the two local servers Newman's integration suite uses: a
// raw echo (Newman's localhost:4041, see ListenRawEcho) and a redirect server
// (localhost:4042, see NewRedirect).
package echo

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/courier-run/courier/simulators/loopback"
)

// Default limits; see Options.
const (
	DefaultMaxBody  = 64 << 20
	DefaultMaxBytes = 256 << 20
	DefaultMaxDelay = 10 * time.Second
)

// Options tunes a Server. The zero value is postman-echo's behaviour.
type Options struct {
	// Strict answers unknown paths and wrong methods with Express's 404 page,
	// as postman-echo does. By default they are echoed back like /anything,
	// so a collection whose hosts were all rewritten here gets an answer.
	Strict bool
	// MaxBody caps how much of a request body is read (DefaultMaxBody if 0).
	MaxBody int64
	// MaxBytes caps /bytes/{n} (DefaultMaxBytes if 0).
	MaxBytes int64
	// MaxDelay caps /delay/{n} (DefaultMaxDelay, postman-echo's limit, if 0).
	MaxDelay time.Duration
}

// Server is the postman-echo compatible http.Handler.
type Server struct {
	opts   Options
	exact  map[string]route
	prefix []prefixRoute
}

var _ http.Handler = (*Server)(nil)

type handlerFunc func(w http.ResponseWriter, r *http.Request, arg string)

type route struct {
	methods []string // nil: any method
	h       handlerFunc
}

// prefixRoute serves "<prefix><arg>", e.g. /status/404.
type prefixRoute struct {
	prefix string
	route
}

// New returns a Server with the given options.
func New(opts Options) *Server {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = DefaultMaxDelay
	}
	s := &Server{opts: opts, exact: map[string]route{}}
	get := []string{http.MethodGet}
	getPost := []string{http.MethodGet, http.MethodPost}
	s.exact = map[string]route{
		"/get":              {get, s.getEcho},
		"/post":             {[]string{http.MethodPost}, s.bodyEcho},
		"/put":              {[]string{http.MethodPut}, s.bodyEcho},
		"/patch":            {[]string{http.MethodPatch}, s.bodyEcho},
		"/delete":           {[]string{http.MethodDelete}, s.bodyEcho},
		"/anything":         {nil, s.anything},
		"/headers":          {get, s.headers},
		"/response-headers": {getPost, s.responseHeaders},
		"/basic-auth":       {get, s.basicAuth},
		"/digest-auth":      {nil, s.digestAuth},
		"/auth/hawk":        {nil, s.hawkAuth},
		"/oauth1":           {getPost, s.oauth1},
		"/oauth2/token":     {getPost, s.oauth2Token},
		"/oauth2/user/info": {get, s.oauth2UserInfo},
		"/cookies":          {get, s.cookies},
		"/cookies/set":      {get, s.cookiesSet},
		"/cookies/delete":   {get, s.cookiesDelete},
		"/gzip":             {get, s.gzip},
		"/deflate":          {get, s.deflate},
		"/brotli":           {get, s.brotli},
		"/encoding/utf8":    {get, s.utf8Page},
		"/type/xml":         {get, s.xmlPage},
		"/type/html":        {get, s.htmlPage},
		"/redirect-to":      {nil, s.redirectTo},
		"/ntlm":             {nil, s.ntlmAuth},
		"/ip":               {get, s.ip},
		"/time/now":         {get, s.timeNow},
		"/time/valid":       {get, s.timeValid},
		"/time/leap":        {get, s.timeLeap},
		"/tls":              {get, s.tlsInfo},
	}
	s.prefix = []prefixRoute{
		{"/anything/", route{nil, s.anything}},
		{"/status/", route{nil, s.status}},
		{"/delay/", route{nil, s.delay}},
		{"/stream/", route{get, s.stream}},
		{"/bytes/", route{get, s.bytes}},
		{"/redirect/", route{get, s.redirectN}},
		{"/respond/", route{nil, s.respond}},
		{"/base64/", route{nil, s.base64Body}},
	}
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	if len(path) > 1 {
		path = strings.TrimSuffix(path, "/") // Express ignores one trailing slash
	}
	var allowed []string
	try := func(rt route, arg string) bool {
		if !methodAllowed(r.Method, rt.methods) {
			allowed = append(allowed, rt.methods...)
			return false
		}
		rt.h(w, r, arg)
		return true
	}
	if rt, ok := s.exact[path]; ok && try(rt, "") {
		return
	}
	for _, p := range s.prefix {
		if arg, ok := strings.CutPrefix(path, p.prefix); ok && try(p.route, arg) {
			return
		}
	}
	if r.Method == http.MethodOptions && len(allowed) > 0 {
		// Express answers OPTIONS itself with the route's methods.
		list := allowList(allowed)
		w.Header().Set("Allow", list)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, list)
		return
	}
	if s.opts.Strict {
		_ = readBody(r, s.opts.MaxBody)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot %s %s</pre>\n</body>\n</html>\n",
			htmlEscape(r.Method), htmlEscape(r.URL.Path))
		return
	}
	s.anything(w, r, "")
}

// methodAllowed treats HEAD as GET, as Express does.
func methodAllowed(m string, allowed []string) bool {
	if allowed == nil {
		return true
	}
	for _, a := range allowed {
		if m == a || (a == http.MethodGet && m == http.MethodHead) {
			return true
		}
	}
	return false
}

func allowList(methods []string) string {
	seen := map[string]bool{}
	var out []string
	add := func(m string) {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	for _, m := range methods {
		add(m)
		if m == http.MethodGet {
			add(http.MethodHead)
		}
	}
	return strings.Join(out, ",")
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func htmlEscape(s string) string { return htmlEscaper.Replace(s) }

// intArg parses a path argument such as the 404 of /status/404.
func intArg(arg string) (int, bool) {
	if arg == "" || strings.ContainsRune(arg, '/') {
		return 0, false
	}
	n, err := strconv.Atoi(arg)
	return n, err == nil && n >= 0
}

// Listen serves a postman-echo compatible Server with default Options on a
// loopback address ("127.0.0.1:0" or "" picks a free port).
func Listen(addr string) (*loopback.Server, error) {
	return loopback.ListenHandler(addr, New(Options{}))
}
