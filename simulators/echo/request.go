package echo

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"
)

// requestURL is the URL the client asked for, with the query string exactly
// as sent (postman-echo reports it unnormalised; Newman's URL tests rely on it).
func requestURL(r *http.Request) string {
	uri := r.RequestURI
	if strings.HasPrefix(uri, "http://") || strings.HasPrefix(uri, "https://") {
		return uri // absolute-form target, as sent through a proxy
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + uri
}

// rawQuery is the query string as sent, without Go's decoding.
func rawQuery(r *http.Request) string {
	_, q, ok := strings.Cut(r.RequestURI, "?")
	if !ok {
		return ""
	}
	q, _, _ = strings.Cut(q, "#")
	return q
}

// decodeComponent decodes like the qs module: '+' is a space and a broken
// percent sequence leaves the component as it was.
func decodeComponent(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	d, err := url.PathUnescape(s)
	if err != nil || !utf8.ValidString(d) {
		return s
	}
	return d
}

// maxNesting mirrors qs's default depth for a[b][c] keys.
const maxNesting = 5

// parseQuery parses a urlencoded string as Express's extended parser does:
// repeated keys make arrays, a[]=x appends, a[b]=x nests, empty keys vanish.
func parseQuery(raw string) *object {
	out := newObject()
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		key, val := decodeComponent(k), decodeComponent(v)
		if key == "" {
			continue
		}
		base, path := bracketPath(key)
		if path == nil {
			out.appendValue(key, val)
			continue
		}
		assignPath(out, base, path, val)
	}
	return out
}

// bracketPath splits "a[b][]" into "a" and ["b", ""]; keys of any other
// shape come back with a nil path and are used verbatim.
func bracketPath(key string) (string, []string) {
	open := strings.IndexByte(key, '[')
	if open <= 0 || !strings.HasSuffix(key, "]") {
		return key, nil
	}
	base, rest := key[:open], key[open:]
	var path []string
	for rest != "" {
		if rest[0] != '[' {
			return key, nil
		}
		end := strings.IndexByte(rest, ']')
		seg := rest[1:end]
		if strings.IndexByte(seg, '[') >= 0 {
			return key, nil
		}
		path = append(path, seg)
		rest = rest[end+1:]
	}
	if len(path) > maxNesting {
		return key, nil
	}
	return base, path
}

func assignPath(o *object, name string, path []string, val string) {
	if len(path) == 0 {
		o.appendValue(name, val)
		return
	}
	seg := path[0]
	old, exists := o.get(name)
	if seg == "" { // name[]=val
		switch cur := old.(type) {
		case []any:
			o.set(name, append(cur, val))
		default:
			if exists {
				o.set(name, []any{cur, val})
			} else {
				o.set(name, []any{val})
			}
		}
		return
	}
	child, ok := old.(*object)
	if !ok {
		child = newObject()
		if exists {
			// qs keeps a scalar seen before the nested form under key "0".
			child.set("0", old)
		}
		o.set(name, child)
	}
	assignPath(child, seg, path[1:], val)
}

// firstValueHeaders are those whose repeats Node.js discards instead of
// joining, so req.headers shows only the first.
var firstValueHeaders = map[string]bool{
	"age": true, "authorization": true, "content-length": true, "content-type": true,
	"etag": true, "expires": true, "from": true, "host": true, "if-modified-since": true,
	"if-unmodified-since": true, "last-modified": true, "location": true,
	"max-forwards": true, "proxy-authorization": true, "referer": true,
	"retry-after": true, "server": true, "user-agent": true,
}

// echoHeaders renders the request headers as Node's req.headers: lower-case
// names, repeats joined with ", " ("; " for cookie). Go does not keep wire
// order, so names are sorted with host first.
func echoHeaders(r *http.Request) *object {
	out := newObject()
	if r.Host != "" {
		out.set("host", r.Host)
	}
	lower := map[string][]string{}
	for name, vals := range r.Header {
		ln := strings.ToLower(name)
		if ln == "host" {
			continue
		}
		lower[ln] = append(lower[ln], vals...)
	}
	names := make([]string, 0, len(lower))
	for n := range lower {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		vals := lower[n]
		switch {
		case firstValueHeaders[n]:
			out.set(n, vals[0])
		case n == "cookie":
			out.set(n, strings.Join(vals, "; "))
		case n == "set-cookie":
			arr := make([]any, len(vals))
			for i, v := range vals {
				arr[i] = v
			}
			out.set(n, arr)
		default:
			out.set(n, strings.Join(vals, ", "))
		}
	}
	// Go moves Transfer-Encoding out of the header map; Node keeps it.
	if len(r.TransferEncoding) > 0 {
		if _, ok := out.get("transfer-encoding"); !ok {
			out.set("transfer-encoding", strings.Join(r.TransferEncoding, ", "))
		}
	}
	return out
}

// readBody reads at most limit bytes of the request body. Handlers that do
// not echo the body still drain it, so keep-alive connections stay usable.
func readBody(r *http.Request, limit int64) []byte {
	if r.Body == nil {
		return nil
	}
	b, _ := io.ReadAll(io.LimitReader(r.Body, limit))
	return b
}

// parsedBody is a request body in postman-echo's terms.
type parsedBody struct {
	data  any     // raw text, a data URI for binary, or the parsed JSON
	files *object // file name → data URI
	form  *object
	json  any // parsed JSON, or the form for urlencoded bodies; nil otherwise
}

func parseBody(contentType string, body []byte) parsedBody {
	pb := parsedBody{data: "", files: newObject(), form: newObject()}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType, _, _ = strings.Cut(contentType, ";")
		mediaType = strings.ToLower(strings.TrimSpace(mediaType))
	}
	switch {
	case mediaType == "application/x-www-form-urlencoded":
		pb.form = parseQuery(string(body))
		pb.json = pb.form
	case strings.HasPrefix(mediaType, "multipart/"):
		parseMultipart(body, params["boundary"], &pb)
	case mediaType == "application/json" || strings.HasSuffix(mediaType, "+json"):
		if len(bytes.TrimSpace(body)) == 0 {
			break
		}
		if v, err := parseJSONOrdered(body); err == nil {
			pb.data, pb.json = v, v
		} else {
			pb.data = textOrDataURI(body, mediaType)
		}
	default:
		pb.data = textOrDataURI(body, mediaType)
	}
	return pb
}

// textOrDataURI keeps text as text and turns binary into a base64 data URI,
// so the echo stays valid JSON.
func textOrDataURI(b []byte, mediaType string) string {
	if utf8.Valid(b) {
		return string(b)
	}
	if mediaType == "" {
		mediaType = "application/octet-stream"
	}
	return "data:" + mediaType + ";base64," + base64.StdEncoding.EncodeToString(b)
}

func parseMultipart(body []byte, boundary string, pb *parsedBody) {
	if boundary == "" {
		return
	}
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		part, err := mr.NextRawPart()
		if err != nil {
			return
		}
		content, _ := io.ReadAll(part)
		_, cd, _ := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
		name := cd["name"]
		if fileName, isFile := cd["filename"]; isFile {
			if fileName == "" {
				fileName = name
			}
			// postman-echo labels every upload octet-stream, whatever was sent.
			pb.files.set(fileName, "data:application/octet-stream;base64,"+base64.StdEncoding.EncodeToString(content))
		} else if name != "" {
			pb.form.appendValue(name, string(content))
		}
		_ = part.Close()
	}
}
