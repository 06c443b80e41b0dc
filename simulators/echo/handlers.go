package echo

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// GET /get → {args, headers, url}
func (s *Server) getEcho(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody) // a GET may carry a body; postman-echo ignores it
	writeJSON(w, http.StatusOK, newObject().
		set("args", parseQuery(rawQuery(r))).
		set("headers", echoHeaders(r)).
		set("url", requestURL(r)))
}

// bodyObject is the shape of /post, /put, /patch and /delete; withMethod adds
// the method for /anything.
func (s *Server) bodyObject(r *http.Request, withMethod bool) *object {
	b := parseBody(r.Header.Get("Content-Type"), readBody(r, s.opts.MaxBody))
	o := newObject().
		set("args", parseQuery(rawQuery(r))).
		set("data", b.data).
		set("files", b.files).
		set("form", b.form).
		set("headers", echoHeaders(r)).
		set("json", b.json)
	if withMethod {
		o.set("method", r.Method)
	}
	return o.set("url", requestURL(r))
}

// POST /post, PUT /put, PATCH /patch, DELETE /delete →
// {args, data, files, form, headers, json, url}
func (s *Server) bodyEcho(w http.ResponseWriter, r *http.Request, _ string) {
	writeJSON(w, http.StatusOK, s.bodyObject(r, false))
}

// any /anything[/...] (and unknown paths unless Strict): the body echo plus
// the method.
func (s *Server) anything(w http.ResponseWriter, r *http.Request, _ string) {
	writeJSON(w, http.StatusOK, s.bodyObject(r, true))
}

func (s *Server) headers(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	writeJSON(w, http.StatusOK, newObject().set("headers", echoHeaders(r)))
}

// stringValues returns the string values of a parsed query member (one for
// a plain key, several for a repeated one).
func stringValues(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// GET /response-headers?Name=value: each query pair becomes a response
// header, and the query is returned as JSON.
func (s *Server) responseHeaders(w http.ResponseWriter, r *http.Request, _ string) {
	s.headersFromQuery(w, r, http.StatusOK)
}

// /respond/{code}?Name=value...: /response-headers with a status of the
// caller's choice (postman-echo has no such route). Probes use it for a
// redirect that sets cookies on its way, a 401 with a challenge, or an odd
// content type on an error status.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, arg string) {
	code, ok := intArg(arg)
	if !ok || code < 200 || code > 599 || code == http.StatusNoContent || code == http.StatusNotModified {
		_ = readBody(r, s.opts.MaxBody)
		writeJSON(w, http.StatusBadRequest, newObject().set("error", "the status must be 200-599 and allow a body"))
		return
	}
	s.headersFromQuery(w, r, code)
}

// headersFromQuery answers with status code, every query parameter as a
// response header (repeated ones repeated) and the parameters as the body.
func (s *Server) headersFromQuery(w http.ResponseWriter, r *http.Request, code int) {
	_ = readBody(r, s.opts.MaxBody)
	args := parseQuery(rawQuery(r))
	contentType := queryHeaders(w, args, "application/json; charset=utf-8")
	w.Header().Set("Content-Type", withCharset(contentType))
	writeJSON(w, code, args)
}

