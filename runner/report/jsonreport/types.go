// Package jsonreport holds the JSON report's types: Newman's run report
// (collection, environment, globals, run{stats, timings, executions,
// transfers, failures, error}), which courier writes with -r json and
// reads back to merge shards and render other reports from a saved run.
// It is courier's plain-data exchange format: everything a reporter shows
// is in it, with no live runner state.
package jsonreport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Newman's report types. Field names are Newman's; tests decode reports
// back into these.

type Stat struct {
	Total   int `json:"total"`
	Pending int `json:"pending"`
	Failed  int `json:"failed"`
}

type Timings struct {
	ResponseAverage  float64 `json:"responseAverage"`
	ResponseMin      float64 `json:"responseMin"`
	ResponseMax      float64 `json:"responseMax"`
	ResponseSd       float64 `json:"responseSd"`
	DNSAverage       float64 `json:"dnsAverage"`
	DNSMin           float64 `json:"dnsMin"`
	DNSMax           float64 `json:"dnsMax"`
	DNSSd            float64 `json:"dnsSd"`
	FirstByteAverage float64 `json:"firstByteAverage"`
	FirstByteMin     float64 `json:"firstByteMin"`
	FirstByteMax     float64 `json:"firstByteMax"`
	FirstByteSd      float64 `json:"firstByteSd"`
	Started          int64   `json:"started"`
	Completed        int64   `json:"completed"`
}

// Cursor is an execution's or failure's place in the run, in one of
// postman-runtime's two shapes: the run's first item (and one reached by a
// setNextRequest jump to the first) has the cursor's whole state
// (position, iteration, length, cycles, empty, eof, bof, cr, ref), every
// other item the next step's (ref, length, cycles, position, iteration,
// cr only when it opens an iteration). The runtime adds httpRequestId once
// the request is built, and a script's cursor its scriptId and, for an
// assertion or a pm.sendRequest, the execution's id.
type Cursor struct {
	Position      int    `json:"position"`
	Iteration     int    `json:"iteration"`
	Length        int    `json:"length"`
	Cycles        int    `json:"cycles"`
	Empty         bool   `json:"empty"`
	EOF           bool   `json:"eof"`
	BOF           bool   `json:"bof"`
	CR            bool   `json:"cr"`
	Ref           string `json:"ref"`
	HTTPRequestID string `json:"httpRequestId,omitempty"`
	ScriptID      string `json:"scriptId,omitempty"`
	Execution     string `json:"execution,omitempty"`
	// Step marks the next step's shape (see above); false writes the
	// whole state.
	Step bool `json:"-"`
	// LateRequestID writes httpRequestId last: a pm.sendRequest that
	// failed in a pre-request script has the cursor the runtime goes on
	// mutating, and Newman's report shows the item's request id added to
	// it after the script's ids.
	LateRequestID bool `json:"-"`
}

// UnmarshalJSON reads either shape (a cursor without "empty" is a step).
func (c *Cursor) UnmarshalJSON(b []byte) error {
	type plain Cursor
	if err := json.Unmarshal(b, (*plain)(c)); err != nil {
		return err
	}
	c.Step = !bytes.Contains(b, []byte(`"empty"`))
	return nil
}

// MarshalJSON writes the cursor in its shape.
func (c Cursor) MarshalJSON() ([]byte, error) { return json.Marshal(c.shaped()) }

// plainCursor is a Cursor without its MarshalJSON: the whole state.
type plainCursor Cursor

// The shapes the encoder writes: a cursor's state (the whole one, or the
// next step's), then its ids, httpRequestId first or last
// (Cursor.LateRequestID). encoding/json writes an embedded struct's fields
// in its place.
type (
	stepCursor struct {
		stepState
		cursorIDs
	}
	lateStepCursor struct {
		stepState
		lateIDs
	}
	latePlainCursor struct {
		wholeState
		lateIDs
	}
)

// wholeState is the cursor's whole state, in the runtime's order.
type wholeState struct {
	Position  int    `json:"position"`
	Iteration int    `json:"iteration"`
	Length    int    `json:"length"`
	Cycles    int    `json:"cycles"`
	Empty     bool   `json:"empty"`
	EOF       bool   `json:"eof"`
	BOF       bool   `json:"bof"`
	CR        bool   `json:"cr"`
	Ref       string `json:"ref"`
}

// stepState is the next step's state, in the runtime's order.
type stepState struct {
	Ref       string `json:"ref"`
	Length    int    `json:"length"`
	Cycles    int    `json:"cycles"`
	Position  int    `json:"position"`
	Iteration int    `json:"iteration"`
	CR        bool   `json:"cr,omitempty"`
}

type cursorIDs struct {
	HTTPRequestID string `json:"httpRequestId,omitempty"`
	ScriptID      string `json:"scriptId,omitempty"`
	Execution     string `json:"execution,omitempty"`
}

type lateIDs struct {
	ScriptID      string `json:"scriptId,omitempty"`
	Execution     string `json:"execution,omitempty"`
	HTTPRequestID string `json:"httpRequestId,omitempty"`
}

