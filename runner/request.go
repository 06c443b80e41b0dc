package runner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	mrand "math/rand/v2"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/internal/lazyre"
	"github.com/courier-run/courier/internal/nodebase64"
)

// cloneRequest deep-copies a request so scripts can mutate it freely.
func cloneRequest(r *collections.Request) *collections.Request {
	if r == nil {
		return &collections.Request{Method: "GET"}
	}
	c := *r
	c.URL = cloneURL(r.URL)
	c.Header = append([]collections.Header(nil), r.Header...)
	if r.Body != nil {
		b := *r.Body
		b.URLEncoded = append([]collections.FormParam(nil), r.Body.URLEncoded...)
		b.FormData = append([]collections.FormParam(nil), r.Body.FormData...)
		if r.Body.GraphQL != nil {
			g := *r.Body.GraphQL
			b.GraphQL = &g
		}
		c.Body = &b
	}
	if r.Auth != nil {
		c.Auth = cloneAuth(r.Auth)
	}
	return &c
}

func cloneURL(u collections.URL) collections.URL {
	c := u
	c.Host = append([]string(nil), u.Host...)
	c.Path = append([]string(nil), u.Path...)
	c.Query = append([]collections.QueryParam(nil), u.Query...)
	c.Variables = append([]collections.Variable(nil), u.Variables...)
	if u.UserInfo != nil {
		ui := *u.UserInfo
		if ui.Password != nil {
			p := *ui.Password
			ui.Password = &p
		}
		c.UserInfo = &ui
	}
	return c
}

func cloneAuth(a *collections.Auth) *collections.Auth { return a.Clone() }

// resolveURL substitutes a URL's variables as postman-runtime does: the
// URL is printed (path variables filled in, disabled parameters left
// out), the text resolved, then parsed again, so a value holding URL
// syntax shapes the URL ("q={{v}}" with v = "a&b" sends q=a and b, a
// {{baseUrl}} brings its path, a reference may span the host's dots).
func resolveURL(u collections.URL, sub func(string) string) collections.URL {
	text := u.Raw
	if len(u.Host) > 0 || len(u.Path) > 0 {
		text = u.String()
	}
	resolved := collections.ParseURL(sub(text))
	// The path variables are in the path now; their list stays for
	// scripts and reports, resolved.
	resolved.Variables = u.Variables
	for i := range resolved.Variables {
		resolved.Variables[i].Value = sub(resolved.Variables[i].Value)
	}
	return resolved
}

// resolveRequest returns a copy of r with every {{variable}} substituted.
func resolveRequest(r *collections.Request, sub func(string) string) *collections.Request {
	c := cloneRequest(r)
	c.Method = sub(c.Method)
	c.URL = resolveURL(c.URL, sub)
	for i := range c.Header {
		h := &c.Header[i]
		h.Key = sub(h.Key)
		if h.JSON != "" {
			// The strings inside a typed value are resolved; only the
			// value changes (the row keeps its description and marks).
			t := collections.TypedHeader(h.Key, []byte(collections.MapJSONStrings(h.JSON, sub)), h.Disabled)
			h.Value, h.JSON = t.Value, t.JSON
			continue
		}
		h.Value = sub(h.Value)
	}
	resolveBody(c.Body, sub)
	if c.Auth != nil {
		// In the block's order: sub may warn (same order on every run).
		for _, k := range c.Auth.Keys() {
			c.Auth.Params[k] = sub(c.Auth.Params[k])
		}
		resolveOtherAuths(c.Auth, sub)
	}
	return c
}

// resolveBody substitutes variables in a body (a copy: it changes b).
func resolveBody(b *collections.Body, sub func(string) string) {
	if b == nil {
		return
	}
	b.Raw = sub(b.Raw)
	b.File = sub(b.File)
	resolveFormParams(b.URLEncoded, sub, true)
	resolveFormParams(b.FormData, sub, false)
	if b.GraphQL != nil {
		b.GraphQL.Query = sub(b.GraphQL.Query)
		b.GraphQL.Variables = sub(b.GraphQL.Variables)
	}
}

