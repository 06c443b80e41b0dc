package htmlreport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/courier-run/courier/runner/report/jsonreport"
)

// The page's data, embedded as JSON and rendered by the page's script on
// demand. Keys are short: a 10,000-request report repeats them 10,000
// times.

// pageExec is one execution (one request of one iteration).
type pageExec struct {
	Iteration int          `json:"i"`
	ItemID    string       `json:"id,omitempty"`
	Name      string       `json:"n"`
	Request   *pageRequest `json:"q,omitempty"`
	Response  *pageResp    `json:"r,omitempty"`
	Asserts   []pageAssert `json:"a,omitempty"`
	Errors    []pageError  `json:"e,omitempty"`
	Console   []pageLine   `json:"c,omitempty"`
	Skipped   bool         `json:"k,omitempty"`
	Failed    bool         `json:"f,omitempty"`
}

type pageRequest struct {
	Method string      `json:"m"`
	URL    string      `json:"u"`
	Header [][2]string `json:"h,omitempty"`
	Body   *pageBody   `json:"b,omitempty"`
}

type pageResp struct {
	Code   int         `json:"c"`
	Status string      `json:"s,omitempty"`
	Time   float64     `json:"t"`
	Size   int         `json:"z"`
	Header [][2]string `json:"h,omitempty"`
	Body   *pageBody   `json:"b,omitempty"`
}

// pageBody is a body as the page shows it: text (perhaps cut short), or a
// description when it is binary or was not recorded.
type pageBody struct {
	Text string `json:"t,omitempty"`
	// Size is the whole body's size in bytes.
	Size int `json:"z"`
	// Cut says Text holds only the first bytes of the body.
	Cut bool `json:"x,omitempty"`
	// Binary says the body is not text; only its size and type are shown.
	Binary bool `json:"bin,omitempty"`
	// Limit is how many bytes Text was cut to, when Cut.
	Limit int `json:"lim,omitempty"`
	// Budget says the body was cut short because the page's budget for
	// bodies was spent.
	Budget bool `json:"bud,omitempty"`
	// Omitted says the body was left out of the page on purpose (Omit).
	Omitted bool `json:"omit,omitempty"`
	// Missing says the report kept the size but not the bytes.
	Missing bool   `json:"miss,omitempty"`
	Type    string `json:"ct,omitempty"`
	// Form lists form fields (urlencoded, form-data) as key/value pairs.
	Form [][2]string `json:"form,omitempty"`
}

type pageAssert struct {
	Name    string `json:"n"`
	Status  string `json:"s"` // pass, fail, skip
	Error   string `json:"e,omitempty"`
	ErrName string `json:"en,omitempty"`
}

type pageError struct {
	At      string `json:"at"` // prerequest-script, test-script, request
	Name    string `json:"n"`
	Message string `json:"m"`
}

type pageLine struct {
	Level string `json:"l"`
	Text  string `json:"t"`
}

// pageFailure is one entry of the report's failures, linked to the
// execution it happened in (-1 when none matches).
type pageFailure struct {
	Exec    int    `json:"x"`
	Iter    int    `json:"i"`
	Source  string `json:"src,omitempty"`
	Parent  string `json:"par,omitempty"`
	At      string `json:"at,omitempty"`
	Name    string `json:"n"`
	Test    string `json:"test,omitempty"`
	Message string `json:"m"`
}

// pageMeta is everything but the executions.
type pageMeta struct {
	Title       string               `json:"title"`
	Environment string               `json:"environment,omitempty"`
	Stats       jsonreport.Stats     `json:"stats"`
	Timings     pageTimings          `json:"timings"`
	Transfers   jsonreport.Transfers `json:"transfers"`
	Failures    []pageFailure        `json:"failures"`
	RunError    *pageRunError        `json:"error,omitempty"`
	// Paths maps an item id to its folder path ("Users / Nested").
	Paths map[string]string `json:"paths"`
	// Folders lists the folder paths in collection order, for the filter.
	Folders []string `json:"folders"`
	// Omitted says some data was left out on purpose (Options.Omit).
	Omitted bool `json:"omitted,omitempty"`
	// MaxBody and BodyBudget are the limits the page was made with.
	MaxBody    int    `json:"maxBody"`
	BodyBudget int    `json:"bodyBudget"`
	Generator  string `json:"generator"`
}

// pageTimings are the run's timings the page shows.
type pageTimings struct {
	ResponseAverage float64 `json:"responseAverage"`
	ResponseMin     float64 `json:"responseMin"`
	ResponseMax     float64 `json:"responseMax"`
	ResponseSd      float64 `json:"responseSd"`
	Started         int64   `json:"started"`
	Completed       int64   `json:"completed"`
}

// pageRunError is why the run stopped.
type pageRunError struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