// shaped is the cursor as a value the encoder writes in its shape
// without calling MarshalJSON (whose output it would check again).
func (c *Cursor) shaped() any {
	step := stepState{c.Ref, c.Length, c.Cycles, c.Position, c.Iteration, c.CR}
	late := lateIDs{c.ScriptID, c.Execution, c.HTTPRequestID}
	switch {
	case c.LateRequestID && c.Step:
		return &lateStepCursor{step, late}
	case c.LateRequestID:
		return &latePlainCursor{wholeState{c.Position, c.Iteration, c.Length, c.Cycles, c.Empty, c.EOF, c.BOF, c.CR, c.Ref}, late}
	case !c.Step:
		return (*plainCursor)(c)
	}
	return &stepCursor{step, cursorIDs{c.HTTPRequestID, c.ScriptID, c.Execution}}
}

type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// KV is a header, a URL variable or a form field. Disabled, Type and Src
// come from Newman's reports (postman-collection's forms); courier writes
// only key and value.
//
// The fields are in postman-collection's order (Newman's report shows
// disabled first, then key, value, type, src, contentType).
type KV struct {
	// Name is the row's name when the collection gave a truthy one, and
	// DisabledSet writes "disabled": false when it gave the member:
	// postman-collection's Property keeps both, first in the row.
	Name        string `json:"name,omitempty"`
	Disabled    bool   `json:"disabled,omitempty"`
	DisabledSet bool   `json:"-"`
	// Description is a header row's description, as postman-collection
	// writes it ({content, type}).
	Description *KVDescription `json:"description,omitempty"`
	Key         string         `json:"key"`
	Value       Text           `json:"value"`
	// Type is a form-data field's type: "text" or "file".
	Type string `json:"type,omitempty"`
	// Src is a file field's path (or paths, as their JSON text).
	Src Paths `json:"src,omitempty"`
	// ContentType is a form-data field's own Content-Type.
	ContentType string `json:"contentType,omitempty"`
	// System marks a request header the runtime added, as in Newman's
	// report.
	System bool `json:"system,omitempty"`
	// NoValue writes an urlencoded row that has no value as the
	// collection wrote it: ValueUnset leaves "value" out, ValueNull
	// writes null (Value is then "").
	NoValue NoValue `json:"-"`
	// Typed is the value's JSON when it is not a string (a header a
	// script or the collection gave as 5, true, null or an object):
	// written as that value, as Newman writes it.
	Typed string `json:"-"`
	// Meta is what else postman-collection keeps of the row, as JSON
	// (collections.RowMeta): an id, a name that is not a string, a
	// disabled that is not a boolean, the row's own system member.
	Meta string `json:"-"`
	// DisabledLast writes "disabled": true last in the row: a form-data
	// field postman-runtime disabled because its file could not be read
	// (the member added to the row after the others).
	DisabledLast bool `json:"-"`
}

// disabledLast writes the row with "disabled": true as its last member.
func (k KV) disabledLast() ([]byte, error) {
	k.Disabled, k.DisabledLast = false, false
	b, err := json.Marshal(k)
	if err != nil || len(b) < 2 {
		return b, err
	}
	return append(append(b[:len(b)-1:len(b)-1], `,"disabled":true`...), '}'), nil
}

// KVDescription is a row's description.
type KVDescription struct {
	Content Text   `json:"content"`
	Type    string `json:"type"`
	// ContentJSON, when set, is written in place of Content (null, 5);
	// NoContent leaves "content" out.
	ContentJSON json.RawMessage `json:"-"`
	NoContent   bool            `json:"-"`
}

func (d KVDescription) MarshalJSON() ([]byte, error) {
	type plain KVDescription
	if d.ContentJSON == nil && !d.NoContent {
		return json.Marshal(plain(d))
	}
	return json.Marshal(struct {
		Content json.RawMessage `json:"content,omitempty"`
		Type    string          `json:"type"`
	}{d.ContentJSON, d.Type})
}

// NoValue says how a row without a value string is written.
type NoValue uint8

const (
	HasValue NoValue = iota
	ValueUnset
	ValueNull
)