// /base64/{value}?Name=value...: the body is value decoded (either base64
// alphabet, padding optional) and sent as it is, each query pair a response
// header. Unlike /respond, a Content-Type keeps its exact text and a
// Content-Encoding is not applied, so probes can send bytes that are not
// UTF-8, a BOM, or a body that does not match its declared encoding; an
// empty Content-Type sends none.
func (s *Server) base64Body(w http.ResponseWriter, r *http.Request, arg string) {
	_ = readBody(r, s.opts.MaxBody)
	body, err := decodeBase64Arg(arg)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, newObject().set("error", "the path after /base64/ must be base64"))
		return
	}
	if ct := queryHeaders(w, parseQuery(rawQuery(r)), "application/octet-stream"); ct != "" {
		w.Header().Set("Content-Type", ct)
	} else {
		w.Header()["Content-Type"] = nil // an empty Content-Type: none, and no sniffing
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

func decodeBase64Arg(arg string) ([]byte, error) {
	arg = strings.TrimRight(arg, "=")
	if strings.ContainsAny(arg, "-_") {
		return base64.RawURLEncoding.DecodeString(arg)
	}
	return base64.RawStdEncoding.DecodeString(arg)
}

// queryHeaders sets each query pair as a response header (repeated ones
// repeated, the caller's spelling kept) except the framing ones, and
// returns the last Content-Type given, or def.
func queryHeaders(w http.ResponseWriter, args *object, def string) string {
	contentType := def
	for i, name := range args.names {
		vals := stringValues(args.vals[i])
		lname := strings.ToLower(name)
		if len(vals) == 0 || !validHeaderName(name) {
			continue
		}
		switch lname {
		case "content-length", "transfer-encoding", "connection":
			continue // would corrupt the framing of this very response
		case "content-type":
			// /respond adds a charset as Express does for a string body.
			contentType = vals[len(vals)-1]
			continue
		}
		clean := make([]string, len(vals))
		for j, v := range vals {
			clean[j] = strings.NewReplacer("\r", " ", "\n", " ").Replace(v)
		}
		w.Header()[name] = clean // keep the caller's spelling
	}
	return contentType
}

func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if c <= ' ' || c >= 0x7f || strings.ContainsRune(`()<>@,;:\"/[]?={}`, c) {
			return false
		}
	}
	return true
}

func withCharset(ct string) string {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ct
	}
	params["charset"] = "utf-8"
	if out := mime.FormatMediaType(mt, params); out != "" {
		return out
	}
	return ct
}

func (s *Server) cookies(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	writeJSON(w, http.StatusOK, newObject().set("cookies", requestCookies(r, nil)))
}

func requestCookies(r *http.Request, skip map[string]bool) *object {
	out := newObject()
	for _, c := range r.Cookies() {
		if !skip[c.Name] {
			out.set(c.Name, c.Value)
		}
	}
	return out
}

// GET /cookies/set?k=v: sets each cookie (path /) and redirects to /cookies.
func (s *Server) cookiesSet(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	args := parseQuery(rawQuery(r))
	for i, name := range args.names {
		vals := stringValues(args.vals[i])
		v := ""
		if len(vals) > 0 {
			v = vals[len(vals)-1]
		}
		w.Header().Add("Set-Cookie", cookiePair(name, v)+"; Path=/")
	}
	w.Header().Set("Location", "/cookies")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusFound)
	_, _ = io.WriteString(w, "Found. Redirecting to /cookies")
}

// GET /cookies/delete?k1&k2: expires the cookies and answers directly with
// the ones left. postman-echo redirects to /cookies instead, but a
// request-library client (Newman) then resends the old Cookie header when
// the jar has emptied, so the deleted cookies would still show; answering
// in place gives what the redirect is meant to show.
func (s *Server) cookiesDelete(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	gone := map[string]bool{}
	for _, name := range parseQuery(rawQuery(r)).names {
		gone[name] = true
		w.Header().Add("Set-Cookie", cookiePair(name, "")+"; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0")
	}
	writeJSON(w, http.StatusOK, newObject().set("cookies", requestCookies(r, gone)))
}

// cookiePair encodes like Express's res.cookie (encodeURIComponent).
func cookiePair(name, value string) string {
	return url.PathEscape(name) + "=" + strings.ReplaceAll(url.QueryEscape(value), "+", "%20")
}

// /status/{code} → that status with {"status": code}.
func (s *Server) status(w http.ResponseWriter, r *http.Request, arg string) {
	_ = readBody(r, s.opts.MaxBody)
	code, ok := intArg(arg)
	if !ok || code < 100 || code > 599 {
		writeJSON(w, http.StatusBadRequest, newObject().set("error", newObject().
			set("name", "invalidStatusCode").
			set("message", "The status code must be an integer between 100 and 599.")))
		return
	}
	if code < 200 || code == http.StatusNoContent || code == http.StatusNotModified {
		w.WriteHeader(code) // these statuses cannot carry a body
		return
	}
	writeJSON(w, code, newObject().set("status", code))
}