// resolveOtherAuths substitutes variables in the parameters a's block
// gives other types than its own: the runtime resolves the whole block,
// and test scripts see every list resolved.
func resolveOtherAuths(a *collections.Auth, sub func(string) string) {
	for _, o := range a.Others {
		for _, k := range o.Keys() {
			o.Params[k] = sub(o.Params[k])
		}
	}
}

// resolveFormParams substitutes variables in a form's rows, inside a typed
// value's strings too.
func resolveFormParams(ps []collections.FormParam, sub func(string) string, urlencoded bool) {
	for i := range ps {
		p := &ps[i]
		p.Key = sub(p.Key)
		if p.JSON != "" {
			*p = collections.TypedFormParam(*p, []byte(collections.MapJSONStrings(p.JSON, sub)), urlencoded)
			continue
		}
		p.Value = sub(p.Value)
		if len(p.Src) > 0 {
			// A file row's paths take variables too (Newman 6.2.2 and
			// Postman CLI 1.34 alike: fresh-round14v-m.json).
			src := make([]string, len(p.Src))
			for j, s := range p.Src {
				src[j] = sub(s)
			}
			p.Src = src
		}
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// builtBody is a request body with the content type its mode implies.
type builtBody struct {
	data        []byte
	contentType string // "" when the mode implies none
	// unread says a file body's file could not be read (SentRequest's
	// FileUnread); unreadUploads are a form-data body's files that could
	// not be (SentRequest's UnreadUploads).
	unread        bool
	unreadUploads []UnreadUpload
}

var languageTypes = map[string]string{
	"json":       "application/json",
	"xml":        "application/xml",
	"javascript": "application/javascript",
	"html":       "text/html",
	"text":       "text/plain",
}

// buildBody renders a resolved body. File paths are relative to workDir; a
// file that cannot be read is left out with a warning and the request is
// still sent, as Newman does. undiciForm marks the newer runtime (v12
// runs): form-data as undici writes it, an empty urlencoded body sent.
// buildBody builds the body to send; ownType is the request's own
// Content-Type ("" for none), whose boundary a form-data body takes.
func buildBody(b *collections.Body, files fileAccess, notes bodyNotes, undiciForm bool, ownType string) (*builtBody, error) {
	if b == nil || b.Disabled {
		return nil, nil
	}
	switch b.Mode {
	case collections.BodyRaw:
		ct := languageTypes[b.Language]
		if ct == "" {
			ct = "text/plain"
		}
		return &builtBody{data: []byte(b.Raw), contentType: ct}, nil
	case collections.BodyURLEncoded:
		// postman-runtime sends no body (and no Content-Type) for a form
		// without an enabled row; the newer runtime sends an empty one,
		// typed (fresh-round12v-bodies.json).
		if !anyEnabled(b.URLEncoded) {
			if undiciForm {
				return &builtBody{data: []byte{}, contentType: "application/x-www-form-urlencoded"}, nil
			}
			return nil, nil
		}
		return &builtBody{data: URLEncodedBody(b.URLEncoded), contentType: "application/x-www-form-urlencoded"}, nil
	case collections.BodyFormData:
		if !anyEnabled(b.FormData) {
			return nil, nil
		}
		return buildMultipart(b.FormData, files, notes, undiciForm, ownBoundary(ownType))
	case collections.BodyFile:
		if b.File == "" {
			if b.FileContent != "" {
				// postman-runtime sends a file body's content, base64
				// decoded, when it names no file.
				return &builtBody{data: nodebase64.Decode(b.FileContent)}, nil
			}
			if b.FileGiven != "" && notes.console != nil {
				// A file member without a src ({}, "src": "" or null):
				// postman-runtime tries it and warns in these words.
				notes.console("Binary file load error: invalid or missing file source")
				return &builtBody{unread: true}, nil
			}
			return nil, nil
		}
		data, err := files.read(b.File)
		if err != nil {
			if ferr := notes.fileError("Binary file load error: ", b.File, err, fmt.Sprintf("body file not sent: %v", err)); ferr != nil {
				return nil, ferr
			}
			return &builtBody{data: []byte{}, unread: true}, nil
		}
		return &builtBody{data: data, contentType: uploadType(b.File)}, nil
	case collections.BodyGraphQL:
		g := b.GraphQL
		if g == nil {
			g = &collections.GraphQL{Unset: graphQLMembers} // postman-runtime sends {}
		}
		return &builtBody{data: GraphQLBody(g), contentType: "application/json"}, nil
	}
	return nil, nil
}

func anyEnabled(ps []collections.FormParam) bool {
	for _, p := range ps {
		if !p.Disabled {
			return true
		}
	}
	return false
}

// URLEncodedBody is the bytes an urlencoded body goes out as.
// postman-runtime gathers the fields into an object before encoding it, so
// a repeated key's values go out together, at the key's first place:
// a=1&b=2&a=3 is sent as a=1&a=3&b=2. (Reports replayed from their
// collection form rebuild the bytes with it.)
func URLEncodedBody(ps []collections.FormParam) []byte {
	var keys []string
	values := map[string][]string{}
	for _, p := range ps {
		if p.Disabled {
			continue
		}
		if _, seen := values[p.Key]; !seen {
			keys = append(keys, p.Key)
		}
		values[p.Key] = append(values[p.Key], collections.FormWireValues(p)...)
	}
	var parts []string
	for _, k := range keys {
		for _, v := range values[k] {
			parts = append(parts, formEscape(k)+"="+formEscape(v))
		}
	}
	return []byte(strings.Join(parts, "&"))
}

// graphQLMembers are a GraphQL body's members: a graphql body without its
// object has all of them left out (postman-runtime sends {}).
var graphQLMembers = []string{"query", "operationName", "variables"}

// GraphQLBody is the bytes a GraphQL body goes out as, built as
// postman-runtime builds it, the variables text spliced in as it is (not
// re-encoded). postman-runtime builds it two ways. With variables given as text, each
// member goes in only when it is text (variables only when not empty, as
// written, valid JSON or not). Otherwise (variables left out, null, an
// object) it is JSON.stringify of {query, operationName, variables}: a
// member left out is dropped, anything else kept (null, "", a number).
func GraphQLBody(g *collections.GraphQL) []byte {
	var parts []string
	textVars := !g.VariablesJSON && !g.IsUnset("variables")
	for _, m := range []struct{ name, v string }{{"query", g.Query}, {"operationName", g.OperationName}} {
		switch {
		case g.IsUnset(m.name) && m.v == "":
		case g.IsJSON(m.name):
			if !textVars {
				parts = append(parts, `"`+m.name+`":`+m.v)
			}
		default:
			parts = append(parts, `"`+m.name+`":`+jsonText(m.v))
		}
	}
	switch {
	case textVars && g.Variables != "":
		parts = append(parts, `"variables":`+g.Variables)
	case !textVars && !g.IsUnset("variables"):
		parts = append(parts, `"variables":`+g.Variables)
	}
	return []byte("{" + strings.Join(parts, ",") + "}")
}

// formEscape encodes a urlencoded body's key or value as Postman does:
// form encoding, but a space is %20, not "+" (the bytes matter to anything
// that signs the body).
func formEscape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// bodyNotes receive what building a body has to say: warn courier's own
// warnings, console the lines postman-runtime logs as the request's console
// warnings (Newman prints them in the console box).
type bodyNotes struct {
	warn, console func(string)
	// failUnreadable fails the request, with Node's error, when an upload
	// file is missing, a directory or unreadable: Postman CLI's newer
	// runtime (v12 runs) does not send it (fresh-round10v-bodies.json).
	failUnreadable bool
}

// fileError reports an upload file that could not be read: in
// postman-runtime's words, as a console warning, when the runtime would
// have failed to read it too (missing, not a file, not readable), else as
// courier's warning (a file courier refuses: outside the working
// directory, a system file, too large).
func (n bodyNotes) fileError(prefix, src string, err error, warning string) error {
	var why, node string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why, node = "no such file", "ENOENT: no such file or directory, open '"+src+"'"
	case errors.Is(err, errIsDir):
		why, node = "is not a file", "EISDIR: illegal operation on a directory, read"
	case errors.Is(err, errNotRegular):
		why = "is not a file"
	case errors.Is(err, fs.ErrPermission):
		why, node = "read permission denied", "EACCES: permission denied, open '"+src+"'"
	}
	if node != "" && n.failUnreadable {
		return errors.New(node)
	}
	if errors.Is(err, errPPERM) && n.console != nil {
		// --no-insecure-file-read is Newman's own refusal: its words.
		n.console(prefix + errPPERM.Error())
		return nil
	}
	if why != "" && n.console != nil {
		n.console(prefix + `"` + src + `", ` + why)
		return nil
	}
	if n.warn != nil {
		n.warn(warning)
	}
	return nil
}

// errNotRegular marks an upload source that is not a regular file.
var errNotRegular = errors.New("not a regular file")

// errIsDir marks an upload source that is a directory (a kind of
// errNotRegular).
var errIsDir = fmt.Errorf("a directory, %w", errNotRegular)

// fileAccess reads the files a collection uploads (form-data and binary
// bodies). Relative paths start at the working directory (--working-dir,
// else the current directory, as in Newman). A file is read only when,
// after resolving symbolic links, it lies inside the working directory or
// one of the extra roots (the collection's own directory), unless
// insecure (--insecure-file-read) lifts that; /proc, /sys and anything
// that is not a regular file are never read: a collection must not be able
// to send the process's environment (and the vault secrets in it) or block
// on a device.
type fileAccess struct {
	workDir  string
	roots    []string // allowed besides workDir
	insecure bool
	// strict is --no-insecure-file-read: Newman's own refusal, whose
	// words (PPERM) the console then prints.
	strict bool
}

// errPPERM marks a file refused under --no-insecure-file-read, which
// postman-runtime refuses in these words.
var errPPERM = errors.New("PPERM: insecure file access outside working directory")

// maxUploadFile bounds one uploaded file.
const maxUploadFile = 1 << 30

func (fa fileAccess) read(p string) ([]byte, error) {
	base := fa.workDir
	if base == "" {
		base = "."
	}
	full := p
	if !filepath.IsAbs(p) {
		full = filepath.Join(base, p)
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return nil, err
	}
	if real, err = filepath.Abs(real); err != nil {
		return nil, err
	}
	if systemPath(real) {
		return nil, fmt.Errorf("%s is a system file (%s): courier never uploads from /proc, /sys or /dev", p, real)
	}
	if !fa.insecure {
		roots := append([]string{base}, fa.roots...)
		if !insideAny(real, roots) {
			absBase, _ := filepath.Abs(base)
			err := fmt.Errorf("%s is outside the working directory %s (symbolic links resolved); courier uploads only files inside it: pass --working-dir, or --insecure-file-read to allow any file", p, absBase)
			if fa.strict {
				err = fmt.Errorf("%w (%w)", err, errPPERM)
			}
			return nil, err
		}
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is %w", p, errIsDir)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %w", p, errNotRegular)
	}
	if fi.Size() > maxUploadFile {
		return nil, fmt.Errorf("%s is larger than 1 GB", p)
	}
	return io.ReadAll(io.LimitReader(f, maxUploadFile))
}