// UnmarshalJSON reads a row, remembering a value left out or null
// (NoValue), so a report written again keeps it so.
func (k *KV) UnmarshalJSON(b []byte) error {
	var r struct {
		Key         string          `json:"key"`
		Value       json.RawMessage `json:"value"`
		Disabled    bool            `json:"disabled"`
		Type        string          `json:"type"`
		Src         Text            `json:"src"`
		ContentType string          `json:"contentType"`
		System      bool            `json:"system"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*k = KV{Key: r.Key, Disabled: r.Disabled, Type: r.Type, Src: Paths(r.Src), ContentType: r.ContentType, System: r.System}
	switch {
	case r.Value == nil:
		k.NoValue = ValueUnset
	case string(r.Value) == "null":
		k.NoValue = ValueNull
	default:
		return k.Value.UnmarshalJSON(r.Value)
	}
	return nil
}

func (k KV) MarshalJSON() ([]byte, error) {
	type plain KV
	if k.DisabledLast {
		return k.disabledLast()
	}
	if k.NoValue == HasValue && k.Typed == "" && k.Meta == "" && (k.Disabled || !k.DisabledSet) {
		return json.Marshal(plain(k))
	}
	var value json.RawMessage // left out
	switch {
	case k.Typed != "":
		value = json.RawMessage(k.Typed)
	case k.NoValue == ValueNull:
		value = json.RawMessage("null")
	case k.NoValue == HasValue:
		v, err := json.Marshal(string(k.Value))
		if err != nil {
			return nil, err
		}
		value = v
	}
	var m struct{ ID, Name, Disabled, System json.RawMessage }
	if k.Meta != "" {
		// Meta is collections' JSON; a report whose text was masked in
		// place could break it, and then the row goes without it.
		_ = json.Unmarshal([]byte(k.Meta), &m)
	}
	if m.Name == nil && k.Name != "" {
		m.Name, _ = json.Marshal(k.Name)
	}
	if m.Disabled == nil && (k.Disabled || k.DisabledSet) {
		m.Disabled = json.RawMessage(strconv.FormatBool(k.Disabled))
	}
	if m.System == nil && k.System {
		m.System = json.RawMessage("true")
	}
	return json.Marshal(struct {
		ID          json.RawMessage `json:"id,omitempty"`
		Name        json.RawMessage `json:"name,omitempty"`
		Disabled    json.RawMessage `json:"disabled,omitempty"`
		Description *KVDescription  `json:"description,omitempty"`
		Key         string          `json:"key"`
		Value       json.RawMessage `json:"value,omitempty"`
		Type        string          `json:"type,omitempty"`
		Src         Paths           `json:"src,omitempty"`
		ContentType string          `json:"contentType,omitempty"`
		System      json.RawMessage `json:"system,omitempty"`
	}{m.ID, m.Name, m.Disabled, k.Description, k.Key, value, k.Type, k.Src, k.ContentType, m.System})
}

// Paths is a file field's src: one path, written as a string, or several,
// held as their JSON array's text and written as that array (as Newman
// writes them).
type Paths Text

func (p Paths) MarshalJSON() ([]byte, error) {
	if s := string(p); strings.HasPrefix(s, "[") && json.Valid([]byte(s)) {
		return []byte(s), nil
	}
	return json.Marshal(string(p))
}

func (p *Paths) UnmarshalJSON(b []byte) error { return (*Text)(p).UnmarshalJSON(b) }

// URL is postman-collection's Url in its key order (auth, protocol, port,
// path, hash, host, query, variable).
type URL struct {
	// Raw is the URL as one string, when the report gave it so (older
	// Newman reports); courier writes the parts.
	Raw string `json:"raw,omitempty"`
	// Auth is the URL's user:password@ part, as Newman's report has it
	// (still percent-encoded).
	Auth     *URLAuth `json:"auth,omitempty"`
	Protocol string   `json:"protocol,omitempty"`
	Port     string   `json:"port,omitempty"`
	// Path and Host are left out when empty, as postman-collection
	// writes a URL without them ("{{baseUrl}}" has no path).
	Path     []string  `json:"path,omitempty"`
	Hash     *string   `json:"hash,omitempty"` // "" is a bare "#"
	Host     []string  `json:"host,omitempty"`
	Query    []Query   `json:"query"`
	Variable []PathVar `json:"variable"`
}

// PathVar is a URL's :path variable as postman-collection writes it: its
// id, name, disabled and description when the collection gives them (id,
// name and disabled as written: a number, null), its type ("any" unless
// given), a value only when it has one, and system last.
type PathVar struct {
	ID          json.RawMessage `json:"id,omitempty"`
	Name        json.RawMessage `json:"name,omitempty"`
	Disabled    json.RawMessage `json:"disabled,omitempty"`
	Description json.RawMessage `json:"description,omitempty"`
	Type        string          `json:"type,omitempty"`
	Value       Text            `json:"value,omitempty"`
	Key         string          `json:"key"`
	System      json.RawMessage `json:"system,omitempty"`
}

// SetMeta sets the variable's id, name, disabled and system from the
// collection's id and disabled flag and what else it kept
// (collections.Variable.Meta's JSON; left out when masking broke it).
func (v *PathVar) SetMeta(id string, disabled bool, meta string) {
	var m struct{ ID, Name, Disabled, System json.RawMessage }
	if meta != "" {
		_ = json.Unmarshal([]byte(meta), &m)
	}
	if m.ID == nil && id != "" {
		m.ID, _ = json.Marshal(id)
	}
	if m.Disabled == nil && disabled {
		m.Disabled = json.RawMessage("true")
	}
	v.ID, v.Name, v.Disabled, v.System = m.ID, m.Name, m.Disabled, m.System
}

// URLAuth is a URL's credentials; Password is absent for "user@".
type URLAuth struct {
	User     string  `json:"user"`
	Password *string `json:"password,omitempty"`
}

// Query is a query parameter; a key sent without "=" has a null value,
// as in Newman's report.
type Query struct {
	// ID, Name and System are as the collection gave them (see KV.Meta;
	// Name is the JSON of a truthy name); Disabled is written when on or
	// when the collection wrote it off.
	ID       json.RawMessage `json:"id,omitempty"`
	Name     json.RawMessage `json:"name,omitempty"`
	Disabled Flag            `json:"disabled,omitzero"`
	// Description is the parameter's description in the collection
	// (postman-collection's {content, type}); a sent URL has none.
	Description *KVDescription  `json:"description,omitempty"`
	Key         string          `json:"key"`
	Value       *string         `json:"value"`
	System      json.RawMessage `json:"system,omitempty"`
}

// SetMeta sets the row's id, name and system from a row's name and
// meta (collections.RowMeta's JSON, which masking could have broken: then
// it is left out).
func (q *Query) SetMeta(name, meta string) {
	var m struct{ ID, Name, System json.RawMessage }
	if meta != "" {
		_ = json.Unmarshal([]byte(meta), &m)
	}
	if m.Name == nil && name != "" {
		m.Name, _ = json.Marshal(name)
	}
	q.ID, q.Name, q.System = m.ID, m.Name, m.System
}

// Flag is a row's disabled member: on, or off as the file wrote it
// (Set); left out otherwise (omitzero), so the encoder calls MarshalJSON
// only for the rows that have it.
type Flag struct{ On, Set bool }

func (f Flag) IsZero() bool { return !f.On && !f.Set }

func (f Flag) MarshalJSON() ([]byte, error) {
	if f.On {
		return []byte("true"), nil
	}
	return []byte("false"), nil
}

// Body is a request body. courier's executions hold the bytes sent as raw
// text; Newman's (and collection items) keep the body's mode and its form:
// fields for urlencoded and formdata, a file, a GraphQL query.
type Body struct {
	Mode       string   `json:"mode,omitempty"` // none in a body given as {}
	Raw        string   `json:"raw,omitempty"`
	URLEncoded []KV     `json:"urlencoded,omitempty"`
	FormData   []KV     `json:"formdata,omitempty"`
	File       *File    `json:"file,omitempty"`
	GraphQL    *GraphQL `json:"graphql,omitempty"`
	// Options is the collection body's options (a raw body's language).
	Options *BodyOptions `json:"options,omitempty"`
	// Disabled marks a body the collection turned off.
	Disabled bool `json:"disabled,omitempty"`
}

// MarshalJSON writes a raw body's text also when it is empty, and an
// urlencoded or formdata body's fields also when there are none (an empty
// list), as postman-collection does.
func (b Body) MarshalJSON() ([]byte, error) {
	type plain Body
	switch {
	case b.Mode == "urlencoded" && len(b.URLEncoded) == 0:
		return json.Marshal(struct {
			Mode       string       `json:"mode"`
			URLEncoded []KV         `json:"urlencoded"`
			Options    *BodyOptions `json:"options,omitempty"`
			Disabled   bool         `json:"disabled,omitempty"`
		}{b.Mode, []KV{}, b.Options, b.Disabled})
	case b.Mode == "formdata" && len(b.FormData) == 0:
		return json.Marshal(struct {
			Mode     string       `json:"mode"`
			FormData []KV         `json:"formdata"`
			Options  *BodyOptions `json:"options,omitempty"`
			Disabled bool         `json:"disabled,omitempty"`
		}{b.Mode, []KV{}, b.Options, b.Disabled})
	case b.Mode != "raw" || b.Raw != "":
		return json.Marshal(plain(b))
	}
	return json.Marshal(struct {
		Mode     string       `json:"mode,omitempty"`
		Raw      string       `json:"raw"`
		Options  *BodyOptions `json:"options,omitempty"`
		Disabled bool         `json:"disabled,omitempty"`
	}{b.Mode, b.Raw, b.Options, b.Disabled})
}

// BodyOptions is a body's options as the collection gives them.
type BodyOptions struct {
	Raw *RawOptions `json:"raw,omitempty"`
}

// RawOptions is a raw body's options: its language (json, xml, text…).
type RawOptions struct {
	Language string `json:"language,omitempty"`
}

// File is a body sent from a file: its path, and its text when the report
// kept it.
type File struct {
	Src     Text   `json:"src"`
	Content string `json:"content,omitempty"`
	// Given, when set, is written in place of the fields: the file
	// member as postman-collection holds it ({}, {"src": null}, the
	// runtime's {"src": "a", "value": null}), as Newman writes it.
	Given json.RawMessage `json:"-"`
}

func (f File) MarshalJSON() ([]byte, error) {
	if f.Given != nil {
		return f.Given, nil
	}
	type plain File
	return json.Marshal(plain(f))
}

// GraphQL is a GraphQL body: the query and its variables (JSON text).
type GraphQL struct {
	Query     string `json:"query"`
	Variables Text   `json:"variables,omitempty"`
	// Given, when set, is written in place of the fields: the members
	// the collection gave, as written (operationName, a variables
	// object, an empty text), as Newman writes them.
	Given json.RawMessage `json:"-"`
}

func (g GraphQL) MarshalJSON() ([]byte, error) {
	if g.Given != nil {
		return g.Given, nil
	}
	type plain GraphQL
	return json.Marshal(plain(g))
}

type Request struct {
	// Description and Auth are kept as postman-collection writes them
	// ({content, type}; {type, <type>: [{key, value, type}]}), in its
	// key order: description, url, header, method, body, auth.
	Description json.RawMessage `json:"description,omitempty"`
	URL         URL             `json:"url"`
	Header      []KV            `json:"header,omitempty"` // none when the request was never built
	Method      string          `json:"method"`
	Body        *Body           `json:"body,omitempty"`
	Auth        json.RawMessage `json:"auth,omitempty"`
}

// Bytes encodes as a JSON array of numbers, as Node encodes a Buffer.
type Bytes []byte

func (b Bytes) MarshalJSON() ([]byte, error) {
	out := make([]byte, 0, 2+len(b)*4)
	out = append(out, '[')
	for i, c := range b {
		if i > 0 {
			out = append(out, ',')
		}
		out = strconv.AppendUint(out, uint64(c), 10)
	}
	return append(out, ']'), nil
}

// UnmarshalJSON reads the array of byte values straight into bytes, not
// through []int: a 10,000-request report holds millions of them.
func (b *Bytes) UnmarshalJSON(p []byte) error {
	p = bytes.TrimSpace(p)
	if string(p) == "null" {
		*b = nil
		return nil
	}
	if len(p) < 2 || p[0] != '[' || p[len(p)-1] != ']' {
		return errors.New("a response body must be an array of byte values")
	}
	out := make([]byte, 0, len(p)/3)
	n, digits, spaced := 0, 0, false
	for _, c := range p[1:] {
		switch {
		case c >= '0' && c <= '9':
			if spaced {
				return errors.New("a response body array has two numbers without a comma between them")
			}
			n = n*10 + int(c-'0')
			digits++
			if n > 255 {
				return errors.New("a response body byte is out of range (over 255)")
			}
		case c == ',' || c == ']':
			if digits == 0 {
				if c == ']' && len(out) == 0 {
					continue // []
				}
				return errors.New("a response body array has an empty element")
			}
			out = append(out, byte(n))
			n, digits, spaced = 0, 0, false
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			spaced = digits > 0
		default:
			return fmt.Errorf("a response body array holds %q, not a byte value", c)
		}
	}
	*b = out
	return nil
}

type Stream struct {
	Type string `json:"type"`
	Data Bytes  `json:"data"`
}

type Response struct {
	ID           string     `json:"id"`
	Status       string     `json:"status,omitempty"` // none: no reason phrase, a code http-reasons lacks
	Code         int        `json:"code"`
	Header       []KV       `json:"header"`
	Stream       Stream     `json:"stream"`
	Cookie       []struct{} `json:"cookie"`
	ResponseTime float64    `json:"responseTime"`
	ResponseSize int        `json:"responseSize"`
}

type Error struct {
	// BytesParsed and Reason are llhttp's on a response Node's parser
	// refused (bytesParsed first, reason after code, as Node sets them).
	BytesParsed *int `json:"bytesParsed,omitempty"`
	// Node's system error fields, for request errors (see the report's requestErrorJSON).
	Errno  *int   `json:"errno,omitempty"`
	Code   string `json:"code,omitempty"`
	Reason string `json:"reason,omitempty"`
	// RawPacket is the bytes of a response Node's parser refused, which
	// Newman's report writes as Node's Buffer serialises ({type, data})
	// and its checksum hashes (as object-hash hashes a Buffer).
	RawPacket Buffer `json:"rawPacket,omitempty"`
	Syscall   string `json:"syscall,omitempty"`
	Address   string `json:"address,omitempty"`
	Port      *int   `json:"port,omitempty"`
	Hostname  string `json:"hostname,omitempty"`
	Connect   *bool  `json:"connect,omitempty"` // on request timeouts, as Newman's request library sets it

	Type    string `json:"type,omitempty"`
	Name    string `json:"name"`
	Index   *int   `json:"index,omitempty"`
	Test    string `json:"test,omitempty"`
	Message string `json:"message"`
	Stack   string `json:"stack,omitempty"`
	// Checksum, ID, Timestamp and Stacktrace are what Newman's
	// serialised-error adds to an error in run.failures and to a
	// script's error: a hash of the error, an id, when it happened (ms
	// since the epoch) and its parsed stack frames. courier's checksum is
	// Newman's for the same fields; its timestamp is the error's moment.
	Checksum   string          `json:"checksum,omitempty"`
	ID         string          `json:"id,omitempty"`
	Timestamp  int64           `json:"timestamp,omitempty"`
	Stacktrace json.RawMessage `json:"stacktrace,omitempty"`
	// Fields, when set, are a chai AssertionError's own fields as its
	// toJSON gives them (a JSON object: name, message, showDiff, actual,
	// expected, operator), written in place of name and message, as
	// Newman writes such an error. A report read back leaves them out.
	Fields json.RawMessage `json:"-"`
}

// Buffer is bytes written as Node's Buffer#toJSON writes them:
// {"type":"Buffer","data":[...]}.
type Buffer []byte

func (b Buffer) MarshalJSON() ([]byte, error) {
	out := make([]byte, 0, 26+4*len(b))
	out = append(out, `{"type":"Buffer","data":[`...)
	for i, c := range b {
		if i > 0 {
			out = append(out, ',')
		}
		out = strconv.AppendUint(out, uint64(c), 10)
	}
	return append(out, "]}"...), nil
}

func (b *Buffer) UnmarshalJSON(data []byte) error {
	var v struct{ Data []int }
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	out := make([]byte, len(v.Data))
	for i, n := range v.Data {
		out[i] = byte(n)
	}
	*b = out
	return nil
}

// MarshalJSON writes the error's fields in their order, a chai
// AssertionError's own fields (Fields) first when it has them.
func (e Error) MarshalJSON() ([]byte, error) {
	type plain Error
	if len(e.Fields) < 2 || e.Fields[0] != '{' {
		return json.Marshal(plain(e))
	}
	rest, err := json.Marshal(struct {
		Stack      string          `json:"stack,omitempty"`
		Checksum   string          `json:"checksum,omitempty"`
		ID         string          `json:"id,omitempty"`
		Timestamp  int64           `json:"timestamp,omitempty"`
		Stacktrace json.RawMessage `json:"stacktrace,omitempty"`
	}{e.Stack, e.Checksum, e.ID, e.Timestamp, e.Stacktrace})
	if err != nil {
		return nil, err
	}
	fields := bytes.TrimSpace(e.Fields)
	out := append([]byte(nil), fields[:len(fields)-1]...)
	if len(rest) > 2 {
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(out, rest[1:len(rest)-1]...)
	}
	return append(out, '}'), nil
}

type Assertion struct {
	Assertion string `json:"assertion"`
	Skipped   bool   `json:"skipped"`
	Error     *Error `json:"error,omitempty"`
}

type ScriptResult struct {
	Error *Error `json:"error,omitempty"`
}

type Execution struct {
	Cursor Cursor `json:"cursor"`
	// Item is the whole item, as Newman writes it (id, name, request,
	// response, event); older courier reports held only id and name.
	Item             Item           `json:"item"`
	Request          *Request       `json:"request,omitempty"`
	Response         *Response      `json:"response,omitempty"`
	ID               string         `json:"id"`
	Assertions       []Assertion    `json:"assertions,omitempty"`
	TestScript       []ScriptResult `json:"testScript,omitempty"`
	PrerequestScript []ScriptResult `json:"prerequestScript,omitempty"`
	RequestError     *Error         `json:"requestError,omitempty"`
	// Skipped marked a request skipped with pm.execution.skipRequest() in
	// older courier reports; such a request now has no execution,
	// as in Newman. Read so that older reports still replay.
	Skipped bool `json:"skipped,omitempty"`
	// Interrupted marks the execution a cancelled or timed-out run left
	// unfinished (not in Newman): its request did not complete.
	Interrupted bool `json:"interrupted,omitempty"`
	// Console holds the console lines the item's scripts printed (not in
	// Newman, whose JSON report drops them), so the HTML report can show
	// them from a saved run.
	Console []Console `json:"console,omitempty"`
	// Order is the order in which the run first set the keys: Newman's
	// execution is one object its run events fill in, so its keys come in
	// the order of the events (a pre-request script's error before the
	// request, an assertion of a pre-request script before it too). Keys
	// it does not name follow in the fields' order.
	Order []string `json:"-"`
}

// Set notes that the run set key, for Order.
func (e *Execution) Set(keys ...string) {
	for _, k := range keys {
		if !slices.Contains(e.Order, k) {
			e.Order = append(e.Order, k)
		}
	}
}

// MarshalJSON writes the keys in Order, then the others.
func (e Execution) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	if err := e.Encode(&buf, json.NewEncoder(&buf)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// executionFields are an execution's keys in their default order, each with
// the value it writes; false leaves the key out, as Newman leaves out what a
// run did not set.
var executionFields = [...]struct {
	key   string
	value func(e *Execution) (any, bool)
}{
	{"cursor", func(e *Execution) (any, bool) { return e.Cursor.shaped(), true }},
	{"item", func(e *Execution) (any, bool) { return &e.Item, true }},
	{"prerequestScript", func(e *Execution) (any, bool) { return e.PrerequestScript, len(e.PrerequestScript) > 0 }},
	{"request", func(e *Execution) (any, bool) { return e.Request, e.Request != nil }},
	{"response", func(e *Execution) (any, bool) { return e.Response, e.Response != nil }},
	{"id", func(e *Execution) (any, bool) { return e.ID, true }},
	{"requestError", func(e *Execution) (any, bool) { return e.RequestError, e.RequestError != nil }},
	{"assertions", func(e *Execution) (any, bool) { return e.Assertions, len(e.Assertions) > 0 }},
	{"testScript", func(e *Execution) (any, bool) { return e.TestScript, len(e.TestScript) > 0 }},
	{"skipped", func(e *Execution) (any, bool) { return true, e.Skipped }},
	{"interrupted", func(e *Execution) (any, bool) { return true, e.Interrupted }},
	{"console", func(e *Execution) (any, bool) { return e.Console, len(e.Console) > 0 }},
}

// Encode appends the execution's JSON to buf, its keys in Order, then the
// others; enc must write to buf. A writer that encodes many executions
// passes the same buffer and encoder each time, so that nothing is
// allocated for the document's pieces.
func (e *Execution) Encode(buf *bytes.Buffer, enc *json.Encoder) error {
	var done [len(executionFields)]bool
	first := true
	write := func(i int) error {
		if done[i] {
			return nil
		}
		done[i] = true
		v, ok := executionFields[i].value(e)
		if !ok {
			return nil
		}
		if first {
			buf.WriteByte('{')
			first = false
		} else {
			buf.WriteByte(',')
		}
		buf.WriteByte('"')
		buf.WriteString(executionFields[i].key)
		buf.WriteString(`":`)
		if err := enc.Encode(v); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // the encoder's line feed
		return nil
	}
	for _, k := range e.Order {
		for i, f := range executionFields {
			if f.key == k {
				if err := write(i); err != nil {
					return err
				}
			}
		}
	}
	for i := range executionFields {
		if err := write(i); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// Console is one console line: its level (log, info, warn, error, debug)
// and its text as Node's console.log prints it.
type Console struct {
	Level   string `json:"level"`
	Message string `json:"message"`
}

type Failure struct {
	Error Error  `json:"error"`
	At    string `json:"at"`
	// Source is the whole item that failed, as in Newman (older courier
	// reports: id and name only).
	Source *Item  `json:"source,omitempty"`
	Parent Parent `json:"parent,omitempty"`
	Cursor Cursor `json:"cursor"`
}

// Parent is a failed item's parent group as Newman writes it: the whole
// folder ({id, name, item, event}) or, for an item at the top level, the
// whole collection; absent for a request's own failure. It is kept as
// written; readers that want the folder's name use Ref.
type Parent json.RawMessage

func (p Parent) MarshalJSON() ([]byte, error) {
	if len(p) == 0 {
		return []byte("null"), nil
	}
	return p, nil
}

func (p *Parent) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = nil
		return nil
	}
	*p = append((*p)[:0], b...)
	return nil
}

// Ref is the parent's id and name; both are empty for the collection,
// which Newman writes without a top-level name.
func (p Parent) Ref() Ref {
	var r Ref
	if len(p) > 0 {
		_ = json.Unmarshal(p, &r) // a parent of another shape names nothing
	}
	return r
}

// Postman collection JSON, enough for report consumers: ids, names, the
// request templates and scripts.

// Script is in postman-collection's key order: id, name, type,
// packages, exec.
type Script struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	Type string `json:"type"`
	// Packages is as the collection gave it (postman-collection keeps
	// any value; left out when the file had none).
	Packages json.RawMessage `json:"packages,omitempty"`
	Exec     Lines           `json:"exec"`
	// LastExecutionID is postman-runtime's id of the script's last run,
	// which Newman's report shows on every script that ran; courier's
	// is drawn from the run and the script's place.
	LastExecutionID string `json:"_lastExecutionId,omitempty"`
}

// Event is in postman-collection's key order: disabled (only when the
// collection gave it, false included, as postman-collection keeps it),
// listen, script.
type Event struct {
	Disabled *bool  `json:"disabled,omitempty"`
	Listen   string `json:"listen"`
	Script   Script `json:"script"`
}

// ItemRequest is a collection request in Newman's key order; its URL is
// postman-collection's URL object (a string in older courier reports).
type ItemRequest struct {
	// As Request's.
	Description json.RawMessage `json:"description,omitempty"`
	URL         URL             `json:"url"`
	Header      []KV            `json:"header,omitempty"`
	Method      string          `json:"method"`
	Body        *Body           `json:"body,omitempty"`
	Auth        json.RawMessage `json:"auth,omitempty"`
}

// Item is an item or folder in postman-collection's key order (id, name,
// description, item or request and response, auth, event,
// protocolProfileBehavior).
type Item struct {
	ID string `json:"id,omitempty"`
	// Name is left out when the item has none (a pm.sendRequest's request
	// as a failure's source), as postman-collection writes it.
	Name string `json:"name,omitempty"`
	// Description is the item's or folder's, as in ItemRequest.
	Description json.RawMessage `json:"description,omitempty"`
	Item        []Item          `json:"item,omitempty"`
	Request     *ItemRequest    `json:"request,omitempty"`
	// Response holds the request's saved examples (v2.1 response objects),
	// as in Newman's report; omitted when there are none.
	Response json.RawMessage `json:"response,omitempty"`
	// A folder's auth, as in ItemRequest.
	Auth  json.RawMessage `json:"auth,omitempty"`
	Event []Event         `json:"event"`
	// ProtocolProfileBehavior is the item's or folder's, and written for a
	// pm.sendRequest's request.
	ProtocolProfileBehavior json.RawMessage `json:"protocolProfileBehavior,omitempty"`
}

// Ref is the item's id and name.
func (it Item) Ref() Ref { return Ref{ID: it.ID, Name: it.Name} }

// Variable is a collection variable in postman-collection's key order
// (id, name, disabled, description, type, value, key, system).
type Variable struct {
	ID string `json:"id,omitempty"`
	// Name is the variable's name when the collection gave one.
	Name     string `json:"name,omitempty"`
	Disabled bool   `json:"disabled,omitempty"`
	// Description is as postman-collection writes it ({content, type}).
	Description json.RawMessage `json:"description,omitempty"`
	Type        string          `json:"type,omitempty"`
	Value       Text            `json:"value"`
	Key         string          `json:"key"`
	// System is as the collection gave it (postman-collection keeps any
	// value); left out when it had none.
	System json.RawMessage `json:"system,omitempty"`
	// Typed, when set, is the value's JSON written in place of Value (a
	// number, boolean, null, or a text): postman-collection writes a
	// variable's value as it holds it. NoValue leaves "value" out, as for
	// a variable that holds undefined.
	Typed   json.RawMessage `json:"-"`
	NoValue bool            `json:"-"`
}

func (v Variable) MarshalJSON() ([]byte, error) {
	type plain Variable
	if v.Typed == nil && !v.NoValue {
		return json.Marshal(plain(v))
	}
	return json.Marshal(struct {
		ID          string          `json:"id,omitempty"`
		Name        string          `json:"name,omitempty"`
		Disabled    bool            `json:"disabled,omitempty"`
		Description json.RawMessage `json:"description,omitempty"`
		Type        string          `json:"type,omitempty"`
		Value       json.RawMessage `json:"value,omitempty"`
		Key         string          `json:"key"`
		System      json.RawMessage `json:"system,omitempty"`
	}{v.ID, v.Name, v.Disabled, v.Description, v.Type, v.Typed, v.Key, v.System})
}

// Collection keeps the key order of Newman's report: postman-collection's
// private "_" block (the collection's id), item, auth, event,
// protocolProfileBehavior, variable, info last.
type Collection struct {
	Private                 *Private        `json:"_,omitempty"`
	Item                    []Item          `json:"item"`
	Auth                    json.RawMessage `json:"auth,omitempty"`
	Event                   []Event         `json:"event"`
	ProtocolProfileBehavior json.RawMessage `json:"protocolProfileBehavior,omitempty"`
	Variable                []Variable      `json:"variable"`
	Info                    struct {
		PostmanID string `json:"_postman_id,omitempty"`
		Name      string `json:"name"`
		// Version is postman-collection's parsed version ({raw, major,
		// minor, patch, prerelease, build, string}) as the collection's
		// info.version gave it.
		Version     json.RawMessage `json:"version,omitempty"`
		Schema      string          `json:"schema,omitempty"`
		Description json.RawMessage `json:"description,omitempty"`
	} `json:"info"`
}

// Private is postman-collection's "_" block, where it keeps the file's
// underscored fields without their underscore: a collection's
// _postman_id, a saved example's _postman_previewlanguage, a scope's
// _postman_variable_scope, _postman_exported_at and _postman_exported_using.
type Private struct {
	PostmanID              string `json:"postman_id,omitempty"`
	ExporterID             string `json:"exporter_id,omitempty"`
	PostmanPreviewLanguage string `json:"postman_previewlanguage,omitempty"`
	PostmanVariableScope   string `json:"postman_variable_scope,omitempty"`
	PostmanExportedAt      string `json:"postman_exported_at,omitempty"`
	PostmanExportedUsing   string `json:"postman_exported_using,omitempty"`
}

// ScopeValue is an environment or globals variable in postman-collection's
// key order (type, value, key); courier adds enabled, which Newman's
// report drops, and keeps the type the file declared (Newman's reads
// "any" for default and secret).
type ScopeValue struct {
	Type    string `json:"type"`
	Value   Text   `json:"value"`
	Key     string `json:"key"`
	Enabled bool   `json:"enabled"`
	// Typed, when set, is the value's JSON written in place of Value (a
	// number, a boolean, an object), as postman-collection holds it.
	Typed json.RawMessage `json:"-"`
	// NoValue is a variable set to undefined (--env-var k, a file entry
	// without a value): JSON.stringify leaves its value out.
	NoValue bool `json:"-"`
}

func (v ScopeValue) MarshalJSON() ([]byte, error) {
	type plain ScopeValue
	if v.NoValue {
		return json.Marshal(struct {
			Type    string `json:"type"`
			Key     string `json:"key"`
			Enabled bool   `json:"enabled"`
		}{v.Type, v.Key, v.Enabled})
	}
	if v.Typed == nil {
		return json.Marshal(plain(v))
	}
	return json.Marshal(struct {
		Type    string          `json:"type"`
		Value   json.RawMessage `json:"value"`
		Key     string          `json:"key"`
		Enabled bool            `json:"enabled"`
	}{v.Type, v.Typed, v.Key, v.Enabled})
}

// Scope is the report's environment or globals: postman-collection's "_"
// block (the file's _postman_* fields), id, name, values.
type Scope struct {
	Private *Private     `json:"_,omitempty"`
	ID      string       `json:"id"`
	Name    string       `json:"name,omitempty"`
	Values  []ScopeValue `json:"values"`
}