// /delay/{n}: waits n seconds (capped) unless the client goes away.
func (s *Server) delay(w http.ResponseWriter, r *http.Request, arg string) {
	_ = readBody(r, s.opts.MaxBody)
	secs, err := strconv.ParseFloat(arg, 64)
	if err != nil || secs < 0 {
		writeJSON(w, http.StatusBadRequest, newObject().set("error", "delay must be a non-negative number of seconds"))
		return
	}
	d := time.Duration(secs * float64(time.Second))
	if d > s.opts.MaxDelay {
		d = s.opts.MaxDelay
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
		return
	}
	writeJSON(w, http.StatusOK, newObject().set("delay", arg))
}

// maxStream caps /stream/{n} as postman-echo does.
const maxStream = 100

// /stream/{n}: n JSON lines sent chunked, one flush per line.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, arg string) {
	_ = readBody(r, s.opts.MaxBody)
	n, ok := intArg(arg)
	if !ok {
		writeJSON(w, http.StatusBadRequest, newObject().set("error", "stream length must be a non-negative integer"))
		return
	}
	n = min(n, maxStream)
	args := parseQuery(rawQuery(r))
	args.set("n", arg)
	headers := echoHeaders(r)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	for i := 0; i < n; i++ {
		line, err := encodeJSON(newObject().
			set("args", args).
			set("headers", headers).
			set("url", requestURL(r)).
			set("id", i))
		if err != nil {
			return
		}
		if _, err := w.Write(append(line, '\n')); err != nil {
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
	}
}

// /bytes/{n}: n bytes of a fixed pattern, streamed, for large-body tests.
// ?seed=k shifts the pattern so two responses can be told apart.
func (s *Server) bytes(w http.ResponseWriter, r *http.Request, arg string) {
	_ = readBody(r, s.opts.MaxBody)
	n, ok := intArg(arg)
	if !ok || int64(n) > s.opts.MaxBytes {
		writeJSON(w, http.StatusBadRequest, newObject().set("error",
			fmt.Sprintf("byte count must be an integer between 0 and %d", s.opts.MaxBytes)))
		return
	}
	seed, _ := strconv.Atoi(r.URL.Query().Get("seed"))
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(n))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	_, _ = io.Copy(w, io.LimitReader(&patternReader{pos: seed}, int64(n)))
}

// patternReader yields PatternByte(pos), PatternByte(pos+1), ... forever.
type patternReader struct{ pos int }

func (p *patternReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = PatternByte(p.pos)
		p.pos++
	}
	return len(b), nil
}

// PatternByte is byte i of a /bytes/{n} response (with ?seed=k, byte i is
// PatternByte(i+k)). 251 is prime, so the pattern does not line up with
// power-of-two buffer sizes and misplaced chunks are detectable.
func PatternByte(i int) byte { return byte(i % 251) }

// compressedEcho is the body of /gzip, /deflate and /brotli.
func compressedEcho(r *http.Request, flag string) []byte {
	b, _ := encodeJSON(newObject().
		set(flag, true).
		set("headers", echoHeaders(r)).
		set("method", r.Method))
	return b
}

func writeEncoded(w http.ResponseWriter, encoding string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Encoding", encoding)
	h.Set("Vary", "Accept-Encoding")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// The compressed endpoints ignore Accept-Encoding, as postman-echo does:
// they exist to test the client's decoding.
func (s *Server) gzip(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(compressedEcho(r, "gzipped"))
	_ = zw.Close()
	writeEncoded(w, "gzip", buf.Bytes())
}

func (s *Server) deflate(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf) // HTTP "deflate" is the zlib format
	_, _ = zw.Write(compressedEcho(r, "deflated"))
	_ = zw.Close()
	writeEncoded(w, "deflate", buf.Bytes())
}

func (s *Server) brotli(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	var buf bytes.Buffer
	bw := brotli.NewWriter(&buf)
	_, _ = bw.Write(compressedEcho(r, "brotli"))
	_ = bw.Close()
	writeEncoded(w, "br", buf.Bytes())
}