// systemPath reports whether an absolute, resolved path is in the kernel's
// or the devices' file systems.
func systemPath(p string) bool {
	for _, sys := range []string{"/proc", "/sys", "/dev"} {
		if p == sys || strings.HasPrefix(p, sys+"/") {
			return true
		}
	}
	return false
}

// insideAny reports whether p (absolute, resolved) is inside one of roots
// (resolved here too).
func insideAny(p string, roots []string) bool {
	for _, r := range roots {
		if r == "" {
			continue
		}
		rr, err := filepath.EvalSymlinks(r)
		if err != nil {
			continue
		}
		if rr, err = filepath.Abs(rr); err != nil {
			continue
		}
		rel, err := filepath.Rel(rr, p)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return true
		}
	}
	return false
}

// buildMultipart writes a form-data body as postman-runtime 7 does, or,
// with undici, as the newer runtime of v12 runs does (its FormData is
// undici's): the boundary's shape and a file part's default type differ,
// the framing is the same. Either way the body and its Content-Length
// match Postman's.
func buildMultipart(params []collections.FormParam, files fileAccess, notes bodyNotes, undici bool, own string) (*builtBody, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := setFormBoundary(w, undici, own); err != nil {
		return nil, err
	}
	var unread []UnreadUpload
	for row, p := range params {
		if p.Disabled {
			continue
		}
		if p.Type == "file" {
			if noFileSource(p.Src) {
				if err := missingSourcePart(w, p); err != nil {
					return nil, err
				}
				continue
			}
			for _, src := range p.Src {
				if src == "" {
					continue
				}
				content, err := files.read(src)
				if err != nil {
					if ferr := notes.fileError("Form param `"+p.Key+"`, file load error: ", src, err, fmt.Sprintf("form-data field %q: file not sent: %v", p.Key, err)); ferr != nil {
						return nil, ferr
					}
					unread = append(unread, UnreadUpload{Row: row, Src: src})
					continue
				}
				h := textproto.MIMEHeader{}
				h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, p.Key, filepath.Base(src)))
				ct := p.ContentType
				switch {
				case ct != "":
				case undici:
					ct = "application/octet-stream" // a file's bytes, untyped
				default:
					ct = uploadType(src)
				}
				h.Set("Content-Type", ct)
				part, err := w.CreatePart(h)
				if err == nil {
					_, err = part.Write(content)
				}
				if err != nil {
					return nil, fmt.Errorf("form-data field %q: %w", p.Key, err)
				}
			}
			continue
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, p.Key))
		if p.ContentType != "" {
			h.Set("Content-Type", p.ContentType)
		}
		part, err := w.CreatePart(h)
		if err != nil {
			return nil, err
		}
		io.WriteString(part, p.Value)
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return &builtBody{data: buf.Bytes(), contentType: w.FormDataContentType(), unreadUploads: unread}, nil
}