func headerPairs(h []jsonreport.KV) [][2]string {
	var out [][2]string
	for _, kv := range h {
		if !kv.Disabled {
			out = append(out, [2]string{kv.Key, string(kv.Value)})
		}
	}
	return out
}

func headerValue(h []jsonreport.KV, name string) string {
	for _, kv := range h {
		if !kv.Disabled && strings.EqualFold(kv.Key, name) {
			return string(kv.Value)
		}
	}
	return ""
}

// binaryTypes are media types whose bodies are never shown as text.
var binaryTypes = []string{"image/", "audio/", "video/", "font/", "application/octet-stream", "application/pdf",
	"application/zip", "application/gzip", "application/x-tar", "application/x-7z-compressed", "application/wasm",
	"application/vnd.ms-excel", "application/vnd.openxmlformats", "application/msword", "application/x-protobuf", "application/protobuf"}

func mediaType(ct string) string {
	if ct == "" {
		return ""
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt
}

// looksBinary says whether data, read as UTF-8 text, would be noise: it is
// not valid UTF-8 (a rune cut at the end is fine), or holds NUL or many
// control characters.
func looksBinary(data []byte) bool {
	if len(data) == 0 {
		return false
	}
	check := data
	// A body cut in the middle of a rune is still text.
	for i := 0; i < utf8.UTFMax && len(check) > 0; i++ {
		if utf8.Valid(check) {
			break
		}
		check = check[:len(check)-1]
	}
	if !utf8.Valid(check) {
		return true
	}
	ctrl := 0
	for _, c := range check {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > len(check) // over 10%
}

// textBody keeps the first max bytes of data (all when max < 0), cut on a
// rune boundary, or describes data when it is binary.
func textBody(data []byte, size int, contentType string, max int) *pageBody {
	if size < len(data) {
		size = len(data)
	}
	mt := mediaType(contentType)
	b := &pageBody{Size: size, Type: mt}
	for _, p := range binaryTypes {
		if strings.HasPrefix(mt, p) {
			b.Binary = true
			return b
		}
	}
	if looksBinary(data) {
		b.Binary = true
		return b
	}
	if max >= 0 && len(data) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(data[cut]) {
			cut--
		}
		data = data[:cut]
		b.Cut, b.Limit = true, max
	}
	b.Text = string(data)
	return b
}

// limits hands out each body's byte limit: MaxBody until the page's body
// budget is spent, then budgetTail, so a long run's page stays small
// enough for a browser to open.
type limits struct {
	max, budget, spent int
}

// budgetTail is what each body keeps once the budget is spent.
const budgetTail = 2 << 10

func (l *limits) next() (max int, overBudget bool) {
	if l.max < 0 {
		return -1, false
	}
	if l.budget > 0 && l.spent >= l.budget {
		return min(l.max, budgetTail), l.max > budgetTail
	}
	return l.max, false
}

// body applies the next limit to a body made by mk.
func (l *limits) body(mk func(max int) *pageBody) *pageBody {
	max, over := l.next()
	b := mk(max)
	if b != nil {
		l.spent += len(b.Text)
		b.Budget = over && b.Cut
	}
	return b
}

func requestBody(in *jsonreport.Body, contentType string, max int) *pageBody {
	if in == nil {
		return nil
	}
	switch in.Mode {
	case "urlencoded", "formdata":
		fields := in.URLEncoded
		if in.Mode == "formdata" {
			fields = in.FormData
		}
		var form [][2]string
		for _, f := range fields {
			if f.Disabled {
				continue
			}
			v := string(f.Value)
			if f.Type == "file" {
				v = "(file " + string(f.Src) + ")"
			}
			form = append(form, [2]string{f.Key, v})
		}
		if len(form) == 0 {
			return nil
		}
		return &pageBody{Form: form, Type: in.Mode}
	case "file":
		if in.File == nil {
			return &pageBody{Text: "(file)"}
		}
		if in.File.Content != "" {
			return textBody([]byte(in.File.Content), len(in.File.Content), contentType, max)
		}
		return &pageBody{Text: "(file " + string(in.File.Src) + ")", Size: 0}
	case "graphql":
		if in.GraphQL == nil {
			return nil
		}
		text := in.GraphQL.Query
		if v := string(in.GraphQL.Variables); v != "" {
			text += "\n\nvariables: " + v
		}
		return textBody([]byte(text), len(text), "application/graphql", max)
	}
	if in.Raw == "" {
		return nil
	}
	return textBody([]byte(in.Raw), len(in.Raw), contentType, max)
}

func errorText(e *jsonreport.Error) pageError {
	name := e.Name
	if name == "" {
		name = e.Type
	}
	if name == "" {
		name = "Error"
	}
	msg := e.Message
	if msg == "" && e.Code != "" {
		// Newman's executions keep a system error's fields but not its
		// message; Node builds it from them.
		msg = strings.TrimSpace(e.Syscall + " " + e.Code)
		if e.Address != "" {
			msg += " " + e.Address
			if e.Port != nil {
				msg += fmt.Sprintf(":%d", *e.Port)
			}
		}
	}
	return pageError{Name: name, Message: msg}
}

// convert turns one execution into the page's form.
func convert(e *jsonreport.Execution, lim *limits) pageExec {
	p := pageExec{Iteration: e.Cursor.Iteration, ItemID: e.Item.ID, Name: e.Item.Name, Skipped: e.Skipped}
	if p.Name == "" {
		p.Name = e.Item.ID
	}
	if q := e.Request; q != nil {
		p.Request = &pageRequest{Method: q.Method, URL: q.URL.String(), Header: headerPairs(q.Header),
			Body: lim.body(func(max int) *pageBody { return requestBody(q.Body, headerValue(q.Header, "Content-Type"), max) })}
	}
	if r := e.Response; r != nil {
		p.Response = &pageResp{Code: r.Code, Status: r.Status, Time: r.ResponseTime, Size: r.ResponseSize, Header: headerPairs(r.Header)}
		if p.Response.Size == 0 {
			p.Response.Size = len(r.Stream.Data)
		}
		switch {
		case len(r.Stream.Data) > 0:
			p.Response.Body = lim.body(func(max int) *pageBody {
				return textBody(r.Stream.Data, p.Response.Size, headerValue(r.Header, "Content-Type"), max)
			})
		case p.Response.Size > 0:
			// The JSON report left the bytes out (a body size limit).
			p.Response.Body = &pageBody{Size: p.Response.Size, Missing: true, Type: mediaType(headerValue(r.Header, "Content-Type"))}
		}
	}
	for _, s := range e.PrerequestScript {
		if s.Error != nil {
			pe := errorText(s.Error)
			pe.At = "prerequest-script"
			p.Errors = append(p.Errors, pe)
		}
	}
	if e.RequestError != nil {
		pe := errorText(e.RequestError)
		pe.At = "request"
		p.Errors = append(p.Errors, pe)
	}
	for _, s := range e.TestScript {
		if s.Error != nil {
			pe := errorText(s.Error)
			pe.At = "test-script"
			p.Errors = append(p.Errors, pe)
		}
	}
	for _, a := range e.Assertions {
		pa := pageAssert{Name: a.Assertion, Status: "pass"}
		switch {
		case a.Skipped:
			pa.Status = "skip"
		case a.Error != nil:
			pa.Status = "fail"
			pa.Error, pa.ErrName = a.Error.Message, a.Error.Name
		}
		p.Asserts = append(p.Asserts, pa)
	}
	for _, c := range e.Console {
		p.Console = append(p.Console, pageLine{Level: c.Level, Text: c.Message})
	}
	p.Failed = len(p.Errors) > 0
	for _, a := range p.Asserts {
		p.Failed = p.Failed || a.Status == "fail"
	}
	return p
}

// folderPaths maps each request's id to its folder path and lists the
// folders in collection order.
func folderPaths(items []jsonreport.Item) (map[string]string, []string) {
	paths := map[string]string{}
	var folders []string
	var walk func(items []jsonreport.Item, prefix string)
	walk = func(items []jsonreport.Item, prefix string) {
		for _, it := range items {
			isFolder := it.Item != nil && it.Request == nil
			if !isFolder {
				if _, dup := paths[it.ID]; !dup && prefix != "" && it.ID != "" {
					paths[it.ID] = prefix
				}
				continue
			}
			p := it.Name
			if prefix != "" {
				p = prefix + " / " + it.Name
			}
			folders = append(folders, p)
			walk(it.Item, p)
		}
	}
	walk(items, "")
	return paths, folders
}

// marshal encodes v for a <script type="application/json"> element:
// json.Marshal escapes <, > and &, so no "</script>" can end it early.
func marshal(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding the page data: %w", err)
	}
	return bytes.TrimSpace(b), nil
}

// ScalarKeys returns the keys of the page's data blocks whose numbers and
// booleans are courier's own (sizes, times, codes, counts, flags): a
// redactor of the page keeps them, as it keeps the JSON report's (see
// jsonreport.ScalarKeys). The page holds no typed values: headers, bodies
// and form fields are text.
func ScalarKeys() map[string]bool {
	pageScalarsOnce.Do(func() {
		pageScalars = jsonreport.ScalarKeysOf(reflect.TypeFor[pageExec](), reflect.TypeFor[pageMeta]())
	})
	return pageScalars
}

var (
	pageScalarsOnce sync.Once
	pageScalars     map[string]bool
)