const utf8Sample = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>UTF-8 sample</title>
</head>
<body>
<h1>UTF-8 encoded text</h1>
<p>Maths: ∀ε&gt;0 ∃δ&gt;0: |x−a|&lt;δ ⇒ |f(x)−f(a)|&lt;ε, ∑ 1/n² = π²/6</p>
<p>Greek: Ξεσκεπάζω την ψυχοφθόρα βδελυγμία</p>
<p>Russian: Съешь же ещё этих мягких французских булок</p>
<p>Chinese: 敏捷的棕色狐狸跳过了懒狗</p>
<p>Japanese: いろはにほへと ちりぬるを</p>
<p>Symbols: ☃ ★ ♞ ⚙ 🍪 🚀</p>
</body>
</html>
`

func (s *Server) utf8Page(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = io.WriteString(w, utf8Sample)
}

func (s *Server) xmlPage(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<_postman_echo>\n")
	fmt.Fprintf(&b, "  <url>%s</url>\n  <method>%s</method>\n  <headers>\n", htmlEscape(requestURL(r)), htmlEscape(r.Method))
	h := echoHeaders(r)
	for i, name := range h.names {
		fmt.Fprintf(&b, "    <header name=%q>%s</header>\n", htmlEscape(name), htmlEscape(fmt.Sprint(h.vals[i])))
	}
	b.WriteString("  </headers>\n</_postman_echo>\n")
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	_, _ = io.WriteString(w, b.String())
}

func (s *Server) htmlPage(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html>\n<head><title>echo</title></head>\n<body>\n<h1>%s %s</h1>\n</body>\n</html>\n",
		htmlEscape(r.Method), htmlEscape(requestURL(r)))
}

// /redirect-to?url=...&status_code=3xx
func (s *Server) redirectTo(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	args := parseQuery(rawQuery(r))
	target := ""
	if v := stringValues(firstOf(args, "url")); len(v) > 0 {
		target = v[0]
	}
	if target == "" {
		writeJSON(w, http.StatusBadRequest, newObject().set("error", "the url query parameter is required"))
		return
	}
	code := http.StatusFound
	if v := stringValues(firstOf(args, "status_code")); len(v) > 0 {
		if n, err := strconv.Atoi(v[0]); err == nil && n >= 300 && n < 400 {
			code = n
		}
	}
	w.Header().Set("Location", target)
	w.WriteHeader(code)
}

func firstOf(o *object, name string) any {
	v, _ := o.get(name)
	return v
}

// /redirect/{n}: n hops of 302, each to /redirect/{n-1}, the last to /get.
func (s *Server) redirectN(w http.ResponseWriter, r *http.Request, arg string) {
	_ = readBody(r, s.opts.MaxBody)
	n, ok := intArg(arg)
	if !ok || n < 1 {
		writeJSON(w, http.StatusBadRequest, newObject().set("error", "redirect count must be a positive integer"))
		return
	}
	loc := "/get"
	if n > 1 {
		loc = "/redirect/" + strconv.Itoa(n-1)
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusFound)
}

func (s *Server) ip(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	writeJSON(w, http.StatusOK, newObject().set("ip", host))
}

// GET /time/now: the current time as an HTTP date, text/html like
// postman-echo.
func (s *Server) timeNow(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = io.WriteString(w, time.Now().UTC().Format(http.TimeFormat))
}

var timestampLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
	time.RFC1123, time.RFC1123Z, time.RFC850, time.ANSIC,
}

func parseTimestamp(s string) (time.Time, bool) {
	for _, l := range timestampLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (s *Server) timestampArg(r *http.Request) (time.Time, bool) {
	v := stringValues(firstOf(parseQuery(rawQuery(r)), "timestamp"))
	if len(v) == 0 {
		return time.Time{}, false
	}
	return parseTimestamp(v[0])
}

// GET /time/valid?timestamp=... → {"valid": bool}
func (s *Server) timeValid(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	_, ok := s.timestampArg(r)
	writeJSON(w, http.StatusOK, newObject().set("valid", ok))
}

// GET /time/leap?timestamp=... → {"leap": bool} (now when absent)
func (s *Server) timeLeap(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	t, ok := s.timestampArg(r)
	if !ok {
		t = time.Now().UTC()
	}
	y := t.Year()
	writeJSON(w, http.StatusOK, newObject().set("leap", y%4 == 0 && (y%100 != 0 || y%400 == 0)))
}