// setFormBoundary gives w the boundary of the request's own type (own,
// which postman-request hands to form-data) unless Go's writer refuses its
// characters or the run is a v12 one (undici), else the runtime's random
// one: postman-runtime's is 26 dashes and 24 random digits, undici's
// "----formdata-undici-0" and 11 random digits.
func setFormBoundary(w *multipart.Writer, undici bool, own string) error {
	if own != "" && !undici && w.SetBoundary(own) == nil {
		return nil
	}
	prefix, digits := "--------------------------", 24
	if undici {
		prefix, digits = "----formdata-undici-0", 11
	}
	boundary := make([]byte, 0, len(prefix)+digits)
	boundary = append(boundary, prefix...)
	for range digits {
		boundary = append(boundary, byte('0'+mrand.IntN(10)))
	}
	return w.SetBoundary(string(boundary))
}

// noFileSource says a file row names no file: src missing, null, "" or
// an empty list (postman-runtime's "missing file source").
func noFileSource(src []string) bool {
	return len(src) == 0 || len(src) == 1 && src[0] == ""
}

// missingSourcePart is the part postman-runtime sends for a file row that
// names no file: its value, base64 decoded, as an octet stream without a
// file name; with no value, an empty part with an empty file name.
// form-data writes the name (and file name) as given, quotes and all.
func missingSourcePart(w *multipart.Writer, p collections.FormParam) error {
	h := textproto.MIMEHeader{}
	var content []byte
	ct := p.ContentType
	if p.Value != "" {
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, p.Key))
		content = nodebase64.Decode(p.Value)
		if ct == "" {
			ct = "application/octet-stream"
		}
	} else {
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename=""`, p.Key))
	}
	if ct != "" {
		h.Set("Content-Type", ct)
	}
	part, err := w.CreatePart(h)
	if err == nil {
		_, err = part.Write(content)
	}
	if err != nil {
		return fmt.Errorf("form-data field %q: %w", p.Key, err)
	}
	return nil
}

// jsonText is JSON.stringify of a string: no HTML escaping.
func jsonText(s string) string {
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}

// ownBoundaryType is postman-request's test of a request's own multipart
// type: one that names a boundary keeps it, and the body uses it.
var ownBoundaryType = lazyre.New(`^multipart/form-data;.*boundary=(?:"([^"]+)"|([^;]+))`)

// ownBoundary is the boundary the request's own Content-Type names, or "".
func ownBoundary(ownType string) string {
	if !strings.HasPrefix(ownType, "multipart/form-data;") {
		return ""
	}
	m := ownBoundaryType().FindStringSubmatch(ownType)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

// ownFormType is postman-request's test of a request's own type for an
// urlencoded body: one that starts so is kept as written (a charset).
var ownFormType = lazyre.New(`^application/x-www-form-urlencoded\b`)
